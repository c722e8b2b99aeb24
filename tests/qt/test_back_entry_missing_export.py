"""The Back-entry tab says in red, above everything, which laptop's stick did not come: the
import's report said it once, to whoever imported, and the clerks working the list later
typed a list lacking that laptop's day without knowing."""

from downtime.sync.import_export import import_export
from tests.qt.test_data_transfer import _back_entry_tab
from tests.test_merge_missing_export import WORKLIST_MISSING, _daily_sticks


def test_the_tab_names_the_stick_to_bring_until_it_is_imported(qtbot, tmp_path, laptop, clock, admission_values):
    (day_1, day_2, day_3), _ = _daily_sticks(tmp_path, laptop, clock, admission_values)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    for stick in (day_1, day_3):
        import_export(office, stick)
    main, panel = _back_entry_tab(qtbot, office)
    assert panel.missing.isVisible() and panel.missing.text() == WORKLIST_MISSING
    assert panel.missing.geometry().bottom() < panel.summary.geometry().top(), "first, above the progress"
    import_export(office, day_2)
    main.refresh_lists()  # as the import wizard's end does
    qtbot.waitUntil(lambda: not panel.reader.busy, timeout=60_000)
    assert not panel.missing.isVisible()
