"""Diabetes medicines by their brands (domain.medication.PRODUCTS): metformin in its French brand
and its combinations, reviewed on an acute kidney injury; degludec's combinations, insulins
(review R5)."""

import pytest

from downtime.domain.aki import nephrotoxic
from downtime.domain.glucose import BASAL_CHECKED_WITHIN, CHECKED_WITHIN, checked_within
from downtime.domain.medication import basal_insulin, flags_known, given_when_fasting, insulin, medicines_in


@pytest.mark.parametrize("drug", ["Stagid 700 mg", "Janumet 50 mg/1000 mg", "Velmetia", "Eucreas 50/850",
                                  "Glucovance 500 mg/5 mg"])
def test_metformin_by_its_brands_and_combinations_is_reviewed_on_a_kidney_injury(drug):
    """Each gave no "review metformin" on the AKI list, where "Glucophage" did."""
    assert "metformin" in medicines_in(drug) and nephrotoxic(drug, "PO")


@pytest.mark.parametrize("drug, gives", [
    ("Xigduo 5/1000 mg", {"dapagliflozin", "metformin"}), ("Ebymect 5/1000 mg", {"dapagliflozin", "metformin"}),
    ("Synjardy 12.5/1000 mg", {"empagliflozin", "metformin"}), ("Vokanamet", {"canagliflozin", "metformin"}),
    ("Segluromet", {"ertugliflozin", "metformin"}), ("Komboglyze", {"saxagliptin", "metformin"}),
    ("Jentadueto", {"linagliptin", "metformin"}), ("Icandra 50/1000", {"vildagliptin", "metformin"}),
    ("Efficib 50/1000", {"sitagliptin", "metformin"}), ("Vipdomet 12.5/1000 mg", {"alogliptin", "metformin"}),
    ("Competact", {"pioglitazon", "metformin"})])
def test_metformin_in_a_combination_with_a_gliflozin_or_a_gliptin_is_reviewed_on_a_kidney_injury(drug, gives):
    """The theatre list alone knew these as metformin: no eGFR or AKI review asked of them
    (review T1)."""
    assert medicines_in(drug) == gives and nephrotoxic(drug, "PO")


@pytest.mark.parametrize("drug, gives", [
    ("Forxiga 10 mg", {"dapagliflozin"}), ("Edistride 10 mg", {"dapagliflozin"}), ("Jardiance", {"empagliflozin"}),
    ("Invokana", {"canagliflozin"}), ("Steglatro", {"ertugliflozin"}), ("Zynquista", {"sotagliflozin"}),
    ("Qtern 5/10 mg", {"saxagliptin", "dapagliflozin"}), ("Glyxambi", {"empagliflozin", "linagliptin"}),
    ("Steglujan 5/100 mg", {"ertugliflozin", "sitagliptin"})])
def test_an_sglt2_inhibitor_by_its_brand_is_its_medicine(drug, gives):
    assert medicines_in(drug) == gives


@pytest.mark.parametrize("drug, partner, within", [("Ryzodeg 70/30", "insulin aspart", CHECKED_WITHIN),
                                                   ("Xultophy", "liraglutid", BASAL_CHECKED_WITHIN)])
def test_degludecs_combinations_are_basal_insulins(drug, partner, within):
    """Neither was an insulin: no glucose asked before the dose, not high-alert nor time-critical.
    Ryzodeg's aspart is given with a meal: its dose asks the hour's reading, as any premix's."""
    assert medicines_in(drug) == {"insulin degludec", partner}
    assert insulin(drug) and basal_insulin(drug) and checked_within(drug) == within
    assert set(flags_known(drug, "SC")) == {"high_alert", "time_critical"}


BNF_INSULINS = [
    ("NovoRapid", "mealtime"), ("Fiasp", "mealtime"), ("Trurapi", "mealtime"), ("Kirsty", "mealtime"),
    ("Insulin aspart Sanofi", "mealtime"), ("Humalog", "mealtime"), ("Admelog", "mealtime"), ("Lyumjev", "mealtime"),
    ("Apidra", "mealtime"), ("Actrapid", "mealtime"), ("Humulin S", "mealtime"), ("Insuman Rapid", "mealtime"),
    ("Hypurin Porcine Neutral", "mealtime"), ("Hypurin Bovine Neutral", "mealtime"), ("Umuline Rapide", "mealtime"),
    ("Humulin I", "basal"), ("Insulatard", "basal"), ("Insuman Basal", "basal"), ("Umuline NPH", "basal"),
    ("Hypurin Porcine Isophane", "basal"), ("Hypurin Bovine Isophane", "basal"), ("Hypurin Bovine Lente", "basal"),
    ("Hypurin Bovine Protamine Zinc", "basal"), ("Lantus", "basal"), ("Abasaglar", "basal"), ("Basaglar", "basal"),
    ("Semglee", "basal"), ("Toujeo", "basal"), ("Levemir", "basal"), ("Tresiba", "basal"), ("Ryzodeg 70/30", "basal"),
    ("Xultophy", "basal"), ("Suliqua 100/50", "basal"),
    ("Humulin M3", "premixed"), ("Humalog Mix25", "premixed"), ("Humalog Mix50", "premixed"),
    ("NovoMix 30", "premixed"), ("Insuman Comb 25", "premixed"), ("Hypurin Porcine 30/70 Mix", "premixed"),
    ("Actraphane 30", "premixed"), ("Mixtard 30", "premixed"), ("Umuline Profil 30", "premixed"),
    ("Protaphane", "basal"), ("Insulin (NPH)", "basal"), ("Insulin [isophane]", "basal"), ("Insulin-isophane", "basal"),
    ("Insulin (glargine)", "basal")]
"""The BNF's insulins (and the French names of the same), each with what it is to the app: a
mealtime one (rapid or short-acting, left out with the meal), a basal one (never omitted), or a
premixed one (continued when fasting)."""


@pytest.mark.parametrize("drug, kind", BNF_INSULINS)
def test_each_insulin_of_the_bnf_is_an_insulin_of_its_kind(drug, kind):
    """Hypurin, Actraphane, Trurapi, Kirsty, Basaglar and Suliqua were no insulin: no glucose asked
    before a dose, no units check, a basal Hypurin Isophane held "NBM" asked nothing (review R7)."""
    assert insulin(drug)
    assert set(flags_known(drug, "SC")) == {"high_alert", "time_critical"}
    assert basal_insulin(drug) is (kind == "basal")
    assert given_when_fasting(drug) is (kind != "mealtime")


@pytest.mark.parametrize("drug", [
    "Insulatard (protamine)", "Insulin isophane (protamine)", "Insulin isophane protamine",
    "Humulin I (isophane protamine)", "Umuline NPH protamine", "Insuline isophane protaminée",
    "Insuline NPH (protamine)"])
def test_an_isophane_insulin_naming_its_protamine_stays_a_basal_insulin(drug):
    """Read as the heparin's reversal protamine alone: no insulin, saved in mL with high-alert and
    time-critical unticked (review S8)."""
    assert insulin(drug) and basal_insulin(drug)
    assert set(flags_known(drug, "SC")) == {"high_alert", "time_critical"}


def test_an_isophane_insulin_naming_its_protamine_in_ml_is_refused(session_for, medication_ward):
    from downtime.services import records
    from downtime.services.errors import ValidationFailed

    with pytest.raises(ValidationFailed):
        records.save_new(session_for("doctor"), "medication_order", {
            "drug": "Insulin isophane (protamine)", "dose": 0.2, "dose_unit": "mL", "route": "SC",
            "frequency": "scheduled", "times": "08:00", "start_at": "2026-11-28T08:00+01:00",
            "controlled": False, "high_alert": False}, patient_id=medication_ward[0])



@pytest.mark.parametrize("drug, kind", [
    ("Glargine", "basal"), ("Degludec", "basal"), ("Detemir", "basal"), ("Aspart", "mealtime"),
    ("Lispro", "mealtime"), ("Glulisine", "mealtime")])
def test_an_insulin_analogue_named_without_the_word_insulin_is_an_insulin_of_its_kind(drug, kind):
    """"Glargine" alone, as a home list writes it, was no insulin: no units check, no
    time-critical flag, and a basal one held nil by mouth unasked."""
    assert insulin(drug)
    assert set(flags_known(drug, "SC")) == {"high_alert", "time_critical"}
    assert basal_insulin(drug) is (kind == "basal")
    assert given_when_fasting(drug) is (kind != "mealtime")
