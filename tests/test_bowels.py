"""The bowel chart: each stool on the Bristol scale, or the day's check with none; loose stools
three times in a day with no known cause (isolate, sample: C. difficile), blood or black stool,
and bowels not opened for three days called out; the handover sheet's line, the escalation list,
the paper chart filled and blank, and each line in the export as an Observation."""

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from fhir.resources.R4B.observation import Observation
from hypothesis import given, strategies as st
from pypdf import PdfReader

from downtime.domain.bowels import Sign, isolated_since, sample_sent, signs
from downtime.services import bowels, census, chart_alerts, printing, records
from downtime.services.errors import PermissionDenied, ValidationFailed
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes
from downtime.sync.importing import import_path
from tests.pdf_text import pdf_text

LOOSE = {"opened": "opened", "stool_type": "7", "amount": "medium", "known_cause": False}


_START = datetime(2026, 11, 28, 9, tzinfo=timezone.utc)


@given(st.lists(st.integers(0, 72 * 60), max_size=8), st.lists(st.integers(0, 72 * 60), max_size=2),
       st.integers(0, 96 * 60))
def test_loose_stools_ask_once_three_fall_within_a_day_and_the_sample_only_once_none_was_sent(loose, sampled, now):
    """However many loose stools and samples, at any moment: the chart asks to isolate exactly
    when three or more fell in the 24 hours up to now, a sample sent or not (it used to silence
    the isolation and the doctor told); the sample while none was sent between the first of them
    and now; and constipation exactly three days after the last stool."""
    at = _START + timedelta(minutes=now)
    loose_at = sorted(_START + timedelta(minutes=minutes) for minutes in loose if minutes <= now)
    sampled_at = sorted(_START + timedelta(minutes=minutes) for minutes in sampled)
    found = signs(loose_at, False, _START, at)
    day = [moment for moment in loose_at if at - timedelta(hours=24) < moment <= at]
    assert (Sign.LOOSE in found) == (len(day) >= 3)
    assert sample_sent(day, sampled_at, at) == (bool(day) and any(day[0] <= moment <= at for moment in sampled_at))
    assert (Sign.NOT_OPENED in found) == (at - _START >= timedelta(days=3))
    assert Sign.BLOOD not in found


def test_three_loose_stools_in_a_day_ask_to_isolate_and_a_sample_sent_ends_only_its_ask(session_for, patient, clock,
                                                                                          tmp_path):
    nurse = session_for("nurse")
    spec = nurse.form("bowel_chart")
    for hour, stool in ((9, "7"), (11, "6"), (12, "5")):
        records.save_new(nurse, "bowel_chart", {**LOOSE, "charted_at": f"2026-11-28T{hour:02d}:30+01:00",
                                                "stool_type": stool}, patient_id=patient)
    records.save_new(nurse, "bowel_chart", {**LOOSE, "charted_at": "2026-11-28T13:00+01:00", "known_cause": True},
                     patient_id=patient)  # after a laxative: not counted
    lines = bowels.chart(nurse.db, patient)
    assert bowels.asking(lines, spec, nurse.clock(), "en") == [
        "3 LOOSE STOOLS IN 24 HOURS (since 28/11 09:30): isolate in a side room, gloves and apron, wash hands with "
        "soap and water, send a stool sample (C. difficile), tell the doctor"]
    assert bowels.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient].startswith(
        "BOWELS: last opened 28/11 13:00 (type 7, Medium); 1 loose with a known cause in 24 hours, not counted for "
        "isolation; 3 LOOSE STOOLS IN 24 HOURS")
    in_hospital = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    found = chart_alerts.alerts(nurse.db, nurse.forms, in_hospital, nurse.clock(), "en", ward="3B")
    assert [(alert.form_id, len(alert.said)) for alert in found.alerts] == [("bowel_chart", 1)]
    # The 09:30 stool leaves the day: two loose stools in 24 hours no longer ask.
    assert bowels.coming(lines, nurse.clock()).isoformat() == "2026-11-29T09:30:00+01:00"
    assert found.next_due.isoformat() == "2026-11-28T23:00:00+01:00"  # before it, the VTE risk assessment's 14 hours
    records.save_new(nurse, "bowel_chart", {**LOOSE, "charted_at": "2026-11-28T13:45+01:00", "sample_sent": True,
                                            "notes": "Side room 4"}, patient_id=patient)
    lines = bowels.chart(nurse.db, patient)
    assert bowels.asking(lines, spec, nurse.clock(), "en") == [  # the sample alone is no longer asked
        "4 LOOSE STOOLS IN 24 HOURS (since 28/11 09:30): isolate in a side room, gloves and apron, wash hands with "
        "soap and water, tell the doctor"]
    assert bowels.asking(lines, spec, nurse.clock(), "fr") == [
        "4 SELLES NON MOULÉES EN 24 HEURES (depuis 28/11 09:30) : chambre seule et précautions contact, gants et "
        "tablier, lavage des mains à l’eau et au savon, prévenir le médecin"]
    assert bowels.state(lines, spec, nurse.clock(), "fr") == (
        "dernières selles 28/11 13:45 (type 7, Moyenne) ; 1 non moulée(s) de cause connue en 24 heures, non "
        "comptée(s) pour l’isolement ; selle prélevée 28/11 13:45")
    text = pdf_text(printing.print_bowel_chart(nurse, patient, tmp_path / "bowels.pdf"))
    assert "Bowel chart (Bristol stool scale)" in text and "Bristol stool scale: 1: separate hard lumps" in text
    assert ("Last opened 28/11 13:45 (type 7, Medium); 1 loose with a known cause in 24 hours, not counted for "
            "isolation; stool sample sent 28/11 13:45") in text
    assert "4 LOOSE STOOLS IN 24 HOURS (since 28/11 09:30): isolate" in text
    assert "28/11 09:30 Opened, 7 Medium No HL 28/11 11:30 Opened, 6" in text
    assert "28/11 13:45 Opened, 7 Medium No Yes Side room 4 HL" in text


def test_black_stool_asks_for_the_doctor_and_bowels_not_opened_for_three_days_ask_for_a_laxative(
        session_for, patient, clock):
    nurse = session_for("nurse")
    spec = nurse.form("bowel_chart")
    records.save_new(nurse, "bowel_chart", {"charted_at": "2026-11-28T10:00+01:00", "opened": "opened",
                                            "stool_type": "6", "seen": ["melaena"]}, patient_id=patient)
    lines = bowels.chart(nurse.db, patient)
    assert bowels.asking(lines, spec, nurse.clock(), "en") == [
        "BLOOD IN THE STOOL (Black, tarry (melaena), 28/11 10:00): tell the doctor now"]
    clock.advance(days=3)  # 01/12 14:00, the checks since with none
    for day in (29, 30):
        records.save_new(nurse, "bowel_chart", {"charted_at": f"2026-11-{day}T20:00+01:00", "opened": "not_opened"},
                         patient_id=patient)
    lines = bowels.chart(nurse.db, patient)
    assert bowels.asking(lines, spec, nurse.clock(), "fr") == [
        "SANG DANS LES SELLES (Noires, goudronneuses (méléna), 28/11 10:00) : prévenir le médecin maintenant",
        "PAS DE SELLES depuis 3 jours (depuis le 28/11 10:00) : donner le laxatif prescrit, ou prévenir le médecin "
        "s’il n’y en a pas"]
    assert bowels.coming(lines, nurse.clock()) is None


def test_a_stool_says_its_type_and_only_those_who_give_care_chart_it(session_for, patient):
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "bowel_chart", {"charted_at": "2026-11-28T10:00+01:00", "opened": "opened"},
                         patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["stool_type"]
    with pytest.raises(PermissionDenied):
        records.save_new(session_for("coord"), "bowel_chart", {**LOOSE, "charted_at": "2026-11-28T10:00+01:00"},
                         patient_id=patient)


def test_the_blank_chart_is_one_page_with_the_bristol_scale(session_for, forms, tmp_path):
    nurse = session_for("nurse")
    for lang, title, key in (("en", "Bowel chart (Bristol stool scale, blank)", "7: watery, no solid pieces"),
                             ("fr", "Feuille de surveillance des selles (Bristol, vierge)",
                              "7 : liquide, sans morceau solide")):
        blank = PdfReader(printing.blank(forms, "bowels", tmp_path / f"blank-{lang}.pdf", lang=lang,
                                         printed_by=None, printed_at=nurse.clock(), device_name="3B")).pages
        text = " ".join(blank[0].extract_text().split())
        assert len(blank) == 1 and title in text and key in text


def test_the_export_sends_each_line_as_an_observation(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    stool = records.save_new(nurse, "bowel_chart", {**LOOSE, "charted_at": "2026-11-28T10:00+01:00",
                                                    "seen": ["blood", "mucus"], "sample_sent": True},
                             patient_id=patient)
    none = records.save_new(nurse, "bowel_chart", {"charted_at": "2026-11-28T12:00+01:00", "opened": "not_opened"},
                            patient_id=patient)
    bundle = json.loads((export(session_for("records"), tmp_path / "export").folder / "fhir" / "bundle.json")
                        .read_text(encoding="utf-8"))
    check_codes(bundle)
    by_id = {entry["resource"]["id"]: entry["resource"] for entry in bundle["entry"]}
    seen = Observation.model_validate(by_id[stool.record_id])
    assert (seen.code.text, seen.valueInteger, [one.text for one in seen.interpretation]) == (
        "Bristol stool scale", 7, ["Loose stool", "Blood in the stool"])
    assert [(part.code.text, part.valueCodeableConcept.text if part.valueCodeableConcept else part.valueBoolean)
            for part in seen.component] == [
        ("Amount", "Medium"), ("Seen in it", "Fresh blood"), ("Seen in it", "Mucus"),
        ("A known cause of loose stools (laxative, enteral feed, bowel preparation)", False),
        ("Stool sample sent", True)]
    closed = Observation.model_validate(by_id[none.record_id])
    assert (closed.code.text, closed.valueBoolean, closed.interpretation) == ("Bowels opened", False, None)


def test_blood_seen_today_is_still_asked_once_a_normal_stool_follows_it(session_for, patient, clock):
    """Melaena at 10:00, a normal stool at 13:00: the handover and the escalation list said
    nothing of the melaena any more (the form has no "doctor told"). Asked for 24 hours, its time
    named; then only while it is the last stool."""
    nurse = session_for("nurse")
    spec = nurse.form("bowel_chart")
    records.save_new(nurse, "bowel_chart", {"charted_at": "2026-11-28T10:00+01:00", "opened": "opened",
                                            "stool_type": "4", "seen": ["melaena"]}, patient_id=patient)
    records.save_new(nurse, "bowel_chart", {"charted_at": "2026-11-28T13:00+01:00", "opened": "opened",
                                            "stool_type": "4", "seen": ["mucus"]}, patient_id=patient)
    asked = "BLOOD IN THE STOOL (Black, tarry (melaena), 28/11 10:00): tell the doctor now"
    assert bowels.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient] == (
        f"BOWELS: last opened 28/11 13:00 (type 4, Mucus); {asked}")
    in_hospital = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    found = chart_alerts.alerts(nurse.db, nurse.forms, in_hospital, nurse.clock(), "en", ward="3B")
    assert [alert.said for alert in found.alerts if alert.form_id == "bowel_chart"] == [[asked]]
    clock.now = datetime.fromisoformat("2026-11-29T09:59+01:00")
    assert bowels.asking(bowels.chart(nurse.db, patient), spec, nurse.clock(), "en") == [asked]
    clock.now = datetime.fromisoformat("2026-11-29T10:00+01:00")
    assert bowels.asking(bowels.chart(nurse.db, patient), spec, nurse.clock(), "en") == []


def test_blood_more_than_a_day_old_is_asked_while_it_is_the_last_stool(session_for, patient, clock):
    """Fresh blood 28/11 09:30, nothing since by the next afternoon: still asked while it is the
    last stool (as before); a normal stool more than a day after it ends the ask."""
    nurse = session_for("nurse")
    spec = nurse.form("bowel_chart")
    records.save_new(nurse, "bowel_chart", {"charted_at": "2026-11-28T09:30+01:00", "opened": "opened",
                                            "stool_type": "5", "seen": ["blood"]}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-29T14:00+01:00")
    lines = bowels.chart(nurse.db, patient)
    assert bowels.state(lines, spec, nurse.clock(), "en") == "last opened 28/11 09:30 (type 5)"
    assert bowels.asking(lines, spec, nurse.clock(), "en") == [
        "BLOOD IN THE STOOL (Fresh blood, 28/11 09:30): tell the doctor now"]
    records.save_new(nurse, "bowel_chart", {"charted_at": "2026-11-29T13:00+01:00", "opened": "opened",
                                            "stool_type": "4"}, patient_id=patient)
    lines = bowels.chart(nurse.db, patient)
    assert bowels.asking(lines, spec, nurse.clock(), "en") == []


def _h(hours):
    return _START + timedelta(hours=hours)


def test_isolation_ends_only_48_hours_clear_of_loose_stools_of_any_cause_and_after_a_formed_stool():
    """UKHSA (C. difficile): until 48 hours free of diarrhoea and a formed stool. It ended 48
    hours after the last loose stool with none formed charted, and loose stools after a laxative
    stopped counting while the patient was isolated."""
    three = [_h(1), _h(2), _h(3)]
    assert isolated_since(three, three, [], _h(3 + 48)) == _h(1)  # no formed stool yet
    assert isolated_since(three, three, [_h(40)], _h(3 + 47.9)) == _h(1)  # formed, not yet 48 h
    assert isolated_since(three, three, [_h(40)], _h(3 + 48)) is None
    assert isolated_since(three, three, [_h(2.5)], _h(3 + 48)) == _h(1)  # formed before the last loose one
    assert isolated_since(three, three, [_h(60)], _h(59)) == _h(1)
    assert isolated_since(three, three, [_h(60)], _h(60)) is None
    laxative = [*three, _h(30), _h(70)]  # loose after a laxative, while isolated
    assert isolated_since(three, laxative, [_h(75)], _h(70 + 47.9)) == _h(1)
    assert isolated_since(three, laxative, [_h(75)], _h(70 + 48)) is None
    assert isolated_since([_h(1), _h(2)], [_h(1), _h(2), _h(3)], [], _h(4)) is None  # a laxative starts nothing


def test_the_patient_stays_isolated_through_laxative_loose_stools_until_a_formed_stool(session_for, patient,
                                                                                          clock):
    nurse = session_for("nurse")
    for hour in (9, 11, 13):
        records.save_new(nurse, "bowel_chart", {**LOOSE, "charted_at": f"2026-11-28T{hour:02d}:30+01:00"},
                         patient_id=patient)
    clock.now = datetime.fromisoformat("2026-12-01T20:00+01:00")  # 48 h after the laxative's loose stool
    records.save_new(nurse, "bowel_chart", {**LOOSE, "charted_at": "2026-11-29T20:00+01:00", "known_cause": True},
                     patient_id=patient)
    assert patient in bowels.isolated(nurse.db, [patient], nurse.clock())
    records.save_new(nurse, "bowel_chart", {"charted_at": "2026-12-01T08:00+01:00", "opened": "not_opened"},
                     patient_id=patient)
    assert patient in bowels.isolated(nurse.db, [patient], nurse.clock())
    records.save_new(nurse, "bowel_chart", {"charted_at": "2026-12-01T09:00+01:00", "opened": "opened",
                                            "stool_type": "4"}, patient_id=patient)
    assert bowels.isolated(nurse.db, [patient], nurse.clock()) == {}


def test_the_handover_counts_the_loose_stools_of_the_day_with_a_known_cause(session_for, patient, clock):
    """Six watery stools of an NG-fed patient, each after the feed (known cause), read as one
    "last opened": no isolation is asked, but the dehydration and the feed to review are handed over."""
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T20:00+01:00")
    for hour in (8, 10, 12, 14, 16, 18):
        records.save_new(nurse, "bowel_chart", {**LOOSE, "charted_at": f"2026-11-29T{hour:02d}:00+01:00",
                                                "amount": "large", "known_cause": hour != 18}, patient_id=patient)
    said = bowels.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient]
    assert said == "BOWELS: last opened 29/11 18:00 (type 7, Large); 6 loose in 24 hours (5 with a known cause)"
    clock.now = datetime.fromisoformat("2026-11-30T09:00+01:00")  # the 08:00 stool has left the day
    lines = bowels.chart(nurse.db, patient)
    assert bowels.state(lines, nurse.form("bowel_chart"), nurse.clock(), "fr").endswith(
        " ; 5 selles non moulées en 24 heures (dont 4 de cause connue)")
    assert bowels.isolated(nurse.db, [patient], nurse.clock()) == {}


def test_loose_stools_all_with_a_known_cause_are_said_so(session_for, patient, clock):
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T20:00+01:00")
    for hour in (8, 12):
        records.save_new(nurse, "bowel_chart", {**LOOSE, "charted_at": f"2026-11-29T{hour:02d}:00+01:00",
                                                "known_cause": True}, patient_id=patient)
    assert bowels.state(bowels.chart(nurse.db, patient), nurse.form("bowel_chart"), nurse.clock(), "en").endswith(
        "; 2 loose in 24 hours (known cause)")


def test_two_loose_stools_are_told_in_french_as_not_formed(session_for, patient):
    """"Selles molles" is Bristol 5 alone; loose stools that may be infective are "non moulées"."""
    nurse = session_for("nurse")
    for hour in (10, 12):
        records.save_new(nurse, "bowel_chart", {**LOOSE, "charted_at": f"2026-11-28T{hour}:00+01:00"},
                         patient_id=patient)
    assert bowels.state(bowels.chart(nurse.db, patient), nurse.form("bowel_chart"), nurse.clock(), "fr") == (
        "dernières selles 28/11 12:00 (type 7, Moyenne) ; 2 selles non moulées en 24 heures")


def test_the_escalation_list_is_read_again_when_blood_seen_leaves_the_day(session_for, patient, clock):
    """Melaena at 10:00 then a normal stool: the ask ends 24 hours on, and the list's next
    reading was the next constipation or observation due, leaving the ask on it hours after."""
    nurse = session_for("nurse")
    records.save_new(nurse, "bowel_chart", {"charted_at": "2026-11-28T10:00+01:00", "opened": "opened",
                                            "stool_type": "4", "seen": ["melaena"]}, patient_id=patient)
    records.save_new(nurse, "bowel_chart", {"charted_at": "2026-11-28T13:00+01:00", "opened": "opened",
                                            "stool_type": "4"}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-29T08:00+01:00")
    in_hospital = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    found = chart_alerts.alerts(nurse.db, nurse.forms, in_hospital, nurse.clock(), "en", ward="3B")
    assert [alert.form_id for alert in found.alerts if alert.form_id == "bowel_chart"] == ["bowel_chart"]
    assert found.next_due.isoformat() == "2026-11-29T09:00:00+01:00"  # a day in: no home medicines recorded
    clock.now = datetime.fromisoformat("2026-11-29T09:00+01:00")
    found = chart_alerts.alerts(nurse.db, nurse.forms, in_hospital, nurse.clock(), "en", ward="3B")
    assert found.next_due.isoformat() == "2026-11-29T10:00:00+01:00"
    clock.now = datetime.fromisoformat("2026-11-29T10:00+01:00")
    found = chart_alerts.alerts(nurse.db, nurse.forms, in_hospital, nurse.clock(), "en", ward="3B")
    assert "bowel_chart" not in [alert.form_id for alert in found.alerts]


def test_bowels_not_opened_are_counted_from_the_admission_when_no_stool_is_charted(session_for, patient, clock):
    """Admitted 28/11 09:00, the chart begun on 01/12 with the day's check: the chart counted
    from its first line, and asked nothing of a patient four days without a stool charted."""
    nurse = session_for("nurse")
    spec = nurse.form("bowel_chart")
    clock.now = datetime.fromisoformat("2026-11-30T10:00+01:00")
    records.save_new(nurse, "bowel_chart", {"charted_at": "2026-11-30T08:00+01:00", "opened": "not_opened"},
                     patient_id=patient)
    lines = bowels.chart(nurse.db, patient)
    assert bowels.asking(lines, spec, nurse.clock(), "en") == []
    assert bowels.coming(lines, nurse.clock()).isoformat() == "2026-12-01T09:00:00+01:00"  # 3 days from admission
    clock.now = datetime.fromisoformat("2026-12-02T10:00+01:00")
    assert bowels.state(lines, spec, nurse.clock(), "en") == "no bowels opened charted since admission 28/11"
    assert bowels.asking(lines, spec, nurse.clock(), "en") == [
        "NO BOWELS OPENED CHARTED since admission 28/11 (4 days): give the laxative prescribed, or tell the doctor if "
        "none is"]
    assert bowels.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "fr")[patient] == (
        "SELLES : aucune selle notée depuis l’admission le 28/11 ; AUCUNE SELLE NOTÉE depuis l’admission le "
        "28/11 (4 jours) : donner le laxatif prescrit, ou prévenir le médecin s’il n’y en a pas")
    in_hospital = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    found = chart_alerts.alerts(nurse.db, nurse.forms, in_hospital, nurse.clock(), "en", ward="3B")
    assert [alert.latest for alert in found.alerts if alert.form_id == "bowel_chart"] == [
        "no bowels opened charted since admission 28/11"]
    records.save_new(nurse, "bowel_chart", {"charted_at": "2026-12-02T09:00+01:00", "opened": "opened",
                                            "stool_type": "3"}, patient_id=patient)
    lines = bowels.chart(nurse.db, patient)
    assert bowels.asking(lines, spec, nurse.clock(), "en") == []
    assert bowels.state(lines, spec, nurse.clock(), "en") == "last opened 02/12 09:00 (type 3)"


def test_a_patient_loaded_from_the_ehr_snapshot_is_counted_from_the_charts_first_line(session_for, clock):
    """Their stools before the outage are on the EHR's chart: counted from their admission days
    ago, every such patient whose chart began on paper would read as constipated."""
    import_path(session_for("records"), Path(__file__).parent / "data" / "snapshot")
    nurse = session_for("nurse")
    helene = next(row.patient for row in census.census(nurse.db, nurse.forms, "3B")
                  if row.patient is not None and row.patient.bed == "12")  # admitted 25/11 09:30
    records.save_new(nurse, "bowel_chart", {"charted_at": "2026-11-28T10:00+01:00", "opened": "not_opened"},
                     patient_id=helene.patient_id)
    lines = bowels.chart(nurse.db, helene.patient_id)
    assert bowels.asking(lines, nurse.form("bowel_chart"), nurse.clock(), "en") == []
    assert bowels.state(lines, nurse.form("bowel_chart"), nurse.clock(), "en") == (
        "not opened since the chart began 28/11 10:00")
    assert bowels.coming(lines, nurse.clock()).isoformat() == "2026-12-01T10:00:00+01:00"


def test_the_tabs_list_says_a_stools_time_on_the_wards_clock(qtbot, session_for, patient):
    """A stool charted at 13:00 on a laptop set to UTC (12:00+00:00), merged here: the tab's list
    read "28/11 12:00", the stored offset's, beside "last opened 28/11 13:00" over it."""
    from downtime.qt.bowels_view import BowelsModel

    nurse = session_for("nurse")
    records.save_new(nurse, "bowel_chart", {"charted_at": "2026-11-28T12:00+00:00", "opened": "opened",
                                            "stool_type": "4"}, patient_id=patient)
    model = BowelsModel(nurse.form("bowel_chart"), "en")
    model.set_rows(list(bowels.chart(nurse.db, patient)))
    assert model.texts(0)[0] == "28/11 13:00"
