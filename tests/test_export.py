"""CSV export with its manifest: every version, exact values, --since-last, tamper detection."""

import csv
import json

import pytest

from downtime.cli import main
from downtime.services import records
from downtime.services.errors import ServiceError
from downtime.sync.export import export, verify_export


@pytest.fixture
def exported(session_for, admission_values, tmp_path):
    nurse = session_for("nurse")
    first = records.save_new(nurse, "admission", admission_values)
    records.amend(nurse, first.record_id, {**admission_values, "bed": "14"}, "Lit changé — erreur de saisie")
    result = export(session_for("records"), tmp_path / "export-1")
    return nurse, first, result, tmp_path


def test_every_version_is_exported_with_exact_values(exported):
    _, first, result, _ = exported
    with (result.folder / "csv" / "admission.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["record_id"], r["version"], r["bed"]) for r in rows] == [(first.record_id, "1", "12"),
                                                                         (first.record_id, "2", "14")]
    assert rows[1]["version_reason"] == "Lit changé — erreur de saisie"
    assert rows[1]["reason"] == "Fall at home, suspected hip fracture."
    assert rows[0]["given_names"] == "Hélène Marie" and rows[0]["downtime_number"].startswith("DT-042-")
    assert json.loads(rows[0]["allergies"])[0]["substance"] == "Penicillin"
    assert result.counts["admission"] == 2


def test_manifest_lists_every_file_with_its_hash(exported):
    _, _, result, _ = exported
    manifest = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["device_number"] == 42 and manifest["counts"]["admission"] == 2
    assert set(manifest["files"]) == {f"csv/{p.name}" for p in (result.folder / "csv").glob("*.csv")} | {
        "fhir/bundle.json", "data/patients.jsonl", "data/records.jsonl"}
    assert verify_export(result.folder) == []


def test_a_flipped_byte_is_named(exported):
    _, _, result, _ = exported
    path = result.folder / "csv" / "admission.csv"
    data = bytearray(path.read_bytes())
    data[-5] ^= 0x01
    path.write_bytes(bytes(data))
    (problem,) = map(str, verify_export(result.folder))
    assert "admission.csv" in problem and "altered or truncated" in problem


def test_since_last_exports_only_what_changed(exported, session_for, admission_values):
    nurse, _, _, tmp_path = exported
    again = export(session_for("records"), tmp_path / "export-2", since_last=True)
    assert sum(again.counts.values()) == 0
    records.save_new(nurse, "admission", {**admission_values, "bed": "15", "birth_name": "Roux"})
    third = export(session_for("records"), tmp_path / "export-3", since_last=True)
    assert third.counts["admission"] == 1 and sum(third.counts.values()) == 1


def test_an_existing_folder_is_refused_and_nothing_is_half_written(exported, session_for):
    _, _, result, tmp_path = exported
    with pytest.raises(ServiceError, match="already exists"):
        export(session_for("records"), result.folder)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".export")) == []


def test_export_command(tmp_path, cli_demo, capsys):
    db = cli_demo()
    out = tmp_path / "usb" / "ward3b"
    assert main(["export", "--out", str(out), "--plain", "--db", str(db), "--user", "records", "--pin", "4444"]) == 0
    assert "record version(s)" in capsys.readouterr().out
    assert verify_export(out) == []
    assert main(["verify", "--db", str(db), "--user", "records", "--pin", "4444"]) == 0


def test_the_export_command_makes_a_plain_export_only_with_plain_and_says_it(tmp_path, cli_demo, capsys):
    """With no records office key (the demo sets none), `downtime export` printed "exported 432
    record version(s) to exp1": every patient's record on the stick in plain text, said nowhere."""
    from downtime.sync.encryption import generate_identity

    db = cli_demo()
    person = ["--db", str(db), "--user", "records", "--pin", "4444"]
    out = tmp_path / "usb" / "ward3b"
    capsys.readouterr()
    assert main(["export", "--out", str(out), *person]) == 1
    refused = capsys.readouterr().err
    assert refused.startswith("downtime: not exported: no records office key is set on this laptop ('downtime set "
                              "export-key', by IT) nor given (--encrypt-to), so every patient's record would go into "
                              f"{out} in plain text; give the key, or --plain")
    assert not out.exists()
    with pytest.raises(SystemExit):
        main(["export", "--out", str(out), "--plain", "--encrypt-to", "age1x", *person])
    capsys.readouterr()
    assert main(["export", "--out", str(out), "--plain", *person]) == 0
    said = capsys.readouterr()
    assert said.err == (f"warning: this export is NOT ENCRYPTED: every patient's record goes into {out} in plain "
                        "text, readable by whoever holds the stick\n")
    assert said.out.splitlines()[0].endswith(f"record version(s) to {out}, NOT ENCRYPTED (plain text)")
    assert verify_export(out) == []
    public = generate_identity(tmp_path / "office.key")
    assert main(["set", "export-key", public, "--db", str(db), "--user", "admin", "--pin", "0000"]) == 0
    capsys.readouterr()
    assert main(["export", "--out", str(tmp_path / "usb" / "again"), "--plain", *person]) == 1
    assert "--plain: this laptop's exports are encrypted to the records office's key" in capsys.readouterr().err
    assert not (tmp_path / "usb" / "again").exists()


def test_fhir_bundle_validates_and_resolves(exported):
    from fhir.resources.R4B.bundle import Bundle

    from downtime.sync.fhir_codes import check_codes

    nurse, first, result, _ = exported
    raw = json.loads((result.folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    bundle = Bundle.model_validate(raw)
    assert bundle.type == "transaction"
    full_urls = {entry["fullUrl"] for entry in raw["entry"]}
    kinds = [entry["resource"]["resourceType"] for entry in raw["entry"]]
    assert kinds == ["Patient", "Encounter", "AllergyIntolerance", "Observation", "Observation", "Provenance"]
    patient, encounter, allergy, height, weight, _ = (entry["resource"] for entry in raw["entry"])
    assert {encounter["subject"]["reference"], allergy["patient"]["reference"], height["subject"]["reference"],
            weight["subject"]["reference"], allergy["encounter"]["reference"], weight["encounter"]["reference"]} \
        <= full_urls
    assert patient["identifier"][0] == {"use": "temp", "system": f"urn:downtime:number:{nurse.device.device_id}",
                                        "value": raw["entry"][0]["request"]["ifNoneExist"].split("|")[1]}
    check_codes(raw)
    assert (patient["gender"], encounter["status"], allergy["reaction"][0]["severity"]) == (
        "female", "in-progress", "moderate")
    assert [place["location"]["display"] for place in encounter["location"]] == ["3B", "14"]
    assert all(entry["request"]["ifNoneExist"] for entry in raw["entry"])


def test_exporting_twice_gives_the_same_resources(exported, session_for):
    _, _, result, tmp_path = exported
    again = export(session_for("records"), tmp_path / "export-again")
    first = json.loads((result.folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    second = json.loads((again.folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    assert [e["resource"] for e in first["entry"]] == [e["resource"] for e in second["entry"]]


def test_export_progress_counts_every_version_twice_and_ends_at_its_total(session_for, admission_values, tmp_path):
    nurse = session_for("nurse")
    for bed in ("1", "2", "3"):
        records.save_new(nurse, "admission", {**admission_values, "bed": bed})
    told: list[tuple[int, int]] = []
    export(session_for("records"), tmp_path / "e", progress=lambda done, total: told.append((done, total)))
    assert told[0] == (0, 6) and told[-1] == (6, 6)
    assert [done for done, _ in told] == sorted(done for done, _ in told)


@pytest.mark.parametrize("typed", ['=HYPERLINK("http://example.com/x","Open the chart")', "+33 6 12 34 56 78",
                                   "-2 kg since Monday", "@SUM(A1:A2)"])
def test_a_cell_a_spreadsheet_would_take_for_a_formula_is_written_as_text(session_for, admission_values, tmp_path,
                                                                          typed):
    """A clerk opening the CSV in a spreadsheet must read what was typed, never run it (a link
    that sends the patient's row away) nor see #NAME? instead of a phone number; the records
    office re-imports the JSON lines, which keep the value exactly."""
    from downtime.sync.versions import RECORDS_FILE

    nurse = session_for("nurse")
    saved = records.save_new(nurse, "admission", {**admission_values, "diet_notes": typed})
    records.amend(nurse, saved.record_id, {**admission_values, "diet_notes": typed, "bed": "14"}, typed)
    result = export(session_for("records"), tmp_path / "export")
    with (result.folder / "csv" / "admission.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["diet_notes"] for row in rows] == [f"'{typed}"] * 2
    assert rows[1]["version_reason"] == f"'{typed}"
    assert (rows[0]["weight_kg"], rows[0]["given_names"]) == ("61.5", "Hélène Marie")
    stored = [json.loads(json.loads(line)["data"])["diet_notes"]
              for line in (result.folder / RECORDS_FILE).read_text(encoding="utf-8").splitlines()]
    assert stored == [typed] * 2


def test_a_csv_opens_in_a_spreadsheet_as_utf8(session_for, admission_values, tmp_path):
    """Excel, given a double-clicked CSV without a byte-order mark, reads it as Windows-1252:
    a clerk saw "LecÅ“ur" for Lecœur and "HÃ©lÃ¨ne" for Hélène. The mark makes it read UTF-8."""
    records.save_new(session_for("nurse"), "admission", {**admission_values, "birth_name": "Lecœur"})
    result = export(session_for("records"), tmp_path / "export")
    for path in (result.folder / "csv").glob("*.csv"):
        assert path.read_bytes().startswith(b"\xef\xbb\xbfrecord_id,"), path.name
    with (result.folder / "csv" / "admission.csv").open(encoding="utf-8-sig", newline="") as handle:
        (row,) = csv.DictReader(handle)
    assert (row["birth_name"], row["given_names"]) == ("Lecœur", "Hélène Marie")
    assert verify_export(result.folder) == []
