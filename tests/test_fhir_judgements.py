"""The records office back-enters from the export: each record is sent as the app reads it. A
sepsis screening's "not needed" the app ignores (oxygen under target on air, IV fluids before a
doctor's review) is not sent as not needed but said in a note; a 4AT's doctor told is sent; a
set's NEWS2 is sent as a pregnant woman's when her stay's VTE assessment says so."""

from datetime import datetime

from fhir.resources.R4B.observation import Observation

from downtime.domain.news2 import PREGNANCY
from downtime.services import records, sepsis

SEPSIS = {"screened_at": "2026-11-28T13:10+01:00", "infection": "likely", "source": "chest",
          "taken_at": "2026-11-28T13:00+01:00", "respiratory_rate": 22, "spo2": 88, "spo2_scale": "scale_1",
          "on_oxygen": False, "systolic_bp": 104, "pulse": 112, "consciousness": "alert", "temperature": 38.6,
          "not_needed": ["oxygen", "fluids"], "notes": "Family aware"}
REVIEWED = {"reviewed_by": "Dr Benali", "reviewed_at": "2026-11-28T13:20+01:00"}
FOUR_AT = {"screened_at": "2026-11-28T10:00+01:00", "alertness": "normal", "amt4": "two_or_more",
           "attention": "fewer_than_seven", "acute_change": "yes"}
OBSERVATIONS = {"taken_at": "2026-11-28T12:00+01:00", "respiratory_rate": 18, "spo2": 97, "spo2_scale": "scale_1",
                "on_oxygen": False, "systolic_bp": 165, "diastolic_bp": 110, "pulse": 88, "consciousness": "alert",
                "temperature": 37.0}
SCALE_2 = {"spo2_scale": "scale_2", "scale_2_prescribed_by": "Dr Benali", "scale_2_prescribed_at": "2026-11-28T11:30+01:00"}
VTE = {"assessed_at": "2026-11-28T10:00+01:00", "mobility": "medical_reduced", "thrombosis_risks": ["pregnancy"],
       "bleeding_risks": [], "prophylaxis": "pharmacological"}


def _six(resource):
    return [(part.code.text, part.valueString or part.valueDateTime) for part in resource.component
            if part.code.text and part.code.text.startswith("Sepsis Six")]


def test_sepsis_six_not_needed_the_app_ignores_is_sent_in_a_note_not_as_not_needed(
        session_for, patient, exported_resource, monkeypatch):
    """SpO2 88 % on air (target 92 %), saved before the form refused oxygen "not needed"; IV
    fluids ticked not needed with no doctor's review: both still asked by the app."""
    nurse = session_for("nurse")
    monkeypatch.setattr(sepsis, "check", lambda *args, **kwargs: None)  # saved before the check
    ignored = records.save_new(nurse, "sepsis_screening", SEPSIS, patient_id=patient)
    monkeypatch.undo()
    resource = exported_resource(ignored.record_id, Observation)
    assert _six(resource) == []
    assert [note.text for note in resource.note] == [
        "Family aware",
        "Sepsis Six: oxygen ticked not needed, not taken as such: SpO2 88 % on air, under the target of 92 %",
        "Sepsis Six: IV fluids ticked not needed, not taken as such: no doctor's review recorded, whose decision it is"]
    # On scale 2 (target 88 %), as the doctor prescribed it (observations.check_scale_2), with the
    # doctor's review, both stand as ticked.
    records.save_new(session_for("doctor"), "observations", {**OBSERVATIONS, **SCALE_2}, patient_id=patient)
    stands = records.save_new(nurse, "sepsis_screening", {**SEPSIS, **REVIEWED, "spo2_scale": "scale_2"},
                              patient_id=patient)
    resource = exported_resource(stands.record_id, Observation)
    assert _six(resource) == [("Sepsis Six: oxygen", "not needed"), ("Sepsis Six: IV fluids", "not needed")]
    assert [note.text for note in resource.note] == ["Family aware"]


def test_oxygen_not_needed_beside_the_needs_oxygen_red_flag_is_said_why(session_for, patient, exported_resource,
                                                                        monkeypatch):
    nurse = session_for("nurse")
    monkeypatch.setattr(sepsis, "check", lambda *args, **kwargs: None)
    saved = records.save_new(nurse, "sepsis_screening", {**SEPSIS, **REVIEWED, "spo2": 95, "red_flags": ["needs_oxygen"],
                                                         "notes": None}, patient_id=patient)
    resource = exported_resource(saved.record_id, Observation)
    assert _six(resource) == [("Sepsis Six: IV fluids", "not needed")]
    assert [note.text for note in resource.note] == [
        "Sepsis Six: oxygen ticked not needed, not taken as such: red flag: Needs oxygen to keep SpO2 at 92 % or more "
        "(88 % in COPD)"]


def test_the_doctor_told_of_a_4at_is_sent(session_for, patient, exported_resource):
    nurse = session_for("nurse")
    untold = records.save_new(nurse, "delirium_screening", FOUR_AT, patient_id=patient)
    assert [part.code.text for part in exported_resource(untold.record_id, Observation).component
            if part.code.text.startswith("Doctor told")] == []
    told = records.save_new(nurse, "delirium_screening", {**FOUR_AT, "doctor_told": " Dr  Benali ",
                                                          "doctor_told_at": "2026-11-28T10:20+01:00"}, patient_id=patient)
    resource = exported_resource(told.record_id, Observation)
    assert [(part.code.text, part.valueString or part.valueDateTime) for part in resource.component
            if part.code.text.startswith("Doctor told")] == [
        ("Doctor told", "Dr Benali"), ("Doctor told, at", datetime.fromisoformat("2026-11-28T10:20+01:00"))]
    assert resource.note is None


def test_a_news2_set_is_sent_as_a_pregnant_womans_when_her_stays_vte_assessment_says_so(
        session_for, admission_values, exported_resource):
    nurse = session_for("nurse")
    woman = records.save_new(nurse, "admission", {**admission_values, "birth_date": "1996-03-12", "nir": None,
                                                  "arrival_at": "2026-11-27T09:00+01:00"}).patient_id
    saved = records.save_new(nurse, "observations", OBSERVATIONS, patient_id=woman)  # not asked: NEWS2 0, "low"
    records.save_new(session_for("doctor"), "vte_assessment", VTE, patient_id=woman)
    assert exported_resource(saved.record_id, Observation).interpretation[0].text == (
        f"low clinical risk; {PREGNANCY['en']}")


def test_a_doctor_told_before_the_4at_is_sent_as_typed_in_a_note_not_as_told(session_for, patient,
                                                                              exported_resource, monkeypatch):
    """Merged from a laptop that did not check it: the app does not take it as told."""
    monkeypatch.setattr(records, "validate", lambda *args, **kwargs: [])  # the laptop's unchecked save
    slip = records.save_new(session_for("nurse"), "delirium_screening", {
        **FOUR_AT, "doctor_told": "Dr Benali", "doctor_told_at": "2026-11-28T09:20+01:00"}, patient_id=patient)
    monkeypatch.undo()
    resource = exported_resource(slip.record_id, Observation)
    assert not [part for part in resource.component if part.code.text.startswith("Doctor told")]
    assert [note.text for note in resource.note] == [
        "Doctor told: Dr Benali, 2026-11-28T09:20:00+01:00, before the screening: not taken as told"]
