"""A home medicine changed at reconciliation is sent to the EHR as the home regimen stopped
("changed: …"), its new regimen being the order's MedicationRequest: sent `active`, "Ramipril
10 mg od" read as still taken after it went down to 2.5 mg. Each statement says when it holds from."""

from datetime import datetime

from tests.test_medicines_reconciliation import AT, USUAL, _reconcile, _statements, admitted  # noqa: F401


def test_changed_is_the_home_regimen_stopped_and_each_statement_is_dated(session_for, admitted, clock, tmp_path):  # noqa: F811
    patient, _ = admitted
    clock.now = datetime.fromisoformat(AT)
    _reconcile(session_for("doctor"), patient, USUAL, [
        {"medicine": "Apixaban 5 mg bd", "decision": "continued", "until": "stray text"},
        {"medicine": "Metformin 1 g bd", "decision": "held", "reason": "contrast CT", "until": "48 h after"},
        {"medicine": "Ramipril 10 mg od", "decision": "changed", "reason": "reduced to 2.5 mg, BP 95/60"}])
    told = _statements(session_for, tmp_path, "one")
    assert {text: (one.status, one.statusReason[0].text if one.statusReason else None)
            for text, one in told.items()} == {
        "Apixaban 5 mg bd": ("active", None), "Metformin 1 g bd": ("on-hold", "contrast CT (until 48 h after)"),
        "Ramipril 10 mg od": ("stopped", "changed: reduced to 2.5 mg, BP 95/60")}
    assert {one.effectiveDateTime for one in told.values()} == {datetime.fromisoformat(AT)}
