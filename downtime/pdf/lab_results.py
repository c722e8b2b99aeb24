"""The laboratory log on paper: what a telephoned or critical result asks, the samples sent (when,
the tests, urgent or not, the number, who asked, initials, whether the result is back, in red
once overdue, or the sample closed: rejected by the laboratory, lost or cancelled, with who said
so and when, in red while an urgent one asks for a new sample), then a line per result
received, oldest first (when, how and from whom, the result as the laboratory gave it, its flag,
read back, which doctor was told when, the action, initials), each followed by ruled lines to
carry on by hand while the laptop is away; over them, an acute kidney injury the creatinine shows
(domain.aki), in red. The blank log is the ward's: a column for the patient,
as the laboratory phones about any of them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, tzinfo
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from downtime.domain.clock import ward_time
from downtime.domain.lab_results import SIGNS, Flag, Sign
from downtime.domain.laptops import NOBODY, Authors, Laptop
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import format_value
from downtime.i18n import semicolon
from downtime.pdf.lines import Lines
from downtime.pdf.amendments import NONE, Amendments, charted, footnotes, marked, marks
from downtime.pdf.page import (PageInfo, body_width, build_pdf, carried_on_by_hand, chart_cell, chart_info, in_words,
                                style)
from downtime.services.lab_results import Received, Sent, aki_shown
from downtime.services.patients import PatientSummary

BY_HAND = 6
"""Ruled lines after the last result; the blank log's fill its page with the samples'."""
BLANK_LINES = 10
SAMPLES_BY_HAND = 3
BLANK_SAMPLES = 6
WORDS: dict[str, dict[Lang, str]] = {
    "title": {"en": "Laboratory results received", "fr": "Résultats de laboratoire reçus"},
    "blank_title": {"en": "Laboratory results received: ward log (blank)",
                    "fr": "Résultats de laboratoire reçus : registre du service (vierge)"},
    "headings": {"en": "Received|How, from whom; read back|Test, result, units (range); lab no.|Flag|"
                       "Doctor told, at|Action taken or planned|Initials|What it asks",
                 "fr": "Reçu le|Comment, de qui ; relu|Examen, résultat, unité (normes) ; n° labo|Statut|"
                       "Médecin prévenu, à|Conduite tenue ou prévue|Visa|Conduite demandée"},
    "sent": {"en": "Sample taken|Tests|Urgency|Number on the form or tube|Requested by|Initials|Result back",
             "fr": "Prélevé le|Examens|Urgence|Numéro du bon ou du tube|Demandé par|Visa|Résultat reçu"},
    "samples_title": {"en": "Samples sent", "fr": "Prélèvements envoyés"},
    "results_title": {"en": "Results received", "fr": "Résultats reçus"},
    "patient": {"en": "Patient: name, date of birth, number", "fr": "Patient : nom, date de naissance, numéro"},
    "read_back": {"en": "read back", "fr": "relu"},
    "lab_number": {"en": "lab no. {number}", "fr": "n° labo {number}"},
    "last_dose": {"en": "last dose {time}", "fr": "dernière dose le {time}"},
}
WIDTHS = (0.09, 0.14, 0.18, 0.09, 0.12, 0.13, 0.08, 0.17)
BLANK_WIDTHS = (0.15, 0.10, 0.14, 0.19, 0.09, 0.12, 0.13, 0.08)
"""The ward's log: the patient first, then the columns of a patient's (what it asks left empty)."""
SENT_WIDTHS = (0.1, 0.29, 0.09, 0.14, 0.14, 0.08, 0.16)
BLANK_SENT_WIDTHS = (0.15, 0.1, 0.22, 0.09, 0.12, 0.12, 0.08, 0.12)


def _guide(spec: FormSpec, lang: Lang) -> list[Flowable]:
    """The read-back, a critical result's call and what to write when no doctor answers it, in the
    form's own words, for the lines written by hand: a doctor bleeped was written as told."""
    return [chart_cell(f"• {line}") for line in (spec.field("read_back").help.get(lang), SIGNS[Sign.TELL_NOW][lang],
                                           spec.field("acknowledged").help.get(lang), SIGNS[Sign.FOR_A_DOCTOR][lang])]


def _headings(lang: Lang, key: str, ward: bool) -> list[object]:
    """A table's headings; the ward's log has the patient first and leaves what a result asks out."""
    headings = in_words(WORDS, key, lang).split("|")
    if ward:
        headings = [in_words(WORDS, "patient", lang), *(headings[:-1] if key == "headings" else headings)]
    return [chart_cell(text, bold=True) for text in headings]


def _samples(sent: Sequence[Sent], spec: FormSpec, authors: Authors, laptops: Mapping[str, Laptop], lang: Lang,
             at: datetime, width: float, by_hand: int, ward: bool, amended: Mapping[str, str]) -> Flowable:
    """A line per sample sent, its time marked when amended (`amended`, pdf.amendments.marks)."""
    body: list[list[object]] = [_headings(lang, "sent", ward)]
    for one in sent:
        record, data = one.record, one.record.data
        body.append([chart_cell(marked(ward_time(one.taken_at, at.tzinfo), one, amended)),
                     [chart_cell(one.tests(spec, lang), bold=True), *_under_tests(spec, data, lang, at.tzinfo)],
                     chart_cell(format_value(spec.field("urgency"), data["urgency"], lang), bold=data["urgency"] == "urgent"),
                     chart_cell(data.get("sample_number") or ""), chart_cell(" ".join((data.get("requested_by") or "").split())),
                     chart_cell(authors.initials(record.author, record.device_id, laptops)),
                     chart_cell(one.state(spec, at, lang), bold=one.overdue(at), alert=one.overdue(at))])
    return carried_on_by_hand(body, BLANK_SENT_WIDTHS if ward else SENT_WIDTHS, width, by_hand, 9 * mm)


def _under_tests(spec: FormSpec, data: Mapping[str, object], lang: Lang, zone: tzinfo | None) -> list[Flowable]:
    """Under a sample's tests, what reading its result needs, on the clock of `zone`: a group and
    screen's taker and the patient's group as the blood bank holds it (lab_request version 3), a
    drug level's last dose (version 4: a level is read by its time after the dose), and the
    sample's notes: "Paul Martin; Not on record: first sample (…)", "last dose 28/11 12:00"."""
    said = [" ".join(str(data["taken_by"]).split())] if data.get("group_sample") and data.get("taken_by") else []
    if data.get("group_sample"):
        said.append(format_value(spec.field("group_sample"), data["group_sample"], lang))
    if data.get("level_drug") and data.get("last_dose_at"):
        said.append(in_words(WORDS, "last_dose", lang,
                             time=ward_time(datetime.fromisoformat(str(data["last_dose_at"])), zone)))
    if data.get("notes"):
        said.append(" ".join(str(data["notes"]).split()))
    return [chart_cell(semicolon(lang).join(said))] if said else []


def _how(found: Received, spec: FormSpec, lang: Lang) -> str:
    data = found.record.data
    said = [format_value(spec.field("received_by"), data["received_by"], lang)]
    if data.get("caller"):
        said.append(" ".join(data["caller"].split()))
    if data.get("read_back"):
        said.append(in_words(WORDS, "read_back", lang))
    return semicolon(lang).join(said)


def _table(results: Sequence[Received], spec: FormSpec, authors: Authors, laptops: Mapping[str, Laptop], lang: Lang,
           at: datetime, width: float, by_hand: int, ward: bool, amended: Mapping[str, str]) -> Flowable:
    """A line per result, its times on the clock of `at` (the printing's), marked when amended
    (`amended`, pdf.amendments.marks): a potassium of 6.8 called to a doctor, corrected to 4.8,
    read as a 4.8 called for nothing."""
    body: list[list[object]] = [_headings(lang, "headings", ward)]
    for found in results:
        record, data = found.record, found.record.data
        what = found.text() + (semicolon(lang) + in_words(WORDS, 'lab_number', lang, number=data['lab_number'])
                               if data.get("lab_number") else "")
        body.append([chart_cell(marked(ward_time(found.received_at, at.tzinfo), found, amended)),
                     chart_cell(_how(found, spec, lang)),
                     chart_cell(what, bold=found.flag is not Flag.NORMAL),
                     chart_cell(format_value(spec.field("flag"), data["flag"], lang), bold=True,
                           alert=found.flag is Flag.CRITICAL),
                     chart_cell(found.told(lang, at.tzinfo)), chart_cell(" ".join((data.get("action") or "").split())),
                     chart_cell(authors.initials(record.author, record.device_id, laptops)),
                     chart_cell(semicolon(lang).join(found.said(lang)), bold=True, alert=bool(found.signs))])
    return carried_on_by_hand(body, BLANK_WIDTHS if ward else WIDTHS, width, by_hand, 11 * mm)


def _titled(key: str, lang: Lang, table: Flowable) -> list[Flowable]:
    return [Lines(in_words(WORDS, key, lang), style(size=10, bold=True, leading=13)), table, Spacer(1, 3 * mm)]


def lab_results_pdf(patient: PatientSummary, results: Sequence[Received], spec: FormSpec, out: Path, *,
                    request_spec: FormSpec, sent: Sequence[Sent], authors: Authors, laptops: Mapping[str, Laptop],
                    lang: Lang, printed_by: str, printed_at: datetime, device_name: str,
                    amended: Amendments = NONE) -> Path:
    """`results` and `sent`: the patient's standing ones, oldest first; `authors`: who recorded
    each (initials); over them an AKI the creatinine shows (services.lab_results.aki_shown), under
    them the amendments of those `amended` (pdf.amendments)."""
    info = chart_info(patient, in_words(WORDS, "title", lang), lang=lang, printed_by=printed_by,
                      printed_at=printed_at, device_name=device_name)
    width = body_width(info)
    lines = charted([*((one.record, one.taken_at) for one in sent), *((one.record, one.received_at) for one in results)],
                    amended)
    said = marks(lines)
    kidneys = aki_shown(results, printed_at)
    return build_pdf(out, [*_guide(spec, lang), Spacer(1, 2 * mm),
                           *([] if kidneys is None else [chart_cell(kidneys.said(lang, printed_at.tzinfo), bold=True,
                                                                    alert=True), Spacer(1, 2 * mm)]),
                           *_titled("samples_title", lang, _samples(sent, request_spec, authors, laptops, lang,
                                                                    printed_at, width, SAMPLES_BY_HAND, False, said)),
                           *_titled("results_title", lang, _table(results, spec, authors, laptops, lang, printed_at,
                                                                  width, BY_HAND, False, said)),
                           *footnotes(lines, {spec.id: spec, request_spec.id: request_spec}, lang, width,
                                      zone=printed_at.tzinfo, signed=lambda author, device: authors.initials(author, device, laptops))],
                     info)


def blank_lab_results_pdf(spec: FormSpec, request_spec: FormSpec, out: Path, *, lang: Lang, printed_by: str | None,
                          printed_at: datetime, device_name: str) -> Path:
    info = PageInfo(title=in_words(WORDS, "blank_title", lang), lang=lang, printed_by=printed_by,
                    printed_at=printed_at, device_name=device_name, blank=True, patient_box=False)
    width = body_width(info)
    return build_pdf(out, [*_guide(spec, lang), Spacer(1, 2 * mm),
                           *_titled("samples_title", lang, _samples([], request_spec, NOBODY, {}, lang, printed_at, width,
                                                                    BLANK_SAMPLES, True, {})),
                           *_titled("results_title", lang, _table([], spec, NOBODY, {}, lang, printed_at, width,
                                                                  BLANK_LINES, True, {}))], info)
