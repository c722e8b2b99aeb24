"""A new record's "Some answers are filled in for you…" notice, in the least window: said inside
the form's rich-text header, it showed a line and a half in French, the second line cut through
its middle (review T1, defect 7). It shows the whole lines its height holds, the last ending "…",
and the whole notice in its tooltip, as the round's paper notice does (qt.paper_notice.WholeLines);
with the room, every line."""

import pytest
from PySide6.QtWidgets import QApplication

from downtime.services import records, wards
from tests.qt.test_paper_notice_in_the_least_window import shows_whole_lines


@pytest.mark.parametrize("least", [True, False], ids=["least_window", "laptop"])
def test_the_prefill_notice_shows_whole_lines_and_says_the_rest_in_its_tooltip(
        laptop_window, session_for, admission_values, app_style, least):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    nurse = session_for("nurse", "fr")
    patient = records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-28T09:00+01:00"})
    window = laptop_window(nurse, 1366, 768)
    if least:
        window.resize(window.minimumSizeHint().expandedTo(window.minimumSize()))
    form = window.open_new(nurse.form("swallow_screen"), patient.patient_id)
    QApplication.processEvents()
    said = form.prefilled
    assert said.isVisible() and said.text().startswith("Certaines réponses sont préremplies")
    assert said.toolTip() == said.text() and "préremplies" not in form.header.text()
    shows_whole_lines(said, least)
