"""A patient's falls on the ward (domain.falls): each with what it still asks, read beside their
observation, paediatric and neuro sets; shown on the escalation list and the handover sheet,
which says every fall of the last day, and there whether the family was told and the incident
reported, until the fall says so. Never stored: worked out from the standing records, the
medication chart's anticoagulants among them (those in force at the fall, or stopped shortly
before it: `domain.medication.anticoagulated_at`)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, tzinfo
from typing import Any

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.clock import ward_time
from downtime.domain.falls import (SIGNS, URGENT, Ask, Fall, anticoagulants_named, asks, deadline, fall_of, not_done,
                                   said)
from downtime.domain.census import in_hospital, left_after
from downtime.domain.medication import anticoagulated_at
from downtime.domain.pews import ITEMS as PEWS_ITEMS, OPTIONAL
from downtime.domain.records import RecordVersion
from downtime.formspec import FormSpec, Lang
from downtime.formspec.messages import message
from downtime.formspec.values import FieldError
from downtime.i18n import semicolon
from downtime.services import medication, neuro, observations, pews
from downtime.services.census import movement_events, patient_with_location
from downtime.services.errors import ValidationFailed
from downtime.services.bedside import Chart, in_order, ordered
from downtime.services.patients import PatientSummary

FORM = "inpatient_fall"
HANDED_OVER_FOR = timedelta(hours=24)
"""A fall is said at the handover for a day, whatever it still asks."""
WORDS = {
    "fell": {"en": "Fell {time}", "fr": "Chute le {time}"},
    "found": {"en": "found on the floor", "fr": "trouvé au sol"},
    "last_seen_well": {"en": "last seen well {time}", "fr": "dernier constat d’état habituel le {time}"},
    "yes": {"en": "head injury", "fr": "traumatisme crânien"},
    "not_excluded": {"en": "head injury not excluded", "fr": "traumatisme crânien non exclu"},
    "fracture": {"en": "fracture suspected", "fr": "fracture suspectée"},
    "anticoagulated": {"en": "on an anticoagulant", "fr": "sous anticoagulant"},
    "usual_gcs": {"en": "usual GCS {total}", "fr": "Glasgow habituel {total}"},
    "lost_consciousness": {"en": "loss of consciousness or amnesia", "fr": "perte de connaissance ou amnésie"},
    "weak_before": {"en": "limb weakness known before", "fr": "faiblesse d’un membre connue avant"},
    "weak_limbs": {"en": "weakness of the {limbs} known before", "fr": "faiblesse connue avant : {limbs}"},
    "charted": {"en": "on {drugs} per the medication chart", "fr": "sous {drugs} selon le plan d’administration"},
    "examined": {"en": "examined by {name} {time}", "fr": "examiné par {name} le {time}"},
    "ct_done": {"en": "CT head done {time}", "fr": "scanner cérébral fait le {time}"},
    "ct_done_before": {"en": "CT head recorded done {time}, before the fall: check its time",
                       "fr": "scanner cérébral noté fait le {time}, avant la chute : vérifier l’heure"},
    "ct_not_needed": {"en": "CT head not needed (doctor's decision)",
                      "fr": "scanner cérébral non indiqué (décision médicale)"},
    "family_told": {"en": "family not told yet", "fr": "famille pas encore prévenue"},
    "incident_reported": {"en": "incident not reported yet", "fr": "événement pas encore déclaré"},
}
NOT_YET = ("family_told", "incident_reported")
"""The fall's answers the handover says until they are Yes (`WORDS`): not on the escalation list,
nothing urgent, but a family not told of a fall at night, or a fall never reported, was noticed
by nobody."""
SAID_BY: Mapping[str, frozenset[Ask]] = {"yes": frozenset({Ask.NEURO}),
                                         "not_excluded": frozenset({Ask.NEURO, Ask.ANTICOAGULANT}),
                                         "fracture": frozenset({Ask.NOT_TO_MOVE}),
                                         "anticoagulated": frozenset({Ask.ANTICOAGULANT}),
                                         "lost_consciousness": frozenset({Ask.CT_AGED, Ask.CHILD_ONE_FACTOR}),
                                         **dict.fromkeys(SIGNS, frozenset({Ask.CT_SIGNS})),
                                         "vomited": frozenset({Ask.CT_SIGNS, Ask.CHILD_ONE_FACTOR})}
"""The asks that say what a fall's words (`WORDS`) say: said beside them, they leave it to them (a
head injury found is said still beside the anticoagulant's ask, which says only a possible one)."""


@dataclass(frozen=True)
class Recorded:
    """A fall (`record`) as domain.falls reads it."""

    record: RecordVersion
    fall: Fall

    def text(self, lang: Lang, zone: tzinfo | None = None, asked: Collection[Ask] = ()) -> str:
        """"Fell 28/11 14:20 (found on the floor, head injury not excluded, on an anticoagulant);
        examined by Dr Benali 28/11 14:50", its times on the clock of `zone` (the ward's, `at.tzinfo`;
        the laptop's when None): a fall typed on a laptop whose clock was at UTC read an hour off.
        What the fall's asks said beside it (`asked`) say too is left to them (`SAID_BY`): the
        handover said "head injury not excluded" twice in a line. A patient found on the floor says
        when last seen well, when the fall records it: the CT head's 8 hours count from it."""
        fall, data = self.fall, self.record.data
        head = fall.head_injury if fall.head_injury in WORDS else "not_excluded"
        how = [words for key, words, shown in (
            ("found", WORDS["found"][lang], data["witnessed"] == "found"),
            ("last_seen_well", WORDS["last_seen_well"][lang].format(time=ward_time(fall.injured_from, zone)),
             fall.last_seen_well_at is not None),
            (head, WORDS[head][lang], fall.head_injury_possible),
            ("fracture", WORDS["fracture"][lang], fall.fracture_suspected),
            ("anticoagulated", _anticoagulant_words(fall, lang, zone), fall.on_anticoagulant),
            ("usual_gcs", WORDS["usual_gcs"][lang].format(total=fall.usual_gcs), fall.usual_gcs is not None),
            ("lost_consciousness", WORDS["lost_consciousness"][lang],
             fall.head_injury_possible and fall.lost_consciousness == "yes"),
            *((sign, fall.sign_words(sign, lang), True) for sign in fall.noted_signs),
            ("weak_before", WORDS["weak_limbs"][lang].format(limbs=fall.weak_limbs_named(lang)) if fall.weak_limbs
             else WORDS["weak_before"][lang],
             fall.head_injury_possible and (fall.weak_before or bool(fall.weak_limbs))))
            if shown and not SAID_BY.get(key, frozenset()) & set(asked)]
        words = WORDS["fell"][lang].format(time=ward_time(fall.fell_at, zone)) + (
            f" ({', '.join(how)})" if how else "")
        examined = [] if fall.reviewed_at is None else [WORDS["examined"][lang].format(
            name=" ".join(data["reviewed_by"].split()), time=ward_time(fall.reviewed_at, zone))]
        checked = fall.ct_done_before is not None and Ask.CT in asked  # its ask says the time to check
        return semicolon(lang).join([words, *examined, *([] if checked else self.ct_words(lang, zone))])

    def ct_words(self, lang: Lang, zone: tzinfo | None) -> list[str]:
        """The CT head once the fall records it done, with its result, or not needed; done at a time
        before the fall, to be checked (the CT vanished from the fall's line)."""
        fall, result = self.fall, self.record.data.get("ct_head_result")
        if fall.ct_head == "not_needed":
            return [WORDS["ct_not_needed"][lang]]
        if (before := fall.ct_done_before) is not None:
            done = WORDS["ct_done_before"][lang].format(time=ward_time(before, zone))
        elif fall.ct_done_at is not None:
            done = WORDS["ct_done"][lang].format(time=ward_time(fall.ct_done_at, zone))
        else:
            return []
        return [f"{done} ({' '.join(result.split())})" if result else done]

    def not_yet(self, lang: Lang) -> list[str]:
        """The family not told, the incident not reported, until the fall says they are (`NOT_YET`)."""
        return [WORDS[field_id][lang] for field_id in NOT_YET if self.record.data.get(field_id) is not True]


def _anticoagulant_words(fall: Fall, lang: Lang, zone: tzinfo | None) -> str:
    """The chart's anticoagulants by name, else the fall's own answer."""
    if fall.anticoagulants:
        return WORDS["charted"][lang].format(drugs=anticoagulants_named(fall, lang, zone))
    return WORDS["anticoagulated"][lang]


def recorded(record: RecordVersion) -> Recorded:
    return Recorded(record, fall_of(record.data))


CHART = Chart(FORM, ordered(recorded, lambda one: one.fall.fell_at))


def _complete_sets(records: list[RecordVersion]) -> list[datetime]:
    """When each complete NEWS2 set was taken: a set of a reading or two (a temperature taken
    again) is no set of observations since a fall, and silenced the fall's ask."""
    sets = in_order(records, lambda record: observations.scored(record, None), lambda one: one.taken_at)
    return [one.taken_at for one in sets if one.news2 is not None and one.news2.complete]


def _scored_sets(records: list[RecordVersion]) -> list[datetime]:
    """When each neuro set taken was, not one not done (form version 3): a set refused after a head
    injury is no GCS, and silenced "start neuro obs now" and the letter's "no neurological
    observations"."""
    return [at for record, at in in_order(records, lambda record: (record, datetime.fromisoformat(
        record.data["taken_at"])), lambda one: one[1]) if not record.data.get("not_done")]


def _complete_pews_sets(records: list[RecordVersion]) -> list[datetime]:
    """When each PEWS set with every reading its score asks taken was (`OPTIONAL` apart; the same
    readings at every age, so whether the child's date of birth is known or not): a temperature
    alone, a fever's recheck, is no set of observations since a child's fall, as `_complete_sets`
    finds of an adult's, and silenced the fall's ask."""
    sets = in_order(records, pews.taken, lambda one: one.taken_at)
    return [one.taken_at for one in sets
            if all(getattr(one.readings, item) is not None for item in PEWS_ITEMS if item not in OPTIONAL)]


_observed = (Chart(observations.FORM, _complete_sets), Chart(pews.FORM, _complete_pews_sets))
_neuro = Chart(neuro.FORM, _scored_sets)


@dataclass(frozen=True)
class Falls:
    """A patient's falls, oldest first, and when their observation (NEWS2 or PEWS) and neuro sets
    were taken."""

    falls: list[Recorded]
    observed: list[datetime]
    neuro: list[datetime]

    def asks(self, one: Recorded) -> list[Ask]:
        """What the fall `one` asks now, most urgent first."""
        return asks(one.fall, self.observed, self.neuro)

    def urgent(self, one: Recorded) -> bool:
        """Whether the fall `one` asks something to act on now (`domain.falls.URGENT`)."""
        return bool(URGENT & set(self.asks(one)))

    def asking(self, one: Recorded, lang: Lang, zone: tzinfo | None = None, at: datetime | None = None) -> list[str]:
        """`asks` in words at `at` (a CT head's deadline said passed once it is), their times on the
        clock of `zone` (the laptop's when None)."""
        return [said(ask, one.fall, lang, zone, at) for ask in self.asks(one)]

    def coming(self, at: datetime) -> datetime | None:
        """The next CT head deadline after `at` its falls' asks say (`domain.falls.deadline`): the
        lists are read again then, to say it passed."""
        return min((due for one in self.falls for ask in self.asks(one) if (due := deadline(ask, one.fall)) is not None
                    and elapsed.instant(due) > elapsed.instant(at)), key=elapsed.instant, default=None)


def anticoagulants(db: Database, patient_id: str, at: datetime) -> tuple[str, ...]:
    """The patient's anticoagulant orders that still anticoagulate at `at`, by drug (see
    `anticoagulated_at`: running, or stopped shortly before)."""
    return tuple(one.drug for one in anticoagulated_at(medication.orders(db, patient_id, at), at))


def _charted(db: Database, falls: Mapping[str, list[Recorded]]) -> dict[str, list[Recorded]]:
    """Each patient's falls with the anticoagulants the medication chart had in force at each, or
    stopped shortly before it, the charts read once for all (as at the latest fall: falls are of
    this stay, the orders of a stay before ended with it)."""
    latest = max((one.fall.fell_at for each in falls.values() for one in each), key=elapsed.instant, default=None)
    if latest is None:
        return dict(falls)
    orders = medication.orders_of_each(db, list(falls), latest)
    return {patient_id: [replace(one, fall=replace(one.fall, anticoagulants=anticoagulated_at(
        orders[patient_id], one.fall.fell_at))) for one in each] for patient_id, each in falls.items()}


def charted(db: Database, record: RecordVersion) -> Fall:
    """One fall with the medication chart's anticoagulants at it (see `_charted`): what the export
    sends as "on anticoagulant treatment" (the box left No for a patient on apixaban was sent as
    not anticoagulated)."""
    patient_id = str(record.patient_id)
    return _charted(db, {patient_id: [recorded(record)]})[patient_id][0].fall


def chart_anticoagulants(db: Database, records: Sequence[RecordVersion]) -> dict[str, str]:
    """The medication chart's anticoagulants at each of these falls (see `_charted`) in English
    words, by version id, falls with none left out: what the export's CSV says beside the fall's
    own box (left No for a patient on apixaban, the EHR's fall took that answer alone)."""
    each: dict[str, list[Recorded]] = {}
    for record in records:
        each.setdefault(str(record.patient_id), []).append(recorded(record))
    return {one.record.id: anticoagulants_named(one.fall, "en", None)
            for found in _charted(db, each).values() for one in found if one.fall.anticoagulants}


def first_answers(db: Database, patient_id: str, at: datetime) -> dict[str, bool]:
    """A new fall's answers the medication chart gives at `at`: on anticoagulant treatment when an
    anticoagulant order is in force, for the nurse to check (the box was left "No" for a patient on
    apixaban)."""
    return {"anticoagulated": True} if anticoagulants(db, patient_id, at) else {}


def read(db: Database, patients: Sequence[PatientSummary]) -> dict[str, Falls]:
    """The falls of this stay of each of these patients who has one (`bedside.Chart`), each with
    the chart's anticoagulants in force at it and the patient's date of birth (`Fall.born`), with
    their sets."""
    born = {patient.patient_id: patient.birth_date for patient in patients}
    found = {patient_id: [replace(one, fall=replace(one.fall, born=born[patient_id])) for one in each]
             for patient_id, each in _charted(db, CHART.of_each(db, list(born))).items()}
    fallen = list(found)
    observed = [chart.of_each(db, fallen) for chart in _observed]
    neuro_sets = _neuro.of_each(db, fallen)
    return {patient_id: Falls(falls, sorted((at for each in observed for at in each.get(patient_id, [])),
                                             key=elapsed.instant), neuro_sets.get(patient_id, []))
            for patient_id, falls in found.items()}


def asking(known: Falls, lang: Lang, at: datetime | None = None) -> list[tuple[Recorded, list[str]]]:
    """Each of the patient's falls that asks something now (`at`), with what it asks, on the clock
    of `at` as every chart's line (the laptop's when None): the escalation list read a fall's CT
    head deadline an hour off the handover's on a laptop set to UTC."""
    zone = None if at is None else at.tzinfo
    return [(one, said) for one in known.falls if (said := known.asking(one, lang, zone, at))]


def handover(db: Database, patients: Sequence[PatientSummary], at: datetime, lang: Lang) -> dict[str, str]:
    """What the handover sheet says at `at` of each of these in-patients' falls: each fall of the
    last day, and any older one still asking, with what it asks, and the family not told and the
    incident not reported until the fall says they are."""
    lines: dict[str, str] = {}
    for patient_id, known in read(db, patients).items():
        said = []
        for one in known.falls:
            asked = known.asking(one, lang, at.tzinfo, at)
            if asked or elapsed.between(one.fall.fell_at, at) < HANDED_OVER_FOR:
                said.append(semicolon(lang).join([one.text(lang, at.tzinfo, known.asks(one)), *asked,
                                                  *one.not_yet(lang)]))
        if said:
            lines[patient_id] = semicolon(lang).join(said)
    return lines


LIMBS_ASKED_FROM = 5
"""The fall form's version that asks the limbs weak before the fall (`weak_limbs`)."""
NOT_IN_STAY = {"en": "“{label}”: the patient was not on the ward at that time in the stay of the fall (not yet "
                     "admitted, or in an earlier stay): check the date.",
               "fr": "« {label} » : le patient n’était pas hospitalisé à cette heure dans le séjour de la chute (pas "
                     "encore admis, ou lors d’un séjour précédent) : vérifier la date."}
"""A last seen well time outside the stay of the fall, its field's label said."""


def check(db: Database, spec: FormSpec, patient_id: str, data: Mapping[str, Any], lang: Lang,
          before: Mapping[str, Any] | None = None) -> None:
    """Refuse a new fall (`before` None), or an amendment changing "limb weakness known before" to
    Yes, with no limbs named: they keep the limbs' old weakness from being read as new (`head_ct`).
    Not `required_when`: a fall of version 4, whose Yes names none, is corrected as it was, by the
    nurse recording the CT at night who may not know the old stroke's limbs, and a guess silenced
    them. Refuse too a last seen well time, new or changed, outside the stay of the fall (the
    form's own check, that it is not after the time found, cannot see the stay): 19/11 typed for
    28/11 said the CT head passed 9 days before and asked a scan at every set under 15."""
    errors = []
    if (spec.version >= LIMBS_ASKED_FROM and data.get("weak_before") is True and not data.get("weak_limbs")
            and (before is None or before.get("weak_before") is not True)):
        errors.append(FieldError("weak_limbs", message("required", lang, spec.field("weak_limbs").label.get(lang))))
    seen = data.get("last_seen_well_at")
    if seen and data.get("fell_at") and (before is None or before.get("last_seen_well_at") != seen):
        seen_at, fell_at = datetime.fromisoformat(seen), datetime.fromisoformat(data["fell_at"])
        events = movement_events(db, [patient_id]).get(patient_id, [])
        left = left_after(events, seen_at)
        if not in_hospital(events, seen_at) or (left is not None and left.occurred_at <= fell_at):
            errors.append(FieldError("last_seen_well_at", NOT_IN_STAY[lang].format(
                label=spec.field("last_seen_well_at").label.get(lang))))
    if errors:
        raise ValidationFailed(errors)


def to_open(db: Database, forms: Mapping[str, FormSpec], patient_id: str) -> RecordVersion:
    """The fall of the patient's to open from the escalation list: their latest that asks
    something (to record the doctor's examination on it), else their latest."""
    known = read(db, [patient_with_location(db, dict(forms), patient_id)])[patient_id]
    return next((one for one, _ in reversed(asking(known, "en"))), known.falls[-1]).record


def handed_on(db: Database, forms: Mapping[str, FormSpec], patient_id: str, at: datetime, lang: Lang) -> list[str]:
    """What a letter handing the patient on says of their falls: each fall of this stay, what was
    found and the doctor's examination, and the care after it not done ("not examined by a doctor
    in hospital; CT head not done": `domain.falls.not_done`), one a line (a patient who fell in
    hospital is assessed for falls after it: NICE QS86); nothing when they have not fallen."""
    known = read(db, [patient_with_location(db, dict(forms), patient_id)]).get(patient_id)
    return [] if known is None else [semicolon(lang).join([one.text(lang, at.tzinfo), *not_done(known.asks(one), lang)])
                                     for one in known.falls]
