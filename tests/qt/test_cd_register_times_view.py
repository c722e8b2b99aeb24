"""The register tab's page the night the clocks go back: two lines an hour apart, at 02:30
summer time and 02:30 winter time, say which 02:30, as the printed page does (see
tests/test_cd_register_times.py): they read as one minute, a double dose to whoever audits it."""

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from downtime.services import cd_register, wards

PARIS = ZoneInfo("Europe/Paris")
WITNESS = ("doctor", "2222")


def test_the_register_tab_says_which_02_30_each_line_was_written_at(window_for, session_for, clock):
    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    nurse = session_for("nurse")
    for fold in (0, 1):
        clock.now = datetime(2026, 10, 25, 2, 30, fold=fold, tzinfo=PARIS)
        cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 10, witness=WITNESS)
    window = window_for(nurse)
    window.show_cd_register()
    panel = window.cd_register
    table = panel.stock_table
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(panel.stock.index(0, 0)).center())
    lines = panel.lines
    assert [lines.texts(row)[0] for row in range(lines.rowCount())] == [
        "25/10/2026 02:30 +02:00", "25/10/2026 02:30 +01:00"]
