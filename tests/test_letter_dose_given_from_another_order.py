"""A letter leaving the hospital does not say a dose with nothing recorded that another order of
the medicine gave for its time (a prescription written again, the first not stopped yet), the
rule the time-critical list leaves such a dose out by: the transfer letter said of levodopa by
mouth "no dose recorded in hospital (due 28/11 12:00): check the paper chart" beside the NG order
that gave the 12:00, and the receiving team chased a dose that was given (review s66 S1, item S2)."""

from downtime.services import prefill
from tests.test_doses_overdue_not_to_give import PARACETAMOL, PARACETAMOL_IV, _admitted, _at, _given
from tests.test_time_critical import LEVODOPA

LETTERS = (("transfer_out", "current_treatments"), ("discharge", "medicines_on_discharge"))


def _lines(session_for, clock, patient, drug: str, at: str) -> list[list[str]]:
    """Each letter's lines of `drug`, read at `at`."""
    clock.now = _at(at)
    nurse = session_for("nurse")
    return [[line for line in prefill.first_answers(nurse, nurse.form(form), patient)[field].split("\n")
             if line.startswith(drug)] for form, field in LETTERS]


def test_a_letter_leaves_out_a_time_critical_dose_given_from_the_rewritten_order(session_for, admission_values, clock):
    """Levodopa PO given at 08:00, rewritten NG from 11:30, whose 12:00 is given: at 13:30 the PO's
    12:00 is no dose unrecorded."""
    by_mouth = {**LEVODOPA, "times": "08:00 12:00 16:00 20:00", "start_at": "2026-11-28T07:45+01:00"}
    patient, (oral, tube) = _admitted(session_for, admission_values, clock, by_mouth,
                                      {**by_mouth, "route": "NG", "start_at": "2026-11-28T11:30+01:00"})
    _given(session_for, clock, oral, "08:00", "08:00", "PO")
    _given(session_for, clock, tube, "12:00", "12:00", "NG")
    for lines in _lines(session_for, clock, patient, "Co-careldopa", "13:30"):
        assert len(lines) == 2 and "no dose recorded" not in "\n".join(lines), lines


def test_a_letter_leaves_out_a_dose_given_from_another_order_of_an_order_none_given(
        session_for, admission_values, clock):
    """Paracetamol PO, none given; its 12:00 given by the IV order written at 11:30: at 13:30 the
    PO's line says no dose unrecorded."""
    patient, (_, iv) = _admitted(session_for, admission_values, clock, PARACETAMOL,
                                 {**PARACETAMOL_IV, "start_at": _at("11:30").isoformat(), "times": "12:00 18:00"})
    _given(session_for, clock, iv, "12:00", "12:00", "IV")
    for lines in _lines(session_for, clock, patient, "Paracetamol", "13:30"):
        assert len(lines) == 2 and "no dose recorded" not in "\n".join(lines), lines
