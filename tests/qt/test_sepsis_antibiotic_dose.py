"""The dose dialog of an IV antibiotic says the IV antibiotics a sepsis screening times that no dose
on the medication chart matches, and asks a reason to give it: the once-only dose stayed OVERDUE
on the round with nothing said, and the next nurse gave it again."""

from datetime import datetime

from PySide6.QtWidgets import QLabel

from downtime.domain.medication import Check
from downtime.qt.dose_dialog import DoseDialog
from downtime.services import medication, records
from tests.test_sepsis_antibiotics import SCREEN, _order


def test_the_dose_dialog_says_the_antibiotics_timed_on_the_screening(qtbot, session_for, patient, clock, type_text,
                                                                   reason_box):
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T13:30+01:00")
    order = _order(session_for, patient)
    clock.now = datetime.fromisoformat("2026-11-28T13:45+01:00")
    records.save_new(nurse, "sepsis_screening", {**SCREEN, "antibiotics_at": "2026-11-28T13:40+01:00"},
                     patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T14:30+01:00")
    dialog = DoseDialog(nurse, medication.order(nurse.db, order), datetime.fromisoformat("2026-11-28T13:30+01:00"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.save() is None and "Safety warning" in dialog.error.text()
    assert ("⚠ Clarithromycin: IV antibiotics are timed on the sepsis screening at 28/11 13:40, and no dose given "
            "then is on the medication chart: if that was this dose, record it given at 28/11 13:40; do not give it "
            "again.") in [label.text() for label in dialog.findChildren(QLabel)]
    type_text(reason_box(dialog, Check.TIMED_ON_SCREENING), "Screening time was the cefuroxime in ED")
    saved = dialog.save()
    assert saved is not None and saved.data["overrides"] == [
        {"check": "timed_on_screening", "reason": "Screening time was the cefuroxime in ED"}]
