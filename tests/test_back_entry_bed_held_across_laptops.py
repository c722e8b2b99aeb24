"""Two laptops each put a patient in one bed: ward 5A's laptop admitted a man to bed 4 at 14:00,
and 3B's laptop, which knew nothing of him, moved its patient to 5A bed 4 at 15:00. Each laptop
refuses a bed its own patients hold; merged, the office was told to enter both, and nothing said
two patients lay in one bed."""

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from downtime.services import back_entry, records, staff, wards
from downtime.services.context import Session
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from downtime.sync.merge import merge

OTHER_MAN = {"nir": "", "identity_status": "provisional", "birth_name": "Autre", "given_names": "Paul",
             "used_name": "", "birth_date": "1960-01-01", "sex": "male"}


def laptop_with_wards(laptop: Callable[[Path, int], tuple[Session, Session]], path: Path, number: int, clock,
                      codes: Sequence[str] = ("3B", "5A")) -> tuple[Session, Session]:
    """A laptop (its nurse's and clerk's sessions) whose admin set up the wards of 20 beds these
    tests move patients between: a fresh laptop knows no ward, and the forms refuse an unknown one."""
    nurse, clerk = laptop(path, number)
    admin = Session(nurse.db, nurse.device, staff.sign_in(nurse.db, "admin", "0000", clock), nurse.forms, clock)
    for code in codes:
        wards.add_ward(admin, code, code, [str(bed) for bed in range(1, 21)])
    return nurse, clerk


def office_of_both(tmp_path: Path, laptop: Callable[[Path, int], tuple[Session, Session]],
                   clerks: Sequence[Session]) -> Session:
    """The records office's clerk, on laptop 900, once both laptops' sticks were merged and imported."""
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, merge([export(clerk, tmp_path / f"stick-{n}").folder for n, clerk in enumerate(clerks, 1)],
                                tmp_path / "merged").folder)
    return office


def _office(tmp_path, laptop, clock, admission_values, swap: bool = False):
    """The office that imported both laptops' records, and the patient 3B's laptop moved."""
    (one, clerk_1), (two, clerk_2) = [laptop_with_wards(laptop, tmp_path / f"{n}.sqlite", n, clock) for n in (1, 2)]
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    moving = records.save_new(one, "admission", {**admission_values,
                                                 "arrival_at": "2026-11-28T09:00+01:00"}).patient_id
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    other = records.save_new(two, "admission", {**admission_values, **OTHER_MAN, "ward": "5A", "bed": "4",
                                                "arrival_at": "2026-11-28T14:00+01:00"}).patient_id
    clock.now = datetime.fromisoformat("2026-11-28T15:00+01:00")
    if swap:  # 5A's laptop moves him out of bed 4 at 15:00, the minute 3B's patient comes: the bed is free
        records.save_new(two, "transfer", {"moved_at": "2026-11-28T15:00+01:00", "to_ward": "5A", "to_bed": "7",
                                           "reason": "Bed 4 promised to 3B"}, patient_id=other)
    records.save_new(one, "transfer", {"moved_at": "2026-11-28T15:00+01:00", "to_ward": "5A", "to_bed": "4",
                                       "reason": "Step-down"}, patient_id=moving)
    clock.now = datetime.fromisoformat("2026-11-28T18:00+01:00")
    return office_of_both(tmp_path, laptop, (clerk_1, clerk_2)), moving


def _said(work):
    """Worklist lines, by form and time, with what their conflicts say."""
    return {(item.record.form_id, f"{item.record.occurred_at:%H:%M}"): [found.text_in("en") for found in item.conflicts]
            for group in work for item in group.items}


def _lines(tmp_path, laptop, clock, admission_values, swap: bool = False):
    """The office's whole worklist's lines."""
    return _said(back_entry.worklist(_office(tmp_path, laptop, clock, admission_values, swap)[0]))


def test_a_move_into_a_bed_another_laptops_patient_held_asks_the_ward(tmp_path, laptop, clock, admission_values):
    lines = _lines(tmp_path, laptop, clock, admission_values)
    assert lines[("transfer", "15:00")] == [
        "bed 4 of ward 5A was held by another patient (DT-002-00001-6) from 28/11/2026 14:00 (recorded on laptop 2 (no. 002) by "
        "Nurse (nurse, laptop 002), 28/11/2026 14:00) while this record puts this patient in it: ask the ward "
        "which bed each was in before entering it"]
    assert lines[("admission", "14:00")] == [] and lines[("admission", "09:00")] == []


def test_a_bed_left_the_minute_it_is_taken_asks_nothing(tmp_path, laptop, clock, admission_values):
    lines = _lines(tmp_path, laptop, clock, admission_values, swap=True)
    assert all(said == [] for said in lines.values()), lines


def test_the_moved_patient_read_alone_is_told_the_bed_was_held(tmp_path, laptop, clock, admission_values):
    """The screen reads a page of 25 patients by name, and one patient alone again after a tick:
    the other patient of the bed is read from the census, whatever page they are on."""
    office, moving = _office(tmp_path, laptop, clock, admission_values)
    assert [said[:48] for said in _said(back_entry.worklist_of(office, [moving]))[("transfer", "15:00")]] == [
        "bed 4 of ward 5A was held by another patient (DT"]


def test_one_person_admitted_again_into_the_bed_they_were_moved_to_is_no_other_patient(tmp_path, laptop, clock,
                                                                                        admission_values):
    """3B's laptop moved the patient to 5A bed 4; 5A's laptop, without the stick, admitted them
    again into it; the office linked both numbers to one EHR patient: no bed held by another."""
    (one, clerk_1), (two, clerk_2) = [laptop_with_wards(laptop, tmp_path / f"{n}.sqlite", n, clock) for n in (1, 2)]
    values = {**admission_values, "ipp": "900555"}
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    moving = records.save_new(one, "admission", {**values, "arrival_at": "2026-11-28T09:00+01:00"}).patient_id
    clock.now = datetime.fromisoformat("2026-11-28T15:00+01:00")
    records.save_new(one, "transfer", {"moved_at": "2026-11-28T15:00+01:00", "to_ward": "5A", "to_bed": "4",
                                       "reason": "Step-down"}, patient_id=moving)
    clock.now = datetime.fromisoformat("2026-11-28T15:10+01:00")
    records.save_new(two, "admission", {**values, "arrival_at": "2026-11-28T15:10+01:00", "ward": "5A", "bed": "4"})
    clock.now = datetime.fromisoformat("2026-11-28T18:00+01:00")
    office = office_of_both(tmp_path, laptop, (clerk_1, clerk_2))
    assert _said(back_entry.worklist(office))[("admission", "15:10")] == []  # probably one person, not linked yet
    for number in ("DT-001-00001-7", "DT-002-00001-6"):
        back_entry.link_patient(office, number, "900555", same_person=True)
    assert _said(back_entry.worklist(office))[("admission", "15:10")] == []


def test_a_move_amended_keeps_its_place_among_the_minutes_moves(tmp_path, laptop, clock, admission_values):
    """One laptop moved A to bed 2 at 10:00 and, typed next, on to bed 3 the same minute, then
    admitted B to bed 2 at 11:00: its census has A in bed 3. The first move's reason amended at
    12:00 does not put it after the second, as the census orders them by when first typed."""
    one, clerk = laptop_with_wards(laptop, tmp_path / "1.sqlite", 1, clock, codes=("3B",))
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    moving = records.save_new(one, "admission", {**admission_values, "bed": "1",
                                                 "arrival_at": "2026-11-28T09:00+01:00"}).patient_id
    clock.now = datetime.fromisoformat("2026-11-28T10:01+01:00")
    first = records.save_new(one, "transfer", {"moved_at": "2026-11-28T10:00+01:00", "to_ward": "3B", "to_bed": "2",
                                               "reason": "Review"}, patient_id=moving).record_id
    clock.now = datetime.fromisoformat("2026-11-28T10:02+01:00")
    records.save_new(one, "transfer", {"moved_at": "2026-11-28T10:00+01:00", "to_ward": "3B", "to_bed": "3",
                                       "reason": "Bed 2 broken"}, patient_id=moving)
    clock.now = datetime.fromisoformat("2026-11-28T11:00+01:00")
    records.save_new(one, "admission", {**admission_values, **OTHER_MAN, "bed": "2",
                                        "arrival_at": "2026-11-28T11:00+01:00"})
    clock.now = datetime.fromisoformat("2026-11-28T12:00+01:00")
    records.amend(one, first, {"moved_at": "2026-11-28T10:00+01:00", "to_ward": "3B", "to_bed": "2",
                               "reason": "Review by the surgeon"}, "reason completed", based_on=1)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, export(clerk, tmp_path / "stick").folder)
    assert all(said == [] for said in _said(back_entry.worklist(office)).values())
