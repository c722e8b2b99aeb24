"""A bag up at a death is one of the death's tasks under "Left the ward" until its stop is charted."""

from datetime import datetime

from downtime.services import chart_alerts, infusion_rates
from tests.test_infusion_rates import syringe_at_death, syringe_running  # noqa: F401  (fixtures)


def test_a_syringe_driver_never_charted_stopped_is_handed_over_until_it_is(syringe_at_death, clock, forms):  # noqa: F811
    """A morphine syringe driver up at a 13:00 death, the one prompt at the death's save answered
    Yes and its stop never charted: nothing under "Left the ward" asked for it, nor for the
    morphine left in it to be destroyed with a witness."""
    nurse, _, driver = syringe_at_death
    clock.now = datetime.fromisoformat("2026-11-28T15:00+01:00")
    left = lambda: [alert.said for alert in chart_alerts.left_untold(nurse.db, forms, [], "3B", "en", {}, at=clock.now)]
    syringe = ("Morphine: up at the death, never charted stopped: chart its stop; Morphine is a controlled drug: once "
               "it is taken down, destroy what is left in the syringe or bag with a witness, in the controlled drugs "
               "register")
    assert left() == [["death certificate not done", syringe, "amend the death record once done"]]
    infusion_rates.change_rate(nurse, driver, {"changed_at": "2026-11-28T13:20+01:00", "change": "stopped",
                                               "reason": "Patient died 13:00"})
    assert left() == [["death certificate not done", "amend the death record once done"]]
