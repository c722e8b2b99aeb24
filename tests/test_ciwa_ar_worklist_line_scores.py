"""A CIWA-Ar check's line on the records office's worklist gives each item's score (review s66 T4
D1): the line read only "Seizure since the last check: No — Consciousness falling: No", so the
clerk had no score to back-enter, where every other scored chart's line (Braden, the 4AT) lists
its items."""

import pytest

from downtime.services import back_entry, records
from tests.test_alcohol_withdrawal import FORM, _check


@pytest.mark.parametrize("lang, words", [
    ("en", ["1. Nausea and vomiting: 0 No nausea and no vomiting",
            "2. Tremor (arms extended, fingers spread): 4 Moderate, with the arms extended", "3. ", "4. ",
            "5. ", "6. ", "7. ", "8. ", "9. ", "10. "]),
    ("fr", ["1. Nausées et vomissements : 0 Ni nausée ni vomissement",
            "2. Tremblements (bras tendus, doigts écartés) : 4 Modéré, bras tendus"])])
def test_the_line_gives_each_of_the_ten_items_score(session_for, patient, lang, words):
    saved = records.save_new(session_for("nurse"), FORM, _check("10:00"), patient_id=patient)
    line = records.record_label(session_for("records", lang), saved)
    assert all(said in line for said in words), line


@pytest.mark.parametrize("lang, head", [("en", "CIWA-Ar 12 MODERATE — Date and time checked: 28/11/2026 10:00 — 1. "),
                                        ("fr", "CIWA-Ar 12 MODÉRÉ — Date et heure de l’évaluation : 28/11/2026 10:00 — 1. ")])
def test_the_worklist_line_starts_with_the_total_and_its_band(session_for, patient, lang, head):
    """The clerk added up the ten items to type the EHR's total, and its band was nowhere: the
    line starts with both, as the ward's lists say them (services.alcohol_withdrawal)."""
    saved = records.save_new(session_for("nurse"), FORM, _check("10:00"), patient_id=patient)
    line = back_entry.line_of(session_for("records", lang), saved.record_id)
    assert line is not None and line.label.startswith(head), line and line.label


def test_a_check_not_scored_has_no_total_on_its_line(session_for, patient):
    """Asleep, not woken: its items are not asked, so there is no total to head the line."""
    saved = records.save_new(session_for("nurse"), FORM, {"checked_at": "2026-11-28T11:00+01:00",
                                                          "unable_to_assess": "asleep", "seizure": False,
                                                          "consciousness_falling": False}, patient_id=patient)
    line = records.record_label(session_for("records"), saved)
    assert line.startswith("Date and time checked: 28/11/2026 11:00 — Not scored: Asleep, not woken"), line
