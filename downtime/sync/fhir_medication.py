"""Downtime medication orders as MedicationRequest and every dose given or not given as
MedicationAdministration, pointing at its order, so the records office can rebuild the MAR of
the outage in the EHR: who gave what when, the controlled-drug witness or the high-alert
medicine's second check, the ward nurse supervising a student nurse's dose, and why a dose was
missed."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

from sqlite_utils import Database

from downtime.domain import child_fluids
from downtime.domain.census import Movement, MovementEvent
from downtime.domain.clock import DATED, ward_time
from downtime.domain.covert import Covert
from downtime.domain.infusion_check import InfusionCheck
from downtime.domain.laterality import BILATERAL
from downtime.domain.medication import Administration, Frequency, Order, Outcome
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.domain.roles import SUPERVISED
from downtime.formspec import FormSpec
from downtime.formspec.values import format_value
from downtime.i18n import LANGUAGES, message
from downtime.services import cd_register, census, infusion_checks, infusion_rates
from downtime.services.medication import (
    ALLERGY_REASON,
    CONTINUES,
    DOSE_FORM,
    DOSE_RATE,
    DOSE_REASON,
    GIVEN_BY,
    GIVEN_COVERTLY,
    ORDER_FORM,
    PRESCRIBER,
    SAID_FORMS,
    administration_of,
    order_of,
    placed_at,
    stay_end,
)
from downtime.services.telephone_orders import COUNTERSIGNED, TELEPHONE, TELEPHONE_AT
from downtime.storage.fhir_sent import records_sent
from downtime.storage.records import chunks, histories, marks
from downtime.sync.snapshot_fhir import (
    CONTROLLED_EXTENSION,
    DOSE_RULE_EXTENSION,
    HIGH_ALERT_EXTENSION,
    TIME_CRITICAL_EXTENSION,
)
from downtime.sync.fhir_codes import (
    ADMIN_FUNCTION,
    NOT_GIVEN,
    NOT_GIVEN_REASON,
    PARTICIPATION_TYPE,
    ROUTES,
    SNOMED,
    UCUM,
    UCUM_UNITS,
    coding,
)
from downtime.sync.fhir_elements import (
    Context,
    Group,
    Made,
    label,
    moment,
    patient_key,
    record_identifier,
    reference,
)
from downtime.sync.fhir_stays import Stays

EHR_ORDER_SYSTEM = "urn:downtime:ehr-order-number"
REVIEW_EXTENSION = "urn:downtime:review-date"
"""An order's review date as its prescriber wrote it (an antibiotic's, Start Smart then Focus):
R4's MedicationRequest has no element for it (`dispenseRequest.validityPeriod` is how long the
prescription may be dispensed, `expectedSupplyDuration` how long a supply lasts); a course's length
is its stop, the timing's `boundsPeriod.end`."""
_EIE = RecordStatus.ENTERED_IN_ERROR
# Why an order still open when its patient's stay ended was stopped then (see `_request`).
_LEFT = {Movement.DEATH: "Patient died", Movement.DISCHARGE: "Patient discharged",
         Movement.TRANSFER_OUT: "Patient transferred to another hospital"}


def order_key(record_id: str) -> str:
    return f"order:{record_id}"


def dose_key(record_id: str) -> str:
    return f"dose:{record_id}"


def medication_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per order and one per dose, each naming the stay it is of (`stays`); a dose
    needs its order and its patient. An order
    open when its stay ended changes with the record that ended it (a death typed after an
    export sends its orders again, stopped; one recorded under a linked number too, see
    `_left_elsewhere`), and a once-only order with the dose that gave it
    (sent again, completed). An order prescribing again one of an earlier stay names it, and so
    needs it."""
    orders = {record.record_id: (record, order_of(record)) for record in ctx.current(db, ORDER_FORM)}
    doses = ctx.current(db, DOSE_FORM)
    given_once = {record.data["order"]: record.record_id for record in doses
                  if record.status is not _EIE and record.data.get("outcome") == Outcome.GIVEN.value
                  and orders[record.data["order"]][1].frequency is Frequency.ONCE}
    moves = census.movement_events(db, ctx.patient_ids)
    why_stopped = _stop_reasons(db, [record for record, order in orders.values() if order.stop_at is not None])
    signed = _countersigners(db, ctx, [record for record, order in orders.values()
                                       if order.telephone and order.awaiting_since is None])
    bags = running_bags(db, ctx, stays, orders, doses, moves)
    groups = {}
    for record_id, (record, order) in orders.items():
        given = given_once.get(record_id)
        bag = bags.get(given) if given else None
        # Its one dose given, a once-only order is done, but a once-only infusion's once its bag is
        # taken down or run in (Running.done).
        done = given is not None and (order.rate_ml_h is None or bag is not None and bag.done is not None)
        placed, left = _stay_left(record, order, moves, stays, ctx)
        ended = None if record.status is _EIE or done else left
        groups[order_key(record_id)] = Group(
            order_key(record_id), partial(_one, partial(_request, stays=stays, ended=ended, placed=placed,
                                                        completed=done,
                                                        why_stopped=why_stopped.get(record_id),
                                                        countersigned=signed.get(record_id)), record, order, ctx),
            frozenset({record_id} | ({ended.record_id} if ended else set()) | ({given} if given else set())
                      | (finished.records if bag and (finished := bag.done) else set())),
            frozenset({patient_key(str(record.patient_id))}
                      | ({order_key(prior)} if (prior := record.data.get(CONTINUES)) else set())),
            bag.resend_with if bag else frozenset())
    destroyed = _left_in_infusion(db, bags)
    died = {event.patient_id: event.occurred_at for found in moves.values() for event in found
            if event.movement is Movement.DEATH}
    for record in doses:
        if _taken_off_the_body(record, died.get(str(record.patient_id))):
            continue
        order = orders[record.data["order"]][1]
        bag = bags.get(record.record_id)
        end = bag.end if bag else None
        groups[dose_key(record.record_id)] = Group(
            dose_key(record.record_id),
            partial(_one, partial(_administration, stays=stays, bag=bag,
                                  destroyed=destroyed.get(record.record_id, ())), record, order, ctx),
            frozenset({record.record_id, *(end.records if end else ())}),
            frozenset({patient_key(str(record.patient_id)), order_key(order.record_id)}),
            bag.resend_with if bag else frozenset())
    return groups


def _taken_off_the_body(record: RecordVersion, died: datetime | None) -> bool:
    """Whether a dose record is a patch taken off the body at last offices, after the death `died`
    (its dose not given, the previous patch removed or not found: census.LAST_OFFICES): no dose
    was due of the dead, and sent, it read as a fentanyl dose "not-done" dated after the
    Patient's deceasedDateTime. It is left out of the bundle; the CSV keeps it."""
    return (died is not None and record.data.get("outcome") == Outcome.NOT_GIVEN.value
            and census.at_last_offices(DOSE_FORM, record.data) and administration_of(record).at >= died)


def _stay_left(record: RecordVersion, order: Order, moves: Mapping[str, list[MovementEvent]], stays: Stays,
               ctx: Context) -> tuple[datetime, MovementEvent | None]:
    """The moment whose stay the order is of (medication.placed_at), and the death, discharge or
    transfer out that ended that stay while the order stood (medication.stay_end, or one recorded
    under a linked number: `_left_elsewhere`), which ends the order and any bag of it still up."""
    placed = placed_at(order, ctx.original(record).recorded_at, moves[order.patient_id])
    return placed, (stay_end(order, ctx.original(record).recorded_at, moves[order.patient_id], ctx.at)
                    or _left_elsewhere(order, placed, stays, ctx))


@dataclass(frozen=True)
class End:
    """When a bag, or one of its rates, ended, and the records that say so (its stop, the next
    bag, the order by its stop or by the rate and volume its bag ran in at, the leaving): what its
    resource is made of besides its own record (fhir_elements.Group.sources)."""

    at: datetime
    records: frozenset[str]


@dataclass(frozen=True)
class Running:
    """A dose given as a bag that runs on (a syringe driver, a drip: given with a rate, or its rate
    changed since) with what may end it: its rate changes (fhir_infusion_rates) and checks, its
    order's doses (the next bag put up), its order (its stop) and the leaving that ended the stay.
    Sent as a dose at the instant it was set up, "completed", a 24-hour morphine driver read in the
    EHR as a finished stat dose, and a second driver could be charted beside it. `at` is the
    export's moment, `left_out` the records the bundle leaves out (fhir_elements.Context)."""

    version: RecordVersion
    bag: Administration
    order: Order
    changes: list[tuple[infusion_rates.RateChange, RecordVersion]]
    """The bag's rate changes in time order, withdrawn ones too (a stop withdrawn opens its period again)."""
    order_doses: list[tuple[Administration, RecordVersion]]
    left: MovementEvent | None
    checks: list[tuple[InfusionCheck, RecordVersion]]
    """The bag's checks in time order, withdrawn ones too; the last standing times its run-in (`ended`)."""
    at: datetime
    left_out: Collection[str]
    stops_sent: Collection[str]
    """Its stops charted after the leaving that an earlier bundle sent (`taken_down_after_leaving`)."""

    def ended(self, start: datetime, by: Collection[str]) -> End | None:
        """When what began at `start` (the bag, or one of its rates) ended, by the export's moment:
        at the first after it of the bag's standing changes of the kinds `by` (a bag ends at its
        stop, a rate at any change), the order's next bag put up, the order's stop, the end of the
        stay and its run-in (infusion_rates.runs_until: its volume at its rates, or 4 hours for an
        intermittent dose by mass); None while none has come, as it still runs. A bag simply
        changed for the next, or an order stopped with no stop charted, left the old bag running
        for ever beside the new; the 06:00 vancomycin, given over an hour, ran until the 18:00
        dose, and a stat metronidazole for ever; a driver whose order stops tomorrow went
        "completed", ended a day ahead. What the bundle leaves out ends nothing: one dose on hold,
        or the ward's twin of one not to be entered, withheld the earlier bag it ended."""
        return self._first(start, [*self._own(by),
                                   *((other.at, {version.record_id}) for other, version in self._later_given()[:1]),
                                   *([(self.order.stop_at, {self.order.record_id})] if self.order.stop_at else []),
                                   *([(self.left.occurred_at, {self.left.record_id})] if self.left else [])])

    @property
    def end(self) -> End | None:
        """When the bag itself ended (`ended`: by its stop, not by a change of its rate)."""
        return self.ended(self.bag.at, {infusion_rates.STOPPED})

    @property
    def done(self) -> End | None:
        """When the bag ended by itself, taken down or run in, before anything else ended it: a
        once-only infusion's order is completed then (`medication_groups`). Its order stopped or
        its stay ended first, the order is stopped with them; and a stat metronidazole run in
        stayed "active", a dose still to give."""
        own = self._first(self.bag.at, self._own({infusion_rates.STOPPED}))
        return own if own is not None and own == self.end else None

    def halted(self, left_in_it: bool) -> bool:
        """Whether the bag was stopped before it all ran in (FHIR's `stopped`, "permanently halted,
        before all of them occurred", not `completed`). Ended by the death, or charted stopped at
        or after it (as infusion_rates._left_to_destroy reads a bag up at the death), it was. Ended
        by a discharge or a transfer out, or charted stopped then, it may have gone with the
        patient, running (infusion_rates.UP_WHEN_LEFT): it was not, unless the register says drug
        was left in it and destroyed (`left_in_it`, `_some_left`). Otherwise: by its own stop or
        its order's before the run-in it would have had without its stop (`_run_in`), it was; by
        the next bag, it is taken to have run through, changed a minute before it ran out. With no
        run-in known (a syringe driver dosed by mass), the register alone tells (`left_in_it`): a
        24-hour driver's order stops 24 hours after it was set up. A litre taken down two hours in
        went to the EHR "completed", its whole 1000 mL given, and a morphine driver stopped by the
        death its whole 10 mg."""
        end = self.end
        if end is None:
            return False
        run_in, standing, _ = self._run_in(but={infusion_rates.STOPPED})
        stop = next((change for change, version in standing if change.change == infusion_rates.STOPPED
                     and version.record_id in end.records and change.at == end.at), None)
        if self.left is not None and (self.left.record_id in end.records
                                      or stop is not None and stop.at >= self.left.occurred_at):
            return self.left.movement is Movement.DEATH or left_in_it
        if run_in is None:
            return left_in_it
        return end.at < run_in and (stop is not None
                                    or self.order.record_id in end.records and end.at == self.order.stop_at)

    def taken_down_after_leaving(self, change: infusion_rates.RateChange, version: RecordVersion) -> bool:
        """Whether `change` is the bag's stop charted after the death (or discharge, transfer out)
        that ended its stay, as the body is laid out (`_after_leaving`), that no earlier bundle
        sent (`stops_sent`): the bag ended at the leaving, and the stop is said in its note
        (`fhir_medication._administration`), never as an administration of its own dated after
        Patient.deceasedDateTime. One charted before the death was recorded, and exported then as
        an administration of its own, goes again as it went, so that an EHR that holds it is not
        left with it unsaid, and the note does not say it twice."""
        return _after_leaving(change, self.left) and version.record_id not in self.stops_sent

    @property
    def stops_after_leaving(self) -> list[infusion_rates.RateChange]:
        """Its standing stops charted after the leaving (`taken_down_after_leaving`)."""
        return [change for change, version in self.changes
                if self._stands(version) and self.taken_down_after_leaving(change, version)]

    def _run_in(self, but: Collection[str] = ()) -> tuple[
            datetime | None, list[tuple[infusion_rates.RateChange, RecordVersion]], InfusionCheck | None]:
        """When the bag is taken to have run in (infusion_rates.runs_until: from its order's rate
        and volume, its standing changes but those of the kinds `but`, and its last check), with its
        standing changes and that check. Without its stop (`halted`): a bag stopped before it ran in
        has none, runs_until ending at its stop."""
        standing = [(change, version) for change, version in self.changes if self._stands(version)]
        checked = infusion_rates.last_checked([check for check, version in self.checks if self._stands(version)],
                                              self.at)
        return infusion_rates.runs_until(self.order, self.bag, [change for change, _ in standing
                                                                if change.change not in but], checked), \
            standing, checked

    def _own(self, by: Collection[str]) -> list[tuple[datetime, set[str]]]:
        """The ends the bag's own records give, each with the records that say it: its standing
        changes of the kinds `by` and its run-in (`_run_in`)."""
        run_in, standing, checked = self._run_in()
        return [*((change.at, {version.record_id}) for change, version in standing if change.change in by),
                *([(run_in, {self.order.record_id, *([checked.record_id] if checked else []),
                             *(version.record_id for change, version in standing if change.at < run_in)})]
                  if run_in else [])]

    def _first(self, start: datetime, ends: list[tuple[datetime, set[str]]]) -> End | None:
        """The first of `ends` after `start` by the export's moment, none left out (`ended`)."""
        found = [End(at, frozenset(records)) for at, records in ends
                 if start < at <= self.at and records.isdisjoint(self.left_out)]
        return min(found, key=lambda end: end.at, default=None)

    @property
    def resend_with(self) -> frozenset[str]:
        """The records whose change may move its end (`ended`), so that its resources, and its
        rates', go again when the stop, the next bag or the check it ran in by arrives on a later
        stick: its order, its changes and checks, the leaving, and the order's later doses up to
        the next bag put up (every bag sent again with each new one, a fortnight's drip forty
        bags at each export)."""
        later = [version for other, version in sorted(self.order_doses, key=lambda pair: pair[0].at)
                 if other.at > self.bag.at]
        following = self._later_given()
        upto = later.index(following[0][1]) + 1 if following else len(later)
        return frozenset({self.order.record_id, *(version.record_id for _, version in self.changes),
                          *(version.record_id for _, version in self.checks),
                          *(version.record_id for version in later[:upto]),
                          *([self.left.record_id] if self.left else [])})

    def _later_given(self) -> list[tuple[Administration, RecordVersion]]:
        """The order's later bags put up that stand, the next first."""
        return sorted(((other, version) for other, version in self.order_doses
                       if other.at > self.bag.at and other.outcome is Outcome.GIVEN and self._stands(version)),
                      key=lambda pair: pair[0].at)

    def _stands(self, version: RecordVersion) -> bool:
        """Whether a record may end the bag: not withdrawn, and not left out of the bundle."""
        return version.status is not _EIE and version.record_id not in self.left_out


def running_bags(db: Database, ctx: Context, stays: Stays, orders: Mapping[str, tuple[RecordVersion, Order]],
                 doses: Sequence[RecordVersion], moves: Mapping[str, list[MovementEvent]]) -> dict[str, Running]:
    """Each dose given with a rate, or whose rate was changed since, by its record id (`Running`),
    for its own resource and its rate changes' (fhir_infusion_rates), which end as it does."""
    changes: dict[str, list[tuple[infusion_rates.RateChange, RecordVersion]]] = {}
    for version in ctx.current(db, infusion_rates.FORM):
        change = infusion_rates.change_of(version)
        changes.setdefault(change.bag_id, []).append((change, version))
    checks: dict[str, list[tuple[InfusionCheck, RecordVersion]]] = {}
    for version in ctx.current(db, infusion_checks.FORM):
        check = infusion_checks.check_of(version)
        checks.setdefault(check.bag_id, []).append((check, version))
    bags = {record.record_id: str(record.data["order"]) for record in doses if record.record_id in changes
            or record.data.get("outcome") == Outcome.GIVEN.value and record.data.get(DOSE_RATE)}
    infused = set(bags.values())
    doses_of: dict[str, list[tuple[Administration, RecordVersion]]] = {}
    for record in doses:
        if (order_id := str(record.data["order"])) in infused:
            doses_of.setdefault(order_id, []).append((administration_of(record), record))
    left = {order_id: _stay_left(*orders[order_id], moves, stays, ctx)[1] for order_id in doses_of}
    sent = records_sent(db, [version.record_id for bag_id, order_id in bags.items()
                             for change, version in changes.get(bag_id, []) if _after_leaving(change, left[order_id])])
    return {record.record_id: Running(record, dose, orders[order_id][1],
                                      sorted(changes.get(record.record_id, []), key=lambda pair: pair[0].at),
                                      pairs, left[order_id],
                                      sorted(checks.get(record.record_id, []), key=lambda pair: pair[0].at),
                                      ctx.at, ctx.left_out, sent)
            for order_id, pairs in doses_of.items() for dose, record in pairs if record.record_id in bags}


def _after_leaving(change: infusion_rates.RateChange, left: MovementEvent | None) -> bool:
    """Whether `change` is a stop charted after the leaving that ended the bag's stay, as the
    body is laid out (Running.taken_down_after_leaving)."""
    return change.change == infusion_rates.STOPPED and left is not None and change.at > left.occurred_at


def _left_in_infusion(db: Database, bags: Collection[str]) -> dict[str, list[str]]:
    """What the controlled-drug register says was left in each of these bags and destroyed,
    witnessed (cd_register.cd_waste's "Left in the infusion, destroyed: 8.5 mg …", in the words
    of the nurse's laptop), by dose id, of lines not struck out: the EHR read a morphine driver
    halted by the death as its whole 10 mg given, and nothing of the 8.5 mg destroyed. The table
    is the laptop's own, never imported (the merge writes the wards' registers to CSV only,
    cd_register_csv): only the ward's own export says it; nor is a line written after an export
    a record that sends the bag again."""
    found: dict[str, list[str]] = {}
    for ids in chunks(bags):
        for record_id, note in db.execute(
                f"SELECT record_id, note FROM cd_register WHERE kind = 'wastage' AND {cd_register.STANDING}"
                f" AND record_id IN ({marks(ids)}) ORDER BY rowid", ids):
            found.setdefault(str(record_id), []).append(str(note or ""))
    return found


def _some_left(destroyed: Sequence[str]) -> bool:
    """Whether the register's lines against a bag (`_left_in_infusion`) say drug was left in it
    and destroyed, and not only "Nothing left in the infusion": cd_register.cd_waste keeps both
    with no quantity (taken from the register whole at the set-up), the amount in the note alone,
    in the language of the laptop that wrote it (`Running.halted`)."""
    nothing = tuple(message(lang, cd_register.NOTHING_LEFT_IN_INFUSION) for lang in LANGUAGES)
    return any(not said.startswith(nothing) for said in destroyed)


def _left_elsewhere(order: Order, placed: datetime, stays: Stays, ctx: Context) -> MovementEvent | None:
    """The death, discharge or transfer out recorded under a downtime number linked to the
    order's patient's that ended the stay the order was placed in (fhir_stays.Stays.left_elsewhere),
    by `ctx.at`, if the order outlived it: one person admitted on two laptops died on the second's
    ward, and the order the first wrote went to the EHR live. The order is then ended as by its
    own patient's leaving (`stay_end`)."""
    found = stays.left_elsewhere(order.patient_id, placed)
    if found is None:
        return None
    spec, record = found
    if record.occurred_at > ctx.at or (order.stop_at is not None and order.stop_at <= record.occurred_at):
        return None
    return census.event_of(spec, record.patient_id, record.record_id, record.data, record.occurred_at,
                           ctx.original(record).recorded_at)


def _stop_reasons(db: Database, stopped: list[RecordVersion]) -> dict[str, str]:
    """The reason of the amendment that set each of these orders' stop, by id (none for an order
    written with its stop): "Reviewed on readmission: not continued — …", "Rash after the third
    dose". The amendment that set it, not the latest: one adding an indication since is not why
    the order stopped. Few orders are amended, so only theirs are read, at once."""
    reasons = {}
    for record_id, versions in histories(db, [record.record_id for record in stopped if record.version > 1]).items():
        stop = versions[-1].data.get("stop_at")
        setting = next(number for number in range(len(versions), 0, -1)
                       if number == 1 or versions[number - 2].data.get("stop_at") != stop)
        if setting > 1 and versions[setting - 1].reason:
            reasons[record_id] = versions[setting - 1].reason
    return reasons


def _countersigners(db: Database, ctx: Context, signed: list[RecordVersion]) -> dict[str, str]:
    """Who countersigned each of these telephone orders and when, by id: the author of the version
    that first said it countersigned ("Dr Karim Benali (doctor), 2026-11-28T15:10+01:00"), not
    the latest's, who may have changed the order since. Only their histories are read, at once."""
    found = {}
    for record_id, versions in histories(db, [record.record_id for record in signed]).items():
        signing = next((version for version in versions if version.data.get(COUNTERSIGNED) is True), None)
        if signing is not None:
            found[record_id] = (f"{ctx.person(signing.author, signing.device_id)['display']}, "
                                f"{moment(signing.recorded_at)}")
    return found


def _one(build: Callable[[RecordVersion, Order, Context], dict[str, Any]], record: RecordVersion, order: Order,
         ctx: Context) -> Made:
    """The group of an order or a dose: one resource, made from that record."""
    return Made([build(record, order, ctx)], {record.record_id: [record.record_id]})


def _request(record: RecordVersion, order: Order, ctx: Context, stays: Stays, ended: MovementEvent | None,
             placed: datetime, completed: bool = False, why_stopped: str | None = None,
             countersigned: str | None = None) -> dict[str, Any]:
    """Stopped once its stop time has passed at the moment of export; an order stopped early is
    an amendment that sets the stop time, so it reads the same. An order still open when its
    patient died, was discharged or transferred out (`ended`, see medication.stay_end) is
    stopped then, as the EHR stops a patient's orders when they leave, the order as written
    said in a note: it went out "active", a live order a records clerk would enter for a dead
    patient. The record is not changed: the stay's end is derived, as the MAR's "not in
    hospital" is. A once-only order whose dose was given is `completed`: "active", it was one
    still to give, a second dose for whoever back-entered it; but an infusion with a rate started
    once runs until its bag is taken down or has run in (it went out "completed" while heparin
    ran), and is "active" until then, or stopped with the stay (a midazolam driver taken down before a transfer
    went out "active", a live infusion for a patient who had left). A stopped order says why
    (`why_stopped`: the reason of the amendment that set its stop, see `_stop_reasons`). One
    prescribing again an order of an earlier stay names it as its prior prescription: the clerk
    entered two furosemide orders with nothing to tie the second to the first. A telephone order
    names the nurse who took it as its recorder, its prescriber as requester, and says whether a
    doctor has countersigned it, and who and when (`countersigned`, see `_countersigners`)."""
    status = "active"
    if record.status is _EIE:
        status = "entered-in-error"
    elif completed:
        status = "completed"
    elif ended is not None or order.stop_at is not None and order.stop_at <= ctx.at:
        status = "stopped"
    first = ctx.original(record)
    identifiers = record_identifier(record.record_id)
    if ehr := record.data.get("ehr_order_id"):
        identifiers.append({"system": EHR_ORDER_SYSTEM, "value": str(ehr)})
    resource: dict[str, Any] = {
        "resourceType": "MedicationRequest", "id": record.record_id, "identifier": identifiers,
        "status": status, "intent": "order", "medicationCodeableConcept": {"text": _medicine(order, ctx.forms[ORDER_FORM])},
        "subject": reference(order.patient_id),
        **stays.encounter_at(order.patient_id, placed),
        "authoredOn": moment(first.recorded_at),
        "requester": {"display": str(prescriber)} if (prescriber := record.data.get(PRESCRIBER)) else ctx.author(first),
        "dosageInstruction": [_instruction(order, ctx.forms[ORDER_FORM], ended)]}
    if prior := record.data.get(CONTINUES):
        resource["priorPrescription"] = reference(str(prior))
    if ended is not None:
        resource["statusReason"] = {"text": _LEFT[ended.movement]}
    elif status == "stopped" and why_stopped:
        resource["statusReason"] = {"text": why_stopped}
    if order.indication:  # why it was prescribed, free text: no code is invented for it
        resource["reasonCode"] = [{"text": order.indication}]
    # The flags as the EHR's snapshot gives them to this app (sync.snapshot_fhir), for an
    # interface to map without reading the note's words.
    resource["extension"] = [{"url": url, "valueBoolean": flag} for url, flag in (
        (CONTROLLED_EXTENSION, order.controlled), (HIGH_ALERT_EXTENSION, order.high_alert),
        (TIME_CRITICAL_EXTENSION, order.time_critical))]
    if order.review_at is not None:
        resource["extension"].append({"url": REVIEW_EXTENSION, "valueDateTime": moment(order.review_at)})
    flags = [text for flag, text in ((order.controlled, "Controlled drug (witnessed administration)"),
                                     (order.high_alert, "High-alert medicine"),
                                     (order.time_critical, "Time-critical: within 30 minutes of its time")) if flag]
    notes = ["; ".join(flags)] if flags else []
    notes += [f"Review by {moment(order.review_at)}"] if order.review_at is not None else []
    if ended is not None:
        written = f"it stopped {moment(order.stop_at)}" if order.stop_at else "it had no stop"
        notes.append(f"Ended with the stay ({_LEFT[ended.movement].lower()} {moment(ended.occurred_at)});"
                     f" as written, {written}")
    if allergy := record.data.get(ALLERGY_REASON):  # the override of a dose's note, asked of the prescriber
        notes.append(f"Prescribed despite the recorded allergy: {allergy}")
    if above := record.data.get(DOSE_REASON):  # an opioid above a usual first dose (see order_units)
        # or a child's fluid above its maintenance rate (domain.child_fluids), kept in one field
        said = "Rate above the child's maintenance" if child_fluids.is_fluid(order) else "Prescribed above a usual first dose"
        notes.append(f"{said}: {above}")
    if order.review_reason:  # the antibiotic's late review or long course (services.medication._check_review_in_time)
        notes.append(f"Long course / late review: {order.review_reason}")
    if order.telephone:
        if first.data.get(TELEPHONE) is True:  # else a written order a nurse changed by telephone since
            resource["recorder"] = ctx.author(first)
        given = f" given {moment(first.data[TELEPHONE_AT])}" if first.data.get(TELEPHONE_AT) else ""
        notes.append(f"Telephone order{given}, read back to the prescriber; " + (
            "NOT countersigned by a doctor" if order.awaiting_since is not None else
            f"countersigned by {countersigned}" if countersigned else "countersigned by a doctor"))
    if notes:
        resource["note"] = [{"text": note} for note in notes]
    return resource


def _medicine(order: Order, spec: FormSpec) -> str:
    """The medicine as the order names it, with the form its words say (medication.SAID_FORMS: a
    patch entered as a cream, "Rivastigmine 9.5 mg TOP") and a liquid's strength, by which a
    dose in mL is so many mg."""
    said = order.drug
    if order.form in SAID_FORMS and (form := label(spec, "form", order.form).lower()) not in said.lower():
        said += f" {form}"
    if order.strength_mg is not None and order.strength_ml is not None:
        said += f", {order.strength_mg:g} mg in {order.strength_ml:g} mL"
    return said


# Where an order of these routes is put, by its side (Order.side): its dosage's site.
_SITES = {"EYE": ("eye", "eyes"), "EAR": ("ear", "ears"), "NAS": ("nostril", "nostrils")}


def _site(order: Order) -> dict[str, str] | None:
    """The eye, ear or nostril an order treats ("left eye", "both ears"), in words: no code is
    invented for it."""
    if order.side is None or order.route not in _SITES:
        return None
    one, both = _SITES[order.route]
    return {"text": f"both {both}" if order.side == BILATERAL else f"{order.side} {one}"}


def _instruction(order: Order, spec: FormSpec, ended: MovementEvent | None) -> dict[str, Any]:
    """`ended`: the movement that ended the order's stay before its stop, which is its end. A
    variable dose's order (its `dose_rule`) says what it says: a dose up to its most, a
    `doseRange` with no low (the rule may give none), also its `maxDosePerAdministration`, and
    its rule in the instruction's text and as written (`DOSE_RULE_EXTENSION`), for a snapshot to
    read it back: with no dose at all, the app's own bundle was refused as a snapshot ("dosage
    doseQuantity is missing"). An as-required range says its two ends as `doseRange`."""
    amounts = f"{order.dose:g}" if order.dose_min is None else f"{order.dose_min:g}-{order.dose:g}"
    dose = f"{amounts} {order.dose_unit} {order.route}"
    stop = ended.occurred_at if ended is not None else order.stop_at
    bounds = {"start": moment(order.start_at)} | ({"end": moment(stop)} if stop else {})
    high = _quantity(order.dose, order.dose_unit)
    amount: dict[str, Any] = {"doseQuantity": high} if order.dose_min is None and order.dose_rule is None else {
        "doseRange": ({"low": _quantity(order.dose_min, order.dose_unit)} if order.dose_min is not None else {})
        | {"high": high}}
    if order.dose_rule is not None:
        dose = f"variable dose, up to {dose}, by the rule: {order.dose_rule};"
    if order.rate_ml_h is not None:
        dose += f" at {order.rate_ml_h:g} mL/h"
        amount["rateQuantity"] = _quantity(order.rate_ml_h, "mL/h")
    instruction: dict[str, Any] = {"route": _route(spec, order.route), "doseAndRate": [amount]}
    if site := _site(order):
        instruction["site"] = site
    if order.dose_rule is not None:
        instruction["extension"] = [{"url": DOSE_RULE_EXTENSION, "valueString": order.dose_rule}]
        instruction["maxDosePerAdministration"] = high
    if order.frequency is Frequency.SCHEDULED:
        times = [f"{clock:%H:%M}" for clock in order.times]
        instruction["text"] = f"{dose} at {' '.join(times)}"
        instruction["timing"] = {"repeat": {"boundsPeriod": bounds,
                                            "timeOfDay": [clock.isoformat(timespec="seconds") for clock in order.times]}}
        if order.every_days > 1:  # its times on one day in so many, from its start's day
            instruction["text"] += f", every {order.every_days} days"
            instruction["timing"]["repeat"] |= {"frequency": len(order.times), "period": order.every_days,
                                                "periodUnit": "d"}
    elif order.frequency is Frequency.PRN:
        limits = [f"as required: {order.prn_indication}"]
        if order.min_interval_hours is not None:
            limits.append(f"at least {order.min_interval_hours:g} h apart")
        if order.max_doses_24h is not None:
            limits.append(f"at most {order.max_doses_24h} doses in 24 h")
            instruction["maxDosePerPeriod"] = {"numerator": _quantity(order.dose * order.max_doses_24h,
                                                                      order.dose_unit),
                                               "denominator": _quantity(24, "h")}
        instruction["text"] = f"{dose} " + "; ".join(limits)
        instruction["asNeededCodeableConcept"] = {"text": order.prn_indication}
        instruction["timing"] = {"repeat": {"boundsPeriod": bounds}}
        if order.min_interval_hours is not None:  # once every so many hours at most, as a snapshot reads it back
            instruction["timing"]["repeat"] |= {"frequency": 1, "period": order.min_interval_hours, "periodUnit": "h"}
    else:
        # On the ward's clock: a stat dose due at 10:00 typed on a laptop set to UTC read "once, 09:00".
        instruction["text"] = f"{dose} once, {ward_time(order.start_at, None, DATED)}"
        instruction["timing"] = {"event": [moment(order.start_at)]}
    if order.covert is not None:  # given disguised in food or drink (domain.covert)
        instruction["additionalInstruction"] = [{"text": _covert(order.covert)}]
    return instruction


def _covert(decision: Covert) -> str:
    """A covert order's instruction in words, with the decision it stands on and its review, as
    the order keeps them: no code is invented for it."""
    said = [f"Given covertly, disguised in food or drink: {decision.how}",
            f"Mental Capacity Act best-interests decision {moment(decision.decided_at)} by {decision.decided_by}"]
    said += [f"pharmacist advised: {decision.pharmacist}"] if decision.pharmacist else []
    said += [f"review by {moment(decision.review_by)}"] if decision.review_by else []
    return "; ".join(said)


# A dose's second clinician (its `witness`), by the check its order asks for
# (cd_register.second_check): its code (HL7's `witness` for a controlled drug's, `verifier` for a
# high-alert medicine's independent double check) and words, so the EHR does not read an insulin
# dose as witnessed for a controlled drug. Of an order now neither (its flag amended off since the
# dose), `witness` and the field's label.
_SECOND_CHECKS = {cd_register.WITNESS: ("witness", "Witness (controlled drug)"),
                  cd_register.HIGH_ALERT_CHECK: ("verifier", "Second check (high-alert medicine)")}
# The ward nurse supervising a student nurse's dose (cd_register.SUPERVISION), accountable for it:
# HL7 v3's responsible party, not a witness (fhir_codes.PARTICIPATION_TYPE).
_SUPERVISOR = (PARTICIPATION_TYPE, "RESP", "Supervisor (student nurse's dose)")


def _second_functions(order: Order, giver_role: str | None, field_label: str) -> list[tuple[str, str, str]]:
    """What the dose's second clinician did, as (system, code, words), one performer each: a
    student nurse's dose (`giver_role`) is supervised, and of a controlled drug or a high-alert
    medicine also witnessed or checked by that same nurse (cd_register.SUPERVISION), the register
    and the EHR's controlled-drug record needing its witness all the same. Sent as a witness, a
    supervisor read as a controlled drug's witness on a paracetamol tablet. A giver's role not
    known here (an older app's export, its staff directory not with it) reads as before."""
    check = cd_register.second_check(order)
    functions = [_SUPERVISOR] if giver_role in SUPERVISED else []
    if check is not None or not functions:
        code, words = _SECOND_CHECKS.get(check, ("witness", field_label))
        functions.append((ADMIN_FUNCTION, code, words))
    return functions


def _administration(record: RecordVersion, order: Order, ctx: Context, stays: Stays,
                    bag: Running | None = None, destroyed: Sequence[str] = ()) -> dict[str, Any]:
    """The giver is whom the dose names (`given_by`: a dose given on paper by another nurse),
    else whoever wrote version 1 of the dose; the second clinician (a controlled drug's witness, a
    high-alert medicine's second check, a student nurse's supervisor: `_second_functions`) is a
    second performer with its function, said in words. Both are staff IDs of that version's laptop
    (neither is ever amended); the Provenance keeps whoever typed it as its author. A dose
    transcribed from the paper chart says so in a note, as the CSV's `transcribed` column does,
    and where on the paper it is written in the next (the CSV's `paper_reference`); a covert
    order's dose, whether it was given covertly. A `bag` given runs over a period from its set-up,
    `in-progress` until it ends (`Running.end`: its stop, the next bag, the order's stop, the end
    of the stay or its run-in, by the export's moment), then `stopped` if it was halted before it
    ran in (`Running.halted`: a driver running at the death), its stop charted after the leaving
    said in a note (`Running.taken_down_after_leaving`), with what the register says was left in
    it and destroyed (`destroyed`, `_left_in_infusion`). The register is the ward laptop's own
    (cd_register), which no import carries: that note, and a driver halted by the register alone,
    reach the EHR from the ward's own export, not the records office's merged one."""
    dose = administration_of(record)
    spec = ctx.forms[DOSE_FORM]
    given = dose.outcome is Outcome.GIVEN
    # A dose recorded not given before its time (held at 07:00 for theatre) did not take place at
    # its time, which FHIR's effective[x] is: the EHR files it beside its slot, the recording in a note.
    ahead = not given and dose.scheduled_for is not None and dose.at < dose.scheduled_for
    running = given and bag is not None
    ended = bag.end if given and bag is not None else None
    status = ("entered-in-error" if record.status is _EIE else "in-progress" if running and ended is None
              else "stopped" if running and bag.halted(_some_left(destroyed)) else "completed" if given
              else "not-done")
    first = ctx.original(record)
    giver = str(record.data.get(GIVEN_BY) or first.author)
    performers = [{"function": {"coding": [coding(ADMIN_FUNCTION, "performer")]},
                   "actor": ctx.person(giver, first.device_id)}]
    if dose.witness:
        known = ctx.authors.directory.get((first.device_id, giver))
        performers += [{"function": {"coding": [coding(system, code)], "text": words},
                        "actor": ctx.person(dose.witness, first.device_id)}
                       for system, code, words in _second_functions(order, known[1] if known else None,
                                                                    spec.field("witness").label.en)]
    resource: dict[str, Any] = {
        "resourceType": "MedicationAdministration", "id": record.record_id,
        "identifier": record_identifier(record.record_id), "status": status,
        "medicationCodeableConcept": {"text": order.drug}, "subject": reference(str(record.patient_id)),
        **stays.encounter_at(record.patient_id, dose.at, "context"),
        **({"effectivePeriod": {"start": moment(dose.at), **({"end": moment(ended.at)} if ended else {})}} if running
           else {"effectiveDateTime": moment(dose.scheduled_for if ahead else dose.at)}),
        "performer": performers, "request": reference(order.record_id)}
    if not given and dose.reason is not None:
        text = _not_given_words(spec, dose.reason.value)
        # None by its rule says the reading it was decided on ("capillary glucose 6.2"): not done
        # because the rule gives none there, which the EHR's reader checks as the ward did.
        for said in (dose.decided_on, record.data.get("not_given_detail")):
            if said:
                text = f"{text}: {said}"
        reason: dict[str, Any] = {"text": text}
        if dose.reason.value in NOT_GIVEN:
            reason["coding"] = [coding(NOT_GIVEN_REASON, NOT_GIVEN[dose.reason.value])]
        resource["statusReason"] = [reason]
    if given:
        dosage: dict[str, Any] = {}
        if dose.dose is not None:
            dosage["dose"] = _quantity(dose.dose, order.dose_unit)
        if route := record.data.get("route"):
            dosage["route"] = _route(spec, route)
        if site := record.data.get("site"):
            dosage["site"] = {"text": site}
        if dose.rate_ml_h is not None:  # the rate this bag ran at, not the order's amended since
            dosage["rateQuantity"] = _quantity(dose.rate_ml_h, "mL/h")
        if dose.decided_on:  # a variable dose's reading, as the nurse wrote it (no code is made up for it)
            dosage["text"] = f"Dose decided on: {dose.decided_on}"
        if dosage:
            resource["dosage"] = dosage
        if dose.given_for:  # an as-required dose's reason, as the nurse wrote it ("pain 7/10")
            resource["reasonCode"] = [{"text": dose.given_for}]
    notes = [f"Scheduled dose of {moment(dose.scheduled_for)}"] if dose.scheduled_for else []
    notes += [f"Recorded not given at {moment(dose.at)}"] if ahead else []
    # A covert order's dose (form version 4): given disguised in food or drink, or taken openly
    # that time; a dose of version 3 says neither, its order's note saying how its doses are given.
    if (covertly := record.data.get(GIVEN_COVERTLY)) is not None:
        notes.append("Given covertly, disguised in food or drink, as the order's best-interests decision says"
                     if covertly else "Given openly, though the order allows it to be given covertly")
    if dose.on_paper:  # the EHR's reader knows its signatures are on the paper chart, not the laptop's
        notes.append("Transcribed from the paper chart" + (": the witness signed the paper chart, no PIN on the laptop"
                                                           if dose.witness else ""))
        if dose.paper_reference:
            notes.append(f"Paper chart reference: {dose.paper_reference}")
    notes += overridden(spec, record.data.get("overrides"))
    if running:
        notes += [f"Infusion stopped, syringe or bag taken down at {moment(change.at)}, after the end of the stay"
                  + (f": {change.reason}" if change.reason else "")
                  for change in bag.stops_after_leaving]
        notes += [f"Controlled-drug register, witnessed: {said}" for said in destroyed]
    if notes:
        resource["note"] = [{"text": note} for note in notes]
    return resource


_PAPER_WORDS = re.compile(r"^[A-Z] — |\s*\([^)]*\)$")
"""The paper chart's letter before a reason not given, and the instruction to the nurse after it."""


def _not_given_words(spec: FormSpec, code: str) -> str:
    """Why a dose was not given in the form's words, without the paper chart's letter or the
    instruction in brackets ("W — Held for clinical reason (write why)" is "Held for clinical
    reason"): both went to the EHR as the reason. A code the form has dropped is said so (`label`)."""
    said = label(spec, "not_given_reason", code)
    options = spec.field("not_given_reason").options  # type: ignore[union-attr]
    return _PAPER_WORDS.sub("", said) if any(option.code == code for option in options) else said


def overridden(spec: FormSpec, items: list[dict[str, str]] | None) -> list[str]:
    """Each warning a dose, or a change of a bag's rate (fhir_infusion_rates), was saved over, by
    its label on `spec`'s form, with its reason: said by its stored code, a time-critical
    anti-epileptic held for drowsiness went to the EHR as "time critical asleep"."""
    check = {sub.id: sub for sub in spec.field("overrides").fields}["check"]  # type: ignore[union-attr]
    return [f"Warning overridden ({format_value(check, item['check'], 'en')}): {item['reason']}"
            for item in items or []]


def _route(spec: FormSpec, code: str) -> dict[str, Any]:
    """A route in the form's words, and as SNOMED CT where fhir_codes.ROUTES knows it, so the EHR
    need not read "Intravenous (IV)" to know it."""
    route: dict[str, Any] = {"text": label(spec, "route", code)}
    if code in ROUTES:
        route["coding"] = [coding(SNOMED, ROUTES[code][0])]
    return route


def _quantity(value: float, unit: str) -> dict[str, Any]:
    """An amount in the form's unit, with its UCUM code where it has one (a tablet has none)."""
    amount: dict[str, Any] = {"value": value, "unit": unit}
    if unit in UCUM_UNITS:
        amount |= {"system": UCUM, "code": UCUM_UNITS[unit]}
    return amount
