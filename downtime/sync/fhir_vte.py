"""Each VTE risk assessment as a FHIR RiskAssessment in the stay it was made in: venous
thromboembolism as the outcome weighed, the prophylaxis decided as its mitigation (the mechanical
prophylaxis named: stockings or intermittent pneumatic compression), the mobility, the risks of
thrombosis and bleeding ticked and the reason for a medicine despite the bleeding risk as notes.
Codes are in words: SNOMED CT's could not be checked here."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from downtime.domain.records import RecordVersion
from downtime.domain.vte import BLEEDING_REASON
from downtime.services.vte import FORM, decided
from downtime.sync.fhir_elements import Context, Group, label, moment, record_identifier, reference
from downtime.sync.fhir_observations import observation_status
from downtime.sync.fhir_stays import Stays, one_each

VTE = {"text": "Venous thromboembolism risk assessment"}


def vte_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per assessment."""
    return one_each(db, ctx, stays, ((FORM, _assessment),))


def _assessment(record: RecordVersion, ctx: Context, stays: Stays) -> dict[str, Any]:
    data, spec = record.data, ctx.forms[FORM]
    # None ticked is none found, as the form says: said, or the EHR cannot tell it from not recorded.
    ticked = [f"{spec.field(field_id).label.en}: "
              f"{', '.join(label(spec, field_id, code) for code in data[field_id]) if data.get(field_id) else 'none found'}"
              for field_id in ("thrombosis_risks", "bleeding_risks")]
    # The reasons against stockings only when some are ticked: a record of version 2 asked none.
    against = [f"{spec.field('against_stockings').label.en}: "
               f"{', '.join(label(spec, 'against_stockings', code) for code in data['against_stockings'])}"
               ] if data.get("against_stockings") else []
    # The doctor's reason for a medicine despite an absolute bleeding risk: a record before version 4 gave none.
    reason = [f"{spec.field(BLEEDING_REASON).label.en}: {data[BLEEDING_REASON]}"] if data.get(BLEEDING_REASON) else []
    notes = [f"{spec.field('mobility').label.en}: {label(spec, 'mobility', data['mobility'])}", *ticked, *against,
             *reason, *([data["notes"]] if data.get("notes") else [])]
    return {"resourceType": "RiskAssessment", "id": record.record_id, "identifier": record_identifier(record.record_id),
            "status": observation_status(record), "code": VTE, "subject": reference(str(record.patient_id)),
            **stays.encounter_at(record.patient_id, data["assessed_at"]),
            "occurrenceDateTime": moment(data["assessed_at"]), "performer": ctx.author(ctx.original(record)),
            "prediction": [{"outcome": {"text": "Venous thromboembolism"}}],
            "mitigation": decided(spec, data, "en"), "note": [{"text": text} for text in notes]}
