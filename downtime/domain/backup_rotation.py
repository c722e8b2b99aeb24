"""Which of a database's backups go when a new one is made. Cutting to the newest `keep` alone
left a ward on the defaults (one every 15 minutes, 10 kept) with the last two and a half hours:
a mistake found the next morning (a wrong snapshot loaded, a merge on the wrong laptop, a wrong
restore) could not be looked at as the laptop stood the day before, and the state the outage
started from was gone within hours. The rotation thins out instead of cutting off: the newest
`keep`, then the last of each day before them for `DAILY_FOR_DAYS` days, and the first backup
of all. Disk use stays bounded: at most `keep` + `DAILY_FOR_DAYS` + 1 copies."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from datetime import date, datetime, timedelta
from typing import TypeVar

from downtime.domain.elapsed import instant

DAILY_FOR_DAYS = 31
"""How many of the ward's days (today among them) keep their last backup: a month's outage."""

Backup = TypeVar("Backup", bound=Hashable)


def to_prune(made: Mapping[Backup, datetime | None], keep: int, now: datetime,
             days: int = DAILY_FOR_DAYS) -> set[Backup]:
    """The backups to remove, of one database's `made` (each with when it was made; None: its
    name does not say, which counts as the oldest, and is never a day's last nor the first).
    Kept: the newest `keep`; the last of each of the `days` days ending on `now`'s, on the
    ward's clock (`now`'s zone: a day is the ward's, not UTC's), which is the laptop as it
    stood at that day's end; and the first, the state the outage started from. A backup
    dated after `now` (a clock set wrong, then put right) has no day kept for it. Of two made at
    one time, the first in `made` is the newer (`storage.backup` gives a backup made under a clock
    running ahead the time of the one after it, which reaches further)."""
    newest = newest_first(made)
    kept = set(newest[:keep])
    dated = [(backup, at) for backup in newest if (at := made[backup]) is not None]
    if dated:
        kept.add(dated[-1][0])
    today = now.date()
    last_of_day: dict[date, Backup] = {}
    for backup, at in dated:
        day = at.astimezone(now.tzinfo).date()
        if today - timedelta(days=days) < day <= today:
            last_of_day.setdefault(day, backup)
    kept.update(last_of_day.values())
    return set(made) - kept


def newest_first(made: Mapping[Backup, datetime | None]) -> list[Backup]:
    """`made` newest first, as the rotation counts them (of two made at one time, the first in
    `made`; no time, last): the restore offers backups in the order the rotation keeps them."""
    return sorted(made, key=lambda backup: _order(made[backup]), reverse=True)  # stable: `made`'s order


def _order(at: datetime | None) -> tuple[bool, datetime]:
    """Ordered by the moment (two times of one zone compare on the wall clock, the hour the
    clocks go back as if it came once); no time, first of all."""
    return (at is not None, instant(at) if at is not None else datetime.min)
