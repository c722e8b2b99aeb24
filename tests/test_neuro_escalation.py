"""What a set of neuro obs asks of the doctor, and when it stops asking: after a fall with a
possible head injury, NICE's CT head within 1 hour for a GCS of 12 or less, or not back to 15 (or
the usual GCS) at 2 hours, until the fall records the doctor's examination after the set; any
set's "tell the doctor" once the set records the doctor told; and no next set once a doctor has
stopped neuro obs (form version 2); the export says both."""

import json
from datetime import datetime, timedelta

import pytest
from fhir.resources.R4B.observation import Observation
from pypdf import PdfReader

from downtime.domain.falls import Fall, head_ct
from downtime.domain.gcs import Alarm
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
CT_NOW = "GCS 11 after a fall with a possible head injury: tell the doctor now (CT head within 1 hour, NICE)"


def _ct(total: int | None, minutes: int, usual: int | None = None) -> tuple[Alarm, dict] | None:
    fall = Fall(FELL_AT, "yes", False, False, None, usual_gcs=usual)
    flag = head_ct(fall, FELL_AT + timedelta(minutes=minutes), total)
    return None if flag is None else (flag.alarm, dict(flag.values))


def test_nice_asks_a_ct_head_for_a_gcs_of_12_or_less_or_not_back_to_15_at_2_hours():
    """NICE NG232: a first set of 11 after a fall, with no set before it to fall from, told nobody."""
    assert _ct(11, 10) == (Alarm.CT_NOW, {"total": 11})
    assert _ct(12, 10) == (Alarm.CT_NOW, {"total": 12}) and _ct(13, 10) is None and _ct(14, 119) is None
    assert _ct(14, 120) == (Alarm.CT_AT_2_HOURS, {"total": 14, "usual": 15}) and _ct(15, 120) is None
    assert _ct(None, 150) is None  # not totalled: nothing to weigh
    assert _ct(12, 10, usual=13) == (Alarm.CT_NOW, {"total": 12}) and _ct(13, 150, usual=13) is None
    assert _ct(12, 150, usual=14) == (Alarm.CT_NOW, {"total": 12})
    assert _ct(13, 150, usual=14) == (Alarm.CT_AT_2_HOURS, {"total": 13, "usual": 14})
    assert _ct(10, 10, usual=10) is None and _ct(11, 10, usual=10) is None  # herself: not scanned for it
    assert _ct(9, 10, usual=10) == (Alarm.CT_NOW, {"total": 9})


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
        "SURVEILLANCE NEURO : Glasgow 11 (Y3 V3 M5) le 28/11 11:10 ; Glasgow 11 après une chute avec traumatisme "
        "crânien possible : prévenir le médecin immédiatement (scanner cérébral dans l’heure, NICE) ; "
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


def test_a_gcs_not_back_to_15_at_2_hours_asks_a_ct_though_the_doctor_examined_the_patient_before(
        session_for, patient, clock):
    nurse = session_for("nurse")
    records.save_new(nurse, "inpatient_fall", {**FALL, "reviewed_by": "Dr Benali",
                                               "reviewed_at": "2026-11-28T11:15+01:00"}, patient_id=patient)
    for at in ("11:10", "11:40", "12:10", "12:40", "13:10"):
        records.save_new(nurse, "neuro_observations", {**SET, "taken_at": f"2026-11-28T{at}+01:00", "eyes": "4",
                                                       "verbal": "4", "motor": "6"}, patient_id=patient)  # GCS 14
    clock.now = datetime.fromisoformat("2026-11-28T13:15+01:00")
    assert _alerts(nurse) == ["GCS 14 2 hours or more after a fall with a possible head injury: tell the doctor "
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
    assert nurse.form("neuro_observations").version == 2
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


def test_the_paper_chart_s_key_says_when_nice_asks_a_ct_head(forms, clock, tmp_path):
    """The chart filled by hand while the laptop is away says it too: the nurse at the bedside
    scores the set and reads when to call."""
    for lang, said in (("en", "after a fall with a possible head injury, of a GCS of 12 or less, or not back to 15 (or "
                               "the usual GCS) at 2 hours: CT head within 1 hour (NICE)"),
                       ("fr", "après une chute avec traumatisme crânien possible, d’un Glasgow ≤ 12, ou non revenu à "
                              "15 (ou au Glasgow habituel) à 2 heures : scanner cérébral dans l’heure (NICE)")):
        pages = PdfReader(printing.blank(forms, "neuro", tmp_path / f"{lang}.pdf", lang=lang, printed_by=None,
                                         printed_at=clock(), device_name="3B")).pages
        assert len(pages) == 2 and said in " ".join(pages[1].extract_text().split())
