"""A mealtime insulin left out with the meal of a patient with no background insulin ordered asks
the doctor for a plan (services.medication.NO_BACKGROUND_INSULIN): once the doctor has ordered a
basal insulin or a VRIII, after the dose, the line said "no basal insulin ordered: ask the doctor
now" all shift, urgent, and the nurse called the doctor again (review S3-2). A background insulin
in force at the dose's time or now covers it; an insulin pump gives the background insulin itself,
its mealtime boluses left out with the meals as they must be (review S3-7)."""

from datetime import datetime

import pytest

from downtime.services import medication, records
from tests.test_insulin_nil_by_mouth import FASTING, ORDER

GLARGINE = {"drug": "Insulin glargine", "dose": 10.0, "times": "22:00", "start_at": "2026-11-28T12:30+01:00"}
VRIII = {"drug": "Actrapid 50 units in 50 mL", "dose": 50.0, "rate_ml_h": 2.0, "frequency": "once", "times": None,
         "route": "IV", "form": "infusion", "start_at": "2026-11-28T12:30+01:00"}


def _left_out(session_for, patient, clock, aspart, *later):
    """The handover at a time of the patient's lunchtime `aspart` (order values) left out nil by
    mouth, with `later` orders written at 12:30, after the dose, starting then."""
    doctor, nurse = session_for("doctor"), session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T07:30+01:00")
    order_id = records.save_new(doctor, "medication_order", {**ORDER, **aspart}, patient_id=patient).record_id
    clock.now = datetime.fromisoformat(FASTING["given_at"])
    medication.record_dose(nurse, order_id, FASTING)
    clock.now = datetime.fromisoformat("2026-11-28T12:30+01:00")
    for values in later:
        records.save_new(doctor, "medication_order", {**ORDER, **values}, patient_id=patient)
    return lambda at: medication.time_critical_handover(nurse.db, nurse.forms, [patient], datetime.fromisoformat(at),
                                                        "en").get(patient, "")


@pytest.mark.parametrize("at", ["2026-11-28T12:40+01:00", "2026-11-28T22:00+01:00"])
@pytest.mark.parametrize("background", [GLARGINE, VRIII])
def test_a_background_insulin_ordered_after_the_dose_ends_the_line(session_for, patient, clock, background, at):
    said_at = _left_out(session_for, patient, clock, {"drug": "Insulin aspart", "dose": 6.0}, background)
    assert "no basal insulin ordered" in said_at("2026-11-28T12:20+01:00")
    assert "no basal insulin ordered" not in said_at(at)


@pytest.mark.parametrize("drug", ["Insulin aspart via insulin pump (CSII)", "Novorapid pump",
                                  "Insuline asparte pompe"])
def test_an_insulin_pump_is_the_background_insulin(session_for, patient, clock, drug):
    assert _left_out(session_for, patient, clock, {"drug": drug, "dose": 6.0})("2026-11-28T12:40+01:00") == ""
