"""A PIN an administrator sets (`staff.set_pin`) signs in only for its holder to choose their own:
with it, an administrator signed in as a nurse on shift, amended her patient's admission and
witnessed controlled drugs, all audited as hers."""

from __future__ import annotations

import pytest

from downtime.cli import main
from downtime.services import cd_register, records, staff
from downtime.services.context import Session, load_device
from downtime.services.own_pin import change_own_pin
from downtime.storage import audit


def _signed_in(session_for, staff_id: str, pin: str) -> Session:
    admin = session_for("admin")
    return Session(admin.db, admin.device, staff.sign_in(admin.db, staff_id, pin, admin.clock), admin.forms,
                   admin.clock, vault=admin.vault)


def test_a_pin_an_administrator_set_records_nothing_until_its_holder_chooses_their_own(
        session_for, medication_ward, admission_values):
    staff.set_pin(session_for("admin"), "nurse", "9876")  # the nurse did not forget hers: she is on shift
    as_nurse = _signed_in(session_for, "nurse", "9876")
    admission = records.list_current(as_nurse.db, "admission")[0]
    with pytest.raises(staff.PinNotChosen) as refused:
        records.amend(as_nurse, admission.record_id, {**admission_values, "bed": "3"}, "moved to bed 3")
    assert str(refused.value) == ("Hélène Lefèvre must choose their own PIN first: a PIN an administrator set signs "
                                  "in only to choose a new one (Change my PIN, or 'downtime staff change-pin').")
    with pytest.raises(staff.PinNotChosen):
        as_nurse.require(staff.Action.READ_RECORDS)
    assert records.current(as_nurse.db, admission.record_id).version == admission.version

    change_own_pin(as_nurse, "9876", "482913")
    assert not staff.pin_to_choose(as_nurse.db, "nurse")
    saved = records.amend(as_nurse, admission.record_id, {**admission_values, "bed": "3"}, "moved to bed 3")
    assert saved.author == "nurse"
    assert [row["action"] for row in as_nurse.db.query(
        "SELECT action FROM audit WHERE entity = 'staff' AND entity_id = 'nurse' ORDER BY seq")][-2:] == [
        "staff.set_pin", "staff.change_pin"]
    assert audit.verify_chain(as_nurse.db) is None  # the flag is in the staff row each entry hashes


def test_a_pin_an_administrator_set_is_no_witness(session_for, medication_ward):
    staff.set_pin(session_for("admin"), "doctor", "9876")
    nurse = session_for("nurse")
    with pytest.raises(staff.PinNotChosen) as refused:
        cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=("doctor", "9876"))
    assert str(refused.value).startswith("Dr Karim Benali must choose their own PIN first")
    assert nurse.db.execute("SELECT COUNT(*) FROM cd_register").fetchone()[0] == 0
    assert nurse.db.execute("SELECT action FROM audit ORDER BY seq DESC LIMIT 1").fetchone()[0] == "witness.refused"


def test_an_account_given_a_pin_while_signed_in_is_stopped_at_its_next_action(session_for, medication_ward):
    nurse = session_for("nurse")
    staff.set_pin(session_for("admin"), "nurse", "9876")
    with pytest.raises(staff.PinNotChosen):
        nurse.require(staff.Action.RECORD_CARE)


def test_a_new_account_and_the_first_administrator_sign_in_with_their_own_pin(session_for, ward_db):
    """Set-up's administrator types their own PIN; an account added (the newcomer typing theirs at
    the Administration tab, or `staff add` asking it unseen) signs in at once, as the demo's do."""
    staff.add_staff(session_for("admin"), "agency1", "Inès Ayadi", staff.Role.WARD_NURSE, "482913")
    assert not staff.pin_to_choose(ward_db, "agency1") and not staff.pin_to_choose(ward_db, "admin")
    _signed_in(session_for, "agency1", "482913").require(staff.Action.RECORD_CARE)


def test_the_command_line_refuses_every_command_but_change_pin_to_a_pin_an_administrator_set(
        session_for, db_path, capsys):
    session_for("admin")
    assert main(["staff", "set-pin", "nurse", "--new-pin", "246810", "--db", str(db_path), "--user", "admin",
                 "--pin", "0000"]) == 0
    assert "nurse signs in with the new PIN, once, to choose their own" in capsys.readouterr().out
    signed = ["--db", str(db_path), "--user", "nurse", "--pin", "246810"]
    assert main(["census", *signed]) == 1
    assert ("nurse: your PIN is one an administrator set, which signs in only to choose your own: run 'downtime "
            "staff change-pin --user nurse' first.") in capsys.readouterr().err
    assert main(["staff", "change-pin", "--new-pin", "482913", *signed]) == 0
    assert main(["census", "--db", str(db_path), "--user", "nurse", "--pin", "482913"]) == 0


def test_an_account_whose_pin_was_set_before_the_upgrade_chooses_its_own(tmp_path, clock, forms):
    """m038: an account whose newest PIN was an administrator's (`staff.set_pin`) is asked to
    choose its own too; one added, or whose holder changed theirs since, is not."""
    from downtime.services import setup
    from downtime.storage import open_database
    from downtime.storage.migrations import MIGRATIONS

    db = open_database(tmp_path / "ward.sqlite")
    setup.initialise(db, device_number=1, device_name="Ward 3B laptop", admin_id="admin", admin_name="Admin",
                     admin_pin="0000", clock=clock)
    admin = Session(db, load_device(db), staff.sign_in(db, "admin", "0000", clock), forms, clock)
    staff.add_staff(admin, "nurse", "Nurse", staff.Role.WARD_NURSE, "1111")
    staff.add_staff(admin, "doctor", "Doctor", staff.Role.DOCTOR, "2222")
    staff.set_pin(admin, "nurse", "9876")
    # As before m038: no column, the entries as the app wrote them then.
    db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm038_pin_to_choose'")
    db.execute("ALTER TABLE staff DROP COLUMN pin_to_choose")
    MIGRATIONS.apply(db)
    assert [staff.pin_to_choose(db, staff_id) for staff_id in ("admin", "nurse", "doctor")] == [False, True, False]
    assert audit.verify_chain(db) is None  # each account's row, with its new column, has its entry
