"""A dose typed for a time after the patient's death is refused saying the death: the refusal
every end of a stay shared told the nurse that a prescriber prescribes the medicine again, of a
patient who had died."""

from datetime import datetime

import pytest

from downtime.services import cd_register, medication, records
from downtime.services.errors import ServiceError
from tests.conftest import death_answers

WITNESS = ("doctor", "2222")
DOSE = {"outcome": "given", "given_at": "2026-11-28T13:10+01:00", "given_for": "pain", "dose_given": 5.0,
        "route": "SC"}


def test_a_dose_after_the_death_is_refused_naming_the_death(session_for, medication_ward, clock):
    patient, _, morphine = medication_ward
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=WITNESS)
    clock.now = datetime.fromisoformat("2026-11-28T13:30+01:00")
    records.save_new(nurse, "death", {**death_answers("2026-11-28T13:00+01:00"), "verified_by": "Dr B",
                                      "expected": True, "family_informed": True}, patient_id=patient)
    with pytest.raises(ServiceError) as refused:
        medication.record_dose(nurse, morphine, DOSE, witness=WITNESS, overrides={"allergy": "x"})
    assert refused.value.text("en") == (
        "Morphine 5 mg SC: the patient died on 28/11/2026 at 13:00; no dose is given after the death (a dose "
        "given before it is charted at the time it was given).")
    assert "prescribes it again" not in refused.value.text("en")
