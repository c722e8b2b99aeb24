"""The printed neuro chart keeps each set's "tell the doctor" on the page of its column: a set
flagged twice and its doctor told made that row taller than the page had left, and it went over
to the next page, apart from its set's time, where a nurse reading the paper at night misses it."""

from datetime import datetime, timedelta

import pytest
from pypdf import PdfReader

from downtime.services import neuro, printing, records

FALL = {"fell_at": "2026-11-28T11:00+01:00", "witnessed": "witnessed", "where": "toilet", "fracture_signs": "none",
        "head_injury": "yes", "anticoagulated": False}
SET = {"eyes": "2", "verbal": "2", "motor": "3", "pupil_left_size": 3, "pupil_left_reaction": "brisk",
       "pupil_right_size": 3, "pupil_right_reaction": "brisk", "arm_left": "normal", "arm_right": "normal",
       "leg_left": "normal", "leg_right": "normal", "next_set_in": "30", "doctor_told": "Dr Benali"}
FIRST = datetime.fromisoformat("2026-11-28T11:10+01:00")


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_each_set_s_flags_print_on_the_page_of_its_column(session_for, patient, tmp_path, lang):
    nurse = session_for("nurse", lang)
    records.save_new(nurse, "inpatient_fall", FALL, patient_id=patient)
    for n in range(12):
        taken = FIRST + timedelta(minutes=7 * n)
        records.save_new(nurse, "neuro_observations", {**SET, "taken_at": taken.isoformat(),
                                                       "doctor_told_at": (taken + timedelta(minutes=3)).isoformat()},
                         patient_id=patient)
    sets = neuro.chart(nurse.db, patient)
    assert all(len(found.said(lang)) >= 3 for found in sets)  # two flags each, and the doctor told
    pages = [_words(page.extract_text()) for page in
             PdfReader(printing.print_neuro_chart(nurse, patient, tmp_path / "neuro.pdf")).pages]
    for found in sets:
        on = [page for page in pages if f"{found.taken_at.astimezone(FIRST.tzinfo):%d/%m %H:%M}" in page]
        assert len(on) == 1, found.taken_at
        assert all(_words(said) in on[0] for said in found.said(lang, FIRST.tzinfo)), found.said(lang)


def test_sets_with_nothing_to_tell_still_print_ten_a_page_and_the_last_page_carries_on_by_hand(
        session_for, patient, tmp_path):
    nurse = session_for("nurse")
    well = {key: value for key, value in SET.items() if key != "doctor_told"}
    for n in range(11):
        records.save_new(nurse, "neuro_observations", {**well, "eyes": "4", "verbal": "5", "motor": "6",
                                                       "taken_at": (FIRST + timedelta(minutes=7 * n)).isoformat()},
                         patient_id=patient)
    first, last = [_words(page.extract_text()) for page in
                   PdfReader(printing.print_neuro_chart(nurse, patient, tmp_path / "neuro.pdf")).pages]
    assert "28/11 11:10" in first and "28/11 12:13" in first and "__/__" not in first
    assert "28/11 12:20" in last and last.count("__/__ __:__") == 9
