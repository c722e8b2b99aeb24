"""A check of a running infusion or syringe driver, from the MAR (see services.infusion_checks):
the line of the paper monitoring chart, at set-up and at least every 4 hours. It shows the volume
expected left at the time typed (worked out from the previous check, or before any from the bag's
volume, less what its rates ran in since), beside the boxes the nurse fills from the pump
and the site; saved, what the check found is said back, with whom to tell. Thin: the service
judges and saves."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from downtime.domain.medication import Administration, Order
from downtime.formspec.values import ParseError, offered, parse_datetime, parse_text
from downtime.i18n import QT_TRANSLATE_NOOP, decimal_text
from downtime.qt.dose_dialog import hint_whole
from downtime.qt.i18n import language, say, translate
from downtime.qt.now_typed import now_when_typed
from downtime.qt.prompts import Prompts
from downtime.qt.screen_fit import fit_dialog, readable_width
from downtime.qt.screen_reader import add_row, named
from downtime.qt.scrolled_dialog import add_patient_and_order, scrolled_with_buttons
from downtime.services import infusion_checks, infusion_rates
from downtime.services.context import Session
from downtime.services.errors import ServiceError, ValidationFailed

TIME_SHOWN = "%d/%m/%Y %H:%M"
YES_NO = ((None, ""), (True, QT_TRANSLATE_NOOP("InfusionCheckDialog", "Yes")),
          (False, QT_TRANSLATE_NOOP("InfusionCheckDialog", "No")))
"""A yes/no box's choices, none chosen at first: the nurse answers each from the pump and the line,
a box ticked by default would chart a line nobody looked at."""


class InfusionCheckDialog(QDialog):
    """The check of `order`'s running `bag`. Its time is now until typed otherwise (a check charted
    from the paper, typed later). Save records it (`recorded` fires with the service's Recorded);
    a refusal is said in the dialog, which stays open to be corrected."""

    recorded = Signal(object)

    def __init__(self, session: Session, order: Order, bag: Administration, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.order, self.bag = session, order, bag
        spec, lang = session.form(infusion_checks.FORM), session.lang
        self.setWindowTitle(translate("InfusionCheckDialog", "Check the infusion"))
        # What the check is of and its rows scroll, its message and buttons kept in sight, as the
        # rate dialog's: opened at its least size, at the largest text its eight rows overlapped
        # and Save fell below a laptop's screen at 125 %.
        body = QWidget()
        layout = QVBoxLayout(body)
        add_patient_and_order(layout, session, order)
        now = session.clock()
        # The bag or syringe up at the time typed, and what it ran at then: a check typed late
        # from paper is of the one up then, not of the one put up since.
        self.running = QLabel()
        self.running.setWordWrap(True)
        layout.addWidget(self.running)
        # The volume the bag's rates leave at the time typed: what the nurse compares the syringe
        # or the bag with, as the paper chart's "expected" column.
        self.expected = QLabel()
        self.expected.setWordWrap(True)
        layout.addWidget(self.expected)
        form = QFormLayout()
        self.filled_in = now.strftime(TIME_SHOWN)
        self.checked_at = QLineEdit(self.filled_in)
        now_when_typed(self.checked_at, language(),
                       lambda: self.checked_at.setText(self.session.clock().strftime(TIME_SHOWN)))
        hint_whole(self.checked_at)
        self.checked_at.editingFinished.connect(self._show_expected)
        self.volume_left, self.pump_rate = QLineEdit(), QLineEdit()
        self.site, self.vip = QComboBox(), QComboBox()
        self.site.addItem("", None)  # no answer until looked at, as the yes/no boxes (YES_NO)
        for option in offered(spec.field(infusion_checks.SITE)):
            self.site.addItem(option.label.get(lang), option.code)
        self.vip.addItem(translate("InfusionCheckDialog", "Not scored (subcutaneous)"), None)
        for option in offered(spec.field(infusion_checks.VIP)):
            self.vip.addItem(option.label.get(lang), option.code)
        self.line_intact, self.pump_working = QComboBox(), QComboBox()
        for box in (self.line_intact, self.pump_working):
            for value, words in YES_NO:
                box.addItem(translate("InfusionCheckDialog", words) if words else "", value)
        self.action = QLineEdit()
        self.action.setMaxLength(spec.field(infusion_checks.ACTION).max_length)
        self.boxes: dict[str, QWidget] = {
            infusion_checks.CHECKED_AT: self.checked_at, infusion_checks.VOLUME_LEFT: self.volume_left,
            infusion_checks.PUMP_RATE: self.pump_rate, infusion_checks.SITE: self.site, infusion_checks.VIP: self.vip,
            infusion_checks.LINE_INTACT: self.line_intact, infusion_checks.PUMP_WORKING: self.pump_working,
            infusion_checks.ACTION: self.action}
        for field_id, box in self.boxes.items():
            field = spec.field(field_id)
            unit = getattr(field, "unit", None)
            add_row(form, f"{field.label.get(lang)} ({unit})" if unit else field.label.get(lang), box)
            if field.help is not None:
                box.setToolTip(field.help.get(lang))
        # Each box wide enough to read, so that it goes under its label where the two do not fit
        # side by side (fit_dialog): at the largest text the volume and rate boxes were 60 pixels.
        for typed in (self.volume_left, self.pump_rate, self.action):
            typed.setMinimumWidth(readable_width(typed))
        # The pump's question as the bag stands at the time typed (`_show_expected`): asked "on hold
        # if paused" of a running bag, a pump found on hold by mistake there was answered Yes.
        pump_label = form.labelForField(self.pump_working)
        assert isinstance(pump_label, QLabel), "add_row labels each box"
        self.pump_label = pump_label
        layout.addLayout(form)
        layout.addStretch(1)
        self.error, self.save_button = scrolled_with_buttons(
            self, body, translate("InfusionCheckDialog", "&Save the check (Ctrl+S)"),
            translate("InfusionCheckDialog", "Cancel"), self.save)
        self._show_expected()
        self.volume_left.setFocus()
        fit_dialog(self)

    def _checked_at(self) -> datetime:
        """The time typed; left as filled in, the moment saved."""
        text = self.checked_at.text()
        now = self.session.clock()
        return now if text == self.filled_in else parse_datetime(text, now.tzinfo, day=now.date())

    def _show_expected(self) -> None:
        """The bag up at the time typed (infusion_checks.bag_checked; the one the dialog opened on
        when none is), its rate then, the volume expected left and the rate set (none said while
        the time cannot be read), and the pump's question as it stands then
        (infusion_checks.pump_asked): a check typed late from paper was shown the replacing bag's
        figures, its header "put up" after the time checked. A bag stopped by then says when and why."""
        try:
            at = self._checked_at()
        except ParseError:
            return
        db, zone, lang = self.session.db, self.session.clock().tzinfo, language()
        bag = infusion_checks.bag_checked(db, self.order, at) or self.bag
        changes = [change for change in infusion_rates.by_bag(db, [self.order.patient_id]).get(bag.record_id, [])
                   if change.at <= at]
        asked = infusion_checks.pump_asked(changes, at, self.session.lang)
        self.pump_label.setText(asked)
        named(self.pump_working, asked)
        # A bag taken down says its stop as the chart writes it under the dose, the day too when
        # not the bag's (its last check is typed at its stop, the volume left as it comes off):
        # "—" read as a bag with no rate known. Nothing is recorded on a bag after its stop.
        if changes and changes[-1].change == infusion_rates.STOPPED:
            running = infusion_rates.change_words(changes[-1], bag.at, lang, zone)
        else:
            running = infusion_rates.running_words(
                bag, changes, lang, zone, self.order.rate_ml_h, at=at,
                volume_ml=infusion_rates.bag_volume(bag, self.order),
                checks=infusion_checks.by_bag(db, [self.order.patient_id]).get(bag.record_id, []))
        self.running.setText(translate("InfusionCheckDialog", "Bag or syringe put up {time}: {running}").format(
            time=bag.at.astimezone(zone).strftime("%d/%m %H:%M"), running=running or "—"))
        expected = infusion_checks.expected_for(db, self.order, bag, at)
        if expected.left_ml is None:
            left = translate("InfusionCheckDialog",
                             "Expected left: not known until a first check gives the volume in the syringe")
        else:
            left = translate("InfusionCheckDialog", "Expected left at {time}: {volume} mL").format(
                time=at.astimezone(zone).strftime("%H:%M"),
                volume=decimal_text(expected.left_ml, lang))
        rate = "" if expected.rate_ml_h is None or expected.paused else translate(
            "InfusionCheckDialog", "rate set {rate} mL/h").format(rate=decimal_text(expected.rate_ml_h, lang))
        self.expected.setText(f"{left}; {rate}" if rate else left)

    def _values(self) -> dict[str, Any] | None:
        """The boxes as the form's values, or None with why said (a time or a number unreadable)."""
        spec = self.session.form(infusion_checks.FORM)
        try:
            at = self._checked_at()
        except ParseError:
            self.error.setText(translate("InfusionCheckDialog", "Time checked: write it as DD/MM/YYYY HH:MM."))
            self.checked_at.setFocus()
            return None
        values: dict[str, Any] = {infusion_checks.CHECKED_AT: at.isoformat(timespec="minutes")}
        for field_id, box in ((infusion_checks.VOLUME_LEFT, self.volume_left),
                              (infusion_checks.PUMP_RATE, self.pump_rate)):
            try:
                values[field_id] = parse_text(spec.field(field_id), box.text())
            except ParseError:
                self.error.setText(translate("InfusionCheckDialog", "{field}: write it as a number.").format(
                    field=spec.field(field_id).label.get(self.session.lang)))
                box.setFocus()
                return None
        return {**values, infusion_checks.SITE: self.site.currentData(), infusion_checks.VIP: self.vip.currentData(),
                infusion_checks.LINE_INTACT: self.line_intact.currentData(),
                infusion_checks.PUMP_WORKING: self.pump_working.currentData(),
                infusion_checks.ACTION: self.action.text().strip()}

    def save(self) -> infusion_checks.Recorded | None:
        """The check recorded and what it found said back, or why not said in the dialog (None)."""
        if (values := self._values()) is None:
            return None
        try:
            recorded = infusion_checks.record_check(self.session, self.order.record_id, values)
        except ValidationFailed as refused:
            self.error.setText("\n".join(error.message for error in refused.errors))
            if (box := self.boxes.get(refused.errors[0].path)) is not None:
                box.setFocus()  # the box to put right: what was done, of a bag found running fast
            return None
        except ServiceError as problem:
            self.error.setText(say(problem))
            return None
        self.recorded.emit(recorded)
        said = "\n".join(recorded.said)
        if recorded.tell:
            Prompts.error(self, translate("InfusionCheckDialog", "Tell the prescriber"), said)
        else:
            Prompts.info(self, translate("InfusionCheckDialog", "Infusion checked"), said)
        self.accept()
        return recorded
