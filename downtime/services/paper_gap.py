"""What this laptop last wrote, and the doses that fell due while it wrote nothing (see
domain.paper_gap): the round, the chart on screen and the printed chart say them "not recorded —
check the paper" rather than OVERDUE, and say why above them."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import datetime, timedelta

from sqlite_utils import Database

from downtime.domain.paper_gap import PaperGap, Silence, paper_gap, silences
from downtime.domain.records import RecordStatus
from downtime.i18n import QT_TRANSLATE_NOOP, Phrase
from downtime.services import settings
from downtime.services.census import DOSE_FORM
from downtime.services.context import load_device
from downtime.storage.records import chunks, marks

LOOK_BACK = timedelta(hours=24)
"""How far back a silence may have ended and still be said: a day's doses are the round's and the
chart's; older ones missed are read as missed."""

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


def _writes(db: Database, since: datetime) -> list[datetime]:
    """The moments this laptop wrote records from `since`, and the last before it."""
    device_id = load_device(db).device_id
    low = (since - _MARGIN).date().isoformat()
    found = _moments(db, "SELECT recorded_at FROM records WHERE device_id = ? AND recorded_at >= ?", [device_id, low])
    earlier = [moment for moment in found if moment < since] or _moments(
        db, "SELECT MAX(recorded_at) FROM records WHERE device_id = ? AND recorded_at < ?", [device_id, low])
    return [moment.astimezone(since.tzinfo)
            for moment in [*([max(earlier)] if earlier else []), *(moment for moment in found if moment >= since)]]


def _last_recorded(db: Database, order_ids: Collection[str], since: datetime) -> dict[str, datetime]:
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


def doses_on_paper(db: Database, now: datetime, unrecorded: Iterable[tuple[str, datetime]]) -> PaperGap | None:
    """Of these doses with nothing recorded (order id, time due), those that fell due while this
    laptop wrote nothing, with that silence (see domain.paper_gap)."""
    doses = list(unrecorded)
    if not doses:
        return None
    found = silences(_writes(db, now - LOOK_BACK), now)
    if not found:
        return None
    return paper_gap(found, doses, _last_recorded(db, {order_id for order_id, _ in doses}, found[-1].start),
                     settings.round_policy(db).late_after)


GAP_SAID = QT_TRANSLATE_NOOP(
    "messages", "No dose recorded on this laptop between {start} and {end}: doses given then may be on paper. Enter "
                "them first (at the time they were given) before giving anything due.")


def gap_said(silence: Silence) -> Phrase:
    """Above the round and the chart, on screen and on paper. A silence over midnight names the
    days too."""
    shape = "%H:%M" if silence.start.date() == silence.end.date() else "%d/%m %H:%M"
    return Phrase(GAP_SAID, {"start": f"{silence.start:{shape}}", "end": f"{silence.end:{shape}}"})
