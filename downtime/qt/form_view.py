"""A form on screen, laid out from its definition: the same fields, order and rules as the
paper form. New records are typed and saved; saved ones open read-only and are amended with a
reason or marked entered in error, never overwritten."""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable
from datetime import datetime
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication, QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QVBoxLayout, QWidget,
)

from downtime.domain.score_totals import SCORE_TOTALS
from downtime.domain.census import Movement, StayStatus
from downtime.domain.clock import DATED, ward_time
from downtime.domain.downtime_number import downtime_numbers_in
from downtime.domain.holds import Hold
from downtime.domain.laptops import laptop_name
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.domain.sepsis import OUTCOMES as SEPSIS_OUTCOMES
from downtime.formspec import FormSpec
from downtime.formspec.schema import LongTextField, Meaning, MultiChoiceField, RecordRefField, RepeatField, holds
from downtime.formspec.values import FieldError, answered, as_current, shown
from downtime.i18n import decimal_text, record_status_word, semicolon
from downtime.qt.i18n import language, say, translate
from downtime.qt.observations_view import RISK_SHADES, SEPSIS_SHADES
from downtime.qt.field_editors import ComboEditor, Editor, LineEditor, MultiEditor, ReferenceEditor, make_editor
from downtime.qt.new_bands import print_new_band
from downtime.qt.paper_notice import WholeLines
from downtime.qt.patient_header import admission_on_hold, enteric_isolation, identity_html
from downtime.qt.prompts import Prompts
from downtime.qt.screen_fit import Scrolled, Section
from downtime.qt.style import ErrorLabel, hint_style, styled, warning_html, written
from downtime.qt.tables import print_and_open
from downtime.qt.theatre_panel import say_flagged
from downtime.qt.theatre_sessions import session_choices, session_line
from downtime.services import (
    cd_register, devices, drafts, fluid_balance, identity, infusion_rates, lab_results, leaving, medication,
    observations, pews, prefill, printing, records, repositioning, sepsis, settings, telephone_orders, theatre, vte,
    weight,
)
from downtime.services.back_entry import settled_on
from downtime.services.bowels import Isolated

if TYPE_CHECKING:  # the window imports this module
    from downtime.qt.main_window import MainWindow
from downtime.services.laptops import author_of, authors as authors_here, laptops_known
from downtime.services.census import CORONER, VERIFICATION_PENDING, patient_for_record, patient_with_location
from downtime.services.patients import PatientSummary, summarise
from downtime.services.version_changes import changes, changes_text
from downtime.services.context import Session
from downtime.services.errors import ServiceError, ValidationFailed
from downtime.storage.connection import DatabaseError, write_failure

BOX_WIDTH = 640
"""The widest a one-line box grows on a form, and the least a choice's box is where there is room
(ComboEditor.fit_on_form: one with longer options is as wide as the longest)."""
LEAVING = (Movement.DISCHARGE, Movement.TRANSFER_OUT)
"""The movements whose form reads the chart at the time the patient left."""


def enter_moves_on(owner: QWidget, event: QKeyEvent) -> bool:
    """Enter in a one-line field goes to the next field, as on the ward's other systems and as
    the shortcuts help says; a field that uses Enter itself (long text, a button) keeps it. True
    when it moved on. Saving is Ctrl+S or the Save button, so a form is never saved half-typed."""
    if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(
            owner.focusWidget(), (QLineEdit, QComboBox, QCheckBox)):
        owner.focusNextChild()
        return True
    return False


class FormView(QWidget):
    """One form tab. `saved` fires with the record after every successful save."""

    saved = Signal(object)

    def __init__(self, session: Session, spec: FormSpec, *, record: RecordVersion | None = None,
                 patient_id: str | None = None, draft_id: str | None = None, answers: dict[str, Any] | None = None,
                 parent: QWidget | None = None):
        """`answers`: what a new record starts from instead of the chart's (an order prescribed
        again, see medication.prescribed_again), for its author to check before saving."""
        super().__init__(parent)
        self.session, self.spec = session, spec
        self.record = record
        self.patient_id = record.patient_id if record else patient_id
        self.draft_id = draft_id or str(uuid.uuid4())
        self.editors: dict[str, Editor] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.rows: dict[str, tuple[QFormLayout, QWidget]] = {}
        self.groups: dict[str, QGroupBox] = {}
        self.form_labels: dict[str, QLabel] = {}
        self.news2_labels: dict[str, QLabel] = {}
        """The NEWS2 score of each `news2` section's answers (a handover's last observations), by section id."""
        self.total_labels: dict[str, QLabel] = {}
        """The total of each `total` section's answers (Braden, 4AT), by section id."""
        self.pews_labels: dict[str, QLabel] = {}
        """The PEWS of each `pews` section's answers (a child's set) and what it asks, by section id."""
        self.sepsis_labels: dict[str, QLabel] = {}
        """What a sepsis screening finds, under each `sepsis` section, by section id."""
        self.notes: dict[str, QLabel] = {}
        """What the chart says under a field of a new record of where its answer comes from, by field id."""
        self.asked: dict[str, bool] = {}
        """The questions the record's context decides (see medication.asked_by_order), read with its references."""
        self.editing = record is None
        self.amended_for = ""
        """The reason an amendment is for, offered when it is saved (see `amend_at`)."""
        self._one_person_with: tuple[str, ...] = ()
        """The numbers in hospital the nurse said, as she saved this identification, are this
        patient's too (`_same_in_hospital_answered`): said once it is saved (`_say_one_person`)."""
        self._prefilled_start = ""
        self._as_copied: dict[str, Any] | None = None
        """What the form holds as opened (the chart's answers, the record amended), once filled in:
        a draft is kept only of what was typed beyond it."""
        self._filled: dict[str, Any] = {}
        """A new discharge or transfer-out's answers as the chart last filled them in, and the time
        it was read at (`_chart_read_when_left`)."""
        self._read_at: datetime | None = None
        self.first_saved_under = None if record is None else self._first_saved_under(record)
        """The version of its form the record was first saved under: read, it shows no question that
        came in later and it does not answer (values.shown); amended, it asks them all."""
        self._build()
        for name, words in prefill.suggestions(session, spec, self.patient_id).items():
            editor = self.editors[name]
            assert isinstance(editor, LineEditor), name  # a text field's box
            editor.suggest(words)
        # A new record starts from the chart (fields' `copied_from`) and this laptop's ward (an
        # admission's), or from the answers it is opened with; a draft being reopened has its own.
        self.copied: dict[str, Any] = {}
        if record is None and (patient_id or spec.creates_patient) and draft_id is None:
            self.copied = answers if answers is not None else prefill.first_answers(session, spec, patient_id)
            self._show_notes(prefill.notes(session, spec, patient_id))
        if record is not None:
            self._show_values(record.data)
        elif self.copied:
            self._show_values(self.copied)
        else:  # what the record's context decides is read though nothing is copied (a plan's, the admission's)
            self._read_references({})
        self._as_copied = self.raw_values()
        if self.copied and self.spec.movement in LEAVING and (left := self.spec.by_meaning(Meaning.OCCURRED_AT)):
            self._filled = dict(self._as_copied)
            self.editors[left.id].committed.connect(self._chart_read_when_left)
        self._refresh_relevance()
        self._set_mode()

    def _first_saved_under(self, record: RecordVersion) -> int:
        return records.history(self.session.db, record.record_id)[0].form_version

    @property
    def title(self) -> str:
        title = self.spec.title.get(self.session.lang)
        return f"{title} — {self.patient_header_name}" if self.patient_header_name else title

    @property
    def patient_header_name(self) -> str:
        patient = self.patient()
        return patient.display_name if patient is not None else ""

    @property
    def readmission(self) -> bool:
        """A new admission of a patient the app knows, back after leaving: they keep their number."""
        return self.spec.creates_patient and self.record is None and self.patient_id is not None

    def first_editor(self) -> Editor:
        """The field the form opens on: its first, or in an amendment its first the amendment may
        change (an admission's opened on its number used on paper, read-only, where no key typed
        changed anything); for a readmission, the arrival, the first answer of this stay. Its
        identity is the stay before's to confirm, and the number used on paper, where it opened
        before, is not theirs to give: they keep their number (read-only)."""
        arrival = self.spec.by_meaning(Meaning.OCCURRED_AT) if self.readmission else None
        if arrival is not None:
            return self.editors[arrival.id]
        fixed = self._fixed_field() if self.editing else None
        return next(editor for field_id, editor in self.editors.items() if field_id != fixed)

    def _fixed_field(self) -> str | None:
        """The field no one may change on this form, whatever they do: the number used on paper
        is the patient's from the admission's first save: an amendment cannot give them another
        (services.paper_numbers), nor a readmission."""
        paper = self.spec.by_meaning(Meaning.PAPER_NUMBER)
        return paper.id if paper is not None and (self.record is not None or self.readmission) else None

    def patient(self) -> PatientSummary | None:
        """Who the form is about; None for a new admission, whose patient does not exist yet."""
        if not self.patient_id or self.spec.creates_patient and self.record is None:
            return None
        return self._patient()

    def _patient(self) -> PatientSummary:
        if self.record is not None:
            return patient_for_record(self.session.db, self.session.forms, self.record)
        return patient_with_location(self.session.db, self.session.forms, str(self.patient_id))

    def _ref_choices(self, form_id: str) -> list[tuple[str, str, str]] | None:
        """Records of ward-level forms (theatre sessions) are picked from a list, and the
        patient's own records of a form a field says is `picked` (a unit's prescription)."""
        if self.session.form(form_id).about_patient:
            picked = any(isinstance(field, RecordRefField) and field.form == form_id and field.picked
                         for field in self.spec.fields())
            if not picked or not self.patient_id:
                return None
            return [(record_id, label, label)
                    for record_id, label in records.choices(self.session, form_id, str(self.patient_id))]
        if form_id == theatre.SESSION_FORM:
            return session_choices(self.session)
        return [(record_id, label, label) for record_id, label in records.choices(self.session, form_id)]

    def _build(self) -> None:
        lang = self.session.lang
        outer = QVBoxLayout(self)
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        outer.addWidget(self.header)
        # Apart from the header, in whole lines (paper_notice.WholeLines): in the least window the
        # header cut it through the middle of its second line.
        self.prefilled = WholeLines(translate("FormView", "Some answers are filled in for you, from the patient's "
                                                          "chart, the person signed in or this laptop's ward: check "
                                                          "each one, and change what is not true, before saving."))
        self.prefilled.setWordWrap(True)
        self.prefilled.setStyleSheet("font-weight: bold")
        self.prefilled.setToolTip(self.prefilled.text())
        self.prefilled.hide()
        outer.addWidget(self.prefilled)
        self.summary = ErrorLabel()
        self.summary.hide()
        outer.addWidget(self.summary)
        body = QWidget()
        column = QVBoxLayout(body)
        # A staff reference (a dose's witness) is the staff ID of the laptop the record was first written on.
        device_id = (records.signed_on(self.session.db, self.record) if self.record is not None
                     else self.session.device.device_id)
        who = authors_here(self.session).on(lang, device_id, laptops_known(self.session, {device_id}))
        for section in self.spec.sections:
            # Its fields under their labels, wrapped, where the section is too narrow for the two
            # side by side, a long title too: at the largest text on a laptop at 125 % the form
            # scrolled sideways, and the label of the box typed in was out of sight.
            group = self.groups[section.id] = Section(section.title.get(lang))
            form = group.form
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for field in section.fields:
                editor = make_editor(field, lang, self._ref_choices, now=self.session.clock, who=who)
                editor.committed.connect(self._changed)
                editor.edited.connect(self._show_scores)
                label = QLabel(field.label.get(lang))
                self.form_labels[field.id] = label
                label.setBuddy(editor.widget)
                if isinstance(editor, ComboEditor):
                    editor.fit_on_form(BOX_WIDTH)
                elif not isinstance(field, (RepeatField, MultiChoiceField, LongTextField)):
                    editor.widget.setMaximumWidth(BOX_WIDTH)
                if field.help:
                    label.setToolTip(field.help.get(lang))
                    editor.widget.setToolTip(field.help.get(lang))
                cell = QWidget()
                stack = QVBoxLayout(cell)
                stack.setContentsMargins(0, 0, 0, 0)
                # A table of rows spans the section under its label: beside the label column it
                # had what the longest label left, and at the usual text the reconciliation's
                # Medicine boxes were 172 pixels, "Metformine 1 g matin…".
                spans = isinstance(field, RepeatField)
                if spans:
                    stack.addWidget(label)
                stack.addWidget(editor.widget)
                if field.help:
                    hint = styled(QLabel(field.help.get(lang)), hint_style)
                    hint.setWordWrap(True)
                    stack.addWidget(hint)
                error = ErrorLabel()
                error.hide()
                stack.addWidget(error)
                if spans:
                    form.addRow(cell)
                else:
                    form.addRow(label, cell)
                self.editors[field.id] = editor
                self.error_labels[field.id] = error
                self.rows[field.id] = (form, cell)
            if section.news2 or section.total or section.pews or section.sepsis:
                score = QLabel()
                score.setTextFormat(Qt.TextFormat.RichText)
                score.setWordWrap(True)
                form.addRow(score)
                (self.news2_labels if section.news2 else self.total_labels if section.total
                 else self.pews_labels if section.pews else self.sepsis_labels)[section.id] = score
            column.addWidget(group)
        column.addStretch(1)
        outer.addWidget(Scrolled(body, framed=True), 1)
        outer.addLayout(self._buttons())
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        if self.spec.id == "operation_booking":
            for field_id in ("session", "expected_minutes"):
                self.editors[field_id].committed.connect(self._prefill_planned_start)
        for field in self.spec.fields():
            if isinstance(field, MultiChoiceField) and field.within is not None:
                self.editors[field.within.record].committed.connect(
                    partial(self._keep_within, field, field.within.record))

    def _show_notes(self, notes: dict[str, str]) -> None:
        """What the chart says under a field of where its first answer comes from (prefill.notes:
        the loose stools an isolation is contact precautions for), in the warning colour: an answer
        other than the admission's, unexplained, was set back to it by a nurse checking the two."""
        for field_id, note in notes.items():
            shown = written(QLabel(), partial(warning_html, html.escape(note)))
            shown.setTextFormat(Qt.TextFormat.RichText)
            shown.setWordWrap(True)
            self.notes[field_id] = shown
            stack = self.rows[field_id][1].layout()
            assert isinstance(stack, QVBoxLayout)  # the field's editor, then its hint and error
            stack.insertWidget(1, shown)

    def _chart_read_when_left(self) -> None:
        """The answers copied from the chart read again at the time the patient left, once it is
        typed (`prefill.first_answers`' `at`), each the nurse has not changed since it was filled:
        a discharge at 14:00 typed at 22:00 wrote the 16:00 and 20:00 levodopa doses on the GP's
        letter as missed."""
        at = leaving.left_at(self.spec, self._lenient_values(), self.session.clock())
        if at == self._read_at:
            return
        self._read_at = at
        fresh = prefill.first_answers(self.session, self.spec, str(self.patient_id), at=at)
        for field_id, filled in self._filled.items():
            editor = self.editors[field_id]
            if editor.raw() == filled:
                editor.set_value(fresh.get(field_id))
                self._filled[field_id] = editor.raw()
        self._refresh_relevance()

    def _keep_within(self, field: MultiChoiceField, pointer: str) -> None:
        """A multiple choice kept within an answer of the record picked (`pointer`: the field
        picking it) offers only its codes: a result's tests are those of its sample."""
        editor = self.editors[field.id]
        if isinstance(editor, MultiEditor):
            editor.offer(records.within(self.session, field, {pointer: self.editors[pointer].lenient_value()}))

    def _prefill_planned_start(self) -> None:
        """The list picked fills the planned start with its next free time, for the coordinator
        to adjust (it was typed whole, date and all, after choosing a list that says both); again
        once the expected duration is typed, while the start stands as filled. One she typed is
        kept."""
        start = self.editors["planned_start"]
        session_id = self.editors["session"].lenient_value()
        if not self.editing or not session_id or start.raw().strip() not in ("", self._prefilled_start):
            return
        minutes = self.editors["expected_minutes"].lenient_value()
        free = theatre.next_free_start(self.session.db, session_id, self.session.clock(),
                                       minutes if isinstance(minutes, int) else None)
        if free is not None:
            start.set_value(free.isoformat(timespec="minutes"))
            self._prefilled_start = start.raw()

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.save_button = QPushButton(translate("FormView", "&Save (Ctrl+S)"))
        self.amend_button = QPushButton(translate("FormView", "&Amend…"))
        self.error_button = QPushButton(translate("FormView", "Entered in &error…"))
        self.history_button = QPushButton(translate("FormView", "Histor&y"))
        self.print_button = QPushButton(translate("FormView", "&Print"))
        self.save_button.clicked.connect(self.save)
        self.amend_button.clicked.connect(self.start_amend)
        self.error_button.clicked.connect(self.mark_in_error)
        self.history_button.clicked.connect(self.show_history)
        self.print_button.clicked.connect(self.print_record)
        for button in (self.save_button, self.amend_button, self.error_button,
                       self.history_button, self.print_button):
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _set_mode(self) -> None:
        """The buttons of the mode shown before the pressed one hides, the focus then given to the
        saved record's: hidden first, Save (Space on it) threw the focus to the next widget then
        visible, the window's tab bar, where a screen reader said nothing of the saved record and
        the next arrow key showed another patient's tab."""
        focused = QApplication.focusWidget()
        withdrawn = self.record is not None and self.record.status is RecordStatus.ENTERED_IN_ERROR
        fixed = self._fixed_field()
        for field_id, editor in self.editors.items():
            editor.set_read_only(not self.editing or field_id == fixed)
        changeable = self.record is not None and not self.editing and not withdrawn and records.may_change(
            self.session, self.spec, self.record)
        saved = self.record is not None
        self.print_button.setVisible(saved and not self.editing)
        self.history_button.setVisible(saved)
        self.amend_button.setVisible(changeable)
        self.error_button.setVisible(changeable and self.record is not None
                                     and records.may_withdraw(self.session, self.record))
        self.save_button.setVisible(self.editing)
        if focused is not None and self.isAncestorOf(focused) and not focused.isVisibleTo(self):
            shown = next((button for button in (self.print_button, self.amend_button, self.history_button)
                          if button.isVisibleTo(self)), None)
            if shown is not None:
                shown.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_header()

    def _update_header(self) -> None:
        """The patient's strip and the record's version, written again in the mode's colours when
        it changes (`style.written`): on a form open, the allergies kept the light theme's dark red
        on high contrast's black, and a hold its dark red."""
        patient = (self._patient() if self.patient_id and not (self.spec.creates_patient and self.record is None)
                   else None)
        held = patient is not None and admission_on_hold(self.session, patient)
        enteric = None if patient is None else enteric_isolation(self.session, patient)
        hold = None if self.record is None else records.on_hold(self.session, [self.record.record_id]).get(
            self.record.record_id)
        written(self.header, lambda: self._header_html(patient, held, hold, enteric))
        self.header.setVisible(bool(self.header.text()))
        self.prefilled.setVisible(self.record is None and bool(self.copied))

    def _header_html(self, patient: PatientSummary | None, held: bool, hold: Hold | None,
                     enteric: Isolated | None) -> str:
        parts = [] if patient is None else [identity_html(patient, held=held, enteric=enteric)]
        if self.record is not None:
            parts.append(translate("FormView", "Version {version} — {status} — recorded by {author} at {time}").format(
                version=self.record.version, status=record_status_word(self.record.status, language()),
                author=html.escape(author_of(self.session, self.record)),
                time=ward_time(self.record.recorded_at, None, DATED))
                + (" — <b>{}</b>".format(translate("FormView", "amending: change what is wrong, then Save")) if self.editing else ""))
            if hold is not None:
                parts.append(warning_html(html.escape(self._hold_text(hold))))
        return "<br>".join(parts)

    def _show_values(self, data: dict[str, Any]) -> None:
        """A record's answers as this version of its form asks them: one kept under a field's
        former id shows in the field (it showed blank, and an amendment dropped it)."""
        data = as_current(self.spec, data)
        self._read_references(data)
        for field_id, editor in self.editors.items():
            editor.set_value(data.get(field_id))

    def _read_references(self, data: dict[str, Any]) -> None:
        """A reference reads as the record it points to (a dose's order: medicine, dose, route,
        when): it read as that record's id. What the record it points to decides of the form's
        questions is read with it (a dose's order, whether it is asked why it was given), and what
        the patient's admission decides of a plan's (observations.plan_asked), and whether a death's
        record asks its verification's findings (records.death_asked: not one of version 4); a
        child's fields only where answered (prefill.answered_asked), and a letter's observations'
        time starred for a patient NEWS2 scores (prefill.news2_time_asked)."""
        self.asked = medication.asked_by_order(self.session, self.spec, data)
        if self.spec.id == observations.PLAN_FORM and self.patient_id is not None:
            self.asked |= observations.plan_asked(self.session.db, self.session.forms, str(self.patient_id))
        if self.spec.movement is Movement.DEATH:
            self.asked |= records.death_asked(self.session, self.record)
        self.asked |= prefill.answered_asked(data) | prefill.news2_time_asked(
            self.session, self.spec, None if self.patient_id is None else str(self.patient_id), data)
        texts = medication.reference_texts(self.session, self.spec, data)
        for editor in self.editors.values():
            if isinstance(editor, ReferenceEditor):
                editor.texts = texts

    def restore(self, typed: dict[str, Any]) -> None:
        """What was typed before (a draft, or the form in another language); a field the form
        no longer has is dropped, and the questions that apply follow the answers."""
        self._read_references(typed)
        for field_id, raw in typed.items():
            if field_id in self.editors:
                self.editors[field_id].set_raw(raw)
        self._refresh_relevance()

    def raw_values(self) -> dict[str, Any]:
        return {field_id: editor.raw() for field_id, editor in self.editors.items()}

    def _lenient_values(self) -> dict[str, Any]:
        """Values good enough to decide which questions apply, while the user is typing."""
        return {field_id: editor.lenient_value() for field_id, editor in self.editors.items()}

    def _refresh_relevance(self) -> None:
        """Which questions apply, and which are required (starred): a field required only once
        another answer is given (an unidentified patient's temporary name) had no star; and the
        NEWS2 score of a `news2` section's answers as they stand (see `_show_news2`). A section none
        of whose questions apply is not shown, nor its total (a child's FLACC under an adult's
        pain scored 0 to 10), nor, on a new record, one only an amendment answers (a sample just
        sent asked whether the laboratory had rejected it)."""
        values = self._lenient_values()
        self._show_scores(values)
        showing = set()
        # A new record asks nothing only an amendment answers (Section.amending).
        later = set() if self.record is not None else {
            field.id for section in self.spec.sections if section.amending for field in section.fields}
        for field in self.spec.fields():
            form, cell = self.rows[field.id]
            if field.id not in later and shown(field, values, self.asked,
                                               None if self.editing else self.first_saved_under):
                showing.add(field.id)
            form.setRowVisible(cell, field.id in showing)
            required = field.required or self.asked.get(field.id, False) or (
                field.required_when is not None and holds(field.required_when, values))
            self.form_labels[field.id].setText(f"{field.label.get(self.session.lang)}{' *' if required else ''}")
        for section in self.spec.sections:
            self.groups[section.id].setVisible(any(field.id in showing for field in section.fields))

    def _show_scores(self, values: dict[str, Any] | None = None) -> None:
        """What the answers score as they stand at this keystroke (`values`: the answers read
        leniently, read here when not given), each where its section says."""
        values = self._lenient_values() if values is None else values
        self._show_news2(values)
        self._show_totals(values)
        self._show_pews(values)
        self._show_sepsis(values)

    def _show_sepsis(self, values: dict[str, Any]) -> None:
        """What a sepsis screening finds as it is typed, in its risk's colour ("RED FLAG SEPSIS:
        the Sepsis Six within the hour; tell the doctor now"), as the paper tool's outcome box: it
        was worked out only once saved, on the observations tab and the escalation list, and a
        nurse ticking a red flag was not told what it called for; nothing until the infection
        question is answered."""
        if not self.sepsis_labels:
            return
        found = sepsis.found_on_form(values)
        for label in self.sepsis_labels.values():
            label.setVisible(found is not None)
            if found is not None:
                label.setText(f"<b>{html.escape(SEPSIS_OUTCOMES[found][self.session.lang])}</b>")
                label.setStyleSheet(f"background: {SEPSIS_SHADES[found]}; color: black; padding: 4px;")

    def _show_news2(self, values: dict[str, Any]) -> None:
        """The NEWS2 score of each `news2` section's answers, with the response it asks for (the
        doctor's plan instead when it limits escalation: `observations.response`), as they stand
        at this keystroke: scored when a box was left, the score beside the
        temperature still being typed was the set's without it, a point or more below the one
        saved."""
        for section in self.spec.sections:
            if section.news2:
                score = self.news2_labels[section.id]
                if not self._scores_news2:
                    score.setVisible(True)
                    score.setText(f"<b>{html.escape(observations.not_applicable_text(self.session.lang))}</b>")
                    continue
                news2 = observations.copied_score(section, values)
                score.setVisible(news2 is not None)
                if news2 is not None:
                    said = observations.response(news2, self._observation_plan, self.session.lang,
                                                 self.session.clock().tzinfo)
                    score.setText(f"<b>{html.escape(observations.band_text(news2, self.session.lang))}</b><br>"
                                  f"{html.escape(said)}")
                    # In the band's colour, as the patient list and the chart show it.
                    score.setStyleSheet(f"background: {RISK_SHADES[news2.band]}; color: black; padding: 4px;")

    def _show_pews(self, values: dict[str, Any]) -> None:
        """A child's PEWS as the set stands at this keystroke, on the band of the day of its time,
        and what it asks in the warning colour, as the tab will say it once saved; nothing until a
        reading is in."""
        if not self.pews_labels:
            return
        patient = self.patient()
        typed = pews.as_typed(values, patient.birth_date if patient else None, self.session.form(pews.FORM),
                              self.session.clock(), self.session.lang,
                              pews.CHART.of(self.session.db, patient.patient_id) if patient else ())
        for label in self.pews_labels.values():
            label.setVisible(typed is not None)
            if typed is not None:
                said, asks = typed
                written(label, lambda said=said, asks=asks: "<br>".join(
                    [f"<b>{html.escape(said)}</b>", *(warning_html(html.escape(line)) for line in asks)]))

    def _show_totals(self, values: dict[str, Any]) -> None:
        """The total of each `total` section's answers as they stand, with what it means, as the
        paper form's total box: "Braden total: 10 — HIGH RISK", "4AT total: 7 — POSSIBLE
        DELIRIUM: …", at each keystroke; what is left to answer until each item is, of its kind and
        in its range (a height of 0 typed on the way to 165 is not answered yet)."""
        if not self.total_labels:
            return
        lang, now = self.session.lang, self.session.clock()
        for section in self.spec.sections:
            if not section.total:
                continue
            score_total, label = SCORE_TOTALS[section.total], self.total_labels[section.id]
            left = [item for item in score_total.items
                    if not answered(self.spec.field(item), values.get(item), lang, now)]
            if left:
                label.setText(html.escape(translate("FormView", "{name} total: {count} item(s) left to score").format(
                    name=score_total.name, count=len(left))))
                continue
            said = translate("FormView", "{name} total: {score} — {meaning}").format(
                name=score_total.name, score=score_total.total(values), meaning=score_total.meaning(values, lang))
            label.setText(f"<b>{html.escape(said)}</b>")

    @cached_property
    def _observation_plan(self) -> observations.ObservationPlan | None:
        """The doctor's observation and escalation plan standing for the patient now, read once:
        the score's response is said again at each keystroke (`_show_news2`)."""
        patient = self.patient()
        return None if patient is None else observations.plans(
            self.session.db, [patient], self.session.clock()).get(patient.patient_id)

    @cached_property
    def _scores_news2(self) -> bool:
        """Whether the patient is scored with NEWS2 (not a child: `observations.applies_to`),
        read once: the score is shown again at each keystroke."""
        patient = self.patient()
        return patient is None or observations.applies_to(patient, self.session.clock())

    def _changed(self) -> None:
        """Autosave of what was typed; a form as it opened is no draft (a handover opened and
        left untouched came back after a crash as an unsaved form), nor one typed back to it."""
        self._refresh_relevance()
        if self.editing and self._as_copied is not None:
            try:
                if self.is_dirty():
                    drafts.save_draft(self.session, self.draft_id, self.spec.id, self.raw_values(),
                                      record_id=self.record.record_id if self.record else None,
                                      record_version=self.record.version if self.record else None,
                                      patient_id=self.patient_id)
                else:
                    drafts.discard_draft(self.session, self.draft_id)
            except DatabaseError as problem:
                self.summary.setText(write_failure(problem, self.session.lang, draft=True))
                self.summary.show()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if not enter_moves_on(self, event):
            super().keyPressEvent(event)

    def field_is_shown(self, field_id: str) -> bool:
        form, cell = self.rows[field_id]
        return form.isRowVisible(cell)

    def values(self) -> dict[str, Any] | None:
        """Parsed values of every shown field, or None after showing what could not be read."""
        values: dict[str, Any] = {}
        errors: list[FieldError] = []
        for field in self.spec.fields():
            if not self.field_is_shown(field.id):
                continue
            editor = self.editors[field.id]
            problems = editor.parse_errors(field.id)
            errors.extend(problems)
            if not problems and (value := editor.value()) is not None:
                values[field.id] = value
        if errors:
            self.show_errors(errors)
            return None
        return values

    def show_errors(self, errors: list[FieldError]) -> None:
        for label in self.error_labels.values():
            label.hide()
        by_field: dict[str, list[str]] = {}
        for error in errors:
            by_field.setdefault(error.path.split("[")[0], []).append(error.message)
        for field_id, messages in by_field.items():
            label = self.error_labels.get(field_id)
            if label is not None:
                label.setText("⚠ " + " ".join(messages))
                label.show()
        heading = translate("FormView", "Not saved — please correct:")
        self.summary.setText(heading + "<br>• " + "<br>• ".join(e.message for e in errors))
        self.summary.show()
        first = next(iter(by_field), None)
        if first in self.editors:
            self.editors[first].widget.setFocus()

    def _clear_errors(self) -> None:
        self.summary.hide()
        for label in self.error_labels.values():
            label.hide()

    def _say_not_saved(self, text: str) -> None:
        """A refusal of the form as a whole (a bed taken, the disk): the field messages of an
        earlier Save go, those fields having been corrected since."""
        self._clear_errors()
        self.summary.setText(text)
        self.summary.show()

    def save(self) -> None:
        if not self.editing:
            return
        values = self.values()
        if values is None or not self._identity_confirmed(values) or not self._weight_confirmed(values) \
                or self._order_refused(values) or not self._allergy_reason_given(values) \
                or not self._laboratory_flag_confirmed(values):
            return
        if self.spec.id == medication.ORDER_FORM and not (self._allergies_unknown_confirmed(values)
                                                          and self._second_order_confirmed(values)
                                                          and self._vte_decision_confirmed(values)
                                                          and self._insulin_stop_confirmed(values)
                                                          and self._call_time_confirmed(values)):
            return
        if not (self._second_booking_confirmed(values) and self._same_surgeon_confirmed(values)
                and self._ended_session_confirmed(values)
                and self._going_home_with_lines_confirmed(values) and self._leaving_with_asks_confirmed(values)
                and self._seldom_turns_reason_given(values) and self._cpr_reason_given(values)
                and self._child_plan_reason_given(values) and self._feed_by_unconfirmed_tube_confirmed(values)):
            return
        before = None
        try:
            if self.record is None:
                saved = records.save_new(self.session, self.spec.id, values, patient_id=self.patient_id)
            else:
                reason = Prompts.reason(self, translate("FormView", "Reason for the amendment"),
                                        translate("FormView", "Why is this record being corrected? (kept in the history)"),
                                        self.amended_for)
                if reason is None:
                    return
                before = self.record
                saved = records.amend(self.session, self.record.record_id, values, reason, based_on=self.record.version)
        except ValidationFailed as failed:
            self.show_errors(failed.errors)
            return
        except ServiceError as problem:
            self._say_not_saved(say(problem))
            return
        except DatabaseError as problem:
            self._say_not_saved(write_failure(problem, self.session.lang))
            return
        drafts.discard_draft(self.session, self.draft_id)
        self.show_record(saved)
        self.saved.emit(saved)
        if self.spec.id == theatre.BOOKING_FORM:
            say_flagged(self, self.session, saved.record_id)  # a latex allergy not first, a same name: said, not refused
        if self.spec.id == lab_results.FORM and (moved := lab_results.moved_on(self.session.db, saved,
                                                                              self.session.lang)) is not None:
            Prompts.info(self, translate("FormView", "Patient on another ward"), moved)  # phoned here, to pass on
        if before is not None:
            self._say_one_person()
            self._offer_wristband(before, saved)
        if (ward := self._moved_off_this_laptop(saved.data)) is not None and (
                before is None or self._moved_off_this_laptop(before.data) != ward):
            self._offer_stick_for(ward)
        elif before is not None and self.spec.creates_patient and (ward := self._cared_for_elsewhere()) is not None \
                and (printing.wristband_changes(self.session, before, saved)
                     or identity.acted_on_changed(self.spec, before.data, saved.data)):
            self._offer_stick_for(ward, changed=True)

    def _offer_wristband(self, before: RecordVersion, after: RecordVersion) -> list[Path]:
        """A new wristband offered when an amended admission changes what the patient's band says
        (a name corrected, an allergy found): the band still read "No known allergies" at the
        bedside, where the nurse reads it when the chart is not at hand. Says what changed; where
        the ID labels change too (name, date of birth, sex), says that those printed before are
        wrong, and when, and offers a new sheet with the band: a sample tube labelled with the old
        date of birth is rejected or filed under someone else."""
        changes = printing.wristband_changes(self.session, before, after)
        if not changes or (patient := self.patient()) is None:
            return []
        lines = "\n".join(translate("FormView", "• was: {old}\n   now: {new}").format(old=old, new=new)
                          for old, new in changes)
        labels = printing.label_changes(self.session, before, after)
        said = [translate("FormView", "The patient's wristband no longer reads true:\n{lines}").format(lines=lines)]
        if labels.printed_at is not None:
            said.append(translate("FormView", "The ID labels printed on {when} still read what was: destroy every one left, in "
                                              "the patient's folder and at the nurses' station.").format(
                when=f"{labels.printed_at:%d/%m %H:%M}"))
        elif labels.lines:
            said.append(translate("FormView", "Any ID labels printed for the patient still read what was: destroy every one "
                                              "left, in the patient's folder and at the nurses' station."))
        sent = identity.sent_under(self.session.db, patient.patient_id) if labels.lines else None
        # The identity the tubes and units carry, as the labels read it (name, date of birth): the
        # lines that changed alone named a date of birth and a sex, no one the laboratory could find.
        was = summarise(self.spec, before, patient.downtime_number)
        if sent is identity.SentUnder.BLOOD:
            said.append(translate(
                "FormView", "Samples sent and blood ordered or given this stay are labelled {name}, {born}, "
                            "{number}: tell the blood bank and the laboratory of the new identity now. Start no "
                            "unit labelled so until the blood bank has re-labelled it or a new sample has been "
                            "sent.").format(
                name=was.display_name, born=was.birth_date_in(language()), number=patient.downtime_number))
        elif sent is identity.SentUnder.SAMPLES:
            said.append(translate(
                "FormView", "Samples sent this stay are labelled {name}, {born}, {number}: tell the laboratory of "
                            "the new identity now: results will come back under {name}.").format(
                name=was.display_name, born=was.birth_date_in(language()), number=patient.downtime_number))
        if (ward := self._cared_for_elsewhere()) is not None:
            said.append(translate("FormView", "The patient is on ward {ward} now: the band to change is there.").format(
                ward=ward))
        if self._one_person_with:
            said.append((translate("FormView", "If {number} is the number chosen, print its new wristband and a new "
                                               "sheet of ID labels now? The patient wears only the band of the "
                                               "number chosen: take the other off.") if labels.lines else
                         translate("FormView", "If {number} is the number chosen, print its new wristband now? The "
                                               "patient wears only the band of the number chosen: take the other "
                                               "off.")).format(number=patient.downtime_number))
        else:
            said.append(translate("FormView", "Print a new wristband and a new sheet of ID labels now? Put the band on "
                                              "the patient and remove the old one.") if labels.lines else
                        translate("FormView", "Print a new wristband now? Put it on the patient and remove the old one."))
        if not Prompts.confirm(self, translate("FormView", "Wristband out of date"), "\n\n".join(said)):
            return []
        return print_new_band(self, self.session, patient, bool(labels.lines))

    def show_record(self, record: RecordVersion) -> None:
        """`record` read-only: the version just saved, or the current version of a record this
        tab showed an earlier one of, brought forward when the record is opened again (amended
        since from elsewhere: an order not continued from the chart)."""
        self.record, self.patient_id, self.editing = record, record.patient_id, False
        self.first_saved_under = self._first_saved_under(record)
        self.amended_for = ""
        self._clear_errors()
        self._show_values(record.data)
        self._refresh_relevance()
        self._set_mode()

    def _identity_confirmed(self, values: dict[str, Any]) -> bool:
        """A NIR that disagrees with the sex or date of birth typed beside it is saved only once
        the nurse says so; otherwise she is back at the NIR to re-read the card. A new admission
        of someone who looks like a patient already in hospital likewise, or an amendment that
        makes it look so; otherwise she is back at the birth name, to open that patient's record
        instead. An amendment of a patient admitted unidentified (their identification) is asked
        of each patient found instead (`_same_in_hospital_answered`): it has a record already."""
        before = self.record.data if self.record else None
        self._one_person_with = ()
        doubt = identity.nir_doubt(self.spec, values, self.session.lang, before)
        if doubt and not Prompts.confirm(self, translate("FormView", "Check the NIR"),
                                         doubt + "\n\n" + translate("FormView", "Save with this NIR?")):
            return self._back_to(Meaning.NIR)
        if self.spec.creates_patient and (same := identity.already_in_hospital(
                self.session.db, self.session.forms, self.spec, values, self.session.lang, before=before,
                patient_id=self.patient_id)):
            if self.record is not None and identity.admitted_unidentified(self.session.db, self.spec,
                                                                          self.record.record_id):
                self._same_in_hospital_answered(values, same)
            elif not Prompts.confirm(self, translate("FormView", "Already in hospital?"),
                                     same.text + "\n\n" + translate("FormView", "Save as another patient?")):
                return self._back_to(Meaning.BIRTH_NAME)
            else:
                self._told_apart(values, same.numbers)
        if self.spec.creates_patient and (known := identity.known_here_before(
                self.session.db, self.session.forms, self.spec, values, self.session.lang, before=before,
                patient_id=self.patient_id)):
            return self._known_here_answered(values, known, before is not None)
        return True

    def _same_in_hospital_answered(self, values: dict[str, Any], same: identity.AlreadyInHospital) -> None:
        """An identification of a patient admitted unidentified that names patients in hospital:
        the nurse says of each, one by one, whether it is them, as `_known_here_answered` asks of
        those who left. "Save as another patient?" was all she was asked: its No left the patient
        unnamed, its Yes kept the two numbers told apart, and the records office's list dropped one
        person's two charts, their NIR alike. Yes leaves them not told apart (the records office
        joins the numbers), kept to say, once saved, to keep one chart (`_say_one_person`): said
        before the reason was asked, a reason cancelled left her told so of nothing saved. No keeps
        them told apart. One whose NIR differs (a twin) is not asked (`AlreadyInHospital.each`)."""
        for number, text in same.each:
            if Prompts.confirm(self, translate("FormView", "Already in hospital?"),
                               text + "\n\n" + translate("FormView", "Is it the same person?")):
                self._one_person_with += (number,)
            else:
                self._told_apart(values, (number,))

    def _say_one_person(self) -> None:
        """Once the identification is saved, of each number in hospital the nurse said is this
        patient too: keep one chart, and the band of the number chosen alone (the band then
        offered, `_offer_wristband`, is this number's, printed only if it is that one, and says to
        take the other off: said here too, it made the box taller than a laptop's screen)."""
        for number in self._one_person_with:
            Prompts.info(self, translate("FormView", "One person, two charts"), translate(
                "FormView", "{number} and this patient are one person under two downtime numbers. Keep one chart "
                            "from now on: with the doctor, choose the number to carry on under, write on its chart "
                            "what the other holds (doses given, observations, samples sent) and record nothing more "
                            "on the other. The records office joins the two numbers at back-entry.").format(
                number=number))

    def _known_here_answered(self, values: dict[str, Any], known: identity.KnownHere, amending: bool) -> bool:
        """Someone this laptop knew from a stay that ended, named by a new admission or by an
        amendment (identifying an unknown patient, at once or in two steps). A new admission of
        them is a readmission: No goes back to the birth name, Yes saves another person.
        Identified, the nurse says of each earlier patient whether it is them, one by one: their
        stay's allergies, not yet listed, are offered to copy (the records office joins the two
        numbers, its list finding them alike); otherwise they are kept as told apart. Asked once
        of them all, a Yes gave this patient the allergies of every namesake."""
        title = translate("FormView", "Known here already")
        if not amending:
            if not Prompts.confirm(self, title, known.text + "\n\n" + translate(
                    "FormView", "If it is them, do not save: readmit them (Record for selected patient ▸ Readmission). "
                                "Save as another patient?")):
                return self._back_to(Meaning.BIRTH_NAME)
            self._told_apart(values, known.numbers)
            return True
        for earlier in known.patients:
            if not Prompts.confirm(self, title, earlier.text + "\n\n" + translate("FormView", "Is it the same person?")):
                self._told_apart(values, (earlier.number,))
                continue
            added = identity.allergies_not_listed(self.spec, values, earlier.allergies)
            if added and Prompts.confirm(self, translate("FormView", "Allergies recorded before"), translate(
                    "FormView", "Copy onto this admission the allergies recorded at their earlier stay: {allergies}?"
                    ).format(allergies=", ".join(str(row.get("substance")) for row in added))):
                self._copy_allergies(values, added)
        return True

    def _copy_allergies(self, values: dict[str, Any], allergies: list[dict[str, Any]]) -> None:
        """The allergies of an earlier stay listed on the admission after those it lists, on screen
        as in the values saved."""
        status, rows = (self.spec.by_meaning(meaning) for meaning in (Meaning.ALLERGY_STATUS, Meaning.ALLERGIES))
        if status is None or rows is None:
            return
        listed = values.get(rows.id) if values.get(status.id) == identity.ALLERGIES_LISTED else None
        values[status.id], values[rows.id] = identity.ALLERGIES_LISTED, [*(listed or []), *allergies]
        for field in (status, rows):
            self.editors[field.id].set_value(values[field.id])
        self._refresh_relevance()

    def _weight_confirmed(self, values: dict[str, Any]) -> bool:
        """A weight unusual for the age (0,9 kg typed for 90 on a 76-year-old) is saved once the
        nurse confirms it, the weight confirmed kept in the record; otherwise she is back at the
        weight to correct it. A nutrition screening's weight far from the stay's latest (6,2 typed
        for 62) likewise."""
        doubt = weight.stay_doubt(self.session, self.spec, values, self.patient_id,
                                  self.record.record_id if self.record else None)
        if not doubt:
            return True
        if not Prompts.confirm(self, translate("FormView", "Check the weight"),
                               doubt + "\n\n" + translate("FormView", "Save with this weight?")):
            return self._back_to(Meaning.WEIGHT)
        confirmed = weight.confirm(self.spec, values)
        self.editors[confirmed].set_value(values[confirmed])  # not asked again if another field is refused
        return True

    def _told_apart(self, values: dict[str, Any], numbers: tuple[str, ...]) -> None:
        """The patients the nurse said this one is not, kept on the admission with those it named
        before: the records office's worklist asked to link twins of one name to one EHR file."""
        editor = self.editors.get(identity.NOT_SAME_AS)
        if editor is None:
            return
        named = downtime_numbers_in(str(values.get(identity.NOT_SAME_AS) or ""))
        values[identity.NOT_SAME_AS] = ", ".join(dict.fromkeys([*named, *numbers]))
        editor.set_value(values[identity.NOT_SAME_AS])

    def _order_refused(self, values: dict[str, Any]) -> bool:
        """An order the service would refuse (its stop before its start, its patient dead by
        then) is refused before any question about it: the doctor answered "Allergies not known
        yet" and "Already ordered", then was refused. An opioid's dose above a usual first dose
        asks the prescriber's reason (cancelled: back at the dose); the reason an allergy needs
        is asked next; a child's fluid above its maintenance asks it of the rate (back at the rate)."""
        if self.spec.id != medication.ORDER_FORM or self.patient_id is None:
            return False
        try:
            medication.check_order(self.session, self.patient_id, records.checked_values(self.session, self.spec.id, values),
                                   self.record.data if self.record else None)
        except medication.AllergyReasonNeeded:
            return False
        except medication.DoseReasonNeeded as asked:
            if asked.asked_on == medication.RATE:  # a child's fluid: its rate is asked, not a dose
                title, why, back_to = (translate("FormView", "Rate to check"), translate(
                    "FormView", "Why is this rate prescribed? (kept in the order)"), medication.RATE)
            else:
                title, why, back_to = (translate("FormView", "Dose to check"), translate(
                    "FormView", "Why is this dose prescribed? (kept in the order)"), "dose")
            return not self._reason_kept(values, asked.field, title, say(asked) + "\n\n" + why,
                                         back_to) or self._order_refused(values)
        except ValidationFailed as failed:
            self.show_errors(failed.errors)
            return True
        except ServiceError as problem:
            self._say_not_saved(say(problem))
            return True
        return False

    def _allergy_reason_given(self, values: dict[str, Any]) -> bool:
        """An order the patient's recorded allergies match is saved once the doctor gives the
        reason to prescribe it all the same, kept in the order (a dose of it asks the nurse the
        same); otherwise they are back at the medicine."""
        if self.spec.id != medication.ORDER_FORM or self.patient_id is None:
            return True
        matched = medication.allergy_reason_needed(self.session, self.patient_id, values,
                                                   self.record.data if self.record else None)
        return not matched or self._reason_kept(values, medication.ALLERGY_REASON, translate(
            "FormView", "Recorded allergy"), translate(
            "FormView", "{drug} matches the patient's recorded allergy: {allergies}.\n\nWhy is it prescribed all the "
                        "same? (kept in the order)").format(drug=values.get("drug"), allergies=", ".join(matched)), "drug")

    def _reason_kept(self, values: dict[str, Any], field: str, title: str, question: str, back_to: str) -> bool:
        """The prescriber's reason for an order written against a caution, asked and kept in its
        `field`; cancelled, they are back at the field `back_to` to correct instead."""
        reason = Prompts.reason(self, title, question)
        if reason is None:
            self.editors[back_to].widget.setFocus()
            return False
        values[field] = reason
        self.editors[field].set_value(reason)  # not asked again if another field is refused
        return True


    def _allergies_unknown_confirmed(self, values: dict[str, Any]) -> bool:
        """An order for a patient whose allergies are not known yet is saved once the prescriber
        says so (it was saved with nothing said)."""
        return self._order_confirmed(translate("FormView", "Allergies not known yet"), medication.allergies_unknown(
            self.session, str(self.patient_id), values, self.record.data if self.record else None))

    def _vte_decision_confirmed(self, values: dict[str, Any]) -> bool:
        """An anticoagulant ordered against the patient's latest VTE decision, no prophylaxis for the
        bleeding risk, is saved once the prescriber says so (the routine enoxaparin was saved with
        nothing said, and given at the evening round)."""
        return self._order_confirmed(translate("FormView", "Against the VTE decision"), vte.prescribed_against(
            self.session, str(self.patient_id), values, self.record.data if self.record else None))

    def _call_time_confirmed(self, values: dict[str, Any]) -> bool:
        """A telephone order's call more than a day before now (a year mistyped) is saved once the
        nurse says so: it was overdue on every list at once, nothing asked. Otherwise she is back at
        the call's time (see telephone_orders.call_doubt)."""
        asked = telephone_orders.call_doubt(self.session, values, self.record.data if self.record else None)
        if asked is None or Prompts.confirm(self, translate("FormView", "Check the call's time"),
                                            asked + "\n\n" + translate("FormView", "Save with this time?")):
            return True
        self.editors[telephone_orders.TELEPHONE_AT].widget.setFocus()
        return False

    def _laboratory_flag_confirmed(self, values: dict[str, Any]) -> bool:
        """A result outside its own range flagged Normal is saved once the nurse says the laboratory
        flagged it so, her answer kept in the record (see lab_results.flag_doubt); otherwise she is
        back at the flag, to record it as the laboratory gives it, her answer for the value amended
        cleared (it was carried, unasked, to a corrected 6.9)."""
        if self.spec.id != lab_results.FORM:
            return True
        asked = lab_results.flag_doubt(self.spec, values, self.session.lang, self.record.data if self.record else None)
        if asked is None:
            return True
        if not Prompts.confirm(self, translate("FormView", "Check the laboratory's flag"),
                               asked + "\n\n" + translate("FormView", "Did the laboratory flag it Normal?")):
            values[lab_results.FLAG_KEPT] = False
            self.editors[lab_results.FLAG_KEPT].set_value(False)
            self.editors["flag"].widget.setFocus()
            return False
        values[lab_results.FLAG_KEPT] = True
        self.editors[lab_results.FLAG_KEPT].set_value(True)  # not asked again if another field is refused
        return True

    def _insulin_stop_confirmed(self, values: dict[str, Any]) -> bool:
        """An insulin infusion's (a VRIII's) stop leaving the patient with no insulin is saved once
        the prescriber says so (infusion_rates.order_stop_asked: JBDS-IP gives the basal, or a
        meal-time dose, before it; the stop asked nothing); otherwise they are back at the stop."""
        return self.record is None or self._order_confirmed(
            translate("FormView", "No insulin after the infusion"),
            infusion_rates.order_stop_asked(self.session, self.record, values), "stop_at")

    def _order_confirmed(self, title: str, asked: str | None, field_id: str = "drug") -> bool:
        """An order that asks the prescriber something (`asked`; None: nothing) is saved once they
        say so; otherwise they are back at `field_id` (the medicine)."""
        if asked is None or Prompts.confirm(self, title,
                                            asked + "\n\n" + translate("FormView", "Save this order all the same?")):
            return True
        self.editors[field_id].widget.setFocus()
        return False

    def _second_order_confirmed(self, values: dict[str, Any]) -> bool:
        """An order of a medicine the patient has another order of, running at the same time, is
        saved only once the prescriber says so (an order rewritten without the old one stopped
        was a double dose at each of its times); otherwise she is back at the medicine. An
        amendment is asked only when it changes what is asked: stopping one of two orders asked
        about the other again."""
        record_id = self.record.record_id if self.record else None
        return self._asked_again(lambda data: medication.duplicate_orders(self.session, data, str(self.patient_id),
                                                                          record_id),
                                 values, translate("FormView", "Already ordered"),
                                 translate("FormView", "Save this order as well?"), "drug")

    def _second_booking_confirmed(self, values: dict[str, Any]) -> bool:
        """An operation booked for a patient who has the same one booked already (the procedure,
        on a side it covers) is saved only once the coordinator says so: a second carpal tunnel
        release on the right was booked silently three days after the first, and both stood. A
        staged repair is booked twice on purpose, so it is asked, not refused; otherwise she is
        back at the procedure. Asked of an amendment only when it changes what is asked."""
        if self.spec.id != theatre.BOOKING_FORM or self.patient_id is None or not values.get("procedure") \
                or not values.get("laterality"):
            return True
        record_id = self.record.record_id if self.record else None
        return self._asked_again(lambda data: theatre.booked_already(self.session.db, str(self.patient_id), data,
                                                                     record_id, self.session.lang),
                                 values, translate("FormView", "Already booked"),
                                 translate("FormView", "Book this operation a second time, on purpose (a staged "
                                                       "repair)?"), "procedure")

    def _same_surgeon_confirmed(self, values: dict[str, Any]) -> bool:
        """A booking whose surgeon or anaesthetist may be one operating elsewhere at the time under
        another spelling ("Dr P. Roux" beside "Dr Roux", `theatre.maybe_same_people`) is saved only
        once the coordinator says they are two people; otherwise she is back at the surgeon. Not
        refused: "Dr M. Martin" and "Dr L. Martin" are two."""
        if self.spec.id != theatre.BOOKING_FORM:
            return True
        record_id = self.record.record_id if self.record else None
        return self._asked_again(lambda data: theatre.maybe_same_people(self.session.db, data, record_id,
                                                                        self.session.lang),
                                 values, translate("FormView", "The same person?"),
                                 translate("FormView", "Book it all the same (two different people)?"), "surgeon")

    def _ended_session_confirmed(self, values: dict[str, Any]) -> bool:
        """An operation put on a session that has already ended is saved only once the
        coordinator says so: a booking typed late is legitimate, but one on the 30/11 list picked
        by mistake for today's was accepted silently. Otherwise she is back at the session. Asked
        of an amendment only when it changes the session."""
        field = next((f for f in self.spec.fields() if isinstance(f, RecordRefField) and f.form == theatre.SESSION_FORM),
                     None)
        if field is None:
            return True

        def ended(data: dict[str, Any]) -> str | None:
            found = theatre.ended_session(self.session.db, data[field.id], self.session.clock()) \
                if data.get(field.id) else None
            return None if found is None else translate("FormView", "The session {session} has already ended.").format(
                session=session_line(found, ended=False))

        return self._asked_again(ended, values, translate("FormView", "Session already ended"),
                                 translate("FormView", "Book onto it all the same (a record typed late)?"), field.id)

    def _going_home_with_lines_confirmed(self, values: dict[str, Any]) -> bool:
        """A discharge of a patient with a line or catheter still on the chart is saved only once
        the nurse says so: a cannula left in someone sent home is a known harm, while a catheter
        or a PICC line they go home with is care. Otherwise she is back at the lines and
        catheters field (taking it out is charted on its tab). Not asked of an amendment: the
        patient has left."""
        if self.spec.movement is not Movement.DISCHARGE or self.patient_id is None \
                or devices.LETTER_FIELD not in self.editors:
            return True
        patient_id, session = str(self.patient_id), self.session
        return self._asked_again(
            lambda data: devices.still_in(session.db, session.forms, patient_id,
                                          leaving.left_at(self.spec, data, session.clock()), session.lang),
            values, translate("FormView", "Line or catheter still in"),
            translate("FormView", "Discharge the patient with it in, on purpose (a catheter or a line they go home "
                                  "with)?"), devices.LETTER_FIELD)

    def _seldom_turns_reason_given(self, values: dict[str, Any]) -> bool:
        """A change of position whose next is later than NICE asks at the patient's latest
        Braden (6 hours at a high risk) is saved once the nurse gives the reason (the care plan
        says so), kept in the record, which the service refuses it without (see
        repositioning.seldom_reason_needed: not asked of an amendment leaving it as it was); she
        cancels, she is back at the next change."""
        if self.spec.id != repositioning.FORM or self.patient_id is None:
            return True
        session = self.session
        said = repositioning.seldom_reason_needed(session.db, str(self.patient_id), values,
                                                  self.record.data if self.record else None, session.lang)
        return said is None or self._reason_kept(
            values, repositioning.SELDOM_REASON, translate("FormView", "Repositioning less often than advised"),
            said + "\n\n" + translate("FormView", "Why is it less often (as the care plan says)? (kept in the record)"),
            "next_in")

    def _child_plan_reason_given(self, values: dict[str, Any]) -> bool:
        """A child's fluid restriction or target above their weight's (1.5 times the maintenance)
        is saved once the doctor says why, kept in the plan, which the service refuses it without
        (fluid_balance.child_plan_asks): a baby's 150 mL typed 1500 was saved unasked. Cancelled,
        they are back at the volume."""
        if self.spec.id != fluid_balance.PLAN_FORM or self.patient_id is None:
            return True
        said = fluid_balance.child_plan_asks(self.session, str(self.patient_id), values)
        return said is None or self._reason_kept(
            values, fluid_balance.PLAN_REASON, translate("FormView", "A child's fluid above their weight's"),
            said + "\n\n" + translate("FormView", "Why is it meant? (kept in the record)"), "volume")

    def _feed_by_unconfirmed_tube_confirmed(self, values: dict[str, Any]) -> bool:
        """A feed charted in by an enteral tube while the patient's nasogastric tube has its position
        to confirm on the line chart, then and now (devices.feed_asks: not a gastrostomy's) is saved once the
        nurse says so, told to stop the feed and confirm the position: the volume went in, and is
        charted all the same (the fluid chart charted it without a word). Otherwise she
        is back at "In or out". An amendment is asked only if it changes what is asked."""
        if self.spec.id != fluid_balance.FORM or self.patient_id is None:
            return True
        session, patient_id = self.session, str(self.patient_id)
        return self._asked_again(
            lambda data: devices.feed_asks(session.db, patient_id, data, session.clock(), session.lang), values,
            translate("FormView", "NG tube position not confirmed"),
            translate("FormView", "Chart this volume of feed all the same (it went in)?"), "route")

    def _cpr_reason_given(self, values: dict[str, Any]) -> bool:
        """Comfort care decided while the admission has no DNACPR is saved once the doctor says why
        CPR stands or where the DNACPR is written, kept in the plan, which the service refuses it
        without (observations.cpr_reason_needed): it was saved without a word, and the strip and
        the crash team read "For resuscitation". Cancelled, they are back at the escalation."""
        if self.spec.id != observations.PLAN_FORM or self.patient_id is None:
            return True
        session = self.session
        said = observations.cpr_reason_needed(session.db, session.forms, str(self.patient_id), values,
                                              self.record.data if self.record else None, session.lang)
        return said is None or self._reason_kept(
            values, observations.CPR_REASON, translate("FormView", "Comfort care with no DNACPR recorded"),
            said + "\n\n" + translate("FormView", "Why does CPR stand, or where is the DNACPR decision written? (kept "
                                                   "in the record)"), "escalation")

    def _leaving_with_asks_confirmed(self, values: dict[str, Any]) -> bool:
        """A discharge or a transfer to another hospital of a patient whose charts still ask
        something (a hypo's recheck, a time-critical dose missed, a critical result no doctor is
        told of) is saved once the nurse says she has seen to it or told the next team: their
        charts leave the escalation list with them. Read at the time they left, as typed (a discharge
        typed late asked of doses due after). Not asked of an amendment: they have left. A death
        asks of its bags still running only (a syringe driver's stop, and what is left of its
        controlled drug destroyed with a witness): nothing else was asked, and the CD audit found
        a syringe with no stop. Its bag stays under "Left the ward" until its stop is charted, and
        no team takes over: the discharge's closing words told her this was her last reminder. The
        letter's blanks left unfilled are asked of too (leaving.unfilled: "followed up by: …" went
        to the GP). The closing words name what "Left the ward" keeps, the rest asked here for the
        last time. A move off this laptop's ward (`_moved_off_this_laptop`) is asked too, in a
        move's words (leaving.MOVED: the bag goes on, the booking stands): this laptop's lists for
        its ward no longer read the patient's charts, and another laptop serving the new ward has
        none of them until its stick is imported (the doses due stayed here, listed by no ward's
        round)."""
        moved_to = self._moved_off_this_laptop(values)
        if (self.spec.movement not in (*LEAVING, Movement.DEATH) and moved_to is None) or self.patient_id is None \
                or self.record is not None:
            return True
        session, died = self.session, self.spec.movement is Movement.DEATH
        said = leaving.still_asked(session.db, session.forms, str(self.patient_id),
                                   leaving.left_at(self.spec, values, session.clock()), session.lang, died=died,
                                   blanks=leaving.unfilled(self.spec, values, session.lang),
                                   destination=values.get("destination"), moved_to=moved_to,
                                   coroner=values.get(CORONER) is True,
                                   unverified=values.get(VERIFICATION_PENDING) is True)
        closing = (translate("FormView", "It stays under Left the ward until its stop is charted. Save?") if died
                   else translate("FormView", "Once moved, this laptop's lists for its ward no longer ask any of it; "
                                              "if ward {ward} keeps its records on another laptop, that laptop knows "
                                              "none of it until the stick made for it is imported there. Save, having "
                                              "seen to it or told ward {ward}'s nurse?"
                                  ).format(ward=moved_to) if moved_to is not None
                   else translate("FormView", "Once they have left, Left the ward keeps only their results no doctor "
                                              "is told of (an abnormal one from before they left, for a day only), "
                                              "reactions to blood not told, bags never charted stopped and telephone "
                                              "orders to countersign; the rest is not asked again. Save, having seen "
                                              "to it or told the team taking over?"))
        return said is None or Prompts.confirm(self, translate("FormView", "Still asked of this patient"),
                                               said + "\n\n" + closing)

    def _moved_off_this_laptop(self, values: dict[str, Any]) -> str | None:
        """The ward a move's `values` take the patient to when it is not this laptop's own
        (`_off_this_laptop`), None otherwise (another movement, a move within the ward). That
        ward's laptop learns of them only from a stick."""
        field = self.spec.by_meaning(Meaning.WARD)
        if self.spec.movement is not Movement.TRANSFER or field is None:
            return None
        return self._off_this_laptop(str(values.get(field.id) or ""))

    def _cared_for_elsewhere(self) -> str | None:
        """The ward the census puts the form's patient in, when it is not this laptop's own
        (`_off_this_laptop`): moved there, then identified here where the police rang, the ward
        caring for him went on charting UNKNOWN MALE ALPHA, allergies not known, nothing said."""
        if self.patient_id is None:
            return None
        patient = patient_with_location(self.session.db, self.session.forms, self.patient_id)
        return self._off_this_laptop(patient.ward or "") if patient.stay is StayStatus.IN else None

    def _off_this_laptop(self, ward: str) -> str | None:
        """`ward` when it is not this laptop's own (settings.laptop_ward), None otherwise (the same
        ward, none, a laptop of no ward: the records office's)."""
        home, ward = settings.laptop_ward(self.session.db), ward.strip()
        return ward if home is not None and ward and ward.casefold() != home.casefold() else None

    def _offer_stick_for(self, ward: str, changed: bool = False) -> None:
        """Told as a move to `ward` is saved: if another laptop serves it, the stick made for it is
        the only way that laptop learns the patient's allergies, orders, running bags and
        resuscitation decision, and nothing said so (the receiving nurse admitted them again with
        no allergy). So too, `changed`, as the admission of a patient on `ward` now is amended here
        in what that ward acts on (identified, an allergy found, a DNACPR: see `save`): that laptop
        has it as it was. Which wards keep their
        records on a laptop of their own is known nowhere here (intensive care and imaging may be
        on the EHR's paper), so it is said as an "if". Yes opens the window's own export (its
        banner read again once it ends) with the box for another ward ticked."""
        text = translate(
            "FormView", "The patient is on ward {ward}. If it keeps its records on another laptop, that laptop has "
                        "their admission as it was before this change (their identity, allergies or resuscitation "
                        "decision) until a stick made now is imported there: make it (Export for back-entry ▸ For a "
                        "patient moved to another ward) and send it to ward {ward}.\n\nMake the stick now?") if changed else translate(
            "FormView", "If ward {ward} keeps its records on another laptop, make its stick now (Export for "
                        "back-entry ▸ For a patient moved to another ward) and send it with the patient: until it "
                        "is imported there, that laptop has none of this patient's allergies, orders or "
                        "resuscitation decision.\n\nMake the stick now?")
        if Prompts.confirm(self, translate("FormView", "Ward on another laptop?"), text.format(ward=ward)):
            cast("MainWindow", self.window()).export_data().for_another_ward.setChecked(True)

    def _asked_again(self, already: Callable[[dict[str, Any]], str | None], values: dict[str, Any], title: str,
                     question: str, field_id: str) -> bool:
        """Whether to save what `already` says is there already (None: nothing), asked: yes, or
        nothing to ask (an amendment that leaves the answer as it was), or back at `field_id`."""
        said = already(values)
        if said is None or (self.record is not None and said == already(self.record.data)):
            return True
        if Prompts.confirm(self, title, said + "\n\n" + question):
            return True
        self.editors[field_id].widget.setFocus()
        return False

    def _back_to(self, meaning: Meaning) -> bool:
        """Focus on the field to re-read; False, as the form is not saved."""
        field = self.spec.by_meaning(meaning)
        if field is not None:
            self.editors[field.id].widget.setFocus()
        return False

    def start_amend(self) -> None:
        self.editing = True
        self._set_mode()
        self._refresh_relevance()  # the questions its first version was never asked, now asked
        if self.record is not None:  # what the amendment starts from, where it is not the record's own
            starting = prefill.amendment_answers(self.session, self.record)
            for name, editor in self.editors.items():
                if starting.get(name) != self.record.data.get(name):
                    editor.set_value(starting.get(name))
        self.first_editor().widget.setFocus()

    def amend_at(self, field_id: str, reason: str) -> None:
        """The record amended from a screen that asks one answer of it (a result's doctor told),
        the cursor on that answer, `reason` the amendment's reason to keep or change; an
        amendment under way stays as typed."""
        if not self.editing:
            self.start_amend()
        self.amended_for = reason
        self.editors[field_id].widget.setFocus()

    def mark_in_error(self) -> None:
        if self.record is None:
            return
        reason = Prompts.reason(self, translate("FormView", "Entered in error"),
                                translate("FormView", "Why was this record entered in error? (e.g. wrong patient)"))
        if reason is None:
            return
        try:
            if self.spec.id == medication.DOSE_FORM:
                withdrawn = self._withdraw_dose(self.record, reason)
                if withdrawn is None:
                    return
                self.record = withdrawn
            else:
                self.record = records.mark_entered_in_error(self.session, self.record.record_id, reason,
                                                            based_on=self.record.version)
        except ServiceError as problem:
            Prompts.error(self, translate("FormView", "Not marked"), say(problem))
            return
        self._set_mode()
        self.saved.emit(self.record)
        if (number := printing.band_withdrawn(self.session, self.record)) is not None:
            Prompts.info(self, translate("FormView", "Wristband withdrawn"), translate(
                "FormView", "{number} now names no admission: take its wristband off the patient and destroy every "
                            "ID label printed for it, in the patient's folder and at the nurses' station. A patient in "
                            "hospital under another number wears that number's band.").format(number=number))

    def _withdraw_dose(self, dose: RecordVersion, reason: str) -> RecordVersion | None:
        """A controlled drug's dose gives its quantity back to the register: a second clinician
        signs with their PIN, as for the dose. None if they cancel."""
        witness = None
        if taken := cd_register.taken_from_register(self.session.db, dose.record_id):
            title = translate("FormView", "Controlled drug: witness")
            staff_id = Prompts.text(self, title, translate(
                "FormView", "{quantity} {unit} of {drug} goes back to the ward's controlled-drug register. "
                            "Witness staff ID:").format(quantity=decimal_text(taken.quantity, language()), unit=taken.unit, drug=taken.drug))
            pin = Prompts.secret(self, title, translate("FormView", "Witness PIN:")) if staff_id else None
            if not pin:  # cancelled, or left empty: not tried, a failed sign-in in the witness's name
                return None
            witness = (staff_id or "", pin)
        return medication.withdraw_dose(self.session, dose.record_id, reason, based_on=dose.version, witness=witness)

    def _hold_text(self, hold: Hold) -> str:
        """Both laptops' versions named, this laptop's said so: the nurse reads which one stands
        here and who to ask about the other."""
        here = self.session.device.device_id
        authors = authors_here(self.session)
        laptops = laptops_known(self.session, {held.device_id for held in hold.versions})
        return translate("FormView", "ON HOLD: another laptop wrote this record otherwise from version {version} ({versions})."
                         " Check with the ward that wrote the other before acting on it; the records office settles which"
                         " is right. History shows both.").format(
            version=hold.from_version, versions=semicolon(language()).join(
                translate("FormView", "v{version} by {author} at {time}, {where}").format(
                    version=held.version, author=authors.of(self.session.lang, held.author, held.device_id, laptops),
                    time=ward_time(datetime.fromisoformat(held.recorded_at), None, DATED),
                    where=translate("FormView", "this laptop") if held.device_id == here
                    else laptop_name(self.session.lang, held.device_id, laptops))
                for held in sorted(hold.versions, key=lambda held: (held.version, held.device_id != here))))

    def history_text(self) -> str:
        """Every version that stands here, then those another laptop wrote otherwise, each
        compared with the version it was written after: a version set aside follows its own
        laptop's version set aside before it, if any (compared with this laptop's, it showed that
        laptop's earlier change again as its own), else the one standing here."""
        if self.record is None:
            return ""
        standing = records.history(self.session.db, self.record.record_id)
        aside = records.set_aside(self.session, self.record.record_id)
        before = {version.version: version for version in standing}
        own = {(version.device_id, version.version): version for version in aside}
        paired = [*zip([None, *standing], standing),
                  *((own.get((held.device_id, held.version - 1), before.get(held.version - 1)), held) for held in aside)]
        lines = []
        authors = authors_here(self.session)
        laptops = laptops_known(self.session, {version.device_id for version in (*standing, *aside)})
        for number, (previous, version) in enumerate(paired):
            found = changes(self.spec, previous.data, version.data) if previous is not None else ()
            changed = translate("FormView", " — changed: ") + changes_text(found, self.session.lang) if found else ""
            lines.append((translate("FormView", "Set aside, another laptop's: ") if number >= len(standing) else "")
                         + translate("FormView", "v{version} {status} {time} by {author}").format(
                version=version.version, status=record_status_word(version.status, language()), time=ward_time(version.recorded_at, None, DATED),
                author=authors.of(self.session.lang, version.author, version.device_id, laptops))
                + (translate("FormView", " — reason: {reason}").format(reason=version.reason) if version.reason else "") + changed)
        settled = [translate("FormView", "Hold settled {time} by {author}: {what}").format(
            time=ward_time(found.at, None, DATED), author=found.settler, what=found.what_in(self.session.lang))
            + translate("FormView", " — reason: {reason}").format(reason=found.reason)
            for found in settled_on(self.session, [self.record.record_id]).get(self.record.record_id, [])]
        return "\n".join([*lines[:len(standing)], *settled, *lines[len(standing):]])

    def show_history(self) -> None:
        Prompts.info(self, translate("FormView", "History"), self.history_text())

    def print_record(self) -> Path | None:
        if self.record is None:
            return None
        record_id = self.record.record_id
        return print_and_open(self, self.session, lambda own, out: printing.print_record(own, record_id, out),
                              f"{self.spec.id}-{record_id[:8]}-v{self.record.version}")

    def is_dirty(self) -> bool:
        """Typed into beyond what it opened with: a form only filled in from the chart, or an
        amendment that changes nothing yet, closes without asking and keeps no draft."""
        if not self.editing or self._as_copied is None:
            return False
        typed = self.raw_values()
        return any(_answered(typed[field_id]) != _answered(opened) for field_id, opened in self._as_copied.items())


def _answered(raw: Any) -> Any:
    """A box emptied again reads as never typed in ("" where it held None, [] for no choice)."""
    return None if raw in (None, "", []) else raw

