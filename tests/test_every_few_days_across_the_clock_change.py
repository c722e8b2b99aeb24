"""A weekly order's days are its start's day on the ward's clock, every 7 days, as its chart shows
them: the methotrexate started at 00:30 summer time had its start read on winter time's offset
(the evening before) once the clocks went back, its due doses questioned and a dose on the wrong
day let through."""

from datetime import datetime, time

from downtime.domain.medication import Frequency, Order, off_its_days


def _said(order: Order, slot: str) -> list[str]:
    at = datetime.fromisoformat(slot)
    return [said.message.format(**said.values) for said in off_its_days(order, at, at)]


def test_a_weekly_order_started_after_midnight_in_summer_time_keeps_its_days_in_winter_time():
    weekly = Order(record_id="o1", patient_id="p", drug="Methotrexate", dose=10.0, dose_unit="mg", route="PO",
                   frequency=Frequency.SCHEDULED, times=(time(8),), every_days=7,
                   start_at=datetime.fromisoformat("2026-10-20T00:30+02:00"))
    assert _said(weekly, "2026-10-27T08:00+01:00") == _said(weekly, "2026-11-03T08:00+01:00") == []
    assert _said(weekly, "2026-11-02T08:00+01:00") == [
        "Methotrexate is given every 7 days from 20/10; 02/11 is not one of its days."]
