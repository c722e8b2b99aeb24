"""A change of position less often than the patient's pressure ulcer risk asks (NICE CG179:
every 4 hours at high risk): its reason asked before it is saved, not refused, as the care plan
may say so, and kept in the record; cancelled, the nurse is back at the next change. Asked "Save
all the same?", her Yes was kept nowhere."""

from downtime.qt.form_view import FormView
from downtime.services import records, repositioning

BRADEN_9 = {"assessed_at": "2026-11-28T09:30+01:00", "sensory": "2", "moisture": "1", "activity": "1",
            "mobility": "1", "nutrition": "2", "friction": "2"}


def _typed(window, patient, turned_at, position):
    """A change of position typed on a new form, its skin intact, the next in 6 hours."""
    form = FormView(window.session, window.session.form(repositioning.FORM), patient_id=patient)
    window.open_form(form)
    for name, value in (("turned_at", turned_at), ("position", position), ("skin", "intact"), ("next_in", "6")):
        form.editors[name].set_value(value)
    return form


def test_a_six_hourly_plan_for_a_very_high_risk_asks_its_reason_then_is_saved(window_for, session_for, patient, answers):
    script, asked = answers
    nurse = session_for("nurse")
    records.save_new(nurse, "braden_assessment", BRADEN_9, patient_id=patient)
    window = window_for(nurse)
    form = _typed(window, patient, "2026-11-28T12:30+01:00", "back")
    script["reason"] = []  # cancelled: back at the next change, nothing saved
    form.save()
    assert form.record is None and asked == [("reason", "Repositioning less often than advised")]
    assert form.editors["next_in"].widget.isAncestorOf(form.focusWidget())
    form.editors["next_in"].set_value("4")
    form.save()
    assert form.record is not None and len(asked) == 1  # every 4 hours: nothing to ask
    again = _typed(window, patient, "2026-11-28T13:30+01:00", "left")
    script["reason"] = ["As the care plan says"]
    again.save()
    assert again.record is not None and again.record.data["next_in"] == "6"  # the nurse said why: saved
    assert again.record.data[repositioning.SELDOM_REASON] == "As the care plan says"


def test_an_amendment_leaving_the_plan_as_it_was_is_not_asked_again(window_for, session_for, patient, answers):
    script, asked = answers
    nurse = session_for("nurse")
    records.save_new(nurse, "braden_assessment", BRADEN_9, patient_id=patient)
    plan = "Care plan: 6-hourly turns agreed with the patient"
    saved = records.save_new(nurse, "repositioning", {"turned_at": "2026-11-28T12:30+01:00", "position": "back",
                                                      "skin": "intact", "next_in": "6",
                                                      repositioning.SELDOM_REASON: plan}, patient_id=patient)
    window = window_for(nurse)
    form = FormView(window.session, window.session.form(repositioning.FORM), record=saved)
    window.open_form(form)
    form.start_amend()
    form.editors["skin"].set_value("blanching")
    form.editors["skin_where"].set_value("sacrum")
    script["reason"] = ["Skin looked at again"]  # the amendment's own reason
    form.save()
    assert form.record.version == 2 and asked == [("reason", "Reason for the amendment")]
    assert form.record.data[repositioning.SELDOM_REASON] == plan


def test_the_tab_asks_a_change_of_a_patient_at_high_risk_with_none_charted(window_for, session_for, patient):
    nurse = session_for("nurse")
    records.save_new(nurse, "braden_assessment", BRADEN_9, patient_id=patient)  # 09:30; 14:00 on the clock
    chart = window_for(nurse).open_repositioning_of(patient)
    assert chart.latest.text() == "No change of position recorded yet"
    assert chart.alarms.text() == ("REPOSITIONING NOT CHARTED (Braden 9, very high risk): change the patient's "
                                   "position at least every 4 hours")
