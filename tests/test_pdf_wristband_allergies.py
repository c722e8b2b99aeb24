"""The wristband names every allergen: where the allergies with their reactions do not fit the
band, it names each by substance and severity, with their count, before it cuts anything."""

import re

import pytest
from pypdf import PdfReader

from downtime.services import printing, records, wards

SIX = [
    {"substance": "Co-amoxiclav", "severity": "severe",
     "reaction": "Anaphylaxis 2019: bronchospasm, lip and tongue swelling, BP 70/40, adrenaline IM x2, ICU 24 h"},
    {"substance": "Latex", "severity": "severe", "reaction": "Anaphylaxis during surgery 2021"},
    {"substance": "Chlorhexidine", "severity": "severe", "reaction": "Anaphylaxis from a CVC dressing"},
    {"substance": "Morphine", "severity": "moderate", "reaction": "Urticaria"},
    {"substance": "Ibuprofen", "severity": "moderate", "reaction": "Bronchospasm (aspirin-exacerbated asthma)"},
    {"substance": "Iodinated contrast", "severity": "moderate",
     "reaction": "Generalised urticaria and wheeze after CT 2022"},
]


@pytest.fixture
def nurse(session_for):
    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    return session_for("nurse")


def _band(nurse, admission_values, allergies, tmp_path, lang="en"):
    patient = records.save_new(nurse, "admission", {**admission_values, "allergies": allergies}).patient_id
    out = printing.print_labels(nurse, patient, tmp_path / "band.pdf", count=1, stock="wristband")
    return re.sub(r"\s+", " ", PdfReader(out).pages[0].extract_text())


def test_a_band_too_small_for_the_reactions_names_every_allergen_and_its_severity(nurse, admission_values, tmp_path):
    """Six ordinary allergies, the first described at length: the band gave the first four with
    their reactions, "Ibuprofe…", and no word of the contrast allergy."""
    said = _band(nurse, admission_values, SIX, tmp_path)
    assert ("ALLERGIES (6): Co-amoxiclav (severe); Latex (severe); Chlorhexidine (severe); Morphine (moderate); "
            "Ibuprofen (moderate); Iodinated contrast (moderate) — reactions on the admission record") in said, said
    assert "…" not in said


def test_a_band_with_room_for_the_reactions_gives_them(nurse, admission_values, tmp_path):
    said = _band(nurse, admission_values, SIX[1:3], tmp_path)
    assert ("ALLERGIES: Latex (Anaphylaxis during surgery 2021, severe); "
            "Chlorhexidine (Anaphylaxis from a CVC dressing, severe)") in said, said
