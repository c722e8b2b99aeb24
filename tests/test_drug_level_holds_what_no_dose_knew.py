"""A drug level back above its range holds the next dose until a dose is given knowing it: a
result phoned and written in the paper book, typed after the next dose was given, was taken as
known to whoever gave that dose; and a level the laboratory flagged critical, its range not given
on the telephone, or typed with its units, was not read as above its range at all."""

from datetime import datetime

import pytest

from downtime.domain.lab_results import above_range, level_judged
from downtime.domain.medication import Check
from downtime.services import medication, records
from tests.test_drug_levels import RESULT, TROUGH, _dose, _levels, _round, gentamicin  # noqa: F401 (the fixture)

ABOVE = "Gentamicin: LEVEL ABOVE RANGE (trough 2.4 mg/L, < 1): hold and ask the doctor."


def test_a_level_typed_after_the_dose_it_came_before_holds_the_next(session_for, gentamicin, clock):
    """The trough phoned at 11:30 to the nurse in the bay, the 12:00 dose given by a colleague over
    its LEVEL AWAITED, the result typed at 14:00 with its true time: nobody gave a dose knowing it."""
    patient, order = gentamicin
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T06:05+01:00")
    sample = records.save_new(nurse, "lab_request", TROUGH, patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-29T12:01+01:00")
    medication.record_dose(nurse, order, _dose("29"),
                           overrides={Check.LEVEL_AWAITED: "Level not back, Dr Benali: give"})
    clock.now = datetime.fromisoformat("2026-11-29T14:00+01:00")
    saved = records.save_new(nurse, "lab_result", {**RESULT, "request": sample}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-30T11:55+01:00")
    assert _levels(nurse, order, "30") == [ABOVE]
    # A doctor told of it, recorded later, is no new result: the dose given knowing it ends its hold.
    clock.now = datetime.fromisoformat("2026-11-30T12:01+01:00")
    medication.record_dose(nurse, order, _dose("30"), overrides={Check.LEVEL_ABOVE_RANGE: "Dr Benali: give"})
    clock.now = datetime.fromisoformat("2026-11-30T15:00+01:00")
    records.amend(nurse, saved.record_id, {**saved.data, "told": "Dr Benali", "told_at": "2026-11-30T14:50+01:00",
                                           "acknowledged": True}, "Doctor told")
    clock.now = datetime.fromisoformat("2026-12-01T11:55+01:00")
    next_day = {**_dose("30"), "given_at": "2026-12-01T12:00+01:00", "scheduled_for": "2026-12-01T12:00+01:00"}
    assert Check.LEVEL_ABOVE_RANGE not in {w.check for w in medication.check_dose(nurse, order, next_day)}


@pytest.mark.parametrize("corrected", [
    {"result": "2.4", "flag": "abnormal"},
    {"result": "4.2", "range": None, "flag": "critical"},
])
def test_a_level_corrected_above_its_range_after_the_dose_holds_the_next(session_for, gentamicin, clock, corrected):
    """Typed at 11:05 as "0.4" for "< 1" (a slip), the 12:00 dose given knowing 0.4, corrected at
    14:00 to what the laboratory said: nobody gave a dose knowing the level as it stands."""
    patient, order = gentamicin
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T06:05+01:00")
    sample = records.save_new(nurse, "lab_request", TROUGH, patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-29T11:05+01:00")
    saved = records.save_new(nurse, "lab_result", {**RESULT, "received_at": "2026-11-29T11:00+01:00", "result": "0.4",
                                                   "flag": "normal", "request": sample}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-29T12:01+01:00")
    medication.record_dose(nurse, order, _dose("29"))
    clock.now = datetime.fromisoformat("2026-11-29T14:00+01:00")
    records.amend(nurse, saved.record_id, {**saved.data, **corrected}, "Slip: the laboratory said otherwise")
    clock.now = datetime.fromisoformat("2026-11-30T11:55+01:00")
    [said] = _levels(nurse, order, "30")
    assert said.startswith("Gentamicin: LEVEL ") and said.endswith("hold and ask the doctor.")


@pytest.mark.parametrize("changes", [
    # The laboratory's "4.2, critical", its range not given on the telephone.
    {"result": "4.2", "flag": "critical", "range": None},
    # Critical in words the app does not read as a number.
    {"result": "high, repeat advised", "flag": "critical"},
])
def test_a_level_flagged_critical_the_app_cannot_judge_holds_the_next_dose(session_for, gentamicin, clock, changes):
    patient, order = gentamicin
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T06:05+01:00")
    sample = records.save_new(nurse, "lab_request", TROUGH, patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-29T11:55+01:00")
    records.save_new(nurse, "lab_result", {**RESULT, "request": sample, **changes}, patient_id=patient)
    [said] = _levels(nurse, order)
    assert said.startswith("Gentamicin: LEVEL ") and said.endswith("hold and ask the doctor.")
    assert _round(nurse, order) == [said]


@pytest.mark.parametrize("result", ["2.4 mg/L", "2,4 mg/l", "2.4mg/L"])
def test_a_level_typed_with_its_units_is_read_against_its_range(result):
    """"2.4 mg/L" in the result's box, as the creatinine's "260 µmol/L" is read."""
    assert above_range(result, "< 1")
    assert not above_range(result.replace("2", "0", 1), "< 1")


@pytest.mark.parametrize("result, given, above", [
    ("1.0", "< 1", True), ("1", "Trough < 1", True), ("1,0", "< 1 mg/L (trough, 18-24 h)", True),
    ("1,0", "inférieur à 1", True), ("1.0", "≤ 1", False), ("1.0", "<= 1", False),
    ("1,0", "inférieur ou égal à 1", False), ("1.0", "0.5-1", False), ("0.9", "< 1", False)])
def test_a_level_at_a_bound_that_does_not_hold_its_number_is_above_it(result, given, above):
    """A gentamicin trough below 1 mg/L is the target (BNF): exactly 1.0 for "< 1" held nothing."""
    assert above_range(result, given) is above


@pytest.mark.parametrize("result", ["≥ 10", "≥10", "> 10"])
def test_a_level_given_as_at_least_a_number_above_the_range_is_above_it(result):
    """The laboratory's "≥ 10" (above what the assay reads) is above "< 1", as "> 10" was."""
    assert above_range(result, "< 1")
    assert level_judged(result, "< 1")


@pytest.mark.parametrize("result, range_text, judged", [
    ("≤ 0.3", "< 1", True), ("< 0.3", "< 1", True), ("3", None, False), ("high, repeat advised", "< 1", False),
    ("< 0.5", None, True), ("<0.3", None, True), ("≤ 0.3", "", True),
])
def test_a_level_is_judged_by_its_range_only_when_both_are_read(result, range_text, judged):
    """Else the laboratory's Critical flag alone holds the dose, said as such (LEVEL FLAGGED
    CRITICAL): a "3" flagged critical with no range may be low, and was called above its range."""
    assert level_judged(result, range_text) is judged


@pytest.mark.parametrize("range_text", ["Trough < 1", "trough <1 mg/L", "Pre-dose: < 1", "Target trough < 1",
                                        "Résiduelle < 1", "Trough less than 1"])
def test_a_range_with_words_before_its_bound_is_read(range_text):
    """A gentamicin trough of 2.4 for "Trough < 1" held nothing unless flagged Critical: the bound
    was read only at the range's start (review S_GLN S7)."""
    assert level_judged("2.4", range_text)
    assert above_range("2.4", range_text)
    assert not above_range("0.6", range_text)


@pytest.mark.parametrize("range_text", ["Peak 5-10, trough < 1", "10 mg/L < peak"])
def test_a_bound_after_another_number_is_not_the_ranges_top(range_text):
    """Whose bound a "<" after a number is cannot be told: the range's pair, or nothing, is read."""
    assert not above_range("2.4", range_text)


@pytest.mark.parametrize("result", ["< 0.5", "<0.3", "≤ 0.3"])
def test_a_level_below_the_assays_floor_flagged_critical_holds_nothing(session_for, gentamicin, clock, result):
    """"< 0.5" flagged Critical, its range not given, is above nothing: holding the aminoglycoside
    because its level is low delays an antibiotic in sepsis (review S_GLN S6)."""
    patient, order = gentamicin
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T06:05+01:00")
    sample = records.save_new(nurse, "lab_request", TROUGH, patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-29T11:55+01:00")
    records.save_new(nurse, "lab_result", {**RESULT, "request": sample, "result": result, "flag": "critical",
                                           "range": None}, patient_id=patient)
    assert _levels(nurse, order) == []
