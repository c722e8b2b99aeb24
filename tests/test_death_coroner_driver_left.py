"""A death referred to the coroner leaves its syringe driver with the body, what is in it with it:
after the save its stop alone is asked, never what is left destroyed (infusion_rates.up_at_leaving)."""

from datetime import datetime

from downtime.services import chart_alerts, records
from tests.conftest import death_answers
from tests.test_infusion_rates import _change, syringe_running  # noqa: F401 (the fixture)


def test_a_coroners_case_asks_the_drivers_stop_and_nothing_destroyed(syringe_running, session_for, clock):  # noqa: F811
    """Morphine driver up at a death at 13:00 referred to the coroner: the death stayed unfinished on
    "destroy what is left in the syringe" until the register held what the coroner was to keep."""
    nurse, patient, driver = syringe_running
    records.save_new(nurse, "death", {**death_answers("2026-11-28T13:00+01:00"), "verified_by": "Dr B",
                                      "expected": True, "family_informed": True, "certificate_done": True,
                                      "referred_to_coroner": True}, patient_id=patient)
    said = [line for alert in chart_alerts.left_untold(nurse.db, nurse.forms, [], None, "en", {}, at=clock.now)
            if alert.form_id == "death" for line in alert.said]
    assert any("never charted stopped: chart its stop" in line for line in said)
    assert not any("destroy" in line for line in said)
    clock.now = datetime.fromisoformat("2026-11-28T13:40+01:00")
    _change(nurse, driver, "2026-11-28T13:20+01:00", "stopped", None, "Died 13:00; left for the coroner")
    assert patient not in chart_alerts.deaths_unfinished(nurse.db)
