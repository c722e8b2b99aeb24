"""No control is shown before it is placed in its dialog, chart or banner: shown while it had no
parent, it was a window of its own for an instant (on a ward laptop's desktop, a flash and the
focus taken from the window the nurse was typing in). Seven did so with every dose recorded,
one with every chart, the banner's export word with every window."""

from __future__ import annotations

from downtime.qt.main_window import MainWindow
from downtime.qt.transfer_dialogs import ExportDialog
from downtime.services import records, wards


def test_the_dose_dialog_of_a_controlled_drug_opens_as_one_window(session_for, medication_ward, dose_dialog,
                                                                   stray_windows):
    patient, amoxicillin, morphine = medication_ward
    for order in (morphine, amoxicillin):
        dialog = dose_dialog(session_for("nurse"), order)
        dialog.outcome.setCurrentIndex(1)
        dialog.outcome.setCurrentIndex(0)
        dialog.close()
    assert stray_windows == []


def test_a_doctors_mar_and_the_main_windows_banner_open_as_one_window(qtbot, window_for, session_for,
                                                                      medication_ward, stray_windows):
    patient, _, _ = medication_ward
    window = window_for(session_for("doctor"))
    window.open_mar_of(patient)
    window.actions_by_id["language_fr"].trigger()
    window.actions_by_id["language_en"].trigger()
    again = MainWindow(session_for("nurse"))
    qtbot.addWidget(again)
    assert again.banner.no_export.text() == "No export yet", "a laptop with records, never exported"
    assert stray_windows == []


def test_the_export_dialog_opens_as_one_window(qtbot, session_for, medication_ward, stray_windows):
    dialog = ExportDialog(session_for("nurse"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.plain_warning.isVisible(), "no key set: the warning is said"
    assert stray_windows == []


def test_the_screen_left_by_a_change_of_language_never_shows_before_it_is_deleted(
        app_signed_in, session_for, admission_values, db_path, answers, stray_windows):
    """The old screen (its banner and tabs), taken from the window as the language changed, was
    shown as a window of its own by the closing backup's wait, before the event loop deleted it."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", ["1", "2"])
    records.save_new(session_for("nurse"), "admission", {**admission_values, "ward": "3B", "bed": "1"})
    window = app_signed_in(db_path, "nurse", "1111")
    window.set_language("fr")
    window.set_language("en")
    window.close()
    assert stray_windows == []
