"""The printed MAR quotes a prescriber's allergy reason only while no allergy the order matches
was recorded after it was given (needs the printing.py patch of this change)."""
import re
from datetime import date

from pypdf import PdfReader

from downtime.services import printing, records


def _text(path):
    return " ".join(re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(path).pages)


def test_a_printed_reason_given_for_a_rash_is_not_printed_for_an_anaphylaxis_found_since(tmp_path, session_for,
                                                                                            medication_ward):
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    admission = next(r for r in records.list_current(nurse.db, patient_id=patient) if r.form_id == "admission")
    records.amend(nurse, admission.record_id, {**admission.data, "allergies": [
        *admission.data["allergies"], {"substance": "Amoxicillin", "reaction": "Anaphylaxis", "severity": "severe"}]},
        "family: anaphylaxis to amoxicillin in 2019")
    text = _text(printing.print_mar(nurse, [patient], tmp_path / "mar.pdf", days=3, first_day=date(2026, 11, 27)))
    assert "Amoxicillin 1 g IV" in text and "Rash as a child" not in text
