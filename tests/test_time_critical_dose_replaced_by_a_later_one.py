"""A time-critical dose with nothing recorded whose order's later dose is given, or due now, is not
to give: the levodopa of 10:00 and 14:00 were said "give the latest now" at 19:30 with the 18:00
dose given at 18:10, and at 18:10 with the 18:00 dose due, a double dose first on the list; it is
recorded, and the doctor told (S4 S1). The line counts the order's doses missed past the round's
12 hours too: "2 doses since 29/11 22:00" read as a chart complete before 22:00 (S4 S4); and its
heading says which dose is due, in both languages (S4 S5)."""

from datetime import datetime

from downtime.domain.medication import Check
from downtime.services import census, chart_alerts, medication, records
from tests.test_time_critical import LEVODOPA
from tests.test_transfusion import OBS

LEVODOPA_3 = {**LEVODOPA, "times": "10:00 14:00 18:00", "start_at": "2026-11-29T09:30+01:00"}


def _ward(session_for, medication_ward, admission_values, clock, order, until: int):
    """The order written at 09:00 29/11 for the patient in bed 12, the laptop in use every hour
    (another patient's observations) until `until` o'clock: (patient id, order id, nurse)."""
    patient = medication_ward[0]
    clock.now = datetime.fromisoformat("2026-11-29T04:00+01:00")
    saved = records.save_new(session_for("doctor"), "medication_order", order, patient_id=patient)
    nurse = session_for("nurse")
    other = records.save_new(nurse, "admission", {**admission_values, "bed": "2", "birth_name": "Abel",
                                                  "used_name": ""}).patient_id
    while clock.now.hour < until:
        clock.advance(hours=1)
        records.save_new(nurse, "observations", {**OBS, "taken_at": clock.now.isoformat()}, patient_id=other)
    return patient, saved.record_id, nurse


def _said(nurse, patient, lang="en"):
    """The escalation list's levodopa lines, and what the handover says of them."""
    at = nurse.clock()
    found = chart_alerts.alerts(nurse.db, nurse.forms, census.in_patients(nurse.db, nurse.forms, "3B", at), at, lang,
                                ward="3B").alerts
    return ([(alert.latest.rsplit(" ", 2)[-1], alert.said) for alert in found if "Co-careldopa" in alert.latest],
            medication.time_critical_handover(nurse.db, nurse.forms, [patient], at, lang).get(patient))


def _given(nurse, order_id, slot: str, at: str) -> None:
    medication.record_dose(nurse, order_id, {"outcome": "given", "given_at": at, "scheduled_for": slot,
                                             "dose_given": 1.0, "route": "PO"},
                           overrides={check: "given on time, typed late" for check in Check})


def test_doses_not_recorded_before_a_later_dose_given_are_to_record_not_to_give(
        session_for, medication_ward, admission_values, clock):
    """19:30: the 18:00 dose given at 18:10, the 10:00 and 14:00 with nothing recorded."""
    patient, order_id, nurse = _ward(session_for, medication_ward, admission_values, clock, LEVODOPA_3, 19)
    _given(nurse, order_id, "2026-11-29T18:00+01:00", "2026-11-29T18:10+01:00")
    clock.now = datetime.fromisoformat("2026-11-29T19:30+01:00")
    english = ("TIME-CRITICAL DOSES NOT RECORDED (latest due 29/11 14:00; 2 doses since 29/11 10:00): the 29/11 "
               "18:00 dose is given, do not give them late: record them (given on paper, or not given and why) and "
               "tell the doctor")
    assert _said(nurse, patient) == ([("14:00", [english])], f"Co-careldopa 25/100 1 tablet(s) PO 29/11 14:00: {english}")
    assert _said(nurse, patient, "fr")[0] == [("14:00", [
        "DOSES À HORAIRE CRITIQUE NON TRACÉES (dernière prévue 29/11 14:00 ; 2 doses depuis le 29/11 10:00) : la "
        "dose du 29/11 18:00 est donnée, ne pas les donner en retard : les tracer (données sur papier, ou non "
        "données et pourquoi) et prévenir le médecin"])]


def test_a_dose_not_recorded_before_a_later_dose_due_now_is_to_record_not_to_give(
        session_for, medication_ward, admission_values, clock):
    """18:10: the 18:00 dose due (given on the round), the 10:00 given, the 14:00 with nothing recorded."""
    patient, order_id, nurse = _ward(session_for, medication_ward, admission_values, clock, LEVODOPA_3, 18)
    _given(nurse, order_id, "2026-11-29T10:00+01:00", "2026-11-29T10:05+01:00")
    clock.now = datetime.fromisoformat("2026-11-29T18:10+01:00")
    assert _said(nurse, patient)[0] == [("14:00", [
        "TIME-CRITICAL DOSE NOT RECORDED (due 29/11 14:00): the 29/11 18:00 dose is due now, do not give it late: "
        "record it (given on paper, or not given and why) and tell the doctor"])]
    assert _said(nurse, patient, "fr")[0] == [("14:00", [
        "DOSE À HORAIRE CRITIQUE NON TRACÉE (prévue 29/11 14:00) : la dose du 29/11 18:00 est à donner maintenant, "
        "ne pas la donner en retard : la tracer (donnée sur papier, ou non donnée et pourquoi) et prévenir le "
        "médecin"])]


def test_the_latest_of_doses_not_recorded_is_given_and_the_doses_missed_before_are_counted(
        session_for, medication_ward, admission_values, clock):
    """19:30 29/11: levodopa five times a day since 28/11, nothing recorded: the 10:00, 14:00 and
    18:00 doses within the 12 hours, the latest to give; five before them missed, counted."""
    patient, order_id, nurse = _ward(session_for, medication_ward, admission_values, clock, LEVODOPA, 19)
    clock.now = datetime.fromisoformat("2026-11-29T19:30+01:00")
    assert _said(nurse, patient)[0] == [("18:00", [
        "TIME-CRITICAL DOSES OVERDUE (latest due 29/11 18:00; 3 doses since 29/11 10:00): give the latest now, "
        "record the others (given on paper, or not given and why) and tell the doctor; 5 earlier doses MISSED "
        "(over 12 h): record them, tell the prescriber"])]
    assert _said(nurse, patient, "fr")[0] == [("18:00", [
        "DOSES À HORAIRE CRITIQUE TRÈS EN RETARD (dernière prévue 29/11 18:00 ; 3 doses depuis le 29/11 10:00) : "
        "donner la dernière maintenant, tracer les autres (données sur papier, ou non données et pourquoi) et "
        "prévenir le médecin ; 5 doses antérieures OMISES (plus de 12 h) : les tracer, prévenir le prescripteur"])]
