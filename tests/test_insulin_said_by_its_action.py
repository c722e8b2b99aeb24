"""An insulin written by its action before the word ("Long-acting insulin 20 units nocte", "Basal
insulin", "Intermediate-acting insulin") was no insulin at all, and a home line "Insulin - dose
unknown" was a list to get, dropped as a medicine: a type 1's basal insulin was never asked for
(JBDS-IP: never omitted). Ryzodeg (degludec with aspart) beside NovoRapid was one medicine ordered
twice, and Semglee beside Lantus two (review T4 D4)."""

import pytest

from downtime.domain.medication import basal_insulin, insulin, made_with_protamine, premixed, shares_a_medicine
from downtime.services.home_medicines import INSULIN, INSULIN_KINDS, elsewhere, home_lines, named


@pytest.mark.parametrize("drug", ["Long-acting insulin 20 units nocte", "Basal insulin 18 units",
                                  "Intermediate-acting insulin 10 units", "Long acting insulin"])
def test_an_insulin_said_by_its_action_first_is_a_basal_insulin(drug):
    assert insulin(drug) and basal_insulin(drug)
    assert named(drug) == {INSULIN, INSULIN_KINDS["basal"]}


@pytest.mark.parametrize("drug", ["Insulin-like growth factor", "NovoRapid 6 units (basal-bolus regimen)"])
def test_no_insulin_nor_basal_one_is_read_from_words_around(drug):
    assert not basal_insulin(drug)


@pytest.mark.parametrize("line", ["Insulin - dose unknown", "Unknown insulin"])
def test_an_insulin_of_unknown_dose_or_kind_is_a_home_insulin(line):
    assert [one.names for one in home_lines(line)] == [{INSULIN}] and elsewhere(line) is None


def test_ryzodeg_is_premixed_and_no_duplicate_of_novorapid():
    assert premixed("Ryzodeg 70/30") and basal_insulin("Ryzodeg 70/30")
    assert not shares_a_medicine("Ryzodeg 70/30", "NovoRapid")
    assert not made_with_protamine("Ryzodeg 70/30")


@pytest.mark.parametrize(("brand", "other"), [("Semglee", "Lantus"), ("Tresiba", "Insulin degludec")])
def test_a_basal_insulins_brand_is_its_medicine(brand, other):
    assert shares_a_medicine(brand, other) and basal_insulin(brand)
