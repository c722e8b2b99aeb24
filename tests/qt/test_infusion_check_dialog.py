"""The MAR's "Check the infusion" (qt.infusion_check_dialog): the nurse at a syringe driver types
the volume left and the pump's rate beside the volume expected, answers the line and the pump,
and is told what the check found, with whom to tell."""

import os
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from downtime.services import infusion_checks
from tests.qt.test_mar_stop_after_death import mar_at_the_line
from tests.test_infusion_rates import syringe_running  # noqa: F401 (the fixture)


def _dialog(qtbot, nurse, patient, driver):
    view = mar_at_the_line(qtbot, nurse, patient, driver)
    QTest.keyClick(view, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: view.check_dialog is not None and view.check_dialog.isActiveWindow())  # its shortcuts
    return view, view.check_dialog


def _fill(dialog, left: str, pump: str) -> None:
    """Typed as the nurse does: the volume box has the focus, Tab to the rate, the answers chosen."""
    assert dialog.focusWidget() is dialog.volume_left
    QTest.keyClicks(dialog.volume_left, left)
    QTest.keyClick(dialog.volume_left, Qt.Key.Key_Tab)
    QTest.keyClicks(dialog.focusWidget(), pump)
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.site and dialog.site.currentData() is None  # not looked at yet
    QTest.keyClick(dialog.site, Qt.Key.Key_Down)  # its first answer: no redness, swelling or leak
    for box in (dialog.line_intact, dialog.pump_working):
        box.setCurrentIndex(box.findData(True))


def test_a_syringe_driver_checked_from_the_mar_is_saved_and_said_all_well(qtbot, syringe_running, answers,  # noqa: F811
                                                                         clock):
    nurse, patient, driver = syringe_running
    _, asked = answers
    view, dialog = _dialog(qtbot, nurse, patient, driver)
    # Dosed in mg: nothing to compare with until the set-up check gives the syringe's volume.
    assert dialog.expected.text() == ("Expected left: not known until a first check gives the volume in the syringe;"
                                      " rate set 0.7 mL/h")
    _fill(dialog, "17", "0.7")
    if os.environ.get("B1_SHOTS"):
        dialog.grab().save(os.path.join(os.environ["B1_SHOTS"], "check_dialog.png"))
    with qtbot.waitSignal(dialog.recorded):
        QTest.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    (saved,) = [one for checks in infusion_checks.by_bag(nurse.db, [patient]).values() for one in checks]
    assert (saved.volume_left_ml, saved.pump_rate_ml_h, saved.site, saved.line_intact) == (17.0, 0.7, "ok", True)
    assert asked == [("info", "Checked: 17 mL left, nothing amiss. Next check by 17:30.")]
    # The MAR's cell writes the check after the driver's dose, as the paper chart's line.
    line = next(number for number, (row, _) in enumerate(view.model.rows) if row.order.record_id == driver)
    cells = [view.model.data(view.model.index(line, column)) or "" for column in range(view.model.columnCount())]
    assert any("check 13:30 HL: 17 mL left, pump 0.7 mL/h, site no redness, swelling or leak" in cell for cell in cells)


def test_a_syringe_driver_running_fast_asks_what_was_done_then_says_to_tell_the_prescriber(  # noqa: F811
        qtbot, syringe_running, answers, clock):
    from datetime import datetime

    nurse, patient, driver = syringe_running
    _, asked = answers
    infusion_checks.record_check(nurse, driver, {"checked_at": "2026-11-28T10:30+01:00", "volume_left_ml": 17.0,
                                                 "pump_rate_ml_h": 0.7, "site": "ok", "line_intact": True,
                                                 infusion_checks.PUMP_WORKING: True})
    clock.now = datetime.fromisoformat("2026-11-28T14:30+01:00")
    _, dialog = _dialog(qtbot, nurse, patient, driver)
    assert dialog.expected.text() == "Expected left at 14:30: 14.2 mL; rate set 0.7 mL/h"
    _fill(dialog, "11", "0.7")
    dialog.save_button.click()
    assert "11 mL left, 14.2 mL expected: running faster than set." in dialog.error.text()
    assert dialog.focusWidget() is dialog.action
    if os.environ.get("B1_SHOTS"):
        dialog.grab().save(os.path.join(os.environ["B1_SHOTS"], "check_dialog_refused.png"))
    QTest.keyClicks(dialog.action, "Pump checked, Dr Benali told")
    with qtbot.waitSignal(dialog.recorded):
        dialog.save_button.click()
    assert asked == [("error", "11 mL left, 14.2 mL expected: running faster than set.\nTell the prescriber and the "
                               "nurse in charge: a dose not running as prescribed is investigated.")]


def test_a_check_typed_late_from_paper_shows_the_syringe_up_then_and_an_unanswered_site_is_refused(  # noqa: F811
        qtbot, syringe_running, answers, clock):
    """A new syringe put up 29/11 10:00, the 06:00 check typed at 11:00: the dialog showed the new
    syringe's put-up time and figures; a site left unanswered was charted "No redness"."""
    from datetime import datetime

    from downtime.services import medication

    nurse, patient, driver = syringe_running
    infusion_checks.record_check(nurse, driver, {"checked_at": "2026-11-28T10:30+01:00", "volume_left_ml": 17.0,
                                                 "pump_rate_ml_h": 0.7, "site": "ok", "line_intact": True,
                                                 infusion_checks.PUMP_WORKING: True})
    clock.now = datetime.fromisoformat("2026-11-29T10:05+01:00")
    medication.record_dose(nurse, driver, {"outcome": "given", "given_at": "2026-11-29T10:00+01:00",
                                           "scheduled_for": "2026-11-29T10:00+01:00", "dose_given": 10.0,
                                           "route": "SC"}, witness=("doctor", "2222"),
                           overrides={"allergy": "not hers"})
    clock.now = datetime.fromisoformat("2026-11-29T11:00+01:00")
    _, dialog = _dialog(qtbot, nurse, patient, driver)
    assert dialog.running.text().startswith("Bag or syringe put up 29/11 10:00")
    dialog.checked_at.setFocus()
    dialog.checked_at.selectAll()
    QTest.keyClicks(dialog.checked_at, "29/11/2026 06:00")
    QTest.keyClick(dialog.checked_at, Qt.Key.Key_Tab)
    assert dialog.running.text().startswith("Bag or syringe put up 28/11 10:00")
    # 19 h 30 at 0.7 mL/h since the 10:30 check's 17 mL: 3.3 mL expected.
    assert dialog.expected.text() == "Expected left at 06:00: 3.3 mL; rate set 0.7 mL/h"
    dialog.volume_left.setText("3.3")
    dialog.pump_rate.setText("0.7")
    for box in (dialog.line_intact, dialog.pump_working):
        box.setCurrentIndex(box.findData(True))
    dialog.save_button.click()
    assert "The site" in dialog.error.text() and dialog.focusWidget() is dialog.site


def test_an_overdue_check_on_the_escalation_list_names_its_chart_and_opens_the_mar(  # noqa: F811
        window, syringe_running, clock, listed):
    """The escalation list's line for a syringe driver whose check is overdue named no chart the
    list knew: the tab failed to show it, and Enter on it opened nothing."""
    from datetime import datetime

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from downtime.qt.mar_view import MarView

    _, patient, _ = syringe_running
    clock.now = datetime.fromisoformat("2026-11-28T14:30+01:00")
    panel = window.escalation
    window.tabs.setCurrentWidget(panel)
    panel.refresh()
    listed(panel)
    (row,) = [row for row in range(panel.charts_model.rowCount()) if "INFUSION CHECK OVERDUE" in panel.charts_model.texts(row)[6]]
    assert panel.charts_model.texts(row)[4] == "Infusion or syringe driver"
    panel.charts_table.setFocus()
    panel.charts_table.selectRow(row)
    QTest.keyClick(panel.charts_table, Qt.Key.Key_Return)
    assert isinstance(window.tabs.currentWidget(), MarView) and window.tabs.currentWidget().patient_id == patient


@pytest.fixture
def speaking() -> Iterator[Callable[[str], None]]:
    """speaking(lang): the app's screens in `lang`, English again after the test."""
    from downtime.qt.i18n import set_language

    yield set_language
    set_language("en")


PUT_UP = {"en": "Bag or syringe put up 28/11 10:00: ", "fr": "Poche ou seringue posée le 28/11 10:00 : "}
STOPPED = {"en": "→ stopped {time} (drowsy)", "fr": "→ arrêtée {time} (drowsy)"}


@pytest.mark.parametrize(("stopped_at", "checked_at", "said"), [
    ("2026-11-28T13:20+01:00", "28/11/2026 13:20", "13:20"),
    ("2026-11-29T02:00+01:00", "30/11/2026 08:00", "29/11 02:00")])  # the next day: its date said
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_last_check_of_a_syringe_taken_down_says_it_stopped(qtbot, syringe_running, clock, session_for,  # noqa: F811
                                                                speaking, lang, stopped_at, checked_at, said):
    """The check at the minute the syringe is taken down (its volume left as it comes off) read
    "Bag or syringe put up 28/11 10:00: —": the nurse could not tell it from a bag with no rate.
    Its stop is said as the chart says it under the dose (infusion_rates.change_words), with its
    day when not the bag's: "stopped at 02:00" of a syringe put up the day before read as before
    it was put up."""
    from datetime import datetime

    from downtime.qt.infusion_check_dialog import InfusionCheckDialog
    from downtime.services import infusion_rates, medication, records

    nurse, patient, driver = syringe_running
    clock.now = datetime.fromisoformat("2026-11-30T09:00+01:00")
    infusion_rates.change_rate(nurse, driver, {"changed_at": stopped_at, "change": "stopped", "reason": "drowsy"})
    (bag,) = records.list_current(nurse.db, form_id="medication_administration", patient_ids=[patient])
    order = next(found for found in medication.orders(nurse.db, patient, datetime.fromisoformat(stopped_at))
                 if found.record_id == driver)
    speaking(lang)
    dialog = InfusionCheckDialog(session_for("nurse", lang), order, medication.administration_of(bag))
    qtbot.addWidget(dialog)
    dialog.checked_at.setText(checked_at)
    dialog.checked_at.editingFinished.emit()
    if os.environ.get("F4_SHOTS"):
        dialog.grab().save(os.path.join(os.environ["F4_SHOTS"], f"check_dialog_stopped_{lang}_{checked_at[:2]}.png"))
    assert dialog.running.text() == PUT_UP[lang] + STOPPED[lang].format(time=said)
