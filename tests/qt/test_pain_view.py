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


def _pain_chart(window, session_for, select_bed, admission):
    """The pain chart (Ctrl+Shift+I) of the patient `admission` puts in bed 12 of ward 3B."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    records.save_new(window.session, "admission", admission)
    window.patients.reload_wards()
    select_bed(window, "12")
    QTest.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    return window.tabs.currentWidget()


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
    chart = _pain_chart(window, session_for, select_bed, {**admission_values, "arrival_at": "2026-11-28T09:00+01:00"})
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
    chart = _pain_chart(window, session_for, select_bed, {
        **admission_values, "given_names": "Tom", "sex": "male", "birth_date": "2024-05-02", "nir": None,
        "identity_status": "provisional", "identity_document": None, "weight_kg": 13.5, "height_cm": 90,
        "arrival_at": "2026-11-28T09:00+01:00", "reason": "Forearm fracture"})
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


def test_sedation_and_breathing_are_asked_at_a_reassessment_with_nothing_given(window, session_for, admission_values,
                                                                              select_bed):
    """30 minutes after morphine the pain is 2/10, nothing more needed, but the patient wakes only
    to touch: the form asked the sedation score and breathing rate only with analgesia ticked, so
    the nurse could not record them, and the tab said nothing."""
    chart = _pain_chart(window, session_for, select_bed, {**admission_values, "arrival_at": "2026-11-28T09:00+01:00"})
    form = _assess(window, chart, {"assessed_at": "2026-11-28T13:50+01:00", "scale": "numeric", "score_numeric": 2,
                                   "action": ["none_needed"], "reassess_in": "240"})
    assert [form.rows[name][0].isRowVisible(form.rows[name][1]) for name in ("sedation", "breathing_rate")] == [
        True, True]
    form.editors["sedation"].set_value("3")
    form.editors["breathing_rate"].set_value(7)
    QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.record is not None, form.summary.text()
    window.tabs.setCurrentWidget(chart)
    chart.refresh()
    assert chart.alarms.text() == "SEDATION 3/3, BREATHING 7/min: stop the opioid, call the doctor, naloxone as prescribed"
    assert chart.model.texts(0)[3] == "Nothing needed, sedation 3/3, breathing 7/min"


def test_a_line_typed_from_the_paper_chart_keeps_its_plan_and_says_so_on_the_tab(window, session_for,
                                                                                admission_values, select_bed):
    """At 14:00 the clerk types the night's paper line, 02:00 analgesia given, again in 4 hours:
    refused until she answers that it is typed from the paper chart, then saved as written, and
    the tab reads it as the paper's, as the MAR reads a dose typed from paper. The question sits
    under the time, and the refusal names it, under it too: last on the form and unnamed, the
    clerk who had not found it was told only to choose 1 hour or less, and typed a plan nobody made."""
    chart = _pain_chart(window, session_for, select_bed, {**admission_values, "arrival_at": "2026-11-28T01:00+01:00"})
    form = _assess(window, chart, {"assessed_at": "2026-11-28T02:00+01:00", "scale": "numeric", "score_numeric": 5,
                                   "action": ["analgesia"], "reassess_in": "240"})
    (layout, time), (beside, asked) = form.rows["assessed_at"], form.rows["transcribed"]
    assert beside is layout and layout.getWidgetPosition(asked)[0] == layout.getWidgetPosition(time)[0] + 1
    QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.record is None and "analgesia given has its effect assessed within the hour" in form.summary.text()
    assert ("if this line is typed from the paper chart, answer Yes to “Typed from the paper chart” to keep the plan as "
            "written") in form.summary.text()
    assert not form.error_labels["transcribed"].isHidden() and form.error_labels["transcribed"].text() == (
        "⚠ “Typed from the paper chart”: answer Yes if this line is typed from the paper chart: its plan, whose time "
        "is past, is kept as written.")
    assert layout.isRowVisible(asked)
    form.editors["transcribed"].set_value(True)
    QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.record is not None, form.summary.text()
    window.tabs.setCurrentWidget(chart)
    chart.refresh()
    assert chart.model.texts(0)[:2] == ("28/11 02:00 (from paper)", "5/10")


def test_a_bedside_line_answered_no_is_told_the_rule_alone(window, session_for, admission_values, select_bed):
    """12:55 at the bedside, 8/10, oral analgesia given, "again in 4 hours" picked by mistake,
    saved at 14:00 with "Typed from the paper chart" answered No: her true No was marked wrong and
    she was told to answer Yes, which kept the 4 hours and left the analgesia's effect unasked."""
    chart = _pain_chart(window, session_for, select_bed, {**admission_values, "arrival_at": "2026-11-28T01:00+01:00"})
    form = _assess(window, chart, {"assessed_at": "2026-11-28T12:55+01:00", "scale": "numeric", "score_numeric": 8,
                                   "action": ["analgesia"], "reassess_in": "240"})
    combo = form.editors["transcribed"].combo
    combo.setCurrentIndex(combo.findText("No"))
    QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.record is None and form.error_labels["transcribed"].isHidden()
    assert form.error_labels["reassess_in"].text() == (
        "⚠ “Assess again in”: analgesia given has its effect assessed within the hour: choose 1 hour or less.")
