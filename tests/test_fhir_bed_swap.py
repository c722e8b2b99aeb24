"""A bed swap made as the refusal of a taken bed says (one patient to the ward with no bed, then
each into the other's bed, all at one minute): the EHR was given a step with no bed that lasted
no time, for the clerk to enter."""

import json
from datetime import datetime

from downtime.services import records
from downtime.sync.export import export
from tests.test_back_entry_bed_held_across_laptops import laptop_with_wards


def test_a_bed_swap_gives_the_ehr_no_place_that_lasted_no_time(tmp_path, laptop, clock, admission_values):
    nurse, clerk = laptop_with_wards(laptop, tmp_path / "one.sqlite", 1, clock, codes=("3B",))
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    first = records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-28T09:00+01:00",
                                                  "bed": "1"}).patient_id
    second = records.save_new(nurse, "admission", {
        **admission_values, "nir": "", "identity_status": "provisional", "birth_name": "Autre", "used_name": "",
        "given_names": "Paul", "arrival_at": "2026-11-28T09:00+01:00", "bed": "2"}).patient_id
    clock.now = datetime.fromisoformat("2026-11-28T10:02+01:00")
    for patient_id, bed in ((first, ""), (second, "1"), (first, "2")):
        records.save_new(nurse, "transfer", {"moved_at": "2026-11-28T10:00+01:00", "to_ward": "3B", "to_bed": bed,
                                             "reason": "Swap"}, patient_id=patient_id)
    bundle = json.loads((export(clerk, tmp_path / "stick").folder / "fhir" / "bundle.json").read_text())
    places = {resource["id"]: [(place["location"]["display"], place["period"]["start"][11:16],
                                place["period"].get("end", "")[11:16]) for place in resource["location"]]
              for resource in (entry["resource"] for entry in bundle["entry"]) if resource["resourceType"] == "Encounter"}
    assert sorted(places.values()) == [
        [("3B", "09:00", "10:00"), ("1", "09:00", "10:00"), ("3B", "10:00", ""), ("2", "10:00", "")],
        [("3B", "09:00", "10:00"), ("2", "09:00", "10:00"), ("3B", "10:00", ""), ("1", "10:00", "")]]
