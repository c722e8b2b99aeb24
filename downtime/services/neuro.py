"""A patient's neurological observations: each set's Glasgow Coma Scale worked out from its
answers and what it says against the set before it that needs a doctor now (domain.gcs). Never
stored: an amended set is rescored, and so is the set after it."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.gcs import Flag, Gcs, flags, gcs
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.formspec import Lang
from downtime.i18n import semicolon
from downtime.services.bedside import Chart

FORM = "neuro_observations"


@dataclass(frozen=True)
class NeuroSet:
    record: RecordVersion
    taken_at: datetime
    gcs: Gcs
    flags: list[Flag]

    @property
    def due_at(self) -> datetime:
        """When the next set is due, as this set said (on a watch: across the night the clocks
        change, a half-hour is a half-hour)."""
        return elapsed.later(self.taken_at, timedelta(minutes=int(self.record.data["next_set_in"])))

    def overdue(self, at: datetime) -> bool:
        return elapsed.instant(self.due_at) <= elapsed.instant(at)

    def next_set(self, at: datetime, lang: Lang) -> str:
        """"next set due 28/11 11:30", or in capitals once it is overdue at `at`."""
        when = f"{self.due_at.astimezone(at.tzinfo):%d/%m %H:%M}"
        return NEXT[lang]["overdue" if self.overdue(at) else "due"].format(due=when)


HANDOVER = {"en": "NEURO OBS: {gcs} at {time}", "fr": "SURVEILLANCE NEURO : {gcs} le {time}"}
NEXT = {"en": {"due": "next set due {due}", "overdue": "NEXT SET OVERDUE since {due}"},
        "fr": {"due": "prochain relevé à {due}", "overdue": "PROCHAIN RELEVÉ EN RETARD depuis {due}"}}


def asking(latest: NeuroSet, at: datetime, lang: Lang) -> list[str]:
    """What the latest set asks at `at`: what it needs a doctor for, and its next set once overdue."""
    return [*(flag.text(lang) for flag in latest.flags), *([latest.next_set(at, lang)] if latest.overdue(at) else [])]


def handover(db: Database, patient_ids: Collection[str], at: datetime, lang: Lang) -> dict[str, str]:
    """What the handover sheet says at `at` of each of these patients' neuro obs, for those with
    a set: the latest GCS, when it was taken, what it needed a doctor for, and when the next set
    is due (or that it is overdue)."""
    said = {}
    for patient_id, sets in charts(db, patient_ids).items():
        latest = sets[-1]
        said[patient_id] = semicolon(lang).join([HANDOVER[lang].format(gcs=latest.gcs.text(lang),
                                                            time=f"{latest.taken_at:%d/%m %H:%M}"),
                                      *(flag.text(lang) for flag in latest.flags), latest.next_set(at, lang)])
    return said


def _judged(records: list[RecordVersion]) -> list[NeuroSet]:
    found = sorted((record for record in records if record.status is not RecordStatus.ENTERED_IN_ERROR),
                   key=lambda record: (datetime.fromisoformat(record.data["taken_at"]), record.recorded_at))
    sets, before = [], None
    for record in found:
        taken_at = datetime.fromisoformat(record.data["taken_at"])
        sets.append(NeuroSet(record, taken_at, gcs(record.data), flags(
            record.data, before.record.data if before else None, f"{before.taken_at:%d/%m %H:%M}" if before else "")))
        before = sets[-1]
    return sets


# The patient's standing sets, oldest first, each judged against the one before it; and many
# patients' in one query.
CHART = Chart(FORM, _judged)
chart, charts = CHART.of, CHART.of_each
