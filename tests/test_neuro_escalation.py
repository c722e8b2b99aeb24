"""What a set of neuro obs asks of the doctor, and when it stops asking: after a fall with a
possible head injury, NICE's CT head within 1 hour for a GCS of 12 or less, or not back to 15 (or
the usual GCS) at 2 hours, until the fall records the doctor's examination after the set; any
set's "tell the doctor" once the set records the doctor told; and no next set once a doctor has
stopped neuro obs (form version 2); the export says both."""

import json
from datetime import date, datetime, timedelta

import pytest
from fhir.resources.R4B.observation import Observation
from pypdf import PdfReader

from downtime.domain.falls import Fall, head_ct
from downtime.domain.gcs import Alarm, Gcs, flags
from downtime.services import census, chart_alerts, neuro, printing, records
from downtime.services.errors import ValidationFailed
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes

FELL_AT = datetime.fromisoformat("2026-11-28T11:00+01:00")
HEAD_INJURY = Fall(FELL_AT, "yes", False, False, None)
FALL = {"fell_at": "2026-11-28T11:00+01:00", "witnessed": "witnessed", "where": "toilet", "fracture_signs": "none",
        "head_injury": "yes", "anticoagulated": False}
SET = {"taken_at": "2026-11-28T11:10+01:00", "eyes": "3", "verbal": "3", "motor": "5", "pupil_left_size": 3,
       "pupil_left_reaction": "brisk", "pupil_right_size": 3, "pupil_right_reaction": "brisk",
       "arm_left": "normal", "arm_right": "normal", "leg_left": "normal", "leg_right": "normal", "next_set_in": "30"}
CT_NOW = "GCS 11 after a fall with a head injury: tell the doctor now (CT head within 1 hour, NICE)"


def _scored(total: int | None) -> Gcs:
    """A set of that total (the eyes and the verbal response at their best first); of none, one with
    the verbal response not testable and the others at their best."""
    if total is None:
        return Gcs(4, None, 6)
    eyes = min(4, total - 2)
    verbal = min(5, total - eyes - 1)
    return Gcs(eyes, verbal, total - eyes - verbal)


def _ct(total: int | None, minutes: int, usual: int | None = None, born: date | None = None) -> tuple[Alarm, dict] | None:
    fall = Fall(FELL_AT, "yes", False, False, None, usual_gcs=usual, born=born)
    flag = head_ct(fall, FELL_AT + timedelta(minutes=minutes), _scored(total))
    return None if flag is None else (flag.alarm, {key: value for key, value in flag.values.items() if key != "injury"})


def test_nice_asks_a_ct_head_for_a_gcs_of_12_or_less_or_not_back_to_15_at_2_hours():
    """NICE NG232: a first set of 11 after a fall, with no set before it to fall from, told nobody."""
    assert _ct(11, 10) == (Alarm.CT_NOW, {"total": 11})
    assert _ct(12, 10) == (Alarm.CT_NOW, {"total": 12}) and _ct(13, 10) is None and _ct(14, 119) is None
    assert _ct(14, 120) == (Alarm.CT_AT_2_HOURS, {"total": 14, "usual": 15}) and _ct(15, 120) is None
    assert _ct(None, 150) is None  # not totalled, and 15 at best: nothing to weigh
    assert _ct(12, 10, usual=13) == (Alarm.CT_NOW, {"total": 12}) and _ct(13, 150, usual=13) is None
    assert _ct(12, 150, usual=14) == (Alarm.CT_NOW, {"total": 12})
    assert _ct(13, 150, usual=14) == (Alarm.CT_AT_2_HOURS, {"total": 13, "usual": 14})
    assert _ct(10, 10, usual=10) is None and _ct(11, 10, usual=10) is None  # herself: not scanned for it
    assert _ct(9, 10, usual=10) == (Alarm.CT_NOW, {"total": 9})


def test_a_childs_ct_head_is_asked_at_once_under_14_and_a_babys_under_15():
    """NICE NG232 1.4.10: a child's GCS under 14, a baby under 1 year's under 15 on the paediatric
    scale; a child of 8 with a GCS of 13 after a head injury was asked nothing until 2 hours, by
    the adult's 12."""
    child, baby, sixteen = date(2018, 5, 1), date(2026, 5, 1), date(2010, 11, 28)
    assert _ct(13, 10, born=child) == (Alarm.CT_NOW, {"total": 13}) and _ct(14, 10, born=child) is None
    assert _ct(14, 10, born=baby) == (Alarm.CT_NOW, {"total": 14}) and _ct(15, 10, born=baby) is None
    assert _ct(13, 10, born=sixteen) is None and _ct(12, 10, born=sixteen) == (Alarm.CT_NOW, {"total": 12})
    assert _ct(13, 10, usual=13, born=child) is None  # her usual GCS: not scanned for it


def _alerts(nurse) -> list[str]:
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    return [said for alert in chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en", ward="3B").alerts
            if alert.form_id == "neuro_observations" for said in alert.said]


def test_a_low_first_set_after_a_fall_asks_a_ct_until_the_doctor_examines_the_patient_after_it(
        session_for, patient, clock, tmp_path):
    nurse = session_for("nurse")
    fall = records.save_new(nurse, "inpatient_fall", FALL, patient_id=patient)
    records.save_new(nurse, "neuro_observations", SET, patient_id=patient)  # GCS 11, the first set
    clock.now = datetime.fromisoformat("2026-11-28T11:20+01:00")
    assert _alerts(nurse) == [CT_NOW]
    assert neuro.handover(nurse.db, [patient], nurse.clock(), "fr")[patient] == (
        "SURVEILLANCE NEURO : Glasgow 11 (Y3 V3 M5) le 28/11 11:10 ; Glasgow 11 après une chute avec un "
        "traumatisme crânien : prévenir le médecin immédiatement (scanner cérébral dans l’heure, NICE) ; "
        "prochain relevé à 28/11 11:40")
    examined = {**FALL, "reviewed_by": "Dr Benali"}
    records.amend(nurse, fall.record_id, {**examined, "reviewed_at": "2026-11-28T11:05+01:00"}, "Examined")
    assert _alerts(nurse) == [CT_NOW]  # examined before the set: it did not see it
    records.amend(nurse, fall.record_id, {**examined, "reviewed_at": "2026-11-28T11:15+01:00"}, "Examined at 11:15")
    assert _alerts(nurse) == []
    assert neuro.handover(nurse.db, [patient], nurse.clock(), "en")[patient] == (
        "NEURO OBS: GCS 11 (E3 V3 M5) at 28/11 11:10; next set due 28/11 11:40")
    text = " ".join(PdfReader(printing.print_neuro_chart(nurse, patient, tmp_path / "neuro.pdf")).pages[0]
                    .extract_text().split())
    assert "CT head within 1 hour, NICE" in text  # the chart keeps what the set said


def test_a_childs_gcs_of_13_after_a_fall_asks_a_ct_at_once_on_the_escalation_list(session_for, admission_values,
                                                                                     clock):
    """The neuro chart's falls knew no date of birth: a child's 13 was weighed by the adult's 12."""
    nurse = session_for("nurse")
    child = records.save_new(nurse, "admission", {**admission_values, "bed": "5", "nir": None,
                                                  "birth_date": "2018-05-01"}).patient_id
    records.save_new(nurse, "inpatient_fall", FALL, patient_id=child)
    records.save_new(nurse, "neuro_observations", {**SET, "eyes": "3", "verbal": "4", "motor": "6"},
                     patient_id=child)  # GCS 13
    clock.now = datetime.fromisoformat("2026-11-28T11:20+01:00")
    assert _alerts(nurse) == [CT_NOW.replace("GCS 11", "GCS 13")]


def test_a_gcs_not_back_to_15_at_2_hours_asks_a_ct_though_the_doctor_examined_the_patient_before(
        session_for, patient, clock):
    nurse = session_for("nurse")
    records.save_new(nurse, "inpatient_fall", {**FALL, "reviewed_by": "Dr Benali",
                                               "reviewed_at": "2026-11-28T11:15+01:00"}, patient_id=patient)
    for at in ("11:10", "11:40", "12:10", "12:40", "13:10"):
        records.save_new(nurse, "neuro_observations", {**SET, "taken_at": f"2026-11-28T{at}+01:00", "eyes": "4",
                                                       "verbal": "4", "motor": "6"}, patient_id=patient)  # GCS 14
    clock.now = datetime.fromisoformat("2026-11-28T13:15+01:00")
    assert _alerts(nurse) == ["GCS 14 2 hours or more after a fall with a head injury: tell the doctor "
                              "(GCS not back to 15 at 2 hours: CT head within 1 hour, NICE)"]
    assert [flag.alarm for one in neuro.chart(nurse.db, patient) for flag in one.flags] == [Alarm.CT_AT_2_HOURS]


def test_a_set_records_the_doctor_told_and_its_flags_are_no_longer_asked(session_for, patient, clock, tmp_path):
    nurse = session_for("nurse")
    records.save_new(nurse, "neuro_observations", {**SET, "taken_at": "2026-11-28T10:00+01:00", "eyes": "4",
                                                   "verbal": "5", "motor": "6"}, patient_id=patient)
    fell = records.save_new(nurse, "neuro_observations", SET, patient_id=patient)  # no fall: GCS 15 to 11
    told = {**SET, "doctor_told": "Dr  Benali"}
    with pytest.raises(ValidationFailed) as refused:
        records.amend(nurse, fell.record_id, told, "Doctor told")
    assert [error.path for error in refused.value.errors] == ["doctor_told_at"]
    with pytest.raises(ValidationFailed):  # told before the set was taken
        records.amend(nurse, fell.record_id, {**told, "doctor_told_at": "2026-11-28T11:00+01:00"}, "Doctor told")
    clock.now = datetime.fromisoformat("2026-11-28T11:20+01:00")
    fallen = ["GCS fell by 4 since 28/11 10:00: tell the doctor now", "Best motor response fell since 28/11 10:00: "
              "tell the doctor now"]
    assert _alerts(nurse) == fallen
    records.amend(nurse, fell.record_id, {**told, "doctor_told_at": "2026-11-28T11:15+01:00"}, "Doctor told")
    assert _alerts(nurse) == []
    assert neuro.handover(nurse.db, [patient], nurse.clock(), "en")[patient] == (
        "NEURO OBS: GCS 11 (E3 V3 M5) at 28/11 11:10; doctor told: Dr Benali 28/11 11:15; next set due 28/11 11:40")
    assert neuro.handover(nurse.db, [patient], nurse.clock(), "fr")[patient].endswith(
        "médecin prévenu : Dr Benali le 28/11 11:15 ; prochain relevé à 28/11 11:40")
    text = " ".join(" ".join(page.extract_text().split()) for page in
                    PdfReader(printing.print_neuro_chart(nurse, patient, tmp_path / "neuro.pdf")).pages)
    assert "tell the doctor now; doctor told: Dr Benali 28/11 11:15" in text
    clock.now = datetime.fromisoformat("2026-11-28T11:50+01:00")
    assert _alerts(nurse) == ["NEXT SET OVERDUE since 28/11 11:40"]  # told is no set taken


def test_a_doctor_stops_neuro_obs_by_name_and_no_next_set_is_asked(session_for, patient, clock, tmp_path):
    nurse = session_for("nurse")
    assert nurse.form("neuro_observations").version == 3
    records.save_new(nurse, "inpatient_fall", FALL, patient_id=patient)
    full = {**SET, "eyes": "4", "verbal": "5", "motor": "6", "next_set_in": "stopped"}
    with pytest.raises(ValidationFailed) as refused:  # in NICE's paced day: a doctor's name or nothing
        records.save_new(nurse, "neuro_observations", full, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["stopped_by"]
    records.save_new(nurse, "neuro_observations", {**full, "stopped_by": "Dr Benali"}, patient_id=patient)
    (stopped,) = neuro.chart(nurse.db, patient)
    clock.now = datetime.fromisoformat("2026-11-29T09:00+01:00")
    assert not stopped.overdue(nurse.clock()) and stopped.coming(nurse.clock()) is None and _alerts(nurse) == []
    assert neuro.handover(nurse.db, [patient], nurse.clock(), "en")[patient] == (
        "NEURO OBS: GCS 15 (E4 V5 M6) at 28/11 11:10; neuro obs stopped (decided by Dr Benali)")
    assert neuro.handover(nurse.db, [patient], nurse.clock(), "fr")[patient].endswith(
        "surveillance neurologique arrêtée (décidé par Dr Benali)")
    french = " ".join(PdfReader(printing.print_neuro_chart(session_for("nurse", "fr"), patient, tmp_path / "fr.pdf"))
                      .pages[0].extract_text().split())
    assert "Surveillance neurologique arrêtée (décidé par Dr Benali)" in french
    assert "Arrêtée (décision médicale) : Dr Benali" in french


def test_a_set_of_version_1_reads_as_before_and_the_blank_form_asks_who_stopped(session_for, patient, blank_pages):
    nurse = session_for("nurse")
    records.save_new(nurse, "neuro_observations", {**SET, "taken_at": "2026-11-28T10:00+01:00", "eyes": "4",
                                                   "verbal": "5", "motor": "6"}, patient_id=patient)
    records.save_new(nurse, "neuro_observations", SET, patient_id=patient)  # neither stop nor doctor told: as v1
    assert neuro.handover(nurse.db, [patient], nurse.clock(), "en")[patient] == (
        "NEURO OBS: GCS 11 (E3 V3 M5) at 28/11 11:10; GCS fell by 4 since 28/11 10:00: tell the doctor now; "
        "Best motor response fell since 28/11 10:00: tell the doctor now; NEXT SET OVERDUE since 28/11 11:40")
    english, french = blank_pages("neuro_observations", "en"), blank_pages("neuro_observations", "fr")
    assert len(english) == len(french) == 1
    assert "Stopped (doctor's decision)" in english[0] and "Stop decided by (doctor's name)" in english[0]
    assert "Arrêtée (décision médicale)" in french[0] and "Arrêt décidé par (nom du médecin)" in french[0]


def test_the_export_says_who_stopped_neuro_obs_and_which_doctor_was_told(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    told = records.save_new(nurse, "neuro_observations", {
        **SET, "doctor_told": "Dr Benali", "doctor_told_at": "2026-11-28T11:15+01:00"}, patient_id=patient)
    stopped = records.save_new(nurse, "neuro_observations", {
        **SET, "taken_at": "2026-11-28T12:10+01:00", "next_set_in": "stopped", "stopped_by": "Dr Benali",
        "notes": "CT head normal"}, patient_id=patient)
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    check_codes(bundle)
    by_id = {entry["resource"]["id"]: entry["resource"] for entry in bundle["entry"]}
    assert [(note.text, note.time) for note in Observation.model_validate(by_id[told.record_id]).note] == [
        ("Doctor told: Dr Benali", datetime.fromisoformat("2026-11-28T11:15+01:00"))]
    assert [note.text for note in Observation.model_validate(by_id[stopped.record_id]).note] == [
        "CT head normal", "Neuro obs stopped (doctor's decision), decided by Dr Benali"]


def test_the_paper_chart_s_key_says_when_nice_asks_a_ct_head_the_held_drop_and_nice_s_pace(forms, clock, tmp_path):
    """The chart filled by hand while the laptop is away says it too: the nurse at the bedside
    scores the set and reads when to call, and how often to take the next (the key left off the
    held 1-point drop the app escalates, a limb weaker, and NICE's pace after a head injury)."""
    for lang, said in (("en", ("after a fall with a possible head injury, of a GCS of 12 or less, not back to 15 (or "
                               "the usual GCS) at 2 hours, a limb newly weak, or limbs weaker than the other side on "
                               "the first set: CT head within 1 hour (NICE)", "the alarms count it at its best",
                               "a drop of 1 point held for 30 minutes", "a limb weaker than before",
                               "a set every 30 minutes until 15 (or the usual GCS), then every 30 minutes for 2 hours, "
                               "hourly for 4 hours, then every 2 hours; every 30 minutes again if the GCS falls")),
                       ("fr", ("après une chute avec traumatisme crânien possible, d’un Glasgow ≤ 12, non revenu à "
                               "15 (ou au Glasgow habituel) à 2 heures, d’un membre nouvellement faible, ou de "
                               "membres plus faibles que de l’autre côté au premier relevé : scanner cérébral dans "
                               "l’heure (NICE)", "les alarmes le comptent à son meilleur",
                               "d’une baisse d’1 point maintenue 30 minutes",
                               "toutes les heures pendant 4 heures"))):
        pages = PdfReader(printing.blank(forms, "neuro", tmp_path / f"{lang}.pdf", lang=lang, printed_by=None,
                                         printed_at=clock(), device_name="3B")).pages
        assert len(pages) == 2
        text = " ".join(pages[1].extract_text().split())
        assert [words for words in said if words not in text] == []


NIGHT_FALL = {"fell_at": "2026-11-28T03:00+01:00", "witnessed": "found", "where": "bedside", "fracture_signs": "none",
              "head_injury": "yes", "anticoagulated": True, "reviewed_by": "Dr Benali",
              "reviewed_at": "2026-11-28T03:20+01:00"}
NIGHT_SET = {**SET, "taken_at": "2026-11-28T03:10+01:00", "eyes": "4", "verbal": "5", "motor": "6"}


def _night(session_for, patient_on_the_clock, now, *sets):
    """A patient fallen at 03:00, examined at 03:20, and these neuro sets (changes to `NIGHT_SET`)
    charted at `now`."""
    patient = patient_on_the_clock(now, "2026-11-27T15:00+01:00")
    nurse = session_for("nurse")
    records.save_new(nurse, "inpatient_fall", NIGHT_FALL, patient_id=patient)
    saved = [records.save_new(nurse, "neuro_observations", {**NIGHT_SET, **changed}, patient_id=patient)
             for changed in sets]
    return nurse, patient, saved


def test_a_fixed_pupil_rechecked_is_asked_until_a_set_records_the_doctor_told(session_for, patient_on_the_clock):
    """03:40 the right pupil is 6 mm and fixed; the nurse rechecks at 03:45 and charts the same: the
    list, the tab and the handover said nothing needed a doctor, though no doctor was told."""
    blown = {"pupil_right_size": 6, "pupil_right_reaction": "none"}
    nurse, patient, saved = _night(session_for, patient_on_the_clock, datetime(2026, 11, 28, 3, 46), {},
                                   {**blown, "taken_at": "2026-11-28T03:40+01:00"},
                                   {**blown, "taken_at": "2026-11-28T03:45+01:00"})
    asked = ["A pupil no longer reacts to light: tell the doctor now",
             "Pupils newly unequal (3 mm left, 6 mm right): tell the doctor now"]
    assert _alerts(nurse) == asked
    assert neuro.handover(nurse.db, [patient], nurse.clock(), "en")[patient] == (
        f"NEURO OBS: GCS 15 (E4 V5 M6) at 28/11 03:45; {asked[0]}; {asked[1]}; next set due 28/11 04:15")
    records.amend(nurse, saved[-1].record_id, {**NIGHT_SET, **blown, "taken_at": "2026-11-28T03:45+01:00",
                                               "doctor_told": "Dr Benali", "doctor_told_at": "2026-11-28T03:46+01:00"},
                  "Doctor told")
    assert _alerts(nurse) == []  # told on the latest set: it answers the sets before it


def test_a_fall_in_the_motor_response_rechecked_is_asked_still(session_for, patient_on_the_clock):
    """M6 to M5 at 03:40, rechecked at 03:50: the alarm was gone."""
    nurse, patient, _ = _night(session_for, patient_on_the_clock, datetime(2026, 11, 28, 3, 51), {},
                               {"motor": "5", "taken_at": "2026-11-28T03:40+01:00"},
                               {"motor": "5", "taken_at": "2026-11-28T03:50+01:00"})
    assert _alerts(nurse) == ["Best motor response fell since 28/11 03:10: tell the doctor now"]


def test_a_held_drop_stays_asked_at_the_sets_after_it(session_for, patient_on_the_clock):
    """15, then 14 at 03:40, 04:10 and 04:40: the held drop was said on the 04:10 set alone."""
    nurse, patient, _ = _night(session_for, patient_on_the_clock, datetime(2026, 11, 28, 4, 41), {},
                               *({"verbal": "4", "taken_at": f"2026-11-28T{at}+01:00"} for at in ("03:40", "04:10",
                                                                                                 "04:40")))
    assert [[flag.alarm for flag in one.flags] for one in neuro.chart(nurse.db, patient)] == [
        [], [], [Alarm.SUSTAINED_FALL], []]  # the chart says it where it was found
    assert "GCS down by 1 since 28/11 03:10, held for 30 minutes or more: tell the doctor now" in neuro.handover(
        nurse.db, [patient], nurse.clock(), "en")[patient]


def test_a_fall_is_counted_from_the_best_set_since_the_doctor_was_last_told(session_for, patient_on_the_clock):
    """15 at 03:10, 14 at 03:40, 13 on a recheck at 03:50: each a point below the set before, 2
    below her best; once the doctor is told of the 13, another 13 is no new fall."""
    nurse, patient, saved = _night(session_for, patient_on_the_clock, datetime(2026, 11, 28, 4, 30), {},
                                   {"verbal": "4", "taken_at": "2026-11-28T03:40+01:00"},
                                   {"verbal": "4", "eyes": "3", "taken_at": "2026-11-28T03:50+01:00"})
    assert [flag.text("en") for flag in neuro.chart(nurse.db, patient)[-1].flags] == [
        "GCS fell by 2 since 28/11 03:10: tell the doctor now"]
    told = {**NIGHT_SET, "verbal": "4", "eyes": "3", "taken_at": "2026-11-28T03:50+01:00", "doctor_told": "Dr Benali",
            "doctor_told_at": "2026-11-28T03:55+01:00"}
    records.amend(nurse, saved[-1].record_id, told, "Doctor told")
    records.save_new(nurse, "neuro_observations", {**told, "taken_at": "2026-11-28T04:20+01:00", "doctor_told": None,
                                                   "doctor_told_at": None}, patient_id=patient)
    latest = neuro.chart(nurse.db, patient)[-1]
    assert latest.gcs.total == 13 and latest.flags == [] and latest.asks == []


def test_a_ct_head_the_doctor_was_told_of_is_not_asked_again_by_each_later_set(session_for, patient_on_the_clock):
    """GCS 14 at 05:10 (2 hours after the fall: CT head within 1 hour), the doctor told on that set;
    at 06:10 still 14: "CT head within 1 hour" and the held drop were asked again, and at every
    set under 15 for the rest of the day."""
    nurse, patient, _ = _night(session_for, patient_on_the_clock, datetime(2026, 11, 28, 6, 15), {},
                               *({"taken_at": f"2026-11-28T{at}+01:00"} for at in ("03:40", "04:10", "04:40")),
                               {"taken_at": "2026-11-28T05:10+01:00", "verbal": "4", "doctor_told": "Dr Benali",
                                "doctor_told_at": "2026-11-28T05:15+01:00"},
                               {"taken_at": "2026-11-28T06:10+01:00", "verbal": "4", "next_set_in": "60"})
    assert [flag.alarm for flag in neuro.chart(nurse.db, patient)[-1].flags] == [Alarm.CT_AT_2_HOURS]  # charted
    assert _alerts(nurse) == []
    assert neuro.handover(nurse.db, [patient], nurse.clock(), "en")[patient] == (
        "NEURO OBS: GCS 14 (E4 V4 M6) at 28/11 06:10; next set due 28/11 06:40 (head injury: every 30 minutes, NICE)")


def _flags(now: dict, *earlier: dict) -> list[str]:
    return [flag.text("en") for flag in flags({**SET, **now}, [({**SET, **one}, at) for one, at in zip(
        earlier, ("28/11 03:10", "28/11 03:40"))])]


def test_pupils_further_apart_or_slower_to_react_need_the_doctor():
    """An old anisocoria of 3 and 5 mm become 3 and 8, the right pupil sluggish: only pupils newly
    unequal were flagged."""
    assert _flags({"pupil_right_size": 8, "pupil_right_reaction": "sluggish"}, {"pupil_right_size": 5}) == [
        "Pupils further apart (3 mm left, 8 mm right; 2 mm apart at 28/11 03:10): tell the doctor now",
        "Pupil reacting more slowly to light (right: sluggish, brisk at 28/11 03:10): tell the doctor now"]
    assert _flags({"pupil_right_size": 5}, {"pupil_right_size": 5}) == []  # known, unchanged
    assert _flags({"pupil_right_size": 6}, {"pupil_right_size": 5}) == [  # a millimetre further apart
        "Pupils further apart (3 mm left, 6 mm right; 2 mm apart at 28/11 03:10): tell the doctor now"]
    assert _flags({"pupil_right_size": 5}, {"pupil_right_size": 6}) == []  # closer
    assert _flags({"pupil_right_size": 6}, {}, {"pupil_right_size": 6}) == [  # equal at 03:10: new since
        "Pupils newly unequal (3 mm left, 6 mm right): tell the doctor now"]
    french = flags({**SET, "pupil_left_reaction": "sluggish", "pupil_right_reaction": "sluggish"},
                   [(SET, "28/11 03:10")])
    assert [flag.text("fr") for flag in french] == [
        "Pupille plus lente à réagir à la lumière (gauche et droite : lent, vif à 28/11 03:10) : prévenir le médecin "
        "immédiatement"]


def test_a_limb_newly_weaker_needs_the_doctor_and_after_a_head_injury_a_ct_head(session_for, patient_on_the_clock):
    """The left arm and leg, normal at 03:10, severely weak at 03:40, the GCS still 15: the form
    collected four limbs and nothing read them (NICE NG232: a focal deficit, CT head within 1 hour)."""
    weak = {"arm_left": "severe", "leg_left": "severe"}
    assert _flags(weak, {}) == ["New weakness of the left arm and left leg since 28/11 03:10: tell the doctor now"]
    assert [flag.text("fr") for flag in flags({**SET, **weak}, [(SET, "28/11 03:10")])] == [
        "Nouvelle faiblesse : bras gauche et jambe gauche, depuis 28/11 03:10 : prévenir le médecin immédiatement"]
    assert _flags(weak, weak) == [] and _flags({"arm_left": "mild"}, {"arm_left": "severe"}) == []  # better
    assert _flags({"arm_right": "mild"}, {"arm_right": None}) == []  # not recorded before: nothing to weigh
    nurse, patient, _ = _night(session_for, patient_on_the_clock, datetime(2026, 11, 28, 3, 41), {},
                               {**weak, "taken_at": "2026-11-28T03:40+01:00"})
    assert _alerts(nurse) == [
        "New weakness of the left arm and left leg since 28/11 03:10: tell the doctor now",
        "New limb weakness after a fall with a head injury (focal deficit: CT head within 1 hour, NICE)"]


def test_a_new_fall_asks_its_own_ct_head_and_a_lower_gcs_asks_it_again(session_for, patient_on_the_clock):
    """28/11 03:00 she falls, hits her head: GCS 11 at 03:10, the doctor told on that set. Back to 15,
    she falls again on 30/11 02:00, GCS 11 at 02:10: the CT head the doctor was told of for the first
    fall silenced the second's for the rest of the stay. Told of a GCS of 12, a later 9 is asked again."""
    patient = patient_on_the_clock(datetime(2026, 11, 30, 3, 0), "2026-11-27T15:00+01:00")
    nurse = session_for("nurse")
    told = {"doctor_told": "Dr Benali", "doctor_told_at": "2026-11-28T03:15+01:00"}
    records.save_new(nurse, "inpatient_fall", {**FALL, "fell_at": "2026-11-28T03:00+01:00"}, patient_id=patient)
    records.save_new(nurse, "neuro_observations", {**SET, "taken_at": "2026-11-28T03:10+01:00", **told},
                     patient_id=patient)
    for at in ("2026-11-28T09:00+01:00", "2026-11-29T09:00+01:00"):
        records.save_new(nurse, "neuro_observations", {**NIGHT_SET, "taken_at": at, "next_set_in": "240"},
                         patient_id=patient)
    records.save_new(nurse, "inpatient_fall", {**FALL, "fell_at": "2026-11-30T02:00+01:00"}, patient_id=patient)
    records.save_new(nurse, "neuro_observations", {**SET, "taken_at": "2026-11-30T02:10+01:00"}, patient_id=patient)
    assert CT_NOW in _alerts(nurse)
    records.save_new(nurse, "neuro_observations", {**SET, "taken_at": "2026-11-30T02:20+01:00", "verbal": "4",
                                                   **told, "doctor_told_at": "2026-11-30T02:25+01:00"},
                     patient_id=patient)  # 12, told
    records.save_new(nurse, "neuro_observations", {**SET, "taken_at": "2026-11-30T02:40+01:00", "verbal": "4"},
                     patient_id=patient)
    assert _alerts(nurse) == []  # 12 again: the doctor knows
    records.save_new(nurse, "neuro_observations", {**SET, "taken_at": "2026-11-30T02:50+01:00", "verbal": "2",
                                                   "eyes": "2"}, patient_id=patient)
    assert "GCS 9 after a fall with a head injury: tell the doctor now (CT head within 1 hour, NICE)" \
        in _alerts(nurse)


def test_a_ct_head_told_at_a_gcs_answers_the_ct_head_asked_at_2_hours_at_that_gcs_or_higher(
        session_for, patient_on_the_clock, clock):
    """She falls at 03:00 and hits her head: GCS 11 at 03:10, Dr Benali told on that set (CT head
    within 1 hour). Better since, 14 at 05:10, the fall recording no examination yet (the doctor on
    the way): the CT head "GCS not back to 15 at 2 hours" was asked again, the same CT head the
    doctor was told of at a worse GCS. At 10 later, it is asked again: worse than she was told of."""
    patient = patient_on_the_clock(datetime(2026, 11, 28, 5, 15), "2026-11-27T15:00+01:00")
    nurse = session_for("nurse")
    records.save_new(nurse, "inpatient_fall", {**FALL, "fell_at": "2026-11-28T03:00+01:00"}, patient_id=patient)
    records.save_new(nurse, "neuro_observations", {**SET, "taken_at": "2026-11-28T03:10+01:00",
                                                   "doctor_told": "Dr Benali",
                                                   "doctor_told_at": "2026-11-28T03:15+01:00"}, patient_id=patient)
    for at, verbal, motor in (("03:40", "3", "5"), ("04:10", "4", "6"), ("04:40", "4", "6"), ("05:10", "4", "6")):
        records.save_new(nurse, "neuro_observations", {**SET, "taken_at": f"2026-11-28T{at}+01:00", "eyes": "4",
                                                       "verbal": verbal, "motor": motor}, patient_id=patient)
    assert [flag.alarm for flag in neuro.chart(nurse.db, patient)[-1].flags] == [Alarm.CT_AT_2_HOURS]  # charted
    assert not [said for said in _alerts(nurse) if "CT head" in said]
    clock.advance(minutes=20)
    records.save_new(nurse, "neuro_observations", {**SET, "taken_at": "2026-11-28T05:30+01:00", "eyes": "2"},
                     patient_id=patient)
    assert "GCS 10 after a fall with a head injury: tell the doctor now (CT head within 1 hour, NICE)" \
        in _alerts(nurse)


def test_a_worsening_gcs_not_yet_told_is_said_once_at_its_latest(session_for, patient_on_the_clock, clock):
    """15 at 03:10, 12 at 03:40, 11 at 04:10 after a head injury, no doctor told: the handover said
    "GCS 11" and "GCS 12", "fell by 4" and "fell by 3", for one patient at one time. At 05:10, 14:
    the CT head asked at 14, not also at 11; the fall by 4 still untold, said once."""
    nurse, patient, _ = _night(session_for, patient_on_the_clock, datetime(2026, 11, 28, 4, 15), {},
                               {"taken_at": "2026-11-28T03:40+01:00", "verbal": "2"},
                               {"taken_at": "2026-11-28T04:10+01:00", "verbal": "2", "eyes": "3"})
    assert neuro.handover(nurse.db, [patient], nurse.clock(), "en")[patient] == (
        "NEURO OBS: GCS 11 (E3 V2 M6) at 28/11 04:10; GCS fell by 4 since 28/11 03:10: tell the doctor now; "
        f"{CT_NOW}; next set due 28/11 04:40")
    clock.advance(hours=1)
    records.save_new(nurse, "neuro_observations", {**NIGHT_SET, "taken_at": "2026-11-28T05:10+01:00", "verbal": "4"},
                     patient_id=patient)
    assert _alerts(nurse) == [
        "GCS 14 2 hours or more after a fall with a head injury: tell the doctor (GCS not back to 15 at 2 "
        "hours: CT head within 1 hour, NICE)", "GCS fell by 4 since 28/11 03:10: tell the doctor now"]


def test_a_limb_newly_weak_and_another_since_are_two_asks_the_focal_deficit_one(session_for, patient_on_the_clock):
    """The left arm weak at 03:40, better at 04:10 and the right leg weak: each limb is asked of the
    doctor, the CT head for a focal deficit once."""
    nurse, patient, _ = _night(session_for, patient_on_the_clock, datetime(2026, 11, 28, 4, 11), {},
                               {"arm_left": "severe", "taken_at": "2026-11-28T03:40+01:00"},
                               {"leg_right": "severe", "taken_at": "2026-11-28T04:10+01:00"})
    assert _alerts(nurse) == [
        "New weakness of the right leg since 28/11 03:40: tell the doctor now",
        "New limb weakness after a fall with a head injury (focal deficit: CT head within 1 hour, NICE)",
        "New weakness of the left arm since 28/11 03:10: tell the doctor now"]


def test_a_set_stopping_neuro_obs_by_the_doctor_s_decision_answers_what_the_sets_before_asked(
        session_for, patient_on_the_clock):
    """15 at 03:10, 13 at 03:40 (no doctor told), 15 at 04:10; at 09:00 the doctor reviews and the
    last set is charted "Stopped (doctor's decision)": "GCS fell by 2: tell the doctor now" stood on
    the handover and the list for the rest of the stay, no set following to record a doctor told.
    What the stopping set itself shows still stands."""
    nurse, patient, saved = _night(session_for, patient_on_the_clock, datetime(2026, 11, 28, 9, 5), {},
                                   {"taken_at": "2026-11-28T03:40+01:00", "verbal": "3"},
                                   {"taken_at": "2026-11-28T04:10+01:00"})
    assert _alerts(nurse) == ["GCS fell by 2 since 28/11 03:10: tell the doctor now",
                              "NEXT SET OVERDUE since 28/11 04:40"]
    stopped = {**NIGHT_SET, "taken_at": "2026-11-28T09:00+01:00", "next_set_in": "stopped", "stopped_by": "Dr Benali"}
    last = records.save_new(nurse, "neuro_observations", stopped, patient_id=patient)
    assert _alerts(nurse) == []
    assert neuro.handover(nurse.db, [patient], nurse.clock(), "en")[patient] == (
        "NEURO OBS: GCS 15 (E4 V5 M6) at 28/11 09:00; neuro obs stopped (decided by Dr Benali)")
    records.amend(nurse, last.record_id, {**stopped, "pupil_right_size": 6, "pupil_right_reaction": "none"},
                  "Right pupil misread")
    assert _alerts(nurse) == ["A pupil no longer reacts to light: tell the doctor now",
                              "Pupils newly unequal (3 mm left, 6 mm right): tell the doctor now"]


def test_a_pupil_is_weighed_against_the_sets_that_saw_it_not_one_with_the_eye_closed():
    """03:10 the left pupil 5 mm and fixed, the doctor told; 03:40 the eye swollen shut ("closed", no
    size); seen again the same: "A pupil no longer reacts to light" and "Pupils newly unequal", now
    asked until another doctor told. A set that measured no pupil is not 0 mm apart either."""
    fixed, closed = {"pupil_left_size": 5, "pupil_left_reaction": "none"}, {"pupil_left_size": None,
                                                                            "pupil_left_reaction": "closed"}
    assert _flags(fixed, fixed, closed) == []
    assert _flags({"pupil_left_size": 5}, {"pupil_left_size": 5}, closed) == []
    assert _flags({"pupil_left_size": 6}, {"pupil_left_size": 5}, closed) == [
        "Pupils further apart (6 mm left, 3 mm right; 2 mm apart at 28/11 03:10): tell the doctor now"]
    assert _flags(fixed, closed) == [  # none saw it before: what it shows is new
        "A pupil no longer reacts to light: tell the doctor now",
        "Pupils newly unequal (5 mm left, 3 mm right): tell the doctor now"]
    assert _flags(fixed, {}, closed) == _flags(fixed, closed)  # reacting and equal when last seen


def test_an_eye_swollen_shut_after_the_fall_asks_the_ct_its_best_possible_gcs_asks(session_for, patient, clock):
    """ET V2 M6: whatever the eyes, a GCS of 12 at most; ET V1 M3, 8 at most. Neither had a total,
    and neither asked the CT head within 1 hour, nor called for help."""
    nurse = session_for("nurse")
    records.save_new(nurse, "inpatient_fall", FALL, patient_id=patient)
    shut = {**SET, "eyes": "not_testable", "pupil_left_reaction": "closed", "pupil_left_size": None, "motor": "6"}
    records.save_new(nurse, "neuro_observations", {**shut, "verbal": "2"}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T11:20+01:00")
    assert _alerts(nurse) == ["GCS at most 12 (ET V2 M6) after a fall with a head injury: tell the doctor "
                              "now (CT head within 1 hour, NICE)"]
    records.save_new(nurse, "neuro_observations", {**shut, "taken_at": "2026-11-28T11:15+01:00", "verbal": "1",
                                                   "motor": "3"}, patient_id=patient)
    said = _alerts(nurse)
    assert "GCS 8 or less: the airway is at risk — call for help now" in said
    assert ("GCS at most 8 (ET V1 M3) after a fall with a head injury: tell the doctor now (CT head within "
            "1 hour, NICE)") in said


def test_one_sided_weakness_on_the_first_set_after_the_fall_asks_the_focal_deficit_s_ct(session_for, patient):
    """The first set after the fall finds the left arm and leg severely weak: with no set before it
    to be weaker than, it said nothing. Weak on both sides alike is no focal deficit, and a set
    after one that saw the limbs is weighed against it (`LIMB_WEAKER`)."""
    nurse = session_for("nurse")
    records.save_new(nurse, "inpatient_fall", FALL, patient_id=patient)
    alert = {**SET, "eyes": "4", "verbal": "5", "motor": "6"}
    records.save_new(nurse, "neuro_observations", {**alert, "arm_left": "severe", "leg_left": "severe"},
                     patient_id=patient)
    first = neuro.chart(nurse.db, patient)[-1]
    assert [flag.text("en") for flag in first.flags] == [
        "Weakness of the left arm and left leg (weaker than the other side) after a fall with a head injury: "
        "tell the doctor now (focal deficit: CT head within 1 hour, NICE)"]
    assert first.flags[0].text("fr").startswith("Faiblesse : bras gauche et jambe gauche (plus faible que de l’autre")
    records.save_new(nurse, "neuro_observations", {**alert, "taken_at": "2026-11-28T11:40+01:00", "arm_left": "severe",
                                                   "leg_left": "severe"}, patient_id=patient)
    assert neuro.chart(nurse.db, patient)[-1].flags == []  # the same as before: not new


def test_weakness_alike_on_both_sides_on_the_first_set_asks_no_focal_ct(session_for, patient):
    nurse = session_for("nurse")
    records.save_new(nurse, "inpatient_fall", FALL, patient_id=patient)
    records.save_new(nurse, "neuro_observations", {**SET, "eyes": "4", "verbal": "5", "motor": "6",
                                                   **dict.fromkeys(("arm_left", "arm_right", "leg_left", "leg_right"),
                                                                   "mild")}, patient_id=patient)
    assert neuro.chart(nurse.db, patient)[-1].flags == []


def test_a_set_asking_a_doctor_is_urgent_though_its_words_say_no_now(session_for, patient, clock):
    """GCS 14 two hours after the fall: "tell the doctor (GCS not back to 15 at 2 hours: CT head
    within 1 hour, NICE)" has no "now", and the escalation list left it below routine checks."""
    nurse = session_for("nurse")
    records.save_new(nurse, "inpatient_fall", FALL, patient_id=patient)
    records.save_new(nurse, "neuro_observations", {**SET, "taken_at": "2026-11-28T13:10+01:00", "eyes": "4",
                                                   "verbal": "4", "motor": "6"}, patient_id=patient)
    [latest] = neuro.chart(nurse.db, patient)
    assert [flag.alarm for flag in latest.asks] == [Alarm.CT_AT_2_HOURS] and latest.urgent
    records.save_new(nurse, "neuro_observations", {**SET, "taken_at": "2026-11-28T13:20+01:00", "eyes": "4",
                                                   "verbal": "4", "motor": "6", "doctor_told": "Dr Benali",
                                                   "doctor_told_at": "2026-11-28T13:25+01:00"}, patient_id=patient)
    assert not neuro.chart(nurse.db, patient)[-1].urgent  # told


def test_one_sided_weakness_known_before_the_fall_asks_no_focal_ct(session_for, patient):
    """An old stroke the fall records (form version 5: its limbs): its hemiparesis at the first set is not new."""
    nurse = session_for("nurse")
    records.save_new(nurse, "inpatient_fall", {**FALL, "weak_before": True, "weak_limbs": ["arm_left", "leg_left"]},
                     patient_id=patient)
    records.save_new(nurse, "neuro_observations", {**SET, "eyes": "4", "verbal": "5", "motor": "6",
                                                   "arm_left": "severe", "leg_left": "severe"}, patient_id=patient)
    assert neuro.chart(nurse.db, patient)[-1].flags == []
