"""How many SQL statements a read takes, for the tests holding a ward's read to a count that does
not grow with its patients or orders (one query per patient was a ward list read at every save)."""

from collections.abc import Callable
from typing import TypeVar

from sqlite_utils import Database

T = TypeVar("T")


def statements(db: Database, read: Callable[[], T]) -> tuple[int, T]:
    """The number of statements `read` ran on `db`, and what it returned."""
    seen: list[str] = []
    db.conn.set_trace_callback(seen.append)
    try:
        found = read()
    finally:
        db.conn.set_trace_callback(None)
    return len(seen), found
