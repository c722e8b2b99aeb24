"""Pain from the keyboard: the nurse opens the patient's pain tab, scores the pain through the
form (asked the score of the scale she chose), reads it called out untreated, records the
analgesia given, then the reassessment falling overdue with time, on the tab and on the
escalation tab, whose Enter brings her back to the chart."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from downtime.qt.form_view import FormView
from downtime.qt.pain_view import PainView
from downtime.services import records, wards


def _assess(window, chart, answers):
    QTest.mouseClick(next(b for b in chart.findChildren(QPushButton) if b.text() == "&Assess the pain"),
                     Qt.MouseButton.LeftButton)
    form = window.tabs.currentWidget()
    assert isinstance(form, FormView) and form.spec.id == "pain_assessment"
    for name, value in answers.items():
        form.editors[name].set_value(value)
    return form


def test_pain_is_scored_treated_and_its_reassessment_falls_overdue(window, session_for, admission_values, select_bed,
                                                                   type_text, clock, listed):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    records.save_new(window.session, "admission", {**admission_values, "arrival_at": "2026-11-28T09:00+01:00"})
    window.patients.reload_wards()
    select_bed(window, "12")
    QTest.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    chart = window.tabs.currentWidget()
    assert isinstance(chart, PainView) and chart.latest.text() == "No pain assessment recorded yet"
    form = _assess(window, chart, {"assessed_at": "2026-11-28T13:50+01:00", "scale": "numeric",
                                   "action": ["non_drug"], "reassess_in": "30"})
    # An adult's number asks nothing of a child's scales.
    assert not form.groups["flacc"].isVisible() and not form.groups["evendol"].isVisible()
    type_text(form.editors["where"].edit, "Right hip")
    QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.record is None and "“Pain score (0 none, 10 worst imaginable)” is required" in form.summary.text()
    form.editors["score_numeric"].set_value(8)
    QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.record is not None, form.summary.text()
    window.tabs.setCurrentWidget(chart)
    chart.refresh()
    assert chart.alarms.text() == "PAIN 8/10 NOT TREATED: give the analgesia prescribed, or tell the doctor if none is"
    assert chart.model.is_warning(0, 1)
    assert chart.model.data(chart.model.index(0, 1), Qt.ItemDataRole.ToolTipRole) is None  # a number said has no items
    form = _assess(window, chart, {"assessed_at": "2026-11-28T13:55+01:00", "score_numeric": 8,
                                   "action": ["analgesia"], "reassess_in": "30"})
    # Scored again on the scale and at the place of the latest, which the form starts from.
    assert (form.editors["scale"].value(), form.editors["where"].value()) == ("numeric", "Right hip")
    QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.record is not None, form.summary.text()
    window.tabs.setCurrentWidget(chart)
    chart.refresh()
    assert chart.latest.text() == ("Latest: 8/10 (Right hip), Analgesia given (on the MAR) at 28/11 13:55 — reassess by "
                                   "28/11 14:25")
    assert chart.alarms.isHidden() and chart.read_again.timer.isActive()
    clock.advance(minutes=30)  # 14:30
    chart.refresh()
    assert chart.alarms.text() == "PAIN REASSESSMENT OVERDUE since 28/11 14:25" and chart.model.is_warning(0, 4)
    panel = window.escalation
    window.tabs.setCurrentWidget(panel)
    panel.refresh()
    listed(panel)
    assert panel.charts_model.texts(0)[4:] == (
        "Pain", "8/10 (Right hip), Analgesia given (on the MAR) 28/11 13:55", "PAIN REASSESSMENT OVERDUE since 28/11 14:25")
    panel.charts_table.setFocus()
    panel.charts_table.setCurrentIndex(panel.charts_model.index(0, 0))
    QTest.keyClick(panel.charts_table, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is chart


def test_a_toddlers_pain_is_scored_item_by_item_and_read_on_its_scale(window, session_for, admission_values,
                                                                     select_bed):
    """A boy of two cannot give a number: the nurse chooses FLACC, is asked each of its five items
    (and no number), and the chart reads "FLACC 6/10", each item in the score's tooltip."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    records.save_new(window.session, "admission", {
        **admission_values, "given_names": "Tom", "sex": "male", "birth_date": "2024-05-02", "nir": None,
        "identity_status": "provisional", "identity_document": None, "weight_kg": 13.5, "height_cm": 90,
        "arrival_at": "2026-11-28T09:00+01:00", "reason": "Forearm fracture"})
    window.patients.reload_wards()
    select_bed(window, "12")
    QTest.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    chart = window.tabs.currentWidget()
    form = _assess(window, chart, {"assessed_at": "2026-11-28T13:50+01:00", "scale": "flacc", "flacc_face": "2",
                                   "flacc_legs": "1", "flacc_activity": "1", "flacc_cry": "1",
                                   "action": ["non_drug"], "reassess_in": "60"})
    shown = [name for name in ("score_numeric", "score_faces", "flacc_face", "flacc_consolability", "evendol_voice")
             if form.rows[name][0].isRowVisible(form.rows[name][1])]
    assert shown == ["flacc_face", "flacc_consolability"] and not form.groups["evendol"].isVisible()
    # Totalled as the paper's box is, never typed.
    assert form.total_labels["flacc"].text() == "FLACC total: 1 item(s) left to score"
    QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.record is None and "“Consolability” is required" in form.summary.text()
    form.editors["flacc_consolability"].set_value("1")
    assert form.total_labels["flacc"].text() == (
        "<b>FLACC total: 6 — MODERATE PAIN: give the analgesia prescribed, or tell the doctor if none is</b>")
    QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.record is not None, form.summary.text()
    window.tabs.setCurrentWidget(chart)
    chart.refresh()
    assert chart.model.texts(0)[:2] == ("28/11 13:50", "FLACC 6/10") and chart.model.is_warning(0, 1)
    assert chart.model.data(chart.model.index(0, 1), Qt.ItemDataRole.ToolTipRole) == (
        "FLACC 6/10: Face 2, Legs 1, Activity 1, Cry 1, Consolability 1")
    assert chart.alarms.text() == ("PAIN FLACC 6/10 NOT TREATED: give the analgesia prescribed, or tell the doctor if "
                                   "none is")
