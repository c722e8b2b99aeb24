"""Checks at prescribing: an order the patient's allergies match needs the doctor's reason,
kept in the order and its audit entry; a controlled drug cannot be ordered as not controlled;
and a dose is questioned when the patient's allergies are not known yet, or its route is not
the order's."""

import json
from datetime import time

import pytest

from downtime.domain.medication import Check
from downtime.services import medication, records
from downtime.services.errors import ServiceError
from tests.conftest import death_answers

CO_AMOXICLAV = {"drug": "Co-amoxiclav", "dose": 1.2, "dose_unit": "g", "route": "IV", "frequency": "scheduled",
                "times": "08:00 16:00", "start_at": "2026-11-28T08:00+01:00", "review_at": "2026-12-01T08:00+01:00",
                "controlled": False, "high_alert": False}


def test_an_order_the_allergy_matches_needs_the_prescribers_reason_kept_in_it(session_for, medication_ward):
    """The standard patient's allergy is "Penicillin": co-amoxiclav was saved without a word."""
    patient, _, _ = medication_ward
    doctor = session_for("doctor")
    with pytest.raises(medication.AllergyReasonNeeded, match="Co-amoxiclav matches the patient's recorded allergy: "
                                                             "Penicillin"):
        records.save_new(doctor, "medication_order", CO_AMOXICLAV, patient_id=patient)
    with pytest.raises(medication.AllergyReasonNeeded):
        records.save_new(doctor, "medication_order", {**CO_AMOXICLAV, "allergy_reason": "  "}, patient_id=patient)
    saved = records.save_new(doctor, "medication_order", {**CO_AMOXICLAV, "allergy_reason": "Tolerated in 2025"},
                             patient_id=patient)
    assert saved.data["allergy_reason"] == "Tolerated in 2025"
    (entry,) = [json.loads(row[0]) for row in doctor.db.execute(
        "SELECT detail FROM audit WHERE entity = 'records' AND entity_id = ?", [saved.id])]
    assert entry["row_hash"]  # the order's row, reason and all, is in the audit chain


def test_an_order_amended_to_a_medicine_the_allergy_matches_asks_again(session_for, medication_ward):
    """The reason given for one medicine was not weighed against another."""
    patient, amox, _ = medication_ward
    doctor = session_for("doctor")
    ordered = records.save_new(doctor, "medication_order", {**CO_AMOXICLAV, "drug": "Clarithromycin"},
                               patient_id=patient)
    with pytest.raises(medication.AllergyReasonNeeded):
        records.amend(doctor, ordered.record_id, {**ordered.data, "drug": "Tazocin"}, "wrong antibiotic")
    records.amend(doctor, ordered.record_id, {**ordered.data, "drug": "Tazocin", "allergy_reason": "ID advice"},
                  "wrong antibiotic")
    before = records.current(doctor.db, amox)
    with pytest.raises(medication.AllergyReasonNeeded):
        records.amend(doctor, amox, {**before.data, "drug": "Flucloxacillin"}, "other penicillin")
    records.amend(doctor, amox, {**before.data, "indication": "chest"}, "indication")


def test_an_order_an_allergy_found_since_matches_is_stopped_without_a_reason_to_prescribe_it(
        session_for, medication_ward):
    """A clarithromycin allergy recorded after the order was written: the doctor stopping the
    order for it was refused, asked why they prescribed it all the same. Stopping it prescribes
    nothing; changing anything else, or its stop to later, still asks."""
    patient, _, _ = medication_ward
    doctor, nurse = session_for("doctor"), session_for("nurse")
    ordered = records.save_new(doctor, "medication_order", {**CO_AMOXICLAV, "drug": "Clarithromycin"},
                               patient_id=patient)
    [admission] = records.list_current(nurse.db, form_id="admission", patient_id=patient)
    records.amend(nurse, admission.record_id, {**admission.data, "allergies": [
        *admission.data["allergies"], {"substance": "Clarithromycin", "reaction": "Rash", "severity": "moderate"}]},
        "allergy found")
    with pytest.raises(medication.AllergyReasonNeeded):
        records.amend(doctor, ordered.record_id, {**ordered.data, "dose": 0.5}, "half the dose")
    stopped = records.amend(doctor, ordered.record_id, {**ordered.data, "stop_at": "2026-11-28T09:00+01:00"},
                            "allergy")
    assert stopped.data["stop_at"] == "2026-11-28T09:00+01:00" and "allergy_reason" not in stopped.data
    with pytest.raises(medication.AllergyReasonNeeded):
        records.amend(doctor, ordered.record_id, {**stopped.data, "stop_at": "2026-11-29T09:00+01:00"}, "longer")


def test_a_known_controlled_drug_cannot_be_ordered_as_not_controlled(session_for, medication_ward):
    """Oxycodone ordered with "Controlled drug" No was given with no witness and no register line."""
    patient, _, _ = medication_ward
    doctor = session_for("doctor")
    oxycodone = {**CO_AMOXICLAV, "drug": "Oxycodone", "dose": 5.0, "dose_unit": "mg", "route": "PO"}
    with pytest.raises(ServiceError, match="“Controlled drug \\(witness needed\\)” must be Yes for Oxycodone, a "
                                           "controlled drug."):
        records.save_new(doctor, "medication_order", oxycodone, patient_id=patient)
    saved = records.save_new(doctor, "medication_order", {**oxycodone, "controlled": True}, patient_id=patient)
    with pytest.raises(ServiceError, match="must be Yes"):
        records.amend(doctor, saved.record_id, {**saved.data, "controlled": False}, "not a CD")


def test_an_order_loaded_as_not_controlled_still_needs_a_witness(session_for, medication_ward):
    """An order from the EHR's snapshot (or written before the rule) is read as controlled."""
    patient, _, _ = medication_ward
    clerk, nurse = session_for("records"), session_for("nurse")
    saved = records.save_imported(clerk, "medication_order", {**CO_AMOXICLAV, "drug": "Oxycodone", "dose": 5.0,
                                                              "dose_unit": "mg", "route": "PO"},
                                  patient, "0b7c3f6e-8d1a-4c55-9a3e-2f4d6b8a9c10")
    assert not saved.data["controlled"]
    assert medication.order(nurse.db, saved.record_id).controlled
    with pytest.raises(ServiceError, match="witness"):
        medication.record_dose(nurse, saved.record_id, {"outcome": "given", "given_at": "2026-11-28T08:05+01:00",
                                                        "scheduled_for": "2026-11-28T08:00+01:00", "dose_given": 5.0,
                                                        "route": "PO"})


def _allergies_not_known(nurse, patient):
    admission = next(record for record in records.list_current(nurse.db, patient_id=patient)
                     if record.form_id == "admission")
    records.amend(nurse, admission.record_id, {**admission.data, "allergy_status": "unknown", "allergies": []},
                  "allergy list was another patient's")


def test_a_dose_while_allergies_are_not_known_asks_first(session_for, medication_ward):
    """Nothing was asked: the allergy check had nothing to match."""
    patient, amox, _ = medication_ward
    nurse = session_for("nurse")
    _allergies_not_known(nurse, patient)
    values = {"outcome": "given", "given_at": "2026-11-28T08:05+01:00", "scheduled_for": "2026-11-28T08:00+01:00",
              "dose_given": 1.0, "route": "IV"}
    with pytest.raises(medication.OverrideNeeded) as caught:
        medication.record_dose(nurse, amox, values)
    assert [(w.check, w.message) for w in caught.value.warnings] == [
        (Check.ALLERGY_UNKNOWN, "Allergies not known yet: ask the patient or their family before giving.")]
    saved = medication.record_dose(nurse, amox, values, overrides={Check.ALLERGY_UNKNOWN: "Daughter says none known"})
    assert saved.data["overrides"] == [{"check": "allergy_unknown", "reason": "Daughter says none known"}]
    not_given = medication.record_dose(nurse, amox, {"outcome": "not_given", "given_at": "2026-11-28T13:55+01:00",
                                                     "scheduled_for": "2026-11-28T14:00+01:00",
                                                     "not_given_reason": "refused"})
    assert "overrides" not in not_given.data


@pytest.mark.parametrize("route, questioned", [("IM", True), ("PO", True), ("IV", False), ("iv", False),
                                               ("IVL", False), ("Intraveineuse", False), ("intravenous", False)])
def test_a_route_other_than_the_orders_is_questioned(session_for, medication_ward, route, questioned):
    """Amoxicillin ordered IV, recorded IM: nothing was said."""
    patient, amox, _ = medication_ward
    nurse = session_for("nurse")
    values = {"outcome": "given", "given_at": "2026-11-28T08:05+01:00", "scheduled_for": "2026-11-28T08:00+01:00",
              "dose_given": 1.0, "route": route}
    warnings = medication.check_dose(nurse, amox, values)
    assert [w.message for w in warnings if w.check is Check.ROUTE_MISMATCH] == (
        [f"Route {route} differs from the order (IV)."] if questioned else [])


def test_the_nurse_warned_of_the_allergy_reads_why_the_doctor_prescribed_it(session_for, medication_ward):
    """The doctor gave the reason at prescribing, kept in the order; at the round the nurse read
    only "Co-amoxiclav matches the recorded allergy", and had to find the order to know why."""
    patient, _, _ = medication_ward
    order = records.save_new(session_for("doctor"), "medication_order",
                             {**CO_AMOXICLAV, "allergy_reason": "Tolerated in 2025, allergist's letter"},
                             patient_id=patient)
    nurse = session_for("nurse")
    (allergy,) = [warning for warning in medication.check_dose(nurse, order.record_id, {
        "outcome": "given", "given_at": "2026-11-28T08:05+01:00", "scheduled_for": "2026-11-28T08:00+01:00",
        "dose_given": 1.2, "route": "IV"}) if warning.check is Check.ALLERGY]
    assert allergy.text("en") == ("Co-amoxiclav matches the recorded allergy: Penicillin. Prescribed all the same: "
                                  "“Tolerated in 2025, allergist's letter”.")


def test_a_new_order_stopped_before_its_start_is_refused_at_its_stop(session_for, medication_ward):
    """Ondansetron written from 01/12 00:07 with its stop typed 30/11 (a day slipped) was saved: it
    never came on the round nor into a chart's cell, and the doctor thought it prescribed. A
    stop added later to an order not started yet still stops it (it will never be given)."""
    patient, _, _ = medication_ward
    doctor = session_for("doctor")
    ondansetron = {**CO_AMOXICLAV, "drug": "Ondansetron", "dose": 4.0, "dose_unit": "mg",
                   "start_at": "2026-12-01T00:07+01:00", "stop_at": "2026-11-30T00:07+01:00"}
    with pytest.raises(ServiceError, match="^“Stop \\(leave empty if ongoing\\)” is before “Start”: the order would "
                                           "never be given.$"):
        records.save_new(doctor, "medication_order", ondansetron, patient_id=patient)
    assert not [o for o in medication.orders(doctor.db, patient, doctor.clock()) if o.drug == "Ondansetron"]
    saved = records.save_new(doctor, "medication_order", {**ondansetron, "stop_at": None}, patient_id=patient)
    stopped = records.amend(doctor, saved.record_id, ondansetron, "not needed after all")
    assert stopped.data["stop_at"] == "2026-11-30T00:07+01:00"


def test_a_new_order_stopped_at_its_start_is_refused_too(session_for, medication_ward, clock):
    """Stopped at the very minute it started, an order has no time left to be given: it was saved,
    and came on no round (the once-only one read "not recorded (stopped)")."""
    patient, _, _ = medication_ward
    doctor = session_for("doctor")
    for frequency in ({"frequency": "scheduled", "times": "08:00"}, {"frequency": "once", "times": None}):
        with pytest.raises(ServiceError, match="^“Stop \\(leave empty if ongoing\\)” is the time of “Start”: the order "
                                               "would never be given.$"):
            records.save_new(doctor, "medication_order", {
                **CO_AMOXICLAV, **frequency, "drug": "Ondansetron", "dose": 4.0, "dose_unit": "mg",
                "start_at": "2026-11-28T08:00+01:00", "stop_at": "2026-11-28T08:00+01:00"}, patient_id=patient)


def test_an_order_while_the_patients_allergies_are_not_known_asks_the_prescriber(session_for, medication_ward):
    """Amoxicillin written for a patient admitted an hour ago, nobody yet asked about allergies:
    the doctor was asked nothing (the nurse alone was, at each dose). Asked of a new order, and
    of an amendment to another medicine; not of one changing the dose of the same."""
    patient, amox, _ = medication_ward
    doctor, nurse = session_for("doctor"), session_for("nurse")
    paracetamol = {**CO_AMOXICLAV, "drug": "Paracetamol", "dose": 1.0, "route": "PO"}
    assert medication.allergies_unknown(doctor, patient, paracetamol) is None  # penicillin allergy recorded
    _allergies_not_known(nurse, patient)
    asked = "Allergies not known yet: ask the patient or their family before prescribing."
    assert medication.allergies_unknown(doctor, patient, paracetamol) == asked
    before = records.current(doctor.db, amox).data
    assert medication.allergies_unknown(doctor, patient, {**before, "dose": 2.0}, before) is None
    assert medication.allergies_unknown(doctor, patient, {**before, "drug": "Ceftriaxone"}, before) == asked


def test_a_new_order_starting_after_its_patient_died_or_left_is_refused(session_for, medication_ward, clock):
    """An order written at 04:10 for the patient whose death was verified at 03:40 (chosen from the
    search, the living patient meant) was saved without a word, as one for a patient transferred
    out or discharged. An order written before the death (typed from paper afterwards) is saved,
    and an order of theirs can still be stopped."""
    from datetime import datetime

    patient, amox, _ = medication_ward
    doctor = session_for("doctor")
    clock.now = datetime.fromisoformat("2026-11-29T04:10+01:00")
    records.save_new(doctor, "death", {**death_answers("2026-11-29T03:40+01:00"), "verified_by": "Dr Benali",
                                       "expected": False, "family_informed": True}, patient_id=patient)
    paracetamol = {**CO_AMOXICLAV, "drug": "Paracetamol", "dose": 1.0, "route": "PO", "times": "08:00",
                   "start_at": "2026-11-29T04:10+01:00"}
    with pytest.raises(ServiceError, match="^Start: this patient is deceased at that time .*: check the patient and "
                                           "the time.$"):
        records.save_new(doctor, "medication_order", paracetamol, patient_id=patient)
    records.save_new(doctor, "medication_order", {**paracetamol, "start_at": "2026-11-29T02:00+01:00"},
                     patient_id=patient)
    records.amend(doctor, amox, {**records.current(doctor.db, amox).data, "stop_at": "2026-11-29T03:40+01:00"},
                  "patient died")


def test_an_order_left_open_by_an_earlier_stay_is_not_already_ordered(session_for, medication_ward, earlier_stay):
    """Furosemide 40 mg PO of the first stay, never stopped, the patient discharged on 27/11 at
    21:00 and readmitted: furosemide ordered in this stay asked 'Already ordered: Furosemide…'
    of an order that ended with that stay. It is read as stopped at the discharge, as the chart
    and the export read it: an order written back into that stay is still asked about, so."""
    patient, doctor = medication_ward[0], session_for("doctor")
    values = {**CO_AMOXICLAV, "drug": "Furosemide", "dose": 40.0, "dose_unit": "mg", "route": "PO", "times": "14:00",
              "start_at": "2026-11-28T14:30+01:00"}
    assert medication.duplicate_orders(doctor, values, patient) is None
    assert medication.duplicate_orders(doctor, {**values, "start_at": "2026-11-27T16:00+01:00"}, patient) == (
        "Already ordered: Furosemide 40 mg PO, at 14:00, from 27/11/2026 11:00, stopped 27/11/2026 21:00 at the "
        "patient's discharge.")


HOURLY = " ".join(f"{hour:02d}:00" for hour in range(24))


@pytest.mark.parametrize("times, said", [
    ("23:59 00:00", "“Administration times”: 23:59 and 00:00 are 1 min apart; a regular order's times are at least "
                    "30 min apart."),
    ("08:00 08:00", "“Administration times”: 08:00 is written twice."),
    ("08:00 14:00 20:00 08:20", "“Administration times”: 08:00 and 08:20 are 20 min apart; a regular order's times "
                                "are at least 30 min apart."),
    (HOURLY + " 00:30", "“Administration times”: 25 times; at most 24 a day (one each hour)."),
])
def test_an_order_whose_times_cannot_each_be_given_is_refused_on_its_times(session_for, medication_ward, times, said):
    """"23:59 00:00" and "08:00 08:00" were saved: two lines a minute apart (or one time twice) on
    the round, the second dose given with no warning. Refused on the field, nothing written; an
    amendment to such times likewise."""
    from downtime.services.errors import ValidationFailed

    patient, amox, _ = medication_ward
    doctor = session_for("doctor")
    before = len(records.list_current(doctor.db, form_id="medication_order", patient_id=patient))
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(doctor, "medication_order", {**CO_AMOXICLAV, "drug": "Paracetamol", "times": times},
                         patient_id=patient)
    assert [(error.path, error.message) for error in refused.value.errors] == [("times", said)]
    assert len(records.list_current(doctor.db, form_id="medication_order", patient_id=patient)) == before
    order = records.current(doctor.db, amox)
    with pytest.raises(ValidationFailed):
        records.amend(doctor, amox, {**order.data, "times": times}, "more often")
    assert records.current(doctor.db, amox).version == order.version


@pytest.mark.parametrize("times", [HOURLY, " ".join(f"{hour:02d}:00" for hour in range(0, 24, 2)), "23:30 00:00"])
def test_hourly_and_two_hourly_orders_are_written(session_for, medication_ward, times):
    """"“Administration times” is too long (at most 60 characters)": an hourly or two-hourly
    regular order could not be written at all."""
    patient, _, _ = medication_ward
    saved = records.save_new(session_for("doctor"), "medication_order", {
        **CO_AMOXICLAV, "drug": "Ofloxacin 0.3% eye drops", "dose": 1.0, "dose_unit": "drop", "route": "TOP",
        "times": times}, patient_id=patient)
    assert medication.order_of(saved).times == tuple(time.fromisoformat(clock) for clock in times.split())
