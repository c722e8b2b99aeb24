"""A person's change of their own PIN, in the app or with `downtime staff change-pin`.

Set only by an administrator, every PIN was one the administrator knew, the PINs that sign a
controlled drug's witness included; a PIN an administrator sets now signs in only for this. Anyone signed in changes theirs by typing the current one
first: a colleague at a laptop left signed in cannot take the account over. A wrong current
PIN counts as a failed sign-in, towards the same lockout."""

from __future__ import annotations

from downtime.domain.staff import StaffMember
from downtime.i18n import QT_TRANSLATE_NOOP
from downtime.services import staff, unlock
from downtime.services.context import Session
from downtime.services.errors import LockedOut, ServiceError, SignInError

WRONG_CURRENT_PIN = QT_TRANSLATE_NOOP("messages", "Current PIN: wrong PIN; nothing was changed. Wrong PINs count as "
                                                  "failed sign-ins: five in a row lock your staff ID for five minutes.")


def change_own_pin(session: Session, current_pin: str, new_pin: str) -> StaffMember:
    """The signed-in person's PIN becomes `new_pin` (the rules of a new account's), their key
    slot of an encrypted database with it (`staff.replace_pin`); audited as staff.change_pin,
    the current PIN's check with it (a wrong one at once, as current_pin.failed). The one thing a
    session signed in with a PIN an administrator set may do (staff.pin_to_choose)."""
    session.require_active(choosing_pin=True)
    try:
        unlock.confirm_pin(session.db, session.user.staff_id, current_pin, session.clock, staff.PinUse.CURRENT_PIN)
    except LockedOut:
        raise
    except SignInError:
        raise ServiceError(WRONG_CURRENT_PIN) from None
    if new_pin == current_pin:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "New PIN: the same as the current one; choose another."))
    _, row = staff.account_named(session.db, session.user.staff_id)
    assert row is not None  # require_active read it
    return staff.replace_pin(session, row, new_pin, "staff.change_pin", to_choose=False)
