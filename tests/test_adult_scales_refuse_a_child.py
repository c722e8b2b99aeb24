"""The adults' delirium screening (4AT) and pressure ulcer risk (Braden scale) refuse a child, as
MUST and NEWS2 do (a form's `from_years`): a baby of 3 months who cannot talk was saved as
"POSSIBLE DELIRIUM" on the handover sheet, and one in nappies who cannot walk at risk on the
Braden scale."""

import pytest

from downtime.services import printing, records, wards
from downtime.services.errors import ServiceError
from tests.pdf_text import pdf_text

SCREENED = {"screened_at": "2026-11-28T12:00+01:00", "alertness": "normal", "amt4": "two_or_more",
            "attention": "untestable", "acute_change": "no"}
ASSESSED = {"assessed_at": "2026-11-28T12:00+01:00", "sensory": "3", "moisture": "2", "activity": "1",
            "mobility": "2", "nutrition": "3", "friction": "2"}
FORMS = [("delirium_screening", SCREENED, "Date and time screened", "Delirium screening (4AT)"),
         ("braden_assessment", ASSESSED, "Date and time assessed", "Pressure ulcer risk (Braden scale)")]


def _admit(session_for, admission_values, born, bed, kg=5.8):
    return records.save_new(session_for("nurse"), "admission", {
        **admission_values, "given_names": "Lou", "birth_date": born, "nir": None, "identity_status": "provisional",
        "identity_document": None, "weight_kg": kg, "height_cm": None, "ward": "PED", "bed": bed,
        "arrival_at": "2026-11-28T09:00+01:00"}).patient_id


@pytest.fixture
def ward(session_for):
    wards.add_ward(session_for("admin"), "PED", "Paediatrics", [str(n) for n in range(1, 5)])


@pytest.mark.parametrize(("form_id", "answers", "when", "title"), FORMS)
def test_the_adults_scale_is_refused_for_a_baby_and_taken_at_18(session_for, admission_values, ward, tmp_path,
                                                                 form_id, answers, when, title):
    nurse = session_for("nurse")
    baby = _admit(session_for, admission_values, "2026-08-20", "1")
    with pytest.raises(ServiceError) as refused:
        records.save_new(nurse, form_id, answers, patient_id=baby)
    assert str(refused.value) == f"{when}: this patient was 3 months old then; {title} is for patients 18 or over."
    sheet = " ".join(pdf_text(printing.print_census(nurse, tmp_path / "census.pdf", "PED")).split())
    assert "4AT" not in sheet and "Braden" not in sheet
    seventeen = _admit(session_for, admission_values, "2008-11-29", "2", 60)
    with pytest.raises(ServiceError, match="this patient was 17 years old then"):
        records.save_new(nurse, form_id, answers, patient_id=seventeen)
    records.save_new(nurse, form_id, answers, patient_id=_admit(session_for, admission_values, "2008-11-28", "3", 60))


def test_the_vte_assessment_is_refused_under_16_and_taken_at_16(session_for, admission_values, ward):
    """NICE NG89's assessment is for patients 16 or over (domain/vte.py): a child's was saved as an
    adult's, and its decision handed over as an adult's is."""
    doctor = session_for("doctor")
    assessed = {"assessed_at": "2026-11-28T12:00+01:00", "mobility": "medical_reduced", "thrombosis_risks": [],
                "bleeding_risks": [], "prophylaxis": "not_needed"}
    fifteen = _admit(session_for, admission_values, "2010-11-29", "1", 50)
    with pytest.raises(ServiceError) as refused:
        records.save_new(doctor, "vte_assessment", assessed, patient_id=fifteen)
    assert "this patient was 15 years old then" in str(refused.value) and "16 or over" in str(refused.value)
    records.save_new(doctor, "vte_assessment", assessed,
                     patient_id=_admit(session_for, admission_values, "2010-11-28", "2", 50))
