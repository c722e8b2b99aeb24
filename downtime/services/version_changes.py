"""What a version of a record changed from the one it was written after, in the form's words.

One wording for every place that says it: the back-entry worklist (what the clerk corrects in
the EHR), the screen's History and the printed amendment history. Each worded it on its own:
the History gave "Weight: 61,5 → 62,5" where the worklist gave "Weight: 61,5 kg → 62,5 kg",
and the print said only the reason, the old value nowhere (on paper it stays readable under the
line through it).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from downtime.formspec import Field, FormSpec, Lang
from downtime.formspec.values import answer_text
from downtime.i18n import labelled, semicolon


@dataclass(frozen=True)
class Change:
    """One answer that differs between two versions of a record."""

    field: Field
    before: Any
    after: Any

    def text_in(self, lang: Lang) -> str:
        return labelled(self.field.line_label(lang), f"{answer_or_dash(self.field, self.before, lang)} → "
                                                     f"{answer_or_dash(self.field, self.after, lang)}", lang)


def answer_or_dash(field: Field, value: Any, lang: Lang) -> str:
    """With its unit, as a line reads it ("61.5 kg"): a bare "61.5 → 45" left kilograms or pounds
    to guess; an answer not given is a dash, so that one added or cleared reads as such."""
    return answer_text(field, value, lang) or "—"


def changes(spec: FormSpec, before: Mapping[str, Any], after: Mapping[str, Any]) -> tuple[Change, ...]:
    """The answers of `after` (a version's data) that differ from `before`'s, in the form's order:
    a key the form no longer asks is left out, as no one can word it."""
    return tuple(Change(field, before.get(field.id), after.get(field.id))
                 for field in spec.fields() if before.get(field.id) != after.get(field.id))


def changes_text(found: tuple[Change, ...], lang: Lang) -> str:
    """"Weight: 61.5 kg → 45 kg; Resuscitation: For resuscitation → DNACPR"."""
    return semicolon(lang).join(change.text_in(lang) for change in found)
