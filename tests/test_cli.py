"""The command line as a script or a records clerk uses it: exit codes, stdout, stderr."""

import io
import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from downtime.cli import main


@pytest.fixture(autouse=True)
def _signed_in_as_nurse(monkeypatch):
    """Commands that open patient data need a person; these tests act as the demo nurse
    unless they say otherwise."""
    monkeypatch.setenv("DOWNTIME_USER", "nurse")
    monkeypatch.setenv("DOWNTIME_PIN", "1111")


def test_demo_makes_its_own_encrypted_ward_in_the_user_data_folder_and_prints_the_accounts(capsys, monkeypatch):
    """One demo built (each takes seconds): where it goes, encrypted, the accounts in words of the
    language, used again once made, and its patients read only with a sign-in."""
    from downtime.paths import demo_db_path

    assert main(["demo"]) == 0
    db = demo_db_path()
    out = capsys.readouterr().out
    assert str(db) in out and "encrypted (SQLCipher)" in out
    for account in ("admin    0000", "nurse    1111", "doctor   2222", "coord    3333", "records  4444"):
        assert account in out
    assert "  nurse    1111  ward nurse            Hélène Lefèvre\n" in out, "the role in words, as the README lists it"
    assert "  hca      7777  healthcare assistant  Manon Petit\n" in out
    assert "  student  8888  student nurse         Lucas Girard\n" in out
    assert "Lefèvre".encode() not in db.read_bytes() and b"SQLite format 3" not in db.read_bytes()
    assert main(["demo", "--lang", "fr"]) == 0
    assert "  nurse    1111  infirmier(ère) du service    Hélène Lefèvre\n" in capsys.readouterr().out
    assert main(["demo", "--db", str(db)]) == 0
    assert "existing demo ward" in capsys.readouterr().out
    monkeypatch.delenv("DOWNTIME_USER")
    monkeypatch.delenv("DOWNTIME_PIN")
    assert main(["records", "--db", str(db)]) == 1
    assert "give --user and --pin" in capsys.readouterr().err
    assert main(["verify", "--db", str(db)]) == 1
    assert main(["records", "--db", str(db), "--user", "nurse", "--pin", "1112"]) == 1
    assert "wrong PIN" in capsys.readouterr().err
    assert main(["records", "--db", str(db), "--user", "nurse", "--pin", "1111"]) == 0


def test_staff_are_listed_with_their_role_in_words_of_the_lang_in_columns(demo_db, capsys):
    """`staff list` read "nurse  ward_nurse  actif" under --lang fr, a code beside a French word,
    and `staff add` "agency1 ajouté (ward_nurse)": the role is said as the app's staff list and
    banner say it, and a French role longer than the code's column no longer pushes the rest."""
    admin = ["--db", demo_db, "--user", "admin", "--pin", "0000"]
    assert main(["staff", "add", "agency1", "--name", "Inès Ayadi", "--role", "surgical_coordinator",
                 "--new-pin", "1234", *admin, "--lang", "fr"]) == 0
    assert capsys.readouterr().out == "agency1 ajouté (coordinateur(trice) du bloc)\n"
    assert main(["staff", "list", *admin, "--lang", "fr"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "nurse    infirmier(ère) du service    actif  Hélène Lefèvre" in lines
    assert "agency1  coordinateur(trice) du bloc  actif  Inès Ayadi" in lines
    assert main(["staff", "list", *admin]) == 0
    assert "coord    surgical coordinator  active  Chloé Martin" in capsys.readouterr().out.splitlines()


def test_demo_never_touches_a_real_ward_database(ward_db, db_path, capsys):
    assert main(["demo", "--db", str(db_path), "--fresh"]) == 1
    assert "not a demo" in capsys.readouterr().err
    assert ward_db.execute("SELECT COUNT(*) FROM staff").fetchone()[0] == 5


def test_five_wrong_pins_lock_the_staff_id_even_before_the_database_opens(demo_db, capsys):
    db = Path(demo_db)
    for _ in range(5):
        assert main(["records", "--db", str(db), "--user", "doctor", "--pin", "9999"]) == 1
    capsys.readouterr()
    assert main(["records", "--db", str(db), "--user", "doctor", "--pin", "2222"]) == 1
    assert "locked until" in capsys.readouterr().err
    assert main(["records", "--db", str(db), "--user", "nurse", "--pin", "1111"]) == 0
    from downtime.services.context import Vault
    from downtime.services.unlock import sign_in

    vault = Vault(db)
    sign_in(vault, "admin", "0000")
    failed = [row["actor"] for row in vault.db.query("SELECT actor FROM audit WHERE action = 'sign_in.failed'")]
    assert failed == ["doctor"] * 5


def test_records_json_lines(demo_db, capsys):
    db = Path(demo_db)
    capsys.readouterr()
    assert main(["records", "--db", str(db), "--form", "admission", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == 51  # 41 and the theatre lists' 10 planned patients (services.demo._PLANNED)
    assert set(rows[0]) == {"id", "form", "patient", "version", "status", "occurred_at", "recorded_at", "author"}
    assert sorted(r["version"] for r in rows)[-1] == 2
    assert all(r["patient"].startswith("DT-900-") for r in rows)


def test_records_lines_say_the_status_in_words_and_the_time_as_the_records_tab(demo_db, capsys):
    """Each line ended "final 2026-11-30T01:01:00+00:00" under --lang fr too: a code and an ISO
    time, where the app's Records tab reads "définitif" and 30/11/2026 01:01."""
    from datetime import datetime

    from downtime.i18n import message

    person = ["--db", demo_db, "--user", "nurse", "--pin", "1111"]
    assert main(["records", *person, "--json"]) == 0
    rows = {row["id"]: row for row in map(json.loads, capsys.readouterr().out.splitlines())}
    assert {"final", "amended"} <= {row["status"] for row in rows.values()}
    words = {"final": "final", "amended": "amended"}
    for lang in ("en", "fr"):
        assert main(["records", *person, "--lang", lang]) == 0
        lines = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()}
        assert lines.keys() == rows.keys()
        for record_id, row in rows.items():
            when = f"{datetime.fromisoformat(row['occurred_at']):%d/%m/%Y %H:%M}"
            assert lines[record_id].endswith(f"v{row['version']} {message(lang, words[row['status']]):<16} {when}"), \
                lines[record_id]


def test_verify_exit_codes(cli_demo, capsys):
    db = cli_demo(encrypted=False)
    assert main(["verify", "--db", str(db)]) == 0
    import sqlite3

    conn = sqlite3.connect(db)
    conn.execute("DROP TRIGGER records_no_update")
    conn.execute("UPDATE records SET data = replace(data, 'Penicillin', 'Paracetamol')")
    conn.commit()
    conn.close()
    capsys.readouterr()
    assert main(["verify", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "NOT SOUND" in err and "audit entry" in err and "altered" in err


def test_verify_says_when_no_backup_was_there_to_check_the_logs_end_against(cli_demo, capsys):
    """The newest entries cut with the rows they wrote leave a chain that verifies alone: only a
    backup shows it. With the stick not plugged in, verify still said the chain verified "up to
    the newest backup's end", and IT took the end as checked."""
    db = cli_demo(encrypted=False)
    assert main(["verify", "--db", str(db)]) == 0
    assert ("no backup of it was found in " in capsys.readouterr().out)
    assert main(["backup", "--db", str(db), "--user", "admin", "--pin", "0000"]) == 0
    capsys.readouterr()
    assert main(["verify", "--db", str(db)]) == 0
    assert "no backup of it" not in capsys.readouterr().out


def test_verify_names_a_movement_index_line_edited_with_sql(cli_demo, capsys):
    """The census trusts the index, which the audit chain does not cover: an admission marked
    withdrawn there alone took its patient off the ward's list unnoticed."""
    import sqlite3

    db = cli_demo(encrypted=False)
    conn = sqlite3.connect(db)
    (record_id,) = conn.execute("SELECT record_id FROM movement_index WHERE movement = 'admit' AND standing = 1"
                                " LIMIT 1").fetchone()
    conn.execute("UPDATE movement_index SET standing = 0 WHERE record_id = ?", [record_id])
    conn.commit()
    conn.close()
    capsys.readouterr()
    assert main(["verify", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "NOT SOUND" in err and "movement index" in err and record_id in err


def test_verify_after_an_upgrade_emptied_the_movement_index_builds_it_and_says_sound(cli_demo):
    import sqlite3

    db = cli_demo(encrypted=False)
    conn = sqlite3.connect(db)
    conn.execute("DELETE FROM movement_index")
    conn.commit()
    conn.close()
    assert main(["verify", "--db", str(db)]) == 0


def test_env_var_gives_the_database(cli_demo, monkeypatch, capsys):
    db = cli_demo()
    monkeypatch.setenv("DOWNTIME_DB", str(db))
    assert main(["verify"]) == 0
    assert str(db) in capsys.readouterr().out


def test_forms_check_names_file_and_field(tmp_path, capsys):
    assert main(["forms", "check"]) == 0
    assert "ok  admission" in capsys.readouterr().out
    (tmp_path / "broken.yaml").write_text(
        "id: broken\nversion: 1\ntitle: {en: B, fr: B}\nsections:\n  - id: s\n    title: {en: S, fr: S}\n"
        "    fields:\n      - id: age\n        kind: integer\n        label: {en: Age, fr: Âge}\n        mni: 0\n",
        encoding="utf-8")
    assert main(["forms", "check", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "broken.yaml" in err and "field 'age'" in err and "mni" in err


def test_forms_check_speaks_the_lang(tmp_path, capsys, french):
    """`downtime forms check --lang fr` printed "ok  admission (version 1, 34 fields)" and its
    problems in English, every other command speaking French: its lines and the problems it
    finds (but pydantic's own words, "Extra inputs are not permitted") come from the catalogue."""
    from downtime.formspec import load_forms
    from downtime.paths import forms_dir

    form = ("id: {id}\nversion: 1\ntitle: {{en: B, fr: B}}\nsections:\n  - id: s\n    title: {{en: S, fr: S}}\n"
            "    fields:\n      - id: age\n        kind: integer\n        label: {{en: Age, fr: Âge}}\n{more}")
    (tmp_path / "broken.yaml").write_text(form.format(id="broken", more="        mni: 0\n"), encoding="utf-8")
    (tmp_path / "upside.yaml").write_text(form.format(id="upside", more="        min: 5\n        max: 1\n"),
                                          encoding="utf-8")
    admission = load_forms(forms_dir())["admission"]
    assert main(["forms", "check", "--lang", "en"]) == 0
    assert f"ok  admission (version {admission.version}, {len(list(admission.fields()))} fields)\n" in capsys.readouterr().out
    assert main(["forms", "check", str(tmp_path), "--lang", "en"]) == 1
    assert capsys.readouterr().err == (f"downtime: form definitions have problems:\n"
                                       f"{tmp_path}: broken.yaml: section 's', field 'age', mni: Extra inputs are not "
                                       f"permitted\n{tmp_path}: upside.yaml: form: field 'age': min is above max\n")
    for english, translated in (("ok  {form} (version {version}, {count} fields)", "ok  {form} (version {version}, "
                                                                                   "{count} champs)"),
                                ("field {id}", "champ {id}"), ("form", "formulaire"),
                                ("field {field}: min is above max", "champ {field} : min est supérieur à max")):
        french(english, translated)
    assert main(["forms", "check", "--lang", "fr"]) == 0
    assert f"ok  admission (version {admission.version}, {len(list(admission.fields()))} champs)\n" in capsys.readouterr().out
    assert main(["forms", "check", str(tmp_path), "--lang", "fr"]) == 1
    assert capsys.readouterr().err == (f"downtime : les définitions de formulaires ont des problèmes :\n"
                                       f"{tmp_path} : broken.yaml : section 's', champ 'age', mni : Extra inputs are not "
                                       f"permitted\n{tmp_path} : upside.yaml : formulaire : champ 'age' : min est "
                                       f"supérieur à max\n")


def test_person_commands_need_user_and_pin(demo_db, capsys, monkeypatch):
    db = Path(demo_db)
    monkeypatch.delenv("DOWNTIME_USER")
    monkeypatch.delenv("DOWNTIME_PIN")
    assert main(["staff", "add", "x1", "--name", "X", "--role", "ward_nurse", "--new-pin", "1234",
                 "--db", str(db)]) == 1
    assert "--user and --pin" in capsys.readouterr().err
    assert main(["staff", "add", "x1", "--name", "X", "--role", "ward_nurse", "--new-pin", "1234",
                 "--db", str(db), "--user", "nurse", "--pin", "1111"]) == 1
    assert "may not manage staff" in capsys.readouterr().err
    assert main(["staff", "add", "x1", "--name", "X", "--role", "ward_nurse", "--new-pin", "1234",
                 "--db", str(db), "--user", "admin", "--pin", "9999"]) == 1
    assert "wrong PIN" in capsys.readouterr().err
    assert main(["staff", "add", "x1", "--name", "X", "--role", "ward_nurse", "--new-pin", "1234",
                 "--db", str(db), "--user", "admin", "--pin", "0000"]) == 0


@pytest.fixture
def at_a_terminal(monkeypatch):
    """The command run at a terminal: each PIN left out is asked for with getpass, answered
    from the list; returns the questions asked."""
    import getpass

    answers: list[str] = []
    asked: list[str] = []
    monkeypatch.setattr(sys, "stdin", type("Terminal", (io.StringIO,), {"isatty": lambda self: True})())
    monkeypatch.setattr(getpass, "getpass", lambda prompt: asked.append(prompt) or answers.pop(0))
    return answers, asked


def test_pins_left_off_the_command_line_are_asked_for_unseen_at_a_terminal(demo_db, capsys, monkeypatch,
                                                                           at_a_terminal):
    """A PIN typed as an option stays in the shell's history: IT adding twenty accounts left
    every PIN there, and the administrator's in each command."""
    from downtime.services import unlock
    from downtime.services.context import Vault

    answers, asked = at_a_terminal
    monkeypatch.delenv("DOWNTIME_PIN")
    answers += ["0000", "482913", "482913"]
    assert main(["staff", "add", "agency1", "--name", "Inès Ayadi", "--role", "ward_nurse", "--db", demo_db,
                 "--user", "admin"]) == 0
    assert asked == ["PIN of admin: ", "New PIN of agency1: ", "The same PIN again: "]
    assert unlock.sign_in(Vault(Path(demo_db)), "agency1", "482913").staff_id == "agency1"
    answers += ["0000", "111111", "111112"]
    assert main(["staff", "set-pin", "agency1", "--db", demo_db, "--user", "admin"]) == 1
    assert "the two PINs typed differ; nothing was changed" in capsys.readouterr().err
    assert unlock.sign_in(Vault(Path(demo_db)), "agency1", "482913").staff_id == "agency1"
    answers += ["2468", "2469"]
    assert main(["setup", "--db", str(Path(demo_db).with_name("new.sqlite")), "--device-number", "5", "--device-name",
                 "Ward 5", "--admin-id", "it", "--admin-name", "IT", "--unencrypted"]) == 1
    assert "the two PINs typed differ" in capsys.readouterr().err and not Path(demo_db).with_name("new.sqlite").exists()
    answers += ["2468", "2468"]
    assert main(["setup", "--db", str(Path(demo_db).with_name("new.sqlite")), "--device-number", "5", "--device-name",
                 "Ward 5", "--admin-id", "it", "--admin-name", "IT", "--unencrypted"]) == 0
    assert asked[-2:] == ["New PIN of it: ", "The same PIN again: "]


def test_anyone_changes_their_own_pin_at_a_terminal_unseen(demo_db, capsys, monkeypatch, at_a_terminal):
    """The current PIN, then the new one twice, each asked unseen; the encrypted database then
    opens with the new PIN alone."""
    from downtime.services import unlock
    from downtime.services.context import Vault
    from downtime.services.errors import SignInError

    answers, asked = at_a_terminal
    monkeypatch.delenv("DOWNTIME_PIN")
    answers += ["1111", "482913", "482913"]
    assert main(["staff", "change-pin", "--db", demo_db, "--user", "nurse"]) == 0
    assert asked == ["Current PIN of nurse: ", "New PIN of nurse: ", "The same PIN again: "]
    assert unlock.sign_in(Vault(Path(demo_db)), "nurse", "482913").staff_id == "nurse"
    with pytest.raises(SignInError):
        unlock.sign_in(Vault(Path(demo_db)), "nurse", "1111")
    capsys.readouterr()
    answers += ["482913", "135790", "135791"]
    assert main(["staff", "change-pin", "--db", demo_db, "--user", "nurse"]) == 1
    assert "the two PINs typed differ; nothing was changed" in capsys.readouterr().err
    assert unlock.sign_in(Vault(Path(demo_db)), "nurse", "482913").staff_id == "nurse"


def test_set_up_refused_for_its_file_or_device_number_before_the_pin_is_asked(demo_db, capsys, at_a_terminal):
    """IT typed the new PIN twice, then read that the database was there already, or the
    device number out of range, and typed it twice again."""
    _, asked = at_a_terminal
    new = str(Path(demo_db).with_name("new.sqlite"))
    for db, number, says in ((demo_db, "5", "demo.sqlite already exists: choose a new file for a new database."),
                             (new, "1000", "Device number: 1 to 999, as written on the laptop's label.")):
        assert main(["setup", "--db", db, "--device-number", number, "--device-name", "Ward 5", "--admin-id", "it",
                     "--admin-name", "IT", "--unencrypted"]) == 1
        assert says in capsys.readouterr().err
    assert asked == [] and not Path(new).exists()


@pytest.mark.parametrize("stopped", [KeyboardInterrupt, EOFError])
def test_a_pin_question_left_with_ctrl_c_or_ctrl_d_stops_the_command_without_a_traceback(demo_db, capsys, monkeypatch,
                                                                                       stopped):
    """IT changing their mind at "The same PIN again:" (Ctrl-C), or at the end of the input
    (Ctrl-D), got a Python traceback."""
    import getpass

    from downtime.services import unlock
    from downtime.services.context import Vault
    from downtime.services.staff import list_staff

    answers = iter(["0000", "482913"])

    def typed(prompt: str) -> str:
        try:
            return next(answers)
        except StopIteration:
            raise stopped from None

    monkeypatch.delenv("DOWNTIME_PIN")
    monkeypatch.setattr(sys, "stdin", type("Terminal", (io.StringIO,), {"isatty": lambda self: True})())
    monkeypatch.setattr(getpass, "getpass", typed)
    assert main(["staff", "add", "agency1", "--name", "Inès Ayadi", "--role", "ward_nurse", "--db", demo_db,
                 "--user", "admin"]) == 1
    assert capsys.readouterr().err.strip() == "downtime: --new-pin: no PIN typed, the question left; nothing was changed"
    vault = Vault(Path(demo_db))
    unlock.sign_in(vault, "admin", "0000")
    assert "agency1" not in {member.staff_id for member in list_staff(vault.db)}


def test_a_pin_left_out_off_a_terminal_is_refused_naming_its_option(demo_db, capsys):
    assert main(["staff", "add", "x1", "--name", "X", "--role", "ward_nurse", "--db", demo_db, "--user", "admin",
                 "--pin", "0000"]) == 1
    assert "give --new-pin (or run the command at a terminal, which asks for it unseen)" in capsys.readouterr().err


def test_errors_go_to_stderr_without_traceback(tmp_path):
    result = subprocess.run([sys.executable, "-m", "downtime", "verify", "--db", str(tmp_path / "none.sqlite")],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "no database at" in result.stderr and "Traceback" not in result.stderr


def test_a_file_that_is_not_a_database_is_refused_clearly(tmp_path, capsys):
    bogus = tmp_path / "notes.sqlite"
    bogus.write_bytes(b"this is a text file, not SQLite" * 100)
    assert main(["verify", "--db", str(bogus)]) == 1
    assert "cannot be opened as a Downtime database" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["--help"], ["pdf", "--help"], ["demo", "--help"]])
def test_help_works(argv, capsys):
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 0


def test_the_demos_help_names_its_own_file_and_not_downtime_db(capsys, monkeypatch, tmp_path):
    """It said "(default: $DOWNTIME_DB, else …/demo.sqlite)", but the demo never goes into the
    ward database $DOWNTIME_DB names."""
    from downtime.paths import demo_db_path

    monkeypatch.setenv("DOWNTIME_DB", str(tmp_path / "ward.sqlite"))
    monkeypatch.setenv("COLUMNS", "1000")  # the path whole on one line
    with pytest.raises(SystemExit):
        main(["demo", "--help"])
    said = capsys.readouterr().out
    assert f"(default: {demo_db_path()}; $DOWNTIME_DB is not used)" in said
    with pytest.raises(SystemExit):
        main(["verify", "--help"])
    assert "(default: $DOWNTIME_DB, else" in capsys.readouterr().out


@pytest.fixture
def demo_day(_cli_demos) -> date:
    """The day the demo was built on, whose lists (and the day before's) hold its operations: a
    run that built it before midnight and read "today's" list after read the wrong day's."""
    return _cli_demos(True).day


@pytest.fixture
def demo_db(cli_demo) -> str:
    return str(cli_demo())


def test_search_finds_a_name_without_its_accents(demo_db, capsys):
    assert main(["search", "geneviève", "--db", demo_db, "--json"]) == 0
    (accented,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert main(["search", "genevieve", "--db", demo_db, "--json"]) == 0
    (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert accented == row
    assert row["name"] == "FONTAINE Geneviève" and row["downtime_number"].startswith("DT-900-")
    assert main(["search", row["downtime_number"], "--db", demo_db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["patient_id"] == row["patient_id"]


def test_search_says_what_a_number_nobody_has_is(demo_db, tmp_path, capsys):
    """A paper number reserved and not given to anyone yet, or a withdrawn admission's: its
    label or band scanned read "no patient found", as if nobody ever had it."""
    assert main(["pdf", "paper-numbers", "--count", "1", "--out", str(tmp_path / "numbers.pdf"), "--db", demo_db]) == 0
    (number,) = re.findall(r"DT-\d{3}-\d{5}-\d", capsys.readouterr().out)[:1]
    assert main(["search", number, "--db", demo_db]) == 0
    said = capsys.readouterr().err
    assert said.startswith(f"{number}: a paper number reserved ") and "no patient found" not in said


def _entries(out: str) -> list[list[str]]:
    """A printed list's entries, each its first line and the lines below it its long name went on
    to (starting with spaces)."""
    entries: list[list[str]] = []
    for line in out.splitlines():
        if line.startswith(" "):
            entries[-1].append(line)
        else:
            entries.append([line])
    return entries


def _name_in(entry: list[str], name: str, after: str) -> str:
    """The name an entry of a printed list gives, read as a person reads it: on its first line
    from where `name` begins up to `after` (the next column's text), then down its column."""
    first, *below = entry
    at = first.index(name.split()[0])
    assert all(not line[:at].strip() for line in below), f"the name left its column: {entry}"
    return " ".join([first[at:first.index(after, at)].strip(), *(line[at:].strip() for line in below)])


def test_search_prints_columns_as_the_census_does(demo_db, capsys):
    """Search padded names without cutting them: the unknown man's description pushed his date
    of birth, place and status out of line. Its dates were ISO and its "DOB unknown" English
    under --lang fr. Now a long name goes on below itself in its column, never pushing the
    downtime number, and dates read as the laptop shows them; --json keeps its keys."""
    assert main(["search", "DT-900", "--db", demo_db, "--json"]) == 0
    found = {row["downtime_number"]: row for row in map(json.loads, capsys.readouterr().out.splitlines())}
    assert {"patient_id", "downtime_number", "name", "birth_date", "ward", "bed", "status"} <= set(next(iter(found.values())))
    assert main(["search", "DT-900", "--db", demo_db]) == 0
    entries = {entry[0].split()[0]: entry for entry in _entries(capsys.readouterr().out)}
    lines = {number: entry[0] for number, entry in entries.items()}
    assert lines.keys() == found.keys(), "every patient found, each by their whole downtime number"
    places = {line.index(f"{row['ward']}/{row['bed']}") for number, row in found.items() for line in [lines[number]]}
    assert len(places) == 1, "the places are not in one column"
    unknown = next(number for number, row in found.items() if row["name"].startswith("INCONNU"))
    assert _name_in(entries[unknown], found[unknown]["name"], "DOB unknown") == found[unknown]["name"]
    for number, row in found.items():
        if row["birth_date"]:
            day = row["birth_date"]
            assert f"{day[8:10]}/{day[5:7]}/{day[:4]}" in lines[number] and day not in lines[number], lines[number]
    assert main(["search", "inconnu", "--db", demo_db, "--lang", "fr"]) == 0
    assert "DOB unknown" not in capsys.readouterr().out


def test_search_says_each_stay_in_words_of_the_lang(demo_db, capsys):
    """A stay's status read as its code ("transferred_out", "discharged") under --lang fr: its
    words lived in the Qt layer. They come from the catalogue the app's header reads too."""
    from downtime.i18n import message

    assert main(["search", "DT-900", "--db", demo_db, "--json"]) == 0
    stays = {row["downtime_number"]: row["status"] for row in map(json.loads, capsys.readouterr().out.splitlines())}
    assert {"in", "discharged", "transferred_out"} <= set(stays.values())
    words = {"in": "In", "discharged": "Discharged", "transferred_out": "Transferred out"}
    for lang in ("en", "fr"):
        assert main(["search", "DT-900", "--db", demo_db, "--lang", lang]) == 0
        lines = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()}
        for number, stay in stays.items():
            assert lines[number].endswith("  " + message(lang, words[stay])), lines[number]
            assert stay == "in" or stay not in lines[number]


def _identity_amended(demo_db: str, searched: str, identity: dict[str, Any], reason: str) -> None:
    """The admission of the demo's one patient `searched` finds, amended by the demo nurse to
    `identity`."""
    from downtime.formspec import load_forms
    from downtime.paths import forms_dir
    from downtime.services import records
    from downtime.services.context import Session, Vault, load_device
    from downtime.services.search import search
    from downtime.services.unlock import sign_in

    vault = Vault(Path(demo_db))
    user = sign_in(vault, "nurse", "1111")  # opens the encrypted demo
    nurse = Session(vault.db, load_device(vault.db), user, load_forms(forms_dir()))
    (patient,) = search(nurse.db, nurse.forms, searched)
    admission = records.current(nurse.db, patient.admission_record_id)
    records.amend(nurse, admission.record_id, {**admission.data, **identity}, reason)


def test_search_says_the_temporary_name_a_patient_identified_since_was_found_by(demo_db, capsys):
    """The demo's unknown man identified: searched by the name on his samples, INCONNU TRÈFLE,
    his line read DUPONT Marc alone, and nothing said why it came up."""
    assert main(["search", "inconnu", "trefle", "--db", demo_db, "--json"]) == 0
    unknown = json.loads(capsys.readouterr().out)
    _identity_amended(demo_db, "inconnu trefle", {"unidentified": False, "temporary_name": "", "descriptor": "",
                                                  "birth_name": "Dupont", "given_names": "Marc",
                                                  "birth_date": "1985-04-02"}, "Identified by his brother")
    assert main(["search", "inconnu", "trefle", "--db", demo_db]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert line.startswith(f"{unknown['downtime_number']}  DUPONT Marc  (formerly INCONNU TRÈFLE)  02/04/1985  3B/"), line
    assert main(["search", "inconnu", "trefle", "--db", demo_db, "--json"]) == 0
    (row,) = map(json.loads, capsys.readouterr().out.splitlines())
    assert (row["name"], row["formerly"]) == ("DUPONT Marc", "INCONNU TRÈFLE")
    assert main(["search", "dupont", "--db", demo_db]) == 0
    assert "formerly" not in capsys.readouterr().out
    assert main(["search", "dupont", "--db", demo_db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["formerly"] is None


def test_census_lists_beds_of_a_ward(demo_db, capsys):
    assert main(["census", "--ward", "ICU", "--db", demo_db, "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["bed"] for r in rows] == [str(n) for n in range(1, 9)]
    assert sum(r["name"] is not None for r in rows) == 3


def test_each_census_line_gives_name_date_of_birth_and_downtime_number_in_columns(demo_db, capsys):
    """The text census gave a name and the downtime number alone, and the unknown man's
    description ("INCONNU TRÈFLE (Unknown man, about 40, found at the station)") pushed his
    number out of its column: a name longer than its column now goes on below itself in its
    column, never pushing the number."""
    person = ["--db", demo_db, "--user", "nurse", "--pin", "1111"]
    assert main(["census", "--ward", "3B", *person, "--json"]) == 0
    found = {r["bed"]: r for r in map(json.loads, capsys.readouterr().out.splitlines())}
    assert main(["census", "--ward", "3B", *person]) == 0
    entries = dict(zip(found, _entries(capsys.readouterr().out), strict=True))
    lines = {bed: entry[0] for bed, entry in entries.items()}
    numbers = {line.index(found[bed]["downtime_number"]) for bed, line in lines.items() if found[bed]["name"]}
    assert len(numbers) == 1, "the downtime numbers are not in one column"
    unknown = next(bed for bed, row in found.items() if row["name"] and row["name"].startswith("INCONNU"))
    assert "INCONNU TRÈFLE" in lines[unknown] and "DOB unknown  DT-900-" in lines[unknown]
    assert _name_in(entries[unknown], found[unknown]["name"], "DOB unknown") == found[unknown]["name"]
    for bed, row in found.items():
        if row["name"] and row["birth_date"]:
            day = row["birth_date"]
            assert f"{day[8:10]}/{day[5:7]}/{day[:4]}" in lines[bed], lines[bed]
    # An empty bed in the command's language, as the rest of the line is.
    free = next(bed for bed, row in found.items() if not row["name"])
    assert lines[free].split()[-1] == "empty"
    assert main(["census", "--ward", "3B", *person, "--lang", "fr"]) == 0
    assert dict(zip(found, _entries(capsys.readouterr().out), strict=True))[free][0].split()[-1] == "vide"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_census_and_search_print_a_long_name_whole_with_its_birth_name(demo_db, capsys, lang):
    """A used name with its birth name longer than the name's column was cut: "DE LA
    FONTAINE-MARTIN Marie-Hélène (née DE LA FONTAINE…", the birth name an identity check asks
    for lost. The bracket now goes on below the name, whole, the date of birth and downtime
    number staying on the bed's line in their columns."""
    _identity_amended(demo_db, "weber marguerite", {"birth_name": "de la Fontaine", "used_name": "De La Fontaine-Martin",
                                                    "given_names": "Marie-Hélène"}, "Name on her identity card")
    person = ["--db", demo_db, "--lang", lang]
    assert main(["census", "--ward", "3B", *person, "--json"]) == 0
    found = {r["bed"]: r for r in map(json.loads, capsys.readouterr().out.splitlines())}
    name = "DE LA FONTAINE-MARTIN Marie-Hélène (née DE LA FONTAINE)"
    bed = next(bed for bed, row in found.items() if row["name"] == name)
    assert main(["census", "--ward", "3B", *person]) == 0
    out = capsys.readouterr().out
    entries = dict(zip(found, _entries(out), strict=True))
    first, below = entries[bed]
    assert re.fullmatch(rf"3B  {bed} +DE LA FONTAINE-MARTIN Marie-Hélène +28/03/1936 +{found[bed]['downtime_number']}",
                        first), first
    assert below.strip() == "(née DE LA FONTAINE)" and "…" not in out
    assert _name_in(entries[bed], name, "28/03/1936") == name
    numbers = {entry[0].index(found[b]["downtime_number"]) for b, entry in entries.items() if found[b]["name"]}
    assert len(numbers) == 1, "the downtime numbers are not in one column"
    assert main(["search", "fontaine-martin", *person]) == 0
    (entry,) = _entries(capsys.readouterr().out)
    assert _name_in(entry, name, "28/03/1936") == name


def test_census_at_a_moment_typed_as_on_the_ward_or_refused_naming_the_option(demo_db, capsys):
    """A bed manager rebuilding last night's census types the time as the ward writes it; a
    time that is not one is a one-line refusal naming --at, not a traceback."""
    assert main(["census", "--ward", "ICU", "--at", "28/11/2026 08:00", "--db", demo_db, "--json"]) == 0
    assert [json.loads(line)["bed"] for line in capsys.readouterr().out.splitlines()] == [str(n) for n in range(1, 9)]
    assert main(["census", "--ward", "ICU", "--at", "yesterday 8am", "--db", demo_db]) == 1
    assert "“--at”: write the date and time as DD/MM/YYYY HH:MM." in capsys.readouterr().err


def test_census_at_a_moment_given_with_another_offset_is_that_instant(demo_db, capsys):
    """A script writing UTC: "--at 28/11/2026 07:00 +00:00" is the ward's 08:00, not refused as
    an offset the ward's clock did not have then, as a nurse's typing in a box is."""
    said = []
    for at in ("28/11/2026 08:00", "28/11/2026 07:00 +00:00"):
        assert main(["census", "--ward", "ICU", "--at", at, "--db", demo_db, "--json"]) == 0
        said.append(capsys.readouterr())
    assert said[1].err == "" and said[1].out == said[0].out


def test_a_ward_typed_wrong_is_refused_naming_the_wards_not_an_empty_census(demo_db, tmp_path, capsys):
    """"--ward ZZ" printed nothing and exited 0, and the handover sheet of a ward typed wrong
    read "0 patient(s), 0 empty bed(s)"."""
    person = ["--db", demo_db, "--user", "nurse", "--pin", "1111"]
    capsys.readouterr()
    sheet = tmp_path / "census.pdf"
    for command in (["census", "--ward", "ZZ"], ["pdf", "census", "--ward", "ZZ", "--out", str(sheet)],
                    ["pdf", "mar-pack", "--ward", "ZZ", "--out", str(sheet)]):
        assert main([*command, *person]) == 1
        assert "Unknown ward 'ZZ'; wards: 3B, 4A" in capsys.readouterr().err
    assert not sheet.exists()
    assert main(["census", "--ward", "icu", *person]) == 0  # as the ward writes it


def test_a_controlled_drug_ward_typed_wrong_is_refused_not_a_new_register_page(demo_db, capsys):
    """"cd receive --ward 3C" for 3B opened a register page of its own, the stock on neither
    ward's; "cd balance --ward 3C" read 0 mg of it."""
    from downtime.services.context import Vault
    from downtime.services.unlock import sign_in

    person = ["--db", demo_db, "--user", "nurse", "--pin", "1111"]
    stock = ["--ward", "3C", "--drug", "Morphine", "--unit", "mg"]
    capsys.readouterr()
    for command in (["cd", "balance", *stock],
                    ["cd", "receive", *stock, "--quantity", "20", "--witness-user", "doctor", "--witness-pin", "2222"]):
        assert main([*command, *person]) == 1
        assert "Unknown ward '3C'; wards: 3B, 4A" in capsys.readouterr().err
    vault = Vault(Path(demo_db))
    sign_in(vault, "nurse", "1111")
    assert vault.db.execute("SELECT COUNT(*) FROM cd_register WHERE ward = '3C'").fetchone()[0] == 0
    assert main(["cd", "balance", "--ward", "3b", "--drug", "Morphine", "--unit", "mg", *person]) == 0


def test_records_of_a_form_typed_wrong_are_refused_naming_the_forms(demo_db, capsys):
    """"--form admision" printed nothing and exited 0: no record of that form, it seemed."""
    capsys.readouterr()
    assert main(["records", "--form", "admision", "--db", demo_db, "--user", "nurse", "--pin", "1111"]) == 1
    assert "unknown form 'admision'; forms: admission, " in capsys.readouterr().err


def test_ward_add_needs_an_administrator(demo_db, capsys):
    assert main(["ward", "add", "5C", "--name", "Cardiology", "--beds", "1", "2",
                 "--db", demo_db, "--user", "nurse", "--pin", "1111"]) == 1
    assert main(["ward", "add", "5C", "--name", "Cardiology", "--beds", "1", "2",
                 "--db", demo_db, "--user", "admin", "--pin", "0000"]) == 0
    capsys.readouterr()
    assert main(["ward", "list", "--db", demo_db]) == 0
    assert "Cardiology" in capsys.readouterr().out
    # "Ward 5C already exists; add beds to it instead." named no command that could.
    assert main(["ward", "add", "5C", "--name", "Cardiology", "--beds", "3", "--db", demo_db, "--user", "admin",
                 "--pin", "0000"]) == 1
    assert "add beds to it instead (Wards and beds, or 'downtime ward add-beds')" in capsys.readouterr().err
    assert main(["ward", "add-beds", "5C", "--beds", "3", "Side room", "--db", demo_db, "--user", "nurse",
                 "--pin", "1111"]) == 1
    assert main(["ward", "add-beds", "5C", "--beds", "3", "Side room", "--db", demo_db, "--user", "admin",
                 "--pin", "0000"]) == 0
    assert "ward 5C (Cardiology): 4 beds" in capsys.readouterr().out


def test_ward_beds_are_typed_as_on_the_administration_tab(demo_db, capsys):
    """`--beds 1-20` made one bed named "1-20", and `--beds "1-20, 21A, 21B, Side room"` was
    refused as one bed too long: beds are never removed, so a range typed as on the
    Administration tab left a bed no patient could be in on every census of the ward."""
    admin = ["--db", demo_db, "--user", "admin", "--pin", "0000"]
    assert main(["ward", "add", "5C", "--name", "Cardiology", "--beds", "1-20, 21A, 21B, Side room", *admin]) == 0
    assert main(["ward", "add-beds", "5c", "--beds", "22-23", "Side 2", *admin]) == 0
    capsys.readouterr()
    assert main(["ward", "list", "--json", "--db", demo_db]) == 0
    (cardiology,) = [row for row in map(json.loads, capsys.readouterr().out.splitlines()) if row["ward"] == "5C"]
    assert cardiology["beds"] == [*map(str, range(1, 21)), "21A", "21B", "Side room", "22", "23", "Side 2"]
    # Made at once, with no question as on the Administration tab: what was made is said whole.
    assert main(["ward", "add", "5D", "--name", "Cardiology 2", "--beds", "1-200", *admin]) == 0
    assert "ward 5D (Cardiology 2): 200 beds: 1-200" in capsys.readouterr().out
    # Listed as `ward add` says a ward, in --lang's words: the list read "26 beds" under --lang fr.
    assert main(["ward", "list", "--db", demo_db]) == 0
    assert "ward 5C (Cardiology): 26 beds: 1-20, 21A, 21B, Side room, 22-23, Side 2\n" in capsys.readouterr().out
    assert main(["ward", "list", "--db", demo_db, "--lang", "fr"]) == 0
    assert "service 5C (Cardiology) : 26 lits : 1-20, 21A, 21B, Side room, 22-23, Side 2\n" in (
        capsys.readouterr().out)


def test_a_blank_print_names_the_person_signed_in_or_says_no_one_was_never_the_computers_login(demo_db, tmp_path,
                                                                                                capsys, monkeypatch):
    """`downtime pdf blank` printed "Imprimé par root … — vm": the computer's login and host name,
    neither a person of the staff list nor the laptop."""
    import getpass
    import platform

    from pypdf import PdfReader

    def footer(pdf: Path) -> str:
        (line,) = [line for line in PdfReader(pdf).pages[-1].extract_text().splitlines() if "rinted" in line
                   or "mprimé" in line]
        return line

    monkeypatch.delenv("DOWNTIME_USER")
    blank = tmp_path / "blank.pdf"
    assert main(["pdf", "blank", "admission", "--out", str(blank), "--db", demo_db]) == 0
    assert footer(blank).startswith("Printed blank, with no one signed in, on ")
    assert footer(blank).endswith(" — 3B demo") and getpass.getuser() not in footer(blank).split(" — ")[0]
    assert main(["pdf", "blank", "mar", "--out", str(blank), "--db", demo_db, "--lang", "fr"]) == 0
    assert footer(blank).startswith("Imprimé vierge, sans personne connectée, le ")
    assert main(["pdf", "binder", "--out", str(blank)]) == 0  # on a computer with no ward database
    assert footer(blank).startswith("Printed blank, with no one signed in, on ")
    assert footer(blank).endswith(f" — {platform.node()}")
    for what in ("news2", "admission"):
        assert main(["pdf", "blank", what, "--out", str(blank), "--db", demo_db, "--user", "nurse", "--pin", "1111"]) == 0
        assert footer(blank).startswith("Printed by Hélène Lefèvre on ") and footer(blank).endswith(" — 3B demo")
    capsys.readouterr()
    assert main(["verify", "--db", demo_db, "--user", "nurse", "--pin", "1111"]) == 0


def test_pdf_blank_and_record_commands(demo_db, tmp_path, capsys):
    from pypdf import PdfReader

    from downtime.i18n import message

    blank = tmp_path / "blank.pdf"
    assert main(["pdf", "blank", "admission", "--out", str(blank), "--lang", "fr", "--db", demo_db]) == 0
    assert "Fiche d’admission" in PdfReader(blank).pages[0].extract_text()
    capsys.readouterr()
    assert main(["records", "--db", demo_db, "--form", "admission", "--json"]) == 0
    record_id = json.loads(capsys.readouterr().out.splitlines()[0])["id"]
    filled = tmp_path / "filled.pdf"
    assert main(["pdf", "record", record_id, "--out", str(filled), "--db", demo_db,
                 "--user", "nurse", "--pin", "1111"]) == 0
    assert "DT-900-" in PdfReader(filled).pages[0].extract_text()
    assert main(["pdf", "blank", "nosuchform", "--out", str(blank)]) == 1
    assert "unknown form" in capsys.readouterr().err
    assert main(["pdf", "blank", "admission", "--out", str(blank / "inside-a-file.pdf"), "--db", demo_db]) == 1
    assert capsys.readouterr().err == f"downtime: Could not write to {blank / 'inside-a-file.pdf'}: File exists. Nothing was written.\n"
    # "downtime: no record no-such-id", in English under --lang fr too, and no word of where ids are.
    for lang in ("en", "fr"):
        assert main(["pdf", "record", "no-such-id", "--out", str(filled), "--db", demo_db,
                     "--user", "nurse", "--pin", "1111", "--lang", lang]) == 1
        assert capsys.readouterr().err == "downtime: " + message(
            lang, "RECORD_ID {record_id}: no record of that id in this database; a record's id is the first column "
                  "of 'downtime records'.").format(record_id="'no-such-id'") + "\n"


def test_pdf_record_prints_a_theatre_session_about_no_patient(demo_db, tmp_path, capsys):
    """It ended in a traceback, "ValueError: record … has no patient": a session is printed as
    its blank form is, without a patient's label box."""
    from pypdf import PdfReader

    assert main(["records", "--db", demo_db, "--form", "theatre_session", "--json"]) == 0
    record_id = json.loads(capsys.readouterr().out.splitlines()[0])["id"]
    filled = tmp_path / "session.pdf"
    assert main(["pdf", "record", record_id, "--out", str(filled), "--db", demo_db,
                 "--user", "coord", "--pin", "3333"]) == 0
    assert "Theatre session" in PdfReader(filled).pages[0].extract_text()


def test_a_pdf_into_a_folder_that_is_not_there_is_refused(demo_db, tmp_path, capsys):
    """`--out /media/ubs/labels.pdf` (the stick's name mistyped, or the stick not plugged in) made
    that folder on the laptop's own disk and wrote the patient's labels there, unencrypted, and
    the stick went to the ward without them."""
    capsys.readouterr()
    out = tmp_path / "ubs" / "labels.pdf"
    assert main(["pdf", "labels", "DT-900-00001-9", "--out", str(out), "--db", demo_db, "--user", "nurse",
                 "--pin", "1111"]) == 1
    assert capsys.readouterr().err == (f"downtime: --out: the folder {out.parent} is not there (is the USB stick "
                                       "plugged in?); nothing was written.\n")
    assert not out.parent.exists()


def test_pdf_census_and_labels_commands(demo_db, tmp_path, capsys):
    from pypdf import PdfReader

    person = ["--db", demo_db, "--user", "nurse", "--pin", "1111"]
    census = tmp_path / "census.pdf"
    assert main(["pdf", "census", "--ward", "ICU", "--out", str(census), *person]) == 0
    assert "MOREL Anthony" in PdfReader(census).pages[0].extract_text()
    labels = tmp_path / "labels.pdf"
    assert main(["pdf", "labels", "DT-900-00033-2", "--stock", "L7163", "--out", str(labels), *person]) == 0
    assert "MOREL Anthony" in PdfReader(labels).pages[0].extract_text()
    assert main(["pdf", "labels", "DT-900", "--out", str(labels), *person]) == 1
    assert "give the downtime number" in capsys.readouterr().err


@pytest.mark.parametrize("count", ["-3", "0", "100000"])
def test_a_label_count_that_is_a_slip_is_refused(demo_db, tmp_path, capsys, count):
    """-3 wrote a PDF of no page (exit 0: nothing to print, said nowhere), 0 a whole sheet, and
    100000 ran for minutes."""
    labels = tmp_path / "labels.pdf"
    assert main(["pdf", "labels", "DT-900-00033-2", "--count", count, "--out", str(labels),
                 "--db", demo_db, "--user", "nurse", "--pin", "1111"]) == 1
    assert capsys.readouterr().err == "downtime: --count: from 1 to 500 labels\n" and not labels.exists()


def test_a_patients_clinical_notes_print_from_the_command_line(demo_db, tmp_path):
    from pypdf import PdfReader

    notes = tmp_path / "notes.pdf"
    assert main(["pdf", "notes", "DT-900-00001-9", "--out", str(notes), "--db", demo_db, "--user", "nurse",
                 "--pin", "1111"]) == 0
    assert "0 note(s) typed in" in PdfReader(notes).pages[0].extract_text()


def test_controlled_drug_register_commands(demo_db, tmp_path, capsys):
    person = ["--db", demo_db, "--user", "nurse", "--pin", "1111"]
    stock = ["--ward", "3B", "--drug", "Morphine", "--unit", "mg"]
    assert main(["cd", "balance", *stock, "--db", demo_db, "--json"]) == 0
    before = json.loads(capsys.readouterr().out)["balance"]
    assert main(["cd", "receive", *stock, "--quantity", "20", *person]) == 1
    assert "witness" in capsys.readouterr().err
    assert main(["cd", "receive", *stock, "--quantity", "20", "--witness-user", "doctor",
                 "--witness-pin", "2222", *person]) == 0
    assert f"balance {before + 20:g} mg" in capsys.readouterr().out
    assert main(["cd", "receive", *stock, "--quantity", "-5", "--witness-user", "doctor",
                 "--witness-pin", "2222", *person]) == 1
    assert "a quantity received is above zero" in capsys.readouterr().err
    mar = tmp_path / "mar.pdf"
    assert main(["pdf", "mar", "DT-900-00001-9", "--out", str(mar), *person]) == 0
    pack = tmp_path / "pack.pdf"
    assert main(["pdf", "mar-pack", "--ward", "ICU", "--out", str(pack), *person]) == 0


def test_the_register_balance_is_said_in_the_lang_with_its_decimal_comma(demo_db, capsys):
    """`cd balance` printed "Morphine on ward 3B: 107.5 mg" under --lang fr, an English sentence
    and a decimal point, and `cd receive` "solde 107.5 mg": both say it alike, as a French ward
    writes 107,5."""
    person = ["--db", demo_db, "--user", "nurse", "--pin", "1111"]
    stock = ["--ward", "3B", "--drug", "Morphine", "--unit", "mg"]
    witness = ["--witness-user", "doctor", "--witness-pin", "2222"]
    assert main(["cd", "balance", *stock, "--json", *person]) == 0
    before = json.loads(capsys.readouterr().out)["balance"]
    assert main(["cd", "receive", *stock, "--quantity", "0.5", *witness, *person, "--lang", "fr"]) == 0
    french = f"Morphine dans le service 3B : solde {before + 0.5:g} mg\n".replace(".", ",")
    assert capsys.readouterr().out == french
    assert main(["cd", "balance", *stock, *person, "--lang", "fr"]) == 0
    assert capsys.readouterr().out == french
    assert main(["cd", "balance", *stock, *person, "--lang", "en"]) == 0
    assert capsys.readouterr().out == f"Morphine on ward 3B: balance {before + 0.5:g} mg\n"


def test_a_controlled_drug_typed_wrong_is_refused_naming_the_registers_pages(demo_db, capsys):
    """"--drug Morphin" read "balance 0 mg", listed no dose to waste, and a count of the cupboard's
    110 mg wrote a +110 correction on a page of its own, the Morphine page left uncounted. The
    page is refused, naming the ward's pages; a name in another case is its page's."""
    from downtime.services.context import Vault
    from downtime.services.unlock import sign_in

    person = ["--db", demo_db, "--user", "nurse", "--pin", "1111"]
    witness = ["--witness-user", "doctor", "--witness-pin", "2222"]
    vault = Vault(Path(demo_db))
    sign_in(vault, "nurse", "1111")
    assert vault.db is not None
    lines = vault.db.execute("SELECT COUNT(*) FROM cd_register").fetchone()[0]
    capsys.readouterr()
    refusal = ("downtime: --drug Morphin --unit mg: no such page in ward 3B's controlled-drug register; its pages: "
               "Morphine (mg). Type one as it is written there (a drug delivered for the first time starts its page "
               "with 'downtime cd receive --new-page').\n")
    for command in (["balance"], ["wastage"], ["count", "--counted", "110", *witness]):
        assert main(["cd", *command, "--ward", "3B", "--drug", "Morphin", "--unit", "mg", *person]) == 1
        assert capsys.readouterr() == ("", refusal)
    assert main(["cd", "balance", "--ward", "3B", "--drug", "Morphine", "--unit", "ml", *person]) == 1
    assert "--unit ml: no such page" in capsys.readouterr().err
    assert vault.db.execute("SELECT COUNT(*) FROM cd_register").fetchone()[0] == lines
    assert main(["cd", "balance", "--ward", "3B", "--drug", "MORPHINE", "--unit", "MG", *person]) == 0
    assert capsys.readouterr().out.startswith("Morphine on ward 3B: balance ")
    assert main(["cd", "balance", "--ward", "ICU", "--drug", "Morphine", "--unit", "mg", *person]) == 1
    assert capsys.readouterr().err == ("downtime: --drug Morphine --unit mg: ward ICU's controlled-drug register has no "
                                       "page yet: a drug delivered for the first time starts its page with 'downtime "
                                       "cd receive --new-page'.\n")


def test_a_receipt_for_a_drug_with_no_page_is_refused_unless_it_opens_a_new_page(demo_db, capsys):
    """"cd receive --drug Morphin" opened a page of its own: the ward's morphine split over two
    pages, the legal register's balance wrong on both. A receipt onto a drug with no page is
    refused, naming the ward's pages and --new-page; "MORPHINE" is the page's Morphine, as the
    other cd commands take it; with --new-page a drug delivered for the first time opens its page."""
    from downtime.services.context import Vault
    from downtime.services.unlock import sign_in

    person = ["--db", demo_db, "--user", "nurse", "--pin", "1111"]
    witness = ["--witness-user", "doctor", "--witness-pin", "2222"]
    vault = Vault(Path(demo_db))
    sign_in(vault, "nurse", "1111")
    assert vault.db is not None

    def pages() -> list[tuple[str, str, float]]:
        return [tuple(row) for row in vault.db.execute(
            "SELECT drug, unit, SUM(change) FROM cd_register WHERE ward = '3B'"
            " GROUP BY drug COLLATE BINARY, unit COLLATE BINARY ORDER BY drug")]

    before = pages()
    capsys.readouterr()
    assert main(["cd", "receive", "--ward", "3B", "--drug", "Morphin", "--unit", "mg", "--quantity", "20",
                 *witness, *person]) == 1
    assert capsys.readouterr() == ("", "downtime: --drug Morphin --unit mg: no such page in ward 3B's controlled-drug "
                                       "register; its pages: Morphine (mg). Type one as it is written there (a drug "
                                       "delivered for the first time starts its page with 'downtime cd receive "
                                       "--new-page').\n")
    assert pages() == before
    assert main(["cd", "receive", "--ward", "3B", "--drug", "MORPHINE", "--unit", "MG", "--quantity", "20",
                 *witness, *person]) == 0
    assert capsys.readouterr().out.startswith("Morphine on ward 3B: balance ")
    assert pages() == [("Morphine", "mg", before[0][2] + 20)]
    assert main(["cd", "receive", "--ward", "3B", "--drug", "Oxycodone", "--unit", "mg", "--quantity", "50",
                 "--new-page", *witness, *person]) == 0
    assert capsys.readouterr().out == "Oxycodone on ward 3B: balance 50 mg\n"
    assert pages() == [("Morphine", "mg", before[0][2] + 20), ("Oxycodone", "mg", 50.0)]
    assert main(["cd", "receive", "--ward", "ICU", "--drug", "Morphine", "--unit", "mg", "--quantity", "20",
                 *witness, *person]) == 1
    assert capsys.readouterr().err == ("downtime: --drug Morphine --unit mg: ward ICU's controlled-drug register has no "
                                       "page yet: a drug delivered for the first time starts its page with 'downtime "
                                       "cd receive --new-page'.\n")


CLOSE_TO_A_PAGE = ("--drug {drug} --unit {unit} is close to {pages} on ward {ward}'s controlled-drug register: no new "
                   "page was opened, as one drug on two pages leaves both balances wrong. If it is the same drug, type "
                   "it as its page writes it; if it is another drug, delivered for the first time, give --new-page "
                   "{other_than}.")


def test_a_new_page_close_to_a_pages_drug_is_refused_naming_it_until_said_another_drug(demo_db, capsys, french):
    """`cd receive --new-page --drug Morphin` opened a page "Morphin" beside "Morphine", the ward's
    morphine split over two pages of the legal register. A new page close to a page (a typo, the
    drug in another unit, an accent left out) is refused naming the page; --other-than, naming
    it as the refusal does, says the drug is another one (Diamorphine beside Morphine)."""
    from downtime.services.context import Vault
    from downtime.services.unlock import sign_in

    person = ["--db", demo_db, "--user", "nurse", "--pin", "1111"]
    witness = ["--witness-user", "doctor", "--witness-pin", "2222"]
    vault = Vault(Path(demo_db))
    sign_in(vault, "nurse", "1111")
    assert vault.db is not None

    def pages() -> list[tuple[str, str]]:
        return [tuple(row) for row in vault.db.execute(
            "SELECT DISTINCT drug, unit FROM cd_register WHERE ward = '3B' ORDER BY drug COLLATE BINARY")]

    def receive(drug: str, unit: str, *more: str) -> int:
        return main(["cd", "receive", "--ward", "3B", "--drug", drug, "--unit", unit, "--quantity", "10", "--new-page",
                     *more, *witness, *person])

    capsys.readouterr()
    assert receive("Morphin", "mg") == 1
    assert capsys.readouterr() == ("", "downtime: --drug Morphin --unit mg is close to Morphine (mg) on ward 3B's "
                                       "controlled-drug register: no new page was opened, as one drug on two pages "
                                       "leaves both balances wrong. If it is the same drug, type it as its page writes "
                                       "it; if it is another drug, delivered for the first time, give --new-page "
                                       "--other-than Morphine.\n")
    assert receive("Morphine", "ml") == 1 and "close to Morphine (mg)" in capsys.readouterr().err
    assert receive("Morphine sulfate", "mg", "--other-than", "Morphin") == 1
    assert "--new-page --other-than Morphine.\n" in capsys.readouterr().err
    assert pages() == [("Morphine", "mg")]
    assert main(["cd", "receive", "--ward", "3B", "--drug", "Diamorphine", "--unit", "mg", "--quantity", "10",
                 "--other-than", "Morphine", *witness, *person]) == 1
    assert capsys.readouterr().err == "downtime: --other-than goes with --new-page: it says which page the new one is not\n"
    assert receive("Diamorphine", "mg", "--other-than", "morphine") == 0
    assert capsys.readouterr().out == "Diamorphine on ward 3B: balance 10 mg\n"
    assert pages() == [("Diamorphine", "mg"), ("Morphine", "mg")]
    french(CLOSE_TO_A_PAGE, "--drug {drug} --unit {unit} est proche de {pages} dans le registre des stupéfiants du "
                            "service {ward} : aucune page n’a été ouverte, car un même médicament sur deux pages fausse "
                            "les deux soldes. Si c’est le même médicament, tapez-le tel que sa page l’écrit ; si c’est "
                            "un autre médicament, livré pour la première fois, donnez --new-page {other_than}.")
    assert receive("Morphin", "mg", "--lang", "fr") == 1
    assert capsys.readouterr().err == (
        "downtime: --drug Morphin --unit mg est proche de Diamorphine (mg), Morphine (mg) dans le registre des "
        "stupéfiants du service 3B : aucune page n’a été ouverte, car un même médicament sur deux pages fausse les "
        "deux soldes. Si c’est le même médicament, tapez-le tel que sa page l’écrit ; si c’est un autre médicament, "
        "livré pour la première fois, donnez --new-page --other-than Diamorphine --other-than Morphine.\n")
    assert pages() == [("Diamorphine", "mg"), ("Morphine", "mg")]


def test_the_doses_wastage_lists_say_their_quantity_with_the_langs_decimal_comma(demo_db, capsys):
    """`cd wastage` without --dose listed "— 2.5 mg" under --lang fr, where `cd balance` says
    "2,5 mg" and the register tab's dialog offers the dose as "2,5 mg"."""
    from downtime.domain.medication import Check
    from downtime.formspec import load_forms
    from downtime.paths import forms_dir
    from downtime.services import medication
    from downtime.services.context import Session, Vault, load_device
    from downtime.services.unlock import sign_in
    from downtime.storage.records import list_current

    vault = Vault(Path(demo_db))
    user = sign_in(vault, "nurse", "1111")
    assert vault.db is not None
    nurse = Session(vault.db, load_device(vault.db), user, load_forms(forms_dir()))
    morphine = next(record for record in list_current(vault.db, form_id="medication_order")
                    if record.data["drug"] == "Morphine" and record.data["frequency"] == "prn")
    half = medication.record_dose(nurse, morphine.record_id, {
        "outcome": "given", "dose_given": 2.5, "route": "SC", "given_for": "pain 6/10",
        "given_at": nurse.clock().isoformat(timespec="minutes")},
        witness=("doctor", "2222"), overrides={check: "reviewed with the prescriber" for check in Check})
    person = ["--db", demo_db, "--user", "nurse", "--pin", "1111"]
    capsys.readouterr()
    for lang, said in (("fr", "2,5 mg"), ("en", "2.5 mg")):
        assert main(["cd", "wastage", "--ward", "3B", "--drug", "Morphine", "--unit", "mg", *person, "--lang", lang]) == 0
        listed = [line for line in capsys.readouterr().out.splitlines() if line.startswith(half.record_id)]
        assert len(listed) == 1 and listed[0].endswith(f" — {said}")


def test_a_mar_of_too_many_days_is_refused_naming_the_option(demo_db, tmp_path, capsys):
    """`pdf mar --days 30` said "Days: 1 to 14.", no word of which option; nothing is printed."""
    person = ["--db", demo_db, "--user", "nurse", "--pin", "1111"]
    for command in (["pdf", "mar", "DT-900-00001-9"], ["pdf", "mar-pack", "--ward", "3B"]):
        for days in ("0", "15"):
            assert main([*command, "--days", days, "--out", str(tmp_path / "mar.pdf"), *person]) == 1
            assert capsys.readouterr() == ("", "downtime: --days: 1 to 14\n")
    assert not (tmp_path / "mar.pdf").exists()
    assert main(["pdf", "mar", "DT-900-00001-9", "--days", "14", "--out", str(tmp_path / "mar.pdf"), *person]) == 0


def test_the_cupboard_count_and_wastage_are_entered_witnessed_from_the_command_line(demo_db, capsys):
    """`downtime cd` had receive and balance alone: a count at the shift change, or what was left
    of an ampoule, waited for a laptop's window. `cd count` and `cd wastage` write them through the
    register tab's services, witnessed; a refusal names the argument to give again, and wastage
    without --dose lists the doses it may be recorded against, as the tab's dialog offers them."""
    from downtime.formspec import load_forms
    from downtime.paths import forms_dir
    from downtime.services import cd_register
    from downtime.services.context import Vault
    from downtime.services.unlock import sign_in

    person = ["--db", demo_db, "--user", "nurse", "--pin", "1111"]
    stock = ["--ward", "3B", "--drug", "Morphine", "--unit", "mg"]
    witness = ["--witness-user", "doctor", "--witness-pin", "2222"]
    assert main(["cd", "balance", *stock, "--json", *person]) == 0
    before = json.loads(capsys.readouterr().out)["balance"]
    assert main(["cd", "count", *stock, "--counted", f"{before:g}", *person]) == 1
    assert "give --witness-user and --witness-pin" in capsys.readouterr().err
    assert main(["cd", "count", *stock, "--counted", "-1", *witness, *person]) == 1
    assert capsys.readouterr().err == "downtime: --counted: a count is never below zero\n"
    assert main(["cd", "count", *stock, "--counted", f"{before:g}", "--note", "shift change", *witness, *person]) == 0
    assert f"balance {before:g} mg" in capsys.readouterr().out
    assert main(["cd", "wastage", *stock, "--json", *person]) == 0
    offered = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert offered and {"record_id", "given_at", "patient", "quantity", "unit"} <= set(offered[0])
    dose = offered[0]["record_id"]
    assert main(["cd", "wastage", *stock, "--dose", dose, *witness, *person]) == 1
    assert capsys.readouterr().err == "downtime: --quantity: how much was discarded, in mg\n"
    assert main(["cd", "wastage", *stock, "--dose", dose, "--quantity", "0", *witness, *person]) == 1
    assert capsys.readouterr().err == "downtime: --quantity: the quantity discarded must be above zero\n"
    assert main(["cd", "wastage", *stock, "--dose", "not-a-dose", "--quantity", "2.5", *witness, *person]) == 1
    assert capsys.readouterr().err.startswith("downtime: --dose: not-a-dose is not one of the latest doses of "
                                              "Morphine (mg) on ward 3B's register")
    assert main(["cd", "wastage", *stock, "--dose", dose, "--quantity", "2.5", *person]) == 1
    assert "give --witness-user and --witness-pin" in capsys.readouterr().err
    assert main(["cd", "wastage", *stock, "--dose", dose, "--quantity", "2.5", *witness, *person]) == 0
    assert f"balance {before - 2.5:g} mg" in capsys.readouterr().out
    assert main(["cd", "wastage", *stock, "--dose", dose, "--quantity", "2.5", *witness, *person]) == 1
    assert capsys.readouterr().err.startswith("downtime: Controlled-drug register: what was left of this dose was "
                                              "recorded discarded already, 2.5 mg on ")
    vault = Vault(Path(demo_db))
    sign_in(vault, "nurse", "1111")
    assert vault.db is not None
    lines = cd_register.cd_lines(vault.db, load_forms(forms_dir()), "3B", "Morphine", "mg")
    assert [(line.kind, line.change, line.witness, line.record_id, line.note) for line in lines[-2:]] == [
        ("count", 0.0, "doctor", None, "shift change"), ("wastage", -2.5, "doctor", dose, None)]


def test_cd_wastage_lists_only_doses_without_their_wastage_and_says_why_when_none_is_left(demo_db, capsys):
    """`cd wastage` listed doses whose wastage was recorded, and an empty list said nothing. It
    lists those still without theirs, as the register tab's dialog offers them; a dose of the
    page not offered is refused with why before the witness is asked for; with none left, it
    says why (none given, or every dose given has its wastage)."""
    from downtime.formspec import load_forms
    from downtime.paths import forms_dir
    from downtime.services import cd_register
    from downtime.services.context import Session, Vault, load_device
    from downtime.services.unlock import sign_in

    person = ["--db", demo_db, "--user", "nurse", "--pin", "1111"]
    stock = ["--ward", "3B", "--drug", "Morphine", "--unit", "mg"]
    witness = ["--witness-user", "doctor", "--witness-pin", "2222"]

    def listed(*extra):
        assert main(["cd", "wastage", *stock, *extra, *person]) == 0
        return capsys.readouterr().out

    capsys.readouterr()
    dose = json.loads(listed("--json").splitlines()[0])["record_id"]
    assert main(["cd", "wastage", *stock, "--dose", dose, "--quantity", "2.5", *witness, *person]) == 0
    capsys.readouterr()
    assert dose not in listed() and dose not in listed("--json")
    assert main(["cd", "wastage", *stock, "--dose", dose, "--quantity", "1", *person]) == 1
    assert capsys.readouterr().err.startswith("downtime: Controlled-drug register: what was left of this dose was "
                                              "recorded discarded already, 2.5 mg on ")
    vault = Vault(Path(demo_db))
    user = sign_in(vault, "nurse", "1111")
    assert vault.db is not None
    nurse = Session(vault.db, load_device(vault.db), user, load_forms(forms_dir()))
    # Enough in the cupboard for a milligram of each dose's wastage: the demo's stock, built late
    # in the afternoon, ends a few milligrams above its last doses (the register refused the last).
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 200, witness=("doctor", "2222"), note="Pharmacy delivery")
    while offered := cd_register.cd_doses_to_waste(nurse, "3B", "Morphine", "mg").doses:
        cd_register.cd_waste(nurse, str(offered[0].record_id), 1, witness=("doctor", "2222"))
    assert listed() == ("Every dose of Morphine given from ward 3B's register has its wastage recorded already: a "
                        "dose's wastage is recorded once. If a quantity was wrong, count the cupboard: the difference "
                        "is written as a discrepancy.\n")
    assert listed("--json") == ""
    assert main(["cd", "receive", "--ward", "3B", "--drug", "Oxycodone", "--unit", "mg", "--quantity", "20",
                 "--new-page", *witness, *person]) == 0
    capsys.readouterr()
    stock = ["--ward", "3B", "--drug", "Oxycodone", "--unit", "mg"]
    assert listed() == ("No dose of Oxycodone has been given from ward 3B's register: wastage is recorded against a "
                        "dose given (a withdrawn dose takes none).\n")


def test_a_count_that_differs_is_refused_without_a_discrepancy_note_and_reads_as_one(demo_db, capsys):
    """`cd count --counted 2` where the register held far more printed "balance 2 mg", the
    register rewritten as a routine correction. It is refused, naming the difference and
    --discrepancy-note, before the witness is tried; with the note it is written and said a
    discrepancy. A note of a discrepancy with a count that matches is refused."""
    from downtime.formspec import load_forms
    from downtime.paths import forms_dir
    from downtime.services import cd_register
    from downtime.services.context import Vault
    from downtime.services.unlock import sign_in

    person = ["--db", demo_db, "--user", "nurse", "--pin", "1111"]
    stock = ["--ward", "3B", "--drug", "Morphine", "--unit", "mg"]
    assert main(["cd", "balance", *stock, "--json", *person]) == 0
    before = json.loads(capsys.readouterr().out)["balance"]
    wrong_pin = ["--witness-user", "doctor", "--witness-pin", "9999"]
    assert main(["cd", "count", *stock, "--counted", "2", *wrong_pin, *person]) == 1
    assert capsys.readouterr().err == (
        f"downtime: --counted 2: {before - 2:g} mg fewer than the register ({before:g} mg). This is a discrepancy, "
        "written as one on the register to be investigated: count again with your witness; if the count stands, "
        "tell the nurse in charge or the pharmacist and give --discrepancy-note saying who was told\n")
    witness = ["--witness-user", "doctor", "--witness-pin", "2222"]
    assert main(["cd", "count", *stock, "--counted", f"{before:g}", "--discrepancy-note", "told", *witness, *person]) == 1
    assert capsys.readouterr().err == (f"downtime: --discrepancy-note: {before:g} mg counted, as the register holds: "
                                       "there is no discrepancy (a note goes with --note)\n")
    assert main(["cd", "count", *stock, "--counted", "2", "--discrepancy-note", "Sr Dubois told", *witness, *person]) == 0
    assert capsys.readouterr().out == (f"Discrepancy written on the register: {before - 2:g} mg fewer than the register "
                                       f"({before:g} mg)\nMorphine on ward 3B: balance 2 mg\n")
    vault = Vault(Path(demo_db))
    sign_in(vault, "nurse", "1111")
    assert vault.db is not None
    last = cd_register.cd_lines(vault.db, load_forms(forms_dir()), "3B", "Morphine", "mg")[-1]
    assert (last.kind, last.change, last.balance, last.witness, last.note) == (
        "discrepancy", 2 - before, 2, "doctor", "Sr Dubois told")


def test_ward_settings_command(demo_db, capsys, tmp_path):
    admin = ["--db", demo_db, "--user", "admin", "--pin", "0000"]
    assert main(["set", "round-thresholds", "20", "90", *admin]) == 0
    assert main(["set", "label-stock", "L7159", *admin]) == 0
    assert main(["set", "round-thresholds", "soon", *admin]) == 1
    assert "two numbers" in capsys.readouterr().err
    assert main(["set", "backups", str(tmp_path), "15", "10", *admin]) == 0  # and how far back they reach
    assert capsys.readouterr().out.splitlines()[-1] == (
        "Kept: the last 10, one a day before them (the last of each day, for 31 days), and the first.")
    assert main(["verify", "--db", demo_db]) == 0


def test_theatre_commands(demo_db, demo_day, tmp_path, capsys):
    from datetime import datetime, timedelta

    from downtime.services import records, unlock
    from downtime.services.context import Vault

    def listed_text(day: str) -> list[str]:
        assert main(["theatre", "list", "--date", day, "--db", demo_db]) == 0
        return capsys.readouterr().out.splitlines()

    today = demo_day.isoformat()
    assert main(["theatre", "rescheduling", "--db", demo_db, "--json"]) == 0
    waiting = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert waiting and {"booking_id", "priority", "rebook_by", "breach", "to_tell", "phone"} <= set(waiting[0])
    # Each with its side and why it was cancelled, as the screen's and the printed list give
    # them: a patient's two knees read as one operation listed twice.
    assert {"side", "reason"} <= set(waiting[0])
    carpal = next(line for line in waiting if line["procedure"] == "Carpal tunnel release")
    assert (carpal["side"], carpal["reason"]) == ("right", "information_system")
    assert main(["theatre", "rescheduling", "--db", demo_db]) == 0
    text = capsys.readouterr().out
    assert f"Carpal tunnel release, RIGHT ({carpal['minutes']}\u00a0min)" in text
    # Each with its downtime number and booking id: `downtime pdf letter` asks for the id, which
    # only the JSON gave, and a name alone is one identifier.
    for line in waiting:
        assert any(line["booking_id"] in row and line["downtime_number"] in row and line["patient"] in row
                   for row in text.splitlines()), line
    days = []
    # Yesterday's list too: which of the outage's cancellations fall on today's depends on the hour
    # the demo is built at (its operations are booked from hours after each patient's arrival).
    for shown in (demo_day - timedelta(days=1), demo_day):
        assert main(["theatre", "list", "--date", shown.isoformat(), "--db", demo_db, "--json"]) == 0
        days += [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    day = [line for line in days if line["start"].startswith(today)]
    # Codes, as the other fields are: a live line's status read "on this list".
    assert {line["status"] for line in days} <= {"booked", "cancelled", "rebooked", "transferred", "done"}
    assert {line["struck"] for line in days} == {True, False}
    # Whether the patient was told of an operation's new date, transfer or cancellation, as the
    # board says: one cancelled with its patient "Not yet" told read as told, and came fasting.
    assert any(line["not_told"] for line in days)
    vault = Vault(Path(demo_db))
    unlock.sign_in(vault, "coord", "3333")
    untold = {cancellation.data["booking"] for cancellation in records.list_current(vault.db, "operation_cancellation")
              if cancellation.data["patient_told"] == "not_yet"}
    cancelled = [line for line in days if line["status"] == "cancelled"]
    assert any(line["booking_id"] in untold for line in cancelled), "the demo cancels some untold from this list"
    assert all(line["not_told"] == (line["booking_id"] in untold) for line in cancelled)
    # The rescheduling list the coordinator rings from says it too: it gave the operation alone.
    assert any(line["not_told"] for line in waiting)
    assert all(line["not_told"] == (line["booking_id"] in untold) for line in waiting)
    assert all((f"{line['booking_id']} — PATIENT NOT TOLD YET" in text) == line["not_told"] for line in waiting)
    assert any(line["status"] == "cancelled" and line["not_told"] and "CANCELLED — PATIENT NOT TOLD YET" in text
               and line["downtime_number"] in text for line in days
               for text in listed_text(line["start"][:10]))
    # Whom to tell beside it: an in-patient's ward (the coordinator looked it up on another list),
    # the number to ring of a planned patient gone home.
    assert all(bool(line["to_tell"]) == line["not_told"] for line in days)
    assert all(line["to_tell"].startswith("ward ") or line["to_tell"].endswith("(next of kin)")
               for line in days if line["not_told"])
    assert any(line["to_tell"].startswith("ward ") for line in days if line["not_told"])
    assert any(f"PATIENT NOT TOLD YET — tell: {line['to_tell']}" in text
               for line in days if line["not_told"] for text in listed_text(line["start"][:10]))
    # Each operation's expected end, surgeon and anaesthetist, as the printed list gives them,
    # under its day and its session: the lines ran on with no date, no session and no
    # anaesthetist, the theatre team not knowing which day or whose list they read.
    assert main(["theatre", "list", "--date", today, "--db", demo_db]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[0] == f"Theatre list — {demo_day:%d/%m/%Y}"
    sessions = [index for index, text in enumerate(listed) if re.fullmatch(
        r"Theatre \S+ — [^—]+ — \d\d:\d\d–\d\d:\d\d", text)]
    assert sessions and sessions[0] == 1
    for line in day:
        start, end = (datetime.fromisoformat(line[key]) for key in ("start", "end"))
        at = next(index for index, text in enumerate(listed)
                  if line["downtime_number"] in text and f"{start:%H:%M}–{end:%H:%M}" in text)
        assert listed[max(index for index in sessions if index < at)].startswith(f"Theatre {line['theatre']} — ")
        assert line["surgeon"] in listed[at] and (line["anaesthetist"] or "—") in listed[at], listed[at]
    assert main(["theatre", "list", "--date", "2031-01-07", "--db", demo_db]) == 0
    assert capsys.readouterr().out.splitlines() == ["Theatre list — 07/01/2031", "No theatre session this day."]
    coord = ["--db", demo_db, "--user", "coord", "--pin", "3333"]
    assert main(["pdf", "theatre-list", "--date", today, "--out", str(tmp_path / "t.pdf"), *coord]) == 0
    assert main(["pdf", "rescheduling", "--out", str(tmp_path / "r.pdf"), *coord]) == 0
    assert main(["theatre", "list", "--date", "28/11", "--db", demo_db]) == 1
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_an_operation_is_recorded_done_from_the_command_line(demo_db, demo_day, capsys):
    """`theatre list` says which operations are past with nothing recorded (the last two of the
    demo's yesterday), and `theatre done` records one done, as the board's "Operation done…" does."""
    from datetime import datetime, timedelta

    day = (demo_day - timedelta(days=1)).isoformat()
    assert main(["theatre", "list", "--date", day, "--db", demo_db, "--json"]) == 0
    first = next(line for line in map(json.loads, capsys.readouterr().out.splitlines()) if line["status"] == "booked")
    assert first["outcome_not_recorded"] and first["done_at"] is None
    assert main(["theatre", "list", "--date", day, "--db", demo_db]) == 0
    assert any(first["downtime_number"] in line and line.endswith("booked — OUTCOME NOT RECORDED")
               for line in capsys.readouterr().out.splitlines())
    # At its planned start: the demo placed it clash-free; ten minutes late ran into the same
    # anaesthetist's next operation on the days the demo built them back to back.
    at = datetime.fromisoformat(first["start"])
    coord = ["--db", demo_db, "--user", "coord", "--pin", "3333"]
    assert main(["theatre", "done", first["booking_id"], "--at", f"{at:%d/%m/%Y %H:%M}", "--note", "On time",
                 *coord]) == 0
    assert capsys.readouterr().out.strip() == (f"operation {first['booking_id']} recorded done at "
                                               f"{at:%d/%m/%Y %H:%M}, theatre {first['theatre']}")
    assert main(["theatre", "list", "--date", day, "--db", demo_db, "--json"]) == 0
    (done,) = [line for line in map(json.loads, capsys.readouterr().out.splitlines())
               if line["booking_id"] == first["booking_id"]]
    assert (done["status"], done["done_at"], done["outcome_not_recorded"]) == ("done", at.isoformat(), False)
    assert main(["theatre", "list", "--date", day, "--db", demo_db]) == 0
    assert any(first["downtime_number"] in line and line.endswith(f"DONE {at:%H:%M} — NO SAFETY CHECKLIST recorded")
               for line in capsys.readouterr().out.splitlines())
    assert main(["theatre", "done", first["booking_id"], "--at", f"{at:%d/%m/%Y %H:%M}", *coord]) == 1
    assert "nothing is recorded of it after that" in capsys.readouterr().err


def test_an_operation_done_in_a_theatre_not_free_then_needs_clash_reason_from_the_command_line(
        session_for, db_path, admission_values, capsys):
    """`theatre done --theatre T3` recorded an operation done over another booked in T3 then,
    saying nothing: the warning the dialog gives is printed, nothing is written, and
    --clash-reason records it anyway, the reason kept."""
    from downtime.services import records, theatre

    nurse, coord = session_for("nurse"), session_for("coord")
    lists = {name: records.save_new(coord, "theatre_session", {
        "theatre": name, "specialty": "General surgery", "starts_at": "2026-11-28T08:00+01:00",
        "ends_at": "2026-11-28T13:00+01:00"}).record_id for name in ("T1", "T3")}
    booked = [theatre.book(coord, records.save_new(nurse, "admission", {
        **admission_values, "bed": bed, "birth_name": f"Patient{bed}"}).patient_id, {
        "procedure": "Appendicectomy", "laterality": "not_applicable", "priority": "urgent",
        "decided_at": "2026-11-28T07:00+01:00", "surgeon": surgeon, "anaesthetist": None, "session": lists[name],
        "planned_start": "2026-11-28T09:00+01:00", "expected_minutes": 60})
        for bed, surgeon, name in (("1", "Dr A", "T1"), ("2", "Dr B", "T3"))]
    command = ["theatre", "done", booked[0].record_id, "--at", "28/11/2026 09:05", "--theatre", "T3",
               "--db", str(db_path), "--user", "coord", "--pin", "3333"]
    assert main(command) == 1
    said = capsys.readouterr().err
    assert said.startswith("downtime: Theatre T3 was not free 28/11 09:05–10:05: MARTIN Hélène Marie (née PATIENT2) (")
    assert said.strip().endswith("Appendicectomy, booked there 28/11 09:00–10:00 and not recorded done. Check the "
                                 "theatre and the time; if both are right, give the reason to record it anyway. Give "
                                 "it with --clash-reason.")
    assert records.list_current(coord.db, form_id=theatre.DONE_FORM) == []
    assert main([*command, "--clash-reason", "T3's case moved to T4"]) == 0
    (done,) = records.list_current(coord.db, form_id=theatre.DONE_FORM)
    assert (done.data["theatre"], done.data[theatre.OVER_CLASH]) == ("T3", "T3's case moved to T4")
    capsys.readouterr()
    assert main(["theatre", "list", "--date", "2026-11-28", "--db", str(db_path), "--json"]) == 0
    lines = {line["booking_id"]: line for line in map(json.loads, capsys.readouterr().out.splitlines())}
    assert (lines[booked[0].record_id]["done_over_clash"], lines[booked[1].record_id]["done_over_clash"]) == (
        "T3's case moved to T4", None)


def test_theatre_rescheduling_names_the_ward_of_a_patient_in_a_bed_and_the_number_of_one_at_home(demo_db, capsys):
    """The coordinator rings from the list: it gave the next of kin's number of a patient in a
    bed on ward 3B, who was not at home to be told. It names their ward, its name and the bed
    (--json: the ward and the bed apart, no phone); a patient at home keeps the number to ring."""
    from datetime import datetime, timedelta

    from downtime.formspec import load_forms
    from downtime.paths import forms_dir
    from downtime.services import records, transfusion
    from downtime.services.census import location_at
    from downtime.services.context import Session, Vault, load_device
    from downtime.services.demo import WARDS
    from downtime.services.unlock import sign_in

    def rescheduling() -> tuple[list[dict], str]:
        assert main(["theatre", "rescheduling", "--db", demo_db, "--json"]) == 0
        rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert main(["theatre", "rescheduling", "--db", demo_db]) == 0
        return rows, capsys.readouterr().out

    vault = Vault(Path(demo_db))
    user = sign_in(vault, "nurse", "1111")  # opens the encrypted demo
    nurse = Session(vault.db, load_device(vault.db), user, load_forms(forms_dir()))
    names = {code: name for code, name, _ in WARDS}
    waiting, text = rescheduling()
    patients = {line["booking_id"]: str(records.current(nurse.db, line["booking_id"]).patient_id) for line in waiting}
    in_bed = [line for line in waiting if line["phone"] is None]
    assert in_bed, "the demo's in-patients waiting for a new date"
    for line in in_bed:
        where = location_at(nurse.db, patients[line["booking_id"]])
        assert (line["ward"], line["bed"], line["phone"]) == (where.ward, where.bed, None)
        assert line["to_tell"] == f"ward {where.ward} ({names[where.ward]}, bed\u00a0{where.bed})"
        assert f"{line['to_tell']} " in next(row for row in text.splitlines() if line["booking_id"] in row)
    # Sent home: one with no unit of blood running (a discharge is refused until its end is recorded).
    home = next(line["booking_id"] for line in in_bed
                if all(one.end is not None for one in transfusion.chart(nurse.db, patients[line["booking_id"]])))
    records.save_new(nurse, "discharge", {"discharged_at": (datetime.now().astimezone() - timedelta(minutes=5)).isoformat(
        timespec="minutes"), "destination": "home", "letter_given": True, "medicines_given": True},
        patient_id=patients[home])
    waiting, text = rescheduling()
    (line,) = [line for line in waiting if line["booking_id"] == home]
    assert (line["ward"], line["bed"]) == (None, None) and line["phone"] == line["to_tell"]
    assert line["phone"].endswith("(next of kin)"), "the demo's patients left their next of kin's number"
    assert f"{line['phone']} " in next(row for row in text.splitlines() if home in row)


def test_theatre_commands_speak_the_lang(demo_db, demo_day, capsys):
    """Under --lang fr the lines read the form's labels and the catalogue's words: they printed
    "not_applicable", "left", "on this list", "elective", "soon" and ISO dates."""
    from datetime import timedelta

    coord = ["--db", demo_db, "--user", "coord", "--pin", "3333", "--lang", "fr"]
    day = ""
    for shown in (demo_day - timedelta(days=1), demo_day):  # the demo's transfer is on yesterday's list
        assert main(["theatre", "list", "--date", shown.isoformat(), *coord]) == 0
        day += capsys.readouterr().out
    assert "Inguinal hernia repair, GAUCHE" in day and "ANNULÉE" in day and "programmée" in day
    assert "TRANSFÉRÉE vers CHU Sud" in day, "the hospital, as the board and the printed list name it"
    assert main(["theatre", "rescheduling", *coord, "--json"]) == 0
    # Whether one of the demo's waiting operations is near its rebook-by date depends on the hour
    # it is built at: built at 20:30, none was, and "BIENTÔT" was looked for in vain.
    soon = any(row["near_breach"] for row in map(json.loads, capsys.readouterr().out.splitlines()))
    assert main(["theatre", "rescheduling", *coord]) == 0
    waiting = capsys.readouterr().out
    assert "Réglée (non urgente)" in waiting and ("BIENTÔT" in waiting) == soon
    for english in ("not_applicable", "left", "on this list", "cancelled", "transferred", "elective", "expedited",
                    "soon", "BREACH"):
        assert english not in day + waiting
    assert main(["theatre", "rescheduling", "--db", demo_db, "--user", "coord", "--pin", "3333"]) == 0
    assert "Elective" in capsys.readouterr().out


def test_messages_follow_lang(demo_db, capsys):
    assert main(["records", "--db", demo_db, "--user", "nurse", "--pin", "9999", "--lang", "fr"]) == 1
    assert capsys.readouterr().err.strip() == "downtime: Identifiant inconnu ou code erroné."
    assert main(["records", "--db", demo_db, "--user", "nurse", "--pin", "9999"]) == 1
    assert capsys.readouterr().err.strip() == "downtime: Unknown staff ID or wrong PIN."
    assert main(["verify", "--db", demo_db, "--lang", "fr"]) == 0
    assert capsys.readouterr().out.startswith(f"intègre : {demo_db} passe le contrôle d’intégrité")


def _walk(parser, path=("downtime",)):
    """Every (command path, parser) of the command line, sub-commands included."""
    import argparse

    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from _walk(child, (*path, name))


def test_every_command_and_argument_says_what_it_is_for():
    """`downtime staff set-pin --help` listed STAFF_ID and --new-pin bare, `cd receive` its
    --ward, --drug and --witness-pin: a records clerk or an administrator had to read the code.
    Every sub-command and every argument has a line of help."""
    import argparse

    from downtime.cli import build_parser

    bare = []
    for path, parser in _walk(build_parser("en")):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                bare += [f"{' '.join(path)} {choice.dest}" for choice in action._choices_actions
                         if not (choice.help or "").strip()]
            elif not isinstance(action, (argparse._HelpAction, argparse._VersionAction)) \
                    and not (action.help or "").strip():
                bare.append(f"{' '.join(path)} {action.option_strings[0] if action.option_strings else action.dest}")
    assert bare == []


def test_every_numeric_option_says_its_bounds_in_its_help(capsys):
    """`downtime pdf mar --help` said "days shown, ending today (default 3)" and refused --days 20
    only once typed: each option taking a number says the numbers it takes, from the bound the
    command checks (a new one is listed here with its bound, or this fails)."""
    from downtime.cli import build_parser
    from downtime.domain.bounds import MOST_LABELS, MOST_MAR_DAYS, MOST_PAPER_NUMBERS
    from downtime.domain.downtime_number import MAX_DEVICE, MAX_SEQUENCE

    bounds = {"setup --device-number": f"1-{MAX_DEVICE}", "setup --first-number": f"1 to {MAX_SEQUENCE}",
              "retire --confirm-device-number": f"1-{MAX_DEVICE}", "pdf labels --count": f"1 to {MOST_LABELS}",
              "pdf paper-numbers --count": f"1 to {MOST_PAPER_NUMBERS}",
              "pdf mar --days": f"1 to {MOST_MAR_DAYS}", "pdf mar-pack --days": f"1 to {MOST_MAR_DAYS}",
              "pdf worklist --patients": "1 or more", "worklist settle --choose": "1 to the number of versions listed",
              "cd receive --quantity": "above 0", "cd count --counted": "0 or more", "cd wastage --quantity": "above 0",
              "cd supply --quantity": "above 0 and at most the register's balance"}
    numeric = {f"{' '.join(path[1:])} {action.option_strings[0]}": action.help for path, parser in _walk(build_parser("en"))
               for action in parser._actions if action.type in (int, float)}
    assert {option: bounds[option] in (said or "") for option, said in numeric.items() if option in bounds} == {
        option: True for option in bounds}
    assert set(numeric) == set(bounds)
    with pytest.raises(SystemExit):
        main(["pdf", "mar", "--help"])
    assert "ending today (and tomorrow when printed from midday): 1 to 14 (default 3)" in " ".join(
        capsys.readouterr().out.split())
    with pytest.raises(SystemExit):
        main(["set", "--help"])
    assert ("LATE OVERDUE minutes (LATE above 0 and below OVERDUE, at most 1440); MINUTES before the screen locks "
            "(1 to 120);" in " ".join(capsys.readouterr().out.split()))


def test_setup_says_to_add_an_administrator_on_the_ward(tmp_path, capsys):
    """IT set the laptop up as its only administrator and went home: the agency nurse arriving
    at 02:00 could get no account, and IT's forgotten PIN could be reset by no one."""
    db = tmp_path / "ward.sqlite"
    assert main(["setup", "--db", str(db), "--device-number", "12", "--device-name", "Ward 3B laptop 1",
                 "--admin-id", "it", "--admin-name", "IT on call", "--admin-pin", "482913"]) == 0
    out = capsys.readouterr().out
    assert f"set up {db} as device 12 (Ward 3B laptop 1)" in out
    assert ("Add a second administrator now, one on the ward (the nurse in charge): an agency nurse arriving at "
            "night needs an account, and no one can reset the last administrator's forgotten PIN "
            "('downtime staff add ID --name NAME --role administrator').") in out


def _help_of(argv: list[str], capsys) -> str:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 0
    return " ".join(capsys.readouterr().out.split())


MAR_HELP_FR = {"usage: ": "utilisation : ", "positional arguments": "arguments positionnels",
               "options": "options", "show this help message and exit": "afficher cette aide et quitter",
               "a patient's medication administration record (MAR) chart":
                   "le plan d’administration des médicaments d’un patient",
               "days shown, ending today (and tomorrow when printed from midday): 1 to {most} (default 3)":
                   "jours affichés, jusqu’à aujourd’hui (et demain si imprimé à partir de midi) : de 1 à {most} "
                   "(par défaut 3)"}


@pytest.mark.parametrize("argv", [["--lang", "fr", "pdf", "mar", "--help"], ["pdf", "mar", "--help", "--lang", "fr"]])
def test_help_is_in_the_lang_given_anywhere_on_the_command_line(argv, capsys, french):
    """`downtime --lang fr pdf mar --help` printed English, argparse's words and ours, though
    --lang sets the language of what the command prints; --lang after --help counts too."""
    for english, translated in MAR_HELP_FR.items():
        french(english, translated)
    said = _help_of(argv, capsys)
    assert said.startswith("utilisation : downtime pdf mar [-h]")
    for words in ("le plan d’administration des médicaments d’un patient", "arguments positionnels :",
                  "options : -h, --help afficher cette aide et quitter",
                  "jours affichés, jusqu’à aujourd’hui (et demain si imprimé à partir de midi) : de 1 à 14 "
                  "(par défaut 3)"):
        assert words in said, words
    assert "usage:" not in said and "show this help" not in said


def test_help_is_in_the_laptops_language_unless_lang_says_otherwise(capsys, french):
    from downtime.i18n import save_language

    for english, translated in MAR_HELP_FR.items():
        french(english, translated)
    english = _help_of(["pdf", "mar", "--help"], capsys)
    assert english.startswith("usage: downtime pdf mar [-h]")
    for words in ("a patient's medication administration record (MAR) chart", "positional arguments:",
                  "options: -h, --help show this help message and exit",
                  "ending today (and tomorrow when printed from midday): 1 to 14 (default 3)"):
        assert words in english, words
    save_language("fr")
    assert _help_of(["pdf", "mar", "--help"], capsys).startswith("utilisation : downtime pdf mar [-h]")
    assert _help_of(["pdf", "mar", "--help", "--lang", "en"], capsys) == english


def _marked_in_cli() -> set[str]:
    """The sentences of cli.py that pyside6-lupdate puts in the catalogue: the literal text of each
    QT_TRANSLATE_NOOP("messages", ...)."""
    import ast

    from downtime import cli

    return {node.args[1].value for node in ast.walk(ast.parse(Path(cli.__file__).read_text(encoding="utf-8")))
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP"
            and isinstance(node.args[1], ast.Constant)}


def test_every_help_text_is_marked_for_the_catalogue(monkeypatch):
    """Each line of every command's --help is said through the catalogue from a sentence lupdate
    finds: a help text left as plain English (or made with an f-string) stays English under
    --lang fr, and the catalogue tests never hear of it."""
    import argparse

    from downtime import cli

    marked = _marked_in_cli()
    unmarked: list[str] = []

    def through_the_catalogue(lang, text, /, **values):
        if text not in marked:
            unmarked.append(text)
        return "⟦" + text.format(**values) + "⟧"

    monkeypatch.setattr(cli, "message", through_the_catalogue)
    said = []
    for path, parser in _walk(cli.build_parser("fr")):
        said += [(path, parser.description)] if parser.description else []
        said += [(path, group.title) for group in parser._action_groups if group._group_actions]
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):  # its own line is COMMAND alone
                said += [(path, choice.help) for choice in action._choices_actions]
            else:
                said.append((path, action.help))
    plain = [(" ".join(where), text) for where, text in said
             if not (text.startswith("⟦") and text.endswith("⟧")) and text not in cli.ARGPARSE_HEADINGS]
    assert (plain, unmarked) == ([], [])
    assert len(said) > 300


def test_theatre_rescheduling_says_an_operation_cancelled_again_and_keeps_its_rebook_by_date(demo_db, capsys):
    """Cancelled on the day, rebooked, then cancelled again ahead of its new date: the list gave
    no rebook-by date ("-") and no sign of the first cancellation. It keeps the first one's 28
    days, and says "cancelled 2×" (`times_cancelled` in its JSON)."""
    from datetime import datetime

    from downtime.formspec import load_forms
    from downtime.paths import forms_dir
    from downtime.services import theatre
    from downtime.services.context import Session, Vault, load_device
    from downtime.services.unlock import sign_in

    def rescheduling() -> tuple[dict[str, dict], str]:
        assert main(["theatre", "rescheduling", "--db", demo_db, "--json"]) == 0
        rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert main(["theatre", "rescheduling", "--db", demo_db]) == 0
        return {row["booking_id"]: row for row in rows}, capsys.readouterr().out

    waiting, _ = rescheduling()
    # Any with a rebook-by date: the demo's elective operations waiting are its planned patients',
    # cancelled the evening before as often as on the day (when their 28 days start).
    first = next(row for row in waiting.values() if row["rebook_by"])
    assert first["times_cancelled"] == 1
    vault = Vault(Path(demo_db))
    user = sign_in(vault, "coord", "3333")  # opens the encrypted demo
    coord = Session(vault.db, load_device(vault.db), user, load_forms(forms_dir()))
    now = datetime.now().astimezone()
    # A slot of a later day: one later today, cancelled now, is a last-minute cancellation (this
    # test failed after midnight, Paris time, its first slot that day).
    slot = next(slot for slot in theatre.suggestions(coord.db, first["booking_id"], now, limit=20).slots
                if slot.start.date() > now.date())
    theatre.rebook(coord, first["booking_id"], {"outcome": "rebooked", "session": slot.session_id,
                                                "planned_start": slot.start.isoformat(timespec="minutes"),
                                                "decided_at": now.isoformat(timespec="minutes")})
    theatre.cancel(coord, first["booking_id"], {"cancelled_at": now.isoformat(timespec="minutes"),
                                                "reason": "surgeon_unavailable", "last_minute": True,
                                                "patient_told": "phone"})
    waiting, text = rescheduling()
    again = waiting[first["booking_id"]]
    assert (again["rebook_by"], again["times_cancelled"]) == (first["rebook_by"], 2)
    line = next(row for row in text.splitlines() if first["booking_id"] in row)
    assert f"{datetime.fromisoformat(first['rebook_by']):%d/%m/%Y}" in line and line.endswith(" cancelled 2×")


def test_theatre_list_says_patients_sharing_a_family_name_and_a_latex_allergy_not_first(
        session_for, db_path, admission_values, capsys):
    """The board and the printed list name the day's other patients sharing a family name beside
    each one's: `theatre list` said nothing of them. It says them under the name, the status
    staying last on the operation's line (`same_name` in its JSON), and a latex-allergic patient
    booked after another in the theatre (`latex_allergy_not_first`)."""
    from downtime.services import records, theatre

    nurse, coord = session_for("nurse"), session_for("coord")
    listed = records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery", "starts_at": "2026-11-30T08:00+01:00",
        "ends_at": "2026-11-30T13:00+01:00"}).record_id
    latex = {"allergy_status": "allergies", "allergies": [{"substance": "Latex", "reaction": "Anaphylaxis",
                                                           "severity": "severe"}]}
    booked = [theatre.book(coord, records.save_new(nurse, "admission", {
        **admission_values, "bed": bed, "birth_name": "Martin", "used_name": None, "given_names": given, "nir": None,
        **answers}).patient_id, {
        "procedure": "Appendicectomy", "laterality": "not_applicable", "priority": "elective",
        "decided_at": "2026-11-28T07:00+01:00", "surgeon": surgeon, "anaesthetist": None, "session": listed,
        "planned_start": f"2026-11-30T{start}+01:00", "expected_minutes": 60}).record_id
        for bed, given, answers, surgeon, start in (("1", "Jean", {}, "Dr A", "08:00"),
                                                     ("2", "Jeanne", latex, "Dr B", "09:00"))]
    command = ["theatre", "list", "--date", "2026-11-30", "--db", str(db_path)]
    assert main([*command, "--json"]) == 0
    lines = {line["booking_id"]: line for line in map(json.loads, capsys.readouterr().out.splitlines())}
    assert [(lines[booking]["same_name"], lines[booking]["latex_allergy_not_first"]) for booking in booked] == [
        (["MARTIN Jeanne 09:00 T1"], False), (["MARTIN Jean 08:00 T1"], True)]
    assert main(command) == 0
    text = capsys.readouterr().out.splitlines()
    first, second = (text.index(next(line for line in text if line.startswith(f"  {start}–")))
                     for start in ("08:00", "09:00"))
    assert text[first + 1] == f"{'':15}SAME NAME: MARTIN Jeanne 09:00 T1" and "LATEX" not in text[first]
    assert text[second + 1] == f"{'':15}SAME NAME: MARTIN Jean 08:00 T1"
    assert re.search(r" booked — LATEX ALLERGY: move first, latex-free theatre"
                     r"( — OUTCOME NOT RECORDED)?$", text[second]), text[second]
