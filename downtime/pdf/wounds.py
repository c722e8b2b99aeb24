"""The wound chart on paper: a line per look at a wound, oldest first (when, which wound, what it
is, its size, bed and exudate, signs of infection, the dressing put on and notes, when the next is due,
who did it, what it asked), then ruled lines to carry on by hand while the laptop is away; over
it each open wound's next dressing, so an overdue one is seen the same on paper. The blank chart
is the ruled lines alone."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from downtime.domain.laptops import NOBODY, Authors, Laptop
from downtime.domain.wounds import LATEST_ONLY
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import format_value
from downtime.pdf.amendments import NONE, Amendments, charted, footnotes, marked, marks
from downtime.pdf.page import (PageInfo, body_width, build_pdf, carried_on_by_hand, chart_cell, chart_info, in_words,
                               ward_clock)
from downtime.services.patients import PatientSummary
from downtime.services.followed import still_open
from downtime.services.wounds import ALLERGY_REASON, RECLASSIFIED_WHY, WORDS as WORDS_OF_WOUNDS, Dressed

BY_HAND = 6
"""Ruled lines after the last look; the blank chart's are a page of them (landscape, as the
paper wound charts are: ten columns a line)."""
BLANK_LINES = 9
WORDS: dict[str, dict[Lang, str]] = {
    "title": {"en": "Wound assessment and dressing chart", "fr": "Feuille de suivi des plaies et pansements"},
    "blank_title": {"en": "Wound assessment and dressing chart (blank)",
                    "fr": "Feuille de suivi des plaies et pansements (vierge)"},
    "headings": {"en": "Date and time|Wound|What it is|Size L × W × D|Bed, exudate|Infection|Dressing, notes|"
                       "Next in|Initials|What it asked",
                 "fr": "Date et heure|Plaie|Type|Taille L × l × P|Fond, exsudat|Infection|Pansement, remarques|"
                       "Prochain dans|Visa|Conduite demandée"},
    "plan": {"en": "Name each wound the same way at each dressing; measure it in cm (length head to toe, width at a "
                   "right angle, depth); say its bed and exudate and any signs of infection (spreading redness, heat, "
                   "pus, smell, more pain). Infection: tell the doctor. Larger, or a worse category: tell the nurse in "
                   "charge and the tissue viability nurse.",
             "fr": "Nommer chaque plaie de la même façon à chaque pansement ; la mesurer en cm (longueur tête-pieds, "
                   "largeur perpendiculaire, profondeur) ; noter son fond, l’exsudat et tout signe d’infection "
                   "(rougeur qui s’étend, chaleur, pus, odeur, douleur accrue). Infection : prévenir le médecin. "
                   "Plus grande, ou de catégorie aggravée : prévenir l’infirmier(ère) responsable et "
                   "l’infirmier(ère) plaies et cicatrisation."},
    "reclassified": {"en": "Not a pressure ulcer now: {reason}", "fr": "Plus une escarre : {reason}"},
    "yes": {"en": "Yes", "fr": "Oui"},
    "no": {"en": "No", "fr": "Non"},
}
WIDTHS = (0.07, 0.1, 0.1, 0.08, 0.1, 0.07, 0.17, 0.06, 0.06, 0.19)


def _look(one: Dressed, spec: FormSpec, authors: Authors, laptops: Mapping[str, Laptop], lang: Lang,
          at: datetime, latest: bool, amended: Mapping[str, str]) -> list[object]:
    """A look's line, its time marked when amended (`amended`, pdf.amendments.marks); what it
    asked: infection, an incident to report and a wound worse, and for the latest look at a wound
    its dressing overdue at `at` (an earlier one's was done by the next) or whether it is still
    open, its stay ended (domain.wounds.LATEST_ONLY); first, a dressing used despite a recorded
    allergy with the nurse's reason (the chart filed and worked from while the laptop is away said
    "Inadine" alone on an iodine anaphylaxis). Why a pressure ulcer is charted as something else
    now is with the notes."""
    data, record = one.record.data, one.record
    infection = "" if data.get("infection") is None else in_words(WORDS, "yes" if one.infected else "no", lang)
    despite = " ".join(str(data.get(ALLERGY_REASON) or "").split())
    asked = [*([WORDS_OF_WOUNDS["despite_allergy"][lang].format(reason=despite)] if despite else []),
             *(one.said(sign, spec, at, lang) for sign in one.signs(at) if latest or sign not in LATEST_ONLY)]
    reclassified = " ".join(str(data.get(RECLASSIFIED_WHY) or "").split())
    notes = [data.get("dressing"), data.get("notes"),
             in_words(WORDS, "reclassified", lang, reason=reclassified) if reclassified else None]
    return [chart_cell(marked(ward_clock(one.assessed_at, at.tzinfo), one, amended)), chart_cell(one.name, bold=True),
            chart_cell(one.what(spec, lang, at.tzinfo, whole=True)), chart_cell(one.size(lang)),
            chart_cell(one.bed(spec, lang)),
            chart_cell(infection, bold=one.infected, alert=one.infected),
            chart_cell("\n".join(" ".join(text.split()) for text in notes if text)),
            chart_cell(format_value(spec.field("next_in"), data.get("next_in"), lang)),
            chart_cell(authors.initials(record.author, record.device_id, laptops)),
            chart_cell("\n".join(asked), bold=True, alert=bool(asked))]


def _table(looks: Sequence[Dressed], spec: FormSpec, authors: Authors, laptops: Mapping[str, Laptop], lang: Lang,
           width: float, by_hand: int, at: datetime, amended: Mapping[str, str]) -> Flowable:
    body: list[list[object]] = [[chart_cell(text, bold=True) for text in in_words(WORDS, "headings", lang).split("|")]]
    latest = {id(one) for one in still_open(looks)}
    body.extend(_look(one, spec, authors, laptops, lang, at, id(one) in latest, amended) for one in looks)
    return carried_on_by_hand(body, WIDTHS, width, by_hand, 11 * mm)


def wound_chart_pdf(patient: PatientSummary, looks: Sequence[Dressed], spec: FormSpec, out: Path, *,
                    authors: Authors, laptops: Mapping[str, Laptop], lang: Lang, printed_by: str,
                    printed_at: datetime, device_name: str, amended: Amendments = NONE) -> Path:
    """`looks`: the patient's standing looks at their wounds, oldest first; `authors`: who did
    each (initials). Each open wound's next dressing, overdue or not, is said over the chart;
    under it, the amendments of the looks `amended` (pdf.amendments)."""
    info = chart_info(patient, in_words(WORDS, "title", lang), lang=lang, printed_by=printed_by,
                      printed_at=printed_at, device_name=device_name, landscape=True)
    named = WORDS_OF_WOUNDS["named"][lang]
    nexts = [chart_cell(named.format(wound=one.name, what=one.next_change(spec, printed_at, lang)), bold=True,
                        alert=bool(one.signs(printed_at))) for one in still_open(looks)]
    lines = charted(((one.record, one.assessed_at) for one in looks), amended)
    return build_pdf(out, [chart_cell(f"• {in_words(WORDS, 'plan', lang)}"), Spacer(1, 2 * mm), *nexts,
                           Spacer(1, 2 * mm),
                           _table(looks, spec, authors, laptops, lang, body_width(info), BY_HAND, printed_at,
                                  marks(lines)),
                           *footnotes(lines, spec, lang, body_width(info), zone=printed_at.tzinfo, signed=lambda author, device: authors.initials(author, device, laptops))],
                     info)


def blank_wound_chart_pdf(spec: FormSpec, out: Path, *, lang: Lang, printed_by: str | None, printed_at: datetime,
                          device_name: str) -> Path:
    info = PageInfo(title=in_words(WORDS, "blank_title", lang), lang=lang, printed_by=printed_by,
                    printed_at=printed_at, device_name=device_name, blank=True, landscape=True)
    return build_pdf(out, [chart_cell(f"• {in_words(WORDS, 'plan', lang)}"), Spacer(1, 2 * mm),
                           _table([], spec, NOBODY, {}, lang, body_width(info), BLANK_LINES, printed_at, {})], info)
