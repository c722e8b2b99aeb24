"""A printed order prescribed despite an allergy names the allergy it matched, on its own line:
a MAR's continuation page read "Prescribed despite the allergy: 'Checked with pharmacist'" beside
chlorhexidine mouthwash, its identification box naming the first allergies of eight, not the
chlorhexidine urticaria (given on page 1 alone). Several matched are said as several ("the
allergies to"); the French names them after the allergy recorded, a substance typed free having
no article that fits every one ("l’allergie à Chlorhexidine" read as no French does)."""

import re
from datetime import date

import pytest
from pypdf import PdfReader

from downtime.services import printing, records


def _text(path):
    return " ".join(re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(path).pages)


def _printed(tmp_path, session_for, admission_values, lang, allergies, **order):
    """The MAR printed in `lang` of a patient with `allergies` and one order (a mouthwash's values
    but for `order`), prescribed despite them."""
    from downtime.services import wards

    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    allergies = [{"substance": substance, "reaction": reaction, "severity": "moderate"}
                 for substance, reaction in allergies]
    patient = records.save_new(session_for("nurse"), "admission", {
        **admission_values, "arrival_at": "2026-11-27T09:00+01:00", "allergies": allergies}).patient_id
    records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Chlorhexidine gluconate mouthwash", "dose": 10.0, "dose_unit": "mL", "route": "PO",
        "frequency": "scheduled", "times": "08:00 20:00", "start_at": "2026-11-27T10:00+01:00",
        "controlled": False, "high_alert": False, "allergy_reason": "Checked with pharmacist", **order}, patient_id=patient)
    return _text(printing.print_mar(session_for("nurse", lang), [patient], tmp_path / "mar.pdf", days=3,
                                    first_day=date(2026, 11, 27)))


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "Prescribed despite the allergy to Chlorhexidine (Urticaria, moderate): “Checked with pharmacist”"),
    ("fr", "Prescrit malgré l’allergie enregistrée — Chlorhexidine (Urticaria, modérée) : « Checked with pharmacist »")])
def test_only_the_allergies_matched_are_named(tmp_path, session_for, admission_values, lang, said):
    """Of penicillin, chlorhexidine and latex, chlorhexidine mouthwash matches chlorhexidine alone."""
    text = _printed(tmp_path, session_for, admission_values, lang, (
        ("Penicillin", "Anaphylaxis"), ("Chlorhexidine", "Urticaria"), ("Latex", "Contact dermatitis")))
    assert said in text, text


@pytest.mark.parametrize(("lang", "said"), [
    ("en", ("Prescribed despite the allergies to Penicillin (Rash, moderate); Amoxicillin (Rash, moderate): "
            "“Checked with pharmacist”")),
    ("fr", ("Prescrit malgré les allergies enregistrées — Penicillin (Rash, modérée) ; Amoxicillin (Rash, modérée) : "
            "« Checked with pharmacist »"))])
def test_several_allergies_matched_are_said_as_several(tmp_path, session_for, admission_values, lang, said):
    """Amoxicillin matches the penicillin and the amoxicillin allergy, not the latex one."""
    text = _printed(tmp_path, session_for, admission_values, lang, (
        ("Penicillin", "Rash"), ("Amoxicillin", "Rash"), ("Latex", "Contact dermatitis")),
        drug="Amoxicillin", dose=500.0, dose_unit="mg", stop_at="2026-12-02T10:00+01:00")
    assert said in text, text
