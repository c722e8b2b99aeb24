"""A second reconciliation of the stay starts from the standing one's decisions: re-entered by hand,
a hurried "continued" un-held apixaban (the latest reconciliation wins)."""

from datetime import datetime

from downtime.services import prefill, reconciliation
from tests.test_medicines_reconciliation import AT, HELD, STOPPED, USUAL, _reconcile, admitted  # noqa: F401


def test_a_second_reconciliation_starts_from_the_first(session_for, admitted, clock):  # noqa: F811
    patient, _ = admitted
    doctor = session_for("doctor")
    clock.now = datetime.fromisoformat(AT)
    _reconcile(doctor, patient, USUAL, [{**HELD, "medicine": "Apixaban 5 mg bd"}, STOPPED,
                                        {"medicine": "Ramipril 10 mg od", "decision": "continued"}])
    rows = prefill.first_answers(doctor, doctor.form(reconciliation.FORM), patient)["decisions"]
    assert rows == [{**HELD, "medicine": "Apixaban 5 mg bd"}, STOPPED,
                    {"medicine": "Ramipril 10 mg od", "decision": "continued"}]
