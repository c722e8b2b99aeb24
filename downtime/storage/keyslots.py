"""Key slots: the database's random key, wrapped once per staff member by a key derived from
their PIN, kept in a file beside the database (`<db>.keys`). Any valid sign-in unwraps the key
and opens the database; adding or removing a person adds or removes a slot, never re-encrypts.

The file holds no patient data and no PIN: a salt, a nonce and the wrapped key per person
(scrypt, then AES-256-GCM with the staff ID as associated data, so a slot cannot be moved to
another name). It also counts each staff ID's wrong PINs since its last good sign-in, so the
lockout applies before anyone has opened the database, and keeps those typed while it was
locked until they reach the audit log. A typed ID that holds no slot is counted under its
length alone (`unknown`), never its text: the Staff ID box gets a PIN when the two boxes are
swapped, and kept here that PIN opened the database for whoever read this file. And it names
the laptop and its ward (`keep_laptop`), which the sign-in window shows before anyone has
signed in, and keeps the highest downtime number the laptop gave or reserved (`keep_given`),
which a restored backup would wind back, and the laptop's latest export (`keep_export`), which
a restore would forget.

A short PIN can be guessed offline by whoever holds the laptop; scrypt makes each guess cost
about a fifth of a second, and the README's threat model says what that means.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import os
import secrets
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from downtime.domain.staff import LOCKOUT, typed_staff_id
from downtime.i18n import QT_TRANSLATE_NOOP
from downtime.errors import UserError
from downtime.storage import locks

KEY_BYTES = 32
SCRYPT = {"n": 2**15, "r": 8, "p": 1}


class KeySlotError(UserError):
    pass


def keys_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".keys")


def lock_path(db_path: Path) -> Path:
    """The file `_changing` locks, left beside the database (the system releases the lock itself)."""
    return db_path.with_name(db_path.name + ".keys.lock")


def is_encrypted(db_path: Path) -> bool:
    return keys_path(db_path).exists()


_PLAIN = b"SQLite format 3\x00"  # how every unencrypted SQLite file begins


def _looks_encrypted(db_path: Path) -> bool:
    """Whole pages (SQLCipher's are 512 to 65536 bytes) of what reads as random bytes, which
    neither a plain SQLite file nor a text file saved under the name is: 4096 random bytes hold
    some 255 different values, text fewer than a hundred."""
    size = db_path.stat().st_size
    if size < 512 or size % 512:
        return False
    with db_path.open("rb") as handle:
        head = handle.read(4096)
    return not head.startswith(_PLAIN) and len(set(head)) >= 200


def check_beside(db_path: Path) -> None:
    """An encrypted database, or a backup, is two files: copied without its key slots (a new
    laptop, a backup taken from the stick), or with them deleted, it read "file is not a
    database", and the app called a sound file damaged. Say which file to put back."""
    if is_encrypted(db_path) or not db_path.is_file() or not _looks_encrypted(db_path):
        return
    raise KeySlotError(QT_TRANSLATE_NOOP("messages", "{path} is encrypted and its key slots ({keys}) are not beside it: copy "
                                         "that file beside it from where the database came (a backup's .keys file, renamed "
                                         "{keys}, opens it too, with the PINs of the day it was made), then try again"),
                       path=db_path, keys=keys_path(db_path).name)


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _derive(pin: str, salt: bytes, params: dict[str, int]) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, dklen=KEY_BYTES, maxmem=2**27, **params)


def _load(db_path: Path) -> dict[str, Any]:
    path = keys_path(db_path)
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"format": 1, "slots": {}, "failures": {}, "recent": {}, "staged": {}}
    except (OSError, ValueError) as problem:
        raise KeySlotError(QT_TRANSLATE_NOOP("messages", "{path} cannot be read ({problem}); restore it from a backup"),
                           path=path, problem=problem) from None
    if not isinstance(content, dict) or content.get("format") != 1:
        raise KeySlotError(QT_TRANSLATE_NOOP("messages", "{path} is not a Downtime key-slot file; restore it from a backup"), path=path)
    content.setdefault("failures", {})
    content.setdefault("recent", {})
    content.setdefault("staged", {})
    return dict(content)


def _save(db_path: Path, content: dict[str, Any]) -> None:
    """Written beside the old file, flushed to the disk and renamed over it: a power cut leaves
    one or the other, never a file that has lost a slot (and locked its owner out). What an
    earlier cut left of such a write goes first (the caller holds the lock: nobody else is
    writing one)."""
    path = keys_path(db_path)
    for left in path.parent.glob(f".{path.name}-*"):
        left.unlink(missing_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(content, out, indent=1, sort_keys=True)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    if os.name != "nt":  # the rename itself reaches the disk with its folder's entry
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


@contextmanager
def _changing(db_path: Path) -> Iterator[dict[str, Any]]:
    """The file's content to change, written back if changed, with no other process (a second
    window of the app, a `downtime staff` command) reading or writing it meanwhile: each read the
    file before the other wrote it, and the second write dropped the first one's slot. What
    earlier versions kept of IDs typed at a sign-in is scrubbed (`_scrub`) before the caller
    reads it, and what a slot removed leaves is scrubbed after."""
    with locks.held(lock_path(db_path)):
        content = _load(db_path)
        before = copy.deepcopy(content)
        _scrub(content)
        yield content
        _scrub(content)
        if content != before:
            _save(db_path, content)


UNKNOWN = "unknown staff ID"


def unknown(typed: str) -> str:
    """What stands for a typed staff ID that holds no key slot, in this file and in the audit
    log: its length, never its text. Typed in the Staff ID box with the boxes swapped, it is a
    PIN, which this plain file kept for good (only that "ID"'s own good sign-in cleared it) and
    which opened the database at the first try for whoever read it, a backup's copy included.
    The length still tells the audit's reader that a PIN was likely typed there."""
    return f"{UNKNOWN} ({len(typed.strip())} characters)"


def _counted_as(content: dict[str, Any], staff_id: str) -> str:
    """The key a staff ID's wrong PINs are kept under: its own if it holds a slot."""
    actor = staff_id[:32]
    return actor if actor in content["slots"] or actor in content["staged"] else unknown(actor)


def _scrub(content: dict[str, Any]) -> None:
    """Counts and failures kept by earlier versions under an ID no slot holds (a PIN typed as a
    staff ID, a person since removed): the failures still to audit are kept under the ID's
    length (`unknown`), the lockout counts dropped (no slot: nothing they lock opens)."""
    for section in ("recent", "failures"):
        kept = content[section]
        for key in [key for key in kept if key not in content["slots"] and key not in content["staged"]
                    and not key.startswith(UNKNOWN)]:
            times = kept.pop(key)
            if section == "failures":
                kept[unknown(key)] = sorted([*kept.get(unknown(key), []), *times])


def copy_slots(source_db: Path, target_db: Path) -> None:
    """The key slots of a backup, or of a database restored from one: readable by their owner
    alone, as `_save` writes them (a plain file copy takes the umask's mode, which on a shared
    laptop lets another account guess the PINs offline), and on disk before the copy is used."""
    target = keys_path(target_db)
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as out:
        out.write(keys_path(source_db).read_bytes())
        out.flush()
        os.fsync(out.fileno())
    os.chmod(target, 0o600)  # a file that was there keeps its mode through os.open


def _wrapped(key: bytes, staff_id: str, pin: str) -> dict[str, Any]:
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    wrapped = AESGCM(_derive(pin, salt, SCRYPT)).encrypt(nonce, key, staff_id.encode())
    return {"kdf": "scrypt", "params": SCRYPT, "salt": _b64(salt), "nonce": _b64(nonce), "wrapped": _b64(wrapped)}


def add_slot(db_path: Path, key: bytes, staff_id: str, pin: str) -> None:
    slot = _wrapped(key, staff_id, pin)
    with _changing(db_path) as content:
        content["slots"][staff_id] = slot


def stage_slot(db_path: Path, key: bytes, staff_id: str, pin: str) -> None:
    """A new PIN's slot written beside the person's slot, not over it: a PIN changes in the
    database and in this file, two writes, and either can fail. Until `settle_slot`, the old PIN
    and the new one both open the database, so whichever PIN the database holds signs in."""
    slot = _wrapped(key, staff_id, pin)
    with _changing(db_path) as content:
        content["staged"][staff_id] = slot


def settle_slot(db_path: Path, staff_id: str) -> None:
    """The staged slot replaces the person's slot: the database holds its PIN now."""
    with _changing(db_path) as content:
        content["slots"][staff_id] = content["staged"].pop(staff_id)


def remove_slot(db_path: Path, staff_id: str, *, staged_only: bool = False) -> None:
    """The person's slots (`staged_only`: the new PIN's alone, the database having kept the old)."""
    with _changing(db_path) as content:
        content["staged"].pop(staff_id, None)
        if not staged_only:
            content["slots"].pop(staff_id, None)


def slot_holders(db_path: Path) -> list[str]:
    return sorted(_load(db_path)["slots"])


def holder(db_path: Path, typed: str) -> str:
    """The staff ID whose slot a typed one stands for, whatever its capitals (see
    `typed_staff_id`): the one to unwrap, and to count wrong PINs under, while the database, and
    so its staff list, cannot be read yet."""
    content = _load(db_path)
    return typed_staff_id(typed, {**content["staged"], **content["slots"]})


def unwrap(db_path: Path, staff_id: str, pin: str) -> bytes | None:
    """The database key, or None for an unknown staff ID or a wrong PIN (told apart by no one),
    from the person's slot or the one staged beside it (see `stage_slot`)."""
    content = _load(db_path)
    slots = [slot for slot in (content["slots"].get(staff_id), content["staged"].get(staff_id)) if slot is not None]
    if not slots:
        _derive(pin, secrets.token_bytes(16), SCRYPT)
        return None
    for slot in slots:
        try:
            return AESGCM(_derive(pin, base64.b64decode(slot["salt"]), slot["params"])).decrypt(
                base64.b64decode(slot["nonce"]), base64.b64decode(slot["wrapped"]), staff_id.encode())
        except InvalidTag:
            continue
    return None


def failures(db_path: Path, staff_id: str) -> list[datetime]:
    """The wrong PINs typed for this staff ID since its last good sign-in (the last `keep` of
    record_failure), whoever opened the database meanwhile: the lockout of a locked database
    counts these, since the audit log cannot be read yet."""
    content = _load(db_path)
    return [datetime.fromisoformat(at) for at in content["recent"].get(_counted_as(content, staff_id), [])]


def record_failure(db_path: Path, staff_id: str, at: datetime, keep: int, *, audited: bool = False) -> None:
    """A wrong PIN: counted towards this staff ID's lockout (the last `keep` are kept), and,
    unless the open database's audit log already holds it (`audited`), kept for that log. An ID
    holding no slot is counted under its length (`unknown`) and only within the lockout window:
    no good sign-in of its own ever ends its run, and kept longer, the count of every ID of that
    length would lock one mistyped at the end of a shift."""
    with _changing(db_path) as content:
        actor = _counted_as(content, staff_id)
        run = [*content["recent"].get(actor, []), at.isoformat()][-keep:]
        if actor.startswith(UNKNOWN):
            run = [kept for kept in run if at - datetime.fromisoformat(kept) < LOCKOUT]
        content["recent"][actor] = run
        if not audited:
            content["failures"].setdefault(actor, []).append(at.isoformat())


def clear_failures(db_path: Path, staff_id: str) -> None:
    """A good sign-in ends this staff ID's run of wrong PINs."""
    with _changing(db_path) as content:
        content["recent"].pop(staff_id[:32], None)


def take_failures(db_path: Path) -> dict[str, list[str]]:
    """The failures counted while the database was locked, handed over to the audit log once
    it opens (and so cleared here; each staff ID's run of wrong PINs stays counted for the
    lockout, see `failures`)."""
    with _changing(db_path) as content:
        pending = content["failures"]
        content["failures"] = {}
    return dict(pending)


def laptop(db_path: Path) -> dict[str, Any]:
    """The laptop's name and ward as `keep_laptop` last wrote them (empty before), the one thing
    the sign-in window can say of an encrypted database before a PIN opens it."""
    found = _load(db_path).get("laptop")
    return dict(found) if isinstance(found, dict) else {}


def keep_laptop(db_path: Path, name: str, ward: str | None) -> None:
    """Written only when changed: at each sign-in it is the same."""
    with _changing(db_path) as content:
        content["laptop"] = {"name": name, "ward": ward}


def given(db_path: Path) -> dict[int, int]:
    """The highest sequence given or reserved under each device number, as `keep_given` last
    wrote it (empty: a plain database, which has no key-slot file, or none given since this
    version): a database set aside as damaged is read here, its own file being unreadable."""
    try:
        found = _load(db_path).get("given") if is_encrypted(db_path) else None
    except KeySlotError:
        return {}
    return {int(number): int(sequence) for number, sequence in found.items()} if isinstance(found, dict) else {}


def keep_given(db_path: Path, device_number: int, sequence: int) -> None:
    """Kept outside the database because a restore winds the database back, and with it the
    numbers already on wristbands. Written (flushed to the disk, as `_save` does) inside the
    transaction that gives the number, before it commits: as durable as the admission, so no
    number reaches a patient unkept, and a crash in between only skips a number. That costs a
    small file's write and two flushes per admission or reservation (15 ms measured, next to the
    admission's own commit), a few dozen a day; a margin alone at the restore would cost
    nothing here but could not say which numbers wristbands carry, nor be sure to be enough
    with an old backup. Kept in this file, not one of its own, because it already goes with the
    database (set aside with it, copied with each backup) and is written under a lock. Only ever
    raised. A plain database has no such file: its restores jump by a margin
    (services.paper_numbers.lost_by_restore)."""
    if not is_encrypted(db_path):
        return
    with _changing(db_path) as content:
        kept = content.setdefault("given", {})
        kept[str(device_number)] = max(int(kept.get(str(device_number), 0)), sequence)


def last_export(db_path: Path) -> tuple[datetime, int] | None:
    """The time and last record rowid of the latest export, as `keep_export` last wrote them
    (None: none since this version, or a plain database): read from a database set aside as
    damaged, whose own `exports` table cannot be read, to tell what its last stick holds."""
    try:
        return _exported(_load(db_path)) if is_encrypted(db_path) else None
    except KeySlotError:
        return None


def _exported(content: dict[str, Any]) -> tuple[datetime, int] | None:
    found = content.get("exported")
    try:
        return datetime.fromisoformat(str(found["at"])), int(found["last_rowid"])  # type: ignore[index]
    except (KeyError, TypeError, ValueError):
        return None


def keep_export(db_path: Path, at: datetime, last_rowid: int) -> None:
    """Kept outside the database for the same reason as `keep_given`: a restore from a backup
    made before this export winds the `exports` table back, and the ward was told to re-type
    from paper what the stick already holds; typed again, a dose reached the EHR twice. Written
    once the export is on the stick (flushed, under the lock); an earlier one never replaces it."""
    if not is_encrypted(db_path):
        return
    with _changing(db_path) as content:
        kept = _exported(content)
        if kept is None or kept[0] <= at:
            content["exported"] = {"at": at.isoformat(), "last_rowid": last_rowid}
