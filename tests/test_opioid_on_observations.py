"""An opioid given when the latest observations of the last 4 hours find the breathing under 10 a
minute, or the patient roused by voice or less, is asked as the pain chart's sedation and
breathing ask it (services.medication.opioid_stopped): morphine given on the round's set of 8
breaths a minute, "V", was saved with nothing said, the pain chart having no line since. Not on an
older set, a later set breathing 10 or more and alert, nor while comfort care stands. A sedative
likewise, under its own override."""

from downtime.domain.medication import Check
from downtime.services import medication, records

SET = {"spo2": 95, "spo2_scale": "scale_1", "on_oxygen": False, "systolic_bp": 118, "diastolic_bp": 70, "pulse": 64,
       "temperature": 36.6}
DOSE = {"outcome": "given", "given_at": "2026-11-28T14:00+01:00", "dose_given": 5.0, "route": "SC",
        "given_for": "pain score 7"}


def _set(nurse, patient: str, at: str, breathing: int, conscious: str = "alert") -> None:
    records.save_new(nurse, "observations", {**SET, "respiratory_rate": breathing, "consciousness": conscious,
                                             "taken_at": at}, patient_id=patient)


def _asked(session, morphine: str, lang: str = "en") -> list[str]:
    return [w.text(lang) for w in medication.check_dose(session, morphine, DOSE) if w.check is Check.OPIOID_STOPPED]


def test_morphine_on_slow_breathing_or_drowsiness_at_the_observations_is_asked(session_for, medication_ward):
    patient, _, morphine = medication_ward
    nurse = session_for("nurse")
    _set(nurse, patient, "2026-11-28T09:00+01:00", 8, "voice")  # over 4 hours before: says nothing of now
    assert _asked(nurse, morphine) == []
    _set(nurse, patient, "2026-11-28T13:10+01:00", 8, "voice")
    assert _asked(nurse, morphine) == ["Morphine: the observations at 28/11 13:10 say BREATHING 8/min, V (Responds to "
                                       "voice): stop the opioid, call the doctor, naloxone as prescribed."]
    assert _asked(session_for("nurse", "fr"), morphine, "fr") == [
        "Morphine : les paramètres du 28/11 13:10 indiquent FRÉQUENCE RESPIRATOIRE 8/min, V (Réagit à la voix) : "
        "arrêter l’opioïde, appeler le médecin, naloxone selon la prescription."]
    _set(nurse, patient, "2026-11-28T13:30+01:00", 14, "pain")
    (said,) = _asked(nurse, morphine)
    assert "say P (Responds to pain):" in said
    _set(nurse, patient, "2026-11-28T13:45+01:00", 12, "alert")
    assert _asked(nurse, morphine) == []


def test_a_patient_on_comfort_care_is_not_asked(session_for, medication_ward):
    patient, _, morphine = medication_ward
    nurse = session_for("nurse")
    _set(nurse, patient, "2026-11-28T13:10+01:00", 7, "voice")
    records.save_new(session_for("doctor"), "observation_plan", {
        "decided_at": "2026-11-28T13:20+01:00", "decided_by": "Dr Benali", "escalation": "comfort",
        "frequency": "twelve_hourly", "discussed_with": "her daughter", "cpr_reason": "DNACPR on the paper notes"},
        patient_id=patient)
    assert _asked(nurse, morphine) == []


def test_a_sedative_on_slow_breathing_or_drowsiness_at_the_observations_is_asked(session_for, medication_ward):
    """Lorazepam at night, the evening's set finding the patient roused by voice: no sedative until
    the doctor has seen them."""
    patient = medication_ward[0]
    nurse = session_for("nurse")
    lorazepam = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Lorazepam", "dose": 1.0, "dose_unit": "mg", "route": "PO", "frequency": "prn",
        "prn_indication": "agitation", "min_interval_hours": 4, "max_doses_24h": 2,
        "start_at": "2026-11-28T10:00+01:00", "controlled": False, "high_alert": False}, patient_id=patient).record_id
    dose = {**DOSE, "dose_given": 1.0, "route": "PO", "given_for": "agitation"}
    _set(nurse, patient, "2026-11-28T13:10+01:00", 16, "voice")
    assert [w.text("en") for w in medication.check_dose(nurse, lorazepam, dose) if w.check is Check.SEDATIVE_DROWSY] == [
        "Lorazepam: the observations at 28/11 13:10 say V (Responds to voice): no sedative until the doctor has seen "
        "the patient (it deepens drowsiness and slows breathing). Give it only on the doctor's decision, named in the "
        "reason."]
    _set(nurse, patient, "2026-11-28T13:40+01:00", 16, "new_confusion")  # confused, not drowsy: not asked
    assert not [w for w in medication.check_dose(nurse, lorazepam, dose) if w.check is Check.SEDATIVE_DROWSY]
