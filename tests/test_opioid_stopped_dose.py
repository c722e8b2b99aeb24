"""A dose of an opioid given while the pain chart's sedation or breathing says to stop it is
questioned at the bedside, naming the finding and its time, and needs the nurse's reason, as the
other warnings do: at 17:35, past the 4 h interval, the morphine after the 13:30 line's
"SEDATION 2/3, BREATHING 8/min: stop the opioid" was "allowed now". Once a later line finds
sedation under 2 and breathing 10 or more, or for a medicine that is no opioid, it is not."""

import pytest

from downtime.domain.medication import Check
from downtime.services import cd_register, medication, records

STOP = {"assessed_at": "2026-11-28T13:30+01:00", "scale": "numeric", "score_numeric": 6, "where": "Abdomen, wound",
        "action": ["analgesia"], "reassess_in": "30", "sedation": "2", "breathing_rate": 8}
DOSE = {"outcome": "given", "given_at": "2026-11-28T17:35+01:00", "given_for": "pain 6/10", "dose_given": 5.0,
        "route": "SC"}


def _stopped(nurse, order_id: str, dose: dict) -> list[str]:
    return [w.text(nurse.lang) for w in medication.check_dose(nurse, order_id, dose) if w.check is Check.OPIOID_STOPPED]


def test_an_opioid_after_the_pain_chart_said_stop_needs_a_reason_naming_the_finding(session_for, medication_ward,
                                                                                   clock):
    patient, _, morphine = medication_ward
    nurse, doctor = session_for("nurse"), session_for("doctor")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 100, witness=("doctor", "2222"))
    medication.record_dose(nurse, morphine, {**DOSE, "given_at": "2026-11-28T13:20+01:00"}, witness=("doctor", "2222"))
    records.save_new(nurse, "pain_assessment", STOP, patient_id=patient)
    records.save_new(nurse, "pain_assessment", {**STOP, "assessed_at": "2026-11-28T14:00+01:00", "score_numeric": 4,
                                                "action": ["non_drug"], "reassess_in": "240", "sedation": None,
                                                "breathing_rate": None}, patient_id=patient)
    clock.now = clock.now.replace(hour=17, minute=35)
    assert _stopped(nurse, morphine, DOSE) == [
        "Morphine: the pain chart at 28/11 13:30 says SEDATION 2/3, BREATHING 8/min: stop the opioid, call the doctor, "
        "naloxone as prescribed."]
    assert "SÉDATION 2/3, FRÉQUENCE RESPIRATOIRE 8/min" in _stopped(session_for("nurse", "fr"), morphine, DOSE)[0]
    assert _stopped(nurse, morphine, {**DOSE, "transcribed": True, "given_by": "nurse"}) == []  # from the paper chart
    paracetamol = records.save_new(doctor, "medication_order", {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "prn",
        "prn_indication": "pain", "min_interval_hours": 6, "max_doses_24h": 4, "start_at": "2026-11-27T10:00+01:00",
        "controlled": False, "high_alert": False}, patient_id=patient).record_id
    assert _stopped(nurse, paracetamol, {**DOSE, "dose_given": 1.0, "route": "PO"}) == []
    with pytest.raises(medication.OverrideNeeded):
        medication.record_dose(nurse, morphine, DOSE, witness=("doctor", "2222"))
    saved = medication.record_dose(nurse, morphine, DOSE, witness=("doctor", "2222"),
                                   overrides={Check.OPIOID_STOPPED: "Dr Martin reviewed: awake, breathing 14"})
    assert saved.data["overrides"] == [{"check": "opioid_stopped", "reason": "Dr Martin reviewed: awake, breathing 14"}]


def test_an_opioid_is_not_questioned_once_a_later_line_finds_the_patient_out_of_danger(session_for, medication_ward,
                                                                                     clock):
    patient, _, morphine = medication_ward
    nurse = session_for("nurse")
    records.save_new(nurse, "pain_assessment", STOP, patient_id=patient)
    clock.now = clock.now.replace(hour=17, minute=35)
    records.save_new(nurse, "pain_assessment", {**STOP, "assessed_at": "2026-11-28T15:00+01:00", "score_numeric": 6,
                                                "action": ["doctor"], "reassess_in": "60", "sedation": "1",
                                                "breathing_rate": 12}, patient_id=patient)
    assert _stopped(nurse, morphine, DOSE) == []
    assert len(_stopped(nurse, morphine, {**DOSE, "given_at": "2026-11-28T14:30+01:00"})) == 1  # before it cleared
