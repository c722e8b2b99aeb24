"""A patient's neurological observations: each set's Glasgow Coma Scale worked out from its
answers and what it says against the sets before it that needs a doctor now (domain.gcs), and
when the next set is due: as the set says, or sooner as NICE paces neuro obs in the day after a
fall with a possible head injury (domain.falls.neuro_interval), unless a doctor stopped neuro obs;
in that day, what a set's GCS says of NICE's CT head within 1 hour (domain.falls.head_ct). What a set
needed a doctor for stays on its chart, and is asked by every set after it until a set records the
doctor told, or neuro obs stopped by a doctor's decision (a fixed pupil rechecked five minutes later,
no doctor told, was asked of nobody); its CT head is no longer asked once the fall records the
doctor's examination or the CT head after it, nor once the doctor was told of the same for that fall
at that GCS or a higher one on a set before. The letters handing the patient on say
the latest set and what it still asks (`handed_on`). Never stored: an amended set is rescored,
and so are the sets after it."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, tzinfo

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.clock import ward_time
from downtime.domain.falls import Fall, fall_of, head_ct, neuro_interval, pacing_fall
from downtime.domain.gcs import (HEAD_CT, LIMBS, SIDES, Alarm, Flag, Gcs, flags, gcs, limbs_seen, sustained_fall,
                                 weaker_than_opposite, why_not_done)
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.formspec import FormSpec, Lang
from downtime.formspec.schema import FALLS_FORM
from downtime.formspec.values import format_value
from downtime.i18n import labelled, mid_line, semicolon
from downtime.services.bedside import Chart, ordered
from downtime.services.census import births
from downtime.services.version_changes import Amendment, with_amendments

FORM = "neuro_observations"
STOPPED = "stopped"
"""The next set's answer that stops neuro obs (form version 2)."""
AWAY = "away"
"""Why a set was not done (form version 3) that asks no doctor: the patient away from the ward is
with clinicians (in the CT the doctor asked), and the next set overdue says the gap."""


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
    """The doctor's examination or the CT head recorded on the fall that paces it, at or after the
    set: it answers the set's CT head (`HEAD_CT`)."""
    known: tuple[Flag, ...] = ()
    """The CT head alarms a doctor was told of on a set before it since the fall that paces it:
    not asked again at the same GCS or a higher one (a GCS of 14 at 2 hours, told, asked a CT head
    within 1 hour again at every set of 14 for the rest of the day; `_told_of`). A new fall is a new
    head injury: the first fall's told CT head silenced the second's."""
    carried: tuple[Flag, ...] = ()
    """What the sets before it since the doctor was last told asked and still ask, the latest first
    (nothing on a set that answers them: `answers`)."""
    amended: tuple[Amendment, ...] = ()
    """Its record's amendments, oldest first: a patient's `chart` reads them, for the printed chart."""
    kept_due: datetime | None = None
    """For a set not done (`not_done`), when the next set was due before it: it stays due then."""

    @property
    def not_done(self) -> str | None:
        """Why the set was not done (form version 3: refused, away, other), None for a set taken."""
        return self.record.data.get("not_done")

    def text(self, lang: Lang, zone: tzinfo | None = None) -> str:
        """Its GCS ("GCS 13 (E3 V4 M6)"), or that it was not done and why, on the clock of `zone`."""
        if self.not_done is None:
            return self.gcs.text(lang)
        return NOT_DONE[lang].format(time=ward_time(self.taken_at, zone), reason=why_not_done(self.not_done)[lang])

    @property
    def stopped(self) -> bool:
        """Neuro obs stopped with this set, as a doctor decided: no next set is asked."""
        return self.record.data["next_set_in"] == STOPPED

    @property
    def told(self) -> bool:
        """The doctor told of what the set needed a doctor for (form version 2)."""
        return bool(self.record.data.get("doctor_told"))

    @property
    def answers(self) -> bool:
        """The set answers what the sets before it asked: it records the doctor told, or neuro obs
        stopped by a doctor's decision (who has seen the patient: no set follows to record one told,
        and "tell the doctor now" of a set before stood for the rest of the stay)."""
        return self.told or self.stopped

    @property
    def own_asks(self) -> list[Flag]:
        """What the set itself still needs a doctor for: nothing once the set records the doctor
        told, and not its CT head once the fall records the doctor's examination after it ("tell
        the doctor now" stayed on the escalation list and the handover after the doctor had come)."""
        if self.told:
            return []
        return [flag for flag in self.flags
                if not (flag.alarm in HEAD_CT and (self.examined or _told_of(flag, self.known)))]

    @property
    def asks(self) -> list[Flag]:
        """What the chart still needs a doctor for as at this set: its own asks, and of those of the
        sets before it that no doctor told since answers, each kind it does not say, once, at its
        latest (`_kind`): a GCS falling from 15 to 12 then 11 said "GCS 12" and "GCS 11", "fell by 3"
        and "fell by 4", in one line of the handover."""
        if self.told:
            return []
        said = list(self.own_asks)
        for flag in self.carried:
            if _kind(flag) not in {_kind(one) for one in said}:
                said.append(flag)
        return said

    @property
    def urgent(self) -> bool:
        """Whether the chart needs a doctor now as at this set: every alarm it asks does (a CT head
        within 1 hour "2 hours or more after a fall" does not say "now", and the escalation list,
        ranking on words, left it in the bed's place below routine checks)."""
        return bool(self.asks)

    @property
    def stated(self) -> timedelta:
        """How soon the set said the next is due (a set that stopped neuro obs says none)."""
        return timedelta(minutes=int(self.record.data["next_set_in"]))

    @property
    def due_at(self) -> datetime:
        """When the next set is due: as this set said, or sooner as NICE paces it after a head
        injury (a GCS 14 set saying "next in 4 hours" was accepted); a set not done leaves it as it
        was before it (`kept_due`), else due at once. On a watch: across the night the clocks change,
        a half-hour is a half-hour. Not for a set that stopped neuro obs."""
        if self.not_done is not None:
            return self.kept_due or self.taken_at
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
        """The doctor the set records told, and when (`told`), on the clock of `zone` (the ward's)
        with the offset of the hour read twice: told at the second 02:20 the night the clocks went
        back read as the first."""
        data = self.record.data
        return TOLD[lang].format(name=" ".join(data["doctor_told"].split()),
                                 time=ward_time(datetime.fromisoformat(data["doctor_told_at"]), zone))


HANDOVER = {"en": "NEURO OBS: {gcs} at {time}", "fr": "SURVEILLANCE NEURO : {gcs} le {time}"}
NOT_DONE = {"en": "set not done {time} ({reason})", "fr": "relevé non fait le {time} ({reason})"}
NO_GCS = {"en": "NEURO OBS: no GCS yet", "fr": "SURVEILLANCE NEURO : pas encore de Glasgow"}
"""The handover's first words when every set was not done."""
NEXT = {"en": {"due": "next set due {due}", "overdue": "NEXT SET OVERDUE since {due}"},
        "fr": {"due": "prochain relevé à {due}", "overdue": "PROCHAIN RELEVÉ EN RETARD depuis {due}"}}
PACED = {"en": "{next} (head injury: {pace}, NICE)", "fr": "{next} (traumatisme crânien : {pace}, NICE)"}
STOPPED_BY = {"en": "neuro obs stopped (decided by {name})", "fr": "surveillance neurologique arrêtée (décidé par {name})"}
TOLD = {"en": "doctor told: {name} {time}", "fr": "médecin prévenu : {name} le {time}"}
PACES = {timedelta(minutes=30): {"en": "every 30 minutes", "fr": "toutes les 30 minutes"},
         timedelta(hours=1): {"en": "hourly", "fr": "toutes les heures"},
         timedelta(hours=2): {"en": "every 2 hours", "fr": "toutes les 2 heures"}}
# A letter says the latest set under its own "Neurological observations (GCS)".
LETTER = {"taken": {"en": "{gcs} at {time}", "fr": "{gcs} le {time}"},
          "pupils": {"en": "pupils", "fr": "pupilles"}, "limbs": {"en": "limbs", "fr": "membres"},
          "open": {"en": "NO DOCTOR RECORDED TOLD: {said}", "fr": "AUCUN MÉDECIN NOTÉ PRÉVENU : {said}"}}


def asking(latest: NeuroSet, at: datetime, lang: Lang) -> list[str]:
    """What the latest set asks at `at`: what the chart still needs a doctor for (`NeuroSet.asks`),
    and its next set once overdue."""
    return [*(flag.text(lang) for flag in latest.asks), *([latest.next_set(at, lang)] if latest.overdue(at) else [])]


def handover(db: Database, patient_ids: Collection[str], at: datetime, lang: Lang) -> dict[str, str]:
    """What the handover sheet says at `at` of each of these patients' neuro obs, for those with
    a set: the latest GCS, when it was taken, the latest set not done, what the chart still needs a
    doctor for (and the doctor
    told of it, once they are), and when the next set is due (or that it is overdue, or that neuro
    obs are stopped), its times on the ward's clock."""
    said = {}
    for patient_id, sets in charts(db, patient_ids).items():
        latest, scored = sets[-1], latest_taken(sets)
        said[patient_id] = semicolon(lang).join([
            _taken(HANDOVER, scored, at, lang) if scored else NO_GCS[lang], *_not_done(latest, at, lang),
            *(flag.text(lang) for flag in latest.asks), *_told(latest, at, lang), latest.next_set(at, lang)])
    return said


def latest_taken(sets: list[NeuroSet]) -> NeuroSet | None:
    """The latest set taken, not one not done: the GCS the handover and the tab say (a set refused
    has none, and the tab read it "GCS — (ET VT MT)", a patient not testable on any component)."""
    return next((one for one in reversed(sets) if one.not_done is None), None)


def _not_done(latest: NeuroSet, at: datetime, lang: Lang) -> list[str]:
    """That the latest set was not done, and why, when it was not (the handover said "NEXT SET
    OVERDUE" of a set refused, as though forgotten)."""
    return [] if latest.not_done is None else [latest.text(lang, at.tzinfo)]


def handed_on(db: Database, forms: Mapping[str, FormSpec], patient_id: str, at: datetime, lang: Lang) -> list[str]:
    """What a letter handing the patient on (a move, a transfer out) says of their neuro obs this
    stay as the chart stands at `at`: the latest set's GCS, pupils and limbs, when it was taken,
    the doctor told of it, and when the next is due at NICE's pace, or that neuro obs are stopped;
    then, one a line, what the chart still needs a doctor for that no doctor is recorded told of.
    The letters of a patient on half-hourly neuro obs after a head injury said nothing of them: the
    receiving nurse had no GCS to weigh her next set against, nor the alarm a blown pupil raised.
    Nothing when no set was taken."""
    sets = [one for one in charts(db, [patient_id]).get(patient_id, []) if one.taken_at <= at]
    if not sets:
        return []
    latest, scored = sets[-1], latest_taken(sets)
    return [semicolon(lang).join([*([_taken(LETTER["taken"], scored, at, lang),
                                     *_examined(scored.record.data, forms[FORM], lang)] if scored else []),
                                  *_not_done(latest, at, lang), *_told(latest, at, lang),
                                  latest.next_set(at, lang)]),
            *(LETTER["open"][lang].format(said=flag.text(lang)) for flag in latest.asks)]


def _examined(data: Mapping[str, object], spec: FormSpec, lang: Lang) -> list[str]:
    """The pupils and the limbs a set records, in the words of its form (`spec`): "pupils: left 3 mm
    brisk, right 6 mm none (fixed)", "limbs: normal power", or each limb when they differ; nothing
    of those it leaves blank."""
    def answer(field_id: str) -> str:
        return mid_line(format_value(spec.field(field_id), data.get(field_id), lang))

    pupils = [f"{SIDES[side][lang]} {said}" for side in SIDES if (said := " ".join(filter(None, [
        f"{data[f'pupil_{side}_size']} mm" if data.get(f"pupil_{side}_size") is not None else "",
        answer(f"pupil_{side}_reaction")])))]
    limbs = {limb: answer(limb) for limb in LIMBS if data.get(limb)}
    alike = len(limbs) == len(LIMBS) and len(set(limbs.values())) == 1  # said once, as the nurse says them
    return [*([labelled(LETTER["pupils"][lang], ", ".join(pupils), lang)] if pupils else []),
            *([labelled(LETTER["limbs"][lang], next(iter(limbs.values())) if alike else ", ".join(
                f"{LIMBS[limb][lang]} {said}" for limb, said in limbs.items()), lang)] if limbs else [])]


def _taken(words: Mapping[str, str], latest: NeuroSet, at: datetime, lang: Lang) -> str:
    """The latest GCS and when it was taken, in `words` ("NEURO OBS: GCS 14 (E4 V4 M6) at 28/11
    07:10"), on the clock of `at` (the ward's)."""
    return words[lang].format(gcs=latest.gcs.text(lang), time=ward_time(latest.taken_at, at.tzinfo))


def _told(latest: NeuroSet, at: datetime, lang: Lang) -> list[str]:
    """The doctor the latest set records told, once it does."""
    return [latest.told_words(lang, at.tzinfo)] if latest.told else []


def _judged(records: list[RecordVersion]) -> list[NeuroSet]:
    """The sets, oldest first, each with what it says against those before it since the doctor was
    last told (`domain.gcs.flags`, `sustained_fall`): a set not done what its pupils and limbs say,
    its GCS weighed against none, nor against it; when the doctor was told on a set not done, the
    GCS is weighed from the last set taken before it (the last GCS anybody knew: a drop of 5 after a
    refusal told to the doctor was said to nobody). The times the flags say on the ward's clock
    (a set typed on a laptop whose clock was at UTC, merged here, said "fell since" an hour off).
    A drop held that the set's fall of the GCS already says, as large or larger, is not said again
    (`_kind`): 15 then 13 held half an hour said "fell by 2" and "down by 2, held" on one set."""
    found = sorted((record for record in records if record.status is not RecordStatus.ENTERED_IN_ERROR),
                   key=lambda record: (datetime.fromisoformat(record.data["taken_at"]), record.recorded_at))
    sets: list[NeuroSet] = []
    since = scored_since = 0  # the first set weighed (the latest the doctor was told of, else the first), its GCS's
    for record in found:
        taken_at = datetime.fromisoformat(record.data["taken_at"])
        earlier = sets[since:]
        scored = [one for one in sets[scored_since:] if one.not_done is None]
        sustained = None if record.data.get("not_done") else sustained_fall(
            [*((one.taken_at, one.gcs) for one in scored), (taken_at, gcs(record.data))])
        own = flags(record.data, [_weighed(one) for one in earlier], [_weighed(one) for one in scored])
        held = [sustained] if sustained and _kind(sustained) not in {_kind(flag) for flag in own} else []
        sets.append(NeuroSet(record, taken_at, gcs(record.data), [*own, *held]))
        if sets[-1].answers:
            since = len(sets) - 1
            scored_since = next((number for number in range(since, -1, -1) if sets[number].not_done is None), since)
    return sets


def _weighed(one: NeuroSet) -> tuple[Mapping[str, object], str]:
    """A set as `domain.gcs.flags` weighs a later one against it: its answers, and when it was taken
    on the ward's clock, with the offset of the hour read twice (a fall "since 25/10 02:10" said on a
    set of the second 02:05, the night the clocks went back, read as since a set after it)."""
    return one.record.data, ward_time(one.taken_at, None)


def _after_falls(sets: list[NeuroSet], falls: list[Fall]) -> list[NeuroSet]:
    """The sets, each with what the fall with a possible head injury whose day it is in says of it:
    NICE's pace (`neuro_interval`), its CT head (`head_ct`: a limb newly weaker is a focal deficit, and
    so are limbs weaker than the other side on the first set that sees them),
    and whether the fall's examination or CT head since answers that; a set not done keeps the next
    set due as it was (due at once after neuro obs were stopped: it restarts them), and in that day
    asks the doctor unless the patient was away from the ward (with clinicians: the overdue set
    says the gap); then what each carries of the sets before it (`_carried`)."""
    taken: list[tuple[datetime, int | None]] = []
    judged: list[NeuroSet] = []
    for number, one in enumerate(sets):
        fall = pacing_fall(falls, one.taken_at)
        focal = any(flag.alarm is Alarm.LIMB_WEAKER for flag in one.flags)
        first_seen = not any(limbs_seen(before.record.data) for before in sets[:number])
        one_sided = weaker_than_opposite(one.record.data) if first_seen else None
        ct = head_ct(fall, one.taken_at, one.gcs, focal, one_sided) if fall else None
        examined = fall is not None and fall.answered_since(one.taken_at)
        if one.not_done is not None:
            before = latest_taken(judged)
            kept = before if before is not None and not before.stopped else None
            asked = [Flag(Alarm.NOT_DONE, {"reason": why_not_done(one.not_done), **fall.injury_named})] \
                if fall and one.not_done != AWAY else []
            judged.append(replace(one, flags=[*one.flags, *([ct] if ct else []), *asked], examined=examined,
                                  kept_due=kept.due_at if kept else None, paced=kept.paced if kept else None))
            continue
        taken.append((one.taken_at, one.gcs.total))
        judged.append(replace(one, flags=[*one.flags, *([ct] if ct else [])],
                              paced=neuro_interval(falls, taken), examined=examined))
    return _carried(judged, [pacing_fall(falls, one.taken_at) for one in sets])


def _carried(sets: list[NeuroSet], pacing: list[Fall | None]) -> list[NeuroSet]:
    """The sets, each with what those before it since the doctor was last told still ask, and the
    CT head alarms the doctor was told of before it since the fall that paces it (`pacing`, each
    set's): a set recording the doctor told answers every set before it (it is told at or after it
    was taken, so after them), and so does one stopping neuro obs by a doctor's decision (`answers`),
    its own asks standing; a set taken answers a set not done before it, the gap in the GCS it
    said closed (a patient back from CT with a GCS of 15 stayed "tell the doctor now")."""
    carried: list[Flag] = []
    known: tuple[Flag, ...] = ()
    found = []
    for number, one in enumerate(sets):
        if number and pacing[number] != pacing[number - 1]:
            known = ()
        kept = () if one.answers else tuple(flag for flag in carried
                                             if one.not_done is not None or flag.alarm is not Alarm.NOT_DONE)
        found.append(one := replace(one, carried=kept, known=known))
        carried = [*one.own_asks, *one.carried]
        if one.told:
            known = (*known, *(flag for flag in one.flags if flag.alarm in HEAD_CT))
    return found


ONE_FIGURE: Mapping[Alarm, Alarm] = {Alarm.SUSTAINED_FALL: Alarm.TOTAL_FELL, Alarm.CT_AT_2_HOURS: Alarm.CT_NOW,
                                     Alarm.PUPILS_WIDER: Alarm.PUPILS_UNEQUAL}
"""Alarms of one figure, by the first of their kind: the GCS's drop, the GCS a CT head is asked at,
the pupils' sizes (`_kind`)."""


def _kind(flag: Flag) -> tuple[Alarm, str]:
    """What a flag asks of the doctor: its alarm, or the one whose figure it says too (`ONE_FIGURE`:
    a carried "GCS 14 2 hours or more after a fall" beside "GCS 11 after a fall"); for a limb's
    weakness, a pupil's slowing or a response's fall, which limbs, sides or response (the left
    arm's and the right leg's are two asks; GCS 12 and GCS 11 one)."""
    named = flag.values.get("limbs") or flag.values.get("sides") or flag.values.get("response")
    return ONE_FIGURE.get(flag.alarm, flag.alarm), named["en"] if isinstance(named, Mapping) else ""


def _told_of(flag: Flag, known: Collection[Flag]) -> bool:
    """Whether a doctor was told of this CT head alarm (`NeuroSet.known`), or of one asking the same
    CT head (`ONE_FIGURE`), at the same GCS or a lower one: a CT head told at a GCS of 12 does not
    answer one at 9; told at 11, it answers the one asked at 14 two hours after the fall, which was
    asked again though the doctor was on the way. A focal deficit's is its own."""
    now, kind = flag.values.get("total"), ONE_FIGURE.get(flag.alarm, flag.alarm)
    return any(not isinstance(now, int) or not isinstance(then, int) or now >= then
               for then in (told.values.get("total") for told in known
                            if ONE_FIGURE.get(told.alarm, told.alarm) is kind))


# The patient's standing sets of this stay, oldest first, each judged against those before it;
# and their falls of this stay, which pace them.
CHART = Chart(FORM, _judged)
_FALLS = Chart(FALLS_FORM, ordered(lambda record: fall_of(record.data), lambda fall: fall.fell_at))


def charts(db: Database, patient_ids: Collection[str]) -> dict[str, list[NeuroSet]]:
    """The chart of each of these patients who has a set, paced and judged after their falls, each
    fall with the patient's date of birth (`Fall.born`: a child's CT head is asked at a GCS of 13,
    a baby's at 14, where the adult's 12 asked nothing; three queries more than the sets')."""
    found = CHART.of_each(db, patient_ids)
    fell = _FALLS.of_each(db, list(found)) if found else {}
    born = births(db, list(fell)) if fell else {}
    return {patient_id: _after_falls(sets, [replace(fall, born=born.get(patient_id))
                                            for fall in fell.get(patient_id, [])])
            for patient_id, sets in found.items()}


def chart(db: Database, patient_id: str) -> list[NeuroSet]:
    """One patient's sets, each with its amendments (for the printed chart)."""
    return with_amendments(db, charts(db, [patient_id]).get(patient_id, []))
