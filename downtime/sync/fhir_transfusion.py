"""Each unit of blood transfused as a FHIR Procedure in the stay it was given in, built from its
start and its end together: in progress until its end is recorded, then completed or stopped,
its period from start to end, the unit (component, donation number, group) as the thing used,
its outcome, a reaction's signs as complications, and the bedside check, the volume, who was
told of a reaction and a unit that ran past 4 hours out of the fridge as notes. The donation
number is what the blood bank traces the unit to this patient by. Its code is in words ("Red
cell transfusion"): SNOMED CT's codes could not be checked here, and a wrong code files it as
another procedure. Each prescription as a ServiceRequest (see `_request`)."""

from __future__ import annotations

from functools import partial
from typing import Any

from sqlite_utils import Database

from downtime.domain.records import RecordStatus, RecordVersion
from downtime.services.transfusion import END_FORM, FORM, ORDER_FORM, first_ends, reacted, unit_number, unit_of
from downtime.sync.fhir_elements import Context, Group, Made, label, moment, patient_key, record_identifier, reference
from downtime.sync.fhir_stays import Stays

CODES = {"red_cells": "Red cell transfusion", "platelets": "Platelet transfusion",
         "plasma": "Plasma (FFP) transfusion", "cryo": "Cryoprecipitate transfusion",
         "other": "Blood component transfusion"}


def transfusion_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per unit with its end (should two laptops each have recorded one, both: the
    first standing one written ends it, as on the ward's screens); it needs its patient and its
    prescription, and names the stay it was given in. One group per prescription, which its
    units and their ends change (see `_request`)."""
    ends: dict[str, list[RecordVersion]] = {}
    for end in ctx.current(db, END_FORM):
        ends.setdefault(str(end.data["unit"]), []).append(end)
    starts = ctx.current(db, FORM)
    groups = {f"transfusion:{start.record_id}": Group(
        f"transfusion:{start.record_id}", partial(_made, start, ends.get(start.record_id, []), ctx, stays),
        frozenset({start.record_id, *(end.record_id for end in ends.get(start.record_id, []))}),
        frozenset({patient_key(str(start.patient_id)), *([order_key(order)] if (order := start.data.get("order")) else [])}))
        for start in starts}
    for order in ctx.current(db, ORDER_FORM):
        units = [start for start in starts if start.data.get("order") == order.record_id]
        ended = [end for start in units for end in ends.get(start.record_id, [])]
        groups[order_key(order.record_id)] = Group(
            order_key(order.record_id), partial(_ordered, order, units, ended, ctx, stays),
            frozenset({order.record_id, *(record.record_id for record in (*units, *ended))}),
            frozenset({patient_key(str(order.patient_id))}))
    return groups


def order_key(record_id: str) -> str:
    return f"blood_order:{record_id}"


def _ordered(order: RecordVersion, units: list[RecordVersion], ended: list[RecordVersion], ctx: Context,
             stays: Stays) -> Made:
    return Made([_request(order, units, ended, ctx, stays)], {order.record_id: [order.record_id]})


def _request(order: RecordVersion, units: list[RecordVersion], ended: list[RecordVersion], ctx: Context,
             stays: Stays) -> dict[str, Any]:
    """A prescription as a ServiceRequest (R4's request-status): active while a unit it prescribes
    is to start or running; once every one has ended, completed when each was given in full, else
    revoked ("terminated prior to the known full completion of the intended actions"; no further
    unit is started on it), each unit stopped early said in a note. A prescription whose only unit
    was stopped after 10 mL was exported completed."""
    data, spec, end_spec = order.data, ctx.forms[ORDER_FORM], ctx.forms[END_FORM]
    end_of = first_ends(ended)
    given = [(start, end_of[start.record_id]) for start in units
             if start.status is not RecordStatus.ENTERED_IN_ERROR and start.record_id in end_of]
    stopped = [(start, end) for start, end in given if end.data["outcome"] != "completed"]
    status = ("entered-in-error" if order.status is RecordStatus.ENTERED_IN_ERROR
              else "active" if len(given) < int(data["units"]) else "revoked" if stopped else "completed")
    notes = [f"Each over {data['each_over']}",
             *([", ".join(label(spec, "requirements", code) for code in data["requirements"])]
               if data.get("requirements") else []),
             *(f"Unit {unit_number(start.data)} not given in full: {label(end_spec, 'outcome', end.data['outcome'])}"
               + (f", {end.data['volume']} mL given" if end.data.get("volume") is not None else "")
               for start, end in stopped)]
    return {"resourceType": "ServiceRequest", "id": order.record_id, "identifier": record_identifier(order.record_id),
            "status": status, "intent": "order", "code": {"text": CODES[data["component"]]},
            "quantityQuantity": {"value": int(data["units"]), "unit": "unit"},
            "subject": reference(str(order.patient_id)), **stays.encounter_at(order.patient_id, data["ordered_at"]),
            "authoredOn": moment(data["ordered_at"]), "requester": ctx.author(ctx.original(order)),
            "reasonCode": [{"text": data["indication"]}], "note": [{"text": text} for text in notes]}


def _made(start: RecordVersion, ends: list[RecordVersion], ctx: Context, stays: Stays) -> Made:
    return Made([_procedure(start, first_ends(ends).get(start.record_id), ctx, stays)],
                {record.record_id: [start.record_id] for record in (start, *ends)})


def _status(start: RecordVersion, end: RecordVersion | None) -> str:
    if start.status is RecordStatus.ENTERED_IN_ERROR:
        return "entered-in-error"
    if end is None:
        return "in-progress"
    return "completed" if end.data["outcome"] == "completed" else "stopped"


def _procedure(start: RecordVersion, end: RecordVersion | None, ctx: Context, stays: Stays) -> dict[str, Any]:
    data, spec, end_spec = start.data, ctx.forms[FORM], ctx.forms[END_FORM]
    number = unit_number(data)
    period = {"start": moment(data["started_at"]), **({"end": moment(end.data["ended_at"])} if end else {})}
    check = [*([f"Patient's blood group: {label(spec, 'patient_group', data['patient_group'])}"]
               if data.get("patient_group") else []),
             f"Bedside identity check: {'done' if data.get('identity_checked') else 'NOT done'}",
             *(["RhD-positive unit issued so by the blood bank"] if data.get("rhd_agreed") else []),
             *(["Group A plasma issued so by the blood bank, high-titre negative"] if data.get("group_a_agreed") else []),
             *([f"ABO card: {label(spec, 'abo_card', data['abo_card'])}"] if data.get("abo_card") else []),
             *([f"Second checker: {data['second_checker']}"] if data.get("second_checker") else []),
             *([f"Use by {data['use_by']}"] if data.get("use_by") else []),
             *([f"Taken from the blood fridge at {data['collected_at']}"] if data.get("collected_at") else [])]
    notes = ["; ".join(check), *([data["notes"]] if data.get("notes") else [])]
    resource: dict[str, Any] = {
        "resourceType": "Procedure", "id": start.record_id, "identifier": record_identifier(start.record_id),
        "status": _status(start, end), "code": {"text": CODES[data["component"]]},
        "subject": reference(str(start.patient_id)), **stays.encounter_at(start.patient_id, data["started_at"]),
        **({"basedOn": [reference(str(data["order"]))]} if data.get("order") else {}),
        "performedPeriod": period, "performer": [{"actor": ctx.author(ctx.original(start))}],
        "usedCode": [{"text": ", ".join([f"{label(spec, 'component', data['component'])}",
                                         f"donation number {number}", label(spec, "unit_group", data["unit_group"]),
                                         *(label(spec, "unit_requirements", code)
                                           for code in data.get("unit_requirements") or [])])}]}
    if end is not None:
        ended = end.data
        resource["outcome"] = {"text": label(end_spec, "outcome", ended["outcome"])}
        if reacted(ended):
            resource["complication"] = [{"text": label(end_spec, "signs", sign)} for sign in ended.get("signs") or []]
            notes.append(f"Reaction: doctor told: {'yes' if ended.get('doctor_told') else 'no'}; reported to the "
                         f"blood bank: {'yes' if ended.get('blood_bank_told') else 'no'}")
        if ended.get("volume") is not None:
            notes.append(f"Volume given: {ended['volume']} mL")
        if ended.get("notes"):
            notes.append(ended["notes"])
        if unit_of(start, end).ran_over:
            notes.append("Ran past 4 hours out of the fridge")
    resource["note"] = [{"text": text} for text in notes]
    return resource
