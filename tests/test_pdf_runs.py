"""Text in runs of their own font, size or colour (a heading's bold name, a tick box larger than
its answer) fitted by the rule of the cells' plain text: broken at spaces, after a word's own
hyphens, set smaller together down to 6 pt, and only then split with a hyphen."""

import re

from hypothesis import given
from hypothesis import strategies as st
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from downtime.pdf.lines import FLOOR, pieces, words
from downtime.pdf.page import BOLD, CONDENSED, SANS, style
from downtime.pdf.runs import Run, RunLines, fit_runs


def test_runs_too_wide_are_set_smaller_together_and_kept_whole():
    """A worklist heading's bold name wider than its line sets the whole heading smaller."""
    fitted = fit_runs([Run("WOLFESCHLEGELSTEINHAUSEN", BOLD), Run(" — born 12-Mar-1954")], style(size=10), 130)
    assert FLOOR / 10 <= fitted.scale < 1
    assert ["".join(text for text, _ in line) for line in fitted.lines] == ["WOLFESCHLEGELSTEINHAUSEN",
                                                                           "— born 12-Mar-1954"]


def test_a_run_too_wide_even_at_the_floor_is_split_with_a_hyphen_in_its_own_ink():
    fitted = fit_runs([Run("Dr "), Run("Wolfeschlegelsteinhausenbergerdorff", BOLD, color=colors.red)],
                      style(size=9), 40)
    assert fitted.scale == FLOOR / 9
    parts = fitted.lines[1:]
    assert len(parts) > 1 and all(line[-1][0].endswith("-") and line[-1][1].font == BOLD for line in parts[:-1])


def test_a_tick_box_joined_to_its_answer_by_a_no_break_space_stays_with_it():
    fitted = fit_runs([Run("☐", size=11), Run("\u00a0Private\u00a0vehicle   "), Run("☐", size=11), Run("\u00a0VSL")],
                      style(size=8.5), 80)
    assert [line[0][0] for line in fitted.lines] == ["☐", "☐"]


def test_runs_taller_than_a_page_split_between_their_lines_at_the_scale_they_were_set():
    lines = RunLines([Run(" ".join(["PAPADOPOULOPOULOS"] * 8), BOLD), Run("\nnote", color=colors.red)], style(size=10))
    lines.wrap(90, 1000)
    leading = lines.style.leading * lines.fitted.scale
    first, rest = lines.split(90, 3 * leading + 1)
    assert first.wrap(90, 1000)[1] == 3 * leading and rest.wrap(90, 1000)[1] == lines.height - 3 * leading
    assert first.lines + rest.lines == lines.lines and first.fitted.scale == rest.fitted.scale == 1


FONTS = st.sampled_from([SANS, BOLD, CONDENSED])
TEXT = st.lists(st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzÉé0123456789-/()@.\u00a0"), min_size=1,
                        max_size=30), max_size=6).map(" ".join)
RUNS = st.lists(st.builds(lambda text, font, size, newline: Run(("\n" if newline else " ") + text, font, size),
                          TEXT, FONTS, st.sampled_from([None, 6.5, 11.0]), st.booleans()), min_size=1, max_size=5)


@given(RUNS, st.floats(min_value=25, max_value=300), st.sampled_from([7.5, 8.5, 10.0, 11.0]))
def test_every_line_of_runs_fits_and_every_word_that_can_be_whole_is(runs, width, size):
    """From 25 pt wide (the narrowest box printed, a NEWS2 column, is twice that), where a
    letter and a hyphen fit at the floor in any run's size."""
    base = style(size=size)
    fitted = fit_runs(runs, base, width)
    scale = fitted.scale
    assert min(size, FLOOR) / size - 1e-9 <= scale <= 1

    def wide(parts) -> float:
        return sum(stringWidth(text, ink.font, ink.size * scale) for text, ink in parts)

    assert all(wide(line) <= width + 1e-6 for line in fitted.lines)
    printed = "".join(text for line in fitted.lines for text, _ in line)
    # Nothing lost, nothing added but the hyphens of a split word.
    assert re.sub(r"[ \-]", "", printed) == re.sub(r"[ \t\n\-]", "", "".join(run.text for run in runs))
    read = ["".join(text for text, _ in line) for line in fitted.lines]
    for run in runs:
        font, sized = run.font or SANS, (run.size or size) * scale
        for word in words(run.text.replace("\n", " ")):
            for whole in [word] if stringWidth(word, font, sized) <= width else pieces(word):
                if stringWidth(whole, font, sized) <= width:
                    assert any(whole in line for line in read), whole
                else:
                    assert scale == min(size, FLOOR) / size, whole
