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


def loaded_from_snapshot(record_id: str) -> bool:
    """Whether a record was loaded from the EHR's snapshot: its id is derived from the source's
    own key, a name-based UUID (version 3 or 5: `sync.snapshot.record_id_for`), so that loading
    the same snapshot again finds it; a record typed on a ward has a random one (version 4). The
    id is the only mark of a snapshot record that travels in an export (the loader's audit entries
    stay on its laptop)."""
    return record_id[14:15] in ("3", "5")
