"""A theatre session's form: a record about no patient, saved and printed from its screen."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from downtime.qt.form_view import FormView
from downtime.services import records
from tests.pdf_text import pdf_text


def test_a_saved_sessions_print_button_prints_its_form(qtbot, session_for):
    """Print, offered on every saved record's screen, failed on a session ("record … has no
    patient", unhandled in the button's slot): the coordinator had no paper of the list's session."""
    from downtime.qt.print_preview import PrintPreview

    coord = session_for("coord")
    saved = records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery", "starts_at": "2026-11-30T08:00+01:00",
        "ends_at": "2026-11-30T13:00+01:00"})
    view = FormView(coord, coord.form("theatre_session"), record=saved)
    qtbot.addWidget(view)
    view.show()
    assert view.print_button.isVisible()
    qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    (preview,) = [widget for widget in QApplication.topLevelWidgets()
                  if isinstance(widget, PrintPreview) and widget.isVisible()]
    assert preview.path.name.startswith("theatre_session-") and "Theatre * T1" in pdf_text(preview.path)
