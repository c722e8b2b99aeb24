"""A dose after a failed swallow screen is asked by the route it was given, not its order's."""

from downtime.domain.medication import Check
from downtime.services import medication, records
from tests.test_swallow_screen import FORM, GIVEN, LEVETIRACETAM, REFERRED


def test_a_tube_order_given_by_mouth_is_asked_and_an_oral_one_given_by_the_tube_is_not(session_for, medication_ward):
    """The screen failed at 10:20: levetiracetam ordered down the NG tube and recorded given PO was
    asked only "Route PO differs from the order (NG)", whose reason needs no word of who allowed it
    by mouth; the oral order given down the tube, as the screen asks, was said "recorded given PO"."""
    patient, _, _ = medication_ward
    nurse, doctor = session_for("nurse"), session_for("doctor")
    tube = records.save_new(doctor, "medication_order", {**LEVETIRACETAM, "route": "NG"}, patient_id=patient).record_id
    oral = records.save_new(doctor, "medication_order", {**LEVETIRACETAM, "drug": "Levetiracetam oral solution"},
                            patient_id=patient).record_id
    records.save_new(nurse, FORM, REFERRED, patient_id=patient)

    def asked(order_id: str, route: str) -> list[str]:
        return [warning.text("en") for warning in medication.check_dose(nurse, order_id, {**GIVEN, "route": route})
                if warning.check is Check.NIL_BY_MOUTH_GIVEN]

    assert asked(tube, "PO") == [
        "Levetiracetam is recorded given PO at 14:00, and the patient failed the swallow screen at 10:20: no "
        "medicines by mouth. Give it by another route the doctor decides, or say who allowed it by mouth (doctor, "
        "SLT) in the reason."]
    assert asked(oral, "NG") == []
