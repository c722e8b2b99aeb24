"""A continuous infusion or syringe driver its rates have emptied, never charted stopped nor
replaced, was said on the MAR alone: the escalation list and the handover dropped the bag once it
had run in, its checks no longer asked (review T1-6: the demo's hyoscine driver, empty at 03:51).
Both say it as the MAR does (infusion_rates.RAN_OUT) until the next bag or its stop is charted."""

from datetime import datetime

from downtime.services import census, chart_alerts, infusion_checks
from tests.test_infusion_rates import _bag, _change, fluids_running  # noqa: F401  (fixture)

RAN_OUT = "should have run out at 16:00: record the next syringe or bag, or its stop"


def _listed(nurse) -> list[str]:
    """What the escalation list and the handover say of the ward's infusions."""
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    return [*(said for alert in chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en",
                                                    ward="3B").alerts
              if alert.form_id == infusion_checks.FORM for said in alert.said),
            *infusion_checks.handover(nurse.db, nurse.forms, inside, nurse.clock(), "en").values()]


def test_a_bag_run_out_is_on_the_escalation_list_and_the_handover(fluids_running, clock):  # noqa: F811
    nurse = fluids_running[0]
    clock.now = datetime.fromisoformat("2026-11-28T18:00+01:00")
    listed = _listed(nurse)
    assert len(listed) == 2 and all(RAN_OUT in said for said in listed)


def test_its_next_bag_charted_it_is_said_no_more(fluids_running, clock):  # noqa: F811
    nurse, _, order_id, _ = fluids_running
    clock.now = datetime.fromisoformat("2026-11-29T08:05+01:00")
    assert any("should have run out" in said for said in _listed(nurse))
    _bag(nurse, order_id, "2026-11-29T08:00+01:00")
    assert not any("should have run out" in said for said in _listed(nurse))


def test_its_stop_charted_it_is_said_no_more(fluids_running, clock):  # noqa: F811
    nurse, _, order_id, _ = fluids_running
    clock.now = datetime.fromisoformat("2026-11-28T18:05+01:00")
    _change(nurse, order_id, "2026-11-28T18:00+01:00", change="stopped", rate=None, reason=None)
    assert not any("should have run out" in said for said in _listed(nurse))
