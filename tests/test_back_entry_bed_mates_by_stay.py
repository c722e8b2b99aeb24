"""The back-entry list asks the census who else held the beds its page's patients were put in
(`back_entry.bed_mates`): a bed of a month's records office had held 170 patients in turn, and
reading every one of them was half of the first page's time. Only those whose stay in the bed
can overlap one of the page's patients' is read; a stay begun long before still counts."""

from datetime import datetime

from downtime.services import back_entry, census, records
from downtime.storage.records import list_current
from tests.test_back_entry_bed_held_across_laptops import OTHER_MAN, laptop_with_wards, office_of_both

EARLIER_MAN = {**OTHER_MAN, "birth_name": "Avant", "given_names": "Jean", "birth_date": "1950-05-05"}


def _office(tmp_path, laptop, clock, admission_values):
    """5A's laptop put a man in bed 4 from 27 to 31 October, then another from 1 November, still
    there; 3B's laptop, which knew neither, moved its patient into bed 4 on 20 November. The
    office that imported both, and the patients: moved, still in the bed, gone before."""
    (one, clerk_1), (two, clerk_2) = [laptop_with_wards(laptop, tmp_path / f"{n}.sqlite", n, clock) for n in (1, 2)]
    clock.now = datetime.fromisoformat("2026-10-27T10:00+01:00")
    earlier = records.save_new(two, "admission", {**admission_values, **EARLIER_MAN, "ward": "5A", "bed": "4",
                                                  "arrival_at": "2026-10-27T10:00+01:00"}).patient_id
    clock.now = datetime.fromisoformat("2026-10-31T10:00+01:00")
    records.save_new(two, "discharge", {"discharged_at": "2026-10-31T10:00+01:00", "destination": "home",
                                        "letter_given": True, "medicines_given": True}, patient_id=earlier)
    clock.now = datetime.fromisoformat("2026-11-01T10:00+01:00")
    staying = records.save_new(two, "admission", {**admission_values, **OTHER_MAN, "ward": "5A", "bed": "4",
                                                  "arrival_at": "2026-11-01T10:00+01:00"}).patient_id
    clock.now = datetime.fromisoformat("2026-11-20T09:00+01:00")
    moving = records.save_new(one, "admission", {**admission_values,
                                                 "arrival_at": "2026-11-20T09:00+01:00"}).patient_id
    clock.now = datetime.fromisoformat("2026-11-20T15:00+01:00")
    records.save_new(one, "transfer", {"moved_at": "2026-11-20T15:00+01:00", "to_ward": "5A", "to_bed": "4",
                                       "reason": "Step-down"}, patient_id=moving)
    clock.now = datetime.fromisoformat("2026-11-20T18:00+01:00")
    return office_of_both(tmp_path, laptop, (clerk_1, clerk_2)), moving, staying, earlier


def test_a_bed_held_since_the_first_of_the_month_is_found_for_a_patient_moved_in_on_the_twentieth(
        tmp_path, laptop, clock, admission_values):
    office, moving, staying, _ = _office(tmp_path, laptop, clock, admission_values)
    [work] = back_entry.worklist_of(office, [moving])
    said = {item.record.form_id: [(found.said, found.record.patient_id) for found in item.conflicts]
            for item in work.items}
    assert said == {"admission": [], "transfer": [(back_entry.BED_HELD, staying)]}


def test_a_patient_who_left_the_bed_before_the_page_s_patient_came_is_not_read(tmp_path, laptop, clock,
                                                                               admission_values):
    office, moving, staying, earlier = _office(tmp_path, laptop, clock, admission_values)
    mates = back_entry.bed_mates(office.db, office.forms, list_current(office.db, patient_ids=[moving]))
    assert {mate.patient_id for mate in mates} == {staying}, (earlier, mates)


def test_the_beds_other_patients_are_read_from_the_bed_index_alone(ward_db):
    """Each index line of a bed is read for its patient, movement and time: from the table, one
    row each scattered over a month's movements, that was most of the check's time at a records
    office. SQLite plans a query alike on a small database, so the plan is asked here."""
    reached = [("5a", "4", "2026-11-20T14:00:00.000000+00:00", None), ("5a", "5", "2026-11-01T09:00:00.000000+00:00",
                                                                       "2026-11-02T09:00:00.000000+00:00")]
    query = census._PLACED_DURING.format(values=", ".join(["(?, ?, ?, ?)"] * len(reached)))
    plan = [row[3] for row in ward_db.execute(f"EXPLAIN QUERY PLAN {query}",
                                              [*(value for reach in reached for value in reach), *census.MOVED_IN])]
    assert any(step.startswith("SEARCH o USING COVERING INDEX movement_index_place") for step in plan), plan
    assert not any(step.startswith(("SCAN n", "SCAN o")) for step in plan), plan
