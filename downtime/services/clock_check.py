"""Whether the laptop's clock was set back: a clock reset to an earlier day (a flat battery, a
wrong correction) stamps every dose given since on the wrong day, and the chart then shows them
on a day they were not given. Nothing else notices it: the audit log's own times are the proof."""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from downtime.domain.clock import DATED, TOLERANCE, ward_time
from downtime.i18n import QT_TRANSLATE_NOOP, Lang, message
from downtime.storage import audit

_BEHIND = QT_TRANSLATE_NOOP("messages", "The laptop's clock says {now}, but a record was written at {latest}: check "
                                        "the date and time before recording care.")


def written_later(db: Database, now: datetime) -> datetime | None:
    """The latest time this laptop wrote in the audit log when it is later than `now` by more than
    `TOLERANCE` (None: the clock is not behind), read on `now`'s clock."""
    latest = audit.latest_written_here(db)
    return latest.astimezone(now.tzinfo) if latest is not None and latest - now > TOLERANCE else None


def clock_behind(db: Database, now: datetime, lang: Lang) -> str | None:
    """The warning to show at sign-in and in the commands that write when the clock is behind the
    records (see `written_later`), naming both times with their year (a clock set back may be a
    year out); None when it is not."""
    latest = written_later(db, now)
    if latest is None:
        return None
    return message(lang, _BEHIND, now=ward_time(now, now.tzinfo, DATED), latest=ward_time(latest, now.tzinfo, DATED))
