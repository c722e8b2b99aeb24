"""The alcohol withdrawal chart on screen: the nurse opens a check from the patient's menu, picks
each item's score from its anchors, the CIWA-Ar total and its band shown as she goes, saves; the
escalation list then says the check, its dose not recorded and no thiamine, and Enter on it opens
the next check. Not scored (too drowsy) hides the items and needs none. The tests' clock is 14:00 on
28/11; the patient was admitted at 09:00."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from downtime.domain.alcohol_withdrawal import ITEMS
from downtime.qt.form_view import FormView
from downtime.services import records
from tests.qt.conftest import open_from_escalation

FORM = "alcohol_withdrawal"
MODERATE = {"tremor": "4", "sweats": "4", "anxiety": "4"}


def _pick(form: FormView, field_id: str, code) -> None:
    """The option chosen in its list, as the nurse picks it."""
    editor = form.editors[field_id]
    editor.combo.setCurrentIndex(editor.codes.index(code))


def test_a_check_typed_shows_its_total_and_is_on_the_escalation_list_opening_the_next(
        window_for, session_for, patient, form_on_bed_12, escalation_row, tmp_path):
    window = window_for(session_for("nurse"))
    form = form_on_bed_12(window, FORM)
    form.editors["checked_at"].set_value("2026-11-28T13:00+01:00")
    assert "10 item(s) left to score" in form.total_labels["ciwa_ar"].text()
    for item in ITEMS:
        _pick(form, item, MODERATE.get(item, "0"))
    assert "CIWA-Ar total: 12 — MODERATE withdrawal" in form.total_labels["ciwa_ar"].text()
    _pick(form, "seizure", False)
    _pick(form, "consciousness_falling", False)
    assert not form.editors["dose_given_at"].widget.isVisible()
    form.grab().save(str(tmp_path / "alcohol_withdrawal_form.png"))
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.summary.text()
    (saved,) = records.list_current(window.session.db, FORM, patient_id=patient)
    assert (saved.data["tremor"], saved.data["orientation"]) == ("4", "0")
    panel, row = escalation_row(window, "Alcohol withdrawal (CIWA-Ar)")
    latest, asks = panel.charts_model.texts(row)[5:]
    assert latest == "CIWA-Ar 12 MODERATE (13:00)"
    assert "CIWA-Ar OVERDUE since 14:00" in asks and "No thiamine prescribed: ask the doctor" in asks
    panel.grab().save(str(tmp_path / "alcohol_withdrawal_escalation.png"))
    opened = open_from_escalation(window, panel, row)
    assert isinstance(opened, FormView) and opened.spec.id == FORM and opened.record is None


def test_unable_to_assess_hides_the_items_and_saves_with_none(window_for, session_for, patient, form_on_bed_12):
    window = window_for(session_for("nurse"))
    form = form_on_bed_12(window, FORM)
    form.editors["checked_at"].set_value("2026-11-28T13:30+01:00")
    assert form.editors["tremor"].widget.isVisible()
    _pick(form, "unable_to_assess", "drowsy")
    assert not any(form.editors[item].widget.isVisible() for item in ITEMS)
    _pick(form, "seizure", False)
    _pick(form, "consciousness_falling", True)
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.summary.text()
    (saved,) = records.list_current(window.session.db, FORM, patient_id=patient)
    assert saved.data["unable_to_assess"] == "drowsy" and saved.data.get("tremor") is None


def test_the_live_total_leads_with_hallucinations_with_disorientation(window_for, session_for, patient,
                                                                       form_on_bed_12):
    """Visual 4 and orientation 2 add up to 6, minimal: the total the nurse reads as she types
    names delirium tremens first, and the recheck within the hour."""
    form = form_on_bed_12(window_for(session_for("nurse")), FORM)
    for item in ITEMS:
        _pick(form, item, {"visual": "4", "orientation": "2"}.get(item, "0"))
    said = form.total_labels["ciwa_ar"].text()
    assert "CIWA-Ar total: 6 — HALLUCINATIONS WITH DISORIENTATION (delirium tremens?): doctor now" in said
    assert "recheck in 1 hour" in said


def test_enter_on_an_untold_red_flag_opens_the_check_to_amend_with_the_doctor_told(window_for, session_for, patient,
                                                                                    listed):
    """A seizure at 13:20: Enter on its line opens that check, where the doctor told is written,
    not a new check asking the ten items again."""
    window = window_for(session_for("nurse"))
    fitted = records.save_new(window.session, FORM, {
        "checked_at": "2026-11-28T13:20+01:00", **dict.fromkeys(ITEMS, "0"), "seizure": True,
        "consciousness_falling": False}, patient_id=patient)
    panel = window.escalation
    window.tabs.setCurrentWidget(panel)
    panel.refresh()
    listed(panel)
    (row,) = [row for row in range(panel.charts_model.rowCount())
              if panel.charts_model.texts(row)[4] == "Alcohol withdrawal (CIWA-Ar)"]
    panel.charts_table.setFocus()
    panel.charts_table.setCurrentIndex(panel.charts_model.index(row, 0))
    QTest.keyClick(panel.charts_table, Qt.Key.Key_Return)
    opened = window.tabs.currentWidget()
    assert isinstance(opened, FormView) and opened.record is not None
    assert opened.record.record_id == fitted.record_id
