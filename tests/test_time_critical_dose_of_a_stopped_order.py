"""A time-critical dose that fell due while its order ran, with nothing recorded, stays to record
once the order is stopped: the levodopa PO stopped at 14:05 to be written by NG left its 12:00
dose on no list, the round's, the escalation list's or the handover's, and it never came back
(T3 D4). It is not to give (the order is stopped): the round does not offer it, the list says so."""

from datetime import datetime

from downtime.services import medication, records
from tests.test_time_critical import LEVODOPA
from tests.test_time_critical_dose_replaced_by_a_later_one import _ward

LEVODOPA_PO = {**LEVODOPA, "times": "08:00 12:00 16:00 20:00", "start_at": "2026-11-29T09:30+01:00"}


def test_a_dose_due_before_its_order_is_stopped_stays_to_record_not_to_give(
        session_for, medication_ward, admission_values, clock):
    """14:05: the PO order stopped with its 12:00 dose unrecorded; 14:10: said, not offered."""
    patient, order_id, nurse = _ward(session_for, medication_ward, admission_values, clock, LEVODOPA_PO, 14)
    clock.now = datetime.fromisoformat("2026-11-29T14:05+01:00")
    records.amend(session_for("doctor"), order_id, {**LEVODOPA_PO, "stop_at": "2026-11-29T14:05+01:00"},
                  "Route changed to NG")
    clock.now = datetime.fromisoformat("2026-11-29T14:10+01:00")
    assert not [item for item in medication.round_list(nurse.db, nurse.forms, "3B", clock.now)
                if item.order.record_id == order_id]
    english = ("TIME-CRITICAL DOSE NOT RECORDED (due 29/11 12:00): the order is stopped (29/11 14:05), do not give it "
               "late: record it (given on paper, or not given and why) and tell the doctor")
    assert medication.time_critical_handover(nurse.db, nurse.forms, [patient], clock.now, "en")[patient] == \
        f"Co-careldopa 25/100 1 tablet(s) PO 29/11 12:00: {english}"
    assert medication.time_critical_handover(nurse.db, nurse.forms, [patient], clock.now, "fr")[patient].endswith(
        "DOSE À HORAIRE CRITIQUE NON TRACÉE (prévue 29/11 12:00) : la prescription est arrêtée (29/11 14:05), ne "
        "pas la donner en retard : la tracer (donnée sur papier, ou non donnée et pourquoi) et prévenir le médecin")
