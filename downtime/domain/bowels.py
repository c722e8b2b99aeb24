"""What a bowel chart asks of the nurse. Loose stools (Bristol types 5 to 7) three times in 24
hours with no known cause (a laxative, an enteral feed, a bowel preparation) may be infective:
the SIGHT protocol of the UK's Clostridioides difficile guidance (and the French SF2H's) asks to
isolate the patient at once, wear gloves and apron, wash hands with soap and water (alcohol gel
does not kill the spores) and send a stool sample; blood or black tarry stool (melaena) is for a
doctor to see now; bowels not opened for three days are constipation, for the laxative
prescribed or the doctor."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from enum import StrEnum

from downtime.domain import elapsed

LOOSE_TYPES = frozenset({"5", "6", "7"})
"""The Bristol types of a loose stool."""
LOOSE_IN_A_DAY = 3
"""Loose stools with no known cause within 24 hours that may be infective."""
DAY = timedelta(hours=24)
BLEEDING = frozenset({"blood", "melaena"})
CONSTIPATED_AFTER = timedelta(days=3)
"""Bowels not opened this long are constipation."""
ISOLATED_UNTIL_CLEAR = timedelta(hours=48)
"""The isolation loose stools asked for ends once they have stopped this long and a formed stool
(`FORMED_TYPES`) has been charted since the last: UKHSA's C. difficile guidance (and French
hospitals' hygiene teams) keep it until 48 hours free of diarrhoea and a formed stool."""
FORMED_TYPES = frozenset({"1", "2", "3", "4"})
"""The Bristol types of a formed stool."""


class Sign(StrEnum):
    LOOSE = "loose"
    BLOOD = "blood"
    NOT_OPENED = "not_opened"


SIGNS: Mapping[Sign, Mapping[str, str]] = {
    Sign.LOOSE: {"en": "{count} LOOSE STOOLS IN 24 HOURS (since {first}): isolate in a side room, gloves and apron, "
                       "wash hands with soap and water{sample}, tell the doctor",
                 "fr": "{count} SELLES NON MOULÉES EN 24 HEURES (depuis {first}) : chambre seule et précautions "
                       "contact, gants et tablier, lavage des mains à l’eau et au savon{sample}, prévenir le médecin"},
    Sign.BLOOD: {"en": "BLOOD IN THE STOOL ({seen}, {time}): tell the doctor now",
                 "fr": "SANG DANS LES SELLES ({seen}, {time}) : prévenir le médecin maintenant"},
    Sign.NOT_OPENED: {"en": "BOWELS NOT OPENED for {days} days (since {since}): give the laxative prescribed, or tell "
                            "the doctor if none is",
                      "fr": "PAS DE SELLES depuis {days} jours (depuis le {since}) : donner le laxatif prescrit, ou "
                            "prévenir le médecin s’il n’y en a pas"},
}
"""What each sign asks: `{count}` loose stools since `{first}`, `{sample}` the ask for a sample
(`SAMPLE`) until one is sent; `{seen}` the blood seen, at `{time}`; `{days}` whole days since
`{since}`, the last stool (or the chart's first line)."""
SAMPLE: Mapping[str, str] = {"en": ", send a stool sample (C. difficile)", "fr": ", prélever une selle (C. difficile)"}
"""The part of the loose stools' ask a sample sent since the first of them ends: the isolation,
the soap and water and the doctor told are still asked."""


def loose(stool_type: str | None) -> bool:
    return stool_type in LOOSE_TYPES


def formed(stool_type: str | None) -> bool:
    return stool_type in FORMED_TYPES


def in_a_day(moments: Sequence[datetime], at: datetime) -> list[datetime]:
    """Those of `moments` (in order) in the 24 hours up to `at`: the loose stools that may be
    infective together, the blood seen that is still for the doctor."""
    since = elapsed.earlier(at, DAY)
    return [moment for moment in moments
            if elapsed.instant(since) < elapsed.instant(moment) <= elapsed.instant(at)]


def _cleared(last: datetime, formed_at: Sequence[datetime], at: datetime) -> bool:
    """Whether the isolation asked for up to the loose stool at `last` has ended at `at`."""
    return elapsed.reached(elapsed.later(last, ISOLATED_UNTIL_CLEAR), at) and any(
        elapsed.instant(last) < elapsed.instant(moment) <= elapsed.instant(at) for moment in formed_at)


def isolated_since(unexplained_at: Sequence[datetime], loose_at: Sequence[datetime], formed_at: Sequence[datetime],
                   at: datetime) -> datetime | None:
    """When the loose stools began that the patient is to be isolated for at `at`, None when they
    are not: from the first of `LOOSE_IN_A_DAY` with no known cause (`unexplained_at`) within 24
    hours, until `ISOLATED_UNTIL_CLEAR` goes by with no loose stool of any cause (`loose_at`: a
    laxative given to an isolated patient does not end their diarrhoea) and a formed stool
    (`formed_at`) is charted after the last. All in order. A sample sent ends the ask for one
    (`SAMPLE`), not the isolation: the handover sheet's Isolation column is read by whoever gives
    care in the room."""
    began: datetime | None = None
    last: datetime | None = None
    for moment in (moment for moment in loose_at if elapsed.instant(moment) <= elapsed.instant(at)):
        if last is not None and _cleared(last, formed_at, moment):
            began = None
        last = moment
        if began is None and len(run := in_a_day(unexplained_at, moment)) >= LOOSE_IN_A_DAY:
            began = run[0]
    return began if last is not None and not _cleared(last, formed_at, at) else None


def constipated_from(since: datetime) -> datetime:
    """When bowels not opened since `since` become constipation, as a watch counts."""
    return elapsed.later(since, CONSTIPATED_AFTER)


def sample_sent(run: Sequence[datetime], sampled_at: Sequence[datetime], at: datetime) -> bool:
    """Whether a stool sample was sent (`sampled_at`) since the first of the loose stools `run`."""
    return bool(run) and any(elapsed.instant(run[0]) <= elapsed.instant(moment) <= elapsed.instant(at)
                             for moment in sampled_at)


def bleeding_told(bleeding_at: Sequence[datetime], last_opened: datetime | None, at: datetime) -> datetime | None:
    """When the stool was whose blood the chart asks a doctor to see at `at`: the latest with blood
    seen in it (`bleeding_at`, in order), while it is the last stool (`last_opened`) or of the 24
    hours, however the stools since look: a normal stool after melaena does not mean a doctor
    saw it, and the chart forgot it."""
    past = [moment for moment in bleeding_at if elapsed.instant(moment) <= elapsed.instant(at)]
    if not past:
        return None
    latest = past[-1]
    last = last_opened is not None and elapsed.instant(latest) == elapsed.instant(last_opened)
    return latest if last or in_a_day([latest], at) else None


def signs(unexplained_at: Sequence[datetime], bleeding: bool, since: datetime, at: datetime) -> list[Sign]:
    """What the chart asks at `at`: loose stools with no known cause `LOOSE_IN_A_DAY` times in 24
    hours (a sample sent changes the words, not the ask: `SAMPLE`); blood seen that a doctor is
    to see (`bleeding`: `bleeding_told`); bowels not opened since `since` (the last stool, or the
    chart's first line) for three days."""
    return [*([Sign.LOOSE] if len(in_a_day(unexplained_at, at)) >= LOOSE_IN_A_DAY else []),
            *([Sign.BLOOD] if bleeding else []),
            *([Sign.NOT_OPENED] if elapsed.reached(constipated_from(since), at) else [])]
