"""The MAR's grid runs onto the next page between orders, never inside one, with its header
row again; text that fits is drawn as lines, text that does not is wrapped."""

from reportlab.lib import colors
from reportlab.platypus import Paragraph

from downtime.pdf.grid import Grid
from downtime.pdf.lines import Lines, text
from downtime.pdf.page import style

STYLE = style(size=7.5, condensed=True, leading=9)


def _grid(times_per_order: list[int]) -> Grid:
    """A header row (15 pt), then each order's rows (18 pt each), its name spanning them."""
    rows: list[list[object]] = [[text("Medicine", STYLE, 100), text("Time", STYLE, 40)]]
    spans = []
    for number, times in enumerate(times_per_order):
        spans.append((len(rows), len(rows) + times - 1))
        rows += [[text(f"Drug {number}", STYLE, 100) if index == 0 else None, text(f"{6 + index:02d}:00", STYLE, 40)]
                 for index in range(times)]
    return Grid([112, 52], rows, fill=colors.grey, rule=colors.black, bottom_padding=6, spans=spans)


def _names(grid: Grid) -> list[str]:
    return [cell.lines[0] for row in grid.rows for cell in row[:1] if isinstance(cell, Lines)]


def test_a_grid_breaks_between_orders_and_repeats_its_header():
    grid = _grid([3, 1, 4, 2])
    assert grid.wrap(164, 1000) == (164, 15 + 10 * 18)
    # 130 pt would hold the header and six rows, but the sixth is inside Drug 2's rows.
    first, rest = grid.split(164, 130)
    assert _names(first) == ["Medicine", "Drug 0", "Drug 1"] and first.height == 15 + 4 * 18
    assert _names(rest) == ["Medicine", "Drug 2", "Drug 3"] and rest.height == 15 + 6 * 18
    assert rest.spans == [(1, 4), (5, 6)]
    assert grid.split(164, 1000) == [grid]


def test_a_grid_that_cannot_fit_its_first_order_moves_whole():
    assert _grid([3, 1]).split(164, 40) == []


def test_a_spanned_name_taller_than_its_rows_shares_the_difference():
    rows = [[text("Medicine", STYLE, 100), text("Time", STYLE, 40)],
            [text("Drug\nline 2\nline 3\nline 4", STYLE, 100), text("06:00", STYLE, 40)],
            [None, text("08:00", STYLE, 40)]]
    grid = Grid([112, 52], rows, fill=colors.grey, bottom_padding=6, spans=[(1, 2)])
    # Four lines (36 pt) and padding (9 pt) over two rows of 18 pt: each grows by 4.5 pt.
    assert grid.heights == [15, 22.5, 22.5]


def test_text_that_fits_is_lines_and_text_that_does_not_wraps():
    assert isinstance(text("Amoxicillin 1 g IV\n27/11 10:00", STYLE, 100), Lines)
    assert text("Amoxicillin   1 g IV", STYLE, 100).lines == ("Amoxicillin 1 g IV",)
    wrapped = text("Piperacillin-tazobactam with a long descriptive name", STYLE, 60)
    assert isinstance(wrapped, Paragraph) and wrapped.wrap(60, 1000)[1] > 9
