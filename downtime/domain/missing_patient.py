"""A patient missing from the ward (forms/missing_patient.yaml): the risk, when the police are to
be told, and whether the patient is still missing, or back and not yet reviewed (nor the police
told the patient is found). Pure: the service reads the records and says it on the ward's lists.

The rules are a trust's missing-patient procedure, as the Home Office's national framework for
adults missing from health and care settings (2020) asks each setting to agree them with its
police: any factor of `HIGH_FACTORS` makes the risk HIGH, the police told at once, once the
immediate search of the ward is done, and so does a child (`child_at`) whatever is ticked;
otherwise the nurse judges the risk medium or low, and the police are told when the search of the
ward and grounds has failed, `POLICE_AFTER_SEARCH` after the patient was noticed missing (trusts
write 1 hour: Salford Royal's, NHS Borders')."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from downtime.domain import elapsed
from downtime.domain.age import CHILD_UNTIL, age_in_years
from downtime.domain.clock import answered_at, ward_day


class Risk(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


HIGH_FACTORS = frozenset({"lacks_capacity", "detained", "self_harm", "vulnerable", "time_critical"})
"""The form's `risk_factors`, any of which makes the risk HIGH whatever the nurse's judgement: a
confused patient who wandered off was called "low" by a busy nurse and searched for an hour."""
CHILD_FACTOR = "vulnerable"
"""The factor ("A child or a vulnerable adult") a child's record is ticked with when it opens
(`child_at`): a missing 2-year-old was saved "low risk", the police to be told an hour later."""
DETAINED_FACTOR = "detained"
"""The factor ("Detained under the Mental Health Act, or under a DoLS") a record is ticked with
when it opens for a patient under a DoLS authorisation (services.missing_patient.first_answers)."""
IMMEDIATE_SEARCH = timedelta(minutes=15)
"""The immediate search of the ward a HIGH-risk patient's police call waits for, when the search
is not recorded as done sooner: the police are told at once after it."""
POLICE_AFTER_SEARCH = timedelta(hours=1)
"""How long after being noticed missing a patient of medium or low risk is reported to the
police when the ward and grounds search has not found them (the trust's time)."""
STEPS = ("searched_at", "security_told_at", "doctor_told_at", "next_of_kin_told_at")
"""The form's actions before the police, each a time (`Missing`'s field of the same name): asked
until recorded, since the list asked a search recorded done and never the doctor."""
ACTIONS = (*STEPS, "police_told_at")
"""The form's actions, each a time: none can be before the patient was noticed missing (the ward
acts once it knows), nor can the return."""
AFTER_RETURN = ("reviewed_at", "police_told_found_at")
"""What follows the return, each a time: the doctor's review, and the police told the patient is
found (their search stood down), neither before the return."""


def risk_of(factors: Any, judged: str | None) -> Risk | None:
    """HIGH when any factor of `HIGH_FACTORS` is ticked, else the nurse's answer (None unanswered)."""
    if set(factors or ()) & HIGH_FACTORS:
        return Risk.HIGH
    return Risk(judged) if judged else None


def child_at(born: date | None, noticed_at: datetime) -> bool:
    """Whether the patient (born `born`; None: not known, taken as an adult) was a child, under
    `CHILD_UNTIL`, when noticed missing: the risk is then HIGH whatever is ticked, as the trusts'
    missing-patient policies hold every child missing from hospital (DfE, "Children who run away
    or go missing from home or care", 2014), not at the nurse's judgement."""
    return born is not None and age_in_years(born, ward_day(noticed_at)) < CHILD_UNTIL


@dataclass(frozen=True)
class Missing:
    """One record of a patient missing from the ward, as its answers stand."""

    last_seen_at: datetime
    noticed_at: datetime
    last_seen_where: str
    risk: Risk
    searched_at: datetime | None
    security_told_at: datetime | None
    doctor_told_at: datetime | None
    next_of_kin_told_at: datetime | None
    police_told_at: datetime | None
    returned_at: datetime | None
    reviewed_at: datetime | None
    police_told_found_at: datetime | None

    @property
    def police_due_at(self) -> datetime:
        """When the police are to be told: a HIGH-risk patient's once the immediate search is done
        (`IMMEDIATE_SEARCH`, or sooner when the search is recorded done sooner), another's when the
        search has failed (`POLICE_AFTER_SEARCH` after noticed missing)."""
        if self.risk is Risk.HIGH:
            immediate = self.noticed_at + IMMEDIATE_SEARCH
            return min(immediate, self.searched_at, key=elapsed.instant) if self.searched_at else immediate
        return self.noticed_at + POLICE_AFTER_SEARCH

    def police_overdue(self, at: datetime) -> bool:
        """The patient still missing at `at`, the police not told and their time passed."""
        return (self.police_told_at is None and self.missing_at(at)
                and elapsed.instant(at) >= elapsed.instant(self.police_due_at))

    def missing_at(self, at: datetime) -> bool:
        """Missing at `at`: last seen before it, not returned by it."""
        return elapsed.instant(self.last_seen_at) <= elapsed.instant(at) and (
            self.returned_at is None or elapsed.instant(at) < elapsed.instant(self.returned_at))

    @property
    def review_awaited(self) -> bool:
        """Back on the ward, no doctor's review recorded yet."""
        return self.returned_at is not None and self.reviewed_at is None

    @property
    def police_to_stand_down(self) -> bool:
        """Back, the police told of the disappearance and not yet that the patient is found: the
        usual practice is that the ward tells them, or they go on searching for a patient in bed."""
        return self.returned_at is not None and self.police_told_at is not None and self.police_told_found_at is None

    @property
    def open_after_return(self) -> bool:
        """Back, and something the return asks not yet recorded (`review_awaited`,
        `police_to_stand_down`): the record stays on the ward's lists until it is."""
        return self.review_awaited or self.police_to_stand_down

    def while_missing(self, moment: datetime, now: datetime) -> bool:
        """Whether `moment` (a dose's time) fell between last seen and the return (or `now`)."""
        end = self.returned_at or now
        return elapsed.instant(self.last_seen_at) <= elapsed.instant(moment) < elapsed.instant(end)


def risk_read(data: Mapping[str, Any], born: date | None) -> Risk | None:
    """A record's risk as the rules read it (`risk_of`), and HIGH for a child (`child_at`, born
    `born`; None: not known) not yet back, whatever was answered: a record the save's check never
    saw so (the birth date recorded after it, one saved before the rule, one merged from a laptop
    not holding it) went on counting down to the police an hour later. One back is read as it
    was recorded."""
    noticed = answered_at(data, "noticed_at")
    if noticed is not None and answered_at(data, "returned_at") is None and child_at(born, noticed):
        return Risk.HIGH
    return risk_of(data.get("risk_factors"), data.get("risk"))


def missing_of(data: Mapping[str, Any], born: date | None = None) -> Missing:
    """The record's answers read (a saved record: its required answers are there), for a patient
    born `born` (None: not known), its risk by `risk_read`."""
    return Missing(
        last_seen_at=datetime.fromisoformat(data["last_seen_at"]),
        noticed_at=datetime.fromisoformat(data["noticed_at"]),
        last_seen_where=" ".join(str(data.get("last_seen_where") or "").split()),
        risk=risk_read(data, born) or Risk.MEDIUM,
        searched_at=answered_at(data, "searched_at"), security_told_at=answered_at(data, "security_told_at"),
        doctor_told_at=answered_at(data, "doctor_told_at"), next_of_kin_told_at=answered_at(data, "next_of_kin_told_at"),
        police_told_at=answered_at(data, "police_told_at"), returned_at=answered_at(data, "returned_at"),
        reviewed_at=answered_at(data, "reviewed_at"), police_told_found_at=answered_at(data, "police_told_found_at"))


def before_noticed(data: Mapping[str, Any]) -> list[str]:
    """The fields whose time is before the patient was noticed missing: an action (a search, a
    call) or the return, which the ward cannot have done, nor seen, before it knew the patient
    gone (13:25 typed for 14:25 marked the police told). The form's own `not_after` holds last
    seen to noticed missing."""
    return _before(data, "noticed_at", (*ACTIONS, "returned_at"))


def before_return(data: Mapping[str, Any]) -> list[str]:
    """The fields of `AFTER_RETURN` recorded before the return they follow."""
    return _before(data, "returned_at", AFTER_RETURN)


def _before(data: Mapping[str, Any], bound: str, field_ids: tuple[str, ...]) -> list[str]:
    """Those of `field_ids` answered with a time before `bound`'s (none when it is unanswered)."""
    limit = answered_at(data, bound)
    if limit is None:
        return []
    return [field_id for field_id in field_ids
            if (moment := answered_at(data, field_id)) is not None and elapsed.instant(moment) < elapsed.instant(limit)]
