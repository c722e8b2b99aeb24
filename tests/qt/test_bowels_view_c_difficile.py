"""The bowel tab of a patient with no stool charted yet and a result finding C. difficile: it
said "Nothing charted yet" and asked nothing, while the escalation list asked to isolate."""

from downtime.qt.bowels_view import BowelsView
from downtime.services import records


def test_the_tab_asks_to_isolate_for_a_result_before_any_stool_is_charted(qtbot, session_for, patient):
    nurse = session_for("nurse")
    view = BowelsView(nurse, patient)
    qtbot.addWidget(view)
    assert view.latest.text() == "Nothing charted yet" and not view.alarms.isVisibleTo(view)
    records.save_new(nurse, "lab_result", {"received_at": "2026-11-28T12:00+01:00", "received_by": "paper",
                                           "test": "C. difficile PCR", "result": "Detected", "flag": "abnormal"},
                     patient_id=patient)
    view.refresh()
    assert view.latest.text() == "No bowels opened charted since admission 28/11"
    assert view.alarms.text().startswith("C. DIFFICILE FOUND (C. difficile PCR Detected, received 28/11 12:00): "
                                         "isolate in a side room")
    assert view.alarms.isVisibleTo(view) and view.read_again.timer.isActive() is False
