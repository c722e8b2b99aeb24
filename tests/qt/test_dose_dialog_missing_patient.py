"""The dose dialog of a patient recorded missing from the ward (services.missing_patient): it says
the patient missing as it opens, and a dose not given is offered the reason the round asks. The
tests' clock is 14:00 on 28/11 (Paris)."""

from datetime import datetime

from downtime.qt.dose_dialog import DoseDialog
from downtime.services import medication, missing_patient, records

JUDGED = {"noticed_at": "2026-11-28T13:30+01:00", "last_seen_at": "2026-11-28T13:20+01:00",
          "last_seen_where": "day room", "description": "Tall, grey hair", "risk": "medium"}
DUE = datetime.fromisoformat("2026-11-28T14:00+01:00")


def test_the_dose_dialog_of_a_missing_patient_offers_away_as_the_reason_not_given(session_for, medication_ward,
                                                                                    qtbot):
    """Choosing "Not given", the reason the round asks ("A — Patient away from ward") is chosen
    already, for the nurse to change if need be; a patient on the ward gets none chosen."""
    patient, amoxicillin, _ = medication_ward
    nurse = session_for("nurse")
    here = DoseDialog(nurse, medication.order(nurse.db, amoxicillin), DUE)
    qtbot.addWidget(here)
    assert here.reason.currentIndex() == 0
    records.save_new(nurse, missing_patient.FORM, JUDGED, patient_id=patient)
    away = DoseDialog(nurse, medication.order(nurse.db, amoxicillin), DUE)
    qtbot.addWidget(away)
    away.outcome.setCurrentIndex(1)
    assert away.reason.currentText() == "A — Patient away from ward"
    assert away.values()["not_given_reason"] == "patient_away"
