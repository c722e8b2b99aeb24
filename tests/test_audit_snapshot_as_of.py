"""The snapshot's time of each order loaded from the EHR (services.snapshot_time) is in the audit
chain: the round trusts it, so `verify` names a row deleted or moved with plain SQL, as it does a
record's."""

import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest

from downtime.services import snapshot_time
from downtime.storage import audit
from downtime.storage.migrations import MIGRATIONS
from downtime.sync.importing import import_path
from tests.test_snapshot_time import SNAPSHOT, _at, _order, _round


@pytest.fixture
def paracetamol_of_seven(session_for, clock, tmp_path):
    """The snapshot of 07:00 loaded at 11:00 (the EHR down at 07:30): the 08:00 paracetamol is
    on the round at 11:15. Returns the nurse's session."""
    clerk = session_for("records")
    clock.now = _at("11-29T11:00")
    import_path(clerk, Path(shutil.copytree(SNAPSHOT, tmp_path / "snapshot")))
    with clerk.db.atomic():
        snapshot_time.keep(clerk, [_order(clerk, "Paracetamol").record_id], _at("11-29T07:00"))
    clock.now = _at("11-29T11:15")
    nurse = session_for("nurse")
    assert ("Paracetamol", "29 08:00") in _round(nurse)
    assert audit.verify_chain(nurse.db) is None
    return nurse


@pytest.mark.parametrize("tampering, said", [
    ("DELETE FROM snapshot_as_of", "is gone (deleted)"),
    ("UPDATE snapshot_as_of SET as_of = '2026-11-29T10:00:00+01:00'", "no longer matches"),
])
def test_verify_names_a_snapshot_time_deleted_or_moved_by_sql(paracetamol_of_seven, tampering, said):
    db = paracetamol_of_seven.db
    db.execute("DROP TRIGGER snapshot_as_of_no_delete")
    db.execute("DROP TRIGGER snapshot_as_of_no_update")
    db.execute(tampering)
    found = audit.verify_chain(db)
    assert found is not None and "snapshot_as_of row" in str(found) and said in str(found), found


def test_a_snapshot_time_kept_twice_writes_one_row_and_one_entry(paracetamol_of_seven, session_for):
    clerk = session_for("records")
    order = _order(clerk, "Paracetamol").record_id
    with clerk.db.atomic():
        snapshot_time.keep(clerk, [order], _at("11-29T09:00"))
    assert clerk.db.execute("SELECT as_of FROM snapshot_as_of").fetchall() == [("2026-11-29T07:00:00+01:00",)]
    assert clerk.db.execute("SELECT COUNT(*) FROM audit WHERE entity = 'snapshot_as_of'").fetchone()[0] == 1
    assert audit.verify_chain(clerk.db) is None


def test_a_database_with_snapshot_times_from_before_they_were_audited_verifies_once_upgraded(tmp_path):
    """A ward laptop that loaded a snapshot before this version kept its times with a plain
    INSERT: upgraded, each gets its entry (the chain whole, verify sound), a second run adds
    none, and a row deleted after is named."""
    import sqlcipher3
    from sqlite_utils import Database

    from downtime.storage.migrations import m037_snapshot_as_of_audited

    db = Database(sqlcipher3.connect(str(tmp_path / "ward.sqlite"), isolation_level=None))
    MIGRATIONS.apply(db, stop_before="m037_snapshot_as_of_audited")
    at = datetime(2026, 11, 29, 10, tzinfo=timezone.utc)
    with db.atomic():  # as `snapshot_time.keep` wrote them then
        for order in ("o1", "o2"):
            db.execute("INSERT INTO snapshot_as_of (record_id, as_of) VALUES (?, ?)", [order, "2026-11-29T07:00:00+01:00"])
        audit.append(db, at=at, actor="records", device_id="d0", action="import.snapshot_as_of",
                     detail={"as_of": "2026-11-29T07:00:00+01:00", "orders": ["o1", "o2"]})
    MIGRATIONS.apply(db)
    assert audit.verify_chain(db) is None
    entries = db.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    with db.atomic():
        m037_snapshot_as_of_audited(db)
    assert db.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == entries
    assert audit.verify_chain(db) is None
    db.execute("DROP TRIGGER snapshot_as_of_no_delete")
    db.execute("DELETE FROM snapshot_as_of WHERE record_id = 'o2'")
    assert "snapshot_as_of row o2 written by this entry is gone" in str(audit.verify_chain(db))
