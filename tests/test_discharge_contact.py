"""A discharge letter names whom to call with a question (PRSB eDischarge contact details): it
named no one, and during an outage the patient, the GP and the care home have no EHR letter either."""

from downtime.services import prefill, printing, records, settings
from tests.pdf_text import pdf_text
from tests.test_discharge_medicines import HOME

WARD_3B = "Ward 3B nurses' station, 01 23 45 67 89, day and night"


def test_the_discharge_starts_with_the_laptops_contact_and_prints_it(session_for, patient, tmp_path):
    admin, nurse = session_for("admin"), session_for("nurse")
    assert "contact" not in prefill.first_answers(nurse, nurse.form("discharge"), patient)  # none set: left to write
    settings.set_letter_contact(admin, WARD_3B)
    answers = prefill.first_answers(nurse, nurse.form("discharge"), patient)
    assert answers["contact"] == WARD_3B
    left = records.save_new(nurse, "discharge", {**answers, **HOME, "contact": f"{WARD_3B}; Dr Benali"},
                            patient_id=patient)
    text = pdf_text(printing.print_record(nurse, left.record_id, tmp_path / "discharge.pdf"))
    assert f"Contact for questions (ward telephone, doctor) {WARD_3B}; Dr Benali" in text
