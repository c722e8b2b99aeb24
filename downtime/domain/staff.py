"""Staff roles and what each may do; the services check these, the screens only follow."""

from datetime import datetime, timedelta
from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class Role(StrEnum):
    WARD_NURSE = "ward_nurse"
    DOCTOR = "doctor"
    SURGICAL_COORDINATOR = "surgical_coordinator"
    RECORDS_STAFF = "records_staff"
    ADMINISTRATOR = "administrator"


class Action(StrEnum):
    RECORD_CARE = "record_care"
    AMEND_RECORD = "amend_record"
    MARK_ENTERED_IN_ERROR = "mark_entered_in_error"
    READ_RECORDS = "read_records"
    PRINT = "print"
    MANAGE_STAFF = "manage_staff"
    IMPORT_DATA = "import_data"
    BACK_ENTRY = "back_entry"


_CLINICAL = {Action.RECORD_CARE, Action.AMEND_RECORD, Action.MARK_ENTERED_IN_ERROR,
             Action.READ_RECORDS, Action.PRINT}

PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.WARD_NURSE: frozenset(_CLINICAL),
    Role.DOCTOR: frozenset(_CLINICAL),
    Role.SURGICAL_COORDINATOR: frozenset({Action.READ_RECORDS, Action.PRINT}),
    Role.RECORDS_STAFF: frozenset({Action.READ_RECORDS, Action.PRINT, Action.IMPORT_DATA, Action.BACK_ENTRY}),
    Role.ADMINISTRATOR: frozenset({Action.MANAGE_STAFF, Action.READ_RECORDS, Action.PRINT, Action.IMPORT_DATA}),
}


class StaffMember(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    staff_id: str
    name: str
    role: Role
    active: bool = True

    def may(self, action: Action) -> bool:
        return self.active and action in PERMISSIONS[self.role]


LOCKOUT_FAILURES = 5
LOCKOUT = timedelta(minutes=5)


def locked_until(attempts: list[tuple[bool, datetime]], now: datetime) -> datetime | None:
    """After five wrong PINs in a row (oldest first in `attempts`, True for a success), the
    staff ID waits five minutes from the last one; a good sign-in resets the count."""
    recent = attempts[-LOCKOUT_FAILURES:]
    if len(recent) < LOCKOUT_FAILURES or any(ok for ok, _ in recent):
        return None
    last = recent[-1][1]
    return last + LOCKOUT if now - last < LOCKOUT else None
