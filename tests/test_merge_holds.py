"""A record carried from one laptop to another and amended on both has two versions 2: the
merge goes ahead, the versions both laptops agree on are merged, and the record is on hold from
the first that differs, every version kept whole and named, through any later merge."""

import csv
import hashlib
import json
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from downtime.cli import main
from downtime.services import records
from downtime.sync.export import CHART_ANTICOAGULANTS_COLUMN, export, sha256_of, verify_export
from downtime.sync.import_export import import_export
from downtime.storage.audit import verify_chain
from downtime.sync.merge import MergeRefused, MergeResult, merge
from downtime.sync.outcome import ImportRefused
from downtime.sync.versions import HELD_FILE, PATIENTS_FILE, RECORD_COLUMNS, RECORDS_FILE, line


def _lines(path):
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def _csv(folder, form_id="admission"):
    with (folder / "csv" / f"{form_id}.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_two_laptops_amending_one_record_merge_with_that_record_on_hold(disagreeing, tmp_path, capsys):
    record, first, second, third, nurse, _ = disagreeing
    result = merge([first, second, third], tmp_path / "merged")
    assert verify_export(result.folder) == []
    merged = [json.loads(text) for text in _lines(result.folder / RECORDS_FILE)]
    assert [(row["record_id"] == record, row["version"]) for row in merged] == [(True, 1), (False, 1)]
    held = [json.loads(text) for text in _lines(result.folder / HELD_FILE)]
    assert {(row["version"], json.loads(row["data"])["bed"], row["device_id"]) for row in held} == {
        (2, "14", result.holds[0].versions[0].device_id), (2, "15", nurse.device.device_id)}
    [hold] = result.holds
    assert (hold.record_id, hold.form_id, hold.from_version) == (record, "admission", 2)
    assert hold.downtime_number.startswith("DT-001-")
    assert [(held.version, held.author) for held in hold.versions] == [(2, "nurse"), (2, "nurse")]
    text = hold.text("en", result.laptops)
    assert text.startswith(f"ON HOLD, two laptops disagree from version 2: record {record} (admission, patient "
                           f"{hold.downtime_number}): version 2 by nurse on laptop 2 (no. 002) at 28/11/2026 14:10; "
                           "version 2 by nurse on laptop 1 (no. 001) at 28/11/2026 14:15")
    manifest = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
    # The report and the manifest say each laptop's answers that differ, as the back-entry list does,
    # and who wrote each as the office's import names them, by their laptop's staff directory.
    said = text.replace("version 2 by nurse on laptop 2 (no. 002) at 28/11/2026 14:10; version 2 by nurse on laptop 1 "
                        "(no. 001) at 28/11/2026 14:15", "laptop 2 (no. 002): version 2 by Nurse (nurse, laptop 002), "
                        "28/11/2026 14:10: Bed: 14 | laptop 1 (no. 001): version 2 by Nurse (nurse, laptop 001), "
                        "28/11/2026 14:15: Bed: 15")
    assert manifest["on_hold"] == [{**hold.as_json(), "why": said}] and said != text
    lines = _csv(result.folder)
    # Each line says the column the versions differ in, to compare them by.
    cell = "two laptops disagree from version 2, in the column(s) bed: do not enter before it is settled"
    assert sorted((row["version"], row["bed"], row["on_hold"]) for row in lines if row["record_id"] == record) == [
        ("1", "12", cell), ("2", "14", cell), ("2", "15", cell)]
    assert [row["on_hold"] for row in lines if row["record_id"] != record] == [""]
    assert result.versions == {"admission": 4}

    assert main(["merge", str(first), str(second), "--out", str(tmp_path / "by-command")]) == 0
    # The command says the form's title to the clerk; the manifest keeps its id.
    assert said.replace("(admission, ", "(Downtime admission record, ") in capsys.readouterr().out


def test_a_merge_without_disagreement_has_no_held_file_nor_column(disagreeing, tmp_path):
    _, first, _, third, *_ = disagreeing
    result = merge([first, third], tmp_path / "merged")
    assert result.holds == () and not (result.folder / HELD_FILE).exists()
    assert "on_hold" not in _csv(result.folder)[0]


def test_a_merge_merged_again_with_more_exports_keeps_the_hold_and_sets_aside_later_versions(
        disagreeing, tmp_path, clock, admission_values):
    record, first, second, third, nurse, clerk = disagreeing
    monday = merge([first, second], tmp_path / "monday")
    tuesday = merge([monday.folder, third], tmp_path / "tuesday")
    assert tuesday.holds == monday.holds
    assert _lines(tuesday.folder / HELD_FILE) == _lines(monday.folder / HELD_FILE)
    assert len(_lines(tuesday.folder / RECORDS_FILE)) == 2
    assert verify_export(tuesday.folder) == []
    assert sorted(row["on_hold"] != "" for row in _csv(tuesday.folder)) == [False, True, True, True]

    # Laptop 1 amends its side again and exports it all: that version 3 waits beside the rest.
    clock.advance(minutes=30)
    records.amend(nurse, record, {**admission_values, "bed": "16"}, "moved to bed 16")
    wednesday = merge([tuesday.folder, export(clerk, tmp_path / "export-1-again").folder], tmp_path / "wednesday")
    [hold] = wednesday.holds
    assert [(held.version, held.device_id) for held in hold.versions] == [
        (2, monday.holds[0].versions[0].device_id), (2, nurse.device.device_id), (3, nurse.device.device_id)]
    assert len(_lines(wednesday.folder / HELD_FILE)) == 3 and len(_lines(wednesday.folder / RECORDS_FILE)) == 2


def _exported_again(first, folder, change):
    """A copy of laptop 1's export as `folder`, its admission CSV's lines changed by `change` (a
    line to a line) and its manifest made to match, as if the laptop had exported again."""
    again = shutil.copytree(first, folder)
    path = again / "csv" / "admission.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = [change(row) for row in csv.DictReader(handle)]
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    manifest = json.loads((again / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"]["csv/admission.csv"] = sha256_of(path)
    (again / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return again


@pytest.mark.parametrize("change", [
    # Exported before an upgrade gave the form a field: its CSV has no column for it.
    lambda row: {name: cell for name, cell in row.items() if name != "nok_name"},
    # Exported again once an order reached the laptop's chart: a column the export works out.
    lambda row: {**row, CHART_ANTICOAGULANTS_COLUMN: "Apixaban"},
], ids=["a field fewer", "a worked-out column more"])
def test_a_held_version_exported_twice_is_one_line(disagreeing, tmp_path, change):
    """Laptop 1's version 2, on hold, had a line for each export, as if three versions 2
    disagreed."""
    _, first, second, third, *_ = disagreeing
    assert not any(row.get("nok_name") for row in _csv(first))
    again = _exported_again(first, tmp_path / "export-1-again", change)
    result = merge([again, second, third, first], tmp_path / "merged")
    assert sorted(row["on_hold"] != "" for row in _csv(result.folder)) == [False, True, True, True]
    assert result.versions["admission"] == 4


def test_a_patient_row_that_differs_still_refuses_the_merge_naming_both_exports(disagreeing, tmp_path):
    """A patient's row is written once and carried unchanged: two contents are a damaged file,
    not two people disagreeing."""
    import shutil

    _, first, *_ = disagreeing
    copy = Path(shutil.copytree(first, tmp_path / "export-1-copy"))
    path = copy / PATIENTS_FILE
    row = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**row, "created_by": "someone"}, ensure_ascii=False, sort_keys=True) + "\n",
                    encoding="utf-8")
    manifest = json.loads((copy / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"][PATIENTS_FILE] = hashlib.sha256(path.read_bytes()).hexdigest()
    (copy / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(MergeRefused, match=f"export-1-copy/{PATIENTS_FILE}, line 1: patient {row['downtime_number']} "
                                           f"differs from .*export-1/{PATIENTS_FILE}, line 1"):
        merge([first, copy], tmp_path / "merged")
    assert not (tmp_path / "merged").exists()


_MERGED: dict[tuple[Path, ...], MergeResult] = {}
"""Merges of `disagreeing`'s exports, by their paths: the same exports in every example of a
property test, merged once for all of them (a merge only reads its exports)."""


def _merged_once(exports: list[Path]) -> MergeResult:
    if tuple(exports) not in _MERGED:
        _MERGED[tuple(exports)] = merge(exports, Path(tempfile.mkdtemp(dir=exports[0].parent)) / "merged-once")
    return _MERGED[tuple(exports)]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_the_merge_is_the_same_whatever_the_order_and_repeats_of_its_exports(disagreeing, data):
    """Exports and earlier merges of them, in any order, any of them twice: the same versions
    merged, the same set aside, the same holds."""
    _, first, second, third, *_ = disagreeing
    where = Path(tempfile.mkdtemp(dir=first.parent))
    earlier = _merged_once([first, second]).folder
    chosen = data.draw(st.permutations([first, second, third, earlier]))
    repeated = data.draw(st.lists(st.sampled_from([first, second, third, earlier]), max_size=2))
    expected = _merged_once([first, second, third])
    got = merge([*chosen, *repeated], where / "got")
    assert got.holds == expected.holds
    for name in (RECORDS_FILE, HELD_FILE, PATIENTS_FILE):
        assert _lines(got.folder / name) == _lines(expected.folder / name)
    assert sorted(map(sorted, map(dict.items, _csv(got.folder)))) == sorted(
        map(sorted, map(dict.items, _csv(expected.folder))))


def _table(db, table):
    return sorted(line({column: row[column] for column in RECORD_COLUMNS})
                  for row in db.query(f"SELECT * FROM {table}"))


def _counts(db):
    return {table: db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("patients", "records", "held_versions", "audit")}


def test_the_records_office_imports_a_merge_with_the_record_on_hold(disagreeing, tmp_path, laptop, capsys):
    record, first, second, third, *_ = disagreeing
    merged = merge([first, second, third], tmp_path / "merged")
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    result = import_export(office, merged.folder)
    # Both versions on hold are counted, apart: they were counted nowhere.
    assert result.added == {"patients": 2, "records": 2, "records_on_hold": 2}
    assert [hold.text("en", merged.laptops) for hold in result.holds] == [
        hold.text("en", merged.laptops) for hold in merged.holds]
    assert [row["version"] for row in office.db.query("SELECT version FROM records WHERE record_id = ?", [record])] == [1]
    assert sorted(json.loads(row["data"])["bed"] for row in office.db.query("SELECT data FROM held_versions")) == [
        "14", "15"]
    assert verify_chain(office.db) is None
    before = _counts(office.db)
    again = import_export(office, merged.folder)
    assert (again.added, again.unchanged, again.holds) == ({"patients": 0, "records": 0}, {"patients": 2, "records": 4}, ())
    assert _counts(office.db) == {**before, "audit": before["audit"] + 1}


def test_exports_imported_one_by_one_put_the_second_laptops_version_on_hold(disagreeing, tmp_path, laptop):
    record, first, second, third, *_ = disagreeing
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, first)
    result = import_export(office, second)
    assert (result.added, sum(result.unchanged.values())) == ({"patients": 0, "records": 0, "records_on_hold": 1}, 2)
    [hold] = result.holds
    assert (hold.record_id, hold.from_version, [held.version for held in hold.versions]) == (record, 2, [2, 2])
    assert office.db.execute("SELECT COUNT(*) FROM held_versions").fetchone()[0] == 1
    # The merge of the same exports brings nothing new: each version is here, in one place or the other.
    merged = merge([first, second, third], tmp_path / "merged").folder
    assert import_export(office, merged).added == {"patients": 1, "records": 1}
    assert office.db.execute("SELECT COUNT(*) FROM held_versions").fetchone()[0] == 1


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_the_office_holds_the_same_versions_whatever_order_it_imports_in(disagreeing, laptop, data):
    """Which laptop's version 2 is in `records` depends on which stick came first; every version
    is kept, and the hold is the same."""
    record, first, second, third, *_ = disagreeing
    where = Path(tempfile.mkdtemp(dir=first.parent))
    merged = merge([first, second], where / "merged").folder
    office = laptop(where / "office.sqlite", 900)[1]
    for folder in data.draw(st.permutations([first, second, third, merged])):
        import_export(office, folder)
    assert sorted(_table(office.db, "records") + _table(office.db, "held_versions")) == sorted(
        {*_lines(first / RECORDS_FILE), *_lines(second / RECORDS_FILE), *_lines(third / RECORDS_FILE)})
    assert office.db.execute("SELECT record_id, MIN(version) FROM held_versions").fetchone() == (record, 2)


def test_a_ward_laptop_takes_the_rest_of_a_stick_and_keeps_its_own_version(carried, tmp_path, admission_values):
    """The patient moved to laptop 2's ward with their records, and both wards amended the
    admission; laptop 1's next stick also holds a new patient. Laptop 2 takes that patient,
    keeps its own version standing, holds laptop 1's, and says so."""
    record_id, nurse_1, clerk_1, nurse_2, clerk_2 = carried
    records.save_new(nurse_1, "admission", {**admission_values, "birth_name": "Roux", "nir": "", "bed": "3"})
    result = import_export(clerk_2, export(clerk_1, tmp_path / "next").folder)
    assert result.added == {"patients": 1, "records": 1, "records_on_hold": 1}
    assert records.current(nurse_2.db, record_id).data["bed"] == "14"
    [text] = result.holds_text("en")
    assert text.startswith(f"ON HOLD, two laptops disagree from version 2: record {record_id} (Downtime admission record, "
                           "patient DT-001-")
    assert text.endswith(": laptop 2 (no. 002): version 2 by Nurse (nurse), 28/11/2026 14:10: Bed: 14 | "  # its own, by its staff list
                         "laptop 1 (no. 001): version 2 by Nurse (nurse, laptop 001), 28/11/2026 14:15: Bed: 15")


def test_a_refused_line_after_a_hold_leaves_nothing_on_hold(disagreeing, tmp_path, laptop, rewritten, monkeypatch):
    """Read a line at a time, the held version is written before the bad line is met: the one
    transaction takes it back."""
    from downtime.sync import import_export as importing

    monkeypatch.setattr(importing, "BATCH", 1)
    _, first, second, *_ = disagreeing
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, first)
    path = second / RECORDS_FILE
    path.write_text(path.read_text(encoding="utf-8") * 2, encoding="utf-8")  # a third line, after the hold
    rewritten(second, 3, lambda row: row.update(form_id="no_such_form"))
    before = _counts(office.db)
    with pytest.raises(ImportRefused, match=r"records.jsonl, line 3: form 'no_such_form' is not known"):
        import_export(office, second)
    assert _counts(office.db) == before


@pytest.fixture
def office_on_hold(disagreeing, tmp_path, laptop):
    """The records office with the merge of the three laptops imported."""
    record, first, second, third, *_ = disagreeing
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, merge([first, second, third], tmp_path / "merged").folder)
    return record, office


HELD_LINE = ("on hold — two laptops disagree from version 2: enter neither until the wards say which is right — "
             "laptop 2 (no. 002): version 2 by Nurse (nurse, laptop 002), 28/11/2026 14:10: Bed: 14 | "
             "laptop 1 (no. 001): version 2 by Nurse (nurse, laptop 001), 28/11/2026 14:15: Bed: 15")


def test_the_worklist_shows_the_record_on_hold_with_both_versions_and_it_cannot_be_ticked(office_on_hold, capsys,
                                                                                          left_agrees):
    """Each version is named by its laptop, as the settle listing names it: `downtime worklist`
    said only "version 2 by nurse" twice, and the clerk could not tell which ward to ask."""
    from downtime.cli import main
    from downtime.services import back_entry
    from downtime.services.errors import ServiceError

    record, office = office_on_hold
    items = {item.record.record_id: item for group in back_entry.worklist(office) for item in group.items}
    held = items[record]
    assert held.to_do_in("en") == HELD_LINE
    db = str(office.db.conn.execute("PRAGMA database_list").fetchone()[2])
    assert main(["worklist", "--db", db, "--user", "records", "--pin", "4444"]) == 0
    assert HELD_LINE in capsys.readouterr().out
    assert held.to_do_in("fr").startswith("en attente — deux portables divergent à partir de la version 2")
    assert not held.done and back_entry.progress_counts(office) == (0, 2)
    with pytest.raises(ServiceError, match="This record is on hold: two laptops disagree from version 2"):
        back_entry.mark_entered(office, record, 1, "ADM-1")
    other = next(record_id for record_id in items if record_id != record)
    back_entry.mark_entered(office, other, 1, "ADM-2")
    assert back_entry.progress_counts(office) == back_entry.progress(back_entry.worklist(office)) == (1, 2)
    assert left_agrees(office)


def test_a_record_entered_before_a_hold_arrived_is_listed_again_on_hold(disagreeing, tmp_path, laptop, left_agrees):
    """The office entered laptop 1's version 2 from its stick; laptop 2's stick then brings
    another version 2: the record is back on the list, on hold, not counted done."""
    from downtime.services import back_entry

    record, first, second, *_ = disagreeing
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, first)
    back_entry.mark_entered(office, record, 2, "ADM-1")
    assert back_entry.progress_counts(office) == (1, 1)
    import_export(office, second)
    [group] = back_entry.worklist(office)
    assert [item.action_in("en") for item in group.items] == [
        "on hold — two laptops disagree from version 2: enter neither until the wards say which is right — "
        "version 2 is in the EHR (ADM-1): once settled, correct it there"]
    assert back_entry.progress_counts(office) == back_entry.progress(back_entry.worklist(office)) == (0, 1)
    assert left_agrees(office)


# French typography's space before each colon, as the catalogue's sentences have it: the
# versions read "laptop 2 (n° 002): version 2 …, 28/11/2026 14:10: Lit : 14".
HELD_LINE_FR = ("en attente — deux portables divergent à partir de la version 2 : n’en saisir aucune avant que les "
                "services disent laquelle est juste — laptop 2 (n° 002) : version 2 par Nurse (nurse, portable 002), "
                "28/11/2026 14:10 : Lit : 14 | laptop 1 (n° 001) : version 2 par Nurse (nurse, portable 001), 28/11/2026 "
                "14:15 : Lit : 15")


@pytest.mark.parametrize("lang, held", [("en", HELD_LINE), ("fr", HELD_LINE_FR)])
def test_the_printed_worklist_says_the_record_is_on_hold_with_both_versions(office_on_hold, tmp_path, lang, held):
    """The paper says whole what the screen says, in the clerk's language."""
    from dataclasses import replace

    from pypdf import PdfReader

    from downtime.services import back_entry, printing

    _, office = office_on_hold
    office = replace(office, lang=lang)
    assert [item.to_do_in(lang) for group in back_entry.worklist(office) for item in group.items][0] == held
    out = printing.print_worklist(office, tmp_path / "worklist.pdf")
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(out).pages).split())
    assert " ".join(held.split()) in text


def _bundle(folder):
    text = (folder / "fhir" / "bundle.json").read_text(encoding="utf-8")
    return [entry["resource"] for entry in json.loads(text)["entry"]]


def test_the_office_export_says_which_records_are_on_hold_and_leaves_them_out_of_the_fhir_bundle(office_on_hold,
                                                                                                 tmp_path):
    """Posted, the bundle would create one laptop's version 2 in the EHR as if settled: the
    record is left out of it, and the manifest, the CSV and the held versions say it is on hold."""
    record, office = office_on_hold
    done = export(office, tmp_path / "from-office").folder
    assert verify_export(done) == []
    manifest = json.loads((done / "manifest.json").read_text(encoding="utf-8"))
    assert [hold["record_id"] for hold in manifest["on_hold"]] == [record]
    assert manifest["on_hold"][0]["why"].startswith("ON HOLD, two laptops disagree from version 2")
    lines = _csv(done)
    assert sorted((row["version"], row["bed"], row["on_hold"] != "") for row in lines) == [
        ("1", "12", True), ("1", "3", False), ("2", "14", True), ("2", "15", True)]
    assert len(_lines(done / HELD_FILE)) == 2
    sources = {resource["entity"][0]["what"]["identifier"]["value"] for resource in _bundle(done)
               if resource["resourceType"] == "Provenance"}
    assert record not in sources and len(sources) == 1
    assert [resource["identifier"][0]["value"][:6] for resource in _bundle(done)
            if resource["resourceType"] == "Patient"] == ["DT-003"]


def test_a_patient_whose_admission_is_on_hold_is_in_the_bundle_only_for_their_order_and_said_on_hold(
        disagreeing, tmp_path, laptop, clock):
    from downtime.domain.staff import Role
    from downtime.services import staff
    from downtime.services.context import Session

    record, first, second, third, nurse, clerk = disagreeing
    admin = Session(nurse.db, nurse.device, staff.sign_in(nurse.db, "admin", "0000", clock), nurse.forms, clock)
    staff.add_staff(admin, "doctor", "Dr Benali", Role.DOCTOR, "2222")
    doctor = Session(nurse.db, nurse.device, staff.sign_in(nurse.db, "doctor", "2222", clock), nurse.forms, clock)
    records.save_new(doctor, "medication_order", {
        "drug": "Amoxicillin", "dose": 1.0, "dose_unit": "g", "route": "IV", "frequency": "scheduled",
        "times": "08:00 14:00 20:00", "start_at": "2026-11-28T10:00+01:00", "review_at": "2026-12-01T10:00+01:00",
        "controlled": False, "high_alert": False, "allergy_reason": "Tolerated amoxicillin since (GP letter)"}, patient_id=records.current(nurse.db, record).patient_id)
    first = export(clerk, tmp_path / "export-1-with-order").folder
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, merge([first, second], tmp_path / "merged").folder)
    resources = _bundle(export(office, tmp_path / "from-office").folder)
    provenance = {resource["entity"][0]["what"]["identifier"]["value"]: resource
                  for resource in resources if resource["resourceType"] == "Provenance"}
    assert provenance[record]["activity"]["text"] == (
        "Recorded during the downtime (version 1) — ON HOLD: two laptops disagree from version 2; not settled, do not "
        "take it as the record (see the back-entry worklist)")
    assert len(provenance) == 2
    # The Patient, the stay and the allergies said so only in the Provenance's words, which an
    # integration engine never reads: each carries the tag on-hold itself; the order does not.
    held = {target["reference"].removeprefix("urn:uuid:") for target in provenance[record]["target"]}
    tagged = {resource["id"]: resource["meta"]["tag"] for resource in resources if "meta" in resource}
    assert {resource["resourceType"] for resource in resources if resource["id"] in held} >= {
        "Patient", "Encounter", "AllergyIntolerance"}
    assert tagged == {ident: [{"system": "urn:downtime:review", "code": "on-hold",
                               "display": "On hold: two laptops disagree, not settled; do not take it as the record"}]
                      for ident in held}


def test_a_ward_laptops_export_carries_the_other_laptops_version_it_holds(tmp_path, laptop, clock, admission_values):
    """Laptop 1's stick is lost after laptop 2 imported it: laptop 2's own export still brings
    both versions 2 to the records office, and its merge holds the record."""
    nurse_1, clerk_1 = laptop(tmp_path / "1.sqlite", 1)
    nurse_2, clerk_2 = laptop(tmp_path / "2.sqlite", 2)
    saved = records.save_new(nurse_1, "admission", admission_values)
    import_export(clerk_2, export(clerk_1, tmp_path / "carried").folder)
    records.amend(nurse_2, saved.record_id, {**admission_values, "bed": "14"}, "moved to bed 14")
    records.amend(nurse_1, saved.record_id, {**admission_values, "bed": "15"}, "moved to bed 15")
    import_export(clerk_2, export(clerk_1, tmp_path / "lost").folder)
    [hold] = merge([export(clerk_2, tmp_path / "export-2").folder], tmp_path / "merged").holds
    assert (hold.record_id, sorted(held.device_id for held in hold.versions)) == (
        saved.record_id, sorted([nurse_1.device.device_id, nurse_2.device.device_id]))


# Lines no record version can be: any text short of a whole line, or a line of the columns
# with one holding what its column cannot.
_NOT_A_VERSION = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\n\r\x85\u2028\u2029"),
            max_size=40),
    st.builds(lambda column, value: json.dumps({**dict.fromkeys(RECORD_COLUMNS, "x"), "version": 2, "form_version": 1,
                                                "patient_id": None, "reason": None, column: value}),
              st.sampled_from(["version", "form_version", "author", "data"]),
              st.one_of(st.none(), st.booleans(), st.floats(allow_nan=False), st.lists(st.integers(), max_size=2))))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_NOT_A_VERSION)
def test_a_held_versions_line_that_is_not_one_is_refused_by_file_and_line(disagreeing, laptop, text):
    """A merge's held versions are read back by the next merge and by the import: a line that
    is not a record version is refused, naming the file and line, and nothing is written."""
    from downtime.errors import UserError
    from downtime.sync.export import sha256_of

    _, first, second, *_ = disagreeing
    where = Path(tempfile.mkdtemp(dir=first.parent))
    merged = Path(shutil.copytree(_merged_once([first, second]).folder, where / "merged"))
    path = merged / HELD_FILE
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0], text, *lines[1:]]) + "\n", encoding="utf-8")
    manifest = json.loads((merged / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"][HELD_FILE] = sha256_of(path)
    (merged / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(UserError, match=f"{HELD_FILE}, line 2: "):
        merge([merged], where / "again")
    assert not (where / "again").exists()
    office = laptop(where / "office.sqlite", 900)[1]
    before = _counts(office.db)
    with pytest.raises(UserError, match=f"{HELD_FILE}, line 2: "):
        import_export(office, merged)
    assert _counts(office.db) == before


def test_a_holds_versions_are_in_the_order_they_were_written_across_the_clock_change():
    """The night the clocks go back, 02:40+02:00 is half an hour before 02:10+01:00: compared as
    text, the version written second was named first."""
    from downtime.domain.holds import holds_of

    row = {"record_id": "r", "form_id": "admission", "patient_id": None, "author": "nurse", "version": 2}
    first = {**row, "device_id": "laptop-a", "recorded_at": "2026-10-25T02:40:00+02:00"}
    second = {**row, "device_id": "laptop-b", "recorded_at": "2026-10-25T02:10:00+01:00"}
    [hold] = holds_of([second, first], {})
    assert [held.device_id for held in hold.versions] == ["laptop-a", "laptop-b"]


def test_a_holds_versions_are_listed_with_french_typographys_space_before_the_semicolon():
    """An import's and a manifest's words of a hold, and of a settlement another office made
    without seeing some versions, list the versions with "; ": in French it read "… 14:10; version
    2 …" where every other line of the back entry writes " ; "."""
    from downtime.domain.holds import HeldVersion, Settlement, SettlementNotTaken, holds_of
    from downtime.domain.laptops import Laptop

    row = {"record_id": "r", "form_id": "admission", "patient_id": None, "author": "nurse", "version": 2}
    [hold] = holds_of([{**row, "device_id": "laptop-a", "recorded_at": "2026-11-28T14:10:00+01:00"},
                       {**row, "device_id": "laptop-b", "recorded_at": "2026-11-28T14:15:00+01:00"}], {})
    laptops = {"laptop-a": Laptop(1, "3B"), "laptop-b": Laptop(2, "5A")}
    unseen = tuple(HeldVersion(version, "nurse", "laptop-a", f"2026-11-28T15:{minute}:00+01:00")
                   for version, minute in ((3, "00"), (4, "20")))
    not_taken = SettlementNotTaken(hold, Settlement("records", "2026-11-28T14:30:00+01:00", "bed 15", "id", 2,
                                                    "laptop-b"), None, unseen)
    for lang, between in (("en", "; "), ("fr", " ; ")):
        listed = between.join(held.text(lang, laptops) for held in hold.versions)
        assert hold.text(lang, laptops).endswith(f" : {listed}" if lang == "fr" else f": {listed}")
        assert between.join(held.text(lang, laptops) for held in unseen) in not_taken.text(lang, laptops)


def test_another_laptops_side_of_a_dose_arriving_before_the_dose_is_refused_until_the_earlier_stick(
        dose_on_hold, tmp_path, laptop, clock):
    """Laptop 1's later stick (`--since-last`) carries only laptop 2's side of a dose it holds,
    the dose and its order having gone on the stick before. Imported first at the records
    office, that side was taken on hold with no version of the dose here, and the whole
    back-entry list failed to open (the dose's order was not there). It is refused as a
    record's line is, until the earlier stick is in; then the dose is listed on hold with both
    laptops' sides."""
    from downtime.services import back_entry, staff
    from downtime.services.context import Session

    _, _, dose, nurse_1, _ = dose_on_hold
    clerk_1 = Session(nurse_1.db, nurse_1.device, staff.sign_in(nurse_1.db, "records", "4444", clock),
                      nurse_1.forms, clock)
    later = export(clerk_1, tmp_path / "later", since_last=True).folder
    assert _lines(later / RECORDS_FILE) == [] and len(_lines(later / HELD_FILE)) == 2
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    with pytest.raises(ImportRefused, match=r"held.jsonl, line 1: record \S+ version 2 arrives without version 1; "
                                            r"import the earlier export first"):
        import_export(office, later)
    assert office.db.execute("SELECT COUNT(*) FROM held_versions").fetchone()[0] == 0
    import_export(office, tmp_path / "next-1")
    import_export(office, later)
    (item,) = [item for group in back_entry.worklist(office) for item in group.items if item.record.record_id == dose]
    assert item.on_hold is not None and {version.device_id for version in item.on_hold.versions} == {
        nurse_1.device.device_id, dose_on_hold[4].device.device_id}


OBSERVED = {"taken_at": "2026-11-28T11:00+01:00", "respiratory_rate": 16, "spo2": 97, "spo2_scale": "scale_1",
            "on_oxygen": False, "systolic_bp": 130, "diastolic_bp": 80, "pulse": 72, "consciousness": "alert",
            "temperature": 37.0}


@pytest.fixture
def withdrawn_on_both(tmp_path, laptop, clock, admission_values):
    """Laptop 1's observations go to laptop 2 with the patient (stick e1a); both wards find them
    charted on the wrong patient and withdraw them, laptop 2 first, ten and fifteen minutes later.
    Returns (the observations' id, stick e1a, laptop 1's next stick, laptop 2's stick)."""
    nurse_1, clerk_1 = laptop(tmp_path / "1.sqlite", 1)
    nurse_2, clerk_2 = laptop(tmp_path / "2.sqlite", 2)
    admitted = records.save_new(nurse_1, "admission", admission_values)
    observed = records.save_new(nurse_1, "observations", OBSERVED, patient_id=admitted.patient_id).record_id
    first = export(clerk_1, tmp_path / "e1a").folder
    import_export(clerk_2, first)
    clock.advance(minutes=10)
    records.mark_entered_in_error(nurse_2, observed, "wrong patient")
    clock.advance(minutes=5)
    records.mark_entered_in_error(nurse_1, observed, "charted on the wrong patient")
    return observed, first, export(clerk_1, tmp_path / "e1b").folder, export(clerk_2, tmp_path / "e2").folder


@pytest.mark.parametrize("order", [1, -1])
def test_a_record_both_laptops_withdrew_is_withdrawn_not_on_hold(withdrawn_on_both, tmp_path, laptop, order):
    """Nobody disagrees: the record was held "two laptops disagree: enter neither until the wards
    say which is right", and the office that entered version 1 from an earlier merge had no line
    telling it to withdraw the wrong patient's observations from the EHR."""
    from downtime.services import back_entry

    observed, first, later_1, later_2 = withdrawn_on_both
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, merge([first], tmp_path / "m1").folder)
    back_entry.mark_entered(office, observed, 1, "OBS-1")
    result = merge([later_1, later_2][::order], tmp_path / "m2")
    assert result.holds == ()
    kept = [json.loads(text) for text in _lines(result.folder / RECORDS_FILE) if json.loads(text)["record_id"] == observed]
    # The first withdrawal (laptop 2's), whatever order the sticks come in; the other named.
    assert [(row["version"], row["status"], row["reason"]) for row in kept] == [
        (1, "final", None), (2, "entered-in-error", "wrong patient")]
    assert [(line["status"], line["version_reason"]) for line in _csv(result.folder, "observations")
            if line["record_id"] == observed and not line["on_hold"]] == [
        ("final", ""), ("entered-in-error", "wrong patient")]
    [alike] = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))["withdrawn_alike"]
    assert (alike["record_id"], alike["kept"]["reason"], [other["reason"] for other in alike["also_withdrawn_by"]]) == (
        observed, "wrong patient", ["charted on the wrong patient"])
    import_export(office, result.folder)
    [item] = [item for group in back_entry.worklist(office) for item in group.items if item.record.record_id == observed]
    assert item.to_do.startswith("withdraw in the EHR")


def test_a_record_both_laptops_withdrew_imported_stick_by_stick_is_withdrawn_not_on_hold(withdrawn_on_both, tmp_path,
                                                                                         laptop):
    observed, first, later_1, later_2 = withdrawn_on_both
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, later_1)
    result = import_export(office, later_2)
    assert (result.holds, result.added["records"]) == ((), 0)
    assert office.db.execute("SELECT COUNT(*) FROM held_versions").fetchone()[0] == 0
    assert [(row["version"], row["status"]) for row in office.db.query(
        "SELECT version, status FROM records WHERE record_id = ? ORDER BY version", [observed])] == [
        (1, "final"), (2, "entered-in-error")]


def test_the_other_laptops_withdrawal_is_kept_aside_by_the_merge_and_named_in_its_report(withdrawn_on_both, tmp_path,
                                                                                        capsys):
    """Laptop 1's withdrawal (its nurse, its time, "charted on the wrong patient") left the merged
    data and the merged CSV, and the printed report said nothing of a version it no longer
    carried: a nurse's signed withdrawal erased."""
    observed, first, later_1, later_2 = withdrawn_on_both
    capsys.readouterr()
    assert main(["merge", str(later_1), str(later_2), "--out", str(tmp_path / "m")]) == 0
    assert ("1 withdrawal(s) of a record withdrawn on another laptop too, kept aside, not imported as its version "
            "(the manifest's withdrawn_alike)") in capsys.readouterr().out.splitlines()
    from downtime.sync.versions import WITHDRAWN_ALIKE_FILE

    [aside] = [json.loads(text) for text in _lines(tmp_path / "m" / WITHDRAWN_ALIKE_FILE)]
    assert (aside["record_id"], aside["version"], aside["reason"]) == (observed, 2, "charted on the wrong patient")
    assert [(line["version_reason"], line["on_hold"]) for line in _csv(tmp_path / "m", "observations")
            if line["record_id"] == observed and line["version"] == "2"] == [
        ("wrong patient", ""), ("charted on the wrong patient", "withdrawn on another laptop too: not the version "
                                                                "standing, kept aside (the manifest's withdrawn_alike)")]
    # Merged again, with a stick that holds it, it stays aside, and the record withdrawn, not on hold.
    again = merge([tmp_path / "m", later_1], tmp_path / "again")
    assert (again.holds, again.tally.withdrawn_alike) == ((), 1)
    assert [json.loads(text)["reason"] for text in _lines(again.folder / WITHDRAWN_ALIKE_FILE)] == [
        "charted on the wrong patient"]


def test_the_other_laptops_withdrawal_is_kept_aside_at_an_office_importing_stick_by_stick(withdrawn_on_both,
                                                                                         tmp_path, laptop):
    """Counted "unchanged" (already here), laptop 1's withdrawal was stored nowhere at the office:
    not in its records, not on hold, not in the audit."""
    observed, first, later_1, later_2 = withdrawn_on_both
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, later_2)
    result = import_export(office, later_1)
    assert ("1 withdrawal(s) of a record withdrawn here already, made on another laptop too: kept aside in the "
            "import's audit, not as a version") in result.added_text("en")
    from downtime.sync.outcome import WITHDRAWN_ALIKE

    assert (result.added.get(WITHDRAWN_ALIKE), result.unchanged["records"]) == (1, 2)
    [kept] = [json.loads(detail) for (detail,) in office.db.execute(
        "SELECT detail FROM audit WHERE action = 'record.withdrawn_alike'")]
    assert (kept["record_id"], kept["version"], kept["reason"], kept["device_id"]) == (
        observed, 2, "charted on the wrong patient", json.loads((later_1 / "manifest.json").read_text())["device_id"])
    assert verify_chain(office.db) is None
    assert import_export(office, later_1).unchanged.get(WITHDRAWN_ALIKE) == 1  # kept once


def test_a_record_both_laptops_withdrew_merged_from_the_days_since_last_sticks_is_not_on_hold(
        tmp_path, laptop, clock, admission_values):
    """Day 1: laptop 1's observations go to laptop 2 with the patient (stick e1a, imported there);
    both laptops export that day (whole). Day 2: both wards find the observations charted on the
    wrong patient and withdraw them; each laptop exports --since-last as every day, and the office
    merges the day's two sticks (yesterday's data is in the office already). The merge finds the
    two withdrawals (version 2) without their version 1, which is in yesterday's sticks: the
    record was held, "two laptops disagree", and the office importing the merge held it too
    (review T3 #1). Withdrawn, the other withdrawal kept aside, as with whole sticks."""
    nurse_1, clerk_1 = laptop(tmp_path / "1.sqlite", 1)
    nurse_2, clerk_2 = laptop(tmp_path / "2.sqlite", 2)
    admitted = records.save_new(nurse_1, "admission", admission_values)
    observed = records.save_new(nurse_1, "observations", OBSERVED, patient_id=admitted.patient_id).record_id
    first = export(clerk_1, tmp_path / "e1a").folder
    import_export(clerk_2, first)
    day1_2 = export(clerk_2, tmp_path / "e2a").folder
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, merge([first, day1_2], tmp_path / "day1").folder)
    clock.advance(minutes=10)
    records.mark_entered_in_error(nurse_2, observed, "wrong patient")
    clock.advance(minutes=5)
    records.mark_entered_in_error(nurse_1, observed, "charted on the wrong patient")
    later_1 = export(clerk_1, tmp_path / "e1b", since_last=True).folder
    later_2 = export(clerk_2, tmp_path / "e2b", since_last=True).folder
    result = merge([later_1, later_2], tmp_path / "day2")
    manifest = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
    assert [alike["record_id"] for alike in manifest["withdrawn_alike"]] == [observed]
    import_export(office, result.folder)
    held = office.db.execute("SELECT COUNT(*) FROM held_versions WHERE record_id = ?", [observed]).fetchone()[0]
    assert ([hold.record_id for hold in result.holds], held) == ([], 0)
