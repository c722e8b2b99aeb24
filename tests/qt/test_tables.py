"""The list helpers every tab shares."""

from downtime.qt.tables import TextTableModel, cut_column, make_table


class _Lines(TextTableModel):
    columns = ("Time", "Status", "Patient")

    def texts(self, row: int) -> tuple[str, ...]:
        return self.rows[row]


def test_a_long_column_is_cut_at_its_characters_and_within_the_lists_width(qtbot):
    """One rule for the theatre board's status and the back-entry tab's to-do: a column fitted
    to a long text is cut at so many characters; asked to, within the list's width from its
    left edge, but never narrower than its least."""
    model = _Lines()
    table = make_table(model, "lines", lambda: None)
    qtbot.addWidget(table)
    table.resize(900, 300)
    table.show()
    qtbot.waitExposed(table)
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
