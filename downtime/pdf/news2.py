"""The NEWS2 observation chart on paper: a column per set of observations, a row per chart
parameter, each reading printed with its points and shaded by them (the shading repeats the
number, it never replaces it), then the total and its escalation band. The blank chart has
empty columns to write in by hand, and over the page the RCP scoring key and the response each
score asks for, so staff can score and escalate when the laptop is down."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, tzinfo
from functools import partial
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from downtime.domain.clock import DATED
from downtime.domain.laptops import NOBODY, Authors, Laptop
from downtime.domain.news2 import CLINICAL_RESPONSE, Band, Spo2Scale
from downtime.formspec import FormSpec, Lang
from downtime.i18n import decimal_text
from downtime.pdf.amendments import footnotes, marked, marks
from downtime.pdf.census import resuscitation_line
from downtime.pdf.lines import Lines
from downtime.pdf.page import BOLD, RULE, PageInfo, body_height, body_width, build_pdf, chart_info, style, ward_clock
from downtime.pdf.runs import Run, RunLines
from downtime.services.observations import (
    ObservationPlan, ScoredSet, applies_to, band_text, band_word, incomplete_notice, judged, not_applicable_text,
    scored_sets, response as score_response,  # `response` names the chart's lines here
)
from downtime.services.patients import PatientSummary

COLUMNS = 10
POINT_SHADES = {3: colors.HexColor("#f4b6b6"), 2: colors.HexColor("#f8d5a8"), 1: colors.HexColor("#fbf0b5")}
WORDS = {
    "title": {"en": "NEWS2 observation chart", "fr": "Feuille de surveillance NEWS2"},
    "blank_title": {"en": "NEWS2 observation chart (blank)", "fr": "Feuille de surveillance NEWS2 (vierge)"},
    "taken": {"en": "Date / time", "fr": "Date / heure"},
    "total": {"en": "NEWS2 total", "fr": "Total NEWS2"},
    "band": {"en": "Clinical risk", "fr": "Risque clinique"},
    "by": {"en": "Recorded by", "fr": "Saisi par"},
    "none": {"en": "No observations recorded.", "fr": "Aucune surveillance enregistrée."},
    "key": {"en": "Scoring key (RCP NEWS2)", "fr": "Barème (NEWS2, RCP)"},
    "response": {"en": "Response to the score that stands: {band} ({at})",
                 "fr": "Conduite à tenir selon le score retenu : {band} ({at})"},
    "legend": {"en": "Each reading is followed by its points in brackets; shading repeats the points (3 darkest).",
               "fr": "Chaque valeur est suivie de ses points entre parenthèses ; la teinte répète les points."},
    "prescribed": {"en": "prescribed by {by} on {at}", "fr": "prescrite par {by} le {at}"},
    "plan": {"en": "Observation and escalation plan:  ☐ full escalation   ☐ ward-based care, not for ICU   "
                   "☐ comfort care only (end of life) — observations every ____ h  ☐ stopped — decided by (doctor) "
                   "______________ on __/__ at __:__",
             "fr": "Plan de surveillance :  ☐ escalade complète   ☐ soins dans le service, pas de transfert en réanimation   "
                   "☐ confort seul (fin de vie) — toutes les ____ h  ☐ arrêtée — médecin ______________ le __/__ à "
                   "__:__"},
    "over": {"en": "Scoring key and the response to each score: over the page.",
             "fr": "Barème et conduite à tenir selon le score : au verso."},
    "response_title": {"en": "Response to the NEWS2 score (RCP)", "fr": "Conduite à tenir selon le score NEWS2 (RCP)"},
    "response_cols": {"en": "NEWS2 score|Clinical risk|Response", "fr": "Score NEWS2|Risque clinique|Conduite à tenir"},
    "incomplete": {"en": "* incomplete set: a row was not measured; the total can only underestimate the risk.",
                   "fr": "* série incomplète : un paramètre n’a pas été mesuré ; le total ne peut que sous-estimer "
                         "le risque."},
}
# Chart rows in the RCP chart's order: label, how a set's reading reads, which points it carries,
# and for SpO2 the scale whose row it is (a set's saturation is written in its own scale's row:
# on one row, written by hand, nobody could tell which key scores it).
ROWS = (
    ({"en": "Respiration rate /min", "fr": "Fréq. respiratoire /min"}, "respiratory_rate", "respiratory_rate", None),
    ({"en": "SpO2 scale 1 %", "fr": "SpO2 échelle 1 %"}, "spo2", "spo2", Spo2Scale.SCALE_1),
    ({"en": "SpO2 scale 2 % (if prescribed)", "fr": "SpO2 échelle 2 % (si prescrite)"}, "spo2", "spo2",
     Spo2Scale.SCALE_2),
    ({"en": "Air or oxygen", "fr": "Air ou oxygène"}, "on_oxygen", "air_or_oxygen", None),
    ({"en": "Systolic BP mmHg", "fr": "PA systolique mmHg"}, "systolic_bp", "systolic_bp", None),
    ({"en": "Pulse /min", "fr": "Pouls /min"}, "pulse", "pulse", None),
    ({"en": "Consciousness (ACVPU)", "fr": "Conscience (ACVPU)"}, "consciousness", "consciousness", None),
    ({"en": "Temperature °C", "fr": "Température °C"}, "temperature", "temperature", None),
)
# Each parameter's readings by the points they score (3 2 1 0 1 2 3), as the RCP chart's key.
KEY: tuple[tuple[dict[Lang, str], tuple[str | dict[Lang, str], ...]], ...] = (
    ({"en": "Respiration rate", "fr": "Fréq. respiratoire"}, ("≤8", "", "9–11", "12–20", "", "21–24", "≥25")),
    ({"en": "SpO2 scale 1 %", "fr": "SpO2 échelle 1 %"}, ("≤91", "92–93", "94–95", "≥96", "", "", "")),
    ({"en": "SpO2 scale 2 %", "fr": "SpO2 échelle 2 %"},
     ("≤83", "84–85", "86–87", "88–92 / ≥93 air", "93–94 O2", "95–96 O2", "≥97 O2")),
    ({"en": "Air or oxygen", "fr": "Air ou oxygène"}, ("", {"en": "Oxygen", "fr": "Oxygène"}, "", "Air", "", "", "")),
    ({"en": "Systolic BP", "fr": "PA systolique"}, ("≤90", "91–100", "101–110", "111–219", "", "", "≥220")),
    ({"en": "Pulse", "fr": "Pouls"}, ("≤40", "", "41–50", "51–90", "91–110", "111–130", "≥131")),
    ({"en": "Consciousness", "fr": "Conscience"}, ("", "", "", {"en": "Alert", "fr": "Alerte"}, "", "", "CVPU")),
    ({"en": "Temperature", "fr": "Température"}, tuple(
        {"en": text, "fr": text.replace(".", ",")} for text in ("≤35.0", "", "35.1–36.0", "36.1–38.0", "38.1–39.0", "≥39.1", ""))),
)


# The scores each clinical risk stands for, as the RCP's response table gives them.
SCORES: dict[Band, dict[Lang, str]] = {
    Band.LOW: {"en": "0–4", "fr": "0–4"},
    Band.LOW_MEDIUM: {"en": "3 in any one parameter", "fr": "3 dans un seul paramètre"},
    Band.MEDIUM: {"en": "5–6", "fr": "5–6"},
    Band.HIGH: {"en": "7 or more", "fr": "7 ou plus"},
}
# A blank chart's rows are taller than a blank form's writing line (9 mm): at 5.5 mm, a reading
# written by hand ran over the rules. Its date and time are written on two lines.
BY_HAND = 9.5 * mm
WHEN_BY_HAND = 12 * mm
# A printed chart's rows, tallest first: lowered, down to the last, until the response to the
# score fits under the grid on its page (see `_row_height`).
ROW_HEIGHTS = tuple(height * mm for height in (8.5, 8, 7.5, 7, 6.5, 6))


def _p(text: str, size: float = 7.5, bold: bool = False) -> Lines:
    """Fitted to its box as the chart is laid out: a long name in a set's column set smaller
    rather than cut inside a word (see lines.fit)."""
    return Lines(text, style(size, bold=bold))


def _reading(found: ScoredSet, field: str, lang: Lang) -> str:
    data = found.record.data
    value = data.get(field)
    if field == "on_oxygen":
        # A flow of 0 (saved before the form refused it) is said as typed, as the screen says it:
        # the chart printed "O2" where the screen read "O2 0 L/min".
        flow = data.get("oxygen_flow")
        return "—" if value is None else (f"O2 {decimal_text(flow, lang)} L/min" if value and flow is not None
                                          else "O2" if value else "Air")
    if field == "consciousness":
        return "—" if not value else {"alert": "A", "new_confusion": "C", "voice": "V", "pain": "P",
                                      "unresponsive": "U"}[value]
    if field == "systolic_bp" and value is not None and data.get("diastolic_bp") is not None:
        return f"{value}/{data['diastolic_bp']}"
    return "—" if value is None else decimal_text(value, lang) if isinstance(value, float) else str(value)


def _prescriptions(sets: Sequence[ScoredSet | None], lang: Lang) -> str:
    """Who prescribed scale 2 and when, for each prescription the page's sets were scored under;
    with none, room to write it by hand, as the sets in its empty columns may be."""
    found: dict[tuple[str, str], None] = {}
    for one in sets:
        if one is not None and one.observations.spo2_scale is Spo2Scale.SCALE_2:
            at = one.record.data.get("scale_2_prescribed_at")
            found[one.record.data.get("scale_2_prescribed_by", "?"),
                  ward_clock(datetime.fromisoformat(at), None, DATED) if at else "?"] = None
    return "\n".join(WORDS["prescribed"][lang].format(by=by, at=at)
                        for by, at in found or {("_" * 14, "__/__ __:__"): None})


def _label(text: str, scale: Spo2Scale | None, sets: Sequence[ScoredSet | None], lang: Lang) -> Flowable:
    if scale is not Spo2Scale.SCALE_2:
        return _p(text, bold=True)
    return RunLines([Run(text, BOLD), Run(f"\n{_prescriptions(sets, lang)}", size=6.5)], style(7.5))


def _grid(sets: Sequence[ScoredSet | None], authors: Authors, laptops: Mapping[str, Laptop], lang: Lang,
          width: float, row_height: float = 8.5 * mm, *, zone: tzinfo | None, amended: Mapping[str, str]) -> Table:
    """`authors`: who recorded each set (see domain.laptops.Authors; `laptops` names their laptops);
    `zone`: the ward's, whose clock the sets' times are printed on (see page.ward_clock);
    `amended`: the amended sets' marks, by their time (see pdf.amendments)."""
    blank = not any(sets)
    # On a blank chart, a line to write the date on and one for the time, a writing line apart.
    to_write = style(7.5, leading=14 if blank else None)
    header = [_p(WORDS["taken"][lang], bold=True)] + [
        _p(marked(ward_clock(found.taken_at, zone, "%d/%m\n%H:%M"), found, amended), bold=True) if found
        else Lines("__/__\n__:__", to_write) for found in sets]
    body: list[list[object]] = [header]
    shades = []
    first = width * 0.2
    heights: list[float | None] = [WHEN_BY_HAND if blank else None]
    for row, (label, field, points_name, scale) in enumerate(ROWS, start=1):
        heading = _label(label[lang], scale, sets, lang)
        # The scale 2 row grows to name its prescriptions rather than print them over the row below.
        heights.append(max(row_height, heading.wrap(first - 12, row_height)[1] + 6))
        line: list[object] = [heading]
        for column, found in enumerate(sets, start=1):
            if found is None or scale not in (None, found.observations.spo2_scale):
                line.append("")
                continue
            points = None if found.news2 is None else getattr(found.news2.parameters, points_name)
            line.append(_p(_reading(found, field, lang) + (f" ({points})" if points is not None else "")))
            if points in POINT_SHADES:
                shades.append(("BACKGROUND", (column, row), (column, row), POINT_SHADES[points]))
        body.append(line)
    # A child's set (under 16) is not scored: "—" where its total and risk would be.
    body.append([_p(WORDS["total"][lang], bold=True)] + [
        _p("—" if found.news2 is None else f"{found.news2.total}{'' if found.news2.complete else '*'}", size=10,
           bold=True) if found else "" for found in sets])
    body.append([_p(WORDS["band"][lang], bold=True)] + [
        _p("—" if found.news2 is None else band_word(found.news2.band, lang),
           bold=found.news2 is not None and found.news2.band is not Band.LOW)
        if found else "" for found in sets])
    body.append([_p(WORDS["by"][lang], bold=True)] + [_p(authors.of(lang, found.record.author, found.record.device_id, laptops))
                                                      if found else "" for found in sets])
    # Who recorded each set, by name and ID, takes the lines it needs (a fixed row ran it over
    # the line above); a blank chart's row keeps the room to write by hand.
    by_height = row_height if blank else None
    table = Table(body, colWidths=[first] + [(width - first) / COLUMNS] * COLUMNS,
                  rowHeights=heights + [row_height] * (len(body) - len(heights) - 1) + [by_height], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, RULE),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e0e0e0")),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), *shades]))
    return table


def _key(width: float, lang: Lang, size: float = 7.5) -> Table:
    body = [[_p(WORDS["key"][lang], size, bold=True)] + [_p(points, size) for points in "3210123"]]
    body += [[_p(label[lang], size)] + [_p(cell if isinstance(cell, str) else cell[lang], size) for cell in cells]
             for label, cells in KEY]
    shade = [3, 2, 1, None, 1, 2, 3]
    table = Table(body, colWidths=[width * 0.2] + [width * 0.8 / 7] * 7)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, RULE),
                               *[("BACKGROUND", (column, 0), (column, -1), POINT_SHADES[points])
                                 for column, points in enumerate(shade, start=1) if points is not None]]))
    return table


def _responses(width: float, lang: Lang) -> Table:
    """What each clinical risk asks of the nurse (domain.news2's RCP responses), which the
    escalation list says on the laptop and nothing says on paper."""
    body = [[_p(heading, 8.5, bold=True) for heading in WORDS["response_cols"][lang].split("|")]]
    body += [[_p(SCORES[band][lang], 8.5, bold=True), _p(band_word(band, lang), 8.5, bold=band is not Band.LOW),
              _p(CLINICAL_RESPONSE[band][lang], 8.5)] for band in Band]
    table = Table(body, colWidths=[width * 0.16, width * 0.12, width * 0.72])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, RULE),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e0e0e0")),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def _row_height(room: float, width: float, around: Sequence[Flowable], grid: Callable[[float], Table]) -> float:
    """The tallest of ROW_HEIGHTS at which `grid` (laid out at a row height) and what is printed
    `around` it on its page fit the page's `room`, the lowest if none does: a DNACPR and a doctor's
    plan printed over the sets, and the plan's words in the response, sent the response over the
    page, away from the grid it answers, on a chart read at the bed one page at a time."""
    used = sum(one.wrap(width, room)[1] + one.getSpaceBefore() + one.getSpaceAfter() for one in around)
    return next((height for height in ROW_HEIGHTS if used + grid(height).wrap(width, room)[1] <= room),
                ROW_HEIGHTS[-1])


def news2_chart_pdf(patient: PatientSummary, sets: Sequence[ScoredSet], spec: FormSpec, out: Path, *,
                    authors: Authors, laptops: Mapping[str, Laptop], lang: Lang, printed_by: str,
                    printed_at: datetime, device_name: str, plan: ObservationPlan | None = None,
                    resuscitation_decided: str | None = None) -> Path:
    """A patient's chart, ten sets per page, oldest first, with the response to the latest; `authors`: as `_grid`.
    Over the sets, a decision not to resuscitate in the census's bold red, with who decided it
    and when (`resuscitation_decided`: services.resuscitation.decided), and the doctor's
    observation and escalation plan standing (`plan`, observations.plans), which the response
    to the score then gives instead of the RCP's when it limits escalation: the nurse escalating
    from the bedside paper at night read neither, and called outreach for a dying patient.
    Its box says the patient's ward and bed, or that they died or left, as the MAR's does; its
    rows are as low as the response needs to stay whole under the grid (see `_row_height`).
    A child's (under 16 at the latest set, or now with none) says at its top that NEWS2 does not
    apply, its sets' readings printed unscored, and leaves out the key that would score them by hand.
    A set amended since it was saved is marked by its time, its amendments listed under the
    response in `spec`'s words (pdf.amendments)."""
    info = chart_info(patient, WORDS["title"][lang], lang=lang, printed_by=printed_by,
                      printed_at=printed_at, device_name=device_name, landscape=True)
    width = body_width(info)
    scored = scored_sets(sets)
    child = sets[-1].news2 is None if sets else not applies_to(patient, printed_at)
    decided = [said for said in (resuscitation_line(patient, lang, resuscitation_decided),
                                 _p(plan.text(lang, printed_at.tzinfo), size=9, bold=True) if plan else None) if said]
    story: list[Flowable] = decided + ([_p(not_applicable_text(lang), size=11, bold=True)] if child else
                                       [_p(WORDS["legend"][lang], size=7.5), _p(WORDS["incomplete"][lang], size=7.5)])
    story.append(Spacer(1, 2 * mm))
    if not sets:
        story.append(_p(WORDS["none"][lang], size=10))
    response: list[Flowable] = []
    if sets and not child:
        # The score that stands, not the latest: a temperature-only recheck's "NEWS2 0" headed the
        # response to a HIGH 7 an hour before.
        standing = judged(scored)
        response = [Spacer(1, 3 * mm),
                    _p(WORDS["response"][lang].format(band=band_text(standing.news2, lang),
                                                      at=ward_clock(standing.taken_at, printed_at.tzinfo)), size=9.5,
                       bold=True),
                    *[_p(text, size=8.5) for text in (
                        incomplete_notice(scored, lang),
                        score_response(standing.news2, plan, lang, printed_at.tzinfo))
                      if text]]
    amended = marks(sets)
    pages = [list(sets[start:start + COLUMNS]) for start in range(0, len(sets), COLUMNS)]

    def grid(page: Sequence[ScoredSet], row_height: float) -> Table:
        return _grid([*page, *[None] * (COLUMNS - len(page))], authors, laptops, lang, width, row_height,
                     zone=printed_at.tzinfo, amended=amended)

    # Every page's rows as low as the last page's must be for the response to stay on it, under
    # its grid, with the lines over the sets when it is also the first.
    row_height = _row_height(body_height(info), width, (story if len(pages) == 1 else []) + response,
                             partial(grid, pages[-1])) if pages else ROW_HEIGHTS[0]
    for index, page in enumerate(pages):
        if index:
            story.append(PageBreak())
        story.append(grid(page, row_height))
    # Listed after the response to the score, which stays on the grid's page (a list before it sent it over).
    story += response + footnotes(sets, spec, lang, width, zone=printed_at.tzinfo,
                                  signed=lambda author, device: authors.of(lang, author, device, laptops))
    if child:
        return build_pdf(out, story, info)
    # Its empty columns are filled by hand once the laptop is away: the key scores them.
    story += [Spacer(1, 3 * mm), KeepTogether([_key(width, lang)])]
    return build_pdf(out, story, info)


def blank_news2_chart_pdf(out: Path, *, lang: Lang, printed_by: str | None, printed_at: datetime,
                          device_name: str) -> Path:
    """Empty columns to fill by hand, with rows tall enough to write in, and under them the
    doctor's observation and escalation plan to tick and sign; over the page, the scoring key and
    the response to each score (both under the grid left its rows 5.5 mm)."""
    info = PageInfo(title=WORDS["blank_title"][lang], lang=lang, printed_by=printed_by, printed_at=printed_at,
                    device_name=device_name, landscape=True, blank=True)
    width = body_width(info)
    story: list[Flowable] = [_grid([None] * COLUMNS, NOBODY, {}, lang, width, BY_HAND, zone=printed_at.tzinfo, amended={}), Spacer(1, 1 * mm),
                             _p(WORDS["plan"][lang], size=7), _p(WORDS["over"][lang], size=7.5, bold=True), PageBreak(),
                             _key(width, lang, size=9), Spacer(1, 5 * mm),
                             _p(WORDS["response_title"][lang], size=10, bold=True), Spacer(1, 2 * mm),
                             _responses(width, lang)]
    return build_pdf(out, story, info)
