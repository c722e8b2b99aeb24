"""What Save asks of a dose of an order loaded from the EHR's snapshot about the order's other
times with nothing recorded (services.medication._open_slots): a time before the EHR's cut-off
(see services.snapshot_time) is on the EHR's chart, neither given nor missed here."""

from downtime.domain.medication import Check
from downtime.services import medication
from downtime.sync.importing import import_path
from tests.test_snapshot_time import SNAPSHOT, _at, _order


def _paracetamol_loaded_at_ten(session_for, clock):
    """The snapshot's paracetamol (08:00 14:00 20:00, doses 6 h apart) loaded on 29/11 at 10:00."""
    clock.now = _at("11-29T10:00")
    import_path(session_for("records"), SNAPSHOT)
    return session_for("nurse")


def _spacing(nurse, given_at: str, scheduled_for: str) -> list[dict]:
    found = _order(nurse, "Paracetamol")
    return [warning.values for warning in medication.check_dose(nurse, found.record_id, {
        "outcome": "given", "given_at": _at(given_at).isoformat(), "scheduled_for": _at(scheduled_for).isoformat(),
        "dose_given": 1.0, "route": "PO"}) if warning.check is Check.DOSE_SPACING]


def test_a_dose_for_14_00_asks_nothing_of_the_08_00_dose_on_the_ehrs_chart(session_for, clock):
    """The 08:00 dose, due before the load, is on the EHR's chart: Save of the 14:00 dose, given
    on time or early, says nothing of it (a dose is weighed against the times after its own)."""
    nurse = _paracetamol_loaded_at_ten(session_for, clock)
    clock.now = _at("11-29T14:10")
    assert _spacing(nurse, "11-29T14:05", "11-29T14:00") == []
    assert _spacing(nurse, "11-29T10:30", "11-29T14:00") == []


def test_a_late_dose_before_the_load_is_not_weighed_against_a_time_on_the_ehrs_chart(session_for, clock):
    """The 28/11 20:00 dose typed in as given at 06:00 on 29/11: the 08:00 dose after it is on the
    EHR's chart, not "not recorded yet" here."""
    nurse = _paracetamol_loaded_at_ten(session_for, clock)
    clock.now = _at("11-29T14:10")
    assert _spacing(nurse, "11-29T06:00", "11-28T20:00") == []


def test_a_late_dose_after_the_load_is_still_weighed_against_the_next_time(session_for, clock):
    """The 14:00 dose given at 19:00: the 20:00 one, due after the load, is the laptop's to record."""
    nurse = _paracetamol_loaded_at_ten(session_for, clock)
    clock.now = _at("11-29T19:10")
    (said,) = _spacing(nurse, "11-29T19:00", "11-29T14:00")
    assert said["slot"] == "29/11 20:00"
