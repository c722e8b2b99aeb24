"""A laptop's record versions that no export brought: it exported with --since-last every day,
and one day's stick never reached the records office. Each export names the versions it holds
(its manifest's records_rowid_range, the laptop's own numbering), so the merge of a laptop's
exports, and the office importing them one stick at a time, can name the versions between two
sticks that came, and the stick to bring; unsaid, its admissions and doses would never be
back-entered."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from downtime.domain.clock import DATED, ward_time
from downtime.domain.laptops import Laptop, laptop_name
from downtime.i18n import QT_TRANSLATE_NOOP, Lang, message
from downtime.storage.laptops import rowid_range

MISSING_EXPORT = QT_TRANSLATE_NOOP("messages", "MISSING EXPORT: {count} record version(s) of {laptop} are in none of "
                                               "the exports merged: bring its export {made} (or make a whole export "
                                               "on that laptop) and merge again")
MISSING_IMPORT = QT_TRANSLATE_NOOP("messages", "MISSING EXPORT: {count} record version(s) of {laptop} are in none of "
                                               "the exports imported here: bring its export {made} (or make a whole "
                                               "export on that laptop) and import it")
MISSING_WORKLIST = QT_TRANSLATE_NOOP("messages", "MISSING EXPORT: {count} record version(s) of {laptop} are in none of "
                                                 "the exports imported here, so not on this list: bring its export "
                                                 "{made} (or make a whole export on that laptop) and import it")
MADE_BETWEEN = QT_TRANSLATE_NOOP("messages", "made after {after} and before {before}")
MADE_BEFORE = QT_TRANSLATE_NOOP("messages", "made before {before}")


@dataclass(frozen=True)
class MissingVersions:
    """A laptop's record versions `first` to `last` that none of its exports here hold: an
    export made with --since-last between two that came (`after`, `before`: when they were
    made; no `after` for its first versions)."""

    device_id: str
    first: int
    last: int
    after: str | None
    before: str

    def text(self, lang: Lang, laptops: Mapping[str, Laptop], template: str = MISSING_EXPORT) -> str:
        """`template`: the merge's words, or the import's (MISSING_IMPORT), or the back-entry
        worklist's (MISSING_WORKLIST)."""
        made = (message(lang, MADE_BETWEEN, after=shown_time(self.after), before=shown_time(self.before))
                if self.after else message(lang, MADE_BEFORE, before=shown_time(self.before)))
        return message(lang, template, count=self.last - self.first + 1,
                       laptop=laptop_name(lang, self.device_id, laptops), made=made)

    def as_json(self, laptops: Mapping[str, Laptop]) -> dict[str, Any]:
        return {"device_id": self.device_id, "first": self.first, "last": self.last, "why": self.text("en", laptops)}


def shown_time(text: str) -> str:
    """A stored time as the merge report says it, on the ward's clock (`ward_time`): another
    laptop's record typed at 13:00 on a laptop set to UTC read "28/11/2026 12:00"."""
    return ward_time(datetime.fromisoformat(text), None, DATED)


def missing_versions(sources: Iterable[Mapping[str, Any]]) -> tuple[MissingVersions, ...]:
    """Each laptop's versions that none of these exports (sync.merge.sources_of's, or those kept
    by storage.laptops) hold, between 1 and the last one an export holds (what it wrote after
    its latest export no one can know of). A laptop with an export that does not say its range
    (an older app's) is left out: nothing tells what it held."""
    ranges: dict[str, list[tuple[int, int, str]]] = {}
    unknown = set()
    numbers: dict[str, int] = {}  # the laptops in their numbers' order, as the clerk lays out their sticks
    for source in sources:
        found, device_id = rowid_range(source), str(source.get("device_id") or "")
        number = source.get("device_number")
        numbers[device_id] = number if isinstance(number, int) else 1000
        if found is not None and isinstance(source.get("exported_at"), str):
            ranges.setdefault(device_id, []).append((*found, source["exported_at"]))
        else:
            unknown.add(device_id)
    missing = []
    for device_id, held in sorted(ranges.items(), key=lambda found: (numbers[found[0]], found[0])):
        if device_id in unknown or not device_id:
            continue
        covered, after = 0, None
        for first, last, exported_at in sorted(held):
            if first > covered + 1:
                missing.append(MissingVersions(device_id, covered + 1, first - 1, after, exported_at))
            if last >= covered:
                covered, after = last, exported_at
    return tuple(missing)
