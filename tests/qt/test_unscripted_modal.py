"""The suite's guard against a modal dialog no test answers: it fails the test, naming the dialog,
where the suite used to wait for a click until CI was stopped."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from downtime.qt.prompts import Prompts


def test_a_message_box_the_code_waits_on_is_closed_and_named(qtbot, modal_watch):
    parent = QWidget()
    qtbot.addWidget(parent)
    modal_watch.patience = 0.3
    Prompts.error(parent, "Not here", "This cell is outside the order's course.")
    assert modal_watch.seen == ["Not here: This cell is outside the order's course."]
    modal_watch.seen.clear()


def test_a_dialog_a_test_drives_while_it_waits_is_left_open(qtbot, modal_watch):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    modal_watch.patience = 0.3
    dialog.open()
    qtbot.wait(800)
    assert dialog.isVisible() and modal_watch.seen == []


def test_a_message_box_a_test_answers_is_not_the_watch_s(qtbot, modal_watch):
    parent = QWidget()
    qtbot.addWidget(parent)
    modal_watch.patience = 0.3

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        box.accept()

    QTimer.singleShot(100, answer)
    Prompts.info(parent, "Saved", "Saved.")
    assert modal_watch.seen == []
