"""A time-critical dose (levodopa) recorded not given "D — Asleep" passed without a word, and the
escalation list told the doctor only afterwards: Parkinson's UK "Get It On Time" and NPSA RRR009
ask the nurse to wake the patient for it. Recorded so, it takes a reason, as other warnings do."""
from datetime import datetime

import pytest

from downtime.domain.medication import Check
from downtime.services import medication, records
from tests.test_time_critical import LEVODOPA

ASLEEP_AT_14 = {"outcome": "not_given", "given_at": "2026-11-28T14:05+01:00",
                "scheduled_for": "2026-11-28T14:00+01:00", "not_given_reason": "asleep"}


def test_a_time_critical_dose_not_given_asleep_asks_a_reason(session_for, patient, clock):
    order = records.save_new(session_for("doctor"), "medication_order", LEVODOPA, patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-28T14:05+01:00")
    nurse = session_for("nurse")
    (warning,) = medication.check_dose(nurse, order, ASLEEP_AT_14)
    assert warning.check is Check.TIME_CRITICAL_NOT_GIVEN and warning.text("en") == (
        "Co-careldopa 25/100 is a time-critical medicine: wake the patient to give it (Parkinson's UK “Get It On "
        "Time”; NPSA RRR009). Not given while asleep: tell the doctor, and say why in the reason.")
    with pytest.raises(medication.OverrideNeeded):
        medication.record_dose(nurse, order, ASLEEP_AT_14)
    saved = medication.record_dose(nurse, order, ASLEEP_AT_14, overrides={Check.TIME_CRITICAL_NOT_GIVEN: "could not be roused"})
    assert saved.data["overrides"] == [{"check": "time_critical_asleep", "reason": "could not be roused"}]


def test_an_ordinary_dose_not_given_asleep_asks_nothing(session_for, patient, clock):
    order = records.save_new(session_for("doctor"), "medication_order", {**LEVODOPA, "drug": "Senna", "dose": 15.0,
                                                                         "dose_unit": "mg", "time_critical": False},
                             patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-28T14:05+01:00")
    assert medication.check_dose(session_for("nurse"), order, ASLEEP_AT_14) == []
