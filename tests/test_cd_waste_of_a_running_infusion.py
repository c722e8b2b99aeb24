"""What is left in a syringe driver is destroyed once it is taken down: recorded destroyed while
the chart says it still runs, the real destruction at the death was then refused."""

import pytest

from downtime.services import cd_register, infusion_rates, records
from downtime.services.errors import ServiceError
from tests.test_infusion_rates import syringe_running  # noqa: F401

WITNESS = ("doctor", "2222")


def _set_up(nurse, patient):
    (dose,) = records.list_current(nurse.db, form_id="medication_administration", patient_ids=[patient])
    return dose.record_id


def test_what_is_left_in_a_running_driver_is_destroyed_only_once_it_is_charted_stopped(syringe_running):  # noqa: F811
    nurse, patient, driver = syringe_running
    dose_id = _set_up(nurse, patient)
    with pytest.raises(ServiceError) as refused:
        cd_register.cd_waste(nurse, dose_id, 8.5, witness=WITNESS)
    assert refused.value.text("en") == (
        "Controlled-drug register: this infusion is still up on the chart: chart its stop first (Stopped (bag taken "
        "down)), then record what was left in it destroyed.")
    infusion_rates.change_rate(nurse, driver, {"changed_at": "2026-11-28T13:20+01:00", "change": "stopped",
                                               "reason": "drowsy"})
    assert cd_register.cd_waste(nurse, dose_id, 8.5, witness=WITNESS) == 10.0


def test_what_is_left_in_a_driver_replaced_by_the_next_syringe_is_destroyed(syringe_running, clock):  # noqa: F811
    """A new syringe of the order put up takes the first one down, stop charted or not."""
    from datetime import datetime

    from downtime.services import medication

    nurse, patient, driver = syringe_running
    dose_id = _set_up(nurse, patient)
    clock.now = datetime.fromisoformat("2026-11-28T13:35+01:00")
    medication.record_dose(nurse, driver, {"outcome": "given", "given_at": "2026-11-28T13:30+01:00",
                                           "dose_given": 10.0, "route": "SC"}, witness=WITNESS,
                           overrides={"allergy": "not hers", "dose_spacing": "syringe blocked, a new one made up"})
    assert cd_register.cd_waste(nurse, dose_id, 8.5, witness=WITNESS) == 0.0
