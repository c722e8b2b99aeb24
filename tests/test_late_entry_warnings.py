"""A dose charted from paper hours after it was given is spaced from the dose before it "before
this dose", with that dose's time: entered at 07:00, a dose given at 02:30 read "Last dose was 95
min ago", as if the last dose were at 05:25. A dose recorded as it is given keeps "ago"."""

from datetime import datetime

import pytest

from downtime.services import medication

GIVEN_AT = "2026-11-28T02:30+01:00"


def _last_dose_at_00_55(paracetamol, clock):
    nurse, _, prn = paracetamol
    clock.now = datetime.fromisoformat("2026-11-28T01:00+01:00")
    medication.record_dose(nurse, prn.record_id, {"outcome": "given", "given_at": "2026-11-28T00:55+01:00",
                                                  "dose_given": 1.0, "route": "PO", "given_for": "pain"})
    return nurse, prn


@pytest.mark.parametrize(("typed", "said"), [
    ("2026-11-28T07:00+01:00", "A dose was given 95 min before this dose (last: 28/11 00:55); the order allows one "
                               "every 4 h."),
    ("2026-11-28T02:46+01:00", "A dose was given 95 min before this dose (last: 28/11 00:55); the order allows one "
                               "every 4 h."),
    ("2026-11-28T02:45+01:00", "Last dose was 95 min ago; the order allows one every 4 h."),
    ("2026-11-28T02:30+01:00", "Last dose was 95 min ago; the order allows one every 4 h."),
])
def test_the_interval_warning_says_before_this_dose_when_it_is_typed_late(paracetamol, clock, typed, said):
    """More than 15 minutes between the giving and the typing (the rule that marks a dose typed
    late on the chart) is a dose charted late; within them it is recorded as given."""
    nurse, prn = _last_dose_at_00_55(paracetamol, clock)
    clock.now = datetime.fromisoformat(typed)
    values = {"outcome": "given", "given_at": GIVEN_AT, "dose_given": 1.0, "route": "PO", "given_for": "pain"}
    with pytest.raises(medication.OverrideNeeded) as refused:
        medication.record_dose(nurse, prn.record_id, values)
    assert [warning.text("en") for warning in refused.value.warnings] == [said]
    saved = medication.record_dose(nurse, prn.record_id, values, overrides={said: "charted from the paper MAR"})
    assert saved.data["overrides"] == [{"check": "prn_interval", "reason": "charted from the paper MAR"}]


def test_a_regular_dose_charted_late_says_the_as_required_dose_before_it_by_its_time(paracetamol, clock):
    nurse, regular, prn = paracetamol
    _last_dose_at_00_55(paracetamol, clock)
    clock.now = datetime.fromisoformat("2026-11-28T11:00+01:00")
    values = {"outcome": "given", "given_at": "2026-11-28T03:00+01:00", "dose_given": 1.0, "route": "PO"}
    assert [warning.text("en") for warning in medication.check_dose(nurse, regular.record_id, values)] == [
        "paracétamol as required was given 125 min before this dose (last: 28/11 00:55); that order allows a dose "
        "every 4 h."]
