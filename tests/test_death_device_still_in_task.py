"""A line or catheter still in at a death not referred to the coroner is a task of the death until
it is charted removed, as a patch on the body is (chart_alerts._death): asked once before the save,
it was never asked again, and once the body left it could be charted removed no more."""

from datetime import datetime

import pytest

from downtime.services import chart_alerts, records
from tests.test_last_offices_care_after_death import PUT_IN, TAKEN_OUT, _death, patient  # noqa: F401 (the fixture)


@pytest.mark.parametrize("coroner", [False, True])
def test_a_cannula_still_in_is_a_task_of_the_death_until_charted_removed(session_for, patient, clock,  # noqa: F811
                                                                        coroner):
    """Cannula in at 09:30, death at 13:00, its other tasks done: listed under "Left the ward" with
    the cannula until its removal at 13:20 is charted; a coroner's case keeps it in, no task."""
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T12:00+01:00")
    records.save_new(nurse, "device_check", PUT_IN, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T13:10+01:00")
    records.save_new(nurse, "death", _death("2026-11-28T13:00+01:00", certificate_done=True,
                                            referred_to_coroner=coroner), patient_id=patient)
    unfinished = chart_alerts.deaths_unfinished(nurse.db)
    if coroner:
        assert patient not in unfinished
        return
    assert patient in unfinished
    died = [alert for alert in chart_alerts.left_untold(nurse.db, nurse.forms, [], None, "en", {}, at=clock.now)
            if alert.form_id == "death"]
    assert any("Peripheral" in said and "take it out at last offices and chart it removed" in said
               for said in died[0].said)
    clock.now = datetime.fromisoformat("2026-11-28T13:30+01:00")
    records.save_new(nurse, "device_check", {**TAKEN_OUT, "checked_at": "2026-11-28T13:20+01:00"}, patient_id=patient)
    assert patient not in chart_alerts.deaths_unfinished(nurse.db)
