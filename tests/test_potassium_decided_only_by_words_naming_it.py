"""Only the prescriber's words naming the potassium (domain.potassium.names_potassium) are their
decision on a high one, on a new order as on an amendment: a ramipril written after a 6.8 with
"weight used 70 kg" already in its dose reason was saved unasked and its doses said "amended by the
prescriber since: weight used 70 kg", the hold lifted (review S2 S1); and a bisoprolol amended to
spironolactone, "wrong medicine picked", a new medicine raising the potassium, was neither asked
nor held (review S2 S3)."""

from datetime import datetime

import pytest

from downtime.services import medication, records
from tests.test_high_potassium_holds_the_medicines_that_raise_it import (  # noqa: F401 (a fixture)
    _asked,
    _on_the_round,
    _phoned_high,
    raisers,
)

TWO_PM = "2026-11-29T14:00+01:00"
ASKED = ("Ramipril: POTASSIUM 6.8 mmol/L (3.5–5.3) received 29/11 10:30, and this medicine raises it: give the reason "
         "to prescribe it all the same, naming the potassium, in “Dose to check: why (opioid-tolerant, current dose; "
         "weight used; meningitis dose)”.")
HELD = "POTASSIUM 6.8 mmol/L (3.5–5.3) received 29/11 10:30, and this medicine raises it: hold and ask the doctor."


def _order(drug: str, **more: object) -> dict:
    return {"drug": drug, "dose": 5.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled", "times": "14:00",
            "start_at": "2026-11-29T11:00+01:00", "indication": "Heart failure", "controlled": False,
            "high_alert": False, **more}


def _round(nurse, order: str) -> list[str]:
    return [w.text("en") for item in medication.round_list(nurse.db, nurse.forms, "3B", nurse.clock())
            if item.order.record_id == order for w in item.levels]


def test_a_dose_reason_typed_for_something_else_is_asked_to_name_the_potassium(session_for, medication_ward, clock):
    patient = medication_ward[0]
    _phoned_high(session_for, patient, clock)
    doctor = session_for("doctor")
    clock.now = datetime.fromisoformat("2026-11-29T11:00+01:00")
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        records.save_new(doctor, "medication_order", _order("Ramipril", dose_reason="weight used 70 kg"),
                         patient_id=patient)
    assert asked.value.text("en") == ASKED
    with pytest.raises(medication.DoseReasonNeeded):
        records.save_new(doctor, "medication_order", _order("Ramipril"), patient_id=patient)
    order = records.save_new(doctor, "medication_order", _order("Ramipril", dose_reason="K 6.8 seen, continue"),
                             patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-29T13:55+01:00")
    assert _round(session_for("nurse"), order) == [(
        "Ramipril: POTASSIUM 6.8 mmol/L (3.5–5.3) received 29/11 10:30: order amended by the prescriber since: “K 6.8 "
        "seen, continue”.")]


def test_a_dose_reason_amended_in_for_something_else_ends_no_hold(session_for, raisers, clock):  # noqa: F811
    """The dose reason alone amended after the potassium came back ("weight used 70 kg", the dose
    as it was) is weighed by no check, and no decision on the potassium."""
    patient, orders = raisers
    nurse = _phoned_high(session_for, patient, clock)
    doctor = session_for("doctor")
    order = orders["Ramipril"]
    clock.now = datetime.fromisoformat("2026-11-29T11:10+01:00")
    records.amend(doctor, order, {**records.history(doctor.db, order)[-1].data, "dose_reason": "weight used 70 kg"},
                  "reason added")
    clock.now = datetime.fromisoformat("2026-11-29T11:55+01:00")
    assert _on_the_round(nurse, order, clock.now) == [f"Ramipril: {HELD}"]


def test_an_order_amended_to_a_medicine_raising_the_potassium_is_asked(session_for, medication_ward, clock):
    patient = medication_ward[0]
    _phoned_high(session_for, patient, clock)
    doctor = session_for("doctor")
    clock.now = datetime.fromisoformat("2026-11-29T11:00+01:00")
    saved = records.save_new(doctor, "medication_order", _order("Bisoprolol"), patient_id=patient)
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        records.amend(doctor, saved.record_id, _order("Spironolactone"), "wrong medicine picked",
                      based_on=saved.version)
    assert asked.value.text("en") == ASKED.replace("Ramipril", "Spironolactone")
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T11:05+01:00")
    records.amend(doctor, saved.record_id, _order("Spironolactone", dose_reason="K 6.8 seen: continue"),
                  "wrong medicine picked", based_on=saved.version)
    clock.now = datetime.fromisoformat("2026-11-29T13:55+01:00")
    assert _round(nurse, saved.record_id) == [(
        "Spironolactone: POTASSIUM 6.8 mmol/L (3.5–5.3) received 29/11 10:30: order amended by the prescriber since: "
        "“K 6.8 seen: continue”.")]


def test_an_amendment_of_the_dose_of_the_same_medicine_is_not_asked(session_for, raisers, clock):  # noqa: F811
    """Ramipril 10 mg amended to 2.5 mg after the 6.8: the prescriber's decision on it, asked nothing."""
    patient, orders = raisers
    nurse = _phoned_high(session_for, patient, clock)
    doctor = session_for("doctor")
    order = orders["Ramipril"]
    clock.now = datetime.fromisoformat("2026-11-29T11:10+01:00")
    records.amend(doctor, order, {**records.history(doctor.db, order)[-1].data, "dose": 2.5}, "dose reduced")
    clock.now = datetime.fromisoformat("2026-11-29T11:55+01:00")
    assert _on_the_round(nurse, order, clock.now) == [
        "Ramipril: POTASSIUM 6.8 mmol/L (3.5–5.3) received 29/11 10:30: order amended by the prescriber since: “dose "
        "reduced”."]


def test_a_change_of_medicine_is_no_decision_on_the_potassium(session_for, medication_ward, clock):
    """Bisoprolol amended to spironolactone at 10:40, "wrong medicine picked", the 6.8 received at
    10:30 typed at 10:45: the amendment, after the result came back, changed what is given, and was
    read as the prescriber's decision on it."""
    patient = medication_ward[0]
    doctor = session_for("doctor")
    clock.now = datetime.fromisoformat("2026-11-29T08:00+01:00")
    saved = records.save_new(doctor, "medication_order", _order("Bisoprolol"), patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-29T10:40+01:00")
    records.amend(doctor, saved.record_id, _order("Spironolactone"), "wrong medicine picked", based_on=saved.version)
    nurse = _phoned_high(session_for, patient, clock)
    clock.now = datetime.fromisoformat("2026-11-29T13:55+01:00")
    assert _round(nurse, saved.record_id) == [f"Spironolactone: {HELD}"]
    assert _asked(nurse, saved.record_id, 5.0, TWO_PM) == [f"Spironolactone: {HELD}"]
