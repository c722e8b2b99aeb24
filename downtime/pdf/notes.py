"""A patient's clinical notes on paper, as the continuation sheets of the notes folder: every note
typed in, oldest first, each with when it was written, by whom and its focus (its signature
cell saying it was typed in, by the person signed in), then empty lines to carry on by hand,
signed, when the laptop is away. One note per printed form filled a folder
with a page a note; the next shift read the notes on paper by flicking through them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from reportlab.lib.units import mm

from downtime.domain.clock import DATED
from downtime.domain.records import RecordVersion
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import format_value
from downtime.pdf.lines import Lines
from downtime.pdf.page import body_width, build_pdf, carried_on_by_hand, chart_info, in_words, style, ward_clock
from downtime.services.patients import PatientSummary

BY_HAND = 8
"""Empty lines after the last note, for the hours the laptop is away."""

WORDS: dict[str, dict[Lang, str]] = {
    "title": {"en": "Clinical notes", "fr": "Notes cliniques (transmissions)"},
    "subtitle": {"en": "{count} note(s) typed in, oldest first; carry on by hand below, each note signed",
                 "fr": "{count} note(s) saisie(s), de la plus ancienne à la plus récente ; continuer à la main "
                       "en dessous, chaque note signée"},
    "headings": {"en": "Date and time|Written by|Focus|Note|Signature",
                 "fr": "Date et heure|Rédigée par|Cible|Transmission|Signature"},
    "amended": {"en": "(amended, version {version})", "fr": "(modifiée, version {version})"},
    "typed": {"en": "typed in the app", "fr": "saisie dans l’application"},
}
WIDTHS = (0.13, 0.16, 0.14, 0.44, 0.13)


def _cell(text: str, bold: bool = False) -> Lines:
    return Lines(text, style(size=8.5, bold=bold, leading=10.5))


def notes_pdf(patient: PatientSummary, notes: Sequence[RecordVersion], spec: FormSpec, out: Path, *, lang: Lang,
              printed_by: str, printed_at: datetime, device_name: str) -> Path:
    """`notes`: the patient's clinical notes standing (none withdrawn), in the order they print."""
    info = chart_info(patient, in_words(WORDS, "title", lang), lang=lang, printed_by=printed_by,
                      printed_at=printed_at, device_name=device_name,
                      subtitle=in_words(WORDS, "subtitle", lang, count=len(notes)))
    width = body_width(info)
    body: list[list[object]] = [[_cell(heading, bold=True) for heading in in_words(WORDS, "headings", lang).split("|")]]
    for note in notes:
        # On the ward's clock, its offset said where the clock reads it twice (page.ward_clock).
        when = ward_clock(datetime.fromisoformat(note.data['written_at']), printed_at.tzinfo, DATED)
        if note.version > 1:
            when += "\n" + in_words(WORDS, "amended", lang, version=note.version)
        who = f"{note.data['written_by']}\n{format_value(spec.field('discipline'), note.data['discipline'], lang)}"
        body.append([_cell(when), _cell(who), _cell(note.data.get("focus") or "", bold=True), _cell(note.data["note"]),
                     _cell(in_words(WORDS, "typed", lang))])
    return build_pdf(out, [carried_on_by_hand(body, WIDTHS, width, BY_HAND, 16 * mm)], info)
