"""A patient's sepsis screenings this stay (domain.sepsis): the latest and what it found; what
the episode of red flag or possible sepsis still asks (domain.sepsis.episode: the Sepsis Six
left, the doctor's review); and a NEWS2 set of 5 or more taken after the latest's readings,
scoring more than they did or a day on, which asks for a screening. Shown on the observations
tab, where the set is taken, on the escalation list, the handover sheet and the letters. Never
stored: worked out from the standing records."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import Any

from sqlite_utils import Database

from downtime.domain.clock import ward_time
from downtime.domain import elapsed
from downtime.domain.census import StayStatus
from downtime.domain.child_fluids import fluid_challenge
from downtime.domain.news2 import News2Score
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.domain.medication import Check, Order, Outcome as DoseOutcome, Warning, antibacterial, route_code
from downtime.domain.sepsis import (DONE_FROM, MATCHED_WITHIN, OUTCOMES, SCREEN_FROM, SCREENED_FOR, Charted, Outcome,
                                    Screening, done_on_chart, episode, left_to_do, outcome, reviewed_at,
                                    target_missed, uncharted)
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import FieldError
from downtime.i18n import QT_TRANSLATE_NOOP, message, semicolon
from downtime.services import observations
from downtime.services.bedside import Chart, ordered
from downtime.services.census import patient_with_location
from downtime.services.context import Session
from downtime.services.errors import ValidationFailed
from downtime.services.observations import ObservationPlan, ScoredSet
from downtime.services.patients import PatientSummary
from downtime.storage.records import list_current

FORM = "sepsis_screening"
HANDED_OVER_FOR = timedelta(hours=24)
"""A screening is said at the handover for a day, whatever it still asks."""
UNCHARTED_FOR = timedelta(hours=24)
"""A screening's antibiotics time that no dose on the medication chart matches is said for a day:
the dose's next is due, or charted, by then."""
# The UK tool's "red flag sepsis" is a screening's finding (any one red flag with an infection
# likely), not a grade of sepsis: in French it was "SEPSIS GRAVE", the name of a diagnosis (sepsis
# with organ dysfunction) that Sepsis-3 dropped in 2016, which a French doctor reads as that and
# not as the hour's Sepsis Six. "Drapeau rouge" is the French clinicians' own word for a warning
# sign that calls for action now (a low back pain's "drapeaux rouges"); "signe de gravité" fits no
# better, a chemotherapy in the last 6 weeks being one of the red flags.
SHORT = {Outcome.RED: {"en": "RED FLAG SEPSIS", "fr": "SEPSIS « DRAPEAU ROUGE »"},
         Outcome.AMBER: {"en": "POSSIBLE SEPSIS", "fr": "SEPSIS POSSIBLE"},
         Outcome.LOW: {"en": "infection, no red flag", "fr": "infection sans drapeau rouge"},
         Outcome.UNLIKELY: {"en": "infection unlikely", "fr": "infection peu probable"}}
WORDS = {
    "screened": {"en": "Sepsis screen {time}{news2}: {found}", "fr": "Dépistage du sepsis le {time}{news2} : {found}"},
    "news2": {"en": " (NEWS2 {score})", "fr": " (NEWS2 {score})"},
    "antibiotics": {"en": "IV antibiotics {time}", "fr": "antibiotiques IV le {time}"},
    "charted": {"en": "IV antibiotics: {what} given {time} (medication chart)",
                "fr": "antibiotiques IV : {what} administré le {time} (plan d’administration)"},
    "fluids_charted": {"en": "IV fluids: {what} given {time} (medication chart)",
                       "fr": "remplissage IV : {what} administré le {time} (plan d’administration)"},
    "uncharted": {"en": "ANTIBIOTIC TIMED ON THE SEPSIS SCREENING {time}, NOT ON THE MEDICATION CHART: chart the dose "
                        "given, or the next nurse may give it again",
                  "fr": "ANTIBIOTIQUE NOTÉ SUR LE DÉPISTAGE DU SEPSIS LE {time}, PAS SUR LE PLAN D’ADMINISTRATION : "
                        "tracer la dose donnée, sinon l’infirmier suivant risque de la redonner"},
    "reviewed": {"en": "reviewed by {name} {time}", "fr": "examiné par {name} le {time}"},
    "none": {"en": "Sepsis: not screened this stay", "fr": "Sepsis : pas de dépistage pendant ce séjour"},
    "not_given": {"en": "IV antibiotics not recorded", "fr": "antibiotiques IV non notés"},
    "not_reviewed": {"en": "no doctor's review recorded", "fr": "pas d’examen médical noté"},
    "comfort": {"en": "comfort care decided ({by}, {time}) after this screening: Sepsis Six not pursued",
                "fr": "soins de confort décidés ({by}, le {time}) après ce dépistage : « Sepsis Six » non poursuivi"},
    "comfort_before": {"en": "comfort care decided ({by}, {time}) before this screening: Sepsis Six not pursued "
                             "unless the doctor records a new plan",
                       "fr": "soins de confort décidés ({by}, le {time}) avant ce dépistage : « Sepsis Six » non "
                             "poursuivi sauf nouveau plan noté par le médecin"},
    "screen": {"en": "NEWS2 {score} at {time}: COULD THIS BE SEPSIS? Screen with the sepsis tool",
               "fr": "NEWS2 {score} le {time} : EST-CE UN SEPSIS ? Dépister avec l’outil sepsis"},
}


REVIEWED_LONG_BEFORE = QT_TRANSLATE_NOOP(
    "messages", "“{field}”: {time} is more than {hours} hours before the screening ({screened}): check the day "
                "and time of the doctor's review.")
OXYGEN_NEEDED = QT_TRANSLATE_NOOP(
    "messages", "“{field}”: oxygen is needed with an SpO2 of {spo2} % on air, under the target of {target} %: give "
                "it to the target and time it, or correct the readings.")
NOT_PRESCRIBED = QT_TRANSLATE_NOOP(
    "messages", "“{field}”: {time}, and no IV antibiotic is prescribed for the patient then: have the doctor "
                "prescribe it on the medication chart (a telephone order if need be) and chart the dose there, or "
                "correct the time.")
TIMED_ON_SCREENING = QT_TRANSLATE_NOOP(
    "messages", "{drug}: IV antibiotics are timed on the sepsis screening at {time}, and no dose given then is on the "
                "medication chart: if that was this dose, record it given at {time}; do not give it again.")



@dataclass(frozen=True)
class Screened:
    """A screening (`record`) as domain.sepsis reads it, with the NEWS2 of its readings."""

    record: RecordVersion
    screening: Screening
    news2: News2Score | None
    charted: Charted | None = None
    """The dose given on the medication chart that counts for its IV antibiotics
    (domain.sepsis.done_on_chart)."""
    fluids: Charted | None = None
    """The IV fluid given on the medication chart that counts for its IV fluids."""
    uncharted: datetime | None = None
    """Its own antibiotics time that no dose on the chart matches (domain.sepsis.uncharted)."""

    def text(self, lang: Lang, zone: tzinfo | None) -> str:
        """"Sepsis screen 28/11 13:05 (NEWS2 7): RED FLAG SEPSIS; IV antibiotics: Clarithromycin 500 mg
        IV given 28/11 13:40 (medication chart); reviewed by Dr Benali 28/11 13:15", on the ward's
        clock (`zone`); the screening's own antibiotics time when the chart has no dose for them."""
        data, screening = self.record.data, self.screening
        said = [WORDS["screened"][lang].format(
            time=ward_time(screening.screened_at, zone), found=SHORT[screening.outcome][lang],
            news2="" if self.news2 is None else WORDS["news2"][lang].format(score=self.news2.total))]
        if self.charted is not None:
            said.append(WORDS["charted"][lang].format(what=self.charted.text(lang), time=ward_time(self.charted.at, zone)))
        elif data.get("antibiotics_at"):
            said.append(WORDS["antibiotics"][lang].format(
                time=ward_time(datetime.fromisoformat(data["antibiotics_at"]), zone)))
        if self.fluids is not None:
            said.append(WORDS["fluids_charted"][lang].format(what=self.fluids.text(lang),
                                                             time=ward_time(self.fluids.at, zone)))
        if screening.reviewed_at is not None:
            said.append(WORDS["reviewed"][lang].format(name=" ".join(data["reviewed_by"].split()),
                                                       time=ward_time(screening.reviewed_at, zone)))
        return semicolon(lang).join(said)

    def meaning(self, lang: Lang) -> str:
        return OUTCOMES[self.screening.outcome][lang]


def found_on_form(values: Mapping[str, Any]) -> Outcome | None:
    """What a screening finds from its answers as they stand (typed or saved), its readings scored
    as they are; None until whether an infection is likely is answered."""
    if values.get("infection") is None:
        return None
    return outcome(values, observations.readings_score(dict(values)))


def check(spec: FormSpec, data: Mapping[str, Any], lang: Lang, before: Mapping[str, Any] | None = None) -> None:
    """Refuse a screening typed, or amended into, a doctor's review long before it (a day typed
    wrong, which the chart ignores: `reviewed_at`) or oxygen "not needed" with the readings under
    target on air (`target_missed`, which the chart ignores too). A screening saved so before
    these checks is corrected without them: no one typed it so now."""
    if _review_refused(data) and (before is None or not _review_refused(before)):
        screened_at = datetime.fromisoformat(data["screened_at"])
        raise ValidationFailed([FieldError("reviewed_at", message(
            lang, REVIEWED_LONG_BEFORE, field=spec.field("reviewed_at").label.get(lang),
            time=ward_time(datetime.fromisoformat(data["reviewed_at"]), screened_at.tzinfo),
            hours=int(DONE_FROM.total_seconds() // 3600), screened=ward_time(screened_at, screened_at.tzinfo)))])
    if _oxygen_refused(data) and (before is None or not _oxygen_refused(before)):
        raise ValidationFailed([FieldError("not_needed", message(
            lang, OXYGEN_NEEDED, field=spec.field("not_needed").label.get(lang), spo2=data["spo2"],
            target=target_missed(data)))])


def check_prescribed(session: Session, spec: FormSpec, patient_id: str, data: Mapping[str, Any],
                     before: Mapping[str, Any] | None = None) -> None:
    """Refuse a screening typed, or amended into, IV antibiotics given (`antibiotics_at`) with no IV
    antibacterial order (`iv_antibacterial`) standing then, give or take `MATCHED_WITHIN`: the box
    took any time for a patient prescribed none, whose dose no chart then held. An antibiotics time
    saved so before the check is corrected without it."""
    if not (typed := data.get("antibiotics_at")) or (before is not None and before.get("antibiotics_at") == typed):
        return
    from downtime.services import medication  # which writes through records, which imports this module

    given = datetime.fromisoformat(typed)
    if any(iv_antibacterial(found) and found.start_at <= elapsed.later(given, MATCHED_WITHIN)
           and (found.stop_at is None or elapsed.earlier(given, MATCHED_WITHIN) < found.stop_at)
           for found in medication.orders(session.db, patient_id, given)):
        return
    raise ValidationFailed([FieldError("antibiotics_at", message(
        session.lang, NOT_PRESCRIBED, field=spec.field("antibiotics_at").label.get(session.lang),
        time=ward_time(given, given.tzinfo)))])


def timed_on_screening(session: Session, found: Order, values: Mapping[str, Any]) -> list[Warning]:
    """A dose of an IV antibiotic (`iv_antibacterial`) given while a screening of the last
    `UNCHARTED_FOR` times IV antibiotics no dose on the chart matches (domain.sepsis.uncharted),
    unless given within `MATCHED_WITHIN` of that time (it is then that dose, charted at last): the
    once-only dose stayed OVERDUE on the round, its check said nothing, and the next nurse gave it
    again."""
    if values.get("outcome") != DoseOutcome.GIVEN.value or not iv_antibacterial(found):
        return []
    timed = [record for record in CHART.of(session.db, found.patient_id) if record.data.get("antibiotics_at")]
    if not timed:
        return []
    at = datetime.fromisoformat(values["given_at"])
    doses = charted_doses(session.db, [found.patient_id], at)[found.patient_id]
    stay = [screened(record, doses) for record in timed]
    return [Warning(Check.TIMED_ON_SCREENING, TIMED_ON_SCREENING, {
        "drug": " ".join(found.drug.split()), "time": ward_time(typed, at.tzinfo)})
            for typed in _uncharted(stay, at) if abs(elapsed.between(typed, at)) > MATCHED_WITHIN]


def _review_refused(data: Mapping[str, Any]) -> bool:
    return bool(data.get("reviewed_at")) and reviewed_at(data) is None


def _oxygen_refused(data: Mapping[str, Any]) -> bool:
    return "oxygen" in (data.get("not_needed") or ()) and target_missed(data) is not None


def screened(record: RecordVersion, charted: Sequence[Charted] = ()) -> Screened:
    """The screening as domain.sepsis reads it, its IV antibiotics and IV fluids given by any of
    the patient's doses on the medication chart (`charted_doses`) as well as its own boxes."""
    data = record.data
    news2 = observations.readings_score(data)
    return Screened(record, Screening(datetime.fromisoformat(data["screened_at"]), outcome(data, news2),
                                      tuple(left_to_do(data, charted)), reviewed_at(data)), news2,
                    charted=done_on_chart(data, charted), uncharted=uncharted(data, charted),
                    fluids=done_on_chart(data, charted, "fluids"))


CHART = Chart(FORM, ordered(lambda record: record, lambda record: datetime.fromisoformat(record.data["screened_at"])))
"""Each patient's screenings this stay, oldest first: made into `Screened` with their doses (`read`)."""


def iv_antibacterial(found: Order) -> bool:
    """Whether the order is the Sepsis Six's IV antibiotics: an antibacterial given by vein."""
    return route_code(found.route) == "IV" and antibacterial(found.drug, found.route)


def charted_doses(db: Database, patient_ids: Sequence[str], at: datetime) -> dict[str, list[Charted]]:
    """Each of these patients' IV antibacterial doses (`iv_antibacterial`) and IV fluid challenges
    (`child_fluids.fluid_challenge`) recorded given on the medication chart,
    read for them all at once as the escalation list reads a ward."""
    from downtime.services import medication  # which writes through records, which imports this module

    ivs = {found.record_id: found for orders in medication.orders_of_each(db, patient_ids, at).values()
           for found in orders if iv_antibacterial(found) or fluid_challenge(found)}
    doses: dict[str, list[Charted]] = {patient_id: [] for patient_id in patient_ids}
    for record in list_current(db, form_id=medication.DOSE_FORM, patient_ids=patient_ids):
        dose = medication.administration_of(record)
        if (record.status is not RecordStatus.ENTERED_IN_ERROR and dose.outcome is DoseOutcome.GIVEN
                and (found := ivs.get(dose.order_id)) is not None):
            given = found.dose if dose.dose is None else dose.dose
            doses[str(record.patient_id)].append(Charted(dose.at, found.drug, given, found.dose_unit, found.route,
                                                         "antibiotics" if iv_antibacterial(found) else "fluids"))
    return doses


@dataclass(frozen=True)
class Sepsis:
    """What is known of a patient's sepsis at a moment: their latest screening this stay, their
    episode of red flag or possible sepsis (`domain.sepsis.episode`: what it asks), and the set
    standing for their NEWS2 risk (None with none this stay, or under 16); `plan`: the doctor's
    observation and escalation plan standing for them (observations.plans); `uncharted`: the
    antibiotics times of their screenings of the last day (`UNCHARTED_FOR`) that no dose on the
    medication chart matches (domain.sepsis.uncharted)."""

    found: Screened | None
    episode: Screening | None
    standing: ScoredSet | None
    plan: ObservationPlan | None = None
    uncharted: tuple[datetime, ...] = ()

    @property
    def comfort(self) -> bool:
        return self.plan is not None and self.plan.comfort

    @property
    def stood_down_by(self) -> ObservationPlan | None:
        """The comfort-care plan standing while the episode still asks: the doctor's plan is the
        review, and decided against the Sepsis Six (blood cultures, IV antibiotics), which no
        answer on the form could end truthfully; a dying patient was "SEPSIS SIX OVERDUE" at every
        handover. A screening made after the decision stands down too: it joined the episode
        begun before, and was "SEPSIS SIX OVERDUE" the moment it was saved, its hour counted from
        the first screening, for treatment the doctor had decided against. A new plan other than
        comfort care ends the plan, and the episode asks again."""
        plan, found, episode = self.plan, self.found, self.episode
        if plan is None or not plan.comfort or found is None or episode is None or not episode.asking:
            return None
        return plan

    @property
    def pursued(self) -> Screening | None:
        """The episode of red flag or possible sepsis whose Sepsis Six and review are asked: none
        once comfort care stood it down (`stood_down_by`)."""
        return None if self.stood_down_by is not None else self.episode

    def text(self, lang: Lang, zone: tzinfo | None) -> str:
        """The latest screening in words (`Screened.text`, or none this stay), and on one line
        with it that comfort care stood its episode down, who decided it and when."""
        if self.found is None:
            return WORDS["none"][lang]
        said = [self.found.text(lang, zone)]
        if (plan := self.stood_down_by) is not None:
            after = elapsed.instant(self.found.screening.screened_at) <= elapsed.instant(plan.decided_at)
            said.append(WORDS["comfort" if after else "comfort_before"][lang].format(
                by=" ".join(plan.decided_by.split()), time=ward_time(plan.decided_at, zone)))
        return semicolon(lang).join(said)

    @property
    def to_screen(self) -> bool:
        """Whether the standing set scores 5 or more and, unless red flag sepsis is being treated
        (`_treated`), was taken after the readings the latest screening was made on and either
        scores more than they did (a screening without readings, more than 4) or was taken a day
        after it: a patient who got better and worse again days on was never asked again. Never
        on comfort care: a dying patient's score is not screened for sepsis, whose bundle (blood
        cultures, IV antibiotics, fluids) her plan has decided against."""
        found, standing = self.found, self.standing
        if self.comfort or standing is None or standing.news2 is None or standing.news2.total < SCREEN_FROM:
            return False
        if found is None:
            return True
        if self._treated(found, standing):
            return False
        readings = datetime.fromisoformat(found.record.data["taken_at"]) if found.record.data.get("taken_at") \
            else found.screening.screened_at
        worse = standing.news2.total > (SCREEN_FROM - 1 if found.news2 is None else found.news2.total)
        return elapsed.instant(standing.taken_at) > elapsed.instant(readings) and (
            worse or elapsed.between(found.screening.screened_at, standing.taken_at) >= SCREENED_FOR)

    def _treated(self, found: Screened, standing: ScoredSet) -> bool:
        """Whether red flag sepsis is being treated when the standing set was taken: its Sepsis
        Six and review, asked on their own, not all done, or the latest screening less than a day
        before (its NEWS2 escalates it). A finished episode kept a new sepsis days on from ever
        being screened."""
        return self.episode is not None and self.episode.outcome is Outcome.RED and (
            self.episode.asking or elapsed.between(found.screening.screened_at, standing.taken_at) < SCREENED_FOR)

    def asks(self, at: datetime, lang: Lang) -> list[str]:
        """A screening (`to_screen`), and what the episode of red flag or possible sepsis asks
        (`pursued`)."""
        asked = [] if self.pursued is None else self.pursued.asks(at, lang)
        asked += [WORDS["uncharted"][lang].format(time=ward_time(typed, at.tzinfo)) for typed in self.uncharted]
        if self.to_screen and self.standing is not None and self.standing.news2 is not None:
            asked.insert(0, WORDS["screen"][lang].format(score=self.standing.news2.total,
                                                         time=ward_time(self.standing.taken_at, at.tzinfo)))
        return asked

    def next_change(self, at: datetime) -> datetime | None:
        """When what it asks changes with time alone: the episode's hour running out, an antibiotics
        time not on the chart no longer said (`UNCHARTED_FOR`)."""
        changes = [elapsed.later(typed, UNCHARTED_FOR) for typed in self.uncharted]
        if self.pursued is not None and (coming := self.pursued.next_change(at)) is not None:
            changes.append(coming)
        return min(changes, key=elapsed.instant, default=None)

    def state(self, at: datetime, lang: Lang) -> tuple[str, list[str]]:
        """The patient's sepsis in words (their latest screening, or none this stay) and what it
        asks at `at`."""
        return self.text(lang, at.tzinfo), self.asks(at, lang)


def read(db: Database, patients: Sequence[PatientSummary], at: datetime) -> dict[str, Sepsis]:
    """Each of these in-patients' screenings this stay and standing NEWS2 set at `at`."""
    every, watches = CHART.of_each(db, [patient.patient_id for patient in patients]), observations.watches(db, patients, at)
    doses = charted_doses(db, list(every), at)  # only the screened's: the chart is read for their screenings
    found = {}
    for patient in patients:
        stay = [screened(record, doses[patient.patient_id]) for record in every.get(patient.patient_id, [])]
        watch = watches[patient.patient_id]
        found[patient.patient_id] = Sepsis(stay[-1] if stay else None, episode([one.screening for one in stay]),
                                           watch.standing, watch.plan, _uncharted(stay, at))
    return found


def _uncharted(stay: Sequence[Screened], at: datetime) -> tuple[datetime, ...]:
    """The antibiotics times of these screenings that no dose on the chart matches, typed for the
    last `UNCHARTED_FOR` before `at` (its next dose is charted by then), oldest first."""
    return tuple(sorted({one.uncharted for one in stay if one.uncharted is not None
                         and elapsed.between(one.uncharted, at) < UNCHARTED_FOR}, key=elapsed.instant))


def asking(known: Sepsis, patient: PatientSummary, at: datetime, lang: Lang) -> list[str]:
    """What a patient's sepsis asks at `at`; nothing of a patient who has left, nor of a child
    (the tool is an adult's, scored with NEWS2)."""
    return known.asks(at, lang) if patient.stay in (None, StayStatus.IN) and observations.applies_to(patient, at) \
        else []


def handover(db: Database, patients: Sequence[PatientSummary], at: datetime, lang: Lang) -> dict[str, str]:
    """What the handover sheet says at `at` of each of these in-patients' sepsis: a screening of
    the last day, or one still asking, and what is asked."""
    known, lines = read(db, patients, at), {}
    for patient in patients:
        one = known[patient.patient_id]
        asked = asking(one, patient, at, lang)
        recent = one.found is not None and elapsed.between(one.found.screening.screened_at, at) < HANDED_OVER_FOR
        shown = [one.text(lang, at.tzinfo)] if one.found is not None and (asked or recent) else []
        if shown or asked:
            lines[patient.patient_id] = semicolon(lang).join([*shown, *asked])
    return lines


def to_open(db: Database, forms: Mapping[str, FormSpec], patient_id: str, at: datetime) -> RecordVersion | None:
    """The screening to open from the escalation list: the latest this stay when it asks
    something (to time the Sepsis Six and the review on it) and no new one is asked; None for a
    new screening."""
    patient = patient_with_location(db, dict(forms), patient_id)
    known = read(db, [patient], at)[patient_id]
    asking_now = known.pursued is not None and known.pursued.asks(at, "en")
    return known.found.record if known.found is not None and asking_now and not known.to_screen else None


def handed_on(db: Database, forms: Mapping[str, FormSpec], patient_id: str, at: datetime, lang: Lang) -> list[str]:
    """What a letter handing the patient on says of sepsis: their latest screening this stay,
    what it found, the antibiotics' time and the doctor's review, or that neither is recorded for
    a sepsis still being treated (not what it asked within its hour: the letter is read hours
    on); nothing when never screened."""
    patient = patient_with_location(db, dict(forms), patient_id)
    known = read(db, [patient], at)[patient_id]
    if known.found is None:
        return []
    treated = known.pursued
    left = [] if treated is None else [WORDS[key][lang] for key, said in (
        ("not_given", treated.outcome is Outcome.RED and "antibiotics" in treated.left),
        ("not_reviewed", treated.reviewed_at is None)) if said]
    return [semicolon(lang).join([known.text(lang, at.tzinfo), *left])]

