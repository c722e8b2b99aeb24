"""Recording observations from the keyboard: the NEWS2 score is announced on saving, the
patient's chart and the ward's escalation list follow."""

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QPushButton

from downtime.domain.news2 import CLINICAL_RESPONSE, Band
from downtime.qt.observations_view import RISK_SHADES, EscalationPanel, News2Plot, ObservationsView, SetsModel
from downtime.qt.sign_in import SignInDialog
from downtime.services import observations, records, wards
from downtime.services.census import patient_with_location

RCP_EXAMPLE = {"taken_at": "2026-11-28T12:00+01:00", "respiratory_rate": 22, "spo2": 95, "spo2_scale": "scale_1",
               "on_oxygen": False, "systolic_bp": 105, "diastolic_bp": 70, "pulse": 115, "consciousness": "alert",
               "temperature": 38.3}


@pytest.fixture
def observations_form(qtbot, session_for, admission_values):
    """observations_form(lang): the form of a new set, shown, for a patient admitted to bed 12 of
    ward 3B by a nurse working in `lang`."""
    from downtime.qt.form_view import FormView

    def make(lang: str) -> FormView:
        wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
        nurse = session_for("nurse", lang)
        patient = records.save_new(nurse, "admission", admission_values).patient_id
        form = FormView(nurse, nurse.form("observations"), patient_id=patient)
        qtbot.addWidget(form)
        form.show()
        return form

    return make


def test_a_high_score_is_announced_and_lands_on_the_chart_and_the_escalation_list(
        window, session_for, admission_values, answers, select_bed, listed):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    patient = records.save_new(window.session, "admission", admission_values).patient_id
    number = patient_with_location(window.session.db, window.session.forms, patient).downtime_number
    window.patients.reload_wards()
    select_bed(window, "12")
    QTest.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    chart = window.tabs.currentWidget()
    assert isinstance(chart, ObservationsView) and chart.latest.text() == "No observations recorded yet"
    QTest.mouseClick(next(b for b in chart.findChildren(QPushButton) if b.text() == "Record a &new set"),
                     Qt.MouseButton.LeftButton)
    form = window.tabs.currentWidget()
    assert form.spec.id == "observations"
    for field_id, value in RCP_EXAMPLE.items():
        form.editors[field_id].set_value(value)
    QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.summary.isHidden(), form.summary.text()
    said = f"MARTIN Hélène Marie (née LEFÈVRE) ({number}), set taken 28/11 12:00: NEWS2 7 — HIGH"
    assert ("info", f"{said}\n\n{CLINICAL_RESPONSE[Band.HIGH]['en']}") in answers[1]
    assert window.statusBar().currentMessage() == said
    assert chart.latest.text() == "Score that stands: NEWS2 7 — HIGH at 28/11 12:00"
    assert chart.model.text(0, 9) == "7" and chart.model.text(0, 10) == "HIGH"
    assert "NEWS2 7" in chart.plot.accessibleDescription()
    escalation = window.escalation
    window.tabs.setCurrentWidget(escalation)
    listed(escalation)
    assert escalation.model.text(0, 2) == "MARTIN Hélène Marie (née LEFÈVRE)" and escalation.model.text(0, 6) == "HIGH"
    assert escalation.count.text() == "1 patient(s) to review, 1 HIGH"


def test_the_score_said_after_a_save_names_the_patient_and_leaves_with_its_tab(window, session_for, admission_values,
                                                                             answers, monkeypatch):
    """After a set was saved, the status bar kept "NEWS2 9 — HIGH" under the Patients list and
    every other patient's tab, with no name: a wrong patient's reading. It says whose set, and
    when it was taken, and goes when the nurse leaves the tab or closes it, or the laptop locks."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    patient = records.save_new(window.session, "admission", admission_values).patient_id
    number = patient_with_location(window.session.db, window.session.forms, patient).downtime_number
    under_the_lock: list[str] = []
    monkeypatch.setattr(SignInDialog, "exec", lambda dialog: under_the_lock.append(
        window.statusBar().currentMessage()) or QDialog.DialogCode.Rejected)
    monkeypatch.setattr(window, "_hand_over", lambda signed_in: None)
    for hour, leave in (("12", lambda: window.tabs.setCurrentWidget(window.patients)),
                        ("13", window.close_current_tab), ("14", window.idle_timer.timeout.emit)):
        chart = window.open_observations_of(patient)
        QTest.mouseClick(next(b for b in chart.findChildren(QPushButton) if b.text() == "Record a &new set"),
                         Qt.MouseButton.LeftButton)
        form = window.tabs.currentWidget()
        for field_id, value in {**RCP_EXAMPLE, "taken_at": f"2026-11-28T{hour}:00+01:00"}.items():
            form.editors[field_id].set_value(value)
        QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        said = f"MARTIN Hélène Marie (née LEFÈVRE) ({number}), set taken 28/11 {hour}:00: NEWS2 7 — HIGH"
        assert window.statusBar().currentMessage() == said
        leave()
        assert window.statusBar().currentMessage() == ""
        window._show_locked(False)
        if window.tabs.indexOf(form) >= 0:
            window.tabs.setCurrentWidget(form)
            assert window.statusBar().currentMessage() == ""
    assert under_the_lock == [""]


SIXTEEN = {**RCP_EXAMPLE, "respiratory_rate": 26, "spo2": 90, "on_oxygen": True, "oxygen_flow": 4.0,
           "systolic_bp": 88, "diastolic_bp": 50, "pulse": 115, "consciousness": "voice", "temperature": 37.0}
THIRTEEN = {**SIXTEEN, "pulse": 100, "consciousness": "alert", "temperature": 38.3}


def test_a_score_above_the_top_of_the_scale_is_plotted_at_its_height_and_labelled_whole(
        qtbot, session_for, admission_values):
    """A 13 and then a 16 were both drawn at 12, the top of the plot, as if the patient had not
    got worse, and their labels were cut off at the widget's top edge."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    for hour, values in (("11", RCP_EXAMPLE), ("12", THIRTEEN), ("13", SIXTEEN)):
        records.save_new(nurse, "observations", {**values, "taken_at": f"2026-11-28T{hour}:00+01:00"},
                         patient_id=patient)
    chart = ObservationsView(nurse, patient)
    qtbot.addWidget(chart)
    chart.resize(700, 600)
    chart.show()
    labels = chart.plot.score_labels()
    assert [text for text, _ in labels] == ["7", "13", "16"] and chart.plot.key() == ""
    assert all(QRectF(chart.plot.rect()).contains(box) for _, box in labels), labels
    seven, thirteen, sixteen = (point.y() for point in chart.plot.points())
    assert seven > thirteen > sixteen, "higher on the plot the higher the score"


TWENTY = {**SIXTEEN, "respiratory_rate": 7, "spo2": 85, "systolic_bp": 80, "pulse": 35, "temperature": 34.5}


@pytest.mark.parametrize("height", [180, 400])
def test_the_score_axis_is_marked_up_to_the_highest_score_shown(qtbot, session_for, admission_values, height):
    """Scores above 12 were drawn at their height, but the axis marks stopped at 10: a 16 or a
    20 stood by no number. The thresholds stay marked and no two marks are written over each
    other, at the plot's smallest height too."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    plot = News2Plot()
    qtbot.addWidget(plot)
    plot.resize(500, height)
    for hour, values, top in (("11", RCP_EXAMPLE, "12"), ("12", SIXTEEN, "16"), ("13", TWENTY, "20")):
        records.save_new(nurse, "observations", {**values, "taken_at": f"2026-11-28T{hour}:00+01:00"},
                         patient_id=patient)
        plot.show_sets(observations.chart(nurse.db, patient_with_location(nurse.db, nurse.forms, patient)))
        marks = plot.axis_marks()
        texts = [text for text, _ in marks]
        assert texts[:4] == ["0", "3", "5", "7"] and texts[-1] == top, texts
        assert all(QRectF(plot.rect()).contains(box) for _, box in marks), marks
        assert not any(upper.intersects(lower) for (_, upper), (_, lower) in zip(marks[1:], marks)), marks
        if top != "12":
            highest = min(point.y() for point in plot.points())
            assert abs(marks[-1][1].center().y() - highest) < 2, "the top mark stands by the top score"


def test_an_incomplete_recheck_is_said_plainly_and_the_high_set_stays_listed(qtbot, session_for, admission_values,
                                                                            listed):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    records.save_new(nurse, "observations", RCP_EXAMPLE, patient_id=patient)
    records.save_new(nurse, "observations", {"taken_at": "2026-11-28T12:30+01:00", "spo2_scale": "scale_1",
                                             "on_oxygen": False, "temperature": 37.9}, patient_id=patient)
    view = ObservationsView(nurse, patient)
    qtbot.addWidget(view)
    # The bold line says the score that stands, not the recheck's "NEWS2 0 — Low" over a HIGH 7's response.
    assert view.latest.text() == "Score that stands: NEWS2 7 — HIGH at 28/11 12:00"
    assert [text for text, _ in view.plot.score_labels()] == ["7", "0*"]
    assert view.plot.key() == "* incomplete set: can only underestimate the risk"
    assert view.response.text().startswith("Incomplete set: until a complete set is taken, the risk is judged by "
                                           "the last complete set (NEWS2 7 — HIGH at 28/11 12:00)")
    assert CLINICAL_RESPONSE[Band.HIGH]["en"] in view.response.text() and "12-hourly" not in view.response.text()
    assert view.model.text(1, 9) == "0 (incomplete)"
    panel = EscalationPanel(nurse)
    qtbot.addWidget(panel)
    panel.refresh()
    assert listed(panel).count.text() == "1 patient(s) to review, 1 HIGH"
    assert [panel.model.text(0, column) for column in (4, 5, 6)] == ["28/11 12:00 (later set incomplete)", "7", "HIGH"]


def test_saving_an_incomplete_low_set_says_so_in_a_dialog(window, session_for, admission_values, answers):
    """A 0 from a set with rows not taken is no reassurance: it is announced like a raised score."""
    from downtime.domain.news2 import INCOMPLETE_RESPONSE

    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    patient = records.save_new(window.session, "admission", admission_values).patient_id
    window.open_observations_of(patient)
    QTest.mouseClick(next(b for b in window.tabs.currentWidget().findChildren(QPushButton)
                          if b.text() == "Record a &new set"), Qt.MouseButton.LeftButton)
    form = window.tabs.currentWidget()
    for field_id, value in {"taken_at": "2026-11-28T12:30+01:00", "spo2_scale": "scale_1", "on_oxygen": False,
                            "temperature": 37.9}.items():
        form.editors[field_id].set_value(value)
    QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    (told,) = [text for kind, text in answers[1] if kind == "info"]
    assert told.endswith(f"\n\n{INCOMPLETE_RESPONSE['en']}")
    assert "set taken 28/11 12:30: NEWS2 0 — Low (incomplete: respiration rate" in window.statusBar().currentMessage()


def test_now_in_the_hour_the_clocks_go_back_is_the_second_pass_of_it(qtbot, session_for, admission_values, clock):
    """Last Sunday of October, Europe/Paris: a low set at 02:50 summer time, then 30 minutes later,
    at 02:20 winter time, a HIGH set taken with the form's "Now". The typed-back text was read as
    02:20 summer time, an hour early: the HIGH set charted before the low one, the low one stood
    as the latest, and the patient was not on the escalation list."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from downtime.qt.form_view import FormView
    from downtime.services import observations

    paris = ZoneInfo("Europe/Paris")
    clock.now = datetime(2026, 10, 25, 2, 50, tzinfo=paris)
    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", {**admission_values,
                                                    "arrival_at": "2026-10-24T20:00+02:00"}).patient_id
    records.save_new(nurse, "observations", {**RCP_EXAMPLE, "taken_at": "2026-10-25T02:50+02:00", "respiratory_rate": 16,
                                             "systolic_bp": 120, "pulse": 80, "temperature": 37.0}, patient_id=patient)
    clock.now = datetime(2026, 10, 25, 2, 20, fold=1, tzinfo=paris)
    form = FormView(nurse, nurse.form("observations"), patient_id=patient)
    qtbot.addWidget(form)
    QTest.mouseClick(form.editors["taken_at"].now_button, Qt.MouseButton.LeftButton)
    for field_id, value in RCP_EXAMPLE.items():
        if field_id != "taken_at":
            form.editors[field_id].set_value(value)
    form.save()
    assert form.record is not None and form.record.data["taken_at"] == "2026-10-25T02:20+01:00"
    assert observations.chart(nurse.db, patient_with_location(nurse.db, nurse.forms, patient))[-1].news2.band is Band.HIGH
    assert [item.judged.news2.band for item in observations.escalations(nurse.db, nurse.forms, "3B")] == [Band.HIGH]


def test_the_chart_gives_consciousness_in_the_wards_language(qtbot, session_for, admission_values):
    """The ACVPU column showed the stored code ("new confusion", "alert") on a French ward, where
    the form and the paper chart say "Confusion récente"."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    nurse = session_for("nurse", "fr")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    records.save_new(nurse, "observations", {**RCP_EXAMPLE, "consciousness": "new_confusion"}, patient_id=patient)
    view = ObservationsView(nurse, patient)
    qtbot.addWidget(view)
    assert view.model.text(0, 7) == "C (Confusion récente) (3)"
    assert view.model.text(0, 8) == "38,3 (1)"   # the temperature as the form and the French paper chart write it


def test_the_patient_chosen_on_the_escalation_list_stays_chosen_when_it_is_read_again(qtbot, session_for,
                                                                                      admission_values, listed):
    """The list is read again after every save: the nurse working down it, Enter on each patient,
    lost her place and Enter did nothing until a line was chosen again."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    nurse = session_for("nurse")
    first = records.save_new(nurse, "admission", admission_values).patient_id
    second = records.save_new(nurse, "admission", {**admission_values, "bed": "3", "birth_name": "Roux",
                                                   "used_name": ""}).patient_id
    for patient in (first, second):
        records.save_new(nurse, "observations", RCP_EXAMPLE, patient_id=patient)
    panel = EscalationPanel(nurse)
    qtbot.addWidget(panel)
    panel.refresh()
    listed(panel)
    line = next(row for row in range(panel.model.rowCount()) if panel.model.rows[row].patient.patient_id == second)
    panel.table.selectRow(line)
    records.save_new(nurse, "observations", {**RCP_EXAMPLE, "taken_at": "2026-11-28T13:00+01:00"}, patient_id=first)
    panel.refresh()
    listed(panel)
    current = panel.table.currentIndex()
    assert current.isValid() and panel.model.rows[current.row()].patient.patient_id == second


def test_observations_overdue_are_listed_and_enter_or_a_patient_action_is_for_that_line(
        window, session_for, admission_values, listed):
    """Under the escalations, the patients whose next set is overdue at 14:00: the HIGH patient
    seen at 12:00 (hourly) and a patient admitted at 10:30 with no set at all. A patient action
    taken from that list is for its chosen line, not the escalation list's."""
    from downtime.qt.mar_view import MarView

    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    seen = records.save_new(window.session, "admission", admission_values).patient_id
    unseen = records.save_new(window.session, "admission", {**admission_values, "bed": "3", "birth_name": "Roux",
                                                            "used_name": "", "nir": None}).patient_id
    records.save_new(window.session, "observations", RCP_EXAMPLE, patient_id=seen)
    panel = window.escalation
    window.tabs.setCurrentWidget(panel)
    listed(panel)
    assert panel.overdue_count.text() == "Observations overdue: 2 patient(s)"
    assert [[panel.overdue_model.text(row, column) for column in (1, 4, 5, 6)] for row in range(2)] == [
        ["3", "none recorded", "", "28/11 10:30 on admission"],
        ["12", "28/11 12:00 — 7", "continuous (at least hourly)", "28/11 13:00"]]
    assert panel.overdue_model.is_warning(0, 6)
    panel.table.selectRow(0)
    panel.overdue_table.setFocus()
    panel.overdue_table.selectRow(0)
    QTest.keyClick(panel.overdue_table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    chart = window.tabs.currentWidget()
    assert isinstance(chart, MarView) and chart.patient_id == unseen
    window.tabs.setCurrentWidget(panel)
    panel.overdue_table.setFocus()
    with_enter = []
    panel.open_patient.connect(with_enter.append)
    QTest.keyClick(panel.overdue_table, Qt.Key.Key_Return)
    assert with_enter == [unseen]


def test_the_overdue_list_is_read_again_when_the_next_set_falls_due_the_night_the_clocks_go_forward(
        qtbot, session_for, patient_on_the_clock, listed):
    """A set at 01:00 the night the clocks go forward, NEWS2 1, due again 4 h later: at 06:00 on
    the ward's clock, 3 h 30 min after 01:30. Counted on the wall clock, 4 h 30 min, the list left
    open was read again an hour after the set fell due, and said nothing overdue meanwhile."""
    from datetime import datetime

    patient = patient_on_the_clock(datetime(2027, 3, 28, 1, 30), "2027-03-27T09:00+01:00")
    nurse = session_for("nurse")
    records.save_new(nurse, "observations", {**RCP_EXAMPLE, "taken_at": "2027-03-28T01:00+01:00", "respiratory_rate": 16,
                                             "spo2": 97, "systolic_bp": 125, "pulse": 72, "temperature": 38.5},
                     patient_id=patient)
    panel = EscalationPanel(nurse)
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()
    listed(panel)
    remaining = panel.read_again.timer.remainingTime()
    assert 3.5 * 3600_000 <= remaining <= 3.5 * 3600_000 + 2_000, remaining


def test_the_overdue_list_left_on_screen_is_read_again_when_the_next_set_falls_due(qtbot, session_for,
                                                                                   admission_values, listed, clock):
    """The list was read only after a save: on a quiet night, the NEWS2 tab left open still read
    "No observations overdue" hours after a patient's set fell due. It is read again then."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    records.save_new(nurse, "observations", {**RCP_EXAMPLE, "taken_at": "2026-11-28T13:00+01:00", "respiratory_rate": 16,
                                             "spo2": 97, "systolic_bp": 125, "pulse": 72, "temperature": 38.5},
                     patient_id=patient)                        # NEWS2 1: 4-hourly, the next due at 17:00
    panel = EscalationPanel(nurse)
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()
    listed(panel)
    assert panel.overdue_count.text() == "No observations overdue"
    timer = panel.read_again.timer
    assert timer.isActive() and 3 * 3600_000 <= timer.remainingTime() <= 3 * 3600_000 + 2_000
    clock.advance(hours=3)
    timer.timeout.emit()
    listed(panel)
    assert panel.overdue_count.text() == "Observations overdue: 1 patient(s)"
    panel.hide()   # on another tab, it is read again once shown
    records.save_new(nurse, "observations", {**RCP_EXAMPLE, "taken_at": "2026-11-28T17:00+01:00", "respiratory_rate": 16,
                                             "spo2": 97, "systolic_bp": 125, "pulse": 72, "temperature": 36.8},
                     patient_id=patient)                        # NEWS2 0: 12-hourly, the next due at 05:00
    clock.advance(hours=12)
    timer.timeout.emit()
    assert panel.overdue_count.text() == "Observations overdue: 1 patient(s)" and not panel.reader.busy
    panel.show()
    listed(panel)
    assert [panel.overdue_model.text(0, 6)] == ["29/11 05:00"]


def test_choosing_scale_2_asks_who_prescribed_it_and_when(qtbot, session_for, admission_values, answers):
    """Scale 2 is used only as a clinician prescribed it: the form asks who and when, and
    refuses a prescription dated after the set it scores, naming the field. The stay's first
    scale-2 set is the doctor's own (a nurse's is refused: the next test)."""
    from downtime.qt.form_view import FormView
    from downtime.services import observations

    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", {**admission_values,
                                                    "arrival_at": "2026-11-27T09:00+01:00"}).patient_id
    form = FormView(session_for("doctor"), nurse.form("observations"), patient_id=patient)
    qtbot.addWidget(form)
    form.show()
    asked = ("scale_2_prescribed_by", "scale_2_prescribed_at")
    assert not any(form.editors[field_id].widget.isVisible() for field_id in asked)
    for field_id, value in {**RCP_EXAMPLE, "spo2": 88, "spo2_scale": "scale_2",
                            "scale_2_prescribed_at": "2026-11-28T12:30+01:00"}.items():
        form.editors[field_id].set_value(value)
    assert all(form.editors[field_id].widget.isVisible() for field_id in asked)
    form.save()
    assert form.record is None
    assert "“Scale 2 prescribed by” is required." in form.error_labels["scale_2_prescribed_by"].text()
    assert "cannot be after “Date and time taken”" in form.error_labels["scale_2_prescribed_at"].text()
    form.editors["scale_2_prescribed_by"].set_value("Dr Benali")
    form.editors["scale_2_prescribed_at"].set_value("2026-11-27T18:45+01:00")
    form.save()
    assert form.record is not None and form.record.data["scale_2_prescribed_at"] == "2026-11-27T18:45+01:00"
    assert observations.chart(nurse.db, patient_with_location(nurse.db, nurse.forms, patient))[0].news2.parameters.spo2 == 0


def test_a_nurses_first_scale_2_set_is_refused_on_the_scale_saying_what_to_do(qtbot, session_for, admission_values):
    from downtime.qt.form_view import FormView

    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", {**admission_values,
                                                    "arrival_at": "2026-11-27T09:00+01:00"}).patient_id
    form = FormView(nurse, nurse.form("observations"), patient_id=patient)
    qtbot.addWidget(form)
    for field_id, value in {**RCP_EXAMPLE, "spo2": 88, "spo2_scale": "scale_2", "scale_2_prescribed_by": "Dr Benali",
                            "scale_2_prescribed_at": "2026-11-28T02:00+01:00"}.items():
        form.editors[field_id].set_value(value)
    form.save()
    assert form.record is None
    assert "chart this set on scale 1" in form.error_labels["spo2_scale"].text()


def test_a_nurses_new_set_starts_on_the_scale_2_the_doctor_prescribed_and_saves(qtbot, session_for, admission_values):
    """After the doctor's scale-2 set the nurse's next set started blank: she chose the scale
    again and typed the prescriber her own way, or left scale 1 and the 88–92 % target was lost."""
    from downtime.qt.form_view import FormView

    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", {**admission_values,
                                                    "arrival_at": "2026-11-27T09:00+01:00"}).patient_id
    prescribed = {"spo2_scale": "scale_2", "scale_2_prescribed_by": "Dr Benali",
                  "scale_2_prescribed_at": "2026-11-28T02:00+01:00"}
    records.save_new(session_for("doctor"), "observations",
                     {**RCP_EXAMPLE, **prescribed, "spo2": 88, "taken_at": "2026-11-28T10:00+01:00"}, patient_id=patient)
    form = FormView(nurse, nurse.form("observations"), patient_id=patient)
    qtbot.addWidget(form)
    form.show()
    assert {field_id: form.editors[field_id].value() for field_id in prescribed} == prescribed
    assert form.editors["scale_2_prescribed_by"].widget.isVisible()
    for field_id, value in {**RCP_EXAMPLE, "spo2": 88}.items():
        if field_id != "spo2_scale":
            form.editors[field_id].set_value(value)
    form.save()
    assert form.record is not None and {name: form.record.data[name] for name in prescribed} == prescribed


def test_the_observations_form_shows_its_news2_score_as_typed_and_once_saved(window, session_for, admission_values,
                                                                           answers, type_text):
    """At the bedside the nurse types a set and sees nothing of its score until Save, and the set
    on screen after the announcement is closed, or opened again from the chart, says none."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    patient = records.save_new(window.session, "admission", admission_values).patient_id
    chart = window.open_observations_of(patient)
    QTest.mouseClick(next(b for b in chart.findChildren(QPushButton) if b.text() == "Record a &new set"),
                     Qt.MouseButton.LeftButton)
    form = window.tabs.currentWidget()
    for field_id, value in RCP_EXAMPLE.items():
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            type_text(form.editors[field_id].edit, str(value))
            QTest.keyClick(form.editors[field_id].edit, Qt.Key.Key_Tab)
        else:
            form.editors[field_id].set_value(value)
    (score,) = form.news2_labels.values()
    assert score.isVisibleTo(form) and score.text().startswith("<b>NEWS2 7 — HIGH</b>")
    # In the band's colour, as the patient list and the chart show it: it read in black.
    assert score.grab().toImage().pixelColor(2, 2) == QColor(RISK_SHADES[Band.HIGH])
    form.editors["pulse"].edit.clear()
    type_text(form.editors["pulse"].edit, "90")
    QTest.keyClick(form.editors["pulse"].edit, Qt.Key.Key_Tab)
    assert score.text().startswith("<b>NEWS2 5 — MEDIUM</b>")
    assert score.grab().toImage().pixelColor(2, 2) == QColor(RISK_SHADES[Band.MEDIUM])
    QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.record is not None and score.isVisibleTo(form) and "NEWS2 5 — MEDIUM" in score.text()
    window.open_record(form.record)
    (shown,) = window.tabs.currentWidget().news2_labels.values()
    assert shown.isVisibleTo(window.tabs.currentWidget()) and "NEWS2 5 — MEDIUM" in shown.text()


@pytest.mark.parametrize(("lang", "typed", "shown"), [("en", "n", "28/11/2026 14:30"), ("fr", "M", "28/11/2026 14:30"),
                                                      ("en", "now", "28/11/2026 14:30"), ("en", "no", "no")])
def test_n_typed_for_the_time_taken_is_now(observations_form, clock, lang, typed, shown):
    """The Now button is out of the keyboard's way (Tab passes it by): a nurse at the keyboard
    typed the whole date and time for each set. "N" (French "M", for maintenant) typed alone, then
    Enter (or Tab), is now, as the box's hint says; anything else is left as typed, for the form's
    check to name."""
    from datetime import datetime

    clock.now = datetime.fromisoformat("2026-11-28T14:30+01:00")
    form = observations_form(lang)
    box = form.editors["taken_at"].edit
    assert box.placeholderText() == {"en": "DD/MM/YYYY HH:MM, or N for now",
                                     "fr": "JJ/MM/AAAA HH:MM, ou M pour maintenant"}[lang]
    box.setFocus()
    box.clear()
    QTest.keyClicks(box, typed)
    QTest.keyClick(box, Qt.Key.Key_Return)
    assert box.text() == shown
    if shown != "no":
        assert datetime.fromisoformat(form.editors["taken_at"].value()) == clock.now


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_consciousness_is_chosen_by_its_acvpu_letter(qtbot, session_for, admission_values, lang, type_text):
    """The nurse types the chart's letter: "V" and "P" chose nothing in English (the options began
    "Responds to…"), and the set was saved incomplete, without the 3 points a patient responding
    only to voice or pain scores; in French "A" twice chose "Aréactif", unresponsive."""
    from downtime.qt.form_view import FormView

    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    nurse = session_for("nurse", lang)
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    form = FormView(nurse, nurse.form("observations"), patient_id=patient)
    qtbot.addWidget(form)
    editor = form.editors["consciousness"]
    usual = QApplication.keyboardInputInterval()
    QApplication.setKeyboardInputInterval(100)  # the nurse's pause between letters, shortened to wait less
    try:
        for letter, code in (("A", "alert"), ("C", "new_confusion"), ("V", "voice"), ("P", "pain"),
                             ("U", "unresponsive")):
            editor.combo.setCurrentIndex(0)
            QTest.qWait(QApplication.keyboardInputInterval() + 50)  # a new search of the list, not "AC"
            type_text(editor.combo, letter)
            assert editor.raw() == code, (letter, editor.combo.currentText())
    finally:
        QApplication.setKeyboardInputInterval(usual)


def test_the_escalation_list_says_who_was_told_or_that_nobody_is_recorded(qtbot, session_for, admission_values,
                                                                          listed):
    """The nurse in charge, going down the list at night, could not see whether the HIGH
    patient's doctor had been called: the set's "who was told" was only in the set, opened one
    patient at a time."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    nurse = session_for("nurse")
    told = records.save_new(nurse, "admission", admission_values).patient_id
    untold = records.save_new(nurse, "admission", {**admission_values, "bed": "3", "birth_name": "Roux",
                                                   "used_name": ""}).patient_id
    records.save_new(nurse, "observations", {**RCP_EXAMPLE, "notes": "Dr Benali called at 12:05,\ncoming"},
                     patient_id=told)
    records.save_new(nurse, "observations", RCP_EXAMPLE, patient_id=untold)
    panel = EscalationPanel(nurse)
    qtbot.addWidget(panel)
    panel.refresh()
    listed(panel)
    line = {panel.model.rows[row].patient.patient_id: row for row in range(panel.model.rowCount())}
    assert panel.model.headerData(7, Qt.Orientation.Horizontal) == "Who was told"
    assert panel.model.text(line[told], 7) == "Dr Benali called at 12:05, coming"
    assert panel.model.text(line[untold], 7) == "NOT RECORDED"
    assert panel.model.is_warning(line[untold], 7) and not panel.model.is_warning(line[told], 7)
    assert panel.model.is_warning(line[told], 6), "the HIGH band stays in red"


@pytest.mark.parametrize(("lang", "said"), [("en", ("NEWS2 6 — MEDIUM", "NEWS2 7 — HIGH")),
                                            ("fr", ("NEWS2 6 — MOYEN", "NEWS2 7 — ÉLEVÉ"))])
def test_the_news2_score_follows_the_reading_as_it_is_typed(observations_form, type_text, lang, said):
    """With 38,6 typed in Temperature and the cursor still in the box, the form read "NEWS2 8 —
    HIGH (incomplete: temperature not taken)", and the set saved scored 9: the score followed a
    box only once it was left. It follows each keystroke, a French decimal comma included."""
    form = observations_form(lang)
    for field_id, value in RCP_EXAMPLE.items():
        if field_id == "temperature":
            continue
        if isinstance(value, int) and not isinstance(value, bool):
            type_text(form.editors[field_id].edit, str(value))
            QTest.keyClick(form.editors[field_id].edit, Qt.Key.Key_Tab)
        else:
            form.editors[field_id].set_value(value)
    (score,) = form.news2_labels.values()
    box = form.editors["temperature"].edit
    box.setFocus()
    type_text(box, "38")
    assert score.text().startswith(f"<b>{said[0]}</b>"), score.text()
    type_text(box, {"en": ".3", "fr": ",3"}[lang])
    assert form.focusWidget() is box and score.text().startswith(f"<b>{said[1]}</b>"), score.text()
    assert score.grab().toImage().pixelColor(2, 2) == QColor(RISK_SHADES[Band.HIGH])
    QTest.keyClick(box, Qt.Key.Key_Backspace)
    QTest.keyClick(box, Qt.Key.Key_Backspace)
    assert score.text().startswith(f"<b>{said[0]}</b>"), score.text()


def test_record_a_new_set_pressed_again_brings_the_unsaved_set_forward(window, session_for, admission_values, answers,
                                                                      type_text):
    """Pressed twice, it opened two blank sets: the nurse typed into the one behind, and the two
    were saved side by side. Once the set is saved, the button gives a new one."""
    from downtime.qt.form_view import FormView

    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    patient = records.save_new(window.session, "admission", admission_values).patient_id
    chart = window.open_observations_of(patient)
    button = next(b for b in chart.findChildren(QPushButton) if b.text() == "Record a &new set")
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    form = window.tabs.currentWidget()
    type_text(form.editors["pulse"].edit, "88")
    window.tabs.setCurrentWidget(chart)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is form and form.editors["pulse"].edit.text() == "88"
    assert len(window._open_tabs(FormView)) == 1
    for field_id, value in RCP_EXAMPLE.items():
        form.editors[field_id].set_value(value)
    QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.record is not None
    window.tabs.setCurrentWidget(chart)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is not form and window.tabs.currentWidget().record is None
    assert len(window._open_tabs(FormView)) == 2


def test_a_3_in_one_parameter_is_in_the_warning_colour_on_the_list_and_the_sets(session_for, admission_values, forms):
    """A 3 in one row (Low-medium) asks an urgent ward review and hourly sets: in the colour of the
    low patients on the escalation list and the chart, it read as calm."""
    from downtime.qt.observations_view import EscalationModel, SetsModel

    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    records.save_new(nurse, "observations", {**RCP_EXAMPLE, "respiratory_rate": 16, "spo2": 97, "systolic_bp": 125,
                                             "pulse": 72, "temperature": 36.8, "consciousness": "new_confusion"},
                     patient_id=patient)
    (item,) = observations.escalations(nurse.db, forms, "3B")
    assert item.judged.news2.band is Band.LOW_MEDIUM
    escalation, sets = EscalationModel(), SetsModel(forms["observations"], "en")
    escalation.set_rows([item])
    sets.set_rows([item.judged])
    assert escalation.is_warning(0, EscalationModel.BAND) and sets.is_warning(0, len(SetsModel.columns) - 1)


def test_a_pregnant_womans_band_says_news2_is_not_validated_in_the_warning_colour(session_for, admission_values, forms):
    from downtime.domain.news2 import PREGNANCY
    from downtime.qt.observations_view import EscalationModel, SetsModel

    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    records.save_new(nurse, "observations", {**RCP_EXAMPLE, "respiratory_rate": 16, "spo2": 97, "systolic_bp": 0,
                                             "diastolic_bp": 0, "pulse": 72, "temperature": 36.8, "pregnant": True},
                     patient_id=patient)
    (item,) = observations.escalations(nurse.db, forms, "3B")
    escalation, sets = EscalationModel(), SetsModel(forms["observations"], "en")
    escalation.set_rows([item])
    sets.set_rows([item.judged])
    assert escalation.texts(0)[EscalationModel.BAND] == f"Low-medium — {PREGNANCY['en']}"
    assert sets.texts(0)[5] == "0/0 (3)", "a pressure the cuff cannot find is no blank"
    assert escalation.is_warning(0, EscalationModel.BAND) and sets.is_warning(0, len(SetsModel.columns) - 1)


def test_a_pregnant_woman_scoring_low_is_asked_who_was_told(session_for, admission_values, forms):
    """She is listed whatever her band, the maternity chart and the obstetric team first: her
    "Who was told" read blank at low, as if no one was to be."""
    from downtime.qt.observations_view import EscalationModel

    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    records.save_new(nurse, "observations", {**RCP_EXAMPLE, "respiratory_rate": 16, "spo2": 97, "systolic_bp": 125,
                                             "pulse": 72, "temperature": 36.8, "consciousness": "alert",
                                             "on_oxygen": False, "pregnant": True}, patient_id=patient)
    (item,) = observations.escalations(nurse.db, forms, "3B")
    escalation = EscalationModel()
    escalation.set_rows([item])
    assert item.judged.news2.total == 0
    assert escalation.texts(0)[EscalationModel.TOLD] == "NOT RECORDED"
    assert escalation.is_warning(0, EscalationModel.TOLD)


def test_each_reading_on_the_sets_gives_its_points_and_one_scoring_3_is_a_warning(qtbot, session_for, patient):
    """A set with SpO2 91 % and all else normal is Low-medium, a single parameter scoring 3: the
    screen coloured the band alone, and which reading scored was for the nurse to work out again,
    where the paper chart writes "91 (3)". Each reading gives its points, in words as on paper."""
    from tests.test_transfusion import OBS

    nurse = session_for("nurse")
    records.save_new(nurse, "observations", {**OBS, "spo2": 91, "taken_at": "2026-11-28T13:40+01:00"},
                     patient_id=patient)
    view = ObservationsView(nurse, patient)
    qtbot.addWidget(view)
    spo2, pulse = SetsModel.columns.index("SpO2"), SetsModel.columns.index("Pulse")
    assert view.model.text(0, spo2) == "91% (3)" and view.model.is_warning(0, spo2)
    assert view.model.text(0, pulse) == "80 (0)" and not view.model.is_warning(0, pulse)
    assert view.model.text(0, SetsModel.columns.index("Scale")) == "1"


def test_working_down_the_overdue_list_keeps_the_nurses_place_on_the_next_line(qtbot, full_ward, listed, clock):
    """The nurse in charge works down "Observations overdue" on a full ward (five patients
    admitted at 11:00, none observed): on the third line she records that patient's set. Read
    again, the list lost the line and chose none: Enter did nothing and the next arrow key started
    from the top. The line that takes its place is chosen, as on the round."""
    nurse, _ = full_ward
    panel = EscalationPanel(nurse)
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()
    listed(panel)
    table, model = panel.overdue_table, panel.overdue_model
    table.setFocus()
    table.selectRow(2)
    done, following = model.rows[2].patient, model.rows[3].patient
    clock.advance(minutes=5)
    records.save_new(nurse, "observations", {
        "taken_at": clock.now.isoformat(timespec="minutes"), "respiratory_rate": 16, "spo2": 97, "spo2_scale": "scale_1",
        "on_oxygen": False, "systolic_bp": 130, "diastolic_bp": 80, "pulse": 72, "consciousness": "alert",
        "temperature": 36.8}, patient_id=done.patient_id)
    panel.refresh()
    listed(panel)
    assert done.patient_id not in {row.patient.patient_id for row in model.rows}
    index = table.currentIndex()
    assert index.isValid() and model.rows[index.row()].patient.patient_id == following.patient_id, (
        f"after the set, the overdue list's chosen line is {index.row() if index.isValid() else 'none'}")


def test_the_tab_says_a_fall_s_ct_head_deadline_passed_when_it_passes_as_the_handover_does(
        window_for, session_for, patient, clock, select_bed):
    """An anticoagulated head injury at 13:20, no doctor: at 22:00 the handover said "CT HEAD DUE BY
    28/11 21:20 … — PASSED", the tab the set is taken on "CT head within 8 hours: by 28/11 21:20",
    and was not read again at the deadline."""
    from datetime import datetime

    nurse = session_for("nurse")
    records.save_new(nurse, "inpatient_fall", {"fell_at": "2026-11-28T13:20+01:00", "witnessed": "witnessed",
                                               "fracture_signs": "none", "head_injury": "yes",
                                               "anticoagulated": True}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T21:00+01:00")
    window = window_for(nurse)
    window.patients.reload_wards()
    select_bed(window, "12")
    QTest.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    chart = window.tabs.currentWidget()
    assert "(CT head within 8 hours: by 28/11 21:20)" in chart.alarms.text()
    assert chart.read_again.timer.isActive() and chart.read_again.timer.interval() == (20 * 60 + 1) * 1000
    clock.now = datetime.fromisoformat("2026-11-28T21:20:01+01:00")
    chart.read_again.timer.timeout.emit()  # the deadline comes
    assert "(CT HEAD DUE BY 28/11 21:20, 8 hours after the fall — PASSED)" in chart.alarms.text()
