"""Starting the app: first-run set-up, sign-in (which unlocks an encrypted database), main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from downtime.domain.records import local_now
from downtime.formspec import Lang, load_forms
from downtime.paths import data_dir, forms_dir
from downtime.qt.main_window import MainWindow
from downtime.qt.prompts import Prompts
from downtime.qt.style import apply_style
from downtime.qt.sign_in import FirstRunDialog, SignInDialog
from downtime.errors import UserError
from downtime.services import backups, census
from downtime.services.context import Session, Vault, load_device
from downtime.services.demo import is_demo_database
from downtime.services.unlock import describe
from downtime.storage.backup import restore_backup, set_aside
from downtime.storage.integrity import check_database


def sound_or_restored(vault: Vault, unreadable: str | None = None) -> bool:
    """The check at every opening: SQLite's integrity check and the audit chain (or the file
    could not even be opened: `unreadable`). A damaged file is never used; the newest backup is
    offered in its place (the damaged file is kept, renamed), and the person signs in again."""
    problem = unreadable if vault.db is None else check_database(vault.db)
    if problem is None:
        return True
    newest = backups.newest(backups.folder(vault.db) if vault.db is not None else data_dir() / "backups")
    if newest is None:
        Prompts.error(None, "Damaged database", f"{vault.path} is damaged and must not be used:\n{problem}\n\n"
                      "No backup was found here (if backups go to a USB stick, restore one with "
                      "'downtime restore'). Use another laptop or the paper forms, and call IT.")
        return False
    if not Prompts.confirm(None, "Damaged database",
                           f"{vault.path} is damaged and must not be used:\n{problem}\n\n"
                           f"Put the newest backup ({newest.name}) in its place? The damaged file is kept, "
                           "renamed, for IT. Anything saved after that backup is not in it: check the "
                           "last entries against paper."):
        return False
    if vault.db is not None:
        vault.db.conn.close()
    set_aside(vault.path, local_now())
    restore_backup(newest, vault.path)
    vault.db, vault.key = None, None
    Prompts.info(None, "Backup restored", f"{newest.name} is now in use. Please sign in again.")
    return True


def run(db_path: Path, lang: Lang = "en") -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Downtime")
    apply_style(app)
    vault = Vault(db_path)
    try:
        if not db_path.exists():
            first_run = FirstRunDialog(db_path, local_now)
            if first_run.exec() != QDialog.DialogCode.Accepted or first_run.vault is None:
                return 0
            vault = first_run.vault
        demo = is_demo_database(db_path)
    except UserError as problem:
        QMessageBox.critical(None, "Downtime", str(problem))
        return 1
    forms = load_forms(forms_dir())
    windows: list[MainWindow] = []

    def sign_in() -> None:
        opened_before = vault.db is not None
        name = load_device(vault.db).name if vault.db is not None else f"{db_path.name} — {describe(vault)}"
        dialog = SignInDialog(vault, local_now, name, demo=demo)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if accepted and dialog.unreadable is not None:
            if sound_or_restored(vault, dialog.unreadable):
                sign_in()
            else:
                app.quit()
            return
        if not accepted or dialog.member is None or vault.db is None:
            app.quit()
            return
        if not opened_before and not sound_or_restored(vault):
            app.quit()
            return
        if vault.db is None:
            sign_in()
            return
        census.ensure_index(vault.db, forms)
        session = Session(vault.db, load_device(vault.db), dialog.member, forms, lang=lang, vault=vault)
        window = MainWindow(session, signed_out=sign_in)
        windows[:] = [window]
        window.show()
        window.resume_drafts()

    sign_in()
    return app.exec() if windows else 0
