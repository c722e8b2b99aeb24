import pytest

from downtime.domain.records import RecordStatus
from downtime.services import records
from downtime.services.errors import PermissionDenied, ServiceError, ValidationFailed
from downtime.services.census import in_patients


def _count(db, table):
    return db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_save_records_who_where_and_both_times(session_for, admission_values, clock):
    nurse = session_for("nurse")
    record = records.save_new(nurse, "admission", admission_values)
    assert record.version == 1 and record.status is RecordStatus.FINAL
    assert record.author == "nurse" and record.device_id == nurse.device.device_id
    assert record.occurred_at.isoformat() == "2026-11-28T10:30:00+01:00"
    assert record.recorded_at == clock.now
    assert record.data["birth_name"] == "Lefèvre"


def test_admitted_patient_is_on_the_in_patients(session_for, admission_values, forms):
    nurse = session_for("nurse")
    record = records.save_new(nurse, "admission", admission_values)
    (patient,) = in_patients(nurse.db, forms, ward="3b")
    assert patient.patient_id == record.patient_id
    assert patient.display_name == "MARTIN Hélène Marie (née LEFÈVRE)"
    assert patient.birth_date_in("en") == "12/03/1954"
    assert patient.allergies == ("Penicillin",)


def test_amend_keeps_the_old_version(session_for, admission_values, clock):
    nurse = session_for("nurse")
    first = records.save_new(nurse, "admission", admission_values)
    clock.advance(minutes=20)
    second = records.amend(nurse, first.record_id, {**admission_values, "bed": "14"}, "Moved to the window bed")
    assert (second.version, second.status, second.reason) == (2, RecordStatus.AMENDED, "Moved to the window bed")
    old, new = records.history(nurse.db, first.record_id)
    assert old.data["bed"] == "12" and new.data["bed"] == "14"
    assert records.current(nurse.db, first.record_id).version == 2


def test_amend_needs_a_reason_and_a_change(session_for, admission_values):
    nurse = session_for("nurse")
    first = records.save_new(nurse, "admission", admission_values)
    with pytest.raises(ServiceError, match="reason"):
        records.amend(nurse, first.record_id, {**admission_values, "bed": "14"}, "  ")
    with pytest.raises(ServiceError, match="Nothing was changed"):
        records.amend(nurse, first.record_id, admission_values, "no change")
    assert len(records.history(nurse.db, first.record_id)) == 1


def test_entered_in_error_hides_the_patient_but_keeps_the_record(session_for, admission_values, forms):
    nurse = session_for("nurse")
    first = records.save_new(nurse, "admission", admission_values)
    marked = records.mark_entered_in_error(nurse, first.record_id, "Wrong patient")
    assert marked.status is RecordStatus.ENTERED_IN_ERROR and marked.data == first.data
    assert in_patients(nurse.db, forms) == []
    assert len(records.history(nurse.db, first.record_id)) == 2
    with pytest.raises(ServiceError, match="entered in error"):
        records.amend(nurse, first.record_id, {**admission_values, "bed": "3"}, "oops")


def test_invalid_form_writes_nothing(session_for):
    nurse = session_for("nurse")
    before = (_count(nurse.db, "records"), _count(nurse.db, "patients"), _count(nurse.db, "audit"))
    with pytest.raises(ValidationFailed) as caught:
        records.save_new(nurse, "admission", {"sex": "female"})
    assert "birth_name" in {error.path for error in caught.value.errors}
    assert (_count(nurse.db, "records"), _count(nurse.db, "patients"), _count(nurse.db, "audit")) == before


@pytest.mark.parametrize("role", ["coord", "records", "admin"])
def test_roles_without_clinical_rights_are_refused_by_the_service(session_for, admission_values, role):
    nurse = session_for("nurse")
    first = records.save_new(nurse, "admission", admission_values)
    other = session_for(role)
    with pytest.raises(PermissionDenied):
        records.save_new(other, "admission", admission_values)
    with pytest.raises(PermissionDenied):
        records.amend(other, first.record_id, {**admission_values, "bed": "1"}, "x")
    with pytest.raises(PermissionDenied):
        records.mark_entered_in_error(other, first.record_id, "x")


def test_records_cannot_be_changed_or_deleted_with_sql(session_for, admission_values):
    from downtime.storage.connection import DatabaseError

    nurse = session_for("nurse")
    records.save_new(nurse, "admission", admission_values)
    for statement in ("UPDATE records SET reason = 'x'", "DELETE FROM records",
                      "DELETE FROM audit", "UPDATE patients SET downtime_number = 'x'"):
        with pytest.raises(DatabaseError, match="append-only"):
            nurse.db.execute(statement)


def test_saved_event_reaches_listeners_after_commit(session_for, admission_values):
    nurse = session_for("nurse")
    seen = []
    nurse.listeners.append(lambda event, payload: seen.append((event, payload.record_id,
                                                               records.current(nurse.db, payload.record_id).version)))
    record = records.save_new(nurse, "admission", admission_values)
    assert seen == [("record_saved", record.record_id, 1)]


def test_a_change_refused_for_another_laptops_version_names_its_author_by_name_and_laptop(tmp_path, laptop,
                                                                                             admission_values):
    """Laptop 1 amended the patient's record after the stick that carried it to laptop 2, whose
    nurse had it open: the refusal named laptop 1's nurse by this laptop's staff list, "Nurse
    (nurse)", this laptop's own nurse (staff IDs are each laptop's own)."""
    from downtime.sync.export import export
    from downtime.sync.import_export import import_export

    nurse_1, clerk_1 = laptop(tmp_path / "1.sqlite", 1)
    nurse_2, clerk_2 = laptop(tmp_path / "2.sqlite", 2)
    first = records.save_new(nurse_1, "admission", admission_values)
    import_export(clerk_2, export(clerk_1, tmp_path / "carried").folder)
    records.amend(nurse_1, first.record_id, {**first.data, "bed": "14"}, "moved to bed 14", based_on=1)
    import_export(clerk_2, export(clerk_1, tmp_path / "next").folder)
    with pytest.raises(ServiceError, match="changed after you opened it \\(version 2, by Nurse \\(nurse, laptop 001\\) at"):
        records.amend(nurse_2, first.record_id, {**first.data, "bed": "15"}, "bed", based_on=1)


@pytest.mark.parametrize("amended_here", [False, True])
def test_another_laptops_dose_names_its_witness_by_name_and_laptop(doses_from_laptop_1, amended_here):
    """A dose carried from laptop 1 named its witness in the patient's list of records by laptop
    2's staff list, "Karim Benali (hl)", whoever has the ID hl here (staff IDs are each laptop's
    own): laptop 1's Hélène Lefèvre witnessed it. So did it once its site was corrected here."""
    _, _, _, dose, nurse = doses_from_laptop_1
    if amended_here:
        records.amend(nurse, dose, {**records.current(nurse.db, dose).data, "site": "left arm"}, "site")
    label = records.record_label(nurse, records.current(nurse.db, dose))
    assert "Witness / second check: Hélène Lefèvre (hl, laptop 001)" in label and "Karim" not in label


def test_a_change_made_from_a_version_since_replaced_is_refused(session_for, admission_values):
    """Writing over a version the person never saw would silently undo it: a nurse's amendment
    started from version 1 would drop the allergy a doctor added in version 2."""
    nurse, doctor = session_for("nurse"), session_for("doctor")
    first = records.save_new(nurse, "admission", admission_values)
    records.amend(doctor, first.record_id, {**first.data, "allergies": [*first.data["allergies"],
                                                                        {"substance": "Latex", "reaction": "Rash"}]},
                  "latex allergy found", based_on=1)
    with pytest.raises(ServiceError, match="changed after you opened it \\(version 2, by Dr Karim Benali \\(doctor\\)"):
        records.amend(nurse, first.record_id, {**first.data, "bed": "14"}, "bed", based_on=1)
    with pytest.raises(ServiceError, match="changed after you opened it"):
        records.mark_entered_in_error(nurse, first.record_id, "wrong patient", based_on=1)
    assert records.current(nurse.db, first.record_id).version == 2


def test_a_draft_is_replaced_only_by_its_authors_autosave(session_for):
    from downtime.services import drafts

    nurse, doctor = session_for("nurse"), session_for("doctor")
    drafts.save_draft(nurse, "d1", "admission", {"birth_name": "Dupré"})
    drafts.save_draft(doctor, "d1", "admission", {"birth_name": "SOMEONE ELSE"})
    (mine,) = drafts.drafts_of(nurse)
    assert mine.data == {"birth_name": "Dupré"} and drafts.drafts_of(doctor) == []


def test_a_record_in_one_line_tells_what_back_entry_needs(session_for, admission_values):
    """The worklist read an observation set as "29/11 13:37 — Scale 1 — No" and an admission
    without its allergies: a form's summary names the answers that tell it."""
    nurse = session_for("nurse")
    admission = records.save_new(nurse, "admission", admission_values)
    label = records.record_label(nurse, admission)
    assert label.startswith("Arrival date and time: 28/11/2026 10:30 — Identity status: Validated") and \
        "Allergies: Penicillin (Rash, Moderate)" in label
    observations = records.save_new(nurse, "observations", {
        "taken_at": "2026-11-28T12:00+01:00", "respiratory_rate": 22, "spo2": 95, "spo2_scale": "scale_1",
        "on_oxygen": False, "systolic_bp": 105, "pulse": 115, "consciousness": "alert", "temperature": 38.3},
        patient_id=admission.patient_id)
    assert records.record_label(nurse, observations) == (
        "Date and time taken: 28/11/2026 12:00 — Respiration rate: 22 /min — SpO2: 95 % — SpO2 scale: Scale 1 — On "
        "supplemental oxygen: No — Systolic blood pressure: 105 mmHg — Pulse: 115 /min — Consciousness (ACVPU): A "
        "(Alert) — Temperature: 38.3 °C")


def test_a_sets_line_gives_the_flow_the_diastolic_and_who_prescribed_scale_2(session_for, admission_values):
    """The clerk typed "SpO2 90 %, on oxygen" into the EHR: 90 % on 15 L/min read as 90 % on 1 L/min,
    and neither the diastolic nor the scale's prescriber was on the line."""
    doctor = session_for("doctor")
    admission = records.save_new(session_for("nurse"), "admission", admission_values)
    observations = records.save_new(doctor, "observations", {
        "taken_at": "2026-11-28T12:00+01:00", "respiratory_rate": 22, "spo2": 90, "spo2_scale": "scale_2",
        "scale_2_prescribed_by": "Dr Benali", "scale_2_prescribed_at": "2026-11-28T11:30+01:00", "on_oxygen": True,
        "oxygen_flow": 15.0, "systolic_bp": 105, "diastolic_bp": 55, "pulse": 115, "consciousness": "alert",
        "temperature": 38.3}, patient_id=admission.patient_id)
    assert records.record_label(doctor, observations) == (
        "Date and time taken: 28/11/2026 12:00 — Respiration rate: 22 /min — SpO2: 90 % — SpO2 scale: Scale 2 "
        "(hypercapnic respiratory failure) — Scale 2 prescribed by: Dr Benali — Scale 2 prescribed on: 28/11/2026 "
        "11:30 — On supplemental oxygen: Yes — Oxygen flow: 15 L/min — Systolic blood pressure: 105 mmHg — Diastolic "
        "blood pressure: 55 mmHg — Pulse: 115 /min — Consciousness (ACVPU): A (Alert) — Temperature: 38.3 °C")


def test_a_movement_in_one_line_tells_the_bed_and_where_the_patient_went(session_for, admission_values):
    """The worklist and the patient's records read a transfer without its bed (not a required
    answer, so not among the first four) and a discharge "elsewhere" without where."""
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    transfer = records.save_new(nurse, "transfer", {"moved_at": "2026-11-28T12:00+01:00", "to_ward": "ICU", "to_bed": "4",
                                                    "reason": "Needs monitoring"}, patient_id=patient)
    assert records.record_label(nurse, transfer) == ("Date and time of the move: 28/11/2026 12:00 — To ward: ICU — "
                                                     "To bed: 4 — Reason for the move: Needs monitoring")
    discharge = records.save_new(nurse, "discharge", {
        "discharged_at": "2026-11-28T13:00+01:00", "destination": "other", "destination_detail": "Daughter's home, Lyon",
        "letter_given": True, "medicines_given": False}, patient_id=patient)
    assert records.record_label(nurse, discharge) == (
        "Date and time of discharge: 28/11/2026 13:00 — Destination: Other — Destination details (address, unit): Daughter's home, Lyon — "
        "Discharge letter given: Yes — Prescription and medicines explained: No")


@pytest.mark.parametrize("lang, named", [("en", "Identity status"), ("fr", "Statut de l’identité")])
def test_an_unidentified_patients_identity_cannot_be_validated(session_for, admission_values, lang, named):
    """Nobody could identify the patient, so no document was checked against them: a
    "validated" identity would let the INS of whoever's papers were found go to the EHR."""
    nurse = session_for("nurse", lang)
    unknown = {**admission_values, "unidentified": True, "temporary_name": "Inconnu Gare",
               "descriptor": "Unknown man, about 40"}
    before = _count(nurse.db, "records")
    with pytest.raises(ValidationFailed) as caught:
        records.save_new(nurse, "admission", unknown)
    (error,) = caught.value.errors
    assert error.path == "identity_status" and named in error.message, error.message
    assert _count(nurse.db, "records") == before
    saved = records.save_new(nurse, "admission", {**unknown, "identity_status": "provisional"})
    with pytest.raises(ValidationFailed, match=named):
        records.amend(nurse, saved.record_id, {**saved.data, "identity_status": "validated",
                                               "identity_document": "passport"}, "papers found")


@pytest.mark.parametrize("lang, weight, interval, dose", [
    ("en", "Weight: 61.5 kg", "Minimum interval between doses: 4 h", "Dose given: 2.5 mg"),
    ("fr", "Poids : 61,5 kg", "Intervalle minimal entre deux doses : 4 h", "Dose administrée : 2,5 mg")])
def test_a_record_in_one_line_gives_each_number_with_its_unit(session_for, admission_values, lang, weight, interval,
                                                              dose, tmp_path):
    """The back-entry list read "Weight: 85.5" and "Minimum interval between doses: 4": kilograms
    or pounds, hours or days, the clerk had to guess what to type into the EHR. A dose given is
    in its order's unit ("Dose given: 4000" of an order in units)."""
    from downtime.services import medication

    nurse, doctor = session_for("nurse", lang), session_for("doctor", lang)
    admission = records.save_new(nurse, "admission", {**admission_values, "weight_kg": 61.5})
    order = records.save_new(doctor, "medication_order", {
        "drug": "Ondansetron", "dose": 2.5, "dose_unit": "mg", "route": "SC", "frequency": "prn",
        "prn_indication": "Nausea", "min_interval_hours": 4.0, "max_doses_24h": 3, "start_at": "2026-11-28T10:45+01:00",
        "controlled": False, "high_alert": False}, patient_id=admission.patient_id)
    given = medication.record_dose(nurse, order.record_id, {"outcome": "given", "given_at": "2026-11-28T11:00+01:00",
                                                            "dose_given": 2.5, "route": "SC", "given_for": "Vomiting"})
    assert weight in records.record_label(nurse, admission)
    assert interval in records.record_label(doctor, order)
    assert dose in records.record_label(nurse, given)
    assert dose in records.record_label(nurse, given, {order.record_id: order}), "read from the records a list holds"
    from pypdf import PdfReader

    from downtime.services import printing

    printed = " ".join(page.extract_text() for page in PdfReader(
        printing.print_record(nurse, given.record_id, tmp_path / "dose.pdf")).pages)
    label, value = dose.split(" : " if lang == "fr" else ": ")
    assert f"{label}\n{value}\n" in printed, "the printed dose's form too"


def test_a_record_in_one_line_follows_french_typography(session_for, admission_values):
    """On a French ward the records list, the back-entry list and the printed worklist wrote
    "Poids: 61,5" where every translated message writes " : "."""
    nurse = session_for("nurse", "fr")
    label = records.record_label(nurse, records.save_new(nurse, "admission", admission_values))
    assert "Allergies : Penicillin (Rash, Modérée)" in label
    assert ": " not in label.replace(" : ", "")


def test_a_transfer_out_saying_allergies_checked_is_refused_while_they_are_not_known_yet(session_for, admission_values):
    """Refused by the service, so by the command line and the screen alike, naming the question
    in the ward's language, and nothing is written."""
    from downtime.services import wards

    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    nurse = session_for("nurse")
    unknown = {key: value for key, value in admission_values.items() if key != "allergies"}
    patient = records.save_new(nurse, "admission", {**unknown, "allergy_status": "unknown"}).patient_id
    handover = {"departed_at": "2026-11-28T14:00+01:00", "receiving_hospital": "CHU Sud", "receiving_unit": "ICU",
                "transport_mode": "ambulance", "escort": "nurse", "situation": "Sepsis", "background": "Fall",
                "condition": "stable", "current_treatments": "None", "obs_at": "2026-11-28T13:30+01:00",
                "documents_sent": ["letter"], "allergies_checked": True, "resuscitation": "full"}
    nurse.lang = "fr"
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "transfer_out", handover, patient_id=patient)
    (error,) = refused.value.errors
    assert error.path == "allergies_checked" and error.message.startswith("Allergies vérifiées et notées sur ce document")
    assert records.list_current(nurse.db, form_id="transfer_out") == []
    saved = records.save_new(nurse, "transfer_out", {**handover, "allergies_checked": False}, patient_id=patient)
    with pytest.raises(ValidationFailed):
        records.amend(nurse, saved.record_id, handover, "Allergies were checked")
