"""A patient moved between two laptops with a stick made before the other laptop's last records:
the records office is the first to hold both laptops' records, and asks the ward about a dose
given after its order was stopped on the other laptop, a record dated after the patient's death
or discharge recorded on the other laptop, and two as-required doses of one order charted on
both laptops within the order's interval (services.back_entry.conflicts_among, the one rule of
the merge, the import, the worklist and the FHIR bundle)."""

import json

import pytest

from downtime.domain.medication import Check
from downtime.domain.records import RecordVersion
from downtime.services import back_entry, medication, records
from downtime.services.errors import ServiceError
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from downtime.sync.merge import merge
from tests.conftest import death_answers, doctor_on

AMOXICILLIN = {"drug": "Amoxicillin", "dose": 1.0, "dose_unit": "g", "route": "IV", "frequency": "scheduled",
               "times": "08:00 14:00 20:00", "start_at": "2026-11-28T10:00+01:00", "review_at": "2026-12-01T10:00+01:00",
               "controlled": False, "high_alert": False}
PARACETAMOL_PRN = {"drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "prn",
                   "prn_indication": "pain", "min_interval_hours": 4, "max_doses_24h": 4,
                   "start_at": "2026-11-28T10:00+01:00", "controlled": False, "high_alert": False}
OBSERVATIONS = {"respiratory_rate": 16, "spo2": 97, "spo2_scale": "scale_1", "on_oxygen": False, "systolic_bp": 130,
                "diastolic_bp": 80, "pulse": 72, "consciousness": "alert", "temperature": 37.0}


def _given(at: str, **more) -> dict:
    return {"outcome": "given", "given_at": at, "dose_given": 1.0, **more}


@pytest.fixture
def moved(tmp_path, laptop, clock, admission_values):
    """Laptop 1 admits a patient at ward 3B; its doctor writes amoxicillin and a paracetamol as
    required (at least 4 h apart); at 14:00 the patient moves to ward 5A with a stick given to
    laptop 2. Returns both laptops' sessions, the patient, the orders and the doctor."""
    nurse_1, clerk_1 = laptop(tmp_path / "ward1.sqlite", 1)
    nurse_2, clerk_2 = laptop(tmp_path / "ward2.sqlite", 2)
    patient = records.save_new(nurse_1, "admission", {**admission_values, "allergy_status": "nka",
                                                      "allergies": []}).patient_id
    doctor = doctor_on(nurse_1, clock)
    amoxicillin = records.save_new(doctor, "medication_order", AMOXICILLIN, patient_id=patient)
    prn = records.save_new(doctor, "medication_order", PARACETAMOL_PRN, patient_id=patient)
    import_export(clerk_2, export(clerk_1, tmp_path / "moved").folder)
    return dict(n1=nurse_1, c1=clerk_1, n2=nurse_2, c2=clerk_2, patient=patient, amoxicillin=amoxicillin, prn=prn,
                doctor=doctor)


def _merged(tmp_path, moved):
    return merge([export(moved["c1"], tmp_path / "s1").folder, export(moved["c2"], tmp_path / "s2").folder],
                 tmp_path / "merged")


def _office(tmp_path, laptop):
    """The records office, having imported the merge."""
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, tmp_path / "merged")
    return office


def _stopped_at_1420(moved, clock):
    clock.advance(minutes=20)
    records.amend(moved["doctor"], moved["amoxicillin"].record_id, {**AMOXICILLIN, "stop_at": "2026-11-28T14:20+01:00"},
                  "Rash after the third dose")


STOPPED = ("its order was stopped at 28/11/2026 14:20 on laptop 1 (no. 001) by Dr Benali (doctor, laptop 001), "
           "28/11/2026 14:20: Rash after the third dose. Ask the ward or the prescriber before entering this dose, "
           "given after it")


def test_a_dose_given_after_its_order_was_stopped_on_the_other_laptop_is_asked_about(moved, tmp_path, laptop,
                                                                                     clock):
    """At 14:20 laptop 1's doctor stopped the amoxicillin for a rash; laptop 2, never told, gave
    the 20:00 dose. The merge, the office's line and its FHIR bundle ask the ward about it; the
    dose laptop 2 gave at 14:00, before the stop, is entered as it is."""
    before = medication.record_dose(moved["n2"], moved["amoxicillin"].record_id, _given(
        "2026-11-28T14:00+01:00", scheduled_for="2026-11-28T14:00+01:00", route="IV"))
    _stopped_at_1420(moved, clock)
    clock.advance(hours=6)
    after = medication.record_dose(moved["n2"], moved["amoxicillin"].record_id, _given(
        "2026-11-28T20:05+01:00", scheduled_for="2026-11-28T20:00+01:00", route="IV"))
    merged = _merged(tmp_path, moved)
    assert [(found.record_id, found.why_in("en")) for found in merged.ask_the_ward] == [(after.record_id, STOPPED)]
    office = _office(tmp_path, laptop)
    line = back_entry.line_of(office, after.record_id)
    assert line.asks_the_ward and line.to_do_in("en") == f"enter — {STOPPED}"
    assert back_entry.line_of(office, before.record_id).to_do_in("en") == "enter"
    assert [found.record_id for found in export(office, tmp_path / "office-export").ask_the_ward] == [after.record_id]
    back_entry.mark_not_entered(office, after.record_id, 1, "Dr Benali, 5A, by phone", "Given in error after the stop")
    assert back_entry.line_of(office, after.record_id).done


def test_a_dose_given_after_a_stop_on_the_laptop_that_wrote_the_stop_is_not_asked_about(moved, tmp_path, laptop,
                                                                                       clock):
    """Laptop 1 knew its own stop, and its nurse gave the dose over its warning with a reason:
    that laptop checked the dose, nothing another laptop wrote contradicts it."""
    _stopped_at_1420(moved, clock)
    clock.advance(hours=6)
    dose = medication.record_dose(moved["n1"], moved["amoxicillin"].record_id, _given(
        "2026-11-28T20:05+01:00", scheduled_for="2026-11-28T20:00+01:00", route="IV"),
        overrides={Check.ORDER_INACTIVE: "Restarted by Dr Benali by phone"})
    records.save_new(moved["n2"], "observations", {**OBSERVATIONS, "taken_at": "2026-11-28T15:00+01:00"},
                     patient_id=moved["patient"])
    assert _merged(tmp_path, moved).ask_the_ward == ()
    office = _office(tmp_path, laptop)
    assert back_entry.line_of(office, dose.record_id).conflicts == ()


def test_a_record_charted_on_one_laptop_after_the_patients_death_on_the_other_is_asked_about(moved, tmp_path, laptop,
                                                                                            clock):
    """She died on ward 5A at 20:30 (laptop 2); laptop 1, never told, charted observations for
    her at 21:00, meant for her neighbour. Its 19:00 observations, before her death, are not
    asked about, nor is laptop 2's own 20:45 record of her."""
    clock.advance(hours=6, minutes=30)
    records.save_new(moved["n2"], "death", {**death_answers("2026-11-28T20:30+01:00"), "verified_by": "Dr Benali",
                                            "expected": False, "family_informed": True}, patient_id=moved["patient"])
    clock.advance(minutes=30)
    earlier = records.save_new(moved["n1"], "observations", {**OBSERVATIONS, "taken_at": "2026-11-28T19:00+01:00"},
                               patient_id=moved["patient"])
    late = records.save_new(moved["n1"], "observations", {**OBSERVATIONS, "taken_at": "2026-11-28T21:00+01:00"},
                            patient_id=moved["patient"])
    said = ("this patient's death at 28/11/2026 20:30 was recorded on laptop 2 (no. 002) by Nurse (nurse, laptop 002), "
            "28/11/2026 20:30: ask the ward before entering this record, dated after it")
    assert [(found.record_id, found.why_in("en")) for found in _merged(tmp_path, moved).ask_the_ward] == [
        (late.record_id, said)]
    office = _office(tmp_path, laptop)
    assert back_entry.line_of(office, late.record_id).to_do_in("en") == f"enter — {said}"
    assert back_entry.line_of(office, earlier.record_id).conflicts == ()


def test_a_record_after_a_discharge_on_the_other_laptop_but_in_a_new_stay_is_not_asked_about(moved, tmp_path, laptop,
                                                                                             clock, admission_values):
    """Laptop 1 discharged her at 15:00; laptop 2, given that stick, readmitted her at 18:00 and
    charted her at 19:00: a new stay, nothing to ask. Laptop 1's 16:00 record, after its own
    discharge, is its own to check."""
    clock.advance(hours=1)
    records.save_new(moved["n1"], "discharge", {"discharged_at": "2026-11-28T15:00+01:00", "destination": "home",
                                                "letter_given": True, "medicines_given": True},
                     patient_id=moved["patient"])
    import_export(moved["c2"], export(moved["c1"], tmp_path / "discharged").folder)
    clock.advance(hours=5)
    records.save_new(moved["n2"], "admission", {**admission_values, "allergy_status": "nka", "allergies": [],
                                                "ward": "5A", "bed": "4", "arrival_at": "2026-11-28T18:00+01:00"},
                     patient_id=moved["patient"])
    charted = records.save_new(moved["n2"], "observations", {**OBSERVATIONS, "taken_at": "2026-11-28T19:00+01:00"},
                               patient_id=moved["patient"])
    assert _merged(tmp_path, moved).ask_the_ward == ()
    office = _office(tmp_path, laptop)
    assert back_entry.line_of(office, charted.record_id).conflicts == ()


def test_as_required_doses_charted_on_both_laptops_within_the_interval_are_asked_about(moved, tmp_path, laptop,
                                                                                       clock):
    """Laptop 1's nurse charted paracetamol at 14:10 after the stick was made; laptop 2's, told
    at handover, charted it at 14:40: one dose charted twice, or two 30 minutes apart. Both are
    asked about, each naming the other; once the ward says one is not to be entered, the other
    cannot be so marked too."""
    clock.advance(hours=1)
    first, second = (medication.record_dose(nurse, moved["prn"].record_id, _given(at, route="PO", given_for="pain 6/10"))
                     for nurse, at in ((moved["n1"], "2026-11-28T14:10+01:00"), (moved["n2"], "2026-11-28T14:40+01:00")))
    merged = _merged(tmp_path, moved)
    why = {found.record_id: found.why_in("en") for found in merged.ask_the_ward}
    assert why == {
        first.record_id: "an as-required dose of the same order was also recorded on laptop 2 (no. 002) by Nurse "
                         "(nurse, laptop 002), given 28/11/2026 14:40, 30 min apart (ordered at least 4 h apart): ask "
                         "the ward whether it is one dose recorded twice before entering both",
        second.record_id: "an as-required dose of the same order was also recorded on laptop 1 (no. 001) by Nurse "
                          "(nurse, laptop 001), given 28/11/2026 14:10, 30 min apart (ordered at least 4 h apart): "
                          "ask the ward whether it is one dose recorded twice before entering both"}
    office = _office(tmp_path, laptop)
    # The office's bundle asks about both as about the other conflicts, each dose's resource tagged.
    bundle = export(office, tmp_path / "office-export")
    assert {found.record_id: found.why_in("en") for found in bundle.ask_the_ward} == why
    entries = json.loads((bundle.folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))["entry"]
    assert {entry["resource"]["id"]: [tag["code"] for tag in entry["resource"].get("meta", {}).get("tag", [])]
            for entry in entries if entry["resource"]["resourceType"] == "MedicationAdministration"} == {
        first.record_id: ["ask-the-ward"], second.record_id: ["ask-the-ward"]}
    back_entry.mark_not_entered(office, second.record_id, 1, "Sr Dubois, 5A, by phone", "one dose recorded twice")
    with pytest.raises(ServiceError, match="marked not to be entered already"):
        back_entry.mark_not_entered(office, first.record_id, 1, "Sr Dubois, 5A, by phone", "one dose recorded twice")
    assert back_entry.line_of(office, first.record_id).to_do_in("en").endswith(
        "the ward said that record is not to be entered (Sr Dubois, 5A, by phone: one dose recorded twice): enter "
        "this one")


def test_as_required_doses_apart_enough_or_of_one_laptop_are_not_asked_about(moved, tmp_path, laptop, clock):
    """Laptop 1's 14:10 and laptop 2's 18:10 doses are 4 h apart, as ordered; laptop 2's own 18:10
    and 18:30 doses (the second over its warning) were checked by laptop 2 itself."""
    clock.advance(hours=5)
    medication.record_dose(moved["n1"], moved["prn"].record_id, _given("2026-11-28T14:10+01:00", route="PO",
                                                                       given_for="pain 6/10"))
    medication.record_dose(moved["n2"], moved["prn"].record_id, _given("2026-11-28T18:10+01:00", route="PO",
                                                                       given_for="pain 6/10"))
    medication.record_dose(moved["n2"], moved["prn"].record_id, _given("2026-11-28T18:30+01:00", route="PO",
                                                                       given_for="pain 8/10"),
                           overrides={Check.PRN_INTERVAL: "Dr Benali agreed"})
    assert _merged(tmp_path, moved).ask_the_ward == ()


def test_one_laptops_refusal_then_dose_and_dose_given_again_over_its_warning_are_not_asked_about(moved, tmp_path,
                                                                                               laptop, clock):
    """On laptop 1 the 14:00 amoxicillin was refused, then taken at 14:30 for the same time; the
    20:00 dose was vomited and given again at 20:20 over the "already given" warning, the nurse's
    reason kept. Each pair of one time is one laptop's own account, nothing to ask the ward: the
    office's lines and its merge asked "whether it is one dose recorded twice" of all four."""
    order = moved["amoxicillin"].record_id
    clock.advance(minutes=30)
    doses = [medication.record_dose(moved["n1"], order, {
        "outcome": "not_given", "not_given_reason": "refused", "given_at": "2026-11-28T14:00+01:00",
        "scheduled_for": "2026-11-28T14:00+01:00"}),
        medication.record_dose(moved["n1"], order, _given("2026-11-28T14:30+01:00",
                                                          scheduled_for="2026-11-28T14:00+01:00", route="IV"))]
    clock.advance(hours=6)
    doses.append(medication.record_dose(moved["n1"], order, _given("2026-11-28T20:00+01:00",
                                                                   scheduled_for="2026-11-28T20:00+01:00", route="IV")))
    clock.advance(minutes=5)
    doses.append(medication.record_dose(
        moved["n1"], order, _given("2026-11-28T20:20+01:00", scheduled_for="2026-11-28T20:00+01:00", route="IV"),
        overrides={Check.ALREADY_GIVEN: "Vomited at 20:10, given again as Dr Benali said"}))
    records.save_new(moved["n2"], "observations", {**OBSERVATIONS, "taken_at": "2026-11-28T15:00+01:00"},
                     patient_id=moved["patient"])
    assert _merged(tmp_path, moved).ask_the_ward == ()
    office = _office(tmp_path, laptop)
    assert [back_entry.line_of(office, dose.record_id).to_do_in("en") for dose in doses] == ["enter"] * 4


def test_a_bag_stopped_then_replaced_on_the_other_laptop_is_not_asked_about(moved, tmp_path, laptop, clock):
    """Laptop 1's 14:00 saline tissued and was stopped at 15:00; the patient moved to ward 5A
    (laptop 2, with the stick) and a new bag went up there at 15:30 for the same time. Two bags,
    one after the other: the office asked whether they were one dose recorded twice."""
    from downtime.services import infusion_rates

    saline = records.save_new(moved["doctor"], "medication_order", {
        "drug": "Sodium chloride 0.9%", "dose": 1000.0, "dose_unit": "mL", "route": "IV", "form": "infusion",
        "rate_ml_h": 125.0, "frequency": "scheduled", "times": "14:00", "start_at": "2026-11-28T14:00+01:00",
        "controlled": False, "high_alert": False}, patient_id=moved["patient"]).record_id
    clock.advance(minutes=5)
    bags = [medication.record_dose(moved["n1"], saline, _given("2026-11-28T14:00+01:00", dose_given=1000.0, route="IV",
                                                               scheduled_for="2026-11-28T14:00+01:00"))]
    clock.advance(hours=1)
    infusion_rates.change_rate(moved["n1"], saline, {"changed_at": "2026-11-28T15:00+01:00", "change": "stopped"})
    import_export(moved["c2"], export(moved["c1"], tmp_path / "moved-again").folder)
    clock.advance(minutes=30)
    bags.append(medication.record_dose(
        moved["n2"], saline, _given("2026-11-28T15:30+01:00", dose_given=1000.0, route="IV",
                                    scheduled_for="2026-11-28T14:00+01:00"),
        # Laptop 2's own warnings, if it gives them, of a second bag for a time given.
        overrides={Check.ALREADY_GIVEN: "The 14:00 bag tissued and was stopped at 15:00",
                   Check.DOSE_SPACING: "The 14:00 bag tissued and was stopped at 15:00"}))
    assert _merged(tmp_path, moved).ask_the_ward == ()
    office = _office(tmp_path, laptop)
    assert [back_entry.line_of(office, bag.record_id).conflicts for bag in bags] == [(), ()]


def home_then_observed(moved, clock) -> RecordVersion:
    """Laptop 2 sends her home at 14:30, and two hours of the clock later laptop 1, never told,
    takes her observations of 16:00: those observations."""
    records.save_new(moved["n2"], "discharge", {"discharged_at": "2026-11-28T14:30+01:00", "destination": "home",
                                                "letter_given": True, "medicines_given": True},
                     patient_id=moved["patient"])
    clock.advance(hours=2)
    return records.save_new(moved["n1"], "observations", {**OBSERVATIONS, "taken_at": "2026-11-28T16:00+01:00"},
                            patient_id=moved["patient"])


def test_a_result_received_after_the_discharge_on_the_other_laptop_is_not_asked_about(moved, tmp_path, laptop,
                                                                                     clock):
    """Laptop 2 sent her home at 14:30. Laptop 1, never told, took her observations at 16:00 (asked
    about), and received her potassium result then, a result coming after the patient left as a
    matter of course (not asked about)."""
    clock.advance(minutes=30)
    taken = home_then_observed(moved, clock)
    records.save_new(moved["n1"], "lab_result", {
        "received_at": "2026-11-28T16:00+01:00", "received_by": "paper", "test": "Potassium", "result": "4.1",
        "units": "mmol/L", "range": "3.5–5.3", "flag": "normal", "sample_taken_at": "2026-11-28T11:40+01:00"},
        patient_id=moved["patient"])
    assert [(found.record_id, found.why_in("en")) for found in _merged(tmp_path, moved).ask_the_ward] == [
        (taken.record_id, "this patient's discharge at 28/11/2026 14:30 was recorded on laptop 2 (no. 002) by Nurse "
                          "(nurse, laptop 002), 28/11/2026 14:30: ask the ward before entering this record, dated "
                          "after it")]


def test_the_laptop_that_charted_after_a_death_on_the_other_is_told_at_once_by_the_import(moved, tmp_path, clock):
    """She died on ward 5A at 19:00 (laptop 2); laptop 1, never told, gave her the 20:00
    amoxicillin at 20:05. Importing laptop 2's stick, laptop 1 said nothing: she left its census
    and the dose lay outside her stay until the records office asked the ward days later. The
    import says it to the ward (the wizard and `downtime import` show `to_check`), once; laptop
    1's 14:00 dose, before her death, is not said."""
    medication.record_dose(moved["n1"], moved["amoxicillin"].record_id, _given(
        "2026-11-28T14:00+01:00", scheduled_for="2026-11-28T14:00+01:00", route="IV"))
    clock.advance(hours=6, minutes=30)
    records.save_new(moved["n2"], "death", {**death_answers("2026-11-28T19:00+01:00"), "verified_by": "Dr Benali",
                                            "expected": False, "family_informed": True}, patient_id=moved["patient"])
    medication.record_dose(moved["n1"], moved["amoxicillin"].record_id, _given(
        "2026-11-28T20:05+01:00", scheduled_for="2026-11-28T20:00+01:00", route="IV"))
    stick = export(moved["c2"], tmp_path / "from-5A").folder
    said = [found.text("en") for found in import_export(moved["c1"], stick).to_check]
    assert said == [
        "DT-001-00001-7 MARTIN Hélène Marie (née LEFÈVRE): Amoxicillin 1 g IV — Outcome: Given — Scheduled time "
        "(regular doses): 28/11/2026 20:00 — Actual time: 28/11/2026 20:05 — Dose given: 1 g — Route: Intravenous "
        "(IV), recorded on this laptop by Nurse (nurse), is dated after this patient's death at 28/11/2026 19:00, "
        "recorded on laptop 2 (no. 002) by Nurse (nurse, laptop 002), 28/11/2026 20:30: find out now whether it was "
        "another patient's, or whether the death is right."]
    assert import_export(moved["c1"], stick).to_check == ()


def test_the_laptop_that_gave_an_as_required_dose_too_soon_after_the_others_is_told_at_once_by_the_import(
        moved, tmp_path, clock):
    """Laptop 2 (ward 5A) gave paracetamol at 18:00; laptop 1, without its stick, gave it again at
    20:30, 2 h 30 after, for an order allowing one every 4 h. Importing laptop 2's stick, laptop
    1's ward was told nothing: only the records office asked, days later. The import says it to
    the ward (`to_check`), naming both doses; laptop 2's dose, not this laptop's, is not said
    twice."""
    clock.advance(hours=7)
    medication.record_dose(moved["n2"], moved["prn"].record_id, _given("2026-11-28T18:00+01:00", route="PO",
                                                                       given_for="pain 6/10"))
    medication.record_dose(moved["n1"], moved["prn"].record_id, _given("2026-11-28T20:30+01:00", route="PO",
                                                                       given_for="pain 7/10"))
    stick = export(moved["c2"], tmp_path / "from-5A").folder
    said = [found.text("en") for found in import_export(moved["c1"], stick).to_check]
    assert len(said) == 1, said
    assert said[0].startswith("DT-001-00001-7 MARTIN Hélène Marie (née LEFÈVRE): Paracetamol 1 g PO")
    assert said[0].endswith(
        "recorded on this laptop by Nurse (nurse), and a dose of the same order given on laptop 2 (no. 002) by Nurse "
        "(nurse, laptop 002) (given 28/11/2026 18:00) are 150 min apart (ordered at least 4 h apart): check the "
        "patient now and tell the prescriber.")


def test_the_same_scheduled_dose_given_on_both_laptops_is_told_at_once_by_the_import(moved, tmp_path, clock):
    """Both laptops gave the 20:00 amoxicillin: the patient may have had it twice."""
    clock.advance(hours=7)
    for nurse, at in ((moved["n2"], "2026-11-28T20:00+01:00"), (moved["n1"], "2026-11-28T20:10+01:00")):
        medication.record_dose(nurse, moved["amoxicillin"].record_id, _given(
            at, scheduled_for="2026-11-28T20:00+01:00", route="IV"))
    said = [found.text("en") for found in import_export(moved["c1"], export(moved["c2"], tmp_path / "s").folder).to_check]
    assert len(said) == 1 and said[0].endswith(
        "recorded on this laptop by Nurse (nurse), was given on laptop 2 (no. 002) too by Nurse (nurse, laptop 002) "
        "(given 28/11/2026 20:00): the dose may have been given twice. Check the patient now and tell the "
        "prescriber."), said


def test_a_dose_given_after_the_other_laptop_stopped_its_order_is_told_at_once_by_the_import(moved, tmp_path, clock):
    """Laptop 2's doctor stopped the amoxicillin at 14:20 for a rash; laptop 1 gave the 20:00 dose."""
    clock.advance(minutes=20)
    doctor_2 = doctor_on(moved["n2"], clock)
    records.amend(doctor_2, moved["amoxicillin"].record_id, {**AMOXICILLIN, "stop_at": "2026-11-28T14:20+01:00"},
                  "Rash after the third dose")
    clock.advance(hours=6)
    medication.record_dose(moved["n1"], moved["amoxicillin"].record_id, _given(
        "2026-11-28T20:05+01:00", scheduled_for="2026-11-28T20:00+01:00", route="IV"))
    said = [found.text("en") for found in import_export(moved["c1"], export(moved["c2"], tmp_path / "s").folder).to_check]
    assert len(said) == 1 and said[0].endswith(
        "was given after its order was stopped at 28/11/2026 14:20 on laptop 2 (no. 002) by Dr Benali (doctor, laptop "
        "002): check the patient now and ask the prescriber."), said


def test_doses_apart_enough_or_all_of_this_laptop_are_not_told_by_the_import(moved, tmp_path, clock):
    clock.advance(hours=7)
    medication.record_dose(moved["n2"], moved["prn"].record_id, _given("2026-11-28T14:10+01:00", route="PO",
                                                                       given_for="pain 6/10"))
    medication.record_dose(moved["n1"], moved["prn"].record_id, _given("2026-11-28T18:10+01:00", route="PO",
                                                                       given_for="pain 6/10"))
    assert import_export(moved["c1"], export(moved["c2"], tmp_path / "s").folder).to_check == ()


def test_a_stick_moving_a_patient_into_a_bed_taken_here_is_taken_and_names_both_patients(moved, tmp_path, clock,
                                                                                          admission_values):
    """Ward 5A's laptop (2), without laptop 1's stick for the move, admitted the arrival again into
    bed 4; laptop 1's move of the patient to 5A bed 4 then comes on its stick. The stick is taken
    (refused, it kept the patient's orders and doses off the ward) and the import names the bed
    and both patients: one person as two patients in one bed said nothing."""
    from downtime.services import staff, wards
    from downtime.services.context import Session

    for nurse in (moved["n1"], moved["n2"]):
        admin = Session(nurse.db, nurse.device, staff.sign_in(nurse.db, "admin", "0000", clock), nurse.forms, clock)
        for code in ("3B", "5A"):
            wards.add_ward(admin, code, f"Ward {code}", [str(bed) for bed in range(1, 21)])
    clock.advance(hours=1, minutes=10)
    again = records.save_new(moved["n2"], "admission", {
        **admission_values, "ward": "5A", "bed": "4", "arrival_at": "2026-11-28T15:05+01:00", "allergy_status": "nka",
        "allergies": []}).patient_id
    records.save_new(moved["n1"], "transfer", {"moved_at": "2026-11-28T15:00+01:00", "to_ward": "5A", "to_bed": "4",
                                               "reason": "Surgical review"}, patient_id=moved["patient"])
    result = import_export(moved["c2"], export(moved["c1"], tmp_path / "s").folder)
    assert result.added["records"] == 1
    said = [found.text("en") for found in result.to_check]
    assert said == [
        "Bed 4 of ward 5A holds DT-001-00001-7 MARTIN Hélène Marie (née LEFÈVRE), DT-002-00001-6 MARTIN Hélène Marie "
        "(née LEFÈVRE) by the census here: the import brought DT-001-00001-7 MARTIN Hélène Marie (née LEFÈVRE)'s move "
        "into it. Check who is in the bed and record where the other went; if they are one person admitted twice, "
        "tell the records office."], (said, again)


@pytest.mark.parametrize("given_at, said", [
    ("2026-10-25T02:30+02:00", "(given 25/10/2026 02:30 +02:00)"),  # the first 02:30, summer time
    ("2026-10-25T02:30+01:00", "(given 25/10/2026 02:30 +01:00)"),  # an hour later, winter time
    ("2026-11-28T19:00+00:00", "(given 28/11/2026 20:00)"),        # written at UTC: on the ward's clock
])
def test_the_other_laptops_dose_told_by_the_import_is_dated_on_the_ward_s_clock(given_at, said):
    """"given 25/10/2026 02:30" said neither which 02:30, nor whether it came before this laptop's
    dose: told at once so the ward checks the patient, it must say when the other dose was."""
    from datetime import datetime

    from downtime.domain.laptops import Laptop
    from downtime.domain.records import RecordStatus, RecordVersion
    from downtime.sync.outcome import DoseToCheck

    at = datetime.fromisoformat(given_at)
    other = RecordVersion(id="v", record_id="r", version=1, form_id="medication_administration", form_version=1,
                          patient_id="p", status=RecordStatus.FINAL, data={}, reason=None, author="nurse",
                          device_id="d2", occurred_at=at, recorded_at=at)
    told = DoseToCheck(patient="DT-1", record="Amoxicillin 1 g IV", by="Nurse (nurse)",
                       other=back_entry.Conflict(said=back_entry.SAME_DOSE, record=other, laptop=Laptop(2)))
    assert said in told.text("en")
