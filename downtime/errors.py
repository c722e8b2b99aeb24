"""The one base class for errors a user can cause: shown to them as is, never as a traceback;
and the error of a form definition, which the deployer fixes. Kept free of heavy imports: the
command line and the sign-in window catch these before the rest of the app is loaded."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from downtime.i18n import Lang


class UserError(Exception):
    """A problem the person at the keyboard can understand and act on.

    `template` is English with {named} places, marked for the catalogue where it is written
    (`QT_TRANSLATE_NOOP("messages", ...)`); `text(lang)` is what the person reads. A message made
    elsewhere (a line of an import file) is not in the catalogue and reads as written."""

    def __init__(self, template: str = "", /, **values: object):
        self.template = template
        self.values = values
        super().__init__(template.format(**values) if values else template)

    def text(self, lang: Lang) -> str:
        from downtime.i18n import message

        return message(lang, self.template, **self.values)


def refused_by_disk(problem: OSError) -> UserError:
    """A disk that refused a read or a write (full, removed, read-only) in words the person
    can act on: the file it concerned, when the system names one, and the system's own words,
    without an errno number."""
    from downtime.i18n import QT_TRANSLATE_NOOP

    words = problem.strerror or str(problem)
    if problem.filename:
        return UserError(QT_TRANSLATE_NOOP("messages", "{where}: {problem}"), where=problem.filename, problem=words)
    return UserError(words)


class FormSpecError(Exception):
    """A form file that cannot be used; `problems` lists every problem found, one per line."""

    def __init__(self, path: Path, problems: list[str]):
        self.path = path
        self.problems = problems
        super().__init__("\n".join(f"{path}: {problem}" for problem in problems))
