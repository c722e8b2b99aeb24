"""Each pain assessment as a FHIR Observation (a survey) in the stay it was made in: the scale in
words as its code ("Pain score: number from 0 to 10 (the patient says)"), the score as the value
(an integer, or the patient's word; a FLACC or EVENDOL total as added up from its items, each
item a component), pain moderate or worse as its interpretation (on EVENDOL, pain at its
threshold to treat), where and what was done as notes, as is a line typed from the paper chart
(a dose's says it too). Codes are in words: LOINC's pain scores could not be checked here, and a
wrong code files it as something else."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from downtime.domain.pain import SCORED
from downtime.domain.records import RecordVersion
from downtime.services.pain import FORM, TRANSCRIBED, assessed
from downtime.sync.fhir_elements import Context, Group, label
from downtime.sync.fhir_observations import record_observation
from downtime.sync.fhir_stays import Stays, one_each

PAIN = "Pain score"
"""The code's words before the scale's."""
MATTERS = {"evendol": "Pain to treat (EVENDOL 4 or more out of 15)"}
"""The interpretation of pain that matters, where it is not "Moderate pain or worse"."""
TYPED_FROM_PAPER = "Transcribed from the paper chart"
"""A note in the words a dose typed from paper has (sync.fhir_medication)."""


def pain_groups(db: Database, ctx: Context, stays: Stays) -> dict[str, Group]:
    """One group per pain assessment."""
    return one_each(db, ctx, stays, ((FORM, _observation),))


def _observation(record: RecordVersion, ctx: Context, stays: Stays) -> dict[str, Any]:
    data, spec, found = record.data, ctx.forms[FORM], assessed(record)
    scale, scored = data["scale"], SCORED.get(data["scale"])
    value = ({"valueString": label(spec, "score_verbal", data["score_verbal"])} if scored is None else
             {"valueInteger": scored.total(data)})
    notes = [*([f"Where: {' '.join(data['where'].split())}"] if data.get("where") else []),
             *([f"Done: {', '.join(label(spec, 'action', code) for code in data['action'])}"] if data.get("action")
               else []),
             f"Assess again in {label(spec, 'reassess_in', data['reassess_in'])}",
             *([f"Sedation score: {label(spec, 'sedation', data['sedation'])}"] if data.get("sedation") else []),
             *([f"Breathing rate: {data['breathing_rate']}/min"] if data.get("breathing_rate") is not None else []),
             *([data["notes"]] if data.get("notes") else []),
             # Its plan is the paper's: the EHR's reader finds the line on the paper chart.
             *([TYPED_FROM_PAPER] if data.get(TRANSCRIBED) is True else [])]
    return record_observation(
        record, ctx, stays, "survey", {"text": f"{PAIN}: {label(spec, 'scale', scale)}"}, data["assessed_at"], **value,
        **({"interpretation": [{"text": MATTERS.get(scale, "Moderate pain or worse")}]} if found.matters else {}),
        **({"component": [{"code": {"text": spec.field(item).label.en}, "valueInteger": int(data[item])}
                          for item in scored.items]} if scored is not None and scored.observed else {}),
        note=[{"text": text} for text in notes])
