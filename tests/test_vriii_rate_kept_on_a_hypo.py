"""A VRIII's rate kept on a hypo not rechecked (services.infusion_rates.insulin_asked): every
JBDS-IP VRIII scale lowers the rate below 4 mmol/L (to 0.5 units/h, or stops it), so 4 mL/h
written again on a glucose of 3.1 is insulin given on a hypo, and it was saved with no question;
lowered, it is how the scale treats the hypo, and is not asked."""

import pytest

from downtime.domain.medication import Check
from downtime.services import medication
from tests.test_vriii_rates import _at, _charted, _new_rate
from tests.test_vriii_rates import vriii  # noqa: F401  (the fixture)


def test_a_rate_kept_on_a_hypo_is_asked_and_saved_with_its_reason(vriii, clock):
    nurse, patient, order = vriii
    clock.now = _at("2026-11-28T09:00+01:00")
    _charted(nurse, patient, "2026-11-28T08:55+01:00", 15.0)
    _new_rate(nurse, order, "2026-11-28T09:00+01:00", 4.0, "glucose 15.0")
    clock.now = _at("2026-11-28T11:00+01:00")
    _charted(nurse, patient, "2026-11-28T10:55+01:00", 3.1)
    with pytest.raises(medication.OverrideNeeded) as asked:
        _new_rate(nurse, order, "2026-11-28T11:00+01:00", 4.0, "glucose 3.1")
    assert [w.check for w in asked.value.warnings] == [Check.GLUCOSE]
    assert "3.1 mmol/L at 28/11 10:55, is a hypo not rechecked" in str(asked.value)
    assert "overrides" not in _new_rate(nurse, order, "2026-11-28T11:00+01:00", 0.5, "glucose 3.1").data


def test_a_rate_kept_at_the_scales_lowest_is_saved_with_the_reason(vriii, clock):
    nurse, patient, order = vriii
    clock.now = _at("2026-11-28T10:52+01:00")
    _charted(nurse, patient, "2026-11-28T10:50+01:00", 3.4)
    saved = _new_rate(nurse, order, "2026-11-28T10:52+01:00", 2.0, "glucose 3.4",
                      overrides={Check.GLUCOSE: "already at the scale's lowest rate"})
    assert saved.data["overrides"] == [{"check": "glucose", "reason": "already at the scale's lowest rate"}]
