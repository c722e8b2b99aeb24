"""The names a patient had before being identified never take the room of their own name nor of
their allergies: "formerly INCONNU MASCULIN ÉMERAUDE-TRÈFLE, …" printed before the name cut a
label's given names to "M.-E." or off altogether (a sample without the forename is rejected), and
on a French band dropped Latex, Chlorhexidine and Morphine for "+3 autres"."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from pypdf import PdfReader

from downtime.pdf.labels import STOCKS, OnHold, labels_pdf
from downtime.services import records, wards
from downtime.services.census import patient_with_location
from tests.conftest import GIRARD, unknown_man

ALLERGENS = ("Pénicilline", "Latex", "Chlorhexidine", "Morphine")
EARLIER = ("Inconnu Masculin Émeraude-Trèfle", "Inconnu Masculin Saphir-Onyx-Zéphyr")


def _said(out) -> str:
    """The first page's text on one line, a name broken after its hyphen joined again."""
    return re.sub(r"-\s+", "-", re.sub(r"\s+", " ", PdfReader(out).pages[0].extract_text()))


@pytest.mark.parametrize("held", [OnHold(), OnHold(identity=True)], ids=["plain", "on_hold"])
@pytest.mark.parametrize("number", ["DT-042-00001-8", "DT-001-00001-7/6e8f94ed"], ids=["number", "with_laptop"])
@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("stock", sorted(STOCKS))
def test_a_long_name_and_every_allergen_keep_their_room_beside_the_earlier_names(
        session_for, admission_values, tmp_path, stock, lang, number, held):
    """The name and the allergies read as they do with no earlier name, on every stock, beside a
    laptop's line and the warning to check the identity too; beside a plain number, whole."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    nurse = session_for("nurse")
    alias = records.save_new(nurse, "admission", {
        **unknown_man(admission_values), "allergy_status": "allergies",
        "allergies": [{"substance": substance, "reaction": "Anaphylaxie", "severity": "severe"}
                      for substance in ALLERGENS]})
    records.amend(nurse, alias.record_id, {**alias.data, **GIRARD, "birth_name": "de La Rochefoucauld-Montmorency",
                                           "given_names": "Jean-Baptiste Marie-Emmanuel"}, "Identified")
    patient = replace(patient_with_location(nurse.db, nurse.forms, str(alias.patient_id)), downtime_number=number)

    def said(formerly: tuple[str, ...]) -> str:
        return _said(labels_pdf(patient, tmp_path / f"{len(formerly)}.pdf", stock=stock, count=1, lang=lang,
                                printed_by="Nurse", printed_at=nurse.clock(), device_name="laptop", held=held,
                                formerly=formerly))

    alone, beside = said(()), said(EARLIER)
    identity = re.search(r"DE LA .*? Sexe? M", alone).group()
    warnings = alone[:alone.index("DE LA")].strip()
    assert identity in beside and warnings in beside, (alone, beside)
    if held == OnHold() and "laptop" not in number:
        assert "ROCHEFOUCAULD-MONTMORENCY Jean-Baptiste Marie-Emmanuel" in beside, beside
        assert all(f"{allergen} (Anaphylaxie" in beside for allergen in ALLERGENS) or not STOCKS[stock].allergies, beside
