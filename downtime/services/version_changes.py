"""What a version of a record changed from the one it was written after, in the form's words.

One wording for every place that says it: the back-entry worklist (what the clerk corrects in
the EHR), the screen's History and the printed amendment history. Each worded it on its own:
the History gave "Weight: 61,5 → 62,5" where the worklist gave "Weight: 61,5 kg → 62,5 kg",
and the print said only the reason, the old value nowhere (on paper it stays readable under the
line through it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Protocol, TypeVar

from sqlite_utils import Database

from downtime.domain.records import RecordVersion
from downtime.formspec import Field, FormSpec, Lang
from downtime.formspec.values import answer_text, as_current
from downtime.i18n import labelled, semicolon
from downtime.storage.records import histories


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
    """The answers of `after` (a version's data) that differ from `before`'s, in the form's order,
    each read as this version of the form asks it (see values.as_current: a focus renamed read as
    "Problem: — → Fall"): a key the form no longer asks is left out, as no one can word it, and an
    amendment carries it forward unchanged (see services.records._checked)."""
    before, after = as_current(spec, before), as_current(spec, after)
    return tuple(Change(field, before.get(field.id), after.get(field.id))
                 for field in spec.fields() if before.get(field.id) != after.get(field.id))


def changes_text(found: tuple[Change, ...], lang: Lang) -> str:
    """"Weight: 61.5 kg → 45 kg; Resuscitation: For resuscitation → DNACPR"."""
    return semicolon(lang).join(change.text_in(lang) for change in found)


@dataclass(frozen=True)
class Amendment:
    """A version of a record written over the one before it: a printed chart footnotes it under
    the set it corrects, as a correction on paper stays readable under its line and is initialled
    (a pulse typed 142, scored 3 and the doctor called, printed as if it had always been 72)."""

    before: RecordVersion
    after: RecordVersion

    def changes(self, spec: FormSpec) -> tuple[Change, ...]:
        return changes(spec, self.before.data, self.after.data)


def amendments(db: Database, records: Iterable[RecordVersion]) -> dict[str, tuple[Amendment, ...]]:
    """Each amended one of `records` (current versions) by its id, with each of its versions
    over the one before, oldest first: one query for a chart's sets, those never amended unread."""
    amended = [record.record_id for record in records if record.version > 1]
    return {record_id: tuple(Amendment(before, after) for before, after in zip(versions, versions[1:]))
            for record_id, versions in histories(db, amended).items()}


class Amendable(Protocol):
    """A chart's line: the record it is written from, and that record's amendments."""

    @property
    def record(self) -> RecordVersion: ...

    @property
    def amended(self) -> tuple[Amendment, ...]: ...


Line = TypeVar("Line", bound=Amendable)


def with_amendments(db: Database, lines: list[Line]) -> list[Line]:
    """A patient's chart `lines` (frozen dataclasses), each with its record's `amendments`: what
    the printed chart marks and footnotes. The chart alone reads them, not a ward's lists."""
    found = amendments(db, (line.record for line in lines))
    return [replace(line, amended=found[line.record.record_id])  # type: ignore[type-var]
            if line.record.record_id in found else line for line in lines]
