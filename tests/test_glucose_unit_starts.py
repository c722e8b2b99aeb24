"""A glucose reading's unit starts as the patient's latest reading's, and a patient's first as the
latest typed on the laptop's: a ward's meters read in one unit, which the nurse then only checks."""

from downtime.services import prefill, records

READ = {"taken_at": "2026-11-28T13:50+01:00", "timing": "before_lunch", "reading": "value", "next_in": "240"}


def _starts(nurse, patient):
    return prefill.first_answers(nurse, nurse.form("blood_glucose"), patient).get("glucose_unit")


def test_a_reading_starts_in_the_patients_unit_and_a_first_in_the_laptops(session_for, patient, admission_values):
    nurse = session_for("nurse", "fr")
    other = records.save_new(nurse, "admission", {**admission_values, "bed": "11", "given_names": "Paul",
                                                  "nir": None}).patient_id
    assert _starts(nurse, patient) is None  # nothing typed on this laptop yet: the nurse chooses
    records.save_new(nurse, "blood_glucose", {**READ, "glucose": 1.25, "glucose_unit": "g_l"}, patient_id=patient)
    assert _starts(nurse, patient) == "g_l" and _starts(nurse, other) == "g_l"
    records.save_new(nurse, "blood_glucose", {**READ, "glucose": 6.9, "glucose_unit": "mmol_l"}, patient_id=other)
    assert _starts(nurse, patient) == "g_l" and _starts(nurse, other) == "mmol_l"
