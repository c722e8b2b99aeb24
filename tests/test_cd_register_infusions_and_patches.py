"""The controlled-drug register for medicines that are not an ampoule given at once: a syringe
driver, whose whole syringe is taken at its set-up, and a patch, which the cupboard and the bound
register count in patches whatever its strength."""

from datetime import datetime

import pytest

from downtime.services import cd_register, infusion_rates, medication, records
from downtime.services.errors import ServiceError
from tests.conftest import death_answers

WITNESS = ("doctor", "2222")


@pytest.fixture
def syringe(session_for, medication_ward, clock):
    """Morphine 20 mg received at 09:00; a 10 mg syringe driver (SC infusion at 0.7 mL/h) set
    up at 10:00, witnessed; she died at 13:00, the driver taken down at 13:20. Returns (nurse,
    the set-up's dose id)."""
    patient = medication_ward[0]
    nurse, doctor = session_for("nurse"), session_for("doctor")
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=WITNESS)
    driver = records.save_new(doctor, "medication_order", {
        "drug": "Morphine", "dose": 10.0, "dose_unit": "mg", "route": "SC", "form": "infusion", "rate_ml_h": 0.7,
        "frequency": "scheduled", "times": "10:00", "start_at": "2026-11-28T10:00+01:00", "controlled": True,
        "high_alert": True}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T10:05+01:00")
    dose = medication.record_dose(nurse, driver.record_id, {
        "outcome": "given", "given_at": "2026-11-28T10:00+01:00", "scheduled_for": "2026-11-28T10:00+01:00",
        "dose_given": 10.0, "route": "SC"}, witness=WITNESS, overrides={"allergy": "not an allergy of hers"})
    clock.now = datetime.fromisoformat("2026-11-28T13:30+01:00")
    records.save_new(nurse, "death", {**death_answers("2026-11-28T13:00+01:00"), "verified_by": "Dr B",
                                      "expected": True, "family_informed": True}, patient_id=patient)
    infusion_rates.change_rate(nurse, driver.record_id, {"changed_at": "2026-11-28T13:20+01:00", "change": "stopped",
                                                         "reason": "Patient died 13:00"})
    return nurse, dose.record_id


def test_what_is_left_in_a_syringe_driver_is_destroyed_without_being_taken_twice(syringe, forms):
    """The syringe's 10 mg left the register at its set-up; the 8.5 mg left in it at her death,
    destroyed before a witness, came off again: the register read 1.5 mg with 10 mg in the
    cupboard. Its line is on the page, witnessed and tied to the dose, taking nothing."""
    nurse, dose_id = syringe
    balance = cd_register.cd_waste(nurse, dose_id, 8.5, witness=WITNESS, note="stopped at death")
    assert balance == 10.0 == cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg")
    line = cd_register.cd_lines(nurse.db, forms, "3B", "Morphine", "mg")[-1]
    assert (line.kind, line.change, line.balance, line.witness, line.record_id, line.note) == (
        "wastage", 0.0, 10.0, "doctor", dose_id,
        "Left in the infusion, destroyed: 8.5 mg (taken from the register whole when it was set up); stopped at death")
    with pytest.raises(ServiceError, match="what was left in this infusion was recorded destroyed already on "
                                           "28/11/2026 13:30 by .*Left in the infusion, destroyed: 8.5 mg"):
        cd_register.cd_waste(nurse, dose_id, 8.5, witness=WITNESS)


def test_no_more_is_destroyed_from_a_syringe_than_it_was_set_up_with(syringe):
    nurse, dose_id = syringe
    with pytest.raises(ServiceError) as refused:
        cd_register.cd_waste(nurse, dose_id, 12, witness=WITNESS)
    assert str(refused.value.text("en")) == ("Controlled-drug register: the infusion was set up with 10 mg; 12 mg "
                                             "cannot be left in it.")
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 10.0


PATCHES = "Fentanyl 25 micrograms/hour patch"


@pytest.fixture
def patch(session_for, medication_ward, clock):
    """Five fentanyl 25 micrograms/hour patches received on their page, counted in patches, and
    a patch order (25 microgram TOP every 3 days at 08:00). Returns (nurse, the order's id)."""
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", PATCHES, "patch", 5, WITNESS)
    order_id = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Fentanyl", "dose": 25.0, "dose_unit": "microgram", "route": "TOP", "form": "patch",
        "frequency": "scheduled", "times": "08:00", "every_days": "3", "start_at": "2026-11-28T08:00+01:00",
        "controlled": True, "high_alert": True, "dose_reason": "on oxycodone 60 mg a day"},
        patient_id=medication_ward[0]).record_id
    clock.now = datetime.fromisoformat("2026-11-28T08:05+01:00")
    return nurse, order_id


APPLIED = {"outcome": "given", "given_at": "2026-11-28T08:00+01:00", "scheduled_for": "2026-11-28T08:00+01:00",
           "dose_given": 25.0, "route": "TOP", "site": "Left upper arm"}


def test_a_patch_is_taken_from_its_page_counted_in_patches_one_a_dose(patch):
    """The register counts fentanyl patches as patches; the order says 25 micrograms (an hour).
    Its dose was refused the patches' page ("no page … in microgram"), chosen or not; it takes
    one patch, and withdrawn, gives that patch back."""
    nurse, order_id = patch
    pages = cd_register.dose_pages(nurse.db, medication.order(nurse.db, order_id),
                                   datetime.fromisoformat(APPLIED["given_at"]))[1]
    assert [(page.drug, page.unit) for page in pages] == [(PATCHES, "patch")]
    dose = medication.record_dose(nurse, order_id, APPLIED, witness=WITNESS, register_page=PATCHES)
    assert cd_register.cd_balance(nurse.db, "3B", PATCHES, "patch") == 4
    medication.withdraw_dose(nurse, dose.record_id, "wrong patient", witness=WITNESS)
    assert cd_register.cd_balance(nurse.db, "3B", PATCHES, "patch") == 5


def test_the_only_patch_page_is_taken_unasked(patch):
    nurse, order_id = patch
    medication.record_dose(nurse, order_id, APPLIED, witness=WITNESS)
    assert cd_register.cd_balance(nurse.db, "3B", PATCHES, "patch") == 4


def _patch_order(session_for, medication_ward, clock, drug: str, dose: float) -> str:
    """The ward's five 25 micrograms/hour patches received, and an order of `drug`, a patch of
    `dose` micrograms (an hour) every 3 days; its id."""
    cd_register.cd_receive(session_for("nurse"), "3B", PATCHES, "patch", 5, WITNESS)
    order_id = records.save_new(session_for("doctor"), "medication_order", {
        "drug": drug, "dose": dose, "dose_unit": "microgram", "route": "TOP", "form": "patch",
        "frequency": "scheduled", "times": "08:00", "every_days": "3", "start_at": "2026-11-28T08:00+01:00",
        "controlled": True, "high_alert": True, "dose_reason": "on oxycodone 120 mg a day"},
        patient_id=medication_ward[0]).record_id
    clock.now = datetime.fromisoformat("2026-11-28T08:05+01:00")
    return order_id


@pytest.mark.parametrize("drug", ["Fentanyl", "Fentanyl 50 micrograms/hour patch"])
def test_a_patch_dose_of_two_patches_takes_two_from_its_page(session_for, medication_ward, clock, drug):
    """50 micrograms an hour, the ward's page of 25 micrograms/hour patches chosen: two patches
    applied took one from the register, which stood a patch above the cupboard at every change.
    The dose takes two, and withdrawn gives both back; 37 micrograms (a 25 and a 12 from another
    page) still takes the one."""
    nurse = session_for("nurse")
    order_id = _patch_order(session_for, medication_ward, clock, drug, 50.0)
    dose = medication.record_dose(nurse, order_id, {**APPLIED, "dose_given": 50.0}, witness=WITNESS,
                                  register_page=PATCHES)
    assert cd_register.cd_balance(nurse.db, "3B", PATCHES, "patch") == 3
    medication.withdraw_dose(nurse, dose.record_id, "wrong patient", witness=WITNESS)
    assert cd_register.cd_balance(nurse.db, "3B", PATCHES, "patch") == 5
    found = medication.order(nurse.db, order_id)
    assert cd_register.taken_by(cd_register.Stock(PATCHES, "patch", 5), found, 37.0) == 1.0


@pytest.mark.parametrize("dose", [12.0, 50.0])
def test_a_patch_order_naming_no_strength_is_not_taken_off_another_strengths_page_unasked(
        session_for, medication_ward, clock, dose):
    """"Fentanyl" 12 micrograms (an hour), the ward's only page 25 micrograms/hour patches: the
    dose took one of them unasked, as though the order stated no strength, when its dose is its
    strength; the nurse is asked to choose the page, as of an order naming 12 micrograms/hour."""
    nurse = session_for("nurse")
    order_id = _patch_order(session_for, medication_ward, clock, "Fentanyl", dose)
    with pytest.raises(ServiceError, match=f"{PATCHES} is 25 micrograms/hour and the order, Fentanyl, "
                                               f"{dose:g} micrograms/hour: choose the page of that strength"):
        medication.record_dose(nurse, order_id, {**APPLIED, "dose_given": dose}, witness=WITNESS)
    assert cd_register.cd_balance(nurse.db, "3B", PATCHES, "patch") == 5


def test_a_french_page_of_patches_states_its_strength_in_microgrammes(session_for, medication_ward, clock):
    """"Durogesic 25 microgrammes/heure", a French ward's page counted in "patchs", stated no
    strength: a dose of "Fentanyl 12 microgrammes/heure" took one of its 25s unasked. It is asked
    the page, as of an English page; and its injection's strength per mL is read too."""
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Durogesic 25 microgrammes/heure", "patchs", 5, WITNESS)
    order_id = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Fentanyl 12 microgrammes/heure", "dose": 12.0, "dose_unit": "microgram", "route": "TD",
        "form": "patch", "frequency": "scheduled", "times": "08:00", "every_days": "3",
        "start_at": "2026-11-28T08:00+01:00", "controlled": True, "high_alert": True, "dose_reason": "x"},
        patient_id=medication_ward[0]).record_id
    clock.now = datetime.fromisoformat("2026-11-28T08:05+01:00")
    with pytest.raises(ServiceError, match="Durogesic 25 microgrammes/heure is 25 micrograms/hour and the order"):
        medication.record_dose(nurse, order_id, {**APPLIED, "dose_given": 12.0, "route": "TD"}, witness=WITNESS)
    assert cd_register.cd_balance(nurse.db, "3B", "Durogesic 25 microgrammes/heure", "patchs") == 5
    assert cd_register.name_strength("Fentanyl 100 microgrammes/2 ml injectable") == cd_register.Strength(0.1, 2.0)
