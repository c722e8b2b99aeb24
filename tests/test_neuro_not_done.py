"""A neuro set not done (form version 3): refused by a confused patient, or the patient away from
the ward, charted with why and no scores; the next set stays due as before it, and within a day of
a fall with a head injury the doctor is asked. It could not be saved, and the handover
called the set forgotten ("NEXT SET OVERDUE")."""

from datetime import datetime

import pytest
from fhir.resources.R4B.observation import Observation
from pypdf import PdfReader

from downtime.domain.gcs import why_not_done
from downtime.services import census, chart_alerts, neuro, printing, records
from downtime.services.errors import ValidationFailed
from downtime.sync.fhir_elements import derived_id

FALL = {"fell_at": "2026-11-28T11:00+01:00", "witnessed": "found", "where": "bedside", "fracture_signs": "none",
        "head_injury": "yes", "anticoagulated": False}
SET = {"taken_at": "2026-11-28T11:40+01:00", "eyes": "4", "verbal": "5", "motor": "6", "pupil_left_size": 3,
       "pupil_left_reaction": "brisk", "pupil_right_size": 3, "pupil_right_reaction": "brisk",
       "arm_left": "normal", "arm_right": "normal", "leg_left": "normal", "leg_right": "normal", "next_set_in": "30"}
REFUSED = {"taken_at": "2026-11-28T12:10+01:00", "not_done": "refused", "next_set_in": "30",
           "notes": "Pushed the torch away, would not open her eyes; agitated"}


def test_a_set_refused_after_a_head_injury_is_charted_and_asks_the_doctor(session_for, patient, clock):
    nurse = session_for("nurse")
    assert nurse.form("neuro_observations").version == 3
    records.save_new(nurse, "inpatient_fall", FALL, patient_id=patient)
    records.save_new(nurse, "neuro_observations", SET, patient_id=patient)
    records.save_new(nurse, "neuro_observations", REFUSED, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T12:15+01:00")
    latest = neuro.chart(nurse.db, patient)[-1]
    assert latest.text("en") == "set not done 28/11 12:10 (refused)" and latest.urgent
    assert neuro.handover(nurse.db, [patient], nurse.clock(), "en")[patient] == (
        "NEURO OBS: GCS 15 (E4 V5 M6) at 28/11 11:40; set not done 28/11 12:10 (refused); SET NOT DONE (refused) "
        "within a day of a fall with a head injury: tell the doctor now; NEXT SET OVERDUE since 28/11 12:10")
    assert neuro.handover(nurse.db, [patient], nurse.clock(), "fr")[patient].startswith(
        "SURVEILLANCE NEURO : Glasgow 15 (Y4 V5 M6) le 28/11 11:40 ; relevé non fait le 28/11 12:10 (refusé) ; "
        "RELEVÉ NON FAIT (refusé) dans la journée")
    clock.now = datetime.fromisoformat("2026-11-28T12:25+01:00")
    records.save_new(nurse, "neuro_observations", {**SET, "taken_at": "2026-11-28T12:20+01:00", "verbal": "4"},
                     patient_id=patient)
    later = neuro.chart(nurse.db, patient)[-1]
    assert later.gcs.total == 14 and later.flags == []  # weighed against the 11:40 set, not the refusal
    assert later.asks == []  # a set taken closes the gap the refusal said


def test_a_set_not_done_without_a_fall_asks_nothing_and_keeps_the_next_set_due(session_for, patient, clock):
    nurse = session_for("nurse")
    records.save_new(nurse, "neuro_observations", {**SET, "next_set_in": "60"}, patient_id=patient)
    records.save_new(nurse, "neuro_observations", {**REFUSED, "not_done": "away", "notes": "In CT"},
                     patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T12:15+01:00")
    latest = neuro.chart(nurse.db, patient)[-1]
    assert latest.flags == [] and latest.due_at == datetime.fromisoformat("2026-11-28T12:40+01:00")
    assert neuro.handover(nurse.db, [patient], nurse.clock(), "en")[patient] == (
        "NEURO OBS: GCS 15 (E4 V5 M6) at 28/11 11:40; set not done 28/11 12:10 (away from the ward); next set due "
        "28/11 12:40")


def test_the_scores_are_asked_unless_the_set_is_not_done(session_for, patient):
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "neuro_observations", {key: value for key, value in REFUSED.items()
                                                       if key != "not_done"}, patient_id=patient)
    assert {error.path for error in refused.value.errors} == {"eyes", "verbal", "motor"}


def test_a_set_not_done_is_printed_and_exported_as_such(session_for, patient, tmp_path, exported_resource):
    nurse = session_for("nurse")
    records.save_new(nurse, "neuro_observations", SET, patient_id=patient)
    done_not = records.save_new(nurse, "neuro_observations", REFUSED, patient_id=patient)
    text = " ".join(" ".join(page.extract_text().split()) for page in
                    PdfReader(printing.print_neuro_chart(nurse, patient, tmp_path / "neuro.pdf")).pages)
    assert "set not done 28/11 12:10 (refused)" in text and "would not open her eyes" in text
    found = exported_resource(done_not.record_id, Observation)
    assert found.valueInteger is None and found.component is None
    assert found.dataAbsentReason.text == "Set not done: Refused by the patient"


def test_a_set_not_done_after_a_doctor_stopped_neuro_obs_is_charted_and_due_at_once(session_for, patient, clock):
    nurse = session_for("nurse")
    records.save_new(nurse, "neuro_observations", {**SET, "next_set_in": "stopped", "stopped_by": "Dr Benali"},
                     patient_id=patient)
    records.save_new(nurse, "neuro_observations", {**REFUSED, "not_done": "away", "next_set_in": "60"},
                     patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T12:15+01:00")
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en", ward="3B")  # the whole ward's list
    latest = neuro.chart(nurse.db, patient)[-1]
    assert latest.text("en") == "set not done 28/11 12:10 (away from the ward)"
    assert latest.due_at == datetime.fromisoformat("2026-11-28T12:10+01:00")


def test_a_refusal_the_doctor_was_told_of_leaves_the_gcs_before_it_to_weigh_the_next_set(session_for, patient):
    nurse = session_for("nurse")
    records.save_new(nurse, "neuro_observations", {**SET, "taken_at": "2026-11-28T11:10+01:00"}, patient_id=patient)
    records.save_new(nurse, "neuro_observations", {**REFUSED, "doctor_told": "Dr Benali",
                                                   "doctor_told_at": "2026-11-28T12:15+01:00"}, patient_id=patient)
    records.save_new(nurse, "neuro_observations", {**SET, "taken_at": "2026-11-28T12:40+01:00", "eyes": "3",
                                                   "verbal": "3", "motor": "4"}, patient_id=patient)
    chart = neuro.chart(nurse.db, patient)
    assert chart[1].asks == [] and chart[2].carried == ()
    assert [flag.text("en") for flag in chart[2].asks] == [
        "GCS fell by 5 since 28/11 11:10: tell the doctor now",
        "Best motor response fell since 28/11 11:10: tell the doctor now"]


def test_a_fixed_pupil_charted_on_a_set_not_done_asks_the_doctor_and_is_exported(
        session_for, patient, clock, exported_resource):
    nurse = session_for("nurse")
    records.save_new(nurse, "neuro_observations", SET, patient_id=patient)
    done_not = records.save_new(nurse, "neuro_observations", {
        **REFUSED, "not_done": "other", "pupil_left_size": 6, "pupil_left_reaction": "none", "pupil_right_size": 3,
        "pupil_right_reaction": "brisk", "arm_left": "severe", "arm_right": "normal"}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T12:15+01:00")
    latest = neuro.chart(nurse.db, patient)[-1]
    assert [flag.text("en") for flag in latest.asks] == [
        "A pupil no longer reacts to light: tell the doctor now",
        "Pupils newly unequal (6 mm left, 3 mm right): tell the doctor now",
        "New weakness of the left arm since 28/11 11:40: tell the doctor now"] and latest.urgent
    seen = exported_resource(derived_id(done_not.record_id, "pupils_and_limbs"), Observation)
    assert [(one.code.text, one.valueString or one.valueQuantity.value) for one in seen.component] == [
        ("Left pupil size", 6), ("Right pupil size", 3), ("Left pupil reaction to light", "None (fixed)"),
        ("Right pupil reaction to light", "Brisk"), ("Left arm", "Severe weakness"), ("Right arm", "Normal power")]


def test_a_set_away_asks_no_doctor_and_a_set_taken_after_a_refusal_closes_its_gap(session_for, patient, clock):
    nurse = session_for("nurse")
    records.save_new(nurse, "inpatient_fall", FALL, patient_id=patient)
    records.save_new(nurse, "neuro_observations", SET, patient_id=patient)
    records.save_new(nurse, "neuro_observations", {**REFUSED, "not_done": "away", "notes": "In CT"},
                     patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T12:15+01:00")
    away = neuro.chart(nurse.db, patient)[-1]
    assert away.asks == [] and not away.urgent
    clock.now = datetime.fromisoformat("2026-11-28T12:35+01:00")
    records.save_new(nurse, "neuro_observations", {**REFUSED, "taken_at": "2026-11-28T12:20+01:00"},
                     patient_id=patient)
    assert [flag.text("en") for flag in neuro.chart(nurse.db, patient)[-1].asks] == [
        "SET NOT DONE (refused) within a day of a fall with a head injury: tell the doctor now"]
    records.save_new(nurse, "neuro_observations", {**SET, "taken_at": "2026-11-28T12:30+01:00"}, patient_id=patient)
    back = neuro.chart(nurse.db, patient)[-1]
    assert back.asks == [] and not back.urgent


def test_a_reason_it_added_to_the_form_since_is_said_by_its_code_not_a_crash():
    """A reason unknown to the app (IT's edit) stopped the chart, and the ward's escalation list."""
    assert why_not_done("off_ward") == {"en": "off ward", "fr": "off ward"}
    assert why_not_done("away")["fr"] == "hors du service"
