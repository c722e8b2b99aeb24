"""Enoxaparin (high-alert) and amikacin are dosed by weight (BNF, SmPC), and an order of either is
weighed when written as gentamicin's is: enoxaparin 1000 mg to a 45 kg woman (100 mg slipped
tenfold), 150 mg twice a day, 1.5 mg (the mg/kg typed as the dose) and amikacin 6750 mg were saved
with nothing asked (reviews R8 #4, R6 #6)."""

import pytest

from downtime.domain.dose_limits import RULES, limit_for
from downtime.domain.medication import Frequency, Order, content_mg
from downtime.domain.order_units import limits_refusals, unit_refusal
from downtime.services.errors import ValidationFailed
from downtime.services import medication, records, wards

ENOXAPARIN = {"drug": "Enoxaparin", "dose_unit": "mg", "route": "SC", "frequency": "scheduled", "times": "18:00",
              "start_at": "2026-11-28T08:00+01:00", "indication": "Pulmonary embolism", "controlled": False,
              "high_alert": True}
AMIKACIN = {"drug": "Amikacin", "dose_unit": "mg", "route": "IV", "frequency": "scheduled", "times": "18:00",
            "start_at": "2026-11-28T08:00+01:00", "review_at": "2026-11-30T08:00+01:00", "indication": "Sepsis",
            "controlled": False, "high_alert": False}


def _admit(session_for, admission_values, **changes):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    return records.save_new(session_for("nurse"), "admission", {
        **admission_values, "weight_kg": 45.0, **changes, "arrival_at": "2026-11-27T09:00+01:00"}).patient_id


def _write(session_for, patient, values: dict, **changes):
    return records.save_new(session_for("doctor"), "medication_order", {**values, **changes}, patient_id=patient)


def _asked(session_for, patient, values: dict, **changes) -> str:
    """What writing the order asks; saved once the prescriber's reason is given, and kept."""
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        _write(session_for, patient, values, **changes)
    reason = "Checked with the haematologist"
    saved = _write(session_for, patient, values, **changes, **{medication.DOSE_REASON: reason})
    assert saved.data[medication.DOSE_REASON] == reason
    return str(asked.value)


def test_enoxaparin_within_its_dose_by_weight_is_saved_unasked(session_for, admission_values):
    patient = _admit(session_for, admission_values)
    _write(session_for, patient, ENOXAPARIN, dose=67.5)  # 1.5 mg/kg once a day
    _write(session_for, patient, ENOXAPARIN, dose=45.0, times="08:00 20:00")  # 1 mg/kg twice a day
    _write(session_for, patient, ENOXAPARIN, dose=4000.0, dose_unit="units")  # Lovenox 4000 UI, 40 mg


@pytest.mark.parametrize("changes, said", [
    ({"dose": 150.0, "times": "08:00 20:00"},
     "Enoxaparin: 150 mg in one dose is above the most for one dose (78.75 mg for 45 kg, 1.75 mg/kg)."),
    ({"dose": 675.0},
     "Enoxaparin: 675 mg in one dose is above the most for one dose (78.75 mg for 45 kg, 1.75 mg/kg)."),
    ({"dose": 15000.0, "dose_unit": "units"},
     "Enoxaparin: 150 mg in one dose is above the most for one dose (78.75 mg for 45 kg, 1.75 mg/kg)."),
    ({"dose": 60.0, "times": "06:00 14:00 22:00"}, "Enoxaparin: as ordered, up to 180 mg in 24 h (this order: 180 mg); "
                                                   "at most 103.5 mg in 24 h for 45 kg (2.3 mg/kg)."),
    ({"dose": 1.5}, ("Enoxaparin: 1.5 mg in one dose is below an adult's least usual dose (10 mg): did you mean "
                     "1.5 mg/kg? If 1.5 mg is meant, give the reason in “Dose to check: why"))])
def test_enoxaparin_above_its_dose_by_weight_or_below_any_dose_is_asked_and_the_reason_kept(
        session_for, admission_values, changes, said):
    patient = _admit(session_for, admission_values)
    assert _asked(session_for, patient, ENOXAPARIN, **changes).startswith(said)


def test_enoxaparin_ten_times_its_dose_by_weight_is_refused_whatever_the_reason(session_for, admission_values):
    patient = _admit(session_for, admission_values)
    with pytest.raises(ValidationFailed) as refused:
        _write(session_for, patient, ENOXAPARIN, dose=1000.0, **{medication.DOSE_REASON: "Meant"})
    assert [error.path for error in refused.value.errors] == ["dose"]
    assert "Enoxaparin: 1000 mg in one dose is above the most for one dose whatever the reason (675 mg for 45 kg, " \
           "15 mg/kg); from the usual most (78.75 mg) up to it" in refused.value.errors[0].message


def test_enoxaparin_to_an_adult_never_weighed_asks_a_weight_above_the_prophylactic_dose(session_for,
                                                                                       admission_values):
    patient = _admit(session_for, {key: value for key, value in admission_values.items() if key != "weight_kg"},
                     weight_kg=None)
    _write(session_for, patient, ENOXAPARIN, dose=40.0, indication="VTE prophylaxis")
    assert _asked(session_for, patient, ENOXAPARIN, dose=100.0).startswith(
        "Enoxaparin is dosed by weight, and no weight is recorded this stay: weigh the patient")


def test_enoxaparin_in_units_is_weighed_as_its_mg():
    """100 IU is 1 mg (SmPC); units were refused as no content of a medicine with limits."""
    order = Order(record_id="o", patient_id="p", drug="Lovenox 6000 UI", dose=6000.0, dose_unit="units", route="SC",
                  frequency=Frequency.SCHEDULED, start_at="2026-11-28T08:00+01:00")
    assert unit_refusal(order.drug, "units", "SC") is None
    assert content_mg(order, order.dose) == {"enoxaparin": 60.0}
    assert limits_refusals(order, [], age=72, kg=61.5) == []


@pytest.mark.parametrize("dose, kg", [(75.0, 74.6), (80.0, 75.0)])
def test_enoxaparin_twice_a_day_rounded_to_the_syringe_is_not_asked(dose, kg):
    """1 mg/kg twice a day rounded up to the syringe, 2.01 and 2.13 mg/kg a day, asked a reason at
    each treatment order when the line was the treatment dose itself (review S8)."""
    order = Order(record_id="o", patient_id="p", drug="Enoxaparin", dose=dose, dose_unit="mg", route="SC",
                  frequency=Frequency.SCHEDULED, times=["08:00", "20:00"], start_at="2026-11-28T08:00+01:00")
    assert limits_refusals(order, [], age=70, kg=kg) == []


def test_enoxaparin_once_a_day_rounded_to_the_syringe_is_not_asked():
    """1.5 mg/kg for 76 kg (114 mg) as the 120 mg syringe, as dose-banding tables give it."""
    order = Order(record_id="o", patient_id="p", drug="Enoxaparin", dose=120.0, dose_unit="mg", route="SC",
                  frequency=Frequency.SCHEDULED, times=["18:00"], start_at="2026-11-28T08:00+01:00")
    assert limits_refusals(order, [], age=70, kg=76.0) == []


@pytest.mark.parametrize("dose, said", [
    (6750.0, "Amikacin: 6750 mg in one dose is above the most for one dose (1350 mg for 45 kg, 30 mg/kg)."),
    (1800.0, "Amikacin: 1800 mg in one dose is above the most for one dose (1350 mg for 45 kg, 30 mg/kg).")])
def test_amikacin_above_30_mg_per_kg_is_asked(session_for, admission_values, dose, said):
    """Asked above the top of its usual range, as gentamicin is: 15 mg/kg, its bottom, asked every
    25-30 mg/kg order of septic shock or cystic fibrosis (review S8)."""
    patient = _admit(session_for, admission_values)
    _write(session_for, patient, AMIKACIN, dose=1350.0)
    assert _asked(session_for, patient, AMIKACIN, dose=dose).startswith(said)


def test_amikacin_is_weighed_by_vein_or_muscle_only():
    """Inhaled liposomal amikacin (Arikayce 590 mg, whatever the weight) for 36 kg was asked as
    above 15 mg/kg (review S8)."""
    assert limit_for(RULES["amikacin"], 55, 36.0, "IM").dose_mg == 1080
    inhaled = Order(record_id="o", patient_id="p", drug="Amikacin liposomal (Arikayce)", dose=590.0, dose_unit="mg",
                    route="INH", frequency=Frequency.SCHEDULED, times=["08:00"], start_at="2026-11-28T08:00+01:00")
    assert limits_refusals(inhaled, [], age=55, kg=36.0) == []


def test_an_obese_patients_amikacin_is_weighed_by_the_adjusted_weight_as_gentamicin_is():
    """95 kg, ideal 47.8 kg: 30 mg/kg of the adjusted 66.7 kg is 2001 mg, where the actual weight
    allowed 2850 (review S8)."""
    limit = limit_for(RULES["amikacin"], 50, 95.0, "IV", ideal_kg=47.8)
    assert limit.dose_mg == pytest.approx(30 * 66.7)
