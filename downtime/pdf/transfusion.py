"""The blood transfusion record on paper: what the guideline asks around every unit, then a line
per unit, oldest first (what it is, the bedside check, its start with its rate or notes, the
observation sets before it, at 15 minutes and after it, its end, the volume, why it was stopped and
what was done, a unit that ran past 4 hours out of the fridge, any reaction and who was told,
initials; a unit stopped and restarted one line, its stops and restarts in its outcome), then
ruled lines to carry on by hand while the laptop is away. The blank record is the ruled lines
alone. Each unit's line is also what the blood bank asks back of the ward: the unit's
fate."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from downtime.domain.blood_groups import abo
from downtime.domain.laptops import NOBODY, Authors, Laptop
from downtime.domain.records import RecordVersion
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import format_value
from downtime.i18n import semicolon, sentence
from downtime.pdf.amendments import NONE, Amendments, charted, footnotes, marked_by, marks
from downtime.pdf.page import (PageInfo, body_width, build_pdf, carried_on_by_hand, chart_cell, chart_info, in_words,
                               ward_clock)
from downtime.services import transfusion
from downtime.services.patients import PatientSummary
from downtime.services.transfusion import Prescribed, Transfused, doctor_told, reacted

BY_HAND = 6
"""Ruled lines after the last unit; the blank record's are a page of them."""
BLANK_LINES = 10
BLANK_ORDERS = 2
"""The blank record's prescription lines, over its unit lines."""
WORDS: dict[str, dict[Lang, str]] = {
    "title": {"en": "Blood transfusion record", "fr": "Fiche de suivi transfusionnel"},
    "blank_title": {"en": "Blood transfusion record (blank)", "fr": "Fiche de suivi transfusionnel (vierge)"},
    "headings": {"en": "Unit: component, number, group, out of the fridge at|Bedside check|Started, rate or notes|"
                       "Obs before|Obs 15 min|Ended|Outcome, volume, notes|Obs after|Reaction, who was told",
                 "fr": "Produit : type, numéro, groupe, sortie du réfrigérateur|Contrôle au lit|Posé à, débit ou "
                       "remarques|Const. avant|Const. 15 min|Fin à|Déroulement, volume, remarques|Const. après|"
                       "Réaction, qui a été prévenu"},
    "ordered": {"en": "Prescribed: when, doctor's signature|Component|Units|Each over|Special requirements|Why|Started",
                "fr": "Prescrit : quand, signature du médecin|Produit|Nombre|Chacun en|Qualifications|Indication|"
                      "Posés"},
    "checked": {"en": "Identity checked", "fr": "Identité vérifiée"},
    "card": {"en": "ABO card: {answer}", "fr": "Carte : {answer}"},
    "patient": {"en": "Patient {group}", "fr": "Patient {group}"},
    "rhd": {"en": "RhD+ issued so by the blood bank", "fr": "RhD+ délivré ainsi par l’EFS"},
    "group_a": {"en": "group {group} issued so by the blood bank (high-titre negative)",
                "fr": "groupe {group} délivré ainsi par l’EFS (titre faible d’anti-A/anti-B)"},
    "group_o": {"en": "group O high-titre negative, or issued so by the blood bank",
                "fr": "groupe O sans hémolysines, ou délivré ainsi par l’EFS"},
    "second": {"en": "2nd: {name}", "fr": "2e : {name}"},
    "none": {"en": "None", "fr": "Aucune"},
    "doctor": {"en": "doctor told", "fr": "médecin prévenu"},
    "doctor_named": {"en": "doctor told: {name} {time}", "fr": "médecin prévenu : {name} {time}"},
    "possible": {"en": "POSSIBLE REACTION {time}: {changed}", "fr": "RÉACTION POSSIBLE {time} : {changed}"},
    "bank": {"en": "blood bank told", "fr": "hémovigilance prévenue"},
    "untold": {"en": "NOT YET: {who}", "fr": "PAS ENCORE : {who}"},
    "use_by": {"en": "use by {time}", "fr": "DLU {time}"},
    "collected": {"en": "out of the fridge {time}", "fr": "sorti du réfrigérateur {time}"},
    "running": {"en": "running", "fr": "en cours"},
}
GUIDE: dict[Lang, tuple[str, ...]] = {
    "en": ("Before each unit: check the patient's identity at the bedside (name, date of birth, wristband) against "
           "the unit's compatibility label and the prescription, and the unit's group against the patient's (when the "
           "patient's is not known, red cells of group O, plasma of group AB; group O platelets for a patient not "
           "group O high-titre negative; RhD positive for a patient RhD negative only as the blood bank issued it); "
           "the bedside ABO card before each unit of red cells where the hospital uses one.",
           "Observations (temperature, pulse, blood pressure, respiration rate, SpO2) in the hour before the start, "
           "15 minutes after it, and in the hour after the end.",
           "Finish each unit within 4 hours of it leaving the blood fridge.",
           "A reaction: stop the unit, keep the line open, call the doctor, report it to the blood bank and send the "
           "unit back to it.",
           "The blood bank is told the fate of every unit: this record or the unit's traceability label goes back."),
    "fr": ("Avant chaque produit : vérifier l’identité du patient au lit (nom, date de naissance, bracelet) avec "
           "l’étiquette de compatibilité du produit et la prescription, et le groupe du produit avec celui du patient "
           "(s’il n’est pas connu : CGR de groupe O, plasma de groupe AB ; plaquettes de groupe O chez un patient non O "
           "sans hémolysines ; RhD positif chez un patient RhD négatif seulement délivré ainsi par l’EFS) ; contrôle "
           "ultime (carte) au lit avant chaque CGR.",
           "Constantes (température, pouls, pression artérielle, fréquence respiratoire, SpO2) dans l’heure avant la "
           "pose, 15 minutes après, et dans l’heure après la fin.",
           "Passer chaque produit dans les 4 heures suivant sa sortie du réfrigérateur.",
           "Réaction : arrêter le produit, garder la voie veineuse, appeler le médecin, déclarer à l’hémovigilance et "
           "renvoyer le produit.",
           "Le devenir de chaque produit est retourné à l’EFS : cette fiche ou l’étiquette de traçabilité."),
}
WIDTHS = (0.15, 0.13, 0.11, 0.08, 0.08, 0.09, 0.15, 0.08, 0.13)
"""The start's and the outcome's columns hold their record's notes under them, and the outcome a
unit run past its 4 hours: "réfrigérateur" in bold fits the outcome's width."""
ORDER_WIDTHS = (0.15, 0.17, 0.09, 0.12, 0.16, 0.22, 0.09)


def _at(moment: datetime | None, zone: tzinfo | None) -> str:
    """A time on the ward's clock (`zone`, the printing's; see page.ward_clock), with its offset
    where the clock reads it twice: observations 15 minutes into a unit started at the first 02:30
    printed as the same minute as those of one an hour later, on their stored offset."""
    return "—" if moment is None else ward_clock(moment, zone)


def _check(unit: Transfused, spec: FormSpec, lang: Lang) -> str:
    data = unit.record.data
    said = [in_words(WORDS, "checked", lang)]
    if data.get("patient_group"):
        said.insert(0, in_words(WORDS, "patient", lang,
                                group=format_value(spec.field("patient_group"), data["patient_group"], lang)))
    said.extend(in_words(WORDS, key, lang, group=abo(data["unit_group"]))
                for key, field in (("rhd", "rhd_agreed"), ("group_a", "group_a_agreed"), ("group_o", "group_o_agreed"))
                if data.get(field))
    if data.get("abo_card"):
        said.append(in_words(WORDS, "card", lang, answer=format_value(spec.field("abo_card"), data["abo_card"], lang)))
    if data.get("second_checker"):
        said.append(in_words(WORDS, "second", lang, name=data["second_checker"]))
    return semicolon(lang).join(said)


def _reaction(unit: Transfused, end_spec: FormSpec, lang: Lang, zone: tzinfo | None) -> tuple[str, bool]:
    """The reaction's signs and who was told, of each part of a unit restarted, and whether
    someone is still to be told; nothing before an end."""
    ends = [end.data for _, end in unit.parts if end is not None]
    if not ends:
        return "", False
    if not (reactions := [data for data in ends if reacted(data)]):
        return in_words(WORDS, "none", lang), False
    said: list[str] = []
    for data in reactions:
        answered = {"doctor": doctor_told(data), "bank": data.get("blood_bank_told") is True}
        told = [_doctor(data, lang, zone) if key == "doctor" else in_words(WORDS, key, lang)
                for key, yes in answered.items() if yes]
        untold = [in_words(WORDS, key, lang) for key, yes in answered.items() if not yes]
        said += [format_value(end_spec.field("signs"), data.get("signs") or [], lang), *told,
                 *([in_words(WORDS, "untold", lang, who=", ".join(untold))] if untold else [])]
    return semicolon(lang).join(said), unit.unit.unreported


def _doctor(end: Mapping[str, Any], lang: Lang, zone: tzinfo | None) -> str:
    """"doctor told: Dr Benali 28/11 12:25" (the form's version 2 names them), "doctor told" (1)."""
    if not end.get("doctor_name"):
        return in_words(WORDS, "doctor", lang)
    return in_words(WORDS, "doctor_named", lang, name=" ".join(str(end["doctor_name"]).split()),
                    time=_at(datetime.fromisoformat(str(end["doctor_told_at"])), zone))


def _possible(unit: Transfused, lang: Lang, zone: tzinfo | None) -> list[Flowable]:
    """In red, the latest set taken while the unit ran, or in the hour after its end, that may be a
    reaction (domain.transfusion.changed), with its readings, then the first where it is an
    earlier one (a severe set was hidden behind a mild one before it); nothing when none."""
    if unit.sets.changed_at is None:
        return []
    return [chart_cell(in_words(WORDS, "possible", lang, time=_at(unit.sets.changed_at, zone),
                                changed=unit.sets.said(lang, lambda moment: _at(moment, zone))), bold=True, alert=True)]


def _notes(record: RecordVersion | None) -> list[Flowable]:
    notes = " ".join(str(record.data.get("notes") or "").split()) if record is not None else ""
    return [chart_cell(notes)] if notes else []


def _with_notes(said: str, record: RecordVersion) -> list[Flowable]:
    """A cell's words, then the record's notes under them (the start's rate, why the unit was
    stopped and what was done): the printed record left them out."""
    return [chart_cell(said), *_notes(record)]


def _outcome(unit: Transfused, end_spec: FormSpec, initials: Callable[[RecordVersion], str],
             lang: Lang) -> list[Flowable]:
    """Each stop of a unit restarted, initialled by who restarted it, with the stop's and the
    restart's notes; then how the unit ended and the volume given, a unit that ran past 4 hours
    out of the fridge in the alert colour, then the end's notes; nothing more while it runs."""
    said: list[Flowable] = []
    for text, (_, stop), (again, _) in zip(unit.interruptions(end_spec, lang), unit.earlier, unit.parts[1:]):
        said += [chart_cell(f"{text} {initials(again)}"), *_notes(stop), *_notes(again)]
    end = unit.end
    if end is None:
        return said or [chart_cell("")]
    ended = _with_notes(format_value(end_spec.field("outcome"), end.data["outcome"], lang) + (
        f", {end.data['volume']} mL" if end.data.get("volume") is not None else ""), end)
    if unit.unit.ran_over:
        ended.insert(1, chart_cell(sentence(in_words(transfusion.WORDS, "ran_over", lang)), bold=True, alert=True))
    return [*said, *ended]


def _table(units: Sequence[Transfused], spec: FormSpec, end_spec: FormSpec, authors: Authors,
           laptops: Mapping[str, Laptop], lang: Lang, width: float, by_hand: int, amended: Mapping[str, str],
           zone: tzinfo | None) -> Flowable:
    """A unit's start and end times carry the marks of its starts and ends amended (`amended`,
    pdf.amendments.marks); every time is on the ward's clock (`zone`, see `_at`)."""
    body: list[list[object]] = [[chart_cell(text, bold=True) for text in in_words(WORDS, "headings", lang).split("|")]]

    def initials(record: RecordVersion) -> str:
        return authors.initials(record.author, record.device_id, laptops)

    for unit in units:
        start, end = unit.parts[0][0], unit.end
        times = [in_words(WORDS, word, lang, time=_at(datetime.fromisoformat(start.data[field]), zone))
                 for field, word in (("use_by", "use_by"), ("collected_at", "collected")) if start.data.get(field)]
        what = ", ".join([unit.what(spec, lang), *times])
        ended = in_words(WORDS, "running", lang) if end is None else marked_by(
            f"{_at(unit.unit.ended_at, zone)} {initials(end)}", (stop for _, stop in unit.parts if stop is not None), amended)
        reaction, untold = _reaction(unit, end_spec, lang, zone)
        body.append([chart_cell(what, bold=True), chart_cell(_check(unit, spec, lang)),
                     _with_notes(marked_by(f"{_at(unit.started_at, zone)} {initials(start)}", (again for again, _ in unit.parts),
                                           amended), start),
                     chart_cell("✓" if unit.sets.baseline else "—"), chart_cell(_at(unit.sets.first_at, zone)), chart_cell(ended),
                     _outcome(unit, end_spec, initials, lang), chart_cell(_at(unit.sets.end_at, zone)),
                     [*_possible(unit, lang, zone), chart_cell(reaction, bold=untold or unit.unit.reaction, alert=untold)]])
    return carried_on_by_hand(body, WIDTHS, width, by_hand, 12 * mm)


def _taken(record: RecordVersion) -> datetime:
    """When a unit's start (or restart) or end was: the time the amendments list it at."""
    return datetime.fromisoformat(record.data.get("started_at") or record.data["ended_at"])


def _guide(lang: Lang) -> list[Flowable]:
    return [chart_cell(f"• {line}") for line in GUIDE[lang]]


def _prescriptions(prescribed: Sequence[Prescribed], order_spec: FormSpec, authors: Authors,
                   laptops: Mapping[str, Laptop], lang: Lang, width: float, by_hand: int, zone: tzinfo | None) -> Flowable:
    """The prescription section: a line per prescription (when and by whom, what, how many units
    and the volume of each where prescribed by volume, each over how long, special requirements,
    why, units started), then lines for the doctor to write by hand."""
    body: list[list[object]] = [[chart_cell(text, bold=True) for text in in_words(WORDS, "ordered", lang).split("|")]]
    for found in prescribed:
        record, data = found.record, found.record.data
        body.append([chart_cell(f"{_at(datetime.fromisoformat(data['ordered_at']), zone)} "
                           f"{authors.initials(record.author, record.device_id, laptops)}"),
                     chart_cell(format_value(order_spec.field("component"), data["component"], lang), bold=True),
                     chart_cell(str(data["units"]) + (f" × {data['volume_ml']} mL" if data.get("volume_ml") else ""),
                                bold=True), chart_cell(data["each_over"]),
                     chart_cell(format_value(order_spec.field("requirements"), data.get("requirements") or [], lang),
                           bold=True, alert=bool(data.get("requirements"))),
                     chart_cell(data["indication"]), chart_cell(str(found.started))])
    return carried_on_by_hand(body, ORDER_WIDTHS, width, by_hand, 9 * mm)


def transfusion_record_pdf(patient: PatientSummary, units: Sequence[Transfused], spec: FormSpec, out: Path, *,
                           end_spec: FormSpec, order_spec: FormSpec, prescribed: Sequence[Prescribed],
                           authors: Authors, laptops: Mapping[str, Laptop], lang: Lang, printed_by: str,
                           printed_at: datetime, device_name: str, amended: Amendments = NONE,
                           refusal: str | None = None) -> Path:
    """`units`: the patient's, oldest first; `prescribed`: their prescriptions; `authors`: who
    prescribed, started and ended each (initials); under the units, the amendments of their
    starts and ends `amended` (pdf.amendments); `refusal` the patient's refusal of blood products
    in words (services.transfusion.Refusal.text), first, in the alert colour."""
    info = chart_info(patient, in_words(WORDS, "title", lang), lang=lang, printed_by=printed_by,
                      printed_at=printed_at, device_name=device_name)
    width = body_width(info)
    lines = charted(((record, _taken(record)) for unit in units for record in unit.records), amended)
    return build_pdf(out, [*([chart_cell(refusal, bold=True, alert=True), Spacer(1, 2 * mm)] if refusal else []),
                           *_guide(lang), Spacer(1, 2 * mm),
                           _prescriptions(prescribed, order_spec, authors, laptops, lang, width, 1, printed_at.tzinfo),
                           Spacer(1, 2 * mm),
                           _table(units, spec, end_spec, authors, laptops, lang, width, BY_HAND, marks(lines),
                                  printed_at.tzinfo),
                           *footnotes(lines, {spec.id: spec, end_spec.id: end_spec}, lang, width,
                                      zone=printed_at.tzinfo, signed=lambda author, device: authors.initials(author, device, laptops))],
                     info)


def blank_transfusion_record_pdf(spec: FormSpec, end_spec: FormSpec, order_spec: FormSpec, out: Path, *, lang: Lang,
                                 printed_by: str | None, printed_at: datetime, device_name: str) -> Path:
    info = PageInfo(title=in_words(WORDS, "blank_title", lang), lang=lang, printed_by=printed_by,
                    printed_at=printed_at, device_name=device_name, blank=True)
    width = body_width(info)
    return build_pdf(out, [*_guide(lang), Spacer(1, 2 * mm),
                           _prescriptions([], order_spec, NOBODY, {}, lang, width, BLANK_ORDERS, printed_at.tzinfo),
                           Spacer(1, 2 * mm),
                           _table([], spec, end_spec, NOBODY, {}, lang, width, BLANK_LINES, {}, printed_at.tzinfo)], info)
