"""A MAR chart whose order boxes are long prints every order: the other orders of a medicine
ordered many times are counted, not listed in every box; a box still taller than a page carries
on over the next under "(continued)"; a section's band starts a page with its first order; and
in a ward's pack, a chart that cannot be laid out does not keep the others from printing."""

import re
from datetime import datetime

import pytest
from pypdf import PdfReader
from reportlab.lib import colors
from reportlab.platypus import Flowable

from downtime.pdf import mar
from downtime.pdf.grid import Grid
from downtime.pdf.lines import text
from downtime.pdf.page import PageInfo, body_width, build_pdf, style
from downtime.services import printing, records, wards
from downtime.services.errors import ServiceError

STYLE = style(size=7.5, condensed=True, leading=9)
VANCOMYCIN = "Vancomycin hydrochloride {n:02d}"
BAG = "Vancomycin hydrochloride {n:02d} in glucose 5% 250 mL, made up by pharmacy, batch on the bag's label"


def _pages(path):
    return [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(path).pages]


def _ward(session_for, admission_values, orders: int, times: str = "08:00 20:00", drug: str = VANCOMYCIN) -> str:
    """Ward 3B, its patient in bed 12 with `orders` orders of vancomycin (an antibiotic: each
    to review, as prescribing asks of one), a medicine in each order's name told apart."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    patient = records.save_new(session_for("nurse"), "admission", {
        **admission_values, "arrival_at": "2026-11-27T09:00+01:00"}).patient_id
    for n in range(orders):
        records.save_new(session_for("doctor"), "medication_order", {
            "drug": drug.format(n=n), "dose": 1.0, "dose_unit": "g", "route": "IV", "frequency": "scheduled",
            "times": times, "start_at": "2026-11-27T10:00+01:00", "review_at": "2026-11-30T10:00+01:00",
            "controlled": False, "high_alert": False}, patient_id=patient)
    return patient


def test_a_medicine_ordered_25_times_prints_every_order_each_box_naming_three_others(
        tmp_path, session_for, admission_values):
    """Each box listed every other order of the medicine: 25 orders made each box taller than a
    page, and the chart did not print at all (reportlab's LayoutError)."""
    patient = _ward(session_for, admission_values, 25)
    pages = _pages(printing.print_mar(session_for("nurse"), [patient], tmp_path / "mar.pdf", days=3))
    printed = " ".join(pages)
    assert [n for n in range(25) if f"{VANCOMYCIN.format(n=n)} 1 g IV Start" not in printed] == []
    # 25 orders of it: "before giving both" read as if there were two.
    assert printed.count("and 21 more orders of it on this chart — ask the prescriber before giving more than one of "
                         "these orders") == 25
    # A box a page's quarter or so, not a page each.
    assert len(pages) <= 12


def test_a_medicine_ordered_five_times_names_the_four_others_in_each_box(tmp_path, session_for, admission_values):
    """Four other orders printed "… and 1 more orders of it on this chart": the fourth is named."""
    patient = _ward(session_for, admission_values, 5)
    printed = " ".join(_pages(printing.print_mar(session_for("nurse"), [patient], tmp_path / "mar.pdf", days=3)))
    assert "more orders of it" not in printed and printed.count("ALSO ORDERED:") == 5


@pytest.mark.parametrize("times", ["08:00", "08:00 20:00"])
def test_an_order_box_taller_than_a_page_carries_on_over_the_next_under_continued(
        tmp_path, session_for, admission_values, monkeypatch, times):
    """Every other order named in each box (as before), each box is taller than a page: its words
    carry on at the top of the next page under the order's name and "(continued)", beside its
    times left (hatched, not to be signed, when none is)."""
    monkeypatch.setattr(mar, "ALSO_NAMED", 100, raising=False)
    patient = _ward(session_for, admission_values, 25, times, BAG)
    pages = _pages(printing.print_mar(session_for("nurse"), [patient], tmp_path / "mar.pdf", days=3))
    printed = " ".join(pages)
    assert [n for n in range(25) if f"{BAG.format(n=n)} 1 g IV (continued)" not in printed] == []
    # Its start once, under its name, or under it again "(continued)" where the page ends after its name.
    assert all(printed.count(f"{BAG.format(n=n)} 1 g IV Start") + printed.count(f"{BAG.format(n=n)} 1 g IV (continued) Start")
               == 1 for n in range(25))
    assert printed.count("ALSO ORDERED:") == 25 and "more orders of it" not in printed


def _grid(lines: int, **more) -> Grid:
    """A header row, then an order of `lines` lines over two times, then a short one; `more`:
    the grid's other settings."""
    rows = [[text("Medicine", STYLE, 200), text("Time", STYLE, 40)],
            [text("\n".join(f"Drug 0 line {n}" for n in range(lines)), STYLE, 200), text("08:00", STYLE, 40)],
            [None, text("20:00", STYLE, 40)],
            [text("Drug 1", STYLE, 200), text("08:00", STYLE, 40)]]
    return Grid([212, 52], rows, fill=colors.grey, rule=colors.black, bottom_padding=6, spans=[(1, 2)], **more)


def _info() -> PageInfo:
    return PageInfo(title="Medication administration record", lang="en", printed_by="Test", device_name="Ward 3B",
                    printed_at=datetime.fromisoformat("2026-11-28T14:00+01:00"), landscape=True)


def test_a_grid_row_taller_than_a_page_is_cut_across_it_its_lines_all_printed_once(tmp_path):
    grid = _grid(120, continued={1: "Drug 0 (continued)", 3: "Drug 1 (continued)"})
    pages = _pages(build_pdf(tmp_path / "grid.pdf", [grid], _info()))
    printed = " ".join(pages)
    assert [n for n in range(120) if printed.count(f"Drug 0 line {n} ") != 1] == []
    assert all("Medicine Time" in page for page in pages)
    carried = [page for page in pages[1:] if "Drug 0 line" in page]
    assert len(carried) >= 2 and all(page.count("Drug 0 (continued)") == 1 for page in carried)
    assert "Drug 0 (continued)" not in pages[0] and printed.count("20:00") == 1 and "Drug 1 08:00" in pages[-1]


def test_a_section_band_starts_its_page_with_the_first_order_however_tall(tmp_path):
    """An order too tall for a page under the band, not for a page alone: the band, moved onto a
    page of its own, left the order to the page after (a page holding "Regular medicines" and
    nothing else)."""
    info = _info()
    frame, width = _frame_height(tmp_path, info), body_width(info)
    lines = max(n for n in range(1, 200) if _grid(n).lead_height() <= frame)
    assert _grid(lines).lead_height() > frame - mar._band("Regular medicines", width).height
    story = [text("Allergies: none known", STYLE, 200), *mar._section("Regular medicines", _grid(lines), width)]
    pages = _pages(build_pdf(tmp_path / "band.pdf", story, info))
    assert "Drug 0 line 0 " in next(page for page in pages if "Regular medicines" in page)
    assert [n for n in range(lines) if " ".join(pages).count(f"Drug 0 line {n} ") != 1] == []


class _TallerThanAPage(Flowable):
    """What reportlab cannot lay out on any page: a chart that cannot print."""

    def wrap(self, available_width, available_height):
        return available_width, 10_000

    def split(self, available_width, available_height):
        return []

    def draw(self):
        pass


@pytest.fixture
def martin_cannot_print(session_for, admission_values, monkeypatch):
    """Ward 3B: Mrs MARTIN in bed 12, whose chart cannot be laid out, and Mr ABEL in bed 2 with
    one order. Returns MARTIN's patient id."""
    martin = _ward(session_for, admission_values, 1)
    records.save_new(session_for("nurse"), "admission", {**admission_values, "bed": "2", "birth_name": "Abel",
                                                         "used_name": "", "nir": ""})
    chart = mar._chart
    monkeypatch.setattr(mar, "_chart", lambda shown, *args: chart(shown, *args) + (
        [_TallerThanAPage()] if shown.patient.patient_id == martin else []))
    return martin


def test_a_ward_pack_prints_the_other_charts_and_says_whose_could_not_be(tmp_path, session_for, martin_cannot_print):
    """One chart that could not be laid out took the whole ward's pack down: no patient had a chart."""
    with pytest.raises(ServiceError) as refused:
        printing.print_ward_mar_pack(session_for("nurse"), "3B", tmp_path / "pack.pdf")
    said = refused.value.text("en")
    assert said.startswith("The medication chart of MARTIN Hélène Marie (née LEFÈVRE) (DT-") and (
        "The other patients' charts are printed, and a page in their place says so." in said)
    assert refused.value.out == tmp_path / "pack.pdf"
    pages = _pages(tmp_path / "pack.pdf")
    (abel,) = [page for page in pages if "ABEL" in page and "Allergies" in page or "ALLERGIES" in page and "ABEL" in page]
    assert "Vancomycin" not in abel
    (martin,) = [page for page in pages if "could not be printed" in page]
    assert "MARTIN Hélène Marie" in martin and "Copy their orders by hand onto a blank chart" in martin
    assert "Vancomycin" not in " ".join(pages)


def test_a_chart_that_cannot_be_laid_out_alone_is_refused_in_words(tmp_path, session_for, martin_cannot_print):
    with pytest.raises(ServiceError) as refused:
        printing.print_mar(session_for("nurse", "fr"), [martin_cannot_print], tmp_path / "mar.pdf")
    assert refused.value.out is None and not (tmp_path / "mar.pdf").exists()
    assert refused.value.text("en").endswith("part of it is longer than a page. Copy their orders by hand onto a "
                                             "blank chart (the downtime binder's blank MAR) and tell the administrator.")


def test_the_round_tab_says_whose_chart_is_missing_from_the_pack_and_shows_the_others(
        qtbot, session_for, martin_cannot_print, monkeypatch):
    """The nurse presses "Print the ward's MAR pack": the window said "Unexpected error" and
    nothing printed."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from downtime.qt import tables
    from downtime.qt.main_window import MainWindow
    from downtime.qt.prompts import Prompts

    said, shown = [], []
    monkeypatch.setattr(Prompts, "error", staticmethod(lambda parent, title, words: said.append((title, words))))
    monkeypatch.setattr(tables, "show_print", lambda parent, out, **kwargs: shown.append(out))
    window = MainWindow(session_for("nurse"))
    qtbot.addWidget(window)
    window.show()
    window.show_round()
    panel = window.medication
    panel.ward.setCurrentText("3B")
    QTest.mouseClick(panel.pack_button, Qt.MouseButton.LeftButton)
    ((title, words),) = said
    assert title == "Not printed" and words.startswith("The medication chart of MARTIN Hélène Marie")
    (pack,) = shown
    assert any("ABEL" in page for page in _pages(pack))


def test_a_print_reportlab_cannot_lay_out_is_said_in_words(qtbot, session_for, monkeypatch):
    """Any other print with a part longer than a page: the window's unexpected error told the
    nurse nothing."""
    from PySide6.QtWidgets import QWidget
    from reportlab.platypus.doctemplate import LayoutError

    from downtime.qt.prompts import Prompts
    from downtime.qt.tables import print_and_open

    said = []
    monkeypatch.setattr(Prompts, "error", staticmethod(lambda parent, title, words: said.append(words)))

    def too_long(own, out):
        raise LayoutError("Flowable <Table@0x7f 1 rows x 9 cols> too large on page 3 in frame 'body'")

    parent = QWidget()
    qtbot.addWidget(parent)
    assert print_and_open(parent, session_for("nurse"), too_long, "census") is None
    assert said == ["Part of this print is longer than a page, and it could not be laid out. Tell the "
                    "administrator; meanwhile use the blank forms of the downtime binder."]


def _frame_height(tmp_path, info: PageInfo) -> float:
    """The room a page's frame gives a flowable, as the frame splitting it says."""
    found: list[float] = []

    class Measure(Flowable):
        def wrap(self, available_width, available_height):
            found.append(available_height)
            return 0, 0

        def draw(self):
            pass

    build_pdf(tmp_path / "measure.pdf", [Measure()], info)
    return found[0]


def test_a_chart_that_cannot_be_laid_out_is_found_beside_the_pack_not_in_the_system_temp_folder(
        tmp_path, session_for, martin_cannot_print, monkeypatch):
    """Each chart of the pack was laid out alone in the system's temporary folder to find the
    one that fails, where a crash meanwhile left a patient's whole chart and nothing of the app
    cleared it; beside the pack (the prints folder), the next lock, sign-out or opening does."""
    import tempfile

    system_temp, prints = tmp_path / "system-temp", tmp_path / "prints"
    system_temp.mkdir()
    prints.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_temp))
    real, written = mar.mar_pdf, []
    monkeypatch.setattr(mar, "mar_pdf", lambda charts, out, **kwargs: (written.append(out), real(charts, out, **kwargs))[1])
    with pytest.raises(ServiceError, match="could not be printed"):
        printing.print_ward_mar_pack(session_for("nurse"), "3B", prints / "pack.pdf")
    assert len(written) == 4 and all(out.parent == prints for out in written)
    assert sorted(path.name for path in prints.iterdir()) == ["pack.pdf"] and not list(system_temp.iterdir())
