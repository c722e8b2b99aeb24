"""The totals a form shows as it is typed (Braden, 4AT, MUST): whatever is half-typed, an item is
added up only once it answers its field, and the total of answered items is said, never a crash."""

from datetime import datetime

import pytest
from hypothesis import given, strategies as st

from downtime.domain.score_totals import SCORE_TOTALS
from downtime.formspec.schema import ChoiceField, DecimalField, IntegerField, YesNoField
from downtime.formspec.values import answered

NOW = datetime.fromisoformat("2026-11-28T14:00+01:00")


JUNK = st.one_of(st.none(), st.text(max_size=5), st.integers(-10, 10**6), st.floats(allow_nan=True), st.booleans())
"""What an editor may hold half-typed, or a script may send."""


def _own(field) -> st.SearchStrategy:
    """A field's own answers, out of range included for a number."""
    if isinstance(field, ChoiceField):
        return st.sampled_from([option.code for option in field.options])
    if isinstance(field, (DecimalField, IntegerField)):
        return st.integers(0, 300)
    assert isinstance(field, YesNoField), field
    return st.booleans()


@pytest.mark.parametrize(("form_id", "total"), [("braden_assessment", "braden"), ("delirium_screening", "4at"),
                                               ("nutrition_screening", "must"), ("pain_assessment", "flacc"),
                                               ("pain_assessment", "evendol"), ("alcohol_withdrawal", "ciwa_ar")])
def test_a_total_adds_answered_items_only_and_says_what_it_means(forms, form_id, total):
    spec = forms[form_id]
    assert total in {section.total for section in spec.sections}
    score_total = SCORE_TOTALS[total]
    fields = {item: spec.field(item) for item in score_total.items}

    @given(st.fixed_dictionaries({item: _own(field) for item, field in fields.items()}),
           st.dictionaries(st.sampled_from(sorted(fields)), JUNK, max_size=2))
    def check(typed, spoiled):
        values = {**typed, **spoiled}
        left = [item for item, field in fields.items() if not answered(field, values[item], "en", NOW)]
        if left:
            return
        score = score_total.total(values)
        assert isinstance(score, int) and score >= 0
        assert score_total.meaning(values, "en") and score_total.meaning(values, "fr")

    check()


def test_the_paper_has_the_total_box_and_a_filled_record_prints_the_total_with_its_meaning(
        session_for, patient, blank_pages, tmp_path):
    """The form's total, shown while typed, was on neither paper: the blank had no box for it and
    the printed record never said the total its export carries."""
    from pypdf import PdfReader

    from downtime.services import printing, records

    for form_id, name in (("delirium_screening", "4AT"), ("nutrition_screening", "MUST"),
                          ("braden_assessment", "Braden")):
        assert f"{name} total ______" in blank_pages(form_id, "en")[0], form_id
    assert "Total 4AT ______" in blank_pages("delirium_screening", "fr")[0]
    nurse = session_for("nurse")
    saved = records.save_new(nurse, "delirium_screening", {
        "screened_at": "2026-11-28T10:00+01:00", "alertness": "normal", "amt4": "two_or_more",
        "attention": "fewer_than_seven", "acute_change": "yes"}, patient_id=patient)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(
        printing.print_record(nurse, saved.record_id, tmp_path / "record.pdf")).pages)
    assert "4AT total 7 — POSSIBLE DELIRIUM: tell the doctor, who looks for its cause" in text
