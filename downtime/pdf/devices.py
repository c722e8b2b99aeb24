"""The line and catheter chart on paper: a line per look at a device, oldest first (when, what it
is and where, what was done, the site's VIP score or state, still needed, the day it is in, when
the next check is due, notes, who did it, what it asked), then ruled lines to carry on by hand
while the laptop is away; over it the VIP score's key, as the paper VIP charts print it, and each
device still in with its next check, so an overdue one is seen the same on paper, and a patient
not passing urine since their urinary catheter came out. The blank chart
is the key and the ruled lines alone."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from downtime.domain.devices import INSERTED, LATEST_ONLY
from downtime.domain.laptops import NOBODY, Authors, Laptop
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import format_value, offered
from downtime.i18n import semicolon
from downtime.pdf.amendments import NONE, Amendments, charted, footnotes, marked, marks
from downtime.pdf.page import (PageInfo, body_width, build_pdf, carried_on_by_hand, chart_cell, chart_info, in_words,
                               ward_clock)
from downtime.services.devices import Checked, void_asks
from downtime.services.followed import still_open
from downtime.services.patients import PatientSummary

BY_HAND = 6
"""Ruled lines after the last look; the blank chart's are a page of them (landscape, as the
paper cannula charts are: ten columns a line)."""
BLANK_LINES = 8
WORDS: dict[str, dict[Lang, str]] = {
    "title": {"en": "Line and catheter chart", "fr": "Feuille de surveillance des cathéters et sondes"},
    "blank_title": {"en": "Line and catheter chart (blank)",
                    "fr": "Feuille de surveillance des cathéters et sondes (vierge)"},
    "headings": {"en": "Date and time|Device, where, size|Done|VIP or site|Still needed|In since|Next check in|"
                       "Notes|Initials|What it asked",
                 "fr": "Date et heure|Dispositif, site, calibre|Fait|VIP ou site|Toujours nécessaire|En place depuis|"
                       "Prochaine dans|Remarques|Visa|Conduite demandée"},
    "plan": {"en": "Name each device the same way at each check (what it is and where). Score a cannula's site on "
                   "the VIP scale at least once a shift; ask every day whether each device is still needed, and take "
                   "out one that is not. VIP 2 or more: take the cannula out (from 3, tell the doctor). A site red, "
                   "tender or discharging: tell the doctor.",
             "fr": "Nommer chaque dispositif de la même façon à chaque surveillance (nature et site). Coter le site "
                   "d’un cathéter périphérique au score VIP au moins une fois par équipe ; se demander chaque jour si "
                   "chaque dispositif est toujours nécessaire, et retirer celui qui ne l’est plus. VIP 2 ou plus : "
                   "retirer le cathéter (à partir de 3, prévenir le médecin). Site rouge, douloureux ou qui coule : "
                   "prévenir le médecin."},
    "key": {"en": "VIP score: {scores}", "fr": "Score VIP : {scores}"},
    "next": {"en": "{device}: {next}", "fr": "{device} : {next}"},
}
WIDTHS = (0.07, 0.15, 0.07, 0.1, 0.07, 0.09, 0.07, 0.15, 0.05, 0.18)


def _look(one: Checked, spec: FormSpec, authors: Authors, laptops: Mapping[str, Laptop], lang: Lang,
          at: datetime, latest: bool, amended: Mapping[str, str]) -> list[object]:
    """A look's line, its time marked when amended (`amended`, pdf.amendments.marks); what it
    asked: what the look found, and for the latest look at a device still in its check overdue
    at `at`, or whether it is still in (an earlier one's was answered by the next)."""
    data, record = one.record.data, one.record
    asked = [one.said(sign, spec, at, lang) for sign in one.signs(at) if latest or sign not in LATEST_ONLY]
    found = [sign for sign in one.signs(at) if sign not in LATEST_ONLY]
    done = format_value(spec.field("event"), data["event"], lang)
    why = format_value(spec.field("removed_why"), data.get("removed_why"), lang)
    return [chart_cell(marked(ward_clock(one.checked_at, at.tzinfo), one, amended)),
            chart_cell(one.called(spec, lang, whole=True) + (f", {one.size}" if one.size else ""), bold=True),
            chart_cell("\n".join(part for part in (done, why) if part)),
            chart_cell(one.position(spec, lang) if data["event"] == INSERTED else one.state(spec, lang),
                       bold=bool(found),
                       alert=bool(found)),
            chart_cell(format_value(spec.field("still_needed"), data.get("still_needed"), lang)),
            chart_cell("" if one.closed or one.inserted_at is None else ward_clock(one.inserted_at, at.tzinfo)),
            chart_cell(format_value(spec.field("next_in"), data.get("next_in"), lang)),
            chart_cell(one.noted(lang)),
            chart_cell(authors.initials(record.author, record.device_id, laptops)),
            chart_cell("\n".join(asked), bold=True, alert=bool(asked))]


def _key(spec: FormSpec, lang: Lang) -> Flowable:
    """The VIP score's key, in the form's words for each score."""
    return chart_cell(in_words(WORDS, "key", lang, scores=semicolon(lang).join(
        option.label.get(lang) for option in offered(spec.field("vip")))))


def _table(looks: Sequence[Checked], spec: FormSpec, authors: Authors, laptops: Mapping[str, Laptop], lang: Lang,
           width: float, by_hand: int, at: datetime, amended: Mapping[str, str]) -> Flowable:
    body: list[list[object]] = [[chart_cell(text, bold=True) for text in in_words(WORDS, "headings", lang).split("|")]]
    latest = {id(one) for one in still_open(looks)}
    body.extend(_look(one, spec, authors, laptops, lang, at, id(one) in latest, amended) for one in looks)
    return carried_on_by_hand(body, WIDTHS, width, by_hand, 11 * mm)


def device_chart_pdf(patient: PatientSummary, looks: Sequence[Checked], spec: FormSpec, out: Path, *,
                     authors: Authors, laptops: Mapping[str, Laptop], lang: Lang, printed_by: str,
                     printed_at: datetime, device_name: str, amended: Amendments = NONE) -> Path:
    """`looks`: the patient's standing looks at their lines and catheters, oldest first;
    `authors`: who did each (initials). Each device still in, its day and its next check,
    overdue or not, is said over the chart, and a urinary catheter out with no urine charted since
    (services.devices.void_asks); under it, the amendments of the looks `amended`
    (pdf.amendments)."""
    info = chart_info(patient, in_words(WORDS, "title", lang), lang=lang, printed_by=printed_by,
                      printed_at=printed_at, device_name=device_name, landscape=True)
    nexts = [chart_cell(in_words(WORDS, "next", lang, device=one.called(spec, lang, whole=True),
                                 next=semicolon(lang).join((one.in_since(printed_at, lang),
                                                            one.next_change(spec, printed_at, lang)))),
                        bold=True, alert=bool(one.signs(printed_at))) for one in still_open(looks)]
    nexts += [chart_cell(said, bold=True, alert=True) for said in void_asks(looks, spec, printed_at, lang)]
    lines = charted(((one.record, one.checked_at) for one in looks), amended)
    return build_pdf(out, [chart_cell(f"• {in_words(WORDS, 'plan', lang)}"), _key(spec, lang), Spacer(1, 2 * mm),
                           *nexts, Spacer(1, 2 * mm),
                           _table(looks, spec, authors, laptops, lang, body_width(info), BY_HAND, printed_at,
                                  marks(lines)),
                           *footnotes(lines, spec, lang, body_width(info), zone=printed_at.tzinfo, signed=lambda author, device: authors.initials(author, device, laptops))],
                     info)


def blank_device_chart_pdf(spec: FormSpec, out: Path, *, lang: Lang, printed_by: str | None, printed_at: datetime,
                           device_name: str) -> Path:
    info = PageInfo(title=in_words(WORDS, "blank_title", lang), lang=lang, printed_by=printed_by,
                    printed_at=printed_at, device_name=device_name, blank=True, landscape=True)
    return build_pdf(out, [chart_cell(f"• {in_words(WORDS, 'plan', lang)}"), _key(spec, lang), Spacer(1, 2 * mm),
                           _table([], spec, NOBODY, {}, lang, body_width(info), BLANK_LINES, printed_at, {})], info)
