"""The laptop's clock put back mid-page (an hour fast, set right by IT): the page reads in the
order its lines were written, and a dose charted after a count dated later than now is refused
rather than guessed to be before it."""

from datetime import datetime

import pytest

from downtime.services import cd_register, medication
from downtime.services.errors import ServiceError

WITNESS = ("doctor", "2222")


def _given(nurse, morphine, at, **overrides):
    return medication.record_dose(nurse, morphine, {"outcome": "given", "dose_given": 5.0, "route": "SC",
                                                    "given_for": "pain 7/10", "given_at": at}, witness=WITNESS,
                                  overrides=overrides)


def _page(nurse):
    return [(line.kind, line.change, line.balance)
            for line in cd_register.cd_lines(nurse.db, nurse.forms, "3B", "Morphine", "mg")]


def test_a_page_reads_in_the_order_it_was_written(night, session_for, clock):
    """A receipt at 16:00 on the fast clock, the dose it paid for at 15:05 once set right: the
    page (and its print) read the dose first, at a balance of -5."""
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T16:00+01:00")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 10, witness=WITNESS)
    clock.now = datetime.fromisoformat("2026-11-28T15:10+01:00")
    _given(nurse, night[2], "2026-11-28T15:05+01:00")
    assert _page(nurse) == [("receipt", 10.0, 10.0), ("administration", -5.0, 5.0)]


def test_a_dose_after_a_count_dated_later_than_now_is_refused_until_the_cupboard_is_counted(night, session_for,
                                                                                            clock):
    """The 16:00 count (15:00 really) found 15; a dose given at 15:20 was reconciled as if before
    it, nothing taken, the register 15 with 10 in the cupboard."""
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=WITNESS)
    clock.now = datetime.fromisoformat("2026-11-28T16:00+01:00")
    cd_register.cd_count(nurse, "3B", "Morphine", "mg", 15, witness=WITNESS, discrepancy_note="Sr told")
    clock.now = datetime.fromisoformat("2026-11-28T15:25+01:00")
    with pytest.raises(ServiceError) as refused:
        _given(nurse, night[2], "2026-11-28T15:20+01:00")
    assert refused.value.text("en") == (
        "Controlled-drug register: the page has a count dated 28/11/2026 16:00, after now: this laptop's clock was "
        "put back since, and whether the dose was given before that count cannot be told. Count the cupboard with a "
        "witness now (Cupboard count), then chart the dose.")
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 15
    cd_register.cd_count(nurse, "3B", "Morphine", "mg", 10, witness=WITNESS, discrepancy_note="dose of 15:20")
    _given(nurse, night[2], "2026-11-28T15:20+01:00")
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 10
    clock.now = datetime.fromisoformat("2026-11-28T15:40+01:00")
    _given(nurse, night[2], "2026-11-28T15:35+01:00", prn_interval="second dose of the breakthrough")  # after the count written since: taken
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 5
    assert all(balance >= 0 for _, _, balance in _page(nurse))


def test_only_a_later_count_dates_a_count_written_on_a_fast_clock(night, session_for, clock):
    """A receipt written at 15:10 once the clock was set right says nothing of when the "16:00"
    count (15:00 really) was made: a dose taken at 15:05, after it, was reconciled as out before
    it, nothing taken, the register 25 with 20 in the cupboard. It is refused until counted."""
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=WITNESS)
    clock.now = datetime.fromisoformat("2026-11-28T16:00+01:00")
    cd_register.cd_count(nurse, "3B", "Morphine", "mg", 15, witness=WITNESS, discrepancy_note="Sr told")
    clock.now = datetime.fromisoformat("2026-11-28T15:10+01:00")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 10, witness=WITNESS)
    clock.now = datetime.fromisoformat("2026-11-28T15:20+01:00")
    with pytest.raises(ServiceError, match="the page has a count dated 28/11/2026 16:00, after now"):
        _given(nurse, night[2], "2026-11-28T15:05+01:00")
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 25
    cd_register.cd_count(nurse, "3B", "Morphine", "mg", 20, witness=WITNESS, discrepancy_note="dose of 15:05")
    _given(nurse, night[2], "2026-11-28T15:05+01:00")
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 20
