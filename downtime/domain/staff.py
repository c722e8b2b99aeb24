"""Staff members and sign-in lockout; the services check roles (downtime.domain.roles), the
screens only follow."""

from datetime import datetime, timedelta

from pydantic import BaseModel, ConfigDict

from downtime.domain.roles import PERMISSIONS, Action, Role

__all__ = ["LOCKOUT", "LOCKOUT_FAILURES", "PERMISSIONS", "Action", "Role", "StaffMember", "locked_until"]


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
