"""The handover's DOSES OVERDUE says the doses of an order stopped since that fell due before its
stop to record, never as a dose of the medicine due now that replaces another order's: the IV
amoxicillin of 14:00, late when the IV was stopped at 14:20 for the oral, made the oral doses of
08:00 and 13:00 "not to give late", and "the 14:00 dose is due now" (French: "à donner
maintenant") named a dose of a stopped order. And the dose of a stopped order that another order
of the medicine gave for its time is said given beside the stop: "record it (given on paper…)"
alone put two paracetamol doses of 12:00 on the record (review s66 S1, items S1 and S3)."""

from downtime.services import records
from tests.test_doses_overdue_not_to_give import (AMOXICILLIN, PARACETAMOL, PARACETAMOL_IV, _admitted, _at, _given,
                                                  _overdue)

IV = {**AMOXICILLIN, "times": "06:00 14:00 22:00"}
ORAL = {**AMOXICILLIN, "route": "PO", "dose": 500.0, "dose_unit": "mg", "times": "08:00 13:00 18:00",
        "start_at": _at("08:00").isoformat()}


def _stopped(session_for, clock, order_id, values, at: str, why: str) -> None:
    """The order (written with `values`) stopped at `at` by its doctor, for `why`."""
    clock.now = _at(at)
    records.amend(session_for("doctor"), order_id, {**values, "stop_at": _at(at).isoformat()}, why)


def test_a_stopped_orders_late_dose_is_not_a_dose_due_now_replacing_another_orders(
        session_for, admission_values, clock):
    """The IV stopped at 14:20, its 14:00 late: at 14:40 the oral doses are to give or record, and
    nothing is due now; at 15:10 the IV's 14:00, overdue, is said to record as its order's."""
    patient, (iv, _) = _admitted(session_for, admission_values, clock, IV, ORAL)
    _stopped(session_for, clock, iv, IV, "14:20", "Switched to oral")
    oral = "Amoxicillin 500 mg PO 28/11 08:00 (check the paper first), 28/11 13:00 (check the paper first)"
    assert _overdue(session_for, clock, "14:40", patient) == (
        f"DOSES OVERDUE, NOT RECORDED: {oral} — give or record the latest on the round, record the others (given on "
        "paper, or not given and why)")
    assert "maintenant" not in _overdue(session_for, clock, "14:40", patient, "fr")
    said = _overdue(session_for, clock, "15:10", patient)
    assert f"{oral} — give or record the latest on the round" in said, said
    assert ("Amoxicillin 1 g IV 28/11 14:00 — the order is stopped (28/11 14:20): record it (given on paper, or not "
            "given and why), do not give it late") in said, said


def test_a_stopped_orders_dose_another_order_gave_for_its_time_is_said_given_with_the_stop(
        session_for, admission_values, clock):
    """Paracetamol PO's 12:00 given by the IV order written at 11:30, the PO then stopped at 14:05."""
    patient, (oral, iv) = _admitted(session_for, admission_values, clock, PARACETAMOL,
                                    {**PARACETAMOL_IV, "start_at": _at("11:30").isoformat(), "times": "12:00 18:00"})
    _given(session_for, clock, iv, "12:00", "12:00", "IV")
    _stopped(session_for, clock, oral, PARACETAMOL, "14:05", "Changed to IV")
    assert _overdue(session_for, clock, "14:10", patient) == (
        "DOSES OVERDUE, NOT RECORDED: Paracetamol 1 g PO 28/11 12:00 — the order is stopped (28/11 14:05), the "
        "28/11 12:00 dose is given: record it (given on paper, or not given and why), do not give it late")
    assert _overdue(session_for, clock, "14:10", patient, "fr") == (
        "DOSES EN RETARD, NON TRACÉES : Paracetamol 1 g PO 28/11 12:00 — la prescription est arrêtée (28/11 "
        "14:05), la dose du 28/11 12:00 est donnée : la tracer (donnée sur papier, ou non donnée et pourquoi), ne "
        "pas la donner en retard")
