"""What the letters handing a patient on (a move to another ward, a transfer to another hospital)
say of their neuro obs (services.neuro.handed_on): the latest set's GCS, pupils and limbs, the
next set at NICE's pace, and each alarm no doctor is recorded told of. A patient on half-hourly
neuro obs after a head injury was moved with letters saying nothing of them."""

from datetime import datetime

import pytest

from downtime.services import neuro, prefill, printing, records, wards
from tests.pdf_text import pdf_text
from tests.test_pdf_forms import TRANSFER_OUT

FALL = {"fell_at": "2026-11-28T03:00+01:00", "witnessed": "found", "where": "bedside", "fracture_signs": "none",
        "head_injury": "yes", "anticoagulated": True, "reviewed_by": "Dr Benali",
        "reviewed_at": "2026-11-28T03:20+01:00"}
SET = {"taken_at": "2026-11-28T03:10+01:00", "eyes": "4", "verbal": "5", "motor": "6", "pupil_left_size": 3,
       "pupil_left_reaction": "brisk", "pupil_right_size": 3, "pupil_right_reaction": "brisk",
       "arm_left": "normal", "arm_right": "normal", "leg_left": "normal", "leg_right": "normal", "next_set_in": "30"}
BLOWN = {"pupil_right_size": 6, "pupil_right_reaction": "none"}
ASKED = ["NO DOCTOR RECORDED TOLD: A pupil no longer reacts to light: tell the doctor now",
         "NO DOCTOR RECORDED TOLD: Pupils newly unequal (3 mm left, 6 mm right): tell the doctor now"]


def _night(session_for, patient_on_the_clock, now: datetime, *sets: dict):
    """A patient fallen at 03:00 with a possible head injury, examined at 03:20, and these neuro
    sets (changes to `SET`), charted at `now`."""
    patient = patient_on_the_clock(now, "2026-11-27T15:00+01:00")
    nurse = session_for("nurse")
    records.save_new(nurse, "inpatient_fall", FALL, patient_id=patient)
    saved = [records.save_new(nurse, "neuro_observations", {**SET, **changed}, patient_id=patient)
             for changed in sets]
    return nurse, patient, saved


def _handed_on(nurse, patient, lang="en", at=None):
    return neuro.handed_on(nurse.db, nurse.forms, patient, at or nurse.clock(), lang)


def test_a_letter_says_the_latest_set_its_pace_and_each_alarm_no_doctor_was_told_of(session_for,
                                                                                    patient_on_the_clock):
    """03:40 the right pupil is 6 mm and fixed, rechecked at 03:45, next set asked in 2 hours: the
    letter says the 03:45 set, the next at 04:15 as NICE paces it, and both alarms still standing."""
    nurse, patient, saved = _night(session_for, patient_on_the_clock, datetime(2026, 11, 28, 3, 46), {},
                                   {**BLOWN, "taken_at": "2026-11-28T03:40+01:00"},
                                   {**BLOWN, "taken_at": "2026-11-28T03:45+01:00", "next_set_in": "120"})
    assert _handed_on(nurse, patient) == [
        "GCS 15 (E4 V5 M6) at 28/11 03:45; pupils: left 3 mm brisk, right 6 mm none (fixed); "
        "limbs: normal power; next set due 28/11 04:15 (head injury: every 30 minutes, NICE)", *ASKED]
    assert _handed_on(nurse, patient, "fr")[0] == (
        "Glasgow 15 (Y4 V5 M6) le 28/11 03:45 ; pupilles : gauche 3 mm vif, droite 6 mm aucun "
        "(aréactive) ; membres : force normale ; prochain relevé à 28/11 04:15 (traumatisme crânien : toutes les 30 "
        "minutes, NICE)")
    records.amend(nurse, saved[-1].record_id, {**saved[-1].data, "doctor_told": "Dr Benali",
                                               "doctor_told_at": "2026-11-28T03:46+01:00"}, "Doctor told")
    assert _handed_on(nurse, patient) == [
        "GCS 15 (E4 V5 M6) at 28/11 03:45; pupils: left 3 mm brisk, right 6 mm none (fixed); "
        "limbs: normal power; doctor told: Dr Benali 28/11 03:46; next set due 28/11 04:15 (head injury: every 30 "
        "minutes, NICE)"]


def test_a_letter_names_each_limb_when_they_differ_and_says_neuro_obs_stopped(session_for, patient_on_the_clock):
    nurse, patient, _ = _night(session_for, patient_on_the_clock, datetime(2026, 11, 28, 9, 0),
                               {"arm_left": "mild", "pupil_left_size": None, "pupil_left_reaction": None,
                                "leg_right": None, "next_set_in": "stopped", "stopped_by": "Dr  Benali",
                                "doctor_told": "Dr Benali", "doctor_told_at": "2026-11-28T03:15+01:00"})
    assert _handed_on(nurse, patient) == [
        "GCS 15 (E4 V5 M6) at 28/11 03:10; pupils: right 3 mm brisk; limbs: left arm mild weakness, "
        "right arm normal power, left leg normal power; doctor told: Dr Benali 28/11 03:15; neuro obs stopped "
        "(decided by Dr Benali)"]


def test_a_letter_written_after_the_patient_left_reads_the_chart_as_they_left(session_for, patient_on_the_clock):
    """A transfer out at 03:42 typed at 03:46: the 03:45 set was taken after she left."""
    nurse, patient, _ = _night(session_for, patient_on_the_clock, datetime(2026, 11, 28, 3, 46), {},
                               {**BLOWN, "taken_at": "2026-11-28T03:40+01:00"},
                               {"taken_at": "2026-11-28T03:45+01:00"})
    left_at = datetime.fromisoformat("2026-11-28T03:42+01:00")
    assert _handed_on(nurse, patient, at=left_at)[0].startswith("GCS 15 (E4 V5 M6) at 28/11 03:40; "
                                                                "pupils: left 3 mm brisk, right 6 mm none (fixed)")
    assert _handed_on(nurse, patient, at=datetime.fromisoformat("2026-11-28T03:05+01:00")) == []


@pytest.mark.parametrize("form_id, answers", [
    ("transfer", {"moved_at": "2026-11-28T03:50+01:00", "to_ward": "ICU", "to_bed": "1", "reason": "Neuro obs"}),
    ("transfer_out", {**TRANSFER_OUT, "departed_at": "2026-11-28T03:50+01:00",
                      "obs_at": "2026-11-28T03:45+01:00"})])
def test_a_move_or_a_transfer_out_starts_with_the_neuro_obs_and_prints_them(session_for, patient_on_the_clock,
                                                                             tmp_path, form_id, answers):
    """The letters of a patient with a blown pupil no doctor is recorded told of, moved at 03:50."""
    nurse, patient, _ = _night(session_for, patient_on_the_clock, datetime(2026, 11, 28, 3, 50), {},
                               {**BLOWN, "taken_at": "2026-11-28T03:40+01:00"},
                               {**BLOWN, "taken_at": "2026-11-28T03:45+01:00"})
    wards.add_ward(session_for("admin"), "ICU", "Intensive care", ["1"])
    started = prefill.first_answers(nurse, nurse.form(form_id), patient)
    assert started["neuro"] == "\n".join(_handed_on(nurse, patient))
    saved = records.save_new(nurse, form_id, {**answers, "neuro": started["neuro"]}, patient_id=patient)
    text = pdf_text(printing.print_record(nurse, saved.record_id, tmp_path / f"{form_id}.pdf"))
    assert "Neurological observations (GCS)" in text and "right 6 mm none (fixed)" in text
    assert all(asked in text for asked in ASKED)
