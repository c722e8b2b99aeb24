"""A letter handing the patient on (discharge, transfer out) leads its results with the AKI the
creatinine shows and the medicines running that it asks to review, as the handover sheet does:
the GP is to be told of the AKI, its medicines and the creatinine to recheck (NICE NG148)."""

from datetime import datetime

from downtime.services import lab_results, prefill, records

CREATININE = {"received_by": "paper", "test": "Creatinine", "units": "µmol/L", "range": "45–90", "flag": "normal"}


def test_the_discharge_letter_leads_its_results_with_the_aki_and_its_medicines(session_for, medication_ward, clock):
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T07:00+01:00")
    records.save_new(doctor, "medication_order", {
        "drug": "Ibuprofen", "dose": 400.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
        "times": "08:00 14:00 20:00", "start_at": "2026-11-28T08:00+01:00", "controlled": False,
        "high_alert": False}, patient_id=patient)
    records.save_new(nurse, "lab_result", {**CREATININE, "received_at": "2026-11-28T06:30+01:00", "result": "70"},
                     patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-29T12:00+01:00")
    records.save_new(nurse, "lab_result", {**CREATININE, "received_at": "2026-11-29T11:30+01:00", "result": "250",
                                           "flag": "abnormal", "told": "Dr Martin",
                                           "told_at": "2026-11-29T11:40+01:00", "acknowledged": True,
                                           "action": "review medicines"}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-12-01T10:00+01:00")  # the result told a day and more before
    said = ("AKI STAGE 3: creatinine 250 µmol/L, 3.6x the baseline 70 (28/11): review nephrotoxic medicines: "
            "Ibuprofen; review the doses of those the kidneys clear: Morphine")
    assert lab_results.handed_on(nurse.db, nurse.forms, patient, clock.now, "en") == [(said, said)]
    letter = prefill.first_answers(nurse, nurse.form("discharge"), patient)
    assert said in [line for value in letter.values() if isinstance(value, str) for line in value.split("\n")]
    clock.now = datetime.fromisoformat("2026-12-07T12:00+01:00")  # a week on, no newer creatinine: the stay's AKI
    stay = ("AKI STAGE 3: creatinine 250 µmol/L, 3.6x the baseline 70 (28/11), on 29/11, during this stay; latest "
            "creatinine 250 µmol/L (29/11): review nephrotoxic medicines: Ibuprofen; review the doses of those the "
            "kidneys clear: Morphine")
    assert lab_results.handed_on(nurse.db, nurse.forms, patient, clock.now, "en") == [(stay, stay)]


def test_the_letter_tells_of_the_stays_aki_once_the_creatinine_has_come_down(session_for, medication_ward, clock):
    """The usual discharge: AKI stage 3 on 29/11, the ibuprofen stopped, the creatinine back to 95 on
    30/11, home on 01/12. The letter said only "Creatinine 95", nothing of the AKI the GP is to be
    told of (NICE NG148, Think Kidneys): its peak, baseline, latest value and the medicines to review."""
    patient = medication_ward[0]
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T07:00+01:00")
    for received, result in (("2026-11-28T06:30+01:00", "70"), ("2026-11-29T11:30+01:00", "250"),
                             ("2026-11-30T11:30+01:00", "95")):
        clock.now = datetime.fromisoformat(received.replace("11:30", "12:00").replace("06:30", "07:00"))
        records.save_new(nurse, "lab_result", {**CREATININE, "received_at": received, "result": result,
                                               "flag": "normal" if result == "70" else "abnormal", "told": "Dr Martin",
                                               "told_at": received.replace(":30", ":40"), "acknowledged": True},
                         patient_id=patient)
    clock.now = datetime.fromisoformat("2026-12-01T10:00+01:00")
    said = ("AKI STAGE 3: creatinine 250 µmol/L, 3.6x the baseline 70 (28/11), on 29/11, during this stay; latest "
            "creatinine 95 µmol/L (30/11): review the doses of those the kidneys clear: Morphine")
    assert lab_results.handed_on(nurse.db, nurse.forms, patient, clock.now, "en")[0] == (said, said)
    letter = prefill.first_answers(nurse, nurse.form("discharge"), patient)
    assert said in [line for value in letter.values() if isinstance(value, str) for line in value.split("\n")]
