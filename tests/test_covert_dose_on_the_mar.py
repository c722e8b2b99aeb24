"""A dose given covertly (the dose form's version 4) is marked "C" after its time on the chart's
cell, on screen and printed, the printed chart's key saying what the mark means; a dose of the
same order taken openly is not marked. The tests' clock is 14:00 on 28/11 (Paris)."""

from pathlib import Path

from pypdf import PdfReader

from downtime.domain.medication import dose_text
from downtime.services import laptops, medication, printing, records

SERTRALINE = {"drug": "Sertraline", "dose": 50.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
              "times": "10:00 14:00", "start_at": "2026-11-28T09:00+01:00", "controlled": False, "high_alert": False,
              "covert": True, "covert_how": "crushed, in yoghurt", "covert_decided_at": "2026-11-28T11:30+01:00",
              "covert_decided_by": "Dr Karim Benali, consultant"}
GIVEN = {"outcome": "given", "dose_given": 50.0, "route": "PO", "scheduled_for": "2026-11-28T14:00+01:00",
         "given_at": "2026-11-28T14:00+01:00"}


def test_a_dose_given_covertly_is_marked_on_the_chart_and_its_key(session_for, patient, tmp_path: Path):
    nurse = session_for("nurse")
    order = records.save_new(session_for("doctor"), "medication_order", SERTRALINE, patient_id=patient).record_id
    covertly = medication.administration_of(medication.record_dose(nurse, order, GIVEN))
    openly = medication.administration_of(medication.record_dose(nurse, order, {
        **GIVEN, medication.GIVEN_COVERTLY: False, "scheduled_for": "2026-11-28T10:00+01:00",
        "given_at": "2026-11-28T10:05+01:00"}))
    assert dose_text(covertly, laptops.authors(nurse), {}, "en") == "HL 14:00 C"
    assert dose_text(openly, laptops.authors(nurse), {}, "en") == "HL 10:05"
    text = " ".join(page.extract_text() for page in PdfReader(
        printing.print_mar(nurse, [patient], tmp_path / "mar.pdf", days=1)).pages)
    assert "14:00 C" in text and "10:05 C" not in text
    assert "C after the time = given covertly, disguised in food or drink" in text
