"""The fluid balance chart on paper, one chart's day (07:00 to 07:00) a sheet: a row per hour,
a column per route in and out, each side's total and the balance carried, then the day's totals
(left to write by hand on a day still under way); over the page the volumes one by one, with
what each was and who measured it. The hours nothing was measured in are left empty to carry on
by hand while the laptop is away, and the blank chart is the same grid with nothing in it, for
the binder."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, tzinfo
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from downtime.domain.elapsed import reached
from downtime.domain.fluid_balance import HOURS, OUTPUT, ROUTES, FluidDay, chart_hour
from downtime.domain.laptops import Authors, Laptop
from downtime.formspec import FormSpec, Lang
from downtime.pdf.amendments import NONE, Amendments, charted, footnotes, marked, marks
from downtime.pdf.lines import Lines
from downtime.pdf.page import (ALERT, INK, RULE, PageInfo, allergies_in_body, body_height, body_width, build_pdf,
                                chart_info, in_words, style, ward_clock)
from downtime.services.fluid_balance import Charted, Given, cell_text, columns, day_ends, day_words, given_words, \
    heading, route_label, summary, total_text, volume_words
from downtime.services.patients import PatientSummary

WORDS: dict[str, dict[Lang, str]] = {
    "title": {"en": "Fluid balance chart", "fr": "Feuille de bilan entrées-sorties"},
    "blank_title": {"en": "Fluid balance chart (blank)", "fr": "Feuille de bilan entrées-sorties (vierge)"},
    "blank_day": {"en": "Date: ____/____/________ (24 hours from 07:00 to 07:00 the next day)\n"
                        "Restriction or target: ________________\n"
                        "Balance brought forward: ________ mL\n"
                        "Weight: ______ kg; 0.5 mL/kg/h = ______ mL/h",
                  "fr": "Date : ____/____/________ (24 heures de 7 h à 7 h le lendemain)\n"
                        "Restriction ou objectif : ________________\n"
                        "Bilan reporté : ________ mL\n"
                        "Poids : ______ kg ; 0,5 mL/kg/h = ______ mL/h"},
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
    "more": {"en": "{given} and {count} more: the whole list on page 2",
             "fr": "{given} et {count} de plus : liste complète en page 2"},
    "entries": {"en": "Volumes measured ({count}), oldest first", "fr": "Mesures ({count}), de la plus ancienne à la plus récente"},
    "entry_headings": {"en": "Date and time|In or out|Volume|What|Measured by",
                       "fr": "Date et heure|Entrée ou sortie|Volume|Nature|Mesuré par"},
}
ROW_HEIGHT = 6.9 * mm
"""An hour's row: room to write a volume and initials by hand on the blank chart and in the
hours the filled one leaves empty; the day's sums, its restriction and what it asks still on the
grid's page under an identification box a line taller for the allergies (at 7.2 mm they went
over to a second page, the rule for a low urine output cut across the two). Less on a filled
chart with more to say around its grid (`_row_height`)."""
LEAST_ROW_HEIGHT = 5 * mm
"""The least an hour's row is made for what is said around the grid: still room for a volume and
initials written by hand."""
ENTRY_WIDTHS = (0.15, 0.3, 0.1, 0.27, 0.18)


def _cell(text: str, size: float = 8, bold: bool = False, color: Color = INK, condensed: bool = False) -> Lines:
    return Lines(text, style(size=size, bold=bold, leading=size * 1.2, color=color, condensed=condensed))


def _grid(chart: FluidDay | None, initials: Mapping[int, str], lang: Lang, width: float,
          row_height: float = ROW_HEIGHT, closed: bool = False) -> Table:
    """The day's rows under a two-line heading (the side, then each column); `chart` None for
    a blank one. `initials`: who measured in each hour, by the hour. `closed`: whether the day
    is over, its totals row filled; a day under way leaves it empty to write the totals in at
    its end (printed at 14:00, the morning's sums in the bold "24 h" row read as the day's, its
    "0" under urine as measured, and left no room for the day's)."""
    shown = columns(chart)
    totalled = chart if closed else None
    every = (*shown, "initials")
    first_out = 1 + shown.index(OUTPUT[0])
    body: list[list[object]] = [
        [_cell(in_words(WORDS, "in", lang), bold=True)] + [""] * (first_out - 1)
        + [_cell(in_words(WORDS, "out", lang), bold=True)] + [""] * (len(every) - first_out),
        [_cell(heading("hour", lang), bold=True)] + [
            _cell(in_words(WORDS, "initials", lang) if column == "initials" else heading(column, lang), size=7, bold=True)
            for column in every]]
    for row, hour in enumerate(HOURS):
        line: list[object] = [_cell(f"{hour:02d}–{(hour + 1) % 24:02d}", bold=True)]
        for column in shown:
            # A volume and the marks of outputs not measured condensed, to hold one line of the
            # narrowest column ("1250 +++²"): wrapped, a mark was read in the next hour's row.
            line.append(_cell("" if chart is None else cell_text(chart, row, column), bold=column == "balance",
                              condensed=chart is not None and column in chart.hours[row].unmeasured))
        line.append(_cell(initials.get(hour, ""), size=7))
        body.append(line)
    body.append([_cell(in_words(WORDS, "totals", lang), bold=True)] + [
        _cell("" if totalled is None else total_text(totalled, column), bold=True,
              condensed=totalled is not None and column in totalled.unmeasured)
        for column in shown] + [""])
    # The balance wider than a volume: "−12500" in bold, its sign in front. The hour's and the
    # balance's no wider than they need, for the room a volume and its marks take ("1250 +++²").
    first, balance = 0.06 * width, 0.08 * width
    each = (width - first - balance) / (len(every) - 1)
    widths = [first] + [balance if column == "balance" else width_of
                        for column, width_of in _widths(chart, every, each, lang).items()]
    # The totals' row as tall as an hour's, for totals written by hand, or as its words: a day's
    # urine and its marks may take two lines (its padding as below, 2 points a side and 1 above and under).
    totals = max([row_height, *(cell.wrap(across - 4, row_height)[1] + 2
                                for cell, across in zip(body[-1], widths) if isinstance(cell, Lines))])
    table = Table(body, colWidths=widths, rowHeights=[None, None] + [row_height] * len(HOURS) + [totals],
                  repeatRows=2)
    sides = [first_out - 1, len(every) - 1]
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("SPAN", (0, 0), (sides[0], 0)), ("SPAN", (sides[0] + 1, 0), (sides[1], 0)),
        ("BACKGROUND", (0, 0), (-1, 1), colors.HexColor("#e0e0e0")),
        ("BACKGROUND", (0, 2 + len(HOURS)), (-1, 2 + len(HOURS)), colors.HexColor("#e0e0e0")),
        # Each side's total and the balance set apart, as the columns a nurse adds up.
        *[("BACKGROUND", (1 + shown.index(column), 2), (1 + shown.index(column), 1 + len(HOURS)),
           colors.HexColor("#f2f2f2")) for column in ("total_in", "total_out", "balance")],
        ("LINEAFTER", (sides[0], 0), (sides[0], -1), 1.5, colors.black),
        ("LINEBEFORE", (1 + shown.index("balance"), 1), (1 + shown.index("balance"), -1), 1.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        # A row made lower for what is said around the grid (`LEAST_ROW_HEIGHT`) still holds its line.
        ("TOPPADDING", (0, 2), (-1, -1), 1), ("BOTTOMPADDING", (0, 2), (-1, -1), 1),
        # Narrow columns keep their room for the words: "Entérale" was hyphenated in 6 points.
        ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


HANDWRITTEN = 9 * mm
"""The least a route's column left empty is made: room for a volume written by hand ("1250")."""


def _widths(chart: FluidDay | None, every: Sequence[str], each: float, lang: Lang) -> dict[str, float]:
    """Each column's width but the hour's: `each`; on a chart with outputs not measured, their
    columns made wider by what the routes' columns left empty all day can spare, each kept as wide
    as its heading's words and `HANDWRITTEN`: "1250 +++²" in the narrowest column (a chart with
    irrigation) was broken over two lines in a row one line tall, its mark read in the next hour."""
    marked = [column for column in every if chart is not None and column in chart.unmeasured]
    if chart is None or not marked:
        return {column: each for column in every}
    font = style(size=7, bold=True).fontName

    def least(column: str) -> float:
        return max(HANDWRITTEN, 4 + max(stringWidth(word, font, 7) for word in heading(column, lang).split()))
    spare = {column: max(0.0, each - least(column)) for column in every
             if column in ROUTES and column not in marked and not any(column in hour.volumes for hour in chart.hours)}
    more = sum(spare.values()) / len(marked)
    return {column: each + more if column in marked else each - spare.get(column, 0.0) for column in every}


def fluid_chart_pdf(patient: PatientSummary, day: date, chart: FluidDay, entries: Sequence[Charted], spec: FormSpec,
                    out: Path, *, authors: Authors, laptops: Mapping[str, Laptop], lang: Lang, printed_by: str,
                    printed_at: datetime, device_name: str, plan: str = "", given: Sequence[Given] = (),
                    alarms: Sequence[str] = (), amended: Amendments = NONE, carried: str = "",
                    weighed: str = "") -> Path:
    """`entries`: the day's standing volumes, oldest first; `authors`: who measured each (see
    domain.laptops.Authors; `laptops` names their laptops); `plan`: the restriction or target in
    force with the intake against it, over the grid; `given`: the bags given that day on the
    medication chart and not on this one yet (services.fluid_balance.given_not_charted), under the
    sums, for whoever carries the chart on by hand to write them in: as many as the grid's page
    holds, the others counted and listed whole on page 2 (`_given_fitted`); `alarms`: what the chart
    asks as it is printed (a restriction exceeded, irrigant not returned, a low urine output), in
    red under the plan; after the volumes, the amendments of those `amended` (pdf.amendments): a
    volume amended printed only "(v2)" beside it, its old volume nowhere; over the grid, the
    balance `carried` forward from the stay's earlier days (services.fluid_balance.Carried) and the
    patient's weight with what 0.5 mL/kg/h makes of it (`weighed`), for the hours carried on by hand."""
    info = chart_info(patient, in_words(WORDS, "title", lang), lang=lang, printed_by=printed_by,
                      printed_at=printed_at, device_name=device_name, subtitle=day_words(day, lang, printed_at.tzinfo))
    width = body_width(info)
    initials: dict[int, set[str]] = {}
    for one in entries:
        initials.setdefault(chart_hour(one.measure.at), set()).add(
            authors.initials(one.record.author, one.record.device_id, laptops))
    by_hour = {hour: " ".join(sorted(names)) for hour, names in initials.items()}
    # The alarms over the grid, under the plan they judge: on the grid's page whatever the rest says.
    over: list[Flowable] = [
        *(flowable for line in (carried, weighed, plan) if line
          for flowable in (_cell(line, size=9, bold=True), Spacer(1, 1.5 * mm))),
        *(flowable for alarm in alarms for flowable in (_cell(alarm, size=10, bold=True, color=ALERT),
                                                        Spacer(1, 1.5 * mm)))]
    sums = [Spacer(1, 2 * mm), _cell(summary(chart, lang), size=10, bold=True), Spacer(1, 1 * mm)]
    # A long allergy list in full over the grid (page.allergies_in_body) is on the page too.
    above = [*allergies_in_body(info), *over, *sums]
    closed = reached(day_ends(day, printed_at), printed_at)
    grid, room = _grid(chart, by_hour, lang, width, closed=closed), body_height(info)
    shown = _given_fitted(given, lang, [*above, _cell(in_words(WORDS, "how", lang), size=7.5)], grid, width, room)
    # The bags and the rule kept together: the list was cut mid-bag, the rule sent to a page alone.
    under = [*([_cell(shown, size=10, bold=True), Spacer(1, 1 * mm)] if shown else []),
             _cell(in_words(WORDS, "how", lang), size=7.5)]
    row_height = _row_height([*above, *under], grid, width, room)
    story: list[Flowable] = [*over, _grid(chart, by_hour, lang, width, row_height, closed), *sums,
                             KeepTogether(under)]
    overleaf = [] if shown == given_words(given, lang) else [_cell(given_words(given, lang), size=10, bold=True),
                                                             Spacer(1, 4 * mm)]
    if overleaf or entries:
        story += [PageBreak(), *overleaf]
    if entries:
        lines = charted(((one.record, one.measure.at) for one in entries), amended)
        story += [_cell(in_words(WORDS, "entries", lang, count=len(entries)), size=10, bold=True),
                  Spacer(1, 2 * mm), _entries(entries, spec, authors, laptops, lang, width, printed_at.tzinfo,
                                              marks(lines)),
                  *footnotes(lines, spec, lang, width, zone=printed_at.tzinfo,
                             signed=lambda author, device: authors.initials(author, device, laptops))]
    return build_pdf(out, story, info)


def _row_height(around: Sequence[Flowable], grid: Table, width: float, room: float) -> float:
    """`ROW_HEIGHT`, less what the page's `room` lacks for the `grid` and all `around` it (the
    allergies in full, the plan, the sums, the bags given, the alarms, the rule), down to
    `LEAST_ROW_HEIGHT`: what the chart asks stays on the grid's page, the page kept at the bed (the
    red alarms went over to a page of their own)."""
    return max(LEAST_ROW_HEIGHT, ROW_HEIGHT - _lacking(around, grid, width, room) / (len(HOURS) + 1))


def _lacking(around: Sequence[Flowable], grid: Table, width: float, room: float) -> float:
    """What the page's `room` lacks for the `grid` (at `ROW_HEIGHT`) and all `around` it, 0 when it
    holds them, a point to spare: the bags and the rule kept together (KeepTogether) went to the
    next page for the hundred-billionth of a point the rows' sum came to over the page."""
    return max(0.0, sum(flowable.wrap(width, room)[1] for flowable in (*around, grid)) + 1 - room)


def _given_fitted(given: Sequence[Given], lang: Lang, around: Sequence[Flowable], grid: Table, width: float,
                  room: float) -> str:
    """The bags `given` as the grid's page lists them: all of them when the page holds them with
    all `around` at `LEAST_ROW_HEIGHT`, else the first that it holds and how many more are listed
    on page 2 (at least the first: the count with it). Twelve bags ran the page's list over to a
    second page mid-bag, the rule for a low urine output with it, on a page of their own."""
    spare = (ROW_HEIGHT - LEAST_ROW_HEIGHT) * (len(HOURS) + 1)
    for shown in range(len(given), 0, -1):
        words = given_words(given[:shown], lang)
        if shown < len(given):
            words = in_words(WORDS, "more", lang, given=words, count=len(given) - shown)
        if shown == 1 or _lacking([*around, _cell(words, size=10, bold=True), Spacer(1, 1 * mm)], grid, width,
                                  room) <= spare:
            return words
    return ""


def _entries(entries: Sequence[Charted], spec: FormSpec, authors: Authors, laptops: Mapping[str, Laptop], lang: Lang,
             width: float, zone: tzinfo | None, amended: Mapping[str, str]) -> Table:
    """Each entry at its time on the ward's clock (`zone`, see page.ward_clock), marked when
    amended (`amended`, pdf.amendments.marks)."""
    body: list[list[object]] = [[_cell(text, bold=True) for text in in_words(WORDS, "entry_headings", lang).split("|")]]
    for one in entries:
        record = one.record
        body.append([_cell(marked(ward_clock(one.measure.at, zone), one, amended)),
                     _cell(route_label(spec, one.measure.route, lang)), _cell(volume_words(spec, one.measure, lang)),
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
