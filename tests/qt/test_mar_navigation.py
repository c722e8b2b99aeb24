"""The MAR screen pages through a long stay: Earlier and Later move it a span of days at a time,
from the stay's first day to today's chart, and Print prints the days shown. On day 31 only the
3 days ending today were ever shown."""

from datetime import date, datetime

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from downtime.qt import tables
from downtime.qt.mar_view import MarView

DAY_31 = datetime.fromisoformat("2026-12-27T10:00+01:00")


def _mar(qtbot, session, patient) -> MarView:
    view = MarView(session, patient)
    qtbot.addWidget(view)
    with qtbot.waitActive(view):  # a mnemonic answers in the active window only
        view.show()
    return view


def test_day_one_of_a_month_stay_is_reached_and_printed_as_shown(qtbot, session_for, course_orders, clock,
                                                                 monkeypatch):
    patient = course_orders[0]
    clock.now = DAY_31
    view = _mar(qtbot, session_for("nurse"), patient)
    assert view.model.days[0] == date(2026, 12, 25)
    assert not view.later_button.isEnabled() and not view.today_button.isEnabled() and view.days_said.text() == ""
    QTest.keyClick(view, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: view.model.days[0] == date(2026, 12, 22))
    assert view.days_said.text() == "EARLIER DAYS: 22/12/2026 to 24/12/2026, not today's chart"
    while view.earlier_button.isEnabled():
        qtbot.mouseClick(view.earlier_button, Qt.MouseButton.LeftButton)
    assert view.model.days == [date(2026, 11, 27), date(2026, 11, 28), date(2026, 11, 29)]  # the stay's first day
    assert "Furosemide" in {row.order.drug for row, _ in view.model.rows}
    shown = []
    monkeypatch.setattr(tables, "show_print", lambda parent, out, **kwargs: shown.append(out))
    qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown))
    assert "27/11/2026 to 29/11/2026" in PdfReader(shown[0]).pages[0].extract_text()
    qtbot.mouseClick(view.later_button, Qt.MouseButton.LeftButton)
    assert view.model.days[0] == date(2026, 11, 30)
    qtbot.mouseClick(view.today_button, Qt.MouseButton.LeftButton)
    assert view.model.days[0] == date(2026, 12, 25) and view.days_said.text() == ""
    assert "Furosemide" not in {row.order.drug for row, _ in view.model.rows}


def test_later_comes_back_to_todays_chart(qtbot, session_for, medication_ward, clock):
    clock.now = DAY_31
    view = _mar(qtbot, session_for("nurse"), medication_ward[0])
    for _ in range(2):
        view.earlier_button.click()
    assert view.model.days[0] == date(2026, 12, 19)
    view.later_button.click()
    assert view.model.days[0] == date(2026, 12, 22) and view.later_button.isEnabled()
    view.later_button.click()
    assert view.model.days[0] == date(2026, 12, 25) and not view.later_button.isEnabled()


def test_on_earlier_days_a_cell_is_typed_in_and_a_dose_given_now_is_refused(qtbot, session_for, medication_ward, clock,
                                                                           answers):
    """Today's chart types yesterday's cell in from paper; earlier days' cells are typed in so too.
    From the medicine column Enter opened those days' dose nearest to now, 3 weeks old, for a dose
    given now."""
    _, asked = answers
    patient, amox, _ = medication_ward
    clock.now = DAY_31
    view = _mar(qtbot, session_for("nurse"), patient)
    for _ in range(7):
        view.earlier_button.click()
    assert view.model.days[0] == date(2026, 12, 4)
    line = next(number for number, (row, at) in enumerate(view.model.rows)
                if row.order.record_id == amox and at == "08:00")
    view.table.setCurrentIndex(view.model.index(line, 0))
    assert view.record_dose() is None
    assert asked == [("error", "This chart shows 04/12/2026 to 06/12/2026. A dose given now is recorded from today's "
                               "chart (Back to today); a dose of these days, in its day's cell.")]
    view.table.setCurrentIndex(view.model.index(line, 3))
    dialog = view.record_dose()
    qtbot.addWidget(dialog)
    assert dialog.slot == datetime.fromisoformat("2026-12-05T08:00+01:00") and dialog.from_slot
