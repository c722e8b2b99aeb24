"""A synthetic ward laptop for the benchmark: a month (or more) of one 30-bed ward's stays,
medicine orders with every scheduled dose, and theatre bookings, deterministic for a seed; and
the EHR snapshot a hospital loads onto its laptops when an outage starts.

Typing a million doses through the screens would take days, so the rows are written the way
the records office import writes them: each one through the audited insert, the movement and
search indexes refreshed in the same transaction. Every value is one the ward's forms accept,
so the census, the MAR and the exports read them as they read real records."""

from __future__ import annotations

import csv
import random
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from downtime.domain.downtime_number import format_downtime_number
from downtime.formspec import FormSpec
from downtime.services import census, search
from downtime.services.context import Device
from downtime.storage import audit

BEDS = 30
SURNAMES = ("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
            "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
            "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand")
GIVEN = ("Marie", "Jean", "Pierre", "Nathalie", "Isabelle", "Philippe", "Sophie", "Nicolas", "Camille", "Louis",
         "Léa", "Hugo", "Chloé", "Lucas", "Emma", "Gabriel", "Manon", "Jules", "Inès", "Arthur")
ORDERS = (("Paracetamol", 1.0, "g", "PO", "06:00 12:00 18:00"), ("Enoxaparin", 4000.0, "units", "SC", "18:00"),
          ("Amoxicillin", 1.0, "g", "IV", "06:00 14:00 22:00"), ("Furosemide", 40.0, "mg", "PO", "08:00"),
          ("Clarithromycin", 500.0, "mg", "IV", "08:00 20:00"))


@dataclass(frozen=True)
class Stay:
    bed: int
    admitted: datetime
    left: datetime | None


def stays(rng: random.Random, patients: int, now: datetime, month_days: int = 30) -> list[Stay]:
    """Each bed's stays back in time from today: the current occupant (the first bed's for the
    whole month, the others for up to a month), then earlier patients of 1 to 4 days each."""
    found: list[Stay] = []
    starts = {bed: now - (timedelta(days=month_days) if bed == 1 else timedelta(hours=rng.randint(2, 24 * month_days)))
              for bed in range(1, BEDS + 1)}
    found += [Stay(bed, start, None) for bed, start in starts.items()]
    bed = 1
    while len(found) < patients:
        left = starts[bed] - timedelta(hours=rng.randint(1, 12))
        starts[bed] = left - timedelta(hours=rng.randint(24, 96))
        found.append(Stay(bed, starts[bed], left))
        bed = bed % BEDS + 1
    return found[:patients]


def _minute(moment: datetime) -> str:
    return moment.isoformat(timespec="minutes")


class _Writer:
    """Rows of one laptop in the export's column order, with ids derived from the seed."""

    def __init__(self, forms: dict[str, FormSpec], device: Device, rng: random.Random):
        self.forms, self.device, self.rng = forms, device, rng
        self.rows: list[dict[str, Any]] = []

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def record(self, form_id: str, patient_id: str | None, data: dict[str, Any], occurred: datetime,
               author: str) -> str:
        record_id = self.uuid()
        self.rows.append({"id": str(uuid.uuid5(uuid.UUID(record_id), "1")), "record_id": record_id, "version": 1,
                          "form_id": form_id, "form_version": self.forms[form_id].version, "patient_id": patient_id,
                          "status": "final", "data": audit.canonical(data), "reason": None, "author": author,
                          "device_id": self.device.device_id, "occurred_at": occurred.isoformat(),
                          "recorded_at": (occurred + timedelta(minutes=self.rng.randint(1, 90))).isoformat()})
        return record_id


def _admission(rng: random.Random, ward: str, stay: Stay) -> dict[str, Any]:
    born = stay.admitted.date() - timedelta(days=rng.randint(18 * 365, 95 * 365))
    return {"unidentified": False, "birth_name": rng.choice(SURNAMES), "given_names": rng.choice(GIVEN),
            "sex": rng.choice(("female", "male")), "birth_date": born.isoformat(), "identity_status": "provisional",
            "arrival_at": _minute(stay.admitted), "admission_mode": "emergency",
            "reason": "Synthetic benchmark admission", "ward": ward, "bed": str(stay.bed),
            "admitting_clinician": "Dr Bench", "allergy_status": "nka", "resuscitation": "full"}


def _doses(writer: _Writer, patient_id: str, order_id: str, drug: tuple[Any, ...], stay: Stay,
           now: datetime) -> None:
    """Every scheduled dose while the order ran, one in twenty not given."""
    _name, dose, _unit, route, times = drug
    end = stay.left or now
    day = stay.admitted.date()
    while day <= end.date():
        for clock in times.split():
            slot = datetime.combine(day, datetime.strptime(clock, "%H:%M").time(), stay.admitted.tzinfo)
            if stay.admitted + timedelta(hours=1) <= slot < end - timedelta(minutes=30):
                given = writer.rng.random() > 0.05
                values: dict[str, Any] = {"order": order_id, "scheduled_for": _minute(slot),
                                          "given_at": _minute(slot + timedelta(minutes=writer.rng.randint(-20, 40))),
                                          "outcome": "given" if given else "not_given"}
                values |= {"dose_given": dose, "route": route} if given else {"not_given_reason": "refused"}
                writer.record("medication_administration", patient_id, values,
                              datetime.fromisoformat(values["given_at"]), "nurse")
        day += timedelta(days=1)


def _theatre(writer: _Writer, booked: list[str], now: datetime) -> None:
    """Two sessions a weekday over the month, and a booking of up to four patients in each."""
    first = (now - timedelta(days=30)).replace(hour=0, minute=0, second=0, microsecond=0)
    waiting = iter(booked)
    for day in range(37):
        for start_hour in (8, 13):
            starts = first + timedelta(days=day, hours=start_hour)
            session = writer.record("theatre_session", None, {
                "theatre": "T1", "specialty": "General surgery", "starts_at": _minute(starts),
                "ends_at": _minute(starts + timedelta(hours=4, minutes=30))}, starts, "coord")
            for slot in range(4):
                patient_id = next(waiting, None)
                if patient_id is None:
                    return
                writer.record("operation_booking", patient_id, {
                    "procedure": "Inguinal hernia repair", "laterality": "left", "priority": "elective",
                    "decided_at": _minute(starts - timedelta(days=40)), "surgeon": "Dr Roux",
                    "anaesthetist": "Dr Klein", "session": session,
                    "planned_start": _minute(starts + timedelta(minutes=60 * slot)), "expected_minutes": 60},
                    starts - timedelta(days=30), "coord")


def fill_laptop(db: Database, forms: dict[str, FormSpec], device: Device, ward: str, patients: int,
                seed: int, now: datetime) -> int:
    """Write `patients` stays on `ward` (already configured with beds 1–30) with their orders,
    doses and discharges, and theatre bookings for a tenth of them. Returns the records written."""
    rng = random.Random(seed)
    writer = _Writer(forms, device, rng)
    people = []
    for sequence, stay in enumerate(stays(rng, patients, now), start=1):
        patient_id = writer.uuid()
        people.append({"patient_id": patient_id, "downtime_number": format_downtime_number(device.device_number, sequence),
                       "device_number": device.device_number, "sequence": sequence, "device_id": device.device_id,
                       "created_by": "nurse", "created_at": stay.admitted.isoformat()})
        writer.record("admission", patient_id, _admission(rng, ward, stay), stay.admitted, "nurse")
        for drug in rng.sample(ORDERS, 2):
            values = {"drug": drug[0], "dose": drug[1], "dose_unit": drug[2], "route": drug[3],
                      "frequency": "scheduled", "times": drug[4], "start_at": _minute(stay.admitted),
                      "controlled": False, "high_alert": drug[0] == "Enoxaparin"}
            if stay.left is not None:
                values["stop_at"] = _minute(stay.left)
            order_id = writer.record("medication_order", patient_id, values, stay.admitted, "doctor")
            _doses(writer, patient_id, order_id, drug, stay, now)
        if stay.left is not None:
            writer.record("discharge", patient_id, {"discharged_at": _minute(stay.left), "destination": "home",
                                                    "letter_given": True, "medicines_given": True},
                          stay.left, "nurse")
    _theatre(writer, [person["patient_id"] for person in people[::10]], now)
    with db.atomic():
        for person in people:
            audit.insert_audited(db, "patients", person, at=now, actor="nurse", device_id=device.device_id,
                                 action="patient.allocate", detail={"downtime_number": person["downtime_number"]})
        for row in writer.rows:
            audit.insert_audited(db, "records", row, at=datetime.fromisoformat(row["recorded_at"]), actor=row["author"],
                                 device_id=device.device_id, action="record.create",
                                 detail={"record_id": row["record_id"], "version": 1, "reason": None})
            census.index_record(db, forms[row["form_id"]], row)
        for person in people:
            search.refresh(db, forms, person["patient_id"])
    return len(writer.rows)


def write_snapshot(folder: Path, forms: dict[str, FormSpec], wards: int, seed: int, now: datetime) -> int:
    """The EHR's last state of `wards` full wards of 30 beds (W01, W02…), as the CSV snapshot
    files (resources/snapshot/): each patient with their stay, three in ten with an allergy, six
    scheduled orders each, and every patient booked for an operation over the coming weeks, four
    to a five-hour session of ten theatres. Returns the records it holds."""
    from downtime.sync.snapshot_csv import ALLERGIES, BOOKINGS, ORDERS as ORDER_FILE, PATIENTS, SESSIONS, STAYS, columns_of

    rng = random.Random(seed)
    now = now.replace(second=0, microsecond=0)
    lines: dict[Any, list[dict[str, Any]]] = {file: [] for file in (PATIENTS, STAYS, ALLERGIES, ORDER_FILE, SESSIONS, BOOKINGS)}
    beds = {f"P{ward:02d}{bed:02d}": (f"W{ward:02d}", str(bed)) for ward in range(1, wards + 1) for bed in range(1, BEDS + 1)}
    keys = list(beds)
    for number, key in enumerate(keys):
        arrival = _minute(now - timedelta(hours=rng.randint(2, 24 * 20)))
        allergic = rng.random() < 0.3
        lines[PATIENTS].append({"patient_key": key, "birth_name": rng.choice(SURNAMES), "given_names": rng.choice(GIVEN),
                                "sex": rng.choice(("female", "male")), "identity_status": "provisional",
                                "birth_date": (now.date() - timedelta(days=rng.randint(18 * 365, 95 * 365))).isoformat(),
                                "ipp": str(800000 + number)})
        lines[STAYS].append({"patient_key": key, "arrival_at": arrival, "admission_mode": "emergency",
                             "reason": "Synthetic snapshot stay", "ward": beds[key][0], "bed": beds[key][1],
                             "admitting_clinician": "Dr Bench", "allergy_status": "allergies" if allergic else "nka",
                             "resuscitation": "full"})
        if allergic:
            lines[ALLERGIES].append({"patient_key": key, "substance": "Latex", "reaction": "Rash", "severity": "mild"})
        for order, (drug, dose, unit, route, times) in enumerate(rng.sample(ORDERS, 3) + rng.sample(ORDERS, 3)):
            lines[ORDER_FILE].append({"order_key": f"RX-{key}-{order}", "patient_key": key, "drug": drug, "dose": f"{dose:g}",
                                      "dose_unit": unit, "route": route, "frequency": "scheduled", "times": times,
                                      "start_at": arrival, "controlled": "no", "high_alert": "no",
                                      "prescriber": "Dr Bench", "ehr_order_id": f"RX-{key}-{order}"})
    for number, key in enumerate(rng.sample(keys, len(keys))):
        session, slot = divmod(number, 4)
        theatre, day = session % 10 + 1, session // 10 + 1
        starts = now.replace(hour=8, minute=0) + timedelta(days=day)
        if slot == 0:
            lines[SESSIONS].append({"session_key": f"S-{session}", "theatre": f"T{theatre}", "specialty": "General surgery",
                                    "starts_at": _minute(starts), "ends_at": _minute(starts + timedelta(hours=5))})
        lines[BOOKINGS].append({"booking_key": f"B-{number}", "patient_key": key, "session_key": f"S-{session}",
                                "procedure": "Laparoscopic cholecystectomy", "laterality": "not_applicable",
                                "priority": "elective", "decided_at": _minute(now - timedelta(days=3)),
                                "surgeon": f"Dr Surgeon {theatre}", "planned_start": _minute(starts + timedelta(minutes=70 * slot)),
                                "expected_minutes": "60", "ehr_booking_id": f"OP-{number}"})
    folder.mkdir(parents=True, exist_ok=True)
    for file, rows in lines.items():
        with (folder / file.name).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, columns_of(forms, file))
            writer.writeheader()
            writer.writerows(rows)
    return len(keys) + len(lines[ORDER_FILE]) + len(lines[SESSIONS]) + len(lines[BOOKINGS])
