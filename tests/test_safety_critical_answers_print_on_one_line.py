"""Each answer of a safety-critical choice (an allergy's, a resuscitation decision's, the SLT's
outcome after a failed swallow screen) prints on the blank form on one line with its box. The
English "Food and drink by mouth as below; medicines by another route (NG, IV)" broke after
"Food and", its box at the end of the line "By mouth: textures and tablets as below": a nurse
scanning the page read the tick beside the tablets by mouth, the opposite of the decision. The
page count did not change, and no test saw it."""

import pytest
from pypdf import PdfReader

from downtime.formspec.schema import ChoiceField, MultiChoiceField
from downtime.formspec.values import offered
from downtime.pdf.forms import BOX
from downtime.services import printing


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_each_answer_of_a_safety_critical_choice_prints_on_one_line_with_its_box(forms, clock, tmp_path, lang):
    broken = []
    for form_id, spec in forms.items():
        choices = [field for field in spec.fields()
                   if field.safety_critical and isinstance(field, ChoiceField | MultiChoiceField)]
        if not choices:
            continue
        path = printing.blank(forms, form_id, tmp_path / f"{form_id}.pdf", lang=lang, printed_by=None,
                              printed_at=clock(), device_name="3B")
        lines = [" ".join(line.split()) for page in PdfReader(path).pages for line in page.extract_text().splitlines()]
        broken += [(form_id, option.label.get(lang)) for field in choices for option in offered(field)
                   if not any(f"{BOX} {option.label.get(lang)}" in line for line in lines)]
    assert broken == []
