"""A blank form's total line names the question whose help says what the total means, where the
form says which (`Section.total_key`): the CIWA-Ar's sent the nurse to "its help", which paper does
not have, while the bands were printed under item 10."""

import pytest

from downtime.formspec import FormSpecError, load_form
from tests.test_formspec import NAME_FIELD, _write


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "CIWA-Ar total ______ (add up each answer's points; what it means: see “10. Orientation and clouding of "
           "the sensorium”)"),
    ("fr", "Total CIWA-Ar ______ (additionner les points de chaque réponse ; ce qu’il signifie : voir « 10. "
           "Orientation et obnubilation »)")])
def test_the_ciwa_ar_blank_sends_the_nurse_to_item_10_for_the_bands(blank_pages, lang, said):
    printed = " ".join(" ".join(blank_pages("alcohol_withdrawal", lang)).split())
    assert said in printed
    assert "see its help" not in printed and "voir l’aide" not in printed


def test_a_total_key_must_be_a_field_of_a_totalled_section(tmp_path):
    """A key naming no question of the total would print a pointer to nothing."""
    path = _write(tmp_path, NAME_FIELD)
    path.write_text(path.read_text(encoding="utf-8").replace("    fields:\n", "    total_key: name\n    fields:\n"),
                    encoding="utf-8")
    with pytest.raises(FormSpecError) as caught:
        load_form(path)
    assert "section 'main': total_key 'name' is no field of its total" in str(caught.value)
