"""Which computers a ward database runs on, so that a copy of it opened on another laptop is
caught before it numbers a patient.

A laptop's downtime numbers are kept apart from every other laptop's by its device number. A
database file copied to a second laptop (IT setting one laptop up and copying the file to the
others, or a backup restored on a spare while the first laptop still runs) carries that number
with it: both laptops would give DT-007-00012 to two different patients, on their wristbands and
labels, and the records office could not merge them. Each computer (each of its accounts: the
id lives in the user's data folder) has an installation id of its own; the database lists the
installations it runs on, from its set-up. Opened anywhere else, it is not used until an
administrator says which it is: this laptop replaces the other (or is the same laptop, another
account), or it is a copy that both will use, which then becomes a laptop of its own, with a new
device id and device number, before anything is written on it.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path

from sqlite_utils import Database

from downtime.domain.roles import Action
from downtime.i18n import QT_TRANSLATE_NOOP
from downtime.paths import data_dir
from downtime.services import settings, this_laptop
from downtime.services.context import Session, load_device
from downtime.errors import refused_by_disk
from downtime.services.errors import SetupError
from downtime.storage import audit
from downtime.storage.connection import writable

INSTALLATION_FILE = "installation-id"
META_KEY = "installations"


class Placed(Enum):
    HERE = "here"
    """Set up or accepted on this computer."""
    UNKNOWN = "unknown"
    """Set up before databases listed their computers: taken as this one's at its first opening."""
    ELSEWHERE = "elsewhere"
    """A copy, or moved: an administrator says which before it is used."""


def this_installation() -> str:
    """This computer's (and account's) id, made at its first use. Written beside its place and
    renamed, so a crash never leaves half an id that would make every database look copied."""
    path = data_file()
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        pass
    made = str(uuid.uuid4())
    written = path.with_name(f".{INSTALLATION_FILE}.{made}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        written.write_text(made, encoding="ascii")
        os.replace(written, path)
    except OSError as problem:
        written.unlink(missing_ok=True)
        raise refused_by_disk(problem) from None
    return made


def installations(db: Database) -> list[str] | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [META_KEY]).fetchone()
    return None if row is None else list(json.loads(row[0]))


def placed(db: Database) -> Placed:
    known = installations(db)
    if known is None:
        return Placed.UNKNOWN
    return Placed.HERE if this_installation() in known else Placed.ELSEWHERE


def usable_here(session: Session) -> bool:
    """Whether the database may be used on this computer, as someone signs in: a database set up
    before databases listed their computers is taken as this one's at its first opening (and
    only read, when its disk is full)."""
    where = placed(session.db)
    if where is Placed.UNKNOWN and writable(session.db):
        _write(session, {META_KEY: json.dumps([this_installation()])}, "setup.installation")
    return where is not Placed.ELSEWHERE


def _require_elsewhere(session: Session) -> None:
    """Only a database set up on another computer is decided on: `copy` typed on the laptop it
    was set up on would have given that laptop a new device id and number, leaving the copy
    the one that goes on with the old."""
    session.require(Action.MANAGE_STAFF)
    if placed(session.db) is not Placed.ELSEWHERE:
        raise SetupError(QT_TRANSLATE_NOOP("messages", "This database already runs on this computer: nothing to "
                                                       "decide ('downtime set device-number' changes its number)."))


def carry_on_here(session: Session) -> None:
    """This laptop replaces the one the database ran on (which will not be used again), or is
    that laptop under another account: it goes on with its device number (administrators)."""
    _require_elsewhere(session)
    known = installations(session.db) or []
    _write(session, {META_KEY: json.dumps([*known, this_installation()])}, "setup.installation.replaces")


def become_own_laptop(session: Session, device_number: int, device_name: str, ward: str) -> None:
    """The database is a copy the other laptop goes on using: from now on it is a laptop of its
    own, a new device id and the device number IT gives it, which no other laptop has
    (administrators). What it holds from before the copy stays as it was, the other laptop's too.
    `ward`: this laptop's ward (settings.set_laptop_ward; empty for none), chosen in the same
    step: IT copying one laptop set up for ward 3B to every ward's gave each copy 3B's lists and
    new admissions in 3B."""
    from downtime.services.setup import check_device

    _require_elsewhere(session)
    check_device(device_number, device_name)
    device = load_device(session.db)
    if device_number == device.device_number:
        raise SetupError(QT_TRANSLATE_NOOP("messages", "Device number: {number} is the other laptop's, which goes on "
                                                       "using it; give this one its own."), number=device_number)
    chosen = settings.laptop_ward_chosen(session.db, ward)
    _write(session, {"device_id": str(uuid.uuid4()), "device_number": str(device_number),
                     "device_name": device_name.strip(), META_KEY: json.dumps([this_installation()]),
                     settings.meta_key("laptop_ward"): chosen or ""},
           "setup.installation.copy")
    this_laptop.keep(session.db)


def _write(session: Session, meta: dict[str, str], action: str) -> None:
    now = session.clock()
    with session.db.atomic():
        device_id = meta.get("device_id") or load_device(session.db).device_id
        for key, value in meta.items():
            audit.upsert_audited(session.db, "meta", {"key": key, "value": value}, at=now,
                                 actor=session.user.staff_id, device_id=device_id, action=action)
    session.device = load_device(session.db)


_kept_in: list[Path] = []


def data_file() -> Path:
    """Where this computer's id is kept: in the account's data folder, beside the ward database
    (inside `kept_in`, in its folder)."""
    return (_kept_in[-1] if _kept_in else data_dir()) / INSTALLATION_FILE


@contextmanager
def kept_in(folder: Path) -> Iterator[None]:
    """The id of a throw-away run kept in its own folder: `downtime selftest` sets up and opens a
    demo ward, and leaves nothing in the laptop's data folder."""
    _kept_in.append(folder)
    try:
        yield
    finally:
        _kept_in.pop()
