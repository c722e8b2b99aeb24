"""The one way the app shows lists: a read-only, keyboard-driven table over a Qt item model."""

from __future__ import annotations

import time
from contextlib import suppress
from weakref import WeakKeyDictionary

from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (QAbstractItemModel, QAbstractTableModel, QEvent, QModelIndex, QObject, QPersistentModelIndex,
                            QRect, Qt)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QSizePolicy, QStyle, QStyleOptionViewItem, QTableView, QWidget

from downtime.errors import UserError, refused_by_disk
from downtime.i18n import QT_TRANSLATE_NOOP
from downtime.paths import data_dir
from downtime.qt.i18n import say, translate, word
from downtime.qt.prompts import Prompts
from downtime.qt.style import warning_colour
from downtime.services.context import Session

Index = QModelIndex | QPersistentModelIndex
SIZED_ROWS = 50  # rows the columns are fitted to: two screens
# An Enter so soon after characters typed into a list (its keyboard search) is a barcode
# scanner's, not the person's choice of the line those characters moved to.
TYPED_THEN_ENTER_S = 0.5


class TextTableModel(QAbstractTableModel):
    """Rows of any kind, shown through `text(row, column)`; words flagged as warnings get the
    warning colour of the mode (style.warning_colour) on top of the words themselves, never
    instead of them."""

    columns: Sequence[str] = ()
    warnings: frozenset[str] = frozenset({"OVERDUE", "LATE"})
    whole_in_tooltip: frozenset[int] = frozenset()
    """Columns whose text may be cut on screen (cut_column, or the last, elided): whole in their tooltip."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Any] = []
        self.read: dict[int, Sequence[str]] = {}

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.read = {}
        self.arrange()
        self.endResetModel()

    def arrange(self) -> None:
        """Put new rows in the order the list shows them: as read, unless the model sorts."""

    def texts(self, row: int) -> Sequence[str]:
        """Each column's text of that row."""
        raise TypeError(f"{type(self).__name__} must say how its rows read")

    def text(self, row: int, column: int) -> str:
        """A cell's text, each row's worked out once until the rows change (set_rows; rows added
        at the end keep the others'): Qt asks for a cell's text at every paint and in more than
        one role, and sorting or sizing the columns asks for thousands."""
        found = self.read.get(row)
        if found is None:
            found = self.read[row] = self.texts(row)
        return found[column]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return word(self.columns[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole or (role == Qt.ItemDataRole.ToolTipRole
                                                   and index.column() in self.whole_in_tooltip):
            return self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.ForegroundRole and self.is_warning(index.row(), index.column()):
            return warning_colour()
        return None

    def is_warning(self, row: int, column: int) -> bool:
        return self.text(row, column) in {word(warning) for warning in self.warnings}


def show_keeping_choice(table: QTableView, model: TextTableModel, rows: list[Any], key: Callable[[Any], object], *,
                        or_same_line: bool) -> None:
    """Show `rows` in place of the model's, the line chosen staying chosen (the row of the same
    `key`) or, gone and `or_same_line`, the line that followed it before, found by its key (the
    line that takes its place when none of those is left). A list read again after a save lost
    its chosen line: the person's next Enter did nothing, their place in it lost; and with the
    round re-sorted as a dose fell late, the same line number was another patient's dose."""
    index = table.currentIndex()
    chosen = index.row() if index.isValid() else None
    before = [key(row) for row in model.rows]
    model.set_rows(rows)
    if chosen is None or not model.rows:
        return
    now = {key(row): number for number, row in reversed(list(enumerate(model.rows)))}
    wanted = before[chosen:] if or_same_line else before[chosen:chosen + 1]
    found = next((now[was] for was in wanted if was in now), None)
    if found is None and or_same_line:
        found = min(chosen, len(model.rows) - 1)
    if found is not None:
        table.selectRow(found)


class ListTable(QTableView):
    """A list whose columns are fitted to its rows each time it is read (`fit_columns`), but
    for a column the person dragged wider or narrower, which keeps their width until they
    double-click its edge (Qt's fit to contents). The MAR and the round are read again each
    minute, the other lists after every save: a medicine's column widened to read its flags
    snapped back within the minute."""

    def __init__(self) -> None:
        super().__init__()
        self.by_hand: dict[int, int] = {}
        self._dragging = False
        self._typed_at: float | None = None
        """When characters were last typed into the list, until another key (see `keyPressEvent`)."""
        header = self.horizontalHeader()
        header.viewport().installEventFilter(self)
        header.sectionResized.connect(self._resized)
        header.sectionHandleDoubleClicked.connect(lambda column: self.by_hand.pop(column, None))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() is QEvent.Type.MouseButtonPress:
            self._dragging = True
        elif event.type() is QEvent.Type.MouseButtonRelease:
            self._dragging = False
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """An Enter straight after characters typed into the list opens nothing: a wristband
        scanned with the list in focus typed its number into the list's keyboard search, and
        the scanner's Enter opened the line still selected, the previous patient's."""
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and self._typed_at is not None and time.monotonic() - self._typed_at < TYPED_THEN_ENTER_S:
            self._typed_at = None
            event.accept()
            return
        typed = event.text()
        plain = not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        self._typed_at = time.monotonic() if typed and typed.isprintable() and plain else None
        super().keyPressEvent(event)

    def _resized(self, column: int, _old: int, width: int) -> None:
        """A drag resizes the stretched last column too, which no one chose."""
        header = self.horizontalHeader()
        if self._dragging and not (header.stretchLastSection() and column == header.count() - 1):
            self.by_hand[column] = width

    def fit_columns(self) -> None:
        self.resizeColumnsToContents()
        for column, width in self.by_hand.items():
            self.setColumnWidth(column, width)


def make_table(model: QAbstractItemModel, name: str, activated: Callable[[], Any]) -> ListTable:
    """Whole-row selection, no editing, Enter or double-click to open, Tab to leave. The columns fit the
    first rows each time the list is read (a column can then be dragged wider): Qt's own
    fit-to-contents measured them again at every show and layout, half a second each time for
    a hospital's 800 in-patients, and measuring every row of a long list would freeze the screen."""
    table = ListTable()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    # Tab leaves the list for the buttons beside it, the arrows move within it: Tab went from cell
    # to cell and round again, and the chart's Record a dose or Print were out of the keyboard's reach.
    table.setTabKeyNavigation(False)
    table.horizontalHeader().setResizeContentsPrecision(SIZED_ROWS)
    table.horizontalHeader().setStretchLastSection(True)
    model.modelReset.connect(table.fit_columns)
    model.rowsInserted.connect(lambda parent, first, last: first == 0 and table.fit_columns())
    table.fit_columns()
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    table.activated.connect(lambda index: activated())
    table.setAccessibleName(name)
    return table


def shares_height(table: QTableView, lines: int = 3) -> None:
    """A list that takes the height its tab has left, down to its header and `lines` lines, so
    the lines and buttons around it stay on screen: laid out at the lists' own preferred heights,
    a tab of two lists put its buttons under the bottom edge of a 768-pixel screen, behind a
    scrollbar."""
    table.setSizePolicy(table.sizePolicy().horizontalPolicy(), QSizePolicy.Policy.Ignored)
    table.setMinimumHeight(table.horizontalHeader().sizeHint().height()
                           + lines * table.verticalHeader().defaultSectionSize())


def cut_column(table: QTableView, column: int, characters: int, fitted: int | None = None,
               least: int | None = None, room: int = 0, *, the_rest_in_sight: bool = False) -> None:
    """Cut a column fitted to its rows (make_table; `fitted`: the width it was fitted to, when
    kept) at `characters` average characters, or at `room` pixels when wider: a long status or
    to-do (a merged hospital's clashes, a hold's instructions) pushed the patient's name and the
    columns after it off the screen; the tooltip or a pane has it whole. `least`: also within
    the list's width from the column's left edge (and, `the_rest_in_sight`, less the columns
    after it), but never narrower than that many characters ("ENTER", "À SAISIR"). Not a column
    the person sized by hand (`ListTable`)."""
    if isinstance(table, ListTable) and column in table.by_hand:
        return
    character = table.fontMetrics().averageCharWidth()
    width = min(table.columnWidth(column) if fitted is None else fitted, max(character * characters, room))
    if least is not None:
        room = table.viewport().width() - table.horizontalHeader().sectionPosition(column)
        if the_rest_in_sight:
            room -= sum(_needed(table, after) for after in range(column + 1, table.model().columnCount()))
        width = min(width, max(room, character * least))
    table.setColumnWidth(column, width)


def _needed(table: QTableView, column: int) -> int:
    """The column's width, the last one's without the room it was stretched to fill (Qt keeps
    it at least its default section's width)."""
    header = table.horizontalHeader()
    if table.isColumnHidden(column):
        return 0
    if header.stretchLastSection() and column == header.count() - 1:
        return max(header.sectionSizeHint(column), table.sizeHintForColumn(column), header.defaultSectionSize())
    return table.columnWidth(column)


class ColumnsCut(QObject):
    """Columns of a list fitted to its rows (make_table) cut again from the widths they were
    fitted to each time the list is read and whenever its width changes (the window resized, a
    scroll bar come or gone): `cut` is given those widths. Cut once, as the list was read, a
    column stayed as narrow once the window was widened, or as wide once it was narrowed."""

    def __init__(self, table: QTableView, columns: Sequence[int], cut: Callable[[Mapping[int, int]], None]) -> None:
        super().__init__(table)
        self.table, self.columns, self.cut = table, columns, cut
        self.fitted: dict[int, int] = {}
        model = table.model()
        model.modelReset.connect(self.fit)
        model.rowsInserted.connect(lambda parent, first, last: first == 0 and self.fit())
        table.viewport().installEventFilter(self)

    def fit(self) -> None:
        """After the columns are fitted to the rows: their widths kept, and cut."""
        self.fitted = {column: self.table.columnWidth(column) for column in self.columns}
        self.cut(self.fitted)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize and self.fitted:
            self.cut(self.fitted)
        return False


WRAPPED_HEIGHTS_KEPT = 20_000
"""Row heights `wrap_columns` keeps per list before it forgets them all and measures again."""
_wrapped_heights: WeakKeyDictionary[QTableView, dict[tuple[object, ...], int]] = WeakKeyDictionary()


def wrap_columns(table: QTableView, characters: Mapping[int, int], measured: Collection[int] = ()) -> None:
    """Bound these columns, fitted to their rows (make_table), at so many average characters
    each, and give each row whose text there is wider, or runs over lines, the height to show it
    whole, wrapped: on a list read to act on every word (whom to ring, and that they are not told
    yet), the words cut at the screen's edge were the ones needed. Only those rows are measured:
    Qt's fit of every row measures every cell of a long list. A row of the same words at the
    same widths as one measured before takes its height: a hospital's list read again after every
    save measured its 1,560 wrapped rows again, a second with the window frozen. A stretched last
    column keeps the room it is given, and is wrapped at that width. `measured`: columns left at
    the width they have, whose rows are measured as these are (a doctor's plan in the escalation
    list's last column lost its last line, "observations every 4 hours", at 1024 pixels)."""
    header = table.horizontalHeader()
    for column, count in characters.items():
        if not (header.stretchLastSection() and column == header.count() - 1):
            cut_column(table, column, count)
    table.setWordWrap(True)
    model, metrics = table.model(), table.fontMetrics()
    margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
    heights = _wrapped_heights.setdefault(table, {})
    if len(heights) > WRAPPED_HEIGHTS_KEPT:
        heights.clear()
    columns = range(model.columnCount())
    widths = {column: table.columnWidth(column) for column in columns}
    last, stretched = header.count() - 1, header.stretchLastSection()
    if stretched:
        # The room Qt stretches it to once the header follows the list's new width (a scroll bar
        # come), after this: measured at the width it had, a plan's last line was cut.
        widths[last] = max(header.defaultSectionSize(), table.viewport().width() - sum(
            width for column, width in widths.items() if column != last and not table.isColumnHidden(column)))
    laid_out = (table.font().key(), *widths.values())
    # A list's own model says its cells' words from those it keeps, not through Qt's index and data.
    cell = model.text if isinstance(model, TextTableModel) else lambda row, column: str(
        model.index(row, column).data() or "")
    for row in range(model.rowCount()):
        texts = {column: cell(row, column) for column in (*characters, *measured)}
        if any("\n" in text or metrics.horizontalAdvance(text) >= widths[column] - margin
               for column, text in texts.items()):
            key = (*laid_out, *(cell(row, column) for column in columns))
            if (height := heights.get(key)) is None:
                table.resizeRowToContents(row)
                height = heights[key] = max(table.rowHeight(row),
                                            _height_at(table, row, last, widths[last]) if stretched else 0)
            table.setRowHeight(row, height)


def _height_at(table: QTableView, row: int, column: int, width: int) -> int:
    """The height the cell takes wrapped at `width`, as Qt's fit of its row measures it at the
    column's own width (QTableView.sizeHintForRow), for a width the column is yet to have."""
    option = QStyleOptionViewItem()
    table.initViewItemOption(option)
    grid = int(table.showGrid())  # a line of the cell's width, under its height
    option.rect = QRect(0, 0, width - grid, max(1, table.rowHeight(row)))
    option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
    index = table.model().index(row, column)
    return table.itemDelegateForIndex(index).sizeHint(option, index).height() + grid


def prints(name: str) -> Path:
    """Where the app writes a print before showing it."""
    return data_dir() / "prints" / f"{name}.pdf"


def clear_prints(parent: QWidget | None) -> None:
    """Close the print previews a window opened and delete every print made: each is patient
    data in a plain PDF, and none may outlive the session that made it (the folder kept the
    last census and MAR charts on a laptop whose database is encrypted; a preview stayed open
    over the sign-in screen for the next person). A PDF still held open elsewhere (a viewer, on
    Windows) is deleted the next time. `parent`: the window whose previews close; None as a
    window opens, for what a crash left, and as it locks, its previews kept (they hold their
    pages in memory) for the same person's return: the files stayed readable all the time the
    laptop sat locked, which the app's lock does not stop anyone opening from the desktop."""
    from downtime.qt.print_preview import PrintPreview

    if parent is not None:
        for preview in parent.findChildren(PrintPreview):
            preview.close()
    for made in (data_dir() / "prints").glob("*.pdf"):
        with suppress(OSError):
            made.unlink()


# A print reportlab could not lay out on its pages (a box longer than a page): said in words, not as
# the window's unexpected error, which told the nurse nothing to do.
TOO_LONG = QT_TRANSLATE_NOOP("messages", "Part of this print is longer than a page, and it could not be laid out. "
                                         "Tell the administrator; meanwhile use the blank forms of the downtime binder.")


def print_and_open(parent: QWidget, session: Session, make: Callable[[Session, Path], Path], name: str, *,
                   outside: bool = False) -> Path | None:
    """Write a PDF into the prints folder with the given service call, then show it in the
    print preview (a window of its own, so the ward screen stays usable beside it; `outside`: a
    print naming no patient, which it may hand to the laptop's PDF viewer). The PDF is
    made on a thread of its own, on a connection of its own, the window painting meanwhile, the
    busy cursor at once and a busy dialog past 0.4 s: the records office's census of every ward is a hundred
    pages and seconds of work, which froze the window."""
    from reportlab.platypus.doctemplate import LayoutError

    from downtime.qt.work import on_own_connection, waited
    from downtime.services.printing import ChartsNotPrinted

    from PySide6.QtGui import QGuiApplication

    out = prints(name)
    opened = session.own_connection()
    try:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            waited(lambda: on_own_connection(opened, lambda own: make(own, out)), translate("Tables", "Writing the print…"))
        finally:
            QGuiApplication.restoreOverrideCursor()
    except ChartsNotPrinted as problem:
        # A ward's pack printed without the charts named: said, and the others shown.
        not_printed(parent, problem)
        if problem.out is None:
            return None
    except UserError as problem:
        not_printed(parent, problem)
        return None
    except OSError as problem:
        not_printed(parent, refused_by_disk(problem))
        return None
    except LayoutError:
        not_printed(parent, UserError(TOO_LONG))
        return None
    show_print(parent, out, outside=outside)
    return out


def show_print(parent: QWidget, out: Path, *, outside: bool = False) -> None:
    from downtime.qt.print_preview import PrintPreview

    PrintPreview(out, parent, outside=outside).show()


def not_printed(parent: QWidget, problem: UserError) -> None:
    Prompts.error(parent, translate("Tables", "Not printed"), say(problem))
