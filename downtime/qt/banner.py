"""The permanent red band: downtime mode, this laptop, who is signed in, the laptop's clock
(with its UTC offset, so a wrong clock is noticed), when the last save happened and how old
the last backup is (so a forgotten USB stick is noticed); the records and register lines written
since the laptop's last export (or ever, before its first), which no stick has taken yet; the
forms and doses others typed and did not save; and, when the database's disk is full, that it can
be read and printed, not recorded in. A nurse in charge or an administrator sets aside, from there, a form its author
can no longer save (see drafts.set_aside)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QPoint, Qt, QTimer, Slot
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolTip, QVBoxLayout, QWidget

from downtime.domain.roles import ROLE_NAMES
from downtime.services import backups, clock_check, drafts, exported, paper_gap, settings
from downtime.errors import DISK_FULL, UserError
from downtime.i18n import message
from downtime.qt.i18n import language, say, translate
from downtime.qt.dialog_life import open_until_closed
from downtime.qt.flow_row import FlowRow
from downtime.qt.set_aside_dialog import SetAsideDialog
from downtime.qt.style import FOCUS_COLOURS, points, styled
from downtime.services.context import Session
from downtime.storage.connection import read_only_notice


class ToldOnFocus(QLabel):
    """A word whose detail is in its tooltip, reached by Tab too and its detail then read out by a
    screen reader (its accessible description): "No export yet" counted the records no stick held
    on mouse hover alone, out of reach of a nurse at the keyboard or with a screen reader, and
    signing out before a first export asks nothing. Its words stay the same with the focus: the
    detail written beside it, on its unwrapped line, made the window 1,030 pixels wide in French
    (1,839 at the largest text), past a laptop's screen; on a row of its own, shown with the
    focus, the banner grew a row each time Qt gave it the focus on its own (a tab closed). With
    the focus its detail pops up under it and a ring is drawn round it (its room kept without,
    the width unchanged): the description alone reached a screen reader, and a sighted nurse
    Tabbing to it saw no count and nothing with the focus, her next keys going nowhere."""

    def __init__(self) -> None:
        super().__init__()
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        # The banner's dark red under any mode: the ring high contrast draws on black shows on it.
        self.setStyleSheet(f"ToldOnFocus {{ border: 2px solid transparent; }} "
                           f"ToldOnFocus:focus {{ border-color: {FOCUS_COLOURS['dark']}; }}")

    def tell(self, word: str, detail: str) -> None:
        self.setText(word)
        self.setToolTip(detail)
        self.setAccessibleDescription(detail)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        super().focusInEvent(event)
        self._pop_up_detail()

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """The Tab that brought the focus here, let go: Qt hides a tooltip at any key's release,
        and the detail shown at the focus was gone before the nurse could read it."""
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self._pop_up_detail()
        super().keyReleaseEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        super().focusOutEvent(event)
        QToolTip.hideText()

    def _pop_up_detail(self) -> None:
        QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), self.toolTip(), self)


class Banner(QWidget):
    def __init__(self, session: Session, clock: Callable[[], datetime] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("banner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._clock = clock or session.clock
        rows = QVBoxLayout(self)
        rows.setContentsMargins(10, 4, 10, 4)
        rows.setSpacing(2)
        mode = translate("Banner", "DOWNTIME MODE — record on this laptop, back-entry later")
        self.mode = QLabel(f"<b>{mode}</b>")
        self.device = QLabel()
        self.user = QLabel(f"<b>{session.user.name}</b> — {translate('Banner', ROLE_NAMES[session.user.role.value])}")
        self.time = QLabel()
        self.last_save = QLabel(translate("Banner", "Last save: nothing saved yet"))
        self.backup = QLabel()
        self.no_export = ToldOnFocus()
        self.no_export.hide()
        self.backup_problem = QLabel()
        self.backup_problem.setWordWrap(True)
        self.backup_problem.hide()
        self.clock_problem = QLabel()
        self.clock_problem.setWordWrap(True)
        self.clock_problem.setStyleSheet("font-weight: bold;")
        self.clock_problem.hide()
        self.not_exported = QLabel()
        self.not_exported.setWordWrap(True)
        self.not_exported.setStyleSheet("font-weight: bold;")
        self.not_exported.hide()
        self.unsaved = QLabel()
        self.unsaved.setWordWrap(True)
        self.unsaved.setStyleSheet("font-weight: bold;")
        self.unsaved.hide()
        self.set_aside_button = QPushButton(translate("Banner", "Set aside…"))
        self.set_aside_button.setToolTip(translate("Banner", "Set aside a form whose author is deactivated, whose "
                                                             "patient has left hospital, or typed a day ago or more"))
        self.set_aside_button.clicked.connect(self.open_set_aside)
        self.set_aside_button.hide()
        self.set_aside_dialog: SetAsideDialog | None = None
        self._failure: str | None = None
        self._session = session
        # Three short rows rather than two long ones, each going on to another line in a narrow
        # window: the window must fit an old 1024-pixel laptop screen, in French too, at 125 %.
        for widgets in ((self.mode,), (self.device, self.user), (self.time, self.last_save, self.backup, self.no_export)):
            layout = FlowRow(spacing=16, line_spacing=rows.spacing())
            rows.addLayout(layout)
            for widget in widgets:
                widget.setTextFormat(Qt.TextFormat.RichText)
                layout.addWidget(widget)
        # Why a backup failed can be long (a folder's path, SQLite's words): a row of its own,
        # wrapped, so it never widens the window past the screen.
        self.backup_problem.setTextFormat(Qt.TextFormat.PlainText)
        rows.addWidget(self.backup_problem)
        self.clock_problem.setTextFormat(Qt.TextFormat.PlainText)
        rows.addWidget(self.clock_problem)
        self.not_exported.setTextFormat(Qt.TextFormat.PlainText)
        rows.addWidget(self.not_exported)
        self.unsaved.setTextFormat(Qt.TextFormat.PlainText)
        unsaved_row = QHBoxLayout()
        unsaved_row.addWidget(self.unsaved, 1)
        unsaved_row.addWidget(self.set_aside_button, 0, Qt.AlignmentFlag.AlignTop)
        rows.addLayout(unsaved_row)
        # Said once each in the banner: the word shown before it was laid out was a window of its own, for an instant.
        self.show_device()
        if (written := paper_gap.last_written(session.db)) is not None:
            self.saved(written)
        notice = read_only_notice(session.db)
        self.read_only = QLabel(message(language(), notice) if notice else "")
        self.read_only.setWordWrap(True)
        rows.addWidget(self.read_only)
        self.read_only.setVisible(notice is not None)
        self.setAccessibleName(translate("Banner", "Downtime mode banner"))
        # Its words at the laptop's text size, the mode and a read-only database two points
        # larger: fixed at 11 and 13 points, they stayed small when a nurse chose 20.
        styled(self, lambda: f"#banner {{ background: #8b0000; }} #banner QLabel {{ color: white; font-size: {points()}pt; }}")
        styled(self.mode, lambda: f"font-size: {points(2)}pt;")
        styled(self.read_only, lambda: f"font-weight: bold; font-size: {points(2)}pt;")
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.tick)
        self._timer.start(1000)
        self.tick()

    def show_device(self) -> None:
        """Also once an administrator corrects the laptop's number, name or ward in this window."""
        device = self._session.device
        demo = "  <b>[{}]</b>".format(translate("Banner", "DEMO DATA")) if device.is_demo else ""
        ward = settings.laptop_ward(self._session.db)
        named = translate("Banner", "{name} (device {number})").format(name=device.name, number=device.device_number)
        self.device.setText((translate("Banner", "{laptop}, ward {ward}").format(laptop=named, ward=ward) if ward
                             else named) + demo)

    def stop(self) -> None:
        """A closed window's banner stops reading the clock and the database."""
        self._timer.stop()

    def tick(self) -> None:
        now = self._clock()
        self.time.setText(translate("Banner", "Laptop clock {time} (UTC{offset})").format(
            time=f"{now:%d/%m/%Y %H:%M:%S}", offset=f"{now:%z}"))
        if now.second == 0 or not self.backup.text():
            self.show_backup_age()
            self.show_clock_check(now)
            self.show_not_exported()
            self.show_unsaved()

    def show_clock_check(self, now: datetime) -> None:
        """Said from sign-in, and checked again each minute, while the clock is behind the latest
        record (see clock_check): a clock set back stamps the doses given since on the wrong day."""
        said = clock_check.clock_behind(self._session.db, now, self._session.lang)
        self.clock_problem.setText(said or "")
        self.clock_problem.setVisible(said is not None)

    @Slot(object)
    def backup_made(self, made: object) -> None:
        self._failure = None
        self._shown_if_open()

    @Slot(object)
    def backup_failed(self, problem: UserError) -> None:
        self._failure = say(problem)
        self._shown_if_open()

    def _shown_if_open(self) -> None:
        """A closed window's banner (the sign-out backup ends as the next person signs in) reads
        nothing: the connection is then in use on the thread preparing the next window."""
        if self._timer.isActive():
            self.show_backup_age()

    def show_backup_age(self) -> None:
        """Minutes since the last backup, in words; a failed backup stays shown, with why, until
        one works (the clock's tick every minute must not replace it by the last good one's age)."""
        unrecorded = backups.unrecorded(self._session.db) if self._failure is None else None
        self.backup_problem.setVisible(self._failure is not None or unrecorded is not None)
        if self._failure is not None:
            self.backup.setText("<b>{}</b>".format(translate("Banner", "BACKUP FAILED")))
            self.backup_problem.setText(self._failure)
            return
        if unrecorded == DISK_FULL:  # made and checked, in its folder: the laptop's disk alone refused its audit entry
            self.backup_problem.setText(translate("Banner", "The last backup was made, but the laptop's disk is full: "
                                                            "it is not written in the audit log."))
        elif unrecorded is not None:  # as the opening said (`read_only_notice`), not a full disk
            self.backup_problem.setText(translate("Banner", "The last backup was made, but the database's folder cannot "
                                                            "be written to: it is not written in the audit log."))
        last = backups.last_backup(self._session.db)
        if last is None:
            self.backup.setText("<b>{}</b>".format(translate("Banner", "No backup yet")))
            return
        minutes = int((self._clock() - last).total_seconds() // 60)
        self.backup.setText(translate("Banner", "Last backup: {minutes} min ago").format(minutes=minutes) if minutes < 120 else
                            "<b>{}</b>".format(translate("Banner", "Last backup: {hours} h ago").format(hours=minutes // 60)))

    def saved(self, when: datetime) -> None:
        """The last record this laptop wrote, whoever wrote it (from sign-in on, read from the
        database): counted from the sign-in alone, a nurse coming back to a laptop left since
        02:00 read "nothing saved yet" and was not told it had recorded nothing overnight. One
        of another day names its day."""
        now = self._clock()
        when = when.astimezone(now.tzinfo)
        shape = "%H:%M:%S" if when.date() == now.date() else "%d/%m %H:%M"
        self.last_save.setText(translate("Banner", "Last save: {time}").format(time=f"{when:{shape}}"))
        self.show_not_exported()

    def show_not_exported(self) -> None:
        """Said from the first record or register line written after an export, or ever on a laptop
        that never exported (each save and each minute: an export made meanwhile ends it), so that
        the stick owed for it is made before the laptop is left or put away."""
        found = exported.since_last_export(self._session.db, self._session.device.device_id)
        said = "" if found is None else not_exported_words(found, self._clock())
        never = found is not None and found.last_export is None
        since = found is not None and not never
        self.not_exported.setVisible(since)
        self.not_exported.setText(translate("Banner", "{said}: export again").format(said=said) if since else "")
        # Before the first export, a word beside the backup's, its count in the tooltip: the ward
        # exports at the outage's end, and a row of its own, weeks long, took the height a small
        # laptop's screen has for the tab's buttons.
        self.no_export.setVisible(never)
        self.no_export.tell(translate("Banner", "No export yet") if never else "",
                            translate("Banner", "{said}: export them before the laptop is put away").format(said=said)
                            if never else "")

    def show_unsaved(self) -> None:
        """The forms and doses others typed and did not save (see drafts.waiting), from sign-in and
        each minute: one short line, each of them in its tooltip. Only their author can open them,
        and no one else knew of them: an admission typed at 06:50 when the battery died was on no
        census, and a dose typed as the laptop changed hands was due again for the next nurse.
        The signed-in person's own are offered to her at sign-in, and one she is typing is no
        news."""
        session, now = self._session, self._clock()
        found = self._others()
        line = drafts.unsaved_line(found, session.forms, session.lang, now)
        listed = drafts.unsaved_list(found, session.forms, session.lang, now) if found else ""
        self.unsaved.setVisible(line is not None)
        self.unsaved.setText(line or "")
        self.unsaved.setToolTip(listed)
        self.unsaved.setAccessibleDescription(listed)
        self.set_aside_button.setVisible(bool(self._can_set_aside(found, now)))

    def _others(self) -> list[drafts.Waiting]:
        """The drafts others left: the signed-in person's own are offered to her at sign-in."""
        session = self._session
        return [each for each in drafts.waiting(session.db, session.forms) if each.author != session.user.staff_id]

    def _can_set_aside(self, found: list[drafts.Waiting], now: datetime) -> list[drafts.Waiting]:
        """Those of the drafts others left that the signed-in person may set aside now."""
        if not drafts.may_set_aside(self._session):
            return []
        return [each for each in found if drafts.can_be_set_aside(each, now)]

    def open_set_aside(self) -> None:
        """The dialog setting aside the drafts others left that may be; the line is told again
        after each one. The window's, not the banner's: the banner's white words were its too."""
        now = self._clock()
        self.set_aside_dialog = open_until_closed(
            SetAsideDialog(self._session, self._can_set_aside(self._others(), now), now, self.window()),
            self._dialog_closed)
        self.set_aside_dialog.set_aside.connect(self.show_unsaved)

    def _dialog_closed(self) -> None:
        self.set_aside_dialog = None


def not_exported_words(found: exported.NotExported, now: datetime) -> str:
    """What no export holds, as the banner and the sign-out say it: the records and the register
    lines (the pharmacy reconciles the cupboard from the register the stick carries), since the
    last export's day and time on the laptop's clock, or on a laptop that never exported."""
    parts = [translate("Banner", "{count} record(s)").format(count=found.count)] if found.count else []
    if found.register_lines:
        parts.append(translate("Banner", "{lines} controlled-drug register line(s)").format(lines=found.register_lines))
    what = parts[0] if len(parts) == 1 else translate("Banner", "{first} and {second}").format(first=parts[0],
                                                                                                 second=parts[1])
    if found.last_export is None:
        return translate("Banner", "{what} typed on this laptop, which has never exported").format(what=what)
    return translate("Banner", "{what} typed since the last export ({time})").format(
        what=what, time=f"{found.last_export.astimezone(now.tzinfo):%d/%m %H:%M}")
