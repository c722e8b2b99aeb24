"""A readmitted patient (the same patient id) is charted afresh: their pain, turns and Braden
risk, neuro sets, glucose, bowels, a child's PEWS, blood prescriptions and units, and fluid
restriction of the stay before were read as this stay's, asked on the escalation list and the
handover, overdue since they went home. Admitted 28/11 09:00 (`patient`), charted in the
morning, home at 12:00, back at 12:30 in bed 5; the tests' clock at 14:00. What outlasts a stay
is still said: a line perhaps still in (to be checked). A patient moved keeps their asks on
their new ward; one discharged has none."""

import pytest

from downtime.services import (census, chart_alerts, devices, fluid_balance, neuro, pews, prefill, printing, records,
                               wards)
from downtime.services.errors import ValidationFailed

NEURO = {"eyes": "4", "verbal": "5", "motor": "6", "pupil_left_size": 3, "pupil_left_reaction": "brisk",
         "pupil_right_size": 3, "pupil_right_reaction": "brisk", "arm_left": "normal", "arm_right": "normal",
         "leg_left": "normal", "leg_right": "normal", "next_set_in": "60"}


def _readmit(session_for, patient, admission_values, out="2026-11-28T12:00+01:00", back="2026-11-28T12:30+01:00",
             bed="5"):
    nurse = session_for("nurse")
    records.save_new(nurse, "discharge", {"discharged_at": out, "destination": "home", "letter_given": True,
                                          "medicines_given": True}, patient_id=patient)
    records.save_new(nurse, "admission", {**admission_values, "arrival_at": back, "bed": bed}, patient_id=patient)
    return nurse


def _asked(nurse, form_id):
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    return [alert.said for alert in chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en",
                                                        ward="3B").alerts if alert.form_id == form_id]


def _handed_over(nurse, patient):
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    return " ".join(printing._charted(nurse, inside, nurse.clock(),
                                      pews.watches(nurse.db, nurse.forms, inside, nurse.clock(), "en")).get(patient, []))


@pytest.mark.parametrize(("form_id", "answers", "words"), [
    ("pain_assessment", {"assessed_at": "2026-11-28T11:00+01:00", "scale": "numeric", "score_numeric": 7,
                         "where": "Right hip", "action": ["analgesia"], "reassess_in": "60"}, "PAIN"),
    ("repositioning", {"turned_at": "2026-11-28T11:30+01:00", "position": "left", "skin": "intact", "next_in": "2"},
     "REPOSITIONING"),
    ("braden_assessment", {"assessed_at": "2026-11-28T09:30+01:00", "sensory": "2", "moisture": "2", "activity": "1",
                           "mobility": "2", "nutrition": "2", "friction": "1"}, "Braden"),
    ("neuro_observations", {**NEURO, "taken_at": "2026-11-28T11:00+01:00"}, "OVERDUE"),
    ("blood_glucose", {"taken_at": "2026-11-28T11:50+01:00", "timing": "before_lunch", "reading": "value",
                       "glucose": 3.2, "glucose_unit": "mmol_l", "action": "150 mL orange juice", "next_in": "60"},
     "HYPO"),
    ("blood_order", {"ordered_at": "2026-11-28T09:30+01:00", "component": "red_cells", "units": 2,
                     "each_over": "2 hours", "indication": "Hb 68 g/L"}, "BLOOD PRESCRIBED"),
])
def test_the_stay_befores_chart_asks_nothing_of_a_readmitted_patient(session_for, patient, admission_values, form_id,
                                                                     answers, words):
    author = session_for("doctor" if form_id == "blood_order" else "nurse")
    records.save_new(author, form_id, answers, patient_id=patient)
    nurse = session_for("nurse")
    assert words in _handed_over(nurse, patient) or _asked(nurse, form_id), "said in the stay itself"
    nurse = _readmit(session_for, patient, admission_values)
    assert words not in _handed_over(nurse, patient)
    assert _asked(nurse, form_id) == []


def test_a_first_neuro_set_of_a_stay_is_compared_with_none_blood_is_prescribed_again_and_a_restriction_ends(
        session_for, patient, admission_values):
    nurse = session_for("nurse")
    records.save_new(session_for("doctor"), "fluid_plan", {"decided_at": "2026-11-28T09:30+01:00",
                                                           "kind": "restriction", "volume": 1000,
                                                           "decided_by": "Dr Benali"}, patient_id=patient)
    assert fluid_balance.plans(nurse.db, [patient], nurse.clock())
    records.save_new(nurse, "neuro_observations", {**NEURO, "taken_at": "2026-11-28T11:00+01:00"}, patient_id=patient)
    order = records.save_new(session_for("doctor"), "blood_order", {
        "ordered_at": "2026-11-28T09:30+01:00", "component": "red_cells", "units": 2, "each_over": "2 hours",
        "indication": "Hb 68 g/L"}, patient_id=patient)
    unit = {"component": "red_cells", "unit_number": "g0001 26 123456", "unit_group": "o_neg",
            "patient_group": "a_neg", "use_by": "2026-12-20T23:59+01:00", "identity_checked": True,
            "abo_card": "compatible", "second_checker": "Paul Martin", "started_at": "2026-11-28T10:00+01:00",
            "order": order.record_id}
    started = records.save_new(nurse, "blood_transfusion", unit, patient_id=patient)
    end = records.save_new(nurse, "transfusion_end", {"unit": started.record_id, "ended_at": "2026-11-28T11:50+01:00",
                                                      "outcome": "completed", "volume": 280, "reaction": False},
                           patient_id=patient)
    nurse = _readmit(session_for, patient, admission_values)
    # Its end withdrawn once the patient was back: no end (a discharge typed with a unit running is refused).
    records.mark_entered_in_error(nurse, end.record_id, "another unit's end")
    records.save_new(nurse, "neuro_observations", {**NEURO, "verbal": "3", "taken_at": "2026-11-28T13:55+01:00"},
                     patient_id=patient)
    assert [flag.text("en") for flag in neuro.chart(nurse.db, patient)[-1].flags] == []  # no "fell by 2 since"
    assert fluid_balance.plans(nurse.db, [patient], nurse.clock()) == {}  # last stay's restriction not in force
    assert _asked(nurse, "blood_transfusion") == []  # last stay's unit is not "still running"
    assert not prefill.first_answers(nurse, nurse.form("blood_transfusion"), patient).get("order")
    with pytest.raises(ValidationFailed, match="that prescription is of the patient's stay before"):
        records.save_new(nurse, "blood_transfusion", {**unit, "unit_number": "g0001 26 999999",
                                                      "started_at": "2026-11-28T13:50+01:00"}, patient_id=patient)


def test_a_bowel_chart_and_a_childs_pews_of_the_stay_before_ask_nothing(session_for, admission_values):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    adult = records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-23T09:00+01:00"}).patient_id
    records.save_new(nurse, "bowel_chart", {"charted_at": "2026-11-24T10:00+01:00", "opened": "opened",
                                            "stool_type": "4", "amount": "medium"}, patient_id=adult)
    _readmit(session_for, adult, admission_values, out="2026-11-25T12:00+01:00")
    child_answers = {**admission_values, "birth_date": "2024-05-01", "weight_kg": 12.5, "nir": None, "bed": "7",
                     "arrival_at": "2026-11-28T09:00+01:00"}
    child = records.save_new(nurse, "admission", child_answers).patient_id
    records.save_new(nurse, "paediatric_observations", {
        "taken_at": "2026-11-28T11:00+01:00", "respiratory_rate": 56, "respiratory_effort": "moderate", "spo2": 93,
        "oxygen": "low", "heart_rate": 158, "systolic_bp": 90, "capillary_refill": "under_3", "temperature": 38.1,
        "consciousness": "alert", "concern": False, "next_in": "60"}, patient_id=child)
    assert _asked(nurse, "paediatric_observations")
    _readmit(session_for, child, child_answers, bed="8")
    # Nothing of the stay before: the child's first set of this one is asked for.
    assert _asked(nurse, "bowel_chart") == [] and _asked(nurse, "paediatric_observations") == [
        ["OBSERVATIONS OVERDUE since admission (28/11 12:30): take a first set on the paediatric chart"]]


def test_a_line_of_the_stay_before_is_still_asked_to_be_checked_and_asks_move_with_the_patient(
        session_for, patient, admission_values):
    """A PICC line may go home and come back: the nurse checks it and charts it out if it is not."""
    wards.add_ward(session_for("admin"), "3C", "Surgery", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    records.save_new(nurse, "device_check", {"checked_at": "2026-11-28T09:30+01:00", "event": "inserted",
                                             "device": "picc", "site": "Right arm", "next_in": "4"},
                     patient_id=patient)
    records.save_new(nurse, "transfer", {"moved_at": "2026-11-28T12:00+01:00", "to_ward": "3C", "to_bed": "2",
                                         "reason": "surgery"}, patient_id=patient)

    def asked_on(ward):
        inside = census.in_patients(nurse.db, nurse.forms, ward, nurse.clock())
        return [alert.form_id for alert in chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en",
                                                               ward=ward).alerts]

    assert asked_on("3B") == [] and asked_on("3C") == [devices.FORM]
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T13:00+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    assert asked_on("3C") == [] and asked_on(None) == []
    records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-28T13:30+01:00", "bed": "5"},
                     patient_id=patient)
    assert asked_on("3B") == [devices.FORM]


ENOXAPARIN = {"drug": "Enoxaparin", "dose": 40.0, "dose_unit": "mg", "route": "SC", "frequency": "scheduled",
              "times": "08:00 20:00", "start_at": "2026-11-28T10:00+01:00", "controlled": False, "high_alert": True}


@pytest.mark.parametrize("start_at", ["2026-11-28T10:00+01:00",
                                      "2026-11-27T20:00+01:00"])  # the course's first day, before the admission
def test_an_order_of_the_stay_typed_in_after_the_patient_left_ends_with_that_stay(session_for, patient,
                                                                                  admission_values, clock,
                                                                                  exported_resource, start_at):
    """A paper order of the stay typed in at 14:00, after the discharge at 12:00: written when the
    patient was in no stay, it ended with none. It went to the EHR active with no stay, a dose at
    13:00 was saved with a reason where the order typed before was refused, and the readmitted
    patient's round at 20:00 listed it due."""
    from fhir.resources.R4B.medicationrequest import MedicationRequest

    from downtime.services import medication
    from downtime.services.errors import ServiceError

    nurse, doctor = session_for("nurse"), session_for("doctor")
    admission = records.list_current(nurse.db, "admission", patient_id=patient)[0]
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T12:00+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    order = records.save_new(doctor, "medication_order", {**ENOXAPARIN, "start_at": start_at},
                             patient_id=patient).record_id
    exported = exported_resource(order, MedicationRequest)
    assert exported.status == "stopped" and exported.encounter.reference.endswith(admission.record_id)
    with pytest.raises(ServiceError, match="stopped"):
        medication.record_dose(nurse, order, {"outcome": "given", "given_at": "2026-11-28T13:00+01:00",
                                              "dose_given": 40.0, "route": "SC"})
    clock.now = clock.now.replace(hour=15, minute=30)
    records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-28T15:00+01:00", "bed": "5"},
                     patient_id=patient)
    clock.now = clock.now.replace(hour=19, minute=30)
    assert [item.order.drug for item in medication.round_list(nurse.db, nurse.forms, "3B", clock.now)] == []
