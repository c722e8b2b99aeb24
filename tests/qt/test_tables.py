"""The list helpers every tab shares."""

from PySide6.QtWidgets import QTableView

from downtime.qt.tables import TextTableModel, cut_column, make_table


class _Lines(TextTableModel):
    columns = ("Time", "Status", "Patient")

    def texts(self, row: int) -> tuple[str, ...]:
        return self.rows[row]


def _shown(qtbot) -> tuple[_Lines, QTableView]:
    """A list of lines shown 900 pixels wide."""
    model = _Lines()
    table = make_table(model, "lines", lambda: None)
    qtbot.addWidget(table)
    table.resize(900, 300)
    table.show()
    qtbot.waitExposed(table)
    return model, table


def test_a_long_column_is_cut_at_its_characters_and_within_the_lists_width(qtbot):
    """One rule for the theatre board's status and the back-entry tab's to-do: a column fitted
    to a long text is cut at so many characters; asked to, within the list's width from its
    left edge, but never narrower than its least."""
    model, table = _shown(qtbot)
    model.set_rows([("08:00", "booked — CLASH, move one: " + "theatre T1 is booked 08:00-09:00; " * 20, "MARTIN")])
    character = table.fontMetrics().averageCharWidth()
    fitted = table.columnWidth(1)
    assert fitted > character * 60
    cut_column(table, 1, 40)
    assert table.columnWidth(1) == character * 40
    cut_column(table, 1, 200, fitted=fitted, least=12)
    room = table.viewport().width() - table.horizontalHeader().sectionPosition(1)
    assert table.columnWidth(1) == room < character * 200
    table.resize(80, 300)
    qtbot.waitUntil(lambda: table.viewport().width() - table.horizontalHeader().sectionPosition(1) < character * 12)
    cut_column(table, 1, 200, fitted=fitted, least=12)
    assert table.columnWidth(1) == character * 12
    short = table.columnWidth(0)
    cut_column(table, 0, 40)
    assert table.columnWidth(0) == short, "a column narrower than its cut keeps its width"


def test_a_column_sized_by_hand_keeps_its_width_when_the_list_is_read_again(qtbot):
    """The MAR and the round are read again each minute: a medicine's column dragged wider to
    read its flags snapped back within the minute. The person's width stays, through the cut of
    a long column too, until they double-click its edge to fit it again."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    model, table = _shown(qtbot)
    lines = [("08:00", "booked — " + "a long status " * 20, "MARTIN")]
    model.set_rows(lines)
    cut_column(table, 1, 20)
    fitted, cut = table.columnWidth(0), table.columnWidth(1)
    header = table.horizontalHeader()

    def drag(column: int, by: int) -> None:
        edge = QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) - 1, header.height() // 2)
        QTest.mousePress(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, edge)
        QTest.mouseMove(header.viewport(), edge + QPoint(by, 0))
        QTest.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                           edge + QPoint(by, 0))

    drag(0, 60)
    drag(1, 150)
    widened = table.columnWidth(0), table.columnWidth(1)
    assert widened[0] >= fitted + 50 and widened[1] >= cut + 140
    model.set_rows(lines)  # read again
    cut_column(table, 1, 20)
    assert (table.columnWidth(0), table.columnWidth(1)) == widened
    edge = QPoint(header.sectionViewportPosition(0) + header.sectionSize(0) - 1, header.height() // 2)
    QTest.mouseDClick(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, edge)
    model.set_rows(lines)
    assert table.columnWidth(0) == fitted and table.columnWidth(1) == widened[1]


def test_enter_straight_after_characters_typed_into_a_list_opens_nothing(qtbot):
    """A wristband scanned with a list in focus types its number into the list's keyboard
    search, then Enter: the Enter opened the line still selected, the previous patient's. An
    Enter of its own (the arrow keys, then Enter) opens the line."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    opened: list[int] = []
    model = _Lines()
    table = make_table(model, "lines", lambda: opened.append(table.currentIndex().row()))
    qtbot.addWidget(table)
    table.show()
    qtbot.waitExposed(table)
    model.set_rows([("08:00", "booked", "MARTIN"), ("09:00", "booked", "ROUX")])
    table.setFocus()
    table.selectRow(0)
    QTest.keyClicks(table, "DT-042-00002-6")
    QTest.keyClick(table, Qt.Key.Key_Return)
    assert opened == []
    QTest.keyClick(table, Qt.Key.Key_Down)
    QTest.keyClick(table, Qt.Key.Key_Return)
    assert opened == [1]
