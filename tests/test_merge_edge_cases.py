"""What the records office meets when merging a real outage's exports: the night the clocks go
back, a laptop clock set right, yesterday's merge with a late laptop's export, a damaged
manifest, a very long amendment reason, two laptops given one device number, compound first
names, manifests written on Windows, and snapshot cells holding odd line breaks."""

import csv
import json
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path, PureWindowsPath

import pytest

from downtime.services import records, staff
from downtime.services.context import Session, load_device
from downtime.storage import open_database
from downtime.sync.export import export, sha256_of, verify_export
from downtime.sync.import_export import import_export
from downtime.sync.importing import import_path
from downtime.sync.merge import MergeRefused, merge
from downtime.sync.outcome import ImportRefused
from downtime.sync.versions import RECORDS_FILE

CEST, CET = timezone(timedelta(hours=2)), timezone(timedelta(hours=1))
ARRIVED = "2026-10-24T22:00+02:00"
SNAPSHOT = Path(__file__).parent / "data" / "snapshot"


def _versions(folder):
    return [(row["record_id"], row["version"]) for row in map(
        json.loads, (folder / RECORDS_FILE).read_text(encoding="utf-8").splitlines())]


def _amended_at(tmp_path, laptop, clock, admission_values, first, second):
    """An admission saved at `first` and amended at `second` (the laptop's clock), exported."""
    nurse, clerk = laptop(tmp_path / "1.sqlite", 1)
    clock.now = first
    saved = records.save_new(nurse, "admission", {**admission_values, "arrival_at": ARRIVED})
    clock.now = second
    records.amend(nurse, saved.record_id, {**admission_values, "arrival_at": ARRIVED, "bed": "14"}, "wrong bed")
    return saved.record_id, export(clerk, tmp_path / "export-1").folder


@pytest.mark.parametrize("second", [datetime(2026, 10, 25, 2, 10, tzinfo=CET),    # 30 min later, in winter time
                                    datetime(2026, 10, 25, 1, 0, tzinfo=CEST)],   # the clock set right, back
                         ids=["autumn clock change", "clock set back"])
def test_versions_merge_in_version_order_and_import(tmp_path, laptop, clock, admission_values, second):
    record, folder = _amended_at(tmp_path, laptop, clock, admission_values,
                                 datetime(2026, 10, 25, 2, 40, tzinfo=CEST), second)
    merged = merge([folder], tmp_path / "merged").folder
    assert _versions(merged) == [(record, 1), (record, 2)]
    assert import_export(laptop(tmp_path / "office.sqlite", 900)[1], merged).added["records"] == 2


def test_versions_of_different_records_merge_in_the_order_they_happened(tmp_path, laptop, clock, admission_values):
    """02:40 summer time is before 02:10 winter time, though its text sorts after."""
    folders = []
    for number, when in ((1, datetime(2026, 10, 25, 2, 10, tzinfo=CET)), (2, datetime(2026, 10, 25, 2, 40, tzinfo=CEST))):
        nurse, clerk = laptop(tmp_path / f"{number}.sqlite", number)
        clock.now = when
        records.save_new(nurse, "admission", {**admission_values, "arrival_at": ARRIVED, "bed": str(number)})
        folders.append(export(clerk, tmp_path / f"export-{number}").folder)
    merged = merge(folders, tmp_path / "merged").folder
    assert _versions(merged) == _versions(folders[1]) + _versions(folders[0])


def test_a_time_that_is_not_one_is_refused_by_file_and_line(tmp_path, laptop, clock, admission_values, rewritten):
    _, folder = _amended_at(tmp_path, laptop, clock, admission_values, clock.now, clock.now + timedelta(hours=1))
    rewritten(folder, 2, lambda row: row.update(recorded_at="28/11/2026 15:00"))
    with pytest.raises(MergeRefused, match=r"data/records.jsonl, line 2: recorded_at '28/11/2026 15:00' is not a date "
                                           r"and time with its offset"):
        merge([folder], tmp_path / "merged")
    assert not (tmp_path / "merged").exists() and not list(tmp_path.glob(".merge-*"))


@pytest.mark.parametrize(("line", "said"), [
    ("garbage,notanumber", "column version holds 'notanumber', not a whole number"),
    (",1", "column record_id is empty"),
    ("lonely", "column version holds '', not a whole number")])
def test_a_damaged_csv_line_is_refused_by_file_and_line(tmp_path, laptop, clock, admission_values, line, said):
    """A CSV line damaged after the export (its manifest's checksums made again) stopped the
    merge with a Python error naming neither the file nor the line."""
    _, folder = _amended_at(tmp_path, laptop, clock, admission_values, clock.now, clock.now + timedelta(hours=1))
    path = folder / "csv" / "admission.csv"
    lines = path.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    lines[2] = f"{line}\r\n"
    path.write_text("".join(lines), encoding="utf-8-sig")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"]["csv/admission.csv"] = sha256_of(path)
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(MergeRefused, match=rf"csv.admission\.csv, line 3: {said}"):
        merge([folder], tmp_path / "merged")
    assert not (tmp_path / "merged").exists() and not list(tmp_path.glob(".merge-*"))


@pytest.fixture
def three_exports(tmp_path, laptop, admission_values):
    folders = []
    for number in (1, 2, 3):
        nurse, clerk = laptop(tmp_path / f"{number}.sqlite", number)
        records.save_new(nurse, "admission", {**admission_values, "bed": str(number)})
        folders.append(export(clerk, tmp_path / f"export-{number}").folder)
    return folders


def test_yesterdays_merge_merges_with_a_late_export(three_exports, tmp_path, laptop):
    monday = merge(three_exports[:2], tmp_path / "monday").folder
    tuesday = merge([monday, three_exports[2]], tmp_path / "tuesday")
    assert tuesday.versions == {"admission": 3}
    manifest = json.loads((tuesday.folder / "manifest.json").read_text(encoding="utf-8"))
    assert [source["device_number"] for source in manifest["sources"]] == [1, 2, 3]
    assert import_export(laptop(tmp_path / "office.sqlite", 900)[1], tuesday.folder).added["records"] == 3


@pytest.mark.parametrize("text", ["null", "[]", "{}", '{"files": null}', '{"files": ["csv/admission.csv"]}'])
def test_a_manifest_of_the_wrong_shape_is_refused_by_name(three_exports, tmp_path, text):
    manifest = three_exports[0] / "manifest.json"
    manifest.write_text(text, encoding="utf-8")
    assert list(map(str, verify_export(three_exports[0]))) == [f"{manifest}: not a manifest (it does not list the files with their "
                                               "SHA-256)"]
    with pytest.raises(MergeRefused, match="export-1/manifest.json: not a manifest"):
        merge(three_exports, tmp_path / "merged")
    assert not (tmp_path / "merged").exists()


def test_a_manifest_written_on_windows_verifies_and_merges(three_exports, tmp_path):
    manifest_path = three_exports[0] / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    assert "csv/admission.csv" in manifest["files"]
    manifest["files"] = {str(PureWindowsPath(name)): digest for name, digest in manifest["files"].items()}
    assert "csv\\admission.csv" in manifest["files"]
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    assert verify_export(three_exports[0]) == []
    assert merge(three_exports, tmp_path / "merged").versions == {"admission": 3}


def test_a_very_long_amendment_reason_merges_whole(tmp_path, laptop, admission_values):
    nurse, clerk = laptop(tmp_path / "1.sqlite", 1)
    saved = records.save_new(nurse, "admission", admission_values)
    reason = "Lit changé. " * 11_999 + "Lit changé."
    records.amend(nurse, saved.record_id, {**admission_values, "bed": "14"}, reason)
    limit = csv.field_size_limit()
    result = merge([export(clerk, tmp_path / "export-1").folder], tmp_path / "merged")
    assert result.versions == {"admission": 2} and csv.field_size_limit() == limit
    with (result.folder / "csv" / "admission.csv").open(encoding="utf-8-sig", newline="") as handle:
        csv.field_size_limit(len(reason) + 1)
        try:
            assert [row["version_reason"] for row in csv.DictReader(handle)] == ["", reason]
        finally:
            csv.field_size_limit(limit)


@pytest.fixture
def one_device_number(tmp_path, laptop, admission_values):
    """IT set two laptops up with device number 7: each gave DT-007-00001-1 to a patient of its
    own (Lefèvre on ward 3B, Roux on ward 5A), and laptop b a second number, to Blanc.
    Returns the two exports and each laptop's nurse."""
    folders, nurses = [], []
    for name, patients in (("a", [("Lefèvre", "1954-03-12", "3B")]),
                           ("b", [("Roux", "1961-07-30", "5A"), ("Blanc", "1970-01-02", "5A")])):
        nurse, clerk = laptop(tmp_path / f"{name}.sqlite", 7)
        for bed, (birth_name, born, ward) in enumerate(patients, start=1):
            records.save_new(nurse, "admission", {**admission_values, "birth_name": birth_name, "used_name": "",
                                                  "nir": "", "birth_date": born, "ward": ward, "bed": str(bed)})
        folders.append(export(clerk, tmp_path / f"export-{name}").folder)
        nurses.append(nurse)
    return folders, nurses


def test_two_laptops_with_one_device_number_refuse_the_merge_naming_both(tmp_path, one_device_number):
    folders, _ = one_device_number
    with pytest.raises(MergeRefused) as refused:
        merge(folders, tmp_path / "merged")
    assert str(refused.value) == (f"refused: {folders[0]} and {folders[1]} come from two laptops set up with the same "
                                  "device number 7, so their downtime numbers can name two different patients; each "
                                  "laptop needs its own device number. To merge both laptops' patients all the same, "
                                  "each of these numbers shown with its laptop, merge again with "
                                  "--shared-device-number")
    assert not (tmp_path / "merged").exists() and not list(tmp_path.glob(".merge-*"))


def _shown(nurse):
    return f"DT-007-00001-1 (laptop {nurse.device.device_id[:8]})"


def test_two_laptops_with_one_device_number_merge_when_the_clerk_says_so_each_number_told_apart(
        tmp_path, one_device_number, capsys):
    """Refused, the second laptop's admissions, doses and transfers could never be back-entered.
    Merged on the clerk's word, DT-007-00001-1 reads with its laptop wherever it is read, and the
    report and the manifest name both patients, to tell the paper forms apart."""
    from downtime.cli import main

    folders, (nurse_a, nurse_b) = one_device_number
    assert main(["merge", *map(str, folders), "--out", str(tmp_path / "merged"), "--shared-device-number"]) == 0
    report = " ".join(capsys.readouterr().out.split())
    a, b = sorted([(_shown(nurse_a), "LEFÈVRE Hélène Marie, born 12/03/1954, ward 3B"),
                   (_shown(nurse_b), "ROUX Hélène Marie, born 30/07/1961, ward 5A")],
                  key=lambda pair: pair[0])
    assert ("ONE DOWNTIME NUMBER, TWO PATIENTS: DT-007-00001-1 was given by laptops set up with the same device "
            f"number to {a[1]}, shown as {a[0]}; {b[1]}, shown as {b[0]}. Tell their paper forms, wristbands and "
            "labels apart by name, date of birth and ward, and back-enter each under the number shown here.") in report
    merged = tmp_path / "merged"
    manifest = json.loads((merged / "manifest.json").read_text(encoding="utf-8"))
    (shared,) = manifest["shared_downtime_numbers"]
    assert shared["downtime_number"] == "DT-007-00001-1"
    assert [(found["shown_as"], found["name"], found["birth_date"], found["ward"]) for found in shared["patients"]] == [
        (shown, name, born, ward) for shown, name, born, ward in sorted([
            (_shown(nurse_a), "LEFÈVRE Hélène Marie", "1954-03-12", "3B"),
            (_shown(nurse_b), "ROUX Hélène Marie", "1961-07-30", "5A")])]
    with (merged / "csv" / "admission.csv").open(encoding="utf-8-sig", newline="") as handle:
        numbers = {row["birth_name"]: row["downtime_number"] for row in csv.DictReader(handle)}
    assert numbers == {"Lefèvre": _shown(nurse_a), "Roux": _shown(nurse_b), "Blanc": "DT-007-00002-9"}
    assert merge([merged, *folders], tmp_path / "again", shared_device_number=True).versions == {"admission": 3}


def test_the_office_takes_both_laptops_only_when_told_and_exports_one_fhir_identifier_per_patient(
        tmp_path, laptop, one_device_number):
    from fhir.resources.R4B.bundle import Bundle

    from downtime.services import back_entry
    from downtime.sync.fhir_patients import DOWNTIME_SYSTEM
    from downtime.sync.import_export import SharedDeviceNumber

    folders, (nurse_a, nurse_b) = one_device_number
    merged = merge(folders, tmp_path / "merged", shared_device_number=True).folder
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    with pytest.raises(SharedDeviceNumber) as refused:
        import_export(office, merged)
    assert str(refused.value) == (  # it said the number "already belongs to another patient in this database"
        f"data/patients.jsonl, line 2: downtime number DT-007-00001-1 is given on line 1 too, to another patient, by "
        f"laptop {refused.value.laptops[0]}; this patient's laptop {refused.value.laptops[1]} was set up with the same "
        "device number. To take both laptops' patients, told apart by laptop, import again with "
        "--shared-device-number (in the import wizard, tick the box naming both laptops)")
    assert set(refused.value.laptops) == {nurse_a.device.device_id[:8], nurse_b.device.device_id[:8]}
    assert office.db.execute("SELECT COUNT(*) FROM patients").fetchone()[0] == 0
    assert import_export(office, merged, shared_device_number=True).added == {"patients": 3, "records": 3}
    assert import_export(office, merged, shared_device_number=True).added == {"patients": 0, "records": 0}
    work = {group.patient.display_name: group.patient.downtime_number for group in back_entry.worklist(office)}
    assert work == {"LEFÈVRE Hélène Marie": _shown(nurse_a), "ROUX Hélène Marie": _shown(nurse_b),
                    "BLANC Hélène Marie": "DT-007-00002-9"}
    bundle = json.loads((export(office, tmp_path / "office-export").folder / "fhir" / "bundle.json").read_text(
        encoding="utf-8"))
    Bundle.model_validate(bundle)
    patients = [entry for entry in bundle["entry"] if entry["resource"]["resourceType"] == "Patient"]
    identifiers = [identifier["value"] for entry in patients for identifier in entry["resource"]["identifier"]
                   if identifier["system"].startswith(f"{DOWNTIME_SYSTEM}:")]
    assert sorted(identifiers) == sorted([_shown(nurse_a), _shown(nurse_b), "DT-007-00002-9"])
    assert len({entry["request"]["ifNoneExist"] for entry in patients}) == 3
    other = laptop(tmp_path / "other-office.sqlite", 901)[1]
    assert import_export(other, tmp_path / "office-export", shared_device_number=True).added["patients"] == 3


def test_exports_imported_one_by_one_take_the_second_laptop_only_when_told(tmp_path, laptop, one_device_number,
                                                                           capsys):
    from downtime.cli import main

    folders, _ = one_device_number
    office, clerk = laptop(tmp_path / "office.sqlite", 900)
    import_export(clerk, folders[0])
    command = ["import", str(folders[1]), "--user", "records", "--pin", "4444", "--db", str(tmp_path / "office.sqlite")]
    assert main(command) == 1
    assert clerk.db.execute("SELECT COUNT(*) FROM patients").fetchone()[0] == 1
    assert "import again with --shared-device-number" in " ".join(capsys.readouterr().err.split())
    assert main([*command, "--shared-device-number"]) == 0
    assert clerk.db.execute("SELECT COUNT(*) FROM patients").fetchone()[0] == 3
    assert "ONE DOWNTIME NUMBER, TWO PATIENTS: DT-007-00001-1 was given by laptops set up with the same device number" \
        in capsys.readouterr().out


def test_two_laptops_holding_copies_of_one_database_refuse_the_merge_naming_both(tmp_path, laptop, admission_values,
                                                                                 forms, clock):
    """IT set the second laptop of a ward up by copying the first's database (its wards, staff
    and settings came with it): both gave DT-007-00001 to a patient of their own, and the merge
    passed them on without a word, one number for two people."""
    laptop(tmp_path / "a.sqlite", 7)[0].db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(tmp_path / "a.sqlite", tmp_path / "b.sqlite")
    folders = []
    for name, birth_name in (("a", "Lefèvre"), ("b", "Roux")):
        db = open_database(tmp_path / f"{name}.sqlite", create=False)
        device = load_device(db)
        nurse, clerk = (Session(db, device, staff.sign_in(db, who, pin, clock), forms, clock)
                        for who, pin in (("nurse", "1111"), ("records", "4444")))
        records.save_new(nurse, "admission", {**admission_values, "birth_name": birth_name, "nir": ""})
        folders.append(export(clerk, tmp_path / f"export-{name}").folder)
    with pytest.raises(MergeRefused) as refused:
        merge(folders, tmp_path / "merged")
    assert str(refused.value) == (f"refused: {folders[0]} and {folders[1]} give downtime number DT-007-00001-1 to two "
                                  "different patients: they come from copies of one laptop's database, or from one "
                                  "laptop before and after it was restored from a backup by an earlier version of "
                                  "Downtime (which gave the numbers given since the backup again), so each number can "
                                  "name two people. Check both patients' wristbands with the ward; set each laptop up "
                                  "with a database and device number of its own. --shared-device-number cannot merge "
                                  "them: both have one device id, so nothing tells their records apart by laptop")
    assert not (tmp_path / "merged").exists()
    with pytest.raises(MergeRefused, match="cannot merge them: both have one device id"):
        merge(folders, tmp_path / "merged", shared_device_number=True)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, folders[0])
    with pytest.raises(ImportRefused, match="given by a laptop with the same device id: a copy of one laptop's "
                                            "database, whose records cannot be told apart by laptop, so "
                                            "--shared-device-number cannot take it either"):
        import_export(office, folders[1], shared_device_number=True)


@pytest.mark.parametrize("given", [("Jean-Pierre", "Jean Pierre"), ("Jean-Pierre", "Jean"), ("Hélène Marie", "Hélène")])
def test_a_compound_first_name_written_two_ways_is_a_probable_duplicate(tmp_path, laptop, admission_values, given):
    folders = []
    for number, given_names in enumerate(given, start=1):
        nurse, clerk = laptop(tmp_path / f"{number}.sqlite", number)
        records.save_new(nurse, "admission", {**admission_values, "birth_name": "Moreau", "used_name": "",
                                              "given_names": given_names, "nir": "", "birth_date": "1947-05-02"})
        folders.append(export(clerk, tmp_path / f"export-{number}").folder)
    result = merge(folders, tmp_path / "merged")
    assert [d.why for d in result.duplicates] == ["the same family name (birth or used), first name and date of birth"]



@pytest.mark.parametrize("names", [("Lecœur", "LECOEUR"), ("Sørensen", "Sorensen"), ("Łukasz", "Lukasz")])
def test_a_birth_name_with_a_letter_of_its_own_typed_plainly_is_a_probable_duplicate(names):
    """One laptop has the EHR's "Lecœur", another the nurse's "LECOEUR": the fold kept œ, so
    the same person under two numbers went unreported."""
    from downtime.domain.duplicates import probable_duplicates

    found = probable_duplicates([{"downtime_number": f"DT-00{n}-00001-0", "birth_name": name, "given_names": "Anne",
                                  "birth_date": "1947-05-02"} for n, name in enumerate(names, start=1)])
    assert [d.why for d in found] == ["the same family name (birth or used), first name and date of birth"]

def test_two_numbers_with_the_same_ipp_are_a_probable_duplicate(tmp_path, laptop, admission_values):
    """A snapshot's patient with no NIR and no date of birth, admitted on two laptops: the
    hospital's own number is all that tells them one person."""
    folders = []
    for number, name in enumerate(("Inconnu", "Inconnue"), start=1):
        nurse, clerk = laptop(tmp_path / f"{number}.sqlite", number)
        records.save_new(nurse, "admission", {**admission_values, "birth_name": name, "used_name": "", "nir": "",
                                              "ipp": "8012345"})
        folders.append(export(clerk, tmp_path / f"export-{number}").folder)
    result = merge(folders, tmp_path / "merged")
    assert [d.why for d in result.duplicates] == ["the same IPP"]


@pytest.fixture
def snapshot_with_reason(tmp_path):
    """The CSV snapshot with the second patient's reason for admission replaced."""
    def make(reason):
        snapshot = Path(shutil.copytree(SNAPSHOT, tmp_path / "snapshot"))
        stays = snapshot / "stays.csv"
        stays.write_text(stays.read_text(encoding="utf-8").replace("Community-acquired pneumonia", reason),
                         encoding="utf-8", newline="")
        return snapshot
    return make


@pytest.mark.parametrize("separator", ["\u2028", "\u2029"])
def test_a_line_separator_pasted_into_an_unquoted_snapshot_cell_is_text(session_for, snapshot_with_reason, separator):
    """A CSV writer leaves it unquoted, since to CSV only CR and LF end a line."""
    snapshot = snapshot_with_reason(f"Community-acquired{separator}pneumonia")
    result = import_path(session_for("records"), snapshot)
    assert result.added == {"patient": 2, "order": 2, "session": 1, "booking": 1}


@pytest.mark.parametrize("control", ["\x0b", "\x0c", "\x1c", "\x85"])
def test_a_control_character_in_an_unquoted_snapshot_cell_is_named_not_a_cut_short_file(
        session_for, snapshot_with_reason, control):
    snapshot = snapshot_with_reason(f"Community-acquired{control}pneumonia")
    with pytest.raises(ImportRefused, match=r"^patients.csv, line 3 \(stays.csv, line 3\): .* contains invisible control characters"):
        import_path(session_for("records"), snapshot)


def test_an_export_whose_form_had_fewer_fields_merges_each_line_under_its_columns(tmp_path, laptop, admission_values):
    """A laptop packaged with an earlier app, whose admission form lacked a field the others
    have, wrote a CSV without that column: the merge stopped with "dict contains fields not in
    fieldnames" when the newer export came second."""
    folders = []
    for number in (1, 2):
        nurse, clerk = laptop(tmp_path / f"{number}.sqlite", number)
        records.save_new(nurse, "admission", {**admission_values, "nok_name": f"Proche {number}"})
        folders.append(export(clerk, tmp_path / f"export-{number}").folder)
    older = folders[0] / "csv" / "admission.csv"
    with older.open(encoding="utf-8-sig", newline="") as handle:
        rows = [[cell for name, cell in zip(header, row) if name != "nok_name"]
                for header in [next(csv.reader(handle))] for row in [header, *csv.reader(handle)]]
    with older.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    manifest = json.loads((folders[0] / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"]["csv/admission.csv"] = sha256_of(older)
    (folders[0] / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    result = merge(folders, tmp_path / "merged")
    with (result.folder / "csv" / "admission.csv").open(encoding="utf-8-sig", newline="") as handle:
        merged = list(csv.DictReader(handle))
    assert sorted(row["nok_name"] for row in merged) == ["", "Proche 2"]
    assert {row["birth_name"] for row in merged} == {"Lefèvre"}


def test_an_export_written_before_the_byte_order_mark_merges_with_one_that_has_it(tmp_path, laptop,
                                                                                   admission_values):
    """Exports now start each CSV with a UTF-8 byte-order mark (so Excel reads Lecœur, not
    LecÅ“ur); a stick exported before, without it, still merges beside them, and the merged
    CSVs carry the mark too."""
    folders = []
    for number, name in ((1, "Lecœur"), (2, "Lefèvre")):
        nurse, clerk = laptop(tmp_path / f"{number}.sqlite", number)
        records.save_new(nurse, "admission", {**admission_values, "birth_name": name, "nir": ""})
        folders.append(export(clerk, tmp_path / f"export-{number}").folder)
    manifest = json.loads((folders[0] / "manifest.json").read_text(encoding="utf-8"))
    for older in (folders[0] / "csv").glob("*.csv"):
        older.write_bytes(older.read_bytes().removeprefix(b"\xef\xbb\xbf"))
        manifest["files"][f"csv/{older.name}"] = sha256_of(older)
    (folders[0] / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    result = merge(folders, tmp_path / "merged")
    assert result.versions["admission"] == 2 and verify_export(result.folder) == []
    merged = result.folder / "csv" / "admission.csv"
    assert merged.read_bytes().startswith(b"\xef\xbb\xbfrecord_id,")
    with merged.open(encoding="utf-8-sig", newline="") as handle:
        assert sorted(row["birth_name"] for row in csv.DictReader(handle)) == ["Lecœur", "Lefèvre"]


def test_the_merge_judges_probable_duplicates_by_the_standing_admissions_as_the_back_entry_tab_does(
        tmp_path, laptop, admission_values):
    """The merge read every version in the CSVs: an admission withdrawn (entered in error) as a
    duplicate, and the NIR of another patient typed by mistake then corrected, each raised a
    "probably one person" the Back-entry tab, reading only the versions that stand, did not."""
    from downtime.services import back_entry

    nurse_1, clerk_1 = laptop(tmp_path / "1.sqlite", 1)
    nurse_2, clerk_2 = laptop(tmp_path / "2.sqlite", 2)
    withdrawn = records.save_new(nurse_1, "admission", admission_values)
    records.mark_entered_in_error(nurse_1, withdrawn.record_id, "admitted twice: the patient is on ward 2")
    records.save_new(nurse_2, "admission", admission_values)
    mistyped = records.save_new(nurse_1, "admission", {**admission_values, "birth_name": "Roux",
                                                       "given_names": "Paul", "bed": "3"})
    records.amend(nurse_1, mistyped.record_id, {**mistyped.data, "nir": "187057511302329"}, "NIR mistyped")
    folders = [export(clerk, tmp_path / f"export-{number}").folder for number, clerk in ((1, clerk_1), (2, clerk_2))]
    assert merge(folders, tmp_path / "merged").duplicates == []
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, tmp_path / "merged")
    assert back_entry.probable_duplicates(office) == []


def test_a_database_from_before_shared_numbers_keeps_its_patients_whole_once_upgraded(tmp_path):
    """Taking two laptops' patients under one number needed the patients table without its
    one-patient-per-number constraint, rebuilt: its rows, their rowids (the search index's) and
    the records pointing to them stay as they were, the audit chain verifies, and the table stays
    append-only and one number per laptop."""
    import sqlcipher3
    from sqlite_utils import Database

    from downtime.storage import audit
    from downtime.storage.migrations import MIGRATIONS

    db = Database(sqlcipher3.connect(str(tmp_path / "office.sqlite"), isolation_level=None))
    db.execute("PRAGMA foreign_keys = ON")
    MIGRATIONS.apply(db, stop_before="m021_shared_device_numbers")
    at = datetime(2026, 11, 28, 9, tzinfo=timezone.utc)
    patient = {"patient_id": "p1", "downtime_number": "DT-007-00001-1", "device_number": 7, "sequence": 1,
               "device_id": "aaaaaaaa-1", "created_by": "nurse", "created_at": "2026-11-28T10:00+01:00"}
    with db.conn:
        first = {**patient, "patient_id": "p0", "downtime_number": "DT-007-00002-9", "sequence": 2}
        db.execute(f"INSERT INTO patients (rowid, {', '.join(first)}) VALUES (5, {', '.join('?' * len(first))})",
                   list(first.values()))
        audit.append(db, at=at, actor="nurse", device_id="aaaaaaaa-1", action="patient.import", entity="patients",
                     entity_id="p0", row=first)
        audit.insert_audited(db, "patients", patient, at=at, actor="nurse", device_id="aaaaaaaa-1",
                             action="patient.import")
        audit.insert_audited(db, "records", {
            "id": "v1", "record_id": "r1", "version": 1, "form_id": "admission", "form_version": 1,
            "patient_id": "p1", "status": "final", "data": "{}", "reason": None, "author": "nurse",
            "device_id": "aaaaaaaa-1", "occurred_at": "2026-11-28T10:00+01:00",
            "recorded_at": "2026-11-28T10:00+01:00"}, at=at, actor="nurse", device_id="aaaaaaaa-1", action="record.import")
    before = db.execute("SELECT rowid, * FROM patients ORDER BY rowid").fetchall()
    MIGRATIONS.apply(db)
    assert db.execute("SELECT rowid, * FROM patients ORDER BY rowid").fetchall() == before
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1 and db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert audit.verify_chain(db) is None
    with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
        db.execute("UPDATE patients SET downtime_number = 'x'")
    insert = f"INSERT INTO patients ({', '.join(patient)}) VALUES ({', '.join('?' * len(patient))})"
    db.execute(insert, list({**patient, "patient_id": "p2", "device_id": "bbbbbbbb-2"}.values()))
    with pytest.raises(sqlcipher3.IntegrityError, match="UNIQUE"):
        db.execute(insert, list({**patient, "patient_id": "p3"}.values()))


def test_a_shared_number_is_found_by_the_number_on_the_form_and_linked_only_as_shown(tmp_path, laptop,
                                                                                   one_device_number):
    """Typed off a paper form, DT-007-00001-1 finds both patients; linked to an EHR number as
    typed it would have been either one's (the first found), so it must be given as shown."""
    from downtime.services import back_entry, search
    from downtime.services.errors import NotFound

    folders, (nurse_a, nurse_b) = one_device_number
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    for folder in folders:
        import_export(office, folder, shared_device_number=True)
    found = search.search(office.db, office.forms, "DT-007-00001-1")
    assert sorted(patient.downtime_number for patient in found) == sorted([_shown(nurse_a), _shown(nurse_b)])
    with pytest.raises(NotFound) as refused:
        back_entry.link_patient(office, "DT-007-00001-1", "800001")
    assert str(refused.value) == ("DT-007-00001-1 was given to two patients, by two laptops set up with the same "
                                  "device number: give it as the list shows it, "
                                  f"{'; '.join(sorted([_shown(nurse_a), _shown(nurse_b)]))}.")
    back_entry.link_patient(office, _shown(nurse_b), "800002")
    (roux,) = [patient for patient in found if patient.downtime_number == _shown(nurse_b)]
    assert back_entry.ehr_numbers(office.db) == {roux.patient_id: "800002"}


def test_a_shared_number_as_shown_finds_its_laptops_patient_alone(tmp_path, laptop, one_device_number):
    """The clerk copies "DT-007-00001-1 (laptop 6e8f94ed)" from the worklist, the merge's report
    or a refusal into the search: it found no patient at all."""
    from downtime.services import search

    folders, (nurse_a, nurse_b) = one_device_number
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    for folder in folders:
        import_export(office, folder, shared_device_number=True)
    for nurse, name in ((nurse_a, "LEFÈVRE Hélène Marie"), (nurse_b, "ROUX Hélène Marie")):
        found = search.search(office.db, office.forms, _shown(nurse))
        assert [(patient.display_name, patient.downtime_number) for patient in found] == [(name, _shown(nurse))]
    assert len(search.search(office.db, office.forms, "DT-007-00001-1")) == 2
    assert search.search(office.db, office.forms, "DT-007-00001-1 (laptop 00000000)") == []


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_patients_of_one_shared_number_are_listed_with_a_space_before_the_semicolon_in_french(
        tmp_path, one_device_number, capsys, laptop, lang, listed_in):
    """The merge's report naming both patients of DT-007-00001-1, and the refusal of linking it
    as typed naming both numbers as shown: in French "…(portable …); ROUX…"."""
    from downtime.cli import main
    from downtime.services import back_entry
    from downtime.services.errors import NotFound

    folders, _ = one_device_number
    assert main(["merge", *map(str, folders), "--out", str(tmp_path / "merged"), "--shared-device-number",
                 "--lang", lang]) == 0
    (line,) = [line for line in capsys.readouterr().out.splitlines() if "DT-007-00001-1" in line]
    listed_in(line.split(". ")[0], lang)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    for folder in folders:
        import_export(office, folder, shared_device_number=True)
    with pytest.raises(NotFound) as refused:
        back_entry.link_patient(office, "DT-007-00001-1", "800001")
    listed_in(refused.value.text(lang), lang)
