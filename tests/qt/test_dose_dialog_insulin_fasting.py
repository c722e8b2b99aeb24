"""The dose dialog's reasons not given for an insulin (review R5 #2): "F — Nil by mouth" is
offered for a mealtime insulin, left out with the meal, and not for a basal one, continued while
the patient fasts; the basal one held asks the nurse to tell the prescriber at Save."""

from datetime import datetime

from PySide6.QtCore import Qt

from downtime.domain.medication import Check
from downtime.services import medication, records

INSULIN = {"route": "SC", "dose_unit": "units", "frequency": "scheduled", "controlled": False, "high_alert": True,
           "time_critical": True, "times": "12:00", "start_at": "2026-11-28T07:00+01:00"}
NOON = datetime.fromisoformat("2026-11-28T12:00+01:00")


def _reasons(dialog) -> list[str]:
    return [dialog.reason.itemText(index) for index in range(dialog.reason.count())]


def test_the_lunchtime_aspart_is_recorded_nil_by_mouth_from_the_dialog(dose_dialog, session_for, medication_ward,
                                                                        clock, qtbot):
    patient = medication_ward[0]
    aspart = records.save_new(session_for("doctor"), "medication_order", {**INSULIN, "drug": "Insulin aspart",
                                                                          "dose": 6.0}, patient_id=patient).record_id
    clock.now = NOON
    nurse = session_for("nurse")
    dialog = dose_dialog(nurse, aspart, NOON)
    dialog.outcome.setCurrentIndex(1)
    dialog.reason.setCurrentText("F — Nil by mouth / fasting")
    assert dialog.reason.currentText() == "F — Nil by mouth / fasting"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    [saved] = medication.administrations(nurse.db, patient)
    assert saved.reason.value == "nil_by_mouth"


def test_the_glargine_dialog_offers_no_nil_by_mouth_and_its_hold_asks_a_reason(dose_dialog, session_for,
                                                                              medication_ward, clock, qtbot,
                                                                              reason_box, type_text):
    patient = medication_ward[0]
    glargine = records.save_new(session_for("doctor"), "medication_order", {
        **INSULIN, "drug": "Insulin glargine", "dose": 18.0}, patient_id=patient).record_id
    clock.now = NOON
    nurse = session_for("nurse")
    dialog = dose_dialog(nurse, glargine, NOON)
    assert "F — Nil by mouth / fasting" not in _reasons(dialog)
    dialog.outcome.setCurrentIndex(1)
    dialog.reason.setCurrentText("W — Held for clinical reason (write why)")
    type_text(dialog.detail, "NBM for theatre")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    box = reason_box(dialog, Check.INSULIN_OMITTED)  # not "glucose low or not checked" (review S4 #8)
    assert box.accessibleDescription().startswith("Insulin glargine is a basal or premixed insulin: not to be omitted")
    assert medication.administrations(nurse.db, patient) == []
    type_text(box, "Dr Benali told")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    [saved] = medication.administrations(nurse.db, patient)
    assert saved.overrides == (("insulin_omitted", "Dr Benali told"),)
