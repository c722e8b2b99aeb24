"""Each change of a running infusion's rate (forms/infusion_rate.yaml) as a MedicationAdministration
of its own, part of its bag's (`partOf`, the bag's dose as fhir_medication writes it): the new
rate as `dosage.rateQuantity` over the period it ran, with the reading it was decided on as its
reason; a pause at 0 mL/h; the bag's stop at its time (one charted after the death that ended
the bag is said in the bag's note instead, unless an earlier bundle sent it: see
`infusion_rate_groups`). Its period ends at the
first of the bag's next change, the order's next bag put up, the order's stop, the end of the
stay and the bag's run-in, by the export's moment, as the bag's own does (fhir_medication.Running): a bag simply
changed for the next, or an order stopped with no stop charted, left 83 mL/h of the old bag
running for ever beside the new. A rate still running
is `in-progress`, a pause `on-hold`, one ended `completed`; a change is `entered-in-error` when
it, or its bag, is withdrawn (a completed administration part of a withdrawn one). Before, the EHR's MAR read the bag's first rate until the next bag, the
heparin slowed at 14:10 after an APTT of 3.2 running at its first rate all day."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import Any

from sqlite_utils import Database

from downtime.domain.records import RecordStatus, RecordVersion
from downtime.services import census
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
from downtime.sync.fhir_medication import dose_key, order_key, overridden, running_bags
from downtime.sync.fhir_stays import Stays

NOTES = {PAUSED: "Infusion paused, syringe or bag left up", STOPPED: "Infusion stopped, syringe or bag taken down"}
"""A pause's and a stop's note, of a syringe driver's as of a drip's."""
CHANGES = (NEW_RATE, PAUSED, STOPPED)
"""A rate runs until the bag's next change, of whichever kind."""


def infusion_rate_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per change, needing its bag's dose (and so its order) and its patient. Its period
    ends as its bag's does (fhir_medication.Running.ended), at the bag's next change too. It is
    made of the change, its bag and what ended it, and sent again with the bag when what may end
    it changes (Running.resend_with: the bag's later changes, withdrawn ones too, as a stop
    withdrawn opens the period again; its checks, the order's next bags, the order and the
    leaving that ended the stay): with those among its sources, one later dose of the order on
    hold kept the change out of the bundle. A stop charted after the death (or the discharge)
    that ended the bag is none, unless an earlier bundle sent it: the bag's own resource ends at
    the leaving and says it (fhir_medication.Running.taken_down_after_leaving); it went as a
    morphine driver's administration dated 20 minutes after the patient's deceasedDateTime."""
    orders = {record.record_id: (record, order_of(record)) for record in ctx.current(db, ORDER_FORM)}
    bags = running_bags(db, ctx, stays, orders, ctx.current(db, DOSE_FORM),
                        census.movement_events(db, ctx.patient_ids))
    groups = {}
    for bag in bags.values():
        for change, record in bag.changes:
            if bag.taken_down_after_leaving(change, record):  # said in the bag's note, not sent after death
                continue
            key, end = f"{FORM}:{record.record_id}", bag.ended(change.at, CHANGES)
            groups[key] = Group(key, partial(_made, record, bag.version, bag.order.drug, end.at if end else None,
                                             ctx, stays),
                                frozenset({record.record_id, bag.version.record_id, *(end.records if end else ())}),
                                frozenset({patient_key(str(record.patient_id)), dose_key(bag.version.record_id),
                                           order_key(bag.order.record_id)}),
                                bag.resend_with)
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
             *overridden(ctx.forms[FORM], record.data.get("overrides"))]
    if notes:
        resource["note"] = [{"text": note} for note in notes]
    if change.reason:
        resource["reasonCode"] = [{"text": change.reason}]
    return resource
