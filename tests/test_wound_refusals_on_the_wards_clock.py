"""A wound look's refusals say the earlier look and the admission they name on the ward's clock,
whatever offset the look being typed carries: typed on 27/10, after the clocks went back, a
category 4 charted at 10:00 on 24/10, in summer time, read "charted a pressure ulcer category 4 on
24/10 09:00", and an admission at 09:00 on 23/10 "08:00", the nurse looking on the paper chart
for times it never had."""

from datetime import datetime

import pytest

from downtime.services import records
from downtime.services.errors import ValidationFailed
from tests.test_wounds_review6 import LOOK


def test_a_worst_category_and_an_admission_of_summer_time_are_said_at_their_hour(session_for, patient_on_the_clock):
    patient = patient_on_the_clock(datetime(2026, 10, 27, 10, 30), "2026-10-23T09:00+02:00")
    nurse = session_for("nurse")
    records.save_new(nurse, "wound_care", {**LOOK, "assessed_at": "2026-10-24T10:00+02:00", "category": "4"},
                     patient_id=patient)
    with pytest.raises(ValidationFailed, match=r"charted a pressure ulcer category 4 on 24/10 10:00\."):
        records.save_new(nurse, "wound_care", {**LOOK, "assessed_at": "2026-10-27T10:00+01:00"}, patient_id=patient)
    with pytest.raises(ValidationFailed, match=r"hours after the admission \(23/10 09:00\)"):
        records.save_new(nurse, "wound_care", {**LOOK, "wound": "Left heel", "assessed_at": "2026-10-27T10:00+01:00",
                                               "present_on_admission": "yes"}, patient_id=patient)
