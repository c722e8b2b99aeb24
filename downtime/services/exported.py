"""What this laptop recorded after its last export. The ward's stick is the only way its records
reach the records office, and the office's check of the sticks (sync.missing) cannot know of
what a laptop wrote after its latest one: a dose recorded at 14:05 on a laptop whose last stick
left at 09:00 was never back-entered, and nothing on the ward said so. Before any export
nothing is said: during an outage the ward exports at its end, and has no stick to owe yet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database


# The latest export (the exports: a few rows), then the records past the last version it holds,
# sought by the records' own row numbers: "+device_id" keeps SQLite off the device's index, which
# has almost every record of a laptop under its own device.
QUERY = ("SELECT exported_at, (SELECT COUNT(*) FROM records WHERE rowid > latest.last_rowid AND +device_id = ?)"
         " FROM (SELECT exported_at, last_rowid FROM exports ORDER BY last_rowid DESC, rowid DESC LIMIT 1) AS latest")


@dataclass(frozen=True)
class NotExported:
    """`count` record versions this laptop wrote after its export made at `last_export`."""

    count: int
    last_export: datetime


def since_last_export(db: Database, device_id: str) -> NotExported | None:
    """The record versions written on this laptop (`device_id`) after its latest export, or None
    when there are none or it never exported. Read by the banner every minute and after every
    save: one query, the exports' few rows and a range of the records' own row numbers (an
    export holds every version up to its last_rowid, see sync.export)."""
    found = db.execute(QUERY, [device_id]).fetchone()
    if found is None or not found[1]:
        return None
    return NotExported(found[1], datetime.fromisoformat(found[0]))
