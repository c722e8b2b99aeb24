"""A DNACPR decided during the outage in the FHIR bundle (sync/fhir_resuscitation.py): the bundle
held no "DNACPR", "resuscitat" or SNOMED code for it, and an EHR loading it kept the patient "for
resuscitation", the decision only on the worklist's line."""

import json

from fhir.resources.R4B.observation import Observation

from downtime.services import records
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes
from downtime.sync.fhir_elements import derived_id

DECIDED = {"resuscitation_decided_by": "Dr Benali", "resuscitation_decided_at": "2026-11-28T10:00+01:00"}


def _bundle(session_for, folder):
    found = export(session_for("records"), folder).folder
    bundle = json.loads((found / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    check_codes(bundle)
    return bundle


def _decision(bundle, ident):
    """The decision's Observation, by its identifier: an update is sent by it alone (a PUT on it)."""
    return [Observation.model_validate(entry["resource"]) for entry in bundle["entry"]
            if entry["resource"]["resourceType"] == "Observation"
            and entry["resource"].get("identifier", [{}])[0].get("value") == ident]


def test_a_dnacpr_goes_to_the_ehr_as_an_observation_an_amendment_updates(session_for, medication_ward, clock,
                                                                        tmp_path):
    nurse, patient = session_for("nurse"), medication_ward[0]
    admission = records.list_current(nurse.db, "admission", patient_id=patient)[0]
    ident = derived_id(admission.record_id, "resuscitation")
    assert _decision(_bundle(session_for, tmp_path / "before"), ident) == []
    dnacpr = records.amend(nurse, admission.record_id, {**admission.data, "resuscitation": "dnacpr", **DECIDED},
                           "Decided with the family")
    (found,) = _decision(_bundle(session_for, tmp_path / "dnacpr"), ident)
    assert (found.status, found.code.coding[0].code, found.valueCodeableConcept.coding[0].code) == (
        "final", "304251008", "304253006")
    assert found.effectivePeriod.start.isoformat() == "2026-11-28T10:00:00+01:00" and found.effectivePeriod.end is None
    assert found.identifier[0].value == ident and found.note[0].text == "Decided by Dr Benali"
    assert found.subject.reference == f"urn:uuid:{patient}" and found.encounter is not None
    clock.advance(minutes=30)
    records.amend(nurse, admission.record_id, {**dnacpr.data, "resuscitation": "full",
                                               "resuscitation_lifted_at": "2026-11-28T14:20+01:00"},
                  "Reviewed by Dr Benali")
    (lifted,) = _decision(_bundle(session_for, tmp_path / "lifted"), ident)
    assert lifted.status == "amended" and lifted.effectivePeriod.end.isoformat() == "2026-11-28T14:20:00+01:00"
    assert [note.text for note in lifted.note] == ["Decided by Dr Benali", "Lifted: Reviewed by Dr Benali"]


def test_a_dnacpr_lifted_then_decided_again_keeps_both_decisions(session_for, medication_ward, clock, tmp_path):
    """DNACPR by Dr Benali at 10:00, lifted at 14:30, DNACPR again by Dr Martin at 14:50: the
    bundle held one Observation, sent again on the same identifier, the first decision, its doctor
    and its period overwritten in the EHR by the second."""
    nurse, patient = session_for("nurse"), medication_ward[0]
    admission = records.list_current(nurse.db, "admission", patient_id=patient)[0]
    first = records.amend(nurse, admission.record_id, {**admission.data, "resuscitation": "dnacpr", **DECIDED},
                          "Decided with the family")
    clock.advance(minutes=30)
    lifted = records.amend(nurse, admission.record_id, {**first.data, "resuscitation": "full",
                                                         "resuscitation_lifted_at": "2026-11-28T14:25+01:00"},
                           "Reviewed: for CPR")
    clock.advance(minutes=20)
    again = records.amend(nurse, admission.record_id, {**lifted.data, "resuscitation": "dnacpr",
                                                       "resuscitation_decided_by": "Dr Martin",
                                                       "resuscitation_decided_at": "2026-11-28T14:50+01:00"},
                          "Decided again")
    bundle = _bundle(session_for, tmp_path / "out")
    (one,) = _decision(bundle, derived_id(admission.record_id, "resuscitation"))
    (two,) = _decision(bundle, derived_id(admission.record_id, f"resuscitation:{again.version}"))
    assert (one.status, one.effectivePeriod.start.isoformat(), one.effectivePeriod.end.isoformat()) == (
        "amended", "2026-11-28T10:00:00+01:00", "2026-11-28T14:25:00+01:00")
    assert [note.text for note in one.note] == ["Decided by Dr Benali", "Lifted: Reviewed: for CPR"]
    assert (two.status, two.effectivePeriod.start.isoformat(), two.effectivePeriod.end, two.note[0].text) == (
        "final", "2026-11-28T14:50:00+01:00", None, "Decided by Dr Martin")
