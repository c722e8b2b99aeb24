"""Care at last offices in the FHIR bundle: nothing dated after Patient.deceasedDateTime. A unit
of blood taken down after the death ends at the death, its take-down in a note; a device taken
out after it is left out, as a patch taken off the body is (the CSV keeps both)."""

import json
from datetime import datetime

from downtime.services import records
from downtime.sync.export import export
from tests.test_last_offices_care_after_death import PUT_IN, TAKEN_OUT, _death, patient  # noqa: F401 (the fixture)
from tests.test_transfusion import END, UNIT


def test_care_after_the_death_is_not_dated_after_it(session_for, patient, clock, tmp_path):  # noqa: F811
    """Unit of red cells 12:00, death 13:00, unit taken down and cannula taken out at 13:20: the
    unit's Procedure ran to 13:20 with "150 mL given", blood into a patient dead 20 minutes, and
    the removal was a Procedure of 13:20 in no stay."""
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T12:05+01:00")
    records.save_new(nurse, "device_check", PUT_IN, patient_id=patient)
    unit = records.save_new(nurse, "blood_transfusion", UNIT, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T13:30+01:00")
    records.save_new(nurse, "transfusion_end", {**END, "unit": unit.record_id, "ended_at": "2026-11-28T13:20+01:00",
                                                "outcome": "stopped_other", "volume": 150}, patient_id=patient)
    records.save_new(nurse, "death", _death("2026-11-28T13:00+01:00"), patient_id=patient)
    removed = records.save_new(nurse, "device_check", {**TAKEN_OUT, "checked_at": "2026-11-28T13:20+01:00"},
                               patient_id=patient)
    bundle = json.loads((export(session_for("records"), tmp_path / "out").folder / "fhir" / "bundle.json")
                        .read_text(encoding="utf-8"))
    resources = [entry["resource"] for entry in bundle["entry"]]
    died = next(one["deceasedDateTime"] for one in resources if one["resourceType"] == "Patient")
    transfusion = next(one for one in resources if one["id"] == unit.record_id)
    assert transfusion["performedPeriod"]["end"] == died
    assert "Taken down at 2026-11-28T13:20:00+01:00, after the death" in [note["text"]
                                                                          for note in transfusion["note"]]
    assert removed.record_id not in [one["id"] for one in resources]
