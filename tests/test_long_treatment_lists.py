"""A transfer-out's treatments and a discharge's medicines, filled in from the chart, fit the field
they are written into, however many orders the patient has, and none is left out unsaid: 20
medicines with a dose rule each came to 4,833 characters for a field of 2,000, the save refused
what the app had written, and the nurse deleted medicines from the handover by hand."""

from pathlib import Path

import pytest

from downtime.services import prefill, printing, records
from downtime.services.context import Session
from tests.pdf_text import pdf_text

DRUGS = ["Vancomycin 125 mg", "Meropenem", "Fluconazole", "Enoxaparin 40 mg", "Omeprazole", "Paracetamol 500 mg",
         "Amlodipine", "Bisoprolol", "Atorvastatin", "Furosemide", "Spironolactone", "Losartan", "Sertraline",
         "Gabapentin", "Lactulose", "Senna", "Ondansetron 4 mg", "Metoclopramide", "Ramipril", "Salbutamol"]
"""In tablets, each with limits in mg writing its strength, as its order must (order_units.strength_refusal)."""
RULE = "Adjust to renal function; check level before 3rd dose; hold if systolic < 100"
LEFT = {
    "transfer_out": {
        "departed_at": "2026-11-28T13:30+01:00", "receiving_hospital": "CHU Bichat", "receiving_unit": "Cardiology",
        "transport_mode": "ambulance", "escort": "nurse", "situation": "Transferred for coronary angiography",
        "background": "NSTEMI 27/11", "condition": "stable", "resuscitation": "full", "allergies_checked": True,
        "obs_at": "2026-11-28T13:00+01:00", "documents_sent": ["medication_chart"]},
    "discharge": {"discharged_at": "2026-11-28T14:00+01:00", "destination": "home", "letter_given": True,
                  "medicines_given": True}}
FIELD = {"transfer_out": "current_treatments", "discharge": "medicines_on_discharge"}


def _on(session_for, admission_values, drugs: list[str], rule: str) -> tuple[str, Session]:
    """A patient on a regular order of each of `drugs`, three times a day, each with the dose rule
    (handed on by name, the orders starting together), none taken before admission (a going-home
    letter asks a list recorded nowhere first)."""
    nurse, doctor = session_for("nurse"), session_for("doctor")
    patient = records.save_new(nurse, "admission", {**admission_values, "allergy_status": "nka", "allergies": [],
                                                    "usual_medicines": "Nil"}).patient_id
    for drug in drugs:
        records.save_new(doctor, "medication_order", {
            "drug": drug, "dose": 1, "dose_unit": "tablet", "route": "PO", "frequency": "scheduled",
            "times": "08:00 14:00 20:00", "start_at": "2026-11-27T10:00+01:00", "stop_at": "2026-12-04T10:00+01:00",
            "controlled": False, "high_alert": drug.startswith("Enoxaparin"), "dose_rule": rule}, patient_id=patient)
    return patient, nurse


def _long_names(count: int) -> list[str]:
    """`count` names as long as the order takes, each told apart by a letter, not a number: a
    number in a tablet's name is read as its strength ("Paracetamol 500 mg 03" is no strength)."""
    return [(f"{DRUGS[number % 20]} lot {chr(ord('A') + number // 20)} " + "modified-release film-coated tablets "
             * 4)[:120] for number in range(count)]


def _handed_on(nurse: Session, patient: str, form_id: str, out: Path) -> tuple[str, str]:
    """The list the form starts with, once the form is saved with it as written, and the printed form's text."""
    answers = prefill.first_answers(nurse, nurse.form(form_id), patient)
    record = records.save_new(nurse, form_id, {**answers, **LEFT[form_id]}, patient_id=patient)
    return answers[FIELD[form_id]], pdf_text(printing.print_record(nurse, record.record_id, out))


@pytest.mark.parametrize("form_id", ["transfer_out", "discharge"])
def test_twenty_medicines_with_their_dose_rule_are_handed_on_whole(session_for, admission_values, tmp_path, form_id):
    patient, nurse = _on(session_for, admission_values, DRUGS, RULE)
    listed, printed = _handed_on(nurse, patient, form_id, tmp_path / "out.pdf")
    lines = listed.split("\n")
    assert len(lines) == 20 and all(RULE in line and "until 04/12/2026 10:00" in line for line in lines)
    assert [drug for drug in DRUGS if drug not in printed] == []


@pytest.mark.parametrize("form_id", ["transfer_out", "discharge"])
def test_a_list_too_long_in_full_hands_on_each_medicine_in_a_line_of_its_own(
        session_for, admission_values, tmp_path, form_id):
    """25 orders with a name and a dose rule as long as the order takes: the rule's words and the
    course dates are left to the MAR, each medicine's name, dose, route, times, warnings and last
    dose kept."""
    drugs = _long_names(25)
    patient, nurse = _on(session_for, admission_values, drugs, (RULE + "; ") * 7)
    listed, printed = _handed_on(nurse, patient, form_id, tmp_path / "out.pdf")
    # Admitted 28/11 10:30, read at 14:00: the first dose in hospital is due, still to give on a
    # going-home letter too (not one to check on the paper chart).
    assert listed.split("\n") == [
        f"{drug} up to 1 tablet(s) PO, at 08:00 14:00 20:00 ({'HIGH-ALERT; ' if drug.startswith('Enoxaparin') else ''}"
        f"VARIABLE DOSE — by its rule) — not given yet" for drug in sorted(drugs)]
    assert [drug for drug in drugs if drug[:14] not in printed] == []


def test_a_list_too_long_even_a_line_a_medicine_ends_with_how_many_more_the_mar_lists(
        session_for, admission_values):
    drugs = _long_names(60)
    patient, nurse = _on(session_for, admission_values, drugs, RULE)
    listed = prefill.first_answers(nurse, nurse.form("transfer_out"), patient)["current_treatments"]
    *kept, more = listed.split("\n")
    assert len(listed) <= nurse.form("transfer_out").field("current_treatments").max_length
    assert [line.split(" up to ")[0] for line in kept] == sorted(drugs)[:len(kept)]
    assert more == f"… and {60 - len(kept)} more: see the MAR printed with this letter"
    records.save_new(nurse, "transfer_out", {
        **prefill.first_answers(nurse, nurse.form("transfer_out"), patient), **LEFT["transfer_out"]}, patient_id=patient)
