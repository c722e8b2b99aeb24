"""The dose dialog of an as-required order says the next dose the medicine's own limits allow,
and which limit it is (see tests/test_prn_status_medicine_limits.py): it said "A dose is
allowed now" two hours after a regular gram of paracetamol, and Save then questioned it."""

from downtime.qt.dose_dialog import DoseDialog
from downtime.services import medication
from tests.test_prn_status_medicine_limits import _admit, _at, _orders, _regular_given


def test_an_as_required_paracetamol_dialog_says_the_medicines_next_dose_and_why(qtbot, session_for, admission_values,
                                                                                clock, type_text):
    patient = _admit(session_for, admission_values)
    regular, prn = _orders(session_for, patient, 2, 4)  # as required every 2 h: the order allows 08:00
    nurse = session_for("nurse")
    clock.now = _at("08:00")
    _regular_given(nurse, regular, "2026-11-28T06:00+01:00")
    dialog = DoseDialog(nurse, medication.order(nurse.db, prn), None)
    qtbot.addWidget(dialog)
    dialog.show()
    said = dialog.as_required.text()
    assert ("Next dose allowed from 28/11 10:00 (in 2\u00a0h\u00a000\u00a0min) — Paracetamol: at least 4 h after the "
            "28/11 06:00 dose (Paracetamol 1 g PO)") in said
    assert "A dose is allowed" not in said and dialog.as_required.styleSheet()  # too soon: in red
    dialog.given_at.selectAll()
    type_text(dialog.given_at, "28/11/2026 10:00")
    said = dialog.as_required.text()
    assert "A dose is allowed at 28/11 10:00" in said and "Paracetamol:" not in said
    assert not dialog.as_required.styleSheet()
