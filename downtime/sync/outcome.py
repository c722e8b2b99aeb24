"""What every import reports, whatever it read: an export, a merge or a snapshot."""

from __future__ import annotations

from dataclasses import dataclass

from downtime.errors import UserError


class ImportRefused(UserError):
    """Names the file and line (or bundle entry) and the field; nothing was written."""


@dataclass(frozen=True)
class ImportResult:
    kind: str
    added: dict[str, int]
    unchanged: int
