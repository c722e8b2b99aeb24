"""Until when the EHR's own chart holds a loaded order's doses. By the order's load alone, a
snapshot of 07:00 loaded at 11:00, the EHR down since 07:30, had the 08:00 dose read "in the EHR
(before downtime)" and left off the round, given on paper or missed, never recorded; and a
snapshot loaded with the laptop's clock a day ahead, put right minutes later, hid that whole
day's doses. So it is the earliest of:
- the load (the order's version 1);
- the time the snapshot says its state is of (a FHIR Bundle's `timestamp`, a CSV snapshot's
  snapshot.csv), kept per order, written in a load's transaction: an order keeps the first time
  a load gives it, whether the load that wrote the order or a later one of the same extract
  (loading it again changes no record); the doses due from that time to the load are read as
  the paper gap reads them (`extract_gaps`);
- the earliest time the loading laptop wrote in its audit log after the load, when earlier than
  it: its clock was ahead at the load and put right since, and the load came before that entry.
A moment too early shows a dose the EHR holds as not recorded, for the nurse to check; too late,
it hides one. The round, read after every dose, reads a ward's in a few queries."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Collection, Mapping
from datetime import datetime

from sqlite_utils import Database

from downtime.services.context import Session
from downtime.services.paper_gap import AT_UTC, NOT_USE
from downtime.storage import audit
from downtime.storage.records import chunks, marks


def keep(session: Session, order_ids: Collection[str], as_of: datetime | None) -> list[str]:
    """The time the snapshot that loaded these orders says its state is of; call inside the
    load's transaction. An order already given a time keeps it. Nothing is kept for a snapshot
    that says no time, nor for a time with no offset (which moment would it be?). Each row is
    written with its audit entry (storage.audit `AUDITED_TABLES`): the round trusts it, and one
    deleted or moved with plain SQL put a due dose "in the EHR" (or one given there back on the
    round) while `downtime verify` still said the database was sound. Returns the orders given
    this time now: the doses it brings back on the round are theirs."""
    if as_of is None or as_of.tzinfo is None or not order_ids:
        return []
    kept = _as_of(session.db, order_ids)
    given = sorted(set(order_ids) - set(kept))
    rows = [{"record_id": order_id, "as_of": as_of.isoformat()} for order_id in given]
    audit.insert_many_audited(session.db, "snapshot_as_of", rows, [{} for _ in rows], at=session.clock(),
                              actor=session.user.staff_id, device_id=session.device.device_id,
                              action="import.snapshot_as_of")
    return given


def ehr_until(db: Database, loaded: Mapping[str, tuple[datetime, str]]) -> dict[str, datetime]:
    """For each order loaded from the EHR's snapshot (`loaded`: its id, and when and on which
    laptop its version 1 was written), the moment before which the EHR's chart holds its doses."""
    as_of = _as_of(db, loaded)
    return {record_id: min([at, *([as_of[record_id]] if record_id in as_of else [])])
            for record_id, at in loaded_at(db, loaded).items()}


def loaded_at(db: Database, loaded: Mapping[str, tuple[datetime, str]]) -> dict[str, datetime]:
    """For each record loaded from the EHR's snapshot (`loaded` as `ehr_until`'s), the moment of its
    load: its version 1's time, or the first time its laptop wrote after it when earlier (the clock
    was ahead at the load and put right since)."""
    written = _written_after(db, loaded)
    return {record_id: min([at, *([written[record_id]] if record_id in written else [])])
            for record_id, (at, _) in loaded.items()}


def extract_gaps(db: Database, loaded: Mapping[str, tuple[datetime, str]]) -> dict[str, tuple[datetime, datetime]]:
    """For each order whose snapshot's time is before its load (`loaded_at`), whichever load gave
    it the time: from that time to the load. Its doses due then were due with the EHR down and the
    laptop not holding the order yet: given on paper, or not at all (see paper_gap.doses_on_paper).
    Reloading an extract with its time hours later put such a dose, checked and given on paper as
    "in the EHR", back on the round as plainly OVERDUE: given twice."""
    as_of = _as_of(db, loaded)
    return {record_id: (as_of[record_id], at) for record_id, at in loaded_at(db, loaded).items()
            if record_id in as_of and as_of[record_id] < at}


def _as_of(db: Database, record_ids: Collection[str]) -> dict[str, datetime]:
    return {record_id: datetime.fromisoformat(as_of) for part in chunks(record_ids)
            for record_id, as_of in db.execute(
                f"SELECT record_id, as_of FROM snapshot_as_of WHERE record_id IN ({marks(part)})", part)}


def _written_after(db: Database, loaded: Mapping[str, tuple[datetime, str]]) -> dict[str, datetime]:
    """For each order, the earliest time its loading laptop used in its audit log after the entry
    that wrote the order (see paper_gap.NOT_USE), among those earlier than the latest load: none
    in the usual run of a clock."""
    written: dict[str, int] = {}
    for part in chunks(loaded):
        written.update(db.execute(
            f"SELECT r.record_id, MIN(a.seq) FROM records r JOIN audit a ON a.entity = 'records' AND a.entity_id = r.id"
            f" WHERE r.version = 1 AND r.record_id IN ({marks(part)}) GROUP BY r.record_id", part).fetchall())
    by_device: dict[str, list[str]] = defaultdict(list)
    for record_id in written:
        by_device[loaded[record_id][1]].append(record_id)
    found: dict[str, datetime] = {}
    for device_id, record_ids in by_device.items():
        latest = max(loaded[record_id][0] for record_id in record_ids)
        rows = db.execute(f"SELECT seq, at FROM audit WHERE device_id = ? AND {AT_UTC.format('at')} < {AT_UTC.format('?')}"
                          f" AND {NOT_USE} AND seq > ? ORDER BY seq",
                          [device_id, latest.isoformat(), min(written[record_id] for record_id in record_ids)]).fetchall()
        seqs = [seq for seq, _ in rows]
        earliest_from = _earliest_from([datetime.fromisoformat(at) for _, at in rows])
        for record_id in record_ids:
            if (start := bisect_right(seqs, written[record_id])) < len(rows):
                found[record_id] = earliest_from[start]
    return found


def _earliest_from(times: list[datetime]) -> list[datetime]:
    """The earliest of `times` from each on."""
    found: list[datetime] = []
    for at in reversed(times):
        found.append(min(at, found[-1]) if found else at)
    return found[::-1]
