"""A laptop clock set back (a flat battery, a wrong correction) stamps the care recorded since on
the wrong day: signing in and the commands that open the ward's records say so, naming the
laptop's time and the latest time a record was written."""

from datetime import timedelta

from downtime.cli import main
from downtime.services import clock_check, wards


def test_a_clock_behind_the_latest_record_is_said_with_both_times(session_for, clock):
    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])  # written 28/11/2026 14:00
    clock.now -= timedelta(days=1, hours=5)
    said = clock_check.clock_behind(session_for("nurse").db, clock.now, "en")
    assert said == ("The laptop's clock says 27/11/2026 09:00, but a record was written at 28/11/2026 14:00: check "
                    "the date and time before recording care.")


def test_a_clock_a_few_minutes_behind_is_no_reset(session_for, clock):
    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    clock.now -= clock_check.TOLERANCE
    assert clock_check.clock_behind(session_for("nurse").db, clock.now, "en") is None
    clock.now += clock_check.TOLERANCE + timedelta(days=30)
    assert clock_check.clock_behind(session_for("nurse").db, clock.now, "en") is None


def test_the_command_line_warns_before_it_works(session_for, clock, db_path, capsys, monkeypatch):
    clock.now += timedelta(days=3650)  # a record written ten years ahead of this machine's clock
    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    monkeypatch.setenv("DOWNTIME_USER", "nurse")
    monkeypatch.setenv("DOWNTIME_PIN", "1111")
    assert main(["census", "--db", str(db_path)]) == 0
    assert f"but a record was written at {clock.now:%d/%m/%Y %H:%M}: check the date and time" in capsys.readouterr().err
