"""Settling a record on hold (two laptops wrote different versions of it, see domain.holds).
The records office does not judge which is right: it phones the ward, whose nurse in charge or
prescriber says so, and a records clerk chooses that version, naming who decided. The record
then reads as the chosen version (amended to it when it is not the one standing here), and the
settlement is kept, append-only and audited, with the versions it settled: the record leaves
the hold and is back-entered as any other, until a version comes that it did not see.

Each laptop's version is weighed against the version both laptops started from (the one before
the hold's first, which they agree on): choosing one drops what the others changed since and it
does not hold, which is said by name before anything is written, and a safety-critical answer
(an allergy added, a dose changed: the form marks them) is dropped only once the clerk confirms
the ward said so. Versions that changed different answers are kept together by combining them,
answer by answer, into a new version settled as a chosen one is."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from downtime.domain.holds import HeldVersion
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.domain.staff import Action
from downtime.formspec.schema import Field, RepeatField
from downtime.formspec.values import answer_text
from downtime.i18n import QT_TRANSLATE_NOOP, Listed, Phrase, labelled, message, semicolon
from downtime.services import records, search
from downtime.services.back_entry import OnHold, hold_of
from downtime.services.context import Session
from downtime.services.errors import ServiceError
from downtime.services.laptops import laptop_name
from downtime.services.patients import PatientSummary, summarise
from downtime.storage import audit
from downtime.storage.records import RecordNotFound, downtime_numbers, history

SETTLED = QT_TRANSLATE_NOOP("messages", "Settles the hold from version {version}: version {chosen} by {author} "
                                        "on {laptop} chosen. {reason}")


# The chosen version breaks a rule of what stands on the record here (doses given from an order,
# a patient's other records, a bed taken since): only the ward can put it right, on its laptop.
NOT_SETTLED = QT_TRANSLATE_NOOP("messages", "Not settled: {problem} The ward puts this right on its laptop (tell "
                                            "them); settle the hold once its next stick is imported here.")
REPLACED = QT_TRANSLATE_NOOP("messages", " — REPLACED on that laptop by its version {version}")


CHANGED_SINCE = QT_TRANSLATE_NOOP("messages", "changed since version {version}: {changes}")
NOTHING_CHANGED = QT_TRANSLATE_NOOP("messages", "no answer changed since version {version}")
WITHDRAWN = QT_TRANSLATE_NOOP("messages", "withdrawn (entered in error)")
ADDED = QT_TRANSLATE_NOOP("messages", "added {rows}")
REMOVED = QT_TRANSLATE_NOOP("messages", "removed {rows}")
DROPPED = QT_TRANSLATE_NOOP("messages", "the change on {laptop} to {change} will be dropped")
WITHDRAWAL_DROPPED = QT_TRANSLATE_NOOP("messages", "the withdrawal (entered in error) on {laptop} will be dropped")
DROPS = QT_TRANSLATE_NOOP("messages", "choosing it: {dropped}")
NOT_DROPPED = QT_TRANSLATE_NOOP("messages", "Not settled, as it would drop a safety-critical change: {dropped}. "
                                            "Settle so only once the ward has said these are to be dropped.")
COMBINED = QT_TRANSLATE_NOOP("messages", "Keep both changes: a new version combining {versions}: {changes}")
# A combination's reasons, the version written's and the settlement's, the versions named after
# what was done with them: "version 2 by … at 14:10; version 2 by … at 14:15 combined, keeping…"
# read as if the second alone was combined, and History's "reason: version 2 by…" as no reason.
SETTLED_COMBINED = QT_TRANSLATE_NOOP("messages", "Settles the hold from version {version} by combining the versions, "
                                                 "keeping the changes of each: {versions}. {reason}")
COMBINED_REASON = QT_TRANSLATE_NOOP("messages", "Versions combined, keeping the changes of each: {versions}. {reason}")
NOT_COMBINED = QT_TRANSLATE_NOOP("messages", "These versions cannot be combined: they changed the same answer "
                                             "differently, or one withdrew the record. Choose the version the ward "
                                             "says is right.")


@dataclass(frozen=True)
class Change:
    """One laptop's change since the version both laptops started from: to an answer, or the
    record's withdrawal (`field` None), as the clerk reads it."""

    version: RecordVersion
    """The version that holds it."""
    field: str | None
    text: str
    """As "Allergies: Penicillin (Anaphylaxis, Severe)", in the session's language."""
    safety_critical: bool


def base_of(session: Session, hold: OnHold) -> dict[str, Any]:
    """The answers of the version every laptop of the hold started from, the one before its
    first, on which they agree; none for a record held from its first version (each laptop's
    answers are then all its own)."""
    try:
        standing = history(session.db, hold.versions[0].record_id)
    except RecordNotFound:  # every version of it here is on hold
        return {}
    return next((version.data for version in standing if version.version == hold.from_version - 1), {})


def _same(first: Any, second: Any) -> bool:
    return json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)


def _changes(session: Session, version: RecordVersion, base: dict[str, Any]) -> tuple[Change, ...]:
    """What `version` changed since `base`, in the form's order (an answer the form no longer
    asks last, by its id)."""
    spec = session.form(version.form_id)
    asked = {field.id: field for field in spec.fields()}
    found = [Change(version, name, labelled(asked[name].label.get(session.lang) if name in asked else name,
                                            _change_text(session, asked.get(name), base.get(name),
                                                         version.data.get(name)), session.lang),
                    name in asked and asked[name].safety_critical)
             for name in [*asked, *sorted((set(base) | set(version.data)) - set(asked))]
             if not _same(base.get(name), version.data.get(name))]
    if version.status is RecordStatus.ENTERED_IN_ERROR:
        found.append(Change(version, None, message(session.lang, WITHDRAWN), True))
    return tuple(found)


def _change_text(session: Session, field: Field | None, before: Any, after: Any) -> str:
    """An answer as changed; a repeat group's by the rows added and removed ("added Penicillin
    (Anaphylaxis, Severe)"): the whole list would name as dropped an allergy the choice keeps."""
    if field is None:
        return str(after)
    if isinstance(field, RepeatField) and isinstance(before, list) and isinstance(after, list):
        added = [row for row in after if not any(_same(row, old) for old in before)]
        removed = [row for row in before if not any(_same(row, new) for new in after)]
        said = [message(session.lang, template, rows=answer_text(field, rows, session.lang))
                for template, rows in ((ADDED, added), (REMOVED, removed)) if rows]
        if said:
            return semicolon(session.lang).join(said)
    return answer_text(field, after, session.lang) or "—"


def _latest(hold: OnHold) -> list[RecordVersion]:
    """Each laptop's latest version: the one that holds all that laptop changed."""
    return list({version.device_id: version for version in sorted(hold.versions, key=lambda v: v.version)}.values())


def dropped(session: Session, hold: OnHold, chosen: RecordVersion) -> tuple[Change, ...]:
    """What choosing `chosen` drops: every other laptop's change since the version they started
    from that `chosen` does not hold, and its own laptop's later change when it is not that
    laptop's latest."""
    base = base_of(session, hold)
    return tuple(change for other in _latest(hold) if other.id != chosen.id for change in _changes(session, other, base)
                 if (chosen.status is not RecordStatus.ENTERED_IN_ERROR if change.field is None
                     else not _same(chosen.data.get(change.field), other.data.get(change.field))))


def dropped_text(session: Session, changes: tuple[Change, ...]) -> str:
    """As "the change on laptop 2 (no. 002) to Allergies: Penicillin (Anaphylaxis, Severe) will be dropped"."""
    return semicolon(session.lang).join(
        message(session.lang, WITHDRAWAL_DROPPED if change.field is None else DROPPED,
                laptop=laptop_name(session, change.version.device_id), change=change.text)
        for change in changes)


def combination(session: Session, hold: OnHold) -> dict[str, Any] | None:
    """The answers of the version that keeps every laptop's changes, answer by answer (a
    three-way merge against the version they started from); None when two laptops changed one
    answer differently, or one withdrew the record: only the ward can choose then."""
    latest = _latest(hold)
    if any(version.status is RecordStatus.ENTERED_IN_ERROR for version in latest):
        return None
    base = base_of(session, hold)
    combined = dict(base)
    for version in latest:
        for name in set(base) | set(version.data):
            value = version.data.get(name)
            if _same(base.get(name), value):
                continue
            if any(not _same(other.data.get(name), value) and not _same(other.data.get(name), base.get(name))
                   for other in latest):
                return None
            if value is None:
                combined.pop(name, None)
            else:
                combined[name] = value
    return combined


def _versions_text(session: Session, versions: list[RecordVersion], hold: OnHold) -> Listed:
    return Listed(tuple(HeldVersion(version.version, version.author, version.device_id,
                                    version.recorded_at.isoformat()).text(session.lang, hold.laptops, hold.authors)
                        for version in versions))


def combined_choice(session: Session, hold: OnHold) -> str | None:
    """The combination as the clerk chooses it, beside the versions, with the changes it keeps;
    None when the versions cannot be combined (see `combination`)."""
    if combination(session, hold) is None:
        return None
    base = base_of(session, hold)
    kept = [change.text for version in _latest(hold) for change in _changes(session, version, base)]
    return message(session.lang, COMBINED, versions=_versions_text(session, _latest(hold), hold),
                   changes=semicolon(session.lang).join(dict.fromkeys(kept)))


def choices(session: Session, hold: OnHold) -> list[str]:
    """Each version of the hold as the clerk chooses among them: its laptop, then the worklist's
    words; one its laptop replaced since is said so, since choosing it would undo that laptop's
    later change (a stopped order, say). Under it, what it changed since the version the laptops
    started from, and what choosing it would drop."""
    latest = {version.device_id: version.version for version in sorted(hold.versions, key=lambda v: v.version)}
    base = base_of(session, hold)
    listed = []
    for version in hold.versions:
        said = hold.named_in(version, session.lang) + (
            "" if version.version == latest[version.device_id]
            else message(session.lang, REPLACED, version=latest[version.device_id]))
        if hold.from_version > 1:
            changes = _changes(session, version, base)
            said += "\n" + (message(session.lang, CHANGED_SINCE, version=hold.from_version - 1,
                                     changes=semicolon(session.lang).join(change.text for change in changes))
                            if changes else message(session.lang, NOTHING_CHANGED, version=hold.from_version - 1))
        if drops := dropped(session, hold, version):
            said += "\n" + message(session.lang, DROPS, dropped=dropped_text(session, drops))
        listed.append(said)
    return listed


def patient_after(session: Session, hold: OnHold, data: dict[str, Any]) -> PatientSummary | None:
    """The patient as the admission would read once settled with these answers (its allergies
    above all, which the clerk checks before settling); None for a record of another form."""
    held = hold.versions[0]
    spec = session.form(held.form_id)
    if not spec.creates_patient or held.patient_id is None:
        return None
    numbers = downtime_numbers(session.db, [held.patient_id])
    return summarise(spec, held.model_copy(update={"data": data}), numbers.get(held.patient_id, ""))


def _reason(reason: str) -> str:
    said = reason.strip()
    if not said:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Reason: say who decided which version is right "
                                                         "(e.g. Sister Martin, ward 3B, by phone)."))
    return said


def _hold_as_shown(session: Session, shown: OnHold) -> OnHold:
    """The hold as it is now, refused when it is no longer the one the clerk saw."""
    hold = hold_of(session, shown.versions[0].record_id)
    if hold is None:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "This record is no longer on hold: it was settled meanwhile."))
    if hold.versions != shown.versions:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "This record's hold changed after you opened it (another "
                                                         "version came in): look at it again, then settle it."))
    return hold


def _standing(session: Session, record_id: str) -> RecordVersion | None:
    try:
        return records.current(session.db, record_id)
    except RecordNotFound:
        return None


def settle(session: Session, shown: OnHold, chosen: RecordVersion, reason: str,
           drop_changes: bool = False) -> RecordVersion:
    """Settle the hold `shown` (as the clerk saw it) with `chosen`, one of its versions, and the
    reason naming who decided; returns the version that then stands. A safety-critical change
    of another version that `chosen` drops is refused, naming it, unless `drop_changes` (the
    clerk confirmed the ward wants it dropped). One transaction: the amendment (if any) and the
    settlement, each with its audit entry, or nothing."""
    session.require(Action.SETTLE_HOLD)
    said = _reason(reason)
    hold = _hold_as_shown(session, shown)
    if chosen not in hold.versions:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "This record's hold changed after you opened it (another "
                                                         "version came in): look at it again, then settle it."))
    standing = _standing(session, chosen.record_id)
    withdrawn = chosen.status is RecordStatus.ENTERED_IN_ERROR
    standing_withdrawn = standing is not None and standing.status is RecordStatus.ENTERED_IN_ERROR
    if standing_withdrawn and not withdrawn:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "The version standing here withdrew this record (entered in "
                                                         "error), and a withdrawn record cannot be brought back: "
                                                         "choose it, and ask the ward to record the other version "
                                                         "again."))
    drops = dropped(session, hold, chosen)
    if not drop_changes and (critical := tuple(change for change in drops if change.safety_critical)):
        raise ServiceError(NOT_DROPPED, dropped=dropped_text(session, critical))
    # Who wrote the chosen version, as the hold named them to the clerk: the reason is read by
    # people, in History, on paper and on another office's list.
    why = message(session.lang, SETTLED, version=hold.from_version, chosen=chosen.version,
                  author=hold.authors.of(session.lang, chosen.author, chosen.device_id, hold.laptops),
                  laptop=laptop_name(session, chosen.device_id), reason=said)
    reads_so = standing is not None and (standing_withdrawn or (standing.data == chosen.data and not withdrawn))
    return _settled(session, hold, chosen, standing if reads_so else None, why, said, drops)


def combine(session: Session, shown: OnHold, reason: str) -> RecordVersion:
    """Settle the hold `shown` keeping every laptop's changes (see `combination`): a new version
    with their answers combined, written and kept as a chosen version is, its reason naming the
    versions it combines. Refused when they changed one answer differently."""
    session.require(Action.SETTLE_HOLD)
    said = _reason(reason)
    hold = _hold_as_shown(session, shown)
    data = combination(session, hold)
    if data is None:
        raise ServiceError(NOT_COMBINED)
    versions = _versions_text(session, _latest(hold), hold)
    standing = _standing(session, hold.versions[0].record_id)
    why = message(session.lang, SETTLED_COMBINED, version=hold.from_version, versions=versions, reason=said)
    kept = standing if standing is not None and standing.data == data else None
    return _settled(session, hold, _latest(hold)[0].model_copy(update={"data": data}), kept, why,
                    message(session.lang, COMBINED_REASON, versions=versions, reason=said), (),
                    combined=tuple(_latest(hold)))


def _settled(session: Session, hold: OnHold, chosen: RecordVersion, kept: RecordVersion | None, why: str, said: str,
             drops: tuple[Change, ...], combined: tuple[RecordVersion, ...] = ()) -> RecordVersion:
    """Make the record read as `chosen` (unless `kept`, standing, reads so already) with the
    amendment's reason `why`, and keep the settlement with `said`, in one transaction. A
    combination (`combined`: the versions it keeps together) is chosen as the version it
    writes, and keeps which versions it combined, which History and the worklist line say."""
    kept_together = [{"version": version.version, "device_id": version.device_id} for version in combined]
    record_id = chosen.record_id
    now = session.clock()
    with session.db.atomic():
        if kept is None:
            try:
                kept = records.settle_to(session, record_id, _standing(session, record_id), chosen, why)
            except ServiceError as problem:  # said in the ward's words ("withdraw them first, from the chart")
                raise ServiceError(NOT_SETTLED, problem=Phrase(problem.template, problem.values)) from problem
        if combined:
            chosen = kept
        settled = sorted(digest for (digest,) in session.db.execute(
            "SELECT digest FROM unsettled_versions WHERE record_id = ?", [record_id]))
        row = {"id": str(uuid.uuid4()), "record_id": record_id, "from_version": hold.from_version,
               "settled": audit.canonical(settled), "chosen_id": chosen.id, "chosen_version": chosen.version,
               "chosen_device_id": chosen.device_id, "standing_version": kept.version, "reason": said,
               "settled_by": session.user.staff_id, "settled_at": now.isoformat(), "settled_by_name": session.user.name,
               "combined": audit.canonical(kept_together) if kept_together else None}
        audit.insert_audited(session.db, "hold_settlements", row, at=now, actor=session.user.staff_id,
                             device_id=session.device.device_id, action="hold.settled",
                             detail={"record_id": record_id, "chosen_version": chosen.version,
                                     "standing_version": kept.version, "reason": said,
                                     "combined": kept_together,
                                     "dropped": [change.field or "entered_in_error" for change in drops]})
        if session.form(chosen.form_id).creates_patient:  # the side set aside is searched no longer
            search.refresh(session.db, session.forms, str(chosen.patient_id))
    return kept
