"""A time-critical order's doses with nothing recorded are said as one line, at the latest, with
how many and since when: the escalation list and the handover said "give it now" of each of
levodopa's 10:00, 14:00 and 18:00 doses, three lines which, followed one by one, gave three doses
at once, and ranked them by bed below every cannula and glucose check (R2 D2)."""

from datetime import datetime

from downtime.services import census, chart_alerts, medication, records
from tests.test_time_critical import LEVODOPA
from tests.test_transfusion import OBS

LEVODOPA_3 = {**LEVODOPA, "times": "10:00 14:00 18:00", "start_at": "2026-11-29T09:30+01:00"}


def test_a_time_critical_orders_doses_not_recorded_are_one_urgent_line_at_the_latest(session_for, medication_ward,
                                                                                     admission_values, clock):
    """29/11: levodopa at 10:00, 14:00 and 18:00, none recorded, the laptop in use all day (a set of
    observations every hour); at 19:30 one line, the 18:00 dose's, counting the three, first
    among the lines, and once on the handover."""
    patient = medication_ward[0]  # bed 12
    clock.now = datetime.fromisoformat("2026-11-29T09:00+01:00")
    records.save_new(session_for("doctor"), "medication_order", LEVODOPA_3, patient_id=patient)
    nurse = session_for("nurse")
    other = records.save_new(nurse, "admission", {**admission_values, "bed": "2", "birth_name": "Abel",
                                                  "used_name": ""}).patient_id
    while clock.now.hour < 19:
        clock.advance(hours=1)
        records.save_new(nurse, "observations", {**OBS, "taken_at": clock.now.isoformat()}, patient_id=other)
    records.save_new(nurse, "blood_glucose", {"timing": "night", "reading": "value", "glucose_unit": "mmol_l",
                                              "next_in": "60", "glucose": 9.0, "taken_at": "2026-11-29T18:00+01:00"},
                     patient_id=other)  # bed 2: its hourly glucose overdue, routine
    clock.now = datetime.fromisoformat("2026-11-29T19:30+01:00")
    at = clock.now
    found = chart_alerts.alerts(nurse.db, nurse.forms, census.in_patients(nurse.db, nurse.forms, "3B", at), at, "en",
                                ward="3B").alerts
    levodopa = [(number, alert) for number, alert in enumerate(found) if "Co-careldopa" in alert.latest]
    assert [(alert.latest, alert.said, alert.urgent) for _, alert in levodopa] == [(
        "Co-careldopa 25/100 1 tablet(s) PO 29/11 18:00",
        ["TIME-CRITICAL DOSES OVERDUE (latest due 29/11 18:00; 3 doses since 29/11 10:00): give the latest now, "
         "record the others (given on paper, or not given and why) and tell the doctor"], True)]
    (glucose,) = [number for number, alert in enumerate(found) if alert.patient.patient_id == other
                  and alert.form_id == "blood_glucose"]
    assert levodopa[0][0] < glucose
    handover = medication.time_critical_handover(nurse.db, nurse.forms, [patient], at, "en")[patient]
    assert handover.count("Co-careldopa") == 1 and "3 doses since 29/11 10:00" in handover
    french = medication.time_critical_handover(nurse.db, nurse.forms, [patient], at, "fr")[patient]
    assert "3 doses depuis le 29/11 10:00" in french
    assert "Co-careldopa" not in chart_alerts.doses_overdue(nurse.db, nurse.forms, census.in_patients(
        nurse.db, nurse.forms, "3B", at), at, "en").get(patient, "")
