"""One fall of the GCS is said once on a set: 15 then 13 held for half an hour asked "GCS fell by 2
since 02:10" and "GCS down by 2 since 02:10, held for 30 minutes or more" on the same set, on the
handover, the escalation list and the neuro chart (review R2 D8). A drop of one point held for
half an hour, which no fall of 2 says, is still said."""

from datetime import datetime

from downtime.domain.gcs import Alarm
from downtime.services import neuro, records

FALL = {"fell_at": "2026-11-28T02:00+01:00", "witnessed": "found", "where": "bedside", "fracture_signs": "none",
        "head_injury": "yes", "anticoagulated": False}
SET = {"eyes": "4", "verbal": "5", "motor": "6", "pupil_left_size": 3, "pupil_left_reaction": "brisk",
       "pupil_right_size": 3, "pupil_right_reaction": "brisk", "arm_left": "normal", "arm_right": "normal",
       "leg_left": "normal", "leg_right": "normal", "next_set_in": "30"}


def _latest(session_for, patient_on_the_clock, lower: dict[str, str]) -> neuro.NeuroSet:
    patient = patient_on_the_clock(datetime(2026, 11, 28, 3, 15), "2026-11-27T15:00+01:00")
    nurse = session_for("nurse")
    records.save_new(nurse, "inpatient_fall", FALL, patient_id=patient)
    for at, values in (("02:10", SET), ("02:40", {**SET, **lower}), ("03:10", {**SET, **lower})):
        records.save_new(nurse, "neuro_observations", {**values, "taken_at": f"2026-11-28T{at}+01:00"},
                         patient_id=patient)
    return neuro.chart(nurse.db, patient)[-1]


def test_a_drop_of_2_held_for_30_minutes_is_said_once(session_for, patient_on_the_clock):
    latest = _latest(session_for, patient_on_the_clock, {"eyes": "3", "verbal": "4"})
    assert [flag.alarm for flag in latest.flags] == [Alarm.TOTAL_FELL]
    assert [flag.text("en") for flag in latest.asks] == ["GCS fell by 2 since 28/11 02:10: tell the doctor now"]


def test_a_drop_of_1_held_for_30_minutes_is_still_said(session_for, patient_on_the_clock):
    latest = _latest(session_for, patient_on_the_clock, {"verbal": "4"})
    assert [flag.text("en") for flag in latest.asks] == [
        "GCS down by 1 since 28/11 02:10, held for 30 minutes or more: tell the doctor now"]
