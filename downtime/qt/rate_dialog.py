"""A running infusion's rate changed, paused or its bag stopped, from the MAR (see
services.infusion_rates): the line of the paper infusion chart, its time, the new rate and the
reading the nomogram or sliding scale was read with. A rate changed while the bag ran was
refused by the dose dialog as "already given". A new rate of a medicine whose bag needed a second
clinician's check is checked by them with their PIN, in the dose dialog's rows and words. A
VRIII's shows the chart's latest glucose, and each warning its change is questioned on asks its
reason there (services.infusion_rates.insulin_asked); a wristband scanned is checked against
the patient, as in the dose dialog."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from downtime.domain.medication import Administration, Check, Order, Warning
from downtime.domain.records import RecordVersion
from downtime.formspec.messages import message as field_message
from downtime.formspec.values import ParseError, offered, parse_datetime, parse_text
from downtime.qt.dose_dialog import CHECK_WORDS, clear_pins, hint_whole, pin_box, witness_keys
from downtime.qt.i18n import language, say, translate
from downtime.qt.now_typed import now_when_typed
from downtime.qt.scan import BandCheck
from downtime.qt.screen_fit import fit_dialog, readable_width
from downtime.qt.screen_reader import add_row
from downtime.qt.scrolled_dialog import add_patient_and_order, scrolled_with_buttons
from downtime.qt.style import ErrorLabel
from downtime.services import glucose, infusion_checks, infusion_rates, medication
from downtime.services.context import Session
from downtime.services.errors import ServiceError, ValidationFailed

TIME_SHOWN = "%d/%m/%Y %H:%M"


class RateDialog(QDialog):
    """The change of `order`'s running `bag`. Its time is now until typed otherwise (a change
    charted from the paper, typed later). Save records it (`recorded` fires with the record); a
    refusal is said in the dialog, which stays open to be corrected."""

    recorded = Signal(object)

    def __init__(self, session: Session, order: Order, bag: Administration, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.order = session, order
        spec = session.form(infusion_rates.FORM)
        lang = session.lang
        self.setWindowTitle(translate("RateDialog", "Change the infusion rate"))
        # What the change is of and its rows scroll, its message and buttons kept in sight, as the
        # dose dialog's: opened at two thirds of the screen, at the largest text its rows were
        # squashed and its time box read "26 13:30".
        body = QWidget()
        layout = QVBoxLayout(body)
        patient = add_patient_and_order(layout, session, order)
        changes = infusion_rates.by_bag(session.db, [order.patient_id]).get(bag.record_id, [])
        zone = session.clock().tzinfo
        self.running = QLabel(translate("RateDialog", "Bag put up {time}: {running}").format(
            time=bag.at.astimezone(zone).strftime("%d/%m %H:%M"),
            running=infusion_rates.running_words(bag, changes, lang, zone, at=session.clock(),
                                                 volume_ml=infusion_rates.bag_volume(bag, order),
                                                 checks=infusion_checks.by_bag(
                                                     session.db, [order.patient_id]).get(bag.record_id, [])) or "—"))
        self.running.setWordWrap(True)
        layout.addWidget(self.running)
        # A VRIII's rate is its dose, set on the hour's glucose: the chart's latest reading beside it,
        # as the dose dialog shows it (a rate was raised on a "glucose 14.2" typed from memory, the
        # chart showing a hypo of 3.1).
        self.latest_glucose = QLabel(glucose.for_the_dose(session.db, order, session.clock(), lang)[0])
        self.latest_glucose.setWordWrap(True)
        self.latest_glucose.setVisible(bool(self.latest_glucose.text()))
        layout.addWidget(self.latest_glucose)
        # A wristband scanned at the bedside checked against the patient, as in the dose dialog: it
        # went into the rate box, and the scanner's Enter pressed Save.
        self.band = BandCheck(session, patient)
        layout.addWidget(self.band)
        form = QFormLayout()
        self.filled_in = session.clock().strftime(TIME_SHOWN)
        self.changed_at = QLineEdit(self.filled_in)
        now_when_typed(self.changed_at, language(), lambda: self.changed_at.setText(self.session.clock().strftime(TIME_SHOWN)))
        hint_whole(self.changed_at)
        self.change = QComboBox()
        for option in offered(spec.field(infusion_rates.CHANGE)):
            self.change.addItem(option.label.get(lang), option.code)
        self.rate = QLineEdit()
        self.band.amount = self.rate
        self.reason = QLineEdit()
        self.reason.setMaxLength(spec.field(infusion_rates.REASON).max_length)
        self.above_order = QLineEdit()
        self.above_order.setMaxLength(spec.field(infusion_rates.ABOVE_ORDER).max_length)
        self.boxes: dict[str, QWidget] = {
            infusion_rates.CHANGED_AT: self.changed_at, infusion_rates.CHANGE: self.change,
            infusion_rates.RATE: self.rate, infusion_rates.REASON: self.reason,
            infusion_rates.ABOVE_ORDER: self.above_order}
        for field, box in self.boxes.items():
            label = spec.field(field).label.get(lang)
            add_row(form, f"{label} (mL/h)" if field == infusion_rates.RATE else label, box)
        # The second check its bag's dose needed (a high-alert or controlled medicine's), in the dose
        # dialog's words: shown for such a medicine alone, asked of a new rate.
        self.check = medication.dose_check(session, order, None)
        self.witness_id, self.witness_pin = QLineEdit(), pin_box()
        if self.check is not None:
            heading, staff_id, pin, _ = CHECK_WORDS[self.check]
            if heading:
                form.addRow(QLabel(translate("DoseDialog", heading)))
            add_row(form, translate("DoseDialog", staff_id), self.witness_id)
            add_row(form, translate("DoseDialog", pin), self.witness_pin)
        self.change.currentIndexChanged.connect(self._change_chosen)
        # Each box wide enough to read, so that it goes under its label where the two do not fit
        # side by side (fit_dialog): beside "Reading or reason (APTT ratio 1.4, glucose 14.2 mmol/L)"
        # at the largest text the new rate's box was 70 pixels wide. Every box under its label at
        # every text size, the dialog scrolled at the usual text on a laptop at 125 %.
        for typed in (self.rate, self.reason, self.above_order, self.witness_id, self.witness_pin):
            typed.setMinimumWidth(readable_width(typed))
        layout.addLayout(form)
        # Each warning the change is questioned on, with the box its reason is typed in.
        self.warnings = QFormLayout()
        self.override_edits: dict[tuple[Check, str], QLineEdit] = {}
        layout.addLayout(self.warnings)
        layout.addStretch(1)
        self.error, self.save_button = scrolled_with_buttons(
            self, body, translate("RateDialog", "&Save the change (Ctrl+S)"), translate("RateDialog", "Cancel"),
            self.save)
        self.rate.setFocus()
        fit_dialog(self)

    def _show_warnings(self, warnings: list[Warning]) -> None:
        """Each warning not shown yet, with its own reason's box, focused on the first left empty:
        the change is saved once each has one (kept with it, as a dose keeps them)."""
        for warning in warnings:
            if (warning.check, warning.message) in self.override_edits:
                continue
            edit = QLineEdit()
            edit.setPlaceholderText(translate("DoseDialog", "Reason for recording anyway"))
            self.warnings.addRow(ErrorLabel("⚠ " + warning.text(language())))
            add_row(self.warnings, translate("DoseDialog", "Override reason"), edit)
            edit.setAccessibleDescription(warning.text(language()))
            self.override_edits[warning.check, warning.message] = edit
        if (first := next((e for e in self.override_edits.values() if not e.text().strip()), None)) is not None:
            first.setFocus()

    def _change_chosen(self) -> None:
        """The new rate, why it is above the order's and its second check asked of a new rate
        alone: a bag paused or stopped has none."""
        for box in (self.rate, self.above_order, self.witness_id, self.witness_pin):
            box.setEnabled(self.change.currentData() == infusion_rates.NEW_RATE)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """Enter in the checker's staff ID goes to their PIN (see `witness_keys`)."""
        if not witness_keys(event, self.witness_id, self.witness_pin):
            super().keyPressEvent(event)

    def _changed_at(self) -> datetime:
        """The time typed; left as filled in, the moment saved (the change made as it is saved)."""
        text = self.changed_at.text()
        if text == self.filled_in:
            return self.session.clock()
        now = self.session.clock()
        return parse_datetime(text, now.tzinfo, day=now.date())

    def save(self) -> RecordVersion | None:
        """The change recorded, or why not said in the dialog (None)."""
        try:
            at = self._changed_at()
        except ParseError:
            self.error.setText(translate("RateDialog", "Time changed: write it as DD/MM/YYYY HH:MM."))
            self.changed_at.setFocus()  # the box named, as the dose dialog does
            return None
        new_rate = self.change.currentData() == infusion_rates.NEW_RATE
        box = self.session.form(infusion_rates.FORM).field(infusion_rates.RATE)
        try:  # within the box's bounds: "5.000" mL/h is 5, a "1.000" asked about (see parse_decimal)
            rate = parse_text(box, self.rate.text()) if new_rate else None
        except ParseError as problem:
            # Both readings of a "1.000" named, as a form's box names them: told to write a number
            # of mL/h, the nurse who had could not tell what to change.
            self.error.setText(field_message(problem.key, language(), box.label.get(language()), problem.limit)
                               if problem.key == "zeros_after_the_point" else
                               translate("RateDialog", "New rate: write it as a number of mL/h."))
            self.rate.setFocus()
            return None
        check = self.check if new_rate else None
        if check is not None and not self.witness_pin.text():
            self.error.setText(translate("messages", check.needed))  # not tried: a failed sign-in of theirs
            (self.witness_pin if self.witness_id.text().strip() else self.witness_id).setFocus()
            return None
        try:
            saved = infusion_rates.change_rate(self.session, self.order.record_id, {
                infusion_rates.CHANGED_AT: at.isoformat(timespec="minutes"),
                infusion_rates.CHANGE: self.change.currentData(), infusion_rates.RATE: rate,
                infusion_rates.REASON: self.reason.text().strip(),
                infusion_rates.ABOVE_ORDER: self.above_order.text().strip() if new_rate else None},
                witness=(self.witness_id.text(), self.witness_pin.text()) if check is not None else None,
                overrides={said: edit.text() for (_, said), edit in self.override_edits.items()},
                band=self.band.scanned)
        except medication.OverrideNeeded as needed:
            self.error.setText(translate("DoseDialog",
                                         "Safety warning: give a reason to override each one, or cancel."))
            if any((warning.check, warning.message) not in self.override_edits for warning in needed.warnings):
                clear_pins(self)  # the checker signs once they have read what is new
            self._show_warnings(needed.warnings)
            return None
        except ValidationFailed as refused:
            self.error.setText("\n".join(error.message for error in refused.errors))
            clear_pins(self)  # the checker signs again once what was refused is put right
            if (box := self.boxes.get(refused.errors[0].path)) is not None:
                box.setFocus()  # the box to put right: why the rate is above the order's, or a child's maintenance
            return None
        except ServiceError as problem:
            self.error.setText(say(problem))
            clear_pins(self)
            return None
        self.recorded.emit(saved)
        self.accept()
        return saved

