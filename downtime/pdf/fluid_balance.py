"""The fluid balance chart on paper, one chart's day (07:00 to 07:00) a sheet: a row per hour,
a column per route in and out, each side's total and the balance carried, then the day's totals;
over the page the volumes one by one, with what each was and who measured it. The hours nothing
was measured in are left empty to carry on by hand while the laptop is away, and the blank
chart is the same grid with nothing in it, for the binder."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, tzinfo
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from downtime.domain.fluid_balance import HOURS, FluidDay, signed_ml
from downtime.domain.laptops import Authors, Laptop
from downtime.formspec import FormSpec, Lang
from downtime.pdf.amendments import NONE, Amendments, charted, footnotes, marked, marks
from downtime.pdf.lines import Lines
from downtime.pdf.page import (ALERT, INK, RULE, PageInfo, allergies_in_body, body_height, body_width, build_pdf,
                                chart_info, in_words, style, ward_clock)
from downtime.services.fluid_balance import COLUMNS, Charted, column_total, column_value, day_words, heading, \
    route_label, summary
from downtime.services.patients import PatientSummary

WORDS: dict[str, dict[Lang, str]] = {
    "title": {"en": "Fluid balance chart", "fr": "Feuille de bilan entrées-sorties"},
    "blank_title": {"en": "Fluid balance chart (blank)", "fr": "Feuille de bilan entrées-sorties (vierge)"},
    "blank_day": {"en": "Date: ____/____/________ (24 hours from 07:00 to 07:00 the next day)\n"
                        "Restriction or target: ________________",
                  "fr": "Date : ____/____/________ (24 heures de 7 h à 7 h le lendemain)\n"
                        "Restriction ou objectif : ________________"},
    "in": {"en": "IN (mL)", "fr": "ENTRÉES (mL)"},
    "out": {"en": "OUT (mL)", "fr": "SORTIES (mL)"},
    "initials": {"en": "Initials", "fr": "Visa"},
    "totals": {"en": "24 h", "fr": "24 h"},
    "how": {"en": "Write each volume in its hour and initial it; carry the balance (total in − total out) "
                  "from hour to hour. Urine measured every hour: less than 0.5 mL per kg an hour for 6 hours, "
                  "tell the doctor; no urine at all, check the catheter is not blocked and tell the doctor.",
            "fr": "Inscrire chaque volume dans son heure et viser ; reporter le bilan (entrées − sorties) "
                  "d’heure en heure. Diurèse horaire : moins de 0,5 mL par kg et par heure pendant 6 heures, "
                  "prévenir le médecin ; aucune urine, vérifier que la sonde n’est pas bouchée et prévenir le "
                  "médecin."},
    "entries": {"en": "Volumes measured ({count}), oldest first", "fr": "Mesures ({count}), de la plus ancienne à la plus récente"},
    "entry_headings": {"en": "Date and time|In or out|Volume|What|Measured by",
                       "fr": "Date et heure|Entrée ou sortie|Volume|Nature|Mesuré par"},
}
ROW_HEIGHT = 6.9 * mm
"""An hour's row: room to write a volume and initials by hand on the blank chart and in the
hours the filled one leaves empty; the day's sums, its restriction and what it asks still on the
grid's page under an identification box a line taller for the allergies (at 7.2 mm they went
over to a second page, the rule for a low urine output cut across the two)."""
ENTRY_WIDTHS = (0.15, 0.3, 0.1, 0.27, 0.18)


def _cell(text: str, size: float = 8, bold: bool = False, color: Color = INK) -> Lines:
    return Lines(text, style(size=size, bold=bold, leading=size * 1.2, color=color))


def _grid(chart: FluidDay | None, initials: Mapping[int, str], lang: Lang, width: float,
          row_height: float = ROW_HEIGHT) -> Table:
    """The day's rows under a two-line heading (the side, then each column); `chart` None for
    a blank one. `initials`: who measured in each hour, by the hour."""
    columns = (*COLUMNS, "initials")
    first_out = 1 + COLUMNS.index("total_in") + 1
    body: list[list[object]] = [
        [_cell(in_words(WORDS, "in", lang), bold=True)] + [""] * (first_out - 1)
        + [_cell(in_words(WORDS, "out", lang), bold=True)] + [""] * (len(columns) - first_out),
        [_cell(heading("hour", lang), bold=True)] + [
            _cell(in_words(WORDS, "initials", lang) if column == "initials" else heading(column, lang), size=7, bold=True)
            for column in columns]]
    for row, hour in enumerate(HOURS):
        line: list[object] = [_cell(f"{hour:02d}–{(hour + 1) % 24:02d}", bold=True)]
        for column in COLUMNS:
            value = None if chart is None else column_value(chart, row, column)
            text = "" if value is None else signed_ml(value).removesuffix(" mL") if column == "balance" else str(value)
            line.append(_cell(text, bold=column == "balance"))
        line.append(_cell(initials.get(hour, ""), size=7))
        body.append(line)
    body.append([_cell(in_words(WORDS, "totals", lang), bold=True)] + [
        _cell("" if chart is None else (signed_ml(column_total(chart, column)).removesuffix(" mL")
                                        if column == "balance" else str(column_total(chart, column))), bold=True)
        for column in COLUMNS] + [""])
    # The balance wider than a volume: "−1250" in bold, its sign in front.
    first, balance = 0.075 * width, 0.09 * width
    each = (width - first - balance) / (len(columns) - 1)
    table = Table(body, colWidths=[first] + [balance if column == "balance" else each for column in columns],
                  rowHeights=[None, None] + [row_height] * (len(body) - 2), repeatRows=2)
    sides = [first_out - 1, len(columns) - 1]
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("SPAN", (0, 0), (sides[0], 0)), ("SPAN", (sides[0] + 1, 0), (sides[1], 0)),
        ("BACKGROUND", (0, 0), (-1, 1), colors.HexColor("#e0e0e0")),
        ("BACKGROUND", (0, 2 + len(HOURS)), (-1, 2 + len(HOURS)), colors.HexColor("#e0e0e0")),
        # Each side's total and the balance set apart, as the columns a nurse adds up.
        *[("BACKGROUND", (1 + COLUMNS.index(column), 2), (1 + COLUMNS.index(column), 1 + len(HOURS)),
           colors.HexColor("#f2f2f2")) for column in ("total_in", "total_out", "balance")],
        ("LINEAFTER", (sides[0], 0), (sides[0], -1), 1.5, colors.black),
        ("LINEBEFORE", (1 + COLUMNS.index("balance"), 1), (1 + COLUMNS.index("balance"), -1), 1.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        # Narrow columns keep their room for the words: "Entérale" was hyphenated in 6 points.
        ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def fluid_chart_pdf(patient: PatientSummary, day: date, chart: FluidDay, entries: Sequence[Charted], spec: FormSpec,
                    out: Path, *, authors: Authors, laptops: Mapping[str, Laptop], lang: Lang, printed_by: str,
                    printed_at: datetime, device_name: str, plan: str = "", given: str = "",
                    alarms: Sequence[str] = (), amended: Amendments = NONE) -> Path:
    """`entries`: the day's standing volumes, oldest first; `authors`: who measured each (see
    domain.laptops.Authors; `laptops` names their laptops); `plan`: the restriction or target in
    force with the intake against it, over the grid; `given`: the bags given that day on the
    medication chart and not on this one yet (services.fluid_balance.given_words), under the
    sums, for whoever carries the chart on by hand to write them in; `alarms`: what the chart
    asks as it is printed (a restriction exceeded, a low urine output), in red under them; after
    the volumes, the amendments of those `amended` (pdf.amendments): a volume amended printed
    only "(v2)" beside it, its old volume nowhere."""
    info = chart_info(patient, in_words(WORDS, "title", lang), lang=lang, printed_by=printed_by,
                      printed_at=printed_at, device_name=device_name, subtitle=day_words(day, lang))
    width = body_width(info)
    # A long allergy list in full over the grid (page.allergies_in_body) takes its height off the
    # day's rows: the sums and the rule for a low urine output stay on the grid's page.
    above = sum(flowable.wrap(width, body_height(info))[1] for flowable in allergies_in_body(info))
    row_height = ROW_HEIGHT - above / (len(HOURS) + 1)
    initials: dict[int, set[str]] = {}
    for one in entries:
        initials.setdefault(one.measure.at.hour, set()).add(
            authors.initials(one.record.author, one.record.device_id, laptops))
    story: list[Flowable] = [
        *([_cell(plan, size=9, bold=True), Spacer(1, 1.5 * mm)] if plan else []),
        _grid(chart, {hour: " ".join(sorted(names)) for hour, names in initials.items()}, lang, width, row_height),
        Spacer(1, 2 * mm), _cell(summary(chart, lang), size=10, bold=True), Spacer(1, 1 * mm),
        *([_cell(given, size=10, bold=True), Spacer(1, 1 * mm)] if given else []),
        *(flowable for alarm in alarms for flowable in (_cell(alarm, size=10, bold=True, color=ALERT),
                                                        Spacer(1, 1 * mm))),
        _cell(in_words(WORDS, "how", lang), size=7.5)]
    if entries:
        lines = charted(((one.record, one.measure.at) for one in entries), amended)
        story += [PageBreak(), _cell(in_words(WORDS, "entries", lang, count=len(entries)), size=10, bold=True),
                  Spacer(1, 2 * mm), _entries(entries, spec, authors, laptops, lang, width, printed_at.tzinfo,
                                              marks(lines)),
                  *footnotes(lines, spec, lang, width, zone=printed_at.tzinfo,
                             signed=lambda author, device: authors.initials(author, device, laptops))]
    return build_pdf(out, story, info)


def _entries(entries: Sequence[Charted], spec: FormSpec, authors: Authors, laptops: Mapping[str, Laptop], lang: Lang,
             width: float, zone: tzinfo | None, amended: Mapping[str, str]) -> Table:
    """Each entry at its time on the ward's clock (`zone`, see page.ward_clock), marked when
    amended (`amended`, pdf.amendments.marks)."""
    body: list[list[object]] = [[_cell(text, bold=True) for text in in_words(WORDS, "entry_headings", lang).split("|")]]
    for one in entries:
        record = one.record
        body.append([_cell(marked(ward_clock(one.measure.at, zone), one, amended)),
                     _cell(route_label(spec, one.measure.route, lang)), _cell(f"{one.measure.volume} mL"),
                     _cell(record.data.get("what") or ""),
                     _cell(authors.of(lang, record.author, record.device_id, laptops))])
    table = Table(body, colWidths=[share * width for share in ENTRY_WIDTHS], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, RULE),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e0e0e0")),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def blank_fluid_chart_pdf(out: Path, *, lang: Lang, printed_by: str | None, printed_at: datetime,
                          device_name: str) -> Path:
    info = PageInfo(title=in_words(WORDS, "blank_title", lang), lang=lang, printed_by=printed_by,
                    printed_at=printed_at, device_name=device_name, blank=True,
                    subtitle=in_words(WORDS, "blank_day", lang))
    width = body_width(info)
    return build_pdf(out, [_grid(None, {}, lang, width), Spacer(1, 2 * mm), _cell(in_words(WORDS, "how", lang), size=8)],
                     info)
