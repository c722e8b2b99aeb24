"""A lock between the app's processes (two windows of the app, the app and a `downtime` command)
over a file they read, change and write back: the system's own file lock, which it releases
when the process ends, so a crash never leaves a lock that nobody holds."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _lock(descriptor: int) -> None:
    if os.name == "nt":
        import msvcrt

        msvcrt.locking(descriptor, msvcrt.LK_LOCK, 1)  # retried for 10 s, then OSError
    else:
        import fcntl

        fcntl.flock(descriptor, fcntl.LOCK_EX)


@contextmanager
def held(path: Path) -> Iterator[None]:
    """Hold the lock on `path` (created if need be), waiting for whoever holds it."""
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        _lock(descriptor)
        yield
    finally:
        os.close(descriptor)
