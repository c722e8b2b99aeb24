"""The one base class for errors a user can cause: shown to them as is, never as a traceback;
and the error of a form definition, which the deployer fixes. Kept free of heavy imports: the
command line and the sign-in window catch these before the rest of the app is loaded."""

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from downtime.i18n import QT_TRANSLATE_NOOP, Phrase, labelled

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


WHERE = QT_TRANSLATE_NOOP("messages", "{where}: {problem}")
"""A problem and what it is about: a file, a field, "where: problem" (" : " in French)."""


def refused_by_disk(problem: OSError) -> UserError:
    """A disk that refused a read or a write (full, removed, read-only) in words the person
    can act on: the file it concerned, when the system names one, and the system's own words,
    without an errno number."""
    words = problem.strerror or str(problem)
    if problem.filename:
        return UserError(WHERE, where=problem.filename, problem=words)
    return UserError(words)


# SQLite's primary result codes for a file or disk the person can do something about (free some
# space, put the USB stick back, unlock it, close the other program); any other database error
# is a mistake of ours and must stay loud.
_HELD = QT_TRANSLATE_NOOP("messages", "the database is busy: an import, or another program, is writing to it (try again "
                                      "once it ends)")
DISK_FULL = QT_TRANSLATE_NOOP("messages", "the disk is full")
READ_ONLY_FILE = QT_TRANSLATE_NOOP("messages", "the database file is read-only (a locked USB stick, or file permissions)")
_REFUSALS = {
    13: DISK_FULL,  # SQLITE_FULL
    10: QT_TRANSLATE_NOOP("messages", "the disk could not be read or written (a removed USB stick, or a failing disk)"),
    8: READ_ONLY_FILE,
    14: QT_TRANSLATE_NOOP("messages", "the database file cannot be opened (a removed USB stick, or file permissions)"),
    5: _HELD,  # SQLITE_BUSY
    6: _HELD,  # SQLITE_LOCKED
}


# SQLite's own words for those codes (sqlite3_errstr), for an error raised without its code:
# SQLCipher's module leaves it off some (a backup's).
_CODES_BY_WORDS = {"database or disk is full": 13, "disk I/O error": 10, "attempt to write a readonly database": 8,
                   "unable to open database file": 14, "database is locked": 5, "database table is locked": 6,
                   "database disk image is malformed": 11, "file is not a database": 26}


DAMAGED = QT_TRANSLATE_NOOP("messages", "the database file is damaged: part of it cannot be read (a failing disk or USB "
                                        "stick)")
_DAMAGE = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
"""SQLite's codes for a file it read and found damaged. Not among `_REFUSALS`: a database that
raised them must not be opened for reading instead (`unwritable`), as a full disk's is."""


def _result_code(problem: BaseException) -> int | None:
    """SQLite's primary result code of a database error (None: no database error), from the code
    sqlite3 and SQLCipher's module attach, else from SQLite's words for it. The modules load
    here, when an error is met, not at start-up."""
    import sqlite3

    import sqlcipher3

    if not isinstance(problem, (sqlite3.Error, sqlcipher3.Error)):
        return None
    code = getattr(problem, "sqlite_errorcode", None)
    if not isinstance(code, int):
        code = _CODES_BY_WORDS.get(str(problem))
    return None if code is None else code & 0xFF


def storage_cause(problem: BaseException) -> str | None:
    """What stopped SQLite, in the catalogue's words, when the person can act on it; None for
    any other error."""
    code = _result_code(problem)
    return None if code is None else _REFUSALS.get(code)


def damage_cause(problem: BaseException) -> str | None:
    """`DAMAGED` when reading the database met a damaged part (one bad sector is enough), None
    for any other error: the check at the opening then says the file is damaged and offers its
    newest sound backup, where a traceback or "Unexpected error" helped nobody. SQLCipher reports a
    page that fails its authentication check as SQLite's "out of memory", which Python's module
    raises as a bare MemoryError: only a caller that was reading the database asks this of one."""
    return DAMAGED if isinstance(problem, MemoryError) or _result_code(problem) in _DAMAGE else None


def unwritable(problem: BaseException) -> bool:
    """SQLite refused because the file or its disk cannot be written (full, read-only, removed),
    not because another program is writing to it, which ends."""
    return storage_cause(problem) not in (None, _HELD)


class StorageRefused(UserError):
    """SQLite could not read or write the file for a reason the person can act on. The
    transaction was rolled back: nothing was half-written."""

    def __init__(self, cause: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP("messages", "Not done: {cause}. Nothing was half-written; "
                                                       "call IT if it happens again."), cause=cause)
        self.cause = cause

    def text(self, lang: Lang) -> str:
        from downtime.i18n import message

        return message(lang, self.template, cause=message(lang, self.cause))


def refused_by_storage(problem: BaseException) -> StorageRefused | None:
    """The error to show for a database error the person can act on; None for our own."""
    cause = storage_cause(problem)
    return None if cause is None else StorageRefused(cause)


def refused(problem: BaseException) -> UserError | None:
    """The error to show the person: theirs to act on (a `UserError`), or a disk that refused,
    met by the system or by SQLite; None for an error of ours, which must stay loud."""
    if isinstance(problem, UserError):
        return problem
    if isinstance(problem, OSError):
        return refused_by_disk(problem)
    # A bare MemoryError may be ours (a huge print or import): only a reader of the database
    # takes it for damage (`damage_cause`).
    if not isinstance(problem, MemoryError) and damage_cause(problem) is not None:
        return StorageRefused(DAMAGED)
    return refused_by_storage(problem)


def refusal_of(problem: BaseException) -> UserError:
    """`refused`, for a caller that shows the error: an error of ours is raised again, loud."""
    refusal = refused(problem)
    if refusal is None:
        raise problem
    return refusal


_NOT_WRITTEN_BECAUSE = {
    errno.ENOSPC: DISK_FULL, errno.EDQUOT: DISK_FULL,
    errno.EROFS: QT_TRANSLATE_NOOP("messages", "the disk or folder is read-only"),
    errno.EACCES: QT_TRANSLATE_NOOP("messages", "the disk or folder is read-only"),
    errno.EPERM: QT_TRANSLATE_NOOP("messages", "the disk or folder is read-only"),
    errno.ENOENT: QT_TRANSLATE_NOOP("messages", "the disk was removed"),
    errno.EIO: QT_TRANSLATE_NOOP("messages", "the disk was removed"),
    errno.ENODEV: QT_TRANSLATE_NOOP("messages", "the disk was removed"),
    errno.ENXIO: QT_TRANSLATE_NOOP("messages", "the disk was removed"),
}


NOT_WRITTEN = QT_TRANSLATE_NOOP("messages", "Could not write to {path}: {cause}. Nothing was written.")


def disk_cause(problem: BaseException) -> Phrase | str:
    """Why a disk refused a file, in the catalogue's words when it is one a person can act on
    (full, read-only, removed), else in the system's or SQLite's own."""
    known = _NOT_WRITTEN_BECAUSE.get(problem.errno) if isinstance(problem, OSError) else storage_cause(problem)
    if known is not None:
        return Phrase(known)
    return problem.strerror if isinstance(problem, OSError) and problem.strerror else str(problem)


class NotWritten(UserError):
    """A file written for the person (a PDF, an export, a CSV) that its disk refused: named as
    they chose it, not as the temporary file it was being written to (".export-0ebtdfx0", "No
    space left on device" in English on a French screen). Each writer writes beside it first and
    removes that on failure, so nothing was written."""

    def __init__(self, out: Path, problem: BaseException) -> None:
        super().__init__(NOT_WRITTEN, path=out, cause=disk_cause(problem))


@contextmanager
def written_to(out: Path) -> Iterator[None]:
    """Around the writing of a file the person chose: a disk that refuses it is a `NotWritten`
    naming `out`. A file read elsewhere meanwhile (a merge's exports) keeps its own error."""
    try:
        yield
    except OSError as problem:
        if problem.filename and not Path(problem.filename).absolute().is_relative_to(out.absolute().parent):
            raise
        raise NotWritten(out, problem) from problem


class FormSpecError(Exception):
    """A form file that cannot be used; `problems` lists every problem found, one per line, as
    `text` says them in a language (`downtime forms check --lang fr` printed English); as text,
    the English."""

    def __init__(self, path: Path, problems: list[Phrase]):
        self.path = path
        self.problems = problems
        super().__init__("\n".join(f"{path}: {problem}" for problem in problems))

    def text(self, lang: Lang) -> str:
        return "\n".join(labelled(str(self.path), problem.text(lang), lang) for problem in self.problems)
