"""The census tab: empty beds, Ctrl+F search, and a transfer that moves the patient."""

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from downtime.qt.main_window import MainWindow
from downtime.services import records, wards


def _admit(session, values, bed):
    return records.save_new(session, "admission", {**values, "bed": bed})


def _names(panel):
    return [panel.model.text(row, 2) for row in range(panel.model.rowCount())]


def test_census_shows_every_bed_and_sorts_by_bed(window, session_for, admission_values, listed):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    _admit(window.session, admission_values, "12")
    _admit(window.session, {**admission_values, "birth_name": "Roux", "used_name": "", "given_names": "Émile"}, "2")
    window.patients.reload_wards()
    panel = listed(window.patients)
    assert len(panel.model.rows) == 12
    shown = _names(panel)
    assert shown[1] == "ROUX Émile" and shown[11].startswith("MARTIN Hélène")
    assert "2 patient(s), 10 empty bed(s)" == panel.count.text()


def test_ctrl_f_finds_lefevre_typed_without_accents(window, admission_values, type_text):
    _admit(window.session, {**admission_values, "used_name": ""}, "12")
    _admit(window.session, {**admission_values, "birth_name": "Dupont", "used_name": ""}, "13")
    window.patients.refresh()
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.patients.search_box
    type_text(window.patients.search_box, "lefevre")
    assert _names(window.patients) == ["LEFÈVRE Hélène Marie"]
    QTest.keyClick(window.patients.search_box, Qt.Key.Key_Return)
    assert window.patients.selected_patient().display_name == "LEFÈVRE Hélène Marie"


def test_transfer_through_the_gui_moves_the_patient(window, session_for, admission_values, typist, listed,
                                                    select_bed):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    wards.add_ward(session_for("admin"), "ICU", "Intensive care", ["1", "2"])
    _admit(window.session, admission_values, "12")
    window.patients.reload_wards()
    window.patients.ward.setCurrentText("3B")
    panel = window.patients
    select_bed(window, "12")
    QTest.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    view = window.tabs.currentWidget()
    assert view.spec.id == "transfer" and "MARTIN Hélène Marie" in view.header.text()
    for text in ("28/11/2026 13:00", "ICU", "1", "Needs non-invasive ventilation"):
        typist(text)
    view.save()
    assert view.summary.isHidden(), view.summary.text()
    window.tabs.setCurrentWidget(panel)
    assert "MARTIN" not in " ".join(_names(listed(panel)))
    window.patients.ward.setCurrentText("ICU")
    assert _names(listed(panel))[0].startswith("MARTIN Hélène Marie")


def _fill_another_patient_for_bed_12(view, admission_values) -> None:
    """The admission form filled for Mr Roux, no allergies known, into bed 12 (already taken)."""
    for field_id, value in admission_values.items():
        if field_id in view.editors and field_id != "allergies":
            view.editors[field_id].set_value(value)
    view.editors["allergy_status"].set_value("nka")
    view.editors["birth_name"].set_value("Roux")


def test_bed_conflict_is_shown_not_saved(window, admission_values):
    _admit(window.session, admission_values, "12")
    view = window.new_admission()
    _fill_another_patient_for_bed_12(view, admission_values)
    view.save()
    assert "is taken by MARTIN Hélène Marie" in view.summary.text()
    assert view.record is None


def test_a_bed_taken_after_fields_were_corrected_leaves_no_stale_field_messages(window, admission_values):
    """A first Save put "is required" under the empty fields; once they were filled, the next Save,
    refused for the bed, left those messages under fields now answered, the bed's own problem
    only at the top."""
    _admit(window.session, admission_values, "12")
    view = window.new_admission()
    view.save()
    assert not view.error_labels["sex"].isHidden()
    _fill_another_patient_for_bed_12(view, admission_values)
    view.save()
    assert "is taken by MARTIN Hélène Marie" in view.summary.text() and view.record is None
    assert [field for field, label in view.error_labels.items() if not label.isHidden()] == []


def test_the_toolbar_s_admission_record_with_no_patient_chosen_says_so(window, answers):
    """It did nothing at all, where every other action for the selected patient says to choose one."""
    window.actions_by_id["open_patient"].trigger()
    assert ("error", "Select a patient in the list first.") in answers[1]


def test_census_and_labels_print_from_the_window(window, session_for, admission_values, answers, select_bed):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    _admit(window.session, admission_values, "12")
    window.patients.reload_wards()
    window.patients.ward.setCurrentText("3B")
    census = window.print_census()
    assert census is not None and census.name == "census-3B.pdf"
    assert window.print_labels() is None and ("error", "Select a patient in the list first.") in answers[1]
    select_bed(window, "12")
    labels = window.print_labels()
    assert labels is not None and labels.exists()


def test_ctrl_b_prints_the_selected_patients_wristband_whatever_the_wards_label_stock(
        window, session_for, admission_values, answers, select_bed):
    """The Labels button printed only the ward's one label stock (sheet labels here): a nurse
    banding a patient could not print a wristband from the app. Ctrl+B (Ward ▸ Print wristband)
    prints one insert, allergies on it, and lists itself among the shortcuts."""
    from downtime.qt.print_preview import PrintPreview
    from downtime.qt.shortcuts_help import rows

    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    _admit(window.session, admission_values, "12")
    window.patients.reload_wards()
    QTest.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert ("error", "Select a patient in the list first.") in answers[1]
    select_bed(window, "12")
    QTest.keyClick(window.patients.table, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    (preview,) = window.findChildren(PrintPreview)
    number = window.patients.selected_patient().downtime_number
    assert preview.title == f"Wristband — {number}"
    reader = PdfReader(preview.path)
    assert len(reader.pages) == 1 and "ALLERGIES: Penicillin (Rash, moderate)" in " ".join(
        reader.pages[0].extract_text().split())
    assert reader.pages[0].extract_text().count(number) == 1
    assert ("Ctrl+B", "Print wristband") in rows(window.actions_by_id.values())


def test_the_census_prints_the_ward_of_the_list_on_screen(qtbot, session_for, admission_values, answers):
    """On the round of ward ICU the nurse pressed Census: it printed the ward chosen out of sight
    on the Patients tab, there "All wards", six pages of the site's census for the ICU's handover."""
    admin = session_for("admin")
    wards.add_ward(admin, "3B", "Medicine", [str(n) for n in range(1, 13)])
    wards.add_ward(admin, "ICU", "Intensive care", ["1", "2"])
    window = MainWindow(session_for("nurse"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    _admit(window.session, admission_values, "12")
    assert window.patients.current_ward() is None  # "All wards"
    printed = []
    window.actions_by_id["round"].trigger()
    window.medication.ward.setCurrentText("ICU")
    printed.append(window.print_census())
    window.tabs.setCurrentWidget(window.cd_register)
    window.cd_register.ward.setCurrentText("3B")
    printed.append(window.print_census())
    window.tabs.setCurrentWidget(window.patients)
    printed.append(window.print_census())
    assert [path.name for path in printed] == ["census-ICU.pdf", "census-3B.pdf", "census-site.pdf"]
    assert "Ward census and handover — ICU" in PdfReader(printed[0]).pages[0].extract_text()


def test_a_patient_action_with_a_new_admission_on_screen_is_not_for_the_lists_patient(
        window, session_for, admission_values, answers, select_bed, type_text):
    """Mrs Martin chosen in the list earlier, the nurse admits Mr Roux and, his form on screen
    and not yet saved, presses ID labels for his wristband: Mrs Martin's labels printed, out of
    sight (and Ctrl+T opened her transfer). Until saved, the patient on screen has no number."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    _admit(window.session, admission_values, "12")
    window.patients.reload_wards()
    select_bed(window, "12")
    view = window.new_admission()
    type_text(QApplication.focusWidget(), "No")
    view.editors["birth_name"].set_value("Roux")
    assert window.print_labels() is None
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is view, window.tabs.currentWidget().title
    said = "Save this admission first (Ctrl+S): until then the patient on screen has no downtime number."
    assert answers[1] == [("error", said), ("error", said)]


def test_a_list_read_again_sorts_by_its_own_beds_not_the_last_lists(qtbot):
    """Sort keys are worked out once per row; reading the list again must not keep the old ones."""
    from downtime.qt.patients_panel import PatientTableModel, Row

    model = PatientTableModel()
    model.sort(1)
    model.set_rows([Row("3B", "10", None), Row("3B", "9", None)])
    assert [model.text(row, 1) for row in range(2)] == ["9", "10"]
    model.set_rows([Row("3B", "2", None), Row("3B", "30", None)])
    assert [model.text(row, 1) for row in range(2)] == ["2", "30"]


def test_a_click_on_a_column_sorts_the_list_and_the_selection_follows_its_patient(
        window, session_for, admission_values, listed, select_bed):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    _admit(window.session, admission_values, "12")
    _admit(window.session, {**admission_values, "birth_name": "Roux", "used_name": "", "given_names": "Émile"}, "2")
    window.patients.reload_wards()
    panel = listed(window.patients)
    select_bed(window, "2")
    header = panel.table.horizontalHeader()
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(header.sectionViewportPosition(2) + 5, 5))
    assert _names(panel)[:3] == ["MARTIN Hélène Marie (née LEFÈVRE)", "ROUX Émile", "— empty bed —"]
    assert panel.table.selectionModel().selectedRows()[0].row() == 1
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(header.sectionViewportPosition(2) + 5, 5))
    assert _names(panel)[-3:] == ["— empty bed —", "ROUX Émile", "MARTIN Hélène Marie (née LEFÈVRE)"]
    assert panel.selected_patient().display_name == "ROUX Émile"
    assert panel.table.selectionModel().selectedRows()[0].row() == 10


def test_the_list_is_read_off_the_gui_thread_and_shows_the_last_ward_asked_for(
        window, session_for, admission_values, listed, monkeypatch, qtbot):
    """The records office's "All wards" is thousands of patients, seconds from a cold disk: it is
    read on a thread of its own, the window answering meanwhile; a ward chosen while it is read is
    the list shown, not the hospital's arriving after it."""
    import threading

    from downtime.qt import patients_panel

    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    wards.add_ward(session_for("admin"), "ICU", "Intensive care", ["1", "2"])
    _admit(window.session, admission_values, "12")
    _admit(window.session, {**admission_values, "birth_name": "Roux", "used_name": "", "given_names": "Émile",
                            "ward": "ICU"}, "1")
    window.patients.reload_wards()
    window.patients.ward.setCurrentText("3B")
    listed(window.patients)
    real, threads, held = patients_panel.census.census, [], threading.Event()

    def slow(db, forms, ward=None, at=None):
        threads.append(threading.current_thread() is threading.main_thread())
        if ward is None:
            held.wait(10)
        return real(db, forms, ward=ward, at=at)

    monkeypatch.setattr(patients_panel.census, "census", slow)
    window.patients.ward.setCurrentText("All wards")
    assert window.patients.reader.busy
    qtbot.waitUntil(lambda: window.patients.count.text() == "Reading the list…")
    window.patients.ward.setCurrentText("ICU")
    held.set()
    panel = listed(window.patients)
    assert threads == [False, False]
    assert _names(panel) == ["ROUX Émile", "— empty bed —"] and panel.count.text() == "1 patient(s), 1 empty bed(s)"


def test_the_patient_chosen_stays_chosen_when_the_list_is_read_again(window, session_for, admission_values, listed,
                                                                     select_bed):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    _admit(window.session, admission_values, "12")
    window.patients.reload_wards()
    select_bed(window, "12")
    _admit(window.session, {**admission_values, "birth_name": "Roux", "used_name": "", "given_names": "Émile"}, "2")
    window.patients.refresh()
    panel = listed(window.patients)
    assert "ROUX Émile" in _names(panel)
    assert panel.selected_patient().display_name.startswith("MARTIN Hélène Marie")
    assert panel.model.text(panel.table.selectionModel().selectedRows()[0].row(), 1) == "12"


def test_dates_sort_as_dates_not_as_the_day_first_text_they_show(session_for, admission_values, clock, forms):
    """Sorting by Admitted puts the patient who came on 1 December after the one of 30
    November (as text, "01/12 09:00" comes first), and Date of birth sorts by year."""
    from datetime import datetime, timedelta, timezone

    from downtime.qt.patients_panel import ADMITTED, DATE_OF_BIRTH, PatientTableModel, Row
    from downtime.services import census

    clock.now = datetime(2026, 12, 1, 12, 0, tzinfo=timezone(timedelta(hours=1)))
    nurse = session_for("nurse")
    for bed, born, arrived in (("1", "1990-01-05", "2026-12-01T09:00+01:00"), ("2", "1950-12-20", "2026-11-30T08:00+01:00")):
        records.save_new(nurse, "admission", {**admission_values, "nir": "", "bed": bed, "birth_date": born,
                                              "arrival_at": arrived})
    model = PatientTableModel()
    model.set_rows([Row(p.ward or "", p.bed, p) for p in census.in_patients(nurse.db, forms)])
    for column in (DATE_OF_BIRTH, ADMITTED):
        model.sort(column)
        assert [model.text(row, 1) for row in range(2)] == ["2", "1"], model.columns[column]


def test_a_patient_who_has_left_is_not_shown_in_their_old_bed_on_their_screens(window, admission_values, qtbot):
    """Their records open from a search after the discharge: the header says the patient has
    left, where it used to read "3B / 12" as for a patient in that bed (now someone else's)."""
    from downtime.qt.form_view import FormView

    admitted = _admit(window.session, admission_values, "12")
    discharge = records.save_new(window.session, "discharge", {
        "discharged_at": "2026-11-28T13:00+01:00", "destination": "home", "letter_given": True,
        "medicines_given": True}, patient_id=admitted.patient_id)
    view = FormView(window.session, window.session.form("discharge"), record=discharge)
    qtbot.addWidget(view)
    assert "<b>DISCHARGED</b> (3B\u00a0/\u00a012)" in view.header.text()
    view = FormView(window.session, window.session.form("admission"), record=admitted)
    qtbot.addWidget(view)
    assert "DISCHARGED" not in view.header.text() and "3B\u00a0/\u00a012" in view.header.text()


def test_a_patient_who_has_left_is_not_listed_in_their_old_bed_when_found(window, session_for, admission_values,
                                                                          type_text):
    """Found by Ctrl+F after her discharge, Mrs Martin's line read "3B 12" as for a patient in
    that bed (the census's empty bed, or now someone else's); "Discharged" was in the last
    column, off the right of the screen behind the allergies."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    admitted = _admit(window.session, admission_values, "12")
    _admit(window.session, {**admission_values, "nir": None, "given_names": "Louise"}, "3")
    records.save_new(window.session, "discharge", {
        "discharged_at": "2026-11-28T13:00+01:00", "destination": "home", "letter_given": True,
        "medicines_given": True}, patient_id=admitted.patient_id)
    type_text(window.patients.search_box, "martin")
    model = window.patients.model
    beds = {model.text(row, 2): model.text(row, 1) for row in range(model.rowCount())}
    assert beds == {"MARTIN Hélène Marie (née LEFÈVRE)": "DISCHARGED (left bed 12)",
                    "MARTIN Louise (née LEFÈVRE)": "3"}


def test_the_census_points_out_patients_of_the_ward_sharing_a_family_name(window, session_for, admission_values,
                                                                           listed):
    """Mrs Martin (née Lefèvre) in bed 12 and Mr Lefèvre in bed 3, in red beside each name: the
    list said nothing of the name they share, where a dose or a label goes to the wrong one."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    _admit(window.session, admission_values, "12")
    _admit(window.session, {**admission_values, "nir": None, "used_name": "", "given_names": "Paul", "sex": "male"},
           "3")
    _admit(window.session, {**admission_values, "nir": None, "birth_name": "Roux", "used_name": "",
                            "given_names": "Émile"}, "4")
    window.patients.reload_wards()
    panel = listed(window.patients)
    assert _names(panel)[2:4] == ["LEFÈVRE Paul — SAME NAME: bed 12", "ROUX Émile"]
    assert _names(panel)[11] == "MARTIN Hélène Marie (née LEFÈVRE) — SAME NAME: bed 3"
    assert panel.model.is_warning(11, 2) and not panel.model.is_warning(3, 2)


def test_a_bed_typed_longer_than_the_field_takes_is_refused_not_cut_to_another_bed(window, session_for,
                                                                                    admission_values, type_text):
    """Typing "Side room 2" into the bed box (10 characters at most) kept "Side room ", and the
    patient was saved in the ward's other bed, "Side room"."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", ["1", "Side room"])
    view = window.new_admission()
    for field_id, value in admission_values.items():
        if field_id in view.editors and field_id not in ("allergies", "bed"):
            view.editors[field_id].set_value(value)
    view.editors["allergy_status"].set_value("nka")
    type_text(view.editors["bed"].edit, "Side room 2")
    view.save()
    assert view.record is None
    assert "“Bed” is too long (at most 10 characters)." in view.error_labels["bed"].text()


def test_isolation_reads_in_words_as_on_the_printed_census(session_for, admission_values, forms):
    """The list showed the answer's code ("droplet", English on a French ward), the census
    sheet its words ("Précautions gouttelettes")."""
    from downtime.qt import i18n
    from downtime.qt.patients_panel import PatientTableModel, Row
    from downtime.services import census

    records.save_new(session_for("nurse"), "admission", {**admission_values, "isolation": "droplet"})
    model = PatientTableModel()
    model.set_rows([Row(p.ward or "", p.bed, p) for p in census.in_patients(session_for("nurse").db, forms)])
    assert model.text(0, 9) == "Droplet precautions"
    i18n.set_language("fr")
    try:
        model.set_rows(list(model.rows))
        assert model.text(0, 9) == "Précautions gouttelettes"
    finally:
        i18n.set_language("en")


def test_an_open_chart_shows_an_allergy_added_since_and_where_the_patient_went(window, admission_values):
    """The MAR's allergy strip and the observations' place were read when the tab opened: an
    allergy added to the admission, or a transfer, did not show until the tab was reopened."""
    admitted = _admit(window.session, admission_values, "12")
    mar = window.open_mar_of(admitted.patient_id)
    charted = window.open_observations_of(admitted.patient_id)
    latex = [*admission_values["allergies"], {"substance": "Latex", "reaction": "Wheeze", "severity": "severe"}]
    records.amend(window.session, admitted.record_id, {**admitted.data, "allergies": latex}, "latex allergy found")
    records.save_new(window.session, "transfer", {"moved_at": "2026-11-28T13:00+01:00", "to_ward": "ICU", "to_bed": "2",
                                                  "reason": "Needs monitoring"}, patient_id=admitted.patient_id)
    from PySide6.QtWidgets import QLabel

    def strip(tab):
        return " ".join(label.text() for label in tab.findChildren(QLabel) if "ALLERGIES" in label.text())

    assert "Latex (Wheeze, severe)" in strip(mar)
    assert "ICU\u00a0/\u00a02" in strip(charted) and "Latex" in strip(charted)


def test_withdrawing_the_admission_of_a_patient_whose_chart_is_open_is_no_error(window, admission_values, answers):
    admitted = _admit(window.session, admission_values, "12")
    mar = window.open_mar_of(admitted.patient_id)
    records.mark_entered_in_error(window.session, admitted.record_id, "wrong patient")
    assert mar.patient.patient_id == admitted.patient_id and not [kind for kind, _ in answers[1] if kind == "error"]


def test_a_record_withdrawn_with_its_patients_admission_opens_and_prints_from_their_records(window, admission_values,
                                                                                         answers):
    """Everything about a patient admitted twice by mistake is withdrawn, their admission last:
    Enter on one of their withdrawn records answered "no standing admission for patient <uuid>",
    in English, and the record could be neither read nor printed, though it is kept."""
    from tests.qt.test_observations_view import RCP_EXAMPLE

    admitted = _admit(window.session, admission_values, "12")
    taken = records.save_new(window.session, "observations", RCP_EXAMPLE, patient_id=admitted.patient_id)
    view = window.open_records_of(admitted.patient_id)
    records.mark_entered_in_error(window.session, taken.record_id, "wrong patient")
    records.mark_entered_in_error(window.session, admitted.record_id, "admitted twice")
    view.table.selectRow(next(row for row, record in enumerate(view.model.rows) if record.record_id == taken.record_id))
    opened = view.open_selected()
    form = window.tabs.currentWidget()
    assert opened is not None and form.record.record_id == taken.record_id
    assert "MARTIN Hélène Marie" in form.header.text() and "ENTERED IN ERROR" in form.header.text()
    assert form.print_record() is not None and not [kind for kind, _ in answers[1] if kind == "error"]


def test_allergies_not_yet_known_stand_out_in_the_patient_list_as_on_the_header_and_paper(window, session_for,
                                                                                         admission_values, listed):
    """The list read "Unknown" in black beside red allergies, where the patient's strip says "NOT
    KNOWN — ask" and every print "ALLERGIES NOT KNOWN YET — ask the patient, family or GP" in red: a patient
    nobody has asked looked as safe as one with none known."""
    from downtime.qt.patients_panel import ALLERGIES

    wards.add_ward(session_for("admin"), "3B", "Medicine", ["1", "2", "3"])
    _admit(window.session, admission_values, "1")
    no_allergy = {key: value for key, value in admission_values.items() if key != "allergies"}
    _admit(window.session, {**no_allergy, "nir": None, "given_names": "Paul", "allergy_status": "nka"}, "2")
    _admit(window.session, {**no_allergy, "nir": None, "given_names": "Jean", "allergy_status": "unknown"}, "3")
    window.patients.reload_wards()
    panel = listed(window.patients)
    said = [(panel.model.text(row, ALLERGIES), panel.model.is_warning(row, ALLERGIES)) for row in range(3)]
    assert said == [("ALLERGY: Penicillin (Rash, moderate)", True), ("NKA", False), ("NOT KNOWN — ask", True)]


def test_a_long_name_is_wrapped_in_the_list_and_whole_in_its_tooltip(window, session_for, admission_values, listed):
    """An unidentified patient's description made the name column 495 pixels wide: with the
    NEWS2 column, the downtime number and the allergies went off a laptop's screen. The column is
    bounded, the description wrapped onto a taller row."""
    from downtime.qt.patients_panel import ALLERGIES, NAME, NAME_CHARACTERS

    wards.add_ward(session_for("admin"), "3B", "Medicine", ["1", "2"])
    _admit(window.session, admission_values, "1")
    kept = {key: value for key, value in admission_values.items()
            if key not in ("birth_name", "used_name", "given_names", "nir", "birth_date", "identity_document")}
    _admit(window.session, {**kept, "unidentified": True, "temporary_name": "Inconnu Trèfle", "sex": "male",
                            "descriptor": "Unknown man, about 40, found at the station, blue anorak, no papers",
                            "identity_status": "provisional"}, "2")
    window.resize(1366, 768)
    window.patients.reload_wards()
    panel = listed(window.patients)
    table, model = panel.table, panel.model
    (row,) = [row for row in range(model.rowCount()) if model.text(row, NAME).startswith("INCONNU")]
    whole = model.text(row, NAME)
    assert len(whole) > NAME_CHARACTERS
    assert table.columnWidth(NAME) <= table.fontMetrics().averageCharWidth() * NAME_CHARACTERS
    assert table.fontMetrics().horizontalAdvance(whole) > table.columnWidth(NAME)
    assert model.data(model.index(row, NAME), Qt.ItemDataRole.ToolTipRole) == whole
    assert table.rowHeight(row) >= table.sizeHintForRow(row) > table.fontMetrics().lineSpacing() * 2
    allergies = table.horizontalHeader().sectionPosition(ALLERGIES) - table.horizontalHeader().offset()
    assert allergies < table.viewport().width() - 100, "the allergies are on screen"


def test_the_list_gives_each_patients_reason_for_admission_cut_and_whole_in_its_tooltip(window, session_for,
                                                                                          admission_values, listed):
    from downtime.qt.patients_panel import NAME_CHARACTERS, REASON

    wards.add_ward(session_for("admin"), "3B", "Medicine", ["1", "2"])
    _admit(window.session, admission_values, "1")
    long = "Community-acquired pneumonia, right lower lobe, CURB-65 score 3 on arrival; known COPD on home oxygen"
    _admit(window.session, {**admission_values, "birth_name": "Roux", "nir": None, "reason": long}, "2")
    window.patients.reload_wards()
    panel = listed(window.patients)
    table, model = panel.table, panel.model
    assert model.headerData(REASON, Qt.Orientation.Horizontal) == "Reason for admission"
    reasons = {model.text(row, 1): model.text(row, REASON) for row in range(model.rowCount())}
    assert reasons == {"1": "Fall at home, suspected hip fracture.", "2": long}
    (row,) = [row for row in range(model.rowCount()) if model.text(row, 1) == "2"]
    assert model.data(model.index(row, REASON), Qt.ItemDataRole.ToolTipRole) == long
    assert table.columnWidth(REASON) <= table.fontMetrics().averageCharWidth() * NAME_CHARACTERS


SET_AT = {"spo2_scale": "scale_1", "on_oxygen": False, "respiratory_rate": 16, "spo2": 97, "systolic_bp": 125,
          "diastolic_bp": 80, "pulse": 72, "consciousness": "alert", "temperature": 37.0}   # NEWS2 0


def _news2_ward(window, session_for, admission_values):
    """At 14:00: Mrs Martin (bed 12) scoring 7 at 13:30, Mr Roux (bed 2) scoring 2 at 09:00, Mr
    Blanc (bed 3) newly confused at 13:45 (3 in one parameter), Mr Noir (bed 4) with no set yet."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    nurse = window.session
    high = _admit(nurse, {**admission_values, "arrival_at": "2026-11-28T08:00+01:00"}, "12").patient_id
    low = _admit(nurse, {**admission_values, "nir": None, "birth_name": "Roux", "used_name": "", "given_names": "Émile",
                         "arrival_at": "2026-11-28T08:00+01:00"}, "2").patient_id
    red = _admit(nurse, {**admission_values, "nir": None, "birth_name": "Blanc", "used_name": "", "given_names": "Paul",
                         "arrival_at": "2026-11-28T08:00+01:00"}, "3").patient_id
    _admit(nurse, {**admission_values, "nir": None, "birth_name": "Noir", "used_name": "", "given_names": "Jean"}, "4")
    records.save_new(nurse, "observations", {**SET_AT, "taken_at": "2026-11-28T13:30+01:00", "respiratory_rate": 22,
                                             "spo2": 95, "systolic_bp": 105, "pulse": 115, "temperature": 38.3},
                     patient_id=high)
    records.save_new(nurse, "observations", {**SET_AT, "taken_at": "2026-11-28T09:00+01:00", "pulse": 95,
                                             "temperature": 38.5}, patient_id=low)
    records.save_new(nurse, "observations", {**SET_AT, "taken_at": "2026-11-28T13:45+01:00",
                                             "consciousness": "new_confusion"}, patient_id=red)
    window.patients.reload_wards()


def _news2_said(model) -> dict[str, str]:
    """Each bed's NEWS2 as its tooltip gives it, the same words as a screen reader reads of the cell."""
    from downtime.qt.patients_panel import NEWS2

    said = {}
    for row in range(model.rowCount()):
        cell = model.index(row, NEWS2)
        if (tooltip := model.data(cell, Qt.ItemDataRole.ToolTipRole)) is not None:
            assert model.data(cell, Qt.ItemDataRole.AccessibleTextRole) == tooltip
            said[model.text(row, 1)] = tooltip
    return said


def test_the_list_gives_each_patients_news2_and_when_their_next_set_is_due(window, session_for, admission_values,
                                                                           listed):
    """The nurse in charge opened each patient's chart to see who was deteriorating or whose
    observations were overdue: the list now says it, in words, on the RCP's colours."""
    from PySide6.QtGui import QColor

    from downtime.domain.news2 import Band
    from downtime.qt.observations_view import RISK_SHADES
    from downtime.qt.patients_panel import NEWS2
    from tests.qt.test_contrast import contrast

    _news2_ward(window, session_for, admission_values)
    panel = listed(window.patients)
    model = panel.model
    assert model.headerData(NEWS2, Qt.Orientation.Horizontal) == "NEWS2"
    news2 = {model.text(row, 1): model.text(row, NEWS2) for row in range(model.rowCount())}
    assert news2 == {"1": "", "2": "2 Low — OVERDUE", "3": "3 Low-medium · 14:45", "4": "No set — OVERDUE",
                     **{str(bed): "" for bed in range(5, 12)}, "12": "7 HIGH · 14:30"}
    assert _news2_said(model) == {"2": "2 Low — OVERDUE since 13:00", "3": "3 Low-medium (3 in one) — due 14:45",
                                  "4": "No set — OVERDUE since 10:30", "12": "7 HIGH — due 14:30"}
    high, low, red, unknown = (next(row for row in range(model.rowCount()) if model.text(row, 1) == bed)
                               for bed in ("12", "2", "3", "4"))
    background = Qt.ItemDataRole.BackgroundRole
    assert model.data(model.index(high, NEWS2), background) == QColor(RISK_SHADES[Band.HIGH])
    assert model.data(model.index(red, NEWS2), background) == QColor(RISK_SHADES[Band.LOW_MEDIUM])
    assert model.data(model.index(low, NEWS2), background) == QColor(RISK_SHADES[Band.LOW])
    assert model.data(model.index(unknown, NEWS2), background) is None
    assert [model.is_warning(row, NEWS2) for row in (high, low, red, unknown)] == [True, True, False, True]
    for row in (high, low, red):  # its words, an OVERDUE too, at 7:1 on its shade (dark red is 5:1 on HIGH's)
        cell = model.index(row, NEWS2)
        assert contrast(model.data(cell, Qt.ItemDataRole.ForegroundRole), model.data(cell, background)) >= 7
    assert model.data(model.index(low, NEWS2), Qt.ItemDataRole.FontRole).bold(), "a warning stands out in bold"


def test_the_lists_news2_says_score_and_band_its_whole_words_in_the_tooltip(session_for, admission_values,
                                                                           laptop_window, listed, answers, app_style):
    """The cell gave the whole NEWS2, the low-medium band's "(3 sur un paramètre)" and when the next
    set was due: in French the column was as wide as "3 Faible-moyen (3 sur un paramètre) — prévu à
    14:45", the downtime number and date of birth pushed off a laptop's screen. It says the score,
    the band and EN RETARD or the time the next set is due, whole in its column on the screen (the
    nurse in charge scans the list for whose observations fall due next, and the time had gone to
    the tooltip); the tooltip, and a screen reader, give the whole."""
    from downtime.qt.patients_panel import NEWS2

    window = laptop_window(session_for("nurse", "fr"), 1092, 582)
    _news2_ward(window, session_for, admission_values)
    panel = listed(window.patients)
    model = panel.model
    cells = {model.text(row, 1): model.text(row, NEWS2) for row in range(model.rowCount()) if model.text(row, NEWS2)}
    assert (cells["3"], cells["12"]) == ("3 Faible-moyen · 14:45", "7 ÉLEVÉ · 14:30")
    assert cells.keys() == {"2", "3", "4", "12"}
    assert (cells["2"], cells["4"]) == ("2 Faible — EN RETARD", "Aucun relevé — EN RETARD")  # was English: lupdate missed it
    assert not any("depuis" in cell or "prévu" in cell for cell in cells.values())
    table = panel.table
    for row in range(model.rowCount()):
        if model.text(row, NEWS2):
            cell = table.visualRect(model.index(row, NEWS2))
            assert 0 <= cell.left() and cell.right() <= table.viewport().width(), model.text(row, NEWS2)
            assert table.fontMetrics().horizontalAdvance(model.text(row, NEWS2)) < cell.width(), "not cut"
    said = _news2_said(model)
    assert said["3"] == "3 Faible-moyen (3 sur un paramètre) — prévu à 14:45"
    assert said["2"] == "2 Faible — EN RETARD depuis 13:00"
    assert panel.table.columnWidth(NEWS2) < panel.table.fontMetrics().horizontalAdvance(said["3"])


def test_sorting_by_news2_puts_the_sickest_first(window, session_for, admission_values, listed):
    from downtime.qt.patients_panel import NEWS2

    _news2_ward(window, session_for, admission_values)
    panel = listed(window.patients)
    header = panel.table.horizontalHeader()
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(NEWS2) + 5, 5))
    assert [panel.model.text(row, 1) for row in range(5)] == ["12", "3", "4", "2", "1"]
    assert panel.model.text(11, 2) == "— empty bed —"


def test_a_list_left_on_screen_turns_overdue_when_the_next_set_falls_due(window, session_for, admission_values,
                                                                         listed, clock):
    """Read only after a save, the list said a set was due at 15:00 long after 15:00."""
    from downtime.qt.patients_panel import NEWS2

    _news2_ward(window, session_for, admission_values)
    panel = listed(window.patients)
    timer = panel.read_again.timer
    assert timer.isActive() and 30 * 60_000 <= timer.remainingTime() <= 30 * 60_000 + 2_000   # bed 12's, at 14:30
    clock.advance(hours=1, minutes=1)
    timer.timeout.emit()
    listed(panel)
    news2 = {panel.model.text(row, 1): panel.model.text(row, NEWS2) for row in range(panel.model.rowCount())}
    assert news2["12"] == "7 HIGH — OVERDUE" and news2["3"] == "3 Low-medium — OVERDUE"
    said = _news2_said(panel.model)
    assert said["12"] == "7 HIGH — OVERDUE since 14:30"
    assert said["3"] == "3 Low-medium (3 in one) — OVERDUE since 14:45"


def test_the_list_reads_its_patients_sets_at_once(window, session_for, admission_values, listed, monkeypatch):
    """One read of every patient's sets, not one for each line: a hospital's list has thousands."""
    from downtime.services import observations

    _news2_ward(window, session_for, admission_values)
    listed(window.patients)
    real, asked = observations.sets_taken, []
    monkeypatch.setattr(observations, "sets_taken", lambda db, patient_ids: asked.append(len(patient_ids))
                        or real(db, patient_ids))
    window.patients.refresh()
    listed(window.patients)
    assert asked == [4]


def _identified_since(session, admission_values) -> None:
    """Admitted unidentified as INCONNU TRÈFLE (in bed 12), identified since as MARTIN Hélène."""
    unknown = {key: value for key, value in admission_values.items()
               if key not in ("birth_name", "used_name", "given_names", "nir", "birth_date", "identity_document")}
    admitted = _admit(session, {**unknown, "unidentified": True, "temporary_name": "Inconnu Trèfle",
                                "descriptor": "Unknown woman, about 70, found in the street",
                                "identity_status": "provisional"}, "12")
    records.amend(session, admitted.record_id, admission_values, "Identified by her daughter")


def test_a_patient_identified_since_is_found_by_the_temporary_name_on_their_wristband(window, admission_values,
                                                                                     type_text, listed):
    """Admitted unidentified as INCONNU TRÈFLE, then identified: the wristband, the labels on the
    samples and the paper charts still read the temporary name, and the list found nobody by it."""
    _identified_since(window.session, admission_values)
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_text(window.patients.search_box, "inconnu trefle")
    assert _names(window.patients) == ["MARTIN Hélène Marie (née LEFÈVRE)"]
    window.patients.search_box.clear()
    type_text(window.patients.search_box, "found in the street")
    assert _names(window.patients) == ["MARTIN Hélène Marie (née LEFÈVRE)"]


def test_a_line_found_by_the_temporary_name_says_it_beside_the_name(window, admission_values, type_text):
    """Found by "inconnu trefle", the line read MARTIN Hélène Marie alone: the nurse holding a
    sample labelled INCONNU TRÈFLE could not tell why it came up. A column beside the name says
    the earlier name, on a laptop's screen; it is not there when no line was found by one."""
    from downtime.qt.patients_panel import ALLERGIES, NAME

    _identified_since(window.session, admission_values)
    window.resize(1366, 768)
    panel, header = window.patients, window.patients.table.horizontalHeader()
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_text(panel.search_box, "inconnu trefle")
    assert _names(panel) == ["MARTIN Hélène Marie (née LEFÈVRE)"]
    headers = [panel.model.headerData(column, Qt.Orientation.Horizontal) for column in range(panel.model.columnCount())]
    assert "Formerly" in headers
    FORMERLY = headers.index("Formerly")  # noqa: N806 (a column, as the panel's constants)
    assert panel.model.text(0, FORMERLY) == "INCONNU TRÈFLE"
    assert not panel.table.isColumnHidden(FORMERLY) and header.visualIndex(FORMERLY) == header.visualIndex(NAME) + 1
    right = header.sectionPosition(FORMERLY) + header.sectionSize(FORMERLY) - header.offset()
    assert right <= panel.table.viewport().width(), "whole on the screen"
    assert panel.table.fontMetrics().horizontalAdvance("INCONNU TRÈFLE") < header.sectionSize(FORMERLY)
    assert header.sectionPosition(ALLERGIES) - header.offset() < panel.table.viewport().width() - 100
    panel.search_box.clear()
    type_text(panel.search_box, "martin")
    assert _names(panel) == ["MARTIN Hélène Marie (née LEFÈVRE)"] and panel.table.isColumnHidden(FORMERLY)
    panel.search_box.clear()
    assert panel.table.isColumnHidden(FORMERLY), "the ward's list"


@pytest.mark.parametrize("width", [1366, 1024])
def test_the_same_name_alert_and_its_bed_are_read_whole_on_a_full_ward(full_ward, laptop_window, listed, shown_whole,
                                                                       app_style, width):
    """NGUYEN Van Minh in bed 4 and NGUYEN Thi Bich Ngoc in bed 20: the name column was cut at 40
    average characters, narrower than 40 capitals, and bed 4 read "NGUYEN Van Minh — SAME NAME:
    bed …", the namesake's bed lost, a longer name losing the whole alert to its red colour. The
    name is wrapped onto a taller row, the alert whole."""
    nurse, _ = full_ward
    from downtime.qt.patients_panel import NAME

    panel = listed(laptop_window(nurse, width, 768).patients)
    model = panel.model
    row = next(row for row in range(model.rowCount()) if model.text(row, 1) == "4")
    assert model.text(row, NAME) == "NGUYEN Van Minh — SAME NAME: bed 20"
    assert shown_whole(panel.table, row, NAME), (panel.table.columnWidth(NAME), panel.table.rowHeight(row))



def test_a_search_sorted_by_a_column_stays_sorted_when_the_list_is_read_again(full_ward, qtbot, listed, answers,
                                                                              type_text, clock):
    """Find: "a" gives a dozen patients in the search's order; the nurse clicks Bed to have them
    by bed. The next save anywhere (another window's, read every 5 s, or a set falling due) read
    the search again, back in the search's order, the header's arrow gone. A new search starts in
    its own order again."""
    nurse, _ = full_ward
    window = MainWindow(nurse)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    panel = listed(window.patients)
    bed_1 = next(row.patient for row in panel.model.rows if row.bed == "1")
    type_text(panel.search_box, "a")
    model, header = panel.model, panel.table.horizontalHeader()
    searched = [model.text(row, 1) for row in range(model.rowCount())]
    assert len(searched) > 5 and header.sortIndicatorSection() == -1
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(1) + 5, header.height() // 2))
    by_bed = [model.text(row, 1) for row in range(model.rowCount())]
    assert header.sortIndicatorSection() == 1 and by_bed != searched
    clock.advance(minutes=1)
    records.save_new(nurse, "observations", {
        "taken_at": clock.now.isoformat(timespec="minutes"), "respiratory_rate": 16, "spo2": 97, "spo2_scale": "scale_1",
        "on_oxygen": False, "systolic_bp": 130, "diastolic_bp": 80, "pulse": 72, "consciousness": "alert",
        "temperature": 36.8}, patient_id=bed_1.patient_id)
    panel.refresh()
    assert [model.text(row, 1) for row in range(model.rowCount())] == by_bed
    assert header.sortIndicatorSection() == 1
    type_text(panel.search_box, "n")
    assert header.sortIndicatorSection() == -1, "a new search, in its own order"
