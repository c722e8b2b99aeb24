"""Holds on the Back-entry tab: it said "0 of 464 entered" and nothing of holds, the one hold was
line 330 of 464, and "Settle the hold…" stayed grey until the clerk came upon it. The progress
now counts the records on hold, and a box shows their lines alone, in the list's order."""

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from downtime.qt.settle_dialog import SettleHoldDialog
from downtime.services import back_entry, records
from downtime.services.back_entry import tally
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from downtime.sync.merge import merge


def _lines(panel) -> list[str]:
    return [panel.model.rows[row][1].record.record_id for row in range(panel.model.rowCount())]


def test_the_progress_counts_the_holds_and_a_box_shows_only_them(qtbot, tmp_path, laptop, disagreeing, monkeypatch,
                                                                 admission_values, answers, type_text, back_entry_tab):
    record, first, second, third, *_ = disagreeing
    nurse, clerk = laptop(tmp_path / "4.sqlite", 4)
    for name, bed in (("Adam", "21"), ("Bernard", "22"), ("Caron", "23")):  # ahead of the hold in name order
        records.save_new(nurse, "admission", {**admission_values, "birth_name": name, "used_name": "", "nir": "",
                                              "bed": bed})
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, merge([first, second, third], tmp_path / "merged").folder)
    import_export(office, export(clerk, tmp_path / "stick-4").folder)
    panel = back_entry_tab(office).back_entry

    whole = _lines(panel)
    assert whole.index(record) > 0
    assert panel.summary.text() == "0 of 5 entered in the EHR — 1 on hold"
    # Under the progress, why the list counts 5 where the merge and the imports counted 7 versions.
    assert panel.tallied.isVisible() and panel.tallied.text() == (
        "5 record(s) on the Back-entry list, one line a record at its latest version, from 7 record version(s) of 5 "
        "record(s): 2 later version(s) of a record (amendments, or versions two laptops wrote otherwise); 2 "
        "version(s) on hold (two laptops wrote them otherwise), kept aside until the hold is settled")
    assert panel.holds_only.text() == "Show only re&cords on hold" and panel.holds_only.isEnabled()
    qtbot.mouseClick(panel.holds_only, Qt.MouseButton.LeftButton)
    assert _lines(panel) == [record]
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    assert panel.settle_button.isEnabled()
    qtbot.mouseClick(panel.holds_only, Qt.MouseButton.LeftButton)
    assert _lines(panel) == whole, "the list's order kept"

    qtbot.mouseClick(panel.holds_only, Qt.MouseButton.LeftButton)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    qtbot.mouseClick(panel.settle_button, Qt.MouseButton.LeftButton)
    dialog = panel.findChild(SettleHoldDialog)
    qtbot.waitActive(dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.versions)
    qtbot.keyClick(dialog.versions, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.versions, Qt.Key.Key_Tab)
    counted_on, counted = [], threading.Event()

    def slow_tally(session):  # a hospital's count, done when the test says
        counted_on.append(threading.current_thread())
        counted.wait(timeout=10)
        return tally(session)

    monkeypatch.setattr(back_entry, "tally", slow_tally)
    with qtbot.waitSignal(dialog.settled):
        type_text(dialog.reason, "Sœur Hélène Martin, 3B")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert _lines(panel) == [] and panel.summary.text() == "0 of 5 entered in the EHR", "the line settled at once"
    # The hospital's versions counted again on a thread of their own (on the window's, 1.4
    # million records froze it for seconds), the list in use meanwhile.
    qtbot.waitUntil(lambda: panel.tallied.text() == "Counting the record versions again…")
    assert counted_on and threading.main_thread() not in counted_on
    qtbot.mouseClick(panel.holds_only, Qt.MouseButton.LeftButton)
    assert not panel.holds_only.isEnabled(), "no hold left to show"
    assert _lines(panel) == whole
    counted.set()
    qtbot.waitUntil(lambda: panel.tallied.text() == (
        "5 record(s) on the Back-entry list, one line a record at its latest version, from 8 record version(s) of 5 "
        "record(s): 3 later version(s) of a record (amendments, or versions two laptops wrote otherwise); 2 "
        "version(s) set aside when their hold was settled"))  # counted again: the version chosen is written anew
    assert panel.summary.text() == "0 of 5 entered in the EHR"
