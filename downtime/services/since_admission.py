"""What the handover sheet says of an in-patient's screenings not done since they came in (their
pressure ulcer risk, their malnutrition screening, a delirium screening and a falls-risk
assessment 65 or over, the doctor's VTE risk assessment, a child's weight), in one
line: each said apart, a patient of 65 admitted two days before read six lines of "NOT SCREENED
since admission on …" in the sheet's narrow column; and a child whose weight is still estimated or
as stated, or out of date (`to_weigh`), to be weighed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlite_utils import Database

from downtime.domain.clock import ward_day
from downtime.domain import elapsed
from downtime.domain.age import age_in_years
from downtime.domain.dose_limits import ADULT_FROM_YEARS
from downtime.formspec import Lang
from downtime.i18n import semicolon
from downtime.services import delirium, falls_risk, medication, nutrition, repositioning, vte, weight
from downtime.services.patients import PatientSummary

WORDS = {
    "line": {"en": "NOT DONE SINCE ADMISSION on {admitted}: {what}",
             "fr": "NON FAIT DEPUIS L’ADMISSION le {admitted} : {what}"},
    "braden": {"en": "pressure ulcer risk (Braden, within 6 hours)",
               "fr": "risque d’escarre (Braden, dans les 6 heures)"},
    "nutrition": {"en": "nutrition screening (MUST)", "fr": "dépistage nutritionnel (MUST)"},
    "delirium": {"en": "delirium screening (4AT, 65 or over)",
                 "fr": "dépistage de la confusion aiguë (4AT, 65 ans ou plus)"},
    "falls_risk": {"en": "falls-risk assessment (with lying and standing BP)",
                   "fr": "évaluation du risque de chute (avec PA couché et debout)"},
    "vte": {"en": "VTE risk assessment (the doctor, NICE NG89)",
            "fr": "évaluation du risque thromboembolique (le médecin, NICE NG89)"},
    "weight": {"en": "a child's weight (their doses are worked out from it)",
               "fr": "le poids de l’enfant (ses doses en dépendent)"},
}


def never_weighed(db: Database, patients: Sequence[PatientSummary], at: datetime) -> set[str]:
    """The children (under 18 at `at`, whose doses are weighed by weight: dose_limits, not
    PEWS's 16) of these in-patients with no weight this stay, neither on admission nor weighed
    since (weight.latest_of_stay): it is optional on admission (an adult's may wait), and a doctor
    prescribed a three-year-old's gentamicin with nothing asking for it; a child weighed on the
    ward after admission was still asked to be, read from the admission alone."""
    children = _children(patients, at)
    weighed = weight.latest_of_stay(db, children)
    return {patient.patient_id for patient in children if patient.patient_id not in weighed}


def _children(patients: Sequence[PatientSummary], at: datetime) -> list[PatientSummary]:
    """Those of these patients under 18 at `at`, whose doses are weighed by weight (dose_limits)."""
    return [patient for patient in patients if patient.birth_date is not None
            and age_in_years(patient.birth_date, ward_day(at)) < ADULT_FROM_YEARS]


def to_weigh(db: Database, patients: Sequence[PatientSummary], at: datetime) -> dict[str, weight.ToWeigh]:
    """The children of these in-patients whose weight is to be taken again (weight.weighings_due),
    due by `at` or later: what the handover sheet and the escalation list ask
    (services.chart_alerts), in the same words (`weight.ToWeigh.said`)."""
    children = _children(patients, at)
    return weight.weighings_due(db, children, at, medication.orders_of_each(
        db, [child.patient_id for child in children], at))


def handover(db: Database, patients: Sequence[PatientSummary], at: datetime, lang: Lang) -> dict[str, str]:
    """Each of these in-patients with a screening or assessment not done once its time since
    admission has gone by (6 hours for the pressure ulcer risk, a day, 14 hours for VTE), those in
    one line; then, for a child, a weight estimated or stated 4 hours ago or more, or, on IV fluids,
    a day old (NICE NG29's daily weight), or a baby's more than 7 days old while dosed by it
    (`to_weigh`)."""
    undone = {"braden": repositioning.never_assessed(db, patients, at),
              "nutrition": nutrition.never_screened(db, patients, at),
              "delirium": delirium.never_screened(db, patients, at),
              "falls_risk": falls_risk.never_assessed(db, patients, at), "vte": vte.never_assessed(db, patients, at),
              "weight": never_weighed(db, patients, at)}
    guessed = {patient_id: one for patient_id, one in to_weigh(db, patients, at).items()
               if elapsed.reached(one.due_at, at)}
    lines: dict[str, str] = {}
    for patient in patients:
        said = []
        if what := [WORDS[kind][lang] for kind, ids in undone.items() if patient.patient_id in ids]:
            admitted = datetime.fromisoformat(str(patient.admitted_at)).astimezone(at.tzinfo)
            said.append(WORDS["line"][lang].format(admitted=f"{admitted:%d/%m %H:%M}", what=semicolon(lang).join(what)))
        if (one := guessed.get(patient.patient_id)) is not None:
            said.append(one.said(lang))
        if said:
            lines[patient.patient_id] = semicolon(lang).join(said)
    return lines
