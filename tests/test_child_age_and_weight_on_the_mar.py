"""A child's chart gives their age in words and their weight, or says in red that they were never
weighed: the printed MAR gave the date of birth alone, and nothing at all of a missing weight;
the blank chart's box asks the date weighed and the age, as the national paediatric chart does."""

from datetime import date, datetime

import pytest

from downtime.domain.age import age_words
from downtime.pdf.mar import blank_mar_pdf
from downtime.services import printing, records, wards
from tests.pdf_text import pdf_text


def _admit(session_for, admission_values, bed: str, born: str, kg: float | None) -> str:
    values = {**admission_values, "birth_date": born, "weight_kg": kg, "allergy_status": "nka", "allergies": [],
              "bed": bed, "ward": "PED", "arrival_at": "2026-11-27T09:00+01:00"}
    return records.save_new(session_for("nurse"), "admission",
                            {key: value for key, value in values.items() if value is not None and key != "nir"}
                            ).patient_id


@pytest.fixture
def children(session_for, admission_values, clock):
    """Ward PED: a baby born 28/09/2026 weighed 4 kg on admission (bed 1), a 5-year-old never
    weighed (bed 2); the clock on 28/11/2026."""
    wards.add_ward(session_for("admin"), "PED", "Paediatrics", ["1", "2"])
    clock.now = datetime.fromisoformat("2026-11-28T15:00+01:00")
    return (_admit(session_for, admission_values, "1", "2026-09-28", 4.0),
            _admit(session_for, admission_values, "2", "2021-06-01", None))


@pytest.mark.parametrize(("born", "said"), [("2026-11-27", "1 day"), ("2026-11-18", "10 days"),
                                            ("2026-09-28", "8 weeks"), ("2026-08-28", "3 months"),
                                            ("2024-12-01", "23 months"), ("2021-06-01", "5 years")])
def test_a_childs_age_in_words(born, said):
    assert age_words(date.fromisoformat(born), date(2026, 11, 28)).text("en") == said


def test_a_babys_printed_mar_gives_the_age_and_weight(session_for, children, tmp_path):
    path = tmp_path / "mar.pdf"
    printing.print_mar(session_for("nurse"), [children[0]], path)
    assert "Age: 8 weeks — Weight: 4 kg on admission (27/11/2026)" in pdf_text(path)


def test_the_printed_mar_of_a_child_never_weighed_says_so(session_for, children, tmp_path):
    path = tmp_path / "mar.pdf"
    printing.print_mar(session_for("nurse"), [children[1]], path)
    text = pdf_text(path)
    assert "Age: 5 years" in text and "Weight: NOT RECORDED — weigh the child" in text


def test_the_blank_mar_asks_the_date_weighed_and_the_age(tmp_path, clock):
    path = tmp_path / "blank.pdf"
    blank_mar_pdf(path, lang="en", printed_by=None, printed_at=clock(), device_name="Ward 3B laptop")
    text = pdf_text(path)
    assert "Weight: ____ kg, weighed __/__" in text and "Age: ____ Height: ____ cm" in text
