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


def test_an_allergy_recorded_after_an_order_written_without_a_reason_is_printed_on_its_row(tmp_path, session_for,
                                                                                          admission_values):
    """Co-amoxiclav written for a patient with no known allergies, then a penicillin anaphylaxis
    recorded: only the banner named the penicillin, the order's row nothing."""
    from downtime.services import wards

    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse, doctor = session_for("nurse"), session_for("doctor")
    admission = records.save_new(nurse, "admission", {**admission_values, "allergy_status": "nka", "allergies": [],
                                                      "arrival_at": "2026-11-27T09:00+01:00"})
    records.save_new(doctor, "medication_order", {
        "drug": "Co-amoxiclav", "dose": 1.2, "dose_unit": "g", "route": "IV", "frequency": "scheduled",
        "times": "08:00 16:00", "start_at": "2026-11-27T10:00+01:00", "review_at": "2026-11-30T10:00+01:00",
        "controlled": False, "high_alert": False}, patient_id=admission.patient_id)
    records.amend(nurse, admission.record_id, {**admission.data, "allergy_status": "allergies", "allergies": [
        {"substance": "Penicillin", "reaction": "Anaphylaxis", "severity": "severe"}]}, "daughter: anaphylaxis")
    text = _text(printing.print_mar(nurse, [admission.patient_id], tmp_path / "mar.pdf", days=3,
                                    first_day=date(2026, 11, 27)))
    row = text[text.index("Co-amoxiclav 1.2 g IV"):][:400]
    assert ("Penicillin (Anaphylaxis, severe): recorded after it was prescribed, not reviewed by the prescriber"
            in row), row
