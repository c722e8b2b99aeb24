"""What every import reports, whatever it read (an export, a merge or a snapshot), and how an
import or an export tells its progress."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from downtime.errors import UserError


Progress = Callable[[int, int], None]
"""Told (done, total) as long work goes, for a progress bar."""


class ImportRefused(UserError):
    """Names the file and line (or bundle entry) and the field; nothing was written."""


@dataclass(frozen=True)
class ImportResult:
    kind: str
    added: dict[str, int]
    unchanged: int
