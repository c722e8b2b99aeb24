"""What a decryption, a merge, an export or an encrypted import killed half-way (a power cut, a
flat battery, Task Manager) left in plain text in its staging folder: removed by the next run in
that folder, or as the database opens, and a folder of the clerk's own is never touched."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from downtime.cli import main
from downtime.services import records
from downtime.sync.encryption import decrypt_folder, generate_identity
from downtime.sync.export import export
from downtime.sync.importing import DECRYPTED
from downtime.sync.merge import merge

MAIN = str(Path(records.__file__).parents[2])


def _killed(module: str, command: list[str]) -> None:
    """`downtime COMMAND` killed as `module` flushes its staging folder to the disk: every file
    written in it, nothing put in place."""
    cut = subprocess.run([sys.executable, "-c", f"""
import os, sys
import {module} as cut_in
from downtime.cli import main

def cut(*args, **kwargs):
    os._exit(9)

cut_in.on_disk = cut
main(sys.argv[1:])
""", *command], capture_output=True, text=True, env={**os.environ, "PYTHONPATH": MAIN})
    assert cut.returncode == 9, cut.stderr


def _naming(folder: Path, values: dict) -> list[Path]:
    """The files under `folder` that name the patient in plain text."""
    return [path for path in folder.rglob("*") if path.is_file()
            and any(values[name].encode("utf-8") in path.read_bytes() for name in ("birth_name", "given_names"))]


def _hidden(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.startswith("."))


@pytest.fixture
def sealed(session_for, admission_values, tmp_path):
    """An encrypted export of one patient, and the records office's key file."""
    key = tmp_path / "office" / "records-office.key"
    key.parent.mkdir()
    public = generate_identity(key)
    records.save_new(session_for("nurse"), "admission", admission_values)
    return export(session_for("records"), tmp_path / "usb" / "sealed", encrypt_to=[public]).folder, key


@pytest.fixture
def clerks_own(tmp_path):
    """A folder of the clerk's own in the office's share, named as a staging folder is."""

    def make(parent: Path, name: str) -> Path:
        folder = parent / name
        folder.mkdir(parents=True)
        (folder / "notes.txt").write_text("mine", encoding="utf-8")
        return folder

    return make


def test_a_decryption_cut_by_a_crash_is_removed_by_the_next_one_in_that_folder(sealed, admission_values, tmp_path,
                                                                             clerks_own):
    """It stayed, every patient in plain text, in a hidden `.decrypt-…` folder beside the
    decrypted export, for good."""
    src, key = sealed
    office = tmp_path / "office-share"
    mine = clerks_own(office, ".decrypt-clerks01")
    _killed("downtime.sync.export", ["decrypt", str(src), "--identity", str(key), "--out", str(office / "ward3b")])
    assert len(_hidden(office)) == 2 and _naming(office, admission_values)
    decrypt_folder(src, office / "ward3b", key)
    assert _hidden(office) == [mine.name]
    assert {path.relative_to(office).parts[0] for path in _naming(office, admission_values)} == {"ward3b"}
    assert not (office / "ward3b" / ".downtime-staging").exists()


def test_a_merge_cut_by_a_crash_is_removed_by_the_next_one_in_that_folder(session_for, admission_values, tmp_path,
                                                                        clerks_own):
    """The merge's staging and its scratch database, each holding every patient in plain text."""
    records.save_new(session_for("nurse"), "admission", admission_values)
    plain = export(session_for("records"), tmp_path / "usb" / "ward3b").folder
    office = tmp_path / "office-share"
    mine = clerks_own(office, ".merge-clerks01")
    _killed("downtime.sync.merge", ["merge", str(plain), "--out", str(office / "merged")])
    assert len(_hidden(office)) == 3 and _naming(office, admission_values)
    merge([plain], office / "merged")
    assert _hidden(office) == [mine.name]
    assert {path.relative_to(office).parts[0] for path in _naming(office, admission_values)} == {"merged"}


def test_a_plain_export_cut_by_a_crash_is_removed_by_the_next_export_to_that_stick(session_for, admission_values,
                                                                                 db_path, tmp_path):
    records.save_new(session_for("nurse"), "admission", admission_values)
    stick = tmp_path / "usb"
    _killed("downtime.sync.export", ["export", "--db", str(db_path), "--user", "records", "--pin", "4444", "--plain",
                                     "--out", str(stick / "first")])
    assert len(_hidden(stick)) == 1 and _naming(stick, admission_values)
    export(session_for("records"), stick / "second")
    assert _hidden(stick) == []


def test_an_encrypted_import_cut_by_a_crash_is_removed_as_a_command_opens_the_database(session_for, db_path,
                                                                                      tmp_path, capsys):
    """Only the next encrypted import removed it: weeks on a records office's laptop, the whole
    export in plain text beside the encrypted database."""
    session_for("records")
    left = db_path.parent / f"{DECRYPTED}k1ll3d00" / "export" / "csv"
    left.mkdir(parents=True)
    (left / "admission.csv").write_text("MARTIN Hélène", encoding="utf-8")
    assert main(["census", "--db", str(db_path), "--user", "nurse", "--pin", "1111"]) == 0
    assert not list(db_path.parent.glob(f"{DECRYPTED}*"))
    assert f"removed the plain text an interrupted encrypted import left in {left.parents[1]}" in capsys.readouterr().err
