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
from downtime.domain.clock import ward_day
from downtime.domain.medication import route_code
from downtime.i18n import Lang

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


POSITION_CONFIRMED = frozenset({"nasogastric"})
"""The devices whose position the guidance has confirmed before each use, and charted: feeding or giving
medicines through a misplaced nasogastric tube is a Never Event (NPSA Patient Safety Alert
NPSA/2011/PSA002, "Reducing the harm caused by misplaced nasogastric feeding tubes": the position
checked before each use, by the aspirate's pH or an X-ray read by a competent person; NHS
Improvement Patient Safety Alert NHS/PSA/RE/2016/006; the HAS asks the position checked before
every use). The app sees only the checks charted: it asks a use while the line chart says the
position is not confirmed, its check overdue by the chart's own next check, or the tube taken out
with none charted in since (services.devices.tube_to_confirm), not at each use. A gastrostomy
(PEG) or a jejunostomy, charted "Other", is not checked by pH."""
BY_PH, BY_XRAY = "ph", "xray"
"""How a nasogastric tube's position is confirmed (the form's codes): its aspirate's pH, or a
chest X-ray read by a doctor; "not_confirmed" otherwise."""
PH_AT_MOST = 5.5
"""An aspirate's pH that confirms a gastric position (NHS Improvement 2016: 1 to 5.5)."""
RESITE_OR_REVIEW = frozenset({"peripheral"})
"""The devices resited, or reviewed and kept with a reason, once in `IN_AT_MOST`: a peripheral
cannula (many UK trusts at 72 hours; SF2H 2019: reassessed, not routinely resited before 96)."""
IN_AT_MOST = timedelta(hours=72)
"""How long a peripheral cannula stays in before it asks to be resited or its keeping reasoned,
as the paper cannula chart's "resite due" box has it: one in for a week, scored VIP 0 every
shift, asked nothing."""
KEPT_FOR = timedelta(hours=24)
"""How long a reason to keep a cannula in past `IN_AT_MOST` answers the question: it is asked
again the day after (reviewed daily)."""


class Sign(StrEnum):
    PHLEBITIS = "phlebitis"
    INFECTION = "infection"
    FAULT = "fault"
    POSITION = "position"
    NOT_NEEDED = "not_needed"
    RESITE = "resite"
    OVERDUE = "overdue"
    STILL_IN = "still_in"
    NOT_VOIDED = "not_voided"


TAKE_OUT = frozenset({Sign.PHLEBITIS, Sign.NOT_NEEDED})
"""The signs that say to take the device out: its next check is none to plan."""
LATEST_ONLY = frozenset({Sign.OVERDUE, Sign.STILL_IN})
"""What only the latest look at a device asks: an earlier look's check was done, and the device
found in, by the next."""
REPLACE_THE_CHECK = TAKE_OUT | {Sign.RESITE}
"""The signs whose ask takes the nurse to the device in place of its routine check (take it out;
resite it, or record at a check why it stays): its check overdue said beside them asked a second
visit, to score a site that is to go."""
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
    Sign.POSITION: {"en": "NG POSITION NOT CONFIRMED ({device}{why}): do not use it for feeds or medicines until "
                          "confirmed (aspirate pH 5.5 or below, or an X-ray read by a doctor)",
                    "fr": "POSITION DE LA SNG NON VÉRIFIÉE ({device}{why}) : ne pas l’utiliser pour l’alimentation ni "
                          "les médicaments avant vérification (pH de l’aspiration 5,5 ou moins, ou radiographie "
                          "interprétée par un médecin)"},
    Sign.NOT_NEEDED: {"en": "NO LONGER NEEDED ({device}): take it out",
                      "fr": "PLUS NÉCESSAIRE ({device}) : le retirer"},
    Sign.RESITE: {"en": "IN OVER {hours} HOURS ({device}): resite it, or record at a check why it stays",
                  "fr": "EN PLACE DEPUIS PLUS DE {hours} HEURES ({device}) : le changer, ou noter à une surveillance "
                        "pourquoi il reste"},
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
told from VIP 3 (DOCTOR), `{site}` the site in words, `{why}` what says a nasogastric tube's
position is not confirmed (its pH, its mark moved), `{hours}` the hours a cannula stays in
(`IN_AT_MOST`), `{due}` when its check fell due, `{ended}` when the stay it was last charted in
ended; of a urinary catheter not voided after, `{device}` what it is, in lower case, and `{time}`
when it came out."""
DOCTOR: Mapping[str, str] = {"en": " and tell the doctor (treatment)", "fr": " et prévenir le médecin (traitement)"}


OTHER = "other"
"""The answer of a device or a wound of no kind listed, its label asking it named in the notes."""
NOTES_SHOWN = 80
"""How much of the notes naming an "Other" or a decline a list's line quotes, the rest cut (a
letter or a printed chart quotes them whole)."""


TOLD: Mapping[Lang, str] = {"en": "{label}: {notes}", "fr": "{label} : {notes}"}


def told(label: str, notes: str | None, lang: Lang, whole: bool = False) -> str:
    """An answer whose label asks it said in the notes ("Other (say in the notes)", "Declined (say
    why in the notes)") as its notes say it: "Other: Epidural catheter, levobupivacaine 0.1 %".
    The handover, the letters and the escalation list read "Other (say in the notes)", and never
    that it was an epidural, nor why a turn was declined. Shared by the device, wound and turning
    charts; the label alone when the notes say nothing. Cut at NOTES_SHOWN unless `whole` (a
    letter, a printed chart: the plan agreed with a patient declining, cut, never reached the
    receiving ward)."""
    said = " ".join((notes or "").split())
    if not said:
        return label
    cut = said if whole or len(said) <= NOTES_SHOWN else f"{said[:NOTES_SHOWN - 1].rstrip()}…"
    return TOLD[lang].format(label=label.split(" (")[0], notes=cut)


def key(device: str, site: str) -> str:
    """The device a look follows: "Left forearm" and " left  FOREARM" are one place."""
    return f"{device}:{' '.join(site.split()).casefold()}"


def next_due(checked_at: datetime, every_hours: int, device: str) -> datetime:
    """When the next check falls due, as a watch counts: a cannula planned 24 hours on went two
    shifts unscored, so one scored for phlebitis falls due within SCORED_EVERY_HOURS."""
    hours = min(every_hours, SCORED_EVERY_HOURS) if device in SCORED_FOR_PHLEBITIS else every_hours
    return elapsed.later(checked_at, timedelta(hours=hours))


def signs(vip: int | None, site: str | None, still_needed: bool | None, due_at: datetime | None,
          at: datetime, resite_at: datetime | None = None, unconfirmed: bool = False) -> list[Sign]:
    """What a device still in asks at `at`, as its latest look found it: phlebitis, the site
    infected or the device faulty, a tube's position not confirmed (`unconfirmed`), the device no
    longer needed, a cannula in too long once `resite_at` is reached (`resite_due`), then its
    check once overdue, unless what it asks already replaces the check (`REPLACE_THE_CHECK`)."""
    found = [*([Sign.PHLEBITIS] if vip is not None and vip >= PHLEBITIS_VIP else []),
             *([Sign.INFECTION] if site in INFECTED_SITE else []),
             *([Sign.FAULT] if site == FAULTY_SITE else []),
             *([Sign.POSITION] if unconfirmed else []),
             *([Sign.NOT_NEEDED] if still_needed is False else []),
             *([Sign.RESITE] if elapsed.reached(resite_at, at) else [])]
    overdue = elapsed.reached(due_at, at) and not REPLACE_THE_CHECK & set(found)
    return [*found, *([Sign.OVERDUE] if overdue else [])]


def position_confirmed(by: str, ph: float | None) -> bool:
    """Whether a look confirmed a nasogastric tube's position: by an X-ray read, or by an
    aspirate's pH of `PH_AT_MOST` or below."""
    return by == BY_XRAY or (by == BY_PH and ph is not None and ph <= PH_AT_MOST)


TUBE_ROUTE = "NG"
"""The medicines' route (the order and dose forms' code) given through a nasogastric tube: a dose
by it is asked while the tube's position is not confirmed (services.devices.dose_warnings)."""


def by_tube(route: str) -> bool:
    """Whether a medicine's route (in any of the order form's words: "NG", "Nasogastric tube",
    "Sonde nasogastrique") goes through a nasogastric tube (`TUBE_ROUTE`)."""
    return route_code(route) == TUBE_ROUTE


def resite_due(device: str, inserted_at: datetime | None, kept_at: datetime | None) -> datetime | None:
    """When a device put in at `inserted_at` asks to be resited or kept with a reason: a
    peripheral cannula `IN_AT_MOST` after, or `KEPT_FOR` after the latest check that gave a
    reason to keep it (`kept_at`), whichever is later, as a watch counts; None for any other
    device, or one whose putting in is not known."""
    if device not in RESITE_OR_REVIEW or inserted_at is None:
        return None
    due = elapsed.later(inserted_at, IN_AT_MOST)
    return due if kept_at is None else max(due, elapsed.later(kept_at, KEPT_FOR), key=elapsed.instant)


def days_in(inserted_at: datetime, at: datetime) -> int:
    """Midnights a device has been in over at `at`, on the ward's calendar (`ward_day`, whatever
    offset either was stored with): the day it went in is its first (line-day tallies count
    calendar days; « J0 = jour de pose »), each midnight since starts the next. Counted by 24 hours
    gone by, a cannula put in at 22:00 read "day 1", "J0", the next morning, and one put in at
    00:30 the night the clocks go back read "day 2" at 23:59 that same day."""
    return max(0, (ward_day(at) - ward_day(inserted_at)).days)


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
