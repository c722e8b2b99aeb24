"""The dose dialog saves a dose of eye drops given as ordered, by the route it fills in from the
order ("EYE"): Save said "“Route”: choose one of the listed options" and kept nothing."""

from datetime import datetime

from PySide6.QtCore import Qt

from downtime.qt.dose_dialog import DoseDialog
from downtime.services import medication, records
from downtime.storage.records import list_current

DROPS = {"drug": "Chloramphenicol 0.5% eye drops", "dose": 1.0, "dose_unit": "drop", "route": "EYE", "side": "left",
         "frequency": "scheduled", "times": "08:00", "start_at": "2026-11-28T08:00+01:00",
         "controlled": False, "high_alert": False}


def test_eye_drops_given_as_ordered_are_saved_from_the_dose_dialog(qtbot, session_for, medication_ward, clock):
    order_id = records.save_new(session_for("doctor"), "medication_order", DROPS,
                                patient_id=medication_ward[0]).record_id
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T08:05+01:00")
    dialog = DoseDialog(nurse, medication.order(nurse.db, order_id), datetime.fromisoformat("2026-11-28T08:00+01:00"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.route.text() == "EYE"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert [dose.data["route"] for dose in list_current(nurse.db, "medication_administration")] == ["EYE"], \
        dialog.error.text()
