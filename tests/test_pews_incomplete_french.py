"""A French ward reads the readings a PEWS set is missing as NEWS2's set says them ("incomplet,
manque : …"): "fréquence cardiaque non pris" and "SpO2 non pris : les prendre maintenant" put a
feminine reading, and a single one, in the masculine plural."""

from datetime import datetime

from downtime.services import census, pews, records

NEONATE = {"taken_at": "2026-11-28T08:00+01:00", "respiratory_rate": 45, "respiratory_effort": "mild", "spo2": 95,
           "oxygen": "room_air", "systolic_bp": 70, "capillary_refill": "under_3", "temperature": 37.0,
           "consciousness": "alert", "concern": False, "next_in": "60"}  # heart rate not taken, 8 days old


def test_the_readings_not_taken_are_said_in_french_whatever_their_gender(session_for, admit_to_paediatrics, clock):
    clock.now = datetime.fromisoformat("2026-11-28T08:05+01:00")
    baby = admit_to_paediatrics("1", "2026-11-20", 3.4, "Baby")
    nurse = session_for("nurse", "fr")
    records.save_new(nurse, pews.FORM, NEONATE, patient_id=baby)
    patient = census.patient_with_location(nurse.db, nurse.forms, baby)
    assert pews.watches(nurse.db, nurse.forms, [patient], clock.now, "fr")[baby].said == (
        "PEWS ≥ 1 (moins de 3 mois ; incomplet, manque : fréquence cardiaque) le 28/11 08:00 ; prochaine "
        "surveillance 28/11 09:00 ; SÉRIE INCOMPLÈTE (28/11 08:00), manque : fréquence cardiaque : à prendre "
        "maintenant (le score ne peut qu’être plus élevé)")
