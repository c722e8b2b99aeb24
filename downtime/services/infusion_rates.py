"""A running infusion's rate changed, paused, or its bag stopped (forms/infusion_rate.yaml), as
the paper infusion chart has a line for each: heparin by the APTT nomogram, a variable-rate
insulin by the glucose, fluids slowed. Before it, a rate changed while the bag ran was refused as
a dose "already given", or written as a new prescription by amending the order; the MAR, the
printed chart and the export showed the bag's first rate all day.

Each line belongs to its bag: a dose given of an infusion's order (domain.medication.infused).
Its rules: a bag given, of an infusion, still running at the change (not stopped before it, no
later bag of its order put up by then); the change after the bag was put up (the form refuses one
in the future); a new rate not after the order's stop; and a stop with no change of the bag after
it; and the change in the patient's stay, but for a stop after their death until the body left the
ward (census.laid_out: a syringe driver taken down at last offices). Written through
`change_rate`, which finds the bag and checks them; an amendment is held to them by
services.records, which runs `check` on it (its form's checks). A VRIII's new rate, or its stop
with no subcutaneous insulin, is questioned as a dose of insulin is (`insulin_asked`), saved
over a warning only with its reason, kept on the change (form version 3)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any, NoReturn, Protocol, TypeVar

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.census import StayStatus
from downtime.domain.infusion_check import VOLUME_FLOOR_ML, InfusionCheck
from downtime.domain.medication import (INFUSION, MASS_IN_MG, WRITTEN_APART, Administration, Check, Frequency, Order, Outcome,
                                        Warning, anticoagulant, given_when_fasting, infused, insulin,
                                        medicines_in, scheduled_slots, written_when)
from downtime.domain.potassium import by_vein_refusal
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.domain.theatre import lowering
from downtime.formspec import FormSpec
from downtime.formspec.values import FieldError
from downtime.i18n import QT_TRANSLATE_NOOP, Lang, decimal_text, message, semicolon
from downtime.services import cd_register, census, glucose, medication, records
from downtime.services.context import Session
from downtime.services.errors import ServiceError, ValidationFailed
from downtime.services.staff import pin_confirmed
from downtime.storage.records import current_of, list_current

FORM = "infusion_rate"
BAG, CHANGED_AT, CHANGE, RATE, REASON = "bag", "changed_at", "change", "rate_ml_h", "reason"
WITNESS, ABOVE_ORDER, OVERRIDES = "witness", "above_order", "overrides"
ABOVE_ORDER_TIMES = 2
"""A new rate above this many times the order's asks why (`ABOVE_ORDER`): a nomogram's or a
sliding scale's step moves the rate by a fraction of it, and a rate doubled or a tenfold slip
(heparin 2 → 20 mL/h) is the error the paper chart's second reader catches; a scale read at its
top row (insulin at a glucose of 25) may be above it, its row the reason. A child's fluid is
asked sooner, above the order's rate and 1.5 times their maintenance (domain.child_fluids)."""
NEW_RATE, PAUSED, STOPPED = "rate", "paused", "stopped"
"""The form's codes of `CHANGE`: a new rate, the pump on hold with the bag left up (restarted by a
new rate), the bag taken down (a bag put up after it is a dose of its own)."""

NOT_A_BAG = QT_TRANSLATE_NOOP("messages", "“{field}”: not a dose given of an infusion of this patient's.")
BEFORE_THE_BAG = QT_TRANSLATE_NOOP("messages", "“{field}”: before the bag was put up ({at}).")
AFTER_THE_STOP = QT_TRANSLATE_NOOP("messages", "“{field}”: the bag was stopped at {at}; a bag put up since is "
                                               "recorded as a dose of its own.")
REPLACED = QT_TRANSLATE_NOOP("messages", "“{field}”: another bag of this order was put up at {at}: change the "
                                         "rate of the bag running then.")
ORDER_STOPPED = QT_TRANSLATE_NOOP("messages", "“{field}”: the order was stopped at {at}: only the bag's stop is "
                                              "recorded after it.")
CHANGED_AFTER = QT_TRANSLATE_NOOP("messages", "“{field}”: the bag's rate is recorded changed after it, at {at}: "
                                              "stop it after that change, or correct the change first.")
CHECKED_WHEN_RECORDED = QT_TRANSLATE_NOOP("messages", "“{field}”: a second check is signed with the checker's PIN "
                                                      "as the rate is recorded, and stands for that rate only: mark "
                                                      "this change entered in error with the reason, and record it "
                                                      "again with its check.")
"""An amendment changing the rate, or the kind of change, of a medicine whose new rate is checked
by two, or carrying a checker onto a rate they did not check, or naming one: the stored
version, the export and the printed chart said the doctor checked 30 mL/h of a heparin they had
checked at 3."""
NONE_RUNNING = QT_TRANSLATE_NOOP("messages", "No bag of {drug} is running: record the bag put up as a dose first.")
NOT_AN_INFUSION = QT_TRANSLATE_NOOP("messages", "{drug} is not an infusion: its doses have no rate to change.")

CHANGE_WORDS = {NEW_RATE: QT_TRANSLATE_NOOP("messages", "→ {rate} mL/h {time}"),
                PAUSED: QT_TRANSLATE_NOOP("messages", "→ paused {time}"),
                STOPPED: QT_TRANSLATE_NOOP("messages", "→ stopped {time}")}
"""A change as the chart writes it under its bag's dose, the time on the ward's clock."""
OVER_A_WARNING = QT_TRANSLATE_NOOP("messages", "{words} — over a warning: {reasons}")
RUNNING = QT_TRANSLATE_NOOP("messages", "running at {rate} mL/h since {time}")
RUNNING_PAUSED = QT_TRANSLATE_NOOP("messages", "paused since {time}")
RAN_OUT = QT_TRANSLATE_NOOP("messages", "should have run out at {time}: record the next syringe or bag, or its stop")
"""A bag whose volume its rates have run in, not recorded taken down (the paper chart never asked
it of a bag that ran through): read "running at 125 mL/h since 08:00" the next morning, the
receiving ward took it for a drip still up."""
RAN_OUT_UNRECORDED = QT_TRANSLATE_NOOP("messages", "should have run out at {time}: neither its stop nor a next syringe "
                                                   "or bag recorded")
"""RAN_OUT as a letter to the next team says it (`running_words`' `letter`): the fact, not this
ward's task; the letter asked a hospital the patient went to to "record the next syringe or bag,
or its stop" (review s65 H2 item 7)."""
READ_ON = QT_TRANSLATE_NOOP("messages", "{words} ({reading})")
"""A rate with the reading it was set on, as the paper chart's line: the next nurse titrating by
the nomogram, and the receiving ward, read which APTT ratio or glucose the rate came from."""
RUNNING_INTO = QT_TRANSLATE_NOOP("messages", "bag of {time}: {running}")
"""A bag put up on an earlier day, as the day's column of the printed chart starts with it."""
EMPTY_BY = {"en": "→ runs through about {time}: record it stopped or the next bag",
            "fr": "→ se termine vers {time} : noter son arrêt ou la poche suivante"}
"""When a bag is emptied by its rates, until then (services.infusion_checks.run_out_words), as the
MAR's screen and its printed chart end the bag's lines with it (services.infusion_checks.chart_lines,
under its dose or in the column of the day it empties): the demo's hyoscine driver, empty about
03:51, was printed "running at 0.7 mL/h" in that night's column, which the screen, the leaving list
and the letter said had run through. It asks what RAN_OUT asks once the bag has run out (its
stop or the next bag), the next bag named: printed before then, "chart its stop" read as stopping
a driver whose order continues, not as having the next syringe ready; "about", as rates are
charted rounded."""
ORDER_STOPPED_RUNNING = QT_TRANSLATE_NOOP("messages", "{running} — order stopped {time}: stop the bag")
ABOVE_ORDER_ASKED = QT_TRANSLATE_NOOP("messages", "“{field}”: {rate} mL/h is over {times} times the prescribed "
                                                  "{ordered} mL/h: check it, and say why in “{why}”.")


@dataclass(frozen=True)
class RateChange:
    """One line of a bag's infusion chart."""

    record_id: str
    bag_id: str
    at: datetime
    change: str
    """One of NEW_RATE, PAUSED, STOPPED."""
    rate_ml_h: float | None
    reason: str | None
    overrides: tuple[str, ...] = ()
    """The reasons it was saved over a warning with (form version 3), none for an earlier version's."""


def change_of(record: RecordVersion) -> RateChange:
    """A change as its record says it."""
    data = record.data
    return RateChange(record.record_id, str(data[BAG]), datetime.fromisoformat(data[CHANGED_AT]), str(data[CHANGE]),
                      data.get(RATE), data.get(REASON) or None,
                      tuple(str(item.get("reason") or "") for item in data.get(OVERRIDES) or []))


class OfABag(Protocol):
    """A line of a bag's chart: a change of its rate, a check of it."""

    @property
    def bag_id(self) -> str: ...

    @property
    def at(self) -> datetime: ...


Line = TypeVar("Line", bound=OfABag)


def standing_by_bag(db: Database, form_id: str, patient_ids: Iterable[str],
                    read: Callable[[RecordVersion], Line]) -> dict[str, list[Line]]:
    """The standing records of `form_id` about these patients' bags, each `read`, by the bag's
    dose id, each bag's in time order: its rate changes (`by_bag`) and its checks
    (services.infusion_checks) alike."""
    found: dict[str, list[Line]] = {}
    for record in list_current(db, form_id=form_id, patient_ids=list(patient_ids)):
        if record.status is not RecordStatus.ENTERED_IN_ERROR:
            line = read(record)
            found.setdefault(line.bag_id, []).append(line)
    return {bag: sorted(lines, key=lambda line: line.at) for bag, lines in found.items()}


def by_bag(db: Database, patient_ids: Iterable[str]) -> dict[str, list[RateChange]]:
    """The standing changes of these patients' bags, by the bag's dose id, each bag's in time order."""
    return standing_by_bag(db, FORM, patient_ids, change_of)


def stop_of(changes: Sequence[RateChange]) -> RateChange | None:
    """The bag's change taking it down, if it was: its time and the reason charted with it, which a
    letter says of a syringe driver taken down (services.prefill)."""
    return next((change for change in changes if change.change == STOPPED), None)


def stopped_at(changes: Sequence[RateChange]) -> datetime | None:
    """When the bag was taken down, if it was."""
    return None if (stop := stop_of(changes)) is None else stop.at


def bags(db: Database, found: Order) -> list[Administration]:
    """The order's doses given, each a bag put up, oldest first."""
    return sorted((dose for dose in medication.administrations(db, found.patient_id)
                   if dose.order_id == found.record_id and dose.outcome is Outcome.GIVEN), key=lambda dose: dose.at)


def running_bag(db: Database, found: Order, at: datetime) -> Administration | None:
    """The bag of an infusion's order running at `at` (`bag_up`), none once the patient's stay has
    ended, as its order stops then: a syringe driver of a patient who died at 13:00 read "running,
    order stopped: stop the bag" the next morning."""
    location = census.location_at(db, found.patient_id, at)
    return bag_up(db, found, at) if location is not None and location.status is StayStatus.IN else None


def bag_up(db: Database, found: Order, at: datetime) -> Administration | None:
    """The bag of an infusion's order up at `at`, the stay over or not: its latest put up by then,
    unless stopped by then; None for another order's."""
    bag = _put_up_by(db, found, at)
    if bag is None:
        return None
    stop = stopped_at(by_bag(db, [found.patient_id]).get(bag.record_id, []))
    return None if stop is not None and stop <= at else bag


def _put_up_by(db: Database, found: Order, at: datetime) -> Administration | None:
    """The latest bag of an infusion's order put up by `at`, stopped by then or not."""
    if not infused(found):
        return None
    return next((dose for dose in reversed(bags(db, found)) if dose.at <= at), None)


def running_words(bag: Administration, changes: Sequence[RateChange], lang: Lang, zone: tzinfo | None,
                  prescribed: float | None = None, *, at: datetime | None = None,
                  volume_ml: float | None = None, checks: Sequence[InfusionCheck] = (), letter: bool = False) -> str:
    """What a bag runs at after its changes, read at `at` (the bag's time when None), a time of
    another day than it with its date: "running at 4 mL/h since 11:00" (its own rate since it was
    put up when not changed, else the order's, `prescribed`: a bag charted without a rate of its
    own read as not running, and a patient went home with a drip up unasked), "paused since
    12:00", RAN_OUT once its rates have run its `volume_ml` in by `at`, from the volume left its
    last check of `checks` by then found (`ran_out`), on a `letter` to the next team as a fact
    (RAN_OUT_UNRECORDED); empty once stopped, or when no rate is known."""
    beside, bag = (bag.at if at is None else at), at_its_rate(bag, prescribed)
    latest = changes[-1] if changes else None
    if latest is not None and latest.change == STOPPED:
        return ""
    if (at is not None
            and (empty := ran_out(bag, changes, volume_ml, last_checked(checks, at))) is not None and empty <= at):
        return message(lang, RAN_OUT_UNRECORDED if letter else RAN_OUT, time=clock_words(empty, beside, zone))
    if latest is not None and latest.change == PAUSED:
        return _read_on(message(lang, RUNNING_PAUSED, time=clock_words(latest.at, beside, zone)), latest, lang)
    rate, since = (latest.rate_ml_h, latest.at) if latest is not None else (bag.rate_ml_h, bag.at)
    return "" if rate is None else _read_on(
        message(lang, RUNNING, rate=decimal_text(rate, lang), time=clock_words(since, beside, zone)), latest, lang)


def at_its_rate(bag: Administration, prescribed: float | None) -> Administration:
    """The bag at its own rate, else at its order's (`prescribed`): a bag charted without a rate of
    its own runs at its order's, and read so it was never said to run out (`ran_out`)."""
    return bag if bag.rate_ml_h is not None else bag.model_copy(update={"rate_ml_h": prescribed})


def _read_on(words: str, change: RateChange | None, lang: Lang) -> str:
    """`words` with the reading `change` was set on (READ_ON), when it has one."""
    return message(lang, READ_ON, words=words, reading=change.reason) if change is not None and change.reason else words


CD_LEFT = QT_TRANSLATE_NOOP("messages", "{drug} is a controlled drug: once it is taken down, destroy what is left "
                                        "in the syringe or bag with a witness, in the controlled drugs register")
"""A controlled drug's infusion running as the patient leaves: a syringe driver of morphine
running at a death was taken down, and what was left in it tied to no stop and wasted by no one."""
UP_AT_DEATH = QT_TRANSLATE_NOOP("messages", "{drug}: up at the death, never charted stopped: chart its stop")
TAKEN_DOWN_AT_DEATH = QT_TRANSLATE_NOOP("messages", "{drug}: taken down {time}")
"""A controlled drug's bag up at the death, charted stopped since, whose remainder is not recorded
destroyed yet: said with CD_LEFT, as its stop cleared the task and the morphine left in the syringe
was chased by no one."""
RAN_THROUGH_BEFORE_DEATH = QT_TRANSLATE_NOOP("messages", "{drug}: ran through before the death (at {time}), never "
                                                         "charted stopped: chart its end")
"""A bag up at the death whose rates had run its volume in by then (`ran_out`, the chart's own
RAN_OUT): said "up at the death", a controlled drug's with what is left to destroy, though
nothing was left, and the register chased a destruction that could not happen."""
UP_WHEN_LEFT = QT_TRANSLATE_NOOP("messages", "{drug}: up when the patient left, never charted stopped: chart its stop "
                                             "at the time they left if it went with them, or at the time it was taken "
                                             "down, saying which in the reason")
RAN_THROUGH_BEFORE_LEAVING = QT_TRANSLATE_NOOP("messages", "{drug}: ran through before the patient left (at {time}), "
                                                           "never charted stopped: chart its end")
"""The same of a bag up as the patient was discharged or transferred out alive: a syringe driver
going to a hospice with the patient, or left up and never charted, was on no list once they had
gone, its controlled drug accounted for by no one."""
CD_GONE = QT_TRANSLATE_NOOP("messages", "{drug} is a controlled drug: if it went with the patient, say so in its "
                                        "stop's reason, else destroy what is left in the syringe or bag with a "
                                        "witness, in the controlled drugs register")
"""CD_LEFT of a living patient's bag, which may have gone with them: a syringe driver gone, running,
to a care home was asked to have "what is left in the syringe" destroyed."""


UP_FOR = timedelta(hours=24)
"""How long a bag may be taken to be up when nothing says it ran through: a day's syringe driver."""


def still_up(found: Order, bag: Administration, left_at: datetime) -> bool:
    """Whether the bag, never charted stopped, can still have been up as the patient left at
    `left_at`: put up in the day (UP_FOR) before its order stopped running, at the latest then
    (a first stay's driver, its order ended with that stay, is judged at that stay's end), or one
    of a scheduled infusion still in force then (a continuous one: the heparin, the drip, the
    driver renewed each day). Nobody charts the end of a 15-minute paracetamol: given once the
    day before, it was said "up when the patient left" 27 hours after it ran in, and every
    intermittent antibiotic dosed in g after it."""
    ran_until = elapsed.instant(left_at if found.stop_at is None else min(left_at, found.stop_at, key=elapsed.instant))
    return (ran_until - UP_FOR <= elapsed.instant(bag.at)
            or (found.frequency is Frequency.SCHEDULED
                and (found.stop_at is None or elapsed.instant(found.stop_at) >= elapsed.instant(left_at))))


ONE_AT_A_TIME = timedelta(hours=4)
"""How long a bag of an intermittent order (`continuous`) whose volume is not known (a dose in g
or mg) is taken to run: the longest intermittent doses given on a ward run within it (vancomycin
at most 10 mg/min: 2 g over 3 h 20, BNF; most antibiotics over 30 to 60 minutes), so such a bag
asks no check after it; a longer one is charted with its volume in mL, which `ran_out` times."""


def continuous(found: Order) -> bool:
    """Whether each bag of an infusion's order runs until it is stopped or the next is put up,
    rather than being a dose given over a set time: a subcutaneous one (a syringe driver, CSCI over
    24 h), one whose rate a rule titrates (a VRIII's scale, a heparin's nomogram), or a one-off or
    one bag a day not dosed by mass (a heparin in units run until stopped, the drip renewed each
    morning). Not one scheduled several times a day, every few days, or as required (the
    vancomycin at 06:00 and 18:00, given over an hour), nor a one-off or daily dose by mass given
    by vein (a ceftriaxone 2 g over 30 minutes, stat or each morning): read as running until
    charted stopped, each such dose asked "INFUSION CHECK OVERDUE" all day, for days after a stat
    one, on the nurse in charge's list. A long infusion dosed by mass (amiodarone 900 mg over
    24 h) is checked while it runs once charted with its volume in mL (`ONE_AT_A_TIME`)."""
    once_or_daily = found.frequency is Frequency.ONCE or (
        found.frequency is Frequency.SCHEDULED and len(found.times) <= 1 and found.every_days == 1)
    return (found.route.upper() == "SC" or bool(found.dose_rule)
            or (once_or_daily and found.dose_unit not in MASS_IN_MG))


def runs_until(found: Order, bag: Administration, changes: Sequence[RateChange],
               checked: InfusionCheck | None = None) -> datetime | None:
    """When the bag, never charted stopped, is taken to have run in: its volume at its rates
    (`ran_out`, from the volume left its last check, `checked`, found) when known, else an
    intermittent order's ONE_AT_A_TIME after it was put up; None while it may still run (a
    continuous order's, until it is stopped or replaced; a rate not known). A check's volume times
    it whatever the order is dosed in: a syringe driver of hyoscine 60 mg in 17 mL, read 10.4 mL
    left at 0.7 mL/h, was asked its checks, and said running, hours after it was empty."""
    if (volume := bag_volume(bag, found)) is not None or checked is not None:
        return ran_out(at_its_rate(bag, found.rate_ml_h), changes, volume, checked)
    return None if continuous(found) else elapsed.later(bag.at, ONE_AT_A_TIME)


@dataclass(frozen=True)
class LeftUp:
    """A bag up as the patient left, never charted stopped: its drug, when it was put up, and
    what it asks (`up_at_leaving`)."""

    drug: str
    put_up: datetime
    said: str


def up_at_leaving(db: Database, patient_id: str, left_at: datetime, lang: Lang, *, died: bool,
                  coroner: bool = False) -> list[LeftUp]:
    """Each bag up as the patient left (at their death when `died`) whose stop no one has charted
    yet (`still_up`), a controlled drug's with what is left to destroy (CD_LEFT; CD_GONE of a
    living patient's, which may have gone with them), one run through by then with when instead:
    left to do under "Left the ward" until its stop is charted (see chart_alerts.left_untold and
    deaths_unfinished). The save asked once; after it `running_bag` no longer reads the bag, and
    a morphine syringe driver never charted stopped, what was left in it wasted by no one, was
    asked of no one. A controlled drug's bag up at the death and charted stopped since stays, with
    what is left to destroy, until the register holds its destruction (`_left_to_destroy`); a
    living patient's stop says in its reason whether the bag went with them (CD_GONE). Of a death
    referred to the coroner (`coroner`), nothing is destroyed: the syringe and what is in it are left
    with the body for the coroner (services.leaving.FOR_THE_CORONER), and only its stop is asked."""
    up, ran_through, controlled = ((UP_AT_DEATH, RAN_THROUGH_BEFORE_DEATH, CD_LEFT) if died
                                   else (UP_WHEN_LEFT, RAN_THROUGH_BEFORE_LEAVING, CD_GONE))
    changes, checks = by_bag(db, [patient_id]), checks_by_bag(db, [patient_id])
    found_up = []
    for found in medication.orders(db, patient_id, left_at):
        bag = _put_up_by(db, found, left_at)
        if bag is None or not still_up(found, bag, left_at):
            continue
        its, volume, its_checks = changes.get(bag.record_id, []), bag_volume(bag, found), checks.get(bag.record_id, [])
        if (stop := stopped_at(its)) is not None:
            if died and not coroner and _left_to_destroy(db, found, bag, its, last_checked(its_checks, stop), stop,
                                                         left_at):
                found_up.append(LeftUp(found.drug, bag.at, semicolon(lang).join([
                    message(lang, TAKEN_DOWN_AT_DEATH, drug=found.drug, time=clock_words(stop, left_at, left_at.tzinfo)),
                    message(lang, controlled, drug=found.drug)])))
            continue
        if (empty := ran_out(at_its_rate(bag, found.rate_ml_h), its, volume, last_checked(its_checks, left_at))) \
                is not None and empty <= left_at:
            said = message(lang, ran_through, drug=found.drug, time=clock_words(empty, left_at, left_at.tzinfo))
        elif found.controlled and not coroner:
            said = semicolon(lang).join([message(lang, up, drug=found.drug),
                                         message(lang, controlled, drug=found.drug)])
        else:
            said = message(lang, up, drug=found.drug)
        found_up.append(LeftUp(found.drug, bag.at, said))
    return found_up


def _left_to_destroy(db: Database, found: Order, bag: Administration, changes: Sequence[RateChange],
                     checked: InfusionCheck | None, stop: datetime, died_at: datetime) -> bool:
    """Whether a controlled drug's bag, charted stopped at `stop`, was up at the death (stopped at
    or after it), had not run its volume in before the stop (`ran_out`, from its last check by
    then, `checked`), and has no standing
    wastage in the register against its dose ("Left in the infusion, destroyed", cd_register.cd_waste),
    "Nothing left in the infusion" (a witnessed 0) included: a driver dosed in mg never checked has no
    volume to tell it ran through, and found empty, only the nurse and her witness can say so."""
    volume = bag_volume(bag, found)
    return (found.controlled and elapsed.instant(stop) >= elapsed.instant(died_at)
            and ran_out(at_its_rate(bag, found.rate_ml_h), changes, volume, checked) is None
            and db.execute(f"SELECT 1 FROM cd_register WHERE record_id = ? AND kind = 'wastage'"
                           f" AND {cd_register.STANDING} LIMIT 1", [bag.record_id]).fetchone() is None)


def with_bags_unstopped(db: Database) -> set[str]:
    """The patients with a bag of an infusion (domain.medication.infused) put up and never charted
    stopped, found by the database: those whose bag may have been up as they left. Every patient
    who ever had an infusion was read on each refresh of the escalation list, their drips long
    charted stopped, and a month of discharges cost it a quarter of a second for nothing to list."""
    return {row[0] for row in db.execute(
        "WITH standing AS (SELECT patient_id, record_id, form_id, data FROM current_records"
        "  WHERE form_id IN (?, ?, ?) AND status != ?)"
        " SELECT DISTINCT dose.patient_id FROM standing dose"
        " JOIN standing prescribed ON prescribed.form_id = ?"
        "  AND prescribed.record_id = json_extract(dose.data, '$.order')"
        " WHERE dose.form_id = ? AND json_extract(dose.data, '$.outcome') = ?"
        "  AND (json_extract(prescribed.data, '$.form') = ?"
        "   OR COALESCE(json_extract(prescribed.data, '$.rate_ml_h'), 0) != 0)"
        "  AND dose.record_id NOT IN (SELECT json_extract(data, '$.bag') FROM standing WHERE form_id = ?"
        "   AND json_extract(data, '$.change') = ? AND json_extract(data, '$.bag') IS NOT NULL)",
        [medication.ORDER_FORM, medication.DOSE_FORM, FORM, RecordStatus.ENTERED_IN_ERROR.value,
         medication.ORDER_FORM, medication.DOSE_FORM, Outcome.GIVEN.value, INFUSION, FORM, STOPPED])}


def running(db: Database, orders: Iterable[Order], at: datetime, lang: Lang, *, letter: bool = False) -> dict[str, str]:
    """What each infusion's bag running `at` runs at (`running_words`, on a `letter` as it says it),
    by order id; an order with no bag running, or whose bag's rate is not known, has none. An order stopped with its bag
    still up says so (ORDER_STOPPED_RUNNING): the chart read "running at 83 mL/h" hours after the
    doctor stopped it, and nothing told the nurse to take the bag down."""
    said = {}
    for found in orders:
        if (bag := running_bag(db, found, at)) is not None:
            changes = [change for change in by_bag(db, [found.patient_id]).get(bag.record_id, []) if change.at <= at]
            if words := running_words(bag, changes, lang, at.tzinfo, found.rate_ml_h, at=at,
                                      volume_ml=bag_volume(bag, found),
                                      checks=checks_by_bag(db, [found.patient_id]).get(bag.record_id, []),
                                      letter=letter):
                said[found.record_id] = words if found.stop_at is None or found.stop_at > at else message(
                    lang, ORDER_STOPPED_RUNNING, running=words, time=clock_words(found.stop_at, at, at.tzinfo))
    return said


@dataclass(frozen=True)
class Carried:
    """A bag of an earlier day in a day's column of the printed chart (`carried_into`)."""

    lines: list[str]
    """Its rate as the day starts (RUNNING_INTO) and its changes that day, at the top of the column
    (its checks that day and when it empties follow: services.infusion_checks.ChartLines.carried)."""


def carried_into(db: Database, orders: Iterable[Order], days: Sequence[date], zone: tzinfo | None,
                 lang: Lang) -> dict[tuple[str, date], Carried]:
    """By (order id, day): a bag put up on an earlier day and still up as the day starts, as the
    day's column of the printed chart writes it (`Carried`): a bag slowed at 02:00 printed in the
    column of the day before, under its dose, and today's sheet said nothing of what the pump was
    set to."""
    said: dict[tuple[str, date], Carried] = {}
    for found in orders:
        changes = by_bag(db, [found.patient_id]) if infused(found) else {}
        checks = checks_by_bag(db, [found.patient_id]) if infused(found) else {}
        for day in days if infused(found) else ():
            start = datetime.combine(day, time.min, zone)
            if (bag := running_bag(db, found, start)) is None or bag.at >= start:
                continue
            its, end = changes.get(bag.record_id, []), start + timedelta(days=1)
            then = running_words(bag, [change for change in its if change.at <= start], lang, zone, found.rate_ml_h,
                                 at=start, volume_ml=bag_volume(bag, found), checks=checks.get(bag.record_id, []))
            said[(found.record_id, day)] = Carried(
                [message(lang, RUNNING_INTO, time=clock_words(bag.at, start, zone), running=then or "—"),
                 *(change_words(change, start, lang, zone) for change in its if start < change.at < end)])
    return said


RAN_THROUGH = 0.9
"""A bag stopped with at least this share of its volume run in by its rates ran through: it is a
dose given, its time not open for another. A pump's volume to be infused is set below the bag's
(its overfill, the line primed), and rates are charted rounded, so a bag taken down empty reads
short of its whole volume; one stopped at under nine tenths was taken down early (tissued, the
line lost) and is replaced."""


def bag_volume(bag: Administration, found: Order) -> float | None:
    """The mL the bag held: its dose given, else the order's (None for an order not dosed in mL)."""
    if found.dose_unit != "mL":
        return None
    return bag.dose if bag.dose is not None else found.dose


OVERFILL_SHARE = 0.20
"""How much more than its volume a bag may be read to hold: its overfill (a few per cent of a
litre, a tenth or more of a 50 or 100 mL bag) and what was added to it, read on markings 5 % of
it apart. Above it a check's volume left is a slip or another bag's (`most_left`)."""


def most_left(volume_ml: float) -> float:
    """The most a check may read left in a bag or syringe of `volume_ml` (`OVERFILL_SHARE`, a
    millilitre at least), as services.infusion_checks.check asks it: a litre read "5000 mL left"
    was taken to run 40 hours on, its "should have run through" never asked."""
    return volume_ml + max(OVERFILL_SHARE * volume_ml, VOLUME_FLOOR_ML)


def stopped_bags(db: Database, found: Order, at: datetime) -> set[str]:
    """The record ids of `found`'s bags taken down early by `at` (their rates ran in under
    RAN_THROUGH of their volume): each leaves its dose's time open for the bag put up after it (a
    bag tissued at 10:00 replaced at 10:30 was "already given"). A bag that ran through, or whose
    rates or volume are not known, stays a dose given: every bag stopped was left out, and a
    once-daily gentamicin taken down empty at 08:35 was given again at 11:00 with nothing said.
    None of an as-required order's, whose interval and daily maximum count every bag, nor of
    another order's (read for every dose checked)."""
    return {bag.record_id for bag, its, stop in _charted_stopped(db, found, at)
            if (volume := bag_volume(bag, found)) is not None
            and (ran := run_in(bag, its, stop, volume)) is not None and ran < RAN_THROUGH * volume}


def syringes_changed(db: Database, found: Order, at: datetime) -> set[str]:
    """The record ids of a titrated order's bags (`titrated`) charted stopped by `at`, however
    much they ran: each leaves its dose's time open, as its dose is the rate and each syringe the
    next of one infusion (every syringe change of a VRIII asked "the 08:00 dose was already
    given"), but still counts for the spacing and the daily maximum (services.medication
    .check_dose). A bag not charted stopped is still asked: two would run."""
    return {bag.record_id for bag, _, _ in _charted_stopped(db, found, at)} if titrated(found) else set()


def _charted_stopped(db: Database, found: Order,
                     at: datetime) -> list[tuple[Administration, list[RateChange], datetime]]:
    """Each of `found`'s bags charted stopped by `at`, with its changes and its stop: none of an
    as-required order's, whose interval and daily maximum count every bag, nor of any but an
    infusion's."""
    if not infused(found) or found.frequency is Frequency.PRN:
        return []
    changes = by_bag(db, [found.patient_id])
    return [(bag, its, stop) for bag in bags(db, found)
            if (stop := stopped_at(its := changes.get(bag.record_id, []))) is not None and stop <= at]


CONTINUOUS_HOURS = 4.0
"""The least a bag of a titrated order is planned to run (its volume at its rate) for it to be a
continuous infusion, each syringe the next of one (`titrated`): a VRIII's or a heparin's 50 mL at
2-6 mL/h runs a day; an insulin-glucose bag for hyperkalaemia (500 mL at 500 mL/h) or a heparin
loading bag is one dose, run in an hour or less."""
BAG_ML = re.compile(r"(\d+(?:[.,]\d+)?)\s*ml\b(?!\s*/)", re.IGNORECASE)
"""A volume in an order's medicine as written, not a rate: "Actrapid 50 units in 50 mL",
"Actrapid 10 units in glucose 10% 500 mL" (not "0.5 mL/h")."""
SYRINGE_RATE_ML_H = 20.0
"""The fastest a titrated order written with no volume runs for it to be a continuous infusion
(`titrated`), a syringe driver's rate: a VRIII's scale runs at 0.5-10 mL/h (the fixed one in
ketoacidosis, 0.1 units/kg an hour at 1 unit/mL, 15 mL/h at 150 kg), a heparin's nomogram at 1-4
mL/h; an insulin-glucose bag for hyperkalaemia runs at 100-500 mL/h. "Actrapid 50 units" and
"Heparin sodium 25000 units" at 2 mL/h, their volume not written, asked "already given" at each
syringe change where "… in 50 mL" asked nothing."""


def planned_hours(found: Order) -> float | None:
    """The hours a bag of `found` is planned to run: its volume (its dose in mL, else the last
    volume its medicine names, `BAG_ML`) at its rate; None when either is not known."""
    volumes = BAG_ML.findall(found.drug)
    volume = found.dose if found.dose_unit == "mL" else float(volumes[-1].replace(",", ".")) if volumes else None
    return volume / found.rate_ml_h if volume is not None and found.rate_ml_h else None


def titrated(found: Order) -> bool:
    """Whether an insulin's or an anticoagulant's continuous infusion has its rate set by a rule
    (its `dose_rule`, with a rate: a VRIII's scale on the hour's glucose, a heparin's nomogram on
    the APTT), not a dose run in over a time: a gentamicin or a litre of saline with a dose rule
    is still one bag, one dose, and so is an insulin-glucose bag for hyperkalaemia run in an hour
    (`CONTINUOUS_HOURS`): its second bag was no longer "already given". With no volume written,
    told by its rate alone (`SYRINGE_RATE_ML_H`)."""
    hours = planned_hours(found)
    return ((insulin(found.drug) or anticoagulant(found.drug)) and bool(found.dose_rule)
            and (hours >= CONTINUOUS_HOURS if hours is not None
                 else found.rate_ml_h is not None and 0 < found.rate_ml_h <= SYRINGE_RATE_ML_H))


def rate_at(bag: Administration, changes: Sequence[RateChange], at: datetime) -> float | None:
    """The rate the bag ran at, at `at` (0 paused or stopped; None when not known): its own rate
    until its first change."""
    latest = next((change for change in reversed(changes) if change.at <= at), None)
    if latest is None:
        return bag.rate_ml_h
    return latest.rate_ml_h if latest.change == NEW_RATE else 0.0


def run_in(bag: Administration, changes: Sequence[RateChange], until: datetime,
           volume_ml: float | None) -> float | None:
    """The mL the bag's rates ran in from its time until `until`, at most its `volume_ml` (None
    when a rate of it is not known): what a bag stopped or slowed gave, where its whole volume
    overstated a heart failure's balance by 750 mL."""
    moments = [bag.at, *(change.at for change in changes if bag.at < change.at < until), until]
    total = 0.0
    for start, end in zip(moments, moments[1:]):
        if (rate := rate_at(bag, changes, start)) is None:
            return None
        total += rate * (end - start).total_seconds() / 3600
    return min(total, volume_ml) if volume_ml is not None else total


def ran_out(bag: Administration, changes: Sequence[RateChange], volume_ml: float | None,
            checked: InfusionCheck | None = None) -> datetime | None:
    """When the bag's rates had run its `volume_ml` in (None: a rate of it not known, or paused or
    stopped before it had, or neither its volume nor a check known); from the volume left its last
    check found (`checked`, `last_checked`) when it has one, whatever the order is dosed in, as
    services.infusion_checks.expected_at judges the next check from it, the rates changed since
    still applied from their times: a bag read 140 mL left at 83 mL/h at 16:00 was said to run
    through at 19:02 from its litre, and asked no stop until then; a syringe driver dosed in mg,
    with no volume of its own, was never said to run out."""
    if checked is not None:
        since, left = checked.at, checked.volume_left_ml
    elif volume_ml is not None:
        since, left = bag.at, volume_ml
    else:
        return None
    moments = [since, *(change.at for change in changes if change.at > since)]
    for start, end in zip(moments, [*moments[1:], None]):
        if (rate := rate_at(bag, changes, start)) is None:
            return None
        empty = start + timedelta(hours=left / rate) if rate > 0 else None
        if empty is not None and (end is None or empty <= end):
            return empty
        if end is not None:
            left -= rate * (end - start).total_seconds() / 3600
    return None


def last_checked(checks: Sequence[InfusionCheck], at: datetime) -> InfusionCheck | None:
    """The last of a bag's checks (in time order) by `at`, whose volume left `ran_out` starts from."""
    return next((one for one in reversed(checks) if elapsed.instant(one.at) <= elapsed.instant(at)), None)


def checks_by_bag(db: Database, patient_ids: Iterable[str]) -> dict[str, list[InfusionCheck]]:
    """services.infusion_checks.by_bag: the standing checks of these patients' bags, for this
    module's readers of when a bag ran out (`running`, `carried_into`, `up_at_leaving`); a module
    that can import infusion_checks reads them there, as the MAR's dialogs do."""
    from downtime.services import infusion_checks  # which reads the bags and their rates through this module
    return infusion_checks.by_bag(db, patient_ids)


def change_words(change: RateChange, bag_at: datetime, lang: Lang, zone: tzinfo | None) -> str:
    """A change as the chart writes it under its bag's dose: "→ 4 mL/h 11:00 (glucose 14.2)",
    "→ stopped 14:00"; the day too when not the bag's; one saved over a warning with its reasons
    (OVER_A_WARNING: the VRIII's rate raised on a hypo read as any other on the chart; neutral,
    as a stop is no insulin given)."""
    words = _read_on(message(lang, CHANGE_WORDS[change.change], time=clock_words(change.at, bag_at, zone),
                             rate=decimal_text(change.rate_ml_h or 0, lang)), change, lang)
    return message(lang, OVER_A_WARNING, words=words, reasons=semicolon(lang).join(change.overrides)) \
        if change.overrides else words


def clock_words(at: datetime, beside: datetime, zone: tzinfo | None) -> str:
    """A time on the ward's clock, with its day when another than `beside`'s (the bag's, the
    change typed, the moment the chart is read): a bag put up at 20:00 and slowed at 02:00 next
    morning; "since 11:00" read the next morning was taken for that morning's. The infusion
    checks' times too (services.infusion_checks). Its offset after it where the ward's clock reads
    that time twice (domain.clock.said_twice): a check due at the first 02:30 the night the clocks
    go back read "check overdue since 02:30" at 02:10 winter time, as though not due yet: a dose's
    `written_when`'s words."""
    return written_when(at, beside, zone)


def require_in_stay(db: Database, spec: FormSpec, patient_id: str, data: Mapping[str, Any], lang: Lang) -> None:
    """A change in the patient's stay, but a stop after their death until the body left the ward
    (census.laid_out: a syringe driver taken down at last offices), and one at the very time a
    discharge or a transfer out ended it (`_left_with_them`). Held on every version, settled at
    the records office or imported too (services.records._commit), as the form's `in_hospital`
    held them before the stop after a death was let through: a rate settled after the death was
    taken."""
    at = datetime.fromisoformat(str(data[CHANGED_AT]))
    if data[CHANGE] != STOPPED or not (census.laid_out(db, patient_id, at) or _left_with_them(db, patient_id, at)):
        census.require_in_hospital(db, patient_id, at, spec.field(CHANGED_AT).label.get(lang))


def _left_with_them(db: Database, patient_id: str, at: datetime) -> bool:
    """Whether a discharge or a transfer out ended the patient's stay at `at`: a syringe driver
    going, running, with the patient to a hospice is charted stopped then. Refused as "not in
    hospital", it could be charted only a minute before, and the MAR, the export and the EHR said
    the driver was taken down on the ward."""
    then = census.location_at(db, patient_id, at)
    before = census.location_at(db, patient_id, at - timedelta(microseconds=1))
    return (then is not None and then.status in (StayStatus.DISCHARGED, StayStatus.TRANSFERRED_OUT)
            and elapsed.instant(then.since) == elapsed.instant(at)
            and before is not None and before.status is StayStatus.IN)


KEPT_AS_SAVED = QT_TRANSLATE_NOOP("messages", "{fields} cannot be amended: mark this record entered in error with the "
                                              "reason, then record it again, so that its checks apply.")
"""The warnings a change was saved over and its second check, as a dose's
(records.CHECKED_BY_THEIR_SERVICE): amended away, the MAR and the export no longer said a rate
was set over a hypo, and a reason no one gave could be added."""


def check(session: Session, patient_id: str | None, data: Mapping[str, Any], record_id: str | None = None) -> None:
    """The rules of a change (this module's docstring), new or amended (`record_id`, left out of
    the bag's other changes). An amendment of the rate or of the kind of change is asked why it is
    above the order's (`above_order_asked`) as a new rate is, and refused where a second check
    would be asked of it or is carried onto it (CHECKED_WHEN_RECORDED): the amendment asks no
    PIN; nor may it change the warnings the change was saved over, or take its check away
    (KEPT_AS_SAVED)."""
    spec, lang = session.form(FORM), session.lang
    at = datetime.fromisoformat(str(data[CHANGED_AT]))

    def refuse(field: str, text: str, when: datetime | None = None) -> NoReturn:
        """Refused, naming the field and the time it clashes with (its day too, when not the change's)."""
        raise ValidationFailed([FieldError(field, message(lang, text, field=spec.field(field).label.get(lang),
                                                          at=clock_words(when, at, session.clock().tzinfo) if when else ""))])

    bag_record = current_of(session.db, [str(data.get(BAG))]).get(str(data.get(BAG)))
    if (bag_record is None or bag_record.form_id != medication.DOSE_FORM or bag_record.patient_id != patient_id
            or bag_record.status is RecordStatus.ENTERED_IN_ERROR):
        refuse(BAG, NOT_A_BAG)
    bag = medication.administration_of(bag_record)
    found = medication.order(session.db, bag.order_id)
    if bag.outcome is not Outcome.GIVEN or not infused(found):
        refuse(BAG, NOT_A_BAG)
    if at <= bag.at:
        refuse(CHANGED_AT, BEFORE_THE_BAG, bag.at)
    require_in_stay(session.db, spec, found.patient_id, data, lang)
    others = [change for change in by_bag(session.db, [found.patient_id]).get(bag.record_id, [])
              if change.record_id != record_id]
    if (stop := stopped_at(others)) is not None and stop <= at:
        refuse(CHANGED_AT, AFTER_THE_STOP, stop)
    if (later := next((dose for dose in bags(session.db, found) if bag.at < dose.at <= at), None)) is not None:
        refuse(CHANGED_AT, REPLACED, later.at)
    if data[CHANGE] != STOPPED and found.stop_at is not None and found.stop_at <= at:
        refuse(CHANGED_AT, ORDER_STOPPED, found.stop_at)
    if data[CHANGE] == STOPPED and (after := [change for change in others if change.at > at]):
        refuse(CHANGED_AT, CHANGED_AFTER, after[0].at)
    before = current_of(session.db, [record_id])[record_id].data if record_id is not None else None
    if before is None:
        return
    if (data[CHANGE], data.get(RATE)) != (before.get(CHANGE), before.get(RATE)):
        if data[CHANGE] == NEW_RATE and medication.dose_check(session, found, None) is not None:
            refuse(RATE, CHECKED_WHEN_RECORDED)
        if data.get(WITNESS):
            refuse(WITNESS, CHECKED_WHEN_RECORDED)
        above_order_asked(session, found, data)
    if data.get(WITNESS) and data.get(WITNESS) != before.get(WITNESS):
        refuse(WITNESS, CHECKED_WHEN_RECORDED)
    if changed := [name for name in (OVERRIDES, WITNESS) if (data.get(name) or None) != (before.get(name) or None)]:
        raise ServiceError(KEPT_AS_SAVED, fields=", ".join(spec.field(name).label.get(lang) for name in changed))


def change_rate(session: Session, order_id: str, values: dict[str, Any], *,
                witness: tuple[str, str] | None = None,
                overrides: Mapping[Check | str, str] | None = None, band: str | None = None) -> RecordVersion:
    """Record a change of the rate of the bag of `order_id` running at its time (`values` as the
    form, its bag chosen here), checked as `check` says; refused for an order that is no infusion,
    or with no bag running then. A new rate or a restart of a medicine whose bag needed a second
    clinician's check (a high-alert heparin or insulin, a controlled drug's syringe: see
    medication.dose_check) needs the same check of the rate, `witness` (staff ID, PIN), kept as
    the change's witness: the nurse alone set 20 mL/h of a heparin whose bag two had checked at
    2. A new rate over ABOVE_ORDER_TIMES the order's, or a child's fluid above their
    maintenance, asks why (`above_order_asked`). What an insulin's change is questioned on
    (`insulin_asked`), a rate raised after a head injury (`head_injury_asked`), and a wristband
    scanned at the bedside that is not the patient's (`band`, medication.band_checked: a heparin's
    rate is set at the bedside as a dose is given), raise
    medication.OverrideNeeded until each warning has a reason in `overrides` (keyed as
    medication.record_dose's), kept on the change as a dose keeps them."""
    records.require_writer(session, FORM)
    found = medication.order(session.db, order_id)
    if not infused(found):
        raise ValidationFailed([FieldError(BAG, message(session.lang, NOT_AN_INFUSION, drug=found.drug))])
    at = datetime.fromisoformat(str(values[CHANGED_AT])) if values.get(CHANGED_AT) else session.clock()
    bag = bag_up(session.db, found, at)
    if bag is None:
        raise ValidationFailed([FieldError(BAG, message(session.lang, NONE_RUNNING, drug=found.drug))])
    values = {key: value for key, value in {**values, BAG: bag.record_id}.items() if value not in (None, "")}
    above_order_asked(session, found, values)
    warnings = (medication.band_checked(session, found, band) + insulin_asked(session, found, values, at)
                + head_injury_asked(session, found, values, at))
    reasons = {key: reason.strip() for key, reason in (overrides or {}).items() if reason.strip()}
    if missing := [w for w in warnings if not (reasons.get(w.message) or reasons.get(w.check))]:
        raise medication.OverrideNeeded(missing)
    if warnings:
        values[OVERRIDES] = [{"check": w.check.value, "reason": reasons.get(w.message) or reasons[w.check]}
                             for w in warnings]
    second = medication.dose_check(session, found, None) if values.get(CHANGE) == NEW_RATE else None
    witness_id = cd_register.checked_witness(session, witness, check=second) if second is not None else None
    if witness_id:
        values[WITNESS] = witness_id
    with session.db.atomic():
        check(session, found.patient_id, records.checked_values(session, FORM, values))
        saved = records.save_new(session, FORM, values, patient_id=found.patient_id, checked_by_service=True)
        if witness_id and second is not None:
            pin_confirmed(session, witness_id, second.audited_as, {"record_id": saved.record_id})
        return saved


SC_GIVEN_WITHIN = timedelta(hours=2)
"""How long before a VRIII's stop a subcutaneous insulin given covers it: JBDS-IP stops the
infusion 30 to 60 minutes after the first subcutaneous dose with a meal."""
NO_SC_INSULIN = QT_TRANSLATE_NOOP("messages", "{drug}: no subcutaneous insulin given in the 2 hours before {time}, nor "
                                              "any basal or premixed insulin still acting. If the patient takes "
                                              "insulin at home, ask the doctor to prescribe it, and stop the infusion "
                                              "30 to 60 minutes after its first dose: stopped without it, a patient "
                                              "who needs insulin is in ketoacidosis within hours. Say what was done in "
                                              "the reason.")
"""Said without assuming a type 1 (review T2 #2): "a type 1 is in ketoacidosis again… give the
subcutaneous insulin" was said of a patient who had none to give. "Given", not "prescribed": a
glargine prescribed, its dose held the night before, covered the stop (`_covers`). "Still acting",
not "in the day before": a degludec covers 42 hours, and a morning isophane given 23.5 hours
before whose evening dose was held covers nothing (`_still_acting`)."""
BASAL_COVERS = timedelta(hours=24)
"""How long before a VRIII's end a dose of a basal or premixed insulin given covers it: its day
(JBDS-IP continues the basal through the VRIII); DEGLUDEC_COVERS for degludec, whose action lasts
42 hours."""
DEGLUDEC_COVERS = timedelta(hours=42)


GLUCOSE_NAMED = re.compile(r"\b(?:glucose|glyc[ée]mie|BM|CBG|GC)\b\W{0,3}(\d+(?:[.,]\d+)?)(?![\d:]|[.,]\d|h\d)"
                           r"(?:\s*(?:mmol|g/l|mg/dl))?|\b\d+(?:[.,]\d+)?\s*(?:mmol|g/l|mg/dl)", re.IGNORECASE)
"""A glucose in the free-text reason: a number after a glucose word or before a glucose unit
("BM 9.0", "glucose 14.2", "9 mmol/L"). Its first number was read as the glucose: "10:55 BM 9.0"
and "row 3 of the scale (glucose 9)" were said to differ from the chart's 9.0."""
ENDING_WITHIN = timedelta(hours=1)
"""A VRIII's syringe stopped this close before its order's stop ends it (the doctor's stop typed
after the nurse's); one stopped earlier, its order standing, is a syringe or line changed."""


def _sc_insulin_in_stay(insulins: Iterable[Order], admitted_at: datetime) -> bool:
    """Whether any of these subcutaneous insulin orders ran in the stay begun at `admitted_at`: one
    of an earlier stay was stopped by its end (medication.orders)."""
    return any(order.stop_at is None or elapsed.instant(admitted_at) < elapsed.instant(order.stop_at)
               for order in insulins)


def _lowered(session: Session, found: Order, values: Mapping[str, Any], at: datetime, *, kept: bool) -> bool:
    """Whether a new rate at `at` is below its bag's running then, or the same (`kept`): a paused
    bag runs at 0, and a rate not known is taken as raised."""
    bag = bag_up(session.db, found, at)
    running = rate_at(bag, by_bag(session.db, [found.patient_id]).get(bag.record_id, []), at) if bag else None
    return running is not None and (float(values[RATE]) <= running if kept else float(values[RATE]) < running)


def head_injury_asked(session: Session, found: Order, values: Mapping[str, Any], at: datetime) -> list[Warning]:
    """A rate raised, or a paused bag restarted, asked what a dose of it is after a head injury
    (medication.head_injury_asked): a sedative's or an opioid's while the neuro chart asks a doctor
    or the alcohol withdrawal chart holds them, an anticoagulant's while a fall waits on its CT
    head (a heparin syringe raised an hour after such a fall was asked nothing: review R2 D1). Not
    a rate lowered or kept, a pause or a stop, nor a change typed from the paper chart
    WRITTEN_APART or more after it, as a dose typed from paper."""
    if (values.get(CHANGE) != NEW_RATE or session.clock() - at >= WRITTEN_APART
            or _lowered(session, found, values, at, kept=True)):
        return []
    return medication.head_injury_asked(
        session, census.patient_with_location(session.db, session.forms, found.patient_id), found, at)


def _covers(drug: str) -> timedelta:
    """How long before a VRIII's end a dose given of this subcutaneous insulin covers it:
    SC_GIVEN_WITHIN for a mealtime one, its action for a basal or premixed one (BASAL_COVERS,
    DEGLUDEC_COVERS)."""
    if not given_when_fasting(drug):
        return SC_GIVEN_WITHIN
    names = {drug.lower(), *medicines_in(drug)}
    return DEGLUDEC_COVERS if any(word in name for name in names for word in ("degludec", "tresiba")) else BASAL_COVERS


def without_insulin(db: Database, found: Order, ended: datetime, until: datetime) -> bool:
    """Whether a VRIII (`found`) whose syringe was stopped at `ended`, in the patient's stay, leaves
    them with no insulin by `until` (its stop's own time, or later: services.glucose lists it
    until then): no subcutaneous insulin given from `_covers` before its end to `until`; a basal
    insulin prescribed counted only once a dose of it is given (its 22:00 glargine held "on VRIII
    tomorrow", the stop asked nothing and the patient had no insulin at all), and a basal or
    premixed dose only while it is its course's latest recorded by the stop (`_still_acting`: a
    twice-daily isophane's evening dose held, its morning dose 23.5 hours before covered it). Nor
    while another insulin infusion runs at `until` or was put up since the stop (the VRIII
    rewritten on the increased scale, its syringe running, was listed "no insulin since" all day).
    Not for a patient on another glucose-lowering medicine in force then or within the hour after
    (domain.theatre.lowering: metformin restarted as they eat) with no subcutaneous insulin ordered
    in the stay (`_sc_insulin_in_stay`), whom JBDS-IP puts back on their tablets: every stop of a
    tablet-treated patient's peri-operative VRIII was told to give insulin they had none of."""
    location = census.location_at(db, found.patient_id, ended)
    if location is None or location.status is not StayStatus.IN:
        return False
    theirs = medication.orders(db, found.patient_id, ended)
    insulins = {order.record_id: order for order in theirs if insulin(order.drug) and not infused(order)}
    doses = [dose for dose in medication.administrations(db, found.patient_id) if dose.order_id in insulins]
    courses = {order_id: {one.record_id for one in medication.course(db, order, ended)}
               for order_id, order in insulins.items()}
    if any(dose.outcome is Outcome.GIVEN and ended - _covers(insulins[dose.order_id].drug) <= dose.at <= until
           and _still_acting(dose, doses, courses, ended) for dose in doses):
        return False
    if any(insulin(other.drug) and infused(other) and other.record_id != found.record_id
           and (running_bag(db, other, until) is not None or any(ended <= bag.at <= until for bag in bags(db, other)))
           for other in medication.orders(db, found.patient_id, until)):
        return False
    return _sc_insulin_in_stay(insulins.values(), location.admitted_at) or not any(
        lowering(order.drug) and (order.active_at(ended) or order.active_at(ended + ENDING_WITHIN)) for order in theirs)


def _still_acting(dose: Administration, doses: Sequence[Administration], courses: Mapping[str, set[str]],
                  ended: datetime) -> bool:
    """Whether no later dose of `dose`'s course was recorded not given by `ended`: of its order or
    of one carrying it on (`courses`: each order's course, medication.course). A dose's action runs
    until its course's next, and the next held leaves nothing acting after it; the outage's daily
    rewrite holds that next dose on another order, and the morning dose covered the stop."""
    return not any(dose.order_id in courses[later.order_id] and later.outcome is not Outcome.GIVEN
                   and dose.at < later.at <= ended for later in doses)


def ended_without_insulin(db: Database, found: Order, at: datetime) -> datetime | None:
    """When an insulin infusion's latest syringe by `at` was charted stopped, leaving the patient
    with no insulin since (`without_insulin` until `at`): the nurse stopping it first, its order
    standing, is not asked (`insulin_asked`: a syringe changed?), and the doctor's stop typed
    after it asked nothing (services.glucose lists it). Until it is answered: the stop asked and
    saved over its warning with a reason, or who was told charted after it (`_told_since`); not by
    the clock: it left the list a day on whether anything was done or not, and a patient the doctor
    said needed no insulin carried it all that day. Until the stay it was stopped in ends
    (discharge, transfer out, death): a VRIII stopped unanswered was "tell the doctor now" in the
    patient's next stay, five days on. None while a syringe of it runs, and for any other order."""
    if not insulin(found.drug) or not infused(found) or (bag := _put_up_by(db, found, at)) is None:
        return None
    its = by_bag(db, [found.patient_id]).get(bag.record_id, [])
    stop = next((change for change in its if change.change == STOPPED), None)
    if stop is None or stop.at > at or stop.overrides or _told_since(db, found.patient_id, stop.at, at):
        return None
    now, then = census.location_at(db, found.patient_id, at), census.location_at(db, found.patient_id, stop.at)
    if now is None or then is None or now.status is not StayStatus.IN or now.admitted_at != then.admitted_at:
        return None
    return stop.at if without_insulin(db, found, stop.at, at) else None


def _told_since(db: Database, patient_id: str, ended: datetime, at: datetime) -> bool:
    """Whether a reading's action (who was told, glucose.ACTION) was recorded after `ended`, by
    `at`, on any reading but a hypo's: the nurse writes it on the latest reading she sees, taken
    before the stop ("Dr Benali told" so added left the line listed), and a hypo's action is its
    treatment ("4 glucose tablets" took the line away with no one told)."""
    for one in glucose.chart(db, patient_id):
        if one.reading.hypo:
            continue
        said_before = None
        for version in [one.amended[0].before, *(change.after for change in one.amended)] if one.amended \
                else [one.record]:
            said = version.data.get(glucose.ACTION)
            if said and said != said_before \
                    and elapsed.instant(ended) < elapsed.instant(version.recorded_at) <= elapsed.instant(at):
                return True
            said_before = said
    return False


def insulin_asked(session: Session, found: Order, values: Mapping[str, Any], at: datetime) -> list[Warning]:
    """What a change of an insulin's infusion (a VRIII) is questioned on. A new rate, or a restart
    after a pause, on what a dose of that insulin is (glucose.before_insulin, a glucose the reason
    names read as the measured value, `GLUCOSE_NAMED`): the rate is the VRIII's dose, set on the
    hour's glucose, and 4 mL/h was set on a "glucose 14.2" while the chart showed a hypo of 3.1 not
    rechecked, or with no reading since the morning. A rate lowered is how the scale treats a hypo,
    not insulin given on it; one kept is asked (every JBDS-IP scale lowers the rate below 4 mmol/L:
    4 mL/h kept on a 3.1 was saved with no question), with a reason when it is the scale's lowest.
    Its stop as its order ends (ENDING_WITHIN) leaving the patient with no insulin
    (`without_insulin`, `NO_SC_INSULIN`): stopped as the patient came out of ketoacidosis and ate,
    nothing then said they had no insulin at all; a syringe finished and changed was asked it
    (stopped with its order standing, services.glucose lists it once no syringe follows). Nothing
    for a change WRITTEN_APART or more before it is typed, from the paper chart, as a dose
    typed from paper is not asked (medication.check_dose: it cannot be checked before now), nor for
    any other infusion."""
    if not insulin(found.drug) or session.clock() - at >= WRITTEN_APART:
        return []
    if values.get(CHANGE) == NEW_RATE:
        named = GLUCOSE_NAMED.search(str(values.get(REASON) or ""))
        return glucose.before_insulin(session.db, found, at, decided_on=named[0] if named else None,
                                      lowered=_lowered(session, found, values, at, kept=False))
    if (values.get(CHANGE) != STOPPED or found.stop_at is None or found.stop_at > at + ENDING_WITHIN
            or not without_insulin(session.db, found, at, at)):
        return []
    return [Warning(Check.INSULIN_OMITTED, NO_SC_INSULIN, {"drug": found.drug, "time": f"{at:%d/%m %H:%M}"})]


ORDER_STOPPED_BARE = QT_TRANSLATE_NOOP("messages", "{drug}: no subcutaneous insulin given, or ordered to be given, in "
                                                   "the 2 hours before its stop at {time}, nor any basal or premixed "
                                                   "insulin still acting: give the patient's basal insulin, or a "
                                                   "meal-time rapid-acting insulin with a meal, before stopping the "
                                                   "infusion, and stop it 30 to 60 minutes after (JBDS-IP): stopped "
                                                   "without it, a patient who needs insulin is in ketoacidosis within "
                                                   "hours.")


def order_stop_asked(session: Session, order: RecordVersion, values: Mapping[str, Any]) -> str | None:
    """What to ask the prescriber before an amendment stopping an insulin infusion (a VRIII) with
    a syringe up is saved (None: nothing) when the stop leaves the patient with no insulin
    (`without_insulin` at it, nor any dose `_ordered_before` it): JBDS-IP has the basal, or a
    meal-time rapid-acting dose with a meal, given before the VRIII is stopped, and the doctor's
    stop asked nothing (the nurse's stop of the syringe as the order ends asks it:
    `insulin_asked`). Asked of a stop set or brought forward (services.medication's reading of
    it), not one put back: a stop answered for at 12:00 and moved to 14:00 was asked again."""
    found = medication.order_of(order)
    if (not insulin(found.drug) or not infused(found)
            or not medication.stop_brought_forward(order.data, values)):
        return None
    at = datetime.fromisoformat(str(values["stop_at"]))
    if (running_bag(session.db, found, at) is None or not without_insulin(session.db, found, at, at)
            or _ordered_before(session.db, found, session.clock(), at)):
        return None
    return message(session.lang, ORDER_STOPPED_BARE, drug=found.drug, time=f"{at:%d/%m %H:%M}")


def _ordered_before(db: Database, found: Order, now: datetime, stop: datetime) -> bool:
    """Whether a subcutaneous insulin of the patient's is ordered with a dose due after `now` and by
    the VRIII's `stop`, no earlier before it than a dose of it covers (`_covers`), not recorded
    (held ahead): the plan JBDS-IP asks for, written with a stop ahead (NovoRapid with lunch at
    12:30, the stop at 13:15), was asked "no subcutaneous insulin given", only doses given counting.
    A dose due by now is counted once given (`without_insulin`)."""
    return any(insulin(order.drug) and not infused(order) and any(
        now < slot <= stop and stop - _covers(order.drug) <= slot and medication.recorded_for(db, order, slot) is None
        for slot in scheduled_slots(order, now.date(), stop.astimezone(now.tzinfo).date(), now.tzinfo))
        for order in medication.orders(db, found.patient_id, stop))


def above_order_asked(session: Session, found: Order, values: Mapping[str, Any]) -> None:
    """A new rate refused until why is said (`ABOVE_ORDER`): over ABOVE_ORDER_TIMES the order's,
    or, for a fluid, above the order's rate and the maintenance for the patient's weight (a child's
    1.5 times, an adult's twice; a neonate's ceiling: medication.fluid_rate_refusal), and potassium
    above 10
    mmol/h by a peripheral vein (domain.potassium.by_vein_refusal: a bag of 40 mmol/L set from 125
    to 500 mL/h, 20 mmol/h, was asked nothing), each said. A rate up to the order's is the
    prescriber's, weighed with their reason when it was written: a bolus's pump set again after a
    pause is not asked again."""
    rate = values.get(RATE)
    if values.get(CHANGE) != NEW_RATE or rate is None or str(values.get(ABOVE_ORDER) or "").strip():
        return
    spec, lang, rate = session.form(FORM), session.lang, float(rate)
    why = spec.field(ABOVE_ORDER).label.get(lang)
    said = [message(lang, ABOVE_ORDER_ASKED, field=spec.field(RATE).label.get(lang), rate=decimal_text(rate, lang),
                    times=ABOVE_ORDER_TIMES, ordered=decimal_text(found.rate_ml_h, lang), why=why)
            ] if found.rate_ml_h is not None and rate > ABOVE_ORDER_TIMES * found.rate_ml_h else []
    at = datetime.fromisoformat(str(values[CHANGED_AT])) if values.get(CHANGED_AT) else session.clock()
    if found.rate_ml_h is None or rate > found.rate_ml_h:
        asked = (medication.fluid_rate_refusal(session, found, rate, at), by_vein_refusal(found, rate))
        said += [message(lang, each.said.template, **each.said.values, field=why) for each in asked if each is not None]
    if said:
        raise ValidationFailed([FieldError(ABOVE_ORDER, " ".join(said))])
