"""The medication administration record (MAR) as a paper chart, after the layout nurses know
from national inpatient charts: allergy banner first, each regular order with a row per
administration time and a column per day, then the as-required (PRN) doses, and the key of
not-given codes. Blank charts keep the same grid for handwriting."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from downtime.domain.medication import DoseState, Frequency, Order, dose_text
from downtime.formspec import Lang
from downtime.pdf.forms import allergy_line
from downtime.pdf.page import (
    BAND,
    CONDENSED,
    CONDENSED_BOLD,
    RULE,
    PageInfo,
    PatientMarker,
    body_width,
    build_pdf,
    style,
)
from downtime.services.medication import MarRow
from downtime.services.patients import PatientSummary

WORDS: dict[str, dict[Lang, str]] = {
    "title": {"en": "Medication administration record", "fr": "Feuille d'administration des médicaments"},
    "blank_title": {"en": "Medication administration record — blank 3-day chart",
                    "fr": "Feuille d'administration — vierge, 3 jours"},
    "period": {"en": "{first} to {last}", "fr": "du {first} au {last}"},
    "weight": {"en": "Weight: {weight}", "fr": "Poids : {weight}"},
    "regular": {"en": "Regular medicines", "fr": "Traitements systématiques"},
    "once": {"en": "Once-only medicines", "fr": "Doses uniques"},
    "prn": {"en": "As required (PRN) medicines", "fr": "Traitements si besoin"},
    "medicine": {"en": "Medicine, dose, route", "fr": "Médicament, dose, voie"},
    "time": {"en": "Time", "fr": "Heure"},
    "prn_given": {"en": "Doses given (date time, dose, by, witness)", "fr": "Doses données (date heure, dose, par, témoin)"},
    "key": {"en": "Key: initials + time = given; circled letter = not given: ",
            "fr": "Légende : initiales + heure = donné ; lettre entourée = non donné : "},
    "due": {"en": "due", "fr": "à faire"},
    "late": {"en": "LATE", "fr": "RETARD"},
    "overdue": {"en": "OVERDUE", "fr": "OUBLI ?"},
    "none": {"en": "No medication orders.", "fr": "Aucune prescription."},
    "cd": {"en": "CONTROLLED DRUG — witness", "fr": "STUPÉFIANT — témoin"},
    "high_alert": {"en": "HIGH-ALERT", "fr": "HAUT RISQUE"},
    "stopped": {"en": "stopped {when}", "fr": "arrêté le {when}"},
    "every": {"en": "min {hours} h apart, max {count}/24 h — for: {why}",
              "fr": "intervalle {hours} h, max {count}/24 h — pour : {why}"},
    "prescriber": {"en": "Prescriber signature", "fr": "Signature du prescripteur"},
    "allergy_box": {"en": "ALLERGIES / ADVERSE REACTIONS:   ☐ none known   ☐ yes — drug and reaction:",
                    "fr": "ALLERGIES / EFFETS INDÉSIRABLES :   ☐ aucune connue   ☐ oui — médicament et réaction :"},
    "weight_box": {"en": "Weight: ________ kg", "fr": "Poids : ________ kg"},
}
CODE_NAMES = {"en": "R refused, F fasting/nil by mouth, A away, N not available, W withheld, V vomited, D asleep, O other",
              "fr": "R refus, F à jeun, A absent, N non disponible, W suspendu, V vomissement, D endormi, O autre"}


def w(key: str, lang: Lang, **values: object) -> str:
    return WORDS[key][lang].format(**values)


SIZE = 7.5


def _p(text: str, size: float = SIZE, bold: bool = False, color: colors.Color = colors.black) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style(size=size, bold=bold, condensed=True,
                                                              color=color, leading=size * 1.2))


@dataclass(frozen=True)
class PatientChart:
    patient: PatientSummary
    weight: str | None
    rows: list[MarRow]


def _order_text(order: Order, lang: Lang) -> str:
    lines = [f"{order.drug} {order.dose:g} {order.dose_unit} {order.route}"]
    flags = [w("cd", lang)] if order.controlled else []
    flags += [w("high_alert", lang)] if order.high_alert else []
    if order.frequency is Frequency.PRN:
        lines.append(w("every", lang, hours=f"{order.min_interval_hours:g}", count=order.max_doses_24h,
                       why=order.prn_indication or ""))
    lines.append(f"{order.start_at:%d/%m %H:%M}" + (f" — {w('stopped', lang, when=f'{order.stop_at:%d/%m %H:%M}')}"
                                                     if order.stop_at else ""))
    return "\n".join(lines + flags)


STATE_WORDS = {DoseState.LATE: "late", DoseState.OVERDUE: "overdue", DoseState.DUE: "due"}


# Table cell padding (reportlab's default) on each side of a cell's text.
PADDING = 6


def _regular_table(rows: list[MarRow], days: list[date], names: dict[str, str], lang: Lang,
                   width: float) -> Table:
    day_w = width * 0.61 / max(len(days), 1)
    widths = [width * 0.32, width * 0.07] + [day_w] * len(days)
    fonts: list[tuple[Any, ...]] = []

    def cell(text: str, column: int, row: int, bold: bool = False, color: colors.Color = colors.black) -> object:
        """A paragraph only where the text must wrap; a plain string, which the table draws as a
        bare canvas would, everywhere else (a paragraph costs parsing, wrapping and word-by-word
        drawing, for the same line on paper)."""
        font = CONDENSED_BOLD if bold else CONDENSED
        if "\n" in text or stringWidth(text, font, SIZE) > widths[column] - 2 * PADDING:
            return _p(text, bold=bold, color=color)
        fonts.extend([("FONT", (column, row), (column, row), font, SIZE, SIZE * 1.2),
                      ("TEXTCOLOR", (column, row), (column, row), color)])
        return text

    body: list[list[object]] = [[cell(w("medicine", lang), 0, 0, bold=True), cell(w("time", lang), 1, 0, bold=True)]
                                + [cell(day.strftime("%a %d/%m"), 2 + n, 0, bold=True) for n, day in enumerate(days)]]
    spans = []
    for row in rows:
        times = sorted({slot.slot.strftime("%H:%M") for slot in row.cells}) or ["—"]
        start = len(body)
        for index, clock in enumerate(times):
            at = len(body)
            line: list[object] = [_p(_order_text(row.order, lang), bold=False) if index == 0 else "",
                                  cell(clock, 1, at, bold=True)]
            for column, day in enumerate(days, start=2):
                found = next((c for c in row.cells if c.slot.date() == day and c.slot.strftime("%H:%M") == clock), None)
                if found is None:
                    line.append("")
                elif found.administration is not None:
                    line.append(cell(dose_text(found.administration, names), column, at))
                elif found.state in STATE_WORDS:
                    line.append(cell(w(STATE_WORDS[found.state], lang), column, at,
                                     bold=found.state is not DoseState.DUE, color=colors.HexColor("#b00000")))
                else:
                    line.append("")
            body.append(line)
        if len(times) > 1:
            spans.append(("SPAN", (0, start), (0, start + len(times) - 1)))
    table = Table(body, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, RULE),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e0e0e0")),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BOTTOMPADDING", (0, 1), (-1, -1), 6), *spans, *fonts]))
    return table


def _prn_table(rows: list[MarRow], names: dict[str, str], lang: Lang, width: float) -> Table:
    body: list[list[object]] = [[_p(w("medicine", lang), bold=True), _p(w("prn_given", lang), bold=True)]]
    for row in rows:
        doses = "\n".join(dose_text(dose, names, with_date=True)
                          + (f" — {dose.dose:g} {row.order.dose_unit}" if dose.dose is not None else "")
                          for dose in sorted(row.prn_doses, key=lambda d: d.at))
        body.append([_p(_order_text(row.order, lang)), _p(doses or "—")])
    table = Table(body, colWidths=[width * 0.39, width * 0.61], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, RULE),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e0e0e0")),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BOTTOMPADDING", (0, 1), (-1, -1), 6)]))
    return table


def _band(text: str, width: float) -> Table:
    band = Table([[_p(text, size=9.5, bold=True, color=colors.white)]], colWidths=[width])
    band.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), BAND)]))
    return band


def _chart(chart: PatientChart, days: list[date], names: dict[str, str], lang: Lang, width: float) -> list[Flowable]:
    story: list[Flowable] = [PatientMarker(chart.patient)]
    story.append(_p(allergy_line(chart.patient, lang), size=11, bold=True,
                    color=colors.HexColor("#b00000") if chart.patient.allergy_status != "nka" else colors.black))
    if chart.weight:
        story.append(_p(w("weight", lang, weight=chart.weight), size=9))
    story.append(Spacer(1, 2 * mm))
    regular = [r for r in chart.rows if r.order.frequency is not Frequency.PRN]
    prn = [r for r in chart.rows if r.order.frequency is Frequency.PRN]
    if not chart.rows:
        story.append(_p(w("none", lang), size=10))
    if regular:
        story += [_band(w("regular", lang), width), _regular_table(regular, days, names, lang, width), Spacer(1, 3 * mm)]
    if prn:
        story += [KeepTogether([_band(w("prn", lang), width), _prn_table(prn, names, lang, width)]), Spacer(1, 3 * mm)]
    story.append(_p(w("key", lang) + CODE_NAMES[lang], size=7.5))
    return story


def _period(first_day: date, days: int, lang: Lang) -> tuple[list[date], str]:
    shown = [first_day + timedelta(days=n) for n in range(days)]
    return shown, w("period", lang, first=f"{shown[0]:%d/%m/%Y}", last=f"{shown[-1]:%d/%m/%Y}")


def mar_pdf(charts: Sequence[PatientChart], out: Path, *, first_day: date, days: int, names: dict[str, str],
            lang: Lang, printed_by: str, printed_at: datetime, device_name: str) -> Path:
    """One patient's chart, or a ward pack: each patient starts a page that carries their
    identifiers."""
    shown, period = _period(first_day, days, lang)
    info = PageInfo(title=w("title", lang), lang=lang, printed_by=printed_by, printed_at=printed_at,
                    device_name=device_name, patient=charts[0].patient if len(charts) == 1 else None,
                    landscape=True, subtitle=period)
    width = body_width(info)
    story: list[Flowable] = []
    for index, chart in enumerate(charts):
        if index:
            story.append(PageBreak())
        story += _chart(chart, shown, names, lang, width)
    return build_pdf(out, story, info)


def blank_mar_pdf(out: Path, *, lang: Lang, printed_by: str, printed_at: datetime, device_name: str,
                  regular: int = 8, prn: int = 4, days: int = 3) -> Path:
    """A blank chart for a new admission while the laptop is unavailable."""
    info = PageInfo(title=w("blank_title", lang), lang=lang, printed_by=printed_by, printed_at=printed_at,
                    device_name=device_name, landscape=True)
    width = body_width(info)
    header = [_p(w("medicine", lang), bold=True), _p(w("time", lang), bold=True)] + [_p("__/__", bold=True)] * days
    body: list[list[object]] = [header]
    spans = []
    for order in range(regular):
        start = len(body)
        body += [[_p(w("prescriber", lang), size=6) if i == 3 else "", ""] + [""] * days for i in range(4)]
        spans.append(("SPAN", (0, start), (0, start + 2)))
    day_w = width * 0.61 / days
    grid = Table(body, colWidths=[width * 0.32, width * 0.07] + [day_w] * days,
                 rowHeights=[None] + [7 * mm] * (len(body) - 1), repeatRows=1)
    grid.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, RULE),
                              ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e0e0e0")),
                              ("VALIGN", (0, 0), (-1, -1), "TOP"), *spans]))
    prn_rows = [[_p(w("medicine", lang), bold=True), _p(w("prn_given", lang), bold=True)]]
    prn_rows += [["", ""] for _ in range(prn)]
    prn_table = Table(prn_rows, colWidths=[width * 0.39, width * 0.61],
                      rowHeights=[None] + [16 * mm] * prn)
    prn_table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, RULE),
                                   ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e0e0e0"))]))
    allergy = Table([[_p(w("allergy_box", lang), size=9, bold=True, color=colors.HexColor("#b00000")),
                      _p(w("weight_box", lang), size=9)]], colWidths=[width * 0.8, width * 0.2],
                    rowHeights=[14 * mm])
    allergy.setStyle(TableStyle([("BOX", (0, 0), (0, 0), 1.5, colors.HexColor("#b00000")),
                                 ("BOX", (1, 0), (1, 0), 0.75, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story: list[Flowable] = [allergy, Spacer(1, 2 * mm), _p(w("key", lang) + CODE_NAMES[lang], size=7.5),
                             Spacer(1, 2 * mm), _band(w("regular", lang), width), grid, Spacer(1, 3 * mm),
                             KeepTogether([_band(w("prn", lang), width), prn_table])]
    return build_pdf(out, story, info)
