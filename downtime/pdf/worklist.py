"""The printed back-entry worklist: one block per patient (identity, downtime number, EHR
number once reconciled) with a line per record to enter, in the order to enter them, and boxes
for the EHR reference and the clerk's initials — for offices that tick paper while typing."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer, TableStyle

from downtime.domain.clock import DATED, ward_time
from downtime.formspec import Lang
from downtime.i18n import french_de, message
from downtime.pdf.lines import Lines
from downtime.pdf.page import (
    ALERT, BOLD, MARK, RULE, LinesTable, PageInfo, birth_date_label, body_width, build_pdf, style, in_words,
)
from downtime.pdf.runs import Run, RunLines
from downtime.services.back_entry import PatientWork, held_count, not_entered_done, progress, with_holds

WORDS: dict[str, dict[Lang, str]] = {
    "title": {"en": "Back-entry worklist", "fr": "Liste de ressaisie dans le DPI"},
    "headings": {"en": "Step|When|To do|Version|What to enter|EHR reference|Initials",
                 "fr": "Étape|Quand|À faire|Version|À saisir|Référence DPI|Initiales"},
    "no_patient": {"en": "Not about a patient", "fr": "Sans patient"},
    "no_patient_what": {"en": " (theatre sessions and other ward records)",
                        "fr": " (vacations de bloc et autres fiches du service)"},
    # An unknown date said as such: it read "né(e) le DDN inconnue", a birth on a date not there.
    "born": {"en": "born {date}", "fr": "né(e) le {date}"},
    "born_unknown": {"en": "date of birth unknown", "fr": "date de naissance inconnue"},
    "ehr": {"en": "EHR number", "fr": "N° DPI"},
    "ehr_to_write": {"en": "EHR number: ____________", "fr": "N° DPI : ____________"},
    "ipp_recorded": {"en": "the admission's hospital number: {ipp}, to check in the EHR",
                     "fr": "n° hospitalier de l’admission : {ipp}, à vérifier dans le DPI"},
    "whole": {"en": "{progress} — {count}, in the order to enter them",
              "fr": "{progress} — {count}, dans l’ordre de saisie"},
    "part": {"en": "Part of the list: {count}, in the order to enter them — {progress}",
             "fr": "Partie de la liste : {count}, dans l’ordre de saisie — {progress}"},
    # What a list or a part holds: its patients, and the records about no patient (theatre
    # sessions) that come first; it said "5 group(s)" of a part printed with --patients 5.
    "patients": {"en": "{patients} patient(s)", "fr": "{patients} patient(s)"},
    "with_no_patient": {"en": "the records about no patient and {patients} patient(s)",
                        "fr": "les fiches sans patient et {patients} patient(s)"},
    "only_no_patient": {"en": "the records about no patient", "fr": "les fiches sans patient"},
    "entered": {"en": "{done} of {total} record(s) entered in the EHR",
                "fr": "{done} fiche(s) sur {total} saisie(s) dans le DPI"},
    # Done, but not all "entered in the EHR": some the ward said are not to be entered.
    "done": {"en": "{done} of {total} record(s) done: {entered} entered in the EHR, {not_entered} not to be entered "
                   "as the ward said",
             "fr": "{done} fiche(s) sur {total} traitée(s) : {entered} saisie(s) dans le DPI, {not_entered} à ne pas "
                   "saisir selon le service"},
    # French elides "de" before a vowel: "d’ADAM Gérard", not "de ADAM Gérard" (see i18n.french_de).
    "span": {"en": "{count} from {first} to {last}", "fr": "{count} {from_first} à {last}"},
    "one": {"en": "{count}: {name}", "fr": "{count} : {name}"},
    "nothing_left": {"en": "nothing left from the chosen patient on", "fr": "plus rien à partir du patient choisi"},
    # Under each page's progress when a laptop's export is missing (said whole on page 1): a
    # clerk given page 3 alone must not take the list for the whole outage's.
    "missing": {"en": "MISSING EXPORT: this list lacks records, see page 1",
                "fr": "EXPORT MANQUANT : il manque des fiches à cette liste, voir page 1"},
}
# What to do comes right after the time, as on the screen (the clerk reads it first); it is as
# wide as what to enter, since it holds an amendment's changes and a hold's versions.
WIDTHS = (0.10, 0.08, 0.29, 0.06, 0.29, 0.12, 0.06)


def w(key: str, lang: Lang, **values: object) -> str:
    return in_words(WORDS, key, lang, **values)


def _cell(text: str, bold: bool = False) -> Lines:
    """Lines typed apart stay apart (the medicines taken before admission, one a line); a word
    too long for its column is set smaller rather than cut (see lines.fit)."""
    return Lines(text, style(size=8, bold=bold, condensed=True, leading=9.5))


def _heading(group: PatientWork, lang: Lang, same_person: str | None) -> RunLines:
    """The patient, their EHR number or a line to write it on (beside the hospital number their
    admission records, to check), and under them, in bold red, that their admission contradicts
    that EHR number since they were linked, and who else they probably are (`same_person`); a name or note too long for the page's width is fitted as any printed
    word (see runs)."""
    if group.patient is None:
        return RunLines([Run(w("no_patient", lang), BOLD), Run(w("no_patient_what", lang))], style(size=10))
    p = group.patient
    ehr = ([Run(f" — {w('ehr', lang)} "), Run(group.ehr_patient_number, BOLD)] if group.ehr_patient_number
           else [Run(f" — {w('ehr_to_write', lang)}")]
           + ([Run(f" ({w('ipp_recorded', lang, ipp=p.ipp)})")] if p.ipp else []))
    note = [Run(f"\n{said}", BOLD, color=MARK) for said in (
        group.link_contradicted.text_in(lang) if group.link_contradicted else None, same_person) if said]
    born = w("born", lang, date=birth_date_label(p, lang)) if p.birth_date else w("born_unknown", lang)
    formerly = [Run(f" ({admitted})")] if (admitted := group.admitted_as(lang)) else []
    return RunLines([Run(p.display_name, BOLD), *formerly, Run(f" — {born} — "),
                     Run(p.downtime_number, BOLD), *ehr, *note], style(size=10))


def _table(group: PatientWork, width: float, lang: Lang, same_person: str | None) -> LinesTable:
    """The patient's heading, then the column headings, then a line per record; a group running
    onto the next page repeats its heading there (its lines went on under the column headings
    alone, whose patient only the page before named)."""
    headings = [_cell(h, bold=True) for h in w("headings", lang).split("|")]
    rows = [[_heading(group, lang, same_person), *([""] * (len(headings) - 1))], headings]
    for item in group.items:
        entered = item.entered
        rows.append([_cell(message(lang, item.step_name)), _cell(ward_time(item.record.occurred_at, None, DATED)),
                     _cell(item.to_do_in(lang), bold=not item.done), _cell(str(item.record.version)), _cell(f"{item.label}\n{item.by}"),
                     _cell(entered.ehr_reference if item.entered_now and entered else ""),
                     _cell(entered.entered_by if item.entered_now and entered else "")])
    # A line taller than a page (an admission with the longest answers the form takes) carries
    # on over the next: without it reportlab gave up, and the whole worklist did not print.
    table = LinesTable(rows, colWidths=[share * width for share in WIDTHS], repeatRows=2)
    table.setStyle(TableStyle([
        ("SPAN", (0, 0), (-1, 0)), ("LEFTPADDING", (0, 0), (-1, 0), 0), ("BOTTOMPADDING", (0, 0), (-1, 0), 2 * mm),
        ("GRID", (0, 1), (-1, -1), 0.5, RULE),
        ("BACKGROUND", (0, 1), (-1, 1), colors.HexColor("#e0e0e0")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BOTTOMPADDING", (0, 2), (-1, -1), 4),
    ]))
    return table


def _counted(work: list[PatientWork], whole: bool, lang: Lang) -> str:
    """What the list or part holds: its patients counted (a part printed with --patients 5 said
    "5 group(s)"), after the records about no patient if it starts with them; a part names its
    first and last patients."""
    names = [group.patient.display_name for group in work if group.patient is not None]
    if not work:
        return w("nothing_left", lang)
    if not names:
        return w("only_no_patient", lang)
    count = w("with_no_patient" if work[0].patient is None else "patients", lang, patients=len(names))
    if whole:
        return count
    if len(names) == 1:
        return w("one", lang, count=count, name=names[0])
    return w("span", lang, count=count, first=names[0], from_first=french_de(names[0]), last=names[-1])


def _subtitle(work: list[PatientWork], whole: bool, lang: Lang) -> str:
    (done, total), not_entered = progress(work), not_entered_done(work)
    said = (w("done", lang, done=done, total=total, entered=done - not_entered, not_entered=not_entered) if not_entered
            else w("entered", lang, done=done, total=total))
    return w("whole" if whole else "part", lang, progress=with_holds(said, held_count(work), lang),
             count=_counted(work, whole, lang))


def worklist_pdf(work: list[PatientWork], out: Path, *, whole: bool, printed_by: str, printed_at: datetime,
                 device_name: str, lang: Lang, same_person: Mapping[str, str], missing: Sequence[str],
                 reconciled: str, laptops: Sequence[str] = ()) -> Path:
    """`same_person`: what to say under a patient probably also admitted under another downtime
    number, by downtime number (`back_entry.same_person_notes`). `missing`: the laptops' exports
    not imported, whose records the list lacks (`back_entry.missing_exports`), said first in red
    as the screen says them, and named on every page. `reconciled`: the whole list's count with
    the record versions it comes from (domain.tally), as the tab says it under its progress: the
    clerk checking on paper that nothing of the merge was lost had only the screen's words.
    `laptops`: each laptop's sticks and records (`back_entry.by_laptop`), above the first
    patient, for the office to tick the hospital's laptops off the downtime plan on paper."""
    subtitle = "\n".join([_subtitle(work, whole, lang), *([w("missing", lang)] if missing else [])])
    info = PageInfo(title=w("title", lang), lang=lang, printed_by=printed_by, printed_at=printed_at,
                    device_name=device_name, landscape=True, patient_box=False, subtitle=subtitle)
    width = body_width(info)
    story: list[Flowable] = [Lines(said, style(size=10, bold=True, color=ALERT)) for said in missing]
    if reconciled:
        story.append(Lines(reconciled, style(size=9)))
    story += [Lines(said, style(size=9)) for said in laptops]
    if missing or reconciled or laptops:
        story.append(Spacer(1, 3 * mm))
    for group in work:
        note = same_person.get(group.patient.downtime_number) if group.patient else None
        story += [CondPageBreak(30 * mm), _table(group, width, lang, note), Spacer(1, 5 * mm)]
    return build_pdf(out, story, info)
