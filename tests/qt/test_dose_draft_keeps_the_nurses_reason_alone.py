"""A dose dialog's draft keeps the reason not given the nurse chose, not the one the dialog chose
for her (a patient recorded missing: "A — Patient away from ward", see
test_dose_dialog_missing_patient): typed while the patient was away, the dose given, it came back
after their return as "Not given — A" once "Not given" was picked; typed before they went missing,
it came back blank. A draft with no reason of the nurse's opens as a new dialog does. The tests'
clock is 14:00 on 28/11 (Paris)."""

from datetime import datetime

from downtime.qt.dose_dialog import DoseDialog
from downtime.services import medication, missing_patient, records

JUDGED = {"noticed_at": "2026-11-28T13:30+01:00", "last_seen_at": "2026-11-28T13:20+01:00",
          "last_seen_where": "day room", "description": "Tall, grey hair", "risk": "medium"}
DUE = datetime.fromisoformat("2026-11-28T14:00+01:00")
AWAY = "A — Patient away from ward"


def test_a_draft_keeps_the_reason_the_nurse_chose_alone(session_for, medication_ward, qtbot, clock):
    patient, amoxicillin, _ = medication_ward
    nurse = session_for("nurse")
    here = DoseDialog(nurse, medication.order(nurse.db, amoxicillin), DUE)
    qtbot.addWidget(here)
    before = here.typed()
    records.save_new(nurse, missing_patient.FORM, JUDGED, patient_id=patient)
    away = DoseDialog(nurse, medication.order(nurse.db, amoxicillin), DUE)
    qtbot.addWidget(away)
    assert away.reason.currentText() == AWAY
    typed = away.typed()
    assert typed["outcome"] == "given" and typed["not_given_reason"] is None
    here.restore(typed, clock())
    assert here.reason.currentIndex() == 0
    resumed = DoseDialog(nurse, medication.order(nurse.db, amoxicillin), DUE)
    qtbot.addWidget(resumed)
    resumed.restore(before, clock())
    assert resumed.reason.currentText() == AWAY
    away.outcome.setCurrentIndex(1)
    assert away.typed()["not_given_reason"] == "patient_away"
