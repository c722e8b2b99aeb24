"""After a refused save the keyboard is on the box the message names, as in the dose dialog and
the forms: in the change of rate, the controlled-drug register's entries and the records
office's "not to be entered", it stayed where Enter was pressed, a Tab or two from the box to
correct."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from downtime.services import back_entry, cd_register, medication
from tests.test_back_entry import office_asking_the_ward
from tests.test_infusion_rates import syringe_running  # noqa: F401 (a fixture)


def _shown(qtbot, dialog: QDialog) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)


def _typed_then_enter(box: QLineEdit, text: str) -> None:
    box.setFocus()
    QTest.keyClicks(box, text)
    QTest.keyClick(box, Qt.Key.Key_Return)


def test_a_rate_change_refused_puts_the_keyboard_on_its_time_or_its_rate(qtbot, syringe_running):
    from downtime.qt.rate_dialog import RateDialog

    nurse, patient, driver = syringe_running
    order = medication.order(nurse.db, driver)
    bag = [dose for dose in medication.administrations(nurse.db, patient) if dose.order_id == driver][-1]
    dialog = RateDialog(nurse, order, bag)
    _shown(qtbot, dialog)
    dialog.changed_at.setText("31/02/2026 25:00")
    _typed_then_enter(dialog.rate, "0.9")
    assert dialog.isVisible() and dialog.error.text().startswith("Time changed")
    assert QApplication.focusWidget() is dialog.changed_at
    dialog.changed_at.setText(dialog.filled_in)
    dialog.rate.setText("abc")
    _typed_then_enter(dialog.reason, "x")
    assert dialog.error.text().startswith("New rate")
    assert QApplication.focusWidget() is dialog.rate


def test_a_quantity_refused_puts_the_keyboard_on_it(qtbot, syringe_running):
    from downtime.qt.cd_register_panel import CdEntryDialog

    nurse = syringe_running[0]
    stock = cd_register.cd_stock(nurse.db, nurse.forms, "3B")
    dialog = CdEntryDialog(nurse, "3B", stock, stock[0], False)
    _shown(qtbot, dialog)
    dialog.quantity.setText("1O")  # a letter O for the zero
    dialog.witness_id.setText("doctor")
    _typed_then_enter(dialog.witness_pin, "2222")
    assert dialog.isVisible() and dialog.error.text().startswith("Quantity")
    assert QApplication.focusWidget() is dialog.quantity
    dialog.quantity.setText("-5")
    _typed_then_enter(dialog.witness_pin, "")
    assert dialog.error.text().startswith("Quantity: a count")
    assert QApplication.focusWidget() is dialog.quantity


def test_a_wastage_the_register_refuses_puts_the_keyboard_on_its_quantity(qtbot, medication_ward, session_for):
    """Nothing, or more than the 5 mg dose, discarded: the register refuses the quantity, yet the
    keyboard stayed on the witness's PIN, cleared. A wrong PIN keeps it there, for the witness."""
    from downtime.qt.cd_register_panel import WastageDialog

    _, _, morphine = medication_ward
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=("doctor", "2222"))
    medication.record_dose(nurse, morphine, {"outcome": "not_given", "not_given_reason": "refused",
                                             "given_at": "2026-11-28T13:30+01:00"})
    stock = cd_register.cd_stock(nurse.db, nurse.forms, "3B")
    dialog = WastageDialog(nurse, stock[0], cd_register.cd_doses_to_waste(nurse, "3B", "Morphine", "mg"))
    _shown(qtbot, dialog)
    dialog.witness_id.setText("doctor")
    for quantity, said in (("0", "above zero"), ("50", "at most 5")):
        dialog.quantity.setText(quantity)
        _typed_then_enter(dialog.witness_pin, "2222")
        assert dialog.isVisible() and said in dialog.error.text()
        assert QApplication.focusWidget() is dialog.quantity
    dialog.quantity.setText("5")
    _typed_then_enter(dialog.witness_pin, "9999")
    assert dialog.isVisible() and "PIN" in dialog.error.text()
    assert QApplication.focusWidget() is dialog.witness_pin


def test_a_strike_refused_for_want_of_a_reason_puts_the_keyboard_on_the_reason(qtbot, syringe_running):
    from downtime.qt.cd_register_panel import StrikeDialog

    nurse = syringe_running[0]
    stock = cd_register.cd_stock(nurse.db, nurse.forms, "3B")[0]
    dialog = StrikeDialog(nurse, stock, cd_register.cd_lines_to_strike(nurse.db, nurse.forms, "3B", stock.drug,
                                                                       stock.unit))
    _shown(qtbot, dialog)
    dialog.witness_id.setText("doctor")
    _typed_then_enter(dialog.witness_pin, "2222")
    assert dialog.isVisible() and dialog.error.text().startswith("Say why")
    assert QApplication.focusWidget() is dialog.note


def test_the_wards_answer_refused_puts_the_keyboard_on_the_box_left_empty(qtbot, tmp_path, laptop, clock,
                                                                          admission_values):
    from downtime.qt.not_entered_dialog import NotEnteredDialog

    office, flagged = office_asking_the_ward(tmp_path, laptop, clock, admission_values)
    (work,) = [(patient, item) for patient in back_entry.worklist(office) for item in patient.items
               if item.record.record_id == flagged[1]]
    dialog = NotEnteredDialog(office, work[1], work[0].patient)
    _shown(qtbot, dialog)
    _typed_then_enter(dialog.ward_said, "Sr Dubois")
    assert dialog.isVisible() and dialog.problem.text().startswith("Give the ward's reason")
    assert QApplication.focusWidget() is dialog.reason
