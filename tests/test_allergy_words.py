"""An allergy as wards write it (a reviewer's probes): shortened ("Amox", "Cipro", the French
"AAS"), to a class ("Quinolones", "Curares", "Héparines (TIH)", "IEC"), to iodine in French, or
an order written by its brand ("Flagyl", "Esmeron"): each was prescribed with nothing asked. And
theatre's latex reading, which took "No latex allergy" in a booking's notes for an allergy."""

import pytest

from downtime.domain.medication import allergy_matches, shares_a_medicine
from downtime.domain.theatre import latex_allergic
from downtime.services import medication, records, theatre, wards


@pytest.mark.parametrize("drug, allergy", [
    ("Amoxicillin", "Amox"), ("Amoxicilline 1 g", "Amoxi (urticaire)"), ("Co-amoxiclav", "Amox - rash"),
    ("Ciprofloxacin", "Cipro"), ("Vancomycin", "Vanco"), ("Gentamicin", "Genta"), ("Aspirine", "AAS"),
    ("Kardégic 75 mg", "Acide acétylsalicylique"), ("Prednisolone", "Pred"),
    ("Doliprane 1 g", "Para"),  # a brand, by the medicine it gives
    ("Augmentin", "Allergie à l'amox"),
])
def test_an_allergy_shortened_as_wards_write_it_warns_before_the_medicine(drug, allergy):
    assert allergy_matches(drug, [allergy]) == [allergy]


@pytest.mark.parametrize("drug, allergy", [
    # A word of the reaction is no medicine shortened: "mouth" starts "mouthwash".
    ("Chlorhexidine mouthwash", "Co-trimoxazole (mouth ulcers)"), ("Difflam mouthwash", "Amoxicillin - mouth ulcers"),
    ("Skinoren cream", "Plasters (skin rash)"),
    # Three letters are too few: a fish allergy is no codeine's.
    ("Codeine", "Cod"), ("Co-codamol", "Cod (fish)"),
    # Only the allergy's word shortened, never the drug's: "aspart" starts "Aspartame".
    ("Insulin aspart", "Aspartame"), ("Lactulose", "Lactose"), ("Tetracaine", "Tetracycline"),
])
def test_no_medicine_is_read_in_a_reaction_or_a_word_too_short(drug, allergy):
    assert allergy_matches(drug, [allergy]) == []


@pytest.mark.parametrize("drug, allergy", [
    ("Enoxaparin", "Heparin (HIT)"), ("Lovenox 4000 UI", "Héparines"), ("Tinzaparin", "heparin"),
    ("Enoxaparine", "Héparine (TIH)"), ("Clexane 40 mg", "HIT"), ("Fragmin", "LMWH"), ("Fraxiparine", "HBPM"),
    ("Heparin sodium 5000 units", "HNF"), ("Héparine sodique", "Enoxaparine (TIH)"), ("Dalteparin", "Tinzaparin"),
])
def test_a_heparin_allergy_or_hit_warns_before_every_heparin(drug, allergy):
    assert allergy_matches(drug, [allergy]) == [allergy]


@pytest.mark.parametrize("drug", ["Fondaparinux", "Arixtra 2.5 mg", "Danaparoid", "Argatroban", "Apixaban"])
def test_what_is_given_after_a_hit_is_no_heparin(drug):
    assert allergy_matches(drug, ["Heparin (HIT)", "Héparines", "TIH"]) == []


@pytest.mark.parametrize("drug, allergy", [
    ("Ciprofloxacin", "Quinolones"), ("Lévofloxacine", "Fluoroquinolones"), ("Moxifloxacin", "Ciprofloxacin"),
    ("Clarithromycin", "Macrolides"), ("Azithromycin", "Erythromycin"), ("Doxycycline", "Tetracyclines"),
    ("Minocycline", "Cyclines"), ("Gentamicine", "Aminosides"), ("Gentamicin", "Aminoglycosides"),
    ("Amikacin", "Gentamicin"), ("Rocuronium", "Curares"), ("Atracurium", "Neuromuscular blockers"),
    ("Vecuronium", "Rocuronium (anaphylaxis)"), ("Diazepam", "Benzodiazepines"), ("Midazolam", "Benzos"),
    ("Teicoplanin", "Glycopeptides"), ("Teicoplanin", "Vancomycin"), ("Ramipril", "ACE inhibitors"),
    ("Coversyl 5 mg", "IEC"), ("Perindopril", "Inhibiteurs de l'enzyme de conversion"),
])
def test_a_class_allergy_warns_before_its_members(drug, allergy):
    assert allergy_matches(drug, [allergy]) == [allergy]


@pytest.mark.parametrize("drug, allergy", [
    ("Zopiclone", "Benzodiazepines"), ("Clindamycin", "Macrolides"), ("Linezolid", "Glycopeptides"),
    ("Clarithromycin", "Penicillin"), ("Clarithromycin", "Quinolones"),
    # An ACE inhibitor recorded is mostly its cough: said before another only when the class is named.
    ("Lisinopril", "Ramipril"), ("Losartan", "IEC"),
])
def test_a_class_warns_before_its_members_only(drug, allergy):
    assert allergy_matches(drug, [allergy]) == []


@pytest.mark.parametrize("drug, allergy", [
    ("Flagyl", "Metronidazole"), ("Ciflox", "Ciprofloxacine"), ("Dalacine", "Clindamycine"),
    ("Zithromax", "Azithromycine"), ("Gentalline", "Gentamicine"), ("Vancocin", "Vancomycin"),
    ("Esmeron", "Rocuronium"), ("Célocurine", "Suxaméthonium"), ("Tavanic", "Lévofloxacine"),
    ("Klaricid", "Clarithromycin"), ("Cidomycin", "Gentamicin"), ("Diprivan", "Propofol"),
    ("Hypnovel", "Benzodiazépines"), ("Xylocaine 1%", "Lidocaine"), ("Targocid", "Vancomycin"),
])
def test_an_order_written_by_its_brand_warns_before_the_generic_allergy(drug, allergy):
    assert allergy_matches(drug, [allergy]) == [allergy]


def test_a_brand_is_its_medicine_for_the_orders_written_twice_too():
    """The brands and aspirin's French names are the one medicine an "Already ordered" check
    counts: "Acide acétylsalicylique 75 mg" beside "Kardégic 75 mg" was two medicines."""
    assert shares_a_medicine("Acide acétylsalicylique 75 mg", "Kardégic 75 mg")
    assert shares_a_medicine("Flagyl 500 mg", "Metronidazole")
    assert not shares_a_medicine("Fondaparinux", "Enoxaparin")


@pytest.mark.parametrize("drug, allergy", [
    ("Povidone iodée", "Iode"), ("Bétadine dermique", "allergie à l'iode"), ("Povidone iodine", "Iode"),
    ("Povidone iodine", "Iodine"), ("Omnipaque 350", "Produit de contraste iodé"), ("Betadine", "Iodé"),
    ("Iohexol", "Iodinated contrast"),
])
def test_an_iodine_allergy_warns_in_either_language(drug, allergy):
    assert allergy_matches(drug, [allergy]) == [allergy]


@pytest.mark.parametrize("drug, allergy", [
    ("Furosemide", "Iodinated contrast"), ("Codeine", "Iode"),
    # A contrast medium's reaction says nothing of povidone-iodine's: only iodine named warns.
    ("Bétadine", "Omnipaque (urticaire)"),
])
def test_an_iodine_allergy_warns_before_iodine_only(drug, allergy):
    assert allergy_matches(drug, [allergy]) == []


@pytest.mark.parametrize("text, allergic", [
    ("Caoutchouc naturel (urticaire)", True), ("Latex", True), ("No allergies except latex", True),
    ("Pas d'allergie sauf latex", True), ("Not allergic to penicillin but allergic to latex", True),
    ("Latex allergy - not severe", True), ("Sans latex", True), ("No latex gloves: allergic", True),
    ("No latex allergy", False), ("Not allergic to latex", False), ("Pas d'allergie au latex", False),
    ("No known latex allergy", False), ("Aucune allergie connue", False), ("Sans allergie au latex", False),
    # A denial of other allergies naming latex apart: each was read as one denial, latex and all.
    ("No allergies other than latex", True), ("No known allergies other than latex", True),
    ("Aucune allergie autre que le latex", True), ("Pas d'allergie en dehors du latex", True),
    ("No allergies besides latex", True), ("No known drug allergies (latex allergy)", True),
    ("No drug allergies (allergic to latex)", True), ("No drug allergies / latex allergic", True),
    ("No allergies (including latex)", False), ("No latex allergy (confirmed)", False),
])
def test_latex_read_as_theatre_reads_it(text, allergic):
    """A clause denying an allergy is no allergy; "sans latex" alone asks for a latex-free theatre."""
    assert latex_allergic([text]) is allergic


def test_a_booking_noting_no_latex_allergy_is_not_flagged_after_another_operation(session_for, admission_values):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    coord, nurse = session_for("coord"), session_for("nurse")
    session = records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery", "starts_at": "2026-11-30T08:00+01:00",
        "ends_at": "2026-11-30T14:00+01:00"}).record_id
    booked = []
    for bed, (family, notes) in enumerate([("Blanc", ""), ("Durand", "No latex allergy"), ("Roche", "Latex")]):
        patient = records.save_new(nurse, "admission", {
            **admission_values, "allergy_status": "nka", "allergies": [], "bed": str(bed + 1), "birth_name": family,
            "used_name": None, "given_names": "Luc", "nir": None}).patient_id
        booked.append(theatre.book(coord, patient, {
            "procedure": "Inguinal hernia repair", "laterality": "left", "priority": "elective",
            "decided_at": "2026-10-01T10:00+01:00", "surgeon": "Dr A", "session": session,
            "planned_start": f"2026-11-30T{8 + 2 * bed:02d}:00+01:00", "expected_minutes": 60,
            "notes": notes}).record_id)
    flagged = [theatre.flagged(theatre.booking_line(coord.db, coord.forms, booking, coord.clock()), "en",
                               coord.clock()) for booking in booked]
    assert flagged == [[], [], ["LATEX ALLERGY: move first, latex-free theatre"]]


def test_enoxaparin_for_a_hit_needs_the_prescribers_reason(session_for, admission_values):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    patient = records.save_new(session_for("nurse"), "admission", {
        **admission_values, "allergies": [{"substance": "Héparine", "reaction": "TIH", "severity": "severe"}]}
    ).patient_id
    order = {"drug": "Lovenox", "dose": 4000.0, "dose_unit": "units", "route": "SC", "frequency": "scheduled",
             "times": "20:00", "start_at": "2026-11-28T20:00+01:00", "controlled": False, "high_alert": True}
    assert medication.allergy_reason_needed(session_for("doctor"), patient, order) == ["Héparine"]


@pytest.mark.parametrize("drug, allergy", [
    ("Gentamycin", "Gentamicin"), ("Codiene", "Codeine"), ("Erythromicin", "Erythromycin"),
    ("Trimetoprim", "Trimethoprim"), ("Acide fusidique", "Fusidic acid"), ("Codiene 30 mg", "Codeine (rash)"),
])
def test_an_order_misspelt_warns_before_the_allergy_spelt_right(drug, allergy):
    """Either side may be the one misspelt: the order is free text as much as the allergy."""
    assert allergy_matches(drug, [allergy]) == [allergy]
    assert allergy_matches(allergy, [drug]) == [drug]


@pytest.mark.parametrize("drug, allergy", [
    # The order's word alike to the allergy's reaction is no misspelling of the substance.
    ("Ulceran", "Co-trimoxazole (ulcers)"), ("Insulin aspart", "Aspartame"), ("Tetracaine", "Tetracycline"),
    ("Cocaine", "Codeine"), ("Lactulose", "Lactose"),
])
def test_an_order_is_not_read_as_misspelt_beyond_a_letter_or_in_a_reaction(drug, allergy):
    assert allergy_matches(drug, [allergy]) == []


@pytest.mark.parametrize("drug, allergy", [
    # Another medicine merely alike, read by the order's side: two slips or more, or two after
    # another first letter, are no misspelling however alike the names look.
    ("Dexamethasone 6 mg", "Dexamfetamine"), ("Duloxetine 60 mg", "Fluoxetine"),
    ("Hydrocortisone 100 mg", "Fludrocortisone"), ("Paliperidone", "Risperidone"), ("Oxcarbazepine", "Carbamazepine"),
    ("Nimodipine", "Amlodipine"), ("Losartan", "Valsartan"), ("Nortriptyline", "Amitriptyline"),
    ("Tiotropium", "Ipratropium"),
])
def test_an_order_for_another_medicine_alike_is_not_read_as_the_allergy_misspelt(drug, allergy):
    assert allergy_matches(drug, [allergy]) == []


@pytest.mark.parametrize("drug, allergy", [
    ("Amoxicilin", "Amoxicillin"), ("Gentamycin", "Gentamicin"), ("Vancomicyn", "Vancomycin"),
    ("Ciprofloxacine", "Ciprofloxacin"),
])
def test_an_order_with_a_slip_of_a_letter_or_two_in_a_long_name_still_warns(drug, allergy):
    assert allergy_matches(drug, [allergy]) == [allergy]
