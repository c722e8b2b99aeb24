"""An infusion check's overdue time said with its offset where the ward's clock reads it twice,
as every other time (domain.clock.ward_time)."""

from datetime import datetime
from zoneinfo import ZoneInfo

from downtime.services import infusion_checks, medication, records
from tests.test_infusion_rates import FLUIDS, _bag

PARIS = ZoneInfo("Europe/Paris")


def test_a_check_due_at_the_first_0230_reads_so_at_0210_winter_time(session_for, patient_on_the_clock, clock):
    """A litre put up at 22:30 on 24/10, summer time, its check due at 02:30 summer time: read at
    02:10 winter time, an hour and 40 minutes later, the list said "INFUSION CHECK OVERDUE (due
    02:30)", as though due in 20 minutes."""
    patient = patient_on_the_clock(datetime(2026, 10, 24, 22, 0), "2026-10-24T21:00+02:00")
    order_id = records.save_new(session_for("doctor"), "medication_order", {
        **FLUIDS, "times": "22:30", "start_at": "2026-10-24T22:00+02:00"}, patient_id=patient).record_id
    nurse = session_for("nurse")
    clock.now = datetime(2026, 10, 24, 22, 35, tzinfo=PARIS)
    _bag(nurse, order_id, "2026-10-24T22:30+02:00")
    at = datetime(2026, 10, 25, 2, 10, fold=1, tzinfo=PARIS)
    clock.now = at
    site = nurse.form("infusion_check").field("site")
    (asked,) = infusion_checks.running_checked(nurse.db, [medication.order(nurse.db, order_id)], at, site, "en")
    assert asked.said(at, "en") == [
        "INFUSION CHECK OVERDUE (due 02:30 +02:00): check the volume left, the rate, the line and the site"]
    assert asked.handed_over(at, "en") == ["check overdue since 02:30 +02:00"]
