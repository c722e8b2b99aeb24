"""The dose dialog of an insulin given after a hypo not rechecked: the warning shown, Save asking
its reason as for any warning (services.glucose.before_insulin)."""

from datetime import datetime

from PySide6.QtWidgets import QLabel

from downtime.domain.medication import Check
from downtime.qt.dose_dialog import DoseDialog
from downtime.services import medication, records
from tests.test_glucose_insulin import SLIDING, glucose_charted


def test_insulin_after_a_hypo_not_rechecked_is_shown_and_needs_its_reason(qtbot, session_for, medication_ward,
                                                                          type_text):
    patient = medication_ward[0]
    order = records.save_new(session_for("doctor"), "medication_order", SLIDING, patient_id=patient).record_id
    nurse = session_for("nurse")
    glucose_charted(nurse, patient, "2026-11-28T13:50+01:00", 2.9)
    dialog = DoseDialog(nurse, medication.order(nurse.db, order), datetime.fromisoformat("2026-11-28T14:00+01:00"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.given_at.clear()
    type_text(dialog.given_at, "28/11/2026 14:00")
    type_text(dialog.dose, "4")
    dialog.decided_on.clear()  # filled with the chart's 2.9: the nurse types another
    type_text(dialog.decided_on, "capillary glucose 13.2")
    type_text(dialog.witness_id, "doctor")  # an insulin's second check
    type_text(dialog.witness_pin, "2222")
    assert dialog.save() is None
    assert ("⚠ Insulin aspart: the latest capillary glucose, 2.9 mmol/L at 28/11 13:50, is a hypo not rechecked "
            "since: treat it and recheck the glucose before giving insulin.") in [
        label.text() for label in dialog.findChildren(QLabel)]
    (edit,) = [edit for (check, _), edit in dialog.override_edits.items() if check is Check.GLUCOSE]
    type_text(edit, "Rechecked 13:58: 13.2, not charted yet")
    type_text(dialog.witness_pin, "2222")  # the checker signs once they have read the warning
    saved = dialog.save()
    assert saved is not None and saved.data["overrides"] == [
        {"check": "glucose", "reason": "Rechecked 13:58: 13.2, not charted yet"}]
