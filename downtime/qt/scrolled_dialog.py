"""A dialog whose body scrolls while its refusal, Save and Cancel stay in sight: at the largest
text on a laptop the infusion dialogs' rows overlapped and Save lay below the screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from downtime.domain.medication import Order
from downtime.qt.patient_header import identity_label
from downtime.qt.screen_fit import Scrolled
from downtime.qt.style import ErrorLabel
from downtime.services import medication
from downtime.services.census import patient_with_location, with_namesakes
from downtime.services.context import Session
from downtime.services.patients import PatientSummary


def add_patient_and_order(layout: QVBoxLayout, session: Session, order: Order) -> PatientSummary:
    """The patient (told apart from namesakes) and the order an infusion dialog is about, at the
    top of its scrolled body: the rate's change and the bag's check alike; the patient."""
    patient = with_namesakes(session.db, session.forms,
                             [patient_with_location(session.db, session.forms, order.patient_id)])[0]
    layout.addWidget(identity_label(patient))
    layout.addWidget(QLabel(medication.order_label(order, session.form(medication.ORDER_FORM), session.lang)))
    return patient


def scrolled_with_buttons(dialog: QDialog, body: QWidget, save_text: str, cancel_text: str,
                          save: Callable[[], None]) -> tuple[ErrorLabel, QPushButton]:
    """Lay `dialog` out as its `body` scrolled, then its refusal (no room until it says
    something), Save (the default, and Ctrl+S) and Cancel; the refusal's label and Save."""
    outer = QVBoxLayout(dialog)
    outer.addWidget(Scrolled(body), 1)
    error = ErrorLabel(only_when_said=True)
    outer.addWidget(error)
    save_button = QPushButton(save_text)
    save_button.setDefault(True)
    save_button.clicked.connect(save)
    cancel = QPushButton(cancel_text)
    cancel.clicked.connect(dialog.reject)
    outer.addWidget(save_button)
    outer.addWidget(cancel)
    QShortcut(QKeySequence.StandardKey.Save, dialog, activated=save)
    return error, save_button
