"""A falls-risk assessment's review of the medicines and fluids dated before the assessment is
refused: no doctor reviewed then the postural drop measured after, and the review recorded at
12:00 on an assessment of 13:00 (the morning round's, or 21:00 typed 12:00) silenced the drop's
ask on the escalation list and the handover, as a fall's examination dated before the fall did."""

import pytest

from downtime.services import records
from downtime.services.errors import ValidationFailed
from tests.test_falls_risk import ASSESSED, FORM, REVIEWED, _alerts


def test_a_review_dated_before_the_assessment_is_refused_and_the_drop_still_asked(session_for, patient):
    nurse = session_for("nurse")
    saved = records.save_new(nurse, FORM, ASSESSED, patient_id=patient)
    with pytest.raises(ValidationFailed, match="Assessed at"):
        records.amend(session_for("doctor"), saved.record_id, {
            **ASSESSED, **REVIEWED, "medicines_reviewed_at": "2026-11-28T12:00+01:00"}, "Zopiclone stopped")
    assert _alerts(nurse) == [("Postural drop at 3 min: systolic down 34, diastolic down 12 mmHg (13:00)",
                               ["doctor to review medicines and fluids"])]
