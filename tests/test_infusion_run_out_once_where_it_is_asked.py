"""A bag its rates have emptied is said on the escalation list and the handover until its next
bag or its stop is charted (services.infusion_checks.Asking.empty_at): but of an order the doctor
had stopped, "record the next syringe or bag" asked for a bag nobody prescribed while the MAR said
"order stopped: stop the bag" (review S3-3); the leaving list said it twice, once under the bag's
own line that says it already, then "do not chart a stop" of a bag going with the patient (review
S3-5); and a list left open said "check overdue" past the run-out, never read again then (review
S3-6)."""

from datetime import datetime

import pytest

from downtime.services import census, chart_alerts, infusion_checks, leaving, records
from tests.test_infusion_rates import FLUIDS, fluids_running  # noqa: F401  (fixture)

RAN_OUT = "should have run out at 16:00"


def _listed(nurse, at) -> list[str]:
    """What the escalation list and the handover say of the ward's infusions at `at`."""
    inside = census.in_patients(nurse.db, nurse.forms, "3B", at)
    return [*(said for alert in chart_alerts.alerts(nurse.db, nurse.forms, inside, at, "en", ward="3B").alerts
              if alert.form_id == infusion_checks.FORM for said in alert.said),
            *infusion_checks.handover(nurse.db, nurse.forms, inside, at, "en").values()]


@pytest.mark.parametrize("stopped", ["2026-11-28T14:00+01:00", "2026-11-28T17:00+01:00"])
def test_no_run_out_asked_of_a_bag_whose_order_is_stopped(fluids_running, clock, session_for, stopped):  # noqa: F811
    nurse, _, order_id, _ = fluids_running
    at = datetime.fromisoformat("2026-11-28T18:00+01:00")
    assert any(RAN_OUT in said for said in _listed(nurse, at))
    clock.now = datetime.fromisoformat(stopped)
    records.amend(session_for("doctor"), order_id, FLUIDS | {"stop_at": stopped}, "Drinking well")
    clock.now = at
    assert not any(RAN_OUT in said for said in _listed(nurse, at))


@pytest.mark.parametrize(("moved_to", "destination"), [("4A", None), (None, "care_home"), (None, "home")])
def test_the_leaving_list_says_the_run_out_once(fluids_running, clock, moved_to, destination):  # noqa: F811
    nurse, patient, _, _ = fluids_running
    clock.now = at = datetime.fromisoformat("2026-11-28T18:00+01:00")
    said = leaving.still_asked(nurse.db, nurse.forms, patient, at, "en", destination=destination, moved_to=moved_to)
    assert said.count(RAN_OUT) == 1


def test_the_list_is_read_again_when_the_bag_runs_out(fluids_running, clock):  # noqa: F811
    nurse = fluids_running[0]
    at = datetime.fromisoformat("2026-11-28T15:59+01:00")
    listed = chart_alerts.alerts(nurse.db, nurse.forms, census.in_patients(nurse.db, nurse.forms, "3B", at), at,
                                 "en", ward="3B")
    assert listed.next_due == datetime.fromisoformat("2026-11-28T16:00+01:00")
