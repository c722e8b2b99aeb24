"""The dose dialog of a gentamicin whose trough came back above its range since its last dose
says so at Save, "hold and ask the doctor", and gives the dose only with the nurse's reason
(tests/test_drug_levels.py for the service)."""

from datetime import datetime

from PySide6.QtCore import Qt

from downtime.domain.medication import Check
from downtime.services import medication, records
from tests.test_drug_levels import RESULT, TROUGH, gentamicin  # noqa: F401 (the fixture)


def test_a_trough_above_range_is_said_at_save_and_the_dose_needs_a_reason(qtbot, dose_dialog, reason_box, type_text,
                                                                          session_for, gentamicin, clock):  # noqa: F811
    patient, order = gentamicin
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T11:35+01:00")
    sample = records.save_new(nurse, "lab_request", TROUGH, patient_id=patient).record_id
    records.save_new(nurse, "lab_result", {**RESULT, "request": sample}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-29T12:01+01:00")
    dialog = dose_dialog(nurse, order, datetime.fromisoformat("2026-11-29T12:00+01:00"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    said = reason_box(dialog, Check.LEVEL_ABOVE_RANGE).accessibleDescription()
    assert said == "Gentamicin: LEVEL ABOVE RANGE (trough 2.4 mg/L, < 1): hold and ask the doctor."
    assert medication.administrations(nurse.db, patient)[-1].at < datetime.fromisoformat("2026-11-29T00:00+01:00")
    type_text(reason_box(dialog, Check.LEVEL_ABOVE_RANGE), "Dr Benali: give, repeat level")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    [saved] = [dose for dose in medication.administrations(nurse.db, patient) if dose.at.day == 29]
    assert saved.order_id == order
