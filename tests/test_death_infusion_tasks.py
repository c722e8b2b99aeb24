"""A bag up at a death is one of the death's tasks under "Left the ward" until its stop is charted,
and a controlled drug's until what was left in it is recorded destroyed in the register."""

from datetime import datetime

from downtime.services import cd_register, chart_alerts, infusion_rates, medication
from tests.test_infusion_rates import syringe_at_death, syringe_running  # noqa: F401  (fixtures)

DESTROY = ("Morphine is a controlled drug: once it is taken down, destroy what is left in the syringe or bag with a "
           "witness, in the controlled drugs register")
PUT_UP = "Morphine put up 28/11 10:00"


def test_a_syringe_driver_never_charted_stopped_is_handed_over_until_it_is(syringe_at_death, clock, forms):  # noqa: F811
    """A morphine syringe driver up at a 13:00 death, the one prompt at the death's save answered
    Yes and its stop never charted: nothing under "Left the ward" asked for it, nor for the
    morphine left in it to be destroyed with a witness. Charted stopped at 13:20, what was left in
    it is still to destroy: the stop cleared the whole task, and the morphine left in the syringe
    was chased by no one. It goes once the destruction is in the register."""
    nurse, patient, driver = syringe_at_death
    clock.now = datetime.fromisoformat("2026-11-28T15:00+01:00")
    left = lambda: [alert.said for alert in chart_alerts.left_untold(nurse.db, forms, [], "3B", "en", {}, at=clock.now)]
    syringe = f"{PUT_UP}; Morphine: up at the death, never charted stopped: chart its stop; {DESTROY}"
    assert left() == [["death certificate not done", syringe, "amend the death record once done"]]
    infusion_rates.change_rate(nurse, driver, {"changed_at": "2026-11-28T13:20+01:00", "change": "stopped",
                                               "reason": "Patient died 13:00"})
    assert left() == [["death certificate not done", f"{PUT_UP}; Morphine: taken down 13:20; {DESTROY}",
                       "amend the death record once done"]]
    (bag,) = [dose.record_id for dose in medication.administrations(nurse.db, patient) if dose.order_id == driver]
    cd_register.cd_waste(nurse, bag, 8.5, witness=("doctor", "2222"))
    assert left() == [["death certificate not done", "amend the death record once done"]]


def test_a_syringe_driver_found_empty_clears_its_destruction_with_a_witnessed_nothing_left(
        syringe_at_death, clock, forms):  # noqa: F811
    """A driver dosed in mg (its volume unknown to the chart) found empty at its stop: the
    register refused a destruction of 0, and the death asked for one for ever, unless a false one
    was written. A witnessed "nothing left" line answers it, its words on the register's page."""
    nurse, patient, driver = syringe_at_death
    clock.now = datetime.fromisoformat("2026-11-28T15:00+01:00")
    infusion_rates.change_rate(nurse, driver, {"changed_at": "2026-11-28T13:20+01:00", "change": "stopped",
                                               "reason": "Syringe found empty"})
    (bag,) = [dose.record_id for dose in medication.administrations(nurse.db, patient) if dose.order_id == driver]
    before = cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg")
    assert cd_register.cd_waste(nurse, bag, 0, witness=("doctor", "2222")) == before
    (line,) = [line for line in cd_register.cd_lines(nurse.db, nurse.forms, "3B", "Morphine", "mg")
               if line.kind == "wastage"]
    assert line.note.startswith("Nothing left in the infusion") and line.witness
    clock.now = datetime.fromisoformat("2026-12-05T09:00+01:00")
    assert [alert.said for alert in chart_alerts.left_untold(nurse.db, forms, [], "3B", "en", {}, at=clock.now)] == [
        ["death certificate not done", "amend the death record once done"]]
