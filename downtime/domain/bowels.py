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
"""Loose stools stopped this long end the isolation they asked for: 48 hours without diarrhoea,
as the UK's guidance and French hospitals' hygiene teams keep it."""


class Sign(StrEnum):
    LOOSE = "loose"
    BLOOD = "blood"
    NOT_OPENED = "not_opened"


SIGNS: Mapping[Sign, Mapping[str, str]] = {
    Sign.LOOSE: {"en": "{count} LOOSE STOOLS IN 24 HOURS (since {first}): isolate in a side room, gloves and apron, "
                       "wash hands with soap and water, send a stool sample (C. difficile), tell the doctor",
                 "fr": "{count} SELLES MOLLES EN 24 HEURES (depuis {first}) : chambre seule et précautions contact, "
                       "gants et tablier, lavage des mains à l’eau et au savon, prélever une selle (C. difficile), "
                       "prévenir le médecin"},
    Sign.BLOOD: {"en": "BLOOD IN THE STOOL ({seen}, {time}): tell the doctor now",
                 "fr": "SANG DANS LES SELLES ({seen}, {time}) : prévenir le médecin maintenant"},
    Sign.NOT_OPENED: {"en": "BOWELS NOT OPENED for {days} days (since {since}): give the laxative prescribed, or tell "
                            "the doctor if none is",
                      "fr": "PAS DE SELLES depuis {days} jours (depuis le {since}) : donner le laxatif prescrit, ou "
                            "prévenir le médecin s’il n’y en a pas"},
}
"""What each sign asks: `{count}` loose stools since `{first}`; `{seen}` the blood seen, at
`{time}`; `{days}` whole days since `{since}`, the last stool (or the chart's first line)."""


def loose(stool_type: str | None) -> bool:
    return stool_type in LOOSE_TYPES


def loose_in_a_day(loose_at: Sequence[datetime], at: datetime) -> list[datetime]:
    """The loose stools with no known cause of the 24 hours up to `at` (`loose_at`, in order)."""
    since = elapsed.earlier(at, DAY)
    return [moment for moment in loose_at
            if elapsed.instant(since) < elapsed.instant(moment) <= elapsed.instant(at)]


def isolated_since(loose_at: Sequence[datetime], at: datetime) -> datetime | None:
    """When the loose stools began that the patient is to be isolated for at `at` (`loose_at`:
    those with no known cause, in order), None when they are not: from the first of the
    `LOOSE_IN_A_DAY` within 24 hours (`loose_in_a_day`) that asked to isolate them, until
    `ISOLATED_UNTIL_CLEAR` goes by with no loose stool. A sample sent ends the chart's asking
    (`signs`), not the isolation: the handover sheet's Isolation column is read by whoever
    gives care in the room."""
    began: datetime | None = None
    last: datetime | None = None
    for moment in (moment for moment in loose_at if elapsed.instant(moment) <= elapsed.instant(at)):
        if last is not None and elapsed.reached(elapsed.later(last, ISOLATED_UNTIL_CLEAR), moment):
            began = None
        last = moment
        if began is None and len(run := loose_in_a_day(loose_at, moment)) >= LOOSE_IN_A_DAY:
            began = run[0]
    return began if last is not None and not elapsed.reached(elapsed.later(last, ISOLATED_UNTIL_CLEAR), at) else None


def constipated_from(since: datetime) -> datetime:
    """When bowels not opened since `since` become constipation, as a watch counts."""
    return elapsed.later(since, CONSTIPATED_AFTER)


def signs(loose_at: Sequence[datetime], sampled_at: Sequence[datetime], latest_bleeding: bool, since: datetime,
          at: datetime) -> list[Sign]:
    """What the chart asks at `at`: loose stools with no known cause `LOOSE_IN_A_DAY` times in 24
    hours and no sample sent since the first of them (`sampled_at`: when samples were sent),
    blood in the latest stool, bowels not opened since `since` (the last stool, or the chart's
    first line) for three days."""
    run = loose_in_a_day(loose_at, at)
    sampled = run and any(elapsed.instant(run[0]) <= elapsed.instant(moment) <= elapsed.instant(at)
                          for moment in sampled_at)
    return [*([Sign.LOOSE] if len(run) >= LOOSE_IN_A_DAY and not sampled else []),
            *([Sign.BLOOD] if latest_bleeding else []),
            *([Sign.NOT_OPENED] if elapsed.reached(constipated_from(since), at) else [])]
