"""Who may put a patient on SpO2 scale 2, the sickest readings a monitor shows, and which set
stands when an incomplete set or two sets of one minute would let a patient fall off the lists."""

from datetime import datetime

import pytest

from downtime.domain.news2 import Band
from downtime.services import observations, prefill, records, wards
from downtime.services.census import patient_with_location
from downtime.services.errors import ValidationFailed

HIGH = {"taken_at": "2026-11-28T12:00+01:00", "respiratory_rate": 22, "spo2": 95, "spo2_scale": "scale_1",
        "on_oxygen": False, "systolic_bp": 105, "diastolic_bp": 70, "pulse": 115, "consciousness": "alert",
        "temperature": 38.3}
CALM = {**HIGH, "respiratory_rate": 16, "spo2": 97, "systolic_bp": 125, "pulse": 72, "temperature": 36.8}
# SpO2 86 % on 4 L/min: scale 1 scores it 3, and oxygen 2: NEWS2 5, MEDIUM; on scale 2, 0 + 2 + 0: LOW.
HYPOXIC = {**CALM, "spo2": 86, "on_oxygen": True, "oxygen_flow": 4.0}
SCALE_2 = {"spo2_scale": "scale_2", "scale_2_prescribed_by": "Dr Benali", "scale_2_prescribed_at": "2026-11-28T02:00+01:00"}
AT = datetime.fromisoformat("2026-11-28T13:55+01:00")


@pytest.fixture
def ward(session_for, admission_values):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    return nurse, records.save_new(nurse, "admission", {**admission_values,
                                                        "arrival_at": "2026-11-27T09:00+01:00"}).patient_id


def _listed(nurse, forms, at=AT):
    return [(e.patient.patient_id, e.judged.news2.total, e.judged.news2.band)
            for e in observations.review(nurse.db, forms, "3B", at).escalations]


@pytest.mark.parametrize("lang, words", [
    ("en", "Scale 2 is first recorded for a stay by the doctor who prescribes it, signed in"),
    ("fr", "L’échelle 2 est enregistrée la première fois pour un séjour par le médecin qui la prescrit, connecté"),
])
def test_a_nurse_cannot_put_a_medium_patient_on_scale_2_by_typing_a_prescribers_name(ward, forms, session_for,
                                                                                     lang, words):
    """Any name typed as the prescriber took a MEDIUM patient off the escalation list: the stay's
    first scale-2 set is the doctor's, typed in their own session."""
    nurse, patient = ward
    records.save_new(nurse, "observations", HYPOXIC, patient_id=patient)
    with pytest.raises(ValidationFailed, match=words):
        records.save_new(session_for("nurse", lang), "observations",
                         {**HYPOXIC, **SCALE_2, "taken_at": "2026-11-28T13:00+01:00"}, patient_id=patient)
    assert _listed(nurse, forms) == [(patient, 5, Band.MEDIUM)]


def test_a_nurse_cannot_amend_a_set_onto_scale_2_either(ward):
    nurse, patient = ward
    saved = records.save_new(nurse, "observations", HYPOXIC, patient_id=patient)
    with pytest.raises(ValidationFailed, match="Scale 2 is first recorded"):
        records.amend(nurse, saved.record_id, {**HYPOXIC, **SCALE_2}, "doctor said scale 2")


def test_once_the_doctor_recorded_scale_2_the_nurses_later_sets_follow_it(ward, forms, session_for):
    """The COPD patient's doctor records scale 2 once, with its time; the night's sets after it are
    the nurse's. A set taken before the doctor's is still refused: it was not prescribed then."""
    nurse, patient = ward
    records.save_new(session_for("doctor"), "observations", {**HYPOXIC, **SCALE_2, "taken_at": "2026-11-28T10:00+01:00"},
                     patient_id=patient)
    records.save_new(nurse, "observations", {**HYPOXIC, **SCALE_2}, patient_id=patient)
    assert _listed(nurse, forms) == []
    with pytest.raises(ValidationFailed, match="Scale 2 is first recorded"):
        records.save_new(nurse, "observations", {**HYPOXIC, **SCALE_2, "taken_at": "2026-11-28T09:30+01:00"},
                         patient_id=patient)


def test_a_scale_2_set_withdrawn_no_longer_allows_the_next(ward, session_for):
    nurse, patient = ward
    first = records.save_new(session_for("doctor"), "observations",
                             {**HYPOXIC, **SCALE_2, "taken_at": "2026-11-28T10:00+01:00"}, patient_id=patient)
    records.mark_entered_in_error(session_for("doctor"), first.record_id, "wrong patient")
    with pytest.raises(ValidationFailed, match="Scale 2 is first recorded"):
        records.save_new(nurse, "observations", {**HYPOXIC, **SCALE_2}, patient_id=patient)


def test_a_nurses_scale_2_set_after_the_doctors_withdrawn_no_longer_allows_the_next(ward, session_for):
    """The doctor's scale-2 set was the wrong patient's; a nurse's scale-2 set had followed it.
    Hers is no prescription: nobody prescribed scale 2 for this patient."""
    nurse, patient = ward
    doctor = session_for("doctor")
    first = records.save_new(doctor, "observations", {**HYPOXIC, **SCALE_2, "taken_at": "2026-11-28T10:00+01:00"},
                             patient_id=patient)
    records.save_new(nurse, "observations", {**HYPOXIC, **SCALE_2, "taken_at": "2026-11-28T11:00+01:00"},
                     patient_id=patient)
    records.mark_entered_in_error(doctor, first.record_id, "wrong patient")
    with pytest.raises(ValidationFailed, match="Scale 2 is first recorded"):
        records.save_new(nurse, "observations", {**HYPOXIC, **SCALE_2}, patient_id=patient)


def test_a_doctors_set_on_scale_1_ends_scale_2(ward, session_for):
    """The blood gas came back normal: the doctor charts the next set on scale 1. A nurse's set on
    scale 2 after it is a first one again; before it, scale 2 still stood."""
    nurse, patient = ward
    doctor = session_for("doctor")
    records.save_new(doctor, "observations", {**HYPOXIC, **SCALE_2, "taken_at": "2026-11-28T10:00+01:00"},
                     patient_id=patient)
    records.save_new(doctor, "observations", {**HYPOXIC, "taken_at": "2026-11-28T11:00+01:00"}, patient_id=patient)
    with pytest.raises(ValidationFailed, match="Scale 2 is first recorded"):
        records.save_new(nurse, "observations", {**HYPOXIC, **SCALE_2}, patient_id=patient)
    records.save_new(nurse, "observations", {**HYPOXIC, **SCALE_2, "taken_at": "2026-11-28T10:30+01:00"},
                     patient_id=patient)
    stay = patient_with_location(nurse.db, nurse.forms, patient)
    assert observations.scale_2_standing(nurse.db, stay, datetime.fromisoformat("2026-11-28T10:45+01:00")).by == \
        "Dr Benali"
    assert observations.scale_2_standing(nurse.db, stay, AT) is None


def test_a_nurse_corrects_a_pulse_on_the_doctors_scale_2_set_which_still_prescribes_it(ward, session_for):
    """The stay's first scale-2 set, the doctor's, with 30 typed for a pulse of 80: the nurse's
    correction was refused, told to move the doctor's prescription off scale 2. Changing its
    prescriber is still the doctor's."""
    nurse, patient = ward
    saved = records.save_new(session_for("doctor"), "observations",
                             {**HYPOXIC, **SCALE_2, "taken_at": "2026-11-28T10:00+01:00", "pulse": 30}, patient_id=patient)
    records.amend(nurse, saved.record_id, {**HYPOXIC, **SCALE_2, "taken_at": "2026-11-28T10:00+01:00"}, "pulse typo")
    records.save_new(nurse, "observations", {**HYPOXIC, **SCALE_2}, patient_id=patient)
    with pytest.raises(ValidationFailed, match="Scale 2 is first recorded"):
        records.amend(nurse, saved.record_id, {**HYPOXIC, **SCALE_2, "taken_at": "2026-11-28T10:00+01:00",
                                               "scale_2_prescribed_by": "Dr Other"}, "name")


def test_a_new_set_starts_on_the_scale_the_doctor_prescribed_with_its_prescriber(ward, session_for):
    """Each set started blank: the nurse chose the scale again and typed the prescriber her own
    way (one prescription printed three times), or left scale 1. Once the doctor ends scale 2 with
    a set on scale 1, a new set starts on neither."""
    nurse, patient = ward
    doctor = session_for("doctor")
    assert "spo2_scale" not in prefill.first_answers(nurse, nurse.form("observations"), patient)
    records.save_new(doctor, "observations", {**HYPOXIC, **SCALE_2, "taken_at": "2026-11-28T10:00+01:00"},
                     patient_id=patient)
    first = prefill.first_answers(nurse, nurse.form("observations"), patient)
    assert {name: first.get(name) for name in SCALE_2} == SCALE_2
    records.save_new(doctor, "observations", {**HYPOXIC, "taken_at": "2026-11-28T11:00+01:00"}, patient_id=patient)
    assert "spo2_scale" not in prefill.first_answers(nurse, nurse.form("observations"), patient)


def test_the_handover_keeps_the_scale_2_target_while_the_prescription_stands(ward, forms, session_for):
    """The nurse charted 89 % on air on scale 1 after the doctor's scale-2 set: the handover said
    nothing of the 88–92 % target, and the nurse taking over could turn the oxygen up for 94–98 %."""
    nurse, patient = ward
    doctor = session_for("doctor")
    records.save_new(doctor, "observations", {**HYPOXIC, **SCALE_2, "taken_at": "2026-11-28T10:00+01:00"},
                     patient_id=patient)
    records.save_new(nurse, "observations", {**CALM, "spo2": 89, "taken_at": "2026-11-28T12:00+01:00"},
                     patient_id=patient)
    assert observations.review(nurse.db, forms, "3B", AT).oxygen[patient].text("en") == "target 88–92\u00a0%"
    records.save_new(doctor, "observations", {**CALM, "taken_at": "2026-11-28T13:00+01:00"}, patient_id=patient)
    assert patient not in observations.review(nurse.db, forms, "3B", AT).oxygen


SEPSIS = {"screened_at": "2026-11-28T13:10+01:00", "infection": "likely", "source": "chest",
          "taken_at": "2026-11-28T13:00+01:00", "respiratory_rate": 18, "spo2": 89, "on_oxygen": True,
          "oxygen_flow": 2.0, "systolic_bp": 120, "pulse": 95, "consciousness": "alert", "temperature": 38.5}
TRANSFER = {"moved_at": "2026-11-28T13:30+01:00", "to_ward": "3B", "to_bed": "4", "reason": "Needs monitoring",
            "obs_at": "2026-11-28T13:00+01:00", "resp_rate": 18, "spo2": 89, "on_oxygen": True, "oxygen_flow": 2.0}
TRANSFER_OUT = {"departed_at": "2026-11-28T13:30+01:00", "receiving_hospital": "CHU Sud",
                "receiving_unit": "Pneumologie, Dr Petit", "transport_mode": "mobile_icu", "escort": "doctor",
                "situation": "Respiratory failure", "background": "COPD", "condition": "unstable",
                "current_treatments": "Amoxicillin 1 g IV 8-hourly, last 12:00", "devices": ["oxygen"],
                "allergies_checked": True, "resuscitation": "full", "obs_at": "2026-11-28T13:00+01:00",
                "resp_rate": 18, "spo2": 89, "on_oxygen": True, "oxygen_flow": 2.0,
                "documents_sent": ["admission_record", "medication_chart"]}


@pytest.mark.parametrize("form, typed", [("sepsis_screening", SEPSIS), ("transfer", TRANSFER),
                                         ("transfer_out", TRANSFER_OUT)])
def test_readings_copied_onto_scale_2_need_the_doctors_prescription_too(ward, session_for, form, typed):
    """SpO2 89 % on 2 L/min with 38.5 °C scores NEWS2 7 on scale 1, 4 on scale 2: a sepsis
    screening switched to scale 2 read red flag sepsis as "low", with no prescriber asked. Its
    readings, and a transfer's, go on scale 2 as a set does: once the doctor prescribed it."""
    nurse, patient = ward
    with pytest.raises(ValidationFailed, match="Scale 2 is first recorded"):
        records.save_new(nurse, form, {**typed, "spo2_scale": "scale_2"}, patient_id=patient)
    records.save_new(session_for("doctor"), "observations",
                     {**HYPOXIC, **SCALE_2, "taken_at": "2026-11-28T10:00+01:00"}, patient_id=patient)
    records.save_new(nurse, form, {**typed, "spo2_scale": "scale_2"}, patient_id=patient)


@pytest.mark.parametrize("reading, row", [({"spo2": 45}, "spo2"), ({"spo2": 0}, "spo2"),
                                          ({"systolic_bp": 0, "diastolic_bp": 0}, "systolic_bp"),
                                          ({"temperature": 24.0}, "temperature")])
def test_the_sickest_readings_a_monitor_shows_can_be_recorded_and_score_3(ward, reading, row):
    """A saturation of 45 %, a pressure the cuff cannot find, 24 °C on a low-reading thermometer
    were refused ("must be at least 50"): the nurse left the row blank or typed a false value."""
    nurse, patient = ward
    records.save_new(nurse, "observations", {**CALM, **reading}, patient_id=patient)
    (found,) = observations.chart(nurse.db, patient_with_location(nurse.db, nurse.forms, patient))
    assert getattr(found.news2.parameters, row) == 3


@pytest.mark.parametrize("form, reading", [("sepsis_screening", "spo2"), ("sepsis_screening", "systolic_bp"),
                                           ("sepsis_screening", "temperature"), ("transfer_out", "spo2"),
                                           ("transfer_out", "systolic"), ("transfer_out", "temperature")])
def test_the_forms_copying_the_readings_take_them_as_low(forms, form, reading):
    assert forms[form].field(reading).min == forms["observations"].field(
        {"systolic": "systolic_bp"}.get(reading, reading)).min


def test_an_incomplete_set_makes_a_complete_one_due_within_the_hour(ward, forms):
    """12:00 after a calm complete set at 11:30: no SpO2 trace. The set says "Measure every row
    now", yet the next was due at 15:30, four hours from the calm set: no list named the patient."""
    nurse, patient = ward
    records.save_new(nurse, "observations", {**CALM, "taken_at": "2026-11-28T11:30+01:00", "temperature": 37.2,
                                             "pulse": 95}, patient_id=patient)
    records.save_new(nurse, "observations", {**CALM, "spo2": None, "respiratory_rate": 24, "pulse": 105,
                                             "temperature": 38.5}, patient_id=patient)
    before = observations.review(nurse.db, forms, "3B", datetime.fromisoformat("2026-11-28T12:55+01:00"))
    assert (before.overdue, f"{before.next_due:%H:%M}") == ([], "13:00")
    (late,) = observations.review(nurse.db, forms, "3B", datetime.fromisoformat("2026-11-28T13:00+01:00")).overdue
    assert (late.patient.patient_id, f"{late.due_at:%H:%M}", late.last.taken_at.hour) == (patient, "13:00", 11)


@pytest.mark.parametrize("typed", [(HIGH, CALM), (CALM, HIGH)])
def test_of_two_complete_sets_of_one_minute_the_worse_stands_whichever_was_typed_last(ward, forms, clock, typed):
    nurse, patient = ward
    for values in typed:
        records.save_new(nurse, "observations", values, patient_id=patient)
        clock.advance(minutes=2)
    assert _listed(nurse, forms) == [(patient, 7, Band.HIGH)]
    sets = observations.scored_sets(observations.chart(nurse.db, patient_with_location(nurse.db, nurse.forms, patient)))
    assert observations.judged(sets).news2.total == 7


def test_a_later_calm_set_still_clears_the_tie(ward, forms, clock):
    nurse, patient = ward
    for values in (HIGH, CALM, {**CALM, "taken_at": "2026-11-28T13:00+01:00"}):
        records.save_new(nurse, "observations", values, patient_id=patient)
    assert _listed(nurse, forms) == []
