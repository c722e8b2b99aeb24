"""A drug level is read by its time after the dose (BNF: trough or timed levels): the level's
"last dose given at" reached neither the export's ServiceRequest nor the printed results log,
and the sample's notes were not on the log. The French log's lab number followed the result
after an English "; "."""

from datetime import datetime

from fhir.resources.R4B.servicerequest import ServiceRequest

from downtime.services import printing, records
from tests.pdf_text import pdf_text
from tests.test_drug_levels import RESULT, TROUGH


def test_a_levels_last_dose_and_the_samples_notes_are_exported_and_printed(session_for, patient, clock, tmp_path,
                                                                           exported_resource):
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T06:05+01:00")
    sample = records.save_new(nurse, "lab_request", {**TROUGH, "notes": "Taken from the left arm"},
                              patient_id=patient).record_id
    notes = [note.text for note in exported_resource(sample, ServiceRequest).note]
    assert "Drug level: Gentamicine, trough; last dose given 2026-11-28T12:00:00+01:00" in notes
    text = pdf_text(printing.print_lab_results(nurse, patient, tmp_path / "en.pdf"))
    assert "Gentamicine level (Trough) last dose 28/11 12:00; Taken from the left arm" in text
    text = pdf_text(printing.print_lab_results(session_for("nurse", "fr"), patient, tmp_path / "fr.pdf"))
    assert "Dosage de Gentamicine (Résiduel) dernière dose le 28/11 12:00 ; Taken from the left arm" in text


def test_the_french_log_separates_the_lab_number_as_french_does(session_for, patient, clock, tmp_path):
    nurse = session_for("nurse", "fr")
    clock.now = datetime.fromisoformat("2026-11-29T11:35+01:00")
    records.save_new(nurse, "lab_result", {**{key: value for key, value in RESULT.items() if key != "gives"},
                                           "lab_number": "L1"}, patient_id=patient)
    text = pdf_text(printing.print_lab_results(nurse, patient, tmp_path / "fr.pdf"))
    assert "Gentamicin 2.4 mg/L (< 1) ; n° labo L1" in text
