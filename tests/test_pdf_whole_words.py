"""Printed forms, the NEWS2 chart, the worklist's and census's headings and the patient's letter
keep a long name, drug or answer whole: broken at its spaces, or after its own hyphens, set
smaller down to 6 pt, and split (with a hyphen) only when too wide even then. They were laid out
as reportlab Paragraphs, which cut such a word wherever the line ended."""

import re
from datetime import datetime

from pypdf import PdfReader

from downtime.domain.staff import Role
from downtime.formspec.loader import load_form
from downtime.pdf.forms import blank_form_pdf
from downtime.services import printing, records, staff, wards
from downtime.services.context import Session

DRUG = "Sulfamethoxazole-trimethoprim"
NAME = "PAPADOPOULOPOULOS-KARAMANLIS"
PRINTED_AT = datetime.fromisoformat("2026-11-28T14:00+01:00")


def _lines(path) -> str:
    """The PDF's text, a line a line, a break after a word's own hyphen joined up again."""
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages).replace("\xa0", " ")
    return re.sub(r"-\n", "-", text)


def _eleni(session_for):
    """A nurse of this laptop with a long double surname, signed in."""
    admin = session_for("admin")
    staff.add_staff(admin, "eleni", "Eleni Papadopoulos-Karamanlis", Role.WARD_NURSE, "2468")
    return Session(admin.db, admin.device, staff.sign_in(admin.db, "eleni", "2468", admin.clock), admin.forms,
                   admin.clock)


def test_a_filled_forms_long_drug_name_and_reason_print_whole_in_their_columns(session_for, admission_values,
                                                                                 tmp_path):
    """The amendment history's "By" column cut the nurse's surname inside it; the allergy table
    and the page keep a long drug, reaction and name whole."""
    nurse = session_for("nurse")
    values = {**admission_values, "birth_name": NAME, "allergies": [
        {"substance": f"{DRUG} (co-trimoxazole)", "reaction": "Stevens-Johnson syndrome with epidermal necrolysis",
         "severity": "severe"}]}
    record = records.save_new(nurse, "admission", values)
    records.amend(_eleni(session_for), record.record_id, {**values, "bed": "14"},
                  f"Allergy to {DRUG} confirmed by the pharmacist")
    text = _lines(printing.print_record(nurse, record.record_id, tmp_path / "filled.pdf"))
    for word in (DRUG, "(co-trimoxazole)", "Stevens-Johnson", "epidermal", "necrolysis", NAME, "pharmacist"):
        assert word in text, word
    history = text[text.index("Amendment history"):]
    assert "Papadopoulos-Karamanlis" in history and "(eleni)" in history


def test_a_blank_forms_long_label_help_and_answers_print_whole(tmp_path):
    """A tick box's answer, a label and its help in a quarter of the page: each word whole."""
    spec = tmp_path / "drug_check.yaml"
    spec.write_text(f"""
id: drug_check
version: 1
authors: [ward_nurse]
about_patient: false
title: {{en: Drug check, fr: Vérification}}
sections:
  - id: check
    title: {{en: Check, fr: Vérification}}
    fields:
      - id: drug
        kind: choice
        label: {{en: "Antibiotic given ({DRUG})", fr: "Antibiotique ({DRUG})"}}
        help: {{en: "Immunocompromised-patients-only prescription", fr: "Réservé"}}
        options:
          - {{code: cotrim, label: {{en: "{DRUG} tablets", fr: "{DRUG}"}}}}
          - {{code: none, label: {{en: Nothing, fr: Rien}}}}
        paper: {{span: 1}}
      - {{id: dose, kind: text, label: {{en: Dose, fr: Dose}}, paper: {{span: 1}}}}
      - {{id: route, kind: text, label: {{en: Route, fr: Voie}}, paper: {{span: 1}}}}
      - {{id: time, kind: text, label: {{en: Time, fr: Heure}}, paper: {{span: 1}}}}
""", encoding="utf-8")
    out = blank_form_pdf(load_form(spec), tmp_path / "blank.pdf", lang="en", printed_by="Hélène Lefèvre",
                         printed_at=PRINTED_AT, device_name="Ward 3B")
    text = _lines(out)
    for word in ("Antibiotic", "given", f"({DRUG})", "Immunocompromised-patients-only", "prescription", DRUG,
                 "tablets", "Nothing"):
        assert word in text, word


def test_the_news2_chart_names_a_nurse_with_a_long_surname_whole(session_for, admission_values, tmp_path):
    """The chart's "Recorded by" column, a tenth of the page, cut the name inside its words."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-27T09:00+01:00"})
    records.save_new(_eleni(session_for), "observations", {
        "taken_at": "2026-11-28T08:00+01:00", "respiratory_rate": 16, "spo2": 97, "spo2_scale": "scale_1",
        "on_oxygen": False, "systolic_bp": 125, "diastolic_bp": 80, "pulse": 72, "consciousness": "alert",
        "temperature": 36.8}, patient_id=patient.patient_id)
    text = _lines(printing.print_news2_chart(nurse, patient.patient_id, tmp_path / "news2.pdf"))
    assert "Papadopoulos-Karamanlis" in text
