"""A mental capacity assessment (forms/capacity_assessment.yaml): what its answers allow, the
assessment standing for a decision, and whether a covert medicine rests on one. Pure: the service
reads the records and says it on the handover, the escalation list and beside a covert order.

The rules are the Mental Capacity Act 2005 (England and Wales) and its Code of Practice (2007):
capacity is assumed (s.1(2)) and is decided for one decision at one time (s.2(1), Code 4.4), so
a record is of one decision and the latest of that decision stands (`standing`). A person lacks
capacity only with an impairment of, or a disturbance in the functioning of, the mind or brain
(stage 1, s.2(1)) because of which they are unable to understand, retain, use or weigh the
information, or communicate the decision (stage 2, s.3(1): any one is enough; Code 4.11-4.25):
`outcome_of`. When they lack it, whatever is done for them is in their best interests (s.4),
which asks first whether the decision can wait until they may regain capacity (s.4(3)); covert
medicines rest on such a decision made (NICE SC1 1.15, NMC): `supports_covert`. The Act's powers
are not exercisable in relation to a person under 16 (s.2(5); Code of Practice chapter 12): a
child's capacity to consent is judged by Gillick competence (Gillick v West Norfolk and Wisbech
AHA [1986] AC 112), not by an assessment under the Act (`mca_applies`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from downtime.domain import elapsed
from downtime.domain.age import age_in_years
from downtime.domain.clock import answered_at, ward_day


class Outcome(StrEnum):
    HAS = "has"
    LACKS = "lacks"


class Decision(StrEnum):
    """The decision assessed (the form's `decision`): medicines (taking them, given covertly), a
    treatment named, the discharge destination, another said in words."""

    MEDICINES = "medicines"
    TREATMENT = "treatment"
    DISCHARGE = "discharge"
    OTHER = "other"


IMPAIRMENT = "impairment"
"""Stage 1's yes/no (s.2(1))."""
FUNCTIONAL = ("understands", "retains", "weighs", "communicates")
"""Stage 2's yes/no, each an ability of s.3(1)(a)-(d): a No to any one, caused by stage 1, is
unable to decide."""
APPROPRIATE = frozenset({"family", "carer", "lpa", "deputy"})
"""Those of the form's `consulted` whose consultation means an IMCA is not needed (ss.4(7), 37):
family and friends, an unpaid carer, an attorney, a deputy; not paid staff (Code 10.74)."""
NOT_NEEDED = "not_needed"
"""The IMCA answer saying someone of `APPROPRIATE` was consulted."""
MCA_FROM_AGE = 16
"""MCA 2005 s.2(5): its powers are for people aged 16 or over."""


def mca_applies(born: date | None, at: datetime) -> bool:
    """Whether the Act applies to a person born `born` at `at`: 16 or over (None: not known, taken
    as an adult, as the ward's other age rules take it)."""
    return born is None or age_in_years(born, ward_day(at)) >= MCA_FROM_AGE


def outcome_of(data: Mapping[str, Any]) -> Outcome | None:
    """The outcome the two stages answer: LACKS with an impairment and a No at stage 2, HAS with
    no impairment or all four Yes; None while stage 2 is unanswered (the form asks it)."""
    if data.get(IMPAIRMENT) is False:
        return Outcome.HAS
    if data.get(IMPAIRMENT) is not True:
        return None
    answers = [data.get(field_id) for field_id in FUNCTIONAL]
    if False in answers:
        return Outcome.LACKS
    return Outcome.HAS if all(answer is True for answer in answers) else None


def unable_to(data: Mapping[str, Any]) -> list[str]:
    """The stage-2 abilities answered No (`FUNCTIONAL`), which the HAS refused names."""
    return [field_id for field_id in FUNCTIONAL if data.get(field_id) is False]


NOT_SERIOUS = "not_serious"
"""The IMCA answer saying no one is there to consult, and the decision is neither serious medical
treatment nor a move (ss.37-39)."""


def imca_unsupported(data: Mapping[str, Any]) -> bool:
    """"IMCA not needed" answered with none of `APPROPRIATE` consulted: paid staff alone were
    asked, and serious medical treatment went ahead with no one speaking for the person (s.37)."""
    return data.get("imca") == NOT_NEEDED and not APPROPRIATE & set(data.get("consulted") or ())


def move_without_imca(data: Mapping[str, Any]) -> bool:
    """"Neither serious treatment nor a move" answered of the discharge destination: that decision
    is itself a move (into a care home, or a hospital stay of more than 28 days), which with no one
    to consult needs an IMCA (ss.38-39)."""
    return data.get("imca") == NOT_SERIOUS and data.get("decision") == Decision.DISCHARGE


@dataclass(frozen=True)
class Assessment:
    """One assessment, as its answers stand."""

    assessed_at: datetime
    assessed_by: str
    role: str
    decision: Decision
    detail: str | None
    """The decision in words: the treatment named, the other decision said."""
    outcome: Outcome
    can_wait: bool | None
    """Lacking: the decision waits until the person may regain capacity (s.4(3)), none made now."""
    review_by: datetime | None

    @property
    def lacks(self) -> bool:
        return self.outcome is Outcome.LACKS

    @property
    def decided_for_them(self) -> bool:
        """Lacking, and a best-interests decision made now (it could not wait)."""
        return self.lacks and self.can_wait is False

    def review_due(self, at: datetime) -> bool:
        """A lacking assessment's review reached at `at`: capacity may have returned (delirium
        clears, Code 4.26-4.27), and the decision made for them must be looked at again."""
        return self.lacks and elapsed.reached(self.review_by, at)


def assessment_of(data: Mapping[str, Any]) -> Assessment:
    """A saved record's answers read (its required answers are there)."""
    return Assessment(assessed_at=datetime.fromisoformat(data["assessed_at"]), assessed_by=data["assessed_by"],
                      role=data["assessor_role"], decision=Decision(data["decision"]),
                      detail=" ".join(str(data.get("decision_detail") or "").split()) or None,
                      outcome=Outcome(data["outcome"]), can_wait=data.get("can_wait"),
                      review_by=answered_at(data, "review_by"))


def standing(assessments: Sequence[Assessment], decision: Decision, at: datetime) -> Assessment | None:
    """The latest assessment of `decision` done by `at` (`assessments` oldest first), which says
    the person's capacity for it then: a later one replaces an earlier (s.2(1): at the material
    time)."""
    done = [one for one in assessments
            if one.decision is decision and elapsed.instant(one.assessed_at) <= elapsed.instant(at)]
    return done[-1] if done else None


def standing_each(assessments: Sequence[Assessment], at: datetime) -> list[Assessment]:
    """The assessment standing at `at` of each decision assessed, in the order of their latest:
    what the handover says. A treatment or another decision is the one named alike (its words,
    case aside): an operation's assessment does not replace a blood transfusion's. Medicines and
    the discharge destination are one decision whatever words were typed (as `standing` reads
    them): a HAS without words replaced no LACKS worded "covert antibiotics", and the handover
    said the lack the covert question had put aside."""
    keys: dict[tuple[Decision, str], Assessment] = {}
    for one in assessments:
        if elapsed.instant(one.assessed_at) <= elapsed.instant(at):
            named = (one.detail or "").casefold() if one.decision in (Decision.TREATMENT, Decision.OTHER) else ""
            keys.pop(key := (one.decision, named), None)
            keys[key] = one
    return list(keys.values())


def supports_covert(found: Assessment | None) -> bool:
    """Whether the standing assessment of medicines lets a medicine be given covertly: it LACKS
    capacity and a best-interests decision was made (it could not wait). None on record, HAS
    capacity (a capable person refusing a medicine is refusing it: s.1(4)), or a decision to wait,
    leaves the covert order to the doctor."""
    return found is not None and found.decided_for_them


def of_other_named(one: Assessment, words: Sequence[str]) -> bool:
    """Whether an assessment is of "another decision" whose words (its detail, case aside) name one
    of `words`: a decision the form has no option for (sharing a safeguarding concern, consenting
    to the arrangements that deprive a person of liberty). Capacity is decision-specific ("in
    relation to the matter", s.2(1)): an assessment of any other matter says nothing of it."""
    said = (one.detail or "").casefold()
    return one.decision is Decision.OTHER and any(word in said for word in words)
