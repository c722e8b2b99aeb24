import json
import re
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from downtime.domain.downtime_number import (format_downtime_number, luhn_digit, misread_numbers,
                                             parse_downtime_number)
from downtime.formspec import FormSpec
from downtime.services import records, setup, staff
from downtime.cli import main
from downtime.services.context import Session, load_device
from downtime.services.errors import PermissionDenied, SetupError
from downtime.storage import audit
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from downtime.sync.merge import merge
from downtime.storage import open_database


def test_format_and_parse_round_trip():
    number = format_downtime_number(42, 17)
    assert number.startswith("DT-042-00017-")
    assert parse_downtime_number(number) == (42, 17)


@given(st.integers(1, 999), st.integers(1, 99_999), st.integers(4, 12), st.integers(1, 9))
def test_a_misread_digit_is_caught(device, sequence, position, delta):
    number = format_downtime_number(device, sequence)
    if not number[position].isdigit():
        return
    wrong = number[:position] + str((int(number[position]) + delta) % 10) + number[position + 1:]
    assert parse_downtime_number(wrong) is None


@given(st.integers(1, 999), st.integers(1, 99_999), st.integers(4, 13), st.integers(1, 9), st.booleans())
def test_a_misread_number_names_the_number_it_was_read_from(device, sequence, position, delta, swap):
    """A digit read wrong or two neighbouring digits swapped: the number read from is among those
    it may be, each of which holds its check digit."""
    number = format_downtime_number(device, sequence)
    if not number[position].isdigit() or (swap and not number[position + 1:position + 2].isdigit()):
        return
    if swap:
        wrong = number[:position] + number[position + 1] + number[position] + number[position + 2:]
    else:
        wrong = number[:position] + str((int(number[position]) + delta) % 10) + number[position + 1:]
    if parse_downtime_number(wrong) is not None:  # a swap of two equal digits, or 0 and 9, goes unseen
        return
    near = misread_numbers(wrong)
    assert number in near
    assert all(parse_downtime_number(one) is not None for one in near)
    assert misread_numbers(number) is None and misread_numbers("DT-42-1-8") is None


def test_a_number_no_laptop_issues_is_read_as_none_and_never_offered():
    """Device 000 or sequence 00000, each with its check digit right, was read, and offered as what
    "DT-011-00001-7" may have been misread from."""
    assert parse_downtime_number(f"DT-000-00001-{luhn_digit('00000001')}") is None
    assert parse_downtime_number(f"DT-011-00000-{luhn_digit('01100000')}") is None
    assert "DT-011-00000-7" not in (misread_numbers("DT-011-00001-7") or [])


@pytest.mark.parametrize("device, sequence", [(0, 1), (1000, 1), (1, 0), (1, 100_000)])
def test_out_of_range_parts_are_refused(device, sequence):
    with pytest.raises(ValueError):
        format_downtime_number(device, sequence)


def _laptop(path: Path, device_number: int, forms: dict[str, FormSpec], clock) -> Session:
    db = open_database(path)
    device = setup.initialise(db, device_number=device_number, device_name=f"laptop {device_number}",
                              admin_id="admin", admin_name="Admin", admin_pin="0000", clock=clock)
    admin = Session(db, device, staff.sign_in(db, "admin", "0000", clock), forms, clock)
    staff.add_staff(admin, "nurse", "Nurse", staff.Role.WARD_NURSE, "1111")
    return Session(db, device, staff.sign_in(db, "nurse", "1111", clock), forms, clock)


def test_two_laptops_never_allocate_the_same_number(tmp_path, forms, clock, admission_values):
    numbers: list[str] = []
    for device_number in (7, 8):
        nurse = _laptop(tmp_path / f"{device_number}.sqlite", device_number, forms, clock)
        for bed in range(30):
            records.save_new(nurse, "admission", {**admission_values, "bed": str(bed)})
        numbers += [row["downtime_number"] for row in nurse.db.query("SELECT downtime_number FROM patients")]
    assert len(numbers) == 60 == len(set(numbers))
    assert {n[:6] for n in numbers} == {"DT-007", "DT-008"}
    assert all(parse_downtime_number(n) for n in numbers)


def test_numbers_are_sequential_per_laptop(session_for, admission_values):
    nurse = session_for("nurse")
    for bed in range(3):
        records.save_new(nurse, "admission", {**admission_values, "bed": str(bed)})
    rows = list(nurse.db.query("SELECT downtime_number FROM patients ORDER BY sequence"))
    assert [parse_downtime_number(r["downtime_number"]) for r in rows] == [(42, 1), (42, 2), (42, 3)]


def test_a_corrected_device_number_numbers_the_patients_registered_from_then_on(session_for, admission_values):
    """Two laptops found labelled 042: IT gives this one 43; the patient already numbered keeps
    the number on their wristband, and a window signed in before the change numbers with the new."""
    nurse = session_for("nurse")
    records.save_new(nurse, "admission", {**admission_values, "bed": "1"})
    admin = session_for("admin")
    assert setup.change_device(admin, number=43) == 1
    records.save_new(nurse, "admission", {**admission_values, "bed": "2"})
    numbers = [row["downtime_number"] for row in nurse.db.query("SELECT downtime_number FROM patients ORDER BY rowid")]
    assert [parse_downtime_number(n) for n in numbers] == [(42, 1), (43, 1)]
    assert (admin.device.device_number, load_device(nurse.db).device_number) == (43, 43)
    assert audit.verify_chain(nurse.db) is None
    changes = [(row["action"], row["actor"]) for row in nurse.db.query(
        "SELECT action, actor FROM audit WHERE action LIKE 'setup.device%'")]
    assert changes == [("setup.device_number", "admin")]


def test_the_device_name_is_corrected_and_the_export_names_the_laptop_as_it_is_now(session_for, tmp_path):
    nurse = session_for("nurse")
    setup.change_device(session_for("admin"), name="  Ward 3B laptop 2 ")
    export(nurse, tmp_path / "usb")
    manifest = json.loads((tmp_path / "usb" / "manifest.json").read_text())
    assert (manifest["device_number"], manifest["device_name"]) == (42, "Ward 3B laptop 2")


@pytest.mark.parametrize("change, says", [
    ({"number": 0}, "Device number: 1 to 999"), ({"number": 1000}, "Device number: 1 to 999"),
    ({"name": " "}, "Device name: required"), ({"number": 42}, "already device 42 (Ward 3B laptop): nothing to change")])
def test_a_device_correction_typed_wrong_is_refused_and_nothing_changes(session_for, change, says):
    admin = session_for("admin")
    with pytest.raises(SetupError, match=re.escape(says)):
        setup.change_device(admin, **change)
    assert (load_device(admin.db).device_number, load_device(admin.db).name) == (42, "Ward 3B laptop")


def test_only_an_administrator_corrects_the_device(session_for):
    with pytest.raises(PermissionDenied):
        setup.change_device(session_for("nurse"), number=43)
    assert load_device(session_for("nurse").db).device_number == 42


def test_set_device_number_on_the_command_line_says_who_keeps_which_numbers(cli_demo, capsys):
    db = str(cli_demo())
    assert main(["set", "device-number", "7", "--db", db, "--user", "admin", "--pin", "0000"]) == 0
    said = capsys.readouterr().out
    assert "This laptop is now device 7: patients registered from now on are numbered DT-007-…" in said
    assert "keep theirs (DT-900-…)" in said
    assert main(["set", "device-number", "seven", "--db", db, "--user", "admin", "--pin", "0000"]) == 1
    assert "device-number takes one number" in capsys.readouterr().err
    assert main(["set", "device-name", "Ward", "3B", "laptop", "2", "--db", db, "--user", "admin", "--pin", "0000"]) == 0
    assert "now named Ward 3B laptop 2 (device 7)" in capsys.readouterr().out


def test_a_laptop_renumbered_before_its_first_patient_is_told_nothing_of_numbers_kept(tmp_path, capsys):
    db = str(tmp_path / "new.sqlite")
    main(["setup", "--db", db, "--device-number", "3", "--device-name", "Ward 3B", "--admin-id", "it", "--admin-name",
          "IT", "--admin-pin", "2468", "--unencrypted"])
    capsys.readouterr()
    assert main(["set", "device-number", "5", "--db", db, "--user", "it", "--pin", "2468"]) == 0
    said = capsys.readouterr().out
    assert "This laptop is now device 5: its patients are numbered DT-005-…." in said and "the 0" not in said


def test_a_laptop_renumbered_during_the_outage_merges_and_is_brought_in_whole(tmp_path, laptop, admission_values):
    """Laptop 7 found to be laptop 8's twin is renumbered 9 after its first patient: its export
    holds DT-007 and DT-009 patients of one laptop, and merges and imports beside laptop 8's."""
    folders = []
    for number in (7, 8):
        nurse, clerk = laptop(tmp_path / f"{number}.sqlite", number)
        records.save_new(nurse, "admission", {**admission_values, "bed": "1", "nir": ""})
        if number == 7:
            admin = Session(nurse.db, nurse.device, staff.sign_in(nurse.db, "admin", "0000", nurse.clock), nurse.forms,
                            nurse.clock)
            setup.change_device(admin, number=9)
            records.save_new(nurse, "admission", {**admission_values, "bed": "2", "birth_name": "Roux", "nir": ""})
        folders.append(export(clerk, tmp_path / f"export-{number}").folder)
    merged = merge(folders, tmp_path / "merged")
    assert merged.versions["admission"] == 3
    _, office = laptop(tmp_path / "office.sqlite", 500)
    for folder in folders:
        import_export(office, folder)
    numbers = sorted(row["downtime_number"][:6] for row in office.db.query("SELECT downtime_number FROM patients"))
    assert numbers == ["DT-007", "DT-008", "DT-009"]
    manifest = json.loads((folders[0] / "manifest.json").read_text())
    assert manifest["device_number"] == 9


@given(st.integers(1, 999), st.integers(1, 99_999), st.uuids(), st.sampled_from([str.upper, str.lower, str.title]),
       st.sampled_from(["", " ", "  "]))
def test_a_number_shown_with_its_laptop_is_read_back_however_it_is_typed(device, sequence, device_id, case, spaces):
    """Typed off the worklist as "dt-007-00001-1 (LAPTOP 6E8F94ED)", or with a space more, it was
    taken for a number of no laptop, which `worklist link` then refused."""
    from downtime.domain.downtime_number import taken_apart, told_apart

    number = format_downtime_number(device, sequence)
    shown = told_apart(number, str(device_id)).replace(" (", f"{spaces} (").replace("(laptop ", f"(laptop {spaces}")
    assert taken_apart(case(shown)) == (number, str(device_id)[:8])


def _first_patient_sent(path: Path, stick: Path, laptop, admission_values, name: str) -> dict:
    """An outage on `path`: device 12 set up, one patient admitted, the stick made; the bundle's
    Patient entry of that patient."""
    nurse, clerk = laptop(path, 12)
    records.save_new(nurse, "admission", {**admission_values, "birth_name": name, "nir": ""})
    bundle = json.loads((export(clerk, stick).folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    return next(entry for entry in bundle["entry"] if entry["resource"]["resourceType"] == "Patient")


def test_a_laptop_set_up_again_for_a_later_outage_never_names_an_earlier_patient_to_the_ehr(tmp_path, laptop,
                                                                                         admission_values):
    """Device 12's first patient of March wears the number its first patient of November wore,
    whom the EHR holds since back-entry with it: the March bundle's conditional create found
    her, and Nguyen's care went into Lefèvre's file. The identifier is the database's own."""
    earlier = _first_patient_sent(tmp_path / "november" / "ward.sqlite", tmp_path / "stick-1", laptop,
                                  admission_values, "Lefèvre")
    later = _first_patient_sent(tmp_path / "march" / "ward.sqlite", tmp_path / "stick-2", laptop,
                                admission_values, "Nguyen")
    assert earlier["resource"]["identifier"][0]["value"] == later["resource"]["identifier"][0]["value"]
    assert earlier["request"]["ifNoneExist"] != later["request"]["ifNoneExist"]
    assert earlier["resource"]["identifier"][0]["system"] != later["resource"]["identifier"][0]["system"]


def test_a_patient_an_earlier_release_sent_keeps_the_identifier_the_ehr_holds(tmp_path, laptop, admission_values):
    """Exported before the app was updated, mid-outage: sent again under another identifier, the
    EHR would be given the patient twice."""
    from array import array

    from downtime.services.patients import downtime_numbers
    from downtime.storage.fhir_sent import identifier_condition, identity, record_sent
    from downtime.sync.fhir_patients import DOWNTIME_SYSTEM

    nurse, clerk = laptop(tmp_path / "ward.sqlite", 12)
    saved = records.save_new(nurse, "admission", {**admission_values, "nir": ""})
    number = downtime_numbers(nurse.db)[saved.patient_id]
    with nurse.db.atomic():
        record_sent(nurse.db, array("q", [identity("Patient", identifier_condition(DOWNTIME_SYSTEM, number))]),
                    array("q", [0]))
    bundle = json.loads((export(clerk, tmp_path / "stick").folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    (patient,) = [entry for entry in bundle["entry"] if entry["resource"]["resourceType"] == "Patient"]
    assert patient["resource"]["identifier"][0] == {"use": "temp", "system": DOWNTIME_SYSTEM, "value": number}


def test_a_laptop_set_up_with_a_first_number_gives_none_before_it(tmp_path, forms, clock, admission_values, capsys):
    """Set up again for the next outage, device 12 starts after the 42 numbers it gave in
    November: no wristband of March repeats one of November's, which the clerk types into the
    EHR's search."""
    from downtime.domain.staff import Role
    from downtime.services import paper_numbers, wards

    path = tmp_path / "ward.sqlite"
    assert main(["setup", "--db", str(path), "--device-number", "12", "--device-name", "Ward 3B laptop",
                 "--admin-id", "admin", "--admin-name", "Admin", "--admin-pin", "0000", "--first-number", "43",
                 "--unencrypted"]) == 0
    capsys.readouterr()
    db = open_database(path, create=False)
    admin = Session(db, load_device(db), staff.sign_in(db, "admin", "0000", clock), forms, clock)
    staff.add_staff(admin, "nurse", "Nurse", Role.WARD_NURSE, "1111")
    wards.add_ward(admin, "3B", "Medicine", ["12"])
    nurse = Session(db, load_device(db), staff.sign_in(db, "nurse", "1111", clock), forms, clock)
    saved = records.save_new(nurse, "admission", {**admission_values, "nir": ""})
    assert db.execute("SELECT downtime_number FROM patients WHERE patient_id = ?",
                      [saved.patient_id]).fetchone()[0] == format_downtime_number(12, 43)
    assert paper_numbers.reserve(nurse, 1) == [format_downtime_number(12, 44)]
    assert main(["setup", "--db", str(tmp_path / "other.sqlite"), "--device-number", "12", "--device-name", "Ward 3B",
                 "--admin-id", "admin", "--admin-name", "Admin", "--admin-pin", "0000", "--first-number", "0",
                 "--unencrypted"]) == 1
    assert "First number: 1 to 99999" in capsys.readouterr().err
