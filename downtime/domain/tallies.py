"""The scores a form's section adds up as it is typed, as the paper form's total box does: the
Braden scale (domain.braden) and the 4AT (domain.delirium). Each is named by its form's section
(`tally: braden`), holds each of its items as a choice, and says its total with what it means."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from downtime.domain import braden, delirium


@dataclass(frozen=True)
class Tally:
    """`name` as the form's total box heads it ("Braden", "4AT"); `items` the section's fields
    totalled; `meaning` of a total in each language."""

    name: str
    items: tuple[str, ...]
    total: Callable[[Mapping[str, Any]], int]
    meaning: Callable[[int], Mapping[str, str]]


TALLIES: Mapping[str, Tally] = {
    "braden": Tally("Braden", braden.ITEMS, braden.total, lambda score: braden.BANDS[braden.band(score)]),
    "4at": Tally("4AT", delirium.ITEMS, delirium.total, lambda score: delirium.OUTCOMES[delirium.outcome(score)]),
}
