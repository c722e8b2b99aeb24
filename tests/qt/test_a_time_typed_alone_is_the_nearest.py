"""A time typed alone in a dose's box is of a dose given, so never after now: of those, with a
slot, the first not more than `clock.SLOT_AHEAD` before it (read nearest the slot, the 22:00 dose
given at 00:10 was saved 22 hours before it was given, but the once-daily 08:00 dose given late at
20:30 on the evening before); as required, the latest (read nearest now, 02:00 typed at 16:00 was
tomorrow's, refused as in the future)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from downtime.formspec.values import ParseError, parse_datetime
from downtime.qt.dose_dialog import DoseDialog
from downtime.qt.mar_view import MarView
from downtime.qt.paper_doses_dialog import GIVEN
from downtime.services import medication, records

PARIS = ZoneInfo("Europe/Paris")


def paris(moment: str) -> datetime:
    return datetime.fromisoformat(moment).astimezone(PARIS)


def test_a_time_typed_alone_is_the_dose_given_before_now_and_not_long_before_its_slot():
    def read(text: str, slot: str | None, now: str) -> datetime:
        return parse_datetime(text, PARIS, slot=None if slot is None else paris(slot), now=paris(now))

    # Either side of midnight, typed after it was given.
    assert read("00:10", "2026-11-28T22:00+01:00", "2026-11-29T00:15+01:00") == paris("2026-11-29T00:10+01:00")
    assert read("23:45", "2026-11-29T00:00+01:00", "2026-11-29T07:15+01:00") == paris("2026-11-28T23:45+01:00")
    assert read("14h", "2026-11-28T14:00+01:00", "2026-11-28T14:20+01:00") == paris("2026-11-28T14:00+01:00")
    # Given 12 hours and a half late, not 11 and a half early: the same day.
    assert read("20:30", "2026-11-28T08:00+01:00", "2026-11-28T21:00+01:00") == paris("2026-11-28T20:30+01:00")
    # The paper typed in days later: the slot's day, given late or a little early.
    assert read("09:00", "2026-11-25T08:00+01:00", "2026-11-28T16:00+01:00") == paris("2026-11-25T09:00+01:00")
    assert read("07:30", "2026-11-25T08:00+01:00", "2026-11-28T16:00+01:00") == paris("2026-11-25T07:30+01:00")
    # Never after now: the time that would be is the day before's ...
    assert read("02:00", None, "2026-11-28T16:00+01:00") == paris("2026-11-28T02:00+01:00")
    assert read("18:00", None, "2026-11-28T16:00+01:00") == paris("2026-11-27T18:00+01:00")
    assert read("15:00", "2026-11-28T22:00+01:00", "2026-11-28T20:00+01:00") == paris("2026-11-28T15:00+01:00")
    # ... but within the clocks' drift, today's (refused as in the future, not saved a day early).
    assert read("16:03", None, "2026-11-28T16:00+01:00") == paris("2026-11-28T16:03+01:00")
    # A date typed is the date typed.
    assert read("28/11/2026 00:10", "2026-11-28T22:00+01:00", "2026-11-29T00:15+01:00") == paris(
        "2026-11-28T00:10+01:00")


def test_a_time_typed_up_to_two_hours_after_now_is_today_s_refused_not_yesterday_s_saved():
    def read(text: str, slot: str | None, now: str) -> datetime:
        return parse_datetime(text, PARIS, slot=None if slot is None else paris(slot), now=paris(now))

    # A watch fast, or the time about to be given: today's, which the save refuses as in the future.
    assert read("16:30", None, "2026-11-28T16:00+01:00") == paris("2026-11-28T16:30+01:00")
    assert read("14:10", "2026-11-28T14:00+01:00", "2026-11-28T13:58+01:00") == paris("2026-11-28T14:10+01:00")
    assert read("00:30", None, "2026-11-28T23:00+01:00") == paris("2026-11-29T00:30+01:00")
    # Further ahead, the day before's: the midnight dose given before it, last night's as required.
    assert read("23:45", "2026-11-29T00:00+01:00", "2026-11-29T00:10+01:00") == paris("2026-11-28T23:45+01:00")
    assert read("22:00", None, "2026-11-29T07:15+01:00") == paris("2026-11-28T22:00+01:00")
    assert read("17:59", None, "2026-11-28T16:00+01:00") == paris("2026-11-28T17:59+01:00")


def test_the_night_the_clocks_go_back_a_time_typed_is_read_by_its_instant():
    second_pass = "2026-10-25T02:30+01:00"
    # The first 02:45, typed as the repeated-time message asks, 45 minutes ago: tonight's.
    assert read_at("02:45 +02:00", second_pass) == "2026-10-25T02:45+02:00"
    assert read_at("02:45 +02:00", second_pass, slot="2026-10-25T02:00+02:00") == "2026-10-25T02:45+02:00"
    # Plain, it is still asked which 02:45, not read as the night before's.
    with pytest.raises(ParseError) as asked:
        read_at("02:45", second_pass)
    assert asked.value.key == "repeated_time"
    # At the first pass, the second 02:45 is ahead: tonight's, refused as in the future.
    assert read_at("02:45 +01:00", "2026-10-25T02:20+02:00") == "2026-10-25T02:45+01:00"


def read_at(text: str, now: str, slot: str | None = None) -> str:
    """The time `text` reads at `now` (for `slot`), as stored: a time of the hour the clocks
    repeat compares unequal to any other zone's, its instant the same or not."""
    return parse_datetime(text, PARIS, now=datetime.fromisoformat(now).astimezone(PARIS),
                          slot=None if slot is None else datetime.fromisoformat(slot).astimezone(PARIS)).isoformat(timespec="minutes")


def _paracetamol_given_at(qtbot, session_for, patient_on_the_clock, now: datetime, times: str, slot: datetime,
                         typed: str) -> str:
    """Paracetamol 1 g at `times`, its `slot` dose's dialog opened from the chart at `now` and
    `typed` in its time box: the time it would save."""
    patient = patient_on_the_clock(now, "2026-11-27T09:00+01:00")
    order = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
        "times": times, "start_at": "2026-11-27T07:30+01:00", "controlled": False, "high_alert": False},
        patient_id=patient).record_id
    nurse = session_for("nurse")
    dialog = DoseDialog(nurse, medication.order(nurse.db, order), slot.replace(tzinfo=PARIS), from_chart=True)
    qtbot.addWidget(dialog)
    dialog.given_at.setText(typed)
    return dialog.values()["given_at"]


def test_the_late_evening_dose_given_after_midnight_is_saved_after_midnight(qtbot, session_for, patient_on_the_clock):
    assert _paracetamol_given_at(qtbot, session_for, patient_on_the_clock, datetime(2026, 11, 29, 0, 10), "10:00 22:00",
                                 datetime(2026, 11, 28, 22, 0), "00:10") == "2026-11-29T00:10+01:00"


def test_the_morning_dose_given_late_in_the_evening_is_saved_that_evening(qtbot, session_for, patient_on_the_clock):
    assert _paracetamol_given_at(qtbot, session_for, patient_on_the_clock, datetime(2026, 11, 28, 21, 0), "08:00",
                                 datetime(2026, 11, 28, 8, 0), "20:30") == "2026-11-28T20:30+01:00"


def test_an_as_required_dose_of_the_night_typed_in_the_afternoon_is_that_night_s(
        qtbot, session_for, patient_on_the_clock, cyclizine_as_required):
    patient = patient_on_the_clock(datetime(2026, 11, 28, 16, 0), "2026-11-27T09:00+01:00")
    order = cyclizine_as_required(patient, "2026-11-27T09:30+01:00")
    nurse = session_for("nurse")
    dialog = DoseDialog(nurse, medication.order(nurse.db, order), None)
    qtbot.addWidget(dialog)
    dialog.given_at.setText("02:00")
    assert dialog.values()["given_at"] == "2026-11-28T02:00+01:00"


def test_a_paper_dose_given_before_midnight_for_the_midnight_slot_is_the_evening_before(qtbot, paper_night):
    nurse, patient, _, _, paracetamol = paper_night
    view = MarView(nurse, patient)
    qtbot.addWidget(view)
    view.paper.enter_button.click()
    (row,) = [row for row in view.paper_dialog.rows
              if row.order.record_id == paracetamol and row.slot == datetime.fromisoformat("2026-11-29T00:00+01:00")]
    row.outcome.setCurrentIndex(GIVEN)
    row.given_at.setText("23:50")
    assert view.paper_dialog.typed()[row.number].at == datetime.fromisoformat("2026-11-28T23:50+01:00")


def test_an_as_required_paper_dose_of_yesterday_evening_is_not_tonight_s(qtbot, paper_night):
    """Typed at 07:15, the 19:00 dose read nearest now was tonight's, refused as in the future."""
    nurse, patient, _, _, _ = paper_night
    view = MarView(nurse, patient)
    qtbot.addWidget(view)
    view.paper.enter_button.click()
    row = view.paper_dialog.add_as_required()
    row.given_at.setText("19:00")
    assert view.paper_dialog.typed()[row.number].at == datetime.fromisoformat("2026-11-28T19:00+01:00")


def test_an_as_required_paper_dose_is_read_in_the_stretch_typed_and_refused_outside_it(qtbot, paper_night, clock):
    """Typed two days later, the night's "22:00" read against now was the night after's, saved,
    and "02:00" the day's; the night's stretch gives both, and a time outside it is refused."""
    nurse, patient, _, _, _ = paper_night
    clock.now = datetime.fromisoformat("2026-12-01T09:00+01:00")
    view = MarView(nurse, patient)
    qtbot.addWidget(view)
    view.paper.enter_button.click()
    dialog = view.paper_dialog
    dialog.start.setText("28/11/2026 20:00")
    dialog.end.setText("29/11/2026 08:00")
    dialog.list_doses()
    row = dialog.add_as_required()
    row.outcome.setCurrentIndex(GIVEN)
    for typed, read in (("22:00", "2026-11-28T22:00+01:00"), ("02:00", "2026-11-29T02:00+01:00")):
        row.given_at.setText(typed)
        assert dialog.typed()[row.number].at == datetime.fromisoformat(read)
    row.given_at.setText("09:00")
    assert dialog.typed() is None
    assert dialog.error.text() == (f"Row {row.number}: “Actual time” 29/11/2026 09:00 is outside the stretch "
                                   "28/11/2026 20:00 to 29/11/2026 08:00: type its date, or list its stretch.")


def test_a_paper_time_the_clock_could_not_show_is_refused_saying_why(qtbot, paper_night):
    """"22:00 +02:00" typed in November, the ward's clock on +01:00: the row said it "cannot be
    read", and the nurse could not tell what to change; the box's own message names the offset."""
    nurse, patient, _, _, _ = paper_night
    view = MarView(nurse, patient)
    qtbot.addWidget(view)
    view.paper.enter_button.click()
    row = view.paper_dialog.rows[0]
    row.outcome.setCurrentIndex(GIVEN)
    row.given_at.setText("22:00 +02:00")
    assert view.paper_dialog.typed() is None
    assert view.paper_dialog.error.text().startswith("Row 1: “Actual time”: the ward's clock was on +01:00")
