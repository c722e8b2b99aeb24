"""The paediatric observation chart on paper (landscape): how to score, the Bedside PEWS key of the
child's age band (the blank chart's every band, as a ward keeps one chart for any child), the
latest score and what it asks, a line per set oldest first (each reading with its points, the
total, someone worried, who took it, what it asked, its notes and the doctor's plan under it), then ruled lines to carry
on by hand while the laptop is away."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from downtime.domain.clock import ward_day
from downtime.domain.laptops import NOBODY, Authors, Laptop
from downtime.domain.pews import (BAND_WORDS, BY_AGE, CAPILLARY_REFILL, EFFORT, ITEMS, OXYGEN, AgeBand, Ranges, Red,
                                  age_band)
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import format_value
from downtime.i18n import labelled, semicolon
from downtime.pdf.amendments import footnotes, marked, marks
from downtime.pdf.page import (RULE, PageInfo, body_width, build_pdf, carried_on_by_hand, chart_cell, chart_info,
                               in_words, next_due_line, ward_clock)
from downtime.services.pews import Taken, asked, asking, reading, reviewed, state, total_text
from downtime.services.patients import PatientSummary

BY_HAND = 6
"""Ruled lines after the last set."""
BLANK_LINES = 12
"""The blank chart's ruled lines, filling its first page under how to score, every band's key
over the page (as the blank NEWS2 chart's): under the key of the five bands, 5 lines were left,
5 sets a page where a child scoring 8 is seen every hour."""
POINTS = (0, 1, 2, 4)
WORDS: dict[str, dict[Lang, str]] = {
    "title": {"en": "Paediatric observation chart (PEWS)", "fr": "Feuille de surveillance pédiatrique (PEWS)"},
    "blank_title": {"en": "Paediatric observation chart (PEWS, blank)",
                    "fr": "Feuille de surveillance pédiatrique (PEWS, vierge)"},
    "plan": {"en": "For children under 16 (NEWS2 from 16). Score each reading on the ranges of the child's age band, "
                   "add the points (Bedside PEWS, 0 to 26). 8 or more, or whatever the score a red flag (severe "
                   "breathing effort or any apnoea, or moderate with a fever younger than 5 years, breathing rate over 60, none or "
                   "in the band's 4-point low, SpO2 90% or less in air or on oxygen, capillary refill 3 s or more, "
                   "heart rate under 60 younger than 12 years, 38 °C or more younger than 3 months, under 36 °C "
                   "younger than 5 years): call the doctor to review the child now. A nurse or parent worried, or a "
                   "child not alert: tell the doctor whatever the score. Next set within the hour in each of these "
                   "cases, and when a reading is missing.",
             "fr": "Pour les enfants de moins de 16 ans (NEWS2 à partir de 16). Coter chaque paramètre selon la "
                   "tranche d’âge de l’enfant, additionner les points (Bedside PEWS, 0 à 26). 8 ou plus, ou quel que "
                   "soit le score un signe de gravité (travail respiratoire très augmenté ou apnée, ou modéré "
                   "avec fièvre avant 5 ans, fréquence respiratoire au-dessus de 60, nulle ou dans la cotation 4 basse de la "
                   "tranche, SpO2 ≤ 90 % à l’air ou sous oxygène, TRC ≥ 3 s, fréquence cardiaque sous 60 avant 12 "
                   "ans, 38 °C ou plus avant 3 mois, moins de 36 °C avant 5 ans) : appeler le médecin pour qu’il "
                   "examine l’enfant maintenant. Infirmier ou parent inquiet, ou enfant pas alerte : prévenir le "
                   "médecin quel que soit le score. Surveillance dans l’heure dans ces cas et s’il manque un "
                   "paramètre."},
    "over": {"en": "Scoring key of each age band: over the page.",
             "fr": "Barème de chaque tranche d’âge : au verso."},
    "age": {"en": "Age (points)", "fr": "Âge (points)"},
    "any_age": {"en": "At any age: {items}", "fr": "À tout âge : {items}"},
    "headings": {"en": "Date and time|Resp. rate|Breathing|SpO2|Oxygen|Heart rate|Systolic BP|Cap. refill|Temp.|AVPU|"
                       "PEWS|Worried|Initials|What it asked",
                 "fr": "Date et heure|Fréq. resp.|Respiration|SpO2|Oxygène|Fréq. card.|PA syst.|TRC|Temp.|AVPU|"
                       "PEWS|Inquiet|Visa|Conduite demandée"},
}
TEMPERATURE_FLAGS = frozenset({Red.FEVER, Red.COLD})
"""The red flags a temperature raises: it scores no points, so its cell is red by these (a baby
of 7 weeks at 38.9 °C had it in black beside her red saturation)."""
KEY_AGE = 0.1
"""The key's age column's share of the page's width; the items' twelve columns share the rest."""
WIDTHS = (0.07, 0.05, 0.09, 0.045, 0.1, 0.055, 0.055, 0.075, 0.045, 0.045, 0.05, 0.06, 0.055, 0.205)


def _bounds(ranges: Ranges) -> list[str]:
    """The readings 0, 1, 2 and 4 points take, as the published table gives them: the range that
    scores 0, then each score's low and high bounds, one over the other ("≤110" over "≥150")."""
    return [f"{ranges.low1 + 1}–{ranges.high1 - 1}",
            *(f"≤{low}\n≥{high}" for low, high in ((ranges.low1, ranges.high1), (ranges.low2, ranges.high2),
                                                    (ranges.low4, ranges.high4)))]


def _options(spec: FormSpec, item: str, scores: Mapping[str, int], lang: Lang) -> str:
    """A choice item's options, each with the points it scores."""
    return labelled(spec.field(item).label.get(lang), ", ".join(
        f"{format_value(spec.field(item), code, lang)} {points}" for code, points in scores.items()), lang)


def _key(spec: FormSpec, bands: Sequence[AgeBand], lang: Lang, width: float) -> list[Flowable]:
    """The scoring key: for each of `bands`, a row of the items scored by age (each item's 0, 1,
    2 and 4 points); under it, those scored alike at any age, in a line."""
    heading = [chart_cell(in_words(WORDS, "age", lang), bold=True)]
    for item in BY_AGE:
        field = spec.field(item)
        heading += [chart_cell(f"{field.label.get(lang)} ({field.unit})", bold=True), "", "", ""]
    body: list[list[object]] = [heading, ["", *(chart_cell(str(points), bold=True) for _ in BY_AGE for points in POINTS)]]
    body += [[chart_cell(BAND_WORDS[band][lang]),
              *(chart_cell(text) for by_band in BY_AGE.values() for text in _bounds(by_band[band]))]
             for band in bands]
    columns = len(BY_AGE) * len(POINTS)
    key = Table(body, colWidths=[KEY_AGE * width] + [(1 - KEY_AGE) * width / columns] * columns, hAlign="LEFT")
    key.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, RULE), ("BACKGROUND", (0, 0), (-1, 1), colors.HexColor("#e0e0e0")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("SPAN", (0, 0), (0, 1)),
        *(("SPAN", (1 + column * len(POINTS), 0), (column * len(POINTS) + len(POINTS), 0)) for column in range(len(BY_AGE)))]))
    any_age = semicolon(lang).join([_options(spec, "capillary_refill", CAPILLARY_REFILL, lang),
                                    _options(spec, "respiratory_effort", EFFORT, lang),
                                    labelled(spec.field("spo2").label.get(lang), "> 94% 0, 91–94% 1, ≤ 90% 2", lang),
                                    _options(spec, "oxygen", OXYGEN, lang)])
    return [key, Spacer(1, 1 * mm), chart_cell(in_words(WORDS, "any_age", lang, items=any_age))]


def _table(lines: Sequence[Taken], born: date | None, spec: FormSpec, authors: Authors, laptops: Mapping[str, Laptop],
           lang: Lang, at: datetime, width: float, by_hand: int) -> Flowable:
    """An amended set's time carries its mark (pdf.amendments). A set's notes (escalation, who
    was told) on a line of their own under its readings, across the page, its time beside them,
    as the paper chart has a line for them: the printed chart lost the record that the doctor
    was called, and in the last column a note of a few lines made each set a third of a page."""
    amended = marks(lines)
    spans: list[tuple[object, ...]] = []
    body: list[list[object]] = [[chart_cell(text, bold=True) for text in in_words(WORDS, "headings", lang).split("|")]]
    for index, one in enumerate(lines):
        data, record, found = one.record.data, one.record, one.scored(born)
        said = asked(one, born, spec, at, lang, index == len(lines) - 1)
        body.append([chart_cell(marked(ward_clock(one.taken_at, at.tzinfo), one, amended)),
                     *(chart_cell(reading(one, item, found, spec, lang),
                                  alert=found is not None and (found.points[item] or 0) >= 2) for item in ITEMS),
                     chart_cell(format_value(spec.field("temperature"), data.get("temperature"), lang),
                                alert=not TEMPERATURE_FLAGS.isdisjoint(one.red(born))),
                     chart_cell((format_value(spec.field("consciousness"), data.get("consciousness"), lang) or "")[:1]),
                     chart_cell(total_text(found, lang), bold=True, alert=found is None or found.urgent),
                     chart_cell(format_value(spec.field("concern"), data.get("concern"), lang), alert=one.concern),
                     chart_cell(authors.initials(record.author, record.device_id, laptops)),
                     chart_cell("\n".join(said), bold=bool(said), alert=bool(said))])
        noted = [*([labelled(spec.field("notes").label.get(lang), " ".join(notes.split()), lang)]
                   if (notes := data.get("notes")) else []), *reviewed(one, lang)]
        if noted:
            spans += [("SPAN", (0, len(body) - 1), (0, len(body))), ("SPAN", (1, len(body)), (-1, len(body)))]
            body.append(["", chart_cell(semicolon(lang).join(noted)), *[""] * (len(WIDTHS) - 2)])
    table = carried_on_by_hand(body, WIDTHS, width, by_hand, 8 * mm)
    table.setStyle(TableStyle(spans))
    return table


def pews_chart_pdf(patient: PatientSummary, lines: Sequence[Taken], spec: FormSpec, out: Path, *,
                   authors: Authors, laptops: Mapping[str, Laptop], lang: Lang, printed_by: str,
                   printed_at: datetime, device_name: str) -> Path:
    """`lines`: the child's standing sets, oldest first; `authors`: who took each (initials). The
    key is of the child's age band now and of each band a set was scored on, every band's with
    neither (no date of birth, or 16 since) (each set is scored
    on its own day's band: the rows before a fourth birthday scored 45 breaths 1, under a key of
    4 to 12 years scoring it 2, and read as added wrongly); under the sets, the amendments of
    those amended since they were saved (pdf.amendments)."""
    info = chart_info(patient, in_words(WORDS, "title", lang), lang=lang, printed_by=printed_by,
                      printed_at=printed_at, device_name=device_name, landscape=True)
    born = patient.birth_date
    now = age_band(born, ward_day(printed_at)) if born is not None else None
    scored = {found.band for one in lines if (found := one.scored(born)) is not None} | ({now} if now else set())
    said = state(lines, born, spec, printed_at, lang) if lines else ""
    return build_pdf(out, [chart_cell(f"• {in_words(WORDS, 'plan', lang)}"),
                           *_key(spec, [band for band in AgeBand if band in scored] or list(AgeBand), lang,
                                 body_width(info)),
                           Spacer(1, 2 * mm), *next_due_line(said, False),
                           *(chart_cell(line, bold=True, alert=True) for line in asking(lines, born, spec, printed_at, lang)),
                           Spacer(1, 2 * mm),
                           _table(lines, born, spec, authors, laptops, lang, printed_at, body_width(info), BY_HAND),
                           *footnotes(lines, spec, lang, body_width(info), zone=printed_at.tzinfo,
                                      signed=lambda author, device: authors.initials(author, device, laptops))],
                     info)


def blank_pews_chart_pdf(spec: FormSpec, out: Path, *, lang: Lang, printed_by: str | None, printed_at: datetime,
                         device_name: str) -> Path:
    """How to score and a page of ruled lines; over the page, the key of every age band, as a
    ward keeps one chart for any child."""
    info = PageInfo(title=in_words(WORDS, "blank_title", lang), lang=lang, printed_by=printed_by,
                    printed_at=printed_at, device_name=device_name, blank=True, landscape=True)
    width = body_width(info)
    return build_pdf(out, [chart_cell(f"• {in_words(WORDS, 'plan', lang)}"), Spacer(1, 2 * mm),
                           _table([], None, spec, NOBODY, {}, lang, printed_at, width, BLANK_LINES), Spacer(1, 1 * mm),
                           chart_cell(in_words(WORDS, "over", lang), bold=True), PageBreak(),
                           *_key(spec, list(AgeBand), lang, width)], info)
