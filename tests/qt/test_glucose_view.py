"""Blood glucose from the keyboard: the nurse opens the patient's glucose tab, records a low
reading through the form (asked when the next is due), reads the hypo's call and its recheck,
then the recheck falling overdue with time, and the recheck she takes clearing it; the hourly
reading it planned then falls overdue in its turn."""

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from downtime.domain.medication import Check
from downtime.qt.form_view import FormView
from downtime.qt.glucose_view import GlucoseView
from downtime.services import infusion_rates, medication, records, wards


def _record(window, chart: GlucoseView, type_text, at: str, value: str, timing: str, plan: str | None = None,
            action: str | None = None) -> None:
    """A reading through the form; `plan` chosen when given, with the unit the meter shows (else
    both as the form starts them, from the latest reading), and a reading with neither refused,
    naming the questions; `action`, the action taken, when given (a hypo's treatment, asked of
    the reading after it)."""
    QTest.mouseClick(next(b for b in chart.findChildren(QPushButton) if b.text() == "Record a r&eading"),
                     Qt.MouseButton.LeftButton)
    form = window.tabs.currentWidget()
    assert isinstance(form, FormView) and form.spec.id == "blood_glucose"
    form.editors["taken_at"].set_value(at)
    form.editors["timing"].set_value(timing)
    form.editors["reading"].set_value("value")
    type_text(form.editors["glucose"].edit, value)
    if action is not None:
        form.editors["action"].set_value(action)
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
    _record(window, chart, type_text, "2026-11-28T14:20+01:00", "5.2", "recheck",  # hourly, as the last said
            action="150 mL orange juice")
    assert chart.latest.text() == "Latest: 5.2 mmol/L at 28/11 14:20 — next reading due 28/11 15:20 (hourly)"
    assert chart.alarms.isHidden() and chart.model.texts(1)[3] == "28/11 14:10"
    clock.advance(minutes=66)
    chart.refresh()
    assert chart.latest.text() == "Latest: 5.2 mmol/L at 28/11 14:20"
    assert chart.alarms.text() == "GLUCOSE CHECK OVERDUE since 28/11 15:20 (hourly)" and chart.model.is_warning(0, 3)


def _on_a_vriii(window, session_for, admission_values):
    """A patient admitted at 09:00 on ward 3B, an Actrapid VRIII ordered from 10:00: the patient
    and the order."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    patient = records.save_new(window.session, "admission", {**admission_values,
                                                             "arrival_at": "2026-11-28T09:00+01:00"}).patient_id
    vriii = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Actrapid 50 units in 50 mL", "dose": 50.0, "dose_unit": "units", "route": "IV", "form": "infusion",
        "rate_ml_h": 2.0, "dose_rule": "rate by the VRIII scale on the hourly capillary glucose", "frequency": "once",
        "start_at": "2026-11-28T10:00+01:00", "controlled": False, "high_alert": True, "time_critical": True},
        patient_id=patient).record_id
    return patient, vriii


@pytest.mark.parametrize("stopped", [False, True])
def test_a_hypo_on_an_insulin_infusion_says_the_infusion_runs(window, session_for, admission_values, select_bed,
                                                              stopped):
    """R2 #3: the tab said the ordinary hypo line, nothing of the VRIII running into it; and once
    its syringe was stopped at 12:30, said it running at 13:50 all the same."""
    patient, vriii = _on_a_vriii(window, session_for, admission_values)
    # Its syringe put up at 10:00: only a bag running is said running into a hypo.
    medication.record_dose(session_for("nurse"), vriii, {
        "outcome": "given", "given_at": "2026-11-28T10:00+01:00", "scheduled_for": "2026-11-28T10:00+01:00",
        "dose_given": 50.0, "route": "IV", "rate_ml_h": 2.0, medication.DECIDED_ON: "capillary glucose 14.0"},
        witness=("doctor", "2222"), overrides={check: "VRIII started" for check in Check})
    if stopped:
        infusion_rates.change_rate(session_for("nurse"), vriii, {"changed_at": "2026-11-28T12:30+01:00",
                                                                 "change": "stopped"},
                                   overrides={Check.INSULIN_OMITTED: "Dr Benali told"})
    records.save_new(window.session, "blood_glucose", {"taken_at": "2026-11-28T13:50+01:00", "timing": "night",
                                                       "reading": "value", "glucose": 3.1, "glucose_unit": "mmol_l",
                                                       "next_in": "60"}, patient_id=patient)
    window.patients.reload_wards()
    select_bed(window, "12")
    QTest.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    chart = window.tabs.currentWidget()
    assert isinstance(chart, GlucoseView)
    running = [line for line in chart.alarms.text().splitlines() if line.startswith("INSULIN INFUSION RUNNING")]
    assert running == ([] if stopped else [
        "INSULIN INFUSION RUNNING (Actrapid 50 units in 50 mL at 2 mL/h): review its rate as the VRIII protocol says; "
        "tell the doctor now"])
    assert chart.alarms.text().startswith("HYPO")


def test_a_ketone_meters_hi_is_recorded_through_the_form_with_no_number_and_told_now(
        window, session_for, admission_values, select_bed, type_text, clock):
    """R5 #6: the ketone meter showing HI, the form refused 8.5 and the nurse typed 8. "Ketone
    meter shows: HI" takes the ketones box away; the tab says "ketones HI" and the doctor told now."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    records.save_new(window.session, "admission", {**admission_values, "arrival_at": "2026-11-28T09:00+01:00"})
    window.patients.reload_wards()
    select_bed(window, "12")
    QTest.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    chart = window.tabs.currentWidget()
    QTest.mouseClick(next(b for b in chart.findChildren(QPushButton) if b.text() == "Record a r&eading"),
                     Qt.MouseButton.LeftButton)
    form = window.tabs.currentWidget()
    form.editors["taken_at"].set_value("2026-11-28T13:55+01:00")
    form.editors["timing"].set_value("other")
    form.editors["reading"].set_value("value")
    type_text(form.editors["glucose"].edit, "25")
    form.editors["glucose_unit"].set_value("mmol_l")
    form.editors["next_in"].set_value("60")
    form.editors["ketones_reading"].set_value("hi")
    QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.record is not None, form.summary.text()
    assert form.record.data["ketones_reading"] == "hi" and "ketones" not in form.record.data
    assert chart.model.texts(0)[2] == "25 mmol/L, ketones HI"
    assert chart.alarms.text() == ("Ketones 3 mmol/L or more, or the ketone meter's HI: tell the doctor now "
                                   "(ketoacidosis likely)")


def test_the_tab_says_the_next_reading_hourly_while_a_vriii_runs(window, session_for, admission_values, select_bed,
                                                                 clock):
    """09:55 planned 4 hours, the VRIII put up at 10:00: at 10:30 the tab said "next reading due
    28/11 13:55 (every 4 hours)" and was read again only then, while the lists and the handover
    said it due hourly."""
    patient, vriii = _on_a_vriii(window, session_for, admission_values)
    clock.now = datetime.fromisoformat("2026-11-28T10:05+01:00")
    records.save_new(window.session, "blood_glucose", {"taken_at": "2026-11-28T09:55+01:00", "timing": "other",
                                                       "reading": "value", "glucose": 14.0, "glucose_unit": "mmol_l",
                                                       "next_in": "240"}, patient_id=patient)
    medication.record_dose(session_for("nurse"), vriii, {
        "outcome": "given", "given_at": "2026-11-28T10:00+01:00", "scheduled_for": "2026-11-28T10:00+01:00",
        "dose_given": 50.0, "route": "IV", "rate_ml_h": 2.0, medication.DECIDED_ON: "capillary glucose 14.0"},
        witness=("doctor", "2222"))
    clock.now = datetime.fromisoformat("2026-11-28T10:30+01:00")
    window.patients.reload_wards()
    select_bed(window, "12")
    QTest.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    chart = window.tabs.currentWidget()
    assert isinstance(chart, GlucoseView)
    assert chart.latest.text() == "Latest: 14 mmol/L at 28/11 09:55 — next reading due 28/11 10:55 (hourly)"
    # Read again as 10:55 comes (25 minutes and a second on), not at 13:55.
    assert chart.read_again.timer.isActive() and chart.read_again.timer.interval() == (25 * 60 + 1) * 1000
    clock.advance(minutes=26)
    chart.refresh()
    assert chart.alarms.text().endswith("\nGLUCOSE CHECK OVERDUE since 28/11 10:55 (hourly)")
