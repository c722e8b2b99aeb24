"""`downtime theatre rescheduling` printed: the column of whom to tell starts at one place on
every row, and so does the booking id after it. The rebook-by deadline gained its hour for a P1a or an NCEPOD target (16 characters)
while padded for a date alone (10): the rows drifted by 7 characters, a phone number under a
ward."""

import json

import pytest

from downtime.cli import main


@pytest.fixture
def demo_db(cli_demo, monkeypatch) -> str:
    monkeypatch.setenv("DOWNTIME_USER", "coord")
    monkeypatch.setenv("DOWNTIME_PIN", "3333")
    return str(cli_demo())


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_whom_to_tell_starts_in_one_column_with_or_without_an_hour(demo_db, capsys, lang):
    assert main(["theatre", "rescheduling", "--db", demo_db, "--json"]) == 0
    waiting = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert main(["theatre", "rescheduling", "--db", demo_db, "--lang", lang]) == 0
    rows = capsys.readouterr().out.splitlines()
    # Whom to tell is as wide on every row: where the booking id after it starts, it starts too.
    columns = {row.index(line["booking_id"]) for line, row in zip(waiting, rows, strict=True)}
    assert any(line["priority"] == "elective" for line in waiting) and any(
        line["priority"] == "urgent" for line in waiting), "a row with a date alone and one with its hour"
    assert len(columns) == 1, rows
