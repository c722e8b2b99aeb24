"""What this laptop holds that no export of it holds. The ward's stick is the only way its records
and its controlled-drug register reach the records office and the pharmacy, and the office's check
of the sticks (sync.missing) cannot know of what a laptop wrote after its latest one: a dose
recorded at 14:05 on a laptop whose last stick left at 09:00 was never back-entered, and nothing on
the ward said so. A laptop that never exported holds everything it wrote on no stick: said too, as
such, for a laptop put away or retired with no export left nothing behind it (services.retire)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database


# The latest export (the exports: a few rows; none before the first), then the records past the
# last version it holds, sought by the records' own row numbers: "+device_id" keeps SQLite off the
# device's index, which has almost every record of a laptop under its own device. The register's
# lines are written here only (an import never brings another laptop's), and each export writes
# the register whole: those whose audit entry follows the export's are on none, found by the audit
# log's index of what each entry wrote (the register's few hundred entries). The audit's order, not
# the lines' times: a clock set back after the export (the banner shows it wrong) hid the lines
# written since. Only a line written in the second an export takes to commit, after the register
# was written into it, would be missed.
QUERY = ("SELECT latest.exported_at,"
         " (SELECT COUNT(*) FROM records WHERE rowid > COALESCE(latest.last_rowid, 0) AND +device_id = ?),"
         " (SELECT COUNT(*) FROM audit WHERE entity = 'cd_register' AND seq > COALESCE("
         "(SELECT seq FROM audit WHERE entity = 'exports' AND entity_id = latest.id), 0))"
         " FROM (SELECT 1) LEFT JOIN (SELECT id, exported_at, last_rowid FROM exports"
         " ORDER BY last_rowid DESC, rowid DESC LIMIT 1) AS latest")


@dataclass(frozen=True)
class NotExported:
    """`count` record versions and `register_lines` controlled-drug register lines this laptop
    wrote after its export made at `last_export` (None: it never exported)."""

    count: int
    last_export: datetime | None
    register_lines: int = 0


def since_last_export(db: Database, device_id: str) -> NotExported | None:
    """The record versions written on this laptop (`device_id`) and the register lines written
    after its latest export (all of them when it never exported), or None when there are none.
    Read by the banner every minute and after every save: one query, the exports' few rows and a
    range of the records' own row numbers (an export holds every version up to its last_rowid,
    see sync.export)."""
    at, count, lines = db.execute(QUERY, [device_id]).fetchone()
    if not count and not lines:
        return None
    return NotExported(count, None if at is None else datetime.fromisoformat(at), lines)
