"""The syringe driver running at a death charted stopped from the MAR at last offices: the MAR's
Change the rate said "No infusion running" of the patient once dead, though the service takes
the stop of a bag running at the death until the body has left the ward."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from downtime.qt.mar_view import MarView
from downtime.qt.prompts import Prompts
from downtime.services import infusion_rates
from downtime.services.context import Session
from tests.test_infusion_rates import syringe_at_death, syringe_running  # noqa: F401 (fixtures)


def mar_at_the_line(qtbot, nurse: Session, patient: str, driver: str) -> MarView:
    """The patient's MAR shown, active, with the order's line chosen: where the nurse's Alt+key
    for a bag (change the rate, check the infusion) acts on the line chosen."""
    view = MarView(nurse, patient)
    qtbot.addWidget(view)
    with qtbot.waitActive(view):  # a mnemonic answers in the active window only
        view.show()
    line = next(number for number, (row, _) in enumerate(view.model.rows) if row.order.record_id == driver)
    view.table.setCurrentIndex(view.model.index(line, 0))
    return view


def test_the_syringe_driver_is_charted_stopped_from_the_mar_after_the_death(qtbot, syringe_at_death,  # noqa: F811
                                                                            monkeypatch):
    nurse, patient, driver = syringe_at_death
    refused: list[str] = []
    monkeypatch.setattr(Prompts, "error", staticmethod(lambda parent, title, text: refused.append(title)))
    view = mar_at_the_line(qtbot, nurse, patient, driver)
    QTest.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(refused) or (view.rate_dialog is not None and view.rate_dialog.isVisible()))
    assert refused == []
    dialog = view.rate_dialog
    dialog.change.setCurrentIndex(dialog.change.findData(infusion_rates.STOPPED))
    dialog.changed_at.setText("")
    QTest.keyClicks(dialog.changed_at, "13:20")
    with qtbot.waitSignal(dialog.recorded):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert [[change.change for change in changes]
            for changes in infusion_rates.by_bag(nurse.db, [patient]).values()] == [["stopped"]]
