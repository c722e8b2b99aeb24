"""Each set of bedside observations as FHIR vital-sign Observations (LOINC codes, UCUM units)
and one NEWS2 total-score Observation derived from them, with each parameter's points as a
component, all in the stay the set was taken in: the EHR's chart and early-warning history then
cover the outage too.

The level of consciousness (ACVPU) and whether the patient is on oxygen go as what the nurse
observed (category `exam`), in words: no LOINC code was certain enough to send for either, and
the R4 vital-signs profile, which any Observation of category `vital-signs` must meet, wants
one."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from functools import partial
from typing import Any

from sqlite_utils import Database

from downtime.domain.clock import DATED, answered_at, ward_time
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.domain.news2 import NOT_APPLICABLE, PREGNANCY
from downtime.formspec import FormSpec
from downtime.services.census import all_patients
from downtime.services.observations import FORM, pregnant_in_stay, scored
from downtime.sync.fhir_codes import DATA_ABSENT_REASON, LOINC, NEWS2_CODES, OBSERVATION_CATEGORY, SNOMED, UCUM, coding
from downtime.sync.fhir_elements import (Context, Group, Made, derived_id, label, moment, patient_key,
                                         record_identifier, reference)
from downtime.sync.fhir_stays import Stays

# Field → (LOINC codes, UCUM unit) of the vital signs the form records. Oxygen saturation is
# 2708-6, which the R4 vital-signs profile requires, and 59408-5, by pulse oximetry, as the ward
# measures it.
VITALS = {"respiratory_rate": (("9279-1",), "/min"), "spo2": (("2708-6", "59408-5"), "%"),
          "oxygen_flow": (("3151-8",), "L/min"), "pulse": (("8867-4",), "/min"), "temperature": (("8310-5",), "Cel")}
BLOOD_PRESSURE = ("85354-9", {"systolic_bp": "8480-6", "diastolic_bp": "8462-4"}, "mm[Hg]")
# The R4 blood pressure profile wants its systolic and its diastolic once each, one not taken
# absent with a reason: a systolic alone (NEWS2's, PEWS's, one palpated) went as a panel of one
# component, which a profile-checking import refuses.
NOT_RECORDED = {"dataAbsentReason": {"coding": [coding(DATA_ABSENT_REASON, "unknown")], "text": "Not recorded"}}
# NEWS2 chart rows → the score field of `ParameterScores`, in chart order.
SCORE_ROWS = ("respiratory_rate", "spo2", "air_or_oxygen", "systolic_bp", "pulse", "consciousness", "temperature")


def observation_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per set of observations; its patient's date of birth says whether NEWS2 scores
    the set (not a child's), and her stay's VTE assessment whether it is scored as a pregnant
    woman's, as the app scores it (`pregnant_in_stay`)."""
    return sets_scored_by_age(db, ctx, stays, FORM, "observations", _made, pregnancy=True)


def record_groups(db: Database, ctx: Context, stays: Stays, form_id: str,
                  made: Callable[[RecordVersion, Context, Stays], Made]) -> dict[str, Group]:
    """One group per current record of `form_id`, its resources made by `made` (a falls-risk
    assessment's panels and the assessment, a swallow screen and the SLT's assessment), standing
    or falling together; each needs its patient."""
    return {f"{form_id}:{record.record_id}": Group(
        f"{form_id}:{record.record_id}", partial(made, record, ctx, stays), frozenset({record.record_id}),
        frozenset({patient_key(str(record.patient_id))})) for record in ctx.current(db, form_id)}


def sets_scored_by_age(db: Database, ctx: Context, stays: Stays, form_id: str, prefix: str,
                       made: Callable[..., Made], pregnancy: bool = False) -> dict[str, Group]:
    """One group per record of `form_id`, made with its patient's date of birth (which decides
    its score: NEWS2 or none, a child's PEWS band) and, with `pregnancy`, the admission from
    which her stay's VTE assessment says she is pregnant (`pregnant_since`), each needing its
    patient, whose stays say which the set is of."""
    found = ctx.current(db, form_id)
    patients = all_patients(db, ctx.forms, {str(record.patient_id) for record in found})
    since = pregnant_in_stay(db, list(patients.values())) if pregnancy else {}
    return {f"{prefix}:{record.record_id}": Group(
        f"{prefix}:{record.record_id}", partial(
            made, record, ctx, patients[pid].birth_date if (pid := str(record.patient_id)) in patients else None,
            stays, **({"pregnant_since": since.get(pid)} if pregnancy else {})),
        frozenset({record.record_id}), frozenset({patient_key(str(record.patient_id))})) for record in found}


def _made(record: RecordVersion, ctx: Context, birth_date: date | None, stays: Stays,
          pregnant_since: datetime | None = None) -> Made:
    resources = _resources(record, ctx, birth_date, stays, pregnant_since)
    return Made(list(resources), {record.record_id: [resource["id"] for resource in resources]})


def quantity(value: float, unit: str) -> dict[str, Any]:
    return {"value": value, "unit": unit, "system": UCUM, "code": unit}


def observation_status(record: RecordVersion) -> str:
    if record.status is RecordStatus.ENTERED_IN_ERROR:
        return "entered-in-error"
    return "amended" if record.version > 1 else "final"


def record_observation(record: RecordVersion, ctx: Context, stays: Stays, category: str, code: dict[str, Any],
                       at: str, **found: Any) -> dict[str, Any]:
    """A bedside record (a pain, Braden, MUST or 4AT score, a survey; a fall, an exam) as one
    Observation of `category`, made at `at` (the record's own time) in the stay it falls in, by
    who first wrote it; `found` its value, interpretation, components and notes."""
    return {"resourceType": "Observation", "id": record.record_id, "identifier": record_identifier(record.record_id),
            "status": observation_status(record), "category": [{"coding": [coding(OBSERVATION_CATEGORY, category)]}],
            "code": code, "subject": reference(str(record.patient_id)), **stays.encounter_at(record.patient_id, at),
            "effectiveDateTime": moment(at), "performer": [ctx.author(ctx.original(record))], **found}


def doctor_review(data: Mapping[str, Any], said: str, who: str = "reviewed_by",
                  when: str = "reviewed_at") -> list[dict[str, Any]]:
    """The doctor's review recorded on a fall or a sepsis screening (`reviewed_by`, `reviewed_at`),
    or the doctor told of a 4AT (`who`, `when`), as two components under fixed words, `said`
    ("Examined by the doctor"): the name in the code's words made each one's code a text of its
    own."""
    if not (data.get(who) or "").strip() or not data.get(when):
        return []
    return [{"code": {"text": said}, "valueString": " ".join(data[who].split())},
            {"code": {"text": f"{said}, at"}, "valueDateTime": moment(data[when])}]


class Measured:
    """A set's readings as Observations, each its own, sharing the set's status, patient, stay,
    time and author: what `add` made, in order (a total's `derivedFrom`)."""

    def __init__(self, record: RecordVersion, ctx: Context, stays: Stays, taken_at: str) -> None:
        self.record = record
        self.common = {"status": observation_status(record), "subject": reference(str(record.patient_id)),
                       **stays.encounter_at(record.patient_id, taken_at), "effectiveDateTime": moment(taken_at),
                       "performer": [ctx.author(ctx.original(record))]}
        self.made: list[dict[str, Any]] = []

    def removed(self, ctx: Context, stays: Stays, time_field: str,
                readings: Callable[[Measured], None]) -> list[dict[str, Any]]:
        """Each reading version 1 had that this amended version has not (`readings` adds a
        version's readings, `time_field` its time), as entered in error: an earlier stick sent it
        final, and nothing took it back (a standing reading found to be another patient's stayed
        in the EHR as the drop's evidence). Not in the total's `derivedFrom`. A reading added by a
        later amendment and removed by another is not seen: the export reads version 1 alone."""
        first = ctx.original(self.record)
        if first is self.record or self.record.status is RecordStatus.ENTERED_IN_ERROR:
            return []
        before = Measured(first.model_copy(update={"status": RecordStatus.ENTERED_IN_ERROR}), ctx, stays,
                          first.data[time_field])
        readings(before)
        kept = {resource["id"] for resource in self.made}
        return [resource for resource in before.made if resource["id"] not in kept]

    def add(self, what: str, category: str = "vital-signs", **resource: Any) -> None:
        ident = derived_id(self.record.record_id, what)
        self.made.append({"resourceType": "Observation", "id": ident, "identifier": record_identifier(ident),
                          "category": [{"coding": [coding(OBSERVATION_CATEGORY, category)]}], **self.common, **resource})

    def vitals(self, fields: Mapping[str, tuple[tuple[str, ...], str]],
               components: Mapping[str, Sequence[dict[str, Any]]] | None = None) -> None:
        """The vital signs of `fields` (a field → its LOINC codes and UCUM unit) and the blood
        pressure, those taken; a reading's `components` (by field) what it was measured on."""
        data = self.record.data
        for field_id, (codes, unit) in fields.items():
            if data.get(field_id) is not None:
                parts = (components or {}).get(field_id)
                self.add(field_id, code={"coding": [coding(LOINC, code) for code in codes]},
                         valueQuantity=quantity(data[field_id], unit), **({"component": list(parts)} if parts else {}))
        panel, parts, unit = BLOOD_PRESSURE
        if any(data.get(field_id) is not None for field_id in parts):
            self.add("blood_pressure", code={"coding": [coding(LOINC, panel)]}, component=[
                {"code": {"coding": [coding(LOINC, code)]},
                 **({"valueQuantity": quantity(data[field_id], unit)} if data.get(field_id) is not None
                    else NOT_RECORDED)} for field_id, code in parts.items()])

    def said(self, spec: FormSpec, field_id: str, code: str) -> None:
        """A choice answered, as what the nurse observed, in words (`code`: what it is)."""
        if self.record.data.get(field_id):
            self.add(field_id, "exam", code={"text": code},
                     valueCodeableConcept={"text": label(spec, field_id, self.record.data[field_id])})

    def total(self, code: dict[str, Any], notes: Sequence[str] = (), **resource: Any) -> dict[str, Any]:
        """The set's score, derived from what was added, with the set's notes, then `notes`."""
        record = self.record
        said = [*([record.data["notes"]] if record.data.get("notes") else []), *notes]
        return {"resourceType": "Observation", "id": record.record_id, "identifier": record_identifier(record.record_id),
                "category": [{"coding": [coding(OBSERVATION_CATEGORY, "survey")]}], **self.common, "code": code,
                **resource, "derivedFrom": [reference(resource["id"]) for resource in self.made],
                **({"note": [{"text": text} for text in said]} if said else {})}


def _resources(record: RecordVersion, ctx: Context, birth_date: date | None, stays: Stays,
               pregnant_since: datetime | None) -> tuple[dict[str, Any], ...]:
    data = record.data
    measured = Measured(record, ctx, stays, data["taken_at"])
    readings = partial(_readings, ctx.forms[FORM])
    readings(measured)
    return (*measured.made, measured.total({"coding": [coding(SNOMED, NEWS2_CODES["total"])]}, _scale_2_said(data),
                                           **_total(record, birth_date, pregnant_since)),
            *measured.removed(ctx, stays, "taken_at", readings))


def _readings(spec: FormSpec, measured: Measured) -> None:
    """A set's readings, as taken: its vital signs, the level of consciousness, air or oxygen."""
    data = measured.record.data
    measured.vitals(VITALS, {"spo2": _measured_on(data)})
    measured.said(spec, "consciousness", "Level of consciousness (ACVPU)")
    if data.get("on_oxygen") is not None:
        measured.add("air_or_oxygen", "exam", code={"text": "Supplemental oxygen"},
                     valueCodeableConcept={"text": "On supplemental oxygen" if data["on_oxygen"] else "On air"})


def _measured_on(data: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The oxygen flow a saturation was measured on, as a component of its Observation (LOINC
    3151-8, the US Core pulse oximetry profile's): a back-entered 90 % read as one on air, the
    flow a separate Observation the total alone linked to it."""
    if data.get("on_oxygen") is not True or data.get("oxygen_flow") is None:
        return []
    code, unit = VITALS["oxygen_flow"][0][0], VITALS["oxygen_flow"][1]
    return [{"code": {"coding": [coding(LOINC, code)]}, "valueQuantity": quantity(data["oxygen_flow"], unit)}]


def _scale_2_said(data: Mapping[str, Any]) -> list[str]:
    """Who prescribed scale 2 and when, for a set scored on it: the total's SpO2 points rest on
    that decision, which the bundle carried nowhere. When on the ward's clock: prescribed at 09:30
    on a laptop set to UTC, it read 08:30."""
    if data.get("spo2_scale") != "scale_2":
        return []
    at = answered_at(data, "scale_2_prescribed_at")
    when = ward_time(at, None, DATED) if at else "time not recorded"
    return [f"SpO2 scale 2 prescribed by {' '.join(str(data.get('scale_2_prescribed_by') or '?').split())} on {when}"]


def _total(record: RecordVersion, birth_date: date | None, pregnant_since: datetime | None) -> dict[str, Any]:
    """The NEWS2 total, its risk and each row's points; for a child's set (under 16, which
    NEWS2 does not score) no value but why, so the EHR's early-warning history holds no adult's
    score for them (a newborn's normal set scored 9, HIGH). Pregnancy as the app reads it: the
    set's answer or her stay's VTE assessment (a low score the ward did not trust sent as one)."""
    news2 = scored(record, birth_date, pregnant_since).news2
    if news2 is None:
        return {"dataAbsentReason": {"coding": [coding(DATA_ABSENT_REASON, "not-applicable")],
                                     "text": NOT_APPLICABLE["en"]}}
    points = news2.parameters
    scale = "spo2_scale_2" if record.data.get("spo2_scale") == "scale_2" else "spo2_scale_1"
    return {"valueInteger": news2.total,
            "interpretation": [{"text": f"{news2.band.value.replace('_', '-')} clinical risk"
                                        + ("" if news2.complete else f"; not taken: {', '.join(points.missing)}")
                                        + (f"; {PREGNANCY['en']}" if news2.pregnant else "")}],
            "component": [{"code": {"coding": [coding(SNOMED, NEWS2_CODES[scale if row == "spo2" else row])]},
                           "valueInteger": getattr(points, row)} for row in SCORE_ROWS
                          if getattr(points, row) is not None]}
