"""Care at last offices charted at its true time: a device taken out and a unit of blood taken
down after a death, accepted until the body leaves the ward and refused after it, as a syringe
driver's stop is (census.LAST_OFFICES)."""

from datetime import datetime

import pytest

from downtime.services import leaving, records, wards
from downtime.services.errors import ServiceError, ValidationFailed
from tests.conftest import death_answers
from tests.test_transfusion import END, UNIT

PUT_IN = {"checked_at": "2026-11-28T09:30+01:00", "event": "inserted", "device": "peripheral", "site": "Left forearm",
          "size": "20 G", "next_in": "8"}
TAKEN_OUT = {"event": "removed", "device": "peripheral", "site": "Left forearm", "removed_why": "not_needed",
             "vip": "0"}


@pytest.fixture
def patient(session_for, admission_values):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    return records.save_new(session_for("nurse"), "admission", {**admission_values,
                                                                "arrival_at": "2026-11-28T09:00+01:00"}).patient_id


def _death(at: str, **answers):
    return {**death_answers(at), "verified_by": "Dr B", "expected": False, "family_informed": True, **answers}


def test_a_cannula_taken_out_at_last_offices_is_charted_until_the_body_leaves(session_for, patient, clock):
    """Cannula in at 09:30, death at 13:00, taken out at last offices at 13:20: refused as "not in
    hospital", the device chart showed nothing open and the export an insertion never removed."""
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T12:00+01:00")
    records.save_new(nurse, "device_check", PUT_IN, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T14:40+01:00")
    records.save_new(nurse, "death", _death("2026-11-28T13:00+01:00", left_ward_at="2026-11-28T14:00+01:00"),
                     patient_id=patient)
    with pytest.raises(ServiceError) as gone:
        records.save_new(nurse, "device_check", {**TAKEN_OUT, "checked_at": "2026-11-28T14:30+01:00"},
                         patient_id=patient)
    assert "not in hospital at that time" in gone.value.text("en")
    with pytest.raises(ServiceError) as checked:
        records.save_new(nurse, "device_check", {**TAKEN_OUT, "event": "checked", "still_needed": True, "next_in": "8",
                                                 "checked_at": "2026-11-28T13:10+01:00"},
                         patient_id=patient)
    assert "not in hospital at that time" in checked.value.text("en")
    removed = records.save_new(nurse, "device_check", {**TAKEN_OUT, "checked_at": "2026-11-28T13:20+01:00"},
                               patient_id=patient)
    assert removed.data["checked_at"] == "2026-11-28T13:20+01:00"


def test_a_unit_taken_down_after_the_death_keeps_its_true_time(session_for, patient, clock):
    """Unit started at 12:00, the patient died at 13:10 and the unit was taken down at 13:20: the
    death was refused as putting the end outside the stay, and the nurse backdated the end."""
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T13:30+01:00")
    unit = records.save_new(nurse, "blood_transfusion", UNIT, patient_id=patient)
    with pytest.raises(ValidationFailed) as running:
        records.save_new(nurse, "death", _death("2026-11-28T13:10+01:00"), patient_id=patient)
    assert "at the time it was taken down, after the death if so" in running.value.errors[0].message
    records.save_new(nurse, "transfusion_end", {**END, "unit": unit.record_id, "ended_at": "2026-11-28T13:20+01:00",
                                                "outcome": "stopped_other", "volume": 150}, patient_id=patient)
    death = records.save_new(nurse, "death", _death("2026-11-28T13:10+01:00"), patient_id=patient)
    with pytest.raises(ServiceError) as left:
        records.amend(nurse, death.record_id, {**death.data, "left_ward_at": "2026-11-28T13:15+01:00"},
                      "Taken to the mortuary")
    assert "would then be after the body left the ward" in left.value.text("en")


def test_a_coroners_case_keeps_its_lines_in_and_says_so_before_and_after_the_death_is_saved(session_for, patient,
                                                                                             clock):
    """Cannula in at 09:30, death at 13:00 referred to the coroner: nothing asked of the cannula
    before the save, and its removal at 13:20 taken without a word, where a coroner's case keeps
    its lines and devices in."""
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T12:00+01:00")
    records.save_new(nurse, "device_check", PUT_IN, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T13:30+01:00")
    died = datetime.fromisoformat("2026-11-28T13:00+01:00")
    cannula = "Peripheral venous cannula, Left forearm, in since 28/11 09:30 (day 1)"
    assert f"• STILL IN: {cannula}: take it out at last offices and chart it removed" in leaving.still_asked(
        nurse.db, nurse.forms, patient, died, "en", died=True).splitlines()
    assert (f"• STILL IN: {cannula}: the death is referred to the coroner: leave it in place for the coroner"
            in leaving.still_asked(nurse.db, nurse.forms, patient, died, "en", died=True, coroner=True).splitlines())
    records.save_new(nurse, "death", _death("2026-11-28T13:00+01:00", referred_to_coroner=True), patient_id=patient)
    with pytest.raises(ServiceError) as kept:
        records.save_new(nurse, "device_check", {**TAKEN_OUT, "checked_at": "2026-11-28T13:20+01:00"},
                         patient_id=patient)
    assert "referred to the coroner: leave lines and devices in place for the coroner" in kept.value.text("en")
