"""Merging one laptop's day-1 and day-7 exports keeps each register line as the newer export
wrote it (its patient's name corrected since, say), whichever folder is given first."""

import csv

import pytest

from downtime.services import cd_register, medication, records
from downtime.storage.records import list_current
from downtime.sync.cd_register_csv import ENCODING, PATH, merge_registers
from downtime.sync.export import export
from tests.test_cd_register_pages import WITNESS, ward  # noqa: F401


def test_the_newest_exports_line_wins_the_merge(ward, session_for, tmp_path, clock, medication_ward):  # noqa: F811
    nurse, found = ward
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=WITNESS)
    medication.record_dose(nurse, found.record_id, {
        "outcome": "given", "given_at": "2026-11-28T10:00+01:00", "dose_given": 5.0, "route": "SC",
        "given_for": "pain 6/10"}, witness=WITNESS)
    day1 = export(session_for("records"), tmp_path / "day1").folder
    (admission,) = list_current(nurse.db, form_id="admission", patient_ids=[medication_ward[0]])
    records.amend(nurse, admission.record_id, {**admission.data, "used_name": "Durand"}, "identified: wrong name")
    clock.now = clock.now.replace(hour=clock.now.hour + 1)
    day2 = export(session_for("records"), tmp_path / "day2").folder
    _the_dose_reads_the_corrected_name_in_either_order(tmp_path, day1, day2)
    assert (day1 / PATH).exists()


@pytest.mark.parametrize("received", [True, False])
def test_an_export_made_on_a_fast_clock_loses_to_the_later_one(ward, session_for, tmp_path, clock,  # noqa: F811
                                                               medication_ward, received):
    """Day 1 exported while the laptop's clock ran a day fast, day 2 once set right: day 2 holds
    more of the laptop's register (a receipt since), or of its records (the name corrected), and
    its line wins whatever its manifest's time says."""
    nurse, found = ward
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=WITNESS)
    medication.record_dose(nurse, found.record_id, {
        "outcome": "given", "given_at": "2026-11-28T10:00+01:00", "dose_given": 5.0, "route": "SC",
        "given_for": "pain 6/10"}, witness=WITNESS)
    right = clock.now
    clock.now = right.replace(day=right.day + 1)
    day1 = export(session_for("records"), tmp_path / "day1").folder
    clock.now = right.replace(hour=right.hour + 1)
    (admission,) = list_current(nurse.db, form_id="admission", patient_ids=[medication_ward[0]])
    records.amend(nurse, admission.record_id, {**admission.data, "used_name": "Durand"}, "identified: wrong name")
    if received:
        cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 10, witness=WITNESS)
    day2 = export(session_for("records"), tmp_path / "day2").folder
    _the_dose_reads_the_corrected_name_in_either_order(tmp_path, day1, day2)


def _the_dose_reads_the_corrected_name_in_either_order(tmp_path, day1, day2) -> None:
    """The two exports merged in both orders: the dose's line names the patient DURAND each time."""
    for order in ([day1, day2], [day2, day1]):
        out = tmp_path / f"{order[0].name}.csv"
        merge_registers(order, out)
        with out.open(encoding=ENCODING, newline="") as handle:
            (dose,) = [row for row in csv.DictReader(handle) if row["kind"] == "administration"]
        assert "DURAND" in dose["patient"], order
