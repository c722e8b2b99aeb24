"""A laptop clock set back (a flat battery, a wrong correction) stamps the care recorded since on
the wrong day: signing in and the commands that open the ward's records say so, naming the
laptop's time and the latest time a record was written."""

from datetime import datetime, timedelta, timezone

from downtime.cli import main
from downtime.services import clock_check, wards

WINTER = timezone(timedelta(hours=1))


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


def _given_a_day_ahead(session_for, medication_ward, clock):
    """The laptop read 29/11 13:55 when it was 28/11 13:55 (a day ahead): the 14:00 amoxicillin
    given from the round went on tomorrow's 14:00; IT put the clock right half an hour later."""
    from downtime.domain.medication import Check
    from downtime.services import medication

    patient, amox, _ = medication_ward
    nurse = session_for("nurse")
    clock.now = datetime(2026, 11, 29, 13, 55, tzinfo=WINTER)
    medication.record_dose(nurse, amox, {"outcome": "given", "given_at": "2026-11-29T13:55+01:00",
                                         "scheduled_for": "2026-11-29T14:00+01:00", "dose_given": 1.0, "route": "IV"},
                           overrides={Check.ALLERGY: "Tolerated since"})
    clock.now = datetime(2026, 11, 28, 14, 25, tzinfo=WINTER)
    return nurse, amox


AHEAD = ("Amoxicillin: a dose is recorded given at 29/11 13:55, later than this laptop's clock says now (28/11 14:25): "
         "a clock was wrong, this laptop's now or the one that recorded it then. Check this laptop's date and time. "
         "That dose may be the one due now: ask who gave it before giving this one; if its time is wrong, mark that "
         "record entered in error with the reason and record it again at its real time.")


def test_a_dose_recorded_by_a_clock_a_day_ahead_is_said_before_the_dose_due_now(session_for, medication_ward, clock):
    """Put right, the clock offered the 14:00 dose given half an hour before as due, and the
    dose dialog said nothing of it: two grams in half an hour, and tomorrow's 14:00 read given."""
    from downtime.domain.medication import Check
    from downtime.services import medication

    nurse, amox = _given_a_day_ahead(session_for, medication_ward, clock)
    dose = {"outcome": "given", "given_at": "2026-11-28T14:25+01:00", "scheduled_for": "2026-11-28T14:00+01:00",
            "dose_given": 1.0, "route": "IV"}
    [ahead] = [warning for warning in medication.check_dose(nurse, amox, dose) if "later than" in warning.message]
    assert (ahead.check, ahead.message) == (Check.ALREADY_GIVEN, AHEAD)
    assert "plus tard que l’heure" in ahead.text("fr")
    [item] = [item for item in medication.round_list(nurse.db, nurse.forms, "3B", clock.now)
              if item.order.record_id == amox and item.slot == datetime(2026, 11, 28, 14, tzinfo=WINTER)]
    assert [warning.message for warning in item.ahead] == [AHEAD]
    # Not given, nothing to weigh; a few minutes of drift is no clock ahead.
    assert not [w for w in medication.check_dose(nurse, amox, {**dose, "outcome": "not_given", "dose_given": None,
                                                               "not_given_reason": "refused"}) if "later than" in w.message]
    clock.now = datetime(2026, 11, 29, 13, 55, tzinfo=WINTER) - clock_check.TOLERANCE
    assert not [w for w in medication.check_dose(nurse, amox, dose) if "later than" in w.message]
    clock.now = datetime(2026, 11, 28, 14, 25, tzinfo=WINTER)
    # What it says to do can be done: the dose's times are not amended, the record is withdrawn.
    [given] = [dose for dose in medication.administrations(nurse.db, medication_ward[0])
               if dose.at == datetime(2026, 11, 29, 13, 55, tzinfo=WINTER)]
    medication.withdraw_dose(nurse, given.record_id, "Recorded on 29/11 by a clock a day ahead: given 28/11 13:55")
    assert not [w for w in medication.check_dose(nurse, amox, dose) if "later than" in w.message]


def test_the_round_says_a_dose_recorded_by_a_clock_ahead_on_the_doses_line(qtbot, session_for, medication_ward, clock):
    from downtime.qt.medication_panel import FLAGS, MedicationPanel

    nurse, amox = _given_a_day_ahead(session_for, medication_ward, clock)
    panel = MedicationPanel(nurse)
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()
    [row] = [row for row, item in enumerate(panel.model.rows)
             if item.order.record_id == amox and item.slot == datetime(2026, 11, 28, 14, tzinfo=WINTER)]
    assert AHEAD in panel.model.text(row, FLAGS)
    assert panel.model.is_warning(row, FLAGS)
