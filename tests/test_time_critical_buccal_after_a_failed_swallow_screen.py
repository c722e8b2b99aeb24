"""A time-critical medicine given buccally or under the tongue is not swallowed: after a failed
swallow screen the time-critical list asks it given as its state says, as the handover and the dose
question do (domain.swallow_screen.by_mouth), where it asked the doctor for another route (review
s65 H6: the list read PO, SL and buccal as "by mouth" for a failed screen as for a diet nil by
mouth); a tablet by mouth still asks another route."""

import pytest

from downtime.services import medication
from tests.test_time_critical_dose_after_a_failed_swallow_screen import AT_11, _screened


@pytest.mark.parametrize("route, another_route", [("BUC", False), ("SL", False), ("PO", True)])
def test_a_buccal_time_critical_dose_is_not_asked_another_route_after_a_failed_screen(
        session_for, admission_values, clock, route, another_route):
    nurse, patient = _screened(session_for, admission_values, clock, "en", route=route)
    said = medication.time_critical_handover(nurse.db, nurse.forms, [patient], AT_11, "en")[patient]
    assert ("ask the doctor for another route now" in said) is another_route, said
    assert ("failed swallow screen" in said) is another_route, said
