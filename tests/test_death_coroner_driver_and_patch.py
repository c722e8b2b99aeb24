"""A death referred to the coroner: its syringe driver is switched off and left with the body, its
contents with it, and its patch left on, for the coroner (Hospice UK, Care after death 2022): the
save asked the driver taken down and what was left destroyed, and the patch taken off."""

from datetime import datetime

from downtime.services import chart_alerts, leaving, medication, records
from tests.conftest import death_answers
from tests.test_cd_register_infusions_and_patches import APPLIED, WITNESS, patch  # noqa: F401 (the fixture)
from tests.test_infusion_rates import syringe_running  # noqa: F401 (the fixture)


def test_a_coroners_case_leaves_the_driver_and_the_patch_for_the_coroner(syringe_running, patch,  # noqa: F811
                                                                         session_for, clock):
    """Morphine driver running and a fentanyl patch on at a death at 13:00 referred to the coroner."""
    nurse, patient, _ = syringe_running
    _, patch_order = patch
    clock.now = datetime.fromisoformat("2026-11-28T08:05+01:00")
    medication.record_dose(nurse, patch_order, APPLIED, witness=WITNESS)
    clock.now = datetime.fromisoformat("2026-11-28T13:30+01:00")
    died = datetime.fromisoformat("2026-11-28T13:00+01:00")
    asked = leaving.still_asked(nurse.db, nurse.forms, patient, died, "en", died=True, coroner=True)
    assert "destroy" not in asked
    assert "take it off" not in asked
    assert "switch it off and leave the syringe or bag, and what is in it, with the body for the coroner" in asked
    assert "leave it on for the coroner" in asked
    records.save_new(nurse, "death", {**death_answers("2026-11-28T13:00+01:00"), "verified_by": "Dr B",
                                      "expected": True, "family_informed": True, "certificate_done": True,
                                      "referred_to_coroner": True}, patient_id=patient)
    said = [line for alert in chart_alerts.left_untold(nurse.db, nurse.forms, [], None, "en", {}, at=clock.now)
            if alert.form_id == "death" for line in alert.said]
    assert not any("take it off at last offices" in line for line in said)
