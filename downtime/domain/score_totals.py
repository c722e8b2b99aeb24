"""The scores a form's section adds up as it is typed, as the paper form's total box does: the
Braden scale (domain.braden), the 4AT (domain.delirium), MUST (domain.nutrition), a child's
FLACC or EVENDOL pain score (domain.pain) and the CIWA-Ar
(domain.alcohol_withdrawal). Each is named
by its form's section (`total: braden`), holds each of its items, and says its total with what it
means."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from downtime.domain import alcohol_withdrawal, braden, delirium, nutrition, pain
from downtime.i18n import Lang


@dataclass(frozen=True)
class ScoreTotal:
    """`name` as the form's total box heads it ("Braden", "4AT"); `items` the section's fields
    added up; `meaning` of the answers, in a language."""

    name: str
    items: tuple[str, ...]
    total: Callable[[Mapping[str, Any]], int]
    meaning: Callable[[Mapping[str, Any], Lang], str]
    headline: Callable[[Mapping[str, Any], Lang], str | None] | None = None
    """The total as a record's one line starts with it (records.record_label), None of a record
    not scored; without it, the line gives the items alone."""


FLACC, EVENDOL = pain.SCORED["flacc"], pain.SCORED["evendol"]

SCORE_TOTALS: Mapping[str, ScoreTotal] = {
    "braden": ScoreTotal("Braden", braden.ITEMS, braden.total,
                         lambda answers, lang: braden.BANDS[braden.band(braden.total(answers))][lang]),
    "4at": ScoreTotal("4AT", delirium.ITEMS, delirium.total, delirium.meaning),
    "must": ScoreTotal("MUST", nutrition.ITEMS, nutrition.answers_total, nutrition.meaning),
    "flacc": ScoreTotal("FLACC", FLACC.items, FLACC.total, FLACC.meaning),
    "evendol": ScoreTotal("EVENDOL", EVENDOL.items, EVENDOL.total, EVENDOL.meaning),
    "ciwa_ar": ScoreTotal("CIWA-Ar", alcohol_withdrawal.ITEMS, alcohol_withdrawal.total,
                          alcohol_withdrawal.meaning, alcohol_withdrawal.headline),
}
