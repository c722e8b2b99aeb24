"""An administrator adds an agency nurse's account, a ward and its beds, and changes the ward's
settings from the app, with no terminal; each refusal says why and writes nothing."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from downtime.domain.roles import Role
from downtime.qt.main_window import MainWindow
from downtime.services import records, settings, staff, wards
from downtime.services.context import load_device
from downtime.services.errors import SignInError


@pytest.fixture
def admin_window(qtbot, session_for, answers):
    window = MainWindow(session_for("admin"))
    qtbot.addWidget(window)
    assert window.admin is not None
    window.tabs.setCurrentWidget(window.admin)
    return window


def test_an_agency_nurse_gets_an_account_that_signs_in_and_is_later_deactivated(admin_window, type_text, answers,
                                                                               clock):
    panel = admin_window.admin
    db = admin_window.session.db
    for edit, typed in ((panel.staff_id, "agency1"), (panel.staff_name, "Inès Ayadi"), (panel.pin, "482913"),
                        (panel.pin_again, "482914")):
        type_text(edit, typed)
    panel.role.setCurrentIndex(panel.role.findData(Role.WARD_NURSE))
    QTest.keyClick(panel.add_staff_button, Qt.Key.Key_Space)
    assert panel.error.text() == "PIN: the two PINs typed differ; type them again." and panel.pin.text() == ""
    assert "agency1" not in {member.staff_id for member in staff.list_staff(db)}
    type_text(panel.pin, "482913")
    type_text(panel.pin_again, "482913")
    QTest.keyClick(panel.add_staff_button, Qt.Key.Key_Space)
    assert panel.said.text() == "Account agency1 added for Inès Ayadi: they sign in with their PIN."
    assert staff.sign_in(db, "agency1", "482913", clock).role is Role.WARD_NURSE
    row = next(row for row in range(panel.staff.rowCount()) if panel.staff.text(row, 0) == "agency1")
    assert panel.staff.texts(row)[2:] == ("ward nurse", "active")
    panel.staff_table.selectRow(row)
    QTest.keyClick(panel.deactivate_button, Qt.Key.Key_Space)
    assert ("confirm", "Deactivate an account") in answers[1]
    assert panel.staff.texts(row)[3] == "deactivated"
    with pytest.raises(SignInError, match="Unknown staff ID or wrong PIN"):
        staff.sign_in(db, "agency1", "482913", clock)
    panel.staff_table.selectRow(row)
    QTest.keyClick(panel.deactivate_button, Qt.Key.Key_Space)  # the button did nothing, said nothing
    assert panel.error.text() == "Account agency1 is already deactivated."


def test_a_ward_and_its_beds_are_added_from_a_typed_list(admin_window, type_text, answers):
    answers[0]["confirm"] = [True, True, True]
    panel = admin_window.admin
    db = admin_window.session.db
    type_text(panel.ward_code, "4C")
    type_text(panel.ward_name, "Surgery")
    type_text(panel.beds, "1-4, Side room")
    QTest.keyClick(panel.add_ward_button, Qt.Key.Key_Space)
    assert wards.wards(db, "4C")[0].beds == ("1", "2", "3", "4", "Side room")
    for chooser in (admin_window.patients.ward, admin_window.escalation.ward):
        assert chooser.findText("4C") >= 0  # at once, not at the next sign-in
    row = next(row for row in range(panel.wards.rowCount()) if panel.wards.text(row, 0) == "4C")
    assert panel.wards.text(row, 3) == "1-4, Side room", "as typed: a 40-bed ward's list ran off the screen"
    panel.wards_table.selectRow(row)
    type_text(panel.beds, "4-5")
    QTest.keyClick(panel.add_beds_button, Qt.Key.Key_Space)
    # "is empty or listed twice" for a bed typed once, already in the ward.
    assert "Bed '4' is already in ward 4C." in panel.error.text()
    assert len(wards.wards(db, "4C")[0].beds) == 5
    panel.beds.clear()
    type_text(panel.beds, "5 6")
    QTest.keyClick(panel.add_beds_button, Qt.Key.Key_Space)
    assert panel.said.text() == "Ward 4C now has 7 beds."


def test_beds_are_added_only_once_the_administrator_has_seen_the_list(admin_window, type_text, monkeypatch):
    """Beds are never removed: "1-200" typed for "1-20" put 180 empty beds on every census and
    handover sheet of the ward for good, said only once made."""
    from downtime.qt.prompts import Prompts

    panel = admin_window.admin
    db = admin_window.session.db
    shown: list[str] = []
    replies = [False, True]
    monkeypatch.setattr(Prompts, "confirm", staticmethod(lambda parent, title, text: shown.append(text) or replies.pop(0)))
    type_text(panel.ward_code, "4C")
    type_text(panel.ward_name, "Surgery")
    type_text(panel.beds, "1-200, Side room")
    QTest.keyClick(panel.add_ward_button, Qt.Key.Key_Space)
    assert shown == ["Add ward 4C (Surgery) with 201 beds: 1, 2, 3, 4, 5 … 199, 200, Side room?\n"
                     "Beds cannot be removed later."]
    assert wards.wards(db, "4C") == [] and panel.beds.text() == "1-200, Side room", "as typed, to correct"
    panel.beds.clear()
    type_text(panel.beds, "1-20")
    QTest.keyClick(panel.add_ward_button, Qt.Key.Key_Space)
    assert len(wards.wards(db, "4C")[0].beds) == 20
    row = next(row for row in range(panel.wards.rowCount()) if panel.wards.text(row, 0) == "4C")
    panel.wards_table.selectRow(row)
    type_text(panel.beds, "21A, 21B")
    replies.append(False)
    QTest.keyClick(panel.add_beds_button, Qt.Key.Key_Space)
    assert shown[-1] == "Add 2 beds to ward 4C: 21A, 21B?\nBeds cannot be removed later."
    assert len(wards.wards(db, "4C")[0].beds) == 20


def test_settings_are_saved_together_or_not_at_all(admin_window, tmp_path):
    panel = admin_window.admin
    db = admin_window.session.db
    admin_window.tabs.setCurrentWidget(panel)
    panel.refresh()
    assert panel.idle.value() == 5 and panel.label_stock.currentText() == "L7160"
    panel.label_stock.setCurrentText("L7163")
    panel.late.setValue(90)  # later than overdue (60): refused
    QTest.keyClick(panel.save_settings_button, Qt.Key.Key_Space)
    assert "Round thresholds" in panel.error.text() and settings.get(db, "label_stock") == "L7160"
    panel.late.setValue(45)
    panel.idle.setValue(10)
    panel.backup_folder.setText(str(tmp_path / "stick"))
    QTest.keyClick(panel.save_settings_button, Qt.Key.Key_Space)
    assert "is not there: plug in the USB stick" in panel.error.text()  # the stick not plugged in
    (tmp_path / "stick").mkdir()
    panel.letter_contact.setText("Surgical admissions, 01 23 45 67 89")
    QTest.keyClick(panel.save_settings_button, Qt.Key.Key_Space)
    assert panel.said.text() == "Settings saved."
    assert [settings.get(db, key) for key in ("label_stock", "late_after_minutes", "idle_lock_minutes", "backup_folder",
                                              "letter_contact")] == [
        "L7163", "45", "10", str(tmp_path / "stick"), "Surgical admissions, 01 23 45 67 89"]


def test_a_slash_in_a_ward_code_or_a_bed_is_refused_not_a_crash(admin_window, type_text):
    """Beds are named ward/bed: ward "A" with bed "B/1" and ward "A/B" with bed "1" were the
    same bed, and the second raised out of the button (a crash)."""
    panel = admin_window.admin
    said = []
    for code, beds in (("A", "B/1"), ("A/B", "1")):
        for edit, typed in ((panel.ward_code, code), (panel.ward_name, "Ward"), (panel.beds, beds)):
            edit.clear()
            type_text(edit, typed)
        QTest.keyClick(panel.add_ward_button, Qt.Key.Key_Space)
        said.append(panel.error.text())
    assert said == ["Bed 'B/1': no \"/\" (a bed is named ward/bed, e.g. 3B/12).",
                    'Ward code: no "/" (a bed is named ward/bed, e.g. 3B/12).']
    assert not wards.wards(admin_window.session.db)


def test_a_shorter_idle_lock_saved_by_the_administrator_applies_to_this_window(admin_window):
    """"Settings saved." but the window keeps locking after the old 5 minutes until the next
    sign-in on a fresh window."""
    panel = admin_window.admin
    panel.idle.setValue(2)
    QTest.keyClick(panel.save_settings_button, Qt.Key.Key_Space)
    assert panel.said.text() == "Settings saved."
    assert admin_window.idle_timer.interval() == 2 * 60_000


def test_a_returning_nurse_gets_her_account_back_with_a_new_pin(admin_window, type_text, clock):
    """Monday night's agency nurse is back on Thursday, her account deactivated: re-adding her ID
    was refused, so she got a second ID and her care was split between two identities. A nurse
    who forgot her PIN is given a new one the same way."""
    panel = admin_window.admin
    db = admin_window.session.db
    staff.add_staff(admin_window.session, "agency1", "Inès Ayadi", Role.WARD_NURSE, "482913")
    staff.deactivate_staff(admin_window.session, "agency1")
    panel.refresh()
    panel.staff_table.selectRow(next(row for row in range(panel.staff.rowCount()) if panel.staff.text(row, 0) == "agency1"))
    type_text(panel.pin, "730512")
    type_text(panel.pin_again, "730512")
    QTest.keyClick(panel.set_pin_button, Qt.Key.Key_Space)
    assert panel.said.text() == "Inès Ayadi (agency1) signs in with the new PIN once, to choose their own."
    assert staff.sign_in(db, "agency1", "730512", clock).active
    with pytest.raises(SignInError):
        staff.sign_in(db, "agency1", "482913", clock)


def _select(panel, staff_id: str) -> None:
    panel.staff_table.selectRow(next(row for row in range(panel.staff.rowCount()) if panel.staff.text(row, 0) == staff_id))


def test_the_same_person_typed_again_under_a_new_id_is_added_only_once_said_to_be_someone_else(
        admin_window, type_text, monkeypatch, clock):
    """Noémie Faure (`night`, deactivated after Monday night) typed again on Thursday as
    `nfaure`: added in silence, her care was split over two staff IDs. The tab names the account
    and asks; No leaves the refusal said and the PIN typed, to give her account instead."""
    from downtime.qt.prompts import Prompts

    panel = admin_window.admin
    db = admin_window.session.db
    staff.add_staff(admin_window.session, "night", "Noémie Faure", Role.WARD_NURSE, "5555")
    staff.deactivate_staff(admin_window.session, "night")
    panel.refresh()
    asked, replies = [], [False, True]
    monkeypatch.setattr(Prompts, "confirm", staticmethod(lambda parent, title, text: asked.append(text) or replies.pop(0)))
    for edit, typed in ((panel.staff_id, "nfaure"), (panel.staff_name, "FAURE Noemie"), (panel.pin, "730512"),
                        (panel.pin_again, "730512")):
        type_text(edit, typed)
    QTest.keyClick(panel.add_staff_button, Qt.Key.Key_Space)
    refusal = ("An account of that name exists already: night (Noémie Faure, ward nurse, deactivated). If it is the "
               "same person, give that account a new PIN instead (it reactivates a deactivated one), so that their care "
               "stays under one staff ID; add nfaure only for someone else of the same name.")
    assert asked == [f"{refusal}\n\nAdd nfaure for someone else named FAURE Noemie?"]
    assert panel.error.text() == refusal and panel.pin.text() == "730512"
    assert staff.member_named(db, "nfaure") is None
    QTest.keyClick(panel.add_staff_button, Qt.Key.Key_Space)
    assert panel.said.text() == "Account nfaure added for FAURE Noemie: they sign in with their PIN."
    assert staff.sign_in(db, "nfaure", "730512", clock).name == "FAURE Noemie"


def test_a_name_and_role_typed_wrong_are_corrected_with_a_reason(admin_window, type_text, monkeypatch, clock):
    """At 03:00 the agency nurse was added as "Noemie Faur", role doctor: she could write orders
    and every print said "Noemie Faur", until the account was deactivated and a second ID made.
    The administrator selects the account, types the name, chooses the role, sees the old and the
    new, and gives the reason; the name left empty is kept."""
    from downtime.qt.prompts import Prompts

    panel = admin_window.admin
    db = admin_window.session.db
    staff.add_staff(admin_window.session, "agency1", "Noemie Faur", Role.DOCTOR, "482913")
    panel.refresh()
    QTest.keyClick(panel.correct_button, Qt.Key.Key_Space)
    assert panel.error.text() == "Select an account in the list first."
    _select(panel, "agency1")
    type_text(panel.staff_name, "Noémie Faure")
    panel.role.setCurrentIndex(panel.role.findData(Role.WARD_NURSE))
    asked, replies = [], [None, "Typed wrong at 03:00"]
    monkeypatch.setattr(Prompts, "reason", staticmethod(lambda parent, title, label, filled="": asked.append(
        (title, label)) or replies.pop(0)))
    QTest.keyClick(panel.correct_button, Qt.Key.Key_Space)  # the reason asked, then cancelled
    assert asked == [("Correct an account", "agency1: Noemie Faur (doctor) becomes Noémie Faure (ward nurse), on every "
                                            "screen and print of what they recorded. Why (what was typed wrong)?")]
    assert staff.member_named(db, "agency1").name == "Noemie Faur"
    QTest.keyClick(panel.correct_button, Qt.Key.Key_Space)
    assert panel.said.text() == ("agency1 is now Noémie Faure (ward nurse). What they recorded keeps their staff ID, so "
                                 "every screen and print names them so from now on (pages printed before keep the old "
                                 "name).")
    assert staff.sign_in(db, "agency1", "482913", clock).role is Role.WARD_NURSE
    row = next(row for row in range(panel.staff.rowCount()) if panel.staff.text(row, 0) == "agency1")
    assert panel.staff.texts(row)[1:3] == ("Noémie Faure", "ward nurse")
    assert panel.staff_name.text() == ""
    _select(panel, "agency1")
    QTest.keyClick(panel.correct_button, Qt.Key.Key_Space)  # nothing typed or chosen differs
    assert panel.error.text() == "Nothing to correct: agency1 is already Noémie Faure (ward nurse)."
    _select(panel, "admin")
    QTest.keyClick(panel.correct_button, Qt.Key.Key_Space)
    assert panel.error.text() == "This is the last active administrator; add another one first."
    assert staff.member_named(db, "admin").role is Role.ADMINISTRATOR


def test_settings_typed_and_not_yet_saved_stay_when_the_tab_is_read_again(admin_window, type_text):
    """An administrator types a shorter idle lock and whom patients call, then adds an account
    before saving: the settings went back to what is stored, silently."""
    panel = admin_window.admin
    db = admin_window.session.db
    admin_window.tabs.setCurrentWidget(panel)
    panel.idle.setValue(2)
    type_text(panel.letter_contact, "Surgical admissions, 01 23 45 67 89")
    for edit, typed in ((panel.staff_id, "agency2"), (panel.staff_name, "Inès Ayadi"), (panel.pin, "482913"),
                        (panel.pin_again, "482913")):
        type_text(edit, typed)
    QTest.keyClick(panel.add_staff_button, Qt.Key.Key_Space)
    assert panel.said.text().startswith("Account agency2 added")
    settings.set_value(admin_window.session, "label_stock", "L7163")  # stored meanwhile, by the command line
    admin_window.tabs.setCurrentWidget(admin_window.patients)
    admin_window.refresh_lists()  # as after any save in the window
    admin_window.tabs.setCurrentWidget(panel)
    assert panel.idle.value() == 2 and panel.letter_contact.text() == "Surgical admissions, 01 23 45 67 89"
    assert panel.label_stock.currentText() == "L7163", "a setting not typed in shows what is stored"
    QTest.keyClick(panel.save_settings_button, Qt.Key.Key_Space)
    assert panel.said.text() == "Settings saved." and settings.get(db, "idle_lock_minutes") == "2"
    settings.set_value(admin_window.session, "idle_lock_minutes", "7")
    panel.refresh()
    assert panel.idle.value() == 7, "once saved, a setting follows what is stored again"


def test_acting_on_the_selected_account_or_ward_with_none_selected_says_so(admin_window, type_text):
    """The buttons did nothing at all: a new PIN typed twice, or beds typed for a ward, and the
    administrator was left to guess why nothing happened."""
    panel = admin_window.admin
    type_text(panel.pin, "482913")
    type_text(panel.pin_again, "482913")
    QTest.keyClick(panel.set_pin_button, Qt.Key.Key_Space)
    assert panel.error.text() == "Select an account in the list first." and panel.pin.text() == "482913"
    panel.error.setText("")
    QTest.keyClick(panel.deactivate_button, Qt.Key.Key_Space)
    assert panel.error.text() == "Select an account in the list first."
    type_text(panel.beds, "21-22")
    QTest.keyClick(panel.add_beds_button, Qt.Key.Key_Space)
    assert panel.error.text() == "Select a ward in the list first." and panel.beds.text() == "21-22"


def test_the_laptop_found_sharing_a_device_number_is_given_another_from_the_app(admin_window, type_text, answers,
                                                                              admission_values, session_for):
    """Two laptops of the ward found labelled 042 in the night: the nurse in charge gives this one
    43 from the Administration tab, asked first; the patient numbered before keeps DT-042."""
    panel = admin_window.admin
    session, nurse = admin_window.session, session_for("nurse")
    records.save_new(nurse, "admission", {**admission_values, "bed": "1"})
    panel.sections.setCurrentIndex(3)
    panel.refresh()
    assert (panel.device_number.value(), panel.device_name.text()) == (42, "Ward 3B laptop")
    answers[0]["confirm"] = [False, True]
    panel.device_number.setValue(43)
    panel.device_name.clear()
    type_text(panel.device_name, "Ward 3B laptop 2")
    QTest.keyClick(panel.change_device_button, Qt.Key.Key_Space)
    assert ("confirm", "Change the device number") in answers[1]
    assert load_device(session.db).device_number == 42 and panel.device_number.value() == 43, "as typed, to correct"
    QTest.keyClick(panel.change_device_button, Qt.Key.Key_Space)
    assert panel.said.text() == "This laptop is now Ward 3B laptop 2 (device 43)."
    assert admin_window.banner.device.text() == "Ward 3B laptop 2 (device 43)"
    records.save_new(nurse, "admission", {**admission_values, "bed": "2"})
    assert [row["downtime_number"][:6] for row in session.db.query("SELECT downtime_number FROM patients ORDER BY rowid")] \
        == ["DT-042", "DT-043"]
    panel.device_name.clear()
    QTest.keyClick(panel.change_device_button, Qt.Key.Key_Space)
    assert panel.error.text() == "Device name: required (e.g. 'Ward 3B laptop 2')."
    assert load_device(session.db).name == "Ward 3B laptop 2"


def test_the_set_up_is_saved_to_a_stick_and_another_file_loaded_once_its_changes_are_seen(admin_window, answers,
                                                                                          monkeypatch, tmp_path):
    from downtime.qt.prompts import Prompts

    panel = admin_window.admin
    db = admin_window.session.db
    panel.sections.setCurrentIndex(3)
    monkeypatch.setattr(Prompts, "choose_folder", staticmethod(lambda parent, title: tmp_path))
    QTest.keyClick(panel.save_setup_button, Qt.Key.Key_Space)
    saved = tmp_path / "downtime-setup.yaml"
    assert panel.said.text().startswith(f"Set-up saved to {saved}") and "format: downtime-setup" in saved.read_text()
    other = tmp_path / "hospital.yaml"
    other.write_text("format: downtime-setup\nwards:\n  - {code: 9Z, name: Maternity, beds: 1-6}\n"
                     "settings:\n  idle_lock_minutes: 2\n", encoding="utf-8")
    monkeypatch.setattr(Prompts, "choose_file", staticmethod(lambda parent, title, pattern: other))
    shown: list[str] = []
    replies = [False, True]
    monkeypatch.setattr(Prompts, "confirm", staticmethod(lambda parent, title, text: shown.append(text) or replies.pop(0)))
    QTest.keyClick(panel.load_setup_button, Qt.Key.Key_Space)
    assert shown == [f"Loading {other} here:\n• ward 9Z (Maternity) added with 6 beds: 1-6\n"
                     "• Lock the screen when idle for (minutes): 2 (it was 5 here)\n\nLoad it?"]
    assert wards.wards(db, "9Z") == [] and settings.get(db, "idle_lock_minutes") == "5"
    QTest.keyClick(panel.load_setup_button, Qt.Key.Key_Space)
    assert wards.wards(db, "9Z")[0].beds == ("1", "2", "3", "4", "5", "6")
    assert admin_window.idle_timer.interval() == 2 * 60_000 and panel.idle.value() == 2
    assert panel.said.text() == ("ward 9Z (Maternity) added with 6 beds: 1-6\n"
                                 "Lock the screen when idle for (minutes): 2 (it was 5 here)")
    other.write_text("format: downtime-setup\nwards:\n  - {code: 9Z, name: Maternity, beds: '7, 8/1'}\n")
    QTest.keyClick(panel.load_setup_button, Qt.Key.Key_Space)
    assert panel.error.text() == f"{other}, line 3, ward 9Z: Bed '8/1': no \"/\" (a bed is named ward/bed, e.g. 3B/12)."
    assert len(shown) == 2 and len(wards.wards(db, "9Z")[0].beds) == 6


def test_the_administrator_backs_up_now_and_reads_when_and_where(admin_window, tmp_path, clock):
    """Backups ran only at sign-out, at exit and on the command line; restoring one stays a
    command, said beside the button."""
    from downtime.services import backups

    panel = admin_window.admin
    panel.sections.setCurrentIndex(2)
    panel.refresh()
    assert panel.last_backup.text() == "No backup made yet."
    assert any("downtime restore BACKUP-FILE --db " in label.text() for label in panel.findChildren(QLabel))
    stick = tmp_path / "stick"
    stick.mkdir()
    panel.backup_folder.setText(str(stick))
    QTest.keyClick(panel.save_settings_button, Qt.Key.Key_Space)
    QTest.keyClick(panel.back_up_button, Qt.Key.Key_Space)
    (made,) = stick.glob("downtime-backup-*.sqlite")
    assert panel.said.text() == f"Backed up to {made}."
    assert panel.last_backup.text() == f"Last backup: {clock():%d/%m/%Y %H:%M}, {made}"
    assert backups.last_made(admin_window.session.db) == (clock(), made)
    stick.rename(tmp_path / "unplugged")
    QTest.keyClick(panel.back_up_button, Qt.Key.Key_Space)
    assert panel.error.text() == f"backup to {stick} failed: the folder is not there (is the USB stick removed?)"
    assert panel.last_backup.text() == f"Last backup: {clock():%d/%m/%Y %H:%M}, {made}"
    assert admin_window.banner.backup.text() == "<b>BACKUP FAILED</b>"


def test_the_backups_kept_say_how_far_back_they_reach(admin_window, type_text):
    """"Backups kept: 10" every 15 minutes kept the last two and a half hours of a month's outage,
    and nothing said so: the rotation thins out now, and the settings say how far back it keeps."""
    panel = admin_window.admin
    panel.sections.setCurrentIndex(2)
    panel.refresh()
    assert panel.kept_reach.text() == ("Kept: the last 10, one a day before them (the last of each day, for 31 days), "
                                       "and the first.")
    panel.keep.lineEdit().selectAll()
    type_text(panel.keep, "24")
    assert panel.kept_reach.text().startswith("Kept: the last 24, one a day before them")


def test_the_laptop_is_retired_from_the_app_once_everything_is_exported(admin_window, answers, session_for, patient,
                                                                        tmp_path, monkeypatch, clock, db_path):
    """At the end of the outage IT has no supported way but removing files by hand: a laptop
    never exported lost its records without a word, its backups stayed readable by any former
    PIN. The button says what stands in the way first, then asks, archives and removes."""
    from datetime import timedelta

    from downtime.qt.prompts import Prompts
    from downtime.sync.encryption import generate_identity
    from downtime.sync.export import export

    panel = admin_window.admin
    panel.sections.setCurrentIndex(3)
    chosen = []
    monkeypatch.setattr(Prompts, "choose_folder", staticmethod(lambda parent, title: chosen.append(title) or tmp_path))
    QTest.keyClick(panel.retire_button, Qt.Key.Key_Space)
    assert panel.error.text() == ("Not retired: this laptop never exported, and holds 1 record version(s) and 0 "
                                  "controlled-drug register line(s) no stick took to the records office: export them "
                                  "first (Export for back-entry).")
    assert chosen == [] and db_path.exists()
    settings.set_value(session_for("admin"), "export_key", generate_identity(tmp_path / "office.key"))
    export(session_for("records"), tmp_path / "last-stick")
    clock.now += timedelta(hours=1)
    QTest.keyClick(panel.retire_button, Qt.Key.Key_Space)
    assert ("confirm", "Retire this laptop") in answers[1]
    (archive,) = tmp_path.glob("downtime-archive-042-*")
    assert (archive / "manifest.json.age").exists()
    assert not db_path.exists() and not admin_window.isVisible()
    assert any(kind == "info" and "At the next outage, set device 42 up with --first-number 2" in text
               for kind, text in answers[1])


def test_a_stick_pulled_while_the_archive_is_made_is_said_and_the_laptop_kept(admin_window, answers, session_for,
                                                                             patient, tmp_path, monkeypatch, clock,
                                                                             db_path):
    """The window said "Laptop retired" and closed, the backups left on the stick it no longer saw,
    each opened by every former PIN."""
    from datetime import timedelta

    from downtime.qt.prompts import Prompts
    from downtime.services import backups
    from downtime.services import retire as retiring
    from downtime.sync.encryption import generate_identity
    from downtime.sync.export import export

    admin = session_for("admin")
    (tmp_path / "usb").mkdir()
    settings.set_value(admin, "backup_folder", str(tmp_path / "usb"))
    backups.backup_now(admin)
    settings.set_value(admin, "export_key", generate_identity(tmp_path / "office.key"))
    export(session_for("records"), tmp_path / "last-stick")
    clock.now += timedelta(hours=1)
    real_export = retiring.export

    def export_then_pull(*args, **kwargs):
        made = real_export(*args, **kwargs)
        (tmp_path / "usb").rename(tmp_path / "usb-in-a-pocket")
        return made

    monkeypatch.setattr(retiring, "export", export_then_pull)
    monkeypatch.setattr(Prompts, "choose_folder", staticmethod(lambda parent, title: tmp_path))
    panel = admin_window.admin
    panel.sections.setCurrentIndex(3)
    QTest.keyClick(panel.retire_button, Qt.Key.Key_Space)
    assert panel.error.text().startswith(f"Not retired: the backups folder {tmp_path / 'usb'} went while the archive "
                                         "was made")
    assert not any(kind == "info" for kind, _ in answers[1])
    assert db_path.exists() and list((tmp_path / "usb-in-a-pocket").glob("*.sqlite"))


def test_the_administrator_chooses_the_hospitals_bank_holidays_and_reads_the_next_ones(admin_window):
    """Typed into the closed list as on any combo box; a region set on the command line that the
    tab does not offer (Ireland) is shown as its code, not replaced by the first item at the next
    save."""
    panel = admin_window.admin
    db = admin_window.session.db
    panel.refresh()
    assert panel.bank_holidays.currentText() == "None: Monday to Friday"
    assert panel.bank_holidays_kept.text() == "No bank holidays kept: every weekday is a working day."
    panel.bank_holidays.setFocus()
    QTest.keyClicks(panel.bank_holidays, "Sc")
    assert panel.bank_holidays.currentText() == "Scotland (GB-SCT)"
    QTest.keyClick(panel.save_settings_button, Qt.Key.Key_Space)
    assert panel.said.text() == "Settings saved." and settings.get(db, "bank_holidays") == "GB-SCT"
    assert panel.bank_holidays_kept.text() == ("Bank holidays kept: Scotland (GB-SCT); the next: Mon 30/11/2026, "
                                               "Fri 25/12/2026, Sat 26/12/2026.")
    settings.set_bank_holidays(admin_window.session, "ie")
    panel.refresh()
    assert panel.bank_holidays.currentText() == "IE" and panel.bank_holidays_kept.text().startswith(
        "Bank holidays kept: IE; the next: Fri 25/12/2026, Sat 26/12/2026, Fri 01/01/2027.")
    QTest.keyClick(panel.save_settings_button, Qt.Key.Key_Space)
    assert settings.get(db, "bank_holidays") == "IE"
