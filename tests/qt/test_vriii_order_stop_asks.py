"""The doctor's stop of a VRIII's order asked nothing of the insulin to follow it (JBDS-IP: the
basal, or a meal-time rapid-acting dose with a meal, given before the VRIII is stopped): now the
order form asks before saving a stop that leaves the patient with no insulin; No goes back to the
stop's time, Yes saves it."""

from downtime.qt.form_view import FormView
from downtime.qt.prompts import Prompts
from downtime.services import medication, records
from tests.test_vriii_rates import _at, _put_up


def test_a_vriiis_order_stopped_with_no_insulin_to_follow_asks_first(qtbot, session_for, medication_ward, clock,
                                                                     monkeypatch):
    *_, order = _put_up(session_for, medication_ward[0], clock)
    clock.now = _at("2026-11-28T11:50+01:00")
    asked, answers = [], [False, True]
    monkeypatch.setattr(Prompts, "confirm", staticmethod(
        lambda parent, title, text: asked.append((title, text)) or answers.pop(0)))
    monkeypatch.setattr(Prompts, "reason", staticmethod(lambda parent, title, label, *more: "eating again"))
    doctor = session_for("doctor")
    view = FormView(doctor, doctor.form(medication.ORDER_FORM), record=records.current(doctor.db, order))
    qtbot.addWidget(view)
    view.show()
    view.amend_button.click()
    view.editors["stop_at"].set_value("2026-11-28T12:00+01:00")
    view.save()
    assert [title for title, _ in asked] == ["No insulin after the infusion"]
    assert "give the patient's basal insulin, or a meal-time rapid-acting insulin with a meal" in asked[0][1]
    assert records.current(doctor.db, order).data.get("stop_at") is None
    assert view.editors["stop_at"].widget.hasFocus() or view.editors["stop_at"].widget.isAncestorOf(
        view.focusWidget())
    view.save()
    assert records.current(doctor.db, order).data["stop_at"].startswith("2026-11-28T12:00")
