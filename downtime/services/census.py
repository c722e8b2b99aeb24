"""The live census: who is in which bed, on one ward or the whole site, at any moment."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from downtime.domain.census import Location, Movement, MovementEvent, StayStatus, locate, occupant
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.formspec import FormSpec
from downtime.formspec.schema import Meaning
from downtime.services.errors import ServiceError
from downtime.services.patients import PatientSummary, downtime_numbers, summarise
from downtime.services.wards import wards
from downtime.storage.records import list_current


@dataclass(frozen=True)
class CensusRow:
    """One line of the census sheet: a bed with its patient, an empty bed, or a patient
    waiting without a bed."""

    ward: str
    bed: str | None
    patient: PatientSummary | None
    location: Location | None


def _field_value(spec: FormSpec, data: dict[str, Any], meaning: Meaning) -> str | None:
    field = spec.by_meaning(meaning)
    value = data.get(field.id) if field else None
    return str(value).strip() if value not in (None, "") else None


def movement_events(db: Database, forms: dict[str, FormSpec], exclude_record: str | None = None,
                    patient_id: str | None = None) -> dict[str, list[MovementEvent]]:
    """Every patient's (or one patient's) standing movement records; entered-in-error ones
    move nobody."""
    events: dict[str, list[MovementEvent]] = defaultdict(list)
    for spec in forms.values():
        if spec.movement is None:
            continue
        for record in list_current(db, form_id=spec.id, patient_id=patient_id):
            if record.status is RecordStatus.ENTERED_IN_ERROR or record.record_id == exclude_record:
                continue
            events[str(record.patient_id)].append(event_of(spec, record.patient_id, record.record_id,
                                                           record.data, record.occurred_at,
                                                           record.recorded_at))
    return events


def event_of(spec: FormSpec, patient_id: str | None, record_id: str, data: dict[str, Any],
             occurred_at: datetime, recorded_at: datetime) -> MovementEvent:
    assert spec.movement is not None
    return MovementEvent(str(patient_id), record_id, spec.movement, occurred_at, recorded_at,
                         _field_value(spec, data, Meaning.WARD), _field_value(spec, data, Meaning.BED))


def locations(db: Database, forms: dict[str, FormSpec], at: datetime | None = None) -> dict[str, Location]:
    found = {}
    for patient_id, events in movement_events(db, forms).items():
        if (location := locate(events, at)) is not None:
            found[patient_id] = location
    return found


def _summaries(db: Database, forms: dict[str, FormSpec],
               patient_id: str | None = None) -> dict[str, PatientSummary]:
    """Identity of every patient (or one) from their latest standing admission."""
    numbers = downtime_numbers(db)
    found: dict[str, PatientSummary] = {}
    for spec in (spec for spec in forms.values() if spec.creates_patient):
        for record in list_current(db, form_id=spec.id, patient_id=patient_id):
            if record.status is not RecordStatus.ENTERED_IN_ERROR and record.patient_id:
                found[record.patient_id] = summarise(spec, record, numbers[record.patient_id])
    return found


def in_patients(db: Database, forms: dict[str, FormSpec], ward: str | None = None,
                at: datetime | None = None) -> list[PatientSummary]:
    """Patients in hospital at `at` (default now), where the census puts them."""
    summaries = _summaries(db, forms)
    patients = [
        replace(summaries[pid], ward=loc.ward, bed=loc.bed, stay=loc.status)
        for pid, loc in locations(db, forms, at).items()
        if loc.status is StayStatus.IN and pid in summaries
        and (ward is None or (loc.ward or "").casefold() == ward.casefold())
    ]
    return sorted(patients, key=lambda p: ((p.ward or "").casefold(), bed_order(p.bed), p.display_name))


def bed_order(bed: str | None) -> tuple[int, str]:
    text = (bed or "").strip()
    digits = "".join(ch for ch in text if ch.isdigit())
    return (int(digits) if digits else 10**6, text.casefold())


def census(db: Database, forms: dict[str, FormSpec], ward: str | None = None,
           at: datetime | None = None) -> list[CensusRow]:
    """Every configured bed (occupied or empty), then patients without a configured bed."""
    patients = in_patients(db, forms, ward, at)
    where = {((p.ward or "").casefold(), (p.bed or "").casefold()): p for p in patients}
    rows: list[CensusRow] = []
    placed: set[str] = set()
    locs = locations(db, forms, at)
    for known in wards(db, ward):
        for bed in known.beds:
            patient = where.get((known.ward.casefold(), bed.casefold()))
            if patient:
                placed.add(patient.patient_id)
            rows.append(CensusRow(known.ward, bed, patient, locs.get(patient.patient_id) if patient else None))
    for patient in patients:
        if patient.patient_id not in placed:
            rows.append(CensusRow(patient.ward or "", patient.bed, patient, locs.get(patient.patient_id)))
    return rows


def check_movement(db: Database, forms: dict[str, FormSpec], event: MovementEvent) -> None:
    """Refuse a movement that cannot be true: a bed already taken, an unknown ward or bed, moving
    a patient who is not in hospital, or admitting one who already is."""
    events = movement_events(db, forms, exclude_record=event.record_id)
    before = locate(events.get(event.patient_id, []), event.occurred_at)
    is_in = before is not None and before.status is StayStatus.IN
    if event.movement is Movement.ADMIT and is_in:
        raise ServiceError("This patient is already admitted; record a transfer instead.")
    if event.movement is not Movement.ADMIT and not is_in:
        raise ServiceError("This patient is not in hospital at that time "
                           "(not yet admitted, or already discharged, deceased or transferred out).")
    if event.movement in (Movement.ADMIT, Movement.TRANSFER) and event.ward:
        _check_bed(db, forms, events, event)


def _check_bed(db: Database, forms: dict[str, FormSpec], events: dict[str, list[MovementEvent]],
               event: MovementEvent) -> None:
    known = wards(db)
    if known:
        match = next((w for w in known if w.ward.casefold() == (event.ward or "").casefold()), None)
        if match is None:
            raise ServiceError(f"Unknown ward {event.ward!r}; wards: {', '.join(w.ward for w in known)}.")
        if event.bed and event.bed.casefold() not in {b.casefold() for b in match.beds}:
            raise ServiceError(f"Ward {match.ward} has no bed {event.bed!r}.")
    if not event.bed:
        return
    for moment in (event.occurred_at, None):
        others = [loc for pid, evs in events.items() if pid != event.patient_id
                  and (loc := locate(evs, moment)) is not None]
        taken = occupant(others, event.ward or "", event.bed)
        if taken is not None:
            who = _summaries(db, forms).get(taken.patient_id)
            name = f"{who.display_name} ({who.downtime_number})" if who else "another patient"
            raise ServiceError(f"Bed {event.bed} of ward {event.ward} is taken by {name} "
                               f"since {taken.since:%d/%m/%Y %H:%M}; choose another bed "
                               "or move that patient first.")


def location_at(db: Database, forms: dict[str, FormSpec], patient_id: str,
                at: datetime | None = None) -> Location | None:
    return locate(movement_events(db, forms, patient_id=patient_id).get(patient_id, []), at)


def patient_with_location(db: Database, forms: dict[str, FormSpec], patient_id: str) -> PatientSummary:
    """One patient's identity and where they are now (the banner of every patient screen)."""
    summary = _summaries(db, forms, patient_id).get(patient_id)
    if summary is None:
        raise ServiceError(f"no standing admission for patient {patient_id}")
    location = location_at(db, forms, patient_id)
    if location is None:
        return summary
    return replace(summary, ward=location.ward, bed=location.bed, stay=location.status)


def all_patients(db: Database, forms: dict[str, FormSpec]) -> dict[str, PatientSummary]:
    """Every patient with a standing admission, where they are now, computed in one pass."""
    where = locations(db, forms)
    return {pid: replace(summary, ward=loc.ward, bed=loc.bed, stay=loc.status) if (loc := where.get(pid)) else summary
            for pid, summary in _summaries(db, forms).items()}


def patient_for_record(db: Database, forms: dict[str, FormSpec], record: RecordVersion) -> PatientSummary:
    """Who a record is about, as its page header shows them: an admission shows the identity
    it holds itself (even once withdrawn), any other record the patient's standing identity."""
    spec = forms[record.form_id]
    if spec.creates_patient:
        return summarise(spec, record, downtime_numbers(db)[str(record.patient_id)])
    return patient_with_location(db, forms, str(record.patient_id))


def require_in_hospital(db: Database, forms: dict[str, FormSpec], patient_id: str,
                        at: datetime) -> Location:
    """For care records (medicines, operations): the patient must be admitted at that time."""
    location = location_at(db, forms, patient_id, at)
    if location is None or location.status is not StayStatus.IN:
        raise ServiceError("This patient is not admitted at that time; readmit them first.")
    return location
