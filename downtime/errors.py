"""The one base class for errors a user can cause: shown to them as is, never as a traceback;
and the error of a form definition, which the deployer fixes. Kept free of heavy imports: the
command line and the sign-in window catch these before the rest of the app is loaded."""

from __future__ import annotations

from pathlib import Path


class UserError(Exception):
    """A problem the person at the keyboard can understand and act on."""


class FormSpecError(Exception):
    """A form file that cannot be used; `problems` lists every problem found, one per line."""

    def __init__(self, path: Path, problems: list[str]):
        self.path = path
        self.problems = problems
        super().__init__("\n".join(f"{path}: {problem}" for problem in problems))
