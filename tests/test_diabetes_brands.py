"""Diabetes medicines by their brands (domain.medication.PRODUCTS): metformin in its French brand
and its combinations, reviewed on an acute kidney injury; degludec's combinations, insulins
(review R5)."""

import pytest

from downtime.domain.aki import nephrotoxic
from downtime.domain.glucose import BASAL_CHECKED_WITHIN, checked_within
from downtime.domain.medication import basal_insulin, flags_known, insulin, medicines_in


@pytest.mark.parametrize("drug", ["Stagid 700 mg", "Janumet 50 mg/1000 mg", "Velmetia", "Eucreas 50/850",
                                  "Glucovance 500 mg/5 mg"])
def test_metformin_by_its_brands_and_combinations_is_reviewed_on_a_kidney_injury(drug):
    """Each gave no "review metformin" on the AKI list, where "Glucophage" did."""
    assert "metformin" in medicines_in(drug) and nephrotoxic(drug, "PO")


@pytest.mark.parametrize("drug, partner", [("Ryzodeg 70/30", "insulin aspart"), ("Xultophy", "liraglutid")])
def test_degludecs_combinations_are_basal_insulins(drug, partner):
    """Neither was an insulin: no glucose asked before the dose, not high-alert nor time-critical."""
    assert medicines_in(drug) == {"insulin degludec", partner}
    assert insulin(drug) and basal_insulin(drug) and checked_within(drug) == BASAL_CHECKED_WITHIN
    assert set(flags_known(drug, "SC")) == {"high_alert", "time_critical"}
