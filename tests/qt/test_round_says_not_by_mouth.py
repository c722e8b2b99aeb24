"""The round says "NOT BY MOUTH" and why in the flags of a dose whose route the patient's nil by
mouth stops (services.medication.nil_by_mouth: a failed swallow screen, what is swallowed), as
the handover sheet and the printed chart say it: the round listed the paracetamol tablet "Due now"
with empty flags after the screen failed, only the dose dialog saying it (review s65 T3 D5)."""

from downtime.qt.main_window import MainWindow
from downtime.qt.medication_panel import FLAGS
from downtime.services import records

FAILED_SWALLOW = {"screened_at": "2026-11-28T13:00+01:00", "screened_by": "Hélène Lefèvre", "reason": "stroke",
                  "alert_upright": True, "cough_on_request": True, "controls_saliva": True, "teaspoons": "sign",
                  "signs": ["wet_voice"], "outcome": "fail", "slt_referral": "made",
                  "slt_referred_at": "2026-11-28T13:05+01:00"}


def test_the_round_says_not_by_mouth_on_a_dose_by_mouth_after_a_failed_swallow_screen(qtbot, session_for,
                                                                                     medication_ward):
    patient, amoxicillin, _ = medication_ward
    nurse = session_for("nurse")
    records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
        "times": "08:00 14:00", "start_at": "2026-11-28T07:00+01:00", "controlled": False,
        "high_alert": False}, patient_id=patient)
    records.save_new(nurse, "swallow_screen", FAILED_SWALLOW, patient_id=patient)
    window = MainWindow(nurse)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.medication)
    model = window.medication.model
    rows = {model.rows[row].order.route: row for row in range(model.rowCount())
            if model.rows[row].slot.hour == 14}
    assert "NOT BY MOUTH: failed swallow screen 13:00" in model.flag_words(rows["PO"], whole=True)
    assert model.is_warning(rows["PO"], FLAGS)
    assert model.rows[rows["IV"]].order.record_id == amoxicillin
    assert "NOT BY MOUTH" not in model.flag_words(rows["IV"], whole=True)
