"""The dose dialog of a covert order asks whether the dose was given covertly, ticked as the order
says, for the nurse to untick when the patient took it openly; an order given openly is not asked
it. The tests' clock is 14:00 on 28/11 (Paris)."""

from datetime import datetime

from downtime.qt.dose_dialog import DoseDialog
from downtime.services import medication, records

SERTRALINE = {"drug": "Sertraline", "dose": 50.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
              "times": "14:00", "start_at": "2026-11-28T09:00+01:00", "controlled": False, "high_alert": False}
COVERT = {"covert": True, "covert_how": "crushed, in yoghurt", "covert_decided_at": "2026-11-28T11:30+01:00",
          "covert_decided_by": "Dr Karim Benali, consultant"}
DUE = datetime.fromisoformat("2026-11-28T14:00+01:00")


def _dialog(session, qtbot, order_id: str) -> DoseDialog:
    dialog = DoseDialog(session, medication.order(session.db, order_id), DUE)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_covert_orders_dose_is_asked_whether_given_covertly(session_for, patient, qtbot):
    doctor, nurse = session_for("doctor"), session_for("nurse")
    covert = records.save_new(doctor, "medication_order", {**SERTRALINE, **COVERT}, patient_id=patient).record_id
    openly = records.save_new(doctor, "medication_order", {**SERTRALINE, "drug": "Mirtazapine", "dose": 15.0},
                              patient_id=patient).record_id
    plain = _dialog(nurse, qtbot, openly)
    assert not plain.covertly.isVisible() and medication.GIVEN_COVERTLY not in plain.values()
    dialog = _dialog(nurse, qtbot, covert)
    assert dialog.covertly.isVisible() and dialog.values()[medication.GIVEN_COVERTLY] is True
    dialog.covertly.setChecked(False)
    assert dialog.typed()[medication.GIVEN_COVERTLY] is False
    dialog.outcome.setCurrentIndex(1)
    assert not dialog.covertly.isVisible() and medication.GIVEN_COVERTLY not in dialog.values()
    dialog.outcome.setCurrentIndex(0)
    saved = dialog.save()
    assert saved is not None and saved.data[medication.GIVEN_COVERTLY] is False
