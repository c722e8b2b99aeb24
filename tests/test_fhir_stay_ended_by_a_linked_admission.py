"""One person admitted on two laptops: 3B's at 09:00 (the move to 5A never typed), 5A's at 15:10
when she came with no history; the office links both numbers to one EHR patient. The bundle sent
two Encounters in progress, both with an active place: one person in two beds."""

import json
from datetime import datetime

from downtime.services import back_entry, records
from downtime.sync.export import export
from tests.test_back_entry_bed_held_across_laptops import laptop_with_wards, office_of_both


def test_an_admission_under_a_linked_number_ends_the_open_stays_last_place(tmp_path, laptop, clock,
                                                                           admission_values):
    (one, clerk_1), (two, clerk_2) = [laptop_with_wards(laptop, tmp_path / f"{n}.sqlite", n, clock) for n in (1, 2)]
    values = {**admission_values, "ipp": "900555"}
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    first = records.save_new(one, "admission", {**values, "arrival_at": "2026-11-28T09:00+01:00"}).record_id
    clock.now = datetime.fromisoformat("2026-11-28T15:10+01:00")
    second = records.save_new(two, "admission", {**values, "arrival_at": "2026-11-28T15:10+01:00", "ward": "5A",
                                                 "bed": "5"}).record_id
    clock.now = datetime.fromisoformat("2026-11-28T18:00+01:00")
    office = office_of_both(tmp_path, laptop, (clerk_1, clerk_2))
    for number in ("DT-001-00001-7", "DT-002-00001-6"):
        back_entry.link_patient(office, number, "900555", same_person=True)
    bundle = json.loads((export(office, tmp_path / "out").folder / "fhir" / "bundle.json").read_text())
    encounters = {resource["identifier"][0]["value"]: (resource["status"], [(place["location"]["display"], place["status"],
                                                         place["period"].get("end", "")[11:16])
                                                        for place in resource["location"]])
                  for resource in (entry["resource"] for entry in bundle["entry"]) if resource["resourceType"] == "Encounter"}
    assert encounters == {first: ("in-progress", [("3B", "completed", "15:10"), ("12", "completed", "15:10")]),
                          second: ("in-progress", [("5A", "active", ""), ("5", "active", "")])}
