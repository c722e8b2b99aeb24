"""The fluid balance chart's day (07:00 to 07:00) and its hour rows are the ward's clock, whatever
offset a volume was stored with: a bag hung at 07:30 typed on a laptop set to UTC (06:30+00:00)
and merged here went on the day before's chart in its 06:00 row, making a false "OVER THE FLUID
RESTRICTION" of that day and leaving the new day's intake short of the litre."""

from datetime import date, datetime, timezone

from downtime.domain.fluid_balance import Measure, chart_day, fluid_day
from downtime.services import census, chart_alerts, fluid_balance, medication, printing, records
from tests.pdf_text import pdf_pages

UTC = timezone.utc
OVER = "OVER THE FLUID RESTRICTION: 1600 mL in, 1500 mL allowed: tell the doctor"


def _rows(chart) -> dict[int, dict[str, int]]:
    return {hour.hour: dict(hour.volumes) for hour in chart.hours if hour.measured}


def test_a_volume_stored_in_utc_is_charted_on_the_wards_day_and_in_its_hour():
    hung = Measure(datetime(2026, 11, 29, 6, 30, tzinfo=UTC), "in_iv", 1000)  # 07:30 in Paris
    late = Measure(datetime(2026, 11, 28, 22, 30, tzinfo=UTC), "out_urine", 300)  # 23:30 in Paris
    summer = Measure(datetime(2026, 7, 1, 5, 30, tzinfo=UTC), "in_oral", 200)  # 07:30 summer time
    assert [chart_day(one.at) for one in (hung, late, summer)] == [date(2026, 11, 29), date(2026, 11, 28),
                                                                   date(2026, 7, 1)]
    assert _rows(fluid_day(date(2026, 11, 29), [hung, late])) == {7: {"in_iv": 1000}}
    assert _rows(fluid_day(date(2026, 11, 28), [hung, late])) == {23: {"out_urine": 300}}
    assert _rows(fluid_day(date(2026, 7, 1), [summer])) == {7: {"in_oral": 200}}


def _charted_across_utc(session_for, patient, clock):
    """A 1500 mL restriction decided at 09:30 (typed in UTC), 1200 mL drunk on the 28th; on the
    29th a litre bag hung at 07:30 typed on a laptop set to UTC, and 600 mL drunk at 08:00."""
    nurse = session_for("nurse")
    records.save_new(session_for("doctor"), "fluid_plan", {"decided_at": "2026-11-28T08:30+00:00",
                                                           "kind": "restriction", "volume": 1500,
                                                           "decided_by": "Dr Benali"}, patient_id=patient)
    records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-28T12:00+01:00", "route": "in_oral",
                                              "volume": 1200}, patient_id=patient)
    clock.advance(hours=20)  # 29/11 10:00
    records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-29T06:30+00:00", "route": "in_iv",
                                              "volume": 1000, "what": "NaCl 0.9% bag"}, patient_id=patient)
    records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-29T08:00+01:00", "route": "in_oral",
                                              "volume": 600}, patient_id=patient)
    return nurse


def test_the_tab_judges_each_day_on_the_wards_clock(session_for, patient, clock):
    nurse = _charted_across_utc(session_for, patient, clock)
    closed = fluid_balance.day_chart(nurse.db, patient, date(2026, 11, 28))
    under_way = fluid_balance.day_chart(nurse.db, patient, date(2026, 11, 29))
    assert (closed.chart.intake, under_way.chart.intake) == (1200, 1600)
    assert under_way.days == [date(2026, 11, 28), date(2026, 11, 29)]
    assert _rows(under_way.chart) == {7: {"in_iv": 1000}, 8: {"in_oral": 600}}
    assert fluid_balance.judged_day(nurse.db, patient, closed.chart, clock(), "en").asks == []
    judged = fluid_balance.judged_day(nurse.db, patient, under_way.chart, clock(), "en")
    assert judged.plan == "Fluid restriction: no more than 1500 mL in 24 hours (Dr Benali, 28/11 09:30)"
    assert judged.asks == [OVER]
    assert fluid_balance.brought_forward(nurse.db, patient, date(2026, 11, 29)).balance == 1200


def test_the_escalation_list_and_the_handover_judge_the_day_on_the_wards_clock(session_for, patient, clock):
    nurse = _charted_across_utc(session_for, patient, clock)
    at = clock()
    exceeded = fluid_balance.restrictions_exceeded(nurse.db, [patient], at, "en")
    assert exceeded[patient].said == [OVER]
    inside = census.in_patients(nurse.db, nurse.forms, "3B", at)
    listed = chart_alerts.alerts(nurse.db, nurse.forms, inside, at, "en", ward="3B").alerts
    assert [alert.said for alert in listed if alert.form_id == "fluid_balance"] == [[OVER]]
    said = fluid_balance.handover(nurse.db, nurse.forms, census.in_patients(nurse.db, nurse.forms, at=at), at,
                                  "en")[patient]
    assert said == ("FLUID BALANCE: 28/11–29/11 07:00 +1200 mL (in 1200, out 0); since 07:00 +1600 mL (in 1600, "
                    "out 0); cumulative since 28/11 07:00 +2800 mL; Fluid restriction: no more than 1500 mL in 24 "
                    f"hours (Dr Benali, 28/11 09:30); {OVER}")


def test_the_printed_chart_puts_the_volume_in_its_hour_on_the_wards_clock(session_for, patient, clock, tmp_path):
    nurse = _charted_across_utc(session_for, patient, clock)
    grid = pdf_pages(printing.print_fluid_chart(nurse, patient, date(2026, 11, 29), tmp_path / "fluid.pdf"))[0]
    assert OVER in grid and "(Dr Benali, 28/11 09:30)" in grid
    assert "Initials 07–08 1000 1000 +1000 HL 08–09 600 600 +1600 HL 09–10" in grid
    day_before = pdf_pages(printing.print_fluid_chart(nurse, patient, date(2026, 11, 28), tmp_path / "before.pdf"))
    assert "OVER THE FLUID RESTRICTION" not in day_before[0] and "In 1200 mL" in day_before[0]


def test_a_bag_given_and_a_weight_typed_in_utc_are_said_on_the_wards_clock(session_for, medication_ward, clock):
    patient = medication_ward[0]
    saline = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Sodium chloride 0.9 %", "dose": 1000.0, "dose_unit": "mL", "route": "IV", "frequency": "scheduled",
        "times": "10:00", "start_at": "2026-11-28T09:00+01:00", "controlled": False, "high_alert": False},
        patient_id=patient)
    nurse = session_for("nurse")
    medication.record_dose(nurse, saline.record_id, {
        "outcome": "given", "given_at": "2026-11-28T09:05+00:00", "dose_given": 1000.0, "route": "IV",
        "scheduled_for": "2026-11-28T10:00+01:00"})
    waiting = fluid_balance.given_not_charted(nurse.db, patient, date(2026, 11, 28))
    assert [one.text("en") for one in waiting] == ["10:05 Sodium chloride 0.9 % 1000 mL"]
    clock.advance(hours=11)  # 29/11 01:00
    records.save_new(nurse, "weight", {"weighed_at": "2026-11-28T23:30+00:00", "weight_kg": 62.0,
                                       "method": "measured"}, patient_id=patient)
    summary = census.patient_with_location(nurse.db, nurse.forms, patient)
    assert fluid_balance.weight_words(nurse.db, nurse.forms, summary, "en").startswith("Weight 62 kg (29/11)")
