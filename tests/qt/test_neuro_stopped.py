"""The neuro tab once a doctor stopped neuro obs, and once the doctor was told of a set: no next
set asked, nothing left to tell, and the set's line says who stopped them and who was told."""

from downtime.qt.neuro_view import NeuroView
from downtime.services import records

SET = {"taken_at": "2026-11-28T10:00+01:00", "eyes": "4", "verbal": "5", "motor": "6", "pupil_left_size": 3,
       "pupil_left_reaction": "brisk", "pupil_right_size": 3, "pupil_right_reaction": "brisk", "next_set_in": "30"}


def test_the_tab_asks_nothing_once_the_doctor_is_told_and_neuro_obs_are_stopped(qtbot, session_for, patient):
    nurse = session_for("nurse")
    records.save_new(nurse, "neuro_observations", SET, patient_id=patient)
    records.save_new(nurse, "neuro_observations", {
        **SET, "taken_at": "2026-11-28T11:00+01:00", "motor": "5", "doctor_told": "Dr Benali",
        "doctor_told_at": "2026-11-28T11:05+01:00", "next_set_in": "stopped", "stopped_by": "Dr Benali"},
        patient_id=patient)
    view = NeuroView(nurse, patient)
    qtbot.addWidget(view)
    assert view.latest.text() == ("Latest: GCS 14 (E4 V5 M5) at 28/11 11:00 — neuro obs stopped "
                                  "(decided by Dr Benali)")
    assert view.alarms.text() == "" and not view.read_again.timer.isActive()
    assert view.model.texts(0)[5] == ("Best motor response fell since 28/11 10:00: tell the doctor now; "
                                      "doctor told: Dr Benali 28/11 11:05")
