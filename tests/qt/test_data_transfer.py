"""Import wizard, export dialog and the records office's back-entry tab, driven as a user would."""

import shutil
from pathlib import Path

import pytest

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWizard

from downtime.qt.back_entry_panel import TO_DO
from downtime.services.back_entry import PAGE
from downtime.qt.main_window import MainWindow
from downtime.qt.medication_panel import FLAGS
from downtime.services import back_entry, census, records, staff
from downtime.services.context import Session, load_device
from downtime.sync.export import export, verify_export
from downtime.sync.import_export import import_export

SNAPSHOT = Path(__file__).parent.parent / "data" / "snapshot"


def _window(qtbot, session) -> MainWindow:
    main = MainWindow(session)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def _back_entry_tab(qtbot, clerk):
    """The records office's window, its Back-entry tab shown and read."""
    main = _window(qtbot, clerk)
    panel = main.back_entry
    main.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: not panel.reader.busy, timeout=60_000)
    return main, panel


def _office_tab(qtbot, tmp_path, forms, clock, laptop, demo_database):
    """The records office's window on the demo ward's export, its Back-entry tab shown and read."""
    ward = demo_database(tmp_path / "demo.sqlite")
    ward_clerk = Session(ward, load_device(ward), staff.sign_in(ward, "records", "4444", clock), forms, clock)
    clerk = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(clerk, export(ward_clerk, tmp_path / "export").folder)
    _, panel = _back_entry_tab(qtbot, clerk)
    return clerk, panel


def _export_not_encrypted(qtbot, dialog) -> None:
    """The export dialog with no records office key, its tick box ticked as the person agrees to
    a plain-text export."""
    assert dialog.plain.isVisible() and not dialog.plain.isChecked()
    qtbot.mouseClick(dialog.plain, Qt.MouseButton.LeftButton, pos=QPoint(8, dialog.plain.height() // 2))  # its box
    assert dialog.plain.isChecked()


def _imported(qtbot, clerk, path, type_text):
    """The import wizard of the clerk's window, having imported `path` as the clerk would."""
    wizard = _window(qtbot, clerk).import_data()
    type_text(wizard.source.path, str(path))
    with qtbot.waitSignal(wizard.run_page.ran, timeout=60_000):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    return wizard


def _twice_admitted(tmp_path, laptop, admission_values, people):
    """Laptops 11 and 12 each admit the same `people` (the standard admission, numbered names
    and birth dates past one) and export; returns their export folders."""
    folders = []
    for number in (11, 12):
        nurse, clerk = laptop(tmp_path / f"ward{number}.sqlite", number)
        for index in range(people):
            records.save_new(nurse, "admission", admission_values if people == 1 else {
                **admission_values, "birth_name": f"Name{index}", "nir": "", "birth_date": f"19{40 + index}-03-12",
                "bed": str(index + 1)})
        folders.append(export(clerk, tmp_path / f"stick{number}").folder)
    return folders


def test_a_nurse_has_no_import_and_no_back_entry_tab(window):
    assert "import" not in window.actions_by_id and window.back_entry is None
    assert "export" in window.actions_by_id


def test_import_wizard_loads_a_snapshot_with_progress(qtbot, session_for, answers, tmp_path, type_text, listed):
    main = _window(qtbot, session_for("records"))
    script, _ = answers
    folder = Path(shutil.copytree(SNAPSHOT, tmp_path / "snapshot"))
    wizard = main.import_data()
    type_text(wizard.source.path, str(folder))
    assert "CSV snapshot" in wizard.source.kind.text()
    with qtbot.waitSignal(wizard.run_page.ran, timeout=60_000):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.run_page.succeeded, wizard.run_page.result.text()
    assert "2 patient(s)" in wizard.run_page.result.text()
    assert wizard.run_page.bar.value() == wizard.run_page.bar.maximum()
    wizard.accept()
    beds = {row.patient.display_name for row in census.census(main.session.db, main.session.forms, "3B")
            if row.patient}
    assert "NGUYEN Van Minh" in beds
    assert any(r.patient and r.patient.display_name == "NGUYEN Van Minh" for r in listed(main.patients).model.rows)


def test_import_wizard_says_a_loaded_patient_who_looks_like_one_the_ward_admitted(qtbot, session_for, answers, tmp_path,
                                                                                  type_text, admission_values):
    """Mrs Lefèvre, admitted by hand without her NIR, was loaded again from the snapshot by name
    and birthday, and the wizard said only "2 patient(s)"."""
    records.save_new(session_for("nurse"), "admission", {
        **admission_values, "nir": None, "identity_status": "provisional", "identity_document": None,
        "birth_date": "1948-03-12", "bed": "1"})
    main = _window(qtbot, session_for("records"))
    wizard = main.import_data()
    type_text(wizard.source.path, str(Path(shutil.copytree(SNAPSHOT, tmp_path / "snapshot"))))
    with qtbot.waitSignal(wizard.run_page.ran, timeout=60_000):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.run_page.succeeded
    assert ("patients.csv, line 2 (stays.csv, line 2): probably the same person as MARTIN Hélène Marie (née LEFÈVRE)"
            in wizard.run_page.result.text())


def test_import_wizard_shows_a_refusal_and_writes_nothing(qtbot, session_for, answers, tmp_path, type_text):
    main = _window(qtbot, session_for("records"))
    folder = Path(shutil.copytree(SNAPSHOT, tmp_path / "snapshot"))
    (folder / "patients.csv").write_text("patient_key,birth_name\nP1,Roux\n", encoding="utf-8")
    before = main.session.db.execute("SELECT COUNT(*) FROM records").fetchone()[0]
    wizard = main.import_data()
    type_text(wizard.source.path, str(folder))
    with qtbot.waitSignal(wizard.run_page.ran, timeout=60_000):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert not wizard.run_page.succeeded
    assert "Nothing was imported" in wizard.run_page.result.text()
    assert "patients.csv, line 1: missing column 'sex'" in wizard.run_page.result.text()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert main.session.db.execute("SELECT COUNT(*) FROM records").fetchone()[0] == before


def test_export_dialog_writes_a_verified_export(qtbot, window, tmp_path, type_text, admission_values):
    from downtime.services import records

    records.save_new(window.session, "admission", admission_values)
    dialog = window.export_data()
    type_text(dialog.folder, str(tmp_path / "usb" / "ward3b"))
    _export_not_encrypted(qtbot, dialog)
    with qtbot.waitSignal(dialog.ran, timeout=60_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "Exported 1 record version(s)" in dialog.result.text()
    assert dialog.bar.value() == dialog.bar.maximum()
    assert verify_export(tmp_path / "usb" / "ward3b") == []
    with qtbot.waitSignal(dialog.ran, timeout=60_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "already exists" in dialog.result.text()


def test_the_import_and_export_dialogs_are_freed_once_closed_their_work_ended(qtbot, window, tmp_path, type_text,
                                                                               admission_values, escaped):
    """Each stayed a hidden child of the window for the rest of the session, with its report: a
    records office imports twenty laptops. One closes only once its work has ended."""
    from downtime.qt.transfer_dialogs import ExportDialog, ImportWizard

    records.save_new(window.session, "admission", admission_values)
    window.show()
    qtbot.waitExposed(window)

    def exported() -> ExportDialog:
        dialog = window.export_data()
        type_text(dialog.folder, str(tmp_path / f"usb{len(window.findChildren(ExportDialog))}"))
        _export_not_encrypted(qtbot, dialog)
        with qtbot.waitSignal(dialog.ran, timeout=60_000):
            qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        assert "Exported 1 record version(s)" in dialog.result.text()
        return dialog

    escaped([exported, window.import_data, window.export_data, window.import_data])
    assert window.findChildren(ExportDialog) == [] and window.findChildren(ImportWizard) == []


def test_an_export_with_no_key_is_said_in_red_and_made_only_once_the_person_ticks_it(qtbot, window, tmp_path,
                                                                                     type_text, admission_values):
    """With no records office key (the demo sets none), the dialog said only "Exported 450 record
    version(s) to …": every patient's record went onto the stick in plain text, nobody told."""
    import json

    from downtime.services import records

    records.save_new(window.session, "admission", admission_values)
    dialog = window.export_data()
    assert dialog.plain_warning.isVisible() and dialog.plain_warning.text().startswith("NOT ENCRYPTED: with no key")
    assert "Administration ▸ Settings" in dialog.plain_warning.text()
    assert dialog.plain_warning.styleSheet() != "" and dialog.plain.isVisible() and not dialog.plain.isChecked()
    usb = tmp_path / "usb" / "ward3b"
    type_text(dialog.folder, str(usb))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.result.text().startswith("Not exported: tick “Export NOT encrypted all the same”")
    assert not usb.exists() and window.session.db.execute("SELECT COUNT(*) FROM exports").fetchone()[0] == 0
    type_text(dialog.recipient, "age1")  # a key begun, then taken away again: asked again
    assert not dialog.plain_warning.isVisible() and not dialog.plain.isVisible()
    dialog.recipient.clear()
    assert dialog.plain_warning.isVisible()
    _export_not_encrypted(qtbot, dialog)
    with qtbot.waitSignal(dialog.ran, timeout=60_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.result.text() == (f"Exported 1 record version(s) to {usb}. NOT ENCRYPTED: every patient's record "
                                    "there is in plain text.")
    assert dialog.result.styleSheet() != "" and verify_export(usb) == []
    (detail,) = [json.loads(row[0]) for row in window.session.db.execute(
        "SELECT detail FROM audit WHERE action = 'export'")]
    assert detail["encrypted"] is False


def test_the_export_dialog_says_which_resources_update_what_an_earlier_export_sent(qtbot, window, tmp_path, type_text,
                                                                                   admission_values):
    """An admission amended after an export went out again as a conditional create, which the
    EHR holding the first bundle's copy ignores; the dialog said nothing of it."""
    from downtime.services import records

    admission = records.save_new(window.session, "admission", admission_values)
    dialog = window.export_data()
    _export_not_encrypted(qtbot, dialog)
    for name in ("first", "second"):
        dialog.folder.clear()
        type_text(dialog.folder, str(tmp_path / "usb" / name))
        with qtbot.waitSignal(dialog.ran, timeout=60_000):
            qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        if name == "first":
            assert "FHIR bundle changed since" not in dialog.result.text()
            records.amend(window.session, admission.record_id, {**admission.data, "bed": "14"}, "Wrong bed typed")
    said = dialog.result.text().split("\n")
    assert said[0].startswith("Exported 2 record version(s)") and said[1] == ""
    assert said[2].endswith("resource(s) in the FHIR bundle changed since an earlier export sent them (amended, "
                            "stopped, a stay ended): posted, each replaces the EHR's copy made from the earlier bundle, "
                            "including any change made to it in the EHR since (the manifest's fhir_updates)")


def test_the_export_dialog_says_how_many_records_the_bundle_withdraws_as_the_ward_said(
        qtbot, tmp_path, laptop, clock, admission_values, type_text):
    """The office's first bundle sent both records of a dose given once; the ward said the second
    is not to be entered, and the next bundle withdraws it from the EHR: the dialog said nothing
    of it, so whoever posted it did not know it took a dose out of the EHR."""
    from tests.test_back_entry import dose_recorded_twice

    office, _, _, (_, second, _) = dose_recorded_twice(tmp_path, laptop, clock, admission_values)
    export(office, tmp_path / "before-the-answer")
    back_entry.mark_not_entered(office, second.record_id, 1, "Sr Dubois, 3B, by phone", "one dose recorded twice")
    dialog = _window(qtbot, office).export_data()
    dialog.folder.clear()
    type_text(dialog.folder, str(tmp_path / "usb" / "after-the-answer"))
    _export_not_encrypted(qtbot, dialog)
    with qtbot.waitSignal(dialog.ran, timeout=60_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    said = dialog.result.text().split("\n")
    assert ("1 record(s) the ward said are not to be entered went out in an earlier FHIR bundle: this bundle marks "
            "them entered in error, so posting it withdraws them from the EHR (the manifest's fhir_withdrawn)") in said
    assert "left out" not in dialog.result.text()


def test_the_records_office_key_set_in_administration_encrypts_the_wards_export(qtbot, session_for, answers, tmp_path,
                                                                               type_text, admission_values):
    """IT had nowhere to leave the records office's key: the nurse exporting at the outage's end
    left the "Encrypt to" box empty, and every record went on the stick in plain text."""
    from downtime.services import records
    from downtime.sync.encryption import encrypted_export, generate_identity

    key = tmp_path / "office.key"
    public = generate_identity(key)
    admin = _window(qtbot, session_for("admin"))
    admin.tabs.setCurrentWidget(admin.admin)
    admin.admin.sections.setCurrentIndex(2)
    type_text(admin.admin.export_key, "age1typo")
    QTest.keyClick(admin.admin.save_settings_button, Qt.Key.Key_Space)
    assert admin.admin.error.text().startswith("Records office's key: 'age1typo' is not an age public key")
    admin.admin.export_key.clear()
    type_text(admin.admin.export_key, public)
    QTest.keyClick(admin.admin.save_settings_button, Qt.Key.Key_Space)
    assert admin.admin.said.text() == "Settings saved."
    nurse = _window(qtbot, session_for("nurse"))
    records.save_new(nurse.session, "admission", admission_values)
    dialog = nurse.export_data()
    assert dialog.recipient.text() == public
    assert not dialog.plain_warning.isVisible() and not dialog.plain.isVisible()
    dialog.recipient.clear()  # left empty, the export takes the key IT set: not said as NOT ENCRYPTED
    assert not dialog.plain_warning.isVisible() and not dialog.plain.isVisible()
    type_text(dialog.folder, str(tmp_path / "usb" / "ward3b"))
    with qtbot.waitSignal(dialog.ran, timeout=60_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "Every file is encrypted to the records office's key." in dialog.result.text()
    assert encrypted_export(tmp_path / "usb" / "ward3b")


def test_the_export_dialog_names_the_records_to_ask_the_ward_about_before_the_bundle_is_posted(
        qtbot, tmp_path, laptop, clock, admission_values, type_text):
    """The records office exports what it merged: the dialog said only how many versions were
    exported, and the records the worklist says to ask the ward about went into the FHIR bundle
    with no word to whoever posts it."""
    from tests.test_back_entry import office_asking_the_ward

    office, flagged = office_asking_the_ward(tmp_path, laptop, clock, admission_values)
    dialog = _window(qtbot, office).export_data()
    type_text(dialog.folder, str(tmp_path / "usb" / "office"))
    _export_not_encrypted(qtbot, dialog)
    with qtbot.waitSignal(dialog.ran, timeout=60_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    said = dialog.result.text().split("\n")
    assert said[0].startswith("Exported ") and said[1] == ""
    # The order and the admission laptop 1 withdrew after its stick went to laptop 2 replace what
    # that stick's bundle sent (see tests/test_fhir_updates_across_laptops.py).
    assert said[2].startswith("8 resource(s) in the FHIR bundle changed since an earlier export sent them")
    assert said[3] == ("4 record(s) in the FHIR bundle contradict another laptop's record or another office's "
                       "settlement (the manifest's ask_the_ward): ask the ward about each before posting the bundle")
    assert sorted(line.split(", version")[0].rsplit(" ", 1)[1] for line in said[4:]) == sorted(flagged)
    assert all(line.startswith("ASK THE WARD: DT-001-") for line in said[4:])
    assert dialog.result.styleSheet() != ""


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_each_lines_to_do_is_on_screen_without_scrolling_on_a_laptop(qtbot, tmp_path, laptop, clock, admission_values,
                                                                      lang, request, app_style):
    """"To do" came after "What to enter", the widest column: on a 1366-pixel laptop "ON HOLD …
    enter neither", "ask the ward …" and "withdraw in the EHR" lay beyond the list's right edge.
    It comes after the time, cut when long, whole in its tooltip and, for the line the arrows
    are on, in the pane under the list with what to enter and whom the EHR names for it."""
    from downtime.qt.back_entry_panel import WHAT
    from downtime.qt.i18n import set_language
    from tests.test_back_entry import office_asking_the_ward

    request.addfinalizer(lambda: set_language("en"))
    set_language(lang)
    office, flagged = office_asking_the_ward(tmp_path, laptop, clock, admission_values)
    main, panel = _back_entry_tab(qtbot, office)
    main.resize(1366, 768)
    qtbot.waitUntil(lambda: main.width() == 1366)
    table, model = panel.table, panel.model
    assert model.headerData(TO_DO, Qt.Orientation.Horizontal) == {"en": "To do", "fr": "À faire"}[lang]
    panel.table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Home)
    for row in range(model.rowCount()):
        shown = table.visualRect(model.index(row, TO_DO))
        assert 0 <= shown.left() and shown.right() <= table.viewport().width()
        group, item = model.rows[row]
        to_do = model.text(row, TO_DO)
        assert model.data(model.index(row, TO_DO), Qt.ItemDataRole.ToolTipRole) == to_do
        assert model.data(model.index(row, WHAT), Qt.ItemDataRole.ToolTipRole) == item.label
        assert table.currentIndex().row() == row
        assert to_do in panel.detail.toPlainText() and item.label in panel.detail.toPlainText()
        assert panel.detail.toPlainText().endswith(f"\n{item.by}"), "whom the EHR names: the dose's giver…"
        qtbot.keyClick(table, Qt.Key.Key_Down)
    asked = [row for row in range(model.rowCount()) if model.rows[row][1].record.record_id in flagged]
    assert len(asked) == 4
    assert any(table.fontMetrics().horizontalAdvance(model.text(row, TO_DO)) > table.columnWidth(TO_DO)
               for row in asked), "a long to-do is cut on its line, the rest of the line staying on screen"
    main.activateWindow()
    qtbot.waitActive(main)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.detail, "Tab reaches the chosen line's pane, to scroll or copy from"
    main.resize(1100, 768)
    qtbot.waitUntil(lambda: main.width() == 1100)
    shown = table.visualRect(model.index(asked[0], TO_DO))
    assert 0 <= shown.left() and shown.right() <= table.viewport().width(), "a window not full width too"


def test_back_entry_tab_ticks_items_off_with_the_ehr_reference(qtbot, session_for, answers, tmp_path, laptop,
                                                               admission_values):
    from downtime.services import records

    nurse, ward_clerk = laptop(tmp_path / "ward5.sqlite", 5)
    records.save_new(nurse, "admission", admission_values)
    clerk = session_for("records")
    import_export(clerk, export(ward_clerk, tmp_path / "e").folder)
    main = _window(qtbot, clerk)
    panel = main.back_entry
    assert panel is not None and main.tabs.tabText(main.tabs.indexOf(panel)) == "Back-entry"
    main.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: not panel.reader.busy, timeout=60_000)
    assert panel.summary.text() == "0 of 1 entered in the EHR"
    script, asked = answers
    script["text"] = ["ADM-2026-118"]
    main.tabs.setCurrentWidget(panel)
    panel.table.setFocus()
    panel.table.selectRow(0)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert ("text", "Entered in the EHR") in asked
    assert panel.summary.text() == "1 of 1 entered in the EHR" and panel.model.rowCount() == 0
    assert panel.counts == back_entry.progress_counts(clerk), "a tick moves the progress by that patient's change"
    panel.left_only.setChecked(False)
    assert panel.model.text(0, 8) == "ADM-2026-118"
    script["text"] = ["800777"]
    panel.table.selectRow(0)
    panel.link_selected()
    assert back_entry.worklist(clerk)[0].ehr_patient_number == "800777"
    assert panel.model.text(0, 2) == "800777"
    assert panel.table.currentIndex().row() == 0, "the line linked stays chosen, for Enter to tick it off next"


def test_what_is_left_goes_through_the_patients_with_a_line_left_alone(qtbot, tmp_path, forms, clock, laptop,
                                                                       demo_database):
    """The list of what is left went through every patient a page at a time on the window's
    thread, showing the next page with a line left: once 40,000 of a hospital's patients were
    entered, the tab froze 190 seconds as it opened. Patients entered whole are passed over
    before the list is shown, and its first page is read with it, on its thread (a hospital's
    records about no patient took 0.6 s on the window's); the whole list still has them."""
    clerk, panel = _office_tab(qtbot, tmp_path, forms, clock, laptop, demo_database)
    work = [group for group in back_entry.worklist(clerk) if group.patient is not None]
    entered = [group.patient.patient_id for group in work[:2]]
    for group in work[:2]:
        for item in group.items:
            back_entry.mark_entered(clerk, item.record.record_id, item.record.version, "EHR-1")
    fetched: list[list[str | None]] = []
    fetch = panel.model.fetch
    panel.model.fetch = lambda page: fetched.append(list(page)) or fetch(page)
    panel.refresh()
    qtbot.waitUntil(lambda: not panel.reader.busy, timeout=60_000)
    assert not set(entered) & set(panel.model.order) and work[2].patient.patient_id in panel.model.order
    assert panel.model.rowCount() > 0 and fetched == []
    panel.left_only.setChecked(False)
    assert set(entered) <= set(panel.model.order) and fetched == [panel.model.order[:PAGE]]


def test_enter_on_the_worklist_line_tabbed_to_ticks_it_off(qtbot, session_for, answers, tmp_path, laptop,
                                                          admission_values):
    """Tab into the worklist makes its first line the current one, framed, not selected; Enter
    there, as the button says, answered "Select a line of the worklist first"."""
    nurse, ward_clerk = laptop(tmp_path / "ward5.sqlite", 5)
    records.save_new(nurse, "admission", admission_values)
    clerk = session_for("records")
    import_export(clerk, export(ward_clerk, tmp_path / "e").folder)
    main, panel = _back_entry_tab(qtbot, clerk)
    main.activateWindow()
    qtbot.waitActive(main)
    panel.left_only.setFocus()
    qtbot.keyClick(panel.left_only, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.table and panel.table.currentIndex().row() == 0
    script, asked = answers
    script["text"] = ["ADM-2026-118"]
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert asked == [("text", "Entered in the EHR")]
    assert panel.summary.text() == "1 of 1 entered in the EHR"


def test_the_reference_asked_for_a_line_names_its_patient_by_number_and_birth_date(qtbot, session_for, tmp_path,
                                                                                    laptop, admission_values,
                                                                                    monkeypatch):
    """Two women of one name, next to each other in the list (it is in name order): the box asking
    the EHR's reference named the line's patient by name alone, so the clerk who pressed Enter a
    line too low could not tell she was ticking off the other woman's admission, which was then
    left out of the EHR. It names her as the link box does, by downtime number and birth date."""
    from downtime.qt.prompts import Prompts

    nurse, ward_clerk = laptop(tmp_path / "ward5.sqlite", 5)
    records.save_new(nurse, "admission", admission_values)
    records.save_new(nurse, "admission", {**admission_values, "nir": "", "birth_date": "1961-07-02", "bed": "7"})
    clerk = session_for("records")
    import_export(clerk, export(ward_clerk, tmp_path / "e").folder)
    main, panel = _back_entry_tab(qtbot, clerk)
    labels: list[str] = []
    monkeypatch.setattr(Prompts, "text", staticmethod(lambda parent, title, label: labels.append(label)))
    for row in (0, 1):
        panel.table.selectRow(row)
        panel.mark_selected()
    assert [label.split(": Admission")[0] for label in labels] == [
        "MARTIN Hélène Marie (née LEFÈVRE) (DT-005-00001-3), born 12/03/1954",
        "MARTIN Hélène Marie (née LEFÈVRE) (DT-005-00002-1), born 02/07/1961"], labels


def test_the_reference_asked_for_a_line_says_what_to_do_whole_ask_the_ward_too(qtbot, tmp_path, laptop, clock,
                                                                             admission_values, monkeypatch):
    """A clerk works the list by Enter: the box asking the EHR's reference named the patient and
    what to enter, not what to do, and the line's to-do is cut on a laptop's screen. The doses
    recorded on two laptops and the dose whose order was withdrawn were ticked off without the
    clerk reading "ask the ward". The box gives the line's to-do whole, above the reference."""
    from downtime.qt.prompts import Prompts
    from tests.test_back_entry import office_asking_the_ward

    office, flagged = office_asking_the_ward(tmp_path, laptop, clock, admission_values)
    main, panel = _back_entry_tab(qtbot, office)
    labels: list[str] = []
    monkeypatch.setattr(Prompts, "text", staticmethod(lambda parent, title, label: labels.append(label)))
    asked = [row for row in range(panel.model.rowCount()) if panel.model.rows[row][1].record.record_id in flagged]
    for row in asked:
        panel.table.selectRow(row)
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert len(labels) == len(asked) == 4
    for row, label in zip(asked, labels):
        to_do = panel.model.rows[row][1].to_do_in("en", loud=True)
        assert "ask the ward" in to_do.lower() and f"To do: {to_do}\n" in label, label
        assert label.endswith("The EHR's reference for it:")


def test_the_box_asking_the_ehr_reference_fits_a_laptops_screen(qtbot, tmp_path, laptop, clock, admission_values):
    """The box asking the EHR's reference set the line's patient, what to enter and what to do
    on one line each: a dose's was 2,700 pixels wide, its OK button and the end of "ask the
    ward" off a 1366-pixel laptop's screen. Its words wrap, within the screen."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

    from tests.test_back_entry import office_asking_the_ward

    office, flagged = office_asking_the_ward(tmp_path, laptop, clock, admission_values)
    main, panel = _back_entry_tab(qtbot, office)
    row = next(row for row in range(panel.model.rowCount()) if panel.model.rows[row][1].record.record_id in flagged)
    record_id = panel.model.rows[row][1].record.record_id
    panel.table.selectRow(row)
    widths: list[int] = []

    def answer() -> None:
        shown = QApplication.activeModalWidget()
        widths.append(shown.width())
        qtbot.keyClicks(shown.findChild(QLineEdit), "MAR-1")
        shown.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(200, answer)
    panel.mark_selected()
    assert widths and widths[0] <= 1366, widths
    assert office.db.execute("SELECT ehr_reference FROM back_entries WHERE record_id = ?",
                             [record_id]).fetchone() == ("MAR-1",)


def test_the_back_entry_list_is_fetched_a_page_at_a_time_as_it_scrolls(qtbot, tmp_path, forms, clock, laptop,
                                                                       answers, monkeypatch, demo_database):
    from downtime.qt import back_entry_panel

    monkeypatch.setattr(back_entry_panel, "PAGE", 3)
    clerk, panel = _office_tab(qtbot, tmp_path, forms, clock, laptop, demo_database)
    whole = [(group.patient, item.record.record_id) for group in back_entry.worklist(clerk) for item in group.items]
    first = [(group.patient, item.record.record_id) for group, item in panel.model.rows]
    assert 0 < len(first) < len(whole) and first == whole[:len(first)] and panel.model.canFetchMore()
    while panel.model.canFetchMore():
        panel.table.scrollToBottom()
        qtbot.wait(1)
    assert [(group.patient, item.record.record_id) for group, item in panel.model.rows] == whole
    script, asked = answers
    script["text"] = ["EHR-9"]
    panel.table.selectRow(4)
    ticked = panel.model.rows[4][1].record.record_id
    panel.mark_selected()
    assert ticked not in {item.record.record_id for group, item in panel.model.rows}
    assert len(panel.model.rows) == len(whole) - 1
    assert panel.summary.text() == f"1 of {len(whole)} entered in the EHR"


def test_the_export_runs_off_the_gui_thread_and_the_dialog_waits_for_it(qtbot, window, tmp_path, type_text,
                                                                        admission_values, monkeypatch):
    import threading

    from downtime.qt import transfer_dialogs
    from downtime.services import records

    records.save_new(window.session, "admission", admission_values)
    release, seen = threading.Event(), {}

    def held_export(session, out, **options):
        seen["worker thread"] = threading.current_thread() is not threading.main_thread()
        seen["own connection"] = session.db is not window.session.db
        assert release.wait(30)
        return export(session, out, **options)

    monkeypatch.setattr(transfer_dialogs, "export", held_export)
    dialog = window.export_data()
    moves = []
    dialog.bar.valueChanged.connect(moves.append)
    type_text(dialog.folder, str(tmp_path / "usb" / "ward3b"))
    _export_not_encrypted(qtbot, dialog)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "worker thread" in seen)
    assert not any(control.isEnabled() for control in dialog.controls)
    assert dialog.result.text() == "Exporting…"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.wait(50)
    assert dialog.isVisible(), "Escape must not close the dialog while the export runs"
    with qtbot.waitSignal(dialog.ran, timeout=60_000) as ran:
        release.set()
    assert ran.args == [True] and seen == {"worker thread": True, "own connection": True}
    assert moves and moves[-1] == dialog.bar.maximum() and dialog.export_button.isEnabled()
    assert verify_export(tmp_path / "usb" / "ward3b") == []
    assert window.session.db.execute("SELECT COUNT(*) FROM exports").fetchone()[0] == 1
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_an_error_we_caused_in_the_export_is_raised_on_the_gui_thread_and_the_dialog_recovers(
        qtbot, window, tmp_path, type_text, monkeypatch):
    from downtime.qt import transfer_dialogs

    def broken_export(session, out, **options):
        raise RuntimeError("a bug in the export")

    monkeypatch.setattr(transfer_dialogs, "export", broken_export)
    dialog = window.export_data()
    type_text(dialog.folder, str(tmp_path / "usb" / "ward3b"))
    _export_not_encrypted(qtbot, dialog)
    with qtbot.captureExceptions() as raised, qtbot.waitSignal(dialog.ran, timeout=60_000) as ran:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(raised) == 1)
    assert str(raised[0][1]) == "a bug in the export"
    assert ran.args == [False] and dialog.export_button.isEnabled() and dialog.close_button.isEnabled()
    assert not (tmp_path / "usb" / "ward3b").exists()


def test_the_import_wizard_cannot_be_cancelled_or_left_while_it_imports(qtbot, session_for, tmp_path, type_text,
                                                                        monkeypatch):
    import threading

    from downtime.qt import transfer_dialogs
    from downtime.sync.importing import import_path

    release, moves = threading.Event(), []

    def held_import(session, path, progress, identity, shared_device_number):
        assert release.wait(30)
        return import_path(session, path, progress, identity, shared_device_number)

    monkeypatch.setattr(transfer_dialogs, "import_path", held_import)
    main = _window(qtbot, session_for("records"))
    wizard = main.import_data()
    wizard.run_page.bar.valueChanged.connect(moves.append)
    type_text(wizard.source.path, str(Path(shutil.copytree(SNAPSHOT, tmp_path / "snapshot"))))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.run_page.running()
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    assert not wizard.button(QWizard.WizardButton.CancelButton).isEnabled()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    qtbot.wait(50)
    assert wizard.isVisible()
    with qtbot.waitSignal(wizard.run_page.ran, timeout=60_000):
        release.set()
    assert wizard.run_page.succeeded and max(moves) > 1, "the import's own counts reach the bar"
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert wizard.button(QWizard.WizardButton.CancelButton).isEnabled()


def test_printing_the_worklist_prints_the_next_patients_from_the_selected_line(qtbot, tmp_path, forms, clock, laptop,
                                                                               answers, monkeypatch, demo_database):
    """A hospital's whole list would be thousands of pages: the button prints the part about
    to be typed, as the list shows it."""
    from pypdf import PdfReader

    from downtime.qt import back_entry_panel
    from downtime.qt.print_preview import PrintPreview

    monkeypatch.setattr(back_entry_panel, "PRINTED", 2)
    clerk, panel = _office_tab(qtbot, tmp_path, forms, clock, laptop, demo_database)
    groups = [group for group in back_entry.worklist(clerk) if group.patient]
    first = next(row for row, (group, _) in enumerate(panel.model.rows) if group.patient == groups[2].patient)
    panel.table.selectRow(first)
    qtbot.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)
    assert panel.printing is not None and not panel.print_button.isEnabled(), "made on a thread of its own"
    qtbot.waitUntil(lambda: panel.printing is None, timeout=60_000)
    assert panel.print_button.isEnabled()
    (preview,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, PrintPreview) and w.isVisible()]
    qtbot.addWidget(preview)
    text = "\n".join(page.extract_text() for page in PdfReader(preview.path).pages)
    printed = [group.patient.downtime_number for group in groups if group.patient.downtime_number in text]
    assert printed == [groups[2].patient.downtime_number, groups[3].patient.downtime_number]
    assert "Part of the list: 2 patient(s) from" in text


def test_the_back_entry_list_is_read_off_the_gui_thread_and_a_refresh_asked_meanwhile_reads_again(
        qtbot, session_for, monkeypatch):
    import threading

    release, calls = threading.Event(), []
    real = back_entry.worklist_order

    def held_order(session):
        calls.append(threading.current_thread() is threading.main_thread())
        assert release.wait(30)
        return real(session)

    monkeypatch.setattr(back_entry, "worklist_order", held_order)
    main = _window(qtbot, session_for("records"))
    panel = main.back_entry
    qtbot.wait(200)
    assert calls == [], "read when the tab is first shown, not beside the patient list at the window's opening"
    main.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: calls == [False])
    assert panel.summary.text() == "Reading the worklist…" and panel.progress.maximum() == 0
    panel.refresh()
    with qtbot.waitSignal(panel.loaded, timeout=60_000):
        release.set()
    assert calls == [False, False], "the refresh asked while reading ran once the first read ended"
    assert panel.summary.text() == "0 of 0 entered in the EHR"


def test_a_back_entry_list_that_cannot_be_read_says_why_and_stops_the_busy_bar(qtbot, session_for, monkeypatch):
    from downtime.services.errors import ServiceError

    def refused(session):
        raise ServiceError("The worklist cannot be read: disk full")

    monkeypatch.setattr(back_entry, "worklist_order", refused)
    main = _window(qtbot, session_for("records"))
    panel = main.back_entry
    main.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: not panel.reader.busy, timeout=60_000)
    assert panel.summary.text() == "The worklist cannot be read: disk full"
    assert panel.progress.maximum() == 1 and panel.progress.value() == 0


@pytest.mark.parametrize(("problem", "said"), [
    (OSError(28, "No space left on device", "/media/usb/worklist.pdf"), "/media/usb/worklist.pdf: No space left on device"),
    (OSError(28, "No space left on device"), "No space left on device"),
    ("sqlite", "Not done: the disk is full. Nothing was half-written; call IT if it happens again.")])
def test_a_disk_that_refuses_a_write_in_background_work_is_said_not_raised(qtbot, session_for, problem, said,
                                                                          sqlite_full):
    """A full or removed USB stick is the person's to fix, met by the system or by SQLite: it
    comes back as a refusal naming the file when the system names one, not as a crash."""
    from downtime.qt.work import Work

    def full_disk(own, progress):
        raise sqlite_full if problem == "sqlite" else problem

    work = Work(session_for("records"), full_disk)
    with qtbot.waitSignal(work.refused, timeout=30_000) as refused:
        work.begin()
    assert str(refused.args[0]) == said


def _sealed_export(tmp_path, laptop, admission_values) -> tuple[Path, Path]:
    """A ward laptop's export encrypted to the records office's key: the key file, the export."""
    from downtime.sync.encryption import generate_identity

    key = tmp_path / "office" / "records-office.key"
    key.parent.mkdir()
    public = generate_identity(key)
    nurse, ward_clerk = laptop(tmp_path / "ward3.sqlite", 3)
    records.save_new(nurse, "admission", admission_values)
    return key, export(ward_clerk, tmp_path / "stick" / "ward3", encrypt_to=[public]).folder


def test_the_import_wizard_reads_an_encrypted_export_with_the_key_file_chosen(qtbot, tmp_path, laptop,
                                                                             admission_values, answers, monkeypatch):
    """The stick's export is encrypted to the records office's key: the wizard asks for the key
    file, and imports once one is chosen, with no terminal for `downtime decrypt`."""
    from downtime.qt.prompts import Prompts

    key, sealed = _sealed_export(tmp_path, laptop, admission_values)
    clerk = laptop(tmp_path / "office.sqlite", 900)[1]
    main = _window(qtbot, clerk)
    wizard = main.import_data()
    wizard.source.path.setText(str(sealed))
    assert "encrypted export" in wizard.source.kind.text() and wizard.source.key_row.isVisible()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    monkeypatch.setattr(Prompts, "choose_file", staticmethod(lambda parent, title, pattern: key))
    qtbot.mouseClick(wizard.source.choose_key, Qt.MouseButton.LeftButton)
    assert wizard.source.key.text() == str(key) and wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    with qtbot.waitSignal(wizard.run_page.ran, timeout=60_000):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.run_page.succeeded, wizard.run_page.result.text()
    assert clerk.db.execute("SELECT COUNT(*) FROM records").fetchone()[0] == 1


def test_the_import_wizard_decrypts_beside_the_database_not_in_the_system_temp_folder(
        qtbot, tmp_path, laptop, session_for, db_path, admission_values, answers, monkeypatch):
    """The wizard imports on a connection of its own, which has no vault: the plaintext patient
    records went to the system's temporary folder (tmpfs on many Linux laptops, roaming or
    shared on others) instead of beside the database."""
    from downtime.sync import importing

    key, sealed = _sealed_export(tmp_path, laptop, admission_values)
    decrypted_into: list[Path] = []
    original = importing.decrypt_folder

    def spy(src, out, identity):
        decrypted_into.append(out)
        return original(src, out, identity)

    monkeypatch.setattr(importing, "decrypt_folder", spy)
    main = MainWindow(session_for("records"))
    qtbot.addWidget(main)
    wizard = main.import_data()
    wizard.source.path.setText(str(sealed))
    wizard.source.key.setText(str(key))
    with qtbot.waitSignal(wizard.run_page.ran, timeout=60_000):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.run_page.succeeded, wizard.run_page.result.text()
    assert decrypted_into[0].parent.parent == db_path.parent, decrypted_into


def test_what_a_crash_left_of_an_encrypted_export_in_the_system_temp_folder_goes_as_a_window_opens(
        qtbot, session_for, tmp_path, monkeypatch):
    """An earlier version wrote an encrypted export's plaintext in the system's temporary folder,
    where a crash left it for anyone using the laptop."""
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "system-temp"))
    left = tmp_path / "system-temp" / "downtime-export-k2j4h1ab" / "csv"
    left.mkdir(parents=True)
    (left / "admission.csv").write_text("MARTIN Hélène", encoding="utf-8")
    _window(qtbot, session_for("nurse"))
    assert list((tmp_path / "system-temp").iterdir()) == []


def test_linking_a_second_patient_to_an_ehr_number_already_linked_asks_first(
        qtbot, tmp_path, laptop, admission_values, answers):
    """The clerk links Mme Lefèvre to EHR 800777, then, one line down, types 800777 again for
    M. Roux: it was taken without a word, and M. Roux's records would go into Mme Lefèvre's EHR
    file. Now the clerk is asked; answering no links nothing."""
    nurse, ward_clerk = laptop(tmp_path / "ward3b.sqlite", 11)
    records.save_new(nurse, "admission", admission_values)
    records.save_new(nurse, "admission", {**admission_values, "birth_name": "Roux", "used_name": "",
                                          "given_names": "Paul", "sex": "male", "birth_date": "1960-01-02",
                                          "nir": None, "identity_status": "provisional",
                                          "identity_document": None, "bed": "7"})
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, export(ward_clerk, tmp_path / "stick").folder)
    _, panel = _back_entry_tab(qtbot, office)
    script, asked = answers
    names = [panel.model.text(row, 0) for row in range(panel.model.rowCount())]
    lefevre, roux = names.index(next(n for n in names if "Hélène" in n)), names.index(next(n for n in names if "Paul" in n))
    script["text"] = ["800777", "800777"]
    script["confirm"] = [False]
    panel.table.selectRow(lefevre)
    panel.link_selected()
    asked.clear()
    panel.table.selectRow(roux)
    panel.link_selected()
    linked = back_entry.ehr_numbers(office.db)
    assert len(linked) == 1 or any(kind in ("confirm", "error") for kind, _ in asked), (
        f"both patients now linked to 800777: {sorted(linked.values())}; asked: {asked}")


def _one_person_on_two_laptops(tmp_path, laptop, admission_values) -> Session:
    """The records office's clerk, both sticks imported one by one: laptops 11 (ward 3B) and 12
    (ward 5C) each admitted the same woman."""
    folders = []
    for number, ward in ((11, "3B"), (12, "5C")):
        nurse, clerk = laptop(tmp_path / f"ward{number}.sqlite", number)
        records.save_new(nurse, "admission", {**admission_values, "ward": ward})
        folders.append(export(clerk, tmp_path / f"stick{number}").folder)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    for folder in folders:
        import_export(office, folder)
    return office


def test_one_person_admitted_on_two_laptops_is_pointed_out_on_the_back_entry_tab(qtbot, tmp_path, laptop,
                                                                                admission_values, answers):
    """The sticks imported one by one (Ward ▸ Import data…): only `downtime merge` pointed out
    probable duplicates, and the clerk typed two EHR admissions for one person. Linking both
    numbers to one EHR number settles it."""
    office = _one_person_on_two_laptops(tmp_path, laptop, admission_values)
    _, panel = _back_entry_tab(qtbot, office)
    numbers = sorted(group.patient.downtime_number for group in back_entry.worklist(office))
    assert panel.duplicates.isVisible()
    assert panel.model.text(0, 4) == "28/11/2026 10:30"  # with its year: an outage can span the New Year
    # One line for one person found by two reasons (it read as two people, one line each).
    assert panel.duplicates.text() == (f"Probably one person: {', '.join(numbers)} (the same NIR; the same family "
                                       "name (birth or used), first name and date of birth). Link them to the same EHR patient "
                                       "number, and enter the admission once.")
    script, _ = answers
    script["text"], script["confirm"] = ["800777", "800777"], [True]
    for row in (0, 1):
        panel.table.selectRow(next(line for line in range(panel.model.rowCount())
                                   if panel.model.text(line, 1) == numbers[row]))
        panel.link_selected()
    assert not panel.duplicates.isVisible()


def test_each_line_of_a_person_probably_admitted_twice_says_so_until_both_are_linked(qtbot, tmp_path, laptop,
                                                                                     admission_values, monkeypatch):
    """One person admitted on two laptops: the tab said so once, above a list of thousands of
    lines; the lines of each number said "ENTER", and so did the box asking the EHR's reference,
    and the clerk who reached the second number hours later gave her a second EHR file. Each
    line of theirs says who else she probably is, as the printed list says under her name, until
    both numbers are linked to one EHR patient."""
    from downtime.qt.prompts import Prompts

    office = _one_person_on_two_laptops(tmp_path, laptop, admission_values)
    _, panel = _back_entry_tab(qtbot, office)
    first, second = sorted(group.patient.downtime_number for group in back_entry.worklist(office))
    said = {panel.model.text(row, 1): panel.model.text(row, TO_DO) for row in range(panel.model.rowCount())}
    assert said == {
        first: f"ENTER — Probably the same person as {second} (the same NIR; the same family name (birth or used), first name and date "
               "of birth): link both to one EHR patient number, and enter the admission once.",
        second: f"ENTER — Probably the same person as {first} (the same NIR; the same family name (birth or used), first name and "
                "date of birth): link both to one EHR patient number, and enter the admission once."}
    asked: list[str] = []
    answers = [None, "800777", "800777"]  # the reference box cancelled, then the EHR number twice
    monkeypatch.setattr(Prompts, "text", staticmethod(lambda parent, title, label, filled="": asked.append(label) or answers.pop(0)))
    monkeypatch.setattr(Prompts, "confirm", staticmethod(lambda parent, title, text: True))
    panel.table.selectRow(1)
    panel.mark_selected()
    assert f"To do: {said[second]}\n" in asked[0]
    for number in (first, second):
        panel.table.selectRow(next(row for row in range(panel.model.rowCount()) if panel.model.text(row, 1) == number))
        panel.link_selected()
    assert [panel.model.text(row, TO_DO) for row in range(panel.model.rowCount())] == [
        "ENTER", f"ENTER — EHR patient 800777 is {first} too: enter this admission only if it is another stay, not the "
                 "same one twice"]


def test_the_import_wizard_says_the_probable_duplicate_a_stick_brings_as_the_merge_does(qtbot, tmp_path, laptop,
                                                                                          admission_values, type_text):
    """The second stick (Ward ▸ Import data…) admitted a patient the first admitted under
    another number: the wizard said what it added, in green, and nothing of it; the merge
    printed PROBABLE DUPLICATE. The wizard says the merge's line, in red."""
    from downtime.qt.style import ERROR_STYLE
    from downtime.sync.merge import merge

    folders = _twice_admitted(tmp_path, laptop, admission_values, 1)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, folders[0])
    wizard = _imported(qtbot, office, folders[1], type_text)
    result = wizard.run_page.result
    numbers = ", ".join(merge(folders, tmp_path / "merged").duplicates[0].downtime_numbers)
    said = f"PROBABLE DUPLICATE: {numbers} have the same NIR; the same family name (birth or used), first name and date of birth"
    assert wizard.run_page.succeeded and result.text().endswith(f"\n\n{said}")
    assert result.styleSheet() == ERROR_STYLE


def test_the_clerk_sees_a_record_two_laptops_disagree_about_on_hold_and_cannot_tick_it(qtbot, tmp_path, laptop,
                                                                                      disagreeing, answers):
    """The merge of three laptops, two of which amended one admission each their own way: the
    tab lists it on hold with both versions' beds, and Enter on it says why it is not ticked."""
    from downtime.sync.merge import merge

    record, first, second, third, *_ = disagreeing
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, merge([first, second, third], tmp_path / "merged").folder)
    _, panel = _back_entry_tab(qtbot, office)
    assert panel.summary.text() == "0 of 2 entered in the EHR — 1 on hold"
    line = next(row for row in range(panel.model.rowCount()) if panel.model.rows[row][1].record.record_id == record)
    assert panel.model.text(line, TO_DO) == (
        "ON HOLD — TWO LAPTOPS DISAGREE FROM VERSION 2: ENTER NEITHER UNTIL THE WARDS SAY WHICH IS RIGHT — "
        "laptop 2 (no. 002): version 2 by Nurse (nurse, laptop 002), 28/11/2026 14:10: Bed: 14 | "
        "laptop 1 (no. 001): version 2 by Nurse (nurse, laptop 001), 28/11/2026 14:15: Bed: 15")
    assert panel.model.is_warning(line, TO_DO)
    script, asked = answers
    script["text"] = ["ADM-1"]
    panel.table.setFocus()
    panel.table.selectRow(line)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert asked == [("error", "on hold — two laptops disagree from version 2: enter neither until the wards say which "
                               "is right")], "said before any EHR reference is asked for"
    assert panel.summary.text() == "0 of 2 entered in the EHR — 1 on hold"
    assert panel.model.text(panel.table.currentIndex().row(), TO_DO).startswith("ON HOLD")


def test_a_ward_laptops_import_wizard_takes_the_stick_and_names_the_record_another_laptop_wrote_otherwise(
        qtbot, tmp_path, carried, admission_values, answers, type_text):
    record_id, nurse_1, clerk_1, nurse_2, clerk_2 = carried
    records.save_new(nurse_1, "admission", {**admission_values, "birth_name": "Roux", "nir": "", "bed": "3"})
    stick = export(clerk_1, tmp_path / "stick").folder
    main = _window(qtbot, clerk_2)
    wizard = main.import_data()
    type_text(wizard.source.path, str(stick))
    with qtbot.waitSignal(wizard.run_page.ran, timeout=60_000):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    text = wizard.run_page.result.text()
    assert wizard.run_page.succeeded, text
    assert "1 patient(s), 1 record version(s)" in text
    assert f"ON HOLD, two laptops disagree from version 2: record {record_id} (Downtime admission record, patient DT-001-" in text
    assert records.current(nurse_2.db, record_id).data["bed"] == "14"



def test_the_import_wizard_counts_the_versions_put_on_hold_and_what_the_back_entry_list_makes_of_them(
        qtbot, tmp_path, laptop, disagreeing, type_text):
    """The merge said 4 record versions; the wizard said 2, and the Back-entry list 2 records."""
    from downtime.sync.merge import merge

    _, first, second, third, *_ = disagreeing
    merged = merge([first, second, third], tmp_path / "merged").folder
    text = _imported(qtbot, laptop(tmp_path / "office.sqlite", 900)[1], merged, type_text).run_page.result.text()
    assert text.startswith(
        "Imported exports or a merge of exports: 2 patient(s), 2 record version(s), 2 record version(s) put on hold (two "
        "laptops wrote them otherwise), kept aside; 0 patient(s), 0 record version(s) already here and unchanged.\n\n"
        "2 record(s) on the Back-entry list, one line a record at its latest version, from 4 record version(s) of 2 "
        "record(s): 2 later version(s) of a record (amendments, or versions two laptops wrote otherwise); 2 version(s) "
        "on hold (two laptops wrote them otherwise), kept aside until the hold is settled\n\n"), text


def test_a_ward_sees_that_another_laptop_wrote_an_order_otherwise(qtbot, tmp_path, laptop, clock, admission_values):
    """The patient moved to laptop 2's ward with their records, and a doctor on each ward changed
    the amoxicillin dose; laptop 1's next stick put its version on hold. On laptop 2 its own
    version stands: the round, the MAR, the patient's records, the order and its history all say
    another exists, and the history says what it is."""
    from PySide6.QtGui import QColor
    from PySide6.QtTest import QTest

    from downtime.domain.staff import Role
    from downtime.qt.form_view import FormView
    from downtime.services import wards

    red = QColor(Qt.GlobalColor.darkRed)
    sessions = []
    for number in (1, 2):
        nurse, clerk = laptop(tmp_path / f"{number}.sqlite", number)
        admin = Session(nurse.db, nurse.device, staff.sign_in(nurse.db, "admin", "0000", clock), nurse.forms, clock)
        wards.add_ward(admin, "3B", "Medicine", [str(bed) for bed in range(1, 21)])
        staff.add_staff(admin, "doctor", "Doctor", Role.DOCTOR, "2222")
        sessions.append((nurse, clerk, Session(nurse.db, nurse.device, staff.sign_in(nurse.db, "doctor", "2222", clock),
                                               nurse.forms, clock)))
    (nurse_1, clerk_1, doctor_1), (nurse_2, clerk_2, doctor_2) = sessions
    patient = records.save_new(nurse_1, "admission", {**admission_values, "arrival_at": "2026-11-27T09:00+01:00"}).patient_id
    order = {"drug": "Amoxicillin", "dose": 1.0, "dose_unit": "g", "route": "IV", "frequency": "scheduled",
             "times": "08:00 14:00 20:00", "start_at": "2026-11-27T10:00+01:00", "review_at": "2026-11-30T10:00+01:00",
             "controlled": False, "high_alert": False, "allergy_reason": "Tolerated amoxicillin since (GP letter)"}
    amox = records.save_new(doctor_1, "medication_order", order, patient_id=patient).record_id
    import_export(clerk_2, export(clerk_1, tmp_path / "carried").folder)
    clock.advance(minutes=10)
    records.amend(doctor_2, amox, {**order, "dose": 2.0}, "severe infection: 2 g")
    records.amend(doctor_1, amox, {**order, "dose": 0.5}, "renal function: 500 mg")
    import_export(clerk_2, export(clerk_1, tmp_path / "next").folder)
    on_hold = "ON HOLD: another laptop wrote this order otherwise, check it"

    main = _window(qtbot, nurse_2)
    main.medication.refresh()
    model = main.medication.model
    lines = [row for row in range(model.rowCount()) if model.text(row, 5) == "Amoxicillin"]
    assert lines and all(model.text(line, 6) == "2 g" and model.text(line, FLAGS) == on_hold for line in lines)
    assert all(model.data(model.index(line, FLAGS), Qt.ItemDataRole.ForegroundRole) == red for line in lines)
    main.medication.table.selectRow(lines[0])
    QTest.keyClick(main.medication.table, Qt.Key.Key_Return)
    dialog = main.medication.dialog
    assert dialog is not None and dialog.on_hold.text() == on_hold
    dialog.reject()
    mar = main.open_mar_of(patient)
    assert mar.model.text(0, 0) == f"Amoxicillin 2 g IV — {on_hold}"
    assert mar.model.data(mar.model.index(0, 0), Qt.ItemDataRole.ForegroundRole) == red

    from pypdf import PdfReader

    from downtime.services import printing

    printed = " ".join(page.extract_text() for page in PdfReader(printing.print_ward_mar_pack(
        nurse_2, "3B", tmp_path / "pack.pdf")).pages)
    assert "ON HOLD: another laptop wrote this order otherwise, check it" in " ".join(printed.split())
    view = main.open_records_of(patient)
    [row] = [row for row in range(view.model.rowCount()) if view.model.text(row, 1) == "Medication order"]
    assert view.model.text(row, 3) == "v2 amended — ON HOLD: another laptop wrote it otherwise"
    [admitted] = [row for row in range(view.model.rowCount()) if view.model.text(row, 1) == "Downtime admission record"]
    assert (view.model.text(row, 4), view.model.text(admitted, 4)) == ("Doctor (doctor)", "Nurse (nurse, laptop 001)")
    assert view.model.data(view.model.index(row, 3), Qt.ItemDataRole.ForegroundRole) == red
    view.table.selectRow(row)
    QTest.keyClick(view.table, Qt.Key.Key_Return)
    form = main.tabs.currentWidget()
    assert isinstance(form, FormView) and form.record.record_id == amox
    assert ("ON HOLD: another laptop wrote this record otherwise from version 2 (v2 by Doctor (doctor) at"
            " 28/11/2026 14:10, this laptop; v2 by Doctor (doctor, laptop 001) at 28/11/2026 14:10, laptop 1 (no. 001))"
            ) in form.header.text()
    # Laptop 1's versions by its directory's name, staff ID and laptop: this laptop's "Doctor (doctor)" is not laptop 1's.
    history = form.history_text().splitlines()
    assert history[0].endswith(" by Doctor (doctor, laptop 001)")
    assert history[1] == ("v2 amended 28/11/2026 14:10 by Doctor (doctor) — reason: severe infection: 2 g"
                          " — changed: Dose: 1 → 2")
    assert history[2] == ("Set aside, another laptop's: v2 amended 28/11/2026 14:10 by Doctor (doctor, laptop 001)"
                          " — reason: renal function: 500 mg — changed: Dose: 1 → 0.5")
    view = main.open_records_of(patient)
    view.table.selectRow(admitted)
    QTest.keyClick(view.table, Qt.Key.Key_Return)
    assert "recorded by Nurse (nurse, laptop 001) at" in main.tabs.currentWidget().header.text()


def test_the_import_wizard_says_a_settlement_from_another_office_it_could_not_take(qtbot, tmp_path, disagreeing, laptop,
                                                                                    type_text):
    """Office 900 settled the hold keeping the version standing there (laptop 1's bed 15);
    office 901 took the sticks in the other order, laptop 2's bed 14 standing: the settlement
    cannot be taken there, and the wizard says so in red, with who settled and the reason (it
    said nothing, and the clerk phoned the ward again)."""
    from downtime.qt.style import ERROR_STYLE
    from downtime.services import holds

    record, first, second, *_ = disagreeing
    clerk = laptop(tmp_path / "office.sqlite", 900)[1]
    for folder in (first, second):
        import_export(clerk, folder)
    hold = back_entry.hold_of(clerk, record)
    holds.settle(clerk, hold, next(version for version in hold.versions if version.data["bed"] == "15"),
                 "Sister Martin, ward 3B, by phone")
    settled = export(clerk, tmp_path / "settled").folder
    other = laptop(tmp_path / "office-901.sqlite", 901)[1]
    for folder in (second, first):
        import_export(other, folder)
    wizard = _imported(qtbot, other, settled, type_text)
    result = wizard.run_page.result
    assert wizard.run_page.succeeded and result.styleSheet() == ERROR_STYLE
    assert (f"SETTLEMENT NOT TAKEN HERE, record {record} (Downtime admission record, patient DT-001-"
            in result.text())
    assert '"Sister Martin, ward 3B, by phone"; but version 2 by Nurse (nurse, laptop 002) on laptop 2 (no. 002)' in result.text()
    assert back_entry.hold_of(other, record) is not None


def test_the_import_wizard_says_a_hold_settled_here_was_settled_otherwise_at_another_office(
        qtbot, tmp_path, disagreeing, laptop, clock, type_text):
    """Offices 900 and 901 both settled the hold, choosing different versions: the wizard at
    901, importing 900's export, says so in red with both choices (it said nothing)."""
    from downtime.qt.style import ERROR_STYLE
    from downtime.services import holds

    record, first, second, *_ = disagreeing
    clerks = [laptop(tmp_path / f"office-{number}.sqlite", number)[1] for number in (900, 901)]
    for clerk, bed in zip(clerks, ("15", "14")):
        for folder in (first, second):
            import_export(clerk, folder)
        hold = back_entry.hold_of(clerk, record)
        holds.settle(clerk, hold, next(version for version in hold.versions if version.data["bed"] == bed),
                     f"Sister Martin said bed {bed}, by phone")
    wizard = _imported(qtbot, clerks[1], export(clerks[0], tmp_path / "settled").folder, type_text)
    result = wizard.run_page.result
    assert wizard.run_page.succeeded and result.styleSheet() == ERROR_STYLE
    text = " ".join(result.text().split())
    assert f"SETTLED OTHERWISE AT ANOTHER OFFICE, record {record}" in text
    assert ('choosing version 2 on laptop 2 (no. 002), "Sister Martin said bed 14, by phone"; at another office '
            "Records (records) settled it on 28/11/2026 14:15, choosing version 2 on laptop 1 (no. 001), "
            '"Sister Martin said bed 15, by phone"') in text


def test_the_import_wizard_says_two_other_offices_settled_a_hold_otherwise_and_takes_neither(
        qtbot, tmp_path, disagreeing, laptop, clock, type_text):
    """Offices 900 and 901 settled the hold choosing different versions; office 902, given the
    merge of their exports, took one of them and said nothing. Its wizard says in red that it
    takes neither, with both choices, and the record stays on hold."""
    from downtime.qt.style import ERROR_STYLE
    from downtime.services import holds
    from downtime.sync.merge import merge

    record, first, second, *_ = disagreeing
    settled = []
    for number, bed in ((900, "15"), (901, "14")):
        clerk = laptop(tmp_path / f"office-{number}.sqlite", number)[1]
        for folder in (first, second):
            import_export(clerk, folder)
        hold = back_entry.hold_of(clerk, record)
        holds.settle(clerk, hold, next(version for version in hold.versions if version.data["bed"] == bed),
                     f"Sister Martin said bed {bed}, by phone")
        settled.append(export(clerk, tmp_path / f"settled-{number}").folder)
        clock.advance(minutes=5)
    other = laptop(tmp_path / "office-902.sqlite", 902)[1]
    for folder in (first, second):
        import_export(other, folder)
    wizard = _imported(qtbot, other, merge(settled, tmp_path / "merged").folder, type_text)
    result = wizard.run_page.result
    assert wizard.run_page.succeeded and result.styleSheet() == ERROR_STYLE
    text = " ".join(result.text().split())
    assert (f"SETTLED OTHERWISE AT ANOTHER OFFICE, record {record} (Downtime admission record, patient DT-001-00001-7): "
            "at one office Records (records) settled it on 28/11/2026 14:15, choosing version 2 on laptop 1 (no. 001), "
            '"Sister Martin said bed 15, by phone"; at another office Records (records) settled it on 28/11/2026 '
            '14:20, choosing version 2 on laptop 2 (no. 002), "Sister Martin said bed 14, by phone".') in text
    assert "Neither is taken here. The record is on hold here" in text
    assert back_entry.hold_of(other, record) is not None


def test_the_history_compares_each_version_set_aside_with_the_one_it_was_written_after(qtbot, tmp_path, laptop,
                                                                                     clock, admission_values):
    """Laptop 1 moved the patient to bed 15, then to bed 16; laptop 2 (where the record was
    carried) moved them to bed 14. On laptop 2 both of laptop 1's versions are set aside: its
    version 3 changed the bed from 15 (its own version 2), not from 14 (laptop 2's)."""
    from downtime.qt.form_view import FormView

    nurse_1, clerk_1 = laptop(tmp_path / "1.sqlite", 1)
    nurse_2, clerk_2 = laptop(tmp_path / "2.sqlite", 2)
    record = records.save_new(nurse_1, "admission", admission_values).record_id
    import_export(clerk_2, export(clerk_1, tmp_path / "carried").folder)
    clock.advance(minutes=10)
    records.amend(nurse_2, record, {**admission_values, "bed": "14"}, "moved to bed 14")
    records.amend(nurse_1, record, {**admission_values, "bed": "15"}, "moved to bed 15")
    clock.advance(minutes=5)
    records.amend(nurse_1, record, {**admission_values, "bed": "16"}, "moved to bed 16")
    import_export(clerk_2, export(clerk_1, tmp_path / "next").folder)

    view = FormView(nurse_2, nurse_2.form("admission"), record=records.current(nurse_2.db, record))
    qtbot.addWidget(view)
    history = view.history_text().splitlines()
    assert history[1].endswith("— reason: moved to bed 14 — changed: Bed: 12 → 14")
    assert history[2].startswith("Set aside, another laptop's: v2 ")
    assert history[2].endswith("— reason: moved to bed 15 — changed: Bed: 12 → 15")
    assert history[3].startswith("Set aside, another laptop's: v3 ")
    assert history[3].endswith("— reason: moved to bed 16 — changed: Bed: 15 → 16")


def test_every_patient_screen_says_when_another_laptop_wrote_the_admission_otherwise(qtbot, tmp_path, laptop, clock,
                                                                                     admission_values):
    """Laptop 1 recorded a latex allergy on the admission; laptop 2, where the record was carried,
    moved the patient's bed. On laptop 2 its own version stands (no latex allergy): the identity
    strip of the patient's screens, which reads the allergies from it, says the admission is on
    hold, so the nurse checks the other laptop's before giving a dose."""
    from downtime.qt.dose_dialog import DoseDialog
    from downtime.services import medication, wards
    from downtime.domain.staff import Role

    nurse_1, clerk_1 = laptop(tmp_path / "1.sqlite", 1)
    nurse_2, clerk_2 = laptop(tmp_path / "2.sqlite", 2)
    admin = Session(nurse_2.db, nurse_2.device, staff.sign_in(nurse_2.db, "admin", "0000", clock), nurse_2.forms, clock)
    wards.add_ward(admin, "3B", "Medicine", [str(bed) for bed in range(1, 21)])
    staff.add_staff(admin, "doctor", "Doctor", Role.DOCTOR, "2222")
    doctor_2 = Session(nurse_2.db, nurse_2.device, staff.sign_in(nurse_2.db, "doctor", "2222", clock), nurse_2.forms,
                       clock)
    admitted = records.save_new(nurse_1, "admission", {**admission_values, "arrival_at": "2026-11-27T09:00+01:00"})
    import_export(clerk_2, export(clerk_1, tmp_path / "carried").folder)
    clock.advance(minutes=10)
    records.amend(nurse_2, admitted.record_id, {**admission_values, "arrival_at": "2026-11-27T09:00+01:00",
                                                "bed": "14"}, "moved to bed 14")
    allergies = [*admission_values["allergies"], {"substance": "Latex", "reaction": "Anaphylaxis", "severity": "severe"}]
    records.amend(nurse_1, admitted.record_id, {**admission_values, "arrival_at": "2026-11-27T09:00+01:00",
                                                "allergies": allergies}, "latex allergy")
    import_export(clerk_2, export(clerk_1, tmp_path / "next").folder)
    order = records.save_new(doctor_2, "medication_order", {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
        "times": "08:00 14:00 20:00", "start_at": "2026-11-28T08:00+01:00", "controlled": False, "high_alert": False},
        patient_id=admitted.patient_id)

    warning = "ADMISSION ON HOLD: another laptop wrote it otherwise (allergies, bed…): check it"
    main = _window(qtbot, nurse_2)
    mar = main.open_mar_of(admitted.patient_id)
    assert "Latex" not in mar.identity.text() and warning in mar.identity.text()
    assert warning in main.open_records_of(admitted.patient_id).identity.text()
    dialog = DoseDialog(nurse_2, medication.order_of(records.current(nurse_2.db, order.record_id)), None)
    qtbot.addWidget(dialog)
    assert any(warning in label.text() for label in dialog.findChildren(QLabel))

    from pypdf import PdfReader

    from downtime.services import printing

    printed = " ".join(" ".join(page.extract_text() for page in PdfReader(printing.print_mar(
        nurse_2, [admitted.patient_id], tmp_path / "mar.pdf")).pages).split())
    assert "ADMISSION ON HOLD: another laptop wrote it otherwise (allergies, bed…), check it" in printed


def test_a_patient_action_on_the_back_entry_tab_is_for_the_line_chosen_there(qtbot, session_for, answers, tmp_path,
                                                                            laptop, admission_values, listed):
    """The clerk on Mr Roux's line of the worklist presses ID labels: the labels of Mrs Martin,
    chosen on the Patients tab earlier and out of sight, were printed. On a tab with no patient
    of its own (the ward nurse's controlled drugs register) the action shows the Patients tab,
    where the patient it would be for is in sight, and asks to choose there."""
    nurse, ward_clerk = laptop(tmp_path / "ward5.sqlite", 5)
    martin = records.save_new(nurse, "admission", admission_values)
    roux = records.save_new(nurse, "admission", {**admission_values, "birth_name": "Roux", "used_name": "",
                                                 "given_names": "Émile", "nir": "", "bed": "2"})
    clerk = session_for("records")
    import_export(clerk, export(ward_clerk, tmp_path / "e").folder)
    main, panel = _back_entry_tab(qtbot, clerk)
    patients = listed(main.patients)
    patients.table.selectRow(next(row for row in range(patients.model.rowCount())
                                  if (chosen := patients.model.rows[row].patient) and chosen.patient_id == martin.patient_id))
    main.tabs.setCurrentWidget(panel)
    row, line = next((row, line) for row, line in enumerate(panel.model.rows)
                     if line[0].patient and line[0].patient.patient_id == roux.patient_id)
    panel.table.selectRow(row)
    labels = main.print_labels()
    assert labels is not None and labels.name == f"labels-{line[0].patient.downtime_number}.pdf"
    ward = _window(qtbot, nurse)
    ward.show_cd_register()
    assert ward.print_labels() is None
    assert ward.tabs.currentWidget() is ward.patients
    assert answers[1][-1] == ("error", "Choose the patient in this list first, then do it again: the action was "
                                       "for the patient on screen, and that tab has none.")


def test_the_import_wizard_takes_a_second_laptop_set_up_with_the_same_device_number_once_the_clerk_ticks_both(
        qtbot, tmp_path, laptop, admission_values, type_text):
    """The import refused the second laptop's stick, its patients' admissions, doses and
    transfers never to be back-entered. The refusal now offers to take both laptops, naming
    them; ticked, both laptops' patients are listed, each number with its laptop."""
    folders, laptops = [], []
    for name, birth_name in (("a", "Lefèvre"), ("b", "Roux")):
        nurse, clerk = laptop(tmp_path / f"{name}.sqlite", 7)
        records.save_new(nurse, "admission", {**admission_values, "birth_name": birth_name, "used_name": "", "nir": ""})
        folders.append(export(clerk, tmp_path / f"export-{name}").folder)
        laptops.append(nurse.device.device_id[:8])
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, folders[0])
    main = _window(qtbot, office)
    wizard = main.import_data()
    type_text(wizard.source.path, str(folders[1]))
    page = wizard.run_page
    with qtbot.waitSignal(page.ran, timeout=60_000):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert not page.succeeded and "import again with --shared-device-number" in page.result.text()
    assert page.both.isVisible() and not page.both.isChecked() and not page.again.isEnabled()
    assert page.both.text() == f"Take both laptops' patients: laptop {laptops[0]} and laptop {laptops[1]}"
    page.both.setChecked(True)
    with qtbot.waitSignal(page.ran, timeout=60_000):
        qtbot.mouseClick(page.again, Qt.MouseButton.LeftButton)
    assert page.succeeded, page.result.text()
    assert not page.both.isVisible()
    wizard.accept()
    _, panel = _back_entry_tab(qtbot, office)
    shown = sorted(f"DT-007-00001-1 (laptop {device})" for device in laptops)
    assert sorted(panel.model.text(line, 1) for line in range(panel.model.rowCount())
                  if panel.model.text(line, 1).startswith("DT-")) == shown
    assert panel.shared.isVisible()
    holders = sorted((f"DT-007-00001-1 (laptop {device})", name) for device, name in zip(laptops, ("LEFÈVRE", "ROUX")))
    assert panel.shared.text() == (
        "ONE DOWNTIME NUMBER, TWO PATIENTS: DT-007-00001-1 was given by laptops set up with the same device number to "
        + "; ".join(f"{name} Hélène Marie, born 12/03/1954, ward 3B, shown as {number}" for number, name in holders)
        + ". Tell their paper forms, wristbands and labels apart by name, date of birth and ward, and back-enter each "
          "under the number shown here.")


def test_the_import_wizard_says_the_answers_each_laptop_gave_a_record_on_hold(qtbot, tmp_path, laptop, reasons_on_hold,
                                                                              type_text):
    """The records office imports the merge of two laptops that wrote a dose's reason not given
    otherwise: the wizard names each laptop's reason, not only its version and time."""
    from downtime.sync.merge import merge

    dose, *_, first, second = reasons_on_hold
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    wizard = _imported(qtbot, office, merge([first, second], tmp_path / "merged").folder, type_text)
    text = wizard.run_page.result.text()
    assert f"ON HOLD, two laptops disagree from version 2: record {dose} (Medication administration, " in text
    for said in ("laptop 1 (no. 001): version 2 by Nurse (nurse, laptop 001), 28/11/2026 14:10: Reason not given: O — Other "
                 "(write why); Details: Theatre moved to 21:00",
                 "laptop 2 (no. 002): version 2 by Nurse (nurse, laptop 002), 28/11/2026 14:10: Reason not given: W — Held "
                 "for clinical reason (write why); Details: BP 85/50"):
        assert said in text


def test_the_import_wizard_scrolls_to_every_line_of_a_long_report(qtbot, tmp_path, laptop, admission_values,
                                                                  type_text):
    """A three-day outage's second stick brings 25 probable duplicates: the wizard showed the six
    that fitted its page, squashed the first line under the progress bar, and no scrolling
    reached the others. Its report scrolls, as the export dialog's does, at a laptop's size."""
    from PySide6.QtWidgets import QScrollArea

    folders = _twice_admitted(tmp_path, laptop, admission_values, 25)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, folders[0])
    wizard = _imported(qtbot, office, folders[1], type_text)
    result = wizard.run_page.result
    assert result.text().count("PROBABLE DUPLICATE") == 25
    qtbot.waitUntil(lambda: result.height() >= result.heightForWidth(result.width()))  # whole, not squashed
    scrolled = result.parentWidget().parentWidget()
    assert isinstance(scrolled, QScrollArea) and wizard.height() <= 768
    bar = scrolled.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert bar.value() == bar.maximum() > 0 and bar.maximum() + scrolled.viewport().height() >= result.height()


def test_the_import_wizard_names_a_laptops_stick_that_did_not_come_until_it_is_imported(
        qtbot, tmp_path, laptop, clock, admission_values, type_text):
    """Sticks imported one by one: the third day's, with the second day's not here, says so in
    the wizard's report, as the merge does; the second day's imported, nothing is missing."""
    from tests.test_merge_missing_export import IMPORT_MISSING, _daily_sticks

    (day_1, day_2, day_3), _ = _daily_sticks(tmp_path, laptop, clock, admission_values)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, day_1)
    wizard = _imported(qtbot, office, day_3, type_text)
    assert wizard.run_page.succeeded and IMPORT_MISSING in " ".join(wizard.run_page.result.text().split())
    wizard = _imported(qtbot, office, day_2, type_text)
    assert wizard.run_page.succeeded and "MISSING" not in wizard.run_page.result.text()
