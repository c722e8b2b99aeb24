"""What an office's Mac or PC writes in an export folder it shows (Finder's .DS_Store and, on a
FAT stick, an AppleDouble "._" file beside each file; Explorer's Thumbs.db and desktop.ini; a
drive's index folders): the untouched export was refused as one "not listed in the manifest",
and its decryption stopped at ._manifest.json.age. It now verifies, merges and decrypts, none of
that is read, and a file of the export missing, altered or added is still named."""

import csv
import re
import shutil
from pathlib import Path

import pytest

from downtime.services import records
from downtime.sync.encryption import DecryptRefused, decrypt_folder, generate_identity
from downtime.sync.export import export, verify_export
from downtime.sync.merge import merge

APPLE_DOUBLE = b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        "


def _looked_at(folder: Path) -> None:
    """The stick opened in Finder, then in Explorer."""
    for path in [path for path in folder.rglob("*") if path.is_file()]:
        path.with_name(f"._{path.name}").write_bytes(APPLE_DOUBLE)
    for name, content in ((".DS_Store", b"\x00\x00\x00\x01Bud1"), ("csv/.DS_Store", b"\x00\x00\x00\x01Bud1"),
                          ("Thumbs.db", b"\xd0\xcf\x11\xe0"), ("desktop.ini", b"[.ShellClassInfo]\r\n"),
                          (".Spotlight-V100/Store-V2/store.db", b"\x00"), (".fseventsd/fseventsd-uuid", b"\x00"),
                          ("System Volume Information/IndexerVolumeGuid", b"\x00")):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(content)


@pytest.fixture
def stick(session_for, admission_values, tmp_path) -> tuple[Path, Path]:
    """An export, and an untouched copy of it."""
    records.save_new(session_for("nurse"), "admission", admission_values)
    folder = export(session_for("records"), tmp_path / "stick" / "downtime-export-001").folder
    return folder, Path(shutil.copytree(folder, tmp_path / "untouched"))


def test_an_export_a_mac_and_a_pc_looked_at_verifies_and_merges_as_it_was(stick, tmp_path):
    folder, untouched = stick
    _looked_at(folder)
    # An AppleDouble file named as a CSV, which the merge would read as one: here, a line of its own.
    with (folder / "csv" / "admission.csv").open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle))
    (folder / "csv" / "._admission.csv").write_text(",".join(header) + "\r\n" + ",".join(["x"] * len(header)) + "\r\n",
                                                    encoding="utf-8")
    assert verify_export(folder) == []
    merged = merge([folder], tmp_path / "merged")
    as_it_was = merge([untouched], tmp_path / "merged-untouched")
    assert merged.versions == as_it_was.versions
    assert sorted(path.relative_to(merged.folder) for path in merged.folder.rglob("*")) == sorted(
        path.relative_to(as_it_was.folder) for path in as_it_was.folder.rglob("*"))
    for name in ("csv/admission.csv", "data/records.jsonl"):
        assert (merged.folder / name).read_bytes() == (as_it_was.folder / name).read_bytes()


def test_a_file_of_the_export_missing_altered_or_added_is_named_beside_what_the_office_left(stick):
    folder, _ = stick
    _looked_at(folder)
    (folder / "data" / "records.jsonl").write_bytes(b"{}\n")
    (folder / "csv" / "admission.csv").unlink()
    (folder / "csv" / "notes.csv").write_text("record_id\n", encoding="utf-8")
    assert sorted(map(str, verify_export(folder))) == [
        f"{folder / 'csv' / 'admission.csv'}: missing",
        f"{folder / 'csv' / 'notes.csv'}: not listed in the manifest",
        f"{folder / 'data' / 'records.jsonl'}: altered or truncated (SHA-256 differs from the manifest)"]


def test_an_encrypted_export_a_mac_and_a_pc_looked_at_decrypts(session_for, admission_values, tmp_path):
    records.save_new(session_for("nurse"), "admission", admission_values)
    key = tmp_path / "office.key"
    folder = export(session_for("records"), tmp_path / "stick" / "downtime-export-001",
                    encrypt_to=[generate_identity(key)]).folder
    mine = sorted(path.relative_to(folder) for path in folder.rglob("*.age"))
    _looked_at(folder)
    assert decrypt_folder(folder, tmp_path / "decrypted", key) == len(mine)
    assert sorted(path.relative_to(tmp_path / "decrypted") for path in (tmp_path / "decrypted").rglob("*")
                  if path.is_file()) == sorted(path.with_suffix("") for path in mine)
    assert verify_export(tmp_path / "decrypted") == []
    (folder / "csv" / "admission.csv.age").unlink()
    with pytest.raises(DecryptRefused, match=re.escape(f"{Path('csv', 'admission.csv')}: missing")):
        decrypt_folder(folder, tmp_path / "again", key)
