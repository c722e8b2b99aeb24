"""A patient's malnutrition screening (MUST, domain.nutrition): their latest, its score, risk and
what it asks, and when they are screened again; and the in-patients not screened a day after
they came in. Shown on the fluid balance tab (what is eaten is kept on paper) and on the
handover sheet. Never stored: worked out from the standing records. And a screening refused
that ticks less weight lost than the stay's weights show (check_loss)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any, Protocol

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.census import StayStatus
from downtime.domain.age import age_in_years
from downtime.domain.clock import ward_day, ward_time
from downtime.domain.medication import DIET, DIET_NOTES, NIL_BY_MOUTH_DIET, TUBE_FED
from downtime.domain.nutrition import (ADULTS_FROM_YEARS, FIRST_WITHIN, LOSS_SCORES, LOSS_WINDOW, RISKS, Risk, again_by,
                                       bmi, loss_band, lost_percent, risk, total)
from downtime.domain.records import RecordVersion
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import FieldError
from downtime.i18n import QT_TRANSLATE_NOOP, Number, Said, decimal_text, message, semicolon
from downtime.services.bedside import Chart, first_due, ordered
from downtime.services.errors import ValidationFailed
from downtime.services.patients import PatientSummary
from downtime.storage.records import latest_standing

FORM = "nutrition_screening"
LOSS = "weight_loss"
HEIGHT = "height_cm"
LOSS_NOT_SCORED = "loss_not_scored_pct"
"""Version 2's loss the stay's weights show, confirmed as not unplanned (check_loss)."""
WORDS = {
    "screened": {"en": "Nutrition: MUST {score}, {risk} (BMI {bmi}, {time}{not_scored})",
                 "fr": "Nutrition : MUST {score}, {risk} (IMC {bmi}, {time}{not_scored})"},
    "not_scored": {"en": "; {percent} % weight loss measured, not scored",
                   "fr": " ; perte de poids mesurée de {percent} %, non retenue"},
    "again": {"en": "NUTRITION SCREENING DUE since {due}: screen again (MUST)",
              "fr": "DÉPISTAGE NUTRITIONNEL À REFAIRE depuis {due} (MUST)"},
    "never": {"en": "NUTRITION NOT SCREENED since admission on {admitted}: screen with MUST",
              "fr": "DÉNUTRITION NON DÉPISTÉE depuis l’admission le {admitted} : dépister avec le MUST"},
    "none": {"en": "Nutrition: not screened yet (MUST)", "fr": "Nutrition : pas encore dépistée (MUST)"},
    "child": {"en": "Nutrition: MUST screens adults (18 or over), not a child",
              "fr": "Nutrition : le MUST dépiste les adultes (18 ans ou plus), pas un enfant"},
    NIL_BY_MOUTH_DIET: {"en": "NIL BY MOUTH", "fr": "À JEUN STRICT"},
    TUBE_FED: {"en": "Fed by tube: {regimen}", "fr": "Nutrition par sonde : {regimen}"},
    "regimen_unsaid": {"en": "Fed by tube (regimen not recorded on the admission: ask the ward)",
                       "fr": "Nutrition par sonde (protocole non noté à l’admission : demander au service)"},
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

    def text(self, lang: Lang, zone: tzinfo | None = None) -> str:
        """"Nutrition: MUST 2, HIGH RISK: treat, refer to the dietitian (BMI 17.8, 28/11 10:00)", on
        the ward's clock (`zone`, as typed when not given: one typed on a laptop set to UTC, merged
        here, read an hour early); a loss measured and not scored is said, the score being lower
        than the weights alone give."""
        percent = self.record.data.get(LOSS_NOT_SCORED)
        return WORDS["screened"][lang].format(score=self.score, risk=RISKS[self.risk][lang],
                                              bmi=decimal_text(round(self.bmi, 1), lang, 1),
                                              time=ward_time(self.screened_at, zone or self.screened_at.tzinfo),
                                              not_scored=WORDS["not_scored"][lang].format(percent=percent)
                                              if percent else "")

    def asks(self, at: datetime, lang: Lang) -> list[str]:
        """Screening again once a week has gone by."""
        return [WORDS["again"][lang].format(due=ward_time(self.due_at, at.tzinfo))] \
            if self.overdue(at) else []


def screened(record: RecordVersion) -> Screened:
    data = record.data
    score = total(data["weight_kg"], data["height_cm"], data["weight_loss"], data["acute_no_intake"])
    return Screened(record, datetime.fromisoformat(data["screened_at"]), bmi(data["weight_kg"], data["height_cm"]),
                    score, risk(score))


CHART = Chart(FORM, ordered(screened, lambda one: one.screened_at))
"""Each patient's screenings of this stay, oldest first."""
# The latest screening of this stay of each of these patients who has one.
latest = CHART.latest

LOST_UNSCORED = QT_TRANSLATE_NOOP("messages", "“{loss}”: the weights of this stay show {percent} % lost, {heaviest} "
                                              "and {weight} kg now. Tick “{band}”, or, if this is not an unplanned "
                                              "loss (oedema or ascites gone, a planned loss), confirm {rounded} in "
                                              "“{field}” and say why in the notes.")


class Weighing(Said, Protocol):
    """A weight of the stay (services.weight.Weighed), which a message names: "61.5 kg on
    admission (28/11/2026)"."""

    kg: float
    at: datetime


def check_loss(spec: FormSpec, data: Mapping[str, Any], earlier: Sequence[Weighing], lang: Lang) -> None:
    """Refuse, at the weight lost, a band lower than the loss from the heaviest of the stay's
    `earlier` weights within 6 months, unless that loss is confirmed as not scored: BAPEN's step
    2 takes recorded weights where there are any, and the nurse's tick was what the patient
    said. Not scored by itself: a loss of oedema or ascites under diuretics is not
    undernutrition, so the nurse says which it is."""
    at = elapsed.instant(datetime.fromisoformat(str(data["screened_at"])))
    within = [one for one in earlier if at - LOSS_WINDOW <= elapsed.instant(one.at) <= at]
    if not within:
        return
    heaviest = max(within, key=lambda one: one.kg)
    percent = lost_percent(heaviest.kg, float(data["weight_kg"]))
    band = loss_band(percent)
    if LOSS_SCORES[band] <= LOSS_SCORES[data[LOSS]] or data.get(LOSS_NOT_SCORED) == round(percent):
        return
    options = {option.code: option.label.get(lang) for option in spec.field(LOSS).options}
    raise ValidationFailed([FieldError(LOSS, message(
        lang, LOST_UNSCORED, loss=spec.field(LOSS).label.get(lang), percent=Number(round(percent, 1)),
        heaviest=heaviest, weight=Number(float(data["weight_kg"])), band=options[band], rounded=round(percent),
        field=spec.field(LOSS_NOT_SCORED).label.get(lang)))])


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
    return patient.birth_date is not None and age_in_years(patient.birth_date, ward_day(at)) < ADULTS_FROM_YEARS


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
    return found.text(lang, at.tzinfo), found.asks(at, lang) if staying else []


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


def first_answers(db: Database, patient_id: str) -> dict[str, Any]:
    """What a new screening starts from besides the form's `copied_from` (the admission's height):
    the height of the patient's latest screening this stay, the one last measured (an ulna length
    of 158 cm, the admission's 170 as the patient said it). The weekly screening offered the
    admission's again, and at 52 kg its BMI 18.0 scored 2 where the 158 cm measured scored 0."""
    found = latest(db, [patient_id]).get(patient_id)
    height = None if found is None else found.record.data.get(HEIGHT)
    return {} if height is None else {HEIGHT: height}


ADMISSION = "admission"


def fed(db: Database, patient_id: str, at: datetime, lang: Lang) -> list[str]:
    """How the patient is fed, as their admission standing at `at` says it (its current version:
    the diet is amended on the admission as the stay goes, as prefill reads any record): nil by
    mouth, and fed by tube with the regimen its diet notes hold, as typed, or that none is
    recorded (no regimen is made up). The admission is the only record of either: a patient fed
    by NG or PEG left with letters saying nothing of the feed, and the district nurses had no
    regimen (the devices line says a tube is in, not what runs through it). Nothing of a diet by
    mouth (normal, diabetic...): the receiving kitchen's, not a handover's."""
    if (admission := latest_standing(db, ADMISSION, patient_id, at)) is None:
        return []
    diet = admission.data.get(DIET) or []
    regimen = " ".join(str(admission.data.get(DIET_NOTES) or "").split())
    return [*([WORDS[NIL_BY_MOUTH_DIET][lang]] if NIL_BY_MOUTH_DIET in diet else []),
            *([WORDS[TUBE_FED][lang].format(regimen=regimen) if regimen else WORDS["regimen_unsaid"][lang]]
              if TUBE_FED in diet else [])]


def handed_on(db: Database, forms: Mapping[str, FormSpec], patient_id: str, at: datetime, lang: Lang) -> list[str]:
    """What a letter handing the patient on says of their nutrition: how they are fed, nil by
    mouth or by tube (`fed`), first, then their latest screening, its risk and what it asks, for
    the receiving team to go on with (nothing of either: the field left empty, as for any chart
    not kept). Nil by mouth, the regimen's 200 characters (the diet notes' most) and the longest
    screening's line (high risk, a loss not scored) come to 461 characters in French, in the
    letters' box of 500: none is cut (`prefill._fitted` would keep the feed first)."""
    found = latest(db, [patient_id]).get(patient_id)
    return [*fed(db, patient_id, at, lang), *([] if found is None else [found.text(lang, at.tzinfo)])]
