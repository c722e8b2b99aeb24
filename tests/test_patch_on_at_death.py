"""A medicine patch on the skin at a death (fentanyl, buprenorphine): asked before the death is
saved, a task of the death until its removal is charted at last offices, as a syringe driver
running at the death is."""

import json
from datetime import datetime

import pytest

from downtime.domain.medication import Check
from downtime.services import chart_alerts, leaving, medication, records
from downtime.sync.export import export
from tests.conftest import death_answers
from tests.test_cd_register_infusions_and_patches import APPLIED, WITNESS, patch  # noqa: F401

DIED = datetime.fromisoformat("2026-11-28T13:00+01:00")
ON = ("PATCH ON: Fentanyl 25 microgram patch TOP every 3 days, Left upper arm, applied 28/11 08:00: take it off at last "
      "offices and record it removed (the order's dose not given, previous patch removed)")
"""Nothing of its destruction: the CD register keeps no patch as wastage, and "destroy it,
witnessed" cleared with the removal, the destruction recorded nowhere."""
TAKEN_OFF = {"outcome": "not_given", "not_given_reason": "other", "not_given_detail": "Died: taken off at last offices",
             "previous_patch": "removed"}


def test_a_fentanyl_patch_on_at_a_death_is_asked_and_a_task_until_charted_removed(patch, session_for, clock,
                                                                                   medication_ward):
    """Applied at 08:00, the patient died at 13:00: nothing asked for the patch, before the save
    or after it, and the Schedule 2 drug still in it went to the mortuary unaccounted for."""
    nurse, order_id = patch
    patient = medication_ward[0]
    medication.record_dose(nurse, order_id, APPLIED, witness=WITNESS)
    clock.now = datetime.fromisoformat("2026-11-28T15:30+01:00")
    asked = leaving.still_asked(nurse.db, nurse.forms, patient, DIED, "en", died=True)
    assert asked is not None and f"• {ON}" in asked.splitlines(), asked
    records.save_new(nurse, "death", {**death_answers("2026-11-28T13:00+01:00"), "verified_by": "Dr B",
                                      "expected": True, "family_informed": True, "certificate_done": True,
                                      "left_ward_at": "2026-11-28T15:00+01:00"}, patient_id=patient)

    def left() -> list[list[str]]:
        return [alert.said for alert in chart_alerts.left_untold(nurse.db, nurse.forms, [], "3B", "en", {},
                                                                 at=clock.now, zone=clock.now.tzinfo)]

    assert patient in chart_alerts.deaths_unfinished(nurse.db)
    assert left() == [[ON, "amend the death record once done"]]
    with pytest.raises(medication.OverrideNeeded) as gone:
        medication.record_dose(nurse, order_id, {**TAKEN_OFF, "given_at": "2026-11-28T15:10+01:00"})
    assert [warning.check for warning in gone.value.warnings] == [Check.NOT_ADMITTED]
    medication.record_dose(nurse, order_id, {**TAKEN_OFF, "given_at": "2026-11-28T13:20+01:00"})
    assert medication.patches_on_now(nurse.db, patient) == []
    assert left() == [] and patient not in chart_alerts.deaths_unfinished(nurse.db)


def test_a_patch_not_found_at_last_offices_is_charted_as_one_removed_is(patch, session_for, clock, medication_ward):
    """Not on the body at last offices (a controlled drug gone missing): "The patient is not
    admitted at that time." asked a reason, where the patch taken off passed."""
    nurse, order_id = patch
    patient = medication_ward[0]
    medication.record_dose(nurse, order_id, APPLIED, witness=WITNESS)
    clock.now = datetime.fromisoformat("2026-11-28T13:40+01:00")
    records.save_new(nurse, "death", {**death_answers("2026-11-28T13:00+01:00"), "verified_by": "Dr B",
                                      "expected": True, "family_informed": True, "certificate_done": True},
                     patient_id=patient)
    missing = {**TAKEN_OFF, "not_given_detail": "Died: patch not on the body at last offices",
               "previous_patch": "not_found", "given_at": "2026-11-28T13:20+01:00"}
    assert medication.check_dose(nurse, order_id, missing) == []
    medication.record_dose(nurse, order_id, missing)
    assert medication.patches_on_now(nurse.db, patient) == []


def test_a_patch_taken_off_at_last_offices_goes_to_the_ehr_as_no_dose_after_the_death(patch, session_for, clock,
                                                                                     medication_ward, tmp_path):
    """Taken off at 13:20 of a death at 13:00, the removal reached the EHR as a fentanyl
    administration "not-done" at 13:20, after the Patient's deceasedDateTime."""
    nurse, order_id = patch
    patient = medication_ward[0]
    medication.record_dose(nurse, order_id, APPLIED, witness=WITNESS)
    clock.now = datetime.fromisoformat("2026-11-28T13:40+01:00")
    records.save_new(nurse, "death", {**death_answers("2026-11-28T13:00+01:00"), "verified_by": "Dr B",
                                      "expected": True, "family_informed": True, "certificate_done": True},
                     patient_id=patient)
    medication.record_dose(nurse, order_id, {**TAKEN_OFF, "given_at": "2026-11-28T13:20+01:00"})
    bundle = json.loads((export(session_for("records"), tmp_path / "out").folder / "fhir" / "bundle.json").read_text())
    resources = [entry["resource"] for entry in bundle["entry"]]
    died = next(datetime.fromisoformat(resource["deceasedDateTime"]) for resource in resources
                if resource["resourceType"] == "Patient" and resource["id"] == patient)
    given = [resource for resource in resources if resource["resourceType"] == "MedicationAdministration"
             and resource["request"]["reference"].endswith(order_id)]
    assert [resource["status"] for resource in given] == ["completed"]
    assert all(datetime.fromisoformat(resource.get("effectiveDateTime") or resource["effectivePeriod"]["start"]) < died
               for resource in given)
