"""The in-patients whose neurological observations or blood glucose ask something now: a set
that needs a doctor, a next set overdue, a hypo, ketones to check or tell, a hypo's recheck
overdue. The nurse in charge reads them beside the NEWS2 escalation list: on paper each was on
its patient's chart alone, seen when that chart was next opened."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.formspec import Lang
from downtime.services import glucose, neuro
from downtime.services.patients import PatientSummary


@dataclass(frozen=True)
class ChartAlert:
    """`form_id`: the chart's form (neuro.FORM, glucose.FORM); `latest`: its latest reading in
    words and when it was taken."""

    patient: PatientSummary
    form_id: str
    latest: str
    said: list[str]


@dataclass(frozen=True)
class ChartAlerts:
    alerts: list[ChartAlert]
    next_due: datetime | None
    """When the next set or recheck not overdue yet falls due: the list is read again then."""


def alerts(db: Database, in_hospital: Sequence[PatientSummary], at: datetime, lang: Lang) -> ChartAlerts:
    """Those of `in_hospital` (a ward's in-patients at `at`, as `census.in_patients` gives them,
    which the escalation tab reads once for its NEWS2 lists and this) whose chart asks something
    at `at`, in the census's order (by ward and bed)."""
    patients = {patient.patient_id: patient for patient in in_hospital}
    found, due = [], []
    for patient_id, sets in neuro.charts(db, patients).items():
        latest = sets[-1]
        if said := neuro.asking(latest, at, lang):
            found.append(ChartAlert(patients[patient_id], neuro.FORM,
                                    f"{latest.gcs.text(lang)} {latest.taken_at:%d/%m %H:%M}", said))
        if not latest.overdue(at):
            due.append(latest.due_at)
    for patient_id, readings in glucose.charts(db, patients).items():
        latest = readings[-1]
        if said := glucose.asking(readings, at, lang):
            found.append(ChartAlert(patients[patient_id], glucose.FORM,
                                    f"{latest.text(lang)} {latest.taken_at:%d/%m %H:%M}", said))
        if (recheck := glucose.recheck_due(readings)) is not None and elapsed.instant(recheck) > elapsed.instant(at):
            due.append(recheck)
    order = {patient_id: number for number, patient_id in enumerate(patients)}  # the census's, by ward and bed
    found.sort(key=lambda alert: (order[alert.patient.patient_id], alert.form_id))
    return ChartAlerts(found, min(due, key=elapsed.instant, default=None))
