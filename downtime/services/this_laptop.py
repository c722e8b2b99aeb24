"""Which laptop this is and whose ward, as the sign-in window says it before anyone signs in:
a nurse picking up one of the station's laptops, or one lent from another ward, knows before
typing her PIN whose lists it opens on and where what she records is from.

The database says it (its device name and `settings.laptop_ward`), but an encrypted one cannot
be read before a PIN opens it: its key-slot file keeps a copy, written at every sign-in and
whenever an administrator changes either (`keep`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from downtime.errors import UserError
from downtime.services import settings
from downtime.services.context import Vault, load_device
from downtime.storage import keyslots, open_database


@dataclass(frozen=True)
class Laptop:
    name: str
    ward: str | None  # None: the records office's laptop, whose lists open on all wards


def on_sign_in(vault: Vault) -> Laptop | None:
    """The laptop as the database last said it; None when nothing can say it yet (an encrypted
    database nobody has signed in to since this was kept, a file that cannot be opened: the
    sign-in says why)."""
    if vault.db is not None:
        return _read(vault.db)
    try:
        if keyslots.is_encrypted(vault.path):
            kept = keyslots.laptop(vault.path)
            name, ward = kept.get("name"), kept.get("ward")
            return Laptop(name, ward if isinstance(ward, str) and ward else None) if isinstance(name, str) else None
        db = open_database(vault.path, create=False)
    except UserError:
        return None
    try:
        return _read(db)
    except UserError:
        return None
    finally:
        db.conn.close()


def keep(db: Database) -> None:
    """An encrypted database's copy brought up to date: at each sign-in, and once an
    administrator has changed the laptop's name or ward."""
    where = db.execute("PRAGMA database_list").fetchone()[2]
    if where and keyslots.is_encrypted(Path(where)):
        laptop = _read(db)
        keyslots.keep_laptop(Path(where), laptop.name, laptop.ward)


def _read(db: Database) -> Laptop:
    return Laptop(load_device(db).name, settings.laptop_ward(db))
