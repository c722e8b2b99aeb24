"""An incomplete paediatric set goes to the EHR as what the app says of it: a score of at least
its total ("PEWS ≥ 5 (incomplete)" on the screen went as "valueInteger": 5, a figure the records
office would back-enter as the child's), and the items not taken by the form's words, the blood
pressure a set may leave out not among them ("Not taken: spo2, heart_rate, systolic_bp,
capillary_refill")."""

import json
from datetime import datetime

from fhir.resources.R4B.observation import Observation

from downtime.services import pews, records
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes


def _totals(session_for, tmp_path, *saved):
    bundle = json.loads((export(session_for("records"), tmp_path / "out").folder / "fhir" / "bundle.json").read_text())
    check_codes(bundle)
    made = {entry["resource"]["id"]: entry["resource"] for entry in bundle["entry"]}
    return [Observation.model_validate(made[one.record_id]) for one in saved]


def test_an_incomplete_set_is_exported_as_at_least_its_score(session_for, admit_to_paediatrics, clock, tmp_path):
    clock.now = datetime.fromisoformat("2026-11-28T08:35+01:00")
    toddler = admit_to_paediatrics("1", "2024-06-01", 12.0, "Toddler")
    nurse = session_for("nurse")
    part = records.save_new(nurse, pews.FORM, {
        "taken_at": "2026-11-28T08:00+01:00", "respiratory_rate": 45, "respiratory_effort": "mild", "oxygen": "low",
        "concern": False, "consciousness": "alert", "next_in": "60"}, patient_id=toddler)
    whole = records.save_new(nurse, pews.FORM, {
        "taken_at": "2026-11-28T08:30+01:00", "respiratory_rate": 30, "respiratory_effort": "normal", "spo2": 97,
        "oxygen": "room_air", "heart_rate": 110, "capillary_refill": "under_3", "concern": False,
        "consciousness": "alert", "next_in": "60"}, patient_id=toddler)
    incomplete, complete = _totals(session_for, tmp_path, part, whole)
    assert incomplete.valueInteger is None and incomplete.valueQuantity.comparator == ">="
    assert (incomplete.valueQuantity.value, incomplete.valueQuantity.system, incomplete.valueQuantity.code) == (
        4, "http://unitsofmeasure.org", "{score}")
    assert "Not taken: SpO2, Heart rate, Capillary refill" in [one.text for one in incomplete.interpretation]
    # No blood pressure is no incomplete set: the score is the child's.
    assert complete.valueInteger == 0 and complete.valueQuantity is None
    assert not [one.text for one in complete.interpretation if one.text.startswith("Not taken")]
