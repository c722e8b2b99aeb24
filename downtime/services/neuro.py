"""A patient's neurological observations: each set's Glasgow Coma Scale worked out from its
answers and what it says against the sets before it that needs a doctor now (domain.gcs), and
when the next set is due: as the set says, or sooner as NICE paces neuro obs in the day after a
fall with a possible head injury (domain.falls.neuro_interval), unless a doctor stopped neuro obs;
in that day, what a set's GCS says of NICE's CT head within 1 hour (domain.falls.head_ct). What a set
needed a doctor for stays on its chart; it is no longer asked once the set records the doctor told
of it, or, its CT head, once the fall records the doctor's examination after it. Never stored: an
amended set is rescored, and so are the sets after it."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, tzinfo

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.clock import ward_time
from downtime.domain.falls import Fall, fall_of, head_ct, neuro_interval, pacing_fall
from downtime.domain.gcs import HEAD_CT, Flag, Gcs, flags, gcs, sustained_fall
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.formspec import Lang
from downtime.formspec.schema import FALLS_FORM
from downtime.i18n import semicolon
from downtime.services.bedside import Chart, ordered
from downtime.services.version_changes import Amendment, with_amendments

FORM = "neuro_observations"
STOPPED = "stopped"
"""The next set's answer that stops neuro obs (form version 2)."""


@dataclass(frozen=True)
class NeuroSet:
    record: RecordVersion
    taken_at: datetime
    gcs: Gcs
    flags: list[Flag]
    """What the set said needed a doctor, told or not: the chart keeps it (`asks`: what it still asks)."""
    paced: timedelta | None = None
    """How soon NICE asks the next set after a fall with a possible head injury (None when no such
    fall paces it: see `domain.falls.neuro_interval`)."""
    examined: bool = False
    """The doctor's examination recorded on the fall that paces it, at or after the set: it answers
    the set's CT head (`HEAD_CT`)."""
    amended: tuple[Amendment, ...] = ()
    """Its record's amendments, oldest first: a patient's `chart` reads them, for the printed chart."""

    @property
    def stopped(self) -> bool:
        """Neuro obs stopped with this set, as a doctor decided: no next set is asked."""
        return self.record.data["next_set_in"] == STOPPED

    @property
    def told(self) -> bool:
        """The doctor told of what the set needed a doctor for (form version 2)."""
        return bool(self.record.data.get("doctor_told"))

    @property
    def asks(self) -> list[Flag]:
        """What the set still needs a doctor for: nothing once the set records the doctor told, and
        not its CT head once the fall records the doctor's examination after it ("tell the doctor
        now" stayed on the escalation list and the handover after the doctor had come)."""
        if self.told:
            return []
        return [flag for flag in self.flags if not (self.examined and flag.alarm in HEAD_CT)]

    @property
    def stated(self) -> timedelta:
        """How soon the set said the next is due (a set that stopped neuro obs says none)."""
        return timedelta(minutes=int(self.record.data["next_set_in"]))

    @property
    def due_at(self) -> datetime:
        """When the next set is due: as this set said, or sooner as NICE paces it after a head
        injury (a GCS 14 set saying "next in 4 hours" was accepted). On a watch: across the
        night the clocks change, a half-hour is a half-hour. Not for a set that stopped neuro obs."""
        return elapsed.later(self.taken_at, min(self.stated, self.paced or self.stated))

    def overdue(self, at: datetime) -> bool:
        """Never once neuro obs are stopped: "NEXT SET OVERDUE" stayed until another set was taken."""
        return not self.stopped and elapsed.instant(self.due_at) <= elapsed.instant(at)

    def coming(self, at: datetime) -> datetime | None:
        """When the next set falls due, if it is not overdue at `at` (None once it is, or once
        neuro obs are stopped): the list and the tab are read again then."""
        return None if self.stopped or self.overdue(at) else self.due_at

    def next_set(self, at: datetime, lang: Lang) -> str:
        """"next set due 28/11 11:30", or in capitals once it is overdue at `at`; or that neuro obs
        are stopped, and who decided."""
        if self.stopped:
            return STOPPED_BY[lang].format(name=" ".join(self.record.data["stopped_by"].split()))
        when = ward_time(self.due_at, at.tzinfo)
        said = NEXT[lang]["overdue" if self.overdue(at) else "due"].format(due=when)
        if self.paced is None or self.paced >= self.stated:
            return said
        return PACED[lang].format(next=said, pace=PACES[self.paced][lang])

    def said(self, lang: Lang, zone: tzinfo | None = None) -> list[str]:
        """What the set said needed a doctor, and the doctor told of it once the set records them,
        on the clock of `zone` (the ward's): the chart's and the tab's."""
        return [*(flag.text(lang) for flag in self.flags), *([self.told_words(lang, zone)] if self.told else [])]

    def told_words(self, lang: Lang, zone: tzinfo | None) -> str:
        """The doctor the set records told, and when (`told`)."""
        data = self.record.data
        told_at = datetime.fromisoformat(data["doctor_told_at"]).astimezone(zone)
        return TOLD[lang].format(name=" ".join(data["doctor_told"].split()), time=f"{told_at:%d/%m %H:%M}")


HANDOVER = {"en": "NEURO OBS: {gcs} at {time}", "fr": "SURVEILLANCE NEURO : {gcs} le {time}"}
NEXT = {"en": {"due": "next set due {due}", "overdue": "NEXT SET OVERDUE since {due}"},
        "fr": {"due": "prochain relevé à {due}", "overdue": "PROCHAIN RELEVÉ EN RETARD depuis {due}"}}
PACED = {"en": "{next} (head injury: {pace}, NICE)", "fr": "{next} (traumatisme crânien : {pace}, NICE)"}
STOPPED_BY = {"en": "neuro obs stopped (decided by {name})", "fr": "surveillance neurologique arrêtée (décidé par {name})"}
TOLD = {"en": "doctor told: {name} {time}", "fr": "médecin prévenu : {name} le {time}"}
PACES = {timedelta(minutes=30): {"en": "every 30 minutes", "fr": "toutes les 30 minutes"},
         timedelta(hours=1): {"en": "hourly", "fr": "toutes les heures"},
         timedelta(hours=2): {"en": "every 2 hours", "fr": "toutes les 2 heures"}}


def asking(latest: NeuroSet, at: datetime, lang: Lang) -> list[str]:
    """What the latest set asks at `at`: what it still needs a doctor for, and its next set once overdue."""
    return [*(flag.text(lang) for flag in latest.asks), *([latest.next_set(at, lang)] if latest.overdue(at) else [])]


def handover(db: Database, patient_ids: Collection[str], at: datetime, lang: Lang) -> dict[str, str]:
    """What the handover sheet says at `at` of each of these patients' neuro obs, for those with
    a set: the latest GCS, when it was taken, what it still needs a doctor for (and the doctor
    told of it, once they are), and when the next set is due (or that it is overdue, or that neuro
    obs are stopped), its times on the ward's clock."""
    said = {}
    for patient_id, sets in charts(db, patient_ids).items():
        latest = sets[-1]
        taken = HANDOVER[lang].format(gcs=latest.gcs.text(lang),
                                      time=ward_time(latest.taken_at, at.tzinfo))
        told = [latest.told_words(lang, at.tzinfo)] if latest.told else []
        said[patient_id] = semicolon(lang).join([taken, *(flag.text(lang) for flag in latest.asks), *told,
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


def _after_falls(sets: list[NeuroSet], falls: list[Fall]) -> list[NeuroSet]:
    """The sets, each with what the fall with a possible head injury whose day it is in says of it:
    NICE's pace (`neuro_interval`), its CT head (`head_ct`), and whether the fall's examination
    since answers that."""
    taken = [(one.taken_at, one.gcs.total) for one in sets]
    judged = []
    for number, one in enumerate(sets):
        fall = pacing_fall(falls, one.taken_at)
        ct = head_ct(fall, one.taken_at, one.gcs.total) if fall else None
        judged.append(replace(one, flags=[*one.flags, *([ct] if ct else [])],
                              paced=neuro_interval(falls, taken[:number + 1]),
                              examined=fall is not None and fall.examined_since(one.taken_at)))
    return judged


# The patient's standing sets of this stay, oldest first, each judged against those before it;
# and their falls of this stay, which pace them.
CHART = Chart(FORM, _judged)
_FALLS = Chart(FALLS_FORM, ordered(lambda record: fall_of(record.data), lambda fall: fall.fell_at))


def charts(db: Database, patient_ids: Collection[str]) -> dict[str, list[NeuroSet]]:
    """The chart of each of these patients who has a set, paced and judged after their falls (two
    queries more than the sets')."""
    found = CHART.of_each(db, patient_ids)
    fell = _FALLS.of_each(db, list(found)) if found else {}
    return {patient_id: _after_falls(sets, fell.get(patient_id, [])) for patient_id, sets in found.items()}


def chart(db: Database, patient_id: str) -> list[NeuroSet]:
    """One patient's sets, each with its amendments (for the printed chart)."""
    return with_amendments(db, charts(db, [patient_id]).get(patient_id, []))
