"""When a doctor was recorded as told of what a record found (a 4AT's possible delirium, blood in
a stool): a name and a time at or after the record's own, as a fall's examination
(domain.falls). A bleep unanswered, written in the notes, tells no one; a time before the record
was a typing slip that would have silenced the ask."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from downtime.domain import elapsed


def doctor_told_at(answers: Mapping[str, Any], of: str) -> datetime | None:
    """When the doctor named in `doctor_told` was told (`doctor_told_at`), at or after the
    record's time (the answer `of`); None when either is not answered (a record of a form version
    that asked for neither) or the time is before the record's."""
    told, at = " ".join((answers.get("doctor_told") or "").split()), answers.get("doctor_told_at")
    if not told or not at:
        return None
    moment, recorded = datetime.fromisoformat(at), datetime.fromisoformat(answers[of])
    return moment if elapsed.instant(moment) >= elapsed.instant(recorded) else None
