"""Each volume measured in or out as a FHIR Observation in millilitres (UCUM), in the stay it was
measured in: the EHR's intake and output chart then covers the outage, one line per volume
as the nurse measured it, and the EHR adds up its own totals.

Its code is in words ("Fluid intake: intravenous"), as the form's option says it: LOINC's
fluid codes are mostly 24-hour totals or a particular route's, and none was certain enough to
send for each kind of volume a ward measures; a wrong code files a volume as something else,
words only ask the clerk to read them. The totals are not sent: worked out from these, they are
the EHR's to add up, as the records office's worklist shows the volumes one by one. A bag given on
the medication chart (an infusion, a feed, fluids under the skin) goes as its MedicationAdministration
whether or not the fluid chart has it; the volume charted from it, or typed by hand and taken for it by the app
(services.fluid_balance.matched), names that dose as what it is `partOf`, so the EHR's intake
does not count it twice (a litre typed by hand was sent twice). A bag never charted is no volume here: the
fluid chart says it beside the day's intake, not in it.

A fluid restriction or target as a NutritionOrder ("Fluid restriction: no more than 1500 mL in
24 hours" in words, the volume as a fluid nutrient's amount): active while it is the patient's
latest, completed once another is decided or it is lifted (a lift is no order of its own: it
completes the one before it), or once the stay it was decided in has ended (an inpatient order
ends with its stay: the app no longer holds a readmitted patient to it, and it was sent to the
EHR active in a stay already closed)."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import Any

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.fluid_balance import INTAKE, IRRIGATION
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.services.fluid_balance import FORM, NOT_MEASURED, PLAN_FORM, PLAN_REASON, doses_charted
from downtime.sync.fhir_elements import (Context, Group, Made, label, moment, patient_key, record_identifier,
                                         reference)
from downtime.sync.fhir_medication import dose_key
from downtime.sync.fhir_observations import observation_status, quantity
from downtime.sync.fhir_stays import Stays

CATEGORY = {"text": "Fluid balance (intake and output)"}
IRRIGATED = "Bladder irrigation in"
PLANS = {"restriction": "Fluid restriction: no more than {volume} mL in 24 hours",
         "target": "Fluid target: at least {volume} mL in 24 hours"}


def fluid_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per volume; it needs its patient (and its dose: `_needs`), and names the stay it
    was measured in. One group per patient's restrictions and targets, each of which the next one
    changes."""
    volumes = ctx.current(db, FORM)
    charting = doses_charted(db, {str(record.patient_id) for record in volumes})
    groups = {f"fluid:{record.record_id}": Group(
        f"fluid:{record.record_id}", partial(_made, record, ctx, stays, charting.get(record.record_id)),
        frozenset({record.record_id, *filter(None, [charting.get(record.record_id)])}),
        _needs(record, charting.get(record.record_id))) for record in volumes}
    by_patient: dict[str, list[RecordVersion]] = {}
    for record in ctx.current(db, PLAN_FORM):
        by_patient.setdefault(str(record.patient_id), []).append(record)
    for patient_id, plans in by_patient.items():
        ended = _stays_ended(plans, stays)
        groups[f"fluid_plan:{patient_id}"] = Group(
            f"fluid_plan:{patient_id}", partial(_planned, plans, ctx, stays, frozenset(ended)),
            frozenset(record.record_id for record in plans) | frozenset(ended.values()),
            frozenset({patient_key(patient_id)}))
    return groups


def _needs(record: RecordVersion, dose: str | None) -> frozenset[str]:
    """A volume's patient, and the `dose` it charts, which it names (`_observation`)."""
    return frozenset({patient_key(str(record.patient_id)), *([dose_key(dose)] if dose else [])})


def _stays_ended(plans: list[RecordVersion], stays: Stays) -> dict[str, str]:
    """Each of a patient's `plans` decided in a stay that has ended, by id, with the record that
    ended it (a discharge, a death, a transfer out): that record's change (a discharge typed
    after an export) sends the patient's plans again, completed."""
    ended = {}
    for record in plans:
        when = datetime.fromisoformat(record.data["decided_at"])
        stay = next((stay for stay in reversed(stays.of(str(record.patient_id))) if stay.holds(when)), None)
        if stay is not None and stay.left is not None:
            ended[record.record_id] = stay.left[1].record_id
    return ended


def _planned(plans: list[RecordVersion], ctx: Context, stays: Stays, stay_ended: frozenset[str]) -> Made:
    """Each restriction or target of a patient's, its status by what was decided after it and
    whether its stay has ended (`stay_ended`: the ids of those whose has)."""
    made = Made()
    standing = sorted((record for record in plans if record.status is not RecordStatus.ENTERED_IN_ERROR),
                      key=lambda record: (elapsed.instant(datetime.fromisoformat(record.data["decided_at"])),
                                          record.recorded_at))
    for record in sorted(plans, key=lambda record: record.recorded_at):
        later = standing[standing.index(record) + 1:] if record in standing else []
        if record.data["kind"] == "lifted":
            before = standing[:standing.index(record)] if record in standing else []
            ended = before[-1] if before and before[-1].data["kind"] != "lifted" else None
            made.made_from[record.record_id] = [ended.record_id] if ended else []
            continue
        status = ("entered-in-error" if record.status is RecordStatus.ENTERED_IN_ERROR
                  else "completed" if later or record.record_id in stay_ended else "active")
        made.add(_nutrition_order(record, status, ctx, stays), record.record_id)
    return made


def _nutrition_order(record: RecordVersion, status: str, ctx: Context, stays: Stays) -> dict[str, Any]:
    data = record.data
    # A child's volume above their weight's is sent with the doctor's reason, as an infusion's rate
    # above a child's maintenance is (fhir_medication): a bare 246 mL/kg a day reads as a slip.
    above = data.get(PLAN_REASON)
    notes = " ".join(filter(None, (f"Decided by {' '.join(data['decided_by'].split())}.", data.get("notes"),
                                   above and f"Volume above the child's maintenance: {' '.join(above.split())}")))
    return {"resourceType": "NutritionOrder", "id": record.record_id, "identifier": record_identifier(record.record_id),
            "status": status, "intent": "order", "patient": reference(str(record.patient_id)),
            **stays.encounter_at(record.patient_id, data["decided_at"]), "dateTime": moment(data["decided_at"]),
            "orderer": ctx.author(ctx.original(record)),
            "oralDiet": {"type": [{"text": PLANS[data["kind"]].format(volume=data["volume"])}],
                         "nutrient": [{"modifier": {"text": "Fluid (all intake)"},
                                       "amount": quantity(int(data["volume"]), "mL")}],
                         "instruction": notes}}


def _made(record: RecordVersion, ctx: Context, stays: Stays, dose: str | None) -> Made:
    return Made([_observation(record, ctx, stays, dose)], {record.record_id: [record.record_id]})


def _observation(record: RecordVersion, ctx: Context, stays: Stays, dose: str | None) -> dict[str, Any]:
    """`dose`: the one on the medication chart it charts (services.fluid_balance.doses_charted),
    named or, typed by hand, matched by the app."""
    data = record.data
    side = "Fluid intake" if data["route"] in INTAKE else "Fluid output"
    route = label(ctx.forms[FORM], "route", data["route"]).split(": ", 1)[-1]
    # Irrigant runs in and back out in the urine bag: neither intake nor output of the patient's.
    code = IRRIGATED if data["route"] == IRRIGATION else f"{side}: {route}"
    resource: dict[str, Any] = {
        "resourceType": "Observation", "id": record.record_id, "identifier": record_identifier(record.record_id),
        "status": observation_status(record), "category": [CATEGORY], "code": {"text": code},
        "subject": reference(str(record.patient_id)), **stays.encounter_at(record.patient_id, data["measured_at"]),
        "effectiveDateTime": moment(data["measured_at"]), "performer": [ctx.author(ctx.original(record))],
        # An output not measured (form v3): how much it looked, in the form's words, as no quantity.
        **({"valueQuantity": quantity(data["volume"], "mL")} if data.get("volume") is not None else
           {"valueString": label(ctx.forms[FORM], NOT_MEASURED, data[NOT_MEASURED])})}
    if dose:  # the bag the medication chart sent as given: one volume, not two
        resource["partOf"] = [reference(dose)]
    if data.get("what"):
        resource["note"] = [{"text": data["what"]}]
    return resource
