"""services.missing_patient.check reads the record's answers alone (the form, what is typed and
what it replaces): no database, no patient, so it may be run on what is typed before anything
else is read."""

import pytest

from downtime.services import missing_patient
from downtime.services.errors import ValidationFailed

TYPED = {"noticed_at": "2026-11-28T13:30+01:00", "last_seen_at": "2026-11-28T13:20+01:00",
         "last_seen_where": "day room", "description": "Tall, grey hair", "risk_factors": ["lacks_capacity"],
         "risk": "medium"}


def test_the_check_reads_the_answers_alone(forms):
    spec = forms[missing_patient.FORM]
    with pytest.raises(ValidationFailed) as refused:
        missing_patient.check(spec, TYPED, "en")
    assert [error.path for error in refused.value.errors] == ["risk"]
    missing_patient.check(spec, {**TYPED, "risk": "medium"}, "en", before=TYPED)  # the risk kept as it was
    missing_patient.check(spec, {**TYPED, "risk": "high"}, "en")
