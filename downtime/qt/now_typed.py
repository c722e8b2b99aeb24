"""What typed alone in a date-time box stands for now ("N" or "now", French "M" or "maintenant"),
and the box's hint saying so: one place for every such box, a form's and a dialog's own. The dose
dialog's time box kept the "m" the shortcuts help promised, and Save asked for the date and time."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLineEdit

from downtime.formspec import Lang

NOW_TYPED: dict[Lang, tuple[str, ...]] = {"en": ("n", "now"), "fr": ("m", "maintenant")}
NOW_HINT: dict[Lang, str] = {"en": "DD/MM/YYYY HH:MM, or N for now", "fr": "JJ/MM/AAAA HH:MM, ou M pour maintenant"}


def now_when_typed(box: QLineEdit, lang: Lang, fill_now: Callable[[], None]) -> None:
    """`box` hints that now may be typed, and `fill_now` fills it in when the box is left with
    now typed, by Enter or Tab, before whatever reads the box (connected first, it runs first)."""
    box.setPlaceholderText(NOW_HINT[lang])
    box.editingFinished.connect(lambda: fill_now() if box.text().strip().casefold() in NOW_TYPED[lang] else None)
