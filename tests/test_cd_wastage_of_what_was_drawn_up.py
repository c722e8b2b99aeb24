"""A controlled drug's wastage is what was left of what really left the cupboard for a dose: a
dose charted not given for a reason nothing can have been drawn up for (not available, none
by its rule) has nothing to destroy, while one found asleep, away or nil by mouth at the bedside
may have been drawn up and destroyed, nor has a patch (taken whole when applied, its removal charted
with the next one); no more is destroyed than the dose drew up or left of its ampoules; and
what was left of one ampoule is discarded once, even when its dose was withdrawn and charted
again for the right patient."""

from datetime import datetime

import pytest

from downtime.services import cd_register, medication, records
from downtime.services.errors import ServiceError
from tests.test_cd_register_infusions_and_patches import APPLIED, PATCHES, patch  # noqa: F401

WITNESS = ("doctor", "2222")
GIVEN = {"outcome": "given", "dose_given": 5.0, "route": "SC", "given_for": "pain 7/10",
         "given_at": "2026-11-28T14:50+01:00"}


def _not_given(nurse, morphine, reason):
    return medication.record_dose(nurse, morphine, {"outcome": "not_given", "not_given_reason": reason,
                                                    "not_given_detail": "why", "given_at": "2026-11-28T14:50+01:00"},
                                  witness=WITNESS)


@pytest.fixture
def stocked(session_for, medication_ward, clock):
    """20 mg of morphine on ward 3B's page, the clock at 15:00: (nurse, morphine order id)."""
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=WITNESS)
    clock.now = clock.now.replace(day=28, hour=15, minute=0)
    return nurse, medication_ward[2]


def test_a_dose_not_given_for_a_reason_nothing_is_drawn_up_for_has_nothing_to_destroy(stocked):
    nurse, morphine = stocked
    dose = _not_given(nurse, morphine, "unavailable")
    assert cd_register.cd_doses_to_waste(nurse, "3B", "Morphine", "mg").doses == []
    with pytest.raises(ServiceError) as refused:
        cd_register.cd_waste(nurse, dose.record_id, 5, witness=WITNESS)
    said = refused.value.text("en")
    assert "nothing can have been drawn up for it" in said and "charted" not in said.split(":", 2)[2]
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 20


@pytest.mark.parametrize("reason", ["refused", "vomited", "held", "other", "asleep", "patient_away"])
def test_a_dose_drawn_up_and_not_given_is_offered(stocked, reason):
    nurse, morphine = stocked
    dose = _not_given(nurse, morphine, reason)
    assert [line.record_id for line in cd_register.cd_doses_to_waste(nurse, "3B", "Morphine", "mg").doses] == [
        dose.record_id]


def test_a_patch_applied_or_taken_off_is_no_wastage(patch, clock):  # noqa: F811
    """The patch left the page when it was applied (5 → 4); its removal, charted not given with
    the previous patch removed as the PATCH STILL ON alert asks, took a second patch as wastage."""
    nurse, order_id = patch
    applied = medication.record_dose(nurse, order_id, APPLIED, witness=WITNESS)
    clock.now = datetime.fromisoformat("2026-11-29T10:05+01:00")
    removed = medication.record_dose(nurse, order_id, {
        "outcome": "not_given", "not_given_reason": "held", "not_given_detail": "patch removed, drowsy",
        "given_at": "2026-11-29T10:00+01:00", "previous_patch": "removed"}, witness=WITNESS)
    offer = cd_register.cd_doses_to_waste(nurse, "3B", PATCHES, "patch")
    assert offer.doses == [] and offer.none_left.text("en").startswith("Controlled-drug register: a patch is taken")
    for dose in (applied, removed):
        with pytest.raises(ServiceError, match="a patch is taken from the register whole"):
            cd_register.cd_waste(nurse, dose.record_id, 1, witness=WITNESS)
    assert cd_register.cd_balance(nurse.db, "3B", PATCHES, "patch") == 4


def test_no_more_is_destroyed_than_the_dose_drew_up(stocked):
    nurse, morphine = stocked
    dose = _not_given(nurse, morphine, "refused")
    with pytest.raises(ServiceError) as refused:
        cd_register.cd_waste(nurse, dose.record_id, 15, witness=WITNESS)
    assert refused.value.text("en") == (
        "Controlled-drug register: Quantity discarded: at most 5 mg can be left of this dose on Morphine; 15 mg "
        "cannot. If more left the cupboard, count it with a witness (Cupboard count): the difference is written as "
        "a discrepancy.")
    assert cd_register.cd_waste(nurse, dose.record_id, 5, witness=WITNESS) == 15


def test_what_is_left_of_a_page_of_ampoules_of_a_stated_strength_is_bounded_by_them(session_for, medication_ward,
                                                                                     clock):
    """A 5 mg dose from a 10 mg ampoule leaves 5 mg of it; drawn up and refused, the whole ampoule
    is destroyed. A page naming no strength bounds a dose given by nothing it knows."""
    nurse = session_for("nurse")
    page = "Morphine 10 mg ampoule"
    cd_register.cd_receive(nurse, "3B", page, "mg", 100, witness=WITNESS)
    clock.now = clock.now.replace(day=28, hour=15, minute=0)
    morphine = records.save_new(session_for("doctor"), "medication_order", {
        "drug": page, "dose": 5.0, "dose_unit": "mg", "route": "SC", "frequency": "prn",
        "prn_indication": "pain", "min_interval_hours": 1, "max_doses_24h": 6,
        "start_at": "2026-11-27T10:00+01:00", "controlled": True, "high_alert": True},
        patient_id=medication_ward[0]).record_id
    given = medication.record_dose(nurse, morphine, GIVEN, witness=WITNESS, overrides={"allergy": "x"})
    with pytest.raises(ServiceError, match="at most 5 mg can be left of this dose on Morphine 10 mg ampoule; 95 mg"):
        cd_register.cd_waste(nurse, given.record_id, 95, witness=WITNESS)
    refused = _not_given(nurse, morphine, "refused")
    with pytest.raises(ServiceError, match="at most 10 mg can be left"):
        cd_register.cd_waste(nurse, refused.record_id, 10.5, witness=WITNESS)
    assert cd_register.cd_waste(nurse, refused.record_id, 10, witness=WITNESS) == 85


def _twin_on_morphine(twin, session_for, clock):
    """The twin prescribed morphine 5 mg SC as required; 20 mg received; the clock at 28/11 15:00.
    Returns (the nurse, the twin's order id)."""
    nurse = session_for("nurse")
    morphine_b = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Morphine", "dose": 5.0, "dose_unit": "mg", "route": "SC", "frequency": "prn",
        "prn_indication": "pain score > 4", "min_interval_hours": 4, "max_doses_24h": 4,
        "start_at": "2026-11-27T10:00+01:00", "controlled": True, "high_alert": True}, patient_id=twin).record_id
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=WITNESS)
    clock.now = clock.now.replace(day=28, hour=15, minute=0)
    return nurse, morphine_b


def test_an_ampoules_rest_is_discarded_once_when_its_dose_is_charted_again_for_the_right_patient(
        twin, medication_ward, session_for, clock):
    nurse, morphine_b = _twin_on_morphine(twin, session_for, clock)
    wrong = medication.record_dose(nurse, medication_ward[2], GIVEN, witness=WITNESS, overrides={"allergy": "x"})
    cd_register.cd_waste(nurse, wrong.record_id, 5, witness=WITNESS)
    clock.now = clock.now.replace(minute=10)
    medication.withdraw_dose(nurse, wrong.record_id, "wrong patient", witness=WITNESS)
    right = medication.record_dose(nurse, morphine_b, GIVEN, witness=WITNESS, overrides={"allergy": "x"})
    assert cd_register.cd_doses_to_waste(nurse, "3B", "Morphine", "mg").doses == []
    with pytest.raises(ServiceError, match="against the dose given at 28/11/2026 14:50 withdrawn \\(wrong patient\\)"):
        cd_register.cd_waste(nurse, right.record_id, 5, witness=WITNESS)
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 10


def test_another_patients_wastage_at_the_same_minute_is_not_the_withdrawn_doses(
        twin, medication_ward, session_for, clock):
    """Two patients given 5 mg at 14:50, each from their own ampoule; the first's dose withdrawn
    and charted again for a reason in its details: the second's wastage is its own ampoule's,
    and the first's re-charted dose takes none."""
    nurse, morphine_b = _twin_on_morphine(twin, session_for, clock)
    first = medication.record_dose(nurse, medication_ward[2], GIVEN, witness=WITNESS, overrides={"allergy": "x"})
    cd_register.cd_waste(nurse, first.record_id, 5, witness=WITNESS)
    other = medication.record_dose(nurse, morphine_b, GIVEN, witness=WITNESS, overrides={"allergy": "x"})
    clock.now = clock.now.replace(minute=10)
    medication.withdraw_dose(nurse, first.record_id, "given_for wrong, re-charted", witness=WITNESS)
    again = medication.record_dose(nurse, medication_ward[2], {**GIVEN, "given_for": "pain 8/10"}, witness=WITNESS,
                                   overrides={"allergy": "x", "prn_interval": "x"})
    assert [line.record_id for line in cd_register.cd_doses_to_waste(nurse, "3B", "Morphine", "mg").doses] == [
        other.record_id]
    with pytest.raises(ServiceError, match="against the dose given at 28/11/2026 14:50 withdrawn"):
        cd_register.cd_waste(nurse, again.record_id, 5, witness=WITNESS)
    assert cd_register.cd_waste(nurse, other.record_id, 5, witness=WITNESS) == 0
