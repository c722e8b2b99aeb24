"""Starting the app: open the database, first-run set-up, sign-in, main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from downtime.domain.records import local_now
from downtime.formspec import Lang, load_forms
from downtime.paths import forms_dir
from downtime.qt.main_window import MainWindow
from downtime.qt.style import apply_style
from downtime.qt.sign_in import FirstRunDialog, SignInDialog
from downtime.services.context import Session, load_device
from downtime.services.setup import needs_setup
from downtime.storage import open_database
from downtime.storage.connection import StorageError


def run(db_path: Path, lang: Lang = "en") -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Downtime")
    apply_style(app)
    try:
        db = open_database(db_path)
    except StorageError as problem:
        QMessageBox.critical(None, "Downtime", str(problem))
        return 1
    if needs_setup(db) and FirstRunDialog(db, local_now).exec() != QDialog.DialogCode.Accepted:
        return 0
    forms = load_forms(forms_dir())
    windows: list[MainWindow] = []

    def sign_in() -> None:
        device = load_device(db)
        dialog = SignInDialog(db, local_now, device.name, demo=device.is_demo)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.member is None:
            app.quit()
            return
        window = MainWindow(Session(db, device, dialog.member, forms, lang=lang), signed_out=sign_in)
        windows[:] = [window]
        window.show()
        window.resume_drafts()

    sign_in()
    return app.exec() if windows else 0
