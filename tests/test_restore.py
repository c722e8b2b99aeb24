"""A restored backup: the downtime numbers given since it are never given again, a patient the
restore lost is typed in again under the number on their wristband, the laptop's stick from
before the damage merges with the one from after, and the restore is audited and said."""

import json

import pytest

from downtime.cli import main
from downtime.domain.downtime_number import format_downtime_number, parse_downtime_number
from downtime.domain.staff import Role
from downtime.services import backups, paper_numbers, records, staff, unlock
from downtime.services.context import Session, Vault, load_device
from downtime.storage import audit
from downtime.storage.backup import restore_backup, set_aside
from downtime.sync.export import export
from downtime.sync.merge import merge


@pytest.fixture
def ward(tmp_path, clock, forms, ward_on_a_stick):
    """Ward 3's encrypted laptop (device 3), backing up to a stick, with a records clerk."""
    vault, nurse = ward_on_a_stick(tmp_path / "ward.sqlite", beds=[], keep=3)
    admin = Session(vault.db, nurse.device, staff.sign_in(vault.db, "admin", "0000", clock), forms, clock, vault=vault)
    staff.add_staff(admin, "records", "Records", Role.RECORDS_STAFF, "4444")
    return vault


def _signed_in(vault, who, pin, forms, clock):
    user = unlock.sign_in(vault, who, pin, clock)
    return Session(vault.db, load_device(vault.db), user, forms, clock, vault=vault)


def _restored_as_the_window_does(vault, clock):
    """qt.app.sound_or_restored's steps once the nurse said Yes to the newest backup."""
    newest = backups.prepare_restore(vault)
    vault.db.conn.close()
    said = backups.put_restored(vault, newest, set_aside(vault.path, clock()), "nurse", clock())
    vault.db, vault.key = None, None
    return newest, said


def _backup_admitted_exported_restored(ward, forms, clock, durand, stick):
    """14:00 backup; 14:10 Durand admitted; 14:20 the ward's stick; 14:40 the 14:00 backup
    restored as the window restores it: (when the stick was made, the stick, what the restore said)."""
    nurse = _signed_in(ward, "nurse", "1111", forms, clock)
    backups.backup_now(nurse)
    clock.advance(minutes=10)
    records.save_new(nurse, "admission", durand)
    clock.advance(minutes=10)
    exported_at = clock()
    made = export(_signed_in(ward, "records", "4444", forms, clock), stick)
    clock.advance(minutes=20)
    _, said = _restored_as_the_window_does(ward, clock)
    return exported_at, made, said


def _number(db, patient_id):
    return db.execute("SELECT downtime_number FROM patients WHERE patient_id = ?", [patient_id]).fetchone()[0]


@pytest.fixture
def durand(admission_values):
    return {**admission_values, "birth_name": "Durand", "used_name": "", "given_names": "Paul", "sex": "male",
            "nir": "", "birth_date": "1960-01-01", "bed": "13"}


@pytest.fixture
def bernard(admission_values):
    return {**admission_values, "birth_name": "Bernard", "used_name": "", "given_names": "Anne", "sex": "female",
            "nir": "", "birth_date": "1970-05-05", "bed": "14"}


def test_numbers_given_or_reserved_after_the_backup_are_not_given_again_after_a_restore(
        ward, forms, clock, admission_values, durand, bernard):
    """11:40 backup; 11:50 Durand admitted (DT-003-00002 on his wristband) and two labels
    reserved for paper; 12:20 the file is found damaged and the backup restored: Bernard, admitted
    next, was given Durand's number, and the labels in the binder were reserved again."""
    nurse = _signed_in(ward, "nurse", "1111", forms, clock)
    records.save_new(nurse, "admission", admission_values)
    backups.backup_now(nurse)
    clock.advance(minutes=10)
    wristband = _number(ward.db, records.save_new(nurse, "admission", durand).patient_id)
    labels = paper_numbers.reserve(nurse, 2)
    clock.advance(minutes=30)
    _restored_as_the_window_does(ward, clock)
    nurse = _signed_in(ward, "nurse", "1111", forms, clock)
    given = _number(ward.db, records.save_new(nurse, "admission", bernard).patient_id)
    assert parse_downtime_number(wristband) == (3, 2) and [parse_downtime_number(n) for n in labels] == [(3, 3), (3, 4)]
    assert parse_downtime_number(given) == (3, 5)
    assert [parse_downtime_number(n) for n in paper_numbers.reserve(nurse, 1)] == [(3, 6)]
    assert audit.verify_chain(ward.db) is None


def test_a_patient_the_restore_lost_is_typed_in_again_under_the_number_on_their_wristband(
        ward, forms, clock, admission_values, durand, bernard):
    nurse = _signed_in(ward, "nurse", "1111", forms, clock)
    records.save_new(nurse, "admission", admission_values)
    backups.backup_now(nurse)
    clock.advance(minutes=10)
    wristband = _number(ward.db, records.save_new(nurse, "admission", durand).patient_id)
    clock.advance(minutes=30)
    _restored_as_the_window_does(ward, clock)
    nurse = _signed_in(ward, "nurse", "1111", forms, clock)
    again = records.save_new(nurse, "admission", {**durand, "paper_number": wristband})
    assert _number(ward.db, again.patient_id) == wristband
    # Once, like a reserved label's; a number the laptop never reached is still refused.
    with pytest.raises(Exception, match="is already used by DURAND Paul"):
        records.save_new(nurse, "admission", {**bernard, "paper_number": wristband})
    with pytest.raises(Exception, match="was not reserved on this laptop"):
        records.save_new(nurse, "admission", {**bernard, "paper_number": format_downtime_number(3, 9)})


def test_a_restore_that_cannot_know_the_numbers_given_since_the_backup_jumps_past_them(
        ward, forms, clock, admission_values, bernard, tmp_path):
    """On a spare laptop (or with the damaged file's key slots from an earlier version) nothing
    says how far the laptop had gone: allocation jumps a margin, whose numbers a patient's
    wristband may still carry."""
    nurse = _signed_in(ward, "nurse", "1111", forms, clock)
    records.save_new(nurse, "admission", admission_values)
    backup = backups.backup_now(nurse)
    spare = tmp_path / "spare" / "ward.sqlite"
    assert main(["restore", str(backup), "--db", str(spare), "--user", "nurse", "--pin", "1111"]) == 0
    vault = Vault(spare)
    nurse = _signed_in(vault, "nurse", "1111", forms, clock)
    given = _number(vault.db, records.save_new(nurse, "admission", bernard).patient_id)
    assert parse_downtime_number(given) == (3, 2 + paper_numbers.RESTORE_MARGIN)
    lost = records.save_new(nurse, "admission", {**bernard, "birth_name": "Petit", "bed": "15", "paper_number": format_downtime_number(3, 2)})
    assert _number(vault.db, lost.patient_id) == format_downtime_number(3, 2)


def test_the_laptops_sticks_from_before_and_after_a_restore_merge(ward, forms, clock, admission_values, durand,
                                                                 bernard, tmp_path):
    """The records office was refused both: "they come from copies of one laptop's database"."""
    nurse = _signed_in(ward, "nurse", "1111", forms, clock)
    records.save_new(nurse, "admission", admission_values)
    backups.backup_now(nurse)
    clock.advance(minutes=10)
    records.save_new(nurse, "admission", durand)
    early = export(_signed_in(ward, "records", "4444", forms, clock), tmp_path / "stick-1").folder
    clock.advance(minutes=30)
    _restored_as_the_window_does(ward, clock)
    records.save_new(_signed_in(ward, "nurse", "1111", forms, clock), "admission", bernard)
    late = export(_signed_in(ward, "records", "4444", forms, clock), tmp_path / "stick-2").folder
    merged = merge([early, late], tmp_path / "merged")
    names = {json.loads(line)["downtime_number"] for line in (merged.folder / "data" / "patients.jsonl")
             .read_text(encoding="utf-8").splitlines()}
    assert names == {format_downtime_number(3, sequence) for sequence in (1, 2, 3)}


def test_a_restore_is_audited_in_the_restored_database(ward, forms, clock, admission_values, durand):
    """Nothing said that a restore happened, from which backup, nor what period is missing."""
    nurse = _signed_in(ward, "nurse", "1111", forms, clock)
    records.save_new(nurse, "admission", admission_values)
    backup = backups.backup_now(nurse)
    last = ward.db.execute("SELECT seq, hash, at FROM audit WHERE seq < (SELECT MAX(seq) FROM audit)"
                           " ORDER BY seq DESC LIMIT 1").fetchone()  # the backup's own entry follows the copy
    clock.advance(minutes=10)
    records.save_new(nurse, "admission", durand)
    clock.advance(minutes=30)
    restored_at = clock()
    newest, said = _restored_as_the_window_does(ward, clock)
    assert newest == backup
    nurse = _signed_in(ward, "nurse", "1111", forms, clock)
    at, actor, detail = ward.db.execute("SELECT at, actor, detail FROM audit WHERE action = 'backup.restored'").fetchone()
    detail = json.loads(detail)
    assert (at, actor) == (restored_at.isoformat(), "nurse")
    assert detail["backup"] == str(backup) and detail["made_at"].startswith("2026-11-28T")
    assert detail["last_entry"] == {"seq": last[0], "hash": last[1], "at": last[2]}
    assert detail["set_aside"].startswith(str(ward.path) + ".damaged-")
    assert (detail["device_number"], detail["lost_from"], detail["lost_to"], detail["kept"]) == (3, 2, 2, True)
    assert audit.verify_chain(ward.db) is None
    assert said.text("en").startswith("Records saved after 14:00 are not in it: re-type them from paper; staff "
                                      "accounts and PINs changed after 14:00 are as they were then.")


def test_downtime_restore_is_audited_and_says_what_is_not_in_the_backup(ward, forms, clock, admission_values, capsys,
                                                                        tmp_path):
    nurse = _signed_in(ward, "nurse", "1111", forms, clock)
    records.save_new(nurse, "admission", admission_values)
    backup = backups.backup_now(nurse)
    target = tmp_path / "restored.sqlite"
    assert main(["restore", str(backup), "--db", str(target), "--user", "nurse", "--pin", "1111"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    # No damaged file named (a spare laptop): nothing here knows of an export made since the backup.
    assert ("Records saved after 14:00 are not in it: re-type from paper only what was saved after this laptop's "
            "last export (its stick holds what was saved until then), or after 14:00 if it was not exported since; "
            "staff accounts and PINs changed after 14:00 are as they were then.") in out
    vault = Vault(target)
    _signed_in(vault, "nurse", "1111", forms, clock)
    actor, detail = vault.db.execute("SELECT actor, detail FROM audit WHERE action = 'backup.restored'").fetchone()
    assert actor == "nurse" and json.loads(detail)["backup"] == str(backup)
    assert json.loads(detail)["set_aside"] is None and json.loads(detail)["kept"] is False


def test_sticks_of_a_laptop_restored_by_an_earlier_version_are_refused_naming_the_restore(
        tmp_path, laptop, admission_values, clock, forms, durand, bernard):
    """A restore by an earlier version (the backup put in place with nothing audited) gave the
    numbers given since the backup again: the merge still cannot tell the two patients apart, and
    its refusal named only copies of a database, sending the records office after a second laptop."""
    from downtime.storage.backup import make_backup, restore_backup
    from downtime.storage.connection import open_database
    from downtime.sync.merge import MergeRefused

    nurse, clerk = laptop(tmp_path / "1.sqlite", 1)
    records.save_new(nurse, "admission", admission_values)
    backup = make_backup(nurse.db, tmp_path / "1.sqlite", None, tmp_path / "backups", clock(), 10)
    records.save_new(nurse, "admission", durand)
    before = export(clerk, tmp_path / "before-damage").folder
    restore_backup(backup, tmp_path / "restored.sqlite")
    db = open_database(tmp_path / "restored.sqlite")
    nurse, clerk = (Session(db, load_device(db), staff.sign_in(db, who, pin, clock), forms, clock)
                    for who, pin in (("nurse", "1111"), ("records", "4444")))
    records.save_new(nurse, "admission", bernard)
    after = export(clerk, tmp_path / "after-restore").folder
    with pytest.raises(MergeRefused, match="or from one laptop before and after it was restored from a backup by an "
                                           "earlier version of Downtime"):
        merge([before, after], tmp_path / "merged")


def test_a_snapshots_patients_are_kept_as_given_once_for_the_whole_load(ward, forms, clock, tmp_path, monkeypatch):
    """Each patient's number kept one at a time was a flush of the key-slot file each, 1-15 ms a
    patient (a 720-bed hospital's snapshot seconds longer); kept once before the load commits,
    the highest is kept all the same."""
    import shutil
    from pathlib import Path

    from downtime.storage import keyslots
    from downtime.sync.importing import import_path

    kept: list[int] = []
    keep_given = keyslots.keep_given
    monkeypatch.setattr(keyslots, "keep_given", lambda *args: kept.append(args[2]) or keep_given(*args))
    snapshot = shutil.copytree(Path(__file__).parent / "data" / "snapshot", tmp_path / "snapshot")
    assert import_path(_signed_in(ward, "records", "4444", forms, clock), snapshot).added["patient"] == 2
    assert kept == [2] and keyslots.given(ward.path) == {3: 2}


def test_a_restore_from_a_backup_older_than_the_last_export_says_the_stick_holds_what_was_saved_until_it(
        ward, forms, clock, durand, tmp_path):
    """14:00 backup; 14:10 Durand admitted; 14:20 the ward's stick; 14:40 the file is damaged and
    the 14:00 backup restored. The ward was told to re-type from paper all saved after 14:00, the
    manifest and the merge said the same: a dose typed again went into the EHR twice."""
    exported_at, stick, said = _backup_admitted_exported_restored(ward, forms, clock, durand, tmp_path / "stick-1")
    assert said.text("en").startswith(
        "Records saved after 14:00 are not in it, but those saved up to 14:20 went on the stick exported then: do "
        "not re-type them; re-type from paper only what was saved after 14:20; staff accounts and PINs changed "
        "after 14:00 are as they were then.")
    _signed_in(ward, "nurse", "1111", forms, clock)
    (detail,) = [json.loads(found) for (found,) in ward.db.execute(
        "SELECT detail FROM audit WHERE action = 'backup.restored'")]
    assert detail["last_export"] == {"at": exported_at.isoformat(), "last_rowid": stick.last_rowid}
    (restore,) = backups.restores(ward.db)
    assert restore["last_export_at"] == exported_at.isoformat()
    assert restore["records_lost_between"] == [exported_at.isoformat(), restore["restored_at"]]
    clock.advance(minutes=5)
    late = export(_signed_in(ward, "records", "4444", forms, clock), tmp_path / "stick-2").folder
    (told,) = merge([stick.folder, late], tmp_path / "merged").not_exported_text("en")
    assert "older than its export of 28/11/2026 14:20" in told
    assert "records typed on it between 28/11/2026 14:20 and 28/11/2026 14:40 were lost" in told


def test_a_second_restore_from_the_same_old_backup_still_says_the_stick_holds_what_was_saved_until_it(
        ward, forms, clock, durand, tmp_path):
    """14:00 backup; 14:10 Durand; 14:20 stick; 14:40 damaged, the 14:00 backup restored; 14:50
    damaged again before any new backup or stick, the 14:00 backup restored again: the restored
    file's key slots were the backup's, so the second restore told the ward to re-type from
    paper everything since 14:00, the 14:20 stick's records too."""
    exported_at, _, _ = _backup_admitted_exported_restored(ward, forms, clock, durand, tmp_path / "stick")
    _signed_in(ward, "nurse", "1111", forms, clock)
    clock.advance(minutes=10)
    backup, said = _restored_as_the_window_does(ward, clock)
    assert backups.made(backup) == "28/11/2026 14:00"
    assert said.text("en").startswith(
        "Records saved after 14:00 are not in it, but those saved up to 14:20 went on the stick exported then: do "
        "not re-type them; re-type from paper only what was saved after 14:20;"), said.text("en")
    _signed_in(ward, "nurse", "1111", forms, clock)
    (restore,) = backups.restores(ward.db)
    assert restore["records_lost_between"] == [exported_at.isoformat(), restore["restored_at"]]


def test_downtime_restore_given_the_damaged_file_says_what_its_last_stick_holds(ward, forms, clock, durand, capsys,
                                                                               tmp_path):
    nurse = _signed_in(ward, "nurse", "1111", forms, clock)
    backup = backups.backup_now(nurse)
    clock.advance(minutes=10)
    records.save_new(nurse, "admission", durand)
    clock.advance(minutes=10)
    export(_signed_in(ward, "records", "4444", forms, clock), tmp_path / "stick")
    ward.db.conn.close()
    damaged = set_aside(ward.path, clock())
    assert main(["restore", str(backup), "--db", str(ward.path), "--damaged", str(damaged),
                 "--user", "nurse", "--pin", "1111"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert ("but those saved up to 14:20 went on the stick exported then: do not re-type them; re-type from paper "
            "only what was saved after 14:20") in out
    assert main(["restore", str(backup), "--db", str(tmp_path / "other.sqlite"), "--damaged", str(tmp_path / "none"),
                 "--user", "nurse", "--pin", "1111"]) == 1
    assert "--damaged" in capsys.readouterr().err and not (tmp_path / "other.sqlite").exists()


def test_a_spare_laptops_restore_is_narrowed_at_the_merge_by_the_stick_made_before_it(
        ward, forms, clock, durand, tmp_path):
    """The backup put on a spare laptop, given no damaged file: the merge holds the stick."""
    nurse = _signed_in(ward, "nurse", "1111", forms, clock)
    backup = backups.backup_now(nurse)
    clock.advance(minutes=10)
    records.save_new(nurse, "admission", durand)
    clock.advance(minutes=10)
    early = export(_signed_in(ward, "records", "4444", forms, clock), tmp_path / "stick-1").folder
    clock.advance(minutes=20)
    spare = tmp_path / "spare.sqlite"
    restore_backup(backup, spare)
    backups.restored(spare, ward.key, backup, None, "nurse", clock())
    vault = Vault(spare)
    late = export(_signed_in(vault, "records", "4444", forms, clock), tmp_path / "stick-2").folder
    merged = merge([early, late], tmp_path / "merged")
    (told,) = merged.not_exported_text("en")
    assert "between 28/11/2026 14:20 and 28/11/2026 14:40 were lost" in told
    manifest = json.loads((merged.folder / "manifest.json").read_text(encoding="utf-8"))
    assert [found["records_lost_between"][0][:16] for found in manifest["restores"]] == ["2026-11-28T14:20"]


def test_a_dose_charted_before_a_restore_and_typed_again_after_it_asks_the_ward_at_the_office(
        ward, forms, clock, admission_values, laptop, tmp_path):
    """14:00 backup; the 14:00 paracetamol charted at 14:10; the 14:20 stick; the 14:00 backup
    restored at 14:40 and the dose typed again from paper: both records of the one dose read
    "enter" at the office (the double-dose rule paired two laptops' records only) and the EHR got
    it twice."""
    from downtime.services import back_entry, medication, wards
    from downtime.sync.import_export import import_export

    admin = _signed_in(ward, "admin", "0000", forms, clock)
    staff.add_staff(admin, "doctor", "Doctor", Role.DOCTOR, "2222")
    wards.add_ward(admin, "3B", "Medicine", [str(bed) for bed in range(1, 21)])
    patient = records.save_new(_signed_in(ward, "nurse", "1111", forms, clock), "admission",
                               {**admission_values, "arrival_at": clock().isoformat()}).patient_id
    order = records.save_new(_signed_in(ward, "doctor", "2222", forms, clock), "medication_order", {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
        "times": "08:00 14:00 20:00", "start_at": clock().isoformat(), "controlled": False, "high_alert": False},
        patient_id=patient).record_id
    backups.backup_now(_signed_in(ward, "nurse", "1111", forms, clock))
    dose = {"outcome": "given", "given_at": "2026-11-28T14:05+01:00", "scheduled_for": "2026-11-28T14:00+01:00",
            "dose_given": 1.0, "route": "PO"}
    clock.advance(minutes=10)
    medication.record_dose(_signed_in(ward, "nurse", "1111", forms, clock), order, dose)
    clock.advance(minutes=10)
    early = export(_signed_in(ward, "records", "4444", forms, clock), tmp_path / "stick-1").folder
    clock.advance(minutes=20)
    _restored_as_the_window_does(ward, clock)
    medication.record_dose(_signed_in(ward, "nurse", "1111", forms, clock), order, dose)
    clock.advance(minutes=5)
    late = export(_signed_in(ward, "records", "4444", forms, clock), tmp_path / "stick-2").folder
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, early)
    import_export(office, late)
    lines = [item for group in back_entry.worklist(office) for item in group.items
             if item.record.form_id == "medication_administration"]
    assert len(lines) == 2
    assert all(item.asks_the_ward and "the same dose (due 28/11/2026 14:00) was also recorded on Ward 3 (no. 003)"
               in item.to_do for item in lines), [item.to_do for item in lines]


def test_the_key_slots_keep_the_latest_export_only(ward, clock):
    """An export's time is written once its stick is made; one made earlier (a second window's,
    finishing late) never replaces it, and a plain database keeps none (it has no key slots)."""
    from downtime.storage import keyslots

    later = clock()
    keyslots.keep_export(ward.path, later, 7)
    clock.advance(minutes=-30)
    keyslots.keep_export(ward.path, clock(), 3)
    assert keyslots.last_export(ward.path) == (later, 7)
    assert keyslots.last_export(ward.path.with_name("plain.sqlite")) is None
