"""A safeguarding concern (forms/safeguarding_concern.yaml): whom it is about, adult or child, what
its answers allow, and what it still asks of the ward (the referral, the safeguarding team told).
Pure: the service reads the records and says it on the handover sheet and the escalation list.

The duties and categories:
- An adult with care and support needs experiencing, or at risk of, abuse or neglect and unable to
  protect themselves because of those needs: the local authority must make enquiries (Care Act
  2014 s.42). The Care and Support Statutory Guidance (ch.14, 14.17) names ten types of abuse and
  neglect: physical, domestic abuse, sexual, psychological, financial or material, modern slavery,
  discriminatory, organisational, neglect and acts of omission, self-neglect (`ADULT`).
- A child (anyone under 18: Children Act 1989 s.105) suffering, or likely to suffer, significant
  harm: the local authority must make enquiries (s.47); Working Together to Safeguard Children
  2023 names physical, emotional and sexual abuse and neglect, and exploitation (sexual, criminal)
  among the harms outside the home (`CHILD`). Domestic abuse and modern slavery are a child's too
  (the Domestic Abuse Act 2021 s.3 makes a child who sees, hears or experiences it a victim; the
  Modern Slavery Act 2015 applies at any age). A child's referral never waits for consent
  (Working Together 2023: information is shared where a child is at risk of significant harm),
  and is made at once: the escalation list says so, urgent.
- A child's own wishes and feelings are asked (`child_view`), of any child who can say them, not
  of 16- and 17-year-olds alone: the local authority gives them due regard before it acts under
  s.47 (the Children Act 1989 as amended by the Children Act 2004 s.53), and Working Together
  2023 asks every practitioner to see and speak to the child and take their views seriously.
- "Think family": a patient in hospital may leave children, or an adult they care for, at home;
  the form asks it of every concern.
- Consent to share an adult's concern: given, refused, or the adult lacks capacity for this
  decision, in which case sharing is in their best interests (Mental Capacity Act 2005 s.4),
  and capacity is assumed until an assessment says otherwise (s.1(2)) and is decision-specific
  ("in relation to the matter", s.2(1)): the service refuses "lacks capacity" of the patient
  while no capacity assessment of theirs of this decision (`SHARING_ASSESSED`) stands lacking
  (domain.capacity.standing_each), and Given or Refused while one does: a refusal is a capable
  adult's to make; one of her medicines says nothing of it. Refused, the concern
  is shared only for a reason the law allows (others at risk, a serious crime, their vital
  interests, a child at risk: the Care and Support Statutory Guidance ch.14, "Information
  sharing, confidentiality and record keeping", and SCIE's "Safeguarding adults: sharing
  information" (2019); no paragraph number is given: none could be checked here). With none,
  the list asks only that the safeguarding team be told, never "refer": pushed to refer, the
  nurse would share against a capable adult's lawful refusal.
- Not every concern is referred: the safeguarding team may advise that the threshold for an
  enquiry (s.42, s.47) is not met, or that a capable adult's refusal stands. The form records
  that decision (`referral_decision`), why, and the team told (who advised): a concern so
  decided asks nothing more.
- When the referral is due is local policy: the same working day is the common one. A concern
  raised on a Saturday or a Sunday is due the next working day (Monday), and is overdue, and
  urgent, once that day has ended on the ward's clock (`due_day`); so is one raised on a bank
  holiday the hospital keeps (domain.working_days). A child at risk of significant harm, or an
  immediate danger, is referred at once, out of hours to the council's emergency duty team. No
  figure of hours is used: none could be checked here beyond "the same working day"."""

from __future__ import annotations

from collections.abc import Container, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from typing import Any

from downtime.domain import elapsed
from downtime.domain.age import CHILD_UNTIL, age_in_years
from downtime.domain.clock import answered_at, ward_day, ward_zone
from downtime.domain.working_days import first_working


class Kind(StrEnum):
    """Whom the duty is to: the form's `adult_or_child`."""

    ADULT = "adult"
    CHILD = "child"


class About(StrEnum):
    PATIENT = "patient"
    CONNECTED_CHILD = "connected_child"
    CONNECTED_ADULT = "connected_adult"


ADULT = frozenset({"physical", "domestic_abuse", "sexual", "psychological", "financial", "modern_slavery",
                   "discriminatory", "organisational", "neglect", "self_neglect"})
"""The Care and Support Statutory Guidance's ten types (14.17)."""
CHILD = frozenset({"physical", "emotional", "sexual", "neglect", "exploitation", "domestic_abuse", "modern_slavery"})
"""Working Together 2023's four categories and exploitation, with domestic abuse and modern slavery."""
OF = {Kind.ADULT: ADULT, Kind.CHILD: CHILD}

GIVEN = "given"
LACKS_CAPACITY = "lacks_capacity"
REFUSED = "refused"
REFERRED = "referred"
NOT_REFERRED = "not_referred"
SHARING_ASSESSED = ("safeguarding", "sharing", "share", "partage", "signalement")
"""The words that name, in a capacity assessment of "another decision" (capacity.Decision.OTHER),
the decision to share the concern (domain.capacity.of_other_named): an assessment of any other
matter says nothing of it."""
TIMED_AFTER_RAISED = ("team_told_at", "referral_at", "police_told_at")
"""The times that cannot fall before the concern was raised."""


def child_at(born: date, at: datetime) -> bool:
    """Whether a patient born `born` is a child (under 18) at `at`."""
    return age_in_years(born, ward_day(at)) < CHILD_UNTIL


def categories_not_of(data: Mapping[str, Any]) -> list[str]:
    """The categories ticked that are not the person's kind's (self-neglect of a child, emotional
    abuse of an adult: the guidance's word for it is psychological), in the form's order of `OF`."""
    kind = data.get("adult_or_child")
    if kind not in OF:
        return []
    return [code for code in data.get("categories") or () if code not in OF[Kind(kind)]]


def before_raised(data: Mapping[str, Any]) -> list[str]:
    """The times (`TIMED_AFTER_RAISED`) answered before the concern was raised."""
    raised = answered_at(data, "raised_at")
    if raised is None:
        return []
    return [field_id for field_id in TIMED_AFTER_RAISED
            if (at := answered_at(data, field_id)) is not None and elapsed.instant(at) < elapsed.instant(raised)]


def shared_without_reason(data: Mapping[str, Any]) -> bool:
    """An adult's consent refused, no reason to share without it ticked, and a referral recorded:
    shared against their wishes with nothing saying why the law allowed it."""
    return consent_blocks(data) and bool(data.get("referral_at"))


def consent_blocks(data: Mapping[str, Any]) -> bool:
    """An adult's consent refused with no reason ticked to share without it: the concern is not
    to be referred unless the safeguarding team finds one."""
    return (data.get("adult_or_child") == Kind.ADULT and data.get("consent") == REFUSED
            and not data.get("share_reasons"))


def not_referred_untold(data: Mapping[str, Any]) -> bool:
    """Not referred with no safeguarding team told: the decision is the team's advice."""
    return data.get("referral_decision") == NOT_REFERRED and not data.get("team_told_at")


def connected_child_as_adult(data: Mapping[str, Any]) -> bool:
    """A concern about a child connected to the patient answered "an adult"."""
    return data.get("about") == About.CONNECTED_CHILD and data.get("adult_or_child") == Kind.ADULT


def due_day(raised_at: datetime, zone: tzinfo | None, days_off: Container[date]) -> date:
    """The working day a non-urgent referral is due by: the day raised on the ward's clock
    (`zone`), or the next working day after a weekend's or a bank holiday's (`days_off`), when
    the council's daytime teams are back."""
    return first_working(raised_at.astimezone(ward_zone(zone)).date(), days_off)


def danger_unanswered(data: Mapping[str, Any]) -> bool:
    """An immediate danger with the police not called (999) and no reason why."""
    return (data.get("immediate_danger") is True and data.get("police_called") is not True
            and not " ".join(str(data.get("no_police_reason") or "").split()))


@dataclass(frozen=True)
class Concern:
    """One concern as its answers stand."""

    raised_at: datetime
    about: About
    kind: Kind
    danger: bool
    team_told_at: datetime | None
    referral_at: datetime | None
    referral_ref: str | None
    not_referred: bool = False
    """Decided not to refer, on the safeguarding team's advice."""
    blocked: bool = False
    """An adult's refusal with no reason to share (`consent_blocks`): no referral to ask."""

    @property
    def urgent(self) -> bool:
        """A child (at risk of significant harm: referred at once) or an immediate danger."""
        return self.kind is Kind.CHILD or self.danger

    def referred_by(self, at: datetime) -> bool:
        return self.referral_at is not None and elapsed.reached(self.referral_at, at)

    def decided_by(self, at: datetime) -> bool:
        """Referred by `at`, or not to be referred on the safeguarding team's advice."""
        return self.not_referred or self.referred_by(at)

    def told_by(self, at: datetime) -> bool:
        return self.team_told_at is not None and elapsed.reached(self.team_told_at, at)

    def asks(self, at: datetime) -> bool:
        """Whether the concern, raised by `at`, still asks the referral decided or the team told."""
        return elapsed.reached(self.raised_at, at) and not (self.decided_by(at) and self.told_by(at))

    def overdue(self, at: datetime, days_off: Container[date]) -> bool:
        """Not decided, and its due working day (`due_day`) ended on the ward's clock at `at`."""
        return (not self.decided_by(at)
                and at.astimezone(ward_zone(at.tzinfo)).date() > due_day(self.raised_at, at.tzinfo, days_off))

    def next_change(self, at: datetime, days_off: Container[date]) -> datetime | None:
        """When what it asks of its referral next changes with the day (the next working day's
        "refer today", then "OVERDUE"): the ward's next midnight; None once nothing will."""
        if self.decided_by(at) or self.blocked or self.urgent or self.overdue(at, days_off):
            return None
        zone = ward_zone(at.tzinfo)
        return datetime.combine(at.astimezone(zone).date() + timedelta(days=1), time(), tzinfo=zone)


def concern_of(data: Mapping[str, Any]) -> Concern:
    """A saved record's answers read (its required answers are there)."""
    return Concern(raised_at=datetime.fromisoformat(data["raised_at"]), about=About(data["about"]),
                   kind=Kind(data["adult_or_child"]), danger=data["immediate_danger"] is True,
                   team_told_at=answered_at(data, "team_told_at"), referral_at=answered_at(data, "referral_at"),
                   referral_ref=" ".join(str(data.get("referral_ref") or "").split()) or None,
                   not_referred=data.get("referral_decision") == NOT_REFERRED, blocked=consent_blocks(data))
