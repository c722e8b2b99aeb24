"""The MAR's screen says when a bag running now empties, under its dose, as the printed chart does
(services.infusion_checks.run_out): the printed chart said "runs through about 03:51: record it
stopped or the next bag", the screen "running at 0.7 mL/h" alone until it had run out."""

import os

import pytest
from PySide6.QtWidgets import QApplication

from downtime.qt.mar_view import MarView
from downtime.qt.style import TEXT_SIZES, change_text_size
from tests.test_infusion_rates import fluids_running  # noqa: F401  (fixture)

EMPTY = {"en": "→ runs through about 16:00: record it stopped or the next bag",
         "fr": "→ se termine vers 16:00 : noter son arrêt ou la poche suivante"}


@pytest.mark.parametrize("size", [0, len(TEXT_SIZES)])  # steps up from the usual text
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_bag_running_says_when_it_runs_through_on_the_screen(qtbot, laptop_window, fluids_running,  # noqa: F811
                                                                 session_for, app_style, lang, size):
    _, patient, order_id, _ = fluids_running
    change_text_size(QApplication.instance(), size)
    window = laptop_window(session_for("nurse", lang), 1092, 582)
    view = MarView(window.session, patient, days=1)
    window.tabs.addTab(view, view.title)
    window.tabs.setCurrentWidget(view)
    qtbot.waitExposed(view)
    (line,) = [number for number, (row, _) in enumerate(view.model.rows) if row.order.record_id == order_id]
    cells = [view.model.data(view.model.index(line, column)) or "" for column in range(view.model.columnCount())]
    if os.environ.get("F4_SHOTS"):
        view.table.scrollTo(view.model.index(line, 2))
        view.table.grab().save(os.path.join(os.environ["F4_SHOTS"], f"mar_run_out_{lang}_{size}.png"))
    assert any(EMPTY[lang] in cell for cell in cells), cells
