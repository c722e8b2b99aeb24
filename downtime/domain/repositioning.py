"""What a patient's repositioning chart asks of the nurse, as NICE's guideline on pressure ulcers
(CG179, 2014) and the SSKIN bundle have it: a patient at risk changes position as often as their
care plan says (at least every 6 hours, every 4 at high risk), and the skin over their pressure
areas is looked at each time; redness that does not blanch when pressed, or broken skin, is
pressure damage, told to the nurse in charge and dressed and charted as a wound."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from enum import StrEnum

from downtime.domain import elapsed
from downtime.domain.braden import Band
from downtime.domain.wounds import WORSE_CATEGORY

DAMAGE_CATEGORY: Mapping[str, int] = {"category_1": 1, "broken": 2}
"""The skin findings that are pressure damage (the form's codes), each with the least pressure
ulcer category it is, in domain.wounds.WORSE_CATEGORY's steps: broken skin or a blister is
category 2 or worse, which a category 1 on the wound chart does not cover (`covers`)."""
DAMAGE = frozenset(DAMAGE_CATEGORY)
"""The skin findings that are pressure damage."""
DECLINED = "declined"
"""The position of a change offered and declined: the patient was not moved."""
EVERY_AT_MOST: Mapping[Band, int] = {Band.VERY_HIGH: 4, Band.HIGH: 4, Band.MODERATE: 6, Band.MILD: 6}
"""The most hours between two changes of position NICE CG179 asks at each Braden band at risk
(at least every 6 hours, every 4 at high risk); a patient not at risk has no turning chart."""


class Sign(StrEnum):
    DAMAGE = "damage"
    OVERDUE = "overdue"
    LATE = "late"
    UNCHARTED = "uncharted"


SIGNS: Mapping[Sign, Mapping[str, str]] = {
    Sign.DAMAGE: {"en": "PRESSURE DAMAGE ({where}): tell the nurse in charge, keep the patient off it, chart the wound",
                  "fr": "ESCARRE ({where}) : prévenir l’infirmier(ère) responsable, mettre la zone en décharge, "
                        "suivre la plaie"},
    Sign.OVERDUE: {"en": "REPOSITIONING OVERDUE since {due}", "fr": "CHANGEMENT DE POSITION EN RETARD depuis {due}"},
    Sign.LATE: {"en": "LATE: due {due}", "fr": "EN RETARD : prévu le {due}"},
    Sign.UNCHARTED: {"en": "REPOSITIONING NOT CHARTED (Braden {score}, {band}): change the patient's position at "
                           "least every {every} hours",
                     "fr": "CHANGEMENTS DE POSITION NON TRACÉS (Braden {score}, {band}) : changer le patient de "
                           "position au moins toutes les {every} heures"},
}
"""What each sign asks: `{where}` the skin's place, `{due}` when the next change fell due (a
change charted after it: LATE, what the chart says of that line once it is made);
`{score}` and `{band}` the latest Braden, `{every}` the most hours its band allows between two
changes (`EVERY_AT_MOST`)."""
DAMAGE_CHARTED: Mapping[str, str] = {"en": "PRESSURE DAMAGE ({where}): on the wound chart, “{wound}” {time}",
                                     "fr": "ESCARRE ({where}) : suivie sur la feuille des plaies, « {wound} » {time}"}
"""`Sign.DAMAGE` once the wound is charted (`{wound}` as named, looked at `{time}`): told and
charted, it is named, not asked again at every turn for as long as the ulcer lasts."""


def covers(category: str | None, skin: str) -> bool:
    """Whether a pressure ulcer charted at `category` (the wound form's code) covers the damage a
    turn found (`skin`, one of `DAMAGE`): broken skin at a heel charted category 1 is worse than
    the wound chart says, told and charted again (it is then reported as an incident)."""
    return WORSE_CATEGORY.get(category or "", 0) >= DAMAGE_CATEGORY[skin]


def next_due(turned_at: datetime, every_hours: int) -> datetime:
    """When the next change of position falls due, as a watch counts (the night the clocks
    change included)."""
    return elapsed.later(turned_at, timedelta(hours=every_hours))


def due_after(position: str, turned_at: datetime, every_hours: int, due_before: datetime | None) -> datetime:
    """When the next change falls due after a line of the chart, `due_before` the one due before
    it (None for the chart's first): `every_hours` after a change that moved the patient; a
    decline moves nothing, and the change due before it stays due (declined at 14:45, a patient
    last turned at 12:30 read as turned, and fell overdue only at 16:45). A first line declined
    counts from itself, there being no change before it."""
    if position == DECLINED and due_before is not None:
        return due_before
    return next_due(turned_at, every_hours)


def uncharted_from(band: Band, assessed_at: datetime) -> datetime | None:
    """When a patient assessed at risk (`band`, at `assessed_at`) with no change of position
    charted since is asked for one: once the most hours their band allows (`EVERY_AT_MOST`)
    have gone by. None for a patient not at risk."""
    every = EVERY_AT_MOST.get(band)
    return None if every is None else next_due(assessed_at, every)


def due_at_band(due_at: datetime, turned_at: datetime, band: Band, assessed_at: datetime) -> datetime:
    """When the next change after the latest (at `turned_at`, due at `due_at` as its line said)
    falls due once the risk is assessed again after it (`band`, at `assessed_at`): no later than
    the band's hours after it (`EVERY_AT_MOST`; NICE asks a reassessment on any change, and the
    turns to follow it). Braden 16 turned "next in 6 hours" at 10:30 then scored 9 at 14:00 said
    "next due 16:30" at 15:30, where a change was due by 14:30."""
    every = EVERY_AT_MOST.get(band)
    if every is None or elapsed.instant(assessed_at) <= elapsed.instant(turned_at):
        return due_at
    return min(due_at, next_due(turned_at, every), key=elapsed.instant)


def too_seldom(band: Band, every_hours: int) -> bool:
    """Whether a care plan's hours between two changes are more than NICE asks at `band`: a
    6-hourly plan for a Braden of 9 was saved without a word."""
    return every_hours > EVERY_AT_MOST.get(band, every_hours)


def stands_down(band: Band, assessed_at: datetime, turned_at: datetime) -> bool:
    """Whether a risk assessed at `assessed_at` (`band`) after the latest change (at `turned_at`)
    ends the turning chart: the patient is not at risk any more, and no change is asked until a
    risk is found again (a patient walking the ward, Braden 22, was "REPOSITIONING OVERDUE" for the
    rest of her stay unless turns were charted that were never made)."""
    return band not in EVERY_AT_MOST and elapsed.instant(assessed_at) > elapsed.instant(turned_at)


def due_by_risks(due_at: datetime, turned_at: datetime, risks: Sequence[tuple[Band, datetime]],
                 until: datetime | None = None) -> tuple[datetime | None, datetime | None]:
    """When the change after one made at `turned_at` (its line saying `due_at`) falls due by the
    risks assessed after it and before `until` (the next change; None: none yet), each a band and
    when, oldest first; with when the chart was stood down, if it stands so (`stands_down`). A
    risk at risk brings it forward (`due_at_band`); one found none leaves none due; one at risk
    again after that asks a change within its band's hours (`uncharted_from`), counted from it: the
    turn before a stand-down was "due" days earlier, and the first turn after the patient was at
    risk again read LATE by it."""
    due: datetime | None = due_at
    stood_down: datetime | None = None
    for band, assessed_at in risks:
        if elapsed.instant(assessed_at) <= elapsed.instant(turned_at) or (
                until is not None and elapsed.instant(assessed_at) >= elapsed.instant(until)):
            continue
        if stands_down(band, assessed_at, turned_at):
            due, stood_down = None, stood_down or assessed_at
        elif due is None:
            due, stood_down = uncharted_from(band, assessed_at), None
        else:
            due = due_at_band(due, turned_at, band, assessed_at)
    return due, stood_down


def late(turned_at: datetime, due_before: datetime | None) -> bool:
    """Whether a change made at `turned_at` came after the one due before it (`due_before`; None
    for the chart's first): a turn due at 14:30 charted at 19:00 left no trace of the missed
    ones once made, for the nurse in charge or the review after a pressure ulcer."""
    return due_before is not None and elapsed.instant(turned_at) > elapsed.instant(due_before)


def signs(skin: str, due_at: datetime | None, at: datetime, charted: bool = False) -> list[Sign]:
    """What the patient's chart asks at `at`: its latest `skin` finding (of the latest change
    that looked at the skin) unless the damage is `charted` on the wound chart
    (`DAMAGE_CHARTED`), the next change due at `due_at` (None: none asked, see `stands_down`);
    the pressure damage first."""
    return [*([Sign.DAMAGE] if skin in DAMAGE and not charted else []),
            *([Sign.OVERDUE] if due_at is not None and elapsed.instant(due_at) <= elapsed.instant(at) else [])]
