"""Blood glucose from the keyboard: the nurse opens the patient's glucose tab, records a low
reading through the form (asked when the next is due), reads the hypo's call and its recheck,
then the recheck falling overdue with time, and the recheck she takes clearing it; the hourly
reading it planned then falls overdue in its turn."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from downtime.qt.form_view import FormView
from downtime.qt.glucose_view import GlucoseView
from downtime.services import records, wards


def _record(window, chart: GlucoseView, type_text, at: str, value: str, timing: str, plan: str | None = None) -> None:
    """A reading through the form; `plan` chosen when given, with the unit the meter shows (else
    both as the form starts them, from the latest reading), and a reading with neither refused,
    naming the questions."""
    QTest.mouseClick(next(b for b in chart.findChildren(QPushButton) if b.text() == "Record a r&eading"),
                     Qt.MouseButton.LeftButton)
    form = window.tabs.currentWidget()
    assert isinstance(form, FormView) and form.spec.id == "blood_glucose"
    form.editors["taken_at"].set_value(at)
    form.editors["timing"].set_value(timing)
    form.editors["reading"].set_value("value")
    type_text(form.editors["glucose"].edit, value)
    if plan is not None:
        assert form.raw_values().get("next_in") is None and form.raw_values().get("glucose_unit") is None
        QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert form.record is None and "Next reading due in" in form.summary.text()
        form.editors["next_in"].set_value(plan)
        QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert form.record is None and "Unit the meter shows" in form.summary.text()
        form.editors["glucose_unit"].set_value("mmol_l")
    else:
        assert form.raw_values().get("glucose_unit") == "mmol_l"
    QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.record is not None, form.summary.text()


def test_a_hypo_is_called_out_and_its_recheck_falls_overdue(window, session_for, admission_values, select_bed,
                                                            type_text, clock):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    records.save_new(window.session, "admission", {**admission_values, "arrival_at": "2026-11-28T09:00+01:00"})
    window.patients.reload_wards()
    select_bed(window, "12")
    QTest.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    chart = window.tabs.currentWidget()
    assert isinstance(chart, GlucoseView) and chart.latest.text() == "No blood glucose recorded yet"
    _record(window, chart, type_text, "2026-11-28T13:55+01:00", "3.1", "before_lunch", plan="60")
    assert chart.latest.text() == "Latest: 3.1 mmol/L at 28/11 13:55 — hypo recheck due 28/11 14:10"
    assert chart.alarms.text() == ("HYPO (below 4 mmol/L, 0.72 g/L, 72 mg/dL): treat now as the hypoglycaemia "
                                   "protocol says; recheck within 15 minutes")
    assert chart.model.texts(0)[:4] == ("28/11 13:55", "Before lunch", "3.1 mmol/L", "hypo recheck due 28/11 14:10")
    assert chart.model.is_warning(0, 2)
    clock.advance(minutes=20)
    chart.refresh()
    assert chart.alarms.text().endswith("\nHYPO RECHECK OVERDUE since 28/11 14:10") and chart.model.is_warning(0, 3)
    _record(window, chart, type_text, "2026-11-28T14:20+01:00", "5.2", "recheck")  # hourly, as the last said
    assert chart.latest.text() == "Latest: 5.2 mmol/L at 28/11 14:20 — next reading due 28/11 15:20 (hourly)"
    assert chart.alarms.isHidden() and chart.model.texts(1)[3] == "28/11 14:10"
    clock.advance(minutes=66)
    chart.refresh()
    assert chart.latest.text() == "Latest: 5.2 mmol/L at 28/11 14:20"
    assert chart.alarms.text() == "GLUCOSE CHECK OVERDUE since 28/11 15:20 (hourly)" and chart.model.is_warning(0, 3)
