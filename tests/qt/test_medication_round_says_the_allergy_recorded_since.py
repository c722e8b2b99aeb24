"""The medication round, where doses are given from, read "Due now" of co-amoxiclav whose patient
was since recorded anaphylactic to penicillin: the nurse drew it up and learnt of it at the save."""
from datetime import datetime

from downtime.qt.medication_panel import FLAGS, MedicationPanel
from tests.test_allergy_reason_and_holds import _written_before_the_allergy


def test_the_rounds_row_flags_the_allergy_recorded_since_in_red(qtbot, session_for, admission_values, clock):
    _written_before_the_allergy(session_for, admission_values)
    clock.now = datetime.fromisoformat("2026-11-28T16:05+01:00")
    panel = MedicationPanel(session_for("nurse"))
    qtbot.addWidget(panel)
    panel.refresh()
    (line,) = [line for line in range(panel.model.rowCount()) if "Co-amoxiclav" in panel.model.texts(line)]
    assert ("ALLERGY RECORDED AFTER THE ORDER: Penicillin (Anaphylaxis, severe): not to be given"
            in panel.model.texts(line)[FLAGS]), panel.model.texts(line)
    assert panel.model.is_warning(line, FLAGS)
