"""A wristband scanned: a barcode scanner types the band's number fast, then Enter, into
whatever has the focus (qt.scan). It opens the patient whose number it is, whole, never the line
or the chart on screen; in the dose dialog it says whether the band is the patient's."""

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from downtime.domain.downtime_number import format_downtime_number
from downtime.qt.dose_dialog import DoseDialog
from downtime.qt.form_view import FormView
from downtime.services import medication, records, wards
from downtime.services.census import patient_with_location

ROUX = {"birth_name": "Roux", "used_name": "", "given_names": "Paul", "sex": "male", "nir": None,
        "birth_date": "1960-01-05"}


def _admit(session, values, bed):
    saved = records.save_new(session, "admission", {**values, "bed": bed})
    return patient_with_location(session.db, session.forms, saved.patient_id)


def _scan(text):
    """What a keyboard-wedge scanner does: types the code into the focused widget, then Enter."""
    focused = QApplication.focusWidget()
    QTest.keyClicks(focused, text)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


def _opened(window):
    view = window.tabs.currentWidget()
    return view.patient().patient_id if isinstance(view, FormView) and view.patient() else None


def _patients_tab(window, qtbot):
    bar = window.tabs.tabBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(window.tabs.indexOf(window.patients)).center())
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is window.patients)


def test_a_band_scanned_with_the_list_in_focus_opens_its_patient_not_the_line_selected(window, session_for,
                                                                                       admission_values, listed, qtbot):
    """Mrs Martin found by name and chosen (Find, Enter), her line selected in the list that has
    the focus; the nurse scans Mr Roux's band: the scanner's Enter opened her record."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    martin = _admit(window.session, admission_values, "12")
    roux = _admit(window.session, {**admission_values, **ROUX}, "3")
    listed(window.patients)
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(window.patients.search_box, "martin")
    QTest.keyClick(window.patients.search_box, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is window.patients.table
    assert window.patients.selected_patient().patient_id == martin.patient_id
    _scan(roux.downtime_number)
    assert _opened(window) == roux.patient_id
    _scan(martin.downtime_number)  # over his record, the focus in its (read-only) first field
    assert _opened(window) == martin.patient_id
    _patients_tab(window, qtbot)
    assert window.patients.search_box.text() == martin.downtime_number
    _scan(roux.downtime_number)  # back on the list, her line selected
    assert _opened(window) == roux.patient_id


def test_a_band_scanned_with_a_chart_on_screen_opens_its_patient_not_the_charts_dose(
        medication_ward, admission_values, window, qtbot):
    """Mrs Martin's medication chart on screen, a dose's line chosen; at the next bed the nurse
    scans Mr Roux's band: the keys went to her chart and its Enter opened her amoxicillin's dose."""
    martin, _, _ = medication_ward
    roux = _admit(window.session, {**admission_values, **ROUX}, "3")
    mar = window.open_mar_of(martin)
    qtbot.waitUntil(lambda: mar.model.rowCount() > 0)
    mar.table.setFocus()
    mar.table.setCurrentIndex(mar.model.index(0, 0))
    _scan(roux.downtime_number)
    assert not [widget for widget in QApplication.topLevelWidgets() if isinstance(widget, DoseDialog)
                and widget.isVisible()]
    assert _opened(window) == roux.patient_id
    assert mar.table.currentIndex().row() == 0


def test_an_ehr_band_scanned_selects_only_the_patient_whose_number_it_is(window, session_for, admission_values,
                                                                         listed):
    """Mrs Martin's EHR band reads IPP 1234567; Mr Roux's IPP, issued later, is 12345678, and he
    is in the bed before hers: her band found both and put the cursor on the first line, his. Both
    numbers shared by two patients, the list says so and selects neither."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    martin = _admit(window.session, {**admission_values, "ipp": "1234567"}, "5")
    _admit(window.session, {**admission_values, **ROUX, "ipp": "12345678"}, "4")
    listed(window.patients)
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    panel = window.patients
    QTest.keyClicks(panel.search_box, "1234567")
    assert [panel.model.text(row, 2).split()[0] for row in range(panel.model.rowCount())] == ["MARTIN", "ROUX"]
    QTest.keyClick(panel.search_box, Qt.Key.Key_Return)
    assert panel.selected_patient().patient_id == martin.patient_id
    panel.focus_search()
    QTest.keyClicks(panel.search_box, "123456")
    QTest.keyClick(panel.search_box, Qt.Key.Key_Return)
    assert panel.selected_patient() is None
    assert panel.count.text() == "2 patients — choose"


def test_a_withdrawn_admissions_band_scanned_says_what_became_of_it(window, session_for, admission_values, listed):
    """Mrs Martin admitted twice; the second admission, its band printed, withdrawn. That band
    scanned said "0 patient(s) found (all wards, any status)": nobody ever had the number."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    kept = _admit(window.session, admission_values, "12")
    twice = _admit(window.session, admission_values, "14")
    records.mark_entered_in_error(window.session, twice.admission_record_id,
                                  f"admitted twice: she is {kept.downtime_number}")
    listed(window.patients)
    window.patients.table.setFocus()
    _scan(twice.downtime_number)
    said = window.patients.count.text()
    assert said.startswith(f"{twice.downtime_number}: admission withdrawn ") and said.endswith(
        f"by Hélène Lefèvre: “admitted twice: she is {kept.downtime_number}”")
    assert window.tabs.currentWidget() is window.patients and window.patients.selected_patient() is None


def test_the_other_patients_band_scanned_in_the_dose_dialog_says_wrong_patient(medication_ward, session_for,
                                                                              admission_values, qtbot):
    """At the bedside, the dose dialog open, the nurse scans the band: another patient's said
    nothing, and the focused box took its keys."""
    patient, amox, _ = medication_ward
    nurse = session_for("nurse")
    roux = _admit(nurse, {**admission_values, **ROUX}, "3")
    martin = patient_with_location(nurse.db, nurse.forms, patient)
    dialog = DoseDialog(nurse, medication.order(nurse.db, amox), datetime.fromisoformat("2026-11-28T14:00+01:00"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.dose.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.dose)
    dose = dialog.dose.text()
    _scan(roux.downtime_number)
    assert dialog.isVisible() and dialog.dose.text() == dose and QApplication.focusWidget() is dialog.dose
    assert dialog.band.isVisible() and dialog.band.text() == (
        f"WRONG PATIENT: this band is ROUX Paul, {roux.downtime_number}, not {martin.display_name}, "
        f"{martin.downtime_number}")
    _scan(martin.downtime_number)
    assert dialog.band.text() == f"Band checked: {martin.display_name}, {martin.downtime_number}"
    nobodys = format_downtime_number(42, 99)
    _scan(nobodys)
    assert dialog.band.text() == (f"WRONG PATIENT: this band ({nobodys}) is no patient's on this laptop, not "
                                  f"{martin.display_name}, {martin.downtime_number}")


def _dose_dialog_at_the_bedside(medication_ward, session_for, admission_values, qtbot, clock):
    """The 14:00 paracetamol of MARTIN (bed 12) opened at 14:05, ROUX admitted in bed 3, the
    focus in the dose box: (nurse, dialog, ROUX, MARTIN)."""
    patient, _, _ = medication_ward
    clock.now = datetime.fromisoformat("2026-11-28T14:05+01:00")
    nurse = session_for("nurse")
    roux = _admit(nurse, {**admission_values, **ROUX}, "3")
    martin = patient_with_location(nurse.db, nurse.forms, patient)
    paracetamol = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
        "times": "14:00", "start_at": "2026-11-28T10:00+01:00", "controlled": False, "high_alert": False},
        patient_id=patient).record_id
    dialog = DoseDialog(nurse, medication.order(nurse.db, paracetamol), datetime.fromisoformat("2026-11-28T14:00+01:00"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.dose.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.dose)
    return nurse, dialog, roux, martin


def _band_warning(dialog):
    """The reason box of the dialog's one warning, which is the band's."""
    [(check, _)] = dialog.override_edits
    assert check.value == "wrong_band"
    return dialog.override_edits[check, _]


def test_ctrl_s_after_the_other_patients_band_is_refused_until_this_patients_band_is_scanned(
        medication_ward, session_for, admission_values, qtbot, clock):
    """ROUX's band scanned for MARTIN's dose, then Ctrl+S by habit: it recorded MARTIN's dose,
    the red WRONG PATIENT a label only. Refused, the warning naming both beds, the focus in its
    reason; MARTIN's own band scanned, Ctrl+S records it with no reason asked for the band."""
    nurse, dialog, roux, martin = _dose_dialog_at_the_bedside(medication_ward, session_for, admission_values, qtbot,
                                                             clock)
    _scan(roux.downtime_number)
    QTest.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert medication.administrations(nurse.db, martin.patient_id) == [], "saved over the other patient's band"
    reason = _band_warning(dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is reason)
    assert (f"this dose is for {martin.display_name}, {martin.downtime_number}, bed 12; the band scanned is "
            f"ROUX Paul, {roux.downtime_number}, bed 3") in reason.accessibleDescription()
    _scan(martin.downtime_number)
    QTest.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    [given] = medication.administrations(nurse.db, martin.patient_id)
    assert not dialog.isVisible() and given.overrides == ()


def test_a_dose_given_over_a_band_no_patients_keeps_the_reason_in_the_record(medication_ward, session_for,
                                                                              admission_values, qtbot, clock):
    """A band that is no patient's on this laptop (a band printed on another laptop, unreadable):
    Save asks why, and the reason typed is kept with the dose as any warning overridden."""
    nurse, dialog, _, martin = _dose_dialog_at_the_bedside(medication_ward, session_for, admission_values, qtbot,
                                                          clock)
    _scan(format_downtime_number(42, 99))
    QTest.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert medication.administrations(nurse.db, martin.patient_id) == [], "saved over no patient's band"
    reason = _band_warning(dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is reason)
    assert "is no patient's on this laptop" in reason.accessibleDescription()
    QTest.keyClicks(reason, "band reprinted on the admitting laptop, checked by name and birth date")
    QTest.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    [given] = medication.administrations(nurse.db, martin.patient_id)
    assert given.overrides == (("wrong_band", "band reprinted on the admitting laptop, checked by name and birth date"),)
