"""The allergy check as a pharmacist would have it beyond the medicine named: an immediate or
severe reaction to a penicillin is said before a cephalosporin or a carbapenem (BNF: such a
patient "should not receive a cephalosporin or other beta-lactam antibacterial"), a penicillin
rash is not (a cephalosporin may then be given); and an allergy to a medicine the tables do not
know, misspelt, still warns before it ("Codiene" before codeine), with no alarm between two
different medicines whose names look alike."""

from datetime import datetime

import pytest

from downtime.domain.medication import (
    Check, Frequency, Order, Outcome, allergies_matched, allergy_matches, prescribed_despite, safety_warnings,
    severe_reaction)
from downtime.services import medication, records

AT = datetime.fromisoformat("2026-11-28T08:00+01:00")


@pytest.mark.parametrize("drug, allergy", [
    ("Ceftriaxone", "Penicillin (anaphylaxis)"),
    ("Céfuroxime", "Pénicilline (choc anaphylactique)"),
    ("Cefalexin", "Amoxicillin - urticaria"),
    ("Céfalexine", "Péni : urticaire"),
    ("Cefazolin", "Penicillin (hives)"),
    ("Céfazoline", "Pénicillines (œdème de Quincke)"),
    ("Cefotaxime", "Tazocin anaphylactic shock"),
    ("Ceftazidime", "Penicillin: laryngeal oedema"),
    ("Cefaclor", "Penicillin, immediate reaction"),
    ("Cefradine", "PCN angio-oedema"),
    ("Ceftaroline", "Flucloxacillin (Stevens-Johnson syndrome)"),
    ("Zinnat 500 mg", "Penicillin (anaphylaxis)"),
    ("Rocephine", "Pénicilline G (angioœdème)"),
    ("Meropenem", "Augmentin (angioedema)"),
    ("Méropénème", "Pénicilline (anaphylaxie)"),
    ("Imipenem/cilastatin", "Co-amoxiclav - bronchospasm"),
    ("Ertapenem", "Penicillin (anaphylaxis)"),
    ("Doripenem", "Penicillin (anaphylaxis)"),  # a carbapenem no table names, by its ending
])
def test_an_immediate_or_severe_penicillin_allergy_is_said_before_a_cephalosporin_or_a_carbapenem(drug, allergy):
    assert allergy_matches(drug, [allergy]) == [allergy]


@pytest.mark.parametrize("drug, allergy", [
    # BNF: after a rash (not immediate) a cephalosporin may be used; a warning would be noise.
    ("Ceftriaxone", "Penicillin (rash)"),
    ("Cefuroxime", "Amoxicillin - delayed maculopapular rash"),
    ("Meropenem", "Pénicilline (éruption)"),
    # Aztreonam, a monobactam, does not cross-react with penicillins.
    ("Aztreonam", "Penicillin (anaphylaxis)"),
    # Only a penicillin's reaction: another medicine's anaphylaxis says nothing of cephalosporins.
    ("Ceftriaxone", "Codeine (anaphylaxis)"),
    ("Ceftriaxone", "Latex (anaphylaxis)"),
    # And only before a cephalosporin or a carbapenem.
    ("Clarithromycin", "Penicillin (anaphylaxis)"),
    ("Vancomycin", "Pénicilline (choc anaphylactique)"),
])
def test_no_cross_reaction_where_none_is_feared(drug, allergy):
    assert allergy_matches(drug, [allergy]) == []


@pytest.mark.parametrize("reaction", [
    "Rash, not anaphylaxis, moderate", "rash - no anaphylaxis", "éruption non anaphylactique", "Éruption, pas d'anaphylaxie", "Rash, not severe", "Éruption, non grave", "pas de choc", "non-severe rash",
])
def test_a_reaction_said_not_to_be_severe_is_not(reaction):
    """A penicillin "rash, not anaphylaxis" warned before every cephalosporin as an anaphylaxis."""
    assert not severe_reaction(reaction)
    assert allergy_matches("Ceftriaxone", ["Penicillin"], [f"Penicillin ({reaction})"]) == []


@pytest.mark.parametrize("reaction", [
    "anaphylaxis, not just rash", "Rash, not anaphylaxis, severe", "pas d'urticaire mais choc anaphylactique",
    "réaction grave", "no rash: angioedema",
    # What the patient could not do is no negation of it.
    "could not breathe", "ne pouvait pas respirer", "ne peut pas respirer",
])
def test_a_negation_cancels_the_word_after_it_alone(reaction):
    assert severe_reaction(reaction)
    assert allergy_matches("Ceftriaxone", ["Penicillin"], [f"Penicillin ({reaction})"]) == ["Penicillin"]


@pytest.mark.parametrize("reaction", [
    "epinephrine given", "low BP", "Steven Johnson syndrome", "generalised swelling, mild rash",
])
def test_a_severe_reaction_is_read_however_written(reaction):
    """Adrenaline by its international name, a blood pressure abbreviated, the syndrome misspelt, a
    generalised swelling beside a mild rash (the "mild" was the rash's): each was no severe
    reaction, and no cephalosporin or carbapenem was questioned."""
    assert severe_reaction(reaction)
    assert allergy_matches("Ceftriaxone", ["Penicillin"], [f"Penicillin ({reaction})"]) == ["Penicillin"]


@pytest.mark.parametrize("drug, allergy", [
    # BSACI 2022, SFAR: the R1 side chain of amoxicillin and ampicillin, shared.
    ("Amoxicillin", "Cefalexin (anaphylaxis)"),
    ("Co-amoxiclav", "Céfalexine (anaphylaxie)"),
    ("Ampicillin", "Cefaclor (urticaria)"),
    ("Amoxicillin", "Cephradine - angioedema"),
    ("Amoxicilline", "Céfadroxil : choc anaphylactique"),
    ("Amoxicillin", "Cefprozil (severe)"),
    # Ceftazidime's, with aztreonam's, and back.
    ("Aztreonam", "Ceftazidime (anaphylaxis)"),
    ("Aztréonam", "Fortum (œdème de Quincke)"),
    ("Ceftazidime", "Aztreonam (anaphylaxis)"),
])
def test_an_immediate_or_severe_reaction_warns_before_a_beta_lactam_of_its_side_chain(drug, allergy):
    assert allergy_matches(drug, [allergy]) == [allergy]


@pytest.mark.parametrize("drug, allergy", [
    ("Amoxicillin", "Cefalexin (rash)"),  # not immediate nor severe
    ("Amoxicillin", "Cefalexin (rash, not anaphylaxis)"),
    ("Amoxicillin", "Ceftriaxone (anaphylaxis)"),  # another side chain
    ("Flucloxacillin", "Cefalexin (anaphylaxis)"),
    ("Aztreonam", "Ceftriaxone (anaphylaxis)"),
    ("Aztreonam", "Cefalexin (anaphylaxis)"),
])
def test_no_side_chain_cross_reaction_where_none_is_shared(drug, allergy):
    assert allergy_matches(drug, [allergy]) == []


@pytest.mark.parametrize("drug, allergy", [
    ("Ceftriaxone", "Cefotaxime (rash)"), ("Ceftriaxone", "Cefalexin (rash)"), ("Cefepime", "Cefuroxime (anaphylaxis)"),
    ("Cefazolin", "Céphalosporines"),
])
def test_a_cephalosporin_allergy_still_warns_before_every_cephalosporin(drug, allergy):
    assert str(allergies_matched(drug, [allergy])) == allergy


def test_the_warning_says_which_side_chain_is_shared():
    assert str(allergies_matched("Co-amoxiclav", ["Cefalexin", "Latex"],
                                 ["Cefalexin (Anaphylaxis, severe)", "Latex (rash)"])) == (
        "Cefalexin (Anaphylaxis, severe) — a reaction to cefalexin: amoxicillin shares its side chain (cross-reaction)")
    assert str(allergies_matched("Fortum", ["Aztreonam"], ["Aztreonam (Angioedema)"])) == (
        "Aztreonam (Angioedema) — a reaction to aztreonam: ceftazidime shares its side chain (cross-reaction)")


@pytest.mark.parametrize("drug, allergy", [
    ("Lisinopril", "Ramipril (angioedema)"), ("Perindopril 4 mg", "Ramipril : œdème de Quincke"),
    ("Coversyl 5 mg", "Ramipril (angio-oedème)"), ("Enalapril", "Lisinopril (angioœdème)"),
    ("Entresto 24/26 mg", "Enalapril - swollen lips and tongue"),
    ("Sacubitril/valsartan", "Lisinopril (gonflement du visage)"),
])
def test_an_angioedema_with_an_ace_inhibitor_warns_before_every_other_and_sacubitril(drug, allergy):
    """BNF: ACE inhibitors are contraindicated after an angioedema with one, and so is
    sacubitril/valsartan; a ramipril angioedema said nothing before lisinopril (an ACE inhibitor
    named alone warns before the others only by its class's name, for its cough)."""
    assert allergy_matches(drug, [allergy]) == [allergy]


@pytest.mark.parametrize("drug, allergy", [
    ("Lisinopril", "Ramipril (cough)"), ("Lisinopril", "Ramipril (no angioedema, cough)"),
    ("Losartan", "Ramipril (angioedema)"), ("Amlodipine", "Perindopril (œdème de Quincke)"),
    ("Ramipril", "Perindopril (toux)"), ("Lisinopril", "Ramipril (ankle oedema)"),
])
def test_an_ace_inhibitors_cough_or_ankle_oedema_warns_before_no_other(drug, allergy):
    assert allergy_matches(drug, [allergy]) == []


def test_the_warning_says_why_another_ace_inhibitor_matches():
    assert str(allergies_matched("Lisinopril 10 mg", ["Ramipril"], ["Ramipril (Angioedema, severe)"])) == (
        "Ramipril (Angioedema, severe) — an angioedema with an ACE inhibitor: every ACE inhibitor, and sacubitril, "
        "is contraindicated after one")


def test_the_reaction_recorded_beside_the_allergy_is_read_with_it():
    """The admission keeps the substance ("Penicillin") apart from its reaction and severity: a
    check reading the substance alone told no anaphylaxis from a rash."""
    assert allergy_matches("Ceftriaxone", ["Penicillin", "Latex"],
                           ["Penicillin (anaphylaxis, severe)", "Latex (rash, mild)"]) == ["Penicillin"]
    assert allergy_matches("Ceftriaxone", ["Penicillin"], ["Penicillin (rash, moderate)"]) == []
    # Graded severe with no reaction written: the recorder judged it so.
    assert allergy_matches("Ceftriaxone", ["Penicillin"], ["Penicillin (severe)"]) == ["Penicillin"]
    assert allergy_matches("Ceftriaxone", ["Pénicilline"], ["Pénicilline (sévère)"]) == ["Pénicilline"]


def test_the_warning_says_why_a_cephalosporin_matches_a_penicillin_allergy():
    """"Ceftriaxone matches the recorded allergy: Penicillin" read as the check's mistake."""
    order = Order(record_id="o", patient_id="p", drug="Ceftriaxone", dose=2, dose_unit="g", route="IV",
                  frequency=Frequency.ONCE, start_at=AT)
    (allergy,) = [warning for warning in safety_warnings(
        order, outcome=Outcome.GIVEN, at=AT, dose=2.0, scheduled_for=AT, allergies=["Penicillin"],
        allergies_described=["Penicillin (anaphylaxis, severe)"], history=[], admitted=True)
        if warning.check is Check.ALLERGY]
    assert allergy.message == ("Ceftriaxone matches the recorded allergy: Penicillin (anaphylaxis, severe) — an "
                               "immediate or severe reaction to a penicillin: cephalosporins and carbapenems are "
                               "avoided after one (cross-reaction).")


def test_an_allergy_to_the_medicine_itself_is_said_as_before():
    assert str(allergies_matched("Co-amoxiclav", ["Penicillin", "Latex"],
                                 ["Penicillin (anaphylaxis, severe)", "Latex (rash)"])) == "Penicillin"


def test_the_prescribers_reason_stands_for_a_cross_reaction_too():
    order = Order(record_id="o", patient_id="p", drug="Cefuroxime", dose=1.5, dose_unit="g", route="IV",
                  frequency=Frequency.ONCE, start_at=AT, allergy_reason="Tolerated cefuroxime in 2024")
    assert prescribed_despite(order, ["Penicillin"], ["Penicillin (anaphylaxis)"]) == "Tolerated cefuroxime in 2024"
    assert prescribed_despite(order, ["Penicillin"], ["Penicillin (rash)"]) is None


@pytest.fixture
def anaphylactic(session_for, admission_values):
    """The standard patient, their penicillin allergy an anaphylaxis."""
    from downtime.services import wards

    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    return records.save_new(session_for("nurse"), "admission", {
        **admission_values, "arrival_at": "2026-11-27T09:00+01:00",
        "allergies": [{"substance": "Penicillin", "reaction": "Anaphylaxis", "severity": "severe"}]}).patient_id


CEFTRIAXONE = {"drug": "Ceftriaxone", "dose": 2.0, "dose_unit": "g", "route": "IV", "frequency": "scheduled",
               "times": "08:00", "start_at": "2026-11-28T08:00+01:00", "review_at": "2026-12-01T08:00+01:00",
               "controlled": False, "high_alert": False}


def test_ceftriaxone_for_a_penicillin_anaphylaxis_needs_the_prescribers_reason(session_for, anaphylactic):
    doctor = session_for("doctor")
    with pytest.raises(medication.AllergyReasonNeeded) as refused:
        records.save_new(doctor, "medication_order", CEFTRIAXONE, patient_id=anaphylactic)
    assert refused.value.text("en").startswith(
        "Ceftriaxone matches the patient's recorded allergy: Penicillin (Anaphylaxis, severe) — an immediate or "
        "severe reaction to a penicillin")
    # As the prescriber is asked for it on screen.
    assert medication.allergy_reason_needed(doctor, anaphylactic, CEFTRIAXONE) == [
        "Penicillin (Anaphylaxis, severe) — an immediate or severe reaction to a penicillin: cephalosporins and "
        "carbapenems are avoided after one (cross-reaction)"]
    saved = records.save_new(doctor, "medication_order", {**CEFTRIAXONE, "allergy_reason": "ID advice, test dose"},
                             patient_id=anaphylactic)
    (allergy,) = [warning for warning in medication.check_dose(session_for("nurse"), saved.record_id, {
        "outcome": "given", "given_at": "2026-11-28T08:05+01:00", "scheduled_for": "2026-11-28T08:00+01:00",
        "dose_given": 2.0, "route": "IV"}) if warning.check is Check.ALLERGY]
    assert "cross-reaction" in allergy.message and "“ID advice, test dose”" in allergy.message


def test_amoxicillin_for_a_cefalexin_anaphylaxis_needs_the_prescribers_reason(session_for, admission_values):
    from downtime.services import wards

    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    patient = records.save_new(session_for("nurse"), "admission", {
        **admission_values, "arrival_at": "2026-11-27T09:00+01:00",
        "allergies": [{"substance": "Cefalexin", "reaction": "Anaphylaxis", "severity": "severe"}]}).patient_id
    assert medication.allergy_reason_needed(session_for("doctor"), patient, {**CEFTRIAXONE, "drug": "Amoxicillin"}) == [
        "Cefalexin (Anaphylaxis, severe) — a reaction to cefalexin: amoxicillin shares its side chain (cross-reaction)"]


def test_ceftriaxone_for_a_penicillin_rash_is_written_with_nothing_asked(session_for, medication_ward):
    """The standard patient's penicillin allergy is a moderate rash."""
    patient, _, _ = medication_ward
    assert medication.allergy_reason_needed(session_for("doctor"), patient, CEFTRIAXONE) == []


@pytest.mark.parametrize("drug, allergy", [
    ("Codeine", "Codiene"),
    ("Co-codamol 30/500", "Codiene (vomiting)"),  # a product, by the medicine it gives
    ("Amoxicillin", "amoxycilin"),
    ("Ondansetron", "Ondansteron"),
    ("Erythromycin", "Erythromicin - rash"),
    ("Morphine", "Morfine"), ("Oramorph", "Morfine"),
    # Already known by the tables (brands) or the penicillins' ending, misspelt or not.
    ("Amoxicillin", "Amoxycilline"), ("Amoxicillin", "Amoxil"), ("Amoxicillin", "Augmentin"),
    ("Piperacillin/tazobactam", "Tazocin"), ("Flucloxacillin", "Flucloxacilin"),
])
def test_an_allergy_misspelt_still_warns(drug, allergy):
    assert allergy_matches(drug, [allergy]) == [allergy]


@pytest.mark.parametrize("drug, allergy", [
    ("Hydralazine", "Hydroxyzine"), ("Clozapine", "Clonidine"), ("Codeine", "Iodine"), ("Lactulose", "Latex"),
    ("Lansoprazole", "Omeprazole"), ("Pregabalin", "Gabapentin"), ("Lisinopril", "Ramipril"),
    ("Tegretol", "Tegaderm"), ("Ketorolac", "Ketamine"), ("Amiloride", "Amlodipine"),
    # Alike in their start only, a letter or more longer: no misspelling.
    ("Insulin aspart", "Aspartame"), ("Tetracaine", "Tetracycline"), ("Lactulose", "Lactose"),
    ("Dobutamine", "Dopamine"),
])
def test_two_medicines_whose_names_look_alike_are_no_misspelling(drug, allergy):
    assert allergy_matches(drug, [allergy]) == []


@pytest.mark.parametrize("reaction", [
    "Difficulty breathing and collapsed, needed adrenaline", "Wheeze", "Stridor", "Collapsed", "Hypotension",
    "Cardiac arrest", "Needed adrenaline", "Throat tightness", "Shortness of breath", "Could not breathe",
    "Dyspnée", "Chute de tension", "Arrêt cardiaque", "Perte de connaissance", "Malaise avec hypotension",
    "Difficulté à respirer", "Used her EpiPen",
])
def test_an_anaphylaxis_told_by_its_signs_is_immediate_or_severe(reaction):
    """A penicillin reaction written as patients tell an anaphylaxis (the breathing, the blood
    pressure, a collapse, adrenaline) warned before no cephalosporin."""
    assert severe_reaction(reaction)
    assert allergy_matches("Ceftriaxone", ["Penicillin"], [f"Penicillin ({reaction})"]) == ["Penicillin"]


@pytest.mark.parametrize("reaction", ["No wheeze", "Pas de dyspnée", "Faint rash", "Rash, no hypotension",
                                      "Nausea", "Malaise"])
def test_a_sign_denied_or_a_mild_word_is_not_severe(reaction):
    assert not severe_reaction(reaction)
