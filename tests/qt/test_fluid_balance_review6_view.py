"""The fluid tab of a patient never weighed, their urine measured each hour: an empty bag six
hours running, or urine low at the lightest weight their age allows, is an alarm; any other
output says to weigh them, quietly, beside the chart."""

from tests.test_fluid_balance_review6 import LOW_UNWEIGHED, _unweighed


def test_the_tab_of_a_patient_never_weighed_asks_to_weigh_them(window_for, session_for, admission_values):
    nurse, patient = _unweighed(session_for, admission_values, 30)
    chart = window_for(nurse).open_fluid_balance_of(patient)
    assert chart.urine.text() == ("Urine 180 mL in 6 hours since 28/11 07:30: no weight this stay, weigh the patient "
                                  "to judge the urine output per kg")
    assert not chart.urine.isHidden() and chart.alarms.isHidden()
    assert chart.read_again.timer.isActive()  # judged until the 14:30 reading is an hour late


def test_the_tab_calls_out_no_urine_at_all_of_a_patient_never_weighed(window_for, session_for, admission_values):
    nurse, patient = _unweighed(session_for, admission_values, 0)
    chart = window_for(nurse).open_fluid_balance_of(patient)
    assert chart.alarms.text() == ("NO URINE: 0 mL in 6 hours since 28/11 07:30, each hour measured: tell the doctor, "
                                   "check the catheter is not blocked")
    assert chart.urine.isHidden()


def test_the_tab_calls_out_urine_low_at_any_weight_of_a_patient_never_weighed(window_for, session_for,
                                                                             admission_values):
    nurse, patient = _unweighed(session_for, admission_values, 5)
    chart = window_for(nurse).open_fluid_balance_of(patient)
    assert chart.alarms.text() == LOW_UNWEIGHED
    assert chart.urine.isHidden()
