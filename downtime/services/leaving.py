"""What a patient's charts still ask as they leave the hospital (discharged or transferred to
another hospital), asked of the nurse before the record is saved: once they have left, the
escalation list and the handover sheet no longer read their charts, and a hypo's recheck due in
ten minutes or two levodopa doses missed went with the patient, told to no one."""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from downtime.domain.census import StayStatus
from downtime.formspec import FormSpec, Lang
from downtime.i18n import semicolon
from downtime.services import census, chart_alerts

WORDS = {"asked": {"en": "Still asked of this patient now:\n{asked}",
                   "fr": "Encore demandé pour ce patient maintenant :\n{asked}"}}


def still_asked(db: Database, forms: dict[str, FormSpec], patient_id: str, at: datetime, lang: Lang) -> str | None:
    """What the escalation list asks of the patient at `at`, a line a chart, or None when nothing
    is (nor when they have left already: a discharge typed in afterwards)."""
    patient = census.patient_with_location(db, forms, patient_id)
    asked = [f"• {semicolon(lang).join(alert.said)}"
             for alert in chart_alerts.alerts(db, forms, [patient], at, lang, ward=patient.ward).alerts
             if alert.patient.patient_id == patient_id] if patient.stay is StayStatus.IN else []
    return WORDS["asked"][lang].format(asked="\n".join(asked)) if asked else None
