"""Lithium, the angiotensin receptor blockers and the diuretics written by their brands, and the
combinations of an ACE inhibitor or a sartan with a diuretic, are the medicines they give
(domain.medication.PRODUCTS): an acute kidney injury asks them reviewed as it asks "Lithium" or
"Irbesartan" (review R6 #8: "Téralithe LP 400 mg" was given into an AKI stage 3 unasked); a
sulfonylurea or digoxin by its French brand is the medicine whose dose an AKI asks a doctor to
review (S5 #1: "Diamicron 30 mg" was given into an AKI stage 3 unasked, "Gliclazide" asked)."""

from datetime import datetime

import pytest

from downtime.domain import aki
from downtime.domain.aki import nephrotoxic
from downtime.domain.medication import Check, Frequency, Order, medicines_in
from downtime.services import medication, records

CREATININE = {"received_by": "paper", "test": "Creatinine", "units": "µmol/L", "range": "59–104", "flag": "normal"}


@pytest.mark.parametrize("drug, gives", [
    ("Téralithe LP 400 mg", {"lithium"}), ("Teralithe 250 mg", {"lithium"}), ("Priadel 400 mg", {"lithium"}),
    ("Camcolit", {"lithium"}), ("Aprovel 150 mg", {"irbesartan"}), ("Cozaar", {"losartan"}),
    ("Tareg", {"valsartan"}), ("Diovan", {"valsartan"}), ("Atacand", {"candesartan"}), ("Kenzen", {"candesartan"}),
    ("Micardis", {"telmisartan"}), ("Pritor", {"telmisartan"}), ("Olmetec", {"olmesartan"}),
    ("Alteis", {"olmesartan"}), ("Coaprovel 150/12,5", {"irbesartan", "hydrochlorothiazid"}),
    ("Hyzaar", {"losartan", "hydrochlorothiazid"}), ("Fortzaar", {"losartan", "hydrochlorothiazid"}),
    ("Cotareg", {"valsartan", "hydrochlorothiazid"}), ("Bipreterax 10/2,5", {"perindopril", "indapamid"}),
    ("Preterax", {"perindopril", "indapamid"}), ("Cotriatec 5/12,5", {"ramipril", "hydrochlorothiazid"}),
    ("Zestoretic", {"lisinopril", "hydrochlorothiazid"}), ("Fludex 1,5 mg LP", {"indapamid"}),
    ("Natrilix SR", {"indapamid"}), ("Inspra 25 mg", {"eplerenon"}), ("Aldactazine", {"spironolacton", "altizid"}),
    ("Moduretic", {"amilorid", "hydrochlorothiazid"}), ("Co-amilofruse 5/40", {"amilorid", "furosemid"}),
    # Review S8: asked nothing in an AKI.
    ("Neurolithium 1 ampoule", {"lithium"}), ("Hytacand 16/12,5", {"candesartan", "hydrochlorothiazid"}),
    ("Nisisco 80/12,5", {"valsartan", "hydrochlorothiazid"}),
    ("Alteisduo 20/12,5", {"olmesartan", "hydrochlorothiazid"}),
    ("Alteis Duo 40/25", {"olmesartan", "hydrochlorothiazid"}), ("Twynsta 40/5", {"telmisartan", "amlodipin"}),
    ("Modamide 5 mg", {"amilorid"})])
def test_a_brand_reviewed_in_an_aki_gives_its_medicines(drug, gives):
    assert medicines_in(drug) == gives
    assert nephrotoxic(drug, "PO")


def test_lithium_by_its_french_brand_given_into_an_aki_stage_3_needs_a_reason(session_for, medication_ward):
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    lithium = records.save_new(doctor, "medication_order", {
        "drug": "Téralithe LP 400 mg", "dose": 1.0, "dose_unit": "tablet", "route": "PO", "frequency": "scheduled",
        "times": "20:00", "start_at": "2026-11-27T10:00+01:00", "controlled": False, "high_alert": False},
        patient_id=patient).record_id
    records.save_new(nurse, "lab_result", {**CREATININE, "received_at": "2026-11-27T12:00+01:00", "result": "80"},
                     patient_id=patient)
    records.save_new(nurse, "lab_result", {**CREATININE, "received_at": "2026-11-28T13:00+01:00", "result": "260",
                                           "flag": "abnormal"}, patient_id=patient)
    dose = {"outcome": "given", "scheduled_for": "2026-11-28T20:00+01:00", "given_at": "2026-11-28T20:00+01:00",
            "dose_given": 1.0, "route": "PO"}
    assert Check.KIDNEY_INJURY in [w.check for w in medication.check_dose(nurse, lithium, dose)]


@pytest.mark.parametrize("drug", ["Diamicron 30 mg", "Daonil 5 mg", "Hémi-Daonil", "Amarel 2 mg", "Ozidia 5 mg",
                                  "Glibenese", "Minidiab", "Hémigoxine 0,125 mg", "Lanoxin", "Lanoxin PG"])
def test_a_brand_of_a_medicine_the_kidneys_clear_has_its_dose_reviewed_in_an_aki(drug):
    order = Order(record_id="o", patient_id="p", drug=drug, dose=1.0, dose_unit="tablet", route="PO",
                  frequency=Frequency.SCHEDULED, times=("08:00",),
                  start_at=datetime.fromisoformat("2026-11-28T08:00+01:00"))
    assert aki.dose_reviewed(order)
