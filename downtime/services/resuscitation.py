"""A decision not to attempt resuscitation: who decided it and when (the admission's
`resuscitation_decided_by` and `resuscitation_decided_at`, version 2), said wherever the status
is, and who may change the status at all.

It is a senior doctor's decision (France: a medical decision, collegial and traced; UK: the senior
clinician's, ReSPECT). Any account with clinical rights amended it either way, a student nurse's
too ("family asked"), and the record named no doctor: the author was whoever typed it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, tzinfo
from typing import Any

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.clock import ward_time
from downtime.domain.roles import Role
from downtime.formspec import FormSpec
from downtime.formspec.schema import Meaning
from downtime.formspec.messages import message
from downtime.formspec.values import FieldError
from downtime.i18n import QT_TRANSLATE_NOOP, message as translated
from downtime.services.context import Session
from downtime.services.errors import PermissionDenied, ValidationFailed
from downtime.services.patients import PatientSummary
from downtime.storage.records import current_of

FORM = "admission"
DNACPR = "dnacpr"
DECIDED_BY, DECIDED_AT = "resuscitation_decided_by", "resuscitation_decided_at"
LIFTED_AT = "resuscitation_lifted_at"
"""When the doctor lifted a DNACPR (admission version 3), asked of the amendment lifting it."""
DECIDERS = frozenset({Role.DOCTOR, Role.WARD_NURSE})
"""Who records or lifts a decision: the doctor, or a registered nurse transcribing it, who names
the doctor and the time (the form asks them with DNACPR)."""
REFUSED = QT_TRANSLATE_NOOP("messages", "{field}: only a doctor, or a ward nurse naming the doctor who decided and "
                                        "when, records or changes a resuscitation decision.")
LIFTED_BEFORE = QT_TRANSLATE_NOOP("messages", "“{field}” is before the DNACPR it lifts was decided ({time}).")
DECIDED_BEFORE_LIFT = QT_TRANSLATE_NOOP("messages", "“{field}” is before the DNACPR lifted at {time} it follows.")
NOTHING_LIFTED = QT_TRANSLATE_NOOP("messages", "“{field}”: this change lifts no DNACPR (the status was not DNACPR, "
                                               "or stays so); leave it as it was.")


def check_change(session: Session, spec: FormSpec, data: Mapping[str, Any],
                 before: Mapping[str, Any] | None) -> None:
    """Refuse a resuscitation status set to DNACPR, or changed from what it was, by anyone but a
    doctor or a ward nurse (`DECIDERS`), or its doctor or time changed, and a DNACPR set without
    the doctor who decided it and when. A new admission "for resuscitation" or "not yet discussed" is no decision, which anyone
    admitting may write; an amendment leaving the status as it was (a bed, a weight) asks
    nothing of it, an admission of version 1 naming no doctor included. Checked here rather than
    required by the form: an admission imported or settled, written before the form asked, is
    not refused."""
    field = spec.by_meaning(Meaning.RESUSCITATION)
    if field is None:
        return
    now, then = data.get(field.id), None if before is None else before.get(field.id)
    # Who decided a standing DNACPR, and when, is the decision too: a student nurse rewrote or
    # blanked the doctor named, the status untouched, and the strip then said DNACPR of no one.
    renamed = now == DNACPR and before is not None and any(data.get(name) != before.get(name)
                                                          for name in (DECIDED_BY, DECIDED_AT))
    _check_lift_kept(session, spec, data, before or {}, lifting=then == DNACPR and now != DNACPR)
    if not (now == DNACPR if before is None else now != then or renamed):
        return
    if session.user.role not in DECIDERS:
        raise PermissionDenied(REFUSED, field=field.label.get(session.lang))
    if now == DNACPR and (missing := [name for name in (DECIDED_BY, DECIDED_AT) if not data.get(name)]):
        raise ValidationFailed([FieldError(name, message("required", session.lang,
                                                         spec.field(name).label.get(session.lang)))
                                for name in missing])
    if then == DNACPR and now != DNACPR:
        _check_lift(session, spec, data, before or {})
    lifted_at = (before or {}).get(LIFTED_AT)
    if now == DNACPR and lifted_at and data[DECIDED_AT] != (before or {}).get(DECIDED_AT) \
            and _instant(data[DECIDED_AT]) < _instant(lifted_at):
        # Decided again before the lift it follows: the EHR would be sent two decisions overlapping.
        raise ValidationFailed([FieldError(DECIDED_AT, translated(
            session.lang, DECIDED_BEFORE_LIFT, field=spec.field(DECIDED_AT).label.get(session.lang),
            time=ward_time(datetime.fromisoformat(lifted_at), session.clock().tzinfo)))])


def _instant(moment: str) -> datetime:
    return elapsed.instant(datetime.fromisoformat(moment))


def _check_lift_kept(session: Session, spec: FormSpec, data: Mapping[str, Any], before: Mapping[str, Any],
                     lifting: bool) -> None:
    """A lift time set or changed only by the amendment lifting a DNACPR: typed while correcting a
    patient's allergies, it printed "DNACPR lifted" on the record of one who never had a DNACPR.
    One kept as it was from an earlier lift in the stay is the history, not a new lift."""
    if lifting or not data.get(LIFTED_AT) or data.get(LIFTED_AT) == before.get(LIFTED_AT) \
            or not any(field.id == LIFTED_AT for field in spec.fields()):
        return
    raise ValidationFailed([FieldError(LIFTED_AT, translated(session.lang, NOTHING_LIFTED,
                                                             field=spec.field(LIFTED_AT).label.get(session.lang)))])


def _check_lift(session: Session, spec: FormSpec, data: Mapping[str, Any], before: Mapping[str, Any]) -> None:
    """A DNACPR lifted says when the doctor lifted it, not before it was decided, where the form
    asks it (version 3): the end of the decision the EHR is sent was when the lift was typed."""
    if not any(field.id == LIFTED_AT for field in spec.fields()):
        return
    label = spec.field(LIFTED_AT).label.get(session.lang)
    lifted_at, decided_at = data.get(LIFTED_AT), before.get(DECIDED_AT)
    if not lifted_at:
        raise ValidationFailed([FieldError(LIFTED_AT, message("required", session.lang, label))])
    if decided_at and _instant(lifted_at) < _instant(decided_at):
        decided = ward_time(datetime.fromisoformat(decided_at), session.clock().tzinfo)
        raise ValidationFailed([FieldError(LIFTED_AT, translated(session.lang, LIFTED_BEFORE, field=label,
                                                                 time=decided))])


def decided(db: Database, patients: Sequence[PatientSummary], zone: tzinfo | None = None) -> dict[str, str]:
    """Who decided each of these patients' DNACPR and when, "Dr Benali, 28/11 10:00" (on the
    ward's clock, `zone`), for those whose admission names them (one of version 1 may not)."""
    dnacpr = {patient.admission_record_id: patient.patient_id for patient in patients
              if patient.resuscitation == DNACPR}
    found = {}
    for record_id, record in current_of(db, list(dnacpr)).items():
        by, at = record.data.get(DECIDED_BY), record.data.get(DECIDED_AT)
        if by:
            found[dnacpr[record_id]] = ", ".join([" ".join(by.split()),
                                                  *([ward_time(datetime.fromisoformat(at), zone)] if at else [])])
    return found
