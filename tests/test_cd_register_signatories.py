"""Who signs a line of the controlled-drug register: its first signatory is a ward nurse or a
doctor, never a student nurse nor an assistant (a student wrote stock received and a
discrepancy with one registered signature on them); its witness may be the pharmacist for stock
received and a count, though never for a patient's dose."""

import pytest

from downtime.services import cd_register, medication
from downtime.services.errors import PermissionDenied, ServiceError
from tests.test_roles_assistant_student import MORPHINE_DOSE, sign_in  # noqa: F401 (the fixture)

NURSE = ("nurse", "1111")
PHARMACIST = ("pharmacist", "9090")


def test_a_student_nurse_is_no_first_signatory_of_the_register(sign_in, session_for, medication_ward):  # noqa: F811
    patient, _, morphine = medication_ward
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 100, witness=("doctor", "2222"))
    dose = medication.record_dose(nurse, morphine, MORPHINE_DOSE, witness=("doctor", "2222"))
    line = cd_register.cd_lines(nurse.db, nurse.forms, "3B", "Morphine", "mg")[0].line_id
    student = sign_in("student")
    lines = nurse.db.execute("SELECT COUNT(*) FROM cd_register").fetchone()[0]
    for write in (lambda: cd_register.cd_receive(student, "3B", "Morphine", "mg", 100, witness=NURSE),
                  lambda: cd_register.cd_count(student, "3B", "Morphine", "mg", 95, witness=NURSE),
                  lambda: cd_register.cd_count(student, "3B", "Morphine", "mg", 80, witness=NURSE,
                                               discrepancy_note="told Sr Dubois"),
                  lambda: cd_register.cd_supply(student, "3B", "Morphine", "mg", 10, patient, witness=NURSE),
                  lambda: cd_register.cd_waste(student, dose.record_id, 5.0, witness=NURSE),
                  lambda: cd_register.cd_strike(student, str(line), "wrong page", witness=NURSE)):
        with pytest.raises(ServiceError) as refused:
            write()
        assert refused.value.text("en") == (
            "Controlled-drug register: a line of the register is written by a ward nurse or a doctor, its witness the "
            "second signature; Lucas Girard is a student nurse.")
    assert nurse.db.execute("SELECT COUNT(*) FROM cd_register").fetchone()[0] == lines
    with pytest.raises(PermissionDenied):  # an assistant records no care at all
        cd_register.cd_receive(sign_in("hca"), "3B", "Morphine", "mg", 100, witness=NURSE)


def test_a_students_supervised_dose_still_comes_off_the_register(sign_in, session_for, medication_ward):  # noqa: F811
    _, _, morphine = medication_ward
    cd_register.cd_receive(session_for("nurse"), "3B", "Morphine", "mg", 100, witness=("doctor", "2222"))
    medication.record_dose(sign_in("student"), morphine, MORPHINE_DOSE, witness=NURSE)
    assert cd_register.cd_balance(session_for("nurse").db, "3B", "Morphine", "mg") == 95.0


def test_the_pharmacist_witnesses_stock_received_a_count_and_a_discrepancy(sign_in, session_for,  # noqa: F811
                                                                             medication_ward):
    sign_in("pharmacist")
    nurse = session_for("nurse")
    assert cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 100, witness=PHARMACIST) == 100.0
    assert cd_register.cd_count(nurse, "3B", "Morphine", "mg", 100, witness=PHARMACIST) == 100.0
    assert cd_register.cd_count(nurse, "3B", "Morphine", "mg", 90, witness=PHARMACIST,
                                discrepancy_note="investigated with the pharmacist") == 90.0
    assert [(line.kind, line.witness) for line in cd_register.cd_lines(nurse.db, nurse.forms, "3B", "Morphine", "mg")] \
        == [("receipt", "pharmacist"), ("count", "pharmacist"), ("discrepancy", "pharmacist")]


def test_the_pharmacist_witnesses_no_dose(sign_in, session_for, medication_ward):  # noqa: F811
    _, _, morphine = medication_ward
    sign_in("pharmacist")
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 100, witness=PHARMACIST)
    with pytest.raises(ServiceError) as refused:
        medication.record_dose(nurse, morphine, MORPHINE_DOSE, witness=PHARMACIST)
    assert refused.value.text("en") == ("Controlled drug: the witness must be a nurse or a doctor; Sophie Bernard may "
                                        "not record care.")
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 100.0


def test_a_student_is_still_no_witness_of_stock_received(sign_in, session_for, medication_ward):  # noqa: F811
    sign_in("student")
    with pytest.raises(ServiceError) as refused:
        cd_register.cd_receive(session_for("nurse"), "3B", "Morphine", "mg", 20, witness=("student", "8888"))
    assert refused.value.text("en") == ("Controlled-drug register: the witness must be a ward nurse, a doctor or a "
                                        "pharmacist; Lucas Girard is a student nurse.")
