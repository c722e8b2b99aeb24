"""A name as long as the admission form takes prints whole wherever it identifies the patient:
sheet labels, the wristband, each page's identification box and footer. Cut at the box's end
with an ellipsis, twin sisters whose birth names differed only at their end ("… DE
MONTMORENCY", "… DE MONTMORILLON") printed alike everywhere but their downtime number."""

import re

import pytest
from pypdf import PdfReader

from downtime.services import printing, records, wards

USED = "Oyelaran-Quintero Fitzwilliam-Ashworth"
GIVEN = "Anne-Hélène Zoë Marie-Bénédicte Łucja"
BIRTH = ("Lefèvre-Szczęsna Wołodkowicz de Montmorency", "Lefèvre-Szczęsna Wołodkowicz de Montmorillon")
# As long as the form takes each of them (100 characters), the sisters' birth names told apart at their end.
LONGEST = ("Oyelaran-Quintero Fitzwilliam-Ashworth " * 3)[:100].strip()
LONGEST_GIVEN = ("Anne-Hélène Zoë Marie-Bénédicte Łucja " * 3)[:100].strip()
LONGEST_BIRTH = tuple(("Lefèvre-Szczęsna Wołodkowicz " * 4)[:84].strip() + " " + end
                      for end in ("de Montmorency", "de Montmorillon"))


@pytest.fixture
def nurse(session_for):
    wards.add_ward(session_for("admin"), "3B", "Medicine", ["1", "2"])
    return session_for("nurse")


def _pages(out):
    """Each page's text, its words as they read across the lines a name is wrapped over."""
    return [re.sub(r"\s+", " ", page.extract_text()).replace("- ", "-") for page in PdfReader(out).pages]


def _sisters(nurse, admission_values, used, given, births):
    return [records.save_new(nurse, "admission", {
        **admission_values, "bed": str(bed), "nir": "", "used_name": used, "given_names": given,
        "birth_name": birth}).patient_id for bed, birth in enumerate(births, start=1)]


@pytest.mark.parametrize("used, given, births, stock, band", [(USED, GIVEN, BIRTH, "L7159", True),
                                                             (LONGEST, LONGEST_GIVEN, LONGEST_BIRTH, "L7163", False)],
                         ids=["long", "at-the-form-s-limits"])
def test_twin_sisters_with_long_names_print_apart_on_labels_wristband_and_every_page(
        nurse, admission_values, tmp_path, used, given, births, stock, band):
    """Each print carries the whole birth name and used name, never an ellipsis; first names too
    long for a label are shortened after the first ("Anne-Hélène Z. M.-B. Ł.") rather than the
    family names cut. A name at the form's limits (a hundred characters each) holds on the
    largest sheet label; the smallest (L7159) and the wristband take one of about a hundred and
    twenty (the band's two lines beside its barcode hold no more)."""
    prints = {}
    for number, patient in enumerate(_sisters(nurse, admission_values, used, given, births)):
        prints[number] = {
            "labels": printing.print_labels(nurse, patient, tmp_path / f"labels{number}.pdf", count=1, stock=stock),
            **({"wristband": printing.print_wristband(nurse, patient, tmp_path / f"band{number}.pdf")}
               if band else {}),
            "mar": printing.print_mar(nurse, [patient], tmp_path / f"mar{number}.pdf", days=1),
        }
    for number, printed in prints.items():
        for kind, out in printed.items():
            page = _pages(out)[0]
            assert "…" not in page, (kind, page)
            assert used.upper() in page and births[number].upper() in page, (kind, page)
            assert births[1 - number].upper() not in page, (kind, page)
        # The identification box and the footer, each whole.
        assert _pages(printed["mar"])[0].count(births[number].upper()) == 2


def test_only_the_first_names_after_the_first_are_shortened():
    from downtime.pdf.page import first_names_shortened

    assert first_names_shortened(f"{USED.upper()} {GIVEN} (née {BIRTH[0].upper()})") == (
        f"{USED.upper()} Anne-Hélène Z. M.-B. Ł. (née {BIRTH[0].upper()})")
    assert first_names_shortened("DUPONT Marie") == "DUPONT Marie"
    assert first_names_shortened("INCONNU GARE (homme d'environ 40 ans)") == "INCONNU GARE (homme d'environ 40 ans)"
