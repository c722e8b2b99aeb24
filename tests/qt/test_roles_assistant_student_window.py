"""A healthcare assistant's window offers the bedside charts she keeps and no medicine tab; a
student nurse's dose dialog asks for the ward nurse supervising the dose, whatever the medicine,
and lists no student to sign a controlled drug from the paper chart."""

from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from downtime.domain.roles import Role
from downtime.services import records, staff
from downtime.services.context import Session, Vault, load_device
from tests.conftest import HCA_FORMS

SLOT = datetime.fromisoformat("2026-11-28T14:00+01:00")


@pytest.fixture
def sign_in(session_for, ward_db, db_path, forms, clock):
    """sign_in(staff_id, name, role, pin): that account added and signed in."""

    def make(staff_id: str, name: str, role: Role, pin: str) -> Session:
        staff.add_staff(session_for("admin"), staff_id, name, role, pin)
        return Session(ward_db, load_device(ward_db), staff.sign_in(ward_db, staff_id, pin, clock), forms, clock, "en",
                       vault=Vault(db_path, ward_db))

    return make


@pytest.fixture
def paracetamol(session_for, medication_ward):
    """A doctor's paracetamol 1 g PO at 14:00 for the ward's patient, neither controlled nor high-alert."""
    patient, _, _ = medication_ward
    return records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
        "times": "14:00", "start_at": "2026-11-28T10:00+01:00", "controlled": False, "high_alert": False},
        patient_id=patient).record_id


def test_an_assistants_window_has_no_medicine_tab_and_records_only_her_charts(window_for, sign_in, answers):
    window = window_for(sign_in("hca", "Manon Petit", Role.HEALTHCARE_ASSISTANT, "7777"))
    tabs = [window.tabs.tabText(index) for index in range(window.tabs.count())]
    assert tabs == ["Patients", "Theatre", "Escalation"]
    assert window.medication is None and window.cd_register is None
    assert "round" not in window.actions_by_id and "new_admission" not in window.actions_by_id
    offered = {name.removeprefix("record_") for name in window.actions_by_id if name.startswith("record_")}
    assert offered == HCA_FORMS
    assert {action.text() for action in window.record_menu.actions()} == {
        window._record_menu_text(window.session.form(form)) for form in HCA_FORMS}


def test_a_students_dose_asks_for_the_supervising_nurse_and_is_saved_with_her_pin(dose_dialog, qtbot, sign_in, paracetamol,
                                                                                   type_text):
    student = sign_in("student", "Lucas Girard", Role.STUDENT_NURSE, "8888")
    dialog = dose_dialog(student, paracetamol, SLOT)
    assert dialog.check_heading.isVisible()
    assert dialog.check_heading.text() == "Supervised by a ward nurse (student nurse's dose)"
    assert dialog.form.labelForField(dialog.witness_id).text() == "Supervising n&urse's staff ID"
    assert dialog.witness_id.isVisible() and dialog.witness_pin.isVisible() and not dialog.giver_pin.isVisible()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "Student nurse's dose: the ward nurse supervising it must confirm it with their own PIN."
    type_text(dialog.witness_id, "nurse")
    type_text(dialog.witness_pin, "1111")
    with qtbot.waitSignal(dialog.recorded) as recorded:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = recorded.args[0]
    assert (saved.author, saved.data["witness"]) == ("student", "nurse")


def test_a_nurse_choosing_a_student_as_giver_is_asked_the_students_pin_and_the_supervisor(dose_dialog, 
        qtbot, session_for, sign_in, paracetamol):
    sign_in("student", "Lucas Girard", Role.STUDENT_NURSE, "8888")
    dialog = dose_dialog(session_for("nurse"), paracetamol, SLOT)
    assert not dialog.witness_id.isVisible() and not dialog.giver_pin.isVisible()  # her own paracetamol: no check
    dialog.given_by.setCurrentIndex(dialog.given_by.findData("student"))
    assert dialog.check_heading.isVisible() and dialog.witness_id.isVisible() and dialog.giver_pin.isVisible()
    dialog.transcribed.setChecked(True)
    listed = {dialog.witness_on_paper.itemData(index) for index in range(dialog.witness_on_paper.count())}
    assert dialog.witness_on_paper.isVisible() and listed == {"", "nurse"}  # a ward nurse supervises, no doctor


def test_no_student_is_listed_as_a_controlled_drugs_witness_on_paper(dose_dialog, qtbot, session_for, sign_in, medication_ward):
    _, _, morphine = medication_ward
    sign_in("student", "Lucas Girard", Role.STUDENT_NURSE, "8888")
    dialog = dose_dialog(session_for("nurse"), morphine, SLOT)
    dialog.transcribed.setChecked(True)
    listed = {dialog.witness_on_paper.itemData(index) for index in range(dialog.witness_on_paper.count())}
    assert listed == {"", "nurse", "doctor"}
    givers = {dialog.given_by.itemData(index) for index in range(dialog.given_by.count())}
    assert "student" in givers
