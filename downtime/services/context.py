"""What every use case needs to know: the database, this laptop, who is signed in, the time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from downtime.domain.clock import local_now

if TYPE_CHECKING:  # the sign-in window needs a Vault before the database layer is loaded
    from sqlite_utils import Database

    from downtime.domain.staff import Action, StaffMember
    from downtime.formspec import FormSpec, Lang

Clock = Callable[[], datetime]
Listener = Callable[[str, Any], None]


@dataclass(frozen=True)
class Device:
    device_id: str
    device_number: int
    name: str
    is_demo: bool


def load_device(db: Database) -> Device:
    from downtime.services.errors import SetupError

    meta = {row["key"]: row["value"] for row in db.query("SELECT key, value FROM meta")}
    if "device_id" not in meta:
        raise SetupError("this database has not been set up yet (no device, no administrator)")
    return Device(device_id=meta["device_id"], device_number=int(meta["device_number"]),
                  name=meta["device_name"], is_demo=meta.get("is_demo") == "1")


@dataclass
class Vault:
    """A ward database file and, once someone has signed in, its open connection and (for an
    encrypted one) its key, which adding a staff member wraps into a new key slot."""

    path: Path
    db: Database | None = None
    key: bytes | None = None


@dataclass
class Session:
    """A signed-in user on this laptop. Services receive it; screens hold it."""

    db: Database
    device: Device
    user: StaffMember
    forms: dict[str, FormSpec]
    clock: Clock = local_now
    lang: Lang = "en"
    listeners: list[Listener] = field(default_factory=list)
    vault: Vault | None = None

    def require(self, action: Action) -> None:
        """Refused in the person's words: the role and the action were their codes
        ("surgical_coordinator", "record care") on a French screen."""
        from downtime.domain.roles import ACTION_NAMES, ROLE_NAMES
        from downtime.i18n import QT_TRANSLATE_NOOP, translate
        from downtime.services.errors import PermissionDenied

        self.require_active()
        if not self.user.may(action):
            raise PermissionDenied(QT_TRANSLATE_NOOP("messages", "{name} ({role}) may not {action}"),
                                   name=self.user.name, role=translate(self.lang, "Banner", ROLE_NAMES[self.user.role]),
                                   action=translate(self.lang, "messages", ACTION_NAMES[action]))

    def require_active(self, *, choosing_pin: bool = False) -> None:
        """The account may have been deactivated since its holder signed in (by an administrator
        at another window of the app, or with `downtime staff deactivate`): their session went on
        recording. Asked of the database at each action, one row read by its key, which also
        gives the session the name and role an administrator corrected since (staff.correct_staff):
        the nurse added at 03:00 as a doctor went on writing orders until she signed out. An
        account whose PIN an administrator set (staff.pin_to_choose) does nothing but choose its
        own (`choosing_pin`): with it, the administrator signed in as a nurse on shift and amended
        her patients' records, audited as hers."""
        from downtime.domain.roles import Role
        from downtime.i18n import QT_TRANSLATE_NOOP
        from downtime.services.errors import AccountDeactivated
        from downtime.services.staff import PinNotChosen

        # Every column: a database opened for reading only before its upgrade (its disk full, no
        # migration run) has no pin_to_choose, and must still show its census.
        row = next(self.db.query("SELECT * FROM staff WHERE staff_id = ?", [self.user.staff_id]), None)
        if row is None or not row["active"]:
            raise AccountDeactivated(QT_TRANSLATE_NOOP("messages", "{name}'s account has been deactivated by an administrator: "
                                                       "nothing was recorded. Sign in with an active account."),
                                     name=self.user.name)
        if (row["name"], row["role"]) != (self.user.name, self.user.role.value):
            self.user = self.user.model_copy(update={"name": row["name"], "role": Role(row["role"])})
        if row.get("pin_to_choose") and not choosing_pin:
            raise PinNotChosen(self.user.name)

    def written_elsewhere(self) -> int:
        """A number that changes when another connection to the database commits (SQLite's
        data_version), never for this one's own writes: a window tells from it that another
        window, a command or a thread of its own wrote something it shows."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def form(self, form_id: str) -> FormSpec:
        from downtime.services.errors import SetupError

        try:
            return self.forms[form_id]
        except KeyError:
            raise SetupError(f"unknown form {form_id!r}") from None

    def own_connection(self) -> Callable[[], Session]:
        """How to open the same user on a connection of their own, for work run on another
        thread (an import, an export, a list) while the window keeps using this one: a SQLite
        connection must not be used by two threads at once. The file is found here, on the
        thread that owns this connection; the call returned opens it, on the work's thread (a
        list read after each save asked the window's connection from its own thread while the
        window saved: the connection's statement cache broke, once a crash). The copy tells no
        views; the caller closes its database when the work is done."""
        from downtime.storage import open_database

        path = self.db.execute("PRAGMA database_list").fetchone()[2]
        if not path:
            raise RuntimeError("an in-memory database cannot be opened a second time")
        key = self.vault.key if self.vault else None
        return lambda: replace(self, db=open_database(path, create=False, key=key), listeners=[], vault=None)

    def emit(self, event: str, payload: Any) -> None:
        """Tell open views that data changed, once the transaction under way has committed."""
        def tell() -> None:
            for listener in list(self.listeners):
                listener(event, payload)

        self.db.after_commit(tell)  # type: ignore[attr-defined]
