"""Plasma and cryoprecipitate are neither irradiated nor tested for CMV (domain.blood_groups
`PATIENT_REQUIREMENTS`): a plasma unit given on a prescription listing the patient's Irradiated
or CMV negative is not refused for its label not showing them, as it was (a bleeding patient's
plasma blocked, or a false "Irradiated" ticked); a requirement of the prescription's own
(washed) is still checked."""

import pytest

from downtime.services import records
from downtime.services.errors import ValidationFailed
from tests.test_transfusion import UNIT

PLASMA = {**UNIT, "component": "plasma", "unit_group": "a_pos", "patient_group": "a_neg", "abo_card": None}


def _prescribed(session_for, patient, requirements: list[str]) -> str:
    return records.save_new(session_for("doctor"), "blood_order", {
        "ordered_at": "2026-11-28T11:00+01:00", "component": "plasma", "units": 2, "each_over": "30 minutes",
        "requirements": requirements, "indication": "INR 3.1 before a line"}, patient_id=patient).record_id


def test_plasma_on_a_prescription_for_irradiated_cmv_negative_blood_is_started(session_for, patient):
    order = _prescribed(session_for, patient, ["irradiated", "cmv_negative"])
    started = records.save_new(session_for("nurse"), "blood_transfusion", {**PLASMA, "order": order},
                               patient_id=patient)
    assert started.data["order"] == order


def test_plasma_prescribed_washed_is_still_checked_for_it(session_for, patient):
    order = _prescribed(session_for, patient, ["irradiated", "washed"])
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(session_for("nurse"), "blood_transfusion", {**PLASMA, "order": order}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["unit_requirements"]
    assert "the prescription asks for Washed, which" in str(refused.value)
