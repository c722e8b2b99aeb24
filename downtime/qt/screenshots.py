"""The README's screenshots, taken from the real windows on a fresh demo ward, so they show what
a ward sees today rather than what it saw when someone last remembered to update them.

    python -m downtime.qt.screenshots FOLDER [--lang fr]

Run it under Xvfb (`xvfb-run -a`) or with QT_QPA_PLATFORM=offscreen; each PNG is one screen."""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable, Sequence
from datetime import datetime
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWidget

from downtime.domain.clock import local_now
from downtime.domain.roles import Role
from downtime.formspec import load_forms
from downtime.i18n import Lang
from downtime.paths import forms_dir
from downtime.qt.collector import collect_on_gui_thread
from downtime.qt.i18n import set_language
from downtime.qt.back_entry_panel import TO_DO, BackEntryPanel
from downtime.qt.main_window import MainWindow
from downtime.qt.observations_view import EscalationPanel
from downtime.qt.patients_panel import PatientsPanel
from downtime.qt.print_preview import PrintPreview
from downtime.qt.sign_in import SignInDialog
from downtime.qt.theatre_panel import TheatrePanel
from downtime.qt.style import apply_style
from downtime.qt.work import Work
from downtime.services import printing, this_laptop
from downtime.services.context import Session, Vault, load_device
from downtime.services.census import in_patients
from downtime.services.demo import DEMO_ACCOUNTS, PAEDIATRIC_WARD, create_demo
from downtime.services.unlock import sign_in

SIZE = (1340, 760)
# Each role's first demo account, the one the README's tours sign in with (the night nurse,
# listed after the day nurse, took the pictures meant to be the day nurse's).
ACCOUNTS = {role: (staff_id, pin) for staff_id, _, role, pin in reversed(DEMO_ACCOUNTS)}


def _settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def _save(app: QApplication, widget: QWidget, path: Path) -> Path:
    widget.show()
    _settle(app)
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    return path


def _read(app: QApplication, window: MainWindow,
          panel: PatientsPanel | EscalationPanel | TheatrePanel | BackEntryPanel) -> None:
    """A tab shown once its list is read (on a thread of its own)."""
    window.tabs.setCurrentWidget(panel)
    while (reading := panel.reader.reading) is not None:
        reading.wait()
        _settle(app)


def _choose_longest_to_do(app: QApplication, window: MainWindow, panel: BackEntryPanel) -> None:
    """The back-entry tab read, the line with the most to do chosen: the pane under the list
    shows it whole."""
    _read(app, window, panel)
    model = panel.model
    panel.table.selectRow(max(range(model.rowCount()), key=lambda row: len(model.text(row, TO_DO))))


def _done(app: QApplication, window: MainWindow) -> None:
    """Closed and deleted before the demo database closes (its banner reads the database), once
    the lists it was reading are read."""
    for work in list(Work.running):
        work.wait()
    _settle(app)
    window.close()
    window.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def take(folder: Path, lang: Lang = "en") -> list[Path]:
    """One PNG per main screen of each role, named after the screen (and `-fr` in French)."""
    app = QApplication.instance() or QApplication(sys.argv)
    collect_on_gui_thread(app)
    apply_style(app)  # type: ignore[arg-type]
    set_language(lang)
    folder.mkdir(parents=True, exist_ok=True)
    suffix = "" if lang == "en" else f"-{lang}"
    made: list[Path] = []
    forms = load_forms(forms_dir())
    with tempfile.TemporaryDirectory() as scratch:
        vault, _ = create_demo(Path(scratch) / "demo.sqlite", forms, encrypted=False)

        def window_for(role: Role) -> MainWindow:
            staff_id, pin = ACCOUNTS[role]
            session = Session(vault.db, load_device(vault.db), sign_in(vault, staff_id, pin), forms,  # type: ignore[arg-type]
                              lang=lang, vault=vault)
            window = MainWindow(session)
            window.resize(*SIZE)
            return window

        def shot(name: str, widget: QWidget, prepare: Callable[[], object] | None = None) -> None:
            if prepare is not None:
                prepare()
            made.append(_save(app, widget, folder / f"{name}{suffix}.png"))  # type: ignore[arg-type]

        dialog = SignInDialog(Vault(vault.path, vault.db), local_now, load_device(vault.db).name,  # type: ignore[arg-type]
                              demo=True, laptop=this_laptop.on_sign_in(vault))
        dialog.staff_id.setText(ACCOUNTS[Role.WARD_NURSE][0])
        shot("sign-in", dialog)
        dialog.close()
        nurse = window_for(Role.WARD_NURSE)
        shot("patients", nurse, lambda: _read(app, nurse, nurse.patients))
        nurse.patients.table.selectRow(0)
        shot("admission-form", nurse, nurse.open_selected)
        shot("medication-round", nurse, nurse.show_round)
        patient = next(row.patient for row in nurse.patients.model.rows if row.patient is not None)
        shot("mar", nurse, lambda: nurse.open_mar_of(patient.patient_id))
        shot("patient-records", nurse, lambda: nurse.open_records_of(patient.patient_id))
        shot("cd-register", nurse, nurse.show_cd_register)
        shot("news2-escalation", nurse, lambda: _read(app, nurse, nurse.escalation))
        worst = nurse.escalation.model.rows[0].patient.patient_id
        shot("observations", nurse, lambda: nurse.open_observations_of(worst))
        # The patient whose fluid chart the demo keeps: the ward's longest in (services.demo).
        fluids = min((row.patient for row in nurse.patients.model.rows if row.patient is not None),
                     key=lambda each: datetime.fromisoformat(each.admitted_at))
        # The last whole day: the chart under way may have an hour in it.
        shot("fluid-balance", nurse, lambda: nurse.open_fluid_balance_of(fluids.patient_id).earlier.click())
        # The unidentified man with a head injury, whose neuro obs the demo keeps.
        injured = next(row.patient for row in nurse.patients.model.rows
                       if row.patient is not None and row.patient.unidentified)
        shot("neuro", nurse, lambda: nurse.open_neuro_of(injured.patient_id))
        def admitted_for(words: str) -> str:
            """The ward's patient whose reason for admission holds `words`."""
            return next(row.patient.patient_id for row in nurse.patients.model.rows
                        if row.patient is not None and words in (row.patient.reason or ""))

        # The charts the demo keeps (services.demo), each of the patient in for: diabetic
        # ketoacidosis (glucose and ketones); a fall at home (turned 2-hourly, her sacrum
        # reddening, her last change overdue); a post-operative wound infection (larger at its
        # second dressing); cellulitis (his cannula's site scored VIP 2: phlebitis); a sickle-cell
        # crisis (scored as the morphine works, its last reassessment overdue); dehydration (three
        # loose stools in a day, no sample sent yet); anaemia (a unit of red cells given, a second running, its
        # 15-minute set due); sepsis (a blood culture phoned, no doctor told yet).
        for name, words, opened in (("glucose", "ketoacidosis", nurse.open_glucose_of),
                                    ("repositioning", "Fall at home", nurse.open_repositioning_of),
                                    ("wounds", "wound infection", nurse.open_wounds_of),
                                    ("devices", "Cellulitis", nurse.open_devices_of),
                                    ("pain", "Sickle-cell", nurse.open_pain_of),
                                    ("bowels", "Dehydration", nurse.open_bowels_of),
                                    ("transfusion", "Anaemia", nurse.open_transfusion_of),
                                    ("lab-results", "Sepsis", nurse.open_lab_results_of)):
            shot(name, nurse, partial(opened, admitted_for(words)))
        # The baby with bronchiolitis on the paediatric ward, her PEWS 9 and her mother worried.
        baby = next(each.patient_id for each in in_patients(nurse.session.db, nurse.session.forms, ward=PAEDIATRIC_WARD)
                    if "Bronchiolitis" in (each.reason or ""))
        shot("pews", nurse, lambda: nurse.open_pews_of(baby))
        preview = PrintPreview(printing.print_news2_chart(nurse.session, worst, Path(scratch) / "news2.pdf"))
        preview.resize(900, 760)
        shot("print-preview", preview)
        preview.close()
        _done(app, nurse)
        coordinator = window_for(Role.SURGICAL_COORDINATOR)
        shot("theatre", coordinator, lambda: _read(app, coordinator, coordinator.theatre))
        _done(app, coordinator)
        clerk = window_for(Role.RECORDS_STAFF)
        assert clerk.back_entry is not None
        shot("back-entry", clerk, lambda: _choose_longest_to_do(app, clerk, clerk.back_entry))  # type: ignore[arg-type]
        _done(app, clerk)
        admin = window_for(Role.ADMINISTRATOR)
        shot("administration", admin, lambda: admin.tabs.setCurrentWidget(admin.admin))
        _done(app, admin)
        vault.db.conn.close()  # type: ignore[union-attr]
    return made


def main(argv: Sequence[str] | None = None) -> int:
    # The docstring's first paragraph and its last, whole: its first line alone stopped mid-sentence.
    opening, *_, running = (__doc__ or "").split("\n\n")
    parser = argparse.ArgumentParser(prog="python -m downtime.qt.screenshots", description=opening, epilog=running)
    parser.add_argument("folder", type=Path, help="where the PNGs go (made if it is not there)")
    parser.add_argument("--lang", choices=("en", "fr"), default="en",
                        help="the windows' language (default en); French files end in -fr")
    args = parser.parse_args(argv)
    for path in take(args.folder, args.lang):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
