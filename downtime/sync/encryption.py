"""Exports encrypted to the records office with the age format, so a lost USB stick reveals
nothing: wards hold only the public key, the records office keeps the identity (secret key).
A stick made for a patient moved to another ward is encrypted to the wards' key too, whose
identity every ward laptop holds in its encrypted database (services.settings.set_wards_key).

Files are standard age files, so the records office can also open them with the `age` tool.
The manifest is encrypted too (its counts and device would already say too much), and its
SHA-256 list is checked again after decryption, which catches a file removed or swapped.
"""

from __future__ import annotations

import io
import os
import shutil
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

import pyrage

from downtime.i18n import QT_TRANSLATE_NOOP, Listed
from downtime.errors import UserError, written_to

SUFFIX = ".age"


class BadRecipient(UserError):
    pass


class BadIdentity(UserError):
    pass


class DecryptRefused(UserError):
    pass


class NotForThisKey(DecryptRefused):
    """The export's first file opens with none of the identities given: it was made for other
    keys (a ward laptop given a stick made for the records office alone)."""


def wards_identity(secret: str) -> pyrage.x25519.Identity:
    """The wards' key as the set-up file and the settings keep it, checked."""
    try:
        return pyrage.x25519.Identity.from_str(secret.strip())
    except pyrage.IdentityError:
        raise BadIdentity(QT_TRANSLATE_NOOP("messages", "the wards' key is not an age secret key (it starts with "
                                                        "AGE-SECRET-KEY-1…)")) from None


def new_wards_key() -> str:
    """A new wards' key (its secret), made once for the hospital by the first set-up file saved."""
    return str(pyrage.x25519.Identity.generate())


def _key_lines(text: str) -> list[str]:
    """The key lines of an age key file, whose `#` lines are comments."""
    return [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("#")]


def parse_recipients(recipients: Sequence[str]) -> list[pyrage.x25519.Recipient]:
    """Checked before any work, so a mistyped key fails fast and nothing is written."""
    if not recipients:
        raise BadRecipient(QT_TRANSLATE_NOOP("messages", "no public key to encrypt to: give the records office's age1… key"))
    keys = []
    for recipient in recipients:
        try:
            keys.append(pyrage.x25519.Recipient.from_str(recipient.strip()))
        except pyrage.RecipientError:
            raise BadRecipient(QT_TRANSLATE_NOOP("messages", "{recipient!r} is not an age public key (it starts with age1…)"),
                               recipient=recipient) from None
    return keys


def read_recipients(values: Sequence[str]) -> list[str]:
    """Each value is a public key or a file of them (one per line), as `age -R` takes."""
    recipients = []
    for value in values:
        path = Path(value)
        if value.strip().startswith("age1") or not path.is_file():
            recipients.append(value)
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise BadRecipient(QT_TRANSLATE_NOOP("messages", "{path} is not a file of age public keys (it is not text)"),
                               path=path) from None
        if "AGE-SECRET-KEY-" in text:
            raise BadRecipient(QT_TRANSLATE_NOOP("messages", "{path} holds the secret key: give the wards only the public key (the age1… "
                                                                    "line), never the key file"),
                               path=path)
        lines = _key_lines(text)
        if not lines:
            raise BadRecipient(QT_TRANSLATE_NOOP("messages", "{path} holds no public key (an age1… line)"),
                               path=path)
        recipients.extend(lines)
    return recipients


def generate_identity(path: Path) -> str:
    """Never overwrites: the file may be the only key that opens the exports already made."""
    identity = pyrage.x25519.Identity.generate()
    public = str(identity.to_public())
    created = datetime.now().astimezone().isoformat(timespec="seconds")
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise BadIdentity(QT_TRANSLATE_NOOP("messages", "{path} already exists: it is not overwritten (it may be the only key that opens "
                                                               "earlier exports); choose another file"),
                          path=path) from None
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(f"# created: {created}\n# public key: {public}\n{identity}\n")
        handle.flush()
        os.fsync(handle.fileno())
    return public


def encrypted_export(path: Path) -> bool:
    """An export folder written with `--encrypt-to`: its manifest too is an .age file."""
    return path.is_dir() and (path / f"manifest.json{SUFFIX}").exists()


def load_identities(path: Path) -> list[pyrage.x25519.Identity]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as problem:
        raise BadIdentity(QT_TRANSLATE_NOOP("messages", "identity file {path} cannot be read ({problem})"),
                          path=path, problem=problem.strerror or problem) from None
    except UnicodeDecodeError:
        raise BadIdentity(QT_TRANSLATE_NOOP("messages", "{path} is not an age identity file (it is not text)"),
                          path=path) from None
    identities = []
    for number, line in enumerate(text.splitlines(), start=1):
        key = line.strip()
        if key and not key.startswith("#"):
            try:
                identities.append(pyrage.x25519.Identity.from_str(key))
            except pyrage.IdentityError:
                raise BadIdentity(QT_TRANSLATE_NOOP("messages", "{path} is not an age identity file (line {number} is not an AGE-SECRET-KEY-1… "
                                                                       "key)"),
                                  path=path, number=number) from None
    if not identities:
        raise BadIdentity(QT_TRANSLATE_NOOP("messages", "{path} is not an age identity file: it holds no AGE-SECRET-KEY-1… line"),
                          path=path)
    return identities


class _Written(io.RawIOBase):
    """The .age file as age writes it, keeping the disk's refusal (a full or removed stick): age
    reports one in words only, and drops the one its last write meets, which left a truncated
    file in an export said to be made."""

    def __init__(self, out: BinaryIO):
        super().__init__()
        self.out = out
        self.refused: OSError | None = None

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        try:
            return self.out.write(data)
        except OSError as problem:
            self.refused = problem
            raise


@contextmanager
def sealed(path: Path, keys: Sequence[pyrage.x25519.Recipient]) -> Iterator[BinaryIO]:
    """A file to write whose plaintext goes to no disk: age reads it through a pipe, on a thread
    of its own, and writes `path`.age as it goes (the plaintext of an export was written in the
    system's temporary folder first, where a crash left it for anyone using the laptop). The
    .age file is complete and on the disk once the block ends; an error in it leaves the part
    written, for the caller to remove."""
    target = path.with_name(path.name + SUFFIX)
    failed: list[BaseException] = []
    with target.open("xb") as out:
        written = _Written(out)
        read_end, write_end = os.pipe()

        def encrypt() -> None:
            with os.fdopen(read_end, "rb") as plaintext:
                try:
                    pyrage.encrypt_io(plaintext, written, keys)
                except BaseException as problem:
                    failed.append(problem)

        thread = threading.Thread(target=encrypt, name=f"encrypt {target.name}")
        thread.start()
        try:
            with os.fdopen(write_end, "wb") as plaintext:
                yield plaintext
        except OSError:
            thread.join()
            if not failed:  # the caller's own; otherwise the pipe age stopped reading, for the reason raised below
                raise
        finally:
            thread.join()
        if written.refused is not None:
            raise written.refused
        if failed:
            raise failed[0]
        out.flush()
        os.fsync(out.fileno())


def _decrypt_file(source: Path, target: Path, identities: list[pyrage.x25519.Identity],
                  identity_path: Path | str, opened_any: bool) -> None:
    """Whole-file decryption, so no plaintext is written before age has authenticated all of it.
    age reports an altered recipient header like a wrong key, so the message says both unless
    another file of the same export already opened with this identity."""
    try:
        plaintext = pyrage.decrypt(source.read_bytes(), identities)
    except pyrage.DecryptError as error:
        if "no matching keys" not in str(error).lower():
            raise DecryptRefused(QT_TRANSLATE_NOOP("messages", "{source}: damaged or altered, it cannot be decrypted ({error})"),
                                 source=source, error=error) from None
        if opened_any:
            raise DecryptRefused(QT_TRANSLATE_NOOP("messages", "{source} cannot be decrypted with this identity ({identity_path}) although the "
                                                                      "export's other files can: it was altered or damaged"),
                                 source=source, identity_path=identity_path) from None
        raise NotForThisKey(QT_TRANSLATE_NOOP("messages", "{source} cannot be decrypted with this identity ({identity_path}): it was "
                                                                 "encrypted to another key, or its header was altered"),
                            source=source, identity_path=identity_path) from None
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("xb") as writer:
        writer.write(plaintext)


def decrypt_folder(src: Path, out: Path, identity_path: Path) -> int:
    """Decrypt an export into the new folder `out` with the key file `identity_path` (see
    `decrypt_export`)."""
    if out.exists():
        raise DecryptRefused(QT_TRANSLATE_NOOP("messages", "{out} already exists: choose a new folder to decrypt into."),
                             out=out)
    return decrypt_export(src, out, load_identities(identity_path), identity_path)


def decrypt_export(src: Path, out: Path, identities: list[pyrage.x25519.Identity], identity_path: Path | str) -> int:
    """Decrypt an export into the new folder `out`, which appears only once every file has
    decrypted and matches the manifest, so a refused export leaves nothing to mistake for it.
    What an office's Mac or PC wrote beside the .age files (export.os_litter) is not decrypted.
    `identity_path`: how the refusals name the key (its file, or the laptop's wards' key)."""
    from downtime.sync.export import on_disk, os_litter, put_in_place, staging_in, verify_export  # export imports this module

    if out.exists():
        raise DecryptRefused(QT_TRANSLATE_NOOP("messages", "{out} already exists: choose a new folder to decrypt into."),
                             out=out)
    if not src.is_dir():
        raise DecryptRefused(QT_TRANSLATE_NOOP("messages", "{src} is not a folder"),
                             src=src)
    sources = sorted(path for path in src.rglob(f"*{SUFFIX}")
                     if path.is_file() and not os_litter(path.relative_to(src)))
    if not sources:
        raise DecryptRefused(QT_TRANSLATE_NOOP("messages", "{src} holds no {SUFFIX} files: it is not an encrypted export"),
                             src=src, SUFFIX=SUFFIX)
    with written_to(out):
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = staging_in(out.parent, ".decrypt-")
        try:
            for number, source in enumerate(sources):
                relative = source.relative_to(src)
                _decrypt_file(source, staging / relative.with_name(relative.name.removesuffix(SUFFIX)),
                              identities, identity_path, opened_any=number > 0)
            problems = verify_export(staging, relative=True)
            if problems:
                raise DecryptRefused(QT_TRANSLATE_NOOP("messages", "refused, {src} does not match its manifest after "
                                                                   "decryption: copy the export again from the laptop "
                                                                   "(or its backup stick):\n{problems}"),
                                     src=src, problems=Listed(tuple(problems), between="\n"))
            on_disk(staging)
            put_in_place(staging, out)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return len(sources)
