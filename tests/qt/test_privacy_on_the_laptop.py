"""What the window leaves of a patient on the laptop: plain text an encrypted import cut short
left beside the database, prints on disk, the clipboard, a print handed to another program."""

from collections.abc import Callable

from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QPushButton
from pypdf import PdfReader

from downtime.paths import data_dir
from downtime.qt.print_preview import PrintPreview
from downtime.qt.sign_in import SignInDialog
from downtime.sync.importing import DECRYPTED


def test_the_plain_text_an_encrypted_import_cut_short_left_goes_as_the_window_opens(window_for, session_for, db_path):
    """It went only at the next encrypted import: weeks, on a records office's laptop, of a
    whole ward's outage in plain text beside the encrypted database."""
    left = db_path.parent / f"{DECRYPTED}k1ll3d00" / "export" / "csv"
    left.mkdir(parents=True)
    (left / "admission.csv").write_text("MARTIN Hélène", encoding="utf-8")
    window = window_for(session_for("records"))
    assert not list(db_path.parent.glob(f"{DECRYPTED}*"))
    assert f"{DECRYPTED}k1ll3d00" in window.statusBar().currentMessage()


def _signing_in(staff_id: str, pin: str, look: Callable[[], None] = lambda: None):
    """SignInDialog.exec as the person at the lock screen, `look` being what is seen meanwhile."""

    def exec_(dialog: SignInDialog) -> int:
        look()
        dialog.staff_id.setText(staff_id)
        dialog.pin.setText(pin)
        dialog.try_sign_in()
        return dialog.result()

    return exec_


def _prints() -> list[str]:
    return sorted(path.name for path in (data_dir() / "prints").glob("*.pdf"))


def _preview() -> PrintPreview:
    (preview,) = [shown for shown in QApplication.topLevelWidgets() if isinstance(shown, PrintPreview)
                  and shown.isVisible()]
    return preview


def test_prints_are_deleted_as_the_laptop_locks_and_the_preview_still_prints_on_return(window, patient, monkeypatch,
                                                                                      tmp_path):
    """The census stayed in the prints folder, plain, all the time the app sat locked: the app's
    lock is not the system's, and the file manager is a click away."""
    assert window.print_census() is not None and _prints() == ["census-site.pdf"]
    seen: list[list[str]] = []
    monkeypatch.setattr(SignInDialog, "exec", _signing_in("nurse", "1111", lambda: seen.append(_prints())))
    window.idle_timer.timeout.emit()
    assert seen == [[]]
    preview = _preview()
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    preview.print_to(printer)
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == preview.document.pageCount() >= 1


def test_a_worklist_print_ending_after_sign_out_is_deleted(qtbot, worklist_printing):
    """The clerk prints the next patients of the back-entry worklist and signs out at once: the
    print, written after the sign-out's clean-up, stayed in the prints folder through the next
    person's whole session."""
    window, held = worklist_printing
    window.back_entry.print_button.click()
    printed = window.back_entry.printing
    window.sign_out()
    with qtbot.waitSignal(printed.succeeded, timeout=30_000):
        held.set()
    assert _prints() == []


def test_what_the_app_put_on_the_clipboard_goes_at_the_lock_and_the_sign_out(window, patient, monkeypatch):
    """The next person's first Ctrl+V pasted the previous person's patient's NIR."""
    box = window.patients.search_box
    for staff_id, pin in (("nurse", "1111"), ("doctor", "2222")):
        box.setText("254037511302312")
        box.selectAll()
        box.copy()
        assert QApplication.clipboard().text() == "254037511302312"
        monkeypatch.setattr(SignInDialog, "exec", _signing_in(staff_id, pin))
        window._signed_out = lambda signed_in: None
        window.idle_timer.timeout.emit()
        assert QApplication.clipboard().text() == ""
    assert not window.isVisible()


def test_only_a_print_naming_no_patient_is_handed_to_the_laptops_pdf_viewer(window, patient, answers, monkeypatch):
    """The viewer's window stays over the lock screen and into the next person's session (the
    lock hides the app's own windows only), and keeps the file in its recent files: a census
    has no Open button; the binder's blank forms keep theirs, its file written again if the
    lock deleted it meanwhile."""
    window.print_census()
    census = _preview()
    assert not [button for button in census.findChildren(QPushButton) if "viewer" in button.text()]
    assert census.open_button is None
    census.close()
    binder = window.print_binder()
    preview = _preview()
    monkeypatch.setattr(SignInDialog, "exec", _signing_in("nurse", "1111"))
    window.idle_timer.timeout.emit()
    assert not binder.exists()
    preview.open_button.click()
    script, asked = answers
    assert asked[-1] == ("open", str(binder)) and binder.read_bytes() == preview.pdf
