"""A head injury recorded Yes is asked neuro obs as a head injury: "HEAD INJURY NOT EXCLUDED" was
said of one seen, and the fall's line said "head injury" beside it."""

from datetime import datetime

import pytest

from downtime.domain.falls import Ask, Fall, said
from downtime.services import census, falls, records

AT = datetime.fromisoformat("2026-11-28T13:20+01:00")


def _fall(head_injury: str, found: bool = False) -> Fall:
    return Fall(AT, head_injury, False, False, None, found)


@pytest.mark.parametrize("lang, words", [("en", "HEAD INJURY: start neuro obs (GCS) now"),
                                         ("fr", ("TRAUMATISME CRÂNIEN : commencer la surveillance neurologique "
                                                 "(Glasgow) maintenant"))])
def test_a_head_injury_recorded_yes_is_said_as_one(lang, words):
    assert said(Ask.NEURO, _fall("yes"), lang) == said(Ask.NEURO, _fall("yes", found=True), lang) == words


@pytest.mark.parametrize("head_injury, found", [("not_excluded", False), ("no", True), ("not_excluded", True)])
def test_a_head_injury_not_excluded_is_said_so(head_injury, found):
    assert said(Ask.NEURO, _fall(head_injury, found), "en") == "HEAD INJURY NOT EXCLUDED: start neuro obs (GCS) now"


def test_the_handover_says_a_head_injury_once(session_for, patient):
    nurse = session_for("nurse")
    records.save_new(nurse, "inpatient_fall", {
        "fell_at": "2026-11-28T13:20+01:00", "witnessed": "witnessed", "fracture_signs": "none", "head_injury": "yes",
        "anticoagulated": False}, patient_id=patient)
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert falls.handover(nurse.db, inside, nurse.clock(), "en")[patient].startswith(
        "Fell 28/11 13:20; HEAD INJURY: start neuro obs (GCS) now; NO OBSERVATIONS SINCE THE FALL")
    assert falls.handover(nurse.db, inside, nurse.clock(), "fr")[patient].startswith(
        "Chute le 28/11 13:20 ; TRAUMATISME CRÂNIEN : commencer la surveillance neurologique (Glasgow) maintenant")
