"""A discharge or transfer's letter and save read the charts when the patient left on the ward's
clock (leaving.left_at), not on the fixed offset the time left was typed with: a discharge typed
at 27/10 09:00 (+01:00, winter) said a withdrawal seizure charted at 10:00 on 24/10 (+02:00,
summer) "SEIZURE (24/10/2026 09:00)", and a lack of capacity assessed at 11:00 then "11:00" an
hour early, the receiving team reading the stay an hour off its own charts."""

from datetime import datetime

import pytest

from downtime.formspec.schema import Meaning
from downtime.services import alcohol_withdrawal, capacity, leaving, prefill, records
from tests.test_alcohol_withdrawal import MODERATE
from tests.test_capacity_assessment import LACKS

SUMMER_SEIZURE = {"checked_at": "2026-10-24T10:00+02:00", **MODERATE, "seizure": True}
"""A withdrawal seizure charted at 10:00 on the Saturday before the clocks went back."""


@pytest.mark.parametrize("form_id", ["discharge", "transfer_out"])
def test_a_letter_typed_in_winter_says_the_summer_charts_on_the_wards_clock(session_for, patient_on_the_clock,
                                                                           form_id):
    patient = patient_on_the_clock(datetime(2026, 10, 27, 10, 0), "2026-10-24T09:00+02:00")
    nurse, doctor = session_for("nurse"), session_for("doctor")
    records.save_new(nurse, alcohol_withdrawal.FORM, SUMMER_SEIZURE, patient_id=patient)
    records.save_new(doctor, capacity.FORM, {**LACKS, "assessed_at": "2026-10-24T11:00+02:00"}, patient_id=patient)
    spec = nurse.form(form_id)
    left = leaving.left_at(spec, {spec.by_meaning(Meaning.OCCURRED_AT).id: "2026-10-27T09:00+01:00"},
                           nurse.clock())
    first = prefill.first_answers(nurse, spec, patient, at=left)
    assert "SEIZURE (24/10/2026 10:00)" in first["alcohol_withdrawal"]
    assert "assessed 24/10/2026 11:00" in first["capacity"]


def test_the_save_asks_of_the_summer_charts_on_the_wards_clock(session_for, patient_on_the_clock):
    """The discharge's question (leaving.still_asked) reads the escalation list when she left."""
    patient = patient_on_the_clock(datetime(2026, 10, 27, 10, 0), "2026-10-24T09:00+02:00")
    nurse = session_for("nurse")
    records.save_new(nurse, alcohol_withdrawal.FORM, SUMMER_SEIZURE, patient_id=patient)
    spec = nurse.form("discharge")
    left = leaving.left_at(spec, {"discharged_at": "2026-10-27T09:00+01:00"}, nurse.clock())
    asked = leaving.still_asked(nurse.db, nurse.forms, patient, left, "en")
    assert "CIWA-Ar OVERDUE since 24/10 11:00" in asked and "since admission on 24/10 09:00" in asked
