"""Building blocks shared by the FHIR resource builders: references, identifiers, times and
labels, and the Group each builder returns so the bundle can pick what changed and still carry
every resource those changes point to."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Collection, Container, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from downtime.domain.laptops import Authors, Laptop
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.formspec import FormSpec
from downtime.formspec.schema import ChoiceField, MultiChoiceField
from downtime.formspec.values import format_value
from downtime.storage.fhir_sent import RECORD_SYSTEM, identifier_condition, identity
from downtime.storage.records import list_current


@dataclass
class Made:
    """A group's resources, and for each record the ids of the resources built from it (its
    Provenance targets)."""

    resources: list[dict[str, Any]] = field(default_factory=list)
    made_from: dict[str, list[str]] = field(default_factory=dict)
    unlike_before: set[str] = field(default_factory=set)
    """The ids of resources an earlier release's form (fhir_export) is no sign the EHR holds:
    what only this release writes of them changed since they were first written."""

    def add(self, resource: dict[str, Any], *records: str) -> None:
        self.resources.append(resource)
        for record_id in records:
            self.made_from.setdefault(record_id, []).append(resource["id"])


@dataclass(frozen=True)
class Group:
    """Resources that stand or fall together (a patient with their stays, an order, a dose,
    an operation with its appointments).

    `sources` are the records these resources are made of: a change of one sends them again, one
    on hold or not to be entered keeps them out of the bundle (fhir_export), and whether another
    laptop's bundle may have sent them otherwise is judged by them (fhir_export._carried);
    `resend_with` are records whose change may alter them too, and only sends them again (an
    infusion's later bags, one of which may end the bag: with them among its sources, one later
    dose on hold kept every earlier bag of the order out of the bundle, see
    fhir_medication.Running). `needs` are the keys of the groups whose resources these
    reference. The resources themselves are made by `build` only when the bundle writes the
    group, so a bundle never holds more than one group's resources (a hospital's would not fit
    in memory)."""

    key: str
    build: Callable[[], Made]
    sources: frozenset[str]
    needs: frozenset[str]
    resend_with: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Context:
    """What every builder reads besides the records themselves."""

    forms: dict[str, FormSpec]
    authors: Authors
    laptops: Callable[[Collection[str]], Mapping[str, Laptop]]
    """Names laptops by device id (services.laptops.laptops_known)."""
    first_versions: dict[str, RecordVersion]
    at: datetime
    ehr_numbers: dict[str, str] = field(default_factory=dict)
    records: dict[str, RecordVersion] = field(default_factory=dict)
    patient_ids: Collection[str] | None = None
    people: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    """Each person already referred to, by staff ID and device id: a bundle names a few people on
    every one of its hundreds of thousands of resources."""
    withdrawn: Collection[str] = frozenset()
    """Records the ward said are not to be entered that an earlier bundle sent: the builders see
    them entered in error, so their resources go again withdrawn (fhir_export)."""
    left_out: Collection[str] = frozenset()
    """Records the bundle leaves out (on hold, said not to be entered and never sent, written with
    a later form, see fhir_export): nothing of them ends another record's resource (a bag's end,
    fhir_medication.Running), which would then be made of what the bundle holds back."""
    sent: Callable[[int], int | None] = lambda resource: None
    """The content an earlier export of this database sent under an identity hash, None for
    none (storage.fhir_sent.sent_before)."""
    days_off: Container[date] = field(kw_only=True)
    """The bank holidays of the laptop's hospital (settings.days_off): a letter sent over them
    reaches its patient later (fhir_theatre)."""

    def current(self, db: Database, form_id: str) -> list[RecordVersion]:
        """The current versions of a form's records, oldest first, kept by id as they stand for
        the Provenance written after every group's resources; only those of `patient_ids` when
        given (records about no patient, such as theatre sessions, are all read). A `withdrawn`
        one is handed to the builder entered in error."""
        about_patients = self.patient_ids is not None and self.forms[form_id].about_patient
        found = list_current(db, form_id=form_id, patient_ids=self.patient_ids if about_patients else None)
        self.records.update((record.record_id, record) for record in found)
        if self.withdrawn:
            found = [record.model_copy(update={"status": RecordStatus.ENTERED_IN_ERROR})
                     if record.record_id in self.withdrawn else record for record in found]
        return found

    def sent_under(self, kind: str, identifier: str) -> bool:
        """Whether an earlier export of this database sent a `kind` under this record identifier."""
        return self.sent(identity(kind, identifier_condition(RECORD_SYSTEM, identifier))) is not None

    def person(self, staff_id: str, device_id: str) -> dict[str, Any]:
        """A staff member of the laptop `device_id` as a reference: the staff ID under that
        laptop's system (staff IDs are each laptop's own), displayed by name and role
        (domain.laptops.Authors.name_and_role), by staff ID where that laptop's directory is not
        known here. The same whether the laptop or the office that merged it makes the bundle:
        named by `Authors.of`, each was "Hélène Lefèvre (nurse)" from the laptop and "Hélène
        Lefèvre (nurse, laptop 002)" from the office, and the EHR took every resource naming
        her for a changed one."""
        found = self.people.get((staff_id, device_id))
        if found is None:
            found = self.people[staff_id, device_id] = {
                "identifier": {"system": staff_system(device_id), "value": staff_id},
                "display": self.authors.name_and_role(staff_id, device_id) or staff_id}
        return found

    def author(self, version: RecordVersion) -> dict[str, Any]:
        """Who wrote `version`, as `person` refers to them."""
        return self.person(version.author, version.device_id)

    def original(self, record: RecordVersion) -> RecordVersion:
        """Version 1 of a record: who prescribed the order or gave the dose, and when it was
        first written, even once someone else has amended it. `first_versions` need only hold
        the amended records: any other record is its own version 1."""
        return self.first_versions.get(record.record_id, record)


STAFF_SYSTEM = "urn:downtime:staff:"
"""The system of a laptop's staff IDs is this followed by the laptop's device id."""


def staff_system(device_id: str) -> str:
    return f"{STAFF_SYSTEM}{device_id}"


def named_as_before(value: Any, named: Callable[[str, str], str]) -> Any:
    """`value` (a resource or any part of one) with each staff reference as releases before
    staff identifiers wrote it: a display alone, `named(staff_id, device_id)`
    (domain.laptops.Authors.of). What an earlier export of this database recorded as sent
    (storage.fhir_sent) is the hash of that form: compared with the new form, every resource
    naming staff was an update, and replaced the EHR's copy with any change made to it there."""
    if isinstance(value, list):
        return [named_as_before(item, named) for item in value]
    if not isinstance(value, dict):
        return value
    found = value.get("identifier")
    if isinstance(found, dict) and str(found.get("system", "")).startswith(STAFF_SYSTEM):
        return {"display": named(found["value"], found["system"].removeprefix(STAFF_SYSTEM))}
    return {name: named_as_before(item, named) for name, item in value.items()}


def patient_key(patient_id: str) -> str:
    return f"patient:{patient_id}"


def derived_id(record_id: str, what: str) -> str:
    """A stable id for a second resource made from one record: uuid5(record_id, what), spelt
    out from its SHA-1 directly, because building the UUID objects cost a tenth of the export."""
    digest = hashlib.sha1(uuid.UUID(record_id).bytes + what.encode()).hexdigest()
    variant = "89ab"[int(digest[16], 16) & 3]
    return f"{digest[:8]}-{digest[8:12]}-5{digest[13:16]}-{variant}{digest[17:20]}-{digest[20:32]}"


def reference(resource_id: str) -> dict[str, str]:
    return {"reference": f"urn:uuid:{resource_id}"}


def record_identifier(value: str) -> list[dict[str, str]]:
    return [{"system": RECORD_SYSTEM, "value": value}]


def moment(value: datetime | str) -> str:
    """A FHIR dateTime: forms keep times to the minute, FHIR requires the seconds."""
    return (value if isinstance(value, datetime) else datetime.fromisoformat(value)).isoformat()


def label(spec: FormSpec, field_id: str, code: str) -> str:
    """The English label of a choice, as the paper form prints it: a retired option's too, and a
    code the form has dropped said to be so (see values.format_value), not sent as if it were
    words ("Clinical note — midwifery")."""
    field = spec.field(field_id)
    if isinstance(field, (ChoiceField, MultiChoiceField)):
        return format_value(field, [code] if isinstance(field, MultiChoiceField) else code, "en")
    return code

