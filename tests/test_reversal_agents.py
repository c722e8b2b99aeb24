"""The medicines that reverse an anticoagulant are read as themselves, whatever drug the prescriber
names beside them ("Vitamin K (warfarin reversal)"): the drug named in brackets was the order's
medicine, so the reversal was an anticoagulant, high-alert, "already ordered" beside the warfarin,
and asked at the dose after a head injury as a medicine that makes the bleed worse (review R8)."""

from datetime import datetime

import pytest

from downtime.domain.medication import (allergy_matches, anticoagulant, high_alert_drug, medicines_in,
                                        shares_a_medicine)
from downtime.services import medication, records

FALL = {"fell_at": "2026-11-28T12:30+01:00", "witnessed": "found", "where": "bedside", "fracture_signs": "none",
        "head_injury": "yes", "anticoagulated": True}


@pytest.mark.parametrize("drug, reverses, medicine", [
    ("Vitamin K (warfarin reversal)", "Warfarin", "phytomenadion"),
    ("Vitamine K1 Roche 10 mg (AVK: fluindione)", "Previscan", "phytomenadion"),
    ("Phytoménadione pour surdosage en warfarine", "Coumadine", "phytomenadion"),
    ("Konakion MM (warfarin)", "Warfarin", "phytomenadion"),
    ("Protamine sulfate (heparin reversal)", "Héparine sodique", "protamin"),
    ("Protamine (enoxaparin)", "Lovenox", "protamin"),
    ("Idarucizumab (dabigatran reversal)", "Pradaxa", "idarucizumab"),
    ("Praxbind for dabigatran", "Dabigatran", "idarucizumab"),
    ("Andexanet alfa (apixaban reversal)", "Eliquis", "andexanet"),
    ("Ondexxya (rivaroxaban)", "Xarelto", "andexanet"),
    ("Beriplex (warfarin reversal)", "Warfarin", "prothrombin complex"),
    ("Octaplex for warfarin", "Warfarin", "prothrombin complex"),
    ("Prothrombin complex concentrate (apixaban)", "Apixaban", "prothrombin complex"),
    ("PPSB (Kanokad) pour fluindione", "Fluindione", "prothrombin complex")])
def test_a_reversal_agent_is_never_the_anticoagulant_it_reverses(drug, reverses, medicine):
    assert medicines_in(drug) == {medicine}
    assert not anticoagulant(drug) and not high_alert_drug(drug, "IV")
    assert not shares_a_medicine(drug, reverses)


@pytest.mark.parametrize("drug, medicine", [
    ("Warfarin (vitamin K antagonist)", "warfarin"), ("Fluindione (antagoniste de la vitamine K)", "fluindion"),
    ("Héparine (HNF)", "heparin"), ("Apixaban", "apixaban")])
def test_an_anticoagulant_named_first_stays_one(drug, medicine):
    """Its class's "vitamin K" is no phytomenadione beside it (review S8: the warfarin read as
    warfarin with phytomenadione)."""
    assert medicines_in(drug) == {medicine} and anticoagulant(drug)


@pytest.mark.parametrize("drug, medicine", [
    ("Anti-vitamine K : fluindione", "fluindion"), ("Anti-vitamine K (Previscan) 20 mg", "fluindion"),
    ("Vitamin K antagonist: warfarin 3 mg", "warfarin"), ("Anti-vitamin K (warfarin)", "warfarin"),
    ("AVK (acénocoumarol)", "acenocoumarol")])
def test_an_anticoagulant_named_after_its_class_stays_that_anticoagulant(drug, medicine):
    """Each was read as the vitamin K alone: no anticoagulant for a fall's CT head or the theatre
    list, not high-alert (review S8)."""
    assert medicines_in(drug) == {medicine} and anticoagulant(drug) and high_alert_drug(drug, "PO")


@pytest.mark.parametrize("drug, medicine, reversal", [
    ("Warfarin 5 mg (vitamin K if INR > 8)", "warfarin", "Vitamin K 10 mg IV"),
    ("Apixaban 5 mg (Ondexxya if major bleed)", "apixaban", "Andexanet alfa"),
    ("Heparin (reverse with protamine if bleeding)", "heparin", "Protamine sulfate"),
    ("Dabigatran (Praxbind if bleeding)", "dabigatran", "Idarucizumab"),
    ("Lovenox 4000 UI (protamine si saignement)", "enoxaparin", "Protamine")])
def test_an_anticoagulant_written_with_its_reversal_plan_is_that_anticoagulant_alone(drug, medicine, reversal):
    """The reversal named after it is a plan, not a medicine given: the vitamin K for a high INR
    was "already ordered" beside the warfarin (review T1)."""
    assert medicines_in(drug) == {medicine} and anticoagulant(drug)
    assert not shares_a_medicine(drug, reversal)


@pytest.mark.parametrize("drug, medicines, reverses", [
    ("Warfarin reversal: vitamin K 10 mg IV", {"phytomenadion"}, "Warfarin 5 mg"),
    ("Surdosage en warfarine : vitamine K 10 mg", {"phytomenadion"}, "Coumadine"),
    ("Apixaban antidote: andexanet alfa", {"andexanet"}, "Eliquis"),
    ("Warfarin overdose: Beriplex + vitamin K", {"prothrombin complex", "phytomenadion"}, "Warfarin")])
def test_a_reversal_said_after_the_anticoagulant_it_reverses_is_the_reversal(drug, medicines, reverses):
    """Written without a condition, the anticoagulant named first is the one reversed: read as
    it, the reversal's dose would be the warfarin's last and its INR held nothing."""
    assert medicines_in(drug) == medicines and not anticoagulant(drug)
    assert not shares_a_medicine(drug, reverses)


@pytest.mark.parametrize("drug, medicines", [
    ("Beriplex 2000 units + vitamin K 10 mg IV", {"prothrombin complex", "phytomenadion"}),
    ("Octaplex et vitamine K1 10 mg (surdosage en fluindione)", {"prothrombin complex", "phytomenadion"})])
def test_a_reversal_order_naming_two_reversal_agents_gives_both(drug, medicines):
    """Cut only before the anticoagulant it reverses: the vitamin K given with the prothrombin
    complex was dropped, and a Konakion anaphylaxis warned nothing (review T1)."""
    assert medicines_in(drug) == medicines and not anticoagulant(drug)
    assert allergy_matches(drug, ["Konakion (anaphylaxis)"]) == ["Konakion (anaphylaxis)"]


@pytest.mark.parametrize("reversal, chart", [
    ("Vitamin K 10 mg IV", "Warfarin 5 mg (vitamin K antagonist)"),
    ("Phytoménadione 10 mg", "Fluindione (antagoniste de la vitamine K)"),
    ("Protamine sulfate 50 mg", "NovoMix 30 (insulin aspart protamine)"),
    ("Protamine sulfate 50 mg", "Insulatard (protamine)")])
def test_a_reversal_shares_no_medicine_with_a_medicine_naming_its_word(reversal, chart):
    """The vitamin K for an INR of 8 was "already ordered" beside the warfarin written with its
    class, and a protamine sulfate beside an insulin made with protamine (review S8)."""
    assert not shares_a_medicine(reversal, chart)


def test_vitamin_k_for_a_high_inr_is_not_already_ordered_beside_the_warfarin_named_with_its_class(
        session_for, medication_ward, clock):
    patient = medication_ward[0]
    doctor = session_for("doctor")
    records.save_new(doctor, "medication_order", {
        "drug": "Warfarin 3 mg (vitamin K antagonist)", "dose": 3.0, "dose_unit": "mg", "route": "PO",
        "frequency": "scheduled", "times": "18:00", "start_at": "2026-11-27T10:00+01:00", "controlled": False,
        "high_alert": True}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T13:30+01:00")
    assert medication.duplicate_orders(doctor, {
        "drug": "Vitamin K", "dose": 2.0, "dose_unit": "mg", "route": "PO", "frequency": "once",
        "start_at": "2026-11-28T13:30+01:00", "controlled": False, "high_alert": False}, patient) is None


@pytest.mark.parametrize("drug", ["Vitamin K (warfarin reversal)", "Idarucizumab (dabigatran reversal)",
                                  "Protamine sulfate (heparin reversal)"])
def test_a_reversal_after_a_head_injury_on_warfarin_is_written_and_given_unasked(
        session_for, medication_ward, clock, drug):
    """A fall with a head injury on warfarin at 12:30, the reversal written once at 13:30."""
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    records.save_new(doctor, "medication_order", {
        "drug": "Warfarin", "dose": 3.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
        "times": "18:00", "start_at": "2026-11-27T10:00+01:00", "controlled": False, "high_alert": True},
        patient_id=patient)
    records.save_new(nurse, "inpatient_fall", FALL, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T13:30+01:00")
    reversal = {"drug": drug, "dose": 10.0, "dose_unit": "mg", "route": "IV", "frequency": "once",
                "start_at": "2026-11-28T13:30+01:00", "controlled": False, "high_alert": False}
    assert medication.duplicate_orders(doctor, reversal, patient) is None
    order = records.save_new(doctor, "medication_order", reversal, patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-28T13:40+01:00")
    assert medication.check_dose(nurse, order, {
        "outcome": "given", "dose_given": 10.0, "route": "IV", "given_at": "2026-11-28T13:40+01:00",
        "scheduled_for": "2026-11-28T13:30+01:00"}) == []
