"""A record on hold is settled by the records office once the ward says which version is right:
the record then reads as that version, is back-entered as any other, and goes into the FHIR
bundle; a version that comes after the settlement puts it on hold again."""

import csv
import json
import re
from dataclasses import replace

import pytest
from fhir.resources.R4B.bundle import Bundle
from pypdf import PdfReader

from downtime.domain.records import RecordStatus
from downtime.services import back_entry, holds, printing, records, staff
from downtime.services.errors import PermissionDenied, ServiceError, ValidationFailed
from downtime.storage.audit import verify_chain
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from downtime.sync.merge import merge

DECIDED = "Sister Martin, ward 3B, by phone"


@pytest.fixture
def office(disagreeing, tmp_path, laptop):
    """The records office with laptop 1's stick imported, then laptop 2's: laptop 1's version 2
    (bed 15) stands, laptop 2's (bed 14) is on hold."""
    record, first, second, *_ = disagreeing
    clerk = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(clerk, first)
    import_export(clerk, second)
    return record, clerk


def _item(clerk, record):
    return next(item for group in back_entry.worklist(clerk) for item in group.items
                if item.record.record_id == record)


def _counts(db):
    return {table: db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("records", "hold_settlements", "audit")}


def _side(hold, bed):
    return next(version for version in hold.versions if version.data["bed"] == bed)


def _bundle(folder):
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    Bundle.model_validate(bundle)
    return [entry["resource"] for entry in bundle["entry"]]


def _pdf_text(path):
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _sources(folder):
    return {resource["entity"][0]["what"]["identifier"]["value"] for resource in _bundle(folder)
            if resource["resourceType"] == "Provenance"}


def test_choosing_the_version_standing_writes_no_new_version_and_the_record_is_back_entered(office, tmp_path,
                                                                                           left_agrees):
    record, clerk = office
    hold = back_entry.hold_of(clerk, record)
    before = _counts(clerk.db)
    kept = holds.settle(clerk, hold, _side(hold, "15"), f"  {DECIDED} ")
    assert (kept.version, kept.data["bed"]) == (2, "15")
    assert _counts(clerk.db) == {**before, "hold_settlements": 1, "audit": before["audit"] + 1}
    settlement = next(clerk.db.query("SELECT * FROM hold_settlements"))
    assert (settlement["reason"], settlement["from_version"], settlement["standing_version"]) == (DECIDED, 2, 2)
    assert back_entry.hold_of(clerk, record) is None

    item = _item(clerk, record)
    assert (item.on_hold, item.record.version, item.action_in("en")) == (None, 2, "enter")
    assert back_entry.progress_counts(clerk) == back_entry.progress(back_entry.worklist(clerk)) == (0, 1)
    assert left_agrees(clerk)
    back_entry.mark_entered(clerk, record, 2, "ADM-1")
    assert back_entry.progress_counts(clerk) == (1, 1)
    assert verify_chain(clerk.db) is None


def test_a_settlement_that_wrote_no_version_is_printed_in_the_records_history(office, tmp_path):
    """Its reason (who decided) was in the audit log alone: the printed record lists it among the
    versions, after the version it kept."""
    record, clerk = office
    hold = back_entry.hold_of(clerk, record)
    holds.settle(clerk, hold, _side(hold, "15"), DECIDED)
    printed = " ".join(_pdf_text(printing.print_record(clerk, record, tmp_path / "record.pdf")).split())
    said = ("hold settled Settles the hold from version 2: version 2 on laptop 1 (no. 001) chosen, version 2 "
            f"stands. {DECIDED}")
    assert said in printed, printed
    assert printed.index("moved to bed 15") < printed.index(said)

def test_the_worklist_line_of_a_settled_record_says_who_settled_it_and_why_until_it_is_entered(office, capsys):
    """Choosing the version standing wrote no version: the line read "enter" as if the record had
    never been on hold, and the clerk entering it could not tell which version the ward chose."""
    from downtime.cli import main

    record, clerk = office
    hold = back_entry.hold_of(clerk, record)
    holds.settle(clerk, hold, _side(hold, "15"), DECIDED)
    said = ("enter — hold settled by Records (records), 28/11/2026 14:15: the hold from version 2: version 2 on "
            f"laptop 1 (no. 001) chosen, version 2 stands; reason: {DECIDED}")
    assert _item(clerk, record).to_do_in("en") == said
    db = str(clerk.db.conn.execute("PRAGMA database_list").fetchone()[2])
    assert main(["worklist", "--user", "records", "--pin", "4444", "--db", db]) == 0
    assert f"(v2, {said}) {record}" in capsys.readouterr().out
    back_entry.mark_entered(clerk, record, 2, "ADM-1")
    assert _item(clerk, record).to_do_in("en") == "entered"

def test_choosing_the_held_version_amends_the_record_to_it_with_the_reason(office, tmp_path, left_agrees):
    record, clerk = office
    hold = back_entry.hold_of(clerk, record)
    chosen = _side(hold, "14")
    kept = holds.settle(clerk, hold, chosen, DECIDED)
    assert (kept.version, kept.data["bed"], kept.author) == (3, "14", "records")
    # Who wrote the chosen version by name with the staff ID, as the hold named them to the clerk:
    # the reason said "by nurse", read in the record's History, its print and the worklist.
    reason = (f"Settles the hold from version 2: version 2 by Nurse (nurse, laptop 002) on laptop 2 (no. 002) chosen. "
              f"{DECIDED}")
    assert kept.reason == reason
    assert [version.data["bed"] for version in records.history(clerk.db, record)] == ["12", "15", "14"]
    assert reason in " ".join(_pdf_text(printing.print_record(clerk, record, tmp_path / "record.pdf")).split())
    assert clerk.db.execute("SELECT action FROM audit WHERE action LIKE 'record.settle%' OR action = 'hold.settled'"
                            " ORDER BY seq").fetchall() == [("record.settle",), ("hold.settled",)]
    item = _item(clerk, record)
    assert (item.on_hold, item.record.version) == (None, 3)
    back_entry.mark_entered(clerk, record, 3, "ADM-1")
    assert back_entry.progress_counts(clerk) == back_entry.progress(back_entry.worklist(clerk)) == (1, 1)
    assert left_agrees(clerk)
    assert verify_chain(clerk.db) is None


def test_a_merge_held_from_version_2_is_settled_as_a_new_version_2(disagreeing, tmp_path, laptop, left_agrees):
    record, first, second, third, *_ = disagreeing
    clerk = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(clerk, merge([first, second, third], tmp_path / "merged").folder)
    hold = back_entry.hold_of(clerk, record)
    kept = holds.settle(clerk, hold, _side(hold, "15"), DECIDED)
    assert (kept.version, kept.data["bed"]) == (2, "15")
    assert back_entry.progress_counts(clerk) == back_entry.progress(back_entry.worklist(clerk)) == (0, 2)
    assert left_agrees(clerk)
    # Merged again with the office's export, the settlement goes through the merge to the next office.
    again = merge([first, second, third, export(clerk, tmp_path / "settled").folder], tmp_path / "merged-again")
    # Its report and manifest no longer name the record on hold (its versions are kept whole).
    assert again.holds == ()
    assert json.loads((again.folder / "manifest.json").read_text(encoding="utf-8"))["on_hold"] == []
    other = laptop(tmp_path / "office-901.sqlite", 901)[1]
    assert import_export(other, again.folder).added["settlements"] == 1
    assert back_entry.hold_of(other, record) is None and records.current(other.db, record).id == kept.id


def test_a_merge_names_on_hold_a_record_whose_settlement_an_office_importing_it_would_not_take(office, disagreeing,
                                                                                              tmp_path, laptop):
    """Settled on sticks imported one by one, the amendment follows laptop 1's version 2, which
    the merge holds: an office importing the merge keeps the record on hold, and the merge says
    it is on hold, as it did."""
    record, first, second, third, *_ = disagreeing
    _, clerk = office
    hold = back_entry.hold_of(clerk, record)
    holds.settle(clerk, hold, _side(hold, "14"), DECIDED)
    merged = merge([first, second, third, export(clerk, tmp_path / "settled").folder], tmp_path / "merged")
    assert [held.record_id for held in merged.holds] == [record]
    assert [held["record_id"] for held in json.loads(
        (merged.folder / "manifest.json").read_text(encoding="utf-8"))["on_hold"]] == [record]
    other = laptop(tmp_path / "office-901.sqlite", 901)[1]
    assert [refused.hold.record_id for refused in import_export(other, merged.folder).settlements_not_taken] == [record]


def test_a_merges_csv_says_which_version_of_a_hold_it_takes_as_settled_stands(office, disagreeing, tmp_path):
    """The merge takes the hold as settled (the office chose laptop 1's version 2, standing
    there): its manifest and report no longer name it on hold, and its CSV, from which a clerk
    back-enters, says so on both sides, which one to enter and which not. Both read `on_hold`,
    "do not enter before it is settled", and the clerk skipped the record or entered both."""
    record, first, second, third, *_ = disagreeing
    _, clerk = office
    hold = back_entry.hold_of(clerk, record)
    kept = holds.settle(clerk, hold, _side(hold, "15"), DECIDED)
    merged = merge([first, second, third, export(clerk, tmp_path / "settled").folder], tmp_path / "merged")
    assert merged.holds == ()
    with (merged.folder / "csv" / "admission.csv").open(encoding="utf-8-sig", newline="") as handle:
        lines = [row for row in csv.DictReader(handle) if row["record_id"] == record]
    assert sorted((row["version"], row["bed"], row["on_hold"]) for row in lines) == [
        ("1", "12", ""),
        ("2", "14", f"hold from version 2 settled: version 2 by nurse recorded at {kept.recorded_at.isoformat()} on "
                    f"device {kept.device_id} stands, not this one: do not enter"),
        ("2", "15", "hold from version 2 settled: this version stands, to enter")]


@pytest.mark.parametrize("settled", ['"0123abcd"', "[1, 2]", "not json"])
def test_a_merge_refuses_a_settlements_file_whose_versions_seen_are_not_digests(office, disagreeing, tmp_path,
                                                                               settled, rewritten):
    """The import refused it; the merge read a string's letters as versions seen (or failed
    with a traceback), and passed it on."""
    from downtime.sync.versions import SETTLEMENTS_FILE, VersionFileError

    record, first, second, *_ = disagreeing
    _, clerk = office
    hold = back_entry.hold_of(clerk, record)
    holds.settle(clerk, hold, _side(hold, "15"), DECIDED)
    folder = export(clerk, tmp_path / "settled").folder
    rewritten(folder, 1, lambda row: row.update(settled=settled), SETTLEMENTS_FILE)
    with pytest.raises(VersionFileError, match=r"data/settlements.jsonl, line 1: column settled holds .*, not a list "
                                           "of version digests"):
        merge([first, second, folder], tmp_path / "merged")
    assert not (tmp_path / "merged").exists()


def test_only_records_staff_settle_and_a_reason_is_required(office, clock):
    record, clerk = office
    hold = back_entry.hold_of(clerk, record)
    nurse = replace(clerk, user=staff.sign_in(clerk.db, "nurse", "1111", clock))
    before = _counts(clerk.db)
    with pytest.raises(ServiceError, match=r"^Reason: say who decided which version is right"):
        holds.settle(clerk, hold, _side(hold, "14"), "   ")
    with pytest.raises(PermissionDenied, match=r"Nurse \(ward nurse\) may not settle a record on hold"):
        holds.settle(nurse, hold, _side(hold, "14"), DECIDED)
    assert _counts(clerk.db) == before
    assert back_entry.hold_of(clerk, record) == hold


def test_the_amendments_rules_apply_and_a_refused_one_settles_nothing(office, tmp_path, laptop, admission_values):
    """Another patient lies in bed 14 at the records office now: laptop 2's version, which
    moved this one there, is refused as any amendment would be, and the record stays on hold."""
    record, clerk = office
    nurse_4, clerk_4 = laptop(tmp_path / "4.sqlite", 4)
    records.save_new(nurse_4, "admission", {**admission_values, "birth_name": "Roux", "nir": "", "bed": "14"})
    import_export(clerk, export(clerk_4, tmp_path / "export-4").folder)
    hold = back_entry.hold_of(clerk, record)
    before = _counts(clerk.db)
    with pytest.raises(ServiceError, match="Bed 14 .*is taken"):
        holds.settle(clerk, hold, _side(hold, "14"), DECIDED)
    assert _counts(clerk.db) == before and back_entry.hold_of(clerk, record) == hold


def test_a_hold_that_changed_or_was_settled_since_it_was_shown_is_refused(office):
    record, clerk = office
    hold = back_entry.hold_of(clerk, record)
    with pytest.raises(ServiceError, match="hold changed after you opened it"):
        holds.settle(clerk, replace(hold, versions=hold.versions[:1]), _side(hold, "15"), DECIDED)
    holds.settle(clerk, hold, _side(hold, "15"), DECIDED)
    with pytest.raises(ServiceError, match="no longer on hold"):
        holds.settle(clerk, hold, _side(hold, "14"), DECIDED)


def test_the_export_after_settling_puts_the_record_in_the_bundle_and_marks_it_no_more(office, tmp_path):
    record, clerk = office
    held = export(clerk, tmp_path / "held").folder
    assert record not in _sources(held)
    hold = back_entry.hold_of(clerk, record)
    holds.settle(clerk, hold, _side(hold, "15"), DECIDED)
    done = export(clerk, tmp_path / "settled", since_last=True).folder
    assert record in _sources(done)
    manifest = json.loads((done / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["on_hold"] == []
    with (done / "csv" / "admission.csv").open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.DictReader(handle))
    assert all(line.get("on_hold", "") == "" for line in lines)


def test_a_version_that_comes_after_the_settlement_puts_the_record_on_hold_again(disagreeing, office, tmp_path,
                                                                                  clock, admission_values):
    record, first, second, _, nurse, clerk_1 = disagreeing
    _, clerk = office
    hold = back_entry.hold_of(clerk, record)
    holds.settle(clerk, hold, _side(hold, "14"), DECIDED)
    for folder in (first, second):  # the same sticks again bring nothing new
        assert import_export(clerk, folder).holds == ()
    assert back_entry.hold_of(clerk, record) is None

    clock.advance(minutes=30)
    records.amend(nurse, record, {**admission_values, "bed": "16"}, "moved to bed 16")
    result = import_export(clerk, export(clerk_1, tmp_path / "export-1-again").folder)
    assert [held.record_id for held in result.holds] == [record]
    again = back_entry.hold_of(clerk, record)
    assert again.from_version == 3
    assert [(version.version, version.data["bed"]) for version in again.versions] == [(3, "14"), (3, "16")]
    item = _item(clerk, record)
    assert item.on_hold == again and not item.done
    with pytest.raises(ServiceError, match="on hold"):
        back_entry.mark_entered(clerk, record, 3, "ADM-1")
    assert record not in _sources(export(clerk, tmp_path / "held-again").folder)
    holds.settle(clerk, again, _side(again, "16"), DECIDED)
    assert records.current(clerk.db, record).data["bed"] == "16"
    assert verify_chain(clerk.db) is None


@pytest.mark.parametrize("order, bed, version", [("same", "14", 3), ("other", "14", 3), ("same", "15", 2)])
def test_a_settlement_travels_in_the_export_to_another_office(disagreeing, office, tmp_path, laptop, order, bed,
                                                              version):
    """A settlement is the ward's decision, taken down by a clerk: office 900 settled the hold
    and exported, and office 901, which imported the laptops' sticks too (in the same order, or
    the other, its standing version then being the other laptop's), held the record again and
    its bundle left it out. It now reads the version chosen, settled with the same settler and
    reason, to back-enter, and its bundle carries it."""
    record, first, second, *_ = disagreeing
    _, clerk = office
    hold = back_entry.hold_of(clerk, record)
    kept = holds.settle(clerk, hold, _side(hold, bed), DECIDED)
    settled = export(clerk, tmp_path / "settled").folder
    other = laptop(tmp_path / "office-901.sqlite", 901)[1]
    for folder in (first, second) if order == "same" else (second, first):
        import_export(other, folder)
    assert back_entry.hold_of(other, record) is not None
    result = import_export(other, settled)
    assert result.added["settlements"] == 1 and result.holds == ()
    assert back_entry.hold_of(other, record) is None
    standing = records.current(other.db, record)
    assert (standing.id, standing.version, standing.data["bed"], standing.reason) == (
        kept.id, version, bed, kept.reason)
    row = next(other.db.query("SELECT * FROM hold_settlements"))
    assert (row["reason"], row["settled_by"], row["standing_version"]) == (DECIDED, "records", version)
    item = _item(other, record)
    assert (item.on_hold, item.record.version, item.done) == (None, version, False)
    assert record in _sources(export(other, tmp_path / "from-901").folder)
    assert import_export(other, settled).added == {"patients": 0, "records": 0}  # taken once
    assert verify_chain(other.db) is None


def test_a_settlement_that_means_otherwise_at_another_office_leaves_the_record_on_hold_there(disagreeing, office,
                                                                                             tmp_path, laptop):
    """Office 900 chose the version standing there, writing nothing new; at office 901, which
    took the sticks in the other order, the other laptop's version stands: taken, the settlement
    would leave the record reading the version not chosen. It stays on hold there."""
    record, first, second, *_ = disagreeing
    _, clerk = office
    hold = back_entry.hold_of(clerk, record)
    holds.settle(clerk, hold, _side(hold, "15"), DECIDED)
    other = laptop(tmp_path / "office-901.sqlite", 901)[1]
    for folder in (second, first):
        import_export(other, folder)
    result = import_export(other, export(clerk, tmp_path / "settled").folder)
    assert "settlements" not in result.added and other.db.execute("SELECT COUNT(*) FROM hold_settlements").fetchone() == (0,)
    assert back_entry.hold_of(other, record) is not None and records.current(other.db, record).data["bed"] == "14"
    # The import says so, with who settled and their reason: its clerk phoned the ward again.
    [said] = result.holds_text("en")
    assert said == (
        f"SETTLEMENT NOT TAKEN HERE, record {record} (Downtime admission record, patient {_number(other, record)}) stays on hold: at "
        f"another office Records (records) settled it on 28/11/2026 14:15, choosing version 2 on laptop 1 (no. 001), "
        f'"{DECIDED}"; but version 2 by Nurse (nurse, laptop 002) on laptop 2 (no. 002) at 28/11/2026 14:10 stands here, not '
        "the version it left standing. Settle it here choosing that version, with the ward's word as its reason.")


def _number(session, record):
    return next(session.db.query("SELECT downtime_number FROM patients WHERE patient_id = ?",
                                 [records.current(session.db, record).patient_id]))["downtime_number"]


@pytest.mark.parametrize("order", [("first", "second", "again"), ("again", "second")])
def test_a_settlement_that_did_not_see_a_version_here_is_said_in_the_import_to_ask_the_ward_again(
        disagreeing, office, tmp_path, laptop, clock, admission_values, capsys, order):
    """The ward amended the record again on laptop 1 (bed 16) after office 900 settled it: office
    901, given that stick, has a version the ward was not asked about, and keeps the record on
    hold. Its import (report, command line) says who settled, the reason, and which version they
    did not see (once, standing at 901 or not)."""
    from downtime.cli import main

    record, first, second, _, nurse, clerk_1 = disagreeing
    _, clerk = office
    hold = back_entry.hold_of(clerk, record)
    holds.settle(clerk, hold, _side(hold, "15"), DECIDED)
    settled = export(clerk, tmp_path / "settled").folder
    clock.advance(minutes=30)
    records.amend(nurse, record, {**admission_values, "bed": "16"}, "moved to bed 16")
    other = laptop(tmp_path / "office-901.sqlite", 901)[1]
    folders = {"first": first, "second": second, "again": export(clerk_1, tmp_path / "export-1-again").folder}
    for name in order:
        import_export(other, folders[name])
    db = str(other.db.conn.execute("PRAGMA database_list").fetchone()[2])
    assert main(["import", str(settled), "--user", "records", "--pin", "4444", "--db", db]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert (f"SETTLEMENT NOT TAKEN HERE, record {record} (Downtime admission record, patient {_number(other, record)}) stays on hold: "
            "at another office Records (records) settled it on ") in out
    assert (f'"{DECIDED}"; but it did not see version 3 by Nurse (nurse, laptop 001) on laptop 1 (no. 001) at 28/11/2026 '
            "14:45. Ask the ward again, naming the version it did not see, then settle it here.") in out
    assert "stands here" not in out
    assert back_entry.hold_of(other, record) is not None


def test_the_worklist_settle_command_lists_the_versions_then_settles_with_the_one_chosen(office, capsys):
    from downtime.cli import main

    record, clerk = office
    db = str(clerk.db.conn.execute("PRAGMA database_list").fetchone()[2])
    who = ["--user", "records", "--pin", "4444", "--db", db]
    assert main(["worklist", "settle", record, *who]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert [line.split(": ")[-1] for line in listed if line[0].isdigit()] == ["14", "15"]
    assert listed[0].startswith("1. laptop ") and "version 2 by Nurse (nurse, laptop 002), 28/11/2026 14:10: Bed: 14" in listed[0]
    # Under each, what it changed since the version both laptops started from, and what choosing it drops.
    assert listed[1:3] == ["   changed since version 1: Bed: 14",
                           "   choosing it: the change on laptop 1 (no. 001) to Bed: 15 will be dropped"]
    assert main(["worklist", "settle", record, "--choose", "1", *who]) == 1
    assert "Reason: say who decided" in capsys.readouterr().err
    assert main(["worklist", "settle", record, "--choose", "3", "--reason", DECIDED, *who]) == 1
    assert main(["worklist", "settle", record, "--choose", "1", "--reason", DECIDED, *who]) == 0
    assert f"record {record} settled: version 3 stands" in capsys.readouterr().out
    assert records.current(clerk.db, record).data["bed"] == "14"
    assert main(["worklist", "settle", record, *who]) == 1


@pytest.fixture
def withdrawn_on_one(tmp_path, laptop, clock, admission_values):
    """Laptop 2 (where the patient moved) marks the admission entered in error; laptop 1
    amends its bed. Returns (record id, laptop 1's export, laptop 2's, the office's clerk,
    laptop 1's nurse and clerk)."""
    nurse_1, clerk_1 = laptop(tmp_path / "1.sqlite", 1)
    nurse_2, clerk_2 = laptop(tmp_path / "2.sqlite", 2)
    saved = records.save_new(nurse_1, "admission", admission_values)
    import_export(clerk_2, export(clerk_1, tmp_path / "carried").folder)
    clock.advance(minutes=10)
    records.mark_entered_in_error(nurse_2, saved.record_id, "wrong patient")
    records.amend(nurse_1, saved.record_id, {**admission_values, "bed": "15"}, "moved to bed 15")
    return (saved.record_id, export(clerk_1, tmp_path / "export-1").folder, export(clerk_2, tmp_path / "export-2").folder,
            laptop(tmp_path / "office.sqlite", 900)[1], nurse_1, clerk_1)


def test_choosing_a_withdrawal_withdraws_the_record(withdrawn_on_one):
    record, first, second, clerk, *_ = withdrawn_on_one
    import_export(clerk, first)
    import_export(clerk, second)
    hold = back_entry.hold_of(clerk, record)
    withdrawal = next(version for version in hold.versions if version.status is RecordStatus.ENTERED_IN_ERROR)
    kept = holds.settle(clerk, hold, withdrawal, DECIDED)
    assert (kept.version, kept.status, kept.data["bed"]) == (3, RecordStatus.ENTERED_IN_ERROR, "15")
    assert kept.reason.startswith("Settles the hold from version 2: version 2 by Nurse (nurse, laptop 00")
    assert back_entry.worklist(clerk) == [] and back_entry.progress_counts(clerk) == (0, 0)
    assert verify_chain(clerk.db) is None


def test_a_withdrawal_standing_is_not_undone_by_settling(withdrawn_on_one):
    """Laptop 2's stick came first: its withdrawal stands here. A withdrawn record cannot be
    brought back; choosing the withdrawal settles it with nothing new written."""
    record, first, second, clerk, *_ = withdrawn_on_one
    import_export(clerk, second)
    import_export(clerk, first)
    hold = back_entry.hold_of(clerk, record)
    before = _counts(clerk.db)
    with pytest.raises(ServiceError, match="a withdrawn record cannot be brought back"):
        holds.settle(clerk, hold, _side(hold, "15"), DECIDED)
    assert _counts(clerk.db) == before
    withdrawal = next(version for version in hold.versions if version.status is RecordStatus.ENTERED_IN_ERROR)
    assert holds.settle(clerk, hold, withdrawal, DECIDED).version == 2
    assert _counts(clerk.db) == {**before, "hold_settlements": 1, "audit": before["audit"] + 1}
    assert back_entry.hold_of(clerk, record) is None


def test_a_record_withdrawn_on_both_laptops_is_settled_with_nothing_new(withdrawn_on_one, tmp_path):
    """Laptop 1 then withdrew its amended version too: either withdrawal chosen, the record is
    withdrawn already, whatever answers each withdrawn version carries."""
    record, _, second, clerk, nurse_1, clerk_1 = withdrawn_on_one
    records.mark_entered_in_error(nurse_1, record, "wrong patient")
    import_export(clerk, export(clerk_1, tmp_path / "export-1-withdrawn").folder)
    import_export(clerk, second)
    hold = back_entry.hold_of(clerk, record)
    theirs = next(version for version in hold.versions
                  if version.status is RecordStatus.ENTERED_IN_ERROR and version.data["bed"] == "12")
    before = _counts(clerk.db)
    assert holds.settle(clerk, hold, theirs, DECIDED).version == 3
    assert _counts(clerk.db) == {**before, "hold_settlements": 1, "audit": before["audit"] + 1}


def test_a_record_held_from_version_1_is_settled_as_its_first_version_here(tmp_path, laptop, rewritten,
                                                                         admission_values, left_agrees):
    """Two exports hold different versions 1 of one record (a copy's line rewritten): the merge
    holds it whole, nothing of it stands at the office; settled, the chosen one is its version 1."""
    import shutil

    nurse, clerk_1 = laptop(tmp_path / "1.sqlite", 1)
    record = records.save_new(nurse, "admission", admission_values).record_id
    first = export(clerk_1, tmp_path / "export-1").folder
    copy = shutil.copytree(first, tmp_path / "export-1-copy")
    rewritten(copy, 1, lambda row: row.update(data=json.dumps({**json.loads(row["data"]), "bed": "13"})))
    clerk = laptop(tmp_path / "office.sqlite", 900)[1]
    merged = merge([first, copy], tmp_path / "merged").folder
    import_export(clerk, merged)
    hold = back_entry.hold_of(clerk, record)
    assert [version.version for version in hold.versions] == [1, 1]
    assert left_agrees(clerk) and back_entry.patients_left(clerk) == {hold.versions[0].patient_id}
    kept = holds.settle(clerk, hold, _side(hold, "13"), DECIDED)
    assert (kept.version, kept.data["bed"], kept.author) == (1, "13", "records")
    item = _item(clerk, record)
    assert (item.on_hold, item.record.version, item.action_in("en")) == (None, 1, "enter")
    assert back_entry.progress_counts(clerk) == back_entry.progress(back_entry.worklist(clerk)) == (0, 1)
    assert left_agrees(clerk)
    assert verify_chain(clerk.db) is None
    other = laptop(tmp_path / "office-901.sqlite", 901)[1]  # another office, given the merge and the settlement
    import_export(other, merged)
    import_export(other, export(clerk, tmp_path / "settled").folder)
    assert back_entry.hold_of(other, record) is None and records.current(other.db, record).id == kept.id


def test_a_version_refused_by_what_stands_on_it_tells_the_clerk_it_is_for_the_ward(withdrawn_on_one, tmp_path,
                                                                                  capsys):
    """Laptop 1 took the patient's observations after amending the admission that laptop 2
    withdrew. Choosing the withdrawal was refused in the ward's words ("withdraw them first,
    from the patient's records (Ctrl+Shift+R)"): a records clerk may not, and the office's copy
    is not the ward's. It says whose it is to put right, and when to settle."""
    record, _, second, clerk, nurse_1, clerk_1 = withdrawn_on_one
    patient = records.current(nurse_1.db, record).patient_id
    records.save_new(nurse_1, "observations", {
        "taken_at": "2026-11-28T14:05+01:00", "respiratory_rate": 16, "spo2": 97, "spo2_scale": "scale_1",
        "on_oxygen": False, "systolic_bp": 130, "diastolic_bp": 80, "pulse": 72, "consciousness": "alert",
        "temperature": 37.0}, patient_id=patient)
    import_export(clerk, export(clerk_1, tmp_path / "export-1-later").folder)
    import_export(clerk, second)
    hold = back_entry.hold_of(clerk, record)
    withdrawal = next(version for version in hold.versions if version.status is RecordStatus.ENTERED_IN_ERROR)
    before = _counts(clerk.db)
    with pytest.raises(ServiceError) as refused:
        holds.settle(clerk, hold, withdrawal, DECIDED)
    said = refused.value.text("en")
    assert said.startswith("Not settled: 1 other record(s) of this patient stand") and said.endswith(
        "The ward puts this right on its laptop (tell them); settle the hold once its next stick is imported "
        "here."), said
    assert _counts(clerk.db) == before and back_entry.hold_of(clerk, record) == hold


def test_the_settle_command_says_when_the_record_settled_has_nothing_to_back_enter(withdrawn_on_one, capsys):
    """Settled with the withdrawal of a record nobody had entered, it leaves the list; the
    command said "to back-enter", and the clerk looked for a line that was not there."""
    from downtime.cli import main

    record, first, second, clerk, *_ = withdrawn_on_one
    import_export(clerk, first)
    import_export(clerk, second)
    hold = back_entry.hold_of(clerk, record)
    chosen = next(number for number, version in enumerate(hold.versions, start=1)
                  if version.status is RecordStatus.ENTERED_IN_ERROR)
    db = str(clerk.db.conn.execute("PRAGMA database_list").fetchone()[2])
    assert main(["worklist", "settle", record, "--choose", str(chosen), "--reason", DECIDED,
                 "--user", "records", "--pin", "4444", "--db", db]) == 0
    assert capsys.readouterr().out.strip().splitlines() == [
        f"record {record} settled: version 3 withdraws it, and as nobody entered it in the EHR it leaves the "
        "worklist", "Dropped: the change on laptop 1 (no. 001) to Bed: 15 will be dropped"]
    assert back_entry.worklist(clerk) == []


@pytest.mark.parametrize("here_bed, there_bed, there_reason", [
    ("15", "14", DECIDED), ("14", "15", DECIDED), ("15", "15", DECIDED), ("15", "15", "Dr Blanc, ward 3B, by phone")])
def test_a_hold_settled_here_and_otherwise_at_another_office_is_said_in_the_import(
        disagreeing, office, tmp_path, laptop, clock, capsys, here_bed, there_bed, there_reason):
    """Offices 900 and 901 both took the laptops' sticks and both settled the hold. Office 901,
    importing 900's export, takes nothing of 900's settlement; where 900 chose another version
    (or gave another reason), its import (report, command line) names both clerks, both
    choices and reasons, what stands here, and what to do: the record is no longer on hold
    here, so nothing told them (where 900 wrote the version it chose, its amendment follows here
    as any later version does, and 900's settlement was taken). The same choice for the same
    reason says nothing."""
    from downtime.cli import main

    record, first, second, *_ = disagreeing
    _, clerk = office
    other = laptop(tmp_path / "office-901.sqlite", 901)[1]
    for folder in (first, second):
        import_export(other, folder)
    here = back_entry.hold_of(other, record)
    holds.settle(other, here, _side(here, here_bed), DECIDED)
    standing = records.current(other.db, record)
    clock.advance(minutes=5)
    there = back_entry.hold_of(clerk, record)
    holds.settle(clerk, there, _side(there, there_bed), there_reason)
    settled = export(clerk, tmp_path / "settled").folder
    db = str(other.db.conn.execute("PRAGMA database_list").fetchone()[2])
    assert main(["import", str(settled), "--user", "records", "--pin", "4444", "--db", db]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert other.db.execute("SELECT COUNT(*) FROM hold_settlements").fetchone() == (1,)
    assert back_entry.hold_of(other, record) is None
    if (here_bed, there_reason) == (there_bed, DECIDED):
        assert "SETTLE" not in out
        return
    chosen = {"15": "version 2 on laptop 1 (no. 001)", "14": "version 2 on laptop 2 (no. 002)"}
    now = records.current(other.db, record)
    assert (f"SETTLED OTHERWISE AT ANOTHER OFFICE, record {record} (Downtime admission record, patient "
            f"{_number(other, record)}): here Records (records) settled it on 28/11/2026 14:15, choosing "
            f'{chosen[here_bed]}, "{DECIDED}"; at another office Records (records) settled it on 28/11/2026 14:20, '
            f'choosing {chosen[there_bed]}, "{there_reason}". Standing here: version {now.version} by ') in out
    if here_bed == there_bed:
        assert now.id == standing.id
        assert out.endswith("Both chose the same version: nothing to put right.")
        assert "SETTLED OTHERWISE" not in _item(other, record).to_do_in("en")
    else:
        assert out.endswith("Ask the ward which version is right and tell the other office; back-enter the record "
                            "as the ward says, whichever version stands here (if it is in the EHR already, put it "
                            "right there).")
        assert (f'SETTLED OTHERWISE AT ANOTHER OFFICE: Records (records) settled it on 28/11/2026 14:20, choosing '
                f'{chosen[there_bed]}, "{there_reason}"; not taken here') in _item(other, record).to_do_in("en")


def _second_office(laptop, tmp_path, *exports):
    """Office 901, the laptops' exports imported in the order given."""
    records_901 = laptop(tmp_path / "office-901.sqlite", 901)[1]
    for folder in exports:
        import_export(records_901, folder)
    return records_901


def _clerk_named(session, staff_id, name, clock):
    """Another records clerk on this laptop, signed in: `staff_id` with this person's name."""
    from downtime.domain.staff import Role
    from downtime.services.context import Session

    admin = Session(session.db, session.device, staff.sign_in(session.db, "admin", "0000", clock), session.forms, clock)
    staff.add_staff(admin, staff_id, name, Role.RECORDS_STAFF, "5555")
    return Session(session.db, session.device, staff.sign_in(session.db, staff_id, "5555", clock), session.forms, clock)


@pytest.mark.parametrize("order", ["same", "other"])
def test_a_settler_from_another_office_is_named_as_that_office_named_them(disagreeing, office, tmp_path, laptop, clock,
                                                                         order):
    """Anne Durand settled the hold at office 900 as `clerk`; at office 901 `clerk` is Paul
    Martin. Taken (the sticks in the same order) the worklist line, and not taken the import's
    report, name Anne Durand, whom the settlement carries: they named Paul Martin, this office's
    `clerk`, or the bare ID of a clerk this office does not have."""
    record, first, second, *_ = disagreeing
    _, records_900 = office
    anne = _clerk_named(records_900, "clerk", "Anne Durand", clock)
    hold = back_entry.hold_of(anne, record)
    holds.settle(anne, hold, _side(hold, "15"), DECIDED)
    other = laptop(tmp_path / "office-901.sqlite", 901)[1]
    _clerk_named(other, "clerk", "Paul Martin", clock)
    for folder in (first, second) if order == "same" else (second, first):
        import_export(other, folder)
    result = import_export(other, export(anne, tmp_path / "settled").folder)
    said = " ".join([*result.holds_text("en"), _item(other, record).to_do_in("en")]) if order == "same" \
        else " ".join(result.holds_text("en"))
    assert "Anne Durand (clerk)" in said and "Paul Martin" not in said


def test_a_settlement_written_before_it_carried_its_settlers_name_is_taken_and_named_by_the_staff_list(
        disagreeing, office, tmp_path, laptop, rewritten):
    from downtime.sync.versions import SETTLEMENTS_FILE

    record, first, second, *_ = disagreeing
    _, clerk = office
    hold = back_entry.hold_of(clerk, record)
    holds.settle(clerk, hold, _side(hold, "15"), DECIDED)
    settled = export(clerk, tmp_path / "settled").folder
    rewritten(settled, 1, lambda row: row.pop("settled_by_name"), name=SETTLEMENTS_FILE)
    other = laptop(tmp_path / "office-901.sqlite", 901)[1]
    for folder in (first, second):
        import_export(other, folder)
    assert import_export(other, settled).added["settlements"] == 1
    assert "hold settled by Records (records)" in _item(other, record).to_do_in("en")


@pytest.mark.parametrize("dropped", [("combined",), ("settled_by_name", "combined")])
def test_a_settlement_written_before_it_carried_the_versions_it_combined_is_taken(
        disagreeing, office, tmp_path, laptop, rewritten, dropped):
    """An office on the app before combinations kept their versions (migration m028) writes its
    settlements without them, one before that without the settler's name either: both taken."""
    from downtime.sync.versions import SETTLEMENTS_FILE

    record, first, second, *_ = disagreeing
    _, clerk = office
    hold = back_entry.hold_of(clerk, record)
    holds.settle(clerk, hold, _side(hold, "15"), DECIDED)
    settled = export(clerk, tmp_path / "settled").folder
    rewritten(settled, 1, lambda row: [row.pop(column) for column in dropped], name=SETTLEMENTS_FILE)
    other = laptop(tmp_path / "office-901.sqlite", 901)[1]
    for folder in (first, second):
        import_export(other, folder)
    assert import_export(other, settled).added["settlements"] == 1
    assert " chosen, version 2 stands" in _item(other, record).to_do_in("en")


@pytest.mark.parametrize("settled_at_901", [False, True])
def test_the_imports_audit_entry_lists_the_settlements_it_did_not_take(disagreeing, office, tmp_path, laptop, clock,
                                                                      settled_at_901):
    """Office 901 took the sticks in the other order (the settlement means otherwise there), or
    settled the hold itself otherwise: the import's audit entry lists the settlement it did not
    take, with who settled, when, their choice and reason, and why (as the report said it); the
    audit is what an auditor reads later, and it listed only what was added."""
    record, first, second, *_ = disagreeing
    _, clerk = office
    other = laptop(tmp_path / "office-901.sqlite", 901)[1]
    for folder in (second, first):
        import_export(other, folder)
    if settled_at_901:
        here = back_entry.hold_of(other, record)
        holds.settle(other, here, _side(here, "14"), "Dr Blanc, by phone")
    hold = back_entry.hold_of(clerk, record)
    holds.settle(clerk, hold, _side(hold, "15"), DECIDED)
    settlement = next(clerk.db.query("SELECT id, settled_at FROM hold_settlements"))
    result = import_export(other, export(clerk, tmp_path / "settled").folder)
    [said] = result.holds_text("en")
    [entry] = other.db.query("SELECT detail FROM audit WHERE action = 'import' ORDER BY seq DESC LIMIT 1")
    assert json.loads(entry["detail"])["settlements_not_taken"] == [
        {"id": settlement["id"], "record_id": record, "settled_by": "records", "settled_by_name": "Records",
         "settled_at": settlement["settled_at"], "chosen_version": 2, "reason": DECIDED, "why": said}]
    assert verify_chain(other.db) is None


@pytest.mark.parametrize("migration, column, written", [
    ("m020_settler_names", "settled_by_name", {}),
    ("m028_combined_settlements_and_ehr_moves", "combined", {"settled_by_name": "Records"})])
def test_a_database_with_settlements_from_before_a_column_was_added_still_verifies_once_upgraded(
        tmp_path, migration, column, written):
    """Adding a column to every settlement row (the settler's name, m020; the versions a
    combination kept together, m028) changed what `verify` read of each old row (a new empty
    column): a records office's database with one settlement, opened by this version, would have
    been called altered, and the app would have offered a backup instead."""
    from datetime import datetime, timezone

    import sqlcipher3
    from sqlite_utils import Database

    from downtime.storage import audit
    from downtime.storage.migrations import MIGRATIONS

    db = Database(sqlcipher3.connect(str(tmp_path / "office.sqlite")))
    MIGRATIONS.apply(db, stop_before=migration)
    with db.conn:
        audit.insert_audited(db, "hold_settlements", {
            "id": "s1", "record_id": "r1", "from_version": 2, "settled": '["a", "b"]', "chosen_id": "v2",
            "chosen_version": 2, "chosen_device_id": "d1", "standing_version": 2, "reason": "ward says given",
            "settled_by": "records", "settled_at": "2026-11-28T10:00+01:00", **written},
            at=datetime(2026, 11, 28, 9, tzinfo=timezone.utc), actor="records", device_id="d0", action="hold.settle")
    assert audit.verify_chain(db) is None
    MIGRATIONS.apply(db)
    assert next(db.query(f"SELECT {column} FROM hold_settlements"))[column] is None
    assert audit.verify_chain(db) is None


@pytest.mark.parametrize("direction", ["900 to 901", "901 to 900"])
def test_two_offices_that_chose_the_same_version_each_with_its_amendment_agree(
        disagreeing, office, tmp_path, laptop, clock, capsys, direction):
    """Offices 900 and 901 took the sticks in the same order (laptop 1's bed 15 standing) and
    both chose laptop 2's bed 14, each writing its own amendment to it, by other clerks for other
    reasons. Importing the other office's export put the record on hold again, its two versions 3
    alike but for who wrote them, to be settled a third time; the clerks agreed. It is settled,
    its version 3 standing, and the import says the other office settled it alike."""
    from downtime.cli import main

    record, first, second, *_ = disagreeing
    _, clerk_900 = office
    clerk_901 = laptop(tmp_path / "office-901.sqlite", 901)[1]
    for folder in (first, second):
        import_export(clerk_901, folder)
    anne = _clerk_named(clerk_900, "clerk", "Anne Durand", clock)
    hold = back_entry.hold_of(anne, record)
    holds.settle(anne, hold, _side(hold, "14"), DECIDED)
    clock.advance(minutes=5)
    hold = back_entry.hold_of(clerk_901, record)
    holds.settle(clerk_901, hold, _side(hold, "14"), "Dr Blanc, ward 3B, by phone")
    there, here = (anne, clerk_901) if direction == "900 to 901" else (clerk_901, anne)
    standing = records.current(here.db, record)
    db = str(here.db.conn.execute("PRAGMA database_list").fetchone()[2])
    assert main(["import", str(export(there, tmp_path / "settled").folder), "--user", "records", "--pin", "4444",
                 "--db", db]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert back_entry.hold_of(here, record) is None
    assert records.current(here.db, record).id == standing.id
    assert (_item(here, record).on_hold, _item(here, record).record.version) == (None, 3)
    assert "ON HOLD" not in out
    assert "Both chose the same version: nothing to put right." in out
    assert verify_chain(here.db) is None


@pytest.mark.parametrize("beds", [("15", "14"), ("14", "15")])
@pytest.mark.parametrize("how", ["merged", "one by one", "the later first"])
def test_a_third_office_given_two_offices_settlements_that_differ_takes_neither(
        disagreeing, office, tmp_path, laptop, clock, capsys, beds, how):
    """Anne Durand at office 900 and Paul Martin at office 901 settled the hold choosing
    different versions (the one standing there, or the other, amended to). Office 902, given
    both offices' exports (merged, or one after the other), took one office's settlement and the
    other's amendment, or both settlements, the record no longer on hold and nothing said. It
    takes neither: the record stays on hold (or goes back on hold, the second office's amendment
    set aside) and the import names both offices' clerks, choices and reasons."""
    from downtime.cli import main

    record, first, second, *_ = disagreeing
    _, records_900 = office
    records_901 = _second_office(laptop, tmp_path, first, second)
    settled = []
    for records_office, name, bed in zip((records_900, records_901), ("Anne Durand", "Paul Martin"), beds):
        clerk = _clerk_named(records_office, "clerk", name, clock)
        hold = back_entry.hold_of(clerk, record)
        holds.settle(clerk, hold, _side(hold, bed), f"Sister Martin said bed {bed}")
        settled.append(export(clerk, tmp_path / f"settled-{name}").folder)
        clock.advance(minutes=5)
    other = laptop(tmp_path / "office-902.sqlite", 902)[1]
    for folder in (first, second):
        import_export(other, folder)
    db = str(other.db.conn.execute("PRAGMA database_list").fetchone()[2])
    given = {"merged": [merge(settled, tmp_path / "merged").folder], "one by one": settled,
             "the later first": settled[::-1]}[how]
    for folder in given:
        assert main(["import", str(folder), "--user", "records", "--pin", "4444", "--db", db]) == 0
    out = " ".join(capsys.readouterr().out.split())
    chosen = {"15": "version 2 on laptop 1 (no. 001)", "14": "version 2 on laptop 2 (no. 002)"}
    said = [f'Anne Durand (clerk) settled it on 28/11/2026 14:15, choosing {chosen[beds[0]]}, "Sister Martin said bed '
            f'{beds[0]}"', f"Paul Martin (clerk) settled it on 28/11/2026 14:20, choosing {chosen[beds[1]]}, "
            f'"Sister Martin said bed {beds[1]}"']
    first, then = said[::-1] if how == "the later first" else said  # the one taken here first
    assert "SETTLED OTHERWISE AT ANOTHER OFFICE, record " in out
    assert f"at one office {first}; at another office {then}." in out, out
    if how == "merged":
        assert other.db.execute("SELECT COUNT(*) FROM hold_settlements").fetchone() == (0,)
        assert out.endswith("Neither is taken here. The record is on hold here: ask the ward which version is "
                            "right, tell both offices, then settle it here.")
    else:
        assert "The first was taken here by an earlier import, the second is not." in out
    if how == "merged" or beds[how != "the later first"] == "14":  # the second office's amendment is set aside
        assert back_entry.hold_of(other, record) is not None
        assert records.current(other.db, record).data["bed"] == "15"
        assert out.endswith("The record is on hold here: ask the ward which version is right, tell both offices, "
                            "then settle it here.")
    else:  # the first office's amendment, taken, stands
        assert out.endswith("Ask the ward which version is right and tell both offices; back-enter the record as the "
                            "ward says, whichever version stands here (if it is in the EHR already, put it right "
                            "there).")
    assert out.count("SETTLED OTHERWISE") == 1
    assert verify_chain(other.db) is None


@pytest.mark.parametrize("beds", [("15", "14"), ("15", "15")])
def test_a_merge_names_two_offices_settlements_of_one_hold_that_differ(disagreeing, office, tmp_path, laptop, clock,
                                                                       capsys, beds):
    """Anne Durand at office 900 and Paul Martin at office 901 settled the hold choosing different
    versions: the merge of their exports took one as settling the record (or named it on hold,
    saying nothing of either), and the clerk learnt of it only on importing. Its report (command
    line) and manifest name both clerks and choices, and the record on hold; two offices that
    chose the same version are not said so."""
    from downtime.cli import main

    record, first, second, *_ = disagreeing
    _, records_900 = office
    records_901 = _second_office(laptop, tmp_path, second, first)  # laptop 2's bed 14 standing at 901
    settled = []
    for records_office, name, bed in zip((records_900, records_901), ("Anne Durand", "Paul Martin"), beds):
        clerk = _clerk_named(records_office, "clerk", name, clock)
        hold = back_entry.hold_of(clerk, record)
        holds.settle(clerk, hold, _side(hold, bed), f"Sister Martin said bed {bed}")
        settled.append(str(export(clerk, tmp_path / f"settled-{name}").folder))
        clock.advance(minutes=5)
    assert main(["merge", *settled, "--out", str(tmp_path / "merged")]) == 0
    out = " ".join(capsys.readouterr().out.split())
    manifest = json.loads((tmp_path / "merged" / "manifest.json").read_text(encoding="utf-8"))
    if beds[0] == beds[1]:
        assert "SETTLED OTHERWISE" not in out and manifest["settled_otherwise"] == []
        return
    # The merge knows the laptops by the offices' exports: laptop 1 by a patient it admitted, laptop 2 by its id.
    said = re.escape(
        f"SETTLED OTHERWISE AT ANOTHER OFFICE, record {record} (Downtime admission record, patient "
        f"{_number(records_900, record)}): at one office Anne Durand (clerk) settled it on 28/11/2026 14:15, "
        'choosing version 2 on laptop 001, "Sister Martin said bed 15"; at another office Paul Martin (clerk) '
        "settled it on 28/11/2026 14:20, choosing version 2 on laptop @, \"Sister Martin said bed 14\". An office "
        "importing this merge takes neither: ask the ward which version is right and tell both offices."
    ).replace("@", "[0-9a-f]{8}")
    assert re.search(said, out), out
    assert [found["record_id"] for found in manifest["on_hold"]] == [record]
    [found] = manifest["settled_otherwise"]
    assert found["record_id"] == record and re.fullmatch(said.replace("Downtime\\ admission\\ record", "admission"),
                                                         found["why"])


def test_a_version_written_on_another_laptop_is_named_by_name_and_laptop(disagreeing, tmp_path, laptop):
    """The office's staff list has a `nurse` of its own: the import's report, the worklist, the
    settle listing and the settlement's reason named laptop 1's and laptop 2's nurses by it,
    "Nurse (nurse)", someone at the office (or nobody, an ID it lacks). Staff IDs are each
    laptop's own: a version another laptop wrote is named by the name that laptop's export's
    staff directory gives, its staff ID and laptop; the office's own version (its clerk's
    amendment) by its staff list."""
    record, first, second, *_ = disagreeing
    clerk = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(clerk, first)
    [said] = import_export(clerk, second).holds_text("en")
    assert "laptop 1 (no. 001): version 2 by Nurse (nurse, laptop 001), 28/11/2026 14:15" in said
    assert "laptop 2 (no. 002): version 2 by Nurse (nurse, laptop 002), 28/11/2026 14:10" in said and "(nurse)" not in said
    hold = back_entry.hold_of(clerk, record)
    assert {version.device_id: hold.version_in(version, "en").split(", 28/11")[0] for version in hold.versions} == {
        version.device_id: f"version 2 by Nurse (nurse, laptop 00{version.data['bed'] == '14' and 2 or 1})"
        for version in hold.versions}
    assert all("(nurse, laptop 00" in choice and "(nurse)" not in choice for choice in holds.choices(clerk, hold))
    kept = holds.settle(clerk, hold, _side(hold, "14"), DECIDED)
    assert kept.reason == ("Settles the hold from version 2: version 2 by Nurse (nurse, laptop 002) on laptop 2 (no. 002) "
                           f"chosen. {DECIDED}")
    other = laptop(tmp_path / "office-901.sqlite", 901)[1]
    for folder in (first, second):
        import_export(other, folder)
    here = back_entry.hold_of(other, record)
    holds.settle(other, here, _side(here, "15"), "Dr Blanc, by phone")
    [said] = import_export(other, export(clerk, tmp_path / "settled").folder).holds_text("en")
    assert said.startswith(f"SETTLED OTHERWISE AT ANOTHER OFFICE, record {record}")
    assert "Standing here: version 3 by Records (records, laptop 900) on laptop 900 (no. 900) at" in said


def test_a_third_office_given_the_merge_of_two_offices_that_chose_the_same_version_takes_both(
        disagreeing, office, tmp_path, laptop, clock):
    """Offices 900 and 901 both chose laptop 2's bed 14, each amending the record to it; office
    902 imports the merge of their exports. Each settlement, read alone, had not seen the other
    office's amendment: neither was taken, and the record was on hold again with two versions 3
    alike. Both are taken, the record settled at bed 14."""
    record, first, second, *_ = disagreeing
    _, records_900 = office
    records_901 = _second_office(laptop, tmp_path, first, second)
    settled = []
    for clerk in (records_900, records_901):
        hold = back_entry.hold_of(clerk, record)
        holds.settle(clerk, hold, _side(hold, "14"), DECIDED)
        settled.append(export(clerk, tmp_path / f"settled-{clerk.device.device_number}").folder)
        clock.advance(minutes=5)
    other = laptop(tmp_path / "office-902.sqlite", 902)[1]
    for folder in (first, second):
        import_export(other, folder)
    result = import_export(other, merge(settled, tmp_path / "merged").folder)
    assert (result.holds_text("en"), result.added["settlements"]) == ([], 2)
    assert back_entry.hold_of(other, record) is None and records.current(other.db, record).data["bed"] == "14"
    assert verify_chain(other.db) is None


@pytest.mark.parametrize("entered_first", [False, True])
def test_a_settlement_of_another_office_that_differs_from_the_one_taken_is_on_the_worklist_line(
        settled_otherwise, clock, capsys, entered_first, left_agrees):
    """Office 902 took Anne Durand's settlement (office 900 chose laptop 2's bed 14, amending the
    record to it), and the record may be in the EHR already; Paul Martin's (office 901 chose
    laptop 1's bed 15, writing nothing new) comes later. The first stays, and the import's report
    says so, but the Back-entry line read "enter" or "entered" as settled by Anne Durand alone:
    the clerk working the list, the report closed, entered bed 14 with nothing to say the wards
    disagree. The line says the other office's settlement, is not done, and is ticked off (again)
    once the clerk has asked the ward."""
    from downtime.cli import main

    record, other, later = settled_otherwise
    assert records.current(other.db, record).data["bed"] == "14"
    if entered_first:
        back_entry.mark_entered(other, record, 3, "ADM-1")
        assert _item(other, record).done
    clock.advance(minutes=5)
    import_export(other, later)
    assert back_entry.hold_of(other, record) is None  # the first settlement stays
    item = _item(other, record)
    said = ('SETTLED OTHERWISE AT ANOTHER OFFICE: Paul Martin (clerk) settled it on 28/11/2026 14:20, choosing '
            'version 2 on laptop 1 (no. 001), "Sister Martin said bed 15"; not taken here, where the hold was settled '
            'otherwise: ask the ward which version is right and back-enter the record as the ward says, then tick it '
            'off')
    assert not item.done
    assert said in item.to_do_in("en")
    assert item.to_do_in("en").startswith("check with the ward (version 3 was entered, EHR reference " if entered_first else "enter")
    assert back_entry.progress_counts(other) == back_entry.progress(back_entry.worklist(other))
    assert left_agrees(other)
    db = str(other.db.conn.execute("PRAGMA database_list").fetchone()[2])
    capsys.readouterr()
    assert main(["worklist", "--user", "records", "--pin", "4444", "--db", db]) == 0
    assert said in " ".join(capsys.readouterr().out.split())
    clock.advance(minutes=5)
    back_entry.mark_entered(other, record, 3, "ADM-2")
    assert _item(other, record).to_do_in("en") == "entered"
    assert back_entry.progress_counts(other) == back_entry.progress(back_entry.worklist(other))
    assert verify_chain(other.db) is None


def test_a_settlement_of_another_office_that_differs_from_the_one_taken_is_asked_about_in_the_export(
        settled_otherwise, clock, tmp_path):
    """Office 902 exported the record as Anne Durand's settlement left it (bed 14), then took
    Paul Martin's settlement otherwise. Its next bundle carried the record as before, with no
    "ASK THE WARD" on its Provenance and nothing in the manifest's ask_the_ward: whoever posted it
    could not know the wards disagree, and its CSVs had no line of the record. It says the
    Back-entry line's words, on the Provenance (an update of the one sent plain) and on the
    record's CSV line, until a clerk ticks the record off; the bundle after carries it plain
    again."""
    record, other, later = settled_otherwise

    def exported(name):
        result = export(other, tmp_path / name, since_last=True)
        manifest = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
        bundle = json.loads((result.folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
        [entry] = [entry for entry in bundle["entry"] if entry["resource"]["resourceType"] == "Provenance"
                   and entry["resource"]["entity"][0]["what"]["identifier"]["value"] == record]
        return result, manifest, entry

    _, manifest, entry = exported("before")
    assert "ASK THE WARD" not in entry["resource"]["activity"]["text"] and manifest["ask_the_ward"] == []
    clock.advance(minutes=5)
    import_export(other, later)
    said = _item(other, record).otherwise[0].text_in("en")
    result, manifest, entry = exported("noted")
    assert entry["resource"]["activity"]["text"].endswith(f" — ASK THE WARD: {said}")
    assert entry["request"]["method"] == "PUT"
    assert manifest["ask_the_ward"] == [{"record_id": record, "form_id": "admission", "version": 3,
                                         "downtime_number": _number(other, record), "why": said,
                                         "in_an_earlier_export": True}]
    heading, line = result.ask_the_ward_in("en", other.forms)
    assert heading.startswith("1 record(s) in the FHIR bundle contradict another laptop's record or another office's "
                              "settlement (the manifest's ask_the_ward)")
    assert line.startswith(f"ASK THE WARD: {_number(other, record)} ") and said in line
    # The clerk typing from the CSVs is told too: no version of the record is new since the last
    # export, which had no line of it to say it on.
    with (result.folder / "csv" / "admission.csv").open(encoding="utf-8-sig", newline="") as handle:
        [row] = [row for row in csv.DictReader(handle) if row["record_id"] == record]
    assert (row["version"], row["bed"], row["ask_the_ward"]) == ("3", "14", f"ASK THE WARD: {said}")
    clock.advance(minutes=5)
    back_entry.mark_entered(other, record, 3, "ADM-1")
    result, manifest, entry = exported("ticked")
    assert "ASK THE WARD" not in entry["resource"]["activity"]["text"] and manifest["ask_the_ward"] == []
    assert entry["request"]["method"] == "PUT" and result.ask_the_ward_in("en", other.forms) == []


def test_a_dose_whose_laptops_differ_only_in_its_reason_is_settled_but_not_to_a_refusal_ahead(
        reasons_on_hold, rewritten):
    """Nil by mouth at 14:00 for the 20:00 dose, amended to held on one laptop and to other on
    the other: the office settles it to either, as any amendment of a reason known ahead. A
    laptop that amended it to "refused" (as the amendment allowed before) sends a refusal at
    14:00 of a dose never offered, which the ward's own amendment is now refused: settling to it
    is refused too, in the ward's words, and the record stays as it stands."""
    from downtime.sync.versions import RECORDS_FILE

    dose, clerk_1, clerk_2, first, second = reasons_on_hold
    import_export(clerk_1, second)
    hold = back_entry.hold_of(clerk_1, dose)
    held = next(version for version in hold.versions if version.data["not_given_reason"] == "held")
    kept = holds.settle(clerk_1, hold, held, DECIDED)
    assert (kept.data["not_given_reason"], kept.data["not_given_detail"]) == ("held", "BP 85/50")
    assert back_entry.hold_of(clerk_1, dose) is None
    lines = (first / RECORDS_FILE).read_text(encoding="utf-8").splitlines()
    line = max((number for number, text in enumerate(lines, 1) if json.loads(text)["record_id"] == dose),
               key=lambda number: json.loads(lines[number - 1])["version"])
    rewritten(first, line, lambda row: row.update(data=json.dumps({
        **{name: value for name, value in json.loads(row["data"]).items() if name != "not_given_detail"},
        "not_given_reason": "refused"})))
    import_export(clerk_2, first)
    hold = back_entry.hold_of(clerk_2, dose)
    refused = next(version for version in hold.versions if version.data["not_given_reason"] == "refused")
    before = _counts(clerk_2.db)
    with pytest.raises(ServiceError, match=re.escape(
            "Not settled: “Reason not given”: “R — Refused” cannot be recorded before the 28/11 20:00 dose falls due "
            "(19:30), and this dose is recorded at 28/11 14:00.")):
        holds.settle(clerk_2, hold, refused, DECIDED)
    assert _counts(clerk_2.db) == before
    assert records.current(clerk_2.db, dose).data["not_given_reason"] == "held"


def test_a_dose_settles_to_a_version_written_without_why_it_was_given_and_the_next_amendment_asks_it(
        why_given_on_hold):
    """The ward chose the version of a laptop whose app did not ask why an as-required dose was
    given yet: the office settles to it as to any version, nobody there can say why. The next
    amendment a nurse types says why, as the dose's recording does."""
    dose, nurse, clerk = why_given_on_hold
    hold = back_entry.hold_of(clerk, dose)
    assert sorted(version.data.get("given_for", "") for version in hold.versions) == ["", "nausea after chemotherapy"]
    older = next(version for version in hold.versions if "given_for" not in version.data)
    kept = holds.settle(clerk, hold, older, DECIDED)
    assert "given_for" not in kept.data and kept.data["site"] == "left arm"
    assert back_entry.hold_of(clerk, dose) is None
    with pytest.raises(ValidationFailed) as caught:
        records.amend(nurse, dose, {**kept.data, "site": "right arm"}, "arm misread")
    assert [(e.path, e.message) for e in caught.value.errors] == [
        ("given_for", "“Reason given (as required)” is required.")]
    assert records.current(nurse.db, dose) == kept
    amended = records.amend(nurse, dose, {**kept.data, "site": "right arm", "given_for": "nausea"}, "arm misread")
    assert (amended.version, amended.data["given_for"]) == (kept.version + 1, "nausea")
