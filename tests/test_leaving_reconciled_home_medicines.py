"""A home medicine held or stopped at reconciliation, never to be charted, stayed asked on the
going-home check for the whole stay ("Metformin 1 g bd: STOPPED AT RECONCILIATION (eGFR 22)"),
asked as open work at discharge though the letter says it. It stays on the escalation list and
the handover; one time-critical held stays asked as it leaves too: another route is owed."""

from datetime import datetime

from downtime.services import leaving
from tests.test_medicines_reconciliation import AT, _held_stopped_continued, _ward_line, admitted  # noqa: F401


def test_a_home_medicine_stopped_at_reconciliation_is_not_asked_as_the_patient_leaves(
        session_for, admitted, clock):  # noqa: F811
    patient, _ = admitted
    clock.now = datetime.fromisoformat(AT)
    _held_stopped_continued(session_for("doctor"), patient)
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T15:00+01:00")
    assert "Metformin 1 g bd: STOPPED AT RECONCILIATION (eGFR 22)" in _ward_line(nurse, clock.now)
    asked = leaving.still_asked(nurse.db, nurse.forms, patient, clock.now, "en", destination="home")
    assert asked is not None and "Ramipril 10 mg od" in asked
    assert "RECONCILIATION" not in asked
