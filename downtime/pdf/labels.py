"""Patient ID labels and wristband inserts on common A4 label stock.

Each label: family name in capitals then first names, date of birth as DD-Mmm-YYYY, sex, the
downtime number, a Code128 barcode (many bedside scanners read only linear codes) and a QR code,
both holding exactly the downtime number (the Code128 without the laptop of a number two laptops
gave: see page.number_lines). The stock is a setting because hospitals use different sheets.
A wristband insert also says the patient's allergies, in red unless none is known: at the bedside of
a patient from another ward, the chart not at hand, the band is what the nurse reads. Sheet labels,
stuck on forms and specimen tubes, stay identity only. A patient identified this stay is named on
both by the temporary name they had too ("formerly UNKNOWN MALE ALPHA"), as their samples are.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from downtime.domain.clock import DATED
from downtime.domain.downtime_number import in_bars, taken_apart
from downtime.errors import written_to
from downtime.formspec import Lang
from downtime.i18n import semicolon
from downtime.pdf.forms import allergy_line
from downtime.pdf.lines import Fitted, fit, wrap
from downtime.pdf.page import (
    BOLD, FINE_PRINT, LEADING, QUIET, SANS, SEX, Barcode, allergens, birth_date_label, fit_text, in_words, name_lines,
    number_lines, register_fonts, scannable_barcode, word,
)
from downtime.services.patients import PatientSummary


# The wristband's name in 9 pt, as on the sheets, where it fits beside at least ALLERGIES_W of
# allergies (an unidentified patient's description took 7 pt in a fixed column).
NAME_SIZE = 9
IDENTITY_W = 60 * mm
ALLERGIES_W = 45 * mm
BOX_INSET = 2.0  # points between a boxed allergy warning and its frame
NUMBER_BELOW = 7.3 * mm  # the downtime number's baseline under the name's last line
LAPTOP_SIZE = 6.0  # the "(laptop …)" under a number two laptops gave
LAPTOP_LINE = LAPTOP_SIZE * LEADING
CHECK_SIZE = 7.0  # "CHECK IDENTITY — admission on hold" on a sheet label

WORDS: dict[str, dict[Lang, str]] = {
    "check_identity": {"en": "CHECK IDENTITY — admission on hold",
                       "fr": "VÉRIFIER L’IDENTITÉ — admission en attente"},
    "formerly": {"en": "formerly {names}", "fr": "anciennement {names}"},
    # The allergens with no word of where the rest is: that word took the severities of eight
    # allergens beside a short name, and beside a long one the lines of the last two allergens.
    "listed": {"en": "ALLERGIES ({count}): {list}", "fr": "ALLERGIES ({count}) : {list}"},
    "see_record": {"en": "ALLERGIES ({count}): {list} — see the admission record",
                   "fr": "ALLERGIES ({count}) : {list} — voir le dossier d’admission"},
    "more": {"en": "+{more} more", "fr": "+{more} autres"},
}


@dataclass(frozen=True)
class OnHold:
    """What another laptop's version of the patient's admission, on hold here, says otherwise
    that a band or label must say too (services.printing): `allergies` only it records, said
    with its laptop as the MAR says them, and whether it names, dates or sexes the patient
    otherwise (`identity`). A band printed meanwhile read codeine alone over the other laptop's
    penicillin anaphylaxis, and a name corrected there printed here with no word."""

    allergies: tuple[str, ...] = ()
    identity: bool = False


NOT_ON_HOLD = OnHold()


@dataclass(frozen=True)
class Stock:
    """A label sheet: label size, grid, top-left margins and pitch (Avery's published figures)."""

    name: str
    columns: int
    rows: int
    width: float
    height: float
    left: float
    top: float
    pitch_x: float
    pitch_y: float
    allergies: bool = False


STOCKS = {stock.name: stock for stock in (
    Stock("L7159", 3, 8, 63.5 * mm, 33.9 * mm, 7.25 * mm, 12.9 * mm, 66.0 * mm, 33.9 * mm),
    Stock("L7160", 3, 7, 63.5 * mm, 38.1 * mm, 7.25 * mm, 15.15 * mm, 66.0 * mm, 38.1 * mm),
    Stock("L7163", 2, 7, 99.1 * mm, 38.1 * mm, 4.65 * mm, 15.15 * mm, 101.6 * mm, 38.1 * mm),
    Stock("wristband", 1, 10, 190 * mm, 25 * mm, 10 * mm, 15 * mm, 190 * mm, 26.5 * mm, allergies=True),
)}


def _label(c: canvas.Canvas, patient: PatientSummary, x: float, y: float, stock: Stock, lang: Lang,
           held: OnHold, formerly: Sequence[str]) -> None:
    pad = 2 * mm
    qr_size = min(stock.height - 2 * pad, 20 * mm)
    right = x + stock.width - qr_size - pad  # the QR code at the label's right end
    squares = [right]
    left = x + pad
    number, laptop = number_lines(patient.downtime_number)
    if stock.allergies:
        # The QR code repeated along the band (PAPER-REFERENCES), between the identity and the
        # warnings too, about half the band from the one at its end: round a wrist, one of them
        # faces up where the end alone was often underneath (a third, at the left end, left the
        # allergies too little room).
        around = right - pad - left - qr_size - 2 * pad  # the identity's and warnings' width together
        text_w = min(max(stringWidth(patient.display_name, BOLD, NAME_SIZE), IDENTITY_W), around - ALLERGIES_W)
        middle = left + text_w + pad
        squares = [middle, right]
        warnings = middle + qr_size + pad
        check: tuple[str, ...] = ()
    else:
        text_w = right - pad - left
        check = fit(_check_identity(held, lang), BOLD, CHECK_SIZE, CHECK_SIZE * LEADING, text_w).lines
    bar_h = 6 * mm if stock.height < 36 * mm else 8 * mm
    top = y + stock.height - pad
    above_bars = y + pad + bar_h + 1.5 * mm
    depth = NUMBER_BELOW + (LAPTOP_LINE if laptop else 0)
    checked = above_bars + len(check) * CHECK_SIZE * LEADING
    # Below the name's first line: the date of birth and number lines, the warning to check the
    # identity, then the barcode. The names the patient had before take what the name leaves.
    room = (top - 3 * mm) - depth - checked
    laid = name_lines(patient.display_name, text_w, room, largest=NAME_SIZE)
    notes = _earlier(formerly, text_w, room - (len(laid.lines) - 1) * laid.size * LEADING)
    if stock.allergies:
        # Where the band has no room for them under the number, after the allergies if they fit there.
        _allergies(c, [_warnings(held, lang, allergies) for allergies in _wordings(patient, lang)],
                   patient.allergy_alert or held != NOT_ON_HOLD,
                   warnings, y + stock.height - pad, right - pad - warnings, stock.height - 2 * pad,
                   after=() if notes.lines else formerly)
    c.setFont(laid.font, laid.size)
    for index, line in enumerate(laid.lines):
        c.drawString(left, top - 3 * mm - index * laid.size * LEADING, line)
    below = top - 3 * mm - (len(laid.lines) - 1) * laid.size * LEADING
    c.setFont(SANS, 7.5)
    c.drawString(left, below - 3.8 * mm, _born(patient, lang))
    c.setFont(BOLD, 8)
    c.drawString(left, below - NUMBER_BELOW, number)
    if laptop:
        c.setFont(SANS, LAPTOP_SIZE)
        c.drawString(left, below - NUMBER_BELOW - LAPTOP_LINE, laptop)
    if stock.allergies and (ipp := _ipp(patient)):
        after = stringWidth(number, BOLD, 8) + 3 * mm
        size = min(7.5, 7.5 * (text_w - after) / stringWidth(ipp, SANS, 7.5))
        c.setFont(SANS, size)
        c.drawString(left + after, below - NUMBER_BELOW, ipp)
    c.setFont(BOLD, CHECK_SIZE)
    for index, line in enumerate(check, start=1):
        c.drawString(left, above_bars + (len(check) - index) * CHECK_SIZE * LEADING, line)
    c.setFont(BOLD, notes.size)
    for index, line in enumerate(notes.lines, start=1):
        c.drawString(left, checked + (len(notes.lines) - index) * notes.leading, line)
    # Bars a scanner reads (`label_barcode`); where the column beside the QR code is too narrow
    # for them, across the label under it, the QR code at the label's top.
    bars = label_barcode(patient.downtime_number, text_w, bar_h)
    qr_y = y + (stock.height - qr_size) / 2
    if bars is None:
        bars = label_barcode(patient.downtime_number, stock.width - 2 * pad, bar_h)
        qr_y = top - qr_size
    assert bars is not None, "a downtime number's bars fit across every stock"
    bars.drawOn(c, left + QUIET * bars.module, y + pad)
    # Exactly the downtime number, as the Code128: a scanner types what it reads into Find,
    # and a number with the name and birth date around it found nobody. A number two laptops
    # gave keeps its laptop here, where it finds that laptop's patient alone.
    widget = QrCodeWidget(patient.downtime_number, barLevel="M")
    bounds_left, bottom, bounds_right, upper = widget.getBounds()
    drawing = Drawing(qr_size, qr_size, transform=[qr_size / (bounds_right - bounds_left), 0, 0,
                                                   qr_size / (upper - bottom), 0, 0])
    drawing.add(widget)
    for square in squares:
        renderPDF.draw(drawing, c, square, qr_y)


def _earlier(formerly: Sequence[str], width: float, room: float) -> Fitted:
    """The names the patient had before (`labels_pdf`'s wordings, longest first) in what `room` the
    name, the number and the warning to check the identity leave above the bars: the first
    wording that fits, in bold as large as it fits from CHECK_SIZE down to FINE_PRINT, else the
    last on one line cut with an ellipsis; nothing where not even that line fits. Set first,
    "formerly INCONNU MASCULIN ÉMERAUDE-TRÈFLE, …" at 7 pt cut the name above it to
    "DE LA ROCHEFOUCAULD-MONTMORENC…", its given names gone from a specimen label."""
    sizes = [CHECK_SIZE - 0.5 * step for step in range(int((CHECK_SIZE - FINE_PRINT) * 2) + 1)]
    for said in formerly:
        for size in sizes:
            fitted = fit(said, BOLD, size, size * LEADING, width)
            if len(fitted.lines) * fitted.leading <= room and fitted.size >= FINE_PRINT:
                return fitted
    if formerly and room >= FINE_PRINT * LEADING:
        return Fitted((fit_text(formerly[-1], BOLD, FINE_PRINT, width),), FINE_PRINT, FINE_PRINT * LEADING)
    return Fitted((), FINE_PRINT, FINE_PRINT * LEADING)


def label_barcode(number: str, width: float, height: float) -> Barcode | None:
    """A label's or a band's Code128 in `width` (page.scannable_barcode): a number two laptops
    gave with its laptop where that fits (`in_bars`: the number alone identified both laptops'
    patients to a scanner reading linear codes only), else the number alone; None where neither
    fits at bars of SMALLEST_MODULE (reportlab's 0.19 mm, which a band curved round a wrist or a
    worn insert did not scan)."""
    return scannable_barcode(dict.fromkeys((in_bars(number), taken_apart(number)[0])), width, height)


def _check_identity(held: OnHold, lang: Lang) -> str:
    return WORDS["check_identity"][lang] if held.identity else ""


def _warnings(held: OnHold, lang: Lang, allergies: str) -> list[str]:
    """What the band's warning column says, each a paragraph: to check the identity where
    another laptop's version gives another, the allergies in one of their wordings
    (`_wordings`), then the allergies only that version records."""
    return [said for said in (_check_identity(held, lang), allergies) if said] + list(held.allergies)


def _wordings(patient: PatientSummary, lang: Lang) -> list[str]:
    """The allergy status in each wording a band may give it, longest first: the allergy line of
    every patient page; each allergen with its severity (`page.allergens`), then without the
    word of where the reactions are; each substance alone, with where the rest is, then
    without; then the first substances, fewer and fewer, and how many more. That word goes
    before the severities, the severities before any allergen, and an allergen goes whole, its
    count said: eight allergies beside a long name, the last wording cut to fit, left out
    vancomycin and contrast media and ended "Codeine phosph…", on the band that is the last
    check before theatre; beside a short name, the word dropped with the severities, an
    anaphylaxis read like an intolerance, and the band as if it were the whole record."""
    if not patient.allergies:
        return [allergy_line(patient, lang)]
    count, named, substances = len(patient.allergies), allergens(patient, lang), list(patient.allergies)

    def listed(key: str, allergies: Sequence[str]) -> str:
        return in_words(WORDS, key, lang, count=count, list=semicolon(lang).join(allergies))

    # Allergens recorded with no severity are named alike with and without one.
    severities = [listed("listed", named)] if named != substances else []
    return [allergy_line(patient, lang), word("allergens", lang, count=count, list=semicolon(lang).join(named)),
            *severities, listed("see_record", substances), listed("listed", substances),
            *(listed("see_record", [*substances[:kept], in_words(WORDS, "more", lang, more=count - kept)])
              for kept in range(count - 1, 0, -1))]


def _born(patient: PatientSummary, lang: Lang) -> str:
    sex = SEX.get(patient.sex or "unknown", SEX["unknown"])[lang]
    return f"{birth_date_label(patient, lang)}   {word('sex', lang)} {sex}"


def _ipp(patient: PatientSummary) -> str:
    """The hospital's own number, beside the downtime number on a wristband (never cut: set
    smaller where a long one needs it), for the band to be matched with the EHR's records and
    labels once it is back; an empty string when not known."""
    return f"IPP {patient.ipp}" if patient.ipp else ""


def formerly_line(formerly: Sequence[str], lang: Lang) -> str:
    """The temporary names a patient identified this stay had ("formerly UNKNOWN MALE ALPHA"),
    said under the name on their band and labels; "" for none. Their samples, the blood units
    crossmatched for them and their paper charts went on reading that name: a band reading
    GIRARD alone was compared with a unit labelled UNKNOWN MALE ALPHA at the bedside."""
    return in_words(WORDS, "formerly", lang, names=", ".join(name.upper() for name in formerly)) if formerly else ""


def label_lines(patient: PatientSummary, lang: Lang) -> tuple[str, str, str]:
    """What a sheet label says, line by line: the patient's name, date of birth and sex, and
    downtime number (its barcodes hold it). Stuck on every form and sample tube, a label reading
    a date of birth since corrected gets a sample rejected or filed under another patient."""
    return patient.display_name, _born(patient, lang), patient.downtime_number


def wristband_lines(patient: PatientSummary, lang: Lang) -> tuple[str, ...]:
    """What a patient's wristband says, line by line: the sheet label's lines (`label_lines`),
    IPP and allergies. The form view compares it before and after an admission is amended: a
    band still reading "No known allergies" after a penicillin allergy was added is read at the
    bedside when the chart is not at hand."""
    return (*label_lines(patient, lang), _ipp(patient), allergy_line(patient, lang))


def _allergies(c: canvas.Canvas, wordings: Sequence[Sequence[str]], alert: bool, x: float, top: float,
               width: float, height: float, after: Sequence[str] = ()) -> None:
    """The band's warnings in the first of `wordings` that fits (`_warnings`, in each wording of
    `_wordings`, the allergy line of every patient page first), as large as it fits the band
    beside the identity (10 pt down to 7), each from a line of its own, its words whole (see
    lines.fit: a drug too wide for the band, beside a long name, ran over the QR code); where
    not even the shortest fits (another laptop's allergies on hold beside them) the last
    wording ends in an ellipsis, for the chart to be read. The whole reactions of the first
    allergies had taken the room of the last allergens, which the band did not name at all.
    Black, a warning (`alert`: PatientSummary.allergy_alert, or the admission on hold) boxed in a
    1-point frame: in red it printed as a grey halftone like the name's on a black-and-white ward
    printer. `after`: the names the patient had before in their wordings, where the identity has
    no room for them, under the warnings in what room they leave (`_earlier`): put before them,
    they took a French band from four anaphylaxis allergens to "Pénicilline ; +3 autres"."""
    inset = BOX_INSET if alert else 0.0
    x, top, width, height = x + inset, top - inset, width - 2 * inset, height - 2 * inset
    found = _first_fitting(wordings, width, height)
    if found is not None:
        size, lines = found
    else:
        fitted = fit("\n".join(wordings[-1]), BOLD, 7, 7 * LEADING, width)
        size, lines = fitted.size, list(fitted.lines)
        most = max(1, int(height // (size * LEADING)))
        if len(lines) > most:
            lines = [*lines[:most - 1], fit_text(" ".join(lines[most - 1:]), BOLD, size, width)]
    c.saveState()
    c.setFillColor(colors.black)
    c.setFont(BOLD, size)
    for index, line in enumerate(lines):
        c.drawString(x, top - size - index * size * LEADING, line)
    depth = len(lines) * size * LEADING
    if inset:
        c.setStrokeColor(colors.black)
        c.setLineWidth(1)
        written = max(stringWidth(line, BOLD, size) for line in lines)
        c.rect(x - inset, top - depth - inset, written + 2 * inset, depth + 2 * inset, stroke=1, fill=0)
    below = top - depth - 2 * inset
    earlier = _earlier(after, width, height - depth - 2 * inset)
    c.setFont(BOLD, earlier.size)
    for index, line in enumerate(earlier.lines, start=1):
        c.drawString(x, below - index * earlier.leading, line)
    c.restoreState()


def _first_fitting(wordings: Sequence[Sequence[str]], width: float, height: float) -> tuple[float, list[str]] | None:
    """The first wording, at the largest size from 10 pt to 7, whose words all fit whole in the
    box; None when none does."""
    for said in wordings:
        for size in (10, 9, 8, 7):
            lines = [line for paragraph in said for line in wrap(paragraph, BOLD, size, width)]
            if len(lines) * size * LEADING <= height and all(stringWidth(line, BOLD, size) <= width for line in lines):
                return size, lines
    return None


# The sheet's title, which its print preview and the printer's queue show.
TITLE: dict[Lang, str] = {"en": "ID labels — {number}", "fr": "Étiquettes d’identification — {number}"}
WRISTBAND_TITLE: dict[Lang, str] = {"en": "Wristband — {number}", "fr": "Bracelet d’identification — {number}"}
# The sheet to load, named in the footer: an Avery code reads the same in both languages; the
# wristband's stock read "wristband" on a French sheet.
WRISTBAND: dict[Lang, str] = {"en": "wristband inserts", "fr": "inserts de bracelet"}


def sheet_named(sheet: Stock, lang: Lang) -> str:
    return WRISTBAND[lang] if sheet.name == "wristband" else sheet.name


def labels_pdf(patient: PatientSummary, out: Path, *, stock: str, count: int | None, lang: Lang,
               printed_by: str, printed_at: datetime, device_name: str, held: OnHold = NOT_ON_HOLD,
               formerly: Sequence[str] = ()) -> Path:
    """`count` labels of one patient (default: one full sheet), written atomically. `held`: what
    the version on hold of their admission says otherwise (`OnHold`); `formerly`: the temporary
    names this stay gave them before they were identified (`formerly_line`)."""
    sheet = STOCKS[stock]
    # Every earlier name, else the latest alone (the one the last samples read).
    earlier = tuple(dict.fromkeys(formerly_line(names, lang) for names in (formerly, formerly[-1:]))) if formerly else ()
    return _sheets(out, sheet, count or sheet.columns * sheet.rows,
                   lambda c, _, x, y: _label(c, patient, x, y, sheet, lang, held, earlier),
                   title=(WRISTBAND_TITLE if sheet.allergies else TITLE)[lang].format(number=patient.downtime_number),
                   lang=lang, printed_by=printed_by, printed_at=printed_at, device_name=device_name)


PAPER_WORDS: dict[str, dict[Lang, str]] = {
    "title": {"en": "Downtime numbers reserved for paper admissions — device {device}",
              "fr": "N° de procédure dégradée réservés aux admissions sur papier — portable {device}"},
    "reserved": {"en": "Reserved for a patient admitted on paper — device\u00a0{device}",
                 "fr": "Réservé à un patient admis sur papier — portable\u00a0{device}"},
}


def paper_numbers_pdf(numbers: Sequence[str], device_number: int, out: Path, *, stock: str, lang: Lang,
                      printed_by: str, printed_at: datetime, device_name: str) -> Path:
    """One label for each number reserved for a paper admission, on the ward's label stock: the
    number large enough to copy onto every form, its barcode, and lines for the patient's name
    and birth date written by hand when the label is given, so an unused one is told from one
    stuck on a patient's forms."""
    sheet = STOCKS[stock]
    device = f"{device_number:03d}"
    return _sheets(out, sheet, len(numbers),
                   lambda c, index, x, y: _paper_label(c, numbers[index], device, x, y, sheet, lang),
                   title=in_words(PAPER_WORDS, "title", lang, device=device),
                   lang=lang, printed_by=printed_by, printed_at=printed_at, device_name=device_name)


def _paper_label(c: canvas.Canvas, number: str, device: str, x: float, y: float, stock: Stock, lang: Lang) -> None:
    pad = 2 * mm
    width = stock.width - 2 * pad
    top = y + stock.height - pad
    size = next((size for size in (16, 15, 14, 13, 12) if stringWidth(number, BOLD, size) <= width), 12)
    c.setFont(BOLD, size)
    c.drawString(x + pad, top - size * 0.8, number)
    bar_h = 6 * mm
    bar_top = top - size * 0.8 - 1.5 * mm
    bars = scannable_barcode([number], width, bar_h)
    assert bars is not None, "a downtime number's bars fit across every stock"
    bars.drawOn(c, x + pad + QUIET * bars.module, bar_top - bar_h)
    fitted = fit(in_words(PAPER_WORDS, "reserved", lang, device=device), SANS, 6.5, 6.5 * LEADING, width)
    c.setFont(SANS, fitted.size)
    line_y = bar_top - bar_h - 1 * mm
    for line in fitted.lines:
        line_y -= fitted.leading
        c.drawString(x + pad, line_y, line)
    c.setFont(SANS, 7.5)
    rows = [word(key, lang) for key in ("name", "dob")]
    start = x + pad + max(stringWidth(label, SANS, 7.5) for label in rows) + 1.5 * mm
    room = line_y - (y + pad)
    for index, label in enumerate(rows):
        baseline = line_y - room * (index + 1) / len(rows) + 0.5 * mm
        c.drawString(x + pad, baseline, label)
        c.line(start, baseline - 0.5, x + stock.width - pad, baseline - 0.5)


def _sheets(out: Path, sheet: Stock, total: int, draw: Callable[[canvas.Canvas, int, float, float], None], *,
            title: str, lang: Lang, printed_by: str, printed_at: datetime, device_name: str) -> Path:
    """`total` labels drawn by `draw(canvas, index, x, y)` on pages of the stock, each page
    footed with who printed it, when, on which laptop and stock, written atomically."""
    register_fonts()
    per_page = sheet.columns * sheet.rows
    pages = -(-total // per_page)
    with written_to(out):
        out.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(suffix=".pdf", dir=out.parent)
        os.close(handle)
        try:
            c = canvas.Canvas(temporary, pagesize=A4)
            c.setTitle(title)
            page_w, page_h = A4
            for index in range(total):
                slot = index % per_page
                column, row = slot % sheet.columns, slot // sheet.columns
                x = sheet.left + column * sheet.pitch_x
                y = page_h - sheet.top - row * sheet.pitch_y - sheet.height
                draw(c, index, x, y)
                if slot == per_page - 1 or index == total - 1:
                    c.setFont(SANS, 6)
                    when = printed_at.strftime(DATED)
                    number = word("page", lang, page=index // per_page + 1, total=pages)
                    # Shortened before the page number, as the pages' footers are (a long name and
                    # laptop name ran it over the number and off the sheet).
                    room = page_w - 2 * sheet.left - stringWidth(number, SANS, 6) - 5 * mm
                    c.drawString(sheet.left, 4 * mm, fit_text(word("printed", lang, who=printed_by, when=when,
                                                                   device=f"{device_name} — {sheet_named(sheet, lang)}"), SANS, 6, room))
                    c.drawRightString(page_w - sheet.left, 4 * mm, number)
                    c.showPage()
            c.save()
            os.replace(temporary, out)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    return out
