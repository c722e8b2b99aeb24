"""A prescription of blood is given over at most the 4 hours a unit may be out of the fridge (BSH
administration of blood components, 2017): "each over 6 hours" was saved as written, and the
nurse hanging it could only run it past its 4 hours, or stop it with blood left in the bag."""

from datetime import timedelta

import pytest
from hypothesis import given, strategies as st

from downtime.domain.transfusion import LONGEST, prescribed_over
from downtime.services import records
from downtime.services.errors import ValidationFailed
from tests.test_transfusion_order_withdrawn import ORDER


@pytest.mark.parametrize("each_over", ["6 hours", "4h30", "5 heures", "250 minutes", "3-5 h", "4 hours 15 min"])
def test_a_unit_prescribed_over_more_than_4_hours_is_refused(session_for, patient, each_over):
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(session_for("doctor"), "blood_order", {**ORDER, "each_over": each_over}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["each_over"]
    assert f"“Each over”: “{each_over}” is longer than the 4 hours" in str(refused.value)


@pytest.mark.parametrize("each_over", ["4 hours", "3-4 hours", "240 min", "1h30", "90 minutes", "30 min",
                                       "2 heures", "as fast as possible", "stat"])
def test_a_unit_prescribed_over_4_hours_or_less_or_in_words_is_saved(session_for, patient, each_over):
    assert records.save_new(session_for("doctor"), "blood_order", {**ORDER, "each_over": each_over},
                            patient_id=patient).data["each_over"] == each_over


def test_the_refusal_is_said_in_french(session_for, patient):
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(session_for("doctor", "fr"), "blood_order", {**ORDER, "each_over": "6 h"},
                         patient_id=patient)
    assert str(refused.value).startswith("« Chacun en » : « 6 h » dépasse les 4 heures")


def test_the_longest_span_written_is_read():
    """A range is read by its top, hours and minutes together, and words alone are none."""
    assert [prescribed_over(text) for text in ("2 hours", "1h30", "3-4 h", "90 min", "2 heures 30", "stat")] == [
        timedelta(minutes=minutes) if minutes else None for minutes in (120, 90, 240, 90, 150, None)]


@given(st.text() | st.from_regex(r"\A\d{1,40}([.,]\d{1,5})? ?(h|hours|heures|min|mn)( \d{1,3} ?min)?\Z"))
def test_any_text_is_read_as_a_span_or_none_never_an_error(text):
    """Whatever is typed in "each over", its longest span is read or none is ("99999999999 hours"
    stopped the save on an OverflowError); a span read is never negative."""
    span = prescribed_over(text)
    assert span is None or span >= timedelta(0)


def test_a_span_too_long_to_hold_is_read_as_longer_than_4_hours():
    assert prescribed_over("99999999999 hours") > LONGEST
    assert prescribed_over("9" * 400 + " min") > LONGEST
