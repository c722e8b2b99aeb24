"""The patient list's score column is headed "NEWS2 / PEWS" while it shows a child, whose cell is
their PEWS, as the ward's paper census heads it (pdf.census): headed "NEWS2" over "PEWS 9 ·
14:20", a child's score was read against NEWS2's thresholds. A list of adults keeps "NEWS2"."""

from PySide6.QtCore import Qt

from downtime.qt.patients_panel import NEWS2
from tests.qt.test_news2_children_screens import _baby


def test_a_list_with_a_child_heads_the_score_column_news2_and_pews(window, session_for, admission_values, listed):
    _baby(window, session_for, admission_values)
    model = listed(window.patients).model
    assert model.headerData(NEWS2, Qt.Orientation.Horizontal) == "NEWS2 / PEWS"
    model.set_rows([row for row in model.rows if row.child is None])
    assert model.headerData(NEWS2, Qt.Orientation.Horizontal) == "NEWS2"
