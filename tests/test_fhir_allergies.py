"""The admission's allergies in the FHIR bundle, across exports: an allergy keeps its identifier
whatever its place in the list, one removed by an amendment is withdrawn from the EHR, and "no
known allergies" is a resource of its own, told apart from "not known yet"."""

import json
from array import array

import pytest
from fhir.resources.R4B.bundle import Bundle

from downtime.services import records
from downtime.storage.fhir_sent import identity, record_sent
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes
from downtime.sync.fhir_elements import derived_id

RECORD = "urn:downtime:record"
NKA_CODE = {"system": "http://snomed.info/sct", "code": "716186003", "display": "No known allergy"}


def _export(session_for, tmp_path, name, since_last=False):
    bundle = json.loads((export(session_for("records"), tmp_path / name, since_last=since_last).folder
                         / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    Bundle.model_validate(bundle)
    check_codes(bundle)
    return bundle


def _allergies(bundle):
    """Each AllergyIntolerance by the identifier the EHR finds it by, with how it is sent (an
    update carries no id)."""
    found = {}
    for entry in bundle["entry"]:
        resource = entry["resource"]
        if resource["resourceType"] == "AllergyIntolerance":
            (identifier,) = resource["identifier"]
            assert identifier["system"] == RECORD and identifier["value"] not in found
            found[identifier["value"]] = (entry["request"]["method"], resource)
    return found


def _what(resource):
    """What an EHR reading the resource takes from it: the substance (or the NKA code), its
    verification status, and whether it is active."""
    code = resource["code"]
    return (code["coding"][0]["code"] if "coding" in code else code["text"],
            resource["verificationStatus"]["coding"][0]["code"],
            "clinicalStatus" in resource)


def _admit(session_for, admission_values, status, substances):
    return records.save_new(session_for("nurse"), "admission", {
        **admission_values, "birth_name": "Lefort", "allergy_status": status,
        "allergies": [{"substance": substance, "reaction": "Rash"} for substance in substances]})


def _amend(session_for, admission, status, substances, reason):
    return records.amend(session_for("nurse"), admission.record_id, {
        **admission.data, "allergy_status": status,
        "allergies": [{"substance": substance, "reaction": "Rash"} for substance in substances]}, reason)


@pytest.mark.parametrize("since_last", [True, False], ids=["since last", "whole"])
def test_removing_the_first_allergy_withdraws_it_and_leaves_the_other_as_it_was(
        session_for, admission_values, tmp_path, since_last):
    """Lefort had [Latex, Codeine]; removing Latex sent Codeine under Latex's identifier: the
    EHR ended with Codeine twice and Latex overwritten instead of withdrawn."""
    admission = _admit(session_for, admission_values, "allergies", ["Latex", "Codeine"])
    first = _allergies(_export(session_for, tmp_path, "first"))
    assert sorted(_what(r) for _, r in first.values()) == [("Codeine", "unconfirmed", True),
                                                           ("Latex", "unconfirmed", True)]
    _amend(session_for, admission, "allergies", ["Codeine"], "Latex was another patient's")
    second = _allergies(_export(session_for, tmp_path, "second", since_last=since_last))
    assert second.keys() == first.keys(), "each allergy under the identifier it went out with"
    by_substance = {first[key][1]["code"]["text"]: second[key] for key in first}
    method, latex = by_substance["Latex"]
    assert (method, _what(latex)) == ("PUT", ("Latex", "entered-in-error", False))
    assert latex["note"] == [{"text": "Removed from the admission record by its version 2: Latex was another patient's"}]
    method, codeine = by_substance["Codeine"]
    assert (method, _what(codeine)) == ("POST", ("Codeine", "unconfirmed", True)), "unchanged: nothing new"


def test_removing_the_last_allergy_withdraws_it(session_for, admission_values, tmp_path):
    """Removing the last of the list sent nothing: the allergy stayed active in the EHR."""
    admission = _admit(session_for, admission_values, "allergies", ["Latex", "Codeine"])
    first = _allergies(_export(session_for, tmp_path, "first"))
    _amend(session_for, admission, "allergies", ["Latex"], "Codeine: nausea only, not an allergy")
    second = _allergies(_export(session_for, tmp_path, "second", since_last=True))
    assert {first[key][1]["code"]["text"]: (method, _what(resource)) for key, (method, resource) in second.items()} == {
        "Latex": ("POST", ("Latex", "unconfirmed", True)), "Codeine": ("PUT", ("Codeine", "entered-in-error", False))}


def test_reordering_or_retyping_the_case_keeps_each_allergy_under_its_identifier(
        session_for, admission_values, tmp_path):
    admission = _admit(session_for, admission_values, "allergies", ["Latex", "Codéine"])
    first = _allergies(_export(session_for, tmp_path, "first"))
    _amend(session_for, admission, "allergies", ["codeine", "LATEX"], "Typed again")
    second = _allergies(_export(session_for, tmp_path, "second", since_last=True))
    assert {first[key][1]["code"]["text"]: _what(resource) for key, (_, resource) in second.items()} == {
        "Latex": ("LATEX", "unconfirmed", True), "Codéine": ("codeine", "unconfirmed", True)}


def test_no_known_allergies_is_sent_and_not_known_yet_is_not(session_for, admission_values, tmp_path):
    """Both went out as no AllergyIntolerance at all: the EHR could not tell a patient asked
    from one never asked."""
    _admit(session_for, admission_values, "nka", [])
    records.save_new(session_for("nurse"), "admission", {**admission_values, "birth_name": "Meyer", "bed": "14",
                                                         "allergy_status": "unknown", "allergies": []})
    bundle = _export(session_for, tmp_path, "first")
    ((method, nka),) = _allergies(bundle).values()
    assert method == "POST" and nka["code"] == {"coding": [NKA_CODE], "text": "No known allergies"}
    assert _what(nka) == ("716186003", "confirmed", True)
    (lefort,) = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient"
                 and e["resource"]["name"][0]["family"] == "Lefort"]
    assert nka["patient"] == {"reference": f"urn:uuid:{lefort['id']}"}


@pytest.mark.parametrize("before, after, withdrawn, new", [
    (("nka", []), ("allergies", ["Latex"]), ("716186003", "entered-in-error", False), ("Latex", "unconfirmed", True)),
    (("allergies", ["Latex"]), ("nka", []), ("Latex", "entered-in-error", False), ("716186003", "confirmed", True)),
], ids=["no known allergies then latex", "latex then no known allergies"])
def test_moving_between_no_known_allergies_and_an_allergy_withdraws_what_was_said_before(
        session_for, admission_values, tmp_path, before, after, withdrawn, new):
    admission = _admit(session_for, admission_values, *before)
    ((sent_id, _),) = _allergies(_export(session_for, tmp_path, "first")).items()
    _amend(session_for, admission, *after, "Family reached: the first answer was wrong")
    second = _allergies(_export(session_for, tmp_path, "second", since_last=True))
    assert (second[sent_id][0], _what(second[sent_id][1])) == ("PUT", withdrawn)
    assert [(method, _what(r)) for key, (method, r) in second.items() if key != sent_id] == [("POST", new)]


def test_an_allergy_removed_before_any_export_goes_out_withdrawn(session_for, admission_values, tmp_path):
    """Whichever database's bundle the EHR took the allergy from (a laptop's, before the merge),
    the records office's bundle withdraws it: it is built from the admission's versions."""
    admission = _admit(session_for, admission_values, "allergies", ["Latex", "Codeine"])
    _amend(session_for, admission, "allergies", ["Codeine"], "Latex was another patient's")
    found = _allergies(_export(session_for, tmp_path, "only"))
    assert sorted((method, _what(r)) for method, r in found.values()) == [
        ("POST", ("Codeine", "unconfirmed", True)), ("POST", ("Latex", "entered-in-error", False))]


def test_the_same_substance_listed_twice_is_two_allergies_and_one_can_go(session_for, admission_values, tmp_path):
    admission = _admit(session_for, admission_values, "allergies", ["Latex", "latex"])
    assert len(_allergies(_export(session_for, tmp_path, "first"))) == 2
    _amend(session_for, admission, "allergies", ["Latex"], "Listed twice")
    second = _allergies(_export(session_for, tmp_path, "second", since_last=True))
    assert sorted((method, _what(r)) for method, r in second.values()) == [
        ("POST", ("Latex", "unconfirmed", True)), ("PUT", ("latex", "entered-in-error", False))]


def test_a_withdrawn_admission_withdraws_its_no_known_allergy(session_for, admission_values, tmp_path):
    admission = _admit(session_for, admission_values, "nka", [])
    records.mark_entered_in_error(session_for("nurse"), admission.record_id, "Duplicate admission")
    ((_, nka),) = _allergies(_export(session_for, tmp_path, "first")).values()
    assert _what(nka) == ("716186003", "entered-in-error", False)


def test_allergies_an_earlier_bundle_sent_by_their_place_are_withdrawn(session_for, admission_values, tmp_path):
    """Bundles made before allergies had identifiers of their own sent them by place
    (`allergy-0`, `allergy-1`): the EHR holds them so, and removing Latex must still withdraw
    it there, whatever the new identifiers."""
    admission = _admit(session_for, admission_values, "allergies", ["Latex", "Codeine"])
    by_place = [derived_id(admission.record_id, f"allergy-{place}") for place in (0, 1)]
    db = session_for("records").db
    with db.conn:  # what such an export kept of what it sent (storage.fhir_sent)
        record_sent(db, array("q", [identity("AllergyIntolerance", f"identifier={RECORD}|{ident}") for ident in by_place]),
                    array("q", [1, 2]))
    _amend(session_for, admission, "allergies", ["Codeine"], "Latex was another patient's")
    found = _allergies(_export(session_for, tmp_path, "after"))
    withdrawn = [found[ident][1] for ident in by_place]
    assert [found[ident][0] for ident in by_place] == ["PUT", "PUT"]
    assert [(r["verificationStatus"]["coding"][0]["code"], "clinicalStatus" in r, "code" in r) for r in withdrawn] == [
        ("entered-in-error", False, False)] * 2, "which allergy the EHR holds there is not known here: none is named"
    assert [r["note"] for r in withdrawn] == [[{"text": f"Allergy {place} of the admission's list, sent by an earlier"
                                                         f" bundle under an identifier made from its place, which held"
                                                         f" {held}; the allergies now go under identifiers of their own"}]
                                              for place, held in ((1, "Latex, then Codeine"), (2, "Codeine"))]
    assert sorted((method, _what(r)) for ident, (method, r) in found.items() if ident not in by_place) == [
        ("POST", ("Codeine", "unconfirmed", True)), ("POST", ("Latex", "entered-in-error", False))]


def test_each_allergy_is_recorded_by_the_author_of_the_version_that_first_stated_it(session_for, admission_values):
    """The nurse admits the patient with a penicillin rash; the anaesthetist adds a chlorhexidine
    anaphylaxis: the EHR must know whom to ask about each, not only that both wrote the admission."""
    from downtime.sync.fhir_allergies import allergy_resources

    nurse, doctor = session_for("nurse"), session_for("doctor")
    first = _admit(session_for, admission_values, "allergies", ["Penicillin"])
    second = records.amend(doctor, first.record_id, {**first.data, "allergies": [
        *first.data["allergies"], {"substance": "Chlorhexidine", "reaction": "Anaphylaxis"}]}, "pre-op assessment")
    third = records.amend(nurse, first.record_id, {**second.data, "bed": "13"}, "moved")
    sent = allergy_resources(nurse.form("admission"), third, [first, second], "p", "e", lambda _: False,
                             lambda version: {"display": version.author})
    assert {resource["code"]["text"]: resource["recorder"] for resource in sent} == {
        "Penicillin": {"display": "nurse"}, "Chlorhexidine": {"display": "doctor"}}
