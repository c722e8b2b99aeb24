"""A night of doses given on the paper chart, typed in at once when the laptop is back: the
scheduled doses due in a stretch with nothing recorded, for the nurse to say of each what the
paper says, and the rows she typed saved together. One dose dialog per dose asked its questions
again each time: a 30-bed ward's night is some 150 of them, at shift change.

Each row is saved by medication.record_dose, its one mechanism (its safety warnings, the witness
named from the paper, the controlled-drug register); all of them in one transaction, so a row
refused leaves none of the others written, nor their audit entries."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict

from downtime.domain.medication import (
    WRITTEN_APART, Administration, DoseState, Frequency, Order, Outcome, Warning, same_dose_time,
)
from downtime.domain.records import RecordVersion
from downtime.domain.staff import Action
from downtime.i18n import QT_TRANSLATE_NOOP
from downtime.services import medication, paper_gap, records
from downtime.services.context import Session
from downtime.services.errors import NotFound, ServiceError

# Doses with nothing recorded that are not on the paper of the ward either: the patient was not
# in hospital, the EHR holds it, or it is not due yet.
_NOT_ON_PAPER = frozenset({DoseState.NOT_IN_HOSPITAL, DoseState.IN_EHR, DoseState.UPCOMING})


@dataclass(frozen=True)
class Stretch:
    """The hours whose doses are typed in from paper."""

    start: datetime
    end: datetime


@dataclass(frozen=True)
class DueDose:
    """A scheduled dose that fell due in the stretch with nothing recorded for it."""

    order: Order
    slot: datetime


@dataclass(frozen=True)
class PaperChart:
    """What the paper chart of these patients is typed into: the doses due in the stretch, and
    the as-required orders running in it (a dose given from one is a row the nurse adds)."""

    stretch: Stretch
    due: tuple[DueDose, ...]
    as_required: tuple[Order, ...]


def gap_stretch(session: Session, patient_ids: Collection[str]) -> Stretch | None:
    """The stretch the chart says may be on paper (see services.paper_gap): from the start of
    the earliest silence any of these patients' doses fell due in to the end of the latest. None:
    no dose of theirs is said to be on paper."""
    now = session.clock()
    first = (now - paper_gap.LOOK_BACK).date()
    silences = [cell.on_paper for rows in medication.mar_grids(session.db, patient_ids, first,
                                                                (now.date() - first).days + 1, now).values()
                for row in rows for cell in row.cells if cell.on_paper is not None]
    if not silences:
        return None
    return Stretch(min(silence.start for silence in silences), max(silence.end for silence in silences))


def paper_chart(session: Session, patient_ids: Collection[str], stretch: Stretch) -> PaperChart:
    """The scheduled doses of these patients that fell due in the stretch (its start excluded,
    as a silence's, unless the chart says the dose there may be on paper: an order typed in after
    it started has its first dose at the stretch's start) with nothing recorded, by patient then time, and their as-required orders
    running in it. A dose due less than WRITTEN_APART ago is left out: it is given now, not
    typed in from paper. A stretch ending at or before its start is refused, saying so."""
    if stretch.end <= stretch.start:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "The stretch ends at or before its start: type its start, "
                                                         "then its end."))
    now = session.clock()
    tz = now.tzinfo
    first, last = stretch.start.astimezone(tz).date(), min(stretch.end, now).astimezone(tz).date()
    grids = medication.mar_grids(session.db, patient_ids, first, (last - first).days + 1, now)
    due = [DueDose(row.order, cell.slot) for rows in grids.values() for row in rows for cell in row.cells
           if cell.administration is None and cell.state not in _NOT_ON_PAPER
           and _in_stretch(cell, stretch) and now - cell.slot >= WRITTEN_APART]
    place = {patient_id: number for number, patient_id in enumerate(patient_ids)}
    due.sort(key=lambda dose: (place[dose.order.patient_id], dose.slot, dose.order.drug.casefold()))
    as_required = [row.order for rows in grids.values() for row in rows if row.order.frequency is Frequency.PRN
                   and row.stay_ended is None and row.order.start_at <= stretch.end
                   and (row.order.stop_at is None or stretch.start < row.order.stop_at)]
    return PaperChart(stretch, tuple(due), tuple(as_required))


def _in_stretch(cell: medication.MarCell, stretch: Stretch) -> bool:
    return stretch.start < cell.slot <= stretch.end or (cell.slot == stretch.start and cell.on_paper is not None)


@dataclass(frozen=True)
class PaperDose:
    """One row of the paper chart as the nurse typed it. `slot`: the scheduled dose it is
    (None: as required); `overrides`: a reason by the message of each warning it raised."""

    order_id: str
    slot: datetime | None
    given: bool
    at: datetime
    dose: float | None = None
    route: str | None = None
    given_by: str | None = None
    witness: str | None = None
    reason: str | None = None
    detail: str | None = None
    given_for: str | None = None
    decided_on: str | None = None
    """The reading a variable dose was decided on, as the paper chart gives it (if it does)."""
    site: str | None = None
    """Where a patch was put on, as the paper chart gives it: typed in with none, the next dose
    dialog's CURRENT PATCH said "site not recorded" of the patch to take off."""
    overrides: Mapping[str, str] = field(default_factory=dict)

    def values(self) -> dict[str, Any]:
        """The dose's record as medication.record_dose takes it, transcribed from the paper."""
        values: dict[str, Any] = {"outcome": (Outcome.GIVEN if self.given else Outcome.NOT_GIVEN).value,
                                  "given_at": self.at.isoformat(timespec="minutes"), medication.TRANSCRIBED: True}
        if self.slot is not None:
            values["scheduled_for"] = self.slot.isoformat(timespec="minutes")
        if self.given:
            values |= {"dose_given": self.dose, "route": self.route, "given_for": self.given_for,
                       medication.DECIDED_ON: self.decided_on, medication.SITE: self.site,
                       medication.GIVEN_BY: self.given_by}
        else:  # the reading a variable dose's rule gave none at (none by its rule)
            values |= {"not_given_reason": self.reason, "not_given_detail": self.detail,
                       medication.DECIDED_ON: self.decided_on}
        return {key: value for key, value in values.items() if value not in (None, "")}


ROW_REFUSED = QT_TRANSLATE_NOOP("messages", "Row {row}, {dose}: {problem}")


class RowRefused(ServiceError):
    """A row the dose's checks refused: none of the rows is saved. `problem`: the refusal, as
    the dose's own (a field's, for the screen to go to its box)."""

    def __init__(self, row: int, dose: str, problem: ServiceError):
        self.row, self.problem = row, problem
        super().__init__(ROW_REFUSED, row=row, dose=dose, problem=problem)


class OverridesNeeded(ServiceError):
    """Warnings rows raised, by row, each needing a reason before the rows are saved (as the
    dose dialog asks them, see medication.OverrideNeeded): none of the rows is saved."""

    def __init__(self, warnings: dict[int, list[Warning]]):
        self.warnings = warnings
        super().__init__(QT_TRANSLATE_NOOP("messages", "Safety warnings on {count} row(s): give a reason to record each "
                                                       "one anyway, or leave the row not on paper. Nothing is saved "
                                                       "yet."), count=len(warnings))


def row_words(session: Session, row: PaperDose) -> str:
    """A row as its refusal names it: "Morphine 5 mg SC 02:00" (the time due, else given), its
    order as it reads now, withdrawn since or not."""
    found = medication.order_of(records.current(session.db, row.order_id))
    label = medication.order_label(found, session.form(medication.ORDER_FORM), session.lang)
    return f"{label} {(row.slot or row.at).astimezone(session.clock().tzinfo):%H:%M}"


def save_paper_doses(session: Session, rows: Mapping[int, PaperDose]) -> list[RecordVersion]:
    """Every row saved as a dose transcribed from the paper, or none: `rows` by their number on
    the nurse's screen, saved in the order they were given (a dose is judged against those given
    before it). Raises RowRefused for the first row refused, OverridesNeeded when rows raised
    warnings with no reason (all of them, the rows after read as if those were not saved)."""
    session.require(Action.RECORD_CARE)
    needed: dict[int, list[Warning]] = {}
    saved: list[RecordVersion] = []
    with session.db.atomic():
        for number, row in sorted(rows.items(), key=lambda item: (item[1].at, item[0])):
            try:
                saved.append(medication.record_dose(session, row.order_id, row.values(), overrides=row.overrides,
                                                    witness=(row.witness, "") if row.witness else None))
            except medication.OverrideNeeded as warned:
                needed[number] = warned.warnings
            except ServiceError as problem:
                raise RowRefused(number, row_words(session, row), problem) from problem
        if needed:
            raise OverridesNeeded(needed)
    return saved


def tally(rows: Mapping[int, PaperDose]) -> tuple[int, int]:
    """How many rows say given, and how many not given."""
    given = sum(row.given for row in rows.values())
    return given, len(rows) - given



DRAFT_FORM = "paper_doses"
"""The kind of the screen's draft (see services.drafts), no form's id: a night's rows typed in,
autosaved on every change, are offered back at sign-in as the screen, not as a form or a dose.
A laptop that died at row 35 lost the 35, on the screen there for laptops that die."""


class DraftRow(BaseModel):
    """One row as typed: its boxes' text as is (a time half typed is kept, to finish), its
    lists' choices by code; `slot` None for an as-required dose added; `overrides` the reason
    typed under each warning shown, by the warning's message."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    order_id: str
    slot: AwareDatetime | None
    outcome: Literal["not_on_paper", "given", "not_given"]
    given_at: str
    dose: str
    given_by: str | None
    witness: str | None
    reason: str | None
    detail: str
    site: str = ""
    """A patch's site as typed (a draft kept before the screen asked it has none)."""
    overrides: dict[str, str]


class PaperDraft(BaseModel):
    """The screen as typed: whose doses (one patient's, or a ward's by bed), the stretch's two
    boxes, the giver chosen for every row, and every row, those left not on paper too (a row's
    number is its place)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    patient_ids: tuple[str, ...]
    ward: str | None
    start: str
    end: str
    giver_for_all: str | None
    rows: tuple[DraftRow, ...]

    def typed(self) -> int:
        """How many rows say given or not given: those a crash would lose."""
        return sum(row.outcome != "not_on_paper" for row in self.rows)


@dataclass(frozen=True)
class ResumedRow:
    """A draft's row as the chart reads now: `order` None when withdrawn since; `recorded` the
    dose recorded since for its time (again from the round, by its nurse or someone else)."""

    typed: DraftRow
    order: Order | None
    recorded: Administration | None


def resumed_rows(session: Session, draft: PaperDraft) -> list[ResumedRow]:
    """Every row of a draft, each with its order as it stands and the dose recorded since for its
    time: the screen reopens them as typed, and says which may no longer be saved. Each
    patient's doses are read once (a ward's night is some 150 rows)."""
    doses = {patient_id: medication.administrations(session.db, patient_id) for patient_id in draft.patient_ids}
    found: list[ResumedRow] = []
    for row in draft.rows:
        try:
            order = medication.order(session.db, row.order_id)
        except NotFound:
            found.append(ResumedRow(row, None, None))
            continue
        recorded = next((dose for dose in doses.get(order.patient_id, ()) if row.slot is not None
                         and dose.order_id == order.record_id and same_dose_time(dose.scheduled_for, row.slot)), None)
        found.append(ResumedRow(row, order, recorded))
    return found
