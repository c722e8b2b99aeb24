"""The death record as the paper's verification of death asks it: when it was verified, the
coroner, an implanted device, and the precautions for those handling the body."""

import pytest
from pypdf import PdfReader

from downtime.services import prefill, printing, records, wards
from downtime.services.errors import ValidationFailed
from tests.conftest import death_answers

DIED = "2026-11-28T13:00+01:00"


@pytest.fixture
def patient(session_for, admission_values):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    return records.save_new(session_for("nurse"), "admission", {**admission_values, "isolation": "contact"}).patient_id


def _death(**answers):
    return {**death_answers(DIED), "verified_by": "Dr Benali", "expected": False, "family_informed": True, **answers}


def test_a_death_verified_before_it_happened_is_refused_naming_the_time_of_death(session_for, patient):
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "death", _death(verified_at="2026-11-28T12:30+01:00"), patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["died_at"]
    found = records.save_new(nurse, "death", _death(verified_at="2026-11-28T13:40+01:00"), patient_id=patient)
    assert found.data["verified_at"] == "2026-11-28T13:40+01:00"


def test_an_implanted_device_is_named_and_the_body_takes_the_admissions_precautions(session_for, patient, tmp_path):
    """A pacemaker must come out before a cremation, an ICD be switched off before the body is
    handled: the mortuary asks the ward, and on paper the answer was nowhere."""
    nurse = session_for("nurse")
    assert prefill.first_answers(nurse, nurse.form("death"), patient) == {"isolation": "contact"}
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "death", _death(implanted_device="present"), patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["implanted_detail"]
    found = records.save_new(nurse, "death", _death(implanted_device="present", referred_to_coroner=True,
                                                    implanted_detail="ICD, switched off 13:20", isolation="contact"),
                             patient_id=patient)
    text = " ".join(page.extract_text() for page in PdfReader(printing.print_record(
        nurse, found.record_id, tmp_path / "death.pdf")).pages)
    for said in ("Date and time death verified", "Referred to the coroner (medico-legal obstacle)",
                 "ICD, switched off 13:20", "Infection precautions for those handling the body", "Contact"):
        assert said in " ".join(text.split()), said


def test_the_blank_death_form_asks_each_on_one_page(session_for, tmp_path):
    reader = PdfReader(printing.print_blank(session_for("nurse"), "death", tmp_path / "blank.pdf"))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert len(reader.pages) == 1
    for said in ("Date and time death verified", "Death certificate completed", "Implanted device",
                 "Which device (and whether an ICD was switched off)", "Infection precautions"):
        assert said in text, said
