"""A patient back after leaving is readmitted as the patient they are: the admission form starts
from who they are and what they are allergic to, as their last stay's admission says it (the
penicillin allergy found then is on the new chart and in the dose checks). With it, the refusals
met typing a stay in: a reserved paper number whose admission was withdrawn, a back-entered move
into a bed taken later, a date of birth after the arrival."""

from datetime import datetime

import pytest

from downtime.services import medication, paper_numbers, prefill, records, search, settings, wards
from downtime.services.errors import ServiceError, ValidationFailed
from downtime.storage.records import list_current

HOME = {"destination": "home", "letter_given": True, "medicines_given": True}
CO_AMOXICLAV = {"drug": "Co-amoxiclav", "dose": 1.2, "dose_unit": "g", "route": "IV", "frequency": "scheduled",
                "times": "16:00", "start_at": "2026-11-28T16:00+01:00", "controlled": False, "high_alert": False}
ROUX = {"birth_name": "Roux", "used_name": None, "given_names": "Paul", "birth_date": "1950-05-05", "sex": "male",
        "nir": None}


def _discharged(nurse, patient: str, at: str = "2026-11-27T21:00+01:00") -> None:
    records.save_new(nurse, "discharge", {"discharged_at": at, **HOME}, patient_id=patient)


def test_a_readmission_starts_from_the_identity_and_allergies_of_the_last_stay(session_for, medication_ward,
                                                                              admission_values):
    """The allergy amended in during the first stay (a second one found) comes with it, its status
    too; the stay's own answers (arrival, bed, reason, clinician, paper number) do not, and the ward
    is this laptop's as for any admission."""
    nurse, patient = session_for("nurse"), medication_ward[0]
    (first,) = list_current(nurse.db, form_id="admission", patient_id=patient)
    latex = {"substance": "Latex", "reaction": "Urticaria", "severity": "mild"}
    records.amend(nurse, first.record_id, {**first.data, "allergies": [*first.data["allergies"], latex],
                                           "ipp": "800123", "encounter_number": "E-1"}, "latex allergy found")
    _discharged(nurse, patient)
    settings.set_laptop_ward(session_for("admin"), "3B")
    started = prefill.first_answers(nurse, nurse.form("admission"), patient)
    assert started == {
        "unidentified": False, "birth_name": "Lefèvre", "used_name": "Martin", "given_names": "Hélène Marie",
        "sex": "female", "birth_date": "1954-03-12", "nir": "254037511302312", "ipp": "800123",
        "allergy_status": "allergies", "allergies": [*admission_values["allergies"], latex], "ward": "3B"}


def test_a_readmission_saved_as_it_starts_keeps_the_allergy_in_the_dose_checks(session_for, medication_ward,
                                                                               admission_values):
    """Reviewer C's probe: readmitted in the night, the co-amoxiclav the doctor orders is asked about
    against the penicillin allergy of the stay before."""
    nurse, doctor, patient = session_for("nurse"), session_for("doctor"), medication_ward[0]
    _discharged(nurse, patient)
    started = prefill.first_answers(nurse, nurse.form("admission"), patient)
    stay = {key: admission_values[key] for key in ("identity_status", "identity_document", "admission_mode", "reason",
                                                    "admitting_clinician", "resuscitation", "ward")}
    records.save_new(nurse, "admission", {**started, **stay, "arrival_at": "2026-11-28T12:00+01:00", "bed": "5"},
                     patient_id=patient)
    assert medication.allergy_reason_needed(doctor, patient, CO_AMOXICLAV)


def test_a_readmission_starts_from_the_latest_stay_not_the_first(session_for, readmitted, medication_ward,
                                                                 admission_values):
    """Readmitted once, an allergy of none found the second time: the third admission starts from it."""
    patient = medication_ward[0]
    second = max(list_current(readmitted.db, form_id="admission", patient_id=patient),
                 key=lambda record: record.occurred_at)
    records.amend(readmitted, second.record_id, {**second.data, "allergy_status": "nka", "allergies": []},
                  "the penicillin allergy was a rash of the illness")
    _discharged(readmitted, patient, "2026-11-28T13:00+01:00")
    started = prefill.first_answers(readmitted, readmitted.form("admission"), patient)
    assert started["allergy_status"] == "nka" and "allergies" not in started


def test_a_new_patients_admission_starts_blank(session_for, medication_ward):
    assert prefill.first_answers(session_for("nurse"), session_for("nurse").form("admission"), None) == {}


def test_a_reserved_number_whose_admission_was_withdrawn_goes_to_the_admission_typed_again(session_for, patient,
                                                                                          admission_values, forms):
    """Reviewer B's probe: the paper admission of bed 4 typed from the wrong paper form and
    withdrawn, typed again for the person wearing the label it was "ServiceError: no standing
    admission for patient …". Their wristband, forms and samples carry that number: they keep it."""
    nurse = session_for("nurse")
    (reserved,) = paper_numbers.reserve(nurse, 1)
    wrong = records.save_new(nurse, "admission", {**admission_values, "bed": "4", "paper_number": reserved})
    records.mark_entered_in_error(nurse, wrong.record_id, "typed from the wrong paper form")
    right = records.save_new(nurse, "admission", {**admission_values, **ROUX, "bed": "4", "paper_number": reserved})
    assert right.patient_id == wrong.patient_id
    assert [(found.display_name, found.downtime_number) for found in search.search(nurse.db, forms, reserved)] == [
        ("ROUX Paul", reserved)]


def test_a_reserved_number_a_standing_patient_has_is_refused_naming_them(session_for, patient, admission_values):
    nurse = session_for("nurse")
    (reserved,) = paper_numbers.reserve(nurse, 1)
    records.save_new(nurse, "admission", {**admission_values, "bed": "4", "paper_number": reserved})
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "admission", {**admission_values, **ROUX, "bed": "5", "paper_number": reserved})
    assert "is already used by MARTIN Hélène Marie (née LEFÈVRE), born 12/03/1954" in refused.value.errors[0].message


@pytest.fixture
def icu(session_for, patient, admission_values):
    """Reviewer B's probe: Mrs Lefèvre in 3B bed 12 since 09:00 went to ICU 1 at 10:00 and left it
    at 10:50 (neither move typed yet); Mr Roux has been in ICU 1 since 11:00. Returns the nurse."""
    nurse = session_for("nurse")
    wards.add_ward(session_for("admin"), "ICU", "Intensive care", ["1", "2"])
    records.save_new(nurse, "admission", {**admission_values, **ROUX, "ward": "ICU", "bed": "1",
                                          "arrival_at": "2026-11-28T11:00+01:00"})
    return nurse


def test_a_back_entered_move_into_a_bed_taken_later_says_to_type_this_patients_next_move(icu, patient):
    with pytest.raises(ServiceError) as refused:
        records.save_new(icu, "transfer", {"moved_at": "2026-11-28T10:00+01:00", "to_ward": "ICU", "to_bed": "1",
                                           "reason": "Sepsis"}, patient_id=patient)
    said = str(refused.value)
    assert said == ("Bed 1 of ward ICU: ROUX Paul (DT-042-00002-6) came into this bed at 28/11/2026 11:00, after this "
                    "move: first record where this patient went before then, or check the time and the bed.")


def test_a_back_entered_admission_into_a_bed_taken_later_says_so_too(icu, admission_values):
    with pytest.raises(ServiceError) as refused:
        records.save_new(icu, "admission", {**admission_values, "birth_name": "Petit", "nir": None, "ward": "ICU",
                                            "bed": "1", "arrival_at": "2026-11-28T10:00+01:00"})
    assert "came into this bed at 28/11/2026 11:00, after this arrival: first record where" in str(refused.value)


def test_a_move_into_a_bed_taken_before_it_still_says_to_move_that_patient(icu, patient):
    with pytest.raises(ServiceError) as refused:
        records.save_new(icu, "transfer", {"moved_at": "2026-11-28T12:00+01:00", "to_ward": "ICU", "to_bed": "1",
                                           "reason": "Sepsis"}, patient_id=patient)
    said = str(refused.value)
    assert "is taken by ROUX Paul" in said and "move that patient first (to swap two patients' beds" in said


def test_a_date_of_birth_after_the_arrival_is_refused_naming_the_field(session_for, admission_values):
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(session_for("nurse"), "admission", {**admission_values, "birth_date": "2026-11-28",
                                                             "given_names": None,
                                                             "arrival_at": "2026-11-27T10:30+01:00"})
    assert [(error.path, error.message) for error in refused.value.errors] == [
        ("birth_date", "“Date of birth” cannot be after “Arrival date and time”.")]


def test_a_baby_born_on_the_day_of_arrival_is_admitted(session_for, admission_values, clock):
    clock.now = datetime.fromisoformat("2026-11-28T23:00+01:00")
    saved = records.save_new(session_for("nurse"), "admission", {
        **admission_values, "birth_date": "2026-11-28", "given_names": None, "nir": None, "weight_kg": 3.4,
        "height_cm": 50, "arrival_at": "2026-11-28T22:50+01:00", "identity_status": "provisional"})
    assert saved.data["birth_date"] == "2026-11-28"
