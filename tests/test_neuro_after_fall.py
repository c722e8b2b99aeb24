"""Neuro obs after a fall read as a night nurse does: NICE's pace counted from the patient's
return to their usual GCS when it is below 15 (a patient with dementia never reaches 15), and
each set's time on the ward's clock on the tab's list, the paper chart and the escalation list,
whatever offset the laptop that typed it stored."""

from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from pypdf import PdfReader

from downtime.domain.falls import Fall, fall_of, neuro_interval
from downtime.services import census, chart_alerts, falls, neuro, printing, records
from downtime.services.errors import ValidationFailed

FELL_AT = datetime.fromisoformat("2026-11-28T02:00+01:00")
DEMENTIA = Fall(FELL_AT, "not_excluded", True, False, None, found=True, usual_gcs=13)
FALL = {"fell_at": "2026-11-28T02:00+01:00", "witnessed": "found", "where": "bedside", "fracture_signs": "none",
        "head_injury": "not_excluded", "anticoagulated": True, "usual_gcs": 13}
SET = {"taken_at": "2026-11-28T02:10+01:00", "eyes": "3", "verbal": "4", "motor": "6", "pupil_left_size": 3,
       "pupil_left_reaction": "brisk", "pupil_right_size": 3, "pupil_right_reaction": "brisk",
       "arm_left": "normal", "arm_right": "normal", "leg_left": "normal", "leg_right": "normal", "next_set_in": "240"}
HALF, HOUR = timedelta(minutes=30), timedelta(hours=1)


def _every_half_hour(*totals: int) -> list[tuple[datetime, int]]:
    return [(FELL_AT + timedelta(minutes=10 + 30 * n), total) for n, total in enumerate(totals)]


def test_nice_s_pace_counts_from_the_return_to_the_usual_gcs_when_the_fall_records_one():
    """NICE NG232 counts the return to the patient's baseline: a usual GCS of 13 held 2 hours is
    hourly, 6 hours 2-hourly, and a point below it half-hourly again."""
    held = _every_half_hour(13, 13, 13, 13, 13, 13)  # 13 from 02:10: held 2 hours at 04:10
    assert [neuro_interval([DEMENTIA], held[:n]) for n in (1, 4, 5, 6)] == [HALF, HALF, HOUR, HOUR]
    assert neuro_interval([DEMENTIA], [*held, (FELL_AT + timedelta(hours=7), 13)]) == timedelta(hours=2)
    assert neuro_interval([DEMENTIA], [*held, (FELL_AT + timedelta(hours=3), 12)]) == HALF
    assert neuro_interval([DEMENTIA], _every_half_hour(12, 14, 14, 14, 14)) == HALF  # back to it at 02:40 only
    assert neuro_interval([DEMENTIA], [*_every_half_hour(13, 13, 13, 13), (FELL_AT + timedelta(hours=2, minutes=40),
                                                                          None)]) == HALF  # not testable: not back
    assert neuro_interval([replace(DEMENTIA, usual_gcs=None)], held) == HALF  # none recorded: 15 is counted
    later = replace(DEMENTIA, fell_at=FELL_AT + timedelta(hours=1), usual_gcs=None)
    assert neuro_interval([DEMENTIA, later], held) == HALF  # the latest fall paces, and it recorded none


def test_the_fall_records_the_usual_gcs_and_a_fall_of_version_1_is_read_as_before(session_for, patient_on_the_clock):
    patient = patient_on_the_clock(datetime(2026, 11, 28, 6, 0), "2026-11-27T15:00+01:00")
    nurse = session_for("nurse")
    for wrong in (2, 16):
        with pytest.raises(ValidationFailed) as refused:
            records.save_new(nurse, "inpatient_fall", {**FALL, "usual_gcs": wrong}, patient_id=patient)
        assert [error.path for error in refused.value.errors] == ["usual_gcs"]
    assert nurse.form("inpatient_fall").version == 5
    old = {key: value for key, value in FALL.items() if key != "usual_gcs"}
    assert fall_of(old).usual_gcs is None
    fall = records.save_new(nurse, "inpatient_fall", old, patient_id=patient)
    for n in range(6):
        records.save_new(nurse, "neuro_observations", {
            **SET, "taken_at": (FELL_AT + timedelta(minutes=10 + 30 * n)).isoformat()}, patient_id=patient)
    assert neuro.chart(nurse.db, patient)[-1].paced == HALF  # GCS 13, never 15: half-hourly all day
    records.amend(nurse, fall.record_id, FALL, "Usual GCS 13 (dementia), as her daughter says")
    latest = neuro.chart(nurse.db, patient)[-1]
    assert latest.paced == HOUR and latest.due_at == datetime.fromisoformat("2026-11-28T05:40+01:00")
    assert latest.next_set(FELL_AT + timedelta(hours=3), "en") == "next set due 28/11 05:40 (head injury: hourly, NICE)"
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert falls.handover(nurse.db, inside, nurse.clock(), "en")[patient].startswith(
        "Fell 28/11 02:00 (found on the floor, usual GCS 13); ON AN ANTICOAGULANT")
    assert falls.handover(nurse.db, inside, nurse.clock(), "fr")[patient].startswith(
        "Chute le 28/11 02:00 (trouvé au sol, Glasgow habituel 13) ;")
    assert "Usual GCS before the fall, if below 15: 13" in records.record_label(
        nurse, records.current(nurse.db, fall.record_id))  # on the records clerk's line


def test_the_printed_chart_says_when_the_next_set_is_due_as_nice_paces_it(session_for, patient_on_the_clock,
                                                                           tmp_path):
    """The chart printed for the bedside folder while the laptop is away said only the set's own
    "Next set in 4 hours": after a head injury, the nurse waited 4 hours for a set due in 30 minutes."""
    patient = patient_on_the_clock(datetime(2026, 11, 28, 3, 0), "2026-11-27T15:00+01:00")
    nurse = session_for("nurse")
    records.save_new(nurse, "inpatient_fall", {key: value for key, value in FALL.items() if key != "usual_gcs"},
                     patient_id=patient)
    records.save_new(nurse, "neuro_observations", SET, patient_id=patient)  # GCS 13, "next set in 4 hours"
    english = " ".join(PdfReader(printing.print_neuro_chart(nurse, patient, tmp_path / "en.pdf")).pages[0]
                       .extract_text().split())
    assert "NEXT SET OVERDUE since 28/11 02:40 (head injury: every 30 minutes, NICE)" in english
    french = " ".join(PdfReader(printing.print_neuro_chart(session_for("nurse", "fr"), patient, tmp_path / "fr.pdf"))
                      .pages[0]
                      .extract_text().split())
    assert "PROCHAIN RELEVÉ EN RETARD depuis 28/11 02:40 (traumatisme crânien : toutes les 30 minutes, NICE)" in french


def test_each_set_is_on_the_ward_s_clock_on_the_chart_and_the_escalation_list(session_for, patient, tmp_path):
    """A set typed on a laptop whose clock was at UTC, merged here, was an hour off the other charts."""
    nurse = session_for("nurse")
    records.save_new(nurse, "neuro_observations", {**SET, "taken_at": "2026-11-28T09:00+01:00", "eyes": "4",
                                                   "verbal": "5"}, patient_id=patient)
    records.save_new(nurse, "neuro_observations", {**SET, "taken_at": "2026-11-28T09:30+00:00", "eyes": "2",
                                                   "verbal": "3", "next_set_in": "30"}, patient_id=patient)
    text = " ".join(PdfReader(printing.print_neuro_chart(nurse, patient, tmp_path / "neuro.pdf")).pages[0]
                    .extract_text().split())
    assert "28/11 09:00 28/11 10:30" in text and "GCS total (3–15) 15 11" in text
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    (alert,) = [alert for alert in chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en",
                                                       ward="3B").alerts if alert.form_id == "neuro_observations"]
    assert alert.latest == "GCS 11 (E2 V3 M6) 28/11 10:30"
    assert alert.said == ["GCS fell by 4 since 28/11 09:00: tell the doctor now", "NEXT SET OVERDUE since 28/11 11:00"]


def test_a_ct_head_recorded_done_answers_the_sets_before_it_and_is_not_asked_by_those_after(
        session_for, patient_on_the_clock):
    """GCS 12 at 04:10 (2 hours on, not back to 13): CT head within 1 hour. The CT is done at 04:45:
    the sets after it asked a CT head within 1 hour again, all day, whatever the fall said."""
    patient = patient_on_the_clock(datetime(2026, 11, 28, 5, 20), "2026-11-27T15:00+01:00")
    nurse = session_for("nurse")
    examined = {**FALL, "reviewed_by": "Dr Benali", "reviewed_at": "2026-11-28T02:20+01:00"}
    fall = records.save_new(nurse, "inpatient_fall", examined, patient_id=patient)
    for at, verbal in (("02:10", "4"), ("04:10", "3"), ("05:10", "3")):
        records.save_new(nurse, "neuro_observations", {**SET, "taken_at": f"2026-11-28T{at}+01:00", "verbal": verbal,
                                                       "next_set_in": "30"}, patient_id=patient)
    ct = "GCS 12 after a fall with a possible head injury: tell the doctor now (CT head within 1 hour, NICE)"
    assert [flag.text("en") for flag in neuro.chart(nurse.db, patient)[-1].asks].count(ct) == 1
    known = falls.read(nurse.db, [census.patient_with_location(nurse.db, nurse.forms, patient)])[patient]
    assert known.asking(known.falls[0], "en")[-1] == (
        "CT HEAD NOT RECORDED DONE: due by 28/11 10:00 (8 hours after the fall, on an anticoagulant)")
    records.amend(nurse, fall.record_id, {**examined, "ct_head": "done", "ct_head_at": "2026-11-28T04:45+01:00",
                                          "ct_head_result": "No bleed"}, "CT head done")
    sets = neuro.chart(nurse.db, patient)
    assert [[flag.alarm.value for flag in one.flags] for one in sets] == [[], ["ct_now"], ["sustained_fall"]]  # no CT
    assert ct not in [flag.text("en") for flag in sets[-1].asks]
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert falls.handover(nurse.db, inside, nurse.clock(), "en")[patient].startswith(
        "Fell 28/11 02:00 (found on the floor, head injury not excluded, on an anticoagulant, usual GCS 13); "
        "examined by Dr Benali 28/11 02:20; CT head done 28/11 04:45 (No bleed)")
