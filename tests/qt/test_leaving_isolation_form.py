"""A discharge or transfer-out opened for a patient the bowel chart isolates for loose stools
starts under contact precautions, and says why under the answer: unexplained, an answer other
than the admission's is set back to it by a nurse checking the two."""

from datetime import datetime

from downtime.services import records

LOOSE = {"opened": "opened", "stool_type": "7", "amount": "medium", "known_cause": False}


def test_the_isolation_proposed_for_loose_stools_says_why_under_it(medication_ward, session_for, clock, window):
    patient = medication_ward[0]
    nurse = session_for("nurse")
    form = window.open_new(window.session.form("discharge"), patient)
    assert form.editors["isolation"].value() is None and form.notes == {}
    form.close()
    for time in ("2026-11-27T15:00+01:00", "2026-11-27T18:30+01:00", "2026-11-27T22:00+01:00"):
        records.save_new(nurse, "bowel_chart", {**LOOSE, "charted_at": time}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    form = window.open_new(window.session.form("transfer_out"), patient)
    assert form.editors["isolation"].value() == "contact" and not form.is_dirty()
    note = form.notes["isolation"]
    assert "Loose stools since 27/11 15:00: the bowel chart asks to isolate the patient" in note.text()
    assert not note.isHidden()
