"""Page furniture shared by every printed page: fonts, styles, the patient-identification
header, the footer ("page x of y", who printed it and when) and watermarks.

Every page carries two patient identifiers and the downtime number, because printed pages get
separated from each other on a ward.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from functools import cache
from pathlib import Path
from typing import Any

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Table, TableStyle

from downtime.domain.census import StayStatus
from downtime.domain.downtime_number import taken_apart
from downtime.errors import written_to
from downtime.formspec import Lang
from downtime.i18n import sentence
from downtime.paths import resources_dir
from downtime.pdf.lines import Lines, fit, text, wrap
from downtime.services.census import name_alert
from downtime.services.patients import PatientSummary

SANS, BOLD, CONDENSED, CONDENSED_BOLD = "DT-Sans", "DT-Sans-Bold", "DT-Cond", "DT-Cond-Bold"
MARGIN = 12 * mm
HEADER_HEIGHT = 30 * mm
FOOTER_HEIGHT = 14 * mm
# The patient identification box, top right of every page.
BOX_W = 92 * mm
# On a form filled by hand the box takes the ward's sticky label: it holds the largest sheet
# label the app prints (L7163, 99.1 × 38.1 mm) with room to stick it askew.
LABEL_BOX = (103 * mm, 42 * mm)
# The line under the downtime number that says where the patient is (`PageInfo.place`).
PLACE_LINE = 5 * mm
# The line under a downtime number two laptops gave that names its laptop, taken from the barcode's height.
LAPTOP_LINE = 2.6 * mm
INK = colors.HexColor("#111111")
GREY = colors.HexColor("#555555")
RULE = colors.HexColor("#888888")
BAND = colors.HexColor("#2b2b2b")
MARK = colors.HexColor("#8b0000")
ALERT = colors.HexColor("#b00000")  # a warning's words in red (allergies, holds), on every print

WORDS: dict[str, dict[Lang, str]] = {
    "downtime_record": {"en": "DOWNTIME RECORD — to be entered into the EHR",
                        "fr": "DOSSIER PROCÉDURE DÉGRADÉE — à saisir dans le DPI"},
    "page": {"en": "Page {page} of {total}", "fr": "Page {page} sur {total}"},
    "sheet": {"en": "Sheet {page} of {total} of the pack", "fr": "Feuille {page} sur {total} du lot"},
    "printed": {"en": "Printed by {who} on {when} — {device}",
                "fr": "Imprimé par {who} le {when} — {device}"},
    "printed_blank": {"en": "Printed blank, with no one signed in, on {when} — {device}",
                      "fr": "Imprimé vierge, sans personne connectée, le {when} — {device}"},
    "name": {"en": "Name", "fr": "Nom"},
    "dob": {"en": "Date of birth", "fr": "Date de naissance"},
    "sex": {"en": "Sex", "fr": "Sexe"},
    "downtime_no": {"en": "Downtime no.", "fr": "N° procédure dégradée"},
    "label_here": {"en": "Write or stick the patient label here",
                   "fr": "Écrire ou coller l’étiquette du patient ici"},
    "reserved_label": {"en": "Admitted on paper: stick a reserved number label here, never a number of your own",
                       "fr": "Admission sur papier : coller ici une étiquette de N° réservé, jamais un numéro inventé"},
    "dob_unknown": {"en": "DOB unknown", "fr": "DDN inconnue"},
    "place": {"en": "Ward {ward} — Bed {bed}", "fr": "Service {ward} — Lit {bed}"},
    "left": {"en": "{status} — was in ward {ward}, bed {bed}", "fr": "{status} — était au service {ward}, lit {bed}"},
    "discharged": {"en": "DISCHARGED", "fr": "SORTI"},
    "deceased": {"en": "DECEASED", "fr": "DÉCÉDÉ"},
    "transferred_out": {"en": "TRANSFERRED OUT", "fr": "TRANSFÉRÉ"},
    "form_number": {"en": "Form {form}, version {version}", "fr": "Formulaire {form}, version {version}"},
}
SEX = {"female": {"en": "F", "fr": "F"}, "male": {"en": "M", "fr": "M"},
       "unknown": {"en": "U", "fr": "I"}}


def in_words(table: Mapping[str, Mapping[Lang, str]], key: str, lang: Lang, **values: Any) -> str:
    """A printed phrase in the page's language, its places filled: each print keeps its own
    table of phrases and reads them through this."""
    return table[key][lang].format(**values)


def word(key: str, lang: Lang, **values: Any) -> str:
    return in_words(WORDS, key, lang, **values)


_REGISTERING = threading.Lock()


def register_fonts() -> None:
    """Once per process, one thread at a time: two first prints made at once (the back-entry
    worklist's and a census, each on a thread of its own) would register the fonts twice, the
    second replacing the fonts the first is drawing with."""
    with _REGISTERING:
        _register_fonts()


@cache
def _register_fonts() -> None:
    """DejaVu covers the names staff type (accents, Polish, Vietnamese...) that the PDF base
    fonts cannot print; the files ship in resources/fonts with their licence."""
    folder = resources_dir() / "fonts"
    for name, file in ((SANS, "DejaVuSans.ttf"), (BOLD, "DejaVuSans-Bold.ttf"),
                       (CONDENSED, "DejaVuSansCondensed.ttf"),
                       (CONDENSED_BOLD, "DejaVuSansCondensed-Bold.ttf")):
        pdfmetrics.registerFont(TTFont(name, str(folder / file)))
    pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=BOLD, italic=SANS, boldItalic=BOLD)
    pdfmetrics.registerFontFamily(CONDENSED, normal=CONDENSED, bold=CONDENSED_BOLD,
                                  italic=CONDENSED, boldItalic=CONDENSED_BOLD)


def style(size: float = 9, bold: bool = False, color: colors.Color = INK, leading: float | None = None,
          condensed: bool = False, **extra: Any) -> ParagraphStyle:
    register_fonts()
    font = (CONDENSED_BOLD if bold else CONDENSED) if condensed else (BOLD if bold else SANS)
    return ParagraphStyle(f"{font}-{size}-{color}", fontName=font, fontSize=size,
                          leading=leading or size * 1.25, textColor=color, alignment=TA_LEFT, **extra)


def chart_cell(value: str, bold: bool = False, alert: bool = False) -> Lines:
    """A cell of a bedside chart's table (glucose, transfusion, results, repositioning, wounds, pain):
    what it asks in red, as on its tab."""
    return Lines(value, style(size=8, bold=bold, leading=9.5, color=ALERT if alert else INK))


def ward_clock(moment: datetime, zone: tzinfo | None, form: str = "%d/%m %H:%M") -> str:
    """`moment` on the ward's clock (`zone`: the printing's now's), written as `form` says, with
    its offset where the clock reads that time twice, the night the clocks go back ("25/10 02:30
    +02:00", an hour later "25/10 02:30 +01:00"), as the app asks it typed: two doses an hour
    apart printed as one minute, a double dose to whoever read the chart, neither said first."""
    local = moment.astimezone(zone)
    said = local.strftime(form)
    if local.replace(fold=1 - local.fold).utcoffset() == local.utcoffset():
        return said
    return f"{said} {local.isoformat(timespec='minutes')[-6:]}"


def next_due_line(said: str, overdue: bool) -> list[Flowable]:
    """Over a bedside chart, when its next entry falls due ("Next due 28/11 14:30"), in red once
    overdue, or where it stands ("Last opened 28/11 10:00"); nothing for a chart with no entry
    yet (`said` empty)."""
    return [chart_cell(sentence(said), bold=True, alert=overdue)] if said else []


@dataclass(frozen=True)
class PageInfo:
    """What the header and footer of every page say."""

    title: str
    lang: Lang
    printed_by: str | None
    """The staff member signed in, as the staff list names them; None for a blank form printed
    with no one signed in (`downtime pdf blank`), which the page says as such: it used to name
    the computer's login ("root")."""
    printed_at: datetime
    device_name: str
    patient: PatientSummary | None = None
    watermark: str | None = None
    landscape: bool = False
    subtitle: str | None = None
    patient_box: bool = True
    """Ward sheets (census, round lists) concern many patients: no identification box."""
    blank: bool = False
    """A form to fill by hand: its identification box is sized for a sticky label."""
    reserved_number: bool = False
    """A blank form that admits a patient, whose number on paper is a reserved label's
    (services.paper_numbers): a number written by guess collided with one the laptop gave."""
    record: bool = True
    """A page of the downtime record, "to be entered into the EHR"; a letter a patient keeps is not."""
    place: bool = False
    """The identification box also says where the census puts the patient as the page is printed
    (a ward's MAR pack is sorted by bed)."""
    form_number: tuple[str, int] | None = None
    """A form's id and version, in small print at the foot of each page as a paper form prints
    its form number (under the title, "death v1" stood where a nurse looks for the form's name);
    "version" in full, as `downtime forms check` says it: "v2" is a record's version in the lists."""

    @property
    def pagesize(self) -> tuple[float, float]:
        return landscape(A4) if self.landscape else A4


MONTHS = {"en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
          "fr": ("Jan", "Fév", "Mar", "Avr", "Mai", "Juin", "Juil", "Aoû", "Sep", "Oct", "Nov", "Déc")}


def birth_date_label(patient: PatientSummary, lang: Lang) -> str:
    """DD-Mmm-YYYY (NPSA wristband standard): no day/month confusion between countries."""
    born = patient.birth_date
    return f"{born.day:02d}-{MONTHS[lang][born.month - 1]}-{born.year}" if born else word("dob_unknown", lang)


def patient_lines(patient: PatientSummary, lang: Lang) -> tuple[str, str, str]:
    """Name; date of birth and sex; downtime number — the identifiers every page repeats, the
    date of birth as the wristband and labels give it, which they are checked against (an
    unknown one too: "DOB unknown", where it read "Date of birth DOB unknown")."""
    born = birth_date_label(patient, lang)
    if patient.birth_date is not None:
        born = f"{word('dob', lang)} {born}"
    sex = SEX.get(patient.sex or "unknown", SEX["unknown"])[lang]
    return (patient.display_name, f"{born}   {word('sex', lang)} {sex}", patient.downtime_number)


def place_line(patient: PatientSummary, lang: Lang) -> str:
    """Ward and bed; a patient who has left is said to have, with the bed they left (now
    perhaps another patient's), never put in it as if still there."""
    ward, bed = patient.ward or "—", patient.bed or "—"
    if patient.stay in (None, StayStatus.IN):
        return word("place", lang, ward=ward, bed=bed)
    return word("left", lang, status=word(patient.stay.value, lang), ward=ward, bed=bed)


class _Code128(Code128):
    """reportlab works a code's bars out again each time its width, height or bars are read
    (three times for each page's barcode, a fifth of its cost): these are worked out once."""

    def _calculate(self) -> None:
        if not hasattr(self, "decomposed"):
            super()._calculate()


class _Barcode(Flowable):
    """The bars go straight onto the canvas: built as a graphics drawing, one barcode cost
    more than the rest of a MAR page."""

    def __init__(self, value: str, width: float, height: float) -> None:
        super().__init__()
        self.code = _Code128(value, barHeight=height, humanReadable=False, quiet=False)
        self.narrowed = min(1.0, width / self.code.width)
        self.width, self.height = self.code.width * self.narrowed, height

    def draw(self) -> None:
        self.canv.setFillColor(colors.black)
        self.canv.scale(self.narrowed, 1.0)
        self.code.drawOn(self.canv, 0, 0)


def barcode(value: str, width: float, height: float) -> Flowable:
    """A Code128 of the value, narrowed to fit the box (bedside scanners read linear codes)."""
    return _Barcode(value, width, height)


def _title(info: PageInfo) -> Flowable:
    """The title every page repeats, set once for the document."""
    return text(info.title, style(size=13, bold=True, leading=15.5), _title_width(info))


def _record_mark(info: PageInfo) -> Flowable:
    """"To be entered into the EHR" under the title, wrapped beside a label box (French's
    runs under a blank form's box on one line)."""
    return text(word("downtime_record", info.lang), style(size=8, bold=True, color=MARK), _title_width(info))


def _title_width(info: PageInfo) -> float:
    """Beside the identification box; the page's width on a page without one (a ward sheet, a
    theatre session's form: its red line went onto two lines beside a box not drawn)."""
    return info.pagesize[0] - 2 * MARGIN - (_box(info)[0] + 5 * mm if info.patient_box else 0)


def _subtitle(info: PageInfo) -> Flowable | None:
    """The subtitle, wrapped beside the identification box or, on a ward sheet, to the page's
    width: on one line, a part of the worklist naming two married names ran off the page."""
    return text(info.subtitle, style(size=9), _title_width(info)) if info.subtitle else None


def _box(info: PageInfo) -> tuple[float, float]:
    """The identification box's width and height (taller by a line for the patient's place)."""
    return LABEL_BOX if info.blank else (BOX_W, HEADER_HEIGHT - 2 * mm + (PLACE_LINE if info.place else 0))


def header_height(info: PageInfo) -> float:
    return max(HEADER_HEIGHT, _box(info)[1] + 2 * mm) if info.patient_box else HEADER_HEIGHT


def _draw_header(c: canvas.Canvas, info: PageInfo, title: Flowable, subtitle: Flowable | None,
                 mark: Flowable) -> None:
    page_w, page_h = info.pagesize
    top = page_h - MARGIN
    box_w, box_h = _box(info)
    bottom = top - header_height(info)
    box_x = page_w - MARGIN - box_w
    title_w, title_h = title.wrap(_title_width(info), header_height(info))
    title.drawOn(c, MARGIN, top - title_h)
    if subtitle is not None:
        # Its first baseline where the one line used to sit, 4.5 mm below the title.
        height = subtitle.wrap(_title_width(info), header_height(info))[1]
        subtitle.drawOn(c, MARGIN, top - title_h - 4.5 * mm + 9 - height)
    if info.record:
        mark.wrap(_title_width(info), header_height(info))
        mark.drawOn(c, MARGIN, bottom + 4 * mm)
    if not info.patient_box:
        return
    c.setStrokeColor(INK)
    c.setLineWidth(1)
    c.rect(box_x, top - box_h, box_w, box_h)
    c.setFillColor(INK)
    if info.patient is None:
        c.setFont(SANS, 7)
        c.setFillColor(GREY)
        c.drawString(box_x + 2 * mm, top - 4 * mm, word("label_here", info.lang))
        c.setFillColor(INK)
        c.setFont(SANS, 8)
        labels = [word(key, info.lang) for key in ("name", "dob", "downtime_no")]
        # The writing lines start after the longest label (French's "N° procédure dégradée" ran onto them).
        start = box_x + 2 * mm + max(pdfmetrics.stringWidth(label, SANS, 8) for label in labels) + 3 * mm
        for row, label in enumerate(labels):
            y = top - 11 * mm - row * 7 * mm
            c.drawString(box_x + 2 * mm, y, label)
            c.setStrokeColor(RULE)
            c.line(max(start, box_x + 30 * mm), y - 1, box_x + box_w - 3 * mm, y - 1)
        if info.reserved_number:
            fitted = fit(word("reserved_label", info.lang), BOLD, 7, 7 * LEADING, box_w - 4 * mm)
            c.setFont(BOLD, fitted.size)
            c.setFillColor(MARK)
            for index, line in enumerate(fitted.lines):
                c.drawString(box_x + 2 * mm, top - 31 * mm - index * fitted.leading, line)
            c.setFillColor(INK)
        return
    name, born, number = patient_lines(info.patient, info.lang)
    # A name too long for the box's line takes two, smaller: the first moves up, the date of
    # birth down, into what the box has left between its top and the downtime number.
    size, lines = name_lines(name, box_w - 4 * mm, 3.3 * mm, largest=10.5)
    c.setFont(BOLD, size)
    first = top - (5.5 if len(lines) == 1 else 4.2) * mm
    for index, line in enumerate(lines):
        c.drawString(box_x + 2 * mm, first - index * size * LEADING, line)
    c.setFont(SANS, 8.5)
    c.drawString(box_x + 2 * mm, top - (10.5 if len(lines) == 1 else 11.3) * mm, born)
    # The laptop of a number two laptops gave on a line of its own, which the barcode under it
    # makes room for; the barcode keeps the whole, at full width still.
    shown, laptop = number_lines(number)
    below = LAPTOP_LINE if laptop else 0.0
    c.setFont(BOLD, 9.5)
    c.drawString(box_x + 2 * mm, top - 15.5 * mm, f"{word('downtime_no', info.lang)} {shown}")
    if laptop:
        c.setFont(SANS, 6.5)
        c.drawString(box_x + 2 * mm, top - 15.5 * mm - below, laptop)
    if info.place:
        _draw_place(c, place_line(info.patient, info.lang), name_alert(info.patient.namesakes, info.lang),
                    box_x + 2 * mm, top - 15.5 * mm - below - PLACE_LINE, box_w - 4 * mm)
    barcode(number, box_w - 4 * mm, 8 * mm - below).drawOn(c, box_x + 2 * mm, top - box_h + 2 * mm)


def number_lines(number: str) -> tuple[str, str]:
    """A downtime number as labels and pages print it: the number, and "(laptop cbd4223d)" for one
    two laptops gave (imported with --shared-device-number), else "", printed small on the line
    under it: whole on one line it ran over the labels' QR code and out of every page's
    identification box (111 mm in French)."""
    shown, laptop = taken_apart(number)
    return shown, f"(laptop {laptop})" if laptop else ""


def _draw_place(c: canvas.Canvas, place: str, alert: str, x: float, y: float, width: float) -> None:
    """The place in bold, as large as fits the box's line down to 6 pt (the forms take a ward of
    40 characters), cut with an ellipsis only beyond that; then, in red and never cut, the name
    alert of a patient sharing a family name on their ward ("SAME NAME: bed 31", see
    census.name_alert): the printed charts of Mr Martin in bed 12 and in bed 31 read alike."""
    tail = f" — {alert}" if alert else ""
    size = next((size for size in (9.5, 9, 8.5, 8, 7.5, 7, 6.5, 6)
                 if pdfmetrics.stringWidth(place + tail, CONDENSED_BOLD, size) <= width), 6)
    c.setFont(CONDENSED_BOLD, size)
    shown = fit_text(place, CONDENSED_BOLD, size, width - pdfmetrics.stringWidth(tail, CONDENSED_BOLD, size))
    c.drawString(x, y, shown)
    if tail:
        c.setFillColor(ALERT)
        c.drawString(x + pdfmetrics.stringWidth(shown, CONDENSED_BOLD, size), y, tail)
        c.setFillColor(INK)


LEADING = 1.15
"""Line spacing of a name written on more than one line, times its font size."""


def name_lines(name: str, width: float, room: float, largest: float) -> tuple[float, list[str]]:
    """The whole name in bold on the fewest lines that `room` (below the first line) allows,
    as large as it fits from `largest` down to 6 pt. Cut to one line, twins' "DUPONT-MARTIN
    Marie Anne Louise" and "… Lucie" both read "DUPONT-MARTIN Marie Anne …". Only a name too
    long even then is cut, with an ellipsis."""
    sizes = [largest - 0.5 * step for step in range(int((largest - 6) * 2) + 1)]
    most = 1 + int(room // (6 * LEADING))
    for count in range(1, most + 1):
        for size in sizes:
            lines = wrap(name, BOLD, size, width)
            if (len(lines) <= min(count, 1 + room // (size * LEADING))
                    and all(pdfmetrics.stringWidth(line, BOLD, size) <= width for line in lines)):
                return size, lines
    lines = wrap(name, BOLD, 6, width)
    return 6, [fit_text(line, BOLD, 6, width) for line in [*lines[:most - 1], " ".join(lines[most - 1:])]]


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """Shorten with an ellipsis rather than run out of the identification box."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _draw_footer(c: canvas.Canvas, info: PageInfo, page: int, total: int, sheet: tuple[int, int] | None) -> None:
    """`page` of `total`: the page's place among its patient's pages in a pack of several
    patients' charts (`sheet`: its place in the pack), else in the document."""
    page_w, _ = info.pagesize
    width = page_w - 2 * MARGIN
    y = MARGIN + FOOTER_HEIGHT - 4 * mm
    c.setStrokeColor(RULE)
    c.line(MARGIN, y + 3 * mm, page_w - MARGIN, y + 3 * mm)
    c.setFillColor(INK)
    c.setFont(BOLD, 9)
    c.drawRightString(page_w - MARGIN, y - 1 * mm, word("page", info.lang, page=page, total=total))
    c.setFont(BOLD, 7.5)
    if info.record:
        c.drawString(MARGIN, y - 1 * mm, word("downtime_record", info.lang))
    c.setFont(SANS, 7)
    when = info.printed_at.strftime("%d/%m/%Y %H:%M")
    printed = (word("printed_blank", info.lang, when=when, device=info.device_name) if info.printed_by is None
               else word("printed", info.lang, who=info.printed_by, when=when, device=info.device_name))
    room = 25 * mm
    if info.form_number is not None:
        form, version = info.form_number
        number = word("form_number", info.lang, form=form, version=version)
        c.drawRightString(page_w - MARGIN, y - 4.5 * mm, number)
        room = max(room, pdfmetrics.stringWidth(number, SANS, 7) + 5 * mm)
    c.drawString(MARGIN, y - 4.5 * mm, fit_text(printed, SANS, 7, width - room))
    room = 0.0
    if sheet is not None:
        sheet_said = word("sheet", info.lang, page=sheet[0], total=sheet[1])
        c.drawRightString(page_w - MARGIN, y - 8 * mm, sheet_said)
        room = pdfmetrics.stringWidth(sheet_said, SANS, 7) + 5 * mm
    if info.patient is not None:
        name, born, number = patient_lines(info.patient, info.lang)
        c.setFont(BOLD, 7)
        # Only the name is shortened: cut at its end, the line lost the number.
        rest = f" — {born} — {number}"
        c.drawString(MARGIN, y - 8 * mm, fit_text(name, BOLD, 7, width - room - pdfmetrics.stringWidth(rest, BOLD, 7))
                     + rest)


def _draw_watermark(c: canvas.Canvas, info: PageInfo) -> None:
    if not info.watermark:
        return
    page_w, page_h = info.pagesize
    c.saveState()
    c.setFillColor(colors.Color(0.75, 0, 0, alpha=0.25))
    c.setFont(BOLD, 54)
    c.translate(page_w / 2, page_h / 2)
    c.rotate(40)
    c.drawCentredString(0, 0, info.watermark)
    c.restoreState()


class PatientMarker(Flowable):
    """In a document about several patients (a ward MAR pack), makes the pages from here on
    carry this patient's identifiers in their header and footer, and be numbered as their own
    ("Page 1 of 2", as the paper chart's "chart 1 of 2"): split into bedside folders, a pack
    numbered through ("Page 6 of 37") told no one a patient's second page was missing."""

    def __init__(self, patient: PatientSummary):
        super().__init__()
        self.patient = patient

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.dt_patient = self.patient
        self.canv.dt_chart = getattr(self.canv, "dt_chart", 0) + 1


def _numbered_canvas(info: PageInfo) -> type[canvas.Canvas]:
    """A canvas that holds pages back until the end, so each can say "page x of y"."""

    class NumberedCanvas(canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            title, subtitle, mark = _title(info), _subtitle(info), _record_mark(info)
            charts = [state.get("dt_chart") for state in self._pages]
            several = len(set(charts)) > 1
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                page_info = replace(info, patient=state.get("dt_patient", info.patient))
                _draw_header(self, page_info, title, subtitle, mark)
                chart = state.get("dt_chart")
                if several:
                    _draw_footer(self, page_info, charts[:number].count(chart), charts.count(chart), (number, total))
                else:
                    _draw_footer(self, page_info, number, total, None)
                _draw_watermark(self, page_info)
                super().showPage()
            super().save()

    return NumberedCanvas


class LinesTable(Table):
    """A table of lines (a theatre's operations, a ward's beds, a patient's records) that pages
    break between lines. A line is cut across pages only when it is taller than a page, on the
    page it starts at the top of: at the foot of a page, a theatre's first operation went over
    cut in two, its name there and its notes ("diabetic, first on the list") over the page on
    a line with no name."""

    def __init__(self, *args: Any, splitInRow: int = 1, **kwargs: Any) -> None:  # noqa: N803 (reportlab's name)
        super().__init__(*args, splitInRow=splitInRow, **kwargs)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 (reportlab's names)
        frame = getattr(self, "_frame", None)
        if frame is None or frame._atTop:
            return super().split(availWidth, availHeight)
        self._calc(availWidth, availHeight)
        return self._splitRows(availHeight)


def carried_on_by_hand(body: list[list[Any]], widths: Sequence[float], width: float, by_hand: int,
                       row_height: float) -> LinesTable:
    """A register on paper (the controlled-drug register's page, a patient's notes): its heading
    row shaded, its lines ruled, then `by_hand` empty rows `row_height` tall to carry on by hand
    while the laptop is away. A line taller than a page (a note, which the app sets no length)
    carries on over the next: without it reportlab gave up, and the page did not print."""
    rows = body + [[""] * len(widths) for _ in range(by_hand)]
    table = LinesTable(rows, colWidths=[share * width for share in widths], repeatRows=1,
                       rowHeights=[None] * len(body) + [row_height] * by_hand)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e0e0e0")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table


def build_pdf(out: Path, story: Sequence[Flowable], info: PageInfo) -> Path:
    """Lay the story out under the shared furniture; written to a temporary file first, so a
    failure never leaves half a PDF under the final name."""
    register_fonts()
    page_w, page_h = info.pagesize
    with written_to(out):
        out.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(suffix=".pdf", dir=out.parent)
        os.close(handle)
        try:
            top, bottom = _margins(info)
            doc = BaseDocTemplate(temporary, pagesize=info.pagesize, title=info.title,
                                  author=info.printed_by or "", creator="Downtime",
                                  leftMargin=MARGIN, rightMargin=MARGIN, topMargin=top, bottomMargin=bottom)
            frame = Frame(doc.leftMargin, doc.bottomMargin, page_w - 2 * MARGIN, body_height(info), id="body",
                          leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
            doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
            doc.build(list(story), canvasmaker=_numbered_canvas(info))
            os.replace(temporary, out)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    return out


def body_width(info: PageInfo) -> float:
    return info.pagesize[0] - 2 * MARGIN


def _margins(info: PageInfo) -> tuple[float, float]:
    """The body's top and bottom margins: under the header, above the footer."""
    return MARGIN + header_height(info) + 3 * mm, MARGIN + FOOTER_HEIGHT


def body_height(info: PageInfo) -> float:
    """The height a page has for its story, to tell whether something fits on a page of its own."""
    top, bottom = _margins(info)
    return info.pagesize[1] - top - bottom

