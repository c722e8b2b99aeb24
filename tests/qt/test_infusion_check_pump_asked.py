"""The check dialog's pump question, by the bag's state at the time typed
(services.infusion_checks.pump_asked): the form's one label, "Pump working (on hold if paused),
battery good", read the same at a running bag, so a pump found on hold there by mistake (the
patient given nothing) was answered Yes and the check found nothing amiss. A running bag's pump is
asked whether it runs, not on hold or alarming, and its No is flagged: not whether it runs at
the rate set, which has its own box, a pump running at a wrong rate answered No was charted not
running. A paused bag's whether it is on hold; a stopped bag's, checked as it is taken down, is not
said to be on hold. The pump left blank is refused naming the question on screen."""

from datetime import datetime

import pytest

from downtime.qt.infusion_check_dialog import InfusionCheckDialog
from downtime.services import infusion_checks, infusion_rates, medication
from downtime.services.errors import ValidationFailed
from tests.test_infusion_checks import _check
from tests.test_infusion_rates import fluids_running  # noqa: F401  (the fixture)


def _dialog(qtbot, nurse, order_id: str, bag_id: str, at: str) -> InfusionCheckDialog:
    """The check dialog of the bag `bag_id`, the check's time typed as `at`."""
    found = medication.order(nurse.db, order_id)
    bag = next(dose for dose in medication.administrations(nurse.db, found.patient_id) if dose.record_id == bag_id)
    dialog = InfusionCheckDialog(nurse, found, bag)
    qtbot.addWidget(dialog)
    dialog.checked_at.setText(at)
    dialog.checked_at.editingFinished.emit()
    return dialog


def _pump_question(qtbot, nurse, order_id: str, bag_id: str, at: str) -> tuple[str, str]:
    """The pump row's label and its box's accessible name, the check's time typed as `at`."""
    dialog = _dialog(qtbot, nurse, order_id, bag_id, at)
    return dialog.pump_label.text(), dialog.pump_working.accessibleName()


def test_a_running_bags_pump_is_asked_whether_it_runs_and_a_pump_found_on_hold_is_flagged(
        qtbot, fluids_running, clock):  # noqa: F811
    nurse, _, order_id, bag = fluids_running
    running = "Pump running (not on hold or alarming), battery good"
    assert _pump_question(qtbot, nurse, order_id, bag.record_id, "28/11/2026 11:00") == (running, running)
    # Found on hold by mistake for 20 minutes: 42 mL over the expected, within a litre's markings.
    found = _check(nurse, order_id, "2026-11-28T11:00+01:00", 667.0, action="Pump restarted, Dr told",
                   **{infusion_checks.PUMP_WORKING: False})
    assert found.said == ["The pump is not running or its battery is low."]
    infusion_rates.change_rate(nurse, order_id, {"changed_at": "2026-11-28T11:30+01:00", "change": "paused",
                                                 "rate_ml_h": None, "reason": "Hypotensive, fluids held"})
    assert _pump_question(qtbot, nurse, order_id, bag.record_id, "28/11/2026 11:45")[0] == \
        "Pump on hold with no alarm, battery good"
    infusion_rates.change_rate(nurse, order_id, {"changed_at": "2026-11-28T11:50+01:00", "change": "stopped",
                                                 "rate_ml_h": None, "reason": "Tissued"})
    assert _pump_question(qtbot, nurse, order_id, bag.record_id, "28/11/2026 11:50")[0] == \
        "Pump working (bag taken down), battery good"


def test_the_pump_question_is_asked_in_french(fluids_running, clock):  # noqa: F811
    nurse, patient, _, bag = fluids_running
    changes = infusion_rates.by_bag(nurse.db, [patient]).get(bag.record_id, [])
    assert infusion_checks.pump_asked(changes, datetime.fromisoformat("2026-11-28T11:00+01:00"), "fr") == \
        "Pompe en marche (ni en pause ni en alarme), batterie chargée"


def test_a_pump_running_at_a_wrong_rate_is_running_and_only_its_rate_is_found(fluids_running, clock):  # noqa: F811
    nurse, _, order_id, _ = fluids_running
    found = _check(nurse, order_id, "2026-11-28T11:00+01:00", 625.0, pump=100.0, action="Rate reset, Dr told")
    assert found.said == ["The pump shows 100 mL/h, the rate set is 125 mL/h.", infusion_checks.TELL["en"]]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_pump_left_blank_is_refused_naming_the_question_on_screen(
        qtbot, session_for, fluids_running, clock, lang):  # noqa: F811
    _, _, order_id, bag = fluids_running
    nurse = session_for("nurse", lang)
    dialog = _dialog(qtbot, nurse, order_id, bag.record_id, "28/11/2026 11:00")
    dialog.volume_left.setText("625")
    dialog.pump_rate.setText("125")
    dialog.site.setCurrentIndex(dialog.site.findData("ok"))
    dialog.line_intact.setCurrentIndex(dialog.line_intact.findData(True))
    assert dialog.save() is None
    asked = dialog.pump_label.text()
    assert asked == infusion_checks.PUMP_ASKED[None][lang]
    assert f"“{asked}”" in dialog.error.text() or f"« {asked} »" in dialog.error.text(), dialog.error.text()
    with pytest.raises(ValidationFailed) as refused:
        _check(nurse, order_id, "2026-11-28T11:00+01:00", 625.0, **{infusion_checks.PUMP_WORKING: None})
    assert [error.path for error in refused.value.errors] == [infusion_checks.PUMP_WORKING]
    assert asked in refused.value.errors[0].message
