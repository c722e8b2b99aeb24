"""One version of a clinical record, as every form saves it.

Versions are never overwritten: an amendment is the next version with a reason, and a mistake
is a version whose status is "entered-in-error". Both times are kept because downtime entries
are often typed long after the care they describe.
"""

from enum import StrEnum
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict


class RecordStatus(StrEnum):
    FINAL = "final"
    AMENDED = "amended"
    ENTERED_IN_ERROR = "entered-in-error"


class RecordVersion(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    record_id: str
    version: int
    form_id: str
    form_version: int
    patient_id: str | None
    status: RecordStatus
    data: dict[str, Any]
    reason: str | None
    author: str
    device_id: str
    occurred_at: AwareDatetime
    recorded_at: AwareDatetime
