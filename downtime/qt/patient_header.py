"""The identity strip every patient screen starts with: two identifiers (name and date of
birth), the downtime number, where the patient is, and the allergies written out."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from downtime.qt.style import ERROR_COLOUR
from downtime.services.patients import PatientSummary


def allergies_text(patient: PatientSummary) -> str:
    """Words, not a colour: "none known" and "NOT KNOWN" must never look alike."""
    if patient.allergies:
        return ", ".join(patient.allergies)
    return "none known" if patient.allergy_status == "nka" else "NOT KNOWN — ask"


def identity_html(patient: PatientSummary, with_place: bool = True) -> str:
    place = f" — {escape(patient.ward or '—')} / {escape(patient.bed or '—')}" if with_place else ""
    return (f"<span style='font-size:13pt'><b>{escape(patient.display_name)}</b> — born "
            f"{patient.birth_date_text} — <b>{escape(patient.downtime_number)}</b>{place}</span><br>"
            f"<span style='color:{ERROR_COLOUR}'><b>ALLERGIES: {escape(allergies_text(patient))}</b></span>")


def identity_label(patient: PatientSummary, with_place: bool = True) -> QLabel:
    label = QLabel(identity_html(patient, with_place))
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
