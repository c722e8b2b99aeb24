"""A high potassium's hold (services.potassium) is on the handover sheet, whatever the critical
result's line says once a doctor is told of it, and a new order of a medicine that raises the
potassium written while it holds asks the prescriber's reason (services.medication.DOSE_REASON),
which is then their decision: a ramipril written after a 6.8 was saved unasked, and the night
shift read nothing of the hold on the sheet."""

from datetime import datetime

import pytest

from downtime.domain.lab_results import result_value
from downtime.services import medication, potassium, printing, records
from tests.pdf_text import pdf_text
from tests.test_high_potassium_holds_the_medicines_that_raise_it import (  # noqa: F401 (a fixture)
    _asked,
    _phoned_high,
    raisers,
)

TWO_PM = "2026-11-29T14:00+01:00"


def _ramipril(doctor, patient, **more: object) -> str:
    """Ramipril 5 mg at 14:00 written on 29/11 after the potassium came back."""
    return records.save_new(doctor, "medication_order", {
        "drug": "Ramipril", "dose": 5.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
        "times": "14:00", "start_at": "2026-11-29T11:00+01:00", "indication": "Heart failure",
        "controlled": False, "high_alert": False, **more}, patient_id=patient).record_id


def test_the_handover_names_the_potassium_and_the_medicines_it_holds(session_for, raisers, clock):  # noqa: F811 (the fixture)
    patient, _ = raisers
    nurse = _phoned_high(session_for, patient, clock)
    clock.now = datetime.fromisoformat("2026-11-29T19:30+01:00")
    assert potassium.handover(nurse.db, [patient], clock.now, "en") == {patient: (
        "POTASSIUM 6.8 (29/11 10:30): Potassium chloride (Sando-K), Ramipril, Spironolactone held — prescriber to "
        "decide")}
    assert potassium.handover(nurse.db, [patient], clock.now, "fr") == {patient: (
        "KALIÉMIE 6,8 (29/11 10:30) : Potassium chloride (Sando-K), Ramipril, Spironolactone suspendu(s) — décision "
        "du prescripteur")}


def test_the_printed_handover_sheet_says_the_hold(session_for, raisers, clock, tmp_path):  # noqa: F811 (the fixture)
    patient, _ = raisers
    nurse = _phoned_high(session_for, patient, clock)
    clock.now = datetime.fromisoformat("2026-11-29T19:30+01:00")
    sheet = " ".join(pdf_text(printing.print_census(nurse, tmp_path / "census.pdf", "3B")).split())
    assert ("POTASSIUM 6.8 (29/11 10:30): Potassium chloride (Sando-K), Ramipril, Spironolactone held — prescriber "
            "to decide") in sheet


def test_the_handover_says_nothing_once_a_newer_potassium_is_in_range(session_for, raisers, clock):  # noqa: F811 (the fixture)
    patient, _ = raisers
    nurse = _phoned_high(session_for, patient, clock)
    clock.now = datetime.fromisoformat("2026-11-29T15:00+01:00")
    records.save_new(nurse, "lab_result", {
        "received_at": "2026-11-29T14:50+01:00", "received_by": "paper", "test": "Potassium", "result": "4.6",
        "units": "mmol/L", "range": "3.5–5.3", "flag": "normal"}, patient_id=patient)
    assert potassium.handover(nurse.db, [patient], clock.now, "en") == {}


def test_a_medicine_raising_the_potassium_written_after_a_high_one_asks_the_prescribers_reason(
        session_for, medication_ward, clock):
    patient = medication_ward[0]
    _phoned_high(session_for, patient, clock)
    doctor = session_for("doctor")
    clock.now = datetime.fromisoformat("2026-11-29T11:00+01:00")
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        _ramipril(doctor, patient)
    assert asked.value.text("en") == (
        "Ramipril: POTASSIUM 6.8 mmol/L (3.5–5.3) received 29/11 10:30, and this medicine raises it: give the reason "
        "to prescribe it all the same, naming the potassium, in “Dose to check: why (opioid-tolerant, current dose; weight used; meningitis "
        "dose)”.")
    order = _ramipril(doctor, patient, dose_reason="K 6.8 seen: heart failure, continue; repeat K at 16:00")
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T13:55+01:00")
    assert _asked(nurse, order, 5.0, TWO_PM) == []
    said = ("Ramipril: POTASSIUM 6.8 mmol/L (3.5–5.3) received 29/11 10:30: order amended by the prescriber since: "
            "“K 6.8 seen: heart failure, continue; repeat K at 16:00”.")
    assert [w.text("en") for item in medication.round_list(nurse.db, nurse.forms, "3B", clock.now)
            if item.order.record_id == order for w in item.levels] == [said]


def test_a_medicine_that_raises_no_potassium_is_not_asked(session_for, medication_ward, clock):
    patient = medication_ward[0]
    _phoned_high(session_for, patient, clock)
    clock.now = datetime.fromisoformat("2026-11-29T11:00+01:00")
    assert records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Bisoprolol", "dose": 2.5, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
        "times": "14:00", "start_at": "2026-11-29T11:00+01:00", "indication": "Heart failure",
        "controlled": False, "high_alert": False}, patient_id=patient).record_id


def test_a_results_one_number_is_read_by_its_public_name():
    """domain.potassium read domain.lab_results' private reader: one reader, public."""
    assert result_value("6,8 H") == 6.8
    assert result_value("6.8, repeat 6.9") is None
