"""The handover's doses overdue say "give" only of each order's latest dose within the round's 12
hours, its earlier ones to record: "give or record the others on the round" of paracetamol's
10:00, 14:00 and 18:00 doses, followed as written, was 3 g at once (S4 S2). Each order's part of
the line says its own ending: one "then" for the patient's whole line gave the missed amoxicillin's
words to the paracetamol."""

from datetime import datetime

from downtime.services import census, chart_alerts, records
from tests.test_transfusion import OBS

PARACETAMOL = {"drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
               "times": "10:00 14:00 18:00", "start_at": "2026-11-29T09:30+01:00", "controlled": False,
               "high_alert": False, "time_critical": False}
LANSOPRAZOLE = {**PARACETAMOL, "drug": "Lansoprazole", "dose": 30.0, "dose_unit": "mg", "times": "08:00 20:00",
                "start_at": "2026-11-28T07:30+01:00"}


def test_only_each_orders_latest_dose_within_the_window_is_to_give(session_for, medication_ward, admission_values,
                                                                   clock):
    """19:30 29/11, nothing recorded of bed 2's orders, the laptop in use since 04:00: paracetamol's
    three doses of the day, lansoprazole's 08:00 and its missed 20:00 of the day before, its 20:00
    due now: none of those to give."""
    clock.now = datetime.fromisoformat("2026-11-29T04:00+01:00")
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", {**admission_values, "bed": "2", "birth_name": "Abel",
                                                    "used_name": "", "arrival_at": "2026-11-28T09:00+01:00"}).patient_id
    for order in (PARACETAMOL, LANSOPRAZOLE):
        records.save_new(session_for("doctor"), "medication_order", order, patient_id=patient)
    while clock.now.hour < 19:
        clock.advance(hours=1)
        records.save_new(nurse, "observations", {**OBS, "taken_at": clock.now.isoformat()}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-29T19:30+01:00")

    def overdue(lang):
        inside = census.in_patients(nurse.db, nurse.forms, "3B", clock.now)
        return chart_alerts.doses_overdue(nurse.db, nurse.forms, inside, clock.now, lang)[patient]

    assert overdue("en") == (
        "DOSES OVERDUE, NOT RECORDED: Lansoprazole 30 mg PO 28/11 20:00 (MISSED, over 12 h, check the paper first), "
        "29/11 08:00 — the 29/11 20:00 dose is due now: record them (given on paper, or not given and why), do not "
        "give them late, tell the prescriber; Paracetamol 1 g PO 29/11 10:00, 29/11 14:00, "
        "29/11 18:00 — give or record the latest on the round, record the others (given on paper, or not given and "
        "why)")
    assert overdue("fr") == (
        "DOSES EN RETARD, NON TRACÉES : Lansoprazole 30 mg PO 28/11 20:00 (OMISE, plus de 12 h, vérifier d’abord le "
        "papier), 29/11 08:00 — la dose du 29/11 20:00 est à donner maintenant : les tracer (données sur papier, ou "
        "non données et pourquoi), ne pas les donner en retard, prévenir le prescripteur ; "
        "Paracetamol 1 g PO 29/11 10:00, 29/11 14:00, 29/11 18:00 — donner ou tracer la dernière au tour des "
        "médicaments, tracer les autres (données sur papier, ou non données et pourquoi)")
