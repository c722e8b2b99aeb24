"""A blank form's field conditions name the field they hang on by the words its box carries on
that paper (formspec Field.line_label, the box's own title): the swallow screen's SLT outcome and
plan said "if Assessed by the SLT at answered" under a box titled "SLT assessed at", and a nurse
on paper looked for a box that was not there (review T1, defect 4)."""

import pytest

from downtime.services import swallow_screen


@pytest.mark.parametrize("lang, said, screens", [
    ("en", "(if SLT assessed at answered)", "Assessed by the SLT at"),
    ("fr", "(si Vu par l’orthophoniste à renseigné)", "Évalué par l’orthophoniste à")])
def test_a_condition_names_the_box_by_its_paper_label(blank_pages, lang, said, screens):
    (page,) = blank_pages(swallow_screen.FORM, lang)
    assert page.count(said) == 2 and screens not in page, page
