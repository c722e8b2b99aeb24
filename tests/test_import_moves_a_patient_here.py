"""An import that changes where one of this laptop's patients is without a new move of theirs:
laptop 1 corrected its move's time after its stick had gone, to after the move ward 5A's laptop
had made since, and the next stick put the patient back in the bed they had left, saying nothing;
5A's laptop then took another patient into their real bed."""

from datetime import datetime

import pytest

from downtime.services import back_entry, census, records, settings, staff, wards
from downtime.services.context import Session
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from downtime.sync.merge import merge


def _move(nurse, clock, patient_id: str, at: str, ward: str, bed: str) -> str:
    clock.now = datetime.fromisoformat(at)
    return records.save_new(nurse, "transfer", {"moved_at": at, "to_ward": ward, "to_bed": bed, "reason": "Review"},
                            patient_id=patient_id).record_id


def _belongs_to(nurse: Session, clock, ward: str) -> None:
    """Sets the nurse's laptop's ward (the Administration tab's "This laptop's ward")."""
    settings.set_laptop_ward(Session(nurse.db, nurse.device, staff.sign_in(nurse.db, "admin", "0000", clock),
                                     nurse.forms, clock), ward)


@pytest.fixture
def sent(tmp_path, laptop, clock, admission_values):
    """Laptop 1 (3B) moves the patient to 5A bed 4 at 15:00 with a stick to laptop 2 (5A), which
    moves them to bed 6 at 15:30."""
    one, two = laptop(tmp_path / "one.sqlite", 1), laptop(tmp_path / "two.sqlite", 2)
    for nurse, _ in (one, two):
        admin = Session(nurse.db, nurse.device, staff.sign_in(nurse.db, "admin", "0000", clock), nurse.forms, clock)
        for code in ("3B", "5A"):
            wards.add_ward(admin, code, code, [str(bed) for bed in range(1, 21)])
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    patient_id = records.save_new(one[0], "admission", {**admission_values,
                                                       "arrival_at": "2026-11-28T09:00+01:00"}).patient_id
    move = _move(one[0], clock, patient_id, "2026-11-28T15:00+01:00", "5A", "4")
    import_export(two[1], export(one[1], tmp_path / "to-5A").folder)
    _move(two[0], clock, patient_id, "2026-11-28T15:30+01:00", "5A", "6")
    return dict(one=one, two=two, patient=patient_id, move=move)


@pytest.mark.parametrize("ward", ["", "5A"])
def test_a_move_amended_after_its_stick_that_moves_the_patient_here_is_told(sent, tmp_path, clock, ward):
    """Told to 5A's laptop, or to one set to no ward."""
    (nurse_1, clerk_1), (nurse_2, clerk_2) = sent["one"], sent["two"]
    _belongs_to(nurse_2, clock, ward)
    clock.now = datetime.fromisoformat("2026-11-28T17:00+01:00")
    records.amend(nurse_1, sent["move"], {"moved_at": "2026-11-28T15:45+01:00", "to_ward": "5A", "to_bed": "4",
                                          "reason": "Review"}, "left the ward at 15:45", based_on=1)
    result = import_export(clerk_2, export(clerk_1, tmp_path / "again").folder)
    assert census.locations(nurse_2.db, patient_ids=[sent["patient"]])[sent["patient"]].bed == "4"
    assert [found.text("en") for found in result.to_check] == [
        "DT-001-00001-7 MARTIN Hélène Marie (née LEFÈVRE): the import moves them from ward 5A, bed 6 to ward 5A, bed 4 "
        "with no new move: a move already here was changed or withdrawn (their place now comes from the move at "
        "28/11/2026 15:45, written on laptop 1 (no. 001)). Check where the patient is, and record a move if they are "
        "not in ward 5A, bed 4."]
    assert [found.text("fr") for found in result.to_check] == [
        "DT-001-00001-7 MARTIN Hélène Marie (née LEFÈVRE) : l’import le déplace sans nouveau mouvement : il était au "
        "service 5A, lit 6, il est maintenant au service 5A, lit 4 ; un mouvement déjà ici a été modifié ou retiré (sa "
        "place vient maintenant du mouvement du 28/11/2026 15:45, saisi sur laptop 1 (n° 001)). Vérifiez où est le "
        "patient, et enregistrez une mutation s’il n’est pas au service 5A, lit 4."]


def test_a_new_move_brought_by_the_import_is_no_change_to_tell(sent, tmp_path, clock):
    """The patient moved back to 3B by 3B's laptop at 20:00: a move of its own, not a silent change."""
    (nurse_1, clerk_1), (nurse_2, clerk_2) = sent["one"], sent["two"]
    import_export(clerk_1, export(clerk_2, tmp_path / "to-3B").folder)
    _move(nurse_1, clock, sent["patient"], "2026-11-28T20:00+01:00", "3B", "12")
    result = import_export(clerk_2, export(clerk_1, tmp_path / "back").folder)
    assert census.locations(nurse_2.db, patient_ids=[sent["patient"]])[sent["patient"]].ward == "3B"
    assert result.to_check == ()


def test_the_office_asks_the_ward_of_a_move_amended_to_after_another_laptops(sent, tmp_path, clock, laptop):
    """Merged, the worklist told the clerk to enter 5A bed 6 at 15:30, then bed 4 at 15:45."""
    (nurse_1, clerk_1), (_, clerk_2) = sent["one"], sent["two"]
    clock.now = datetime.fromisoformat("2026-11-28T17:00+01:00")
    records.amend(nurse_1, sent["move"], {"moved_at": "2026-11-28T15:45+01:00", "to_ward": "5A", "to_bed": "4",
                                          "reason": "Review"}, "left the ward at 15:45", based_on=1)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, merge([export(clerk, tmp_path / f"stick-{n}").folder for n, clerk in ((1, clerk_1), (2, clerk_2))],
                                tmp_path / "merged").folder)
    lines = {f"{item.record.occurred_at:%H:%M}": [found.text_in("en") for found in item.conflicts]
             for group in back_entry.worklist(office) for item in group.items if item.record.form_id == "transfer"}
    assert lines == {"15:30": [], "15:45": [
        "this move's time was changed to after the patient's move to bed 6 of ward 5A at 28/11/2026 15:30, recorded "
        "on laptop 2 (no. 002) by Nurse (nurse, laptop 002), 28/11/2026 15:30, after this move was first written: "
        "replayed, it puts the patient back where they had left; ask the ward where they were before entering it"]}


def test_a_move_to_the_bed_another_laptop_moved_the_patient_to_is_not_said_to_put_them_back(sent, tmp_path, clock,
                                                                                          laptop):
    """Both laptops recorded the move back to 3B bed 12 (19:50 and 20:00); 3B's laptop then
    corrected its time to 20:10. SAME_MOVE asks whether it is one move; replayed in either order
    the patient ends in bed 12, so nothing is put back where they had left."""
    (nurse_1, clerk_1), (nurse_2, clerk_2) = sent["one"], sent["two"]
    back = _move(nurse_1, clock, sent["patient"], "2026-11-28T19:50+01:00", "3B", "12")
    _move(nurse_2, clock, sent["patient"], "2026-11-28T20:00+01:00", "3B", "12")
    clock.now = datetime.fromisoformat("2026-11-28T21:00+01:00")
    records.amend(nurse_1, back, {"moved_at": "2026-11-28T20:10+01:00", "to_ward": "3B", "to_bed": "12",
                                  "reason": "Review"}, "reached the ward at 20:10", based_on=1)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, merge([export(clerk, tmp_path / f"stick-{n}").folder for n, clerk in ((1, clerk_1), (2, clerk_2))],
                                tmp_path / "merged").folder)
    said = [found.said for group in back_entry.worklist(office) for item in group.items
            if item.record.record_id == back for found in item.conflicts]
    assert said == [back_entry.SAME_MOVE]


def test_a_ward_correcting_its_own_move_is_not_told_to_the_ward_the_patient_left(sent, tmp_path, clock):
    """5A typed bed 6 for bed 7 and corrected its own move; 3B's laptop, which admitted the patient
    in the morning, was told to check where they were and record a move if not in 5A bed 7: a
    patient on another ward, whose move from 3B was written on this laptop."""
    (nurse_1, clerk_1), (nurse_2, clerk_2) = sent["one"], sent["two"]
    _belongs_to(nurse_1, clock, "3B")
    import_export(clerk_1, export(clerk_2, tmp_path / "to-3B").folder)
    clock.now = datetime.fromisoformat("2026-11-28T16:00+01:00")
    corrected = census.movement_events(nurse_2.db, [sent["patient"]])[sent["patient"]][-1].record_id
    records.amend(nurse_2, corrected, {"moved_at": "2026-11-28T15:30+01:00", "to_ward": "5A", "to_bed": "7",
                                       "reason": "Review"}, "bed typed wrong", based_on=1)
    result = import_export(clerk_1, export(clerk_2, tmp_path / "again").folder)
    assert census.locations(nurse_1.db, patient_ids=[sent["patient"]])[sent["patient"]].bed == "7"
    assert result.to_check == ()
