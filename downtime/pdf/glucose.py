"""The blood glucose monitoring chart on paper: a line per reading, oldest first (when, the
meal it is taken against, the glucose and ketones, when the next is planned, the action taken,
who took it and what the reading asked), then ruled lines to carry on by hand while the laptop
is away; over it what a reading asks, so a hypo is treated the same on paper (on an insulin
infusion, its rate reviewed), ketones not measured since, a hypo into an insulin infusion running,
an insulin infusion stopped with no insulin since and a patient on insulin with no glucose for 6
hours (as the tab and the handover say them), and when the latest's next reading is due, or
since when it is overdue. Each glucose in the unit typed (the mmol/L beside), each time on the
ward's clock. The blank chart is the ruled lines and what a reading asks, its glucose column
asking the unit the meter shows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from downtime.domain.glucose import SIGNS, Sign
from downtime.domain.laptops import NOBODY, Authors, Laptop
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import format_value
from downtime.i18n import decimal_text, semicolon, sentence
from downtime.pdf.amendments import footnotes, marked, marks
from downtime.pdf.page import (PageInfo, body_width, build_pdf, carried_on_by_hand, chart_cell, chart_info, in_words,
                               next_due_line, ward_clock)
from downtime.services.glucose import (PLAN, Charted, Insulin, ended_asks, hourly_on_infusion, infusion_asks,
                                       ketones_again, unwatched, unwatched_asks)
from downtime.services.patients import PatientSummary

BY_HAND = 8
"""Ruled lines after the last reading; the blank chart's are a page of them."""
BLANK_LINES = 17
WORDS: dict[str, dict[Lang, str]] = {
    "title": {"en": "Blood glucose monitoring chart", "fr": "Feuille de surveillance glycémique"},
    "blank_title": {"en": "Blood glucose monitoring chart (blank)", "fr": "Feuille de surveillance glycémique (vierge)"},
    "headings": {"en": "Date and time|When|Glucose and unit|Ketones mmol/L|Next in|Action taken|Initials|"
                       "What it asked",
                 "fr": "Date et heure|Moment|Glycémie et unité|Cétonémie mmol/L|Prochaine dans|Conduite tenue|Visa|"
                       "Conduite demandée"},
    "unit": {"en": "Write each glucose with the unit the meter shows: mmol/L, g/L or mg/dL.",
             "fr": "Noter chaque glycémie avec l’unité affichée par le lecteur : mmol/L, g/L ou mg/dL."},
    "plan": {"en": "Write on each line when the next reading is due: every hour on an insulin infusion (VRIII), in "
                   "ketoacidosis or a hyperosmolar state; before each meal and at bedtime on insulin injections.",
             "fr": "Noter à chaque ligne quand la prochaine glycémie est due : toutes les heures sous insuline IV à la "
                   "seringue électrique, en acidocétose ou en syndrome hyperosmolaire ; avant chaque repas et au "
                   "coucher sous insuline sous-cutanée."},
    "infusion": {"en": "A hypo on an insulin infusion (VRIII): review its rate as the VRIII protocol says; tell the "
                       "doctor now",
                 "fr": "Hypoglycémie sous insuline IV à la seringue électrique : revoir son débit selon le protocole ; "
                       "prévenir le médecin immédiatement"},
}
WIDTHS = (0.12, 0.11, 0.11, 0.1, 0.09, 0.18, 0.08, 0.21)


def _protocol(lang: Lang) -> list[Flowable]:
    """What each kind of reading asks, over the chart, for the readings written by hand: a hypo
    written on paper during an insulin infusion was told nothing of its rate."""
    return [chart_cell(f"• {in_words(WORDS, 'plan', lang)}"), chart_cell(f"• {in_words(WORDS, 'unit', lang)}"),
            *(chart_cell(f"• {SIGNS[sign][lang]}") for sign in Sign),
            chart_cell(f"• {in_words(WORDS, 'infusion', lang)}")]


def _table(readings: Sequence[Charted], spec: FormSpec, authors: Authors, laptops: Mapping[str, Laptop], lang: Lang,
           width: float, by_hand: int, at: datetime) -> Flowable:
    """`at`: the moment printed, whose clock the times are said on; an amended reading's time
    carries its mark (pdf.amendments)."""
    amended = marks(readings)
    body: list[list[object]] = [[chart_cell(text, bold=True) for text in in_words(WORDS, "headings", lang).split("|")]]
    for found in readings:
        data, record = found.record.data, found.record
        body.append([chart_cell(marked(ward_clock(found.taken_at, at.tzinfo), found, amended)),
                     chart_cell(format_value(spec.field("timing"), data.get("timing"), lang)),
                     chart_cell(found.reading.text(lambda value: decimal_text(value, lang)), bold=True,
                           alert=found.reading.hypo),
                     chart_cell(found.reading.ketones_text(lambda value: decimal_text(value, lang))),
                     chart_cell(format_value(spec.field(PLAN), data.get(PLAN), lang)),
                     chart_cell(" ".join((data.get("action") or "").split())),
                     chart_cell(authors.initials(record.author, record.device_id, laptops)),
                     chart_cell(semicolon(lang).join(found.said(lang)), bold=True, alert=True)])
    return carried_on_by_hand(body, WIDTHS, width, by_hand, 9 * mm)


def glucose_chart_pdf(patient: PatientSummary, readings: Sequence[Charted], spec: FormSpec, out: Path, *,
                      authors: Authors, laptops: Mapping[str, Laptop], lang: Lang, printed_by: str,
                      printed_at: datetime, device_name: str, insulins: Sequence[Insulin] = ()) -> Path:
    """`readings`: the patient's standing ones, oldest first; `authors`: who took each (initials);
    `insulins`: the patient's insulin orders (services.glucose.insulins_of_each). The latest's
    next reading is said over the chart, overdue or not, after what the tab asks beyond the
    reading's own line (an insulin infusion running into a hypo, one stopped with no insulin since,
    ketones not measured since, no glucose on insulin); under it, the amendments of the readings amended since they were saved
    (pdf.amendments); hourly while an insulin infusion runs, whatever the latest planned
    (services.glucose.hourly_on_infusion: the table keeps what it planned). An insulin infusion
    stopped with no insulin since (services.glucose.ended_asks) is said as the tab and the lists
    say it: the bedside copy printed after a VRIII's syringe was stopped at noon said nothing of it,
    the patient heading for ketoacidosis while the laptop was away."""
    readings = hourly_on_infusion(list(readings), insulins)
    info = chart_info(patient, in_words(WORDS, "title", lang), lang=lang, printed_by=printed_by,
                      printed_at=printed_at, device_name=device_name)
    width = body_width(info)
    since = unwatched({patient.patient_id: list(insulins)}, {patient.patient_id: list(readings)},
                      printed_at).get(patient.patient_id)
    asks = [*(infusion_asks(readings[-1], insulins, lang) if readings else []), *ended_asks(insulins, printed_at, lang),
            *ketones_again(list(readings), printed_at, lang), *unwatched_asks(since, printed_at, lang)]
    latest = [*(chart_cell(sentence(said), bold=True, alert=True) for said in asks),
              *(next_due_line(readings[-1].next_check(printed_at, lang), readings[-1].overdue(printed_at))
                if readings else [])]
    return build_pdf(out, [*_protocol(lang), Spacer(1, 2 * mm), *latest, Spacer(1, 2 * mm),
                           _table(readings, spec, authors, laptops, lang, width, BY_HAND, printed_at),
                           *footnotes(readings, spec, lang, width, zone=printed_at.tzinfo,
                                      signed=lambda author, device: authors.initials(author, device, laptops))], info)


def blank_glucose_chart_pdf(spec: FormSpec, out: Path, *, lang: Lang, printed_by: str | None, printed_at: datetime,
                            device_name: str) -> Path:
    info = PageInfo(title=in_words(WORDS, "blank_title", lang), lang=lang, printed_by=printed_by,
                    printed_at=printed_at, device_name=device_name, blank=True)
    width = body_width(info)
    return build_pdf(out, [*_protocol(lang), Spacer(1, 2 * mm),
                           _table([], spec, NOBODY, {}, lang, width, BLANK_LINES, printed_at)], info)
