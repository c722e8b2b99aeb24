"""An anticoagulant's dose and order are weighed against what lies beyond their own medicine
(services.anticoagulation): the INR a warfarin dose waits on, another anticoagulant running beside
it, a VTE decision that the bleeding risk outweighs it, an operation booked within its hold. An
INR of 5.8 phoned at 13:00 left the 18:00 warfarin DUE and 5 mg of it saved unasked; enoxaparin
was given five minutes after the apixaban; a GI bleed's enoxaparin was given at 20:00 with only
the escalation list saying so; apixaban was given 30 minutes before a hernia repair."""

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings, strategies as st

from downtime.domain.anticoagulation import (heparin_infusion_refusal, heparin_refusal, heparin_units_per_ml,
                                             low_molecular_weight_refusal, held_before_operation, inr_high, overlap, prophylactic,
                                              rule_band)
from downtime.domain.lab_results import inr_reading, is_inr
from downtime.domain.medication import Check, Frequency, Order
from downtime.services import anticoagulation, medication, records, theatre
from downtime.services.errors import ValidationFailed

WARFARIN_RULE = "INR under 2: 5 mg; 2 to 3: 3 mg; 3 to 4: 1 mg; over 4: none and tell the doctor"
CHECKED = ("doctor", "2222")
PARIS = timezone(timedelta(hours=1))


def _order(doctor, patient, **values) -> str:
    return records.save_new(doctor, "medication_order", {
        "dose_unit": "mg", "frequency": "scheduled", "start_at": "2026-11-27T10:00+01:00", "controlled": False,
        "high_alert": True, **values}, patient_id=patient).record_id


def _inr(nurse, patient, received_at: str, value: str, flag: str = "critical") -> None:
    records.save_new(nurse, "lab_result", {
        "received_by": "telephone", "caller": "Lab, biochemistry", "read_back": True, "test": "INR", "result": value,
        "units": "", "range": "2.0–3.0", "flag": flag, "received_at": received_at, "told": "Dr Benali",
        "told_at": received_at, "acknowledged": True, "action": "Doctor informed"}, patient_id=patient)


def _dose(at: str, slot: str, dose: float, route: str, **more) -> dict:
    return {"outcome": "given", "dose_given": dose, "route": route, "given_at": at, "scheduled_for": slot, **more}


def _at_six(nurse, order_id: str, now: datetime):
    """The round's line of the order's 18:00 dose on 28/11."""
    (item,) = [item for item in medication.round_list(nurse.db, nurse.forms, "3B", now)
               if item.order.record_id == order_id and item.slot == datetime.fromisoformat("2026-11-28T18:00+01:00")]
    return item


def _decided(nurse, doctor, clock, order_id: str, dose: float, reason: str, values: dict) -> list[str]:
    """The order amended at 14:00 to `dose` for `reason`: at 18:05 its dose (`values`) asks nothing,
    and what the round's 18:00 line says of it."""
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    records.amend(doctor, order_id, {**records.history(doctor.db, order_id)[-1].data, "dose": dose}, reason)
    clock.now = datetime.fromisoformat("2026-11-28T18:05+01:00")
    assert _asked(nurse, order_id, values, Check.INR_HIGH) == []
    return [w.text("en") for w in _at_six(nurse, order_id, clock.now).levels]


def _asked(nurse, order_id: str, values: dict, *checks: Check) -> list[str]:
    return [w.text(nurse.lang) for w in medication.check_dose(nurse, order_id, values) if w.check in checks]


@pytest.fixture
def warfarin(session_for, medication_ward):
    patient = medication_ward[0]
    return patient, _order(session_for("doctor"), patient, drug="Warfarin", dose=5.0, route="PO", times="18:00",
                           dose_rule=WARFARIN_RULE, indication="atrial fibrillation")


WARFARIN_DOSE = _dose("2026-11-28T18:05+01:00", "2026-11-28T18:00+01:00", 3.0, "PO", decided_on="INR 5.8")


def test_an_inr_above_its_range_since_the_last_dose_holds_the_warfarin_until_a_reason_is_given(
        session_for, warfarin, clock):
    patient, order = warfarin
    nurse = session_for("nurse")
    _inr(nurse, patient, "2026-11-28T13:00+01:00", "5.8")
    clock.now = datetime.fromisoformat("2026-11-28T18:05+01:00")
    assert _asked(nurse, order, WARFARIN_DOSE, Check.INR_HIGH) == [
        "Warfarin: INR 5.8 (2.0–3.0) received 28/11 13:00: hold and ask the doctor."]
    with pytest.raises(medication.OverrideNeeded):
        medication.record_dose(nurse, order, WARFARIN_DOSE, witness=CHECKED)
    saved = medication.record_dose(nurse, order, WARFARIN_DOSE, witness=CHECKED,
                                   overrides={Check.INR_HIGH: "Dr Benali: give 3 mg, INR again tomorrow"})
    assert saved.data["overrides"] == [{"check": "inr_high", "reason": "Dr Benali: give 3 mg, INR again tomorrow"}]
    clock.now = datetime.fromisoformat("2026-11-29T18:05+01:00")  # the 5.8 came before the dose given on it
    assert _asked(nurse, order, {**WARFARIN_DOSE, "given_at": "2026-11-29T18:05+01:00",
                                 "scheduled_for": "2026-11-29T18:00+01:00"}, Check.INR_HIGH) == []


def test_an_inr_in_range_or_below_asks_nothing(session_for, warfarin, clock):
    patient, order = warfarin
    nurse = session_for("nurse")
    _inr(nurse, patient, "2026-11-28T13:00+01:00", "2.4")
    clock.now = datetime.fromisoformat("2026-11-28T18:05+01:00")
    assert _asked(nurse, order, {**WARFARIN_DOSE, "decided_on": "INR 2.4"},
                  Check.INR_HIGH, Check.INR_AWAITED, Check.INR_TYPED) == []


def test_the_vitamin_k_given_for_a_high_inr_is_not_the_warfarins_last_dose(session_for, medication_ward, clock):
    """The warfarin written with its reversal plan: the vitamin K given at 15:05 for the 9.0 of
    13:00 counted as the warfarin's last dose, and the 18:05 dose was asked nothing (review T1)."""
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    order = _order(doctor, patient, drug="Warfarin (vitamin K if INR > 8)", dose=5.0, route="PO", times="18:00",
                   dose_rule=WARFARIN_RULE, indication="atrial fibrillation")
    vitamin_k = _order(doctor, patient, drug="Vitamin K", dose=2.0, route="PO", times="15:00", high_alert=False,
                       start_at="2026-11-28T10:00+01:00")
    _inr(nurse, patient, "2026-11-28T13:00+01:00", "9.0")
    clock.now = datetime.fromisoformat("2026-11-28T15:05+01:00")
    medication.record_dose(nurse, vitamin_k, _dose("2026-11-28T15:05+01:00", "2026-11-28T15:00+01:00", 2.0, "PO"),
                           witness=CHECKED, overrides={check: "given as ordered" for check in Check})
    clock.now = datetime.fromisoformat("2026-11-28T18:05+01:00")
    assert _asked(nurse, order, {**WARFARIN_DOSE, "decided_on": "INR 9.0"}, Check.INR_HIGH) == [
        "Warfarin (vitamin K if INR > 8): INR 9.0 (2.0–3.0) received 28/11 13:00: hold and ask the doctor."]


def test_a_reading_typed_that_is_not_the_latest_inr_is_questioned(session_for, warfarin, clock):
    """Yesterday's "INR 2.4" copied from the paper chart over today's 5.8."""
    patient, order = warfarin
    nurse = session_for("nurse")
    _inr(nurse, patient, "2026-11-28T13:00+01:00", "5.8")
    clock.now = datetime.fromisoformat("2026-11-28T18:05+01:00")
    assert _asked(nurse, order, {**WARFARIN_DOSE, "decided_on": "INR 2.4"}, Check.INR_TYPED) == [
        "Warfarin: the reading typed (INR 2.4) is not the latest INR (5.8, received 28/11 13:00): check which is right "
        "before giving."]


def test_a_coagulation_sample_awaited_is_checked_before_the_warfarin(session_for, warfarin, clock):
    patient, order = warfarin
    nurse = session_for("nurse")
    records.save_new(nurse, "lab_request", {
        "taken_at": "2026-11-28T06:00+01:00", "urgency": "routine", "tests": ["coagulation"],
        "taken_by": "Hélène Lefèvre", "identified_at_bedside": True}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T18:05+01:00")
    assert _asked(nurse, order, WARFARIN_DOSE, Check.INR_AWAITED) == [
        "Warfarin: INR AWAITED (sent 28/11 06:00): check it before giving."]


def test_the_round_says_the_warfarins_inr_and_the_dialog_shows_the_latest(session_for, warfarin, clock):
    patient, order = warfarin
    nurse = session_for("nurse")
    _inr(nurse, patient, "2026-11-28T13:00+01:00", "5.8")
    clock.now = datetime.fromisoformat("2026-11-28T17:55+01:00")
    item = _at_six(nurse, order, clock.now)
    assert [w.check for w in item.levels] == [Check.INR_HIGH]
    found = medication.order(nurse.db, order)
    assert anticoagulation.for_the_dose(nurse.db, found, clock.now, "en") == (
        "Latest INR: 5.8 at 28/11 13:00", "INR 5.8")


@pytest.mark.parametrize("beyond", ["> 8", ">10", "INR supérieur à 8"])
def test_an_inr_beyond_the_assay_holds_the_warfarin_and_is_the_latest_shown(session_for, warfarin, clock, beyond):
    """The laboratory phones "> 8": yesterday's 2.4 was shown as the latest INR, and nothing asked."""
    patient, order = warfarin
    nurse = session_for("nurse")
    _inr(nurse, patient, "2026-11-27T13:00+01:00", "2.4")
    _inr(nurse, patient, "2026-11-28T13:00+01:00", beyond)
    clock.now = datetime.fromisoformat("2026-11-28T18:05+01:00")
    assert _asked(nurse, order, {**WARFARIN_DOSE, "decided_on": f"INR {beyond}"}, Check.INR_HIGH, Check.INR_TYPED) == [
        f"Warfarin: INR {beyond} (2.0–3.0) received 28/11 13:00: hold and ask the doctor."]
    assert anticoagulation.for_the_dose(nurse.db, medication.order(nurse.db, order), clock.now, "en") == (
        f"Latest INR: {beyond} at 28/11 13:00", f"INR {beyond}")


@pytest.mark.parametrize(("result", "high"), [("> 2", False), ("< 1", False), ("> 3", True), ("3.0", False)])
def test_a_bound_is_high_only_at_or_above_the_targets_top(result, high):
    reading = inr_reading(result)
    assert reading is not None and inr_high(reading, 3.0) is high


def test_an_inr_typed_with_words_is_shown_as_typed_and_not_compared(session_for, warfarin, clock):
    patient, order = warfarin
    nurse = session_for("nurse")
    _inr(nurse, patient, "2026-11-28T13:00+01:00", "8.5, repeat 8.7")
    clock.now = datetime.fromisoformat("2026-11-28T18:05+01:00")
    assert inr_reading("8.5, repeat 8.7") is None
    assert _asked(nurse, order, {**WARFARIN_DOSE, "decided_on": "INR 8.7"}, Check.INR_TYPED) == []
    assert anticoagulation.for_the_dose(nurse.db, medication.order(nurse.db, order), clock.now, "en")[0] == (
        "Latest INR: 8.5, repeat 8.7 at 28/11 13:00")


@pytest.mark.parametrize("flag, held", [("critical", True), ("abnormal", True), ("normal", False)])
def test_an_inr_flagged_and_not_read_as_one_number_holds_the_warfarin(session_for, warfarin, clock, flag, held):
    """"8.5, repeat 8.7" flagged Critical held nothing, where a potassium so flagged holds (BSH 2011:
    above 8 the warfarin is stopped); the prescriber's amendment since answers it."""
    patient, order = warfarin
    nurse = session_for("nurse")
    _inr(nurse, patient, "2026-11-28T13:00+01:00", "8.5, repeat 8.7", flag)
    clock.now = datetime.fromisoformat("2026-11-28T18:05+01:00")
    said = ("Warfarin: INR “8.5, repeat 8.7” received 28/11 13:00, flagged by the laboratory, not read as one number: "
            "hold and ask the doctor.")
    assert _asked(nurse, order, WARFARIN_DOSE, Check.INR_HIGH) == ([said] if held else [])
    if held:
        assert _decided(nurse, session_for("doctor"), clock, order, 0.5, "INR 8.7: 0.5 mg tonight", WARFARIN_DOSE) == [
            "Warfarin: INR 8.5, repeat 8.7 (2.0–3.0) received 28/11 13:00: order amended by the prescriber since: "
            "“INR 8.7: 0.5 mg tonight”."]


def test_only_the_latest_inr_since_the_last_dose_decides(session_for, warfarin, clock):
    """5.8 from a heparinised line at 07:00, repeated 2.6 at 13:00: the 18:00 dose was held for the 5.8."""
    patient, order = warfarin
    nurse = session_for("nurse")
    _inr(nurse, patient, "2026-11-28T07:00+01:00", "5.8")
    _inr(nurse, patient, "2026-11-28T13:00+01:00", "2.6")
    clock.now = datetime.fromisoformat("2026-11-28T17:55+01:00")
    dose = {**WARFARIN_DOSE, "decided_on": "INR 2.6"}
    assert _asked(nurse, order, dose, Check.INR_HIGH) == []
    item = _at_six(nurse, order, clock.now)
    assert item.levels == ()
    _inr(nurse, patient, "2026-11-28T15:00+01:00", "4.9")
    assert _asked(nurse, order, dose, Check.INR_HIGH) == [
        "Warfarin: INR 4.9 (2.0–3.0) received 28/11 15:00: hold and ask the doctor."]


def test_an_inr_before_a_rewritten_order_starts_is_weighed_from_the_medicines_last_dose(
        session_for, medication_ward, clock):
    """Yesterday's warfarin stopped at 14:00, today's written from 14:00: the 5.8 phoned at 13:00 held nothing."""
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    warfarin = {"drug": "Warfarin", "dose": 5.0, "route": "PO", "times": "18:00", "dose_rule": WARFARIN_RULE}
    old = _order(doctor, patient, **warfarin, stop_at="2026-11-28T14:00+01:00")
    clock.now = datetime.fromisoformat("2026-11-27T18:05+01:00")
    medication.record_dose(nurse, old, {**WARFARIN_DOSE, "given_at": "2026-11-27T18:05+01:00",
                                        "scheduled_for": "2026-11-27T18:00+01:00", "decided_on": "INR 2.4"},
                           witness=CHECKED)
    clock.now = datetime.fromisoformat("2026-11-28T18:05+01:00")
    _inr(nurse, patient, "2026-11-28T13:00+01:00", "5.8")
    records.save_new(nurse, "lab_request", {
        "taken_at": "2026-11-28T13:30+01:00", "urgency": "routine", "tests": ["coagulation"],
        "taken_by": "Hélène Lefèvre", "identified_at_bedside": True}, patient_id=patient)
    new = _order(doctor, patient, **warfarin, start_at="2026-11-28T14:00+01:00")
    assert _asked(nurse, new, WARFARIN_DOSE, Check.INR_HIGH, Check.INR_AWAITED) == [
        "Warfarin: INR 5.8 (2.0–3.0) received 28/11 13:00: hold and ask the doctor.",
        "Warfarin: INR AWAITED (sent 28/11 13:30): check it before giving."]


def test_an_inr_received_after_the_coagulation_sample_ends_its_wait_linked_or_not(session_for, warfarin, clock):
    """The 06:00 sample's INR phoned at 13:00, typed without its sample number: "INR AWAITED" for days."""
    patient, order = warfarin
    nurse = session_for("nurse")
    for taken in ("2026-11-28T06:00+01:00", "2026-11-28T06:30+01:00"):
        records.save_new(nurse, "lab_request", {
            "taken_at": taken, "urgency": "routine", "tests": ["coagulation"],
            "taken_by": "Hélène Lefèvre", "identified_at_bedside": True}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T12:00+01:00")
    assert _asked(nurse, order, WARFARIN_DOSE, Check.INR_AWAITED) == [
        "Warfarin: INR AWAITED (sent 28/11 06:30): check it before giving."]
    clock.now = datetime.fromisoformat("2026-11-30T18:05+01:00")
    _inr(nurse, patient, "2026-11-28T13:00+01:00", "2.4")
    assert _asked(nurse, order, {**WARFARIN_DOSE, "given_at": "2026-11-30T18:05+01:00",
                                 "scheduled_for": "2026-11-30T18:00+01:00", "decided_on": "INR 2.4"},
                  Check.INR_AWAITED) == []


def test_the_medication_chart_says_the_inr_and_the_other_anticoagulant_as_the_round_does(
        session_for, warfarin, clock):
    """The MAR chart, on screen and printed (what the ward gives from when the laptop is elsewhere),
    said neither the warfarin's INR of 5.8 nor the enoxaparin beside it that the round said."""
    patient, order = warfarin
    doctor, nurse = session_for("doctor"), session_for("nurse")
    enoxaparin = _order(doctor, patient, **{**ENOXAPARIN, "times": "18:00"})
    clock.now = datetime.fromisoformat("2026-11-28T17:55+01:00")
    _inr(nurse, patient, "2026-11-28T13:00+01:00", "5.8")
    on_round = {item.order.record_id: item for item in medication.round_list(nurse.db, nurse.forms, "3B", clock.now)
                if item.slot == datetime.fromisoformat("2026-11-28T18:00+01:00")}
    on_chart = {row.order.record_id: row for row in medication.mar_grids(
        nurse.db, [patient], clock.now.date(), 1, clock.now)[patient]}
    assert [w.text("en") for w in on_chart[order].levels] == [w.text("en") for w in on_round[order].levels] == [
        "Warfarin: INR 5.8 (2.0–3.0) received 28/11 13:00: hold and ask the doctor."]
    assert [o.record_id for o in on_chart[order].also_ordered] == [o.record_id for o in on_round[order].also_ordered] \
        == [enoxaparin]
    assert [o.record_id for o in on_chart[enoxaparin].also_ordered] == [order]


@pytest.mark.parametrize(("test", "inr"), [("INR", True), ("PT/INR", True), ("TP/INR", True), ("APTT", False),
                                          ("Prothrombin time", False), ("Inriched", False)])
def test_the_inr_is_read_by_its_name(test, inr):
    assert is_inr(test) is inr


APIXABAN = {"drug": "Apixaban", "dose": 5.0, "route": "PO", "times": "08:00 20:00", "indication": "AF"}
ENOXAPARIN = {"drug": "Enoxaparin", "dose": 40.0, "dose_unit": "mg", "route": "SC", "frequency": "scheduled",
              "times": "20:00", "start_at": "2026-11-28T10:00+01:00", "controlled": False, "high_alert": True}


def test_a_second_anticoagulant_is_asked_at_the_order_and_at_the_dose_and_flagged_on_the_round(
        session_for, medication_ward, clock):
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    apixaban = _order(doctor, patient, **APIXABAN)
    asked = medication.duplicate_orders(doctor, ENOXAPARIN, patient)
    assert asked is not None and asked.startswith("Already on an anticoagulant: Apixaban 5 mg PO"), asked
    assert asked.endswith("— stop it, or say why both."), asked
    enoxaparin = _order(doctor, patient, **ENOXAPARIN)
    clock.now = datetime.fromisoformat("2026-11-28T19:55+01:00")
    round_items = {item.order.record_id: item for item in medication.round_list(nurse.db, nurse.forms, "3B", clock.now)
                   if item.slot == datetime.fromisoformat("2026-11-28T20:00+01:00")}
    assert [other.record_id for other in round_items[enoxaparin].also_ordered] == [apixaban]
    assert [other.record_id for other in round_items[apixaban].also_ordered] == [enoxaparin]
    assert _asked(nurse, enoxaparin, _dose("2026-11-28T20:05+01:00", "2026-11-28T20:00+01:00", 40.0, "SC",
                                           site="left abdomen"), Check.TWO_ANTICOAGULANTS) == [
        "Enoxaparin: already on an anticoagulant (Apixaban 5 mg PO): two at once make a bleed likely. Ask the doctor "
        "before giving it."]


def test_a_switch_after_the_stop_is_not_two_anticoagulants(session_for, medication_ward, clock):
    """Apixaban stopped at 20:00 as enoxaparin starts at 20:00 (before an operation): a bridge."""
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    _order(doctor, patient, **APIXABAN, stop_at="2026-11-28T20:00+01:00")
    clock.now = datetime.fromisoformat("2026-11-28T12:00+01:00")
    assert medication.duplicate_orders(doctor, {**ENOXAPARIN, "start_at": "2026-11-28T20:00+01:00"}, patient) is None
    enoxaparin = _order(doctor, patient, **{**ENOXAPARIN, "start_at": "2026-11-28T20:00+01:00"})
    clock.now = datetime.fromisoformat("2026-11-28T20:05+01:00")
    assert _asked(nurse, enoxaparin, _dose("2026-11-28T20:05+01:00", "2026-11-28T20:00+01:00", 40.0, "SC",
                                           site="left abdomen"), Check.TWO_ANTICOAGULANTS) == []


def test_an_anticoagulant_given_against_the_vte_decision_for_bleeding_is_asked(session_for, medication_ward, clock):
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    enoxaparin = _order(doctor, patient, **ENOXAPARIN)
    dose = _dose("2026-11-28T20:05+01:00", "2026-11-28T20:00+01:00", 40.0, "SC", site="left abdomen")
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    assert _asked(nurse, enoxaparin, dose, Check.AGAINST_VTE_DECISION) == []
    records.save_new(doctor, "vte_assessment", {
        "assessed_at": "2026-11-28T14:00+01:00", "mobility": "medical_reduced", "thrombosis_risks": ["over_60"],
        "bleeding_risks": ["active_bleeding"], "prophylaxis": "contraindicated", "notes": "Melaena"},
        patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T20:05+01:00")
    (said,) = _asked(nurse, enoxaparin, dose, Check.AGAINST_VTE_DECISION)
    assert said.startswith("Enoxaparin: the VTE decision of 28/11 14:00 is None: bleeding risk outweighs it"), said
    assert said.endswith("active bleeding: ask the doctor before giving it."), said


def test_a_dose_within_its_hold_before_a_booked_operation_is_asked(session_for, medication_ward, clock):
    patient = medication_ward[0]
    coord, doctor, nurse = session_for("coord"), session_for("doctor"), session_for("nurse")
    apixaban = _order(doctor, patient, **APIXABAN)
    listed = records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery", "starts_at": "2026-11-30T08:00+01:00",
        "ends_at": "2026-11-30T13:00+01:00"}).record_id
    theatre.book(coord, patient, {
        "procedure": "Inguinal hernia repair", "laterality": "left", "priority": "elective",
        "decided_at": "2026-10-01T10:00+01:00", "surgeon": "Dr Roux", "session": listed,
        "planned_start": "2026-11-30T08:00+01:00", "expected_minutes": 60})
    clock.now = datetime.fromisoformat("2026-11-28T08:05+01:00")  # 48 h before: not asked
    assert _asked(nurse, apixaban, _dose("2026-11-28T08:00+01:00", "2026-11-28T08:00+01:00", 5.0, "PO"),
                  Check.BEFORE_OPERATION) == []
    clock.now = datetime.fromisoformat("2026-11-30T07:30+01:00")
    assert _asked(nurse, apixaban, _dose("2026-11-30T07:30+01:00", "2026-11-30T08:00+01:00", 5.0, "PO"),
                  Check.BEFORE_OPERATION) == [
        "Apixaban: operation booked 30/11 08:00, within 48 hours of this dose: ask the surgeon or anaesthetist "
        "whether to give it."]
    # A vitamin K antagonist's hold said in days, as a nurse counts it ("120 hours" was said).
    warfarin = _order(doctor, patient, drug="Warfarin", dose=5.0, route="PO", times="18:00", dose_rule=WARFARIN_RULE)
    clock.now = datetime.fromisoformat("2026-11-28T18:05+01:00")
    assert _asked(nurse, warfarin, WARFARIN_DOSE, Check.BEFORE_OPERATION) == [
        "Warfarin: operation booked 30/11 08:00, within 5 days of this dose: ask the surgeon or anaesthetist "
        "whether to give it."]


def _plain(drug: str, dose: float, unit: str = "mg", times: tuple[int, ...] = (20,), indication: str | None = None,
           once: bool = False, route: str = "SC") -> Order:
    from datetime import time
    return Order(record_id="o", patient_id="p", drug=drug, dose=dose, dose_unit=unit, route=route,
                 frequency=Frequency.ONCE if once else Frequency.SCHEDULED,
                 times=() if once else tuple(time(hour) for hour in times),
                 start_at=datetime(2026, 11, 28, 20, tzinfo=PARIS), indication=indication)


@pytest.mark.parametrize(("order", "expected"), [
    (_plain("Enoxaparin", 40), True), (_plain("Enoxaparin", 90), False), (_plain("Enoxaparin", 60, times=(8, 20)), False),
    (_plain("Lovenox", 4000, "units"), True), (_plain("Heparin", 5000, "units", (8, 20)), True),
    (_plain("Apixaban", 2.5, times=(8, 20)), False), (_plain("Apixaban", 5, times=(8, 20)), False),
    (_plain("Dabigatran", 110, times=(8, 20)), False), (_plain("Rivaroxaban", 20), False),
    (_plain("Rivaroxaban", 10, indication="thromboprophylaxis after hip replacement"), True),
    (_plain("Apixaban", 5, times=(8, 20), indication="stroke prevention in AF"), False),
    (_plain("Apixaban", 2.5, times=(8, 20), indication="prévention de la MTEV"), True),
    (_plain("Enoxaparin", 80, times=(8, 20), indication="prévention secondaire, valve"), False),
    (_plain("Enoxaparin", 80, indication="VTE prophylaxis, obese"), True),
    (_plain("Enoxaparin", 60, indication="DVT prevention"), True),
    (_plain("Warfarin", 1), False), (_plain("Heparin", 5000, "units", once=True, route="IV"), False)])
def test_a_plainly_prophylactic_dose_is_told_from_a_treatment_dose(order, expected):
    assert prophylactic(order) is expected


def test_the_hold_before_an_operation_depends_on_the_drug_and_its_dose():
    assert held_before_operation(_plain("Apixaban", 5, times=(8, 20))) == timedelta(hours=48)
    assert held_before_operation(_plain("Enoxaparin", 90)) == timedelta(hours=24)
    assert held_before_operation(_plain("Enoxaparin", 40)) == timedelta(hours=12)
    # Words never shorten the hold: a treatment dose "preventing" a valve thrombosis, or one whose
    # indication says prophylaxis at a treatment dose, keeps the treatment dose's 24 hours.
    assert held_before_operation(_plain("Enoxaparin", 100, times=(8, 20),
                                        indication="prevention of mechanical valve thrombosis")) == timedelta(hours=24)
    assert held_before_operation(_plain("Enoxaparin", 80, indication="VTE prophylaxis, obese")) == timedelta(hours=24)
    assert held_before_operation(_plain("Paracetamol", 1000)) is None
    # Fondaparinux by its half-life (AAGBI 2013: 36 to 42 hours), not as a low-molecular-weight heparin.
    assert held_before_operation(_plain("Fondaparinux", 2.5, times=(18,))) == timedelta(hours=42)
    assert held_before_operation(_plain("Arixtra", 7.5, times=(18,))) == timedelta(hours=42)
    # Unfractionated heparin under the skin by its dose (ASRA 2018), into a vein 6 hours.
    assert [held_before_operation(_plain("Heparin", dose, "units", times)) for dose, times in (
        (5000, (8, 20)), (5000, (6, 14, 22)), (7500, (8, 20)), (10000, (8, 20)), (12500, (8, 20)), (10000, (6, 14, 22)))] == [
        timedelta(hours=6), timedelta(hours=6), timedelta(hours=12), timedelta(hours=12), timedelta(hours=24),
        timedelta(hours=24)]
    assert held_before_operation(_plain("Heparin", 25000, "units", once=True, route="IV")) == timedelta(hours=6)
    assert held_before_operation(_plain("Calciparine", 0.5, "mL", (8, 20))) == timedelta(hours=24)  # in doubt, the longest


def test_dabigatran_is_held_before_an_operation_as_long_as_it_still_anticoagulates():
    """Dabigatran, cleared by the kidney, its clearance not known: 96 hours, as a fall and the
    theatre list count it (it was held 48 hours, as at a normal renal function, and a dose 50
    hours before theatre asked nothing); the other direct oral anticoagulants 48, warfarin 5 days."""
    assert held_before_operation(_plain("Pradaxa", 150, times=(8, 20))) == timedelta(hours=96)
    assert held_before_operation(_plain("Rivaroxaban", 20)) == timedelta(hours=48)
    assert held_before_operation(_plain("Warfarin", 5, route="PO")) == timedelta(days=5)


def test_a_once_only_dose_overlaps_an_order_running_then_only():
    bolus = _plain("Heparin", 5000, "units", once=True)
    running = _plain("Apixaban", 5, times=(8, 20)).model_copy(update={"start_at": datetime(2026, 11, 27, 8, tzinfo=PARIS)})
    assert overlap(bolus, running)
    assert not overlap(bolus, running.model_copy(update={"stop_at": datetime(2026, 11, 28, 20, tzinfo=PARIS)}))


def test_an_inr_within_a_band_of_the_orders_dose_rule_is_the_prescribers_decision_not_a_hold(
        session_for, warfarin, clock):
    """The rule's "3 to 4: 1 mg" for an INR of 3.4 was "hold and ask the doctor" at the dose, on the
    round and on the printed MAR each evening (review T2 #1): the decision is quoted instead."""
    patient, order = warfarin
    nurse = session_for("nurse")
    _inr(nurse, patient, "2026-11-28T11:00+01:00", "3.4")
    clock.now = datetime.fromisoformat("2026-11-28T17:55+01:00")
    decided = "Warfarin: INR 3.4 (2.0–3.0) received 28/11 11:00: dosed by the prescriber's rule (3 to 4: 1 mg)."
    assert _asked(nurse, order, {**WARFARIN_DOSE, "dose_given": 1.0, "decided_on": "INR 3.4"}, Check.INR_HIGH) == []
    item = _at_six(nurse, order, clock.now)
    (row,) = [row for row in medication.mar_grids(nurse.db, [patient], clock.now.date(), 1, clock.now)[patient]
              if row.order.record_id == order]
    assert [w.text("en") for w in item.levels] == [w.text("en") for w in row.levels] == [decided]
    assert medication.holding(item.levels) == medication.holding(row.levels) == []


def test_an_inr_beyond_the_rules_answered_bands_still_holds_the_warfarin(session_for, warfarin, clock):
    """"over 4: none and tell the doctor": an INR of 4.6 asks as before."""
    patient, order = warfarin
    nurse = session_for("nurse")
    _inr(nurse, patient, "2026-11-28T11:00+01:00", "4.6")
    clock.now = datetime.fromisoformat("2026-11-28T18:05+01:00")
    assert _asked(nurse, order, {**WARFARIN_DOSE, "decided_on": "INR 4.6"}, Check.INR_HIGH) == [
        "Warfarin: INR 4.6 (2.0–3.0) received 28/11 11:00: hold and ask the doctor."]


def test_an_order_amended_after_the_inr_came_back_is_the_prescribers_decision(session_for, medication_ward, clock):
    """A fixed-dose warfarin the doctor lowered to 1 mg once the INR of 3.4 was phoned: the nurse was
    still sent back to the doctor (review T2 #1); an amendment before the INR, or one not on the
    dose, decides nothing."""
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    order = _order(doctor, patient, drug="Warfarin", dose=3.0, route="PO", times="18:00",
                   indication="atrial fibrillation")
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    records.amend(doctor, order, {**records.history(doctor.db, order)[-1].data, "indication": "AF"}, "indication")
    clock.now = datetime.fromisoformat("2026-11-28T11:05+01:00")
    _inr(nurse, patient, "2026-11-28T11:00+01:00", "3.4")
    dose = _dose("2026-11-28T18:05+01:00", "2026-11-28T18:00+01:00", 1.0, "PO")
    clock.now = datetime.fromisoformat("2026-11-28T18:05+01:00")
    assert _asked(nurse, order, dose, Check.INR_HIGH) == [
        "Warfarin: INR 3.4 (2.0–3.0) received 28/11 11:00: hold and ask the doctor."]
    clock.now = datetime.fromisoformat("2026-11-28T11:30+01:00")  # not on the dose: no answer to the INR
    records.amend(doctor, order, {**records.history(doctor.db, order)[-1].data, "indication": "AF, paroxysmal"},
                  "indication")
    clock.now = datetime.fromisoformat("2026-11-28T18:05+01:00")
    assert _asked(nurse, order, dose, Check.INR_HIGH) == [
        "Warfarin: INR 3.4 (2.0–3.0) received 28/11 11:00: hold and ask the doctor."]
    assert _decided(nurse, doctor, clock, order, 1.0, "INR 3.4: 1 mg tonight", dose) == [
        "Warfarin: INR 3.4 (2.0–3.0) received 28/11 11:00: order amended by the prescriber since: “INR 3.4: 1 mg "
        "tonight”."]


@pytest.mark.parametrize(("result", "band"), [
    ("3.4", "3 to 4: 1 mg"), ("2.4", "2 to 3: 3 mg"), ("1.6", "INR under 2: 5 mg"), ("4.0", "3 to 4: 1 mg"),
    ("4.2", None), ("> 8", None)])
def test_the_dose_rules_band_is_read_for_an_inr_it_answers_only(result, band):
    reading = inr_reading(result)
    assert reading is not None
    assert rule_band(WARFARIN_RULE, reading) == band
    assert rule_band("INR 3-4: 1 mg; INR 4,5 à 6 : aucune prise, appeler le médecin", reading) == (
        "INR 3-4: 1 mg" if band == "3 to 4: 1 mg" else None)
    assert rule_band(None, reading) is None


STAT_ENOXAPARIN = {"drug": "Enoxaparin", "dose": 80.0, "route": "SC", "frequency": "once",
                   "start_at": "2026-11-27T10:00+01:00", "indication": "suspected PE"}
STAT_DOSE = _dose("2026-11-27T10:05+01:00", "2026-11-27T10:00+01:00", 80.0, "SC", site="left abdomen")


def test_a_once_only_anticoagulant_given_before_the_switch_is_not_a_second_one_at_the_dose(
        session_for, medication_ward, clock):
    """The stat enoxaparin of the day before, then the apixaban switched to the next morning: the
    order asked nothing and each apixaban dose was "two at once" with the round's "ALSO ON AN
    ANTICOAGULANT" (review T2 #3)."""
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    stat = _order(doctor, patient, **STAT_ENOXAPARIN)
    clock.now = datetime.fromisoformat("2026-11-27T10:05+01:00")
    medication.record_dose(nurse, stat, STAT_DOSE, witness=CHECKED)
    apixaban = {**APIXABAN, "dose": 10.0, "start_at": "2026-11-28T07:00+01:00", "indication": "PE"}
    assert medication.duplicate_orders(doctor, {**apixaban, "dose_unit": "mg", "frequency": "scheduled",
                                                "controlled": False, "high_alert": True}, patient) is None
    order = _order(doctor, patient, **apixaban)
    clock.now = datetime.fromisoformat("2026-11-28T07:55+01:00")
    (item,) = [item for item in medication.round_list(nurse.db, nurse.forms, "3B", clock.now)
               if item.order.record_id == order and item.slot == datetime.fromisoformat("2026-11-28T08:00+01:00")]
    assert item.also_ordered == ()
    assert _asked(nurse, order, _dose("2026-11-28T08:00+01:00", "2026-11-28T08:00+01:00", 10.0, "PO"),
                  Check.TWO_ANTICOAGULANTS) == []


def test_a_once_only_anticoagulant_written_while_another_runs_is_still_a_second_one(
        session_for, medication_ward, clock):
    """The stat enoxaparin given beside running apixaban: its evening dose is still asked."""
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    order = _order(doctor, patient, **APIXABAN)
    _order(doctor, patient, **{**STAT_ENOXAPARIN, "start_at": "2026-11-28T10:00+01:00"})
    clock.now = datetime.fromisoformat("2026-11-28T19:55+01:00")
    assert _asked(nurse, order, _dose("2026-11-28T20:00+01:00", "2026-11-28T20:00+01:00", 5.0, "PO"),
                  Check.TWO_ANTICOAGULANTS) == [
        "Apixaban: already on an anticoagulant (Enoxaparin 80 mg SC): two at once make a bleed likely. Ask the doctor "
        "before giving it."]


@pytest.mark.parametrize(("order", "age", "kg", "said"), [
    (_plain("Heparin", 5000, "units", (8, 20)), 70, 80.0, None),
    (_plain("Heparin sodium", 15000, "units", (8, 20)), 70, 80.0, None),
    (_plain("Heparin", 50000, "units"), 70, 80.0, "refused"),  # the prophylactic 5,000 a zero too many
    (_plain("Héparine calcique", 20000, "units", (8, 20)), 70, 80.0, "asked"),
    (_plain("Heparin", 10000, "units", once=True, route="IV"), 70, 80.0, None),
    (_plain("Heparin", 12500, "units", once=True, route="IV"), 70, None, "asked"),
    (_plain("Heparin", 5000, "units", once=True, route="IV"), 6, 20.0, "asked"),  # 250 units/kg for a 75
    (_plain("Heparin", 1500, "units", once=True, route="IV"), 6, 20.0, None),
    (_plain("Heparin", 5000, "units", (8, 20)), 6, 20.0, None),  # 250 units/kg SC every 12 hours
    (_plain("Heparin", 5000, "units", (8, 20)), 6, None, None),  # no weight: not weighed here
    (_plain("Enoxaparin", 50000, "units"), 70, 80.0, None),  # a low-molecular-weight heparin's own rules
    (_plain("Hepsal 50 units in 5 mL", 50, "units", once=True, route="IV"), 70, 80.0, None)])
def test_one_dose_of_unfractionated_heparin_is_weighed_by_its_route_and_a_childs_weight(order, age, kg, said):
    refusal = heparin_refusal(order, age, kg)
    assert (None if refusal is None else "asked" if refusal.asked else "refused") == said
    assert refusal is None or refusal.field == "dose"


def test_a_heparin_infusion_is_not_weighed_as_one_dose():
    """Its syringe's 25,000 units go in by the APTT's rate, not at once."""
    syringe = _plain("Heparin sodium 25,000 units in 50 mL", 25000, "units", once=True, route="IV")
    assert heparin_refusal(syringe.model_copy(update={"form": "infusion", "rate_ml_h": 2.0}), 70, 80.0) is None
    assert heparin_refusal(syringe, 70, 80.0) is not None


def test_heparin_50000_units_under_the_skin_is_refused_and_20000_asked(session_for, medication_ward):
    patient = medication_ward[0]
    doctor = session_for("doctor")
    values = {"drug": "Heparin", "dose_unit": "units", "route": "SC", "times": "08:00 20:00",
              "indication": "VTE prophylaxis"}
    with pytest.raises(ValidationFailed) as refused:
        _order(doctor, patient, dose=50000.0, **values)
    assert [(error.path, error.message) for error in refused.value.errors] == [("dose", (
        "Dose: Heparin: 50000 units in one dose is more than any ward gives of unfractionated heparin (at most 40000 "
        "units): a zero too many? Correct the dose; an infusion is written as one, with its rate."))]
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        _order(doctor, patient, dose=20000.0, **values)
    assert str(asked.value).startswith("Heparin: 20000 units under the skin in one dose is above the most BNF gives "
                                       "(15000 units every 12 hours, a treatment dose)")
    assert _order(doctor, patient, dose=20000.0, dose_reason="APTT-adjusted, haematology advice", **values)


@pytest.mark.parametrize(("order", "age", "kg", "said"), [
    (_plain("Tinzaparin", 12000, "units"), 70, 70.0, None),  # 171 units/kg once a day
    (_plain("Innohep", 14000, "units"), 70, 70.0, None),  # 200 units/kg: a syringe's rounding
    (_plain("Tinzaparin", 18000, "units"), 70, 70.0, "asked"),  # 257 units/kg
    (_plain("Tinzaparin", 87500, "units"), 70, 50.0, "refused"),  # 8,750 a zero too many
    (_plain("Tinzaparin", 60000, "units"), 70, 70.0, "asked"),  # 857 units/kg: just under five times
    (_plain("Tinzaparin", 4500, "units"), 70, None, None),  # prophylaxis needs no weight
    (_plain("Tinzaparin", 12000, "units"), 70, None, "asked"),  # a treatment dose, never weighed
    (_plain("Tinzaparin", 2000, "units"), 0, 8.0, None),  # a baby's 250 units/kg
    (_plain("Tinzaparin", 1000, "units"), 8, None, "asked"),  # a child is dosed by the kg at any dose
    (_plain("Fragmin", 7500, "units", (8, 20)), 70, 60.0, None),  # 125 units/kg twice: 250 a day, an ACS's
    (_plain("Dalteparin", 9000, "units", (8, 20)), 70, 60.0, "asked"),  # 300 units/kg a day
    (_plain("Dalteparin", 3000, "units", (8, 20)), 6, 20.0, None),  # a child's 150 twice a day
    (_plain("Dalteparin", 4000, "units", (8, 20)), 6, 20.0, "asked"),  # 200 twice a day
    (_plain("Fraxiparine", 5700, "units", (8, 20)), 70, 70.0, None),  # 81 units/kg twice a day
    (_plain("Fraxodi", 17100, "units"), 70, 70.0, "asked"),  # 244 units/kg, the 0.9 mL of 100 kg
    (_plain("Tinzaparin", 12000, "units", once=True, route="IV").model_copy(update={"form": "infusion",
                                                                                   "rate_ml_h": 2.0}), 70, 70.0, None),
    (_plain("Enoxaparin", 12000, "units"), 70, 70.0, None),  # weighed as its mg (domain.dose_limits)
    (_plain("Heparin", 12000, "units"), 70, None, None)])
def test_a_low_molecular_weight_heparin_in_units_is_weighed_by_the_kg(order, age, kg, said):
    refusal = low_molecular_weight_refusal(order, age, kg)
    assert (None if refusal is None else "asked" if refusal.asked else "refused") == said
    assert refusal is None or refusal.field == "dose"


def test_tinzaparin_five_times_the_dose_is_refused_and_a_treatment_dose_never_weighed_asked(
        session_for, medication_ward, admission_values):
    """The ward's patient weighs 61.5 kg; the one admitted beside her has no weight recorded."""
    doctor = session_for("doctor")
    unweighed = records.save_new(session_for("nurse"), "admission", {
        **{key: value for key, value in admission_values.items() if key != "weight_kg"}, "nir": None, "bed": "13",
        "given_names": "Paule", "arrival_at": "2026-11-27T09:00+01:00"}).patient_id
    values = {"drug": "Tinzaparin", "dose_unit": "units", "route": "SC", "times": "18:00",
              "indication": "pulmonary embolism"}
    with pytest.raises(ValidationFailed) as refused:
        _order(doctor, medication_ward[0], dose=54000.0, **values)
    assert [(error.path, error.message) for error in refused.value.errors] == [("dose", (
        "Dose: Tinzaparin: 54000 units in one dose is 878 units/kg for 61.5 kg, 5 times or more the most BNF gives "
        "(175 units/kg a dose): a zero too many? Correct the dose."))]
    assert _order(doctor, medication_ward[0], dose=10700.0, **values)
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        _order(doctor, unweighed, dose=10700.0, **values)
    assert str(asked.value) == (
        "Tinzaparin: 10700 units a day is more than its prophylactic dose (4500 units), a treatment dose given by the "
        "kg (at most 175 units/kg), and no weight is recorded this stay: weigh the patient and check the dose. If it "
        "is meant, give the weight used in “Dose to check: why (opioid-tolerant, current dose; weight used; meningitis "
        "dose)”.")
    assert _order(doctor, unweighed, dose=10700.0, dose_reason="weighed 61 kg in clinic", **values)


def _syringe(drug: str, dose: float, unit: str, rate: float) -> Order:
    return _plain(drug, dose, unit, once=True, route="IV").model_copy(update={"form": "infusion", "rate_ml_h": rate})


@pytest.mark.parametrize(("order", "age", "kg", "said"), [
    (_syringe("Heparin sodium 25,000 units in 50 mL", 50, "mL", 2.5), 70, 70.0, None),  # 1,250 units/h, 18/kg
    (_syringe("Héparine sodique 25 000 UI/50 mL", 25000, "units", 4.0), 70, None, None),  # 2,000 units/h
    (_syringe("Heparin sodium 25,000 units in 50 mL", 50, "mL", 5.0), 70, None, "asked"),  # 2,500 units/h
    (_syringe("Heparin sodium 25,000 units in 50 mL", 50, "mL", 3.0), 70, 45.0, "asked"),  # 33 units/kg/h
    (_syringe("Heparin sodium 25,000 units in 50 mL", 50, "mL", 20.0), 70, 70.0, "refused"),  # 2 mL/h, a zero on
    (_syringe("Heparin 1000 units/mL", 50, "mL", 1.5), 70, 70.0, None),
    (_syringe("Heparin 1000 units/mL", 50, "mL", 20.0), 70, 70.0, "refused"),
    (_syringe("Heparin sodium in 50 mL", 25000, "units", 0.5), 0, 4.0, "asked"),  # 62.5 units/kg/h for a baby
    (_syringe("Heparin sodium in 50 mL", 10000, "units", 0.5), 0, 4.0, None),  # 25 units/kg/h
    (_syringe("Heparin sodium", 25000, "units", 20.0), 70, 70.0, None),  # its volume not written: not read
    (_syringe("Heparin 5000 units in 50 mL or 25000 units in 50 mL", 50, "mL", 20.0), 70, 70.0, None),
    (_plain("Heparin sodium 25,000 units in 50 mL", 50, "mL", once=True, route="IV"), 70, 70.0, None),  # no rate
    (_syringe("Enoxaparin 10000 units in 50 mL", 50, "mL", 20.0), 70, 70.0, None)])
def test_a_heparin_infusions_rate_is_weighed_in_units_an_hour_by_its_syringes_strength(order, age, kg, said):
    refusal = heparin_infusion_refusal(order, order.rate_ml_h, age, kg)
    assert (None if refusal is None else "asked" if refusal.asked else "refused") == said
    assert refusal is None or refusal.field == "rate_ml_h"


def test_a_heparin_syringe_at_ten_times_its_rate_is_refused_on_the_rate(session_for, medication_ward):
    doctor = session_for("doctor")
    values = {"drug": "Heparin sodium 25,000 units in 50 mL", "dose": 50.0, "dose_unit": "mL", "route": "IV",
              "form": "infusion", "times": "14:00", "dose_rule": "APTT nomogram"}
    with pytest.raises(ValidationFailed) as refused:
        _order(doctor, medication_ward[0], rate_ml_h=20.0, **values)
    assert [(error.path, error.message) for error in refused.value.errors] == [("rate_ml_h", (
        "Infusion rate: Heparin sodium 25,000 units in 50 mL: 20 mL/h at 500 units/mL is 10000 units/h, more than any "
        "ward runs heparin at (at most 5000 units/h): a slip of the rate or of the syringe's strength? Correct it."))]
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        _order(doctor, medication_ward[0], rate_ml_h=4.0, **values)
    assert asked.value.asked_on == "rate_ml_h" and str(asked.value).startswith(
        "Heparin sodium 25,000 units in 50 mL: 4 mL/h at 500 units/mL is 2000 units/h, 32.5 units/kg/h for 61.5 kg")
    assert _order(doctor, medication_ward[0], rate_ml_h=2.2, **values)


@given(st.text(max_size=60), st.integers(1000, 50000), st.integers(1, 1000), st.sampled_from(["{:,}", "{:_}", "{}"]))
@settings(max_examples=60, deadline=None)
def test_a_syringes_strength_is_read_from_any_name_typed(typed, units, ml, written):
    """Whatever is typed, a strength read is a number of units a mL; one written whole is read so."""
    found = heparin_units_per_ml(_syringe(f"Heparin {typed}", 50, "mL", 2.0))
    assert found is None or found >= 0
    name = f"Heparin sodium {written.format(units).replace('_', ' ')} units in {ml} mL"
    assert heparin_units_per_ml(_syringe(name, ml, "mL", 2.0)) == pytest.approx(units / ml)
