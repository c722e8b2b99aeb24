"""Each change of a running infusion's rate (forms/infusion_rate.yaml) as a MedicationAdministration
of its own, part of its bag's (`partOf`, the bag's dose as fhir_medication writes it): the new
rate as `dosage.rateQuantity` over the period it ran, with the reading it was decided on as its
reason; a pause at 0 mL/h; the bag's stop at its time. Its period ends at the first of the bag's
next change, the order's next bag put up and the order's stop: a bag simply changed for the next,
or an order stopped with no stop charted, left 83 mL/h of the old bag running for ever beside
the new. A rate still running is `in-progress`, a pause `on-hold`, one ended `completed`; a
change is `entered-in-error` when it, or its bag, is withdrawn (a completed administration part
of a withdrawn one). Before, the EHR's MAR read the bag's first rate until the next bag, the
heparin slowed at 14:10 after an APTT of 3.2 running at its first rate all day."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import Any

from sqlite_utils import Database

from downtime.domain.medication import Administration, Outcome
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.services.infusion_rates import (
    FORM,
    NEW_RATE,
    PAUSED,
    STOPPED,
    change_of,
)
from downtime.services.medication import (
    DOSE_FORM,
    ORDER_FORM,
    administration_of,
    order_of,
)
from downtime.sync.fhir_codes import UCUM, UCUM_UNITS
from downtime.sync.fhir_elements import (
    Context,
    Group,
    Made,
    moment,
    patient_key,
    record_identifier,
    reference,
)
from downtime.sync.fhir_medication import dose_key, order_key
from downtime.sync.fhir_stays import Stays

NOTES = {PAUSED: "Infusion paused, bag left up", STOPPED: "Infusion stopped, bag taken down"}


def infusion_rate_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per change, needing its bag's dose (and so its order) and its patient. It is
    sent again when what may end its period changes: the bag's later changes (withdrawn ones too:
    a stop withdrawn opens the period again), the bag itself, the order's later bags and the
    order (its stop)."""
    found = ctx.current(db, FORM)
    changes = [change_of(record) for record in found]
    bags = {record.record_id: record for record in ctx.current(db, DOSE_FORM)}
    orders = {record.record_id: order_of(record) for record in ctx.current(db, ORDER_FORM)}
    changed = {str(bags[change.bag_id].data["order"]) for change in changes}
    doses_of: dict[str, list[tuple[Administration, RecordVersion]]] = {}
    for version in bags.values():
        if (order_id := str(version.data.get("order"))) in changed:
            doses_of.setdefault(order_id, []).append((administration_of(version), version))
    standing = {record.record_id for record in found if record.status is not RecordStatus.ENTERED_IN_ERROR}
    groups = {}
    for record, change in zip(found, changes, strict=True):
        bag = bags[change.bag_id]
        dose = administration_of(bag)
        order = orders[dose.order_id]
        later = [other for other in changes if other.bag_id == change.bag_id and other.at > change.at]
        next_bags = [(other, version) for other, version in doses_of[dose.order_id] if other.at > dose.at]
        ends = [*(other.at for other in later if other.record_id in standing),
                *(other.at for other, version in next_bags
                  if other.outcome is Outcome.GIVEN and version.status is not RecordStatus.ENTERED_IN_ERROR),
                *filter(None, [order.stop_at])]
        ended = min((end for end in ends if end > change.at), default=None)
        key = f"{FORM}:{record.record_id}"
        groups[key] = Group(key, partial(_made, record, bag, order.drug, ended, ctx, stays),
                            frozenset({record.record_id, bag.record_id, order.record_id,
                                       *(other.record_id for other in later),
                                       *(version.record_id for _, version in next_bags)}),
                            frozenset({patient_key(str(record.patient_id)), dose_key(bag.record_id),
                                       order_key(order.record_id)}))
    return groups


def _made(record: RecordVersion, bag: RecordVersion, drug: str, ended: datetime | None, ctx: Context,
          stays: Stays) -> Made:
    return Made([_administration(record, bag, drug, ended, ctx, stays)], {record.record_id: [record.record_id]})


def _administration(record: RecordVersion, bag: RecordVersion, drug: str, ended: datetime | None,
                    ctx: Context, stays: Stays) -> dict[str, Any]:
    """`drug`: the medicine as the bag's order names it; `ended`: when this change's period
    ended (None: it runs still, in progress, or on hold for a pause)."""
    change, dose = change_of(record), administration_of(bag)
    first = ctx.original(record)
    withdrawn = RecordStatus.ENTERED_IN_ERROR in (record.status, bag.status)
    status = ("entered-in-error" if withdrawn else "completed" if change.change == STOPPED or ended is not None
              else "on-hold" if change.change == PAUSED else "in-progress")
    resource: dict[str, Any] = {
        "resourceType": "MedicationAdministration", "id": record.record_id,
        "identifier": record_identifier(record.record_id), "status": status,
        "partOf": [reference(bag.record_id)], "request": reference(dose.order_id),
        "medicationCodeableConcept": {"text": drug}, "subject": reference(str(record.patient_id)),
        **stays.encounter_at(record.patient_id, change.at, "context"),
        "performer": [{"actor": ctx.person(first.author, first.device_id)}]}
    if change.change == STOPPED:
        resource["effectiveDateTime"] = moment(change.at)
    else:
        resource["effectivePeriod"] = {"start": moment(change.at),
                                       **({"end": moment(ended)} if ended is not None else {})}
        resource["dosage"] = {"rateQuantity": {"value": change.rate_ml_h if change.change == NEW_RATE else 0,
                                               "unit": "mL/h", "system": UCUM, "code": UCUM_UNITS["mL/h"]}}
    # A change saved over a warning (form version 3: a VRIII's rate on a hypo), as a dose's.
    notes = [*([NOTES[change.change]] if change.change in NOTES else []),
             *(f"Warning overridden ({item['check'].replace('_', ' ')}): {item['reason']}"
               for item in record.data.get("overrides") or [])]
    if notes:
        resource["note"] = [{"text": note} for note in notes]
    if change.reason:
        resource["reasonCode"] = [{"text": change.reason}]
    return resource
