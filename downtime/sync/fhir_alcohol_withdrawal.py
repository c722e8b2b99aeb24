"""Each alcohol withdrawal check (forms/alcohol_withdrawal.yaml) as one FHIR Observation (a survey)
in the stay it was made in: the CIWA-Ar total as its value, its band (domain.alcohol_withdrawal) as
the interpretation (the band alone: "minimal", not the ward's recheck instruction, which a red flag
changes); a patient not scored has no value but a reason for its absence (asleep, drowsy, confused),
never a 0 the EHR would chart as withdrawal over. Each item answered, each red flag, the dose given and
when, the doctor told and the chart stopped are components in the form's words (sync.fhir_answers),
with the rules' reading of hallucinations with disorientation beside the items it is read from.
The code is in words: no LOINC code for the CIWA-Ar total could be verified here (a code's check
digit, tests/test_loinc_check_digits.py, proves only that it is a LOINC code, not which), and a
code guessed would file the check as another test, as the swallow screen's would."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from downtime.domain.alcohol_withdrawal import band, delirium_tremens, score
from downtime.domain.records import RecordVersion
from downtime.services.alcohol_withdrawal import FORM
from downtime.sync.fhir_answers import answer_components
from downtime.sync.fhir_codes import DATA_ABSENT_REASON, coding
from downtime.sync.fhir_elements import Context, Group
from downtime.sync.fhir_observations import record_observation
from downtime.sync.fhir_stays import Stays, one_each

CIWA_AR = {"text": "CIWA-Ar alcohol withdrawal assessment: total score"}
DELIRIUM_TREMENS = ("Hallucinations with disorientation (a tactile, auditory or visual item 4 or more, orientation 2 "
                    "or more): delirium tremens?")
"""The rules' reading of the items, sent beside them."""
LEFT_OUT = frozenset({"checked_at", "notes"})
"""Sent as the Observation's time and note, not as components."""


def alcohol_withdrawal_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per check."""
    return one_each(db, ctx, stays, ((FORM, _observation),))


def _observation(record: RecordVersion, ctx: Context, stays: Stays) -> dict[str, Any]:
    data, spec = record.data, ctx.forms[FORM]
    total = score(data)
    value: dict[str, Any] = (
        {"dataAbsentReason": {"coding": [coding(DATA_ABSENT_REASON, "not-performed")], "text": next(
            option.label.en for option in spec.field("unable_to_assess").options
            if option.code == data["unable_to_assess"])}} if total is None else
        {"valueInteger": total, "interpretation": [{"text": str(band(total))}]})
    return record_observation(
        record, ctx, stays, "survey", CIWA_AR, data["checked_at"], **value,
        component=[*answer_components(spec, data, LEFT_OUT),
                   *([] if total is None else [{"code": {"text": DELIRIUM_TREMENS},
                                                "valueBoolean": delirium_tremens(data)}])],
        **({"note": [{"text": data["notes"]}]} if data.get("notes") else {}))
