"""The patients list found by the name another laptop identified an unknown man by, on hold
here: the line read UNKNOWN MALE ALPHA alone, with no word of why it came up."""

from __future__ import annotations

from PySide6.QtCore import Qt

from downtime.sync.export import export
from downtime.sync.import_export import import_export
from tests.test_hold_identified_found import _identified_on_hold


def test_a_line_found_by_a_held_identification_says_it_beside_the_name(
        tmp_path, laptop, admission_values, clock, window_for, type_text):
    ed, ward_5a, _, _ = _identified_on_hold(tmp_path, laptop, admission_values, clock)
    import_export(ed[1], export(ward_5a[1], tmp_path / "stick-5a").folder)
    panel = window_for(ed[0]).patients
    type_text(panel.search_box, "girard")
    headers = [panel.model.headerData(column, Qt.Orientation.Horizontal) for column in range(panel.model.columnCount())]
    formerly = headers.index("Formerly / identified as")  # a name to come, not a former one
    assert [panel.model.rows[0].patient.downtime_number] == ["DT-001-00001-7"]
    assert panel.model.text(0, formerly) == "identified as GIRARD Thomas Paul on another laptop (on hold)"
    assert not panel.table.isColumnHidden(formerly)
