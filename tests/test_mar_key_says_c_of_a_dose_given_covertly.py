"""The printed MAR's key says what "C" means whenever a dose on the chart is marked with it: the key
followed the orders as they read now, and a dose given covertly, its order made open at review
since, printed "10:05 C" with nothing saying what C is (review S2 S4). The tests' clock is 14:00
on 28/11 (Paris)."""

from pathlib import Path

from downtime.services import medication, printing, records
from tests.pdf_text import pdf_text

SERTRALINE = {"drug": "Sertraline", "dose": 50.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
              "times": "10:00 14:00", "start_at": "2026-11-28T09:00+01:00", "controlled": False, "high_alert": False,
              "covert": True, "covert_how": "crushed, in yoghurt", "covert_decided_at": "2026-11-28T08:30+01:00",
              "covert_decided_by": "Dr Karim Benali, consultant"}
OPEN = {"covert": False, "covert_how": None, "covert_decided_at": None, "covert_decided_by": None}
KEY = "C after the time = given covertly"


def test_the_key_says_c_while_a_dose_on_the_chart_is_marked_with_it(session_for, patient, tmp_path: Path):
    doctor, nurse = session_for("doctor"), session_for("nurse")
    order = records.save_new(doctor, "medication_order", SERTRALINE, patient_id=patient)
    assert KEY not in pdf_text(printing.print_mar(nurse, [patient], tmp_path / "none given.pdf", days=1))
    medication.record_dose(nurse, order.record_id, {"outcome": "given", "dose_given": 50.0, "route": "PO",
                                                    "scheduled_for": "2026-11-28T10:00+01:00",
                                                    "given_at": "2026-11-28T10:05+01:00"})
    records.amend(doctor, order.record_id, {**order.data, **OPEN}, "reviewed: takes it openly now")
    text = pdf_text(printing.print_mar(nurse, [patient], tmp_path / "mar.pdf", days=1))
    assert "10:05 C" in text and KEY in text
