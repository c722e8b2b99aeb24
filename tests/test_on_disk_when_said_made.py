"""An export, a merge and a decryption are on the disk before anyone is told they are made: the
nurse pulls the stick at "Exported … to E:\\…", and the export is then recorded as made (the next
`--since-last` starts after it). A stick its system writes to later (exFAT mounted so) could be
pulled holding empty files, or only the hidden .export-… folder."""

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from downtime.services import records
from downtime.sync.encryption import decrypt_folder, generate_identity
from downtime.sync.export import export
from downtime.sync.merge import merge

pytestmark = pytest.mark.skipif(os.name == "nt", reason="Windows cannot open a folder to flush it")


class Flushes:
    """Each file and folder flushed to the disk (os.fsync), by its device and inode (a folder
    keeps its inode when renamed), with what `then` said as it was flushed."""

    def __init__(self) -> None:
        self.seen: list[tuple[tuple[int, int], object]] = []
        self.then: Callable[[], object] = lambda: None

    def of(self, path: Path) -> list[object]:
        """What `then` said at each flush of `path`."""
        found = path.stat()
        return [said for identity, said in self.seen if identity == (found.st_dev, found.st_ino)]

    def missing(self, folder: Path) -> list[str]:
        """What of `folder` (itself, each file and folder in it) was never flushed."""
        return [str(path) for path in [folder, *sorted(folder.rglob("*"))] if not self.of(path)]


@pytest.fixture
def flushes(monkeypatch: pytest.MonkeyPatch) -> Flushes:
    found = Flushes()
    real = os.fsync

    def fsync(descriptor: int) -> None:
        real(descriptor)
        at = os.fstat(descriptor)
        found.seen.append(((at.st_dev, at.st_ino), found.then()))

    monkeypatch.setattr(os, "fsync", fsync)
    return found


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_an_export_is_on_the_stick_before_it_is_recorded_as_made(session_for, admission_values, tmp_path, flushes,
                                                                  encrypted):
    records.save_new(session_for("nurse"), "admission", admission_values)
    clerk = session_for("records")
    keys = [generate_identity(tmp_path / "office.key")] if encrypted else None
    flushes.then = lambda: clerk.db.conn.in_transaction  # the export's record written, not yet committed
    out = export(clerk, tmp_path / "stick" / "downtime-export-001", encrypt_to=keys).folder
    assert flushes.missing(out) == []
    # Each file and folder flushed before the export's record is written (its transaction holds
    # other windows' saves back), the rename into place once, before that record is committed.
    assert {said for path in [out, *out.rglob("*")] for said in flushes.of(path)} == {False}
    assert flushes.of(out.parent) == [True]
    assert not clerk.db.conn.in_transaction
    assert clerk.db.execute("SELECT folder FROM exports").fetchall() == [(str(out),)]


def test_a_merge_is_on_the_disk_before_it_is_said_made(session_for, admission_values, tmp_path, flushes):
    records.save_new(session_for("nurse"), "admission", admission_values)
    stick = export(session_for("records"), tmp_path / "stick" / "downtime-export-001").folder
    out = merge([stick], tmp_path / "office" / "merged").folder
    assert flushes.missing(out) == [] and flushes.of(out.parent)


def test_a_decrypted_export_is_on_the_disk_before_it_is_said_made(session_for, admission_values, tmp_path, flushes):
    records.save_new(session_for("nurse"), "admission", admission_values)
    public = generate_identity(tmp_path / "office.key")
    stick = export(session_for("records"), tmp_path / "stick" / "downtime-export-001", encrypt_to=[public]).folder
    out = tmp_path / "office" / "decrypted"
    decrypt_folder(stick, out, tmp_path / "office.key")
    assert flushes.missing(out) == [] and flushes.of(out.parent)
