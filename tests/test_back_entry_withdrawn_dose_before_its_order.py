"""An order and its dose entered in the EHR, then withdrawn on the ward (the dose first, from the
chart: an order is refused entered in error while a dose of it stands). The records office's list
said to withdraw the order first, its dose after: the EHR, asked to withdraw an order whose
administration it still holds, refuses or leaves the dose charted against no order."""

from downtime.services import back_entry, medication, records


def test_the_dose_is_withdrawn_in_the_ehr_before_its_order(session_for, clock, patient):
    nurse, doctor, clerk = session_for("nurse"), session_for("doctor"), session_for("records")
    order = records.save_new(doctor, "medication_order", {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "IV", "frequency": "scheduled",
        "times": "08:00 14:00 20:00", "start_at": "2026-11-28T10:00+01:00", "review_at": "2026-12-01T10:00+01:00",
        "controlled": False, "high_alert": False}, patient_id=patient)
    clock.advance(minutes=10)
    dose = medication.record_dose(nurse, order.record_id, {
        "scheduled_for": "2026-11-28T14:00+01:00", "outcome": "given", "given_at": "2026-11-28T14:05+01:00",
        "dose_given": 1.0, "route": "IV"})
    for item in [item for group in back_entry.worklist(clerk) for item in group.items]:
        back_entry.mark_entered(clerk, item.record.record_id, item.record.version, f"EHR-{item.record.form_id}")
    medication.withdraw_dose(nurse, dose.record_id, "recorded by mistake, never given")
    records.mark_entered_in_error(doctor, order.record_id, "wrong patient")
    (group,) = back_entry.worklist(clerk)
    withdraw = "withdraw in the EHR (entered in error here; version 1 was entered, EHR reference EHR-{})"
    assert [(item.record.form_id, item.to_do) for item in group.items] == [
        ("admission", "entered"),
        ("medication_administration", withdraw.format("medication_administration")),
        ("medication_order", withdraw.format("medication_order"))]
