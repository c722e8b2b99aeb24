"""The results tab says the AKI a creatinine rise shows, with the medicines to review, as the
escalation list does: the doctor told of the result, the tab said only "Latest: Creatinine 260"."""

from downtime.services import records

CREATININE = {"received_by": "paper", "test": "Créatinine", "units": "µmol/L", "range": "59–104"}


def test_the_results_tab_says_an_aki_and_the_medicines_to_review(window_for, session_for, medication_ward):
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    records.save_new(doctor, "medication_order", {
        "drug": "Ibuprofen", "dose": 400.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
        "times": "08:00 14:00 20:00", "start_at": "2026-11-27T10:00+01:00", "controlled": False,
        "high_alert": False}, patient_id=patient)
    records.save_new(nurse, "lab_result", {**CREATININE, "received_at": "2026-11-27T12:00+01:00", "result": "80",
                                           "flag": "normal"}, patient_id=patient)
    window = window_for(nurse)
    chart = window.open_lab_results_of(patient)
    assert "AKI" not in chart.alarms.text()
    records.save_new(nurse, "lab_result", {**CREATININE, "received_at": "2026-11-28T13:00+01:00", "result": "170",
                                           "flag": "abnormal", "told": "Dr Martin",
                                           "told_at": "2026-11-28T13:10+01:00", "acknowledged": True},
                     patient_id=patient)
    chart = window.open_lab_results_of(patient)
    assert chart.alarms.isVisibleTo(chart)
    assert chart.alarms.text() == ("AKI STAGE 2: creatinine 170 µmol/L, 2.1x the baseline 80 (27/11): review "
                                   "nephrotoxic medicines: Ibuprofen; review the doses of those the kidneys clear: "
                                   "Morphine")
