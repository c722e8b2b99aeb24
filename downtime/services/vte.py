"""A patient's venous thromboembolism risk assessments (domain.vte): those of this stay, and the
in-patients 16 or over not assessed 14 hours after they came in. Said on the handover sheet: the
reminder (services.since_admission), the decisions the nurses act on that the medication chart
does not show (stockings or compression to put on; no prophylaxis for the bleeding risk), and
what they ask: a medicine decided that no anticoagulant order on the chart gives, an anticoagulant
at treatment dose decided that none gives, an anticoagulant on the chart against a decision of no
prophylaxis for the bleeding risk, stockings after an acute stroke or with another reason against
them, a reassessment due. The escalation list
says all of it (`escalation`). Never stored: worked out from the standing records."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

from sqlite_utils import Database

from downtime.domain.clock import ward_day, ward_time
from downtime.domain import elapsed
from downtime.domain.age import age_in_years
from downtime.domain.anticoagulation import prophylactic
from downtime.domain.census import StayStatus
from downtime.domain.medication import Check, Order, Warning, anticoagulant, in_force
from downtime.domain.records import RecordVersion
from downtime.domain.vte import (ADULTS_FROM_YEARS, AGAINST_STOCKINGS, ALREADY_ANTICOAGULATED, BLEEDING_REASON,
                                 BLEEDING_RISKS, DEVICE, FIRST_WITHIN, MECHANICAL, MEDICINE, STOCKINGS,
                                 WITHOUT_PROPHYLAXIS_FOR_BLEEDING, Reassess, medicine_against_bleeding, reassess_by,
                                 reassessment_due, stockings_ruled_out)
from downtime.formspec import FormSpec, Lang
from downtime.formspec.messages import message as field_message
from downtime.formspec.values import FieldError, format_value
from downtime.i18n import QT_TRANSLATE_NOOP, labelled, message, mid_line, semicolon
from downtime.services import census, medication, observations, records
from downtime.services.bedside import Chart, first_due, ordered
from downtime.services.context import Session
from downtime.services.errors import ValidationFailed
from downtime.services.patients import PatientSummary

FORM = "vte_assessment"
WORDS = {
    "assessed": {"en": "VTE risk assessed {time}: {decision}",
                 "fr": "Risque thromboembolique évalué le {time} : {decision}"},
    "device_unknown": {"en": "device not recorded", "fr": "dispositif non précisé"},
    "none": {"en": "VTE risk: not assessed yet", "fr": "Risque thromboembolique : pas encore évalué"},
    "not_assessed": {"en": "VTE risk not assessed during this stay",
                     "fr": "Risque thromboembolique non évalué pendant ce séjour"},
    "never": {"en": "VTE RISK NOT ASSESSED since admission on {admitted}: ask the doctor (NICE NG89, within 14 hours)",
              "fr": "RISQUE THROMBOEMBOLIQUE NON ÉVALUÉ depuis l’admission le {admitted} : demander au médecin "
                    "(NICE NG89, dans les 14 heures)"},
    "not_prescribed": {"en": "VTE PROPHYLAXIS DECIDED {time}, NOT ON THE MEDICATION CHART: ask the doctor to "
                             "prescribe it",
                       "fr": "PROPHYLAXIE THROMBOEMBOLIQUE DÉCIDÉE le {time}, ABSENTE DU PLAN D’ADMINISTRATION : "
                             "demander au médecin de la prescrire"},
    "not_anticoagulated": {
        "en": "VTE: NONE DECIDED {time} AS ANTICOAGULATED AT TREATMENT DOSE, NO ANTICOAGULANT ON THE MEDICATION CHART "
              "(neither treatment nor prophylaxis): ask the doctor",
        "fr": "THROMBOEMBOLIE : AUCUNE PROPHYLAXIE DÉCIDÉE le {time}, PATIENT ANTICOAGULÉ À DOSE CURATIVE, AUCUN "
              "ANTICOAGULANT SUR LE PLAN D’ADMINISTRATION (ni traitement ni prophylaxie) : demander au médecin"},
    "prophylactic_only": {
        "en": "VTE: TREATMENT DOSE DECIDED {time}, ONLY A PROPHYLACTIC DOSE ON THE MEDICATION CHART ({drugs}): ask the "
              "doctor",
        "fr": "THROMBOEMBOLIE : DOSE CURATIVE DÉCIDÉE le {time}, SEULEMENT UNE DOSE PRÉVENTIVE SUR LE PLAN "
              "D’ADMINISTRATION ({drugs}) : demander au médecin"},
    "against_decision": {
        "en": "{drugs} ON THE MEDICATION CHART AGAINST THE VTE DECISION OF {time} ({decision}): ask the doctor",
        "fr": "{drugs} SUR LE PLAN D’ADMINISTRATION CONTRE LA DÉCISION THROMBOEMBOLIQUE DU {time} ({decision}) : "
              "demander au médecin"},
    "no_stockings": {"en": "NO ANTI-EMBOLISM STOCKINGS (NICE NG89: {reasons}): ask the doctor for intermittent "
                           "pneumatic compression or another decision",
                     "fr": "PAS DE BAS ANTI-THROMBOSE (NICE NG89 : {reasons}) : demander au médecin une compression "
                           "pneumatique intermittente ou une autre décision"},
    Reassess.AFTER_ADMISSION: {
        "en": "VTE REASSESSMENT DUE: assessed on admission only ({time}), to reassess within 24 hours of admission: "
              "ask the doctor",
        "fr": "RÉÉVALUATION DU RISQUE THROMBOEMBOLIQUE À FAIRE : évalué à l’admission seulement (le {time}), à "
              "réévaluer dans les 24 heures suivant l’admission : demander au médecin"},
    Reassess.AFTER_OPERATION: {
        "en": "VTE REASSESSMENT DUE: operation done {operated}, after the latest assessment ({time}): ask the doctor",
        "fr": "RÉÉVALUATION DU RISQUE THROMBOEMBOLIQUE À FAIRE : intervention réalisée le {operated}, après la "
              "dernière évaluation (le {time}) : demander au médecin"},
}
STOCKINGS_RULED_OUT = QT_TRANSLATE_NOOP(
    "messages", "“{field}”: no anti-embolism stockings with what is ticked (NICE NG89: {reasons}): choose "
                "intermittent pneumatic compression, or another decision.")
MEDICINE_WITH_BLEEDING = QT_TRANSLATE_NOOP(
    "messages", "“{field}” is required: a medicine is decided with {risks} ticked. Say why (kept in the record), or "
                "choose another decision.")
GIVEN_AGAINST = QT_TRANSLATE_NOOP(
    "messages", "{drug}: the VTE decision of {time} is {decision}: ask the doctor before giving it.")
PRESCRIBED_AGAINST = QT_TRANSLATE_NOOP(
    "messages", "An anticoagulant against the VTE decision of {time}: {decision}. Ask the doctor who decided it "
                "before prescribing it.")



def decided(spec: FormSpec, answers: Mapping[str, Any], lang: Lang) -> str:
    """The prophylaxis decided in words, with the mechanical prophylaxis named: "Mechanical,
    anti-embolism stockings"; "device not recorded" of a version 1 assessment, which named none."""
    decision = format_value(spec.field("prophylaxis"), answers["prophylaxis"], lang)
    if answers["prophylaxis"] not in MECHANICAL:
        return decision
    device = answers.get(DEVICE)
    named = WORDS["device_unknown"][lang] if not device else mid_line(format_value(spec.field(DEVICE), device, lang))
    return f"{decision}, {named}"


def ticked(spec: FormSpec, field: str, codes: Sequence[str], lang: Lang) -> str:
    """Options of a multiple choice ticked, said mid-line: "active bleeding, platelets under 75 × 10⁹/L"."""
    return ", ".join(mid_line(format_value(spec.field(field), [code], lang)) for code in codes)


def ruled_out(spec: FormSpec, answers: Mapping[str, Any], lang: Lang) -> str:
    """What rules out the stockings a decision gives (domain.vte.stockings_ruled_out) as ticked:
    "acute stroke; severe leg oedema"; "" when nothing does."""
    return semicolon(lang).join(mid_line(format_value(spec.field(name), [code], lang))
                                for name, code in stockings_ruled_out(answers))


@dataclass(frozen=True)
class Assessed:
    record: RecordVersion
    assessed_at: datetime

    def text(self, spec: FormSpec, lang: Lang, tz: tzinfo | None) -> str:
        """"VTE risk assessed 28/11 10:00: Mechanical, intermittent pneumatic compression (IPC)"."""
        return WORDS["assessed"][lang].format(time=ward_time(self.assessed_at, tz), decision=decided(
            spec, self.record.data, lang))

    @property
    def for_the_nurses(self) -> bool:
        """A decision the handover sheet says: stockings or compression, or none for the bleeding risk."""
        decision = self.record.data["prophylaxis"]
        return decision in MECHANICAL or decision == WITHOUT_PROPHYLAXIS_FOR_BLEEDING


def assessed(record: RecordVersion) -> Assessed:
    return Assessed(record, datetime.fromisoformat(record.data["assessed_at"]))


CHART = Chart(FORM, ordered(assessed, lambda one: one.assessed_at))
"""Each patient's assessments of this stay, oldest first."""
# The latest assessment of each of these patients who has one.
latest = CHART.latest
# When each of these patients' latest operation done this stay took place.
_operated = Chart(records.DONE_FORM, ordered(lambda record: record.occurred_at, lambda done_at: done_at)).latest


def _left_out(field: str, wanted: bool, data: Mapping[str, Any], before: Mapping[str, Any] | None,
              wanted_before: bool) -> bool:
    """Whether an answer `wanted` is missing where it is asked: of a new record (`before` None), or
    of an amendment taking it away or making it wanted; a record of a version that did not ask it
    is corrected without it, no one having been asked then."""
    return wanted and not data.get(field) and (before is None or bool(before.get(field)) or not wanted_before)


def check(spec: FormSpec, data: Mapping[str, Any], lang: Lang, before: Mapping[str, Any] | None = None) -> None:
    """Refuse a new decision of mechanical prophylaxis naming no device (the nurses were left to
    choose), and a medicine decided with one of the absolute bleeding risks ticked without the
    doctor's reason (accepted without a word: domain.vte.medicine_against_bleeding); an amendment
    as a new record when it takes either away or makes it asked (see `_left_out`). Refuse
    anti-embolism stockings for someone admitted with an acute stroke or with a reason against them
    ticked, whenever typed."""
    label = spec.field(DEVICE).label.get(lang)
    if _left_out(DEVICE, data.get("prophylaxis") in MECHANICAL, data, before,
                 before is not None and before.get("prophylaxis") in MECHANICAL):
        raise ValidationFailed([FieldError(DEVICE, field_message("required", lang, label))])
    if data.get(DEVICE) == STOCKINGS and (reasons := ruled_out(spec, data, lang)):
        raise ValidationFailed([FieldError(DEVICE, message(lang, STOCKINGS_RULED_OUT, field=label, reasons=reasons))])
    risks = medicine_against_bleeding(data)
    if _left_out(BLEEDING_REASON, bool(risks), data, before,
                 before is not None and bool(medicine_against_bleeding(before))):
        raise ValidationFailed([FieldError(BLEEDING_REASON, message(
            lang, MEDICINE_WITH_BLEEDING, field=spec.field(BLEEDING_REASON).label.get(lang),
            risks=ticked(spec, BLEEDING_RISKS, risks, lang)))])


def _prescribed(orders: Sequence[Order], at: datetime) -> list[Order]:
    """The anticoagulant orders of these standing on the patient's medication chart at `at`."""
    return [order for order in orders if anticoagulant(order.drug) and in_force(order, at)]


def _drugs(orders: Sequence[Order]) -> list[str]:
    """The medicines of these orders, as written, each once."""
    return list(dict.fromkeys(order.drug for order in orders))


CHART_READ = MEDICINE | {ALREADY_ANTICOAGULATED, WITHOUT_PROPHYLAXIS_FOR_BLEEDING}
"""The decisions the medication chart is read for: a medicine or the patient's own anticoagulant
that the chart should give, no prophylaxis for the bleeding risk that it should not."""


@dataclass(frozen=True)
class Vte:
    """What is known of a patient's VTE risk at a moment: their assessments of this stay, oldest
    first; when their latest operation of this stay was done; and the anticoagulants on the chart
    (`_prescribed`), read for a latest decision of `CHART_READ` only (none for another)."""

    assessments: list[Assessed]
    operated_at: datetime | None
    prescribed: list[Order]

    @property
    def anticoagulants(self) -> list[str]:
        """The medicines of the anticoagulants on the chart, as written, each once."""
        return _drugs(self.prescribed)

    @property
    def only_prophylactic(self) -> list[str]:
        """The anticoagulants on the chart, dose and unit, when every one is plainly at a prophylactic
        dose (domain.anticoagulation.prophylactic): a decision of treatment dose was met by the
        enoxaparin 40 mg daily of a patient with a pulmonary embolism. Empty otherwise."""
        if not all(prophylactic(order) for order in self.prescribed):
            return []
        return list(dict.fromkeys(f"{' '.join(order.drug.split())} {order.dose:g} {order.dose_unit}"
                                  for order in self.prescribed))

    @property
    def found(self) -> Assessed | None:
        return self.assessments[-1] if self.assessments else None

    @property
    def decision(self) -> str | None:
        return None if self.found is None else self.found.record.data["prophylaxis"]


def read(db: Database, patients: Sequence[PatientSummary], at: datetime) -> dict[str, Vte]:
    """Each of these patients' assessments, operation and anticoagulants prescribed at `at`."""
    found = CHART.of_each(db, [patient.patient_id for patient in patients])
    operated = _operated(db, list(found))
    read_for = [patient_id for patient_id, assessments in found.items()
                if assessments and assessments[-1].record.data["prophylaxis"] in CHART_READ]
    charted = medication.orders_of_each(db, read_for, at) if read_for else {}
    return {patient.patient_id: Vte(found.get(patient.patient_id, []), operated.get(patient.patient_id),
                                    _prescribed(charted.get(patient.patient_id, []), at))
            for patient in patients}


def _against(spec: FormSpec, found: Assessed, lang: Lang, tz: tzinfo | None) -> dict[str, str]:
    """A decision of no prophylaxis for the bleeding risk in words, for what goes against it:
    its time, and the decision with the bleeding risks ticked."""
    risks = found.record.data.get(BLEEDING_RISKS) or []
    said = [decided(spec, found.record.data, lang), *([ticked(spec, BLEEDING_RISKS, risks, lang)] if risks else [])]
    return {"time": ward_time(found.assessed_at, tz), "decision": semicolon(lang).join(said)}


def prescribed_against(session: Session, patient_id: str, values: Mapping[str, Any],
                       before: Mapping[str, Any] | None = None) -> str | None:
    """What to ask the prescriber before an anticoagulant order is saved (None: nothing) when the
    patient's latest assessment decided no prophylaxis, the bleeding risk outweighing it: the
    routine enoxaparin was written by another doctor with nothing said. An amendment is asked only
    when it makes the order an anticoagulant."""
    drug = str(values.get("drug") or "")
    if not anticoagulant(drug) or (before is not None and anticoagulant(str(before.get("drug") or ""))):
        return None
    found = latest(session.db, [patient_id]).get(patient_id)
    if found is None or found.record.data["prophylaxis"] != WITHOUT_PROPHYLAXIS_FOR_BLEEDING:
        return None
    return message(session.lang, PRESCRIBED_AGAINST,
                   **_against(session.form(FORM), found, session.lang, session.clock().tzinfo))


def given_against(session: Session, found: Order, at: datetime) -> list[Warning]:
    """What a dose of an anticoagulant `found` given at `at` asks (none: nothing) when the patient's
    latest assessment by then decided no prophylaxis, the bleeding risk outweighing it: the
    escalation list said so of the enoxaparin still on the chart after a GI bleed, and the dose
    dialog gave it at 20:00 with nothing said."""
    if not anticoagulant(found.drug):
        return []
    standing = [one for one in CHART.of(session.db, found.patient_id)
                if elapsed.instant(one.assessed_at) <= elapsed.instant(at)]
    if not standing or standing[-1].record.data["prophylaxis"] != WITHOUT_PROPHYLAXIS_FOR_BLEEDING:
        return []
    return [Warning(Check.AGAINST_VTE_DECISION, GIVEN_AGAINST, {
        "drug": " ".join(found.drug.split()), **_against(session.form(FORM), standing[-1], session.lang, at.tzinfo)})]


def _asked_of(patient: PatientSummary, at: datetime) -> bool:
    """An in-patient 16 or over, or of unknown age: the tool is the adults'; nothing is asked of
    a patient who has left."""
    return patient.stay in (None, StayStatus.IN) and (
        patient.birth_date is None or age_in_years(patient.birth_date, ward_day(at)) >= ADULTS_FROM_YEARS)


def unassessed(found: Assessed | None, patient: PatientSummary, at: datetime) -> bool:
    """Whether an in-patient is never assessed this stay 14 hours after they came in (never of a patient
    under 16, whose date of birth says so, nor of one who has left): said on the handover sheet
    with the screenings not done since admission (services.since_admission)."""
    first = first_due(patient, FIRST_WITHIN) if found is None else None
    return elapsed.reached(first, at) and _asked_of(patient, at)


def _admitted(patient: PatientSummary) -> datetime | None:
    """When the patient came in, as the reminders count from it; None for one admitted under the
    EHR, whose own assessment the ward cannot see (see `bedside.first_due`)."""
    return None if first_due(patient, FIRST_WITHIN) is None else datetime.fromisoformat(patient.admitted_at)


def asks(known: Vte, spec: FormSpec, patient: PatientSummary, at: datetime, lang: Lang) -> list[str]:
    """What an in-patient's assessments (of the form `spec`) ask at `at`: stockings ruled out (an
    acute stroke, a reason against them), a medicine decided and not prescribed, a reassessment
    due (the assessment never made is said with the screenings not done since admission:
    services.since_admission)."""
    found = known.found
    if found is None or not _asked_of(patient, at):
        return []
    tz, said = at.tzinfo, []
    if reasons := ruled_out(spec, found.record.data, lang):
        said.append(WORDS["no_stockings"][lang].format(reasons=reasons))
    if known.decision in MEDICINE and not known.anticoagulants:
        said.append(WORDS["not_prescribed"][lang].format(time=ward_time(found.assessed_at, tz)))
    if known.decision == ALREADY_ANTICOAGULATED and not known.anticoagulants:
        said.append(WORDS["not_anticoagulated"][lang].format(time=ward_time(found.assessed_at, tz)))
    elif known.decision == ALREADY_ANTICOAGULATED and (prophylactic_only := known.only_prophylactic):
        said.append(WORDS["prophylactic_only"][lang].format(time=ward_time(found.assessed_at, tz),
                                                            drugs=", ".join(prophylactic_only)))
    if known.decision == WITHOUT_PROPHYLAXIS_FOR_BLEEDING and known.anticoagulants:
        said.append(WORDS["against_decision"][lang].format(drugs=", ".join(known.anticoagulants).upper(),
                                                           **_against(spec, found, lang, tz)))
    why = reassessment_due(_admitted(patient), [one.assessed_at for one in known.assessments], known.operated_at, at)
    if why is not None:
        operated = "" if known.operated_at is None else ward_time(known.operated_at, tz)
        said.append(WORDS[why][lang].format(time=ward_time(found.assessed_at, tz), operated=operated))
    return said


def handover(db: Database, forms: Mapping[str, FormSpec], patients: Sequence[PatientSummary], at: datetime,
             lang: Lang) -> dict[str, str]:
    """What the handover sheet says at `at` of each of these in-patients' VTE risk: an assessment
    whose decision is the nurses' to act on, and what their assessments ask (one not made is said
    with the screenings not done since admission: services.since_admission), nothing asked of a
    patient on comfort care, as on the escalation list (the sheet asked the doctor to prescribe
    the enoxaparin decided before for a dying patient)."""
    known = read(db, patients, at)
    comfort = observations.comfort_care(db, patients, at)
    lines: dict[str, str] = {}
    for patient in patients:
        found = known[patient.patient_id].found
        shown = [found.text(forms[FORM], lang, at.tzinfo)] if found is not None and found.for_the_nurses else []
        asked = [] if patient.patient_id in comfort else asks(known[patient.patient_id], forms[FORM], patient, at, lang)
        if said := [*shown, *asked]:
            lines[patient.patient_id] = semicolon(lang).join(said)
    return lines


@dataclass(frozen=True)
class Escalation:
    """What the escalation list says of patients' VTE risk at a moment."""

    asking: dict[str, tuple[str, list[str]]]
    """Each patient asking something: their latest assessment in words (or not assessed yet), and
    what it asks."""
    next_change: datetime | None
    """When what they ask next changes with time alone (14 hours or a day since one came in)."""


def escalation(db: Database, forms: Mapping[str, FormSpec], patients: Sequence[PatientSummary], at: datetime,
               lang: Lang) -> Escalation:
    """What the escalation list says at `at` of these in-patients' VTE risk: an assessment never
    made 14 hours after they came in, and what their assessments ask (`asks`). On paper the
    reminder was on the handover sheet alone, printed once a shift. Nothing of a patient on comfort
    care (observations.plans), as of the sepsis prompt: NICE NG89 asks no assessment at the end of
    life, and "VTE RISK NOT ASSESSED" was the only alert of a dying patient, and came back as
    "reassessment due"."""
    known = read(db, patients, at)
    asking: dict[str, tuple[str, list[str]]] = {}
    coming: list[datetime] = []
    comfort = observations.comfort_care(db, patients, at)
    for patient in (patient for patient in patients if patient.patient_id not in comfort):
        one = known[patient.patient_id]
        if one.found is None and unassessed(None, patient, at):
            admitted = ward_time(datetime.fromisoformat(patient.admitted_at), at.tzinfo)
            asking[patient.patient_id] = (WORDS["none"][lang], [WORDS["never"][lang].format(admitted=admitted)])
        elif one.found is not None and (said := asks(one, forms[FORM], patient, at, lang)):
            asking[patient.patient_id] = (one.found.text(forms[FORM], lang, at.tzinfo), said)
        due = _next_change(one, patient)
        if due is not None and not elapsed.reached(due, at) and _asked_of(patient, at):
            coming.append(due)
    return Escalation(asking, min(coming, key=elapsed.instant, default=None))


def _next_change(known: Vte, patient: PatientSummary) -> datetime | None:
    """When the patient's assessment falls due, or their admission's reassessment."""
    if known.found is None:
        return first_due(patient, FIRST_WITHIN)
    admitted = _admitted(patient)
    return None if admitted is None else reassess_by(admitted, [one.assessed_at for one in known.assessments])


# The doctor's reason for a medicine despite a bleeding risk, in a letter whose box the whole
# reason does not fit (`handed_on`'s short line): cut to this many characters, ending "…".
REASON_SHORT = 120


def handed_on(db: Database, forms: Mapping[str, FormSpec], patient_id: str, at: datetime,
              lang: Lang) -> list[tuple[str, str]]:
    """What a letter handing the patient on (a move, a transfer out, a discharge) says of their VTE
    risk: their latest decision this stay in words, with the bleeding risks and the reasons
    against stockings ticked and the reason for a medicine despite a bleeding risk. Without it the
    receiving team read compression with no enoxaparin as an omission, and prescribed it or took
    the compression off. Never assessed, that it was not, of a patient the ward asks it of
    (`_not_assessed`): the box printed "—", which the GP could not tell from one left blank, and
    NICE NG89 asks the discharge to say whether prophylaxis goes on. Each a line (in full, short)
    for prefill's fitting, the decision first, the reason's short line cut: said as one line, a long
    one (five bleeding risks and a 300-character reason) was too long for the box and replaced
    whole by "… and 1 more: see the records", the decision with it."""
    found = latest(db, [patient_id]).get(patient_id)
    if found is None:
        said = WORDS["not_assessed"][lang]
        return [(said, said)] if _not_assessed(db, forms, patient_id, at) else []
    spec, data = forms[FORM], found.record.data
    decision = found.text(spec, lang, at.tzinfo)
    lines = [(decision, decision)]
    for name in (BLEEDING_RISKS, AGAINST_STOCKINGS):
        if data.get(name):
            line = labelled(spec.field(name).label.get(lang), ticked(spec, name, data[name], lang), lang)
            lines.append((line, line))
    if reason := str(data.get(BLEEDING_REASON) or ""):
        label = spec.field(BLEEDING_REASON).label.get(lang)
        cut = reason if len(reason) <= REASON_SHORT else reason[:REASON_SHORT - 1].rstrip() + "…"
        lines.append((labelled(label, reason, lang), labelled(label, cut, lang)))
    return lines


def _not_assessed(db: Database, forms: Mapping[str, FormSpec], patient_id: str, at: datetime) -> bool:
    """Whether a patient with no assessment this stay is one it is asked of: an adult (or of
    unknown age) admitted on the ward's laptop, not under the EHR (`bedside.first_due`), whose plan
    at `at` is not comfort care (`escalation`: no assessment is asked at the end of life)."""
    patient = census.patient_with_location(db, dict(forms), patient_id)
    return (first_due(patient, FIRST_WITHIN) is not None and _asked_of(patient, at)
            and not observations.comfort_care(db, [patient], at))


def never_assessed(db: Database, patients: Sequence[PatientSummary], at: datetime) -> set[str]:
    """Those of these in-patients never assessed 14 hours after they came in, but those on comfort
    care (observations.comfort_care): the handover sheet asked it of a dying patient the escalation list did not."""
    found = latest(db, [patient.patient_id for patient in patients])
    comfort = observations.comfort_care(db, patients, at)
    return {patient.patient_id for patient in patients
            if patient.patient_id not in comfort and unassessed(found.get(patient.patient_id), patient, at)}
