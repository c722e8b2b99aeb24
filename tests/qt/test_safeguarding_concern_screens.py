"""A safeguarding concern on screen, as a nurse: recorded from the patient's menu, an immediate
danger with no police and no reason refused naming the field, saved once answered; the Patients
tab and the patient's strip say nothing of it (family read them at the bedside); the escalation
list asks the referral, and Enter opens the concern, amended with the referral, after which it
asks nothing. The tests' clock is 14:00 on 28/11."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from downtime.services import records
from tests.test_safeguarding_concern import RAISED, REFERRED

FORM = "safeguarding_concern"


def _escalation_rows(window, listed) -> list[tuple[str, ...]]:
    panel = window.escalation
    window.tabs.setCurrentWidget(panel)
    panel.refresh()
    listed(panel)
    return [panel.charts_model.texts(row) for row in range(panel.charts_model.rowCount())
            if panel.charts_model.texts(row)[4] == "Safeguarding"]


def test_a_nurse_records_a_concern_and_the_ward_screens_say_nothing_of_it_but_the_escalation_list(
        window_for, session_for, patient, form_on_bed_12, listed, type_text):
    window = window_for(session_for("nurse"))
    form = form_on_bed_12(window, FORM)
    editors = form.editors
    assert editors["raised_by"].widget.text() == "Hélène Lefèvre"
    for field_id in ("raised_at", "raiser_role", "about", "adult_or_child", "dependants", "consent"):
        editors[field_id].set_value(RAISED[field_id])
    assert not editors["about_name"].widget.isVisible()
    for code in RAISED["categories"]:
        editors["categories"].boxes[code].click()
    type_text(editors["seen_or_said"].widget, "Des bleus aux deux bras. Elle dit : « il me serre fort »")
    type_text(editors["actions_taken"].widget, "Body map drawn")
    editors["immediate_danger"].set_value(True)
    editors["police_called"].set_value(False)
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is None
    assert "“Why the police were not called”: the person is in immediate danger" in form.summary.text()
    type_text(editors["no_police_reason"].widget, "Grandson has left the ward; security told")
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.summary.text()
    (saved,) = records.list_current(window.session.db, FORM, patient_id=patient)
    assert saved.data["seen_or_said"] == "Des bleus aux deux bras. Elle dit : « il me serre fort »"
    window.patients.reload_wards()
    panel = listed(window.patients)
    (row,) = [row for row in range(panel.model.rowCount()) if panel.model.text(row, 1) == "12"]
    said = " ".join(panel.model.text(row, column) for column in range(panel.model.columnCount()))
    assert "SAFEGUARDING" not in said.upper() and "serre" not in said and not panel.model.is_warning(row, 2), said
    window.open_observations_of(patient)
    strip = window.tabs.currentWidget().identity.text()
    assert "SAFEGUARDING" not in strip.upper() and "Physical" not in strip, strip
    assert [row[5:] for row in _escalation_rows(window, listed)] == [
        ("referral NOT made (concern 28/11 10:00)",
         "refer now: immediate danger (out of hours: the council’s emergency duty team); tell the safeguarding team")]


def test_enter_on_the_escalation_line_opens_the_concern_and_its_referral_ends_the_line(
        window_for, session_for, patient, listed):
    saved = records.save_new(session_for("nurse"), FORM, RAISED, patient_id=patient)
    window = window_for(session_for("nurse"))
    (_,) = _escalation_rows(window, listed)
    panel = window.escalation
    (index,) = [number for number in range(panel.charts_model.rowCount())
                if panel.charts_model.texts(number)[4] == "Safeguarding"]
    panel.charts_table.setFocus()
    panel.charts_table.setCurrentIndex(panel.charts_model.index(index, 0))
    QTest.keyClick(panel.charts_table, Qt.Key.Key_Return)
    form = window.tabs.currentWidget()
    assert form.record.record_id == saved.record_id
    editors = form.editors
    assert not editors["referral_at"].widget.isVisible() and not editors["not_referred_why"].widget.isVisible()
    editors["referral_decision"].set_value("not_referred")
    assert editors["not_referred_why"].widget.isVisible() and not editors["referral_at"].widget.isVisible()
    editors["referral_decision"].set_value("referred")
    assert editors["referral_at"].widget.isVisible() and not editors["not_referred_why"].widget.isVisible()
    records.amend(session_for("nurse"), saved.record_id, REFERRED, reason="Referral made")
    assert _escalation_rows(window, listed) == []
