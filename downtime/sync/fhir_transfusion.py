"""Each unit of blood transfused as a FHIR Procedure in the stay it was given in, built from its
start and its end together: in progress until its end is recorded, then completed or stopped,
its period from start to end, the unit (component, donation number, group) as the thing used,
its outcome, a reaction's signs as complications, and the bedside check, the volume, who was
told of a reaction, a unit that ran past 4 hours out of the fridge and the observation sets that
may have been a reaction (services.transfusion.possible_reactions: an end saying none hid a
39.4 °C set from the haemovigilance the EHR feeds) as notes. A unit stopped
and restarted is one Procedure, its first start's, from its first start to its last end, each
stop in a note. The donation number is what the blood bank traces the unit to this patient by.
Its code is in words ("Red cell transfusion"): SNOMED CT's codes could not be checked here, and a
wrong code files it as another procedure. Each prescription as a ServiceRequest (see `_request`).
The observation sets are not among what makes a unit's Procedure go again in a `--since-last`
bundle (fhir_elements.Group.sources), as a stay is not (fhir_stays): a set on hold would hold the
unit back; one typed after its unit was sent reaches the EHR with the next whole export or the
unit's next change."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import Any

from sqlite_utils import Database

from downtime.domain.blood_groups import abo
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.services.census import deaths
from downtime.services.transfusion import (END_FORM, FORM, ORDER_FORM, doctor_told, first_ends, possible_reactions,
                                           reacted, unit_number, unit_of, units_of)
from downtime.sync.fhir_elements import Context, Group, Made, label, moment, patient_key, record_identifier, reference
from downtime.sync.fhir_stays import Stays

CODES = {"red_cells": "Red cell transfusion", "platelets": "Platelet transfusion",
         "plasma": "Plasma (FFP) transfusion", "cryo": "Cryoprecipitate transfusion",
         "other": "Blood component transfusion"}


def transfusion_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per unit with its ends (services.transfusion.units_of: a unit restarted is one;
    should two laptops each have recorded a part's end, both: the first standing one written ends
    it, as on the ward's screens); it needs its patient and its prescription, and names the stay
    it was given in. One group per prescription, which its units and their ends change (see
    `_request`)."""
    ends: dict[str, list[RecordVersion]] = {}
    for end in ctx.current(db, END_FORM):
        ends.setdefault(str(end.data["unit"]), []).append(end)
    units = units_of(ctx.current(db, FORM))
    groups = {f"transfusion:{parts[0].record_id}": Group(
        f"transfusion:{parts[0].record_id}", partial(_made, db, parts, ends, ctx, stays),
        frozenset(record.record_id for record in _written(parts, ends)),
        frozenset({patient_key(str(parts[0].patient_id)),
                   *([order_key(order)] if (order := parts[0].data.get("order")) else [])}))
        for parts in units}
    for order in ctx.current(db, ORDER_FORM):
        ordered = [parts for parts in units if parts[0].data.get("order") == order.record_id]
        groups[order_key(order.record_id)] = Group(
            order_key(order.record_id), partial(_ordered, order, ordered, ends, ctx, stays),
            frozenset({order.record_id, *(record.record_id for parts in ordered for record in _written(parts, ends))}),
            frozenset({patient_key(str(order.patient_id))}))
    return groups


def _written(parts: list[RecordVersion], ends: dict[str, list[RecordVersion]]) -> list[RecordVersion]:
    """A unit's starts and their ends, the records its Procedure is written from or changed by;
    not an end another laptop's end beat (`first_ends`: the reaction wins), which the records
    office may close as not to be entered: the bundle leaves out a group any of whose records is,
    and the unit, its reaction with it, went in no bundle."""
    chosen = {end.record_id for end in first_ends([end for start in parts for end in ends.get(start.record_id, [])])
              .values()}
    return [record for start in parts for record in (start, *(
        end for end in ends.get(start.record_id, [])
        if end.record_id in chosen or end.status is RecordStatus.ENTERED_IN_ERROR))]


def _ended(parts: list[RecordVersion], ends: dict[str, list[RecordVersion]]) -> list[tuple[RecordVersion,
                                                                                           RecordVersion | None]]:
    """A unit's starts it was given from, each with its end (`first_ends`), oldest first: its
    first, and the restarts standing (one withdrawn is sent no longer)."""
    return [(start, first_ends(ends.get(start.record_id, [])).get(start.record_id)) for start in parts
            if start is parts[0] or start.status is not RecordStatus.ENTERED_IN_ERROR]


def _doctor(end: dict[str, Any]) -> str:
    """"yes: Dr Benali, 2026-11-28T12:25:00+01:00, acknowledged", "no": which doctor was told and
    when is what the haemovigilance report asks (an end of the form's version 1 says "yes" alone)."""
    if not doctor_told(end):
        return "no"
    if not end.get("doctor_name"):
        return "yes"
    return f"yes: {' '.join(str(end['doctor_name']).split())}, {moment(end['doctor_told_at'])}, acknowledged"


def _volume(ended: list[tuple[RecordVersion, RecordVersion | None]]) -> int | None:
    """The volume a unit's ends say was given, each part's added; None when none says one."""
    volumes = [end.data["volume"] for _, end in ended if end is not None and end.data.get("volume") is not None]
    return sum(volumes) if volumes else None


def order_key(record_id: str) -> str:
    return f"blood_order:{record_id}"


def _ordered(order: RecordVersion, units: list[list[RecordVersion]], ends: dict[str, list[RecordVersion]],
             ctx: Context, stays: Stays) -> Made:
    return Made([_request(order, units, ends, ctx, stays)], {order.record_id: [order.record_id]})


def _request(order: RecordVersion, units: list[list[RecordVersion]], ends: dict[str, list[RecordVersion]],
             ctx: Context, stays: Stays) -> dict[str, Any]:
    """A prescription as a ServiceRequest (R4's request-status): active while a unit it prescribes
    is to start or running; once every one has ended, completed when each was given in full, else
    revoked ("terminated prior to the known full completion of the intended actions"; no further
    unit is started on it), each unit stopped early said in a note. A prescription whose only unit
    was stopped after 10 mL was exported completed. A unit restarted is one unit, ended by its last
    part's end, the volume of every part given."""
    data, spec, end_spec = order.data, ctx.forms[ORDER_FORM], ctx.forms[END_FORM]
    standing = [_ended(parts, ends) for parts in units if parts[0].status is not RecordStatus.ENTERED_IN_ERROR]
    given = [(ended[0][0], ended[-1][1], _volume(ended)) for ended in standing if ended[-1][1] is not None]
    stopped = [(start, end, volume) for start, end, volume in given if end.data["outcome"] != "completed"]
    status = ("entered-in-error" if order.status is RecordStatus.ENTERED_IN_ERROR
              else "active" if len(given) < int(data["units"]) else "revoked" if stopped else "completed")
    notes = [*([f"Volume of each unit: {data['volume_ml']} mL"] if data.get("volume_ml") else []),
             f"Each over {data['each_over']}",
             *([", ".join(label(spec, "requirements", code) for code in data["requirements"])]
               if data.get("requirements") else []),
             *(f"Unit {unit_number(start.data)} not given in full: {label(end_spec, 'outcome', end.data['outcome'])}"
               + (f", {volume} mL given" if volume is not None else "")
               for start, end, volume in stopped)]
    return {"resourceType": "ServiceRequest", "id": order.record_id, "identifier": record_identifier(order.record_id),
            "status": status, "intent": "order", "code": {"text": CODES[data["component"]]},
            "quantityQuantity": {"value": int(data["units"]), "unit": "unit"},
            "subject": reference(str(order.patient_id)), **stays.encounter_at(order.patient_id, data["ordered_at"]),
            "authoredOn": moment(data["ordered_at"]), "requester": ctx.author(ctx.original(order)),
            "reasonCode": [{"text": data["indication"]}], "note": [{"text": text} for text in notes]}


def _made(db: Database, parts: list[RecordVersion], ends: dict[str, list[RecordVersion]], ctx: Context,
          stays: Stays) -> Made:
    ended = _ended(parts, ends)
    died = deaths(db, [str(parts[0].patient_id)]).get(str(parts[0].patient_id))
    return Made([_procedure(ended, ctx, stays, _possible(db, ended), died)],
                {record.record_id: [parts[0].record_id] for record in _written(parts, ends)})


def _status(start: RecordVersion, end: RecordVersion | None) -> str:
    if start.status is RecordStatus.ENTERED_IN_ERROR:
        return "entered-in-error"
    if end is None:
        return "in-progress"
    return "completed" if end.data["outcome"] == "completed" else "stopped"


def _possible(db: Database, ended: list[tuple[RecordVersion, RecordVersion | None]]) -> list[str]:
    """"Observations that may be a reaction at 2026-11-28T12:15:00+01:00: temperature 39.4, up
    2.5 °C, systolic 82, down 43", for each such set taken from the unit's first start to its
    last end, or in the hour after it, oldest first, each read against the set before its first
    start, as the screens and the paper read them (services.transfusion.sets_of)."""
    standing = [(start, end) for start, end in ended if start.status is not RecordStatus.ENTERED_IN_ERROR]
    if not standing:
        return []
    (first, _), (last, end) = standing[0], standing[-1]
    return [f"Observations that may be a reaction at {moment(at)}: {', '.join(one.said('en') for one in readings)}"
            for at, readings in possible_reactions(db, str(last.patient_id), datetime.fromisoformat(last.data["started_at"]),
                                                   datetime.fromisoformat(end.data["ended_at"]) if end else None,
                                                   first_started_at=datetime.fromisoformat(first.data["started_at"]))]


def _procedure(ended: list[tuple[RecordVersion, RecordVersion | None]], ctx: Context, stays: Stays,
               possible: list[str], died: datetime | None) -> dict[str, Any]:
    """`ended`: the unit's starts with their ends (`_ended`); its bedside check its first start's;
    `possible` the sets that may have been a reaction, in words (`_possible`). A unit taken down at
    last offices, after the patient died (`died`), ends at the death, its take-down in a note: its
    period to 13:20 of a death at 13:00 read as blood given for 20 minutes after deceasedDateTime."""
    start, (last, end) = ended[0][0], ended[-1]
    data, spec, end_spec = start.data, ctx.forms[FORM], ctx.forms[END_FORM]
    number = unit_number(data)
    taken_down = datetime.fromisoformat(end.data["ended_at"]) if end else None
    after = taken_down is not None and died is not None and taken_down > died
    period = {"start": moment(data["started_at"]),
              **({"end": moment(died if after else taken_down)} if taken_down else {})}
    check = [*([f"Patient's blood group: {label(spec, 'patient_group', data['patient_group'])}"]
               if data.get("patient_group") else []),
             f"Bedside identity check: {'done' if data.get('identity_checked') else 'NOT done'}",
             *(["RhD-positive unit issued so by the blood bank"] if data.get("rhd_agreed") else []),
             *([f"Group {abo(data['unit_group'])} plasma issued so by the blood bank, high-titre negative"]
               if data.get("group_a_agreed") else []),
             *(["Group O platelets labelled high-titre negative, or issued so by the blood bank"]
               if data.get("group_o_agreed") else []),
             *([f"ABO card: {label(spec, 'abo_card', data['abo_card'])}"] if data.get("abo_card") else []),
             *([f"Second checker: {data['second_checker']}"] if data.get("second_checker") else []),
             *([f"Use by {data['use_by']}"] if data.get("use_by") else []),
             *([f"Taken from the blood fridge at {data['collected_at']}"] if data.get("collected_at") else [])]
    notes = ["; ".join(check), *(part.data["notes"] for part, _ in ended if part.data.get("notes")),
             *(f"Restarted at {again.data['started_at']}, its stop not recorded" if stop is None else
               f"Interrupted at {stop.data['ended_at']}: {label(end_spec, 'outcome', stop.data['outcome'])}"
               + (f", {stop.data['volume']} mL given" if stop.data.get("volume") is not None else "")
               + f"; restarted at {again.data['started_at']}"
               for (_, stop), (again, _) in zip(ended, ended[1:])),
             *([f"Taken down at {moment(end.data['ended_at'])}, after the death"] if after else [])]
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
        resource["outcome"] = {"text": label(end_spec, "outcome", end.data["outcome"])}
    said = [stop.data for _, stop in ended if stop is not None]
    if reactions := [one for one in said if reacted(one)]:
        resource["complication"] = [{"text": label(end_spec, "signs", sign)}
                                    for one in reactions for sign in one.get("signs") or []]
        notes += [f"Reaction: doctor told: {_doctor(one)}; reported to the blood bank: "
                  f"{'yes' if one.get('blood_bank_told') else 'no'}" for one in reactions]
    if (volume := _volume(ended)) is not None:
        notes.append(f"Volume given: {volume} mL")
    notes += [one["notes"] for one in said if one.get("notes")]
    notes += possible
    if end is not None and unit_of(last, end, ended[:-1]).ran_over:
        notes.append("Ran past 4 hours out of the fridge")
    resource["note"] = [{"text": text} for text in notes]
    return resource
