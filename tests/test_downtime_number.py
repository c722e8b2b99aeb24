from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from downtime.domain.downtime_number import format_downtime_number, parse_downtime_number
from downtime.formspec import FormSpec
from downtime.services import records, setup, staff
from downtime.services.context import Session
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
