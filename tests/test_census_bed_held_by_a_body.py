"""A bed held by the body of a patient who died in it is neither occupied nor empty (review R3
D4): the printed census said "0 patient(s), 20 empty bed(s)" over bed 12 "DECEASED — awaiting
mortuary", and the site manager reads the header to place an admission. One count
(services.census.bed_counts) for the printed census and the Patients tab."""

from datetime import datetime

import pytest

from downtime.services import census, printing, records
from tests.conftest import death_answers
from tests.pdf_text import pdf_text


@pytest.mark.parametrize("lang,said", [
    ("en", "Census at 28/11/2026 14:00: 0 patient(s), 19 empty bed(s), 1 held (deceased)"),
    ("fr", "Situation au 28/11/2026 14:00 : 0 patient(s), 19 lit(s) vide(s), "),
])
def test_the_printed_census_counts_a_bed_held_by_a_body_apart(session_for, medication_ward, clock, forms, tmp_path,
                                                              lang, said):
    patient = medication_ward[0]
    nurse = session_for("nurse", lang)
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    records.save_new(nurse, "death", {**death_answers("2026-11-28T13:00+01:00"), "verified_by": "Dr B",
                                      "expected": True, "family_informed": True}, patient_id=patient)
    assert census.bed_counts(census.census(nurse.db, forms, ward="3B")) == census.BedCounts(0, 19, 1)
    assert said in " ".join(pdf_text(printing.print_census(nurse, tmp_path / "census.pdf", "3B")).split())


def test_a_census_with_no_bed_held_says_none(session_for, medication_ward, forms):
    nurse = session_for("nurse")
    counts = census.bed_counts(census.census(nurse.db, forms, ward="3B"))
    assert counts == census.BedCounts(1, 19, 0)
    assert census.with_held("1 patient(s), 19 empty bed(s)", counts, "en") == "1 patient(s), 19 empty bed(s)"
