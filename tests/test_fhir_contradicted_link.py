"""A patient's link to an EHR number judged against their admission's IPP
(services.back_entry.LinkContradicted): contradicted only by an IPP the admission recorded after
the link was made, and a patient so contradicted held back from the FHIR bundle until the clerk
re-links or confirms them."""

import json
import uuid

from downtime.services import back_entry, records
from downtime.services.patients import downtime_numbers
from downtime.storage import audit
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from tests.test_back_entry_later_sticks import _relinked_by_the_ward


def _bundle(office, folder):
    return json.loads(next(export(office, folder).folder.rglob("bundle*.json")).read_text())


def test_a_patient_whose_link_the_admission_contradicts_since_is_held_back_from_the_bundle(tmp_path, laptop, clock,
                                                                                          admission_values):
    """Linked to 100200300, the ward then correcting the IPP to 100200399: the bundle sent the
    patient under 100200399, which no one checked (a wrong correction put every resource in
    another patient's file, and the admission entered under 100200300 went again)."""
    office, number, _, observations = _relinked_by_the_ward(tmp_path, laptop, clock, admission_values)
    made = export(office, tmp_path / "held")
    said = next(made.folder.rglob("bundle*.json")).read_text()
    for held in ("100200300", "100200399", number, observations.record_id):
        assert held not in said
    assert json.loads((made.folder / "manifest.json").read_text())["fhir_held_back"] == [number]
    assert made.notes_in("en", office.forms)[0].startswith(f"patient(s) {number} held back from the FHIR bundle")
    assert made.notes_in("fr", office.forms)[0].startswith(f"patient(s) {number} retenu(s) hors du bundle FHIR")
    back_entry.link_patient(office, number, "100200399", replacing="100200300")
    said = json.dumps(_bundle(office, tmp_path / "relinked"))
    assert "100200399" in said and observations.record_id in said


def test_a_link_an_earlier_release_made_over_the_admissions_ipp_stands(tmp_path, laptop, clock, admission_values):
    """The clerk linked EHR patient 100200311 over the admission's 100200300, before links kept
    the IPP they overrode: every line then said to check the identity, and the bundle sent the
    patient under 100200300, the number the clerk had ruled out."""
    nurse, clerk = laptop(tmp_path / "l1.sqlite", 1)
    admission = records.save_new(nurse, "admission", {**admission_values, "ipp": "100200300"})
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, export(clerk, tmp_path / "e1").folder)
    number = downtime_numbers(office.db)[admission.patient_id]
    now = office.clock()
    with office.db.atomic():  # as link_patient wrote it before this release
        audit.insert_audited(office.db, "patient_links", {
            "id": str(uuid.uuid4()), "patient_id": admission.patient_id, "ehr_patient_number": "100200311",
            "linked_by": office.user.staff_id, "linked_at": now.isoformat()},
            at=now, actor=office.user.staff_id, device_id=office.device.device_id,
            action="back_entry.patient_linked", detail={"downtime_number": number, "ehr": "100200311"})
    (group,) = back_entry.worklist(office)
    assert group.link_contradicted is None and group.items[0].to_do_in("en") == "enter"
    patient = next(entry["resource"] for entry in _bundle(office, tmp_path / "office")["entry"]
                   if entry["resource"]["resourceType"] == "Patient")
    identifiers = [identifier["value"] for identifier in patient["identifier"]]
    assert "100200311" in identifiers and "100200300" not in identifiers
