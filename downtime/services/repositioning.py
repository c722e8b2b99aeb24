"""A patient's repositioning (turning) chart: each change of position with the skin over the
pressure areas, and what the chart asks of the nurse now (domain.repositioning): the next
change once overdue (a decline moves nothing), pressure damage found (at the latest look at the
skin; named, not asked, once charted on the wound chart), a patient assessed at risk with no
change charted; and their latest pressure ulcer risk assessment (domain.braden). Nothing is
asked of a patient who has left (discharged, transferred out, died): their stay's chart ends.
Never stored: worked out from the standing records, the wound chart and the patient's
movements."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from typing import Any

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.age import age_in_years
from downtime.domain.braden import ADULTS_FROM_YEARS, BANDS, FIRST_WITHIN, Band, band as band_of, total
from downtime.domain.census import StayStatus, departure
from downtime.domain.clock import ward_day, ward_time
from downtime.domain.records import RecordVersion
from downtime.domain.devices import told
from downtime.domain.repositioning import (DAMAGE, DAMAGE_CHARTED, DECLINED, EVERY_AT_MOST, SIGNS, Sign, covers,
                                           due_after, due_by_risks, signs, too_seldom, uncharted_from)
from downtime.domain.wounds import PRESSURE_ULCER, key
from downtime.domain.repositioning import late as came_late
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import FieldError, format_value
from downtime.i18n import semicolon
from downtime.services.bedside import Chart, first_due, in_order, ordered
from downtime.services.census import movement_events
from downtime.services.errors import ValidationFailed
from downtime.services.followed import still_open
from downtime.services.patients import PatientSummary
from downtime.services import wounds

FORM = "repositioning"
RISK_FORM = "braden_assessment"
SELDOM_REASON = "seldom_reason"
DECLINED_WHY_FROM = 3
"""The form version asking why a change was declined (`check_declined`)."""
"""The form's field keeping why a change's next is later than the risk asks (version 2 on)."""
WORDS = {
    "handover": {"en": "REPOSITIONING: {turn} at {time}", "fr": "CHANGEMENT DE POSITION : {turn} le {time}"},
    "skin": {"en": "skin: {skin}", "fr": "peau : {skin}"},
    "due": {"en": "next due {due}", "fr": "prochain le {due}"},
    "risk": {"en": "Pressure ulcer risk: Braden {score}, {band} ({time})",
             "fr": "Risque d’escarre : Braden {score}, {band} ({time})"},
    "every": {"en": "Repositioned every {every}; last: {turn} at {time}",
              "fr": "Changement de position toutes les {every} ; dernier : {turn} le {time}"},
    "moved": {"en": "last moved: {turn} at {time}", "fr": "dernier changement fait : {turn} le {time}"},
    "seen": {"en": "{where}, seen {time}", "fr": "{where}, constatée le {time}"},
    "ended": {"en": "none asked: stay ended {ended}", "fr": "plus demandé : séjour terminé le {ended}"},
    "stood_down": {"en": "none asked: not at risk since {time}", "fr": "plus demandé : pas à risque depuis le {time}"},
    "seldom": {"en": "The latest pressure ulcer risk is Braden {score}, {band} ({time}): NICE asks for a change of "
                     "position at least every {every} hours, not every {hours}.",
               "fr": "Le dernier risque d’escarre est Braden {score}, {band} ({time}) : le NICE demande un changement "
                     "de position au moins toutes les {every} heures, et non toutes les {hours}."},
    "declined_why": {"en": "“{field}”: say why the change was declined, and when it is offered again (“not "
                           "recorded on the paper chart” for one typed from paper that gave none).",
                     "fr": "« {field} » : dire pourquoi le changement a été refusé, et quand le proposer à nouveau "
                           "(« non noté sur la feuille papier » pour un refus recopié du papier qui n’en dit rien)."},
    "seldom_reason": {"en": "{said} Give the reason (the care plan) in “{field}”.",
                      "fr": "{said} En indiquer le motif (le plan de soins) dans « {field} »."},
}


@dataclass(frozen=True)
class Turned:
    """A change of position (`record`), when it was, when the next falls due (counted from the
    latest change up to it that moved the patient: domain.repositioning.due_after), and the
    latest change up to it that looked at the skin (`seen`: itself, but for a decline that did
    not; None when none did), which the chart's pressure damage is judged on: category 1 on the
    sacrum found at 12:30 left the handover and the escalation list once the 13:50 change was
    declined, the skin not seen. `stay_ended`: when the stay it was made in ended (the patient
    discharged, transferred out or dead since; None while it goes on): it asks nothing then, a
    patient gone home was said "REPOSITIONING OVERDUE" on their tab and printed chart.
    `due_before`: when the change before it fell due, by the risks assessed between them too
    (`at_risk_now`; None for the chart's first, or when a risk found none between them), which it
    came after or not (`late`); `stood_down`: when a risk assessed after it found the patient not at risk
    (domain.repositioning.stands_down), no change asked since. `charted`: the latest look at a
    pressure ulcer still open on the wound chart at the place of the damage it saw, of a category
    covering it (`damage_charted`; None when none is): the damage is named then, not asked to be told and
    charted at every turn for the week the ulcer lasts."""

    record: RecordVersion
    turned_at: datetime
    due_at: datetime
    seen: RecordVersion | None
    stay_ended: datetime | None = None
    due_before: datetime | None = None
    stood_down: datetime | None = None
    charted: wounds.Dressed | None = None

    @property
    def late(self) -> bool:
        """Made after the change due before it (domain.repositioning.late)."""
        return came_late(self.turned_at, self.due_before)

    def late_said(self, zone: tzinfo | None, lang: Lang) -> str:
        """"LATE: due 28/11 14:30" for a change made after the one due before it; "" otherwise."""
        return SIGNS[Sign.LATE][lang].format(due=ward_time(self.due_before, zone)) \
            if self.late and self.due_before is not None else ""

    def skin(self, spec: FormSpec, lang: Lang, where: bool = True) -> str:
        """"Redness that blanches when pressed (sacrum)", or "" when not said (declined); without
        the place unless `where`."""
        data = self.record.data
        if not data.get("skin"):
            return ""
        place = " ".join((data.get("skin_where") or "").split()) if where else ""
        return format_value(spec.field("skin"), data["skin"], lang) + (f" ({place})" if place else "")

    def text(self, spec: FormSpec, lang: Lang, where: bool = True, *, whole: bool = False) -> str:
        """"Left side (30° tilt), skin: Redness that blanches when pressed (sacrum)"; the skin's
        place left out unless `where` (the pressure damage's ask beside it names it). A decline
        with its reason, as the notes give it ("Declined: sacral pain, offer again after
        analgesia", domain.devices.told): "Declined (say why in the notes)" was handed over, and the
        next shift never knew why, nor when to offer it again. The reason cut on a list's line,
        `whole` for a letter."""
        data = self.record.data
        position = format_value(spec.field("position"), data["position"], lang)
        if self.declined:
            position = told(position, data.get("notes"), lang, whole)
        skin = self.skin(spec, lang, where)
        return f"{position}, {WORDS['skin'][lang].format(skin=skin)}" if skin else position

    @property
    def declined(self) -> bool:
        """Offered and declined: the patient was not moved."""
        return self.record.data["position"] == DECLINED

    @property
    def damaged(self) -> bool:
        """This change found pressure damage (its own line of the chart)."""
        return self.record.data.get("skin") in DAMAGE

    @property
    def damage_found(self) -> bool:
        """The latest look at the skin up to this change found pressure damage (`seen`): what the
        chart says while this change is its latest."""
        return self.seen is not None and self.seen.data.get("skin") in DAMAGE

    def said(self, sign: Sign, at: datetime, lang: Lang) -> str:
        """A sign in words; the damage's place as the latest look at the skin wrote it, and when,
        when it was an earlier change's."""
        seen = self.seen or self.record
        where = " ".join((seen.data.get("skin_where") or "").split())
        if seen is not self.record:
            where = WORDS["seen"][lang].format(where=where, time=ward_time(_turned_at(seen), at.tzinfo))
        if sign is Sign.DAMAGE and self.charted is not None:
            return DAMAGE_CHARTED[lang].format(where=where, wound=self.charted.name,
                                               time=ward_time(self.charted.assessed_at, at.tzinfo))
        return SIGNS[sign][lang].format(where=where, due=ward_time(self.due_at, at.tzinfo))

    def asks(self, at: datetime, lang: Lang) -> list[str]:
        """What it asks at `at` (the latest change of position's, the chart's), each in words;
        nothing once its stay ended."""
        if self.stay_ended is not None:
            return []
        skin = self.seen.data.get("skin") if self.seen is not None else ""
        return [self.said(sign, at, lang) for sign in signs(skin or "", None if self.stood_down else self.due_at, at,
                                                            self.charted is not None)]

    def overdue(self, at: datetime) -> bool:
        """Its next change due and not charted at `at`; never once its stay ended, nor once the
        patient is found not at risk."""
        return self.stay_ended is None and self.stood_down is None and elapsed.reached(self.due_at, at)

    def next_change(self, at: datetime, lang: Lang) -> str:
        """"next due 28/11 16:00", or "REPOSITIONING OVERDUE since …" once it is; "none asked:
        stay ended 28/11 13:00" once the patient has left."""
        if self.stay_ended is not None:
            return WORDS["ended"][lang].format(ended=ward_time(self.stay_ended, at.tzinfo))
        if self.stood_down is not None:
            return WORDS["stood_down"][lang].format(time=ward_time(self.stood_down, at.tzinfo))
        if self.overdue(at):
            return self.said(Sign.OVERDUE, at, lang)
        return WORDS["due"][lang].format(due=ward_time(self.due_at, at.tzinfo))


@dataclass(frozen=True)
class Assessed:
    """A pressure ulcer risk assessment (`record`), when, its Braden total and band."""

    record: RecordVersion
    assessed_at: datetime
    score: int
    band: Band

    def text(self, lang: Lang, zone: tzinfo | None = None) -> str:
        """"Pressure ulcer risk: Braden 12, HIGH RISK (28/11 09:00)", on the ward's clock (`zone`;
        as typed when not given)."""
        return WORDS["risk"][lang].format(score=self.score, band=BANDS[self.band][lang],
                                          time=ward_time(self.assessed_at, zone or self.assessed_at.tzinfo))


def assessed(record: RecordVersion) -> Assessed:
    score = total(record.data)
    return Assessed(record, datetime.fromisoformat(record.data["assessed_at"]), score, band_of(score))


# The risk assessments of each of these patients who has one this stay, oldest first, and the
# latest of each.
RISKS = Chart(RISK_FORM, ordered(assessed, lambda one: one.assessed_at))
risks = RISKS.latest


def never_assessed(db: Database, patients: Sequence[PatientSummary], at: datetime) -> set[str]:
    """Those of these in-patients 18 or over (or of unknown age) with no pressure ulcer risk
    assessment this stay 6 hours after they came in (NICE QS89): said on the handover sheet with
    the screenings not done since admission (services.since_admission)."""
    found = risks(db, [patient.patient_id for patient in patients])
    return {patient.patient_id for patient in patients
            if patient.patient_id not in found and patient.stay in (None, StayStatus.IN)
            and elapsed.reached(first_due(patient, FIRST_WITHIN), at)
            and (patient.birth_date is None or age_in_years(patient.birth_date, ward_day(at)) >= ADULTS_FROM_YEARS)}


def risk(db: Database, patient_id: str) -> Assessed | None:
    """The patient's latest risk assessment, if any."""
    return risks(db, [patient_id]).get(patient_id)


def _turned_at(record: RecordVersion) -> datetime:
    return datetime.fromisoformat(record.data["turned_at"])


def turned(record: RecordVersion, before: Turned | None = None) -> Turned:
    """A change of position, `before` the chart's line before it (None for its first)."""
    data = record.data
    at = _turned_at(record)
    seen = record if data.get("skin") else before.seen if before is not None else None
    due_before = None if before is None else before.due_at
    return Turned(record, at, due_after(data["position"], at, int(data["next_in"]), due_before), seen,
                  due_before=due_before)


def _charted(records: list[RecordVersion]) -> list[Turned]:
    """The changes in the order they happened, each read with the one before it (`turned`)."""
    made: list[Turned] = []
    for record in in_order(records, lambda one: one, _turned_at):
        made.append(turned(record, made[-1] if made else None))
    return made


# The patient's standing changes of position of their present stay, oldest first.
CHART = Chart(FORM, _charted)


def stays_ended(db: Database, patient_ids: Collection[str]) -> dict[str, datetime]:
    """When each of these patients out of hospital now left it (domain.census.departure): the end
    of their present stay, the one their charts are of (`Chart.this_stay`)."""
    return {patient_id: left.occurred_at for patient_id, events in movement_events(db, patient_ids).items()
            if (left := departure(events)) is not None}


def _ended(turns: list[Turned], ended: datetime | None) -> list[Turned]:
    return turns if ended is None else [replace(turn, stay_ended=ended) for turn in turns]


@dataclass(frozen=True)
class PressureAreas:
    """A patient's pressure areas as their charts stand: their latest risk assessed this stay
    (None: not assessed), their changes of position this stay, oldest first (the latest's next
    due no later than the risk assessed since allows: `at_risk_now`), and when this stay ended
    (None while it goes on): nothing is asked of a patient who has left."""

    assessed: Assessed | None
    turns: list[Turned]
    stay_ended: datetime | None = None

    @property
    def latest(self) -> Turned | None:
        return self.turns[-1] if self.turns else None

    @property
    def uncharted_from(self) -> datetime | None:
        """When a change of position is asked of a patient assessed at risk with none charted
        since the assessment (domain.repositioning.uncharted_from): a Braden of 9 with no turn
        asked nothing all day. None when one was charted since, or the patient is not at risk."""
        found = self.assessed
        if found is None or self.stay_ended is not None or any(
                elapsed.instant(turn.turned_at) >= elapsed.instant(found.assessed_at) for turn in self.turns):
            return None
        return uncharted_from(found.band, found.assessed_at)

    def uncharted(self, at: datetime) -> bool:
        """No change charted since the assessment within its band's hours, at `at`; not said
        while an earlier change's next is said overdue (it asks the same turn)."""
        return elapsed.reached(self.uncharted_from, at) and not (self.latest is not None and self.latest.overdue(at))

    def uncharted_said(self, at: datetime, lang: Lang) -> list[str]:
        """The change asked at `at` of a patient at risk with none charted (`uncharted`), in words."""
        found = self.assessed
        if found is None or not self.uncharted(at):
            return []
        return [SIGNS[Sign.UNCHARTED][lang].format(score=found.score, band=BANDS[found.band][lang].lower(),
                                                   every=EVERY_AT_MOST[found.band])]

    def asks(self, at: datetime, lang: Lang) -> list[str]:
        """What the charts ask at `at`, each in words: the latest change's, and a change asked of
        a patient at risk with none charted."""
        return [*(self.latest.asks(at, lang) if self.latest is not None else []), *self.uncharted_said(at, lang)]

    def coming(self, at: datetime) -> datetime | None:
        """When what the charts ask changes with time alone after `at`: the next change falling
        overdue, a patient at risk asked for a change once their band's hours have gone by."""
        asked = self.latest is not None and self.latest.stood_down is None
        later = [due for due in (self.latest.due_at if asked and self.latest is not None else None, self.uncharted_from)
                 if due is not None and not elapsed.reached(due, at)]
        return min(later, key=elapsed.instant, default=None)

    def line(self, spec: FormSpec, lang: Lang, zone: tzinfo | None = None) -> str:
        """The latest change and when, or the latest risk when no change is charted: what the
        escalation list shows beside what they ask, on the ward's clock (`zone`; as typed when
        not given)."""
        if self.latest is None:
            return self.assessed.text(lang, zone) if self.assessed is not None else ""
        turned_at = self.latest.turned_at
        return f"{self.latest.text(spec, lang)} {ward_time(turned_at, zone or turned_at.tzinfo)}"


def at_risk_now(turns: list[Turned], assessments: Sequence[Assessed]) -> list[Turned]:
    """The chart as the risks assessed between its changes have it (domain.repositioning.
    due_by_risks), read oldest first: each change's `due_before` what fell due after the line
    before it by the risks assessed between them (a Braden fallen to 9 brought it forward; one
    found not at risk left none due, one at risk again asked its own), a decline keeping that due
    (domain.repositioning.due_after: it moved nothing), and the latest's next by those assessed
    since it (`stood_down` when none is asked any more). A decline after a Braden brought the turn
    forward said the next due at the time its line first gave, not overdue."""
    if not turns or not assessments:
        return turns
    risks = [(found.band, found.assessed_at) for found in assessments]
    judged = [turns[0]]
    for turn in turns[1:]:
        before = judged[-1]
        due_before = due_by_risks(before.due_at, before.turned_at, risks, turn.turned_at)[0]
        data = turn.record.data
        judged.append(replace(turn, due_before=due_before,
                              due_at=due_after(data["position"], turn.turned_at, int(data["next_in"]), due_before)))
    latest = judged[-1]
    due, stood_down = due_by_risks(latest.due_at, latest.turned_at, risks)
    return [*judged[:-1], replace(latest, due_at=due or latest.due_at, stood_down=stood_down)]


def damage_charted(turns: list[Turned], looks: Sequence[wounds.Dressed]) -> list[Turned]:
    """The chart with each change's damage read against the wound chart's `looks`: `charted`
    the latest look at a pressure ulcer still open (`still_open`) named for the damage's place
    (`_names_place`) whose category covers what the turn found (domain.repositioning.covers),
    whenever it was charted: one found at admission or at a dressing, then seen at each turn, is
    on the wound chart, while a routine look at an ulcer elsewhere does not chart new damage, nor
    a category 1 look broken skin found since. Damage at a new place, at none given, or worse
    than the wound chart says asks again until its wound is charted so: worse than ANY ulcer
    open at the place, as broken skin beside a category 1 "Sacrum" may be that one breaking down
    (a new category 2 to report) though a category 3 "Sacrum upper" covers it."""
    ulcers = [one for one in still_open(looks) if one.record.data["kind"] == PRESSURE_ULCER]
    read: list[Turned] = []
    for turn in turns:
        seen = turn.seen
        skin = seen.data.get("skin") if seen is not None else None
        if seen is None or skin not in DAMAGE:
            read.append(turn)
            continue
        place = key(seen.data.get("skin_where") or "")
        there = [one for one in ulcers if _names_place(one.record.data["wound"], place)]
        covered = all(covers(one.record.data.get("category"), skin) for one in there)
        read.append(replace(turn, charted=max(there, key=lambda one: elapsed.instant(one.assessed_at))
                            if there and covered else None))
    return read


def _names_place(wound: str, place: str) -> bool:
    """Whether a wound's name holds the damage's place (keyed), word for word: the wound chart's
    first look starts its name from the place (wounds.first_look), and a nurse may add to it
    ("Sacrum pressure ulcer"), but "Left heel" is not the sacrum nor "Left forearm" the arm."""
    return bool(place) and f" {place} " in f" {key(wound)} "


def pressure_areas(db: Database, patient_ids: Collection[str]) -> dict[str, PressureAreas]:
    """The pressure areas of each of these patients with a risk assessed or a change charted
    this stay, their damage read against their wound chart (`damage_charted`)."""
    assessed, turns = RISKS.of_each(db, patient_ids), CHART.of_each(db, patient_ids)
    ended = stays_ended(db, assessed.keys() | turns.keys())
    looks = wounds.charts(db, list(turns))
    return {patient_id: PressureAreas(found[-1] if found else None, damage_charted(
                                          at_risk_now(_ended(turns.get(patient_id, []), left), found),
                                          looks.get(patient_id, [])), left)
            for patient_id in patient_ids if patient_id in assessed or patient_id in turns
            for found, left in ((assessed.get(patient_id, []), ended.get(patient_id)),)}


def charts(db: Database, patient_ids: Collection[str]) -> dict[str, list[Turned]]:
    """The changes of position of each of these patients with one charted this stay, oldest first,
    as their pressure areas read them (`pressure_areas`: the latest's next brought forward by a
    risk assessed since, nothing asked once the stay ended), on the tab, the paper chart and the
    letters alike."""
    return {patient_id: areas.turns for patient_id, areas in pressure_areas(db, patient_ids).items() if areas.turns}


def chart(db: Database, patient_id: str) -> list[Turned]:
    return charts(db, [patient_id]).get(patient_id, [])


def handover(db: Database, forms: Mapping[str, FormSpec], patient_ids: Collection[str], at: datetime,
             lang: Lang) -> dict[str, str]:
    """What the handover sheet says at `at` of each of these patients' pressure areas, for those
    with a risk assessed or a change of position: their latest risk, then the latest change with
    the position and skin, the next one due or overdue, and pressure damage found (its place said
    once, by the ask: "(left heel)" was said twice in a line); or, with no change charted since the
    risk was assessed, a change asked once the band's hours have gone by."""
    said: dict[str, str] = {}
    for patient_id, areas in pressure_areas(db, patient_ids).items():
        lines = [areas.assessed.text(lang, at.tzinfo)] if areas.assessed is not None else []
        if (latest := areas.latest) is not None:
            lines += [WORDS["handover"][lang].format(turn=latest.text(forms[FORM], lang, where=not latest.damaged),
                                                     time=ward_time(latest.turned_at, at.tzinfo)),
                      latest.next_change(at, lang),
                      *([latest.said(Sign.DAMAGE, at, lang)] if latest.damage_found else [])]
        said[patient_id] = semicolon(lang).join([*lines, *areas.uncharted_said(at, lang)])
    return said


def too_seldom_for(db: Database, patient_id: str, values: Mapping[str, Any], lang: Lang) -> str | None:
    """Why a change of position's next (`values`, the form's answers) is later than NICE asks at
    the patient's latest risk assessed (domain.repositioning.too_seldom), to be saved with the
    nurse's reason (a care plan may say otherwise: `seldom_reason_needed`); None when it is not."""
    found = risk(db, patient_id)
    hours = values.get("next_in")
    if found is None or not hours or not too_seldom(found.band, int(hours)):
        return None
    return WORDS["seldom"][lang].format(score=found.score, band=BANDS[found.band][lang].lower(),
                                        time=ward_time(found.assessed_at, None), every=EVERY_AT_MOST[found.band],
                                        hours=hours)


def handed_on(db: Database, forms: Mapping[str, FormSpec], patient_id: str, at: datetime, lang: Lang) -> list[str]:
    """What a letter handing the patient on (a move to another ward, a transfer to another
    hospital, a discharge) says of their pressure areas, one a line: their latest risk, how often
    they are turned (as the latest change that moved them planned: a decline moves nothing) and
    the latest change with the skin, after a decline the latest that moved them, the next due or
    since when it is overdue, and pressure damage found, which the receiving team goes on caring
    for. A letter read "last: Declined (say why in the notes)", hiding the turn overdue since."""
    assessed_risk = [found.text(lang, at.tzinfo)] if (found := risk(db, patient_id)) is not None else []
    turns = chart(db, patient_id)
    if not turns:
        return assessed_risk
    latest, spec = turns[-1], forms[FORM]
    moved = next((turn for turn in reversed(turns) if not turn.declined), None)
    planned = (moved or latest).record.data["next_in"]
    return [*assessed_risk, semicolon(lang).join([
        WORDS["every"][lang].format(every=format_value(spec.field("next_in"), planned, lang),
                                    turn=latest.text(spec, lang, whole=True),
                                    time=ward_time(latest.turned_at, at.tzinfo)),
        *([WORDS["moved"][lang].format(turn=moved.text(spec, lang), time=ward_time(moved.turned_at, at.tzinfo))]
          if moved is not None and moved is not latest else []),
        latest.next_change(at, lang)]),
            *([latest.said(Sign.DAMAGE, at, lang)] if latest.damage_found else [])]


def seldom_reason_needed(db: Database, patient_id: str, values: Mapping[str, Any], before: Mapping[str, Any] | None,
                         lang: Lang) -> str | None:
    """Why a change of position asks the nurse's reason (`too_seldom_for`), None when it does not:
    its next no later than the risk asks, the reason given in `SELDOM_REASON`, or an amendment
    leaving what is asked as it was (`before`, the answers it corrects): a record of the form's
    version 1, saved before the reason was kept, is corrected as it was."""
    said = too_seldom_for(db, patient_id, values, lang)
    if said is None or str(values.get(SELDOM_REASON) or "").strip() \
            or before is not None and too_seldom_for(db, patient_id, before, lang) == said:
        return None
    return said


def check_often_enough(db: Database, spec: FormSpec, patient_id: str, values: Mapping[str, Any],
                       before: Mapping[str, Any] | None, lang: Lang) -> None:
    """Refuse a change of position less often than the patient's latest risk asks without the
    nurse's reason, naming the field to give it in (`seldom_reason_needed`): only the form on
    screen asked, and kept nothing of the answer; any other caller saved a 6-hourly plan for a
    Braden of 9 without a word. A judgement, not an error: the reason given, it is saved, the
    reason kept in the record. First, a new change declined without why (`check_declined`), the
    records service's one check of this form."""
    check_declined(spec, values, before, lang)
    if (said := seldom_reason_needed(db, patient_id, values, before, lang)) is not None:
        raise ValidationFailed([FieldError(SELDOM_REASON, WORDS["seldom_reason"][lang].format(
            said=said, field=spec.field(SELDOM_REASON).label.get(lang)))])


def check_declined(spec: FormSpec, values: Mapping[str, Any], before: Mapping[str, Any] | None, lang: Lang) -> None:
    """Refuse a new change declined without its notes saying why (form version 3), which the
    handover and the letters quote beside "Declined". Of a new record only (`before` None), not in
    the form's YAML: a decline of an earlier version is corrected without a reason no one recorded,
    and one typed from a paper chart that gave none says so in the notes."""
    if before is None and spec.version >= DECLINED_WHY_FROM and values.get("position") == DECLINED \
            and not str(values.get("notes") or "").strip():
        raise ValidationFailed([FieldError("notes", WORDS["declined_why"][lang].format(
            field=spec.field("notes").label.get(lang)))])
