"""The neurological observation chart on paper, as the ward's GCS chart: a column per set, a row
per component of the Glasgow Coma Scale, the total, the pupils and the limbs, then who took it
and what the set needed a doctor for. The blank chart has empty columns to fill by hand and,
over the page, the scale's words for each score, so a set is scored the same when the laptop is
away."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import datetime, tzinfo
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from downtime.domain.laptops import NOBODY, Authors, Laptop
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import format_value, offered
from downtime.i18n import labelled, semicolon, sentence
from downtime.pdf.amendments import footnotes, marked, marks
from downtime.pdf.lines import Lines
from downtime.pdf.page import (
    ALERT,
    INK,
    RULE,
    PageInfo,
    body_height,
    body_width,
    build_pdf,
    allergies_in_body,
    chart_info,
    in_words,
    style,
    ward_clock,
)
from downtime.services.neuro import NeuroSet
from downtime.services.patients import PatientSummary

COLUMNS = 10
BY_HAND = 7 * mm
WORDS: dict[str, dict[Lang, str]] = {
    "title": {"en": "Neurological observation chart (GCS)", "fr": "Feuille de surveillance neurologique (Glasgow)"},
    "blank_title": {"en": "Neurological observation chart (GCS, blank)",
                    "fr": "Feuille de surveillance neurologique (Glasgow, vierge)"},
    "taken": {"en": "Date / time", "fr": "Date / heure"},
    "total": {"en": "GCS total (3–15)", "fr": "Glasgow total (3–15)"},
    "by": {"en": "Recorded by", "fr": "Saisi par"},
    "alarm": {"en": "Tell the doctor", "fr": "Prévenir le médecin"},
    "notes": {"en": "Notes", "fr": "Remarques"},
    "cut": {"en": "{start}… (in full below)", "fr": "{start}… (en entier plus bas)"},
    "whole": {"en": "Notes in full", "fr": "Remarques en entier"},
    "none": {"en": "No neurological observations recorded.", "fr": "Aucune surveillance neurologique enregistrée."},
    # The rules the app applies, so a set charted on paper while the laptop is away is escalated as
    # on the screen (the held 1-point drop, a limb weaker and NICE's pace were left off).
    "legend": {"en": "T: not testable (e.g. eyes closed by swelling, intubated): no total; the alarms count it at "
                     "its best (E4, V5, M6), and at 1 in a set a fall is counted from. Tell the doctor now of a "
                     "fall of 2 or more in the total, the eyes or "
                     "the verbal response, or of 1 in the motor response, from the best set since the "
                     "doctor was last told, a drop of 1 point held for 30 minutes, a GCS of 8 or less (not with "
                     "V not testable: intubated), a pupil "
                     "no longer reacting or reacting more slowly, pupils newly unequal or further apart, a limb "
                     "weaker than before; after a fall with a possible head injury, of a GCS of 12 or less, not "
                     "back to 15 (or the usual GCS) at 2 hours, a limb newly weak, or limbs weaker than the other "
                     "side on the first set: CT head within 1 hour "
                     "(NICE). After a head injury, a set every 30 minutes until 15 (or the usual GCS), then every "
                     "30 minutes for 2 hours, hourly for 4 hours, then every 2 hours; every 30 minutes again if "
                     "the GCS falls (NICE).",
               "fr": "T : non testable (ex. œdème palpébral, intubé) : pas de total ; les alarmes le comptent à "
                     "son meilleur (Y4, V5, M6), et à 1 dans le relevé d’où une baisse est comptée. Prévenir le "
                     "médecin immédiatement d’une baisse de 2 points ou plus "
                     "du total, des yeux ou de la réponse verbale, ou d’1 point de la réponse motrice "
                     "par rapport au meilleur relevé depuis le dernier appel du médecin, d’une baisse d’1 point "
                     "maintenue 30 minutes, d’un Glasgow ≤ 8 (sauf V non testable : intubé), d’une pupille devenue "
                     "aréactive ou plus lente, de "
                     "pupilles devenues inégales ou plus inégales, d’un membre plus faible qu’avant ; après une "
                     "chute avec traumatisme crânien possible, d’un Glasgow ≤ 12, non revenu à 15 (ou au Glasgow "
                     "habituel) à 2 heures, d’un membre nouvellement faible, ou de membres plus faibles que de "
                     "l’autre côté au premier relevé : scanner cérébral dans l’heure "
                     "(NICE). Après un traumatisme crânien, un relevé toutes les 30 minutes jusqu’à 15 (ou au "
                     "Glasgow habituel), puis toutes les 30 minutes pendant 2 heures, toutes les heures pendant "
                     "4 heures, puis toutes les 2 heures ; de nouveau toutes les 30 minutes si le Glasgow baisse "
                     "(NICE)."},
    "over": {"en": "The scale's words for each score: over the page.",
             "fr": "Les critères de chaque score : au verso."},
    "key": {"en": "Glasgow Coma Scale", "fr": "Score de Glasgow"},
}
# Chart rows: their label, and the form's field each reads (None: worked out).
ROWS: tuple[tuple[dict[Lang, str], str | None], ...] = (
    ({"en": "Eyes (E) 1–4", "fr": "Yeux (Y) 1–4"}, "eyes"),
    ({"en": "Verbal (V) 1–5", "fr": "Verbale (V) 1–5"}, "verbal"),
    ({"en": "Motor (M) 1–6", "fr": "Motrice (M) 1–6"}, "motor"),
    ({"en": "GCS total (3–15)", "fr": "Glasgow total (3–15)"}, None),
    ({"en": "Left pupil mm", "fr": "Pupille gauche mm"}, "pupil_left_size"),
    ({"en": "Left pupil reaction", "fr": "Réflexe gauche"}, "pupil_left_reaction"),
    ({"en": "Right pupil mm", "fr": "Pupille droite mm"}, "pupil_right_size"),
    ({"en": "Right pupil reaction", "fr": "Réflexe droit"}, "pupil_right_reaction"),
    ({"en": "Left arm", "fr": "Bras gauche"}, "arm_left"),
    ({"en": "Right arm", "fr": "Bras droit"}, "arm_right"),
    ({"en": "Left leg", "fr": "Jambe gauche"}, "leg_left"),
    ({"en": "Right leg", "fr": "Jambe droite"}, "leg_right"),
    ({"en": "Next set in", "fr": "Prochain relevé dans"}, "next_set_in"),
)
SCORED = {"eyes", "verbal", "motor"}


def _cell(text: str, size: float = 7.5, bold: bool = False, color: colors.Color | None = None) -> Lines:
    return Lines(text, style(size=size, bold=bold, leading=size * 1.2, color=color or INK))


def _reading(found: NeuroSet, field: str, spec: FormSpec, lang: Lang) -> str:
    value = found.record.data.get(field)
    if value is None:
        return ""
    if field in SCORED:
        return "T" if value == "not_testable" else str(value)
    if field == "next_set_in" and found.stopped:
        return labelled(format_value(spec.field(field), value, lang), found.record.data["stopped_by"], lang)
    return format_value(spec.field(field), value, lang)


def _grid(sets: Sequence[NeuroSet | None], spec: FormSpec, authors: Authors, laptops: Mapping[str, Laptop],
          lang: Lang, width: float, zone: tzinfo | None = None, amended: Mapping[str, str] | None = None,
          by_hand: float = BY_HAND) -> Table:
    """The chart's columns, each set's time on the clock of `zone` (the ward's, as printed): a set
    typed on a laptop whose clock was at UTC, or before the clocks changed, read an hour off; an
    amended set's time with its mark (`amended`, see pdf.amendments). A blank grid's rows are
    `by_hand` tall, to write in. A set not done says so, and why, in its total's cell. Under what
    to tell the doctor, the sets' own notes (the bleeps unanswered and the sedation given that
    explain a GCS were printed nowhere); not on a blank grid, whose page has no room left for a
    row."""
    blank = not any(sets)
    body: list[list[object]] = [[_cell(in_words(WORDS, "taken", lang), bold=True)] + [
        _cell(marked(ward_clock(found.taken_at, zone, "%d/%m\n%H:%M"), found, amended or {}), bold=True) if found
        else _cell("__/__\n__:__", size=7.5) for found in sets]]
    for label, field in ROWS:
        line: list[object] = [_cell(label[lang], bold=field is None)]
        for found in sets:
            if found is None:
                line.append("")
            elif field is None and found.not_done is not None:
                line.append(_cell(found.text(lang, zone), size=6.5, bold=True))
            elif field is None:
                line.append(_cell("—" if found.gcs.total is None else str(found.gcs.total), size=10, bold=True))
            else:
                line.append(_cell(_reading(found, field, spec, lang)))
        body.append(line)
    body.append([_cell(in_words(WORDS, "by", lang), bold=True)] + [
        _cell(authors.of(lang, found.record.author, found.record.device_id, laptops), size=6.5) if found else ""
        for found in sets])
    body.append([_cell(in_words(WORDS, "alarm", lang), bold=True)] + [
        _cell(semicolon(lang).join(found.said(lang, zone)), size=6.5, bold=True, color=ALERT) if found else ""
        for found in sets])
    if not blank:
        body.append([_cell(in_words(WORDS, "notes", lang), bold=True)] + [
            _cell(_in_grid(found, lang), size=6.5) if found else "" for found in sets])
    first = width * 0.16
    table = Table(body, colWidths=[first] + [(width - first) / len(sets)] * len(sets), repeatRows=1,
                  rowHeights=[10 * mm if blank else None] + [by_hand if blank else None] * (len(body) - 1))
    total_row = 1 + [field for _, field in ROWS].index(None)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, RULE),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e0e0e0")),
                               ("BACKGROUND", (0, total_row), (-1, total_row), colors.HexColor("#f0f0f0")),
                               ("LINEBELOW", (0, total_row), (-1, total_row), 1.2, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return table


NOTE_IN_GRID = 40
"""The characters of a set's notes the grid's cell holds; a longer note is cut there, whole under
the chart (`_whole_notes`): notes of 1,000 characters printed whole in the cells left one set on the
first page, the GCS trend the grid is for split over seven."""


def _note(found: NeuroSet) -> str:
    """The set's notes on one line."""
    return " ".join(str(found.record.data.get("notes") or "").split())


def _in_grid(found: NeuroSet, lang: Lang) -> str:
    """The set's notes as its cell in the grid holds them: whole, or cut at a word (`NOTE_IN_GRID`)."""
    note = _note(found)
    if len(note) <= NOTE_IN_GRID:
        return note
    return in_words(WORDS, "cut", lang, start=note[:NOTE_IN_GRID].rsplit(" ", 1)[0])


def _whole_notes(sets: Sequence[NeuroSet], lang: Lang, zone: tzinfo | None,
                 amended: Mapping[str, str]) -> list[Flowable]:
    """Under the grids, each note cut in its cell (`_in_grid`) whole, by its set's time (with its
    amendment's mark, `amended`)."""
    cut = [found for found in sets if len(_note(found)) > NOTE_IN_GRID]
    if not cut:
        return []
    return [Spacer(1, 3 * mm), _cell(in_words(WORDS, "whole", lang), size=9, bold=True),
            *(_cell(labelled(marked(ward_clock(found.taken_at, zone), found, amended), _note(found), lang), size=7.5)
              for found in cut)]


def _pages(sets: Sequence[NeuroSet], grid: Callable[[Sequence[NeuroSet | None]], Table], width: float,
           first_room: float, room: float) -> Iterator[Table]:
    """A page's grid each, as many columns a page as fit whole, up to ten: a set's "tell the
    doctor" is as tall as its flags, and a row too tall for the page went over to the next one,
    apart from its set's time, where a nurse reading the chart at night missed it. Fewer columns
    share the page's width, so long flags wrap on fewer lines; the last page's empty columns are
    to carry on by hand."""
    start = 0
    while start < len(sets) or start == 0:
        left = first_room if start == 0 else room
        for columns in range(COLUMNS, 0, -1):
            page: list[NeuroSet | None] = list(sets[start:start + columns])
            table = grid(page + [None] * (columns - len(page)))
            if columns == 1 or table.wrap(width, left)[1] <= left:
                break
        yield table
        start += columns


def _key(spec: FormSpec, lang: Lang, width: float) -> Table:
    """Each component's scores in the form's words, as the chart's key."""
    columns = [[_cell(spec.field(field).label.get(lang), bold=True)]
               + [_cell(option.label.get(lang)) for option in offered(spec.field(field))]
               for field in ("eyes", "verbal", "motor")]
    rows = max(len(column) for column in columns)
    body = [[column[row] if row < len(column) else "" for column in columns] for row in range(rows)]
    table = Table(body, colWidths=[width / 3] * 3)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, RULE),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e0e0e0"))]))
    return table


def neuro_chart_pdf(patient: PatientSummary, sets: Sequence[NeuroSet], spec: FormSpec, out: Path, *,
                    authors: Authors, laptops: Mapping[str, Laptop], lang: Lang, printed_by: str,
                    printed_at: datetime, device_name: str) -> Path:
    """Up to ten sets a page (`_pages`), oldest first, the empty columns of the last page to carry
    on by hand; under the title when the next set is due, as the app paces it (the latest set's
    "next set in 4 hours" alone, after a head injury, let the nurse at the bedside wait 4 hours
    for a set due in 30 minutes). In the header, not over the grid: a page of ten sets has no
    room left for a line. A set amended since it was saved is marked by its time, its amendments
    listed after the grids (pdf.amendments)."""
    info = chart_info(patient, in_words(WORDS, "title", lang), lang=lang, printed_by=printed_by,
                      printed_at=printed_at, device_name=device_name, landscape=True,
                      subtitle=sentence(sets[-1].next_set(printed_at, lang)) if sets else None)
    width = body_width(info)
    story: list[Flowable] = [_cell(in_words(WORDS, "legend", lang)), Spacer(1, 2 * mm)]
    if not sets:
        story.append(_cell(in_words(WORDS, "none", lang), size=10))
    room = body_height(info)
    # What build_pdf sets above the story too, a long allergy list in full (page.allergies_in_body),
    # taken off the first page's room and, for a blank grid to write in, off its rows.
    allergies = sum(flowable.wrap(width, room)[1] for flowable in allergies_in_body(info))
    above = allergies + sum(flowable.wrap(width, room)[1] for flowable in story)
    by_hand = BY_HAND - allergies / (len(ROWS) + 2)
    amended = marks(sets)
    for number, grid in enumerate(_pages(
            sets, lambda page: _grid(page, spec, authors, laptops, lang, width, printed_at.tzinfo, amended, by_hand),
            width, room - above, room)):
        story += [PageBreak(), grid] if number else [grid]
    story += _whole_notes(sets, lang, printed_at.tzinfo, amended)
    story += footnotes(sets, spec, lang, width, zone=printed_at.tzinfo,
                       signed=lambda author, device: authors.of(lang, author, device, laptops))
    return build_pdf(out, story, info)


def blank_neuro_chart_pdf(spec: FormSpec, out: Path, *, lang: Lang, printed_by: str | None, printed_at: datetime,
                          device_name: str) -> Path:
    info = PageInfo(title=in_words(WORDS, "blank_title", lang), lang=lang, printed_by=printed_by,
                    printed_at=printed_at, device_name=device_name, landscape=True, blank=True)
    width = body_width(info)
    story: list[Flowable] = [_grid([None] * COLUMNS, spec, NOBODY, {}, lang, width), Spacer(1, 1 * mm),
                             _cell(in_words(WORDS, "over", lang), bold=True), PageBreak(),
                             _cell(in_words(WORDS, "key", lang), size=10, bold=True), Spacer(1, 2 * mm),
                             _key(spec, lang, width), Spacer(1, 3 * mm), _cell(in_words(WORDS, "legend", lang), size=9)]
    return build_pdf(out, story, info)
