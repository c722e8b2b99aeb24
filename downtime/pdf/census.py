"""The ward census and handover sheet: one line per bed, landscape, for the ward's board and
for whoever takes over when the laptop is unavailable."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from textwrap import shorten
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, TableStyle

from downtime.formspec import FormSpec, Lang
from downtime.formspec.schema import Meaning
from downtime.formspec.values import format_value
from downtime.i18n import semicolon, stay_word
from downtime.domain.census import Location, moved_in_lately
from downtime.domain.clock import DATED, ward_time
from downtime.domain.medication import DIET, DIET_NOTES, NIL_BY_MOUTH_DIET
from downtime.pdf.forms import allergy_colour, allergy_line
from downtime.pdf.lines import Lines
from downtime.pdf.page import (
    ALERT, BAND, CUT_FROM, GREY, INK, RULE, SEX, CarriedLinesTable, PageInfo, allergies_within, birth_date_label,
    body_height, body_width, build_pdf, style, word,
)
from downtime.services.census import CensusRow, bed_counts, body_text, name_alert, name_alerts, with_held
from downtime.services import pews
from downtime.services.bowels import Isolated
from downtime.services.chart_alerts import ChartAlert
from downtime.services.observations import (Escalation, Oxygen, ScoredSet, WardReview, applies_to, band_said,
                                            not_applicable_text)
from downtime.services.patients import PatientSummary

HEADINGS: dict[Lang, tuple[str, ...]] = {
    "en": ("Bed", "Patient", "Arrived", "Allergies", "NEWS2", "Resus.", "Isolation", "Handover notes"),
    "fr": ("Lit", "Patient", "Arrivée", "Allergies", "NEWS2", "RCP", "Isolement", "Transmissions"),
}
SCORE_COLUMN = HEADINGS["en"].index("NEWS2")
CHILDREN_SCORE = {"en": "NEWS2 / PEWS", "fr": "NEWS2 / PEWS"}
"""The score column's heading over a ward with a child, whose cell is their PEWS: headed "NEWS2"
over "PEWS 1 / PEWS 2 / PEWS 3", a figure was read against NEWS2's thresholds."""


def _headings(lang: Lang, children: bool) -> tuple[str, ...]:
    """A ward's table's headings, its score column's saying PEWS when it has a child."""
    return tuple(CHILDREN_SCORE[lang] if children and index == SCORE_COLUMN else heading
                 for index, heading in enumerate(HEADINGS[lang]))


# The patient's box holds what their label gives, under their name: the date of birth and sex,
# the downtime number and how far their identity is checked, as a paper handover sheet's label box
# does. Each in a column of its own (with the ward named over its beds, the cells' side padding
# halved, see PAD, and the arrival's date over its time, see `_when`), the handover notes had 25.9 %
# of the page, a nurse's notes running down 14 lines beside cells of 2 to 8, and the demo's 25
# patients ran to 11 pages (12 in French). Every other column is as wide as its widest fixed word
# and a little more: the name holds "PAPADOPOULOPOULOS" whole and so the wristband's date,
# "12-Mar-1954", and a downtime number (the French "12-Mars-1954" is the widest date, see
# page.MONTHS); the allergies "Sulfamethoxazole-"; the score "Faible-moyen", a longer word set
# smaller (see lines.fit); "resuscitation", "gouttelettes", "Admitted" over a patient moved from
# another ward. The notes have the rest.
WIDTHS = (0.032, 0.12, 0.055, 0.11, 0.095, 0.07, 0.067, 0.451)
PAD = 3
"""A cell's left and right padding, in points (a table's is 6)."""
NO_BREAK = "\u00a0"
DNACPR = "dnacpr"  # the admission form's code for a decision not to attempt resuscitation
NOT_FOR_RESUSCITATION = {"en": "NOT FOR RESUSCITATION (DNACPR)", "fr": "PAS DE RCP EN CAS D’ARRÊT (DNACPR)"}
TITLE = {"en": "Ward census and handover — {ward}", "fr": "État du service et transmissions — {ward}"}
SUBTITLE = {"en": "Census at {at}: {occupied} patient(s), {empty} empty bed(s)",
            "fr": "Situation au {at} : {occupied} patient(s), {empty} lit(s) vide(s)"}
EMPTY = {"en": "— empty —", "fr": "— vide —"}
ALL = {"en": "all wards", "fr": "tous services"}
WARD = {"en": "Ward {ward}", "fr": "Service {ward}"}
NO_SET = {"en": "no set yet", "fr": "aucun relevé"}
INCOMPLETE = {"en": "incomplete", "fr": "incomplet"}
OVERDUE = {"en": "next set overdue since {due}", "fr": "relevé en retard depuis {due}"}
TOLD = {"en": "Told: {who}", "fr": "Prévenu : {who}"}
NOT_TOLD = {"en": "NOT RECORDED", "fr": "NON RENSEIGNÉ"}
IDENTITY = {"en": "Identity: {status}", "fr": "Identité : {status}"}
INTERPRETER = {"en": "Interpreter: {language}", "fr": "Interprète : {language}"}
NO_LANGUAGE = {"en": "Interpreter needed", "fr": "Interprète nécessaire"}
ADMITTED_FOR = {"en": "Admitted for: {reason}", "fr": "Motif : {reason}"}
ADMITTED = {"en": "Admitted\n{time}", "fr": "Entrée\n{time}"}
ON_WARD = {"en": "On ward\n{time}\nfrom\u00a0{ward}", "fr": "Arrivée de\u00a0{ward}\n{time}"}
MOVED_FROM = {"en": "MOVED FROM {ward} {time}: {said}", "fr": "MUTATION DEPUIS {ward} le {time} : {said}"}
TRANSFER_CHARACTERS = 300
"""The words of the move that brought a patient onto the ward are cut to about six lines of the
handover notes; the transfer record holds them whole."""
LOOSE_STOOLS = {"en": "Enteric (loose stools since {day})",
                "fr": "Contact + savon (selles non moulées depuis le\u00a0{day})"}
C_DIFFICILE = {"en": "Enteric (C. difficile found {day})",
               "fr": "Contact + savon (C. difficile retrouvé le\u00a0{day})"}
TO_COUNTERSIGN = {"en": "TELEPHONE ORDER TO COUNTERSIGN: {orders}",
                  "fr": "PRESCRIPTION TÉLÉPHONIQUE À CONTRESIGNER : {orders}"}
LEFT = {"en": "Left the ward: results no doctor is told of yet, reactions to blood not told, deaths' tasks not "
              "done, infusions never charted stopped, telephone orders to countersign",
        "fr": "Sortis du service : résultats qu’aucun médecin ne connaît encore, réactions transfusionnelles non "
              "déclarées, démarches après un décès non faites, perfusions dont l’arrêt n’est pas noté, "
              "prescriptions téléphoniques à contresigner"}
LEFT_HEADINGS: dict[Lang, tuple[str, ...]] = {
    "en": ("Left", "Patient", "Result, unit, death or order", "What it asks"),
    "fr": ("Sortie", "Patient", "Résultat, produit, décès ou prescription", "Ce qu’il demande"),
}
NORMAL_DIET = "normal"
"""The admission's diet, its notes (forms/admission.yaml), and two of its options."""
DIET_WORDS = {DIET: {"en": "Diet: {diet}", "fr": "Régime : {diet}"},
              NIL_BY_MOUTH_DIET: {"en": "DIET: {diet} (admission record)", "fr": "RÉGIME : {diet} (fiche d’admission)"}}
LEFT_TO_COUNTERSIGN = {"en": "TELEPHONE ORDER TO COUNTERSIGN", "fr": "PRESCRIPTION TÉLÉPHONIQUE À CONTRESIGNER"}
LEFT_WIDTHS = (0.09, 0.16, 0.33, 0.42)
HEAD = 2
"""A table's rows over its lines, repeated on each page: the band naming the ward, the headings."""
NAMED_BY = 2
"""A line's first cells, which name its patient: the bed (or how they left), and the patient's box
(`_patient`)."""
REPEATED = (*range(NAMED_BY), HEADINGS["en"].index("Allergies"), HEADINGS["en"].index("Resus."))
"""A bed's cells printed again over the rest of its line carried on over a page: those naming its
patient, their allergies and resuscitation status. The nurse handed that page alone read a named
patient, their notes, and an empty allergy cell."""
ALLERGIES_SHARE = 0.6
"""The share of a page's height the allergy cell's whole wording may take, repeated on each page
its line carries on to: a list longer than that names each allergen and its severity, the
reactions left to the admission record (see page.allergies_within)."""
REASON_CHARACTERS = 110
"""The reason for admission heading a patient's handover notes is cut to about three lines of
them, the rest of the cell left to write in; the admission form holds it whole."""


def _cell(text: str, bold: bool = False, color: colors.Color = INK) -> Lines:
    """Fitted to its column as the table lays it out: a long surname or drug name set smaller
    rather than cut inside the word (see lines.fit)."""
    return Lines(text, style(size=8, bold=bold, condensed=True, leading=9.5, color=color))


def _resuscitation(said: str, code: str | None) -> Lines:
    """A decision not to resuscitate in bold red, the one word a nurse answering an arrest at 03:00
    must not miss: it printed as plainly as "For resuscitation" beside it."""
    if code == DNACPR:
        return _cell(said, bold=True, color=ALERT)
    return _cell(said or "?")


def resuscitation_line(patient: PatientSummary, lang: Lang, decided: str | None = None) -> Lines | None:
    """A decision not to resuscitate, said as the census says it, with who decided it and when
    (`decided`: services.resuscitation.decided), for a chart printed for the bedside (the NEWS2
    chart, the MAR): the nurse escalating at 03:00 from the paper alone called outreach for a
    patient not for resuscitation. None for any other answer."""
    if patient.resuscitation != DNACPR:
        return None
    return _resuscitation(" — ".join([NOT_FOR_RESUSCITATION[lang], *([decided] if decided else [])]),
                          patient.resuscitation)


def _allergies(patient: PatientSummary, on_hold: Sequence[str], lang: Lang, info: PageInfo) -> Lines:
    """The patient's allergies as this laptop's admission records them, then those only its version
    on hold records (`on_hold`), in red: "No known allergies" over another laptop's penicillin
    anaphylaxis is a warning. Taller than `ALLERGIES_SHARE` of a page, each allergen with its
    severity alone (page.allergies_within), for the cell to be given whole again on each page
    the line carries on to."""
    bold = patient.allergy_alert or bool(on_hold)
    said_in = _cell("", bold=bold).style
    width = WIDTHS[HEADINGS["en"].index("Allergies")] * body_width(info) - 2 * PAD
    said = allergies_within(patient, lang, allergy_line(patient, lang), said_in, width,
                            ALLERGIES_SHARE * body_height(info))
    return _cell("\n".join([said, *on_hold]), bold=bold, color=ALERT if on_hold else allergy_colour(patient))


def _child(found: pews.Watch | None, lang: Lang) -> Lines:
    """A child's cell of the NEWS2 column: their PEWS ("PEWS 9", in red when the chart asks
    something, said in the handover notes) and, when it calls the doctor, who was told (NOT
    RECORDED when no set's notes say, as an adult's NEWS2 says it); or that NEWS2 does not apply
    when none is charted."""
    if found is None:
        return _cell(not_applicable_text(lang))
    return _cell("\n".join([found.short(lang), *pews.told_text(found.told, lang)]), bold=True,
                 color=ALERT if found.asking else INK)


def _when(at: datetime, stacked: bool = False) -> str:
    """A day and time, "28/11 13:00", the time never apart from its day: joined by a no-break
    space, or `stacked`, the day over the time, for the narrow arrival column. On the ward's clock
    (`ward_time`): a patient arrived at 13:00 on a laptop set to UTC read "28/11 12:00"."""
    between = "\n" if stacked else NO_BREAK
    return f"{ward_time(at, None, '%d/%m')}{between}{ward_time(at, None, '%H:%M')}"


def _arrived(admitted: datetime, where: Location | None, lang: Lang) -> str:
    """When the patient came into hospital, the day over the time; for one moved from another
    ward, that named, then when they came onto this one and from where: a patient moved from 4A
    yesterday read as on the ward since their admission a week ago."""
    if where is None or where.came_from is None:
        return _when(admitted, stacked=True)
    return "\n".join((ADMITTED[lang].format(time=_when(admitted, stacked=True)),
                      ON_WARD[lang].format(time=_when(where.arrived.occurred_at, stacked=True), ward=where.came_from)))


def _isolation(said: str, isolated: Isolated | None, lang: Lang) -> list[Lines]:
    """The admission's isolation, and under it, in bold, that for loose stools or a result finding
    C. difficile the bowel chart asked (bowels.isolated), C. difficile and its day when a result
    found it: a patient isolated in the night for new diarrhoea read as not isolated.
    Both, when the admission says one too: each has its reason and its end (the loose stools'
    48 hours clear), and contact precautions for a resistant germ do not say to wash hands with
    soap and water, as C. difficile's spores ask. Its day on the ward's clock, as `_when`'s: loose
    stools since 00:30 typed on a laptop set to UTC read "since" the day before."""
    cells = [_cell(said)] if said else []
    if isolated is not None:
        words, day = ((C_DIFFICILE, isolated.found.received_at) if isolated.found is not None
                      else (LOOSE_STOOLS, isolated.since))
        cells.append(_cell(words[lang].format(day=ward_time(day, None, "%d/%m")), bold=True))
    return cells


def _moved(where: Location | None, note: Sequence[str], at: datetime, lang: Lang) -> str | None:
    """What the ward a patient was moved from wrote on the transfer that brought them here
    (`note`: its reason and handover notes), in the day after it (`moved_in_lately`): the
    receiving ward's sheet said nothing of it, its night nurse left to find the transfer record."""
    if where is None or not note or not moved_in_lately(where, at):
        return None
    return MOVED_FROM[lang].format(ward=where.came_from, time=_when(where.arrived.occurred_at), said=shorten(
        semicolon(lang).join(note), TRANSFER_CHARACTERS, placeholder=" …"))


def _diet(admission: FormSpec, answers: Mapping[str, Any] | None, lang: Lang) -> Lines | None:
    """The diet the admission records (`answers`: its diet and notes), nil by mouth in bold red:
    the sheet said nothing of it, and the night nurse offered tea and toast to a patient fasting
    for theatre, or noticed no one five days nil by mouth, where the paper handover has a diet
    column. None for a normal diet with no notes, none recorded, or an admission form asking none
    (hospital IT may edit it: read only where it is there)."""
    field = next((field for field in admission.fields() if field.id == DIET), None)
    if answers is None or field is None:
        return None
    codes, notes = list(answers.get(DIET) or []), " ".join(str(answers.get(DIET_NOTES) or "").split())
    if codes in ([], [NORMAL_DIET]) and not notes:
        return None
    diet = format_value(field, codes, lang)
    said = DIET_WORDS[NIL_BY_MOUTH_DIET if NIL_BY_MOUTH_DIET in codes else DIET][lang].format(
        diet=" — ".join(filter(None, (diet, notes))))
    return _cell(said, bold=True, color=ALERT) if NIL_BY_MOUTH_DIET in codes else _cell(said)


def _notes(reason: str | None, moved: str | None, to_countersign: Sequence[str], charted: Sequence[str],
           lang: Lang, plan: str | None = None, diet: Lines | None = None) -> list[Lines]:
    """Why the patient came in, in grey over the notes written by hand: a nurse taking over a
    ward from the sheet had each bed's name, allergies and NEWS2 and no reason for any. Then what
    the ward they were moved from handed over (`moved`, see `_moved`), their telephone orders no
    doctor has countersigned yet, in bold, for the day team to have a doctor sign
    (services.telephone_orders), and what their other charts say, for a patient with one
    (`charted`: the fluid balance, the last GCS), which a nurse hands over in every shift's
    report. First, in bold, the doctor's observation and escalation plan (`plan`: comfort care, a
    ceiling of treatment, an agreed frequency, with who decided it and when): the nurse taking
    over read a dying patient's NEWS2 in red with nothing saying it was not to be escalated. Under
    the reason, the admission's diet (`diet`, see `_diet`)."""
    said = [_cell(plan, bold=True)] if plan else []
    said += [_cell(ADMITTED_FOR[lang].format(reason=shorten(reason, REASON_CHARACTERS, placeholder=" …")),
                   color=GREY)] if reason else []
    said += [diet] if diet is not None else []
    if moved:
        said.append(_cell(moved))
    if to_countersign:
        said.append(_cell(TO_COUNTERSIGN[lang].format(orders=semicolon(lang).join(to_countersign)), bold=True))
    said += [_cell(line) for line in charted]
    return said


def _news2(standing: ScoredSet | None, oxygen: Oxygen | None, overdue: datetime | None, escalation: Escalation | None,
           lang: Lang) -> Lines:
    """The score that stands for the patient's risk, its band and time, their oxygen and target
    saturation as the latest set gives them (`oxygen`), a set overdue, and for a patient on the
    escalation list who was told (NOT RECORDED above low risk but on comfort care, as on screen:
    observations.Escalation.needs_told): red unless a complete set scores low and the next is not
    due yet (an unknown risk is not a low one). The sheet handed over at night showed a patient
    scoring 7 like one scoring 0."""
    lines = [NO_SET[lang]] if standing is None else [
        f"{standing.news2.total} {band_said(standing.news2, lang)}"
        + ("" if standing.news2.complete else f" ({INCOMPLETE[lang]})"), _when(standing.taken_at)]
    if oxygen is not None:
        lines.append(oxygen.text(lang))
    if overdue is not None and standing is not None:
        lines.append(OVERDUE[lang].format(due=_when(overdue)))
    if escalation is not None and (who := escalation.told or (NOT_TOLD[lang] if escalation.needs_told else "")):
        lines.append(TOLD[lang].format(who=who))
    calm = (standing is not None and not standing.news2.escalates and standing.news2.complete and overdue is None)
    return _cell("\n".join(lines), bold=not calm, color=INK if calm else ALERT)


def census_pdf(rows: list[CensusRow], out: Path, *, ward: str | None, at: datetime, lang: Lang,
               printed_by: str, printed_at: datetime, device_name: str, admission: FormSpec,
               review: WardReview, to_countersign: Mapping[str, Sequence[str]],
               charted: Mapping[str, Sequence[str]], left: Sequence[ChartAlert],
               left_to_countersign: Sequence[tuple[PatientSummary, str]],
               children: Mapping[str, pews.Watch], isolated: Mapping[str, Isolated],
               allergies_on_hold: Mapping[str, Sequence[str]], diets: Mapping[str, Mapping[str, Any]],
               resuscitation_decided: Mapping[str, str] | None = None) -> Path:
    """`admission`: the form patients are admitted with, whose words the sheet's answers are
    printed in (a French ward read "Full" for resuscitation, "droplet" for isolation).
    `review`: the ward's observations at `at`, for each patient's NEWS2 and plan. `to_countersign`: each
    patient's telephone orders awaiting a countersignature, as the chart heads them, by patient id;
    `charted`: what each patient's other charts say for the handover, a line each, by patient id.
    `left`: the results no doctor is told of of the patients who left the ward, their bags never
    charted stopped, and its deaths' tasks not done, listed after its beds (chart_alerts.left_untold),
    then `left_to_countersign`: their telephone orders awaiting a countersignature, each with its
    patient, as the chart heads them. `children`: each child's paediatric chart, by
    patient id, given in the NEWS2 column. `isolated`: since when and why each patient is isolated for
    loose stools or C. difficile (bowels.isolated), by patient id. `allergies_on_hold`: the
    allergies only the version on hold of each patient's admission records, said with its laptop
    (services.medication.allergies_on_hold), by patient id: under this laptop's, in red.
    `diets`: each patient's admission answers for their diet and its notes, by patient id (see `_diet`).
    `resuscitation_decided`: who decided each DNACPR and when (services.resuscitation.decided), by
    patient id, under the status: the sheet named no doctor for a decision anyone had typed."""

    def answer(meaning: Meaning, code: str | None) -> str:
        field = admission.by_meaning(meaning)
        return format_value(field, code, lang) if field is not None and code not in (None, "none") else ""

    overdue = {item.patient.patient_id: item.due_at for item in review.overdue}
    escalations = {item.patient.patient_id: item for item in review.escalations}
    counts = bed_counts(rows)
    namesakes = name_alerts(row.patient for row in rows if row.patient is not None)
    info = PageInfo(title=TITLE[lang].format(ward=ward or ALL[lang]), lang=lang, printed_by=printed_by,
                    printed_at=printed_at, device_name=device_name, landscape=True, patient_box=False,
                    subtitle=with_held(SUBTITLE[lang].format(at=at.strftime(DATED), occupied=counts.occupied,
                                                             empty=counts.empty), counts, lang))
    tables: dict[str, list[list[Any]]] = {}
    with_children: set[str] = set()
    for row in rows:
        body = tables.setdefault(row.ward, [])
        p = row.patient
        if p is None:
            body.append([_cell(row.bed or ""), _cell(body_text(row.body, lang), bold=True) if row.body
                         else _cell(EMPTY[lang])] + [""] * (len(WIDTHS) - 2))
            continue
        arrived = _arrived(datetime.fromisoformat(p.admitted_at), row.location, lang)
        adult = applies_to(p, at)
        if not adult:
            with_children.add(row.ward)
        said = [_cell(name_alert(beds, lang), bold=True, color=ALERT)] if (beds := namesakes.get(p.patient_id)) else []
        if p.interpreter_needed:
            said.append(_cell(INTERPRETER[lang].format(language=p.language) if p.language else NO_LANGUAGE[lang],
                              bold=True))
        name = _patient(p, lang, said)
        if identity := answer(Meaning.IDENTITY_STATUS, p.identity_status):
            name.append(_cell(IDENTITY[lang].format(status=identity)))
        body.append([_cell(row.bed or "—", bold=True), name, _cell(arrived),
                     _allergies(p, allergies_on_hold.get(p.patient_id, ()), lang, info),
                     _news2(review.standing.get(p.patient_id), review.oxygen.get(p.patient_id),
                            overdue.get(p.patient_id), escalations.get(p.patient_id), lang)
                     if adult else _child(children.get(p.patient_id), lang),
                     _resuscitation("\n".join([answer(Meaning.RESUSCITATION, p.resuscitation),
                                                *([by] if (by := (resuscitation_decided or {}).get(p.patient_id))
                                                  else [])]), p.resuscitation),
                     _isolation(answer(Meaning.ISOLATION, p.isolation), isolated.get(p.patient_id), lang),
                     _notes(p.reason, _moved(row.location, row.transfer_note, at, lang),
                            to_countersign.get(p.patient_id, ()), charted.get(p.patient_id, ()), lang,
                            plan.text(lang, at.tzinfo) if (plan := review.plans.get(p.patient_id)) else None,
                            _diet(admission, diets.get(p.patient_id), lang))])
    story = [_table(WARD[lang].format(ward=ward_code), _headings(lang, ward_code in with_children), body, WIDTHS,
                    info, REPEATED)
             for ward_code, body in tables.items()]
    if left or left_to_countersign:
        story.append(_table(LEFT[lang], LEFT_HEADINGS[lang], [
            *(_left_row(alert.patient, alert.latest, semicolon(lang).join(alert.said), lang) for alert in left),
            *(_left_row(patient, line, LEFT_TO_COUNTERSIGN[lang], lang) for patient, line in left_to_countersign)],
            LEFT_WIDTHS, info))
    empty = [_table(WARD[lang].format(ward=ward or ""), HEADINGS[lang], [], WIDTHS, info)]
    return build_pdf(out, _apart(story) or empty, info)


def _left_row(patient: PatientSummary, what: str, asked: str, lang: Lang) -> list[Lines]:
    """A line of "Left the ward": how the patient left, who they are, what is left (a result, a
    unit, a death, a bag, an order) and what it asks."""
    return [_cell(stay_word(patient.stay, lang) if patient.stay else "", bold=True), _patient(patient, lang),
            _cell(what), _cell(asked, bold=True, color=ALERT)]


def _patient(patient: PatientSummary, lang: Lang, said: Sequence[Lines] = ()) -> list[Lines]:
    """The patient's box, as their label reads: the name in bold, then what must be said with it
    (`said`: another patient of the ward named the same, in red, an interpreter needed), then the
    date of birth and sex, then the downtime number."""
    return [_cell(patient.display_name, bold=True), *said,
            _cell(birth_date_label(patient, lang) + NO_BREAK + NO_BREAK + SEX.get(patient.sex or "unknown",
                                                                                  SEX["unknown"])[lang]),
            _cell(patient.downtime_number)]


def _apart(tables: Sequence[Flowable]) -> list[Flowable]:
    """The tables with a space between each two, none after the last: a space that did not fit
    under a full page's last bed printed a blank page of its own."""
    return [flowable for n, table in enumerate(tables) for flowable in ([Spacer(1, 4 * mm)] if n else []) + [table]]


def _table(title: str, headings: Sequence[str], body: list[list[Any]], widths: Sequence[float],
           info: PageInfo, repeated: Sequence[int] = tuple(range(NAMED_BY))) -> CarriedLinesTable:
    """Lines under a band (a ward's beds under its name) and the column headings, both repeated
    on each page the table runs onto. A line too long for the rest of a page carries on over the
    next (see `page.CarriedLinesTable`): a line taller than a page (the longest allergy list the admission form
    takes) made reportlab give up, and the census did not print."""
    band = [Lines(title, style(size=10, bold=True, condensed=True, color=colors.white))]
    band += [""] * (len(widths) - 1)
    width = body_width(info)
    table = CarriedLinesTable([band, [_cell(h, bold=True) for h in headings], *body],
                              colWidths=[w * width for w in widths], repeatRows=HEAD, head=HEAD, named_by=NAMED_BY,
                              name_column=1, least=CUT_FROM * body_height(info), continued=word("continued", info.lang),
                              repeated=repeated)
    table.setStyle(TableStyle([
        ("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), BAND),
        ("GRID", (0, 1), (-1, -1), 0.5, RULE),
        ("BACKGROUND", (0, 1), (-1, 1), colors.HexColor("#e0e0e0")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ROWBACKGROUNDS", (0, 2), (-1, -1), [colors.white, colors.HexColor("#f4f4f4")]),
        ("TOPPADDING", (0, 2), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 2), (-1, -1), 5 * mm / 2),
        ("LEFTPADDING", (0, 1), (-1, -1), PAD), ("RIGHTPADDING", (0, 1), (-1, -1), PAD),
    ]))
    return table
