"""Blood transfusion from the keyboard: the nurse opens the patient's transfusion tab, records a
unit started through the form (refused until the bedside identity check is answered Yes and, for
red cells, the bedside ABO card answered), reads its 15-minute set falling due and overdue, then
records the unit's end from the tab, the form about that unit alone; the escalation tab lists the
unit while its set is overdue."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from downtime.qt.form_view import FormView
from downtime.qt.transfusion_view import TransfusionView
from downtime.services import records, wards
from tests.test_transfusion import END, OBS, UNIT


def _press(chart: TransfusionView, text: str) -> None:
    QTest.mouseClick(next(b for b in chart.findChildren(QPushButton) if b.text() == text), Qt.MouseButton.LeftButton)


def test_a_unit_is_started_checked_watched_and_ended_from_its_tab(window, session_for, admission_values, select_bed,
                                                                  type_text, clock, listed):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    patient = records.save_new(window.session, "admission", {**admission_values, "arrival_at": "2026-11-28T09:00+01:00"})
    records.save_new(window.session, "observations", {**OBS, "taken_at": "2026-11-28T13:40+01:00"},
                     patient_id=patient.patient_id)
    window.patients.reload_wards()
    select_bed(window, "12")
    QTest.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    chart = window.tabs.currentWidget()
    assert isinstance(chart, TransfusionView) and chart.latest.text() == "No unit of blood recorded"
    _press(chart, "Record a unit &started")
    form = window.tabs.currentWidget()
    assert isinstance(form, FormView) and form.spec.id == "blood_transfusion"
    form.editors["component"].set_value("red_cells")
    type_text(form.editors["unit_number"].edit, "F0734 26 118042")
    form.editors["unit_group"].set_value("a_pos")
    form.editors["patient_group"].set_value("a_pos")
    form.editors["identity_checked"].set_value(False)
    form.editors["started_at"].set_value("2026-11-28T13:55+01:00")
    QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.record is None and "identity is checked" in form.summary.text()
    form.editors["identity_checked"].set_value(True)
    form.editors["patient_group"].set_value("o_neg")  # A RhD-positive red cells for an O RhD-negative patient
    layout, row = form.rows["rhd_agreed"]
    assert layout.isRowVisible(row)
    form.editors["rhd_agreed"].set_value(True)
    QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.record is None and "group A is not compatible with the patient's group O" in form.summary.text()
    form.editors["patient_group"].set_value("a_pos")
    assert not layout.isRowVisible(row)
    QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # red cells: the bedside card answered
    assert form.record is None and "answered for every unit of red cells" in form.summary.text()
    form.editors["abo_card"].set_value("compatible")
    QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # the use-by date read off the label
    assert form.record is None and "read off the unit's label at every bedside check" in form.summary.text()
    form.editors["use_by"].set_value("2026-12-20T23:59+01:00")
    QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.record is not None, form.summary.text()
    assert "rhd_agreed" not in form.record.data
    chart.refresh()
    assert chart.latest.text() == ("Running: Red cells F0734 26 118042 (A RhD positive) since 28/11 13:55 — "
                                   "15-minute observations due 28/11 14:10")
    assert chart.alarms.isHidden()
    assert chart.model.texts(0)[1:4] == ("F0734 26 118042 · A RhD+ · Red cells",
                                          "patient A RhD+, identity checked",
                                          "Before: yes · 15 min: — · After: —")
    clock.advance(minutes=16)
    chart.refresh()
    assert chart.alarms.text() == "15-MINUTE OBSERVATIONS OVERDUE since 28/11 14:10" and chart.model.is_warning(0, 5)
    panel = window.escalation
    window.tabs.setCurrentWidget(panel)
    panel.refresh()
    listed(panel)
    assert panel.charts_model.texts(0)[4:] == (
        "Blood transfusion", "Red cells F0734 26 118042 (A RhD positive) running since 28/11 13:55",
        "15-MINUTE OBSERVATIONS OVERDUE since 28/11 14:10")
    records.save_new(window.session, "observations", {**OBS, "taken_at": "2026-11-28T14:16+01:00"},
                     patient_id=patient.patient_id)
    window.tabs.setCurrentWidget(chart)
    chart.refresh()
    assert chart.alarms.isHidden() and chart.model.texts(0)[3] == "Before: yes · 15 min: 14:16 · After: —"
    _press(chart, "Record the &end of the unit")  # the only unit running, none chosen
    end = window.tabs.currentWidget()
    assert isinstance(end, FormView) and end.spec.id == "transfusion_end"
    assert end.editors["unit"].label.text() == ("Component: Red cells — Donation (unit) number: F0734 26 118042 — "
                                                "Unit's blood group: A RhD positive — Started at: 28/11/2026 13:55")
    end.editors["ended_at"].set_value("2026-11-28T14:16+01:00")
    end.editors["outcome"].set_value("completed")
    type_text(end.editors["volume"].edit, "285")
    end.editors["reaction"].set_value(False)
    QTest.keyClick(end, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert end.record is not None, end.summary.text()
    window.tabs.setCurrentWidget(chart)
    chart.refresh()
    assert chart.latest.text() == ("Last unit: Red cells F0734 26 118042 (A RhD positive), ended 28/11 14:16: "
                                   "Given in full, 285 mL")
    chart.table.selectRow(0)
    _press(chart, "Record the &end of the unit")  # ended already: its end opens, to amend
    assert window.tabs.currentWidget().record.record_id == end.record.record_id


def test_a_doctor_prescribes_from_the_tab_and_the_nurse_reads_it_over_the_units(window_for, session_for, patient,
                                                                                   type_text, answers):
    doctor = window_for(session_for("doctor"))
    chart = doctor.open_transfusion_of(patient)
    assert chart.prescribed.isHidden()
    _press(chart, "Pres&cribe blood…")
    form = doctor.tabs.currentWidget()
    assert isinstance(form, FormView) and form.spec.id == "blood_order"
    form.editors["ordered_at"].set_value("2026-11-28T13:00+01:00")
    form.editors["component"].set_value("red_cells")
    type_text(form.editors["units"].edit, "2")
    type_text(form.editors["each_over"].edit, "2 hours")
    type_text(form.editors["indication"].edit, "Hb 68 g/L")
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, answers[1]
    nurse = window_for(session_for("nurse"))
    theirs = nurse.open_transfusion_of(patient)
    assert theirs.prescribed.text() == ("Prescribed: Red cells × 2, each over 2 hours (prescribed 28/11 13:00): "
                                        "0 started")
    assert "Pres&cribe blood…" not in [button.text() for button in theirs.findChildren(QPushButton)
                                       if button.isVisibleTo(theirs)]
    _press(theirs, "Record a unit &started")
    unit = nurse.tabs.currentWidget()
    assert unit.editors["order"].combo.currentText().startswith("Component: Red cells — Units (or adult doses): 2")
    assert unit.editors["component"].combo.currentText() == "Red cells"


def test_a_unit_that_ran_past_4_hours_out_of_the_fridge_and_group_a_plasma_say_so_on_the_tab(window_for, session_for, patient):
    nurse = session_for("nurse")
    started = records.save_new(nurse, "blood_transfusion", {**UNIT, "collected_at": "2026-11-28T09:00+01:00"},
                               patient_id=patient)
    records.save_new(nurse, "transfusion_end", {**END, "unit": started.record_id, "ended_at": "2026-11-28T13:10+01:00"},
                     patient_id=patient)
    chart = window_for(nurse).open_transfusion_of(patient)
    assert chart.latest.text() == ("Last unit: Red cells G0001 26 123456 (O RhD negative), RAN PAST 4 HOURS OUT OF THE "
                                   "FRIDGE; ended 28/11 13:10: Given in full, 280 mL")
    assert chart.model.is_warning(0, 4) and not chart.model.is_warning(0, 5)
    records.save_new(nurse, "blood_transfusion", {**UNIT, "unit_number": "G0001 26 000002", "component": "plasma",
                                                  "unit_group": "a_pos", "patient_group": "not_known",
                                                  "group_a_agreed": True, "started_at": "2026-11-28T13:20+01:00"},
                     patient_id=patient)
    chart.refresh()
    assert chart.model.texts(0)[2] == (  # newest first
        "patient Not known yet (emergency), identity checked, group A issued so, Paul Martin")


def test_a_finished_unit_that_ran_past_4_hours_says_so_in_sight_once_another_is_running(window_for, session_for,
                                                                                        patient):
    """Unit 1 ended past 4 hours out of the fridge, unit 2 started: the headline spoke of unit 2,
    and unit 1's "Where it stands" cell, cut on screen, ended before "ran past 4 hours out of the
    fridge" (at its end): only the cell's dark red said it, which a colour-blind nurse does not see."""
    from downtime.qt.transfusion_view import WHERE

    nurse = session_for("nurse")
    started = records.save_new(nurse, "blood_transfusion", {**UNIT, "collected_at": "2026-11-28T09:00+01:00"},
                               patient_id=patient)
    records.save_new(nurse, "transfusion_end", {**END, "unit": started.record_id, "ended_at": "2026-11-28T13:10+01:00"},
                     patient_id=patient)
    records.save_new(nurse, "blood_transfusion", {**UNIT, "unit_number": "G0001 26 000002",
                                                  "started_at": "2026-11-28T13:20+01:00"}, patient_id=patient)
    window = window_for(nurse)
    chart = window.open_transfusion_of(patient)
    window.resize(1366, 768)
    window.show()
    window.tabs.setCurrentWidget(chart)
    assert "000002" in chart.latest.text() and "4 HOURS" not in chart.latest.text()
    metrics = chart.table.fontMetrics()
    shown = metrics.elidedText(chart.model.text(1, WHERE), Qt.TextElideMode.ElideRight,  # newest first
                               chart.table.columnWidth(WHERE) - 8)
    assert shown.startswith("RAN PAST 4 H"), shown


def test_the_tab_says_a_refusal_of_blood_and_a_breathless_set_after_the_unit_first(window, session_for,
                                                                                   admission_values, select_bed):
    """The admission records a refusal of all but platelets (version 4); a unit of platelets given
    in full at 13:40, its set after the end at 13:50 breathing 30 a minute at 88 %."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    patient = records.save_new(window.session, "admission", {
        **admission_values, "arrival_at": "2026-11-28T09:00+01:00", "blood_refusal": "some",
        "blood_accepted": ["platelets"]}).patient_id
    records.save_new(window.session, "observations", {**OBS, "taken_at": "2026-11-28T11:50+01:00"}, patient_id=patient)
    started = records.save_new(window.session, "blood_transfusion", {
        **UNIT, "component": "platelets", "unit_group": "a_neg"}, patient_id=patient)
    records.save_new(window.session, "transfusion_end", {**END, "unit": started.record_id}, patient_id=patient)
    records.save_new(window.session, "observations", {**OBS, "taken_at": "2026-11-28T13:50+01:00",
                                                      "respiratory_rate": 30, "spo2": 88}, patient_id=patient)
    window.patients.reload_wards()
    select_bed(window, "12")
    QTest.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    chart = window.tabs.currentWidget()
    assert isinstance(chart, TransfusionView) and chart.alarms.isVisibleTo(chart)
    assert chart.alarms.text().split("\n") == [
        "REFUSES BLOOD PRODUCTS: Refuses blood, accepts some components: Platelets",
        "POSSIBLE TRANSFUSION REACTION at 28/11 13:50, after the unit (breathing rate 30, up 14, SpO2 88, down 9): "
        "call the doctor, report it to the blood bank, and record the reaction on the unit's end"]


def test_the_tab_says_a_refusal_of_an_earlier_stay_and_not_a_mild_pulse_the_end_answered(window, session_for,
                                                                                          admission_values, select_bed):
    """Refusing all blood but platelets at a stay in the early morning, readmitted at 09:30 on an
    admission leaving the question blank; a unit of platelets whose pulse of 112 throughout the
    doctor judged no reaction, under the end's Notes, still 112 after it."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    patient = records.save_new(window.session, "admission", {
        **admission_values, "arrival_at": "2026-11-28T07:00+01:00", "blood_refusal": "some",
        "blood_accepted": ["platelets"]}).patient_id
    records.save_new(window.session, "discharge", {"discharged_at": "2026-11-28T09:00+01:00", "destination": "home",
                                                   "letter_given": True, "medicines_given": True}, patient_id=patient)
    records.save_new(window.session, "admission", {**admission_values, "arrival_at": "2026-11-28T09:30+01:00"},
                     patient_id=patient)
    records.save_new(window.session, "observations", {**OBS, "taken_at": "2026-11-28T11:50+01:00"}, patient_id=patient)
    started = records.save_new(window.session, "blood_transfusion", {
        **UNIT, "component": "platelets", "unit_group": "a_neg"}, patient_id=patient)
    records.save_new(window.session, "observations", {**OBS, "taken_at": "2026-11-28T12:15+01:00", "pulse": 112},
                     patient_id=patient)
    records.save_new(window.session, "transfusion_end", {
        **END, "unit": started.record_id, "notes": "Anxious, pulse 112 throughout: Dr Benali saw, no reaction."},
        patient_id=patient)
    records.save_new(window.session, "observations", {**OBS, "taken_at": "2026-11-28T13:50+01:00", "pulse": 112},
                     patient_id=patient)
    window.patients.reload_wards()
    select_bed(window, "12")
    QTest.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    chart = window.tabs.currentWidget()
    assert isinstance(chart, TransfusionView) and chart.alarms.isVisibleTo(chart)
    assert chart.alarms.text().split("\n") == [
        "REFUSES BLOOD PRODUCTS: Refuses blood, accepts some components: Platelets"]
