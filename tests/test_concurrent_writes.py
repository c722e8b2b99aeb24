"""Two connections writing to one ward database: the window's, and an import's or an export's
on a thread of their own. A write must wait for the other, never be refused because the other
committed while it was reading."""

from datetime import datetime, timezone
from pathlib import Path

import pytest
import sqlcipher3

from downtime.storage import audit, open_database

AT = datetime(2026, 11, 28, 14, 0, tzinfo=timezone.utc)


def _audited(db, action: str) -> None:
    audit.append(db, at=AT, actor="nurse", device_id="laptop", action=action)


def test_a_transaction_holds_the_write_lock_from_its_start(tmp_path: Path) -> None:
    window = open_database(tmp_path / "ward.sqlite")
    work = open_database(tmp_path / "ward.sqlite", create=False)
    work.execute("PRAGMA busy_timeout = 0")  # refused at once instead of waiting 5 s for the window
    with window.atomic():
        window.execute("SELECT COUNT(*) FROM audit").fetchone()  # every write here reads first
        with pytest.raises(sqlcipher3.OperationalError, match="database is locked"), work.atomic():
            _audited(work, "export")
        _audited(window, "record.create")  # begun deferred, this was refused: the snapshot was stale
    with work.atomic():
        _audited(work, "export")
    assert [row[0] for row in window.execute("SELECT action FROM audit ORDER BY seq")] == ["record.create", "export"]
    assert audit.verify_chain(window) is None


def test_nested_blocks_are_savepoints_of_the_one_transaction(tmp_path: Path) -> None:
    db = open_database(tmp_path / "ward.sqlite")
    with db.atomic():
        _audited(db, "kept")
        with pytest.raises(ValueError), db.atomic():
            _audited(db, "undone")
            raise ValueError("a refused line")
    with pytest.raises(ValueError), db.atomic():
        _audited(db, "rolled back")
        raise ValueError("a refused import")
    assert [row[0] for row in db.execute("SELECT action FROM audit")] == ["kept"]
    assert not db.conn.in_transaction
