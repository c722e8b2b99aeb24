"""Recording one dose: given or not given, with the safety warnings shown in the same dialog,
each needing a reason to override, and a controlled drug's witness or a high-alert medicine's
second checker signing with their own PIN.
Enter moves from field to field as in the forms; Save (or Ctrl+S) records. What is typed is kept
as its nurse's draft, as a form's is, until the dose is saved or she cancels it."""

from __future__ import annotations

import html
import uuid
from collections.abc import Collection, Iterable
from datetime import datetime, timedelta
from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from downtime.domain import covert, elapsed
from downtime.domain.anticoagulation import another_anticoagulant
from downtime.domain.clock import ward_time
from downtime.domain.devices import by_tube
from downtime.domain.medication import (
    Administration, Check, DoseState, Frequency, NotGivenReason, Order, Outcome, RoundPolicy, before_due, dose_state,
    duration_text, patch, policy_for, reason_offered, unit_read,
)
from downtime.domain.records import RecordVersion
from downtime.domain.roles import Role
from downtime.domain.swallow_screen import by_mouth
from downtime.i18n import QT_TR_NOOP, QT_TRANSLATE_NOOP, decimal_text, semicolon
from downtime.qt.i18n import language, say, translate, word
from downtime.formspec import FormSpec
from downtime.formspec.messages import message as field_message
from downtime.formspec.values import ParseError, format_value, offered, parse_datetime, parse_decimal
from downtime.qt.form_view import enter_moves_on
from downtime.qt.now_typed import now_when_typed
from downtime.qt.patient_header import admission_on_hold, child_label, enteric_isolation, identity_label
from downtime.qt.prompts import Prompts
from downtime.qt.screen_fit import Scrolled, room, within_screen
from downtime.qt.scan import BandCheck
from downtime.qt.screen_reader import add_row, named
from downtime.qt.style import ERROR_STYLE, ErrorLabel, follow_view, grow_to_fit, warning_html
from downtime.services import (anticoagulation, capacity, cd_register, devices, drafts, glucose, medication,
                               missing_patient, records, settings, staff, swallow_screen)
from downtime.services.census import patient_with_location, with_namesakes
from downtime.services.context import Session
from downtime.services.errors import ServiceError, ValidationFailed
from downtime.services.medication import HeldDose
from downtime.services.laptops import staff_of
from downtime.storage.connection import DatabaseError, write_failure

# The patient's identity on one line (a long name's ward and bed on a second), each warning on two,
# the French example of an as-required dose's reason whole (at 560 pixels it was cut): 640 pixels at
# 11 points, and as many characters at any text size, as far as the screen has room (see `showEvent`).
DIALOG_CHARACTERS = 80
NO_WITNESS_PIN = cd_register.WITNESS.needed
# Each second check's rows (see cd_register.second_check): a heading, if any, then the signer's
# staff ID, PIN, and name from the paper chart, in its own words.
CHECK_WORDS: dict[cd_register.SecondCheck, tuple[str | None, str, str, str]] = {
    cd_register.WITNESS: (None, QT_TRANSLATE_NOOP("DoseDialog", "&Witness staff ID"),
                          QT_TRANSLATE_NOOP("DoseDialog", "Witness &PIN"),
                          QT_TRANSLATE_NOOP("DoseDialog", "&Witness on the paper chart")),
    cd_register.HIGH_ALERT_CHECK: (QT_TRANSLATE_NOOP("DoseDialog", "Second check (high-alert medicine)"),
                                   QT_TRANSLATE_NOOP("DoseDialog", "Chec&ker's staff ID"),
                                   QT_TRANSLATE_NOOP("DoseDialog", "Checker's &PIN"),
                                   QT_TRANSLATE_NOOP("DoseDialog", "&Witness on the paper chart")),
    cd_register.SUPERVISION: (QT_TRANSLATE_NOOP("DoseDialog", "Supervised by a ward nurse (student nurse's dose)"),
                              QT_TRANSLATE_NOOP("DoseDialog", "Supervising n&urse's staff ID"),
                              QT_TRANSLATE_NOOP("DoseDialog", "Supervising nurse's &PIN"),
                              QT_TRANSLATE_NOOP("DoseDialog", "Supervising n&urse on the paper chart")),
}


def pin_box() -> QLineEdit:
    """The box a colleague signs in with their PIN, unseen: a dose's witness or second checker,
    its giver when not the nurse typing it, a register line's witness (emptied by `clear_pins`)."""
    box = QLineEdit()
    box.setEchoMode(QLineEdit.EchoMode.Password)
    return box


def clear_pins(window: QWidget) -> None:
    """Every PIN typed in `window`'s boxes (see `pin_box`) emptied, for their owners to sign again
    at Save: a PIN typed before the laptop locked, or before Save showed warnings to override,
    signed for a dose its owner was no longer there for, or whose warnings they never read."""
    for box in window.findChildren(QLineEdit):
        if box.echoMode() is QLineEdit.EchoMode.Password:
            box.clear()


@runtime_checkable
class LockAware(Protocol):
    """A window of its own (a dose dialog, a register line) told when the laptop locks over it
    (see MainWindow.lock), before anyone signs in again."""

    def locked(self) -> None:
        """What was typed for the moment the laptop locked (a PIN, a time that follows the clock)
        made to be typed, or checked, again."""


def witness_keys(event: QKeyEvent, staff_id: QLineEdit, pin: QLineEdit) -> bool:
    """Enter in the witness's staff ID goes to their PIN, as at sign-in; True when it did. The
    dialog's default button tried the witness with an empty PIN instead: a failed sign-in in
    their name, and five lock them out of every laptop for five minutes."""
    if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and staff_id.window().focusWidget() is staff_id:
        pin.setFocus()
        return True
    return False


def hint_whole(box: QLineEdit) -> None:
    """The box's example whole, two characters for its frame and margins: at the largest text the
    box beside its label cut it ("ex. douleur 7/10, nausées apr…"); too narrow, it goes under its label."""
    metrics = box.fontMetrics()
    box.setMinimumWidth(metrics.horizontalAdvance(box.placeholderText()) + 2 * metrics.averageCharWidth())


def typed_in_dose_dialog(draft: drafts.Draft) -> bool:
    """A dose being recorded (see `DoseDialog.typed`), not a recorded dose's amendment, which is
    a form's draft of the same form."""
    return draft.form_id == medication.DOSE_FORM and draft.record_id is None


# An order two laptops wrote otherwise (see records.on_hold): the ward's version stands here, and
# the other may have stopped or changed it.
ORDER_ON_HOLD = QT_TR_NOOP("ON HOLD: another laptop wrote this order otherwise, check it")
# The patient's other orders of the medicine running beside this one (see medication.also_ordered).
ALSO_ORDERED = QT_TR_NOOP("ALSO ORDERED: {orders} — ask the prescriber before giving more than one of these orders")
AND_MORE = QT_TR_NOOP("{orders} and {count} more orders of it")
# The patient's orders of another anticoagulant running beside this one (see anticoagulation.ordered_beside).
ALSO_ANTICOAGULATED = QT_TR_NOOP("ALSO ON AN ANTICOAGULANT: {orders}")
# The other orders the flag names in full, as the printed chart's box (pdf.mar.ALSO_NAMED).
ALSO_NAMED = 3


def also_ordered_words(order: Order, others: Iterable[Order], order_form: FormSpec) -> str:
    """The flag of a medicine ordered twice, each other order as a nurse reads it, the first
    `ALSO_NAMED` then how many more (empty when none is): two identical lines due on the round
    said nothing of it, and 25 orders of one medicine made a dialog taller than the screen. One
    more is named, not counted: "and 1 more orders of it" ("et 1 autres prescriptions") said
    less than the order itself, in a plural. Another anticoagulant beside `order` is said as
    one (`ALSO_ANTICOAGULATED`): "more than one of these orders" read as "give only one" of a
    bridge the prescriber meant."""
    listed = list(others)
    anticoagulants = [other for other in listed if another_anticoagulant(order, other)]
    same = [other for other in listed if other not in anticoagulants]
    named = same if len(same) <= ALSO_NAMED + 1 else same[:ALSO_NAMED]
    orders = semicolon(language()).join(medication.order_reading(other, order_form, language()) for other in named)
    if len(same) > len(named):
        orders = word(AND_MORE).format(orders=orders, count=len(same) - len(named))
    beside = semicolon(language()).join(medication.order_reading(other, order_form, language())
                                        for other in anticoagulants)
    return " — ".join(filter(None, (word(ALSO_ORDERED).format(orders=orders) if orders else "",
                                    word(ALSO_ANTICOAGULATED).format(orders=beside) if beside else "")))


# A dose two laptops recorded otherwise (see medication.HeldDose): the words a chart's cell
# ends with, and what they mean as this laptop reads the dose.
DOSE_HELD = QT_TR_NOOP("DOSE ON HOLD")
DOSE_ON_HOLD = QT_TR_NOOP("DOSE ON HOLD: another laptop recorded this dose otherwise (perhaps not given, or withdrawn), "
                          "check it")
WITHDRAWN_ON_HOLD = QT_TR_NOOP("DOSE ON HOLD: withdrawn here, but another laptop recorded it otherwise (perhaps "
                               "given), check it before giving")
ONLY_ON_HOLD = QT_TR_NOOP("DOSE ON HOLD: not recorded on this laptop, but other laptops recorded it (perhaps given), "
                          "check it before giving")


def held_words(held: Iterable[HeldDose]) -> str:
    """What the doses on hold of one cell mean, each kind said once (empty when none is)."""
    kinds = {(not found.here, found.withdrawn) for found in held}
    return "\n".join(word(ONLY_ON_HOLD if elsewhere else WITHDRAWN_ON_HOLD if withdrawn else DOSE_ON_HOLD)
                     for elsewhere, withdrawn in sorted(kinds))


ROUND_TICK_MS = 60_000  # a dose's states are minutes apart (30 min late, 60 min overdue by default)
NOW_TICK_MS = 15_000  # the time a dose is given, filled in as now, is kept to the minute


def due_words(slot: datetime, now: datetime, recorded: bool, policy: RoundPolicy) -> str:
    """When a scheduled dose was due and where it stands now by the ward's round policy, as the
    round and the chart judge it (`dose_state`; MISSED past the round's window): opening the
    06:00 dose at 08:10, the nurse worked out for herself that it was over two hours late while
    the chart's cell said OVERDUE. A late or overdue dose is said in red. A dose recorded for
    that time already is late for nothing: only its time is said (Save questions a second)."""
    due = translate("DoseDialog", " due {time}").format(time=ward_time(slot, now.tzinfo))
    if recorded:
        return due
    state = dose_state(slot, now, None, policy)
    if state is DoseState.UPCOMING:
        return due + translate("DoseDialog", " — in {wait}").format(wait=duration_text(slot - now))
    if state is DoseState.DUE:
        return due + translate("DoseDialog", " — due now")
    late = duration_text(now - slot)
    said = (translate("DoseDialog", "MISSED: {late} overdue") if now - slot > medication.ROUND_WINDOW else
            translate("DoseDialog", "{late} overdue") if state is DoseState.OVERDUE else
            translate("DoseDialog", "{late} late"))
    return f'{due} — {warning_html(said.format(late=late))}'


def order_label(session: Session, order_id: str) -> str:
    """An order as its chart line names it ("Paracetamol 1 g PO")."""
    return medication.order_label(medication.order(session.db, order_id), session.form(medication.ORDER_FORM), language())


def as_required_words(session: Session, order: Order, at: datetime) -> tuple[str, bool]:
    """What an as-required order's doses come to at `at`, the time the dose is typed for
    (`medication.as_required_status`): the last dose of the medicine before it (when, how long
    before, who, and from which order if another), how many in the 24 hours up to it against the
    order's maximum, and those on hold that another laptop recorded as given (counted by Save as
    perhaps given), and when the next is allowed, with the medicine's own limit when it is that
    which holds it (4 h after a regular gram of paracetamol, whatever the order's interval), and an
    opioid the pain chart says to stop (medication.opioid_stopped), said instead of "a dose is
    allowed", which read above "stop the opioid"; a background dose in the day not counted beside
    this order's breakthrough ones (AsRequiredStatus.background), said apart, not as its last; and
    whether a dose then is too soon or questioned so, said in red. Said from now when the time is now (within the minute), from
    the time typed otherwise; how long, in real time (see `elapsed`): the night the clocks go
    forward, a wait of 3 h 45 min read 4 h 45. For an order loaded from the EHR's snapshot, that
    its doses before a moment are on the EHR's chart (see AsRequiredStatus.ehr_before)."""
    status, now = medication.as_required_status(session, order.record_id, at), session.clock()
    current = abs(at - now) < timedelta(minutes=1)

    def clock(moment: datetime) -> str:
        return ward_time(moment, now.tzinfo)

    when = clock(at)
    if status.last is None and status.background is not None:
        lines = [translate("DoseDialog", "No breakthrough dose recorded") if current else
                 translate("DoseDialog", "No breakthrough dose recorded before {at}").format(at=when)]
    elif status.last is None:
        lines = [translate("DoseDialog", "Last dose: none recorded") if current else
                 translate("DoseDialog", "Last dose before {at}: none recorded").format(at=when)]
    else:
        last = status.last
        said = (translate("DoseDialog", "Last dose: {time} ({ago} ago) by {who}") if current else
                translate("DoseDialog", "Last dose: {time} ({ago} before {at}) by {who}"))
        lines = [said.format(time=clock(last.at), ago=duration_text(elapsed.between(last.at, at)), at=when,
                             who=staff_of(session, last.given_by, last.device_id))]
        if last.order_id != order.record_id:
            lines[0] += translate("DoseDialog", ", from the order {order}").format(order=order_label(session, last.order_id))
    if (background := status.background) is not None:
        said = (translate("DoseDialog", "Background dose: {order} at {time} ({ago} ago) by {who}, not counted here")
                if current else
                translate("DoseDialog", "Background dose: {order} at {time} ({ago} before {at}) by {who}, not counted here"))
        lines.append(said.format(order=order_label(session, background.order_id), time=clock(background.at),
                                 ago=duration_text(elapsed.between(background.at, at)), at=when,
                                 who=staff_of(session, background.given_by, background.device_id)))
    if status.ehr_before is not None:  # loaded from the EHR's snapshot: its earlier doses are not counted here
        lines.append(translate("DoseDialog", "Doses before {time} are on the EHR's chart: check its last print "
                                             "before giving").format(time=clock(status.ehr_before)))
    for stretch in status.away:  # back from a ward charted on another laptop: its doses are not counted here
        lines.append(translate("DoseDialog", "NOT RECORDED HERE: the patient was on ward {ward} from {start} to {end}, "
                                             "charted on another laptop: check that ward's chart for doses given "
                                             "there before giving").format(
            ward=stretch.ward, start=clock(stretch.start), end=clock(stretch.end)))
    if current:
        counted = (translate("DoseDialog", "Given in the last 24 h: {count}, at most {limit}")
                   if order.max_doses_24h is not None else translate("DoseDialog", "Given in the last 24 h: {count}"))
    else:
        counted = (translate("DoseDialog", "Given in the 24 h up to {at}: {count}, at most {limit}")
                   if order.max_doses_24h is not None else translate("DoseDialog", "Given in the 24 h up to {at}: {count}"))
    lines.append(counted.format(count=len(status.recent), limit=order.max_doses_24h, at=when))
    if order.max_doses_24h is not None and status.amount is not None and abs(
            status.amount - len(status.recent) * order.dose) > 1e-9:  # doses of another size: the count misleads
        most = order.dose * order.max_doses_24h
        unit, scale = unit_read(most, order.dose_unit)
        order_form = session.form(medication.ORDER_FORM)
        lines[-1] += translate("DoseDialog", " — {amount}, at most {most}").format(
            amount=medication.dose_words(order_form, status.amount * scale, unit, language()),
            most=medication.dose_words(order_form, most * scale, unit, language()))
    others: dict[str, list[str]] = {}
    for dose in status.recent:
        if dose.order_id != order.record_id:
            others.setdefault(dose.order_id, []).append(clock(dose.at))
    if others:
        lines[-1] += translate("DoseDialog", "; of them from another order of the same medicine: {doses}").format(
            doses=semicolon(language()).join(f"{', '.join(times)} ({order_label(session, other)})" for other, times in others.items()))
    if status.on_hold:
        lines[-1] += translate("DoseDialog", "; on hold, perhaps given: {doses}").format(
            doses=", ".join(clock(dose.at) for dose in status.on_hold))
    stopped = [warning.text(language()) for warning in medication.opioid_stopped(session, order, at)]
    if status.next_at is None:
        lines += stopped or [translate("DoseDialog", "A dose is allowed now") if current else
                             translate("DoseDialog", "A dose is allowed at {at}").format(at=when)]
    else:
        said = (translate("DoseDialog", "Next dose allowed from {time} (in {wait})") if current else
                translate("DoseDialog", "Next dose allowed from {time} ({wait} after {at})"))
        wait = duration_text(elapsed.between(at, status.next_at))
        lines.append(said.format(time=clock(status.next_at), wait=wait, at=when))
        if status.held_by is not None:  # the medicine's own limit, not the order's: say which
            lines[-1] += f" — {status.held_by.text(language())}"
        lines += stopped
    return "\n".join(lines), status.next_at is not None or bool(stopped)


def sites_words(session: Session, order: Order, on: Iterable[Administration]) -> str:
    """For a patch, each of its medicine's patches still on (`on`: medication.on_before), when,
    where and by whom, to take off before the new one goes on; for any other order, where its last
    doses went, latest first (medication.last_sites), for the next to go elsewhere. Empty when
    neither is known."""
    def when(dose: Administration) -> str:
        return ward_time(dose.at, session.clock().tzinfo)

    patches = [translate("DoseDialog", "CURRENT PATCH: applied {time}, {site}, by {who} — remove it before applying "
                                       "the new one").format(
        time=when(dose), site=dose.site or translate("DoseDialog", "site not recorded"),
        who=staff_of(session, dose.given_by, dose.device_id)) for dose in on]
    if patches:
        return "\n".join(patches)
    last = medication.last_sites(session.db, order)
    return translate("DoseDialog", "Last sites: {sites}").format(
        sites=semicolon(language()).join(f"{when(dose)} {dose.site}" for dose in last)) if last else ""


class DoseDialog(QDialog):
    """`recorded` fires with the saved record."""

    recorded = Signal(object)

    def __init__(self, session: Session, order: Order, slot: datetime | None, parent: QWidget | None = None,
                 draft_id: str | None = None, *, from_chart: bool = False):
        """`from_chart`: opened from the chart's cell of `slot`, where a past dose is typed in
        from the paper chart (see `from_slot`); from the round, a late dose is being given now."""
        super().__init__(parent)
        self.session, self.order, self.slot = session, order, slot
        self.draft_id = draft_id or str(uuid.uuid4())
        self.set_aside = False  # closed for the next person: see `hand_over`
        self.override_edits: dict[tuple[Check, str], QLineEdit] = {}
        """Each warning shown, by its kind and its message, with the box its reason is typed in."""
        self.setWindowTitle(translate("DoseDialog", "Record a dose"))
        # With the beds of their namesakes on the ward: the dialog said nothing of Mr Martin in bed 31
        # to the nurse giving Mr Martin in bed 12 his dose.
        patient = with_namesakes(session.db, session.forms, [patient_with_location(session.db, session.forms,
                                                                                  order.patient_id)])[0]
        # All but the refusal and the buttons scrolled: at 20 points and 125 %, in French, a controlled
        # drug's dose was 888 pixels tall on a 582-pixel screen, Save under the taskbar.
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(identity_label(patient, held=admission_on_hold(session, patient),
                                        enteric=enteric_isolation(session, patient)))
        # A child's age and weight, which their doses are worked out from (see child_label).
        self.child = child_label(session, patient)
        if self.child is not None:
            layout.addWidget(self.child)
        self.order_line = QLabel()
        self.order_line.setWordWrap(True)  # a controlled, high-alert order's flags ran off the dialog's edge
        layout.addWidget(self.order_line)
        self.band = BandCheck(session, patient)  # a wristband scanned here: this patient's or not
        layout.addWidget(self.band)
        self.policy = settings.round_policy(session.db)  # the round's thresholds (see `due_words`)
        follow_view(self.order_line, self._say_order)  # its lateness in the red of the mode shown
        if slot is not None:
            self.due_timer = QTimer(self)  # the dialog may stay open while the dose is fetched
            self.due_timer.timeout.connect(self._say_order)
            self.due_timer.start(ROUND_TICK_MS)
        if records.on_hold(session, [order.record_id]):
            self.on_hold = QLabel(word(ORDER_ON_HOLD))
            self.on_hold.setStyleSheet(ERROR_STYLE)
            layout.addWidget(self.on_hold)
        if said := also_ordered_words(order, medication.also_ordered_for(session.db, order, slot, session.clock()),
                                      session.form(medication.ORDER_FORM)):
            self.also_ordered = QLabel(said)
            self.also_ordered.setWordWrap(True)
            self.also_ordered.setStyleSheet(ERROR_STYLE)
            layout.addWidget(self.also_ordered)
        if said := held_words(medication.held_for_dose(session.db, order, slot, session.clock())):
            self.dose_on_hold = QLabel(said)
            self.dose_on_hold.setWordWrap(True)
            self.dose_on_hold.setStyleSheet(ERROR_STYLE)
            layout.addWidget(self.dose_on_hold)
        self.resumed = ErrorLabel(only_when_said=True)  # a draft reopened: said not recorded (see `restore`)
        layout.addWidget(self.resumed)
        # Given long after its time, or not given before it (see `_judge_time`).
        self.timing = ErrorLabel(only_when_said=True)
        layout.addWidget(self.timing)
        # The order's own thresholds, as the round's (a time-critical dose is late after 15 minutes).
        judged = policy_for(order, self.policy)
        self.due_before, self.late_after = judged.due_before, judged.late_after
        # A variable dose's rule, whole, above the dose box left empty for what it gives now.
        self.rule: QLabel | None = None
        if (rule := medication.rule_words(order, language())) is not None:
            self.rule = QLabel(rule)
            self.rule.setWordWrap(True)
            self.rule.setStyleSheet("font-weight: bold")
            layout.addWidget(self.rule)
        # Where the patch on is, or where the last injections went (see `sites_words`): the next
        # nurse found an empty Site box and nothing of the patch to take off.
        self.patch_on = medication.on_before(session.db, order) if patch(order) else []
        self.sites: QLabel | None = None
        if said := sites_words(session, order, self.patch_on):
            self.sites = QLabel(said)
            self.sites.setWordWrap(True)
            self.sites.setStyleSheet(ERROR_STYLE if self.patch_on else "font-weight: bold")
            layout.addWidget(self.sites)
        self.as_required: QLabel | None = None
        if order.frequency is Frequency.PRN:
            self.as_required = QLabel()
            self.as_required.setWordWrap(True)
            layout.addWidget(self.as_required)
        form = QFormLayout()
        # In the dialog's body before its rows are: a row shown (`_outcome_changed`) before was a
        # window of its own, for an instant.
        layout.addLayout(form)
        # A field under its label where the two do not fit side by side (French, the largest text).
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.outcome = QComboBox()
        self.outcome.addItems([translate("DoseDialog", "Given"), translate("DoseDialog", "Not given")])
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        now = session.clock()
        # The time filled in, and the moment it stands for (see `_given_at`): a chart's cell of a
        # time past its round's lateness (last night's, typed in from the paper chart) opens at
        # that time, for the nurse to correct the minutes; it opened as now, two days on.
        self.from_slot = from_chart and slot is not None and now - slot >= self.late_after
        start = slot if self.from_slot and slot is not None else now
        self.filled_in = (start.strftime("%d/%m/%Y %H:%M"), start)
        self.given_at = QLineEdit(self.filled_in[0])
        # Left as filled in, the time given is the moment saved: opened at 02:00 and saved at the
        # bedside at 02:45, a dose was recorded at 02:00, the next as-required one allowed from
        # 06:00, and a controlled drug's register line dated 02:00. Not a draft's (`restore`).
        self.keeps_now = not self.from_slot
        self.locked_at: datetime | None = None
        """When the laptop locked over the dialog while its time followed the clock (see `locked`)."""
        self.now_timer = QTimer(self)
        self.now_timer.timeout.connect(self._keep_now)
        if self.keeps_now:
            self.now_timer.start(NOW_TICK_MS)
        now_when_typed(self.given_at, language(), self._now_typed)
        hint_whole(self.given_at)
        self.dose = QLineEdit(decimal_text(order.dose, language()) if order.dose_rule is None else "")
        self.band.amount = self.dose
        self.route = QLineEdit(order.route)
        self.site = QLineEdit()
        # The rate this bag runs at, the order's as filled in (see the dose form's `rate_ml_h`).
        self.rate = QLineEdit("" if order.rate_ml_h is None else decimal_text(order.rate_ml_h, language()))
        # What became of the patch on (`patch_on`), chosen by the nurse: never filled in for her.
        self.previous_patch = QComboBox()
        self.previous_patch.addItem("", None)
        for option in offered(session.form(medication.DOSE_FORM).field(medication.PREVIOUS_PATCH)):
            self.previous_patch.addItem(option.label.get(session.lang), option.code)
        # Why an as-required dose is given, asked of it alone (see Order.asks_why_given).
        self.given_for = QLineEdit()
        self.given_for.setMaxLength(session.form(medication.DOSE_FORM).field("given_for").max_length)
        self.given_for.setPlaceholderText(translate("DoseDialog", "e.g. pain 7/10, nausea after lunch"))
        hint_whole(self.given_for)
        # What a variable dose was decided on, asked of it alone (see Order.asks_reading).
        self.decided_on = QLineEdit()
        self.decided_on.setMaxLength(session.form(medication.DOSE_FORM).field(medication.DECIDED_ON).max_length)
        self.decided_on.setPlaceholderText(translate("DoseDialog", "e.g. capillary glucose 13.2 mmol/L, INR 2.4"))
        hint_whole(self.decided_on)
        # The glucose chart's latest reading beside it, and the box filled with it when recent (not for
        # a dose typed from paper, whose own is on the paper): typed from memory, another patient's
        # "15.1" was given insulin on a chart saying 5.1 (see glucose.for_the_dose). For warfarin, the
        # latest INR likewise (anticoagulation.for_the_dose): yesterday's 2.4 was typed over today's 5.8.
        chart_said, measured = glucose.for_the_dose(session.db, order, start, language())
        if not chart_said:
            chart_said, measured = anticoagulation.for_the_dose(session.db, order, start, language())
        self.latest_glucose = QLabel(chart_said)
        self.latest_glucose.setWordWrap(True)
        self.decided_on.setText("" if self.from_slot else measured)
        # The form's own answers, as the chart and its key write them (a list of the dialog's own
        # gave French letters F and W where the chart says J and S); not one the form retired, nor
        # "none by its rule" for an order with no rule (see reason_offered).
        self.reasons = [(option.code, option.label.get(session.lang))
                        for option in offered(session.form(medication.DOSE_FORM).field("not_given_reason"))
                        if reason_offered(order, option.code)]
        self.reason = QComboBox()
        self.reason.addItems([""] + [label for _, label in self.reasons])
        self.away = order.patient_id in missing_patient.missing_now(session.db, session.forms, [order.patient_id], start,
                                                                    session.lang)
        """The patient recorded missing at the dose's time (see `_reason_index`)."""
        self.reason.setCurrentIndex(self._reason_index(None))
        self.detail = QLineEdit()
        add_row(form, translate("DoseDialog", "&Outcome"), self.outcome)
        add_row(form, translate("DoseDialog", "Actual &time"), self.given_at)
        # The unit as the order form words it ("comprimé(s)"), not its stored code ("tablet").
        unit = format_value(session.form(medication.ORDER_FORM).field("dose_unit"), order.dose_unit, language())
        add_row(form, translate("DoseDialog", "&Dose given ({unit})").format(unit=unit), self.dose)
        add_row(form, translate("DoseDialog", "&Route"), self.route)
        add_row(form, translate("DoseDialog", "Reason &given (as required)"), self.given_for)
        add_row(form, translate("DoseDialog", "&Measured value (variable dose)"), self.decided_on)
        form.addRow("", self.latest_glucose)
        # A letter each (Site shared T with the time, and Alt+T never reached it; Details had none).
        add_row(form, translate("DoseDialog", "Sit&e"), self.site)
        # A dose given under a covert decision (medication.covert_at, at the dose's time: not the
        # 10:00 dose typed in from the chart, the decision made at 11:30): ticked, for the nurse to
        # untick when the patient took it openly that time; the chart, the MARs and the EHR then say
        # which (GIVEN_COVERTLY). Unticked when the standing assessment of medicines says HAS
        # capacity (services.capacity.capable_at): a capable person may refuse, and ticked it was
        # saved covert with nothing asked; ticked by the nurse, Save asks why (capacity.dose_warnings).
        self.covert_decided = medication.covert_at(session.db, order, start) is not None
        self.covertly = QCheckBox(translate("DoseDialog", "Given covertl&y (disguised in food or drink)"))
        self.covert_ticked = self.covert_decided and capacity.capable_at(session.db, order.patient_id, start) is None
        self.covertly.setChecked(self.covert_ticked)
        form.addRow(self.covertly)
        add_row(form, translate("DoseDialog", "Infusion rate (m&L/h)"), self.rate)
        add_row(form, translate("DoseDialog", "Previous patc&h"), self.previous_patch)
        add_row(form, translate("DoseDialog", "Reason &not given"), self.reason)
        add_row(form, translate("DoseDialog", "Deta&ils"), self.detail)
        # Who gave it, when not whoever types it (a dose given on paper in the night), from the
        # staff who may give one; the signed-in nurse first, chosen as the dialog opens. Those
        # deactivated since are listed once the dose is ticked from the paper chart (see `fill_staff_choice`).
        self.given_by = staff_choice(session, first=session.user.staff_id)
        add_row(form, translate("DoseDialog", "Given &by (if not you)"), self.given_by)
        # A controlled drug, a high-alert medicine or a student nurse's dose given now by that
        # colleague: they confirm it with their PIN, as the witness, second checker or supervisor
        # does (see medication.record_dose); a PIN typed for one giver is never tried as another's.
        self.giver_pin = pin_box()
        add_row(form, translate("DoseDialog", "Gi&ver's PIN"), self.giver_pin)
        self.given_by.currentIndexChanged.connect(self.giver_pin.clear)
        # A dose typed in from the paper chart kept while the laptop was down: its witness is named
        # as the paper has them, their PIN not asked (see medication.record_dose).
        self.transcribed = QCheckBox(translate("DoseDialog", "Transcribed &from the paper chart"))
        form.addRow(self.transcribed)
        # Where on the paper it is written, asked of a dose ticked so, for the records office to find it.
        reference = session.form(medication.DOSE_FORM).field(medication.PAPER_REFERENCE)
        self.paper_reference = QLineEdit()
        self.paper_reference.setMaxLength(reference.max_length)
        self.paper_reference.setPlaceholderText(reference.help.get(session.lang) if reference.help else "")
        add_row(form, translate("DoseDialog", "Paper &chart reference"), self.paper_reference)
        self.transcribed.toggled.connect(
            lambda on_paper: fill_staff_choice(self.given_by, session, session.user.staff_id, on_paper=on_paper))
        self.transcribed.toggled.connect(self._outcome_changed)
        self.form = form
        self.register_page = self._register_pages()
        # A page for another form than the route's (the oral solution's for a dose SC), chosen: said under it.
        self.page_warning = ErrorLabel()
        if order.controlled:
            add_row(form, translate("DoseDialog", "Stoc&k from register page"), self.register_page)
            form.addRow(self.page_warning)
            self.register_page.currentIndexChanged.connect(self._page_chosen)
        # The second clinician a dose given is signed by (see medication.dose_check): a controlled
        # drug's witness, a high-alert medicine's second check, or a student nurse's supervisor, in
        # the same boxes under their own words (`CHECK_WORDS`), as the giver chosen asks.
        self.check: cd_register.SecondCheck | None = None
        self.witness_id = QLineEdit()
        self.witness_pin = pin_box()
        self.witness_on_paper = QComboBox()
        self.check_heading = QLabel()
        self.check_heading.setStyleSheet("font-weight: bold")
        form.addRow(self.check_heading)
        for box, label in zip((self.witness_id, self.witness_pin, self.witness_on_paper),
                              CHECK_WORDS[cd_register.WITNESS][1:], strict=True):
            add_row(form, translate("DoseDialog", label), box)  # each check's own words: `_check_changed`
        self._check_changed()
        self.given_by.currentIndexChanged.connect(self._check_changed)
        self.warnings = QFormLayout()
        self.warnings.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout.addLayout(self.warnings)
        # A message gone (the time typed again, a warning answered) leaves the dialog as tall as it
        # grew (see grow_to_fit): the room it leaves under the last row, not between the identity and the order.
        layout.addStretch(1)
        self.area = Scrolled(body)
        outer = QVBoxLayout(self)
        outer.addWidget(self.area, 1)
        self.error = ErrorLabel(only_when_said=True)
        outer.addWidget(self.error)
        self.save_button = QPushButton(translate("DoseDialog", "&Save dose (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        outer.addWidget(self.save_button)
        # A draft whose dose was recorded since (see `restore`); never the button Enter presses.
        self.discard = QPushButton(translate("DoseDialog", "Disc&ard this draft"))
        self.discard.setAutoDefault(False)
        self.discard.clicked.connect(self.reject)
        self.discard.hide()
        outer.addWidget(self.discard)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        self._outcome_changed()
        self._judge_as_required()
        self._judge_time()
        self.given_at.textChanged.connect(self._judge_as_required)
        self.given_at.textChanged.connect(self._judge_time)
        self.outcome.currentIndexChanged.connect(self._judge_time)
        for edit in (self.given_at, self.dose, self.route, self.given_for, self.decided_on, self.site, self.rate,
                     self.detail, self.paper_reference):
            edit.textChanged.connect(self._keep_typed)
        for combo in (self.outcome, self.reason, self.given_by, self.previous_patch):
            combo.currentIndexChanged.connect(self._keep_typed)
        self.reason.currentIndexChanged.connect(self._outcome_changed)  # none by its rule asks the reading
        self.transcribed.toggled.connect(self._keep_typed)
        self.covertly.toggled.connect(self._keep_typed)

    def typed(self) -> dict[str, Any]:
        """What is typed, as typed, with the dose it is for and the moment its time was filled
        in at; never the witness's PIN (nor their ID: they sign when the dose is saved)."""
        index = self.reason.currentIndex()
        # The reason the nurse chose alone (see `_reason_index`): the one chosen for her, kept, came
        # back after the patient's return, and a draft typed before they went missing lost it.
        chosen = index > 0 and (self.outcome.currentIndex() == 1 or index != self._reason_index(None))
        return {"order": self.order.record_id, "scheduled_for": self.slot.isoformat() if self.slot else None,
                "filled_in": [self.filled_in[0], self.filled_in[1].isoformat()],
                "outcome": "given" if self.outcome.currentIndex() == 0 else "not_given",
                "given_at": self.given_at.text(), "dose_given": self.dose.text(), "route": self.route.text(),
                "given_for": self.given_for.text(), medication.DECIDED_ON: self.decided_on.text(),
                "site": self.site.text(), medication.GIVEN_COVERTLY: self.covertly.isChecked(),
                medication.DOSE_RATE: self.rate.text(),
                medication.PREVIOUS_PATCH: self.previous_patch.currentData(),
                "not_given_reason": self.reasons[index - 1][0] if chosen else None,
                "not_given_detail": self.detail.text(), "given_by": self.given_by.currentData(),
                "transcribed": self.transcribed.isChecked(), "paper_reference": self.paper_reference.text(),
                "register_page": self.register_page.currentData()}

    def _reason_index(self, code: str | None) -> int:
        """Where the reason not given stands: at `code` (a draft's) while the form offers it, else
        as the dialog opens, "A — Patient away from ward" for a patient recorded missing (`away`),
        the nurse free to change it (the dialog said the patient missing, and she had to find
        "away" among eight reasons), blank for the others; a reason the form retired since a draft
        was typed is asked again, not kept."""
        codes = [one for one, _ in self.reasons]
        chosen = code if code in codes else NotGivenReason.PATIENT_AWAY if self.away else None
        return 1 + codes.index(chosen) if chosen in codes else 0

    def restore(self, typed: dict[str, Any], typed_at: datetime) -> None:
        """A dose typed before and left unsaved (its nurse's window closed for someone else, or
        the laptop stopped), as it was typed, its time still the moment it was filled in at, and
        said not recorded: she must not take it for given on the chart. Safety warnings are
        checked again at Save, and the witness signs then."""
        text, moment = typed["filled_in"]
        self.filled_in = (text, datetime.fromisoformat(moment))
        self.keeps_now = False
        self.outcome.setCurrentIndex(0 if typed["outcome"] == "given" else 1)
        for edit, key in ((self.given_at, "given_at"), (self.dose, "dose_given"), (self.route, "route"),
                          (self.site, "site"), (self.detail, "not_given_detail")):
            edit.setText(typed[key])
        self.given_for.setText(typed.get("given_for", ""))  # a draft typed before the dialog asked it has none
        self.decided_on.setText(typed.get(medication.DECIDED_ON, ""))
        # A draft typed before the dialog asked it keeps the order's.
        self.covertly.setChecked(typed.get(medication.GIVEN_COVERTLY, self.covert_ticked))
        if medication.DOSE_RATE in typed:  # a draft typed before the dialog asked it keeps the order's
            self.rate.setText(typed[medication.DOSE_RATE])
        self.previous_patch.setCurrentIndex(max(0, self.previous_patch.findData(typed.get(medication.PREVIOUS_PATCH))))
        self.transcribed.setChecked(bool(typed.get("transcribed")))  # first: a giver deactivated since is listed then
        self.given_by.setCurrentIndex(max(0, self.given_by.findData(typed.get("given_by") or self.session.user.staff_id)))
        self.paper_reference.setText(typed.get("paper_reference", ""))  # a draft typed before the dialog asked it has none
        if (page := self.register_page.findData(typed.get("register_page"))) >= 0:  # the page chosen, if still a page
            self.register_page.setCurrentIndex(page)
        self.reason.setCurrentIndex(self._reason_index(typed["not_given_reason"]))
        recorded = medication.recorded_for(self.session.db, self.order, self.slot) if self.slot else None
        zone = self.session.clock().tzinfo
        if recorded is None:
            self.resumed.setText(translate("DoseDialog", "NOT RECORDED YET: typed at {time} and left unsaved. Check it, "
                                                         "then save it, or cancel it.").format(time=ward_time(typed_at, zone)))
            return
        # Recorded another way since (again from the round): offered as "not recorded yet", its
        # Save then warned "already given", and nothing said by whom or when.
        said = (translate("DoseDialog", "ALREADY RECORDED: the {slot} dose was recorded as given at {time} by {who}. "
                                        "Discard this draft (typed at {typed}), unless that record is wrong.")
                if recorded.outcome is Outcome.GIVEN else
                translate("DoseDialog", "ALREADY RECORDED: the {slot} dose was recorded as not given at {time} by "
                                        "{who}. Discard this draft (typed at {typed}), unless that record is wrong."))
        self.resumed.setText(said.format(slot=ward_time(self.slot, zone, "%H:%M"), time=ward_time(recorded.at, zone),
                                         who=staff_of(self.session, recorded.given_by, recorded.device_id),
                                         typed=ward_time(typed_at, zone)))
        self.discard.show()

    def _say_order(self) -> None:
        """The order, when its dose was due and how late it is now (see `due_words`), and its
        flags; said again each minute the dialog stays open, as the round reads its lines again."""
        order, slot = self.order, self.slot
        if slot is None and order.prn_indication:
            # What the prescriber ordered it for ("pain score > 4"), as the paper MAR's line gives it:
            # the dialog said "(as required)" alone, and the nurse opened the order to read it.
            when = translate("DoseDialog", " (as required: {why})").format(why=html.escape(order.prn_indication))
        elif slot is None:
            when = translate("DoseDialog", " (as required)")
        else:
            recorded = medication.recorded_for(self.session.db, order, slot) is not None
            when = due_words(slot, self.session.clock(), recorded, policy_for(order, self.policy))
        flags = _whole(translate("DoseDialog", " — CONTROLLED DRUG: witness required")) if order.controlled else ""
        flags += _whole(translate("DoseDialog", " — HIGH-ALERT medicine: second check required")) \
            if order.high_alert and not order.controlled else ""
        flags += _whole(translate("DoseDialog", " — HIGH-ALERT medicine")) if order.high_alert and order.controlled else ""
        flags += _whole(translate("DoseDialog", " — TIME-CRITICAL: give within 30 minutes of its time")) \
            if order.time_critical else ""
        flags += _whole(translate("DoseDialog", " — VARIABLE DOSE: type what its rule gives")) if order.dose_rule else ""
        flags += _whole(translate("DoseDialog", " — TELEPHONE ORDER: not countersigned yet")) if order.awaiting_since else ""
        # How a covert order's dose is given, as the round and the MARs say it: the nurse who found
        # the dose refused, its decision in a doctor's note alone, charted "refused" again.
        if said := covert.flag(order, self.session.clock(), language()):
            flags += f" — {html.escape(said)}"
        # And when no capacity assessment supports it, that: the doctor is asked before it is given.
        if said := capacity.covert_flags(self.session.db, [order], self.session.clock(), language()).get(order.record_id):
            flags += f" — {warning_html(html.escape(said))}"
        # A patient recorded missing from the ward, as the round says it by the name: the dialog
        # opened on "Given" and said nothing of it until Save asked.
        if said := missing_patient.missing_now(self.session.db, self.session.forms, [order.patient_id],
                                               self.session.clock(), language()).get(order.patient_id):
            flags += f" — {warning_html(html.escape(said))}"
        # A failed swallow screen, of a medicine by mouth: the dialog opened on "Given" and said
        # nothing of it until Save asked (services.swallow_screen.dose_warnings).
        if by_mouth(order.route) and (said := swallow_screen.ward_lines(
                self.session.db, self.session.forms, [order.patient_id], self.session.clock(), language()).get(
                    order.patient_id)):
            flags += f" — {warning_html(html.escape(said))}"
        # An order by nasogastric tube: its position to confirm, or no tube charted in (said, not
        # asked: services.devices.tube_said); Save asks the first (devices.dose_warnings).
        if by_tube(order.route) and (said := devices.tube_said(self.session.db, order.patient_id,
                                                               self.session.clock(), language())):
            flags += f" — {warning_html(html.escape(said))}"
        # An order stopped (paracetamol at 21:00, its liver tests deranged) opened for a dose at
        # 23:00 said nothing of it until Save warned.
        if order.stop_at is not None and elapsed.reached(order.stop_at, self.session.clock()):
            flags += " " + html.escape(translate("DoseDialog", "— STOPPED {time}: no dose is due after it").format(
                time=ward_time(order.stop_at, self.session.clock().tzinfo)))
        label = medication.order_label(order, self.session.form(medication.ORDER_FORM), language())
        self.order_line.setText(f"<b>{html.escape(label)}</b>{when}{flags}")
        grow_to_fit(self)  # "due now" become "1 h 05 min overdue" may take a second line

    def _judge_as_required(self) -> None:
        """An as-required order's summary, for the actual time as typed: worked out once as the
        dialog opened, it said what 09:00 allowed while the nurse typed the 14:30 she gave the
        dose at. A time half typed, or unreadable, leaves the last time read said."""
        if self.as_required is None:
            return
        try:
            at = self._given_at()
        except ParseError:
            return
        said, too_soon = as_required_words(self.session, self.order, at)
        self.as_required.setText(said)
        self.as_required.setStyleSheet(ERROR_STYLE if too_soon else "")
        grow_to_fit(self)  # the time typed may add a line (a dose from another order, one on hold)

    def _judge_time(self) -> None:
        """A scheduled dose given after the round reads it late (30 minutes after its time by
        default) says how late that is: opened from the round's OVERDUE or MISSED line, its actual
        time read now, and Save recorded the 08:00 dose given on the morning round and charted at
        14:00 as given at 14:00, or yesterday's as given today, hours before the next, without a
        word (only a dose missed over 12 hours was said). One not given before it falls due says which reasons may be recorded so early (see
        medication.offered_only): a refusal of the 22:00 dose typed at 08:00 took it off the
        round. A time filled in left as it was when the laptop locked (see `locked`) says so first,
        an as-required dose's too. A time half typed, or unreadable, leaves the last time read said."""
        if self.slot is None and self.locked_at is None:
            return
        try:
            at = self._given_at()
        except ParseError:
            return
        untouched, zone = self.given_at.text() == self.filled_in[0], self.session.clock().tzinfo
        if self.locked_at is not None and untouched:
            said = translate("DoseDialog", "THE LAPTOP LOCKED AT {time}: the actual time stays as filled in before "
                                           "it. Correct it to the time the dose was given, or to now if it is given "
                                           "now.").format(time=ward_time(self.locked_at, zone))
        elif self.slot is None:
            said = ""
        elif self.from_slot and untouched:
            said = translate("DoseDialog", "ACTUAL TIME FILLED IN AT ITS SCHEDULED TIME ({slot}): correct it to the "
                                           "time on the paper chart, or to now if the dose is given now.").format(
                slot=ward_time(self.slot, zone))
        elif self.outcome.currentIndex() == 0 and at - self.slot >= self.late_after:
            said = translate("DoseDialog", "GIVEN {late} AFTER ITS TIME ({slot}): if it was given at its time, type "
                                           "that time; if it was not given, record it not given.").format(
                late=duration_text(at - self.slot), slot=ward_time(self.slot, zone))
        elif self.outcome.currentIndex() == 1 and before_due(at, self.slot, self.due_before):
            said = translate("DoseDialog", "NOT DUE UNTIL {due}: only nil by mouth, held or other can be recorded "
                                           "before then, with a reason.").format(
                due=ward_time(self.slot - self.due_before, zone))
        else:
            said = ""
        self.timing.setText(said)

    def _keep_typed(self) -> None:
        try:
            drafts.save_draft(self.session, self.draft_id, medication.DOSE_FORM, self.typed(),
                              patient_id=self.order.patient_id)
        except DatabaseError as problem:
            self.error.setText(write_failure(problem, self.session.lang, draft=True))

    def hand_over(self) -> None:
        """Closed for the next person to sign in (at the lock screen, or its nurse's account
        deactivated): what she typed stays her draft, offered again at her next sign-in."""
        self.set_aside = True
        self.close()

    def reject(self) -> None:
        """Cancelled by its nurse (Escape, or the window closed): the dose is not to be recorded,
        and nothing of it is kept."""
        if not self.set_aside:
            drafts.discard_draft(self.session, self.draft_id)
        super().reject()

    def _outcome_changed(self) -> None:
        given = self.outcome.currentIndex() == 0
        for widget in (self.dose, self.route, self.site, self.given_by):
            self.form.setRowVisible(widget, given)
        self.form.setRowVisible(self.covertly, given and self.covert_decided)
        self.form.setRowVisible(self.given_for, given and self.order.asks_why_given)
        read = (given or self._by_rule()) and self.order.asks_reading
        self.form.setRowVisible(self.decided_on, read)
        self.form.setRowVisible(self.latest_glucose, read and bool(self.latest_glucose.text()))
        for widget in (self.reason, self.detail):
            self.form.setRowVisible(widget, not given)
        self.form.setRowVisible(self.rate, given and self.order.rate_ml_h is not None)
        self.form.setRowVisible(self.previous_patch, bool(self.patch_on))  # taken off whether one is given or not
        on_paper = self.transcribed.isChecked()
        self.form.setRowVisible(self.paper_reference, on_paper)
        # The second check, signed with a PIN for a dose given now, named from the paper chart for
        # one typed from it when the paper has a place for it (see medication.record_dose).
        checked = given and self.check is not None
        self.form.setRowVisible(self.check_heading, checked and not on_paper and bool(self.check_heading.text()))
        for widget in (self.witness_id, self.witness_pin):
            self.form.setRowVisible(widget, checked and not on_paper)
        self.form.setRowVisible(self.witness_on_paper, checked and on_paper and bool(self.check and self.check.named))
        self.form.setRowVisible(self.giver_pin, self._giver_confirms())
        if self.order.controlled:
            self.form.setRowVisible(self.register_page, given and self.page_shown)
            self.form.setRowVisible(self.page_warning, given and self.page_shown and bool(self.page_warning.text()))
        grow_to_fit(self)  # the rows shown may be more (a paper chart's reference): scrolled only where the screen is short

    def _by_rule(self) -> bool:
        """Whether the dose is being recorded not given as none by its rule, which says its reading."""
        index = self.reason.currentIndex()
        return self.outcome.currentIndex() == 1 and bool(index) and self.reasons[index - 1][0] == NotGivenReason.BY_RULE

    def _register_pages(self) -> QComboBox:
        """The pages of the ward's register a controlled drug's dose may be taken from, each with
        what it holds (see cd_register.cd_pages_for): the order's own page, or the only one,
        chosen; an empty line first when several are and none is the order's own, or when the
        only one is for another form than the route's (cd_register.wrong_form: the nurse chooses
        it, warned). Shown when there is a choice or the page is not the order's own
        (`page_shown`): a "Morphine sulfate" order's dose was refused for the cupboard's
        "Morphine" page, and with two morphine pages (injection, oral solution) the nurse says which."""
        combo = QComboBox()
        self.page_shown = False
        self.pages: list[cd_register.Stock] = []
        if not self.order.controlled:
            return combo
        ward, pages = cd_register.dose_pages(self.session.db, self.order, self.session.clock())
        self.pages = pages
        chosen = cd_register.default_page(pages, self.order)
        own = cd_register.cd_page(pages, self.order.drug, self.order.dose_unit)
        self.page_shown = len(pages) > 1 or bool(pages) and own is None
        if chosen is None and pages:
            combo.addItem("", None)
        for page in pages:
            combo.addItem(translate("DoseDialog", "{drug} — ward {ward} holds {balance} {unit}").format(
                drug=page.drug, ward=ward, balance=decimal_text(page.balance, language()), unit=page.unit),
                page.drug)
        if chosen is not None:
            combo.setCurrentIndex(combo.findData(chosen.drug))
        return combo

    def _page_chosen(self) -> None:
        """The page chosen said under it when it is for another form, release or strength than the
        order's (cd_register.wrong_form), found in whichever unit it counts the dose in
        (cd_register.page_of): a page of capsules was looked for in the order's mg."""
        page = cd_register.page_of(self.pages, self.register_page.currentData() or "", self.order)
        problem = cd_register.wrong_form(page, self.order) if page is not None else None
        self.page_warning.setText(problem.text(language()) if problem else "")
        self._outcome_changed()

    def _check_changed(self) -> None:
        """The second check the giver chosen asks for (a student nurse's dose: a ward nurse's
        supervision, whatever the medicine), its rows in its own words, and those listed to sign it
        from the paper chart only those of the roles that sign it: a student was offered as a
        controlled drug's witness."""
        giver = self.given_by.currentData()
        self.check = medication.dose_check(self.session, self.order,
                                           None if giver == self.session.user.staff_id else giver)
        heading, staff_id, pin, on_paper = CHECK_WORDS.get(self.check, CHECK_WORDS[cd_register.WITNESS])
        self.check_heading.setText(translate("DoseDialog", heading) if heading else "")
        for box, label in ((self.witness_id, staff_id), (self.witness_pin, pin), (self.witness_on_paper, on_paper)):
            text = translate("DoseDialog", label)
            self.form.labelForField(box).setText(text)
            named(box, text)
        if self.check is not None:
            fill_staff_choice(self.witness_on_paper, self.session, None, on_paper=True, roles=self.check.signers)
        self._outcome_changed()

    def _giver_confirms(self) -> bool:
        """Whether the giver types their PIN: a controlled drug, a high-alert medicine or a student
        nurse's dose given now by someone other than the nurse signed in (see medication.record_dose)."""
        return (self.check is not None and self.outcome.currentIndex() == 0 and not self.transcribed.isChecked()
                and self.given_by.currentData() != self.session.user.staff_id)

    def _keep_now(self) -> None:
        """The time filled in kept at the clock's while the nurse leaves it (see `now_timer`)."""
        if self.keeps_now and self.given_at.text() == self.filled_in[0]:
            self._fill_now()

    def _now_typed(self) -> None:
        """Now typed in the time box (see now_typed), as in a form's: the time filled in as now and
        following the clock again until Save, as a dose opened on the round does, whether the box
        opened at a chart's past cell, came back from a draft, or stood still when the laptop
        locked. The nurse typed the whole date and time at the bedside, the "M" the shortcuts help
        promised answered with the form to write it in."""
        self.keeps_now, self.from_slot, self.locked_at = True, False, None
        self.now_timer.start(NOW_TICK_MS)
        self._fill_now()

    def _fill_now(self) -> None:
        now = self.session.clock()
        self.filled_in = (now.strftime("%d/%m/%Y %H:%M"), now)
        self.given_at.setText(self.filled_in[0])

    def locked(self) -> None:
        """The laptop locked over the dialog (see LockAware): the PINs typed are cleared, their
        owners sign again at Save, and a time filled in stops following the clock, said so for
        the nurse to check it. Back an hour later, Save recorded the 14:00 morphine as given at
        15:00 (its register line too, the next as-required dose allowed an hour late), witnessed
        by the doctor's PIN typed at 14:00, who had gone."""
        clear_pins(self)
        if self.keeps_now:
            self.keeps_now = False
            self.locked_at = self.session.clock()
            self._judge_time()

    def values(self) -> dict[str, Any]:
        self._keep_now()
        given = self.outcome.currentIndex() == 0
        values: dict[str, Any] = {"outcome": "given" if given else "not_given",
                                  "given_at": self._given_at().isoformat(timespec="minutes")}
        if self.slot is not None:
            values["scheduled_for"] = self.slot.isoformat(timespec="minutes")
        if self.transcribed.isChecked():
            values[medication.TRANSCRIBED] = True
            if self.paper_reference.text().strip():
                values[medication.PAPER_REFERENCE] = self.paper_reference.text().strip()
        if given:
            values |= {"dose_given": parse_decimal(self.dose.text()), "route": self.route.text().strip().upper()}
            if self.order.asks_why_given and self.given_for.text().strip():
                values["given_for"] = self.given_for.text().strip()
            if self.order.asks_reading and self.decided_on.text().strip():
                values[medication.DECIDED_ON] = self.decided_on.text().strip()
            if self.site.text().strip():
                values["site"] = self.site.text().strip()
            if self.covert_decided:
                values[medication.GIVEN_COVERTLY] = self.covertly.isChecked()
            if self.order.rate_ml_h is not None and self.rate.text().strip():
                try:
                    values[medication.DOSE_RATE] = parse_decimal(self.rate.text())
                except ParseError as problem:
                    raise RateUnread(problem.key, problem.limit) from problem
            if self.given_by.currentData() != self.session.user.staff_id:
                values[medication.GIVEN_BY] = self.given_by.currentData()
        if self.patch_on and self.previous_patch.currentData():
            values[medication.PREVIOUS_PATCH] = self.previous_patch.currentData()
        if not given:
            index = self.reason.currentIndex()
            if index:
                values["not_given_reason"] = self.reasons[index - 1][0]
            if self.detail.text().strip():
                values["not_given_detail"] = self.detail.text().strip()
            if self._by_rule() and self.decided_on.text().strip():
                values[medication.DECIDED_ON] = self.decided_on.text().strip()
        return values

    def _given_at(self) -> datetime:
        """The time typed, or the moment filled in when left as it was: in the hour the clocks go
        back its text alone reads as the first pass, and a dose given in the second was recorded
        an hour early, its PRN interval judged from then."""
        text = self.given_at.text()
        if text == self.filled_in[0]:
            return self.filled_in[1]
        now = self.session.clock()
        return parse_datetime(text, now.tzinfo, now=now, slot=self.slot)

    def _show_warnings(self, warnings: list[Any]) -> None:
        """Each warning with its own reason: kept by kind, a second warning of a kind (a dose
        "already given" for its time and "given from another order") was never shown, and the
        reason typed for the first saved the dose over both."""
        for warning in warnings:
            if (warning.check, warning.message) in self.override_edits:
                continue
            edit = QLineEdit()
            # Short enough to be read whole in the box (the French was cut at "gardé dans le"); made
            # wide enough instead, the box squeezed the warnings above it into fewer lines than they need.
            # A dose not given is recorded anyway, not given (its "already given", "recorded ahead").
            if self.outcome.currentIndex() == 0:
                edit.setPlaceholderText(translate("DoseDialog", "Reason for giving anyway"))
                edit.setToolTip(translate("DoseDialog", "Reason for giving anyway (kept in the record and the audit log)"))
            else:
                edit.setPlaceholderText(translate("DoseDialog", "Reason for recording anyway"))
                edit.setToolTip(translate("DoseDialog", "Reason for recording anyway (kept in the record and the audit "
                                                        "log)"))
            label = ErrorLabel("⚠ " + warning.text(language()))
            self.warnings.addRow(label)
            add_row(self.warnings, translate("DoseDialog", "Override reason"), edit)
            edit.setAccessibleDescription(warning.text(language()))  # which of the boxes named alike answers what
            QWidget.setTabOrder(edit, self.save_button)  # Enter in the reason goes to Save, not back to the top
            self.override_edits[warning.check, warning.message] = edit
        # Rows added to a shown window are shown, and so counted by its layout, by Qt's next turn.
        QTimer.singleShot(0, self, lambda: grow_to_fit(self))
        first = next((e for e in self.override_edits.values() if not e.text().strip()), None)
        if first is not None:
            QTimer.singleShot(0, first, first.setFocus)  # not once the dialog is gone

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        """Opened as wide as DIALOG_CHARACTERS of its text and as tall as what it holds at that
        width, as far as the screen has room: Qt sized it for the narrower width its wrapped lines
        ask for, and the two lines the order took there stood as a blank band under it at the
        dialog's width (a French as-required dose's rows were squeezed instead)."""
        super().showEvent(event)
        if not event.spontaneous():
            width = min(self.fontMetrics().averageCharWidth() * DIALOG_CHARACTERS, room(self).width())
            within_screen(self, QSize(width, self.heightForWidth(width)))

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        """As tall as it is at `width` with its scrolled part whole (see `Scrolled.height_for`):
        Qt counts that part at the height its lines take at their own narrower width. Qt's own
        answer once Python's cycle collector has begun to take the dialog apart (its attributes
        cleared first; see screen_fit)."""
        height = super().heightForWidth(width)
        if (area := getattr(self, "area", None)) is None:
            return height
        margins = self.layout().contentsMargins()
        return ((height if height > 0 else self.sizeHint().height()) - area.sizeHint().height()
                + area.height_for(width - margins.left() - margins.right()))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """Enter in the witness's staff ID goes to their PIN like any field: the dialog's default
        button tried an empty PIN (see `witness_keys`) and saved a dose before its site was typed."""
        if not enter_moves_on(self, event):
            super().keyPressEvent(event)

    def _unreadable(self, problem: ParseError) -> str:
        """The box that cannot be read, named alone with what to type, in the form's own words:
        a time in the hour the clocks repeat or skip gets the offsets to type (the general hint
        asked for the very DD/MM/YYYY HH:MM typed), and an empty dose was answered with the time
        the nurse had not touched named first."""
        label = self.session.form(medication.DOSE_FORM).field(_unread_field(problem)).label.get(language())
        return field_message(problem.key, language(), label, problem.limit)

    def _box_of(self, field_id: str) -> QWidget | None:
        """The box a field of the dose's form is typed in (None: one the dialog fills itself); the
        giver's, their PIN when they confirm the dose with it."""
        giver = self.giver_pin if self._giver_confirms() else self.given_by
        return {"given_at": self.given_at, "dose_given": self.dose, "route": self.route, "given_for": self.given_for,
                medication.DECIDED_ON: self.decided_on, "site": self.site, medication.GIVEN_COVERTLY: self.covertly,
                medication.GIVEN_BY: giver, medication.DOSE_RATE: self.rate, medication.PREVIOUS_PATCH: self.previous_patch,
                medication.TRANSCRIBED: self.transcribed, medication.PAPER_REFERENCE: self.paper_reference,
                "not_given_reason": self.reason, "not_given_detail": self.detail}.get(field_id)

    def save(self) -> RecordVersion | None:
        try:
            values = self.values()
        except ParseError as problem:
            self.error.setText(self._unreadable(problem))
            self._box_of(_unread_field(problem)).setFocus()  # it stayed on Save
            return None
        on_paper = self.transcribed.isChecked()
        try:  # 0 units of a variable dose refused before a second checker is asked to sign nothing
            medication.none_by_rule(self.session, self.order, values)
        except ValidationFailed as failed:
            return self._refused(failed)
        check = self.check if values["outcome"] == "given" else None
        if check is not None and not on_paper and not self.witness_pin.text():
            self.error.setText(translate("messages", check.needed))  # not tried: a failed sign-in of theirs
            (self.witness_pin if self.witness_id.text().strip() else self.witness_id).setFocus()
            return None
        overrides: dict[Check | str, str] = {said: edit.text() for (_, said), edit in self.override_edits.items()}
        witness = None
        if check is not None:
            witness = ((self.witness_on_paper.currentData(), "") if on_paper else
                       (self.witness_id.text(), self.witness_pin.text()))
        try:
            saved = medication.record_dose(self.session, self.order.record_id, values, overrides=overrides,
                                           witness=witness, giver_pin=self.giver_pin.text(),
                                           register_page=self.register_page.currentData(),  # none unless controlled
                                           band=self.band.scanned)
        except medication.OverrideNeeded as needed:
            self.error.setText(translate("DoseDialog", "Safety warning: give a reason to override each one, or cancel."))
            if any((warning.check, warning.message) not in self.override_edits for warning in needed.warnings):
                clear_pins(self)  # the witness (and a colleague giving) sign once they have read what is new
            self._show_warnings(needed.warnings)
            return None
        except ValidationFailed as failed:
            return self._refused(failed)
        except ServiceError as problem:
            self.error.setText(say(problem))
            self.witness_pin.clear()
            return None
        drafts.discard_draft(self.session, self.draft_id)
        # Given already by an NG tube to confirm then: nothing to ask, what to do told.
        if said := devices.paper_dose_said(self.session, self.order.record_id, values, language()):
            Prompts.info(self, translate("messages", devices.PAPER_DOSE_TOLD), said)
        self.recorded.emit(saved)
        self.accept()
        return saved

    def _refused(self, failed: ValidationFailed) -> None:
        """Said, and the first box named focused: it stayed where it was, the reason's combo a Tab
        away or more."""
        self.error.setText("\n".join(e.message for e in failed.errors))
        if failed.errors[0].path == medication.GIVEN_BY:
            self.giver_pin.clear()  # refused: typed again, as the witness's is
        if (box := self._box_of(failed.errors[0].path)) is not None:
            box.setFocus()


def staff_choice(session: Session, first: str | None = None, *, on_paper: bool = False,
                 roles: Collection[Role] | None = None) -> QComboBox:
    """This laptop's staff who may give a dose, by name with their staff ID ("Hélène Lefèvre
    (nurse)"), each item's data its staff ID; `first` (the signed-in nurse) listed first, else
    an empty item first, for a witness to be chosen rather than taken as listed. `on_paper`: for
    a dose typed in from the paper chart (see `fill_staff_choice`). `roles`: only those who sign
    a witness's check (cd_register.SecondCheck.signers: no student nurse)."""
    combo = QComboBox()
    fill_staff_choice(combo, session, first, on_paper=on_paper, roles=roles)
    return combo


def fill_staff_choice(combo: QComboBox, session: Session, first: str | None, *, on_paper: bool,
                      roles: Collection[Role] | None = None) -> None:
    """`combo`'s staff (see `staff_choice`): for a dose typed in from the paper chart, those
    deactivated since too, listed last and said so (see staff.givers): the agency nurse who gave
    the night's doses on paper had left when they were typed in, and they went in as given by the
    typist. Listed again, the items that stay are kept, the one chosen with them; one taken off
    leaves the first item chosen."""
    wanted = [("", "")] if first is None else []
    for member in sorted(staff.givers(session.db, on_paper=on_paper, roles=roles),
                         key=lambda member: member.staff_id != first):
        person = f"{member.name} ({member.staff_id})"
        wanted.append((person if member.active else translate("DoseDialog", "{person} (no longer active)").format(
            person=person), member.staff_id))
    kept = 0
    while kept < min(combo.count(), len(wanted)) and (combo.itemText(kept), combo.itemData(kept)) == wanted[kept]:
        kept += 1
    if combo.currentIndex() >= kept:
        combo.setCurrentIndex(0)
    while combo.count() > kept:
        combo.removeItem(combo.count() - 1)
    for text, staff_id in wanted[kept:]:
        combo.addItem(text, staff_id)


def _whole(flag: str) -> str:
    """A flag of the order line (" — CONTROLLED DRUG: witness required") on one line, its spaces
    and hyphens unbreakable: the line wrapped between HIGH- and ALERT, and the French one before
    its colon (" : témoin obligatoire" began a line)."""
    return " " + flag.strip().replace(" ", "\u00a0").replace("-", "\u2011")


class RateUnread(ParseError):
    """The infusion's rate typed is not a number: said of its own box, not of the dose's."""


def _unread_field(problem: ParseError) -> str:
    """The dose's field whose box could not be read: the rate, the dose, or the time it was given."""
    if isinstance(problem, RateUnread):
        return medication.DOSE_RATE
    return "dose_given" if problem.key in ("not_number", "zeros_after_the_point") else "given_at"
