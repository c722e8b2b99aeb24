"""The day's theatre list, the rescheduling list and the patient's letter of a new date.

Laterality is printed in full (LEFT / RIGHT), never abbreviated or dittoed; cancelled
operations stay on the list, struck through, with the reason, and without a number: the list's
numbers count the operations still to be done."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime, timedelta, tzinfo
from itertools import count
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from downtime.domain.census import Location, StayStatus
from downtime.domain.clock import DATED, ward_time, ward_zone
from downtime.domain.elapsed import instant
from downtime.domain.theatre import (
    ARRIVE_BEFORE, ON_THE_WARD_STILL, Fasting, TheatreSession, fasting_from,
)
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import format_value
from downtime.i18n import QT_TR_NOOP, semicolon, translate
from downtime.pdf.forms import allergy_colour, allergy_line
from downtime.pdf.lines import Lines
from downtime.pdf.page import (
    ALERT, BAND, BOLD, CUT_FROM, RULE, SEX, CarriedLinesTable, PageInfo, allergies_within, birth_date_label,
    body_height, body_width, build_pdf, in_words, style, word,
)
from downtime.pdf.runs import Run, RunLines
from downtime.services.patients import PatientSummary
from downtime.services.theatre import (
    REBOOK_BY, WHOM_TO_TELL, BookingState, BookingStatus, ChangedSincePrinted, ListEntry, WaitingItem,
    anticoagulants_named, done_said, hours_said, insulin_first_said, insulin_said, last_cancelled, line_flags,
    preparation_said, procedure_and_side, rebooked_from, unrecorded_said, with_length,
)

WORDS: dict[str, dict[Lang, str]] = {
    "list_title": {"en": "Theatre list — {day}", "fr": "Programme opératoire — {day}"},
    "all": {"en": "all theatres", "fr": "toutes salles"},
    "session": {"en": "Theatre {theatre} — {specialty} — {start}–{end}", "fr": "Salle {theatre} — {specialty} — {start}–{end}"},
    "line_number": {"en": "#", "fr": "N°"},
    "empty": {"en": "No operation booked.", "fr": "Aucune intervention programmée."},
    "where": {"en": "Ward {ward}, bed {bed}", "fr": "Service {ward}, lit {bed}"},
    "same_name": {"en": "SAME NAME: {others}", "fr": "MÊME NOM : {others}"},
    "anticoagulant": {"en": "ANTICOAGULANT: {drugs}", "fr": "ANTICOAGULANT : {drugs}"},
    "diagnosis": {"en": "Diagnosis: {text}", "fr": "Diagnostic : {text}"},
    "notes": {"en": "Notes: {text}", "fr": "Remarques : {text}"},
    "cancelled": {"en": "CANCELLED — {reason}", "fr": "ANNULÉE — {reason}"},
    "moved": {"en": "MOVED to {when}", "fr": "DÉPLACÉE au {when}"},
    "transferred": {"en": "TRANSFERRED to {hospital}", "fr": "TRANSFÉRÉE vers {hospital}"},
    "clash": {"en": "CLASH, move one: {clashes}", "fr": "CONFLIT, en déplacer une : {clashes}"},
    "clash_done": {"en": "CLASH: {clashes}", "fr": "CONFLIT : {clashes}"},
    "after_latex": {"en": "LATEX ALLERGY, not first in this theatre today: move first, latex-free theatre",
                    "fr": "ALLERGIE AU LATEX, pas en premier dans cette salle aujourd’hui : à passer en premier, "
                          "salle sans latex"},
    "not_told": {"en": "PATIENT NOT TOLD YET", "fr": "PATIENT PAS ENCORE INFORMÉ"},
    "tell": {"en": "Tell: {whom}", "fr": "Prévenir : {whom}"},
    "told": {"en": "Patient told: {how}, {at}", "fr": "Patient informé : {how}, {at}"},
    "told_by": {"en": "Patient told: {how}, {at}, by {by}", "fr": "Patient informé : {how}, {at}, par {by}"},
    "replaces": {"en": "Replaces the list printed {time} ({theatre}): take that copy down",
                 "fr": "Remplace le programme imprimé à {time} ({theatre}) : retirer cet exemplaire"},
    "left_by_death": {"en": "Not to rebook, the patient's death is recorded: {operations}.",
                      "fr": "À ne pas reprogrammer, le décès du patient est enregistré : {operations}."},
    "died_after": {"en": "{name} ({number}), {operation} — died {at}", "fr": "{name} ({number}), {operation} — décès le {at}"},
    "resched_title": {"en": "Operations to reschedule", "fr": "Interventions à reprogrammer"},
    "resched_sub": {"en": "{count} cancelled operation(s) not yet rebooked, at {at}",
                    "fr": "{count} intervention(s) annulée(s) non reprogrammée(s), au {at}"},
    "days": {"en": "{days} d", "fr": "{days} j"},
}
# The day list's columns after its line number, in the words of the screen's board (the
# catalogue's shared context): the print said "Date de naissance" where the screen said "Né(e) le".
LIST_COLUMNS = (QT_TR_NOOP("Time"), QT_TR_NOOP("Patient"), QT_TR_NOOP("Date of birth"), QT_TR_NOOP("Sex"),
                QT_TR_NOOP("Downtime no."), QT_TR_NOOP("Procedure"), QT_TR_NOOP("Side"), QT_TR_NOOP("Priority"),
                QT_TR_NOOP("Surgeon"), QT_TR_NOOP("Anaesthetist"), QT_TR_NOOP("Status"))
# The rescheduling list's columns in the words of the screen's list, the downtime number and
# whom to tell sharing one: the print had words of its own ("À faire avant … PROCHE" where the
# screen said "Au plus tard le … BIENTÔT").
RESCHED_COLUMNS = ((QT_TR_NOOP("Priority"),), (QT_TR_NOOP("Patient"),), (QT_TR_NOOP("Date of birth"),),
                   (QT_TR_NOOP("Downtime no."), WHOM_TO_TELL), (QT_TR_NOOP("Procedure"),),
                   (QT_TR_NOOP("Side"),), (QT_TR_NOOP("Surgeon"),), (QT_TR_NOOP("Cancelled"),), (QT_TR_NOOP("Reason"),),
                   (REBOOK_BY,), (QT_TR_NOOP("Waiting"),))


def w(key: str, lang: Lang, **values: object) -> str:
    return in_words(WORDS, key, lang, **values)


LIST_NAMED_BY = 6
"""The day list's first cells, which name an operation's patient: its number, time, the patient
(their name, ward and allergies), date of birth, sex and downtime number."""
RESCHED_NAMED_BY = 4
"""The rescheduling list's: the priority, the patient, the date of birth, the downtime number."""
ALLERGIES_SHARE = 0.4
"""The share of a page's height a patient's allergies in their whole wording may take on the day
list, under the name given again on the page an operation carries on to: longer, they name each
allergen and its severity (page.allergies_within)."""
CELL_PADDING = 6
"""A table cell's left and right padding, reportlab's, in points."""

STRIKE_HEIGHT = 0.36
"""Where a strike crosses text, above its baseline, in font sizes: the middle of its figures and
capitals. A quarter of a size up, it ran across the foot of a cancelled start like an underline,
over the expected end under it, and through the dash of "–10:15"."""


class _Struck(Lines):
    """Text struck through, as a cancelled operation stays on the list, readable under the line."""

    def draw(self) -> None:
        super().draw()
        fitted, canv = self.fitted, self.canv
        assert fitted is not None
        canv.setStrokeColor(self.style.textColor)
        canv.setLineWidth(fitted.size / 16)
        y = self.height - (1 - STRIKE_HEIGHT) * fitted.size
        for line in fitted.lines:
            canv.line(0, y, stringWidth(line, self.style.fontName, fitted.size), y)
            y -= fitted.leading


def _p(text: str, size: float = 8, bold: bool = False, struck: bool = False,
       color: colors.Color = colors.black) -> Lines:
    """Fitted to its column as the table lays it out: a long name or procedure set smaller
    rather than cut inside a word (see lines.fit)."""
    return (_Struck if struck else Lines)(text, style(size=size, bold=bold, condensed=True, color=color,
                                                      leading=size * 1.2))


def _grid(rows: list[list[object]], widths: list[float], info: PageInfo, named_by: int, name_column: int,
          title: str | None = None) -> Table:
    """The column headings, then the lines; `title` (a session) goes above the headings as a
    band. A list that runs onto the next page repeats the band and the headings there (the
    theatre was named alone at the foot of a page, its operations going over unnamed); a line
    too long for the rest of a page (an operation clashing with dozens of others, merged, or
    long notes and allergies) carries on over the next, where the list did not print at all,
    under its first `named_by` cells again, "(continued)" under the name in `name_column` (see
    page.CarriedLinesTable), ruled off from the headings repeated there (the grid leaves a line
    split inside it open at the top: a blank strip under the headings)."""
    band = [[_band_text(title), *([None] * (len(widths) - 1))]] if title is not None else []
    width = body_width(info)
    table = CarriedLinesTable([*band, *rows], colWidths=[share * width for share in widths],
                              repeatRows=len(band) + 1, head=len(band) + 1, named_by=named_by,
                              name_column=name_column, continued=word("continued", info.lang),
                              least=CUT_FROM * body_height(info))
    heading = len(band)
    table.setStyle(TableStyle([*([("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), BAND)] if band else []),
                               ("GRID", (0, heading), (-1, -1), 0.5, RULE),
                               ("LINEBELOW", (0, heading), (-1, heading), 0.5, RULE),
                               ("BACKGROUND", (0, heading), (-1, heading), colors.HexColor("#e0e0e0")),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, heading + 1), (-1, -1), 4)]))
    return table


def _patient(entry: ListEntry, lang: Lang, room: tuple[float, float]) -> Flowable | list[Flowable]:
    """The name, then (for an operation still on the list) the patients of the day's other
    lines sharing a family name (`ListEntry.namesakes`), in red under it as the census gives its
    name alert, the ward and bed of a patient in hospital, for the porter sent to fetch them (the
    list named no ward), and their allergies as the admission recorded them, which the WHO
    checklist's Sign In asks for: in an outage the paper list is all the theatre has; under them,
    in red, the anticoagulants that still anticoagulate, one stopped with when (`ListEntry.anticoagulated`),
    and the insulins, other glucose-lowering and time-critical Parkinson's medicines the chart has
    in force (`insulin_said`). A patient
    gone from the hospital has no ward to be fetched from (their last was printed after their
    discharge): the status says where they went. Allergies taller than `room` (the column's
    width and a share of the page) each said with their severity alone (page.allergies_within),
    for the cell to be given whole again on the page a line carries on to."""
    patient = entry.state.patient
    name = _p(patient.display_name, bold=True, struck=entry.struck)
    if entry.struck:
        return name
    same = ([_p(w("same_name", lang, others=semicolon(lang).join(entry.namesakes)), size=7, bold=True, color=ALERT)]
            if entry.namesakes else [])
    where = ([_p(w("where", lang, ward=patient.ward, bed=patient.bed or "—"), size=7)]
             if patient.ward and patient.stay is StayStatus.IN else [])
    anticoagulated = ([_p(w("anticoagulant", lang, drugs=anticoagulants_named(entry, lang)), size=7, bold=True,
                          color=ALERT)] if entry.anticoagulated else [])
    on_medicines = [_p(said, size=7, bold=True, color=ALERT) for said in insulin_said(entry, lang)]
    allergies = allergies_within(patient, lang, allergy_line(patient, lang), _p("", size=7, bold=True).style, *room)
    return [name, *same, *where, _p(allergies, size=7, bold=True, color=allergy_colour(patient)), *anticoagulated,
            *on_medicines]


def _band_text(title: str) -> Lines:
    return _p(title, size=10, bold=True, color=colors.white)


def _band(text: str, width: float) -> Table:
    band = Table([[_band_text(text)]], colWidths=[width])
    band.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), BAND)]))
    return band


def _choice(spec: FormSpec, field_id: str, value: object, lang: Lang) -> str:
    return format_value(spec.field(field_id), value, lang)


def _operation(data: dict[str, object], booking_spec: FormSpec, lang: Lang, struck: bool) -> list[Flowable]:
    """The procedure, then the anaesthetic, ASA grade, day case and equipment on a line of their
    own (`preparation_said`), then its diagnosis and the booking's notes in bold (a latex allergy,
    a diabetic to take first), which theatre staff read on the paper list and nowhere else."""
    lines = [_p(str(data["procedure"]), struck=struck)]
    if preparation := preparation_said(data, booking_spec, lang):
        lines.append(_p(preparation, size=7, struck=struck))
    if data.get("diagnosis"):
        lines.append(_p(w("diagnosis", lang, text=data["diagnosis"]), struck=struck))
    if data.get("notes"):
        lines.append(_p(w("notes", lang, text=data["notes"]), bold=True, struck=struck))
    return lines


def _times(entry: ListEntry, struck: bool, zone: tzinfo | None) -> list[Flowable]:
    """The start, then the expected end under it (`ListEntry.ends_at`), set a little apart, both
    on the ward's clock (`zone`): on a struck line the two strikes ran together, and a start kept
    in UTC printed 07:00 –09:00 for an hour's operation at 08:00."""
    start, end = entry.hours(zone)
    return [_p(start, bold=True, struck=struck), Spacer(1, 1.5), _p(f"–{end}", size=7, struck=struck)]


def _status(entry: ListEntry, cancel_spec: FormSpec, rebook_spec: FormSpec, lang: Lang,
            now: datetime) -> list[Flowable]:
    """When an operation done was done, in black, then why the line is struck, or what to do
    about it, then, a little apart, whether its patient was told (set under "MOVED to 01/12
    09:00", both in red capitals, the two read as one). `now`: when the list is printed, by which
    an operation past with nothing recorded of it says so."""
    done, said = done_said(entry, lang), _state_said(entry, cancel_spec, lang, now)
    return [*([_p(done, bold=True), Spacer(1, 2)] if done else []),
            *([_p(said, bold=True, color=ALERT), Spacer(1, 2)] if said else []),
            *_telling(entry, {spec.id: spec for spec in (cancel_spec, rebook_spec)}, lang, now.tzinfo)]


def _state_said(entry: ListEntry, cancel_spec: FormSpec, lang: Lang, now: datetime) -> str:
    """Why a struck line is struck; on a standing one, what to do about it, a latex-allergic
    patient not first in the theatre that day included (`ListEntry.after_latex`), or one on
    insulin or a Parkinson's medicine (`ListEntry.insulin_not_first`) in the board's words
    (`insulin_first_said`, one source): the theatre team prepares its rooms from this list."""
    state = entry.state
    if not entry.struck:
        latex = w("after_latex", lang) if entry.after_latex else None
        flags = [said for said in (rebooked_from(entry, lang), latex, *insulin_first_said(entry, lang),
                                   *unrecorded_said(entry, lang, now), *line_flags(entry, lang)) if said]
        if entry.clashes:
            flags.append(w("clash" if state.done is None else "clash_done", lang, clashes=entry.clash_text(lang)))
        return " — ".join(flags)
    if state.status is BookingStatus.CANCELLED:
        return w("cancelled", lang, reason=_choice(cancel_spec, "reason", entry.reason.value, lang)
                 if entry.reason else "")
    if state.status is BookingStatus.TRANSFERRED:
        return w("transferred", lang, hospital=state.transferred_to or "?")
    moved = w("moved", lang, when=ward_time(state.start, now.tzinfo) if state.start else "?")
    return " — ".join([moved, *line_flags(entry, lang)])


def _telling(entry: ListEntry, specs: dict[str, FormSpec], lang: Lang, zone: tzinfo | None) -> list[Flowable]:
    """Whether the patient was told of the operation's cancellation, or of its move (rebooked or
    transferred), on its new line and on the struck one it left, as the board says it: the
    theatre reception answers the phone from this list, and a patient never told comes fasting
    on the old day, or not on the new one. Nothing for a patient whose death is recorded, whom
    the list says to cancel instead, nor for one cancelled for the patient's death."""
    state = entry.state
    if state.told_of is None or state.died_before:
        return []
    if state.untold:
        whom = entry.to_tell.said(lang) if entry.to_tell is not None else ""
        return [_p(w("not_told", lang), bold=True, color=ALERT), *([_p(w("tell", lang, whom=whom), size=7)] if whom else [])]
    if (telling := state.telling) is None:
        return []
    how, told_at = telling
    by = state.told_of.data.get("told_by")  # who told them, to ask when the patient says nobody rang
    return [_p(w("told_by" if by else "told", lang, how=_choice(specs[state.told_of.form_id], "patient_told", how, lang),
                 at=ward_time(told_at, zone), by=by), size=7)]


def _cancelled(state: BookingState, lang: Lang) -> list[Flowable]:
    """When the operation was last cancelled, and how many times (`last_cancelled`), and under
    it, in red as the day list says it, whether its patient is still to be told
    (`BookingState.untold`): the coordinator rings from this list, and a patient never told of
    the cancellation comes in fasting."""
    when = _p(last_cancelled(state, lang))
    return [when, Spacer(1, 2), _p(w("not_told", lang), bold=True, color=ALERT)] if state.untold else [when]


def theatre_list_pdf(day: date, lists: list[tuple[TheatreSession, list[ListEntry]]], out: Path, *,
                     theatre: str | None, booking_spec: FormSpec, cancel_spec: FormSpec, rebook_spec: FormSpec,
                     lang: Lang, printed_by: str, printed_at: datetime, device_name: str,
                     replaces: Collection[ChangedSincePrinted] = ()) -> Path:
    """The day's lists; first, each earlier print of them changed since (`replaces`), whose copy
    on the theatre wall is to come down: the team worked from the old paper."""
    info = PageInfo(title=w("list_title", lang, day=day.strftime("%d/%m/%Y")), lang=lang, printed_by=printed_by,
                    printed_at=printed_at, device_name=device_name, landscape=True, patient_box=False,
                    subtitle=theatre or w("all", lang))
    width = body_width(info)
    # Each column as wide as the longest word it prints in either language (a heading, a side,
    # a priority, a flag, a date of birth as the wristband gives it): narrower, it cut the word
    # in two ("Sex e", "Not app licable", "12-Mar-195 4"; the French "12-Mars-1954" the widest date).
    widths = [0.03, 0.05, 0.125, 0.081, 0.045, 0.095, 0.124, 0.075, 0.085, 0.08, 0.085, 0.125]
    allergy_room = (widths[2] * width - 2 * CELL_PADDING, ALLERGIES_SHARE * body_height(info))
    story: list[Flowable] = [_p(w("replaces", lang, time=f"{old.printed_at.astimezone(printed_at.tzinfo):%H:%M}",
                                  theatre=old.theatre), bold=True, color=ALERT, size=10) for old in replaces]
    for session, entries in lists:
        start, end = hours_said(session.start, session.end, printed_at.tzinfo)
        title = w("session", lang, theatre=session.theatre, specialty=session.specialty, start=start, end=end)
        if not entries:
            story += [KeepTogether([_band(title, width), _p(w("empty", lang), size=9)]), Spacer(1, 4 * mm)]
            continue
        rows: list[list[object]] = [[_p(h, bold=True) for h in (w("line_number", lang),
                                                                 *(translate(lang, "", word) for word in LIST_COLUMNS))]]
        # Only the operations still standing are numbered: counting the struck lines, the first
        # patient to send for was "#2" when the list's first operation was cancelled.
        standing = count(1)
        for entry in entries:
            data, patient, struck = entry.state.record.data, entry.state.patient, entry.struck
            rows.append([_p("–" if struck else str(next(standing))), _times(entry, struck, printed_at.tzinfo),
                         _patient(entry, lang, allergy_room), _p(birth_date_label(patient, lang), struck=struck),
                         _p(SEX.get(patient.sex or "unknown", SEX["unknown"])[lang], struck=struck),
                         _p(patient.downtime_number, struck=struck), _operation(data, booking_spec, lang, struck),
                         _p(_choice(booking_spec, "laterality", data["laterality"], lang), bold=True, struck=struck),
                         _p(_choice(booking_spec, "priority", data["priority"], lang), struck=struck),
                         _p(data["surgeon"], struck=struck), _p(data.get("anaesthetist") or "—", struck=struck),
                         _status(entry, cancel_spec, rebook_spec, lang, printed_at)])
        story += [_grid(rows, widths, info, LIST_NAMED_BY, 2, title), Spacer(1, 4 * mm)]
    if not story:
        story.append(_p(w("empty", lang), size=10))
    return build_pdf(out, story, info)


def rescheduling_pdf(items: list[WaitingItem], out: Path, *, left: list[WaitingItem], booking_spec: FormSpec,
                     cancel_spec: FormSpec, lang: Lang, printed_by: str, printed_at: datetime, device_name: str) -> Path:
    """The operations to rebook (`items`), then a line naming those that left the list since
    their patient's death was recorded (`left`; services.theatre.rescheduling), so the paper
    list the coordinator phones from holds none of them, and none is looked for."""
    info = PageInfo(title=w("resched_title", lang), lang=lang, printed_by=printed_by, printed_at=printed_at,
                    device_name=device_name, landscape=True, patient_box=False,
                    subtitle=w("resched_sub", lang, count=len(items), at=printed_at.strftime(DATED)))
    # As the theatre list's: "Waitin g", "ne pas reprogr ammer" were cut in columns too narrow.
    widths = [0.09, 0.125, 0.081, 0.095, 0.124, 0.075, 0.085, 0.07, 0.10, 0.095, 0.06]
    rows: list[list[object]] = [[_p(" / ".join(translate(lang, "", word) for word in words), bold=True)
                                 for words in RESCHED_COLUMNS]]
    for item in items:
        state, data = item.state, item.state.record.data
        flagged = item.breach or item.near_breach or item.death_withdrawn
        rows.append([_p(_choice(booking_spec, "priority", data["priority"], lang), bold=True),
                     _p(state.patient.display_name, bold=True), _p(birth_date_label(state.patient, lang)),
                     _p("\n".join(filter(None, (state.patient.downtime_number, item.to_tell.said(lang))))),
                     _p(with_length(data["procedure"], state.minutes, lang)),
                     _p(_choice(booking_spec, "laterality", data["laterality"], lang), bold=True),
                     _p(data["surgeon"]),
                     _cancelled(state, lang),
                     _p(_choice(cancel_spec, "reason", state.cancel_reason.value, lang) if state.cancel_reason else "—"),
                     _p(item.rebook_by(lang), bold=flagged, color=ALERT if flagged else colors.black),
                     _p(w("days", lang, days=item.waited.days))])
    story: list[Flowable] = [_grid(rows, widths, info, RESCHED_NAMED_BY, 1)]
    if left:
        died = [w("died_after", lang, name=item.state.patient.display_name, number=item.state.patient.downtime_number,
                  operation=procedure_and_side(item.state.record.data, booking_spec, lang),
                  at=ward_time(item.state.died_at, None, DATED)) for item in left]
        story += [Spacer(1, 4 * mm), _p(w("left_by_death", lang, operations=semicolon(lang).join(died)), size=10, bold=True,
                                        color=ALERT)]
    return build_pdf(out, story, info)


def _dear(patient: PatientSummary, text: dict[str, str]) -> str:
    """As a letter greets: "Madame," / "Dear Ms Morin," by the recorded sex and the name the
    patient uses (it read "Madame, Monsieur MORIN Hélène Marie,", the register's name); the
    whole name where the sex or the family name is not known (an unidentified patient's
    `family_names` is their temporary name, no family name: "Dear Mr Unknown Male Alpha")."""
    key = f"dear_{patient.sex}"
    if key in text and patient.family_names and not patient.unidentified:
        return text[key].format(family=patient.family_names[-1])
    return text["dear"].format(name=patient.display_name)


LETTER: dict[Lang, dict[str, str]] = {
    "en": {"title": "Your operation: new date", "title_moved": "Your operation: another hospital",
           "dear": "Dear {name},", "dear_female": "Dear Ms {family},", "dear_male": "Dear Mr {family},",
           "body": "Your operation ({operation}) planned for {old} could not take place: {reason}.",
           "side": "{procedure}, side: {side}",
           "sorry": "We apologise for this.",
           "new": "It is now planned for {when}, theatre {theatre}. Please arrive {arrive} before this time.",
           "arrive": "{minutes} minutes",
           "moved": "Your operation will take place at another hospital, {hospital}, which will contact you.",
           "fasting": "Follow the fasting instructions you were given ({rule}).",
           "rule_eat": "nothing to eat in the {hours} before", "rule_milk": "breast milk until {hours} before",
           "rule_clear": "clear water until {hours} before", "hour": "1 hour", "hours": "{count} hours",
           "contact": "If you cannot come, or if your health has changed, call the surgical department: {contact}.",
           "new_ward": "It is now planned for {when}, theatre {theatre}. The team of ward {ward} will get you ready "
                       "and take you to theatre.",
           "fasting_ward": "Fasting: nothing to eat from {eat}, clear water only until {drink}.",
           "fasting_now": "Fasting: nothing more to eat from now, clear water only until {drink}. Tell the "
                          "anaesthetist when you last ate.",
           "fasting_all_now": "Fasting: nothing more to eat or drink from now. Tell the anaesthetist when you last ate "
                              "and drank.",
           "no_fasting": "No fasting is needed for a local anaesthetic unless the team tells you otherwise.",
           "contact_ward": "If your health has changed, tell the ward team. For any question about your operation, call "
                           "the surgical department: {contact}.",
           "home_by_then": "If you have gone home by then: please arrive {arrive} before this time{fasting}, and if you "
                           "cannot come, call the surgical department: {contact}.",
           "home_fasting": ", follow the fasting instructions you were given ({rule})",
           "at": "{day} at {time}", "sign": "The surgical coordination team"},
    "fr": {"title": "Votre intervention : nouvelle date", "title_moved": "Votre intervention : autre établissement",
           "dear": "Madame, Monsieur,", "dear_female": "Madame,", "dear_male": "Monsieur,",
           "body": "Votre intervention ({operation}) prévue le {old} n’a pas pu avoir lieu : {reason}.",
           "side": "{procedure}, côté : {side}",
           "sorry": "Nous vous prions de nous en excuser.",
           "new": "Elle est désormais prévue le {when}, salle {theatre}. Merci de vous présenter {arrive} avant cette heure.",
           "arrive": "{hours} h {rest:02d}",
           "moved": "Votre intervention aura lieu dans un autre établissement, {hospital}, qui vous contactera.",
           "fasting": "Respectez les consignes de jeûne reçues ({rule}).",
           "rule_eat": "rien à manger dans les {hours} qui précèdent", "rule_milk": "lait maternel jusqu’à {hours} avant",
           "rule_clear": "eau claire jusqu’à {hours} avant", "hour": "1 heure", "hours": "{count} heures",
           "contact": "Si vous ne pouvez pas venir ou si votre état de santé a changé, appelez le service de chirurgie : {contact}.",
           "new_ward": "Elle est désormais prévue le {when}, salle {theatre}. L’équipe du service {ward} vous préparera "
                       "et vous accompagnera au bloc.",
           "fasting_ward": "Jeûne : plus rien à manger à partir du {eat}, eau claire seulement jusqu’au {drink}.",
           "fasting_now": "Jeûne : plus rien à manger dès maintenant, eau claire seulement jusqu’au {drink}. Dites à "
                          "l’anesthésiste quand vous avez mangé pour la dernière fois.",
           "fasting_all_now": "Jeûne : plus rien à manger ni à boire dès maintenant. Dites à l’anesthésiste quand vous "
                              "avez mangé et bu pour la dernière fois.",
           "no_fasting": "Pas de jeûne pour une anesthésie locale, sauf consigne contraire de l’équipe.",
           "contact_ward": "Si votre état de santé a changé, prévenez l’équipe du service. Pour toute question sur votre "
                           "intervention, appelez le service de chirurgie : {contact}.",
           "home_by_then": "Si vous êtes rentré(e) chez vous d’ici là : merci de vous présenter {arrive} avant cette "
                           "heure{fasting} et, si vous ne pouvez pas venir, d’appeler le service de chirurgie : {contact}.",
           "home_fasting": ", de respecter les consignes de jeûne reçues ({rule})",
           "at": "{day} à {time}", "sign": "L’équipe de coordination chirurgicale"},
}


DAYS: dict[Lang, tuple[str, ...]] = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")}
MONTHS: dict[Lang, tuple[str, ...]] = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre")}


def _when(moment: datetime, zone: tzinfo | None, text: dict[str, str], lang: Lang) -> str:
    """The day and month in words, as a letter gives them: "02/01/2027" is the 1st of February
    to a reader who writes the month first, and a patient may be one; on the ward's clock
    (`zone`, as `ward_time`), whatever offset it was stored with: a rebooking to 08:00 kept as
    "07:00Z" told the patient 07:00, with fasting worked out from 08:00."""
    moment = moment.astimezone(ward_zone(zone))
    day = f"{moment.day}er" if lang == "fr" and moment.day == 1 else str(moment.day)
    return text["at"].format(day=f"{DAYS[lang][moment.weekday()]} {day} {MONTHS[lang][moment.month - 1]} {moment.year}",
                             time=ward_time(moment, zone, "%H:%M"))


def _in_a_sentence(label: str) -> str:
    """A form's label after a colon, as a sentence goes on: "could not take place: information-system
    outage" (it read "…: Information-system outage"); an initialism keeps its capitals."""
    return label if label[1:2].isupper() else label[:1].lower() + label[1:]


def _fasting(new: datetime, fasting: Fasting | None, on_ward: bool, printed_at: datetime, text: dict[str, str],
             lang: Lang) -> str:
    """The letter's fasting sentence: none asked under a local anaesthetic (`fasting` None: the
    ward's sheet said no fasting, the letter "nothing more to eat from now"); the times an
    in-patient fasts from, which the ward keeps to (a child's clear water until an hour before,
    `fasting_for`); a patient at home, the rule they were given. Never a time already past when
    printed: a cholecystectomy rebooked at 14:00 for 18:00 told the ward "nothing to eat from
    12:00", and the patient had eaten at noon. Then food stops now, the anaesthetist told when
    they last ate (they weigh the delay), and water too once its time is past."""
    if fasting is None:
        return text["no_fasting"]
    eat, drink = (fasting_from(new, before, printed_at.tzinfo) for before in (fasting.eat, fasting.clear))
    if instant(drink) < instant(printed_at):
        return text["fasting_all_now"]
    if instant(eat) < instant(printed_at):
        return text["fasting_now"].format(drink=_when(drink, printed_at.tzinfo, text, lang))
    if not on_ward:
        return text["fasting"].format(rule=_rule(fasting, text))
    return text["fasting_ward"].format(eat=_when(eat, printed_at.tzinfo, text, lang),
                                       drink=_when(drink, printed_at.tzinfo, text, lang))


def _rule(fasting: Fasting, text: dict[str, str]) -> str:
    """The fasting rule a patient at home keeps, their own (`fasting_for`): a child's clear water
    until an hour before, a baby's breast milk until 4 hours before, as the ward's line gives
    them; the letter gave a child at home the adult's 2 hours without water."""

    def hours(before: timedelta) -> str:
        count = int(before.total_seconds() // 3600)
        return text["hour"] if count == 1 else text["hours"].format(count=count)

    return ", ".join([text["rule_eat"].format(hours=hours(fasting.eat)),
                      *([text["rule_milk"].format(hours=hours(fasting.breast_milk))] if fasting.breast_milk else []),
                      text["rule_clear"].format(hours=hours(fasting.clear))])


def letter_pdf(out: Path, *, patient: PatientSummary, procedure: str, side: str | None, old: datetime,
               reason: str, apologise: bool, new: datetime | None, theatre: str | None, hospital: str | None,
               on_ward: Location | None, fasting: Fasting | None, contact: str, lang: Lang, printed_by: str,
               printed_at: datetime, device_name: str) -> Path:
    """A letter the patient keeps: the cancelled date, why, the new date (or hospital), and whom
    to call; with no contact set, a line to write the telephone number on. `apologise`: the
    hospital cancelled (not the patient's health, absence or refusal, which no apology fits).
    `side`: None for an operation without one (the letter told the patient "side: Not applicable").
    An operation moved to another hospital (`new` None) has neither a new date here nor this
    hospital's fasting instructions: that hospital gives its own. `on_ward`: the patient's stay
    on a ward (services.theatre.on_a_ward), whose team prepares them: their letter asks them
    neither to present themselves nor to call if they cannot come, and gives the times they fast
    from, which the ward keeps to (`fasting_from`; `fasting`: the patient's, None for a local
    anaesthetic, which asks none, `_fasting`). An in-patient's new date further off than
    `ON_THE_WARD_STILL` from the printing also tells them how to come if they have gone home by
    then: a patient sent home in between came without knowing when to arrive or whom to call."""
    text = LETTER[lang]
    info = PageInfo(title=text["title" if new is not None else "title_moved"], lang=lang, printed_by=printed_by, printed_at=printed_at,
                    device_name=device_name, patient=patient, record=False)
    para = style(size=11, leading=15)
    story: list[Flowable] = [Spacer(1, 6 * mm), Lines(_dear(patient, text), para),
                             Spacer(1, 4 * mm),
                             Lines(" ".join([text["body"].format(
                                 operation=text["side"].format(procedure=procedure, side=side) if side else procedure,
                                 old=_when(old, printed_at.tzinfo, text, lang), reason=_in_a_sentence(reason)),
                                 *([text["sorry"]] if apologise else [])]), para),
                             Spacer(1, 3 * mm)]
    if new is not None:
        before, after = text["new" if on_ward is None else "new_ward"].split("{when}")
        minutes = int(ARRIVE_BEFORE.total_seconds() // 60)
        arrive = text["arrive"].format(minutes=minutes, hours=minutes // 60, rest=minutes % 60)
        said_fasting = _fasting(new, fasting, on_ward is not None, printed_at, text, lang)
        story += [RunLines([Run(before), Run(_when(new, printed_at.tzinfo, text, lang), BOLD),
                            Run(after.format(theatre=theatre or "", arrive=arrive,
                                             ward=on_ward.ward if on_ward is not None else ""))],
                           para),
                  Spacer(1, 3 * mm), Lines(said_fasting, para)]
        if on_ward is not None and new - printed_at > ON_THE_WARD_STILL:
            story += [Spacer(1, 3 * mm), Lines(text["home_by_then"].format(
                arrive=arrive, fasting=text["home_fasting"].format(rule=_rule(fasting, text)) if fasting is not None
                else "", contact=contact or "_" * 36),
                                               para)]
    else:
        story.append(Lines(text["moved"].format(hospital=hospital or ""), para))
    story += [Spacer(1, 3 * mm),
              Lines(text["contact" if on_ward is None else "contact_ward"].format(contact=contact or "_" * 36), para),
              Spacer(1, 10 * mm),
              Lines(text["sign"], style(size=11, bold=True))]
    return build_pdf(out, story, info)
