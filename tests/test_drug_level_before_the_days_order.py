"""A level taken for a medicine whose order is rewritten each day holds the doses of its course:
the trough taken at 06:00, before the day's order started at 10:00, held nothing, awaited or back
above its range. A level held on the laboratory's Critical flag alone, its range not given,
says so; its units are said once."""

from datetime import datetime

import pytest

from downtime.services import records
from tests.test_drug_levels import GENTAMICIN, RESULT, TROUGH, _given_at, _levels, gentamicin  # noqa: F401


def _daily(session_for, patient: str, clock) -> str:
    """Gentamicin rewritten each day from 10:00 to 23:59, given at 12:00 on 28/11 and 29/11: the
    order of 30/11."""
    doctor, nurse = session_for("doctor"), session_for("nurse")
    for day in ("28", "29", "30"):
        clock.now = datetime.fromisoformat(f"2026-11-{day}T09:00+01:00")
        order = records.save_new(doctor, "medication_order", {
            **GENTAMICIN, "start_at": f"2026-11-{day}T10:00+01:00", "stop_at": f"2026-11-{day}T23:59+01:00",
            "review_at": f"2026-11-{day}T23:00+01:00"}, patient_id=patient).record_id
        if day != "30":
            _given_at(nurse, order, clock, 380.0, f"2026-11-{day}T12:00+01:00")
    return order


def test_a_trough_taken_before_the_days_order_holds_its_dose(session_for, medication_ward, clock):
    patient = medication_ward[0]
    nurse = session_for("nurse")
    order = _daily(session_for, patient, clock)
    clock.now = datetime.fromisoformat("2026-11-30T06:05+01:00")
    sample = records.save_new(nurse, "lab_request", {**TROUGH, "taken_at": "2026-11-30T06:00+01:00",
                                                     "last_dose_at": "2026-11-29T12:00+01:00"},
                              patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-30T11:20+01:00")
    assert _levels(nurse, order, "30") == [
        "Gentamicin: LEVEL AWAITED: check it before giving (trough level taken 30/11 06:00, no result yet)."]
    clock.now = datetime.fromisoformat("2026-11-30T11:35+01:00")
    records.save_new(nurse, "lab_result", {**RESULT, "request": sample, "test": "Trough level",
                                           "received_at": "2026-11-30T11:30+01:00"}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-30T11:55+01:00")
    assert _levels(nurse, order, "30") == [
        "Gentamicin: LEVEL ABOVE RANGE (trough 2.4 mg/L, < 1): hold and ask the doctor."]


@pytest.mark.parametrize("result, said", [
    # The laboratory's "4.2, critical" on the telephone, no range given: held on its flag alone.
    ({"result": "4.2", "flag": "critical", "range": None},
     "Gentamicin: LEVEL FLAGGED CRITICAL (trough 4.2 mg/L): hold and ask the doctor."),
    # A "3" so flagged may be low: the app cannot tell, and does not call it above its range.
    ({"result": "3", "flag": "critical", "range": None},
     "Gentamicin: LEVEL FLAGGED CRITICAL (trough 3 mg/L): hold and ask the doctor."),
    # Its units typed with the value, and again in their own box, said once.
    ({"result": "2.4 mg/L"}, "Gentamicin: LEVEL ABOVE RANGE (trough 2.4 mg/L, < 1): hold and ask the doctor."),
    ({"result": "2.4mg/l"}, "Gentamicin: LEVEL ABOVE RANGE (trough 2.4mg/l, < 1): hold and ask the doctor."),
])
def test_a_level_held_says_why_and_its_units_once(session_for, gentamicin, clock, result, said):
    patient, order = gentamicin
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T06:05+01:00")
    sample = records.save_new(nurse, "lab_request", TROUGH, patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-29T11:55+01:00")
    records.save_new(nurse, "lab_result", {**RESULT, "request": sample, **result}, patient_id=patient)
    assert _levels(nurse, order) == [said]


def test_a_level_typed_with_no_sample_held_on_its_flag_says_so(session_for, gentamicin, clock):
    """A level phoned by the laboratory with no sample sent from this laptop (`above_unsent`)."""
    patient, order = gentamicin
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T11:55+01:00")
    records.save_new(nurse, "lab_result", {**RESULT, "gives": None, "result": "4.2", "flag": "critical",
                                           "range": None}, patient_id=patient)
    assert _levels(nurse, order) == [
        "Gentamicin: LEVEL FLAGGED CRITICAL (Gentamicin 4.2 mg/L, received 29/11 11:30): hold and ask the doctor."]
