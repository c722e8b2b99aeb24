"""What a screen reader says a box is: its label's words. Qt names a box by the label whose
buddy it is, but reads a combo by its current text ("Given", not "Outcome"), and a box whose
label moves elsewhere is left a nameless "edit"; named here, it keeps its label whatever the
layout."""

from __future__ import annotations

import re
from typing import TypeVar

from PySide6.QtWidgets import QFormLayout, QWidget

Box = TypeVar("Box", bound=QWidget)


def named(box: Box, label: str) -> Box:
    """`box` given `label` as its accessible name, without the & of its Alt letter ("Actual
    &time" reads "Actual time"; "&&" is a written &)."""
    box.setAccessibleName(re.sub(r"&(.)", r"\1", label))
    return box


def add_row(form: QFormLayout, label: str, box: QWidget) -> None:
    """A row of `form`: `label` beside `box`, the box named as its label reads (`named`)."""
    form.addRow(label, named(box, label))
