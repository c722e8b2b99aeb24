"""Where the app's data files and the ward database live, from a checkout or a wheel."""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path

from platformdirs import user_data_path

_PACKAGE = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    """forms/ and resources/ sit beside the package in a checkout and inside it in a wheel."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the {name}/ folder of Downtime is missing from {_PACKAGE}")


def forms_dir() -> Path:
    return _data_dir("forms")


def resources_dir() -> Path:
    return _data_dir("resources")


def data_dir() -> Path:
    """The app's own folder in the user's data: the ward database, its backups and prints.
    Closed to the laptop's other accounts (`owned_folder`) once it exists; made by what first
    writes in it (a cancelled first run writes nothing)."""
    return owned_folder(user_data_path("downtime", appauthor=False))


def owned_folder(folder: Path) -> Path:
    """`folder`, if it exists, closed so that other accounts of the laptop cannot list or enter
    it: made with the umask's mode (0755), it let them open an unencrypted ward database in it.
    Not on Windows, where a user's profile is their own and a mode means nothing; a folder the
    system will not change (another account's, a read-only disk) is left as it is."""
    if os.name != "nt":
        with suppress(OSError):  # none yet
            folder.chmod(0o700)
    return folder


def default_db_path() -> Path:
    """$DOWNTIME_DB, else the ward database in the user's data folder."""
    env = os.environ.get("DOWNTIME_DB")
    return Path(env) if env else data_dir() / "downtime.sqlite"


def demo_db_path() -> Path:
    """The demo ward lives in its own file, so demo data can never mix with real patients."""
    return data_dir() / "demo.sqlite"
