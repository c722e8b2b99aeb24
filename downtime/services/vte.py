"""A patient's venous thromboembolism risk assessment (domain.vte): their latest, and the
in-patients 16 or over not assessed 14 hours after they came in. Said on the handover sheet: the
reminder (services.since_admission), and the decisions the nurses act on that the medication chart does not show (stockings
or compression to put on; no prophylaxis for the bleeding risk). Never stored: worked out from the
standing records."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.age import age_in_years
from downtime.domain.census import StayStatus
from downtime.domain.records import RecordVersion
from downtime.domain.vte import ADULTS_FROM_YEARS, FIRST_WITHIN, MECHANICAL, WITHOUT_PROPHYLAXIS_FOR_BLEEDING
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import format_value
from downtime.services.bedside import Chart, first_due, ordered
from downtime.services.patients import PatientSummary

FORM = "vte_assessment"
WORDS = {
    "assessed": {"en": "VTE risk assessed {time}: {decision}",
                 "fr": "Risque thromboembolique évalué le {time} : {decision}"},
}


@dataclass(frozen=True)
class Assessed:
    record: RecordVersion
    assessed_at: datetime

    def text(self, spec: FormSpec, lang: Lang) -> str:
        """"VTE risk assessed 28/11 10:00: Mechanical (stockings or pneumatic compression)"."""
        return WORDS["assessed"][lang].format(time=f"{self.assessed_at:%d/%m %H:%M}", decision=format_value(
            spec.field("prophylaxis"), self.record.data["prophylaxis"], lang))

    @property
    def for_the_nurses(self) -> bool:
        """A decision the handover sheet says: stockings or compression, or none for the bleeding risk."""
        decision = self.record.data["prophylaxis"]
        return decision in MECHANICAL or decision == WITHOUT_PROPHYLAXIS_FOR_BLEEDING


def assessed(record: RecordVersion) -> Assessed:
    return Assessed(record, datetime.fromisoformat(record.data["assessed_at"]))


# The latest assessment of each of these patients who has one.
latest = Chart(FORM, ordered(assessed, lambda one: one.assessed_at)).latest


def unassessed(found: Assessed | None, patient: PatientSummary, at: datetime) -> bool:
    """Whether an in-patient is never assessed this stay 14 hours after they came in (never of a patient
    under 16, whose date of birth says so, nor of one who has left): said on the handover sheet
    with the screenings not done since admission (services.since_admission)."""
    first = first_due(patient, FIRST_WITHIN) if found is None else None
    return (elapsed.reached(first, at) and patient.stay in (None, StayStatus.IN)
            and (patient.birth_date is None or age_in_years(patient.birth_date, at.date()) >= ADULTS_FROM_YEARS))


def handover(db: Database, forms: Mapping[str, FormSpec], patients: Sequence[PatientSummary], at: datetime,
             lang: Lang) -> dict[str, str]:
    """What the handover sheet says at `at` of each of these in-patients' VTE risk: an assessment
    whose decision is the nurses' to act on (one not made is said with the screenings not done
    since admission: services.since_admission)."""
    found = latest(db, [patient.patient_id for patient in patients])
    return {patient.patient_id: one.text(forms[FORM], lang) for patient in patients
            if (one := found.get(patient.patient_id)) is not None and one.for_the_nurses}


def never_assessed(db: Database, patients: Sequence[PatientSummary], at: datetime) -> set[str]:
    """Those of these in-patients never assessed 14 hours after they came in."""
    found = latest(db, [patient.patient_id for patient in patients])
    return {patient.patient_id for patient in patients
            if unassessed(found.get(patient.patient_id), patient, at)}
