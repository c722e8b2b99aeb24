"""A colleague's PIN on an act (a controlled drug's witness, a dose's giver) is no sign-in of
theirs: it was logged as the doctor "signing in", in a transaction of its own before the dose,
and left there when the dose was then refused."""

from __future__ import annotations

import json

import pytest

from downtime.services import cd_register, medication, staff
from downtime.services.errors import LockedOut, ServiceError, SignInError, ValidationFailed

WITNESS = ("doctor", "2222")
MORPHINE_GIVEN = {"outcome": "given", "given_at": "2026-11-28T10:00+01:00", "dose_given": 5.0, "route": "SC",
                  "given_for": "pain 7/10"}


def _entries_after(db, seq: int) -> list[tuple[str, str, dict[str, str]]]:
    """Who did what, and what a PIN signed (its detail, the row hash a write's own aside)."""
    return [(row["actor"], row["action"], {key: value for key, value in json.loads(row["detail"]).items()
                                           if key != "row_hash"})
            for row in db.query("SELECT actor, action, detail FROM audit WHERE seq > ? ORDER BY seq", [seq])]


def _last_seq(db) -> int:
    return db.execute("SELECT MAX(seq) FROM audit").fetchone()[0]


def test_a_witnessed_dose_audits_the_witness_confirming_it_in_its_own_transaction(session_for, medication_ward,
                                                                                 clock):
    _, _, morphine = medication_ward
    nurse = session_for("nurse")
    clock.now = clock.now.replace(hour=9)
    before = _last_seq(nurse.db)
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=WITNESS)
    (line_id,) = [row[0] for row in nurse.db.execute("SELECT id FROM cd_register")]
    assert _entries_after(nurse.db, before) == [
        ("nurse", "cd.receipt", {}), ("doctor", "witness.confirm", {"register_line": line_id, "recorded_by": "nurse"})]
    clock.now = clock.now.replace(hour=10)
    before = _last_seq(nurse.db)
    dose = medication.record_dose(nurse, morphine, MORPHINE_GIVEN, witness=WITNESS)
    entries = _entries_after(nurse.db, before)
    assert [entry[:2] for entry in entries] == [("nurse", "record.create"), ("nurse", "cd.administration"),
                                                ("doctor", "witness.confirm")]
    assert entries[-1][2] == {"record_id": dose.record_id, "recorded_by": "nurse"}


def test_a_dose_refused_after_its_witness_typed_their_pin_leaves_no_word_of_theirs(session_for, medication_ward,
                                                                                   clock):
    _, _, morphine = medication_ward
    nurse = session_for("nurse")
    clock.now = clock.now.replace(hour=9)
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 15, witness=WITNESS)
    clock.now = clock.now.replace(hour=10)
    before = _last_seq(nurse.db)
    with pytest.raises(ServiceError):  # the register holds 15 mg
        medication.record_dose(nurse, morphine, {**MORPHINE_GIVEN, "dose_given": 50.0}, witness=WITNESS,
                               overrides={check: "as prescribed by the doctor" for check in medication.Check})
    assert _entries_after(nurse.db, before) == []


def test_a_wrong_witness_pin_is_audited_at_once_and_counts_towards_the_lockout(session_for, medication_ward, clock):
    nurse = session_for("nurse")
    before = _last_seq(nurse.db)
    for _ in range(5):
        with pytest.raises(SignInError):
            cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=("doctor", "9999"))
    assert _entries_after(nurse.db, before) == [("doctor", "witness.failed", {})] * 5
    with pytest.raises(LockedOut):
        staff.sign_in(nurse.db, "doctor", "2222", clock)


def test_a_giver_confirming_a_dose_is_audited_as_the_giver_in_its_transaction(session_for, medication_ward, clock):
    _, _, morphine = medication_ward
    nurse = session_for("nurse")
    clock.now = clock.now.replace(hour=9)
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=WITNESS)
    staff.add_staff(session_for("admin"), "night", "Noémie Faure", staff.Role.WARD_NURSE, "5555")
    clock.now = clock.now.replace(hour=10)
    before = _last_seq(nurse.db)
    with pytest.raises(ValidationFailed):
        medication.record_dose(nurse, morphine, {**MORPHINE_GIVEN, "given_by": "night"}, witness=WITNESS,
                               giver_pin="1234")
    assert _entries_after(nurse.db, before) == [("night", "giver.failed", {})]
    before = _last_seq(nurse.db)
    dose = medication.record_dose(nurse, morphine, {**MORPHINE_GIVEN, "given_by": "night"}, witness=WITNESS,
                                  giver_pin="5555")
    signed = {"record_id": dose.record_id, "recorded_by": "nurse"}
    assert [entry for entry in _entries_after(nurse.db, before) if entry[0] != "nurse"] == [
        ("night", "giver.confirm", signed), ("doctor", "witness.confirm", signed)]
