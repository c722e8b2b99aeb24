"""Record wastage… offers a controlled drug's dose drawn up and charted not given, its quantity
the order's dose for the nurse to keep or correct."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from downtime.qt.main_window import MainWindow
from downtime.services import cd_register, medication

WITNESS = ("doctor", "2222")


def test_a_dose_refused_is_destroyed_witnessed_from_the_register_tab(qtbot, session_for, medication_ward, type_text):
    _, _, morphine = medication_ward
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=WITNESS)
    dose = medication.record_dose(nurse, morphine, {"outcome": "not_given", "not_given_reason": "refused",
                                                    "given_at": "2026-11-28T13:30+01:00"})
    window = MainWindow(nurse)
    qtbot.addWidget(window)
    window.show_cd_register()
    panel = window.cd_register
    QTest.keyClick(panel.waste_button, Qt.Key.Key_Space)
    dialog = panel.dialog
    number = nurse.db.execute("SELECT downtime_number FROM patients").fetchone()[0]
    assert [dialog.dose.itemText(row) for row in range(dialog.dose.count())] == [
        f"28/11/2026 13:30 — {number} — MARTIN Hélène Marie (née LEFÈVRE) — Drawn up, not given (refused): 5 mg ordered"]
    assert dialog.quantity.text() == "5"
    dialog.quantity.clear()
    type_text(dialog.quantity, "4")
    type_text(dialog.witness_id, "doctor")
    type_text(dialog.witness_pin, "2222")
    QTest.keyClick(dialog.save_button, Qt.Key.Key_Space)
    assert not dialog.isVisible() and cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 16.0
    line = cd_register.cd_lines(nurse.db, nurse.forms, "3B", "Morphine", "mg")[-1]
    assert (line.kind, line.record_id, line.note) == ("wastage", dose.record_id,
                                                      "Drawn up, not given (refused), destroyed: 4 mg")
