"""The French brands a children's ward writes for the medicines weighed by a child's weight are
read as those medicines, for their limits and the allergy check: "Spedifen 400 mg" three times a
day to a 12 kg toddler (33 mg/kg a dose) was saved unasked while "Ibuprofen 400 mg" was refused,
and it matched no ibuprofen allergy."""

from datetime import datetime

import pytest

from downtime.domain.medication import medicines_in
from downtime.services import records
from downtime.services.errors import ValidationFailed


@pytest.mark.parametrize(("brand", "medicine"), [
    ("Spedifen 200 mg", "ibuprofen"), ("Upfen 200 mg", "ibuprofen"), ("Dolko 2,4 %", "paracetamol"),
    ("Paralyoc 250 mg", "paracetamol"), ("Claradol 500 mg", "paracetamol"), ("Hiconcil 500 mg", "amoxicillin"),
    ("Amodex 250 mg/5 mL", "amoxicillin"), ("Gramidil 500 mg", "amoxicillin"), ("Zamudol LP 50 mg", "tramadol"),
    ("Orozamudol 50 mg", "tramadol")])
def test_a_french_brand_is_read_as_its_medicine(brand, medicine):
    assert medicines_in(brand) == {medicine}


def test_a_toddlers_spedifen_is_weighed_as_ibuprofen(session_for, admit_to_paediatrics, clock):
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    toddler = admit_to_paediatrics("2", "2024-10-01", 12.0, "Tod")
    with pytest.raises(ValidationFailed, match=r"Ibuprofen: 400 mg in one dose is above the most for one dose \(120 mg "
                                               r"for 12 kg, 10 mg/kg\)"):
        records.save_new(session_for("doctor"), "medication_order", {
            "drug": "Spedifen", "dose": 400, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
            "times": "06:00 14:00 22:00", "start_at": "2026-11-28T15:00+01:00", "controlled": False,
            "high_alert": False}, patient_id=toddler)
