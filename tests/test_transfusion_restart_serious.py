"""A unit restarted after a set, taken while it ran or between its stop and its restart, read
any sign but those of a mild reaction (domain.transfusion.mild, the BSH's grading: a fever under
39 °C alone, or a rash): refused whatever signs its stop named. A stop for a "rash" after a systolic
of 78 and a saturation of 89 %, and one for "fever" followed by 39.6 °C and a systolic of 84
charted before the restart, were restarted."""

import pytest

from downtime.services import records
from downtime.services.errors import ValidationFailed
from tests.test_transfusion import OBS, UNIT, _obs, told_by

STOP = {"ended_at": "2026-11-28T11:20+01:00", "outcome": "stopped_reaction", "volume": 40, "doctor_told": True,
        **told_by("2026-11-28T11:22+01:00"), "blood_bank_told": True}


@pytest.mark.parametrize(("taken_at", "signs", "readings", "said"), [
    ("2026-11-28T11:15+01:00", ["rash"], {"systolic_bp": 78, "spo2": 89, "pulse": 124, "respiratory_rate": 28},
     "the set at 28/11/2026 11:15 read systolic 78, down 47, pulse 124, up 44, breathing rate 28, up 12, "
     "SpO2 89, down 8"),
    ("2026-11-28T11:35+01:00", ["fever"], {"temperature": 39.6, "systolic_bp": 84},
     "the set at 28/11/2026 11:35 read temperature 39.6, up 2.7 °C, systolic 84, down 41"),
    # A rash with a saturation 3 points down is not "a rash alone" (BSH 2023): the screen asked to stop on it.
    ("2026-11-28T11:15+01:00", ["rash"], {"spo2": 94}, "the set at 28/11/2026 11:15 read SpO2 94, down 3"),
    # A fever of 38.3 °C with a pulse up 30 is no isolated fever: it was restarted.
    ("2026-11-28T11:15+01:00", ["fever"], {"temperature": 38.3, "pulse": 110},
     "the set at 28/11/2026 11:15 read temperature 38.3, up 1.4 °C, pulse 110, up 30"),
], ids=["hypotension_during", "high_fever_after_the_stop", "rash_and_saturation", "fever_and_pulse"])
def test_a_unit_is_not_restarted_after_a_serious_set_whatever_its_stop_named(session_for, patient, clock, taken_at,
                                                                             signs, readings, said):
    nurse = session_for("nurse")
    clock.now = clock.now.replace(hour=11, minute=50)
    _obs(nurse, patient, "2026-11-28T10:50+01:00")
    first = records.save_new(nurse, "blood_transfusion", {**UNIT, "started_at": "2026-11-28T11:00+01:00",
                                                          "collected_at": "2026-11-28T10:45+01:00"}, patient_id=patient)
    records.save_new(nurse, "observations", {**OBS, "taken_at": taken_at, **readings}, patient_id=patient)
    records.save_new(nurse, "transfusion_end", {"unit": first.record_id, **STOP, "signs": signs}, patient_id=patient)
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "blood_transfusion", {**UNIT, "started_at": "2026-11-28T11:45+01:00",
                                                      "collected_at": "2026-11-28T10:45+01:00", "restart": True},
                         patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["restart"]
    assert said in str(refused.value)
    assert "A unit is restarted only after a mild reaction" in str(refused.value)
    assert "the doctor decides with the blood bank" in str(refused.value)


def test_a_unit_is_restarted_after_a_fever_alone(session_for, patient, clock):
    """38.3 °C up 1.4 °C with the pulse up 20: a mild reaction, which the doctor may restart."""
    nurse = session_for("nurse")
    clock.now = clock.now.replace(hour=11, minute=50)
    _obs(nurse, patient, "2026-11-28T10:50+01:00")
    first = records.save_new(nurse, "blood_transfusion", {**UNIT, "started_at": "2026-11-28T11:00+01:00",
                                                          "collected_at": "2026-11-28T10:45+01:00"}, patient_id=patient)
    records.save_new(nurse, "observations", {**OBS, "taken_at": "2026-11-28T11:15+01:00", "temperature": 38.3,
                                             "pulse": 100}, patient_id=patient)
    records.save_new(nurse, "transfusion_end", {"unit": first.record_id, **STOP, "signs": ["fever"]},
                     patient_id=patient)
    restart = records.save_new(nurse, "blood_transfusion", {**UNIT, "started_at": "2026-11-28T11:45+01:00",
                                                            "collected_at": "2026-11-28T10:45+01:00", "restart": True},
                               patient_id=patient)
    assert restart.record_id
