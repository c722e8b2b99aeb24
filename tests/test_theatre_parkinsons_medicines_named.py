"""The theatre list names every Parkinson's medicine as time-critical, as Parkinson's UK's "Get It
On Time" counts them: a patient on rasagiline and amantadine alone (an MAO-B inhibitor, taken once
a day) was not put first, and got no "ON A TIME-CRITICAL PARKINSON'S MEDICINE" line (review T2
item 8)."""

import pytest

from downtime.domain.medication import parkinsons_medicine


@pytest.mark.parametrize("drug", [
    "Rasagiline 1 mg", "Azilect", "Selegiline", "Eldepryl", "Zelapar", "Safinamide", "Xadago", "Amantadine 100 mg",
    "Opicapone", "Ongentys", "Entacapone", "Comtess", "Tolcapone", "Sastravi 100/25/200", "Oprymea", "Inbrija"])
def test_each_parkinsons_medicine_is_named_by_the_theatre_list(drug):
    assert parkinsons_medicine(drug)


@pytest.mark.parametrize("drug", ["Glargine", "Lispro Mix 25", "Levothyroxine"])
def test_an_insulin_or_another_medicine_is_no_parkinsons_medicine(drug):
    assert not parkinsons_medicine(drug)
