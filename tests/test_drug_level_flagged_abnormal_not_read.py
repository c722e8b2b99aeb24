"""A drug level the laboratory flagged Abnormal that the app cannot judge (its value not read as
one number, or no range's top read: domain.lab_results.level_judged) asks before the next dose of
its drug, as a potassium flagged and not read does: "4.2, repeat 4.5" for "< 1" flagged Abnormal
held nothing, its gentamicin due like any other. One judged stays judged by its number."""

from datetime import datetime

import pytest

from downtime.domain.lab_results import Flag, level_above
from downtime.domain.medication import Check
from downtime.services import medication, records
from tests.test_drug_levels import RESULT, TROUGH, _dose, _levels, _round, gentamicin  # noqa: F401 (a fixture)


@pytest.mark.parametrize("result, flag, asks", [
    ("4.2, repeat 4.5", Flag.ABNORMAL, True),
    ("haemolysed", Flag.ABNORMAL, True),
    ("4.2, repeat 4.5", Flag.CRITICAL, True),
    ("4.2, repeat 4.5", Flag.NORMAL, False),
    ("0.4", Flag.ABNORMAL, False),  # read, below "< 1": judged by its number
    ("2.4", Flag.ABNORMAL, True),
])
def test_a_level_not_judged_asks_on_any_flag_but_normal(result, flag, asks):
    assert level_above(result, "< 1", flag) is asks


def test_a_level_flagged_abnormal_not_read_asks_before_the_next_dose(session_for, gentamicin, clock):  # noqa: F811
    patient, order = gentamicin
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T06:05+01:00")
    sample = records.save_new(nurse, "lab_request", TROUGH, patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-29T11:40+01:00")
    records.save_new(nurse, "lab_result", {**RESULT, "request": sample, "result": "4.2, repeat 4.5"},
                     patient_id=patient)
    said = ("Gentamicin: LEVEL FLAGGED ABNORMAL (trough 4.2, repeat 4.5 mg/L), not read as a number against its range: "
            "check it before giving.")
    clock.now = datetime.fromisoformat("2026-11-29T11:55+01:00")
    assert _levels(nurse, order) == _round(nurse, order) == [said]
    with pytest.raises(medication.OverrideNeeded):
        medication.record_dose(nurse, order, _dose("29"))


def test_a_level_typed_with_no_sample_flagged_abnormal_not_read_says_so(session_for, gentamicin, clock):  # noqa: F811
    patient, order = gentamicin
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T11:55+01:00")
    records.save_new(nurse, "lab_result", {**RESULT, "gives": None, "result": "4.2, repeat 4.5", "range": None},
                     patient_id=patient)
    assert _levels(nurse, order) == [(
        "Gentamicin: LEVEL FLAGGED ABNORMAL (Gentamicin 4.2, repeat 4.5 mg/L, received 29/11 11:30), not read as a "
        "number against its range: check it before giving.")]
    assert [w.check for w in medication.check_dose(nurse, order, _dose("29"))
            if w.template.startswith("{drug}: LEVEL FLAGGED")] == [Check.LEVEL_ABOVE_RANGE]


@pytest.mark.parametrize("result, range_text, said", [
    ("0.4", None, ("Gentamicin: LEVEL FLAGGED ABNORMAL (trough 0.4 mg/L), with no range read to judge it by: check "
                   "it against its range before giving.")),
    ("> 2", "see report", ("Gentamicin: LEVEL FLAGGED ABNORMAL (trough > 2 mg/L), with no range read to judge it by: "
                           "check it against its range before giving.")),
    ("4.2, repeat 4.5", None, ("Gentamicin: LEVEL FLAGGED ABNORMAL (trough 4.2, repeat 4.5 mg/L), not read as a "
                               "number against its range: check it before giving.")),
])
def test_a_level_read_as_a_number_with_no_range_says_the_range_is_missing(session_for, gentamicin, clock, result,  # noqa: F811
                                                                         range_text, said):
    """A trough of 0.4 typed with the range left blank was said "not read as a number" (review S2
    S4). Flagged Abnormal, it may be low (a vancomycin trough) or high (a gentamicin's): the app
    cannot tell which with no range, so it asks the nurse to check it against its range, neither
    saying "hold" nor saying nothing, which gave a gentamicin trough of 2.4 unasked."""
    patient, order = gentamicin
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T06:05+01:00")
    sample = records.save_new(nurse, "lab_request", TROUGH, patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-29T11:40+01:00")
    records.save_new(nurse, "lab_result", {**RESULT, "request": sample, "result": result, "range": range_text},
                     patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-29T11:55+01:00")
    assert _levels(nurse, order) == _round(nurse, order) == [said]


def test_a_level_read_with_no_range_flagged_critical_is_held_as_before(session_for, gentamicin, clock):  # noqa: F811
    patient, order = gentamicin
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T11:55+01:00")
    records.save_new(nurse, "lab_result", {**RESULT, "gives": None, "result": "4.2", "range": None,
                                           "flag": "critical"}, patient_id=patient)
    assert _levels(nurse, order) == [
        "Gentamicin: LEVEL FLAGGED CRITICAL (Gentamicin 4.2 mg/L, received 29/11 11:30): hold and ask the doctor."]
