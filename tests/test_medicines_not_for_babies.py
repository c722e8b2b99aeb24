"""Medicines contraindicated for a baby by its age (BNFc), by the mechanism codeine's and
tramadol's are held by (dose_limits.Rule.from_years, from_months): promethazine under 2 years
(fatal respiratory depression) and metoclopramide under 1 year (extrapyramidal reactions, EMA
2013) refused whatever the reason; loperamide under 4 years asked, its reason kept (not for acute
diarrhoea under 4; BNFc gives it from 1 month in chronic diarrhoea). All three were saved unasked
for a 7-month-old (review R1 D4)."""

from datetime import datetime, time

import pytest

from downtime.domain.medication import Check, Frequency, Order, beyond_dose_limits
from downtime.services import medication, records
from downtime.services.errors import ValidationFailed

ORDER = {"dose_unit": "mg", "route": "PO", "frequency": "scheduled", "times": "08:00 20:00",
         "start_at": "2026-11-28T15:00+01:00", "controlled": False, "high_alert": False}


@pytest.fixture
def ward(admit_to_paediatrics):
    """Ward PED: Lea, 7 months, 8 kg; Noah, 5 years, 18 kg."""
    return {"baby": admit_to_paediatrics("1", "2026-05-01", 8.0, "Lea"),
            "five": admit_to_paediatrics("2", "2021-06-01", 18.0, "Noah")}


def _write(session_for, patient: str, drug: str, dose: float, reason: str | None = None):
    values = {**ORDER, "drug": drug, "dose": dose, **({medication.DOSE_REASON: reason} if reason else {})}
    return records.save_new(session_for("doctor"), "medication_order", values, patient_id=patient)


@pytest.mark.parametrize("drug, said", [
    ("Promethazine", "Promethazine is contraindicated under 2 years (BNFc: fatal respiratory depression)"),
    ("Metoclopramide", ("Metoclopramide is contraindicated under 1 year (BNFc; EMA 2013: dystonia and other "
                        "extrapyramidal reactions)"))])
def test_a_medicine_contraindicated_for_a_baby_is_refused_whatever_the_reason(session_for, ward, drug, said):
    with pytest.raises(ValidationFailed) as refused:
        _write(session_for, ward["baby"], drug, 1.0, "Vomiting, parents ask for it")
    (error,) = refused.value.errors
    assert error.path == "drug" and said in error.message


def test_a_brand_is_held_as_its_medicine(session_for, ward):
    """Maxolon (metoclopramide) refused and Imodium (loperamide) asked for a 7-month-old, as their
    generic names are: both were saved unasked (review S4 S8)."""
    with pytest.raises(ValidationFailed) as refused:
        _write(session_for, ward["baby"], "Maxolon", 1.0, "Vomiting")
    assert "Metoclopramide is contraindicated under 1 year" in refused.value.errors[0].message
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        _write(session_for, ward["baby"], "Imodium", 0.8)
    assert str(asked.value).startswith("Loperamide is not given under 4 years for acute diarrhoea")


def test_loperamide_under_4_years_is_asked_and_saved_with_the_reason(session_for, ward):
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        _write(session_for, ward["baby"], "Loperamide", 0.8)
    assert "Loperamide is not given under 4 years for acute diarrhoea (BNFc" in str(asked.value)
    saved = _write(session_for, ward["baby"], "Loperamide", 0.8, "Chronic diarrhoea, gastroenterology's plan")
    assert saved.data["drug"] == "Loperamide"


@pytest.mark.parametrize("drug, dose", [("Promethazine", 5.0), ("Metoclopramide", 1.5), ("Loperamide", 1.0)])
def test_an_older_child_is_not_asked(session_for, ward, drug, dose):
    assert _write(session_for, ward["five"], drug, dose).data["drug"] == drug


@pytest.mark.parametrize("drug, said", [
    ("Promethazine", "Do not give it; ask the prescriber for another medicine."),
    ("Metoclopramide", "Do not give it; ask the prescriber for another antiemetic."),
    ("Loperamide", "check with the prescriber that it is meant before giving it.")])
def test_the_bedside_says_it_of_an_order_already_written(drug, said):
    """An order loaded from the EHR, or written before the birth date was corrected."""
    at = datetime.fromisoformat("2026-11-28T20:00+01:00")
    order = Order(record_id="o", patient_id="p", drug=drug, dose=1.0, dose_unit="mg", route="PO",
                  frequency=Frequency.SCHEDULED, times=(time(8), time(20)), start_at=at)
    warnings = [warning for warning in beyond_dose_limits(order, at, 1.0, (), (), {"o": order}, {}, 0, 8.0, months=7)
                if warning.check is Check.NOT_FOR_AGE]
    assert len(warnings) == 1 and warnings[0].text("en").endswith(said)
