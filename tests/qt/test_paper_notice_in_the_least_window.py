"""The round's red notice of orders written after they started, in the least window: beside its
button it was given three lines for fifteen, cut through the middle of a line ("2 prescriptions
ont été saisies…" read "2 prescriptions" over half a line). It shows the whole lines its height
holds, the last ending "…", and the whole notice in its tooltip; with the room, every line."""

from datetime import datetime

import pytest
from PySide6.QtWidgets import QApplication

from downtime.services import records

LATE_ORDER = {"drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
              "times": "10:00 14:00 18:00", "start_at": "2026-11-28T09:00+01:00", "controlled": False,
              "high_alert": False}


@pytest.mark.parametrize("least", [True, False], ids=["least_window", "laptop"])
def test_the_notice_shows_whole_lines_and_says_the_rest_in_its_tooltip(
        laptop_window, session_for, medication_ward, clock, app_style, least):
    records.save_new(session_for("doctor"), "medication_order", LATE_ORDER, patient_id=medication_ward[0])
    clock.now = datetime.fromisoformat("2026-11-28T14:05+01:00")
    window = laptop_window(session_for("nurse", "fr"), 1366, 768)
    if least:
        window.resize(window.minimumSizeHint().expandedTo(window.minimumSize()))
    window.tabs.setCurrentWidget(window.medication)
    window.medication.refresh()
    QApplication.processEvents()
    said = window.medication.paper.said
    assert said.isVisible() and said.text().startswith("2 prescriptions ont été saisies sur ce portable")
    assert said.toolTip() == said.text()
    shows_whole_lines(said, least)


def shows_whole_lines(said, least: bool) -> None:
    """`said` (a paper_notice.WholeLines) shows whole lines only, each within its width; in the
    least window the last of them ends "…" where the notice goes on, elsewhere they are all of it."""
    lines = said.shown_lines()
    assert len(lines) * said.fontMetrics().lineSpacing() <= said.contentsRect().height()
    assert all(said.fontMetrics().horizontalAdvance(line) <= said.contentsRect().width() for line in lines)
    if least:
        assert said.height() < said.heightForWidth(said.width()), "the least window has no room for it whole"
        assert lines[-1].endswith("…") and _letters(said.text()).startswith(_letters(" ".join(lines)[:-1]))
    else:
        assert _letters(" ".join(lines)) == _letters(said.text())


def _letters(text: str) -> str:
    """The text without its spaces, which the lines it is wrapped into drop or add."""
    return "".join(text.split())
