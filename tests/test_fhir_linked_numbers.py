"""One person under two downtime numbers, both linked by the records office to one EHR patient:
the FHIR bundle ends the stay (and its orders) one laptop left open when the person left hospital
under the other number, and sends each linked patient as the EHR's patient, found by its number, their
death as a patch of that patient."""

import json

import pytest
from fhir.resources.R4B.bundle import Bundle

from downtime.services import back_entry, records
from downtime.services.context import Session
from downtime.sync import fhir_export, fhir_stays
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes
from downtime.sync.import_export import import_export
from downtime.sync.merge import merge
from tests.conftest import AMOXICILLIN_TDS, death_answers, doctor_on

IPP = "urn:downtime:hospital-patient-number"


def _entries(office: Session, folder) -> dict[str, dict]:
    """The office's export, valid R4B with its codes checked: its entries by resource id (an
    update's resource goes without its id: by its fullUrl's)."""
    out = export(office, folder).folder
    bundle = json.loads((out / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    check_codes(bundle)
    Bundle.model_validate(bundle)
    return {entry["fullUrl"].removeprefix("urn:uuid:"): entry for entry in bundle["entry"]}


@pytest.fixture
def linked(admitted_twice, clock):
    """`admitted_twice`: `leave(form, answers)` records her leaving on laptop 2 at 20:30;
    `office(link=True)` is the records office with both numbers linked to EHR patient 800123."""
    t = admitted_twice

    def leave(form_id: str, answers: dict) -> None:
        clock.advance(hours=5)
        records.save_new(t["nurse_2"], form_id, answers, patient_id=t["second"].patient_id)

    def office(link: bool = True) -> Session:
        clerk = t["office"]()
        if link:
            numbers = sorted(group.patient.downtime_number for group in back_entry.worklist(clerk))
            back_entry.link_patient(clerk, numbers[0], "800123", not_the_admissions_ipp=True)
            back_entry.link_patient(clerk, numbers[1], "800123", same_person=True, not_the_admissions_ipp=True)
        return clerk

    return {**t, "leave": leave, "office": office}


DEATH = {**death_answers("2026-11-28T20:30+01:00"), "verified_by": "Dr Benali", "expected": False,
         "family_informed": True}
HOME = {"discharged_at": "2026-11-28T20:30+01:00", "destination": "home", "letter_given": True,
        "medicines_given": True}


def test_a_death_under_the_other_linked_number_stops_the_first_laptops_order_and_ends_its_stay(linked,
                                                                                              tmp_path):
    t = linked
    t["leave"]("death", DEATH)
    office = t["office"]()
    written = office.db.execute("SELECT COUNT(*) FROM records").fetchone()[0]
    entries = _entries(office, tmp_path / "office-export")
    order = entries[t["order_1"].record_id]["resource"]
    assert order["status"] == "stopped"
    assert order["statusReason"] == {"text": "Patient died"}
    assert order["dosageInstruction"][0]["timing"]["repeat"]["boundsPeriod"]["end"] == "2026-11-28T20:30:00+01:00"
    assert entries[t["order_2"].record_id]["resource"]["status"] == "stopped"
    stay = entries[t["first"].record_id]["resource"]
    assert stay["status"] == "finished"
    assert stay["period"]["end"] == "2026-11-28T20:30:00+01:00"
    assert stay["hospitalization"]["dischargeDisposition"]["coding"][0]["code"] == "exp"
    assert [(place["location"]["display"], place["status"], place["period"].get("end"))
            for place in stay["location"]] == [("3B", "completed", "2026-11-28T14:30:00+01:00"),
                                               ("12", "completed", "2026-11-28T14:30:00+01:00"),
                                               ("5A", "completed", "2026-11-28T20:30:00+01:00"),
                                               ("4", "completed", "2026-11-28T20:30:00+01:00")]
    # Derived: no record is written, and laptop 1's number is not said to have died itself.
    assert office.db.execute("SELECT COUNT(*) FROM records").fetchone()[0] == written
    assert "deceasedDateTime" not in entries[t["first"].patient_id]["resource"]
    # The person died: the EHR patient both numbers are linked to is patched once, by the number
    # that recorded it; laptop 1's, which never did, takes nothing back.
    assert _deaths(entries) == [({"method": "PATCH", "url": f"Patient?identifier={IPP}|800123"},
                                 _died_at("2026-11-28T20:30:00+01:00"))]


def test_a_discharge_home_under_the_other_linked_number_ends_the_first_laptops_stay_and_order(linked,
                                                                                              tmp_path, clock):
    t = linked
    t["leave"]("discharge", HOME)
    clock.advance(minutes=30)
    later = records.save_new(t["doctor_1"], "medication_order", {**AMOXICILLIN_TDS, "drug": "Paracetamol"},
                             patient_id=t["first"].patient_id)
    entries = _entries(t["office"](), tmp_path / "office-export")
    order = entries[t["order_1"].record_id]["resource"]
    assert (order["status"], order["statusReason"]) == ("stopped", {"text": "Patient discharged"})
    # Written after she left under the other number: not of the stay that discharge ended.
    assert entries[later.record_id]["resource"]["status"] == "active"
    stay = entries[t["first"].record_id]["resource"]
    assert (stay["status"], stay["period"]["end"]) == ("finished", "2026-11-28T20:30:00+01:00")
    assert stay["hospitalization"]["dischargeDisposition"]["coding"][0]["code"] == "home"


def test_numbers_not_linked_are_two_patients_whose_stays_end_by_their_own_records(linked, tmp_path):
    t = linked
    t["leave"]("death", DEATH)
    entries = _entries(t["office"](link=False), tmp_path / "office-export")
    assert entries[t["order_1"].record_id]["resource"]["status"] == "active"
    assert entries[t["first"].record_id]["resource"]["status"] == "in-progress"
    assert entries[t["order_2"].record_id]["resource"]["status"] == "stopped"


def test_a_leaving_under_the_other_number_before_this_stay_is_of_an_earlier_stay(tmp_path, laptop, clock,
                                                                                 admission_values):
    """Laptop 2 admitted her at 10:30 and sent her home at 11:30; she came back at 12:00 to laptop
    1's ward, which wrote amoxicillin at 14:00. The discharge ends nothing of this later stay."""
    values = {**admission_values, "allergy_status": "nka", "allergies": []}
    nurse_1, clerk_1 = laptop(tmp_path / "ward1.sqlite", 1)
    nurse_2, clerk_2 = laptop(tmp_path / "ward2.sqlite", 2)
    before = records.save_new(nurse_2, "admission", {**values, "ward": "5A", "bed": "4"})
    records.save_new(nurse_2, "discharge", {**HOME, "discharged_at": "2026-11-28T11:30+01:00"},
                     patient_id=before.patient_id)
    later = records.save_new(nurse_1, "admission", {**values, "arrival_at": "2026-11-28T12:00+01:00"})
    order = records.save_new(doctor_on(nurse_1, clock), "medication_order", AMOXICILLIN_TDS, patient_id=later.patient_id)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, merge([export(clerk_1, tmp_path / "s1").folder, export(clerk_2, tmp_path / "s2").folder],
                                tmp_path / "merged").folder)
    numbers = sorted(group.patient.downtime_number for group in back_entry.worklist(office))
    back_entry.link_patient(office, numbers[0], "800123", not_the_admissions_ipp=True)
    back_entry.link_patient(office, numbers[1], "800123", same_person=True, not_the_admissions_ipp=True)
    entries = _entries(office, tmp_path / "office-export")
    assert entries[order.record_id]["resource"]["status"] == "active"
    assert entries[later.record_id]["resource"]["status"] == "in-progress"
    assert entries[before.record_id]["resource"]["status"] == "finished"


def test_a_linked_number_on_another_page_of_the_export_is_read_once_for_the_page(linked, tmp_path,
                                                                                monkeypatch):
    """A hospital's export goes a thousand patients at a time: the other number may be on
    another page. Who is linked to whom is found once for each page, not for each order."""
    t = linked
    t["leave"]("death", DEATH)
    office = t["office"]()
    monkeypatch.setattr(fhir_export, "PATIENTS_AT_ONCE", 1)
    asked = []
    people_of = fhir_stays.people_of
    monkeypatch.setattr(fhir_stays, "people_of", lambda db, ids: asked.append(set(ids)) or people_of(db, ids))
    entries = _entries(office, tmp_path / "office-export")
    assert entries[t["order_1"].record_id]["resource"]["status"] == "stopped"
    assert entries[t["first"].record_id]["resource"]["status"] == "finished"
    assert sorted(asked, key=sorted) == sorted([{t["first"].patient_id}, {t["second"].patient_id}], key=sorted)


def test_a_linked_patient_is_sent_as_the_ehr_patient_found_by_its_number(tmp_path, laptop, admission_values):
    """Linked to 800123, she is a conditional create on that number, which finds the EHR's patient
    (on the downtime number, which the EHR does not have, it created a second one); the IPP the
    admission recorded, which the clerk said is not hers, is not sent. Another patient, not
    linked, is still found by the downtime number."""
    nurse, clerk = laptop(tmp_path / "ward1.sqlite", 1)
    linked = records.save_new(nurse, "admission", {**admission_values, "ipp": "800124"})
    other = records.save_new(nurse, "admission", {**admission_values, "birth_name": "Roux", "given_names": "Paul",
                                                  "nir": "", "bed": "14"})
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, export(clerk, tmp_path / "s1").folder)
    number = next(group.patient.downtime_number for group in back_entry.worklist(office)
                  if group.patient.patient_id == linked.patient_id)
    back_entry.link_patient(office, number, "800123", not_the_admissions_ipp=True)
    entries = _entries(office, tmp_path / "office-export")
    patient = entries[linked.patient_id]
    assert patient["request"] == {"method": "POST", "url": "Patient",
                                  "ifNoneExist": f"identifier={IPP}|800123"}
    assert [(found["system"], found["value"]) for found in patient["resource"]["identifier"]][:2] == [
        (IPP, "800123"), (f"urn:downtime:number:{nurse.device.device_id}", number)]
    assert "800124" not in json.dumps(patient["resource"])
    assert patient["resource"]["link"][0]["other"]["identifier"] == {"system": IPP, "value": "800123"}
    assert entries[other.patient_id]["request"]["ifNoneExist"].startswith(
        f"identifier=urn:downtime:number:{nurse.device.device_id}|DT-")


def test_a_linked_patient_changed_since_an_earlier_bundle_is_never_sent_as_an_update(tmp_path, laptop, clock,
                                                                                    admission_values):
    """An update would replace the EHR patient's identity, kept by its identity staff, with the
    one typed on the ward: her used name amended on the ward after the office's first bundle goes
    as a conditional create again, which finds her and changes nothing."""
    nurse, clerk = laptop(tmp_path / "ward1.sqlite", 1)
    admitted = records.save_new(nurse, "admission", admission_values)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, export(clerk, tmp_path / "s1").folder)
    [group] = back_entry.worklist(office)
    back_entry.link_patient(office, group.patient.downtime_number, "800123", not_the_admissions_ipp=True)
    _entries(office, tmp_path / "first")
    clock.advance(hours=1)
    records.amend(nurse, admitted.record_id, {**admission_values, "used_name": "Dubois"}, "Nom d'usage")
    import_export(office, export(clerk, tmp_path / "s2", since_last=True).folder)
    patient = _entries(office, tmp_path / "second")[admitted.patient_id]
    assert patient["resource"]["name"][1]["family"] == "Dubois"
    assert patient["request"] == {"method": "POST", "url": "Patient", "ifNoneExist": f"identifier={IPP}|800123"}


def _deaths(entries: dict[str, dict]) -> list[tuple[dict, list[list[dict]]]]:
    """The bundle's patches, each request with its operations' parts."""
    return [(entry["request"], [operation["part"] for operation in entry["resource"]["parameter"]])
            for entry in entries.values() if entry["request"]["method"] == "PATCH"]


TAKEN_BACK = [[{"name": "type", "valueCode": "delete"}, {"name": "path", "valueString": "Patient.deceased"}]]
"""The patch of a death withdrawn: whatever the EHR says of it deleted."""


def _died_at(at: str) -> list[list[dict]]:
    """The patch of a death at `at`: whatever the EHR said of it deleted, then the time added."""
    return [*TAKEN_BACK, [{"name": "type", "valueCode": "add"}, {"name": "path", "valueString": "Patient"},
                          {"name": "name", "valueString": "deceased"}, {"name": "value", "valueDateTime": at}]]


def test_a_death_of_a_linked_patient_reaches_the_ehr_patient_in_every_bundle_by_a_conditional_patch(
        tmp_path, laptop, clock, admission_values):
    """Linked to 800123 and sent once; she died on the ward an hour later. Her Patient said so,
    but as the conditional create that finds the EHR's patient and changes nothing (an update
    would replace the identity the EHR's staff keep): her death reached the EHR through her stay
    and orders, never `Patient.deceasedDateTime`. Every bundle after carries a conditional patch
    on her EHR number setting her death alone, no second patient made; once the death is
    withdrawn, one bundle takes it back, and the next says nothing of it."""
    nurse, clerk = laptop(tmp_path / "ward1.sqlite", 1)
    admitted = records.save_new(nurse, "admission", admission_values)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, export(clerk, tmp_path / "s1").folder)
    [group] = back_entry.worklist(office)
    back_entry.link_patient(office, group.patient.downtime_number, "800123", not_the_admissions_ipp=True)
    assert _deaths(_entries(office, tmp_path / "before")) == []
    clock.advance(hours=1)
    death = records.save_new(nurse, "death", {**DEATH, **death_answers("2026-11-28T14:30+01:00")},
                             patient_id=admitted.patient_id)
    import_export(office, export(clerk, tmp_path / "s2", since_last=True).folder)
    patch = ({"method": "PATCH", "url": f"Patient?identifier={IPP}|800123"}, _died_at("2026-11-28T14:30:00+01:00"))
    for again in ("after", "after-again"):
        entries = _entries(office, tmp_path / again)
        patient = entries[admitted.patient_id]
        assert patient["request"] == {"method": "POST", "url": "Patient", "ifNoneExist": f"identifier={IPP}|800123"}
        assert patient["resource"]["deceasedDateTime"] == "2026-11-28T14:30:00+01:00"
        assert _deaths(entries) == [patch]
        assert [entry["request"] for entry in entries.values() if entry["resource"]["resourceType"] == "Patient"] == [
            patient["request"]]
    clock.advance(hours=1)
    records.mark_entered_in_error(nurse, death.record_id, "another patient's death")
    import_export(office, export(clerk, tmp_path / "s3", since_last=True).folder)
    assert _deaths(_entries(office, tmp_path / "withdrawn")) == [(patch[0], TAKEN_BACK)]
    assert _deaths(_entries(office, tmp_path / "withdrawn-again")) == []


def test_a_death_on_hold_patches_the_ehr_patient_with_the_hold_s_tag(tmp_path, laptop, clock, admission_values):
    """Her death, carried to laptop 2 with her, was amended on both laptops to two different
    times: on hold, it is in the bundle only as her Patient, which her observations need, tagged
    on-hold for a person to look at. Her death's patch carries that tag too: untagged, an
    engine would have set a time two wards disagree on, or a death not settled at all."""
    nurse_1, clerk_1 = laptop(tmp_path / "ward1.sqlite", 1)
    nurse_2, clerk_2 = laptop(tmp_path / "ward2.sqlite", 2)
    admitted = records.save_new(nurse_1, "admission", admission_values)
    clock.advance(minutes=10)
    records.save_new(nurse_1, "observations", {
        "taken_at": "2026-11-28T14:10+01:00", "respiratory_rate": 28, "spo2": 89, "spo2_scale": "scale_1",
        "on_oxygen": False, "systolic_bp": 85, "diastolic_bp": 50, "pulse": 130, "consciousness": "alert",
        "temperature": 35.2}, patient_id=admitted.patient_id)
    clock.advance(minutes=50)
    died = {**DEATH, **death_answers("2026-11-28T14:30+01:00")}
    death = records.save_new(nurse_1, "death", died, patient_id=admitted.patient_id)
    import_export(clerk_2, export(clerk_1, tmp_path / "carried").folder)
    for nurse, at in ((nurse_2, "2026-11-28T14:35+01:00"), (nurse_1, "2026-11-28T14:40+01:00")):
        clock.advance(minutes=5)
        records.amend(nurse, death.record_id, {**died, **death_answers(at)}, "time checked")
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    for number, clerk in ((1, clerk_1), (2, clerk_2)):
        import_export(office, export(clerk, tmp_path / f"stick{number}").folder)
    assert back_entry.hold_of(office, death.record_id) is not None
    [group] = back_entry.worklist(office)
    back_entry.link_patient(office, group.patient.downtime_number, "800123", not_the_admissions_ipp=True)
    entries = _entries(office, tmp_path / "office-export")
    on_hold = [{"system": "urn:downtime:review", "code": "on-hold",
                "display": "On hold: two laptops disagree, not settled; do not take it as the record"}]
    assert entries[admitted.patient_id]["resource"]["meta"]["tag"] == on_hold
    [patch] = [entry for entry in entries.values() if entry["request"]["method"] == "PATCH"]
    assert patch["resource"]["meta"]["tag"] == on_hold
