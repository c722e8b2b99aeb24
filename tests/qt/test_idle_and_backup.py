"""A shared laptop left alone locks itself without losing the form being typed, and the
window backs the database up automatically, showing the backup's age in the banner."""

import shiboken6
import threading
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from downtime.errors import DISK_FULL, READ_ONLY_FILE
from downtime.i18n import QT_TRANSLATE_NOOP
from downtime.paths import data_dir
from downtime.qt.work import Work
from downtime.qt.sign_in import SignInDialog
from downtime.services import records, staff
from downtime.storage.backup import BackupError


def _sign_in_as(staff_id, pin, seen):
    def exec_(dialog):
        seen.append(dialog.parent().centralWidget().isHidden())
        dialog.staff_id.setText(staff_id)
        dialog.pin.setText(pin)
        dialog.try_sign_in()
        return dialog.result()
    return exec_


@pytest.mark.parametrize("typed", ["nurse", "NURSE "])  # Caps Lock on: "unknown staff ID", her forms closed
def test_idle_lock_hides_the_data_and_the_same_nurse_carries_on(window, monkeypatch, type_text, typed):
    view = window.new_admission()
    type_text(view.editors["birth_name"].edit, "Lefèvre")
    seen: list[bool] = []
    monkeypatch.setattr(SignInDialog, "exec", _sign_in_as(typed, "1111", seen))
    assert window.idle_timer.interval() == 5 * 60_000
    window.idle_timer.timeout.emit()
    assert seen == [True]
    assert not window.centralWidget().isHidden() and window.idle_timer.isActive()
    assert view.editors["birth_name"].raw() == "Lefèvre"


def test_the_toolbar_is_greyed_out_and_inert_under_the_lock_screen_then_back(window, monkeypatch, qtbot):
    """The menus went grey under the lock screen but the toolbar stayed live: whoever walked up
    saw buttons to click (New admission, Medication round) under a locked laptop's dialog."""
    from PySide6.QtWidgets import QToolBar, QToolButton

    def buttons():
        return [button for bar in window.findChildren(QToolBar) for button in bar.findChildren(QToolButton)
                if button.isVisible() and button.defaultAction() is not None]

    seen: list[list[bool]] = []

    def look_then_sign_in(dialog):
        seen.append([button.isEnabled() for button in buttons()])
        round_button = next(button for button in buttons() if button.text() == "Medication round")
        qtbot.mouseClick(round_button, Qt.MouseButton.LeftButton)
        seen.append(window.tabs.tabText(window.tabs.currentIndex()))
        return _sign_in_as("nurse", "1111", [])(dialog)

    monkeypatch.setattr(SignInDialog, "exec", look_then_sign_in)
    shown = window.tabs.tabText(window.tabs.currentIndex())
    assert shown != "Medication round"
    window.idle_timer.timeout.emit()
    greyed, shown_then = seen
    assert greyed and not any(greyed)
    assert shown_then == shown, "a click on a locked window's toolbar opens nothing"
    assert all(button.isEnabled() for button in buttons())


def test_someone_else_signing_in_closes_the_first_persons_window(window, monkeypatch, type_text):
    view = window.new_admission()
    type_text(view.editors["birth_name"].edit, "Roux")
    view._changed()
    closed: list[bool] = []
    window._signed_out = lambda signed_in: closed.append(True)
    monkeypatch.setattr(SignInDialog, "exec", _sign_in_as("doctor", "2222", []))
    window.idle_timer.timeout.emit()
    assert closed == [True] and not window.isVisible()


def test_a_closed_window_never_locks_later(window):
    """Its idle countdown stops with it (a leftover timer once signed someone out minutes later)."""
    assert window.idle_timer.isActive()
    window.close()
    assert not window.idle_timer.isActive()


def test_a_refused_sign_in_leaves_it_locked_out(window, monkeypatch):
    monkeypatch.setattr(SignInDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    closed: list[bool] = []
    window._signed_out = lambda signed_in: closed.append(True)
    window.idle_timer.timeout.emit()
    assert closed == [True]


@pytest.fixture
def on_gui_thread(monkeypatch):
    """For each backup copy made, whether it was made on the GUI thread."""
    import downtime.services.backups as backups

    made_on: list[bool] = []
    real = backups.make_backup

    def watched(*args, **kwargs):
        made_on.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(backups, "make_backup", watched)
    return made_on


def test_saving_backs_up_automatically_off_the_gui_thread_and_the_banner_says_when(window, qtbot, admission_values,
                                                                                   on_gui_thread):
    """The copy is made on a thread of its own: a records office's 2 GB took 75 s, the window
    frozen, every 15 minutes of work."""
    assert "No backup yet" in window.banner.backup.text()
    records.save_new(window.session, "admission", admission_values)
    qtbot.waitUntil(lambda: bool(on_gui_thread) and not Work.running, timeout=30_000)
    assert on_gui_thread == [False] and "Last backup: 0 min ago" in window.banner.backup.text()
    assert len(list((data_dir() / "backups").glob("downtime-backup-*.sqlite"))) == 1


@pytest.fixture
def full_stick(monkeypatch):
    """Every backup copy refused as by a full stick; call the result to give the stick room again."""
    import downtime.services.backups as backups

    def refused(*args, **kwargs):
        raise BackupError(QT_TRANSLATE_NOOP("messages", "backup to {folder} failed: {problem} (is the USB stick full or removed?)"),
                          folder="/media/usb", problem="database or disk is full")

    working = backups.make_backup
    monkeypatch.setattr(backups, "make_backup", refused)
    return lambda: monkeypatch.setattr(backups, "make_backup", working)


def test_a_backup_failing_off_the_gui_thread_shows_in_the_banner(window, qtbot, admission_values, full_stick):
    records.save_new(window.session, "admission", admission_values)
    qtbot.waitUntil(lambda: "BACKUP FAILED" in window.banner.backup.text(), timeout=30_000)
    problem = window.banner.backup_problem
    assert problem.isVisible() and "backup to /media/usb failed: database or disk is full" in problem.text()
    window.banner.tick()  # the clock reads 14:00:00: the minute's refresh of the backup's age
    assert "BACKUP FAILED" in window.banner.backup.text() and problem.isVisible()
    full_stick()  # room again
    window.back_up("manual")
    qtbot.waitUntil(lambda: not Work.running, timeout=30_000)
    assert "Last backup: 0 min ago" in window.banner.backup.text() and not problem.isVisible()


def test_a_failed_backup_is_not_tried_again_at_each_save_but_two_minutes_on(window, qtbot, admission_values, full_stick,
                                                                          monkeypatch, clock):
    """A full or removed stick: each save on the ward started a copy of the whole database
    that failed. The banner keeps saying why until the next try, two minutes on."""
    from PySide6.QtWidgets import QApplication

    from downtime.services import backups

    started: list[str] = []
    begin = backups.begin_backup
    monkeypatch.setattr(backups, "begin_backup", lambda session, reason: started.append(reason) or begin(session, reason))
    records.save_new(window.session, "admission", admission_values)
    qtbot.waitUntil(lambda: "BACKUP FAILED" in window.banner.backup.text() and not Work.running, timeout=30_000)
    clock.advance(minutes=1)
    records.save_new(window.session, "admission", admission_values | {"bed": "14", "nir": None})
    QApplication.processEvents()
    assert started == ["automatic"] and "BACKUP FAILED" in window.banner.backup.text()
    full_stick()  # room again
    clock.advance(minutes=1)
    records.save_new(window.session, "admission", admission_values | {"bed": "15", "nir": None})
    qtbot.waitUntil(lambda: "Last backup: 0 min ago" in window.banner.backup.text() and not Work.running,
                    timeout=30_000)
    assert started == ["automatic", "automatic"]


def test_a_backup_that_failed_at_sign_out_is_not_shown_as_made_to_the_next_person(window, qtbot, full_stick,
                                                                                 session_for):
    """The stick was full at sign-out: the next person's banner read "Last backup: 0 min ago"."""
    from downtime.qt.banner import Banner

    window.back_up("sign-out")
    qtbot.waitUntil(lambda: "BACKUP FAILED" in window.banner.backup.text() and not Work.running, timeout=30_000)
    following = Banner(session_for("doctor"))
    qtbot.addWidget(following)
    assert "No backup yet" in following.backup.text()


def test_no_automatic_backup_starts_while_long_work_runs_and_the_next_save_makes_it(window, qtbot, admission_values,
                                                                                    on_gui_thread):
    """An import holds the write lock for minutes: the backup's audit entry would wait for it,
    the window frozen. The backup stays due."""
    release = threading.Event()
    Work(window.session, lambda own, progress: release.wait(30)).begin()
    records.save_new(window.session, "admission", admission_values)
    qtbot.wait(200)
    assert on_gui_thread == [] and "No backup yet" in window.banner.backup.text()
    release.set()
    qtbot.waitUntil(lambda: not Work.running, timeout=30_000)
    records.save_new(window.session, "admission", admission_values | {"bed": "14", "nir": None})
    qtbot.waitUntil(lambda: bool(on_gui_thread) and not Work.running, timeout=30_000)
    assert "Last backup: 0 min ago" in window.banner.backup.text()


def test_a_database_too_busy_to_audit_a_backup_shows_in_the_banner(window, qtbot, monkeypatch):
    """Another writer holding the database past the wait (5 s, on the copy's thread; a tenth of a
    second here) is a failed backup to retry, said in the banner like a full stick, not an error
    raised at the person, and not counted as made."""
    from downtime.services import backups
    from downtime.storage import connection

    monkeypatch.setattr(connection, "BUSY_WAIT_MS", 100)
    other = window.session.own_connection()()
    other.db.execute("BEGIN IMMEDIATE")
    try:
        window.back_up("manual")
        qtbot.waitUntil(lambda: not Work.running, timeout=30_000)
    finally:
        other.db.execute("ROLLBACK")
        other.db.close()
    assert "BACKUP FAILED" in window.banner.backup.text() and "the database is busy" in window.banner.backup_problem.text()
    assert window.banner.sizeHint().width() < 1024, "a long reason wraps instead of widening the window"
    assert backups.last_backup(window.session.db) is None


def test_text_size_and_high_contrast_from_the_view_menu_are_kept_for_the_laptop(window):
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    from downtime.qt import style

    app = QApplication.instance()
    before = app.font(), app.palette(), app.styleSheet()
    try:
        window.actions_by_id["larger_text"].trigger()
        window.actions_by_id["larger_text"].trigger()
        assert app.font().pointSize() == 14 and style.text_size() == 14
        window.actions_by_id["smaller_text"].trigger()
        assert app.font().pointSize() == 12
        window.actions_by_id["high_contrast"].trigger()
        assert app.palette().color(QPalette.ColorRole.Window).name() == "#000000"
        assert app.palette().color(QPalette.ColorRole.Text).name() == "#ffffff" and style.high_contrast()
        assert (data_dir() / "view.ini").exists()
        (data_dir() / "view.ini").unlink()
        style.apply_style(app)
        assert app.font().pointSize() == 11 and app.palette().color(QPalette.ColorRole.Window).name() != "#000000"
    finally:
        app.setFont(before[0])
        app.setPalette(before[1])
        app.setStyleSheet(before[2])


def test_a_last_backup_failing_as_the_window_closes_is_told(window, full_stick, answers):
    """Said in the banner of a window closing, it was said to nobody: the nurse in charge took
    the laptop away believing it backed up."""
    _, asked = answers
    window.close()
    assert asked == [("error", "The backup made on closing failed: backup to /media/usb failed: database or disk is "
                               "full (is the USB stick full or removed?)\n\nWhat was recorded is kept on this laptop. "
                               "Put the USB stick right, then open the app and close it again to back it up.")]


def test_a_window_with_no_database_file_tries_no_backup_as_it_closes(qtbot, session_for, answers):
    """A records office's window on a connection alone (no file of its own to copy) has nothing
    to back up: closing it said "no database file to back up" as a failed last backup."""
    from dataclasses import replace

    from downtime.qt.main_window import MainWindow

    window = MainWindow(replace(session_for("records"), vault=None))
    qtbot.addWidget(window)
    window.close()
    assert answers[1] == []


def test_closing_the_window_waits_for_its_last_backup_made_off_the_gui_thread(window, on_gui_thread):
    """At exit the app must not end before its last backup; the window keeps painting (a busy
    dialog if it takes a while) rather than freezing for the minute a large database takes."""
    window.close()
    assert on_gui_thread == [False] and not Work.holding_the_database()
    assert len(list((data_dir() / "backups").glob("downtime-backup-*.sqlite"))) == 1


def test_the_lock_hides_every_window_showing_a_patient_and_gives_them_back(window, monkeypatch, admission_values):
    """A print preview is a window of its own: it stayed on screen, the patient's admission in
    it, while the app was locked."""
    from PySide6.QtWidgets import QApplication

    from downtime.qt.form_view import FormView
    from downtime.qt.print_preview import PrintPreview

    saved = records.save_new(window.session, "admission", admission_values)
    window.open_form(FormView(window.session, window.session.form("admission"), record=saved)).print_record()
    (preview,) = [shown for shown in QApplication.topLevelWidgets() if isinstance(shown, PrintPreview) and shown.isVisible()]
    while_locked: list[bool] = []

    def sign_in(dialog):
        while_locked.append(preview.isVisible())
        return _sign_in_as("nurse", "1111", [])(dialog)

    monkeypatch.setattr(SignInDialog, "exec", sign_in)
    window.idle_timer.timeout.emit()
    assert while_locked == [False] and preview.isVisible()


def test_a_person_deactivated_while_signed_in_is_signed_out_at_their_next_click(window, qtbot, session_for, answers,
                                                                                 type_text):
    """An administrator deactivated the nurse's account (at another window of the app, or with
    `downtime staff deactivate`) while she was signed in: her window went on recording."""
    _, asked = answers
    view = window.new_admission()
    type_text(view.editors["birth_name"].edit, "Roux")
    signed_out: list[object] = []
    window._signed_out = signed_out.append
    staff.deactivate_staff(session_for("admin"), "nurse")
    qtbot.mouseClick(view.editors["given_names"].edit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: signed_out == [None])
    assert not window.isVisible()
    assert asked == [("error", "Hélène Lefèvre's account has been deactivated by an administrator: nothing was "
                               "recorded. Sign in with an active account.")]


def _dose_being_typed(window, qtbot, type_text):
    """The round's first dose (amoxicillin 08:00) opened from the keyboard, its site typed."""
    from PySide6.QtTest import QTest

    window.show_round()
    QTest.keyClick(window.medication.table, Qt.Key.Key_Return)
    dialog = window.medication.dialog
    qtbot.waitActive(dialog)
    dialog.site.setFocus()
    type_text(dialog.site, "Avant-bras gauche, côté")
    return dialog


def test_a_dose_being_typed_when_someone_else_signs_in_is_kept_for_its_nurse_not_recorded(
        medication_ward, window, monkeypatch, qtbot, type_text, session_for, clock, reason_box):
    """The dose dialog was closed with the first nurse's window: what she typed was lost, and
    nothing told her the dose was not recorded. It is kept as her draft, as a form is, and
    offered again at her next sign-in, saying it is not recorded yet."""
    from downtime.qt.dose_dialog import DoseDialog
    from downtime.qt.main_window import MainWindow
    from downtime.services import drafts, medication

    patient, amox, _ = medication_ward
    dialog = _dose_being_typed(window, qtbot, type_text)
    typed_at = dialog.given_at.text()
    window._signed_out = lambda signed_in: None
    monkeypatch.setattr(SignInDialog, "exec", _sign_in_as("doctor", "2222", []))
    clock.advance(minutes=20)
    window.idle_timer.timeout.emit()
    assert not dialog.isVisible() and not window.isVisible()
    assert medication.administrations(window.session.db, patient) == []
    assert drafts.drafts_of(session_for("doctor")) == []
    again = MainWindow(session_for("nurse"))
    qtbot.addWidget(again)
    again.show()
    (resumed,) = again.resume_drafts()
    assert isinstance(resumed, DoseDialog) and resumed.isVisible()
    assert resumed.order.record_id == amox and resumed.slot == dialog.slot
    assert (resumed.site.text(), resumed.given_at.text()) == ("Avant-bras gauche, côté", typed_at)
    assert "NOT RECORDED" in resumed.resumed.text()
    resumed.save()
    type_text(reason_box(resumed, medication.Check.ALLERGY), "Tolerated amoxicillin in 2024")
    type_text(reason_box(resumed, medication.Check.DOSE_SPACING), "14:00 dose moved to 18:00")  # 08:00's, at 14:20
    resumed.save()
    (dose,) = medication.administrations(again.session.db, patient)
    assert f"{dose.at:%d/%m/%Y %H:%M}" == typed_at and dose.scheduled_for == dialog.slot
    assert drafts.drafts_of(again.session) == []


def test_a_dose_draft_whose_dose_was_recorded_since_says_so_and_is_discarded_at_a_click(
        medication_ward, window, qtbot, type_text, session_for, clock):
    """She recorded the dose again from the round instead of reopening her draft: at her next
    sign-in the draft came back saying only "not recorded yet", and Save warned "already
    given". It now says who recorded that dose and when, and offers to discard the draft."""
    from downtime.qt.main_window import MainWindow
    from downtime.services import drafts, medication

    patient, amox, _ = medication_ward
    dialog = _dose_being_typed(window, qtbot, type_text)
    dialog.hand_over()
    clock.advance(minutes=10)
    nurse = session_for("nurse")
    medication.record_dose(nurse, amox, {"outcome": "given", "given_at": nurse.clock().isoformat(timespec="minutes"),
                                         "scheduled_for": dialog.slot.isoformat(timespec="minutes"),
                                         "dose_given": 1.0, "route": "IV"},
                           overrides={medication.Check.ALLERGY: "Tolerated amoxicillin in 2024",
                                      medication.Check.DOSE_SPACING: "14:00 dose moved to 18:00"})
    again = MainWindow(session_for("nurse"))
    qtbot.addWidget(again)
    again.show()
    (resumed,) = again.resume_drafts()
    said = resumed.resumed.text()
    assert "ALREADY RECORDED" in said and "NOT RECORDED" not in said
    assert f"{dialog.slot:%H:%M} dose was recorded as given at {clock():%d/%m %H:%M} by Hélène Lefèvre (nurse)" in said
    assert resumed.discard.isVisible() and not resumed.discard.autoDefault(), "Enter never discards"
    qtbot.mouseClick(resumed.discard, Qt.MouseButton.LeftButton)
    assert not resumed.isVisible() and drafts.drafts_of(again.session) == []
    assert len(medication.administrations(again.session.db, patient)) == 1


def test_a_dose_cancelled_by_its_nurse_leaves_no_draft(medication_ward, window, qtbot, type_text):
    from PySide6.QtTest import QTest

    from downtime.services import drafts

    dialog = _dose_being_typed(window, qtbot, type_text)
    assert [draft.form_id for draft in drafts.drafts_of(window.session)] == ["medication_administration"]
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and drafts.drafts_of(window.session) == []


def test_a_dose_being_typed_by_a_person_deactivated_meanwhile_stays_their_draft(medication_ward, window, qtbot,
                                                                                 type_text, session_for):
    """Signed out at their next click, as their forms are: the dose dialog closed as at a cancel
    would take what they typed with it."""
    dialog = _dose_being_typed(window, qtbot, type_text)
    signed_out: list[object] = []
    window._signed_out = signed_out.append
    staff.deactivate_staff(session_for("admin"), "nurse")
    qtbot.mouseClick(dialog.dose, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: signed_out == [None])
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()  # closed, and deleted once events ran
    (kept,) = window.session.db.query("SELECT form_id, data FROM drafts WHERE author = 'nurse'")
    assert kept["form_id"] == "medication_administration" and "Avant-bras gauche" in kept["data"]


def test_an_amendment_of_a_dose_left_unsaved_reopens_as_its_form(medication_ward, window, session_for, qtbot):
    """A recorded dose's amendment (its site, say) is a form's draft of the dose's form: taken
    for a dose dialog's, reopening it stopped the sign-in with an error."""
    from downtime.qt.form_view import FormView
    from downtime.qt.main_window import MainWindow
    from downtime.services import medication

    _, amox, _ = medication_ward
    nurse = session_for("nurse")
    dose = medication.record_dose(nurse, amox, {"outcome": "not_given", "not_given_reason": "refused",
                                                "given_at": nurse.clock().isoformat(timespec="minutes")})
    view = window.open_record(dose)
    view.start_amend()
    view.editors["not_given_detail"].set_raw("Refused twice, doctor told")
    view._changed()
    again = MainWindow(session_for("nurse"))
    qtbot.addWidget(again)
    (resumed,) = again.resume_drafts()
    assert isinstance(resumed, FormView) and resumed.record.record_id == dose.record_id
    assert resumed.editors["not_given_detail"].raw() == "Refused twice, doctor told"


@pytest.mark.parametrize("with_form", [False, True])
def test_the_sign_in_prompt_names_a_dose_draft_recorded_since_as_already_recorded_not_unsaved(
        medication_ward, window, monkeypatch, qtbot, type_text, session_for, clock, with_form):
    """A dose draft whose dose was recorded since (by her, again from the round) was counted
    at her next sign-in among "unsaved form(s) or dose(s) ... not recorded", while the dose
    dialog it reopened said "ALREADY RECORDED". It is counted apart, as already recorded."""
    from downtime.qt.main_window import MainWindow
    from downtime.qt.prompts import Prompts
    from downtime.services import drafts, medication

    _, amox, _ = medication_ward
    dialog = _dose_being_typed(window, qtbot, type_text)
    dialog.hand_over()
    nurse = session_for("nurse")
    if with_form:
        drafts.save_draft(nurse, "admission-typed", "admission", {"birth_name": "Roux"})
    medication.record_dose(nurse, amox, {"outcome": "given", "given_at": nurse.clock().isoformat(timespec="minutes"),
                                         "scheduled_for": dialog.slot.isoformat(timespec="minutes"),
                                         "dose_given": 1.0, "route": "IV"},
                           overrides={medication.Check.ALLERGY: "Tolerated amoxicillin in 2024",
                                      medication.Check.DOSE_SPACING: "14:00 dose moved to 18:00"})
    said: list[str] = []
    monkeypatch.setattr(Prompts, "confirm", staticmethod(lambda parent, title, text: said.append(text) or False))
    again = MainWindow(session_for("nurse"))
    qtbot.addWidget(again)
    again.resume_drafts()
    (asked,) = said
    if with_form:
        assert asked.startswith("You have 1 unsaved form(s) or dose(s) from earlier, not recorded, and 1 dose "
                                "draft(s) whose dose has been recorded since")
    else:
        assert "unsaved" not in asked and "not recorded" not in asked
        assert asked.startswith("You have 1 dose draft(s) from earlier whose dose has been recorded since")


def test_a_dose_draft_recorded_since_on_another_laptop_names_that_laptops_nurse_by_name_and_laptop(
        doses_from_laptop_1, qtbot, type_text, answers):
    """Laptop 2's nurse typed the 08:00 paracetamol that laptop 1's nurse gave (its records
    since carried here): her draft came back saying it was recorded "by Nurse (nurse)", herself
    by laptop 2's staff list (staff IDs are each laptop's own)."""
    from datetime import datetime

    from downtime.qt.dose_dialog import DoseDialog
    from downtime.qt.main_window import MainWindow
    from downtime.services import medication

    _, paracetamol, _, _, nurse = doses_from_laptop_1
    dialog = DoseDialog(nurse, medication.order(nurse.db, paracetamol), datetime.fromisoformat("2026-11-28T08:00+01:00"))
    qtbot.addWidget(dialog)
    type_text(dialog.site, "left arm")
    dialog.hand_over()
    again = MainWindow(nurse)
    qtbot.addWidget(again)
    again.show()
    (resumed,) = again.resume_drafts()
    assert "the 08:00 dose was recorded as given at 28/11 08:05 by Nurse (nurse, laptop 001)" in resumed.resumed.text()


def test_a_database_its_full_disk_lets_only_read_says_so_in_the_banner(session_for, db_path, disk_full, qtbot):
    """Opened for reading only, the window looked as usual, and the ward learnt it could not
    record only at its first save."""
    from dataclasses import replace

    from downtime.qt.banner import Banner
    from downtime.storage import open_database

    writable = Banner(session_for("nurse"))
    qtbot.addWidget(writable)
    assert writable.read_only.isHidden()
    shown = Banner(replace(session_for("nurse"), db=open_database(db_path, create=False)))
    qtbot.addWidget(shown)
    assert not shown.read_only.isHidden()
    assert shown.read_only.text() == "The disk is full: you can read and print, not record. Free space or move the database."


def _back_an_hour_later(clock, staff_id, pin):
    """The lock screen's sign-in, an hour after the dialog's PINs were typed: the laptop locked
    five idle minutes after them, and its nurse came back 55 minutes after that."""
    sign_in = _sign_in_as(staff_id, pin, [])

    def exec_(dialog):
        clock.advance(minutes=55)
        return sign_in(dialog)
    return exec_


def test_the_lock_clears_a_doses_pins_and_stops_its_time_where_it_stood(night, window, monkeypatch, qtbot,
                                                                        type_text, clock):
    """Noémie gave the morphine at 14:00 and typed her PIN as its giver, Dr Benali his as its
    witness; both left, the laptop locked, and Hélène signed in again at 15:00: Save recorded the
    dose, and its register line, at 15:00, signed with PINs typed at 14:00 by two people gone
    (the next as-required dose allowed an hour late). The lock clears the PINs, the time filled
    in stays as it stood, said, and each signs again."""
    from downtime.qt.dose_dialog import DoseDialog
    from downtime.services import cd_register, medication

    _, _, morphine = night
    cd_register.cd_receive(window.session, "3B", "Morphine", "mg", 20, witness=("doctor", "2222"))
    dialog = DoseDialog(window.session, medication.order(window.session.db, morphine), None, window)
    dialog.show()
    qtbot.waitExposed(dialog)
    type_text(dialog.given_for, "pain 7/10")
    dialog.given_by.setCurrentIndex(dialog.given_by.findData("night"))
    type_text(dialog.giver_pin, "5555")
    type_text(dialog.witness_id, "doctor")
    type_text(dialog.witness_pin, "2222")
    monkeypatch.setattr(SignInDialog, "exec", _back_an_hour_later(clock, "nurse", "1111"))
    clock.advance(minutes=5)
    window.idle_timer.timeout.emit()
    assert dialog.isVisible() and clock() == datetime.fromisoformat("2026-11-28T15:00+01:00")
    assert (dialog.giver_pin.text(), dialog.witness_id.text(), dialog.witness_pin.text()) == ("", "doctor", "")
    assert dialog.given_at.text() == "28/11/2026 14:00"
    assert dialog.timing.text() == ("THE LAPTOP LOCKED AT 28/11 14:05: the actual time stays as filled in before it. "
                                    "Correct it to the time the dose was given, or to now if it is given now.")
    assert dialog.timing.isVisible()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "Controlled drug: a second staff member must witness with their own PIN."
    type_text(dialog.witness_pin, "2222")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == ("Given by (if not you): given by Noémie Faure, who confirms it with their own PIN, as the giver of a "
                                   "controlled drug or a high-alert medicine does.")
    type_text(dialog.giver_pin, "5555")
    with qtbot.waitSignal(dialog.recorded) as recorded:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = recorded.args[0]
    assert (saved.data["given_at"], saved.data["given_by"], saved.data["witness"]) == (
        "2026-11-28T14:00+01:00", "night", "doctor")
    (line,) = [line for line in cd_register.cd_lines(window.session.db, window.session.forms, "3B", "Morphine", "mg")
               if line.record_id == saved.record_id]
    assert line.given_at == datetime.fromisoformat("2026-11-28T14:00+01:00")


def test_a_time_typed_before_the_lock_is_kept_and_nothing_said_of_it(medication_ward, window, monkeypatch, qtbot,
                                                                     type_text, clock):
    from downtime.qt.dose_dialog import DoseDialog
    from downtime.services import medication

    _, _, morphine = medication_ward
    dialog = DoseDialog(window.session, medication.order(window.session.db, morphine), None, window)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.given_at.clear()
    type_text(dialog.given_at, "28/11/2026 13:50")
    monkeypatch.setattr(SignInDialog, "exec", _back_an_hour_later(clock, "nurse", "1111"))
    window.idle_timer.timeout.emit()
    assert dialog.given_at.text() == "28/11/2026 13:50" and dialog.timing.text() == ""
    assert dialog.values()["given_at"] == "2026-11-28T13:50+01:00"


def test_the_lock_clears_the_witness_pin_of_a_register_count(medication_ward, window, monkeypatch, qtbot, type_text,
                                                             clock):
    """The cupboard's count, its witness's PIN typed, left unsaved when the laptop locked: Save
    an hour later wrote the count as witnessed by someone gone."""
    from downtime.services import cd_register

    cd_register.cd_receive(window.session, "3B", "Morphine", "mg", 20, witness=("doctor", "2222"))
    window.show_cd_register()
    entry = window.cd_register.enter(counted=True)
    qtbot.waitExposed(entry)
    entry.drug.setCurrentText("Morphine")
    type_text(entry.quantity, "20")
    type_text(entry.witness_id, "doctor")
    type_text(entry.witness_pin, "2222")
    monkeypatch.setattr(SignInDialog, "exec", _back_an_hour_later(clock, "nurse", "1111"))
    window.idle_timer.timeout.emit()
    assert entry.isVisible() and entry.witness_pin.text() == ""
    assert entry.save() is None and entry.error.text() == (
        "Controlled drug: a second staff member must witness with their own PIN.")
    assert [line.kind for line in cd_register.cd_lines(window.session.db, window.session.forms, "3B", "Morphine",
                                                       "mg")] == ["receipt"]


@pytest.mark.parametrize(("cause", "said"), [(DISK_FULL, "the laptop's disk is full"),
                                             (READ_ONLY_FILE, "the database's folder cannot be written to")])
def test_a_backup_whose_audit_entry_the_database_refused_says_why_in_the_banner(window, qtbot, monkeypatch, cause,
                                                                               said):
    """Made and checked on the stick, its audit entry refused by a database opened only for
    reading: the banner said BACKUP FAILED, "Not done: the disk is full. Nothing was
    half-written", and staff swapped a stick that had room; then, the database on a
    write-protected stick, it said the laptop's disk was full, and they looked for space on a
    disk that had plenty."""
    import downtime.storage as storage

    opening = storage.open_database

    def only_for_reading(*args, **kwargs):  # as open_database opens it then
        db = opening(*args, **kwargs)
        db.read_only = cause
        return db

    monkeypatch.setattr(storage, "open_database", only_for_reading)
    window.session.db.read_only = cause
    window.back_up("manual")
    qtbot.waitUntil(lambda: not Work.running, timeout=30_000)
    problem = window.banner.backup_problem
    assert "Last backup: 0 min ago" in window.banner.backup.text() and problem.isVisible()
    assert problem.text() == f"The last backup was made, but {said}: it is not written in the audit log."
