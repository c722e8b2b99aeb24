"""The MAR screen the night the clocks go back: a dose in the hour the ward's clock reads twice
says which (its offset), as the printed chart does (tests/test_pdf_mar.py); a dose the clock reads
once is written as ever."""

from datetime import datetime
from zoneinfo import ZoneInfo

from downtime.qt.mar_view import MarView
from downtime.services import medication, records
from tests.conftest import CYCLIZINE_GIVEN

PARIS = ZoneInfo("Europe/Paris")


def test_two_as_required_doses_an_hour_apart_say_which_02_30_on_screen(qtbot, session_for, patient_on_the_clock,
                                                                       cyclizine_as_required, clock):
    """Cyclizine at 02:30 summer time and at 02:30 winter time: the screen read "HL 02:30; HL
    02:30", one minute to the nurse working from it, a double dose; the print said which."""
    patient = patient_on_the_clock(datetime(2026, 10, 25, 4, 0), "2026-10-24T09:00+02:00")
    order = cyclizine_as_required(patient, "2026-10-25T02:00+02:00")
    nurse = session_for("nurse")
    for given in ("2026-10-25T02:30+02:00", "2026-10-25T02:30+01:00", "2026-10-25T03:45+01:00"):
        clock.now = datetime.fromisoformat(given).astimezone(PARIS)  # recorded as given: no "(typed …)"
        medication.record_dose(nurse, order, {**CYCLIZINE_GIVEN, "given_at": given})
    view = MarView(nurse, patient)
    qtbot.addWidget(view)
    line = next(number for number, (row, _) in enumerate(view.model.rows) if row.order.record_id == order)
    assert view.model.texts(line)[-1] == "HL 02:30 +02:00; HL 02:30 +01:00; HL 03:45"


def test_a_dose_written_on_a_laptop_set_to_utc_keeps_its_own_time_with_no_offset_on_screen(
        qtbot, session_for, patient_on_the_clock, cyclizine_as_required, clock):
    """Cyclizine given at the first 02:30, the laptop still set to UTC (stored 00:30+00:00), read
    once it is set to Paris: its box keeps the time written on it (README: "stays in the 18:00
    box"), and the ward's offset beside it read "HL 00:30 +02:00", two hours before the dose."""
    patient = patient_on_the_clock(datetime(2026, 10, 25, 4, 0), "2026-10-24T09:00+02:00")
    order = cyclizine_as_required(patient, "2026-10-24T20:00+02:00")
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-10-25T00:30+00:00")
    medication.record_dose(nurse, order, {**CYCLIZINE_GIVEN, "given_at": "2026-10-25T00:30+00:00"})
    clock.now = datetime(2026, 10, 25, 4, 0, tzinfo=PARIS)
    view = MarView(nurse, patient)
    qtbot.addWidget(view)
    line = next(number for number, (row, _) in enumerate(view.model.rows) if row.order.record_id == order)
    assert view.model.texts(line)[-1] == "HL 00:30"


def _tooltip(view: MarView, order: str, day: int, at: str | None = None) -> str:
    """The tooltip of `order`'s cell of October `day` (`at`: its time's line, None: as required)."""
    from datetime import date

    from PySide6.QtCore import Qt

    model = view.model
    line = next(number for number, (row, clock) in enumerate(model.rows)
                if row.order.record_id == order and clock == at)
    return model.data(model.index(line, model.days.index(date(2026, 10, day)) + 2), Qt.ItemDataRole.ToolTipRole)


def test_a_cell_s_tooltip_says_which_02_10_a_dose_was_given_at_as_its_cell_does(qtbot, session_for,
                                                                               patient_on_the_clock,
                                                                               cyclizine_as_required, clock):
    """Given at the second 02:10, typed at 03:50: the tooltip said "02:10 given, typed 03:50", the
    cell "HL 02:10 +01:00"."""
    from downtime.domain.medication import Check

    patient = patient_on_the_clock(datetime(2026, 10, 25, 1, 0), "2026-10-24T09:00+02:00")
    order = cyclizine_as_required(patient, "2026-10-24T20:00+02:00")
    nurse = session_for("nurse")
    clock.now = datetime(2026, 10, 25, 3, 50, tzinfo=PARIS)
    medication.record_dose(nurse, order, {**CYCLIZINE_GIVEN, "given_at": "2026-10-25T02:10+01:00"},
                           overrides={check: "x" for check in Check})
    view = MarView(nurse, patient)
    qtbot.addWidget(view)
    assert "02:10 +01:00 given, typed 03:50" in _tooltip(view, order, 25)


def test_an_order_to_stop_at_the_second_02_30_says_which_on_screen_as_on_paper(qtbot, session_for,
                                                                              patient_on_the_clock, clock):
    """Read at the first 02:40, a hatched cell's tooltip said "Until 25/10 02:30", as though the
    course had ended ten minutes before, fifty minutes before it did."""
    patient = patient_on_the_clock(datetime(2026, 10, 24, 12, 0), "2026-10-24T09:00+02:00")
    order = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Ondansetron", "dose": 4, "dose_unit": "mg", "route": "IV", "frequency": "scheduled",
        "times": "10:00", "start_at": "2026-10-24T12:00+02:00", "stop_at": "2026-10-25T02:30+01:00",
        "controlled": False, "high_alert": False}, patient_id=patient).record_id
    clock.now = datetime(2026, 10, 25, 2, 40, tzinfo=PARIS)
    view = MarView(session_for("nurse"), patient)
    qtbot.addWidget(view)
    assert _tooltip(view, order, 24, "10:00").endswith("\nStart 24/10 12:00 — Until 25/10 02:30 +01:00")
