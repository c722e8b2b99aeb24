"""A form's table of repeated rows shares the width it is given among its free-text columns: the
admission's allergies gave all of it to the substance, and the reaction ("Rash, wheeze and lip
swelling within minutes") was a box of a dozen characters beside a substance box of 800 pixels."""

import os

import pytest
from PySide6.QtWidgets import QApplication

from downtime.formspec.schema import TextField
from downtime.qt.field_editors import RepeatEditor
from downtime.qt.style import TEXT_SIZES, change_text_size


@pytest.mark.parametrize("size", [0, len(TEXT_SIZES)])  # steps up from the usual text
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_free_text_columns_share_the_width(qtbot, forms, app_style, lang, size):
    change_text_size(QApplication.instance(), size)
    field = forms["admission"].field("allergies")
    editor = RepeatEditor(field, lang)
    qtbot.addWidget(editor.widget)
    editor.add_row()
    editor.widget.resize(1200, editor.widget.sizeHint().height())
    editor.widget.show()
    qtbot.waitExposed(editor.widget)
    if os.environ.get("F4_SHOTS"):
        editor.widget.grab().save(os.path.join(os.environ["F4_SHOTS"], f"repeat_{lang}_{size}.png"))
    (row,) = editor.rows
    texts = [each.widget for each, sub in zip(row.editors, field.fields) if isinstance(sub, TextField)]
    substance, reaction = texts
    assert reaction.width() >= substance.width() // 2, (substance.width(), reaction.width())
    others = [each.widget for each, sub in zip(row.editors, field.fields) if not isinstance(sub, TextField)]
    assert all(other.width() <= reaction.width() for other in others)
