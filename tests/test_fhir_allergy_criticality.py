"""An allergy in the FHIR bundle says how dangerous it is and what kind of substance it is to: a
penicillin anaphylaxis went with no criticality (the EHR raised no high-criticality alert), a
severity written with no reaction sent the substance as its own reaction ("Latex: Latex"), and
latex and peanuts went as if drug allergies."""

import json

import pytest
from fhir.resources.R4B.bundle import Bundle

from downtime.services import records
from downtime.sync.export import export
from downtime.sync.fhir_allergies import category
from downtime.sync.fhir_codes import check_codes


def _allergies(session_for, tmp_path, name="x"):
    """The bundle's AllergyIntolerance resources by their substance (or NKA code), the bundle
    checked as the export's other tests check it."""
    bundle = json.loads((export(session_for("records"), tmp_path / name).folder / "fhir" / "bundle.json")
                        .read_text(encoding="utf-8"))
    Bundle.model_validate(bundle)
    check_codes(bundle)
    return {entry["resource"]["code"]["text"]: entry["resource"] for entry in bundle["entry"]
            if entry["resource"]["resourceType"] == "AllergyIntolerance"}


def _admit(session_for, admission_values, *allergies):
    return records.save_new(session_for("nurse"), "admission", {**admission_values, "allergy_status": "allergies",
                                                                "allergies": list(allergies)})


def test_an_anaphylaxis_goes_to_the_ehr_as_high_criticality_and_a_mild_rash_with_none(
        session_for, admission_values, tmp_path):
    """Criticality high from the severity, or from the reaction's words when no severity was
    chosen ("œdème de Quincke"); none for a mild rash: FHIR's low would say the next exposure is
    not dangerous, which nobody assessed."""
    _admit(session_for, admission_values, {"substance": "Penicillin", "reaction": "Anaphylaxis", "severity": "severe"},
           {"substance": "Amoxicilline", "reaction": "Œdème de Quincke"},
           {"substance": "Codeine", "reaction": "Rash", "severity": "mild"})
    sent = _allergies(session_for, tmp_path)
    penicillin = sent["Penicillin"]
    assert penicillin["criticality"] == "high"
    assert penicillin["reaction"] == [{"manifestation": [{"text": "Anaphylaxis"}], "severity": "severe"}]
    assert sent["Amoxicilline"]["criticality"] == "high"
    assert "criticality" not in sent["Codeine"]


def test_an_anaphylaxis_told_by_its_signs_goes_as_high_criticality(session_for, admission_values, tmp_path):
    """"Difficulty breathing, collapsed, needed adrenaline" with a moderate severity (the patient
    recovered) is an anaphylaxis: the EHR's high-criticality alert must fire."""
    _admit(session_for, admission_values, {"substance": "Penicillin", "reaction":
                                           "Difficulty breathing and collapsed, needed adrenaline",
                                           "severity": "moderate"},
           {"substance": "Codeine", "reaction": "Chute de tension"}, {"substance": "Latex", "reaction": "No wheeze"})
    sent = _allergies(session_for, tmp_path)
    assert (sent["Penicillin"].get("criticality"), sent["Codeine"].get("criticality")) == ("high", "high")
    assert "criticality" not in sent["Latex"]


def test_a_severity_without_reaction_goes_as_reaction_not_recorded_not_as_the_substance(
        session_for, admission_values, tmp_path):
    """R4 needs a manifestation in a reaction: "Reaction not recorded" with the severity the
    ward chose; an allergy with neither goes with no reaction at all."""
    _admit(session_for, admission_values, {"substance": "Latex", "severity": "severe"}, {"substance": "Codeine"})
    sent = _allergies(session_for, tmp_path)
    assert sent["Latex"]["reaction"] == [{"manifestation": [{"text": "Reaction not recorded"}], "severity": "severe"}]
    assert sent["Latex"]["criticality"] == "high"
    assert "reaction" not in sent["Codeine"]


def test_each_allergy_goes_with_its_category_when_known_and_none_when_not(session_for, admission_values, tmp_path):
    _admit(session_for, admission_values, {"substance": "Latex", "reaction": "Contact dermatitis", "severity": "mild"},
           {"substance": "Peanuts", "reaction": "Angioedema", "severity": "severe"},
           {"substance": "Co-amoxiclav", "reaction": "Rash"}, {"substance": "Sticking plaster", "reaction": "Blisters"})
    sent = _allergies(session_for, tmp_path)
    assert {substance: resource.get("category") for substance, resource in sent.items()} == {
        "Latex": ["environment"], "Peanuts": ["food"], "Co-amoxiclav": ["medication"], "Sticking plaster": None}


@pytest.mark.parametrize(("substance", "kind"), [
    ("Natural rubber latex", "environment"), ("latex (anaphylaxie)", "environment"),
    ("Œufs", "food"), ("Fruits à coque", "food"), ("Cow's milk", "food"), ("Crustacés", "food"), ("Sésame", "food"),
    ("Pénicillines", "medication"), ("Augmentin", "medication"), ("Amoxicilline", "medication"),
    ("AINS", "medication"), ("Paracetamol", "medication"), ("Warfarin", "medication"),
    ("Morphine sulfate", "medication"), ("Insuline glargine", "medication"),
    ("Wasp stings", None), ("Codiene", None), ("Nickel", None), ("Coconut", None)])
def test_the_category_is_read_from_the_substance_in_english_or_french(substance, kind):
    """Foods by the allergens food labels name, latex as the theatre list reads it, a medicine or
    a class of them as the allergy check reads it before a dose (a brand as what it holds), not
    a misspelling: "Wasp stings" read as the brand Istin misspelt, and a wrong category misleads
    where none says nothing."""
    assert category(substance) == kind


def test_a_withdrawn_allergy_and_no_known_allergies_keep_their_shape(session_for, admission_values, tmp_path):
    """The withdrawal of an allergy with a severe reaction keeps its judgement (it is the last
    version's), and "no known allergy" carries neither category nor criticality."""
    admission = _admit(session_for, admission_values, {"substance": "Penicillin", "reaction": "Anaphylaxis"})
    _allergies(session_for, tmp_path, "first")
    records.amend(session_for("nurse"), admission.record_id, {**admission.data, "allergy_status": "nka",
                                                              "allergies": []}, "Another patient's allergy")
    sent = _allergies(session_for, tmp_path, "second")
    withdrawn = sent["Penicillin"]
    assert withdrawn["verificationStatus"]["coding"][0]["code"] == "entered-in-error"
    assert (withdrawn["criticality"], withdrawn["category"]) == ("high", ["medication"])
    nka = sent["No known allergies"]
    assert nka["code"]["coding"][0]["code"] == "716186003" and "category" not in nka and "criticality" not in nka
