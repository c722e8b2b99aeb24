"""Two laptops' exports merge without duplicates; tampering refuses that export by name;
the same person admitted on both laptops is reported."""

import csv
import shutil

import pytest

from downtime.cli import main
from downtime.services import records
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from downtime.sync.merge import MergeRefused, merge


@pytest.fixture
def two_exports(tmp_path, laptop, admission_values):
    folders = []
    for number, others in ((1, ("Dupont", "Roux")), (2, ("Moreau", "Petit"))):
        nurse, clerk = laptop(tmp_path / f"{number}.sqlite", number)
        records.save_new(nurse, "admission", {**admission_values, "bed": "1"})
        for bed, name in enumerate(others, start=2):
            records.save_new(nurse, "admission", {**admission_values, "bed": str(bed), "birth_name": name,
                                                  "used_name": "", "nir": ""})
        folders.append(export(clerk, tmp_path / f"export-{number}").folder)
    return folders


def test_merge_combines_without_duplicates_and_reports_the_same_person(two_exports, tmp_path):
    result = merge(two_exports + [two_exports[0]], tmp_path / "merged")
    assert result.versions["admission"] == 6
    with (result.folder / "csv" / "admission.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len({(r["record_id"], r["version"]) for r in rows}) == 6
    reasons = {d.why for d in result.duplicates}
    assert "the same NIR" in reasons
    lefevre = next(d for d in result.duplicates if d.why == "the same NIR")
    assert [n[:6] for n in lefevre.downtime_numbers] == ["DT-001", "DT-002"]


def test_a_flipped_byte_refuses_that_export_by_name(two_exports, tmp_path):
    path = two_exports[1] / "csv" / "admission.csv"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x20
    path.write_bytes(bytes(data))
    with pytest.raises(MergeRefused, match="export-2/csv/admission.csv: altered"):
        merge(two_exports, tmp_path / "merged")
    assert not (tmp_path / "merged").exists()


def test_a_missing_file_refuses_the_merge(two_exports, tmp_path):
    (two_exports[0] / "csv" / "transfer.csv").unlink()
    with pytest.raises(MergeRefused, match="transfer.csv: missing"):
        merge(two_exports, tmp_path / "merged")


def test_merge_command(two_exports, tmp_path, capsys):
    assert main(["merge", *map(str, two_exports), "--out", str(tmp_path / "m")]) == 0
    out = capsys.readouterr().out
    assert "merged 6 record version(s) of 6 record(s) from 2 export(s)" in out
    # One person found by two reasons was printed as two probable duplicates.
    assert [line for line in out.splitlines() if "PROBABLE DUPLICATE" in line] == [
        "PROBABLE DUPLICATE: DT-001-00001-7, DT-002-00001-6 have the same NIR; the same family name (birth or used), first name and "
        "date of birth"]
    shutil.rmtree(tmp_path / "m")
    (two_exports[0] / "manifest.json").write_text("{broken", encoding="utf-8")
    assert main(["merge", *map(str, two_exports), "--out", str(tmp_path / "m")]) == 1
    assert "manifest.json: cannot be read" in capsys.readouterr().err


def test_two_exports_that_disagree_about_a_record_merge_with_it_on_hold_from_that_version(two_exports, tmp_path,
                                                                                           rewritten):
    """The same record version with different contents is two laptops disagreeing about one
    fact: the rest merges, and that record is set aside whole from the version that differs,
    named with both contents, for a person to settle."""
    import json

    from downtime.sync.versions import HELD_FILE, RECORDS_FILE

    copy = tmp_path / "export-1-copy"
    shutil.copytree(two_exports[0], copy)
    rewritten(copy, 2, lambda row: row.update(reason="changed on the copy"))
    record = json.loads((copy / RECORDS_FILE).read_text(encoding="utf-8").splitlines()[1])["record_id"]
    result = merge([two_exports[0], two_exports[1], copy], tmp_path / "merged")
    [hold] = result.holds
    assert (hold.record_id, hold.from_version, len(hold.versions)) == (record, 1, 2)
    held = [json.loads(text) for text in (result.folder / HELD_FILE).read_text(encoding="utf-8").splitlines()]
    assert sorted(str(row["reason"]) for row in held) == ["None", "changed on the copy"]
    assert record not in (result.folder / RECORDS_FILE).read_text(encoding="utf-8")
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".merge")] == []


def test_a_merge_holds_each_record_once_in_the_order_it_was_recorded(two_exports, tmp_path):
    import json

    from downtime.sync.versions import PATIENTS_FILE, RECORDS_FILE

    result = merge(two_exports + [two_exports[1]], tmp_path / "merged")
    rows = [json.loads(text) for text in (result.folder / RECORDS_FILE).read_text(encoding="utf-8").splitlines()]
    singles = [json.loads(text) for folder in two_exports
               for text in (folder / RECORDS_FILE).read_text(encoding="utf-8").splitlines()]
    assert rows == sorted(singles, key=lambda row: (row["recorded_at"], row["record_id"], row["version"]))
    patients = [json.loads(text)["downtime_number"]
                for text in (result.folder / PATIENTS_FILE).read_text(encoding="utf-8").splitlines()]
    assert patients == sorted(patients) and len(patients) == 6


def test_a_full_disk_under_the_merge_is_said_and_leaves_nothing(two_exports, tmp_path, capsys, monkeypatch):
    """The merge's scratch file fills the disk: the records clerk reads why, and neither the
    merge nor its scratch files are left behind."""
    import downtime.sync.merge as merging

    real = merging._scratch

    def cramped(folder):
        db = real(folder)
        db.execute(f"PRAGMA max_page_count = {db.execute('PRAGMA page_count').fetchone()[0] + 1}")
        return db

    monkeypatch.setattr(merging, "_scratch", cramped)
    assert main(["merge", *map(str, two_exports), "--out", str(tmp_path / "m")]) == 1
    assert capsys.readouterr().err == ("downtime: Not done: the disk is full. Nothing was half-written;"
                                       " call IT if it happens again.\n")
    assert not (tmp_path / "m").exists() and not list(tmp_path.glob(".merge-*"))
    monkeypatch.setattr(merging, "_scratch", real)
    assert main(["merge", *map(str, two_exports), "--out", str(tmp_path / "m")]) == 0


def test_a_stick_given_for_its_exports_is_refused_naming_the_exports_it_holds(two_exports, tmp_path, capsys):
    """The clerk gave the USB stick's folder, which holds a laptop's daily exports, or a path
    with a typo: the merge said "an export does not match its manifest" and an operating
    system error, of a stick that matched everything."""
    stick = tmp_path / "usb"
    stick.mkdir()
    for folder in two_exports:
        folder.rename(stick / folder.name)
    assert main(["merge", str(stick), "--out", str(tmp_path / "merged")]) == 1
    assert capsys.readouterr().err == (f"downtime: {stick} is not an export but holds 2 export(s): give them to merge "
                                       f"instead: {stick / 'export-1'} {stick / 'export-2'}\n")
    assert main(["merge", str(stick / "export-1"), str(stick / "export-3"), "--out", str(tmp_path / "merged")]) == 1
    assert capsys.readouterr().err == f"downtime: {stick / 'export-3'}: no such export folder\n"
    assert not (tmp_path / "merged").exists()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_probable_duplicates_reasons_are_listed_with_a_space_before_the_semicolon_in_french(
        two_exports, tmp_path, capsys, lang, listed_in):
    """One person found by two reasons: the French report read "…le même NIR; …", where every
    sentence of the catalogue writes " ; "."""
    assert main(["merge", *map(str, two_exports), "--out", str(tmp_path / "m"), "--lang", lang]) == 0
    (line,) = [line for line in capsys.readouterr().out.splitlines() if "DT-001-00001-7, DT-002-00001-6" in line]
    listed_in(line, lang)


@pytest.mark.parametrize("newest_first", [False, True])
def test_a_falls_anticoagulant_is_the_latest_sticks_whatever_order_the_sticks_come(session_for, patient, tmp_path,
                                                                                 clock, newest_first):
    """A fall with the box "anticoagulated: No"; the paper apixaban order running since 09:30 is
    typed in after the first stick, and the second names it. Given newest first (a clerk sorting a
    laptop's sticks by date, descending), the merge kept the first stick's empty cell: a possible
    head injury on an anticoagulant typed as not anticoagulated (NICE NG232: CT head within 8 h)."""
    morning, evening = _a_fall_then_apixaban_typed_in(session_for, patient, tmp_path, clock)
    sticks = [evening, morning] if newest_first else [morning, evening]
    assert _fall_cells(merge(sticks, tmp_path / "merged").folder) == [("no", "Apixaban")]


def _a_fall_then_apixaban_typed_in(session_for, patient, tmp_path, clock):
    """The ward laptop's sticks before (14:00) and after (14:15) the paper apixaban order running
    since 09:30 is typed in, the fall's box "anticoagulated: No" in both."""
    nurse, clerk = session_for("nurse"), session_for("records")
    records.save_new(nurse, "inpatient_fall", {
        "fell_at": "2026-11-28T13:20+01:00", "witnessed": "found", "where": "toilet", "fracture_signs": "none",
        "head_injury": "not_excluded", "anticoagulated": False, "injuries": "Bruise over the left eyebrow"},
        patient_id=patient)
    morning = export(clerk, tmp_path / "stick-1").folder
    clock.advance(minutes=15)
    records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Apixaban", "dose": 5.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
        "times": "08:00 20:00", "start_at": "2026-11-28T09:30+01:00", "controlled": False, "high_alert": True},
        patient_id=patient)
    return morning, export(clerk, tmp_path / "stick-2").folder


def _fall_cells(merged):
    with (merged / "csv" / "inpatient_fall.csv").open(encoding="utf-8-sig", newline="") as handle:
        return [(line["anticoagulated"], line["anticoagulants_on_chart"]) for line in csv.DictReader(handle)]


@pytest.mark.parametrize("merge_first", [False, True])
def test_yesterdays_merge_does_not_outrank_a_later_stick_of_the_laptop_its_fall_came_from(
        session_for, patient, tmp_path, clock, laptop, admission_values, merge_first):
    """The ward laptop's 14:00 stick went into yesterday's merge with another laptop's 16:00 stick;
    merged today with the ward laptop's 14:15 stick, each line keeps its own export's time: ranked
    by its latest export (16:00), the merge kept the 14:00 line, a fall on apixaban read as not
    anticoagulated, in either order. Merged once more with the 14:00 stick, the 14:15 line stays."""
    morning, evening = _a_fall_then_apixaban_typed_in(session_for, patient, tmp_path, clock)
    clock.advance(hours=2)
    nurse, clerk = laptop(tmp_path / "other.sqlite", 5)
    records.save_new(nurse, "admission", {**admission_values, "given_names": "Paul"})
    yesterday = merge([morning, export(clerk, tmp_path / "other-stick").folder], tmp_path / "yesterday").folder
    today = merge([yesterday, evening] if merge_first else [evening, yesterday], tmp_path / "today").folder
    assert _fall_cells(today) == [("no", "Apixaban")]
    assert _fall_cells(merge([today, morning], tmp_path / "again").folder) == [("no", "Apixaban")]


def _without_columns(folder, into, form_id, columns):
    """A copy of an export as a laptop on an earlier form writes it: no column for `columns`."""
    import json

    from downtime.sync.export import sha256_of

    copy = shutil.copytree(folder, into)
    path = copy / "csv" / f"{form_id}.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        kept = [name for name in reader.fieldnames if name not in columns]
        lines = [{name: line[name] for name in kept} for line in reader]
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=kept)
        writer.writeheader()
        writer.writerows(lines)
    manifest = json.loads((copy / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"][f"csv/{form_id}.csv"] = sha256_of(path)
    (copy / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return copy


def test_the_merged_columns_follow_todays_form_whatever_order_the_sticks_come(tmp_path, laptop, admission_values):
    """A laptop on admission version 3 (no blood refusal) given first put version 4's three columns
    after the next of kin's, given second before them: two merges of one outage, two layouts, and a
    back-entry tool reading by position read the next of kin as the refusal of blood."""
    refusal = ("blood_refusal", "blood_accepted", "blood_refusal_details")
    exports = []
    for number, answers in ((1, admission_values), (2, {**admission_values, "birth_name": "Roux", "used_name": "",
                                                        "nir": "", "blood_refusal": "all"})):
        nurse, clerk = laptop(tmp_path / f"{number}.sqlite", number)
        records.save_new(nurse, "admission", answers)
        exports.append(export(clerk, tmp_path / f"export-{number}").folder)
    older, newer = _without_columns(exports[0], tmp_path / "older", "admission", refusal), exports[1]

    def header(folder):
        with (folder / "csv" / "admission.csv").open(encoding="utf-8-sig", newline="") as handle:
            return next(csv.reader(handle))

    assert header(merge([older, newer], tmp_path / "old-first").folder) == header(newer) + ["author_name"]
    assert header(merge([newer, older], tmp_path / "new-first").folder) == header(newer) + ["author_name"]


def _fall_cells_merged(merged):
    with (merged / "csv" / "inpatient_fall.csv").open(encoding="utf-8-sig", newline="") as handle:
        return [(line["device_id"][:8], line["anticoagulated"], line["anticoagulants_on_chart"])
                for line in csv.DictReader(handle)]


def test_a_later_stick_of_a_laptop_that_only_carried_the_fall_does_not_blank_the_charts_apixaban(
        session_for, patient, tmp_path, clock, laptop):
    """Ward laptop 1 records a fall at 13:20 (box 'anticoagulated: No'), exports at 14:00; laptop 2
    (the patient's next ward) imports that stick. At 14:15 the paper apixaban order is typed on
    laptop 1 and it exports again: its fall line says 'Apixaban' on the chart. Laptop 2 exports at
    16:00: it carries the same fall version, worked out from ITS chart, which never had the order.
    The merge kept the line of "the export made last" (16:00), its chart with no anticoagulant
    for a patient on apixaban after a head-injury fall (review T3 #2): every line's are kept."""
    nurse, clerk = session_for("nurse"), session_for("records")
    records.save_new(nurse, "inpatient_fall", {
        "fell_at": "2026-11-28T13:20+01:00", "witnessed": "found", "where": "toilet", "fracture_signs": "none",
        "head_injury": "not_excluded", "anticoagulated": False, "injuries": "Bruise over the left eyebrow"},
        patient_id=patient)
    morning = export(clerk, tmp_path / "stick-1").folder
    _, clerk2 = laptop(tmp_path / "ward2.sqlite", 5)
    import_export(clerk2, morning)
    clock.advance(minutes=15)
    records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Apixaban", "dose": 5.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
        "times": "08:00 20:00", "start_at": "2026-11-28T09:30+01:00", "controlled": False, "high_alert": True},
        patient_id=patient)
    evening = export(clerk, tmp_path / "stick-2").folder
    clock.advance(hours=2)
    ward2 = export(clerk2, tmp_path / "ward2-stick").folder
    cells = _fall_cells_merged(merge([evening, ward2], tmp_path / "merged").folder)
    assert [(anticoagulated, chart) for _, anticoagulated, chart in cells] == [("no", "Apixaban")]
