"""What a line, catheter or tube asks of the nurse, as the infection prevention guidance has it
(epic3, 2014; the RCN's standards for infusion therapy; SF2H 2019 in France): a peripheral
cannula's site scored 2 or more on the Visual Infusion Phlebitis score (Jackson 1998) is
phlebitis and the cannula comes out (from 3 a doctor sees it for treatment); a site red, tender
or discharging is for a doctor to see; a device leaking, blocked or pulled out is seen to now; a
device no longer needed comes out (the daily question: each day one stays in is a day's risk of a
bloodstream or urinary infection); the site is checked again when the chart says. Each device is
followed by what it is and where, the same at each check."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from enum import StrEnum

from downtime.domain import elapsed

INSERTED, CHECKED, REMOVED = "inserted", "checked", "removed"
"""What a look at a device records: its putting in, a check, its taking out (which ends its chart)."""
SCORED_FOR_PHLEBITIS = frozenset({"peripheral", "midline"})
"""The devices whose site is scored on the VIP scale; the others' site is said in words."""
SCORED_EVERY_HOURS = 12
"""A site scored on the VIP scale is scored at least once a shift (epic3): its next check falls
due within 12 hours whatever the chart planned."""
PHLEBITIS_VIP = 2
"""From VIP 2 the cannula comes out."""
TREATED_VIP = 3
"""From VIP 3 phlebitis is for a doctor to see, for treatment."""
STAY_IN_HOSPITAL = frozenset({"peripheral", "arterial"})
"""The devices no patient leaves hospital with on purpose: one charted in during a stay that ended
(home, another hospital, death) with no removal charted was taken out unrecorded, and is followed
no more. Any other may go home and come back with the patient (a PICC line or a midline for
antibiotics at home, a tunnelled line or a port, a long-term catheter, a drain, a feeding tube):
one of an ended stay is asked about (STILL_IN), neither followed as if checked nor dropped."""
INFECTED_SITE = frozenset({"red", "pus"})
FAULTY_SITE = "fault"
DRAINS_URINE = frozenset({"urinary"})
"""The devices after whose removal the patient must pass urine: a trial without catheter."""
VOID_WITHIN = timedelta(hours=6)
"""When a patient whose urinary catheter came out and who has passed no urine since is asked
about: retention after a trial without catheter is looked for with a bladder scan when no urine
is passed within about 6 hours (NICE CG171 and the RCN's catheter care guidance: monitor voiding
after removal; Fernández-Ruiz et al., the first void within 4 to 6 hours)."""
BAG_EMPTIED_WITHIN = timedelta(minutes=30)
"""Urine charted within this after a urinary catheter's removal: the bag taken off with it,
emptied and measured, not urine the patient passed (the fluid chart does not say which)."""


class Sign(StrEnum):
    PHLEBITIS = "phlebitis"
    INFECTION = "infection"
    FAULT = "fault"
    NOT_NEEDED = "not_needed"
    OVERDUE = "overdue"
    STILL_IN = "still_in"
    NOT_VOIDED = "not_voided"


TAKE_OUT = frozenset({Sign.PHLEBITIS, Sign.NOT_NEEDED})
"""The signs that say to take the device out: its next check is none to plan."""
LATEST_ONLY = frozenset({Sign.OVERDUE, Sign.STILL_IN})
"""What only the latest look at a device asks: an earlier look's check was done, and the device
found in, by the next."""
NO_NEXT_CHECK = TAKE_OUT | {Sign.STILL_IN}
"""The signs after which no next check is said: the device comes out, or whether it is still in
is not known."""
SIGNS: Mapping[Sign, Mapping[str, str]] = {
    Sign.PHLEBITIS: {"en": "PHLEBITIS (VIP {vip}, {device}): take it out{doctor}, put a new one elsewhere only if "
                           "still needed",
                     "fr": "PHLÉBITE (VIP {vip}, {device}) : le retirer{doctor}, n’en reposer un ailleurs que s’il "
                           "est toujours nécessaire"},
    Sign.INFECTION: {"en": "SITE INFECTED? ({device}: {site}): tell the doctor",
                     "fr": "SITE INFECTÉ ? ({device} : {site}) : prévenir le médecin"},
    Sign.FAULT: {"en": "LEAKING, BLOCKED OR PULLED OUT ({device}): see to it now, tell the nurse in charge",
                 "fr": "FUITE, OBSTRUCTION OU ARRACHEMENT ({device}) : s’en occuper maintenant, prévenir "
                       "l’infirmier(ère) responsable"},
    Sign.NOT_NEEDED: {"en": "NO LONGER NEEDED ({device}): take it out",
                      "fr": "PLUS NÉCESSAIRE ({device}) : le retirer"},
    Sign.OVERDUE: {"en": "CHECK OVERDUE ({device}) since {due}", "fr": "SURVEILLANCE EN RETARD ({device}) depuis {due}"},
    Sign.STILL_IN: {"en": "STILL IN? ({device}, charted in during the stay that ended {ended}): check it and chart "
                          "the check, or chart its removal",
                    "fr": "TOUJOURS EN PLACE ? ({device}, noté en place pendant le séjour terminé le {ended}) : le "
                          "vérifier et noter la surveillance, ou noter son retrait"},
    Sign.NOT_VOIDED: {"en": "NOT PASSED URINE since the {device} came out at {time}: bladder scan, tell the doctor",
                      "fr": "N’A PAS URINÉ depuis le retrait ({device}) à {time} : échographie vésicale (bladder "
                            "scan), prévenir le médecin"},
}
"""What each sign asks: `{device}` what it is and where, `{vip}` its score, `{doctor}` the doctor
told from VIP 3 (DOCTOR), `{site}` the site in words, `{due}` when its check fell due, `{ended}`
when the stay it was last charted in ended; of a urinary catheter not voided after, `{device}` what
it is, in lower case, and `{time}` when it came out."""
DOCTOR: Mapping[str, str] = {"en": " and tell the doctor (treatment)", "fr": " et prévenir le médecin (traitement)"}


def key(device: str, site: str) -> str:
    """The device a look follows: "Left forearm" and " left  FOREARM" are one place."""
    return f"{device}:{' '.join(site.split()).casefold()}"


def next_due(checked_at: datetime, every_hours: int, device: str) -> datetime:
    """When the next check falls due, as a watch counts: a cannula planned 24 hours on went two
    shifts unscored, so one scored for phlebitis falls due within SCORED_EVERY_HOURS."""
    hours = min(every_hours, SCORED_EVERY_HOURS) if device in SCORED_FOR_PHLEBITIS else every_hours
    return elapsed.later(checked_at, timedelta(hours=hours))


def signs(vip: int | None, site: str | None, still_needed: bool | None, due_at: datetime | None,
          at: datetime) -> list[Sign]:
    """What a device still in asks at `at`, as its latest look found it: phlebitis, the site
    infected or the device faulty, the device no longer needed, then its check once overdue."""
    return [*([Sign.PHLEBITIS] if vip is not None and vip >= PHLEBITIS_VIP else []),
            *([Sign.INFECTION] if site in INFECTED_SITE else []),
            *([Sign.FAULT] if site == FAULTY_SITE else []),
            *([Sign.NOT_NEEDED] if still_needed is False else []),
            *([Sign.OVERDUE] if elapsed.reached(due_at, at) else [])]


def days_in(inserted_at: datetime, at: datetime) -> int:
    """Whole days a device has been in at `at` (its line-days, as infection surveillance counts
    them from its putting in)."""
    return max(0, elapsed.between(inserted_at, at) // timedelta(days=1))


def voided(removed_at: datetime, urine_at: Iterable[datetime]) -> bool:
    """Whether urine charted at `urine_at` says the patient passed urine since a urinary catheter
    came out at `removed_at`: only that charted over `BAG_EMPTIED_WITHIN` after it, the bag emptied
    ten minutes on having cleared the question of a patient in retention."""
    emptied = elapsed.later(removed_at, BAG_EMPTIED_WITHIN)
    return any(elapsed.instant(at) > elapsed.instant(emptied) for at in urine_at)


def void_due(device: str, removed_at: datetime, voided: bool) -> datetime | None:
    """When a patient whose device came out at `removed_at` is asked whether they passed urine:
    a urinary catheter's removal with no urine charted since (`voided` False) asks `VOID_WITHIN`
    after it, as a watch counts; None for any other device, or once urine is charted."""
    return None if voided or device not in DRAINS_URINE else elapsed.later(removed_at, VOID_WITHIN)
