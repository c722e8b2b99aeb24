"""A dose that fell due while its order ran, with nothing recorded, stays on the handover's DOSES
OVERDUE once the order is stopped, for the round's 12 hours, as one to record and not to give: the
round rightly leaves it off (the order is stopped), and the sheet, which reads the round, said
nothing of the paracetamol of 12:00 whose order was stopped at 14:05 (review s65, the time-critical
rule of 8926ea3c for every order)."""

from datetime import datetime

from downtime.services import census, chart_alerts, records
from tests.test_doses_overdue_not_to_give import PARACETAMOL, _admitted, _at, _overdue


def test_a_dose_due_before_its_order_is_stopped_is_handed_over_to_record(session_for, admission_values, clock):
    """Paracetamol's 12:00 with nothing recorded, the order stopped at 14:05: said at 14:10 and at
    23:55, to record; gone once its 12 hours are past."""
    patient, (paracetamol,) = _admitted(session_for, admission_values, clock, PARACETAMOL)
    clock.now = _at("14:05")
    records.amend(session_for("doctor"), paracetamol, {**PARACETAMOL, "stop_at": _at("14:05").isoformat()},
                  "Changed to IV")
    english = ("DOSES OVERDUE, NOT RECORDED: Paracetamol 1 g PO 28/11 12:00 — the order is stopped (28/11 14:05): "
               "record it (given on paper, or not given and why), do not give it late")
    assert _overdue(session_for, clock, "14:10", patient) == english
    assert _overdue(session_for, clock, "23:55", patient) == english
    assert _overdue(session_for, clock, "14:10", patient, "fr") == (
        "DOSES EN RETARD, NON TRACÉES : Paracetamol 1 g PO 28/11 12:00 — la prescription est arrêtée (28/11 14:05) : "
        "la tracer (donnée sur papier, ou non donnée et pourquoi), ne pas la donner en retard")
    clock.now = datetime.fromisoformat("2026-11-29T00:05+01:00")
    nurse = session_for("nurse")
    assert patient not in chart_alerts.doses_overdue(
        nurse.db, nurse.forms, census.in_patients(nurse.db, nurse.forms, "3B", clock.now), clock.now, "en")
