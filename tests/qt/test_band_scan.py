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


def _martin_chosen(window, session_for, admission_values, listed):
    """Mrs Martin (bed 12) and Mr Roux (bed 3) on ward 3B; Mrs Martin found by name and chosen
    (Find, Enter), her line selected in the list. Returns both."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    martin = _admit(window.session, admission_values, "12")
    roux = _admit(window.session, {**admission_values, **ROUX}, "3")
    listed(window.patients)
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(window.patients.search_box, "martin")
    QTest.keyClick(window.patients.search_box, Qt.Key.Key_Return)
    return martin, roux


def test_a_band_scanned_with_the_list_in_focus_opens_its_patient_not_the_line_selected(window, session_for,
                                                                                       admission_values, listed, qtbot):
    """Mrs Martin found by name and chosen (Find, Enter), her line selected in the list that has
    the focus; the nurse scans Mr Roux's band: the scanner's Enter opened her record."""
    martin, roux = _martin_chosen(window, session_for, admission_values, listed)
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


def _misread(number: str) -> str:
    """The same band, its check digit read wrong off a creased or smudged barcode."""
    return number[:-1] + str((int(number[-1]) + 1) % 10)


def _no_dose_dialog_opened() -> bool:
    return not [widget for widget in QApplication.topLevelWidgets() if isinstance(widget, DoseDialog)
                and widget.isVisible()]


def test_a_misread_band_scanned_with_the_list_in_focus_is_said_in_find(window, session_for, admission_values,
                                                                       listed):
    """Mrs Martin chosen in the list, which has the focus; Mr Roux's creased band scanned, its
    check digit misread: its keys went into the list's keyboard search, nothing said, and the
    nurse walked on believing it scanned. Find says what it is, as typed there; nothing opens."""
    martin, roux = _martin_chosen(window, session_for, admission_values, listed)
    assert window.patients.selected_patient().patient_id == martin.patient_id
    _scan(_misread(roux.downtime_number))
    assert _opened(window) is None and window.tabs.currentWidget() is window.patients
    assert window.patients.search_box.text() == _misread(roux.downtime_number)
    assert window.patients.count.text() == (
        f"{_misread(roux.downtime_number)}: not a valid downtime number (its check digit does not match): re-read "
        f"it. Read wrong, it may be {roux.downtime_number}")
    assert window.patients.selected_patient() is None


def test_a_misread_band_scanned_with_a_chart_on_screen_is_said_in_find_the_chart_left_as_it_was(
        medication_ward, admission_values, window, qtbot):
    """Mrs Martin's chart on screen, her amoxicillin's line chosen; at the next bed Mr Roux's
    creased band scanned: nothing opened, and nothing was said either."""
    martin, _, _ = medication_ward
    roux = _admit(window.session, {**admission_values, **ROUX}, "3")
    mar = window.open_mar_of(martin)
    qtbot.waitUntil(lambda: mar.model.rowCount() > 0)
    mar.table.setFocus()
    mar.table.setCurrentIndex(mar.model.index(0, 0))
    _scan(_misread(roux.downtime_number))
    assert _no_dose_dialog_opened()
    assert window.tabs.currentWidget() is window.patients
    assert window.patients.count.text().startswith(
        f"{_misread(roux.downtime_number)}: not a valid downtime number (its check digit does not match)")
    assert mar.table.currentIndex().row() == 0 and mar.table.currentIndex().column() == 0


def test_another_laptops_told_apart_band_scanned_over_a_chart_is_said_in_find(medication_ward, window, qtbot):
    """A band of a number told apart, as its barcode holds it ("DT777000055/deadbeef", `in_bars`),
    of a patient on another laptop: taken by the dose dialog, its keys went into the chart here,
    nothing said. Find searches it and says no patient here has it."""
    martin, _, _ = medication_ward
    mar = window.open_mar_of(martin)
    qtbot.waitUntil(lambda: mar.model.rowCount() > 0)
    mar.table.setFocus()
    mar.table.setCurrentIndex(mar.model.index(0, 0))
    band = format_downtime_number(777, 5).replace("-", "") + "/deadbeef"
    _scan(band)
    assert _no_dose_dialog_opened()
    assert window.tabs.currentWidget() is window.patients and window.patients.search_box.text() == band
    assert window.patients.count.text() == ("DT-777-00005-0 (laptop deadbeef): no patient's on this laptop: a number "
                                            "the laptop named gave, whose records are there")
    assert mar.table.currentIndex().row() == 0


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


def _band_warning(dialog, reason="wrong_band"):
    """The reason box of the dialog's one warning, which is the band's (`reason`: its code)."""
    [(check, _)] = dialog.override_edits
    assert check.value == reason
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


def test_a_code_no_patients_scanned_in_the_dose_dialog_is_taken_out_of_the_box_and_said(
        medication_ward, session_for, admission_values, qtbot, clock):
    """A band whose check digit fails, scanned with the focus in Site, went into the box and was
    saved as the dose's site; the EHR's band of an IPP the admission did not record, scanned with
    the dose selected, became the dose. Nothing was said, no band was on record as scanned, and
    the nurse believed the band checked. Each is taken out of its box and said, and Save asks why."""
    nurse, dialog, _, martin = _dose_dialog_at_the_bedside(medication_ward, session_for, admission_values, qtbot,
                                                          clock)
    this = f"{martin.display_name}, {martin.downtime_number}"
    misprinted = martin.downtime_number[:-1] + str((int(martin.downtime_number[-1]) + 1) % 10)
    dialog.site.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.site)
    _scan(misprinted)
    assert dialog.site.text() == "" and QApplication.focusWidget() is dialog.site
    assert dialog.band.isVisible() and dialog.band.text() == (
        f"Band not recognised, not checked against {this}. {misprinted}: not a valid downtime number (its check "
        f"digit does not match): re-read it. Read wrong, it may be {martin.downtime_number} (scanned into a box: "
        "taken out of it)")
    dialog.dose.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.dose)
    dose = dialog.dose.text()
    dialog.dose.selectAll()
    _scan("80012345")
    assert dialog.dose.text() == dose
    assert dialog.band.text() == (f"Band not recognised, not checked against {this}. 80012345 is neither a "
                                  "downtime number nor any patient's number on this laptop")
    QTest.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert medication.administrations(nurse.db, martin.patient_id) == [], "saved over a band not recognised"
    assert "the band scanned (80012345) is no patient's on this laptop" in _band_warning(dialog).accessibleDescription()


def test_the_patients_own_band_printed_before_their_birth_date_was_corrected_is_said_out_of_date(
        medication_ward, session_for, admission_values, qtbot, clock, tmp_path):
    """The band printed at 10:00 reads 12-Mar-1954; the date of birth corrected at 11:00, the new
    band not printed (No pressed, the printer empty). The old band scanned at 14:05 said "Band
    checked" in bold. Once the new band is printed, it is checked."""
    from downtime.services import printing
    from downtime.storage.records import current_of

    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T10:00+01:00")
    printing.print_wristband(nurse, patient, tmp_path / "band.pdf")
    clock.now = datetime.fromisoformat("2026-11-28T11:00+01:00")
    admission = patient_with_location(nurse.db, nurse.forms, patient).admission_record_id
    records.amend(nurse, admission, {**current_of(nurse.db, [admission])[admission].data, "birth_date": "1954-03-21"},
                  "date of birth misread")
    _, dialog, _, martin = _dose_dialog_at_the_bedside(medication_ward, session_for, admission_values, qtbot, clock)
    _scan(martin.downtime_number)
    assert dialog.band.text() == (
        f"BAND OUT OF DATE: this is the band of {martin.display_name}, {martin.downtime_number}, but printed 28/11 "
        "10:00 it reads what was amended since (12-Mar-1954   Sex F → 21-Mar-1954   Sex F): print a new band and "
        "take the old one off")
    printing.print_wristband(nurse, patient, tmp_path / "new band.pdf")
    _scan(martin.downtime_number)
    assert dialog.band.text() == f"Band checked: {martin.display_name}, {martin.downtime_number}"


def test_a_discharged_patients_band_scanned_in_the_dose_dialog_says_they_left(
        medication_ward, session_for, admission_values, qtbot, clock, send_home):
    """ROUX went home at noon; his band (found in a bed, or on him back) scanned at MARTIN's dose
    read as that of a patient still on the ward."""
    nurse, dialog, roux, martin = _dose_dialog_at_the_bedside(medication_ward, session_for, admission_values, qtbot,
                                                             clock)
    send_home(roux.patient_id)
    _scan(roux.downtime_number)
    assert dialog.band.text() == (f"WRONG PATIENT: this band is ROUX Paul, {roux.downtime_number} (Discharged), not "
                                  f"{martin.display_name}, {martin.downtime_number}")


def test_save_over_a_discharged_patients_band_names_the_bed_they_left(medication_ward, session_for,
                                                                     admission_values, qtbot, clock, send_home):
    """ROUX (bed 3) went home at noon: the warning named him "bed 3", as if still in it."""
    nurse, dialog, roux, martin = _dose_dialog_at_the_bedside(medication_ward, session_for, admission_values, qtbot,
                                                             clock)
    send_home(roux.patient_id)
    _scan(roux.downtime_number)
    QTest.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert (f"the band scanned is ROUX Paul, {roux.downtime_number}, Discharged — was in bed 3. "
            in _band_warning(dialog).accessibleDescription())


def _typed_fast(qtbot, box, text, end):
    """Keys in a burst into `box`, then `end`: a text expander, or a barcode on a pack, is as fast
    as a band's scanner."""
    box.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box)
    QTest.keyClicks(box, text)
    QTest.keyClick(box, end)


def test_a_site_or_a_reference_typed_fast_stays_in_its_box_and_a_band_scanned_there_is_said_taken_out(
        medication_ward, session_for, admission_values, qtbot, clock):
    """"LEFTARM1" typed fast into Site then Tab, "MAR-0012" into the paper chart's reference then
    Enter: each box was emptied, "Band not recognised" said, and Save asked why for a band nobody
    scanned. They stay typed. ROUX's band scanned with the focus in Site is still taken (the box
    back to what it held) and the nurse is told it was taken out of the box."""
    nurse, dialog, roux, martin = _dose_dialog_at_the_bedside(medication_ward, session_for, admission_values, qtbot,
                                                             clock)
    _typed_fast(qtbot, dialog.site, "LEFTARM1", Qt.Key.Key_Tab)
    assert dialog.site.text() == "LEFTARM1" and dialog.band.scanned is None and not dialog.band.isVisible()
    dialog.transcribed.setChecked(True)
    _typed_fast(qtbot, dialog.paper_reference, "MAR-0012", Qt.Key.Key_Return)
    assert dialog.paper_reference.text() == "MAR-0012" and dialog.band.scanned is None
    dialog.site.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.site)
    _scan(roux.downtime_number)
    assert dialog.site.text() == "LEFTARM1" and dialog.band.scanned == roux.downtime_number
    assert dialog.band.text() == (f"WRONG PATIENT: this band is ROUX Paul, {roux.downtime_number}, not "
                                  f"{martin.display_name}, {martin.downtime_number} (scanned into a box: taken out "
                                  "of it)")


def test_a_witness_staff_id_typed_fast_goes_on_to_the_pin(dose_dialog, enoxaparin, qtbot):
    """A badge scanned into the second checker's staff ID, then Enter: the ID was emptied as a
    band not recognised and its Enter never moved on to the PIN."""
    nurse, order_id = enoxaparin
    dialog = dose_dialog(nurse, order_id, datetime.fromisoformat("2026-11-28T14:00+01:00"))
    _typed_fast(qtbot, dialog.witness_id, "N12345", Qt.Key.Key_Return)
    assert dialog.witness_id.text() == "N12345" and dialog.band.scanned is None
    assert dialog.focusWidget() is dialog.witness_pin


def test_a_told_apart_numbers_barcode_of_another_laptop_scanned_in_the_dose_dialog_is_said_no_patients_here(
        medication_ward, session_for, admission_values, qtbot, clock):
    """A page or an L7163 label of a number told apart holds "DT042000018/deadbeef" (`in_bars`):
    scanned where it is nobody's (the patient of that number on the other laptop), it went into
    Site, nothing said, and Save did not stop the dose."""
    from downtime.domain.downtime_number import in_bars, told_apart

    nurse, dialog, _, martin = _dose_dialog_at_the_bedside(medication_ward, session_for, admission_values, qtbot,
                                                          clock)
    elsewhere = told_apart(martin.downtime_number, "deadbeef")
    dialog.site.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.site)
    _scan(in_bars(elsewhere))
    assert dialog.site.text() == "" and dialog.band.scanned == in_bars(elsewhere)
    assert dialog.band.text() == (f"WRONG PATIENT: this band ({elsewhere}) is no patient's on this laptop, not "
                                  f"{martin.display_name}, {martin.downtime_number} (scanned into a box: taken out "
                                  "of it)")
    QTest.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert medication.administrations(nurse.db, martin.patient_id) == [], "saved over another laptop's band"
    assert f"the band scanned ({in_bars(elsewhere)}) is no patient's on this laptop" in (
        _band_warning(dialog).accessibleDescription())


def test_a_dose_given_over_the_patients_own_band_out_of_date_keeps_that_reason_not_another_patients_band(
        medication_ward, session_for, admission_values, qtbot, clock, tmp_path):
    """The old band (printed before the date of birth was corrected) scanned, then Ctrl+S: the dose
    was recorded as checked against the band; Save asks a reason, as for another's band. The reason
    given, the dose saved: it was kept as "Band scanned is another patient's", which the records office, the
    audit and the export read as a wrong-patient scan. It keeps "Band out of date"."""
    from downtime.services import printing
    from downtime.storage.records import current_of

    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T10:00+01:00")
    printing.print_wristband(nurse, patient, tmp_path / "band.pdf")
    admission = patient_with_location(nurse.db, nurse.forms, patient).admission_record_id
    records.amend(nurse, admission, {**current_of(nurse.db, [admission])[admission].data, "birth_date": "1954-03-21"},
                  "date of birth misread")
    nurse, dialog, _, martin = _dose_dialog_at_the_bedside(medication_ward, session_for, admission_values, qtbot,
                                                          clock)
    _scan(martin.downtime_number)
    QTest.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert medication.administrations(nurse.db, martin.patient_id) == [], "saved over a band out of date"
    assert _band_warning(dialog, "old_band").accessibleDescription() == (
        "BAND OUT OF DATE: the band scanned was printed 28/11 10:00 and reads what was amended since (12-Mar-1954   "
        "Sex F → 21-Mar-1954   Sex F). Print a new band and take the old one off, or cancel.")
    _band_warning(dialog, "old_band").setText("new band printing, identity checked aloud")
    QTest.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    [given] = medication.administrations(nurse.db, martin.patient_id)
    assert given.overrides == (("old_band", "new band printing, identity checked aloud"),)
    [check] = [field for field in nurse.form("medication_administration").field("overrides").fields
               if field.id == "check"]
    assert {option.code: option.label.en for option in check.options}["old_band"] == "Band out of date"


def test_save_over_a_discharged_patients_band_who_had_no_bed_says_they_left(
        medication_ward, session_for, admission_values, qtbot, clock, send_home):
    """ROUX, admitted with no bed (it is optional), went home: the warning kept with the dose named
    him as if still on the ward, while the dialog's line said "(Discharged)"."""
    nurse, dialog, _, martin = _dose_dialog_at_the_bedside(medication_ward, session_for, admission_values, qtbot,
                                                          clock)
    roux = _admit(nurse, {**admission_values, **ROUX, "given_names": "Louis"}, None)
    send_home(roux.patient_id)
    _scan(roux.downtime_number)
    QTest.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert (f"the band scanned is ROUX Louis, {roux.downtime_number}, Discharged. "
            in _band_warning(dialog).accessibleDescription())
