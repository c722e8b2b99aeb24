"""A patient's pain chart: each assessment with the scale, the score, where, what was done (and
the as-required doses for pain the MAR has given since) and when it is next assessed; what the
latest asks of the nurse now (domain.pain): pain that matters with nothing done for it, its
reassessment overdue, sooner after a dose for pain; a dose for pain given to a patient whose pain
was never assessed asks for it all the same; a sedation or breathing that stops the opioid,
standing until a later line finds both within limits, which a dose of an opioid is questioned
by, but on comfort care (domain.pain.ON_COMFORT). Never stored: worked out from the standing
records. Typed assessments are checked: analgesia given is assessed again within the hour (30
minutes after an injection), unless the line is typed from the paper chart once that was past,
on a scale the patient's age can answer."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.age import age_in_years
from downtime.domain.clock import ward_day, ward_time
from downtime.domain.medication import Outcome
from downtime.domain.pain import (AFTER_INJECTION, AFTER_OTHER, INJECTED, ON_COMFORT, SCORED, SIGNS, YOUNGEST, Sign,
                                  assesses_effect, clears, depressing, for_pain, found, matters, reassess_after_dose,
                                  reassess_by, signs, too_young)
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import FieldError, format_value
from downtime.i18n import message, semicolon
from downtime.services import census, medication, observations
from downtime.services.bedside import Chart, in_order, stays_began
from downtime.services.context import Session
from downtime.services.errors import ValidationFailed
from downtime.services.observations import ObservationPlan
from downtime.services.patients import PatientSummary
from downtime.services.census import births
from downtime.storage.records import current_by_patient

FORM = "pain_assessment"
TRANSCRIBED = "transcribed"
"""The form's answer that a line is typed from the paper chart (version 3): its plan is kept as
written once past (`check`), and it reads "(from paper)" wherever its time is shown."""
WORDS = {
    "handover": {"en": "PAIN: {pain} at {time}", "fr": "DOULEUR : {pain} le {time}"},
    "due": {"en": "reassess by {due}", "fr": "à réévaluer avant {due}"},
    "letter": {"en": "{pain} at {time}", "fr": "{pain} le {time}"},
    "dose": {"en": "{drug} ({route}) given {time}", "fr": "dose de {drug} ({route}) le {time}"},
    "alert": {"en": "{pain} {time}", "fr": "{pain} {time}"},
    "sedation": {"en": "sedation {value}/3", "fr": "sédation {value}/3"},
    "breathing_rate": {"en": "breathing {value}/min", "fr": "FR {value}/min"},
    "found_at": {"en": "{found} at {time}", "fr": "{found} le {time}"},
    "soon": {"en": "“{field}”: analgesia given has its effect assessed {within}: choose {choice} or less.",
             "fr": "« {field} » : l’effet d’un antalgique donné se réévalue {within} : choisir {choice} ou moins."},
    "soon_paper": {"en": "“{field}”: analgesia given has its effect assessed {within}: choose {choice} or less; if "
                         "this line is typed from the paper chart, answer Yes to “{paper}” to keep the plan as written.",
                   "fr": "« {field} » : l’effet d’un antalgique donné se réévalue {within} : choisir {choice} ou moins ; "
                         "si cette ligne est retranscrite depuis la feuille papier, répondre Oui à « {paper} » pour "
                         "garder le plan écrit."},
    "paper": {"en": "“{field}”: answer Yes if this line is typed from the paper chart: its plan, whose time is past, "
                    "is kept as written.",
              "fr": "« {field} » : répondre Oui si cette ligne est retranscrite depuis la feuille papier : son plan, "
                    "dont l’heure est passée, est gardé tel qu’écrit."},
    "within_injection": {"en": "30 minutes after an injection", "fr": "30 minutes après une injection"},
    "within_other": {"en": "within the hour", "fr": "dans l’heure"},
    "kept": {"en": "“{field}”: says whether the line was typed from the paper chart, which an amendment does not "
                   "change: mark the line entered in error and type it again.",
             "fr": "« {field} » : dit si la ligne a été retranscrite depuis la feuille papier, ce qu’une correction ne "
                   "change pas : marquer la ligne saisie par erreur et la saisir à nouveau."},
    "young": {"en": "“{field}”: “{scale}” is used from {years} years of age; this patient is younger: observe the "
                    "child's pain on FLACC or EVENDOL.",
              "fr": "« {field} » : « {scale} » s’utilise à partir de {years} ans ; ce patient est plus jeune : "
                    "observer la douleur de l’enfant avec la FLACC ou l’EVENDOL."},
}
NOT_ASSESSED = {
    "handover": {"en": "PAIN: not assessed", "fr": "DOULEUR : non évaluée"},
    "letter": {"en": "Pain not assessed", "fr": "Douleur non évaluée"},
    "alert": {"en": "Pain not assessed", "fr": "Douleur non évaluée"},
}
"""What a patient given a dose for pain whose pain was never assessed has in place of the latest assessment."""


@dataclass(frozen=True)
class Dose:
    """An as-required dose for pain given on the MAR: when, what, by which route."""

    given_at: datetime
    drug: str
    route: str

    @property
    def assess_by(self) -> datetime:
        return reassess_after_dose(self.given_at, self.route)

    def text(self, lang: Lang) -> str:
        """"Morphine (SC) given 28/11 13:45", on the ward's clock whichever offset the MAR stored."""
        return WORDS["dose"][lang].format(drug=self.drug, route=self.route, time=ward_time(self.given_at, None))


@dataclass(frozen=True)
class Finding:
    """A sedation or breathing that stops the opioid (domain.pain.depressing), as the assessment
    `record` found it at `assessed_at` in a patient of `age_years` then: it stands over the later
    lines until one clears it (see `standing`)."""

    record: RecordVersion
    assessed_at: datetime
    age_years: int | None

    def text(self, lang: Lang) -> str:
        """"SEDATION 2/3, BREATHING 8/min"."""
        return found(self.record.data, lang, self.age_years)


class Reassessed(ABC):
    """What falls due by `due_at` after the latest assessment, or after doses for pain (`doses`)
    given with none: the reassessment, overdue from then."""

    due_at: datetime
    doses: tuple[Dose, ...]

    @abstractmethod
    def signs(self, at: datetime) -> list[Sign]:
        """What it asks at `at`."""

    @abstractmethod
    def said(self, sign: Sign, spec: FormSpec, at: datetime, lang: Lang) -> str:
        """A sign in words."""

    @abstractmethod
    def line(self, key: str, spec: FormSpec, lang: Lang) -> str:
        """How the handover sheet ("handover"), a letter ("letter") or the escalation list ("alert") heads it."""

    def dosed(self, lang: Lang) -> list[str]:
        """The doses for pain given since it on the MAR: "Morphine (SC) given 28/11 13:45"."""
        return [dose.text(lang) for dose in self.doses]

    def asks(self, spec: FormSpec, at: datetime, lang: Lang) -> list[str]:
        return [self.said(sign, spec, at, lang) for sign in self.signs(at)]

    def overdue(self, at: datetime) -> bool:
        return elapsed.instant(self.due_at) <= elapsed.instant(at)

    def next_one(self, spec: FormSpec, at: datetime, lang: Lang) -> str:
        """"reassess by 28/11 15:00", or "PAIN REASSESSMENT OVERDUE since …" once it is."""
        if self.overdue(at):
            return self.said(Sign.OVERDUE, spec, at, lang)
        return WORDS["due"][lang].format(due=ward_time(self.due_at, at.tzinfo))


@dataclass(frozen=True)
class Unassessed(Reassessed):
    """Doses for pain given to a patient whose pain was never assessed: the earliest's effect
    falls due first."""

    doses: tuple[Dose, ...]

    @property
    def due_at(self) -> datetime:  # type: ignore[override]
        return min((dose.assess_by for dose in self.doses), key=elapsed.instant)

    def signs(self, at: datetime) -> list[Sign]:
        return [Sign.OVERDUE] if self.overdue(at) else []

    def said(self, sign: Sign, spec: FormSpec, at: datetime, lang: Lang) -> str:
        return SIGNS[sign][lang].format(score="", due=ward_time(self.due_at, at.tzinfo))

    def line(self, key: str, spec: FormSpec, lang: Lang) -> str:
        return NOT_ASSESSED[key][lang]


@dataclass(frozen=True)
class Assessed(Reassessed):
    """A pain assessment (`record`), when, when the next falls due (sooner when a dose for pain
    was given since), the as-required doses for pain given between it and the next (`doses`), and
    the sedation or breathing that stops the opioid as of it (`finding`: its own, or an earlier
    line's it did not clear), and the comfort-care plan standing when it is read (`comfort`, see
    `comforted`), which says the finding without stopping the opioid; `age_years`, the patient's
    age on the ward's day of the line (None: the date of birth not known), which sets the breathing
    limit (domain.pain.slow_breathing)."""

    record: RecordVersion
    assessed_at: datetime
    due_at: datetime
    doses: tuple[Dose, ...] = ()
    finding: Finding | None = None
    comfort: ObservationPlan | None = None
    age_years: int | None = None

    @property
    def matters(self) -> bool:
        return matters(self.record.data)

    @property
    def done(self) -> frozenset[str]:
        return frozenset(self.record.data.get("action") or ())

    @property
    def from_paper(self) -> bool:
        return self.record.data.get(TRANSCRIBED) is True

    @property
    def depressing(self) -> list[str]:
        """Its answers that stop the opioid at the patient's age (domain.pain.depressing)."""
        return depressing(self.record.data, self.age_years)

    def when(self, lang: Lang) -> str:
        """"28/11 02:00", "28/11 02:00 (from paper)" for a line typed from the paper chart, as the
        MAR says it of a dose: its plan was the paper's, kept as written (see `check`). On the
        ward's clock: a line typed on a laptop set to UTC read an hour early."""
        at = ward_time(self.assessed_at, None)
        return f"{at} ({message(lang, medication.FROM_PAPER)})" if self.from_paper else at

    def score(self, spec: FormSpec, lang: Lang) -> str:
        """"7/10", "Moderate", "Faces 4/10", "FLACC 6/10", "EVENDOL 5/15" or "Algoplus 3/5"."""
        data = self.record.data
        if data["scale"] == "verbal":
            return format_value(spec.field("score_verbal"), data["score_verbal"], lang)
        return SCORED[data["scale"]].said(data, lang)

    def items(self, spec: FormSpec, lang: Lang) -> str:
        """What a total observed item by item is made of, for the nurse who assesses again to
        compare: "Face 2, Legs 1, Activity 1, Cry 1, Consolability 1"; empty for a score the
        patient gives in one."""
        data = self.record.data
        scored = SCORED.get(data["scale"])
        if scored is None or not scored.observed:
            return ""
        return ", ".join(f"{spec.field(item).label.get(lang)} {data[item]}" for item in scored.items)

    def text(self, spec: FormSpec, lang: Lang) -> str:
        """"7/10 (left hip, moving), Analgesia given (on the MAR)"."""
        data = self.record.data
        where = " ".join((data.get("where") or "").split())
        done = format_value(spec.field("action"), data.get("action"), lang)
        return self.score(spec, lang) + (f" ({where})" if where else "") + (f", {done}" if done else "")

    def what_was_done(self, spec: FormSpec, lang: Lang, watched: bool = True) -> str:
        """What the assessment says was done, the sedation and breathing noted with it (not
        `watched`: the paper chart, which has columns of its own for them), then the doses for
        pain the MAR gave since."""
        data = self.record.data
        noted = [WORDS[name][lang].format(value=data[name]) for name in ("sedation", "breathing_rate")
                 if watched and data.get(name) is not None]
        return ", ".join(part for part in (format_value(spec.field("action"), data.get("action"), lang), *noted,
                                           *self.dosed(lang)) if part)

    def signs(self, at: datetime) -> list[Sign]:
        return signs(self.matters, self.done, self.due_at, at, dosed=bool(self.doses),
                     depressed=self.finding is not None)

    def found(self, lang: Lang) -> str:
        """What stops the opioid as of this line: "SEDATION 2/3, BREATHING 8/min", with its time
        when an earlier line found it ("… at 28/11 13:30"), the line itself scoring the pain alone."""
        if self.finding is None:
            return ""
        said = self.finding.text(lang)
        if self.finding.record.record_id == self.record.record_id:
            return said
        return WORDS["found_at"][lang].format(found=said, time=ward_time(self.finding.assessed_at, None))

    def said(self, sign: Sign, spec: FormSpec, at: datetime, lang: Lang) -> str:
        if sign is Sign.DEPRESSED and self.comfort is not None:
            return ON_COMFORT[lang].format(found=self.found(lang), by=" ".join(self.comfort.decided_by.split()),
                                           time=ward_time(self.comfort.decided_at, at.tzinfo))
        return SIGNS[sign][lang].format(score=self.score(spec, lang), found=self.found(lang),
                                        due=ward_time(self.due_at, at.tzinfo))

    def line(self, key: str, spec: FormSpec, lang: Lang) -> str:
        return WORDS[key][lang].format(pain=self.text(spec, lang), time=ward_time(self.assessed_at, None))


def assessed(record: RecordVersion) -> Assessed:
    at = datetime.fromisoformat(record.data["assessed_at"])
    return Assessed(record, at, reassess_by(at, int(record.data["reassess_in"])))


def standing(found: Sequence[Assessed], born: date | None) -> list[Assessed]:
    """Each assessment (oldest first) with the patient's age on its ward day (`born`: their date
    of birth, None if not known) and the sedation or breathing that stops the opioid as of it: its
    own, else the one before it unless it clears it (domain.pain.clears). A line scoring the pain
    alone, sedation not asked, took the alarm off the handover and the escalation list while the
    patient was as drowsy as before; a baby of 8 months breathing 12 a minute was held to the
    adult's 10."""
    made: list[Assessed] = []
    for one in found:
        aged = replace(one, age_years=None if born is None else age_in_years(born, ward_day(one.assessed_at)))
        if aged.depressing:
            finding: Finding | None = Finding(aged.record, aged.assessed_at, aged.age_years)
        else:
            finding = None if clears(aged.record.data, aged.age_years) or not made else made[-1].finding
        made.append(replace(aged, finding=finding))
    return made


def _lines(records: list[RecordVersion]) -> list[Assessed]:
    return in_order(records, assessed, lambda one: one.assessed_at)


# The patient's standing pain assessments, oldest first (see `charts` for what stops the opioid).
CHART = Chart(FORM, _lines)


def charts(db: Database, patient_ids: Collection[str]) -> dict[str, list[Assessed]]:
    """Each of these patients' standing pain assessments, oldest first, each with the finding that
    stops the opioid as of it at the patient's age then (`standing`; without the doses given
    since), for those who have one."""
    found = CHART.of_each(db, patient_ids)
    born = births(db, list(found)) if found else {}
    return {patient_id: standing(lines, born.get(patient_id)) for patient_id, lines in found.items()}


def _chart(db: Database, patient_id: str) -> list[Assessed]:
    return charts(db, [patient_id]).get(patient_id, [])


def doses_for_pain(db: Database, patient_id: str) -> list[Dose]:
    return doses_for_pain_each(db, [patient_id]).get(patient_id, [])


def doses_for_pain_each(db: Database, patient_ids: Collection[str]) -> dict[str, list[Dose]]:
    """Each of these patients' as-required doses given for pain in their present stay, by the
    reason given or the order's indication ("pain 7/10", "douleur EVA > 3"), oldest first; a dose
    of an order withdrawn as a mistake is not one. A dose of a stay that ended asked a readmitted
    patient's pain to be assessed, overdue since before they came back. Read for a whole ward at
    once, as the escalation list and the handover sheet ask."""
    wanted = list(patient_ids)
    began = stays_began(db, wanted)
    orders = {record.record_id: medication.order_of(record)
              for records in current_by_patient(db, medication.ORDER_FORM, wanted).values() for record in records
              if record.status is not RecordStatus.ENTERED_IN_ERROR}
    found: dict[str, list[Dose]] = {}
    for patient_id, records in current_by_patient(db, medication.DOSE_FORM, wanted).items():
        stay = began.get(patient_id)
        for dose in (medication.administration_of(record) for record in records
                     if record.status is not RecordStatus.ENTERED_IN_ERROR):
            order = orders.get(dose.order_id)
            if (dose.outcome is Outcome.GIVEN and dose.given_for is not None and order is not None
                    and (stay is None or elapsed.instant(stay) <= elapsed.instant(dose.at))
                    and for_pain(dose.given_for, order.prn_indication)):
                found.setdefault(patient_id, []).append(Dose(dose.at, order.drug, order.route))
    return {patient_id: sorted(doses, key=lambda one: elapsed.instant(one.given_at))
            for patient_id, doses in found.items()}


def with_doses(found: Sequence[Assessed], doses: Sequence[Dose]) -> list[Assessed]:
    """Each assessment with the doses for pain given before the next whose effect it could not
    tell (those given since, and one given just before it for the pain it scores), its
    reassessment due by the earliest dose's effect when that is sooner: a tablet given after an
    injection does not put off the injection's."""
    made = []
    for one, after in zip(found, [*(later.assessed_at for later in found[1:]), None]):
        since = [dose for dose in doses if not assesses_effect(dose.given_at, dose.route, one.assessed_at)
                 and (after is None or elapsed.instant(dose.given_at) < elapsed.instant(after))]
        due = min((one.due_at, *(dose.assess_by for dose in since)), key=elapsed.instant)
        made.append(replace(one, doses=tuple(since), due_at=due))
    return made


def chart(db: Database, patient_id: str) -> list[Assessed]:
    """The patient's standing pain assessments, oldest first, with the doses for pain since each."""
    return with_doses(_chart(db, patient_id), doses_for_pain(db, patient_id))


def _unassessed(doses: Sequence[Dose]) -> Unassessed | None:
    return Unassessed(tuple(doses)) if doses else None


def _latest(found: Sequence[Assessed], doses: Sequence[Dose]) -> Assessed | Unassessed | None:
    """The latest assessment with the doses since, or the doses for pain given with none."""
    return with_doses(found, doses)[-1] if found else _unassessed(doses)


def _comfort_plan(db: Database, patient: PatientSummary, at: datetime) -> ObservationPlan | None:
    """The doctor's plan standing for the patient at `at` when it is comfort care (observations.plans)."""
    plan = observations.plans(db, [patient], at).get(patient.patient_id)
    return plan if plan is not None and plan.comfort else None


def comforted(db: Database, patient: PatientSummary, found: Assessed, at: datetime) -> Assessed:
    """The latest assessment with the comfort-care plan standing at `at`, when the line is read,
    read only when it found what stops the opioid: a dying patient's sedation 3 and breathing 8
    were "stop the opioid, call the doctor, naloxone as prescribed" on the handover, the
    escalation list and the pain screen. The plan standing when the line was made would keep comfort
    care after full escalation replaced it, and ask naloxone of a finding charted before comfort
    care was decided, where the dose check (`stopped_opioid`) reads the plan standing at the dose."""
    if found.finding is None:
        return found
    return replace(found, comfort=_comfort_plan(db, patient, at))


def _comforted(db: Database, patient: PatientSummary, found: Assessed | Unassessed | None, at: datetime
               ) -> Assessed | Unassessed | None:
    """`comforted` of what the pain chart asks from (`latest`): doses with no assessment find nothing."""
    return comforted(db, patient, found, at) if isinstance(found, Assessed) else found


def stopped_opioid(db: Database, forms: Mapping[str, FormSpec], patient_id: str, at: datetime) -> Finding | None:
    """The sedation or breathing that stops the opioid standing at `at` on the patient's pain
    chart (see `standing`), which a dose of an opioid then is questioned by: the morphine of
    17:35 was offered "a dose is allowed now" after the 13:30 line said to stop it. None while
    comfort care stands at `at`: the anticipatory morphine of the last hours needed a reason to be
    given for the drowsiness and slow breathing the dying have."""
    before = [one for one in _chart(db, patient_id) if elapsed.instant(one.assessed_at) <= elapsed.instant(at)]
    if not before or before[-1].finding is None:
        return None
    patient = census.patient_with_location(db, dict(forms), patient_id)
    return None if _comfort_plan(db, patient, at) is not None else before[-1].finding


def unassessed(db: Database, patient_id: str) -> Unassessed | None:
    """The doses for pain given to a patient whose pain was never assessed (None: none given)."""
    return _unassessed(doses_for_pain(db, patient_id))


def latest(db: Database, patient_id: str) -> Assessed | Unassessed | None:
    """What the patient's pain chart asks from: its latest assessment, or the doses for pain
    given while it has none; None when there is neither."""
    return _latest(_chart(db, patient_id), doses_for_pain(db, patient_id))


def latest_each(db: Database, patients: Mapping[str, PatientSummary], at: datetime
                ) -> dict[str, Assessed | Unassessed]:
    """`latest` for each of these patients (by id) who has an assessment or a dose for pain, with
    the comfort-care plan standing at `at`, when it is read (`comforted`)."""
    found, doses = charts(db, patients), doses_for_pain_each(db, patients)
    return {patient_id: one for patient_id, patient in patients.items()
            if (one := _comforted(db, patient, _latest(found.get(patient_id, ()), doses.get(patient_id, ())), at))
            is not None}


def handover(db: Database, forms: Mapping[str, FormSpec], patient_ids: Collection[str], at: datetime,
             lang: Lang) -> dict[str, str]:
    """What the handover sheet says at `at` of each of these patients' pain: the latest
    assessment (or that none was made after a dose for pain), pain left untreated, and when it
    is next assessed (or since when that is overdue)."""
    spec = forms[FORM]
    return {patient_id: semicolon(lang).join([
        latest.line("handover", spec, lang), *latest.dosed(lang),
        *(latest.said(sign, spec, at, lang) for sign in latest.signs(at) if sign is not Sign.OVERDUE),
        latest.next_one(spec, at, lang)])
        for patient_id, latest in latest_each(db, census.all_patients(db, dict(forms), patient_ids), at).items()}


def handed_on(db: Database, forms: Mapping[str, FormSpec], patient_id: str, at: datetime, lang: Lang) -> list[str]:
    """What a letter handing the patient on (a move to another ward, a transfer to another
    hospital, a discharge) says of their pain: the latest assessment and pain left untreated,
    which the receiving team answers first."""
    spec = forms[FORM]
    found = _comforted(db, census.patient_with_location(db, dict(forms), patient_id), latest(db, patient_id), at)
    if found is None:
        return []
    return [found.line("letter", spec, lang), *found.dosed(lang),
            *(found.said(sign, spec, at, lang) for sign in found.signs(at) if sign is not Sign.OVERDUE)]


def _soon_enough(db: Database, spec: FormSpec, patient_id: str, data: Mapping[str, Any], typed_at: datetime,
                 lang: Lang, new: bool) -> list[FieldError]:
    """Analgesia given is assessed again by its effect: 30 minutes when a dose for pain was
    injected in the hour before the assessment (on the MAR), within the hour otherwise. Not a
    line typed from the paper chart (`TRANSCRIBED`) once that wait is over (`typed_at`): it is
    what the nurse wrote ("again in 4 h", the patient asleep), and refused, the clerk had to type
    a plan nobody made or leave out the analgesia given. A line typed late at the bedside is held
    to it: let through, its effect was never asked, nor an overdue plan once stretched. A `new`
    line typed past its wait with the answer left blank is refused naming it, on that answer too:
    told only to choose an hour or less, the clerk who had not found it typed the plan nobody made
    (an amendment cannot give the answer, see `check`). Answered No, it is told the rule alone:
    marked wrong on her truthful No and told to answer Yes, the nurse typing her round late
    ticked Yes, and the treated pain's effect went unasked under a false "(from paper)"."""
    if "analgesia" not in (data.get("action") or ()):
        return []
    at = datetime.fromisoformat(data["assessed_at"])
    injected = any(dose.route in INJECTED for dose in doses_for_pain(db, patient_id)
                   if timedelta(0) <= elapsed.between(dose.given_at, at) <= AFTER_OTHER)
    wait = AFTER_INJECTION if injected else AFTER_OTHER
    if timedelta(minutes=int(data["reassess_in"])) <= wait or (
            data.get(TRANSCRIBED) is True and elapsed.between(at, typed_at) >= wait):
        return []
    field = spec.field("reassess_in")
    said = {"field": field.label.get(lang), "within": WORDS["within_injection" if injected else "within_other"][lang],
            "choice": format_value(field, str(wait // timedelta(minutes=1)), lang)}
    if not new or data.get(TRANSCRIBED) is not None or elapsed.between(at, typed_at) < wait:
        return [FieldError(field.id, WORDS["soon"][lang].format(**said))]
    paper = spec.field(TRANSCRIBED)
    return [FieldError(field.id, WORDS["soon_paper"][lang].format(**said, paper=paper.label.get(lang))),
            FieldError(paper.id, WORDS["paper"][lang].format(field=paper.label.get(lang)))]


def _scale_for_age(db: Database, forms: Mapping[str, FormSpec], spec: FormSpec, patient_id: str,
                   data: Mapping[str, Any], lang: Lang) -> list[FieldError]:
    """A scale the patient's age cannot answer: a toddler given a number from 0 to 10 (a time
    before the birth is a slip this does not judge), on the ward's day: the 00:30 of a sixth
    birthday typed on a laptop set to UTC was read as the day before and refused."""
    born = census.patient_with_location(db, forms, patient_id).birth_date
    on = ward_day(datetime.fromisoformat(data["assessed_at"]))
    if born is None or on < born or not too_young(data["scale"], age_in_years(born, on)):
        return []
    field = spec.field("scale")
    return [FieldError(field.id, WORDS["young"][lang].format(
        field=field.label.get(lang), scale=format_value(field, data["scale"], lang), years=YOUNGEST[data["scale"]]))]


def check(session: Session, spec: FormSpec, patient_id: str, data: Mapping[str, Any],
          before: Mapping[str, Any] | None = None) -> None:
    """Refuse an assessment typed, or an amendment changing what is checked, that leaves
    analgesia given unassessed for hours (not one typed from the paper chart once its wait was
    over: see `_soon_enough`), or scores a young child on a scale they cannot answer; one amended
    for another reason (a place misspelt) stands as the plan made then. An amendment does not
    change whether the line was typed from the paper chart: a live line re-marked as paper let
    its overdue plan be stretched."""
    if before is not None:
        if (before.get(TRANSCRIBED) is True) != (data.get(TRANSCRIBED) is True):
            field = spec.field(TRANSCRIBED)
            raise ValidationFailed([FieldError(field.id, WORDS["kept"][session.lang].format(
                field=field.label.get(session.lang)))])
        if all(before.get(key) == data.get(key) for key in ("assessed_at", "scale", "action", "reassess_in")):
            return
    errors = [*_scale_for_age(session.db, session.forms, spec, patient_id, data, session.lang),
              *_soon_enough(session.db, spec, patient_id, data, session.clock(), session.lang, before is None)]
    if errors:
        raise ValidationFailed(errors)
