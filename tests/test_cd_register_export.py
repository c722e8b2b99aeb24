"""The controlled-drug register leaves the laptop: every line in each export, as the register's
page reads it, and every laptop's lines once in a merge, for the pharmacy to reconcile the
ward's cupboard after the outage."""

import csv
import json

from downtime.domain.staff import Role
from downtime.services import cd_register, medication, staff
from downtime.services.context import Session
from downtime.sync.cd_register_csv import ENCODING, PATH
from downtime.sync.export import export
from downtime.sync.merge import merge
from tests.test_cd_register_pages import WITNESS, ward  # noqa: F401 (the fixture)


def _lines(folder):
    with (folder / PATH).open(encoding=ENCODING, newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_line_of_the_register_is_in_the_export_with_its_balance(ward, session_for, tmp_path):  # noqa: F811
    nurse, found = ward
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=WITNESS)
    given = medication.record_dose(nurse, found.record_id, {
        "outcome": "given", "given_at": "2026-11-28T10:00+01:00", "dose_given": 5.0, "route": "SC",
        "given_for": "pain 6/10"}, witness=WITNESS)
    folder = export(session_for("records"), tmp_path / "export").folder
    lines = _lines(folder)
    assert [(line["kind"], line["change"], line["balance"], line["ward"], line["drug"], line["unit"])
            for line in lines] == [("receipt", "20", "20", "3B", "Morphine", "mg"),
                                   ("administration", "-5", "15", "3B", "Morphine", "mg")]
    dose = lines[1]
    assert dose["when"] == "28/11/2026 10:00" and dose["dose_record_id"] == given.record_id
    assert dose["patient"].startswith("DT-") and dose["by"] == "Hélène Lefèvre (nurse)"
    assert dose["witness"].endswith("(doctor)") and dose["laptop"] == str(nurse.device.device_number)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["cd_register_lines"] == 2 and PATH in manifest["files"]


def test_a_merge_takes_every_laptops_lines_once(ward, session_for, tmp_path, laptop, clock):  # noqa: F811
    nurse, _ = ward
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=WITNESS)
    ours = export(session_for("records"), tmp_path / "ours").folder
    other_nurse, other_clerk = laptop(tmp_path / "other.sqlite", 7)
    admin = Session(other_nurse.db, other_nurse.device, staff.sign_in(other_nurse.db, "admin", "0000", clock),
                    other_nurse.forms, clock)
    staff.add_staff(admin, "nurse2", "Paul Martin", Role.WARD_NURSE, "2468")
    cd_register.cd_receive(other_nurse, "4A", "Oxycodone", "mg", 10, witness=("nurse2", "2468"))
    theirs = export(other_clerk, tmp_path / "theirs").folder
    merged = merge([ours, theirs], tmp_path / "merged").folder
    lines = _lines(merged)
    assert [(line["laptop"], line["ward"], line["drug"], line["balance"]) for line in lines] == [
        (str(nurse.device.device_number), "3B", "Morphine", "20"), ("7", "4A", "Oxycodone", "10")]
    again = merge([merged, ours], tmp_path / "again").folder  # an export given twice is one source
    assert _lines(again) == lines
    assert json.loads((again / "manifest.json").read_text(encoding="utf-8"))["cd_register_lines"] == 2


def test_the_register_times_carry_their_offset(ward, session_for, tmp_path, clock):  # noqa: F811
    """`when` read "28/11/2026 10:00" (day first, no offset) and `written` "14:00" (no date): every
    other export time is ISO 8601 with its offset, and the hour after 02:00 on the October clock
    change's night is two hours."""
    from datetime import datetime

    nurse, found = ward
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=WITNESS)
    medication.record_dose(nurse, found.record_id, {
        "outcome": "given", "given_at": "2026-11-28T10:00+01:00", "dose_given": 5.0, "route": "SC",
        "given_for": "pain 6/10"}, witness=WITNESS)
    lines = _lines(export(session_for("records"), tmp_path / "export").folder)
    now = clock().isoformat()
    assert [(line["given_at"], line["written_at"]) for line in lines] == [(now, now), ("2026-11-28T10:00:00+01:00", now)]
    assert all(datetime.fromisoformat(line["written_at"]).utcoffset() is not None for line in lines)


def test_an_export_from_before_the_iso_times_merges_with_a_new_one(ward, session_for, tmp_path):  # noqa: F811
    """Each file is read by its own header: the last file's header was written over every file's
    rows, an older export's columns under this version's names."""
    from downtime.sync.cd_register_csv import merge_registers

    nurse, _ = ward
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=WITNESS)
    ours = export(session_for("records"), tmp_path / "ours").folder
    old = tmp_path / "old"
    (old / PATH).parent.mkdir(parents=True)
    with (old / PATH).open("w", encoding=ENCODING, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["line_id", "laptop", "ward", "drug", "unit", "when", "written", "kind", "change", "balance",
                         "patient", "dose_record_id", "by", "witness", "note"])
        writer.writerow(["old-1", "7", "4A", "Oxycodone", "mg", "27/11/2026 09:00", "", "receipt", "10", "10", "", "",
                         "Nurse (nurse)", "Paul Martin (nurse)", ""])
    assert merge_registers([ours, old], tmp_path / "merged.csv") == 2
    with (tmp_path / "merged.csv").open(encoding=ENCODING, newline="") as handle:
        merged = list(csv.DictReader(handle))
    assert [(line["ward"], line["kind"], line["when"], line["note"], bool(line["written_at"])) for line in merged] == [
        ("3B", "receipt", "28/11/2026 14:00", "", True), ("4A", "receipt", "27/11/2026 09:00", "", False)]
