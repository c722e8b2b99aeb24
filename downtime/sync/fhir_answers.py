"""A form's answers as an Observation's components, each under its English label, for the forms
whose codes are in words (a missing patient, a swallow screen, a falls-risk assessment): one
reading of the kinds, so that a Yes is a boolean and a time a dateTime in every one of them."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import Any

from downtime.formspec import FormSpec
from downtime.formspec.schema import (
    ChoiceField,
    DateTimeField,
    MultiChoiceField,
    YesNoField,
)
from downtime.sync.fhir_elements import label, moment


def answer_components(spec: FormSpec, data: Mapping[str, Any], left_out: Collection[str] = ()) -> Iterator[dict[str, Any]]:
    """Each answer but those `left_out` (sent elsewhere: the Observation's time or value, a
    reading's own resource) under its English label: a Yes or No as a boolean, a time as a
    dateTime, a choice in words, each option ticked of a multiple choice as its own Yes, words
    (or a number) as a string."""
    for field in spec.fields():
        value = data.get(field.id)
        if value in (None, "", []) or field.id in left_out:
            continue
        code = {"text": field.label.en}
        if isinstance(field, YesNoField):
            yield {"code": code, "valueBoolean": bool(value)}
        elif isinstance(field, DateTimeField):
            yield {"code": code, "valueDateTime": moment(value)}
        elif isinstance(field, MultiChoiceField):
            yield from ({"code": {"text": label(spec, field.id, one)}, "valueBoolean": True} for one in value)
        elif isinstance(field, ChoiceField):
            yield {"code": code, "valueCodeableConcept": {"text": label(spec, field.id, value)}}
        else:
            yield {"code": code, "valueString": " ".join(str(value).split())}
