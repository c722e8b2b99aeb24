"""A letter leaving the hospital says a time-critical order's doses with nothing recorded once, on
one line with how many and the first and last: the transfer letter gave one levodopa order's
unrecorded doses a line each, read by the receiving team as four orders or a complete list, and
left out the dose of 20:00 the evening before, over 12 hours old, as if given (review s65 T3 D6)."""

from datetime import datetime

from downtime.services import prefill
from tests.test_time_critical import LEVODOPA
from tests.test_time_critical_dose_replaced_by_a_later_one import _given, _ward

LEVODOPA_NG = {**LEVODOPA, "route": "NG", "times": "08:00 12:00 16:00 20:00", "start_at": "2026-11-28T14:05+01:00"}
LETTERS = (("transfer_out", "current_treatments"), ("discharge", "medicines_on_discharge"))


def _levodopa(nurse, patient) -> list[list[str]]:
    """Each letter's co-careldopa lines."""
    return [[line for line in prefill.first_answers(nurse, nurse.form(form), patient)[field].split("\n")
             if "Co-careldopa" in line] for form, field in LETTERS]


def test_a_letter_says_every_unrecorded_dose_of_an_order_none_given_on_its_line(
        session_for, medication_ward, admission_values, clock):
    """17:30 29/11: nothing recorded of the five doses since 28/11 16:00; one line says them all."""
    patient, _, nurse = _ward(session_for, medication_ward, admission_values, clock, LEVODOPA_NG, 17)
    clock.now = datetime.fromisoformat("2026-11-29T17:30+01:00")
    for lines in _levodopa(nurse, patient):
        assert len(lines) == 1, lines
        assert lines[0].endswith("— no dose recorded in hospital (5 doses due 28/11 16:00 to 29/11 16:00): check the "
                                 "paper chart"), lines


def test_a_letter_says_an_orders_unrecorded_doses_on_one_line_beside_its_last_given(
        session_for, medication_ward, admission_values, clock):
    """The 29/11 08:00 dose given: the four others, 28/11 20:00 among them, on one line after it."""
    patient, order, nurse = _ward(session_for, medication_ward, admission_values, clock, LEVODOPA_NG, 17)
    _given(nurse, order, "2026-11-29T08:00+01:00", "2026-11-29T08:05+01:00")
    clock.now = datetime.fromisoformat("2026-11-29T17:30+01:00")
    for lines in _levodopa(nurse, patient):
        assert len(lines) == 2 and "last given 29/11/2026 08:05" in lines[0], lines
        assert lines[1] == ("Co-careldopa 25/100 1 tablet(s) NG — no dose recorded in hospital (4 doses due 28/11 "
                            "16:00 to 29/11 16:00): check the paper chart"), lines
