"""The bowel chart on paper: the Bristol scale's key in the form's words and what loose stools,
blood and constipation ask, when the bowels last opened, a line per stool or day's check, oldest
first (when, the stool's type, amount and what was seen, a known cause, a sample sent, the doctor
told of it and when, notes, who charted it, what it asked), then ruled lines to carry on by hand while the laptop is away. The
blank chart is the key and the ruled lines alone."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, tzinfo
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from downtime.domain.laptops import NOBODY, Authors, Laptop
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import format_value, offered
from downtime.i18n import semicolon
from downtime.pdf.amendments import NONE, Amendments, charted, footnotes, marked, marks
from downtime.pdf.page import (PageInfo, body_width, build_pdf, carried_on_by_hand, chart_cell, chart_info, in_words,
                               next_due_line, ward_clock)
from downtime.services.bowels import Bowels, Charted, asking, state
from downtime.services.patients import PatientSummary

BY_HAND = 10
"""Ruled lines after the last line; the blank chart's are a page of them."""
BLANK_LINES = 20
WORDS: dict[str, dict[Lang, str]] = {
    "title": {"en": "Bowel chart (Bristol stool scale)", "fr": "Feuille de surveillance des selles (Bristol)"},
    "blank_title": {"en": "Bowel chart (Bristol stool scale, blank)",
                    "fr": "Feuille de surveillance des selles (Bristol, vierge)"},
    "headings": {"en": "Date and time|Bowels, type|Amount|Seen|Known cause|Sample|Doctor told (name, time)|Notes|"
                       "Initials",
                 "fr": "Date et heure|Selles, type|Quantité|Aspect|Cause connue|Selle prélevée|Médecin prévenu (nom, "
                       "heure)|Remarques|Visa"},
    "key": {"en": "Bristol stool scale: {types}", "fr": "Échelle de Bristol : {types}"},
    "plan": {"en": "Chart each stool, and once a day \"not opened\" when there was none. Loose stools (5 to 7) three "
                   "times in 24 hours with no known cause: isolate in a side room, gloves and apron, wash hands with "
                   "soap and water, send a stool sample, tell the doctor. Blood or black tarry stool: tell the doctor "
                   "now. Not opened for 3 days: the laxative prescribed, or the doctor.",
             "fr": "Noter chaque selle, et une fois par jour « pas de selles » s’il n’y en a pas eu. Selles non moulées "
                   "(5 à 7) trois fois en 24 heures sans cause connue : chambre seule et précautions contact, gants et "
                   "tablier, lavage des mains à l’eau et au savon, prélever une selle, prévenir le médecin. Sang ou "
                   "selles noires goudronneuses : prévenir le médecin maintenant. Pas de selles depuis 3 jours : le "
                   "laxatif prescrit, ou le médecin."},
}
WIDTHS = (0.12, 0.12, 0.09, 0.13, 0.07, 0.08, 0.13, 0.19, 0.07)
"""The doctor told has its column on the blank chart as on the patient's (form version 2): the
state line says it only while its stool is the latest, and a doctor told on paper had nowhere to go.
Its room came from the amount and the yes/no columns, not the notes, which it had squeezed to a
word a line (and the time and stool type onto two)."""


def _guide(spec: FormSpec, lang: Lang) -> list[Flowable]:
    """What to chart and what it asks, and the Bristol scale's key in the form's words."""
    return [chart_cell(f"• {in_words(WORDS, 'plan', lang)}"),
            chart_cell(in_words(WORDS, "key", lang, types=semicolon(lang).join(
                option.label.get(lang) for option in offered(spec.field("stool_type")))))]


def _table(lines: Sequence[Charted], spec: FormSpec, authors: Authors, laptops: Mapping[str, Laptop], lang: Lang,
           width: float, by_hand: int, amended: Mapping[str, str], zone: tzinfo | None) -> Flowable:
    """An amended line's time carries its mark (`amended`, pdf.amendments.marks); each time (the
    doctor told's too) is on
    the ward's clock (`zone`, the printing's), with its offset where the clock reads it twice
    (page.ward_clock): it printed on the offset stored, two stools an hour apart as one minute."""
    body: list[list[object]] = [[chart_cell(text, bold=True) for text in in_words(WORDS, "headings", lang).split("|")]]
    for one in lines:
        data, record = one.record.data, one.record
        opened = format_value(spec.field("opened"), data["opened"], lang)
        body.append([chart_cell(marked(ward_clock(one.charted_at, zone), one, amended)),
                     chart_cell(f"{opened}, {data['stool_type']}" if one.opened else opened, bold=one.loose,
                                alert=one.loose),
                     chart_cell(format_value(spec.field("amount"), data.get("amount"), lang)),
                     chart_cell(format_value(spec.field("seen"), data.get("seen"), lang), bold=bool(one.bleeding),
                                alert=bool(one.bleeding)),
                     chart_cell(format_value(spec.field("known_cause"), data.get("known_cause"), lang)),
                     chart_cell(format_value(spec.field("sample_sent"), data.get("sample_sent"), lang)),
                     chart_cell(f"{one.told_whom} {ward_clock(one.told_at, zone)}"
                                if one.told_at is not None else ""),
                     chart_cell(" ".join((data.get("notes") or "").split())),
                     chart_cell(authors.initials(record.author, record.device_id, laptops))])
    return carried_on_by_hand(body, WIDTHS, width, by_hand, 8 * mm)


def bowel_chart_pdf(patient: PatientSummary, lines: Bowels, spec: FormSpec, out: Path, *,
                    authors: Authors, laptops: Mapping[str, Laptop], lang: Lang, printed_by: str,
                    printed_at: datetime, device_name: str, amended: Amendments = NONE) -> Path:
    """`lines`: the patient's standing bowel chart, oldest first, with what it counts from
    (services.bowels.Bowels); `authors`: who charted each (initials). When the bowels last opened
    and what the chart asks (a result finding C. difficile included) are said over it; under it,
    the amendments of the lines `amended` (pdf.amendments)."""
    info = chart_info(patient, in_words(WORDS, "title", lang), lang=lang, printed_by=printed_by,
                      printed_at=printed_at, device_name=device_name)
    said = state(lines, spec, printed_at, lang) if lines else ""
    asked = asking(lines, spec, printed_at, lang)
    looked = charted(((one.record, one.charted_at) for one in lines), amended)
    return build_pdf(out, [*_guide(spec, lang), Spacer(1, 2 * mm), *next_due_line(said, False),
                           *(chart_cell(line, bold=True, alert=True) for line in asked), Spacer(1, 2 * mm),
                           _table(lines, spec, authors, laptops, lang, body_width(info), BY_HAND, marks(looked), printed_at.tzinfo),
                           *footnotes(looked, spec, lang, body_width(info), zone=printed_at.tzinfo, signed=lambda author, device: authors.initials(author, device, laptops))],
                     info)


def blank_bowel_chart_pdf(spec: FormSpec, out: Path, *, lang: Lang, printed_by: str | None, printed_at: datetime,
                          device_name: str) -> Path:
    info = PageInfo(title=in_words(WORDS, "blank_title", lang), lang=lang, printed_by=printed_by,
                    printed_at=printed_at, device_name=device_name, blank=True)
    return build_pdf(out, [*_guide(spec, lang), Spacer(1, 2 * mm),
                           _table([], spec, NOBODY, {}, lang, body_width(info), BLANK_LINES, {}, printed_at.tzinfo)], info)
