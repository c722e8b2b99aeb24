"""What this laptop last wrote, and the doses that fell due while it was not used (see
domain.paper_gap): the round, the chart on screen and the printed chart say them "not recorded —
check the paper" rather than OVERDUE, and say why above them."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import datetime, timedelta

from sqlite_utils import Database

from downtime.domain.paper_gap import Silence, on_paper, silences
from downtime.domain.records import RecordStatus, loaded_from_snapshot
from downtime.i18n import QT_TRANSLATE_NOOP, Phrase
from downtime.services import settings
from downtime.domain.census import Movement, MovementEvent
from downtime.services.census import DOSE_FORM, movement_events
from downtime.services.context import load_device
from downtime.storage.records import chunks, marks

LOOK_BACK = timedelta(days=3)
"""How far back a silence may have ended and still be said: the days a chart shows, on screen and
printed, and the round's doses missed in them. Only a day back, a laptop off two nights running
had the first night's doses read OVERDUE on the chart beside the second's "check the paper"."""

# The stored times carry the offset of the clock they were written by; a day's margin on the
# text's date reads every one of a moment whatever its offset.
_MARGIN = timedelta(days=1)


def _moments(db: Database, sql: str, values: list[object]) -> list[datetime]:
    return [datetime.fromisoformat(at) for (at,) in db.execute(sql, values) if at is not None]


def last_written(db: Database) -> datetime | None:
    """When this laptop last wrote a record, whoever wrote it: the banner's last save. The
    sign-in's own saves alone read "nothing saved yet" to a nurse taking over from the night."""
    device_id = load_device(db).device_id
    (latest,) = db.execute("SELECT MAX(recorded_at) FROM records WHERE device_id = ?", [device_id]).fetchone()
    if latest is None:
        return None
    low = (datetime.fromisoformat(latest) - _MARGIN).date().isoformat()
    return max(_moments(db, "SELECT recorded_at FROM records WHERE device_id = ? AND recorded_at >= ?", [device_id, low]))


# The audit's times carry the offset of the clock they were written by: compared as text, a
# moment of summer time and one of winter time were out of order. Each is compared at UTC, in
# milliseconds, through an index of this very expression (migration m032), and so is each bound
# sought: SQLite's own rounding on both sides.
AT_UTC = "strftime('%Y-%m-%dT%H:%M:%f', {})"
# Tried and refused, no one could use the laptop: a wrong PIN says nothing of doses given on it. A
# record brought in by an import is no care given on the ward either. Written out in the query as
# in the index of migration m032, whose partial WHERE SQLite matches only to the same words.
NOT_USE = "action NOT IN ('sign_in.failed', 'sign_in.locked', 'record.import')"


class AuditedUse:
    """The moments this laptop was used, up to `now`: whatever it audited (a record written, a
    sign-in or an unlock, a print, a backup, an import), not its records alone. Judged by its
    records, a quiet afternoon on a one-patient ward, the laptop signed into and its chart
    printed, read as the laptop off and its doses "may be on paper"."""

    def __init__(self, db: Database, now: datetime) -> None:
        self.db, self.now = db, now
        self.device_id = load_device(db).device_id

    def _seek(self, bound: str, moment: datetime, order: str) -> datetime | None:
        at, sought = AT_UTC.format("at"), AT_UTC.format("?")
        row = self.db.execute(
            f"SELECT at FROM audit WHERE device_id = ? AND {at} {bound} {sought} AND {at} <= {sought}"
            f" AND {NOT_USE} ORDER BY {at} {order} LIMIT 1",
            [self.device_id, moment.isoformat(), self.now.isoformat()]).fetchone()
        return datetime.fromisoformat(row[0]).astimezone(self.now.tzinfo) if row is not None else None

    def latest_before(self, moment: datetime) -> datetime | None:
        return self._seek("<", moment, "DESC")

    def first_after(self, moment: datetime) -> datetime | None:
        return self._seek(">", moment, "ASC")


def last_recorded(db: Database, order_ids: Collection[str], since: datetime) -> dict[str, datetime]:
    """When a dose of each order was last written from `since` (its current version, any laptop).
    Read by the orders' patients, through their index: by the dose form and the time alone, a
    records office's chart went through every laptop's doses (3.5 s on the hospital's million)."""
    low = (since - _MARGIN).date().isoformat()
    patients: set[str] = set()
    for part in chunks(order_ids):
        patients.update(patient_id for (patient_id,) in db.execute(
            f"SELECT DISTINCT patient_id FROM records WHERE record_id IN ({marks(part)})", part) if patient_id)
    found: dict[str, datetime] = {}
    for part in chunks(patients):
        for order_id, at in db.execute(
                f"SELECT json_extract(data, '$.order'), recorded_at FROM current_records WHERE patient_id IN ({marks(part)})"
                f" AND form_id = ? AND status != ? AND recorded_at >= ?",
                [*part, DOSE_FORM, RecordStatus.ENTERED_IN_ERROR.value, low]):
            if order_id in order_ids:
                found[order_id] = max(found.get(order_id, datetime.fromisoformat(at)), datetime.fromisoformat(at))
    return found


def away(db: Database, patient_ids: Collection[str], now: datetime) -> dict[str, list[Silence]]:
    """Each patient's stretches, ended from `LOOK_BACK` ago on, on a ward whose records this laptop
    does not hold (see `Silence.ward`), up to their next move (or now): on a ward not this laptop's
    own (settings.laptop_ward) that another laptop moved them onto, or this one moved them onto
    from its own ward; none set, from a move this laptop recorded to another ward to their move
    back to the one they left. Without the first test, a laptop set to 5A lent to 3B read every
    patient it admitted onto 3B as away, each dose "charted on another laptop" there was none.
    Kept unless the laptop holds that ward's care of them (see `_charted`)."""
    home, device_id = (settings.laptop_ward(db) or "").casefold(), load_device(db).device_id
    events = movement_events(db, patient_ids)
    moved_here = {
        record_id for part in chunks([event.record_id for found in events.values() for event in found])
        for (record_id,) in db.execute(
            f"SELECT record_id FROM records WHERE version = 1 AND device_id = ? AND record_id IN ({marks(part)})",
            [device_id, *part])}
    found: dict[str, list[Silence]] = {}
    for patient_id, theirs in events.items():
        ordered = sorted(theirs, key=lambda event: (event.occurred_at, event.entered_at))
        for before, event, after in zip([None, *ordered], ordered, [*ordered[1:], None]):
            end = after.occurred_at if after is not None else now
            if (event.movement not in (Movement.ADMIT, Movement.TRANSFER) or event.ward is None or end < now - LOOK_BACK
                    or not (_left_home(before, event, home, moved_here) if home
                            else _moved_out_and_back(before, event, after, moved_here))):
                continue
            start = event.occurred_at.astimezone(now.tzinfo)
            if not _charted(db, patient_id, device_id, event, start, end):
                found.setdefault(patient_id, []).append(Silence(start, end.astimezone(now.tzinfo), ward=event.ward))
    return found


def _left_home(before: MovementEvent | None, event: MovementEvent, home: str, moved_here: Collection[str]) -> bool:
    """Whether `event` put the patient on a ward not this laptop's (`home`) from elsewhere than
    this laptop: recorded on another one, or here as they left `home`. One this laptop admitted
    onto, or moved onto, another ward it was lent to is its own."""
    return (event.ward is not None and event.ward.casefold() != home
            and (event.record_id not in moved_here or (before is not None and (before.ward or "").casefold() == home)))


def _moved_out_and_back(before: MovementEvent | None, event: MovementEvent, after: MovementEvent | None,
                        moved_here: Collection[str]) -> bool:
    """Whether `event`, recorded on this laptop, moved the patient off the ward of `before` onto
    another, and `after` brought them back to it: a bed changed within a ward, or a move onward
    from the one they left, says nothing of which ward this laptop is."""
    return (event.record_id in moved_here and before is not None and after is not None and before.ward is not None
            and event.ward is not None and before.ward.casefold() != event.ward.casefold()
            and (after.ward or "").casefold() == before.ward.casefold())


def _charted(db: Database, patient_id: str, device_id: str, event: MovementEvent, start: datetime,
             end: datetime) -> bool:
    """Whether this laptop holds the patient's care on `event`'s ward between these moments: a dose
    of theirs given then and charted then (this laptop went with them, or that ward's stick is
    loaded), or a record of theirs of then from a laptop of that ward (another one that admitted a
    patient onto it: its stick loaded). A dose given before they left and charted after, or a
    note from their own ward's second laptop, read as that ward's care, and the doses it gave were
    offered again; so did one dose charted after their return from that ward's handover, for
    every other order (the one charted is through `domain.paper_gap.on_paper`'s rule)."""
    at, recorded, sought = AT_UTC.format("occurred_at"), AT_UTC.format("recorded_at"), AT_UTC.format("?")
    return db.execute(
        f"SELECT 1 FROM records WHERE patient_id = ? AND {at} > {sought} AND {at} < {sought} AND ((form_id = ?"
        f" AND {recorded} > {sought} AND {recorded} < {sought})"
        f" OR (device_id != ? AND device_id IN (SELECT r.device_id FROM movement_index m JOIN records r"
        f" ON r.record_id = m.record_id AND r.version = 1 WHERE m.ward_key = ? AND m.movement = ? AND m.standing = 1)))"
        f" LIMIT 1",
        [patient_id, start.isoformat(), end.isoformat(), DOSE_FORM, start.isoformat(), end.isoformat(), device_id,
         (event.ward or "").strip().casefold(), Movement.ADMIT.value]).fetchone() is not None


def doses_on_paper(db: Database, now: datetime, unrecorded: Iterable[tuple[str, datetime]],
                   written: Mapping[str, Silence],
                   elsewhere: Mapping[str, Sequence[Silence]] | None = None) -> dict[tuple[str, datetime], Silence]:
    """Of these doses with nothing recorded (order id, time due), those that fell due while this
    laptop was not used, or before their order was typed in (`written`: the stretch of each order
    written after it started), or while their patient was on a ward charted on another laptop
    (`elsewhere`: each order's patient's stretches, see `away`), or, for an order loaded from the
    EHR's snapshot, between the extract's time and its load (`_extract_gaps`), each with its
    stretch (see domain.paper_gap)."""
    doses = list(unrecorded)
    if not doses:
        return {}
    written = {**_extract_gaps(db, {order_id for order_id, _ in doses}, now), **written}
    late_after = settings.round_policy(db).late_after
    # Those with a dose in them: the orders' doses written since are read from the earliest.
    found = [silence for silence in silences(AuditedUse(db, now), now - LOOK_BACK, now)
             if any(silence.fell_due(slot, late_after) for _, slot in doses)]
    theirs = {order_id: written[order_id] for order_id, slot in doses
              if order_id in written and written[order_id].fell_due(slot, late_after)}
    stretches = {order_id: stretches for order_id, stretches in (elsewhere or {}).items() if stretches}
    if not found and not theirs and not stretches:
        return {}
    since = min(silence.start for silence in (*found, *theirs.values(), *(s for f in stretches.values() for s in f)))
    return on_paper(found, doses, last_recorded(db, {order_id for order_id, _ in doses}, since), late_after, theirs,
                    stretches)


def _extract_gaps(db: Database, order_ids: Collection[str], now: datetime) -> dict[str, Silence]:
    """Of these orders, those loaded from the EHR's snapshot with a time before their load, each
    with the stretch from that time to the load (snapshot_time.extract_gaps) on `now`'s clock: a
    silence of that order's alone, said as the laptop's are ("no dose recorded on this laptop
    between…"), since the laptop held no dose of it then."""
    from downtime.services import snapshot_time  # which reads the audit through this module's words

    loaded = [order_id for order_id in order_ids if loaded_from_snapshot(order_id)]
    first: dict[str, tuple[datetime, str]] = {}
    for part in chunks(loaded):
        first.update((record_id, (datetime.fromisoformat(at), device_id)) for record_id, at, device_id in db.execute(
            f"SELECT record_id, recorded_at, device_id FROM records WHERE version = 1 AND record_id IN ({marks(part)})",
            part))
    return {order_id: Silence(start.astimezone(now.tzinfo), end.astimezone(now.tzinfo))
            for order_id, (start, end) in snapshot_time.extract_gaps(db, first).items()}


GAP_SAID = QT_TRANSLATE_NOOP(
    "messages", "No dose recorded on this laptop between {start} and {end}: doses given then may be on paper. Enter "
                "them first (at the time they were given) before giving anything due.")
GAPS_SAID = QT_TRANSLATE_NOOP(
    "messages", "No dose recorded on this laptop in {count} stretches: {stretches}. Doses given then may be on paper. "
                "Enter them first (at the time they were given) before giving anything due.")


WRITTEN_SAID = QT_TRANSLATE_NOOP(
    "messages", "{drug} was written on this laptop at {end}, to start at {start}: its doses due before it was written "
                "may have been given from the paper chart. Enter them first (at the time they were given) before "
                "giving anything due.")
WRITTEN_MANY_SAID = QT_TRANSLATE_NOOP(
    "messages", "{count} orders were written on this laptop after they started: {orders}. Their doses due before they "
                "were written may have been given from the paper chart. Enter them first (at the time they were "
                "given) before giving anything due.")


AWAY_SAID = QT_TRANSLATE_NOOP(
    "messages", "NOT RECORDED HERE — the patient was on ward {ward} from {start} to {end}, charted on another laptop: "
                "doses due then may have been given there. Check that ward's chart (or load its stick) before giving "
                "anything due, and enter its doses here (at the time they were given).")


def gap_said(found: Iterable[Silence | None]) -> tuple[Phrase, ...]:
    """Above the round and the chart, on screen and on paper, while any dose shown (`found`: the
    stretch of each, None for one not on paper) may be on paper: the laptop's silences, then the
    orders typed in after they started, each earliest first, so the nurse looks for the night's
    doses as well as the afternoon's, and for those of a paper order copied in, and first each
    stretch the patient was on another laptop's ward, where that ward's chart is to be read. Times
    alone while every stretch is of one day; else each with its day (its end's too if another)."""
    # Then by medicine (and ward), not the set's order: orders starting together came in another
    # order on each run.
    stretches = sorted({silence for silence in found if silence is not None},
                       key=lambda silence: (silence.start, silence.written or "", silence.ward or "", silence.end))
    if not stretches:
        return ()
    shape = "%H:%M" if len({moment.date() for s in stretches for moment in (s.start, s.end)}) == 1 else "%d/%m %H:%M"
    said = [Phrase(AWAY_SAID, {"ward": silence.ward, "start": f"{silence.start:{shape}}",
                               "end": f"{silence.end:{_end_shape(silence, shape)}}"})
            for silence in stretches if silence.ward is not None]
    if laptop := [silence for silence in stretches if silence.written is None and silence.ward is None]:
        said.append(Phrase(GAP_SAID, {"start": f"{laptop[0].start:{shape}}", "end": f"{laptop[0].end:{shape}}"})
                    if len(laptop) == 1 else Phrase(GAPS_SAID, {"count": len(laptop), "stretches": ", ".join(
                        f"{silence.start:{shape}}–{silence.end:{_end_shape(silence, shape)}}" for silence in laptop)}))
    if orders := [silence for silence in stretches if silence.written is not None]:
        said.append(Phrase(WRITTEN_SAID, {"drug": orders[0].written, "start": f"{orders[0].start:{shape}}",
                                          "end": f"{orders[0].end:{shape}}"})
                    if len(orders) == 1 else Phrase(WRITTEN_MANY_SAID, {"count": len(orders), "orders": ", ".join(
                        f"{silence.written} {silence.start:{shape}}–{silence.end:{_end_shape(silence, shape)}}"
                        for silence in orders)}))
    return tuple(said)


def _end_shape(silence: Silence, shape: str) -> str:
    return "%H:%M" if silence.end.date() == silence.start.date() else shape
