"""The fluid balance chart: each volume measured in or out is a record, charted by the hour over
the chart's day (07:00 to 07:00), its columns, hours and day totalled by the app; an amended or
withdrawn volume changes the sums; the export sends each volume to the EHR in millilitres."""

import json
from datetime import date, datetime, timedelta, timezone

import pytest
from fhir.resources.R4B.nutritionorder import NutritionOrder
from fhir.resources.R4B.observation import Observation
from hypothesis import given, strategies as st
from pypdf import PdfReader

from downtime.domain.fluid_balance import (HOURS, INTAKE, OUTPUT, ROUTES, Measure, chart_day, fluid_day, signed_ml,
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
    assert chart.hours[-1].balance == chart.balance
    assert all(later.balance - earlier.balance == later.intake - later.output
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
    said = ("FLUID BALANCE: 27/11–28/11 07:00 +300 mL (in 500, out 200); since 07:00 +1000 mL (in 1000, out 0)")
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
    assert (low.since, low.volume, round(low.per_kg_hour, 3), low.low) == (_at(28, 8), 150, 0.312, True)
    assert not urine_output([*hourly, Measure(_at(28, 9, 45), "out_urine", 100)], 80.0, at).low  # 250 mL: 0.52
    assert urine_output(hourly[1:], 80.0, at) is None  # an hour not measured: nothing to judge
    assert urine_output([*hourly[1:], Measure(_at(28, 8, 5), "out_urine", 0)], 80.0, at).volume == 125  # 0 mL: a measure
    assert urine_output(hourly, 80.0, _at(28, 13, 59)) is None  # 13:00 to 14:00 not over yet
    assert urine_output([Measure(_at(28, hour, 30), "in_iv", 100) for hour in range(8, 14)], 80.0, at) is None


@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 59), st.integers(0, 500)), max_size=20),
       st.floats(2.0, 250.0))
def test_the_urine_judged_is_the_sum_of_the_six_whole_hours_and_only_with_each_measured(found, weight):
    measures = [Measure(_at(28, 8 + hour, minute), "out_urine", volume) for hour, minute, volume in found]
    output = urine_output(measures, weight, _at(28, 14, 20))
    if {hour for hour, _, _ in found} != set(range(6)):
        assert output is None
    else:
        assert output.volume == sum(volume for _, _, volume in found)
        assert output.low == (output.volume < 0.5 * weight * 6)


def test_the_fluid_tab_handover_and_escalation_call_out_a_low_urine_output(session_for, admission_values, clock):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", {**admission_values, "weight_kg": 80.0,
                                                    "arrival_at": "2026-11-28T06:00+01:00"}).patient_id
    for hour in range(8, 14):
        records.save_new(nurse, "fluid_balance", {"measured_at": f"2026-11-28T{hour:02d}:30+01:00", "route": "out_urine",
                                                  "volume": 20}, patient_id=patient)
    patients = [census.patient_with_location(nurse.db, nurse.forms, patient)]
    said = ("LOW URINE OUTPUT: 120 mL in 6 hours since 28/11 08:00 (0.25 mL/kg/h for 80 kg, below 0.5): tell the "
            "doctor")
    assert fluid_balance.handover(nurse.db, nurse.forms, patients, nurse.clock(), "en")[patient].endswith(said)
    found = chart_alerts.alerts(nurse.db, nurse.forms, census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock()),
                                nurse.clock(), "en", ward="3B")
    assert [(alert.form_id, alert.latest, alert.said) for alert in found.alerts] == [
        ("fluid_balance", "Urine 120 mL in 6 hours since 28/11 08:00", [said])]
    assert found.next_due.isoformat() == "2026-11-28T15:00:00+01:00"


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
    assert ("LOW URINE OUTPUT: 198 mL in 6 hours since 28/11 09:00 (0.47 mL/kg/h for 70 kg, below 0.5)"
            in fluid_balance.handover(nurse.db, nurse.forms, patients, nurse.clock(), "en")[patient])


def test_the_chart_under_way_printed_says_a_low_urine_output(session_for, patient, clock, tmp_path):
    nurse = session_for("nurse")
    clock.advance(hours=1, minutes=5)
    for hour in range(9, 15):
        records.save_new(nurse, "fluid_balance", {"measured_at": f"2026-11-28T{hour:02d}:30+01:00", "route": "out_urine",
                                                  "volume": 15}, patient_id=patient)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(
        printing.print_fluid_chart(nurse, patient, date(2026, 11, 28), tmp_path / "fluid.pdf")).pages)
    assert ("LOW URINE OUTPUT: 90 mL in 6 hours since 28/11 09:00 (0.24 mL/kg/h for 61.5 kg, below 0.5): tell the "
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
    one bag only, the oldest; any other volume leaves the bags offered to chart."""
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

    for at, route, volume in (("28T07:30", "in_iv", 1000),  # the next chart's day of the 27th's, before the 28th's
                              ("28T13:00", "in_iv", 500), ("28T13:00", "in_enteral", 1000)):
        records.save_new(nurse, "fluid_balance", {"measured_at": f"2026-11-{at}+01:00", "route": route,
                                                  "volume": volume}, patient_id=patient)
    assert waiting(27) == ["12:05 Sodium chloride 0.9 % 1000 mL"]
    assert waiting(28) == ["10:05 Sodium chloride 0.9 % 1000 mL", "12:05 Sodium chloride 0.9 % 1000 mL"]
    records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-28T13:30+01:00", "route": "in_iv",
                                              "volume": 1000}, patient_id=patient)
    assert waiting(28) == ["12:05 Sodium chloride 0.9 % 1000 mL"]
    assert waiting(27) == ["12:05 Sodium chloride 0.9 % 1000 mL"]


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
                          given=fluid_balance.given_words(judged.given, "en"))
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
