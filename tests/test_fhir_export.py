"""The export's FHIR bundle: valid R4B, codes in their value sets, self-contained, stable, and
saying what back-entry needs (movements, medicines, theatre, provenance)."""

import copy
import csv
import gc
import io
import json
import uuid
from datetime import datetime, timedelta, timezone
from functools import partial

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.medicationadministration import MedicationAdministration
from fhir.resources.R4B.medicationrequest import MedicationRequest
from pydantic import BaseModel

from downtime.domain.medication import Check
from downtime.domain.nir import nir_key
from downtime.services import cd_register, medication, records, staff, theatre
from downtime.services.context import Session, load_device
from downtime.services.laptops import authors, laptops_known
from downtime.services.demo import build_demo
from downtime.storage import open_database
from downtime.storage.records import history
from downtime.sync.export import export
from downtime.sync.fhir_codes import CodeOutsideValueSet, check_codes
from downtime.sync import (fhir_bowels, fhir_capacity, fhir_delirium, fhir_devices, fhir_export, fhir_falls,
                           fhir_falls_risk, fhir_fluids, fhir_infusion_checks, fhir_neuro, fhir_nutrition, fhir_pain,
                           fhir_patients, fhir_pews, fhir_sepsis, fhir_skin, fhir_swallow)
from downtime.sync import fhir_alcohol_withdrawal, fhir_observation_plan, fhir_resuscitation
from downtime.sync import fhir_enhanced_observation
from downtime.sync import fhir_safeguarding
from downtime.sync.fhir_export import UnresolvedReference, references, write_bundle
from downtime.sync.snapshot_fhir import read_fhir_snapshot
from tests.conftest import GIRARD, VERIFIED, death_answers, unknown_man
from tests.test_devices import on_version

ALL_KINDS = {"Patient", "Encounter", "AllergyIntolerance", "MedicationRequest", "MedicationAdministration", "Observation",
             "NutritionOrder", "MedicationStatement", "ServiceRequest", "Appointment", "DocumentReference", "Procedure",
             "QuestionnaireResponse", "Communication", "RiskAssessment",
             "Provenance"}


def _bundle(folder):
    return json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))


def _export(session_for, tmp_path, name="export", since_last=False):
    return _bundle(export(session_for("records"), tmp_path / name, since_last=since_last).folder)


def _resources(bundle, kind):
    return [entry["resource"] for entry in bundle["entry"] if entry["resource"]["resourceType"] == kind]


def _by_id(bundle, resource_id):
    (found,) = [e["resource"] for e in bundle["entry"] if e["fullUrl"] == f"urn:uuid:{resource_id}"]
    return found


def _provenance_of(bundle, record_id):
    (found,) = [p for p in _resources(bundle, "Provenance")
                if p["entity"][0]["what"]["identifier"]["value"] == record_id]
    return found


def _staff(session, staff_id, display):
    """A staff member of `session`'s laptop as the bundle refers to them."""
    return {"identifier": {"system": f"urn:downtime:staff:{session.device.device_id}", "value": staff_id},
            "display": display}


def _places(encounter):
    """Each location of an Encounter as its physical type and name."""
    return [(place["physicalType"]["coding"][0]["code"], place["location"]["display"])
            for place in encounter["location"]]


def _unresolved(bundle):
    inside = {entry["fullUrl"] for entry in bundle["entry"]}
    return [ref for entry in bundle["entry"] for ref in references(entry["resource"]) if ref not in inside]


@pytest.fixture(scope="module")
def demo(tmp_path_factory, forms):
    """The demo hospital's whole export, built once: it is read, never changed, by the tests."""
    folder = tmp_path_factory.mktemp("demo")
    now = datetime(2026, 11, 28, 14, 0, tzinfo=timezone(timedelta(hours=1)))

    def clock():
        return now

    db = open_database(folder / "demo.sqlite")
    build_demo(db, forms, clock)
    clerk = Session(db, load_device(db), staff.sign_in(db, "records", "4444", clock), forms, clock)
    return _bundle(export(clerk, folder / "demo-export").folder)


def test_the_demo_bundle_validates_with_r4b_and_holds_every_kind(demo):
    bundle = Bundle.model_validate(demo)
    assert bundle.type == "transaction" and len(bundle.entry) > 300
    assert {entry["resource"]["resourceType"] for entry in demo["entry"]} == ALL_KINDS
    assert all(entry["fullUrl"] == f"urn:uuid:{entry['resource']['id']}" for entry in demo["entry"])
    assert len({entry["fullUrl"] for entry in demo["entry"]}) == len(demo["entry"])
    assert all(entry["request"]["method"] == "POST" and entry["request"]["ifNoneExist"] for entry in demo["entry"])


def test_every_reference_of_the_demo_resolves_inside_the_bundle(demo):
    assert _unresolved(demo) == []
    assert sum(1 for entry in demo["entry"] for _ in references(entry["resource"])) > 500


def test_every_code_of_the_demo_is_in_its_value_set(demo):
    check_codes(demo)
    statuses = {(r["resourceType"], r["status"]) for r in (e["resource"] for e in demo["entry"]) if "status" in r}
    assert {("Appointment", "cancelled"), ("Appointment", "booked"), ("Encounter", "finished"),
            ("MedicationAdministration", "not-done"), ("MedicationAdministration", "completed")} <= statuses


def test_codes_with_a_required_binding_are_in_the_list_fhir_resources_keeps(demo):
    """A second opinion on the tables: fhir.resources lists the codes of required bindings
    without enforcing them; every code of the demo bundle bound that way is in its list."""
    assert list(_outside_required_bindings(Bundle.model_validate(demo))) == []


def _outside_required_bindings(model):
    for name in model.model_fields_set:
        allowed = (type(model).model_fields[name].json_schema_extra or {}).get("enum_values")
        value = getattr(model, name)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, BaseModel):
                yield from _outside_required_bindings(item)
            elif allowed and "+" not in allowed and item not in allowed:
                yield type(model).__name__, name, item


@pytest.mark.parametrize("spoil, named", [
    (lambda r: r.update(status="bogus"), "Encounter.status"),
    (lambda r: r["class"].update(code="AMB"), "v3-ActCode|AMB"),
    (lambda r: r["class"].update(display="Inpatient"), "has display"),
    (lambda r: r.update(language="fr"), "no value set is listed"),
    (lambda r: r["location"][0].update(status="reserved"), "Encounter.location.status"),
])
@pytest.mark.parametrize("which", [0, -1], ids=["first of its shape", "last of its shape"])
def test_the_checker_rejects_a_code_outside_its_value_set(demo, spoil, named, which):
    """Only one resource of each shape goes through the FHIR models; the codes of every other
    one are still checked."""
    spoilt = copy.deepcopy(demo)
    spoil([e["resource"] for e in spoilt["entry"] if e["resource"]["resourceType"] == "Encounter"][which])
    with pytest.raises(CodeOutsideValueSet, match=named):
        check_codes(spoilt)


def test_a_shape_the_models_passed_is_not_sent_through_them_again_and_its_codes_are_still_checked(demo, monkeypatch):
    """Each export sent one resource of every shape through the R4B models, half of a small
    export's time: once a process now. The next export's codes are checked all the same, the
    first resource of each shape among them."""
    check_codes(demo)
    validated = []
    real = Bundle.model_validate
    monkeypatch.setattr(Bundle, "model_validate", lambda value: validated.append(value) or real(value))
    check_codes(demo)
    assert [len(bundle["entry"]) for bundle in validated] == [0]
    spoilt = copy.deepcopy(demo)
    first = next(entry["resource"] for entry in spoilt["entry"] if entry["resource"]["resourceType"] == "Encounter")
    first["status"] = "bogus"
    first["class"]["code"] = "AMB"
    with pytest.raises(CodeOutsideValueSet, match=r"Encounter.status: 'bogus'.*v3-ActCode\|AMB"):
        check_codes(spoilt)
    assert [len(bundle["entry"]) for bundle in validated] == [0, 0]


def _write(session, first=1):
    out = io.BytesIO()
    write_bundle(session.db, session.forms, first, 10**12, session.clock(), "test", out, partial(laptops_known, session),
                 authors(session))
    return out


def test_the_export_stops_at_a_bad_code_in_any_resource_of_a_shape(session_for, medication_ward, monkeypatch):
    """The written bundle's own check, not only check_codes: every Provenance but the first
    (so not the one of its shape the FHIR models see) gets a role outside its value set."""
    made = fhir_export._provenance
    calls = []

    def spoilt(*args):
        resource = made(*args)
        calls.append(resource)
        if len(calls) > 1:
            resource["entity"][0]["role"] = "quotation"
        return resource

    monkeypatch.setattr(fhir_export, "_provenance", spoilt)
    with pytest.raises(CodeOutsideValueSet, match=r"Provenance.entity.role: 'quotation'"):
        _write(session_for("records"))
    assert len(calls) > 2


def test_the_export_stops_at_a_reference_outside_the_bundle(session_for, medication_ward, monkeypatch):
    """A dose exported on its own needs its order and its patient: a bundle that forgot them
    (as if a builder did not say it needs them) is refused, naming the dangling references."""
    _, amox, _ = medication_ward
    nurse = session_for("nurse")
    dose = medication.record_dose(nurse, amox, {
        "outcome": "not_given", "given_at": "2026-11-28T08:10+01:00", "scheduled_for": "2026-11-28T08:00+01:00",
        "not_given_reason": "asleep"})
    (first,) = nurse.db.execute("SELECT rowid FROM records WHERE record_id = ?", [dose.record_id]).fetchone()
    assert b"MedicationRequest" in _write(nurse, first).getvalue()
    monkeypatch.setattr(fhir_export, "_with_needs", lambda groups, keys: keys)
    with pytest.raises(UnresolvedReference, match=f"urn:uuid:{dose.record_id} -> urn:uuid:{amox}"):
        _write(nurse, first)


@pytest.mark.parametrize("collecting", [True, False], ids=["collector on", "collector off, as in the app"])
def test_the_cycle_collector_is_off_while_the_bundle_is_written_and_as_it_was_after(
        session_for, medication_ward, monkeypatch, collecting):
    """Every automatic collection walked the page's records again (a fifth of the export); the
    collector is left as it was found, the export failing or not."""
    made = fhir_export._provenance
    seen = []

    def watched(*args):
        seen.append(gc.isenabled())
        return made(*args)

    def failing(*args):
        raise RuntimeError("a builder's bug")

    was = gc.isenabled()
    (gc.enable if collecting else gc.disable)()
    try:
        monkeypatch.setattr(fhir_export, "_provenance", watched)
        _write(session_for("records"))
        assert seen and not any(seen) and gc.isenabled() is collecting
        monkeypatch.setattr(fhir_export, "_provenance", failing)
        with pytest.raises(RuntimeError, match="a builder's bug"):
            _write(session_for("records"))
        assert gc.isenabled() is collecting
    finally:
        (gc.enable if was else gc.disable)()


def test_a_bundle_read_a_few_patients_at_a_time_holds_the_same_entries(tmp_path, forms, monkeypatch, demo_database):
    """A hospital's records are read a thousand patients at a time: read three at a time, the
    demo ward's bundle holds the same entries (each patient's resources, then their records'
    Provenance, instead of every patient's, then every order's...) and still validates."""
    db = demo_database(tmp_path / "demo.sqlite")
    clerk = Session(db, load_device(db), staff.sign_in(db, "records", "4444"), forms)
    whole = json.loads(_write(clerk).getvalue())
    monkeypatch.setattr(fhir_export, "PATIENTS_AT_ONCE", 3)
    parts = json.loads(_write(clerk).getvalue())
    assert len(parts["entry"]) == len(whole["entry"]) > 300 and parts["entry"] != whole["entry"]
    assert sorted(map(json.dumps, parts["entry"])) == sorted(map(json.dumps, whole["entry"]))
    Bundle.model_validate(parts)


def test_a_resource_is_tagged_with_what_its_provenance_warns_of_each_record_it_is_made_from():
    """A stay is made from its admission and each transfer: one on hold and another the ward said
    is not to be entered tag it with both, in one order whichever record comes first; a resource
    made from records with nothing to warn of has no meta at all."""
    from downtime.sync.fhir_elements import Made

    made = Made()
    made.add({"resourceType": "Patient", "id": "p"}, "admission")
    made.add({"resourceType": "Encounter", "id": "e", "status": "in-progress"}, "transfer", "admission", "discharge")
    made.add({"resourceType": "AllergyIntolerance", "id": "a"}, "other")
    review = {"on-hold": {"admission"}, "ask-the-ward": set(), "not-to-be-entered": {"transfer"}}
    patient, encounter, allergy = fhir_export._tagged(made, review)
    assert [tag["code"] for tag in patient["meta"]["tag"]] == ["on-hold"]
    assert encounter == {"resourceType": "Encounter", "id": "e", "meta": {"tag": [
        {"system": "urn:downtime:review", "code": "on-hold",
         "display": "On hold: two laptops disagree, not settled; do not take it as the record"},
        {"system": "urn:downtime:review", "code": "not-to-be-entered", "display": "Not to be entered: the ward said so"}]},
        "status": "in-progress"}
    assert allergy == {"resourceType": "AllergyIntolerance", "id": "a"}


def test_doses_given_not_given_and_witnessed(session_for, medication_ward, tmp_path):
    patient, amox, morphine = medication_ward
    nurse = session_for("nurse")
    given = medication.record_dose(nurse, amox, {
        "outcome": "given", "given_at": "2026-11-28T08:05+01:00", "scheduled_for": "2026-11-28T08:00+01:00",
        "dose_given": 1.0, "route": "IV"}, overrides={Check.ALLERGY: "Tolerated before"})
    late = medication.record_dose(nurse, amox, {  # yesterday's 14:00, given late, an hour before the 20:00
        "outcome": "given", "given_at": "2026-11-27T19:00+01:00", "scheduled_for": "2026-11-27T14:00+01:00",
        "dose_given": 1.0, "route": "IV"},
        overrides={Check.ALLERGY: "Tolerated before", Check.DOSE_SPACING: "20:00 dose moved to 22:00"})
    missed = medication.record_dose(nurse, amox, {
        "outcome": "not_given", "given_at": "2026-11-28T13:55+01:00", "scheduled_for": "2026-11-28T14:00+01:00",
        "not_given_reason": "patient_away"})
    refused = medication.record_dose(nurse, amox, {
        "outcome": "not_given", "given_at": "2026-11-27T20:05+01:00", "scheduled_for": "2026-11-27T20:00+01:00",
        "not_given_reason": "refused"})
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=("doctor", "2222"))
    witnessed = medication.record_dose(nurse, morphine, {"outcome": "given", "given_at": "2026-11-28T10:00+01:00",
                                                         "given_for": "pain",
                                                         "dose_given": 5.0, "route": "SC"}, witness=("doctor", "2222"))
    bundle = _export(session_for, tmp_path)
    assert _unresolved(bundle) == []

    done = _by_id(bundle, given.record_id)
    assert done["status"] == "completed" and done["request"] == {"reference": f"urn:uuid:{amox}"}
    assert done["subject"] == {"reference": f"urn:uuid:{patient}"}
    assert done["effectiveDateTime"] == "2026-11-28T08:05:00+01:00"
    assert done["dosage"]["dose"] == {"value": 1.0, "unit": "g", "system": "http://unitsofmeasure.org", "code": "g"}
    assert done["dosage"]["route"] == {"text": "Intravenous (IV)", "coding": [
        {"system": "http://snomed.info/sct", "code": "47625008", "display": "Intravenous route"}]}
    assert done["performer"] == [{"function": {"coding": [{
        "system": "http://terminology.hl7.org/CodeSystem/med-admin-perform-function", "code": "performer",
        "display": "Performer"}]}, "actor": _staff(nurse, "nurse", "Hélène Lefèvre (ward nurse)")}]
    assert {"text": "Warning overridden (Allergy): Tolerated before"} in done["note"]
    assert {"text": "Warning overridden (Regular doses too close): 20:00 dose moved to 22:00"} in _by_id(bundle, late.record_id)["note"]

    away = _by_id(bundle, missed.record_id)
    assert away["status"] == "not-done" and "dosage" not in away
    (reason,) = away["statusReason"]
    assert reason["coding"] == [{"system": "http://terminology.hl7.org/CodeSystem/reason-medication-not-given",
                                 "code": "b", "display": "Away"}] and reason["text"] == "Patient away from ward"
    (no_code,) = _by_id(bundle, refused.record_id)["statusReason"]
    assert no_code == {"text": "Refused"}

    cd = _by_id(bundle, witnessed.record_id)
    assert [(p["function"]["coding"][0]["code"], p["actor"]) for p in cd["performer"]] == [
        ("performer", _staff(nurse, "nurse", "Hélène Lefèvre (ward nurse)")),
        ("witness", _staff(nurse, "doctor", "Dr Karim Benali (doctor)"))]
    assert cd["request"] == {"reference": f"urn:uuid:{morphine}"}


def test_orders_as_medication_requests(session_for, medication_ward, tmp_path):
    _, amox, morphine = medication_ward
    doctor = session_for("doctor")
    stopped = records.amend(doctor, amox, {**_data(doctor, amox), "stop_at": "2026-11-28T12:00+01:00"},
                            "Switched to oral")
    bundle = _export(session_for, tmp_path)
    amoxicillin, opioid = _by_id(bundle, amox), _by_id(bundle, morphine)
    assert (amoxicillin["status"], opioid["status"]) == ("stopped", "active")
    assert amoxicillin["intent"] == "order" and amoxicillin["medicationCodeableConcept"] == {"text": "Amoxicillin"}
    (dosage,) = amoxicillin["dosageInstruction"]
    assert dosage["text"] == "1 g IV at 08:00 14:00 20:00" and dosage["route"]["text"] == "Intravenous (IV)"
    assert dosage["route"]["coding"] == [{"system": "http://snomed.info/sct", "code": "47625008",
                                          "display": "Intravenous route"}]
    assert dosage["doseAndRate"] == [{"doseQuantity": {"value": 1.0, "unit": "g", "system": "http://unitsofmeasure.org",
                                                       "code": "g"}}]
    assert dosage["timing"]["repeat"]["timeOfDay"] == ["08:00:00", "14:00:00", "20:00:00"]
    assert not {"frequency", "period", "periodUnit"} & set(dosage["timing"]["repeat"])  # daily: its times alone
    assert dosage["timing"]["repeat"]["boundsPeriod"]["end"] == "2026-11-28T12:00:00+01:00"
    assert amoxicillin["requester"] == _staff(doctor, "doctor", "Dr Karim Benali (doctor)")
    assert amoxicillin["authoredOn"] == "2026-11-28T14:00:00+01:00"
    (prn,) = opioid["dosageInstruction"]
    assert prn["asNeededCodeableConcept"] == {"text": "pain score > 4"}
    assert "at least 4 h apart" in prn["text"] and "at most 4 doses in 24 h" in prn["text"]
    assert prn["route"]["coding"][0]["code"] == "34206005"
    assert prn["maxDosePerPeriod"] == {"numerator": {"value": 20.0, "unit": "mg", "system": "http://unitsofmeasure.org",
                                                     "code": "mg"},
                                       "denominator": {"value": 24, "unit": "h", "system": "http://unitsofmeasure.org",
                                                       "code": "h"}}
    provenance = _provenance_of(bundle, stopped.record_id)
    assert provenance["activity"]["coding"][0]["code"] == "UPDATE"
    assert provenance["activity"]["text"] == "Amended: version 2" and provenance["reason"] == [{"text": "Switched to oral"}]


def test_amended_records_export_their_latest_version_and_withdrawn_ones_say_so(
        session_for, medication_ward, tmp_path):
    patient, amox, morphine = medication_ward
    nurse, doctor = session_for("nurse"), session_for("doctor")
    admission_id = _admission_of(nurse, patient)
    latest = records.amend(nurse, admission_id, {**_data(nurse, admission_id), "bed": "14"}, "Wrong bed typed")
    withdrawn = records.mark_entered_in_error(doctor, morphine, "Wrong patient")
    bundle = _export(session_for, tmp_path)
    encounter = _by_id(bundle, admission_id)
    assert _places(encounter) == [("wa", "3B"), ("bd", "14")]
    provenance = _provenance_of(bundle, admission_id)
    assert provenance["activity"]["text"] == "Amended: version 2" and provenance["reason"] == [{"text": "Wrong bed typed"}]
    assert provenance["recorded"] == latest.recorded_at.isoformat()
    assert provenance["occurredDateTime"] == "2026-11-27T09:00:00+01:00"
    assert {f"urn:uuid:{patient}", f"urn:uuid:{admission_id}"} <= {t["reference"] for t in provenance["target"]}
    assert provenance["agent"][0]["type"]["coding"][0]["code"] == "author"
    assert provenance["agent"][0]["who"] == _staff(nurse, "nurse", "Hélène Lefèvre (ward nurse)")

    assert _by_id(bundle, morphine)["status"] == "entered-in-error"
    nullified = _provenance_of(bundle, withdrawn.record_id)
    assert nullified["activity"]["coding"][0]["code"] == "NULLIFY" and nullified["reason"] == [{"text": "Wrong patient"}]
    assert _by_id(bundle, amox)["status"] == "active"


def _admission_of(session, patient_id):
    row = next(session.db.query("SELECT record_id FROM current_records WHERE form_id = 'admission' AND patient_id = ?",
                                [patient_id]))
    return row["record_id"]


def _data(session, record_id):
    row = next(session.db.query("SELECT data FROM current_records WHERE record_id = ?", [record_id]))
    return json.loads(row["data"])


def test_a_withdrawn_admission_withdraws_its_encounter_and_allergies(session_for, admission_values, tmp_path):
    nurse = session_for("nurse")
    admission = records.save_new(nurse, "admission", admission_values)
    records.mark_entered_in_error(nurse, admission.record_id, "Duplicate admission")
    bundle = _export(session_for, tmp_path)
    assert _by_id(bundle, admission.record_id)["status"] == "entered-in-error"
    (allergy,) = _resources(bundle, "AllergyIntolerance")
    assert allergy["verificationStatus"]["coding"][0]["code"] == "entered-in-error" and "clinicalStatus" not in allergy
    assert _by_id(bundle, admission.patient_id)["active"] is False


def _sessions(coord):
    return [records.save_new(coord, "theatre_session", {
        "theatre": name, "specialty": "General surgery", "starts_at": f"{day}T08:00+01:00",
        "ends_at": f"{day}T13:00+01:00"}).record_id for name, day in (("T1", "2026-11-30"), ("T2", "2026-12-01"))]


def _book(coord, patient_id, session_id, start):
    return theatre.book(coord, patient_id, {
        "procedure": "Inguinal hernia repair", "laterality": "left", "priority": "expedited",
        "decided_at": "2026-10-01T10:00+01:00", "surgeon": "Dr Roux", "anaesthetist": "Dr Klein",
        "session": session_id, "planned_start": start, "expected_minutes": 60})


def test_cancelled_and_rebooked_operation_is_one_request_with_two_appointments(
        session_for, admission_values, tmp_path):
    nurse, coord = session_for("nurse"), session_for("coord")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    monday, tuesday = _sessions(coord)
    booking = _book(coord, patient, monday, "2026-11-30T08:00+01:00")
    theatre.cancel(coord, booking.record_id, {"cancelled_at": "2026-11-28T09:00+01:00", "reason": "equipment_failure",
                                              "last_minute": False, "patient_told": "phone"})
    rebooking = theatre.rebook(coord, booking.record_id, {
        "outcome": "rebooked", "session": tuesday, "planned_start": "2026-12-01T09:00+01:00",
        "decided_at": "2026-11-28T10:00+01:00", "reason": "Earliest clash-free slot"})
    bundle = _export(session_for, tmp_path)
    (request,) = _resources(bundle, "ServiceRequest")
    assert request["id"] == booking.record_id and request["status"] == "active"
    assert request["code"] == {"text": "Inguinal hernia repair"} and request["priority"] == "urgent"
    assert request["orderDetail"] == [{"text": "Side: LEFT"}]
    cancelled, rebooked = sorted(_resources(bundle, "Appointment"), key=lambda a: a["start"])
    assert {a["basedOn"][0]["reference"] for a in (cancelled, rebooked)} == {f"urn:uuid:{booking.record_id}"}
    assert cancelled["status"] == "cancelled" and rebooked["status"] == "booked"
    assert cancelled["cancelationReason"] == {"text": "Equipment failure", "coding": [{
        "system": "http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason", "code": "maint",
        "display": "Equipment Maintenance/Repair"}]}
    assert "patient told: By phone" in cancelled["comment"]
    assert (rebooked["start"], rebooked["end"]) == ("2026-12-01T09:00:00+01:00", "2026-12-01T10:00:00+01:00")
    assert {"display": "theatre T2"} in [p["actor"] for p in rebooked["participant"]]
    assert [t["reference"] for t in _provenance_of(bundle, rebooking.record_id)["target"]] == [f"urn:uuid:{rebooked['id']}"]
    assert _unresolved(bundle) == []


def test_whether_the_patient_was_told_of_the_new_date_or_the_transfer_is_exported(
        session_for, admission_values, clock, tmp_path):
    """As the cancellation's telling is: a patient never told of the new date may not come."""
    nurse, coord = session_for("nurse"), session_for("coord")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    monday, tuesday = _sessions(coord)
    booking = _book(coord, patient, monday, "2026-11-30T08:00+01:00")
    cancel = {"cancelled_at": "2026-11-28T09:00+01:00", "reason": "equipment_failure", "last_minute": False,
              "patient_told": "phone"}
    theatre.cancel(coord, booking.record_id, cancel)
    theatre.rebook(coord, booking.record_id, {"outcome": "rebooked", "session": tuesday,
                                              "planned_start": "2026-12-01T09:00+01:00",
                                              "decided_at": "2026-11-28T10:00+01:00"})
    bundle = _export(session_for, tmp_path, "untold")
    Bundle.model_validate(bundle)
    rebooked = max(_resources(bundle, "Appointment"), key=lambda a: a["start"])
    assert rebooked["comment"] == "Rebooked; patient not told yet"
    theatre.record_told(coord, booking.record_id, "in_person", datetime.fromisoformat("2026-11-28T11:30+01:00"))
    bundle = _export(session_for, tmp_path, "told")
    Bundle.model_validate(bundle)
    rebooked = max(_resources(bundle, "Appointment"), key=lambda a: a["start"])
    # Who told them too, the user who recorded it unless named: someone to ask.
    assert rebooked["comment"] == "Rebooked; patient told: In person by Chloé Martin 2026-11-28T11:30:00+01:00"
    other = _book(coord, patient, tuesday, "2026-12-01T11:00+01:00")
    theatre.cancel(coord, other.record_id, cancel)
    theatre.rebook(coord, other.record_id, {"outcome": "transferred", "other_hospital": "CHU Sud",
                                            "decided_at": clock.now.isoformat(timespec="minutes")})
    bundle = _export(session_for, tmp_path, "transferred")
    Bundle.model_validate(bundle)
    assert _by_id(bundle, other.record_id)["note"][-1]["text"].endswith("; patient not told yet")


def test_a_cancellation_told_afterwards_exports_when_the_patient_was_told(session_for, admission_values, tmp_path):
    """"Patient told…" records when a patient "Not yet" told of a cancellation was told: the
    Appointment said "patient told: By phone" without it, as if told when it was cancelled, where
    the new date's comment gives the time."""
    nurse, coord = session_for("nurse"), session_for("coord")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    booking = _book(coord, patient, _sessions(coord)[0], "2026-11-30T08:00+01:00")
    theatre.cancel(coord, booking.record_id, {"cancelled_at": "2026-11-28T09:00+01:00", "reason": "equipment_failure",
                                              "last_minute": False, "patient_told": "not_yet"})
    bundle = _export(session_for, tmp_path, "untold")
    Bundle.model_validate(bundle)
    (appointment,) = _resources(bundle, "Appointment")
    assert appointment["comment"].endswith("; patient not told yet")
    theatre.record_told(coord, booking.record_id, "phone", datetime.fromisoformat("2026-11-28T11:30+01:00"))
    bundle = _export(session_for, tmp_path, "told")
    Bundle.model_validate(bundle)
    (appointment,) = _resources(bundle, "Appointment")
    assert appointment["status"] == "cancelled"
    assert appointment["comment"].endswith("; patient told: By phone by Chloé Martin 2026-11-28T11:30:00+01:00")


def test_an_operation_done_is_a_fulfilled_appointment_and_its_csv_says_when_and_where(
        session_for, admission_values, tmp_path):
    """Every past Appointment went to the EHR as booked: an operation done and one that silently
    did not take place read alike. Recorded done, its Appointment is fulfilled and the operation
    completed; withdrawn as entered in error, the Appointment is booked again, its Provenance
    saying why."""
    nurse, coord = session_for("nurse"), session_for("coord")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    today = records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery", "starts_at": "2026-11-28T08:00+01:00",
        "ends_at": "2026-11-28T13:00+01:00"}).record_id
    booking = _book(coord, patient, today, "2026-11-28T09:00+01:00")
    done = theatre.record_done(coord, booking.record_id, {"done_at": "2026-11-28T09:10+01:00", "theatre": "T2",
                                                          "notes": "T1 out of use"})
    folder = export(session_for("records"), tmp_path / "done").folder
    bundle = _bundle(folder)
    Bundle.model_validate(bundle)
    (appointment,) = _resources(bundle, "Appointment")
    assert appointment["status"] == "fulfilled"
    assert appointment["comment"] == "Done 2026-11-28T09:10:00+01:00, theatre T2; T1 out of use"
    assert _by_id(bundle, booking.record_id)["status"] == "completed"
    assert {t["reference"] for t in _provenance_of(bundle, done.record_id)["target"]} == {
        f"urn:uuid:{appointment['id']}", f"urn:uuid:{booking.record_id}", f"urn:uuid:{done.record_id}"}
    (procedure,) = _resources(bundle, "Procedure")
    assert procedure["id"] == done.record_id and procedure["status"] == "completed"
    assert _unresolved(bundle) == []
    csv_text = (folder / "csv" / "operation_done.csv").read_text(encoding="utf-8")
    assert "2026-11-28T09:10+01:00" in csv_text and "T1 out of use" in csv_text
    records.mark_entered_in_error(coord, done.record_id, "another patient's operation")
    bundle = _export(session_for, tmp_path, "withdrawn")
    Bundle.model_validate(bundle)
    (appointment,) = _resources(bundle, "Appointment")
    assert appointment["status"] == "booked" and _by_id(bundle, booking.record_id)["status"] == "active"


def test_an_operation_done_over_a_theatre_clash_exports_why(session_for, admission_values, tmp_path):
    """Recorded done over another done in its theatre then, with the reason asked: the EHR's
    Appointment and the CSV say why, as a dose given over a warning does."""
    nurse, coord = session_for("nurse"), session_for("coord")
    patients = [records.save_new(nurse, "admission", {**admission_values, "bed": bed, "birth_name": name}).patient_id
                for bed, name in (("1", "Durand"), ("2", "Petit"))]
    today = records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery", "starts_at": "2026-11-28T08:00+01:00",
        "ends_at": "2026-11-28T13:00+01:00"}).record_id
    first, second = (_book(coord, patient, today, start)
                     for patient, start in zip(patients, ("2026-11-28T09:00+01:00", "2026-11-28T10:00+01:00")))
    theatre.record_done(coord, first.record_id, {"done_at": "2026-11-28T09:20+01:00", "theatre": "T1"})
    theatre.record_done(coord, second.record_id, {"done_at": "2026-11-28T10:00+01:00", "theatre": "T1",
                                                  theatre.OVER_CLASH: "The 09:20 case ended at 09:55"})
    folder = export(session_for("records"), tmp_path / "done").folder
    bundle = _bundle(folder)
    Bundle.model_validate(bundle)
    assert sorted(appointment["comment"] for appointment in _resources(bundle, "Appointment")) == [
        "Done 2026-11-28T09:20:00+01:00, theatre T1",
        "Done 2026-11-28T10:00:00+01:00, theatre T1; recorded over a clash: The 09:20 case ended at 09:55"]
    assert "The 09:20 case ended at 09:55" in (folder / "csv" / "operation_done.csv").read_text(encoding="utf-8")


def test_a_cancellation_amended_after_a_rebooking_of_the_same_minute_still_cancels_the_first_date(
        session_for, admission_values, clock, tmp_path):
    """Same-minute theatre changes keep the order they were first typed in, as movements do."""
    nurse, coord = session_for("nurse"), session_for("coord")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    monday, tuesday = _sessions(coord)
    booking = _book(coord, patient, monday, "2026-11-30T08:00+01:00")
    now = clock.now.isoformat(timespec="minutes")
    cancel = theatre.cancel(coord, booking.record_id, {"cancelled_at": now, "reason": "equipment_failure",
                                                       "last_minute": True, "patient_told": "phone"})
    clock.advance(seconds=40)
    theatre.rebook(coord, booking.record_id, {"outcome": "rebooked", "session": tuesday,
                                              "planned_start": "2026-12-01T09:00+01:00", "decided_at": now})
    clock.advance(hours=1)
    records.amend(coord, cancel.record_id, {**cancel.data, "reason": "no_ward_bed"}, "wrong reason coded")
    appointments = sorted(_resources(_export(session_for, tmp_path), "Appointment"), key=lambda a: a["start"])
    assert [(a["start"][:10], a["status"]) for a in appointments] == [("2026-11-30", "cancelled"),
                                                                      ("2026-12-01", "booked")]


def test_a_cancellation_without_a_fitting_code_keeps_its_reason_as_text(session_for, admission_values, tmp_path):
    nurse, coord = session_for("nurse"), session_for("coord")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    booking = _book(coord, patient, _sessions(coord)[0], "2026-11-30T08:00+01:00")
    theatre.cancel(coord, booking.record_id, {"cancelled_at": "2026-11-28T09:00+01:00",
                                              "reason": "information_system", "last_minute": True,
                                              "patient_told": "not_yet"})
    (appointment,) = _resources(_export(session_for, tmp_path), "Appointment")
    assert appointment["cancelationReason"] == {"text": "Information-system outage"}
    assert "last minute" in appointment["comment"]


def test_an_operation_cancelled_because_the_patient_died_is_coded_deceased(session_for, admission_values, tmp_path):
    nurse, coord = session_for("nurse"), session_for("coord")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    booking = _book(coord, patient, _sessions(coord)[0], "2026-11-30T08:00+01:00")
    theatre.cancel(coord, booking.record_id, {"cancelled_at": "2026-11-28T13:30+01:00", "reason": "patient_died",
                                              "last_minute": False, "patient_told": "family"})
    (appointment,) = _resources(_export(session_for, tmp_path), "Appointment")
    assert "patient told: Family told" in appointment["comment"]
    assert (appointment["status"], appointment["cancelationReason"]) == ("cancelled", {"text": "Patient died", "coding": [{
        "system": "http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason", "code": "pat-dec",
        "display": "Patient: Deceased"}]})


def test_exporting_twice_gives_the_same_resources_and_since_last_gives_none(
        session_for, medication_ward, tmp_path):
    patient, amox, _ = medication_ward
    first = export(session_for("records"), tmp_path / "one")
    again = export(session_for("records"), tmp_path / "two")
    one, two = _bundle(first.folder), _bundle(again.folder)
    assert [e for e in one["entry"]] == [e for e in two["entry"]] and len(one["entry"]) == first.fhir_entries > 5
    nothing = export(session_for("records"), tmp_path / "three", since_last=True)
    assert _bundle(nothing.folder)["entry"] == [] and nothing.fhir_entries == 0

    dose = medication.record_dose(session_for("nurse"), amox, {
        "outcome": "not_given", "given_at": "2026-11-28T08:10+01:00", "scheduled_for": "2026-11-28T08:00+01:00",
        "not_given_reason": "asleep"})
    later = _export(session_for, tmp_path, "four", since_last=True)
    kinds = sorted({e["resource"]["resourceType"] for e in later["entry"]})
    assert kinds == ["AllergyIntolerance", "Encounter", "MedicationAdministration", "MedicationRequest", "Observation",
                     "Patient", "Provenance"]
    assert _by_id(later, dose.record_id)["statusReason"][0]["coding"][0]["code"] == "c"
    assert len(_resources(later, "MedicationRequest")) == 1 and _unresolved(later) == []
    assert _by_id(later, patient) == _by_id(one, patient)


def test_two_exports_of_one_range_are_two_bundles_with_ids_of_their_own(session_for, medication_ward, tmp_path):
    """The id was named after the laptop and the range: two exports of one range, different
    since (an order stopped by then, a dose asked about), had one id, and an engine dropping
    replays by id dropped the second. Each bundle has its own; its entries, unchanged, are the
    same, their conditions on identifiers being what makes posting twice harmless."""
    first, second = (_export(session_for, tmp_path, name) for name in ("one", "two"))
    assert first["id"] != second["id"]
    assert {str(uuid.UUID(bundle["id"]).version) for bundle in (first, second)} == {"4"}
    assert first["entry"] == second["entry"]


def test_transfers_are_encounter_locations_with_their_periods(session_for, admission_values, tmp_path):
    nurse = session_for("nurse")
    admitted = records.save_new(nurse, "admission", admission_values)
    patient = admitted.patient_id
    moved = records.save_new(nurse, "transfer", {"moved_at": "2026-11-28T11:00+01:00", "to_ward": "ICU",
                                                 "to_bed": "4", "reason": "Needs monitoring"}, patient_id=patient)
    records.save_new(nurse, "transfer", {"moved_at": "2026-11-28T12:30+01:00", "to_ward": "3B", "to_bed": "2",
                                         "reason": "Stable"}, patient_id=patient)
    in_progress = _by_id(_export(session_for, tmp_path, "during"), admitted.record_id)
    assert in_progress["status"] == "in-progress" and "end" not in in_progress["period"]
    first, icu, back = ({"start": "2026-11-28T10:30:00+01:00", "end": "2026-11-28T11:00:00+01:00"},
                        {"start": "2026-11-28T11:00:00+01:00", "end": "2026-11-28T12:30:00+01:00"},
                        {"start": "2026-11-28T12:30:00+01:00"})
    assert [(loc["location"]["display"], loc["status"], loc["period"]) for loc in in_progress["location"]] == [
        ("3B", "completed", first), ("12", "completed", first), ("ICU", "completed", icu), ("4", "completed", icu),
        ("3B", "active", back), ("2", "active", back)]
    assert [t["reference"] for t in _provenance_of(_export(session_for, tmp_path, "again"), moved.record_id)["target"]] \
        == [f"urn:uuid:{admitted.record_id}"]

    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T13:30+01:00", "destination": "care_home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    finished = _by_id(_export(session_for, tmp_path, "after"), admitted.record_id)
    assert finished["status"] == "finished" and finished["period"]["end"] == "2026-11-28T13:30:00+01:00"
    assert finished["location"][-2:] == [
        {"location": {"identifier": {"system": "urn:downtime:ward", "value": "3B"}, "display": "3B"},
         "physicalType": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/location-physical-type",
                                      "code": "wa", "display": "Ward"}]},
         "status": "completed", "period": {"start": "2026-11-28T12:30:00+01:00", "end": "2026-11-28T13:30:00+01:00"}},
        {"location": {"identifier": {"system": "urn:downtime:bed", "value": "3B/2"}, "display": "2"},
         "physicalType": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/location-physical-type",
                                      "code": "bd", "display": "Bed"}]},
         "status": "completed", "period": {"start": "2026-11-28T12:30:00+01:00", "end": "2026-11-28T13:30:00+01:00"}}]
    disposition = finished["hospitalization"]["dischargeDisposition"]
    assert disposition["coding"][0]["code"] == "long" and disposition["text"] == "Care home / nursing home"


def test_a_death_ends_the_stay_and_marks_the_patient_deceased(session_for, admission_values, tmp_path):
    nurse = session_for("nurse")
    admitted = records.save_new(nurse, "admission", admission_values)
    records.save_new(nurse, "death", {**death_answers("2026-11-28T13:00+01:00"), "verified_by": "Dr Benali",
                                      "expected": False, "family_informed": True}, patient_id=admitted.patient_id)
    bundle = _export(session_for, tmp_path)
    encounter = _by_id(bundle, admitted.record_id)
    assert encounter["status"] == "finished"
    assert encounter["hospitalization"]["dischargeDisposition"]["coding"][0]["code"] == "exp"
    assert _by_id(bundle, admitted.patient_id)["deceasedDateTime"] == "2026-11-28T13:00:00+01:00"


def _charted(observation) -> bool:
    """An Observation of the NEWS2 chart or the weight: not a volume in or out (sync.fhir_fluids),
    whose category and code are words, nor a neuro set's (sync.fhir_neuro), a glucose reading's
    (sync.fhir_glucose), a Braden assessment's or a wound's (sync.fhir_skin), a line's or
    catheter's check (sync.fhir_devices), a pain score's (sync.fhir_pain), a malnutrition
    screening's (sync.fhir_nutrition), a delirium screening's (sync.fhir_delirium), a fall's
    (sync.fhir_falls), a falls-risk assessment's and its lying and standing blood pressures
    (sync.fhir_falls_risk), a swallow screen's and its SLT assessment's (sync.fhir_swallow, words
    only), a capacity assessment's (sync.fhir_capacity), a safeguarding concern's
    (sync.fhir_safeguarding), a sepsis screening's (sync.fhir_sepsis), a bowel chart's
    (sync.fhir_bowels), an alcohol withdrawal check's (sync.fhir_alcohol_withdrawal), an enhanced care record's
    (sync.fhir_enhanced_observation), a child's PEWS total
    (sync.fhir_pews, whose readings are vital signs and observed words as an adult's are), a
    DNACPR (sync.fhir_resuscitation) or an observation and escalation plan
    (sync.fhir_observation_plan), neither of which has a category."""
    codes = {coding["code"] for coding in observation["code"].get("coding", [])}
    return (fhir_resuscitation.RESUSCITATION_STATUS not in codes
            and fhir_observation_plan.TREATMENT_ESCALATION_PLAN not in codes
            and observation["category"] != [fhir_fluids.CATEGORY] and fhir_neuro.TOTAL not in codes
            and observation["code"] not in (fhir_skin.BRADEN, fhir_skin.WOUND)
            and not observation["code"].get("text", "").startswith((fhir_pain.PAIN, fhir_devices.CHECK))
            and observation["code"] not in (fhir_nutrition.MUST, fhir_delirium.FOUR_AT, fhir_falls.FALL,
                                            fhir_sepsis.SEPSIS, fhir_bowels.STOOL, fhir_bowels.OPENED, fhir_pews.PEWS,
                                            fhir_alcohol_withdrawal.CIWA_AR)
            and observation["code"].get("text") not in ("Pupils and limb movement", "Capillary blood glucose",
                                                        fhir_falls_risk.ASSESSMENT["text"],
                                                        fhir_capacity.ASSESSMENT["text"], fhir_safeguarding.CONCERN["text"],
                                                        *(code["text"] for code in fhir_enhanced_observation.CODES.values()),
                                                        fhir_swallow.SCREEN["text"], fhir_swallow.SLT["text"],
                                                        *(words for words, _, _ in fhir_falls_risk.POSITIONS.values())))


def test_observations_travel_as_vital_signs_with_a_news2_total_derived_from_them(demo):
    observations = {e["fullUrl"]: e["resource"] for e in demo["entry"] if e["resource"]["resourceType"] == "Observation"
                    and _charted(e["resource"])}
    totals = [o for o in observations.values() if o["category"][0]["coding"][0]["code"] == "survey"]
    assert totals and all(o["code"]["coding"][0]["code"] == "1104051000000101" for o in totals)
    loinc = {coding["code"] for o in observations.values() for coding in o["code"].get("coding", [])
             if coding["system"] == "http://loinc.org"}
    assert loinc == {"9279-1", "2708-6", "59408-5", "3151-8", "85354-9", "8867-4", "8310-5", "8302-2", "29463-7"}
    for total in totals:
        parts = [observations[ref["reference"]] for ref in total["derivedFrom"]]
        assert all(part["subject"] == total["subject"] and part["effectiveDateTime"] == total["effectiveDateTime"]
                   for part in parts)
        assert sum(component["valueInteger"] for component in total["component"]) == total["valueInteger"]
    assert max(total["valueInteger"] for total in totals) == 8


def test_a_saturation_says_the_oxygen_it_was_measured_on_and_a_scale_2_total_who_prescribed_it(
        session_for, patient, tmp_path):
    """A back-entered SpO2 of 86 % read as one on air, its 4 L/min a separate Observation the
    total alone linked to it; a scale-2 total (86 % on oxygen scoring 0, not 3) carried nothing of
    the doctor's decision it rests on."""
    saved = records.save_new(session_for("doctor"), "observations", {
        "taken_at": "2026-11-28T12:00+01:00", "respiratory_rate": 18, "spo2": 86, "spo2_scale": "scale_2",
        "scale_2_prescribed_by": " Dr  Okafor ", "scale_2_prescribed_at": "2026-11-28T09:30+01:00", "on_oxygen": True,
        "oxygen_flow": 4.0, "notes": "Blood gas seen"}, patient_id=patient)
    bundle = _export(session_for, tmp_path)
    check_codes(bundle)
    Bundle.model_validate(bundle)
    total = _by_id(bundle, saved.record_id)
    (saturation,) = [part for ref in total["derivedFrom"] if "59408-5" in str((part := _by_id(
        bundle, ref["reference"].removeprefix("urn:uuid:")))["code"])]
    assert saturation["valueQuantity"]["value"] == 86
    assert saturation["component"] == [{"code": {"coding": [{"system": "http://loinc.org", "code": "3151-8",
                                                             "display": "Inhaled oxygen flow rate"}]},
                                        "valueQuantity": {"value": 4.0, "unit": "L/min",
                                                          "system": "http://unitsofmeasure.org", "code": "L/min"}}]
    assert total["note"] == [{"text": "Blood gas seen"},
                             {"text": "SpO2 scale 2 prescribed by Dr Okafor on 28/11/2026 09:30"}]


def test_an_amended_admission_keeps_its_place_before_a_transfer_of_the_same_minute(session_for, admission_values,
                                                                                  clock, tmp_path):
    """As in the census: same-minute movements keep the order they were first typed in."""
    nurse = session_for("nurse")
    admission = records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-28T09:00+01:00"})
    clock.advance(minutes=1)
    records.save_new(nurse, "transfer", {"moved_at": "2026-11-28T09:00+01:00", "to_ward": "ICU", "to_bed": "1",
                                         "reason": "needs monitoring"}, patient_id=admission.patient_id)
    clock.advance(minutes=5)
    records.amend(nurse, admission.record_id, {**admission.data, "bed": "3"}, "bed was wrong")
    encounter = _by_id(_export(session_for, tmp_path), admission.record_id)
    assert _places(encounter) == [("wa", "3B"), ("bd", "3"), ("wa", "ICU"), ("bd", "1")]


def test_the_encounter_carries_the_reason_for_admission_and_the_admitting_clinician(session_for, admission_values,
                                                                                     tmp_path):
    """Both are required on the admission form and neither is on the back-entry line: the bundle
    is where the EHR gets them (the app's own FHIR reader takes them from the same places)."""
    nurse = session_for("nurse")
    admitted = records.save_new(nurse, "admission", admission_values)
    records.amend(nurse, admitted.record_id, {**admission_values, "reason": "Fall at home, fractured neck of femur"},
                  "X-ray seen")
    bundle = _export(session_for, tmp_path)
    Bundle.model_validate(bundle)
    encounter = _by_id(bundle, admitted.record_id)
    assert encounter["reasonCode"] == [{"text": "Fall at home, fractured neck of femur"}]
    assert encounter["participant"] == [{"individual": {"display": "Dr Benali"}}]


def test_the_encounter_carries_the_ehr_visit_number_the_admission_was_given(session_for, admission_values, tmp_path):
    """The form asks the EHR's encounter number "if known" and the bundle left it out: the EHR
    could not match the stay to the visit it opened. It is an Encounter identifier beside the
    record's own, which stays first (the condition the entry is found by); a withdrawn
    admission's Encounter carries it too, and a stay without one carries none."""
    nurse = session_for("nurse")
    numbered = records.save_new(nurse, "admission", {**admission_values, "encounter_number": "V2026-004512"})
    withdrawn = records.save_new(nurse, "admission", {**admission_values, "birth_name": "Roux", "nir": None, "bed": "3",
                                                      "encounter_number": "V2026-004513"})
    records.mark_entered_in_error(nurse, withdrawn.record_id, "wrong patient")
    plain = records.save_new(nurse, "admission", {**admission_values, "birth_name": "Petit", "nir": None, "bed": "4"})
    bundle = _export(session_for, tmp_path)
    Bundle.model_validate(bundle)
    visit = "urn:downtime:ehr-encounter-number"
    encounter = _by_id(bundle, numbered.record_id)
    assert encounter["identifier"] == [{"system": "urn:downtime:record", "value": numbered.record_id},
                                       {"system": visit, "value": "V2026-004512"}]
    (entry,) = [e for e in bundle["entry"] if e["fullUrl"] == f"urn:uuid:{numbered.record_id}"]
    assert entry["request"]["ifNoneExist"] == f"identifier=urn:downtime:record|{numbered.record_id}"
    gone = _by_id(bundle, withdrawn.record_id)
    assert gone["status"] == "entered-in-error" and gone["identifier"][1] == {"system": visit, "value": "V2026-004513"}
    assert len(_by_id(bundle, plain.record_id)["identifier"]) == 1


def test_a_readmitted_patient_keeps_the_identity_of_their_latest_admission_after_the_first_is_amended(
        session_for, admission_values, tmp_path, clock):
    """The identity was corrected at the readmission (validated, with the NIR) and an allergy
    found; correcting a detail of the first stay afterwards must not give the EHR, the census,
    the back-entry list and the dose checks the first admission's old identity back."""
    from downtime.services import back_entry, census

    nurse = session_for("nurse")
    first = records.save_new(nurse, "admission", {**admission_values, "birth_name": "Dupont", "nir": "",
                                                  "identity_status": "provisional", "identity_document": None,
                                                  "allergy_status": "nka", "allergies": [],
                                                  "arrival_at": "2026-11-27T09:00+01:00"})
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-27T18:00+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=first.patient_id)
    clock.advance(minutes=5)
    records.save_new(nurse, "admission", {**admission_values, "birth_name": "Dupond",
                                          "arrival_at": "2026-11-28T09:00+01:00"}, patient_id=first.patient_id)
    clock.advance(minutes=5)
    records.amend(nurse, first.record_id, {**first.data, "reason": "Chest pain, troponin negative"},
                  "reason completed")
    patient = _by_id(_export(session_for, tmp_path), first.patient_id)
    assert patient["name"][0]["family"] == "Dupond"
    assert [(i["use"], i["value"]) for i in patient["identifier"] if i["system"] == "urn:oid:1.2.250.1.213.1.4.8"] == [
        ("official", "254037511302312")]
    (group,) = back_entry.worklist(session_for("records"))
    assert group.patient is not None and group.patient.display_name == "MARTIN Hélène Marie (née DUPOND)"
    assert [p.display_name for p in census.in_patients(nurse.db, nurse.forms)] == ["MARTIN Hélène Marie (née DUPOND)"]
    # The dose checks read the same identity: the penicillin allergy found at the readmission stays.
    assert census.patient_with_location(nurse.db, nurse.forms, first.patient_id).allergies == ("Penicillin",)
def test_a_readmitted_patient_is_exported_from_the_latest_stay_after_the_first_stays_admission_is_amended(
        session_for, admission_values, clock, tmp_path):
    """As in the census: the Patient is the current stay's identity (the married name she now
    uses), though the first stay's admission, corrected last, is the newest version."""
    nurse = session_for("nurse")
    first = records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-20T10:00+01:00"})
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-22T10:00+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=first.patient_id)
    records.save_new(nurse, "admission", {**admission_values, "used_name": "Dubois", "arrival_at": "2026-11-28T09:00+01:00"},
                     patient_id=first.patient_id)
    clock.advance(minutes=10)
    records.amend(nurse, first.record_id, {**first.data, "weight_kg": 60}, "weight typed wrong")
    patient = _by_id(_export(session_for, tmp_path), first.patient_id)
    assert [(name["use"], name["family"]) for name in patient["name"]] == [("official", "Lefèvre"), ("usual", "Dubois")]


def test_the_ins_is_exported_as_the_card_reads_whatever_the_form_was_typed_with(session_for, admission_values, tmp_path):
    """The form takes an NIR with dots, or a Corsican 2a in lower case; the INS identifier
    went to the EHR as typed ("1.85.05.2a.004.123.56"), matching no one there."""
    records.save_new(session_for("nurse"), "admission", {**admission_values, "nir": "1.85.05.2a.004.123.56"})
    (patient,) = _resources(_export(session_for, tmp_path), "Patient")
    assert [i["value"] for i in patient["identifier"] if i["system"] == "urn:oid:1.2.250.1.213.1.4.8"] == [
        "185052A00412356"]


@pytest.mark.parametrize("nir, system, kind", [
    ("254037511302312", "urn:oid:1.2.250.1.213.1.4.8", "INS-NIR"),
    (f"8540375113023{nir_key('8540375113023'):02d}", "urn:oid:1.2.250.1.213.1.4.9", "INS-NIA"),
], ids=["NIR", "NIA"])
def test_the_ins_is_typed_as_fr_core_does_with_the_birthplace_code_beside_it(
        session_for, admission_values, tmp_path, nir, system, kind):
    """Identity vigilance matches an identity on the INS and its traits, the birthplace among
    them: the INS went untyped (FR Core's Patient types it), an NIA under the NIR's OID, and the
    birthplace code not at all."""
    admitted = records.save_new(session_for("nurse"), "admission",
                                {**admission_values, "nir": nir, "birthplace_code": "2A004"})
    bundle = _export(session_for, tmp_path)
    Bundle.model_validate(bundle)
    check_codes(bundle)
    patient = _by_id(bundle, admitted.patient_id)
    assert patient["identifier"][-1] == {
        "use": "official", "system": system, "value": nir,
        "type": {"coding": [{"system": "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203", "code": kind}]}}
    assert patient["extension"][1] == {"url": "http://hl7.org/fhir/StructureDefinition/patient-birthPlace",
                                       "valueAddress": {"extension": [{
                                           "url": "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-address-insee-code",
                                           "valueCoding": {"system": "https://mos.esante.gouv.fr/NOS/TRE_R13-CommuneOM/FHIR/"
                                                                     "TRE-R13-CommuneOM", "code": "2A004"}}],
                                           "district": "2A004"}}


_RELIABILITY = "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability"
_STATUS = "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0445"
_MODE = "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-mode-validation-identity"


def _reliability(patient):
    (found,) = [extension for extension in patient["extension"] if extension["url"] == _RELIABILITY]
    return {part["url"]: part.get("valueCoding", part.get("valueDate")) for part in found["extension"]}


@pytest.mark.parametrize("answers, expected", [
    *[({"identity_document": document}, {"identityStatus": {"system": _STATUS, "code": "VALI"},
                                         "validationMode": {"system": _MODE, "code": mode},
                                         "validationDate": "2026-11-28"})
      for document, mode in (("national_id_card", "CN"), ("passport", "PA"), ("residence_permit", "CS"),
                             ("family_record_book", "LE"), ("birth_certificate", "AN"))],
    ({"identity_status": "provisional", "identity_document": None}, {"identityStatus": {"system": _STATUS, "code": "PROV"}}),
    ({"unidentified": True, "descriptor": "Man about 40, found at the station", "temporary_name": "INCONNU Trèfle",
      "birth_name": None, "used_name": None, "given_names": None, "birth_date": None, "nir": None,
      "identity_status": "provisional", "identity_document": None},
     {"identityStatus": {"system": _STATUS, "code": "PROV"}}),
], ids=["id card", "passport", "residence permit", "family record book", "birth certificate", "provisional",
        "unidentified"])
def test_every_patient_says_how_far_its_identity_can_be_trusted_as_fr_core_does(
        session_for, admission_values, tmp_path, answers, expected):
    """The EHR's identity staff decide whether to qualify an identity through INSi from its
    status and the document seen: the bundle said neither, only the INS being there or not."""
    values = {name: value for name, value in {**admission_values, **answers}.items() if value is not None}
    admitted = records.save_new(session_for("nurse"), "admission", values)
    bundle = _export(session_for, tmp_path)
    Bundle.model_validate(bundle)
    check_codes(bundle)
    assert _reliability(_by_id(bundle, admitted.patient_id)) == expected


def test_an_identity_validated_by_an_amendment_says_the_day_the_document_was_seen(
        session_for, admission_values, clock, tmp_path):
    """Validated two days after arrival: the day the amendment was written, not the arrival's."""
    nurse = session_for("nurse")
    admitted = records.save_new(nurse, "admission", {**admission_values, "identity_status": "provisional",
                                                     "identity_document": None})
    clock.advance(days=2)
    records.amend(nurse, admitted.record_id, {**admitted.data, "identity_status": "validated",
                                               "identity_document": "passport"}, "passport brought by the family")
    clock.advance(days=1)
    records.amend(nurse, admitted.record_id, {**admitted.data, "identity_status": "validated",
                                               "identity_document": "passport", "weight_kg": 61}, "weighed")
    reliability = _reliability(_by_id(_export(session_for, tmp_path), admitted.patient_id))
    validated = history(nurse.db, admitted.record_id)[1]
    assert (validated.version, validated.data["identity_status"]) == (2, "validated")
    assert reliability["validationMode"]["code"] == "PA"
    assert reliability["validationDate"] == validated.recorded_at.date().isoformat() != "2026-11-28"


def test_a_patient_an_earlier_release_sent_is_not_updated_for_the_ins_type_and_birthplace_alone(
        session_for, admission_values, monkeypatch, tmp_path):
    """An update replaces the EHR's identity whole, with the identity-vigilance staff's
    corrections: the type and the birthplace alone are no reason to send one."""
    admitted = records.save_new(session_for("nurse"), "admission", {**admission_values, "birthplace_code": "75056"})
    with monkeypatch.context() as before:
        _as_released_before(before, lambda patient: {name: value for name, value in patient.items()
                                                      if name != "extension"})
        before.setattr(fhir_patients, "_ins", lambda nir: {"use": "official", "system": fhir_patients.INS_SYSTEM,
                                                           "value": nir})
        assert "extension" not in _by_id(_export(session_for, tmp_path, "earlier"), admitted.patient_id)
    upgraded = export(session_for("records"), tmp_path / "upgraded")
    assert "extension" in _by_id(_bundle(upgraded.folder), admitted.patient_id)
    assert _entry_of(_bundle(upgraded.folder), admitted.patient_id)["request"]["method"] == "POST"
    assert upgraded.fhir_updates == 0


def _as_released_before(monkeypatch, earlier):
    """Export as an earlier release did, `earlier` rewriting each Patient built now."""
    built = fhir_patients._patient
    monkeypatch.setattr(fhir_patients, "_patient", lambda *args: earlier(built(*args)))


# The birthplace as the release before the identity reliability wrote it, and nothing else.
_DISTRICT_ONLY = [{"url": "http://hl7.org/fhir/StructureDefinition/patient-birthPlace", "valueAddress": {"district": "75056"}}]


def test_a_patient_the_release_before_sent_is_not_updated_for_the_identity_reliability_alone(
        session_for, admission_values, monkeypatch, tmp_path):
    """That release sent the birthplace as `district` and no reliability: each patient it sent
    went again as an update for the new extensions, replacing the EHR's identity and any
    correction the identity-vigilance staff made to it."""
    nurse = session_for("nurse")
    admitted = records.save_new(nurse, "admission", {**admission_values, "birthplace_code": "75056"})
    provisional = records.save_new(nurse, "admission", {**admission_values, "birth_name": "Durand", "bed": "14",
                                                        "nir": None, "identity_status": "provisional",
                                                        "identity_document": None})
    with monkeypatch.context() as before:
        _as_released_before(before, lambda patient: {**patient, "extension": _DISTRICT_ONLY} if "75056" in str(patient)
                            else {name: value for name, value in patient.items() if name != "extension"})
        earlier = _export(session_for, tmp_path, "earlier")
        assert _by_id(earlier, admitted.patient_id)["extension"] == _DISTRICT_ONLY
    upgraded = export(session_for("records"), tmp_path / "upgraded")
    bundle = _bundle(upgraded.folder)
    assert [_reliability(_by_id(bundle, patient))["identityStatus"]["code"]
            for patient in (admitted.patient_id, provisional.patient_id)] == ["VALI", "PROV"]
    assert [_entry_of(bundle, patient)["request"]["method"] for patient in (admitted.patient_id,
                                                                            provisional.patient_id)] == ["POST", "POST"]
    assert upgraded.fhir_updates == 0
    assert export(session_for("records"), tmp_path / "again").fhir_updates == 0


@pytest.mark.parametrize("change", [
    {"birth_name": "Lefebvre"},
    {"identity_status": "validated", "identity_document": "passport"},
], ids=["name corrected", "validated by an amendment"])
def test_a_patient_the_release_before_sent_whose_identity_changed_since_is_updated(
        session_for, admission_values, monkeypatch, tmp_path, change):
    """Validated without an INS to add, the Patient as that release wrote it is the same as
    before: only the reliability, which it never sent, says the document was seen."""
    nurse = session_for("nurse")
    values = {**admission_values, "nir": None, "identity_status": "provisional", "identity_document": None}
    admitted = records.save_new(nurse, "admission", {name: value for name, value in values.items() if value is not None})
    with monkeypatch.context() as before:
        _as_released_before(before, lambda patient: {name: value for name, value in patient.items()
                                                      if name != "extension"})
        _export(session_for, tmp_path, "earlier")
    records.amend(nurse, admitted.record_id, {**admitted.data, **change}, "checked against the passport")
    upgraded = export(session_for("records"), tmp_path / "upgraded")
    assert _entry_of(_bundle(upgraded.folder), admitted.patient_id)["request"]["method"] == "PUT"


def test_the_ins_of_a_provisional_identity_is_not_sent(session_for, admission_values, tmp_path):
    """Identity-vigilance rules forbid using or sending the INS of an identity not checked
    against a document: the Patient keeps its names, birth date, sex and IPP, without the INS,
    and carries it once the identity is validated."""
    nurse = session_for("nurse")
    admitted = records.save_new(nurse, "admission", {**admission_values, "identity_status": "provisional",
                                                     "identity_document": None, "ipp": "8012345"})
    bundle = _export(session_for, tmp_path)
    Bundle.model_validate(bundle)
    patient = _by_id(bundle, admitted.patient_id)
    assert [i["system"] for i in patient["identifier"]] == [f"urn:downtime:number:{nurse.device.device_id}",
                                                           "urn:downtime:hospital-patient-number"]
    assert (patient["name"][0]["family"], patient["birthDate"], patient["gender"]) == ("Lefèvre", "1954-03-12", "female")
    records.amend(nurse, admitted.record_id, {**admitted.data, "identity_status": "validated",
                                              "identity_document": "passport"}, "passport seen")
    patient = _by_id(_export(session_for, tmp_path, "again"), admitted.patient_id)
    assert [(i["use"], i["value"]) for i in patient["identifier"] if i["system"] == "urn:oid:1.2.250.1.213.1.4.8"] == [
        ("official", "254037511302312")]


def test_an_identified_patients_temporary_name_is_kept_ended_at_the_identification(
        session_for, admission_values, clock, tmp_path):
    """Identified as GIRARD Thomas Paul, his Patient named Girard alone: the laboratory's results
    and the paper forms filed under UNKNOWN MALE ALPHA had nothing in the EHR to join them to him."""
    nurse = session_for("nurse")
    admitted = records.save_new(nurse, "admission", unknown_man(admission_values))
    clock.now = datetime(2026, 11, 30, 10, 0, tzinfo=clock.now.tzinfo)
    records.amend(nurse, admitted.record_id, {**admitted.data, **GIRARD}, "Identified by his wife")
    bundle = _export(session_for, tmp_path)
    Bundle.model_validate(bundle)
    assert _by_id(bundle, admitted.patient_id)["name"] == [
        {"use": "official", "family": "Girard", "given": ["Thomas", "Paul"]},
        {"use": "temp", "text": "Unknown Male Alpha (man about 35, road accident)",
         "period": {"end": "2026-11-30T10:00:00+01:00"}}]


def test_an_unknown_patient_identified_as_an_ehr_patient_is_replaced_by_them_not_given_their_ipp(
        session_for, admission_values, clock, tmp_path):
    """Sent as a provisional patient, then identified as IPP 80012345, who has his own EHR file:
    the next bundle put the IPP on the provisional patient, two EHR patients of one IPP. It says
    the provisional one is replaced by the EHR's patient, until the records office links them."""
    from downtime.services import back_entry

    nurse = session_for("nurse")
    admitted = records.save_new(nurse, "admission", unknown_man(admission_values))
    _export(session_for, tmp_path, "first")
    records.amend(nurse, admitted.record_id, {**admitted.data, **GIRARD, "ipp": "80012345"}, "Identified, passport")
    bundle = _export(session_for, tmp_path, "second", since_last=True)
    Bundle.model_validate(bundle)
    patient = _by_id(bundle, admitted.patient_id)
    assert "urn:downtime:hospital-patient-number" not in [found["system"] for found in patient["identifier"]]
    assert patient["link"] == [{"other": {"identifier": {"system": "urn:downtime:hospital-patient-number",
                                                          "value": "80012345"}, "display": "EHR patient 80012345"},
                                "type": "replaced-by"}]
    records_office = session_for("records")
    back_entry.link_patient(records_office, patient["identifier"][0]["value"], "80012345")
    linked = _by_id(_export(session_for, tmp_path, "third"), admitted.patient_id)
    assert linked["identifier"][0] == {"use": "usual", "system": "urn:downtime:hospital-patient-number",
                                       "value": "80012345"}


def test_the_patients_own_telephone_travels_in_the_bundle(session_for, admission_values, tmp_path):
    """Typed on the admission for the coordinator to ring with an operation's new date, the
    patient's telephone goes to the EHR as the Patient's, apart from the next of kin's."""
    admitted = records.save_new(session_for("nurse"), "admission", {**admission_values, "phone": "01 23 45 67 89"})
    patient = _by_id(_export(session_for, tmp_path), admitted.patient_id)
    assert patient["telecom"] == [{"system": "phone", "value": "01 23 45 67 89"}] and "contact" not in patient


def test_next_of_kin_height_and_diet_travel_in_the_bundle(session_for, admission_values, tmp_path):
    """The admission form asks for them and neither the bundle nor a worklist line carried
    them: the EHR lost whom to call, the height and the diet the kitchen was serving."""
    nurse = session_for("nurse")
    admitted = records.save_new(nurse, "admission", {
        **admission_values, "diet": ["diabetic", "no_pork"], "diet_notes": "Small portions",
        "nok_name": "Paul Lefèvre", "nok_relationship": "Son", "nok_phone": "+33 6 12 34 56 78",
        "nok_is_trusted_person": True})
    bundle = _export(session_for, tmp_path)
    Bundle.model_validate(bundle)
    patient = _by_id(bundle, admitted.patient_id)
    assert patient["contact"] == [{
        "relationship": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0131", "code": "N",
                                      "display": "Next-of-Kin"}], "text": "Son"},
                         {"text": "Trusted person (personne de confiance)"}],
        "name": {"text": "Paul Lefèvre"}, "telecom": [{"system": "phone", "value": "+33 6 12 34 56 78"}]}]
    (height,) = [o for o in _resources(bundle, "Observation") if o["code"]["coding"][0]["code"] == "8302-2"]
    assert height["valueQuantity"] == {"value": 158, "unit": "cm", "system": "http://unitsofmeasure.org", "code": "cm"}
    assert (height["status"], height["subject"], height["effectiveDateTime"]) == (
        "final", {"reference": f"urn:uuid:{admitted.patient_id}"}, "2026-11-28T10:30:00+01:00")
    assert height["category"][0]["coding"][0]["code"] == "vital-signs"
    (diet,) = _resources(bundle, "NutritionOrder")
    assert (diet["status"], diet["intent"], diet["patient"], diet["dateTime"]) == (
        "active", "order", {"reference": f"urn:uuid:{admitted.patient_id}"}, "2026-11-28T10:30:00+01:00")
    assert diet["oralDiet"] == {"type": [{"text": "Diabetic"}, {"text": "No pork"}], "instruction": "Small portions"}
    assert _unresolved(bundle) == []
    assert {target["reference"] for target in _provenance_of(bundle, admitted.record_id)["target"]} >= {
        f"urn:uuid:{height['id']}", f"urn:uuid:{diet['id']}"}


def test_a_diet_ends_with_the_stay_and_is_withdrawn_with_its_admission(session_for, admission_values, tmp_path):
    nurse = session_for("nurse")
    stayed = records.save_new(nurse, "admission", {**admission_values, "diet": ["normal"]})
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T12:00+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=stayed.patient_id)
    wrong = records.save_new(nurse, "admission", {**admission_values, "birth_name": "Roux", "nir": "", "bed": "14",
                                                  "diet": ["vegetarian"]})
    records.mark_entered_in_error(nurse, wrong.record_id, "wrong patient")
    bundle = _export(session_for, tmp_path)
    Bundle.model_validate(bundle)
    statuses = {order["patient"]["reference"]: order["status"] for order in _resources(bundle, "NutritionOrder")}
    assert statuses == {f"urn:uuid:{stayed.patient_id}": "completed", f"urn:uuid:{wrong.patient_id}": "entered-in-error"}


def test_the_medicines_taken_before_admission_travel_as_a_medication_statement_of_the_stay(
        session_for, admission_values, clock, tmp_path):
    """The admission form asks what the patient took at home and the bundle carried nothing of
    it: the EHR's prescriber had no list to reconcile. One statement per admission in the words
    typed, in the stay that admission opened, changed by an amendment, withdrawn with it."""
    nurse = session_for("nurse")
    typed = "Apixaban 5 mg twice a day, last 27/11 20:00\nBisoprolol 2.5 mg morning"
    admitted = records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-27T10:30+01:00",
                                                     "usual_medicines": typed})
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-27T18:00+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True},
                     patient_id=admitted.patient_id)
    clock.advance(minutes=5)
    again = records.save_new(nurse, "admission", {**admission_values, "usual_medicines": "Paracetamol 1 g as needed"},
                             patient_id=admitted.patient_id)
    records.save_new(nurse, "admission", {**admission_values, "birth_name": "Roux", "nir": "", "bed": "14"})
    bundle = _export(session_for, tmp_path)
    Bundle.model_validate(bundle)
    check_codes(bundle)
    assert _unresolved(bundle) == []
    first, second = sorted(_resources(bundle, "MedicationStatement"), key=lambda s: s["dateAsserted"])
    assert first["medicationCodeableConcept"] == {"text": typed}
    assert (first["status"], first["subject"], first["context"], first["dateAsserted"]) == (
        "active", {"reference": f"urn:uuid:{admitted.patient_id}"}, {"reference": f"urn:uuid:{admitted.record_id}"},
        admitted.recorded_at.isoformat())
    assert first["identifier"] == [{"system": "urn:downtime:record", "value": first["id"]}]
    assert second["context"] == {"reference": f"urn:uuid:{again.record_id}"}
    assert f"urn:uuid:{first['id']}" in {t["reference"] for t in _provenance_of(bundle, admitted.record_id)["target"]}

    clock.advance(minutes=5)
    records.amend(nurse, admitted.record_id, {**admitted.data, "usual_medicines": "Apixaban 2.5 mg twice a day"},
                  "dose misread")
    records.mark_entered_in_error(nurse, again.record_id, "typed twice")
    later = _export(session_for, tmp_path, "later")
    Bundle.model_validate(later)
    check_codes(later)
    # Both changed since the first bundle: each replaces the EHR's copy (a conditional update, without our id).
    statuses = {s["identifier"][0]["value"]: (s["status"], s["medicationCodeableConcept"]["text"], s["context"])
                for s in _resources(later, "MedicationStatement")}
    assert statuses == {
        first["id"]: ("active", "Apixaban 2.5 mg twice a day", {"reference": f"urn:uuid:{admitted.record_id}"}),
        second["id"]: ("entered-in-error", "Paracetamol 1 g as needed", {"reference": f"urn:uuid:{again.record_id}"})}
    assert _unresolved(later) == []


def test_a_dose_given_with_allergies_not_known_and_by_another_route_says_why_in_its_note(
        session_for, medication_ward, tmp_path):
    patient, amox, _ = medication_ward
    nurse = session_for("nurse")
    admission = next(record for record in records.list_current(nurse.db, patient_id=patient)
                     if record.form_id == "admission")
    records.amend(nurse, admission.record_id, {**admission.data, "allergy_status": "unknown", "allergies": []},
                  "allergy list was another patient's")
    given = medication.record_dose(nurse, amox, {
        "outcome": "given", "given_at": "2026-11-28T08:05+01:00", "scheduled_for": "2026-11-28T08:00+01:00",
        "dose_given": 1.0, "route": "IM"}, overrides={Check.ALLERGY_UNKNOWN: "Daughter says none known",
                                                      Check.ROUTE_MISMATCH: "No IV access; IM agreed with Dr Benali"})
    bundle = _export(session_for, tmp_path)
    note = _by_id(bundle, given.record_id)["note"]
    assert {"text": "Warning overridden (Allergies not known): Daughter says none known"} in note
    assert {"text": "Warning overridden (Route differs from order): No IV access; IM agreed with Dr Benali"} in note
    assert {"text": "Prescribed despite the recorded allergy: Rash as a child; amoxicillin tolerated since"} in \
        _by_id(bundle, amox)["note"]  # the order's reason, given when the allergy was still recorded


def test_an_order_of_an_earlier_stay_not_continued_goes_out_stopped_at_that_stay_s_end(session_for, earlier_stay,
                                                                                      tmp_path):
    """The furosemide left open at the discharge went out stopped then; recorded not continued on
    readmission, it goes out stopped then all the same, now as any order stopped by its prescriber,
    with the prescriber's reason: it went out stopped without it, the clerk entering an order
    stopped at a discharge with no word of the decision taken on readmission."""
    furosemide = earlier_stay[1]
    before = _by_id(_export(session_for, tmp_path, "before"), furosemide)
    medication.not_continued(session_for("doctor"), furosemide, "Renal function worse")
    bundle = _export(session_for, tmp_path, "after")
    after = _by_id(bundle, furosemide)
    assert (before["status"], after["status"]) == ("stopped", "stopped")
    assert (before["statusReason"], after["statusReason"]) == (
        {"text": "Patient discharged"}, {"text": "Reviewed on readmission: not continued — Renal function worse"})
    assert MedicationRequest.model_validate(after).statusReason.text.endswith("Renal function worse")
    assert [order["dosageInstruction"][0]["timing"]["repeat"]["boundsPeriod"]["end"] for order in (before, after)] == [
        "2026-11-27T21:00:00+01:00"] * 2
    Bundle.model_validate(bundle)


def test_an_order_prescribed_again_goes_out_naming_the_earlier_stay_s_order_as_its_prior_prescription(
        session_for, ordered_again, tmp_path):
    """The furosemide prescribed again on readmission went out as a new order with no word of the
    one it went on with: the clerk entered two unrelated furosemide orders. It names it
    (priorPrescription), in a bundle exported since that one went out as in the first."""
    _, furosemide, again = ordered_again
    whole = _export(session_for, tmp_path, "whole")
    request = MedicationRequest.model_validate(_by_id(whole, again))
    assert request.priorPrescription.reference == f"urn:uuid:{furosemide}"
    assert "priorPrescription" not in _by_id(whole, furosemide)
    Bundle.model_validate(whole)
    doctor = session_for("doctor")
    records.amend(doctor, again, {**_data(doctor, again), "indication": "Heart failure"}, "Indication added")
    since = _export(session_for, tmp_path, "since", since_last=True)
    assert _by_id(since, again)["priorPrescription"] == {"reference": f"urn:uuid:{furosemide}"}
    assert _unresolved(since) == []


def test_an_order_stopped_by_an_amendment_goes_out_with_that_amendment_s_reason(session_for, medication_ward, clock,
                                                                              tmp_path):
    """The amoxicillin stopped at 14:00 "Rash after the third dose" went out stopped with no
    reason: the clerk entering it could not tell a course finished from a reaction. The reason of
    the amendment that set its stop goes out, kept when the order is amended since for another
    thing; an order written with its stop has none to give."""
    _, amox, _ = medication_ward
    doctor = session_for("doctor")
    records.amend(doctor, amox, {**_data(doctor, amox), "stop_at": "2026-11-28T14:00+01:00"}, "Rash after the third dose")
    records.amend(doctor, amox, {**_data(doctor, amox), "indication": "Pneumonia"}, "Indication added")
    bundle = _export(session_for, tmp_path)
    stopped = _by_id(bundle, amox)
    assert (stopped["status"], stopped["statusReason"]) == ("stopped", {"text": "Rash after the third dose"})
    Bundle.model_validate(bundle)


def test_an_order_s_indication_goes_out_as_its_reason_and_loads_back(session_for, medication_ward, tmp_path):
    """The pharmacist back-entering the amoxicillin needs why it was prescribed: the bundle's
    MedicationRequest said nothing of the order's indication, and a snapshot of it loaded the
    order without one. It goes as reasonCode text (free text: no code is made up), an order
    without one has none, a changed indication goes again as an update, and it loads back
    (an update carries no id of ours: the EHR's copy has its own, as a snapshot gives)."""
    _, amox, morphine = medication_ward
    doctor = session_for("doctor")
    records.amend(doctor, amox, {**_data(doctor, amox), "indication": "Pneumopathie"}, "Indication added")
    first = _export(session_for, tmp_path, "first")
    assert [reason.text for reason in MedicationRequest.model_validate(_by_id(first, amox)).reasonCode] == [
        "Pneumopathie"]
    assert "reasonCode" not in _by_id(first, morphine)
    records.amend(doctor, amox, {**_data(doctor, amox), "indication": "Érysipèle de la jambe gauche"},
                  "Wrong indication")
    since = _export(session_for, tmp_path, "since", since_last=True)
    assert _entry_of(since, amox)["request"]["method"] == "PUT"
    assert _by_id(since, amox)["reasonCode"] == [{"text": "Érysipèle de la jambe gauche"}]
    Bundle.model_validate(since)
    snapshot = tmp_path / "snapshot.json"
    snapshot.write_text(json.dumps({"resourceType": "Bundle", "type": "collection", "entry": [
        {"fullUrl": entry["fullUrl"], "resource": {**entry["resource"], "id": entry["fullUrl"].split(":")[-1]}}
        for entry in since["entry"]
        if entry["resource"]["resourceType"] in ("Patient", "Encounter", "MedicationRequest")]}), encoding="utf-8")
    loaded = {item.key: item.values for item in read_fhir_snapshot(snapshot) if item.kind == "order"}
    assert loaded[amox]["indication"] == "Érysipèle de la jambe gauche"


def test_orders_open_when_the_patient_died_end_with_the_stay_in_the_bundle(session_for, medication_ward, clock, tmp_path):
    """The amoxicillin (to stop next morning) and the morphine (no stop) were never stopped when
    the patient died at 14:30: both went out "active", live orders a records clerk would enter
    for a dead patient, and a death typed after an export sent nothing about them. They are now
    stopped at the death, the order as written kept in a note; the records are not changed, and
    an order stopped before the death keeps its own stop."""
    patient, amox, morphine = medication_ward
    doctor, nurse = session_for("doctor"), session_for("nurse")
    records.amend(doctor, amox, {**_data(doctor, amox), "stop_at": "2026-11-29T08:00+01:00"}, "5-day course")
    earlier = records.save_new(doctor, "medication_order", {
        "drug": "Ondansetron", "dose": 4.0, "dose_unit": "mg", "route": "IV", "frequency": "scheduled",
        "times": "08:00", "start_at": "2026-11-28T14:00+01:00", "stop_at": "2026-11-28T14:20+01:00",
        "controlled": False, "high_alert": False}, patient_id=patient)
    before = _export(session_for, tmp_path, "before")
    assert [_by_id(before, order)["status"] for order in (amox, morphine)] == ["active", "active"]
    clock.advance(hours=1)
    death = records.save_new(nurse, "death", {**death_answers("2026-11-28T14:30+01:00"), "verified_by": "Dr Benali",
                                              "expected": False, "family_informed": True}, patient_id=patient)
    for bundle in (_export(session_for, tmp_path, "since", since_last=True), _export(session_for, tmp_path, "after")):
        amoxicillin, opioid = _by_id(bundle, amox), _by_id(bundle, morphine)
        assert (amoxicillin["status"], opioid["status"]) == ("stopped", "stopped")
        assert amoxicillin["statusReason"] == opioid["statusReason"] == {"text": "Patient died"}
        assert [order["dosageInstruction"][0]["timing"]["repeat"]["boundsPeriod"] for order in (amoxicillin, opioid)] \
            == [{"start": "2026-11-27T10:00:00+01:00", "end": "2026-11-28T14:30:00+01:00"}] * 2
        assert {"text": "Ended with the stay (patient died 2026-11-28T14:30:00+01:00); as written, it stopped "
                        "2026-11-29T08:00:00+01:00"} in amoxicillin["note"]
        assert {"text": "Ended with the stay (patient died 2026-11-28T14:30:00+01:00); as written, it had no stop"} \
            in opioid["note"]
        Bundle.model_validate(bundle)
    stopped_before = _by_id(_export(session_for, tmp_path, "again"), earlier.record_id)
    assert stopped_before["status"] == "stopped" and "statusReason" not in stopped_before
    assert stopped_before["dosageInstruction"][0]["timing"]["repeat"]["boundsPeriod"]["end"] == "2026-11-28T14:20:00+01:00"
    assert records.current(nurse.db, amox).data["stop_at"] == "2026-11-29T08:00+01:00" and death.version == 1


def test_units_routes_and_reasons_are_coded_where_a_code_means_the_same(session_for, medication_ward, tmp_path):
    """Routes and units went as words alone ("Subcutaneous (SC)", "units"), and a dose not given
    because the patient vomited went uncoded: an EHR maps codes, not our words. International
    units are UCUM's [IU]; a tablet or a puff is counted and has no UCUM code; the inhaled route
    stays words only, no concept being certain enough. Paracetamol's tablets write their strength,
    as an order of a medicine with limits in tablets must."""
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    common = {"frequency": "scheduled", "times": "08:00 20:00", "start_at": "2026-11-28T07:00+01:00",
              "controlled": False, "high_alert": False}
    ticked = {"Insulin glargine": {"high_alert": True, "time_critical": True}}
    orders = {name: records.save_new(doctor, "medication_order", {
        "drug": name, "dose": dose, "dose_unit": unit, "route": route, **common, **ticked.get(name, {})},
        patient_id=patient).record_id
        for name, dose, unit, route in (("Insulin glargine", 6.0, "units", "SC"), ("Hydroxocobalamin", 1000.0, "microgram", "IM"),
                                        ("Paracetamol 500 mg", 2.0, "tablet", "PO"), ("Salbutamol", 2.0, "puff", "INH"),
                                        ("Macrogol", 1.0, "mmol", "NG"))}
    vomited = medication.record_dose(nurse, orders["Paracetamol 500 mg"], {
        "outcome": "not_given", "given_at": "2026-11-28T08:05+01:00", "scheduled_for": "2026-11-28T08:00+01:00",
        "not_given_reason": "vomited"})
    puffs = medication.record_dose(nurse, orders["Salbutamol"], {
        "outcome": "given", "given_at": "2026-11-28T08:05+01:00", "scheduled_for": "2026-11-28T08:00+01:00",
        "dose_given": 2.0, "route": "INH"})
    bundle = _export(session_for, tmp_path)
    MedicationRequest.model_validate(_by_id(bundle, orders["Insulin glargine"]))
    dosages = {name: _by_id(bundle, record_id)["dosageInstruction"][0] for name, record_id in orders.items()}
    assert {name: (dosage["doseAndRate"][0]["doseQuantity"].get("code"), dosage["doseAndRate"][0]["doseQuantity"]["unit"])
            for name, dosage in dosages.items()} == {
        "Insulin glargine": ("[IU]", "units"), "Hydroxocobalamin": ("ug", "microgram"),
        "Paracetamol 500 mg": (None, "tablet"),
        "Salbutamol": (None, "puff"), "Macrogol": ("mmol", "mmol")}
    assert "system" not in dosages["Paracetamol 500 mg"]["doseAndRate"][0]["doseQuantity"]
    assert {name: [(coded["code"], coded["display"]) for coded in dosage["route"].get("coding", [])]
            for name, dosage in dosages.items()} == {
        "Insulin glargine": [("34206005", "Subcutaneous route")], "Hydroxocobalamin": [("78421000", "Intramuscular route")],
        "Paracetamol 500 mg": [("26643006", "Oral route")], "Salbutamol": [],
        "Macrogol": [("127492001", "Nasogastric route")]}
    assert dosages["Salbutamol"]["route"] == {"text": "Inhaled"}
    (reason,) = MedicationAdministration.model_validate(_by_id(bundle, vomited.record_id)).statusReason
    assert [(coded.system, coded.code, coded.display) for coded in reason.coding] == [
        ("http://terminology.hl7.org/CodeSystem/reason-medication-not-given", "d", "Vomit")]
    assert reason.text == "Vomited"
    given = _by_id(bundle, puffs.record_id)["dosage"]
    assert given == {"dose": {"value": 2.0, "unit": "puff"}, "route": {"text": "Inhaled"}}


def test_an_iv_fluid_order_carries_its_rate(session_for, medication_ward, tmp_path):
    patient = medication_ward[0]
    fluids = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Sodium chloride 0.9%", "dose": 1000.0, "dose_unit": "mL", "route": "IV", "form": "infusion",
        "rate_ml_h": 125.0, "frequency": "scheduled", "times": "08:00 16:00", "start_at": "2026-11-28T08:00+01:00",
        "controlled": False, "high_alert": False}, patient_id=patient)
    (dosage,) = _by_id(_export(session_for, tmp_path), fluids.record_id)["dosageInstruction"]
    ucum = "http://unitsofmeasure.org"
    assert dosage["doseAndRate"] == [{"doseQuantity": {"value": 1000.0, "unit": "mL", "system": ucum, "code": "mL"},
                                      "rateQuantity": {"value": 125.0, "unit": "mL/h", "system": ucum, "code": "mL/h"}}]
    assert dosage["text"] == "1000 mL IV at 125 mL/h at 08:00 16:00"


def test_a_once_only_order_given_goes_out_completed(session_for, medication_ward, clock, tmp_path):
    """A stat furosemide given at 10:05 went out "active", an order still to give for whoever
    back-enters it (and a second dose with it); given, it is "completed", sent again by the
    next export since the last, and stays so when the patient dies afterwards."""
    patient, _, _ = medication_ward
    doctor, nurse = session_for("doctor"), session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    once = records.save_new(doctor, "medication_order", {
        "drug": "Furosemide", "dose": 40.0, "dose_unit": "mg", "route": "IV", "frequency": "once",
        "start_at": "2026-11-28T10:00+01:00", "controlled": False, "high_alert": False}, patient_id=patient).record_id
    assert _by_id(_export(session_for, tmp_path, "before"), once)["status"] == "active"
    clock.now = datetime.fromisoformat("2026-11-28T10:10+01:00")
    medication.record_dose(nurse, once, {"outcome": "given", "given_at": "2026-11-28T10:05+01:00",
                                         "scheduled_for": "2026-11-28T10:00+01:00", "dose_given": 40.0, "route": "IV"})
    assert _by_id(_export(session_for, tmp_path, "since", since_last=True), once)["status"] == "completed"
    clock.advance(hours=1)
    records.save_new(nurse, "death", {**death_answers("2026-11-28T11:00+01:00"), "verified_by": "Dr Benali",
                                      "expected": False, "family_informed": True}, patient_id=patient)
    bundle = _export(session_for, tmp_path, "after")
    after = _by_id(bundle, once)
    assert after["status"] == "completed" and "statusReason" not in after
    Bundle.model_validate(bundle)


def _entry_of(bundle, resource_id):
    (found,) = [e for e in bundle["entry"] if e["fullUrl"] == f"urn:uuid:{resource_id}"]
    return found


def test_a_resource_changed_since_an_earlier_export_sent_it_goes_as_a_conditional_update(
        session_for, medication_ward, clock, tmp_path):
    """The orders went out active, then the patient died: the next bundle carried them stopped
    as conditional creates, which the EHR holding them from the first bundle ignores, leaving
    live orders for a dead patient. What changed since it was sent is now a conditional update
    (PUT on the same search, without our id: the EHR gave its copy its own); what did not is
    still a conditional create, and exporting again sends no update."""
    patient, amox, morphine = medication_ward
    nurse = session_for("nurse")
    clerk = session_for("records")
    first = export(clerk, tmp_path / "first")
    assert first.fhir_updates == 0 and first.notes_in("en", clerk.forms) == []
    before = _bundle(first.folder)
    assert {entry["request"]["method"] for entry in before["entry"]} == {"POST"}
    clock.advance(hours=1)
    records.save_new(nurse, "death", {**death_answers("2026-11-28T14:30+01:00"), "verified_by": "Dr Benali",
                                      "expected": False, "family_informed": True}, patient_id=patient)
    since = export(session_for("records"), tmp_path / "since", since_last=True)
    bundle = _bundle(since.folder)
    Bundle.model_validate(bundle)
    check_codes(bundle)
    for order in (amox, morphine):
        entry = _entry_of(bundle, order)
        assert entry["request"] == {"method": "PUT",
                                    "url": f"MedicationRequest?identifier=urn:downtime:record|{order}"}
        assert entry["resource"]["status"] == "stopped" and "id" not in entry["resource"]
    updated = [entry for entry in bundle["entry"] if entry["request"]["method"] == "PUT"]
    kinds = {entry["resource"]["resourceType"] for entry in updated}
    assert {"MedicationRequest", "Encounter", "Patient"} <= kinds
    unchanged = [entry for entry in bundle["entry"] if entry["request"]["method"] == "POST"]
    assert unchanged and all(entry["request"]["ifNoneExist"] for entry in unchanged)
    assert since.fhir_updates == len(updated)
    manifest = json.loads((since.folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["fhir_updates"] == len(updated)
    assert since.notes_in("en", clerk.forms) == [
        f"{len(updated)} resource(s) in the FHIR bundle changed since an earlier export sent them (amended, stopped, "
        "a stay ended): posted, each replaces the EHR's copy made from the earlier bundle, including any change made "
        "to it in the EHR since (the manifest's fhir_updates)"]
    again = export(session_for("records"), tmp_path / "again")
    assert again.fhir_updates == 0
    assert {entry["request"]["method"] for entry in _bundle(again.folder)["entry"]} == {"POST"}


def test_an_as_required_dose_sends_why_it_was_given_and_one_recorded_before_the_field_sends_none(
        session_for, medication_ward, tmp_path):
    patient, _, morphine = medication_ward
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=("doctor", "2222"))
    why = medication.record_dose(nurse, morphine, {
        "outcome": "given", "given_at": "2026-11-28T10:00+01:00", "dose_given": 5.0, "route": "SC",
        "given_for": "pain 7/10 after physio"}, witness=("doctor", "2222"))
    older = records.save_new(nurse, medication.DOSE_FORM, {  # as a dose recorded before the form asked why
        "order": morphine, "outcome": "given", "given_at": "2026-11-28T02:00+01:00", "dose_given": 5.0,
        "route": "SC"}, patient_id=patient, checked_by_service=True)
    bundle = _export(session_for, tmp_path)
    Bundle.model_validate(bundle)
    sent = MedicationAdministration.model_validate(_by_id(bundle, why.record_id))
    assert [reason.text for reason in sent.reasonCode] == ["pain 7/10 after physio"]
    before = _by_id(bundle, older.record_id)
    assert before["status"] == "completed" and "reasonCode" not in before


def test_a_withdrawn_movement_or_cancellation_an_earlier_bundle_sent_says_why_its_resource_changed_back(
        session_for, admission_values, clock, tmp_path):
    """The ward withdrew a transfer and a cancellation after a bundle sent them: the next bundle
    updated the Encounter without the ICU stay and the Appointment back to booked, with no
    Provenance of either withdrawal (they changed nothing, so they were made into nothing), and
    the EHR's clerk saw a stay and a cancellation vanish with no word of who withdrew them or why.
    Each withdrawal's Provenance now names the resource it changed back, NULLIFY, with its reason."""
    from fhir.resources.R4B.provenance import Provenance

    nurse, coord = session_for("nurse"), session_for("coord")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    moved = records.save_new(nurse, "transfer", {"moved_at": "2026-11-28T11:00+01:00", "to_ward": "ICU",
                                                 "to_bed": "4", "reason": "Needs monitoring"}, patient_id=patient)
    monday, _ = _sessions(coord)
    booking = _book(coord, patient, monday, "2026-11-30T08:00+01:00")
    cancel = theatre.cancel(coord, booking.record_id, {"cancelled_at": "2026-11-28T09:00+01:00",
                                                       "reason": "equipment_failure", "last_minute": False,
                                                       "patient_told": "phone"})
    export(session_for("records"), tmp_path / "first")
    clock.advance(hours=1)
    records.mark_entered_in_error(nurse, moved.record_id, "another patient's transfer")
    records.mark_entered_in_error(coord, cancel.record_id, "cancelled the wrong operation")
    bundle = _export(session_for, tmp_path, "since", since_last=True)
    Bundle.model_validate(bundle)
    assert _unresolved(bundle) == []
    changed_back = {}
    for record, reason, kind in ((moved, "another patient's transfer", "Encounter"),
                                 (cancel, "cancelled the wrong operation", "Appointment")):
        (entry,) = [e for e in bundle["entry"] if e["resource"]["resourceType"] == "Provenance"
                    and e["resource"]["entity"][0]["what"]["identifier"]["value"] == record.record_id]
        why = Provenance.model_validate(entry["resource"])
        assert entry["request"]["method"] == "PUT", "its Provenance of the earlier bundle said it was recorded"
        assert why.activity.coding[0].code == "NULLIFY" and why.activity.text == "Entered in error (version 2)"
        assert [said.text for said in why.reason] == [reason]
        (target,) = [_entry_of(bundle, one.reference.removeprefix("urn:uuid:")) for one in why.target]
        assert target["resource"]["resourceType"] == kind and target["request"]["method"] == "PUT"
        changed_back[kind] = target["resource"]
    assert _places(changed_back["Encounter"]) == [("wa", "3B"), ("bd", "12")]
    assert changed_back["Appointment"]["status"] == "booked"


def _stay_of(resource):
    """The reference naming the stay a resource was recorded in (a dose's is its `context`)."""
    return resource.get("encounter", resource.get("context", {})).get("reference")


def test_each_clinical_record_names_the_stay_it_was_recorded_in(session_for, earlier_stay, medication_ward, tmp_path):
    """The EHR files orders, doses, vital signs and operations by visit, and for a readmitted
    patient only the medicines taken before admission said which stay a record was of. Each now
    names the Encounter of the stay running at its time (an order's: the later of its start and
    its writing), inside the bundle; an operation decided before the patient came in names none."""
    patient, amox, _ = medication_ward
    nurse, furosemide, ceftriaxone = earlier_stay
    first, second = (record.record_id for record in sorted(
        (r for r in records.list_current(nurse.db, patient_id=patient) if r.form_id == "admission"),
        key=lambda r: r.occurred_at))
    doses = [medication.record_dose(nurse, order, {
        "outcome": "given", "given_at": given, "scheduled_for": due, "dose_given": amount, "route": "IV"},
        overrides={Check.ALLERGY: "tolerated in 2024"}).record_id for order, given, due, amount in (
        (amox, "2026-11-27T14:05+01:00", "2026-11-27T14:00+01:00", 1.0),
        (ceftriaxone, "2026-11-28T14:10+01:00", "2026-11-28T14:00+01:00", 2.0))]
    sets = [records.save_new(nurse, "observations", {
        "taken_at": taken, "respiratory_rate": 18, "spo2": 96, "spo2_scale": "scale_1", "on_oxygen": False,
        "pulse": 80, "consciousness": "alert"}, patient_id=patient).record_id
        for taken in ("2026-11-27T12:00+01:00", "2026-11-28T13:00+01:00")]
    coord = session_for("coord")
    monday, tuesday = _sessions(coord)
    before_admission = _book(coord, patient, monday, "2026-11-30T08:00+01:00").record_id
    during = theatre.book(coord, patient, {
        "procedure": "Hip hemiarthroplasty", "laterality": "right", "priority": "urgent",
        "decided_at": "2026-11-28T13:30+01:00", "surgeon": "Dr Roux", "session": tuesday,
        "planned_start": "2026-12-01T08:00+01:00", "expected_minutes": 90}).record_id
    bundle = _export(session_for, tmp_path)
    Bundle.model_validate(bundle)
    check_codes(bundle)
    assert _unresolved(bundle) == []
    stays = {f"urn:uuid:{first}": "first", f"urn:uuid:{second}": "second", None: "none"}
    assert {_by_id(bundle, ident.removeprefix("urn:uuid:"))["resourceType"] for ident in stays if ident} == {"Encounter"}
    assert [stays[_stay_of(_by_id(bundle, ident))] for ident in (furosemide, amox, ceftriaxone, *doses,
                                                                   before_admission, during)] == [
        "first", "second", "second", "first", "second", "none", "second"]  # amoxicillin was written in the second
    for record_id, stay in zip(sets, ("first", "second")):
        made = [_by_id(bundle, target["reference"].removeprefix("urn:uuid:"))
                for target in _provenance_of(bundle, record_id)["target"]]
        assert len(made) == 6 and {stays[_stay_of(resource)] for resource in made} == {stay}
    for admission, stay in ((first, "first"), (second, "second")):
        made = [_by_id(bundle, target["reference"].removeprefix("urn:uuid:"))
                for target in _provenance_of(bundle, admission)["target"]]
        about = {resource["resourceType"]: stays[_stay_of(resource)] for resource in made
                 if resource["resourceType"] in ("AllergyIntolerance", "Observation", "MedicationStatement")}
        assert about == {"AllergyIntolerance": stay, "Observation": stay}
    assert MedicationAdministration.model_validate(_by_id(bundle, doses[1])).context.reference == f"urn:uuid:{second}"


def test_vital_signs_meet_the_r4_vital_signs_profile_and_the_weight_travels(demo):
    """Every Observation of category vital-signs has a LOINC code and a UCUM quantity, as the R4
    vital-signs profile requires: oxygen saturation carries 2708-6 beside 59408-5 (pulse
    oximetry); the body weight, which decides doses and was left out, goes as 29463-7 in kg; the
    level of consciousness and air or oxygen, words only, go as what the nurse observed (exam)."""
    observations = [o for o in _resources(demo, "Observation") if _charted(o)]
    vital = [o for o in observations if o["category"][0]["coding"][0]["code"] == "vital-signs"]
    assert vital and all(o["code"].get("coding") and {c["system"] for c in o["code"]["coding"]} == {"http://loinc.org"}
                         for o in vital)
    assert all(o["valueQuantity"]["system"] == "http://unitsofmeasure.org" for o in vital if "valueQuantity" in o)
    saturation = [o for o in vital if "59408-5" in {c["code"] for c in o["code"]["coding"]}]
    assert saturation and all([c["code"] for c in o["code"]["coding"]] == ["2708-6", "59408-5"] for o in saturation)
    weights = [o for o in vital if o["code"]["coding"][0]["code"] == "29463-7"]
    assert weights and all(o["valueQuantity"]["unit"] == o["valueQuantity"]["code"] == "kg" for o in weights)
    assert {o["code"]["coding"][0]["display"] for o in weights} == {"Body weight"}
    worded = [o for o in observations if "coding" not in o["code"]]
    assert {o["code"]["text"] for o in worded} == {"Level of consciousness (ACVPU)", "Supplemental oxygen",
                                                   *fhir_pews.OBSERVED.values(), fhir_infusion_checks.CODE["text"]}
    # The demo's syringe driver's checks: a running dose watched (category therapy), not an exam.
    assert {(o["code"] == fhir_infusion_checks.CODE, o["category"][0]["coding"][0]["code"]) for o in worded} == {
        (False, "exam"), (True, "therapy")}


def test_a_death_not_verified_yet_is_not_sent_as_a_final_death(session_for, admission_values, tmp_path):
    """Found on a night round, recorded "not verified yet": the bundle gave the Patient her
    death and the stay "Died" with nothing saying no doctor had verified it, and an EHR patient
    was patched deceased. Held off the Patient, and the EHR's patient's patch held back, until
    verified, and said where the clerk reads."""
    from downtime.services import back_entry

    nurse = session_for("nurse")
    admitted = records.save_new(nurse, "admission", admission_values)
    answers = {key: value for key, value in death_answers("2026-11-28T13:00+01:00").items() if key != "verified_at"}
    death = records.save_new(nurse, "death", {**answers, "verification_pending": True, "expected": False,
                                              "family_informed": True}, patient_id=admitted.patient_id)
    number = _by_id(_export(session_for, tmp_path, "first"), admitted.patient_id)["identifier"][0]["value"]
    back_entry.link_patient(session_for("records"), number, "80012345")
    bundle = _export(session_for, tmp_path)
    Bundle.model_validate(bundle)
    assert "deceasedDateTime" not in _by_id(bundle, admitted.patient_id)
    assert [entry for entry in bundle["entry"] if entry["request"]["method"] == "PATCH"] == []
    said = "DEATH NOT VERIFIED YET: recorded before it was verified"
    assert said in _by_id(bundle, admitted.record_id)["hospitalization"]["dischargeDisposition"]["text"]
    assert said in _provenance_of(bundle, death.record_id)["activity"]["text"]
    verified = {**death.data, "verification_pending": False, "verified_at": "2026-11-28T14:00+01:00",
                      "verified_by": "Dr Benali", **VERIFIED}
    records.amend(nurse, death.record_id, verified, "Verified by the doctor")
    bundle = _export(session_for, tmp_path, "after")
    assert _by_id(bundle, admitted.patient_id)["deceasedDateTime"] == "2026-11-28T13:00:00+01:00"
    (patched,) = [entry for entry in bundle["entry"] if entry["request"]["method"] == "PATCH"]
    assert patched["request"]["url"] == "Patient?identifier=urn:downtime:hospital-patient-number|80012345"
    assert said not in json.dumps(bundle)


def test_a_death_sent_then_amended_to_not_verified_yet_is_not_taken_out_of_the_ehr(session_for, admission_values,
                                                                                   tmp_path):
    """Verified ticked by mistake: the EHR's patient was patched deceased, then the death amended
    to "not verified yet" sent a patch deleting it, untagged, and the EHR showed alive a patient
    who died. Held until verified, a death sent stays where it is; only its withdrawal takes it out."""
    from downtime.services import back_entry

    nurse = session_for("nurse")
    admitted = records.save_new(nurse, "admission", admission_values)
    death = records.save_new(nurse, "death", {**death_answers("2026-11-28T13:00+01:00"), "expected": False,
                                              "verified_by": "Dr Benali", "family_informed": True},
                             patient_id=admitted.patient_id)
    number = _by_id(_export(session_for, tmp_path, "first"), admitted.patient_id)["identifier"][0]["value"]
    back_entry.link_patient(session_for("records"), number, "80012345")

    def patches(name):
        bundle = _export(session_for, tmp_path, name)
        Bundle.model_validate(bundle)
        return [[{part["name"]: part.get("valueCode", part.get("valueString", part.get("valueDateTime")))
                  for part in operation["part"]} for operation in entry["resource"]["parameter"]]
                for entry in bundle["entry"] if entry["request"]["method"] == "PATCH"]

    added = {"type": "add", "path": "Patient", "name": "deceased", "value": "2026-11-28T13:00:00+01:00"}
    assert patches("sent") == [[{"type": "delete", "path": "Patient.deceased"}, added]]
    pending = {key: value for key, value in death.data.items() if key not in ("verified_at", "verified_by")}
    held = records.amend(nurse, death.record_id, {**pending, "verification_pending": True},
                         "Ticked verified by mistake: the doctor has not seen her yet")
    assert patches("held") == []
    records.mark_entered_in_error(nurse, held.record_id, "Wrong patient")
    assert patches("withdrawn") == [[{"type": "delete", "path": "Patient.deceased"}]]


def _a_version_behind(session: Session, form_id: str) -> Session:
    """`session` on a laptop whose `form_id` form is the version before this release's (an
    IT-kept folder; the previous release), as its exports and imports then read it."""
    return on_version(session, form_id, session.form(form_id).version - 1)


def _died_not_verified_yet(nurse: Session, patient_id: str):
    """Her death at 13:50, recorded before a doctor verified it: the record saved."""
    return records.save_new(nurse, "death", {"died_at": "2026-11-28T13:50+01:00", "verification_pending": True,
                                             "referred_to_coroner": False, "implanted_device": "none",
                                             "expected": False, "family_informed": True}, patient_id=patient_id)


def test_a_record_written_with_a_later_form_is_left_out_or_tagged_and_named_in_the_manifest(tmp_path, laptop,
                                                                                          admission_values):
    """A laptop whose death form is a version older (an IT-kept folder; the previous release)
    takes the stick of a patient whose death an up-to-date laptop recorded "not verified yet":
    its own mapping, which predates the box, sent the death as a final one. Its bundle leaves the
    death out; where the patient's other records need her (observations taken there), the
    death's Provenance says it was written with a later form and what it made is tagged; the
    manifest and the export's report name it."""
    from downtime import __version__
    from downtime.sync.import_export import import_export
    from downtime.sync.merge import merge

    nurse_1, clerk_1 = laptop(tmp_path / "1.sqlite", 1)
    nurse_2, clerk_2 = laptop(tmp_path / "2.sqlite", 2)
    admitted = records.save_new(nurse_1, "admission", admission_values)
    clerk_2 = _a_version_behind(clerk_2, "death")
    older = clerk_2.forms

    def exported(name):
        result = export(clerk_2, tmp_path / name, since_last=True)
        return result, json.loads((result.folder / "manifest.json").read_text(encoding="utf-8")), _bundle(result.folder)

    import_export(clerk_2, export(clerk_1, tmp_path / "admitted-on-1").folder)
    exported("admitted")  # her admission, sent: the death comes alone in the next stick
    died = _died_not_verified_yet(nurse_1, admitted.patient_id)
    import_export(clerk_2, export(clerk_1, tmp_path / "from-1").folder)
    result, manifest, bundle = exported("left-out")
    [later] = manifest["later_form_versions"]
    assert (later["record_id"], later["form_id"], later["form_version"], later["form_version_here"], later["in_bundle"]) == (
        died.record_id, "death", older["death"].version + 1, older["death"].version, False)
    assert manifest["form_versions"]["death"] == older["death"].version
    assert any("written with a later version of their form" in note for note in result.notes_in("en", older))
    assert bundle["entry"] == []  # her admission and stay end with the death: none of them goes
    records.save_new(nurse_2, "observations", {
        "taken_at": "2026-11-28T13:30+01:00", "respiratory_rate": 16, "spo2": 97, "spo2_scale": "scale_1",
        "on_oxygen": False, "systolic_bp": 130, "diastolic_bp": 80, "pulse": 72, "consciousness": "alert",
        "temperature": 37.0}, patient_id=admitted.patient_id)
    result, manifest, bundle = exported("needed")
    assert [(found["record_id"], found["in_bundle"]) for found in manifest["later_form_versions"]] == [
        (died.record_id, True)]
    assert "WRITTEN WITH A LATER FORM: version" in _provenance_of(bundle, died.record_id)["activity"]["text"]
    assert "later-form" in [tag["code"] for tag in _by_id(bundle, admitted.patient_id)["meta"]["tag"]]
    # The records office merging the laptop's sticks is told which bundle not to post for them.
    merged = merge([tmp_path / "from-1", tmp_path / "left-out", result.folder], tmp_path / "merged")
    assert merged.laptops_text("en")[1].endswith(
        "; LATER FORMS: its FHIR bundles (Downtime " + __version__ + ") left out or tagged 1 record(s) written with a "
        "later version of their form than its own, which none of its later exports sent; post the records office's "
        "bundle for them (the manifest's later_form_versions)")
    [relayed] = json.loads((merged.folder / "manifest.json").read_text(encoding="utf-8"))["later_form_versions"]
    assert (relayed["device_id"], [found["record_id"] for found in relayed["records"]]) == (
        clerk_2.device.device_id, [died.record_id])


def test_the_weight_of_a_must_screening_goes_as_a_body_weight(session_for, patient, tmp_path):
    """Admitted 61.5 kg, weighed 52 kg at the weekly MUST screening: the app doses on 52 kg, but
    the EHR had it only as a component of the survey, and its dose checks read the admission's."""
    screened = records.save_new(session_for("nurse"), "nutrition_screening", {
        "screened_at": "2026-11-28T10:00+01:00", "weight_kg": 52.0, "weight_confirmed_kg": 52.0, "height_cm": 158,
        "weight_loss": "5_to_10", "acute_no_intake": False, "loss_not_scored_pct": 15, "notes": "Oedema gone"},
        patient_id=patient)
    bundle = _export(session_for, tmp_path)
    check_codes(bundle)
    Bundle.model_validate(bundle)
    survey = _by_id(bundle, screened.record_id)
    [weighed] = [found for found in _resources(bundle, "Observation") if found.get("derivedFrom") == [
        {"reference": f"urn:uuid:{screened.record_id}"}] and found["code"] == {"coding": [
            {"system": "http://loinc.org", "code": "29463-7", "display": "Body weight"}]}]
    assert (weighed["valueQuantity"]["value"], weighed["effectiveDateTime"], weighed["category"][0]["coding"][0]["code"],
            weighed["encounter"], weighed["performer"]) == (
        52.0, "2026-11-28T10:00:00+01:00", "vital-signs", survey["encounter"], survey["performer"])
    assert weighed["id"] in [target["reference"].removeprefix("urn:uuid:")
                             for target in _provenance_of(bundle, screened.record_id)["target"]]


def test_a_dressing_used_despite_a_recorded_allergy_goes_with_the_nurses_reason(session_for, admission_values,
                                                                                tmp_path):
    """An Inadine on an iodine anaphylaxis: a medicine prescribed despite an allergy goes with the
    prescriber's reason, the wound's look went with "Dressing put on: Inadine" alone."""
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-28T09:00+01:00",
                                                    "allergies": [{"substance": "Iodine", "reaction": "Anaphylaxis",
                                                                   "severity": "severe"}]}).patient_id
    look = records.save_new(nurse, "wound_care", {
        "assessed_at": "2026-11-28T10:00+01:00", "wound": "Sacrum", "kind": "pressure_ulcer", "category": "2",
        "length_cm": 3.0, "width_cm": 2.0, "depth_cm": 0.5, "bed": "granulating", "exudate": "low", "infection": False,
        "dressing": "Inadine", "next_in": "2", "allergy_reason": "Only dressing  in stock, TVN agreed"},
        patient_id=patient)
    assert [note["text"] for note in _by_id(_export(session_for, tmp_path), look.record_id)["note"]] == [
        "Dressing put on: Inadine", "Used despite the recorded allergy: Only dressing in stock, TVN agreed",
        "Next dressing or look in 2 days"]


def _death_not_verified_yet_exported(session_for, admission_values, tmp_path):
    """A death at 13:00 recorded before a doctor verified it, then the records office's export:
    the death's record and the export."""
    nurse = session_for("nurse")
    admitted = records.save_new(nurse, "admission", admission_values)
    answers = {key: value for key, value in death_answers("2026-11-28T13:00+01:00").items() if key != "verified_at"}
    death = records.save_new(nurse, "death", {**answers, "verification_pending": True, "expected": False,
                                              "family_informed": True}, patient_id=admitted.patient_id)
    return death, export(session_for("records"), tmp_path / "export")


def test_a_death_not_verified_yet_is_named_among_the_records_to_ask_the_ward_about(session_for, admission_values,
                                                                                  forms, tmp_path):
    """Its Provenance said it alone: the manifest's ask_the_ward, the report and the death's CSV
    line, which the clerk reads before posting the bundle, said nothing of it."""
    death, result = _death_not_verified_yet_exported(session_for, admission_values, tmp_path)
    said = ("DEATH NOT VERIFIED YET: recorded before it was verified; enter the death once a later version of "
            "this record says it is verified")
    [asked] = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))["ask_the_ward"]
    assert (asked["record_id"], asked["form_id"], asked["why"]) == (death.record_id, "death", said)
    assert any(line.endswith(f"{death.record_id}, version 1: {said}") for line in result.notes_in("en", forms))
    with (result.folder / "csv" / "death.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert [line["ask_the_ward"] for line in csv.DictReader(handle)] == [f"ASK THE WARD: {said}"]
    bundle = _bundle(result.folder)
    assert _provenance_of(bundle, death.record_id)["activity"]["text"].endswith(f"(version 1) — ASK THE WARD: {said}")


def test_a_death_not_verified_yet_is_headed_and_tagged_as_such_not_as_a_contradiction(session_for, admission_values,
                                                                                     forms, tmp_path):
    """Nothing contradicts a death not verified yet: the report's heading said "contradict another
    laptop's record", and her Patient and stay went tagged `ask-the-ward` ("another laptop's record
    contradicts it"), so an engine routed the patient and the stay every other resource of hers
    references to a person until a doctor verified the death. Its Provenance alone is tagged, with
    a code of its own."""
    death, result = _death_not_verified_yet_exported(session_for, admission_values, tmp_path)
    assert result.notes_in("en", forms)[0] == (
        "1 death(s) in the FHIR bundle were recorded before they were verified (the manifest's ask_the_ward, their "
        "Provenance tagged death-not-verified): ask the ward whether each has been verified before entering the death")
    bundle = _bundle(result.folder)
    check_codes(bundle)
    Bundle.model_validate(bundle)
    assert [(entry["resource"]["resourceType"], tag["code"]) for entry in bundle["entry"]
            for tag in entry["resource"].get("meta", {}).get("tag", [])] == [("Provenance", "death-not-verified")]
    assert _provenance_of(bundle, death.record_id)["meta"]["tag"] == [{
        "system": "urn:downtime:review", "code": "death-not-verified",
        "display": "Death recorded before it was verified: do not record the death until a later version says "
                   "verified"}]


def test_a_discharge_typed_here_goes_tagged_with_its_later_form_admission_and_both_are_named(tmp_path, laptop,
                                                                                           admission_values):
    """Laptop 2's admission form is a version older; a patient admitted on laptop 1 is carried to
    it, and discharged there with its own form. Its next bundle left the discharge out with her
    later-form admission's group, and neither the manifest nor the report said so: the EHR kept
    her stay open and no one was told to post another bundle."""
    from downtime.sync.import_export import import_export

    nurse_1, clerk_1 = laptop(tmp_path / "1.sqlite", 1)
    nurse_2, clerk_2 = laptop(tmp_path / "2.sqlite", 2)
    admitted = records.save_new(nurse_1, "admission", admission_values)
    clerk_2, nurse_2 = (_a_version_behind(session, "admission") for session in (clerk_2, nurse_2))
    import_export(clerk_2, export(clerk_1, tmp_path / "from-1").folder)
    export(clerk_2, tmp_path / "first", since_last=True)
    discharged = records.save_new(nurse_2, "discharge", {"discharged_at": "2026-11-28T13:30+01:00",
                                                         "destination": "home", "letter_given": True,
                                                         "medicines_given": True}, patient_id=admitted.patient_id)
    result = export(clerk_2, tmp_path / "second", since_last=True)
    bundle = _bundle(result.folder)
    assert _provenance_of(bundle, discharged.record_id)["target"]
    assert "later-form" in [tag["code"] for tag in _by_id(bundle, admitted.patient_id)["meta"]["tag"]]
    manifest = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
    assert [(found["record_id"], found["in_bundle"]) for found in manifest["later_form_versions"]] == [
        (admitted.record_id, True)]
    assert any("written with a later version of their form" in note for note in result.notes_in("en", clerk_2.forms))


def test_the_merge_and_an_import_name_a_later_form_record_an_earlier_stick_left_out(tmp_path, laptop, clock,
                                                                                  admission_values):
    """The merge read each laptop's latest export alone: laptop 2's first stick left out a death
    written with a later form, its next `--since-last` stick, with nothing new of her, listed
    none, and the merge of the three said nothing; an office importing them one by one was never
    told. A later whole export made with the death form at that version sent it: no longer named."""
    from downtime import __version__
    from downtime.sync.import_export import import_export
    from downtime.sync.merge import merge

    nurse_1, clerk_1 = laptop(tmp_path / "1.sqlite", 1)
    clerk_2 = laptop(tmp_path / "2.sqlite", 2)[1]
    admitted = records.save_new(nurse_1, "admission", admission_values)
    died = _died_not_verified_yet(nurse_1, admitted.patient_id)
    behind = _a_version_behind(clerk_2, "death")
    import_export(behind, export(clerk_1, tmp_path / "from-1").folder)
    first = export(behind, tmp_path / "first", since_last=True).folder
    clock.advance(minutes=30)
    second = export(behind, tmp_path / "second", since_last=True).folder
    merged = merge([tmp_path / "from-1", first, second], tmp_path / "merged")
    assert "LATER FORMS: its FHIR bundles" in merged.laptops_text("en")[1]
    [relayed] = json.loads((merged.folder / "manifest.json").read_text(encoding="utf-8"))["later_form_versions"]
    assert [found["record_id"] for found in relayed["records"]] == [died.record_id]
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    said = [import_export(office, folder).later_forms_text("en") for folder in (first, second)]
    assert [[line.split(": LATER FORMS: ")[1] for line in lines] for lines in said] == [
        ["its FHIR bundles (Downtime " + __version__ + ") left out or tagged 1 record(s) written with a later version "
         "of their form than its own, which none of its later exports sent; post the records office's bundle for them "
         "(the manifest's later_form_versions)"], []]
    clock.advance(minutes=30)
    whole = export(clerk_2, tmp_path / "whole").folder  # IT put the death form back up to date
    assert json.loads((merge([first, second, whole], tmp_path / "again").folder / "manifest.json").read_text(
        encoding="utf-8"))["later_form_versions"] == []


MUST_AT = {"weight_loss": "under_5", "acute_no_intake": False, "height_cm": 158}


def _body_weights(bundle):
    return [found for found in _resources(bundle, "Observation")
            if found["code"].get("coding", [{}])[0].get("code") == "29463-7"]


def test_a_must_weight_goes_with_how_it_is_known_a_blank_one_as_weighed(session_for, patient, tmp_path):
    """A bed-bound patient's weight estimated for MUST went as a plain body weight, which the EHR's
    dose checks read as weighed, while a weighing's and the admission's carry their method. The
    words are the form's own label of the answer; left blank (or version 2), weighed."""
    nurse = session_for("nurse")
    estimated = records.save_new(nurse, "nutrition_screening", {
        **MUST_AT, "screened_at": "2026-11-28T10:00+01:00", "weight_kg": 61.0, "weight_confirmed_kg": 61.0,
        "weight_method": "estimated"}, patient_id=patient)
    blank = records.save_new(nurse, "nutrition_screening", {
        **MUST_AT, "screened_at": "2026-11-28T11:00+01:00", "weight_kg": 60.0, "weight_confirmed_kg": 60.0},
        patient_id=patient)
    bundle = _export(session_for, tmp_path)
    check_codes(bundle)
    Bundle.model_validate(bundle)
    spec = nurse.forms["nutrition_screening"].field("weight_method")
    labels = {option.code: option.label.en for option in spec.options}
    assert {found["derivedFrom"][0]["reference"]: found["method"] for found in _body_weights(bundle)
            if "derivedFrom" in found} == {
        f"urn:uuid:{estimated.record_id}": {"text": labels["estimated"]},
        f"urn:uuid:{blank.record_id}": {"text": labels["measured"]}}


@pytest.mark.parametrize("weighed_by", ["admission", "weighing"])
def test_a_must_with_the_weight_of_the_admission_or_a_weighing_at_its_time_sends_one_body_weight(
        session_for, admission_values, tmp_path, weighed_by):
    """Weighed once at 09:00, typed on the admission (or a weighing) and on the MUST screening at
    09:00: the EHR's weight chart showed the weighing twice. The MUST's weight at another time,
    or of another kg, still goes."""
    nurse = session_for("nurse")
    admitted = records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-28T09:00+01:00",
                                                     "weight_kg": 61.5})
    if weighed_by == "weighing":
        records.save_new(nurse, "weight", {"weighed_at": "2026-11-28T10:00+01:00", "weight_kg": 60.0,
                                           "method": "measured", "weight_confirmed_kg": 60.0},
                         patient_id=admitted.patient_id)
    at = "2026-11-28T09:00+01:00" if weighed_by == "admission" else "2026-11-28T10:00+01:00"
    kg = 61.5 if weighed_by == "admission" else 60.0
    records.save_new(nurse, "nutrition_screening", {**MUST_AT, "screened_at": at, "weight_kg": kg,
                                                     "weight_confirmed_kg": kg}, patient_id=admitted.patient_id)
    records.save_new(nurse, "nutrition_screening", {**MUST_AT, "screened_at": "2026-11-28T12:00+01:00",
                                                     "weight_kg": kg, "weight_confirmed_kg": kg},
                     patient_id=admitted.patient_id)
    said = sorted((found["valueQuantity"]["value"], found["effectiveDateTime"])
                  for found in _body_weights(_export(session_for, tmp_path)))
    assert said == sorted({(61.5, "2026-11-28T09:00:00+01:00"), (kg, f"{at[:16]}:00+01:00"),
                           (kg, "2026-11-28T12:00:00+01:00")})
