"""A result phoned to the ward the sample came from for a patient moved to another ward since:
saving it says to phone it to the ward the patient is on (its laptop never has it)."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from downtime.services import records, wards

PHONED = {"received_at": "2026-11-28T13:10+01:00", "received_by": "telephone", "test": "Potassium", "result": "6.8",
          "units": "mmol/L", "flag": "critical", "sample_taken_at": "2026-11-28T11:40+01:00",
          "caller": "Mme Roux, biochemistry", "read_back": True}


def test_saving_a_result_for_a_patient_moved_on_says_to_phone_their_ward(window_for, session_for, patient, answers):
    wards.add_ward(session_for("admin"), "5A", "Surgery", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    records.save_new(nurse, "transfer", {"moved_at": "2026-11-28T12:00+01:00", "to_ward": "5A", "to_bed": "4",
                                         "reason": "Surgical review"}, patient_id=patient)
    form = window_for(nurse).open_new(nurse.form("lab_result"), patient)
    for field_id, value in PHONED.items():
        form.editors[field_id].set_value(value)
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.summary.text()
    assert ("info", "This patient is on ward 5A now (moved there 28/11 12:00): phone the result to ward 5A. A critical "
                    "one stays on this ward's escalation list until a doctor is recorded as told.") in answers[1]
