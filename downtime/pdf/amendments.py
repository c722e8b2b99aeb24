"""Readings amended after they were saved, on the printed bedside charts (NEWS2, neuro, glucose,
PEWS, pain, lines, bowels, wounds, repositioning, transfusion, results, fluid): the amended set's
time marked ("28/11 12:00 †1") and, under the chart, each amendment with its old and new values,
when, by whom and why. On paper a correction is struck through and initialled, the old figure
readable under the line; the chart printed a pulse typed 142 (scored 3, the doctor called) and
corrected to 72 as if it had always been 72, so neither the reviewing doctor nor the back-entry
clerk could see what had been acted upon."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from types import MappingProxyType
from typing import Protocol

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from downtime.formspec import FormSpec, Lang
from downtime.pdf.lines import Lines
from downtime.pdf.page import RULE, LinesTable, in_words, style, ward_clock
from downtime.domain.records import RecordVersion
from downtime.services.version_changes import Amendable, Amendment, changes_text

MARK = "†"
WORDS: dict[str, dict[Lang, str]] = {
    "title": {"en": "{mark} Amended after it was saved: the chart shows the new values; the old ones were written "
                    "and may have been acted upon.",
              "fr": "{mark} Modifiée après son enregistrement : la feuille montre les nouvelles valeurs ; les "
                    "anciennes ont été saisies et ont pu être suivies d’effet."},
    "columns": {"en": "|Taken|Changed (before → after)|Amended|By|Reason",
                "fr": "|Prise|Modification (avant → après)|Modifiée le|Par|Motif"},
}
MARKED, TIMED = 8 * mm, 23 * mm
"""The mark's column and each time's: a time on one line on a portrait chart as on a landscape one."""
SHARES = (0.45, 0.2, 0.35)
"""What changed, by whom and why share the rest of the page's width."""


class Recorded(Protocol):
    """A chart's line, written from a record."""

    @property
    def record(self) -> RecordVersion: ...


class Charted(Amendable, Protocol):
    """A chart's line: a set or reading, when it was taken, and its record's amendments."""

    @property
    def taken_at(self) -> datetime: ...


Amendments = Mapping[str, tuple[Amendment, ...]]
"""Each amended record's amendments by its id (services.version_changes.amendments)."""
NONE: Amendments = MappingProxyType({})


@dataclass(frozen=True)
class Line:
    """A chart's line as its marks and footnotes read it, for a chart whose lines are read
    without their amendments (pain, lines, bowels, wounds, repositioning, transfusion, results,
    fluid): given them, by the printing, as `Amendments`."""

    record: RecordVersion
    taken_at: datetime
    amended: tuple[Amendment, ...] = ()


def charted(taken: Iterable[tuple[RecordVersion, datetime]], amended: Amendments) -> list[Line]:
    """Each record with when it was taken, and its amendments of `amended`."""
    return [Line(record, at, amended.get(record.record_id, ())) for record, at in taken]


Signed = Callable[[str, str], str]
"""Who wrote a version (its author and laptop) as the chart's own signatures say it: a name, or
initials where the chart's column of signatures holds initials."""


def marks(lines: Sequence[Amendable]) -> dict[str, str]:
    """Each amended line's mark by its record's id, numbered as the chart runs ("†1", "†2"):
    marks over all the chart's pages, so one page's †1 is never another's."""
    amended = [line.record.record_id for line in lines if line.amended]
    return {record_id: f"{MARK}{number}" for number, record_id in enumerate(amended, start=1)}


def marked(text: str, line: Recorded, found: Mapping[str, str]) -> str:
    """A line's time with its mark (of `found`, see `marks`) after it when it was amended."""
    return marked_by(text, [line.record], found)


def marked_by(text: str, records: Iterable[RecordVersion], found: Mapping[str, str]) -> str:
    """A cell written from several records (a blood unit's starts, or its ends) with the mark of
    each amended one after it."""
    return " ".join([text, *(found[record.record_id] for record in records if record.record_id in found)])


def footnotes(lines: Sequence[Charted], spec: FormSpec | Mapping[str, FormSpec], lang: Lang, width: float, *,
              zone: tzinfo | None, signed: Signed, size: float = 7.5) -> list[Flowable]:
    """Under the chart, an amended line's each amendment, oldest first, with the old and new
    answers in the form's words and units (services.version_changes, as the printed form's history
    says them); nothing on a chart with none. `spec`: the form the lines are written on, or each
    form by its id (a blood unit's starts and ends). `zone`: the ward's, whose clock the times are
    said on."""
    found = marks(lines)
    if not found:
        return []
    cell = style(size)
    rows: list[list[object]] = [[Lines(text, style(size, bold=True)) for text in in_words(WORDS, "columns", lang).split("|")]]
    for line in lines:
        for amendment in line.amended:
            after = amendment.after
            rows.append([Lines(found[line.record.record_id], style(size, bold=True)),
                         Lines(ward_clock(line.taken_at, zone), cell),
                         Lines(changes_text(amendment.changes(spec if isinstance(spec, FormSpec)
                                                              else spec[after.form_id]), lang) or "—", cell),
                         Lines(ward_clock(after.recorded_at, zone), cell),
                         Lines(signed(after.author, after.device_id), cell),
                         Lines(" ".join((after.reason or "—").split()), cell)])
    changed, by, reason = (share * (width - MARKED - 2 * TIMED) for share in SHARES)
    table: Table = LinesTable(rows, colWidths=[MARKED, TIMED, changed, TIMED, by, reason], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, RULE),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e0e0e0")),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    # Its heading never alone at the foot of a page, the amendments over the page.
    return [Spacer(1, 2 * mm), KeepTogether([Lines(in_words(WORDS, "title", lang, mark=MARK), style(size + 0.5, bold=True)),
                                             Spacer(1, 1 * mm), table])]
