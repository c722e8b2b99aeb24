"""Multifactorial falls-risk assessments (forms/falls_risk.yaml, domain.falls_risk), said where the
nurse in charge looks. An in-patient 65 or over not assessed `DUE_WITHIN` after admission is said
on the handover sheet with the other screenings not done since admission (`never_assessed`,
services.since_admission), as the 4AT and MUST are: one more escalation row per elderly patient
was a third of the list. The escalation list and the handover say one 50 or over not reassessed
`DUE_WITHIN` after a fall on the ward ("Falls-risk assessment OVERDUE since 29/11 13:40 (fell
28/11 13:40, 72 years)"), and a postural drop no doctor has reviewed the medicines and fluids for
("Postural drop at 3 min: systolic down 34, diastolic down 12 mmHg (28/11 13:00) — doctor to
review medicines and fluids"), until the review is recorded by amending the assessment. On paper
the lying and standing BP sat in the assessment booklet, and a drop of 30 mmHg was found by the
physiotherapist two days later. Never stored: read from the standing records."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.age import age_in_years
from downtime.domain.census import StayStatus
from downtime.domain.clock import ward_day, ward_time
from downtime.domain.falls_risk import (DUE_WITHIN, READINGS, SYSTOLIC_FLOOR, Drop, Due, asked_of,
                                        blood_pressure_missing, due, postural_drop, standing_when_unable,
                                        without_lying)
from downtime.domain.medication import written_when
from downtime.domain.records import RecordVersion
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import FieldError, format_value
from downtime.i18n import semicolon
from downtime.services import falls, observations
from downtime.services.bedside import Asking, Chart, Escalation, first_due, ordered
from downtime.services.context import Session
from downtime.services.errors import ValidationFailed
from downtime.services.patients import PatientSummary

FORM = "falls_risk"
WORDS = {
    "overdue": {"en": "Falls-risk assessment OVERDUE since {due} (fell {fell}, {age})",
                "fr": "Évaluation du risque de chute EN RETARD depuis {due} (chute {fell}, {age})"},
    "years": {"en": "{years} years", "fr": "{years} ans"},
    "age_unknown": {"en": "age not known", "fr": "âge inconnu"},
    "assess": {"en": "assess the falls risk, with lying and standing blood pressure (NICE NG249)",
               "fr": "évaluer le risque de chute, avec la pression artérielle couché et debout (NICE NG249)"},
    "drop": {"en": "Postural drop {where}: {fell} mmHg", "fr": "Hypotension orthostatique {where} : {fell} mmHg"},
    "standing_1": {"en": "at 1 min", "fr": "à 1 min"},
    "standing_3": {"en": "at 3 min", "fr": "à 3 min"},
    "sitting": {"en": "sitting", "fr": "assis"},
    "systolic": {"en": "systolic down {mmHg}", "fr": "systolique en baisse de {mmHg}"},
    "diastolic": {"en": "diastolic down {mmHg}", "fr": "diastolique en baisse de {mmHg}"},
    "floor": {"en": ", systolic now under {floor}", "fr": ", systolique désormais sous {floor}"},
    "symptoms": {"en": "Dizzy or light-headed on sitting up or standing",
                 "fr": "Vertiges ou tête qui tourne en s’asseyant ou en se levant"},
    "latest": {"en": "{what} ({time})", "fr": "{what} ({time})"},
    "review": {"en": "doctor to review medicines and fluids",
               "fr": "médecin à prévenir : réévaluer médicaments et hydratation"},
    "line": {"en": "{what} — {asks}", "fr": "{what} — {asks}"},
    "handed": {"en": "Falls-risk assessment {time}: {factors}",
               "fr": "Évaluation du risque de chute du {time} : {factors}"},
    "no_factor": {"en": "no factor found", "fr": "aucun facteur retrouvé"},
    "not_reviewed": {"en": "medicines and fluids not yet reviewed by a doctor",
                     "fr": "médicaments et hydratation pas encore réévalués par un médecin"},
    "reviewed": {"en": "medicines and fluids reviewed by {by} {day} {time}",
                 "fr": "médicaments et hydratation réévalués par {by} le {day} à {time}"},
    "colon": {"en": "{what}: {words}", "fr": "{what} : {words}"},
}
REFUSALS = {
    "no_bp": {"en": "“{label}”: record the lying and standing blood pressure, or tick “{unable}”, or say why it was "
                    "not measured (“{why}”).",
              "fr": "« {label} » : noter la pression artérielle couché et debout, ou cocher « {unable} », ou dire "
                    "pourquoi elle n’a pas été mesurée (« {why} »)."},
    "no_lying": {"en": "“{label}”: “{standing}” is measured against the lying reading: record the lying blood "
                       "pressure first.",
                 "fr": "« {label} » : « {standing} » se compare à la mesure couché : noter d’abord la pression "
                       "artérielle couché."},
    "unable": {"en": "“{label}”: the patient is recorded unable to stand: clear this reading, or untick “{unable}”.",
               "fr": "« {label} » : le patient est noté ne pouvant pas se lever : effacer cette mesure, ou décocher "
                     "« {unable} »."},
    "diastolic": {"en": "“{label}” ({diastolic}) is not below its systolic ({systolic}): check the reading.",
                  "fr": "« {label} » ({diastolic}) n’est pas inférieure à la systolique ({systolic}) : vérifier "
                        "la mesure."},
    "undecided": {"en": "“{label}”: say what the doctor decided about the medicines and fluids (stopped or "
                        "reduced, fluids, referred, or no change).",
                  "fr": "« {label} » : dire ce que le médecin a décidé pour les médicaments et l’hydratation "
                        "(arrêt ou baisse, hydratation, adressé, ou aucun changement)."},
    "no_change": {"en": "“{label}”: “{no_change}” is ticked with another decision: untick one.",
                  "fr": "« {label} » : « {no_change} » est coché avec une autre décision : en décocher une."},
}
PAIRS = ("lying", *READINGS)
"""The form's readings, each a `{pair}_systolic` and a `{pair}_diastolic`."""
MEASURED = ("lying_systolic", "standing_1_systolic", "standing_3_systolic", "unable_to_stand", "bp_not_measured")
"""What says whether the lying and standing blood pressure was taken (domain.blood_pressure_missing)."""
DECIDED = "medicines_review_outcome"
"""The doctor's decisions at the review (form version 2), each option ticked."""
NO_CHANGE = "no_change"
"""The decision that nothing changes: with another ticked, one of the two is wrong."""
DETAILS = {"stopped_or_reduced": "medicines_stopped_which", NO_CHANGE: "no_change_why"}
"""The decisions the form asks words of (which medicines, why no change), and the field holding
them: the letter says them beside their decision."""


def check(spec: FormSpec, data: Mapping[str, Any], lang: Lang, before: Mapping[str, Any] | None = None) -> None:
    """Refuse, naming the field: a standing reading with no lying one (a drop is measured from
    it); no lying and standing blood pressure with neither "Unable to stand" nor why it was not
    measured (the part most often missed, and an assessment without it cleared the ask); a
    standing reading on an assessment saying the patient cannot stand (one of the two is wrong,
    and the drop read from it would be); a diastolic not below its systolic (the two typed the
    wrong way round); the doctor's review recorded with no decision (`DECIDED`: "reviewed" told
    the next team nothing of the medicine the drop was put down to), or "No change" ticked with
    another. Each new record, and each amendment changing what it checks; the decision is asked
    of a review newly recorded or of its decision changed: a review kept under version 1, which
    asked no decision, is corrected as it was (the reviewer's name spelt right, its time)."""
    def changed(*field_ids: str) -> bool:
        return before is None or any(data.get(name) != before.get(name) for name in field_ids)

    def label(field_id: str) -> str:
        return spec.field(field_id).label.get(lang)

    errors = []
    if (standing := without_lying(data)) and changed("lying_systolic", *standing):
        errors.append(FieldError("lying_systolic", REFUSALS["no_lying"][lang].format(
            label=label("lying_systolic"), standing=label(standing[0]))))
    if not standing and (missing := blood_pressure_missing(data)) is not None and changed(*MEASURED):
        errors.append(FieldError(missing, REFUSALS["no_bp"][lang].format(
            label=label(missing), unable=label("unable_to_stand"), why=label("bp_not_measured"))))
    errors.extend(FieldError(field_id, REFUSALS["unable"][lang].format(label=label(field_id),
                                                                       unable=label("unable_to_stand")))
                  for field_id in standing_when_unable(data) if changed(field_id, "unable_to_stand"))
    for pair in PAIRS:
        systolic, diastolic = data.get(f"{pair}_systolic"), data.get(f"{pair}_diastolic")
        if (systolic is not None and diastolic is not None and diastolic >= systolic
                and changed(f"{pair}_systolic", f"{pair}_diastolic")):
            errors.append(FieldError(f"{pair}_diastolic", REFUSALS["diastolic"][lang].format(
                label=label(f"{pair}_diastolic"), diastolic=diastolic, systolic=systolic)))
    decided = data.get(DECIDED) or []
    newly_reviewed = not (before or {}).get("medicines_reviewed_by")
    if (data.get("medicines_reviewed_by") or "").strip() and not decided and (newly_reviewed or changed(DECIDED)):
        errors.append(FieldError(DECIDED, REFUSALS["undecided"][lang].format(label=label(DECIDED))))
    if NO_CHANGE in decided and len(decided) > 1 and changed(DECIDED):
        errors.append(FieldError(DECIDED, REFUSALS["no_change"][lang].format(
            label=label(DECIDED), no_change=format_value(spec.field(DECIDED), [NO_CHANGE], lang))))
    if errors:
        raise ValidationFailed(errors)


@dataclass(frozen=True)
class Assessed:
    """One assessment as the rules read it: when, and the postural drop its readings show."""

    record: RecordVersion
    assessed_at: datetime
    drop: Drop | None

    @property
    def says_the_drop(self) -> bool:
        """Whether it says whether the patient has a postural drop: a drop found (on readings or
        symptoms), or a lying reading with one read against it that found none. One unable to
        stand with no sitting reading, or with the blood pressure not measured, proves nothing of
        an earlier drop: reading the latest assessment alone cleared a review no doctor made."""
        data = self.record.data
        return self.drop is not None or (data.get("lying_systolic") is not None and any(
            data.get(f"{reading}_systolic") is not None for reading in READINGS))

    @property
    def review_awaited(self) -> bool:
        """A postural drop and no doctor's review of the medicines and fluids recorded yet."""
        return self.drop is not None and not (self.record.data.get("medicines_reviewed_by") or "").strip()

    def drop_text(self, lang: Lang) -> str:
        """"Postural drop at 3 min: systolic down 34, diastolic down 12 mmHg" (with ", systolic now
        under 90" when it fell there), naming only what fell: "25/-5" read as a diastolic drop; or
        the symptoms alone when no reading dropped."""
        drop = self.drop
        if drop is None or drop.reading is None or not drop.by_readings:
            return WORDS["symptoms"][lang]
        fell = ", ".join(WORDS[part][lang].format(mmHg=mmHg) for part, mmHg in (
            ("systolic", drop.systolic), ("diastolic", drop.diastolic)) if mmHg > 0)
        said = WORDS["drop"][lang].format(where=WORDS[drop.reading][lang], fell=fell)
        return said + (WORDS["floor"][lang].format(floor=SYSTOLIC_FLOOR) if drop.below_floor else "")

    def latest_text(self, lang: Lang, at: datetime) -> str:
        """The drop with the assessment's time, as the list's other "Latest" lines have theirs."""
        return WORDS["latest"][lang].format(what=self.drop_text(lang),
                                            time=written_when(self.assessed_at, at, at.tzinfo))


def assessed(record: RecordVersion) -> Assessed:
    return Assessed(record, datetime.fromisoformat(record.data["assessed_at"]), postural_drop(record.data))


def drop_said(assessments: Sequence[Assessed]) -> Assessed | None:
    """The latest of these assessments that says whether there is a postural drop
    (`Assessed.says_the_drop`): a later one that measured none stands for the drop before it, the
    readings then being the patient's; one that did not measure leaves it standing."""
    return next((one for one in reversed(assessments) if one.says_the_drop), None)


def _drop_awaiting_review(assessments: Sequence[Assessed]) -> Assessed | None:
    """The assessment whose postural drop awaits the doctor's review (`drop_said`, no review
    recorded on it)."""
    said = drop_said(assessments)
    return said if said is not None and said.review_awaited else None


CHART = Chart(FORM, ordered(assessed, lambda one: one.assessed_at))


@dataclass(frozen=True)
class _Read:
    """A patient's assessments this stay, and those asked of them not yet made (domain.due) that
    their age asks (at the time read) and their care plan does not rule out."""

    patient: PatientSummary
    assessments: list[Assessed]
    asked: list[Due]


def _read(db: Database, patients: Sequence[PatientSummary], at: datetime) -> list[_Read]:
    """Each of these patients in hospital, read at `at`. No assessment is asked of a patient on
    comfort care (as no VTE assessment is: services.vte), nor from the admission of one admitted
    under the EHR, whose own assessment the ward cannot see."""
    inside = [patient for patient in patients if patient.stay in (None, StayStatus.IN)]
    ids = [patient.patient_id for patient in inside]
    assessments, fallen = CHART.of_each(db, ids), falls.CHART.of_each(db, ids)
    comfort = observations.comfort_care(db, inside, at)
    found = []
    for patient in inside:
        mine = assessments.get(patient.patient_id, [])
        admitted = None if first_due(patient, DUE_WITHIN) is None else datetime.fromisoformat(patient.admitted_at)
        asked = [] if patient.patient_id in comfort else [
            one for one in due(admitted, [fall.fall.fell_at for fall in fallen.get(patient.patient_id, [])],
                               [made.assessed_at for made in mine])
            if asked_of(patient.birth_date, at.date(), one.after_fall)]
        found.append(_Read(patient, mine, asked))
    return found


def never_assessed(db: Database, patients: Sequence[PatientSummary], at: datetime) -> set[str]:
    """Those of these in-patients not assessed `DUE_WITHIN` after admission at `at`: said with
    the other screenings not done since admission (services.since_admission), a fall since
    or not."""
    return {one.patient.patient_id for one in _read(db, patients, at)
            if any(not asked.after_fall and elapsed.reached(asked.at, at) for asked in one.asked)}


def escalation(db: Database, patients: Sequence[PatientSummary], at: datetime, lang: Lang) -> Escalation[Asking]:
    """What these in-patients' falls risk asks of the escalation list at `at`: a reassessment
    overdue after a fall on the ward, and the postural drop awaiting the doctor's review
    (`_drop_awaiting_review`)."""
    asking: list[Asking] = []
    coming: list[datetime] = []
    for one in _read(db, patients, at):
        patient_id = one.patient.patient_id
        for asked in (asked for asked in one.asked if asked.after_fall):
            if elapsed.reached(asked.at, at):
                asking.append(Asking(patient_id, _overdue_text(one.patient, asked, at, lang), [WORDS["assess"][lang]]))
            else:
                coming.append(asked.at)
        if (dropped := _drop_awaiting_review(one.assessments)) is not None:
            asking.append(Asking(patient_id, dropped.latest_text(lang, at), [WORDS["review"][lang]]))
    return Escalation(asking, min(coming, key=elapsed.instant, default=None))


def _overdue_text(patient: PatientSummary, asked: Due, at: datetime, lang: Lang) -> str:
    """"Falls-risk assessment OVERDUE since 29/11 13:40 (fell 28/11 13:40, 72 years)": shown only
    once overdue, so said as overdue; the age now, as the rule counts it."""
    age = (WORDS["age_unknown"][lang] if patient.birth_date is None else WORDS["years"][lang].format(
        years=age_in_years(patient.birth_date, ward_day(at))))
    return WORDS["overdue"][lang].format(due=written_when(asked.at, at, at.tzinfo),
                                         fell=written_when(asked.since, at, at.tzinfo), age=age)


def handover(db: Database, patients: Sequence[PatientSummary], at: datetime, lang: Lang) -> dict[str, str]:
    """What the handover sheet says of each of these in-patients' falls risk: the escalation
    list's lines, each "what — what it asks"."""
    lines: dict[str, list[str]] = {}
    for one in escalation(db, patients, at, lang).asking:
        lines.setdefault(one.patient_id, []).append(WORDS["line"][lang].format(
            what=one.latest, asks=semicolon(lang).join(one.said)))
    return {patient_id: semicolon(lang).join(said) for patient_id, said in lines.items()}


def handed_on(db: Database, forms: Mapping[str, FormSpec], patient_id: str, at: datetime, lang: Lang) -> list[str]:
    """What a letter handing the patient on (transfer_out, discharge) says of their falls risk: the
    latest assessment of the stay by `at`, its time with its day and the factors found, and the
    postural drop of the latest that says whether there is one (`drop_said`, its
    own time when earlier), with the doctor's review of the medicines and fluids or that none is
    recorded. A symptomatic drop no doctor had reviewed left with a letter saying nothing of it,
    in a patient who had just fallen, and the next team never re-examined it. Nothing with no
    assessment."""
    made = [one for one in CHART.of(db, patient_id) if elapsed.instant(one.assessed_at) <= elapsed.instant(at)]
    if not made:
        return []
    latest, zone = made[-1], at.tzinfo
    factors = format_value(forms[FORM].field("factors"), latest.record.data.get("factors") or [], lang)
    said = [WORDS["handed"][lang].format(time=ward_time(latest.assessed_at, zone),
                                         factors=factors or WORDS["no_factor"][lang])]
    dropped = drop_said(made)
    if dropped is not None and dropped.drop is not None:
        data = dropped.record.data
        review = WORDS["not_reviewed"][lang] if dropped.review_awaited else _reviewed(forms[FORM], data, zone, lang)
        what = (dropped.drop_text(lang) if dropped is latest else WORDS["latest"][lang].format(
            what=dropped.drop_text(lang), time=ward_time(dropped.assessed_at, zone)))
        said.append(WORDS["line"][lang].format(what=what, asks=review))
    return [semicolon(lang).join(said)]


def _reviewed(spec: FormSpec, data: Mapping[str, Any], zone: tzinfo | None, lang: Lang) -> str:
    """"medicines and fluids reviewed by Dr Benali 28/11 13:50: Medicines stopped or reduced:
    amlodipine, Referred to the falls clinic": who, when and what they decided (`DECIDED`), a stop
    or no change with its words (`DETAILS`); a review of version 1, which asked no decision, who
    and when alone, as it was."""
    reviewed = datetime.fromisoformat(data["medicines_reviewed_at"])
    said = WORDS["reviewed"][lang].format(by=" ".join(data["medicines_reviewed_by"].split()),
                                          day=ward_time(reviewed, zone, "%d/%m"),
                                          time=ward_time(reviewed, zone, "%H:%M"))
    decided = []
    for code in data.get(DECIDED) or []:
        decision = format_value(spec.field(DECIDED), [code], lang)
        words = " ".join(str(data.get(DETAILS[code]) or "").split()) if code in DETAILS else ""
        decided.append(WORDS["colon"][lang].format(what=decision, words=words) if words else decision)
    return WORDS["colon"][lang].format(what=said, words=", ".join(decided)) if decided else said


def printed_beside(session: Session, record: RecordVersion, patient: PatientSummary | None) -> dict[str, str]:
    """What the printed assessment says beside its symptoms answer: the postural drop its readings
    show, and what it asks (printing.BESIDE): the paper gave six numbers and left the sums to
    the doctor reading it. Nothing when there is none."""
    found = assessed(record)
    if found.drop is None:
        return {}
    asks = WORDS["review"][session.lang] if found.review_awaited else ""
    return {"symptoms": WORDS["line"][session.lang].format(what=found.drop_text(session.lang), asks=asks)
            if asks else found.drop_text(session.lang)}


def to_open(db: Database, patient_id: str) -> RecordVersion | None:
    """The assessment to open from the escalation list: the one whose drop awaits the doctor's
    review (`_drop_awaiting_review`, recorded by amending it); else None, a new one to be made
    (`new_answers`): the assessment made before a fall, amended into the one after it, was
    replaced by it."""
    dropped = _drop_awaiting_review(CHART.of(db, patient_id))
    return None if dropped is None else dropped.record


def new_answers(db: Database, patient_id: str) -> dict[str, Any]:
    """What a new assessment opened from the escalation list starts from: why, "after a fall on
    the ward" when a fall since the latest assessment (or with none made) asks it."""
    made = [one.assessed_at for one in CHART.of(db, patient_id)]
    fell = [one.fall.fell_at for one in falls.CHART.of(db, patient_id)]
    return {"why": "after_fall"} if due(None, fell, made) else {}
