"""The fluid tab of a patient never weighed, their urine measured each hour: an empty bag six
hours running is an alarm; any other output says to weigh them, quietly, beside the chart."""

from downtime.services import records, wards


def _unweighed(session_for, admission_values, hourly_ml):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    values = {key: value for key, value in admission_values.items() if key != "weight_kg"}
    patient = records.save_new(nurse, "admission", {**values, "arrival_at": "2026-11-28T06:00+01:00"}).patient_id
    for hour in range(8, 14):
        records.save_new(nurse, "fluid_balance", {"measured_at": f"2026-11-28T{hour:02d}:30+01:00",
                                                  "route": "out_urine", "volume": hourly_ml}, patient_id=patient)
    return nurse, patient


def test_the_tab_of_a_patient_never_weighed_asks_to_weigh_them(window_for, session_for, admission_values):
    nurse, patient = _unweighed(session_for, admission_values, 30)
    chart = window_for(nurse).open_fluid_balance_of(patient)
    assert chart.urine.text() == ("Urine 180 mL in 6 hours since 28/11 08:00: no weight this stay, weigh the patient "
                                  "to judge the urine output per kg")
    assert not chart.urine.isHidden() and chart.alarms.isHidden()
    assert chart.read_again.timer.isActive()  # the hours judged move on at 15:00


def test_the_tab_calls_out_no_urine_at_all_of_a_patient_never_weighed(window_for, session_for, admission_values):
    nurse, patient = _unweighed(session_for, admission_values, 0)
    chart = window_for(nurse).open_fluid_balance_of(patient)
    assert chart.alarms.text() == ("NO URINE: 0 mL in 6 hours since 28/11 08:00, each hour measured: tell the doctor, "
                                   "check the catheter is not blocked")
    assert chart.urine.isHidden()
