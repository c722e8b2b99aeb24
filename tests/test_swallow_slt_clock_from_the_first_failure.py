"""The SLT's 24 and 72 hours after a failed swallow screen run from the first failed screen of the
run, not from a nurse's re-screen that failed again (NICE NG128 1.6.2, RCP National Clinical
Guideline for Stroke 2023): failed at 10:20 on 28/11 and again at 09:00 on 29/11, the escalation
list asked nothing 25 hours after the first failure and called the SLT late only on 02/12 (review
s73). A pass, or the SLT's assessment, ends the run: a later failure starts its own hours. The
tests' clock is 14:00 on 28/11 (Paris)."""

from datetime import datetime

import pytest

from downtime.domain.swallow_screen import failed_at, in_runs, screen_of
from downtime.services import records, swallow_screen
from tests.test_swallow_screen import FAILED, PASSED, REFERRED, _alerts

FORM = swallow_screen.FORM
TOLD = {**REFERRED, "doctor_told_at": "2026-11-28T10:45+01:00"}
AGAIN = {**TOLD, "screened_at": "2026-11-29T09:00+01:00", "slt_referred_at": "2026-11-29T09:05+01:00",
         "doctor_told_at": "2026-11-29T09:10+01:00"}


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text)


@pytest.mark.parametrize("lang, awaited, late", [
    ("en", "no SLT assessment recorded 24 h after the failed screen of 28/11 10:20 (at the latest 01/12 10:20)",
     "no SLT assessment recorded 72 h after the failed screen of 28/11 10:20: tell the doctor"),
    ("fr", "aucune évaluation orthophonique notée 24 h après l’échec du 28/11 10:20 (au plus tard 01/12 10:20)",
     "aucune évaluation orthophonique notée 72 h après l’échec du 28/11 10:20 : prévenir le médecin")])
def test_a_screen_failed_again_keeps_the_hours_of_the_first_failure(session_for, patient, clock, lang, awaited, late):
    nurse = session_for("nurse", lang)
    records.save_new(nurse, FORM, TOLD, patient_id=patient)
    clock.now = _at("2026-11-29T09:30+01:00")
    records.save_new(nurse, FORM, AGAIN, patient_id=patient)
    # The list is read again when the first failure's 24 hours fall due, not the re-screen's.
    found = swallow_screen.failed(nurse.db, nurse.forms, [patient], clock.now, lang)
    assert swallow_screen.next_change(found, clock.now) == _at("2026-11-29T10:20+01:00")
    clock.now = _at("2026-11-29T11:30+01:00")  # 25 h after the first failure
    (alert,) = _alerts(nurse)
    assert alert.said == [awaited] and not alert.urgent
    clock.now = _at("2026-12-01T11:30+01:00")  # 73 h
    (alert,) = _alerts(nurse)
    assert alert.said == [late] and alert.urgent


@pytest.mark.parametrize("between", [
    {**PASSED, "screened_at": "2026-11-28T13:00+01:00"},
    {**REFERRED, "screened_at": "2026-11-28T12:00+01:00", "slt_assessed_at": "2026-11-28T15:00+01:00",
     "slt_outcome": "nil_by_mouth"}], ids=["passed", "slt_assessed"])
def test_a_pass_or_the_slts_assessment_ends_the_run(between):
    """A failure after either is a new one: its own 24 hours."""
    screens = in_runs([screen_of(FAILED), screen_of(between), screen_of({**FAILED, "screened_at": AGAIN["screened_at"]})])
    standing = failed_at(screens, _at("2026-11-29T12:00+01:00"))
    assert standing.failed_since == standing.screened_at == _at(AGAIN["screened_at"])
    assert standing.slt_due_at == _at("2026-11-30T09:00+01:00")
    assert failed_at(in_runs([screen_of(FAILED), screen_of({**FAILED, "screened_at": AGAIN["screened_at"]})]),
                     _at("2026-11-29T12:00+01:00")).slt_due_at == _at("2026-11-29T10:20+01:00")
