"""Each multifactorial falls-risk assessment (forms/falls_risk.yaml) as FHIR Observations, in the
stay it was made in: one blood pressure panel per position measured (lying, standing at 1 minute,
standing at 3 minutes, sitting when the patient could not stand), its systolic and diastolic coded
as the R4B blood pressure profile requires (8480-6, 8462-4) with LOINC's code for that position
beside each (8461-6 and 8455-8 supine, 8460-8 and 8454-1 standing, 8459-0 and 8453-3 sitting), so
the EHR charts them with the patient's other blood pressures and not as one more lying reading,
and a profile-checking import takes them; and the assessment itself, derived from
them, whose components are each factor found with its intervention, the postural drop as the
rules read it (domain.falls_risk), the bedside safety answers and the doctor's review with what
they decided (form version 2: each decision ticked a Yes, which medicines or why no change in
words; a review of version 1 sends who and when alone). Not a score
(NICE NG249 advises against one): no value, components only. Factors are in words: SNOMED CT's
could not be checked here."""

from __future__ import annotations

from sqlite_utils import Database

from downtime.domain.falls_risk import postural_drop
from downtime.domain.records import RecordVersion
from downtime.services.falls_risk import FORM, PAIRS
from downtime.sync.fhir_answers import answer_components
from downtime.sync.fhir_codes import LOINC, coding
from downtime.sync.fhir_elements import Context, Group, Made
from downtime.sync.fhir_observations import BLOOD_PRESSURE, Measured, quantity, record_groups
from downtime.sync.fhir_stays import Stays

POSITIONS = {"lying": ("Blood pressure lying (after 5 minutes)", "8461-6", "8455-8"),
             "standing_1": ("Blood pressure standing at 1 minute", "8460-8", "8454-1"),
             "standing_3": ("Blood pressure standing at 3 minutes", "8460-8", "8454-1"),
             "sitting": ("Blood pressure sitting (unable to stand)", "8459-0", "8453-3")}
"""Each reading of the form (`PAIRS`): its panel's words, its systolic and diastolic positions' LOINC codes."""
ASSESSMENT = {"text": "Multifactorial falls-risk assessment"}
DROP = ("Postural drop (RCP: systolic 20 or diastolic 10 mmHg down standing, or sitting when unable to stand, or down "
        "to a systolic under 90, or symptoms)")
"""The rules' reading of the drop, sent beside the readings it is worked out from."""
LEFT_OUT = frozenset({"assessed_at", *(f"{pair}_{part}" for pair in PAIRS for part in ("systolic", "diastolic"))})
"""Sent as the Observations' time, and each reading as its position's panel, not as components."""


def falls_risk_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per assessment: its blood pressure panels and the assessment, standing or
    falling together."""
    return record_groups(db, ctx, stays, FORM, _made)


def _made(record: RecordVersion, ctx: Context, stays: Stays) -> Made:
    """The panels measured, the assessment derived from them, and a panel version 1 had that an
    amendment removed, entered in error (`Measured.removed`)."""
    spec, data = ctx.forms[FORM], record.data
    measured = Measured(record, ctx, stays, data["assessed_at"])
    _panels(measured)
    drop = postural_drop(data)
    made = Made()
    for resource in measured.made:
        made.add(resource, record.record_id)
    made.add(measured.total(ASSESSMENT, component=[
        {"code": {"text": DROP}, "valueBoolean": drop is not None}, *answer_components(spec, data, LEFT_OUT)]),
        record.record_id)
    for resource in measured.removed(ctx, stays, "assessed_at", _panels):
        made.add(resource, record.record_id)
    return made


def _panels(measured: Measured) -> None:
    """One blood pressure panel per position measured."""
    data = measured.record.data
    panel, codes, unit = BLOOD_PRESSURE
    for pair in PAIRS:
        words, systolic, diastolic = POSITIONS[pair]
        if data.get(f"{pair}_systolic") is None:
            continue
        measured.add(f"bp_{pair}", code={"coding": [coding(LOINC, panel)], "text": words}, component=[
            {"code": {"coding": [coding(LOINC, codes[f"{part}_bp"]), coding(LOINC, position)]},
             "valueQuantity": quantity(data[f"{pair}_{part}"], unit)}
            for part, position in (("systolic", systolic), ("diastolic", diastolic))
            if data.get(f"{pair}_{part}") is not None])

