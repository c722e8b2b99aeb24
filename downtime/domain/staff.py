"""Staff members and sign-in lockout; the services check roles (downtime.domain.roles), the
screens only follow."""

import re
import unicodedata
from collections.abc import Iterable
from datetime import datetime, timedelta

from pydantic import BaseModel, ConfigDict

from downtime.domain.roles import PERMISSIONS, Action, Role

__all__ = ["LOCKOUT", "LOCKOUT_FAILURES", "PERMISSIONS", "Action", "Role", "StaffMember", "locked_until", "name_key",
           "typed_staff_id"]


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
    staff ID waits five minutes from the last one; a good sign-in resets the count. Never longer
    than five minutes from `now`: a last one "in the future" was typed under a clock since put
    back (counted as just now), and one more than five minutes ahead is outside the lockout's
    reach (a clock an hour fast put right locked the staff ID for an hour, at every start)."""
    recent = attempts[-LOCKOUT_FAILURES:]
    if len(recent) < LOCKOUT_FAILURES or any(ok for ok, _ in recent):
        return None
    last = recent[-1][1]
    if last - now > LOCKOUT:
        return None
    last = min(last, now)
    return last + LOCKOUT if now - last < LOCKOUT else None


def _folded(text: str) -> str:
    """A-Z as a-z and nothing else, as SQLite's COLLATE NOCASE compares (a staff ID is ASCII)."""
    return "".join(letter.lower() if letter.isascii() else letter for letter in text)


def typed_staff_id(typed: str, stored: Iterable[str]) -> str:
    """The one stored staff ID a typed one stands for, whatever its capitals and the spaces
    around it (with Caps Lock on, "NURSE1" was an unknown staff ID), the exact one first; for an
    unknown ID, the typed one folded. Wrong PINs are counted under what this returns, so every
    capitalisation of one ID shares its five guesses instead of having five each. Two accounts
    made before such IDs were refused ("Nurse", "nurse") are each reached typed exactly, and
    otherwise the first in order, the same from the key-slot file and from the staff table."""
    text = typed.strip()
    candidates = sorted(stored)
    if text in candidates:
        return text
    return next((found for found in candidates if _folded(found) == _folded(text)), _folded(text)[:32])


_BETWEEN_WORDS = re.compile(r"[\s-]+")


def name_key(name: str) -> str:
    """What two names of one person share however they were typed: capitals, accents, spaces and
    hyphens aside, and the words in any order. At 03:00 "Noemie FAURE" or "FAURE Noémie" (a
    French ward writes the surname first) is the Noémie Faure of Monday night's account, whose
    care a second staff ID would split over two identities."""
    plain = "".join(letter for letter in unicodedata.normalize("NFKD", name) if not unicodedata.combining(letter))
    return " ".join(sorted(word for word in _BETWEEN_WORDS.split(plain.casefold()) if word))
