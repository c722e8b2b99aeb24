"""Potassium by vein weighed by its strength and speed when it is ordered and when its bag's rate
is raised (domain.potassium.by_vein_refusal and unread_by_vein; services.medication.check_order,
services.infusion_rates.above_order_asked): "Potassium chloride 40 mmol in sodium chloride 0.9%
100 mL" at 100 mL/h, 400 mmol/L and 40 mmol/h by a peripheral vein, was saved with no question,
where the NPSA's alert and trusts' policies allow 40 mmol/L and 10 mmol/h."""

from datetime import datetime

import pytest

from downtime.domain.medication import Frequency, Order
from downtime.domain.potassium import by_vein_refusal, not_infused, unread_by_vein
from downtime.services import infusion_rates, medication, records
from downtime.services.errors import ValidationFailed

DRIP = {"route": "IV", "form": "infusion", "frequency": "scheduled", "times": "15:00",
        "start_at": "2026-11-28T15:00+01:00", "controlled": False, "high_alert": True}
REASON = "Dose to check: why (opioid-tolerant, current dose; weight used; meningitis dose)"


def _order(drug: str, dose: float, unit: str, rate: float | None, route: str = "IV", form: str | None = None) -> Order:
    return Order(record_id="o", patient_id="p", drug=drug, dose=dose, dose_unit=unit, route=route, rate_ml_h=rate,
                 form="infusion" if rate is not None else form, frequency=Frequency.ONCE,
                 start_at=datetime.fromisoformat(DRIP["start_at"]))


@pytest.mark.parametrize("drug, dose, unit, rate, said", [
    # The reviewer's: 400 mmol/L at 40 mmol/h; 80 mmol in a 500 mL bag run in an hour.
    ("Potassium chloride 40 mmol in sodium chloride 0.9% 100 mL", 100, "mL", 100.0, ("rate_ml_h", "400", "40")),
    ("Sodium chloride 0.9% with potassium chloride 80 mmol", 500, "mL", 500.0, ("rate_ml_h", "160", "80")),
    ("Potassium chloride", 40, "mmol", 50.0, "unread"),  # in 100 mL or in a litre?
    # The ward's premixed bags at their usual rates, as labelled (0.3% is 40 mmol/L, 0.15% 20), up
    # to 10 mmol/h.
    ("Sodium chloride 0.9% and potassium chloride 0.3%", 1000, "mL", 250.0, None),
    ("Sodium chloride 0.9% and potassium chloride 0.3%", 1000, "mL", 251.0, ("rate_ml_h", "40", "10.04")),
    ("Potassium chloride 0.15% and glucose 5% 500 mL", 500, "mL", 83.0, None),
    ("Potassium chloride 20 mmol in sodium chloride 0.9% 1000 mL", 1000, "mL", 125.0, None),
    ("Glucose 5% with 20 mmol KCl", 500, "mL", 100.0, None),
    ("K 20 mmol in sodium chloride 0.9%", 1000, "mL", 125.0, None),
    ("Potassium chloride 40 mmol in 1 L", 40, "mmol", 125.0, None),  # its volume in the name
    ("Chlorure de potassium 40 mmol dans 1 000 mL", 40, "mmol", 125.0, None),  # its thousands apart, as in French
    ("Glucosé 5% + NaCl 4 ‰ + KCl 2 g/L", 1000, "mL", 125.0, None),  # a French ward's, 26.8 mmol/L
    ("Potassium phosphate 20 mmol in 500 mL", 500, "mL", 100.0, None),
    # Too fast, too strong, or both; a French 4 g/L; the concentrate itself with no rate.
    ("Sodium chloride 0.9% and potassium chloride 0.3%", 1000, "mL", 500.0, ("rate_ml_h", "40", "20")),
    ("Chlorure de potassium 4 g dans 1000 mL de G5%", 1000, "mL", 125.0, ("rate_ml_h", "53.6", "6.7")),
    ("Potassium chloride 40 mmol/100 mL", 100, "mL", 10.0, ("rate_ml_h", "400", "4")),
    ("Potassium chloride 15% 10 mL", 10, "mL", None, ("dose", "2010", None)),
    # Its mmol or its volume not read: none written, two that differ, a weight of another salt,
    # the glucose's 5% before the potassium's name.
    ("KCl 20 mmol", 20, "mmol", None, "unread"),
    ("Potassium chloride 20 mmol, KCl 40 mmol", 500, "mL", 100.0, "unread"),
    ("Potassium phosphate 2 g in 500 mL", 500, "mL", 100.0, "unread"),
    ("Glucose 5% potassium chloride", 500, "mL", 100.0, "unread"),
    ("Sodium chloride 0.9%", 1000, "mL", 500.0, None),  # no potassium
])
def test_potassium_by_vein_is_weighed_by_its_mmol_per_litre_and_per_hour(drug, dose, unit, rate, said):
    order = _order(drug, dose, unit, rate)
    asked, unread = by_vein_refusal(order, rate), unread_by_vein(order)
    if said == "unread":
        assert asked is None and unread is not None and unread.field == "drug" and not unread.asked
        return
    assert unread is None
    if said is None:
        assert asked is None
        return
    field, per_l, per_h = said
    assert asked is not None and asked.asked and asked.field == field
    assert (str(asked.said.values["per_l"]), str(asked.said.values.get("per_h"))) == (per_l, str(per_h))


def test_potassium_by_mouth_is_not_weighed_so():
    order = _order("Potassium chloride", 40, "mmol", None, "PO")
    assert by_vein_refusal(order, None) is None and unread_by_vein(order) is None and not_infused(order) is None


@pytest.mark.parametrize("form, route, refused", [
    ("injection", "IV", True), (None, "IV", True), ("other", "IV", True), ("infusion", "IV", False),
    ("injection", "PO", False), ("liquid", "PO", False)])
def test_potassium_by_vein_is_only_an_infusion(form, route, refused):
    """Never pushed: only an infusion is asked the rate its mmol an hour is weighed by."""
    said = not_infused(_order("Potassium chloride 20 mmol in 500 mL", 20, "mmol", None, route, form))
    assert (said is not None) is refused
    assert said is None or (said.field, said.asked) == ("form", False)
    assert not_infused(_order("Furosemide 20 mg", 20, "mg", None, route, form)) is None


def _asked(doctor, patient, values) -> medication.DoseReasonNeeded:
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        records.save_new(doctor, "medication_order", {**DRIP, **values}, patient_id=patient)
    return asked.value


def test_the_reviewers_orders_are_asked_or_refused_and_a_reason_saves_the_strong_one(session_for, medication_ward):
    """Asked, not forbidden: critical care gives it by a central line, which the reason says."""
    patient = medication_ward[0]
    doctor = session_for("doctor")
    strong = {"drug": "Potassium chloride 40 mmol in sodium chloride 0.9% 100 mL", "dose": 100.0, "dose_unit": "mL",
              "rate_ml_h": 100.0}
    asked = _asked(doctor, patient, strong)
    assert asked.asked_on == "rate_ml_h" and str(asked) == (
        "Potassium by vein: 40 mmol in 100 mL is 400 mmol/L, at 100 mL/h 40 mmol/h: by a peripheral vein at most 40 "
        "mmol/L and 10 mmol/h; stronger or faster only by a central line with ECG monitoring. Correct it, or give "
        f"the reason in “{REASON}”.")
    reason = "ICU: central line, ECG monitored, K 2.1"
    saved = records.save_new(doctor, "medication_order", {**DRIP, **strong, medication.DOSE_REASON: reason},
                             patient_id=patient)
    assert saved.data[medication.DOSE_REASON] == reason
    assert "80 mmol in 500 mL is 160 mmol/L, at 500 mL/h 80 mmol/h" in str(_asked(doctor, patient, {
        "drug": "Sodium chloride 0.9% with potassium chloride 80 mmol", "dose": 500.0, "dose_unit": "mL",
        "rate_ml_h": 500.0}))
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(doctor, "medication_order", {**DRIP, "drug": "Potassium chloride", "dose": 40.0,
                                                      "dose_unit": "mmol", "rate_ml_h": 50.0}, patient_id=patient)
    assert [(error.path, error.message.split(":")[0]) for error in refused.value.errors] == [
        ("drug", "Potassium by vein")]
    assert "write the potassium's mmol and the bag's volume" in refused.value.errors[0].message
    injection = {**DRIP, "drug": "Potassium chloride 20 mmol in 500 mL", "dose": 20.0, "dose_unit": "mmol",
                 "form": "injection"}
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(doctor, "medication_order", injection, patient_id=patient)
    assert [(error.path, error.message) for error in refused.value.errors] == [("form", (
        "Potassium by vein is given only as an infusion, by a pump at a set rate, never as an injection: a bolus of "
        "potassium can stop the heart. Choose “Infusion” in “Form”, and give its rate."))]
    assert records.save_new(doctor, "medication_order", {**injection, "form": "infusion", "rate_ml_h": 125.0},
                            patient_id=patient).data["form"] == "infusion"


def test_an_amendment_is_asked_as_a_new_order_and_an_older_order_is_corrected_as_before(
        session_for, medication_ward):
    """The premixed 40 mmol/L bag at 125 mL/h is saved; its rate made 500 mL/h is asked. An order
    loaded from the EHR writing no volume is amended as it was."""
    patient = medication_ward[0]
    doctor = session_for("doctor")
    bag = {**DRIP, "drug": "Sodium chloride 0.9% and potassium chloride 0.3%", "dose": 1000.0, "dose_unit": "mL",
           "rate_ml_h": 125.0}
    saved = records.save_new(doctor, "medication_order", bag, patient_id=patient)
    with pytest.raises(medication.DoseReasonNeeded, match="at 500 mL/h 20 mmol/h"):
        records.amend(doctor, saved.record_id, {**saved.data, "rate_ml_h": 500.0}, "faster")
    older = records.save_imported(session_for("records"), "medication_order", {
        **DRIP, "drug": "Potassium chloride", "dose": 40.0, "dose_unit": "mmol", "rate_ml_h": 50.0}, patient,
        "6e7f8a9b-0c1d-4e2f-8a3b-4c5d6e7f8a9b")
    assert records.amend(doctor, older.record_id, {**older.data, "rate_ml_h": 25.0}, "slower").version == 2
    pushed = records.save_imported(session_for("records"), "medication_order", {
        **DRIP, "drug": "Potassium chloride 20 mmol in 500 mL", "dose": 20.0, "dose_unit": "mmol",
        "form": "injection"}, patient, "7f8a9b0c-1d2e-4f3a-9b4c-5d6e7f8a9b0c")
    assert records.amend(doctor, pushed.record_id, {**pushed.data, "times": "16:00"}, "later").version == 2


def test_a_potassium_bag_run_faster_than_10_mmol_an_hour_asks_why(session_for, medication_ward, clock):
    """The 40 mmol/L bag prescribed at 150 mL/h (6 mmol/h) set to 300 mL/h, 12 mmol/h: within twice
    the order's, it was asked nothing."""
    patient = medication_ward[0]
    order_id = records.save_new(session_for("doctor"), "medication_order", {
        **DRIP, "drug": "Sodium chloride 0.9% and potassium chloride 0.3%", "dose": 1000.0, "dose_unit": "mL",
        "rate_ml_h": 150.0, "start_at": "2026-11-28T08:00+01:00", "times": "08:00"}, patient_id=patient).record_id
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T08:05+01:00")
    medication.record_dose(nurse, order_id, {"outcome": "given", "given_at": "2026-11-28T08:00+01:00",
                                             "scheduled_for": "2026-11-28T08:00+01:00", "dose_given": 1000.0,
                                             "route": "IV", "rate_ml_h": 150.0}, witness=("doctor", "2222"))
    clock.now = datetime.fromisoformat("2026-11-28T12:00+01:00")
    values = {"changed_at": "2026-11-28T11:00+01:00", "change": "rate", "rate_ml_h": 300.0, "reason": "K 3.0"}
    with pytest.raises(ValidationFailed) as refused:
        infusion_rates.change_rate(nurse, order_id, values)
    assert refused.value.errors[0].path == "above_order"
    assert "Potassium by vein: 40 mmol in 1000 mL is 40 mmol/L, at 300 mL/h 12 mmol/h" in \
        refused.value.errors[0].message
    saved = infusion_rates.change_rate(nurse, order_id, {**values, "above_order": "Dr Benali: central line, ECG"},
                                       witness=("doctor", "2222"))
    assert saved.data["rate_ml_h"] == 300.0
