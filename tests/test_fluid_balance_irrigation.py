"""Bladder irrigation (a three-way catheter after a TURP): its own way in on the fluid chart,
version 2 of the form. Version 1 told the nurse to chart it as "In: other (e.g. subcutaneous,
irrigation)": the irrigant counted as intake against the restriction (a false "OVER THE FLUID
RESTRICTION") and the catheter's bag counted whole as urine, hiding a low urine output."""

import json
from datetime import date, datetime, timedelta, timezone

from fhir.resources.R4B.observation import Observation
from hypothesis import given, strategies as st
from pypdf import PdfReader

from downtime.domain.fluid_balance import IRRIGATION, Measure, fluid_day, urine_output
from downtime.services import census, chart_alerts, fluid_balance, printing, records
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes

PARIS = timezone(timedelta(hours=1))
PLAN = {"decided_at": "2026-11-28T09:30+01:00", "kind": "restriction", "volume": 1500, "decided_by": "Dr Benali",
        "notes": "Heart failure"}


def _irrigated(session_for, patient, clock):
    """500 mL of irrigant an hour from 10:00 to 16:00, the catheter's bag read at 510 mL each half
    past (10 mL of urine an hour, 0.16 mL/kg/h for 61.5 kg), under a 1500 mL restriction."""
    nurse = session_for("nurse")
    records.save_new(nurse, "fluid_plan", PLAN, patient_id=patient)
    clock.now = datetime(2026, 11, 28, 16, 20, tzinfo=PARIS)
    for hour in range(10, 16):
        at = f"2026-11-28T{hour:02d}:30+01:00"
        records.save_new(nurse, "fluid_balance", {"measured_at": at, "route": "in_irrigation", "volume": 500,
                                                  "what": "Bladder irrigation, saline"}, patient_id=patient)
        records.save_new(nurse, "fluid_balance", {"measured_at": at, "route": "out_urine", "volume": 510,
                                                  "what": "Catheter bag"}, patient_id=patient)
    return nurse


def test_bladder_irrigation_is_no_intake_and_the_true_urine_is_judged(session_for, patient, clock):
    nurse = _irrigated(session_for, patient, clock)
    patients = [census.patient_with_location(nurse.db, nurse.forms, patient)]
    said = fluid_balance.handover(nurse.db, nurse.forms, patients, clock.now, "en")[patient]
    assert said == (
        "FLUID BALANCE: since 07:00 −60 mL (in 0, out 3060); bladder irrigation 3000 mL in (not intake), true urine "
        "60 mL; Fluid restriction: no more than 1500 mL in 24 hours (Dr Benali, 28/11 09:30): 0 mL in, 1500 mL left; "
        "LOW URINE OUTPUT: 60 mL in 6 hours since 28/11 09:30 (0.16 mL/kg/h for 61.5 kg, below 0.5): tell the doctor")
    chart = fluid_balance.day_chart(nurse.db, patient, date(2026, 11, 28)).chart
    assert fluid_balance.summary(chart, "fr").startswith(
        "Entrées 0 mL — sorties 3060 mL — bilan −60 mL — irrigation vésicale 3000 mL entrés (hors apports), "
        "urines vraies 60 mL")
    assert fluid_balance.restrictions_exceeded(nurse.db, [patient], clock.now, "en") == {}


def test_the_form_has_irrigation_its_own_way_in_and_other_in_no_longer_names_it(forms):
    spec = forms["fluid_balance"]
    labels = {option.code: option.label for option in spec.field("route").options}
    assert spec.version >= 2  # version 2 brought it
    assert labels["in_irrigation"].get("en") == "In: bladder irrigation (not intake)"
    assert "irrigation" not in labels["in_other"].get("en") and "irrigation" not in labels["in_other"].get("fr")


def test_the_printed_chart_has_an_irrigation_column_only_on_a_day_it_ran(session_for, patient, clock, tmp_path):
    nurse = _irrigated(session_for, patient, clock)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(
        printing.print_fluid_chart(nurse, patient, date(2026, 11, 28), tmp_path / "fluid.pdf")).pages)
    assert "Total in Bladder irrig. Urine" in text
    assert "bladder irrigation 3000 mL in (not intake), true urine 60 mL" in text
    assert "In: bladder irrigation (not intake) 500 mL Bladder irrigation, saline" in text
    before = " ".join(PdfReader(printing.print_fluid_chart(nurse, patient, date(2026, 11, 27), tmp_path / "b.pdf"))
                      .pages[0].extract_text().split())
    assert "irrig" not in before and "Total in Urine" in before


def test_the_export_sends_irrigation_as_neither_intake_nor_output(session_for, patient, clock, tmp_path):
    _irrigated(session_for, patient, clock)
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    check_codes(bundle)
    texts = sorted({Observation.model_validate(entry["resource"]).code.text for entry in bundle["entry"]
                    if entry["resource"]["resourceType"] == "Observation"
                    and entry["resource"].get("category") == [{"text": "Fluid balance (intake and output)"}]})
    assert texts == ["Bladder irrigation in", "Fluid output: urine"]


def _at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 28, hour, minute, tzinfo=PARIS)


def test_a_bag_of_irrigant_charted_once_is_taken_off_the_urine_of_the_whole_span():
    """A 3 L bag of irrigant charted once when it ran through (11:00), the catheter's bag read at
    510 mL each hour from 09:00 to 14:00: 60 mL of urine in six hours (0.14 mL/kg/h for 70 kg).
    Taken off only the reading of its own hour, floored at 0 mL, the check judged 2550 mL."""
    measures = [*(Measure(_at(hour), "out_urine", 510) for hour in range(9, 15)), Measure(_at(11), IRRIGATION, 3000)]
    output = urine_output(measures, 70.0, _at(14, 20))
    assert (output.since, output.until, output.volume, output.low) == (_at(8), _at(14), 60, True)


@given(st.lists(st.tuples(st.integers(1, 360), st.integers(0, 600)), max_size=8))
def test_irrigant_charted_at_any_time_inside_the_span_is_taken_off_once(irrigations):
    """Bag readings each hour from 09:00 to 14:00 (the span 08:00 to 14:00): whenever in the span
    the irrigant was charted, all of it is taken off the bag's sum once, floored at 0 mL; none
    charted at or before 08:00 is."""
    bags = [Measure(_at(hour), "out_urine", 400) for hour in range(9, 15)]
    run_in = [Measure(_at(8) + timedelta(minutes=minute), IRRIGATION, volume) for minute, volume in irrigations]
    before = [Measure(_at(8), IRRIGATION, 1000), Measure(_at(7, 30), IRRIGATION, 1000)]
    output = urine_output([*bags, *run_in, *before], 70.0, _at(14, 20))
    assert output.volume == max(0, 2400 - sum(one.volume for one in run_in))


def test_irrigant_not_returned_is_an_alarm_not_true_urine_0_ml(session_for, patient, clock, tmp_path):
    """3000 mL of irrigant in, 2400 mL back in the bag: 600 mL left in the bladder (a blocked
    catheter, clot retention) read "true urine 0 mL" on the tab, the handover and the printed chart,
    and reached neither the escalation list nor the doctor."""
    nurse = session_for("nurse")
    clock.now = _at(12, 20)
    for at, route, volume in (("09:00", "in_irrigation", 3000), ("12:00", "out_urine", 2400)):
        records.save_new(nurse, "fluid_balance", {"measured_at": f"2026-11-28T{at}+01:00", "route": route,
                                                  "volume": volume}, patient_id=patient)
    alarm = "IRRIGANT NOT RETURNED: 600 mL — check the catheter is not blocked, tell the doctor"
    chart = fluid_balance.day_chart(nurse.db, patient, date(2026, 11, 28)).chart
    assert fluid_balance.summary(chart, "en") == (
        "In 0 mL — out 2400 mL — balance +600 mL — bladder irrigation 3000 mL in (not intake), 600 mL of it not "
        "returned (measured up to the 12:00 hour)")
    assert fluid_balance.judged_day(nurse.db, patient, chart, clock.now, "en").asks == [alarm]
    patients = [census.patient_with_location(nurse.db, nurse.forms, patient)]
    assert fluid_balance.handover(nurse.db, nurse.forms, patients, clock.now, "fr")[patient] == (
        "BILAN ENTRÉES-SORTIES : depuis 7 h +600 mL (entrées 0, sorties 2400) ; irrigation vésicale 3000 mL entrés "
        "(hors apports), dont 600 mL non revenus ; LIQUIDE D’IRRIGATION NON REVENU : 600 mL — vérifier que la "
        "sonde n’est pas bouchée, prévenir le médecin")
    found = chart_alerts.alerts(nurse.db, nurse.forms, census.in_patients(nurse.db, nurse.forms, "3B", clock.now),
                                clock.now, "en", ward="3B")
    assert [(alert.form_id, alert.said) for alert in found.alerts] == [("fluid_balance", [alarm])]
    assert fluid_balance.irrigant_not_returned(nurse.db, [patient], datetime(2026, 11, 29, 7, tzinfo=PARIS),
                                               "en") == {}  # the next chart's day
    first = " ".join(PdfReader(printing.print_fluid_chart(nurse, patient, date(2026, 11, 28), tmp_path / "f.pdf"))
                     .pages[0].extract_text().split())
    assert alarm in first and "true urine 0 mL" not in first
    records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-28T12:15+01:00", "route": "out_urine",
                                              "volume": 700}, patient_id=patient)
    assert fluid_balance.irrigant_not_returned(nurse.db, [patient], clock.now, "en") == {}  # it came back


def test_irrigant_run_in_since_the_last_reading_of_the_bag_is_not_yet_owed():
    """A new bag of irrigant charted at 12:30 after the bag was read at 12:00: it has had no time
    to come back, though charted in the reading's hour (judged by the hour's row, 2900 mL read "not
    returned", the doctor called); nor is it taken off the urine the bag held (it read "true urine
    0 mL" of a bag holding 100 mL of urine)."""
    chart = fluid_day(date(2026, 11, 28), [Measure(_at(9), IRRIGATION, 1000), Measure(_at(12), "out_urine", 1100),
                                           Measure(_at(12, 30), IRRIGATION, 3000)])
    assert (chart.irrigant_retained, fluid_balance.retained_words(chart, "en")) == (0, [])
    assert fluid_balance.irrigated(chart, "en") == "bladder irrigation 4000 mL in (not intake), true urine 100 mL"


def test_irrigation_with_no_bag_charted_says_nothing_of_the_true_urine():
    """The irrigation charted, the catheter's bag not yet: "true urine 0 mL" said the patient passed none."""
    chart = fluid_day(date(2026, 11, 28), [Measure(_at(9), IRRIGATION, 1000), Measure(_at(9), "in_oral", 200)])
    assert fluid_balance.summary(chart, "en") == (
        "In 200 mL — out 0 mL — balance +1200 mL — bladder irrigation 1000 mL in (not intake), urine bag not charted "
        "(measured up to the 09:00 hour)")
    assert fluid_balance.retained_words(chart, "en") == []


def test_irrigation_with_urine_passed_not_measured_gives_no_true_urine(session_for, patient, clock, tmp_path):
    """The bag of a three-way catheter not measured, the urine passed round it into the bed charted
    "not measured: large": the chart read "true urine 0 mL", worked out of no bag, the words the
    irrigation's own were changed to stop saying."""
    nurse = session_for("nurse")
    clock.now = _at(12, 20)
    for values in ({"measured_at": "2026-11-28T09:00+01:00", "route": "in_irrigation", "volume": 1000},
                   {"measured_at": "2026-11-28T11:00+01:00", "route": "in_irrigation", "volume": 1000},
                   {"measured_at": "2026-11-28T12:00+01:00", "route": "out_urine", "not_measured": "large"}):
        records.save_new(nurse, "fluid_balance", values, patient_id=patient)
    chart = fluid_balance.day_chart(nurse.db, patient, date(2026, 11, 28)).chart
    said = ("bladder irrigation 2000 mL in (not intake), urine bag not charted, urine passed not measured (+++): no "
            "true urine without the bag's volume")
    assert fluid_balance.irrigated(chart, "en") == said
    assert fluid_balance.irrigated(chart, "fr") == (
        "irrigation vésicale 2000 mL entrés (hors apports), poche à urines non notée, urines non mesurées (+++) : pas "
        "d’urines vraies sans le volume de la poche")
    patients = [census.patient_with_location(nurse.db, nurse.forms, patient)]
    assert said in fluid_balance.handover(nurse.db, nurse.forms, patients, clock.now, "en")[patient]
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(
        printing.print_fluid_chart(nurse, patient, date(2026, 11, 28), tmp_path / "f.pdf")).pages)
    assert said in text and "true urine 0 mL" not in text
    records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-28T12:10+01:00", "route": "out_urine",
                                              "volume": 2100}, patient_id=patient)
    after = fluid_balance.day_chart(nurse.db, patient, date(2026, 11, 28)).chart
    assert fluid_balance.irrigated(after, "en") == "bladder irrigation 2000 mL in (not intake), true urine 100 mL"
