"""Messages a ward can act on when its disk refuses: a database whose disk is full opens for
reading and printing, saying so, and refuses every write cleanly; a PDF or an export the chosen
disk refuses is named as chosen, in the reader's language, with nothing written."""

import errno
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from downtime.cli import main
from downtime.storage import connection, open_database

FULL_NOTICE = "downtime: The disk is full: you can read and print, not record. Free space or move the database.\n"


def test_a_full_disk_lets_the_ward_read_and_print_and_refuses_records(ward_db, db_path, disk_full, tmp_path,
                                                                      capsys, monkeypatch):
    """`downtime census` read "demo.sqlite cannot be opened as a Downtime database: disk I/O
    error" when the disk was full: the ward could not print its census when it needed it most."""
    ward_db.conn.close()
    monkeypatch.setenv("DOWNTIME_USER", "nurse")
    monkeypatch.setenv("DOWNTIME_PIN", "1111")
    assert main(["census", "--db", str(db_path), "--lang", "en"]) == 0
    said = capsys.readouterr()
    assert said.err == FULL_NOTICE
    assert main(["pdf", "census", "--db", str(db_path), "--lang", "en", "--out", str(tmp_path / "census.pdf")]) == 0
    assert (tmp_path / "census.pdf").exists() and capsys.readouterr().err == FULL_NOTICE
    monkeypatch.setenv("DOWNTIME_USER", "admin")
    monkeypatch.setenv("DOWNTIME_PIN", "0000")
    assert main(["ward", "add", "4C", "--name", "Surgery 4C", "--beds", "1-4", "--db", str(db_path), "--lang", "fr"]) == 1
    assert capsys.readouterr().err.endswith("downtime: Non effectué : le disque est plein. Rien n’a été écrit à moitié ; "
                                            "appelez l’informatique si cela se reproduit.\n")


def test_changes_still_in_the_wal_are_read_when_no_shared_memory_can_be_made(db_path, ward_db, disk_full):
    """Read without its shared-memory file, a WAL database is read from its main file alone:
    the doses committed since the last checkpoint would be missing from the printed MAR."""
    ward_db.conn.close()
    subprocess.run([sys.executable, "-c", f"""
import os, sqlcipher3
conn = sqlcipher3.connect({str(db_path)!r}, isolation_level=None)
conn.execute("PRAGMA wal_autocheckpoint = 0")
conn.execute("INSERT INTO meta (key, value) VALUES ('committed_last', 'yes')")
os._exit(0)  # as a crash or a power cut leaves it: the change is in the WAL alone
"""], check=True)
    assert Path(f"{db_path}-wal").stat().st_size > 0
    disk_full["shared_memory"] = False
    db = open_database(db_path, create=False)
    assert connection.read_only_notice(db) is not None
    assert db.execute("SELECT value FROM meta WHERE key = 'committed_last'").fetchone() == ("yes",)


def _pdf_refused(monkeypatch, number: int, words: str) -> None:
    def refused(*args, **kwargs):
        raise OSError(number, words)

    monkeypatch.setattr(tempfile, "mkstemp", refused)


@pytest.mark.parametrize(("number", "words", "cause"), [
    (errno.ENOSPC, "No space left on device", "le disque est plein"),
    (errno.EROFS, "Read-only file system", "le disque ou le dossier est en lecture seule"),
    (errno.EIO, "Input/output error", "le disque a été retiré")])
def test_a_pdf_the_stick_refuses_names_the_file_chosen_and_says_nothing_was_written(ward_db, db_path, tmp_path, monkeypatch,
                                                                                   capsys, number, words, cause):
    monkeypatch.setenv("DOWNTIME_USER", "nurse")
    monkeypatch.setenv("DOWNTIME_PIN", "1111")
    out = tmp_path / "stick" / "census.pdf"
    out.parent.mkdir()
    _pdf_refused(monkeypatch, number, words)
    assert main(["pdf", "census", "--db", str(db_path), "--lang", "fr", "--out", str(out)]) == 1
    said = capsys.readouterr().err
    assert said == f"downtime: Impossible d’écrire dans {out} : {cause}. Rien n’a été écrit.\n"
    assert list(out.parent.iterdir()) == []


def test_an_export_to_a_read_only_stick_names_the_folder_not_its_temporary_one(ward_db, db_path, tmp_path, monkeypatch,
                                                                              capsys):
    """It read "ro/.export-0ebtdfx0 : Read-only file system", in English on a French laptop."""
    monkeypatch.setenv("DOWNTIME_USER", "admin")
    monkeypatch.setenv("DOWNTIME_PIN", "0000")
    out = tmp_path / "ro" / "export"
    out.parent.mkdir()

    def read_only(*args, prefix="", dir=None, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system", str(Path(dir) / f"{prefix}0ebtdfx0"))

    monkeypatch.setattr(tempfile, "mkdtemp", read_only)
    assert main(["export", "--db", str(db_path), "--lang", "en", "--plain", "--out", str(out)]) == 1
    said = capsys.readouterr().err.splitlines()[-1]
    assert said == f"downtime: Could not write to {out}: the disk or folder is read-only. Nothing was written."
    assert list(out.parent.iterdir()) == []
