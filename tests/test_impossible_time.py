"""A time of no day ("25:10") typed in a date and time box is said to be no time, not sent to
write DD/MM/YYYY HH:MM, the very form the nurse typed."""

from datetime import date, datetime

import pytest

from downtime.formspec.messages import message
from downtime.formspec.values import ParseError, parse_datetime, parse_text
from tests.conftest import PARIS_WINTER


def refusal(field, text: str, lang: str, day: date | None = None) -> str:
    """The message a form gives beside its box for `text` typed in it."""
    with pytest.raises(ParseError) as refused:
        parse_text(field, text, PARIS_WINTER, day)
    return message(refused.value.key, lang, field.label.get(lang), refused.value.limit)


@pytest.mark.parametrize("typed, said", [
    ("28/11/2026 25:10", "« Date et heure d’arrivée » : 25:10 n’est pas une heure (00:00 à 23:59)."),
    ("28/11/2026 24:00", "« Date et heure d’arrivée » : 24:00 n’est pas une heure (00:00 à 23:59)."),
    ("28/11/2026 14:60", "« Date et heure d’arrivée » : 14:60 n’est pas une heure (00:00 à 23:59)."),
    ("28/11/2026 25h10", "« Date et heure d’arrivée » : 25h10 n’est pas une heure (00:00 à 23:59)."),
], ids=["25:10", "24:00", "14:60", "25h10"])
def test_an_impossible_time_is_said_as_such(forms, typed, said):
    assert refusal(forms["admission"].field("arrival_at"), typed, "fr") == said


def test_in_english_too_and_typed_alone_on_the_box_s_day(forms):
    field = forms["admission"].field("arrival_at")
    assert refusal(field, "25:10", "en", date(2026, 11, 28)) == \
        "“Arrival date and time”: 25:10 is not a time of day (00:00 to 23:59)."


@pytest.mark.parametrize("typed", ["28/11/2026 2510", "28/11/2026", "25:10 28/11/2026"])
def test_a_time_not_written_as_asked_still_gets_the_form_to_write(forms, typed):
    assert "JJ/MM/AAAA HH:MM" in refusal(forms["admission"].field("arrival_at"), typed, "fr")


def test_the_last_minute_of_the_day_is_a_time():
    assert parse_datetime("28/11/2026 23:59", PARIS_WINTER) == datetime(2026, 11, 28, 23, 59, tzinfo=PARIS_WINTER)
