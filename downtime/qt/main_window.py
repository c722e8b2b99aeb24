"""The main window: banner, patients tab, one tab per open form, actions as data."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QDialog, QMainWindow, QMenu, QTabWidget, QToolBar, QVBoxLayout, QWidget,
)

from downtime.domain.news2 import CLINICAL_RESPONSE, Band
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.formspec import FormSpec
from downtime.formspec.schema import RecordRefField
from downtime.domain.staff import Action
from downtime.qt.back_entry_panel import BackEntryPanel
from downtime.qt.banner import Banner
from downtime.qt.form_view import FormView
from downtime.qt.mar_view import MarView
from downtime.qt.medication_panel import MedicationPanel
from downtime.qt.observations_view import EscalationPanel, ObservationsView
from downtime.qt.patients_panel import PatientsPanel
from downtime.qt.prompts import Prompts
from downtime.qt.tables import print_and_open
from downtime.qt.theatre_panel import TheatrePanel
from downtime.qt.transfer_dialogs import ExportDialog, ImportWizard
from downtime.errors import UserError
from downtime.qt.shortcuts_help import ShortcutsDialog
from downtime.qt.style import change_text_size, high_contrast, set_high_contrast
from downtime.qt.sign_in import SignInDialog
from downtime.services import backups, drafts, observations, printing, records, settings
from downtime.services.context import Session, Vault
from downtime.services.patients import PatientSummary


@dataclass(frozen=True)
class ActionSpec:
    """An action as data (Frescobaldi style): id, text, default shortcut, handler name."""

    id: str
    text: str
    shortcut: str | None
    handler: str
    toolbar: bool = True
    needs: Action | None = None


ACTIONS = (
    ActionSpec("new_admission", "&New admission", "Ctrl+N", "new_admission"),
    ActionSpec("open_patient", "&Open admission record", None, "open_selected"),
    ActionSpec("find", "&Find patient", "Ctrl+F", "find", toolbar=False),
    ActionSpec("round", "&Medication round", "Ctrl+M", "show_round"),
    ActionSpec("mar", "Medication &chart (MAR)", "Ctrl+Shift+M", "open_mar"),
    ActionSpec("observations", "Obser&vations and NEWS2", "Ctrl+Shift+O", "open_observations"),
    ActionSpec("print_blank", "Print &blank admission form", None, "print_blank_admission"),
    ActionSpec("print_census", "Print ward &census", None, "print_census"),
    ActionSpec("print_labels", "Print ID &labels", None, "print_labels"),
    ActionSpec("print_binder", "Print the downtime &binder (blank forms for 8 hours)", None, "print_binder",
               toolbar=False),
    ActionSpec("import", "&Import data…", None, "import_data", toolbar=False, needs=Action.IMPORT_DATA),
    ActionSpec("export", "&Export for back-entry…", "Ctrl+E", "export_data", toolbar=False,
               needs=Action.READ_RECORDS),
    ActionSpec("close_tab", "&Close form", "Ctrl+W", "close_current_tab", toolbar=False),
    ActionSpec("sign_out", "Sign &out", "Ctrl+L", "sign_out"),
    ActionSpec("quit", "&Quit", "Ctrl+Q", "close", toolbar=False),
)


class _ActivityFilter(QObject):
    """Any key or click anywhere in the app restarts the idle countdown."""

    ACTIVITY = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel})

    def __init__(self, timer: QTimer):
        super().__init__()
        self.timer = timer

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in self.ACTIVITY and self.timer.isActive():
            self.timer.start()
        return False


class MainWindow(QMainWindow):
    """`signed_out` is called (by the app) when the user locks the laptop for the next person."""

    def __init__(self, session: Session, signed_out: Callable[[], None] | None = None):
        super().__init__()
        self.session = session
        self._signed_out = signed_out
        self.setWindowTitle(f"Downtime — {session.device.name}")
        self.resize(1340, 740)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        self.banner = Banner(session)
        column.addWidget(self.banner)
        self.tabs = QTabWidget()
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.patients = PatientsPanel(session)
        self.patients.open_patient.connect(self.open_admission)
        self.tabs.addTab(self.patients, "Patients")
        self.medication = MedicationPanel(session)
        self.tabs.addTab(self.medication, "Medication round")
        self.theatre = TheatrePanel(session)
        self.tabs.addTab(self.theatre, "Theatre")
        self.escalation = EscalationPanel(session)
        self.escalation.open_patient.connect(self.open_observations_of)
        self.tabs.addTab(self.escalation, "NEWS2 escalation")
        self.back_entry: BackEntryPanel | None = None
        if session.user.may(Action.BACK_ENTRY):
            self.back_entry = BackEntryPanel(session)
            self.tabs.addTab(self.back_entry, "Back-entry")
        for fixed in range(self.tabs.count()):
            self.tabs.tabBar().setTabButton(fixed, self.tabs.tabBar().ButtonPosition.RightSide, None)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.actions_by_id: dict[str, QAction] = {}
        self._build_actions()
        session.listeners.append(self._on_event)
        self._idle_minutes = int(settings.get(session.db, "idle_lock_minutes"))
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(self._idle_minutes * 60_000)
        self.idle_timer.timeout.connect(self.lock)
        self._event_filter: _ActivityFilter | None = _ActivityFilter(self.idle_timer)
        QApplication.instance().installEventFilter(self._event_filter)  # type: ignore[union-attr]
        self.idle_timer.start()

    def _build_actions(self) -> None:
        toolbar = QToolBar("Main")
        toolbar.setMovable(False)
        self.addToolBar(toolbar)
        menu = self.menuBar().addMenu("&Ward")
        for spec in ACTIONS:
            if spec.needs is not None and not self.session.user.may(spec.needs):
                continue
            action = QAction(spec.text, self)
            if spec.shortcut:
                action.setShortcut(QKeySequence(spec.shortcut))
            action.triggered.connect(getattr(self, spec.handler))
            menu.addAction(action)
            if spec.toolbar:
                toolbar.addAction(action)
            self.actions_by_id[spec.id] = action
        self.record_menu = QMenu("&Record for selected patient", self)
        for spec in self.session.forms.values():
            needs_another_record = any(isinstance(field, RecordRefField) and self.session.form(field.form).about_patient
                                       for field in spec.fields())
            if spec.about_patient and not spec.creates_patient and not needs_another_record:
                action = self.record_menu.addAction(spec.title.get(self.session.lang))
                action.triggered.connect(lambda checked=False, s=spec: self.new_record_for_selected(s))
                self.actions_by_id[f"record_{spec.id}"] = action
        self.actions_by_id["record_transfer"].setShortcut(QKeySequence("Ctrl+T"))
        for spec in self.session.forms.values():
            if not spec.about_patient:
                action = menu.addAction(f"New {spec.title.get(self.session.lang).lower()}")
                action.triggered.connect(lambda checked=False, s=spec: self.open_form(FormView(self.session, s)))
                self.actions_by_id[f"new_{spec.id}"] = action
        self.menuBar().addMenu(self.record_menu)
        toolbar.addAction(self.record_menu.menuAction())
        view_menu = self.menuBar().addMenu("&View")
        for name, text, keys, steps in (("larger_text", "&Larger text", QKeySequence.StandardKey.ZoomIn, 1),
                                        ("smaller_text", "&Smaller text", QKeySequence.StandardKey.ZoomOut, -1)):
            action = view_menu.addAction(text)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda checked=False, s=steps: change_text_size(QApplication.instance(), s))
            self.actions_by_id[name] = action
        contrast = view_menu.addAction("&High contrast")
        contrast.setCheckable(True)
        contrast.setChecked(high_contrast())
        contrast.setShortcut(QKeySequence("Ctrl+Shift+H"))
        contrast.toggled.connect(lambda on: set_high_contrast(QApplication.instance(), on))
        self.actions_by_id["high_contrast"] = contrast
        help_menu = self.menuBar().addMenu("&Help")
        shortcuts = help_menu.addAction("&Keyboard shortcuts")
        shortcuts.setShortcut(QKeySequence.StandardKey.HelpContents)
        shortcuts.triggered.connect(self.show_shortcuts)
        self.actions_by_id["shortcuts"] = shortcuts

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self.actions_by_id.values(), self)
        dialog.show()
        return dialog

    def _on_event(self, event: str, payload: Any) -> None:
        if event == "record_saved" and isinstance(payload, RecordVersion):
            self.banner.saved(payload.recorded_at)
            self.refresh_lists()
            if payload.form_id == observations.FORM and payload.status is not RecordStatus.ENTERED_IN_ERROR:
                self._announce_news2(payload)
            if backups.due(self.session.db, self.session.clock()):
                QTimer.singleShot(0, self._automatic_backup)

    def _automatic_backup(self) -> None:
        """Run from the event loop, once the save that prompted it has committed (a backup
        cannot copy a database in the middle of a transaction)."""
        if backups.due(self.session.db, self.session.clock()):
            self.back_up("automatic")

    def back_up(self, reason: str) -> Path | None:
        """Never in the way of care: a failed backup (stick removed or full) is shown in the
        banner until one works, not as a dialog."""
        try:
            made = backups.backup_now(self.session, reason)
        except UserError as problem:
            self.banner.show_backup_age(failure=str(problem))
            return None
        self.banner.show_backup_age()
        return made

    def refresh_lists(self) -> None:
        self.patients.refresh()
        self.medication.refresh()
        self.theatre.refresh()
        self.escalation.refresh()
        for index in range(self.tabs.count()):
            if isinstance(view := self.tabs.widget(index), ObservationsView):
                view.refresh()
        if self.back_entry is not None:
            self.back_entry.refresh()

    def open_form(self, view: FormView) -> FormView:
        view.saved.connect(lambda record, v=view: self.tabs.setTabText(self.tabs.indexOf(v), v.title))
        index = self.tabs.addTab(view, view.title)
        self.tabs.setCurrentIndex(index)
        first = next(iter(view.editors.values()))
        first.widget.setFocus()
        return view

    def new_admission(self) -> FormView:
        return self.open_form(FormView(self.session, self.session.form("admission")))

    def new_record_for_selected(self, spec: FormSpec) -> FormView | None:
        patient = self.patients.selected_patient()
        if patient is None:
            Prompts.error(self, "No patient selected", "Select a patient in the list first.")
            return None
        return self.open_form(FormView(self.session, spec, patient_id=patient.patient_id))

    def open_admission(self, patient: PatientSummary) -> FormView:
        record = records.current(self.session.db, patient.admission_record_id)
        return self.open_form(FormView(self.session, self.session.form(record.form_id), record=record))

    def open_selected(self) -> FormView | None:
        patient = self.patients.selected_patient()
        return self.open_admission(patient) if patient is not None else None

    def find(self) -> None:
        self.tabs.setCurrentWidget(self.patients)
        self.patients.focus_search()

    def _announce_news2(self, record: RecordVersion) -> None:
        """The score of a set just saved, where nobody can miss it; above low risk, the response
        the RCP asks for, in a dialog the nurse must close."""
        news2 = observations.scored(record).news2
        text = observations.band_text(news2)
        self.statusBar().showMessage(text)
        if news2.band is not Band.LOW:
            Prompts.info(self, text, CLINICAL_RESPONSE[news2.band][self.session.lang])

    def open_observations(self) -> ObservationsView | None:
        patient = self.patients.selected_patient()
        if patient is None:
            Prompts.error(self, "No patient selected", "Select a patient in the list first.")
            return None
        return self.open_observations_of(patient.patient_id)

    def open_observations_of(self, patient_id: str) -> ObservationsView:
        view = ObservationsView(self.session, patient_id)
        view.record_new.connect(lambda pid: self.open_form(FormView(self.session, self.session.form(
            observations.FORM), patient_id=pid)))
        view.open_set.connect(lambda record: self.open_form(FormView(self.session, self.session.form(
            observations.FORM), record=record)))
        self.tabs.setCurrentIndex(self.tabs.addTab(view, view.title))
        view.table.setFocus()
        return view

    def print_binder(self) -> Path | None:
        return print_and_open(self, lambda out: printing.print_binder(self.session, out), "downtime-binder")

    def open_mar(self) -> MarView | None:
        patient = self.patients.selected_patient()
        if patient is None:
            Prompts.error(self, "No patient selected", "Select a patient in the list first.")
            return None
        view = MarView(self.session, patient.patient_id)
        self.tabs.setCurrentIndex(self.tabs.addTab(view, view.title))
        view.table.setFocus()
        return view

    def show_round(self) -> None:
        self.tabs.setCurrentWidget(self.medication)
        self.medication.table.setFocus()
        if self.medication.model.rows:
            self.medication.table.selectRow(0)

    def print_blank_admission(self) -> Path | None:
        return print_and_open(self, lambda out: printing.print_blank(self.session, "admission", out), "blank-admission")

    def print_census(self) -> Path | None:
        ward = self.patients.current_ward()
        return print_and_open(self, lambda out: printing.print_census(self.session, out, ward=ward),
                           f"census-{ward or 'site'}")

    def print_labels(self) -> Path | None:
        patient = self.patients.selected_patient()
        if patient is None:
            Prompts.error(self, "No patient selected", "Select a patient in the list first.")
            return None
        return print_and_open(self, lambda out: printing.print_labels(self.session, patient.patient_id, out),
                           f"labels-{patient.downtime_number}")

    def import_data(self) -> ImportWizard:
        wizard = ImportWizard(self.session, self)
        wizard.finished.connect(lambda result: self.refresh_lists())
        wizard.open()
        return wizard

    def export_data(self) -> ExportDialog:
        dialog = ExportDialog(self.session, self)
        dialog.open()
        return dialog

    def resume_drafts(self) -> list[FormView]:
        """Forms left unsaved by a crash or a sign-out, reopened as they were typed."""
        found = drafts.drafts_of(self.session)
        if not found or not Prompts.confirm(self, "Unsaved forms",
                                            f"You have {len(found)} unsaved form(s) from earlier. Reopen them?"):
            return []
        views = []
        for draft in found:
            record = records.current(self.session.db, draft.record_id) if draft.record_id else None
            view = FormView(self.session, self.session.form(draft.form_id), record=record,
                            patient_id=draft.patient_id, draft=draft)
            if record is not None:
                view.start_amend()
                for field_id, raw in draft.data.items():
                    view.editors[field_id].set_raw(raw)
            views.append(self.open_form(view))
        return views

    def close_current_tab(self) -> None:
        self.close_tab(self.tabs.currentIndex())

    def close_tab(self, index: int) -> None:
        view = self.tabs.widget(index)
        if isinstance(view, MarView):
            self.tabs.removeTab(index)
            return
        if not isinstance(view, FormView):
            return
        if view.is_dirty() and not Prompts.confirm(
                self, "Close form", "This form is not saved. Close it? (It stays as a draft you can reopen.)"):
            return
        self.tabs.removeTab(index)
        view.deleteLater()

    def sign_out(self) -> None:
        self.back_up("sign-out")
        self.session.listeners.remove(self._on_event)
        self.close()
        if self._signed_out is not None:
            self._signed_out()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        """A closed window must not lock (or sign anyone out) minutes later: its idle
        countdown stops with it."""
        self.idle_timer.stop()
        if self._event_filter is not None:
            QApplication.instance().removeEventFilter(self._event_filter)  # type: ignore[union-attr]
            self._event_filter = None
            if self._on_event in self.session.listeners:
                self.back_up("exit")
        super().closeEvent(event)

    def lock(self) -> None:
        """Idle too long: the patient data is hidden until someone signs in. The same person
        carries on where they were (open forms keep what was typed); someone else gets their own
        window, and the previous person's unsaved forms stay as their drafts."""
        self.idle_timer.stop()
        self.centralWidget().hide()
        self.menuBar().setEnabled(False)
        vault = self.session.vault or Vault(Path(), self.session.db)
        dialog = SignInDialog(vault, self.session.clock, f"Locked after {self._idle_minutes} idle minutes — "
                                                         f"{self.session.user.name} was signed in", self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.member is not None \
                and dialog.member.staff_id == self.session.user.staff_id:
            self.centralWidget().show()
            self.menuBar().setEnabled(True)
            self.idle_timer.start()
            return
        self.sign_out()
