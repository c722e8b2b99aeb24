"""The export carries what this session's records hold, for the records clerk back-entering
them: a MUST screening's weight loss measured and not scored; a high-alert medicine's second
check, not sent as a controlled drug's witness; the overrides of a medicine's own limits; a
healed wound open again; and fluids under the skin charted from the medication chart, one
volume naming its dose, not two."""

import json
from datetime import date

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.medicationadministration import MedicationAdministration
from fhir.resources.R4B.medicationrequest import MedicationRequest
from fhir.resources.R4B.observation import Observation

from downtime.domain.medication import Check
from downtime.services import cd_register, fluid_balance, medication, records
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes

SCREEN = {"screened_at": "2026-11-28T13:30+01:00", "weight_kg": 61.0, "height_cm": 158, "weight_loss": "under_5",
          "acute_no_intake": False}  # the patient fixture weighed 61.5 kg on admission at 09:00
LOOK = {"assessed_at": "2026-11-30T12:00+01:00", "wound": "Sacrum", "kind": "pressure_ulcer", "category": "2",
        "length_cm": 3.0, "width_cm": 2.0, "depth_cm": 0.5, "bed": "granulating", "exudate": "low",
        "infection": False, "dressing": "Hydrocolloid", "next_in": "2"}
ANY_WARNING = {check: "Checked with the prescriber" for check in Check}


def _exported(session_for, tmp_path):
    """The records office's export made now, valid R4B with its codes checked, its resources by id."""
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    check_codes(bundle)
    Bundle.model_validate(bundle)
    return {entry["resource"]["id"]: entry["resource"] for entry in bundle["entry"]}


def _components(observation):
    return {part.code.text: part for part in observation.component}


def test_a_weight_loss_measured_and_not_scored_goes_with_its_screening(session_for, patient, clock, tmp_path):
    """61.5 kg on admission, 52 kg a week later, "less than 5 %" ticked with the 15 % confirmed as
    not scored (oedema gone): sent as MUST 0 alone, the clerk read a low risk with nothing to
    say the weights showed 15 % lost. The confirmed weight is the weight sent."""
    nurse = session_for("nurse")
    first = records.save_new(nurse, "nutrition_screening", SCREEN, patient_id=patient)
    clock.advance(days=7)
    week_on = records.save_new(nurse, "nutrition_screening", {
        **SCREEN, "screened_at": "2026-12-05T10:00+01:00", "weight_kg": 52.0, "weight_confirmed_kg": 52.0,
        "loss_not_scored_pct": 15, "notes": "Oedema gone on furosemide"}, patient_id=patient)
    found = _exported(session_for, tmp_path)
    screened = Observation.model_validate(found[week_on.record_id])
    parts = _components(screened)
    assert screened.valueInteger == 0 and [note.text for note in screened.note] == ["Oedema gone on furosemide"]
    assert (parts["Weight loss measured, not scored"].valueQuantity.value,
            parts["Weight loss measured, not scored"].valueQuantity.code) == (15, "%")
    assert parts["Weight today"].valueQuantity.value == 52.0 and "Weight today checked, confirmed" not in parts
    assert "Weight loss measured, not scored" not in _components(Observation.model_validate(found[first.record_id]))


def test_a_high_alert_dose_s_second_check_is_not_sent_as_a_controlled_drug_s_witness(
        session_for, medication_ward, enoxaparin, tmp_path):
    """Enoxaparin (high-alert) checked by the doctor went out as the morphine did, "witness": the
    EHR read an anticoagulant as a controlled drug witnessed."""
    patient, _, morphine = medication_ward
    nurse, order = enoxaparin
    checked = medication.record_dose(nurse, order, {
        "outcome": "given", "given_at": "2026-11-28T14:00+01:00", "scheduled_for": "2026-11-28T14:00+01:00",
        "dose_given": 40.0, "route": "SC"}, witness=("doctor", "2222"), overrides=ANY_WARNING)
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=("doctor", "2222"))
    witnessed = medication.record_dose(nurse, morphine, {
        "outcome": "given", "given_at": "2026-11-28T13:00+01:00", "given_for": "pain 7/10", "dose_given": 5.0,
        "route": "SC"}, witness=("doctor", "2222"), overrides=ANY_WARNING)
    digoxin = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Digoxin", "dose": 125.0, "dose_unit": "microgram", "route": "PO", "frequency": "scheduled",
        "times": "12:00", "start_at": "2026-11-28T09:00+01:00", "controlled": False, "high_alert": True},
        patient_id=patient)
    flag_since = medication.record_dose(nurse, digoxin.record_id, {
        "outcome": "given", "given_at": "2026-11-28T12:00+01:00", "scheduled_for": "2026-11-28T12:00+01:00",
        "dose_given": 125.0, "route": "PO"}, witness=("doctor", "2222"), overrides=ANY_WARNING)
    records.amend(session_for("doctor"), digoxin.record_id, {**digoxin.data, "high_alert": False}, "Not on our list")
    found = _exported(session_for, tmp_path)

    def second(record_id):
        dose = MedicationAdministration.model_validate(found[record_id])
        giver, checker = dose.performer
        assert giver.function.coding[0].code == "performer" and giver.function.text is None
        return checker.function.coding[0].code, checker.function.text, checker.actor.display

    assert second(checked.record_id) == ("verifier", "Second check (high-alert medicine)", "Dr Karim Benali (doctor)")
    assert second(witnessed.record_id) == ("witness", "Witness (controlled drug)", "Dr Karim Benali (doctor)")
    assert second(flag_since.record_id)[1] == "Witness / second check"  # the order's flag amended off since


def test_the_overrides_of_a_medicine_s_own_limits_are_sent_as_the_other_overrides(
        session_for, medication_ward, tmp_path):
    """2 g of paracetamol given at once from a 1 g order, above the medicine's 1 g; then a gram 3
    hours after the regular 06:00 one, from another order: each dose says the warning overridden
    and why, as an allergy's is."""
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")

    def given(at, dose=1.0, route="PO", **order):
        written = records.save_new(doctor, "medication_order", {
            "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": route, "frequency": "once",
            "start_at": at, "controlled": False, "high_alert": False, **order}, patient_id=patient).record_id
        return medication.record_dose(nurse, written, {"outcome": "given", "given_at": at, "dose_given": dose,
                                                       "route": route, "scheduled_for": at}, overrides=ANY_WARNING)

    double = given("2026-11-27T09:30+01:00", 2.0)
    given("2026-11-28T06:00+01:00", frequency="scheduled", times="00:00 06:00 12:00 18:00")
    close = given("2026-11-28T09:00+01:00", route="IV")
    assert Check.MAXIMUM_DOSE in [item["check"] for item in double.data["overrides"]]
    assert Check.MEDICINE_INTERVAL in [item["check"] for item in close.data["overrides"]]
    found = _exported(session_for, tmp_path)
    assert "Warning overridden (Above the medicine's maximum dose): Checked with the prescriber" in [
        note.text for note in MedicationAdministration.model_validate(found[double.record_id]).note]
    assert "Warning overridden (Doses of the medicine too close): Checked with the prescriber" in [
        note.text for note in MedicationAdministration.model_validate(found[close.record_id]).note]


def test_a_healed_wound_open_again_is_sent_as_each_look_found_it(session_for, patient, clock, tmp_path):
    nurse = session_for("nurse")
    healed = records.save_new(nurse, "wound_care", {"assessed_at": "2026-11-28T09:00+01:00", "wound": "Sacrum",
                                                    "kind": "pressure_ulcer", "category": "2", "bed": "healed"},
                              patient_id=patient)
    clock.advance(days=2)
    again = records.save_new(nurse, "wound_care", LOOK, patient_id=patient)
    found = _exported(session_for, tmp_path)
    closed, opened = (Observation.model_validate(found[record.record_id]) for record in (healed, again))
    assert closed.valueString == "Sacrum: Pressure ulcer, Category 2, Healed: no more dressing"
    assert opened.valueString == "Sacrum: Pressure ulcer, Category 2, 3 × 2 × 0.5 cm, Granulating (red)"
    assert (closed.bodySite.text, opened.bodySite.text) == ("Sacrum", "Sacrum")
    assert [note.text for note in opened.note] == ["Dressing put on: Hydrocolloid", "Next dressing or look in 2 days"]


def test_fluids_under_the_skin_charted_from_the_medication_chart_are_one_volume_naming_its_dose(
        session_for, medication_ward, tmp_path):
    """500 mL of sodium chloride under the skin given on the medication chart and charted from the
    fluid tab: the EHR got the MAR's 500 mL and the fluid chart's 500 mL with nothing to say they
    were one bag. The second bag, not charted, goes as its dose alone."""
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    order = records.save_new(doctor, "medication_order", {
        "drug": "Sodium chloride 0.9 %", "dose": 500.0, "dose_unit": "mL", "route": "SC", "frequency": "scheduled",
        "times": "10:00 13:00", "start_at": "2026-11-28T09:00+01:00", "controlled": False, "high_alert": False},
        patient_id=patient).record_id
    doses = [medication.record_dose(nurse, order, {
        "outcome": "given", "given_at": f"2026-11-28T{hour}:05+01:00", "dose_given": 500.0, "route": "SC",
        "scheduled_for": f"2026-11-28T{hour}:00+01:00"}, overrides=ANY_WARNING) for hour in ("10", "13")]
    first, _ = fluid_balance.given_not_charted(nurse.db, patient, date(2026, 11, 28))
    charted = records.save_new(nurse, "fluid_balance", {**first.answers(), "measured_at": "2026-11-28T12:00+01:00"},
                               patient_id=patient)
    found = _exported(session_for, tmp_path)
    volumes = [Observation.model_validate(resource) for resource in found.values()
               if resource["resourceType"] == "Observation" and resource["category"][0].get("text")
               == "Fluid balance (intake and output)"]
    assert [(one.id, one.code.text, one.valueQuantity.value) for one in volumes] == [
        (charted.record_id, "Fluid intake: other (e.g. subcutaneous)", 500)]
    assert [part.reference for part in volumes[0].partOf] == [f"urn:uuid:{doses[0].record_id}"]
    assert all(found[dose.record_id]["dosage"]["dose"]["value"] == 500.0 for dose in doses)


def test_an_opioid_order_above_a_usual_first_dose_is_sent_with_the_prescribers_reason(
        session_for, medication_ward, tmp_path):
    """The reason the prescriber gave for MST 60 mg (asked at the order, see
    tests/test_order_dose_checks.py) is the EHR's to read beside the order, as an allergy's is."""
    order = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Morphine sulfate MR", "dose": 60.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
        "times": "08:00 20:00", "start_at": "2026-11-28T08:00+01:00", "controlled": True, "high_alert": False,
        "dose_reason": "MST 60 mg BD at home"}, patient_id=medication_ward[0])
    request = MedicationRequest.model_validate(_exported(session_for, tmp_path)[order.record_id])
    assert "Prescribed above a usual first dose: MST 60 mg BD at home" in [note.text for note in request.note]
