"""A readmission opens on the patient's arrival, the first answer of this stay, not on "Number
used on paper": a readmitted patient keeps their number, so that field is refused for them and
read-only, as in an amendment. A new patient's admission still opens on it."""

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from downtime.qt.form_view import FormView
from downtime.services import records


def _focused_field(view: FormView) -> str | None:
    focused = QApplication.focusWidget()
    return next((field_id for field_id, editor in view.editors.items()
                 if focused is editor.widget or editor.widget.isAncestorOf(focused)), None)


def test_a_readmission_opens_on_the_arrival_with_the_paper_number_read_only(window, patient, session_for, clock,
                                                                           listed):
    records.save_new(session_for("nurse"), "discharge", {"discharged_at": "2026-11-28T10:00+01:00",
                                                         "destination": "home", "letter_given": True,
                                                         "medicines_given": True}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T13:10+01:00")
    window.tabs.setCurrentWidget(window.patients)
    window.patients.search_box.setText("lefevre 12/03/1954")
    listed(window.patients).table.selectRow(0)
    window.actions_by_id["record_admission"].trigger()
    view = window.tabs.currentWidget()
    assert isinstance(view, FormView) and view.readmission
    assert _focused_field(view) == "arrival_at"
    assert view.editors["paper_number"].edit.isReadOnly()
    assert not view.editors["arrival_at"].edit.isReadOnly()


def test_a_new_patients_admission_still_opens_on_the_number_used_on_paper(window):
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    view = window.tabs.currentWidget()
    assert isinstance(view, FormView) and not view.readmission
    assert _focused_field(view) == "paper_number"
    assert not view.editors["paper_number"].edit.isReadOnly()
