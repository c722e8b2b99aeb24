"""The printed theatre list and `downtime theatre list` give their times on the ward's clock,
whatever offset they were stored with: a session and a booking saved in UTC printed the session
"07:00–12:00" and the line "07:00 –09:00" (its start in UTC, its end in Paris), an hour's
operation at 08:00 read as two; the command line read "07:00–12:00" and "07:00–09:00" alike."""

from datetime import date

import pytest

from downtime.services import printing, records, theatre
from tests.pdf_text import pdf_text
from tests.test_pdf_theatre import day  # noqa: F401  (fixture)


@pytest.fixture
def stored_in_utc(session_for, admission_values):
    """A session and an hour's booking of 30/11 saved in UTC; the coordinator who booked them."""
    nurse, coord = session_for("nurse"), session_for("coord")
    listed = records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery",
        "starts_at": "2026-11-30T07:00Z", "ends_at": "2026-11-30T12:00Z"}).record_id
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    theatre.book(coord, patient, {"procedure": "Hernia repair", "laterality": "left", "priority": "elective",
                                  "decided_at": "2026-10-01T09:00+01:00", "surgeon": "Dr A", "session": listed,
                                  "planned_start": "2026-11-30T07:00Z", "expected_minutes": 60})
    return coord


def test_a_list_stored_in_utc_prints_on_the_wards_clock(stored_in_utc, clock, tmp_path):
    text = pdf_text(printing.print_theatre_list(stored_in_utc, date(2026, 11, 30), tmp_path / "list.pdf"))
    assert "General surgery — 08:00–13:00" in text
    assert "1 08:00 –09:00" in text


def test_the_command_line_list_reads_on_the_wards_clock(stored_in_utc, db_path, capsys):
    from downtime.cli import main

    assert main(["theatre", "list", "--date", "2026-11-30", "--db", str(db_path), "--user", "coord",
                 "--pin", "3333"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == "Theatre T1 — General surgery — 08:00–13:00"
    assert lines[2].startswith("  08:00–09:00  ")


def test_the_patients_letter_gives_the_new_time_on_the_wards_clock(day, tmp_path, clock):  # noqa: F811
    """Rebooked to 08:00 Paris kept as "07:00Z": the letter said "at 07:00", with its fasting
    times worked out from 08:00."""
    coord, made, later = day
    theatre.rebook(coord, made["Morin"], {"outcome": "rebooked", "session": later, "planned_start": "2026-12-01T07:00Z",
                                          "decided_at": clock.now.isoformat(timespec="minutes")})
    text = " ".join(pdf_text(printing.print_letter(coord, made["Morin"], tmp_path / "letter.pdf")).split())
    assert "1 December 2026 at 08:00" in text
    assert "at 07:00" not in text
