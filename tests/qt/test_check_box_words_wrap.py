"""A form's check box given less room than its words on one line wraps them: a QCheckBox's own
text never wraps, and at the largest text the VTE form's "On an anticoagulant raising the bleeding
risk (warfarin, INR over 2)" held the form 1,322 pixels wide, scrolled sideways from each box to its
label. The box is still one control the keyboard ticks, that a click on its words ticks, that a
screen reader names by its words, and that greys out with them."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox

from downtime.qt.field_editors import MultiEditor
from downtime.qt.style import TEXT_SIZES, change_text_size

ANTICOAGULATED = "On an anticoagulant raising the bleeding risk (warfarin, INR over 2)"


def _bleeding_risks(qtbot, forms) -> MultiEditor:
    editor = MultiEditor(forms["vte_assessment"].field("bleeding_risks"), "en")
    qtbot.addWidget(editor.widget)
    return editor


def test_a_check_box_wraps_its_words_in_less_room_than_one_line(qtbot, forms, app_style):
    change_text_size(QApplication.instance(), len(TEXT_SIZES))
    editor = _bleeding_risks(qtbot, forms)
    box = editor.boxes["anticoagulated"]
    box.ensurePolished()  # in the largest text's font
    one_line = box.fontMetrics().horizontalAdvance(ANTICOAGULATED)
    least = editor.widget.minimumSizeHint().width()
    assert least < one_line
    editor.widget.resize(least, editor.widget.heightForWidth(least))
    editor.widget.show()
    qtbot.waitExposed(editor.widget)
    words = box.words
    assert box.width() < one_line
    assert words.height() >= words.heightForWidth(words.width()) > words.fontMetrics().height(), "2 lines, whole"


def test_the_words_tick_their_box_and_the_keyboard_reaches_it(qtbot, forms):
    editor = _bleeding_risks(qtbot, forms)
    editor.widget.show()
    qtbot.waitExposed(editor.widget)
    box = editor.boxes["anticoagulated"]
    assert box.accessibleName() == ANTICOAGULATED
    words_end = box.words.x() + box.words.fontMetrics().horizontalAdvance(ANTICOAGULATED)
    QTest.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(words_end - 4, box.height() // 2))
    assert box.isChecked() and "anticoagulated" in editor.raw()
    QTest.keyClick(box, Qt.Key.Key_Space)
    assert not box.isChecked()
    editor.offer({"active_bleeding"})
    assert not box.isEnabled()


def test_a_click_beside_shorter_words_ticks_nothing(qtbot, forms):
    """The blank a column leaves past a box's words is not the box: a stray click beside a sepsis
    red flag ticked it."""
    editor = _bleeding_risks(qtbot, forms)
    editor.widget.show()
    qtbot.waitExposed(editor.widget)
    box = min(editor.boxes.values(), key=lambda one: one.words.fontMetrics().horizontalAdvance(one.words.text()))
    words_end = box.words.x() + box.words.fontMetrics().horizontalAdvance(box.words.text())
    assert box.width() > words_end + 20, "a shorter box than its column"
    QTest.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(words_end + 10, box.height() // 2))
    assert not box.isChecked()


@pytest.mark.parametrize("form_id, field", [("sepsis_screening", "red_flags"), ("vte_assessment", "against_stockings")])
def test_at_the_usual_text_a_box_whose_words_fit_keeps_them_on_one_line(qtbot, forms, form_id, field):
    """Given the room a laptop's form gives it (1,000 pixels), each box holds its words on one line
    as a QCheckBox does, and as high: sized by its wrapped words, the sepsis red flags went two
    columns of broken lines, the VTE reasons against stockings 644 pixels wide in a 1,016-pixel row."""
    editor = MultiEditor(forms[form_id].field(field), "en")
    qtbot.addWidget(editor.widget)
    editor.widget.resize(1000, editor.widget.heightForWidth(1000))
    editor.widget.show()
    qtbot.waitExposed(editor.widget)
    plain = QCheckBox("x")
    qtbot.addWidget(plain)
    for box in editor.boxes.values():
        assert box.words.height() < 2 * box.words.fontMetrics().height(), box.words.text()
        assert box.height() >= plain.sizeHint().height()
