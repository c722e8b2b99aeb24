"""An order typed in after it started (a paper order copied onto the laptop when it came back, or
one written after its course began): its doses due before it was written were given, if at all,
from the paper chart. The round and the chart offered them OVERDUE, to give again on a laptop in
use all morning; they are now to look for on paper first, as a silent laptop's doses are."""

from datetime import datetime

import pytest
from pypdf import PdfReader

from downtime.domain.medication import DoseState
from downtime.domain.paper_gap import Silence
from downtime.services import cd_register, medication, paper_gap, printing, records, wards
from downtime.services.errors import ValidationFailed
from downtime.services.paper_doses import Stretch, gap_stretch, paper_chart
from tests.test_time_critical import LEVODOPA

at = datetime.fromisoformat
STARTED, WRITTEN = at("2026-11-28T06:00+01:00"), at("2026-11-28T14:00+01:00")
PARACETAMOL = {"drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
               "times": "00:00 06:00 12:00 18:00", "start_at": "2026-11-28T06:00+01:00", "controlled": False,
               "high_alert": False}


def _ward_in_use(session_for, admission_values, clock):
    """Bed 12 of ward 3B, its patient in since 05:00, and the laptop used from 08:00 to 12:30 (a
    sign-in at least every 90 minutes): no stretch of it unused. Returns the patient's id."""
    clock.now = at("2026-11-28T08:00+01:00")
    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    patient = records.save_new(session_for("nurse"), "admission", {
        **admission_values, "arrival_at": "2026-11-28T05:00+01:00", "allergy_status": "nka",
        "allergies": []}).patient_id
    for moment in ("09:30", "11:00", "12:30"):
        clock.now = at(f"2026-11-28T{moment}+01:00")
        session_for("nurse")
    clock.now = WRITTEN
    return patient


def _round(nurse, order_id):
    return {f"{item.slot:%H:%M}": item for item in medication.round_list(nurse.db, nurse.forms, "3B", nurse.clock())
            if item.order.record_id == order_id}


def test_a_paper_order_typed_in_says_its_earlier_doses_are_on_its_paper(session_for, admission_values, clock,
                                                                         tmp_path):
    patient = _ward_in_use(session_for, admission_values, clock)
    order = records.save_new(session_for("doctor"), "medication_order", PARACETAMOL, patient_id=patient).record_id
    nurse = session_for("nurse")
    items = _round(nurse, order)
    typed = Silence(STARTED, WRITTEN, "Paracetamol")
    assert [(slot, item.state, item.on_paper) for slot, item in items.items()] == [
        ("06:00", DoseState.CHECK_PAPER, typed), ("12:00", DoseState.CHECK_PAPER, typed)]
    (said,) = [phrase.text("en") for phrase in paper_gap.gap_said(item.on_paper for item in items.values())]
    assert said == ("Paracetamol was written on this laptop at 14:00, to start at 06:00: its doses due before it "
                    "was written may have been given from the paper chart. Enter them first (at the time they were "
                    "given) before giving anything due.")
    assert [phrase.text("fr") for phrase in paper_gap.gap_said([typed])][0].startswith(
        "Paracetamol a été prescrit sur ce portable à 14:00, pour commencer à 06:00 : ")
    (row,) = medication.mar_grid(nurse.db, patient, WRITTEN.date(), 1, WRITTEN)
    assert [(cell.clock, cell.state) for cell in row.cells] == [
        ("06:00", DoseState.CHECK_PAPER), ("12:00", DoseState.CHECK_PAPER), ("18:00", DoseState.UPCOMING)]
    printed = " ".join(page.extract_text() for page in PdfReader(printing.print_mar(nurse, [patient],
                                                                                   tmp_path / "mar.pdf")).pages)
    assert "Paracetamol was written on this laptop at 14:00, to start at 06:00" in " ".join(printed.split())


def test_the_paper_doses_screen_lists_them_from_the_orders_start(session_for, admission_values, clock):
    """Its first dose is at the stretch's very start, which a silence's stretch leaves out."""
    patient = _ward_in_use(session_for, admission_values, clock)
    order = records.save_new(session_for("doctor"), "medication_order", PARACETAMOL, patient_id=patient).record_id
    clock.advance(minutes=30)
    nurse = session_for("nurse")
    stretch = gap_stretch(nurse, [patient])
    assert stretch == Stretch(STARTED, WRITTEN)
    assert [(dose.order.record_id, f"{dose.slot:%H:%M}") for dose in paper_chart(nurse, [patient], stretch).due] == [
        (order, "06:00"), (order, "12:00")]


def test_once_a_dose_of_it_is_recorded_the_others_are_overdue_as_any(session_for, admission_values, clock):
    """The nurse has been through the order's paper: the doses still unrecorded were not given."""
    patient = _ward_in_use(session_for, admission_values, clock)
    order = records.save_new(session_for("doctor"), "medication_order", PARACETAMOL, patient_id=patient).record_id
    nurse = session_for("nurse")
    medication.record_dose(nurse, order, {"outcome": "given", "given_at": "2026-11-28T12:05+01:00",
                                          "scheduled_for": "2026-11-28T12:00+01:00", "dose_given": 1.0, "route": "PO",
                                          medication.TRANSCRIBED: True})
    (morning,) = _round(nurse, order).values()
    assert (morning.slot, morning.state, morning.on_paper) == (STARTED, DoseState.OVERDUE, None)


def test_an_order_written_as_it_starts_has_no_dose_on_paper(session_for, admission_values, clock):
    """Written 20 minutes after its start, before its first dose was late: that dose is due now."""
    patient = _ward_in_use(session_for, admission_values, clock)
    clock.now = at("2026-11-28T14:20+01:00")
    order = records.save_new(session_for("doctor"), "medication_order", {
        **PARACETAMOL, "times": "14:00 20:00", "start_at": "2026-11-28T14:00+01:00"}, patient_id=patient).record_id
    (item,) = _round(session_for("nurse"), order).values()
    assert (item.state, item.on_paper) == (DoseState.DUE, None)


def test_a_time_critical_dose_before_its_order_was_typed_in_is_called_out_to_check(session_for, admission_values,
                                                                                   clock):
    """Levodopa from 09:30, typed in at 14:00: its 10:00 dose on the escalation list and the
    handover, to check on paper (it said nothing of it); with its 14:00 dose due now, the 10:00 one
    is recorded, not given late."""
    patient = _ward_in_use(session_for, admission_values, clock)
    records.save_new(session_for("doctor"), "medication_order", LEVODOPA, patient_id=patient)
    records.save_new(session_for("doctor"), "medication_order", PARACETAMOL, patient_id=patient)
    nurse = session_for("nurse")
    said = medication.time_critical_handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient]
    assert said.startswith("Co-careldopa 25/100 1 tablet(s) PO 28/11 10:00: TIME-CRITICAL DOSE NOT RECORDED (due 28/11 "
                           "10:00): the 28/11 14:00 dose is due now, do not give it late: record it (given on paper, or "
                           "not given and why) and tell the doctor")
    rows = medication.mar_grid(nurse.db, patient, WRITTEN.date(), 1, WRITTEN)
    (said,) = [phrase.text("en") for phrase in paper_gap.gap_said(cell.on_paper for row in rows for cell in row.cells)]
    assert said.startswith("2 orders were written on this laptop after they started: Paracetamol 06:00–14:00, "
                           "Co-careldopa 25/100 09:30–14:00. Their doses due before")


def test_a_controlled_dose_given_before_its_order_was_typed_in_takes_its_witness_from_the_paper(
        session_for, admission_values, clock):
    """Morphine from 06:00 on a paper order, given at 09:35 witnessed on paper, typed in at 14:00
    with its order, the laptop in use all morning: the dose could only be on paper, and its
    witness, gone home, cannot give a PIN now. One given at 13:40, less than the round's lateness
    threshold before its order was typed, is the round the nurse is on: its witness's PIN."""
    patient = _ward_in_use(session_for, admission_values, clock)
    morphine = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Morphine", "dose": 5.0, "dose_unit": "mg", "route": "SC", "frequency": "prn",
        "prn_indication": "pain score > 4", "min_interval_hours": 4, "max_doses_24h": 4,
        "start_at": "2026-11-28T06:00+01:00", "controlled": True, "high_alert": True}, patient_id=patient).record_id
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=("doctor", "2222"))
    given = {"outcome": "given", "dose_given": 5.0, "route": "SC", "given_for": "pain 7/10", "transcribed": True}
    medication.record_dose(nurse, morphine, {**given, "given_at": "2026-11-28T09:35+01:00"}, witness=("doctor", ""))
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 15
    with pytest.raises(ValidationFailed) as refused:
        medication.record_dose(nurse, morphine, {**given, "given_at": "2026-11-28T13:40+01:00"},
                               witness=("doctor", ""))
    assert refused.value.errors[0].message.startswith(
        "Transcribed from the paper chart: this laptop was in use at 13:40")
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 15
