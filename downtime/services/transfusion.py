"""A patient's blood transfusions: the doctor's prescriptions, each unit started on the ward with
its end when recorded, the observation sets the guideline asks around it found on the NEWS2
chart (a child's on the PEWS chart), and what it asks of the nurse now (domain.transfusion). Never stored: worked out from the
standing records. Also the checks a prescription, a unit's start and its end are saved through:
no start without the bedside identity check, none of an ABO group the patient's cannot take,
none with the patient's group read as another than an earlier unit's, none against its
prescription (another component, a requirement not met, one unit too many), no end before its
start, one end per unit; a unit started once, but restarted once stopped (see `units_of`), none
out of the fridge 4 hours by its start, red cells with the bedside ABO card answered, the patient's
special requirements met whichever prescription of whichever stay said them, a unit named on the
standing prescription of its component written before it, its use-by date read, a second checker
other than the nurse recording it, none hung while a reaction is told to no one, none restarted
after any reaction but a mild one (see `_check_start`); no prescription nor unit
of a component the patient refuses (`refusal`); no prescription of units each given over longer
than their 4 hours out of the fridge (`_check_over`)."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, NoReturn

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.blood_groups import (NOT_KNOWN, PATIENT_REQUIREMENTS, RED_CELLS, abo, abo_incompatible,
                                         requirements_for)
from downtime.domain.census import Movement
from downtime.domain.clock import DATED, ward_day, ward_time
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.domain.duplicates import fold
from downtime.domain.news2 import Spo2Scale
from downtime.domain.pews import age_band
from downtime.domain.transfusion import (BLOOD_BANK, DOCTOR, END_SET_WITHIN, LONGEST, READINGS, RECORDED, SCALE_2,
                                         SIGNS, SPO2, UNTOLD, Changed, Readings, Sets, Sign, Unit, around, changed,
                                         complete, mild, next_due, out_too_long, prescribed_over, serious, sets_of,
                                         signs)
from downtime.formspec import FormSpec, Lang
from downtime.formspec.messages import message as form_message
from downtime.formspec.schema import Meaning, holds
from downtime.formspec.values import FieldError, format_value
from downtime.i18n import QT_TRANSLATE_NOOP, labelled, message, semicolon
from downtime.services import census, observations, pews
from downtime.services.census import ADMISSION_FORM, admissions, births
from downtime.services.bedside import in_present_stays
from downtime.services.context import Session
from downtime.services.errors import ServiceError, ValidationFailed
from downtime.storage.records import (as_version, chunks, current_by_patient, current_of, histories,
                                     list_current, marks)

FORM = "blood_transfusion"
END_FORM = "transfusion_end"
ORDER_FORM = "blood_order"
FORMS = (FORM, END_FORM, ORDER_FORM)
HANDOVER_SINCE = timedelta(hours=24)
"""The handover sheet names the units started in the last day, and any still asking something."""
WORDS = {
    "running": {"en": "running since {time}", "fr": "en cours depuis {time}"},
    "ended": {"en": "ended {time}: {outcome}", "fr": "terminé le {time} : {outcome}"},
    "handover": {"en": "TRANSFUSION: {units}", "fr": "TRANSFUSION : {units}"},
    "each_over": {"en": "each over", "fr": "chacun en"},
    "each_volume": {"en": "{volume} mL each", "fr": "{volume} mL chacun"},
    "waiting": {"en": "BLOOD PRESCRIBED, NOT ALL GIVEN: {prescription}",
                "fr": "PRODUITS SANGUINS PRESCRITS, PAS TOUS POSÉS : {prescription}"},
    "prescribed": {"en": "{what} (prescribed {time}): {started} started",
                   "fr": "{what} (prescrit le {time}) : {started} posé(s)"},
    "ran_over": {"en": "ran past 4 hours out of the fridge", "fr": "a dépassé 4 heures hors du réfrigérateur"},
    "interrupted": {"en": "interrupted {time}: {outcome}, restarted {again}",
                    "fr": "interrompu le {time} : {outcome}, repris le {again}"},
    "unstopped": {"en": "restarted {again}, its stop not recorded", "fr": "repris le {again}, son arrêt non saisi"},
    "refuses": {"en": "REFUSES BLOOD PRODUCTS: {refusal}", "fr": "REFUSE LES PRODUITS SANGUINS : {refusal}"},
    "over_too_long": {"en": "“{field}”: “{typed}” is longer than the 4 hours within which a unit is given once out of "
                            "the fridge: prescribe each over 4 hours at most, or ask the blood bank to split the unit.",
                      "fr": "« {field} » : « {typed} » dépasse les 4 heures dans lesquelles un produit est transfusé "
                            "une fois sorti du réfrigérateur : prescrire chacun en 4 heures au plus, ou demander à "
                            "l’EFS de diviser le produit."},
}
CARD_ANSWERED = ("compatible", "no_card")
"""The bedside ABO card's answers a unit of red cells may start with: done, or none at this
hospital; never "not used for this component" (French practice's contrôle ultime: every unit)."""
GIVEN_IN_FULL = "completed"
STOPPED_FOR_A_REACTION = "stopped_reaction"
RESTARTABLE_SIGNS = frozenset({"fever", "rash"})
"""The signs of a reaction after which a unit may be restarted, alone and once the doctor was told:
a temperature or a rash, the mild febrile and allergic reactions after which the BSH's guideline on
acute transfusion reactions lets the unit go on, slower and watched more closely, as the doctor who
saw the patient decides. Rigors, breathlessness, low blood pressure, pain or another sign may be
the start of a haemolytic, septic or anaphylactic reaction, or of TRALI or TACO: that unit is not
given again, it goes back to the blood bank."""
AGREED = ("group_a_agreed", "group_o_agreed")
"""The form's questions of a unit whose group suits the patient's only as the blood bank issued it
(see `_check_groups`)."""
SAME_UNIT = ("component", "unit_group", "order")
"""The answers a unit restarted gives as its first start did (see `_check_restart`)."""
TITLES = frozenset({"mme", "mlle", "mr", "mrs", "ms", "miss", "dr", "pr", "rn", "ide", "ibode", "iade", "as", "ash",
                    "hca", "sister", "nurse", "infirmiere", "infirmier", "puericultrice", "cadre"})
"""Titles and roles written after or before a second checker's name ("Hélène Lefèvre RN", "Mme
Lefèvre H."), `fold`ed: no part of who she is (see `_names_self`)."""
_BRACKETED = re.compile(r"\([^)]*\)?|\[[^\]]*\]?")
_BETWEEN_WORDS = re.compile(r"[\s,;:/.\-\u2010-\u2015]+")
AT_THE_BEDSIDE = timedelta(hours=1)
"""A unit's start typed within this of its time is typed as it is hung: the 4 hours out of the
fridge are checked before it runs (see `_check_fridge`)."""


@dataclass(frozen=True)
class Transfused:
    """A unit started (`record`), its end (`end`, None while it runs), and the patient's
    observation sets around it. A unit stopped and restarted (see `units_of`) is one: `record`
    and `end` its last part's (the one an end is recorded against), `earlier` its parts stopped
    before, each start with its end, oldest first; `unit` the whole unit (domain.transfusion:
    its sets read from its first start, its 15-minute set from its last, its 4 hours from its
    first start)."""

    record: RecordVersion
    end: RecordVersion | None
    unit: Unit
    sets: Sets
    earlier: tuple[tuple[RecordVersion, RecordVersion | None], ...] = ()

    @property
    def parts(self) -> tuple[tuple[RecordVersion, RecordVersion | None], ...]:
        """Each start of the unit with its end, oldest first: one but for a unit restarted."""
        return (*self.earlier, (self.record, self.end))

    @property
    def records(self) -> list[RecordVersion]:
        """The records it is written from, its starts and its ends (whose authors a chart names)."""
        return [record for part in self.parts for record in part if record is not None]

    @property
    def started_at(self) -> datetime:
        """When the unit was first started: a restart is not another unit."""
        return datetime.fromisoformat(self.parts[0][0].data["started_at"])

    @property
    def number(self) -> str:
        return unit_number(self.record.data)

    def what(self, spec: FormSpec, lang: Lang) -> str:
        """"Red cells G0001 26 123456 (O RhD negative)", "… (O RhD negative, Irradiated)"."""
        data = self.record.data
        about = [format_value(spec.field("unit_group"), data["unit_group"], lang)]
        if data.get("unit_requirements"):
            about.append(format_value(spec.field("unit_requirements"), data["unit_requirements"], lang))
        return f"{format_value(spec.field('component'), data['component'], lang)} {self.number} ({', '.join(about)})"

    def state(self, end_spec: FormSpec, lang: Lang) -> str:
        """"running since 28/11 10:00", "ended 28/11 12:10: Given in full, 280 mL", "ended 28/11
        12:40: Stopped: a reaction, 90 mL (Chills or rigors)"; a unit restarted, its stops before
        (`interruptions`). A unit that ran past 4 hours out of the fridge says so first, in
        capitals ("RAN PAST 4 HOURS OUT OF THE FRIDGE; ended …"): said last, the tab's cell cut it
        off and left it to the cell's dark red, which a colour-blind nurse does not see."""
        over: list[str] = []
        if self.end is None or self.unit.ended_at is None:
            now = WORDS["running"][lang].format(time=ward_time(self.unit.started_at, None))
        else:
            over = [WORDS["ran_over"][lang].upper()] if self.unit.ran_over else []
            now = WORDS["ended"][lang].format(time=ward_time(self.unit.ended_at, None),
                                              outcome=outcome_said(self.end.data, end_spec, lang))
        return semicolon(lang).join([*over, *self.interruptions(end_spec, lang), now])

    def interruptions(self, end_spec: FormSpec, lang: Lang) -> list[str]:
        """Each stop of a unit restarted, oldest first: "interrupted 28/11 10:30: Stopped: a
        reaction, 40 mL (Rash, itching or hives), restarted 28/11 11:00"."""
        said = []
        for (_, end), (restart, _) in zip(self.earlier, self.parts[1:]):
            again = ward_time(_moment(restart.data), None)
            if end is None:
                said.append(WORDS["unstopped"][lang].format(again=again))
            else:
                said.append(WORDS["interrupted"][lang].format(time=ward_time(_moment(end.data, 'ended_at'), None),
                                                              outcome=outcome_said(end.data, end_spec, lang),
                                                              again=again))
        return said

    def asks(self, at: datetime, lang: Lang) -> list[str]:
        """What the unit asks at `at`, each in words."""
        changed = self.sets.said(lang, lambda moment: ward_time(moment, at.tzinfo))
        return [self.reaction_asks(lang) if sign is Sign.REACTION else
                SIGNS[sign][lang].format(due=ward_time(due, at.tzinfo) if due else "", changed=changed)
                for sign, due in signs(self.unit, self.sets, at)]

    def reaction_asks(self, lang: Lang) -> str:
        """"REACTION: report it to the blood bank": who is still to be told of the reactions its
        ends say (domain.transfusion.UNTOLD), for the screen, the handover and the escalation list
        alike, as the paper says it."""
        reactions = [end.data for _, end in self.parts if end is not None and reacted(end.data)]
        untold = [who for who, yes in ((DOCTOR, any(not doctor_told(data) for data in reactions)),
                                       (BLOOD_BANK, any(data.get("blood_bank_told") is not True for data in reactions)))
                  if yes]
        return (UNTOLD[untold[0]] if len(untold) == 1 else SIGNS[Sign.REACTION])[lang]

    def next_due(self, at: datetime) -> datetime | None:
        return next_due(self.unit, self.sets, at)


REFUSALS = ("all", "some")
"""The admission's answers (version 4's `blood_refusal`) that refuse blood products."""


@dataclass(frozen=True)
class Refusal:
    """A refusal of blood products the patient's admission records (`refusal`): of every one
    (`accepted` empty), or of all but the components `accepted`; `details` where the advance
    decision is and what else it says."""

    accepted: tuple[str, ...]
    details: str | None

    def refuses(self, component: str) -> bool:
        return component not in self.accepted

    def text(self, spec: FormSpec, lang: Lang) -> str:
        """"Refuses all blood products (advance decision in the notes)", "Refuses blood, accepts
        some components: Platelets", in the admission's words; in capitals first on every screen
        and paper that says it (WORDS "refuses")."""
        said = format_value(spec.field("blood_refusal"), "some" if self.accepted else "all", lang)
        if self.accepted:
            said += f": {format_value(spec.field('blood_accepted'), list(self.accepted), lang)}"
        if self.details:
            said += f" ({' '.join(self.details.split())})"
        return WORDS["refuses"][lang].format(refusal=said)


def refusals(db: Database, forms: Mapping[str, FormSpec], patient_ids: Collection[str]) -> dict[str, Refusal]:
    """Each of these patients' refusal of blood products, as the latest of their admissions that
    answers it records it, for those who refuse: an advance decision outlasts the stay it was told
    at, and one readmission left blank (or of a version before 4) forgot it; only an admission
    answering "No refusal" lifts it. (`forms` is no longer read: the screens and the paper still
    pass it.)"""
    found = {}
    for patient_id, stays in admissions(db, patient_ids).items():
        data = next((one.data for one in stays if one.data.get("blood_refusal")), {})
        if data.get("blood_refusal") in REFUSALS:
            found[patient_id] = Refusal(tuple(data.get("blood_accepted") or ()) if data["blood_refusal"] == "some"
                                        else (), data.get("blood_refusal_details"))
    return found


def refusal(db: Database, forms: Mapping[str, FormSpec], patient_id: str) -> Refusal | None:
    """The patient's refusal of blood products (`refusals`), None when they refuse none."""
    return refusals(db, forms, [patient_id]).get(patient_id)


def _check_refusal(session: Session, spec: FormSpec, patient_id: str, data: Mapping[str, Any],
                   said: str) -> None:
    """A prescription or a unit of a component the patient refuses (`refusal`) is refused, `said`
    what to do instead: a unit of red cells was started for a Jehovah's Witness whose refusal
    could be written only as an allergy. A patient who now accepts it has their admission amended
    first."""
    refused = refusal(session.db, session.forms, patient_id)
    if refused is None or not refused.refuses(str(data["component"])):
        return
    lang = session.lang
    _refuse("component", message(lang, said, field=spec.field("component").label.get(lang),
                                 refusal=refused.text(session.form(ADMISSION_FORM), lang)))


def outcome_said(end: Mapping[str, Any], end_spec: FormSpec, lang: Lang) -> str:
    """"Given in full, 280 mL", "Stopped: a reaction, 90 mL (Chills or rigors)"."""
    said = format_value(end_spec.field("outcome"), end["outcome"], lang)
    if end.get("volume") is not None:
        said += f", {end['volume']} mL"
    if end.get("signs"):
        said += f" ({format_value(end_spec.field('signs'), end['signs'], lang)})"
    return said


def unit_number(start: Mapping[str, Any]) -> str:
    """A unit's donation number as its label prints it: "G0001 26 123456"."""
    return " ".join(str(start["unit_number"]).upper().split())


def reacted(end: Mapping[str, Any]) -> bool:
    """Whether the end of a unit says it caused a reaction: one stopped for a reaction did,
    without the question being asked again."""
    return end.get("outcome") == STOPPED_FOR_A_REACTION or end.get("reaction") is True


def doctor_told(end: Mapping[str, Any]) -> bool:
    """Whether an end records the doctor told of its reaction: a Yes the doctor acknowledged (the
    form's version 2 names them and when). The one test of it for every list, check and paper: a
    bare Yes, "bleeped, no answer" included, took a reaction off the lists and let its unit be
    restarted. A record of version 1, which has no acknowledgement, is told by its Yes."""
    return end.get("doctor_told") is True and end.get("doctor_acknowledged", True) is True


def told(end: Mapping[str, Any]) -> bool:
    """Whether an end records its reaction told to the doctor (`doctor_told`) and the blood bank."""
    return doctor_told(end) and end.get("blood_bank_told") is True


def restartable(end: Mapping[str, Any]) -> bool:
    """Whether a unit that ended so may be restarted: stopped, for another reason than a reaction
    (a line to replace, the patient taken to a scan), or for a reaction of `RESTARTABLE_SIGNS`
    alone the doctor was told of; never one given in full."""
    return not_restartable_for(end) is None


def not_restartable_for(end: Mapping[str, Any]) -> str | None:
    """The field of an end whose answer forbids a restart (`restartable`), for a refusal to name:
    the outcome given in full, signs that may be a serious reaction (or none said), the doctor not
    told; None when the unit may be restarted."""
    if end.get("outcome") == GIVEN_IN_FULL:
        return "outcome"
    if not reacted(end):
        return None
    signs = set(end.get("signs") or [])
    if not signs or not signs <= RESTARTABLE_SIGNS:
        return "signs"
    return None if doctor_told(end) else "doctor_told"


def _moment(start: Mapping[str, Any], key: str = "started_at") -> datetime:
    return datetime.fromisoformat(str(start[key]))


def out_of_fridge(starts: Sequence[Mapping[str, Any]]) -> datetime:
    """When a unit left the blood fridge, its starts' answers oldest first: the earliest time any
    says, at the latest its first start (it left before). A restart never counts its 4 hours
    again."""
    known = [_moment(start, "collected_at") for start in starts if start.get("collected_at")]
    return min([_moment(starts[0]), *known], key=elapsed.instant)


def _judgement(end: Mapping[str, Any]) -> tuple[bool, str]:
    """What an end judges of the unit: whether it says a reaction, and its notes as written."""
    return reacted(end), " ".join(str(end.get("notes") or "").split())


def judged_at(end: RecordVersion, versions: Sequence[RecordVersion] = ()) -> datetime:
    """When the end's present judgement (`_judgement`) was last written, from its `versions`
    oldest first (storage.records.histories; none, its own): the first of the latest versions that
    all say it. An end amended for its volume alone answered a set saved before the amendment that
    nobody had judged."""
    judgement, since = _judgement(end.data), end.recorded_at
    for version in reversed([one for one in versions if one.version < end.version]):
        if _judgement(version.data) != judgement:
            break
        since = version.recorded_at
    return since


def unit_of(start: RecordVersion, end: RecordVersion | None,
            earlier: Sequence[tuple[RecordVersion, RecordVersion | None]] = (),
            versions: Sequence[RecordVersion] = ()) -> Unit:
    """The unit its start and its end (None while it runs, `versions` its history as `judged_at`
    reads it) say; restarted, `earlier` its parts stopped before `start` (`Transfused.earlier`): a
    reaction in any part is the unit's, to be told until every one is."""
    ends = [one.data for one in (*(stop for _, stop in earlier), end) if one is not None]
    reactions = [data for data in ends if reacted(data)]
    noted = end is not None and not reacted(end.data) and bool(_judgement(end.data)[1])
    return Unit(_moment(start.data), _moment(end.data, "ended_at") if end is not None else None, bool(reactions),
                any(not told(data) for data in reactions),
                out_of_fridge([*(part.data for part, _ in earlier), start.data]),
                judged_at(end, versions) if end is not None and noted else None,
                _moment(earlier[0][0].data) if earlier else None)


def _standing(found: list[RecordVersion]) -> list[RecordVersion]:
    return [record for record in found if record.status is not RecordStatus.ENTERED_IN_ERROR]


def units_of(starts: Iterable[RecordVersion]) -> list[list[RecordVersion]]:
    """The starts as units, each its starts oldest first, the units by their first: a start
    answered `restart` is the next part of the unit its patient started before it under the same
    donation number (`_check_restart`), not another unit: counted once on its prescription, one
    line on the screens, the handover and the paper record, one Procedure in the export. A start
    withdrawn is a unit alone (the export sends it withdrawn), as a restart of none is; a restart
    withdrawn stays its unit's, for the export to send that unit again without it (the screens
    read standing starts alone)."""
    units: list[list[RecordVersion]] = []
    latest: dict[tuple[str, str], list[RecordVersion]] = {}
    for start in sorted(starts, key=lambda one: (elapsed.instant(_moment(one.data)), one.recorded_at)):
        key = (str(start.patient_id), same_unit(str(start.data["unit_number"])))
        if start.data.get("restart") is True and key in latest:
            latest[key].append(start)
            continue
        units.append([start])
        if start.status is not RecordStatus.ENTERED_IN_ERROR:
            latest[key] = units[-1]
    return units


def first_ends(ends: Iterable[RecordVersion]) -> dict[str, RecordVersion]:
    """Each unit's end among `ends`, by the unit's record, should two laptops each have recorded
    one (the screens, the checks and the export alike): the first standing one written saying a
    reaction (`reacted`), else the first written. A reaction is never hidden by another end: the
    first written won, and "given in full" took a reaction told to no one off every list and out
    of the export (services.back_entry flags the two ends for the records office)."""
    end_of: dict[str, RecordVersion] = {}
    for end in sorted(_standing(list(ends)), key=lambda one: (not reacted(one.data), one.recorded_at)):
        end_of.setdefault(str(end.data["unit"]), end)
    return end_of


def _transfused(starts: list[RecordVersion], ends: list[RecordVersion],
                taken: Mapping[datetime, Readings], born: date | None = None,
                versions: Mapping[str, list[RecordVersion]] | None = None) -> list[Transfused]:
    """Each unit of `starts` (`units_of`) with its ends among `ends` (see `first_ends`) and its
    sets among the patient's `taken` (`observed`: its full sets counted, every reading read, until
    the next unit started after its end (`_next_start`), a child's, `born` that day, against the
    values of her age band on the unit's day, as domain.transfusion.changed reads them; each end's
    `versions`, by record, when it answers them: `judged_at`), oldest first."""
    end_of, full = first_ends(ends), [at for at, readings in taken.items() if complete(readings)]
    standing = _standing(starts)
    found = []
    for parts in units_of(standing):
        ended = [(start, end_of.get(start.record_id)) for start in parts]
        start, end = ended[-1]
        unit = unit_of(start, end, ended[:-1], (versions or {}).get(end.record_id, []) if end is not None else [])
        band = age_band(born, ward_day(unit.started_at)) if born is not None else None
        found.append(Transfused(start, end, unit, sets_of(unit, full, taken, band, _next_start(
            standing, unit.started_at, unit.ended_at)), tuple(ended[:-1])))
    return found


def _next_start(starts: Iterable[RecordVersion], started_at: datetime, ended_at: datetime | None) -> datetime | None:
    """The first of the patient's standing `starts` after a unit's start (`started_at`) and at or
    after its end (`ended_at`, None while it runs): the next unit's (or the next part's of a unit
    restarted), from which the sets after the end are its own. A unit started and ended while it
    ran is none: a plasma unit given from 12:30 to 13:00 beside red cells ended at 14:00 took the
    hour after the red cells from them, and a set of 39.6 °C and a systolic of 78 at 14:20 was
    asked of neither unit, their ends saying no reaction."""
    return min((moment for start in _standing(list(starts))
                if elapsed.instant(moment := _moment(start.data)) > elapsed.instant(started_at)
                and (ended_at is None or elapsed.instant(moment) >= elapsed.instant(ended_at))),
               key=elapsed.instant, default=None)


CHARTS = {observations.FORM: {reading: reading for reading in (*READINGS, SPO2)},
          pews.FORM: {"temperature": "temperature", "heart_rate": "pulse", "systolic_bp": "systolic_bp",
                      "respiratory_rate": "respiratory_rate", SPO2: SPO2}}
"""The charts a unit's sets are read from, each field read as the reading it is: the NEWS2 chart,
and the PEWS chart a child is charted on, whose heart rate is the pulse (a child's sets were not
read: no baseline, the 15-minute set overdue for ever, and 39.5 °C not seen)."""


def observed(db: Database, patient_ids: Collection[str]) -> dict[str, dict[datetime, dict[str, float]]]:
    """Each patient's standing NEWS2 and PEWS sets (`CHARTS`) giving any reading a unit asks
    (`READINGS`) or its saturation, the readings each gives by when taken (two sets of one moment
    as one), with `SCALE_2` for a set charted on SpO2 scale 2 and `RECORDED` when it was saved (the
    latest of a moment's: an end typed late answered a set typed after it, by its taken time):
    compared with those before the unit, each as taken; only a full one
    (domain.transfusion.complete) is counted as a set."""
    found: dict[str, dict[datetime, dict[str, float]]] = {patient_id: {} for patient_id in patient_ids}
    for form_id, fields in CHARTS.items():
        for patient_id, sets in current_by_patient(db, form_id, patient_ids).items():
            for one in _standing(sets):
                if given := {reading: float(one.data[field]) for field, reading in fields.items()
                             if one.data.get(field) is not None}:
                    if one.data.get("spo2_scale") == Spo2Scale.SCALE_2:
                        given[SCALE_2] = 1.0
                    moment = found[patient_id].setdefault(datetime.fromisoformat(str(one.data["taken_at"])), {})
                    given[RECORDED] = max(one.recorded_at.timestamp(), moment.get(RECORDED, 0.0))
                    moment.update(given)
    return found


def possible_reactions(db: Database, patient_id: str, started_at: datetime, ended_at: datetime | None,
                       after: timedelta = END_SET_WITHIN,
                       first_started_at: datetime | None = None) -> list[tuple[datetime, tuple[Changed, ...]]]:
    """The patient's sets taken after a unit (or its part) started at `started_at` (a restarted
    unit's from its first start, `first_started_at`, read against the set before then, as
    domain.transfusion.sets_of reads them), until its end or `after` it (the hour after the end,
    what its end answers and the export says; none for the sets up to a restart,
    `_check_serious_sets`) until the next unit started after its end (`_next_start`), whose
    readings may be a reaction (domain.transfusion.changed), each with those readings, oldest
    first."""
    next_start = _next_start(current_by_patient(db, FORM, [patient_id]).get(patient_id, []), started_at, ended_at)
    before, during = around(first_started_at or started_at, ended_at, observed(db, [patient_id])[patient_id], after,
                            next_start)
    born = births(db, [patient_id]).get(patient_id)
    band = age_band(born, ward_day(started_at)) if born is not None else None
    return [(at, found) for at, readings in during if (found := changed(before, readings, band))]


def charts(db: Database, patient_ids: Collection[str]) -> dict[str, list[Transfused]]:
    """Each of these patients' units of their present stay (`bedside.stays_began`), oldest first,
    for those who have had one: a unit of the stay before with no end recorded was "STILL
    RUNNING" on the readmitted patient's escalation list."""
    starts = in_present_stays(db, current_by_patient(db, FORM, patient_ids))
    if not starts:
        return {}
    ends = current_by_patient(db, END_FORM, list(starts))
    taken, born = observed(db, list(starts)), births(db, list(starts))
    versions = histories(db, [end.record_id for found in ends.values() for end in found if end.version > 1])
    return {patient_id: _transfused(found, ends.get(patient_id, []), taken[patient_id], born.get(patient_id),
                                    versions)
            for patient_id, found in starts.items()}


def reactions_untold(db: Database) -> dict[str, list[Transfused]]:
    """Every patient's units, of any stay, whose reaction is not yet told to the doctor and the
    blood bank, by patient: the blood bank's report is owed whatever became of the patient, and
    a reaction told to no one left every list once they were discharged or came back. The ends
    saying a reaction are found by the database (a records office holds a hospital's); a unit
    withdrawn, or whose start is not here yet (another laptop's, to import), is none."""
    units = {str(row["unit"]) for row in db.query(
        "SELECT json_extract(data, '$.unit') AS unit FROM current_records WHERE form_id = ? AND status != ?"
        " AND (json_extract(data, '$.outcome') = ? OR json_extract(data, '$.reaction') = 1)",
        [END_FORM, RecordStatus.ENTERED_IN_ERROR.value, STOPPED_FOR_A_REACTION])}
    every_end = [as_version(row) for part in chunks(units) for row in db.query(
        f"SELECT * FROM current_records WHERE form_id = ? AND json_extract(data, '$.unit') IN ({marks(part)})",
        [END_FORM, *part])]
    ends = {unit_id: end for unit_id, end in first_ends(every_end).items()
            if reacted(end.data) and not told(end.data)}
    patients = {str(start.patient_id) for start in current_of(db, ends).values()}
    starts, all_ends = current_by_patient(db, FORM, patients), current_by_patient(db, END_FORM, patients)
    # Each unit once, as its chart says it: a unit restarted, both parts' reactions untold, was listed twice.
    return {patient_id: untold for patient_id, found in starts.items()
            if (untold := [one for one in _transfused(found, all_ends.get(patient_id, []), {})
                           if any(start.record_id in ends for start, _ in one.parts)])}


def earlier_untold(reactions: Mapping[str, list[Transfused]],
                   charted: Mapping[str, list[Transfused]]) -> dict[str, list[Transfused]]:
    """Of `reactions` (`reactions_untold`), those of an earlier stay than the one `charted`
    (`charts`, the present stay's units, which say their own): a readmitted patient's."""
    shown = {start.record_id for units in charted.values() for one in units for start, _ in one.parts}
    return {patient_id: earlier for patient_id, units in reactions.items()
            if (earlier := [one for one in units if one.record.record_id not in shown])}


def chart(db: Database, patient_id: str) -> list[Transfused]:
    """The patient's units, oldest first."""
    return charts(db, [patient_id]).get(patient_id, [])


def asking(units: list[Transfused], at: datetime, lang: Lang) -> list[str]:
    """What the patient's units ask at `at`, each after the unit's number where there is more than
    one."""
    return [labelled(unit.number, said, lang) if len(units) > 1 else said for unit in units for said in unit.asks(at, lang)]


def next_after(units: list[Transfused], at: datetime) -> datetime | None:
    """When one of the units will next ask something it does not ask at `at`."""
    return min((due for unit in units if (due := unit.next_due(at)) is not None), key=elapsed.instant, default=None)


def handover(db: Database, forms: Mapping[str, FormSpec], patient_ids: Collection[str], at: datetime,
             lang: Lang) -> dict[str, str]:
    """What the handover sheet says at `at` of each of these patients' units started in the last
    day or asking something still: each unit and where it stands, then what they ask; and each
    prescription with units not started yet, which the next shift is to give; first, a refusal of
    blood products (`refusals`), whether blood is prescribed or not."""
    said: dict[str, list[str]] = {}
    charted = charts(db, patient_ids)
    earlier = {patient_id: units for patient_id, units in earlier_untold(reactions_untold(db), charted).items()
               if patient_id in patient_ids}
    def units_said(units: list[Transfused]) -> str:
        return WORDS["handover"][lang].format(units=semicolon(lang).join(
            f"{unit.what(forms[FORM], lang)} {unit.state(forms[END_FORM], lang)}" for unit in units))

    for patient_id, units in charted.items():
        if told := recent(units, at, lang):
            said[patient_id] = [units_said(told), *asking(told, at, lang)]
    # A readmitted patient's unit of an earlier stay asks its reaction's report alone.
    for patient_id, units in earlier.items():
        said.setdefault(patient_id, []).extend([units_said(units), *(unit.reaction_asks(lang) for unit in units)])
    for patient_id, found in prescriptions_of(db, patient_ids).items():
        said.setdefault(patient_id, []).extend(WORDS["waiting"][lang].format(prescription=one.text(forms[ORDER_FORM], lang))
                                               for one in found if one.left > 0)
    for patient_id, refused in refusals(db, forms, patient_ids).items():
        said.setdefault(patient_id, []).insert(0, refused.text(forms[ADMISSION_FORM], lang))
    return {patient_id: semicolon(lang).join(lines) for patient_id, lines in said.items() if lines}


def recent(units: list[Transfused], at: datetime, lang: Lang, since: datetime | None = None) -> list[Transfused]:
    """Those of `units` started in the day before `at` (or from `since`), or asking something
    still: what a handover tells the next team (a reaction to blood shows hours after it). A letter
    leaving the hospital names every unit of the stay, from its admission (services.prefill): a
    unit of irradiated red cells left the letters a day on, and the next hospital's blood bank,
    which asks a new sample of a patient transfused lately and must meet the requirement, never
    knew of it."""
    since = elapsed.instant(at) - HANDOVER_SINCE if since is None else elapsed.instant(since)
    return [unit for unit in units if since <= elapsed.instant(unit.started_at) <= elapsed.instant(at)
            or unit.asks(at, lang)]


@dataclass(frozen=True)
class Prescribed:
    """A prescription of blood (`record`) and how many of its units are started."""

    record: RecordVersion
    started: int

    def text(self, spec: FormSpec, lang: Lang) -> str:
        """"Red cells × 2, each over 2 hours, Irradiated (prescribed 03/12 08:00): 1 started";
        "Red cells × 1, 150 mL each, each over 3 hours (…)" by volume (the form's version 2)."""
        data = self.record.data
        said = [f"{format_value(spec.field('component'), data['component'], lang)} × {data['units']}",
                *([WORDS["each_volume"][lang].format(volume=data["volume_ml"])] if data.get("volume_ml") else []),
                f"{WORDS['each_over'][lang]} {data['each_over']}"]
        if data.get("requirements"):
            said.append(format_value(spec.field("requirements"), data["requirements"], lang))
        return WORDS["prescribed"][lang].format(
            what=", ".join(said), time=ward_time(datetime.fromisoformat(data['ordered_at']), None),
            started=self.started)

    @property
    def left(self) -> int:
        return int(self.record.data["units"]) - self.started


def prescriptions_of(db: Database, patient_ids: Collection[str], *,
                     this_stay: bool = True) -> dict[str, list[Prescribed]]:
    """Each of these patients' standing prescriptions of blood of their present stay (any stay's
    when not `this_stay`), oldest first, each with its units started, for those who have one: a
    readmitted patient's new unit started from the prescription of the stay before, and was
    saved against it."""
    orders = current_by_patient(db, ORDER_FORM, patient_ids)
    orders = in_present_stays(db, orders) if this_stay else orders
    starts = current_by_patient(db, FORM, list(orders)) if orders else {}
    found = {}
    for patient_id, theirs in orders.items():
        given = [parts[0].data.get("order") for parts in units_of(_standing(starts.get(patient_id, [])))]
        if standing := _standing(theirs):
            found[patient_id] = sorted((Prescribed(order, given.count(order.record_id)) for order in standing),
                                       key=lambda one: elapsed.instant(one.record.occurred_at))
    return found


def prescriptions(db: Database, patient_id: str) -> list[Prescribed]:
    """The patient's standing prescriptions of blood, oldest first, each with its units started."""
    return prescriptions_of(db, [patient_id]).get(patient_id, [])


def next_unit(db: Database, patient_id: str) -> dict[str, Any]:
    """A new unit's first answers: the latest prescription with a unit left, and its component."""
    found = [prescribed for prescribed in prescriptions(db, patient_id) if prescribed.left > 0]
    if not found:
        return {}
    return {"order": found[-1].record.record_id, "component": found[-1].record.data["component"]}


def check(session: Session, spec: FormSpec, patient_id: str, data: Mapping[str, Any],
          record_id: str | None = None) -> None:
    """A unit's start or end, or a prescription, as written or amended (`record_id`: the record
    amended): a start as `_check_start` says (the bedside identity check is the form's); an end is
    of one of the patient's standing units, after its start, at or before its restart where it was
    restarted, and then one a unit may be restarted after (`restartable`: its restart refused
    after rigors, the stop amended to rigors once restarted was taken), and the only one of that
    unit, its doctor told from its start on (transfusion_end version 3), saying no reaction only as
    `_check_no_reaction` lets it, its volume as `_check_volume` asks; a prescription is not cut
    below the units started on it, nor of a component the patient refuses (`_check_refusal`), nor
    given over longer than 4 hours a unit (`_check_over`). Each
    refusal names its field."""
    lang = session.lang
    if spec.id == ORDER_FORM:
        before = current_of(session.db, [record_id])[record_id].data if record_id is not None else None
        if _changes(before, data, "component"):
            _check_refusal(session, spec, patient_id, data, QT_TRANSLATE_NOOP(
                "messages", "“{field}”: {refusal}. Do not prescribe it; talk it over with the patient and the "
                            "senior doctor."))
        if _changes(before, data, "each_over"):
            _check_over(spec, data, lang)
        started = next((found.started for found in prescriptions(session.db, patient_id)
                        if found.record.record_id == record_id), 0)
        if int(data["units"]) < started:
            _refuse("units", message(lang, QT_TRANSLATE_NOOP(
                "messages", "“{field}”: {started} unit(s) of this prescription are started already."),
                field=spec.field("units").label.get(lang), started=started))
        return
    if spec.id == FORM:
        _check_start(session, spec, patient_id, data, record_id)
        return
    unit_id = str(data["unit"])
    start = current_of(session.db, [unit_id]).get(unit_id)
    unit_label = spec.field("unit").label.get(lang)
    if (start is None or start.form_id != FORM or start.patient_id != patient_id
            or start.status is RecordStatus.ENTERED_IN_ERROR):
        _refuse("unit", message(lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: no unit of this patient's is recorded as started with that reference."),
            field=unit_label))
    started, ended = (datetime.fromisoformat(str(value)) for value in (start.data["started_at"], data["ended_at"]))
    if elapsed.instant(ended) < elapsed.instant(started):
        _refuse("ended_at", message(lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: the unit started at {time}, after this."),
            field=spec.field("ended_at").label.get(lang), time=ward_time(started, None, DATED)))
    restart = _restart_of(session.db, patient_id, unit_id)
    if restart is not None and elapsed.instant(ended) > elapsed.instant(_moment(restart.data)):
        _refuse("ended_at", message(lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: the unit was restarted at {time}, before this: its stop comes before its restart."),
            field=spec.field("ended_at").label.get(lang), time=_at(restart.data["started_at"])))
    # An end a restart could not follow, written before this rule, is corrected without it.
    if restart is not None and (forbids := not_restartable_for(data)) is not None and (
            record_id is None or restartable(current_of(session.db, [record_id])[record_id].data)):
        _refuse(forbids, message(lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: unit {unit} was restarted at {time}, after this stop: a unit that ended so is not "
                        "restarted. If the patient had this reaction, stop the unit now if it runs, tell the doctor "
                        "and the blood bank, and record the reaction on the end of its restart."),
            field=spec.field(forbids).label.get(lang), unit=unit_number(start.data),
            time=_at(restart.data["started_at"])))
    other = next((end for end in _standing(list_current(session.db, form_id=END_FORM, patient_id=patient_id))
                  if end.data.get("unit") == unit_id and end.record_id != record_id), None)
    if other is not None:
        _refuse("unit", message(lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: this unit's end is already recorded ({time}); amend that record instead."),
            field=unit_label, time=_at(other.data['ended_at'])))
    if data.get("doctor_told_at") and elapsed.instant(_moment(data, "doctor_told_at")) < elapsed.instant(started):
        _refuse("doctor_told_at", message(lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: the unit started at {time}, after this: the doctor is told of its reaction from "
                        "its start on, while it runs or after its end."),
            field=spec.field("doctor_told_at").label.get(lang), time=ward_time(started, None, DATED)))
    before = current_of(session.db, [record_id])[record_id].data if record_id is not None else None
    if not reacted(data) and _changes(before, data, "outcome", "reaction", "ended_at", "notes"):
        _check_no_reaction(session, spec, patient_id, start, data)
    if data.get("volume") is not None and _changes(before, data, "volume", "notes"):
        _check_volume(session, spec, patient_id, start, data)


def _check_over(spec: FormSpec, data: Mapping[str, Any], lang: Lang) -> None:
    """A prescription whose units are each given over longer than the 4 hours a unit may be out
    of the fridge (`prescribed_over`, domain.transfusion.LONGEST) is refused: "each over 6 hours"
    was saved as written, and the nurse could only run the unit past its 4 hours or stop it with
    blood left in the bag. A slower rate is given as a unit split by the blood bank."""
    typed = " ".join(str(data["each_over"]).split())
    if (over := prescribed_over(typed)) is not None and over > LONGEST:
        _refuse("each_over", WORDS["over_too_long"][lang].format(field=spec.field("each_over").label.get(lang),
                                                                 typed=typed))


def _check_volume(session: Session, spec: FormSpec, patient_id: str, start: RecordVersion,
                  data: Mapping[str, Any]) -> None:
    """An end whose volume given, with that of the unit's parts stopped before (a unit restarted),
    is above the volume its prescription gives each unit (blood_order's version 2) is asked why
    under Notes: a child prescribed 150 mL could be recorded as given 300 mL without a word, the
    over-transfusion SHOT is told of."""
    parts = _parts_of(session.db, patient_id, start)
    order_id = parts[0].data.get("order")
    order = current_of(session.db, [order_id]).get(order_id) if order_id else None
    prescribed = order.data.get("volume_ml") if order is not None else None
    if prescribed is None or str(data.get("notes") or "").strip():
        return
    earlier = [end.data.get("volume") or 0 for part in parts if part.record_id != start.record_id
               and (end := _end_of(session.db, patient_id, part.record_id)) is not None]
    given = int(data["volume"]) + sum(earlier)
    if given > int(prescribed):
        _refuse("volume", message(session.lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: {given} mL given, and {prescribed} mL prescribed for each unit: check the volume, "
                        "or say under Notes why more was given."),
            field=spec.field("volume").label.get(session.lang), given=given, prescribed=prescribed))


def _parts_of(db: Database, patient_id: str, start: RecordVersion) -> list[RecordVersion]:
    """The starts of the unit whose part `start` began (`units_of`), oldest first."""
    return next((parts for parts in units_of(_standing(list_current(db, form_id=FORM, patient_id=patient_id)))
                 if start.record_id in (part.record_id for part in parts)), [start])


def _check_no_reaction(session: Session, spec: FormSpec, patient_id: str, start: RecordVersion,
                       data: Mapping[str, Any]) -> None:
    """An end saying no reaction while a set taken during its part of the unit, or after it, may
    be one (`possible_reactions`, read against the set before the unit's first start, as the
    screen reads it): refused when its readings are those of a moderate or severe reaction
    (domain.transfusion.serious), asked why under Notes otherwise. "Given in full, no reaction"
    after a set of 39.4 °C and a systolic of 82 took the alarm off every list, and nothing reached
    the doctor or the blood bank; a restart's, read against the set that had stopped it, closed a
    systolic of 92 from 125 the screen asked of. The sets before the part's start were answered by
    the stop before it and its restart."""
    started = _moment(start.data)
    flagged = [(at, found) for at, found in possible_reactions(
        session.db, patient_id, started, _moment(data, "ended_at"),
        first_started_at=_moment(_parts_of(session.db, patient_id, start)[0].data))
        if elapsed.instant(at) > elapsed.instant(started)]
    if not flagged:
        return
    at, found = next(((at, found) for at, found in flagged if serious(found)), flagged[-1])
    lang = session.lang
    said = {"field": spec.field("reaction").label.get(lang), "time": ward_time(at, None, DATED),
            "changed": ", ".join(one.said(lang) for one in found)}
    if serious(found):
        _refuse("reaction", message(lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: the set at {time} read {changed}, the signs of a moderate or severe reaction: "
                        "answer Yes, tell the doctor and the blood bank, and record who was told."), **said))
    if not str(data.get("notes") or "").strip():
        _refuse("reaction", message(lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: the set at {time} read {changed}, a possible reaction: answer Yes and record who "
                        "was told, or say under Notes why it was none."), **said))


def _restart_of(db: Database, patient_id: str, start_id: str) -> RecordVersion | None:
    """The start that restarted the part of a unit `start_id` began, if one did."""
    for parts in units_of(_standing(list_current(db, form_id=FORM, patient_id=patient_id))):
        ids = [start.record_id for start in parts]
        if start_id in ids[:-1]:
            return parts[ids.index(start_id) + 1]
    return None


def check_order_withdrawn(session: Session, order: RecordVersion) -> None:
    """Called by the records service before a prescription of blood is withdrawn: not while units
    started on it stand, named. Withdrawn, its units could no longer be corrected (their
    prescription no standing record) and the export based them on a prescription entered in error."""
    units = [unit_number(parts[0].data) for parts in units_of(_standing(list_current(
        session.db, form_id=FORM, patient_id=order.patient_id))) if parts[0].data.get("order") == order.record_id]
    if units:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Unit(s) {units} were started on this prescription: it stays "
                                             "on their record. Correct it by amending it; a unit recorded by mistake "
                                             "is withdrawn first, from the Transfusion tab."), units=", ".join(units))


def check_leaving(session: Session, spec: FormSpec, patient_id: str, data: Mapping[str, Any]) -> None:
    """A discharge, death or transfer to another hospital typed while a unit of the patient's
    runs is refused at its time, naming the unit: its end is recorded first, at or before the
    patient left. Saved, the unit left the escalation list, its end was refused as after the
    patient left, and it went to the EHR in progress for ever. Of a death, at the time the unit
    was taken down, after the death if so (census.LAST_OFFICES): told "at or before the time the
    patient leaves", the nurse backdated a unit taken down at 13:20 to a death at 13:10, a false
    time on a death during a transfusion that haemovigilance (SHOT) is told of."""
    left = spec.by_meaning(Meaning.OCCURRED_AT)
    running = [one for one in chart(session.db, patient_id) if one.end is None]
    if left is None or not running:
        return
    lang = session.lang
    _refuse(left.id, message(lang, QT_TRANSLATE_NOOP(
        "messages", "“{field}”: unit {unit} is recorded as running since {time}: record its end first (given in "
                    "full or stopped), at the time it was taken down, after the death if so.")
        if spec.movement is Movement.DEATH else QT_TRANSLATE_NOOP(
        "messages", "“{field}”: unit {unit} is recorded as running since {time}: record its end first (given in "
                    "full or stopped), at or before the time the patient leaves."),
        field=left.label.get(lang), unit=running[0].what(session.form(FORM), lang),
        time=ward_time(running[0].started_at, None, DATED)))


def _check_start(session: Session, spec: FormSpec, patient_id: str, data: Mapping[str, Any],
                 record_id: str | None) -> None:
    """A unit's start, typed or amended: of a group the patient can take, as an earlier unit
    recorded it; against its prescription, or named on the one standing; meeting the patient's
    special requirements; not of a component the patient refuses (`_check_refusal`); started once,
    or restarted as `_check_restart` says; not out of the
    fridge 4 hours, nor while a reaction is told to no one, as it is hung; red cells with the
    bedside ABO card answered; its use-by date given; its second checker not the nurse recording
    it; before its end. A rule is asked
    of an amendment only when it changes the answers the rule judges: a unit recorded before the
    rule, or on the form's version 1 or 2, is corrected (a second checker's name) without what no
    one asked then."""
    lang = session.lang
    before = current_of(session.db, [record_id])[record_id].data if record_id is not None else None
    restart = data.get("restart") is True
    hung_now = before is None and elapsed.between(_moment(data), session.clock()) < AT_THE_BEDSIDE
    if _changes(before, data, "component"):
        _check_refusal(session, spec, patient_id, data, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: {refusal}. Do not start it; ask the doctor."))
    if _changes(before, data, "component", "patient_group", "unit_group", *AGREED):
        _check_same_patient_group(session, spec, patient_id, data, record_id)
        _check_groups(spec, data, lang)
    _check_prescribed(session, spec, patient_id, data, before)
    if not data.get("order") and not restart and _changes(before, data, "order", "component", "restart"):
        _check_unnamed(session, spec, patient_id, data)
    if _changes(before, data, "component", "unit_requirements"):
        _check_patient_requirements(session, spec, patient_id, data)
    if restart and _changes(before, data, "unit_number", "restart", "started_at", *SAME_UNIT, "collected_at"):
        _check_restart(session, spec, patient_id, data, record_id, hung_now)
    elif _changes(before, data, "unit_number", "restart"):
        _check_once(session, spec, patient_id, data, record_id)
    if data.get("collected_at") and hung_now:
        _check_fridge(spec, data, lang)
    if hung_now:
        _check_reactions_told(session, spec, patient_id, data)
    if data["component"] == RED_CELLS and _changes(before, data, "component", "abo_card"):
        _check_card(spec, data, lang)
    if not data.get("use_by") and _changes(before, data, "use_by"):
        _refuse("use_by", message(lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: read off the unit's label at every bedside check: a unit past it is not "
                        "started."), field=spec.field("use_by").label.get(lang)))
    if data.get("second_checker") and _changes(before, data, "second_checker") \
            and _names_self(str(data["second_checker"]), session.user.name):
        _refuse("second_checker", message(lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: “{typed}” reads as {name}, who records this start: the second checker is another "
                        "member of staff, who checks the unit and the patient too; name them in full."),
            field=spec.field("second_checker").label.get(lang), typed=" ".join(str(data["second_checker"]).split()),
            name=session.user.name))
    ended = [end for end in _standing(list_current(session.db, form_id=END_FORM, patient_id=patient_id))
             if record_id is not None and end.data.get("unit") == record_id]
    started = datetime.fromisoformat(str(data["started_at"]))
    for end in ended:
        if elapsed.instant(datetime.fromisoformat(end.data["ended_at"])) < elapsed.instant(started):
            _refuse("started_at", message(lang, QT_TRANSLATE_NOOP(
                "messages", "“{field}”: the unit's end is recorded at {time}, before this."),
                field=spec.field("started_at").label.get(lang), time=_at(end.data["ended_at"])))


def _changes(before: Mapping[str, Any] | None, data: Mapping[str, Any], *fields: str) -> bool:
    """Whether a start typed (`before` None) or amended answers any of these otherwise."""
    return before is None or any(before.get(field) != data.get(field) for field in fields)


def _at(moment: str) -> str:
    """A stored time as a refusal says it, on the ward's clock (`ward_time`): a unit started at 10:00
    on a laptop set to UTC read "started at 09:00"."""
    return ward_time(datetime.fromisoformat(moment), None, DATED)


def _check_same_patient_group(session: Session, spec: FormSpec, patient_id: str, data: Mapping[str, Any],
                              record_id: str | None) -> None:
    """A patient's group read as another than an earlier unit's is refused: two groups for one
    patient mean a sample taken from the wrong patient or a unit at the wrong bedside, the
    error the blood bank's two-sample rule is there to catch. A group not known yet is no group:
    the unit is then to suit the group recorded too (group O plasma for a patient recorded as
    group A, answered "Not known yet" in the rush of an emergency, was started), as the blood bank
    issued it (group A plasma high-titre negative suits a patient recorded as group B)."""
    group = str(data["patient_group"])
    starts = sorted(_standing(list_current(session.db, form_id=FORM, patient_id=patient_id)),
                    key=lambda start: elapsed.instant(datetime.fromisoformat(start.data["started_at"])))
    other = next((start.data for start in reversed(starts) if start.record_id != record_id
                  and start.data.get("patient_group") not in (None, NOT_KNOWN, group)), None)
    if other is None:
        return
    field, lang = spec.field("patient_group"), session.lang
    recorded = {"unit": unit_number(other), "time": _at(other["started_at"]),
                "group": format_value(field, other["patient_group"], lang)}
    if group != NOT_KNOWN:
        _refuse("patient_group", message(lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: this patient's group was recorded as {group} with unit {unit} on {time}: two groups "
                        "for one patient mean a sample or a patient mistaken; do not start it; ask the blood bank."),
            field=field.label.get(lang), **recorded))
    component, unit_group = str(data["component"]), str(data["unit_group"])
    if abo_incompatible(component, str(other["patient_group"]), unit_group,
                        high_titre_negative=data.get("group_a_agreed") is True):
        _refuse("unit_group", message(lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: this patient's group was recorded as {group} with unit {unit} on {time}: group "
                        "{unit_group} is not compatible with it for {component}; do not start it; ask the blood bank."),
            field=spec.field("unit_group").label.get(lang), unit_group=abo(unit_group),
            component=format_value(spec.field("component"), component, lang), **recorded))


def _check_groups(spec: FormSpec, data: Mapping[str, Any], lang: Lang) -> None:
    """A unit of an ABO group the patient's cannot take is refused (domain.blood_groups): the
    bedside check's last line, the one the ABO card makes where a hospital uses one. Plasma of
    group A or B for a patient of another group, or group A for one not grouped yet, asks first
    whether the blood bank issued it high-titre negative, group O platelets for a patient not
    group O whether they are labelled so (`AGREED`: the form says when, and refuses No).
    Platelets are otherwise given whatever their group, and a component "other" has no ABO rule
    here (the form's help sends the nurse to the blood bank's compatibility label): which one it
    is (granulocytes, whole blood) is not recorded."""
    for asked in map(spec.field, AGREED):
        if asked.relevant is not None and holds(asked.relevant, dict(data)) and not isinstance(data.get(asked.id), bool):
            _refuse(asked.id, form_message("required", lang, asked.label.get(lang)))
    component, patient_group, unit_group = (str(data[key]) for key in ("component", "patient_group", "unit_group"))
    if not abo_incompatible(component, patient_group, unit_group,
                            high_titre_negative=data.get("group_a_agreed") is True):
        return
    field, what = spec.field("unit_group").label.get(lang), format_value(spec.field("component"), component, lang)
    if patient_group == NOT_KNOWN and component == RED_CELLS:
        _refuse("unit_group", message(lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: the patient's group is not known yet: only group O red cells are given; do not "
                        "start this unit; ask the blood bank."), field=field))
    if patient_group == NOT_KNOWN:
        _refuse("unit_group", message(lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: the patient's group is not known yet: only group AB {component} is given (group A "
                        "only as the blood bank issued it, high-titre negative); do not start this unit; ask the blood "
                        "bank."), field=field, component=what))
    _refuse("unit_group", message(lang, QT_TRANSLATE_NOOP(
        "messages", "“{field}”: group {unit} is not compatible with the patient's group {patient} for {component}: do "
                    "not start it; ask the blood bank."),
        field=field, component=what, unit=abo(unit_group), patient=abo(patient_group)))


def _check_prescribed(session: Session, spec: FormSpec, patient_id: str, data: Mapping[str, Any],
                      before: Mapping[str, Any] | None) -> None:
    """A unit naming its prescription (one of the patient's standing ones, as records checks
    first): of the unit's component, meeting its special requirements (irradiated and CMV negative
    for a component that carries them, `requirements_for`: plasma and cryoprecipitate carry
    neither; washed), with a unit left for it (a unit amended, `before` its answers, that named it
    already takes none more): a plasma unit on a prescription listing the patient's Irradiated was
    refused, which no plasma ever shows."""
    order_id = data.get("order")
    if not order_id:
        return
    lang = session.lang
    # The patient's standing one (records._check_picked); a new unit's, of this stay.
    found = next((prescribed for prescribed in prescriptions_of(session.db, [patient_id], this_stay=before is None)
                  .get(patient_id, []) if prescribed.record.record_id == order_id), None)
    if found is None:
        _refuse("order", message(lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: that prescription is of the patient's stay before: blood is prescribed again for "
                        "this one."), field=spec.field("order").label.get(lang)))
    if elapsed.instant(found.record.occurred_at) > elapsed.instant(_moment(data)):
        _refuse("started_at", message(lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: the prescription was written at {time}, after this start: check the time, or name "
                        "none (given on a paper prescription)."),
            field=spec.field("started_at").label.get(lang), time=_at(found.record.data["ordered_at"])))
    ordered = found.record.data["component"]
    if data.get("component") != ordered:
        _refuse("component", message(lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: the prescription is for {component}: check the unit against it."),
            field=spec.field("component").label.get(lang),
            component=format_value(spec.field("component"), ordered, lang)))
    asked = found.record.data.get("requirements") or []
    needed = requirements_for(str(data["component"]), [asked])
    missing = [code for code in asked if (code in needed or code not in PATIENT_REQUIREMENTS)
               and code not in (data.get("unit_requirements") or [])]
    if missing:
        _refuse("unit_requirements", message(lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: the prescription asks for {missing}, which the unit's label does not show: do "
                        "not start it; ask the blood bank."), field=spec.field("unit_requirements").label.get(lang),
            missing=format_value(spec.field("unit_requirements"), missing, lang)))
    # A restart's unit is counted on its first start (`_check_restart`: the same prescription).
    if not (before is not None and before.get("order") == order_id) and data.get("restart") is not True \
            and found.left <= 0:
        _refuse("order", message(lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: its {units} unit(s) are all started already; a further unit needs a new "
                        "prescription."), field=spec.field("order").label.get(lang), units=found.record.data["units"]))


def _check_patient_requirements(session: Session, spec: FormSpec, patient_id: str, data: Mapping[str, Any]) -> None:
    """The special requirements that are the patient's (domain.blood_groups.requirements_for),
    said by any of their prescriptions of any stay written by the unit's start, met by the unit
    whichever prescription it names, or none: three units given on no prescription in the app
    were checked against nothing, and an irradiated patient was given none irradiated; irradiated
    blood is mostly a need for life, and a patient readmitted two hours later was given a unit
    not irradiated on a paper prescription."""
    started = elapsed.instant(datetime.fromisoformat(str(data["started_at"])))
    component, shown = str(data["component"]), data.get("unit_requirements") or []
    for found in prescriptions_of(session.db, [patient_id], this_stay=False).get(patient_id, []):
        if elapsed.instant(found.record.occurred_at) > started:
            continue
        missing = [code for code in requirements_for(component, [found.record.data.get("requirements") or []])
                   if code not in shown]
        if missing:
            field = spec.field("unit_requirements")
            _refuse("unit_requirements", message(session.lang, QT_TRANSLATE_NOOP(
                "messages", "“{field}”: the prescription of {time} ({component}) asks for {missing} for this patient, "
                            "which the unit's label does not show: a need of the patient's, for every unit but plasma "
                            "and cryoprecipitate; do not start it; ask the blood bank."),
                field=field.label.get(session.lang), time=_at(found.record.data["ordered_at"]),
                component=format_value(spec.field("component"), found.record.data["component"], session.lang),
                missing=format_value(field, missing, session.lang)))


def _check_unnamed(session: Session, spec: FormSpec, patient_id: str, data: Mapping[str, Any]) -> None:
    """A unit naming no prescription while one of its component with a unit left stands in the
    app: it is given on that one, and counted on it (a prescription of two read "0 started" under
    three units). A paper prescription no one typed stays possible when none stands."""
    standing = next((found for found in prescriptions(session.db, patient_id)
                     if found.left > 0 and found.record.data["component"] == data["component"]), None)
    if standing is not None:
        _refuse("order", message(session.lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: blood is prescribed for this patient in the app ({prescription}): name the "
                        "prescription it is given on."),
            field=spec.field("order").label.get(session.lang),
            prescription=standing.text(session.form(ORDER_FORM), session.lang)))


def _words(name: str) -> list[str]:
    """A name's words, each `fold`ed (capitals, accents and letters such as œ aside), what is in
    brackets and its titles and roles (`TITLES`) left out: "Mme Lefèvre, H. (RN)" is ["lefevre", "h"]."""
    return [word for part in _BETWEEN_WORDS.split(_BRACKETED.sub(" ", name))
            if (word := fold(part)) and word not in TITLES]


def _names_self(typed: str, name: str) -> bool:
    """Whether a second checker `typed` names the nurse `name` recording the start: every word of
    it one of her name's, in full or as its initial, or a title or role (`TITLES`), in any order;
    at least two of her name's (all of a name of one word), one in full. "Helene Lefevre" typed on
    an English keyboard, "Lefèvre Hélène" as a French ward writes it, "H. Lefèvre" and "Hélène
    Lefèvre (RN)" were all saved as the check of another. Another Lefèvre, or a Marie-Hélène
    Lefèvre, is written with a word of her own."""
    own, said = _words(name), _words(typed)
    left, in_full = list(own), 0
    initials: list[str] = []
    for word in said:
        if word in left:
            left.remove(word)
            in_full += 1
        else:
            initials.append(word)
    for word in initials:
        initial = next((other for other in left if len(word) == 1 and other.startswith(word)), None)
        if initial is None:
            return False
        left.remove(initial)
    return in_full > 0 and len(own) - len(left) >= min(2, len(own))


def same_unit(number: str) -> str:
    """A donation number as compared: "g000126123456" and "G0001 26 123456" are one unit (here and
    in services.back_entry's conflicts between laptops)."""
    return "".join(number.split()).upper()


def _started(session: Session, data: Mapping[str, Any], record_id: str | None) -> list[RecordVersion]:
    """The standing starts, but `record_id`, of the unit `data` numbers, oldest first."""
    number = same_unit(str(data["unit_number"]))
    return sorted((start for start in _standing(list_current(session.db, form_id=FORM))
                   if start.record_id != record_id and same_unit(str(start.data["unit_number"])) == number),
                  key=lambda start: elapsed.instant(_moment(start.data)))


def _end_of(db: Database, patient_id: str, start_id: str) -> RecordVersion | None:
    return first_ends(list_current(db, form_id=END_FORM, patient_id=patient_id)).get(start_id)


def _check_once(session: Session, spec: FormSpec, patient_id: str, data: Mapping[str, Any],
                record_id: str | None) -> None:
    """A unit started once, for anyone: the same donation number again is a unit at the wrong
    bedside, or a record typed twice (the first is amended, not written again); the same patient's
    unit stopped so that it may be restarted is told how (`restart`)."""
    given = _started(session, data, record_id)
    if not given:
        return
    last = given[-1]
    if last.patient_id == patient_id and (end := _end_of(session.db, patient_id, last.record_id)) is not None \
            and restartable(end.data):
        _refuse("unit_number", message(session.lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: unit {unit} was started for this patient on {time} and stopped on {stopped}: "
                        "to restart it, answer “{restart}” Yes."),
            field=spec.field("unit_number").label.get(session.lang), unit=unit_number(last.data),
            time=_at(given[0].data["started_at"]), stopped=_at(end.data["ended_at"]),
            restart=spec.field("restart").label.get(session.lang)))
    _refuse_given(session, spec, given[0])


def _refuse_given(session: Session, spec: FormSpec, first: RecordVersion) -> NoReturn:
    """The unit `first` started already, for whom and when."""
    patient = census.all_patients(session.db, session.forms, [str(first.patient_id)]).get(str(first.patient_id))
    _refuse("unit_number", message(session.lang, QT_TRANSLATE_NOOP(
        "messages", "“{field}”: unit {unit} was started already, for {name}, {number}, on {time}: a unit is given "
                    "once. Check the unit's label; a mistake in that record is corrected by amending it."),
        field=spec.field("unit_number").label.get(session.lang), unit=unit_number(first.data),
        name=patient.display_name if patient else "—", number=patient.downtime_number if patient else "—",
        time=_at(first.data["started_at"])))


def _check_restart(session: Session, spec: FormSpec, patient_id: str, data: Mapping[str, Any],
                   record_id: str | None, hung_now: bool) -> None:
    """A unit restarted (`restart`) is the same unit, the same patient's, stopped before as a unit
    may be restarted after (`restartable`), and restarted after that stop: its component, group
    and prescription those of its first start (it is counted on that prescription once); restarted
    as it is hung (`hung_now`, as `_check_fridge`), within its 4 hours out of the fridge counted
    from its first start (`out_of_fridge`). A unit given in full, or stopped for a reaction that
    may be a serious one, is not given again; another patient's unit is at the wrong bedside."""
    lang, field = session.lang, spec.field("restart").label.get(session.lang)
    given = _started(session, data, record_id)
    if (other := next((start for start in given if start.patient_id != patient_id), None)) is not None:
        _refuse_given(session, spec, other)
    started = elapsed.instant(_moment(data))
    earlier = [start for start in given if elapsed.instant(_moment(start.data)) < started]
    if not earlier:
        _refuse("restart", message(lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: no start of unit {unit} is recorded for this patient before this one: a unit's "
                        "first start is no restart."), field=field, unit=unit_number(data)))
    first, last = earlier[0], earlier[-1]
    end = _end_of(session.db, patient_id, last.record_id)
    if end is None:
        _refuse("restart", message(lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: unit {unit} is recorded as running since {time}: record its stop first, then its "
                        "restart."), field=field, unit=unit_number(data), time=_at(last.data["started_at"])))
    if not restartable(end.data):
        _refuse("restart", message(lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: unit {unit} ended on {time}: {outcome}. A unit is restarted only once stopped for "
                        "another reason, or for a temperature or a rash alone the doctor was told of; do not restart "
                        "it: ask the doctor and the blood bank."),
            field=field, unit=unit_number(data), time=_at(end.data["ended_at"]),
            outcome=outcome_said(end.data, session.form(END_FORM), lang)))
    _check_serious_sets(session, spec, patient_id, data, first)
    if started < elapsed.instant(_moment(end.data, "ended_at")):
        _refuse("started_at", message(lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: unit {unit} was stopped at {time}, after this: a unit is restarted after its "
                        "stop."), field=spec.field("started_at").label.get(lang), unit=unit_number(data),
            time=_at(end.data["ended_at"])))
    for key in SAME_UNIT:
        if data.get(key) != first.data.get(key):
            _refuse(key, message(lang, QT_TRANSLATE_NOOP(
                "messages", "“{field}”: answered otherwise when unit {unit} was first started, on {time}: a unit "
                            "restarted is the same unit. Check its label; a mistake in that record is corrected by "
                            "amending it."), field=spec.field(key).label.get(lang), unit=unit_number(data),
                time=_at(first.data["started_at"])))
    left = out_of_fridge([*(start.data for start in earlier), data])
    if hung_now and out_too_long(left, _moment(data)):
        _refuse("started_at", message(lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: unit {unit} left the fridge, or was first started, on {time}: 4 hours or more "
                        "before this restart. A unit is finished within 4 hours of leaving the fridge, restarted or "
                        "not; do not restart it: return it to the blood bank."),
            field=spec.field("started_at").label.get(lang), unit=unit_number(data), time=ward_time(left, None, DATED)))


def _check_reactions_told(session: Session, spec: FormSpec, patient_id: str, data: Mapping[str, Any]) -> None:
    """A unit hung (`_check_start`'s `hung_now`) while a unit of this stay ended with a reaction
    not yet told to the doctor or the blood bank (`Unit.unreported`) is refused: no further unit
    is started before the doctor has seen the patient and the reaction is looked into. Unit 2 of a
    prescription was hung 25 minutes after unit 1 was stopped for rigors and a low blood pressure
    told to no one. A restart's own stop is `_check_restart`'s; one typed afterwards from paper is
    what happened, and is saved."""
    number = same_unit(str(data["unit_number"]))
    untold = next((one for one in chart(session.db, patient_id) if one.unit.reaction and one.unit.unreported
                   and not (data.get("restart") is True and same_unit(one.number) == number)), None)
    if untold is None:
        return
    stopped = [end for _, end in untold.parts if end is not None and reacted(end.data)][-1]
    _refuse("started_at", message(session.lang, QT_TRANSLATE_NOOP(
        "messages", "“{field}”: unit {unit} ended with a reaction on {time} that the doctor or the blood bank is not "
                    "yet told of: do not start another unit before the doctor has seen the patient; record on its end "
                    "who was told."), field=spec.field("started_at").label.get(session.lang), unit=untold.number,
        time=_at(stopped.data["ended_at"])))


def _check_serious_sets(session: Session, spec: FormSpec, patient_id: str, data: Mapping[str, Any],
                        first: RecordVersion) -> None:
    """A unit is restarted only after a mild reaction (domain.transfusion.mild, the BSH's grading):
    not when a NEWS2 or PEWS set taken from its first start up to this restart, while it ran or
    since its stop, reads any other sign, whatever sign its stop named, the refusal naming the set
    and its readings: a unit stopped for a "rash" after a systolic of 78 and a saturation of 89 %,
    and one stopped for "fever" followed by 39.6 °C and a systolic of 84 before its restart, were
    restarted. A sign is read as the screen that asked to stop the unit reads it (a saturation 3
    points down, as after a rash in early anaphylaxis); whether the reading was an artefact is the
    doctor's to judge with the blood bank, who may issue another unit."""
    found = next(((at, readings) for at, readings in possible_reactions(session.db, patient_id, _moment(first.data),
                                                                        _moment(data), after=timedelta(0))
                  if not mild(readings)), None)
    if found is None:
        return
    lang = session.lang
    _refuse("restart", message(lang, QT_TRANSLATE_NOOP(
        "messages", "“{field}”: the set at {time} read {changed} after unit {unit} was first started. A unit is "
                    "restarted only after a mild reaction, a fever under 39 °C and up less than 2 °C or a rash, "
                    "with no other sign: do not restart it and return it to the blood bank; the doctor decides with "
                    "the blood bank what the patient is given instead."),
        field=spec.field("restart").label.get(lang), time=ward_time(found[0], None, DATED),
        changed=", ".join(one.said(lang) for one in found[1]), unit=unit_number(data)))


def _check_fridge(spec: FormSpec, data: Mapping[str, Any], lang: Lang) -> None:
    """A unit out of the fridge 4 hours or more by its start cannot be finished within them: a
    start typed at the bedside (`AT_THE_BEDSIDE`) is refused, the unit not yet hung. One typed
    in afterwards from paper, or a start time corrected, is what happened: it is saved, and its
    state says it ran past its 4 hours (refused, the truth could only be saved with a false
    collection time)."""
    if out_too_long(datetime.fromisoformat(str(data["collected_at"])), datetime.fromisoformat(str(data["started_at"]))):
        _refuse("collected_at", message(lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: {time}, 4 hours or more before the start: a unit is finished within 4 hours of "
                        "leaving the fridge; do not start it: return it to the blood bank."),
            field=spec.field("collected_at").label.get(lang), time=_at(str(data["collected_at"]))))


def _check_card(spec: FormSpec, data: Mapping[str, Any], lang: Lang) -> None:
    """A unit of red cells with the bedside ABO card answered (CARD_ANSWERED)."""
    if data.get("abo_card") in CARD_ANSWERED:
        return
    field = spec.field("abo_card")
    _refuse("abo_card", message(lang, QT_TRANSLATE_NOOP(
        "messages", "“{field}”: answered for every unit of red cells: Compatible once the card is done at the bedside, "
                    "or “{none_here}” where the hospital has no card; do not start the unit before."),
        field=field.label.get(lang), none_here=format_value(field, "no_card", lang)))


def _refuse(field_id: str, said: str) -> NoReturn:
    raise ValidationFailed([FieldError(field_id, said)])
