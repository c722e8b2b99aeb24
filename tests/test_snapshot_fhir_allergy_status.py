"""A FHIR snapshot's allergy listed beside a standing "No known allergy" (SNOMED CT 716186003) is
loaded as listed, and the contradiction said in the import's result, both bundle entries named,
for the ward to check with the patient, as the CSV snapshot says its own (see
test_snapshot_allergy_status): loaded without a word, it went unnoticed and unmended."""

import pytest

from downtime.storage.records import list_current
from downtime.sync.importing import import_path
from downtime.sync.outcome import ImportResult
from downtime.sync.snapshot_csv import NO_TIME
from tests.test_snapshot_import import _NO_KNOWN, _NO_KNOWN_DRUG, _with_allergies, _written

LATEX = {"code": {"text": "Latex"}}
NO_KNOWN = {"code": _NO_KNOWN}
LISTED_BESIDE = ("{where}: {none_known} says \"No known allergy\", but {listed} lists an allergy: loaded as "
                 "\"Allergies listed below\", the allergy kept. Ask the ward to check the patient's allergies with "
                 "them or their family.")
PATIENT = ("bundle entry 1 (Patient 11111111-1111-4111-8111-111111111111), entry 2 (Encounter "
           "22222222-2222-4222-8222-222222222222)")


@pytest.fixture
def clerk(session_for):
    return session_for("records")


def _said(result: ImportResult) -> tuple:
    """What the import's result says, but that the bundle gives no time (tests/test_snapshot_bundle_time.py)."""
    return tuple(said for said in result.to_check if said.template != NO_TIME)


def _entry(bundle: dict, index: int) -> str:
    """How the reader names the bundle's entry holding allergy number `index`."""
    number = next(number for number, entry in enumerate(bundle["entry"], start=1)
                  if entry["resource"]["id"] == f"33333333-3333-4333-8333-33333333333{index}")
    return f"entry {number} (AllergyIntolerance 33333333-3333-4333-8333-33333333333{index})"


@pytest.mark.parametrize("order", [(NO_KNOWN, LATEX), (LATEX, NO_KNOWN)], ids=["no known allergy first", "latex first"])
def test_an_allergy_listed_beside_no_known_allergy_is_loaded_and_said(clerk, tmp_path, order):
    bundle = _with_allergies(list(order))
    result = import_path(clerk, _written(tmp_path, bundle))
    (admission,) = list_current(clerk.db, "admission")
    assert admission.data["allergy_status"] == "allergies"
    assert [row["substance"] for row in admission.data["allergies"]] == ["Latex"]
    none_known, listed = (0, 1) if order[0] is NO_KNOWN else (1, 0)
    assert [said.text("en") for said in _said(result)] == [
        f"{PATIENT}: {_entry(bundle, none_known)} says \"No known allergy\", but {_entry(bundle, listed)} lists an "
        "allergy: loaded as \"Allergies listed below\", the allergy kept. Ask the ward to check the patient's "
        "allergies with them or their family."]


def test_the_contradiction_is_said_in_the_readers_language(clerk, tmp_path, french):
    french(LISTED_BESIDE, "{where} : {none_known} indique « Aucune allergie connue », mais {listed} indique une "
                          "allergie : chargé avec « Allergies ci-dessous », l’allergie conservée. Demandez au service "
                          "de vérifier les allergies du patient avec lui ou sa famille.")
    (phrase,) = _said(import_path(clerk, _written(tmp_path, _with_allergies([NO_KNOWN, LATEX]))))
    said = phrase.text("fr")
    assert " indique « Aucune allergie connue », mais " in said, said
    assert said.endswith(" indique une allergie : chargé avec « Allergies ci-dessous », l’allergie conservée. "
                         "Demandez au service de vérifier les allergies du patient avec lui ou sa famille."), said


def test_a_contradicted_snapshot_loads_again_unchanged(clerk, tmp_path):
    path = _written(tmp_path, _with_allergies([NO_KNOWN, LATEX]))
    import_path(clerk, path)
    again = import_path(clerk, path)
    assert (again.added, again.unchanged["patient"], again.to_check) == ({}, 1, ())


@pytest.mark.parametrize("allergies", [[LATEX], [NO_KNOWN], [{"code": _NO_KNOWN_DRUG}, LATEX],
                                       [{**NO_KNOWN, "verificationStatus": {"coding": [{"code": "unconfirmed"}]}}, LATEX]],
                         ids=["latex alone", "no known allergy alone", "no known drug allergy", "unconfirmed none"])
def test_allergies_that_do_not_contradict_each_other_are_loaded_without_a_word(clerk, tmp_path, allergies):
    assert _said(import_path(clerk, _written(tmp_path, _with_allergies(allergies)))) == ()
