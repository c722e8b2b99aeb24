"""Starting the app the way the README's command does, with the dialogs answered."""

import pytest
from PySide6.QtWidgets import QApplication, QDialog

from downtime.qt import app as app_module
from downtime.qt.main_window import MainWindow


def _sign_in_as_nurse(dialog):
    dialog.staff_id.setText("nurse")
    dialog.pin.setText("1111")
    dialog.try_sign_in()
    return dialog.result()


def test_first_run_cancelled_opens_nothing_and_writes_nothing(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(app_module.FirstRunDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert app_module.run(tmp_path / "new.sqlite") == 0
    assert list(tmp_path.iterdir()) == []


def test_sign_in_opens_the_main_window_on_the_demo(app_signed_in, tmp_path, forms, clock, listed, demo_database):
    path = tmp_path / "demo.sqlite"
    demo_database(path)

    window = app_signed_in(path)
    assert window.session.user.staff_id == "nurse" and window.session.device.is_demo
    assert "DEMO DATA" in window.banner.device.text()
    # Opened as ward 3B's laptop would be, on its ward; the hospital's 39 patients under All wards.
    assert window.patients.current_ward() == "3B" and ", ward 3B" in window.banner.device.text()
    assert {r.patient.ward for r in listed(window.patients).model.rows if r.patient} == {"3B"}
    window.patients.ward.setCurrentIndex(0)
    assert len([r for r in listed(window.patients).model.rows if r.patient]) == 39


def test_the_opening_check_runs_off_the_gui_thread(app_signed_in, tmp_path, monkeypatch, forms, clock, demo_database):
    """SQLite's integrity check and the audit chain take over a minute on a records office's
    database: the window keeps painting (a busy dialog if it takes a while) instead of freezing."""
    import threading

    import downtime.services.backups as backups

    path = tmp_path / "demo.sqlite"
    demo_database(path)
    real, on_gui_thread = backups.sound, []

    def watched(db, key):
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        return real(db, key)

    monkeypatch.setattr(backups, "sound", watched)
    app_signed_in(path)
    assert on_gui_thread == [False]


def test_an_emptied_census_index_is_rebuilt_off_the_gui_thread_before_the_window_opens(app_signed_in, tmp_path, monkeypatch,
                                                                                      forms, clock, listed, demo_database):
    """An upgrade may empty the movement index (migration m010): the first opening rebuilds it,
    ten seconds on a records office's database, behind a busy dialog, not a frozen screen."""
    import threading

    from downtime.services import census

    path = tmp_path / "demo.sqlite"
    db = demo_database(path)
    db.execute("DELETE FROM movement_index")
    db.close()
    real, on_gui_thread, rebuilt_on = census.rebuild_index, [], []

    def watched(db, forms):
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        rebuilt_on.append(db)
        return real(db, forms)

    monkeypatch.setattr(census, "rebuild_index", watched)
    window = app_signed_in(path)
    assert on_gui_thread == [False]
    assert rebuilt_on[0] is not window.session.db, "on a connection of its own: the window signed out may use its own"
    window.patients.ward.setCurrentIndex(0)  # All wards: the demo laptop's list opens on its ward, 3B
    assert len([r for r in listed(window.patients).model.rows if r.patient]) == 39


def test_a_search_index_edited_with_sql_is_rebuilt_off_the_gui_thread_before_the_window_opens(
        app_signed_in, tmp_path, monkeypatch, forms, clock, demo_database):
    """The search index is outside the audit chain (an FTS5 table, no trigger): its lines
    deleted with plain SQL, nobody was found by name, and the nurse admitted the patient again.
    The opening reads it against the admissions and rebuilds it, behind the census's busy
    dialog, saying so in the audit log."""
    import threading

    from downtime.services import search

    path = tmp_path / "demo.sqlite"
    db = demo_database(path)
    assert search.search(db, forms, "Lefort")
    db.execute("DELETE FROM patient_search")
    db.close()
    real, on_gui_thread = search.rebuild, []

    def watched(db, forms):
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        return real(db, forms)

    monkeypatch.setattr(search, "rebuild", watched)
    window = app_signed_in(path)
    assert on_gui_thread == [False]
    assert search.search(window.session.db, window.session.forms, "Lefort")
    assert search.index_problem(window.session.db, window.session.forms) is None
    assert window.session.db.execute("SELECT actor FROM audit WHERE action = 'search.rebuild'").fetchall() == [("nurse",)]


def _damaged_after_a_backup(tmp_path, clock, demo_database, truncated=False):
    """The demo database backed up, then damaged: a record altered with plain SQL (tampering), or
    `truncated` to its first 3,000 bytes. The window must never use it and offers the backup.
    Returns the database's path and the backup's."""
    import sqlcipher3

    from downtime.paths import data_dir
    from downtime.storage.backup import make_backup

    path = tmp_path / "demo.sqlite"
    db = demo_database(path)
    backup = make_backup(db, path, None, data_dir() / "backups", clock(), keep=3)
    db.conn.close()
    if truncated:
        path.write_bytes(path.read_bytes()[:3000])
        return path, backup
    conn = sqlcipher3.connect(str(path))
    conn.execute("DROP TRIGGER records_no_update")
    conn.execute("UPDATE records SET data = replace(data, 'Penicillin', 'Paracetamol')")
    conn.commit()
    conn.close()
    return path, backup


def test_a_damaged_database_is_never_used_and_the_newest_backup_is_offered(qtbot, tmp_path, monkeypatch, forms,
                                                                           clock, answers, demo_database):
    from downtime.storage.integrity import check_database

    path, _ = _damaged_after_a_backup(tmp_path, clock, demo_database)
    signed_in: list[str] = []

    def sign_in_as_nurse(dialog):
        result = _sign_in_as_nurse(dialog)
        signed_in.append(dialog.member.staff_id)
        return result

    opened: list[MainWindow] = []
    monkeypatch.setattr(app_module.SignInDialog, "exec", sign_in_as_nurse)
    monkeypatch.setattr(MainWindow, "resume_drafts", lambda self: opened.append(self) or [])
    monkeypatch.setattr(QApplication, "exec", lambda self=None: 0)
    assert app_module.run(path) == 0
    _, asked = answers
    assert ("confirm", "Damaged database") in asked and signed_in == ["nurse", "nurse"]
    (window,) = opened
    qtbot.addWidget(window)
    assert check_database(window.session.db) is None
    assert len(list(tmp_path.glob("demo.sqlite.damaged-*"))) == 1


def test_the_window_asks_to_close_the_other_window_before_restoring(qtbot, tmp_path, monkeypatch, clock, answers,
                                                                    demo_database):
    """The window's restore of a damaged database waits for the other windows of the app on it
    to close: one still open went on saving into the file set aside as damaged."""
    from downtime.storage import open_database

    path, _ = _damaged_after_a_backup(tmp_path, clock, demo_database)
    other_window = open_database(path, create=False)
    other_window.execute("SELECT COUNT(*) FROM records").fetchone()
    monkeypatch.setattr(app_module.SignInDialog, "exec", _sign_in_as_nurse)
    monkeypatch.setattr(QApplication, "exec", lambda self=None: 0)
    assert app_module.run(path) == 0
    _, asked = answers
    assert ("confirm", "Damaged database") in asked
    assert asked[-1][0] == "error" and asked[-1][1].startswith("Close the other Downtime window on this laptop first")
    assert path.exists() and not list(tmp_path.glob("demo.sqlite.damaged-*"))
    assert not list(tmp_path.glob("demo.sqlite.restoring*"))
    other_window.conn.close()


def test_a_restore_in_the_window_is_audited_and_says_what_the_backup_does_not_hold(
        qtbot, tmp_path, monkeypatch, forms, clock, answers, demo_database):
    """The window said only "check the last entries against paper", and nothing in the restored
    database said a restore happened, from which backup, nor who chose it."""
    import json
    from pathlib import Path

    path, backup = _damaged_after_a_backup(tmp_path, clock, demo_database, truncated=True)
    opened: list[MainWindow] = []
    monkeypatch.setattr(app_module.SignInDialog, "exec", _sign_in_as_nurse)
    monkeypatch.setattr(MainWindow, "resume_drafts", lambda self: opened.append(self) or [])
    monkeypatch.setattr(QApplication, "exec", lambda self=None: 0)
    assert app_module.run(path) == 0
    (window,) = opened
    qtbot.addWidget(window)
    _, asked = answers
    (told,) = [text for kind, text in asked if kind == "info"]
    assert (f"{backup.name}, made 28/11/2026 14:00, is now in use. Records saved after 14:00 are not in it: re-type "
            "them from paper; staff accounts and PINs changed after 14:00 are as they were then.") in told
    (actor, detail), = window.session.db.execute("SELECT actor, detail FROM audit WHERE action = 'backup.restored'")
    assert actor == "nurse" and json.loads(detail)["backup"] == str(backup)
    aside = json.loads(detail)["set_aside"]
    assert aside.startswith(f"{path}.damaged-") and Path(aside).is_file()


def test_a_damaged_database_is_given_its_own_backup_not_another_databases_newer_one(app_signed_in, tmp_path, forms,
                                                                                       clock, answers, demo_database):
    """The user data folder's backups are every database's on this laptop (the demo ward's, a
    ward set up again): the one offered in place of a damaged file is its own, never another
    database's newer one, which would have taken the ward's name with its staff's PINs."""
    import sqlcipher3

    from downtime.domain.staff import Role
    from downtime.paths import data_dir
    from downtime.services import staff, unlock
    from downtime.services.context import Session
    from downtime.storage.backup import make_backup

    path = tmp_path / "demo.sqlite"
    db = demo_database(path)
    device_id = db.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone()[0]
    make_backup(db, path, None, data_dir() / "backups", clock(), keep=3)
    db.conn.close()
    clock.advance(minutes=1)
    other, device = unlock.create(tmp_path / "other.sqlite", encrypted=False, device_number=9, device_name="Other",
                                  admin_id="admin", admin_name="Admin", admin_pin="0000", clock=clock)
    admin = Session(other.db, device, staff.sign_in(other.db, "admin", "0000", clock), forms, clock, vault=other)
    staff.add_staff(admin, "nurse", "Other Nurse", Role.WARD_NURSE, "1111")
    make_backup(other.db, other.path, None, data_dir() / "backups", clock(), keep=3)
    conn = sqlcipher3.connect(str(path))
    conn.execute("DROP TRIGGER records_no_update")
    conn.execute("UPDATE records SET data = replace(data, 'Penicillin', 'Paracetamol')")
    conn.commit()
    conn.close()

    window = app_signed_in(path)
    _, asked = answers
    assert ("confirm", "Damaged database") in asked
    assert window.session.device.device_id == device_id


def test_a_damaged_database_is_given_the_newest_sound_backup(app_signed_in, tmp_path, monkeypatch, forms, clock,
                                                             answers, demo_database):
    """A backup can be damaged too (a stick is not a safe place): the one offered is the newest
    that passes the check a database gets before use, and a damaged one is never put in place."""
    import sqlcipher3

    from downtime.paths import data_dir
    from downtime.storage.backup import make_backup
    from downtime.storage.integrity import check_database

    def tamper(file):
        conn = sqlcipher3.connect(str(file))
        conn.execute("DROP TRIGGER records_no_update")
        conn.execute("UPDATE records SET data = replace(data, 'Penicillin', 'Paracetamol')")
        conn.commit()
        conn.close()

    path = tmp_path / "demo.sqlite"
    db = demo_database(path)
    sound = make_backup(db, path, None, data_dir() / "backups", clock(), keep=3)
    clock.advance(minutes=15)
    damaged = make_backup(db, path, None, data_dir() / "backups", clock(), keep=3)
    db.conn.close()
    tamper(damaged)
    tamper(path)

    window = app_signed_in(path)
    _, asked = answers
    assert asked.count(("confirm", "Damaged database")) == 1
    assert check_database(window.session.db) is None
    assert any(sound.name in text and "made 28/11/2026 14:00" in text for kind, text in asked if kind == "info")


def test_a_truncated_database_offers_the_newest_backup(qtbot, tmp_path, monkeypatch, forms, clock, answers, demo_database):
    path, _ = _damaged_after_a_backup(tmp_path, clock, demo_database, truncated=True)

    opened: list[MainWindow] = []
    monkeypatch.setattr(app_module.SignInDialog, "exec", _sign_in_as_nurse)
    monkeypatch.setattr(MainWindow, "resume_drafts", lambda self: opened.append(self) or [])
    monkeypatch.setattr(QApplication, "exec", lambda self=None: 0)
    assert app_module.run(path) == 0
    _, asked = answers
    assert ("confirm", "Damaged database") in asked
    (window,) = opened
    qtbot.addWidget(window)
    assert window.session.user.staff_id == "nurse"


def test_the_sign_in_window_shows_first_then_names_the_database_once_the_app_has_loaded(
        qtbot, tmp_path, monkeypatch, forms, clock, demo_database):
    path = tmp_path / "demo.sqlite"
    demo_database(path)
    seen = {}

    def look(dialog):
        qtbot.addWidget(dialog)
        seen["first"], seen["hint_first"] = dialog.header.text(), not dialog.demo_hint.isHidden()
        with qtbot.waitSignal(dialog.painted):
            dialog.show()
        qtbot.waitUntil(lambda: "encrypted" in dialog.header.text())
        seen["then"], seen["hint_then"] = dialog.header.text(), dialog.demo_hint.isVisible()
        dialog.languages.setCurrentIndex(dialog.languages.findData("fr"))  # it stood in English
        seen["in_french"] = dialog.header.text()
        dialog.languages.setCurrentIndex(dialog.languages.findData("en"))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(app_module.SignInDialog, "exec", look)
    assert app_module.run(path) == 0
    assert seen["first"].endswith("demo.sqlite") and not seen["hint_first"]
    assert seen["then"].endswith("demo.sqlite — NOT encrypted (set up with --unencrypted)") and seen["hint_then"]
    assert seen["in_french"].endswith("demo.sqlite — NON chiffrée (configurée avec --unencrypted)")


def test_the_sign_in_window_shows_before_the_rest_of_the_app_loads(ward_db, db_path):
    """What keeps the cold start close to a bare Qt window (see downtime.bench): up to the
    window's first paint, `downtime --db X` loads neither the database layer, the models, the
    PDFs nor the message dialogs, nor Qt's namespace of enums (30 ms to set up)."""
    import subprocess
    import sys

    code = f"""
import os, sys
from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
LATER = ('sqlite_utils', 'sqlcipher3', 'pydantic', 'reportlab', 'yaml', 'fhir', 'tzlocal', 'xml.etree.ElementTree',
         'downtime.qt.prompts', 'downtime.qt.main_window')
class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched.isWindow():
            print(watched.windowTitle(), sorted(m for m in LATER if m in sys.modules), 'Qt' in QtCore.__dict__)
            sys.stdout.flush(); os._exit(0)
        return False
app = QApplication([]); painted = Painted(); app.installEventFilter(painted)
from downtime.cli import main
main(['--db', {str(db_path)!r}])
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "Downtime — sign in [] False"


def test_the_window_s_options_alone_do_not_build_every_sub_command(monkeypatch):
    """Opening the window builds a parser of its two options only; anything else (a sub-command,
    --help, a mistake) gets the whole command line, whose messages name every command."""
    from downtime import cli

    built: list[bool] = []
    whole = cli.build_parser
    monkeypatch.setattr(cli, "build_parser", lambda lang: built.append(True) or whole(lang))
    args = cli._parse(["--db", "ward.sqlite", "--lang", "fr"])
    assert (args.func, str(args.db), args.lang, built) == (cli.cmd_gui, "ward.sqlite", "fr", [])
    assert cli._parse(["--db", "ward.sqlite", "gui"]).func is cli.cmd_gui and built == [True]
    assert cli._parse(["demo", "--fresh"]).func is cli.cmd_demo and len(built) == 2
    with pytest.raises(SystemExit):
        cli._parse(["--lang", "de"])
    assert len(built) == 3


def test_one_error_box_at_a_time(monkeypatch):
    """An error raised while a box is open (a repaint behind it) goes only to the previous hook."""
    from downtime.qt.prompts import Prompts

    shown, raised = [], []
    hook = app_module.errors_shown(lambda kind, problem, trace: raised.append(problem))

    def box(parent, title, text):
        shown.append(text)
        hook(ValueError, ValueError("raised while the box paints"), None)

    monkeypatch.setattr(Prompts, "error", staticmethod(box))
    hook(KeyError, KeyError("first"), None)
    assert len(shown) == 1 and "'first'" in shown[0] and len(raised) == 2
    hook(ValueError, ValueError("raised while the box paints"), None)
    assert len(shown) == 2 and "raised while the box paints" in shown[1]


def test_a_disk_refusing_an_action_on_the_screen_is_said_not_raised(monkeypatch):
    """A full or removed stick is the person's to fix, met by the system or by SQLite."""
    from downtime.qt.prompts import Prompts

    shown, raised = [], []
    hook = app_module.errors_shown(lambda kind, problem, trace: raised.append(problem))
    monkeypatch.setattr(Prompts, "error", staticmethod(lambda parent, title, text: shown.append((title, text))))
    hook(OSError, OSError(28, "No space left on device", "/media/usb/census.pdf"), None)
    assert shown == [("Not done", "/media/usb/census.pdf: No space left on device")] and raised == []


def test_someone_else_at_the_lock_screen_types_their_pin_once(qtbot, ward_db, db_path, monkeypatch, answers):
    """The doctor who signed in at the nurse's lock screen was shown a second sign-in window."""
    from downtime.qt.sign_in import SignInDialog

    asked, people, windows = [], iter([("nurse", "1111"), ("doctor", "2222")]), []

    def sign_in(dialog):
        who, pin = next(people, ("", ""))
        asked.append(who)
        if not who:
            return QDialog.DialogCode.Rejected
        dialog.staff_id.setText(who)
        dialog.pin.setText(pin)
        dialog.try_sign_in()
        return dialog.result()

    def run_the_window(self=None):
        (shown,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        windows.append(shown.session.user.staff_id)
        shown.idle_timer.timeout.emit()
        return 0

    monkeypatch.setattr(SignInDialog, "exec", sign_in)
    monkeypatch.setattr(MainWindow, "resume_drafts", lambda self: qtbot.addWidget(self) or [])
    monkeypatch.setattr(QApplication, "exec", run_the_window)
    ward_db.conn.close()
    app_module.run(db_path)
    assert asked == ["nurse", "doctor"] and windows == ["nurse"]
    (doctors,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    assert doctors.session.user.staff_id == "doctor"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_toolbar_shows_every_action_on_the_wards_screen(laptop_window, session_for, answers, lang):
    """At 1340 pixels the bar hid Sign out and half its actions behind a chevron (French most):
    it carries short words, the menus and tooltips the whole text."""
    from PySide6.QtWidgets import QToolBar, QToolButton

    window = laptop_window(session_for("nurse", lang), 1340, 740)
    bar = window.findChild(QToolBar)
    assert not bar.findChild(QToolButton, "qt_toolbar_ext_button").isVisible()
    sign_out = window.actions_by_id["sign_out"]
    assert sign_out in bar.actions() and bar.widgetForAction(sign_out).isVisible()
    assert window.actions_by_id["mar"].toolTip() == ("Medication chart (MAR)" if lang == "en" else
                                                     "Plan d’administration")


@pytest.mark.parametrize("encrypted", [True, False])
def test_the_sign_in_window_names_the_laptop_and_its_ward_before_the_pin(qtbot, tmp_path, monkeypatch, forms, clock,
                                                                         encrypted):
    """A nurse picking up one of the station's laptops, or one lent from another ward, saw the
    database's file name until she had signed in: the window now says which laptop and whose
    ward it is, an encrypted database's too (it cannot be read before a PIN), and follows an
    administrator's correction of either at the next start."""
    from downtime.services import settings, setup, unlock, wards
    from downtime.services.context import Session, load_device

    path = tmp_path / "ward.sqlite"
    vault, _ = unlock.create(path, encrypted=encrypted, device_number=7, device_name="3B station 2", admin_id="boss",
                             admin_name="Anne Boss", admin_pin="4321", clock=clock)
    admin = Session(vault.db, load_device(vault.db), unlock.confirm_pin(vault.db, "boss", "4321", clock), forms,
                    clock, vault=vault)
    wards.add_ward(admin, "3B", "Medicine", ["1", "2"])
    settings.set_laptop_ward(admin, "3B")
    shown: list[str] = []

    def look(dialog):
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.painted):
            dialog.show()
        qtbot.waitUntil(lambda: "crypted" in dialog.header.text())
        assert dialog.laptop.isVisible() and dialog.laptop.width() >= dialog.laptop.sizeHint().width()
        shown.append(dialog.laptop.accessibleName())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(app_module.SignInDialog, "exec", look)
    assert app_module.run(path) == 0
    settings.set_laptop_ward(admin, "")  # lent to the records office
    assert app_module.run(path) == 0
    setup.change_device(admin, name="Records office laptop")
    assert app_module.run(path) == 0
    assert shown == ["Laptop 3B station 2 — ward 3B", "Laptop 3B station 2 — all wards",
                     "Records office laptop — all wards"]


def test_a_broken_form_at_the_start_is_said_as_such_and_the_app_closes(qtbot, tmp_path, monkeypatch, forms, clock,
                                                                        answers, demo_database):
    """IT broke one form file: the sign-in window said "Downtime met an error it did not expect … check
    whether what you just did was saved", stayed up, and vanished after the PIN. Now the forms' problems
    are said as such, with the list for IT, and the app closes before anyone signs in."""
    import shutil

    from downtime import paths

    path = tmp_path / "demo.sqlite"
    demo_database(path)
    broken = tmp_path / "forms"
    shutil.copytree(paths.forms_dir(), broken)
    transfer = broken / "transfer.yaml"
    transfer.write_text(transfer.read_text(encoding="utf-8").replace("kind: text", "kind: txt", 1), encoding="utf-8")
    monkeypatch.setattr(paths, "forms_dir", lambda: broken)
    ended: list[QDialog.DialogCode] = []

    def look(dialog):
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.rejected):  # once on screen, the rest of the app loads behind it
            dialog.show()
        ended.append(dialog.result())
        return dialog.result()

    monkeypatch.setattr(app_module.SignInDialog, "exec", look)
    assert app_module.run(path, "en") == 0
    assert ended == [QDialog.DialogCode.Rejected]
    _, asked = answers
    (said,) = [text for kind, text in asked if kind == "error"]
    assert said.startswith("Downtime cannot start: the form definitions on this laptop have problems")
    assert "transfer.yaml" in said and "'txt'" in said
