"""The MAR's grid runs onto the next page between orders, never inside one, with its header
row again; a cell's text breaks at its spaces and after its hyphens, a word too wide for the
cell is set smaller, and only a word too wide even at the floor is split, with a hyphen."""

import re

from hypothesis import given
from hypothesis import strategies as st
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from downtime.pdf.grid import Grid
from downtime.pdf.lines import FLOOR, Lines, fit, pieces, text, words
from downtime.pdf.page import CONDENSED_BOLD, style

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


def test_text_that_fits_is_drawn_as_typed_and_text_that_does_not_breaks_at_its_spaces():
    assert text("Amoxicillin 1 g IV\n27/11 10:00", STYLE, 100).lines == ("Amoxicillin 1 g IV", "27/11 10:00")
    assert text("Amoxicillin   1 g IV", STYLE, 100).lines == ("Amoxicillin 1 g IV",)
    wrapped = text("Amoxicillin with a long descriptive name", STYLE, 60)
    assert wrapped.lines == ("Amoxicillin with a", "long descriptive", "name")
    assert wrapped.wrap(60, 1000) == (60, 3 * 9)


def test_a_word_wider_than_its_cell_is_set_smaller_and_kept_whole():
    """A surname on the census broke as "PAPADOPOULOPOUL" over "OS"."""
    name = style(size=8, bold=True, condensed=True, leading=9.5)
    cell = text("PAPADOPOULOPOULOS Konstantinos", name, 85)
    assert cell.lines == ("PAPADOPOULOPOULOS", "Konstantinos")
    assert FLOOR <= cell.fitted.size < 8 and cell.fitted.leading == 9.5 * cell.fitted.size / 8
    assert stringWidth("PAPADOPOULOPOULOS", CONDENSED_BOLD, cell.fitted.size) <= 85


def test_a_word_too_wide_breaks_after_its_hyphen_before_it_is_set_smaller():
    cell = text("ALLERGIES: Sulfamethoxazole-trimethoprim (rash)", style(size=8, bold=True, condensed=True), 85)
    assert cell.lines == ("ALLERGIES:", "Sulfamethoxazole-", "trimethoprim (rash)") and cell.fitted.size == 8


def test_a_hyphenated_word_that_fits_a_line_stays_whole():
    """The census's NEWS2 read "3 Low-" over "medium"."""
    assert text("3 Low-medium\n28/11 13:49", style(size=8, bold=True, condensed=True, leading=9.5), 58).lines == (
        "3", "Low-medium", "28/11 13:49")


def test_a_word_too_wide_even_at_the_floor_is_split_with_a_hyphen_at_each_break():
    cell = text("Dr Wolfeschlegelsteinhausenbergerdorff", STYLE, 40)
    assert cell.fitted.size == FLOOR and cell.lines[0] == "Dr"
    parts = cell.lines[1:]
    assert len(parts) > 1 and all(part.endswith("-") for part in parts[:-1])
    assert "".join(part.removesuffix("-") for part in parts) == "Wolfeschlegelsteinhausenbergerdorff"


def test_a_no_break_space_keeps_its_words_on_one_line():
    """The register writes "(written 28/11 10:00)" with no-break spaces, to keep it whole."""
    kept = "(written\u00a028/11\u00a010:00)"
    assert text(f"28/11/2026 09:00 {kept}", STYLE, 80).lines == ("28/11/2026 09:00", kept)


def test_french_spaced_punctuation_never_begins_a_line():
    """A French handover line began "; Latex" and ": risque d'escarre"."""
    assert words("Pénicilline (éruption) ; Latex « gants » : retirer ?") == [
        "Pénicilline", "(éruption)\u00a0;", "Latex", "«\u00a0gants\u00a0»\u00a0:", "retirer\u00a0?"]
    for line in text("Allergies : Pénicilline (éruption, modérée) ; Latex (contact) ; Iode", STYLE, 60).lines:
        assert line[0] not in ":;?!»", line


def test_a_cell_taller_than_a_page_splits_between_its_lines_at_the_size_it_was_set():
    cell = text(" ".join(["PAPADOPOULOPOULOS"] * 10), style(size=8, bold=True, condensed=True, leading=9.5), 85)
    first, rest = cell.split(85, 4 * cell.fitted.leading + 1)
    assert first.wrap(85, 1000)[1] == 4 * cell.fitted.leading
    assert rest.wrap(85, 1000)[1] == 6 * cell.fitted.leading and rest.lines == cell.lines[4:]
    assert first.fitted.size == rest.fitted.size == cell.fitted.size


WORDS = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzÉé0123456789-/()@.\u00a0"), min_size=1, max_size=40)


@given(st.lists(st.lists(WORDS, max_size=8).map(" ".join), min_size=1, max_size=4).map("\n".join),
       st.floats(min_value=10, max_value=300), st.sampled_from([6.0, 7.5, 8.0, 10.0]))
def test_every_line_fits_and_every_word_that_can_be_whole_is(value, width, size):
    font = CONDENSED_BOLD
    fitted = fit(value, font, size, size * 1.2, width)
    assert min(size, FLOOR) <= fitted.size <= size
    assert all(stringWidth(line, font, fitted.size) <= width + 1e-6 for line in fitted.lines)
    # Nothing lost, nothing added but the hyphens of a split word.
    assert re.sub(r"[ \-]", "", "".join(fitted.lines)) == re.sub(r"[ \t\n\-]", "", value)
    for word in words(value.replace("\n", " ")):
        for whole in [word] if stringWidth(word, font, fitted.size) <= width else pieces(word):
            if stringWidth(whole, font, fitted.size) <= width:
                assert any(whole in printed for printed in fitted.lines), whole
            else:
                assert fitted.size == min(size, FLOOR), whole
