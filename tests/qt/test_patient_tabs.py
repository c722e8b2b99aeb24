"""A patient's chart, observations, records or a record opened again brings its open tab
forward, read again, instead of opening a second identical tab that one of them goes stale in."""

import pytest
from PySide6.QtWidgets import QWidget

from downtime.qt.form_view import FormView
from downtime.qt.main_window import MainWindow
from downtime.qt.mar_view import MarView
from downtime.qt.observations_view import ObservationsView
from downtime.qt.records_view import RecordsView
from downtime.services import records
from downtime.services.census import patient_with_location


@pytest.fixture
def chart_window(qtbot, session_for, answers, medication_ward) -> MainWindow:
    main = MainWindow(session_for("nurse"))
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def _tabs(window: MainWindow) -> list[QWidget]:
    return [window.tabs.widget(index) for index in range(window.tabs.count())]


@pytest.mark.parametrize(("action", "kind"), [("observations", ObservationsView), ("mar", MarView),
                                              ("records", RecordsView), ("open_patient", FormView)])
def test_opening_a_patients_tab_again_brings_the_open_one_forward(chart_window, select_bed, action, kind):
    select_bed(chart_window, "12")
    chart_window.actions_by_id[action].trigger()
    opened = chart_window.tabs.currentWidget()
    assert isinstance(opened, kind)
    before = _tabs(chart_window)
    chart_window.tabs.setCurrentWidget(chart_window.patients)
    chart_window.actions_by_id[action].trigger()
    assert chart_window.tabs.currentWidget() is opened and _tabs(chart_window) == before


def test_a_mar_brought_forward_is_read_again(chart_window, select_bed, medication_ward, clock):
    """Its LATE and due doses are as of its reading: the tab left behind said 'due now' for a
    dose an hour and a half overdue."""
    _, amox, _ = medication_ward
    select_bed(chart_window, "12")
    chart = chart_window.for_selected(chart_window.open_mar_of)
    line = next(number for number, (row, time_of_day) in enumerate(chart.model.rows)
                if row.order.record_id == amox and time_of_day == "14:00")
    today = chart.model.columnCount() - 1
    assert chart.model.text(line, today) == "due now"
    chart_window.tabs.setCurrentWidget(chart_window.patients)
    clock.advance(minutes=90)
    assert chart_window.for_selected(chart_window.open_mar_of) is chart and chart.model.text(line, today) == "OVERDUE"


def test_a_record_opened_again_shows_its_current_version_unless_it_is_being_amended(
        chart_window, session_for, medication_ward, type_text):
    """A record amended from elsewhere since its tab was opened reads as amended when opened again;
    one being amended in its tab keeps what is typed."""
    patient_id, _, _ = medication_ward
    patient = patient_with_location(chart_window.session.db, chart_window.session.forms, patient_id)
    form = chart_window.open_admission(patient)
    admission = form.record
    records.amend(session_for("doctor"), admission.record_id, {**admission.data, "weight_kg": 63.5},
                  "Weighed on the ward", based_on=admission.version)
    chart_window.tabs.setCurrentWidget(chart_window.patients)
    assert chart_window.open_admission(patient) is form
    assert chart_window.tabs.currentWidget() is form and form.record.version == 2 and not form.editing
    assert form.editors["weight_kg"].raw() == "63.5" and "Version 2" in form.header.text()
    form.start_amend()
    form.editors["weight_kg"].edit.clear()
    type_text(form.editors["weight_kg"].edit, "64")
    chart_window.tabs.setCurrentWidget(chart_window.patients)
    assert chart_window.open_admission(patient) is form
    assert form.editing and form.editors["weight_kg"].raw() == "64"


def test_on_a_1024_pixel_screen_every_tab_is_listed_by_its_patient_and_brought_forward_from_the_list(
        qtbot, session_for, medication_ward, admission_values, laptop_window, app_style, answers):
    """A nurse with four patients' charts open on a 1,024-pixel screen, in the app's style: the
    fourth chart scrolled "Patients" and the first charts out of the tab bar, behind two small
    arrows. "All tabs", at the bar's left, lists every tab by its title, each chart's patient
    whole in its tooltip (name, date of birth, downtime number), and brings the one chosen
    forward."""
    from PySide6.QtCore import QTimer, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QToolButton

    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    others = [records.save_new(nurse, "admission", {**admission_values, "nir": None, "birth_name": name, "used_name": "",
                                                    "given_names": given, "bed": bed}).patient_id
              for name, given, bed in (("Lefèvre-Dubois", "Anne-Sophie", "3"), ("Nguyen", "Thi Minh", "7"),
                                       ("Bernard", "Jean-Pierre", "15"))]
    window = laptop_window(nurse, 1024, 700)
    charts = [window.open_mar_of(one) for one in (patient, *others)]
    bar = window.tabs.tabBar()
    assert bar.tabRect(0).right() < 0, "Patients scrolled out of the bar"
    button = next(button for button in window.tabs.findChildren(QToolButton) if button.accessibleName() == "All tabs")
    qtbot.waitUntil(button.isVisible)  # once the bar is laid out again
    left = button.mapTo(window, button.rect().topLeft()).x()
    assert 0 <= left and left + button.width() <= 1024
    listed: list[tuple[str, str, bool]] = []

    def choose_patients() -> None:
        menu = QApplication.activePopupWidget()
        listed.extend((action.text(), action.toolTip(), action.isChecked()) for action in menu.actions())
        menu.setActiveAction(menu.actions()[0])
        QTest.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(0, choose_patients)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert [text for text, _, _ in listed] == [window.tabs.tabText(index) for index in range(window.tabs.count())]
    assert [checked for _, _, checked in listed] == [index == window.tabs.count() - 1
                                                     for index in range(window.tabs.count())], "the chart on screen"
    for chart in charts:
        _, tip, _ = listed[window.tabs.indexOf(chart)]
        assert all(said in tip for said in (chart.patient.display_name, chart.patient.downtime_number, "12/03/1954"))
    assert window.tabs.currentWidget() is window.patients
    assert 0 <= bar.tabRect(0).left() and bar.tabRect(0).right() <= bar.width(), "Patients in view again"
    for chart in (charts[0], charts[1], charts[3]):  # NGUYEN Thi Minh's left
        window.close_tab(window.tabs.indexOf(chart))
    qtbot.waitUntil(lambda: not button.isVisible())  # every tab in the bar: the room is the tabs'


def test_closing_a_form_goes_back_to_the_tab_it_was_opened_from(full_ward, qtbot, listed, answers):
    """Bed 2's observations and then bed 3's MAR opened earlier; from the Escalation list the nurse
    brings bed 2's observations forward (Enter), presses Record a new set, and closes the form
    (Ctrl+W): Qt showed the tab to its right, bed 3's MAR, another patient's chart with its Record
    a dose under her hand. Bed 2's observations come back; closed too, the Escalation list."""
    nurse, _ = full_ward
    window = MainWindow(nurse)
    qtbot.addWidget(window)
    window.show()
    panel = listed(window.patients)
    bed_2, bed_3 = (next(row.patient for row in panel.model.rows if row.bed == bed) for bed in ("2", "3"))
    window.open_observations_of(bed_2.patient_id)
    window.open_mar_of(bed_3.patient_id)
    window.tabs.setCurrentWidget(window.escalation)
    observations = window.open_observations_of(bed_2.patient_id)
    observations.record_new.emit(bed_2.patient_id)
    assert isinstance(window.tabs.currentWidget(), FormView)
    window.close_current_tab()
    assert window.tabs.currentWidget() is observations, window.tabs.tabText(window.tabs.currentIndex())
    window.close_current_tab()
    assert window.tabs.currentWidget() is window.escalation, window.tabs.tabText(window.tabs.currentIndex())
