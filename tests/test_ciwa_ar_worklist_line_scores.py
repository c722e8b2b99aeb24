"""A CIWA-Ar check's line on the records office's worklist gives each item's score (review s66 T4
D1): the line read only "Seizure since the last check: No — Consciousness falling: No", so the
clerk had no score to back-enter, where every other scored chart's line (Braden, the 4AT) lists
its items."""

import pytest

from downtime.services import records
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
