"""KDIGO's acute kidney injury by urine (under 0.5 mL/kg/h for 6 hours, as the fluid balance
chart judges it) questions a dose of a medicine an AKI asks a doctor to review, as a creatinine
rise does, and the LOW URINE OUTPUT line names those medicines running."""

import json
from collections.abc import Callable
from datetime import datetime

import pytest

from downtime.domain.medication import Check
from downtime.services import census, fluid_balance, medication, prefill, printing, records
from downtime.services.context import Session
from tests.pdf_text import pdf_text

GENTAMICIN = {"drug": "Gentamicin", "dose": 380.0, "dose_unit": "mg", "route": "IV", "frequency": "scheduled",
              "times": "18:00", "start_at": "2026-11-28T08:00+01:00", "review_at": "2026-11-30T18:00+01:00",
              "indication": "Urosepsis", "controlled": False, "high_alert": False}
DOSE = {"outcome": "given", "given_at": "2026-11-28T18:00+01:00", "scheduled_for": "2026-11-28T18:00+01:00",
        "dose_given": 380.0, "route": "IV"}


def _hourly_urine(nurse, patient: str, ml: int, hours: range) -> None:
    for hour in hours:
        records.save_new(nurse, "fluid_balance", {"measured_at": f"2026-11-28T{hour:02d}:00+01:00",
                                                  "route": "out_urine", "volume": ml, "what": "Catheter bag"},
                         patient_id=patient)


@pytest.fixture
def gentamicin_on(session_for, medication_ward, clock) -> Callable[[int], tuple[Session, str, str]]:
    """gentamicin_on(ml): the gentamicin ordered at 07:00 for the 18:00 round, and the patient's
    catheter bag `ml` each hour from 11:00 to 17:00; the clock 17:50. Returns (the nurse, the
    patient, the order)."""

    def charted(ml: int) -> tuple[Session, str, str]:
        patient = medication_ward[0]
        nurse = session_for("nurse")
        clock.now = datetime.fromisoformat("2026-11-28T07:00+01:00")
        gentamicin = records.save_new(session_for("doctor"), "medication_order", GENTAMICIN,
                                      patient_id=patient).record_id
        clock.now = datetime.fromisoformat("2026-11-28T17:50+01:00")
        _hourly_urine(nurse, patient, ml, range(11, 18))
        return nurse, patient, gentamicin

    return charted


HELD = ("Gentamicin: the urine output shows an acute kidney injury (60 mL in 6 hours since 28/11 11:00, as the fluid "
        "balance chart judges it), and this medicine is one it asks a doctor to review: give it only once the doctor "
        "says to.")


def test_six_hours_of_low_urine_question_the_gentamicin_and_the_line_names_it(gentamicin_on, clock):
    nurse, patient, gentamicin = gentamicin_on(10)
    [warning] = [w for w in medication.check_dose(nurse, gentamicin, DOSE) if w.check is Check.KIDNEY_INJURY]
    assert warning.text("en") == HELD
    said = fluid_balance.handover(nurse.db, nurse.forms, [census.patient_with_location(nurse.db, nurse.forms, patient)],
                                  clock.now, "en")[patient]
    assert said.endswith("below 0.5): tell the doctor: review nephrotoxic medicines: Gentamicin; review the doses "
                         "of those the kidneys clear: Morphine"), said


def test_the_round_and_the_printed_mar_hold_it_as_the_dose_dialog_does(gentamicin_on, clock, tmp_path):
    """The round read the 18:00 gentamicin DUE, and the paper chart said nothing, on six hours of 10 mL."""
    nurse, patient, gentamicin = gentamicin_on(10)
    [held] = [item.levels for item in medication.round_list(nurse.db, nurse.forms, "3B", clock.now)
              if item.order.record_id == gentamicin]
    assert [warning.text("en") for warning in held] == [HELD]
    printed = " ".join(pdf_text(printing.print_mar(nurse, [patient], tmp_path / "mar.pdf")).split())
    assert "AKI by urine output (60 mL in 6 h since 28/11 11:00): give it only once the doctor says to." in printed
    letter = json.dumps(prefill.first_answers(nurse, nurse.form("transfer_out"), patient), ensure_ascii=False)
    assert "AKI by urine output (60 mL in 6 h since 28/11 11:00)." in letter and "doctor says to" not in letter


def test_urine_above_half_a_ml_per_kg_an_hour_questions_nothing(gentamicin_on, clock):
    nurse, patient, gentamicin = gentamicin_on(60)
    said = fluid_balance.handover(nurse.db, nurse.forms, [census.patient_with_location(nurse.db, nurse.forms, patient)],
                                  clock.now, "en").get(patient, "")
    assert "Gentamicin" not in said
    assert Check.KIDNEY_INJURY not in [w.check for w in medication.check_dose(nurse, gentamicin, DOSE)]


def test_an_empty_bag_with_urine_bypassing_the_catheter_is_a_catheter_to_check_not_an_aki(gentamicin_on, clock):
    """Six hourly bags of 0 mL, the bed wet each hour: the chart says to check the catheter; the
    gentamicin was held as "the urine output shows an acute kidney injury", the doctor called for a
    blocked catheter."""
    nurse, patient, gentamicin = gentamicin_on(0)
    for hour in range(11, 18):
        records.save_new(nurse, "fluid_balance", {"measured_at": f"2026-11-28T{hour:02d}:10+01:00",
                                                  "route": "out_urine", "not_measured": "large",
                                                  "what": "Wet bed, bypassing"}, patient_id=patient)
    said = fluid_balance.handover(nurse.db, nurse.forms, [census.patient_with_location(nurse.db, nurse.forms, patient)],
                                  clock.now, "en")[patient]
    assert "bypassing" in said and "review nephrotoxic medicines" not in said, said
    assert Check.KIDNEY_INJURY not in [w.check for w in medication.check_dose(nurse, gentamicin, DOSE)]
