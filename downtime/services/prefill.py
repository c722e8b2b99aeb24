"""What a new record starts with, copied from the patient's chart (a form field's `copied_from`):
the nurse checks and changes it, rather than copy figures by hand from one screen to another."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo
from typing import Any

from sqlite_utils import Database

from downtime.domain.capacity import Decision, of_other_named, standing_each
from downtime.domain.census import Movement, leaves_hospital
from downtime.domain.clock import DATED, ward_time
from downtime.domain.medication import (Administration, DoseState, Frequency, Outcome, medicines_in,
                                       prescribed_despite)
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.domain.safeguarding import SHARING_ASSESSED
from downtime.formspec import FormSpec
from downtime.formspec.schema import (DELIRIUM_FORM, DEVICES_FORM, FALLS_FORM, NUTRITION_FORM, PAIN_FORM, PEWS_FORM,
                                      OBSERVATIONS_FORM, REPOSITIONING_FORM, RESULTS_FORM, SEPSIS_FORM, TREATMENTS_FORM,
                                      VTE_FORM, WOUNDS_FORM, ChoiceField, Field,
                                      CopiedFrom, Meaning, MultiChoiceField, TextField)
from downtime.i18n import QT_TRANSLATE_NOOP, Lang, message, semicolon
from downtime.domain.glucose import UNIT_FIELD
from downtime.services import (alcohol_withdrawal, bowels, capacity, census, delirium, devices, falls, falls_risk,
                               fluid_balance, glucose, home_medicines, infusion_rates, lab_results, leaving, medication,
                               missing_patient, neuro, nutrition, observations, pain, pews, reconciliation,
                               repositioning, safeguarding, sepsis, settings, swallow_screen, telephone_orders,
                               transfusion, vte, weight, wounds)
from downtime.services import enhanced_observation
from downtime.services.context import Session
from downtime.services.patients import PatientSummary
from downtime.storage.records import latest_standing, list_current

WORDS = {
    "no_order": {"en": "None: no medicine in force on the medication chart",
                 "fr": "Aucun : aucune prescription en cours sur le plan d’administration"},
    "loose_stools": {"en": "Loose stools since {since}: the bowel chart asks to isolate the patient (contact "
                           "precautions, hands washed with soap and water): tell those taking over.",
                     "fr": "Selles non moulées depuis le\u00a0{since} : la feuille des selles demande l’isolement du "
                           "patient (précautions contact, lavage des mains à l’eau et au savon) : le signaler à ceux "
                           "qui prennent le relais."},
    "c_difficile": {"en": "C. difficile found {since} ({result}): the bowel chart asks to isolate the patient (contact "
                          "precautions, hands washed with soap and water): tell those taking over.",
                    "fr": "C. difficile retrouvé le\u00a0{since} ({result}) : la feuille des selles demande "
                          "l’isolement du patient (précautions contact, lavage des mains à l’eau et au savon) : le "
                          "signaler à ceux qui prennent le relais."},
    "stopped": {"en": "{order} — STOPPED in hospital {when}", "fr": "{order} — ARRÊTÉ à l’hôpital le\u00a0{when}"},
    "stopped_because": {"en": "{order} — STOPPED in hospital {when}: {why}",
                        "fr": "{order} — ARRÊTÉ à l’hôpital le\u00a0{when} : {why}"},
    "stopped_when": {"en": "%d/%m %H:%M", "fr": "%d/%m à %H:%M"},
    "home_medicine": {"en": "{medicine} — taken before admission, not charted in hospital: {asked}",
                      "fr": "{medicine} — pris avant l’admission, non prescrit à l’hôpital : {asked}"},
    "home_stopped": {"en": "{medicine} — taken before admission, stopped in hospital: {asked}",
                     "fr": "{medicine} — pris avant l’admission, arrêté à l’hôpital : {asked}"},
    "home_decided": {"en": "{medicine} — taken before admission, {decided} (medicines reconciliation): {asked}",
                     "fr": "{medicine} — pris avant l’admission, {decided} (conciliation médicamenteuse) : {asked}"},
    "home_reconciled": {"en": "{medicine} — taken before admission, {decided} (medicines reconciliation)",
                        "fr": "{medicine} — pris avant l’admission, {decided} (conciliation médicamenteuse)"},
    "home_dose_changed": {"en": "{medicine} — taken before admission, dose changed in hospital: {asked}",
                          "fr": "{medicine} — pris avant l’admission, dose modifiée à l’hôpital : {asked}"},
    "home_unrecorded": {"en": "Medicines taken before admission — NOT RECORDED in hospital (unknown, not none): list "
                              "each and say: {asked}",
                        "fr": "Traitement habituel — NON RENSEIGNÉ à l’hôpital (inconnu, et non absent) : lister "
                              "chacun et préciser : {asked}"},
    "home_several": {"en": "{medicine} — taken before admission, its medicines not all given by one order in "
                           "hospital, say of each: {asked}",
                     "fr": "{medicine} — pris avant l’admission, ses médicaments non donnés par une seule "
                           "prescription à l’hôpital, préciser pour chacun : {asked}"},
    "none_given": {"en": "{order} — none given in hospital", "fr": "{order} — aucune dose donnée à l’hôpital"},
    "indication": {"en": "for {indication}", "fr": "indication : {indication}"},
    "missed": {"en": "{order}: {missed}", "fr": "{order} : {missed}"},
}
"""A going-home letter's reconciliation of the medicines (NICE NG5 1.2, 1.3; see `_treatments`):
an order of the stay stopped in hospital (`stopped`, with the reason its stop was written with:
`stopped_because`; when, `stopped_when`), a medicine taken at home no order in force gives as it
was taken, ending in leaving's blank for the prescriber to say whether it goes on: never charted
(`home_medicine`), only stopped (`home_stopped`: apixaban held for an endoscopy), at another dose
(`home_dose_changed`), or naming several medicines no one order gives (`home_several`: a list on
one line, or co-codamol beside a paracetamol order); the list recorded nowhere (`home_unrecorded`);
an as-required medicine never given (`none_given`); an order's indication on its full line; a
time-critical dose missed, after the order (`missed`). A move's or a transfer's handover says a
medicine the reconciliation held or stopped as a fact (`home_reconciled`)."""
NO_ISOLATION, CONTACT = "none", "contact"
"""The admission's isolation answers: none, and contact precautions, which enteric precautions
(loose stools that may be infective) are."""


def first_answers(session: Session, spec: FormSpec, patient_id: str | None,
                  at: datetime | None = None) -> dict[str, Any]:
    """The answers of a new record of `spec` about the patient (None: a patient being admitted)
    that the chart already holds, the signed-in person's name where a field starts from it
    (`signed_in`), a choice's option for their role (`by_role`), and an admission's ward this
    laptop's (`settings.laptop_ward`): nearly every admission typed on a ward's laptop is to that
    ward, and the nurse changes it for one that is not; a transfer's ward, elsewhere by nature,
    and a laptop of no ward's admissions start blank.
    A nurse's order starts as a telephone order, the only one a nurse writes. A unit of blood
    starts from the latest prescription with a unit left, and its component. A fall starts on
    anticoagulant treatment when the medication chart has one in force (`falls.first_answers`):
    the box was left "No" for a patient on apixaban. A nutrition screening's height starts from the
    latest screening's this stay, else the admission's (`nutrition.first_answers`). A patient's
    first glucose reading starts in the unit of the latest typed on the laptop
    (`_glucose_unit_used_last`). A missing child's record starts at HIGH risk, its factor "A child
    or a vulnerable adult" ticked (`missing_patient.first_answers`), and so does one of a patient under a DoLS authorisation, its factor
    "Detained … under a DoLS" ticked. An isolation copied from the
    admission starts as contact precautions while the bowel chart isolates the patient for loose
    stools (`_enteric`).
    `at`: when the patient left, once a discharge or a transfer-out says it: the chart is read
    then, not as it is typed (a discharge at 14:00 typed at 22:00 wrote the 16:00 and 20:00
    levodopa doses on the GP's letter as missed, "give it now"). Every copied list is fitted to
    its box (`_fitted`), and a discharge's follow-up starts with the operations still booked
    (`leaving.first_answers`), its contact with the laptop's for patients' letters (`LETTER_CONTACT`). A
    letter's escalation plan starts as the plan standing (`_escalation_plan`), a child's age and
    weight as they leave (`weight.letter_line`), its lacks of capacity and alcohol withdrawal chart
    as the charts say them (`LETTER_CHARTS`)."""
    now = session.clock() if at is None else min(session.clock(), at)
    latest: dict[str, RecordVersion | None] = {}
    answers: dict[str, Any] = {}
    for field in spec.fields():
        if field.signed_in:
            answers[field.id] = session.user.name
        if isinstance(field, ChoiceField) and session.user.role in field.by_role:
            answers[field.id] = field.by_role[session.user.role]
        if spec.creates_patient and field.meaning is Meaning.WARD:
            answers[field.id] = settings.laptop_ward(session.db)
        source = field.copied_from
        if source is None or patient_id is None:
            continue
        if source.field is None and isinstance(field, MultiChoiceField):
            kinds = {source.codes.get(kind, kind) for kind in TICKED[source.form](session.db, patient_id)}
            answers[field.id] = [option.code for option in field.options if option.code in kinds]
            continue
        if source.field is None:
            listed = (_fitted(_treatments(session, patient_id, now, spec.movement),
                              getattr(field, "max_length", None), session.lang, MORE_ON_THE_MAR)
                      if source.form == TREATMENTS_FORM
                      else _fitted([_in_full_and_short(line) for line in HANDED_ON[source.form](
                          session.db, session.forms, patient_id, now, session.lang)],
                          getattr(field, "max_length", None), session.lang, MORE_ON_THE_CHART,
                          chart=session.form(source.form).title.get(session.lang)))
            # A list of treatments that may be left empty (a move's; a discharge's says it among
            # its reconciliation, see `_treatments`) says the chart holds none: an empty box reads
            # as not filled in. A required one (a transfer-out's)
            # stays empty, for the nurse to say what the patient is on when the chart is not kept here.
            if not listed and source.form == TREATMENTS_FORM and not field.required:
                listed = [WORDS["no_order"][session.lang]]
            answers[field.id] = "\n".join(listed) or None
            continue
        if source.form not in latest:
            latest[source.form] = _latest(session, source.form, patient_id, now)
        if (record := latest[source.form]) is not None:
            answers[field.id] = _as_copied(source, record.data.get(source.field))
    if spec.id == medication.ORDER_FORM and not telephone_orders.prescribes(session):
        # A nurse's order is one (see telephone_orders), not countersigned: the records office's
        # line says so, where an answer left empty said nothing of it.
        answers |= {telephone_orders.TELEPHONE: True, telephone_orders.COUNTERSIGNED: False}
    if spec.id == transfusion.FORM and patient_id is not None:
        answers |= transfusion.next_unit(session.db, patient_id)
    if spec.id == falls.FORM and patient_id is not None:
        answers |= falls.first_answers(session.db, patient_id, now)
    if spec.id == reconciliation.FORM:
        # One row a medicine of the list copied from the admission, for the prescriber to decide
        # each, from the stay's standing decision on it (a second reconciliation started blank).
        standing = {} if patient_id is None else reconciliation.standing(session.db, [census.patient_with_location(
            session.db, session.forms, patient_id)]).get(patient_id, {})
        answers[reconciliation.DECISIONS] = reconciliation.first_rows(answers.get(reconciliation.HOME_LIST), standing)
    if spec.id == nutrition.FORM and patient_id is not None:
        answers |= nutrition.first_answers(session.db, patient_id)
    if spec.id == enhanced_observation.FORM and patient_id is not None:
        answers |= enhanced_observation.first_answers(now)
    if spec.id == missing_patient.FORM and patient_id is not None:
        born = census.patient_with_location(session.db, session.forms, patient_id).birth_date
        answers |= missing_patient.first_answers(born, now, enhanced_observation.deprived_of_liberty(
            session.db, patient_id, born, now))
    if spec.id == OBSERVATIONS_FORM and patient_id is not None:
        answers |= observations.scale_2_answers(session.db, session.forms, patient_id, now)
    if spec.id == glucose.FORM and patient_id is not None and not answers.get(UNIT_FIELD):
        answers[UNIT_FIELD] = _glucose_unit_used_last(session)
    if spec.creates_patient and patient_id is not None:
        answers |= _as_last_admitted(session, spec, patient_id, now)
    if patient_id is not None:
        answers |= _enteric(session, spec, patient_id, now, answers)
        answers |= _oxygen_now(session, spec, patient_id, now, answers)
    if spec.movement is Movement.DISCHARGE and patient_id is not None:
        answers |= leaving.first_answers(session.db, session.forms, spec, patient_id, now, session.lang)
        if any(field.id == LETTER_CONTACT for field in spec.fields()):
            answers[LETTER_CONTACT] = settings.get(session.db, "letter_contact")
    if patient_id is not None and any(field.id == ESCALATION_PLAN for field in spec.fields()):
        answers[ESCALATION_PLAN] = _escalation_plan(session, patient_id, now, spec.field(ESCALATION_PLAN).max_length)
    if patient_id is not None and any(field.id == CHILD_WEIGHT for field in spec.fields()):
        answers[CHILD_WEIGHT] = weight.letter_line(session.db, session.forms, patient_id, now, session.lang)
    for field in spec.fields():
        if patient_id is not None and (chart := LETTER_CHARTS.get(field.id)) is not None:
            form_id, lines = chart
            answers[field.id] = "\n".join(_fitted(
                [(line, line) for line in lines(session.db, patient_id, now, session.lang)],
                getattr(field, "max_length", None), session.lang, MORE_ON_THE_CHART,
                chart=session.form(form_id).title.get(session.lang))) or None
    return {name: value for name, value in answers.items() if value not in (None, "", [])}


LETTER_CONTACT = "contact"
"""A discharge's field for whom to call with a question, starting as the laptop's contact on
patients' letters (settings' "letter_contact"): the letter named no one."""
ESCALATION_PLAN = "escalation_plan"
"""A letter's field (discharge and transfer-out, version 5) for the observation and escalation plan
standing as the patient leaves (`_escalation_plan`)."""
CHILD_WEIGHT = "child_weight"
"""A letter's field (discharge and transfer-out, version 7) for a child's age and latest weight as
they leave (weight.letter_line)."""
ANSWERED_ONLY = (CHILD_WEIGHT, fluid_balance.PLAN_REASON)
"""A child's fields shown, on screen and printed, only where answered (`answered_asked`)."""


def answered_asked(data: dict[str, Any]) -> dict[str, bool]:
    """The child's fields (`ANSWERED_ONLY`) a record leaves unanswered, by field id, False not
    asked (formspec.values.shown): a letter's age and weight, filled for a child alone
    (`first_answers`), and a fluid plan's reason a child's volume is above their weight's, asked
    at the save when it is (fluid_balance.child_plan_asks). Every adult's letter printed "A
    child's age and weight …: —", every adult's plan showed the child's reason, and a child's
    letter of version 6 printed the field "—", read as "no weight"."""
    return {field: False for field in ANSWERED_ONLY if not str(data.get(field) or "").strip()}


NEWS2_TIME = {"transfer_out": "obs_at"}
"""A letter's last observations' time, by form: required of a patient NEWS2 scores as they leave
(services.records, `_news2_time_check`), not by the form, which cannot ask it by age."""


def news2_time_asked(session: Session, spec: FormSpec, patient_id: str | None,
                     data: dict[str, Any]) -> dict[str, bool]:
    """The letter's last observations' time (`NEWS2_TIME`) its form view stars as required, by
    field id: of a patient NEWS2 scores at the letter's time (observations.applies_to; now while
    it is unanswered, or typed and not read yet). Required at the save alone, it lost its star for
    every adult, who learnt of it from the refusal."""
    taken, left = NEWS2_TIME.get(spec.id), spec.by_meaning(Meaning.OCCURRED_AT)
    if taken is None or patient_id is None:
        return {}
    try:
        at = datetime.fromisoformat(str(data[left.id])) if left is not None and data.get(left.id) else session.clock()
    except ValueError:  # a draft's time as typed
        at = session.clock()
    patient = census.patient_with_location(session.db, session.forms, patient_id)
    return {taken: True} if observations.applies_to(patient, at) else {}


DISCUSSED = QT_TRANSLATE_NOOP("messages", "{plan}; discussed with {who}")
CAPACITY_WORDS = {
    "lacks": {"en": "Lacks capacity for {decision} (assessed {when} by {by})",
              "fr": "Sans capacité de décider {decision} (évaluation du {when} par {by})"},
    "decided": {"en": "best-interests decision: {made}", "fr": "décision prise dans son intérêt : {made}"},
    "covert": {"en": "best-interests decision: given covertly, as the treatments say",
               "fr": "décision prise dans son intérêt : administration à son insu, comme le disent les traitements"},
    "waits": {"en": "the decision waits until they may regain capacity",
              "fr": "la décision attend qu’il ou elle recouvre sa capacité"},
    "review": {"en": "review by {day}", "fr": "à réévaluer le {day}"},
}
"""A letter's line of a standing assessment lacking capacity (`_lacking_capacity`): the decision,
who assessed it and when, the best-interests decision made for them (or that it waits), and the
review's day. Facts: the next setting assesses again for its own decisions."""


def _lacking_capacity(db: Database, patient_id: str, at: datetime, lang: Lang) -> list[str]:
    """Each assessment standing at `at` that says the patient LACKS capacity (one a decision:
    domain.capacity.standing_each), as a letter says it, with its day and year: the letters said
    nothing of it, and the receiving team and the GP had no way to know a best-interests decision
    had been made for the patient, by whom, or when it was to be reviewed (MCA Code 4.26-4.27:
    capacity may return). HAS capacity is not said (capacity is assumed: s.1(2)). The decision made of
    medicines while an order in force is given covertly is the covert order's, on the treatments
    with who decided it (domain.covert.flag): said there, not twice. Nor the decision to share a
    safeguarding concern (domain.safeguarding.SHARING_ASSESSED): the transfer letter says it with
    the concern (safeguarding.handed_on), and the discharge letter, read at home, said "Lacks
    capacity for sharing the safeguarding concern" where the person the patient is at risk from
    may read it."""
    zone = at.tzinfo
    covert_running = any(order.covert is not None and order.active_at(at)
                         for order in medication.orders_of_each(db, [patient_id], at).get(patient_id, []))
    each = capacity.CHART.of(db, patient_id)
    said = []
    for one in standing_each([recorded.assessment for recorded in each], at):
        if not one.lacks or of_other_named(one, SHARING_ASSESSED):
            continue
        record = next(recorded.record for recorded in each if recorded.assessment is one)
        decision = (capacity.DECISIONS[one.decision][lang] if one.decision in capacity.DECISIONS
                    else capacity.NAMED[lang].format(detail=one.detail or ""))
        made = " ".join(str(record.data.get("decision_made") or "").split())
        parts = [CAPACITY_WORDS["lacks"][lang].format(
            decision=decision, when=ward_time(one.assessed_at, zone, DATED), by=" ".join(one.assessed_by.split()))]
        if one.can_wait:
            parts.append(CAPACITY_WORDS["waits"][lang])
        elif one.decision is Decision.MEDICINES and covert_running:
            parts.append(CAPACITY_WORDS["covert"][lang])
        elif made:
            parts.append(CAPACITY_WORDS["decided"][lang].format(made=made))
        if one.review_by is not None:
            parts.append(CAPACITY_WORDS["review"][lang].format(day=ward_time(one.review_by, zone, "%d/%m/%Y")))
        said.append(semicolon(lang).join(parts))
    return said


LETTER_CHARTS = {"capacity": (capacity.FORM, _lacking_capacity),
                 "alcohol_withdrawal": (alcohol_withdrawal.FORM, alcohol_withdrawal.handed_on),
                 "safeguarding": (safeguarding.FORM, safeguarding.handed_on)}
"""A letter's fields (discharge and transfer-out, version 7) filled from a chart by field id, with
the chart's form (named when the lines are cut to the box: `_fitted`) and what the letter says of
it, one line each: the standing lacks of capacity (`_lacking_capacity`), the alcohol
withdrawal chart (alcohol_withdrawal.handed_on) and, the transfer-out's alone (version 8), the
safeguarding concerns (safeguarding.handed_on). Not a `copied_from`: the form schema's listed
forms are the handover's charts."""


def _escalation_plan(session: Session, patient_id: str, at: datetime, most: int | None) -> str | None:
    """The plan standing at `at` as a letter gives the decision (`ObservationPlan.text`), with who
    decided it and when, and whom it was discussed with (observations.plans), in the `most`
    characters of its box, the discussion cut last: the letters carried the DNACPR and a full
    list of medicines, and nothing of comfort care only or "not for ICU"; the ambulance crew and
    the receiving team escalated a dying patient. A doctor's name and a discussion written in
    full came to 670 characters in French, and the save refused the letter on text the nurse had
    not typed. None with no plan standing."""
    patient = census.patient_with_location(session.db, session.forms, patient_id)
    plan = observations.plans(session.db, [patient], at).get(patient_id)
    if plan is None:
        return None
    said = plan.text(session.lang, session.clock().tzinfo, letter=True)
    who = " ".join(str(plan.record.data.get("discussed_with") or "").split())
    if not who:
        return said
    spare = len(who) if most is None else most - len(message(session.lang, DISCUSSED, plan=said, who=""))
    return message(session.lang, DISCUSSED, plan=said,
                   who=who if len(who) <= spare else f"{who[:max(spare - 1, 0)].rstrip()}…")


# What a readmission (an admission of a patient back after leaving) starts from of their latest
# stay's admission: who they are and what they are allergic to. Not the stay's own answers
# (arrival, ward, bed, reason, encounter, the identity document seen this time), nor the paper number.
READMITTED_AS_BEFORE = frozenset({
    Meaning.UNIDENTIFIED, Meaning.DESCRIPTOR, Meaning.TEMPORARY_NAME, Meaning.BIRTH_NAME, Meaning.USED_NAME,
    Meaning.GIVEN_NAMES, Meaning.SEX, Meaning.BIRTH_DATE, Meaning.NIR, Meaning.IPP, Meaning.ALLERGY_STATUS,
    Meaning.ALLERGIES})


def _as_last_admitted(session: Session, spec: FormSpec, patient_id: str, now: datetime) -> dict[str, Any]:
    """A readmission's identity and allergies as their latest standing admission says them, for
    the nurse to confirm or correct: readmitted under the same number, a patient whose
    penicillin allergy was found during the stay before came back with a blank allergy status,
    the new chart and the dose checks saying nothing of it."""
    last = _latest(session, spec.id, patient_id, now)
    if last is None:
        return {}
    return {field.id: last.data[field.id] for field in spec.fields()
            if field.meaning in READMITTED_AS_BEFORE and field.id in last.data}


def _glucose_unit_used_last(session: Session) -> str | None:
    """The unit of the latest glucose reading typed on this laptop: a ward's meters read in one
    (g/L on a French ward), which the nurse checks, or changes for another."""
    typed = [record for record in list_current(session.db, glucose.FORM) if record.data.get(UNIT_FIELD)]
    return max(typed, key=lambda record: record.recorded_at).data[UNIT_FIELD] if typed else None


def notes(session: Session, spec: FormSpec, patient_id: str | None) -> dict[str, str]:
    """What the nurse is told under a field of a new record of `spec` about where its answer
    starts from, by field id: under an isolation copied from the admission, the loose stools or
    the result finding C. difficile the bowel chart isolates the patient for now
    (`bowels.isolated`) and their precautions, to tell
    those taking over (another ward or hospital, a care home, the mortuary). Whatever the
    admission says: contact precautions for a resistant germ do not wash hands with soap and
    water, which C. difficile's spores ask. Their times on the ward's clock: stools charted on a
    laptop set to UTC read "since 27/11 14:00" of stools since 15:00. Under an enhanced care record's first field, the level
    standing and its last entry (`enhanced_observation.notes`)."""
    if spec.id == enhanced_observation.FORM and patient_id is not None:
        return enhanced_observation.notes(session, patient_id)
    fields = _isolations(session, spec)
    if patient_id is None or not fields:
        return {}
    isolation = bowels.isolated(session.db, [patient_id], session.clock()).get(patient_id)
    if isolation is None:
        return {}
    found = isolation.found
    zone = session.clock().tzinfo
    said = (WORDS["c_difficile"][session.lang].format(since=ward_time(found.received_at, zone), result=found.text())
            if found is not None
            else WORDS["loose_stools"][session.lang].format(since=ward_time(isolation.since, zone)))
    return dict.fromkeys((field.id for field in fields), said)


def suggestions(session: Session, spec: FormSpec, patient_id: str | None) -> dict[str, list[str]]:
    """What each `suggested` text field of `spec` offers as it is typed: the patient's earlier
    answers of it on standing records, newest first, each once (spacing and case aside, as the
    charts follow their things: the newest spelling kept), so a chart following a thing by its
    name keeps one name."""
    names = [field.id for field in spec.fields() if isinstance(field, TextField) and field.suggested]
    if not names or patient_id is None:
        return {}
    standing = sorted((record for record in list_current(session.db, form_id=spec.id, patient_id=patient_id)
                       if record.status is not RecordStatus.ENTERED_IN_ERROR),
                      key=lambda record: (record.occurred_at, record.recorded_at), reverse=True)
    found: dict[str, list[str]] = {}
    for name in names:
        kept: dict[str, str] = {}
        for record in standing:
            text = " ".join(str(record.data.get(name) or "").split())
            if text:
                kept.setdefault(text.casefold(), text)
        found[name] = list(kept.values())
    return found


def amendment_answers(session: Session, record: RecordVersion) -> dict[str, Any]:
    """The answers an amendment of `record` starts from for the person signed in: its own, but a
    medication order's, which a nurse changes only as a telephone order to read back and a doctor
    signs by changing (see telephone_orders.amended_from)."""
    if record.form_id == medication.ORDER_FORM:
        return telephone_orders.amended_from(session, record.data)
    return record.data


def _latest(session: Session, form_id: str, patient_id: str, now: datetime) -> RecordVersion | None:
    """The patient's latest record of `form_id` to copy from; of their observation sets, the one
    that stands for their NEWS2 risk this stay (`observations.judged`), none with no set this
    stay: a temperature taken alone after a set of 7 was copied into a sepsis screening, which
    then scored 1 and asked for nothing, and a readmitted patient's set of the stay before into
    a letter. A child's, whom NEWS2 does not score, their latest set."""
    if form_id == OBSERVATIONS_FORM:
        patient = census.patient_with_location(session.db, session.forms, patient_id)
        if observations.applies_to(patient, now):
            standing_set = observations.watches(session.db, [patient], now)[patient_id].standing
            return None if standing_set is None else standing_set.record
    return latest_standing(session.db, form_id, patient_id, now)


def _isolations(session: Session, spec: FormSpec) -> list[Field]:
    """The fields of `spec` copied from an isolation answer (the admission's)."""
    return [field for field in spec.fields() if (source := field.copied_from) is not None and source.field is not None
            and session.form(source.form).field(source.field).meaning is Meaning.ISOLATION]


def _enteric(session: Session, spec: FormSpec, patient_id: str, now: datetime,
             answers: dict[str, Any]) -> dict[str, Any]:
    """Contact precautions for each isolation copied from an admission that says none or
    nothing, while the bowel chart isolates the patient for loose stools or a result finding
    C. difficile at `now` (`bowels.isolated`), as the handover sheet's Isolation column does: a patient with
    C. difficile-type loose stools since yesterday went to a nursing home read as isolation
    "None". An isolation the admission names (droplet) is kept: the form's one answer cannot say
    both, and the note under it (`notes`) tells the loose stools."""
    codes = {field.id: field.copied_from.codes for field in _isolations(session, spec) if field.copied_from}
    unsaid = [name for name, own in codes.items() if answers.get(name) in (None, own.get(NO_ISOLATION, NO_ISOLATION))]
    if not unsaid or patient_id not in bowels.isolated(session.db, [patient_id], now):
        return {}
    return {name: codes[name].get(CONTACT, CONTACT) for name in unsaid}


OXYGEN = "oxygen"
"""The option of a list of devices (a transfer-out's) a patient on oxygen ticks."""
TOGETHER = ("taken_at", "spo2", "spo2_scale", "on_oxygen", "oxygen_flow")
"""A set's answers a letter copies from one set or none: its time, and a saturation with the scale
and the oxygen it was measured on (96 % on air is not 96 % on 4 L/min)."""


def _as_copied(source: CopiedFrom, value: Any) -> Any:
    """A chart's answer as the field copying it takes it: a choice's code in the field's codes."""
    return source.codes.get(value, value) if isinstance(value, str) else value


def _oxygen(readings: dict[str, Any]) -> tuple[bool, Any] | None:
    """A set's oxygen as two sets are compared: on it or not, at which flow; None when unsaid."""
    on = readings.get("on_oxygen")
    return None if on is None else (on is True, readings.get("oxygen_flow") if on is True else None)


def _oxygen_now(session: Session, spec: FormSpec, patient_id: str, now: datetime,
                answers: dict[str, Any]) -> dict[str, Any]:
    """The oxygen the patient is on now, as their latest set this stay says it, whichever set
    stands for their risk: a list of devices copied from the lines chart ticks it (which never
    charts oxygen: the ambulance crew read no oxygen for a patient on 4 L/min), and a record of
    the patient leaving the hospital, whose last observations are the standing set's, takes them
    from the latest set once its oxygen is another: their time, SpO2, scale and oxygen (`TOGETHER`),
    and each other reading it has, the standing set's kept for those it has not. The letter read
    "not on oxygen" of a patient put on 4 L/min since; then, given the oxygen alone, "96 % on
    4 L/min" at 08:00, a reading never taken, of a patient found at 88 % at 13:00."""
    leaving = spec.movement is not None and leaves_hospital(spec.movement)
    devices_ticked = [field for field in spec.fields() if isinstance(field, MultiChoiceField)
                      and field.copied_from is not None and field.copied_from.form == DEVICES_FORM]
    given = {field.id: source for field in spec.fields() if leaving and (source := field.copied_from) is not None
             and source.form == OBSERVATIONS_FORM and source.field is not None}
    if not devices_ticked and not given:
        return {}
    latest = observations.latest_set(session.db, census.patient_with_location(session.db, session.forms, patient_id),
                                     now)
    if latest is None:
        return {}
    found: dict[str, Any] = {}
    standing = {source.field: answers.get(field_id) for field_id, source in given.items()}
    if given and _oxygen(latest.data) not in (None, _oxygen(standing)):
        found = {field_id: _as_copied(source, latest.data.get(source.field)) for field_id, source in given.items()
                 if source.field in TOGETHER or latest.data.get(source.field) is not None}
    if latest.data.get("on_oxygen") is True:
        for field in devices_ticked:
            ticked = {*answers.get(field.id, ()), OXYGEN}
            found[field.id] = [option.code for option in field.options if option.code in ticked]
    return found


# What a letter handing the patient on says of a chart, one a line (or, a line that has a
# shorter form, in full and short: the VTE decision's), by the form a `copied_from` without a field
# names (the treatments apart: they read the session's orders).
HANDED_ON = {RESULTS_FORM: lab_results.handed_on, REPOSITIONING_FORM: repositioning.handed_on,
             WOUNDS_FORM: wounds.handed_on, DEVICES_FORM: devices.handed_on, PAIN_FORM: pain.handed_on, NUTRITION_FORM: nutrition.handed_on,
             DELIRIUM_FORM: delirium.handed_on, FALLS_FORM: falls.handed_on, neuro.FORM: neuro.handed_on,
             SEPSIS_FORM: sepsis.handed_on, missing_patient.FORM: missing_patient.handed_on,
             VTE_FORM: vte.handed_on, PEWS_FORM: pews.handed_on, swallow_screen.FORM: swallow_screen.handed_on,
             falls_risk.FORM: falls_risk.handed_on}


# What a multiple choice copied from a chart without a field ticks, by the form it names.
TICKED = {DEVICES_FORM: devices.kinds_in}


def _in_full_and_short(line: str | tuple[str, str]) -> tuple[str, str]:
    """A chart's line as `_fitted` takes it: one with no shorter form is its own short line."""
    return (line, line) if isinstance(line, str) else line


MORE_ON_THE_MAR = QT_TRANSLATE_NOOP("messages", "… and {count} more: see the MAR printed with this letter")
MORE_ON_THE_CHART = QT_TRANSLATE_NOOP("messages", "… and {count} more: see the “{chart}” records")


def _fitted(listed: list[tuple[str, str]], most: int | None, lang: Lang, more: str, **named: str) -> list[str]:
    """A chart's lines (each in full and short, see `_treatments`; a list of one reading, twice)
    as a field of `most` characters takes them: in full while they fit; else each in its short
    line, the detail (dose rule, course dates, indication) left to the MAR that goes with the
    patient; and, short lines still too many, the first that fit then how many more the chart
    lists (`more`, its words with `named`). 20 medicines with a dose rule each came to 4,833
    characters for a field of 2,000, four wounds dressed as the tissue viability nurse wrote to
    1,042 for a box of 1,000: the app's own save refused what it had written, and the nurse
    deleted lines by hand, which ones left to chance. None is left out unsaid."""
    full, short = [line for line, _ in listed], [line for _, line in listed]
    for lines in (full, short):
        if most is None or len("\n".join(lines)) <= most:
            return lines
    for kept in range(len(short) - 1, -1, -1):
        lines = [*short[:kept], message(lang, more, count=len(short) - kept, **named)]
        if not kept or len("\n".join(lines)) <= most:
            break
    return lines


NOT_GIVEN_IN_HOSPITAL = QT_TRANSLATE_NOOP("messages", "{order} — not given in hospital (due {due}): {why}")
NO_DOSE_RECORDED = QT_TRANSLATE_NOOP("messages", "{order} — no dose recorded in hospital (due {due}): check the paper "
                                                 "chart")
"""A dose past its time on a letter leaving the hospital: recorded not given, at its time, with
why as the MAR says it; else recorded neither way (a time-critical dose of the last 12 hours too,
said once: its line and "time-critical dose missed in hospital" below it named one dose twice,
and a dose 40 minutes late "missed"), which the laptop cannot tell from a dose given on the
paper chart in a power cut (not one the EHR's chart holds, of an order loaded from its snapshot). "Not given in hospital" said of both, the GP gave a dose given already, or
one the emergency department had given (the reason dropped)."""
NO_DOSES_RECORDED = QT_TRANSLATE_NOOP("messages", "{order} — no dose recorded in hospital ({count} doses due {first} "
                                                  "to {last}): check the paper chart")
"""An order's doses with nothing recorded, more than one, on a letter (`_no_dose_recorded`)."""
HELD = QT_TRANSLATE_NOOP("messages", "{line} — HELD: {holds}")
"""An order whose next dose waits on a level, an INR, a potassium or an AKI's review
(medication.holds_now, as the printed MAR says each: medication.on_chart; on a letter to the next
team its fact alone, medication.on_letter): a ramipril held for a potassium of 6.8 went on both
letters as "last given 28/11 12:00", and the next team restarts it."""


def _no_dose_recorded(line: str, due: Sequence[datetime], lang: Lang, zone: tzinfo | None) -> str:
    """`line` with an order's doses of the stay with nothing recorded (`due`, oldest first, at
    least one), on a letter: one as its time (`NO_DOSE_RECORDED`), more as how many, the first and
    the last (`NO_DOSES_RECORDED`). A line a dose, of the last 12 hours alone, read as four orders
    of levodopa, or as the whole list, and the dose of the evening before left out as given (review
    s65 T3 D6)."""
    if len(due) == 1:
        return message(lang, NO_DOSE_RECORDED, order=line, due=ward_time(due[0], zone))
    return message(lang, NO_DOSES_RECORDED, order=line, count=len(due), first=ward_time(due[0], zone),
                   last=ward_time(due[-1], zone))


def _short_reading(order: medication.Order, order_form: FormSpec, lang: Lang) -> str:
    """An order in a handover line of its own: medicine, dose, route and when it is given, its
    dates and indication left to the MAR."""
    said = medication.order_label(order, order_form, lang)
    if order.frequency is Frequency.ONCE:
        return message(lang, QT_TRANSLATE_NOOP("messages", "{order}, once, at {start}"), order=said,
                       start=f"{order.start_at.astimezone():%d/%m/%Y %H:%M}")
    if order.frequency is Frequency.SCHEDULED:
        return message(lang, QT_TRANSLATE_NOOP("messages", "{order}, at {times}"), order=said,
                       times=" ".join(f"{clock:%H:%M}" for clock in order.times))
    return message(lang, QT_TRANSLATE_NOOP("messages", "{order}, as required"), order=said)


def _stopped_line(order: medication.Order, order_form: FormSpec, stop: datetime, why: str | None, lang: Lang,
                  zone: tzinfo | None) -> str:
    """An order said stopped in hospital at `stop`, with the reason its stop was written with, if
    any: an order's own stop, or its syringe driver's taken down (`_treatments`)."""
    return WORDS["stopped_because" if why else "stopped"][lang].format(
        order=medication.order_label(order, order_form, lang), why=why,
        when=ward_time(stop, zone, WORDS["stopped_when"][lang]))


def _treatments(session: Session, patient_id: str, now: datetime,
                movement: Movement | None = None) -> list[tuple[str, str]]:
    """Each order in force, as a nurse reads it, with its last dose given ("— last given 28/11/2026
    08:05", or "— not given yet"): what the receiving team asks first; and, for one prescribed
    despite an allergy it matches, the prescriber's reason (the receiving team read the allergy
    above the medicine, and nothing of the decision), or, for an allergy it matches recorded
    after the reason was given, that the prescriber has not reviewed it (the reason given for a
    penicillin rash was handed on for an amoxicillin anaphylaxis); and a telephone order no doctor has
    countersigned yet, said so with its prescriber (read as any other, it passed for one a
    doctor had signed); a patch on, where and since when. A once-only dose given (but an infusion
    with a rate, which runs until stopped), an order stopped (or stopped before its start),
    one of a stay that ended among them, are not current treatments; an
    order written for later is, its time saying when (a once-only dose for the evening, left off
    a handover at 16:00, was never given); one whose dose waits on a level, an INR, a potassium or
    an AKI's review, said HELD as the MAR says it (`HELD`); a once-only infusion whose bag was
    charted taken down, said stopped with its reason (a midazolam driver taken down read as
    running at 2 mL/h, and the receiving nurse put it up again). Then each unit of blood of the
    last day, or asking something still, and where it stands: a reaction to blood shows hours
    after it; on a letter leaving the hospital, every unit of the stay (transfusion.recent), with
    its special requirements. Each as (in full, short) for `_fitted`: the short line keeps the
    warnings and the decisions, and leaves the dates and the dose rule's words to the MAR.
    `movement`: the record's. A letter leaving the hospital (a transfer to another, a discharge)
    says facts, never a ward's instruction ("give it now", "the doctor is told, do as they said",
    read by a team that cannot know what was said): each time-critical dose not given with the
    reason recorded with it, and a time-critical order's doses with nothing recorded on one line, every one of
    the stay (`_no_dose_recorded`); an order with a dose past its round and none given, none recorded
    at the times the MAR reads past its round with nothing recorded, on its line alike
    (`_past_their_round`: not the EHR's; a dose still in its round is "not given yet"); the latest
    dose recorded not given, at its own time, when none was given since (a once-only or regular one:
    its "not given yet" read as a dose still to give; a ramipril held for a potassium of 6.8 read
    "last given" the day before); and an as-required one never given, none given in hospital.
    A discharge's is reconciled with the medicines taken at home (NICE NG5): first each medicine
    taken at home no order in force gives as taken, asked of (`_home_medicines`), then the orders
    in force (or the line saying there is none), then each syringe driver taken down and each
    medicine stopped in hospital said stopped, with the reason its stop was written with
    (`_stopped_lines`: bisoprolol stopped for a pulse of 48 vanished from the letter, and the GP
    read it as still taken), last, so a list cut to its box cuts those. A full line gives the order's indication (the GP and the anticoagulation clinic
    decide warfarin's target and length from it)."""
    order_form, dose_form = session.form(medication.ORDER_FORM), session.form(medication.DOSE_FORM)
    telephone = medication.ORDER_WORDS["telephone"][session.lang]
    going_home, letter = movement is Movement.DISCHARGE, movement is not None and leaves_hospital(movement)
    critical = medication.time_critical(session.db, [patient_id], now).get(patient_id)
    # A letter leaving the hospital names each dose missed, as a fact; a move to another ward says
    # them as the escalation list does, an order's doses not recorded once
    # (medication.TimeCritical.each): "give it now" of each, followed by the receiving nurse, gave
    # them all at once.
    missed = [] if critical is None else critical.late if letter else critical.each
    last: dict[str, Administration] = {}  # each order's latest dose given
    refused: dict[str, Administration] = {}  # each order's latest dose recorded not given
    for dose in medication.administrations(session.db, patient_id):
        if dose.outcome is Outcome.GIVEN and dose.at <= now:
            last[dose.order_id] = max(dose, last.get(dose.order_id, dose), key=lambda one: one.at)
        elif dose.outcome is Outcome.NOT_GIVEN and dose.at <= now and (
                (before := refused.get(dose.order_id)) is None or before.at <= dose.at):
            refused[dose.order_id] = dose
    patient = census.patient_with_location(session.db, session.forms, patient_id)
    allergies, described = patient.allergies, patient.allergies_in(session.lang)
    running = medication.orders(session.db, patient_id, now)
    since = medication.allergies_since(session.db, session.forms, session.lang, patient, running)
    patches = {order.record_id: dose for order, dose in medication.patches_on_now(session.db, patient_id)}
    # What each bag runs at now, its reading: the handover gave the prescribed rate of a heparin slowed
    # after an APTT of 3.2, which the receiving nurse set the pump to.
    pumps = infusion_rates.running(session.db, running, now, session.lang, letter=letter)
    bags = infusion_rates.by_bag(session.db, [patient_id])
    holds = {order_id: semicolon(session.lang).join((medication.on_letter if letter else medication.on_chart)(
                 warning).text(session.lang) for warning in held)
             for order_id, warnings in medication.holds_now(session.db, running, now, medication.kidney_injury_by_urine(
                 session.db, session.forms, [patient], now)).items()
             if (held := medication.holding(warnings))}

    def not_given_said(line: str, dose: Administration, due: datetime) -> str:
        """`line` with its dose not given at `due` and why, as the MAR says it, then the nurse's
        reasons to record it over a warning (who decided it: "Dr Martin decided to omit") and, of a
        time-critical order's doses not given one after another, how many since when: the letter
        gave the last of two levodopa doses omitted, and nothing of who decided."""
        run = None if critical is None else critical.runs.get(dose.record_id)
        why = [medication.why_not_given(dose_form.field("not_given_reason"), dose, session.lang),
               *(reason for _, reason in dose.overrides if reason not in (dose.detail or "")),
               "" if run is None else run.said(now.tzinfo, session.lang)]
        return message(session.lang, NOT_GIVEN_IN_HOSPITAL, order=line, due=ward_time(due, now.tzinfo),
                       why=semicolon(session.lang).join(dict.fromkeys(filter(None, why))))

    def not_given_since(order: medication.Order, given: datetime | None) -> Administration | None:
        """The order's latest dose recorded not given, which a letter says on its line, when none
        was given since."""
        dose = refused.get(order.record_id)
        return dose if letter and dose is not None and (given is None or dose.at > given) else None

    def missed_said(order: medication.Order, cell: medication.MarCell) -> str:
        """A time-critical dose missed, after its order: on a letter, recorded not given, the fact
        (not given and why; those with nothing recorded are said together: `unrecorded`); on a
        move to another ward, as the escalation list says it."""
        label = medication.order_label(order, order_form, session.lang)
        if letter and cell.administration is not None:
            return not_given_said(label, cell.administration, cell.slot)
        return WORDS["missed"][session.lang].format(order=label, missed=critical.said(cell, dose_form, session.lang))

    def handed(order: medication.Order, last_dose: Administration | None, said: str, carried: list[str]) -> str:
        """An order's line (`said`, in full or short, with the warnings `carried`): its last dose
        given, with the dose and the reading it was decided on for an order dosed by a reading
        (`Order.asks_reading`: "3 mg (INR 2.4)", the two facts the GP or the anticoagulation clinic
        doses the next warfarin from; the letter gave "up to 5 mg" and its time alone), and, as
        required, when the next is allowed (the receiving ward, on another laptop,
        read "last given 14:00" of a morphine every 4 h and worked it out, or not), then what a
        prescriber decided or has not yet, to read beside the medicine. Both times are on the
        ward's clock with their offset in the hour the clocks repeat (domain.clock.ward_time):
        "next allowed from 25/10/2026 02:30", read at the first 02:40, was taken as allowed
        already, when it meant the second 02:30, 50 minutes later."""
        lang = session.lang
        if carried:
            said = f"{said} ({semicolon(lang).join(carried)})"
        given = None if last_dose is None else last_dose.at
        if last_dose is not None and order.asks_reading and last_dose.dose is not None:
            dose = medication.dose_words(order_form, last_dose.dose, order.dose_unit, lang)
            line = message(lang, QT_TRANSLATE_NOOP("messages", "{order} — last given {when}: {dose}"), order=said,
                           when=ward_time(last_dose.at, now.tzinfo, DATED),
                           dose=f"{dose} ({last_dose.decided_on})" if last_dose.decided_on else dose)
        elif given:
            line = message(lang, QT_TRANSLATE_NOOP("messages", "{order} — last given {when}"), order=said,
                           when=ward_time(given, now.tzinfo, DATED))
        elif letter and (order.record_id in unrecorded or order.record_id in refused):
            # The times the MAR reads past their round with nothing recorded, if any (the EHR's
            # and those out of hospital are not: its snapshot's furosemide read three days
            # unrecorded); a dose recorded not given is said below.
            line = said
            if due := unrecorded.get(order.record_id):
                line = _no_dose_recorded(line, due, lang, now.tzinfo)
        elif letter and order.frequency is Frequency.PRN:
            line = WORDS["none_given"][lang].format(order=said)
        else:
            line = message(lang, QT_TRANSLATE_NOOP("messages", "{order} — not given yet"), order=said)
        if (not_given := not_given_since(order, given)) is not None:
            line = not_given_said(line, not_given, not_given.scheduled_for or not_given.at)
        if (held := holds.get(order.record_id)) is not None:
            line = message(lang, HELD, line=line, holds=held)
        if (pump := pumps.get(order.record_id)) is not None:
            line = message(lang, QT_TRANSLATE_NOOP("messages", "{line} — {running}"), line=line, running=pump)
        if given and order.frequency is Frequency.PRN and (
                allowed := medication.as_required_status(session, order.record_id, now).next_at) is not None:
            line = message(lang, QT_TRANSLATE_NOOP("messages", "{line} — next allowed from {when}"), line=line,
                           when=ward_time(allowed, now.tzinfo, DATED))
        if (reason := prescribed_despite(order, allergies, described, since.get(order.record_id, ()))) is not None:
            line = message(lang, QT_TRANSLATE_NOOP(
                "messages", "{line} — prescribed despite the recorded allergy: “{reason}”"), line=line, reason=reason)
        elif unreviewed := since.get(order.record_id):
            line = message(lang, QT_TRANSLATE_NOOP(
                "messages", "{line} — {allergies}: recorded after it was prescribed, not reviewed by the prescriber"),
                line=line, allergies=", ".join(unreviewed))
        if order.awaiting_since is not None:
            line = message(lang, QT_TRANSLATE_NOOP(
                "messages", "{line} — telephone order from {prescriber}, not countersigned yet"), line=line,
                prescriber=order.prescriber or "—")
        if (on := patches.get(order.record_id)) is not None:  # the receiving nurse takes that one off next
            line = message(lang, QT_TRANSLATE_NOOP("messages", "{line} — patch on: {site} since {time}"), line=line,
                           site=on.site or message(lang, QT_TRANSLATE_NOOP("messages", "site not recorded")),
                           time=f"{on.at.astimezone():%d/%m/%Y %H:%M}")
        return line

    treatments: list[tuple[str, str]] = []
    in_force: list[medication.Order] = []  # the orders the letter gives as treatments
    taken_down: list[str] = []  # a discharge's syringe drivers taken down, said with its stopped lines
    stay = census.locations(session.db, at=now, patient_ids=[patient_id]).get(patient_id) if letter else None
    stopped_in_hospital = [order for order in running if stay is not None and order.stop_at is not None
                           and max(order.start_at, stay.admitted_at) < order.stop_at <= now]
    past = {} if stay is None else _past_their_round(session, patient_id, stay.admitted_at, now)
    # Each order's doses with nothing recorded that a letter says, oldest first: those past their
    # round, and a time-critical order's within it too (late), none twice.
    within = [(order.record_id, cell.slot) for order, cell in missed
              if letter and cell.state in medication.NOT_RECORDED]
    unrecorded = {order_id: sorted({*past.get(order_id, ()), *(slot for one, slot in within if one == order_id)})
                  for order_id in {*past, *(one for one, _ in within)}}
    for order in sorted(running, key=lambda order: (order.start_at, order.drug)):
        last_dose = last.get(order.record_id)
        given = None if last_dose is None else last_dose.at
        stopped = order.stop_at is not None and order.stop_at <= max(now, order.start_at)
        # A once-only infusion with a rate runs on after it is started (a heparin syringe by
        # nomogram, started once): left off as a dose given, the receiving team never knew it ran.
        if stopped or order.frequency is Frequency.ONCE and given is not None and order.rate_ml_h is None:
            continue
        if order.frequency is Frequency.ONCE and last_dose is not None and (
                stop := infusion_rates.stop_of(bags.get(last_dose.record_id, []))) is not None and stop.at <= now:
            line = _stopped_line(order, order_form, stop.at, stop.reason, session.lang, now.tzinfo)
            if going_home:
                taken_down.append(line)
            else:
                treatments.append((line, line))
            continue
        in_force.append(order)
        flags = [flag for flag in medication.order_flags(order, session.lang, now, letter=letter)
                 if flag != telephone]
        # The time-critical doses of the last 12 hours missed (`missed_said`). A letter's line says
        # a once-only dose's, the latest not given and, none given, those with none recorded
        # (`handed`): not twice. Else a letter says a time-critical order's doses with nothing
        # recorded on one line after it, every one of the stay.
        on_line = not_given_since(order, given)
        late_doses = [missed_said(order, cell) for late, cell in missed
                      if late.record_id == order.record_id and not (letter and order.frequency is Frequency.ONCE)
                      and not (letter and cell.state in medication.NOT_RECORDED)
                      and not (on_line is not None and cell.administration is not None
                               and cell.administration.record_id == on_line.record_id)]
        if letter and order.time_critical and given is not None and (due := unrecorded.get(order.record_id)):
            late_doses.insert(0, _no_dose_recorded(medication.order_label(order, order_form, session.lang), due,
                                                   session.lang, now.tzinfo))
        # What the chart says beside the medicine (a witness, time-critical, a variable dose's
        # rule): the receiving team read "Insulin aspart up to 8 units SC", and nothing of the scale.
        full, short = (
            "\n".join([handed(order, last_dose, said, carried), *late_doses])
            for said, carried in ((medication.order_reading(order, order_form, session.lang, at=now, last_given=given),
                                   [*flags, *filter(None, [medication.rule_words(order, session.lang), order.indication
                                                           and WORDS["indication"][session.lang].format(
                                                               indication=order.indication)])]),
                                  (_short_reading(order, order_form, session.lang), flags)))
        treatments.append((full, short))
    for unit in transfusion.recent(transfusion.chart(session.db, patient_id), now, session.lang,
                                   None if stay is None else stay.admitted_at):
        line = message(session.lang, QT_TRANSLATE_NOOP("messages", "Blood transfusion: {unit} {state}"),
                       unit=unit.what(session.form(transfusion.FORM), session.lang),
                       state=unit.state(session.form(transfusion.END_FORM), session.lang))
        treatments.append((line, line))
    if not going_home:
        return [*treatments, *((line, line) for line in _reconciled_away(session, patient, in_force))]
    return [*((line, line) for line in _home_medicines(session, patient, in_force, stopped_in_hospital, now)),
            *(treatments if in_force else [(WORDS["no_order"][session.lang],) * 2, *treatments]),
            *((line, line) for line in [*taken_down, *_stopped_lines(session, in_force, stopped_in_hospital, now)])]


def _past_their_round(session: Session, patient_id: str, admitted_at: datetime,
                      now: datetime) -> dict[str, list[datetime]]:
    """Each order with a dose time of the stay the MAR reads past its round, by id, with those of
    them it reads as left unrecorded by this ward (overdue, fallen in a paper gap, or before the
    order's stop), oldest first: not one whose dose the EHR's chart holds (an order loaded from its
    snapshot, said past with none), nor one another order of the medicine gave a dose for
    (`medication.given_apart`, the time-critical list's rule: levodopa by mouth "no dose recorded"
    beside the NG order that gave it). A dose still in its round (upcoming, due or late) is one to
    give, "not given yet": read at 14:00, the 14:00 amoxicillin went on the letter as "no dose
    recorded: check the paper chart", and the GP doubted a dose that was never due before the
    patient left; one falling while the patient was out of hospital is none of the stay's."""
    first_day = admitted_at.astimezone(now.tzinfo).date()
    found: dict[str, list[datetime]] = {}
    rows = medication.mar_grid(session.db, patient_id, first_day, (now.date() - first_day).days + 1, now)
    for row in rows:
        apart = medication.given_apart(row.order, rows)
        for cell in row.cells:
            if cell.slot > now or cell.state in (DoseState.UPCOMING, DoseState.DUE, DoseState.LATE,
                                                 DoseState.NOT_IN_HOSPITAL):
                continue
            found.setdefault(row.order.record_id, []).extend(
                [cell.slot] if cell.state in (DoseState.OVERDUE, DoseState.CHECK_PAPER, DoseState.NOT_RECORDED)
                and cell.slot not in apart else [])
    return {order_id: sorted(slots) for order_id, slots in found.items()}


def _stopped_lines(session: Session, in_force: list[medication.Order], stopped: list[medication.Order],
                   now: datetime) -> list[str]:
    """Each medicine an order of the stay stopped in hospital gave, and no order in force gives,
    said stopped (its latest order's stop, with the reason it was written with: medication.why_stopped),
    the latest stopped first. Listed after the orders in force, so a list cut to its box cuts
    these (140 orders rewritten over a fortnight pushed the insulin and the antiepileptic in
    force off the letter), and one a medicine: rewritten at a new dose, it goes on (its order in
    force says it), and seven versions stopped are one medicine's."""
    order_form, lang = session.form(medication.ORDER_FORM), session.lang
    given = {name for order in in_force for name in medicines_in(order.drug)}
    latest: list[medication.Order] = []
    for order in sorted(stopped, key=lambda order: (order.stop_at, order.start_at), reverse=True):
        if not medicines_in(order.drug) <= given:
            latest.append(order)
            given |= medicines_in(order.drug)
    why_stopped = medication.why_stopped(session.db, [order.record_id for order in latest])
    return [_stopped_line(order, order_form, order.stop_at, why_stopped.get(order.record_id), lang, now.tzinfo)
            for order in latest]


def _reconciled_away(session: Session, patient: PatientSummary, in_force: list[medication.Order]) -> list[str]:
    """Each medicine taken at home that the stay's medicines reconciliation held or stopped, with
    why and until when, that no order in force gives: a move's or a transfer's handover lists the
    orders in force, and said nothing of the apixaban held for melaena, which the receiving team
    restarted from the patient's own list (NICE NG5 1.2: the changes to medicines, with why, go
    with every transfer of care). The going-home letter says them among the home medicines it asks
    of (`_home_medicines`)."""
    decided, lines = _home_lines(session, patient)
    return [WORDS["home_reconciled"][session.lang].format(medicine=home_medicines.as_taken(line.text), decided=held)
            for line in lines if (held := _held_said(line, decided, session.lang)) is not None
            and not any(line.names <= home_medicines.named(order.drug) for order in in_force)]


def _home_lines(session: Session,
                patient: PatientSummary) -> tuple[dict[str, reconciliation.Decision], list[home_medicines.HomeLine]]:
    """The stay's standing reconciliation decisions, by home line as typed, and the home lines:
    the admission's, then those the reconciliation decided that it does not list
    (`reconciliation.unlisted`)."""
    decided = reconciliation.standing(session.db, [patient]).get(patient.patient_id, {})
    listed = home_medicines.of_admission(session.db, patient)
    return decided, [*listed, *reconciliation.unlisted(decided, listed)]


def _held_said(line: home_medicines.HomeLine, decided: dict[str, reconciliation.Decision], lang: Lang) -> str | None:
    """The reconciliation's hold or stop of `line`, with why and until when; None for none, or a
    decision its order says (continued, changed)."""
    return decided[line.text].said(lang) if line.text in decided else None


def _home_medicines(session: Session, patient: PatientSummary, in_force: list[medication.Order],
                    stopped: list[medication.Order], now: datetime) -> list[str]:
    """Each medicine the stay's admission says was taken at home (one a line, as typed), then each
    one the stay's medicines reconciliation decided beside them (`reconciliation.unlisted`: the GP
    read "None: no medicine in force" for a patient on apixaban held for anaemia), that no order
    in force gives as it was taken, asking whether it goes on (ending in leaving's blank,
    asked of before the save): a home apixaban never charted in hospital went home unmentioned,
    and the GP never knew whether to restart it. A line is left to its order's own line only
    when one order in force gives every medicine it names (see `medicines_in`: co-codamol is
    codeine too, which a paracetamol order does not give), at the dose it says if it says one in
    a unit the order's compares with, and as often, as required or not and modified release or not
    as it says (`home_medicines.taken_as_ordered`: apixaban 5 mg at home, 2.5 mg in hospital);
    otherwise asked, each up to when it was last taken (`home_medicines.as_taken`: the admission's
    "last today 08:00" went on the letter days later), saying why: a dose changed, several
    medicines no one order gives (a list on one line, its doses not told apart, or a combination),
    only stopped in hospital (apixaban held for an endoscopy), held or stopped by the stay's medicines reconciliation (with why and until
    when: `reconciliation.Decision.said`), or never charted. The line and the order are named alike
    (`home_medicines.named`: "Folic acid 5 mg od" and an order "Folic acid 5mg tablets"); one saying
    there is none ("Nil.") or that the list is unknown or elsewhere ("See GP list"), or a heading
    ("Traitement habituel :"), is no medicine (`home_medicines.home_lines`). A list not known
    (`home_medicines.not_recorded`: the admission's left blank, or said unknown or elsewhere, and
    no reconciliation got it) is asked to be listed, unknown, not none: "None: no medicine in
    force" over it read to the GP as a patient on no medicine. Listed first: a list cut to its box
    keeps them."""
    lang, asked = session.lang, leaving.WORDS["continue_or_stop"][session.lang]
    decided, lines = _home_lines(session, patient)
    said = ([WORDS["home_unrecorded"][lang].format(asked=asked)]
            if home_medicines.not_recorded(session.db, patient, now) else [])
    for line in lines:
        giving = [order for order in in_force if line.names <= home_medicines.named(order.drug)]
        if any(home_medicines.taken_as_ordered(line.text, order) for order in giving):
            continue
        taken = home_medicines.as_taken(line.text)  # "last today 08:00" read a day on
        if not giving and (held := _held_said(line, decided, lang)) is not None:
            said.append(WORDS["home_decided"][lang].format(medicine=taken, decided=held, asked=asked))
            continue
        stopped_only = any(line.names <= home_medicines.named(order.drug) for order in stopped)
        said.append(WORDS["home_dose_changed" if giving else "home_several" if len(line.names) > 1 else "home_stopped"
                          if stopped_only else "home_medicine"][lang].format(medicine=taken, asked=asked))
    return said

