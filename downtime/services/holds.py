"""Settling a record on hold (two laptops wrote different versions of it, see domain.holds).
The records office does not judge which is right: it phones the ward, whose nurse in charge or
prescriber says so, and a records clerk chooses that version, naming who decided. The record
then reads as the chosen version (amended to it when it is not the one standing here), and the
settlement is kept, append-only and audited, with the versions it settled: the record leaves
the hold and is back-entered as any other, until a version comes that it did not see."""

from __future__ import annotations

import uuid

from downtime.domain.records import RecordStatus, RecordVersion
from downtime.domain.staff import Action
from downtime.i18n import QT_TRANSLATE_NOOP, Phrase, message
from downtime.services import records
from downtime.services.back_entry import OnHold, hold_of
from downtime.services.context import Session
from downtime.services.errors import ServiceError
from downtime.services.laptops import laptop_name
from downtime.storage import audit
from downtime.storage.records import RecordNotFound

SETTLED = QT_TRANSLATE_NOOP("messages", "Settles the hold from version {version}: version {chosen} by {author} "
                                        "on {laptop} chosen. {reason}")


# The chosen version breaks a rule of what stands on the record here (doses given from an order,
# a patient's other records, a bed taken since): only the ward can put it right, on its laptop.
NOT_SETTLED = QT_TRANSLATE_NOOP("messages", "Not settled: {problem} The ward puts this right on its laptop (tell "
                                            "them); settle the hold once its next stick is imported here.")
REPLACED = QT_TRANSLATE_NOOP("messages", " — REPLACED on that laptop by its version {version}")


def choices(session: Session, hold: OnHold) -> list[str]:
    """Each version of the hold as the clerk chooses among them: its laptop, then the worklist's
    words; one its laptop replaced since is said so, since choosing it would undo that laptop's
    later change (a stopped order, say)."""
    latest = {version.device_id: version.version for version in sorted(hold.versions, key=lambda v: v.version)}
    return [hold.named_in(version, session.lang)
            + ("" if version.version == latest[version.device_id]
               else message(session.lang, REPLACED, version=latest[version.device_id]))
            for version in hold.versions]


def settle(session: Session, shown: OnHold, chosen: RecordVersion, reason: str) -> RecordVersion:
    """Settle the hold `shown` (as the clerk saw it) with `chosen`, one of its versions, and the
    reason naming who decided; returns the version that then stands. One transaction: the
    amendment (if any) and the settlement, each with its audit entry, or nothing."""
    session.require(Action.SETTLE_HOLD)
    said = reason.strip()
    if not said:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Reason: say who decided which version is right "
                                                         "(e.g. Sister Martin, ward 3B, by phone)."))
    hold = hold_of(session, chosen.record_id)
    if hold is None:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "This record is no longer on hold: it was settled meanwhile."))
    if hold.versions != shown.versions or chosen not in hold.versions:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "This record's hold changed after you opened it (another "
                                                         "version came in): look at it again, then settle it."))
    try:
        standing: RecordVersion | None = records.current(session.db, chosen.record_id)
    except RecordNotFound:
        standing = None
    withdrawn = chosen.status is RecordStatus.ENTERED_IN_ERROR
    standing_withdrawn = standing is not None and standing.status is RecordStatus.ENTERED_IN_ERROR
    if standing_withdrawn and not withdrawn:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "The version standing here withdrew this record (entered in "
                                                         "error), and a withdrawn record cannot be brought back: "
                                                         "choose it, and ask the ward to record the other version "
                                                         "again."))
    now = session.clock()
    with session.db.atomic():
        if standing is not None and (standing_withdrawn or (standing.data == chosen.data and not withdrawn)):
            kept = standing  # it reads as the chosen version already: withdrawn, or with its answers
        else:
            # Who wrote the chosen version, as the hold named them to the clerk: the reason is
            # read by people, in History, on paper and on another office's list.
            why = message(session.lang, SETTLED, version=hold.from_version, chosen=chosen.version,
                          author=hold.authors.of(session.lang, chosen.author, chosen.device_id, hold.laptops),
                          laptop=laptop_name(session, chosen.device_id), reason=said)
            try:
                kept = records.settle_to(session, chosen.record_id, standing, chosen, why)
            except ServiceError as problem:  # said in the ward's words ("withdraw them first, from the chart")
                raise ServiceError(NOT_SETTLED, problem=Phrase(problem.template, problem.values)) from problem
        settled = sorted(digest for (digest,) in session.db.execute(
            "SELECT digest FROM unsettled_versions WHERE record_id = ?", [chosen.record_id]))
        row = {"id": str(uuid.uuid4()), "record_id": chosen.record_id, "from_version": hold.from_version,
               "settled": audit.canonical(settled), "chosen_id": chosen.id, "chosen_version": chosen.version,
               "chosen_device_id": chosen.device_id, "standing_version": kept.version, "reason": said,
               "settled_by": session.user.staff_id, "settled_at": now.isoformat(), "settled_by_name": session.user.name}
        audit.insert_audited(session.db, "hold_settlements", row, at=now, actor=session.user.staff_id,
                             device_id=session.device.device_id, action="hold.settled",
                             detail={"record_id": chosen.record_id, "chosen_version": chosen.version,
                                     "standing_version": kept.version, "reason": said})
    return kept
