"""What an order of lithium waits on: its latest level received, above its range (domain.lithium),
until the prescriber amends the order once it came back. Read for the dose dialog, the round, the
printed MAR and the letters (services.medication.holds_now)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.clock import ward_time
from downtime.domain.lithium import LEVEL_HIGH, LEVEL_REVIEWED, LITHIUM, high, is_level, names_lithium
from downtime.domain.medication import Check, Order, Outcome, Warning, medicines_in
from downtime.domain.potassium import mmol_per_l
from downtime.domain.records import RecordVersion
from downtime.services import lab_results, medication
from downtime.services.anticoagulation import amended_since
from downtime.services.context import Session
from downtime.storage.records import histories


def level_warnings(found: Order, results: Sequence[lab_results.Received], versions: Sequence[RecordVersion],
                   at: datetime) -> list[Warning]:
    """What a dose of lithium at `at` waits on (none for another medicine): the latest lithium level
    received by then (`results`: the patient's), read in mmol/L as a potassium is (domain.potassium.
    mmol_per_l), when above its range (domain.lithium.high); said as the prescriber's decision
    (`LEVEL_REVIEWED`, holding nothing) once the order's `versions` were amended on its dose, or with
    a reason naming the level, after it came back (services.anticoagulation.amended_since). A newer
    level in range ends it. Times on the ward's clock."""
    if LITHIUM not in medicines_in(found.drug):
        return []
    levels = sorted((one for one in results if is_level(str(one.record.data.get("test") or ""))
                     and elapsed.reached(one.received_at, at)), key=lambda one: elapsed.instant(one.received_at))
    if not levels:
        return []
    latest = levels[-1]
    read = mmol_per_l(str(latest.record.data.get("result") or ""), latest.record.data.get("units"))
    if read is None or not high(read, latest.record.data.get("range")):
        return []
    said = {"drug": " ".join(found.drug.split()), "result": " ".join(str(latest.record.data["result"]).split()),
            "range": " ".join(str(latest.record.data.get("range") or "0.4–1.0").split()),
            "time": ward_time(latest.received_at, None)}
    amended = amended_since(versions, latest.received_at, at, names_lithium)
    if amended:
        return [Warning(Check.LITHIUM_HIGH, LEVEL_REVIEWED, {**said, "reason": " ".join(str(amended[-1].reason or "").split())})]
    return [Warning(Check.LITHIUM_HIGH, LEVEL_HIGH, said)]


def lithium_now(db: Database, found: Iterable[Order], now: datetime) -> dict[str, tuple[Warning, ...]]:
    """What each order of lithium waits on now (`level_warnings`), by order, for the round and the
    charts: results read only for the patients with one."""
    dosed = {one.record_id: one for one in found if LITHIUM in medicines_in(one.drug)}
    if not dosed:
        return {}
    results = lab_results.charts(db, {one.patient_id for one in dosed.values()})
    versions = histories(db, list(dosed))
    return {order_id: tuple(level_warnings(one, results.get(one.patient_id, []), versions.get(order_id, []), now))
            for order_id, one in dosed.items()}


def dose_warnings(session: Session, found: Order, values: dict[str, object]) -> list[Warning]:
    """A dose of lithium given on a high level (`level_warnings`; not one the prescriber decided on,
    which the round quotes). Not of a dose not given, nor of one copied from the paper chart."""
    if values.get("outcome") != Outcome.GIVEN.value or values.get(medication.TRANSCRIBED) \
            or LITHIUM not in medicines_in(found.drug):
        return []
    at = datetime.fromisoformat(str(values["given_at"]))
    return [warning for warning in level_warnings(found, lab_results.chart(session.db, found.patient_id),
                                                  histories(session.db, [found.record_id])[found.record_id], at)
            if warning.template != LEVEL_REVIEWED]
