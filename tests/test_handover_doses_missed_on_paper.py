"""An order copied from the paper chart has its earlier doses to check there: missed over the
round's window, they are counted from the first to the last, as those with nothing to check are.
One by one, a patient's line on the handover sheet ran over one and a half pages, and the safety
points below it were lost."""

from downtime.services import census, chart_alerts, records


def test_doses_missed_to_check_on_the_paper_are_counted_from_the_first_to_the_last(session_for, medication_ward):
    patient, _, _ = medication_ward
    records.save_new(session_for("doctor"), "medication_order", {  # typed in at 14:00 on 28/11
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
        "times": "00:00 06:00 12:00 18:00", "start_at": "2026-11-27T10:00+01:00", "controlled": False,
        "high_alert": False}, patient_id=patient)
    nurse = session_for("nurse")
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    said = {lang: chart_alerts.doses_overdue(nurse.db, nurse.forms, inside, nurse.clock(), lang)[patient]
            for lang in ("en", "fr")}
    assert ("Paracetamol 1 g PO 27/11 12:00 to 28/11 00:00 (3 MISSED, over 12 h, check the paper first), 28/11 06:00 "
            "(check the paper first), 28/11 12:00 (check the paper first)") in said["en"]
    assert "Paracetamol 1 g PO du 27/11 12:00 au 28/11 00:00 (3 OMISES, plus de 12 h, vérifier d’abord le papier)" \
        in said["fr"]
