"""The neuro tab shows each set on the ward's clock: a set typed on a laptop whose clock was at
UTC, merged here, was shown an hour off the other charts, and a set taken before the clocks
went back stays at the time it was taken."""

from datetime import datetime
from zoneinfo import ZoneInfo

from downtime.qt.neuro_view import NeuroView
from downtime.services import records

SET = {"eyes": "4", "verbal": "5", "motor": "6", "pupil_left_size": 3, "pupil_left_reaction": "brisk",
       "pupil_right_size": 3, "pupil_right_reaction": "brisk", "next_set_in": "240"}


def test_the_tab_shows_each_set_on_the_ward_s_clock(qtbot, session_for, patient_on_the_clock):
    patient = patient_on_the_clock(datetime(2026, 10, 25, 9, 0), "2026-10-24T15:00+02:00")
    nurse = session_for("nurse")
    records.save_new(nurse, "neuro_observations", {**SET, "taken_at": "2026-10-25T00:30+01:00"},  # 01:30 summer time
                     patient_id=patient)
    records.save_new(nurse, "neuro_observations", {**SET, "taken_at": "2026-10-25T07:00+00:00"}, patient_id=patient)
    assert nurse.clock().tzinfo == ZoneInfo("Europe/Paris")
    view = NeuroView(nurse, patient)
    qtbot.addWidget(view)
    assert [view.model.texts(row)[0] for row in range(2)] == ["25/10 08:00", "25/10 01:30"]
    assert view.latest.text() == "Latest: GCS 15 (E4 V5 M6) at 25/10 08:00 — next set due 25/10 12:00"
