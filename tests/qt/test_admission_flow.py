"""A nurse admits a patient with the keyboard only, finds them in the list, and corrects a
mistake; the database is then read back."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from downtime.qt.prompts import Prompts
from downtime.services import drafts, identity, paper_numbers, records
from downtime.services.census import in_patients

# (field id, what to type) in the order Tab visits the fields of a normal admission.
KEYSTROKES = [
    ("paper_number", ""),
    ("unidentified", "No"),
    ("birth_name", "Lefèvre"),
    ("used_name", "Martin"),
    ("given_names", "Hélène Marie"),
    ("sex", "Fe"),
    ("birth_date", "12/03/1954"),
    ("birthplace_code", "75056"),
    ("nir", "2 54 03 75 113 023 12"),
    ("identity_status", "Va"),
    ("identity_document", "Pa"),
    ("ipp", ""),
    ("encounter_number", ""),
    ("phone", ""),
    ("not_same_as", ""),
    ("arrival_at", "28/11/2026 09:30"),
    ("admission_mode", "Em"),
    ("reason", "Chute à domicile, douleur de hanche."),
    ("ward", "3B"),
    ("bed", "12"),
    ("admitting_clinician", "Dr Benali"),
    ("allergy_status", "No"),
    ("weight_kg", "61,5"),
    ("height_cm", "158"),
    ("resuscitation", "For"),
]


def _focused_editor(view):
    focused = QApplication.focusWidget()
    for field_id, editor in view.editors.items():
        if focused is editor.widget or editor.widget.isAncestorOf(focused):
            return field_id
    return None


def _admit_by_keyboard(window, typist, paper_number=""):
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    view = window.tabs.currentWidget()
    for field_id, text in KEYSTROKES:
        assert _focused_editor(view) == field_id
        typist(paper_number if field_id == "paper_number" else text)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    return view


def test_admission_typed_with_the_keyboard_is_saved_and_listed(window, typist, qtbot, listed):
    view = _admit_by_keyboard(window, typist)
    assert view.summary.isHidden(), view.summary.text()
    assert view.record is not None and view.record.version == 1
    saved = records.current(window.session.db, view.record.record_id)
    assert saved.data["birth_name"] == "Lefèvre" and saved.data["given_names"] == "Hélène Marie"
    assert saved.data["birth_date"] == "1954-03-12" and saved.data["weight_kg"] == 61.5
    assert saved.data["nir"] == "2 54 03 75 113 023 12" and saved.data["identity_document"] == "passport"
    assert saved.data["reason"] == "Chute à domicile, douleur de hanche."
    model = listed(window.patients).model
    assert "MARTIN Hélène Marie (née LEFÈVRE)" not in [model.text(row, 2) for row in range(model.rowCount())], \
        "a list out of view waits until it is shown"
    window.tabs.setCurrentWidget(window.patients)
    listed(window.patients)
    assert "MARTIN Hélène Marie (née LEFÈVRE)" in [model.text(row, 2) for row in range(model.rowCount())]
    assert "Last save:" in window.banner.last_save.text() and "nothing" not in window.banner.last_save.text()
    assert drafts.drafts_of(window.session) == []


def test_amendment_keeps_both_versions(window, typist, answers):
    view = _admit_by_keyboard(window, typist)
    view.amend_button.click()
    bed = view.editors["bed"].edit
    bed.selectAll()
    QTest.keyClicks(bed, "14")
    QTest.keyClick(bed, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    first, second = records.history(window.session.db, view.record.record_id)
    assert (first.data["bed"], second.data["bed"]) == ("12", "14")
    assert second.reason == "Bed number misheard"
    assert ("reason", "Reason for the amendment") in answers[1]
    assert "v2 amended" in view.history_text() and "12 → 14" in view.history_text()
    (patient,) = in_patients(window.session.db, window.session.forms)
    assert patient.bed == "14"
    assert not [title for kind, title in answers[1] if kind == "confirm"]  # the wristband still reads true


def test_an_allergy_added_to_an_admission_offers_a_new_wristband_saying_it(window, admission_values, answers,
                                                                           monkeypatch):
    """The band still read "No known allergies" after a penicillin allergy was found: at the
    bedside, the chart not at hand, the band is what the nurse reads."""
    from pypdf import PdfReader

    from downtime.qt.print_preview import PrintPreview

    said = []
    monkeypatch.setattr(Prompts, "confirm", staticmethod(lambda parent, title, text: said.append((title, text)) or True))
    saved = records.save_new(window.session, "admission", {**admission_values, "allergy_status": "nka",
                                                           "allergies": []})
    view = window.open_record(saved)
    view.amend_button.click()
    view.editors["allergy_status"].set_value("allergies")
    view.editors["allergies"].set_value([{"substance": "Penicillin", "reaction": "Hives", "severity": "moderate"}])
    QTest.keyClick(view.editors["bed"].widget, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert view.record.version == 2
    assert said == [("Wristband out of date", "The patient's wristband no longer reads true:\n"
                                              "• was: No known allergies\n   now: ALLERGIES: Penicillin (Hives, moderate)"
                                              "\n\nPrint a new wristband now? Put it on the patient and remove the old one.")]
    (preview,) = window.findChildren(PrintPreview)
    text = " ".join(PdfReader(preview.path).pages[0].extract_text().split())
    assert "ALLERGIES: Penicillin (Hives, moderate)" in text and "No known allergies" not in text



def test_a_birth_date_corrected_says_the_id_labels_printed_are_wrong_too_and_prints_both(window, admission_values,
                                                                                         clock, monkeypatch, tmp_path):
    """1954 typed for 1945, corrected: the prompt asked for a new wristband alone, and the sheet of
    ID labels printed that morning, kept in the patient's folder, went on being stuck on forms and
    sample tubes reading 12-Mar-1954 (a laboratory rejects or mis-files such a sample). It says
    when they were printed, to destroy them, and Yes prints a new band and a new sheet."""
    from pypdf import PdfReader

    from downtime.qt.print_preview import PrintPreview
    from downtime.services import printing

    said = []
    monkeypatch.setattr(Prompts, "confirm", staticmethod(lambda parent, title, text: said.append((title, text)) or True))
    saved = records.save_new(window.session, "admission", {**admission_values, "nir": None})
    printing.print_labels(window.session, saved.patient_id, tmp_path / "labels.pdf")
    printed = f"{window.session.clock():%d/%m %H:%M}"
    clock.advance(minutes=90)
    view = window.open_record(saved)
    view.amend_button.click()
    view.editors["birth_date"].set_value("1945-03-12")
    QTest.keyClick(view.editors["bed"].widget, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert view.record.version == 2
    assert said == [("Wristband out of date", "The patient's wristband no longer reads true:\n"
                                              "• was: 12-Mar-1954   Sex F\n   now: 12-Mar-1945   Sex F\n\n"
                                              f"The ID labels printed on {printed} still read what was: destroy every one left, "
                                              "in the patient's folder and at the nurses' station.\n\n"
                                              "Print a new wristband and a new sheet of ID labels now? Put the band on "
                                              "the patient and remove the old one.")]
    previews = window.findChildren(PrintPreview)
    titles = sorted(PdfReader(preview.path).metadata.title for preview in previews)
    assert titles == ["ID labels — DT-042-00001-8", "Wristband — DT-042-00001-8"]
    for preview in previews:
        text = PdfReader(preview.path).pages[0].extract_text()
        assert "12-Mar-1945" in text and "12-Mar-1954" not in text

def test_the_number_typed_from_a_paper_admission_is_the_patients_and_stays_so(window, typist, answers):
    """Admitted on paper while the laptop was away, a reserved label on her wristband: typed in,
    she is found by that number, and an amendment cannot give her another."""
    first, second = paper_numbers.reserve(window.session, 2)
    view = _admit_by_keyboard(window, typist, paper_number=first.lower())
    assert view.summary.isHidden(), view.summary.text()
    (patient,) = in_patients(window.session.db, window.session.forms)
    assert patient.downtime_number == first
    assert [number.number for number in paper_numbers.unused(window.session)] == [second]
    view.amend_button.click()
    assert view.editors["paper_number"].edit.isReadOnly() and not view.editors["bed"].edit.isReadOnly()


def test_a_paper_number_not_reserved_here_is_refused_beside_its_field(window, typist, answers):
    view = _admit_by_keyboard(window, typist, paper_number="DT-007-00001-1")
    assert view.record is None and in_patients(window.session.db, window.session.forms) == []
    error = view.error_labels["paper_number"]
    assert error.isVisibleTo(view) and "DT-007-00001-1 was not reserved on this laptop" in error.text()


def test_the_history_gives_each_change_as_the_form_words_it_in_the_wards_language(qtbot, session_for, admission_values):
    """It gave the stored codes and ISO times ("Statut de réanimation : full → dnacpr",
    "2026-11-28T10:30+01:00"), in English words on a French ward."""
    from downtime.qt.form_view import FormView

    nurse = session_for("nurse", "fr")
    admitted = records.save_new(nurse, "admission", admission_values)
    records.amend(nurse, admitted.record_id, {**admitted.data, "resuscitation": "dnacpr", "resuscitation_decided_by": "Dr Benali", "resuscitation_decided_at": "2026-11-28T10:00+01:00", "weight_kg": 62.5,
                                             "arrival_at": "2026-11-28T10:00+01:00"}, "mal noté")
    view = FormView(nurse, nurse.form("admission"), record=records.current(nurse.db, admitted.record_id))
    qtbot.addWidget(view)
    changed = view.history_text().splitlines()[1]
    assert "28/11/2026 10:30 → 28/11/2026 10:00" in changed and "full" not in changed and "dnacpr" not in changed
    assert "RCP en cas d’arrêt → Pas de RCP (décision tracée)" in changed
    assert "Poids : 61,5 kg → 62,5 kg" in changed, "with its unit, as the print and the back-entry list word it"


def test_a_records_header_history_and_list_name_who_recorded_it(qtbot, session_for, admission_values):
    """They said "recorded by nurse": a sign-in, not someone to find on the ward."""
    from downtime.qt.form_view import FormView
    from downtime.qt.records_view import RecordsView

    nurse = session_for("nurse")
    admitted = records.save_new(nurse, "admission", admission_values)
    records.amend(nurse, admitted.record_id, {**admitted.data, "bed": "14"}, "moved")
    view = FormView(nurse, nurse.form("admission"), record=records.current(nurse.db, admitted.record_id))
    qtbot.addWidget(view)
    assert "recorded by Hélène Lefèvre (nurse) at" in view.header.text()
    assert all(" by Hélène Lefèvre (nurse)" in line for line in view.history_text().splitlines())
    listing = RecordsView(nurse, admitted.patient_id)
    qtbot.addWidget(listing)
    assert listing.model.text(0, 4) == "Hélène Lefèvre (nurse)"


def test_every_patient_screens_header_says_an_interpreter_is_needed_and_for_which_language(window, admission_values):
    """A nurse about to give a dose or ask consent learnt at the bedside that the patient spoke
    no French: the admission said so, no screen did."""
    from downtime.qt.patient_header import PatientTab, identity_html
    from downtime.services.census import patient_with_location

    nurse = window.session
    portuguese = records.save_new(nurse, "admission", {**admission_values, "language": "Portuguese",
                                                       "interpreter_needed": True}).patient_id
    unnamed = records.save_new(nurse, "admission", {**admission_values, "birth_name": "Roux", "nir": None, "bed": "3",
                                                    "interpreter_needed": True}).patient_id
    fluent = records.save_new(nurse, "admission", {**admission_values, "birth_name": "Blanc", "nir": None, "bed": "4",
                                                   "language": "Breton", "interpreter_needed": False}).patient_id
    said = {patient: identity_html(patient_with_location(nurse.db, nurse.forms, patient))
            for patient in (portuguese, unnamed, fluent)}
    assert "<b>INTERPRETER NEEDED: Portuguese</b>" in said[portuguese]
    assert "<b>INTERPRETER NEEDED</b>" in said[unnamed]
    assert "INTERPRETER" not in said[fluent]
    window.open_mar_of(portuguese)
    (tab,) = [tab for tab in window.findChildren(PatientTab) if tab.patient.patient_id == portuguese]
    assert "INTERPRETER NEEDED: Portuguese" in " ".join(label.text() for label in tab.findChildren(QLabel))


def test_an_unidentified_patients_header_says_the_date_of_birth_is_unknown(session_for, admission_values):
    """It read "born DOB unknown" ("né(e) le DDN inconnue"): a sentence about a date that is not there."""
    from downtime.qt.i18n import set_language
    from downtime.qt.patient_header import identity_html
    from downtime.services.census import patient_with_location

    nurse = session_for("nurse")
    kept = {key: value for key, value in admission_values.items()
            if key not in ("birth_name", "used_name", "given_names", "nir", "birth_date", "identity_document")}
    unknown = records.save_new(nurse, "admission", {**kept, "unidentified": True, "temporary_name": "Inconnu Gare",
                                                    "descriptor": "Unknown man, about 40", "sex": "male",
                                                    "identity_status": "provisional"})
    patient = patient_with_location(nurse.db, nurse.forms, unknown.patient_id)
    assert " — date of birth unknown — " in identity_html(patient) and "born" not in identity_html(patient)
    set_language("fr")
    try:
        assert " — date de naissance inconnue — " in identity_html(patient)
    finally:
        set_language("en")


def test_empty_form_is_refused_naming_fields_and_writes_nothing(window):
    db = window.session.db
    before = db.execute("SELECT COUNT(*) FROM records").fetchone()[0]
    view = window.new_admission()
    QTest.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert view.summary.isVisible()
    assert "Birth name" in view.summary.text() and "Ward" in view.summary.text()
    assert view.error_labels["birth_name"].isVisible()
    assert db.execute("SELECT COUNT(*) FROM records").fetchone()[0] == before


def test_unreadable_date_is_named(window, typist):
    view = window.new_admission()
    view.editors["birth_date"].widget.setFocus()
    typist("31/02/1950")
    view.save()
    assert "“Date of birth” is not a date: there is no 31 February 1950." in view.error_labels["birth_date"].text()
    view.editors["birth_date"].widget.clear()
    typist("31-2")
    view.save()
    assert "“Date of birth”: write the date as DD/MM/YYYY." in view.error_labels["birth_date"].text()


def test_unidentified_patient_swaps_the_name_fields(window):
    view = window.new_admission()
    combo = view.editors["unidentified"].combo
    assert view.field_is_shown("birth_name") and not view.field_is_shown("descriptor")
    QTest.keyClicks(combo, "Yes")
    assert combo.currentText() == "Yes"
    assert not view.field_is_shown("birth_name") and view.field_is_shown("descriptor")


def test_a_field_required_once_another_answer_is_given_is_starred_then(window):
    """The temporary name of an unidentified patient is required, but its label had no star (it
    is required only then): the nurse learnt it from the refusal at Save."""
    view = window.new_admission()
    label = view.form_labels["temporary_name"]
    QTest.keyClicks(view.editors["unidentified"].combo, "Yes")
    assert label.text() == "Temporary name *"
    assert view.form_labels["birth_name"].text() == "Birth name", "required only when identified, now not"
    QTest.qWait(QApplication.keyboardInputInterval() + 50)  # a new search of the list, not "YesNo"
    QTest.keyClicks(view.editors["unidentified"].combo, "No")
    assert label.text() == "Temporary name" and view.form_labels["birth_name"].text() == "Birth name *"
    assert view.form_labels["sex"].text() == "Sex *"


def test_each_committed_field_is_kept_as_a_draft(window, typist):
    view = window.new_admission()
    view.editors["birth_name"].widget.setFocus()
    typist("Dupré")
    (draft,) = drafts.drafts_of(window.session)
    assert draft.data["birth_name"] == "Dupré" and draft.form_id == "admission"


def test_drafts_are_offered_again_after_a_crash(window, typist, qtbot, session_for):
    from downtime.qt.main_window import MainWindow

    view = window.new_admission()
    view.editors["birth_name"].widget.setFocus()
    typist("Dupré")
    again = MainWindow(session_for("nurse"))
    qtbot.addWidget(again)
    (reopened,) = again.resume_drafts()
    assert reopened.editors["birth_name"].raw() == "Dupré"


def test_entered_in_error_removes_the_patient_from_the_list(window, typist, listed):
    view = _admit_by_keyboard(window, typist)
    window.tabs.setCurrentWidget(window.patients)
    assert [row.patient.display_name for row in listed(window.patients).model.rows] == ["MARTIN Hélène Marie (née LEFÈVRE)"]
    window.tabs.setCurrentWidget(view)
    view.error_button.click()
    assert view.record.status.value == "entered-in-error"
    window.tabs.setCurrentWidget(window.patients)
    assert listed(window.patients).model.rows == []


def test_print_writes_the_pdf_and_shows_it_in_the_print_preview(window, typist):
    from downtime.qt.print_preview import PrintPreview

    view = _admit_by_keyboard(window, typist)
    path = view.print_record()
    assert path is not None and path.exists()
    (preview,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, PrintPreview) and w.isVisible()]
    assert preview.path == path and preview.document.pageCount() >= 1


def test_sign_out_hands_the_laptop_back_to_the_sign_in(qtbot, session_for):
    from downtime.qt.main_window import MainWindow

    calls = []
    session = session_for("nurse")
    window = MainWindow(session, signed_out=lambda signed_in: calls.append(signed_in))
    qtbot.addWidget(window)
    window.show()
    window.actions_by_id["sign_out"].trigger()
    assert calls == [None] and session.listeners == [] and not window.isVisible()


def test_signing_out_with_a_form_typed_and_not_saved_asks_first_and_names_it(window, typist, answers, monkeypatch):
    """At handover the night nurse signed out (Ctrl+L, or quit) over an admission typed and not
    saved: it went without a word to her drafts, which no one else sees, and the patient was on
    no census for the day shift until she signed in again, the next night."""
    script, _ = answers
    script["confirm"] = [False, False, False, True]
    window.new_admission()
    typed = window.new_admission()
    typed.editors["birth_name"].widget.setFocus()
    typist("Rousseau")
    window.tabs.setCurrentWidget(window.patients)
    said = []
    monkeypatch.setattr(Prompts, "confirm", staticmethod(lambda parent, title, text: said.append((title, text))
                                                          or script["confirm"].pop(0)))
    window.actions_by_id["sign_out"].trigger()
    ((title, text),) = said
    assert title == "Forms not saved" and "• Downtime admission record" in text
    assert text.count("•") == 1, "a form opened and not typed into is not named"
    assert window.isVisible() and window.tabs.currentWidget() is typed, "No goes back to the form, to save it"
    window.tabs.setCurrentWidget(window.patients)
    window.actions_by_id["quit"].trigger()
    assert len(said) == 2 and window.isVisible() and window.tabs.currentWidget() is typed, "Quit (Ctrl+Q) asks too"
    window.tabs.setCurrentWidget(window.patients)

    class ClosedByItsCross(QCloseEvent):
        def spontaneous(self) -> bool:
            return True

    closed = ClosedByItsCross()
    window.closeEvent(closed)
    assert len(said) == 3 and not closed.isAccepted() and window.tabs.currentWidget() is typed, "the cross asks too"
    window.actions_by_id["sign_out"].trigger()
    assert not window.isVisible()
    (draft,) = drafts.drafts_of(window.session)
    assert draft.data["birth_name"] == "Rousseau"


def test_a_read_only_database_is_a_clear_message_and_the_form_is_kept(window, typist):
    db = window.session.db
    before = db.execute("SELECT COUNT(*) FROM records").fetchone()[0]
    db.execute("PRAGMA query_only = ON")
    view = _admit_by_keyboard(window, typist)
    assert "Not saved: the database file is read-only" in view.summary.text()
    assert view.record is None and view.editors["birth_name"].raw() == "Lefèvre"
    db.execute("PRAGMA query_only = OFF")
    assert db.execute("SELECT COUNT(*) FROM records").fetchone()[0] == before
    view.save()
    assert view.record is not None and view.record.data["bed"] == "12"


def test_f1_lists_the_keyboard_shortcuts_from_the_bindings(window, qtbot):
    from downtime.qt.shortcuts_help import ShortcutsDialog

    window.show()
    qtbot.waitExposed(window)
    QTest.keyClick(window, Qt.Key.Key_F1)
    (dialog,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutsDialog) and w.isVisible()]
    shown = {(dialog.table.item(row, 0).text(), dialog.table.item(row, 1).text())
             for row in range(dialog.table.rowCount())}
    assert {("Ctrl+N", "New admission"), ("Ctrl+M", "Medication round"), ("F1", "Keyboard shortcuts"),
            ("Ctrl+S", "Save the open form, or the dose being recorded")} <= shown
    dialog.close()


def test_an_amendment_resumed_after_someone_else_changed_the_record_is_refused(window, typist, qtbot, session_for):
    """The draft keeps the version it started from: saving it would have dropped the doctor's
    change made meanwhile, without a word."""
    from downtime.qt.main_window import MainWindow

    view = _admit_by_keyboard(window, typist)
    saved = view.record
    view.start_amend()
    view.editors["bed"].widget.setFocus()
    view.editors["bed"].widget.selectAll()
    typist("14")
    records.amend(session_for("doctor"), saved.record_id, {**saved.data, "reason": "Hip fracture on X-ray"},
                  "diagnosis known")
    again = MainWindow(session_for("nurse"))
    qtbot.addWidget(again)
    (reopened,) = again.resume_drafts()
    reopened.save()
    assert "changed after you opened it (version 2, by Dr Karim Benali (doctor)" in reopened.summary.text()
    assert records.current(window.session.db, saved.record_id).data["reason"] == "Hip fracture on X-ray"


def test_tab_runs_along_an_allergy_row_then_to_add_row(window, type_text, qtbot):
    """Tab skipped the severity, Remove row and Add row (the order was set on the choice's box,
    not on its combo): a second allergy could not be added from the keyboard."""
    view = window.new_admission()
    combo = view.editors["allergy_status"].combo
    combo.setFocus()
    QTest.keyClicks(combo, "Al")
    QTest.keyClick(combo, Qt.Key.Key_Tab)
    allergies = view.editors["allergies"]
    assert QApplication.focusWidget() is allergies.add_button
    QTest.keyClick(allergies.add_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is allergies.rows[0].editors[0].edit)
    type_text(QApplication.focusWidget(), "Latex")
    seen = []
    for _ in range(4):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert [widget.accessibleName() or widget.text() for widget in seen] == [
        "Reaction", "Severity", "Remove row 1", "Add row"]


def test_enter_in_a_one_line_field_goes_to_the_next_field(window):
    view = window.new_admission()
    view.editors["birth_name"].edit.setFocus()
    QTest.keyClick(view.editors["birth_name"].edit, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is not view.editors["birth_name"].edit
    assert QApplication.focusWidget() is view.editors["used_name"].edit


def test_now_in_the_hour_the_clocks_go_back_is_the_instant_it_was_pressed(qtbot, session_for, admission_values, clock):
    """At 02:10 winter time on the night of 25 October, the second 02:10, a transfer whose time
    is filled with Now is saved at that instant, not read back from "25/10/2026 02:10" as the
    first 02:10, summer time, an hour earlier than the move."""
    from datetime import datetime, timedelta, timezone

    from downtime.qt.form_view import FormView

    clock.now = datetime(2026, 10, 25, 2, 10, tzinfo=timezone(timedelta(hours=1)))
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-10-24T20:00+02:00"}).patient_id
    view = FormView(nurse, nurse.form("transfer"), patient_id=patient)
    qtbot.addWidget(view)
    view.editors["moved_at"].now_button.click()
    for field_id, text in (("to_ward", "ICU"), ("to_bed", "1"), ("reason", "needs monitoring")):
        view.editors[field_id].set_raw(text)
    view.save()
    assert view.record is not None, view.summary.text()
    assert view.record.data["moved_at"] == "2026-10-25T02:10+01:00"


def test_a_print_leaves_neither_its_pdf_nor_its_preview_to_the_next_person(qtbot, session_for, window):
    """The prints folder kept every census and MAR chart in plain PDF after sign-out (a stolen
    laptop's disk gave the last census away, its database encrypted), and the preview stayed
    open over the sign-in screen for whoever came next."""
    from PySide6.QtWidgets import QApplication

    from downtime.qt.print_preview import PrintPreview

    path = window.print_census()
    assert path is not None and path.exists()
    window.sign_out()
    assert not path.exists() and not list(path.parent.glob("*.pdf"))
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, PrintPreview) and w.isVisible()]


def test_a_nir_disagreeing_with_the_date_of_birth_is_saved_only_once_the_nurse_says_so(window, typist, answers):
    """"2 54 03…" is a woman born in March 1954: typed beside 12/03/1945 (a slip, or another
    person's card) it passed its key and joined two people's records at back-entry."""
    script, asked = answers
    script["confirm"] = [False]
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    view = window.tabs.currentWidget()
    for field_id, text in KEYSTROKES:
        typist("12/03/1945" if field_id == "birth_date" else text)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert ("confirm", "Check the NIR") in asked and view.record is None
    assert _focused_editor(view) == "nir"
    view.editors["birth_date"].set_value("1954-03-12")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert view.record is not None and asked.count(("confirm", "Check the NIR")) == 1
    view.amend_button.click()
    view.editors["bed"].set_value("14")
    QTest.keyClick(view.editors["bed"].widget, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert view.record.version == 2 and asked.count(("confirm", "Check the NIR")) == 1


def test_an_unidentified_patients_identity_marked_validated_is_refused_at_its_field(window):
    """Nobody identified the patient, so no document was checked: saving a "validated" identity
    is refused where the nurse chose it, and nothing is written."""
    db = window.session.db
    before = db.execute("SELECT COUNT(*) FROM records").fetchone()[0]
    view = window.new_admission()
    QTest.keyClicks(view.editors["unidentified"].combo, "Yes")
    QTest.keyClicks(view.editors["identity_status"].combo, "Va")
    assert view.editors["identity_status"].combo.currentText() == "Validated (document seen)"
    QTest.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert view.error_labels["identity_status"].isVisible()
    assert "an unidentified patient's identity cannot be validated" in view.error_labels["identity_status"].text()
    assert db.execute("SELECT COUNT(*) FROM records").fetchone()[0] == before


def test_admitting_someone_already_in_hospital_asks_first(window, typist, answers, admission_values, monkeypatch):
    """The emergency department admitted Mrs Martin to bed 12; the ward, typing her admission
    again, gave her a second number, wristband and medication chart, in bed 13 of the census.
    Saving now names the patient already in; No goes back to the birth name, Yes saves."""
    from downtime.qt.prompts import Prompts

    records.save_new(window.session, "admission", {**admission_values, "bed": "13"})
    script, asked = answers
    said = []
    monkeypatch.setattr(Prompts, "confirm", staticmethod(
        lambda parent, title, text: said.append((title, text)) or script["confirm"].pop(0)))
    script["confirm"] = [False, True]
    view = _admit_by_keyboard(window, typist)
    assert view.record is None and _focused_editor(view) == "birth_name"
    ((title, text),) = said
    assert title == "Already in hospital?"
    assert "MARTIN Hélène Marie (née LEFÈVRE), born 12/03/1954, DT-042-00001-8, in 3B / 13 (the same NIR" in text
    assert text.endswith("Save as another patient?")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert view.record is not None and len(in_patients(window.session.db, window.session.forms)) == 2
    assert view.record.data["not_same_as"] == "DT-042-00001-8"  # kept for the records office's worklist


def test_an_unknown_patient_identified_as_one_discharged_earlier_is_said_and_her_allergies_copied(
        window, answers, admission_values, send_home, monkeypatch):
    """Mrs Martin, allergic to penicillin, went home at noon; brought back unconscious as UNKNOWN
    FEMALE ALPHA, she was identified by amending the admission, and her chart went on reading
    ALLERGIES NOT KNOWN YET under a second number, nothing said. The amendment now names her
    earlier stay, when she left and her allergies; "the same person" offers them, copied."""
    first = records.save_new(window.session, "admission", {**admission_values, "bed": "13"})
    send_home(first.patient_id)
    unknown = _unknown_woman(window, admission_values)
    script, asked = answers
    said = []
    monkeypatch.setattr(Prompts, "confirm", staticmethod(
        lambda parent, title, text: said.append((title, text)) or script["confirm"].pop(0)))
    script["confirm"] = [True, True, False]
    script["reason"] = ["Identified by her daughter"]
    view = _identify(window, unknown, admission_values)
    assert [title for title, _ in said] == ["Known here already", "Allergies recorded before", "Wristband out of date"]
    assert "MARTIN Hélène Marie (née LEFÈVRE), born 12/03/1954, DT-042-00001-8, left on 28/11 12:00" in said[0][1]
    assert "— allergies: Penicillin (Rash, moderate)." in said[0][1]
    assert view.record.version == 2 and view.record.data["allergy_status"] == "allergies"
    assert view.record.data["allergies"] == admission_values["allergies"]
    assert not view.record.data.get("not_same_as")  # the same person: the records office joins the numbers


def test_an_unknown_patient_identified_is_asked_about_each_namesake_and_not_one_with_another_nir(
        window, answers, admission_values, send_home, monkeypatch):
    """Identified from her own ID card (NIR …045 46), an unknown woman was said "probably the same
    person" as Mrs Martin née Lefèvre (NIR …023 12), sent home allergic to penicillin, and one
    "Yes" copied the penicillin, with the allergies of every other namesake, onto her record. Two
    NIRs are two people; each namesake with no NIR is asked about on their own, and only the one
    the nurse says is her gives her allergies."""
    from downtime.services.census import patient_with_location

    def sent_home(values, bed):
        stay = records.save_new(window.session, "admission", {**values, "bed": bed})
        send_home(stay.patient_id)
        return patient_with_location(window.session.db, window.session.forms, stay.patient_id).downtime_number

    latex = {"substance": "Latex", "reaction": "Urticaria", "severity": "moderate"}
    ibuprofen = {"substance": "Ibuprofen", "reaction": "Bronchospasm", "severity": "severe"}
    other_nir = sent_home(admission_values, "13")  # NIR …023 12, penicillin
    her = sent_home({**admission_values, "nir": None, "allergies": [latex]}, "14")
    not_her = sent_home({**admission_values, "nir": None, "allergies": [ibuprofen]}, "15")
    named = ("birth_name", "used_name", "given_names", "birth_date", "identity_document")
    unknown = records.save_new(window.session, "admission", {
        **{key: value for key, value in admission_values.items() if key not in (*named, "nir", "allergies")},
        "unidentified": True, "temporary_name": "Unknown Female Alpha", "descriptor": "woman about 70, unconscious",
        "identity_status": "provisional", "allergy_status": "unknown", "bed": "4",
        "arrival_at": "2026-11-28T13:00+01:00"})
    said = []

    def confirm(parent, title, text):
        said.append((title, text))
        return title == "Allergies recorded before" or title == "Known here already" and her in text

    monkeypatch.setattr(Prompts, "confirm", staticmethod(confirm))
    answers[0]["reason"] = ["Identified from her ID card"]
    view = window.open_record(unknown)
    view.amend_button.click()
    view.editors["unidentified"].set_value(False)
    view.editors["identity_status"].set_value("validated")
    for field_id in named:
        view.editors[field_id].set_value(admission_values[field_id])
    view.editors["nir"].set_value("254036912304546")
    QTest.keyClick(view.editors["nir"].widget, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    asked = [title for title, _ in said]
    assert asked.count("Known here already") == 2 and "Allergies recorded before" in asked, said
    assert not any(other_nir in text or "Penicillin" in text for _, text in said)
    assert sorted(next(number for number in (her, not_her) if number in text)
                  for title, text in said if title == "Known here already") == sorted([her, not_her])
    assert all((her in text) != (not_her in text) for title, text in said if title == "Known here already")
    allergies_asked = next(text for title, text in said if title == "Allergies recorded before")
    assert "Latex" in allergies_asked and "Ibuprofen" not in allergies_asked
    assert view.record.version == 2 and view.record.data["allergy_status"] == "allergies"
    assert view.record.data["allergies"] == [latex]
    assert view.record.data["not_same_as"] == not_her


def test_an_amendment_making_an_admission_look_like_someone_in_hospital_asks_first(window, answers, admission_values,
                                                                                   monkeypatch):
    """Admitted unnamed as "Durand Jeanne" and corrected once a card was found, the patient took
    the identity of Mrs Martin in bed 13 with no question asked: one person, two numbers and
    two medication charts. The amendment now names her; No goes back to the birth name, Yes
    asks the reason and saves."""
    from downtime.qt.prompts import Prompts

    records.save_new(window.session, "admission", {**admission_values, "bed": "13"})
    durand = records.save_new(window.session, "admission", {
        **admission_values, "bed": "14", "birth_name": "Durand", "used_name": None, "given_names": "Jeanne",
        "birth_date": "1961-07-04", "nir": None})
    script, asked = answers
    said = []
    monkeypatch.setattr(Prompts, "confirm", staticmethod(
        lambda parent, title, text: said.append((title, text)) or script["confirm"].pop(0)))
    script["confirm"] = [False, True, False]
    script["reason"] = ["Identity card found", "Weighed on the ward"]
    view = window.open_record(durand)
    view.amend_button.click()
    for field_id in ("birth_name", "used_name", "given_names", "birth_date", "nir"):
        view.editors[field_id].set_value(admission_values[field_id])
    QTest.keyClick(view.editors["nir"].widget, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert view.record.version == 1 and _focused_editor(view) == "birth_name"
    ((title, text),) = said
    assert title == "Already in hospital?"
    assert "MARTIN Hélène Marie (née LEFÈVRE), born 12/03/1954, DT-042-00001-8, in 3B / 13 (the same NIR" in text
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert view.record.version == 2 and ("reason", "Reason for the amendment") in asked
    assert said[-1][0] == "Wristband out of date"  # a new name on the band: declined here
    view.amend_button.click()
    view.editors["weight_kg"].set_value(60)
    QTest.keyClick(view.editors["weight_kg"].widget, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert len(said) == 3 and view.record.version == 3


def test_a_newborns_first_names_are_not_starred_as_required(window, typist):
    """A baby born on the ward has no first names yet: they were required, and only the
    unidentified path (which drops the mother's family name) let the nurse admit the baby."""
    view = window.new_admission()
    label = view.form_labels["given_names"]
    assert label.text() == "First names (all, as on the ID document) *"
    view.editors["arrival_at"].set_value("2026-11-28T09:00+01:00")
    view.editors["birth_date"].widget.setFocus()
    typist("28/11/2026")
    assert label.text() == "First names (all, as on the ID document)"
    view.editors["birth_date"].widget.setFocus()
    typist("12/03/1954")
    assert label.text() == "First names (all, as on the ID document) *"


def test_a_weight_unusual_for_the_age_is_saved_only_once_the_nurse_confirms_it(window, typist, answers):
    """0,9 kg typed for 90 on a 72-year-old was saved without a word; weight decides enoxaparin
    and gentamicin doses. Confirmed, the weight confirmed is kept in the admission."""
    script, asked = answers
    script["confirm"] = [False, True]
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    view = window.tabs.currentWidget()
    for field_id, text in KEYSTROKES:
        typist("0,9" if field_id == "weight_kg" else text)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert asked == [("confirm", "Check the weight")] and view.record is None
    assert _focused_editor(view) == "weight_kg"
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert asked == [("confirm", "Check the weight")] * 2
    assert view.record is not None and view.record.data["weight_confirmed_kg"] == 0.9


def test_the_ward_menu_reserves_and_prints_numbers_for_paper_admissions_naming_those_not_yet_given(
        window, answers, monkeypatch):
    asked: list[str] = []
    replies = [False, True, True]
    monkeypatch.setattr(Prompts, "confirm", staticmethod(lambda parent, title, text: asked.append(text) or replies.pop(0)))
    window.actions_by_id["print_paper_numbers"].trigger()
    assert "next 10 downtime numbers" in asked[-1] and paper_numbers.unused(window.session) == []
    first = window.print_paper_numbers()
    assert first is not None and first.exists() and "Reserved earlier" not in asked[-1]
    earlier = [number.number for number in paper_numbers.unused(window.session)]
    assert len(earlier) == 10
    assert window.print_paper_numbers() is not None
    assert f"Reserved earlier and given to no patient yet (10): {', '.join(earlier)}." in asked[-1]
    assert len(paper_numbers.unused(window.session)) == 20


def test_an_admission_withdrawn_as_a_duplicate_says_to_take_its_band_off(qtbot, session_for, admission_values,
                                                                          answers):
    """Admitted twice, the duplicate withdrawn: its wristband stayed on the patient beside the
    right one, two numbers on one wrist, and its labels went on forms and tubes. Withdrawing it
    now says to take the band off; a record that leaves the number an admission says nothing."""
    from downtime.qt.form_view import FormView
    from downtime.services.patients import downtime_numbers

    nurse = session_for("nurse")
    records.save_new(nurse, "admission", admission_values)
    twice = records.save_new(nurse, "admission", {**admission_values, "bed": "14", "nir": ""})
    number = downtime_numbers(nurse.db, [twice.patient_id])[twice.patient_id]
    view = FormView(nurse, nurse.form("admission"), record=records.current(nurse.db, twice.record_id))
    qtbot.addWidget(view)
    script, asked = answers
    script["reason"] = ["Admitted twice: she is already in bed 12"]
    view.mark_in_error()
    assert records.current(nurse.db, twice.record_id).status == "entered-in-error"
    assert asked[-1] == ("info", f"{number} now names no admission: take its wristband off the patient and destroy "
                                 "every ID label printed for it, in the patient's folder and at the nurses' station. "
                                 "A patient in hospital under another number wears that number's band.")
    note = records.save_new(nurse, "clinical_note", {"written_at": "2026-11-28T11:00+01:00", "discipline": "nursing",
                                                     "note": "Seen", "written_by": "Hélène Lefèvre"},
                            patient_id=records.list_current(nurse.db, form_id="admission")[0].patient_id)
    view = FormView(nurse, nurse.form("clinical_note"), record=note)
    qtbot.addWidget(view)
    script["reason"] = ["Wrong patient"]
    said = len(asked)
    view.mark_in_error()
    assert [kind for kind, _ in asked[said:]] == ["reason"]


# The answers naming Mrs Martin (`admission_values`) that an unknown woman's admission leaves out.
NAMED = ("birth_name", "used_name", "given_names", "birth_date", "nir", "identity_document")


def _unknown_woman(window, admission_values):
    """Unknown Female Alpha, admitted to bed 4 at 13:00 on 28/11: her admission."""
    return records.save_new(window.session, "admission", {
        **{key: value for key, value in admission_values.items() if key not in (*NAMED, "allergies")},
        "unidentified": True, "temporary_name": "Unknown Female Alpha", "descriptor": "woman about 70, unconscious",
        "identity_status": "provisional", "allergy_status": "unknown", "bed": "4",
        "arrival_at": "2026-11-28T13:00+01:00"})


def _identify(window, unknown, admission_values):
    """`unknown`'s admission opened and amended with Mrs Martin's identity (`admission_values`),
    saved: the view."""
    view = window.open_record(unknown)
    view.amend_button.click()
    view.editors["unidentified"].set_value(False)
    view.editors["identity_status"].set_value("validated")
    for field_id in NAMED:
        view.editors[field_id].set_value(admission_values[field_id])
    QTest.keyClick(view.editors["nir"].widget, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    return view


def test_an_unknown_patient_identified_as_one_in_hospital_is_asked_if_it_is_her_and_kept_one_person(
        window, answers, admission_values, monkeypatch):
    """Mrs Martin is in bed 13; brought in unconscious, she was also Unknown Female Alpha in bed 4.
    Identified, the nurse could only save her "as another patient", which hid the pair (one NIR)
    from the records office's list, or leave her unnamed. She is now asked whether it is her:
    Yes saves the identification as the same person, and, once saved, says to keep one chart
    and one band; the band then offered is this number's, printed if it is the one chosen."""
    from downtime.services import back_entry

    records.save_new(window.session, "admission", {**admission_values, "bed": "13"})
    script, asked = answers
    said = []
    monkeypatch.setattr(Prompts, "confirm", staticmethod(
        lambda parent, title, text: said.append((title, text)) or title == "Already in hospital?"))
    script["reason"] = ["Identified by her daughter"]
    view = _identify(window, _unknown_woman(window, admission_values), admission_values)
    assert view.record.version == 2 and not view.record.data.get("not_same_as")
    title, text = said[0]
    assert title == "Already in hospital?" and text.endswith("Is it the same person?")
    assert "DT-042-00001-8, in 3B / 13" in text and "do not save" not in text
    one_chart = ("DT-042-00001-8 and this patient are one person under two downtime numbers. Keep one chart from "
                 "now on: with the doctor, choose the number to carry on under, write on its chart what the other "
                 "holds (doses given, observations, samples sent) and record nothing more on the other. The records "
                 "office joins the two numbers at back-entry.")
    assert asked == [("reason", "Reason for the amendment"), ("info", one_chart)]
    (band,) = [text for title, text in said if title == "Wristband out of date"]
    assert band.endswith("If DT-042-00002-6 is the number chosen, print its new wristband and a new sheet of ID "
                         "labels now? The patient wears only the band of the number chosen: take the other off.")
    assert {group.downtime_numbers for group in back_entry.probable_duplicates(window.session)} == {
        ("DT-042-00001-8", "DT-042-00002-6")}


def test_an_identification_whose_reason_is_cancelled_says_nothing_of_one_chart(window, answers, admission_values,
                                                                                monkeypatch):
    """Told to keep one chart as she answered Yes, the nurse then cancelled the amendment's
    reason: nothing saved, the form still being edited, but one chart already advised."""
    records.save_new(window.session, "admission", {**admission_values, "bed": "13"})
    script, asked = answers
    monkeypatch.setattr(Prompts, "confirm", staticmethod(lambda parent, title, text: title == "Already in hospital?"))
    script["reason"] = []
    view = _identify(window, _unknown_woman(window, admission_values), admission_values)
    assert view.record.version == 1 and view.editing
    assert asked == [("reason", "Reason for the amendment")]


def test_an_unknown_patient_identified_with_blood_sent_under_her_alias_says_to_tell_the_blood_bank(
        window, answers, admission_values, monkeypatch, session_for):
    """Her group-and-screen sample went to the laboratory labelled UNKNOWN FEMALE ALPHA and two
    units were ordered; identified, the band offered read her real name, and nothing said that
    the units crossmatched under the alias would not match it at the bedside check."""
    script, _ = answers
    said = []
    monkeypatch.setattr(Prompts, "confirm", staticmethod(lambda parent, title, text: said.append((title, text)) or False))
    script["reason"] = ["Identified by her daughter"]
    at = "2026-11-28T14:00+01:00"
    unknown = _unknown_woman(window, admission_values)
    records.save_new(session_for("doctor"), "blood_order", {"ordered_at": at, "component": "red_cells", "units": 2,
                                                            "each_over": "2 hours", "indication": "Hb 62, bleeding"},
                     patient_id=unknown.patient_id)
    assert _identify(window, unknown, admission_values).record.version == 2
    (text,) = [text for title, text in said if title == "Wristband out of date"]
    assert "are labelled UNKNOWN FEMALE ALPHA" in text and "DT-042-00001-8: tell the blood bank and the laboratory" in text
    assert "Start no unit labelled so until the blood bank has re-labelled it or a new sample has been sent." in text


def test_an_unknown_patient_identified_on_the_laptop_she_left_offers_the_stick_for_her_ward(
        window, answers, admission_values, monkeypatch, session_for):
    """Moved from 3B to 5A, whose records are on another laptop, then identified on 3B's laptop
    where her daughter rang: 5A went on charting UNKNOWN FEMALE ALPHA, allergies not known,
    nothing said. The band to change is said to be on 5A, and 5A's stick is offered."""
    from downtime.qt.transfer_dialogs import ExportDialog
    from downtime.services import settings, wards

    admin = session_for("admin")
    for code in ("3B", "5A"):
        wards.add_ward(admin, code, code, [str(n) for n in range(1, 21)])
    settings.set_laptop_ward(admin, "3B")
    script, _ = answers
    said = []
    monkeypatch.setattr(Prompts, "confirm", staticmethod(lambda parent, title, text: said.append((title, text)) or True))
    opened = []
    monkeypatch.setattr(ExportDialog, "open", lambda dialog: opened.append(dialog))
    script["reason"] = ["Identified by her daughter"]
    unknown = _unknown_woman(window, admission_values)
    records.save_new(window.session, "transfer", {"moved_at": "2026-11-28T13:30+01:00", "to_ward": "5A",
                                                  "to_bed": "2", "reason": "Step-down"}, patient_id=unknown.patient_id)
    assert _identify(window, unknown, admission_values).record.version == 2
    assert [title for title, _ in said] == ["Wristband out of date", "Ward on another laptop?"]
    assert "The patient is on ward 5A now: the band to change is there." in said[0][1]
    assert said[1][1].startswith("The patient is on ward 5A. If it keeps its records on another laptop")
    assert len(opened) == 1 and opened[0].for_another_ward.isChecked()


def test_an_unknown_patient_identified_as_another_in_hospital_is_saved_told_apart_when_it_is_not_her(
        window, answers, admission_values, monkeypatch):
    """No to "Is it the same person?" saves the identification (it left her unnamed), the
    namesake in bed 13 kept as told apart; no word of one chart."""
    records.save_new(window.session, "admission", {**admission_values, "bed": "13"})
    script, asked = answers
    monkeypatch.setattr(Prompts, "confirm", staticmethod(lambda parent, title, text: False))
    script["reason"] = ["Identified by her daughter"]
    view = _identify(window, _unknown_woman(window, admission_values), admission_values)
    assert view.record.version == 2 and view.record.data["not_same_as"] == "DT-042-00001-8"
    assert not [kind for kind, _ in asked if kind == "info"]


def test_an_amendment_of_a_patient_on_another_ward_that_changes_nothing_acted_on_offers_no_stick(
        window, answers, admission_values, monkeypatch, session_for):
    """Mrs Martin moved to 5A, whose records are on another laptop: her daughter's phone number
    corrected on 3B's laptop asked for a stick, "that laptop has their admission as it was before
    this change (their name, allergies)". Her DNACPR decided there is asked about."""
    from downtime.qt.transfer_dialogs import ExportDialog
    from downtime.services import settings, wards

    admin = session_for("admin")
    for code in ("3B", "5A"):
        wards.add_ward(admin, code, code, [str(n) for n in range(1, 21)])
    settings.set_laptop_ward(admin, "3B")
    martin = records.save_new(window.session, "admission", {**admission_values, "bed": "13"})
    records.save_new(window.session, "transfer", {"moved_at": "2026-11-28T13:30+01:00", "to_ward": "5A",
                                                  "to_bed": "2", "reason": "Step-down"}, patient_id=martin.patient_id)
    script, _ = answers
    said = []
    monkeypatch.setattr(Prompts, "confirm", staticmethod(lambda parent, title, text: said.append(title) or False))
    monkeypatch.setattr(ExportDialog, "open", lambda dialog: None)
    script["reason"] = ["Phone number misheard"]
    view = window.open_record(martin)
    view.amend_button.click()
    view.editors["phone"].set_value("0601020304")
    QTest.keyClick(view.editors["phone"].widget, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert view.record.version == 2 and said == []
    assert identity.acted_on_changed(view.spec, view.record.data, {**view.record.data, "resuscitation": "dnacpr"})


def test_an_unknown_patient_identified_with_a_routine_sample_sent_says_to_tell_the_laboratory(
        window, answers, admission_values, monkeypatch):
    """Only a full blood count went to the laboratory labelled UNKNOWN FEMALE ALPHA: the blood
    bank and "start no unit" were said, noise teaching the nurse to skip the paragraph where
    blood was sent."""
    script, _ = answers
    said = []
    monkeypatch.setattr(Prompts, "confirm", staticmethod(lambda parent, title, text: said.append((title, text)) or False))
    script["reason"] = ["Identified by her daughter"]
    unknown = _unknown_woman(window, admission_values)
    records.save_new(window.session, "lab_request", {"taken_at": "2026-11-28T13:30+01:00", "urgency": "routine",
                                                     "tests": ["fbc"], "sample_number": "H26-1"},
                     patient_id=unknown.patient_id)
    assert _identify(window, unknown, admission_values).record.version == 2
    (text,) = [text for title, text in said if title == "Wristband out of date"]
    assert "blood bank" not in text
    assert ("Samples sent this stay are labelled UNKNOWN FEMALE ALPHA (woman about 70, unconscious), DOB unknown, "
            "DT-042-00001-8: tell the laboratory of the new identity now: results will come back under "
            "UNKNOWN FEMALE ALPHA (woman about 70, unconscious).") in text


def test_a_date_of_birth_corrected_with_blood_ordered_names_whom_the_blood_bank_has_it_under(
        window, answers, admission_values, monkeypatch, session_for):
    """Mrs Martin's date of birth corrected from 12 to 21 March, two units ordered: the blood
    bank was told the units were labelled "12-Mar-1954   Sex F, DT-042-00001-8", the band
    lines that changed, no name to find them by. It is told the identity they carry, as the
    labels read it: her name and date of birth."""
    script, _ = answers
    said = []
    monkeypatch.setattr(Prompts, "confirm", staticmethod(lambda parent, title, text: said.append((title, text)) or False))
    script["reason"] = ["Date of birth misread"]
    martin = records.save_new(window.session, "admission", {**admission_values, "bed": "4"})
    records.save_new(session_for("doctor"), "blood_order", {"ordered_at": "2026-11-28T14:00+01:00",
                                                            "component": "red_cells", "units": 2,
                                                            "each_over": "2 hours", "indication": "Hb 62"},
                     patient_id=martin.patient_id)
    view = window.open_record(martin)
    view.amend_button.click()
    view.editors["birth_date"].set_value("1954-03-21")
    QTest.keyClick(view.editors["birth_date"].widget, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert view.record.version == 2
    (text,) = [text for title, text in said if title == "Wristband out of date"]
    assert (f"are labelled {view.patient().display_name}, 12/03/1954, DT-042-00001-8: tell the blood bank and the "
            "laboratory of the new identity now.") in text
