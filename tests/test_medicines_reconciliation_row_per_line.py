"""A reconciliation's row decides the list line it is typed as, never another line naming the same
medicine (two morphines, two eye drops); a line given no row of its own is decided by a row naming
its medicine only when that row names no other line; a list line typed twice is decided once; a
time-critical medicine held stays asked on the ward (Parkinson's UK "Get It On Time", NICE NG71);
a reconciliation deciding nothing is refused unless a list checked is ticked (it cleared "See GP
list" from the patient alone), and what it found, continued and uncharted, is asked like an admission line."""

from datetime import datetime

import pytest

from downtime.services import home_medicines, reconciliation, records, wards
from downtime.services.errors import ValidationFailed
from tests.test_medicines_reconciliation import AT, _held_stopped_continued, _reconcile, _ward_line, admitted  # noqa: F401

LATER = "2026-11-29T15:00+01:00"


def _admit(session_for, admission_values, clock, usual: str) -> str:
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    return records.save_new(session_for("nurse"), "admission", {
        **admission_values, "arrival_at": "2026-11-28T09:00+01:00", "usual_medicines": usual}).patient_id


def test_each_row_decides_its_own_line_of_a_medicine_listed_twice(session_for, admission_values, clock):
    usual = "Oramorph 5mg prn\nMorphine sulfate MR 10mg bd"
    rows = [{"medicine": "Oramorph 5mg prn", "decision": "held", "reason": "drowsy, RR 10"},
            {"medicine": "Morphine  sulfate MR 10mg bd", "decision": "continued"}]
    decided = reconciliation.decisions({"home_list": usual, "decisions": rows}, datetime.fromisoformat(AT))
    assert [(one.line, one.decision) for one in decided] == [
        ("Oramorph 5mg prn", "held"), ("Morphine sulfate MR 10mg bd", "continued")]
    patient = _admit(session_for, admission_values, clock, usual)
    clock.now = datetime.fromisoformat(AT)
    _reconcile(session_for("doctor"), patient, usual, rows)
    clock.now = datetime.fromisoformat(LATER)
    assert "NICE NG5): Morphine sulfate MR 10mg bd: prescriber" in _ward_line(session_for("nurse"), clock.now)


def test_one_row_naming_two_lines_is_refused_naming_both(session_for, admission_values, clock):
    usual = "Eye drops latanoprost 1 drop nocte\nEye drops timolol 0.5% bd"
    assert home_medicines.named("Eye drops latanoprost") != home_medicines.named("Eye drops timolol")
    assert home_medicines.named("Gouttes collyre Xalatan") != home_medicines.named("Collyre Timoptol")
    patient = _admit(session_for, admission_values, clock, "Oramorph 5mg prn\nOramorph 10mg nocte")
    clock.now = datetime.fromisoformat(AT)
    with pytest.raises(ValidationFailed, match="“Oramorph” names both “Oramorph 5mg prn” and “Oramorph 10mg nocte”"):
        _reconcile(session_for("doctor"), patient, "Oramorph 5mg prn\nOramorph 10mg nocte",
                   [{"medicine": "Oramorph", "decision": "stopped", "reason": "drowsy"}])
    with pytest.raises(ValidationFailed, match="no decision for “Eye drops latanoprost 1 drop nocte”"):
        _reconcile(session_for("doctor"), patient, usual,
                   [{"medicine": "Eye drops timolol 0.5% bd", "decision": "stopped", "reason": "bradycardia 38"}])


def test_a_line_typed_twice_is_decided_once(admitted):  # noqa: F811
    usual = "Paracetamol 1 g qds\nParacetamol 1 g qds\nRamipril 10 mg od"
    rows = [{"medicine": "Paracetamol 1 g qds", "decision": "continued"},
            {"medicine": "Ramipril 10 mg od", "decision": "continued"}]
    decided = reconciliation.decisions({"home_list": usual, "decisions": rows}, datetime.fromisoformat(AT))
    assert [one.line for one in decided] == ["Paracetamol 1 g qds", "Ramipril 10 mg od"]


def test_a_time_critical_medicine_held_stays_asked_for_an_alternative_route(session_for, admission_values, clock):
    usual = "Sinemet 25/100 tds"
    patient = _admit(session_for, admission_values, clock, usual)
    clock.now = datetime.fromisoformat(AT)
    _reconcile(session_for("doctor"), patient, usual,
               [{"medicine": usual, "decision": "held", "reason": "nil by mouth for theatre"}])
    assert ("Sinemet 25/100 tds (HELD at reconciliation: nil by mouth for theatre — time-critical: alternative "
            "route?)") in _ward_line(session_for("nurse"), clock.now)
    assert ("Sinemet 25/100 tds (SUSPENDU à la conciliation : nil by mouth for theatre — horaire critique : autre "
            "voie ?)") in _ward_line(session_for("nurse"), clock.now, "fr")


def test_a_list_elsewhere_is_answered_only_by_a_reconciliation_that_found_it(session_for, admission_values, clock):
    usual = "See GP list"
    patient = _admit(session_for, admission_values, clock, usual)
    doctor, nurse = session_for("doctor"), session_for("nurse")
    clock.now = datetime.fromisoformat(AT)
    with pytest.raises(ValidationFailed, match="no medicine decided"):
        records.save_new(doctor, reconciliation.FORM, {
            "reconciled_at": AT, "reconciled_as": "prescriber", "reconciled_by": "Dr Karim Benali",
            "sources": ["patient"], "home_list": usual, "decisions": []}, patient_id=patient)
    _reconcile(doctor, patient, usual, [{"medicine": "Amlodipine 10 mg od", "decision": "continued"},
                                        {"medicine": "Levetiracetam 500 mg bd", "decision": "stopped",
                                         "reason": "seizure-free 5 years"}])
    clock.now = datetime.fromisoformat(LATER)
    said = _ward_line(nurse, clock.now)
    assert "NOT YET LISTED" not in said and "NICE NG5): Amlodipine 10 mg od: prescriber" in said


def test_a_medicine_held_or_stopped_at_reconciliation_is_on_the_handover(session_for, admitted, clock):  # noqa: F811
    patient, _ = admitted
    clock.now = datetime.fromisoformat(AT)
    _held_stopped_continued(session_for("doctor"), patient)
    said = _ward_line(session_for("nurse"), clock.now)
    assert ("Apixaban 5 mg bd: HELD AT RECONCILIATION (hip surgery; until 48 h post-op); Metformin 1 g bd: STOPPED AT "
            "RECONCILIATION (eGFR 22)") in said
    assert ("Apixaban 5 mg bd : SUSPENDU À LA CONCILIATION (hip surgery ; jusqu’à : 48 h post-op)"
            in _ward_line(session_for("nurse"), clock.now, "fr"))


def test_a_second_reconciliation_starts_from_the_standing_decisions():
    """Re-entering 20 decisions by hand, a hurried "continued" un-held apixaban: each row starts
    from the standing decision on its line, or on the one line of the same medicine retyped."""
    at = datetime.fromisoformat(AT)
    standing = {one.line: one for one in reconciliation.decisions({"home_list": "Apixaban 5 mg bd\nRamipril 10 mg od",
                                                                   "decisions": [HELD_ROW, CONTINUED_ROW]}, at)}
    assert reconciliation.first_rows("Apixaban 5mg bd\nRamipril 10 mg od\nParacetamol 1 g qds", standing) == [
        {**HELD_ROW, "medicine": "Apixaban 5mg bd"}, CONTINUED_ROW, {"medicine": "Paracetamol 1 g qds"}]


HELD_ROW = {"medicine": "Apixaban 5 mg bd", "decision": "held", "reason": "hip surgery", "until": "48 h post-op"}
CONTINUED_ROW = {"medicine": "Ramipril 10 mg od", "decision": "continued"}


def test_no_medicine_decided_is_said_by_ticking_the_list_checked(session_for, admission_values, clock):
    """A reconciliation deciding nothing from the patient alone saved and cleared "See GP list";
    none taken is said by the list checked, ticked, and no row."""
    patient = _admit(session_for, admission_values, clock, "Nil")
    clock.now = datetime.fromisoformat(AT)
    values = {"reconciled_at": AT, "reconciled_as": "prescriber", "reconciled_by": "Dr Karim Benali",
              "sources": ["patient"], "home_list": "Nil"}
    with pytest.raises(ValidationFailed, match="Decision on each medicine: no medicine decided"):
        records.save_new(session_for("doctor"), reconciliation.FORM, values, patient_id=patient)
    with pytest.raises(ValidationFailed, match="Décision pour chaque médicament : aucun médicament décidé"):
        records.save_new(session_for("doctor", "fr"), reconciliation.FORM, values, patient_id=patient)
    records.save_new(session_for("doctor"), reconciliation.FORM, {**values, "sources": ["patient", "gp_letter"]},
                     patient_id=patient)
