"""Each bag up at a death is named among the death's tasks with when it was put up, as a bag left
up at a discharge is: a morphine syringe driver's dose increased at 14:00, the first syringe never
charted taken down, read at the 16:00 death as two identical lines, and the nurse could not tell
which syringe still needed its stop and its destruction."""

from datetime import datetime

from downtime.services import cd_register, chart_alerts, medication, records
from tests.conftest import death_answers
from tests.test_infusion_rates import syringe_running  # noqa: F401  (the fixture)

WITNESS = ("doctor", "2222")


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def test_two_syringes_up_at_a_death_are_each_named_with_when_they_were_put_up(syringe_running, clock, forms,  # noqa: F811
                                                                              session_for):
    nurse, patient, driver = syringe_running
    doctor = session_for("doctor")
    clock.now = _at("2026-11-28T14:00+01:00")
    first = records.current(nurse.db, driver)
    records.amend(doctor, driver, {**first.data, "stop_at": "2026-11-28T14:00+01:00"}, "dose increased")
    increased = records.save_new(doctor, "medication_order", {
        **first.data, "dose": 15.0, "times": "14:00", "start_at": "2026-11-28T14:00+01:00", "stop_at": None},
        patient_id=patient).record_id
    clock.now = _at("2026-11-28T14:05+01:00")
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 30, witness=WITNESS)
    medication.record_dose(nurse, increased, {
        "outcome": "given", "given_at": "2026-11-28T14:00+01:00", "scheduled_for": "2026-11-28T14:00+01:00",
        "dose_given": 15.0, "route": "SC"}, witness=WITNESS,
        overrides={"allergy": "not hers", "already_given": "old syringe replaced, dose increased"})
    clock.now = _at("2026-11-28T16:30+01:00")
    records.save_new(nurse, "death", {**death_answers("2026-11-28T16:00+01:00"), "verified_by": "Dr B",
                                      "expected": True, "family_informed": True}, patient_id=patient)
    (death,) = chart_alerts.left_untold(nurse.db, forms, [], "3B", "en", {}, at=clock.now)
    bags = sorted(said.split("; ")[0] for said in death.said if "up at the death" in said)
    assert bags == ["Morphine put up 28/11 10:00", "Morphine put up 28/11 14:00"]
