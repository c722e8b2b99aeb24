"""What no export of a laptop holds, said by its manifest and the merge: a restore from a backup
(the records typed between the backup and the restore are lost unless typed again from paper)
and the drafts left unsaved (forms a nurse may believe saved), by form, whose and when, never
what was typed. The records office merging twenty laptops knew neither."""

import json

import pytest

from downtime.domain.staff import Role
from downtime.services import backups, drafts, records, staff, unlock
from downtime.services.context import Session, load_device
from downtime.storage.backup import set_aside
from downtime.sync.export import export, verify_export
from downtime.sync.merge import merge

DOSE = {"order": "order-1", "outcome": "given", "given_at": "28/11/2026 13:58", "dose_given": "1", "route": "IV",
        "comment": "Typed at the lock screen"}


@pytest.fixture
def ward(tmp_path, clock, forms, ward_on_a_stick):
    """Ward 3's laptop (device 3, "Ward 3") backing up to a stick, with a second nurse (night,
    Noémie Faure) and a records clerk."""
    vault, nurse = ward_on_a_stick(tmp_path / "ward.sqlite", beds=[], keep=3)
    admin = Session(vault.db, nurse.device, staff.sign_in(vault.db, "admin", "0000", clock), forms, clock, vault=vault)
    staff.add_staff(admin, "night", "Noémie Faure", Role.WARD_NURSE, "5555")
    staff.add_staff(admin, "records", "Records", Role.RECORDS_STAFF, "4444")
    return vault


def _signed_in(vault, who, pin, forms, clock):
    user = unlock.sign_in(vault, who, pin, clock)
    return Session(vault.db, load_device(vault.db), user, forms, clock, vault=vault)


def _restored(vault, clock, who="nurse"):
    """qt.app.sound_or_restored's steps once the nurse said Yes to the newest backup."""
    newest = backups.prepare_restore(vault)
    vault.db.conn.close()
    backups.put_restored(vault, newest, set_aside(vault.path, clock()), who, clock())
    vault.db, vault.key = None, None
    return newest


def _manifest(folder):
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture
def restored_at_15_10(ward, forms, clock, admission_values):
    """14:00 backup; a dose typed at 14:30 lost; 15:10 the backup restored. Returns the backup and
    when it was made and restored."""
    clock.now = clock.now.replace(hour=13, minute=50)
    nurse = _signed_in(ward, "nurse", "1111", forms, clock)
    records.save_new(nurse, "admission", admission_values)
    clock.now = clock.now.replace(hour=14, minute=0)
    backup = backups.backup_now(nurse)
    made = clock()
    clock.now = clock.now.replace(hour=14, minute=30)
    records.save_new(nurse, "admission", {**admission_values, "birth_name": "Durand", "nir": "", "bed": "13"})
    clock.now = clock.now.replace(hour=15, minute=10)
    restored = clock()
    assert _restored(ward, clock) == backup
    return backup, made, restored


def test_an_export_of_a_restored_laptop_names_the_restore_and_the_records_it_lost(ward, forms, clock, restored_at_15_10,
                                                                                 tmp_path):
    backup, made, restored = restored_at_15_10
    clock.advance(minutes=5)
    done = export(_signed_in(ward, "records", "4444", forms, clock), tmp_path / "stick")
    (said,) = _manifest(done.folder)["restores"]
    assert said == {"restored_at": restored.isoformat(), "restored_by": "nurse", "backup": backup.name,
                    "backup_made_at": said["backup_made_at"], "last_export_at": None,
                    "records_lost_between": [said["backup_made_at"], restored.isoformat()]}
    # The backup's time as its name says it (to the microsecond), in the restore's offset.
    assert said["backup_made_at"][:16] == made.isoformat()[:16]
    assert said["backup_made_at"].endswith(restored.isoformat()[-6:])
    assert verify_export(done.folder) == []


def test_an_export_counts_the_drafts_left_unsaved_by_form_whose_and_when_never_what_was_typed(ward, forms, clock,
                                                                                               tmp_path):
    nurse = _signed_in(ward, "nurse", "1111", forms, clock)
    night = _signed_in(ward, "night", "5555", forms, clock)
    clock.now = clock.now.replace(hour=21, minute=0)
    drafts.save_draft(nurse, "dose-1", "medication_administration", DOSE)
    clock.now = clock.now.replace(hour=22, minute=15)
    drafts.save_draft(night, "dose-2", "medication_administration", DOSE)
    last_dose = clock().isoformat()
    drafts.save_draft(night, "obs-1", "observations", {"comment": "Confused at night"})
    done = export(_signed_in(ward, "records", "4444", forms, clock), tmp_path / "stick")
    manifest = _manifest(done.folder)
    assert manifest["unsaved_drafts"] == [
        {"form_id": "medication_administration", "count": 2, "authors": ["night", "nurse"], "last_typed_at": last_dose},
        {"form_id": "observations", "count": 1, "authors": ["night"], "last_typed_at": last_dose}]
    assert manifest["restores"] == []
    text = (done.folder / "manifest.json").read_text(encoding="utf-8")
    assert "lock screen" not in text and "Confused" not in text


def test_the_merge_says_a_laptops_restore_and_its_drafts_at_its_latest_export(ward, forms, clock, restored_at_15_10,
                                                                             tmp_path):
    """Laptop 3's first stick (two drafts) and its second (one of them saved since) merge with
    its restore named once and the drafts of the second stick alone, then merge again (a merge
    of the merge and nothing else) saying the same."""
    backup, made, restored = restored_at_15_10
    nurse = _signed_in(ward, "nurse", "1111", forms, clock)
    night = _signed_in(ward, "night", "5555", forms, clock)
    clock.now = clock.now.replace(hour=21, minute=0)
    drafts.save_draft(nurse, "dose-1", "medication_administration", DOSE)
    drafts.save_draft(night, "obs-1", "observations", {"comment": "Confused at night"})
    early = export(_signed_in(ward, "records", "4444", forms, clock), tmp_path / "stick-1").folder
    drafts.discard_draft(night, "obs-1")
    clock.now = clock.now.replace(hour=22, minute=15)
    drafts.save_draft(night, "dose-2", "medication_administration", DOSE)
    late = export(_signed_in(ward, "records", "4444", forms, clock), tmp_path / "stick-2", since_last=True).folder
    merged = merge([early, late], tmp_path / "merged")
    lines = merged.not_exported_text("en", {form_id: spec.title.get("en") for form_id, spec in forms.items()})
    assert lines == [
        f"RESTORED FROM A BACKUP: Ward 3 (no. 003) was restored on {restored:%d/%m/%Y} 15:10 by Nurse (nurse) from a "
        f"backup of {made:%d/%m/%Y} 14:00: records typed on it between {made:%d/%m/%Y} 14:00 and "
        f"{restored:%d/%m/%Y} 15:10 were lost unless typed again from paper; check that laptop's paper forms of that "
        f"time against the records merged (the manifest's restores)",
        f"UNSAVED DRAFTS: 2 form(s) typed on Ward 3 (no. 003) were still unsaved when it exported at "
        f"{restored:%d/%m/%Y} 22:15, so are in no export: 2 × Medication administration by Noémie Faure (night), "
        f"Nurse (nurse), the last typed {restored:%d/%m/%Y} 22:15. Ask whoever typed each what it held (a dose "
        f"typed may have been given) (the manifest's unsaved_drafts)"]
    manifest = _manifest(merged.folder)
    assert [(found["device_id"], found["restored_at"], found["backup"], found["why"])
            for found in manifest["restores"]] == [(load_device(ward.db).device_id, restored.isoformat(), backup.name, lines[0])]
    assert [(found["forms"], found["why"]) for found in manifest["unsaved_drafts"]] == [(
        [{"form_id": "medication_administration", "count": 2, "authors": ["night", "nurse"],
          "last_typed_at": clock().isoformat()}], lines[1])]
    again = merge([merged.folder], tmp_path / "merged-again")
    assert again.not_exported_text("en", {form_id: spec.title.get("en") for form_id, spec in forms.items()}) == lines


def test_an_older_export_without_restores_or_drafts_merges_beside_one_that_has_them(
        ward, forms, clock, restored_at_15_10, tmp_path, admission_values):
    """An export of an earlier version (its manifest without either list) says nothing of them,
    and refuses nothing; the other laptop's restore is still said."""
    older_path = tmp_path / "older.sqlite"
    vault, device = unlock.create(older_path, encrypted=False, device_number=4, device_name="Ward 4", admin_id="admin",
                                  admin_name="Admin", admin_pin="0000", clock=clock)
    admin = Session(vault.db, device, staff.sign_in(vault.db, "admin", "0000", clock), forms, clock, vault=vault)
    staff.add_staff(admin, "records", "Records", Role.RECORDS_STAFF, "4444")
    staff.add_staff(admin, "nurse", "Nurse", Role.WARD_NURSE, "1111")
    nurse = _signed_in(vault, "nurse", "1111", forms, clock)
    records.save_new(nurse, "admission", {**admission_values, "nir": "", "bed": "4"})
    drafts.save_draft(nurse, "dose-1", "medication_administration", DOSE)
    older = export(_signed_in(vault, "records", "4444", forms, clock), tmp_path / "older-stick").folder
    manifest = _manifest(older)
    manifest.pop("restores", None), manifest.pop("unsaved_drafts", None)
    (older / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    restored = export(_signed_in(ward, "records", "4444", forms, clock), tmp_path / "stick").folder
    merged = merge([older, restored], tmp_path / "merged")
    (line,) = merged.not_exported_text("en")
    assert line.startswith("RESTORED FROM A BACKUP: Ward 3 (no. 003) was restored on ")
    assert merged.tally.versions == 2
