"""The medicines taken before admission are reconciled within 24 hours of admission (NICE NG5
1.3.4, QS120), and a time-critical one is charted at once (NPSA RRR009, Parkinson's UK "Get It On
Time"): a Parkinson's patient's co-careldopa and a home apixaban were uncharted 30 hours after
admission, and neither the handover sheet nor anything else said so."""

from datetime import datetime

import pytest

from downtime.services import census, home_medicines, printing, records, wards

USUAL = ("Co-careldopa 25/100 1 tab 06:00 10:00 14:00 18:00 22:00\nApixaban 5 mg bd\nMetformin 1 g bd\n"
         "Ramipril 10 mg od\nNil else")


@pytest.fixture
def admitted(session_for, admission_values, clock):
    """A patient admitted to 3B at 09:00 on 28/11 with four home medicines, none charted yet."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    return records.save_new(session_for("nurse"), "admission", {
        **admission_values, "arrival_at": "2026-11-28T09:00+01:00", "usual_medicines": USUAL}).patient_id


def _sheet(session, at: datetime) -> dict[str, list[str]]:
    """The handover sheet's chart lines of ward 3B at `at`."""
    inside = [row.patient for row in census.census(session.db, session.forms, ward="3B", at=at) if row.patient]
    return printing._charted(session, inside, at, {})


def _order(doctor, patient: str, drug: str, dose: float, unit: str = "mg", **more) -> None:
    records.save_new(doctor, "medication_order", {
        "drug": drug, "dose": dose, "dose_unit": unit, "route": "PO", "frequency": "scheduled", "times": "08:00",
        "start_at": "2026-11-28T10:00+01:00", "controlled": False, "high_alert": drug == "Apixaban", **more},
        patient_id=patient)


def test_a_time_critical_home_medicine_is_asked_at_once_the_others_after_a_day(session_for, admitted, clock):
    """An hour in, the co-careldopa alone (time-critical); 30 hours in, every home medicine no
    order covers, the co-careldopa still marked time-critical; "Nil else" is no medicine."""
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T10:00+01:00")
    hour_in = " ".join(_sheet(nurse, clock.now)[admitted])
    assert ("MEDICINES TAKEN BEFORE ADMISSION NOT CHARTED since admission on 28/11 09:00 (reconcile within 24 h, "
            "NICE NG5): Co-careldopa 25/100 1 tab 06:00 10:00 14:00 18:00 22:00 (TIME-CRITICAL: prescribe now): "
            "prescriber to chart, hold or stop each") in hour_in
    assert "Apixaban" not in hour_in
    clock.now = datetime.fromisoformat("2026-11-29T15:00+01:00")
    day_in = " ".join(_sheet(nurse, clock.now)[admitted])
    assert ("Co-careldopa 25/100 1 tab 06:00 10:00 14:00 18:00 22:00 (TIME-CRITICAL: prescribe now); "
            "Apixaban 5 mg bd; Metformin 1 g bd; Ramipril 10 mg od: prescriber to chart") in day_in
    assert "Nil" not in day_in


def test_an_order_of_the_stay_written_or_stopped_reconciles_its_home_medicine(session_for, admitted, clock):
    """An order covers its home medicine whatever its dose (the prescriber decided; the letter
    asks again at going home), an order held (stopped) too; once each is covered, nothing is said.
    An order of a stay before, stopped before this admission, covers nothing."""
    doctor, nurse = session_for("doctor"), session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T10:00+01:00")
    _order(doctor, admitted, "Co-careldopa 25/100", 1.0, "tablet", times="06:00 10:00 14:00 18:00 22:00",
           time_critical=True)
    _order(doctor, admitted, "Ramipril", 2.5)
    _order(doctor, admitted, "Metformin", 1.0, "g", stop_at="2026-11-28T11:00+01:00")
    records.save_new(doctor, "medication_order", {
        "drug": "Apixaban", "dose": 5.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
        "times": "08:00", "start_at": "2026-11-20T10:00+01:00", "stop_at": "2026-11-21T10:00+01:00",
        "controlled": False, "high_alert": True}, patient_id=admitted)
    clock.now = datetime.fromisoformat("2026-11-29T15:00+01:00")
    day_in = " ".join(_sheet(nurse, clock.now).get(admitted, []))
    assert "NOT CHARTED since admission on 28/11 09:00 (reconcile within 24 h, NICE NG5): Apixaban 5 mg bd: " in day_in
    _order(doctor, admitted, "Apixaban", 2.5, start_at="2026-11-29T15:00+01:00")
    assert "BEFORE ADMISSION" not in " ".join(_sheet(nurse, clock.now).get(admitted, []))


def test_the_line_is_said_in_french(session_for, admitted, clock):
    """The French sheet says it in French."""
    nurse = session_for("nurse", "fr")
    clock.now = datetime.fromisoformat("2026-11-29T15:00+01:00")
    inside = [row.patient for row in census.census(nurse.db, nurse.forms, ward="3B", at=clock.now) if row.patient]
    said = home_medicines.handover(nurse.db, inside, clock.now, "fr")[admitted]
    assert ("TRAITEMENT HABITUEL NON PRESCRIT depuis l’admission le 28/11 09:00 (conciliation dans les 24 h, "
            "NICE NG5) : Co-careldopa 25/100 1 tab 06:00 10:00 14:00 18:00 22:00 (HORAIRE CRITIQUE : à prescrire "
            "maintenant) ; Apixaban 5 mg bd") in said
