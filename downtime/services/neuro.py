"""A patient's neurological observations: each set's Glasgow Coma Scale worked out from its
answers and what it says against the sets before it that needs a doctor now (domain.gcs), and
when the next set is due: as the set says, or sooner as NICE paces neuro obs in the day after a
fall with a possible head injury (domain.falls.neuro_interval). Never stored: an amended set is
rescored, and so are the sets after it."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.falls import Fall, fall_of, neuro_interval
from downtime.domain.gcs import Flag, Gcs, flags, gcs, sustained_fall
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.formspec import Lang
from downtime.formspec.schema import FALLS_FORM
from downtime.i18n import semicolon
from downtime.services.bedside import Chart, ordered

FORM = "neuro_observations"


@dataclass(frozen=True)
class NeuroSet:
    record: RecordVersion
    taken_at: datetime
    gcs: Gcs
    flags: list[Flag]
    paced: timedelta | None = None
    """How soon NICE asks the next set after a fall with a possible head injury (None when no such
    fall paces it: see `domain.falls.neuro_interval`)."""

    @property
    def stated(self) -> timedelta:
        """How soon the set said the next is due."""
        return timedelta(minutes=int(self.record.data["next_set_in"]))

    @property
    def due_at(self) -> datetime:
        """When the next set is due: as this set said, or sooner as NICE paces it after a head
        injury (a GCS 14 set saying "next in 4 hours" was accepted). On a watch: across the
        night the clocks change, a half-hour is a half-hour."""
        return elapsed.later(self.taken_at, min(self.stated, self.paced or self.stated))

    def overdue(self, at: datetime) -> bool:
        return elapsed.instant(self.due_at) <= elapsed.instant(at)

    def next_set(self, at: datetime, lang: Lang) -> str:
        """"next set due 28/11 11:30", or in capitals once it is overdue at `at`."""
        when = f"{self.due_at.astimezone(at.tzinfo):%d/%m %H:%M}"
        said = NEXT[lang]["overdue" if self.overdue(at) else "due"].format(due=when)
        if self.paced is None or self.paced >= self.stated:
            return said
        return PACED[lang].format(next=said, pace=PACES[self.paced][lang])


HANDOVER = {"en": "NEURO OBS: {gcs} at {time}", "fr": "SURVEILLANCE NEURO : {gcs} le {time}"}
NEXT = {"en": {"due": "next set due {due}", "overdue": "NEXT SET OVERDUE since {due}"},
        "fr": {"due": "prochain relevé à {due}", "overdue": "PROCHAIN RELEVÉ EN RETARD depuis {due}"}}
PACED = {"en": "{next} (head injury: {pace}, NICE)", "fr": "{next} (traumatisme crânien : {pace}, NICE)"}
PACES = {timedelta(minutes=30): {"en": "every 30 minutes", "fr": "toutes les 30 minutes"},
         timedelta(hours=1): {"en": "hourly", "fr": "toutes les heures"},
         timedelta(hours=2): {"en": "every 2 hours", "fr": "toutes les 2 heures"}}


def asking(latest: NeuroSet, at: datetime, lang: Lang) -> list[str]:
    """What the latest set asks at `at`: what it needs a doctor for, and its next set once overdue."""
    return [*(flag.text(lang) for flag in latest.flags), *([latest.next_set(at, lang)] if latest.overdue(at) else [])]


def handover(db: Database, patient_ids: Collection[str], at: datetime, lang: Lang) -> dict[str, str]:
    """What the handover sheet says at `at` of each of these patients' neuro obs, for those with
    a set: the latest GCS, when it was taken, what it needed a doctor for, and when the next set
    is due (or that it is overdue), its times on the ward's clock."""
    said = {}
    for patient_id, sets in charts(db, patient_ids).items():
        latest = sets[-1]
        taken = HANDOVER[lang].format(gcs=latest.gcs.text(lang),
                                      time=f"{latest.taken_at.astimezone(at.tzinfo):%d/%m %H:%M}")
        said[patient_id] = semicolon(lang).join([taken, *(flag.text(lang) for flag in latest.flags),
                                                 latest.next_set(at, lang)])
    return said


def _judged(records: list[RecordVersion]) -> list[NeuroSet]:
    """The sets, oldest first, each with what it says against those before it; the times the
    flags say on the laptop's clock (a set typed on a laptop whose clock was at UTC, merged here,
    said "fell since" an hour off)."""
    found = sorted((record for record in records if record.status is not RecordStatus.ENTERED_IN_ERROR),
                   key=lambda record: (datetime.fromisoformat(record.data["taken_at"]), record.recorded_at))
    sets: list[NeuroSet] = []
    scored: list[tuple[datetime, Gcs]] = []  # each set's time on the laptop's clock, and its GCS
    for record in found:
        taken_at, before = datetime.fromisoformat(record.data["taken_at"]), sets[-1] if sets else None
        scored.append((taken_at.astimezone(), gcs(record.data)))
        sustained = sustained_fall(scored)
        sets.append(NeuroSet(record, taken_at, scored[-1][1], [*flags(
            record.data, before.record.data if before else None,
            f"{scored[-2][0]:%d/%m %H:%M}" if before else ""), *([sustained] if sustained else [])]))
    return sets


def _paced(sets: list[NeuroSet], falls: list[Fall]) -> list[NeuroSet]:
    """The sets, each with NICE's pace after the falls before it (`neuro_interval`)."""
    taken = [(one.taken_at, one.gcs.total) for one in sets]
    return [replace(one, paced=neuro_interval(falls, taken[:number + 1])) for number, one in enumerate(sets)]


# The patient's standing sets of this stay, oldest first, each judged against those before it;
# and their falls of this stay, which pace them.
CHART = Chart(FORM, _judged)
_FALLS = Chart(FALLS_FORM, ordered(lambda record: fall_of(record.data), lambda fall: fall.fell_at))


def charts(db: Database, patient_ids: Collection[str]) -> dict[str, list[NeuroSet]]:
    """The chart of each of these patients who has a set, paced after their falls (two queries
    more than the sets')."""
    found = CHART.of_each(db, patient_ids)
    fell = _FALLS.of_each(db, list(found)) if found else {}
    return {patient_id: _paced(sets, fell.get(patient_id, [])) for patient_id, sets in found.items()}


def chart(db: Database, patient_id: str) -> list[NeuroSet]:
    return charts(db, [patient_id]).get(patient_id, [])
