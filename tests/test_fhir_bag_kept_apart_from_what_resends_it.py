"""A bag given with a rate is sent again when what may end it arrives (its stop, the order's next
bag, the order's stop, the leaving), but it is made of its dose and of what ended it only (review
s65 S5 S1, S4): with every later dose of its order counted as its own, one later dose on hold or
that the ward said is not to be entered left the earlier bags out of the records office's bundle,
the dose the ward said to enter too, with nothing naming them; and every bag carried from a laptop
went from the office as an update, which replaces whatever the EHR's staff charted since."""

import json

from downtime.services import (
    back_entry,
    cd_register,
    infusion_rates,
    medication,
    records,
)
from downtime.sync.export import ExportResult, export
from downtime.sync.fhir_codes import check_codes
from downtime.sync.import_export import import_export
from tests.conftest import doctor_on
from tests.test_fhir_syringe_driver_period import DRIVER, WITNESS, _at

VANCOMYCIN = {"drug": "Vancomycin", "dose": 1.0, "dose_unit": "g", "route": "IV", "form": "infusion",
              "rate_ml_h": 250.0, "frequency": "scheduled", "times": "06:00 18:00",
              "start_at": "2026-11-28T05:00+01:00", "review_at": "2026-11-30T10:00+01:00", "controlled": False,
              "high_alert": False}


def _given(nurse, order: str, due: str, at: str):
    return medication.record_dose(nurse, order, {"outcome": "given", "given_at": f"2026-11-28T{at}+01:00",
                                                 "scheduled_for": f"2026-11-28T{due}+01:00", "dose_given": 1.0,
                                                 "route": "IV"})


def _entries(result: ExportResult) -> dict[str, dict]:
    """The bundle's MedicationAdministration entries, by record id, its codes checked."""
    bundle = json.loads((result.folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    check_codes(bundle)
    return {entry["resource"]["identifier"][0]["value"]: entry for entry in bundle["entry"]
            if entry["resource"]["resourceType"] == "MedicationAdministration"}


def _vancomycin_on_two_laptops(tmp_path, laptop, clock, admission_values):
    """Laptop 1 admits a patient, writes vancomycin at 06:00 and 18:00, gives the 06:00 bag and
    slows it at 06:30. Returns both laptops' nurses and clerks, the order, the bag and its change."""
    nurse_1, clerk_1 = laptop(tmp_path / "1.sqlite", 1)
    nurse_2, clerk_2 = laptop(tmp_path / "2.sqlite", 2)
    clock.now = _at("2026-11-28T05:00+01:00")
    patient = records.save_new(nurse_1, "admission", {**admission_values, "allergy_status": "nka", "allergies": [],
                                                      "arrival_at": "2026-11-28T04:30+01:00"}).patient_id
    order = records.save_new(doctor_on(nurse_1, clock), "medication_order", VANCOMYCIN, patient_id=patient).record_id
    clock.now = _at("2026-11-28T06:10+01:00")
    morning = _given(nurse_1, order, "06:00", "06:00")
    clock.now = _at("2026-11-28T06:40+01:00")
    slowed = infusion_rates.change_rate(nurse_1, order, {"changed_at": "2026-11-28T06:30+01:00", "change": "rate",
                                                         "rate_ml_h": 125.0, "reason": "red man: slowed"})
    return (nurse_1, clerk_1), (nurse_2, clerk_2), order, morning.record_id, slowed.record_id


def _office(tmp_path, laptop, clock, *clerks) -> tuple:
    """A records office that imported each laptop's whole export at 21:00: its nurse and clerk."""
    office = laptop(tmp_path / "office.sqlite", 900)
    clock.now = _at("2026-11-28T21:00+01:00")
    for number, clerk in enumerate(clerks):
        import_export(office[1], export(clerk, tmp_path / f"stick{number}").folder)
    return office


def test_a_dose_not_to_be_entered_leaves_the_earlier_bag_and_its_twin_in_the_bundle(
        tmp_path, laptop, clock, admission_values):
    """The 18:00 dose recorded on both laptops, the ward said laptop 2's is not to be entered: the
    06:00 bag, its 06:30 rate and laptop 1's 18:00 dose go, laptop 2's does not."""
    (nurse_1, clerk_1), (nurse_2, clerk_2), order, morning, slowed = _vancomycin_on_two_laptops(
        tmp_path, laptop, clock, admission_values)
    clock.now = _at("2026-11-28T12:00+01:00")
    import_export(clerk_2, export(clerk_1, tmp_path / "moved").folder)
    clock.now = _at("2026-11-28T18:10+01:00")
    evening_1 = _given(nurse_1, order, "18:00", "18:00").record_id
    evening_2 = _given(nurse_2, order, "18:00", "18:05").record_id
    _, office = _office(tmp_path, laptop, clock, clerk_1, clerk_2)
    back_entry.mark_not_entered(office, evening_2, 1, "Sr Dubois, 3B, by phone", "one dose recorded twice")
    sent = _entries(export(office, tmp_path / "office"))
    assert {morning, slowed, evening_1} <= sent.keys() and evening_2 not in sent
    assert sent[morning]["resource"]["status"] == "completed"


def test_a_later_dose_on_hold_leaves_the_earlier_bag_in_the_bundle(tmp_path, laptop, clock, admission_values):
    """The 18:00 dose amended differently on both laptops is on hold, and left out; the 06:00 bag
    and its 06:30 rate are not."""
    (nurse_1, clerk_1), (nurse_2, clerk_2), order, morning, slowed = _vancomycin_on_two_laptops(
        tmp_path, laptop, clock, admission_values)
    clock.now = _at("2026-11-28T18:10+01:00")
    evening = _given(nurse_1, order, "18:00", "18:00").record_id
    clock.now = _at("2026-11-28T18:30+01:00")
    import_export(clerk_2, export(clerk_1, tmp_path / "moved").folder)
    clock.now = _at("2026-11-28T19:00+01:00")
    for nurse, rate in ((nurse_1, 200.0), (nurse_2, 125.0)):
        records.amend(nurse, evening, {**records.current(nurse.db, evening).data, "rate_ml_h": rate}, "rate corrected")
    _, office = _office(tmp_path, laptop, clock, clerk_1, clerk_2)
    sent = _entries(export(office, tmp_path / "office"))
    assert {morning, slowed} <= sent.keys() and evening not in sent


def _driver_on_laptop_1(tmp_path, laptop, clock, admission_values):
    """Laptop 1's morphine driver set up at 10:00 on 28/11. Returns laptop 1's clerk, laptop 2's
    nurse and clerk, the order and the syringe's dose id."""
    nurse_1, clerk_1 = laptop(tmp_path / "1.sqlite", 1)
    nurse_2, clerk_2 = laptop(tmp_path / "2.sqlite", 2)
    clock.now = _at("2026-11-28T09:00+01:00")
    patient = records.save_new(nurse_1, "admission", {**admission_values, "allergy_status": "nka", "allergies": [],
                                                      "arrival_at": "2026-11-28T08:30+01:00"}).patient_id
    order = records.save_new(doctor_on(nurse_1, clock), "medication_order", DRIVER, patient_id=patient).record_id
    cd_register.cd_receive(nurse_1, admission_values["ward"], "Morphine", "mg", 40, witness=WITNESS)
    clock.now = _at("2026-11-28T10:05+01:00")
    syringe = medication.record_dose(nurse_1, order, {"outcome": "given", "given_at": "2026-11-28T10:00+01:00",
                                                      "scheduled_for": "2026-11-28T10:00+01:00", "dose_given": 10.0,
                                                      "route": "SC"}, witness=WITNESS).record_id
    clock.now = _at("2026-11-28T13:50+01:00")
    return clerk_1, (nurse_2, clerk_2), order, syringe


def test_an_unchanged_bag_from_a_laptop_is_a_conditional_create_from_the_office(
        tmp_path, laptop, clock, admission_values):
    """Still running, as laptop 1's bundle sent it: the EHR's copy is left as its staff keep it."""
    clerk_1, _, _, syringe = _driver_on_laptop_1(tmp_path, laptop, clock, admission_values)
    _, office = _office(tmp_path, laptop, clock, clerk_1)
    entry = _entries(export(office, tmp_path / "office"))[syringe]
    assert entry["resource"]["status"] == "in-progress"
    assert entry["request"]["method"] == "POST" and "ifNoneExist" in entry["request"]


def test_a_bag_another_laptop_ended_is_an_update_from_the_office(tmp_path, laptop, clock, admission_values):
    """Laptop 1's bundle sent the driver running; laptop 2, the patient moved there, charted its
    stop: the office's bundle replaces the EHR's running copy with the ended one."""
    clerk_1, (nurse_2, clerk_2), order, syringe = _driver_on_laptop_1(tmp_path, laptop, clock, admission_values)
    import_export(clerk_2, export(clerk_1, tmp_path / "moved").folder)
    clock.now = _at("2026-11-28T16:05+01:00")
    infusion_rates.change_rate(nurse_2, order, {"changed_at": "2026-11-28T16:00+01:00", "change": "stopped"})
    _, office = _office(tmp_path, laptop, clock, clerk_1, clerk_2)
    entry = _entries(export(office, tmp_path / "office"))[syringe]
    assert entry["resource"]["status"] == "completed" and entry["request"]["method"] == "PUT"
