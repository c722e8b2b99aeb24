"""Telephone orders: a nurse writes the order a prescriber gives by telephone, read back to them;
a doctor countersigns it; a dose of one a day old and not countersigned is questioned."""

import json

import pytest
from fhir.resources.R4B.medicationrequest import MedicationRequest
from pypdf import PdfReader

from downtime.domain.medication import Check
from downtime.services import medication, prefill, printing, records, telephone_orders
from downtime.services.errors import PermissionDenied, ServiceError, ValidationFailed
from downtime.sync.export import export

PARACETAMOL = {"drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "prn",
               "prn_indication": "pain or fever", "min_interval_hours": 6, "max_doses_24h": 4,
               "start_at": "2026-11-28T14:00+01:00", "controlled": False, "high_alert": False}
BY_TELEPHONE = {**PARACETAMOL, "telephone_order": True, "read_back": True, "prescriber": "Dr Hugo Bernard"}


@pytest.fixture
def taken(session_for, medication_ward):
    """The night nurse's telephone order of paracetamol for the medication ward's patient, taken
    at 14:00 on 28/11 (the clock's time)."""
    patient, _, _ = medication_ward
    return records.save_new(session_for("nurse"), "medication_order", BY_TELEPHONE, patient_id=patient)


def test_a_nurse_writes_a_telephone_order_read_back_and_naming_its_prescriber(session_for, medication_ward, clock):
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    count = nurse.db.execute("SELECT COUNT(*) FROM records").fetchone()[0]
    with pytest.raises(ValidationFailed) as unnamed:
        records.save_new(nurse, "medication_order", {**BY_TELEPHONE, "prescriber": None}, patient_id=patient)
    assert [error.path for error in unnamed.value.errors] == ["prescriber"]
    with pytest.raises(ServiceError, match="read the order back to the prescriber"):
        records.save_new(nurse, "medication_order", {**BY_TELEPHONE, "read_back": False}, patient_id=patient)
    with pytest.raises(PermissionDenied, match="only a doctor countersigns"):
        records.save_new(nurse, "medication_order", {**BY_TELEPHONE, "countersigned": True}, patient_id=patient)
    assert nurse.db.execute("SELECT COUNT(*) FROM records").fetchone()[0] == count
    saved = records.save_new(nurse, "medication_order", BY_TELEPHONE, patient_id=patient)
    order = medication.order(nurse.db, saved.record_id)
    assert order.telephone and order.awaiting_since == clock.now and order.prescriber == "Dr Hugo Bernard"
    assert "TELEPHONE ORDER — to countersign" in medication.order_flags(order, "en")
    assert "PRESCRIPTION TÉLÉPHONIQUE — à contresigner" in medication.order_flags(order, "fr")


def test_a_doctor_signed_in_writes_an_order_of_their_own(session_for, medication_ward):
    patient, _, _ = medication_ward
    with pytest.raises(ServiceError, match="you are signed in as a doctor"):
        records.save_new(session_for("doctor"), "medication_order", {**BY_TELEPHONE, "countersigned": True},
                         patient_id=patient)


def test_a_doctor_countersigns_it_and_the_chart_no_longer_flags_it(session_for, taken, clock):
    with pytest.raises(PermissionDenied, match="Only a doctor countersigns"):
        telephone_orders.countersign(session_for("nurse"), taken.record_id)
    clock.advance(hours=9)
    doctor = session_for("doctor")
    signed = telephone_orders.countersign(doctor, taken.record_id)
    assert (signed.version, signed.author, signed.reason, signed.data["countersigned"]) == (
        2, "doctor", "Telephone order countersigned", True)
    order = medication.order(doctor.db, taken.record_id)
    assert order.telephone and order.awaiting_since is None
    assert not any("TELEPHONE" in flag for flag in medication.order_flags(order, "en"))
    with pytest.raises(ServiceError, match="awaits no countersignature"):
        telephone_orders.countersign(doctor, taken.record_id)


def test_a_change_by_telephone_is_countersigned_again_and_a_doctors_change_signs_it(session_for, taken, clock):
    doctor, nurse = session_for("doctor"), session_for("nurse")
    telephone_orders.countersign(doctor, taken.record_id)
    signed = records.current(nurse.db, taken.record_id).data
    stopped = {**signed, "stop_at": "2026-11-29T08:00+01:00"}
    with pytest.raises(PermissionDenied, match="only a doctor countersigns"):
        records.amend(nurse, taken.record_id, stopped, "stopped by Dr Bernard by telephone")
    clock.advance(hours=2)
    again = records.amend(nurse, taken.record_id, telephone_orders.amended_from(nurse, stopped) | {"read_back": True},
                          "stopped by Dr Bernard by telephone")
    assert medication.order(nurse.db, taken.record_id).awaiting_since == clock.now
    with pytest.raises(ServiceError, match="a doctor changing a telephone order signs it"):
        records.amend(doctor, taken.record_id, {**again.data, "max_doses_24h": 3}, "at most 3")
    with pytest.raises(ServiceError, match="stays Yes"):
        records.amend(doctor, taken.record_id, {**again.data, "telephone_order": False, "read_back": None,
                                                "countersigned": None}, "my own order")
    records.amend(doctor, taken.record_id, telephone_orders.amended_from(doctor, {**again.data, "max_doses_24h": 3}),
                  "at most 3")
    assert medication.order(doctor.db, taken.record_id).awaiting_since is None


def test_a_dose_of_one_not_countersigned_within_a_day_is_questioned(session_for, taken, clock):
    nurse = session_for("nurse")
    given = {"outcome": "given", "given_for": "pain 5/10", "dose_given": 1.0, "route": "PO"}
    clock.advance(hours=23, minutes=59)
    assert Check.NOT_COUNTERSIGNED not in [warning.check for warning in medication.check_dose(
        nurse, taken.record_id, {**given, "given_at": clock.now.isoformat()})]
    clock.advance(hours=1)
    late = {**given, "given_at": clock.now.isoformat()}
    with pytest.raises(medication.OverrideNeeded) as caught:
        medication.record_dose(nurse, taken.record_id, late)
    (warning,) = [warning for warning in caught.value.warnings if warning.check is Check.NOT_COUNTERSIGNED]
    assert warning.text("en") == ("Telephone order taken 28/11/2026 14:00 and not countersigned by a doctor within "
                                  "24 hours: ask a doctor to countersign it (or to write it) before giving.")
    telephone_orders.countersign(session_for("doctor"), taken.record_id)
    assert Check.NOT_COUNTERSIGNED not in [warning.check for warning in medication.check_dose(
        nurse, taken.record_id, late)]


def test_a_nurse_withdraws_only_a_telephone_order_not_countersigned(session_for, medication_ward, taken):
    _, amoxicillin, _ = medication_ward
    nurse = session_for("nurse")
    count = nurse.db.execute("SELECT COUNT(*) FROM records").fetchone()[0]
    assert not records.may_withdraw(nurse, records.current(nurse.db, amoxicillin))
    with pytest.raises(PermissionDenied, match="ask a doctor to withdraw this one"):
        records.mark_entered_in_error(nurse, amoxicillin, "wrong patient")
    assert nurse.db.execute("SELECT COUNT(*) FROM records").fetchone()[0] == count
    assert records.may_withdraw(nurse, taken)
    assert records.mark_entered_in_error(nurse, taken.record_id, "written for the wrong patient").version == 2


def test_the_export_names_the_nurse_who_took_it_and_says_it_awaits_a_doctor(session_for, taken, tmp_path):
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    (request,) = [entry["resource"] for entry in bundle["entry"]
                  if entry["resource"]["id"] == taken.record_id]
    MedicationRequest.model_validate(request)
    assert request["requester"] == {"display": "Dr Hugo Bernard"}
    assert request["recorder"]["identifier"]["value"] == "nurse"
    assert "Telephone order, read back to the prescriber; NOT countersigned by a doctor" in [
        note["text"] for note in request["note"]]


def test_the_list_to_countersign_leaves_out_those_countersigned_or_withdrawn(session_for, medication_ward, taken,
                                                                             clock):
    patient, _, _ = medication_ward
    nurse, doctor = session_for("nurse"), session_for("doctor")
    clock.advance(hours=1)
    second = records.save_new(nurse, "medication_order", {**BY_TELEPHONE, "drug": "Ondansetron", "dose": 4.0,
                                                          "dose_unit": "mg"}, patient_id=patient)
    third = records.save_new(nurse, "medication_order", {**BY_TELEPHONE, "drug": "Lactulose", "dose": 15.0,
                                                         "dose_unit": "mL"}, patient_id=patient)
    listed = telephone_orders.to_countersign(doctor)
    assert [(item.order.drug, item.patient.bed, item.taken_by) for item in listed] == [
        ("Paracetamol", "12", "Hélène Lefèvre (nurse)"), ("Ondansetron", "12", "Hélène Lefèvre (nurse)"),
        ("Lactulose", "12", "Hélène Lefèvre (nurse)")]
    telephone_orders.countersign(doctor, taken.record_id)
    records.mark_entered_in_error(nurse, third.record_id, "written for the wrong patient")
    assert [item.order.record_id for item in telephone_orders.to_countersign(doctor)] == [second.record_id]


def test_the_handover_sheet_says_each_patients_telephone_orders_to_countersign(session_for, taken, tmp_path):
    """The day team took over the ward from the sheet with nothing to say a doctor must sign."""
    nurse = session_for("nurse")
    out = printing.print_census(nurse, tmp_path / "census.pdf", ward="3B")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)
    assert "TELEPHONE ORDER TO COUNTERSIGN: Paracetamol 1 g PO" in text
    telephone_orders.countersign(session_for("doctor"), taken.record_id)
    out = printing.print_census(nurse, tmp_path / "census-after.pdf", ward="3B")
    assert "COUNTERSIGN" not in " ".join(page.extract_text() for page in PdfReader(out).pages)


def test_a_transfer_to_another_hospital_hands_it_over_as_not_countersigned(session_for, medication_ward, taken):
    """Listed among the treatments in force as any other order, it passed for one a doctor had signed."""
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    lines = prefill.first_answers(nurse, nurse.form("transfer_out"), patient)["current_treatments"].split("\n")
    (line,) = [line for line in lines if line.startswith("Paracetamol")]
    assert line.endswith("— not given yet — telephone order from Dr Hugo Bernard, not countersigned yet")
    telephone_orders.countersign(session_for("doctor"), taken.record_id)
    assert "telephone order" not in prefill.first_answers(nurse, nurse.form("transfer_out"), patient)["current_treatments"]


def test_the_export_names_who_countersigned_it_and_when_even_once_changed_since(session_for, taken, tmp_path, clock):
    doctor = session_for("doctor")
    clock.advance(hours=1)
    telephone_orders.countersign(doctor, taken.record_id)
    clock.advance(hours=2)
    records.amend(doctor, taken.record_id, {**records.current(doctor.db, taken.record_id).data,
                                            "indication": "Fever"}, "indication added")
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    (request,) = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["id"] == taken.record_id]
    signer = doctor.user.name
    assert (f"Telephone order, read back to the prescriber; countersigned by {signer} (doctor), "
            "2026-11-28T15:00:00+01:00") in [note["text"] for note in request["note"]]
