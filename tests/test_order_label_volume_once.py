"""An order's label says its volume once (review T1 #7): "Sodium chloride 0.9% 500 mL 500 mL IV"
headed the bag's alert every 4 hours. A name that does not say the dose, or says another, or says
it as a strength, still shows it. The same in French as in English, the name written in English
("Insulin 50 units in 50 mL" of 50 units read "… 50 unités" in French alone), and a volume in
litres is the same volume ("Hartmann's 1 L 1000 mL": review S_I2 S7). A unit's plural is the same
unit ("Levothyroxine 25 micrograms 25 microgram PO")."""

import pytest

from downtime.domain.medication import Order
from downtime.services import medication


def _order(drug: str, dose: float, unit: str, route: str = "IV", rate: float | None = None) -> Order:
    return Order.model_validate({
        "record_id": "o", "patient_id": "p", "drug": drug, "dose": dose, "dose_unit": unit, "route": route,
        "frequency": "scheduled", "times": ["08:00"], "start_at": "2026-11-28T08:00+01:00", "rate_ml_h": rate,
        "form": "infusion" if rate is not None else "tablet", "controlled": False, "high_alert": False})


@pytest.mark.parametrize(("drug", "dose", "unit", "lang", "label"), [
    ("Sodium chloride 0.9% 500 mL", 500.0, "mL", "en", "Sodium chloride 0.9% 500 mL IV at 83 mL/h"),
    ("Glucose 5% 500ml", 500.0, "mL", "fr", "Glucose 5% 500ml IV à 83 mL/h"),
    ("Heparin sodium 25,000 units in 50 mL", 50.0, "mL", "en", "Heparin sodium 25,000 units in 50 mL IV at 83 mL/h"),
    ("Fraxiparine 0,4 mL", 0.4, "mL", "en", "Fraxiparine 0,4 mL IV at 83 mL/h"),
    ("Insulin 50 units in 50 mL", 50.0, "units", "en", "Insulin 50 units in 50 mL IV at 83 mL/h"),
    ("Insulin 50 units in 50 mL", 50.0, "units", "fr", "Insulin 50 units in 50 mL IV à 83 mL/h"),
    ("Hartmann's 1 L", 1000.0, "mL", "en", "Hartmann's 1 L IV at 83 mL/h"),
    ("Glucose 5% 0,5 L", 500.0, "mL", "fr", "Glucose 5% 0,5 L IV à 83 mL/h"),
    ("Levothyroxine 25 micrograms", 25.0, "microgram", "en", "Levothyroxine 25 micrograms IV at 83 mL/h"),
    ("Lévothyroxine 25 microgrammes", 25.0, "microgram", "fr", "Lévothyroxine 25 microgrammes IV à 83 mL/h"),
    ("Levothyroxine 25 micrograms", 25.0, "microgram", "fr", "Levothyroxine 25 micrograms IV à 83 mL/h"),
    # Not said by the name: shown.
    ("Sodium chloride 0.9%", 1000.0, "mL", "en", "Sodium chloride 0.9% 1000 mL IV at 83 mL/h"),
    ("Sodium chloride 0.9% 500 mL", 1000.0, "mL", "en", "Sodium chloride 0.9% 500 mL 1000 mL IV at 83 mL/h"),
    ("Sodium chloride 0.9% 1500 mL", 500.0, "mL", "en", "Sodium chloride 0.9% 1500 mL 500 mL IV at 83 mL/h"),
    ("Hartmann's 1 L", 500.0, "mL", "fr", "Hartmann's 1 L 500 mL IV à 83 mL/h"),
    ("Paracetamol 250 mg/5 mL", 5.0, "mL", "en", "Paracetamol 250 mg/5 mL 5 mL IV at 83 mL/h"),
    ("Levothyroxine 125 micrograms", 25.0, "microgram", "en", "Levothyroxine 125 micrograms 25 microgram IV at 83 mL/h"),
    ("Levothyroxine 25 microgram/mL", 25.0, "microgram", "en", "Levothyroxine 25 microgram/mL 25 microgram IV at 83 mL/h"),
    ("Insulin glargine 100 units/mL", 100.0, "units", "en", "Insulin glargine 100 units/mL 100 units IV at 83 mL/h"),
])
def test_the_dose_its_name_says_is_said_once(forms, drug, dose, unit, lang, label):
    assert medication.order_label(_order(drug, dose, unit, rate=83.0), forms["medication_order"], lang) == label
