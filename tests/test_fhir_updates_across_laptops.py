"""A record carried to another database (the patient moved: laptop 2 imported laptop 1's stick;
the records office imported the laptops' sticks) and changed after a bundle of laptop 1's sent
it: the bundle of the database that never sent it goes, for what may have changed, as a
conditional update the EHR's copy takes (it went as a conditional create, which the EHR holding
laptop 1's copy ignored), and, for what came unchanged, as the conditional create it was."""

import json

from fhir.resources.R4B.bundle import Bundle

from downtime.services import back_entry, medication, records
from downtime.sync.export import ExportResult, export
from downtime.sync.fhir_codes import check_codes
from downtime.sync.import_export import import_export
from tests.conftest import AMOXICILLIN_TDS, doctor_on

RECORD = "urn:downtime:record"
IPP = "urn:downtime:hospital-patient-number"


def _entries(result: ExportResult) -> dict[str, dict]:
    """The export's bundle, valid R4B with its codes checked: its entries by resource id (an
    update's resource goes without its id: by its fullUrl's)."""
    bundle = json.loads((result.folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    check_codes(bundle)
    Bundle.model_validate(bundle)
    return {entry["fullUrl"].removeprefix("urn:uuid:"): entry for entry in bundle["entry"]}


def _provenance(entries: dict[str, dict], record_id: str) -> dict:
    (found,) = [entry for entry in entries.values() if entry["resource"]["resourceType"] == "Provenance"
                and entry["resource"]["entity"][0]["what"]["identifier"]["value"] == record_id]
    return found


def _updated(entries: dict[str, dict]) -> list[str]:
    """The resource types of the bundle's conditional updates, sorted."""
    return sorted(entry["resource"]["resourceType"] for entry in entries.values()
                  if entry["request"]["method"] == "PUT")


def _moved(tmp_path, laptop, clock, admission_values):
    """Laptop 1 admits a patient with no known allergy, on a diabetic diet, and its doctor writes
    amoxicillin 1 g; its export's bundle goes to the EHR; laptop 2 imports that stick (the
    patient moved there). Returns (the order, laptop 1's bundle's entries, laptop 2's nurse and
    clerk)."""
    nurse_1, clerk_1 = laptop(tmp_path / "1.sqlite", 1)
    nurse_2, clerk_2 = laptop(tmp_path / "2.sqlite", 2)
    admitted = records.save_new(nurse_1, "admission", {**admission_values, "allergy_status": "nka", "allergies": [],
                                                       "diet": ["diabetic"]})
    order = records.save_new(doctor_on(nurse_1, clock), "medication_order", AMOXICILLIN_TDS,
                             patient_id=admitted.patient_id)
    first = export(clerk_1, tmp_path / "laptop1")
    import_export(clerk_2, first.folder)
    clock.advance(hours=2)
    return order, _entries(first), nurse_2, clerk_2


def test_an_order_amended_on_the_laptop_the_patient_moved_to_updates_the_ehrs_copy(
        tmp_path, laptop, clock, admission_values):
    """Laptop 2's doctor doubled the dose of laptop 1's order: laptop 2's bundle sent the 2 g
    order as a conditional create, which the EHR holding laptop 1's 1 g order ignored. It now
    replaces it, with its Provenance saying it was amended; what laptop 2 carried unchanged (the
    patient, the stay) and what it wrote itself (a dose) stay conditional creates, and its next
    bundle, knowing what it sent, has no update."""
    order, sent_before, nurse_2, clerk_2 = _moved(tmp_path, laptop, clock, admission_values)
    assert sent_before[order.record_id]["request"]["method"] == "POST"
    records.amend(doctor_on(nurse_2, clock), order.record_id, {**AMOXICILLIN_TDS, "dose": 2.0}, "dose doubled")
    dose = medication.record_dose(nurse_2, order.record_id, {
        "outcome": "given", "given_at": "2026-11-28T14:05+01:00", "scheduled_for": "2026-11-28T14:00+01:00",
        "dose_given": 2.0, "route": "IV"})
    second = export(clerk_2, tmp_path / "laptop2")
    entries = _entries(second)
    sent = entries[order.record_id]
    assert sent["request"] == {"method": "PUT", "url": f"MedicationRequest?identifier={RECORD}|{order.record_id}"}
    assert "id" not in sent["resource"]
    assert sent["resource"]["dosageInstruction"][0]["doseAndRate"][0]["doseQuantity"]["value"] == 2.0
    why = _provenance(entries, order.record_id)
    assert why["request"]["method"] == "PUT" and why["resource"]["activity"]["text"] == "Amended: version 2"
    assert _updated(entries) == ["MedicationRequest", "Provenance"] and second.fhir_updates == 2
    assert entries[dose.record_id]["request"]["method"] == "POST"
    assert all(entries[resource_id]["request"]["method"] == "POST" for resource_id in sent_before
               if resource_id in entries and resource_id != order.record_id
               and entries[resource_id]["resource"]["resourceType"] != "Provenance")
    again = export(clerk_2, tmp_path / "laptop2-again")
    assert again.fhir_updates == 0 and _updated(_entries(again)) == []


def test_an_order_withdrawn_on_the_laptop_the_patient_moved_to_is_withdrawn_from_the_ehr(
        tmp_path, laptop, clock, admission_values):
    """Laptop 2's doctor marked laptop 1's order entered in error (wrong patient): the
    conditional create of laptop 2's bundle left the EHR's copy active, the wrong patient's
    amoxicillin live. The update withdraws it, its Provenance saying why."""
    order, _, nurse_2, clerk_2 = _moved(tmp_path, laptop, clock, admission_values)
    records.mark_entered_in_error(doctor_on(nurse_2, clock), order.record_id, "wrong patient")
    entries = _entries(export(clerk_2, tmp_path / "laptop2"))
    sent = entries[order.record_id]
    assert sent["request"]["method"] == "PUT" and sent["resource"]["status"] == "entered-in-error"
    why = _provenance(entries, order.record_id)
    assert why["request"]["method"] == "PUT"
    assert why["resource"]["activity"]["coding"][0]["code"] == "NULLIFY"
    assert [said["text"] for said in why["resource"]["reason"]] == ["wrong patient"]


def test_a_stay_ended_on_the_laptop_the_patient_moved_to_ends_the_ehrs_encounter_and_orders(
        tmp_path, laptop, clock, admission_values):
    """Laptop 2 discharged the patient laptop 1 admitted: no record laptop 1 wrote changed, but
    the stay, the order and the diet laptop 1's bundle sent in progress and active are ended by
    laptop 2's discharge, and go as updates; the discharge itself, new, and the Patient, whose
    identity a discharge does not change, are conditional creates."""
    order, sent_before, nurse_2, clerk_2 = _moved(tmp_path, laptop, clock, admission_values)
    patient_id = order.patient_id
    stay = next(resource_id for resource_id, entry in sent_before.items()
                if entry["resource"]["resourceType"] == "Encounter")
    assert sent_before[stay]["resource"]["status"] == "in-progress"
    left = records.save_new(nurse_2, "discharge", {"discharged_at": "2026-11-28T15:30+01:00", "destination": "home",
                                                   "letter_given": True, "medicines_given": True},
                            patient_id=patient_id)
    entries = _entries(export(clerk_2, tmp_path / "laptop2"))
    assert entries[stay]["request"]["method"] == "PUT" and entries[stay]["resource"]["status"] == "finished"
    assert entries[order.record_id]["request"]["method"] == "PUT"
    assert entries[order.record_id]["resource"]["status"] != "active"
    (diet,) = [entry for entry in entries.values() if entry["resource"]["resourceType"] == "NutritionOrder"]
    assert diet["request"]["method"] == "PUT" and diet["resource"]["status"] == "completed"
    assert _provenance(entries, left.record_id)["request"]["method"] == "POST"
    assert entries[patient_id]["request"]["method"] == "POST"


def test_the_records_offices_first_bundle_updates_what_a_laptops_earlier_bundle_sent(
        tmp_path, laptop, clock, admission_values):
    """Laptop 1's first bundle was posted; its doctor then doubled the order's dose. The records
    office, which never exported, imported both sticks: its bundle sent the 2 g order as a
    conditional create, ignored where laptop 1's first bundle was posted. It goes as an update;
    the patient, one admission never changed, stays a conditional create."""
    nurse, clerk = laptop(tmp_path / "1.sqlite", 1)
    admitted = records.save_new(nurse, "admission", {**admission_values, "allergy_status": "nka", "allergies": []})
    doctor = doctor_on(nurse, clock)
    order = records.save_new(doctor, "medication_order", AMOXICILLIN_TDS, patient_id=admitted.patient_id)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, export(clerk, tmp_path / "s1").folder)
    clock.advance(hours=2)
    records.amend(doctor, order.record_id, {**AMOXICILLIN_TDS, "dose": 2.0}, "dose doubled")
    import_export(office, export(clerk, tmp_path / "s2", since_last=True).folder)
    entries = _entries(export(office, tmp_path / "office"))
    assert entries[order.record_id]["request"]["method"] == "PUT"
    assert _provenance(entries, order.record_id)["request"]["method"] == "PUT"
    assert entries[admitted.patient_id]["request"] == {
        "method": "POST", "url": "Patient", "ifNoneExist": entries[admitted.patient_id]["request"]["ifNoneExist"]}
    assert _updated(entries) == ["MedicationRequest", "Provenance"]


def test_a_linked_patient_amended_on_a_laptop_is_never_an_update_of_the_ehrs_patient(
        tmp_path, laptop, clock, admission_values):
    """The admission was amended on the ward and the records office, which never exported, linked
    the patient to EHR patient 800123: her stay, made from the amended admission, goes as an
    update, but the Patient is the EHR's own, whose identity its staff keep: a conditional create
    on her EHR number still, which finds her and changes nothing."""
    nurse, clerk = laptop(tmp_path / "1.sqlite", 1)
    admitted = records.save_new(nurse, "admission", admission_values)
    clock.advance(hours=1)
    records.amend(nurse, admitted.record_id, {**admission_values, "used_name": "Dubois"}, "Nom d'usage")
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, export(clerk, tmp_path / "s1").folder)
    [group] = back_entry.worklist(office)
    back_entry.link_patient(office, group.patient.downtime_number, "800123", not_the_admissions_ipp=True)
    entries = _entries(export(office, tmp_path / "office"))
    assert entries[admitted.patient_id]["request"] == {"method": "POST", "url": "Patient",
                                                       "ifNoneExist": f"identifier={IPP}|800123"}
    assert entries[admitted.record_id]["request"]["method"] == "PUT"
    assert entries[admitted.record_id]["resource"]["resourceType"] == "Encounter"
