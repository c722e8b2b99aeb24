"""A patient's move back to their ward recorded on both laptops, the ward they left and the ward
they came back to, neither with the other's stick: at the records office both went to the EHR,
a move from bed 12 to bed 12, with no word that it is one move recorded twice."""

from datetime import datetime
from pathlib import Path

from tests.conftest import FakeClock
from downtime.services.context import Session
from downtime.services import back_entry, records, staff, wards
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from downtime.sync.merge import merge


def _admin(nurse: Session, clock: FakeClock) -> Session:
    return Session(nurse.db, nurse.device, staff.sign_in(nurse.db, "admin", "0000", clock), nurse.forms, clock)


def _move(nurse: Session, clock: FakeClock, patient: str, at: str, ward: str, bed: str) -> str:
    clock.now = datetime.fromisoformat(at)
    return records.save_new(nurse, "transfer", {"moved_at": at, "to_ward": ward, "to_bed": bed, "reason": "Review"},
                            patient_id=patient).record_id


def _moves_back_at_the_office(tmp_path: Path, laptop, clock: FakeClock, admission_values, back_bed_on_2: str):
    """Laptop 1 (3B) sends the patient to 5A at 15:00, its stick to laptop 2 (5A), which moves
    them back to 3B at 20:00 (to `back_bed_on_2`); laptop 1 records their arrival in bed 12 at
    20:05. Both sticks merged at the records office: the worklist's lines of the two moves back."""
    laptops = [laptop(tmp_path / f"{number}.sqlite", number) for number in (1, 2)]
    for nurse, _ in laptops:
        for code in ("3B", "5A"):
            wards.add_ward(_admin(nurse, clock), code, code, [str(bed) for bed in range(1, 21)])
    (one, clerk_1), (two, clerk_2) = laptops
    patient = records.save_new(one, "admission", {**admission_values, "arrival_at": "2026-11-28T09:00+01:00"}).patient_id
    _move(one, clock, patient, "2026-11-28T15:00+01:00", "5A", "4")
    import_export(clerk_2, export(clerk_1, tmp_path / "to-5A").folder)
    back = {_move(two, clock, patient, "2026-11-28T20:00+01:00", "3B", back_bed_on_2),
            _move(one, clock, patient, "2026-11-28T20:05+01:00", "3B", "12")}
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    sticks = [export(clerk, tmp_path / f"stick-{number}").folder for number, clerk in ((1, clerk_1), (2, clerk_2))]
    import_export(office, merge(sticks, tmp_path / "merged").folder)
    return [item for group in back_entry.worklist(office) for item in group.items if item.record.record_id in back]


def test_the_move_back_recorded_on_both_laptops_asks_the_ward(tmp_path, laptop, clock, admission_values):
    lines = _moves_back_at_the_office(tmp_path, laptop, clock, admission_values, "12")
    assert len(lines) == 2 and all(line.asks_the_ward for line in lines)
    on_2, on_1 = (" ".join(conflict.text_in("en") for conflict in line.conflicts)
                  for line in sorted(lines, key=lambda line: line.record.occurred_at))
    assert on_2.startswith("a move to the same ward and bed at 28/11/2026 20:05 was also recorded on laptop 1")
    assert on_1.startswith("a move to the same ward and bed at 28/11/2026 20:00 was also recorded on laptop 2")
    assert on_1.endswith("ask the ward whether it is one move recorded twice before entering both")


def test_moves_to_another_bed_are_two_moves(tmp_path, laptop, clock, admission_values):
    lines = _moves_back_at_the_office(tmp_path, laptop, clock, admission_values, "14")
    assert len(lines) == 2 and not any(line.conflicts for line in lines)
