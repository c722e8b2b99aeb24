"""An allergy to something other than a medicine (an insect's sting, pollen, an animal, a food) is
never read as a medicine misspelt or shortened: "Wasp stings" warned before Istin (amlodipine),
"Graminées" before Fragmin. A real misspelling still warns ("Codiene" before codeine)."""

import pytest

from downtime.domain.medication import allergy_matches


@pytest.mark.parametrize("allergy", [
    "Wasp stings", "Bee sting (anaphylaxis)", "Piqûres de guêpe", "Piqûre d'abeille : choc", "Insect bites",
    "Pollen", "Graminées", "House dust", "Poussière", "Chat", "Chien", "Peanuts", "Cacahuètes"])
@pytest.mark.parametrize("drug", ["Istin 5 mg", "Amlodipine 5 mg", "Fragmin 5000 units", "Amlor"])
def test_an_allergy_to_no_medicine_warns_before_none(drug, allergy):
    assert allergy_matches(drug, [allergy]) == []


@pytest.mark.parametrize(("drug", "allergy"), [
    ("Amlodipine 5 mg", "Istin"), ("Istin 5 mg", "Amlodipine"), ("Codeine phosphate", "Codiene"),
    ("Co-codamol 30/500", "Codiene"), ("Amoxicillin", "Amox - rash"), ("Peanut oil ear drops", "Peanuts")])
def test_a_medicine_misspelt_shortened_or_a_word_both_share_still_warns(drug, allergy):
    assert allergy_matches(drug, [allergy]) == [allergy]
