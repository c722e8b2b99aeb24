"""The laptop's clock, kept apart from the record models so the sign-in window can tell the
time without loading them."""

from __future__ import annotations

from datetime import datetime


def local_now() -> datetime:
    """The laptop's time with its UTC offset: naive times are ambiguous across clock changes."""
    return datetime.now().astimezone()
