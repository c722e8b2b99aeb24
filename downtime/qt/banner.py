"""The permanent red band: downtime mode, this laptop, who is signed in, the laptop's clock
(with its UTC offset, so a wrong clock is noticed), when the last save happened and how old
the last backup is (so a forgotten USB stick is noticed)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from downtime.services import backups
from downtime.services.context import Session

ROLE_NAMES = {"ward_nurse": "ward nurse", "doctor": "doctor", "surgical_coordinator": "surgical coordinator",
              "records_staff": "records staff", "administrator": "administrator"}


class Banner(QWidget):
    def __init__(self, session: Session, clock: Callable[[], datetime] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("banner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#banner { background: #8b0000; } #banner QLabel { color: white; font-size: 11pt; }")
        self._clock = clock or session.clock
        rows = QVBoxLayout(self)
        rows.setContentsMargins(10, 4, 10, 4)
        rows.setSpacing(2)
        top, bottom = QHBoxLayout(), QHBoxLayout()
        rows.addLayout(top)
        rows.addLayout(bottom)
        mode = "DOWNTIME MODE — record on this laptop, back-entry later"
        self.mode = QLabel(f"<b>{mode}</b>")
        demo = "  <b>[DEMO DATA]</b>" if session.device.is_demo else ""
        self.device = QLabel(f"{session.device.name} (device {session.device.device_number}){demo}")
        self.user = QLabel(f"<b>{session.user.name}</b> — {ROLE_NAMES[session.user.role.value]}")
        self.time = QLabel()
        self.last_save = QLabel("Last save: nothing saved yet")
        self.backup = QLabel()
        self._session = session
        self.mode.setStyleSheet("font-size: 13pt;")
        for layout, widgets in ((top, (self.mode, self.device)), (bottom, (self.user, self.time, self.last_save, self.backup))):
            for widget in widgets:
                widget.setTextFormat(Qt.TextFormat.RichText)
                layout.addWidget(widget)
                layout.addSpacing(16)
            layout.addStretch(1)
        self.setAccessibleName("Downtime mode banner")
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.tick)
        self._timer.start(1000)
        self.tick()

    def tick(self) -> None:
        now = self._clock()
        self.time.setText(f"Laptop clock {now:%d/%m/%Y %H:%M:%S} (UTC{now:%z})")
        if now.second == 0 or not self.backup.text():
            self.show_backup_age()

    def show_backup_age(self, failure: str | None = None) -> None:
        """Minutes since the last backup, in words; a failed backup stays shown until one works."""
        if failure is not None:
            self.backup.setText(f"<b>BACKUP FAILED: {failure}</b>")
            return
        last = backups.last_backup(self._session.db)
        if last is None:
            self.backup.setText("<b>No backup yet</b>")
            return
        minutes = int((self._clock() - last).total_seconds() // 60)
        self.backup.setText(f"Last backup: {minutes} min ago" if minutes < 120 else
                            f"<b>Last backup: {minutes // 60} h ago</b>")

    def saved(self, when: datetime) -> None:
        self.last_save.setText(f"Last save: {when:%H:%M:%S}")
