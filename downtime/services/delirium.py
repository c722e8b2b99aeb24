"""A patient's delirium screening (the 4AT, domain.delirium): their latest, its total and what it
says; a patient 65 or over not screened a day after they came in; and a NEWS2 set recording new
confusion since the latest screening, which asks for one. Shown on the observations tab, where
the new confusion is charted, and on the handover sheet; possible delirium on the escalation list
too, until a doctor is recorded as told. Never stored: worked out from the standing records."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.age import age_in_years
from downtime.domain.census import StayStatus
from downtime.domain.clock import ward_day, ward_time
from downtime.domain.delirium import (ADULTS_FROM_YEARS, AT_RISK_FROM_YEARS, CHANGE_NOT_KNOWN, FIRST_WITHIN, OUTCOMES,
                                      Outcome, doctor_told_at, meaning, outcome, total)
from downtime.domain.records import RecordVersion
from downtime.formspec import FormSpec, Lang
from downtime.i18n import semicolon
from downtime.services import observations
from downtime.services.bedside import Chart, first_due, ordered, times_taken
from downtime.services.patients import PatientSummary

FORM = "delirium_screening"
NEW_CONFUSION = "new_confusion"
"""The NEWS2 form's code for the C of ACVPU."""
WORDS = {
    "screened": {"en": "Delirium: 4AT {score}, {said} ({time})", "fr": "Confusion aiguë : 4AT {score}, {said} ({time})"},
    "never": {"en": "DELIRIUM NOT SCREENED since admission on {admitted} (65 or over): screen with the 4AT",
              "fr": "CONFUSION AIGUË NON DÉPISTÉE depuis l’admission le {admitted} (65 ans ou plus) : dépister avec "
                    "le 4AT"},
    "confused": {"en": "NEW CONFUSION on the observations of {time}: screen for delirium (4AT)",
                 "fr": "CONFUSION RÉCENTE aux constantes du {time} : dépister une confusion aiguë (4AT)"},
    "none": {"en": "Delirium: not screened yet (4AT)", "fr": "Confusion aiguë : pas encore dépistée (4AT)"},
    "possible": {"en": "possible delirium", "fr": "confusion aiguë possible"},
    "told": {"en": "doctor told: {name} {time}", "fr": "médecin prévenu : {name} le {time}"},
}


@dataclass(frozen=True)
class Screened:
    """A 4AT (`record`), when, its total and what it says; `change_known` False when nobody who
    knows the patient was asked about a change; `told_at` None until a doctor is recorded as told
    (domain.delirium.doctor_told_at)."""

    record: RecordVersion
    screened_at: datetime
    score: int
    outcome: Outcome
    change_known: bool
    told_at: datetime | None

    def meaning(self, lang: Lang) -> str:
        """What the screening says; a possible delirium a doctor is told of no longer says "tell the
        doctor", which the handover kept saying after the doctor had come."""
        if self.told_at is not None and self.outcome is Outcome.POSSIBLE_DELIRIUM:
            return WORDS["possible"][lang]
        return meaning(self.record.data, lang)

    def text(self, lang: Lang, tz: tzinfo | None) -> str:
        """"Delirium: 4AT 6, POSSIBLE DELIRIUM: … (28/11 10:00)", with the doctor told when one is
        ("…; doctor told: Dr Benali 28/11 10:20"), the times on the ward's clock (`tz`): one stored
        with another offset (typed on a laptop set to UTC, merged here) was said an hour off."""
        said = WORDS["screened"][lang].format(score=self.score, said=self.meaning(lang),
                                              time=ward_time(self.screened_at, tz))
        if self.told_at is None:
            return said
        return semicolon(lang).join([said, WORDS["told"][lang].format(
            name=" ".join(self.record.data["doctor_told"].split()), time=ward_time(self.told_at, tz))])

    @property
    def worrying(self) -> bool:
        """What the handover sheet says even when nothing is asked: anything but unlikely, or a
        history not taken."""
        return self.outcome is not Outcome.UNLIKELY or not self.change_known


def screened(record: RecordVersion) -> Screened:
    data = record.data
    score = total(data)
    return Screened(record, datetime.fromisoformat(data["screened_at"]), score, outcome(score),
                    data["acute_change"] != CHANGE_NOT_KNOWN, doctor_told_at(data))


# The latest screening of each of these patients who has one.
latest = Chart(FORM, ordered(screened, lambda one: one.screened_at)).latest
# When each of these patients' latest set recording new confusion was taken.
_latest_confused = times_taken(observations.FORM, ("consciousness", NEW_CONFUSION)).latest


@dataclass(frozen=True)
class Delirium:
    """What is known of a patient's delirium at a moment: their latest screening and when their
    latest set recording new confusion was taken."""

    found: Screened | None
    confused_at: datetime | None


def read(db: Database, patient_ids: Sequence[str]) -> dict[str, Delirium]:
    """Each of these patients' screening and new confusion, read in two queries."""
    found, confused = latest(db, patient_ids), _latest_confused(db, patient_ids)
    return {patient_id: Delirium(found.get(patient_id), confused.get(patient_id)) for patient_id in patient_ids}


def _aged(patient: PatientSummary, at: datetime, years: int) -> bool:
    """`years` old or more, or of unknown age (an unidentified patient): not asked, they were
    never screened where VTE, asked of anyone of unknown age, was."""
    return patient.birth_date is None or age_in_years(patient.birth_date, ward_day(at)) >= years


def _adult(patient: PatientSummary, at: datetime) -> bool:
    """An adult, or of unknown age: the 4AT screens adults."""
    return _aged(patient, at, ADULTS_FROM_YEARS)


def _confused(known: Delirium, at: datetime, lang: Lang) -> list[str]:
    """A set recording new confusion since the latest screening (`known` of this stay)."""
    found, confused = known.found, known.confused_at
    if confused is not None and (found is None or elapsed.instant(confused) > elapsed.instant(found.screened_at)):
        return [WORDS["confused"][lang].format(time=ward_time(confused, at.tzinfo))]
    return []


def asks(known: Delirium, patient: PatientSummary, at: datetime, lang: Lang) -> list[str]:
    """What an in-patient's delirium asks at `at`: screening an adult whose set records new
    confusion since their latest screening (or who was never screened), and one 65 or over never
    screened once a day has gone by since they came in; nothing of a patient who has left."""
    if patient.stay not in (None, StayStatus.IN) or not _adult(patient, at):
        return []
    if confused := _confused(known, at, lang):
        return confused
    if _never(known, patient, at):
        admitted = datetime.fromisoformat(str(patient.admitted_at))
        return [WORDS["never"][lang].format(admitted=ward_time(admitted, at.tzinfo))]
    return []


def _never(known: Delirium, patient: PatientSummary, at: datetime) -> bool:
    """A patient 65 or over never screened this stay a day after they came in."""
    first = first_due(patient, FIRST_WITHIN) if known.found is None else None
    return elapsed.reached(first, at) and _aged(patient, at, AT_RISK_FROM_YEARS)


def next_change(known: Delirium, patient: PatientSummary, at: datetime) -> datetime | None:
    """When what the patient's delirium asks changes with time alone: a day gone by since a
    patient never screened came in (a 65th birthday during the stay is met at the next reading)."""
    first = first_due(patient, FIRST_WITHIN) if known.found is None else None
    return None if first is None or elapsed.reached(first, at) else first


def state(known: Delirium, patient: PatientSummary, at: datetime, lang: Lang) -> tuple[str, list[str]]:
    """The patient's delirium in words (their latest screening, or not screened yet) and what it
    asks at `at`."""
    line = WORDS["none"][lang] if known.found is None else known.found.text(lang, at.tzinfo)
    return line, asks(known, patient, at, lang)


def handover(db: Database, patients: Sequence[PatientSummary], at: datetime, lang: Lang) -> dict[str, str]:
    """What the handover sheet says at `at` of each of these in-patients' delirium: their latest
    screening unless it found delirium unlikely with the history taken, and what it asks (a
    patient never screened is said with the other screenings not done since admission:
    services.since_admission)."""
    known = read(db, [patient.patient_id for patient in patients])
    lines: dict[str, str] = {}
    for patient in patients:
        one = known[patient.patient_id]
        line, asked = state(one, patient, at, lang)
        shown = [line] if one.found is not None and one.found.worrying else []
        if _never(one, patient, at):  # said with the others not done (services.since_admission): not the confusion
            asked = _confused(one, at, lang)
        if shown or asked:
            lines[patient.patient_id] = semicolon(lang).join([*shown, *asked])
    return lines


def escalation(db: Database, patients: Sequence[PatientSummary], at: datetime,
               lang: Lang) -> dict[str, tuple[str, list[str]]]:
    """What the escalation list says at `at` of these in-patients' delirium: each whose latest
    screening of this stay found possible delirium (4 or more), that screening in words and what
    it asks, until a doctor is recorded as told of it or a later screening finds otherwise (as a
    glucose reading's ketones to tell the doctor are asked until the next reading). On paper it was
    on the patient's screening alone, and the handover sheet printed once a shift."""
    found = latest(db, [patient.patient_id for patient in patients])
    return {patient.patient_id: (f"4AT {one.score} {one.screened_at.astimezone(at.tzinfo):%d/%m %H:%M}",
                                 [OUTCOMES[Outcome.POSSIBLE_DELIRIUM][lang]])
            for patient in patients if (one := found.get(patient.patient_id)) is not None
            and one.outcome is Outcome.POSSIBLE_DELIRIUM and one.told_at is None
            and patient.stay in (None, StayStatus.IN)}


def never_screened(db: Database, patients: Sequence[PatientSummary], at: datetime) -> set[str]:
    """Those of these in-patients 65 or over never screened a day after they came in."""
    known = read(db, [patient.patient_id for patient in patients])
    return {patient.patient_id for patient in patients
            if patient.stay in (None, StayStatus.IN) and _adult(patient, at) and _never(known[patient.patient_id],
                                                                                           patient, at)}


def handed_on(db: Database, forms: Mapping[str, FormSpec], patient_id: str, at: datetime, lang: Lang) -> list[str]:
    """What a letter handing the patient on says of their delirium: their latest screening (the
    receiving team screens again against it); nothing when never screened this stay."""
    found = latest(db, [patient_id]).get(patient_id)
    return [] if found is None else [found.text(lang, at.tzinfo)]
