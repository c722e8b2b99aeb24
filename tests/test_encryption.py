"""Encrypted exports: nothing readable on the stick, the records office's identity opens them,
anything else (a wrong key, a flipped byte, a missing file, a bad public key) is refused by name."""

import io
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from downtime.cli import main
from downtime.services import records
from downtime.sync.encryption import (
    BadIdentity, BadRecipient, DecryptRefused, decrypt_folder, encrypted_export, generate_identity,
)
from downtime.sync.export import STAGING_MARK, clear_plaintext_left, export, verify_export


@pytest.fixture
def office(tmp_path):
    """The records office's key file and public key."""
    key = tmp_path / "office" / "records-office.key"
    key.parent.mkdir()
    return key, generate_identity(key)


@pytest.fixture
def encrypted(session_for, admission_values, office, tmp_path):
    nurse = session_for("nurse")
    first = records.save_new(nurse, "admission", admission_values)
    records.amend(nurse, first.record_id, {**admission_values, "bed": "14"}, "Lit changé — erreur de saisie")
    plain = export(session_for("records"), tmp_path / "plain")
    sealed = export(session_for("records"), tmp_path / "usb" / "sealed", encrypt_to=[office[1]])
    return plain.folder, sealed.folder


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith((".export", ".decrypt"))]


def test_the_identity_file_is_the_standard_age_format_and_private(office):
    key, public = office
    lines = key.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# created: ") and lines[1] == f"# public key: {public}"
    assert lines[2].startswith("AGE-SECRET-KEY-1") and len(lines) == 3 and public.startswith("age1")
    assert stat.S_IMODE(key.stat().st_mode) == 0o600


def test_an_existing_key_file_is_never_overwritten(office):
    key, _ = office
    before = key.read_bytes()
    with pytest.raises(BadIdentity, match="already exists"):
        generate_identity(key)
    assert key.read_bytes() == before


def test_nothing_readable_is_left_on_the_stick(encrypted, admission_values):
    _, sealed = encrypted
    files = [p for p in sealed.rglob("*") if p.is_file()]
    assert files and all(p.suffix == ".age" for p in files)
    assert {str(p.relative_to(sealed)) for p in files} >= {"manifest.json.age", "csv/admission.csv.age",
                                                           "fhir/bundle.json.age"}
    for name in (admission_values["birth_name"], admission_values["given_names"]):
        assert not any(name.encode("utf-8") in p.read_bytes() for p in files)
    assert _leftovers(sealed.parent) == []


def test_the_identity_decrypts_the_same_export(encrypted, office, tmp_path):
    plain, sealed = encrypted
    out = tmp_path / "office" / "ward3b"
    assert decrypt_folder(sealed, out, office[0]) == sum(1 for p in sealed.rglob("*") if p.is_file())
    assert verify_export(out) == []
    assert (out / "csv" / "admission.csv").read_bytes() == (plain / "csv" / "admission.csv").read_bytes()
    assert not list(out.rglob("*.age"))


def test_a_wrong_identity_is_refused_by_name(encrypted, tmp_path):
    _, sealed = encrypted
    other = tmp_path / "other.key"
    generate_identity(other)
    out = tmp_path / "office" / "ward3b"
    with pytest.raises(DecryptRefused, match="cannot be decrypted with this identity") as refused:
        decrypt_folder(sealed, out, other)
    assert str(sealed) in str(refused.value) and ".age" in str(refused.value) and str(other) in str(refused.value)
    assert not out.exists() and _leftovers(out.parent) == []


def test_a_flipped_byte_is_refused_by_name(encrypted, office, tmp_path):
    _, sealed = encrypted
    path = sealed / "csv" / "admission.csv.age"
    data = bytearray(path.read_bytes())
    data[-5] ^= 0x01
    path.write_bytes(bytes(data))
    out = tmp_path / "office" / "ward3b"
    with pytest.raises(DecryptRefused, match="damaged or altered") as refused:
        decrypt_folder(sealed, out, office[0])
    assert "admission.csv.age" in str(refused.value)
    assert not out.exists() and _leftovers(out.parent) == []


def test_an_altered_header_after_good_files_is_not_blamed_on_the_key(encrypted, office, tmp_path):
    _, sealed = encrypted
    path = sealed / "manifest.json.age"
    data = bytearray(path.read_bytes())
    data[data.index(b"X25519 ") + 20] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(DecryptRefused, match="altered or damaged|damaged or altered") as refused:
        decrypt_folder(sealed, tmp_path / "office" / "ward3b", office[0])
    assert "manifest.json.age" in str(refused.value)


def test_a_removed_file_is_refused_by_the_manifest(encrypted, office, tmp_path):
    _, sealed = encrypted
    (sealed / "fhir" / "bundle.json.age").unlink()
    out = tmp_path / "office" / "ward3b"
    with pytest.raises(DecryptRefused, match=r"fhir/bundle.json: missing"):
        decrypt_folder(sealed, out, office[0])
    assert not out.exists() and _leftovers(out.parent) == []


@pytest.mark.parametrize("content", [None, "not a key\n", "# public key: age1abc\n"])
def test_a_missing_or_garbled_identity_file_is_named(encrypted, tmp_path, content):
    _, sealed = encrypted
    identity = tmp_path / "identity.txt"
    if content is not None:
        identity.write_text(content, encoding="utf-8")
    with pytest.raises(BadIdentity, match=str(identity)):
        decrypt_folder(sealed, tmp_path / "out", identity)
    assert not (tmp_path / "out").exists()


def _plaintext_in(folder: Path, values: dict) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file() and not path.name.startswith("ward.sqlite")
            and any(values[name].encode("utf-8") in path.read_bytes() for name in ("birth_name", "given_names"))]


@pytest.fixture
def system_temp(tmp_path, monkeypatch):
    """The system's temporary folder, this test's own, so what is left there can be seen."""
    folder = tmp_path / "system-temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    for name in ("TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(name, str(folder))
    return folder


def test_an_encrypted_export_failing_half_way_leaves_no_plaintext_anywhere(session_for, admission_values, office,
                                                                           system_temp, tmp_path, monkeypatch):
    """Its plaintext was written in the system's temporary folder (shared by every account of a
    laptop on Linux) before being encrypted: it must be on no disk at all."""
    from downtime.sync import fhir_export

    records.save_new(session_for("nurse"), "admission", admission_values)

    def broken(*args, **kwargs):
        raise RuntimeError("the bundle failed half-way")

    monkeypatch.setattr(fhir_export, "write_bundle", broken)
    out = tmp_path / "usb" / "sealed"
    with pytest.raises(RuntimeError, match="half-way"):
        export(session_for("records"), out, encrypt_to=[office[1]])
    assert not out.exists() and _leftovers(out.parent) == []
    assert list(system_temp.iterdir()) == [] and _plaintext_in(tmp_path, admission_values) == []


def test_an_encrypted_export_cut_by_a_crash_leaves_no_plaintext_anywhere(session_for, admission_values, office,
                                                                         db_path, system_temp, tmp_path):
    """The app killed half-way through an encrypted export (a crash, a flat battery): no
    readable patient data is left on the laptop or on the stick."""
    records.save_new(session_for("nurse"), "admission", admission_values)
    stick = tmp_path / "usb"
    cut = subprocess.run([sys.executable, "-c", """
import os, sys
from downtime.cli import main
from downtime.sync import export

def cut(*args, **kwargs):
    os._exit(9)

export.write_versions = cut
database, public, out = sys.argv[1:]
main(["export", "--db", database, "--user", "records", "--pin", "4444", "--encrypt-to", public, "--out", out])
""", str(db_path), office[1], str(stick / "sealed")], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(Path(records.__file__).parents[2])})
    assert cut.returncode == 9, cut.stderr
    assert list(system_temp.iterdir()) == [] and _plaintext_in(tmp_path, admission_values) == []
    # Cut once the bundle and the CSVs are written (the bundle first: it finds what the CSVs say
    # to ask the ward about), before the data files and the manifest.
    written = {path.name for path in stick.rglob("*") if path.is_file()}
    assert {"admission.csv.age", "bundle.json.age"} <= written and "manifest.json.age" not in written
    assert all(name.endswith(".age") for name in written - {STAGING_MARK})  # the mark is empty


class _FullStick(io.RawIOBase):
    """A file on a USB stick that is full."""

    def __init__(self, handle):
        super().__init__()
        self.handle = handle

    def writable(self):
        return True

    def write(self, data):
        raise OSError(28, "No space left on device")

    def fileno(self):
        return self.handle.fileno()

    def close(self):
        self.handle.close()
        super().close()


def test_a_stick_filling_up_during_an_encrypted_export_is_said_as_a_full_disk(session_for, admission_values, office,
                                                                               tmp_path, monkeypatch):
    """age drops the error its last write meets (the export was said made, a file in it cut
    short) and reports the others in words only (the person was told the app had failed, not
    that the stick was full)."""
    from downtime.errors import NotWritten

    records.save_new(session_for("nurse"), "admission", admission_values)
    opened = Path.open

    def open_on_a_full_stick(path, mode="r", *args, **kwargs):
        handle = opened(path, mode, *args, **kwargs)
        return _FullStick(handle) if path.suffix == ".age" else handle

    monkeypatch.setattr(Path, "open", open_on_a_full_stick)
    out = tmp_path / "usb" / "sealed"
    with pytest.raises(NotWritten) as full:
        export(session_for("records"), out, encrypt_to=[office[1]])
    monkeypatch.undo()
    assert full.value.text("en") == f"Could not write to {out}: the disk is full. Nothing was written."
    assert not out.exists() and _leftovers(out.parent) == []


def test_what_an_earlier_crash_left_in_the_temporary_folder_goes_at_the_next_export(session_for, office, system_temp,
                                                                                   tmp_path):
    """An earlier version wrote the plaintext in the system's temporary folder, where a crash left
    it: the next export clears it."""
    left = system_temp / "downtime-export-k2j4h1ab" / "csv"
    left.mkdir(parents=True)
    (left / "admission.csv").write_text("MARTIN Hélène", encoding="utf-8")
    export(session_for("records"), tmp_path / "usb" / "sealed", encrypt_to=[office[1]])
    assert list(system_temp.iterdir()) == []


def test_only_what_an_earlier_version_left_in_the_temporary_folder_goes(session_for, admission_values, office,
                                                                       system_temp, tmp_path):
    """Every folder there named "downtime-export-" then letters, digits or "_" went as the app
    started: `downtime decrypt E: --out %TEMP%\\downtime-export-ward3b` was deleted without a word.
    Only mkdtemp's names (8 characters) go, holding nothing but what that version wrote."""
    records.save_new(session_for("nurse"), "admission", admission_values)
    clerk = session_for("records")
    # A crash mid-way: the plaintext of some files, others encrypted already, the manifest cut short.
    left = system_temp / "downtime-export-k2j4h1ab"
    for name, content in (("csv/admission.csv", "MARTIN Hélène"), ("csv/death.csv.age", "age-encryption.org/v1"),
                          ("data/records.jsonl", "{}"), ("manifest.json", '{"format": "downtime-export", "files": {')):
        (left / name).parent.mkdir(parents=True, exist_ok=True)
        (left / name).write_text(content, encoding="utf-8")
    sealed = export(clerk, tmp_path / "usb" / "sealed", encrypt_to=[office[1]]).folder
    exports = [export(clerk, system_temp / "downtime-export-ward3b").folder,  # named by hand
               export(clerk, system_temp / "downtime-export-ward3b12").folder,  # and as mkdtemp names
               export(clerk, system_temp / "downtime-export-sealed12", encrypt_to=[office[1]]).folder]
    decrypt_folder(sealed, system_temp / "downtime-export-opened12", office[0])
    exports.append(system_temp / "downtime-export-opened12")
    notes = system_temp / "downtime-export-notes123"  # a file that version never wrote
    (notes / "csv").mkdir(parents=True)
    (notes / "csv" / "admission.csv").write_text("MARTIN Hélène", encoding="utf-8")
    (notes / "notes.txt").write_text("ward 3B, night of the 28th", encoding="utf-8")
    clear_plaintext_left()
    assert sorted(path.name for path in system_temp.iterdir()) == sorted(
        [folder.name for folder in exports] + [notes.name])
    assert [verify_export(folder) for folder in exports if not encrypted_export(folder)] == [[], [], []]


def test_a_bad_recipient_fails_before_anything_is_written(session_for, admission_values, tmp_path):
    records.save_new(session_for("nurse"), "admission", admission_values)
    session = session_for("records")
    exports_before = session.db.execute("SELECT COUNT(*) FROM exports").fetchone()[0]
    out = tmp_path / "usb" / "sealed"
    with pytest.raises(BadRecipient, match="age1notakey"):
        export(session, out, encrypt_to=["age1notakey"])
    assert not out.parent.exists()
    assert session.db.execute("SELECT COUNT(*) FROM exports").fetchone()[0] == exports_before


def test_the_commands_end_to_end(tmp_path, cli_demo, capsys):
    db = cli_demo()
    key = tmp_path / "office" / "records-office.key"
    key.parent.mkdir()
    capsys.readouterr()
    assert main(["keygen", "--out", str(key)]) == 0
    printed = capsys.readouterr().out
    public = printed.split("public key: ")[1].split()[0]
    assert public.startswith("age1") and "secret" in printed
    assert main(["keygen", "--out", str(key)]) == 1
    assert "already exists" in capsys.readouterr().err

    public_file = tmp_path / "records-office.pub"
    public_file.write_text(f"# records office\n{public}\n", encoding="utf-8")
    person = ["--db", str(db), "--user", "records", "--pin", "4444"]
    sealed = tmp_path / "usb" / "ward3b"
    assert main(["export", "--out", str(sealed), "--encrypt-to", str(public_file), *person]) == 0
    assert "encrypted" in capsys.readouterr().out
    assert all(p.suffix == ".age" for p in sealed.rglob("*") if p.is_file())

    refused = tmp_path / "usb" / "refused"
    assert main(["export", "--out", str(refused), "--encrypt-to", "age1typo", *person]) == 1
    assert "age1typo" in capsys.readouterr().err and not refused.exists()
    assert main(["export", "--out", str(refused), "--encrypt-to", str(key), *person]) == 1
    assert "secret key" in capsys.readouterr().err and not refused.exists()

    out = tmp_path / "office" / "ward3b"
    assert main(["decrypt", str(sealed), "--identity", str(tmp_path / "nowhere.key"), "--out", str(out)]) == 1
    assert "nowhere.key" in capsys.readouterr().err and not out.exists()
    assert main(["decrypt", str(sealed), "--identity", str(key), "--out", str(out)]) == 0
    assert "matches its manifest" in capsys.readouterr().out
    assert verify_export(out) == []
    assert main(["verify", "--db", str(db), "--user", "records", "--pin", "4444"]) == 0


def test_the_standard_age_tool_decrypts_a_file(encrypted, office, tmp_path):
    age = shutil.which("age")
    if age is None:
        pytest.skip("the age tool is not installed on this machine")
    plain, sealed = encrypted
    opened = subprocess.run([age, "-d", "-i", str(office[0]), str(sealed / "csv" / "admission.csv.age")],
                            capture_output=True, check=True)
    assert opened.stdout == (plain / "csv" / "admission.csv").read_bytes()


def test_a_key_made_by_age_keygen_works_both_ways(session_for, admission_values, tmp_path):
    keygen = shutil.which("age-keygen")
    if keygen is None:
        pytest.skip("the age tool is not installed on this machine")
    key = tmp_path / "age-keygen.key"
    subprocess.run([keygen, "-o", str(key)], capture_output=True, check=True)
    public = subprocess.run([keygen, "-y", str(key)], capture_output=True, check=True, text=True).stdout.strip()
    records.save_new(session_for("nurse"), "admission", admission_values)
    sealed = export(session_for("records"), tmp_path / "sealed", encrypt_to=[public]).folder
    assert decrypt_folder(sealed, tmp_path / "opened", key) > 0
    assert verify_export(tmp_path / "opened") == []


def test_the_records_office_imports_an_encrypted_export_with_its_key(encrypted, office, laptop, tmp_path,
                                                                      capsys):
    """No terminal between the stick and the import: the key file opens the export, its
    plaintext stays on the laptop's disk only while it is imported."""
    import tempfile

    from downtime.sync.importing import import_path
    from downtime.sync.outcome import ImportRefused

    _, sealed = encrypted
    _, clerk = laptop(tmp_path / "records-office.sqlite", 99)
    with pytest.raises(ImportRefused, match="encrypted export: give the records office's key file"):
        import_path(clerk, sealed)
    from downtime.cli import main  # the command's option is named, which the wizard's key row needs not

    db = str(clerk.db.conn.execute("PRAGMA database_list").fetchone()[2])
    assert main(["import", str(sealed), "--db", db, "--user", "records", "--pin", "4444"]) != 0
    assert f"(downtime import {sealed} --identity KEYFILE)" in capsys.readouterr().err
    with pytest.raises(BadIdentity):
        import_path(clerk, sealed, identity=tmp_path / "no-such.key")
    assert clerk.db.execute("SELECT COUNT(*) FROM records").fetchone()[0] == 0
    left = tmp_path / ".downtime-decrypted-cut" / "export" / "csv"  # a power cut during an earlier import
    left.mkdir(parents=True)
    (left / "admission.csv").write_text("MARTIN Hélène", encoding="utf-8")
    assert import_path(clerk, sealed, identity=office[0]).added == {"patients": 1, "records": 2}
    assert not list(tmp_path.glob(".downtime-decrypted-*"))
    assert not list(Path(tempfile.gettempdir()).glob(".downtime-decrypted-*"))
    assert _leftovers(sealed.parent) == []


def test_an_export_made_in_the_system_temp_folder_is_not_taken_for_a_leftover_plaintext(session_for, admission_values,
                                                                                       system_temp, tmp_path):
    """The export dialog names an export "downtime-export-<laptop>-<date>-<time>": one the clerk
    put in the system's temporary folder was deleted, unsaid, at the next export or window opened,
    taken for what an earlier version's encrypted export left there (mkdtemp's names, no hyphen)."""
    records.save_new(session_for("nurse"), "admission", admission_values)
    chosen = system_temp / "downtime-export-042-20261128-1400"
    export(session_for("records"), chosen)
    left = system_temp / "downtime-export-k2j4h1ab"
    left.mkdir()
    export(session_for("records"), tmp_path / "usb" / "next")
    assert chosen.is_dir() and verify_export(chosen) == [] and not left.exists()


def test_merging_an_encrypted_export_says_to_decrypt_it_first(encrypted, office, tmp_path, capsys):
    """The merge read an encrypted stick as an export whose manifest.json was missing ("does not
    match its manifest … No such file or directory"), which told the clerk neither that it was
    encrypted nor what to do; decrypted, the same stick merges."""
    plain, sealed = encrypted
    assert main(["merge", str(plain), str(sealed), "--out", str(tmp_path / "merged")]) == 1
    said = capsys.readouterr().err
    assert f"{sealed} is an encrypted export: decrypt it first (downtime decrypt {sealed} --identity KEYFILE " \
           "--out NEW_FOLDER), then merge the folder it makes" in said, said
    assert "manifest" not in said and not (tmp_path / "merged").exists()
    decrypt_folder(sealed, tmp_path / "decrypted", office[0])
    assert main(["merge", str(plain), str(tmp_path / "decrypted"), "--out", str(tmp_path / "merged")]) == 0


def test_an_export_is_encrypted_to_the_records_office_key_it_set_up(session_for, admission_values, office, tmp_path):
    """Nowhere could IT leave the records office's key on a ward laptop: the nurse exporting at
    the outage's end had a 62-character age1… key to type, left the box empty, and every patient's
    record went on the stick in plain text."""
    from downtime.services import settings
    from downtime.services.errors import ServiceError
    from downtime.sync.encryption import encrypted_export

    records.save_new(session_for("nurse"), "admission", admission_values)
    admin = session_for("admin")
    with pytest.raises(ServiceError, match=r"^Records office's key: 'age1typo' is not an age public key"):
        settings.set_export_key(admin, "age1typo")
    assert settings.get(admin.db, "export_key") == ""
    settings.set_export_key(admin, f"  {office[1]} ")
    result = export(session_for("nurse"), tmp_path / "usb" / "ward3b")
    assert result.encrypted and encrypted_export(result.folder)
    decrypt_folder(result.folder, tmp_path / "office" / "ward3b", office[0])


def test_the_export_command_encrypts_to_the_key_set_with_set_export_key(tmp_path, office, cli_demo, capsys):
    db = cli_demo()
    assert main(["set", "export-key", office[1], "--db", str(db), "--user", "admin", "--pin", "0000"]) == 0
    capsys.readouterr()
    sealed = tmp_path / "usb" / "ward3b"
    assert main(["export", "--out", str(sealed), "--db", str(db), "--user", "nurse", "--pin", "1111"]) == 0
    said = capsys.readouterr()
    assert "every file is encrypted (.age) to 1 public key(s)" in said.out
    assert "NOT ENCRYPTED" not in said.out and said.err == ""
    assert all(p.suffix == ".age" for p in sealed.rglob("*") if p.is_file())


def test_an_export_given_another_key_is_still_encrypted_to_the_records_office_key_it_set(
        session_for, admission_values, office, tmp_path):
    """A key typed in the export dialog's box over IT's (one character off, or a colleague's),
    or a script's own `--encrypt-to`, replaced the records office's key: the stick reached the
    office and nobody there could open it. IT's key is always among the recipients."""
    from downtime.services import settings

    records.save_new(session_for("nurse"), "admission", admission_values)
    settings.set_export_key(session_for("admin"), office[1])
    other = generate_identity(tmp_path / "other.key")
    result = export(session_for("nurse"), tmp_path / "usb" / "ward3b", encrypt_to=[other])
    decrypt_folder(result.folder, tmp_path / "office" / "ward3b", office[0])
    decrypt_folder(result.folder, tmp_path / "other" / "ward3b", tmp_path / "other.key")


def test_the_export_command_counts_the_records_office_key_among_its_recipients(tmp_path, office, cli_demo, capsys):
    db = cli_demo()
    assert main(["set", "export-key", office[1], "--db", str(db), "--user", "admin", "--pin", "0000"]) == 0
    other = generate_identity(tmp_path / "other.key")
    capsys.readouterr()
    assert main(["export", "--out", str(tmp_path / "usb"), "--encrypt-to", other, "--db", str(db),
                 "--user", "nurse", "--pin", "1111"]) == 0
    assert "every file is encrypted (.age) to 2 public key(s)" in capsys.readouterr().out
    decrypt_folder(tmp_path / "usb", tmp_path / "opened", office[0])
