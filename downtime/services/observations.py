"""Bedside observations scored with NEWS2: each set's score and escalation band, a patient's
chart over time, and the ward's patients whose risk now needs someone told.

The score is never stored: it is worked out from the recorded values each time, so an amended
set is rescored and nobody can save a score that disagrees with its own readings."""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field as dataclass_field
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from pydantic import ValidationError
from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.clock import local_now, ward_day, ward_time
from downtime.domain.news2 import (
    NOT_APPLICABLE, PREGNANCY, Band, Consciousness, Monitoring, News2Score, ObservationSet, Spo2Scale, applies, score,
)
from downtime.domain.records import RecordStatus, RecordVersion, loaded_from_snapshot
from downtime.domain.roles import Role
from downtime.formspec import FormSpec
from downtime.formspec.schema import OBSERVATIONS_FORM, Field, Meaning, Section, news2_rows
from downtime.formspec.values import FieldError, answer_text
from downtime.i18n import QT_TRANSLATE_NOOP, Lang, message, semicolon
from downtime.services import resuscitation, snapshot_time
from downtime.services.census import in_patients, patient_with_location
from downtime.services.context import Session, load_device
from downtime.services.errors import ValidationFailed
from downtime.services.patients import PatientSummary
from downtime.services.search import sort_key
from downtime.services.version_changes import Amendment, with_amendments
from downtime.storage.laptops import staff_directories
from downtime.storage.records import chunks, current_by_patient, current_of, histories, list_current, marks

FORM = OBSERVATIONS_FORM
PLAN_FORM = "observation_plan"
NEWS2_FIELDS = ("respiratory_rate", "spo2", "systolic_bp", "pulse", "temperature")
BAND_WORDS = {Band.LOW: QT_TRANSLATE_NOOP("messages", "Low"), Band.LOW_MEDIUM: QT_TRANSLATE_NOOP("messages", "Low-medium"),
              Band.MEDIUM: QT_TRANSLATE_NOOP("messages", "MEDIUM"), Band.HIGH: QT_TRANSLATE_NOOP("messages", "HIGH")}
# The chart's rows (`ParameterScores`' names) as the nurse reads them, to say which were not taken.
ROW_WORDS = {"respiratory_rate": QT_TRANSLATE_NOOP("messages", "respiration rate"),
             "spo2": QT_TRANSLATE_NOOP("messages", "SpO2"),
             "air_or_oxygen": QT_TRANSLATE_NOOP("messages", "air or oxygen"),
             "systolic_bp": QT_TRANSLATE_NOOP("messages", "systolic blood pressure"),
             "pulse": QT_TRANSLATE_NOOP("messages", "pulse"),
             "consciousness": QT_TRANSLATE_NOOP("messages", "consciousness"),
             "temperature": QT_TRANSLATE_NOOP("messages", "temperature")}


@dataclass(frozen=True)
class ScoredSet:
    """`news2`: None where NEWS2 does not apply, the patient being under 16 when the set was
    taken (`news2.applies`): the readings are charted, never scored as an adult's."""

    record: RecordVersion
    taken_at: datetime
    observations: ObservationSet
    news2: News2Score | None
    amended: tuple[Amendment, ...] = ()
    """The set's amendments, oldest first: a patient's `chart` reads them, for the printed chart."""


def observation_set(data: dict[str, Any]) -> ObservationSet:
    """The form's answers as the NEWS2 chart's rows (the form's field ids are the row names)."""
    return ObservationSet(**{name: data.get(name) for name in NEWS2_FIELDS},
                          spo2_scale=Spo2Scale(data.get("spo2_scale") or Spo2Scale.SCALE_1),
                          on_oxygen=data.get("on_oxygen"),
                          consciousness=Consciousness(data["consciousness"]) if data.get("consciousness") else None)


def copied_score(section: Section, data: dict[str, Any]) -> News2Score | None:
    """The NEWS2 score of a `news2` section's answers (a handover's last observations, or the
    observation set itself), read back as an observation set, each answer as the row it answers
    (`news2_rows`), a copied choice's codes translated back; None when none of its rows is
    answered. Worked out each time, as a set's is: a reading changed on the form is rescored; a
    reading no patient has (a typing slip, refused when saved) scores nothing yet. Whether NEWS2
    applies to the patient at all is the caller's to ask first (`applies_to`)."""
    answers: dict[str, Any] = {}
    rows = news2_rows(section)
    for field in section.fields:
        if (row := rows.get(field.id)) is None:
            continue
        value = data.get(field.id)
        back = {code: origin for origin, code in field.copied_from.codes.items()} if field.copied_from else {}
        answers[row] = back.get(value, value) if isinstance(value, str) else value
    return readings_score(answers)


def readings_score(answers: dict[str, Any]) -> News2Score | None:
    """The NEWS2 score of readings named as the set's rows (a sepsis screening's copy of them),
    as a pregnant woman's when they say so (the set's own `pregnant`); None when none is
    answered, or one is out of any patient's range (a typing slip)."""
    if all(answers.get(row) is None for row in (*NEWS2_FIELDS, "on_oxygen", "consciousness")):
        return None
    try:
        return score(observation_set(answers), pregnant=answers.get("pregnant") is True)
    except ValidationError:
        return None


def applies_to(patient: PatientSummary, at: datetime) -> bool:
    """Whether NEWS2 scores this patient's set taken at `at` (16 or over then, or age unknown:
    `news2.applies`)."""
    return applies(patient.birth_date, ward_day(at))


def not_applicable_text(lang: Lang) -> str:
    """Said where a score would be for a patient under 16."""
    return NOT_APPLICABLE[lang]


def scored(record: RecordVersion, birth_date: date | None, pregnant_since: datetime | None = None) -> ScoredSet:
    """The set scored, unless its patient (born on `birth_date`) was under 16 when it was taken;
    as a pregnant woman's when the set says so, or when taken in the stay (since `pregnant_since`,
    her admission) whose VTE assessment ticks pregnancy (`pregnant_in_stay`)."""
    found, taken_at = observation_set(record.data), datetime.fromisoformat(record.data["taken_at"])
    pregnant = record.data.get("pregnant") is True or (pregnant_since is not None and taken_at >= pregnant_since)
    return ScoredSet(record, taken_at, found, score(found, pregnant=pregnant) if applies(birth_date, ward_day(taken_at))
                     else None)


# The VTE assessment's form and its pregnancy code: services.vte cannot be imported here, as it
# imports services.records, which imports this module through services.sepsis.
VTE_FORM, VTE_PREGNANCY = "vte_assessment", "pregnancy"


def pregnant_in_stay(db: Database, patients: Sequence[PatientSummary]) -> dict[str, datetime]:
    """The admission of each of these patients whose latest VTE assessment of this stay ticks
    pregnancy (or giving birth under 6 weeks ago): a doctor recorded it there, and her sets,
    typed before the form asked, said nothing of it."""
    latest: dict[str, tuple[datetime, bool]] = {}
    admitted = {patient.patient_id: datetime.fromisoformat(patient.admitted_at) for patient in patients if patient.admitted_at}
    for part in chunks(list(admitted)):
        for patient_id, occurred_at, risks in db.execute(
                "SELECT patient_id, occurred_at, json_extract(data, '$.thrombosis_risks') FROM current_records"
                f" WHERE form_id = ? AND patient_id IN ({marks(part)}) AND status != ?",
                [VTE_FORM, *part, RecordStatus.ENTERED_IN_ERROR.value]):
            when = datetime.fromisoformat(occurred_at)
            if when >= admitted[patient_id] and (patient_id not in latest or when > latest[patient_id][0]):
                latest[patient_id] = (when, VTE_PREGNANCY in json.loads(risks or "[]"))
    return {patient_id: admitted[patient_id] for patient_id, (_, pregnant) in latest.items() if pregnant}


def chart(db: Database, patient: PatientSummary) -> list[ScoredSet]:
    """A patient's standing sets, oldest first, as the paper chart runs left to right, each with
    its amendments."""
    since = pregnant_in_stay(db, [patient]).get(patient.patient_id)
    found = [scored(record, patient.birth_date, since) for record in list_current(db, form_id=FORM, patient_id=patient.patient_id)
             if record.status is not RecordStatus.ENTERED_IN_ERROR]
    return with_amendments(db, sorted(found, key=lambda one: one.taken_at))


def scored_sets(sets: Sequence[ScoredSet]) -> list[ScoredSet]:
    """Those of `sets` NEWS2 scored (taken at 16 or over): the only ones `judged` and
    `incomplete_notice` weigh."""
    return [found for found in sets if found.news2 is not None]


def band_word(band: Band, lang: Lang) -> str:
    return message(lang, BAND_WORDS[band])


def band_said(news2: News2Score, lang: Lang) -> str:
    """The band in words, with, in pregnancy, that NEWS2 is not to be trusted (`PREGNANCY`): the
    columns of the escalation list and of the sets, where a pregnant woman's "Low" reassured."""
    word = band_word(news2.band, lang)
    return f"{word} — {PREGNANCY[lang]}" if news2.pregnant else word


def band_text(news2: News2Score, lang: Lang) -> str:
    """The score in words, never colour alone: total, band, and a missing parameter named."""
    text = f"NEWS2 {news2.total} — {band_word(news2.band, lang)}"
    if news2.band is Band.LOW_MEDIUM:
        text += message(lang, QT_TRANSLATE_NOOP("messages", " (3 in one parameter)"))
    if not news2.complete:
        text += message(lang, QT_TRANSLATE_NOOP("messages", " (incomplete: {missing} not taken)"),
                        missing=", ".join(message(lang, ROW_WORDS[row]) for row in news2.parameters.missing))
    return f"{text} — {PREGNANCY[lang]}" if news2.pregnant else text


def _last_complete(sets: Sequence[ScoredSet]) -> ScoredSet | None:
    return next((found for found in reversed(sets) if found.news2.complete), None)


def judged(sets: Sequence[ScoredSet]) -> ScoredSet:
    """The set that stands for the patient's risk now (`sets`: not empty, scored, oldest first, as `scored_sets`
    gives them).

    An incomplete set can only underestimate, so until a complete set is taken the risk is at
    least the highest of the last complete set and every incomplete set since (on a tie the
    complete set, else the latest). Weighing the latest alone, a temperature-only recheck took a
    patient whose set before scored 11, a row short, off the escalation list."""
    first = _from_last_complete(sets)
    return sets[max(range(first, len(sets)), key=lambda n: (sets[n].news2.rank, sets[n].news2.complete, n))]


def _from_last_complete(sets: Sequence[ScoredSet]) -> int:
    """Where the sets `judged` weighs begin: at the last complete set, or at the first set taken at
    its very time, with which it ties (0 with no complete set). Of two complete sets of one minute
    (typed on two laptops, or typed again instead of amended) nobody knows which is right: the one
    typed last took a HIGH patient off the list, so the worse stands."""
    last = next((n for n in range(len(sets) - 1, -1, -1) if sets[n].news2.complete), 0)
    return next(n for n in range(last + 1) if sets[n].taken_at == sets[last].taken_at)


def incomplete_notice(sets: Sequence[ScoredSet], lang: Lang) -> str:
    """Why the latest of `sets` (not empty, scored: `scored_sets`) is not trusted on its own; empty when it is complete."""
    if sets[-1].news2.complete:
        return ""
    standing = judged(sets)
    if standing is not sets[-1] and not standing.news2.complete:
        return message(lang, QT_TRANSLATE_NOOP(
            "messages", "Incomplete set: until a complete set is taken, the risk is judged by an earlier incomplete "
                        "set that scored higher ({score} at {time})."),
            score=band_text(standing.news2, lang), time=ward_time(standing.taken_at, None))
    complete = _last_complete(sets)
    if complete is None:
        return message(lang, QT_TRANSLATE_NOOP(
            "messages", "Incomplete set and no complete set recorded: the risk may be higher than this score; "
                        "take a complete set."))
    return message(lang, QT_TRANSLATE_NOOP(
        "messages", "Incomplete set: until a complete set is taken, the risk is judged by the last complete set "
                    "({score} at {time}), or by this set if it scores higher."),
        score=band_text(complete.news2, lang), time=ward_time(complete.taken_at, None))


SCALE_2_REFUSED = {
    "en": "Scale 2 is first recorded for a stay by the doctor who prescribes it, signed in: until then chart this set "
          "on scale 1 (it scores a low saturation higher: the safe side), write the doctor's prescription and target "
          "in the notes, and ask the doctor to record the next set on scale 2, or to amend this one.",
    "fr": "L’échelle 2 est enregistrée la première fois pour un séjour par le médecin qui la prescrit, connecté : "
          "d’ici là, notez cette série sur l’échelle 1 (elle cote plus haut une saturation basse : du côté de la "
          "sécurité), écrivez la prescription du médecin et sa cible dans les remarques, et demandez au médecin "
          "d’enregistrer la série suivante sur l’échelle 2, ou de corriger celle-ci.",
}
SCALE_2_ANSWERS = ("spo2_scale", "scale_2_prescribed_by", "scale_2_prescribed_at")
"""A set's answers that prescribe scale 2: whoever last changed them decided the set's scale."""


@dataclass(frozen=True)
class Scale2:
    """SpO2 scale 2 as a doctor prescribed it for a patient's stay (`scale_2_standing`): who and
    when, as `record`, the doctor's set that stands for it, says."""

    by: str
    at: datetime | None
    record: RecordVersion


def check_scale_2(session: Session, patient_id: str, data: dict[str, Any], times: Sequence[str],
                  amended: RecordVersion | None = None) -> None:
    """Refuse a nurse's record on scale 2 (a set, or a section copying one: a sepsis screening, a
    transfer) unless a doctor's prescription of it stands for the stay at the readings' time (the
    first of `times` answered: `scale_2_standing`). Scale 2 scores a saturation of 86 % on oxygen 3
    points lower: typing any name as its prescriber took a MEDIUM patient off the escalation list,
    and a sepsis screening switched to it read red flag sepsis as "low". The RCP makes it a
    clinician's decision for confirmed hypercapnic respiratory failure. An amendment (of
    `amended`) that keeps its scale, prescriber and time is not held to it: a pulse corrected on
    the doctor's own set was refused, the set not being its own precedent."""
    if data.get("spo2_scale") != Spo2Scale.SCALE_2.value or session.user.role is Role.DOCTOR:
        return
    if amended is not None and all(amended.data.get(name) == data.get(name) for name in SCALE_2_ANSWERS):
        return
    taken_at = datetime.fromisoformat(next(data[name] for name in times if data.get(name)))
    if scale_2_standing(session.db, patient_with_location(session.db, session.forms, patient_id), taken_at,
                        None if amended is None else amended.record_id) is None:
        raise ValidationFailed([FieldError("spo2_scale", SCALE_2_REFUSED[session.lang])])


def scale_2_standing(db: Database, patient: PatientSummary, at: datetime,
                     leaving_out: str | None = None) -> Scale2 | None:
    """The scale-2 prescription standing for the patient's stay at `at` (`scale_2_prescriptions`),
    `leaving_out` a set (one amended, not its own precedent); None when none stands."""
    return scale_2_prescriptions(db, [patient], at, leaving_out).get(patient.patient_id)


def scale_2_prescriptions(db: Database, patients: Sequence[PatientSummary], at: datetime,
                          leaving_out: str | None = None) -> dict[str, Scale2]:
    """Each of these patients' scale-2 prescription standing at `at`: their latest standing set
    of this stay taken by then whose scale a doctor decided (`_decided_by`), when it is on scale
    2. A nurse's set never prescribes it, and a doctor's later set on scale 1 ends it (the blood
    gas come back normal): any earlier scale-2 set counted, a nurse's following a doctor's set
    withdrawn since, or one before the doctor stopped it, and nobody had prescribed scale 2 for
    the sets that followed. Only patients with a set on scale 2 are read further."""
    admitted = {patient.patient_id: datetime.fromisoformat(patient.admitted_at) for patient in patients
                if patient.admitted_at}
    on_scale_2 = {str(record.patient_id) for record in list_current(
        db, form_id=FORM, patient_ids=list(admitted), answered=("spo2_scale", Spo2Scale.SCALE_2.value))}
    if not on_scale_2:
        return {}
    doctors, found = _doctors(db), {}
    for patient_id, every in current_by_patient(db, FORM, on_scale_2).items():
        sets = [record for record in every if record.status is not RecordStatus.ENTERED_IN_ERROR
                and record.record_id != leaving_out
                and admitted[patient_id] <= datetime.fromisoformat(record.data["taken_at"]) <= at]
        versions = histories(db, [record.record_id for record in sets])
        decided = [record for record in sets if _decided_by(versions[record.record_id]) in doctors]
        latest = max(decided, key=lambda record: (datetime.fromisoformat(record.data["taken_at"]), record.recorded_at),
                     default=None)
        if latest is not None and latest.data.get("spo2_scale") == Spo2Scale.SCALE_2.value:
            when = latest.data.get("scale_2_prescribed_at")
            found[patient_id] = Scale2(" ".join(str(latest.data.get("scale_2_prescribed_by") or "").split()),
                                       datetime.fromisoformat(when) if when else None, latest)
    return found


def _decided_by(versions: Sequence[RecordVersion]) -> tuple[str, str]:
    """Who decided a set's scale (laptop, staff ID): the author of its first version in the run
    of its latest that kept the scale-2 answers it has now (`SCALE_2_ANSWERS`). A nurse correcting
    a pulse on the doctor's set leaves it the doctor's prescription; one changing its prescriber
    does not."""
    now = [versions[-1].data.get(name) for name in SCALE_2_ANSWERS]
    first = versions[-1]
    for version in reversed(versions):
        if [version.data.get(name) for name in SCALE_2_ANSWERS] != now:
            break
        first = version
    return first.device_id, first.author


def _doctors(db: Database) -> set[tuple[str, str]]:
    """The doctors known here, by (laptop, staff ID): this laptop's staff and those the other
    laptops' exports named (a set merged from another laptop is decided by its staff member)."""
    own = load_device(db).device_id
    return ({(own, str(row["staff_id"])) for row in db.query("SELECT staff_id FROM staff WHERE role = ?",
                                                           [Role.DOCTOR.value])}
            | {key for key, (_, role) in staff_directories(db).items() if role == Role.DOCTOR.value})


def scale_2_answers(db: Database, forms: dict[str, FormSpec], patient_id: str, at: datetime) -> dict[str, Any]:
    """A new set's scale as the doctor's prescription standing for the stay at `at` says it, with
    its prescriber and time as the doctor's set gives them: each set started blank, the nurse
    chose the scale again and typed the prescriber in her own spelling (one prescription printed
    three times), and a set left on scale 1 lost the 88–92 % target."""
    prescribed = scale_2_standing(db, patient_with_location(db, forms, patient_id), at)
    if prescribed is None:
        return {}
    return {name: prescribed.record.data.get(name) for name in SCALE_2_ANSWERS}


def latest_set(db: Database, patient: PatientSummary, at: datetime) -> RecordVersion | None:
    """The patient's latest standing set of this stay taken by `at`, complete or not: what it
    says of their oxygen is what they are on now, whichever set stands for their risk; None with
    none, or no stay."""
    if not patient.admitted_at:
        return None
    admitted = datetime.fromisoformat(patient.admitted_at)
    taken = [(when, recorded_at, record_id) for when, recorded_at, record_id in sets_taken(db, [patient.patient_id])[
        patient.patient_id] if admitted <= when <= at]
    if not taken:
        return None
    record_id = max(taken)[2]
    return current_of(db, [record_id])[record_id]


# The observation and escalation plan's answers the lists read: its frequencies as NEWS2's, and
# the decisions that change the response to a score (the RCP: NEWS2 is not for end-of-life care;
# a ceiling of treatment changes the response).
COMFORT, WARD_CEILING, FULL = "comfort", "ward_ceiling", "full"
AS_NEWS2, STOPPED = "news2", "stopped"
"""`STOPPED` (plan version 2): routine observations stopped in the last days of life, with comfort
care only (`check_plan`); no set is asked, one taken is still charted and scored."""
CPR_REASON = "cpr_reason"
"""The plan's answer (version 2) of why CPR stands, or where the DNACPR is written, for comfort
care decided while the admission has no DNACPR (`cpr_reason_needed`)."""
PLAN_FREQUENCY = {"hourly": Monitoring.HOURLY, "four_hourly": Monitoring.FOUR_TO_SIX_HOURLY,
                  "twelve_hourly": Monitoring.TWELVE_HOURLY}
PLAN_WORDS = {
    COMFORT: QT_TRANSLATE_NOOP("messages", "Comfort care ({by}, {time}): observations as agreed, escalate for "
                                           "comfort only"),
    WARD_CEILING: QT_TRANSLATE_NOOP("messages", "Ward-based care, not for ICU ({by}, {time}): tell the medical team "
                                                "as the score asks; no transfer to critical care"),
    FULL: QT_TRANSLATE_NOOP("messages", "Observation frequency agreed ({by}, {time})"),
}
PLAN_FREQUENCY_WORDS = {
    "hourly": QT_TRANSLATE_NOOP("messages", "observations every hour"),
    "four_hourly": QT_TRANSLATE_NOOP("messages", "observations every 4 hours"),
    "twelve_hourly": QT_TRANSLATE_NOOP("messages", "observations every 12 hours"),
    STOPPED: QT_TRANSLATE_NOOP("messages", "routine observations stopped: no set is due"),
}
STOPPED_ONLY_COMFORT = QT_TRANSLATE_NOOP("messages", "“{field}”: routine observations are stopped with comfort care "
                                                     "only (end of life); choose a frequency for this plan.")
CPR_STANDS = QT_TRANSLATE_NOOP("messages", "This patient is recorded “{status}” on the admission, with no DNACPR "
                                           "decision, and the plan is comfort care only: if a DNACPR was decided, "
                                           "record it on the admission (amend it); otherwise say why CPR stands.")
CPR_REASON_ASKED = QT_TRANSLATE_NOOP("messages", "{said} Say it in “{field}”.")
DNACPR_STANDS = QT_TRANSLATE_NOOP("messages", "“{field}”: this patient's admission records a DNACPR decision; "
                                              "leave it empty.")
IN_USE_WORDS = {**{frequency: PLAN_FREQUENCY_WORDS[code] for code, frequency in PLAN_FREQUENCY.items()},
                Monitoring.CONTINUOUS: QT_TRANSLATE_NOOP("messages", "continuous monitoring, observations at least "
                                                                     "every hour")}
"""A frequency the overdue list asks at, in the plan's words (`ObservationPlan.in_use`)."""
RISEN_SINCE = QT_TRANSLATE_NOOP("messages", "{agreed} as agreed until NEWS2 rose to {score}: now {in_use}, until "
                                            "the doctor reviews the plan")


@dataclass(frozen=True)
class ObservationPlan:
    """A doctor's observation and escalation plan standing for a patient (the `observation_plan`
    form): comfort care only, a ceiling of treatment, and/or an agreed frequency (`monitoring`,
    None: as the score asks)."""

    record: RecordVersion
    decided_at: datetime
    decided_by: str
    escalation: str
    monitoring: Monitoring | None
    scored_then: News2Score | None = None
    """The score standing when it was decided, for an agreed frequency of a plan other than
    comfort care (`_monitoring`); None then with no set scored by that time."""
    scored_now: News2Score | None = None
    """The score standing at the time the plan was read for (`plans`), for the same plans; None
    with no set scored this stay."""

    @property
    def in_use(self) -> Monitoring | None:
        """The frequency the overdue list asks at (`_monitoring`): the agreed one, or the score's
        once it rose past the score it was agreed at."""
        return self.monitoring if self.scored_now is None else _monitoring(self.scored_now, self)

    @property
    def comfort(self) -> bool:
        return self.escalation == COMFORT

    @property
    def stopped(self) -> bool:
        """Routine observations stopped (`STOPPED`), which only comfort care stops."""
        return self.comfort and self.record.data.get("frequency") == STOPPED

    @property
    def limits(self) -> bool:
        """Whether it changes the response to a score: the escalation list then says the plan
        instead of the RCP's response (outreach, HDU or ICU)."""
        return self.escalation in (COMFORT, WARD_CEILING)

    def text(self, lang: Lang, zone: tzinfo | None = None, *, letter: bool = False) -> str:
        """"Comfort care (Dr Benali, 28/11 14:00): observations as agreed, escalate for comfort only;
        observations every 12 hours", on the ward's clock (`zone`). In a `letter` (discharge,
        transfer-out) as the decision the receiving team reads: its date with the year, and the
        frequency as agreed, without this ward's list's instruction since the score rose
        (RISEN_SINCE): a letter to another hospital read "now continuous monitoring, observations
        at least every hour, until the doctor reviews the plan"."""
        when = f"{self.decided_at.astimezone(zone):%d/%m/%Y %H:%M}" if letter else ward_time(self.decided_at, zone)
        said = [message(lang, PLAN_WORDS[self.escalation], by=" ".join(self.decided_by.split()), time=when)]
        if (frequency := self.record.data.get("frequency")) in PLAN_FREQUENCY_WORDS:
            agreed = message(lang, PLAN_FREQUENCY_WORDS[frequency])
            # The score risen past the one it was agreed at: the plan still said "every 12 hours"
            # of a patient scoring 15, whom the overdue list asked hourly.
            if not letter and self.scored_now is not None and (in_use := self.in_use) != self.monitoring:
                agreed = message(lang, RISEN_SINCE, agreed=agreed, score=str(self.scored_now.total),
                                 in_use=message(lang, IN_USE_WORDS[in_use]))
            said.append(agreed)
        return semicolon(lang).join(said)


def plans(db: Database, patients: Sequence[PatientSummary], at: datetime) -> dict[str, ObservationPlan]:
    """Each of these in-patients' plan standing at `at`: the latest standing one of this stay
    decided by then, unless it asks nothing of the lists (full escalation, observations as the
    score asks: it ends the plan before it). A plan of the stay before says nothing of this one."""
    admitted = {patient.patient_id: datetime.fromisoformat(patient.admitted_at) for patient in patients
                if patient.admitted_at}
    by_id = {patient.patient_id: patient for patient in patients}
    found = {}
    for patient_id, every in current_by_patient(db, PLAN_FORM, list(admitted)).items():
        decided = [(datetime.fromisoformat(record.data["decided_at"]), record) for record in every
                   if record.status is not RecordStatus.ENTERED_IN_ERROR]
        decided = [(when, record) for when, record in decided
                   if elapsed.instant(admitted[patient_id]) <= elapsed.instant(when) <= elapsed.instant(at)]
        if not decided:
            continue
        when, latest = max(decided, key=lambda one: (elapsed.instant(one[0]), one[1].recorded_at))
        escalation, monitoring = latest.data["escalation"], PLAN_FREQUENCY.get(latest.data["frequency"])
        if escalation != FULL or latest.data["frequency"] != AS_NEWS2:
            weighed = monitoring is not None and escalation != COMFORT
            found[patient_id] = ObservationPlan(
                latest, when, latest.data["decided_by"], escalation, monitoring,
                _standing_at(db, by_id[patient_id], when) if weighed else None,
                _standing_at(db, by_id[patient_id], at) if weighed else None)
    return found


def limiting(db: Database, patients: Sequence[PatientSummary], at: datetime) -> dict[str, ObservationPlan]:
    """Those of `plans` that limit escalation (comfort care, a ceiling of treatment): said after
    what a child's PEWS asks, on the escalation list (services.chart_alerts) and in the dialog on
    saving a set, as NEWS2's response gives way to them (`response`). The dialog said only "call
    the doctor to review the child now" of a dying child whose list line said the plan."""
    return {patient_id: plan for patient_id, plan in plans(db, patients, at).items() if plan.limits}


def comfort_care(db: Database, patients: Sequence[PatientSummary], at: datetime) -> set[str]:
    """Those of these in-patients whose plan standing at `at` is comfort care (`plans`): what is
    asked for a recovery is not asked of a dying patient, a low urine output called to the doctor
    (NICE NG31: it is expected), a VTE assessment (NICE NG89 offers no prophylaxis at the end of
    life: services.vte), a falls risk assessment (services.falls_risk)."""
    return {patient_id for patient_id, plan in plans(db, patients, at).items() if plan.comfort}


def response(news2: News2Score, plan: ObservationPlan | None, lang: Lang, zone: tzinfo | None = None) -> str:
    """What a score asks for: the RCP's response, or instead the doctor's plan standing for the
    patient when it limits escalation (comfort care, a ceiling of treatment), named with who
    decided it and when, on the ward's clock (`zone`). NEWS2's response is not for end-of-life
    care (RCP 2017): the escalation list said the plan while the save dialog, the form's live
    score and the printed set still asked a dying patient's nurse for outreach and "HDU or ICU".
    Every place a score's response is said reads it here."""
    return plan.text(lang, zone) if plan is not None and plan.limits else news2.response[lang]


def cpr_reason_needed(db: Database, forms: dict[str, FormSpec], patient_id: str, values: Mapping[str, Any],
                      before: Mapping[str, Any] | None, lang: Lang) -> str | None:
    """What a plan asks the doctor of CPR (CPR_STANDS), None when it does not: comfort care
    decided while the admission has no DNACPR, unless why CPR stands is said (`CPR_REASON`), or
    an amendment keeps comfort care as it was (`before`: a plan of version 1 is corrected as it
    was). Comfort care was saved without a word while the strip, the crash team and the letters
    read "For resuscitation"."""
    if values.get("escalation") != COMFORT or str(values.get(CPR_REASON) or "").strip() \
            or before is not None and before.get("escalation") == COMFORT:
        return None
    patient = patient_with_location(db, forms, patient_id)
    if patient.resuscitation == resuscitation.DNACPR:
        return None
    status = forms[resuscitation.FORM].by_meaning(Meaning.RESUSCITATION)
    said = answer_text(status, patient.resuscitation, lang) if status is not None and patient.resuscitation else "—"
    return message(lang, CPR_STANDS, status=said)


def plan_asked(db: Database, forms: dict[str, FormSpec], patient_id: str) -> dict[str, bool]:
    """The plan's questions the patient's admission decides, which the form's rules cannot (they
    read the plan's answers alone), by field id, False not asked (values.shown): why CPR stands
    with no DNACPR recorded is not asked of a patient whose admission records a DNACPR. It was,
    and what was typed went to the record and to the EHR as "No DNACPR recorded: …" of a patient
    with a DNACPR."""
    return {CPR_REASON: False} if patient_with_location(db, forms, patient_id).resuscitation == resuscitation.DNACPR \
        else {}


def check_plan(session: Session, spec: FormSpec, patient_id: str, values: Mapping[str, Any],
               before: Mapping[str, Any] | None) -> None:
    """Refuse a plan stopping routine observations (`STOPPED`) but with comfort care, comfort care
    with no DNACPR recorded until why CPR stands is said (`cpr_reason_needed`): a judgement, kept
    in the record once given; and why CPR stands said anew of a patient with a DNACPR recorded
    (`plan_asked`; one kept from before the DNACPR stands as it was said)."""
    lang = session.lang
    if values.get("frequency") == STOPPED and values.get("escalation") != COMFORT:
        raise ValidationFailed([FieldError("frequency", message(lang, STOPPED_ONLY_COMFORT,
                                                                field=spec.field("frequency").label.get(lang)))])
    if (str(values.get(CPR_REASON) or "").strip() and values.get(CPR_REASON) != (before or {}).get(CPR_REASON)
            and plan_asked(session.db, session.forms, patient_id).get(CPR_REASON) is False):
        raise ValidationFailed([FieldError(CPR_REASON, message(lang, DNACPR_STANDS,
                                                               field=spec.field(CPR_REASON).label.get(lang)))])
    if (said := cpr_reason_needed(session.db, session.forms, patient_id, values, before, lang)) is not None:
        raise ValidationFailed([FieldError(CPR_REASON, message(lang, CPR_REASON_ASKED, said=said,
                                                               field=spec.field(CPR_REASON).label.get(lang)))])


def _standing_at(db: Database, patient: PatientSummary, at: datetime) -> News2Score | None:
    """The score of the set that stood for the patient's risk at `at` (`judged`), as the sets
    taken by then now read; None with none of this stay scored by then."""
    sets = _since_last_complete(db, [patient], at)[patient.patient_id]
    return judged(sets).news2 if sets else None


@dataclass(frozen=True)
class Escalation:
    """`judged` is the set the patient is listed for; `latest` may be a later, incomplete one;
    `plan`, the doctor's observation and escalation plan standing for them; `dnacpr_decided`, who
    decided their DNACPR and when (resuscitation.decided), as the NEWS2 chart and the MAR name
    them: the list said "DNACPR" of no one, the doctor called at night left to find who decided."""

    patient: PatientSummary
    judged: ScoredSet
    latest: ScoredSet
    plan: ObservationPlan | None = None
    dnacpr_decided: str | None = None

    def response(self, lang: Lang, zone: tzinfo | None = None) -> str:
        """What the list asks for the patient: the RCP's response to the score, or the plan that
        changes it (comfort care, a ceiling of treatment), named with who decided it and when.
        A dying patient was listed "consider transfer to HDU or ICU" until she died."""
        return response(self.judged.news2, self.plan, lang, zone)

    @property
    def told(self) -> str:
        """Who was told, as the escalation notes of the set judged and of a later one say it, on
        one line: the escalation list on screen and the handover sheet both give it, so the nurse
        in charge sees whether the HIGH patient's doctor was called without opening each set."""
        sets = (self.judged,) if self.latest is self.judged else (self.judged, self.latest)
        return " / ".join(" ".join(notes.split()) for found in sets if (notes := found.record.data.get("notes")))

    @property
    def needs_told(self) -> bool:
        """Whether the list asks who was told of the score (NOT RECORDED, in red, while no set
        says): above low risk, unless the doctor's plan is comfort care, to which NEWS2 does not
        apply (RCP 2017): a dying patient's 15 read as an escalation the nurse had failed to make,
        with no answer that was true. The screen's list and the handover sheet both ask it."""
        return self.judged.news2.escalates and not (self.plan is not None and self.plan.comfort)


def _needs_escalating(sets: Sequence[ScoredSet]) -> bool:
    """Above low risk, or never completely assessed: an unknown risk is not a low one; nor is a
    pregnant woman's low score."""
    standing = judged(sets).news2
    return standing.escalates or _last_complete(sets) is None


def escalations(db: Database, forms: dict[str, FormSpec], ward: str | None = None,
                at: datetime | None = None) -> list[Escalation]:
    """In-patients (of one ward, or all) whose judged set is above low risk or who have no complete
    set, most urgent first: the list the nurse in charge works through at each handover."""
    return review(db, forms, ward, at or local_now()).escalations


@dataclass(frozen=True)
class Overdue:
    """A patient whose next set was due by `due_at`: `monitoring` is the frequency their judged
    set asks for, counted from `last`, their last complete set; with no complete set recorded
    (`last` None), one was due when they were admitted."""

    patient: PatientSummary
    last: ScoredSet | None
    monitoring: Monitoring | None
    due_at: datetime


@dataclass(frozen=True)
class Watch:
    """Where a patient's observations stand at a moment: `standing`, the set that stands for
    their risk (`judged`; None with no set this stay), and their next set, due by `due_at` at the
    frequency `monitoring` of their judged set counted from `last`, their last complete set (with
    none, `last` None, one was due when they were admitted); `overdue` once that time has come.
    For a patient NEWS2 does not apply to (under 16 then, `applies_to`) `due_at` is None, as
    everything else: no score, no frequency, never overdue by NEWS2 (a baby born this morning
    was listed "No set — OVERDUE")."""

    standing: ScoredSet | None
    last: ScoredSet | None
    monitoring: Monitoring | None
    due_at: datetime | None
    overdue: bool
    plan: ObservationPlan | None = None
    """The doctor's plan standing for the patient (`plans`), whose agreed frequency `monitoring`
    is, unless the score has risen since (`_monitoring`)."""

    @property
    def news2_applies(self) -> bool:
        """Whether NEWS2 asks sets of the patient: of one whose observations a doctor stopped
        (`ObservationPlan.stopped`) it applies, though none is due."""
        return self.due_at is not None or (self.plan is not None and self.plan.stopped)


OXYGEN_WORDS = {"on": {"en": "O2 {flow}", "fr": "O2 {flow}"},
                "no_flow": {"en": "O2, flow not recorded", "fr": "O2, débit non noté"},
                "target": {"en": "target 88–92\u00a0%", "fr": "cible 88–92\u00a0%"}}


@dataclass(frozen=True)
class Oxygen:
    """What a patient's latest set says of their oxygen: given it (`on`, at `flow`, an answer of
    `flow_field`, None when not charted), their saturation judged on scale 2, whose target is
    88–92 % (a hypercapnic patient given oxygen for 94–98 % is harmed by it). The handover sheet
    gave their score alone: the nurse taking over could not tell who was on oxygen, how much,
    or whom to keep from a saturation of 96 %."""

    on: bool
    flow: float | None
    flow_field: Field
    scale_2: bool

    def text(self, lang: Lang) -> str:
        """"O2 2 L/min; target 88–92 %", the flow in the form's unit."""
        said = [OXYGEN_WORDS["on"][lang].format(flow=answer_text(self.flow_field, self.flow, lang))
                if self.flow is not None else OXYGEN_WORDS["no_flow"][lang]] if self.on else []
        return semicolon(lang).join([*said, *([OXYGEN_WORDS["target"][lang]] if self.scale_2 else [])])


def oxygen(spec: FormSpec, found: ScoredSet, prescribed: Scale2 | None = None) -> Oxygen | None:
    """What the set (of `spec`, the observations form) says of the patient's oxygen, its target
    88–92 % while the doctor's scale 2 is `prescribed` for the stay, whatever scale the set was
    charted on (a set charted on scale 1 after it lost the target from the handover: the nurse
    taking over turned the oxygen up for 94–98 %); None when they breathe air on scale 1 with no
    scale 2 prescribed."""
    data = found.record.data
    on = data.get("on_oxygen") is True
    scale_2 = prescribed is not None or data.get("spo2_scale") == Spo2Scale.SCALE_2.value
    if not (on or scale_2):
        return None
    return Oxygen(on, data.get("oxygen_flow") if on else None, spec.field("oxygen_flow"), scale_2)


@dataclass(frozen=True)
class WardReview:
    escalations: list[Escalation]
    overdue: list[Overdue]
    standing: dict[str, ScoredSet]
    """Each in-patient's set that stands for their risk (`judged`), for those with a set this
    stay: the handover sheet gives every patient's score, the low ones too."""
    oxygen: dict[str, Oxygen]
    """What each in-patient's latest set this stay says of their oxygen, for those on oxygen or
    on scale 2, set or prescribed (`oxygen`), said beside their score on the handover sheet."""
    next_due: datetime | None = None
    """When the next patient not overdue yet will be, for a list left on screen to be read
    again then: overdue comes with time, not with a save."""
    plans: dict[str, ObservationPlan] = dataclass_field(default_factory=dict)
    """Each in-patient's observation and escalation plan standing at the review's time (`plans`),
    for those with one: the handover sheet says it beside their score."""


# How soon a complete set is due after an incomplete one, whose score says "Measure every row now":
# counted from the last complete set alone, no list named the patient for hours.
AFTER_INCOMPLETE = Monitoring.HOURLY.longest_gap


def _monitoring(news2: News2Score, plan: ObservationPlan | None) -> Monitoring:
    """How often a patient not on comfort care is observed, their judged set scoring `news2`: at
    the plan's agreed frequency while the score is no higher than the one it was agreed at
    (`ObservationPlan.scored_then`), else at the more frequent of it and the score's. The RCP's
    frequency is a minimum that a senior decision may lower for the patient as then seen (a
    chronically raised score); a score risen since is a deterioration the doctor never saw, and
    a 12-hourly plan agreed at NEWS2 0 asked no set for 12 hours of a patient scoring 15."""
    if plan is None or plan.monitoring is None:
        return news2.monitoring
    if plan.scored_then is not None and news2.rank <= plan.scored_then.rank:
        return plan.monitoring
    return min(plan.monitoring, news2.monitoring, key=lambda frequency: frequency.longest_gap)


def first_due(db: Database, patients: Sequence[PatientSummary]) -> dict[str, datetime]:
    """When each of these in-patients' first set of the stay fell due: their admission; for one
    loaded from the EHR's snapshot, its load, if later (as the bowel chart counts from it). The
    EHR's and the monitors' sets before the load are not on the laptop: every patient loaded at
    an outage's start read "OVERDUE since" their arrival days before, oldest arrival first
    rather than sickest, as their doses before the load read "in the EHR". The load as the doses
    bound it (snapshot_time.loaded_at): loaded with the clock a day ahead, put right minutes later,
    no list asked a first set of any loaded patient for that day. Callers bound it by now too
    (`_watched`): a clock ahead at the load, not yet used since."""
    loaded = [patient.admission_record_id for patient in patients if loaded_from_snapshot(patient.admission_record_id)]
    written: dict[str, tuple[datetime, str]] = {}
    for part in chunks(loaded):
        written.update((record_id, (datetime.fromisoformat(at), device_id)) for record_id, at, device_id in db.execute(
            f"SELECT record_id, recorded_at, device_id FROM records WHERE version = 1 AND record_id IN ({marks(part)})",
            part))
    at_load = snapshot_time.loaded_at(db, written)
    found = {}
    for patient in patients:
        admitted = datetime.fromisoformat(str(patient.admitted_at))
        load = at_load.get(patient.admission_record_id)
        found[patient.patient_id] = admitted if load is None else max(admitted, load, key=elapsed.instant)
    return found


def _watched(patient: PatientSummary, sets: Sequence[ScoredSet], at: datetime,
             plan: ObservationPlan | None, first: datetime) -> Watch:
    """`sets`: the patient's of this stay from the last complete one on (`_since_last_complete`);
    `plan`: the doctor's plan standing for them (`plans`), whose agreed frequency stands for the
    score's (`_monitoring`); `first`: when their first set of the stay fell due (`first_due`). On comfort care any set counts, complete or not, and none is asked
    before the plan's frequency from the decision: the few readings kept for comfort were each
    "Measure every row now", and a dying patient was overdue every hour. Observations stopped
    (`ObservationPlan.stopped`) ask none: the dying patient was overdue all night."""
    if not applies_to(patient, at):
        return Watch(None, None, None, None, False)
    last = _last_complete(sets)
    if plan is not None and plan.stopped:
        return Watch(judged(sets) if sets else None, last, None, None, False, plan)
    if plan is not None and plan.comfort:
        monitoring = plan.monitoring or (judged(sets).news2.monitoring if sets else Monitoring.TWELVE_HOURLY)
        since = sets[-1].taken_at if sets else plan.decided_at
        due_at = elapsed.later(since, monitoring.longest_gap).astimezone(at.tzinfo)
    elif last is None:
        monitoring, due_at = None, min(first, at, key=elapsed.instant)
    else:
        monitoring = _monitoring(judged(sets).news2, plan)
        # On the ward's clock then: across the night the clocks change, the set's own offset is an hour off.
        due_at = elapsed.later(last.taken_at, monitoring.longest_gap).astimezone(at.tzinfo)
        if not sets[-1].news2.complete:
            due_at = min(due_at, elapsed.later(sets[-1].taken_at, AFTER_INCOMPLETE).astimezone(at.tzinfo),
                         key=elapsed.instant)
    # Compared at UTC: in the hour the clocks repeat, 02:30 summer time is before 02:20 winter time.
    return Watch(judged(sets) if sets else None, last, monitoring, due_at, elapsed.instant(due_at) <= elapsed.instant(at),
                 plan)


def sets_taken(db: Database, patient_ids: Collection[str],
               giving: Sequence[str] = ()) -> dict[str, list[tuple[datetime, str, str]]]:
    """Each patient's standing sets as (taken at, recorded at, record id), their answers unread;
    only those giving each of the readings `giving` (the form's field ids), when named."""
    found: dict[str, list[tuple[datetime, str, str]]] = {patient_id: [] for patient_id in patient_ids}
    given = "".join(f" AND json_extract(data, '$.{name}') IS NOT NULL" for name in giving)
    for part in chunks(patient_ids):
        for patient_id, record_id, recorded_at, taken_at in db.execute(
                "SELECT patient_id, record_id, recorded_at, json_extract(data, '$.taken_at') FROM current_records"
                f" WHERE form_id = ? AND patient_id IN ({marks(part)}) AND status != ?{given}",
                [FORM, *part, RecordStatus.ENTERED_IN_ERROR.value]):
            found[patient_id].append((datetime.fromisoformat(taken_at), recorded_at, record_id))
    return found


SAYS_NOW_FOR = timedelta(hours=4)
"""How long a set's reading still says the patient's now, for a dose it questions (digoxin on a
slow pulse, an opioid on slow breathing): the round's sets are 4-hourly at most on a ward of
patients with a NEWS2 of 1 to 4; an older one says nothing of now."""


def latest_giving(db: Database, patient_id: str, giving: Sequence[str], at: datetime) -> RecordVersion | None:
    """The patient's latest standing set taken in the `SAYS_NOW_FOR` up to `at` that gives each of
    the readings `giving` (the form's field ids); None: none."""
    taken = [(when, record_id) for when, _, record_id in sets_taken(db, [patient_id], giving)[patient_id]
             if at - SAYS_NOW_FOR <= when <= at]
    if not taken:
        return None
    record_id = max(taken)[1]
    return current_of(db, [record_id])[record_id]


def _since_last_complete(db: Database, patients: Sequence[PatientSummary], at: datetime) -> dict[str, list[ScoredSet]]:
    """Each of these in-patients' sets of this stay (up to `at`) from their last complete one on,
    oldest first, all of this stay's when none is complete: all that `judged`, the escalation
    list and the next set weigh. Only those are read and scored (reading and scoring every set
    of a hospital's month took four seconds): every patient's latest set, all at once, then
    the rest of this stay's for those whose latest is incomplete. A readmitted patient's sets
    of the stay before say nothing of this one. Sets taken before the patient was 16 are not
    scored (`applies_to`), so none of them is read."""
    every, pregnant = sets_taken(db, [patient.patient_id for patient in patients]), pregnant_in_stay(db, patients)
    stays, born = {}, {patient.patient_id: patient.birth_date for patient in patients}
    for patient in patients:
        admitted = datetime.fromisoformat(patient.admitted_at)
        # Oldest first, as `chart` gives them (a tie in the order recorded).
        stays[patient.patient_id] = [(when, record_id) for when, _, record_id in sorted(every[patient.patient_id])
                                     if admitted <= when <= at and applies_to(patient, when)]

    def read_scored(record: RecordVersion) -> ScoredSet:
        return scored(record, born[str(record.patient_id)], pregnant.get(str(record.patient_id)))

    latest = {record_id: read_scored(record) for record_id, record in
              current_of(db, [taken[-1][1] for taken in stays.values() if taken]).items()}
    read = latest | {record_id: read_scored(record) for record_id, record in current_of(db, [
        record_id for taken in stays.values() if taken
        for when, record_id in taken[:-1] if not latest[taken[-1][1]].news2.complete or when == taken[-1][0]]).items()}
    found = {}
    for patient_id, taken in stays.items():
        sets = [read[record_id] for _, record_id in taken if record_id in read]
        found[patient_id] = sets[_from_last_complete(sets):] if sets else []
    return found


def watches(db: Database, patients: Sequence[PatientSummary], at: datetime) -> dict[str, Watch]:
    """Each of these in-patients' `Watch` at `at`: the patient list shows each one's score and
    next set, a hospital's 720 on "All wards"."""
    sets, planned, first = _since_last_complete(db, patients, at), plans(db, patients, at), first_due(db, patients)
    return {patient.patient_id: _watched(patient, sets[patient.patient_id], at, planned.get(patient.patient_id),
                                         first[patient.patient_id])
            for patient in patients}


def next_due(watched: Collection[Watch]) -> datetime | None:
    """When the first of these patients not overdue yet will be (see `WardReview.next_due`)."""
    return min((watch.due_at for watch in watched if watch.due_at is not None and not watch.overdue),
               key=elapsed.instant, default=None)


def review(db: Database, forms: dict[str, FormSpec], ward: str | None, at: datetime,
           patients: Sequence[PatientSummary] | None = None) -> WardReview:
    """The escalation list at `at`, and the in-patients whose observations are overdue then,
    longest overdue first: on paper nobody sees that a 12-hourly patient's next set was
    never taken, or that a patient admitted this morning has none, until they deteriorate.
    Both weigh the current stay's sets only: a readmitted patient's last set of the stay before
    left them off the overdue list, with none taken since they came back, and put them on the
    escalation list for a score of weeks ago (they are on the overdue list until a set is taken).
    `patients`: the ward's in-patients at `at` when the caller has read them already."""
    listed, overdue, standing, given, watched = [], [], {}, {}, []
    if patients is None:
        patients = in_patients(db, forms, ward, at)
    every, planned, first = _since_last_complete(db, patients, at), plans(db, patients, at), first_due(db, patients)
    decided, prescribed = resuscitation.decided(db, patients, at.tzinfo), scale_2_prescriptions(db, patients, at)
    for patient in patients:
        sets = every[patient.patient_id]
        watch = _watched(patient, sets, at, planned.get(patient.patient_id), first[patient.patient_id])
        watched.append(watch)
        if watch.standing is not None:
            standing[patient.patient_id] = watch.standing
            if (breathing := oxygen(forms[FORM], sets[-1], prescribed.get(patient.patient_id))) is not None:
                given[patient.patient_id] = breathing
            if _needs_escalating(sets):
                listed.append(Escalation(patient, watch.standing, sets[-1], watch.plan,
                                         decided.get(patient.patient_id)))
        if watch.overdue and watch.due_at is not None:
            overdue.append(Overdue(patient, watch.last, watch.monitoring, watch.due_at))
    # Names as people file them: ÉVRARD among the Es, not after ZOLA (a plain sort's "É").
    listed.sort(key=lambda item: sort_key(item.patient.display_name))
    overdue.sort(key=lambda item: (elapsed.instant(item.due_at), sort_key(item.patient.display_name)))
    # A patient on comfort care last, whatever their score: the top line is where a deterioration
    # to act on is read, and the ward learnt to read past a dying patient's.
    ranked = sorted(listed, key=lambda item: (item.plan is None or not item.plan.comfort, item.judged.news2.rank),
                    reverse=True)
    return WardReview(ranked, overdue, standing, given, next_due(watched), planned)
