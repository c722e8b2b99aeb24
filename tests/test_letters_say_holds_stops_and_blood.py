"""What the letters that hand a patient on out of the hospital (a transfer to another hospital, a
discharge) say of the medicines and the blood (review R3 D1, D2, D3, D6): a ramipril held for a
potassium of 6.8 read "last given 28/11 12:00" on both; a midazolam syringe driver taken down read
as running at 2 mL/h; a unit of irradiated red cells vanished from both a day on; the transfer
letter said "not given yet" of nine doses past unrecorded, and handed the escalation list's "the
doctor is told, do as they said" to a team that cannot know what was said."""

from datetime import datetime

import pytest

from downtime.services import infusion_rates, medication, prefill, records
from tests.test_fhir_syringe_driver_period import once_driver_up  # noqa: F401
from tests.test_high_potassium_holds_the_medicines_that_raise_it import _phoned_high, raisers  # noqa: F401

LETTERS = {"transfer_out": "current_treatments", "discharge": "medicines_on_discharge"}
WITNESS = ("doctor", "2222")
CO_CARELDOPA = {"drug": "Co-careldopa 25/100", "dose": 1.0, "dose_unit": "tablet", "route": "PO",
                "frequency": "scheduled", "times": "10:00 14:00 18:00", "start_at": "2026-11-28T09:00+01:00",
                "controlled": False, "high_alert": False, "time_critical": True}
RED_CELLS = {"component": "red_cells", "unit_number": "g0001 26 123456", "unit_group": "o_neg",
             "patient_group": "a_neg", "use_by": "2026-12-20T23:59+01:00", "identity_checked": True,
             "abo_card": "compatible", "second_checker": "Paul Martin", "started_at": "2026-11-28T16:00+01:00",
             "unit_requirements": ["irradiated"]}
SET = {"respiratory_rate": 16, "spo2": 97, "spo2_scale": "scale_1", "on_oxygen": False, "systolic_bp": 125,
       "diastolic_bp": 70, "pulse": 80, "consciousness": "alert", "temperature": 36.9}


def _at(moment: str) -> datetime:
    return datetime.fromisoformat(f"2026-{moment}+01:00")


def _line(nurse, patient: str, form_id: str, drug: str) -> str:
    listed = prefill.first_answers(nurse, nurse.form(form_id), patient)[LETTERS[form_id]]
    return "\n".join(line for line in listed.splitlines() if drug in line)


def test_a_medicine_held_for_a_high_potassium_says_its_hold_and_the_dose_not_given(session_for, raisers, clock):
    patient, orders = raisers
    nurse = session_for("nurse")
    clock.now = _at("11-28T12:05")
    medication.record_dose(nurse, orders["Ramipril"], {"outcome": "given", "given_at": "2026-11-28T12:00+01:00",
                                                       "scheduled_for": "2026-11-28T12:00+01:00", "dose_given": 10.0,
                                                       "route": "PO"})
    _phoned_high(session_for, patient, clock)
    clock.now = _at("11-29T12:05")
    medication.record_dose(nurse, orders["Ramipril"], {
        "outcome": "not_given", "scheduled_for": "2026-11-29T12:00+01:00", "given_at": "2026-11-29T12:00+01:00",
        "not_given_reason": "held", "not_given_detail": "K 6.8"})
    clock.now = _at("11-30T09:30")
    for form_id in LETTERS:
        line = _line(nurse, patient, form_id, "Ramipril")
        assert "last given 28/11/2026 12:00 — not given in hospital (due 29/11 12:00): " in line, line
        assert "HELD: " in line and "POTASSIUM 6.8" in line, line


def test_a_syringe_driver_taken_down_is_said_stopped_not_running(once_driver_up, clock):
    nurse, patient, order = once_driver_up
    infusion_rates.change_rate(nurse, order, {"changed_at": "2026-11-30T06:00+01:00", "change": "stopped",
                                              "reason": "Agitation settled, Dr Martin"})
    clock.now = _at("11-30T09:30")
    for form_id in LETTERS:
        line = _line(nurse, patient, form_id, "Midazolam")
        assert line.endswith("— STOPPED in hospital 30/11 06:00: Agitation settled, Dr Martin"), line
        assert "last given" not in line and "running" not in line, line
    # A discharge says it with the medicines stopped in hospital, after those in force.
    listed = prefill.first_answers(nurse, nurse.form("discharge"), patient)["medicines_on_discharge"].splitlines()
    assert [line.split()[0] for line in listed][-3:] == ["Amoxicillin", "Morphine", "Midazolam"], listed


def test_every_unit_of_the_stay_with_its_special_requirements_is_on_the_letters(session_for, medication_ward, clock):
    patient = medication_ward[0]
    nurse = session_for("nurse")
    clock.now = _at("11-28T15:55")
    records.save_new(nurse, "observations", {**SET, "taken_at": "2026-11-28T15:50+01:00"}, patient_id=patient)
    clock.now = _at("11-28T16:00")
    unit = records.save_new(nurse, "blood_transfusion", RED_CELLS, patient_id=patient)
    for at in ("16:15", "17:40", "18:30"):
        clock.now = _at(f"11-28T{at}")
        records.save_new(nurse, "observations", {**SET, "taken_at": f"2026-11-28T{at}+01:00"}, patient_id=patient)
        if at == "17:40":
            records.save_new(nurse, "transfusion_end", {"ended_at": "2026-11-28T17:40+01:00", "outcome": "completed",
                                                        "volume": 280, "reaction": False, "unit": unit.record_id},
                             patient_id=patient)
    clock.now = _at("11-30T09:30")
    for form_id in LETTERS:
        line = _line(nurse, patient, form_id, "Blood transfusion")
        assert line.startswith("Blood transfusion: Red cells G0001 26 123456 (O RhD negative, Irradiated) ended "
                               "28/11 17:40"), (form_id, line)


def test_a_transfer_letter_says_doses_past_unrecorded_and_the_reason_of_one_not_given(session_for, medication_ward,
                                                                                      clock):
    patient = medication_ward[0]
    nurse = session_for("nurse")
    clock.now = _at("11-28T08:40")
    order = records.save_new(session_for("doctor"), "medication_order", CO_CARELDOPA, patient_id=patient).record_id
    for at in ("10:00", "14:00"):
        clock.now = _at(f"11-28T{at}")
        values = {"outcome": "not_given", "scheduled_for": f"2026-11-28T{at}+01:00",
                  "given_at": f"2026-11-28T{at}+01:00", "not_given_reason": "nil_by_mouth"}
        with pytest.raises(medication.OverrideNeeded) as asked:  # who decided it, the time-critical warning asks
            medication.record_dose(nurse, order, values)
        medication.record_dose(nurse, order, values, overrides={
            warning.check: "NBM for theatre; Dr Martin decided to omit, no NG" for warning in asked.value.warnings})
    clock.now = _at("11-28T15:00")
    line = _line(nurse, patient, "transfer_out", "Co-careldopa")
    assert "do as they said" not in line and "doctor is told" not in line, line
    assert line.endswith("— not given in hospital (due 28/11 14:00): F — Nil by mouth / fasting; NBM for theatre; "
                         "Dr Martin decided to omit, no NG; 2 doses not given since 28/11 10:00"), line
    amoxicillin = _line(nurse, patient, "transfer_out", "Amoxicillin")
    assert amoxicillin.startswith("Amoxicillin 1 g IV, at 08:00 14:00 20:00, from 27/11/2026 10:00 — no dose recorded "
                                  "in hospital (4 doses due 27/11 14:00 to 28/11 14:00): check the paper chart"), \
        amoxicillin
