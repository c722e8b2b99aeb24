"""The patients list found by another laptop's identification on hold headed its column
"Formerly" over "identified as GIRARD Thomas Paul on another laptop (on hold)": a name to come,
not a former one. Its heading says both while such a line is listed, whole over its column at the
usual and the largest text (a list found by earlier names alone: test_census_view)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from downtime.qt.patients_panel import FORMERLY
from downtime.qt.style import TEXT_SIZES, change_text_size
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from tests.test_hold_identified_found import _identified_on_hold


@pytest.mark.parametrize("largest", [False, True])
def test_the_heading_over_a_held_identification_says_identified_as(
        tmp_path, laptop, admission_values, clock, window_for, type_text, app_style, largest):
    ed, ward_5a, _, _ = _identified_on_hold(tmp_path, laptop, admission_values, clock)
    import_export(ed[1], export(ward_5a[1], tmp_path / "stick-5a").folder)
    if largest:
        change_text_size(QApplication.instance(), len(TEXT_SIZES))
    window = window_for(ed[0])
    window.resize(1092, 582)
    panel = window.patients
    type_text(panel.search_box, "girard")
    QApplication.processEvents()
    heading = panel.model.headerData(FORMERLY, Qt.Orientation.Horizontal)
    assert heading == "Formerly / identified as"
    header = panel.table.horizontalHeader()
    assert header.fontMetrics().horizontalAdvance(heading) <= header.sectionSize(FORMERLY), "the heading whole"
