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
    # The UK's benzodiazepine brands: "Librium" was no benzodiazepine, prescribed to such an allergy unasked.
    ("Librium 20 mg", "Benzodiazepines"), ("Stesolid 10 mg", "Diazepam"), ("Mogadon 5 mg", "Benzodiazepine"),
    ("Frisium 10 mg", "Clobazam"), ("Epistatus 10 mg", "Midazolam"), ("Diazemuls 10 mg", "Benzos"),
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
    # Children's ibuprofen and paracetamol by their French and UK brands: given to a child allergic
    # to ibuprofen or paracetamol with nothing asked.
    ("Nurofenpro 20 mg/mL", "Ibuprofen (wheeze)"), ("Advilmed 20 mg/mL", "Ibuprofène"),
    ("Antarène 20 mg/mL", "Ibuprofen"), ("Antarene", "Ibuprofen"), ("Nureflex", "ibuprofène"),
    ("Fenpaed", "Ibuprofen"), ("Calprofen 100 mg/5 mL", "Ibuprofen"), ("Medinol 120 mg/5 mL", "Paracetamol"),
    ("Disprol", "Paracetamol"),
    ("Efferalgan", "paracétamol"),
    ("Co-codamol", "paracetamol"),
    ("Ceftriaxone", "bêta-lactamines"),
    ("Ibuprofen", "AINS"),
    ("Pivmecillinam", "Penicillin"),
    ("Gentamicin", "Gentamicin - rash"),
    ("Vancomycin", "Vancomycin (red man syndrome)"),
    ("Insulin glargine", "insulin"),
    # A medicine named in salt and ion words alone, each no medicine's: they matched nothing.
    ("Magnesium sulfate 2 g IV", "Magnesium sulfate (flushing)"), ("Calcium chloride 10%", "Calcium chloride"),
    ("Sodium citrate", "Sodium citrate"),
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
    ("Sodium chloride 0.9%", "Sodium"), ("Sodium chloride 0.9%", "Sodium citrate"), ("Magnesium sulfate", "Magnesium"),
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


@pytest.mark.parametrize("allergy, drug", [
    # NSAIDs: every member, by its name, its ending, its brand or its other spelling, and the
    # class written out in English or French; aspirin among them (BNF: every NSAID is
    # contraindicated after a reaction to aspirin or to another NSAID).
    ("NSAIDs", "Ketorolac"), ("NSAIDs", "Parecoxib"), ("NSAIDs", "Etoricoxib"), ("NSAIDs", "Meloxicam"),
    ("NSAIDs", "Piroxicam"), ("NSAIDs", "Mefenamic acid"), ("NSAIDs", "Flurbiprofen"), ("NSAIDs", "Dexketoprofen"),
    ("NSAIDs", "Indomethacin"), ("NSAIDs", "Naprosyn"), ("NSAIDs", "Toradol"), ("NSAIDs", "Arcoxia"),
    ("NSAIDs", "Dynastat"), ("NSAIDs", "Aspirin 75 mg"), ("AINS", "Kétorolac"), ("AINS", "Acide méfénamique"),
    ("Ibuprofen (bronchospasm)", "Ketorolac"), ("Aspirin (bronchospasm)", "Ibuprofen"),
    ("Non-steroidal anti-inflammatory drugs", "Ibuprofen"), ("Non-steroidal anti-inflammatories", "Naproxen"),
    ("Anti-inflammatories", "Diclofenac"), ("Anti-inflammatoires", "Kétoprofène"),
    # Sulphonamides as the BNF spells them.
    ("Sulphonamides", "Co-trimoxazole"), ("Sulphonamides", "Septrin"), ("Sulphonamide", "Sulfamethoxazole"),
    ("Sulphonamides (rash)", "Sulfadiazine"),
    # A contrast medium's reaction written without "iodinated"; an iodine allergy before them too.
    ("Contrast", "Omnipaque"), ("IV contrast (anaphylaxis)", "Iohexol"), ("Contrast media", "Iodixanol"),
    ("Contrast dye", "Visipaque"), ("Produit de contraste", "Omnipaque"), ("Iodine", "Visipaque"),
    # A contrast medium that holds no iodine before its own kind.
    ("Gadolinium contrast", "Gadovist"), ("Contrast (MRI)", "Dotarem"), ("Produit de contraste gadoliné", "Clariscan"),
    ("Barium contrast", "Micropaque"),
    # A contrast allergy naming the iodinated kind (in words, by CT or scanner, or by a product)
    # beside MRI's warns before both kinds.
    *(((allergy, drug) for allergy in (
        "Iodinated and gadolinium contrast", "Iodinated contrast and MRI contrast", "Contrast (CT and MRI)",
        "Scanner et IRM : produits de contraste", "Produit de contraste iodé et gadoliné (TDM, IRM)",
        "Contrast: Iopamidol and gadolinium")
       for drug in ("Omnipaque 350", "Iohexol", "Dotarem"))),
    # Chlorhexidine by the gels, skin preparations, mouthwashes and dressings that hold it.
    *((("Chlorhexidine (anaphylaxis)", product) for product in (
        "Instillagel", "ChloraPrep", "Hibiscrub", "Hibitane", "Biseptine", "Tegaderm CHG", "Corsodyl", "Eludril"))),
    # Heparin flushes after a HIT.
    *(((allergy, flush) for allergy in ("HIT", "Heparin (HIT)")
       for flush in ("Heparinised saline", "Hepsal", "Canusal"))),
    # Arachis (peanut) oil after a peanut allergy.
    ("Peanut (anaphylaxis)", "Arachis oil enema"), ("Arachide", "Huile d'arachide"),
    # Beta-lactams in one word, abbreviated, or with a Greek beta.
    *((((allergy, "Amoxicillin") for allergy in ("Betalactams", "B-lactam", "Bêtalactamines",
                                                 "Allergie aux bêtalactamines", "β-lactams", "β-lactamines",
                                                 "ß-Lactam")))),
])
def test_a_class_matches_its_members_products_and_spellings(allergy, drug):
    assert allergy_matches(drug, [allergy]) == [allergy]


@pytest.mark.parametrize("allergy, drug", [
    # A contrast medium's reaction says nothing of povidone-iodine's, however its name is written.
    ("Contrast", "Povidone-iodine"), ("IV contrast (anaphylaxis)", "Bétadine"), ("Iodinated contrast", "Bétadine"),
    ("Produit de contraste", "Povidone iodée"),
    # A gadolinium (MRI) or barium contrast's reaction says nothing of an iodinated one's.
    ("Gadolinium contrast", "Omnipaque 350"), ("Barium contrast", "Omnipaque 350"), ("Contrast (MRI)", "Omnipaque 350"),
    ("Produit de contraste gadoliné", "Iohexol"), ("Contrast (MRI)", "Povidone-iodine"),
    # The NSAIDs' endings do not reach what is no NSAID; a flush is no allergy of a peanut's.
    ("NSAIDs", "Paracetamol"), ("NSAIDs", "Nefopam"), ("Chlorhexidine", "Lidocaine"), ("Peanut", "Hepsal"),
])
def test_a_class_added_warns_before_nothing_else(allergy, drug):
    assert allergy_matches(drug, [allergy]) == []


def test_a_heparin_flush_is_still_no_anticoagulant():
    """Known as heparin for a HIT, a flush keeps a line open, no patient's blood from clotting."""
    from downtime.domain.medication import anticoagulant
    assert not anticoagulant("Heparinised saline 10 units/mL") and not anticoagulant("Hepsal")
    assert anticoagulant("Heparin 5000 units")


def test_ketorolac_for_an_nsaid_bronchospasm_needs_the_prescribers_reason(session_for, admission_values):
    from downtime.services import medication, records, wards
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    patient = records.save_new(session_for("nurse"), "admission", {**admission_values, "allergies": [
        {"substance": "NSAIDs", "reaction": "Bronchospasm", "severity": "severe"}]}).patient_id
    order = {"drug": "Ketorolac", "dose": 10.0, "dose_unit": "mg", "route": "IV", "frequency": "prn",
             "prn_indication": "pain", "min_interval_hours": 6, "max_doses_24h": 4,
             "start_at": "2026-11-28T15:00+01:00", "controlled": False, "high_alert": False}
    assert medication.allergy_reason_needed(session_for("doctor"), patient, order) == ["NSAIDs"]


@pytest.mark.parametrize("drug, allergy", [
    ("Warfarin 5 mg", "Vitamin K antagonist (warfarin)"), ("Fluindione 20 mg", "Anti-vitamine K (fluindione)"),
    ("Heparin sodium 5000 units", "Protamine / heparin (HIT)"), ("Heparin sodium 5000 units", "Protamine, heparin"),
    ("Enoxaparin 40 mg", "Protamine sulfate; enoxaparin"), ("Insulatard (protamine)", "Protamine")])
def test_an_allergy_naming_a_reversal_agent_is_read_whole(drug, allergy):
    """An order's reversal agent is read alone (domain.medication's `_reversal_alone`), an allergy's
    text never: these warned of nothing, heparin given to a HIT patient (review S8)."""
    assert allergy_matches(drug, [allergy]) == [allergy]


@pytest.mark.parametrize("allergy", ["Vitamin K antagonist (warfarin)", "Anti-vitamine K (fluindione)",
                                     "Protamine / heparin (HIT)"])
def test_an_anticoagulant_allergy_after_a_reversal_word_is_exported_as_a_medication_allergy(allergy):
    from downtime.sync.fhir_allergies import category

    assert category(allergy) == "medication"


@pytest.mark.parametrize("allergy, drug", [
    ("Losartan (angioedema)", "Valsartan 80 mg"), ("Losartan (angioedema)", "Entresto 49/51 mg"),
    ("Cozaar : œdème de Quincke", "Candesartan 8 mg"), ("Sartans", "Valsartan 80 mg"), ("ARB", "Irbesartan"),
    ("ARA II", "Tareg 80 mg"), ("Antagonistes des récepteurs de l'angiotensine II", "Telmisartan"),
    ("Angiotensin receptor blockers", "Olmesartan"), ("Sartans", "Fimasartan")])
def test_an_angiotensin_receptor_blocker_named_or_its_angioedema_warns_before_every_sartan(allergy, drug):
    """A losartan angioedema said nothing before valsartan or Entresto, and no sartan allergy had
    a class (BNF: other ARBs only with great caution after an angioedema; review T1)."""
    assert allergy_matches(drug, [allergy]) == [allergy]


@pytest.mark.parametrize("allergy, drug", [
    ("Losartan (cough)", "Valsartan 80 mg"), ("Losartan (rash)", "Entresto 49/51 mg"), ("Sartans", "Ramipril"),
    ("Losartan (angioedema)", "Amlodipine")])
def test_a_sartan_named_alone_without_an_angioedema_warns_before_no_other(allergy, drug):
    assert allergy_matches(drug, [allergy]) == []


def test_the_warning_says_why_another_sartan_matches():
    from downtime.domain.medication import allergies_matched

    assert allergies_matched("Valsartan 80 mg", ["Losartan (angioedema)"]).text("en") == (
        "Losartan (angioedema) — an angioedema with an angiotensin receptor blocker: every other one is given "
        "only with great caution after one")


@pytest.mark.parametrize("allergy", ["AVK", "Allergie aux AVK", "Anti-vitamine K", "Antivitamines K (urticaire)",
                                     "Vitamin K antagonist", "VKA"])
@pytest.mark.parametrize("drug", ["Warfarin 5 mg", "Previscan 20 mg", "Sintrom 4 mg", "Coumadine 2 mg",
                                  "Fluindione 20 mg"])
def test_a_vitamin_k_antagonist_allergy_warns_before_every_one(allergy, drug):
    """The class was read as a word no table knew: "Allergie aux AVK" warned before no warfarin
    or Previscan (review T1)."""
    assert allergy_matches(drug, [allergy]) == [allergy]


@pytest.mark.parametrize("drug, allergy", [
    ("Antivitamine K", "Anti-vitamine K"), ("Vitamin K antagonist", "Vitamin K antagonist (warfarin)")])
def test_the_vitamin_k_antagonists_class_matches_itself_however_written(drug, allergy):
    assert allergy_matches(drug, [allergy]) == [allergy]


@pytest.mark.parametrize("drug, allergy", [
    ("Warfarin 5 mg", "Fluindione (rash)"), ("Vitamin K 10 mg IV", "AVK"), ("Konakion", "Anti-vitamine K"),
    ("Apixaban 5 mg", "AVK")])
def test_a_vitamin_k_antagonist_allergy_warns_before_no_vitamin_k_nor_another_named_alone(drug, allergy):
    assert allergy_matches(drug, [allergy]) == []


@pytest.mark.parametrize("drug", ["Insulatard 10 units", "Humulin I 10 units", "Umuline NPH 12 UI", "NovoMix 30",
                                  "Mixtard 30", "Humalog Mix25", "Insuman Basal", "Hypurin Porcine Isophane",
                                  "Protaphane", "Insulin (NPH)"])
def test_a_protamine_allergy_warns_before_an_insulin_made_with_protamine(drug):
    """Isophane and premixed insulins hold protamine: it warned only where the name said it
    (review T1)."""
    assert allergy_matches(drug, ["Protamine (anaphylaxis)"]) == ["Protamine (anaphylaxis)"]


@pytest.mark.parametrize("drug", ["Lantus 20 units", "Levemir", "Tresiba", "Actrapid", "Hypurin Bovine Lente"])
def test_a_protamine_allergy_warns_before_no_insulin_made_without_it(drug):
    assert allergy_matches(drug, ["Protamine (anaphylaxis)"]) == []


@pytest.mark.parametrize("drug, allergy", [
    ("Vitamin D3 1000 units", "Vitamin K"), ("Vitamin B12 1 mg IM", "Vitamine K1"),
    ("Vitamin C 500 mg", "Vitamin K (rash)"), ("Vitamin K 10 mg IV", "Vitamin D")])
def test_another_vitamin_is_no_vitamin_k_allergy(drug, allergy):
    """The word "vitamin" alone matched them (review T1)."""
    assert allergy_matches(drug, [allergy]) == []


@pytest.mark.parametrize("drug, allergy", [
    ("Vitamin K1 10 mg", "Vitamine K"), ("Konakion MM 10 mg", "Vitamin K (anaphylaxis)"),
    ("Vitamin D3 1000 units", "Vitamine D (urticaire)")])
def test_a_vitamin_still_warns_before_itself(drug, allergy):
    assert allergy_matches(drug, [allergy]) == [allergy]
