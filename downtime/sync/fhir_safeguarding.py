"""Each safeguarding concern (forms/safeguarding_concern.yaml) as one FHIR Observation, in the stay
it was raised in, at its time, by who raised it.

Why an Observation and not a Flag: a Flag is the warning an EHR shows on the patient's banner, on
every screen, for as long as it is active; the ward cannot say when a safeguarding concern ends,
and whether a patient carries a safeguarding alert, and in what words, is the safeguarding
team's decision after the enquiry (Care Act 2014 s.42, Children Act 1989 s.47), not a laptop's
during an outage. A banner turned towards the bedside may be read by the person who harms the
patient. What the records clerk back-enters is the concern as the ward wrote it and where its
referral stands: an Observation (category social-history: the person's home and family
circumstances) whose value is that referral in words ("Referred to adult social care
28/11/2026 11:00 (ref AS123)", or "Referral to adult social care not made"), its components
every answer, each named by the form's English label (sync.fhir_answers). It is labelled
restricted (meta.security, v3-Confidentiality R): an EHR that honours the label keeps it from the
patient's online record and from a proxy's (the parent of a child, the carer who may be the one
who harms), where an unlabelled Observation is shown as any other. The code is in
words: no SNOMED CT or LOINC code for a safeguarding concern could be checked here, and one
invented would be read by the EHR as another finding."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlite_utils import Database

from downtime.domain.clock import DATED, answered_at, ward_time
from downtime.domain.records import RecordVersion
from downtime.domain.safeguarding import NOT_REFERRED, Kind
from downtime.services.safeguarding import CARE, FORM
from downtime.sync.fhir_answers import answer_components
from downtime.sync.fhir_codes import CONFIDENTIALITY, coding
from downtime.sync.fhir_elements import Context, Group, Made
from downtime.sync.fhir_observations import record_groups, record_observation
from downtime.sync.fhir_stays import Stays

CONCERN = {"text": "Safeguarding concern (adult or child)"}
LEFT_OUT = frozenset({"raised_at"})
"""Sent as the Observation's time, not as a component."""


def safeguarding_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per concern: its Observation."""
    return record_groups(db, ctx, stays, FORM, _made)


def referral_said(data: Mapping[str, Any]) -> str:
    """The referral in words, as the value: made (when, its reference), not made on the
    safeguarding team's advice, or not made."""
    care = CARE[Kind(data["adult_or_child"])]["en"]
    if data.get("referral_decision") == NOT_REFERRED:
        return f"Not referred to {care}, on the safeguarding team’s advice"
    made = answered_at(data, "referral_at")
    if made is None:
        return f"Referral to {care} not made"
    ref = " ".join(str(data.get("referral_ref") or "").split())
    return f"Referred to {care} {ward_time(made, None, DATED)}" + (f" (ref {ref})" if ref else "")


def _made(record: RecordVersion, ctx: Context, stays: Stays) -> Made:
    spec, data = ctx.forms[FORM], record.data
    made = Made()
    made.add(record_observation(record, ctx, stays, "social-history", CONCERN, data["raised_at"],
                                meta={"security": [coding(CONFIDENTIALITY, "R")]},
                                valueString=referral_said(data),
                                component=list(answer_components(spec, data, LEFT_OUT))), record.record_id)
    return made
