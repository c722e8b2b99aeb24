"""The repositioning (turning) chart on paper: a line per change of position, oldest first (when,
the position, the skin over the pressure areas and where, when the next is due, notes, who did
it, what it asked), then ruled lines to carry on by hand while the laptop is away; over it what
the chart asks, so a reddened heel is seen the same on paper. The blank chart is the ruled lines
alone."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from downtime.domain.laptops import NOBODY, Authors, Laptop
from downtime.domain.repositioning import SIGNS, Sign
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import format_value
from downtime.pdf.amendments import NONE, Amendments, charted, footnotes, marked, marks
from downtime.pdf.page import (PageInfo, body_width, build_pdf, carried_on_by_hand, chart_cell, chart_info, in_words,
                               next_due_line, ward_clock)
from downtime.services.patients import PatientSummary
from downtime.services.repositioning import SELDOM_REASON, PressureAreas, Turned

BY_HAND = 10
"""Ruled lines after the last change of position; the blank chart's are a page of them."""
BLANK_LINES = 20
WORDS: dict[str, dict[Lang, str]] = {
    "title": {"en": "Repositioning and skin chart", "fr": "Feuille de changements de position et surveillance cutanée"},
    "blank_title": {"en": "Repositioning and skin chart (blank)",
                    "fr": "Feuille de changements de position et surveillance cutanée (vierge)"},
    "headings": {"en": "Date and time|Position|Skin over the pressure areas|Where|Next in|Notes|Initials|What it asked",
                 "fr": "Date et heure|Position|Peau des points d’appui|Où|Prochain dans|Remarques|Visa|Conduite demandée"},
    "plan": {"en": "Change the patient's position as the care plan says (at least every 6 hours, every 4 at high risk, "
                   "more often where the skin reddens) and look each time at the skin over the sacrum, heels, hips, "
                   "elbows and ears; press on any redness: redness that does not blanch is pressure damage.",
             "fr": "Changer le patient de position selon le plan de soins (au moins toutes les 6 heures, toutes les 4 à "
                   "haut risque, plus souvent si la peau rougit) et regarder à chaque fois la peau du sacrum, des "
                   "talons, des hanches, des coudes et des oreilles ; appuyer sur toute rougeur : une rougeur qui ne "
                   "blanchit pas est une escarre."},
    "seldom": {"en": "Less often than advised: {reason}", "fr": "Moins souvent que recommandé : {reason}"},
}
WIDTHS = (0.11, 0.14, 0.17, 0.1, 0.07, 0.17, 0.08, 0.16)


def _protocol(lang: Lang) -> list[Flowable]:
    """What the chart asks, over it, for the changes of position written by hand."""
    return [chart_cell(f"• {in_words(WORDS, 'plan', lang)}"),
            chart_cell(f"• {SIGNS[Sign.DAMAGE][lang].format(where='…')}")]


def _notes(data: Mapping[str, object], lang: Lang) -> str:
    """A change's notes, after the nurse's reason for a next later than the risk asks (see
    services.repositioning.check_often_enough), which the chart's reader weighs the plan by."""
    reason = " ".join(str(data.get(SELDOM_REASON) or "").split())
    notes = " ".join(str(data.get("notes") or "").split())
    said = [in_words(WORDS, "seldom", lang, reason=reason)] if reason else []
    return " ".join([*said, *([notes] if notes else [])])


def _table(turns: Sequence[Turned], spec: FormSpec, authors: Authors, laptops: Mapping[str, Laptop], lang: Lang,
           width: float, by_hand: int, at: datetime, amended: Mapping[str, str]) -> Flowable:
    """An amended change's time carries its mark (`amended`, pdf.amendments.marks); each time on
    the ward's clock (`at`'s: two turns at 02:30 the night the clocks go back print apart)."""
    body: list[list[object]] = [[chart_cell(text, bold=True) for text in in_words(WORDS, "headings", lang).split("|")]]
    for turn in turns:
        data, record = turn.record.data, turn.record
        body.append([chart_cell(marked(ward_clock(turn.turned_at, at.tzinfo), turn, amended)),
                     chart_cell(format_value(spec.field("position"), data["position"], lang)),
                     chart_cell(format_value(spec.field("skin"), data.get("skin"), lang), bold=turn.damaged,
                           alert=turn.damaged),
                     chart_cell(" ".join((data.get("skin_where") or "").split())),
                     chart_cell(format_value(spec.field("next_in"), data["next_in"], lang)),
                     chart_cell(_notes(data, lang)),
                     chart_cell(authors.initials(record.author, record.device_id, laptops)),
                     chart_cell("\n".join(said for said in (turn.late_said(at.tzinfo, lang),
                                                           turn.said(Sign.DAMAGE, at, lang) if turn.damaged else "")
                                         if said), bold=True, alert=True)])
    return carried_on_by_hand(body, WIDTHS, width, by_hand, 9 * mm)


def _risk(areas: PressureAreas | None, at: datetime, lang: Lang) -> list[Flowable]:
    """The latest pressure ulcer risk, and in red a change asked of a patient at risk with none
    charted, the words the tab and the handover use: the paper chart the ward carries on by hand
    said neither, only "every 6 hours, every 4 at high risk" over empty lines."""
    if areas is None or areas.assessed is None:
        return []
    return [chart_cell(areas.assessed.text(lang, at.tzinfo), bold=True),
            *(chart_cell(said, bold=True, alert=True) for said in areas.uncharted_said(at, lang))]


def repositioning_chart_pdf(patient: PatientSummary, turns: Sequence[Turned], spec: FormSpec, out: Path, *,
                            authors: Authors, laptops: Mapping[str, Laptop], lang: Lang, printed_by: str,
                            printed_at: datetime, device_name: str, amended: Amendments = NONE,
                            areas: PressureAreas | None = None) -> Path:
    """`turns`: the patient's standing changes of position, oldest first; `authors`: who did each
    (initials); `areas`: their pressure areas (services.repositioning.pressure_areas), whose risk
    and change asked are said over the chart. The latest's next change is said over the chart,
    overdue or not; under it, the amendments of the changes `amended` (pdf.amendments)."""
    info = chart_info(patient, in_words(WORDS, "title", lang), lang=lang, printed_by=printed_by,
                      printed_at=printed_at, device_name=device_name)
    width = body_width(info)
    latest = [*_risk(areas, printed_at, lang), *(next_due_line(turns[-1].next_change(printed_at, lang),
                                                               turns[-1].overdue(printed_at)) if turns else [])]
    lines = charted(((turn.record, turn.turned_at) for turn in turns), amended)
    return build_pdf(out, [*_protocol(lang), Spacer(1, 2 * mm), *latest, Spacer(1, 2 * mm),
                           _table(turns, spec, authors, laptops, lang, width, BY_HAND, printed_at, marks(lines)),
                           *footnotes(lines, spec, lang, width, zone=printed_at.tzinfo, signed=lambda author, device: authors.initials(author, device, laptops))],
                     info)


def blank_repositioning_chart_pdf(spec: FormSpec, out: Path, *, lang: Lang, printed_by: str | None,
                                  printed_at: datetime, device_name: str) -> Path:
    info = PageInfo(title=in_words(WORDS, "blank_title", lang), lang=lang, printed_by=printed_by,
                    printed_at=printed_at, device_name=device_name, blank=True)
    width = body_width(info)
    return build_pdf(out, [*_protocol(lang), Spacer(1, 2 * mm),
                           _table([], spec, NOBODY, {}, lang, width, BLANK_LINES, printed_at, {})], info)
