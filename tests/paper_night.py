"""The doses typed in on the night `paper_night` sets (its fixture in conftest): its day nurse typed
the day's last paper doses in at 14:00, so a test of the night counts those typed after."""

from datetime import datetime

from downtime.domain.medication import Administration
from downtime.services import medication
from downtime.services.context import Session

DAY_TYPED = datetime.fromisoformat("2026-11-28T14:00+01:00")


def typed_at_night(nurse: Session, patient: str) -> list[Administration]:
    return [dose for dose in medication.administrations(nurse.db, patient) if dose.typed_at > DAY_TYPED]
