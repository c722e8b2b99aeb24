"""A blood unit's times as the transfusion chart, the handover and its refusals say them, on the
ward's clock whatever offset each was typed with: a unit started at 12:00 on a laptop set to
UTC (11:00+00:00), merged here, read "running since 28/11 11:00", an hour longer than it had run
towards its 4 hours out of the fridge, and its end refused as "the unit started at 28/11/2026
11:00", the nurse looking for a time on the paper it never had."""

import pytest

from downtime.services import records, transfusion
from downtime.services.errors import ValidationFailed
from tests.test_transfusion import END, ORDER, UNIT
from tests.test_transfusion_bedside_rules import _refused, _unit as bedside_unit
from tests.test_transfusion_reaction_safety import _alone, _mild_stop, _set
from tests.test_transfusion_restart import MILD, _restart

STARTED_ON_A_UTC_LAPTOP = {**UNIT, "started_at": "2026-11-28T11:00+00:00"}
"""12:00 at the ward (Europe/Paris, UTC+1 in November), as a laptop set to UTC types it."""


def _unit(nurse, patient) -> str:
    return records.save_new(nurse, "blood_transfusion", STARTED_ON_A_UTC_LAPTOP, patient_id=patient).record_id


def test_a_unit_running_and_ended_is_said_on_the_wards_clock(session_for, patient):
    nurse = session_for("nurse")
    unit = _unit(nurse, patient)
    end_spec = nurse.form("transfusion_end")
    [running] = transfusion.chart(nurse.db, patient)
    assert running.state(end_spec, "en") == "running since 28/11 12:00"
    records.save_new(nurse, "transfusion_end", {**END, "unit": unit, "ended_at": "2026-11-28T12:40+00:00"},
                     patient_id=patient)
    [ended] = transfusion.chart(nurse.db, patient)
    assert ended.state(end_spec, "en") == "ended 28/11 13:40: Given in full, 280 mL"


def test_a_unit_interrupted_and_restarted_is_said_on_the_wards_clock(session_for, patient):
    nurse = session_for("nurse")
    first = records.save_new(nurse, "blood_transfusion", {**UNIT, "started_at": "2026-11-28T12:00+00:00"},
                             patient_id=patient)
    records.save_new(nurse, "transfusion_end", {"unit": first.record_id, "ended_at": "2026-11-28T12:20+00:00", **MILD},
                     patient_id=patient)
    records.save_new(nurse, "blood_transfusion", _restart(started_at="2026-11-28T12:50+00:00"), patient_id=patient)
    [unit] = transfusion.chart(nurse.db, patient)
    assert unit.state(nurse.form("transfusion_end"), "en").startswith(
        "interrupted 28/11 13:20: Stopped: a reaction, 40 mL (Temperature 38 °C or more, or up 1 °C), restarted "
        "28/11 13:50; running since 28/11 13:50")


def test_a_prescription_is_said_on_the_wards_clock(session_for, patient):
    records.save_new(session_for("doctor"), "blood_order", {**ORDER, "ordered_at": "2026-11-28T10:00+00:00"},
                     patient_id=patient)
    nurse = session_for("nurse")
    [prescribed] = transfusion.prescriptions(nurse.db, patient)
    assert "(prescribed 28/11 11:00)" in prescribed.text(nurse.form("blood_order"), "en")


def test_an_end_before_the_start_and_a_second_end_are_refused_on_the_wards_clock(session_for, patient):
    nurse = session_for("nurse")
    unit = _unit(nurse, patient)
    with pytest.raises(ValidationFailed, match=r"the unit started at 28/11/2026 12:00, after this"):
        records.save_new(nurse, "transfusion_end", {**END, "unit": unit, "ended_at": "2026-11-28T11:50+01:00"},
                         patient_id=patient)
    records.save_new(nurse, "transfusion_end", {**END, "unit": unit, "ended_at": "2026-11-28T12:40+00:00"},
                     patient_id=patient)
    with pytest.raises(ValidationFailed, match=r"already recorded \(28/11/2026 13:40\)"):
        records.save_new(nurse, "transfusion_end", {**END, "unit": unit}, patient_id=patient)


def test_a_patient_leaving_under_a_running_unit_is_refused_saying_its_start_on_the_wards_clock(session_for, patient):
    nurse = session_for("nurse")
    _unit(nurse, patient)
    refused = _refused(nurse, {"discharged_at": "2026-11-28T13:50+01:00", "destination": "home", "letter_given": True,
                               "medicines_given": True}, patient, "discharge")
    assert "is recorded as running since 28/11/2026 12:00" in refused.errors[0].message


def test_a_restart_past_4_hours_out_of_the_fridge_says_when_the_unit_left_it_on_the_wards_clock(session_for, patient):
    nurse = session_for("nurse")
    first = records.save_new(nurse, "blood_transfusion", {**UNIT, "started_at": "2026-11-28T09:00+00:00"},
                             patient_id=patient)
    records.save_new(nurse, "transfusion_end", {**END, "unit": first.record_id, "ended_at": "2026-11-28T09:30+00:00",
                                                "outcome": "stopped_other", "volume": 60,
                                                "notes": "Cannula tissued, resited"}, patient_id=patient)
    refused = _refused(nurse, _restart(started_at="2026-11-28T14:00+01:00"), patient)
    assert "left the fridge, or was first started, on 28/11/2026 10:00: 4 hours or more" in str(refused)


def test_a_restart_after_a_serious_reading_says_the_set_on_the_wards_clock(session_for, patient):
    nurse = session_for("nurse")
    _set(nurse, patient, "2026-11-28T12:50+01:00")
    _alone(nurse, patient, "2026-11-28T12:18+00:00", temperature=40.1)
    _mild_stop(nurse, patient)
    refused = _refused(nurse, bedside_unit(1, restart=True, started_at="2026-11-28T13:50+01:00"), patient)
    assert "the set at 28/11/2026 13:18 read temperature 40.1" in str(refused)
