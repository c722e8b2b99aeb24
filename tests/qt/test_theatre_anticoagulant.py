"""The board's patient tooltip gives the anticoagulants the medication chart has in force, under
the allergies, as the printed list does."""

from PySide6.QtCore import Qt

from downtime.qt.theatre_panel import PATIENT, DayModel
from downtime.services import records, theatre, wards

APIXABAN = {"drug": "Apixaban", "dose": 5.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
            "times": "08:00 20:00", "start_at": "2026-11-28T13:00+01:00", "controlled": False, "high_alert": True}


def test_the_patient_tooltip_says_the_anticoagulant_in_force(qtbot, session_for, admission_values):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    patient = records.save_new(session_for("nurse"), "admission", admission_values).patient_id
    records.save_new(session_for("doctor"), "medication_order", APIXABAN, patient_id=patient)
    coord = session_for("coord")
    t1 = records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery", "starts_at": "2026-11-30T08:00+01:00",
        "ends_at": "2026-11-30T13:00+01:00"}).record_id
    booking = theatre.book(coord, patient, {
        "procedure": "Inguinal hernia repair", "laterality": "left", "priority": "elective",
        "decided_at": "2026-10-01T10:00+01:00", "surgeon": "Dr Roux", "session": t1,
        "planned_start": "2026-11-30T08:00+01:00", "expected_minutes": 60}).record_id
    model = DayModel(coord)
    model.set_rows([("T1", theatre.booking_line(coord.db, coord.forms, booking, coord.clock()))])
    tip = model.data(model.index(0, PATIENT), Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines()[1:] == ["Allergies: Penicillin (Rash, moderate)", "ANTICOAGULANT: Apixaban"]
