import json

import pytest

from downtime.domain.staff import Role
from downtime.services import setup, staff
from downtime.services.errors import PermissionDenied, ServiceError, SetupError, SignInError
from downtime.storage import keyslots


def test_pins_are_stored_only_as_slow_hashes(ward_db):
    for row in ward_db.query("SELECT staff_id, pin_hash FROM staff"):
        assert row["pin_hash"].startswith("scrypt$16:8:1$")
        assert "1111" not in row["pin_hash"] and "0000" not in row["pin_hash"]


def test_the_product_stretches_pins_at_full_cost_and_each_hash_keeps_its_own(tmp_path, monkeypatch, full_pin_cost):
    """The suite stretches PINs at a token cost (conftest); the product's, checked here, is what
    slows a guesser: scrypt N=2**14 for the staff list, 2**15 for the database's key slots."""
    stored = staff.hash_pin("1111")
    assert stored.startswith("scrypt$16384:8:1$")
    database, key = tmp_path / "ward.sqlite", keyslots.new_key()
    keyslots.add_slot(database, key, "nurse", "1111")
    assert json.loads(keyslots.keys_path(database).read_text())["slots"]["nurse"]["params"] == {"n": 2**15, "r": 8, "p": 1}
    monkeypatch.setattr(staff, "_SCRYPT", full_pin_cost)
    monkeypatch.setattr(keyslots, "SCRYPT", full_pin_cost)
    cheap = staff.hash_pin("1111")
    assert cheap.startswith("scrypt$16:8:1$")
    assert staff.check_pin("1111", stored) and not staff.check_pin("1112", stored)
    assert staff.check_pin("1111", cheap) and not staff.check_pin("1112", cheap)
    assert keyslots.unwrap(database, "nurse", "1111") == key
    assert keyslots.unwrap(database, "nurse", "1112") is None


def test_sign_in_accepts_the_right_pin_only(ward_db, clock):
    assert staff.sign_in(ward_db, "nurse", "1111", clock).role is Role.WARD_NURSE
    with pytest.raises(SignInError, match="Unknown staff ID or wrong PIN"):
        staff.sign_in(ward_db, "nurse", "1112", clock)
    with pytest.raises(SignInError, match="Unknown staff ID or wrong PIN"):
        staff.sign_in(ward_db, "ghost", "1111", clock)
    failed = ward_db.execute("SELECT COUNT(*) FROM audit WHERE action = 'sign_in.failed'").fetchone()[0]
    assert failed == 2


def test_only_an_administrator_adds_staff(session_for):
    with pytest.raises(PermissionDenied):
        staff.add_staff(session_for("nurse"), "new", "New Nurse", Role.WARD_NURSE, "5555")
    admin = session_for("admin")
    staff.add_staff(admin, "new", "New Nurse", Role.WARD_NURSE, "5555")
    with pytest.raises(ServiceError, match="already exists"):
        staff.add_staff(admin, "new", "Other", Role.DOCTOR, "5555")
    with pytest.raises(ServiceError, match="PIN"):
        staff.add_staff(admin, "new2", "Other", Role.DOCTOR, "12")


def test_adding_back_a_deactivated_account_says_to_give_it_a_new_pin(session_for):
    """The agency nurse of Monday night is back on Thursday: "already exists" alone sent the
    administrator to make her a second staff ID, her care then split under two identities."""
    admin = session_for("admin")
    staff.add_staff(admin, "agency1", "Inès Ayadi", Role.WARD_NURSE, "482913")
    staff.deactivate_staff(admin, "agency1")
    with pytest.raises(ServiceError) as refused:
        staff.add_staff(admin, "agency1", "Inès Ayadi", Role.WARD_NURSE, "482914")
    assert str(refused.value) == ("Staff ID 'agency1' already exists, deactivated: give it a new PIN to reactivate "
                                  "it, so that their care stays under one staff ID.")


def test_setup_runs_once_and_checks_the_device_number(fresh_db_path):
    from downtime.storage import open_database

    db = open_database(fresh_db_path)
    assert setup.needs_setup(db)
    with pytest.raises(SetupError, match="Device number"):
        setup.initialise(db, device_number=0, device_name="x", admin_id="admin",
                         admin_name="A", admin_pin="0000")
    setup.initialise(db, device_number=5, device_name="Ward 5", admin_id="admin",
                     admin_name="A", admin_pin="0000")
    assert not setup.needs_setup(db)
    with pytest.raises(SetupError, match="already set up"):
        setup.initialise(db, device_number=6, device_name="x", admin_id="admin",
                         admin_name="A", admin_pin="0000")


@pytest.fixture
def fresh_db_path(tmp_path):
    return tmp_path / "fresh.sqlite"


def test_a_staff_id_differing_only_by_case_is_refused(session_for, clock):
    """"Agency1" beside "agency1" would be two accounts that read the same in every list."""
    admin = session_for("admin")
    staff.add_staff(admin, "agency1", "Inès Ayadi", Role.WARD_NURSE, "482913")
    with pytest.raises(ServiceError):
        staff.add_staff(admin, "Agency1", "Paul Roux", Role.WARD_NURSE, "111111")


def test_a_staff_id_signs_in_whatever_its_case(session_for, clock):
    """With Caps Lock on, "AGENCY1" was "Unknown staff ID or wrong PIN" for agency1."""
    admin = session_for("admin")
    staff.add_staff(admin, "Agency1", "Inès Ayadi", Role.WARD_NURSE, "482913")
    for typed in ("AGENCY1", " agency1 ", "Agency1"):
        assert staff.sign_in(admin.db, typed, "482913", clock).staff_id == "Agency1"


def test_wrong_pins_under_every_capitalisation_count_towards_one_lockout(ward_db, clock):
    """Each capitalisation of a staff ID had five guesses of its own: "NURSE", "Nurse",
    "nUrse"... and the lockout of "nurse" never came."""
    for typed in ("NURSE", "Nurse", "nUrse", " nurse", "nursE"):
        with pytest.raises(SignInError, match="wrong PIN"):
            staff.sign_in(ward_db, typed, "0000", clock)
    with pytest.raises(SignInError, match="locked until"):
        staff.sign_in(ward_db, "nurse", "1111", clock)
    for typed in ("GHOST", "Ghost", "ghost", "gHost", "ghosT"):
        with pytest.raises(SignInError, match="wrong PIN"):
            staff.sign_in(ward_db, typed, "0000", clock)
    with pytest.raises(SignInError, match="locked until"):
        staff.sign_in(ward_db, "GHOST", "0000", clock)
    actors = {row[0] for row in ward_db.execute("SELECT actor FROM audit WHERE action LIKE 'sign_in.%'")}
    assert actors == {"nurse", "ghost"}


def test_the_command_line_names_an_account_whatever_its_case(session_for, db_path, capsys, clock):
    from downtime.cli import main

    session_for("admin")
    assert main(["staff", "set-pin", "NURSE", "--new-pin", "246810", "--db", str(db_path), "--user", "ADMIN",
                 "--pin", "0000"]) == 0
    assert "nurse signs in with the new PIN" in capsys.readouterr().out
    assert main(["staff", "deactivate", "Nurse", "--db", str(db_path), "--user", "Admin", "--pin", "0000"]) == 0
    assert not next(m for m in staff.list_staff(session_for("admin").db) if m.staff_id == "nurse").active


def test_a_pin_of_non_ascii_digits_is_refused(session_for, clock):
    """`\\d` accepts any Unicode digit: a PIN typed in full-width or Arabic-Indic digits is
    accepted, and the same PIN typed on the number keys never signs in."""
    admin = session_for("admin")
    try:
        staff.add_staff(admin, "agency2", "Paul Roux", Role.WARD_NURSE, "٤٨٢٩١٣")
    except ServiceError:
        return  # refused: as it should be
    assert staff.sign_in(admin.db, "agency2", "482913", clock).staff_id == "agency2"


def test_a_staff_id_or_pin_ending_in_a_newline_is_refused(session_for, clock):
    """`$` also matches before a final newline: "agency3\n" became an account nobody can sign in
    to (the sign-in strips what is typed), listed like "agency3", and "482913\n" a PIN nobody can
    type."""
    admin = session_for("admin")
    for staff_id, pin in (("agency3\n", "482913"), ("agency3", "482913\n")):
        with pytest.raises(ServiceError):
            staff.add_staff(admin, staff_id, "Paul Roux", Role.WARD_NURSE, pin)
    with pytest.raises(ServiceError):
        staff.set_pin(admin, "nurse", "246810\n")


def test_the_command_line_gives_an_account_a_new_pin(session_for, db_path, capsys, clock):
    from downtime.cli import main

    admin = session_for("admin")
    staff.deactivate_staff(admin, "nurse")
    assert main(["staff", "set-pin", "nurse", "--new-pin", "246810", "--db", str(db_path), "--user", "admin",
                 "--pin", "0000"]) == 0
    assert "nurse signs in with the new PIN" in capsys.readouterr().out
    assert staff.sign_in(admin.db, "nurse", "246810", clock).active


def test_two_accounts_made_before_capitals_were_refused_are_each_reached_typed_exactly():
    from downtime.domain.staff import typed_staff_id

    for stored in (["nurse", "Nurse"], ["Nurse", "nurse"]):
        assert [typed_staff_id(typed, stored) for typed in ("nurse", "Nurse", "NURSE", " nUrse ")] == [
            "nurse", "Nurse", "Nurse", "Nurse"]
    assert typed_staff_id(" GHOST ", ["nurse"]) == "ghost"


def test_deactivating_an_account_twice_says_it_already_is(session_for, ward_db):
    """`downtime staff deactivate` said "can no longer sign in" again, and audited a second
    deactivation of an account that was not active."""
    admin = session_for("admin")
    staff.deactivate_staff(admin, "nurse")
    before = ward_db.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    with pytest.raises(ServiceError, match="^Account nurse is already deactivated.$"):
        staff.deactivate_staff(admin, "NURSE")
    assert ward_db.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == before


def test_anyone_signed_in_changes_their_own_pin_after_typing_the_current_one(session_for, ward_db, clock):
    """`staff set-pin` was the administrator's alone: every PIN, a controlled drug witness's
    included, was one the administrator knew."""
    from downtime.services.own_pin import change_own_pin

    nurse = session_for("nurse")
    assert change_own_pin(nurse, "1111", "482913").staff_id == "nurse"
    assert staff.sign_in(ward_db, "nurse", "482913", clock).staff_id == "nurse"
    with pytest.raises(SignInError):
        staff.sign_in(ward_db, "nurse", "1111", clock)
    (row,) = ward_db.query("SELECT actor, entity_id FROM audit WHERE action = 'staff.change_pin'")
    assert row == {"actor": "nurse", "entity_id": "nurse"}


@pytest.mark.parametrize(("current", "new", "said"), [
    ("1112", "482913", "^Current PIN: wrong PIN; nothing was changed."),
    ("1111", "48", "^PIN: 4 to 12 digits.$"),
    ("1111", "1111", "^New PIN: the same as the current one; choose another.$"),
])
def test_a_pin_change_refused_changes_nothing(session_for, ward_db, clock, current, new, said):
    from downtime.services.own_pin import change_own_pin

    nurse = session_for("nurse")
    with pytest.raises(ServiceError, match=said):
        change_own_pin(nurse, current, new)
    assert staff.sign_in(ward_db, "nurse", "1111", clock).staff_id == "nurse"
    assert not list(ward_db.query("SELECT 1 FROM audit WHERE action LIKE 'staff.change_pin%'"))


def test_wrong_current_pins_count_towards_the_sign_in_lockout(session_for, ward_db, clock):
    """Five guesses at a colleague's PIN on a laptop they left signed in lock their staff ID,
    as five at the sign-in window do."""
    from downtime.services.errors import LockedOut
    from downtime.services.own_pin import change_own_pin

    nurse = session_for("nurse")
    for guess in ("1234", "4321", "0000", "9999", "1212"):
        with pytest.raises(ServiceError, match="wrong PIN"):
            change_own_pin(nurse, guess, "482913")
    assert ward_db.execute("SELECT COUNT(*) FROM audit WHERE action = 'sign_in.failed' AND actor = 'nurse'"
                           ).fetchone()[0] == 5
    with pytest.raises(LockedOut):
        change_own_pin(nurse, "1111", "482913")
    with pytest.raises(LockedOut):
        staff.sign_in(ward_db, "nurse", "1111", clock)


def test_the_command_line_changes_the_own_pin_of_the_person_signed_in(session_for, db_path, capsys, clock):
    from downtime.cli import main

    nurse = session_for("nurse")
    assert main(["staff", "change-pin", "--new-pin", "482913", "--db", str(db_path), "--user", "nurse",
                 "--pin", "1111"]) == 0
    assert "nurse: your new PIN is set; sign in with it from now on" in capsys.readouterr().out
    assert staff.sign_in(nurse.db, "nurse", "482913", clock).staff_id == "nurse"
    assert main(["staff", "change-pin", "--new-pin", "135790", "--db", str(db_path), "--user", "nurse",
                 "--pin", "1111"]) == 1
    assert "Unknown staff ID or wrong PIN" in capsys.readouterr().err
