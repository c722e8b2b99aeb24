"""The Alerts tab's and the escalation list's patients who left, listed by name as people file
names (services.search.sort_key): ÉVRARD came after ZOLA (R3 #2)."""

from datetime import datetime

from downtime.services import chart_alerts, medication, records, wards

SALINE = {"drug": "Sodium chloride 0.9%", "dose": 1000.0, "dose_unit": "mL", "route": "IV", "form": "infusion",
          "rate_ml_h": 125.0, "frequency": "scheduled", "times": "08:00", "start_at": "2026-11-28T08:00+01:00",
          "controlled": False, "high_alert": False}


def test_the_patients_who_left_are_listed_with_their_letter(session_for, admission_values, clock):
    """Mme Zola and Mme Évrard each went home at 13:30 with a drip never charted stopped."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse, doctor = session_for("nurse"), session_for("doctor")
    clock.now = datetime.fromisoformat("2026-11-28T08:05+01:00")
    for bed, name in (("1", "Zola"), ("2", "Évrard"), ("3", "Dupont")):
        patient = records.save_new(nurse, "admission", {
            **admission_values, "birth_name": name, "used_name": "", "bed": bed, "nir": "",
            "identity_status": "provisional", "arrival_at": "2026-11-27T09:00+01:00"}).patient_id
        order = records.save_new(doctor, "medication_order", SALINE, patient_id=patient).record_id
        medication.record_dose(nurse, order, {"outcome": "given", "given_at": "2026-11-28T08:00+01:00",
                                              "scheduled_for": "2026-11-28T08:00+01:00", "dose_given": 1000.0,
                                              "route": "IV", "rate_ml_h": 125.0})
        records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T08:01+01:00", "destination": "home",
                                              "letter_given": True, "medicines_given": True}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    left = chart_alerts.left_untold(nurse.db, nurse.forms, [], "3B", "en", {}, at=clock.now)
    assert [alert.patient.display_name.split()[0] for alert in left] == ["DUPONT", "ÉVRARD", "ZOLA"]
