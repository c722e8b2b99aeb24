"""The MAR screen's medicine line said "Metformin 1 g PO" of an order held for an AKI, and
"Co-amoxiclav 1.2 g IV" of one whose patient was since recorded anaphylactic to penicillin: only
the printed chart said either."""
from PySide6.QtCore import Qt

from downtime.qt.mar_view import MarView
from tests.test_allergy_reason_and_holds import _written_before_the_allergy
from tests.test_stop_reason_on_the_mar import HELD, held_metformin


def _medicine_lines(view: MarView) -> list[tuple[str, str]]:
    model = view.model
    return [(model.data(model.index(line, 0), Qt.ItemDataRole.DisplayRole),
             model.data(model.index(line, 0), Qt.ItemDataRole.ToolTipRole)) for line in range(model.rowCount())]


def test_the_medicine_tooltip_says_why_it_was_stopped(qtbot, session_for, patient, clock):
    held_metformin(session_for, patient, clock)
    view = MarView(session_for("nurse"), patient, days=1)
    qtbot.addWidget(view)
    assert all(f"Stopped 28/11 10:30: {HELD}" in tooltip for _, tooltip in _medicine_lines(view))


def test_the_medicine_line_says_the_allergy_recorded_since(qtbot, session_for, admission_values):
    _, patient, _ = _written_before_the_allergy(session_for, admission_values)
    view = MarView(session_for("nurse"), patient, days=1)
    qtbot.addWidget(view)
    ((shown, tooltip),) = {line for line in _medicine_lines(view)}
    said = ("ALLERGY RECORDED AFTER THE ORDER: Penicillin (Anaphylaxis, severe): not to be given; the prescriber to "
            "review the order (amend it with the allergy acknowledged, or stop it)")
    assert said in shown and said in tooltip, shown
    assert view.model.is_warning(0, 0)


def test_the_stop_is_said_once_on_the_rows_and_its_reason_in_the_tooltip(qtbot, session_for, patient, clock):
    """Metformin at 08:00 and 18:00 with a long reason: each row read it whole, and at the
    largest text the red allergy row below was out of sight."""
    held_metformin(session_for, patient, clock)
    view = MarView(session_for("nurse"), patient, days=1)
    qtbot.addWidget(view)
    (first, first_tip), (second, second_tip) = _medicine_lines(view)
    assert first.endswith("Stopped 28/11 10:30") and HELD not in first, first
    assert "Stopped" not in second, second
    assert f"Stopped 28/11 10:30: {HELD}" in first_tip and f"Stopped 28/11 10:30: {HELD}" in second_tip
