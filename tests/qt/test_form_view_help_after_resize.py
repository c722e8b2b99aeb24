"""A form's help under its boxes, the window narrowed then widened again (the fall form, 1092 then
910 then 1092 pixels wide): each section kept the height it had with its fields under their
labels, and each hint, beside its label again, was cut to three lines (screen_fit.SectionForm)."""

import os

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from downtime.qt.form_view import FormView
from downtime.qt.style import TEXT_SIZES, change_text_size


def _cut(view: FormView) -> list[str]:
    """The hints shown less tall than their text at their width."""
    hints = [label for label in view.findChildren(QLabel) if label.isVisible() and label.wordWrap()
             and label.text() and any(field.help is not None and label.text() == field.help.get(view.session.lang)
                                      for field in view.spec.fields())]
    assert hints
    return [f"{hint.text()[:40]}: {hint.height()} < {hint.heightForWidth(hint.width())}" for hint in hints
            if hint.height() < hint.heightForWidth(hint.width())]


@pytest.mark.parametrize("size", [0, len(TEXT_SIZES)])  # steps up from the usual text
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_help_text_is_whole_after_the_window_is_narrowed_then_widened(qtbot, window_for, session_for, app_style,
                                                                          lang, size):
    change_text_size(QApplication.instance(), size)
    window = window_for(session_for("nurse", lang))
    view = window.open_form(FormView(window.session, window.session.form("inpatient_fall")))
    window.resize(1092, 582)
    qtbot.waitExposed(view)
    QApplication.processEvents()
    assert _cut(view) == []
    window.resize(910, 582)
    QApplication.processEvents()
    assert _cut(view) == []
    window.resize(1092, 582)
    QApplication.processEvents()
    if os.environ.get("F4_SHOTS"):
        window.grab().save(os.path.join(os.environ["F4_SHOTS"], f"help_{lang}_{size}.png"))
    assert _cut(view) == []
