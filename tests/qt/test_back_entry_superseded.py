"""The Back-entry tab records the version a clerk entered in the EHR from a line read before the
ward's next stick brought a later one: the tick was refused ("This record now stands at version
2; review that version first"), and the line then read a plain "enter", the EHR's stay never
corrected, or entered twice."""

from PySide6.QtCore import Qt

from downtime.services import records
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from tests.qt.test_data_transfer import _back_entry_tab


def test_a_line_ticked_after_the_ward_amended_it_is_recorded_and_then_says_what_to_correct(
        qtbot, tmp_path, laptop, clock, admission_values, answers):
    nurse, ward_clerk = laptop(tmp_path / "ward.sqlite", 1)
    saved = records.save_new(nurse, "admission", admission_values)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, export(ward_clerk, tmp_path / "s1").folder)
    main, panel = _back_entry_tab(qtbot, office)
    row = next(row for row in range(panel.model.rowCount())
               if panel.model.rows[row][1].record.record_id == saved.record_id)
    panel.table.selectRow(row)
    # The clerk types version 1 into the EHR while the ward's next stick is imported elsewhere.
    clock.advance(minutes=30)
    records.amend(nurse, saved.record_id, {**admission_values, "bed": "15"}, "moved to bed 15")
    import_export(office, export(ward_clerk, tmp_path / "s2", since_last=True).folder)
    script, asked = answers
    script["text"] = ["ADM-4711"]
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert ("info", "Recorded: version 1 is in the EHR. The record now stands at version 2: its line says what to "
                    "correct or withdraw there.") in asked, asked
    assert not [said for said in asked if said[0] == "error"], asked
    qtbot.waitUntil(lambda: not panel.reader.busy, timeout=60_000)
    lines = [item.to_do for _, item in panel.model.rows if item.record.record_id == saved.record_id]
    assert lines == ["correct in the EHR (version 1 was entered, EHR reference ADM-4711) — Bed: 12 → 15"]
