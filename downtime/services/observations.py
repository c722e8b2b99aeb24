"""Bedside observations scored with NEWS2: each set's score and escalation band, a patient's
chart over time, and the ward's patients whose latest score needs someone told.

The score is never stored: it is worked out from the recorded values each time, so an amended
set is rescored and nobody can save a score that disagrees with its own readings."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from downtime.domain.news2 import Band, Consciousness, News2Score, ObservationSet, Spo2Scale, score
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.formspec import FormSpec
from downtime.i18n import QT_TRANSLATE_NOOP, Lang, message
from downtime.services.census import in_patients
from downtime.services.patients import PatientSummary
from downtime.storage.records import list_current

FORM = "observations"
NEWS2_FIELDS = ("respiratory_rate", "spo2", "systolic_bp", "pulse", "temperature")
BAND_WORDS = {Band.LOW: QT_TRANSLATE_NOOP("messages", "Low"), Band.LOW_MEDIUM: QT_TRANSLATE_NOOP("messages", "Low-medium"),
              Band.MEDIUM: QT_TRANSLATE_NOOP("messages", "MEDIUM"), Band.HIGH: QT_TRANSLATE_NOOP("messages", "HIGH")}


@dataclass(frozen=True)
class ScoredSet:
    record: RecordVersion
    taken_at: datetime
    observations: ObservationSet
    news2: News2Score


def observation_set(data: dict[str, Any]) -> ObservationSet:
    """The form's answers as the NEWS2 chart's rows (the form's field ids are the row names)."""
    return ObservationSet(**{name: data.get(name) for name in NEWS2_FIELDS},
                          spo2_scale=Spo2Scale(data.get("spo2_scale") or Spo2Scale.SCALE_1),
                          on_oxygen=data.get("on_oxygen"),
                          consciousness=Consciousness(data["consciousness"]) if data.get("consciousness") else None)


def scored(record: RecordVersion) -> ScoredSet:
    found = observation_set(record.data)
    return ScoredSet(record, datetime.fromisoformat(record.data["taken_at"]), found, score(found))


def chart(db: Database, patient_id: str) -> list[ScoredSet]:
    """A patient's standing sets, oldest first, as the paper chart runs left to right."""
    return charts(db, [patient_id])[patient_id]


def charts(db: Database, patient_ids: Collection[str]) -> dict[str, list[ScoredSet]]:
    """`chart` of each of these patients, read at once (a hospital's escalation list has 800)."""
    found: dict[str, list[ScoredSet]] = {patient_id: [] for patient_id in patient_ids}
    for record in list_current(db, form_id=FORM, patient_ids=patient_ids):
        if record.status is not RecordStatus.ENTERED_IN_ERROR:
            found[str(record.patient_id)].append(scored(record))
    for sets in found.values():
        sets.sort(key=lambda one: one.taken_at)
    return found


def band_word(band: Band, lang: Lang) -> str:
    return message(lang, BAND_WORDS[band])


def band_text(news2: News2Score, lang: Lang) -> str:
    """The score in words, never colour alone: total, band, and a missing parameter named."""
    text = f"NEWS2 {news2.total} — {band_word(news2.band, lang)}"
    if news2.band is Band.LOW_MEDIUM:
        text += message(lang, QT_TRANSLATE_NOOP("messages", " (3 in one parameter)"))
    if not news2.complete:
        text += message(lang, QT_TRANSLATE_NOOP("messages", " (incomplete: {missing} not taken)"),
                        missing=", ".join(news2.parameters.missing))
    return text


@dataclass(frozen=True)
class Escalation:
    patient: PatientSummary
    latest: ScoredSet


def escalations(db: Database, forms: dict[str, FormSpec], ward: str | None = None,
                at: datetime | None = None) -> list[Escalation]:
    """In-patients (of one ward, or all) whose latest set scores above low, highest first: the
    list the nurse in charge works through at each handover."""
    found = []
    patients = in_patients(db, forms, ward, at)
    every = charts(db, [patient.patient_id for patient in patients])
    for patient in patients:
        sets = [found_set for found_set in every[patient.patient_id] if at is None or found_set.taken_at <= at]
        if sets and sets[-1].news2.band is not Band.LOW:
            found.append(Escalation(patient, sets[-1]))
    return sorted(found, key=lambda item: (-item.latest.news2.total, item.patient.display_name))
