"""A dying patient on comfort care whose catheter bag is still read hourly, for comfort: an empty
bag asks that the catheter be checked, never to tell the doctor (NICE NG31: oliguria is expected in
the last days of life), as VTE, sepsis and NEWS2 already asked nothing of her."""

from datetime import datetime

import pytest

from downtime.domain.fluid_balance import Measure, urine_output
from downtime.services import census, chart_alerts, fluid_balance, records, wards

AT = datetime.fromisoformat("2026-11-28T14:00+01:00")
PARIS = AT.tzinfo


def _empty_bags(hourly_ml: int = 0) -> list[Measure]:
    return [Measure(datetime(2026, 11, 28, hour, 30, tzinfo=PARIS), "out_urine", hourly_ml) for hour in range(8, 14)]


@pytest.mark.parametrize(("lang", "said"), [
    ("en", ("No urine: 0 mL in 6 hours since 28/11 07:30, each hour measured: comfort care, check the catheter is "
            "not blocked")),
    ("fr", ("Anurie : 0 mL en 6 heures depuis 28/11 07:30, chaque heure mesurée : soins de confort, vérifier que la "
            "sonde n’est pas bouchée"))])
def test_an_empty_bag_on_comfort_care_asks_only_to_check_the_catheter(lang, said):
    assert fluid_balance.urine_words(urine_output(_empty_bags(), 60.0, AT), lang, comfort=True) == said


def test_a_bag_bypassing_on_comfort_care_asks_only_to_check_the_catheter():
    bypassing = urine_output([*_empty_bags(), Measure(datetime(2026, 11, 28, 10, 0, tzinfo=PARIS), "out_urine", None,
                                                      amount="large")], None, AT)
    said = fluid_balance.urine_words(bypassing, "en", comfort=True)
    assert "check the catheter is not blocked (bypassing)" in said and "doctor" not in said


@pytest.mark.parametrize("weight_kg", [60.0, None])
def test_a_low_output_on_comfort_care_is_said_without_a_call_nor_a_weighing(weight_kg):
    low = urine_output(_empty_bags(5), weight_kg, AT)
    assert low is not None and low.low == (weight_kg is not None)
    said = fluid_balance.urine_words(low, "en", comfort=True)
    assert said.startswith("Urine 30 mL in 6 hours since 28/11 07:30")
    assert "tell the doctor" not in said and "weigh" not in said


def _dying_patient_charted(session_for, admission_values, clock, hourly_ml: int):
    """A patient of 61.5 kg on comfort care since 07:00, her catheter bag read `hourly_ml` each hour
    from 08:30 to 13:30; the clock at 14:00. Returns (nurse, patient id, the ward's in-patients)."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T07:00+01:00")
    patient = records.save_new(nurse, "admission", {
        **admission_values, "arrival_at": "2026-11-28T06:00+01:00", "resuscitation": "dnacpr",
        "resuscitation_decided_by": "Dr Benali", "resuscitation_decided_at": "2026-11-28T06:30+01:00"}).patient_id
    records.save_new(session_for("doctor"), "observation_plan", {
        "decided_at": "2026-11-28T07:00+01:00", "decided_by": "Dr Benali", "escalation": "comfort",
        "frequency": "stopped", "discussed_with": "daughter"}, patient_id=patient)
    clock.now = AT
    for hour in range(8, 14):
        records.save_new(nurse, "fluid_balance", {"measured_at": f"2026-11-28T{hour:02d}:30+01:00",
                                                  "route": "out_urine", "volume": hourly_ml}, patient_id=patient)
    return nurse, patient, census.in_patients(nurse.db, nurse.forms, "3B", clock.now)


def test_the_handover_of_a_dying_patient_on_comfort_care_does_not_call_the_doctor_for_no_urine(
        session_for, admission_values, clock):
    nurse, patient, inside = _dying_patient_charted(session_for, admission_values, clock, 0)
    said = fluid_balance.handover(nurse.db, nurse.forms, inside, clock.now, "en")[patient]
    assert said.endswith("No urine: 0 mL in 6 hours since 28/11 07:30, each hour measured: comfort care, check the "
                         "catheter is not blocked")
    assert "tell the doctor" not in said
    (listed,) = [alert for alert in chart_alerts.alerts(nurse.db, nurse.forms, inside, clock.now, "en", ward="3B").alerts
                 if alert.form_id == fluid_balance.FORM]
    assert listed.said == [("No urine: 0 mL in 6 hours since 28/11 07:30, each hour measured: comfort care, check "
                            "the catheter is not blocked")]


@pytest.mark.parametrize(("lang", "said"), [
    ("en", ("Urine 30 mL in 6 hours since 28/11 07:30 (comfort care: a low output is expected, the doctor need not "
            "be called)")),
    ("fr", ("Urines 30 mL en 6 heures depuis 28/11 07:30 (soins de confort : une diurèse basse est attendue, inutile "
            "d’appeler le médecin)"))])
def test_a_low_output_on_comfort_care_is_handed_over_as_a_fact_and_never_listed_to_escalate(
        session_for, admission_values, clock, lang, said):
    """30 mL in 6 hours was an escalation-list alert that asked for nothing."""
    nurse, patient, inside = _dying_patient_charted(session_for, admission_values, clock, 5)
    assert fluid_balance.handover(nurse.db, nurse.forms, inside, clock.now, lang)[patient].endswith(said)
    assert not [alert for alert in chart_alerts.alerts(nurse.db, nurse.forms, inside, clock.now, lang, ward="3B").alerts
                if alert.form_id == fluid_balance.FORM]
    (output,) = fluid_balance.urine_outputs(nurse.db, nurse.forms, inside, clock.now).values()
    assert output.low and not fluid_balance.listed(output, comfort=True) and fluid_balance.listed(output, comfort=False)
    empty = urine_output(_empty_bags(), 61.5, AT)
    assert fluid_balance.listed(empty, comfort=True)
