"""The enhanced care chart on screen: a nurse sets a level from the patient's menu, the DoLS
urgent authorisation refused on its own field while the acid test is not met, saved once it is
with its end and why; the escalation list then asks the log entry overdue and the standard
authorisation, and Enter opens the entry overdue first, whatever else the line asks (the Patients
tab says the level and the entry overdue by the name, not the risks or DoLS); the entry written,
Enter opens a review of the level with its answers, where the standard authorisation requested is
recorded. The tests' clock is 14:00 on 28/11."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from downtime.qt.form_view import FormView
from downtime.services import records
from tests.test_enhanced_observation import FORM, SET

EXPIRES = "DoLS urgent authorisation expires 05/12 10:30: standard authorisation requested?"


def _enter_on(window, listed, words: str) -> FormView:
    panel = window.escalation
    window.tabs.setCurrentWidget(panel)
    panel.refresh()
    listed(panel)
    (row,) = [row for row in range(panel.charts_model.rowCount()) if words in panel.charts_model.texts(row)[6]]
    assert panel.charts_model.texts(row)[4] == "Enhanced observation"
    panel.charts_table.setFocus()
    panel.charts_table.setCurrentIndex(panel.charts_model.index(row, 0))
    QTest.keyClick(panel.charts_table, Qt.Key.Key_Return)
    form = window.tabs.currentWidget()
    assert isinstance(form, FormView) and form.spec.id == FORM
    return form


def test_a_nurse_sets_a_level_with_its_dols_answers_and_writes_the_log_from_the_escalation_list(
        window_for, session_for, patient, form_on_bed_12, listed, type_text):
    window = window_for(session_for("nurse"))
    form = form_on_bed_12(window, FORM)
    editors = form.editors
    editors["kind"].set_value("decision")
    assert not editors["where"].widget.isVisible()
    editors["noted_at"].set_value(SET["noted_at"])
    editors["decision"].set_value("set")
    editors["level"].set_value("eyesight")
    assert not editors["interval_minutes"].widget.isVisible()
    editors["risks"].boxes["leaving"].click()
    editors["risks"].boxes["falls"].click()
    editors["decider_role"].set_value("nurse_in_charge")
    editors["review_by"].set_value(SET["review_by"])
    type_text(editors["told"].widget, "Expliqué à sa fille, Mme Lefèvre")
    editors["supervised"].set_value(True)
    editors["not_free_to_leave"].set_value(False)
    editors["urgent_granted_at"].set_value("2026-11-28T10:30+01:00")
    editors["urgent_granted_at"].committed.emit()  # the time typed in, as leaving its box does
    assert editors["urgent_ends_at"].widget.isVisible() and editors["urgent_reasons"].widget.isVisible()
    editors["urgent_ends_at"].set_value("2026-12-05T10:30+01:00")
    type_text(editors["urgent_reasons"].widget, "Cherche à partir retrouver son mari ; ne comprend pas pourquoi rester")
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is None
    assert "the acid test is not met" in form.summary.text(), form.summary.text()
    editors["not_free_to_leave"].set_value(True)
    editors["lacks_capacity"].set_value(True)
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.summary.text()
    (saved,) = records.list_current(window.session.db, FORM, patient_id=patient)
    assert (saved.data["decided_by"], saved.data["told"], saved.data["risks"]) == (
        "Hélène Lefèvre", "Expliqué à sa fille, Mme Lefèvre", ["falls", "leaving"])
    window.patients.reload_wards()
    panel = listed(window.patients)
    (row,) = [row for row in range(panel.model.rowCount()) if panel.model.text(row, 1) == "12"]
    assert panel.model.text(row, 2).endswith(" — ENHANCED OBS within eyesight: entry OVERDUE since 11:00")
    assert panel.model.is_warning(row, 2)

    logged = _enter_on(window, listed, EXPIRES)
    assert logged.editors["kind"].value() == "entry" and logged.editors["where"].widget.isVisible()
    # Quick at 3 a.m.: the time starts as now, the level and the last entry are said over the
    # form, where and how are a choice each, their words optional.
    assert logged.editors["noted_at"].raw() == "28/11/2026 14:00", logged.editors["noted_at"].raw()
    assert "within eyesight" in logged.notes["kind"].text() and "no entry yet" in logged.notes["kind"].text()
    logged.editors["where"].set_value("bay")
    logged.editors["state"].set_value("settled")
    type_text(logged.editors["behaviour"].widget, "Calme, regarde des photos")
    QTest.mouseClick(logged.save_button, Qt.MouseButton.LeftButton)
    assert logged.record is not None, logged.summary.text()
    assert logged.record.data["observer"] == "Hélène Lefèvre"

    review = _enter_on(window, listed, EXPIRES)
    assert review.record is None and review.editors["decision"].value() == "reviewed"
    assert review.editors["level"].value() == "eyesight"
    review.editors["noted_at"].set_value("2026-11-28T13:50+01:00")
    review.editors["decider_role"].set_value("nurse_in_charge")
    review.editors["review_by"].set_value(SET["review_by"])
    review.editors["standard_requested_at"].set_value("2026-11-28T13:50+01:00")
    QTest.mouseClick(review.save_button, Qt.MouseButton.LeftButton)
    assert review.record is not None, review.summary.text()
