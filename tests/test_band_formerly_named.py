"""A patient admitted unidentified and identified since: the new band and ID labels name the
temporary name they had too. The group-and-screen sample and the units crossmatched under it
read UNKNOWN MALE ALPHA, and the band reading GIRARD alone was what the bedside check compared
them with."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from pypdf import PdfReader

from downtime.pdf.labels import STOCKS, formerly_line, labels_pdf
from downtime.services import printing, records, wards
from downtime.services.census import patient_with_location
from tests.conftest import GIRARD, unknown_man

SAID = {"en": "formerly UNKNOWN MALE ALPHA", "fr": "anciennement UNKNOWN MALE ALPHA"}


@pytest.fixture
def nurse(session_for):
    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    return session_for("nurse")


def _text(out) -> str:
    return re.sub(r"\s+", " ", PdfReader(out).pages[0].extract_text())


def _identified(nurse, admission_values) -> str:
    alias = records.save_new(nurse, "admission", unknown_man(admission_values))
    records.amend(nurse, alias.record_id, {**alias.data, **GIRARD}, "Identified by his wife")
    return str(alias.patient_id)


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("stock", ["wristband", "L7159"])
def test_the_band_and_labels_of_a_patient_identified_name_the_temporary_name_he_had(
        nurse, admission_values, tmp_path, lang, stock):
    patient = _identified(nurse, admission_values)
    said = _text(printing.print_labels(replace(nurse, lang=lang), patient, tmp_path / "out.pdf", count=1, stock=stock))
    assert "GIRARD" in said and SAID[lang] in said, said


def test_a_patient_never_unidentified_has_no_earlier_name_printed(nurse, admission_values, tmp_path):
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    said = _text(printing.print_labels(nurse, str(patient), tmp_path / "out.pdf", count=1, stock="wristband"))
    assert "formerly" not in said, said


@pytest.mark.parametrize("stock", sorted(STOCKS))
def test_the_earlier_name_fits_each_stock_beside_a_laptop_and_an_admission_on_hold(
        nurse, admission_values, tmp_path, stock):
    """The most a label says under the name: a number two laptops gave (its laptop's line), the
    warning to check the identity, and two earlier names, on the smallest sheet too: the name
    keeps its room (squeezed by them, it read "GIRARD Thomas P." in 5 pt, over the number). A
    band has no room under such a number: the earlier names go under the allergies (where the
    warning to check the identity, in the same column, leaves none they are not printed:
    test_band_long_name_formerly)."""
    from downtime.pdf.labels import OnHold

    patient = replace(patient_with_location(nurse.db, nurse.forms, _identified(nurse, admission_values)),
                      downtime_number="DT-001-00001-7/6e8f94ed")
    out = labels_pdf(patient, tmp_path / "out.pdf", stock=stock, count=1, lang="fr", printed_by="Nurse",
                     printed_at=nurse.clock(), device_name="laptop", held=OnHold(identity=not STOCKS[stock].allergies),
                     formerly=["Unknown Male Alpha", "Inconnu Trèfle"])
    said = _text(out)
    assert formerly_line(["Unknown Male Alpha", "Inconnu Trèfle"], "fr").split()[-1] in said, said
    assert "GIRARD Thomas Paul" in said, said


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_identification_undone_prints_no_earlier_name(nurse, admission_values, tmp_path, lang):
    """Identified as GIRARD, then the identification amended away (the wrong man): he is the
    unknown man again, with no other name; his band read "UNKNOWN MALE ALPHA … formerly UNKNOWN
    MALE ALPHA"."""
    alias = records.save_new(nurse, "admission", unknown_man(admission_values))
    records.amend(nurse, alias.record_id, {**alias.data, **GIRARD}, "Identified by his wife")
    records.amend(nurse, alias.record_id, alias.data, "Not him: the wife identified the man in the next bed")
    said = _text(printing.print_labels(replace(nurse, lang=lang), str(alias.patient_id), tmp_path / "out.pdf",
                                       count=1, stock="wristband"))
    assert "UNKNOWN MALE ALPHA" in said and SAID[lang].split()[0] not in said, said


def test_a_temporary_name_corrected_before_identification_prints_no_earlier_name(
        nurse, admission_values, tmp_path):
    """A typo of the temporary name corrected while he is still unknown: "formerly UNKNWON MALE
    BRAVO" told the bedside check he had had another name."""
    alias = records.save_new(nurse, "admission", {**unknown_man(admission_values), "temporary_name": "Unknwon Male Bravo"})
    records.amend(nurse, alias.record_id, {**alias.data, "temporary_name": "Unknown Male Bravo"}, "Typo")
    said = _text(printing.print_labels(nurse, str(alias.patient_id), tmp_path / "out.pdf", count=1, stock="L7159"))
    assert "UNKNOWN MALE BRAVO" in said and "formerly" not in said, said
