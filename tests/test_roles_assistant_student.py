"""A ward's healthcare assistants, student nurses and pharmacist each sign in with a role of their
own: given a ward nurse's account, an assistant recorded doses and admissions, a student gave a
dose alone and witnessed a colleague's morphine, and the audit said a registered nurse did it.
An assistant writes only the bedside charts she keeps; a student records care as a nurse does,
each dose supervised by a ward nurse with their PIN, and never witnesses or second-checks one;
a pharmacist reads and prints, and writes the medicines reconciliation and clinical notes."""

from datetime import datetime

import pytest

from downtime.domain.medication import Check
from downtime.domain.roles import PERMISSIONS, SECOND_SIGNERS, Action, Role
from downtime.services import cd_register, medication, records, staff
from downtime.services.context import Session, Vault, load_device
from downtime.services.errors import PermissionDenied, ServiceError, ValidationFailed
from tests.conftest import HCA_FORMS

ACCOUNTS = {"hca": ("Manon Petit", Role.HEALTHCARE_ASSISTANT, "7777"),
            "student": ("Lucas Girard", Role.STUDENT_NURSE, "8888"),
            "pharmacist": ("Sophie Bernard", Role.PHARMACIST, "9090")}
NEWS2_SET = {"taken_at": "2026-11-28T13:30+01:00", "respiratory_rate": 18, "spo2": 96, "spo2_scale": "scale_1",
             "on_oxygen": False, "systolic_bp": 128, "diastolic_bp": 74, "pulse": 88, "consciousness": "alert",
             "temperature": 37.2}
FLUID_IN = {"measured_at": "2026-11-28T12:00+01:00", "route": "in_oral", "volume": 800}
AMOX_DOSE = {"outcome": "given", "dose_given": 1.0, "route": "IV", "given_at": "2026-11-28T14:00+01:00",
             "scheduled_for": "2026-11-28T14:00+01:00"}
ALLERGY = {Check.ALLERGY: "tolerated since"}
MORPHINE_DOSE = {"outcome": "given", "dose_given": 5.0, "route": "SC", "given_at": "2026-11-28T14:00+01:00",
                 "given_for": "pain 7/10"}
ORDER = {"drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "once",
         "start_at": "2026-11-28T10:00+01:00", "controlled": False, "high_alert": False, "telephone_order": True,
         "prescriber": "Dr Roux", "read_back": True, "countersigned": False}


@pytest.fixture
def sign_in(session_for, ward_db, db_path, forms, clock):
    """sign_in("hca"): that account of ACCOUNTS (added on first use) signed in."""
    admin = session_for("admin")

    def make(staff_id: str) -> Session:
        name, role, pin = ACCOUNTS[staff_id]
        if staff.member_named(ward_db, staff_id) is None:
            staff.add_staff(admin, staff_id, name, role, pin)
        return Session(ward_db, load_device(ward_db), staff.sign_in(ward_db, staff_id, pin, clock), forms, clock, "en",
                       vault=Vault(db_path, ward_db))

    return make


def _records(session: Session) -> int:
    return session.db.execute("SELECT COUNT(*) FROM records").fetchone()[0]


def test_an_assistant_charts_observations_and_fluids_and_corrects_or_withdraws_her_own(sign_in, medication_ward):
    patient, _, _ = medication_ward
    hca = sign_in("hca")
    obs = records.save_new(hca, "observations", NEWS2_SET, patient_id=patient)
    fluid = records.save_new(hca, "fluid_balance", FLUID_IN, patient_id=patient)
    assert (obs.author, fluid.author) == ("hca", "hca")
    assert records.may_change(hca, hca.form("observations"), obs)
    amended = records.amend(hca, obs.record_id, {**NEWS2_SET, "pulse": 92}, "pulse counted again")
    assert amended.version == 2 and amended.author == "hca"
    withdrawn = records.mark_entered_in_error(hca, fluid.record_id, "wrong patient")
    assert withdrawn.status.value == "entered-in-error"


def test_an_assistants_charts_are_the_bedside_ones_and_still_a_nurses_and_a_doctors(sign_in, session_for, forms):
    hca, nurse, doctor = sign_in("hca"), session_for("nurse"), session_for("doctor")
    assert {spec.id for spec in forms.values() if records.may_write(hca, spec)} == HCA_FORMS
    assert all(records.may_write(nurse, forms[form]) and records.may_write(doctor, forms[form]) for form in HCA_FORMS)
    # The menu's list, the account read once, is each form's answer; none once it is deactivated.
    for session in (hca, nurse, doctor, sign_in("student"), session_for("coord"), session_for("records")):
        assert records.writable(session, forms.values()) == [spec for spec in forms.values()
                                                             if records.may_write(session, spec)]
    staff.deactivate_staff(session_for("admin"), "hca")
    assert records.writable(hca, forms.values()) == []


def test_an_assistant_is_refused_an_admission_a_dose_and_an_order_naming_the_form_and_who_writes_it(
        sign_in, medication_ward, admission_values):
    patient, amox, _ = medication_ward
    hca = sign_in("hca")
    count = _records(hca)
    said = []
    for write in (lambda: records.save_new(hca, "admission", {**admission_values, "bed": "3"}),
                  lambda: medication.record_dose(hca, amox, AMOX_DOSE, overrides=ALLERGY),
                  lambda: records.save_new(hca, "medication_order", ORDER, patient_id=patient)):
        with pytest.raises(PermissionDenied) as refused:
            write()
        said.append(refused.value.text("en"))
    assert said == ["Downtime admission record: only ward nurse, student nurse, doctor may write this form.",
                    "Medication administration: only ward nurse, doctor, student nurse may write this form.",
                    "Medication order: only doctor, ward nurse may write this form."]
    assert _records(hca) == count


def test_a_students_dose_needs_a_ward_nurses_pin_and_is_saved_with_it_as_its_supervisor(sign_in, medication_ward):
    _, amox, _ = medication_ward
    student = sign_in("student")
    tried = []
    for supervisor in (None, ("student", "8888"), ("doctor", "2222"), ("nurse", "0000")):
        with pytest.raises(ServiceError) as refused:
            medication.record_dose(student, amox, AMOX_DOSE, overrides=ALLERGY, witness=supervisor)
        tried.append(refused.value.text("en"))
    assert tried[:3] == [
        "Student nurse's dose: the ward nurse supervising it must confirm it with their own PIN.",
        "Student nurse's dose: it is supervised by a ward nurse other than the student who gives it.",
        "Student nurse's dose: it is supervised by a ward nurse; Dr Karim Benali is a doctor."]
    assert medication.recorded_for(student.db, medication.order(student.db, amox),
                                   datetime.fromisoformat(AMOX_DOSE["scheduled_for"])) is None
    saved = medication.record_dose(student, amox, AMOX_DOSE, overrides=ALLERGY, witness=("nurse", "1111"))
    assert (saved.author, saved.data["witness"]) == ("student", "nurse")
    (dose,) = medication.administrations(student.db, saved.patient_id)
    assert (dose.given_by, dose.witness) == ("student", "nurse")


def test_a_dose_a_nurse_types_as_given_by_a_student_is_supervised_and_confirmed_with_the_students_pin(
        sign_in, session_for, medication_ward):
    _, amox, _ = medication_ward
    sign_in("student")
    nurse = session_for("nurse")
    by_student = {**AMOX_DOSE, "given_by": "student"}
    with pytest.raises(ValidationFailed) as refused:
        medication.record_dose(nurse, amox, by_student, overrides=ALLERGY, witness=("nurse", "1111"))
    assert refused.value.errors[0].message == ("Given by (if not you): given by Lucas Girard, a student nurse, who "
                                               "confirms it with their own PIN, as the nurse supervising them does.")
    with pytest.raises(ServiceError, match="supervising it must confirm it with their own PIN"):
        medication.record_dose(nurse, amox, by_student, overrides=ALLERGY, giver_pin="8888")
    saved = medication.record_dose(nurse, amox, by_student, overrides=ALLERGY, witness=("nurse", "1111"),
                                   giver_pin="8888")
    assert (saved.data["given_by"], saved.data["witness"]) == ("student", "nurse")


def test_a_students_morphine_is_witnessed_by_the_nurse_supervising_it(sign_in, session_for, medication_ward):
    _, _, morphine = medication_ward
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=("doctor", "2222"))
    student = sign_in("student")
    with pytest.raises(ServiceError, match="Dr Karim Benali is a doctor"):
        medication.record_dose(student, morphine, MORPHINE_DOSE, witness=("doctor", "2222"))
    saved = medication.record_dose(student, morphine, MORPHINE_DOSE, witness=("nurse", "1111"))
    assert saved.data["witness"] == "nurse"
    line = cd_register.cd_lines(nurse.db, nurse.forms, "3B", "Morphine", "mg")[-1]
    assert (line.author, line.witness, line.balance) == ("student", "nurse", 15.0)


def test_a_students_dose_is_exported_with_its_supervisor_not_as_a_witnessed_one(
        sign_in, session_for, medication_ward, tmp_path):
    """The ward nurse supervising a student's amoxicillin went to the EHR as the dose's "witness",
    "Witness / second check": a controlled drug witnessed, to whoever back-entered it. She goes
    as its supervisor (HL7 v3's responsible party, accountable for it); of a student's morphine
    also as its witness, which the controlled drug needs; a nurse's own dose is unchanged."""
    import json

    from fhir.resources.R4B.bundle import Bundle
    from fhir.resources.R4B.medicationadministration import MedicationAdministration

    from downtime.sync.export import export
    from downtime.sync.fhir_codes import check_codes

    _, amox, morphine = medication_ward
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=("doctor", "2222"))
    student = sign_in("student")
    supervised = medication.record_dose(student, amox, AMOX_DOSE, overrides=ALLERGY, witness=("nurse", "1111"))
    typed_by_nurse = medication.record_dose(nurse, amox, {
        **AMOX_DOSE, "given_by": "student", "given_at": "2026-11-28T08:10+01:00",
        "scheduled_for": "2026-11-28T08:00+01:00"}, overrides=ALLERGY, witness=("nurse", "1111"), giver_pin="8888")
    witnessed = medication.record_dose(student, morphine, MORPHINE_DOSE, witness=("nurse", "1111"))
    nurses_own = medication.record_dose(nurse, morphine, {**MORPHINE_DOSE, "given_at": "2026-11-28T08:30+01:00"},
                                        witness=("doctor", "2222"), overrides={Check.PRN_INTERVAL: "pain 9/10"})
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    check_codes(bundle)
    Bundle.model_validate(bundle)
    found = {entry["resource"]["id"]: entry["resource"] for entry in bundle["entry"]}

    def performers(dose):
        return [(one.function.coding[0].system.rsplit("/", 1)[-1], one.function.coding[0].code,
                 one.function.coding[0].display, one.function.text, one.actor.display)
                for one in MedicationAdministration.model_validate(found[dose.record_id]).performer]

    giver = ("med-admin-perform-function", "performer", "Performer", None, "Lucas Girard (student nurse)")
    supervisor = ("v3-ParticipationType", "RESP", "responsible party", "Supervisor (student nurse's dose)",
                  "Hélène Lefèvre (ward nurse)")
    assert performers(supervised) == performers(typed_by_nurse) == [giver, supervisor]
    assert performers(witnessed) == [giver, supervisor, (
        "med-admin-perform-function", "witness", "Witness", "Witness (controlled drug)", "Hélène Lefèvre (ward nurse)")]
    assert performers(nurses_own)[1:] == [("med-admin-perform-function", "witness", "Witness",
                                           "Witness (controlled drug)", "Dr Karim Benali (doctor)")]


def test_the_back_entry_worklist_names_a_students_supervisor_as_such(sign_in, session_for, medication_ward, tmp_path):
    """The records clerk's line for a student's amoxicillin, supervised by the ward nurse, read
    "Witness / second check: Hélène Lefèvre", as a controlled drug's witness, on the screen's list
    and the printed worklist; the export already sends her as the dose's supervisor. A nurse's own
    morphine keeps its witness."""
    from downtime.services import back_entry, printing
    from tests.pdf_text import pdf_text

    _, amox, morphine = medication_ward
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=("doctor", "2222"))
    supervised = medication.record_dose(sign_in("student"), amox, AMOX_DOSE, overrides=ALLERGY,
                                        witness=("nurse", "1111"))
    nurses_own = medication.record_dose(nurse, morphine, {**MORPHINE_DOSE, "given_at": "2026-11-28T08:30+01:00"},
                                        witness=("doctor", "2222"))
    clerk = session_for("records")
    labels = {item.record.record_id: item.label for group in back_entry.worklist(clerk) for item in group.items}
    supervisor, witness = "Supervisor (student nurse's dose): Hélène Lefèvre", "Witness / second check: Dr Karim Benali"
    assert supervisor in labels[supervised.record_id] and "Witness" not in labels[supervised.record_id]
    assert witness in labels[nurses_own.record_id]
    printed = pdf_text(printing.print_worklist(clerk, tmp_path / "worklist.pdf"))
    assert supervisor in printed and witness in printed


def test_a_student_witnesses_no_controlled_drug_and_checks_no_high_alert_dose(sign_in, session_for, medication_ward):
    patient, _, morphine = medication_ward
    nurse, doctor = session_for("nurse"), session_for("doctor")
    sign_in("student")
    with pytest.raises(ServiceError) as refused:
        cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=("student", "8888"))
    assert refused.value.text("en") == ("Controlled-drug register: the witness must be a ward nurse, a doctor or a "
                                        "pharmacist; Lucas Girard is a student nurse.")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=("doctor", "2222"))
    with pytest.raises(ServiceError, match="Lucas Girard is a student nurse"):
        medication.record_dose(nurse, morphine, MORPHINE_DOSE, witness=("student", "8888"))
    heparin = records.save_new(doctor, "medication_order", {
        "drug": "Enoxaparin", "dose": 40.0, "dose_unit": "mg", "route": "SC", "frequency": "scheduled",
        "times": "14:00", "start_at": "2026-11-28T10:00+01:00", "controlled": False, "high_alert": True},
        patient_id=patient)
    with pytest.raises(ServiceError) as refused:
        medication.record_dose(nurse, heparin.record_id, {**AMOX_DOSE, "dose_given": 40.0, "route": "SC"},
                               witness=("student", "8888"))
    assert refused.value.text("en") == ("High-alert medicine: the second check must be made by a ward nurse or a "
                                        "doctor; Lucas Girard is a student nurse.")
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 20.0


def test_no_student_is_listed_to_sign_a_check_and_every_one_to_give_a_dose(sign_in, session_for):
    sign_in("student")
    sign_in("hca")
    db = session_for("nurse").db
    assert "student" in {member.staff_id for member in staff.givers(db)}
    assert {member.staff_id for member in staff.givers(db, roles=SECOND_SIGNERS)} == {"nurse", "doctor"}
    assert {member.staff_id for member in staff.givers(db, roles=cd_register.SUPERVISION.signers)} == {"nurse"}


def test_a_student_takes_no_telephone_order(sign_in, medication_ward):
    patient, _, _ = medication_ward
    student = sign_in("student")
    assert not records.may_write(student, student.form("medication_order"))
    with pytest.raises(PermissionDenied, match="Medication order: only doctor, ward nurse may write this form"):
        records.save_new(student, "medication_order", ORDER, patient_id=patient)


def test_a_student_starts_no_transfusion_but_records_its_end(sign_in):
    """The bedside check of a unit is two registered staff's (NICE NG24, SHOT): a student records
    the transfusion's end and observations, not its start."""
    student = sign_in("student")
    assert not records.may_write(student, student.form("blood_transfusion"))
    assert records.may_write(student, student.form("transfusion_end"))


def test_a_student_records_care_as_a_nurse_does(sign_in, medication_ward, admission_values):
    patient, _, _ = medication_ward
    student = sign_in("student")
    assert records.save_new(student, "observations", NEWS2_SET, patient_id=patient).author == "student"
    assert records.save_new(student, "admission", {**admission_values, "bed": "4"}).author == "student"


def test_a_pharmacist_reads_and_prints_and_records_only_the_reconciliation_and_notes(sign_in, medication_ward,
                                                                                     admission_values):
    patient, amox, _ = medication_ward
    pharmacist = sign_in("pharmacist")
    assert PERMISSIONS[Role.PHARMACIST] == {Action.READ_RECORDS, Action.PRINT}
    assert [form_id for form_id, spec in pharmacist.forms.items()
            if records.may_write(pharmacist, spec)] == ["clinical_note", "medicines_reconciliation"]
    count = _records(pharmacist)
    for write in (lambda: records.save_new(pharmacist, "observations", NEWS2_SET, patient_id=patient),
                  lambda: records.save_new(pharmacist, "admission", admission_values),
                  lambda: medication.record_dose(pharmacist, amox, AMOX_DOSE, overrides=ALLERGY)):
        with pytest.raises(PermissionDenied):
            write()
    assert _records(pharmacist) == count
    assert medication.orders(pharmacist.db, patient, pharmacist.clock())  # reads the chart


def test_a_students_supervised_dose_exports_naming_the_student_and_the_nurse_by_role(sign_in, medication_ward,
                                                                                      tmp_path):
    import json

    from downtime.sync.export import export

    _, amox, _ = medication_ward
    student = sign_in("student")
    saved = medication.record_dose(student, amox, AMOX_DOSE, overrides=ALLERGY, witness=("nurse", "1111"))
    bundle = json.loads((export(student, tmp_path / "out").folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    (given,) = [entry["resource"] for entry in bundle["entry"] if entry["fullUrl"] == f"urn:uuid:{saved.record_id}"]
    assert [performer["actor"]["display"] for performer in given["performer"]] == [
        "Lucas Girard (student nurse)", "Hélène Lefèvre (ward nurse)"]
