"""A reading the first version of a set or a falls-risk assessment had and an amendment removed
goes to the EHR again as entered in error (review s65 T4 D1): the standing reading at 3 minutes
found to be another patient's, already sent as final, stayed in the EHR as the evidence of the
postural drop, tied to nothing, and a NEWS2 set's temperature taken out stayed on the chart."""

import json

import pytest
from fhir.resources.R4B.observation import Observation

from downtime.services import records
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes
from downtime.sync.fhir_elements import derived_id
from tests.test_falls_risk import ASSESSED
from tests.test_pdf_news2 import SETS


def _sent(session_for, folder):
    found = export(session_for("records"), folder).folder
    bundle = json.loads((found / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    check_codes(bundle)
    return {entry["fullUrl"].removeprefix("urn:uuid:"): Observation.model_validate(entry["resource"])
            for entry in bundle["entry"]
            if entry["resource"]["resourceType"] == "Observation"}


@pytest.mark.parametrize("form, first, removed, what", [
    ("falls_risk", ASSESSED, {"standing_3_systolic": None, "standing_3_diastolic": None}, "bp_standing_3"),
    ("observations", {**SETS[0], "taken_at": "2026-11-28T10:00+01:00"}, {"temperature": None}, "temperature")])
def test_a_reading_removed_by_an_amendment_is_sent_entered_in_error(session_for, patient, tmp_path, form, first,
                                                                     removed, what):
    nurse = session_for("nurse")
    saved = records.save_new(nurse, form, first, patient_id=patient)
    assert _sent(session_for, tmp_path / "first")[derived_id(saved.record_id, what)].status == "final"
    records.amend(nurse, saved.record_id, {**first, **removed}, "Reading was another patient's")
    sent = _sent(session_for, tmp_path / "after")
    withdrawn = sent[derived_id(saved.record_id, what)]
    assert withdrawn.status == "entered-in-error"
    assert withdrawn.effectiveDateTime == sent[saved.record_id].effectiveDateTime
    assert all(derived_id(saved.record_id, what) not in one.reference for one in sent[saved.record_id].derivedFrom)
