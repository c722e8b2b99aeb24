"""NEWS2 scoring against the RCP 2017 chart: every band edge on both sides, the risk bands,
incomplete sets, impossible input, and properties over any valid set."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from downtime.domain.news2 import (
    CLINICAL_RESPONSE, Band, Consciousness, Monitoring, ObservationSet, Spo2Scale, score,
)

# Scores 0 on every row of the chart.
NORMAL = dict(respiratory_rate=16, spo2=97, spo2_scale=Spo2Scale.SCALE_1, on_oxygen=False, systolic_bp=120,
              pulse=70, consciousness=Consciousness.ALERT, temperature=37.0)


def _obs(**changes) -> ObservationSet:
    return ObservationSet(**{**NORMAL, **changes})


def test_normal_set_scores_zero():
    result = score(_obs())
    assert (result.total, result.band, result.monitoring) == (0, Band.LOW, Monitoring.TWELVE_HOURLY)
    assert result.complete and not result.red_parameter


@pytest.mark.parametrize("value, points", [
    (0, 3), (8, 3), (9, 1), (11, 1), (12, 0), (20, 0), (21, 2), (24, 2), (25, 3), (80, 3),
])
def test_respiratory_rate(value, points):
    assert score(_obs(respiratory_rate=value)).parameters.respiratory_rate == points


@pytest.mark.parametrize("on_oxygen", [False, True])
@pytest.mark.parametrize("value, points", [
    (50, 3), (91, 3), (92, 2), (93, 2), (94, 1), (95, 1), (96, 0), (100, 0),
])
def test_spo2_scale_1_ignores_oxygen(value, points, on_oxygen):
    assert score(_obs(spo2=value, on_oxygen=on_oxygen)).parameters.spo2 == points


@pytest.mark.parametrize("on_oxygen", [False, True])
@pytest.mark.parametrize("value, points", [
    (50, 3), (83, 3), (84, 2), (85, 2), (86, 1), (87, 1), (88, 0), (92, 0),
])
def test_spo2_scale_2_up_to_92_ignores_oxygen(value, points, on_oxygen):
    observations = _obs(spo2=value, spo2_scale=Spo2Scale.SCALE_2, on_oxygen=on_oxygen)
    assert score(observations).parameters.spo2 == points


@pytest.mark.parametrize("value, on_air, on_oxygen", [
    (92, 0, 0), (93, 0, 1), (94, 0, 1), (95, 0, 2), (96, 0, 2), (97, 0, 3), (100, 0, 3),
])
def test_spo2_scale_2_from_93_depends_on_oxygen(value, on_air, on_oxygen):
    air = score(_obs(spo2=value, spo2_scale=Spo2Scale.SCALE_2, on_oxygen=False))
    oxygen = score(_obs(spo2=value, spo2_scale=Spo2Scale.SCALE_2, on_oxygen=True))
    assert (air.parameters.spo2, oxygen.parameters.spo2) == (on_air, on_oxygen)


@pytest.mark.parametrize("value, points", [(86, 1), (92, 0), (93, None), (97, None)])
def test_spo2_scale_2_without_oxygen_recorded_scores_only_where_unambiguous(value, points):
    result = score(_obs(spo2=value, spo2_scale=Spo2Scale.SCALE_2, on_oxygen=None))
    assert result.parameters.spo2 == points
    assert not result.complete


@pytest.mark.parametrize("on_oxygen, points", [(False, 0), (True, 2)])
def test_air_or_oxygen(on_oxygen, points):
    assert score(_obs(on_oxygen=on_oxygen)).parameters.air_or_oxygen == points


@pytest.mark.parametrize("value, points", [
    (30, 3), (90, 3), (91, 2), (100, 2), (101, 1), (110, 1), (111, 0), (219, 0), (220, 3), (300, 3),
])
def test_systolic_bp(value, points):
    assert score(_obs(systolic_bp=value)).parameters.systolic_bp == points


@pytest.mark.parametrize("value, points", [
    (20, 3), (40, 3), (41, 1), (50, 1), (51, 0), (90, 0), (91, 1), (110, 1), (111, 2), (130, 2), (131, 3), (300, 3),
])
def test_pulse(value, points):
    assert score(_obs(pulse=value)).parameters.pulse == points


@pytest.mark.parametrize("level, points", [
    (Consciousness.ALERT, 0), (Consciousness.NEW_CONFUSION, 3), (Consciousness.VOICE, 3),
    (Consciousness.PAIN, 3), (Consciousness.UNRESPONSIVE, 3),
])
def test_consciousness(level, points):
    assert score(_obs(consciousness=level)).parameters.consciousness == points


@pytest.mark.parametrize("value, points", [
    (25.0, 3), (35.0, 3), (35.04, 3), (35.05, 1), (35.1, 1), (36.0, 1), (36.04, 1), (36.05, 0), (36.1, 0),
    (38.0, 0), (38.04, 0), (38.05, 1), (38.1, 1), (39.0, 1), (39.04, 1), (39.05, 2), (39.1, 2), (45.0, 2),
])
def test_temperature_rounds_half_up_to_one_decimal(value, points):
    assert score(_obs(temperature=value)).parameters.temperature == points


def test_temperature_accepts_a_whole_number():
    assert score(_obs(temperature=39)).parameters.temperature == 1


@pytest.mark.parametrize("changes, total, red, band, monitoring", [
    ({}, 0, False, Band.LOW, Monitoring.TWELVE_HOURLY),
    ({"temperature": 38.5}, 1, False, Band.LOW, Monitoring.FOUR_TO_SIX_HOURLY),
    ({"respiratory_rate": 21, "pulse": 111}, 4, False, Band.LOW, Monitoring.FOUR_TO_SIX_HOURLY),
    ({"consciousness": Consciousness.VOICE}, 3, True, Band.LOW_MEDIUM, Monitoring.HOURLY),
    ({"systolic_bp": 90, "temperature": 38.5}, 4, True, Band.LOW_MEDIUM, Monitoring.HOURLY),
    ({"respiratory_rate": 21, "pulse": 111, "temperature": 38.5}, 5, False, Band.MEDIUM, Monitoring.HOURLY),
    ({"respiratory_rate": 21, "pulse": 111, "on_oxygen": True}, 6, False, Band.MEDIUM, Monitoring.HOURLY),
    ({"consciousness": Consciousness.NEW_CONFUSION, "respiratory_rate": 21}, 5, True, Band.MEDIUM,
     Monitoring.HOURLY),
    ({"pulse": 131, "spo2": 94, "on_oxygen": True}, 6, True, Band.MEDIUM, Monitoring.HOURLY),
    ({"respiratory_rate": 21, "pulse": 111, "on_oxygen": True, "temperature": 38.5}, 7, False, Band.HIGH,
     Monitoring.CONTINUOUS),
    ({"consciousness": Consciousness.PAIN, "respiratory_rate": 21, "pulse": 111}, 7, True, Band.HIGH,
     Monitoring.CONTINUOUS),
])
def test_bands(changes, total, red, band, monitoring):
    result = score(_obs(**changes))
    assert (result.total, result.red_parameter, result.band, result.monitoring) == (total, red, band, monitoring)


def test_worst_set_scores_the_chart_maximum_of_20():
    result = score(ObservationSet(respiratory_rate=5, spo2=80, on_oxygen=True, systolic_bp=80, pulse=35,
                                  consciousness=Consciousness.UNRESPONSIVE, temperature=34.0))
    assert (result.total, result.band, result.complete) == (20, Band.HIGH, True)


def test_rcp_worked_example():
    result = score(ObservationSet(respiratory_rate=22, spo2=95, spo2_scale=Spo2Scale.SCALE_1, on_oxygen=False,
                                  systolic_bp=105, pulse=115, consciousness=Consciousness.ALERT, temperature=38.3))
    assert result.parameters.model_dump() == {
        "respiratory_rate": 2, "spo2": 1, "air_or_oxygen": 0, "systolic_bp": 1, "pulse": 2,
        "consciousness": 0, "temperature": 1,
    }
    assert (result.total, result.red_parameter, result.complete) == (7, False, True)
    assert (result.band, result.monitoring) == (Band.HIGH, Monitoring.CONTINUOUS)
    assert result.response["en"].startswith("Emergency response")


def test_scale_2_worked_example_on_oxygen():
    result = score(ObservationSet(respiratory_rate=23, spo2=95, spo2_scale=Spo2Scale.SCALE_2, on_oxygen=True,
                                  systolic_bp=125, pulse=95, consciousness=Consciousness.ALERT, temperature=37.2))
    # RR 2 + SpO2 2 + oxygen 2 + pulse 1
    assert (result.total, result.band) == (7, Band.HIGH)


def test_missing_parameter_is_flagged_not_scored_zero():
    result = score(_obs(respiratory_rate=22, temperature=None))
    assert result.parameters.temperature is None
    assert result.parameters.missing == ("temperature",)
    assert (result.total, result.complete) == (2, False)


def test_missing_oxygen_still_scores_spo2_on_scale_1():
    result = score(_obs(spo2=93, on_oxygen=None))
    assert (result.parameters.spo2, result.parameters.air_or_oxygen) == (2, None)
    assert (result.total, result.complete) == (2, False)


def test_partial_total_still_bands():
    result = score(ObservationSet(respiratory_rate=25, pulse=135, consciousness=Consciousness.VOICE))
    assert set(result.parameters.missing) == {"spo2", "air_or_oxygen", "systolic_bp", "temperature"}
    assert (result.total, result.band, result.complete) == (9, Band.HIGH, False)


def test_empty_set_is_incomplete():
    result = score(ObservationSet())
    assert (result.total, result.complete) == (0, False)
    assert len(result.parameters.missing) == 7


@pytest.mark.parametrize("observations", [ObservationSet(), ObservationSet(temperature=37.9), _obs(pulse=None)])
def test_an_incomplete_zero_is_neither_12_hourly_nor_the_low_response(observations):
    """RCP: 12-hourly is for 0 with every row measured and normal; unmeasured rows are no reassurance."""
    result = score(observations)
    assert (result.total, result.band, result.complete) == (0, Band.LOW, False)
    assert result.monitoring is Monitoring.FOUR_TO_SIX_HOURLY
    assert result.response != CLINICAL_RESPONSE[Band.LOW]
    assert result.response["en"].startswith("Incomplete set") and result.response["fr"].startswith("Série incomplète")


def test_an_incomplete_set_above_low_keeps_its_band_response():
    result = score(ObservationSet(respiratory_rate=25, pulse=135, consciousness=Consciousness.VOICE))
    assert result.response == CLINICAL_RESPONSE[Band.HIGH]


def test_rank_puts_the_band_before_the_total():
    three_in_one_row = score(_obs(consciousness=Consciousness.VOICE))
    four_spread = score(_obs(respiratory_rate=21, pulse=111))
    assert (three_in_one_row.total, four_spread.total) == (3, 4)
    assert three_in_one_row.rank > four_spread.rank
    assert score(_obs(temperature=38.5)).rank > score(_obs()).rank


@pytest.mark.parametrize("field, value, row", [
    ("spo2", 0, "spo2"), ("spo2", 45, "spo2"), ("systolic_bp", 0, "systolic_bp"), ("systolic_bp", 25, "systolic_bp"),
    ("temperature", 10.0, "temperature"), ("temperature", 24.0, "temperature"),
])
def test_the_sickest_readings_a_monitor_shows_are_taken_and_score_3(field, value, row):
    """A saturation of 45 %, a systolic the cuff cannot find (0) and a temperature of 24 °C on a
    low-reading thermometer were refused as typing slips: the nurse left the row blank (an
    incomplete set scoring less) or typed the lowest allowed."""
    found = score(_obs(**{field: value}))
    assert (getattr(found.parameters, row), found.band) == (3, Band.LOW_MEDIUM)
    assert getattr(score(_obs(**{field: value, "spo2_scale": Spo2Scale.SCALE_2, "on_oxygen": True})).parameters,
                   row) == 3


@pytest.mark.parametrize("field, value", [
    ("respiratory_rate", -1), ("respiratory_rate", 81),
    ("spo2", -1), ("spo2", 101),
    ("systolic_bp", -1), ("systolic_bp", 301),
    ("pulse", 19), ("pulse", 301),
    ("temperature", 9.9), ("temperature", 45.1), ("temperature", math.nan), ("temperature", math.inf),
    ("consciousness", "drowsy"), ("spo2_scale", "scale_3"), ("spo2_scale", None),
    ("respiratory_rate", 12.5),
])
def test_impossible_input_names_the_field(field, value):
    with pytest.raises(ValidationError) as excinfo:
        _obs(**{field: value})
    assert [error["loc"] for error in excinfo.value.errors()] == [(field,)]
    assert field in str(excinfo.value)


def test_unknown_field_is_rejected():
    with pytest.raises(ValidationError, match="heart_rate"):
        _obs(heart_rate=80)


def test_observations_are_frozen():
    with pytest.raises(ValidationError):
        _obs().pulse = 80


@pytest.mark.parametrize("band", list(Band))
def test_clinical_response_in_both_languages(band):
    assert set(CLINICAL_RESPONSE[band]) == {"en", "fr"}
    assert all(text.strip() for text in CLINICAL_RESPONSE[band].values())


@pytest.mark.parametrize("band, opening", [
    (Band.LOW, "Ward-based response"), (Band.LOW_MEDIUM, "Urgent ward-based response"),
    (Band.MEDIUM, "Key threshold for urgent response"), (Band.HIGH, "Emergency response"),
])
def test_clinical_response_follows_rcp_triggers(band, opening):
    assert CLINICAL_RESPONSE[band]["en"].startswith(opening)


def _maybe(strategy):
    return st.none() | strategy


observation_sets = st.builds(
    ObservationSet,
    respiratory_rate=_maybe(st.integers(0, 80)),
    spo2=_maybe(st.integers(0, 100)),
    spo2_scale=st.sampled_from(Spo2Scale),
    on_oxygen=_maybe(st.booleans()),
    systolic_bp=_maybe(st.integers(0, 300)),
    pulse=_maybe(st.integers(20, 300)),
    consciousness=_maybe(st.sampled_from(Consciousness)),
    temperature=_maybe(st.floats(10.0, 45.0) | st.integers(100, 450).map(lambda tenths: tenths / 10)),
)


@given(observation_sets)
def test_score_is_consistent(observations):
    result = score(observations)
    points = result.parameters.model_dump()
    measured = [p for p in points.values() if p is not None]
    assert result.total == sum(measured)
    assert 0 <= result.total <= 20
    assert all(0 <= p <= 3 for p in measured)
    assert points["air_or_oxygen"] in (None, 0, 2)
    assert result.red_parameter == (3 in measured)
    assert result.complete == (None not in points.values())
    expected_band = (Band.HIGH if result.total >= 7 else Band.MEDIUM if result.total >= 5
                     else Band.LOW_MEDIUM if result.red_parameter else Band.LOW)
    assert result.band == expected_band
    if result.band is Band.LOW:
        assert result.monitoring == (Monitoring.TWELVE_HOURLY if result.total == 0 and result.complete
                                     else Monitoring.FOUR_TO_SIX_HOURLY)
    else:
        assert result.monitoring == (Monitoring.CONTINUOUS if result.band is Band.HIGH else Monitoring.HOURLY)


@given(observation_sets, st.sampled_from(["respiratory_rate", "spo2", "on_oxygen", "systolic_bp", "pulse",
                                          "consciousness", "temperature"]))
def test_missing_parameter_never_raises_the_score(observations, field):
    partial = observations.model_copy(update={field: None})
    assert score(partial).total <= score(observations).total
    assert not score(partial).complete
