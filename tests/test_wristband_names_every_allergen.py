"""A wristband beside a long name names every allergen it can whole: with its severity where
the reactions do not fit, by substance alone where the severities do not, and only past that the
first ones whole and how many more ("+N more"), never one cut mid-word. Eight allergies beside a
double-barrelled name left out vancomycin and contrast media and ended "Codeine phosph…" (the
patient booked for surgery); beside a short name, the severities that fitted were dropped with
the pointer to the reactions, and a severe anaphylaxis read like a mild intolerance."""

import re

import pytest
from pypdf import PdfReader

from downtime.services import printing, records, wards

EIGHT = [{"substance": substance, "reaction": reaction, "severity": "moderate"} for substance, reaction in (
    ("Penicillin", "Anaphylaxis with angio-oedema and bronchospasm"),
    ("Sulfamethoxazole with trimethoprim", "Stevens-Johnson syndrome"), ("Chlorhexidine", "Urticaria"),
    ("Latex", "Contact dermatitis"), ("Ibuprofen", "Bronchospasm"), ("Codeine phosphate", "Vomiting"),
    ("Vancomycin", "Red man syndrome"), ("Iodinated contrast media", "Urticaria and hypotension"))]
LONG_NAME = {"birth_name": "de La Rochefoucauld-Montmorency", "used_name": "Dupont-Aignan de Saint-Exupéry",
             "given_names": "Marie-Bénédicte Éléonore Françoise"}


@pytest.fixture
def nurse(session_for):
    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    return session_for("nurse")


def _band(session, admission_values, allergies, tmp_path, name=LONG_NAME):
    patient = records.save_new(session, "admission", {**admission_values, **name,
                                                      "allergies": allergies}).patient_id
    out = printing.print_wristband(session, patient, tmp_path / "band.pdf")
    return re.sub(r"\s+", " ", PdfReader(out).pages[0].extract_text())


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_eight_allergies_beside_a_long_name_are_each_named_whole(session_for, nurse, admission_values, tmp_path,
                                                                 lang):
    said = _band(session_for("nurse", lang), admission_values, EIGHT, tmp_path)
    assert [allergy["substance"] for allergy in EIGHT if allergy["substance"] not in said] == [], said
    assert "…" not in said, said


@pytest.mark.parametrize(("lang", "severity"), [("en", "(moderate)"), ("fr", "(modérée)")])
def test_eight_allergies_beside_a_short_name_keep_their_severities(session_for, nurse, admission_values, tmp_path,
                                                                    lang, severity):
    """MARTIN Hélène's band has room for each allergen with its severity, not for the pointer
    to the reactions as well: it keeps the severities rather than naming the substances alone."""
    said = _band(session_for("nurse", lang), admission_values, EIGHT, tmp_path, name={})
    assert [allergy["substance"] for allergy in EIGHT if f"{allergy['substance']} {severity}" not in said] == [], said
    assert "…" not in said, said


@pytest.mark.parametrize(("lang", "pointer"), [("en", "— see the admission record"),
                                               ("fr", "— voir le dossier d’admission")])
def test_substances_alone_say_where_the_rest_is_where_it_fits(session_for, nurse, admission_values, tmp_path, lang,
                                                               pointer):
    """Six allergens beside a long name have room for the substances alone and the word of where
    their severities are: without it, the band read as if it were the whole record."""
    six = EIGHT[:6]
    said = _band(session_for("nurse", lang), admission_values, six, tmp_path)
    assert [allergy["substance"] for allergy in six if allergy["substance"] not in said] == [], said
    assert pointer in said and "…" not in said, said


@pytest.mark.parametrize(("lang", "more"), [("en", "more — see the admission record"),
                                            ("fr", "autres — voir le dossier d’admission")])
def test_allergies_past_the_band_are_counted_never_cut(session_for, nurse, admission_values, tmp_path, lang, more):
    """Twenty long-named allergens cannot all be named: those named are whole, the rest counted."""
    many = [{"substance": f"Substance{index:02d} hydrochloride", "reaction": "Rash", "severity": "severe"}
            for index in range(20)]
    said = _band(session_for("nurse", lang), admission_values, many, tmp_path)
    named = [allergy["substance"] for allergy in many if allergy["substance"] in said]
    assert "…" not in said, said
    assert re.search(r"\w+ hydroch(?!loride)", said) is None, said
    assert f"+{len(many) - len(named)} {more}" in said, said
    assert named == [allergy["substance"] for allergy in many[:len(named)]] and named, said
