"""Each check of a running infusion or syringe driver (forms/infusion_check.yaml) as an Observation
of its own, `partOf` its bag's MedicationAdministration (the bag's dose as fhir_medication writes
it: R4 lets an Observation be part of a MedicationAdministration, so the EHR's infusion chart
finds each check under the bag it was made of). An Observation rather than a MedicationAdministration
like a rate change's (fhir_infusion_rates): a check gives nothing and changes no rate, and the
EHR's MAR would count another administration. Its components, as the paper chart's columns: the
volume left and the volume expected left (mL, when the bag's volume or the check before says it),
the rate on the pump and the rate set (mL/h), the site, its VIP score, the line and the pump;
what it found amiss as an "Abnormal" interpretation with its words, what was done as a note.
Category `therapy` (R4's observation-category: the monitoring of a medication therapy): the volume
and the pump's rate are a running dose watched, not a clinician's examination. It is sent again
when what its expected volume is read from changes: its bag, the bag's rate changes and its other
checks (each is judged from the one before), and the order."""

from __future__ import annotations

from functools import partial
from typing import Any

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.infusion_check import InfusionCheck, findings
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.services import infusion_checks, infusion_rates
from downtime.services.medication import DOSE_FORM, ORDER_FORM, administration_of, order_of
from downtime.sync.fhir_elements import Context, Group, Made, label, patient_key, reference
from downtime.sync.fhir_medication import dose_key, order_key
from downtime.sync.fhir_observations import quantity, record_observation
from downtime.sync.fhir_stays import Stays

CODE = {"text": "Infusion or syringe driver check"}
COMPONENTS = {"left": "Volume left", "expected": "Volume expected left", "pump": "Rate shown on the pump",
              "set": "Rate set", "site": "Site", "vip": "VIP score (phlebitis)", "line": "Line intact",
              "working": "Pump working (on hold if paused), battery good", "running": "Pump running, battery good"}
"""The pump's component by the question its record answered (InfusionCheck.asked_on_hold): "working"
the form's version 2's, "running" version 1's. One label for both sent a pump paused and on hold,
answered Yes to version 2's question, as "running"."""


def infusion_check_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per check, needing its bag's dose (and so its order) and its patient."""
    found = ctx.current(db, infusion_checks.FORM)
    if not found:
        return {}
    checks = [infusion_checks.check_of(record) for record in found]
    bags = {record.record_id: record for record in ctx.current(db, DOSE_FORM)}
    orders = {record.record_id: record for record in ctx.current(db, ORDER_FORM)}
    changes: dict[str, list[infusion_rates.RateChange]] = {}
    for version in ctx.current(db, infusion_rates.FORM):
        if version.status is not RecordStatus.ENTERED_IN_ERROR:
            change = infusion_rates.change_of(version)
            changes.setdefault(change.bag_id, []).append(change)
    standing: dict[str, list[InfusionCheck]] = {}
    every: dict[str, list[str]] = {}
    for record, one in zip(found, checks, strict=True):
        every.setdefault(one.bag_id, []).append(record.record_id)
        if record.status is not RecordStatus.ENTERED_IN_ERROR:
            standing.setdefault(one.bag_id, []).append(one)
    for bag_id in standing:
        standing[bag_id].sort(key=lambda other: elapsed.instant(other.at))
    for bag_id in changes:
        changes[bag_id].sort(key=lambda change: elapsed.instant(change.at))
    groups = {}
    for record, one in zip(found, checks, strict=True):
        bag = bags[one.bag_id]
        order = orders[administration_of(bag).order_id]
        its_changes = changes.get(one.bag_id, [])
        key = f"{infusion_checks.FORM}:{record.record_id}"
        groups[key] = Group(key, partial(_made, record, bag, order, its_changes, standing.get(one.bag_id, []), ctx,
                                         stays),
                            frozenset({record.record_id, bag.record_id, order.record_id, *every[one.bag_id],
                                       *(change.record_id for change in its_changes)}),
                            frozenset({patient_key(str(record.patient_id)), dose_key(bag.record_id),
                                       order_key(order.record_id)}))
    return groups


def _made(record: RecordVersion, bag: RecordVersion, order: RecordVersion,
          changes: list[infusion_rates.RateChange], standing: list[InfusionCheck], ctx: Context, stays: Stays) -> Made:
    return Made([_observation(record, bag, order, changes, standing, ctx, stays)],
                {record.record_id: [record.record_id]})


def _observation(record: RecordVersion, bag: RecordVersion, order: RecordVersion,
                 changes: list[infusion_rates.RateChange], standing: list[InfusionCheck], ctx: Context,
                 stays: Stays) -> dict[str, Any]:
    """The check as an Observation (this module's docstring); `changes` and `standing`: its bag's
    standing rate changes and checks, in time order, read for the volume expected left."""
    one, dose, ordered = infusion_checks.check_of(record), administration_of(bag), order_of(order)
    expected = infusion_checks.expected_at(dose, ordered, changes, standing, one.at)
    spec = ctx.forms[infusion_checks.FORM]

    def component(name: str, **value: Any) -> dict[str, Any]:
        return {"code": {"text": COMPONENTS[name]}, **value}

    components = [component("left", valueQuantity=quantity(one.volume_left_ml, "mL")),
                  *([component("expected", valueQuantity=quantity(expected.left_ml, "mL"))]
                    if expected.left_ml is not None else []),
                  component("pump", valueQuantity=quantity(one.pump_rate_ml_h, "mL/h")),
                  *([component("set", valueQuantity=quantity(expected.rate_ml_h, "mL/h"))]
                    if expected.rate_ml_h is not None else []),
                  component("site", valueCodeableConcept={"text": label(spec, infusion_checks.SITE, one.site)}),
                  *([component("vip", valueInteger=one.vip)] if one.vip is not None else []),
                  component("line", valueBoolean=one.line_intact),
                  component("working" if one.asked_on_hold else "running", valueBoolean=one.pump_working)]
    seen = findings(one, expected)
    words = infusion_checks.found_words(one, expected, seen, infusion_checks.site_label(
        spec.field(infusion_checks.SITE), one, "en"), "en") if seen else []
    return record_observation(
        record, ctx, stays, "therapy", CODE, record.data[infusion_checks.CHECKED_AT],
        partOf=[reference(bag.record_id)], component=components,
        **({"interpretation": [{"text": "Abnormal: " + " ".join(words)}]} if words else {}),
        **({"note": [{"text": one.action}]} if one.action else {}))
