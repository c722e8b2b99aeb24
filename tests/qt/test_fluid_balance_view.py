"""The fluid balance chart from the keyboard: a nurse opens the patient's chart, records volumes
in and out through the form, reads the hours, totals and balance worked out, turns to the day
before, opens a volume to amend it, and prints the day's chart."""

from datetime import datetime
from zoneinfo import ZoneInfo

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from downtime.domain.fluid_balance import HOURS
from downtime.qt.fluid_balance_view import FluidBalanceView
from downtime.qt.form_view import FormView
from downtime.qt.print_preview import PrintPreview
from downtime.services import medication, records, wards


def _button(view, text: str) -> QPushButton:
    return next(button for button in view.findChildren(QPushButton) if button.text() == text)


def _record(window, chart: FluidBalanceView, type_text, at: str, route: str, volume: str, what: str = "") -> None:
    QTest.mouseClick(_button(chart, "Record fluid &in or out"), Qt.MouseButton.LeftButton)
    form = window.tabs.currentWidget()
    assert isinstance(form, FormView) and form.spec.id == "fluid_balance"
    form.editors["measured_at"].set_value(at)
    form.editors["route"].set_value(route)
    type_text(form.editors["volume"].edit, volume)
    if what:
        type_text(form.editors["what"].edit, what)
    QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.record is not None, form.summary.text()


def test_the_nurse_charts_volumes_and_reads_the_balance_worked_out(window, session_for, admission_values,
                                                                  select_bed, type_text):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    patient = records.save_new(window.session, "admission", {
        **admission_values, "arrival_at": "2026-11-27T21:00+01:00"}).patient_id
    window.patients.reload_wards()
    select_bed(window, "12")
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    chart = window.tabs.currentWidget()
    assert isinstance(chart, FluidBalanceView) and chart.patient_id == patient
    assert chart.day_label.text() == "24 hours from 28/11/2026 07:00 to 29/11/2026 07:00"
    assert chart.totals.text() == "Nothing measured on this chart's day."
    assert not chart.later.isEnabled() and not chart.earlier.isEnabled()
    _record(window, chart, type_text, "2026-11-28T10:00+01:00", "in_iv", "1000", "Sodium chloride 0.9 % bag 1")
    _record(window, chart, type_text, "2026-11-28T11:20+01:00", "out_urine", "300")
    _record(window, chart, type_text, "2026-11-28T06:30+01:00", "in_oral", "200")  # on the night's chart
    assert chart.totals.text() == ("In 1000 mL — out 300 mL — balance +700 mL (measured up to the 11:00 hour)\n"
                                   "Balance brought forward (from 27/11 07:00) +200 mL, cumulative +900 mL")
    hours = chart.hours
    assert [hours.headerData(n, Qt.Orientation.Horizontal) for n in (0, 2, 5, 6, 11, 12)] == [
        "Hour", "IV", "Total\nin", "Urine", "Total\nout", "Balance"]
    ten, eleven = HOURS.index(10), HOURS.index(11)
    assert hours.texts(ten) == ("10–11", "", "1000", "", "", "1000", "", "", "", "", "", "", "+1000")
    assert hours.texts(eleven) == ("11–12", "", "", "", "", "", "300", "", "", "", "", "300", "+700")
    assert hours.texts(len(HOURS)) == ("24 h", "0", "1000", "0", "0", "1000", "300", "0", "0", "0", "0", "300", "+700")
    listed = [chart.entries.texts(row) for row in range(chart.entries.rowCount())]
    assert listed == [("28/11 11:20", "Out: urine", "300 mL", "v1", ""),
                      ("28/11 10:00", "In: intravenous", "1000 mL", "v1", "Sodium chloride 0.9 % bag 1")]
    # The bag opened from the list, to amend: its record, as Enter opens it.
    window.tabs.setCurrentWidget(chart)
    chart.table.setFocus()
    chart.table.selectRow(1)
    QTest.keyClick(chart.table, Qt.Key.Key_Return)
    opened = window.tabs.currentWidget()
    assert isinstance(opened, FormView) and opened.record.data["volume"] == 1000
    window.tabs.setCurrentWidget(chart)
    QTest.mouseClick(chart.earlier, Qt.MouseButton.LeftButton)
    assert chart.day_label.text().startswith("24 hours from 27/11/2026") and chart.entries.rowCount() == 1
    assert chart.totals.text().startswith("In 200 mL — out 0 mL — balance +200 mL")
    assert chart.later.isEnabled() and not chart.earlier.isEnabled() and chart.today.isEnabled()
    QTest.mouseClick(chart.today, Qt.MouseButton.LeftButton)
    assert chart.entries.rowCount() == 2
    QTest.mouseClick(_button(chart, "&Print this day's chart"), Qt.MouseButton.LeftButton)
    (preview,) = window.findChildren(PrintPreview)
    pages = PdfReader(preview.path).pages
    text = " ".join(pages[0].extract_text().split())
    assert "Fluid balance chart" in text and "In 1000 mL — out 300 mL — balance +700 mL" in text
    assert "Volumes measured (2)" in " ".join(pages[1].extract_text().split())


def test_the_chart_under_way_opens_at_the_hour_now_and_stays_where_the_nurse_scrolled_it(window, session_for,
                                                                                          patient):
    chart = window.open_fluid_balance_of(patient)
    chart.hours_table.setFixedHeight(150)  # a laptop's fold, with the night's rows below it
    chart.show_day(chart.day)
    bar = chart.hours_table.verticalScrollBar()
    assert bar.value() > 0, "the 14:00 row is in sight, not 07:00"
    bar.setValue(0)  # the nurse reads the morning's rows
    records.save_new(window.session, "fluid_balance", {"measured_at": "2026-11-28T13:30+01:00", "route": "in_oral",
                                                       "volume": 200}, patient_id=patient)
    chart.refresh()
    assert bar.value() == 0 and chart.hours.texts(HOURS.index(13))[1] == "200"


def test_the_fluid_tab_calls_out_a_low_urine_output_and_its_end_with_the_next_measure(window_for, session_for,
                                                                                    patient, type_text, clock):
    nurse = session_for("nurse")
    clock.advance(hours=1, minutes=5)  # 15:05
    for hour in range(9, 15):
        records.save_new(nurse, "fluid_balance", {"measured_at": f"2026-11-28T{hour:02d}:30+01:00", "route": "out_urine",
                                                  "volume": 15}, patient_id=patient)
    window = window_for(nurse)
    chart = window.open_fluid_balance_of(patient)
    assert chart.alarms.text() == ("LOW URINE OUTPUT: 90 mL in 6 hours since 28/11 08:30 (0.24 mL/kg/h for 61.5 kg, "
                                   "below 0.5): tell the doctor")
    assert chart.read_again.timer.isActive()
    records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-28T15:02+01:00", "route": "out_urine",
                                              "volume": 300}, patient_id=patient)
    clock.advance(hours=1)
    chart.refresh()  # 08:30 to 15:02: 390 mL, 0.97 mL/kg/h
    assert chart.alarms.isHidden()


def test_a_restriction_set_from_the_tab_measures_the_days_intake(window_for, session_for, patient, type_text):
    window = window_for(session_for("doctor"))
    chart = window.open_fluid_balance_of(patient)
    assert chart.plan.isHidden()
    QTest.mouseClick(next(b for b in chart.findChildren(QPushButton) if b.text() == "Restriction or &target…"),
                     Qt.MouseButton.LeftButton)
    form = window.tabs.currentWidget()
    assert isinstance(form, FormView) and form.spec.id == "fluid_plan"
    form.editors["decided_at"].set_value("2026-11-28T10:00+01:00")
    form.editors["kind"].set_value("restriction")
    type_text(form.editors["volume"].edit, "1000")
    type_text(form.editors["decided_by"].edit, "Dr Benali")
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.summary.text()
    records.save_new(window.session, "fluid_balance", {"measured_at": "2026-11-28T11:00+01:00", "route": "in_iv",
                                                       "volume": 1100}, patient_id=patient)
    window.tabs.setCurrentWidget(chart)
    chart.refresh()
    assert chart.plan.text() == "Fluid restriction: no more than 1000 mL in 24 hours (Dr Benali, 28/11 10:00)"
    assert chart.alarms.text() == "OVER THE FLUID RESTRICTION: 1100 mL in, 1000 mL allowed: tell the doctor"


def test_a_bag_given_on_the_medication_chart_is_charted_from_the_tab(window_for, session_for, medication_ward):
    patient = medication_ward[0]
    saline = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Glucose 5 %", "dose": 500.0, "dose_unit": "mL", "route": "IV", "frequency": "scheduled",
        "times": "10:00", "start_at": "2026-11-28T09:00+01:00", "controlled": False, "high_alert": False},
        patient_id=patient)
    nurse = session_for("nurse")
    medication.record_dose(nurse, saline.record_id, {"outcome": "given", "given_at": "2026-11-28T10:00+01:00",
                                                     "dose_given": 500.0, "route": "IV",
                                                     "scheduled_for": "2026-11-28T10:00+01:00"})
    window = window_for(nurse)
    chart = window.open_fluid_balance_of(patient)
    assert chart.given.text() == "Given on the medication chart, not on this chart yet: 10:00 Glucose 5 % 500 mL"
    QTest.mouseClick(next(b for b in chart.findChildren(QPushButton)
                          if b.text() == "Chart a &bag from the medication chart"), Qt.MouseButton.LeftButton)
    form = window.tabs.currentWidget()
    assert isinstance(form, FormView) and form.spec.id == "fluid_balance"
    assert (form.editors["route"].value(), form.editors["volume"].value(), form.editors["what"].value()) == (
        "in_iv", 500, "Glucose 5 %")
    form.editors["measured_at"].set_value("2026-11-28T13:30+01:00")
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.summary.text()
    window.tabs.setCurrentWidget(chart)
    chart.refresh()
    assert chart.given.isHidden()


def test_nutrition_is_screened_from_the_tab_weighed_today_from_the_admission_height(window_for, session_for, patient,
                                                                                     clock):
    """The fluid chart is the ward's food and fluid chart: its tab says the patient's malnutrition
    risk, and asks for a screening a day after they came in. The weight is typed: MUST asks one
    measured now, not the admission's."""
    window = window_for(session_for("nurse"))
    chart = window.open_fluid_balance_of(patient)
    assert chart.nutrition.text() == "Nutrition: not screened yet (MUST)" and chart.alarms.isHidden()
    QTest.mouseClick(_button(chart, "Screen &nutrition (MUST)…"), Qt.MouseButton.LeftButton)
    form = window.tabs.currentWidget()
    assert isinstance(form, FormView) and form.spec.id == "nutrition_screening"
    assert (form.editors["weight_kg"].value(), form.editors["height_cm"].value()) == (None, 158)
    form.editors["screened_at"].set_value("2026-11-28T13:00+01:00")
    (total,) = form.total_labels.values()
    assert total.text() == "MUST total: 3 item(s) left to score"
    QTest.keyClicks(form.editors["weight_kg"].edit, "61.5")
    assert total.text() == "MUST total: 2 item(s) left to score"
    form.editors["weight_loss"].set_value("over_10")
    form.editors["acute_no_intake"].set_value(False)
    # As the paper's total box, while typed: a height half-typed is not one yet.
    assert total.text() == "<b>MUST total: 2 — HIGH RISK: treat, refer to the dietitian (BMI 24.6)</b>"
    height = form.editors["height_cm"].edit
    height.selectAll()
    QTest.keyClicks(height, "0")
    assert total.text() == "MUST total: 1 item(s) left to score"
    QTest.keyClicks(height, "\b158")
    assert total.text() == "<b>MUST total: 2 — HIGH RISK: treat, refer to the dietitian (BMI 24.6)</b>"
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.summary.text()
    window.tabs.setCurrentWidget(chart)
    chart.refresh()
    assert chart.nutrition.text() == (
        "Nutrition: MUST 2, HIGH RISK: treat, refer to the dietitian (BMI 24.6, 28/11 13:00)")
    clock.advance(days=7)
    chart.refresh()
    assert chart.alarms.text() == "NUTRITION SCREENING DUE since 05/12 13:00: screen again (MUST)"


def test_a_child_is_not_offered_the_adults_malnutrition_screening(window_for, session_for, admission_values):
    """MUST's BMI bands are adults': a well five-year-old scored high risk, with the dietitian and a
    weekly screen asked for, from a button the tab offered for every patient."""
    nurse = session_for("nurse")
    child = records.save_new(nurse, "admission", {**admission_values, "birth_date": "2021-06-01", "nir": None,
                                                  "weight_kg": 18, "height_cm": 110, "bed": "5"}).patient_id
    chart = window_for(nurse).open_fluid_balance_of(child)
    assert chart.nutrition.text() == "Nutrition: MUST screens adults (18 or over), not a child"
    assert chart.screen_nutrition_button.isHidden()



def _chart_at_ten(window, chart, type_text, volumes):
    """Each (route, volume) charted at 10:00 through the tab's "Record fluid in or out" form, as a
    nurse types it, then the tab read again."""
    for route, volume in volumes:
        QTest.mouseClick(_button(chart, "Record fluid &in or out"), Qt.MouseButton.LeftButton)
        form = window.tabs.currentWidget()
        form.editors["measured_at"].set_value("2026-11-28T10:00+01:00")
        form.editors["route"].set_value(route)
        type_text(form.editors["volume"].edit, volume)
        QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
        assert form.record is not None, form.summary.text()
    window.tabs.setCurrentWidget(chart)
    chart.refresh()


def test_the_tab_shows_bladder_irrigation_in_its_own_column_none_of_it_intake(window_for, session_for, patient,
                                                                              type_text):
    """Irrigant charted through the form's own way in: a column of its own after the intake's
    total, the true urine beside the sums."""
    window = window_for(session_for("nurse"))
    chart = window.open_fluid_balance_of(patient)
    assert "Bladder\nirrig." not in [chart.hours.headerData(column, Qt.Orientation.Horizontal)
                                     for column in range(chart.hours.columnCount())]
    _chart_at_ten(window, chart, type_text, (("in_irrigation", "500"), ("out_urine", "530")))
    headers = [chart.hours.headerData(column, Qt.Orientation.Horizontal) for column in range(chart.hours.columnCount())]
    column = headers.index("Bladder\nirrig.")
    assert headers[column - 1] == "Total\nin" and chart.hours.texts(HOURS.index(10))[column] == "500"
    assert chart.totals.text().startswith(
        "In 0 mL — out 530 mL — balance −30 mL — bladder irrigation 500 mL in (not intake), true urine 30 mL")


def test_the_tab_says_in_red_the_irrigant_the_bag_has_not_given_back(window_for, session_for, patient, type_text):
    """500 mL of irrigant in, 300 mL back in the bag: "true urine 0 mL" on the tab, 200 mL left in
    the bladder said nowhere."""
    window = window_for(session_for("nurse"))
    chart = window.open_fluid_balance_of(patient)
    _chart_at_ten(window, chart, type_text, (("in_irrigation", "500"), ("out_urine", "300")))
    assert "true urine" not in chart.totals.text() and "200 mL of it not returned" in chart.totals.text()
    assert chart.alarms.isVisibleTo(chart) and chart.alarms.text() == (
        "IRRIGANT NOT RETURNED: 200 mL — check the catheter is not blocked, tell the doctor")


def test_the_tab_of_day_two_says_the_balance_brought_forward(window_for, session_for, patient, clock):
    """Day two's sums started the patient even: +1000 mL the day before was nowhere on the tab."""
    records.save_new(session_for("nurse"), "fluid_balance", {"measured_at": "2026-11-28T10:00+01:00", "route": "in_iv",
                                                             "volume": 1000}, patient_id=patient)
    clock.advance(days=1)
    nurse = session_for("nurse")  # the next day's shift
    records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-29T10:00+01:00", "route": "out_urine",
                                              "volume": 300}, patient_id=patient)
    chart = window_for(nurse).open_fluid_balance_of(patient)
    assert chart.totals.text() == ("In 0 mL — out 300 mL — balance −300 mL (measured up to the 10:00 hour)\n"
                                   "Balance brought forward (from 28/11 07:00) +1000 mL, cumulative +700 mL")
    QTest.mouseClick(_button(chart, "◀ &Day before"), Qt.MouseButton.LeftButton)
    assert chart.totals.text() == "In 1000 mL — out 0 mL — balance +1000 mL (measured up to the 10:00 hour)"


def test_a_vomit_not_measured_is_charted_from_the_tab_without_a_volume(window_for, session_for, patient):
    window = window_for(session_for("nurse"))
    chart = window.open_fluid_balance_of(patient)
    QTest.mouseClick(_button(chart, "Record fluid &in or out"), Qt.MouseButton.LeftButton)
    form = window.tabs.currentWidget()
    assert isinstance(form, FormView) and form.spec.id == "fluid_balance"
    form.editors["measured_at"].set_value("2026-11-28T11:10+01:00")
    form.editors["route"].set_value("out_vomit")
    form.editors["not_measured"].set_value("large")
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.summary.text()
    window.tabs.setCurrentWidget(chart)
    chart.refresh()
    assert chart.hours.texts(HOURS.index(11))[7] == "+++"
    assert chart.entries.texts(0)[:3] == ("28/11 11:10", "Out: vomit or gastric aspirate", "Not measured: large (+++)")
    assert chart.totals.text().startswith(
        "In 0 mL — out 0 mL — balance 0 mL — outputs not measured, not in the sums: Vomit / NG +++")


def test_a_volume_typed_on_a_laptop_set_to_utc_is_in_its_hour_on_the_wards_clock(window_for, session_for, patient):
    """Drunk at 11:00, typed on a laptop set to UTC (10:00+00:00): the tab put it in the 10:00 row
    and listed it at 10:00."""
    records.save_new(session_for("nurse"), "fluid_balance", {"measured_at": "2026-11-28T10:00+00:00",
                                                             "route": "in_oral", "volume": 250}, patient_id=patient)
    chart = window_for(session_for("nurse")).open_fluid_balance_of(patient)
    assert chart.hours.texts(HOURS.index(11))[:2] == ("11–12", "250") and chart.hours.texts(HOURS.index(10))[1] == ""
    assert chart.entries.texts(0)[:3] == ("28/11 11:00", "In: oral (drinks, liquid food)", "250 mL")


def test_the_tabs_grid_counts_outputs_not_measured_in_an_hour_and_in_the_totals(window_for, session_for, patient):
    """Two vomits in the bed in an hour, none measured: the hour read "+++ ++" and the totals row "0"."""
    nurse = session_for("nurse")
    for at, amount in (("11:10", "large"), ("11:40", "medium")):
        records.save_new(nurse, "fluid_balance", {"measured_at": f"2026-11-28T{at}+01:00", "route": "out_vomit",
                                                  "not_measured": amount}, patient_id=patient)
    chart = window_for(nurse).open_fluid_balance_of(patient)
    assert chart.hours.texts(HOURS.index(11))[7] == "+++²"
    assert chart.hours.texts(len(HOURS))[7] == "+++²"


def test_the_tab_of_the_night_the_clocks_go_back_says_its_25_hours(window_for, session_for, admission_values, clock):
    clock.now = datetime(2026, 10, 24, 12, 0, tzinfo=ZoneInfo("Europe/Paris"))
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", {**admission_values,
                                                    "arrival_at": "2026-10-23T09:00+02:00"}).patient_id
    chart = window_for(nurse).open_fluid_balance_of(patient)
    assert chart.day_label.text() == "25 hours from 24/10/2026 07:00 to 25/10/2026 07:00"
