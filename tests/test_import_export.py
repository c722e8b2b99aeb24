"""The records office imports laptops' exports: the same records arrive, nothing twice, and a
refused export leaves the database exactly as it was."""

import json

import pytest

from downtime.services import records, search, staff
from downtime.services.context import Session, load_device
from downtime.services.errors import PermissionDenied
from downtime.storage.audit import verify_chain
from downtime.sync.export import export, sha256_of
from downtime.sync.import_export import import_export
from downtime.sync.outcome import ImportRefused
from downtime.sync.merge import merge
from downtime.sync.versions import RECORDS_FILE

RECORD_COLUMNS = "id, record_id, version, form_id, form_version, patient_id, status, data, reason, " \
                 "author, device_id, occurred_at, recorded_at"


def _rows(db, table, columns):
    return sorted(tuple(row.values()) for row in db.query(f"SELECT {columns} FROM {table}"))


def _counts(db):
    return {table: db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("patients", "records", "audit")}


@pytest.fixture
def demo_export(tmp_path, forms, clock, demo_database):
    db = demo_database(tmp_path / "demo.sqlite")
    clerk = Session(db, load_device(db), staff.sign_in(db, "records", "4444", clock), forms, clock)
    return db, export(clerk, tmp_path / "demo-export").folder


@pytest.fixture
def office(tmp_path, laptop):
    return laptop(tmp_path / "office.sqlite", 900)[1]


def test_round_trip_brings_the_same_records(demo_export, office):
    ward, folder = demo_export
    result = import_export(office, folder)
    assert result.added["records"] == ward.execute("SELECT COUNT(*) FROM records").fetchone()[0] > 100
    assert _rows(office.db, "records", RECORD_COLUMNS) == _rows(ward, "records", RECORD_COLUMNS)
    patient_columns = "patient_id, downtime_number, device_number, sequence, device_id, created_by, created_at"
    assert _rows(office.db, "patients", patient_columns) == _rows(ward, "patients", patient_columns)
    found = search.search(office.db, office.forms, "nguyen")
    assert found and found[0].downtime_number.startswith("DT-900-")
    assert verify_chain(office.db) is None


def test_importing_the_same_export_twice_adds_nothing(demo_export, office):
    _, folder = demo_export
    first = import_export(office, folder)
    before = _counts(office.db)
    again = import_export(office, folder)
    assert again.added == {"patients": 0, "records": 0}
    assert again.unchanged == first.added
    assert _counts(office.db) == {**before, "audit": before["audit"] + 1}


def test_the_import_command_says_what_it_imported_and_what_was_here_in_the_clerks_words(demo_export, office,
                                                                                       capsys):
    """`downtime import` said "(export)" untranslated, and "N already here and unchanged" added
    patients and record versions together: each is said, as what was added is."""
    from downtime.cli import main

    ward, folder = demo_export
    patients, versions = (ward.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in ("patients", "records"))
    who = ["--db", str(office.db.conn.execute("PRAGMA database_list").fetchone()[2]), "--user", "records", "--pin", "4444"]
    assert main(["import", str(folder), *who]) == 0
    assert main(["import", str(folder), "--lang", "fr", *who]) == 0
    # Each followed by the Back-entry list's count (tests/test_merge_counts.py).
    first, _, again, _ = capsys.readouterr().out.splitlines()
    assert first.endswith(f"(exports or a merge of exports): {patients} patient(s), {versions} record version(s); "
                          "0 patient(s), 0 record version(s) already here, unchanged")
    assert "(des exports ou une fusion d’exports)" in again and "(export)" not in again
    assert again.endswith(f"; {patients} patient(s), {versions} version(s) d’enregistrement déjà présent(s), "
                          "inchangé(s)"), again


def test_exports_imported_one_by_one_say_the_probable_duplicate_the_merge_says(tmp_path, laptop, admission_values,
                                                                                 office, capsys):
    """One person admitted on two laptops: `downtime merge` printed PROBABLE DUPLICATE, but the
    records office importing the sticks one by one was told nothing, and a clerk not opening the
    Back-entry tab typed two EHR files. The second import says it in the merge's words (the
    first has nothing to compare with), in the clerk's language; importing a stick again adds
    nothing and says nothing new, and once both numbers are linked to one EHR patient a later
    stick about them says nothing."""
    from downtime.cli import main
    from downtime.services import back_entry

    folders, laptops = [], []
    for number in (1, 2):
        nurse, clerk = laptop(tmp_path / f"{number}.sqlite", number)
        records.save_new(nurse, "admission", {**admission_values, "bed": str(number)})
        folders.append(export(clerk, tmp_path / f"export-{number}").folder)
        laptops.append((nurse, clerk))
    assert main(["merge", *map(str, folders), "--out", str(tmp_path / "merged")]) == 0
    merged = [line for line in capsys.readouterr().out.splitlines() if line.startswith("PROBABLE DUPLICATE")]
    assert len(merged) == 1
    who = ["--db", str(office.db.conn.execute("PRAGMA database_list").fetchone()[2]), "--user", "records", "--pin", "4444"]

    def imported(folder, *lang):
        assert main(["import", str(folder), *lang, *who]) == 0
        return [line for line in capsys.readouterr().out.splitlines()[1:]
                if " on the Back-entry list, " not in line and " sur la liste de ressaisie, " not in line]

    def moved(bed):
        nurse, clerk = laptops[1]
        records.amend(nurse, records.list_current(nurse.db, "admission")[0].record_id,
                      {**admission_values, "bed": bed}, "moved")
        return export(clerk, tmp_path / f"export-2-bed-{bed}", since_last=True).folder

    assert imported(folders[0]) == []
    assert imported(folders[1]) == merged
    assert imported(folders[1]) == []
    numbers = merged[0].removeprefix("PROBABLE DUPLICATE: ").split(" have ")[0]
    assert imported(moved("7"), "--lang", "fr") == [
        f"DOUBLON PROBABLE : {numbers} ont même NIR ; même nom de famille (de naissance ou d’usage), prénom et date de naissance"]
    for number in numbers.split(", "):
        back_entry.link_patient(office, number, "800123", same_person=True)
    assert imported(moved("8")) == []


def test_merged_exports_import_with_every_laptop(tmp_path, laptop, admission_values, office):
    folders = []
    for number in (1, 2):
        nurse, clerk = laptop(tmp_path / f"{number}.sqlite", number)
        saved = records.save_new(nurse, "admission", {**admission_values, "bed": str(number)})
        records.amend(nurse, saved.record_id, {**admission_values, "bed": f"1{number}"}, "wrong bed")
        folders.append(export(clerk, tmp_path / f"export-{number}").folder)
    merged = merge(folders + folders[:1], tmp_path / "merged").folder
    result = import_export(office, merged)
    assert result.added == {"patients": 2, "records": 4}
    beds = {record.data["bed"] for record in records.list_current(office.db, "admission")}
    assert beds == {"11", "12"}


def test_a_tampered_export_is_refused_and_nothing_written(demo_export, office):
    _, folder = demo_export
    path = folder / RECORDS_FILE
    data = bytearray(path.read_bytes())
    data[100] ^= 0x01
    path.write_bytes(bytes(data))
    before = _counts(office.db)
    with pytest.raises(ImportRefused, match="records.jsonl: altered or truncated"):
        import_export(office, folder)
    assert _counts(office.db) == before


def test_a_later_version_without_its_first_is_refused_by_line(tmp_path, laptop, admission_values, office):
    nurse, clerk = laptop(tmp_path / "1.sqlite", 1)
    saved = records.save_new(nurse, "admission", admission_values)
    export(clerk, tmp_path / "first")
    records.amend(nurse, saved.record_id, {**admission_values, "bed": "3"}, "wrong bed")
    later = export(clerk, tmp_path / "later", since_last=True).folder
    lines = (later / RECORDS_FILE).read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["version"] for line in lines] == [2]
    before = _counts(office.db)
    with pytest.raises(ImportRefused, match=r"records.jsonl, line 1: .* version 2 arrives without version 1"):
        import_export(office, later)
    assert _counts(office.db) == before


def test_an_export_read_a_few_lines_at_a_time_imports_the_same_and_refuses_a_late_line(demo_export, office,
                                                                                        monkeypatch, rewritten):
    """A hospital's merge is read a batch at a time: seven lines at a time, every version is
    checked against the batches before it (an amendment's first version among them), and a
    refused line far down the file still leaves the database as it was."""
    from downtime.sync import import_export as importing

    monkeypatch.setattr(importing, "BATCH", 7)
    ward, folder = demo_export
    amended = ward.execute("SELECT COUNT(*) FROM records WHERE version > 1").fetchone()[0]
    assert amended > 0
    lines = rewritten(folder, 200, lambda row: row.update(form_id="no_such_form"))
    assert lines > 200
    before = _counts(office.db)
    with pytest.raises(ImportRefused, match=r"records.jsonl, line 200: form 'no_such_form' is not known") as refused:
        import_export(office, folder)
    assert refused.value.text("fr").startswith("data/records.jsonl, ligne 200 :"), "the line named in the reader's words"
    assert _counts(office.db) == before
    rewritten(folder, 200, lambda row: row.update(form_id=ward.execute(
        "SELECT form_id FROM records WHERE id = ?", [row["id"]]).fetchone()[0]))
    assert import_export(office, folder).added["records"] == lines
    assert _rows(office.db, "records", RECORD_COLUMNS) == _rows(ward, "records", RECORD_COLUMNS)
    assert verify_chain(office.db) is None


def test_a_nurse_may_not_import(demo_export, laptop, tmp_path):
    _, folder = demo_export
    nurse, _ = laptop(tmp_path / "other.sqlite", 7)
    with pytest.raises(PermissionDenied, match="import data"):
        import_export(nurse, folder)


@pytest.mark.parametrize("column, value, named", [
    ("version", "2", "column version holds '2', not a whole number"),
    ("version", True, "column version holds True, not a whole number"),
    ("data", {"bed": "3"}, "column data holds {'bed': '3'}, not text"),
    ("author", None, "column author holds None, not text"),
])
def test_a_version_line_must_hold_what_the_database_stores(tmp_path, column, value, named):
    """The import hashes each line for the audit log before inserting it, so a line whose
    value SQLite would convert (a version written as text) is refused, by line and column."""
    from downtime.sync.versions import RECORD_COLUMNS as COLUMNS
    from downtime.sync.versions import VersionFileError, read_lines

    good = {name: "x" for name in COLUMNS} | {"version": 1, "form_version": 1, "patient_id": None, "reason": None}
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps(good) + "\n" + json.dumps(good | {column: value}) + "\n", encoding="utf-8")
    with pytest.raises(VersionFileError, match=f"line 2: {named}"):
        read_lines(path, COLUMNS)


@pytest.mark.parametrize("column, value", [("data", '"Penicillin"'), ("data", "[]"), ("status", "deleted"),
                                           ("recorded_at", "yesterday"), ("occurred_at", "2026-11-28T10:30")])
def test_a_line_no_record_version_can_hold_is_refused_by_line_and_column(tmp_path, laptop, admission_values, office,
                                                                         rewritten, column, value):
    """Records are append-only: a version taken in that the list cannot read (answers that are
    not an object, an unknown status, a time without its offset) would break the records
    office's Back-entry tab at every opening, with no way to remove it."""
    nurse, clerk = laptop(tmp_path / "1.sqlite", 1)
    records.save_new(nurse, "admission", admission_values)
    folder = export(clerk, tmp_path / "stick").folder
    rewritten(folder, 1, lambda row: row.update({column: value}))
    before = _counts(office.db)
    with pytest.raises(ImportRefused, match=f"records.jsonl, line 1: column {column} holds"):
        import_export(office, folder)
    assert _counts(office.db) == before


def test_a_dose_whose_order_is_on_an_earlier_stick_not_imported_is_refused_by_line(tmp_path, laptop, amoxicillin_laptop,
                                                                                   clock, office):
    """The second day's stick arrives first: its dose points to an order on the first day's.
    Taken in, the dose broke the office's Back-entry tab ("no record …") and its FHIR export
    for everyone until the first stick came; it is refused as a version without its first is."""
    from downtime.services import back_entry, medication

    nurse, clerk, order = amoxicillin_laptop
    first_day = export(clerk, tmp_path / "day-1").folder
    clock.advance(minutes=10)
    medication.record_dose(nurse, order.record_id, {"scheduled_for": "2026-11-28T14:00+01:00", "outcome": "given",
                                                    "given_at": "2026-11-28T14:05+01:00", "dose_given": 1.0,
                                                    "route": "IV"})
    second_day = export(clerk, tmp_path / "day-2", since_last=True).folder
    before = _counts(office.db)
    with pytest.raises(ImportRefused, match=rf"records.jsonl, line 1: .* {order.record_id}, which is in neither the "
                                            r"export nor this database; import the earlier export first"):
        import_export(office, second_day)
    assert _counts(office.db) == before
    import_export(office, first_day)
    assert import_export(office, second_day).added["records"] == 1
    assert [item.record.form_id for group in back_entry.worklist(office) for item in group.items] == [
        "admission", "medication_order", "medication_administration"]

    # A merge orders by the laptops' clocks, so a dose may come before its order in one file.
    whole = export(clerk, tmp_path / "whole").folder
    path = whole / RECORDS_FILE
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join([lines[-1], *lines[:-1]]), encoding="utf-8")
    manifest = json.loads((whole / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"][RECORDS_FILE] = sha256_of(path)
    (whole / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    elsewhere = laptop(tmp_path / "office-2.sqlite", 901)[1]
    assert import_export(elsewhere, whole).added["records"] == 3


def test_the_fhir_bundle_of_an_export_chosen_by_mistake_names_the_folder_to_import(tmp_path, laptop,
                                                                                  admission_values, office):
    """The wizard's "Choose file…" offers every .json on the stick, the export's fhir/bundle.json
    among them. Read as an EHR snapshot, it was refused on a FHIR detail ("Encounter.location
    with physicalType 'wa' (the ward) is missing"), which told the clerk nothing of what to do;
    had it loaded, its records would have been taken as the EHR's own, off the worklist."""
    from downtime.sync.importing import import_path

    nurse, ward_clerk = laptop(tmp_path / "ward.sqlite", 5)
    records.save_new(nurse, "admission", admission_values)
    folder = export(ward_clerk, tmp_path / "stick" / "ward5").folder
    before = _counts(office.db)
    with pytest.raises(ImportRefused) as refused:
        import_path(office, folder / "fhir" / "bundle.json")
    assert refused.value.text("en") == (
        f"{folder / 'fhir' / 'bundle.json'} is the FHIR bundle of a laptop's export, not an EHR snapshot: import the "
        f"export's folder, {folder}, which holds its manifest.")
    assert _counts(office.db) == before
    assert import_path(office, folder).added == {"patients": 1, "records": 1}


def test_an_import_bringing_a_second_patient_of_the_same_temporary_name_says_so(tmp_path, laptop, admission_values,
                                                                                capsys):
    """Major incident: the emergency department's laptop and the ward's each began their alphabet of
    temporary names at the same word. The ward imported the department's stick: two UNKNOWN
    FEMALE BRAVO on 3B, beds 6 and 7, the import's report silent, where one laptop refuses the
    second name. The report says it, on screen and on the command line; a later import of other
    patients does not say it again."""
    from downtime.cli import main

    named = ("birth_name", "used_name", "given_names", "birth_date", "nir", "identity_document")
    bravo = {**{key: value for key, value in admission_values.items() if key not in (*named, "allergies")},
             "unidentified": True, "temporary_name": "Unknown Female Bravo", "identity_status": "provisional",
             "allergy_status": "unknown"}
    ed, ed_clerk = laptop(tmp_path / "ed.sqlite", 1)
    ward, ward_clerk = laptop(tmp_path / "ward.sqlite", 2)
    records.save_new(ed, "admission", {**bravo, "descriptor": "woman about 60, passenger", "bed": "6"})
    records.save_new(ward, "admission", {**bravo, "descriptor": "woman about 25, cyclist", "bed": "7"})
    who = ["--db", str(ward_clerk.db.conn.execute("PRAGMA database_list").fetchone()[2]), "--user", "records",
           "--pin", "4444"]
    assert main(["import", str(export(ed_clerk, tmp_path / "e1").folder), *who]) == 0
    assert ("2 unidentified patients in hospital now share the temporary name UNKNOWN FEMALE BRAVO: DT-001-00001-7 "
            "(3B / 6), DT-002-00001-6 (3B / 7). Their samples, labels and paper forms carry it already: give each of "
            "them a new temporary name (amend their admission, each ward its own), then print their new wristband and "
            "ID labels.") in capsys.readouterr().out.splitlines()
    records.save_new(ed, "admission", {**admission_values, "bed": "8"})
    result = import_export(ward_clerk, export(ed_clerk, tmp_path / "e2", since_last=True).folder)
    assert result.added and not result.to_check
