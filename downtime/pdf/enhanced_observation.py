"""The enhanced care log on paper: a chart's day (07:00 to 07:00, the fluid chart's day,
domain.fluid_balance) on two landscape sheets, the day's twelve hours and the night's, a row per
hour. Each hour has its four quarter-hour boxes, where an intermittent level's checks (every 15
or 30 minutes) are written as the key's letters (where the patient was / how they were) and
initials, then the columns a continuous level's hourly entry fills: where and what they were
doing, behaviour and mood, engagement or activity offered, who was with them, whom the watch was
handed to. The blank log is the binder's (two sheets a patient a day: the level decision has its
own form); the filled log is the same grid written from the day's entries, each in its quarter
box and its hour's row, over each sheet the watches kept over its hours, the hours with none left
empty to carry on by hand. Printed as a copy of the two-page form per entry, a day at a continuous level was 48
pages and the binder's four copies four hours of it."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from functools import partial
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from downtime.domain.fluid_balance import HOURS
from downtime.domain.laptops import Authors, Laptop, initials
from downtime.domain.records import RecordVersion
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import format_value, offered
from downtime.i18n import semicolon
from downtime.pdf.amendments import (
    NONE,
    Amendments,
    charted,
    footnotes,
    marked_by,
    marks,
)
from downtime.pdf.grid import Grid
from downtime.pdf.lines import Lines
from downtime.pdf.page import (
    RULE,
    PageInfo,
    allergies_in_body,
    body_height,
    body_width,
    build_pdf,
    chart_cell,
    chart_info,
    in_words,
    style,
    ward_clock,
)
from downtime.services.fluid_balance import day_words
from downtime.services.patients import PatientSummary

CODES: dict[str, dict[Lang, str]] = {
    "bed": {"en": "B", "fr": "L"}, "chair": {"en": "C", "fr": "F"}, "bay": {"en": "D", "fr": "S"},
    "toilet": {"en": "T", "fr": "T"}, "walking": {"en": "W", "fr": "M"}, "off_ward": {"en": "O", "fr": "H"},
    "asleep": {"en": "A", "fr": "E"}, "settled": {"en": "S", "fr": "C"}, "restless": {"en": "R", "fr": "N"},
    "agitated": {"en": "AG", "fr": "AG"}, "distressed": {"en": "DI", "fr": "AN"},
}
"""The paper log's letters for the entry's choices (forms/enhanced_observation.yaml `where` and
`state`), each its option's first word in the page's language where two do not clash: a quarter
box holds "B/S" and initials, not words."""
CODED = ("where", "state")
QUARTERS = (0, 15, 30, 45)
SHIFTS = (HOURS[:12], HOURS[12:])
"""The day's sheet and the night's: 07 to 19, 19 to 07 (domain.enhanced_observation.sheets)."""
UNSAID = ("",) * len(SHIFTS)
"""Nothing over either sheet: the blank's, or no level kept that day."""
ROW_HEIGHT = 9.5 * mm
"""An hour's row: two lines of handwriting in the text columns, and a code and initials in a
quarter box; less where the page lacks room for twelve under the key (`_row_height`)."""
LEAST_ROW_HEIGHT = 6 * mm
"""The least an hour's row is made: a line of handwriting."""
LOWER_BY = 0.5 * mm
WIDTHS = (0.055, 0.06, 0.06, 0.06, 0.06, 0.19, 0.16, 0.13, 0.125, 0.1)
WORDS: dict[str, dict[Lang, str]] = {
    "title": {"en": "Enhanced care: observation log", "fr": "Surveillance rapprochée : relevé"},
    "blank_title": {"en": "Enhanced care: observation log (blank)", "fr": "Surveillance rapprochée : relevé (vierge)"},
    "headings": {"en": "Hour|:00|:15|:30|:45|Where / doing|Behaviour / mood|Engagement, activity offered|"
                       "With the patient (name, initials)|Watch handed to",
                 "fr": "Heure|h00|h15|h30|h45|Où / ce qu’il fait|Comportement / humeur|Échanges, activité proposée|"
                       "Auprès du patient (nom, visa)|Relève passée à"},
    "blank_day": {"en": "Date: ____/____/________ (24 hours from 07:00 to 07:00 the next day)\n"
                        "Level (see the decision): ☐ general (at least every 60 min)   ☐ intermittent every "
                        "☐ 15 / ☐ 30 min   ☐ within eyesight   ☐ within arm’s length   ☐ 2:1",
                  "fr": "Date : ____/____/________ (24 heures de 7 h à 7 h le lendemain)\n"
                        "Niveau (voir la décision) : ☐ générale (au moins toutes les 60 min)   ☐ intermittente "
                        "toutes les ☐ 15 / ☐ 30 min   ☐ à portée de vue   ☐ à portée de main   ☐ 2 pour 1"},
    "key": {"en": "Key: where {where}. How {state}.", "fr": "Code : où {where}. Comment {state}."},
    "how": {"en": "Intermittent level: at each check, in its quarter-hour box, where / how (e.g. {example}) and your "
                  "initials. Continuous level (eyesight, arm’s length): the hour’s row each hour, and at each change "
                  "of watch the name of whoever takes over. Tell the nurse in charge at once if the patient cannot "
                  "be found.",
            "fr": "Niveau intermittent : à chaque passage, dans sa case du quart d’heure, où / comment (p. ex. "
                  "{example}) et votre visa. Niveau continu (portée de vue, de main) : la ligne de l’heure chaque "
                  "heure, et à chaque relève le nom de qui la prend. Prévenir immédiatement l’infirmier(ère) "
                  "responsable si le patient est introuvable."},
}


def _key(spec: FormSpec, lang: Lang) -> list[Flowable]:
    """The letters of each of the entry's choices, in the form's words, and how the log is kept."""
    said = {field_id: semicolon(lang).join(f"{CODES[option.code][lang]} {option.label.get(lang).lower()}"
                                           for option in offered(spec.field(field_id))) for field_id in CODED}
    example = f"{CODES['bed'][lang]}/{CODES['asleep'][lang]}"
    return [chart_cell(in_words(WORDS, "key", lang, **said), bold=True),
            chart_cell(in_words(WORDS, "how", lang, example=example)), Spacer(1, 1.5 * mm)]


def _grid(hours: Sequence[int], entries: Sequence[tuple[RecordVersion, datetime]], spec: FormSpec, lang: Lang,
          width: float, initials: Mapping[str, str], amended: Mapping[str, str], row_height: float = ROW_HEIGHT) -> Grid:
    """The `hours`' rows under the headings; each of the `entries` (its record and time on the
    ward's clock) in its quarter box as its letters and `initials` (by record id), and in its
    hour's text columns after its time (marked when amended, pdf.amendments.marks)."""
    by_hour: dict[int, list[tuple[RecordVersion, datetime]]] = {}
    for record, at in entries:
        by_hour.setdefault(at.hour, []).append((record, at))
    rows: list[list[Lines | None]] = [[_cell([text], bold=True) for text in in_words(WORDS, "headings", lang).split("|")]]
    for hour in hours:
        written = by_hour.get(hour, [])
        quarters = [[f"{'/'.join(CODES[record.data[name]][lang] for name in CODED)} {initials[record.record_id]}"
                     for record, at in written if at.minute // 15 == quarter // 15] for quarter in QUARTERS]
        columns = [[f"{marked_by(ward_clock(at, at.tzinfo, '%H:%M'), [record], amended)} {_said(spec, record, lang, 'where', 'doing')}"
                    for record, at in written],
                   [_said(spec, record, lang, "state", "behaviour") for record, _ in written],
                   *([" ".join(str(record.data.get(name) or "").split()) for record, _ in written]
                     for name in ("engagement", "observer", "handed_to"))]
        rows.append([_cell([f"{hour:02d}:00"], bold=True), *(_cell(lines) for lines in quarters),
                     *(_cell(lines) for lines in columns)])
    shares = [share * width for share in WIDTHS]
    natural = Grid(shares, rows, fill=colors.HexColor("#e0e0e0"), rule=RULE)
    return Grid(shares, rows, fill=colors.HexColor("#e0e0e0"), rule=RULE,
                heights=[natural.heights[0], *(max(height, row_height) for height in natural.heights[1:])])


def _cell(lines: Sequence[str], bold: bool = False) -> Lines | None:
    """A grid's cell, smaller than a bedside chart's (page.chart_cell): an hour's entry in two lines
    of its row, twelve rows to a sheet."""
    return Lines("\n".join(lines), style(size=7.5, bold=bold, leading=8.6)) if any(lines) else None


def _said(spec: FormSpec, record: RecordVersion, lang: Lang, chosen: str, typed: str) -> str:
    """A choice of the entry in the form's words, then the words typed beside it: "In bed: dozing"."""
    words = " ".join(str(record.data.get(typed) or "").split())
    return ": ".join(part for part in (format_value(spec.field(chosen), record.data.get(chosen), lang), words) if part)


def _sheets(spec: FormSpec, lang: Lang, info: PageInfo, over: Sequence[str] = UNSAID,
            entries: Sequence[tuple[RecordVersion, datetime]] = (), initials: Mapping[str, str] | None = None,
            amended: Mapping[str, str] | None = None) -> list[Flowable]:
    """The day's sheet and the night's, each under what is said `over` it (its own, the watches
    kept over its hours) and the key: a sheet parted from the other still says the level and the
    letters. Its twelve hours on its page: the rows made lower for the room the identification
    box, the key and the hours holding more than a row's two lines leave, down to
    `LEAST_ROW_HEIGHT`; past that the sheet runs onto another page, its headings again."""
    width, story = body_width(info), []
    for shift, said in zip(SHIFTS, over, strict=True):
        heading = [chart_cell(said, bold=True), Spacer(1, 1 * mm)] if said else []
        above = [*allergies_in_body(info), *heading, *_key(spec, lang)]
        room = body_height(info) - sum(flowable.wrap(width, body_height(info))[1] for flowable in above) - 1
        story += [*([PageBreak()] if story else []), *heading, *_key(spec, lang), _fitted(
            partial(_grid, shift, entries, spec, lang, width, initials or {}, amended or {}), room)]
    return story


def _fitted(grid: Callable[[float], Grid], room: float) -> Grid:
    """The `grid` at the tallest row height that fits `room`, from `ROW_HEIGHT` down by half
    millimetres; at `LEAST_ROW_HEIGHT` when none does."""
    height = ROW_HEIGHT
    while (made := grid(height)).height > room and height - LOWER_BY >= LEAST_ROW_HEIGHT - 1e-6:
        height -= LOWER_BY
    return made


def enhanced_log_pdf(patient: PatientSummary, day: date, entries: Sequence[RecordVersion], spec: FormSpec, out: Path,
                     *, authors: Authors, laptops: Mapping[str, Laptop], lang: Lang, printed_by: str,
                     printed_at: datetime, device_name: str, over: Sequence[str] = UNSAID, amended: Amendments = NONE) -> Path:
    """`entries`: the log entries of the chart's `day`, oldest first, each quarter box initialled
    by whoever watched (its "With the patient"), as on paper: by the nurse who typed it, an
    assistant's watch read as hers; `authors`: who wrote each amendment, after the night's sheet;
    `over`: what is said over the day's sheet and the night's, the watches kept over its hours
    (services.enhanced_observation.printed_over)."""
    info = chart_info(patient, in_words(WORDS, "title", lang), lang=lang, printed_by=printed_by,
                      printed_at=printed_at, device_name=device_name, landscape=True,
                      subtitle=day_words(day, lang, printed_at.tzinfo))
    width, zone = body_width(info), printed_at.tzinfo
    timed = [(record, datetime.fromisoformat(record.data["noted_at"]).astimezone(zone)) for record in entries]
    lines = charted(timed, amended)
    watched_by = {record.record_id: initials(record.data["observer"]) for record in entries}
    return build_pdf(out, [*_sheets(spec, lang, info, over, timed, watched_by, marks(lines)),
                           *footnotes(lines, spec, lang, width, zone=zone,
                                      signed=lambda author, device: authors.initials(author, device, laptops))], info)


def blank_enhanced_log_pdf(spec: FormSpec, out: Path, *, lang: Lang, printed_by: str | None, printed_at: datetime,
                           device_name: str) -> Path:
    info = PageInfo(title=in_words(WORDS, "blank_title", lang), lang=lang, printed_by=printed_by,
                    printed_at=printed_at, device_name=device_name, blank=True, landscape=True,
                    subtitle=in_words(WORDS, "blank_day", lang))
    return build_pdf(out, _sheets(spec, lang, info), info)
