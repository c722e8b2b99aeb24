"""The going-home letter's reconciliation compares a home medicine with its order as NICE NG5 asks
(dose, frequency, formulation), not the dose's amount alone: apixaban 5 mg twice a day at home,
charted 5 mg once, ramipril once a day charted twice, oxycodone modified release charted as
required went home unasked, read as given as taken."""

from datetime import datetime

import pytest

from downtime.services import prefill, records
from tests.test_discharge_medicines import going_home  # noqa: F401 (a fixture)

CHANGED = "taken before admission, dose changed in hospital"


def _letter(session_for, patient: str, usual: str, orders: list[dict], clock, lang: str = "en") -> list[str]:
    """The letter's home lines asked of, once `usual` is typed and `orders` written."""
    nurse, doctor = session_for("nurse"), session_for("doctor")
    admission = next(record for record in records.list_current(nurse.db, patient_id=patient)
                     if record.form_id == "admission")
    records.amend(nurse, admission.record_id, {**admission.data, "usual_medicines": usual}, "GP list")
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    for order in orders:
        records.save_new(doctor, "medication_order", {
            "dose_unit": "mg", "route": "PO", "frequency": "scheduled", "times": "08:00",
            "start_at": "2026-11-28T09:00+01:00", "controlled": False, "high_alert": False, **order},
            patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    reader = session_for("nurse", lang)
    return [line for line in prefill.first_answers(reader, reader.form("discharge"), patient)[
        "medicines_on_discharge"].splitlines() if " — " in line]


@pytest.mark.parametrize(("usual", "order"), [
    ("Apixaban 5 mg twice a day", {"drug": "Apixaban", "dose": 5.0, "high_alert": True}),
    ("Ramipril 10 mg once a day", {"drug": "Ramipril", "dose": 10.0, "times": "08:00 20:00"}),
    ("Oxycodone modified release 10 mg twice a day",
     {"drug": "Oxycodone", "dose": 10.0, "frequency": "prn", "times": None, "prn_indication": "pain",
      "min_interval_hours": 4, "max_doses_24h": 4, "controlled": True, "high_alert": True}),
    ("Metformin MR 500 mg od", {"drug": "Metformin", "dose": 500.0}),
    ("Furosemide 40 mg si besoin", {"drug": "Furosemide", "dose": 40.0}),
    ("Amlodipine 5 mg 2 fois par jour", {"drug": "Amlodipine", "dose": 5.0}),
])
def test_a_home_medicine_taken_otherwise_than_charted_is_asked_of(session_for, going_home, clock,  # noqa: F811
                                                                   usual, order):
    """Twice a day charted once, once charted twice, modified release twice a day charted as
    required, MR charted plain, as required at home charted regular: each asked of."""
    medicine = usual.split()[0]
    assert any(line.startswith(f"{usual} — {CHANGED}") for line in _letter(
        session_for, going_home, usual, [order], clock)), medicine


def test_a_home_medicine_taken_as_charted_is_left_to_its_order(session_for, going_home, clock):  # noqa: F811
    """Once a day in the morning charted at 06:00, 1 fois par jour charted once, as required
    charted as required, MR charted MR, times typed as charted, twice a day charted twice (when it
    was last taken, as the form asks, not read as how often): not asked of."""
    lines = _letter(session_for, going_home, (
        "Levothyroxine 100 micrograms in the morning\nAmlodipine 5 mg 1 fois par jour\nParacetamol 1 g qds prn\n"
        "Gliclazide MR 30 mg od\nCo-careldopa 25/100 1 tab 06:00 14:00 22:00\n"
        "Apixaban 5 mg bd, last taken this morning 08:00\nBisoprolol 2.5 mg, dernière prise le matin 08:00"), [
        {"drug": "Apixaban", "dose": 5.0, "times": "08:00 20:00", "high_alert": True},
        {"drug": "Bisoprolol", "dose": 2.5, "times": "08:00 20:00"},
        {"drug": "Levothyroxine", "dose": 100.0, "dose_unit": "microgram", "times": "06:00"},
        {"drug": "Amlodipine", "dose": 5.0},
        {"drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "frequency": "prn", "times": None,
         "prn_indication": "pain", "min_interval_hours": 4, "max_doses_24h": 4},
        {"drug": "Gliclazide MR", "dose": 30.0},
        {"drug": "Co-careldopa 25/100", "dose": 1.0, "dose_unit": "tablet", "times": "06:00 14:00 22:00",
         "time_critical": True}], clock)
    assert not [line for line in lines if "taken before admission" in line]
