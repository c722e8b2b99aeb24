"""Page furniture shared by every printed page: fonts, styles, the patient-identification
header, the footer ("page x of y", who printed it and when) and watermarks.

Every page carries two patient identifiers and the downtime number, because printed pages get
separated from each other on a ward.
"""

from __future__ import annotations

import copy
import os
import re
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
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Spacer, Table, TableStyle

from downtime.domain.census import StayStatus
from downtime.domain.clock import DATED, ward_time
from downtime.domain.downtime_number import in_bars, taken_apart
from downtime.errors import written_to
from downtime.formspec import Lang
from downtime.i18n import semicolon, sentence
from downtime.paths import resources_dir
from downtime.pdf.lines import Lines, fit, text, wrap
from downtime.services.census import name_alert
from downtime.services.patients import PatientSummary

SANS, BOLD, CONDENSED, CONDENSED_BOLD = "DT-Sans", "DT-Sans-Bold", "DT-Cond", "DT-Cond-Bold"
MARGIN = 12 * mm
HEADER_HEIGHT = 30 * mm
FOOTER_HEIGHT = 14 * mm
# The patient identification box, top right of every page, framed by a line `FRAME` thick.
BOX_W = 92 * mm
FRAME = 1.0
# The barcode in it: its narrowest bar as wide as a photocopied page still scans (reportlab's
# 0.19 mm fills in with the copier's ink), clear of the frame by `QUIET` of them (ISO/IEC 15417).
PAGE_MODULE = 0.3 * mm
QUIET = 10
# The narrowest bar a label's, a band's or a page's barcode is ever given: a band curved round a
# wrist, a thermal or worn insert, did not scan at reportlab's 0.19 mm.
SMALLEST_MODULE = 0.25 * mm
# On a form filled by hand the box takes the ward's sticky label: it holds the largest sheet
# label the app prints (L7163, 99.1 × 38.1 mm) with room to stick it askew.
LABEL_BOX = (103 * mm, 42 * mm)
# The line under the downtime number that says where the patient is (`PageInfo.place`).
PLACE_LINE = 5 * mm
# The line under a downtime number two laptops gave that names its laptop, taken from the barcode's height.
LAPTOP_LINE = 2.6 * mm
# The patient's allergy status in the identification box (`PageInfo.allergies`): two lines of
# `ALLERGY_SIZE` under the downtime number, the barcode moved down under them.
ALLERGY_SIZE = 7.5
ALLERGY_LINES = 2
ALLERGY_ROOM = 6 * mm
INK = colors.HexColor("#111111")
GREY = colors.HexColor("#555555")
HINT = colors.HexColor("#333333")
"""What a nurse reads to fill a paper form in (a box's prompt, a field's condition): lighter than
the handwriting, dark enough to survive a copy of a copy, where #555555 at 6 pt was lost."""
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
    "continued": {"en": "(continued)", "fr": "(suite)"},
    "allergens": {"en": "ALLERGIES ({count}): {list} — reactions on the admission record",
                  "fr": "ALLERGIES ({count}) : {list} — réactions sur le dossier d’admission"},
    "allergies": {"en": "ALLERGIES: {list}", "fr": "ALLERGIES : {list}"},
    "allergy_status": {"en": "ALLERGIES: ☐ none known ☐ yes, listed on page 1: ______________________________",
                       "fr": "ALLERGIES : ☐ aucune connue ☐ oui, listées en page 1 : ______________________________"},
    "nka": {"en": "No known allergies", "fr": "Aucune allergie connue"},
    # A patient who cannot answer (ventilated, confused, unconscious) is common: whom else to ask.
    "allergies_unknown": {"en": "ALLERGIES NOT KNOWN YET — ask the patient, family or GP",
                          "fr": "ALLERGIES PAS ENCORE CONNUES — demander au patient, à la famille ou au médecin "
                                "traitant"},
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
    """`moment` on the ward's clock (`zone`: the printing's now's), written as `form` says, by the
    rule every screen shares (domain.clock.ward_time: its offset where the clock reads that time
    twice), so a print never says a time otherwise than the screen it came from."""
    return ward_time(moment, zone, form)


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
    allergies: bool = False
    """The identification box also words the patient's allergy status (`box_allergies`), on every
    page: a MAR's as-required morphine, on its second page, or a record's page 2, named no
    allergy, and a page parted from the first read as if there were none. On a blank form, each
    page after the first asks it beside the box (`_draw_allergy_status`): the blank MAR's
    as-required sheet, written by hand and parted from the first, said nothing of allergies."""
    allergies_in_body: bool = False
    """The first page's body starts with the allergy status in full where the box could not hold
    it (`allergies_beyond_box`), as the MAR's and a record's do: a bedside chart's box cut a list
    of ten at "Chlor…", and chlorhexidine and latex, the line chart's own allergies, were printed
    nowhere on it."""
    form_number: tuple[str, int] | None = None
    """A form's id and version, in small print at the foot of each page as a paper form prints
    its form number (under the title, "death v1" stood where a nurse looks for the form's name);
    "version" in full, as `downtime forms check` says it: "v2" is a record's version in the lists."""

    @property
    def pagesize(self) -> tuple[float, float]:
        return landscape(A4) if self.landscape else A4


def chart_info(patient: PatientSummary, title: str, *, lang: Lang, printed_by: str, printed_at: datetime,
               device_name: str, landscape: bool = False, subtitle: str | None = None) -> PageInfo:
    """The pages of a patient's bedside chart (NEWS2, glucose, pain, a transfusion, their notes…):
    the identification box says where the census puts the patient and their allergy status, on
    every page, as the MAR's and the records' do: the charts beside them at the bedside, from
    which insulin, analgesia and blood are given, named no allergy. (A chart's form may print a
    single record without it, `FormSpec.prints_allergies`: the chart is read at the bedside
    whole.)"""
    return PageInfo(title=title, lang=lang, printed_by=printed_by, printed_at=printed_at, device_name=device_name,
                    patient=patient, place=True, allergies=True, allergies_in_body=True, landscape=landscape,
                    subtitle=subtitle)


MONTHS = {"en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
          "fr": ("Janv", "Févr", "Mars", "Avr", "Mai", "Juin", "Juil", "Août", "Sept", "Oct", "Nov", "Déc")}
"""The months as a date of birth gives them, in French as French writes them short (mars, mai, juin
and août whole): "12-Mar-1954" read as English on a French page, beside the MAR's "mar." for
Tuesday. "Mars" is the widest: the census's and theatre list's columns are as wide as it."""

FORMER_MONTHS = {**MONTHS, "fr": ("Jan", "Fév", "Mar", "Avr", "Mai", "Juin", "Juil", "Aoû", "Sep", "Oct", "Nov", "Déc")}
"""The months as bands printed before `MONTHS` spelt them in French: a band on the wrist reading
"12-Mar-1954" names the patient its reprint names "12-Mars-1954", and is not out of date for that
(services.printing.band_out_of_date)."""


def birth_date_label(patient: PatientSummary, lang: Lang, months: Mapping[Lang, Sequence[str]] = MONTHS) -> str:
    """DD-Mmm-YYYY (NPSA wristband standard): no day/month confusion between countries. `months`:
    the spelling of the months, `FORMER_MONTHS` for the label a band printed before read."""
    born = patient.birth_date
    return f"{born.day:02d}-{months[lang][born.month - 1]}-{born.year}" if born else word("dob_unknown", lang)


def patient_lines(patient: PatientSummary, lang: Lang) -> tuple[str, str, str]:
    """Name; date of birth and sex; downtime number — the identifiers every page repeats, the
    date of birth as the wristband and labels give it, which they are checked against (an
    unknown one too: "DOB unknown", where it read "Date of birth DOB unknown")."""
    born = birth_date_label(patient, lang)
    if patient.birth_date is not None:
        born = f"{word('dob', lang)} {born}"
    sex = SEX.get(patient.sex or "unknown", SEX["unknown"])[lang]
    return (patient.display_name, f"{born}   {word('sex', lang)} {sex}", patient.downtime_number)


def allergens(patient: PatientSummary, lang: Lang) -> list[str]:
    """Each allergy's substance with its severity alone ("Latex (severe)"), for a print with no
    room for every reaction: the band and the census name every allergen in this shorter form
    before they cut anything (the reactions were kept, and the last allergens lost)."""
    severities = [severity for _, severity in patient.reactions] or [None] * len(patient.allergies)
    return [f"{substance} ({severity.get(lang).lower()})" if severity else substance
            for substance, severity in zip(patient.allergies, severities)]


def allergy_line(patient: PatientSummary, lang: Lang) -> str:
    """The allergy status every patient page repeats (red on paper, but worded, not colour),
    each allergy with its reaction and severity, as a drug chart asks for them."""
    if patient.allergies:
        return word("allergies", lang, list=semicolon(lang).join(patient.allergies_in(lang)))
    return word("nka", lang) if patient.allergy_status == "nka" else word("allergies_unknown", lang)


def allergy_colour(patient: PatientSummary) -> colors.Color:
    """Red for a warning (PatientSummary.allergy_alert), black for "no known allergy"."""
    return ALERT if patient.allergy_alert else colors.black


def allergies_within(patient: PatientSummary, lang: Lang, full: str, said_in: ParagraphStyle, width: float,
                     height: float) -> str:
    """The allergy line `full` where it sets no taller than `height` in `width`, else every
    allergen with its severity and their count (`allergens`), the reactions left to the
    admission record: a list of long reactions on the census, repeated on each page its line ran
    over, showed three allergies of nine, cut at each page's foot."""
    if not patient.allergies or Lines(full, said_in).wrap(width, height)[1] <= height:
        return full
    named = allergens(patient, lang)
    return word("allergens", lang, count=len(named), list=semicolon(lang).join(named))


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


class Barcode(Flowable):
    """The bars go straight onto the canvas: built as a graphics drawing, one barcode cost
    more than the rest of a MAR page."""

    def __init__(self, value: str, width: float, height: float, module: float | None) -> None:
        super().__init__()
        sized = {} if module is None else {"barWidth": module}
        self.code = _Code128(value, barHeight=height, humanReadable=False, quiet=False, **sized)
        self.narrowed = min(1.0, width / self.code.width)
        self.width, self.height = self.code.width * self.narrowed, height

    @property
    def module(self) -> float:
        """The narrowest bar's width as drawn."""
        return self.code.barWidth * self.narrowed

    def draw(self) -> None:
        self.canv.setFillColor(colors.black)
        self.canv.scale(self.narrowed, 1.0)
        self.code.drawOn(self.canv, 0, 0)


def barcode(value: str, width: float, height: float, module: float | None = None) -> Barcode:
    """A Code128 of the value, its narrowest bar `module` wide (reportlab's 0.19 mm by default),
    narrowed to fit the box (bedside scanners read linear codes)."""
    return Barcode(value, width, height, module)


def scannable_barcode(values: Sequence[str], width: float, height: float) -> Barcode | None:
    """The Code128 of the first of `values` that fits `width` with its quiet zones (QUIET of its
    narrowest bars each side), those bars as wide as fit from PAGE_MODULE down to SMALLEST_MODULE;
    None when none fits. Drawn at its quiet zone's end: `drawOn(c, x + QUIET * bars.module, y)`.
    Narrowed to fit, a label's bars were 0.19 mm and a page's told-apart number's 0.21 mm."""
    for value in values:
        bars = _Code128(value, barWidth=1, humanReadable=False, quiet=False).width
        module = min(PAGE_MODULE, width / (bars + 2 * QUIET))
        if module >= SMALLEST_MODULE:
            return barcode(value, width, height, module)
    return None


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
    """The identification box's width and height (taller by a line for the patient's place, and
    by two for their allergies)."""
    if info.blank:
        return LABEL_BOX
    return BOX_W, HEADER_HEIGHT - 2 * mm + (PLACE_LINE if info.place else 0) + (ALLERGY_ROOM if info.allergies else 0)


def _draw_allergy_status(c: canvas.Canvas, info: PageInfo, above: float) -> None:
    """A blank form's "ALLERGIES: ☐ none known ☐ yes, listed on page 1: ____" beside its label
    box, its last line's descent `above` the record mark, in the red of the first page's
    allergy box: a sticky label covers the box itself."""
    fitted = fit(word("allergy_status", info.lang), BOLD, 9, 9 * LEADING, _title_width(info))
    c.setFont(BOLD, fitted.size)
    c.setFillColor(ALERT)
    for index, line in enumerate(reversed(fitted.lines)):
        c.drawString(MARGIN, above + 0.25 * fitted.size + index * fitted.leading, line)
    c.setFillColor(INK)


def header_height(info: PageInfo) -> float:
    return max(HEADER_HEIGHT, _box(info)[1] + 2 * mm) if info.patient_box else HEADER_HEIGHT


def _draw_header(c: canvas.Canvas, info: PageInfo, title: Flowable, subtitle: Flowable | None,
                 mark: Flowable, number: int) -> None:
    """The title, subtitle and record mark, and the identification box, of page `number`."""
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
    mark_h = mark.wrap(_title_width(info), header_height(info))[1] if info.record else 0.0
    if info.record:
        mark.drawOn(c, MARGIN, bottom + 4 * mm)
    if info.patient is None and info.allergies and number > 1:
        _draw_allergy_status(c, info, bottom + 4 * mm + mark_h + 2.5 * mm)
    if not info.patient_box:
        return
    c.setStrokeColor(INK)
    c.setLineWidth(FRAME)
    c.rect(box_x, top - box_h, box_w, box_h)
    c.setFillColor(INK)
    if info.patient is None:
        c.setFont(SANS, 7)
        c.setFillColor(HINT)
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
    # birth down, into what the box has left between its top and the downtime number; one too
    # long for two takes three or four, small (see name_lines), the date of birth under the last.
    laid = name_lines(name, box_w - 4 * mm, 3.3 * mm, largest=10.5)
    if not laid.whole:
        laid = name_lines(name, box_w - 4 * mm, 3 * FINE_PRINT * LEADING, largest=6.5)
    c.setFont(laid.font, laid.size)
    first = top - {1: 5.5, 2: 4.2}.get(len(laid.lines), 3.2) * mm
    for index, line in enumerate(laid.lines):
        c.drawString(box_x + 2 * mm, first - index * laid.size * LEADING, line)
    c.setFont(SANS, 8.5)
    # Under the name's last line: its descent, half a millimetre, the date of birth's capitals.
    under = first - (len(laid.lines) - 1) * laid.size * LEADING - 0.25 * laid.size - 0.5 * mm - 0.73 * 8.5
    c.drawString(box_x + 2 * mm, min(top - (10.5 if len(laid.lines) == 1 else 11.3) * mm, under), born)
    # The laptop of a number two laptops gave on a line of its own, which the barcode under it
    # makes room for; the barcode keeps the whole, at full width still.
    shown, laptop = number_lines(number)
    below = LAPTOP_LINE if laptop else 0.0
    c.setFont(BOLD, 9.5)
    c.drawString(box_x + 2 * mm, top - 15.5 * mm, f"{word('downtime_no', info.lang)} {shown}")
    if laptop:
        c.setFont(SANS, 6.5)
        c.drawString(box_x + 2 * mm, top - 15.5 * mm - below, laptop)
    last = top - 15.5 * mm - below
    if info.place:
        last -= PLACE_LINE
        _draw_place(c, place_line(info.patient, info.lang), name_alert(info.patient.namesakes, info.lang),
                    box_x + 2 * mm, last, box_w - 4 * mm)
    if info.allergies:
        c.setFont(CONDENSED_BOLD, ALLERGY_SIZE)
        c.setFillColor(allergy_colour(info.patient))
        for index, line in enumerate(box_allergies(info.patient, info.lang, box_w - 4 * mm)):
            c.drawString(box_x + 2 * mm, last - 3.4 * mm - index * ALLERGY_SIZE * LEADING, line)
        c.setFillColor(INK)
    # The bars clear of the box's frame by ten of their narrowest (the quiet zone a scanner needs).
    bars = scannable_barcode([in_bars(number)], box_w - FRAME, 8 * mm - below)
    assert bars is not None, "a downtime number told apart fits the box at PAGE_MODULE"
    bars.drawOn(c, box_x + FRAME / 2 + QUIET * bars.module, top - box_h + 2 * mm)


def box_allergies(patient: PatientSummary, lang: Lang, width: float) -> list[str]:
    """The allergy status as the identification box words it, on at most `ALLERGY_LINES` lines
    of `width`: whole where it fits, else each allergen with its severity and their count
    (`allergens`), its last line cut with an ellipsis beyond that where every allergen is still
    named whole (the count says there are more), else as many whole allergens as fit and an
    ellipsis (a chart's body gives them all, `allergies_in_body`): cut mid-word, "Chlor…" could be
    chlorhexidine or chloramphenicol."""
    said = [allergy_line(patient, lang)]
    named = allergens(patient, lang)
    if named:
        said.append(word("allergens", lang, count=len(named), list=semicolon(lang).join(named)))
    for value in said:
        if (lines := _in_box(value, width)) is not None:
            return lines
    wrapped = wrap(said[-1], CONDENSED_BOLD, ALLERGY_SIZE, width)
    cut = [fit_text(line, CONDENSED_BOLD, ALLERGY_SIZE, width)
           for line in [*wrapped[:ALLERGY_LINES - 1], " ".join(wrapped[ALLERGY_LINES - 1:])]]
    if all(substance in " ".join(cut) for substance in patient.allergies):
        return cut
    for kept in range(len(named) - 1, 0, -1):
        fewer = word("allergens", lang, count=len(named), list=semicolon(lang).join([*named[:kept], "…"]))
        if (lines := _in_box(fewer, width)) is not None:
            return lines
    return cut


def _in_box(value: str, width: float) -> list[str] | None:
    """`value` on the identification box's allergy lines, None where it takes more of them."""
    lines = wrap(value, CONDENSED_BOLD, ALLERGY_SIZE, width)
    if len(lines) <= ALLERGY_LINES and all(pdfmetrics.stringWidth(line, CONDENSED_BOLD, ALLERGY_SIZE) <= width
                                           for line in lines):
        return lines
    return None


def allergies_beyond_box(patient: PatientSummary, lang: Lang) -> str | None:
    """The allergy status in full for a page's body (`allergy_line`), where the identification
    box of a page that words it (`PageInfo.allergies`) could not give it whole (a long list named
    there by allergen and severity alone); None where the box says it all. Given in both, the
    MAR's and a record's first page said the allergies twice, the body's line bigger than the
    box's, which every other page has alone."""
    register_fonts()  # measured before the page is laid out
    full = allergy_line(patient, lang)
    return None if _in_box(full, BOX_W - 4 * mm) is not None else full


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


@dataclass(frozen=True)
class NameLines:
    """A name laid out for a box: its font, size and lines."""

    font: str
    size: float
    lines: list[str]
    whole: bool = True
    """False where the first names are shortened, or the name cut."""


SMALLEST = 6.0
"""The smallest a name is printed at whole: below it a name is hard to read at the bedside."""
FINE_PRINT = 5.0
"""The smallest a name is printed at with its first names shortened, before anything is cut:
the birth name of a name the form takes whole on the smallest sheet label (L7159)."""


def name_lines(name: str, width: float, room: float, largest: float) -> NameLines:
    """The whole name on the fewest lines that `room` (below the first line) allows, as large as
    it fits from `largest` down to 6 pt, in bold, then in condensed bold. Cut to one line, twins'
    "DUPONT-MARTIN Marie Anne Louise" and "… Lucie" both read "DUPONT-MARTIN Marie Anne …"; cut
    with an ellipsis where even that did not fit, twin sisters whose birth names differed at
    their end ("… DE MONTMORENCY", "… DE MONTMORILLON") printed alike. A name too long still
    has its first names after the first shortened to initials ("Anne-Hélène Z. M.-B."), down to
    5 pt if need be: the birth name is what identifies a patient in law, and the family names are
    never shortened. Only a name too long even then is cut, with an ellipsis."""
    shortened = first_names_shortened(name)
    for said, font, smallest in ((name, BOLD, SMALLEST), (name, CONDENSED_BOLD, SMALLEST),
                                 (shortened, BOLD, SMALLEST), (shortened, CONDENSED_BOLD, SMALLEST),
                                 (shortened, CONDENSED_BOLD, FINE_PRINT)):
        if (found := _laid_out(said, font, width, room, largest, smallest)) is not None:
            return replace(found, whole=said == name)
    most = 1 + int(room // (FINE_PRINT * LEADING))
    lines = wrap(shortened, CONDENSED_BOLD, FINE_PRINT, width)
    return NameLines(CONDENSED_BOLD, FINE_PRINT, [fit_text(line, CONDENSED_BOLD, FINE_PRINT, width)
                                                  for line in [*lines[:most - 1], " ".join(lines[most - 1:])]],
                     whole=False)


def _laid_out(name: str, font: str, width: float, room: float, largest: float, smallest: float) -> NameLines | None:
    """The name in `font` on the fewest lines `room` allows, as large as fits down to `smallest`;
    None if it does not."""
    sizes = [largest - 0.5 * step for step in range(int((largest - smallest) * 2) + 1)]
    most = 1 + int(room // (smallest * LEADING))
    for count in range(1, most + 1):
        for size in sizes:
            lines = wrap(name, font, size, width)
            if (len(lines) <= min(count, 1 + room // (size * LEADING))
                    and all(pdfmetrics.stringWidth(line, font, size) <= width for line in lines)):
                return NameLines(font, size, lines)
    return None


_INITIAL = re.compile(r"(\w)\w*")


def first_names_shortened(name: str) -> str:
    """The name with its first names after the first written as initials ("DUPONT Anne-Hélène
    Z. M.-B. (née MARTIN)"): the family names, in capitals before them, and what follows in
    brackets (the birth name, an unidentified patient's description) stay whole."""
    words = name.split(" ")
    start = next((index for index, said in enumerate(words) if said != said.upper()), len(words))
    end = next((index for index in range(start, len(words)) if words[index].startswith("(")), len(words))
    if end - start < 2:
        return name
    initials = [_INITIAL.sub(r"\1.", said) for said in words[start + 1:end]]
    return " ".join([*words[:start + 1], *initials, *words[end:]])


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
    when = ward_clock(info.printed_at, info.printed_at.tzinfo, DATED)
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
        # The date of birth and number after the name, never cut: beside the name on one line
        # where both fit, else after the name's last line, or under it where that line has no
        # room left. The name is not cut either (cut with an ellipsis, twin sisters' pages read
        # alike). Put after the first of its two lines, they parted "(née DE" from
        # "LA ROCHEFOUCAULD-MONTMORENCY)".
        rest = f" — {born} — {number}"
        rest_w = pdfmetrics.stringWidth(rest, BOLD, 7)
        laid = name_lines(name, width - room - rest_w, 0.0, largest=7)
        if not laid.whole:
            laid = name_lines(name, width - room, SMALLEST * LEADING, largest=7)
        c.setFont(laid.font, laid.size)
        for index, line in enumerate(laid.lines):
            c.drawString(MARGIN, y - 8 * mm - index * laid.size * LEADING, line)
        after = pdfmetrics.stringWidth(laid.lines[-1], laid.font, laid.size)
        last = y - 8 * mm - (len(laid.lines) - 1) * laid.size * LEADING
        c.setFont(BOLD, 7)
        if after + rest_w <= width - room:
            c.drawString(MARGIN + after, last, rest)
        else:
            c.drawString(MARGIN, last - 7 * LEADING, rest.removeprefix(" — "))


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
                _draw_header(self, page_info, title, subtitle, mark, number)
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


class CarriedLinesTable(LinesTable):
    """Lines about patients (a ward's beds, a theatre's operations) under `head` rows repeated on
    each page: a line that does not fit the rest of a page is cut across it (see `_between`) and
    carries on over the next page under the cells that name its patient again (`repeated`, its
    first `named_by` and any others each page must give, as the census's allergies), `continued`
    under the name (in column `name_column`), once: moved whole onto the next page, a nurse's
    long notes left most of a page empty, and the French census of a 28-bed ward ran to 11 pages;
    left as reportlab cuts it, a theatre list's operation carried on under no name, number or
    time, its contrast allergy and "difficult airway" read for nobody. Each page names the
    patient of every line on it, as every printed page does (two identifiers)."""

    def __init__(self, *args: Any, head: int = 1, named_by: int = 1, name_column: int = 0, continued: str = "",
                 least: float = 0.0, repeated: Sequence[int] = (), **kwargs: Any) -> None:
        """The defaults are for the parts reportlab makes as it splits the table, given the whole's
        settings by `onSplit`."""
        super().__init__(*args, **kwargs)
        self.head, self.named_by, self.name_column, self.continued, self.least = (head, named_by, name_column,
                                                                                  continued, least)
        self.repeated = tuple(repeated) or tuple(range(named_by))

    def onSplit(self, T: Table, byRow: int = 1) -> None:  # noqa: N802, N803 (reportlab's names)
        """Each part reportlab cuts the table into cuts its own lines alike."""
        T.head, T.named_by, T.name_column, T.continued, T.least, T.repeated = (
            self.head, self.named_by, self.name_column, self.continued, self.least, self.repeated)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 (reportlab's names)
        self._calc(availWidth, availHeight)
        cut = self._getFirstPossibleSplitRowPosition(availHeight, ignoreSpans=1)  # the line that does not fit
        room = availHeight - sum(self._rowHeights[:cut])
        if self.head <= cut < self._nrows and (at := self._between(cut, room)) is not None:
            parts = self._splitRows(availHeight - room + at, doInRowSplit=1)
            if len(parts) == 2:
                return [parts[0], self._carried_on(parts[1], self._cellvalues[cut])]
        return super().split(availWidth, availHeight)

    def _between(self, row: int, room: float) -> float | None:
        """Where to cut the line in `room`, None to move it whole onto the next page: with `least`
        room or more, under the last of its tallest cell's paragraphs (its notes, a chart's line
        each) that fits there and leaves room above for the cells the rest of it repeats (an
        allergy list cut there, its rest under its first allergies again, never said its last),
        no paragraph cut across two pages; a line taller than a page, there, else at the room's
        foot."""
        frame = getattr(self, "_frame", None)
        taller = row == self.head and (frame is None or frame._atTop)  # than a page: on one of its own, it does not fit
        named = self._tallest(row, self.repeated)[0]
        if taller and named > room:  # a repeated cell taller than a page: only the naming cells kept whole
            named = self._tallest(row, range(self.named_by))[0]
        if room < named or (room < self.least and not taller):
            return None
        _, column = self._tallest(row)
        flowables, width, cell = (cell_flowables(self._cellvalues[row][column]), self._colWidths[column],
                                  self._cellStyles[row][column])
        heights = (cell.topPadding + self._listCellGeom(flowables[:count], width, cell)[1] + CUT_FUZZ
                   for count in range(len(flowables) - 1, 0, -1))
        return next((height for height in heights if named <= height <= room), room if taller else None)

    def _tallest(self, row: int, columns: Sequence[int] | None = None) -> tuple[float, int]:
        """How tall the tallest of the line's cells is (of `columns`), and which it is."""
        chosen = range(self._ncols) if columns is None else columns
        return max(((self._listCellGeom(cell_flowables(self._cellvalues[row][column]), self._colWidths[column],
                                        self._cellStyles[row][column])[1]
                     + self._cellStyles[row][column].topPadding + self._cellStyles[row][column].bottomPadding,
                     column) for column in chosen if cell_flowables(self._cellvalues[row][column])),
                   default=(0.0, 0))

    def _carried_on(self, rest: Table, line: Sequence[Any]) -> Table:
        """`rest`, its first line the part of `line` carried on, its `repeated` cells printed again
        whole: reportlab leaves them empty, or with the words under the cut ("médecin traitant", of
        "allergies not known yet — ask the GP"). A repeated cell the cut ran across (see
        `_between`: an allergy list taller than a page) carries on with its rest, not all of it
        again: a list taller than a page would never end, and one restarted on each page showed
        its first allergies on every page and its last on none. `continued` under the name once,
        however many pages the line has run over (a line over ten pages said it nine times on its
        last). Its height is measured again."""
        head = self.head
        for column in self.repeated:
            if column < self.named_by or not cell_flowables(rest._cellvalues[head][column]):
                rest._cellvalues[head][column] = [copy.copy(flowable) for flowable in cell_flowables(line[column])]
        name = [flowable for flowable in cell_flowables(rest._cellvalues[head][self.name_column])
                if not isinstance(flowable, Continued)]
        rest._cellvalues[head][self.name_column] = [*name, Continued(self.continued, style(
            size=8, condensed=True, leading=9.5, color=GREY))]
        rest._argH[head] = None
        return rest


class Continued(Lines):
    """"(continued)" under the name of a line carried on over a page (`CarriedLinesTable`)."""


CUT_FROM = 0.15
"""The share of a page's height from which a line that does not fit the rest of it is cut there
rather than moved whole onto the next page (a `CarriedLinesTable`'s `least`)."""
CUT_FUZZ = 0.01
"""Points over a cut's height, for the paragraphs above it to fit in sums of floating points."""


def cell_flowables(value: Any) -> list[Flowable]:
    """A cell's flowables, however reportlab holds them (one, a list, or a string when empty)."""
    if isinstance(value, Flowable):
        return [value]
    return list(value) if isinstance(value, (list, tuple)) else []


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
            doc.build([*allergies_in_body(info), *story], canvasmaker=_numbered_canvas(info))
            os.replace(temporary, out)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    return out


def allergies_in_body(info: PageInfo) -> list[Flowable]:
    """What `build_pdf` puts above the story of a page with `PageInfo.allergies_in_body`: the
    allergy status in full, in the allergy colour, where the box could not hold it; nothing else.
    Condensed, as the box is: at 10 pt a list of ten took four lines over a one-page grid. A
    chart that sizes its grid to the first page's room takes its height off (neuro, fluid)."""
    if not info.allergies_in_body or info.patient is None \
            or (full := allergies_beyond_box(info.patient, info.lang)) is None:
        return []
    return [Lines(full, style(9, bold=True, condensed=True, color=allergy_colour(info.patient))), Spacer(1, 1.5 * mm)]


def body_width(info: PageInfo) -> float:
    return info.pagesize[0] - 2 * MARGIN


def _margins(info: PageInfo) -> tuple[float, float]:
    """The body's top and bottom margins: under the header, above the footer."""
    return MARGIN + header_height(info) + 3 * mm, MARGIN + FOOTER_HEIGHT


def body_height(info: PageInfo) -> float:
    """The height a page has for its story, to tell whether something fits on a page of its own."""
    top, bottom = _margins(info)
    return info.pagesize[1] - top - bottom

