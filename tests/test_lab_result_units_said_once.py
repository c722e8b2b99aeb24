"""A result whose units were typed with its value, as copied from the report, and again in their
own box is said with them once: "Gentamicin 2.4 mg/L mg/L (< 1)" on the tab, the results log,
the handover and the export."""

from datetime import datetime

import pytest

from downtime.services import lab_results, records
from tests.test_drug_levels import RESULT


@pytest.mark.parametrize("result, said", [
    ("2.4 mg/L", "Gentamicin 2.4 mg/L (< 1)"), ("2.4mg/l", "Gentamicin 2.4mg/l (< 1)"),
    ("2.4", "Gentamicin 2.4 mg/L (< 1)"), ("2.4 mmol/L", "Gentamicin 2.4 mmol/L mg/L (< 1)"),
])
def test_a_results_units_typed_with_its_value_are_said_once(session_for, medication_ward, clock, result, said):
    patient = medication_ward[0]
    clock.now = datetime.fromisoformat("2026-11-29T11:35+01:00")
    records.save_new(session_for("nurse"), "lab_result", {**RESULT, "gives": None, "result": result},
                     patient_id=patient)
    [found] = lab_results.chart(session_for("nurse").db, patient)
    assert found.text() == said


@pytest.mark.parametrize("test, result, units, said", [
    ("CA 125", "125", "U/mL", "CA 125 125 U/mL"), ("CA 19-9", "9", "U/mL", "CA 19-9 9 U/mL"),
    ("IL-6", "6", "pg/mL", "IL-6 6 pg/mL"), ("Factor 8", "8", "%", "Factor 8 8 %"),
])
def test_a_result_the_tests_name_ends_with_is_said(session_for, medication_ward, clock, test, result, units, said):
    """Only the units are weighed against the result: "CA 125" of 125 U/mL was said "CA 125 U/mL" on
    the tab, the handover and the export the records office back-enters from (review S_GLN S5)."""
    patient = medication_ward[0]
    clock.now = datetime.fromisoformat("2026-11-29T11:35+01:00")
    records.save_new(session_for("nurse"), "lab_result", {
        **RESULT, "gives": None, "test": test, "result": result, "units": units, "range": None, "flag": "normal"},
        patient_id=patient)
    [found] = lab_results.chart(session_for("nurse").db, patient)
    assert found.text() == said
