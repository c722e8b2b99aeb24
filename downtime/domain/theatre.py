"""Theatre scheduling rules: NCEPOD priorities, the 28-day rebooking deadline, clashes and
slot suggestions. Pure, so a month of sessions across twenty theatres is checked in memory."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from itertools import groupby, islice
from math import inf
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from enum import StrEnum
from typing import Any

from downtime.domain.age import CHILD_UNTIL, age_in_years
from downtime.domain.clock import ward_day, ward_zone
from downtime.domain.duplicates import _NAME_WORDS, _PARTICLES, fold
from downtime.domain.elapsed import instant
from downtime.domain.glucose import SULFONYLUREA_WORDS
from downtime.domain.medication import NEGATIONS, allergy_matches, medicine_name, medicines_in
from downtime.domain.working_days import working_between
from downtime.i18n import QT_TRANSLATE_NOOP, Phrase


class Priority(StrEnum):
    """NCEPOD classification of intervention (2004), most urgent first."""

    IMMEDIATE_A = "immediate_a"
    IMMEDIATE_B = "immediate_b"
    URGENT = "urgent"
    EXPEDITED = "expedited"
    ELECTIVE = "elective"


PRIORITY_RANK = {priority: rank for rank, priority in enumerate(Priority)}

# How long each class may wait at most, from the decision to operate (NCEPOD targets).
TARGET_WAIT = {
    Priority.IMMEDIATE_A: timedelta(minutes=30), Priority.IMMEDIATE_B: timedelta(hours=2),
    Priority.URGENT: timedelta(hours=24), Priority.EXPEDITED: timedelta(days=7),
}

REBOOK_WITHIN = timedelta(days=28)
DAY_END = time(23, 59)
"""The last minute of a day, when a deadline that is a date ends (`day_end`)."""

ARRIVE_BEFORE = timedelta(minutes=90)
"""How long before the operation a patient called in from home is to arrive, as the letter of a
new date asks: a slot sooner than that is one they cannot keep."""
ADMITTED_FOR_IT = timedelta(days=2)
"""How long before its planned start a stay may begin and still be the admission for the
operation (bowel preparation, a work-up the day before): a cancellation during it is after
arrival, a last-minute one by the NHS's rule. A stay begun earlier is for something else, and
only a cancellation from the day before the operation's is last minute for it."""
LETTER_WORKING_DAYS = 3
"""The working days (domain.working_days) a letter is given to reach a patient at home, between the
day it is sent and the day of the operation it tells of (`letter_arrives`)."""
ON_THE_WARD_STILL = timedelta(days=2)
"""How far ahead an in-patient's new date is taken to find them still on their ward: their
letter of a date further off also tells them how to come in if they have gone home by then (the
letter of a date six weeks away said only that the ward would take them to theatre)."""
# The fasting the letters give: nothing to eat from 6 hours before the operation, clear water
# until 2 hours before. An in-patient's letter gives the ward the two times.
NOTHING_TO_EAT_BEFORE = timedelta(hours=6)
CLEAR_WATER_UNTIL = timedelta(hours=2)
WITHOUT_FASTING = frozenset({"local"})
"""The anaesthetics (operation_booking's `anaesthetic`) a patient need not fast for: a local
one. General, spinal, epidural, a regional block or sedation may end in a general anaesthetic,
for which the stomach must be empty (AAGBI, ESA 2011), and so may an anaesthetic not said."""


def fasting_from(operation: datetime, before: timedelta, zone: tzinfo | None) -> datetime:
    """The moment `before` the operation in elapsed time, on the ward's clock (`zone`, the
    printing laptop's): taken from the operation's own offset, on the night summer time begins
    an 08:00 operation had its patient fast "from 02:00", an hour the ward's clock never shows,
    where it is 01:00. The letter and the ward's handover give the same times."""
    return (instant(operation) - before).astimezone(zone)


def fasts(anaesthetic: str | None) -> bool:
    """Whether a patient must fast before an operation under this anaesthetic (None: not said):
    a slot sooner than `NOTHING_TO_EAT_BEFORE` from the moment they are told is one they cannot
    keep (a cholecystectomy cancelled at 08:30 was offered 14:00 at 14:00, its patient fed at
    noon), and the ward's handover gives the times to stop food and fluids."""
    return anaesthetic not in WITHOUT_FASTING


NOT_HELD_TO_FAST = frozenset({"immediate_a", "immediate_b", "urgent"})
"""The NCEPOD priorities whose new slot never waits for the patient to fast: an immediate case
goes within minutes, an urgent one within hours, the anaesthetist using a rapid-sequence
induction on a full stomach (a laparotomy cancelled at 08:30 was offered nothing before 20:00).
So does FSSA's P1a (within 24 hours)."""


def held_to_fast(data: Mapping[str, Any]) -> bool:
    """Whether a booking's new slot waits until its patient has fasted (`fasts`, and neither an
    immediate or urgent priority nor P1a, `NOT_HELD_TO_FAST`): an elective or expedited case
    offered a slot an hour after lunch is cancelled again in the anaesthetic room."""
    return (fasts(data.get("anaesthetic")) and data.get("priority") not in NOT_HELD_TO_FAST
            and data.get("clinical_priority") != "p1a")


def fasted_at(now: datetime, since: datetime | None) -> datetime:
    """When a patient has fasted `NOTHING_TO_EAT_BEFORE`: from `since`, the time the ward says
    they have been nil by mouth from (kept so since midnight for the morning's list), or told now
    to eat nothing more when none is given; never before now. A hip fracture nil by mouth since
    midnight lost the afternoon's list to a fast counted from the rebooking."""
    return max(now, (since or now) + NOTHING_TO_EAT_BEFORE)


CHILD_CLEAR_FLUIDS_UNTIL = timedelta(hours=1)
BREAST_MILK_UNTIL = timedelta(hours=4)


@dataclass(frozen=True)
class Fasting:
    """How long before an operation a patient stops food, clear fluids and (a baby) breast milk.
    A child drinks clear fluids until an hour before, a baby under a year has breast milk until 4
    hours before (APA/ESPA/ADARPEF 2018, ESAIC 2022): a 7-month-old was given an adult's 6 hours
    without breast milk and 2 without water, which risks dehydration and hypoglycaemia."""

    eat: timedelta
    clear: timedelta
    breast_milk: timedelta | None = None


def fasting_for(born: date | None, on: date) -> Fasting:
    """The fasting of a patient born on `born` (None: not known, an adult's) operated on `on`:
    a child's under `CHILD_UNTIL` years, with breast milk under one."""
    years = age_in_years(born, on) if born is not None else CHILD_UNTIL
    if years >= CHILD_UNTIL:
        return Fasting(NOTHING_TO_EAT_BEFORE, CLEAR_WATER_UNTIL)
    return Fasting(NOTHING_TO_EAT_BEFORE, CHILD_CLEAR_FLUIDS_UNTIL, BREAST_MILK_UNTIL if years < 1 else None)


class CancelReason(StrEnum):
    INFORMATION_SYSTEM = "information_system"
    NO_WARD_BED = "no_ward_bed"
    NO_CRITICAL_CARE_BED = "no_critical_care_bed"
    SURGEON_UNAVAILABLE = "surgeon_unavailable"
    ANAESTHETIST_UNAVAILABLE = "anaesthetist_unavailable"
    THEATRE_STAFF_UNAVAILABLE = "theatre_staff_unavailable"
    EMERGENCY_PRIORITY = "emergency_priority"
    LIST_OVERRAN = "list_overran"
    EQUIPMENT_FAILURE = "equipment_failure"
    ADMINISTRATIVE_ERROR = "administrative_error"
    PATIENT_UNFIT = "patient_unfit"
    DID_NOT_ATTEND = "did_not_attend"
    PATIENT_DECLINED = "patient_declined"
    PATIENT_DIED = "patient_died"


CLINICAL_REASONS = frozenset({CancelReason.PATIENT_UNFIT, CancelReason.DID_NOT_ATTEND,
                              CancelReason.PATIENT_DECLINED, CancelReason.PATIENT_DIED})
DECLINED_OPERATION = "operation"
"""The cancellation's answer to "The patient declined" (`declined`) for the operation itself,
not only its date."""


def not_to_be_done(cancellation: Mapping[str, object]) -> bool:
    """Whether a cancellation's answers take the operation off the waiting list for good: the
    patient died, or declined the operation itself. The rescheduling list and the export both
    ask this: the list kept "Patient declined" to rebook while the export revoked it, so the
    EHR dropped a patient the coordinator was still rebooking. A cancellation with no `declined`
    answer (left blank, or of the form's first version): the date declined, to rebook, as the list
    read it."""
    reason = cancellation["reason"]
    return reason == CancelReason.PATIENT_DIED or (
        reason == CancelReason.PATIENT_DECLINED and cancellation.get("declined") == DECLINED_OPERATION)


# How an operation cancelled for the patient's death can have been told: to the family, or not
# yet. The patient told in person, by phone or by letter does not fit.
TOLD_AFTER_DEATH = ("family", "not_yet")


@dataclass(frozen=True)
class Cancellation:
    """One cancellation of an operation, as its rebook-by date counts it."""

    at: datetime
    reason: CancelReason
    last_minute: bool


def rebook_by(priority: Priority, decided_at: datetime, cancellations: Iterable[Cancellation],
              cancer_target: datetime | None = None) -> datetime | None:
    """The date by which the operation must happen: the NCEPOD target for urgent classes; for
    each last-minute cancellation for non-clinical reasons, the 28th day after it, all of it
    (within 28 days is a date, and the lists print the date: from the hour of the cancellation
    on that day it read BREACH, and a slot that afternoon "after the rebook-by date"). The
    earliest of them: an operation cancelled on the day, rebooked, then cancelled again ahead
    of its new date still owes its patient the first 28 days (counted from the latest
    cancellation alone, it had no date and fell below every dated case). A cancer pathway's
    target (`cancer_target`, the end of its day) is one too: a rectal cancer on its 31-day target
    fell below a hernia repair cancelled on the day."""
    deadlines = [] if cancer_target is None else [cancer_target]
    if priority in TARGET_WAIT:
        deadlines.append(decided_at + TARGET_WAIT[priority])
    deadlines += [day_end(ward_day(cancelled.at) + REBOOK_WITHIN)
                  for cancelled in cancellations if cancelled.last_minute and cancelled.reason not in CLINICAL_REASONS]
    return min(deadlines) if deadlines else None


def day_end(day: date) -> datetime:
    """The last minute of a day on the ward's clock, its zone's rules giving that day's offset: a
    deadline that is a date ends then. On the offset of the moment it was counted from, the 28th
    day after a cancellation before the clocks went back ended at 22:59, and a slot at 23:30 that
    day was "after the rebook-by date"; one before they went forward ran to 00:59 the day after."""
    return datetime.combine(day, DAY_END, tzinfo=ward_zone(None))


def letter_arrives(sent: datetime, before: datetime, days_off: Container[date]) -> bool:
    """Whether a letter sent at `sent` reaches the patient before `before` (an operation's start):
    `LETTER_WORKING_DAYS` working days strictly between the two,
    weekends and the hospital's bank holidays (`days_off`) carrying no post. A cancellation "told
    by letter" on Saturday afternoon for Monday 08:00 counted as told, and the patient came in
    fasting. Both days are the ward's (`ward_day`): read on the operation's offset, a letter sent
    at 00:30 on a Wednesday of summer time for a Monday of winter time was sent on the Tuesday, and
    counted as arriving."""
    day, until = ward_day(sent), ward_day(before)
    return len(list(islice(working_between(day, until, days_off), LETTER_WORKING_DAYS))) == LETTER_WORKING_DAYS


# The words a room is called by before its number, folded: "Theatre 1", "Salle 1" and "Th1" are T1
# ("Bloc 2" is not: a bloc is a suite of rooms).
ROOM_WORDS = ("theatre", "theater", "th", "salle", "salledop", "salledoperation", "or", "ot", "operatingtheatre",
              "operatingroom")
# The words for "number" a room's number may follow, folded: "Salle n°1" ("n°" read as "no"),
# "Theatre No. 1", "Theatre № 1", "Salle numéro 1". Not a bare N: "Theatre N1" may be the north wing's.
NUMBER_WORDS = ("no", "num", "number", "numero")
_ROOM_NUMBER = re.compile(rf"(?:t|{'|'.join(ROOM_WORDS)})(?:{'|'.join(NUMBER_WORDS)})?0*(\d+[a-z]?)")
"""A room's number after its word or a bare T, its leading zeros aside: "T01" and "Salle 01" are T1."""
_NUMBER_SIGNS = re.compile(r"n\s*°|№", re.IGNORECASE)
"""The number signs `fold` does not read as "no" (as it reads "nº"): "n°", its º typed as the
degree sign French keyboards have, and "№" (folded "No", its capital kept)."""


def theatre_key(name: str) -> str:
    """A theatre as people type it: "T1", "t1", " T1 ", "T 1", "T-1", "Theatre 1" and "Salle 1"
    are one room, which two operations must never share at once (`fold`: spaces, hyphens,
    capitals and accents aside; "T 1" held a second list at once beside "T1", and a coordinator
    typing "Theatre 1" on one laptop and "T1" on another booked the room twice), and the room
    number's leading zeros ("T01", "Salle 01", the EHR's or the signage's way, held a list at once
    beside "T1"). A room word is read as T only before a number alone, or its number sign: "DSU
    theatre 1" is the day-surgery unit's room, and "Salle n°1", "Theatre No 1", "OT1" and
    "Operating theatre 1" are T1 (they held a list at once beside "Salle 1", and an operation
    beside its 09:00 case)."""
    folded = fold(_NUMBER_SIGNS.sub("no", name))
    return f"t{room[1]}" if (room := _ROOM_NUMBER.fullmatch(folded)) else folded


def theatre_order(name: str) -> list[str | int]:
    """Where a theatre comes among others on a list: its numbers compared as numbers, so T2
    comes before T10 (as text, a hospital's T1 to T12 went T1, T10, T11, T12, T2)."""
    return [int(part) if index % 2 else part for index, part in enumerate(re.split(r"(\d+)", theatre_key(name)))]


LATEX = "latex"
"""The allergen a theatre must be prepared for before the day's first operation: gloves,
catheters and drapes of latex are changed for latex-free ones, and latex particles in the air
settle only hours after an operation that used them."""


CLAUSE_ENDS = re.compile(r"[.:;,!?/)\n]| [-–—] |\((?!\s*(?:including|incl|y compris|notamment)\b)"
                         r"|\b(?:but|however|except|apart|besides|other than|mais|cependant|sauf|hormis|excepté"
                         r"|à part|autres? que|en dehors)\b",
                         re.IGNORECASE)
"""Where a booking's notes or an allergy's line go on to say something else: "No allergies
except latex" says a latex allergy after the word that ends its denial, and so do "No allergies
other than latex", "Aucune allergie autre que le latex", "Pas d'allergie en dehors du latex",
"No known drug allergies (latex allergy)" and "No drug allergies / latex allergic" (each was read
as one denial, latex and all, and the theatre not made latex-free). A bracket naming what the
denial includes ("No allergies (including latex)") goes on with it."""
DENIED = re.compile(rf"\b(?:{'|'.join(sorted(NEGATIONS))})\b(?:\W+\w+){{0,3}}?\W+allerg", re.IGNORECASE)
"""A clause saying there is no allergy, its negation (`medication.NEGATIONS`) at most three words
before the word allergy or allergic ("No latex allergy", "Not allergic to latex", "Pas d'allergie au latex", "No known
latex allergy"): "pas de latex" or "sans latex" alone, on a booking, asks for a latex-free theatre
for a patient who is allergic, and "No latex gloves: allergic" says it too."""


def latex_allergic(allergies: Iterable[str]) -> bool:
    """Whether any of the patient's recorded allergies is to latex, matched as the drug checks
    match an allergy's substance (`medication.allergy_matches`: "Latex", "latex (anaphylaxie)",
    "Natural rubber latex", "Caoutchouc naturel"), not by a matcher of its own that would read
    them otherwise; a clause denying an allergy (`DENIED`) left out: "No latex allergy" in a
    booking's notes had the theatre made latex-free for nothing."""
    return bool(allergy_matches(LATEX, [clause for text in allergies for clause in CLAUSE_ENDS.split(text)
                                        if not DENIED.search(clause)]))


def after_latex(allergic: Iterable[bool]) -> list[bool]:
    """For each operation standing in one theatre on one day, in time order (`allergic`: whether
    its patient is allergic to latex), whether it is a latex-allergic patient's coming after an
    operation of a patient who is not: the theatre is made latex-free before its first
    operation, and one used with latex before them is not. A latex-allergic patient booked last
    on the list was accepted with nothing said. One coming after other latex-allergic patients
    alone is not: the theatre stayed latex-free for them."""
    return behind_later_ranks(0 if latex else None for latex in allergic)


def behind_later_ranks(ranks: Iterable[int | None]) -> list[bool]:
    """For each operation standing in one theatre on one day, in time order (`ranks`: how early
    its patient is to go, 0 first; None: anywhere), whether it comes after the operation of a
    patient ranked later or not at all, who should have gone after it. One after patients of its
    own rank or earlier is in order: they go first too."""
    latest: float = -1
    found = []
    for rank in ranks:
        found.append(rank is not None and latest > rank)
        latest = max(latest, inf if rank is None else rank)
    return found


TITLES = frozenset({"dr", "docteur", "doctor", "pr", "prof", "professeur", "professor", "mr", "mrs", "ms",
                    "miss", "mme", "mlle"})
"""Honorifics typed, or not, before a surgeon's name: one coordinator writes "Dr Roux", another
"Roux", "Pr Roux" or "Mr Roux" (a UK surgeon's title) for the same person. Not "M." (Monsieur):
it is also the initial that tells "Dr M. Martin" from "Dr L. Martin"."""


SAINTS = frozenset({"st", "ste", "saint", "sainte"})
"""One word of a name however it is abbreviated: "Dr St-Pierre" is Dr Saint-Pierre, and "Ste-Marie"
Sainte-Marie (or typed "Saint-Marie"), who was booked in two theatres at once under both."""


def _person_words(name: str | None) -> list[str]:
    """A person's words as `person_key` reads them, apart for `maybe_same_person` to compare
    one by one: cut at spaces and dashes as a patient's family name is (`_NAME_WORDS`, which
    `joined_names` joins again) and at the dot of an initial, each `fold`ed, leading `TITLES`
    dropped."""
    words = [word for word in map(fold, _NAME_WORDS.split((name or "").replace(".", " "))) if word]
    while len(words) > 1 and words[0] in TITLES:
        words.pop(0)
    return ["saint" if word in SAINTS else word for word in words]


def person_key(name: str | None) -> str:
    """A surgeon or anaesthetist as typed by hand on each booking: "Dr Roux", "Dr. Roux " and
    "DR  ROUX" are one person, who cannot be in two theatres at once (compared as typed, a
    stray space or capital let them be double-booked), and so are "Dr Lefèvre" and "Dr Lefevre"
    (each word `fold`ed, as the census compares names: the accent typed or not), and "Roux",
    "Pr Roux" and "Mr Roux" (leading `TITLES` dropped, the name itself always kept). Words
    written together whichever way, as `joined_names` finds a patient: "Dr Roux-Martin",
    "Dr Roux Martin" and "Dr RouxMartin", "Dr St-Pierre" and "Dr Saint Pierre" are one (Dr
    Roux-Martin typed with a space was booked in T1 and T2 at once, nothing said). An initial
    stays apart, the letter that tells "Dr P. Roux" from "Dr Proux". No name: nobody, who
    meets no one."""
    runs = groupby(_person_words(name), key=lambda word: len(word) > 1)
    return " ".join(part for joined, run in runs for part in (["".join(run)] if joined else run))


METFORMIN_WORDS = frozenset({medicine_name("metformin")})
"""A word of a medicine, as `medicines_in` names it (a brand or a combination by what it holds:
Glucophage, Janumet, Xigduo), that makes it metformin: one list, the kidneys' as the theatre's."""
SGLT2_ENDINGS = (medicine_name("gliflozin"),)
"""How the name of an SGLT2 inhibitor ends, by its name or a brand's as `medicines_in` names it
(dapagliflozin, sotagliflozin, "Dapagliflozine", Forxiga, Edistride, Steglujan): a closed list
of brands missed Edistride, Ebymect and Steglujan, and their day-before stop was said nowhere."""


MEGLITINIDE_WORDS = frozenset(medicine_name(name) for name in (
    "repaglinide", "nateglinide", "novonorm", "prandin", "starlix"))
"""A word of a medicine that makes it a meglitinide (a glinide), by its name or a brand's."""


class Lowering(StrEnum):
    """A glucose-lowering medicine other than insulin, by what is done with it for an operation
    (JBDS-IP and CPOC, perioperative diabetes, 2021-2022)."""

    SULFONYLUREA = "sulfonylurea"
    """Omitted on the morning of surgery: a fasting patient given gliclazide goes hypo, and the
    hypo lasts."""
    SGLT2 = "sglt2"
    """Stopped the day before surgery and on its day: euglycaemic ketoacidosis."""
    METFORMIN = "metformin"
    """Taken as usual once or twice a day; three times a day, the lunchtime dose omitted."""
    MEGLITINIDE = "meglitinide"
    """Repaglinide, nateglinide: omitted on the morning of surgery, as a sulfonylurea is (a
    fasting patient given one goes hypo)."""


FIRST_RANK = {Lowering.SULFONYLUREA: 1, Lowering.MEGLITINIDE: 1, Lowering.SGLT2: 1, Lowering.METFORMIN: 2}
"""How early on the list a patient on each glucose-lowering medicine other than insulin goes
(`behind_later_ranks`), insulin being 0: the insulin-treated patient's fast and variable-rate
insulin are the greatest risk, then the hypoglycaemia of a sulfonylurea or a meglitinide and the
ketoacidosis of an SGLT2 inhibitor, metformin alone the least (CPOC, JBDS-IP). Counted alike, the patient on
insulin behind one on metformin alone was no longer told to go first."""


def diabetes_rank(on_insulin: bool, kinds: Iterable[Lowering]) -> int | None:
    """How early on the list the patient goes for their diabetes (`FIRST_RANK`; None: no
    glucose-lowering medicine)."""
    return 0 if on_insulin else min((FIRST_RANK[kind] for kind in kinds), default=None)


_LOWERING_WORDS = {Lowering.SULFONYLUREA: SULFONYLUREA_WORDS, Lowering.MEGLITINIDE: MEGLITINIDE_WORDS,
                   Lowering.SGLT2: frozenset(), Lowering.METFORMIN: METFORMIN_WORDS}
_LOWERING_ENDINGS = {Lowering.SGLT2: SGLT2_ENDINGS}


def _words_naming(drug: str) -> frozenset[str]:
    """The words that may name an order's medicines: those of each medicine `medicines_in` names,
    and each word of the order's own text, folded alike (`medicine_name`). A combination written
    by its generic names ("Dapagliflozin/metformin", "Gliclazide + metformin") was read as the
    one part the tables know, and the other part dropped."""
    named = {word for name in medicines_in(drug) for word in re.split(r"[\s/-]+", name)}
    return frozenset(named | {medicine_name(word) for word in re.split(r"[\s/+,;()-]+", drug) if word})


def lowering(drug: str) -> tuple[Lowering, ...]:
    """What of an order's medicine lowers the glucose, insulin aside, each with its day-of-surgery
    rule: a type 2 on gliclazide and metformin, booked behind another patient and fasting from
    midnight, was said nowhere on the theatre list. A combination gives each of its parts, by
    its brand or its generic names (Xigduo, "Dapagliflozin/metformin": an SGLT2 inhibitor and
    metformin)."""
    words = _words_naming(drug)
    return tuple(kind for kind, named in _LOWERING_WORDS.items() if words & named or any(
        word.endswith(_LOWERING_ENDINGS.get(kind, ())) for word in words))


def maybe_same_person(name: str | None, other: str | None) -> bool:
    """Whether two names that are not one person to the clash check (`person_key`) may still be
    one: the family name and given names of one (its words of more than one letter, the
    particles of a family name aside: "Le Goff", "de Gaulle", "Van der Berg") all among the
    other's, in any order (French lists write "ROUX Pierre"), and each initial of either
    beginning a given name, or matching an initial, of the other, if the other gives any ("Dr
    Roux" and "Dr P. Roux", "P. Roux" and "Pierre Roux", "Dr ROUX P." and "Dr Roux"). "Dr M.
    Martin" and "Dr L. Martin" are two people on purpose, so this is asked, never refused: "Dr
    P. Roux" was booked in T2 while Dr Roux operated in T1 with nothing said, and so were "Dr A.
    Le Goff" beside "Dr Le Goff", the particle read as a first name. The same letters cut
    otherwise are asked too: "Dr O Neill" may be Dr O'Neill or Dr Olivier Neill."""
    if person_key(name) == person_key(other):
        return False
    if "".join(_person_words(name)) == "".join(_person_words(other)):
        return True
    (initials, words), (other_initials, other_words) = _name_parts(name), _name_parts(other)
    if not words or not other_words:
        return False
    if not (words <= other_words or other_words <= words):
        return False
    return (_initials_fit(initials, other_words - words, other_initials)
            and _initials_fit(other_initials, words - other_words, initials))


def _name_parts(name: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """A person's initials (single letters) and other words, titles and particles left out."""
    words = _person_words(name)
    return (frozenset(word for word in words if len(word) == 1),
            frozenset(word for word in words if len(word) > 1 and word not in _PARTICLES))


def _initials_fit(initials: frozenset[str], given: frozenset[str], other_initials: frozenset[str]) -> bool:
    """Whether each of these initials begins one of the other name's `given` names or is one of
    its initials; true when the other name gives neither (no first name to contradict)."""
    if not given and not other_initials:
        return True
    return all(initial in other_initials or any(word.startswith(initial) for word in given) for initial in initials)


def specialty_key(name: str) -> str:
    """A specialty as typed on each session: "General surgery" and "general  surgery " are one."""
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class TheatreSession:
    session_id: str
    theatre: str
    start: datetime
    end: datetime
    specialty: str


@dataclass(frozen=True)
class Booking:
    booking_id: str
    patient_id: str
    session_id: str | None
    start: datetime | None
    minutes: int
    surgeon: str
    anaesthetist: str | None
    person: str | None = None
    """Who the patient is when several downtime numbers are one person (linked to one EHR
    patient): compared in place of `patient_id`, so one person is not booked twice at once."""
    done_in: str | None = None
    """The theatre an operation recorded done was done in, where it stood then (its `start`
    being when it began), whatever its list's: None for one still to take place."""

    @cached_property
    def end(self) -> datetime | None:
        """Worked out once: a merged day's clash check compares thousands of pairs."""
        return self.start + timedelta(minutes=self.minutes) if self.start else None

    def shares_people(self, other: Booking) -> bool:
        """The same patient, surgeon or anaesthetist (an anaesthetist left blank is nobody)."""
        return bool(self.person_key == other.person_key or self.surgeon_key == other.surgeon_key
                    or (self.anaesthetist_key and self.anaesthetist_key == other.anaesthetist_key))

    @property
    def person_key(self) -> str:
        return self.person or self.patient_id

    @cached_property
    def surgeon_key(self) -> str:
        return person_key(self.surgeon)

    @cached_property
    def anaesthetist_key(self) -> str:
        return person_key(self.anaesthetist)


@dataclass(frozen=True)
class Clash:
    kind: str
    other: str
    said: Phrase
    """What forbids the slot, in the coordinator's language where it is shown."""


def _overlap(a_start: datetime, a_end: datetime, b_start: datetime, b_end: datetime) -> bool:
    return a_start < b_end and b_start < a_end


def fits(booking: Booking, session: TheatreSession | None) -> bool:
    """Whether the operation runs inside the session (no session: it cannot)."""
    return (session is not None and booking.start is not None and booking.end is not None
            and session.start <= booking.start and booking.end <= session.end)


def left_outside(session: TheatreSession | None, booked: Iterable[Booking]) -> list[Booking]:
    """The operations booked in a session that would no longer fit in it, once it is changed
    to `session` (None: withdrawn)."""
    return [booking for booking in booked if not fits(booking, session)]


def overlapping_sessions(candidate: TheatreSession, others: Iterable[TheatreSession]) -> list[TheatreSession]:
    """The other sessions of the same theatre at an overlapping time: two lists in one room
    would let its operations overlap too."""
    return [other for other in others if other.session_id != candidate.session_id
            and theatre_key(other.theatre) == theatre_key(candidate.theatre)
            and _overlap(candidate.start, candidate.end, other.start, other.end)]


def clashes(candidate: Booking, sessions: Mapping[str, TheatreSession],
            booked: Iterable[Booking]) -> list[Clash]:
    """Everything that forbids this booking: outside its session, or overlapping a booking of
    the same theatre, surgeon, anaesthetist or patient (partial overlaps count)."""
    if candidate.session_id is None or candidate.start is None or candidate.end is None:
        return []
    found = outside(candidate, sessions[candidate.session_id])
    return ([] if found is None else [found]) + meetings(candidate, sessions, booked)


def outside(booking: Booking, session: TheatreSession) -> Clash | None:
    """The clash of an operation not running inside its session: refused when booked, and
    reported when two laptops' changes left it there (one shortened the list, the other booked
    on what it cut)."""
    if fits(booking, session):
        return None
    assert booking.start is not None and booking.end is not None
    # Dated: a time typed on another day than the session's would read as fitting.
    return Clash("session", session.session_id, Phrase(QT_TRANSLATE_NOOP(
        "messages", "{operation} does not fit in the session {session} of theatre {theatre}"),
        {"operation": f"{booking.start:%d/%m %H:%M}-{booking.end:%H:%M}",
         "session": f"{session.start:%d/%m %H:%M}-{session.end:%H:%M}", "theatre": session.theatre}))


def room_of(booking: Booking, sessions: Mapping[str, TheatreSession]) -> str | None:
    """The theatre a booking stands in, as `theatre_key` compares it: the one it was done in,
    once recorded done; else its session's, whichever list of that theatre it is on (after a
    merge one theatre may hold two lists at once). A session not known (withdrawn): no room,
    which meets no other."""
    if booking.done_in is not None:
        return theatre_key(booking.done_in)
    session = sessions.get(booking.session_id or "")
    return theatre_key(session.theatre) if session is not None else None


def meetings(candidate: Booking, sessions: Mapping[str, TheatreSession], booked: Iterable[Booking]) -> list[Clash]:
    """The bookings this one overlaps in its theatre, or with its surgeon, anaesthetist or
    patient. A merged hospital's board compares thousands of pairs that overlap in time and
    share nothing: their times are written out only for a clash."""
    if candidate.session_id is None or candidate.start is None or candidate.end is None:
        return []
    theatre, room = candidate.done_in or sessions[candidate.session_id].theatre, room_of(candidate, sessions)
    found = []
    for other in booked:
        if other.booking_id == candidate.booking_id or other.start is None or other.end is None:
            continue
        if not _overlap(candidate.start, candidate.end, other.start, other.end):
            continue
        kinds = [kind for kind, met in (
            ("theatre", room_of(other, sessions) == room),
            ("surgeon", other.surgeon_key == candidate.surgeon_key),
            ("anaesthetist", bool(candidate.anaesthetist_key and other.anaesthetist_key == candidate.anaesthetist_key)),
            ("patient", other.person_key == candidate.person_key)) if met]
        if kinds:
            window = f"{other.start:%d/%m %H:%M}-{other.end:%H:%M}"
            found += [Clash(kind, other.booking_id, _met(kind, theatre, other, window)) for kind in kinds]
    return found


def _met(kind: str, theatre: str, other: Booking, window: str) -> Phrase:
    if kind == "theatre" and other.done_in is not None:
        return Phrase(QT_TRANSLATE_NOOP("messages", "theatre {theatre} is in use {window} by an operation done there"),
                      {"theatre": theatre, "window": window})
    if kind == "theatre":
        return Phrase(QT_TRANSLATE_NOOP("messages", "theatre {theatre} is booked {window}"),
                      {"theatre": theatre, "window": window})
    if kind == "surgeon":
        return Phrase(QT_TRANSLATE_NOOP("messages", "surgeon {surgeon} operates {window}"),
                      {"surgeon": other.surgeon, "window": window})
    if kind == "anaesthetist":
        return Phrase(QT_TRANSLATE_NOOP("messages", "anaesthetist {anaesthetist} is busy {window}"),
                      {"anaesthetist": other.anaesthetist, "window": window})
    return Phrase(QT_TRANSLATE_NOOP("messages", "the patient is already booked {window}"), {"window": window})


@dataclass(frozen=True)
class Slot:
    session_id: str
    theatre: str
    start: datetime
    specialty: str
    """The list's, which the rebook dialog names (a list added since it opened is offered too)."""


TURNOVER = timedelta(minutes=15)
"""Between two cases in one theatre: cleaning, sending for the next patient, anaesthetising them.
Five 60-minute cases booked back to back in a five-hour list left it running an hour late with
nothing said (`list_overrun`)."""


def list_overrun(session: TheatreSession, starts: Iterable[tuple[datetime, int, bool]],
                 turnover: timedelta = TURNOVER) -> datetime | None:
    """When the list's operations (each start, expected minutes, and whether that start is the
    recorded one of an operation done) end, counted in elapsed time, if that is past the list's
    end once a `turnover` is kept between each and the next: each begins when planned, or a
    turnover after the one before it ends if later, and one done when it was recorded to (a list
    whose cases were all done in time still said it would end an hour late, counted from the
    plan); None when the list ends in time. Said, not refused: a quick team may do better."""
    end: datetime | None = None
    for start, minutes, recorded in sorted(starts, key=lambda one: instant(one[0])):
        begins = instant(start) if end is None or recorded else max(instant(start), end + turnover)
        end = begins + timedelta(minutes=minutes)
    return end if end is not None and end > instant(session.end) else None


def suggest_slots(booking: Booking, sessions: Sequence[TheatreSession], booked: Sequence[Booking],
                  after: datetime, limit: int = 5, step: timedelta = timedelta(minutes=15),
                  on: Callable[[TheatreSession], bool] = lambda session: True) -> list[Slot]:
    """The earliest clash-free starts, at most one per session, earliest first (the dialog books
    the first on Enter; a list starting early may be full until late), for the booking's
    duration, on the quarter hours of the ward's clock: `after` (now) is in the ward's zone, and each start
    carries that zone's offset at that moment, so one after a change of summer time reads (and
    prints) as the wall clock shows it.

    Each session is scanned once along its busy intervals (the bookings of its theatre, on any
    of its lists, with a `TURNOVER` kept either side, and those of the same surgeon, anaesthetist
    or patient), then the chosen start is confirmed by `clashes`. Only the sessions `on` keeps
    are scanned (a specialty's lists); the others are still known to the clash check. A theatre
    holding two lists at once (a merge) offers each of its free times once.
    """
    by_id = {s.session_id: s for s in sessions}
    zone = after.tzinfo or timezone.utc
    duration = timedelta(minutes=booking.minutes)
    others = [b for b in booked if b.booking_id != booking.booking_id and b.start is not None]
    in_room: dict[str, list[Booking]] = {}
    for other in others:
        if (other_room := room_of(other, by_id)) is not None:
            in_room.setdefault(other_room, []).append(other)
    rooms = {room: _ByStart(group) for room, group in in_room.items()}
    people = _ByStart(b for b in others if booking.shares_people(b))
    found: list[Slot] = []
    for session in sorted(sessions, key=lambda s: (s.start, theatre_order(s.theatre))):
        if len(found) >= limit and session.start >= found[-1].start:
            break  # its slots could only come after those kept
        if session.end <= after or not on(session):
            continue
        room = theatre_key(session.theatre)
        relevant = [*people.near(session.start, session.end),
                    *rooms.get(room, _NONE_BOOKED).near(session.start, session.end)]
        busy = sorted(_kept_from(b, TURNOVER if room_of(b, by_id) == room else timedelta(0)) for b in relevant
                      if b.start is not None and b.end is not None
                      and _overlap(b.start, b.end, session.start, session.end))
        start = max(_local(session.start, zone), _ceil(after, step, zone))
        for busy_start, busy_end in busy:
            if start + duration <= busy_start:
                break
            start = max(start, _ceil(busy_end, step, zone))
        trial = replace(booking, session_id=session.session_id, start=start)
        offered = any(theatre_key(slot.theatre) == room and slot.start == start for slot in found)
        if start + duration <= session.end and not offered and not clashes(trial, by_id, relevant):
            found = sorted([*found, Slot(session.session_id, session.theatre, start, session.specialty)],
                           key=lambda slot: slot.start)[:limit]
    return found


def _kept_from(booking: Booking, turnover: timedelta) -> tuple[datetime, datetime]:
    """The time a booking keeps others from: its own, widened by the `turnover` either side in
    its theatre (`list_overrun` counts one between each case and the next): a list of four hours
    back to back was offered its last hour, which it then said made it overrun. The same surgeon
    or patient elsewhere keeps no turnover."""
    assert booking.start is not None and booking.end is not None
    return booking.start - turnover, booking.end + turnover


class _ByStart:
    """Bookings in start order, to read those that may overlap a window: the ones starting less
    than the longest of them before it (a hospital's theatre history is thousands of bookings;
    scanning them all for each of its sessions took seconds)."""

    def __init__(self, bookings: Iterable[Booking]):
        spans = sorted(((b.start, b.end, b) for b in bookings if b.start is not None and b.end is not None),
                       key=lambda span: span[0])
        self.starts = [start for start, _, _ in spans]
        self.bookings = [b for _, _, b in spans]
        self.longest = max((end - start for start, end, _ in spans), default=timedelta(0))

    def near(self, start: datetime, end: datetime) -> list[Booking]:
        return self.bookings[bisect_left(self.starts, start - self.longest):bisect_left(self.starts, end)]


_NONE_BOOKED = _ByStart(())


@dataclass(frozen=True)
class Suggested:
    """Slots for an operation of `specialty` (None: not known). `elsewhere`: these are other
    specialties' lists, none of its own having a free slot, which the coordinator must be told."""

    slots: list[Slot]
    specialty: str | None
    elsewhere: bool
    died_at: datetime | None = None
    """The patient's recorded death: no slot is offered, as none could be booked."""
    from_home: datetime | None = None
    """For a patient at home, called in now: the earliest they can be in theatre (`ARRIVE_BEFORE`
    from now), where the slots start, when that is later than both the start asked for and the
    end of their fast (`fasted_at`, kept while they travel); None for a patient on a ward."""
    fasted: datetime | None = None
    """For an operation that waits for its patient to fast (`held_to_fast`), when they have fasted
    `NOTHING_TO_EAT_BEFORE`, when that kept a sooner free slot off; None otherwise (no list ran
    before it: the dialog had a fast to explain and nothing it explained)."""
    earlier: tuple[Slot, ...] = ()
    """Slots on other specialties' lists before the operation's rebook-by date, emergency lists
    first, when its own specialty's first slot comes after that date: an urgent appendicectomy
    was offered only Thursday's General surgery list, four days late, never tomorrow's free
    emergency list."""


EMERGENCY_WORDS = ("emergency", "cepod", "urgence")
"""Words of a list's specialty, folded, that make it an emergency (CEPOD) list: "Emergency
(CEPOD)", "Urgences", "Bloc des urgences"."""


def emergency_list(session: TheatreSession) -> bool:
    """Whether the list is kept for emergencies, by its specialty's words (`EMERGENCY_WORDS`)."""
    folded = fold(session.specialty)
    return any(word in folded for word in EMERGENCY_WORDS)


def suggest_for_specialty(booking: Booking, specialty: str | None, sessions: Sequence[TheatreSession],
                          booked: Sequence[Booking], after: datetime, limit: int = 5,
                          deadline: datetime | None = None) -> Suggested:
    """The earliest free slots on the operation's own specialty's lists: a hernia repair was
    offered an earlier Gynaecology or ENT list first, and Enter booked it there. Only when none
    of its own lists has a free slot, the other lists' (a coordinator may borrow one, knowing).
    When its own first slot is after its rebook-by date (`deadline`), also the other lists'
    slots before that date (`Suggested.earlier`), emergency lists first: asked apart from the
    others, as `limit` keeps only the earliest slots and five elective lists starting before the
    emergency list left it out."""
    if specialty is None:
        return Suggested(suggest_slots(booking, sessions, booked, after, limit), None, False)
    wanted = specialty_key(specialty)
    slots = suggest_slots(booking, sessions, booked, after, limit, on=lambda s: specialty_key(s.specialty) == wanted)
    if slots and deadline is not None and slots[0].start > deadline:
        by = deadline

        def before(emergency: bool) -> list[Slot]:
            return [slot for slot in suggest_slots(booking, sessions, booked, after, limit, on=lambda s: (
                specialty_key(s.specialty) != wanted and s.start < by and emergency_list(s) is emergency))
                if slot.start <= by]

        return Suggested(slots, specialty, False, earlier=tuple([*before(True), *before(False)][:limit]))
    if slots:
        return Suggested(slots, specialty, False)
    slots = suggest_slots(booking, sessions, booked, after, limit, on=lambda s: specialty_key(s.specialty) != wanted)
    return Suggested(slots, specialty, bool(slots))


def _local(moment: datetime, zone: tzinfo) -> datetime:
    """The moment in the ward's zone, its offset at that moment fixed: Python adds and compares
    two times of one zone by their wall clocks, which is wrong across a change of summer time."""
    local = moment.astimezone(zone)
    return local.replace(tzinfo=timezone(local.utcoffset() or timedelta()))


def _ceil(moment: datetime, step: timedelta, zone: tzinfo) -> datetime:
    """The first step of the ward's clock at or after the moment (08:00, 08:15...)."""
    local = _local(moment, zone)
    base = local.replace(hour=0, minute=0, second=0, microsecond=0)
    return _local(base + -(-(local - base) // step) * step, zone)
