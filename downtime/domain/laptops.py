"""Naming a laptop to a person: a record's versions, a hold's, a theatre booking's carry only
their laptop's device id, which no one on a ward or at the records office can read. Every
export's manifest names its laptop (the name and device number it was set up with), and the
import keeps them (storage.laptops), so each place that names a laptop (the settle dialog, a
record's hold header, the import and merge reports) says it the same way, from this one function.
So is the person who wrote a version on another laptop (Authors): by the name that laptop's
staff directory gave them, their staff ID and that laptop."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property, lru_cache, partial
from typing import Any

from downtime.domain.roles import ROLE_NAMES
from downtime.i18n import QT_TRANSLATE_NOOP, Lang, message, semicolon

NAMED = QT_TRANSLATE_NOOP("messages", "{name} (no. {number})")
LAPTOP = QT_TRANSLATE_NOOP("messages", "laptop {number}")


@dataclass(frozen=True)
class Laptop:
    """What is known of a laptop: the device number its downtime numbers carry, and the name it
    was set up with (empty when only a patient it admitted is known here, which gives its number)."""

    number: int | None
    name: str = ""


def laptop_name(lang: Lang, device_id: str, laptops: Mapping[str, Laptop]) -> str:
    """`laptops`: what is known by device id. A laptop is its name and number ("Ward 3B laptop 2
    (no. 002)"), its number alone when that is all that is known ("laptop 002"), and a laptop
    never seen the start of its device id ("laptop 6e8f94ed")."""
    laptop = laptops.get(device_id, Laptop(None))
    number = f"{laptop.number:03d}" if laptop.number is not None else None
    if laptop.name and number is not None:
        return message(lang, NAMED, name=laptop.name, number=number)
    return laptop.name or message(lang, LAPTOP, number=number or device_id[:8])


def laptops_of(sources: Iterable[Mapping[str, Any]]) -> dict[str, Laptop]:
    """Each laptop by device id from the exports that named it (an export's manifest, a merge's
    sources, the rows kept of them); a laptop renamed between two exports goes by the name of
    its latest, the label the ward reads on it now. A manifest's field of the wrong kind (an
    older or hand-edited one) is taken as unknown: it names no one, and refuses nothing."""
    def number(source: Mapping[str, Any]) -> int | None:
        found = source.get("device_number")
        return found if isinstance(found, int) and not isinstance(found, bool) else None

    return {str(source["device_id"]): Laptop(number(source), str(source.get("device_name") or ""))
            for source in sorted((source for source in sources if source.get("device_id")), key=exported_at)}


def exported_at(source: Mapping[str, Any]) -> float:
    """When an export (its manifest, or a row kept of it) says it was made, as a number to sort
    by; one that does not say, or not as a time, sorts first."""
    try:
        return datetime.fromisoformat(source["exported_at"]).timestamp()
    except (KeyError, TypeError, ValueError):
        return float("-inf")


ON_LAPTOP = QT_TRANSLATE_NOOP("messages", "{staff_id} ({laptop})")
NAMED_ON_LAPTOP = QT_TRANSLATE_NOOP("messages", "{name} ({staff_id}, {laptop})")


def directory_of(source: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """A laptop's staff directory as its export's manifest lists it (`staff`: each member's
    staff_id, name and role), as (staff ID, name, role); an older manifest lists none, and an
    entry of the wrong shape (a hand-edited manifest) is left out: it names no one."""
    listed = source.get("staff")
    return [(entry["staff_id"], entry["name"], entry.get("role") if isinstance(entry.get("role"), str) else "")
            for entry in (listed if isinstance(listed, list) else ())
            if isinstance(entry, dict) and isinstance(entry.get("staff_id"), str) and entry["staff_id"]
            and isinstance(entry.get("name"), str) and entry["name"].strip()]


@dataclass(frozen=True)
class Authors:
    """Who wrote a record's version, as the person reading it can ask for them: a hold's versions,
    the other record an "ask the ward" line names, a record's History, the FHIR bundle. One
    written on this laptop is named by its staff list (`names`, staff.names_with_ids: "Hélène
    Lefèvre (nurse)"); one written on another laptop by the name that laptop's staff directory
    gave the ID (`others`, by device id and staff ID: each export carries its laptop's), its ID
    and that laptop ("Hélène Lefèvre (nurse, laptop 002)"), or, that laptop's directory not known
    here (an older app's export), by ID and laptop alone ("nurse (laptop 002)"): staff IDs are
    each laptop's own, and looked up in this laptop's list the ID named whoever has it here, or
    nobody. Without a laptop (`device_id` empty) every author is an ID, unless `merged`."""

    names: Mapping[str, str] = field(default_factory=dict)
    device_id: str = ""
    """This laptop's."""
    others: Mapping[tuple[str, str], str] = field(default_factory=dict)
    """Another laptop's staff member's name by (device id, staff ID), as its latest export named them."""
    merged: bool = False
    """A merge's (`merged_authors`): it is no laptop, so every author is another laptop's, named
    as the office importing the merge will name them."""
    directory: Mapping[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    """Every laptop's staff member known here, this one's among them, as (name, role) by (device
    id, staff ID): how the FHIR bundle names them the same whichever database makes it."""

    @cached_property
    def _own_initials(self) -> dict[str, str]:
        """This laptop's staff's initials by staff ID, those two people share numbered in their
        IDs' order ("HL1" Hélène Lefèvre, "HL2" Hugo Laurent): both printed "HL", and nobody
        could tell from a chart who gave which dose. A printed chart's key names each
        (`signatures`)."""
        shared: dict[str, list[str]] = {}
        for staff_id in sorted(self.names):
            shared.setdefault(initials(self.names[staff_id].removesuffix(f" ({staff_id})")), []).append(staff_id)
        return {staff_id: base if len(ids) == 1 else f"{base}{number}"
                for base, ids in shared.items() for number, staff_id in enumerate(ids, start=1)}

    def signatures(self, lang: Lang, who: Iterable[tuple[str, str]], laptops: Mapping[str, Laptop]) -> str:
        """Each of `who` (staff ID, device id) as a chart box writes them, then their name, by
        their initials: "HL1 = Hélène Lefèvre (nurse); KB = Karim Benali (doctor)", the key a
        paper chart's signature sheet gives."""
        named = {self.initials(staff_id, device_id, laptops): self.of(lang, staff_id, device_id, laptops)
                 for staff_id, device_id in set(who) if staff_id}
        return semicolon(lang).join(f"{mark} = {name}" for mark, name in sorted(named.items()))

    def name_and_role(self, staff_id: str, device_id: str) -> str | None:
        """"Hélène Lefèvre (ward nurse)", the same on the laptop that wrote the record and at the
        office that merged it (`of` says the laptop, which a bundle's staff identifier carries);
        None when the laptop's directory is not known here (an older app's export)."""
        found = self.directory.get((device_id, staff_id))
        if found is None:
            return None
        name, role = found
        role_name = ROLE_NAMES.get(role, role)
        return f"{name} ({role_name})" if role_name else name

    def of(self, lang: Lang, staff_id: str, device_id: str, laptops: Mapping[str, Laptop]) -> str:
        if not self.merged and device_id == self.device_id:
            return self.names.get(staff_id, staff_id)
        if not self.merged and not self.device_id:
            return staff_id
        laptop = message(lang, LAPTOP, number=_number(device_id, laptops))
        name = self.others.get((device_id, staff_id))
        if name:
            return message(lang, NAMED_ON_LAPTOP, name=name, staff_id=staff_id, laptop=laptop)
        return message(lang, ON_LAPTOP, staff_id=staff_id, laptop=laptop)

    def on(self, lang: Lang, device_id: str, laptops: Mapping[str, Laptop]) -> Callable[[str], str]:
        """How a staff ID a version written on `device_id` names reads (a dose's witness, who
        signed on that laptop): as its author would (formspec.values.format_value's `who`)."""
        return partial(self.of, lang, device_id=device_id, laptops=laptops)

    def initials(self, staff_id: str, device_id: str, laptops: Mapping[str, Laptop]) -> str:
        """Who, as a chart box writes them (a MAR cell's giver and witness): this laptop's staff
        by the initials of their name (`_own_initials`), another laptop's by staff ID and laptop
        number, "nurse@002" (the initials of whoever has the ID here were someone else's, or an
        ID's first letter)."""
        if not self.merged and device_id == self.device_id:
            return self._own_initials.get(staff_id) or initials(staff_id)
        if not self.merged and not self.device_id:
            return staff_id
        return f"{staff_id}@{_number(device_id, laptops)}"


def merged_authors(sources: Iterable[Mapping[str, Any]]) -> Authors:
    """Who wrote the versions of a merge of these exports (their manifests, a merge's sources):
    each by the staff directory of its laptop's latest export, as the office importing the merge
    keeps them (storage.laptops), "Hélène Lefèvre (nurse, laptop 002)"; by staff ID and laptop
    where that laptop's exports list no staff (an older app's). The merge's report named them by
    staff ID alone, "nurse", which two laptops' nurses share."""
    return Authors(others={(str(source["device_id"]), staff_id): name
                           for source in sorted(sources, key=exported_at) if source.get("device_id")
                           for staff_id, name, _ in directory_of(source)}, merged=True)


def _number(device_id: str, laptops: Mapping[str, Laptop]) -> str:
    """A laptop's device number as its downtime numbers carry it, else its device id's start."""
    number = laptops.get(device_id, Laptop(None)).number
    return device_id[:8] if number is None else f"{number:03d}"


_TITLES = {"dr", "pr", "mr", "mrs", "ms", "mme", "m"}


@lru_cache(maxsize=1024)
def initials(name: str) -> str:
    """What a nurse writes in a chart box: "Hélène Lefèvre" → HL, "Dr Karim Benali" → KB. Kept
    for each name: a ward's MAR pack writes the same few nurses' initials hundreds of times."""
    parts = [part for part in name.replace("-", " ").split()
             if part[:1].isalpha() and part.rstrip(".").casefold() not in _TITLES]
    return "".join(part[0].upper() for part in parts[:3]) or name[:3]


NOBODY = Authors()
