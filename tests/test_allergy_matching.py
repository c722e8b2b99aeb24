"""Allergy matching as a pharmacist reads it: any word of the allergy naming a class or a
member counts, brands and combination products stand for what they contain, and short class
names never match inside other words."""

import pytest
from hypothesis import given, strategies as st

from downtime.domain.medication import allergy_matches, controlled_drug


@pytest.mark.parametrize("drug, allergy", [
    ("Co-amoxiclav", "Penicillin V"),
    ("Co-amoxiclav", "Penicillin G"),
    ("Amoxicillin", "Penicillin (anaphylaxis)"),
    ("Co-amoxiclav", "Beta-lactams"),
    ("Amoxicilline", "pénicillines"),
    ("Augmentin", "Penicillin V"),
    ("Amoxicilline/acide clavulanique", "Pénicilline G"),
    ("Tazocin", "penicillin"),
    ("Piperacillin/tazobactam", "Penicillins"),
    # The ward's shorthand and the UK's ampicillin-flucloxacillin: prescribed to a penicillin
    # allergy with nothing asked.
    ("Pip-taz", "Penicillin"), ("Piptaz 4.5 g", "Penicillin"), ("Pip/tazo", "Penicillin"),
    ("Magnapen", "Penicillin"), ("Co-fluampicil", "Penicillin"),
    # Ticarcillin-clavulanate by its brands (Timentin; Claventin in France) and the penicillins'
    # other brands and ward shorthands, on English and French wards: each was prescribed to a
    # penicillin allergy with nothing asked.
    ("Timentin 3.2 g", "Penicillin"), ("Claventin", "pénicillines"), ("Ticarpen", "Penicillin"),
    ("Ticarcillin", "Penicillin"), ("Floxapen", "Penicillin"), ("Fluclox 500 mg", "Penicillin"),
    ("Pen V 250 mg", "Penicillin"), ("Pen G", "Penicillin"), ("BenPen", "Penicillin"), ("Crystapen", "Penicillin"),
    ("Negaban", "Penicillin"), ("Amoxil", "Penicillin"), ("Co-amox", "Penicillin"), ("Amoxiclav", "Penicillin"),
    ("Penbritin", "Penicillin"), ("Totapen", "pénicilline"), ("Bristopen", "pénicilline"), ("Ciblor", "pénicilline"),
    ("Selexid", "Penicillin"),
    # A penicillin allergy as wards write it in haste: abbreviated ("PCN", the French "Péni") or
    # with one l; amoxicillin was given against each with no warning.
    ("Amoxicillin", "PCN"), ("Amoxicillin", "Péni"), ("Amoxicillin", "Penicilin"), ("Amoxicilline", "Pénicilines"),
    ("Co-codamol 30/500", "codeine"),
    ("Dafalgan codéiné", "Codéine"),
    ("Oramorph", "morphine"),
    ("Actiskenan", "Morphine (vomiting)"),
    ("Skenan LP", "morphine"),
    ("Doliprane", "Paracetamol"),
    ("Efferalgan", "paracétamol"),
    ("Co-codamol", "paracetamol"),
    ("Ceftriaxone", "bêta-lactamines"),
    ("Ibuprofen", "AINS"),
    ("Pivmecillinam", "Penicillin"),
    ("Gentamicin", "Gentamicin - rash"),
    ("Vancomycin", "Vancomycin (red man syndrome)"),
    ("Insulin glargine", "insulin"),
])
def test_matches_a_pharmacist_expects(drug, allergy):
    assert allergy_matches(drug, [allergy]) == [allergy]


@pytest.mark.parametrize("drug, allergy", [
    ("Amoxicillin", "latex"),
    ("Paracetamol", "penicillin"),
    ("Lidocaine", "AINS"),  # "ain" is a class name only as a word, not inside "lidocaine"
    ("Ceftriaxone", "Penicillin"),
    ("Tranexamic acid", "Clavulanic acid"),
    ("Potassium chloride", "Penicillin V potassium"),
    ("Clarithromycin", "Penicillin"),
    ("Furosemide", "Iodinated contrast"),
    ("Enoxaparin", "Peanuts"),
    ("Paracetamol", "Codeine"),
    ("Insulin glargine pen", "Penicillin"),  # a pen is not Pen V
    ("Novorapid FlexPen", "Penicillin G"),
])
def test_no_false_alarms(drug, allergy):
    assert allergy_matches(drug, [allergy]) == []


@given(st.text(), st.lists(st.text(), max_size=4))
def test_matching_never_raises_on_any_text(drug, allergies):
    assert set(allergy_matches(drug, allergies)) <= set(allergies)


@pytest.mark.parametrize("drug, controlled", [
    ("Oxycodone", True), ("Morphine sulfate", True), ("Oramorph", True), ("Fentanyl patch", True),
    ("Buprénorphine", True), ("Méthadone", True), ("Péthidine", True), ("Hydromorphone", True),
    ("Paracetamol", False), ("Codeine", False), ("Co-codamol", False), ("Amoxicillin", False),
])
def test_controlled_drugs_are_known_by_name_or_brand(drug, controlled):
    assert controlled_drug(drug) is controlled
