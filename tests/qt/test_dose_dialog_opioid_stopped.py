"""The dose dialog of an as-required opioid says, in red, that the pain chart says to stop it: it
said "A dose is allowed now" at 17:35 after the 13:30 line found sedation 2 and breathing 8."""

from downtime.qt.dose_dialog import DoseDialog
from downtime.services import medication, records


def test_the_as_required_status_says_the_pain_chart_stops_the_opioid(qtbot, session_for, medication_ward, clock):
    patient, _, morphine = medication_ward
    nurse = session_for("nurse")
    records.save_new(nurse, "pain_assessment", {
        "assessed_at": "2026-11-28T13:30+01:00", "scale": "numeric", "score_numeric": 6, "action": ["non_drug"],
        "reassess_in": "240", "sedation": "2", "breathing_rate": 8}, patient_id=patient)
    clock.now = clock.now.replace(hour=17, minute=35)
    dialog = DoseDialog(nurse, medication.order(nurse.db, morphine), None)
    qtbot.addWidget(dialog)
    dialog.show()
    said = dialog.as_required.text()
    # In place of "A dose is allowed now", which read above "stop the opioid" (review S4 #5).
    assert "allowed" not in said and said.endswith(
        "Given in the last 24 h: 0, at most 4\n"
        "Morphine: the pain chart at 28/11 13:30 says SEDATION 2/3, BREATHING 8/min: stop the opioid, call the "
        "doctor, naloxone as prescribed.")
    assert dialog.as_required.styleSheet()  # in red
