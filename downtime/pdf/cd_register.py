"""A drug's page of the ward's controlled-drug register on paper, as the bound register keeps
it: every line with who entered it, who witnessed it and the balance it left, then empty lines
to carry on by hand, signed by two, when the laptop is away."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path

from reportlab.lib.units import mm

from downtime.domain.clock import DATED
from downtime.formspec import Lang
from downtime.i18n import decimal_text
from downtime.pdf.lines import Lines
from downtime.pdf.page import PageInfo, body_width, build_pdf, carried_on_by_hand, in_words, style, ward_clock
from downtime.services.cd_register import RegisterLine

BY_HAND = 12  # empty lines after the last one, for the hours the laptop is away

WORDS: dict[str, dict[Lang, str]] = {
    "title": {"en": "Controlled-drug register — {drug} ({unit})", "fr": "Registre des stupéfiants — {drug} ({unit})"},
    "subtitle": {"en": "Ward {ward} — balance {balance} {unit} at {at}",
                 "fr": "Service {ward} — solde {balance} {unit} au {at}"},
    "headings": {"en": "When|Entry|Quantity|Balance|By|Witness|Patient|Note",
                 "fr": "Quand|Écriture|Quantité|Solde|Par|Témoin|Patient|Remarque"},
    "written": {"en": "(written {written})", "fr": "(saisie {written})"},
    "withdrawn": {"en": "(withdrawn {written})", "fr": "(annulée {written})"},
    "receipt": {"en": "Received", "fr": "Reçu"},
    "administration": {"en": "Dose given", "fr": "Dose administrée"},
    "withdrawal": {"en": "Dose withdrawn (entered in error)", "fr": "Administration annulée (saisie par erreur)"},
    "correction": {"en": "Count correction", "fr": "Correction après comptage"},
    "count": {"en": "Count checked, correct: {balance} {unit}", "fr": "Comptage vérifié, exact : {balance} {unit}"},
    "opening": {"en": "Opening count: {balance} {unit}", "fr": "Comptage d’ouverture : {balance} {unit}"},
    "discrepancy": {"en": "DISCREPANCY: {balance} {unit} counted, {register} {unit} on the register",
                    "fr": "ÉCART : {balance} {unit} compté(s), {register} {unit} au registre"},
    "wastage": {"en": "Discarded, from the dose of {given}", "fr": "Détruit, reste de la dose du {given}"},
    "supply": {"en": "Supplied to {patient} to take home", "fr": "Remis à {patient} pour sa sortie"},
    "reconciled": {"en": "Reconciled: the count of {counted} already reflected the dose of {given}",
                   "fr": "Régularisation : le comptage du {counted} tenait déjà compte de la dose du {given}"},
    "struck": {"en": "ENTERED IN ERROR: the line of {struck_at} struck out",
               "fr": "SAISIE PAR ERREUR : la ligne du {struck_at} est barrée"},
    "struck_line": {"en": "{entry} — ENTERED IN ERROR: {reason}", "fr": "{entry} — SAISIE PAR ERREUR : {reason}"},
}
WIDTHS = (0.13, 0.15, 0.07, 0.07, 0.12, 0.12, 0.19, 0.15)


_OFFSET_LAST = re.compile(r"(.*) ([+-][0-9]{2}:[0-9]{2}\)?)")


def _unbroken(said: str) -> str:
    """"(withdrawn 25/10 02:50)" whole under the time given, not cut between a date and its time,
    with a break left before an offset ending it, the night the clocks go back: joined to it, the
    words no longer fitted the column, and the cell shrank to 6 pt and cut "+01:0-" / "0)"."""
    match = _OFFSET_LAST.fullmatch(said)
    head, offset = (match.group(1), f" {match.group(2)}") if match else (said, "")
    return head.replace(" ", "\u00a0") + offset


def _cell(text: str, bold: bool = False) -> Lines:
    return Lines(text, style(size=8, bold=bold, condensed=True, leading=9.5))


def cd_page_pdf(lines: Sequence[RegisterLine], out: Path, *, ward: str, drug: str, unit: str, names: Mapping[str, str],
                lang: Lang, printed_by: str, printed_at: datetime, device_name: str) -> Path:
    """`names`: staff members' names by staff ID, as they sign the register."""
    balance = lines[-1].balance if lines else 0.0
    info = PageInfo(title=in_words(WORDS, "title", lang, drug=drug, unit=unit), lang=lang, printed_by=printed_by,
                    printed_at=printed_at, device_name=device_name, landscape=True, patient_box=False,
                    subtitle=in_words(WORDS, "subtitle", lang, ward=ward, balance=decimal_text(balance, lang), unit=unit,
                                      at=ward_clock(printed_at, printed_at.tzinfo, DATED)))
    width = body_width(info)
    body: list[list[object]] = [[_cell(heading, bold=True) for heading in in_words(WORDS, "headings", lang).split("|")]]
    for line in lines:
        when, written = line.when_texts(printed_at.tzinfo)
        if written:
            when += " " + _unbroken(in_words(WORDS, "withdrawn" if line.kind == "withdrawal" else "written", lang,
                                             written=written))
        entry = in_words(WORDS, line.kind, lang, balance=decimal_text(line.balance, lang), unit=unit,
                         register=decimal_text(line.balance - line.change, lang),
                         patient=line.patient or "", **line.entry_times(printed_at.tzinfo))
        if line.struck is not None:  # bracketed as on paper: kept, its reason beside it
            entry = in_words(WORDS, "struck_line", lang, entry=entry, reason=line.struck)
        body.append([_cell(when), _cell(entry, bold=line.kind == "discrepancy" or line.struck is not None),
                     _cell("" if line.kind == "count" else decimal_text(line.change, lang, signed=True)),
                     _cell(decimal_text(line.balance, lang), bold=True),
                     _cell(line.by_text(names, lang)), _cell(line.witness_text(names, lang, printed_at.tzinfo)),
                     _cell(line.patient_text()), _cell(line.note or "")])
    return build_pdf(out, [carried_on_by_hand(body, WIDTHS, width, BY_HAND, 8 * mm)], info)
