"""A patient's sepsis screening (domain.sepsis): their latest this stay, what it found and what
it still asks (the Sepsis Six left, the doctor's review), and a NEWS2 set of 5 or more since,
scoring higher than the screening's own readings, which asks for a screening. Shown on the
observations tab, where the set is taken, on the escalation list and the handover sheet. Never
stored: worked out from the standing records."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.census import StayStatus
from downtime.domain.news2 import News2Score
from downtime.domain.records import RecordVersion
from downtime.domain.sepsis import OUTCOMES, SCREEN_FROM, Outcome, Screening, left_to_do, outcome
from downtime.formspec import FormSpec, Lang
from downtime.i18n import semicolon
from downtime.services import observations
from downtime.services.bedside import Chart, of_stay, ordered
from downtime.services.census import patient_with_location
from downtime.services.observations import ScoredSet
from downtime.services.patients import PatientSummary

FORM = "sepsis_screening"
HANDED_OVER_FOR = timedelta(hours=24)
"""A screening is said at the handover for a day, whatever it still asks."""
SHORT = {Outcome.RED: {"en": "RED FLAG SEPSIS", "fr": "SEPSIS GRAVE"},
         Outcome.AMBER: {"en": "POSSIBLE SEPSIS", "fr": "SEPSIS POSSIBLE"},
         Outcome.LOW: {"en": "infection, no red flag", "fr": "infection sans signe de gravité"},
         Outcome.UNLIKELY: {"en": "infection unlikely", "fr": "infection peu probable"}}
WORDS = {
    "screened": {"en": "Sepsis screen {time}{news2}: {found}", "fr": "Dépistage du sepsis le {time}{news2} : {found}"},
    "news2": {"en": " (NEWS2 {score})", "fr": " (NEWS2 {score})"},
    "antibiotics": {"en": "IV antibiotics {time}", "fr": "antibiotiques IV le {time}"},
    "reviewed": {"en": "reviewed by {name} {time}", "fr": "examiné par {name} le {time}"},
    "none": {"en": "Sepsis: not screened this stay", "fr": "Sepsis : pas de dépistage pendant ce séjour"},
    "screen": {"en": "NEWS2 {score} at {time}: COULD THIS BE SEPSIS? Screen with the sepsis tool",
               "fr": "NEWS2 {score} le {time} : EST-CE UN SEPSIS ? Dépister avec l’outil sepsis"},
}


def _at(moment: datetime) -> str:
    return f"{moment:%d/%m %H:%M}"


@dataclass(frozen=True)
class Screened:
    """A screening (`record`) as domain.sepsis reads it, with the NEWS2 of its readings."""

    record: RecordVersion
    screening: Screening
    news2: News2Score | None

    def text(self, lang: Lang) -> str:
        """"Sepsis screen 28/11 13:05 (NEWS2 7): RED FLAG SEPSIS; IV antibiotics 28/11 13:40;
        reviewed by Dr Benali 28/11 13:15"."""
        data, screening = self.record.data, self.screening
        said = [WORDS["screened"][lang].format(
            time=_at(screening.screened_at), found=SHORT[screening.outcome][lang],
            news2="" if self.news2 is None else WORDS["news2"][lang].format(score=self.news2.total))]
        if data.get("antibiotics_at"):
            said.append(WORDS["antibiotics"][lang].format(time=_at(datetime.fromisoformat(data["antibiotics_at"]))))
        if screening.reviewed_at is not None:
            said.append(WORDS["reviewed"][lang].format(name=" ".join(data["reviewed_by"].split()),
                                                       time=_at(screening.reviewed_at)))
        return semicolon(lang).join(said)

    def meaning(self, lang: Lang) -> str:
        return OUTCOMES[self.screening.outcome][lang]


def screened(record: RecordVersion) -> Screened:
    data = record.data
    news2 = observations.readings_score(data)
    reviewed = data.get("reviewed_at")
    return Screened(record, Screening(datetime.fromisoformat(data["screened_at"]), outcome(data, news2),
                                      tuple(left_to_do(data)), datetime.fromisoformat(reviewed) if reviewed else None),
                    news2)


CHART = Chart(FORM, ordered(screened, lambda one: one.screening.screened_at))


@dataclass(frozen=True)
class Sepsis:
    """What is known of a patient's sepsis at a moment: their latest screening this stay, and
    the set standing for their NEWS2 risk (None with none this stay, or under 16)."""

    found: Screened | None
    standing: ScoredSet | None

    @property
    def to_screen(self) -> bool:
        """Whether the standing set scores 5 or more, was taken after the latest screening and
        scores more than its readings did (a screening without readings, more than 4)."""
        found, standing = self.found, self.standing
        if standing is None or standing.news2 is None or standing.news2.total < SCREEN_FROM:
            return False
        return found is None or (elapsed.instant(standing.taken_at) > elapsed.instant(found.screening.screened_at)
                                 and standing.news2.total > (SCREEN_FROM - 1 if found.news2 is None
                                                             else found.news2.total))

    def asks(self, at: datetime, lang: Lang) -> list[str]:
        """A screening (`to_screen`), and what the latest screening asks."""
        asked = [] if self.found is None else self.found.screening.asks(at, lang)
        if self.to_screen and self.standing is not None and self.standing.news2 is not None:
            asked.insert(0, WORDS["screen"][lang].format(score=self.standing.news2.total,
                                                         time=_at(self.standing.taken_at.astimezone(at.tzinfo))))
        return asked

    def next_change(self, at: datetime) -> datetime | None:
        return None if self.found is None else self.found.screening.next_change(at)

    def state(self, at: datetime, lang: Lang) -> tuple[str, list[str]]:
        """The patient's sepsis in words (their latest screening, or none this stay) and what it
        asks at `at`."""
        return WORDS["none"][lang] if self.found is None else self.found.text(lang), self.asks(at, lang)


def _screened_at(one: Screened) -> datetime:
    return one.screening.screened_at


def read(db: Database, patients: Sequence[PatientSummary], at: datetime) -> dict[str, Sepsis]:
    """Each of these in-patients' latest screening this stay and standing NEWS2 set at `at`."""
    ids = [patient.patient_id for patient in patients]
    latest, watches = of_stay(CHART.latest(db, ids), patients, _screened_at), observations.watches(db, patients, at)
    return {patient.patient_id: Sepsis(latest.get(patient.patient_id), watches[patient.patient_id].standing)
            for patient in patients}


def asking(known: Sepsis, patient: PatientSummary, at: datetime, lang: Lang) -> list[str]:
    """What a patient's sepsis asks at `at`; nothing of a patient who has left."""
    return known.asks(at, lang) if patient.stay in (None, StayStatus.IN) else []


def handover(db: Database, patients: Sequence[PatientSummary], at: datetime, lang: Lang) -> dict[str, str]:
    """What the handover sheet says at `at` of each of these in-patients' sepsis: a screening of
    the last day, or one still asking, and what is asked."""
    known, lines = read(db, patients, at), {}
    for patient in patients:
        one = known[patient.patient_id]
        asked = asking(one, patient, at, lang)
        recent = one.found is not None and elapsed.between(one.found.screening.screened_at, at) < HANDED_OVER_FOR
        shown = [one.found.text(lang)] if one.found is not None and (asked or recent) else []
        if shown or asked:
            lines[patient.patient_id] = semicolon(lang).join([*shown, *asked])
    return lines


def to_open(db: Database, forms: Mapping[str, FormSpec], patient_id: str, at: datetime) -> RecordVersion | None:
    """The screening to open from the escalation list: the latest this stay when it asks
    something (to time the Sepsis Six and the review on it) and no new one is asked; None for a
    new screening."""
    patient = patient_with_location(db, dict(forms), patient_id)
    known = read(db, [patient], at)[patient_id]
    found = known.found
    return found.record if found is not None and not known.to_screen and found.screening.asks(at, "en") else None


def handed_on(db: Database, forms: Mapping[str, FormSpec], patient_id: str, at: datetime, lang: Lang) -> list[str]:
    """What a letter handing the patient on says of sepsis: their latest screening this stay,
    what it found, the antibiotics' time and the doctor's review (not what it asked within its
    hour: the letter is read hours on); nothing when never screened."""
    found = of_stay(CHART.latest(db, [patient_id]), [patient_with_location(db, dict(forms), patient_id)],
                    _screened_at).get(patient_id)
    return [] if found is None else [found.text(lang)]

