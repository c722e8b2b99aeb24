"""A lithium level above its range holds the next dose until the prescriber amends the order
(domain.lithium, services.lithium): the evening's Priadel was given on a level of 1.8 phoned that
afternoon with nothing said. Said at the dose (an override with its reason), on the round; a
newer level in range ends it, and an amendment after it is said as the prescriber's decision."""

from datetime import datetime

import pytest

from downtime.domain.lithium import raises_lithium
from downtime.domain.medication import Check
from downtime.services import medication, records

DOSE = {"outcome": "given", "given_at": "2026-11-28T18:00+01:00", "scheduled_for": "2026-11-28T18:00+01:00",
        "dose_given": 400.0, "route": "PO"}


@pytest.fixture
def priadel(medication_ward, daily_order) -> tuple[str, str]:
    return medication_ward[0], daily_order("Priadel", 400.0, "mg", "18:00")


def _level(nurse, patient: str, result: str, at: str, range_: str = "0.4-1.0") -> None:
    records.save_new(nurse, "lab_result", {
        "received_by": "telephone", "caller": "Lab, biochemistry", "read_back": True, "test": "Lithium",
        "result": result, "units": "mmol/L", "range": range_, "flag": "abnormal", "received_at": at,
        "told": "Dr Benali", "told_at": at, "acknowledged": True, "action": "Doctor informed"}, patient_id=patient)


def _asked(nurse, order: str) -> list[str]:
    return [w.text("en") for w in medication.check_dose(nurse, order, DOSE) if w.check is Check.LITHIUM_HIGH]


def _on_the_round(nurse, order: str, at: datetime) -> list[str]:
    (item,) = [item for item in medication.round_list(nurse.db, nurse.forms, "3B", at)
               if item.order.record_id == order and item.slot == datetime.fromisoformat(DOSE["scheduled_for"])]
    return [w.text("en") for w in item.levels]


def test_a_high_lithium_level_holds_the_dose_until_the_order_is_amended(session_for, priadel, clock):
    patient, order = priadel
    nurse, doctor = session_for("nurse"), session_for("doctor")
    _level(nurse, patient, "0.8", "2026-11-28T09:00+01:00")
    clock.now = datetime.fromisoformat("2026-11-28T17:55+01:00")
    assert _asked(nurse, order) == []
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    _level(nurse, patient, "1.8", "2026-11-28T14:00+01:00")
    clock.now = datetime.fromisoformat("2026-11-28T17:55+01:00")
    held = ("Priadel: LITHIUM LEVEL 1.8 (0.4-1.0) received 28/11 14:00: above its range: hold it and ask the doctor "
            "(toxic from 1.5 mmol/L: tremor, vomiting, confusion).")
    assert _asked(nurse, order) == [held]
    assert held in _on_the_round(nurse, order, clock.now)
    (warning,) = medication.holds_now(nurse.db, [medication.order(nurse.db, order)], clock.now)[order]
    assert medication.on_letter(warning).text("en") == (
        "Priadel: LITHIUM LEVEL 1.8 (0.4-1.0) received 28/11 14:00: above its range.")
    with pytest.raises(medication.OverrideNeeded):
        medication.record_dose(nurse, order, DOSE)
    clock.now = datetime.fromisoformat("2026-11-28T16:00+01:00")
    records.amend(doctor, order, {**records.history(doctor.db, order)[-1].data, "dose": 200.0},
                  "Lithium 1.8: halved, level again tomorrow")
    clock.now = datetime.fromisoformat("2026-11-28T17:55+01:00")
    assert _asked(nurse, order) == []
    assert ("Priadel: lithium level 1.8 (0.4-1.0) received 28/11 14:00: order amended by the prescriber since: "
            "“Lithium 1.8: halved, level again tomorrow”.") in _on_the_round(nurse, order, clock.now)


def test_a_newer_level_in_range_ends_the_hold(session_for, priadel, clock):
    patient, order = priadel
    nurse = session_for("nurse")
    _level(nurse, patient, "1.6", "2026-11-28T09:00+01:00")
    clock.now = datetime.fromisoformat("2026-11-28T17:55+01:00")
    assert _asked(nurse, order)
    _level(nurse, patient, "0.9", "2026-11-28T15:00+01:00")
    assert _asked(nurse, order) == []


def test_a_medicine_raising_the_lithium_level_is_asked_of_the_prescriber(session_for, priadel, clock):
    """Ibuprofen for the knee of a patient on Priadel was saved unasked; its gel asks nothing."""
    patient, _ = priadel
    doctor = session_for("doctor")
    ibuprofen = {"drug": "Ibuprofen", "dose": 400.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
                 "times": "08:00 14:00 20:00", "start_at": "2026-11-28T14:00+01:00", "controlled": False,
                 "high_alert": False}
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        records.save_new(doctor, "medication_order", ibuprofen, patient_id=patient)
    assert asked.value.asked_on == "drug" and str(asked.value).startswith(
        "Ibuprofen raises the lithium level, and the patient is on Priadel: an NSAID, an ACE inhibitor, an angiotensin "
        "receptor blocker or a diuretic slows its clearance, toxic within days (NICE CG185, BNF).")
    assert records.save_new(doctor, "medication_order", {**ibuprofen, "dose_reason": "Lithium level on Monday"},
                            patient_id=patient)
    assert not raises_lithium("Ibuprofen 5% gel", "TOP") and not raises_lithium("Paracetamol", "PO")
    assert not raises_lithium("Aspirin 75 mg", "PO", 75.0) and raises_lithium("Aspirin", "PO", 2400.0)
