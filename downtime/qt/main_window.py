"""The main window: banner, patients tab, one tab per open form, actions as data."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import (
    QAction, QActionGroup, QClipboard, QCloseEvent, QKeyEvent, QKeySequence, QMouseEvent, QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication, QDialog, QMainWindow, QMenu, QTabBar, QTabWidget, QToolBar, QVBoxLayout, QWidget,
)

from downtime.domain.bounds import PAPER_NUMBERS
from downtime.domain.duplicates import fold
from downtime.domain.census import StayStatus
from downtime.domain.clock import ward_time
from downtime.domain.news2 import Band
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.formspec import FormSpec
from downtime.formspec.schema import RecordRefField
from downtime.domain.staff import Action
from downtime.i18n import LANGUAGES, QT_TRANSLATE_NOOP, Lang, save_language
from downtime.qt.dialog_life import open_until_closed
from downtime.qt.admin_panel import AdminPanel
from downtime.qt.back_entry_panel import BackEntryPanel
from downtime.qt.bowels_view import BowelsView
from downtime.qt.pews_view import PewsView
from downtime.qt.devices_view import DevicesView
from downtime.qt.cd_register_panel import CdRegisterPanel
from downtime.qt.change_pin import ChangePinDialog
from downtime.qt.dose_dialog import DoseDialog, LockAware, typed_in_dose_dialog
from downtime.qt.i18n import language, say, set_language, translate
from downtime.qt.banner import Banner, not_exported_words
from downtime.qt.form_view import FormView
from downtime.qt.mar_view import MarView
from downtime.qt.medication_panel import MedicationPanel
from downtime.qt.paper_doses_dialog import PaperDosesDialog
from downtime.qt.fluid_balance_view import FluidBalanceView
from downtime.qt.glucose_view import GlucoseView
from downtime.qt.pain_view import PainView
from downtime.qt.repositioning_view import RepositioningView
from downtime.qt.lab_results_view import LabResultsView
from downtime.qt.transfusion_view import TransfusionView
from downtime.qt.wounds_view import WoundsView
from downtime.qt.neuro_view import NeuroView
from downtime.qt.observations_view import EscalationPanel, ObservationsView
from downtime.qt.patient_header import PatientTab
from downtime.qt.patients_panel import PatientsPanel
from downtime.qt.records_view import RecordsView
from downtime.qt.scan import ScanToFind
from downtime.qt.screen_fit import fits_screen, within_screen
from downtime.qt.tab_list import TabList
from downtime.qt.prompts import Prompts
from downtime.qt.tables import clear_prints, print_and_open
from downtime.qt.ward_choice import WardChoice
from downtime.qt.work import ListReader, Work, waited_backup
from downtime.qt.theatre_panel import TheatrePanel
from downtime.qt.telephone_orders_dialog import TelephoneOrdersDialog
from downtime.qt.transfer_dialogs import ExportDialog, ImportWizard
from downtime.errors import refusal_of
from downtime.qt.shortcuts_help import ShortcutsDialog
from downtime.qt.style import change_text_size, high_contrast, set_high_contrast
from downtime.qt.sign_in import SignInDialog
from downtime.services import (alcohol_withdrawal, backups, bowels, capacity, chart_alerts, delirium, devices, drafts, exported, falls, falls_risk, fluid_balance, glucose,
                               infusion_checks, lab_results, medication, missing_patient, neuro, nutrition, observations, pain, paper_doses, paper_numbers,
                               pews, prefill, printing, records, repositioning, safeguarding, sepsis, settings, swallow_screen,
                               theatre, this_laptop, transfusion, vte, weight, wounds)
from downtime.services import enhanced_observation
from downtime.services.census import all_patients, deaths, patient_for_record
from downtime.services.context import Session, Vault
from downtime.services.errors import AccountDeactivated, NotFound
from downtime.services.patients import PatientSummary
from downtime.sync.export import clear_plaintext_left
from downtime.sync.importing import clear_decrypted_left


@dataclass(frozen=True)
class ActionSpec:
    """An action as data (Frescobaldi style): id, text, default shortcut, handler name."""

    id: str
    text: str
    shortcut: str | None
    handler: str
    toolbar: str | None = None
    """The action's words on the toolbar, short enough for the bar to hold them all on a
    1340-pixel screen in French too (the menu keeps the whole text); None: menu only."""
    needs: Action | None = None
    of_selected: bool = False
    """`handler` takes a patient: the action opens it for the patient chosen in the list."""


Tab = TypeVar("Tab", MarView, ObservationsView, RecordsView, FluidBalanceView, NeuroView, GlucoseView, TransfusionView,
              LabResultsView, RepositioningView, WoundsView, DevicesView, PainView, BowelsView, PewsView)
Chart = TypeVar("Chart", ObservationsView, FluidBalanceView, NeuroView, GlucoseView, TransfusionView, LabResultsView,
                RepositioningView, WoundsView, DevicesView, PainView, BowelsView, PewsView)
Shown = TypeVar("Shown", bound=QWidget)

ACTIONS = (
    ActionSpec("new_admission", QT_TRANSLATE_NOOP("MainWindow", "&New admission"), "Ctrl+N", "new_admission",
               toolbar=QT_TRANSLATE_NOOP("MainWindow", "New admission"), needs=Action.RECORD_CARE),
    ActionSpec("open_patient", QT_TRANSLATE_NOOP("MainWindow", "&Open admission record"), None, "open_selected",
               toolbar=QT_TRANSLATE_NOOP("MainWindow", "Admission record")),
    ActionSpec("find", QT_TRANSLATE_NOOP("MainWindow", "&Find patient"), "Ctrl+F", "find"),
    ActionSpec("round", QT_TRANSLATE_NOOP("MainWindow", "&Medication round"), "Ctrl+M", "show_round",
               toolbar=QT_TRANSLATE_NOOP("MainWindow", "Medication round"), needs=Action.RECORD_CARE),
    ActionSpec("mar", QT_TRANSLATE_NOOP("MainWindow", "Medication &chart (MAR)"), "Ctrl+Shift+M", "open_mar_of",
               toolbar=QT_TRANSLATE_NOOP("MainWindow", "MAR"), of_selected=True),
    ActionSpec("observations", QT_TRANSLATE_NOOP("MainWindow", "Obser&vations and NEWS2"), "Ctrl+Shift+O",
               "open_observations_of", toolbar=QT_TRANSLATE_NOOP("MainWindow", "Observations"), of_selected=True),
    ActionSpec("pews", QT_TRANSLATE_NOOP("MainWindow", "Paediatric obs (P&EWS)"), "Ctrl+Shift+E", "open_pews_of",
               of_selected=True),
    ActionSpec("fluid_balance", QT_TRANSLATE_NOOP("MainWindow", "Fl&uid balance chart"), "Ctrl+Shift+F",
               "open_fluid_balance_of", of_selected=True),
    ActionSpec("neuro", QT_TRANSLATE_NOOP("MainWindow", "Neuro obs (&GCS)"), "Ctrl+Shift+G", "open_neuro_of",
               of_selected=True),
    ActionSpec("glucose", QT_TRANSLATE_NOOP("MainWindow", "Blood glucose c&hart"), "Ctrl+Shift+K", "open_glucose_of",
               of_selected=True),
    ActionSpec("repositioning", QT_TRANSLATE_NOOP("MainWindow", "Re&positioning and skin"), "Ctrl+Shift+P",
               "open_repositioning_of", of_selected=True),
    ActionSpec("wounds", QT_TRANSLATE_NOOP("MainWindow", "Wounds and dressin&gs"), "Ctrl+Shift+W", "open_wounds_of",
               of_selected=True),
    ActionSpec("devices", QT_TRANSLATE_NOOP("MainWindow", "Lines and catheter&s"), "Ctrl+Shift+D", "open_devices_of",
               of_selected=True),
    ActionSpec("pain", QT_TRANSLATE_NOOP("MainWindow", "Pa&in assessment"), "Ctrl+Shift+I", "open_pain_of",
               of_selected=True),
    ActionSpec("bowels", QT_TRANSLATE_NOOP("MainWindow", "Bo&wel chart"), "Ctrl+Shift+T", "open_bowels_of",
               of_selected=True),
    ActionSpec("transfusion", QT_TRANSLATE_NOOP("MainWindow", "Blood trans&fusion"), "Ctrl+Shift+B",
               "open_transfusion_of", of_selected=True),
    ActionSpec("lab_results", QT_TRANSLATE_NOOP("MainWindow", "L&aboratory results"), "Ctrl+Shift+L",
               "open_lab_results_of", of_selected=True),
    ActionSpec("cd_register", QT_TRANSLATE_NOOP("MainWindow", "Controlled-&drug register"), None, "show_cd_register",
               needs=Action.RECORD_CARE),
    ActionSpec("records", QT_TRANSLATE_NOOP("MainWindow", "Patient's &records (to amend or withdraw)"), "Ctrl+Shift+R",
               "open_records_of", of_selected=True),
    ActionSpec("telephone_orders", QT_TRANSLATE_NOOP("MainWindow", "&Telephone orders to countersign…"), None,
               "show_telephone_orders", needs=Action.READ_RECORDS),
    ActionSpec("print_blank", QT_TRANSLATE_NOOP("MainWindow", "Print &blank admission form"), None, "print_blank_admission"),
    ActionSpec("print_census", QT_TRANSLATE_NOOP("MainWindow", "Print ward &census"), None, "print_census",
               toolbar=QT_TRANSLATE_NOOP("MainWindow", "Census")),
    ActionSpec("print_labels", QT_TRANSLATE_NOOP("MainWindow", "Print ID &labels"), None, "print_labels",
               toolbar=QT_TRANSLATE_NOOP("MainWindow", "ID labels")),
    ActionSpec("print_wristband", QT_TRANSLATE_NOOP("MainWindow", "Print &wristband"), "Ctrl+B", "print_wristband"),
    ActionSpec("print_binder", QT_TRANSLATE_NOOP("MainWindow", "Print the downtime &binder (blank forms for 8 hours)"), None, "print_binder"),
    ActionSpec("print_paper_numbers", QT_TRANSLATE_NOOP("MainWindow", "Print re&served numbers for paper admissions…"), None,
               "print_paper_numbers", needs=Action.RECORD_CARE),
    ActionSpec("import", QT_TRANSLATE_NOOP("MainWindow", "&Import data…"), None, "import_data", needs=Action.IMPORT_DATA),
    ActionSpec("export", QT_TRANSLATE_NOOP("MainWindow", "&Export for back-entry…"), "Ctrl+E", "export_data",
               needs=Action.READ_RECORDS),
    ActionSpec("close_tab", QT_TRANSLATE_NOOP("MainWindow", "&Close form"), "Ctrl+W", "close_current_tab"),
    ActionSpec("change_pin", QT_TRANSLATE_NOOP("MainWindow", "Change my &PIN…"), None, "change_pin"),
    ActionSpec("sign_out", QT_TRANSLATE_NOOP("MainWindow", "Sign &out"), "Ctrl+L", "sign_out",
               toolbar=QT_TRANSLATE_NOOP("MainWindow", "Sign out")),
    ActionSpec("quit", QT_TRANSLATE_NOOP("MainWindow", "&Quit"), "Ctrl+Q", "quit_app"),
)


class _ActivityFilter(QObject):
    """Any key or click anywhere in the app restarts the idle countdown, if the person signed in
    may go on (`still_signed_in`); otherwise it goes no further. Every event of the application
    passes here, so an event's class is checked before its type, which PySide makes a Python enum
    each time."""

    ACTIVITY = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel})

    def __init__(self, timer: QTimer, still_signed_in: Callable[[], bool]):
        super().__init__()
        self.timer = timer
        self.still_signed_in = still_signed_in

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (isinstance(event, QKeyEvent | QMouseEvent | QWheelEvent) and event.type() in self.ACTIVITY
                and self.timer.isActive()):
            if not self.still_signed_in():
                return True
            self.timer.start()
        return False


# How often a window asks whether another connection wrote: one cheap pragma.
ELSEWHERE_MS = 5_000
PREFERRED = QSize(1340, 740)
"""The window's size where the screen has room for it (a 1366×768 laptop at 100 %)."""


class _Unbuilt(QWidget):
    """A fixed tab's page until its panel is built (see MainWindow._panel)."""

    def __init__(self, name: str, make: Callable[[], QWidget]) -> None:
        super().__init__()
        self.name, self.make = name, make


class _Panel(Generic[Shown]):
    """A fixed tab's panel, as the window's attribute of its name: built when first asked for or
    shown (see MainWindow._panel); None for someone without the tab, but `always` ones."""

    def __init__(self, kind: type[Shown], *, always: bool = False) -> None:
        self.kind, self.always = kind, always

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, window: MainWindow, owner: type) -> Shown | None:
        panel = window._panel(self.name, self.kind)
        assert panel is not None or not self.always, f"every role has the {self.name} tab"
        return panel


class MainWindow(QMainWindow):
    """`signed_out` is called (by the app) when the user locks the laptop for the next person,
    with the sign-in someone else has already made at the lock screen (None: nobody yet)."""

    medication = _Panel(MedicationPanel)
    cd_register = _Panel(CdRegisterPanel)
    theatre = _Panel(TheatrePanel, always=True)
    escalation = _Panel(EscalationPanel, always=True)
    admin = _Panel(AdminPanel)
    back_entry = _Panel(BackEntryPanel)

    def __init__(self, session: Session, signed_out: Callable[[SignInDialog | None], None] | None = None):
        super().__init__()
        clear_prints(None)  # what a crash left of the last session's prints
        clear_plaintext_left()  # and of an earlier version's encrypted export
        decrypted_left = clear_decrypted_left(session.db)  # and of an encrypted import cut short
        self.session = session
        self._signed_out = signed_out
        within_screen(self, PREFERRED)
        self.actions_by_id: dict[str, QAction] = {}
        self._wards_chosen: dict[str, str | None] = {}
        """The ward chosen on each list not built again yet since the language changed (see `retranslate`)."""
        self._news2_said = ""
        """The status bar's announcement of the last set saved, while it stands (see `_announce_news2`)."""
        self._build()
        if decrypted_left:
            self.statusBar().showMessage(translate(
                "MainWindow", "Removed the plain text an interrupted encrypted import left beside the database: {folders}"
            ).format(folders=", ".join(folder.name for folder in decrypted_left)))
        ScanToFind(self, session)  # a wristband scanned opens its patient, never the line selected
        session.listeners.append(self._on_event)
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self._read_idle_lock()
        self.idle_timer.timeout.connect(self.lock)
        self._event_filter: _ActivityFilter | None = _ActivityFilter(self.idle_timer, self._still_signed_in)
        QApplication.instance().installEventFilter(self._event_filter)  # type: ignore[union-attr]
        self.idle_timer.start()
        self._seen_version = session.written_elsewhere()
        self.elsewhere_timer = QTimer(self, interval=ELSEWHERE_MS)
        self.elsewhere_timer.timeout.connect(self._written_elsewhere)
        self.elsewhere_timer.start()

    def show_on_screen(self) -> None:
        """Maximised on a screen with no room for its preferred size: opened at a fixed 1340×740
        on a 1366×768 laptop at 125 %, its Save button lay under the taskbar and its right-hand
        columns past the screen's edge."""
        if fits_screen(self, PREFERRED):
            self.show()
        else:
            self.showMaximized()

    def _written_elsewhere(self) -> None:
        """What another window of the app, a `downtime` command or an import wrote shows here
        within seconds, as this window's own saves do: a chart open in one window went on
        showing a 02:40 dose as the last while the night nurse recorded 03:14 in another. Not
        while this window's own import, export or backup runs: its end reads the lists again, and
        a hospital's worklist read every few seconds beside a records office's import slowed it."""
        if Work.holding_the_database():
            return
        seen = self.session.written_elsewhere()
        if seen != self._seen_version:
            self._seen_version = seen
            self.refresh_lists()

    def _build(self) -> None:
        """Everything that shows words, built in the session's language (and built again when
        the language changes)."""
        self.setWindowTitle(translate("MainWindow", "Downtime — {device}").format(device=self.session.device.name))
        self._discard_built()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        self.banner = Banner(self.session)
        column.addWidget(self.banner)
        self.tabs = QTabWidget()
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        # A tab closed (Ctrl+W) gives way to the one it was opened or brought forward from: Qt's
        # tab to its right put a nurse closing bed 2's set on bed 3's chart, its Record a dose
        # under her hand.
        self.tabs.tabBar().setSelectionBehaviorOnRemove(QTabBar.SelectionBehavior.SelectPreviousTab)
        self.tabs.setCornerWidget(TabList(self.tabs), Qt.Corner.TopLeftCorner)
        self._stale: list[QWidget] = []
        self.tabs.currentChanged.connect(self._refresh_shown)
        self.tabs.currentChanged.connect(self._unsay_news2)
        self.patients = PatientsPanel(self.session)
        self.patients.open_patient.connect(self.open_admission)
        self.tabs.addTab(self.patients, translate("MainWindow", "Patients"))
        # The other lists are built when first shown (or first asked for): a nurse's window built
        # four she may not open that shift, a third of its time to open, and each is read only
        # when shown anyway (`_stale`). The round and the register only for those who give,
        # prescribe or witness medicines: a records clerk, a coordinator or the administrator had
        # both tabs, and could act on neither.
        self._built: dict[str, QWidget] = {}
        self._unbuilt: dict[str, _Unbuilt] = {}
        if self.session.user.may(Action.RECORD_CARE):
            self._later("medication", translate("MainWindow", "Medication round"), lambda: MedicationPanel(self.session))
            self._later("cd_register", translate("MainWindow", "Controlled drugs"), lambda: CdRegisterPanel(self.session))
        self._later("theatre", translate("MainWindow", "Theatre"), self._make_theatre)
        self._later("escalation", translate("MainWindow", "Escalation"), self._make_escalation)
        if self.session.user.may(Action.MANAGE_STAFF):
            self._later("admin", translate("MainWindow", "Administration"), self._make_admin)
        if self.session.user.may(Action.BACK_ENTRY):
            self._later("back_entry", translate("MainWindow", "Back-entry"), lambda: BackEntryPanel(self.session))
        for fixed in range(self.tabs.count()):
            self.tabs.tabBar().setTabButton(fixed, self.tabs.tabBar().ButtonPosition.RightSide, None)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self._build_actions()
        # The keyboard starts on the page (the Patients tab's search box), not on the window's
        # first tab stop: that was the banner's "No export yet" on every laptop not yet exported,
        # a screen reader's first words the export's nag and one more Tab to the search.
        _focus_within(self.tabs.currentWidget())

    def _later(self, name: str, title: str, make: Callable[[], QWidget]) -> None:
        page = _Unbuilt(name, make)
        self._unbuilt[name] = page
        self.tabs.addTab(page, title)

    def _panel(self, name: str, kind: type[Shown]) -> Shown | None:
        """The fixed tab's panel, built now if not yet, in its tab's place (None: this person
        has no such tab). Built, it is read when shown, as the lists are after a save."""
        if (built := self._built.get(name)) is not None:
            assert isinstance(built, kind)
            return built
        if (page := self._unbuilt.pop(name, None)) is None:
            return None
        panel = page.make()
        assert isinstance(panel, kind)
        self._built[name] = panel
        index, current = self.tabs.indexOf(page), self.tabs.currentIndex()
        # Swapped without a word: the tab shown stays the tab shown, and no one is told of a change.
        blocked = self.tabs.blockSignals(True)
        try:
            self.tabs.insertTab(index, panel, self.tabs.tabText(index))
            self.tabs.removeTab(index + 1)
            self.tabs.tabBar().setTabButton(index, self.tabs.tabBar().ButtonPosition.RightSide, None)
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(blocked)
        page.deleteLater()
        if name in self._wards_chosen:
            self._ward_choices()[name].choose(self._wards_chosen.pop(name))
        self._stale.append(panel)
        return panel

    def _make_theatre(self) -> TheatrePanel:
        panel = TheatrePanel(self.session)
        panel.checklist.connect(lambda: self.new_record_for_selected(self.session.form(theatre.CHECKLIST_FORM)))
        return panel

    def _make_escalation(self) -> EscalationPanel:
        panel = EscalationPanel(self.session)
        panel.open_patient.connect(self.open_observations_of)
        panel.open_chart.connect(lambda patient_id, form_id: {
            neuro.FORM: self.open_neuro_of, glucose.FORM: self.open_glucose_of,
            transfusion.FORM: self.open_transfusion_of, lab_results.FORM: self.open_lab_results_of,
            lab_results.REQUEST_FORM: self.open_lab_results_of, fluid_balance.FORM: self.open_fluid_balance_of,
            repositioning.FORM: self.open_repositioning_of, wounds.FORM: self.open_wounds_of,
            devices.FORM: self.open_devices_of, bowels.FORM: self.open_bowels_of, pain.FORM: self.open_pain_of,
            pews.FORM: self.open_pews_of,
            falls.FORM: lambda pid: self.open_record(falls.to_open(self.session.db, self.session.forms, pid)),
            missing_patient.FORM: lambda pid: self.open_record(missing_patient.to_open(self.session.db, pid)),
            # The latest screen, amended with the referral or the SLT's assessment; else a new one,
            # its reason the stroke the patient came in with.
            swallow_screen.FORM: lambda pid: self.open_record(found) if (
                found := swallow_screen.to_open(self.session.db, pid)) is not None else self.open_new(
                self.session.form(swallow_screen.FORM), pid, {
                    **prefill.first_answers(self.session, self.session.form(swallow_screen.FORM), pid),
                    **swallow_screen.new_answers(self.session.db, pid, self.session.clock())}),
            # The capacity assessment whose review is due (amended, or a new one made); else a new one.
            capacity.FORM: lambda pid: self.open_record(found) if (
                found := capacity.to_open(self.session.db, pid, self.session.clock())) is not None else self.open_new(
                self.session.form(capacity.FORM), pid),
            # The concern whose referral is not made or whose team is not told, amended with it; else a new one.
            safeguarding.FORM: lambda pid: self.open_record(found) if (
                found := safeguarding.to_open(self.session.db, pid, self.session.clock())) is not None else self.open_new(
                self.session.form(safeguarding.FORM), pid),
            # The latest assessment while its postural drop awaits the doctor's review; else a new one.
            falls_risk.FORM: lambda pid: self.open_record(found) if (
                found := falls_risk.to_open(self.session.db, pid)) is not None else self.open_new(
                self.session.form(falls_risk.FORM), pid, falls_risk.new_answers(self.session.db, pid)),
            # A review of the level when due or its DoLS answers ask; else the next log entry.
            enhanced_observation.FORM: lambda pid: self.open_new(
                self.session.form(enhanced_observation.FORM), pid, {
                    **prefill.first_answers(self.session, self.session.form(enhanced_observation.FORM), pid),
                    **enhanced_observation.new_answers(self.session, pid)}),
            # The check raising a red flag no doctor is told of, amended with the doctor told; else the next check.
            alcohol_withdrawal.FORM: lambda pid: self.open_record(found) if (
                found := alcohol_withdrawal.to_open(self.session.db, pid)) is not None else self.open_new(
                self.session.form(alcohol_withdrawal.FORM), pid),
            sepsis.FORM: self.open_sepsis_of,
            vte.FORM: self.open_vte_of,
            delirium.FORM: self.open_observations_of,
            medication.ORDER_FORM: self.open_mar_of,
            infusion_checks.FORM: self.open_mar_of,
            chart_alerts.DEATH_FORM: lambda pid: self.open_record(chart_alerts.death_of(self.session.db, pid)),
            weight.FORM: lambda pid: self.open_new(self.session.form(weight.FORM), pid),
        }[form_id](patient_id))
        return panel

    def _make_admin(self) -> AdminPanel:
        panel = AdminPanel(self.session)
        panel.wards_changed.connect(self._wards_changed)
        panel.settings_changed.connect(self._read_idle_lock)
        panel.device_changed.connect(self.banner.show_device)
        panel.laptop_ward_changed.connect(self._laptop_ward_changed)
        panel.backed_up.connect(self.banner.backup_made)
        panel.retired.connect(self._retired)
        panel.backup_failed.connect(self.banner.backup_failed)
        return panel

    def _discard_built(self) -> None:
        """What a previous build made (in the old language) goes, so nothing stale stays on
        screen or answers a shortcut."""
        if (old := self.takeCentralWidget()) is not None:
            # Hidden for good until deleted: taken from the window, the old screen was shown as a
            # window of its own by a wait before the event loop deleted it (the closing backup's).
            old.hide()
            old.deleteLater()
        for action in self.actions_by_id.values():
            action.deleteLater()
        self.actions_by_id.clear()
        self.menuBar().clear()
        for menu in self.menuBar().findChildren(QMenu, options=Qt.FindChildOption.FindDirectChildrenOnly):
            menu.deleteLater()
        if (record_menu := getattr(self, "record_menu", None)) is not None:
            record_menu.deleteLater()
        for toolbar in self.findChildren(QToolBar):
            self.removeToolBar(toolbar)
            toolbar.deleteLater()

    def set_language(self, lang: Lang) -> None:
        """The whole window again in `lang`, on the same tabs: open forms keep what was typed
        (their drafts too), open charts stay open, and the choice is kept for this laptop."""
        save_language(lang)
        set_language(lang)
        self.session.lang = lang
        self.retranslate()

    def retranslate(self) -> None:
        """Every tab after the fixed ones can be reopened, so the tabs come back in their order,
        but one about a patient whose admission was withdrawn since (see `_headed`), whose
        typed form stays as a draft."""
        views = [self.tabs.widget(index) for index in range(self.tabs.count())]
        reopen = [self._reopener(view) for view in views]
        current = self.tabs.currentIndex()
        # The ward a nurse chose stays hers for the session, in any language: each list's is
        # chosen again as the list is built again.
        self._wards_chosen.update({name: chooser.currentData() for name, chooser in self._ward_choices().items()})
        self._build()
        self.patients.ward.choose(self._wards_chosen.pop("patients"))
        for make in reopen:
            if make is not None:
                make()
        if closed := sum(isinstance(view, (FormView, PatientTab)) and make is None for view, make in zip(views, reopen)):
            self.statusBar().showMessage(translate(
                "MainWindow", "{count} tab(s) about a patient whose admission was withdrawn closed.").format(count=closed))
        self.tabs.setCurrentIndex(current)

    def _headed(self, record: RecordVersion | None, patient_id: str | None) -> bool:
        """Whether a screen about this patient can be built again, headed by their identity: a
        patient whose admission was withdrawn (entered in error) has none, but on a record kept
        about them (headed by that admission's). Building one stopped the language switch, and the
        reopening of drafts at sign-in, with an error, the tabs and drafts after it lost."""
        if patient_id is None or record is not None:
            return True
        return patient_id in all_patients(self.session.db, self.session.forms, [patient_id])

    def _reopener(self, view: QWidget) -> Callable[[], QWidget] | None:
        if isinstance(view, FormView) and not self._headed(view.record, view.patient_id):
            return None
        if isinstance(view, PatientTab) and not self._headed(None, view.patient_id):
            return None
        if isinstance(view, FormView) and view.editing and view.record is None and not view.is_dirty():
            # Opened again as it opened, not as typed: what the chart filled in stays no draft.
            spec, patient_id, copied = view.spec, view.patient_id, view.copied
            return lambda: self.open_form(FormView(self.session, spec, patient_id=patient_id, answers=copied))
        if isinstance(view, FormView) and view.editing:
            spec, record, patient_id, typed, draft_id = (view.spec, view.record, view.patient_id, view.raw_values(),
                                                         view.draft_id)
            return lambda: self._reopen_typed(spec, record, patient_id, draft_id, typed)
        if isinstance(view, FormView):
            spec, record = view.spec, view.record
            return lambda: self.open_form(FormView(self.session, spec, record=record))
        for kind, opened in ((MarView, self.open_mar_of), (ObservationsView, self.open_observations_of),
                             (RecordsView, self.open_records_of), (FluidBalanceView, self.open_fluid_balance_of),
                             (NeuroView, self.open_neuro_of), (GlucoseView, self.open_glucose_of),
                             (TransfusionView, self.open_transfusion_of), (LabResultsView, self.open_lab_results_of),
                             (RepositioningView, self.open_repositioning_of), (WoundsView, self.open_wounds_of),
                             (DevicesView, self.open_devices_of), (BowelsView, self.open_bowels_of), (PainView, self.open_pain_of),
                             (PewsView, self.open_pews_of)):
            if isinstance(view, kind):
                patient_id = view.patient_id
                return lambda: opened(patient_id)
        return None

    def _build_actions(self) -> None:
        toolbar = QToolBar(translate("MainWindow", "Main"))
        toolbar.setMovable(False)
        self.addToolBar(toolbar)
        menu = self.menuBar().addMenu(translate("MainWindow", "&Ward"))
        for spec in ACTIONS:
            if spec.needs is not None and not self.session.user.may(spec.needs):
                continue
            action = QAction(translate("MainWindow", spec.text), self)
            if spec.shortcut:
                action.setShortcut(QKeySequence(spec.shortcut))
            handler = getattr(self, spec.handler)
            action.triggered.connect(partial(self.for_selected, handler) if spec.of_selected else handler)
            menu.addAction(action)
            if spec.toolbar:
                action.setIconText(translate("MainWindow", spec.toolbar))
                action.setToolTip(action.text().replace("&", ""))
                toolbar.addAction(action)
            self.actions_by_id[spec.id] = action
        self.record_menu = QMenu(translate("MainWindow", "&Record for selected patient"), self)
        # Only the forms this person may write: a nurse typed a whole medication order, and a
        # coordinator a discharge, before Save refused it.
        # In the order of their titles as the person reads them: in the forms' files' order, a
        # French nurse's list ran from "Glycémie capillaire" to "Commande de sang".
        writable = sorted(records.writable(self.session, self.session.forms.values()),
                          key=lambda spec: fold(spec.title.get(self.session.lang)))
        for spec in sorted(writable, key=lambda spec: fold(self._record_menu_text(spec))):
            needs_another_record = any(isinstance(field, RecordRefField) and field.required
                                       and self.session.form(field.form).about_patient for field in spec.fields())
            if spec.about_patient and not needs_another_record:
                action = self.record_menu.addAction(self._record_menu_text(spec))
                opener = self.readmit_selected if spec.creates_patient else self.new_record_for_selected
                action.triggered.connect(lambda checked=False, s=spec, o=opener: o(s))
                self.actions_by_id[f"record_{spec.id}"] = action
        if (transfer := self.actions_by_id.get("record_transfer")) is not None:
            transfer.setShortcut(QKeySequence("Ctrl+T"))
        # With the ward's other work, above Close form, Sign out and Quit (set apart): added last,
        # the coordinator's New theatre session sat under Quit.
        leaving = self.actions_by_id["close_tab"]
        for spec in writable:
            if not spec.about_patient:
                action = QAction(translate("MainWindow", "New {form}").format(form=spec.title.get(self.session.lang).lower()), self)
                menu.insertAction(leaving, action)
                action.triggered.connect(lambda checked=False, s=spec: self.open_form(FormView(self.session, s)))
                self.actions_by_id[f"new_{spec.id}"] = action
        menu.insertSeparator(leaving)
        self.menuBar().addMenu(self.record_menu)
        self.record_menu.menuAction().setIconText(translate("MainWindow", "Record for patient"))
        self.record_menu.menuAction().setVisible(not self.record_menu.isEmpty())
        toolbar.addAction(self.record_menu.menuAction())
        view_menu = self.menuBar().addMenu(translate("MainWindow", "&View"))
        for name, text, keys, steps in (("larger_text", translate("MainWindow", "&Larger text"), QKeySequence.StandardKey.ZoomIn, 1),
                                        ("smaller_text", translate("MainWindow", "&Smaller text"), QKeySequence.StandardKey.ZoomOut, -1)):
            action = view_menu.addAction(text)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda checked=False, s=steps: change_text_size(QApplication.instance(), s))
            self.actions_by_id[name] = action
        contrast = view_menu.addAction(translate("MainWindow", "&High contrast"))
        contrast.setCheckable(True)
        contrast.setChecked(high_contrast())
        contrast.setShortcut(QKeySequence("Ctrl+Shift+H"))
        contrast.toggled.connect(lambda on: set_high_contrast(QApplication.instance(), on))
        self.actions_by_id["high_contrast"] = contrast
        languages = view_menu.addMenu(translate("MainWindow", "Lan&guage"))
        choice = QActionGroup(languages)
        for lang, name in LANGUAGES.items():
            action = languages.addAction(name)
            action.setCheckable(True)
            action.setChecked(lang == self.session.lang)
            choice.addAction(action)
            action.triggered.connect(lambda checked=False, chosen=lang: self.set_language(chosen))
            self.actions_by_id[f"language_{lang}"] = action
        help_menu = self.menuBar().addMenu(translate("MainWindow", "&Help"))
        shortcuts = help_menu.addAction(translate("MainWindow", "&Keyboard shortcuts"))
        shortcuts.setShortcut(QKeySequence.StandardKey.HelpContents)
        shortcuts.triggered.connect(self.show_shortcuts)
        self.actions_by_id["shortcuts"] = shortcuts

    def _record_menu_text(self, spec: FormSpec) -> str:
        """A form's line in the Record menu: its title; an admission's, the readmission of the
        patient chosen, said so (a new patient is admitted from the Ward menu)."""
        if spec.creates_patient:
            return translate("MainWindow", "Readmission (back after leaving)…")
        return spec.title.get(self.session.lang)

    def change_pin(self) -> ChangePinDialog:
        dialog = ChangePinDialog(self.session, self)
        dialog.accepted.connect(lambda: self.statusBar().showMessage(translate(
            "MainWindow", "Your PIN is changed: sign in with the new one from now on."), 20_000))
        return open_until_closed(dialog)

    def show_telephone_orders(self) -> TelephoneOrdersDialog:
        dialog = TelephoneOrdersDialog(self.session, self)
        dialog.open_chart.connect(self.open_mar_of)
        return open_until_closed(dialog)

    def show_shortcuts(self) -> ShortcutsDialog:
        """Beside the window, not in its way (not modal); freed once closed, as the window's
        other dialogs are (`open_until_closed`)."""
        dialog = ShortcutsDialog(self.actions_by_id.values(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _on_event(self, event: str, payload: Any) -> None:
        if event == "record_saved" and isinstance(payload, RecordVersion):
            self.banner.saved(payload.recorded_at)
            self.refresh_lists()
            if payload.form_id == observations.FORM and payload.status is not RecordStatus.ENTERED_IN_ERROR:
                self._announce_news2(payload)
            if payload.form_id == pews.FORM and payload.status is not RecordStatus.ENTERED_IN_ERROR:
                self._announce_pews(payload)
            if backups.due(self.session.db, self.session.clock()):
                QTimer.singleShot(0, self, self._automatic_backup)

    def _automatic_backup(self) -> None:
        """Run from the event loop, once the save that prompted it has committed (a backup
        cannot copy a database in the middle of a transaction). Not while long work runs: an
        import holds the database's write lock for minutes, and the backup's audit entry would
        wait for it with the window frozen; an export or another backup is already copying.
        It stays due, and is made at the first save after."""
        if not Work.holding_the_database() and backups.due(self.session.db, self.session.clock()):
            self.back_up("automatic")

    def back_up(self, reason: str, *, wait: bool = False) -> None:
        """Never in the way of care: the copy is made on a thread of its own (a records office's
        2 GB took 75 s, the window frozen), and a failed backup (stick removed or full) is shown
        in the banner until one works, not as a dialog. At exit (`wait`) it is made before the
        app ends or the next sign-in shows, the window already off the screen: the app must not end
        before its last backup, and a failure is told in a message, the banner going with the
        window (said there, it was said to nobody)."""
        try:
            if wait:
                made = waited_backup(self.session, reason, translate("MainWindow",
                                                                     "Making the last backup before closing…"))
            else:
                copy = backups.begin_backup(self.session, reason)
        except Exception as problem:  # noqa: BLE001 (raised again unless the person can act on it)
            refusal = refusal_of(problem)
            self.banner.backup_failed(refusal)
            if wait:
                Prompts.error(self, translate("MainWindow", "Last backup failed"), translate(
                    "MainWindow", "The backup made on closing failed: {problem}\n\nWhat was recorded is kept on this "
                    "laptop. Put the USB stick right, then open the app and close it again to back it up.").format(
                    problem=say(refusal)))
            return
        if wait:
            self.banner.backup_made(made)
            return
        work = Work(self.session, lambda own, progress: copy(own.db))
        work.succeeded.connect(self.banner.backup_made)
        work.refused.connect(self.banner.backup_failed)
        work.begin()

    def refresh_lists(self) -> None:
        """After a save, a patient's open chart and the list in view are refreshed at once and
        the ward- or site-wide lists when they are next shown: on a records office's
        hospital-wide database the whole-site census and the worklist take a second or more
        each, and a save must not wait for lists nobody sees."""
        views = [self.tabs.widget(index) for index in range(self.tabs.count())]
        for chart in views:
            if isinstance(chart, PatientTab):
                chart.read_identity()
                self._name_tab(chart)
                chart.refresh()
        self._stale = [view for view in views if isinstance(
            view, (PatientsPanel, MedicationPanel, CdRegisterPanel, TheatrePanel, EscalationPanel, BackEntryPanel,
                   AdminPanel))]
        self._refresh_shown()

    def _refresh_shown(self) -> None:
        shown = self.tabs.currentWidget()
        if isinstance(shown, _Unbuilt):
            shown = self._panel(shown.name, QWidget)
        if any(view is shown for view in self._stale):
            self._stale = [view for view in self._stale if view is not shown]
            shown.refresh()  # type: ignore[attr-defined]

    def _read_idle_lock(self) -> None:
        """The ward's idle lock, read again once an administrator saves the settings."""
        self._idle_minutes = int(settings.get(self.session.db, "idle_lock_minutes"))
        self.idle_timer.setInterval(self._idle_minutes * 60_000)

    def _wards_changed(self) -> None:
        for chooser in self.findChildren(WardChoice):
            chooser.refill()

    def _ward_choices(self) -> dict[str, WardChoice]:
        """The ward choosers of the lists built, by list."""
        return {name: panel.ward for name, panel in (("patients", self.patients), *self._built.items())
                if isinstance(panel, (PatientsPanel, MedicationPanel, CdRegisterPanel, EscalationPanel))}

    def _laptop_ward_changed(self) -> None:
        """The administrator just gave this laptop its ward: the banner says it and the lists
        show it, as the next person signing in will see them."""
        self.banner.show_device()
        ward = settings.laptop_ward(self.session.db)
        self._wards_chosen.clear()  # a list not built yet opens on the laptop's ward
        for chooser in self._ward_choices().values():
            chooser.choose(ward)

    def open_form(self, view: FormView) -> FormView:
        view.saved.connect(lambda record, v=view: self.tabs.setTabText(self.tabs.indexOf(v), v.title))
        index = self.tabs.addTab(view, view.title)
        self.tabs.setCurrentIndex(index)
        view.first_editor().widget.setFocus()
        return view

    def open_new(self, spec: FormSpec, patient_id: str, answers: dict[str, Any] | None = None) -> FormView:
        """A new record's blank form for the patient (starting from `answers`, see FormView); one
        of that form for that patient already open and not yet saved brought forward instead.
        "Record a new set" pressed twice opened two blank sets, and a set typed into the tab
        behind was saved beside the other."""
        unsaved = next((view for view in self._open_tabs(FormView) if view.record is None
                        and view.spec.id == spec.id and view.patient_id == patient_id), None)
        if unsaved is None:
            return self.open_form(FormView(self.session, spec, patient_id=patient_id, answers=answers))
        self.tabs.setCurrentWidget(unsaved)
        return unsaved

    def new_admission(self) -> FormView:
        return self.open_form(FormView(self.session, self.session.form("admission")))

    def _selected_patient(self) -> PatientSummary | None:
        """The patient the person is looking at: the line chosen on the round, the NEWS2
        escalations or the theatre tab, the patient of the chart or form on screen, else the one
        chosen in the patient list; None once the nurse has been told to choose one. Always taken
        from the patient list, the round's highlighted Mr B opened the chart of Mrs A, chosen on
        the Patients tab earlier and out of sight: the wrong patient's MAR, labels or transfer
        (or, on the theatre tab, a booking for the wrong patient). A new admission on screen,
        not yet saved, is a patient with no number yet: the list's patient, out of sight, had
        their labels printed for the wristband of the patient being admitted."""
        current = self.tabs.currentWidget()
        if isinstance(current, FormView) and current.spec.creates_patient and current.record is None:
            Prompts.error(self, translate("MainWindow", "Admission not saved yet"),
                          translate("MainWindow", "Save this admission first (Ctrl+S): until then the patient on "
                                                  "screen has no downtime number."))
            return None
        if isinstance(current, MedicationPanel):
            index = current.table.currentIndex()
            patient = current.model.rows[index.row()].patient if index.isValid() else None
        elif isinstance(current, (EscalationPanel, TheatrePanel, BackEntryPanel)):
            patient = current.chosen_patient()
        elif isinstance(current, PatientTab):
            patient = current.patient
        elif isinstance(current, FormView) and (shown := current.patient()) is not None:
            patient = shown
        elif current is self.patients:
            patient = self.patients.selected_patient()
        else:
            self.tabs.setCurrentWidget(self.patients)
            Prompts.error(self, translate("MainWindow", "No patient on this tab"),
                          translate("MainWindow", "Choose the patient in this list first, then do it again: the action "
                                                  "was for the patient on screen, and that tab has none."))
            return None
        if patient is None:
            Prompts.error(self, translate("MainWindow", "No patient selected"), translate("MainWindow", "Select a patient in the list first."))
        return patient

    def readmit_selected(self, spec: FormSpec) -> FormView | None:
        """The admission form of the patient chosen, back after a discharge or a transfer to
        another hospital: the same patient (their number, charts and history), their identity
        and allergies as their last stay's admission says them, to confirm (prefill.first_answers).
        The window opened admissions of new patients only: a patient back the same afternoon got
        a second number, and the allergy found on their first stay was on neither chart. One in
        hospital is moved, not admitted; after a recorded death, no admission follows."""
        chosen = self._selected_patient()
        # As they are now: the list read before another laptop's save may say otherwise.
        patient = None if chosen is None else all_patients(self.session.db, self.session.forms,
                                                           [chosen.patient_id]).get(chosen.patient_id)
        if patient is None:
            return None
        if patient.stay is StayStatus.DECEASED:
            died = deaths(self.session.db, [patient.patient_id])[patient.patient_id]
            Prompts.error(self, translate("MainWindow", "Readmission"), translate(
                "messages", "This patient's death is recorded ({when}): no admission follows it. If it was recorded "
                            "for the wrong patient, mark it entered in error first.").format(when=f"{died:%d/%m/%Y %H:%M}"))
            return None
        if patient.stay in (None, StayStatus.IN):
            Prompts.error(self, translate("MainWindow", "Readmission"), translate(
                "MainWindow", "{name} ({number}) is in hospital: a readmission is for a patient back after a discharge "
                              "or a transfer to another hospital. To move them, record a transfer.").format(
                name=patient.display_name, number=patient.downtime_number))
            return None
        view = self.open_new(spec, patient.patient_id)
        self.tabs.setTabText(self.tabs.indexOf(view), translate("MainWindow", "Readmission — {name}").format(
            name=patient.display_name))
        return view

    def new_record_for_selected(self, spec: FormSpec) -> FormView | None:
        patient = self._selected_patient()
        if patient is None:
            return None
        return self.open_new(spec, patient.patient_id, self._about_the_operation(spec, patient.patient_id))

    def _about_the_operation(self, spec: FormSpec, patient_id: str) -> dict[str, Any] | None:
        """A record opened from the theatre tab names the operation chosen there, where the form
        points to a booking (a surgical safety checklist): its booking can be set by no one
        else. None elsewhere: the form starts from the chart alone."""
        current = self.tabs.currentWidget()
        booking = current.chosen_booking() if isinstance(current, TheatrePanel) else None
        refs = [field.id for field in spec.fields()
                if isinstance(field, RecordRefField) and field.form == theatre.BOOKING_FORM]
        if booking is None or not refs:
            return None
        return {**prefill.first_answers(self.session, spec, patient_id), **dict.fromkeys(refs, booking)}

    def open_admission(self, patient: PatientSummary) -> FormView:
        return self.open_record(records.current(self.session.db, patient.admission_record_id))

    def open_selected(self) -> FormView | None:
        patient = self._selected_patient()
        return self.open_admission(patient) if patient is not None else None

    def find(self) -> None:
        self.tabs.setCurrentWidget(self.patients)
        self.patients.focus_search()

    def _announce_news2(self, record: RecordVersion) -> None:
        """The score of a set just saved, where nobody can miss it, with whose set it is and
        when it was taken; above low risk, or with a row not measured, the response the RCP asks
        for (or to complete the set), or the doctor's plan standing that limits escalation
        (`observations.response`), in a dialog the nurse must close. The status bar said the
        score alone, and kept saying it under the Patients list and every other patient's tab: a
        "NEWS2 9 — HIGH" read as anyone's. It now goes with the tab it was said on (see
        `_unsay_news2`). A child's set (under 16) is not scored: the status bar says to use the
        paediatric chart, and no dialog calls for an adult's emergency response."""
        patient = patient_for_record(self.session.db, self.session.forms, record)
        found = observations.scored(record, patient.birth_date)
        news2, lang = found.news2, self.session.lang
        score = observations.not_applicable_text(lang) if news2 is None else observations.band_text(news2, lang)
        self._news2_said = translate("MainWindow", "{name} ({number}), set taken {time}: {score}").format(
            name=patient.display_name, number=patient.downtime_number, time=ward_time(found.taken_at, None),
            score=score)
        self.statusBar().showMessage(self._news2_said)
        if news2 is not None and (news2.band is not Band.LOW or not news2.complete):
            now = self.session.clock()
            plan = observations.plans(self.session.db, [patient], now).get(patient.patient_id)
            Prompts.info(self, score, f"{self._news2_said}\n\n{observations.response(news2, plan, lang, now.tzinfo)}")

    def _announce_pews(self, record: RecordVersion) -> None:
        """A child's set just saved, as an adult's is (`_announce_news2`): its PEWS in the status
        bar with whose set it is, and what it asks (8 or more, someone worried, a child not alert)
        in a dialog the nurse must close; an incomplete set, the last full set's call still standing
        (the nurse saving "room air" alone after a PEWS 9 read nothing of it); then the doctor's plan
        standing that limits escalation (`observations.limiting`), as the escalation list's line says it."""
        patient = patient_for_record(self.session.db, self.session.forms, record)
        lang, spec = self.session.lang, self.session.form(pews.FORM)
        one = pews.as_charted(self.session.db, patient.patient_id, record)
        found = one.scored(patient.birth_date)
        score = pews.score_text(found, spec, lang)
        self._news2_said = translate("MainWindow", "{name} ({number}), set taken {time}: {score}").format(
            name=patient.display_name, number=patient.downtime_number, time=ward_time(one.taken_at, None), score=score)
        self.statusBar().showMessage(self._news2_said)
        now = self.session.clock()
        if asks := [*pews.asked(one, patient.birth_date, spec, now, lang, False), *pews.standing_behind(
                self.session.db, patient.patient_id, record, patient.birth_date, spec, now, lang)]:
            plan = observations.limiting(self.session.db, [patient], now).get(patient.patient_id)
            said = [*asks, *([plan.text(lang, now.tzinfo)] if plan is not None else [])]
            Prompts.info(self, score, "\n\n".join([self._news2_said, "\n".join(said)]))

    def _unsay_news2(self) -> None:
        """The announcement of a set saved (see `_announce_news2`) leaves the status bar with the
        tab it was said on, and under the lock screen, which hides the patient's data."""
        if self._news2_said and self.statusBar().currentMessage() == self._news2_said:
            self.statusBar().clearMessage()
        self._news2_said = ""

    def for_selected(self, opener: Callable[[str], Shown], *_: object) -> Shown | None:
        """`opener`'s screen for the patient chosen in the list (a menu's or the toolbar's action;
        `_`: what the action's signal sends), or nothing when none is."""
        patient = self._selected_patient()
        return opener(patient.patient_id) if patient is not None else None

    def open_observations_of(self, patient_id: str) -> ObservationsView:
        def wired(view: ObservationsView) -> None:
            view.open_pews.connect(self.open_pews_of)
            view.screen_delirium.connect(lambda pid: self.open_new(self.session.form(delirium.FORM), pid))
            view.screen_sepsis.connect(lambda pid: self.open_new(self.session.form(sepsis.FORM), pid))

        return self._open_chart(ObservationsView, observations.FORM, patient_id, wired)

    def open_sepsis_of(self, patient_id: str) -> FormView | None:
        """From the escalation list: the patient's latest sepsis screening when it still asks (the
        Sepsis Six or the doctor's review to time on it), else a new screening for whoever may
        make one; for anyone else, word to tell the nurse (a healthcare assistant was given a
        blank screening she could not save)."""
        asking = sepsis.to_open(self.session.db, self.session.forms, patient_id, self.session.clock())
        if asking is not None:
            return self.open_record(asking)
        spec = self.session.form(sepsis.FORM)
        if records.may_write(self.session, spec):
            return self.open_new(spec, patient_id)
        Prompts.info(self, spec.title.get(self.session.lang),
                     translate("MainWindow", "A sepsis screening is made by a nurse or a doctor: tell the nurse "
                                             "looking after this patient now."))
        return None

    def open_vte_of(self, patient_id: str) -> FormView | None:
        """From the escalation list: a new VTE risk assessment for whoever may make one (a doctor);
        for anyone else, who could not save it, the patient's latest to read, else word that the
        doctor is to be asked. A nurse pressing Enter was given a blank form only a doctor can save."""
        spec = self.session.form(vte.FORM)
        if records.may_write(self.session, spec):
            return self.open_new(spec, patient_id)
        if (found := vte.latest(self.session.db, [patient_id]).get(patient_id)) is not None:
            return self.open_record(found.record)
        Prompts.info(self, translate("MainWindow", "VTE risk assessment"),
                     translate("MainWindow", "A VTE risk assessment is made and saved by a doctor: ask the doctor "
                                             "to assess this patient."))
        return None

    def open_fluid_balance_of(self, patient_id: str) -> FluidBalanceView:
        def wired(view: FluidBalanceView) -> None:
            view.set_plan.connect(lambda pid: self.open_new(self.session.form(fluid_balance.PLAN_FORM), pid))
            view.record_given.connect(lambda pid, answers: self.open_new(self.session.form(fluid_balance.FORM), pid,
                                                                         answers))
            view.screen_nutrition.connect(lambda pid: self.open_new(self.session.form(nutrition.FORM), pid))

        return self._open_chart(FluidBalanceView, fluid_balance.FORM, patient_id, wired)

    def open_neuro_of(self, patient_id: str) -> NeuroView:
        return self._open_chart(NeuroView, neuro.FORM, patient_id)

    def open_glucose_of(self, patient_id: str) -> GlucoseView:
        return self._open_chart(GlucoseView, glucose.FORM, patient_id)

    def open_repositioning_of(self, patient_id: str) -> RepositioningView:
        def wired(view: RepositioningView) -> None:
            view.assess.connect(lambda pid: self.open_new(self.session.form(repositioning.RISK_FORM), pid))
            view.chart_wound.connect(partial(self._carried_on, wounds.FORM))

        return self._open_chart(RepositioningView, repositioning.FORM, patient_id, wired)

    def open_wounds_of(self, patient_id: str) -> WoundsView:
        def wired(view: WoundsView) -> None:
            view.carry_on.connect(partial(self._carried_on, wounds.FORM))

        return self._open_chart(WoundsView, wounds.FORM, patient_id, wired)

    def _carried_on(self, form_id: str, patient_id: str, carried: dict[str, Any]) -> FormView:
        """A new record of `form_id`, starting from `carried`: a look at a wound from its last
        look's answers or the damage the repositioning chart found, a check of a device from its
        last."""
        spec = self.session.form(form_id)
        return self.open_new(spec, patient_id, {**prefill.first_answers(self.session, spec, patient_id), **carried})

    def open_devices_of(self, patient_id: str) -> DevicesView:
        def wired(view: DevicesView) -> None:
            view.carry_on.connect(partial(self._carried_on, devices.FORM))

        return self._open_chart(DevicesView, devices.FORM, patient_id, wired)

    def open_pain_of(self, patient_id: str) -> PainView:
        return self._open_chart(PainView, pain.FORM, patient_id)

    def open_bowels_of(self, patient_id: str) -> BowelsView:
        return self._open_chart(BowelsView, bowels.FORM, patient_id)

    def open_pews_of(self, patient_id: str) -> PewsView:
        return self._open_chart(PewsView, pews.FORM, patient_id)

    def open_transfusion_of(self, patient_id: str) -> TransfusionView:
        def wired(view: TransfusionView) -> None:
            view.record_end.connect(self._record_unit_end)
            view.prescribe.connect(lambda pid: self.open_new(self.session.form(transfusion.ORDER_FORM), pid))

        return self._open_chart(TransfusionView, transfusion.FORM, patient_id, wired)

    def _record_unit_end(self, patient_id: str, unit_id: str) -> FormView:
        """The end of a unit chosen on the transfusion tab: its form about that unit alone."""
        spec = self.session.form(transfusion.END_FORM)
        return self.open_new(spec, patient_id, {**prefill.first_answers(self.session, spec, patient_id), "unit": unit_id})

    def open_lab_results_of(self, patient_id: str) -> LabResultsView:
        def wired(view: LabResultsView) -> None:
            view.tell.connect(lambda record: self.open_record(record).amend_at(
                "told", translate("MainWindow", "Doctor told of the result")))
            view.send_sample.connect(lambda pid: self.open_new(self.session.form(lab_results.REQUEST_FORM), pid))

        return self._open_chart(LabResultsView, lab_results.FORM, patient_id, wired)

    def open_records_of(self, patient_id: str) -> RecordsView:
        return self._open_tab(RecordsView, patient_id, lambda: RecordsView(self.session, patient_id))

    def open_record(self, record: RecordVersion) -> FormView:
        """The record's tab brought forward when it is open already (see `_open_tab`), showing
        the record's current version unless an amendment is under way in it."""
        shown = next((view for view in self._open_tabs(FormView)
                      if view.record is not None and view.record.record_id == record.record_id), None)
        if shown is None:
            return self.open_form(FormView(self.session, self.session.form(record.form_id), record=record))
        current = records.current(self.session.db, record.record_id)
        if not shown.editing and shown.record is not None and shown.record.version != current.version:
            shown.show_record(current)
            self.tabs.setTabText(self.tabs.indexOf(shown), shown.title)
        self.tabs.setCurrentWidget(shown)
        return shown

    def print_binder(self) -> Path | None:
        return print_and_open(self, self.session, lambda own, out: printing.print_binder(own, out), "downtime-binder",
                              outside=True)

    def print_paper_numbers(self) -> Path | None:
        """Labels of numbers reserved for patients admitted on paper while the laptop is away,
        for the binder; asked first, with the labels printed earlier and not yet given, as each
        one printed is a number to account for."""
        question = translate("MainWindow", "Reserve this laptop's next {count} downtime numbers for patients admitted "
                                           "on paper while it is away, and print them as labels for the binder?").format(
            count=PAPER_NUMBERS)
        if waiting := paper_numbers.unused(self.session):
            question += "\n\n" + translate("MainWindow", "Reserved earlier and given to no patient yet ({count}): "
                                                         "{numbers}. Find those labels first.").format(
                count=len(waiting), numbers=", ".join(number.number for number in waiting))
        if not Prompts.confirm(self, translate("MainWindow", "Numbers for paper admissions"), question):
            return None
        return print_and_open(self, self.session, lambda own, out: printing.print_paper_numbers(own, out)[0],
                              "paper-numbers")

    def open_mar_of(self, patient_id: str) -> MarView:
        def made() -> MarView:
            view = MarView(self.session, patient_id)
            view.prescribe.connect(lambda answers: self.open_form(FormView(
                self.session, self.session.form(medication.ORDER_FORM), patient_id=patient_id, answers=answers)))
            return view

        return self._open_tab(MarView, patient_id, made)

    def _open_chart(self, kind: type[Chart], form_id: str, patient_id: str,
                    wired: Callable[[Chart], object] = lambda view: None) -> Chart:
        """A chart of one form's records, whose Record button opens that form for the patient;
        `wired` connects what else a new one asks of the window."""
        def made() -> Chart:
            view = kind(self.session, patient_id)
            view.record_new.connect(lambda pid: self.open_new(self.session.form(form_id), pid))
            wired(view)
            return view

        return self._open_tab(kind, patient_id, made)

    def _open_tab(self, kind: type[Tab], patient_id: str, made: Callable[[], Tab]) -> Tab:
        """The patient's chart, observations or records: their tab brought forward, read again,
        when it is open already. Opening them again opened a second identical tab, and the one
        left behind went stale (a MAR's LATE and due doses are as of its reading)."""
        shown = next((view for view in self._open_tabs(kind) if view.patient_id == patient_id), None)
        if shown is None:
            shown = made()
            shown.open_record.connect(self.open_record)
            self.tabs.addTab(shown, shown.title)
        else:
            shown.read_identity()
            shown.refresh()
        self._name_tab(shown)
        self.tabs.setCurrentWidget(shown)
        shown.table.setFocus()
        return shown

    def _name_tab(self, shown: PatientTab) -> None:
        """The tab's title as the patient now reads (a move changes their bed), and the patient
        whole in its tooltip (see patient_header.tab_title)."""
        index = self.tabs.indexOf(shown)
        self.tabs.setTabText(index, shown.title)
        self.tabs.setTabToolTip(index, shown.tooltip)

    def _open_tabs(self, kind: type[Shown]) -> list[Shown]:
        return [view for index in range(self.tabs.count()) if isinstance(view := self.tabs.widget(index), kind)]

    def show_cd_register(self) -> None:
        assert self.cd_register is not None, "its action is only for those who may record care"
        self.tabs.setCurrentWidget(self.cd_register)
        self.cd_register.stock_table.setFocus()

    def show_round(self) -> None:
        """The round in focus on the dose the nurse was on, else on its first: back from a MAR
        opened off the round, Ctrl+M put her on bed 1's line, and her next Enter opened another
        patient's dose."""
        assert self.medication is not None, "its action is only for those who may record care"
        self.tabs.setCurrentWidget(self.medication)
        table = self.medication.table
        table.setFocus()
        if table.currentIndex().isValid():
            table.scrollTo(table.currentIndex())
        elif self.medication.model.rows:
            table.selectRow(0)

    def print_blank_admission(self) -> Path | None:
        return print_and_open(self, self.session, lambda own, out: printing.print_blank(own, "admission", out), "blank-admission",
                              outside=True)

    def print_census(self) -> Path | None:
        """The census of the ward chosen on the list on screen (the round, the controlled drugs,
        the NEWS2 escalations or the patients), else on the Patients tab: always taken from the
        Patients tab, the round of the ICU on screen printed the site's census, the Patients tab
        left on "All wards" out of sight."""
        current = self.tabs.currentWidget()
        listed = current if isinstance(current, (MedicationPanel, CdRegisterPanel, EscalationPanel)) else self.patients
        ward = listed.ward.currentData()
        return print_and_open(self, self.session, lambda own, out: printing.print_census(own, out, ward=ward),
                           f"census-{ward or 'site'}")

    def print_labels(self) -> Path | None:
        """A sheet of the selected patient's ID labels, on the ward's label stock."""
        return self._print_for_selected(printing.print_labels, "labels")

    def print_wristband(self) -> Path | None:
        """The selected patient's wristband insert, whatever the ward's label stock (the sheet
        labels were all a nurse banding a patient could print)."""
        return self._print_for_selected(printing.print_wristband, "wristband")

    def _print_for_selected(self, make: Callable[[Session, str, Path], Path], name: str) -> Path | None:
        patient = self._selected_patient()
        if patient is None:
            return None
        return print_and_open(self, self.session, lambda own, out: make(own, patient.patient_id, out),
                              f"{name}-{patient.downtime_number}")

    def import_data(self) -> ImportWizard:
        """Deleted once closed, as the dialogs of a shift are: a records office imports each of
        twenty laptops, and each wizard stayed, with its report, for the rest of the session. It
        closes only once its import has ended (see ImportWizard.reject)."""
        wizard = ImportWizard(self.session, self)
        wizard.finished.connect(lambda result: self.refresh_lists())
        return open_until_closed(wizard)

    def export_data(self) -> ExportDialog:
        """Deleted once closed, its export ended (see ExportDialog.reject); the banner then reads
        again what no export holds (it said the records owed for up to a minute after)."""
        dialog = open_until_closed(ExportDialog(self.session, self))
        dialog.finished.connect(self.banner.show_not_exported)
        return dialog

    def resume_drafts(self) -> list[FormView | DoseDialog | PaperDosesDialog]:
        """Forms and doses left unsaved by a crash or a sign-out, reopened as they were typed;
        one about a patient whose admission was withdrawn since, or a dose of an order withdrawn
        since, stays a draft (see `_headed`)."""
        found = [draft for draft in drafts.drafts_of(self.session) if self._resumable(draft)]
        if not found or not Prompts.confirm(self, translate("MainWindow", "Unsaved forms"), self._drafts_question(found)):
            return []
        return [self._resume(draft) for draft in found]

    def _resume(self, draft: drafts.Draft) -> FormView | DoseDialog | PaperDosesDialog:
        """A draft reopened where it was typed: a dose's dialog, the paper-doses screen, a form's tab."""
        if typed_in_dose_dialog(draft):
            return self._resume_dose(draft)
        if draft.form_id == paper_doses.DRAFT_FORM:
            assert self.medication is not None, "see _resumable"
            return self.medication.resume_paper(draft)
        return self._reopen_typed(self.session.form(draft.form_id), self._started_from(draft), draft.patient_id,
                                  draft.draft_id, draft.data)

    def _drafts_question(self, found: list[drafts.Draft]) -> str:
        """Whether to reopen `found`, each draft named. The paper-doses screen's drafts are said
        first, each apart with its rows and whose: counted among the forms and doses, a night's
        rows of a paper chart read as one form. A dose draft whose dose has been recorded since
        (again from the round, by its nurse or someone else) is counted apart as already recorded,
        as its dose dialog says: it was counted among the unsaved, "not recorded"."""
        done = [bool(typed_in_dose_dialog(draft) and medication.recorded_since(self.session.db, draft.data))
                for draft in found]
        listed = "\n\n" + "\n".join(
            "• " + drafts.described(self.session, draft)
            + (translate("MainWindow", " — its dose has been recorded since") if recorded else "")
            for draft, recorded in zip(found, done))
        paper = [draft for draft in found if draft.form_id == paper_doses.DRAFT_FORM]
        waiting = "".join(drafts.paper_waiting(self.session, draft) + " " for draft in paper)
        recorded = sum(done)
        return waiting + self._unsaved_question(len(found) - len(paper) - recorded, recorded) + listed

    @staticmethod
    def _unsaved_question(unsaved: int, recorded: int) -> str:
        """The question on the forms and single doses: `unsaved` not recorded, `recorded` dose
        drafts whose dose has been recorded since."""
        if not recorded and not unsaved:
            return translate("MainWindow", "Reopen them?")
        if not recorded:
            return translate("MainWindow", "You have {count} unsaved form(s) or dose(s) from earlier, "
                                           "not recorded. Reopen them?").format(count=unsaved)
        if not unsaved:
            return translate("MainWindow", "You have {recorded} dose draft(s) from earlier whose dose has been "
                                           "recorded since (by you or someone else). Reopen them to check and "
                                           "discard them?").format(recorded=recorded)
        return translate("MainWindow", "You have {count} unsaved form(s) or dose(s) from earlier, not recorded, "
                                       "and {recorded} dose draft(s) whose dose has been recorded since (by you or "
                                       "someone else), to check and discard. Reopen them?").format(
            count=unsaved, recorded=recorded)

    def _resumable(self, draft: drafts.Draft) -> bool:
        """A dose draft reopens on the round: one typed by someone without it (a records clerk at a
        MAR's cell, the dose refused at Save) stays a draft, and the window opens."""
        if draft.form_id == paper_doses.DRAFT_FORM:
            patient_ids = paper_doses.PaperDraft.model_validate(draft.data).patient_ids
            return self.session.user.may(Action.RECORD_CARE) and len(all_patients(self.session.db, self.session.forms,
                                                                    patient_ids)) == len(patient_ids)
        if not typed_in_dose_dialog(draft):
            return self._headed(self._started_from(draft), draft.patient_id)
        if not self.session.user.may(Action.RECORD_CARE):
            return False
        try:
            medication.order(self.session.db, draft.data["order"])
        except NotFound:
            return False
        return self._headed(None, draft.patient_id)

    def _resume_dose(self, draft: drafts.Draft) -> DoseDialog:
        assert self.medication is not None, "see _resumable"
        return self.medication.resume_dose(draft)

    def _started_from(self, draft: drafts.Draft) -> RecordVersion | None:
        """The version an amendment under way started from (saving it is refused if the record
        has changed since); the current one for a draft from before versions were kept."""
        if draft.record_id is None:
            return None
        versions = records.history(self.session.db, draft.record_id)
        return next((version for version in versions if version.version == draft.record_version), versions[-1])

    def _reopen_typed(self, spec: FormSpec, record: RecordVersion | None, patient_id: str | None, draft_id: str,
                      typed: dict[str, Any]) -> FormView:
        """A form as it was being typed (a new record, or an amendment under way), on the same draft."""
        view = FormView(self.session, spec, record=record, patient_id=patient_id, draft_id=draft_id)
        if record is not None:
            view.start_amend()
        view.restore(typed)
        return self.open_form(view)

    def close_current_tab(self) -> None:
        self.close_tab(self.tabs.currentIndex())

    def close_tab(self, index: int) -> None:
        view = self.tabs.widget(index)
        if isinstance(view, PatientTab):
            self._remove_tab(index)
            return
        if not isinstance(view, FormView):
            return
        if view.is_dirty() and not Prompts.confirm(
                self, translate("MainWindow", "Close form"), translate("MainWindow", "This form is not saved. Close it? (It stays as a draft you can reopen.)")):
            return
        self._remove_tab(index)
        view.deleteLater()

    def _remove_tab(self, index: int) -> None:
        """The tab closed and the focus given back to the one that comes back, where it was: Qt
        left it on the tab bar, the round's line chosen but the nurse's Enter doing nothing and her
        next arrow key showing another tab."""
        self.tabs.removeTab(index)
        if (page := self.tabs.currentWidget()) is not None:
            _focus_within(page)

    def sign_out(self) -> None:
        if self._may_leave():
            self._hand_over(None)

    def quit_app(self) -> None:
        if self._may_leave():
            self.close()

    def _may_leave(self) -> bool:
        """Whether to sign out or quit, asked over a form not saved, then over records no export holds."""
        return self._may_leave_unsaved() and self._may_leave_not_exported()

    def _may_leave_unsaved(self) -> bool:
        """Whether to sign out or quit, asked when a form on screen is typed and not saved, naming
        it: left so at handover, it went without a word to its nurse's drafts, which no one else
        sees until she signs in again (an admission on no census for the day shift). No goes back
        to the first such form."""
        unsaved = [view for view in self._open_tabs(FormView) if view.is_dirty()]
        if unsaved and not Prompts.confirm(
                self, translate("MainWindow", "Forms not saved"),
                translate("MainWindow", "Not saved:\n{forms}\n\nThey stay your drafts, which no one else sees until "
                                        "you sign in again. Leave all the same? (No goes back to the form, to save "
                                        "it.)").format(forms="\n".join(f"• {view.title}" for view in unsaved))):
            self.tabs.setCurrentWidget(unsaved[0])
            return False
        return True

    def _may_leave_not_exported(self) -> bool:
        """Asked when records or register lines were written here after the laptop's last export:
        the stick that left at its end holds none of them, and the records office, seeing no gap
        between sticks, cannot know of them (sync.missing). Said to whoever leaves: the next person
        may not read the banner. Not asked before a first export, which the ward makes at the
        outage's end: asked at every sign-out of weeks, it would be answered Yes unread, this one
        with it; the banner says it, and retiring the laptop refuses (services.retire)."""
        found = exported.since_last_export(self.session.db, self.session.device.device_id)
        return found is None or found.last_export is None or Prompts.confirm(
            self, translate("MainWindow", "Records not exported"),
            translate("MainWindow", "{said} will not reach the records office unless exported again: leave all the "
                                    "same?").format(said=not_exported_words(found, self.session.clock())))

    def _retired(self) -> None:
        """The laptop's database is gone (services.retire): the app closes, with no backup at
        exit, which would make one again, and no question over records no export holds."""
        self.session.listeners.remove(self._on_event)
        self.close()
        QApplication.instance().quit()  # type: ignore[union-attr]

    def _hand_over(self, signed_in: SignInDialog | None) -> None:
        """Close this person's window for the next one; `signed_in`: their sign-in, made at the
        lock screen, so that they do not type their PIN twice."""
        self.back_up("sign-out")
        self.session.listeners.remove(self._on_event)
        self.close()
        if self._signed_out is not None:
            self._signed_out(signed_in)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        """A closed window must not lock (or sign anyone out) minutes later: its idle
        countdown stops with it. Closed by its title bar's cross (`spontaneous`: the user's, not
        the app's own close after Quit or a sign-out), it asks first over a form not saved, as
        Quit does: the cross is how many leave a laptop's app."""
        if event.spontaneous() and not self._may_leave():
            event.ignore()
            return
        self.idle_timer.stop()
        self.elsewhere_timer.stop()
        self.banner.stop()
        # A list still read shows nothing more: the back-entry worklist would fetch its first
        # page on the window's connection, lent meanwhile to the next sign-in's census check.
        for reader in self.findChildren(ListReader):
            reader.drop()
        if self._event_filter is not None:
            QApplication.instance().removeEventFilter(self._event_filter)  # type: ignore[union-attr]
            self._event_filter = None
            if self._on_event in self.session.listeners and self.session.vault is not None:  # else no file to copy
                # Off the screen first: its patients' names were left showing, frozen, while the
                # last backup was made (22 s on a records office's database) after a sign-out.
                self.hide()
                self.back_up("exit", wait=True)
        clear_prints(self)
        _clear_own_clipboard()
        super().closeEvent(event)

    def _follow_lock_screen_language(self, *, keep: bool) -> None:
        """A language chosen at the lock screen turns the window to it, as View ▸ Language does
        (it switched the catalogue alone: the window stayed in the old language, its dialogs in
        the new). Not while windows of its own are open (`keep`: a dose dialog being typed, a
        preview): they belong to the tabs built again and would go with them; the window and the
        catalogue then keep the window's language."""
        if keep:
            save_language(self.session.lang)
            set_language(self.session.lang)
        else:
            self.set_language(language())

    def _still_signed_in(self) -> bool:
        """Whether the account is still active. Deactivated since its holder signed in (by an
        administrator at another window of the app, or with `downtime staff deactivate`), the
        window went on recording under it: its holder is now signed out at their next key or
        click, which does nothing else, and their unsaved forms stay as their drafts."""
        try:
            self.session.require_active()
        except AccountDeactivated as refusal:
            self.idle_timer.stop()  # once: the message box's own clicks go through
            QTimer.singleShot(0, partial(self._deactivated, refusal))
            return False
        return True

    def _deactivated(self, refusal: AccountDeactivated) -> None:
        _close_for_next_person([window for window in QApplication.topLevelWidgets()
                                if window.isVisible() and window is not self])  # a dose dialog, a print preview
        Prompts.error(self, translate("MainWindow", "Signed out"), say(refusal))
        self._hand_over(None)

    def lock(self) -> None:
        """Idle too long: the patient data is hidden until someone signs in. The same person
        carries on where they were (open forms keep what was typed); someone else gets their own
        window, and the previous person's unsaved forms stay as their drafts."""
        self.idle_timer.stop()
        self._unsay_news2()
        self._show_locked(True)
        clear_prints(None)  # its previews hold their pages: the files went on naming patients all the lock long
        _clear_own_clipboard()
        # A print preview or a dose dialog shows a patient too, in a window of its own. One being
        # signed with a PIN is told (see LockAware), whoever signs in next.
        others = [window for window in QApplication.topLevelWidgets() if window.isVisible() and window is not self]
        for window in others:
            window.hide()
            if isinstance(window, LockAware):
                window.locked()
        vault = self.session.vault or Vault(Path(), self.session.db)
        dialog = SignInDialog(vault, self.session.clock, translate("MainWindow", "Locked after {minutes} idle minutes — {name} was signed in")
                              .format(minutes=self._idle_minutes, name=self.session.user.name), self,
                              laptop=this_laptop.on_sign_in(vault))
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.member is not None \
                and dialog.member.staff_id == self.session.user.staff_id:
            self._show_locked(False)
            if language() != self.session.lang:
                self._follow_lock_screen_language(keep=bool(others))
            for window in others:
                window.show()
            self.idle_timer.start()
            return
        _close_for_next_person(others)
        accepted = dialog.result() == QDialog.DialogCode.Accepted and dialog.member is not None
        self._hand_over(dialog if accepted else None)

    def _show_locked(self, locked: bool) -> None:
        """The patient data hidden, and the menus and the toolbar greyed out and inert, while
        locked: the toolbar stayed live, buttons to click under a locked laptop's dialog."""
        self.centralWidget().setHidden(locked)
        for bar in (self.menuBar(), *self.findChildren(QToolBar)):
            bar.setEnabled(not locked)


def _clear_own_clipboard() -> None:
    """What the app put on the clipboard (a patient's NIR copied from Find, a name from the
    back-entry detail to paste into the EHR), cleared as the laptop locks or changes hands: the
    next person's first Ctrl+V pasted the previous person's patient, and a clipboard manager
    kept it. What another program put there is not the app's to clear. The offscreen platform
    (the tests') keeps its clipboard in the app itself, so all it holds is the app's."""
    clipboard = QApplication.clipboard()
    in_app = QApplication.platformName() == "offscreen"
    for mode, owned in ((QClipboard.Mode.Clipboard, clipboard.ownsClipboard()),
                        (QClipboard.Mode.Selection, clipboard.supportsSelection() and clipboard.ownsSelection())):
        if owned or in_app:
            clipboard.clear(mode)


def _close_for_next_person(windows: list[QWidget]) -> None:
    """The windows of their own (a dose dialog, the paper-doses screen, a print preview) of someone
    signed out for the next person: a dose being typed, or a night's, stays its nurse's draft (it went, and nothing told her it
    was not recorded)."""
    for window in windows:
        if isinstance(window, (DoseDialog, PaperDosesDialog)):
            window.hand_over()
        else:
            window.close()


def _focus_within(page: QWidget) -> None:
    """The focus on `page`'s widget that last had it (the round's list, on its line), else on its
    first that Tab reaches."""
    remembered = page.focusWidget()
    if remembered is None or not remembered.isVisibleTo(page) or not remembered.isEnabled():
        remembered = page.nextInFocusChain()
        while remembered is not page and not (page.isAncestorOf(remembered) and remembered.isVisibleTo(page)
                                              and remembered.isEnabled()
                                              and remembered.focusPolicy() & Qt.FocusPolicy.TabFocus):
            remembered = remembered.nextInFocusChain()
    remembered.setFocus(Qt.FocusReason.OtherFocusReason)
