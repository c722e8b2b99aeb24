"""A patient's blood transfusions: the doctor's prescriptions, each unit started on the ward with
its end when recorded, the observation sets the guideline asks around it found on the NEWS2
chart, and what it asks of the nurse now (domain.transfusion). Never stored: worked out from the
standing records. Also the checks a prescription, a unit's start and its end are saved through:
no start without the bedside identity check, none of an ABO group the patient's cannot take,
none with the patient's group read as another than an earlier unit's, none against its
prescription (another component, a requirement not met, one unit too many), no end before its
start, one end per unit."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, NoReturn

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.blood_groups import NOT_KNOWN, abo, abo_incompatible
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.domain.transfusion import SIGNS, Sets, Unit, next_due, sets_of, signs
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import FieldError, format_value
from downtime.i18n import QT_TRANSLATE_NOOP, message, semicolon
from downtime.services import observations
from downtime.services.bedside import in_present_stays
from downtime.services.context import Session
from downtime.services.errors import ValidationFailed
from downtime.storage.records import current_by_patient, current_of, list_current

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
    "waiting": {"en": "BLOOD PRESCRIBED, NOT ALL GIVEN: {prescription}",
                "fr": "PRODUITS SANGUINS PRESCRITS, PAS TOUS POSÉS : {prescription}"},
    "prescribed": {"en": "{what} (prescribed {time}): {started} started",
                   "fr": "{what} (prescrit le {time}) : {started} posé(s)"},
}


@dataclass(frozen=True)
class Transfused:
    """A unit started (`record`), its end (`end`, None while it runs), and the patient's
    observation sets around it."""

    record: RecordVersion
    end: RecordVersion | None
    unit: Unit
    sets: Sets

    @property
    def started_at(self) -> datetime:
        return self.unit.started_at

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
        12:40: Stopped: a reaction, 90 mL (Chills or rigors)"."""
        if self.end is None or self.unit.ended_at is None:
            return WORDS["running"][lang].format(time=f"{self.started_at:%d/%m %H:%M}")
        data = self.end.data
        outcome = format_value(end_spec.field("outcome"), data["outcome"], lang)
        if data.get("volume") is not None:
            outcome += f", {data['volume']} mL"
        if data.get("signs"):
            outcome += f" ({format_value(end_spec.field('signs'), data['signs'], lang)})"
        return WORDS["ended"][lang].format(time=f"{self.unit.ended_at:%d/%m %H:%M}", outcome=outcome)

    def asks(self, at: datetime, lang: Lang) -> list[str]:
        """What the unit asks at `at`, each in words."""
        return [SIGNS[sign][lang].format(due=f"{due.astimezone(at.tzinfo):%d/%m %H:%M}" if due else "")
                for sign, due in signs(self.unit, self.sets, at)]

    def next_due(self, at: datetime) -> datetime | None:
        return next_due(self.unit, self.sets, at)


def unit_number(start: Mapping[str, Any]) -> str:
    """A unit's donation number as its label prints it: "G0001 26 123456"."""
    return " ".join(str(start["unit_number"]).upper().split())


def reacted(end: Mapping[str, Any]) -> bool:
    """Whether the end of a unit says it caused a reaction: one stopped for a reaction did,
    without the question being asked again."""
    return end.get("outcome") == "stopped_reaction" or end.get("reaction") is True


def _unit(start: RecordVersion, end: RecordVersion | None) -> Unit:
    data = end.data if end is not None else {}
    reaction = reacted(data)
    collected = start.data.get("collected_at")
    return Unit(datetime.fromisoformat(start.data["started_at"]),
                datetime.fromisoformat(data["ended_at"]) if end is not None else None,
                reaction, reaction and not (data.get("doctor_told") and data.get("blood_bank_told")),
                datetime.fromisoformat(collected) if collected else None)


def _standing(found: list[RecordVersion]) -> list[RecordVersion]:
    return [record for record in found if record.status is not RecordStatus.ENTERED_IN_ERROR]


def _transfused(starts: list[RecordVersion], ends: list[RecordVersion], taken: list[datetime]) -> list[Transfused]:
    """Each unit of `starts` with its end among `ends` (the first written, should two laptops
    each have recorded one), oldest first."""
    end_of: dict[str, RecordVersion] = {}
    for end in sorted(_standing(ends), key=lambda one: one.recorded_at):
        end_of.setdefault(str(end.data["unit"]), end)
    found = []
    for start in _standing(starts):
        unit = _unit(start, end_of.get(start.record_id))
        found.append(Transfused(start, end_of.get(start.record_id), unit, sets_of(unit, taken)))
    return sorted(found, key=lambda one: (elapsed.instant(one.started_at), one.record.recorded_at))


def charts(db: Database, patient_ids: Collection[str]) -> dict[str, list[Transfused]]:
    """Each of these patients' units of their present stay (`bedside.stays_began`), oldest first,
    for those who have had one: a unit of the stay before with no end recorded was "STILL
    RUNNING" on the readmitted patient's escalation list."""
    starts = in_present_stays(db, current_by_patient(db, FORM, patient_ids))
    if not starts:
        return {}
    ends = current_by_patient(db, END_FORM, list(starts))
    taken = observations.sets_taken(db, list(starts))
    return {patient_id: _transfused(found, ends.get(patient_id, []), [at for at, _, _ in taken[patient_id]])
            for patient_id, found in starts.items()}


def chart(db: Database, patient_id: str) -> list[Transfused]:
    """The patient's units, oldest first."""
    return charts(db, [patient_id]).get(patient_id, [])


def asking(units: list[Transfused], at: datetime, lang: Lang) -> list[str]:
    """What the patient's units ask at `at`, each after the unit's number where there is more than
    one."""
    return [f"{unit.number}: {said}" if len(units) > 1 else said for unit in units for said in unit.asks(at, lang)]


def next_after(units: list[Transfused], at: datetime) -> datetime | None:
    """When one of the units will next ask something it does not ask at `at`."""
    return min((due for unit in units if (due := unit.next_due(at)) is not None), key=elapsed.instant, default=None)


def handover(db: Database, forms: Mapping[str, FormSpec], patient_ids: Collection[str], at: datetime,
             lang: Lang) -> dict[str, str]:
    """What the handover sheet says at `at` of each of these patients' units started in the last
    day or asking something still: each unit and where it stands, then what they ask; and each
    prescription with units not started yet, which the next shift is to give."""
    said: dict[str, list[str]] = {}
    for patient_id, units in charts(db, patient_ids).items():
        if told := recent(units, at, lang):
            said[patient_id] = [WORDS["handover"][lang].format(units=semicolon(lang).join(
                f"{unit.what(forms[FORM], lang)} {unit.state(forms[END_FORM], lang)}" for unit in told)),
                *asking(told, at, lang)]
    for patient_id, found in prescriptions_of(db, patient_ids).items():
        said.setdefault(patient_id, []).extend(WORDS["waiting"][lang].format(prescription=one.text(forms[ORDER_FORM], lang))
                                               for one in found if one.left > 0)
    return {patient_id: semicolon(lang).join(lines) for patient_id, lines in said.items() if lines}


def recent(units: list[Transfused], at: datetime, lang: Lang) -> list[Transfused]:
    """Those of `units` started in the day before `at`, or asking something still: what a
    handover tells the next team (a reaction to blood shows hours after it)."""
    since = elapsed.instant(at) - HANDOVER_SINCE
    return [unit for unit in units if since <= elapsed.instant(unit.started_at) <= elapsed.instant(at)
            or unit.asks(at, lang)]


@dataclass(frozen=True)
class Prescribed:
    """A prescription of blood (`record`) and how many of its units are started."""

    record: RecordVersion
    started: int

    def text(self, spec: FormSpec, lang: Lang) -> str:
        """"Red cells × 2, each over 2 hours, Irradiated (prescribed 03/12 08:00): 1 started"."""
        data = self.record.data
        said = [f"{format_value(spec.field('component'), data['component'], lang)} × {data['units']}",
                f"{WORDS['each_over'][lang]} {data['each_over']}"]
        if data.get("requirements"):
            said.append(format_value(spec.field("requirements"), data["requirements"], lang))
        return WORDS["prescribed"][lang].format(
            what=", ".join(said), time=f"{datetime.fromisoformat(data['ordered_at']):%d/%m %H:%M}",
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
        given = [start.data.get("order") for start in _standing(starts.get(patient_id, []))]
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
    amended): a start must match its prescription (see `_check_prescribed`) and come before its
    end (the bedside identity check is the form's); an end is of one of the patient's standing
    units, after its start, and the only one of that unit; a prescription is not cut below the
    units started on it. Each refusal names its field."""
    lang = session.lang
    if spec.id == ORDER_FORM:
        started = next((found.started for found in prescriptions(session.db, patient_id)
                        if found.record.record_id == record_id), 0)
        if int(data["units"]) < started:
            _refuse("units", message(lang, QT_TRANSLATE_NOOP(
                "messages", "“{field}”: {started} unit(s) of this prescription are started already."),
                field=spec.field("units").label.get(lang), started=started))
        return
    if spec.id == FORM:
        _check_same_patient_group(session, spec, patient_id, data, record_id)
        _check_groups(spec, data, lang)
        _check_prescribed(session, spec, patient_id, data, record_id)
        ended = [end for end in _standing(list_current(session.db, form_id=END_FORM, patient_id=patient_id))
                 if record_id is not None and end.data.get("unit") == record_id]
        started = datetime.fromisoformat(str(data["started_at"]))
        for end in ended:
            if elapsed.instant(datetime.fromisoformat(end.data["ended_at"])) < elapsed.instant(started):
                _refuse("started_at", message(lang, QT_TRANSLATE_NOOP(
                    "messages", "“{field}”: the unit's end is recorded at {time}, before this."),
                    field=spec.field("started_at").label.get(lang),
                    time=f"{datetime.fromisoformat(end.data['ended_at']):%d/%m/%Y %H:%M}"))
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
            field=spec.field("ended_at").label.get(lang), time=f"{started:%d/%m/%Y %H:%M}"))
    other = next((end for end in _standing(list_current(session.db, form_id=END_FORM, patient_id=patient_id))
                  if end.data.get("unit") == unit_id and end.record_id != record_id), None)
    if other is not None:
        _refuse("unit", message(lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: this unit's end is already recorded ({time}); amend that record instead."),
            field=unit_label, time=f"{datetime.fromisoformat(other.data['ended_at']):%d/%m/%Y %H:%M}"))


def _check_same_patient_group(session: Session, spec: FormSpec, patient_id: str, data: Mapping[str, Any],
                              record_id: str | None) -> None:
    """A patient's group read as another than an earlier unit's is refused: two groups for one
    patient mean a sample taken from the wrong patient or a unit at the wrong bedside, the
    error the blood bank's two-sample rule is there to catch. A group not known yet is no group."""
    group = str(data["patient_group"])
    if group == NOT_KNOWN:
        return
    starts = sorted(_standing(list_current(session.db, form_id=FORM, patient_id=patient_id)),
                    key=lambda start: elapsed.instant(datetime.fromisoformat(start.data["started_at"])))
    other = next((start.data for start in reversed(starts) if start.record_id != record_id
                  and start.data.get("patient_group") not in (None, NOT_KNOWN, group)), None)
    if other is None:
        return
    field = spec.field("patient_group")
    _refuse("patient_group", message(session.lang, QT_TRANSLATE_NOOP(
        "messages", "“{field}”: this patient's group was recorded as {group} with unit {unit} on {time}: two groups "
                    "for one patient mean a sample or a patient mistaken; do not start it; ask the blood bank."),
        field=field.label.get(session.lang), unit=unit_number(other),
        time=f"{datetime.fromisoformat(other['started_at']):%d/%m/%Y %H:%M}",
        group=format_value(field, other["patient_group"], session.lang)))


def _check_groups(spec: FormSpec, data: Mapping[str, Any], lang: Lang) -> None:
    """A unit of an ABO group the patient's cannot take is refused (domain.blood_groups): the
    bedside check's last line, the one the ABO card makes where a hospital uses one."""
    component, patient_group, unit_group = (str(data[key]) for key in ("component", "patient_group", "unit_group"))
    if not abo_incompatible(component, patient_group, unit_group):
        return
    field, what = spec.field("unit_group").label.get(lang), format_value(spec.field("component"), component, lang)
    if patient_group == NOT_KNOWN:
        _refuse("unit_group", message(lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: the patient's group is not known yet: only group O red cells are given; do not "
                        "start this unit; ask the blood bank."), field=field))
    _refuse("unit_group", message(lang, QT_TRANSLATE_NOOP(
        "messages", "“{field}”: group {unit} is not compatible with the patient's group {patient} for {component}: do "
                    "not start it; ask the blood bank."),
        field=field, component=what, unit=abo(unit_group), patient=abo(patient_group)))


def _check_prescribed(session: Session, spec: FormSpec, patient_id: str, data: Mapping[str, Any],
                      record_id: str | None) -> None:
    """A unit naming its prescription (one of the patient's standing ones, as records checks
    first): of the unit's component, meeting its special requirements (irradiated, CMV negative), with a unit left for it
    (a unit amended that named it already takes none more)."""
    order_id = data.get("order")
    if not order_id:
        return
    lang = session.lang
    # The patient's standing one (records._check_picked); a new unit's, of this stay.
    found = next((prescribed for prescribed in prescriptions_of(session.db, [patient_id], this_stay=record_id is None)
                  .get(patient_id, []) if prescribed.record.record_id == order_id), None)
    if found is None:
        _refuse("order", message(lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: that prescription is of the patient's stay before: blood is prescribed again for "
                        "this one."), field=spec.field("order").label.get(lang)))
    ordered = found.record.data["component"]
    if data.get("component") != ordered:
        _refuse("component", message(lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: the prescription is for {component}: check the unit against it."),
            field=spec.field("component").label.get(lang),
            component=format_value(spec.field("component"), ordered, lang)))
    missing = [code for code in found.record.data.get("requirements") or []
               if code not in (data.get("unit_requirements") or [])]
    if missing:
        _refuse("unit_requirements", message(lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: the prescription asks for {missing}, which the unit's label does not show: do "
                        "not start it; ask the blood bank."), field=spec.field("unit_requirements").label.get(lang),
            missing=format_value(spec.field("unit_requirements"), missing, lang)))
    amended = current_of(session.db, [record_id]).get(record_id) if record_id is not None else None
    if not (amended is not None and amended.data.get("order") == order_id) and found.left <= 0:
        _refuse("order", message(lang, QT_TRANSLATE_NOOP(
            "messages", "“{field}”: its {units} unit(s) are all started already; a further unit needs a new "
                        "prescription."), field=spec.field("order").label.get(lang), units=found.record.data["units"]))


def _refuse(field_id: str, said: str) -> NoReturn:
    raise ValidationFailed([FieldError(field_id, said)])
