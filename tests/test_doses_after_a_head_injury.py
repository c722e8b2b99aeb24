"""A dose questioned by the neuro chart and the fall before it (review R6 #2, #3): a sedative or
an opioid while the neuro chart asks a doctor nobody told, and an anticoagulant while a fall with
a possible head injury waits on its CT head; each saved only with a reason."""

import pytest

from downtime.domain.medication import Check
from downtime.services import medication, records

FALL = {"fell_at": "2026-11-28T12:30+01:00", "witnessed": "found", "where": "bedside", "fracture_signs": "none",
        "head_injury": "yes", "anticoagulated": False}
SET = {"taken_at": "2026-11-28T12:40+01:00", "eyes": "4", "verbal": "4", "motor": "6", "pupil_left_size": 3,
       "pupil_left_reaction": "brisk", "pupil_right_size": 3, "pupil_right_reaction": "brisk",
       "arm_left": "normal", "arm_right": "normal", "leg_left": "normal", "leg_right": "normal", "next_set_in": "30"}
GIVEN = {"outcome": "given", "given_at": "2026-11-28T13:40+01:00", "given_for": "agitated"}


def _as_required(session_for, patient, drug, dose):
    return records.save_new(session_for("doctor"), "medication_order", {
        "drug": drug, "dose": dose, "dose_unit": "mg", "route": "PO", "frequency": "prn",
        "prn_indication": "agitation", "min_interval_hours": 4, "max_doses_24h": 2,
        "start_at": "2026-11-27T10:00+01:00", "controlled": False, "high_alert": False},
        patient_id=patient).record_id


def _asked(session, order, dose, check):
    return [warning for warning in medication.check_dose(session, order, dose) if warning.check is check]


@pytest.mark.parametrize("drug", ["Lorazepam", "Haldol", "Tercian", "Zopiclone", "Rivotril", "Piriton", "Donormyl"])
def test_a_sedative_while_the_neuro_chart_asks_a_doctor_nobody_told_is_questioned(session_for, medication_ward,
                                                                                  clock, drug):
    """GCS 14 at 12:40, 8 at 13:30 after a fall: lorazepam at 13:40 deepened the coma the chart was
    escalating, with nothing said; once the doctor is told on a set, nothing is asked."""
    patient = medication_ward[0]
    nurse = session_for("nurse")
    records.save_new(nurse, "inpatient_fall", FALL, patient_id=patient)
    records.save_new(nurse, "neuro_observations", SET, patient_id=patient)
    order = _as_required(session_for, patient, drug, 1.0)
    dose = {**GIVEN, "dose_given": 1.0, "route": "PO"}
    assert _asked(nurse, order, dose, Check.NEURO_ALARM) == []
    records.save_new(nurse, "neuro_observations", {**SET, "taken_at": "2026-11-28T13:30+01:00", "eyes": "2",
                                                   "verbal": "2", "motor": "4"}, patient_id=patient)
    [asked] = _asked(nurse, order, dose, Check.NEURO_ALARM)
    assert asked.message.startswith(f"{drug}: the neuro chart at 28/11 13:30 asks a doctor (GCS 8 or less: the "
                                    "airway is at risk — call for help now; GCS fell by 6")
    assert asked.message.endswith("and none is recorded told: a sedative or an opioid lowers the GCS and hides the "
                                  "next set's. Tell the doctor before giving it.")
    assert "surveillance neurologique" in asked.text("fr")
    with pytest.raises(medication.OverrideNeeded):
        medication.record_dose(nurse, order, dose)
    # A dose recorded not given is not questioned; a dose before the set, neither.
    assert _asked(nurse, order, {**dose, "outcome": "not_given", "dose_given": None,
                                 "not_given_reason": "refused"}, Check.NEURO_ALARM) == []
    assert _asked(nurse, order, {**dose, "given_at": "2026-11-28T13:20+01:00"}, Check.NEURO_ALARM) == []
    # Typed from the paper chart, given already: nothing to ask before giving it (review S9 #7).
    assert _asked(nurse, order, {**dose, medication.TRANSCRIBED: True}, Check.NEURO_ALARM) == []
    records.save_new(nurse, "neuro_observations", {**SET, "taken_at": "2026-11-28T13:35+01:00", "eyes": "2",
                                                   "verbal": "2", "motor": "4", "doctor_told": "Dr Benali",
                                                   "doctor_told_at": "2026-11-28T13:35+01:00"},
                     patient_id=patient)
    assert _asked(nurse, order, dose, Check.NEURO_ALARM) == []


def test_a_neuro_chart_a_doctor_stopped_questions_no_sedative(session_for, medication_ward, clock):
    """A set whose GCS fell, charted "stopped (doctor's decision)": the doctor has seen the patient,
    and zopiclone two days later was questioned for good (review S9 #6)."""
    patient = medication_ward[0]
    nurse = session_for("nurse")
    records.save_new(nurse, "inpatient_fall", FALL, patient_id=patient)
    records.save_new(nurse, "neuro_observations", SET, patient_id=patient)
    records.save_new(nurse, "neuro_observations", {**SET, "taken_at": "2026-11-28T13:30+01:00", "verbal": "2",
                                                   "next_set_in": "stopped", "stopped_by": "Dr Benali"},
                     patient_id=patient)
    order = _as_required(session_for, patient, "Zopiclone", 3.75)
    assert _asked(nurse, order, {**GIVEN, "dose_given": 3.75, "route": "PO"}, Check.NEURO_ALARM) == []


def test_an_opioid_is_questioned_as_a_sedative_is_and_paracetamol_is_not(session_for, medication_ward, clock):
    patient, _, morphine = medication_ward
    nurse = session_for("nurse")
    records.save_new(nurse, "inpatient_fall", FALL, patient_id=patient)
    records.save_new(nurse, "neuro_observations", {**SET, "eyes": "2", "verbal": "2", "motor": "4"},
                     patient_id=patient)
    assert _asked(nurse, morphine, {**GIVEN, "dose_given": 5.0, "route": "SC"}, Check.NEURO_ALARM)
    paracetamol = _as_required(session_for, patient, "Paracetamol", 1000.0)
    assert _asked(nurse, paracetamol, {**GIVEN, "dose_given": 1000.0, "route": "PO"}, Check.NEURO_ALARM) == []


APIXABAN = {"drug": "Apixaban", "dose": 5.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
            "times": "08:00 20:00", "start_at": "2026-11-27T10:00+01:00", "controlled": False, "high_alert": True}
MORNING = {"outcome": "given", "scheduled_for": "2026-11-28T08:00+01:00", "given_at": "2026-11-28T08:05+01:00",
           "dose_given": 5.0, "route": "PO"}


def test_an_anticoagulant_after_a_head_injury_waiting_on_its_ct_is_questioned(session_for, medication_ward, clock):
    """Found on the floor at 02:00 with a possible head injury on apixaban; at 08:00 no doctor and
    no CT: the morning apixaban was given from the round with nothing said."""
    patient = medication_ward[0]
    nurse = session_for("nurse")
    order = records.save_new(session_for("doctor"), "medication_order", APIXABAN, patient_id=patient).record_id
    fall = records.save_new(nurse, "inpatient_fall", {**FALL, "fell_at": "2026-11-28T02:00+01:00",
                                                      "anticoagulated": True}, patient_id=patient)
    [asked] = _asked(nurse, order, MORNING, Check.HEAD_INJURY)
    assert asked.message == ("Apixaban: the patient fell at 28/11 02:00 with a head injury and no CT head is "
                             "recorded done or decided against: an anticoagulant makes a bleed in the head worse. Ask "
                             "the doctor before giving it.")
    assert "scanner" in asked.text("fr")
    with pytest.raises(medication.OverrideNeeded):
        medication.record_dose(nurse, order, MORNING)
    # The dose of 01:00, before the fall, was not one to question.
    assert _asked(nurse, order, {**MORNING, "given_at": "2026-11-28T01:00+01:00"}, Check.HEAD_INJURY) == []
    # Typed from the paper chart, given already: nothing to ask before giving it (review S9 #7).
    assert _asked(nurse, order, {**MORNING, medication.TRANSCRIBED: True}, Check.HEAD_INJURY) == []
    # The CT head done, its result not back or a bleed, is no decision to carry on (review S9 #1).
    done = records.amend(nurse, fall.record_id, {**fall.data, "reviewed_at": "2026-11-28T02:40+01:00",
                                                 "reviewed_by": "Dr Benali", "ct_head": "done",
                                                 "ct_head_at": "2026-11-28T04:00+01:00"}, "CT done")
    [asked] = _asked(nurse, order, MORNING, Check.HEAD_INJURY)
    assert asked.message == ("Apixaban: the CT head after the fall at 28/11 02:00 is done and the fall records no "
                             "doctor's decision to continue the anticoagulant: ask the doctor before giving it.")
    held = records.amend(nurse, fall.record_id, {**done.data, "ct_head_result": "Small subdural haematoma",
                                                 "anticoagulant_after_ct": "hold"}, "Decision")
    [asked] = _asked(nurse, order, MORNING, Check.HEAD_INJURY)
    assert "the doctor's decision on the fall is to hold or stop the anticoagulant" in asked.message
    records.amend(nurse, fall.record_id, {**held.data, "ct_head_result": "No bleed",
                                          "anticoagulant_after_ct": "continue"}, "Decision")
    assert _asked(nurse, order, MORNING, Check.HEAD_INJURY) == []


def test_an_anticoagulant_after_a_fall_without_a_head_injury_is_not_questioned(session_for, medication_ward, clock):
    patient = medication_ward[0]
    nurse = session_for("nurse")
    order = records.save_new(session_for("doctor"), "medication_order", APIXABAN, patient_id=patient).record_id
    records.save_new(nurse, "inpatient_fall", {**FALL, "fell_at": "2026-11-28T02:00+01:00", "witnessed": "witnessed",
                                               "head_injury": "no", "anticoagulated": True}, patient_id=patient)
    assert _asked(nurse, order, MORNING, Check.HEAD_INJURY) == []
