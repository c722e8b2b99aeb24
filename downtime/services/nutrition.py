"""A patient's malnutrition screening (MUST, domain.nutrition): their latest, its score, risk and
what it asks, and when they are screened again; and the in-patients not screened a day after
they came in. Shown on the fluid balance tab (the ward's food and fluid chart) and on the
handover sheet. Never stored: worked out from the standing records."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.census import StayStatus
from downtime.domain.age import age_in_years
from downtime.domain.clock import ward_time
from downtime.domain.nutrition import ADULTS_FROM_YEARS, FIRST_WITHIN, RISKS, Risk, again_by, bmi, risk, total
from downtime.domain.records import RecordVersion
from downtime.formspec import FormSpec, Lang
from downtime.i18n import decimal_text, semicolon
from downtime.services.bedside import Chart, first_due, ordered
from downtime.services.patients import PatientSummary

FORM = "nutrition_screening"
WORDS = {
    "screened": {"en": "Nutrition: MUST {score}, {risk} (BMI {bmi}, {time})",
                 "fr": "Nutrition : MUST {score}, {risk} (IMC {bmi}, {time})"},
    "again": {"en": "NUTRITION SCREENING DUE since {due}: screen again (MUST)",
              "fr": "DÉPISTAGE NUTRITIONNEL À REFAIRE depuis {due} (MUST)"},
    "never": {"en": "NUTRITION NOT SCREENED since admission on {admitted}: screen with MUST",
              "fr": "DÉNUTRITION NON DÉPISTÉE depuis l’admission le {admitted} : dépister avec le MUST"},
    "none": {"en": "Nutrition: not screened yet (MUST)", "fr": "Nutrition : pas encore dépistée (MUST)"},
    "child": {"en": "Nutrition: MUST screens adults (18 or over), not a child",
              "fr": "Nutrition : le MUST dépiste les adultes (18 ans ou plus), pas un enfant"},
}


@dataclass(frozen=True)
class Screened:
    """A MUST screening (`record`), when, its body mass index, score and risk."""

    record: RecordVersion
    screened_at: datetime
    bmi: float
    score: int
    risk: Risk

    @property
    def due_at(self) -> datetime:
        return again_by(self.screened_at)

    def overdue(self, at: datetime) -> bool:
        return elapsed.instant(self.due_at) <= elapsed.instant(at)

    def text(self, lang: Lang) -> str:
        """"Nutrition: MUST 2, HIGH RISK: treat, refer to the dietitian (BMI 17.8, 28/11 10:00)"."""
        return WORDS["screened"][lang].format(score=self.score, risk=RISKS[self.risk][lang],
                                              bmi=decimal_text(round(self.bmi, 1), lang, 1),
                                              time=f"{self.screened_at:%d/%m %H:%M}")

    def asks(self, at: datetime, lang: Lang) -> list[str]:
        """Screening again once a week has gone by."""
        return [WORDS["again"][lang].format(due=ward_time(self.due_at, at.tzinfo))] \
            if self.overdue(at) else []


def screened(record: RecordVersion) -> Screened:
    data = record.data
    score = total(data["weight_kg"], data["height_cm"], data["weight_loss"], data["acute_no_intake"])
    return Screened(record, datetime.fromisoformat(data["screened_at"]), bmi(data["weight_kg"], data["height_cm"]),
                    score, risk(score))


# The latest screening of this stay (`bedside.Chart`) of each of these patients who has one.
latest = Chart(FORM, ordered(screened, lambda one: one.screened_at)).latest


def unscreened(patient: PatientSummary, at: datetime, lang: Lang) -> list[str]:
    """What a patient never screened asks at `at`: screening, once a day has gone by since they
    came in (nothing before, the admission's nursing assessment being under way; nothing of a
    child, whom MUST does not screen)."""
    first = first_due(patient, FIRST_WITHIN)
    if first is None or not elapsed.reached(first, at) or child(patient, at):
        return []
    admitted = datetime.fromisoformat(str(patient.admitted_at))
    return [WORDS["never"][lang].format(admitted=ward_time(admitted, at.tzinfo))]


def child(patient: PatientSummary, at: datetime) -> bool:
    """Under 18 at `at`: MUST is validated in adults only (the form refuses a child)."""
    return patient.birth_date is not None and age_in_years(patient.birth_date, at.date()) < ADULTS_FROM_YEARS


def next_change(found: Screened | None, patient: PatientSummary, at: datetime) -> datetime | None:
    """When what the patient's nutrition asks changes with time alone: their screening falling
    due again, or a day gone by since a patient never screened came in."""
    if found is not None:
        return None if found.overdue(at) else found.due_at
    first = first_due(patient, FIRST_WITHIN)
    return None if first is None or child(patient, at) or elapsed.reached(first, at) else first


def state(found: Screened | None, patient: PatientSummary, at: datetime, lang: Lang) -> tuple[str, list[str]]:
    """The patient's nutrition in words (their latest screening, or not screened yet) and what it
    asks at `at`: screening again a week after, or a day after a patient never screened came in;
    nothing of a patient who has left."""
    staying = patient.stay in (None, StayStatus.IN)
    if child(patient, at):  # a screening typed before the form refused a child asks nothing
        return WORDS["child"][lang], []
    if found is None:
        return WORDS["none"][lang], unscreened(patient, at, lang) if staying else []
    return found.text(lang), found.asks(at, lang) if staying else []


def handover(db: Database, patients: Sequence[PatientSummary], at: datetime, lang: Lang) -> dict[str, str]:
    """What the handover sheet says at `at` of each of these in-patients' nutrition: their
    latest screening when its risk is not low, and what it asks (a patient never screened is
    said with the other screenings not done since admission: services.since_admission)."""
    found = latest(db, [patient.patient_id for patient in patients])
    lines: dict[str, str] = {}
    for patient in patients:
        screening = found.get(patient.patient_id)
        if screening is None or child(patient, at):
            continue
        line, asks = state(screening, patient, at, lang)
        if asks or screening.risk is not Risk.LOW:
            lines[patient.patient_id] = semicolon(lang).join([line, *asks])
    return lines


def never_screened(db: Database, patients: Sequence[PatientSummary], at: datetime) -> set[str]:
    """Those of these in-patients never screened this stay a day after they came in."""
    found = latest(db, [patient.patient_id for patient in patients])
    return {patient.patient_id for patient in patients
            if patient.patient_id not in found and patient.stay in (None, StayStatus.IN)
            and unscreened(patient, at, "en")}


def handed_on(db: Database, forms: Mapping[str, FormSpec], patient_id: str, at: datetime, lang: Lang) -> list[str]:
    """What a letter handing the patient on says of their nutrition: their latest screening, its
    risk and what it asks, for the receiving team to go on with (nothing when never screened: the
    field left empty, as for any chart not kept)."""
    found = latest(db, [patient_id]).get(patient_id)
    return [] if found is None else [found.text(lang)]
