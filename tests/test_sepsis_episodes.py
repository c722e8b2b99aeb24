"""Sepsis screenings taken as one episode: only a doctor's review takes red flag sepsis off (not a
calmer screening after a bolus, nor "infection unlikely" ticked by the nurse); a review counts for
red flag sepsis only once it was found; a review typed on the wrong day is refused and ignored; a
treated episode stops a new screening being asked for a day only, and a new sepsis days on asks
the Sepsis Six again; oxygen "not needed" under target on air is refused and ignored."""

from datetime import datetime

import pytest

from downtime.domain.sepsis import left_to_do, reviewed_at
from downtime.services import census, medication, records, sepsis
from downtime.services.errors import ValidationFailed

READINGS = {"taken_at": "2026-11-28T13:00+01:00", "respiratory_rate": 22, "spo2": 95, "spo2_scale": "scale_1",
            "on_oxygen": False, "systolic_bp": 104, "pulse": 112, "consciousness": "alert", "temperature": 38.6}
SCREEN = {"screened_at": "2026-11-28T13:10+01:00", "infection": "likely", "source": "chest", **READINGS}  # NEWS2 7
CALM = {"respiratory_rate": 18, "spo2": 97, "systolic_bp": 124, "pulse": 84, "temperature": 37.8}  # NEWS2 0
DONE = {f"{item}_at": "2026-11-28T13:30+01:00" for item in ("oxygen", "cultures", "antibiotics", "fluids", "lactate",
                                                           "urine")}
REVIEWED = {"reviewed_by": "Dr Benali", "reviewed_at": "2026-11-28T13:20+01:00"}
SCALE_2 = {"spo2_scale": "scale_2", "scale_2_prescribed_by": "Dr Benali", "scale_2_prescribed_at": "2026-11-28T11:30+01:00"}
SIX_LEFT = "IV antibiotics, IV fluids, lactate, hourly urine output"


def _charted(session_for, patient, given_at="2026-11-28T13:30+01:00"):
    """Clarithromycin 500 mg IV prescribed once and recorded given at `given_at` on the medication
    chart: the IV antibiotics a screening times (`DONE`) as the chart records them."""
    order = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Clarithromycin", "dose": 500.0, "dose_unit": "mg", "route": "IV", "frequency": "once",
        "start_at": given_at, "indication": "Sepsis, chest source", "controlled": False, "high_alert": False},
        patient_id=patient).record_id
    medication.record_dose(session_for("nurse"), order, {"outcome": "given", "given_at": given_at,
                                                         "scheduled_for": given_at, "dose_given": 500.0, "route": "IV"})


def _asks(nurse, patient, lang="en"):
    (inside,) = [one for one in census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
                 if one.patient_id == patient]
    return sepsis.asking(sepsis.read(nurse.db, [inside], nurse.clock())[patient], inside, nurse.clock(), lang)


def test_only_a_doctors_review_takes_red_flag_sepsis_off(session_for, patient, clock):
    """13:10 red flag sepsis, oxygen and cultures done. 13:40, after a bolus, a calmer screening
    (infection, no red flag) and at 13:45 "infection unlikely": neither is a doctor's, the
    antibiotics and the review are still asked. A screening recording the doctor's review ends it."""
    nurse = session_for("nurse")
    records.save_new(nurse, "sepsis_screening", {**SCREEN, "oxygen_at": "2026-11-28T13:12+01:00",
                                                 "cultures_at": "2026-11-28T13:15+01:00"}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T13:50+01:00")
    asked = [f"SEPSIS SIX by 28/11 14:10: {SIX_LEFT}", "doctor to review now (by 28/11 14:10)"]
    assert _asks(nurse, patient) == asked
    records.save_new(nurse, "sepsis_screening", {**SCREEN, **CALM, "screened_at": "2026-11-28T13:40+01:00",
                                                 "taken_at": "2026-11-28T13:35+01:00"}, patient_id=patient)
    assert _asks(nurse, patient) == asked
    records.save_new(nurse, "sepsis_screening", {**SCREEN, **CALM, "screened_at": "2026-11-28T13:45+01:00",
                                                 "taken_at": "2026-11-28T13:35+01:00", "infection": "unlikely"},
                     patient_id=patient)
    assert _asks(nurse, patient) == asked
    # Opened from the escalation list, the latest screening times what is left of the Sepsis Six.
    unlikely = sepsis.to_open(nurse.db, nurse.forms, patient, nurse.clock())
    assert unlikely.data["screened_at"] == "2026-11-28T13:45+01:00"
    _charted(session_for, patient)
    records.amend(nurse, unlikely.record_id, {**unlikely.data, **DONE, "oxygen_at": None, "cultures_at": None},
                  "Sepsis Six timed")
    assert _asks(nurse, patient) == ["doctor to review now (by 28/11 14:10)"]
    records.save_new(nurse, "sepsis_screening", {**SCREEN, **CALM, "screened_at": "2026-11-28T13:48+01:00",
                                                 "taken_at": "2026-11-28T13:35+01:00", "infection": "unlikely",
                                                 "reviewed_by": "Dr Benali", "reviewed_at": "2026-11-28T13:48+01:00"},
                     patient_id=patient)
    assert _asks(nurse, patient) == []


def test_possible_sepsis_is_not_taken_off_by_a_calmer_screening_without_the_doctor(session_for, patient, clock):
    nurse = session_for("nurse")
    records.save_new(nurse, "sepsis_screening", {"screened_at": "2026-11-28T13:10+01:00", "infection": "likely"},
                     patient_id=patient)
    records.save_new(nurse, "sepsis_screening", {**SCREEN, **CALM, "screened_at": "2026-11-28T13:30+01:00"},
                     patient_id=patient)
    assert _asks(nurse, patient) == ["the doctor reviews by 28/11 14:10"]


def test_a_review_before_red_flag_sepsis_was_found_is_not_its_review(session_for, patient, clock):
    """10:00 possible sepsis, reviewed 10:30; 13:10 red flag sepsis: the doctor is asked again,
    now. Their review at 13:20, typed on either screening, counts."""
    nurse = session_for("nurse")
    amber = records.save_new(nurse, "sepsis_screening", {
        "screened_at": "2026-11-28T10:00+01:00", "infection": "likely", "reviewed_by": "Dr A",
        "reviewed_at": "2026-11-28T10:30+01:00"}, patient_id=patient)
    _charted(session_for, patient)
    red = records.save_new(nurse, "sepsis_screening", {**SCREEN, **DONE}, patient_id=patient)
    assert _asks(nurse, patient) == ["doctor to review now (by 28/11 14:10)"]
    records.amend(nurse, amber.record_id, {**amber.data, "reviewed_at": "2026-11-28T13:20+01:00"}, "Second review")
    assert _asks(nurse, patient) == []
    records.amend(nurse, amber.record_id, amber.data, "Typed on the wrong screening")
    records.amend(nurse, red.record_id, {**red.data, **REVIEWED}, "Reviewed")
    assert _asks(nurse, patient) == []


def test_red_flag_sepsis_asks_the_doctor_now_in_both_languages(session_for, patient, clock):
    nurse = session_for("nurse")
    _charted(session_for, patient)
    records.save_new(nurse, "sepsis_screening", {**SCREEN, **DONE}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T13:40+01:00")
    assert (_asks(nurse, patient), _asks(nurse, patient, "fr")) == (
        ["doctor to review now (by 28/11 14:10)"], ["examen du médecin maintenant (avant 28/11 14:10)"])
    label = nurse.form("sepsis_screening").field("red_flags").options[0].label
    assert (label.get("en"), label.get("fr")) == (
        "Needs oxygen to keep SpO2 at 92 % or more (88 % in COPD)",
        "Besoin d’oxygène pour garder la SpO2 à 92 % ou plus (88 % si BPCO)")


def test_a_review_typed_on_the_wrong_day_is_refused_and_an_older_one_ignored(session_for, patient, clock,
                                                                             monkeypatch):
    """Red flag sepsis 28/11 13:10, the review typed 27/11 13:45: refused at save, naming the
    field. One saved before the check is ignored (the review still asked), and the record can be
    amended for something else without being refused for it."""
    nurse = session_for("nurse")
    wrong_day = {**SCREEN, "reviewed_by": "Dr B", "reviewed_at": "2026-11-27T13:45+01:00"}
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "sepsis_screening", wrong_day, patient_id=patient)
    assert [(error.path, error.message) for error in refused.value.errors] == [(
        "reviewed_at", "“Reviewed at”: 27/11 13:45 is more than 6 hours before the screening (28/11 13:10): check "
                       "the day and time of the doctor's review.")]
    assert reviewed_at({**wrong_day, "reviewed_at": "2026-11-28T07:10+01:00"}) is not None  # 6 hours before
    assert "fluids" in left_to_do({**wrong_day, "not_needed": ["fluids"]})  # no review: not the doctor's decision
    monkeypatch.setattr(sepsis, "check", lambda *args, **kwargs: None)  # saved before the check
    older = records.save_new(nurse, "sepsis_screening", wrong_day, patient_id=patient)
    monkeypatch.undo()
    clock.now = datetime.fromisoformat("2026-11-28T14:30+01:00")
    _charted(session_for, patient, "2026-11-28T13:40+01:00")
    amended = records.amend(nurse, older.record_id, {**older.data, "antibiotics_at": "2026-11-28T13:40+01:00"},
                            "Antibiotics given")
    assert _asks(nurse, patient)[-1] == "NOT REVIEWED BY A DOCTOR (due 28/11 14:10): ask again now"
    mended = records.amend(nurse, older.record_id, {**amended.data, "reviewed_at": "2026-11-28T13:45+01:00"},
                           "Day typed wrong")
    assert _asks(nurse, patient) == ["SEPSIS SIX OVERDUE (due 28/11 14:10): oxygen, blood cultures, IV fluids, "
                                     "lactate, hourly urine output"]
    with pytest.raises(ValidationFailed):  # an amendment typing a wrong day afresh
        records.amend(nurse, older.record_id, {**mended.data, "reviewed_at": "2026-11-26T13:45+01:00"}, "Again")


def test_a_treated_red_flag_sepsis_stops_the_screening_asked_for_a_day_then_a_new_one_asks_the_six_again(
        session_for, patient, clock):
    """Red flag sepsis 28/11 13:10, the Sepsis Six done and reviewed. A worse set that evening asks
    no screening (its NEWS2 escalates it); a set of 9 three days on asks one, and red flag sepsis
    found then asks the Sepsis Six and the doctor again."""
    nurse = session_for("nurse")
    _charted(session_for, patient)
    records.save_new(nurse, "sepsis_screening", {**SCREEN, **DONE, **REVIEWED}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T20:00+01:00")
    records.save_new(nurse, "observations", {**READINGS, "taken_at": "2026-11-28T19:50+01:00", "diastolic_bp": 50,
                                             "systolic_bp": 95}, patient_id=patient)
    assert _asks(nurse, patient) == []
    clock.now = datetime.fromisoformat("2026-12-01T10:00+01:00")
    records.save_new(nurse, "observations", {**READINGS, "taken_at": "2026-12-01T09:50+01:00", "diastolic_bp": 50,
                                             "systolic_bp": 95}, patient_id=patient)
    assert _asks(nurse, patient) == ["NEWS2 8 at 01/12 09:50: COULD THIS BE SEPSIS? Screen with the sepsis tool"]
    records.save_new(nurse, "sepsis_screening", {**SCREEN, "screened_at": "2026-12-01T09:55+01:00",
                                                 "taken_at": "2026-12-01T09:50+01:00", "systolic_bp": 95,
                                                 "source": "device"}, patient_id=patient)
    assert _asks(nurse, patient) == ["SEPSIS SIX by 01/12 10:55: oxygen, blood cultures, IV antibiotics, IV fluids, "
                                     "lactate, hourly urine output", "doctor to review now (by 01/12 10:55)"]


def test_a_treated_red_flag_sepsis_screened_calmer_since_is_over_and_a_worse_set_asks_again(
        session_for, patient, clock):
    """Red flag sepsis 13:10, done and reviewed; 15:00 a calmer screening finds the infection
    unlikely: that ends it, and a worse set at 16:00 asks for a screening, not hidden by it."""
    nurse = session_for("nurse")
    _charted(session_for, patient)
    records.save_new(nurse, "sepsis_screening", {**SCREEN, **DONE, **REVIEWED}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T16:05+01:00")
    records.save_new(nurse, "sepsis_screening", {**SCREEN, **CALM, "screened_at": "2026-11-28T15:00+01:00",
                                                 "taken_at": "2026-11-28T14:55+01:00", "infection": "unlikely"},
                     patient_id=patient)
    records.save_new(nurse, "observations", {**READINGS, "taken_at": "2026-11-28T16:00+01:00", "diastolic_bp": 50,
                                             "systolic_bp": 95}, patient_id=patient)
    assert _asks(nurse, patient) == ["NEWS2 8 at 28/11 16:00: COULD THIS BE SEPSIS? Screen with the sepsis tool"]


def test_red_flag_sepsis_still_asking_days_on_asks_it_rather_than_a_screening(session_for, patient, clock):
    nurse = session_for("nurse")
    _charted(session_for, patient)
    records.save_new(nurse, "sepsis_screening", {**SCREEN, **DONE}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-12-01T10:00+01:00")
    records.save_new(nurse, "observations", {**READINGS, "taken_at": "2026-12-01T09:50+01:00", "diastolic_bp": 50,
                                             "systolic_bp": 95}, patient_id=patient)
    assert _asks(nurse, patient) == ["NOT REVIEWED BY A DOCTOR (due 28/11 14:10): ask again now"]


def test_oxygen_not_needed_under_target_on_air_is_refused_and_ignored(session_for, patient):
    """SpO2 88 % on air on scale 1 (target 92 %): "oxygen not needed (saturation in target on
    air)" is refused at save and ignored on a record saved before; 88 % on scale 2, or on oxygen,
    it stands."""
    low = {**SCREEN, **DONE, "spo2": 88, "oxygen_at": None, "not_needed": ["oxygen"]}
    assert left_to_do(low) == ["oxygen"]
    assert left_to_do({**low, "spo2_scale": "scale_2"}) == left_to_do({**low, "on_oxygen": True}) == []
    assert left_to_do({**low, "spo2": 92}) == []
    nurse = session_for("nurse")
    _charted(session_for, patient)
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "sepsis_screening", low, patient_id=patient)
    assert [(error.path, error.message) for error in refused.value.errors] == [(
        "not_needed", "“Not needed”: oxygen is needed with an SpO2 of 88 % on air, under the target of 92 %: "
                      "give it to the target and time it, or correct the readings.")]
    records.save_new(session_for("doctor"), "observations", {**READINGS, **SCALE_2, "taken_at": "2026-11-28T12:00+01:00"},
                     patient_id=patient)  # scale 2 as the doctor prescribed it (observations.check_scale_2)
    records.save_new(nurse, "sepsis_screening", {**low, "spo2_scale": "scale_2"}, patient_id=patient)


def test_the_screening_is_said_on_the_wards_clock(session_for, patient):
    """A screening and review typed on another clock (UTC, from a laptop set wrong) are said at
    the ward's time, as what they ask is."""
    nurse = session_for("nurse")
    _charted(session_for, patient, "2026-11-28T12:40+00:00")
    records.save_new(nurse, "sepsis_screening", {
        **SCREEN, **DONE, "screened_at": "2026-11-28T12:10+00:00", "antibiotics_at": "2026-11-28T12:40+00:00",
        "reviewed_by": "Dr Benali", "reviewed_at": "2026-11-28T12:20+00:00"}, patient_id=patient)
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert sepsis.handover(nurse.db, inside, nurse.clock(), "en") == {patient: (
        "Sepsis screen 28/11 13:10 (NEWS2 7): RED FLAG SEPSIS; IV antibiotics: Clarithromycin 500 mg IV given 28/11 "
        "13:40 (medication chart); reviewed by Dr Benali 28/11 13:20")}
