"""The dose dialog asks whether a dose was given covertly as the service judges it
(medication.covert_at): under the covert decision standing at the dose's time. The 10:00 dose typed
in from the chart at 14:00, the best-interests decision made at 11:30 and written on the order at
14:00, opened with "Given covertly" ticked. The tests' clock is 14:00 on 28/11 (Paris)."""

from datetime import datetime

from downtime.qt.dose_dialog import DoseDialog
from downtime.services import medication, records

SERTRALINE = {"drug": "Sertraline", "dose": 50.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
              "times": "10:00 14:00", "start_at": "2026-11-28T09:00+01:00", "controlled": False, "high_alert": False}
COVERT = {"covert": True, "covert_how": "crushed, in yoghurt", "covert_decided_at": "2026-11-28T11:30+01:00",
          "covert_decided_by": "Dr Karim Benali, consultant"}


def _dialog(session, qtbot, order_id: str, slot: str) -> DoseDialog:
    dialog = DoseDialog(session, medication.order(session.db, order_id), datetime.fromisoformat(slot), from_chart=True)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_dose_before_the_covert_decision_is_not_asked_it(session_for, patient, qtbot):
    doctor, nurse = session_for("doctor"), session_for("nurse")
    first = records.save_new(doctor, "medication_order", SERTRALINE, patient_id=patient)
    records.amend(doctor, first.record_id, {**first.data, **COVERT}, "capacity assessed, best-interests decision")
    ten = _dialog(nurse, qtbot, first.record_id, "2026-11-28T10:00+01:00")
    assert not ten.covertly.isVisible() and not ten.covertly.isChecked()
    assert medication.GIVEN_COVERTLY not in ten.values()
    two = _dialog(nurse, qtbot, first.record_id, "2026-11-28T14:00+01:00")
    assert two.covertly.isVisible() and two.values()[medication.GIVEN_COVERTLY] is True
