"""The Sepsis Six's IV antibiotics and the medication chart: an IV antibacterial dose recorded given
on the chart counts for them, and the screening's line names it; an antibiotics time typed on the
screening that no dose on the chart matches is said on the escalation list and warned at that
antibiotic's next dose; and an antibiotics time with no antibiotic prescribed is refused."""

from datetime import datetime

import pytest

from downtime.domain.medication import Check
from downtime.services import census, chart_alerts, medication, records, sepsis
from downtime.services.errors import ValidationFailed

READINGS = {"taken_at": "2026-11-28T13:00+01:00", "respiratory_rate": 22, "spo2": 95, "spo2_scale": "scale_1",
            "on_oxygen": False, "systolic_bp": 104, "pulse": 112, "consciousness": "alert", "temperature": 38.6}
# NEWS2 7: red flag sepsis with an infection likely. Everything but the antibiotics done and reviewed.
SCREEN = {"screened_at": "2026-11-28T13:20+01:00", "infection": "likely", "source": "chest", **READINGS,
          "cultures_at": "2026-11-28T13:22+01:00", "fluids_at": "2026-11-28T13:22+01:00",
          "lactate_at": "2026-11-28T13:22+01:00", "urine_at": "2026-11-28T13:22+01:00", "not_needed": ["oxygen"],
          "reviewed_by": "Dr Benali", "reviewed_at": "2026-11-28T13:25+01:00"}
LINE = "Sepsis screen 28/11 13:20 (NEWS2 7): RED FLAG SEPSIS"
REVIEWED = "reviewed by Dr Benali 28/11 13:25"
UNCHARTED = ("ANTIBIOTIC TIMED ON THE SEPSIS SCREENING 28/11 13:40, NOT ON THE MEDICATION CHART: chart the dose given, "
             "or the next nurse may give it again")


def _order(session_for, patient, drug="Clarithromycin", route="IV", start_at="2026-11-28T13:30+01:00"):
    return records.save_new(session_for("doctor"), "medication_order", {
        "drug": drug, "dose": 500.0, "dose_unit": "mg", "route": route, "frequency": "once", "start_at": start_at,
        "indication": "Sepsis, chest source", "controlled": False, "high_alert": False}, patient_id=patient).record_id


def _dose(given_at, outcome="given", scheduled_for="2026-11-28T13:30+01:00"):
    if outcome == "given":
        return {"outcome": outcome, "given_at": given_at, "scheduled_for": scheduled_for, "dose_given": 500.0,
                "route": "IV"}
    return {"outcome": outcome, "given_at": given_at, "scheduled_for": scheduled_for, "not_given_reason": "refused"}


def _alerts(nurse, lang="en"):
    """The escalation list's sepsis lines (a dose refused is on it too, asking for the prescriber)."""
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    return [(alert.latest, alert.said) for alert in
            chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), lang, ward="3B").alerts
            if alert.form_id == sepsis.FORM]


def test_an_iv_antibiotic_given_on_the_medication_chart_counts_for_the_sepsis_six_and_is_named(
        session_for, patient, clock):
    """Red flag sepsis screened 13:20, clarithromycin 500 mg IV prescribed at 13:30 and recorded
    given on the chart at 13:40: at 14:30 the list said "SEPSIS SIX OVERDUE: IV antibiotics" until
    the time was typed again on the screening. A dose refused, an oral antibiotic, or one given
    more than 6 hours before the screening (in the emergency department) does not count."""
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T13:25+01:00")
    records.save_new(nurse, "sepsis_screening", SCREEN, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T14:30+01:00")
    early = _order(session_for, patient, "Metronidazole", start_at="2026-11-28T07:00+01:00")
    medication.record_dose(nurse, early, _dose("2026-11-28T07:10+01:00", scheduled_for="2026-11-28T07:00+01:00"),
                           overrides={Check.NOT_ADMITTED: "Given in the emergency department"})
    oral = _order(session_for, patient, "Ciprofloxacin", "PO")
    medication.record_dose(nurse, oral, {**_dose("2026-11-28T13:35+01:00"), "route": "PO"})
    refused = _order(session_for, patient, "Levofloxacin")
    medication.record_dose(nurse, refused, _dose("2026-11-28T13:38+01:00", "not_given"))
    assert _alerts(nurse) == [(f"{LINE}; {REVIEWED}", ["SEPSIS SIX OVERDUE (due 28/11 14:20): IV antibiotics"])]
    medication.record_dose(nurse, _order(session_for, patient), _dose("2026-11-28T13:40+01:00"))
    assert _alerts(nurse) == []
    (inside,) = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    known = sepsis.read(nurse.db, [inside], nurse.clock())[patient]
    assert known.text("en", nurse.clock().tzinfo) == (
        f"{LINE}; IV antibiotics: Clarithromycin 500 mg IV given 28/11 13:40 (medication chart); {REVIEWED}")
    assert known.text("fr", nurse.clock().tzinfo).split(" ; ")[1] == (
        "antibiotiques IV : Clarithromycin 500 mg IV administré le 28/11 13:40 (plan d’administration)")


def test_an_antibiotic_timed_on_the_screening_and_not_on_the_chart_is_said_and_warned_at_its_dose(
        session_for, patient, clock):
    """The nurse times "3. IV antibiotics given 13:40" on the screening and not on the chart: the
    once-only clarithromycin stayed OVERDUE on the round and its dose check said nothing, so the
    next nurse gave it again. The screening's own box still counts for the Sepsis Six."""
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T13:30+01:00")
    order = _order(session_for, patient)
    clock.now = datetime.fromisoformat("2026-11-28T13:45+01:00")
    records.save_new(nurse, "sepsis_screening", {**SCREEN, "antibiotics_at": "2026-11-28T13:40+01:00"},
                     patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T14:30+01:00")
    assert _alerts(nurse) == [(f"{LINE}; IV antibiotics 28/11 13:40; {REVIEWED}", [UNCHARTED])]
    (warned,) = [warning for warning in medication.check_dose(nurse, order, _dose("2026-11-28T14:30+01:00"))
                 if warning.check is Check.TIMED_ON_SCREENING]
    assert warned.text("en") == (
        "Clarithromycin: IV antibiotics are timed on the sepsis screening at 28/11 13:40, and no dose given then is "
        "on the medication chart: if that was this dose, record it given at 28/11 13:40; do not give it again.")
    with pytest.raises(medication.OverrideNeeded):
        medication.record_dose(nurse, order, _dose("2026-11-28T14:30+01:00"))
    [option] = [option for option in nurse.form("medication_administration").field("overrides").fields[0].options
                if option.code == "timed_on_screening"]
    assert option.label.get("en") == "Antibiotic timed on the sepsis screening"
    # Recorded as given at the screening's time, it is that dose: no warning, and the list is clear.
    assert not [warning for warning in medication.check_dose(nurse, order, _dose("2026-11-28T13:40+01:00"))
                if warning.check is Check.TIMED_ON_SCREENING]
    medication.record_dose(nurse, order, _dose("2026-11-28T13:40+01:00"))
    assert _alerts(nurse) == []


def test_an_antibiotic_time_on_the_screening_is_said_for_a_day(session_for, patient, clock):
    nurse = session_for("nurse")
    _order(session_for, patient)
    records.save_new(nurse, "sepsis_screening", {**SCREEN, "antibiotics_at": "2026-11-28T13:40+01:00"},
                     patient_id=patient)
    (inside,) = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    known = sepsis.read(nurse.db, [inside], nurse.clock())[patient]
    assert known.next_change(nurse.clock()) == datetime.fromisoformat("2026-11-29T13:40+01:00")
    clock.now = datetime.fromisoformat("2026-11-29T13:40+01:00")
    assert all(UNCHARTED not in said for _, said in _alerts(nurse))


def test_an_antibiotic_time_with_no_iv_antibiotic_prescribed_is_refused(session_for, patient, forms):
    """The screening took "IV antibiotics given 13:40" for a patient prescribed none: no chart held
    the dose. An oral antibiotic, or one stopped hours before, is not one; an IV antibiotic written
    up to 30 minutes after the time (a telephone order taken as it was given) is."""
    nurse, spec = session_for("nurse"), forms["sepsis_screening"]
    timed = {**SCREEN, "antibiotics_at": "2026-11-28T13:40+01:00"}
    with pytest.raises(ValidationFailed) as refused:
        sepsis.check_prescribed(nurse, spec, patient, timed)
    assert [(error.path, error.message) for error in refused.value.errors] == [(
        "antibiotics_at", "“3. IV antibiotics given (as the doctor prescribed)”: 28/11 13:40, and no IV antibiotic "
                          "is prescribed for the patient then: have the doctor prescribe it on the medication chart (a "
                          "telephone order if need be) and chart the dose there, or correct the time.")]
    sepsis.check_prescribed(nurse, spec, patient, timed, before=timed)  # saved so before the check
    sepsis.check_prescribed(nurse, spec, patient, SCREEN)  # no antibiotics time
    _order(session_for, patient, route="PO")
    with pytest.raises(ValidationFailed):
        sepsis.check_prescribed(nurse, spec, patient, timed)
    _order(session_for, patient, start_at="2026-11-28T14:05+01:00")
    sepsis.check_prescribed(nurse, spec, patient, timed)


def test_saving_a_screening_timing_antibiotics_with_none_prescribed_is_refused(session_for, patient):
    """The box took a time for a patient prescribed no IV antibiotic."""
    nurse = session_for("nurse")
    timed = {**SCREEN, "antibiotics_at": "2026-11-28T13:40+01:00"}
    with pytest.raises(ValidationFailed, match="no IV antibiotic is prescribed"):
        records.save_new(nurse, "sepsis_screening", timed, patient_id=patient)
    _order(session_for, patient)
    records.save_new(nurse, "sepsis_screening", timed, patient_id=patient)
