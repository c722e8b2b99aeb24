"""A WHO checklist's sign-in as the theatre's refusals say it, on the ward's clock whatever offset
it was typed with: a checklist typed on a laptop set to UTC (08:50 at the ward typed 07:50+00:00),
merged here, was said "signed in 28/11/2026 07:50", an hour before the time on its paper, and the
coordinator went looking for another checklist."""

import pytest

from downtime.services import records, theatre
from downtime.services.errors import ServiceError, ValidationFailed
from tests.test_theatre_merge import SIGNED
from tests.test_theatre_side_after_checked import left_knee  # noqa: F401 (a fixture)

ON_A_UTC_LAPTOP = "2026-11-28T07:50+00:00"
"""08:50 at the ward (Europe/Paris, UTC+1 in November), as a laptop set to UTC types it."""


def _checked_on_a_utc_laptop(nurse, patient: str, booking: str) -> str:
    return records.save_new(nurse, theatre.CHECKLIST_FORM, {
        **SIGNED, "checked_at": ON_A_UTC_LAPTOP, "booking": booking, "surgeon_critical_steps": "Left knee"},
        patient_id=patient).record_id


def test_the_side_refused_under_a_checklist_says_its_sign_in_on_the_wards_clock(left_knee):  # noqa: F811
    coord, nurse, patient, booking = left_knee
    _checked_on_a_utc_laptop(nurse, patient, booking)
    with pytest.raises(ServiceError, match="Side: the WHO checklist signed in 28/11/2026 08:50 names “Left”"):
        records.amend(coord, booking, {**records.current(coord.db, booking).data, "laterality": "right"}, "typo")


def test_an_operation_done_before_the_sign_in_says_both_times_on_the_wards_clock(left_knee):  # noqa: F811
    coord, nurse, patient, booking = left_knee
    _checked_on_a_utc_laptop(nurse, patient, booking)
    with pytest.raises(ServiceError, match=r"Done at 28/11/2026 08:40: the safety checklist of this operation was "
                                           r"signed in at 28/11/2026 08:50"):
        theatre.record_done(coord, booking, {"done_at": "2026-11-28T07:40+00:00", "theatre": "T1"})


def test_a_sign_in_after_the_operation_done_is_asked_on_the_wards_clock(left_knee):  # noqa: F811
    coord, nurse, patient, booking = left_knee
    theatre.record_done(coord, booking, {"done_at": "2026-11-28T08:40+01:00", "theatre": "T1"})
    with pytest.raises(ValidationFailed) as refused:
        _checked_on_a_utc_laptop(nurse, patient, booking)
    assert "the sign in (28/11 08:50) is after the time the operation was recorded done (28/11 08:40)" \
        in str(refused.value)
