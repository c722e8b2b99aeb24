"""Each patient's stays as the bundle's Encounters are made from them, and the stay a record
belongs to: the EHR files orders, doses, vital signs and operations by visit, and for a
readmitted patient could not tell which stay a record was of (only the medicines taken before
admission named theirs).

Stays are replayed from the movement records in the order they happened, as the census does,
so a transfer typed late still ends the previous bed at the right time, and a discharge,
death or transfer out closes the stay with its disposition. Each patient's are replayed once,
when a resource first asks: a page of a thousand patients replays only those whose resources
the bundle writes.

Which stay a record is of is not among what makes its resources go again in a `--since-last`
bundle (fhir_elements.Group.sources): adding the admission there would leave a patient's doses
out of the bundle while that admission is on hold. An arrival time amended so that a record
falls in another stay reaches the EHR with the next whole export (an update) or the record's
next change.

One person admitted on two laptops has two downtime numbers, which the records office links to
one EHR patient (services.theatre.people_of). A stay one laptop left open, the patient having
gone on to the other laptop's ward, ends when the person left hospital under the other number
(died, was discharged or transferred out there): laptop 1's Encounter stayed in progress, and
its orders live, for a patient who had died on laptop 2's ward. An admission under the other
number after the open stay's last move ends that stay's last place then (`Stay.moved_on`), the
Encounter staying in progress for the records office to finish or join: one person was sent in
two beds at once. Derived, as every stay's end is: no record is changed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import partial
from typing import Any

from sqlite_utils import Database

from downtime.domain.census import Movement
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.formspec import FormSpec
from downtime.services.back_entry import place_key
from downtime.services.census import event_of
from downtime.services.theatre import people_of
from downtime.sync.fhir_elements import Context, Group, Made, patient_key, reference

_EIE = RecordStatus.ENTERED_IN_ERROR
_LEAVING = (Movement.DEATH, Movement.DISCHARGE, Movement.TRANSFER_OUT)


@dataclass
class Stay:
    """One stay as replayed: the admission that opened it (whose record id is its Encounter's),
    each (ward, bed, since) in turn, the records that shaped it, and the record that ended it."""

    admission: RecordVersion
    places: list[tuple[str | None, str | None, datetime]]
    records: list[str]
    left: tuple[FormSpec, RecordVersion] | None = None
    moved_on: datetime | None = None
    """When the person, this stay left open at its last place, was admitted under a linked
    number: that place ends then (they cannot hold two beds), as at a move."""

    def holds(self, at: datetime) -> bool:
        """Whether `at` is within the stay, its last minute included: a dose given as the
        patient left is of the stay it ended."""
        return self.places[0][2] <= at and (self.left is None or at <= self.left[1].occurred_at)


@dataclass
class Stays:
    """Each patient's admission and movement records (`records`, read for the page's patients
    and the other numbers linked to theirs), and their stays, replayed when first asked for."""

    records: dict[str, list[tuple[FormSpec, RecordVersion]]]
    ctx: Context
    linked: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Each patient's other downtime numbers linked to the same EHR patient, for those who have any."""
    replayed: dict[str, list[Stay]] = field(default_factory=dict)
    as_recorded: dict[str, list[Stay]] = field(default_factory=dict)

    def of(self, patient_id: str) -> list[Stay]:
        """The patient's stays, the last one ended by the person's leaving under a linked number
        when its own records leave it open, and its last place by their admission under one (see
        `_closed`)."""
        found = self.replayed.get(patient_id)
        if found is None:
            elsewhere = [stay for other in self.linked.get(patient_id, ()) for stay in self._recorded(other)]
            found = self.replayed[patient_id] = _closed(
                self._recorded(patient_id), sorted((stay.left for stay in elsewhere if stay.left),
                                                   key=lambda left: left[1].occurred_at),
                sorted((stay.places[0] for stay in elsewhere), key=lambda place: place[2]))
        return found

    def _recorded(self, patient_id: str) -> list[Stay]:
        """The stays the number's own records replay."""
        found = self.as_recorded.get(patient_id)
        if found is None:
            found = self.as_recorded[patient_id] = _replay(self.records.get(patient_id, []), self.ctx)
        return found

    def ends_elsewhere(self, patient_id: str) -> set[str]:
        """The ids of the admissions, discharges, deaths and transfers out, standing or withdrawn,
        recorded under the patient's linked numbers: one recorded, amended or withdrawn may end
        their stay or its last place, or open it again."""
        return {record.record_id for other in self.linked.get(patient_id, ())
                for spec, record in self.records.get(other, []) if spec.movement in (*_LEAVING, Movement.ADMIT)}

    def left_elsewhere(self, patient_id: str, since: datetime) -> tuple[FormSpec, RecordVersion] | None:
        """The leaving recorded under a linked number that ended the patient's stay `since`
        falls in (None: it ended by their own records, goes on, or `since` is no moment of it,
        such as the minute they left: what is written then is of no stay they were in)."""
        found = self.of(patient_id)
        last = found[-1] if found else None
        if last is None or last.left is None or last.left[1].patient_id == patient_id:
            return None
        return last.left if last.places[0][2] <= since < last.left[1].occurred_at else None

    def encounter_at(self, patient_id: str | None, at: datetime | str, element: str = "encounter") -> dict[str, Any]:
        """The `element` of a record of the patient's at `at` naming its stay (`encounter`;
        MedicationAdministration's is `context`): a reference to the Encounter of the stay
        running then (the later one when a readmission starts the minute the previous stay
        ends), or nothing when none was (an operation decided before the patient came in)."""
        when = at if isinstance(at, datetime) else datetime.fromisoformat(at)
        stay = next((stay for stay in reversed(self.of(str(patient_id))) if stay.holds(when)), None)
        return {element: reference(stay.admission.record_id)} if stay is not None else {}


def read_stays(db: Database, ctx: Context) -> Stays:
    """The admission and movement records of `ctx.patient_ids` (every patient's when None),
    whatever their state, and of the other numbers linked to theirs, found once for the page (a
    linked number may be on another page: read aside, its records are not among the page's
    `ctx.records`, whose Provenance the page writes)."""
    records = _movement_records(db, ctx)
    page = set(records) if ctx.patient_ids is None else set(ctx.patient_ids)
    linked = {patient_id: tuple(sorted(other for other in numbers if other != patient_id))
              for patient_id, numbers in people_of(db, page).items() if len(numbers) > 1}
    if elsewhere := sorted({other for numbers in linked.values() for other in numbers} - page):
        records |= _movement_records(db, replace(ctx, patient_ids=elsewhere, records={}))
    return Stays(records, ctx, linked)


def _movement_records(db: Database, ctx: Context) -> dict[str, list[tuple[FormSpec, RecordVersion]]]:
    records: dict[str, list[tuple[FormSpec, RecordVersion]]] = {}
    for spec in ctx.forms.values():
        if spec.creates_patient or spec.movement is not None:
            for record in ctx.current(db, spec.id):
                if record.patient_id:
                    records.setdefault(record.patient_id, []).append((spec, record))
    return records


def _closed(stays: list[Stay], elsewhere: list[tuple[FormSpec, RecordVersion]],
            admitted: list[tuple[str | None, str | None, datetime]]) -> list[Stay]:
    """`stays` with the last one, left open by its own records, ended by the first leaving among
    `elsewhere` (those recorded under the person's linked numbers, earliest first) after its
    last move: the person left hospital then. One before it is of an earlier stay, or of a time
    these records say the person was still moving from bed to bed here, and ends nothing. Its
    last place ends at the first of `admitted` (where and when each stay under those numbers
    began) in another place after that move and before that leaving: the person was in another
    bed from then. One admitted again into the bed this stay's move put them in is the same place
    recorded twice, and ends nothing."""
    last = stays[-1] if stays else None
    if last is None or last.left is not None:
        return stays
    ward, bed, since = last.places[-1]
    left = next((left for left in elsewhere if left[1].occurred_at > since), None)
    moved_on = next((at for other_ward, other_bed, at in admitted
                     if since < at and (left is None or at < left[1].occurred_at)
                     and place_key(other_ward, other_bed) != place_key(ward, bed)), None)
    return stays if left is None and moved_on is None else [*stays[:-1], replace(last, left=left, moved_on=moved_on)]


def _replay(items: Sequence[tuple[FormSpec, RecordVersion]], ctx: Context) -> list[Stay]:
    """The same replay as the census (domain.census.locate), keeping every step: an admission
    opens a stay only when the patient is not in; movements of a patient not in move nobody.
    Movements of the same minute keep the order they were first typed in, as in the census.
    A withdrawn movement moves nobody but is among the records of the stay it was in, so its
    Provenance names that Encounter: an EHR that holds it from an earlier bundle gets the stay
    back without it, with the reason (a withdrawn admission is its own Encounter)."""
    moves = sorted(((spec, r) for spec, r in items
                    if spec.movement is not None and (r.status is not _EIE or spec.movement is not Movement.ADMIT)),
                   key=lambda p: (p[1].occurred_at, ctx.original(p[1]).recorded_at))
    stays: list[Stay] = []
    for spec, record in moves:
        current = stays[-1] if stays and stays[-1].left is None else None
        if record.status is _EIE:
            if current is not None:
                current.records.append(record.record_id)
            continue
        event = event_of(spec, record.patient_id, record.record_id, record.data, record.occurred_at,
                         ctx.original(record).recorded_at)
        if current is None:
            if event.movement is Movement.ADMIT:
                stays.append(Stay(record, [(event.ward, event.bed, event.occurred_at)], [record.record_id]))
            continue
        current.records.append(record.record_id)
        if event.movement in (Movement.ADMIT, Movement.TRANSFER):
            current.places.append((event.ward, event.bed, event.occurred_at))
        else:
            current.left = (spec, record)
    return stays


Build = Callable[[RecordVersion, Context, Stays], dict[str, Any]]
"""One resource made of one record, in the stay it was in."""


def one_each(db: Database, ctx: Context, stays: Stays, builders: Sequence[tuple[str, Build]]) -> dict[str, Group]:
    """One group per current record of each form `builders` names, its one resource made by that
    form's `Build`; each needs its patient, and names the stay it was in."""
    return {f"{form_id}:{record.record_id}": Group(
        f"{form_id}:{record.record_id}", partial(_one, build, record, ctx, stays), frozenset({record.record_id}),
        frozenset({patient_key(str(record.patient_id))}))
        for form_id, build in builders for record in ctx.current(db, form_id)}


def _one(build: Build, record: RecordVersion, ctx: Context, stays: Stays) -> Made:
    return Made([build(record, ctx, stays)], {record.record_id: [record.record_id]})
