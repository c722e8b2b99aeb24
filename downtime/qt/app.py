"""Starting the app: first-run set-up, sign-in (which unlocks an encrypted database), main window.

On an old ward laptop the sign-in window must appear at once: this module and the sign-in
window load only the Qt classes that window shows; the database layer, the forms, the message
and file dialogs and the main window load just after the window shows, while the person types
their PIN (`_load_app`), or when first needed."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QDialog

from downtime.domain.clock import local_now
from downtime.errors import FormSpecError, UserError, refused
from downtime.i18n import saved_language
from downtime.qt.collector import collect_on_gui_thread
from downtime.qt.i18n import language, say, set_language, translate
from downtime.qt.sign_in import FirstRunDialog, SignInDialog
from downtime.qt.style import apply_style
from downtime.services.context import Vault

if TYPE_CHECKING:
    from downtime.formspec import FormSpec
    from downtime.i18n import Lang, Phrase
    from downtime.services.this_laptop import Laptop
    from downtime.qt.main_window import MainWindow


def sound_or_restored(vault: Vault, who: str, unreadable: str | None = None) -> bool:
    """The check at every opening: SQLite's integrity check and the audit chain (or the file
    could not even be opened: `unreadable`). A damaged file is never used; its newest sound
    backup is offered in its place (the damaged file is kept, renamed), the restore audited as
    `who`'s (services.backups.restored), and the person signs in again, told what the backup
    does not hold."""
    from downtime.qt.prompts import Prompts
    from downtime.qt.work import waited
    from downtime.services import backups
    from downtime.storage.backup import set_aside

    problem = unreadable if vault.db is None else _checked(vault)
    if problem is None:
        return True
    newest = waited(lambda: backups.prepare_restore(vault),
                    translate("App", "Looking for the newest sound backup: each is copied and checked before it is "
                              "offered…"))
    if newest is None:
        Prompts.error(None, translate("App", "Damaged database"),
                      translate("App", "{path} is damaged and must not be used:\n{problem}\n\n"
                                "No backup was found here (if backups go to a USB stick, restore one with "
                                "'downtime restore'). Use another laptop or the paper forms, and call IT.")
                      .format(path=vault.path, problem=problem))
        return False
    if not Prompts.confirm(None, translate("App", "Damaged database"),
                           translate("App", "{path} is damaged and must not be used:\n{problem}\n\n"
                                     "Put the newest backup ({backup}, made {when}) in its place? The damaged file "
                                     "is kept, renamed, for IT. Anything saved after that backup is not in it: check "
                                     "the last entries against paper.")
                           .format(path=vault.path, problem=problem, backup=newest.name, when=backups.made(newest))):
        backups.discard_restore(vault)
        return False
    if vault.db is not None:
        vault.db.conn.close()
    now = local_now()
    try:
        aside = set_aside(vault.path, now)
    except UserError as refusal:  # another window of the app still has the file open (storage.backup._alone)
        backups.discard_restore(vault)
        Prompts.error(None, translate("App", "Damaged database"), say(refusal))
        return False
    said = backups.put_restored(vault, newest, aside, who, now)
    vault.db, vault.key = None, None
    Prompts.info(None, translate("App", "Backup restored"),
                 translate("App", "{backup}, made {when}, is now in use. {not_in_it}\n\nPlease sign in again.")
                 .format(backup=newest.name, when=backups.made(newest), not_in_it=said.text(language())))
    return True


def _checked(vault: Vault) -> str | None:
    """`check_database` off the GUI thread (a ward laptop after a month: 2 s; the records
    office's 2 GB database: SQLite's integrity check 44 s and the audit chain 30 s), on the
    vault's connection, which nothing else touches until the check ends."""
    from downtime.qt.work import waited
    from downtime.services.backups import sound

    return waited(lambda: sound(vault.db, vault.key),  # type: ignore[arg-type]
                  translate("App", "Checking the database before use: its integrity and its audit chain…\n"
                            "On a large database (a records office's) this takes a minute or two."))


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def errors_shown(previous: ExceptHook) -> ExceptHook:
    """An action on the GUI thread (a dose, a booking, a transfer) that fails says so in a
    message box: Qt only prints the traceback, where nobody reads it, and the nurse could
    believe the dose recorded. A disk the person can act on (full, a removed or locked USB
    stick), met by the system or by SQLite, is said as such. Any other error is
    ours: it also goes on to `previous` (printed; in the tests, raised), and the person is told
    to check what was saved, since it may have failed after the write. One box at a time, and
    an error of ours once: one raised while painting would come back at every repaint, the
    box's own included."""
    showing = False
    told: set[str] = set()

    def hook(kind: type[BaseException], problem: BaseException, trace: TracebackType | None) -> None:
        nonlocal showing
        from downtime.qt.prompts import Prompts

        refusal = refused(problem)
        if refusal is None:
            previous(kind, problem, trace)
        known = f"{kind.__name__}: {problem}"
        if showing or (refusal is None and (not isinstance(problem, Exception) or known in told)):
            return
        if refusal is None:
            told.add(known)
            title = translate("App", "Unexpected error")
            text = translate("App", "Downtime met an error it did not expect: {problem}\n\nCheck on the screen whether "
                             "what you just did was saved before going on (if in doubt, write it on paper), and "
                             "call IT.").format(problem=problem)
        else:
            title, text = translate("App", "Not done"), say(refusal)
        showing = True
        try:
            Prompts.error(QApplication.activeWindow(), title, text)
        finally:
            showing = False

    return hook


def run(db_path: Path, lang: Lang | None = None) -> int:
    """`lang` for this run only; without it, the language last chosen on this laptop."""
    app = QApplication.instance() or QApplication(sys.argv)
    collect_on_gui_thread(app)
    sys.excepthook = errors_shown(sys.excepthook)
    app.setApplicationName("Downtime")
    apply_style(app)
    set_language(lang or saved_language())
    vault = Vault(db_path)
    if not db_path.exists():
        first_run = FirstRunDialog(db_path, local_now)
        if first_run.exec() != QDialog.DialogCode.Accepted or first_run.vault is None:
            return 0
        vault = first_run.vault
    loaded: list[_App] = []
    windows: list[MainWindow] = []

    def parts() -> _App:
        if not loaded:
            loaded.append(_load_app(vault))
        return loaded[0]

    def load(dialog: SignInDialog) -> None:
        """Once the window is on screen, load the rest of the app behind it (keys typed
        meanwhile wait in Qt's queue)."""
        try:
            found = parts()
        except UserError as problem:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(dialog, "Downtime", say(problem))
            dialog.reject()
            return
        except FormSpecError as problem:
            # Not a mistake of the person signing in, nor "an error Downtime did not expect" (which
            # told the nurse to check what was saved, and the window then vanished after the PIN):
            # a form IT edited has problems, said in the ward's language, and the app closes.
            from downtime.qt.prompts import Prompts

            Prompts.error(dialog, translate("App", "Form definitions have problems"),
                          translate("App", "Downtime cannot start: the form definitions on this laptop have problems. "
                                    "Use the paper forms and call IT, who will need this list:\n\n{problems}")
                          .format(problems=problem.text(language())))
            dialog.reject()
            return
        dialog.set_details(found.description, demo=found.demo, laptop=found.laptop)

    def sign_in(signed_in: SignInDialog | None = None) -> None:
        """Ask who is there, unless they signed in at the previous person's lock screen."""
        from downtime.services.context import load_device

        opened_before = vault.db is not None
        if signed_in is not None:
            dialog, accepted = signed_in, True
        else:
            dialog = SignInDialog(vault, local_now, load_device(vault.db).name if vault.db is not None else db_path.name,
                                  demo=bool(loaded) and loaded[0].demo, laptop=_laptop(vault) if loaded else None)
            if not loaded:
                dialog.painted.connect(lambda: load(dialog))
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
        # Who restores: the file unreadable, nobody is signed in; the staff ID typed opened its key.
        who = dialog.member.staff_id if dialog.member is not None else dialog.staff_id.text().strip()
        if accepted and dialog.unreadable is not None:
            if sound_or_restored(vault, who, dialog.unreadable):
                sign_in()
            else:
                app.quit()
            return
        if not accepted or dialog.member is None or vault.db is None:
            app.quit()
            return
        if not opened_before and not sound_or_restored(vault, who):
            app.quit()
            return
        if vault.db is None:
            sign_in()
            return
        window = parts().open_window(vault, dialog, language(), sign_in)
        if window is None:
            sign_in()
            return
        windows[:] = [window]
        window.show_on_screen()
        window.resume_drafts()

    sign_in()
    return app.exec() if windows else 0


@dataclass(frozen=True)
class _App:
    """What signing in needs beyond Qt, loaded while the sign-in window waits for a PIN."""

    forms: dict[str, FormSpec]
    demo: bool
    description: Phrase
    laptop: Laptop | None
    window: type[MainWindow]

    def open_window(self, vault: Vault, dialog: SignInDialog, lang: Lang,
                    signed_out: Callable[[SignInDialog | None], None]) -> MainWindow | None:
        """None when the database was set up on another computer and nobody said yet which
        laptop this is (qt.copied_database): the sign-in window comes back."""
        from downtime.qt.copied_database import usable_here
        from downtime.qt.work import on_own_connection, waited
        from downtime.services import census, search
        from downtime.services.context import Session, load_device

        assert vault.db is not None and dialog.member is not None
        session = Session(vault.db, load_device(vault.db), dialog.member, self.forms, lang=lang, vault=vault)
        if not usable_here(session):
            return None
        # Off the GUI thread: counting a records office's movements takes a second, and the
        # first opening after an upgrade that changes the index rebuilds it (10 s there); reading
        # its 100,000 patients' search lines against their admissions, some 8 s more, and 17 s
        # to rebuild them when they disagree (search.ensure_index). On a connection
        # of its own: the window signed out may still be ending work on this one.
        opened = session.own_connection()

        def prepared(own: Session) -> None:
            census.ensure_index(own.db, own.forms)
            search.ensure_index(own)

        waited(lambda: on_own_connection(opened, prepared),
               translate("App", "Preparing the census and the patient search of this database…"))
        return self.window(session, signed_out=signed_out)


def _load_app(vault: Vault) -> _App:
    from downtime.formspec import load_forms
    from downtime.i18n import Phrase
    from downtime.paths import forms_dir
    from downtime.qt.main_window import MainWindow
    from downtime.services.demo import is_demo_database
    from downtime.services.unlock import describe

    return _App(load_forms(forms_dir()), is_demo_database(vault.path),
                Phrase("{file} — {state}", {"file": vault.path.name, "state": describe(vault)}),
                _laptop(vault), MainWindow)


def _laptop(vault: Vault) -> Laptop | None:
    """Which laptop the sign-in window names: read once the database layer has loaded."""
    from downtime.services.this_laptop import on_sign_in

    return on_sign_in(vault)
