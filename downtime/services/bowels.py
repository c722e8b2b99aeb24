"""A patient's bowel chart: each stool with its Bristol type, or the day's check with none; when
the bowels last opened; what the chart asks of the nurse now (domain.bowels): loose stools that
may be infective, a laboratory result finding C. difficile, blood in the stool, bowels not opened
for three days (counted from the admission when no stool is charted). Never stored: worked out
from the standing records."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

from sqlite_utils import Database

from downtime.domain.clock import ward_time
from downtime.domain import elapsed
from downtime.domain.doctor_told import doctor_told_at
from downtime.domain.bowels import (BLEEDING, DAY, FOUND_ON_THE_LAST_STAY, LOOSE_IN_A_DAY, LOOSE_WITH_C_DIFFICILE,
                                    NONE_SINCE_ADMISSION, RECURRENCE, SAMPLE, SIGNS, Sign, bleeding_told,
                                    c_difficile_positive, constipated_from, formed, in_a_day, isolated_since,
                                    isolation_ends, loose, recurs, sample_sent, signs, tested_lately)
from downtime.domain.records import RecordVersion, loaded_from_snapshot
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import format_value
from downtime.i18n import semicolon
from downtime.services import lab_results
from downtime.services.bedside import Chart, ordered, stays_began
from downtime.services.census import movement_events

FORM = "bowel_chart"
WORDS = {
    "handover": {"en": "BOWELS: {said}", "fr": "SELLES : {said}"},
    "last": {"en": "last opened {time} ({stool})", "fr": "dernières selles {time} ({stool})"},
    "never": {"en": "not opened since the chart began {time}", "fr": "pas de selles depuis le début de la feuille {time}"},
    "none_since_admission": {"en": "no bowels opened charted since admission {day}",
                             "fr": "aucune selle notée depuis l’admission le {day}"},
    "loose": {"en": "{count} loose in 24 hours{cause}", "fr": "{count} selles non moulées en 24 heures{cause}"},
    "all_known": {"en": " (known cause)", "fr": " (cause connue)"},
    "some_known": {"en": " ({count} with a known cause)", "fr": " (dont {count} de cause connue)"},
    "known_apart": {"en": "{count} loose with a known cause in 24 hours, not counted for isolation",
                    "fr": "{count} non moulée(s) de cause connue en 24 heures, non comptée(s) pour l’isolement"},
    "sampled": {"en": "stool sample sent {time}", "fr": "selle prélevée {time}"},
    "bleeding_told": {"en": "{seen} {time}, doctor told: {name} {told}",
                      "fr": "{seen} {time}, médecin prévenu : {name} le {told}"},
    "type": {"en": "type {type}", "fr": "type {type}"},
}


@dataclass(frozen=True)
class Charted:
    """A line of the bowel chart (`record`) and when."""

    record: RecordVersion
    charted_at: datetime

    @property
    def opened(self) -> bool:
        return self.record.data["opened"] == "opened"

    @property
    def loose(self) -> bool:
        """A loose stool with no known cause (the only kind that may be infective)."""
        return self.loose_of_any_cause and not self.record.data.get("known_cause")

    @property
    def loose_of_any_cause(self) -> bool:
        """While the patient is isolated, each keeps them so: a laxative does not end diarrhoea."""
        return self.opened and loose(self.record.data.get("stool_type"))

    @property
    def formed(self) -> bool:
        return self.opened and formed(self.record.data.get("stool_type"))

    @property
    def sampled(self) -> bool:
        return self.record.data.get("sample_sent") is True

    @property
    def bleeding(self) -> frozenset[str]:
        return frozenset(self.record.data.get("seen") or ()) & BLEEDING

    @property
    def told_at(self) -> datetime | None:
        """When a doctor was told of what was seen in it (form version 2,
        domain.doctor_told.doctor_told_at); None while none is recorded as told."""
        return doctor_told_at(self.record.data, "charted_at")

    @property
    def told_whom(self) -> str:
        """The doctor told, spaces as typed aside; "" while none is recorded."""
        return " ".join((self.record.data.get("doctor_told") or "").split())

    def told(self, spec: FormSpec, zone: tzinfo | None, lang: Lang) -> str:
        """"Black, tarry (melaena) 28/11 10:00, doctor told: Dr Benali 28/11 10:20", on the clock
        of `zone`; "" while no doctor is recorded as told."""
        if self.told_at is None:
            return ""
        return WORDS["bleeding_told"][lang].format(
            seen=format_value(spec.field("seen"), sorted(self.bleeding), lang), time=ward_time(self.charted_at, zone),
            name=self.told_whom, told=ward_time(self.told_at, zone))

    def stool(self, spec: FormSpec, lang: Lang, told: frozenset[str] = frozenset()) -> str:
        """"type 6, Medium, Fresh blood", or "Not opened (the day's check)"; what was seen in it
        that is `told` elsewhere (the blood the chart's ask names) left out."""
        data = self.record.data
        if not self.opened:
            return format_value(spec.field("opened"), data["opened"], lang)
        seen = [code for code in data.get("seen") or () if code not in told]
        return ", ".join(part for part in (
            WORDS["type"][lang].format(type=data["stool_type"]), format_value(spec.field("amount"), data.get("amount"), lang),
            format_value(spec.field("seen"), seen or None, lang)) if part)


def charted(record: RecordVersion) -> Charted:
    return Charted(record, datetime.fromisoformat(record.data["charted_at"]))


# The patient's standing bowel chart of their present stay, oldest first.
CHART = Chart(FORM, ordered(charted, lambda one: one.charted_at))


@dataclass(frozen=True)
class Bowels(Sequence[Charted]):
    """A patient's bowel chart (`lines`, oldest first: the chart is a sequence of them), read
    beside what it counts from: when their present stay began, for an admission typed on the
    ward (`admitted`; None for one loaded from the EHR's snapshot, whose stools before the outage
    the EHR holds), and their laboratory results of the stay finding C. difficile (`found`,
    oldest first), which isolate them whether or not a stool is charted, and of the `RECURRENCE`
    days before it began (`found_before`), which isolate them from a loose stool of this stay
    (`recurs`): the result of a stay's sample often comes after the patient went home."""

    lines: tuple[Charted, ...] = ()
    admitted: datetime | None = None
    found: tuple[lab_results.Received, ...] = ()
    found_before: tuple[lab_results.Received, ...] = ()

    def __getitem__(self, index: Any) -> Any:
        return self.lines[index]

    def __len__(self) -> int:
        return len(self.lines)


def charts(db: Database, patient_ids: Collection[str]) -> dict[str, Bowels]:
    """The bowel chart of each of these patients who has a line on it or a result finding
    C. difficile this stay."""
    wanted = list(patient_ids)
    lines = CHART.of_each(db, wanted)
    began = stays_began(db, wanted)
    found, found_before = _found(db, wanted, began)
    admitted = _typed_admissions(db, began)
    return {patient_id: Bowels(tuple(lines.get(patient_id, ())), admitted.get(patient_id),
                               tuple(found.get(patient_id, ())), tuple(found_before.get(patient_id, ())))
            for patient_id in wanted if patient_id in lines or patient_id in found}


def chart(db: Database, patient_id: str) -> Bowels:
    return charts(db, [patient_id]).get(patient_id, Bowels())


def _found(db: Database, patient_ids: Collection[str], began: Mapping[str, datetime]
           ) -> tuple[dict[str, list[lab_results.Received]], dict[str, list[lab_results.Received]]]:
    """Each of these patients' standing results finding C. difficile (`c_difficile_positive`)
    received since their present stay began (`began`), and those received in the `RECURRENCE`
    days before it (`Bowels.found_before`), oldest first; an amended result read as it now
    stands, one entered in error not at all (`lab_results.charts`)."""
    found: dict[str, list[lab_results.Received]] = {}
    before: dict[str, list[lab_results.Received]] = {}
    for patient_id, results in lab_results.charts(db, patient_ids).items():
        stay = began.get(patient_id)
        for one in results:
            if not c_difficile_positive(one.record.data["test"], one.record.data["result"], one.record.data.get("flag")):
                continue
            if stay is None or elapsed.instant(stay) <= elapsed.instant(one.received_at):
                found.setdefault(patient_id, []).append(one)
            elif elapsed.instant(elapsed.earlier(stay, RECURRENCE)) <= elapsed.instant(one.received_at):
                before.setdefault(patient_id, []).append(one)
    return found, before


def _typed_admissions(db: Database, began: Mapping[str, datetime]) -> dict[str, datetime]:
    """`began` of the stays that began with a movement typed on a ward, not loaded from the EHR's
    snapshot: a ward's patients loaded at an outage's start had their stools charted in the EHR,
    and each whose chart began on paper read as days without one."""
    events = movement_events(db, list(began))
    return {patient_id: at for patient_id, at in began.items()
            if not any(loaded_from_snapshot(event.record_id) for event in events.get(patient_id, ())
                       if elapsed.instant(event.occurred_at) == elapsed.instant(at))}


def _last_opened(lines: Sequence[Charted]) -> Charted | None:
    return next((one for one in reversed(lines) if one.opened), None)


def since(bowels: Bowels) -> datetime | None:
    """When bowels not opened are counted from: when they last opened; with no stool charted,
    the admission (`Bowels.admitted`), else the chart's first line; None with no line on it."""
    last = _last_opened(bowels)
    if last is not None:
        return last.charted_at
    if not bowels:
        return None
    return bowels.admitted or bowels[0].charted_at


def _at(lines: Sequence[Charted], which: Callable[[Charted], bool]) -> list[datetime]:
    return [one.charted_at for one in lines if which(one)]


def _loose_run(lines: Sequence[Charted], at: datetime) -> list[datetime]:
    """The loose stools with no known cause of the 24 hours up to `at`."""
    return in_a_day(_at(lines, lambda one: one.loose), at)


def _bled(lines: Sequence[Charted], at: datetime) -> Charted | None:
    """The stool whose blood is for a doctor to see at `at` (`bleeding_told`), told or not."""
    last = _last_opened(lines)
    told = bleeding_told(_at(lines, lambda one: bool(one.bleeding)), last.charted_at if last else None, at)
    return next((one for one in reversed(lines) if one.bleeding and one.charted_at == told), None)


def _bleeding(lines: Sequence[Charted], at: datetime) -> Charted | None:
    """The stool whose blood the chart asks a doctor to see at `at` (`_bled`), while no doctor
    is recorded as told of it by then: "tell the doctor now" stayed at the top of the escalation
    list for days after the doctor had examined the patient."""
    bled = _bled(lines, at)
    return bled if bled is not None and not (bled.told_at is not None and elapsed.reached(bled.told_at, at)) else None


@dataclass(frozen=True)
class Isolated:
    """Since when a patient is to be isolated (`isolated_since`), and the latest result finding
    C. difficile of that isolation (`found`; of the stay before, for an isolation it began at this
    stay's loose stool: `Bowels.found_before`; None for loose stools alone): what the Isolation
    column and the leaving forms say of it."""

    since: datetime
    found: lab_results.Received | None


def _found_at(bowels: Bowels) -> list[tuple[datetime, lab_results.Received]]:
    """When a finding of C. difficile isolates the patient, and which, in order: a result of this
    stay when it came, and each loose stool with no known cause that `recurs` after the latest
    result before it (of this stay or of the `RECURRENCE` days before it): once an isolation had
    ended, a recurrence later in the stay waited for three stools, as a case never found."""
    results = sorted((*bowels.found_before, *bowels.found), key=lambda one: elapsed.instant(one.received_at))
    recurring = [(moment, latest) for moment in _at(bowels, lambda one: one.loose)
                 for latest in [next((one for one in reversed(results)
                                      if elapsed.instant(one.received_at) <= elapsed.instant(moment)), None)]
                 if latest is not None and recurs(latest.received_at, moment)]
    return sorted([(one.received_at, one) for one in bowels.found] + recurring,
                  key=lambda pair: elapsed.instant(pair[0]))


def _isolation(bowels: Bowels, at: datetime) -> Isolated | None:
    """The isolation in force at `at`, with the latest finding of C. difficile (`_found_at`) since
    it began, if any."""
    found_at = _found_at(bowels)
    began = isolated_since(_at(bowels, lambda one: one.loose), _at(bowels, lambda one: one.loose_of_any_cause),
                           _at(bowels, lambda one: one.formed), at, [moment for moment, _ in found_at])
    if began is None:
        return None
    return Isolated(began, next((one for moment, one in reversed(found_at) if elapsed.instant(began)
                                 <= elapsed.instant(moment) <= elapsed.instant(at)), None))


def found_signs(bowels: Bowels, at: datetime) -> list[Sign]:
    isolation = _isolation(bowels, at)
    return signs(_at(bowels, lambda one: one.loose), _bleeding(bowels, at) is not None, since(bowels), at,
                 found=isolation is not None and isolation.found is not None)


def _from_admission(bowels: Bowels) -> bool:
    """Whether bowels not opened are counted from the admission: no stool charted this stay."""
    return bowels.admitted is not None and _last_opened(bowels) is None


def asking(bowels: Bowels, spec: FormSpec, at: datetime, lang: Lang) -> list[str]:
    """What the chart asks at `at` (nothing for a patient with no line on it and no result
    finding C. difficile)."""
    bled, run, start = _bleeding(bowels, at), _loose_run(bowels, at), since(bowels)
    isolation = _isolation(bowels, at)
    result = isolation.found if isolation is not None else None
    words = {**SIGNS, **({Sign.NOT_OPENED: NONE_SINCE_ADMISSION} if _from_admission(bowels) else {}),
             **({Sign.C_DIFFICILE: FOUND_ON_THE_LAST_STAY} if result in bowels.found_before else {}),
             **({Sign.LOOSE: LOOSE_WITH_C_DIFFICILE} if result is not None else {})}
    tested = sample_sent(run, _at(bowels, lambda one: one.sampled), at) or tested_lately(
        [one.received_at for one in (*bowels.found_before, *bowels.found)], at)
    return [words[sign][lang].format(
        count=len(run), first=ward_time(run[0], at.tzinfo) if run else "",
        sample="" if tested else SAMPLE[lang],
        seen=format_value(spec.field("seen"), sorted(bled.bleeding), lang) if bled else "",
        time=ward_time(bled.charted_at, at.tzinfo) if bled else "",
        result=result.text() if result else "",
        received=ward_time(result.received_at, at.tzinfo) if result else "",
        days=elapsed.between(start, at).days if start else 0,
        since=ward_time(start, at.tzinfo, "%d/%m" if _from_admission(bowels) else "%d/%m %H:%M") if start else "")
        for sign in found_signs(bowels, at)]


def state(bowels: Bowels, spec: FormSpec, at: datetime, lang: Lang) -> str:
    """"last opened 28/11 10:00 (type 6, Medium); 3 loose in 24 hours; stool sample sent 28/11
    11:00": when the bowels last opened and how (or that none is charted since the admission or
    the chart began), loose stools of the last day (`_loose_words`), the latest sample. Blood
    seen in the last stool is left to what the chart asks (`asking`), which names it while it is
    the last stool: the handover said "Black, tarry (melaena)" twice in a line; once a doctor is
    told of it, it is said here with who and when (`Charted.told`)."""
    last = _last_opened(bowels)
    sample = next((one for one in reversed(bowels) if one.sampled), None)
    if last is not None:
        opened = WORDS["last"][lang].format(time=ward_time(last.charted_at, at.tzinfo),
                                            stool=last.stool(spec, lang, BLEEDING))
    elif bowels.admitted is not None:
        opened = WORDS["none_since_admission"][lang].format(day=ward_time(bowels.admitted, at.tzinfo, "%d/%m"))
    else:
        opened = WORDS["never"][lang].format(time=ward_time(bowels[0].charted_at, at.tzinfo)) if bowels else ""
    bled = _bled(bowels, at)
    return semicolon(lang).join(filter(None, [
        opened, bled.told(spec, at.tzinfo, lang) if bled is not None and _bleeding(bowels, at) is None else "",
        _loose_words(bowels, at, lang),
        *([WORDS["sampled"][lang].format(time=ward_time(sample.charted_at, at.tzinfo))] if sample else [])]))


def _loose_words(bowels: Bowels, at: datetime, lang: Lang) -> str:
    """The loose stools of the 24 hours up to `at`, those with a known cause (a laxative, an
    enteral feed) counted in and said so: they spare the isolation, not the dehydration nor the
    feed to review, and six watery stools of a day read as one "last opened". Two or more, or,
    when what the chart asks counts those with no known cause (`Sign.LOOSE`), those it leaves out."""
    unexplained = len(_loose_run(bowels, at))
    known = len(in_a_day(_at(bowels, lambda one: one.loose_of_any_cause), at)) - unexplained
    if Sign.LOOSE in found_signs(bowels, at):
        return WORDS["known_apart"][lang].format(count=known) if known else ""
    if unexplained + known < 2:
        return ""
    cause = (WORDS["all_known"][lang] if not unexplained else
             WORDS["some_known"][lang].format(count=known) if known else "")
    return WORDS["loose"][lang].format(count=unexplained + known, cause=cause)


def coming(bowels: Bowels, at: datetime) -> datetime | None:
    """When what the chart asks next changes with time alone, after `at`: bowels not opened
    become constipation, the third loose stool of a day or blood seen leaves the 24 hours, an
    isolation with its formed stool charted ends 48 hours clear. The chart and the escalation
    list are read again then: a doctor was still called for blood the list had dropped hours ago."""
    start, run, bled = since(bowels), _loose_run(bowels, at), _bleeding(bowels, at)
    isolation = _isolation(bowels, at)
    moments = [constipated_from(start) if start is not None else None,
               elapsed.later(run[-LOOSE_IN_A_DAY], DAY) if len(run) >= LOOSE_IN_A_DAY else None,
               elapsed.later(bled.charted_at, DAY) if bled is not None else None,
               isolation_ends(_at(bowels, lambda one: one.loose_of_any_cause), _at(bowels, lambda one: one.formed), at,
                              [moment for moment, _ in _found_at(bowels)]) if isolation is not None else None]
    return min((moment for moment in moments if moment is not None and not elapsed.reached(moment, at)),
               key=elapsed.instant, default=None)


def handover(db: Database, forms: Mapping[str, FormSpec], patient_ids: Collection[str], at: datetime,
             lang: Lang) -> dict[str, str]:
    """What the handover sheet says at `at` of each of these patients' bowels, for those with a
    chart or a result finding C. difficile: when they last opened and how, and what the chart asks."""
    spec = forms[FORM]
    return {patient_id: WORDS["handover"][lang].format(said=semicolon(lang).join(
        filter(None, [state(bowels, spec, at, lang), *asking(bowels, spec, at, lang)])))
        for patient_id, bowels in charts(db, patient_ids).items()}


def isolated(db: Database, patient_ids: Collection[str], at: datetime) -> dict[str, Isolated]:
    """Since when each of these patients is to be isolated at `at` for loose stools or a result
    finding C. difficile (`isolated_since`: until 48 hours free of loose stools and a formed
    stool), for those who are: the handover sheet's Isolation column gave only the admission's
    answer, and a patient isolated last night for new diarrhoea read as not isolated."""
    return {patient_id: isolation for patient_id, bowels in charts(db, patient_ids).items()
            if (isolation := _isolation(bowels, at)) is not None}
