"""A child's paediatric observation chart: each set scored with the Bedside PEWS by the child's age
band on the day it was taken (domain.pews), when the next set is due, and what the latest set asks
of the nurse now: the doctor called from a score of 8, for a red flag, for a nurse or parent
worried, for a child not alert, and still while the sets after such a one are incomplete; the next
set overdue. Never stored: the score is worked out from the readings and the
date of birth each time, so an amended reading or birth date rescores the chart."""

from __future__ import annotations

import re

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from pydantic import ValidationError
from sqlite_utils import Database

from downtime.domain.clock import ward_day, ward_time
from downtime.domain import elapsed
from downtime.domain.age import months_old
from downtime.domain.pews import (
    BAND_WORDS, CALL_THE_DOCTOR, ITEMS, RED_WORDS, SIGNS, TEMPERATURE_WITHIN, WATCHED_WITHIN, PewsScore, PewsSet, Red,
    Sign, age_band, missing_asked, next_due, red_flags, score, signs, temperature_asked, watched_closely,
)
from downtime.domain.records import RecordVersion
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import FieldError, format_value
from downtime.i18n import QT_TRANSLATE_NOOP, message, mid_line, semicolon
from downtime.services import census, observations
from downtime.services.bedside import Chart, ordered
from downtime.services.context import Session
from downtime.services.errors import ValidationFailed
from downtime.services.patients import PatientSummary
from downtime.services.version_changes import Amendment, with_amendments

FORM = "paediatric_observations"
WORDS = {
    "score": {"en": "PEWS {total} ({band})", "fr": "PEWS {total} ({band})"},
    "incomplete": {"en": "incomplete: {missing} not taken", "fr": "incomplet, manque : {missing}"},
    "not_scored": {"en": "PEWS not scored", "fr": "PEWS non calculé"},
    "latest": {"en": "{score} at {time}", "fr": "{score} le {time}"},
    "next": {"en": "next set due {time}", "fr": "prochaine surveillance {time}"},
    "handover": {"en": "PEWS: {said}", "fr": "PEWS : {said}"},
    "short": {"en": "PEWS {total}", "fr": "PEWS {total}"},
    "short_incomplete": {"en": "PEWS {total} (incomplete)", "fr": "PEWS {total} (incomplet)"},
    "at_least": {"en": "≥ {total}", "fr": "≥ {total}"},
    "read_from": {"en": "{red}: temperature of the {time} set", "fr": "{red} : température de la série de {time}"},
    "standing": {"en": "LAST FULL SET ({time}) STILL STANDS: {said}",
                 "fr": "DERNIÈRE SÉRIE COMPLÈTE ({time}) TOUJOURS VALABLE : {said}"},
    "letter": {"en": "{score} at {time}: {readings}", "fr": "{score} le {time} : {readings}"},
    "none": {"en": "No PEWS set this stay", "fr": "Pas de PEWS pendant ce séjour"},
    "none_short": {"en": "No PEWS set", "fr": "Pas de PEWS"},
    "told": {"en": "Told: {who}", "fr": "Prévenu : {who}"},
    "reviewed": {"en": "reviewed by {who}: next set as the doctor planned",
                 "fr": "revu par {who} : prochaine surveillance selon le plan du médecin"},
    "not_told": {"en": "NOT RECORDED", "fr": "NON RENSEIGNÉ"},
    "first": {"en": "OBSERVATIONS OVERDUE since admission ({time}): take a first set on the paediatric chart",
              "fr": "SURVEILLANCE EN RETARD depuis l’admission ({time}) : prendre une première série sur la feuille "
                    "pédiatrique"},
    "first_loaded": {"en": "OBSERVATIONS OVERDUE since loaded from the EHR ({time}): take a first set on the "
                           "paediatric chart",
                     "fr": "SURVEILLANCE EN RETARD depuis son chargement à partir du DPI ({time}) : prendre une "
                           "première série sur la feuille pédiatrique"},
}


@dataclass(frozen=True)
class Taken:
    """A set of the chart (`record`), when it was taken and when the next falls due."""

    record: RecordVersion
    taken_at: datetime
    due_at: datetime
    amended: tuple[Amendment, ...] = ()
    """Its record's amendments, oldest first: a patient's `chart` reads them, for the printed chart."""
    recent: tuple[datetime, float] | None = None
    """For a set that took no temperature, the latest an earlier set of the chart took within
    `TEMPERATURE_WITHIN` (when that set was taken, the °C): `recent_temperature`."""

    @property
    def readings(self) -> PewsSet:
        return readings_of(self.record.data)

    @property
    def concern(self) -> bool:
        return self.record.data.get("concern") is True

    @property
    def plan_by(self) -> str:
        """The doctor who reviewed the child and set the next set's interval (`plan_by`), as one
        line; "" when none did (or the set is of version 1, which could not say it)."""
        return planned_by(self.record.data)

    def scored(self, born: date | None) -> PewsScore | None:
        return scored_on(self.readings, born, self.taken_at)

    def red(self, born: date | None) -> list[Red]:
        return red_on(self.readings, born, self.taken_at)

    def red_said(self, born: date | None, lang: Lang) -> list[str]:
        """Its red flags in words as the chart says them, the `recent` temperature read in when it
        took none (`red_words`): the export read the set's own readings alone, and a baby of 7 weeks
        at 38.4 °C, seen again half an hour later without a temperature, went to the EHR with the
        later set's call for the doctor and no red flag to say why."""
        return red_words(red_on(with_temperature(self.readings, self.recent), born, self.taken_at),
                         self.recent[0] if self.recent is not None else None, lang)

    def complete(self, born: date | None) -> bool:
        """Scored with every reading asked for taken: a set whose score stands for the child's. The
        temperature is not scored: a set without one reads the `recent` one for its red flags, and
        asks for it when there is none (`temperature_asked`); a set missing it only neither hid an
        earlier call behind a later incomplete set nor brought back calls its own readings answer."""
        found = self.scored(born)
        return found is not None and not missing_asked(found)


def recent_temperature(lines: Sequence[Taken], taken_at: datetime) -> tuple[datetime, float] | None:
    """The latest temperature of the chart's sets (`lines`, oldest first) taken before `taken_at`
    and within `TEMPERATURE_WITHIN` of it, with when: what a set taken then without one reads."""
    return next(((one.taken_at, one.readings.temperature) for one in reversed(lines)
                 if one.readings.temperature is not None and one.taken_at < taken_at
                 and taken_at - one.taken_at <= TEMPERATURE_WITHIN), None)


def with_temperature(readings: PewsSet, recent: tuple[datetime, float] | None) -> PewsSet:
    """A set's readings with `recent` (`recent_temperature`) as its temperature when it took none."""
    if readings.temperature is not None or recent is None:
        return readings
    return readings.model_copy(update={"temperature": recent[1]})


def scored_on(readings: PewsSet, born: date | None, taken_at: datetime) -> PewsScore | None:
    """A set's score for a child born on `born`, on the band of the day it was taken; None when
    the date of birth is not known (or the patient was 16 by then, which saving refuses)."""
    band = age_band(born, ward_day(taken_at)) if born is not None else None
    return score(readings, band) if band is not None else None


def red_on(readings: PewsSet, born: date | None, taken_at: datetime) -> list[Red]:
    """A set's red flags, the fever's and the cold's by the child's age the day it was taken."""
    return red_flags(readings, months_on(born, taken_at))


def months_on(born: date | None, taken_at: datetime) -> int | None:
    """The child's months completed the day a set was taken; None when the date of birth is not known."""
    return months_old(born, ward_day(taken_at)) if born is not None else None


def total_text(found: PewsScore | None, lang: Lang) -> str:
    """"9"; "≥ 3" for a set missing a reading asked for (its score can only be higher: "0" said a
    set of "room air" alone scored as a well child); "?" unscored."""
    if found is None:
        return "?"
    return WORDS["at_least"][lang].format(total=found.total) if missing_asked(found) else str(found.total)


def reading(one: Taken, item: str, found: PewsScore | None, spec: FormSpec, lang: Lang) -> str:
    """A reading in the form's words with the points it scored: "165 (1)", "Moderate increase (2)"."""
    text = format_value(spec.field(item), one.record.data.get(item), lang)
    points = found.points[item] if found is not None else None
    return f"{text} ({points})" if text and points is not None else text


def planned_by(data: Mapping[str, Any]) -> str:
    """A set's `plan_by` (the doctor who set its interval) on one line; "" when it has none."""
    return " ".join(str(data.get("plan_by") or "").split())


PLAN_TIME = re.compile(r"\b([01]?\d|2[0-3])\s*[:hH.]\s*[0-5]\d\b")
"""A time written in a doctor's plan ("Dr Benali 13:00", "13h00"): a plan names when it was set."""
NOT_PLANNED_FOR = frozenset({"pain", "unresponsive"})
"""ACVPU answers no plan lengthens the hourly watch of: a child responding only to pain, or not at all."""


def _plan_refused(data: Mapping[str, Any], found: PewsScore | None, lang: Lang, field: str) -> str | None:
    """Why a set's doctor's plan cannot set its next set past the hour, None when it can: it names
    no time it was set at ("awaiting doctor", "-", "bleeped, no answer yet" lifted the hourly watch
    of a 4-month-old scoring 9 and responding to pain, and read as the doctor told), or the child
    scores 8 or more, or responds only to pain or not at all, watched hourly whatever the plan."""
    if not PLAN_TIME.search(planned_by(data)):
        return message(lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: write the doctor who reviewed the child and the time they set the plan "
                        "(“Dr Benali 13:00”), or choose 1 hour or less."), field=field)
    if (found is not None and found.urgent) or _answer(data.get("consciousness")) in NOT_PLANNED_FOR:
        return message(lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: a child scoring 8 or more, or responding only to pain or not at all, is "
                        "observed at least hourly whatever the plan: choose 1 hour or less."), field=field)
    return None


def _answer(value: Any) -> Any:
    """An answer as the form took it: "" and [] are no answer to an optional question (a script or
    an import may send them, which the form stores as sent)."""
    return None if value == "" or value == [] else value


def readings_of(data: Mapping[str, Any]) -> PewsSet:
    return PewsSet(**{item: _answer(data.get(item)) for item in (*ITEMS, "temperature")})


def taken(record: RecordVersion) -> Taken:
    at = datetime.fromisoformat(record.data["taken_at"])
    return Taken(record, at, next_due(at, int(record.data["next_in"])))


def _with_recent(one: Taken, lines: Sequence[Taken]) -> Taken:
    """`one` with the `recent` temperature of the chart's `lines` when it took none."""
    return one if one.readings.temperature is not None else replace(one, recent=recent_temperature(lines, one.taken_at))


def _lines(records: list[RecordVersion]) -> list[Taken]:
    """The chart's sets, oldest first, each without a temperature with the `recent` one."""
    lines = ordered(taken, lambda one: one.taken_at)(records)
    return [_with_recent(one, lines) for one in lines]


def charted_by_record(records: Iterable[RecordVersion]) -> dict[str, Taken]:
    """Each standing set of these records (of any children) as its chart reads it (`_lines`), by
    its record's id: for the export, which reads every child's sets at once."""
    by_patient: dict[str, list[RecordVersion]] = {}
    for record in records:
        by_patient.setdefault(str(record.patient_id), []).append(record)
    return {one.record.record_id: one for theirs in by_patient.values() for one in _lines(theirs)}


def as_charted(db: Database, patient_id: str, record: RecordVersion) -> Taken:
    """A set just saved (`record`) as its chart reads it, with the `recent` temperature when it
    took none: the save's dialog said no red flag of the fever the chart showed."""
    return _with_recent(taken(record), CHART.of(db, patient_id))


# The child's standing sets, oldest first; and many children's in one query.
CHART = Chart(FORM, _lines)
charts = CHART.of_each


def chart(db: Database, patient_id: str) -> list[Taken]:
    """One child's sets, each with its amendments (for the printed chart)."""
    return with_amendments(db, CHART.of(db, patient_id))


def score_text(found: PewsScore | None, spec: FormSpec, lang: Lang) -> str:
    """"PEWS 11 (3 to under 12 months)", with the items not taken named: the score of an incomplete
    set can only be lower than the child's ("PEWS ≥ 3"); "PEWS not scored" for a set with no score,
    whose why is what it asks (the date of birth to record, or a patient 16 or over that day)."""
    if found is None:
        return WORDS["not_scored"][lang]
    missing = ", ".join(mid_line(spec.field(item).label.get(lang)) for item in found.missing)
    return WORDS["score"][lang].format(total=total_text(found, lang), band=semicolon(lang).join(
        [BAND_WORDS[found.band][lang], *([WORDS["incomplete"][lang].format(missing=missing)] if missing else [])]))


def state(lines: Sequence[Taken], born: date | None, spec: FormSpec, at: datetime, lang: Lang) -> str:
    """"PEWS 3 (1 to under 4 years) at 28/11 13:00; next set due 28/11 14:00" (once overdue, what the
    chart asks says so instead)."""
    latest = lines[-1]
    return semicolon(lang).join([
        WORDS["latest"][lang].format(score=score_text(latest.scored(born), spec, lang),
                                     time=ward_time(latest.taken_at, None)),
        *([] if elapsed.reached(latest.due_at, at) else [WORDS["next"][lang].format(time=ward_time(latest.due_at, None))])])


def asked(one: Taken, born: date | None, spec: FormSpec, at: datetime, lang: Lang, latest: bool) -> list[str]:
    """What a set of a child born on `born` asks at `at`: its score, its red flags, someone
    worried, a child not alert, the date of birth to record; for the `latest`, the next set overdue
    (an earlier one's was taken)."""
    return [said for _, said in _signed(one, born, spec, at, lang, latest)]


def _signed(one: Taken, born: date | None, spec: FormSpec, at: datetime, lang: Lang,
            latest: bool) -> list[tuple[Sign, str]]:
    return _asks(one.readings, born, one.concern, _answer(one.record.data.get("consciousness")),
                 one.taken_at, one.due_at if latest else None, spec, at, lang, recent=one.recent)


TEMPERATURE_DECIDES = frozenset({Red.INDRAWING, Red.FEVER, Red.COLD})
"""The red flags the temperature decides: a set without one reads the recent one's (`Taken.recent`)."""


def red_words(red: Sequence[Red], source: datetime | None, lang: Lang) -> list[str]:
    """Each of a set's `red` flags in words, one the temperature decides saying which set's it is
    when read from an earlier set taken at `source` (None: the set's own)."""
    return [WORDS["read_from"][lang].format(red=RED_WORDS[flag][lang], time=ward_time(source, None))
            if source is not None and flag in TEMPERATURE_DECIDES else RED_WORDS[flag][lang] for flag in red]


def _asks(readings: PewsSet, born: date | None, concern: bool, consciousness: str | None,
          taken_at: datetime, due_at: datetime | None, spec: FormSpec, at: datetime,
          lang: Lang, typing: bool = False, recent: tuple[datetime, float] | None = None) -> list[tuple[Sign, str]]:
    """What a set asks (`signs`), with the `recent` temperature read in when it took none (its
    flags say which set's), its temperature when asked of the latest (`due_at` given) or of one
    being `typing` (an earlier set's is moot once a later one is taken), in INCOMPLETE's items when
    that is asked too (two prompts said "take … now" of one set)."""
    flagged = with_temperature(readings, recent)
    found, red = scored_on(readings, born, taken_at), red_on(flagged, born, taken_at)
    grown = born is not None and age_band(born, ward_day(at)) is None
    temperature = temperature_asked(flagged, months_on(born, taken_at)) and (due_at is not None or typing)
    source = recent[0] if recent is not None and readings.temperature is None else None
    return [(sign, SIGNS[sign][lang].format(
        total=found.total if found else "", time=ward_time(taken_at, None),
        day=ward_time(taken_at, None, "%d/%m/%Y"),
        red=", ".join(red_words(red, source, lang)),
        consciousness=format_value(spec.field("consciousness"), consciousness, lang),
        due=ward_time(due_at, None) if due_at else "",
        missing=", ".join(mid_line(spec.field(item).label.get(lang)) for item in (
            *missing_asked(found), *(["temperature"] if temperature else []))) if found else ""))
        for sign in signs(found, concern, consciousness, due_at, at, born is not None, grown, bool(red), temperature)]


def standing(lines: Sequence[Taken], born: date | None, spec: FormSpec, at: datetime, lang: Lang) -> list[str]:
    """While the latest set is incomplete, the doctor calls of the last complete one that it does
    not make itself: an escalation stands until a full set shows the child better."""
    full = _last_full(lines, born)
    if full is None:
        return []
    made = {sign for sign, _ in _signed(lines[-1], born, spec, at, lang, False)}
    return [WORDS["standing"][lang].format(time=ward_time(full.taken_at, None), said=said)
            for sign, said in _signed(full, born, spec, at, lang, False) if sign in CALL_THE_DOCTOR - made]


def _last_full(lines: Sequence[Taken], born: date | None) -> Taken | None:
    """While the latest set is incomplete, the last complete set before it."""
    if not lines or lines[-1].complete(born):
        return None
    return next((one for one in reversed(lines[:-1]) if one.complete(born)), None)


def _standing_total(lines: Sequence[Taken], born: date | None, spec: FormSpec, at: datetime,
                    lang: Lang) -> int | None:
    """The score of the last complete set whose doctor call still stands (`standing`)."""
    full = _last_full(lines, born)
    found = full.scored(born) if full is not None and standing(lines, born, spec, at, lang) else None
    return found.total if found is not None else None


def standing_behind(db: Database, patient_id: str, record: RecordVersion, born: date | None, spec: FormSpec,
                    at: datetime, lang: Lang) -> list[str]:
    """`standing` behind a set just saved (`record`), when it is the chart's latest: a set entered
    late, before a later one, leaves the later one to speak for the child."""
    lines = chart(db, patient_id)
    return standing(lines, born, spec, at, lang) if lines and lines[-1].record.record_id == record.record_id else []


def check_next(session: Session, spec: FormSpec, patient_id: str, data: Mapping[str, Any]) -> None:
    """Refuse, at the next set's time, a gap of more than an hour after a set that is watched
    closely (`domain.pews.watched_closely`), unless a doctor reviewed the child and set the plan
    (`planned_by`: a bronchiolitic baby breathing 62 a minute, reviewed and planned 2-hourly,
    could not be charted so) with when, for a child neither scoring 8 or more nor responding only
    to pain or not at all (`_plan_refused`), or is missing a reading asked for, whoever planned it,
    or its temperature, with none in the hour before, when asked (`temperature_asked`) and no
    doctor's plan the form accepts says otherwise, scored on the band of its day: a set of "room
    air" alone, next in 4 hours, after a PEWS of 9 left the child unwatched for 4 hours. The
    temperature's red flags read the recent one (`recent_temperature`)."""
    if timedelta(minutes=int(data["next_in"])) <= WATCHED_WITHIN:
        return
    born = census.patient_with_location(session.db, session.forms, patient_id).birth_date
    taken_at = datetime.fromisoformat(data["taken_at"])
    readings = with_temperature(readings_of(data), recent_temperature(CHART.of(session.db, patient_id), taken_at))
    found, field = scored_on(readings, born, taken_at), spec.field("next_in").label.get(session.lang)
    if watched_closely(found, data.get("concern") is True, _answer(data.get("consciousness")),
                       bool(red_on(readings, born, taken_at))):
        if not planned_by(data):
            raise ValidationFailed([FieldError("next_in", message(session.lang, QT_TRANSLATE_NOOP(
                "messages", "“{field}”: a child scoring 8 or more, with a red flag, not alert, or with someone worried "
                            "is observed at least hourly: choose 1 hour or less."), field=field))])
        if (refused := _plan_refused(data, found, session.lang, field)) is not None:
            raise ValidationFailed([FieldError("next_in", refused)])
    if found is not None and (missing := missing_asked(found)):
        raise ValidationFailed([FieldError("next_in", message(session.lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: {missing} not taken, the score can only be higher: take them within the hour "
                        "(choose 1 hour or less)."), field=field, missing=", ".join(
            mid_line(spec.field(item).label.get(session.lang)) for item in missing)))])
    if (temperature_asked(readings, months_on(born, taken_at))
            and not (planned_by(data) and _plan_refused(data, found, session.lang, field) is None)):
        raise ValidationFailed([FieldError("next_in", message(session.lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: no temperature in this set or in the hour before, and with a moderate breathing "
                        "effort under 5 years a fever calls the doctor: type the temperature, or choose 1 hour or "
                        "less."), field=field))])


def as_typed(values: Mapping[str, Any], born: date | None, spec: FormSpec, at: datetime,
             lang: Lang, lines: Sequence[Taken] = ()) -> tuple[str, list[str]] | None:
    """A set's score and what it asks as it is being typed (`values`, read leniently; scored on
    the band of the day typed in its time, or of `at` until one is; `lines` the child's chart, whose
    recent temperature a set without one reads, `recent_temperature`): None until a reading is in,
    or while one is out of any child's range (a typing slip the save refuses)."""
    if all(values.get(item) is None for item in ITEMS):
        return None
    try:
        readings = readings_of(values)
        taken_at = datetime.fromisoformat(values["taken_at"]) if values.get("taken_at") else at
    except (ValidationError, TypeError, ValueError):
        return None
    found = scored_on(readings, born, taken_at)
    return score_text(found, spec, lang), [said for _, said in _asks(
        readings, born, values.get("concern") is True, values.get("consciousness"), taken_at, None, spec, at, lang,
        typing=True, recent=recent_temperature(lines, taken_at))]


def asking(lines: Sequence[Taken], born: date | None, spec: FormSpec, at: datetime, lang: Lang) -> list[str]:
    """What the latest set asks at `at`, and while it is incomplete what the last complete one
    still asks of the doctor (`standing`), after the latest's own calls to the doctor (and the
    doctor who reviewed them and set the plan, `Taken.plan_by`: "reviewed by …") and before the
    rest; nothing for a child with no set charted."""
    if not lines:
        return []
    signed = _signed(lines[-1], born, spec, at, lang, True)
    calls = [said for sign, said in signed if sign in CALL_THE_DOCTOR]
    return [*calls, *(reviewed(lines[-1], lang) if calls else []), *standing(lines, born, spec, at, lang),
            *(said for sign, said in signed if sign not in CALL_THE_DOCTOR)]


def reviewed(one: Taken, lang: Lang) -> list[str]:
    """"reviewed by Dr Benali 13:00: next set as the doctor planned" for a set whose plan a doctor
    set (`Taken.plan_by`), on the lists, the chart and its print; nothing otherwise."""
    return [WORDS["reviewed"][lang].format(who=one.plan_by)] if one.plan_by else []


def calling(lines: Sequence[Taken], born: date | None, spec: FormSpec, at: datetime, lang: Lang) -> Sequence[Taken]:
    """The sets from the one whose call to the doctor stands to the latest: the last complete one
    while the sets after it are incomplete (`standing`), else the latest when it calls; none when
    the chart calls no doctor. Who was told of the call is read from them (`told`), and whether a
    doctor has reviewed the child since (`Taken.plan_by`: the escalation list ranks first only a
    call no one has answered, services.chart_alerts)."""
    if not lines:
        return []
    full = _last_full(lines, born)
    if full is not None and standing(lines, born, spec, at, lang):
        return lines[lines.index(full):]
    return lines[-1:] if any(sign in CALL_THE_DOCTOR
                             for sign, _ in _signed(lines[-1], born, spec, at, lang, True)) else []


def told(lines: Sequence[Taken], born: date | None, spec: FormSpec, at: datetime, lang: Lang) -> str | None:
    """Who was told of the doctor the chart calls, as the notes ("escalation, who was told") of
    the set whose call stands and of every set after it say it (`calling`), on one line, as an
    adult's escalation says it (observations.Escalation.told), with the doctor who set a set's plan
    (`Taken.plan_by`): "" when none says, None when the chart calls no doctor. A PEWS 12 whose
    doctor was called read on paper and at handover as one whose doctor was not: the notes were
    on the tab alone."""
    sets = calling(lines, born, spec, at, lang)
    if not sets:
        return None
    return " / ".join(said for one in sets for said in (
        " ".join((one.record.data.get("notes") or "").split()), one.plan_by) if said)


def told_text(who: str | None, lang: Lang) -> list[str]:
    """"Told: Dr Benali 13:05", or "Told: NOT RECORDED" when the chart calls a doctor and no note
    says who was told; nothing when it calls none (`who`: `told`)."""
    return [] if who is None else [WORDS["told"][lang].format(who=who or WORDS["not_told"][lang])]


def coming(lines: Sequence[Taken], at: datetime) -> datetime | None:
    """When the next set falls due, if not yet at `at`: the chart is read again then."""
    due = lines[-1].due_at if lines else None
    return due if due is not None and not elapsed.reached(due, at) else None


@dataclass(frozen=True)
class Watch:
    """Where a child's paediatric chart stands at a moment, as a list's line and the census show
    it: the latest score (`total` None when the child's age is not known; `incomplete` when a
    reading asked for is missing, so the score can only be higher), when the next set is due and
    whether it is overdue, whether the chart asks anything (`asking`), and all it says
    (`said`: the score, the next set and what it asks, for a tooltip and the handover sheet)."""

    total: int | None
    due_at: datetime
    overdue: bool
    asking: bool
    said: str
    charted: bool = True
    """False for a child with no set this stay, whose first was due when they came in."""
    incomplete: bool = False
    standing: int | None = None
    """Behind an incomplete latest set, the score of the last complete one whose doctor call still stands."""
    told: str | None = None
    """Who was told of the doctor the chart calls (`told`): "" when no note says, None when it calls none."""

    @property
    def weighs(self) -> int:
        """What the child sorts by on a list, sickest first: the latest score, or a standing call's
        when higher (an incomplete "PEWS ≥ 0" sorted a standing PEWS 9 among the well)."""
        return max(self.total or 0, self.standing or 0)

    def short(self, lang: Lang) -> str:
        """"PEWS 9", "PEWS ≥ 3 (incomplete)", "PEWS ?" for a child whose age is not known, "No PEWS set"."""
        if not self.charted:
            return WORDS["none_short"][lang]
        if self.total is None:
            return WORDS["short"][lang].format(total="?")
        if self.incomplete:
            return WORDS["short_incomplete"][lang].format(total=WORDS["at_least"][lang].format(total=self.total))
        return WORDS["short"][lang].format(total=self.total)


def uncharted(patients: Iterable[PatientSummary], charted: Collection[str], at: datetime) -> list[PatientSummary]:
    """The children (under 16 at `at`) of these in-patients with no set this stay (`charted`: the
    ids of those with one). An adult with none is overdue from their admission, on the overdue
    list; a child with none was on no list at all, and the handover sheet read "NEWS2 not
    applicable" in black beside a child no one had observed since they came in."""
    return [patient for patient in patients if patient.patient_id not in charted and patient.birth_date is not None
            and age_band(patient.birth_date, ward_day(at)) is not None]


def first_set_asked(patient: PatientSummary, at: datetime, lang: Lang, first: datetime | None = None) -> str:
    """"OBSERVATIONS OVERDUE since admission (28/11 09:00): take a first set…", for an `uncharted`
    child; `first`: when it fell due (observations.first_due), the admission when not given. A
    child loaded from the EHR's snapshot is overdue since the load: the sets before it are the
    EHR's, and "since admission" days before read as days unobserved. Never later than `at`: a
    load with the clock ahead, not used since, said a child overdue since tomorrow."""
    if first is not None:
        first = min(first, at, key=elapsed.instant)
    if first is None or elapsed.instant(first) == elapsed.instant(_admitted(patient, at)):
        return WORDS["first"][lang].format(time=f"{_admitted(patient, at):%d/%m %H:%M}")
    return WORDS["first_loaded"][lang].format(time=f"{first.astimezone(at.tzinfo):%d/%m %H:%M}")


def _admitted(patient: PatientSummary, at: datetime) -> datetime:
    return datetime.fromisoformat(patient.admitted_at).astimezone(at.tzinfo)


def watches(db: Database, forms: Mapping[str, FormSpec], patients: Sequence[PatientSummary], at: datetime,
            lang: Lang) -> dict[str, Watch]:
    """The `Watch` at `at` of each of these in-patients who has a set charted this stay, and of
    each child who has none (`uncharted`: overdue since they came in), read at once."""
    spec, born = forms[FORM], {patient.patient_id: patient.birth_date for patient in patients}
    found: dict[str, Watch] = {}
    for patient_id, lines in charts(db, list(born)).items():
        latest, asks = lines[-1], asking(lines, born[patient_id], spec, at, lang)
        scored_now = latest.scored(born[patient_id])
        found[patient_id] = Watch(None if scored_now is None else scored_now.total, latest.due_at,
                                  elapsed.reached(latest.due_at, at), bool(asks),
                                  semicolon(lang).join([state(lines, born[patient_id], spec, at, lang), *asks]),
                                  incomplete=scored_now is not None and bool(missing_asked(scored_now)),
                                  standing=_standing_total(lines, born[patient_id], spec, at, lang),
                                  told=told(lines, born[patient_id], spec, at, lang))
    unseen = uncharted(patients, found, at)
    first = observations.first_due(db, unseen)
    for patient in unseen:
        due = min(first[patient.patient_id], at, key=elapsed.instant).astimezone(at.tzinfo)
        found[patient.patient_id] = Watch(None, due, elapsed.reached(due, at), True, semicolon(lang).join(
            [WORDS["none"][lang], first_set_asked(patient, at, lang, due)]), charted=False)
    return found


def handed_on(db: Database, forms: Mapping[str, FormSpec], patient_id: str, at: datetime, lang: Lang) -> list[str]:
    """What a letter handing a child on (a move to another ward, a transfer to another hospital)
    says of their paediatric chart: the latest set, each reading with its points, and what it
    asks (the transfer's last observations are an adult's NEWS2 readings, which a child has none of)."""
    lines = chart(db, patient_id)
    if not lines:
        return []
    born, spec, latest = census.patient_with_location(db, forms, patient_id).birth_date, forms[FORM], lines[-1]
    found, data = latest.scored(born), latest.record.data
    readings = [f"{mid_line(spec.field(item).label.get(lang))} {text}" for item in ITEMS
                if (text := reading(latest, item, found, spec, lang))]
    readings += [f"{mid_line(spec.field(name).label.get(lang))} {format_value(spec.field(name), data[name], lang)}"
                 for name in ("temperature", "consciousness") if data.get(name) is not None]
    return [WORDS["letter"][lang].format(score=score_text(found, spec, lang), time=ward_time(latest.taken_at, None),
                                         readings=", ".join(readings)),
            *asked(latest, born, spec, at, lang, False), *standing(lines, born, spec, at, lang)]


def handover(watched: Mapping[str, Watch], lang: Lang) -> dict[str, str]:
    """What the handover sheet says of each child's paediatric chart (`watched`: `watches`, read
    once with their census column): the latest score, the next set, and what it asks."""
    return {patient_id: WORDS["handover"][lang].format(said=found.said) for patient_id, found in watched.items()}
