"""One person admitted on two laptops under two downtime numbers, both linked to one EHR patient:
each laptop's doctor wrote her amoxicillin. The admission lines said to enter the stay once;
each order line now says the other number has the same medicine ordered at a same time, and
asks the ward, as entered from both the EHR ran two live orders for one patient."""

import pytest

from downtime.services import back_entry, records
from downtime.services.context import Session
from tests.conftest import AMOXICILLIN_TDS

FIRST, SECOND = "DT-001-00001-7", "DT-002-00001-6"


@pytest.fixture
def linked_orders(admitted_twice):
    """`admitted_twice`, laptop 2's doctor writing paracetamol from 15:00 as well."""
    other = records.save_new(admitted_twice["doctor_2"], "medication_order", {
        **AMOXICILLIN_TDS, "drug": "Paracetamol", "route": "PO", "start_at": "2026-11-28T15:00+01:00"},
        patient_id=admitted_twice["second"].patient_id)
    return {**admitted_twice, "other": other}


def _lines(office: Session, lang: str = "en") -> dict[str, str]:
    return {item.record.record_id: item.to_do_in(lang) for group in back_entry.worklist(office) for item in group.items}


def _link_both(office: Session, second_ehr: str = "800123") -> None:
    back_entry.link_patient(office, FIRST, "800123", not_the_admissions_ipp=True)
    one = second_ehr == "800123"
    back_entry.link_patient(office, SECOND, second_ehr, same_person=one, not_the_admissions_ipp=True,
                            two_people=not one)


def test_each_order_line_names_the_same_medicine_ordered_under_the_other_number(linked_orders):
    t = linked_orders
    office = t["office"]()
    _link_both(office)
    lines = _lines(office)
    assert lines[t["order_1"].record_id] == (
        "enter — EHR patient 800123 also has, under DT-002-00001-6, Amoxicillin 1 g IV, at 08:00 14:00 20:00, from "
        "28/11/2026 15:00: enter this order only if it is another one, not the same one twice")
    assert lines[t["order_2"].record_id] == (
        "enter — EHR patient 800123 also has, under DT-001-00001-7, Amoxicillin 1 g IV, at 08:00 14:00 20:00, from "
        "28/11/2026 10:00: enter this order only if it is another one, not the same one twice")
    assert lines[t["other"].record_id] == "enter"
    assert "DT-002-00001-6 too: enter this admission only if it is another stay" in lines[t["first"].record_id]


def test_an_order_line_asking_the_ward_is_closed_with_its_answer(linked_orders):
    t = linked_orders
    office = t["office"]()
    _link_both(office)
    assert back_entry.line_of(office, t["order_2"].record_id).asks_the_ward
    back_entry.mark_not_entered(office, t["order_2"].record_id, 1, "Dr Benali, 5A, by phone",
                                "the same prescription written again on arrival")
    line = back_entry.line_of(office, t["order_2"].record_id)
    assert line.done and "also has" not in line.to_do_in("en")


def test_orders_of_numbers_not_linked_to_one_ehr_patient_are_entered_as_they_are(linked_orders):
    t = linked_orders
    office = t["office"]()
    assert _lines(office)[t["order_1"].record_id] == "enter"
    _link_both(office, second_ehr="800999")
    lines = _lines(office)
    assert lines[t["order_1"].record_id] == "enter" and lines[t["order_2"].record_id] == "enter"
    assert not back_entry.line_of(office, t["order_1"].record_id).asks_the_ward


def test_an_order_stopped_before_the_other_numbers_began_is_not_the_same(linked_orders):
    """Laptop 1's doctor stopped the amoxicillin at 14:30 as she left for 5A, where it was
    written again from 15:00: one after the other, not twice at once."""
    t = linked_orders
    records.amend(t["doctor_1"], t["order_1"].record_id, {**AMOXICILLIN_TDS, "stop_at": "2026-11-28T14:30+01:00"},
                  "Continued on ward 5A")
    office = t["office"]()
    _link_both(office)
    lines = _lines(office)
    assert lines[t["order_1"].record_id] == "enter" and lines[t["order_2"].record_id] == "enter"
