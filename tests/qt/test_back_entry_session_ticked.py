"""Ticking off a theatre session on the Back-entry tab: every booking line pointing to it kept
saying "enter first … Theatre session … not in the EHR yet" until the whole list was read
again, and a clerk working down the list entered the session twice, or skipped the bookings."""

from PySide6.QtCore import Qt

from tests.qt.test_data_transfer import _office_tab


def test_the_bookings_of_a_session_ticked_off_no_longer_say_to_enter_it_first(qtbot, tmp_path, forms, clock, laptop,
                                                                             demo_database, answers):
    _, panel = _office_tab(qtbot, tmp_path, forms, clock, laptop, demo_database)
    while panel.model.canFetchMore():
        panel.model.fetchMore()
    waiting = [item for _, item in panel.model.rows if item.waits_for]
    assert waiting
    target = next(str(waiting[0].record.data[name]) for name in ("session", "booking")
                  if waiting[0].record.data.get(name))
    pointing = {item.record.record_id for item in waiting
                if target in {str(value) for value in item.record.data.values()}}
    panel.table.selectRow(next(row for row, (group, item) in enumerate(panel.model.rows)
                               if group.patient is None and item.record.record_id == target))
    script, _ = answers
    script["text"] = ["SESSION-1"]
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not panel.reader.busy, timeout=60_000)
    shown = [item.to_do for _, item in panel.model.rows if item.record.record_id in pointing]
    assert shown and not [to_do for to_do in shown if "enter first" in to_do], shown
