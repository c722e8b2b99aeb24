"""What a patient's repositioning chart asks of the nurse, as NICE's guideline on pressure ulcers
(CG179, 2014) and the SSKIN bundle have it: a patient at risk changes position as often as their
care plan says (at least every 6 hours, every 4 at high risk), and the skin over their pressure
areas is looked at each time; redness that does not blanch when pressed, or broken skin, is
pressure damage, told to the nurse in charge and dressed and charted as a wound."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from enum import StrEnum

from downtime.domain import elapsed

DAMAGE = frozenset({"category_1", "broken"})
"""The skin findings that are pressure damage (the form's codes)."""


class Sign(StrEnum):
    DAMAGE = "damage"
    OVERDUE = "overdue"


SIGNS: Mapping[Sign, Mapping[str, str]] = {
    Sign.DAMAGE: {"en": "PRESSURE DAMAGE ({where}): tell the nurse in charge, keep the patient off it, chart the wound",
                  "fr": "ESCARRE ({where}) : prévenir l’infirmier(ère) responsable, mettre le patient en décharge, "
                        "suivre la plaie"},
    Sign.OVERDUE: {"en": "REPOSITIONING OVERDUE since {due}", "fr": "CHANGEMENT DE POSITION EN RETARD depuis {due}"},
}
"""What each sign asks: `{where}` the skin's place, `{due}` when the next change fell due."""


def next_due(turned_at: datetime, every_hours: int) -> datetime:
    """When the next change of position falls due, as a watch counts (the night the clocks
    change included)."""
    return elapsed.later(turned_at, timedelta(hours=every_hours))


def signs(skin: str, due_at: datetime, at: datetime) -> list[Sign]:
    """What the patient's latest change of position (its `skin` finding, the next due at
    `due_at`) asks at `at`, the pressure damage first."""
    return [*([Sign.DAMAGE] if skin in DAMAGE else []),
            *([Sign.OVERDUE] if elapsed.instant(due_at) <= elapsed.instant(at) else [])]
