"""Mark line entered in error… in the register tab: a line written in error chosen, why it was
said, a witness's PIN; the line stays on the page struck through with its reason, a line under it
gives its quantity back. A student nurse's tab offers no entry of the register."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from downtime.domain.roles import Role
from downtime.services import cd_register, staff
from downtime.services.context import Session, Vault, load_device

WITNESS = ("doctor", "2222")
PAGE = ("Morphine 10 mg/ml injection", "mg")


def _page(window, drug):
    window.show_cd_register()
    panel = window.cd_register
    table = panel.stock_table
    row = next(row for row, stock in enumerate(panel.stock.rows) if stock.drug == drug)
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(panel.stock.index(row, 0)).center())
    return panel


def test_a_receipt_on_the_wrong_page_is_marked_entered_in_error_from_the_tab(medication_ward, window_for, session_for,
                                                                             answers, type_text):
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", *PAGE, 100, witness=WITNESS)
    cd_register.cd_receive(nurse, "3B", *PAGE, 300, witness=WITNESS)
    panel = _page(window_for(nurse), PAGE[0])
    assert panel.strike_button.isVisible()
    QTest.keyClick(panel.strike_button, Qt.Key.Key_Space)
    dialog = panel.dialog
    assert dialog.windowTitle() == "Mark a line entered in error: Morphine 10 mg/ml injection (mg)"
    assert [dialog.line.itemText(row) for row in range(dialog.line.count())] == [
        "28/11/2026 14:00 — Received — +300 mg", "28/11/2026 14:00 — Received — +100 mg"]
    type_text(dialog.witness_id, "doctor")
    type_text(dialog.witness_pin, "2222")
    QTest.keyClick(dialog.save_button, Qt.Key.Key_Space)
    assert dialog.isVisible() and dialog.error.text() == "Say why the line was entered in error."
    type_text(dialog.note, "30 mg/ml ampoules, wrong page")
    QTest.keyClick(dialog.save_button, Qt.Key.Key_Space)
    assert not dialog.isVisible()
    assert cd_register.cd_balance(nurse.db, "3B", *PAGE) == 100.0
    lines = panel.lines
    assert [lines.texts(row)[1:4] for row in range(lines.rowCount())] == [
        ("Received", "+100", "100"), ("Received — ENTERED IN ERROR: 30 mg/ml ampoules, wrong page", "+300", "400"),
        ("ENTERED IN ERROR: the line of 28/11/2026 14:00 struck out", "-300", "100")]
    assert lines.data(lines.index(1, 2), Qt.ItemDataRole.FontRole).strikeOut()
    assert lines.data(lines.index(0, 2), Qt.ItemDataRole.FontRole) is None


def test_a_student_nurses_register_tab_offers_no_entry(window_for, session_for, ward_db, db_path, forms, clock,
                                                       medication_ward, answers):
    """Shown because the student records care, the buttons wrote stock received and a
    discrepancy signed first by a student."""
    staff.add_staff(session_for("admin"), "student", "Lucas Girard", Role.STUDENT_NURSE, "8888")
    student = Session(ward_db, load_device(ward_db), staff.sign_in(ward_db, "student", "8888", clock), forms, clock,
                      "en", vault=Vault(db_path, ward_db))
    panel = _page(window_for(student), "Morphine")
    entries = (panel.receive_button, panel.count_button, panel.waste_button, panel.supply_button)
    assert not any(button.isVisible() for button in entries)
    assert not panel.strike_button.isVisible() and panel.print_button.isVisible()
