"""A neuro set not done is exported as an Observation not performed (FHIR R4: status `cancelled`,
its data-absent-reason `asked-declined` for a refusal, `not-performed` for a patient away or any
other reason): it went as a `final` GCS "not applicable", which tells the EHR the GCS does not
apply to this patient (review R2 D6)."""

import pytest
from fhir.resources.R4B.observation import Observation

from downtime.services import records
from tests.test_neuro_not_done import REFUSED, SET


@pytest.mark.parametrize(("why", "absent"), [("refused", "asked-declined"), ("away", "not-performed"),
                                             ("other", "not-performed")])
def test_a_set_not_done_is_exported_cancelled_with_why(session_for, patient, exported_resource, why, absent):
    nurse = session_for("nurse")
    records.save_new(nurse, "neuro_observations", SET, patient_id=patient)
    done_not = records.save_new(nurse, "neuro_observations", {**REFUSED, "not_done": why}, patient_id=patient)
    found = exported_resource(done_not.record_id, Observation)
    assert found.status == "cancelled"
    assert [coding.code for coding in found.dataAbsentReason.coding] == [absent]


def test_a_set_not_done_entered_in_error_is_exported_as_entered_in_error(session_for, patient, exported_resource):
    nurse = session_for("nurse")
    done_not = records.save_new(nurse, "neuro_observations", REFUSED, patient_id=patient)
    records.mark_entered_in_error(nurse, done_not.record_id, "Wrong patient")
    assert exported_resource(done_not.record_id, Observation).status == "entered-in-error"


def test_a_set_taken_is_still_exported_final(session_for, patient, exported_resource):
    taken = records.save_new(session_for("nurse"), "neuro_observations", SET, patient_id=patient)
    assert exported_resource(taken.record_id, Observation).status == "final"
