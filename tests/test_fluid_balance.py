"""The fluid balance chart: each volume measured in or out is a record, charted by the hour over
the chart's day (07:00 to 07:00), its columns, hours and day totalled by the app; an amended or
withdrawn volume changes the sums; the export sends each volume to the EHR in millilitres."""

import json
import re
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from fhir.resources.R4B.nutritionorder import NutritionOrder
from fhir.resources.R4B.observation import Observation
from hypothesis import given, strategies as st
from pypdf import PdfReader

from downtime.domain import elapsed
from downtime.domain.fluid_balance import (HOURLY, HOURS, INTAKE, IRRIGATION, JUDGED_FOR, OLIGURIA_BELOW, OUTPUT, ROUTES,
                                           Measure, UrineOutput, chart_day, day_hours, fluid_day, signed_ml,
                                           urine_output)
from downtime.domain.medication import Check
from downtime.services import census, chart_alerts, fluid_balance, medication, printing, records, wards
from downtime.services.errors import PermissionDenied, ServiceError, ValidationFailed
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes

PARIS = timezone(timedelta(hours=1))
BAG = {"measured_at": "2026-11-28T10:00+01:00", "route": "in_iv", "volume": 1000, "what": "Sodium chloride 0.9 % bag 1"}


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=PARIS)


def test_a_volume_is_on_the_chart_of_the_day_that_began_at_seven():
    assert chart_day(_at(28, 7)) == date(2026, 11, 28)
    assert chart_day(_at(29, 6, 59)) == date(2026, 11, 28)
    assert [hour for hour in HOURS[:2]] == [7, 8] and HOURS[-1] == 6


def test_the_chart_adds_each_hour_carries_the_balance_and_totals_each_column():
    chart = fluid_day(date(2026, 11, 28), [
        Measure(_at(28, 8, 10), "in_oral", 200), Measure(_at(28, 8, 50), "in_oral", 150),
        Measure(_at(28, 9, 0), "in_iv", 1000), Measure(_at(28, 9, 30), "out_urine", 400),
        Measure(_at(29, 3, 0), "out_vomit", 250),
        Measure(_at(29, 7, 0), "out_urine", 900),  # the next day's chart
        Measure(_at(28, 6, 0), "in_iv", 500),  # the day before's
    ])
    eight, nine = chart.hours[1], chart.hours[2]
    assert (eight.hour, dict(eight.volumes), eight.intake, eight.output, eight.balance) == (8, {"in_oral": 350}, 350, 0, 350)
    assert (nine.intake, nine.output, nine.balance) == (1000, 400, 950)
    assert not chart.hours[0].measured and chart.hours[0].balance == 0
    three = chart.hours[HOURS.index(3)]
    assert three.output == 250 and three.balance == 700 and chart.last_hour is three
    assert (chart.intake, chart.output, chart.balance) == (1350, 650, 700)
    assert chart.totals["in_oral"] == 350 and chart.totals["out_vomit"] == 250 and chart.totals["out_drain"] == 0


def test_a_balance_is_written_with_its_sign():
    assert [signed_ml(650), signed_ml(-1200), signed_ml(0)] == ["+650 mL", "−1200 mL", "0 mL"]


def test_a_measure_refuses_what_no_chart_has():
    with pytest.raises(ValueError):
        Measure(_at(28, 8), "in_mouth", 100)
    with pytest.raises(ValueError):
        Measure(_at(28, 8), "in_oral", -5)


@given(st.lists(st.tuples(st.integers(0, 47), st.integers(0, 59), st.sampled_from(ROUTES), st.integers(0, 5000)),
                max_size=60))
def test_whatever_is_measured_the_sums_agree_with_each_other(drawn):
    start = _at(28, 7)
    measures = [Measure(start + timedelta(hours=hours, minutes=minutes), route, volume)
                for hours, minutes, route, volume in drawn]
    chart = fluid_day(date(2026, 11, 28), measures)
    on_day = [m for m in measures if m.at < start + timedelta(days=1)]
    assert chart.intake == sum(m.volume for m in on_day if m.route in INTAKE) == sum(chart.totals[r] for r in INTAKE)
    assert chart.output == sum(m.volume for m in on_day if m.route in OUTPUT) == sum(chart.totals[r] for r in OUTPUT)
    assert chart.irrigation == sum(m.volume for m in on_day if m.route == IRRIGATION) == chart.totals[IRRIGATION]
    assert chart.hours[-1].balance == chart.balance == chart.intake + chart.irrigation - chart.output
    assert all(later.balance - earlier.balance == later.intake + later.irrigation - later.output
               for earlier, later in zip(chart.hours, chart.hours[1:]))


def test_the_patients_chart_is_worked_out_from_the_standing_volumes(session_for, patient):
    nurse = session_for("nurse")
    bag = records.save_new(nurse, "fluid_balance", BAG, patient_id=patient)
    records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-28T11:20+01:00", "route": "out_urine",
                                              "volume": 300}, patient_id=patient)
    spilt = records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-28T12:00+01:00", "route": "in_oral",
                                                      "volume": 200}, patient_id=patient)
    day = fluid_balance.day_chart(nurse.db, patient, date(2026, 11, 28))
    assert (day.chart.intake, day.chart.output, day.chart.balance) == (1200, 300, 900)
    assert [one.record.record_id for one in day.entries][0] == bag.record_id and day.days == [date(2026, 11, 28)]
    records.amend(nurse, bag.record_id, {**BAG, "volume": 500}, "Bag stopped half-way: 500 mL in, not 1000")
    records.mark_entered_in_error(nurse, spilt.record_id, "Wrong patient")
    day = fluid_balance.day_chart(nurse.db, patient, date(2026, 11, 28))
    assert (day.chart.intake, day.chart.output, day.chart.balance) == (500, 300, 200)
    assert fluid_balance.summary(day.chart, "en") == "In 500 mL — out 300 mL — balance +200 mL (measured up to the 11:00 hour)"
    assert fluid_balance.summary(day.chart, "fr") == ("Entrées 500 mL — sorties 300 mL — bilan +200 mL "
                                                      "(mesures jusqu’à la tranche de 11 h)")
    assert fluid_balance.day_words(date(2026, 11, 28), "en") == "24 hours from 28/11/2026 07:00 to 29/11/2026 07:00"
    empty = fluid_balance.day_chart(nurse.db, patient, date(2026, 11, 27))
    assert not empty.entries and fluid_balance.summary(empty.chart, "en") == "Nothing measured on this chart's day."


def test_the_volume_and_its_route_are_required_and_only_carers_record_them_while_the_patient_is_in(session_for, patient):
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "fluid_balance", {"measured_at": BAG["measured_at"]}, patient_id=patient)
    assert {error.path for error in refused.value.errors} == {"route", "volume"}
    with pytest.raises(ValidationFailed):
        records.save_new(nurse, "fluid_balance", {**BAG, "volume": 6000}, patient_id=patient)
    with pytest.raises(PermissionDenied):
        records.save_new(session_for("coord"), "fluid_balance", BAG, patient_id=patient)
    with pytest.raises(ServiceError, match="Date and time"):
        records.save_new(nurse, "fluid_balance", {**BAG, "measured_at": "2026-11-28T08:00+01:00"}, patient_id=patient)
    assert records.save_new(session_for("doctor"), "fluid_balance", {**BAG, "volume": 0, "route": "out_urine"},
                            patient_id=patient).data["volume"] == 0


def test_the_export_sends_each_volume_in_millilitres_in_its_stay(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    bag = records.save_new(nurse, "fluid_balance", BAG, patient_id=patient)
    urine = records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-28T11:20+01:00", "route": "out_urine",
                                                      "volume": 300}, patient_id=patient)
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    check_codes(bundle)
    by_id = {entry["resource"]["id"]: entry["resource"] for entry in bundle["entry"]}
    infused, passed = Observation.model_validate(by_id[bag.record_id]), Observation.model_validate(by_id[urine.record_id])
    assert infused.code.text == "Fluid intake: intravenous" and passed.code.text == "Fluid output: urine"
    assert (infused.valueQuantity.value, infused.valueQuantity.code, infused.valueQuantity.system) == (
        1000, "mL", "http://unitsofmeasure.org")
    assert infused.note[0].text == "Sodium chloride 0.9 % bag 1" and not passed.note
    assert infused.effectiveDateTime.isoformat() == "2026-11-28T10:00:00+01:00"
    admission = records.list_current(nurse.db, form_id="admission")[0]
    assert infused.encounter.reference == f"urn:uuid:{admission.record_id}"


def test_the_handover_sheet_gives_the_last_whole_day_and_the_chart_under_way(session_for, admission_values, tmp_path):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-27T21:00+01:00"}).patient_id
    for at, route, volume in (("2026-11-27T22:00", "in_iv", 500), ("2026-11-28T06:00", "out_urine", 200),
                              ("2026-11-28T10:00", "in_iv", 1000)):
        records.save_new(nurse, "fluid_balance", {"measured_at": f"{at}+01:00", "route": route, "volume": volume},
                         patient_id=patient)
    said = ("FLUID BALANCE: 27/11–28/11 07:00 +300 mL (in 500, out 200); since 07:00 +1000 mL (in 1000, out 0); "
            "cumulative since 27/11 07:00 +1300 mL")
    patients = [census.patient_with_location(nurse.db, nurse.forms, patient)]
    assert fluid_balance.handover(nurse.db, nurse.forms, patients, nurse.clock(), "en") == {patient: said}
    assert fluid_balance.handover(nurse.db, nurse.forms, patients, _at(30, 8), "en") == {}  # nothing in two days
    text = " ".join(" ".join(page.extract_text().split()) for page in
                    PdfReader(printing.print_census(nurse, tmp_path / "census.pdf", "3B")).pages)
    assert said in text


def test_the_records_office_reads_each_volume_on_its_line(tmp_path, laptop, admission_values):
    from tests.test_back_entry import _office_lines

    nurse, ward_clerk = laptop(tmp_path / "ward3b.sqlite", 11)
    admitted = records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-28T09:00+01:00"})
    bag = records.save_new(nurse, "fluid_balance", BAG, patient_id=admitted.patient_id)
    line = _office_lines(tmp_path, laptop, ward_clerk)[bag.record_id]
    for said in ("In or out: In: intravenous", "Volume: 1000 mL", "What (the fluid, bag or drain): Sodium chloride 0.9 % bag 1"):
        assert said in line, line


def test_urine_below_half_a_millilitre_per_kilogram_an_hour_for_six_hours_is_low_only_when_measured_hourly():
    at = _at(28, 14, 20)
    hourly = [Measure(_at(28, hour, 30), "out_urine", 25) for hour in range(8, 14)]
    low = urine_output(hourly, 80.0, at)
    # The first reading of a run holds its hour's urine: 07:30 to 13:30.
    assert (low.since, low.until, low.volume, round(low.per_kg_hour, 3), low.low) == (
        _at(28, 7, 30), _at(28, 13, 30), 150, 0.312, True)
    assert not urine_output([*hourly, Measure(_at(28, 9, 45), "out_urine", 100)], 80.0, at).low  # 250 mL: 0.52
    assert urine_output(hourly[1:], 80.0, at) is None  # five hours read: nothing to judge yet
    assert urine_output([*hourly[1:], Measure(_at(28, 8, 25), "out_urine", 0)], 80.0, at).volume == 125  # 0 mL: a measure
    assert urine_output([*hourly[:2], *hourly[3:]], 80.0, at) is None  # 10:30 missed: not an empty bag
    assert urine_output(hourly, 80.0, _at(28, 15, 30)) is None  # the 14:30 reading an hour late: missed
    assert urine_output(hourly, 80.0, _at(28, 12, 59)) is None  # 13:30 not read yet
    assert urine_output([Measure(_at(28, hour, 30), "in_iv", 100) for hour in range(8, 14)], 80.0, at) is None


def test_hourly_readings_a_few_minutes_early_or_late_are_judged_by_the_span_they_cover():
    """A bag read at 10:58 instead of 11:00 put two readings in one clock-hour and none in the
    next: six hourly readings of 10 mL for 80 kg (0.125 mL/kg/h) were never judged."""
    readings = [_at(28, 8), _at(28, 9), _at(28, 10), _at(28, 10, 58), _at(28, 12), _at(28, 13)]
    output = urine_output([Measure(at, "out_urine", 10) for at in readings], 80.0, _at(28, 14, 20))
    assert (output.since, output.until, output.volume, output.low) == (_at(28, 7), _at(28, 13), 60, True)


def test_readings_on_the_hour_are_judged_on_the_last_six_not_the_hour_before_them():
    """Each reading holds the urine since the one before: at 14:20 the last six are 09:00 to 14:00
    (100 mL, 0.21 mL/kg/h for 80 kg); the 08:00 reading (07:00 to 08:00, 200 mL) is not of them,
    and the dry 14:00 bag is."""
    volumes = {8: 200, 9: 20, 10: 20, 11: 20, 12: 20, 13: 20, 14: 0}
    output = urine_output([Measure(_at(28, hour), "out_urine", volume) for hour, volume in volumes.items()], 80.0,
                          _at(28, 14, 20))
    assert (output.since, output.until, output.volume, output.low) == (_at(28, 8), _at(28, 14), 100, True)


@given(st.lists(st.tuples(st.integers(0, 300), st.integers(0, 500)), max_size=12), st.floats(2.0, 250.0))
def test_the_urine_judged_is_that_of_the_last_readings_covering_six_hours_each_within_the_hour(found, weight):
    """Readings drawn at any minute from 08:00: judged exactly when the last ones run an hour
    (`HOURLY`) or less apart back six hours from the newest, the newest read less than
    `JUDGED_FOR` before."""
    at = _at(28, 14, 20)
    measures = [Measure(_at(28, 8) + timedelta(minutes=minute), "out_urine", volume) for minute, volume in found]
    output = urine_output(measures, weight, at)
    read = sorted({measure.at for measure in measures}, reverse=True)
    volume, expected = 0, None
    for index, moment in enumerate(read):
        before = read[index + 1] if index + 1 < len(read) and moment - read[index + 1] <= HOURLY else None
        volume += sum(measure.volume for measure in measures if measure.at == moment)
        if read[0] - (before or moment - timedelta(hours=1)) >= timedelta(hours=6):
            expected = volume
            break
        if before is None:
            break
    if not read or at - read[0] >= JUDGED_FOR or expected is None:
        assert output is None
    else:
        assert output.volume == expected and output.until == read[0]
        assert output.hours >= 6 and output.low == (output.volume < 0.5 * weight * output.hours)


def test_the_urine_judged_is_the_catheters_less_the_bladder_irrigation_run_in():
    """A three-way catheter after a TURP: 500 mL of irrigant an hour, 510 mL in the bag: 10 mL of
    urine an hour for 61.5 kg (0.16 mL/kg/h) is low, however full the bag; irrigant is no intake,
    on the balance it comes out as it went in."""
    measures = [one for hour in range(8, 14) for one in (Measure(_at(28, hour, 50), IRRIGATION, 500),
                                                         Measure(_at(28, hour + 1), "out_urine", 510))]
    output = urine_output(measures, 61.5, _at(28, 14, 20))
    assert (output.volume, output.low) == (60, True)
    chart = fluid_day(date(2026, 11, 28), measures)
    assert (chart.intake, chart.irrigation, chart.output, chart.balance, chart.true_urine) == (0, 3000, 3060, -60, 60)


def test_the_fluid_tab_handover_and_escalation_call_out_a_low_urine_output(session_for, admission_values, clock):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", {**admission_values, "weight_kg": 80.0,
                                                    "arrival_at": "2026-11-28T06:00+01:00"}).patient_id
    for hour in range(8, 14):
        records.save_new(nurse, "fluid_balance", {"measured_at": f"2026-11-28T{hour:02d}:30+01:00", "route": "out_urine",
                                                  "volume": 20}, patient_id=patient)
    patients = [census.patient_with_location(nurse.db, nurse.forms, patient)]
    said = ("LOW URINE OUTPUT: 120 mL in 6 hours since 28/11 07:30 (0.25 mL/kg/h for 80 kg, below 0.5): tell the "
            "doctor")
    assert fluid_balance.handover(nurse.db, nurse.forms, patients, nurse.clock(), "en")[patient].endswith(said)
    found = chart_alerts.alerts(nurse.db, nurse.forms, census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock()),
                                nurse.clock(), "en", ward="3B")
    assert [(alert.form_id, alert.latest, alert.said) for alert in found.alerts] == [
        ("fluid_balance", "Urine 120 mL in 6 hours since 28/11 07:30", [said])]
    assert found.next_due.isoformat() == "2026-11-28T15:30:00+01:00"  # the 14:30 reading an hour late


def test_the_urine_per_kilogram_is_of_the_latest_weight(session_for, patient, clock):
    """The admission's weight as the patient told it (61.5 kg), 70 kg on the ward's scales at
    the nutrition screening: 198 mL in 6 hours is 0.54 mL/kg/h of the one, 0.47 of the other, an
    oliguria the chart did not tell."""
    nurse = session_for("nurse")
    clock.advance(hours=1, minutes=5)
    for hour in range(9, 15):
        records.save_new(nurse, "fluid_balance", {"measured_at": f"2026-11-28T{hour:02d}:30+01:00", "route": "out_urine",
                                                  "volume": 33}, patient_id=patient)
    patients = [census.patient_with_location(nurse.db, nurse.forms, patient)]
    assert "LOW URINE" not in fluid_balance.handover(nurse.db, nurse.forms, patients, nurse.clock(), "en")[patient]
    records.save_new(nurse, "nutrition_screening", {
        "screened_at": "2026-11-28T13:00+01:00", "weight_kg": 70.0, "weight_confirmed_kg": 70.0, "height_cm": 158,
        "weight_loss": "under_5", "acute_no_intake": False}, patient_id=patient)
    assert ("LOW URINE OUTPUT: 198 mL in 6 hours since 28/11 08:30 (0.47 mL/kg/h for 70 kg, below 0.5)"
            in fluid_balance.handover(nurse.db, nurse.forms, patients, nurse.clock(), "en")[patient])


def test_a_low_urine_output_never_reads_as_the_threshold_it_is_below():
    """209 mL in 6 hours for 70 kg is 0.498 mL/kg/h: rounded, it read "(0.5 mL/kg/h for 70 kg,
    below 0.5)", a call the figure beside it contradicted."""
    output = UrineOutput(_at(28, 8), _at(28, 14), 209, 70.0)
    assert "(0.49 mL/kg/h for 70 kg, below 0.5)" in fluid_balance.urine_words(output, "en")
    assert "(0,49 mL/kg/h pour 70 kg, moins de 0,5)" in fluid_balance.urine_words(output, "fr")


@given(st.integers(1, 2000), st.integers(5, 3000), st.integers(0, 120))
def test_the_urine_per_kilogram_shown_is_the_hundredth_at_or_under_the_rate(volume, tenths_kg, minutes):
    output = UrineOutput(_at(28, 8), elapsed.later(_at(28, 14), timedelta(minutes=minutes)), volume, tenths_kg / 10)
    if output.low:
        shown = float(re.search(r"\(([\d.]+) mL/kg/h for", fluid_balance.urine_words(output, "en"))[1])
        assert shown < OLIGURIA_BELOW and output.per_kg_hour - 0.01 < shown <= output.per_kg_hour


def test_the_chart_under_way_printed_says_a_low_urine_output(session_for, patient, clock, tmp_path):
    nurse = session_for("nurse")
    clock.advance(hours=1, minutes=5)
    for hour in range(9, 15):
        records.save_new(nurse, "fluid_balance", {"measured_at": f"2026-11-28T{hour:02d}:30+01:00", "route": "out_urine",
                                                  "volume": 15}, patient_id=patient)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(
        printing.print_fluid_chart(nurse, patient, date(2026, 11, 28), tmp_path / "fluid.pdf")).pages)
    assert ("LOW URINE OUTPUT: 90 mL in 6 hours since 28/11 08:30 (0.24 mL/kg/h for 61.5 kg, below 0.5): tell the "
            "doctor") in text
    assert ("less than 0.5 mL per kg an hour for 6 hours, tell the doctor; no urine at all, check the catheter is not "
            "blocked and tell the doctor.") in text
    earlier = " ".join(PdfReader(printing.print_fluid_chart(nurse, patient, date(2026, 11, 27),
                                                            tmp_path / "before.pdf")).pages[0].extract_text().split())
    assert "LOW URINE OUTPUT" not in earlier


PLAN = {"decided_at": "2026-11-28T09:30+01:00", "kind": "restriction", "volume": 1500, "decided_by": "Dr Benali",
        "notes": "Heart failure"}


def test_a_restriction_measures_the_days_intake_and_says_when_it_is_exceeded(session_for, patient, clock, tmp_path):
    nurse = session_for("nurse")
    records.save_new(nurse, "fluid_plan", PLAN, patient_id=patient)
    for at, volume in (("10:00", 1000), ("12:00", 200)):
        records.save_new(nurse, "fluid_balance", {"measured_at": f"2026-11-28T{at}+01:00", "route": "in_iv",
                                                  "volume": volume}, patient_id=patient)
    patients = [census.patient_with_location(nurse.db, nurse.forms, patient)]
    plan = fluid_balance.day_plan(nurse.db, patient, date(2026, 11, 28), nurse.clock())
    chart = fluid_balance.day_chart(nurse.db, patient, date(2026, 11, 28)).chart
    assert fluid_balance.plan_words(plan, chart, "en") == (
        "Fluid restriction: no more than 1500 mL in 24 hours (Dr Benali, 28/11 09:30): 1200 mL in, 300 mL left", [])
    assert fluid_balance.handover(nurse.db, nurse.forms, patients, nurse.clock(), "fr")[patient].endswith(
        "Restriction hydrique : pas plus de 1500 mL en 24 heures (Dr Benali, 28/11 09:30) : 1200 mL entrés, "
        "300 mL restants")
    records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-28T13:00+01:00", "route": "in_oral",
                                              "volume": 400}, patient_id=patient)
    chart = fluid_balance.day_chart(nurse.db, patient, date(2026, 11, 28)).chart
    assert fluid_balance.plan_words(plan, chart, "en")[1] == [
        "OVER THE FLUID RESTRICTION: 1600 mL in, 1500 mL allowed: tell the doctor"]
    pages = PdfReader(printing.print_fluid_chart(nurse, patient, date(2026, 11, 28), tmp_path / "fluid.pdf")).pages
    assert len(pages) == 2  # the chart on its page, the volumes on the next
    text = " ".join(pages[0].extract_text().split())
    assert "Fluid restriction: no more than 1500 mL in 24 hours (Dr Benali, 28/11 09:30)" in text
    assert "OVER THE FLUID RESTRICTION: 1600 mL in, 1500 mL allowed: tell the doctor" in text
    records.save_new(nurse, "fluid_plan", {"decided_at": "2026-11-28T13:30+01:00", "kind": "target", "volume": 2000,
                                           "decided_by": "Dr Benali"}, patient_id=patient)
    later = fluid_balance.day_plan(nurse.db, patient, date(2026, 11, 28), nurse.clock())
    assert fluid_balance.plan_words(later, chart, "en") == (
        "Fluid target: at least 2000 mL in 24 hours (Dr Benali, 28/11 13:30): 1600 mL in, 400 mL to go", [])
    records.save_new(nurse, "fluid_plan", {"decided_at": "2026-11-28T13:45+01:00", "kind": "lifted",
                                           "decided_by": "Dr Benali"}, patient_id=patient)
    assert fluid_balance.day_plan(nurse.db, patient, date(2026, 11, 28), nurse.clock()) is None
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "fluid_plan", {**PLAN, "volume": None}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["volume"]


def test_the_export_sends_each_restriction_or_target_as_a_nutrition_order_completed_by_the_next(session_for, patient,
                                                                                              tmp_path):
    nurse = session_for("nurse")
    first = records.save_new(nurse, "fluid_plan", PLAN, patient_id=patient)
    lifted = records.save_new(nurse, "fluid_plan", {"decided_at": "2026-11-28T11:00+01:00", "kind": "lifted",
                                                    "decided_by": "Dr Benali"}, patient_id=patient)
    second = records.save_new(nurse, "fluid_plan", {**PLAN, "decided_at": "2026-11-28T12:00+01:00", "kind": "target",
                                                    "volume": 2500, "notes": ""}, patient_id=patient)
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    check_codes(bundle)
    by_id = {entry["resource"]["id"]: entry["resource"] for entry in bundle["entry"]}
    ended, standing = (NutritionOrder.model_validate(by_id[one.record_id]) for one in (first, second))
    assert (ended.status, ended.oralDiet.type[0].text, float(ended.oralDiet.nutrient[0].amount.value),
            ended.oralDiet.instruction) == ("completed", "Fluid restriction: no more than 1500 mL in 24 hours", 1500,
                                            "Decided by Dr Benali. Heart failure")
    assert (standing.status, standing.oralDiet.type[0].text) == ("active", "Fluid target: at least 2500 mL in 24 hours")
    assert lifted.record_id not in by_id
    targets = {target["reference"] for entry in bundle["entry"] if entry["resource"]["resourceType"] == "Provenance"
               for target in entry["resource"]["target"]}
    assert f"urn:uuid:{first.record_id}" in targets


def test_a_bag_given_on_the_medication_chart_is_offered_until_charted_as_a_volume(session_for, medication_ward, clock):
    """A bag is recorded on the MAR when hung and typed again on the fluid chart: the tab offers it."""
    patient, amoxicillin, _ = medication_ward
    doctor, nurse = session_for("doctor"), session_for("nurse")
    saline = records.save_new(doctor, "medication_order", {
        "drug": "Sodium chloride 0.9 %", "dose": 1000.0, "dose_unit": "mL", "route": "IV", "frequency": "scheduled",
        "times": "10:00 18:00", "start_at": "2026-11-28T09:00+01:00", "controlled": False, "high_alert": False},
        patient_id=patient)
    medication.record_dose(nurse, saline.record_id, {"outcome": "given", "given_at": "2026-11-28T10:05+01:00",
                                                     "dose_given": 1000.0, "route": "IV",
                                                     "scheduled_for": "2026-11-28T10:00+01:00"})
    medication.record_dose(nurse, amoxicillin, {"outcome": "given", "given_at": "2026-11-28T08:05+01:00",
                                                "dose_given": 1.0, "route": "IV", "scheduled_for": "2026-11-28T08:00+01:00"},
                           overrides={Check.ALLERGY: "tolerated before"})
    waiting = fluid_balance.given_not_charted(nurse.db, patient, date(2026, 11, 28))
    assert [one.text("en") for one in waiting] == ["10:05 Sodium chloride 0.9 % 1000 mL"]  # not the amoxicillin in g
    assert fluid_balance.given_words(waiting, "fr") == (
        "Administré sur le plan d’administration, pas encore sur cette feuille : 10:05 Sodium chloride 0.9 % 1000 mL")
    answers = waiting[0].answers()
    assert {key: answers[key] for key in ("route", "volume", "what")} == {
        "route": "in_iv", "volume": 1000, "what": "Sodium chloride 0.9 %"}
    records.save_new(nurse, "fluid_balance", {**answers, "measured_at": "2026-11-28T13:50+01:00"}, patient_id=patient)
    assert fluid_balance.given_not_charted(nurse.db, patient, date(2026, 11, 28)) == []
    assert fluid_balance.given_not_charted(nurse.db, patient, date(2026, 11, 27)) == []


def _saline_given(session_for, patient, at="2026-11-28T10:05+01:00"):
    """A litre of sodium chloride 0.9 % prescribed IV at 10:00 and given on the medication chart at
    `at`; returns the dose's answers as the fluid tab charts it (Given.answers)."""
    saline = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Sodium chloride 0.9 %", "dose": 1000.0, "dose_unit": "mL", "route": "IV", "frequency": "scheduled",
        "times": "10:00", "start_at": "2026-11-28T09:00+01:00", "controlled": False, "high_alert": False},
        patient_id=patient)
    medication.record_dose(session_for("nurse"), saline.record_id, {
        "outcome": "given", "given_at": at, "dose_given": 1000.0, "route": "IV",
        "scheduled_for": "2026-11-28T10:00+01:00"})
    nurse = session_for("nurse")
    return fluid_balance.given_not_charted(nurse.db, patient, chart_day(datetime.fromisoformat(at)))[0].answers()


def _handed_over(nurse, patient, lang="en", at=None):
    patients = [census.patient_with_location(nurse.db, nurse.forms, patient)]
    return fluid_balance.handover(nurse.db, nurse.forms, patients, at or nurse.clock(), lang).get(patient)


def test_a_bag_given_on_the_medication_chart_counts_against_the_restriction_until_charted(session_for,
                                                                                           medication_ward):
    """1500 mL allowed, 800 mL drunk on the fluid chart and a litre bag given on the medication
    chart: the handover read "800 mL in, 700 mL left" and never named the bag."""
    patient = medication_ward[0]
    nurse = session_for("nurse")
    records.save_new(nurse, "fluid_plan", PLAN, patient_id=patient)
    bag = _saline_given(session_for, patient)
    records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-28T12:00+01:00", "route": "in_oral",
                                              "volume": 800}, patient_id=patient)
    assert _handed_over(nurse, patient) == (
        "FLUID BALANCE: since 07:00 +800 mL (in 800, out 0); Given on the medication chart, not on this chart yet: "
        "10:05 Sodium chloride 0.9 % 1000 mL; Fluid restriction: no more than 1500 mL in 24 hours (Dr Benali, "
        "28/11 09:30); OVER THE FLUID RESTRICTION: 800 mL in (+1000 mL given on the medication chart, not on this "
        "chart), 1500 mL allowed: tell the doctor")
    assert _handed_over(nurse, patient, "fr").endswith(
        "RESTRICTION HYDRIQUE DÉPASSÉE : 800 mL entrés (+1000 mL administrés sur le plan d’administration, pas sur "
        "cette feuille), 1500 mL autorisés : prévenir le médecin")
    chart = fluid_balance.day_chart(nurse.db, patient, date(2026, 11, 28)).chart
    judged = fluid_balance.judged_day(nurse.db, patient, chart, nurse.clock(), "en")
    assert [one.text("en") for one in judged.given] == ["10:05 Sodium chloride 0.9 % 1000 mL"]
    assert (judged.plan, judged.asks) == (
        "Fluid restriction: no more than 1500 mL in 24 hours (Dr Benali, 28/11 09:30)",
        ["OVER THE FLUID RESTRICTION: 800 mL in (+1000 mL given on the medication chart, not on this chart), "
         "1500 mL allowed: tell the doctor"])
    # Charted from the tab, it names its dose: counted once, on the chart.
    records.save_new(nurse, "fluid_balance", {**bag, "measured_at": "2026-11-28T13:50+01:00"}, patient_id=patient)
    assert _handed_over(nurse, patient) == (
        "FLUID BALANCE: since 07:00 +1800 mL (in 1800, out 0); Fluid restriction: no more than 1500 mL in 24 hours "
        "(Dr Benali, 28/11 09:30); OVER THE FLUID RESTRICTION: 1800 mL in, 1500 mL allowed: tell the doctor")
    chart = fluid_balance.day_chart(nurse.db, patient, date(2026, 11, 28)).chart
    assert fluid_balance.judged_day(nurse.db, patient, chart, nurse.clock(), "en").given == []


def test_a_bag_typed_by_hand_on_the_fluid_chart_is_counted_once(session_for, medication_ward):
    """The litre given at 10:05 on the medication chart and typed again by hand at 12:00 on the
    fluid chart (the form, not the tab's offer: no dose named) was counted on both: 1300 mL drunk
    and run of 1500 allowed read "OVER THE FLUID RESTRICTION" and the doctor was called."""
    patient = medication_ward[0]
    nurse = session_for("nurse")
    records.save_new(nurse, "fluid_plan", PLAN, patient_id=patient)
    _saline_given(session_for, patient)
    records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-28T12:00+01:00", "route": "in_iv",
                                              "volume": 1000, "what": "Sodium chloride 0.9 %"}, patient_id=patient)
    records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-28T12:30+01:00", "route": "in_oral",
                                              "volume": 300}, patient_id=patient)
    assert _handed_over(nurse, patient) == (
        "FLUID BALANCE: since 07:00 +1300 mL (in 1300, out 0); Fluid restriction: no more than 1500 mL in 24 hours "
        "(Dr Benali, 28/11 09:30): 1300 mL in, 200 mL left")
    assert fluid_balance.restrictions_exceeded(nurse.db, [patient], nurse.clock(), "en") == {}
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    listed = chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en", ward="3B").alerts
    assert [alert for alert in listed if alert.form_id == "fluid_balance"] == []
    chart = fluid_balance.day_chart(nurse.db, patient, date(2026, 11, 28)).chart
    assert fluid_balance.judged_day(nurse.db, patient, chart, nurse.clock(), "en") == fluid_balance.Judged(
        "Fluid restriction: no more than 1500 mL in 24 hours (Dr Benali, 28/11 09:30): 1300 mL in, 200 mL left", [], [])


def test_a_volume_typed_by_hand_charts_one_bag_of_its_route_and_volume_given_before_it_that_day(session_for,
                                                                                                 medication_ward):
    """Typed by hand, a volume names no dose: it is taken for a bag only by what it says, and for
    one bag only, the oldest of its chart's day, else one still running from the day before; any
    other volume leaves the bags offered to chart."""
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    saline = records.save_new(doctor, "medication_order", {
        "drug": "Sodium chloride 0.9 %", "dose": 1000.0, "dose_unit": "mL", "route": "IV", "frequency": "scheduled",
        "times": "10:00 12:00", "start_at": "2026-11-27T09:00+01:00", "controlled": False, "high_alert": False},
        patient_id=patient).record_id
    for slot, given_at in (("27T12:00", "27T12:05"), ("28T10:00", "28T10:05"), ("28T12:00", "28T12:05")):
        medication.record_dose(nurse, saline, {"outcome": "given", "given_at": f"2026-11-{given_at}+01:00",
                                               "dose_given": 1000.0, "route": "IV",
                                               "scheduled_for": f"2026-11-{slot}+01:00"})

    def waiting(day: int) -> list[str]:
        return [one.text("en") for one in fluid_balance.given_not_charted(nurse.db, patient, date(2026, 11, day))]

    for at, route, volume in (("28T13:00", "in_iv", 500), ("28T13:00", "in_enteral", 1000)):
        records.save_new(nurse, "fluid_balance", {"measured_at": f"2026-11-{at}+01:00", "route": route,
                                                  "volume": volume}, patient_id=patient)
    assert waiting(27) == ["12:05 Sodium chloride 0.9 % 1000 mL"]
    assert waiting(28) == ["10:05 Sodium chloride 0.9 % 1000 mL", "12:05 Sodium chloride 0.9 % 1000 mL"]
    records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-28T13:30+01:00", "route": "in_iv",
                                              "volume": 1000}, patient_id=patient)
    assert waiting(28) == ["12:05 Sodium chloride 0.9 % 1000 mL"]
    assert waiting(27) == ["12:05 Sodium chloride 0.9 % 1000 mL"]  # the 28th's own bag first
    records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-28T07:30+01:00", "route": "in_iv",
                                              "volume": 1000}, patient_id=patient)  # the 27th's, run through
    assert (waiting(27), waiting(28)) == ([], ["12:05 Sodium chloride 0.9 % 1000 mL"])


def test_an_overnight_bag_typed_by_hand_when_it_ran_through_after_seven_is_counted_once(session_for,
                                                                                         medication_ward, clock):
    """A litre hung at 04:00 (the 28th's chart) over 8 hours and typed by hand at 12:00 on the
    29th, once run through: the 28th owed it for good, its morning handover said a false "OVER
    THE FLUID RESTRICTION" with the same litre counted on the 29th's chart too."""
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    records.save_new(nurse, "fluid_plan", PLAN, patient_id=patient)
    records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-28T12:00+01:00", "route": "in_oral",
                                              "volume": 800}, patient_id=patient)
    clock.now = _at(29, 4, 5)
    saline = records.save_new(doctor, "medication_order", {
        "drug": "Sodium chloride 0.9 %", "dose": 1000.0, "dose_unit": "mL", "route": "IV", "frequency": "once",
        "start_at": "2026-11-29T04:00+01:00", "controlled": False, "high_alert": False}, patient_id=patient)
    medication.record_dose(nurse, saline.record_id, {"outcome": "given", "given_at": "2026-11-29T04:00+01:00",
                                                     "dose_given": 1000.0, "route": "IV"})
    clock.now = _at(29, 12, 10)
    assert [one.text("en") for one in fluid_balance.given_not_charted(nurse.db, patient, date(2026, 11, 28))] == [
        "04:00 Sodium chloride 0.9 % 1000 mL"]
    records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-29T12:00+01:00", "route": "in_iv",
                                              "volume": 1000, "what": "Sodium chloride 0.9 %"}, patient_id=patient)
    assert fluid_balance.given_not_charted(nurse.db, patient, date(2026, 11, 28)) == []
    patients = [census.patient_with_location(nurse.db, nurse.forms, patient)]
    assert fluid_balance.handover(nurse.db, nurse.forms, patients, clock.now, "en")[patient] == (
        "FLUID BALANCE: 28/11–29/11 07:00 +800 mL (in 800, out 0); since 07:00 +1000 mL (in 1000, out 0); "
        "cumulative since 28/11 07:00 +1800 mL; Fluid restriction: no more than 1500 mL in 24 hours (Dr Benali, "
        "28/11 09:30): 1000 mL in, 500 mL left")


def test_a_restriction_with_only_bags_given_on_the_medication_chart_is_handed_over(session_for, medication_ward):
    """Nothing typed on the fluid chart yet: the restriction in force and the bag are said, and
    what is left of it counts the bag."""
    patient = medication_ward[0]
    nurse = session_for("nurse")
    records.save_new(nurse, "fluid_plan", {**PLAN, "volume": 2000}, patient_id=patient)
    assert _handed_over(nurse, patient) == (
        "FLUID BALANCE: Fluid restriction: no more than 2000 mL in 24 hours (Dr Benali, 28/11 09:30): 0 mL in, "
        "2000 mL left")
    _saline_given(session_for, patient)
    assert _handed_over(nurse, patient) == (
        "FLUID BALANCE: Given on the medication chart, not on this chart yet: 10:05 Sodium chloride 0.9 % 1000 mL; "
        "Fluid restriction: no more than 2000 mL in 24 hours (Dr Benali, 28/11 09:30): 0 mL in (+1000 mL given on "
        "the medication chart, not on this chart), 1000 mL left")


def test_the_printed_chart_lists_the_bags_given_on_the_medication_chart_under_its_sums(session_for, medication_ward,
                                                                                      tmp_path):
    from downtime.pdf.fluid_balance import fluid_chart_pdf
    from downtime.services.laptops import authors, laptops_known

    patient = medication_ward[0]
    nurse = session_for("nurse")
    _saline_given(session_for, patient)
    found = fluid_balance.day_chart(nurse.db, patient, date(2026, 11, 28))
    judged = fluid_balance.judged_day(nurse.db, patient, found.chart, nurse.clock(), "en")
    out = fluid_chart_pdf(census.patient_with_location(nurse.db, nurse.forms, patient), date(2026, 11, 28),
                          found.chart, found.entries, nurse.form(fluid_balance.FORM), tmp_path / "fluid.pdf",
                          authors=authors(nurse), laptops=laptops_known(nurse, set()), lang="en",
                          printed_by="Hélène Lefèvre", printed_at=nurse.clock(), device_name="3B",
                          given=judged.given)
    text = " ".join(PdfReader(out).pages[0].extract_text().split())
    assert ("Nothing measured on this chart's day. Given on the medication chart, not on this chart yet: 10:05 "
            "Sodium chloride 0.9 % 1000 mL") in text


def test_the_morning_handover_says_what_the_day_just_closed_asked_of_its_restriction_or_target(session_for, patient,
                                                                                                clock):
    """1900 mL in against 1500 allowed by 06:50: at 07:15 the chart under way read "0 mL in,
    1500 mL left" and the night's excess was handed over as a balance only."""
    nurse = session_for("nurse")
    records.save_new(nurse, "fluid_plan", PLAN, patient_id=patient)
    clock.now = _at(29, 3)
    for at, volume in ((_at(28, 13), 1000), (_at(29, 2), 900)):
        records.save_new(nurse, "fluid_balance", {"measured_at": at.isoformat(), "route": "in_iv", "volume": volume},
                         patient_id=patient)
    over = "OVER THE FLUID RESTRICTION: 1900 mL in, 1500 mL allowed: tell the doctor"
    assert _handed_over(nurse, patient, at=_at(29, 6, 50)).endswith(f"(Dr Benali, 28/11 09:30); {over}")
    assert _handed_over(nurse, patient, at=_at(29, 7, 15)) == (
        f"FLUID BALANCE: 28/11–29/11 07:00 +1900 mL (in 1900, out 0); 28/11–29/11 07:00: {over}; Fluid restriction: "
        "no more than 1500 mL in 24 hours (Dr Benali, 28/11 09:30): 0 mL in, 1500 mL left")
    assert "RESTRICTION HYDRIQUE DÉPASSÉE" in _handed_over(nurse, patient, "fr", at=_at(29, 7, 15))
    assert "OVER" not in _handed_over(nurse, patient, at=_at(30, 7, 15))  # the day just closed only
    records.save_new(nurse, "fluid_plan", {**PLAN, "decided_at": "2026-11-28T14:00+01:00", "kind": "target",
                                           "volume": 2500}, patient_id=patient)
    short = "FLUID TARGET NOT REACHED: 1900 mL in, at least 2500 mL asked: tell the doctor"
    assert _handed_over(nurse, patient, at=_at(29, 6, 50)).endswith("1900 mL in, 600 mL to go")
    assert f"28/11–29/11 07:00: {short}; Fluid target" in _handed_over(nurse, patient, at=_at(29, 7, 15))
    assert _handed_over(nurse, patient, "fr", at=_at(29, 7, 15)).count(
        "28/11–29/11 7 h : OBJECTIF HYDRIQUE NON ATTEINT : 1900 mL entrés, au moins 2500 mL prescrits : "
        "prévenir le médecin") == 1
    clock.now = _at(29, 7, 15)
    chart = fluid_balance.day_chart(nurse.db, patient, date(2026, 11, 28)).chart  # the closed day, printed or on the tab
    assert fluid_balance.judged_day(nurse.db, patient, chart, nurse.clock(), "en").asks == [short]


def test_a_restriction_kept_and_lifted_since_with_nothing_measured_is_not_handed_over(session_for, patient, clock):
    nurse = session_for("nurse")
    records.save_new(nurse, "fluid_plan", PLAN, patient_id=patient)
    clock.now = _at(29, 8, 30)
    records.save_new(nurse, "fluid_plan", {**PLAN, "decided_at": "2026-11-29T08:00+01:00", "kind": "lifted"},
                     patient_id=patient)
    assert _handed_over(nurse, patient) is None


def test_the_day_just_closed_of_the_stay_before_is_not_judged_against_its_restriction(readmitted, medication_ward,
                                                                                      clock):
    """Home at 21:00 on 27/11 with 1500 mL in against 1000 allowed, back at 12:00 on 28/11: that
    restriction ended with the stay (`plans`), and the day just closed asks nothing of it."""
    nurse, patient = readmitted, medication_ward[0]
    clock.now = _at(27, 20)
    records.save_new(nurse, "fluid_plan", {**PLAN, "decided_at": "2026-11-27T10:00+01:00", "volume": 1000},
                     patient_id=patient)
    records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-27T12:00+01:00", "route": "in_iv",
                                              "volume": 1500}, patient_id=patient)
    clock.now = _at(28, 14)
    assert _handed_over(nurse, patient) == "FLUID BALANCE: 27/11–28/11 07:00 +1500 mL (in 1500, out 0)"


def test_the_escalation_list_is_told_each_restriction_exceeded_on_the_chart_under_way(session_for, medication_ward,
                                                                                      clock):
    patient = medication_ward[0]
    nurse = session_for("nurse")
    records.save_new(nurse, "fluid_plan", PLAN, patient_id=patient)
    records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-28T12:00+01:00", "route": "in_oral",
                                              "volume": 800}, patient_id=patient)
    assert fluid_balance.restrictions_exceeded(nurse.db, [patient], nurse.clock(), "en") == {}
    _saline_given(session_for, patient)
    (found,) = fluid_balance.restrictions_exceeded(nurse.db, [patient], nurse.clock(), "en").values()
    assert (found.plan, found.said, found.until) == (
        "Fluid restriction: no more than 1500 mL in 24 hours (Dr Benali, 28/11 09:30)",
        ["OVER THE FLUID RESTRICTION: 800 mL in (+1000 mL given on the medication chart, not on this chart), "
         "1500 mL allowed: tell the doctor"], _at(29, 7))
    assert f"{found.plan}; {found.said[0]}" in _handed_over(nurse, patient)  # the handover's words
    assert fluid_balance.restrictions_exceeded(nurse.db, [patient], _at(29, 7), "en") == {}  # judged afresh
    records.save_new(nurse, "fluid_plan", {**PLAN, "decided_at": "2026-11-28T13:00+01:00", "kind": "target"},
                     patient_id=patient)
    assert fluid_balance.restrictions_exceeded(nurse.db, [patient], nurse.clock(), "en") == {}


def test_a_restriction_of_a_stay_that_has_ended_is_exported_completed(readmitted, medication_ward,
                                                                      exported_resource):
    """Decided in the stay that ended at 21:00 on 27/11 (after one lifted), no other decided since:
    no longer in force (`plans`), it was sent active into the readmitted patient's record."""
    nurse, patient = readmitted, medication_ward[0]
    for decided, kind in (("10:00", "target"), ("12:00", "lifted")):
        records.save_new(nurse, "fluid_plan", {**PLAN, "decided_at": f"2026-11-27T{decided}+01:00", "kind": kind},
                         patient_id=patient)
    before = records.save_new(nurse, "fluid_plan", {**PLAN, "decided_at": "2026-11-27T14:00+01:00"},
                              patient_id=patient)
    assert fluid_balance.plans(nurse.db, [patient], nurse.clock()) == {}
    first_stay = next(admission.record_id for admission in records.list_current(nurse.db, form_id="admission")
                      if admission.data["arrival_at"].startswith("2026-11-27"))
    ended = exported_resource(before.record_id, NutritionOrder)
    assert (ended.status, ended.encounter.reference) == ("completed", f"urn:uuid:{first_stay}")


def test_a_discharge_typed_after_an_export_sends_the_restriction_again_completed(session_for, patient, clock,
                                                                                  tmp_path):
    nurse, clerk = session_for("nurse"), session_for("records")
    plan = records.save_new(nurse, "fluid_plan", PLAN, patient_id=patient)

    def exported(name, **since):
        folder = export(clerk, tmp_path / name, **since).folder
        bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
        check_codes(bundle)
        return {entry["fullUrl"]: entry["resource"] for entry in bundle["entry"]}

    assert NutritionOrder.model_validate(exported("first")[f"urn:uuid:{plan.record_id}"]).status == "active"
    clock.advance(minutes=30)
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T14:20+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    sent_again = exported("second", since_last=True)[f"urn:uuid:{plan.record_id}"]
    assert NutritionOrder.model_validate(sent_again).status == "completed"


SEVEN_ALLERGIES = [{"substance": substance, "reaction": reaction, "severity": "severe"} for substance, reaction in (
    ("Penicillin", "Anaphylaxis"), ("Sulfamethoxazole-trimethoprim", "Stevens-Johnson syndrome"),
    ("Egg", "Urticaria and wheeze"), ("Iodinated contrast", "Bronchospasm"), ("Codeine", "Vomiting and confusion"),
    ("Peanuts", "Anaphylaxis"), ("Ibuprofen", "Angioedema"))]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_printed_chart_keeps_its_alarms_and_rule_on_the_grids_page(session_for, admission_values, clock, tmp_path,
                                                                       lang):
    """The worst the grid's page holds: seven allergies in full over it, a restriction, three bags
    given on the medication chart and not charted, a restriction exceeded and a low urine output.
    The red alarms went over to a second page holding nothing else, away from the page kept at
    the bed; even with no bag the rule did."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse, doctor = session_for("nurse", lang), session_for("doctor")
    patient = records.save_new(nurse, "admission", {**admission_values, "allergies": SEVEN_ALLERGIES,
                                                    "arrival_at": "2026-11-27T09:00+01:00"}).patient_id
    records.save_new(nurse, "fluid_plan", {**PLAN, "decided_at": "2026-11-28T07:30+01:00"}, patient_id=patient)
    clock.now = _at(29, 6, 50)
    for hour in range(7, 30):
        at = _at(28, 0) + timedelta(hours=hour, minutes=30)
        records.save_new(nurse, "fluid_balance", {"measured_at": at.isoformat(), "route": "out_urine", "volume": 12},
                         patient_id=patient)
        if hour % 3 == 0:
            records.save_new(nurse, "fluid_balance", {"measured_at": at.isoformat(), "route": "in_oral", "volume": 250},
                             patient_id=patient)
    saline = records.save_new(doctor, "medication_order", {
        "drug": "Sodium chloride 0.9 % (Hartmann later if sodium rises)", "dose": 1000.0, "dose_unit": "mL",
        "route": "IV", "frequency": "scheduled", "times": "10:00 18:00 02:00", "start_at": "2026-11-28T08:00+01:00",
        "controlled": False, "high_alert": False}, patient_id=patient).record_id
    for slot in ("2026-11-28T10:00+01:00", "2026-11-28T18:00+01:00", "2026-11-29T02:00+01:00"):
        clock.now = datetime.fromisoformat(slot) + timedelta(minutes=10)
        medication.record_dose(nurse, saline, {"outcome": "given", "given_at": slot, "dose_given": 1000.0,
                                               "route": "IV", "scheduled_for": slot})
    clock.now = _at(29, 6, 50)
    pages = PdfReader(printing.print_fluid_chart(nurse, patient, date(2026, 11, 28), tmp_path / "f.pdf")).pages
    first = " ".join(pages[0].extract_text().split())
    said = {"en": ("OVER THE FLUID RESTRICTION", "LOW URINE OUTPUT", "Given on the medication chart, not on this chart",
                   "Write each volume in its hour", "Ibuprofen (Angioedema"),
            "fr": ("RESTRICTION HYDRIQUE DÉPASSÉE", "DIURÈSE BASSE", "Administré sur le plan d’administration",
                   "Inscrire chaque volume dans son heure", "Ibuprofen (Angioedema")}[lang]
    assert [words for words in said if words not in first] == []
    assert "06–07" in first and "OVER THE FLUID" not in " ".join(pages[1].extract_text().split())


def test_a_bag_typed_by_hand_is_exported_as_part_of_the_dose_the_app_took_it_for(session_for, medication_ward,
                                                                                  tmp_path):
    """The litre given at 10:05 on the medication chart and typed by hand at 12:00, counted once by
    the app: its Observation went with no `partOf`, and the EHR counted the litre twice."""
    patient = medication_ward[0]
    dose = _saline_given(session_for, patient)["dose"]
    nurse = session_for("nurse")
    typed = records.save_new(nurse, "fluid_balance", {**BAG, "measured_at": "2026-11-28T12:00+01:00"},
                             patient_id=patient)
    drunk = records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-28T12:00+01:00", "route": "in_oral",
                                                      "volume": 1000}, patient_id=patient)
    assert fluid_balance.doses_charted(nurse.db, [patient]) == {typed.record_id: dose}
    bundle = json.loads((export(session_for("records"), tmp_path / "export").folder / "fhir" / "bundle.json")
                        .read_text(encoding="utf-8"))
    by_id = {entry["resource"]["id"]: entry["resource"] for entry in bundle["entry"]}
    assert by_id[typed.record_id]["partOf"] == [{"reference": f"urn:uuid:{dose}"}]
    assert by_id[dose]["resourceType"] == "MedicationAdministration" and "partOf" not in by_id[drunk.record_id]


def test_day_two_of_the_chart_brings_the_balance_forward_and_prints_the_weights_hourly_urine(session_for, patient,
                                                                                            clock, tmp_path):
    """+1800 mL on the 28th, +500 mL so far on the 29th: the 29th read +500 mL as if the patient
    started the day even, and the paper chart had no weight to judge the urine "per kg" by."""
    nurse = session_for("nurse")
    clock.now = _at(28, 21)
    for at, route, volume in (("28T10:00", "in_iv", 1000), ("28T18:00", "in_iv", 1000), ("28T20:00", "out_urine", 200)):
        records.save_new(nurse, "fluid_balance", {"measured_at": f"2026-11-{at}+01:00", "route": route,
                                                  "volume": volume}, patient_id=patient)
    clock.now = _at(29, 12)
    records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-29T10:00+01:00", "route": "in_iv",
                                              "volume": 500}, patient_id=patient)
    found = fluid_balance.day_chart(nurse.db, patient, date(2026, 11, 29))
    brought = fluid_balance.brought_forward(nurse.db, patient, date(2026, 11, 29))
    assert fluid_balance.carried_words(brought, found.chart, "en") == (
        "Balance brought forward (from 28/11 07:00) +1800 mL, cumulative +2300 mL")
    assert fluid_balance.brought_forward(nurse.db, patient, date(2026, 11, 28)) is None  # the stay's first day
    assert fluid_balance.brought_forward(nurse.db, patient, date(2026, 11, 27)) is None  # before the stay
    patients = [census.patient_with_location(nurse.db, nurse.forms, patient)]
    assert fluid_balance.handover(nurse.db, nurse.forms, patients, clock.now, "fr")[patient] == (
        "BILAN ENTRÉES-SORTIES : 28/11–29/11 7 h +1800 mL (entrées 2000, sorties 200) ; depuis 7 h +500 mL "
        "(entrées 500, sorties 0) ; cumulé depuis le 28/11 7 h +2300 mL")
    weighed = fluid_balance.weight_words(nurse.db, nurse.forms, patients[0], "en")
    assert weighed == "Weight 61.5 kg (28/11): 0.5 mL/kg/h = 31 mL/h of urine"
    from downtime.pdf.fluid_balance import blank_fluid_chart_pdf, fluid_chart_pdf
    from downtime.services.laptops import authors
    out = fluid_chart_pdf(patients[0], date(2026, 11, 29), found.chart, found.entries, nurse.form("fluid_balance"),
                          tmp_path / "day2.pdf", authors=authors(nurse), laptops={}, lang="en",
                          printed_by="Hélène Lefèvre", printed_at=clock.now, device_name="Ward 3B laptop",
                          carried=fluid_balance.carried_words(brought, found.chart, "en"), weighed=weighed)
    first = " ".join(PdfReader(out).pages[0].extract_text().split())
    assert ("Balance brought forward (from 28/11 07:00) +1800 mL, cumulative +2300 mL Weight 61.5 kg (28/11): "
            "0.5 mL/kg/h = 31 mL/h of urine") in first
    blank = " ".join(PdfReader(blank_fluid_chart_pdf(tmp_path / "blank.pdf", lang="fr", printed_by=None,
                                                     printed_at=clock.now, device_name="x")).pages[0]
                     .extract_text().split())
    assert "Bilan reporté : ________ mL Poids : ______ kg ; 0,5 mL/kg/h = ______ mL/h" in blank


def test_the_balance_is_brought_forward_only_across_days_charted_one_after_the_other(session_for, admission_values,
                                                                                    clock):
    """Charted on the 24th (+1500 mL), not at all from the 25th to the 27th, again on the 28th: the
    28th brought +1500 mL forward "from 24/11" as the stay's cumulative balance, three days nobody
    measured (the patient drank, was on a drip, passed urine) counted as balancing at 0 mL."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", {**admission_values,
                                                    "arrival_at": "2026-11-24T09:00+01:00"}).patient_id
    for at, route, volume in (("24T12:00", "in_iv", 2000), ("24T16:00", "out_urine", 500),
                              ("28T10:00", "in_oral", 300)):
        records.save_new(nurse, "fluid_balance", {"measured_at": f"2026-11-{at}+01:00", "route": route,
                                                  "volume": volume}, patient_id=patient)
    assert fluid_balance.brought_forward(nurse.db, patient, date(2026, 11, 28)) is None
    patients = [census.patient_with_location(nurse.db, nurse.forms, patient)]
    assert "cumulative" not in fluid_balance.handover(nurse.db, nurse.forms, patients, clock.now, "en")[patient]
    assert fluid_balance.brought_forward(nurse.db, patient, date(2026, 11, 25)) == fluid_balance.Carried(
        date(2026, 11, 24), 1500)
    for day in (25, 26, 27):  # charted every day since: the run from the 24th
        records.save_new(nurse, "fluid_balance", {"measured_at": f"2026-11-{day}T10:00+01:00", "route": "in_oral",
                                                  "volume": 100}, patient_id=patient)
    assert fluid_balance.brought_forward(nurse.db, patient, date(2026, 11, 28)) == fluid_balance.Carried(
        date(2026, 11, 24), 1800)
    records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-25T10:00+01:00", "route": "out_urine",
                                              "volume": 100}, patient_id=patient)
    assert fluid_balance.brought_forward(nurse.db, patient, date(2026, 11, 28)).balance == 1700


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_printed_chart_lists_the_bags_its_page_holds_and_the_rest_on_page_two(session_for, admission_values,
                                                                                  clock, tmp_path, lang):
    """Twelve bags given on the medication chart and not charted, with seven allergies, a restriction
    exceeded and bladder irrigation: the list ran from the foot of the grid's page to the next
    mid-bag ("… 8" then "g per litre drained) 800 mL") and took the rule for a low urine output
    with it, on a page holding nothing else."""
    import re

    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse, doctor = session_for("nurse", lang), session_for("doctor")
    patient = records.save_new(nurse, "admission", {**admission_values, "allergies": SEVEN_ALLERGIES,
                                                    "arrival_at": "2026-11-27T09:00+01:00"}).patient_id
    records.save_new(nurse, "fluid_plan", {**PLAN, "decided_at": "2026-11-28T07:30+01:00"}, patient_id=patient)
    clock.now = _at(29, 6, 50)
    for hour in range(7, 30):
        at = (_at(28, 0) + timedelta(hours=hour, minutes=30)).isoformat()
        drinks = (("in_oral", 250),) if hour % 3 == 0 else ()
        for route, volume in (("out_urine", 512), ("in_irrigation", 500), *drinks):
            records.save_new(nurse, "fluid_balance", {"measured_at": at, "route": route, "volume": volume},
                             patient_id=patient)
    drugs = ["Sodium chloride 0.9 % (change to glucose if sodium rises above 145 mmol/L)",
             "Glucose 5 % (check the capillary glucose before each bag, 4-hourly)",
             "Albumin human 20 % (for paracentesis, 8 g per litre drained)",
             "Plasma-Lyte 148 (maintenance while nil by mouth before the OGD)"]
    for n, drug in enumerate(drugs):
        order = records.save_new(doctor, "medication_order", {
            "drug": drug, "dose": 1000.0 - n * 100, "dose_unit": "mL", "route": "IV", "frequency": "scheduled",
            "times": "10:00 18:00 02:00", "start_at": "2026-11-28T08:00+01:00", "controlled": False,
            "high_alert": False}, patient_id=patient).record_id
        for slot in ("2026-11-28T10:00+01:00", "2026-11-28T18:00+01:00", "2026-11-29T02:00+01:00"):
            clock.now = datetime.fromisoformat(slot) + timedelta(minutes=10 + n)
            medication.record_dose(nurse, order, {"outcome": "given", "given_at": slot, "dose_given": 1000.0 - n * 100,
                                                  "route": "IV", "scheduled_for": slot})
    clock.now = _at(29, 6, 50)
    given = fluid_balance.given_not_charted(nurse.db, patient, date(2026, 11, 28))
    bags = [one.text(lang) for one in given]
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(
        printing.print_fluid_chart(nurse, patient, date(2026, 11, 28), tmp_path / "f.pdf")).pages]
    said = {"en": ("OVER THE FLUID RESTRICTION", "LOW URINE OUTPUT", "Write each volume in its hour", "06–07",
                   r"Given on the medication chart, not on this chart yet: (.*) and (\d+) more: the whole list on "
                   r"page 2"),
            "fr": ("RESTRICTION HYDRIQUE DÉPASSÉE", "DIURÈSE BASSE", "Inscrire chaque volume dans son heure", "06–07",
                   r"Administré sur le plan d’administration, pas encore sur cette feuille : (.*) et (\d+) de plus : "
                   r"liste complète en page 2")}[lang]
    assert len(bags) == 12 and [words for words in said[:-1] if words not in pages[0]] == []
    listed, more = re.search(said[-1], pages[0]).groups()
    shown = 12 - int(more)
    assert 0 < shown < 12 and listed == ", ".join(bags[:shown])  # whole bags, the first ones
    assert bags[shown] not in pages[0] and pages[1].startswith(fluid_balance.given_words(given, lang))


def test_an_output_not_measured_is_charted_in_its_hour_and_said_apart_from_the_sums(session_for, patient, clock,
                                                                                    tmp_path):
    """A large vomit in the bed, urine passed in a pad: refused without a volume, the nurse made one
    up or charted nothing, and the balance read more positive than it was. Charted as on paper
    ("V+++"), in its hour, out of the sums; an intake always has its volume."""
    nurse = session_for("nurse")
    for values in ({"measured_at": "2026-11-28T10:00+01:00", "route": "in_iv", "volume": 1000},
                   {"measured_at": "2026-11-28T11:10+01:00", "route": "out_vomit", "not_measured": "large",
                    "what": "Vomit in the bed"},
                   {"measured_at": "2026-11-28T11:40+01:00", "route": "out_urine", "volume": 150},
                   {"measured_at": "2026-11-28T11:50+01:00", "route": "out_urine", "not_measured": "medium",
                    "volume": 400}):  # a volume typed before "not measured" was chosen is not kept
        records.save_new(nurse, "fluid_balance", values, patient_id=patient)
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-28T12:00+01:00", "route": "in_oral",
                                                  "not_measured": "small"}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["volume"]
    found = fluid_balance.day_chart(nurse.db, patient, date(2026, 11, 28))
    chart, eleven = found.chart, HOURS.index(11)
    assert (chart.intake, chart.output, chart.balance) == (1000, 150, 850)
    assert [fluid_balance.cell_text(chart, eleven, column) for column in (
        "out_urine", "out_vomit", "total_out", "balance")] == ["150\u00a0++", "+++", "150", "+850"]
    said = "outputs not measured, not in the sums: Urine ++, Vomit / NG +++"
    assert fluid_balance.summary(chart, "en") == (
        f"In 1000 mL — out 150 mL — balance +850 mL — {said} (measured up to the 11:00 hour)")
    assert fluid_balance.summary(chart, "fr").startswith(
        "Entrées 1000 mL — sorties 150 mL — bilan +850 mL — sorties non mesurées, hors totaux : Urines ++, "
        "Vomis. / SNG +++")
    patients = [census.patient_with_location(nurse.db, nurse.forms, patient)]
    assert said in fluid_balance.handover(nurse.db, nurse.forms, patients, nurse.clock(), "en")[patient]
    assert [fluid_balance.volume_words(nurse.form("fluid_balance"), one.measure, "en") for one in found.entries] == [
        "1000 mL", "Not measured: large (+++)", "150 mL", "Not measured: medium (++)"]
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(
        printing.print_fluid_chart(nurse, patient, date(2026, 11, 28), tmp_path / "fluid.pdf")).pages)
    assert said in text and "Out: vomit or gastric aspirate Not measured: large (+++)" in text


def test_urine_not_measured_in_the_hours_judged_is_said_beside_the_bags_never_in_their_place():
    """Six hourly bags of 10 mL and a pad soaked: the bags' figures are known and judged as ever,
    the pad said beside them with the catheter to check (urine bypassing it); a pad made the 6
    hours unjudged, and an oliguric bag was said nowhere."""
    hourly = [Measure(_at(28, hour, 30), "out_urine", 10) for hour in range(8, 14)]
    soaked = Measure(_at(28, 10, 50), "out_urine", None, "large")
    judged = urine_output([*hourly, soaked, Measure(_at(28, 11, 5), "out_urine", None, "small")], 80.0,
                          _at(28, 14, 20))
    assert (judged.volume, judged.unmeasured, judged.low) == (60, ("large", "small"), True)
    assert fluid_balance.urine_words(judged, "en") == (
        "LOW URINE OUTPUT: 60 mL in 6 hours since 28/11 07:30 (0.12 mL/kg/h for 80 kg, below 0.5): tell the doctor; "
        "urine passed besides, not measured (+++ +), not in the 60 mL: check the catheter is not blocked (bypassing)")
    assert fluid_balance.urine_words(judged, "fr").endswith(
        " ; urines non mesurées en plus (+++ +), hors des 60 mL : vérifier que la sonde n’est pas bouchée (fuite "
        "autour de la sonde)")
    assert fluid_balance.urine_words(judged, "en", called=False).startswith(
        "Urine 60 mL in 6 hours since 28/11 07:30; urine passed besides, not measured (+++ +)")
    later = [Measure(_at(28, hour, 30), "out_urine", 10) for hour in range(14, 18)]
    assert urine_output([*hourly, soaked, *later], 80.0, _at(28, 17, 40)).unmeasured == ()  # 11:30 to 17:30
    with pytest.raises(ValueError):
        Measure(_at(28, 10), "in_oral", None, "large")  # an intake is measured


def test_each_hours_outputs_not_measured_fit_their_printed_cell_in_the_narrowest_column():
    """A bag of 1250 mL and two leaks in an hour, three vomits in the bed the next, on a chart with
    irrigation (its column makes the others the narrowest): "1250 ++ +++" wrapped over three lines
    of a row one tall, its last mark printed in the next hour's row. One token an hour, on one line
    of the smallest row, its marks counted; each still said in the list and under the sums."""
    from reportlab.lib.units import mm

    from downtime.pdf import fluid_balance as printed
    from downtime.pdf.lines import Lines
    from downtime.pdf.page import MARGIN

    chart = fluid_day(date(2026, 11, 28), [
        Measure(_at(28, 9), IRRIGATION, 1000), Measure(_at(28, 10, 5), "out_urine", 1250),
        Measure(_at(28, 10, 20), "out_urine", None, "medium"), Measure(_at(28, 10, 40), "out_urine", None, "large"),
        Measure(_at(28, 11, 5), "out_urine", 300), *(Measure(_at(28, 11, minute), "out_vomit", None, amount)
                                                     for minute, amount in ((15, "large"), (35, "medium"),
                                                                            (45, "large")))])
    ten, eleven = HOURS.index(10), HOURS.index(11)
    assert [fluid_balance.cell_text(chart, ten, "out_urine"), fluid_balance.cell_text(chart, eleven, "out_vomit"),
            fluid_balance.cell_text(chart, eleven, "out_urine")] == ["1250\u00a0+++²", "+++³", "300"]
    assert fluid_balance.unmeasured_words(chart, "en") == (
        "outputs not measured, not in the sums: Urine ++ +++, Vomit / NG +++ ++ +++")
    for width, lang in ((210 * mm - 2 * MARGIN, "en"), (210 * mm - 2 * MARGIN, "fr"), (297 * mm - 2 * MARGIN, "en")):
        grid = printed._grid(chart, {}, lang, width, printed.LEAST_ROW_HEIGHT)  # A4 portrait and landscape
        for row, line in enumerate(grid._cellvalues[2:2 + len(HOURS)]):
            for column, cell in enumerate(line):
                if isinstance(cell, Lines) and cell.value:
                    _, height = cell.wrap(grid._colWidths[column] - 4, 1000)  # the grid's padding
                    assert height <= printed.LEAST_ROW_HEIGHT - 2, (HOURS[row], cell.value, cell.lines)


def test_the_totals_row_counts_a_columns_outputs_not_measured():
    """Three large vomits in the bed, none measured: each hour read "+++" and the Vomit / NG column's
    24 hours' total "0", as if nothing came up."""
    chart = fluid_day(date(2026, 11, 28), [*(Measure(_at(28, hour, 10), "out_vomit", None, "large")
                                             for hour in (9, 11, 13)),
                                           Measure(_at(28, 12), "out_urine", 0), Measure(_at(28, 12, 30), "out_urine",
                                                                                         None, "small")])
    assert [fluid_balance.total_text(chart, column) for column in ("out_vomit", "out_urine", "total_out")] == [
        "+++³", "0 +", "0"]


def test_the_chart_of_the_night_the_clocks_change_says_its_hours_and_the_plan_judged_on_them(session_for,
                                                                                            admission_values, clock):
    """The chart of 24/10 (07:00 to 07:00 across the clocks going back) said "24 hours" and held 25:
    a drink of 60 mL each real hour made 1500 mL, a restriction of 1500 mL "in 24 hours" met."""
    paris = ZoneInfo("Europe/Paris")
    assert [day_hours(day, paris) for day in (date(2026, 10, 24), date(2026, 3, 28), date(2026, 11, 28))] == [
        25, 23, 24]
    assert day_hours(date(2026, 10, 24), None) == 24  # a clock of no zone's rules
    assert fluid_balance.day_words(date(2026, 10, 24), "en", paris) == (
        "25 hours from 24/10/2026 07:00 to 25/10/2026 07:00")
    assert fluid_balance.day_words(date(2026, 3, 28), "fr", paris) == "23 heures du 28/03/2026 7 h au 29/03/2026 7 h"
    start = datetime(2026, 10, 24, 7, 30, tzinfo=paris)
    chart = fluid_day(date(2026, 10, 24), [Measure(elapsed.later(start, timedelta(hours=n)), "in_oral", 60)
                                           for n in range(25)])
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    clock.now = datetime(2026, 10, 25, 9, 0, tzinfo=paris)
    patient = records.save_new(nurse, "admission", {**admission_values,
                                                    "arrival_at": "2026-10-23T09:00+02:00"}).patient_id
    plan = fluid_balance.Plan(records.save_new(nurse, "fluid_plan", {**PLAN, "decided_at": "2026-10-24T07:00+02:00"},
                                               patient_id=patient))
    assert chart.intake == 1500
    assert fluid_balance.plan_words(plan, chart, "en", zone=paris)[0].endswith(
        "1500 mL in, 0 mL left (this chart's day has 25 hours: the clocks changed)")
    assert "changement d’heure" in fluid_balance.plan_words(plan, chart, "fr", zone=paris)[0]
    assert "clocks" not in fluid_balance.plan_words(plan, chart, "en", zone=timezone(timedelta(hours=1)))[0]
