"""Supplied to take home… in the register tab: a controlled drug handed to a patient going home,
witnessed, the line naming the patient; refused above the page's balance, the dialog staying
open to correct it."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from downtime.qt.main_window import MainWindow
from downtime.services import cd_register
from downtime.storage.records import downtime_numbers

WITNESS = ("doctor", "2222")


def test_a_supply_to_take_home_is_written_from_the_register_tab(qtbot, session_for, medication_ward, type_text):
    patient = medication_ward[0]
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Oxycodone 5 mg capsule", "capsule", 28, witness=WITNESS)
    number = downtime_numbers(nurse.db, [patient])[patient]
    window = MainWindow(nurse)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_cd_register()
    panel = window.cd_register
    assert [stock.drug for stock in panel.stock.rows] == ["Morphine", "Oxycodone 5 mg capsule"]
    table = panel.stock_table
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(panel.stock.index(1, 0)).center())
    assert panel.supply_button.isVisible() and panel.supply_button.isEnabled()
    QTest.keyClick(panel.supply_button, Qt.Key.Key_Space)
    dialog = panel.dialog
    assert dialog.windowTitle() == "Supplied to take home: Oxycodone 5 mg capsule (capsule)"
    assert [dialog.patient.itemText(row) for row in range(dialog.patient.count())] == [
        f"{number} — MARTIN Hélène Marie (née LEFÈVRE) — bed 12"]
    type_text(dialog.quantity, "30")
    type_text(dialog.witness_id, "doctor")
    type_text(dialog.witness_pin, "2222")
    QTest.keyClick(dialog.save_button, Qt.Key.Key_Space)
    assert dialog.isVisible()
    assert "ward 3B holds 28 capsule of Oxycodone 5 mg capsule; 30 capsule cannot be supplied" in dialog.error.text()
    dialog.quantity.clear()
    type_text(dialog.quantity, "14")
    type_text(dialog.witness_pin, "2222")
    QTest.keyClick(dialog.save_button, Qt.Key.Key_Space)
    assert not dialog.isVisible()
    assert cd_register.cd_balance(nurse.db, "3B", "Oxycodone 5 mg capsule", "capsule") == 14.0
    assert panel.lines.texts(panel.lines.rowCount() - 1)[1:7] == (
        f"Supplied to {number} to take home", "-14", "14", "Hélène Lefèvre", "Dr Karim Benali",
        f"{number} — MARTIN Hélène Marie (née LEFÈVRE)")

