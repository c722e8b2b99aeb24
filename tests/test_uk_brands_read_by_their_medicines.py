"""UK brands the brand table lacked (review T4 D2, D3): Sinthrome and Dindevan were no
anticoagulant (a fall on them asked no CT head, NICE NG232), and Amias, Innovace, Capoten, Accupro
and the combinations Tarka, Triapin, Co-zidocapsid, Sevikar and Dyazide were given with a potassium
of 6.8, their ACE inhibitor, angiotensin receptor blocker or triamterene unread."""

from datetime import datetime

import pytest

from downtime.domain.medication import Frequency, Order, anticoagulant, medicine_name, medicines_in
from downtime.domain.potassium import raises_potassium


@pytest.mark.parametrize(("drug", "medicine"), [("Sinthrome 1 mg", "acenocoumarol"), ("Dindevan 10 mg", "phenindione")])
def test_a_uk_anticoagulant_brand_is_an_anticoagulant(drug, medicine):
    assert medicine_name(medicine) in medicines_in(drug) and anticoagulant(drug)


@pytest.mark.parametrize(("drug", "medicines"), [
    ("Amias 8 mg", {"candesartan"}), ("Innovace 10 mg", {"enalapril"}), ("Capoten 25 mg", {"captopril"}),
    ("Accupro 10 mg", {"quinapril"}), ("Tarka 180/2", {"trandolapril", "verapamil"}),
    ("Triapin 5/5", {"ramipril", "felodipine"}), ("Co-zidocapsid 25/25", {"captopril", "hydrochlorothiazide"}),
    ("Sevikar 20/5", {"olmesartan", "amlodipine"}), ("Dyazide", {"triamterene", "hydrochlorothiazide"})])
def test_a_uk_brand_raising_the_potassium_is_held_by_its_medicines(drug, medicines):
    order = Order(record_id="o", patient_id="p", drug=drug, dose=1.0, dose_unit="tablet", route="PO",
                  frequency=Frequency.SCHEDULED, times=("08:00",), start_at=datetime.fromisoformat("2026-11-29T12:00+01:00"))
    assert medicines_in(drug) >= {medicine_name(one) for one in medicines} and raises_potassium(order)
