"""Clozapine given above 12.5 mg more than 48 hours after its last dose given is asked the
prescriber's decision, kept as an override (domain.clozapine; SmPC, BNF: after such a break it is
built up again, its usual dose able to cause collapse): doses refused two days running, then the
usual 100 mg given again, were saved with nothing said. Not within 48 hours, not the restart's
12.5 mg, not with no dose recorded before."""

from datetime import datetime

import pytest

from downtime.domain.medication import Check
from downtime.services import medication


def _dose(at: str, mg: float = 100.0) -> dict:
    return {"outcome": "given", "given_at": at, "scheduled_for": at, "dose_given": mg, "route": "PO"}


@pytest.fixture
def clozapine(session_for, daily_order, clock) -> str:
    """Clozapine 100 mg at 20:00 from 27/11, its first dose given that evening."""
    order = daily_order("Clozapine", 100.0, "mg", "20:00")
    clock.now = datetime.fromisoformat("2026-11-27T20:05+01:00")
    medication.record_dose(session_for("nurse"), order, _dose("2026-11-27T20:00+01:00"))
    return order


def _asked(nurse, order: str, dose: dict) -> list[str]:
    return [w.text("en") for w in medication.check_dose(nurse, order, dose) if w.check is Check.CLOZAPINE_BREAK]


def test_clozapine_more_than_48_hours_after_its_last_dose_is_asked(session_for, clozapine, clock):
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T20:35+01:00")
    assert _asked(nurse, clozapine, _dose("2026-11-29T19:55+01:00")) == []  # 47 h 55 min
    assert _asked(nurse, clozapine, _dose("2026-11-29T20:30+01:00")) == [
        "Clozapine: its last dose given was on 27/11 20:00, more than 48 hours ago: after such a break clozapine is "
        "restarted at 12.5 mg and built up again (its usual dose can cause collapse, a slow heart and stopped "
        "breathing). Tell the prescriber; give it only on their decision, named in the reason."]
    assert _asked(nurse, clozapine, _dose("2026-11-29T20:30+01:00", 12.5)) == []
    with pytest.raises(medication.OverrideNeeded):
        medication.record_dose(nurse, clozapine, _dose("2026-11-29T20:30+01:00"))


def test_a_first_dose_here_asks_nothing(session_for, daily_order):
    """The last one taken at home is the medicines reconciliation's to ask."""
    order = daily_order("Leponex 100 mg", 1.0, "tablet", "14:00", "2026-11-28T10:00+01:00")
    assert _asked(session_for("nurse"), order, {**_dose("2026-11-28T14:00+01:00"), "dose_given": 1.0}) == []
