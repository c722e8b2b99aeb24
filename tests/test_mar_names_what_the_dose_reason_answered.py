"""The printed MAR names a prescriber's reason kept in the order's dose reason
(services.medication.DOSE_REASON) for the question it answered: one by mouth after a failed
swallow screen and one despite a high potassium were both printed "Prescribed above a usual first
dose" on a one-tablet order (review T1, defect 1); and a dose given by mouth over the failed screen
was footnoted "admission nil by mouth" of a patient whose diet never was (defect 2)."""

from datetime import datetime

import pytest

from downtime.services import medication, printing, records, swallow_screen
from tests.pdf_text import pdf_text
from tests.test_high_potassium_holds_the_medicines_that_raise_it import _phoned_high, _potassium
from tests.test_potassium_decided_only_by_words_naming_it import _order
from tests.test_swallow_screen import GIVEN, LEVETIRACETAM, REFERRED


def _printed(session, patient: str, path) -> str:
    return " ".join(pdf_text(printing.print_mar(session, [patient], path)).split())


@pytest.mark.parametrize("lang, said, overridden", [
    ("en", "Prescribed by mouth after a failed swallow screen: “SLT 13:30: tablets in puree”",
     "Given by mouth, patient nil by mouth: SLT allowed"),
    ("fr", "Prescrit par la bouche après un dépistage de déglutition échoué : « SLT 13:30: tablets in puree »",
     "Donné par la bouche, patient à jeun : SLT allowed")])
def test_a_reason_by_mouth_after_a_failed_screen_is_printed_as_the_swallows(session_for, patient, tmp_path,
                                                                            lang, said, overridden):
    nurse = session_for("nurse", lang)
    records.save_new(nurse, swallow_screen.FORM, REFERRED, patient_id=patient)
    order = records.save_new(session_for("doctor"), "medication_order",
                             {**LEVETIRACETAM, "dose_reason": "SLT 13:30: tablets in puree"}, patient_id=patient)
    with pytest.raises(medication.OverrideNeeded) as asked:
        medication.record_dose(nurse, order.record_id, {**GIVEN, "route": "PO"})
    medication.record_dose(nurse, order.record_id, {**GIVEN, "route": "PO"},
                           overrides={warning.check: "SLT allowed" for warning in asked.value.warnings})
    printed = _printed(nurse, patient, tmp_path / "mar.pdf")
    assert said in printed, printed
    assert "usual first dose" not in printed and "dose initiale" not in printed
    assert overridden in printed, printed


def test_a_reason_despite_a_high_potassium_is_printed_as_the_potassiums(session_for, medication_ward, clock, tmp_path):
    """Quoted once in the potassium's line while it stands, then in the order's own words once a
    normal potassium came back."""
    patient = medication_ward[0]
    _phoned_high(session_for, patient, clock)
    clock.now = datetime.fromisoformat("2026-11-29T11:00+01:00")
    records.save_new(session_for("doctor"), "medication_order", _order("Ramipril", dose_reason="K 6.8 seen, continue"),
                     patient_id=patient)
    printed = _printed(session_for("nurse"), patient, tmp_path / "high.pdf")
    assert printed.count("“K 6.8 seen, continue”") == 1 and "usual first dose" not in printed, printed
    clock.now = datetime.fromisoformat("2026-11-29T13:00+01:00")
    _potassium(session_for("nurse"), patient, "2026-11-29T12:30+01:00", "4.6", flag="normal")
    printed = _printed(session_for("nurse"), patient, tmp_path / "normal.pdf")
    assert "Prescribed despite a high potassium: “K 6.8 seen, continue”" in printed, printed
    assert "usual first dose" not in printed
