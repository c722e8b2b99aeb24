"""A fall typed on the ward goes through services.falls.check, new and amended (records'
table of each form's checks): its limbs weak before it asked of a Yes typed, and its last seen well
time held to the stay of the fall. The probes of both were saved: a Yes with no limbs, "19/11 22:00"
typed for 28/11."""

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from downtime.formspec.loader import load_form
from downtime.services import records
from downtime.services.errors import ValidationFailed

FORMS = Path(__file__).parents[1] / "forms"
FOUND = {"fell_at": "2026-11-29T06:30+01:00", "witnessed": "found", "where": "bedside", "fracture_signs": "none",
         "head_injury": "not_excluded", "anticoagulated": True}


@pytest.fixture(autouse=True)
def found_at_06_35(clock) -> None:
    """The tests' clock at 06:35 on 29/11, 5 minutes after the patient was found."""
    clock.now = datetime.fromisoformat("2026-11-29T06:35+01:00")


def test_a_new_fall_saying_yes_without_its_limbs_is_refused(session_for, patient):
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "inpatient_fall", {**FOUND, "weak_before": True}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["weak_limbs"]
    saved = records.save_new(nurse, "inpatient_fall", {**FOUND, "weak_before": True, "weak_limbs": ["arm_left"]},
                             patient_id=patient)
    assert saved.data["weak_limbs"] == ["arm_left"]


def test_a_fall_of_version_4_saying_yes_is_amended_and_a_change_to_yes_asks_the_limbs(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    path = tmp_path / "inpatient_fall.yaml"
    path.write_text((FORMS / "inpatient_fall.yaml").read_text(encoding="utf-8").replace(
        "version: 5\n", "version: 4\n", 1).replace("        since: 5\n", ""), encoding="utf-8")
    older = replace(nurse, forms={**nurse.forms, "inpatient_fall": load_form(path)})
    yes = records.save_new(older, "inpatient_fall", {**FOUND, "weak_before": True}, patient_id=patient)
    records.amend(nurse, yes.record_id, {**yes.data, "family_told": True}, "family told")
    no = records.save_new(nurse, "inpatient_fall", {**FOUND, "weak_before": False}, patient_id=patient)
    with pytest.raises(ValidationFailed):
        records.amend(nurse, no.record_id, {**no.data, "weak_before": True}, "old stroke, as the family says")


def test_last_seen_well_before_admission_is_refused(session_for, patient):
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(session_for("nurse"), "inpatient_fall",
                         {**FOUND, "last_seen_well_at": "2026-11-19T22:00+01:00"}, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["last_seen_well_at"]
