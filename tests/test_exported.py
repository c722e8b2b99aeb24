"""The records this laptop typed after its last export (services.exported): the stick that left
holds none of them, and the records office's check of the sticks cannot know of them."""

from datetime import datetime

import pytest

from downtime.services import cd_register, medication, records
from downtime.services.exported import QUERY, NotExported, since_last_export
from downtime.sync.export import export
from downtime.sync.import_export import import_export


def _paracetamol_at_14(session_for, order_id: str) -> None:
    at = "2026-11-28T14:00+01:00"
    medication.record_dose(session_for("nurse"), order_id, {
        "outcome": "given", "given_at": at, "scheduled_for": at, "dose_given": 1.0, "route": "PO"})


@pytest.fixture
def stick_at_9(session_for, patient, clock, tmp_path) -> str:
    """`patient` with regular paracetamol 1 g PO at 08:00 14:00 20:00, the ward's last stick made
    at 09:00 on 28/11, the clock then at 14:05. Returns the order's id."""
    order_id = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
        "times": "08:00 14:00 20:00", "start_at": "2026-11-28T08:00+01:00", "controlled": False,
        "high_alert": False}, patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    export(session_for("records"), tmp_path / "last-stick")
    clock.now = datetime.fromisoformat("2026-11-28T14:05+01:00")
    return order_id


def test_a_dose_recorded_after_the_last_export_is_counted_with_that_exports_time(session_for, stick_at_9):
    """The ward's last stick left at 09:00; the 14:00 paracetamol was recorded at 14:05."""
    db = session_for("nurse").db
    device_id = session_for("nurse").device.device_id
    assert since_last_export(db, device_id) is None, "nothing typed since the stick"
    _paracetamol_at_14(session_for, stick_at_9)
    assert since_last_export(db, device_id) == NotExported(1, datetime.fromisoformat("2026-11-28T09:00+01:00"))


def test_a_laptop_that_never_exported_owes_everything_it_wrote(session_for, patient):
    """Put away or retired with no export, its records reached nobody: before the first export
    every record it wrote is owed (it said nothing, and a laptop wiped at the outage's end lost
    them all without a word)."""
    session = session_for("nurse")
    held = session.db.execute("SELECT COUNT(*) FROM records").fetchone()[0]
    assert held > 0
    assert since_last_export(session.db, session.device.device_id) == NotExported(held, None)


def test_register_lines_written_after_the_last_export_are_owed(session_for, medication_ward, clock, tmp_path):
    """The evening count after the 09:00 stick finds 2 mg missing, and 10 mg are received: the
    pharmacy reconciles the cupboard from the register the stick carries, which has neither."""
    nurse, witness = session_for("nurse"), ("doctor", "2222")
    clock.now = datetime.fromisoformat("2026-11-28T08:30+01:00")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=witness)
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    export(session_for("records"), tmp_path / "last-stick")
    assert since_last_export(nurse.db, nurse.device.device_id) is None
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    cd_register.cd_count(nurse, "3B", "Morphine", "mg", 18, witness=witness, discrepancy_note="pharmacist told")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 10, witness=witness)
    found = since_last_export(nurse.db, nurse.device.device_id)
    assert found is not None, "the stick the pharmacy reconciles from has neither line"
    assert (found.count, found.register_lines, found.last_export) == (
        0, 2, datetime.fromisoformat("2026-11-28T09:00+01:00"))
    clock.now = datetime.fromisoformat("2026-11-28T15:00+01:00")
    export(session_for("records"), tmp_path / "again", since_last=True)
    assert since_last_export(nurse.db, nurse.device.device_id) is None, "the register is whole on each stick"


def test_an_export_made_again_holds_them(session_for, stick_at_9, clock, tmp_path):
    _paracetamol_at_14(session_for, stick_at_9)
    clock.now = datetime.fromisoformat("2026-11-28T15:00+01:00")
    export(session_for("records"), tmp_path / "again", since_last=True)
    session = session_for("nurse")
    assert since_last_export(session.db, session.device.device_id) is None


def test_records_another_laptop_wrote_brought_here_by_its_stick_are_not_owed(session_for, patient, laptop, clock,
                                                                          tmp_path):
    """A patient's records carried onto this laptop (an import) went to the records office on
    their own laptop's stick: they are not this laptop's to export."""
    nurse_2, clerk_2 = laptop(tmp_path / "laptop2.db", 2)
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    export(clerk_2, tmp_path / "laptop2-stick")
    clock.now = datetime.fromisoformat("2026-11-28T10:00+01:00")
    import_export(clerk_2, export(session_for("records"), tmp_path / "carried").folder)
    assert nurse_2.db.execute("SELECT COUNT(*) FROM records").fetchone()[0] > 0
    assert since_last_export(nurse_2.db, nurse_2.device.device_id) is None


def test_the_count_reads_only_the_records_after_the_export(session_for, stick_at_9):
    """Read by the banner every minute and after every save, on a laptop with weeks of records:
    a range of the records' row numbers, not a scan of them all."""
    session = session_for("nurse")
    plan = " ".join(row[-1] for row in session.db.execute(f"EXPLAIN QUERY PLAN {QUERY}", [session.device.device_id]))
    assert "SEARCH records USING INTEGER PRIMARY KEY (rowid>?)" in plan, plan


def test_a_register_line_written_after_the_clock_was_set_back_is_still_owed(session_for, medication_ward, clock,
                                                                            tmp_path):
    """The stick left at 10:00 by a clock an hour fast; set right, the laptop reads 09:30 when the
    evening's delivery is written: after the export all the same."""
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T10:00+01:00")
    export(session_for("records"), tmp_path / "last-stick")
    clock.now = datetime.fromisoformat("2026-11-28T09:30+01:00")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 10, witness=("doctor", "2222"))
    found = since_last_export(nurse.db, nurse.device.device_id)
    assert found is not None and found.register_lines == 1
