"""A premixed insulin is read from its name or brand (Humalog Mix25, Mixtard, NovoMix, Humulin M3,
Insuman Comb, "premixed", "biphasic", "mixed insulin", "insuline mixte"; a "Mix" with its
proportion: "Mix 30/70", "30/70 Mix"), not from any "mix" in the line: "Humalog — mixed with …",
an Actrapid "do not mix" (and "do not mix 100 units/mL", a dose after it) were read as premixed,
continued while the patient was nil by mouth (a mealtime insulin given with no meal brings on a
hypo) and warned of protamine; and "Insuline mixte 30", "Mixed insulin 30/70", the premix's own
names, are premixed (read as mealtime, a type 1's only background insulin was held nil by mouth)."""

import pytest

from downtime.domain.medication import given_when_fasting, made_with_protamine, premixed


@pytest.mark.parametrize("drug", [
    "Humalog Mix25", "Humalog Mix 50 KwikPen", "Humalog Mix", "Mix 30 insulin", "Hypurin Porcine 30/70 Mix", "Mixtard 30", "NovoMix 30",
    "NovoMix30", "Humulin M3", "Insuman Comb 25", "Umuline Profil 30", "Biphasic insulin aspart",
    "Premixed insulin 20 units", "Insulin premix 30/70", "Insuline prémélangée 30/70", "Insuline mixte 30",
    "Mixed insulin 30/70", "Insulin, mixed 30/70", "Insulin Mix 30/70", "30/70 Mix insulin", "Humalog Mix25 12 units",
    "Insulin 30/70", "Humulin 30/70", "Insulin human 30/70", "Hypurin Porcine 30/70", "Lispro Mix 25", "HumalogMix25"])
def test_a_premixed_insulin_is_read_from_its_name(drug):
    assert premixed(drug)
    assert given_when_fasting(drug)


@pytest.mark.parametrize("drug", [
    "Humalog — mixed with NovoRapid in one pen", "Actrapid (do not mix)", "NovoRapid, not to be mixed",
    "NovoRapid (do not mix) 6 units", "Actrapid do not mix 100 units/mL", "Humalog (mix with NaCl 0.9%)",
    "Humalog, never mix", "Actrapid mix 50 units in 50 mL", "Insulin mixed with NaCl 0.9%", "Insulin (not mixed)",
    "Actrapid 50/50 mL", "Humulin S 10/12 units"])
def test_mix_elsewhere_in_an_insulin_line_is_no_premixed_insulin(drug):
    assert not premixed(drug)
    assert not given_when_fasting(drug)
    assert not made_with_protamine(drug)
