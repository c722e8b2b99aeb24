"""The line and catheter tab of a patient whose urinary catheter came out with no urine charted
since: 6 hours on it asks for a bladder scan and the doctor, though every device is out."""

from datetime import datetime, timedelta, timezone

from downtime.services import records

PARIS = timezone(timedelta(hours=1))


def test_the_tab_asks_whether_urine_was_passed_once_the_catheter_is_out(window_for, session_for, patient, clock):
    nurse = session_for("nurse")
    records.save_new(nurse, "device_check", {
        "checked_at": "2026-11-28T10:00+01:00", "event": "checked", "device": "urinary", "site": "Urethral",
        "inserted_at": "2026-11-28T07:00+01:00", "site_state": "clean", "still_needed": True, "next_in": "24"},
        patient_id=patient)
    clock.now = datetime(2026, 11, 29, 6, 5, tzinfo=PARIS)
    records.save_new(nurse, "device_check", {"checked_at": "2026-11-29T06:00+01:00", "event": "removed",
                                             "device": "urinary", "site": "Urethral", "site_state": "clean",
                                             "removed_why": "not_needed"}, patient_id=patient)
    window = window_for(nurse)
    chart = window.open_devices_of(patient)
    assert chart.latest.text() == "Every line and catheter charted is out" and not chart.alarms.isVisibleTo(chart)
    clock.now = datetime(2026, 11, 29, 12, 30, tzinfo=PARIS)
    chart = window.open_devices_of(patient)
    assert chart.alarms.text() == ("NOT PASSED URINE since the urinary catheter came out at 29/11 06:00: bladder "
                                   "scan, tell the doctor")
    records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-29T12:20+01:00", "route": "out_urine",
                                              "volume": 300}, patient_id=patient)
    chart = window.open_devices_of(patient)
    assert not chart.alarms.isVisibleTo(chart)
