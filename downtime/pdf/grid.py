"""Form grids drawn straight onto the canvas, with the cells, padding, spans and rules
platypus's Table gives them, for grids whose layout is fixed (the MAR chart).

A Table styles every cell through a per-cell lookup and saves the graphics state around it:
with the Paragraphs in its cells, that cost most of a ward's MAR pack. Cells here are
`downtime.pdf.lines.Lines`, whose text all goes into one text object."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from itertools import groupby

from reportlab.lib.colors import Color, HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from downtime.pdf.lines import Lines

# Table's default cell padding.
PAD_X = 6.0
PAD_TOP = 3.0
HEADER_PAD_BOTTOM = 3.0
# An empty cell keeps the height of one line of Table's default cell text (10 pt on a 12 pt
# leading): the room a nurse writes in.
EMPTY_HEIGHT = 12.0
FUZZ = 1e-6
# The room, as a share of a page, from which a row taller than a page begins under the rows above
# it rather than on a page of its own (census.CUT_FROM, the census's long line).
CUT_FROM = 0.15
# A crossed cell's hatching (see Grid): thin grey lines rising to the right, far enough apart to
# read as a screen over the box on a black and white print, not as writing in it.
HATCH = HexColor("#8c8c8c")
HATCH_WIDTH = 0.5
HATCH_STEP = 5.0
HATCH_FORM = "downtime-hatching"
HATCH_SIDE = 1200.0
"""The hatching form's square, in points: wider and taller than any grid on an A4 page."""


Cell = Lines | None
"""A cell's content; None is an empty cell."""


class Grid(Flowable):
    """Rows of cells under `header_rows` header rows (shaded `fill`, repeated on every page the
    grid runs onto), ruled in `rule`; `spans` are (first, last) rows whose first-column cell is
    one, the first row's. Cells are top-aligned; a row is as tall as its tallest cell, and a
    spanned cell taller than its rows shares the difference among them. Pages break between
    rows, not inside a span, but for a first row (with its span) taller than a page: its
    first cell is cut across the page (see `_cut`), its rest under `continued`, the words
    heading it again by its row. `crossed`: (row, column) of the cells hatched through, as a
    paper chart's boxes not to be written in are; each row's run of them is hatched as one
    area, all in one path, every run's lines on one pattern. `kept_under`: the height of
    what heads the grid on its page and starts a page with it (its section's band)."""

    def __init__(self, widths: Sequence[float], rows: Sequence[Sequence[Cell]], *, fill: Color,
                 rule: Color | None = None, rule_width: float = 0.5, header_rows: int = 1,
                 bottom_padding: float = HEADER_PAD_BOTTOM, spans: Sequence[tuple[int, int]] = (),
                 heights: Sequence[float] | None = None, crossed: Collection[tuple[int, int]] = (),
                 continued: Mapping[int, str] | None = None, kept_under: float = 0.0) -> None:
        super().__init__()
        self.widths = list(widths)
        self.rows = [list(row) for row in rows]
        self.fill, self.rule, self.rule_width = fill, rule, rule_width
        self.header_rows, self.bottom_padding = header_rows, bottom_padding
        self.spans = [(first, last) for first, last in spans if last > first]
        self.covered = {row for first, last in self.spans for row in range(first + 1, last + 1)}
        self.crossed = frozenset(crossed)
        self.continued = dict(continued or {})
        self.kept_under = kept_under
        self.edges = [0.0]
        for column_width in self.widths:
            self.edges.append(self.edges[-1] + column_width)
        self.heights = list(heights) if heights is not None else self._row_heights()
        self.width, self.height = self.edges[-1], sum(self.heights)

    def _padding(self, row: int) -> float:
        return PAD_TOP + (HEADER_PAD_BOTTOM if row < self.header_rows else self.bottom_padding)

    def _content_height(self, cell: Cell, column: int) -> float:
        if cell is None:
            return EMPTY_HEIGHT
        return cell.wrap(self.widths[column] - 2 * PAD_X, 72000)[1]

    def _row_heights(self) -> list[float]:
        starts = {first for first, _ in self.spans}
        heights = []
        for index, row in enumerate(self.rows):
            heights.append(max((self._content_height(cell, column) + self._padding(index)
                                for column, cell in enumerate(row)
                                if column or (index not in starts and index not in self.covered)), default=0.0))
        for first, last in self.spans:
            needed = self._content_height(self.rows[first][0], 0) + self._padding(first)
            have = sum(heights[first:last + 1])
            if have < needed - FUZZ:
                extra = (needed - have) / (last - first + 1)
                heights[first:last + 1] = [height + extra for height in heights[first:last + 1]]
        return heights

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def lead_height(self) -> float:
        """The height of the header rows and the first body row with its span: the least of
        the grid a page can begin it with."""
        first = next((last for start, last in self.spans if start == self.header_rows), self.header_rows)
        return sum(self.heights[:first + 1])

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        used, at = 0.0, 0
        for count, height in enumerate(self.heights, start=1):
            if used + height > available_height:
                break
            if count not in self.covered:
                at = count
            used += height
        if at == len(self.rows):
            return [self]
        block = max(at, self.header_rows)
        room = available_height - sum(self.heights[:block])
        if self._taller_than_a_page(block) and (block == self.header_rows or room >= CUT_FROM * self._page()):
            if cut := self._cut(block, room):
                return cut
        if at <= self.header_rows:
            return []
        header = range(self.header_rows)
        return [self._part(range(at)), self._part([*header, *range(at, len(self.rows))])]

    def _part(self, rows: Sequence[int]) -> Grid:
        position = {row: index for index, row in enumerate(rows)}
        return Grid(self.widths, [self.rows[row] for row in rows], fill=self.fill, rule=self.rule,
                    rule_width=self.rule_width, header_rows=self.header_rows, bottom_padding=self.bottom_padding,
                    spans=[(position[first], position[last]) for first, last in self.spans if first in position],
                    heights=[self.heights[row] for row in rows],
                    crossed=[(position[row], column) for row, column in self.crossed if row in position],
                    continued={position[row]: said for row, said in self.continued.items() if row in position})

    def _page(self) -> float:
        """The height of a page's frame, as the frame splitting the grid gives it (the grid's
        own height when it is not split by one)."""
        frame = getattr(self, "_frame", None)
        return frame._aH if frame is not None else self.height

    def _last_of(self, row: int) -> int:
        """The last row of the span `row` begins, `row` when it begins none."""
        return next((last for first, last in self.spans if first == row), row)

    def _taller_than_a_page(self, row: int) -> bool:
        """Whether the row (with its span) under the header rows is taller than a page, under
        what the grid starts a page with (`kept_under`) for its first row: moved onto the next
        page, it would not fit there either (reportlab gave up, and the chart did not print), or
        would leave the band alone at the foot of a page."""
        above = self.kept_under if row == self.header_rows else 0.0
        height = sum(self.heights[:self.header_rows]) + sum(self.heights[row:self._last_of(row) + 1])
        return height > self._page() - above + FUZZ

    def _cut(self, first: int, room: float) -> list[Flowable]:
        """The grid cut across the row `first` (with its span), `room` left for it on the page:
        the rows of its span that fit go on this page, its first cell's lines that fit beside
        them; the rest of that cell carries on in the next part's first row under its
        `continued` words (a row of its own, its other boxes crossed, when none of the span's
        rows is left: not to be written in). [] when not even one row fits."""
        last = self._last_of(first)
        natural = [max((self._content_height(cell, column) + self._padding(row)
                        for column, cell in enumerate(self.rows[row]) if column), default=0.0)
                   for row in range(first, last + 1)]
        kept, used = 0, 0.0
        for height in natural[:max(last - first, 1)]:
            if used + height > room + FUZZ:
                break
            kept, used = kept + 1, used + height
        cell = self.rows[first][0]
        pieces = [piece for piece in cell.split(self.widths[0] - 2 * PAD_X, room - self._padding(first))
                  if isinstance(piece, Lines)] if cell is not None else []
        start = first + kept
        if cell is None or not kept or not pieces or (len(pieces) == 1 and start > last):
            return []
        top, rest = (pieces[0], pieces[1]) if len(pieces) == 2 else (cell, None)
        heading = self.continued.get(first)
        said = "\n".join(part for part in (heading, rest.value if rest is not None else None) if part)
        carried: Cell = Lines(said, (rest or top).style) if said else None
        added = start > last
        leading = [carried] + [None] * (len(self.widths) - 1) if added else [carried, *self.rows[start][1:]]
        below = range(start + (0 if added else 1), len(self.rows))
        header = self.header_rows
        shift = header + 1 - below.start  # a row below's index in the rest
        crossed = [(row + shift, column) for row, column in self.crossed if row >= start]
        crossed += [(header, column) for column in range(1, len(self.widths))] if added else []
        return [
            Grid(self.widths, [*self.rows[:first], [top, *self.rows[first][1:]], *self.rows[first + 1:start]],
                 fill=self.fill, rule=self.rule, rule_width=self.rule_width, header_rows=header,
                 bottom_padding=self.bottom_padding,
                 spans=[*((begin, end) for begin, end in self.spans if begin < first), (first, start - 1)],
                 crossed=[(row, column) for row, column in self.crossed if row < start]),
            Grid(self.widths, [*self.rows[:header], leading, *(self.rows[row] for row in below)], fill=self.fill,
                 rule=self.rule, rule_width=self.rule_width, header_rows=header, bottom_padding=self.bottom_padding,
                 spans=[(header, last + shift), *((begin + shift, end + shift) for begin, end in self.spans if begin > last)],
                 crossed=[*crossed, *((row, column) for row, column in self.crossed if row < header)],
                 continued={**({header: heading} if heading else {}),
                            **{row + shift: words for row, words in self.continued.items() if row > last}})]

    def draw(self) -> None:
        canv = self.canv
        tops = [self.height]
        for height in self.heights:
            tops.append(tops[-1] - height)
        canv.saveState()
        canv.setFillColor(self.fill)
        canv.rect(0, tops[0], self.width, tops[self.header_rows] - tops[0], stroke=0, fill=1)
        if self.crossed:
            self._draw_hatching(tops)
        words, setting = canv.beginText(), None
        for index, row in enumerate(self.rows):
            for column, cell in enumerate(row):
                if cell is None or (column == 0 and index in self.covered):
                    continue
                setting = cell.write(words, self.edges[column] + PAD_X, tops[index] - PAD_TOP, setting)
        canv.drawText(words)
        if self.rule is not None:
            self._draw_rules(tops)
        canv.restoreState()

    def _runs(self) -> list[tuple[int, int, int]]:
        """(row, first column, last column) of each run of crossed cells side by side."""
        runs = []
        for row, cells in groupby(sorted(self.crossed), key=lambda cell: cell[0]):
            columns = [column for _, column in cells]
            for _, run in groupby(enumerate(columns), key=lambda item: item[1] - item[0]):
                found = [column for _, column in run]
                runs.append((row, found[0], found[-1]))
        return runs

    def _draw_hatching(self, tops: list[float]) -> None:
        """The runs clipped, and the document's one hatching form drawn through them: every run
        of the grid on one pattern, and each grid writes its runs' boxes alone (drawn run by run,
        each line's numbers written out by reportlab, the hatching took a sixth of a ward's MAR
        pack)."""
        canv = self.canv
        area = canv.beginPath()
        for row, first, last in self._runs():
            area.rect(self.edges[first], tops[row + 1], self.edges[last + 1] - self.edges[first], tops[row] - tops[row + 1])
        _hatching_form(canv)
        canv.saveState()
        canv.clipPath(area, stroke=0, fill=0)
        canv.doForm(HATCH_FORM)
        canv.restoreState()

    def _draw_rules(self, tops: list[float]) -> None:
        """The segments a Table's GRID draws, in its order (overlapping ends then blend alike):
        the box, then each inner row line (not through a span), then each inner column line."""
        canv, right, bottom = self.canv, self.edges[-1], tops[-1]
        canv.setLineCap(1)
        canv.setLineJoin(1)
        canv.setStrokeColor(self.rule)
        canv.setLineWidth(self.rule_width)
        canv.line(0, tops[0], right, tops[0])
        canv.line(0, bottom, right, bottom)
        canv.line(0, bottom, 0, tops[0])
        canv.line(right, bottom, right, tops[0])
        for index in range(1, len(self.rows)):
            canv.line(self.edges[1] if index in self.covered else 0, tops[index], right, tops[index])
        for edge in self.edges[1:-1]:
            canv.line(edge, bottom, edge, tops[0])


def _hatching_form(canv: Canvas) -> None:
    """Lines x - y = c, c a multiple of HATCH_STEP, across HATCH_SIDE square, made once in a
    document as a form every grid's hatched runs show through."""
    if canv.hasForm(HATCH_FORM):
        return
    canv.beginForm(HATCH_FORM, 0, 0, HATCH_SIDE, HATCH_SIDE)
    canv.setStrokeColor(HATCH)
    canv.setLineWidth(HATCH_WIDTH)
    lines = canv.beginPath()
    c = -HATCH_SIDE + HATCH_STEP
    while c < HATCH_SIDE:
        start, end = max(0.0, c), min(HATCH_SIDE, c + HATCH_SIDE)
        lines.moveTo(start, start - c)
        lines.lineTo(end, end - c)
        c += HATCH_STEP
    canv.drawPath(lines, stroke=1, fill=0)
    canv.endForm()
