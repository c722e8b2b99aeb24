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


def _neuro_tab(window, session_for, admission_values, select_bed) -> NeuroView:
    """The neuro tab of a patient admitted to bed 12 of 3B at 09:00, opened from the keyboard."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    patient = records.save_new(window.session, "admission", {
        **admission_values, "arrival_at": "2026-11-28T09:00+01:00"}).patient_id
    window.patients.reload_wards()
    select_bed(window, "12")
    QTest.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    chart = window.tabs.currentWidget()
    assert isinstance(chart, NeuroView) and chart.patient_id == patient
    return chart


def _new_set(window, chart: NeuroView) -> FormView:
    """The form of a new set, opened from the tab's button."""
    QTest.mouseClick(next(b for b in chart.findChildren(QPushButton) if b.text() == "Record a &new set"),
                     Qt.MouseButton.LeftButton)
    form = window.tabs.currentWidget()
    assert isinstance(form, FormView) and form.spec.id == "neuro_observations"
    return form


def _printed(window, chart: NeuroView) -> list[str]:
    """The text of each page of the chart the tab prints, white space folded."""
    QTest.mouseClick(next(b for b in chart.findChildren(QPushButton) if b.text() == "&Print the neuro chart"),
                     Qt.MouseButton.LeftButton)
    (preview,) = window.findChildren(PrintPreview)
    return [" ".join(page.extract_text().split()) for page in PdfReader(preview.path).pages]


def _record(window, chart: NeuroView, type_text, at: str, eyes: str, verbal: str, motor: str, notes: str = "") -> None:
    form = _new_set(window, chart)
    form.editors["taken_at"].set_value(at)
    for field, code in (("eyes", eyes), ("verbal", verbal), ("motor", motor), ("pupil_left_reaction", "brisk"),
                        ("pupil_right_reaction", "brisk"), ("next_set_in", "30")):
        form.editors[field].set_value(code)
    type_text(form.editors["pupil_left_size"].edit, "3")
    type_text(form.editors["pupil_right_size"].edit, "3")
    if notes:
        type_text(form.editors["notes"].edit, notes)
    QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.record is not None, form.summary.text()


def test_a_fall_in_the_gcs_is_called_out_on_the_tab_and_the_chart(window, session_for, admission_values,
                                                                  select_bed, type_text):
    chart = _neuro_tab(window, session_for, admission_values, select_bed)
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
    text = _printed(window, chart)[0]
    assert "GCS total (3–15) 15 12" in text and "GCS fell by 3 since 28/11 10:00" in text


def test_a_held_drop_stays_called_out_on_the_tab_at_the_sets_after_it(window, session_for, admission_values,
                                                                       select_bed, type_text):
    """15, then 14 at 12:40, 13:10 (held 30 minutes: tell the doctor) and 13:40: the tab's call for
    the doctor went with the set after it, no doctor told."""
    chart = _neuro_tab(window, session_for, admission_values, select_bed)
    _record(window, chart, type_text, "2026-11-28T12:10+01:00", "4", "5", "6")
    for at in ("12:40", "13:10", "13:40"):
        _record(window, chart, type_text, f"2026-11-28T{at}+01:00", "4", "4", "6")
    assert chart.latest.text() == "Latest: GCS 14 (E4 V4 M6) at 28/11 13:40 — next set due 28/11 14:10"
    assert chart.alarms.text() == ("GCS down by 1 since 28/11 12:10, held for 30 minutes or more: tell the doctor "
                                   "now")
    assert not chart.model.is_warning(0, 5)  # the set itself says nothing new: the chart keeps it where it was


def test_a_set_s_notes_are_on_the_tab_and_the_printed_chart(window, session_for, admission_values, select_bed,
                                                          type_text):
    """The set's own notes, "Dr Benali bleeped 03:15, no answer", were on neither: the bleeps unanswered
    and the sedation that explains a GCS were lost to the next nurse and the records office."""
    chart = _neuro_tab(window, session_for, admission_values, select_bed)
    _record(window, chart, type_text, "2026-11-28T10:00+01:00", "4", "3", "6",
            notes="Haloperidol 0.5 mg at 09:55; Dr Lefèvre bleeped 10:05, no answer")
    headings = [chart.model.headerData(column, Qt.Orientation.Horizontal) for column in range(len(chart.model.columns))]
    assert headings[-1] == "Notes"
    assert chart.model.texts(0)[-1] == "Haloperidol 0.5 mg at 09:55; Dr Lefèvre bleeped 10:05, no answer"
    text = _printed(window, chart)
    assert "Notes Haloperidol 0.5 mg at 09:55; Dr Lefèvre… (in full below)" in text[0]  # the grid keeps its width
    assert "Notes in full 28/11 10:00: Haloperidol 0.5 mg at 09:55; Dr Lefèvre bleeped 10:05, no answer" in text[-1]


def test_a_set_refused_is_recorded_without_scores_and_said_on_the_tab(window, session_for, admission_values,
                                                                      select_bed, type_text):
    """The confused patient pushes the torch away: the set could not be saved without its scores."""
    chart = _neuro_tab(window, session_for, admission_values, select_bed)
    _record(window, chart, type_text, "2026-11-28T10:00+01:00", "4", "5", "6")
    form = _new_set(window, chart)
    form.editors["taken_at"].set_value("2026-11-28T10:30+01:00")
    form.editors["not_done"].set_value("refused")
    form.editors["next_set_in"].set_value("30")
    type_text(form.editors["notes"].edit, "Agitated, would not open her eyes")
    QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.record is not None, form.summary.text()
    window.tabs.setCurrentWidget(chart)
    chart.refresh()
    assert chart.model.texts(0)[1] == "set not done 28/11 10:30 (refused)"
    assert chart.model.texts(0)[-1] == "Agitated, would not open her eyes"
