"""Each laptop's export carries its staff directory (staff ID, name, role; never a PIN's hash or
a key slot), which the import keeps per laptop, so the records office names the nurse who wrote
a version on a ward laptop, or witnessed a dose there, by name: the clerk no longer phones the
ward to learn who "nurse (laptop 002)" is before entering the performer in the EHR."""

import json
import shutil

from downtime.domain.staff import Role
from downtime.services import back_entry, staff
from downtime.services.context import Session
from downtime.services.laptops import staff_of
from downtime.storage.audit import verify_chain
from downtime.sync.export import export
from downtime.sync.import_export import import_export


def _manifest(folder):
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


def _admin(session, clock):
    return Session(session.db, session.device, staff.sign_in(session.db, "admin", "0000", clock), session.forms, clock)


def test_an_export_lists_its_staff_by_name_and_role_and_no_secret(tmp_path, laptop, clock):
    nurse, clerk = laptop(tmp_path / "2.sqlite", 2)
    staff.add_staff(_admin(nurse, clock), "hl", "Hélène Lefèvre", Role.WARD_NURSE, "3333")
    folder = export(clerk, tmp_path / "export").folder
    assert _manifest(folder)["staff"] == [
        {"staff_id": "admin", "name": "Admin", "role": Role.ADMINISTRATOR.value},
        {"staff_id": "hl", "name": "Hélène Lefèvre", "role": Role.WARD_NURSE.value},
        {"staff_id": "nurse", "name": "Nurse", "role": Role.WARD_NURSE.value},
        {"staff_id": "records", "name": "Records", "role": Role.RECORDS_STAFF.value}]
    text = (folder / "manifest.json").read_text(encoding="utf-8")
    hashes = [pin_hash for (pin_hash,) in nurse.db.execute("SELECT pin_hash FROM staff")]
    assert len(hashes) == 4 and not [pin_hash for pin_hash in hashes if pin_hash in text]


def test_the_import_keeps_each_laptops_directory_once_and_a_later_name(tmp_path, laptop, clock):
    nurse, clerk = laptop(tmp_path / "2.sqlite", 2)
    staff.add_staff(_admin(nurse, clock), "hl", "Hélène Martin", Role.WARD_NURSE, "3333")
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    device = nurse.device.device_id
    import_export(office, export(clerk, tmp_path / "monday").folder)
    assert staff_of(office, "hl", device) == "Hélène Martin (hl, laptop 002)"
    kept = office.db.execute("SELECT COUNT(*) FROM laptop_staff").fetchone()[0]
    assert kept == 4
    assert office.db.execute("SELECT COUNT(*) FROM audit WHERE entity = 'laptop_staff'").fetchone()[0] == kept
    import_export(office, tmp_path / "monday")
    assert office.db.execute("SELECT COUNT(*) FROM laptop_staff").fetchone()[0] == kept, "the same stick: nothing new"
    # A later export names her otherwise (the laptop set up again); it comes first to another office.
    tuesday = tmp_path / "tuesday"
    shutil.copytree(tmp_path / "monday", tuesday)
    manifest = _manifest(tuesday)
    later = manifest["exported_at"].replace("2026-11-28", "2026-11-29")
    assert later > manifest["exported_at"]
    (tuesday / "manifest.json").write_text(json.dumps({**manifest, "exported_at": later, "staff": [
        {**member, "name": "Hélène Lefèvre"} if member["staff_id"] == "hl" else member
        for member in manifest["staff"]]}), encoding="utf-8")
    again = laptop(tmp_path / "office-2.sqlite", 901)[1]
    for folder in (tuesday, tmp_path / "monday"):
        import_export(again, folder)
        import_export(office, folder)
    assert staff_of(office, "hl", device) == staff_of(again, "hl", device) == "Hélène Lefèvre (hl, laptop 002)"
    assert office.db.execute("SELECT COUNT(*) FROM laptop_staff").fetchone()[0] == kept + 1
    assert staff_of(office, "nurse", office.device.device_id) == "Nurse (nurse)", "the office's own staff as before"
    assert verify_chain(office.db) is None and verify_chain(again.db) is None


def test_a_dose_on_the_worklist_names_its_witness_of_another_laptop_by_name(doses_from_laptop_1, tmp_path, laptop):
    *_, dose, _ = doses_from_laptop_1
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, tmp_path / "carried")
    [item] = [item for group in back_entry.worklist(office) for item in group.items if item.record.record_id == dose]
    assert "Witness / second check: Hélène Lefèvre (hl, laptop 001)" in item.label


def test_an_older_manifest_without_a_directory_imports_and_names_by_staff_id(disagreeing, tmp_path, laptop):
    """An older app's export, or a hand-edited directory: its staff are named as before."""
    record, first, second, *_ = disagreeing
    older = tmp_path / "older"
    shutil.copytree(second, older)
    manifest = _manifest(older)
    del manifest["staff"]
    (older / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    edited = tmp_path / "edited"
    shutil.copytree(first, edited)
    (edited / "manifest.json").write_text(json.dumps({**_manifest(first), "staff": [
        {"staff_id": "nurse", "name": 7}, "nurse", {"name": "Nobody"}, {"staff_id": "nurse", "name": " "}]}),
        encoding="utf-8")
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    assert import_export(office, older).added["records"] == 2
    import_export(office, edited)
    assert office.db.execute("SELECT COUNT(*) FROM laptop_staff").fetchone()[0] == 0
    hold = back_entry.hold_of(office, record)
    assert hold is not None
    assert {staff_of(office, version.author, version.device_id) for version in hold.versions} == {
        "nurse (laptop 001)", "nurse (laptop 002)"}
    assert verify_chain(office.db) is None
