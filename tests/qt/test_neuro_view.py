"""Neurological observations from the keyboard: the nurse opens the patient's neuro tab, records
two sets through the form, and reads the GCS worked out and, when it fell, the call for the
doctor, on the tab and on the printed chart."""

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from downtime.qt.form_view import FormView
from downtime.qt.neuro_view import NeuroView
from downtime.qt.print_preview import PrintPreview
from downtime.services import records, wards


def _record(window, chart: NeuroView, type_text, at: str, eyes: str, verbal: str, motor: str) -> None:
    QTest.mouseClick(next(b for b in chart.findChildren(QPushButton) if b.text() == "Record a &new set"),
                     Qt.MouseButton.LeftButton)
    form = window.tabs.currentWidget()
    assert isinstance(form, FormView) and form.spec.id == "neuro_observations"
    form.editors["taken_at"].set_value(at)
    for field, code in (("eyes", eyes), ("verbal", verbal), ("motor", motor), ("pupil_left_reaction", "brisk"),
                        ("pupil_right_reaction", "brisk"), ("next_set_in", "30")):
        form.editors[field].set_value(code)
    type_text(form.editors["pupil_left_size"].edit, "3")
    type_text(form.editors["pupil_right_size"].edit, "3")
    QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.record is not None, form.summary.text()


def test_a_fall_in_the_gcs_is_called_out_on_the_tab_and_the_chart(window, session_for, admission_values,
                                                                  select_bed, type_text):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    patient = records.save_new(window.session, "admission", {
        **admission_values, "arrival_at": "2026-11-28T09:00+01:00"}).patient_id
    window.patients.reload_wards()
    select_bed(window, "12")
    QTest.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    chart = window.tabs.currentWidget()
    assert isinstance(chart, NeuroView) and chart.patient_id == patient
    assert chart.latest.text() == "No neurological observations recorded yet"
    _record(window, chart, type_text, "2026-11-28T10:00+01:00", "4", "5", "6")
    _record(window, chart, type_text, "2026-11-28T11:00+01:00", "3", "4", "5")
    assert chart.latest.text() == "Latest: GCS 12 (E3 V4 M5) at 28/11 11:00"
    assert chart.alarms.text() == ("GCS fell by 3 since 28/11 10:00: tell the doctor now\n"
                                   "Best motor response fell since 28/11 10:00: tell the doctor now\n"
                                   "NEXT SET OVERDUE since 28/11 11:30")
    newest = chart.model.texts(0)
    assert newest[:3] == ("28/11 11:00", "GCS 12 (E3 V4 M5)", "3 mm Brisk / 3 mm Brisk") and chart.model.is_warning(0, 5)
    assert not chart.model.is_warning(1, 5)
    QTest.mouseClick(next(b for b in chart.findChildren(QPushButton) if b.text() == "&Print the neuro chart"),
                     Qt.MouseButton.LeftButton)
    (preview,) = window.findChildren(PrintPreview)
    text = " ".join(PdfReader(preview.path).pages[0].extract_text().split())
    assert "GCS total (3–15) 15 12" in text and "GCS fell by 3 since 28/11 10:00" in text


def test_a_held_drop_stays_called_out_on_the_tab_at_the_sets_after_it(window, session_for, admission_values,
                                                                       select_bed, type_text):
    """15, then 14 at 12:40, 13:10 (held 30 minutes: tell the doctor) and 13:40: the tab's call for
    the doctor went with the set after it, no doctor told."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    records.save_new(window.session, "admission", {**admission_values, "arrival_at": "2026-11-28T09:00+01:00"})
    window.patients.reload_wards()
    select_bed(window, "12")
    QTest.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    chart = window.tabs.currentWidget()
    _record(window, chart, type_text, "2026-11-28T12:10+01:00", "4", "5", "6")
    for at in ("12:40", "13:10", "13:40"):
        _record(window, chart, type_text, f"2026-11-28T{at}+01:00", "4", "4", "6")
    assert chart.latest.text() == "Latest: GCS 14 (E4 V4 M6) at 28/11 13:40 — next set due 28/11 14:10"
    assert chart.alarms.text() == ("GCS down by 1 since 28/11 12:10, held for 30 minutes or more: tell the doctor "
                                   "now")
    assert not chart.model.is_warning(0, 5)  # the set itself says nothing new: the chart keeps it where it was
