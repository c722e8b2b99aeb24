"""The line and catheter chart, for the EHR's device records. A device put in or taken out as a
FHIR Procedure in the stay it was done in ("Put in: Peripheral venous cannula"; the place as its
body site; its size, and why it was taken out with the site then, as notes); each check as an Observation (an exam)
of the device's site: the VIP score or the site in words as its value, phlebitis as its
interpretation, whether it is still needed and when it was put in as components, the next check
and notes as notes. Codes are in words: SNOMED CT's could not be checked here, and a wrong code
files it as something else."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlite_utils import Database

from downtime.domain.devices import CHECKED, PHLEBITIS_VIP
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.services.census import at_last_offices, deaths
from downtime.services.devices import FORM, KEPT_WHY, MARK, PH, POSITION_BY
from downtime.sync.fhir_codes import OBSERVATION_CATEGORY, coding
from downtime.sync.fhir_elements import Context, Group, label, moment, record_identifier, reference
from downtime.sync.fhir_observations import observation_status
from downtime.sync.fhir_stays import Stays, one_each

CHECK = "Line or catheter check"
"""The check's code's words before the device's."""


def device_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per look at a device; not a device taken out at last offices, after the patient
    died (census.deaths), left out as a patch taken off the body is (sync.fhir_medication; the CSV
    keeps both): a Procedure dated after Patient.deceasedDateTime, in no stay."""
    died = deaths(db, ctx.patient_ids)
    after = {f"{FORM}:{record.record_id}" for record in ctx.current(db, FORM)
             if at_last_offices(FORM, record.data) and (death := died.get(str(record.patient_id))) is not None
             and datetime.fromisoformat(record.data["checked_at"]) > death}
    return {key: group for key, group in one_each(db, ctx, stays, ((FORM, _resource),)).items() if key not in after}


def _resource(record: RecordVersion, ctx: Context, stays: Stays) -> dict[str, Any]:
    """A check as an Observation, a putting in or taking out as a Procedure."""
    data, spec = record.data, ctx.forms[FORM]
    device = label(spec, "device", data["device"])
    found = (f"VIP score {data['vip']}" if data.get("vip") is not None
             else label(spec, "site_state", data["site_state"]) if data.get("site_state") else None)
    notes = [*([f"Size: {' '.join(data['size'].split())}"] if data.get("size") else []),
             *([f"Why taken out: {label(spec, 'removed_why', data['removed_why'])}"] if data.get("removed_why")
               else []),
             *([f"Site when taken out: {found}"] if found and data["event"] != CHECKED else []),
             *([f"Next check in {label(spec, 'next_in', data['next_in'])}"] if data.get("next_in") else []),
             # A nasogastric tube's position as confirmed, and why a cannula stays in past its hours
             # (device_check version 2, read only where answered): for the EHR's next team.
             *([f"Position confirmed by: {label(spec, POSITION_BY, by)}"
                + ("" if (ph := data.get(PH)) is None else f", pH {ph}")] if (by := data.get(POSITION_BY)) else []),
             *([f"External mark at the nostril: {mark} cm"] if (mark := data.get(MARK)) is not None else []),
             *([f"In 72 hours or more, kept: {kept}"] if (kept := data.get(KEPT_WHY)) else []),
             *([data["notes"]] if data.get("notes") else [])]
    common = {"id": record.record_id, "identifier": record_identifier(record.record_id),
              "subject": reference(str(record.patient_id)),
              **stays.encounter_at(record.patient_id, data["checked_at"]),
              **({"note": [{"text": text} for text in notes]} if notes else {})}
    site = {"text": " ".join(data["site"].split())}
    if data["event"] != CHECKED:
        return {"resourceType": "Procedure", **common,
                "status": "entered-in-error" if record.status is RecordStatus.ENTERED_IN_ERROR else "completed",
                "code": {"text": f"{label(spec, 'event', data['event'])}: {device}"}, "bodySite": [site],
                "performedDateTime": moment(data["checked_at"]),
                "performer": [{"actor": ctx.author(ctx.original(record))}]}
    vip = None if data.get("vip") is None else int(data["vip"])
    value = ({"valueInteger": vip} if vip is not None
             else {"valueString": label(spec, "site_state", data["site_state"])})
    return {"resourceType": "Observation", **common, "status": observation_status(record),
            "category": [{"coding": [coding(OBSERVATION_CATEGORY, "exam")]}],
            "code": {"text": f"{CHECK}: {device}" + (" (VIP score)" if vip is not None else "")},
            "effectiveDateTime": moment(data["checked_at"]), "performer": [ctx.author(ctx.original(record))],
            "bodySite": site, **value,
            **({"interpretation": [{"text": "Phlebitis"}]} if vip is not None and vip >= PHLEBITIS_VIP else {}),
            "component": [{"code": {"text": spec.field("still_needed").label.en}, "valueBoolean": data["still_needed"]},
                          *([{"code": {"text": "Put in on"}, "valueDateTime": moment(data["inserted_at"])}]
                            if data.get("inserted_at") else [])]}
