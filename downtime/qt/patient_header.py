"""The identity strip every patient screen starts with: two identifiers (name and date of
birth), the downtime number, where the patient is, and the allergies written out."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from downtime.domain.census import StayStatus
from downtime.i18n import semicolon, stay_word
from downtime.qt.style import ERROR_COLOUR
from downtime.qt.i18n import language, translate
from downtime.services import records
from downtime.services.census import all_patients, patient_with_location
from downtime.services.context import Session
from downtime.services.patients import PatientSummary

def allergies_text(patient: PatientSummary) -> str:
    """Words, not a colour: "none known" and "NOT KNOWN" must never look alike."""
    if patient.allergies:
        return semicolon(language()).join(patient.allergies_in(language()))
    if patient.allergy_status == "nka":
        return translate("PatientHeader", "none known")
    return translate("PatientHeader", "NOT KNOWN — ask")


def _place(patient: PatientSummary) -> str:
    """Where the patient is; one who has left is said to have, with the bed they left (now
    perhaps another patient's), never shown in it as if still there. Ward and bed are kept on
    one line ("3B / 26", a bed "Side room 2"): a wrapped strip left the bed alone on the next."""
    place = "\u00a0/\u00a0".join(escape(part or "—").replace(" ", "\u00a0") for part in (patient.ward, patient.bed))
    if patient.stay in (None, StayStatus.IN):
        return place
    return f"<b>{escape(stay_word(patient.stay, language()).upper())}</b> ({place})"


def admission_on_hold(session: Session, patient: PatientSummary) -> bool:
    """Whether another laptop wrote the patient's admission otherwise (see records.on_hold): the
    strip's allergies and place are this laptop's version's, and an allergy the other recorded
    would be missing from every screen that reads them."""
    return bool(records.on_hold(session, [patient.admission_record_id]))


def born_text(patient: PatientSummary) -> str:
    """"born 15/04/1990", or that the date is unknown (it read "born DOB unknown")."""
    if patient.birth_date is None:
        return translate("PatientHeader", "date of birth unknown")
    return translate("PatientHeader", "born {date}").format(date=patient.birth_date_in(language()))


def identity_html(patient: PatientSummary, with_place: bool = True, held: bool = False,
                  allergies_said: str | None = None) -> str:
    """`held`: the admission is on hold (`admission_on_hold`), said under the allergies.
    `allergies_said`: said instead of the patient's allergies, where they are not known yet (a
    hold on the admission, before the clerk chooses the version that settles it)."""
    place = f" — {_place(patient)}" if with_place else ""
    born = born_text(patient)
    allergies = translate("PatientHeader", "ALLERGIES: {allergies}").format(
        allergies=allergies_text(patient) if allergies_said is None else allergies_said)
    hold = translate("PatientHeader", "ADMISSION ON HOLD: another laptop wrote it otherwise (allergies, bed…): "
                                      "check it")
    return (f"<span style='font-size:13pt'><b>{escape(patient.display_name)}</b> — {escape(born)} — "
            f"<b>{escape(patient.downtime_number)}</b>{place}</span><br>"
            f"<span style='color:{ERROR_COLOUR}'><b>{escape(allergies)}</b>"
            + (f"<br><b>{escape(hold)}</b>" if held else "") + "</span>")


def identity_label(patient: PatientSummary, with_place: bool = True, held: bool = False) -> QLabel:
    label = QLabel(identity_html(patient, with_place, held))
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class PatientTab(QWidget):
    """A tab about one patient (chart, observations, records), their identity at its top.
    `open_record` fires with a record to open as a form: an order to stop, a dose or a set to
    correct."""

    open_record = Signal(object)

    def __init__(self, session: Session, patient_id: str, with_place: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.patient_id, self.with_place = session, patient_id, with_place
        self.patient = patient_with_location(session.db, session.forms, patient_id)
        self.column = QVBoxLayout(self)
        self.identity = identity_label(self.patient, with_place, admission_on_hold(session, self.patient))
        self.column.addWidget(self.identity)

    def read_identity(self) -> None:
        """Read the patient again after a save: an allergy added to the admission, or a move,
        must show on an open chart at once, not once the tab is opened again. A patient whose
        admission was just withdrawn has no standing identity: the chart keeps the one it shows."""
        found = all_patients(self.session.db, self.session.forms, [self.patient_id]).get(self.patient_id)
        if found is not None:
            self.patient = found
            self.identity.setText(identity_html(found, self.with_place, admission_on_hold(self.session, found)))
