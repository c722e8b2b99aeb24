"""Each line of the bowel chart as a FHIR Observation (an exam) in the stay it was charted in: a
stool's Bristol type as the value (an integer) with "Bristol stool scale" in words as its code,
or, at the day's check with none, "Bowels opened" in words and false; how much, what was seen, a known cause and a sample sent as
components, with the doctor told of blood seen (version 2: a name and a time, as typed) as the
4AT's are; a loose stool and blood as its interpretation. Codes are in words: LOINC's and
SNOMED CT's could not be checked here, and a wrong code files it as something else."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from downtime.domain.records import RecordVersion
from downtime.services.bowels import FORM, charted
from downtime.sync.fhir_codes import OBSERVATION_CATEGORY, coding
from downtime.sync.fhir_elements import Context, Group, label, moment, record_identifier, reference
from downtime.sync.fhir_observations import doctor_review, observation_status
from downtime.sync.fhir_stays import Stays, one_each

STOOL = {"text": "Bristol stool scale"}
OPENED = {"text": "Bowels opened"}
TOLD = "Doctor told"


def bowel_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per line of the bowel chart."""
    return one_each(db, ctx, stays, ((FORM, _observation),))


def _observation(record: RecordVersion, ctx: Context, stays: Stays) -> dict[str, Any]:
    data, spec, line = record.data, ctx.forms[FORM], charted(record)
    components = [
        *([{"code": {"text": spec.field("amount").label.en},
            "valueCodeableConcept": {"text": label(spec, "amount", data["amount"])}}] if data.get("amount") else []),
        *({"code": {"text": spec.field("seen").label.en}, "valueCodeableConcept": {"text": label(spec, "seen", code)}}
          for code in data.get("seen") or ()),
        *({"code": {"text": spec.field(name).label.en}, "valueBoolean": data[name]}
          for name in ("known_cause", "sample_sent") if data.get(name) is not None),
        *doctor_review(data, TOLD, "doctor_told", "doctor_told_at")]
    said = [*(["Loose stool"] if line.loose else []), *(["Blood in the stool"] if line.bleeding else [])]
    return {
        "resourceType": "Observation", "id": record.record_id, "identifier": record_identifier(record.record_id),
        "status": observation_status(record), "category": [{"coding": [coding(OBSERVATION_CATEGORY, "exam")]}],
        "code": STOOL if line.opened else OPENED, "subject": reference(str(record.patient_id)),
        **stays.encounter_at(record.patient_id, data["charted_at"]),
        "effectiveDateTime": moment(data["charted_at"]), "performer": [ctx.author(ctx.original(record))],
        **({"valueInteger": int(data["stool_type"])} if line.opened else {"valueBoolean": False}),
        **({"interpretation": [{"text": text} for text in said]} if said else {}),
        **({"component": components} if components else {}),
        **({"note": [{"text": data["notes"]}]} if data.get("notes") else {})}
