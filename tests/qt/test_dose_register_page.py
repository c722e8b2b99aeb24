"""The dose dialog names the page of the ward's controlled-drug register a dose is taken from
when it is not the order's own, and asks which when the cupboard has more than one; a page of
another form or release is the nurse's to choose, warned; one of another tablet's strength is the
order's, unasked."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from downtime.qt.dose_dialog import DoseDialog
from downtime.services import cd_register, medication, records

WITNESS = ("doctor", "2222")


@pytest.fixture
def two_pages(session_for, medication_ward):
    """The ward's morphine order ("Morphine") and two pages of morphine in its cupboard, neither
    the order's own: (nurse, order id)."""
    _, _, morphine = medication_ward
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Morphine 10 mg/ml injection", "mg", 20, witness=WITNESS)
    cd_register.cd_receive(nurse, "3B", "Oramorph", "mg", 100, witness=WITNESS)
    return nurse, morphine


def _dialog(qtbot, session, order_id, type_text):
    dialog = DoseDialog(session, medication.order(session.db, order_id), None)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    type_text(dialog.given_for, "pain 7/10")
    type_text(dialog.witness_id, "doctor")
    type_text(dialog.witness_pin, "2222")
    return dialog


def test_the_nurse_chooses_between_two_pages_of_the_orders_medicine(two_pages, qtbot, type_text):
    nurse, morphine = two_pages
    dialog = _dialog(qtbot, nurse, morphine, type_text)
    box = dialog.register_page
    assert box.isVisible() and [box.itemText(i) for i in range(box.count())] == [
        "", "Morphine 10 mg/ml injection — ward 3B holds 20 mg", "Oramorph — ward 3B holds 100 mg"]
    assert dialog.save() is None
    assert dialog.error.text() == ("Controlled-drug register: ward 3B keeps Morphine on more than one page in mg "
                                   "(Morphine 10 mg/ml injection, Oramorph); choose the page the dose was taken from.")
    type_text(dialog.witness_pin, "2222")  # cleared when refused
    QTest.keyClick(dialog, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is box
    QTest.keyClick(box, Qt.Key.Key_End)
    saved = dialog.save()
    assert saved is not None
    assert cd_register.cd_balance(nurse.db, "3B", "Oramorph", "mg") == 95.0
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine 10 mg/ml injection", "mg") == 20.0


def test_a_page_named_otherwise_than_the_order_is_shown_chosen_and_the_orders_own_is_not_asked(
        session_for, medication_ward, qtbot, type_text):
    _, _, morphine = medication_ward
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Morphine sulfate", "mg", 100, witness=WITNESS)
    dialog = _dialog(qtbot, nurse, morphine, type_text)
    assert dialog.register_page.isVisible()
    assert dialog.register_page.currentText() == "Morphine sulfate — ward 3B holds 100 mg"
    assert dialog.save() is not None
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine sulfate", "mg") == 95.0

    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=WITNESS)
    both = DoseDialog(nurse, medication.order(nurse.db, morphine), None)
    qtbot.addWidget(both)
    both.show()
    qtbot.waitExposed(both)
    assert both.register_page.isVisible() and both.register_page.currentData() == "Morphine"  # its own, first


def test_the_orders_own_page_alone_is_not_asked_about(session_for, medication_ward, qtbot, type_text):
    _, _, morphine = medication_ward
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=WITNESS)
    dialog = _dialog(qtbot, nurse, morphine, type_text)
    assert not dialog.register_page.isVisible()
    assert dialog.save() is not None
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 15.0


def test_the_page_chosen_is_kept_with_the_dose_left_unsaved(two_pages, qtbot, type_text):
    nurse, morphine = two_pages
    dialog = _dialog(qtbot, nurse, morphine, type_text)
    dialog.register_page.setCurrentIndex(dialog.register_page.findData("Oramorph"))
    typed = dialog.typed()
    again = DoseDialog(nurse, medication.order(nurse.db, morphine), None)
    qtbot.addWidget(again)
    assert again.register_page.currentData() is None
    again.restore(typed, nurse.clock())
    assert again.register_page.currentData() == "Oramorph"


def _prn_order(session_for, patient, drug):
    """An as-required order by mouth of `drug`, 10 mg, a controlled drug."""
    return records.save_new(session_for("doctor"), "medication_order", {
        "drug": drug, "dose": 10.0, "dose_unit": "mg", "route": "PO", "frequency": "prn",
        "prn_indication": "pain score > 4", "min_interval_hours": 4, "max_doses_24h": 4,
        "start_at": "2026-11-27T10:00+01:00", "controlled": True, "high_alert": False}, patient_id=patient).record_id


@pytest.mark.parametrize(("ordered", "page", "unit", "received", "said", "left"), [
    # The ward's only morphine page the oral solution's, for the ward's morphine order SC.
    (None, "Oramorph", "mg", 100, "Oramorph (oral) for a SC dose: choose the injection's page, or receive the "
                                  "injection's stock first.", 95.0),
    # A modified-release order, the ward's page immediate release.
    ("Zomorph", "Oramorph", "mg", 100, "Oramorph is immediate release and the order, Zomorph, modified release: "
                                       "choose the page of the modified release form, or receive its stock first.", 90.0),
    # An order stating no release, the ward's page the 12-hour capsules: it was the only one offered
    # and taken unasked, a capsule of slow morphine gone for a dose of the immediate-release liquid.
    ("Morphine", "Zomorph 10 mg capsule", "capsule", 28, "Zomorph 10 mg capsule is modified release and the order, "
                                                         "Morphine, states none: choose the page only if that is what "
                                                         "was given.", 27.0),
], ids=["oral page for a dose SC", "immediate release for a modified-release order", "modified release, none ordered"])
def test_a_page_of_another_form_or_release_is_chosen_only_by_the_nurse_and_said_so(
        session_for, medication_ward, qtbot, type_text, ordered, page, unit, received, said, left):
    order_id = medication_ward[2] if ordered is None else _prn_order(session_for, medication_ward[0], ordered)
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", page, unit, received, witness=WITNESS)
    dialog = _dialog(qtbot, nurse, order_id, type_text)
    box = dialog.register_page
    assert box.isVisible() and box.currentData() is None and not dialog.page_warning.isVisible()
    assert dialog.save() is None
    assert f"Controlled-drug register: {said}" in dialog.error.text()
    assert cd_register.cd_balance(nurse.db, "3B", page, unit) == received
    box.setCurrentIndex(box.findData(page))
    assert dialog.page_warning.isVisible() and dialog.page_warning.text() == f"Controlled-drug register: {said}"
    type_text(dialog.witness_pin, "2222")  # cleared when refused
    assert dialog.save() is not None
    assert cd_register.cd_balance(nurse.db, "3B", page, unit) == left


def test_the_wards_only_page_of_another_tablets_strength_is_the_orders(session_for, medication_ward, qtbot,
                                                                      type_text):
    """"Oxycodone 10 mg" ordered, the ward's page "Oxycodone 5 mg capsule": two capsules, no
    warning; it was refused as another strength, the nurse sent to receive stock on a new page."""
    nurse, order_id = session_for("nurse"), _prn_order(session_for, medication_ward[0], "Oxycodone 10 mg")
    cd_register.cd_receive(nurse, "3B", "Oxycodone 5 mg capsule", "capsule", 28, witness=WITNESS)
    dialog = _dialog(qtbot, nurse, order_id, type_text)
    assert dialog.register_page.currentData() == "Oxycodone 5 mg capsule" and not dialog.page_warning.isVisible()
    assert dialog.save() is not None
    assert cd_register.cd_balance(nurse.db, "3B", "Oxycodone 5 mg capsule", "capsule") == 26.0
