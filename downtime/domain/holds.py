"""Records put on hold because two laptops wrote different versions of them: a record carried
from one laptop to another (an export imported on the ward the patient moved to) and then
amended on both has two versions 2. Neither may be back-entered as the record, nor dropped:
the versions both laptops agree on stand, and from the first that differs every version is
kept, side by side, for a person to compare. The merge, the import and the back-entry list
all name a hold the same way."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from downtime.domain.laptops import Laptop, laptop_name
from downtime.i18n import QT_TRANSLATE_NOOP, Lang, message

ON_HOLD = QT_TRANSLATE_NOOP("messages", "ON HOLD, two laptops disagree from version {version}: record {record} "
                                        "({form}, patient {number}): {versions}")
HELD_VERSION = QT_TRANSLATE_NOOP("messages", "version {version} by {author} on {laptop} at {time}")
NO_PATIENT = QT_TRANSLATE_NOOP("messages", "none")


@dataclass(frozen=True)
class HeldVersion:
    """One version kept aside: which it is, who wrote it, on which laptop, when."""

    version: int
    author: str
    device_id: str
    recorded_at: str

    @classmethod
    def of(cls, row: Mapping[str, Any]) -> HeldVersion:
        """From a record version's row, as stored or as an export's line holds it."""
        return cls(int(row["version"]), str(row["author"]), str(row["device_id"]), str(row["recorded_at"]))


@dataclass(frozen=True)
class Hold:
    """A record whose versions from `from_version` on disagree; `versions` are all of them,
    each laptop's, in version order."""

    record_id: str
    form_id: str
    downtime_number: str
    """The patient's downtime number; empty for a record about no patient."""
    from_version: int
    versions: tuple[HeldVersion, ...]

    def as_json(self) -> dict[str, Any]:
        return {"record_id": self.record_id, "form_id": self.form_id, "downtime_number": self.downtime_number,
                "from_version": self.from_version,
                "versions": [{"version": held.version, "author": held.author, "device_id": held.device_id,
                              "recorded_at": held.recorded_at} for held in self.versions]}

    def text(self, lang: Lang, laptops: Mapping[str, Laptop] | None = None, titles: Mapping[str, str] | None = None,
             authors: Mapping[str, str] | None = None) -> str:
        """`laptops`: what is known of each laptop by device id, to name it (domain.laptops);
        `titles`: each form's title in `lang`, and `authors` each staff ID with the person's name,
        for the people reading it (a manifest keeps the form's id and the staff ID)."""
        versions = "; ".join(message(lang, HELD_VERSION, version=held.version,
                                     author=(authors or {}).get(held.author, held.author),
                                     laptop=laptop_name(lang, held.device_id, laptops or {}),
                                     time=f"{datetime.fromisoformat(held.recorded_at):%d/%m/%Y %H:%M}")
                             for held in self.versions)
        return message(lang, ON_HOLD, version=self.from_version, record=self.record_id,
                       form=(titles or {}).get(self.form_id, self.form_id),
                       number=self.downtime_number or message(lang, NO_PATIENT), versions=versions)


def holds_of(rows: Iterable[Mapping[str, Any]], numbers: Mapping[str, str]) -> tuple[Hold, ...]:
    """The holds these set-aside version rows make, by record id; `numbers`: each patient's
    downtime number by patient id. Each record's versions in version order, then by the moment
    they were written (not their text: 02:40+02:00 is before 02:10+01:00 the night the clocks
    go back)."""
    by_record: dict[str, list[Mapping[str, Any]]] = {}
    for row in rows:
        by_record.setdefault(str(row["record_id"]), []).append(row)
    holds = []
    for record_id, found in sorted(by_record.items()):
        found.sort(key=lambda row: (row["version"], datetime.fromisoformat(str(row["recorded_at"])),
                                    json.dumps(dict(row), sort_keys=True)))
        patient = found[0]["patient_id"]
        holds.append(Hold(record_id, str(found[0]["form_id"]), numbers.get(patient, "") if patient else "",
                          int(found[0]["version"]), tuple(HeldVersion.of(row) for row in found)))
    return tuple(holds)
