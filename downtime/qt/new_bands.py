"""A patient's new wristband, and a new sheet of their ID labels where those read what was too,
printed once the band on the patient no longer reads true: their admission amended here (the
form view) or changed by an import (the import wizard). One way of printing both: the import's
bands were to be printed from each patient's record by hand, one at a time."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from downtime.qt.tables import print_and_open
from downtime.services import printing
from downtime.services.context import Session
from downtime.services.patients import PatientSummary


def print_new_band(parent: QWidget, session: Session, patient: PatientSummary, labels: bool) -> list[Path]:
    """The band, then the sheet of labels if `labels`, each shown in its print preview; those
    printed (a refused print is said and left out)."""
    printed = [print_and_open(parent, session, lambda own, out: printing.print_wristband(own, patient.patient_id, out),
                              f"wristband-{patient.downtime_number}")]
    if labels:
        printed.append(print_and_open(parent, session, lambda own, out: printing.print_labels(own, patient.patient_id, out),
                                      f"labels-{patient.downtime_number}"))
    return [out for out in printed if out is not None]
