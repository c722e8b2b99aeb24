"""What a warfarin dose is asked of the INR (anticoagulation.inr_warnings), said on the ward's
clock, not on the fixed offset the dose was typed with: the evening after the clocks went back,
the 18:00 warfarin (typed +01:00) said the 5.8 received at 20:00 the evening before (+02:00)
"received 24/10 19:00", and the sample sent at 06:00 "sent 24/10 05:00", the nurse ringing the lab
about an hour no sample was taken at."""

from datetime import datetime

from downtime.domain.medication import Check
from downtime.services import records, theatre
from tests.test_anticoagulation import APIXABAN, WARFARIN_RULE, _asked, _dose, _inr, _order

GIVEN = _dose("2026-10-25T18:05+01:00", "2026-10-25T18:00+01:00", 3.0, "PO", decided_on="INR 2.4")


def _warfarin(session_for, patient_on_the_clock, clock) -> tuple[str, str]:
    patient = patient_on_the_clock(datetime(2026, 10, 24, 5, 0), "2026-10-24T04:00+02:00")
    order = _order(session_for("doctor"), patient, drug="Warfarin", dose=5.0, route="PO", times="18:00",
                   dose_rule=WARFARIN_RULE, indication="atrial fibrillation", start_at="2026-10-24T04:30+02:00")
    return patient, order


def test_a_high_inr_of_the_summer_evening_is_said_at_its_hour(session_for, patient_on_the_clock, clock):
    patient, order = _warfarin(session_for, patient_on_the_clock, clock)
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-10-24T20:05+02:00")
    _inr(nurse, patient, "2026-10-24T20:00+02:00", "5.8")
    clock.now = datetime.fromisoformat("2026-10-25T18:05+01:00")
    assert _asked(nurse, order, GIVEN, Check.INR_HIGH, Check.INR_TYPED) == [
        "Warfarin: INR 5.8 (2.0–3.0) received 24/10 20:00: hold and ask the doctor.",
        ("Warfarin: the reading typed (INR 2.4) is not the latest INR (5.8, received 24/10 20:00): check which is "
         "right before giving.")]


def test_a_sample_sent_in_summer_time_is_said_sent_at_its_hour(session_for, patient_on_the_clock, clock):
    patient, order = _warfarin(session_for, patient_on_the_clock, clock)
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-10-24T06:05+02:00")
    records.save_new(nurse, "lab_request", {
        "taken_at": "2026-10-24T06:00+02:00", "urgency": "routine", "tests": ["coagulation"],
        "taken_by": "Hélène Lefèvre", "identified_at_bedside": True}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-10-25T18:05+01:00")
    assert _asked(nurse, order, GIVEN, Check.INR_AWAITED) == [
        "Warfarin: INR AWAITED (sent 24/10 06:00): check it before giving."]


def test_an_operation_booked_after_the_clocks_go_back_is_said_at_its_hour(session_for, patient_on_the_clock, clock):
    """Apixaban given at 10:00 on 24/10 (+02:00) said an operation at 08:00 on 26/10 (+01:00) "26/10 09:00"."""
    patient = patient_on_the_clock(datetime(2026, 10, 24, 5, 0), "2026-10-24T04:00+02:00")
    coord, doctor, nurse = session_for("coord"), session_for("doctor"), session_for("nurse")
    apixaban = _order(doctor, patient, **APIXABAN, start_at="2026-10-24T04:30+02:00")
    listed = records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery", "starts_at": "2026-10-26T08:00+01:00",
        "ends_at": "2026-10-26T13:00+01:00"}).record_id
    theatre.book(coord, patient, {
        "procedure": "Inguinal hernia repair", "laterality": "left", "priority": "elective",
        "decided_at": "2026-10-01T10:00+02:00", "surgeon": "Dr Roux", "session": listed,
        "planned_start": "2026-10-26T08:00+01:00", "expected_minutes": 60})
    clock.now = datetime.fromisoformat("2026-10-24T10:05+02:00")
    assert _asked(nurse, apixaban, _dose("2026-10-24T10:00+02:00", "2026-10-24T08:00+02:00", 5.0, "PO"),
                  Check.BEFORE_OPERATION) == [
        ("Apixaban: operation booked 26/10 08:00, within 48 hours of this dose: ask the surgeon or anaesthetist "
         "whether to give it.")]
