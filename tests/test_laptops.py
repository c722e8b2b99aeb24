"""Other laptops are named to people by the names and numbers they were set up with, as their
exports' manifests say, kept by the import and carried by every merge: not by a guess from a
patient they admitted, nor by the start of their device id."""

import json

from downtime.services import records
from downtime.services.holds import settle
from downtime.services.back_entry import hold_of
from downtime.services.laptops import laptop_name
from downtime.storage.audit import verify_chain
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from downtime.sync.merge import merge


def _device_ids(disagreeing):
    """Laptops 1, 2 and 3's device ids, from their exports' manifests."""
    _, *folders = disagreeing[:4]
    return [json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["device_id"] for folder in folders]


def test_a_ward_laptop_that_admitted_no_one_is_named_at_the_office_by_its_name(disagreeing, tmp_path, laptop):
    """Laptop 2 only received the transferred patient and amended their admission: the clerk
    settling the hold read "laptop 6e8f94ed", the start of its device id."""
    record, first, second, third, *_ = disagreeing
    one, two, three = _device_ids(disagreeing)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    for folder in (first, second, third):
        import_export(office, folder)
    assert [laptop_name(office, device) for device in (one, two, three)] == [
        "laptop 1 (no. 001)", "laptop 2 (no. 002)", "laptop 3 (no. 003)"]
    assert laptop_name(office, office.device.device_id) == "laptop 900 (no. 900)"
    hold = hold_of(office, record)
    assert hold is not None
    chosen = next(version for version in hold.versions if version.device_id == two)
    kept = settle(office, hold, chosen, "Sister Martin, ward 3B, by phone")
    assert "version 2 by Nurse (nurse, laptop 002) on laptop 2 (no. 002) chosen." in kept.reason
    assert verify_chain(office.db) is None


def test_a_merge_of_merges_carries_every_laptop_to_the_office(disagreeing, tmp_path, laptop):
    record, first, second, third, *_ = disagreeing
    one, two, three = _device_ids(disagreeing)
    monday = merge([first, second], tmp_path / "monday")
    tuesday = merge([monday.folder, third], tmp_path / "tuesday")
    manifest = json.loads((tuesday.folder / "manifest.json").read_text(encoding="utf-8"))
    assert [(source["device_id"], source["device_number"], source["device_name"]) for source in manifest["sources"]] == [
        (one, 1, "laptop 1"), (two, 2, "laptop 2"), (three, 3, "laptop 3")]
    [hold] = tuesday.holds
    assert ("laptop 2 (no. 002): version 2 by Nurse (nurse, laptop 002), 28/11/2026 14:10: Bed: 14"
            in manifest["on_hold"][0]["why"])
    assert tuesday.holds_text("en") == [manifest["on_hold"][0]["why"]]
    again = merge([tuesday.folder, first, third], tmp_path / "again")
    assert json.loads((again.folder / "manifest.json").read_text(encoding="utf-8"))["sources"] == manifest["sources"]
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    result = import_export(office, tuesday.folder)
    # by the staff ID of laptop 2, not the office's own `nurse`
    assert "laptop 2 (no. 002): version 2 by Nurse (nurse, laptop 002), 28/11/2026 14:10" in result.holds_text("en")[0]
    assert [laptop_name(office, device) for device in (one, two, three)] == [
        "laptop 1 (no. 001)", "laptop 2 (no. 002)", "laptop 3 (no. 003)"]


def test_the_same_stick_imported_twice_keeps_its_laptop_once(disagreeing, tmp_path, laptop):
    _, first, second, *_ = disagreeing
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, second)
    kept = office.db.execute("SELECT device_name, device_number FROM laptops").fetchall()
    assert kept == [("laptop 2", 2)]
    audited = office.db.execute("SELECT COUNT(*) FROM audit WHERE entity = 'laptops'").fetchone()[0]
    assert audited == 1
    import_export(office, second)
    import_export(office, merge([first, second], tmp_path / "merged").folder)  # laptop 2's same export, in a merge
    assert office.db.execute("SELECT COUNT(*) FROM laptops WHERE device_name = 'laptop 2'").fetchone()[0] == 1
    assert office.db.execute("SELECT COUNT(*) FROM audit WHERE entity = 'laptops'").fetchone()[0] == 2
    assert verify_chain(office.db) is None


def test_a_laptop_renamed_between_two_exports_goes_by_its_latest_name(disagreeing, tmp_path, laptop, clock):
    """The ward relabelled its laptop: the office names it as its latest export does, whichever
    stick came first; both names are kept."""
    _, _, second, *_ = disagreeing
    two = _device_ids(disagreeing)[1]
    renamed = tmp_path / "renamed"
    import shutil

    shutil.copytree(second, renamed)
    manifest = json.loads((renamed / "manifest.json").read_text(encoding="utf-8"))
    later = manifest["exported_at"].replace("2026-11-28", "2026-11-29")
    assert later > manifest["exported_at"]
    (renamed / "manifest.json").write_text(json.dumps({**manifest, "device_name": "Ward 3B laptop 2",
                                                       "exported_at": later}), encoding="utf-8")
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, renamed)
    import_export(office, second)
    assert laptop_name(office, two) == "Ward 3B laptop 2 (no. 002)"
    assert office.db.execute("SELECT COUNT(*) FROM laptops WHERE device_id = ?", [two]).fetchone()[0] == 2


def test_a_ward_laptop_names_the_laptop_whose_stick_it_imported(tmp_path, laptop, clock, admission_values):
    """A ward that took another's stick names it as that laptop was set up."""
    nurse_1, clerk_1 = laptop(tmp_path / "1.sqlite", 1)
    clerk_2 = laptop(tmp_path / "2.sqlite", 2)[1]
    records.save_new(nurse_1, "admission", admission_values)
    import_export(clerk_2, export(clerk_1, tmp_path / "carried").folder)
    assert laptop_name(clerk_2, nurse_1.device.device_id) == "laptop 1 (no. 001)"
    assert laptop_name(clerk_2, "6e8f94ed-0000-4000-8000-000000000000") == "laptop 6e8f94ed", "never seen: as before"


def test_a_manifest_naming_its_laptop_oddly_names_no_one_and_refuses_nothing(disagreeing, tmp_path, laptop):
    """An older or hand-edited manifest: its laptop is named as one never seen, the import goes ahead."""
    _, _, second, *_ = disagreeing
    two = _device_ids(disagreeing)[1]
    manifest = json.loads((second / "manifest.json").read_text(encoding="utf-8"))
    (second / "manifest.json").write_text(json.dumps({**manifest, "device_number": "two", "device_name": None,
                                                      "exported_at": "yesterday"}), encoding="utf-8")
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    assert import_export(office, second).added["records"] == 2
    assert laptop_name(office, two) == f"laptop {two[:8]}"
    assert merge([second], tmp_path / "merged").laptops[two].number is None
    assert verify_chain(office.db) is None


def test_an_office_database_from_before_export_ranges_opens_and_learns_a_sticks_range_when_it_comes_again(tmp_path):
    """Migration m026 adds each export's record range to the laptops kept: a row from before it
    is audited again with its empty range (`verify` read a new column as the row altered), its
    stick again without a range adds nothing, and with one it is read by its range alone."""
    from datetime import datetime, timezone

    import sqlcipher3
    from sqlite_utils import Database

    from downtime.storage import audit
    from downtime.storage.laptops import exports, remember
    from downtime.storage.migrations import MIGRATIONS

    db = Database(sqlcipher3.connect(str(tmp_path / "office.sqlite")))
    MIGRATIONS.apply(db, stop_before="m026_laptop_export_ranges")
    source = {"device_id": "d1", "device_number": 1, "device_name": "laptop 1", "exported_at": "2026-11-28T17:00+01:00"}
    at = datetime(2026, 11, 28, 18, tzinfo=timezone.utc)
    with db.conn:
        audit.insert_audited(db, "laptops", {"id": audit.digest(source), **source, "imported_at": at.isoformat()},
                             at=at, actor="records", device_id="d0", action="laptop.import")
    MIGRATIONS.apply(db)
    assert audit.verify_chain(db) is None
    assert exports(db) == [{**source, "records_rowid_range": None}]
    with db.conn:
        remember(db, [source], at=at, actor="records", device_id="d0")
    assert db.execute("SELECT COUNT(*) FROM laptops").fetchone()[0] == 1
    with db.conn:
        remember(db, [{**source, "records_rowid_range": [1, 4]}], at=at, actor="records", device_id="d0")
    assert exports(db) == [{**source, "records_rowid_range": [1, 4]}]
    assert audit.verify_chain(db) is None
