import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from downtime.qt.sign_in import FirstRunDialog, SignInDialog
from downtime.services.context import Vault, load_device
from downtime.storage import keyslots


def test_wrong_pin_is_refused_and_cleared_then_right_pin_signs_in(qtbot, ward_db, db_path, clock):
    dialog = SignInDialog(Vault(db_path, ward_db), clock, "Ward 3B laptop")
    qtbot.addWidget(dialog)
    QTest.keyClicks(dialog.staff_id, "nurse")
    QTest.keyClicks(dialog.pin, "9999")
    QTest.keyClick(dialog.pin, Qt.Key.Key_Return)
    assert dialog.error.text() == "Unknown staff ID or wrong PIN."
    assert dialog.pin.text() == "" and dialog.member is None
    QTest.keyClicks(dialog.pin, "1111")
    QTest.keyClick(dialog.pin, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.member.staff_id == "nurse"


def _fill_first_run(dialog, pin_again: str, device_number: int | None = 17) -> None:
    if device_number is not None:
        dialog.device_number.setValue(device_number)
    QTest.keyClicks(dialog.device_name, "Ward 5 laptop")
    QTest.keyClicks(dialog.admin_id, "boss")
    QTest.keyClicks(dialog.admin_name, "Chief Nurse")
    QTest.keyClicks(dialog.pin, "4321")
    QTest.keyClicks(dialog.pin_again, pin_again)


def test_first_run_creates_an_encrypted_database_that_the_pin_opens(qtbot, tmp_path, clock, answers):
    path = tmp_path / "new.sqlite"
    dialog = FirstRunDialog(path, clock)
    qtbot.addWidget(dialog)
    _fill_first_run(dialog, "4322")
    dialog.try_setup()
    assert dialog.error.text() == "The two PINs differ." and not path.exists()
    dialog.pin_again.clear()
    QTest.keyClicks(dialog.pin_again, "4321")
    assert dialog.encrypted.isChecked()
    dialog.try_setup()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert load_device(dialog.vault.db).device_number == 17
    assert keyslots.slot_holders(path) == ["boss"] and b"Ward 5" not in path.read_bytes()
    sign_in = SignInDialog(Vault(path), clock, "new.sqlite")
    qtbot.addWidget(sign_in)
    QTest.keyClicks(sign_in.staff_id, "boss")
    QTest.keyClicks(sign_in.pin, "4321")
    QTest.keyClick(sign_in.pin, Qt.Key.Key_Return)
    assert sign_in.member.staff_id == "boss" and sign_in.vault.db is not None


def test_first_run_asks_for_the_device_number_instead_of_taking_one(qtbot, tmp_path, clock, answers):
    """The box showed 1 and OK took it: every laptop set up in a hurry was device 1, and two
    wards' patients wore the same downtime numbers until the merge found them at recovery."""
    path = tmp_path / "new.sqlite"
    dialog = FirstRunDialog(path, clock)
    qtbot.addWidget(dialog)
    _fill_first_run(dialog, "4321", device_number=None)
    assert dialog.device_number.text() == "choose 1-999"
    # Nothing said the number is for good, nor that a copy of another laptop's database shares it.
    (intro,) = [label.text() for label in dialog.findChildren(QLabel) if label.text().startswith("This database is new")]
    assert "no other laptop may have it, and every downtime number this laptop gives carries it for good" in intro
    assert "never set a laptop up with a copy of another's database" in intro
    dialog.try_setup()
    assert dialog.result() != dialog.DialogCode.Accepted and not path.exists()
    assert dialog.error.text().startswith("Device number: 1 to 999")
    dialog.device_number.setFocus()
    dialog.device_number.selectAll()
    QTest.keyClicks(dialog.device_number, "17")
    dialog.try_setup()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert load_device(dialog.vault.db).device_number == 17


def test_an_encrypted_database_copied_without_its_key_slots_says_so_not_damaged(qtbot, tmp_path, clock):
    """IT moved the ward's database to a new laptop without its .keys file: the sign-in read
    "file is not a database", the app called the file damaged and sent the ward to paper."""
    from downtime.services import unlock

    vault, _ = unlock.create(tmp_path / "ward.sqlite", encrypted=True, device_number=4, device_name="Ward 4",
                             admin_id="boss", admin_name="Chief Nurse", admin_pin="4321", clock=clock)
    vault.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    (tmp_path / "new laptop").mkdir()
    moved = tmp_path / "new laptop" / "ward.sqlite"
    moved.write_bytes(vault.path.read_bytes())
    dialog = SignInDialog(Vault(moved), clock, "ward.sqlite")
    qtbot.addWidget(dialog)
    QTest.keyClicks(dialog.staff_id, "boss")
    QTest.keyClicks(dialog.pin, "4321")
    QTest.keyClick(dialog.pin, Qt.Key.Key_Return)
    assert dialog.result() != dialog.DialogCode.Accepted and dialog.unreadable is None
    assert dialog.error.text().startswith(f"{moved} is encrypted and its key slots (ward.sqlite.keys) are not beside it")
    keyslots.keys_path(moved).write_bytes(keyslots.keys_path(vault.path).read_bytes())
    QTest.keyClicks(dialog.pin, "4321")
    QTest.keyClick(dialog.pin, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.member.staff_id == "boss"


def test_first_run_unencrypted_needs_a_second_yes(qtbot, tmp_path, clock, answers):
    script, asked = answers
    script["confirm"] = [False]
    path = tmp_path / "plain.sqlite"
    dialog = FirstRunDialog(path, clock)
    qtbot.addWidget(dialog)
    _fill_first_run(dialog, "4321")
    dialog.encrypted.setChecked(False)
    dialog.try_setup()
    assert ("confirm", "Unencrypted database") in asked and not path.exists()
    script["confirm"] = [True]
    dialog.try_setup()
    assert path.exists() and not keyslots.is_encrypted(path)


def test_return_on_a_shown_dialog_tries_once(qtbot, ward_db, db_path, clock):
    dialog = SignInDialog(Vault(db_path, ward_db), clock, "Ward 3B laptop")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    QTest.keyClicks(dialog.staff_id, "nurse")
    QTest.keyClick(dialog.staff_id, Qt.Key.Key_Return)
    assert ward_db.execute("SELECT COUNT(*) FROM audit WHERE action = 'sign_in.failed'").fetchone()[0] == 0
    assert dialog.focusWidget() is dialog.pin
    QTest.keyClicks(dialog.pin, "0001")
    QTest.keyClick(dialog.pin, Qt.Key.Key_Return)
    failed = ward_db.execute("SELECT COUNT(*) FROM audit WHERE action = 'sign_in.failed'").fetchone()[0]
    assert failed == 1


def test_a_database_busy_with_an_import_is_said_in_the_dialog_and_signing_in_works_after(qtbot, ward_db, db_path,
                                                                                        clock):
    """Every attempt is audited, so it waits for an import's write lock (5 s) and then says so
    where the PIN was typed, instead of raising at the person."""
    from downtime.storage import open_database

    ward_db.execute("PRAGMA busy_timeout = 0")
    importing = open_database(db_path, create=False)
    importing.execute("BEGIN IMMEDIATE")
    dialog = SignInDialog(Vault(db_path, ward_db), clock, "Ward 3B laptop")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    QTest.keyClicks(dialog.staff_id, "nurse")
    QTest.keyClicks(dialog.pin, "1111")
    QTest.keyClick(dialog.pin, Qt.Key.Key_Return)
    assert dialog.error.text().startswith("Not done: the database is busy: an import")
    assert dialog.member is None and dialog.pin.text() == "" and dialog.result() != dialog.DialogCode.Accepted
    qtbot.waitUntil(lambda: dialog.error.height() >= dialog.error.heightForWidth(dialog.error.width()))
    assert dialog.width() < 800, "the message wraps instead of widening the window past the screen"
    importing.execute("ROLLBACK")
    QTest.keyClicks(dialog.pin, "1111")
    QTest.keyClick(dialog.pin, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.member.staff_id == "nurse"


def test_first_run_speaks_the_language_chosen_and_the_laptop_keeps_it(qtbot, tmp_path, clock):
    """The sign-in window offered a language, the first-run wizard before it did not: a French
    ward's IT set the laptop up in English."""
    from downtime.i18n import saved_language
    from downtime.qt.i18n import set_language

    dialog = FirstRunDialog(tmp_path / "new.sqlite", clock)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Downtime — set up this laptop"
    try:
        dialog.languages.setFocus()
        QTest.keyClick(dialog.languages, Qt.Key.Key_Down)
        assert dialog.languages.currentData() == "fr"
        assert dialog.windowTitle() == "Downtime — configurer ce portable"
        assert dialog.device_number.text() == "choisir de 1 à 999"
        assert "&Numéro d’appareil" in [label.text() for label in dialog.findChildren(QLabel)]
        assert saved_language() == "fr"
    finally:
        set_language("en")


def test_first_run_says_the_next_steps_once_set_up(qtbot, tmp_path, clock, answers):
    """`downtime setup` advised a second administrator; the wizard said nothing, and a laptop set
    up in the app had one administrator, no ward and no ward of its own."""
    _, asked = answers
    path = tmp_path / "new.sqlite"
    dialog = FirstRunDialog(path, clock)
    qtbot.addWidget(dialog)
    _fill_first_run(dialog, "4321")
    dialog.try_setup()
    assert dialog.result() == dialog.DialogCode.Accepted
    ((kind, said),) = asked
    assert kind == "info" and said.startswith("Sign in as boss, then on the Administration tab:")
    for step in ("1. Staff: add a second administrator now", "2. Wards and beds: add the wards and their beds",
                 "3. This laptop: give this laptop its ward"):
        assert step in said


@pytest.mark.parametrize(("lang", "name", "ward", "said"), [
    ("en", "Ward 3B laptop 2", "3B", "Ward 3B laptop 2 — ward 3B"),
    ("en", "Portable 2 du service 3B", None, "Portable 2 du service 3B — all wards"),
    ("en", "3B-2", "3B", "Laptop 3B-2 — ward 3B"),
    ("fr", "3B-2", "3B", "Portable 3B-2 — service 3B"),
    ("fr", "3B station 2", None, "Portable 3B station 2 — tous les services"),
])
def test_the_sign_in_window_names_the_laptop_without_doubling_the_word(qtbot, ward_db, db_path, clock, lang, name,
                                                                         ward, said):
    """A laptop named "Portable 3B n°2" read "Portable Portable 3B n°2", and the README's "Ward
    3B laptop 2" "Laptop Ward 3B laptop 2"."""
    from downtime.qt.i18n import set_language
    from downtime.services.this_laptop import Laptop

    set_language(lang)
    try:
        dialog = SignInDialog(Vault(db_path, ward_db), clock, "ward.sqlite", laptop=Laptop(name, ward))
        qtbot.addWidget(dialog)
        assert dialog.laptop.accessibleName() == said
    finally:
        set_language("en")


def test_a_french_laptop_name_is_not_doubled_in_french(qtbot, ward_db, db_path, clock):
    from downtime.qt.i18n import set_language
    from downtime.services.this_laptop import Laptop

    set_language("fr")
    try:
        dialog = SignInDialog(Vault(db_path, ward_db), clock, "ward.sqlite", laptop=Laptop("Portable 3B n°2", "3B"))
        qtbot.addWidget(dialog)
        assert dialog.laptop.accessibleName().startswith("Portable 3B n°2 — ")
    finally:
        set_language("en")


def test_a_bad_page_met_signing_in_is_said_damaged_for_the_opening_check_to_offer_the_backup(qtbot, tmp_path, clock,
                                                                                            forms, admission_values):
    """A bad sector under the pages the sign-in reads or writes (its audit entry): SQLCipher's
    page check fails, reported as a bare MemoryError (or SQLite's "malformed"), and the window
    said "Unexpected error" or raised at start-up, instead of passing the damaged file to the
    check at the opening, which offers the newest sound backup."""
    import sqlcipher3

    from downtime.domain.staff import Role
    from downtime.errors import UserError
    from downtime.services import records, staff, unlock
    from downtime.services.context import Session

    vault, device = unlock.create(tmp_path / "ward.sqlite", encrypted=True, device_number=3, device_name="Ward 3",
                                  admin_id="admin", admin_name="Admin", admin_pin="0000", clock=clock)
    admin = Session(vault.db, device, staff.sign_in(vault.db, "admin", "0000", clock), forms, clock, vault=vault)
    staff.add_staff(admin, "nurse", "Nurse", Role.WARD_NURSE, "1111")
    nurse = Session(vault.db, device, staff.sign_in(vault.db, "nurse", "1111", clock), forms, clock, vault=vault)
    for bed in range(12, 30):
        records.save_new(nurse, "admission", {**admission_values, "bed": str(bed), "nir": ""})
    vault.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    vault.db.conn.close()

    def sign_in_raises() -> bool:
        tried = Vault(vault.path)
        try:
            unlock.sign_in(tried, "nurse", "1111", clock)
        except UserError:
            return False
        except (sqlcipher3.DatabaseError, MemoryError):
            return True
        finally:
            if tried.db is not None:
                tried.db.conn.close()
        return False

    data = vault.path.read_bytes()
    for page in range(len(data) // 4096 - 1, 1, -1):  # part of one page zeroed, the last the sign-in meets
        spoilt = bytearray(data)
        spoilt[page * 4096 + 300:page * 4096 + 340] = bytes(40)
        vault.path.write_bytes(bytes(spoilt))
        if sign_in_raises():
            break
    else:
        raise AssertionError("no page the sign-in meets")
    dialog = SignInDialog(Vault(vault.path), clock, "ward.sqlite")
    qtbot.addWidget(dialog)
    QTest.keyClicks(dialog.staff_id, "nurse")
    QTest.keyClicks(dialog.pin, "1111")
    QTest.keyClick(dialog.pin, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.member is None
    assert dialog.unreadable == "the database file is damaged: part of it cannot be read (a failing disk or USB stick)"
