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
from downtime.domain.news2 import News2Score
from downtime.domain.records import RecordVersion
from downtime.domain.sepsis import (DONE_FROM, OUTCOMES, SCREEN_FROM, SCREENED_FOR, Outcome, Screening, episode,
                                    left_to_do, outcome, reviewed_at, target_missed)
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import FieldError
from downtime.i18n import QT_TRANSLATE_NOOP, message, semicolon
from downtime.services import observations
from downtime.services.bedside import Chart, ordered
from downtime.services.census import patient_with_location
from downtime.services.errors import ValidationFailed
from downtime.services.observations import ObservationPlan, ScoredSet
from downtime.services.patients import PatientSummary

FORM = "sepsis_screening"
HANDED_OVER_FOR = timedelta(hours=24)
"""A screening is said at the handover for a day, whatever it still asks."""
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



@dataclass(frozen=True)
class Screened:
    """A screening (`record`) as domain.sepsis reads it, with the NEWS2 of its readings."""

    record: RecordVersion
    screening: Screening
    news2: News2Score | None

    def text(self, lang: Lang, zone: tzinfo | None) -> str:
        """"Sepsis screen 28/11 13:05 (NEWS2 7): RED FLAG SEPSIS; IV antibiotics 28/11 13:40;
        reviewed by Dr Benali 28/11 13:15", on the ward's clock (`zone`)."""
        data, screening = self.record.data, self.screening
        said = [WORDS["screened"][lang].format(
            time=ward_time(screening.screened_at, zone), found=SHORT[screening.outcome][lang],
            news2="" if self.news2 is None else WORDS["news2"][lang].format(score=self.news2.total))]
        if data.get("antibiotics_at"):
            said.append(WORDS["antibiotics"][lang].format(
                time=ward_time(datetime.fromisoformat(data["antibiotics_at"]), zone)))
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


def _review_refused(data: Mapping[str, Any]) -> bool:
    return bool(data.get("reviewed_at")) and reviewed_at(data) is None


def _oxygen_refused(data: Mapping[str, Any]) -> bool:
    return "oxygen" in (data.get("not_needed") or ()) and target_missed(data) is not None


def screened(record: RecordVersion) -> Screened:
    data = record.data
    news2 = observations.readings_score(data)
    return Screened(record, Screening(datetime.fromisoformat(data["screened_at"]), outcome(data, news2),
                                      tuple(left_to_do(data)), reviewed_at(data)), news2)


CHART = Chart(FORM, ordered(screened, lambda one: one.screening.screened_at))


@dataclass(frozen=True)
class Sepsis:
    """What is known of a patient's sepsis at a moment: their latest screening this stay, their
    episode of red flag or possible sepsis (`domain.sepsis.episode`: what it asks), and the set
    standing for their NEWS2 risk (None with none this stay, or under 16); `plan`: the doctor's
    observation and escalation plan standing for them (observations.plans)."""

    found: Screened | None
    episode: Screening | None
    standing: ScoredSet | None
    plan: ObservationPlan | None = None

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
        if self.to_screen and self.standing is not None and self.standing.news2 is not None:
            asked.insert(0, WORDS["screen"][lang].format(score=self.standing.news2.total,
                                                         time=ward_time(self.standing.taken_at, at.tzinfo)))
        return asked

    def next_change(self, at: datetime) -> datetime | None:
        return None if self.pursued is None else self.pursued.next_change(at)

    def state(self, at: datetime, lang: Lang) -> tuple[str, list[str]]:
        """The patient's sepsis in words (their latest screening, or none this stay) and what it
        asks at `at`."""
        return self.text(lang, at.tzinfo), self.asks(at, lang)


def read(db: Database, patients: Sequence[PatientSummary], at: datetime) -> dict[str, Sepsis]:
    """Each of these in-patients' screenings this stay and standing NEWS2 set at `at`."""
    every, watches = CHART.of_each(db, [patient.patient_id for patient in patients]), observations.watches(db, patients, at)
    found = {}
    for patient in patients:
        stay = every.get(patient.patient_id, [])
        watch = watches[patient.patient_id]
        found[patient.patient_id] = Sepsis(stay[-1] if stay else None, episode([one.screening for one in stay]),
                                           watch.standing, watch.plan)
    return found


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

