"""A dose not given whose nurse wrote that a doctor was told of it is not said "tell the
prescriber": "NOT GIVEN (V — Vomited: Dr Benali told, he will review at the ward round) — tell the
prescriber" stood on the escalation list and the handover for 12 hours, and the day team phoned
the doctor again; the time-critical list already said "the doctor is told, do as they said"
(R2 D4). One not told still asks it."""

from datetime import datetime

from downtime.domain.medication import Check
from downtime.services import census, chart_alerts, medication


def _vomited(nurse, order_id, slot, detail):
    medication.record_dose(nurse, order_id, {
        "outcome": "not_given", "given_at": f"2026-11-28T{slot}+01:00", "scheduled_for": f"2026-11-28T{slot}+01:00",
        "not_given_reason": "vomited", "not_given_detail": detail},
        overrides={check: "Checked with the prescriber" for check in Check})


def test_a_dose_not_given_whose_note_says_a_doctor_was_told_is_not_asked_to_tell_the_prescriber(
        session_for, medication_ward, clock):
    """28/11: the 08:00 amoxicillin vomited, "FY1 informed", said so on the list and the handover;
    the 14:00 one vomited too, no doctor named: the run of two, said at its latest, asks again."""
    patient, amoxicillin, _ = medication_ward
    nurse = session_for("nurse")
    _vomited(nurse, amoxicillin, "08:00", "FY1 informed, will review")
    inside = census.in_patients(nurse.db, nurse.forms, "3B", clock.now)

    def listed(lang="en"):
        return [(alert.latest, alert.said) for alert in chart_alerts.alerts(
            nurse.db, nurse.forms, inside, clock.now, lang, ward="3B").alerts if "Amoxicillin" in alert.latest]

    told = "NOT GIVEN (V — Vomited: FY1 informed, will review) — the doctor is told, do as they said"
    assert listed() == [("Amoxicillin 1 g IV 28/11 08:00", [told])]
    assert chart_alerts.doses_not_given(nurse.db, nurse.forms, inside, clock.now, "en") == {
        patient: f"DOSES NOT GIVEN: Amoxicillin 1 g IV 28/11 08:00: {told}"}
    assert chart_alerts.doses_not_given(nurse.db, nurse.forms, inside, clock.now, "fr")[patient].endswith(
        " — médecin prévenu, faire ce qu’il a dit")
    clock.now = datetime.fromisoformat("2026-11-28T14:10+01:00")
    _vomited(nurse, amoxicillin, "14:00", "within 10 minutes")
    assert listed() == [("Amoxicillin 1 g IV 28/11 14:00", [
        "NOT GIVEN (V — Vomited: within 10 minutes; 2 doses not given since 28/11 08:00) — tell the prescriber"])]
