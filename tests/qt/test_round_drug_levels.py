"""The round's line of a gentamicin dose whose trough is awaited says so in its flags, in the
warning colour, as the dose dialog does (tests/test_drug_levels.py for the service)."""

from datetime import datetime

from downtime.qt.medication_panel import FLAGS, MedicationPanel
from downtime.services import records
from tests.test_drug_levels import TROUGH, gentamicin  # noqa: F401 (the fixture)


def test_the_round_says_the_level_awaited_on_the_doses_line(qtbot, session_for, gentamicin, clock):  # noqa: F811
    patient, order = gentamicin
    clock.now = datetime.fromisoformat("2026-11-29T06:05+01:00")
    records.save_new(session_for("nurse"), "lab_request", TROUGH, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-29T11:55+01:00")
    panel = MedicationPanel(session_for("nurse"))
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()
    [row] = [row for row, item in enumerate(panel.model.rows) if item.order.record_id == order]
    assert panel.model.text(row, FLAGS) == (
        "Gentamicin: LEVEL AWAITED: check it before giving (trough level taken 29/11 06:00, no result yet).")
    assert panel.model.is_warning(row, FLAGS)
