"""While the doctor's plan is comfort care only (end of life), the charts stop asking what the
plan decided against. Slow breathing and drowsiness are expected in the last hours (NICE NG31):
the pain chart's opioid rule told the nurse to stop the anticipatory morphine and give naloxone,
which brings back pain and withdrawal in a patient on regular opioids (NHS/PSA/W/2014/016), and
questioned the next dose; the handover sheet asked the doctor's VTE risk assessment of a dying
patient, which NICE NG89 does not ask at the end of life and the escalation list already left out."""

from datetime import datetime

from downtime.domain.medication import Check
from downtime.services import (
    cd_register,
    census,
    chart_alerts,
    medication,
    pain,
    printing,
    records,
    since_admission,
)
from tests.pdf_text import pdf_text
from tests.test_observation_plan import dying, plan  # noqa: F401  (the fixture)

WITNESS = ("doctor", "2222")
SLOWED = {"assessed_at": "2026-11-28T14:50+01:00", "scale": "numeric", "score_numeric": 6, "where": "generalised",
          "action": ["analgesia"], "reassess_in": "30", "sedation": "3", "breathing_rate": 8}
NEXT_DOSE = {"outcome": "given", "given_at": "2026-11-28T16:05+01:00", "given_for": "agitation in pain",
             "dose_given": 2.5, "route": "SC"}


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _anticipatory_morphine(nurse, doctor, patient: str, clock) -> str:
    """Anticipatory morphine 2.5 mg SC as required, one dose given at 14:05 (the observations of
    12:00 finding the patient roused by voice: the doctor's decision kept), and the pain chart at
    14:50 finding sedation 3 and breathing 8 a minute."""
    order = records.save_new(doctor, "medication_order", {
        "drug": "Morphine", "dose": 2.5, "dose_unit": "mg", "route": "SC", "frequency": "prn",
        "prn_indication": "pain or breathlessness", "min_interval_hours": 1, "max_doses_24h": 6,
        "start_at": "2026-11-28T14:00+01:00", "controlled": True, "high_alert": True}, patient_id=patient).record_id
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 100, witness=WITNESS)
    clock.now = _at("2026-11-28T14:10+01:00")
    medication.record_dose(nurse, order, {**NEXT_DOSE, "given_at": "2026-11-28T14:05+01:00",
                                          "given_for": "pain, grimacing"}, witness=WITNESS,
                          overrides={"allergy": "x", "opioid_stopped": "Dr Benali: given, the last hours"})
    clock.now = _at("2026-11-28T15:00+01:00")
    records.save_new(nurse, "pain_assessment", SLOWED, patient_id=patient)
    return order


def _stopped(session, order: str) -> list[str]:
    return [one.text(session.lang) for one in medication.check_dose(session, order, NEXT_DOSE)
            if one.check is Check.OPIOID_STOPPED]


def test_on_comfort_care_slowed_breathing_asks_no_naloxone_and_no_reason_for_the_next_dose(session_for, dying,  # noqa: F811
                                                                                           clock, forms):
    nurse, doctor = session_for("nurse"), session_for("doctor")
    clock.now = _at("2026-11-28T14:00+01:00")
    records.save_new(nurse, "observation_plan", plan("comfort", "twelve_hourly"), patient_id=dying)
    order = _anticipatory_morphine(nurse, doctor, dying, clock)
    said = ("SEDATION 3/3, BREATHING 8/min on comfort care (Dr Benali, 28/11 14:00): tell the doctor if you "
            "suspect opioid toxicity")
    inside = census.in_patients(nurse.db, forms, "3B", clock.now)
    asked = [line for alert in chart_alerts.alerts(nurse.db, forms, inside, clock.now, "en", ward="3B").alerts
             if alert.form_id == pain.FORM for line in alert.said]
    assert asked == [said]
    assert said in pain.handover(nurse.db, forms, [dying], clock.now, "en")[dying]
    french = pain.handover(nurse.db, forms, [dying], clock.now, "fr")[dying]
    assert "soins de confort (Dr Benali, 28/11 14:00)" in french and "naloxone" not in french
    assert said in pain.handed_on(nurse.db, forms, dying, clock.now, "en")
    clock.now = _at("2026-11-28T16:10+01:00")
    assert _stopped(nurse, order) == []


def test_the_printed_pain_chart_on_comfort_care_asks_no_naloxone(session_for, dying, clock, tmp_path):  # noqa: F811
    """The paper chart at the bedside reads the comfort-care plan standing when it is printed, as
    the screen and the lists do: it said "stop the opioid, call the doctor, naloxone as prescribed"
    beside a handover saying comfort care."""
    nurse, doctor = session_for("nurse"), session_for("doctor")
    clock.now = _at("2026-11-28T14:00+01:00")
    records.save_new(nurse, "observation_plan", plan("comfort", "twelve_hourly"), patient_id=dying)
    _anticipatory_morphine(nurse, doctor, dying, clock)
    english = " ".join(pdf_text(printing.print_pain_chart(nurse, dying, tmp_path / "en.pdf")).split())
    assert ("on comfort care (Dr Benali, 28/11 14:00): tell the doctor if you suspect opioid toxicity" in english
            and "stop the opioid, call the doctor, naloxone as prescribed;" not in english
            and "BREATHING 8/min: stop" not in english
            and "On comfort care (the doctor's plan): tell the doctor if you suspect opioid toxicity." in english)
    french = " ".join(pdf_text(printing.print_pain_chart(session_for("nurse", lang="fr"), dying,
                                                         tmp_path / "fr.pdf")).split())
    assert "en soins de confort (Dr Benali, 28/11 14:00)" in french and "8/min : arrêter" not in french


def test_without_comfort_care_the_same_finding_still_stops_the_opioid(session_for, dying, clock, forms):  # noqa: F811
    nurse, doctor = session_for("nurse"), session_for("doctor")
    order = _anticipatory_morphine(nurse, doctor, dying, clock)
    assert ("SEDATION 3/3, BREATHING 8/min: stop the opioid, call the doctor, naloxone as prescribed"
            in pain.handover(nurse.db, forms, [dying], clock.now, "en")[dying])
    clock.now = _at("2026-11-28T16:10+01:00")
    assert len(_stopped(nurse, order)) == 1


def test_the_handover_sheet_asks_no_vte_assessment_of_a_patient_on_comfort_care(session_for, dying, clock, forms):  # noqa: F811
    nurse = session_for("nurse")
    clock.now = _at("2026-11-28T13:00+01:00")
    inside = census.in_patients(nurse.db, forms, "3B", clock.now)
    assert "VTE risk assessment" in since_admission.handover(nurse.db, inside, clock.now, "en")[dying]
    clock.now = _at("2026-11-28T14:00+01:00")
    records.save_new(nurse, "observation_plan", plan("comfort", "twelve_hourly"), patient_id=dying)
    clock.now = _at("2026-11-28T20:00+01:00")
    said = since_admission.handover(nurse.db, inside, clock.now, "en")[dying]
    assert "VTE risk assessment" not in said and "pressure ulcer risk (Braden" in said


def _said_of_pain(nurse, forms, patient: str, at: datetime) -> str:
    """The pain line's asks on the escalation list, the handover sheet and a letter handing on,
    read at `at`, one a line."""
    inside = census.in_patients(nurse.db, forms, "3B", at)
    asked = [line for alert in chart_alerts.alerts(nurse.db, forms, inside, at, "en", ward="3B").alerts
             if alert.form_id == pain.FORM for line in alert.said]
    return "\n".join([*asked, pain.handover(nurse.db, forms, [patient], at, "en")[patient],
                      *pain.handed_on(nurse.db, forms, patient, at, "en")])


def test_comfort_care_replaced_by_full_escalation_stops_the_opioid_again(session_for, dying, clock, forms):  # noqa: F811
    """The comfort care standing when the 14:50 line was made, replaced at 16:00 by full escalation
    (the patient judged opioid-toxic, not dying): read at 16:30 the lists still said comfort care
    while the MAR questioned the next dose."""
    nurse, doctor = session_for("nurse"), session_for("doctor")
    clock.now = _at("2026-11-28T14:00+01:00")
    records.save_new(nurse, "observation_plan", plan("comfort", "twelve_hourly"), patient_id=dying)
    _anticipatory_morphine(nurse, doctor, dying, clock)
    clock.now = _at("2026-11-28T16:00+01:00")
    records.save_new(nurse, "observation_plan", plan("full", "news2", "2026-11-28T16:00+01:00"), patient_id=dying)
    said = _said_of_pain(nurse, forms, dying, _at("2026-11-28T16:30+01:00"))
    assert said.count("8/min: stop the opioid, call the doctor, naloxone as prescribed") == 3
    assert "comfort care" not in said


def test_comfort_care_decided_after_the_finding_asks_no_naloxone(session_for, dying, clock, forms):  # noqa: F811
    """The finding of 14:50 charted before the doctor decided comfort care at 15:10: read at 15:30
    the lists still asked for naloxone, while the MAR no longer questioned the dose."""
    nurse, doctor = session_for("nurse"), session_for("doctor")
    order = _anticipatory_morphine(nurse, doctor, dying, clock)
    clock.now = _at("2026-11-28T15:10+01:00")
    records.save_new(nurse, "observation_plan", plan("comfort", "twelve_hourly", "2026-11-28T15:10+01:00"),
                     patient_id=dying)
    clock.now = _at("2026-11-28T15:30+01:00")
    comfort = ("SEDATION 3/3, BREATHING 8/min on comfort care (Dr Benali, 28/11 15:10): tell the doctor if you "
               "suspect opioid toxicity")
    said = _said_of_pain(nurse, forms, dying, clock.now)
    assert said.count(comfort) == 3 and "naloxone" not in said
    assert _stopped(nurse, order) == []
