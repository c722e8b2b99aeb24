"""The medication round, where doses are given from, read "Due now" of co-amoxiclav whose patient
was since recorded anaphylactic to penicillin: the nurse drew it up and learnt of it at the save."""
from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from downtime.qt.i18n import set_language
from downtime.qt.medication_panel import FLAGS, MedicationPanel
from tests.test_allergy_reason_and_holds import _written_before_the_allergy


def test_the_rounds_row_flags_the_allergy_recorded_since_in_red(qtbot, session_for, admission_values, clock):
    _written_before_the_allergy(session_for, admission_values)
    clock.now = datetime.fromisoformat("2026-11-28T16:05+01:00")
    panel = MedicationPanel(session_for("nurse"))
    qtbot.addWidget(panel)
    panel.refresh()
    (line,) = [line for line in range(panel.model.rowCount()) if "Co-amoxiclav" in panel.model.texts(line)]
    assert ("NOT TO BE GIVEN — ALLERGY SINCE ORDER: Penicillin (Anaphylaxis, severe)"
            in panel.model.texts(line)[FLAGS]), panel.model.texts(line)
    assert panel.model.is_warning(line, FLAGS)


WHOLE = ("NOT TO BE GIVEN — ALLERGY RECORDED AFTER THE ORDER: Penicillin (Anaphylaxis, severe): the prescriber to "
         "review the order (amend it with the allergy acknowledged, or stop it)")


@pytest.mark.parametrize(("lang", "flag", "whole"), [
    ("en", "NOT TO BE GIVEN — ALLERGY SINCE ORDER: Penicillin (Anaphylaxis, severe)", WHOLE),
    ("fr", "NE PAS ADMINISTRER — ALLERGIE DEPUIS LA PRESCRIPTION : Penicillin (Anaphylaxis, sévère)",
     "le prescripteur doit revoir la prescription (la modifier en prenant acte de l’allergie, ou l’arrêter)")])
def test_the_rounds_flag_is_short_and_its_tooltip_whole(qtbot, session_for, admission_values, clock, lang, flag,
                                                         whole):
    """The whole 190-character sentence in the Flags cell made its row taller than the table at
    the largest text in French, its end out of reach: the row says it short, the tooltip whole."""
    _written_before_the_allergy(session_for, admission_values)
    clock.now = datetime.fromisoformat("2026-11-28T16:05+01:00")
    set_language(lang)
    try:
        panel = MedicationPanel(session_for("nurse"))
        qtbot.addWidget(panel)
        panel.refresh()
        (line,) = [line for line in range(panel.model.rowCount()) if "Co-amoxiclav" in panel.model.texts(line)]
        shown = panel.model.texts(line)[FLAGS]
        tooltip = panel.model.data(panel.model.index(line, FLAGS), Qt.ItemDataRole.ToolTipRole)
    finally:
        set_language("en")
    assert flag in shown and whole not in shown, shown
    assert whole in tooltip, tooltip
