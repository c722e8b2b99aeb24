"""Naming laptops to the people using this one (see domain.laptops): this laptop as it was set
up, the others as their exports imported here named them."""

from __future__ import annotations

from collections.abc import Collection

from downtime.domain.laptops import Authors, Laptop, laptop_name as named
from downtime.domain.records import RecordVersion
from downtime.services.context import Session
from downtime.services.staff import names_with_ids, staff_directory
from downtime.storage.laptops import known, staff_directories


def laptops_known(session: Session, device_ids: Collection[str]) -> dict[str, Laptop]:
    """These laptops as known here (one known of nothing is left out), this one among them."""
    device = session.device
    return {**known(session.db, set(device_ids) - {device.device_id}),
            device.device_id: Laptop(device.device_number, device.name)}


def laptop_name(session: Session, device_id: str) -> str:
    return named(session.lang, device_id, laptops_known(session, {device_id}))


def authors(session: Session) -> Authors:
    """Who wrote record versions, as this laptop names them (see domain.laptops.Authors): its
    own staff by its staff list, another laptop's by the directory its exports brought here."""
    device_id, others = session.device.device_id, staff_directories(session.db)
    own = {(device_id, member["staff_id"]): (member["name"], member["role"]) for member in staff_directory(session.db)}
    return Authors(names_with_ids(session.db), device_id, {key: name for key, (name, _) in others.items()},
                   directory=others | own)


def author_of(session: Session, version: RecordVersion) -> str:
    """Who wrote one version, as `authors` names them (a list reads `authors` once instead)."""
    return staff_of(session, version.author, version.device_id)


def staff_of(session: Session, staff_id: str, device_id: str) -> str:
    """One staff ID a version on `device_id` names (its author, a dose's giver or witness), as
    `authors` names them."""
    return authors(session).of(session.lang, staff_id, device_id, laptops_known(session, {device_id}))
