"""What a fall on the ward asks until it is done, as the NPSA's "Essential care after an
inpatient fall" (Rapid Response Report 2011) and NICE QS86 say: a patient with signs of a
fracture or spinal injury is not got up before a doctor has examined them (lifted flat if they
must be moved); a possible head injury in a patient on an anticoagulant is told to the doctor at
once (NICE NG232: a CT scan of the head within 8 hours); neuro obs (a GCS set) start at once when
a head injury cannot be excluded; a set of observations is taken; and every patient who falls is
examined by a doctor. Each is asked from the fall on until a record shows it done: a set taken at
or after the fall, the doctor's examination recorded on the fall. The CT head of a patient on an
anticoagulant is asked after the examination too, with the 8 hours' deadline, until the fall
records it done or not needed (form version 3): once the doctor had come, it was forgotten. An
anticoagulant stopped shortly before the fall still counts (domain.medication.anticoagulated_at).

After a possible head injury, neuro obs keep NICE's pace for a day (`neuro_interval`): one set
of any interval silenced the fall, and a set of GCS 14 saying "next in 4 hours" was accepted. The
pace counts from the patient's return to their usual GCS, when the fall records one below 15: a
patient with dementia whose usual GCS is 13 never reached 15, and was asked a set every half hour
for a day. In that day a set also says when NICE asks a CT head within 1 hour (`head_ct`): a GCS of
12 or less, not back to the usual GCS 2 hours after the fall, or a limb newly weaker (a focal
deficit); not once the fall records the CT head done before the set."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from enum import StrEnum
from typing import Any

from downtime.domain import elapsed
from downtime.domain.clock import ward_time
from downtime.domain.gcs import Alarm, Flag
from downtime.domain.medication import Anticoagulated

HEAD_INJURY_POSSIBLE = frozenset({"yes", "not_excluded"})
"""The form's head injury answers that call for neuro obs."""
GCS_FULL = 15


class Ask(StrEnum):
    """In the order they are said: the most urgent first."""

    NOT_TO_MOVE = "not_to_move"
    ANTICOAGULANT = "anticoagulant"
    NEURO = "neuro"
    OBSERVATIONS = "observations"
    REVIEW = "review"
    CT = "ct"


ASKS: Mapping[Ask, Mapping[str, str]] = {
    Ask.NOT_TO_MOVE: {"en": "POSSIBLE FRACTURE OR SPINAL INJURY: do not get the patient up (lift them flat); "
                            "the doctor examines them first",
                      "fr": "FRACTURE OU LÉSION RACHIDIENNE POSSIBLE : ne pas faire lever le patient (le relever à "
                            "plat) ; le médecin l’examine d’abord"},
    Ask.ANTICOAGULANT: {"en": "ON AN ANTICOAGULANT WITH A POSSIBLE HEAD INJURY: tell the doctor now (CT head "
                              "within 8 hours)",
                        "fr": "SOUS ANTICOAGULANT AVEC UN TRAUMATISME CRÂNIEN POSSIBLE : prévenir le médecin "
                              "maintenant (scanner cérébral dans les 8 heures)"},
    Ask.NEURO: {"en": "HEAD INJURY NOT EXCLUDED: start neuro obs (GCS) now",
                "fr": "TRAUMATISME CRÂNIEN NON EXCLU : commencer la surveillance neurologique (Glasgow) maintenant"},
    Ask.OBSERVATIONS: {"en": "NO OBSERVATIONS SINCE THE FALL: take a set now",
                       "fr": "PAS DE CONSTANTES DEPUIS LA CHUTE : prendre les constantes maintenant"},
    Ask.REVIEW: {"en": "NOT EXAMINED BY A DOCTOR since the fall: ask for a medical review",
                 "fr": "PAS EXAMINÉ PAR UN MÉDECIN depuis la chute : demander un examen médical"},
    Ask.CT: {"en": "CT HEAD NOT RECORDED DONE: due by {due} (8 hours after the fall, on an anticoagulant)",
             "fr": "SCANNER CÉRÉBRAL NON NOTÉ FAIT : à faire avant le {due} (8 heures après la chute, sous "
                   "anticoagulant)"},
}
CT_REQUESTED = {"en": "CT HEAD REQUESTED {time}, NOT RECORDED DONE: due by {due} (8 hours after the fall, on an "
                      "anticoagulant)",
                "fr": "SCANNER CÉRÉBRAL DEMANDÉ le {time}, NON NOTÉ FAIT : à faire avant le {due} (8 heures après la "
                      "chute, sous anticoagulant)"}
"""The CT ask once the fall records the CT requested: when, as the fall says it."""
CT_WITHIN = timedelta(hours=8)
"""A possible head injury on an anticoagulant: CT head within this of the fall (NICE NG232)."""
CT_ANSWERED = frozenset({"not_needed", "done"})
"""The fall's CT head answers that end its ask (form version 3)."""
CHARTED_ANTICOAGULANT = {
    "en": "ON AN ANTICOAGULANT ({drugs} on the medication chart) WITH A POSSIBLE HEAD INJURY: tell the doctor now "
          "(CT head within 8 hours)",
    "fr": "SOUS ANTICOAGULANT ({drugs} sur le plan d’administration) AVEC UN TRAUMATISME CRÂNIEN POSSIBLE : "
          "prévenir le médecin maintenant (scanner cérébral dans les 8 heures)"}
"""The anticoagulant ask when the medication chart says it: the nurse who answered "No" on the
fall reads why it is asked all the same."""
AND = {"en": " and ", "fr": " et "}
UNTIL = {"en": "{drug} until {time}", "fr": "{drug} jusqu’au {time}"}
"""An anticoagulant stopped before the fall that still counts, and when it was stopped."""


@dataclass(frozen=True)
class Fall:
    """A fall as its record says it: `reviewed_at` None until the doctor's examination is recorded."""

    fell_at: datetime
    head_injury: str
    anticoagulated: bool
    fracture_suspected: bool
    reviewed_at: datetime | None

    found: bool = False
    """Found on the floor, not seen to fall: a head injury cannot be excluded, whatever the
    answer (the patient cannot always say, and NICE's head injury advice counts an unwitnessed
    fall as one)."""

    anticoagulants: tuple[Anticoagulated, ...] = ()
    """The anticoagulants the medication chart had in force at the fall, or stopped shortly before
    it (`domain.medication.anticoagulated_at`): an apixaban order, the fall's box left "No", asked
    no scan."""

    usual_gcs: int | None = None
    """The patient's usual GCS before the fall, as the fall records it (None when it does not, a
    fall of the form's version 1 among them: 15 is counted)."""

    ct_head: str | None = None
    """The fall's CT head answer (not_needed, requested, done; None unanswered, and on a fall of
    the form's version 1 or 2), and when it was requested or done (`ct_head_at`)."""
    ct_head_at: datetime | None = None

    @property
    def ct_done_at(self) -> datetime | None:
        """When the CT head was done, once the fall records it."""
        return self.ct_head_at if self.ct_head == "done" else None

    def answered_since(self, at: datetime) -> bool:
        """The doctor's examination or the CT head recorded at or after `at`: either answers what a
        set taken then asked of the fall's CT head (`head_ct`)."""
        done = self.ct_done_at
        return self.examined_since(at) or (done is not None and elapsed.instant(done) >= elapsed.instant(at))

    @property
    def usual(self) -> int:
        """The GCS the patient is back to after it: their usual one, else 15."""
        return self.usual_gcs or GCS_FULL

    def examined_since(self, at: datetime) -> bool:
        """The doctor's examination recorded at or after `at`: it answers what a set taken then
        asked of the fall (`head_ct`)."""
        return self.reviewed_at is not None and elapsed.instant(self.reviewed_at) >= elapsed.instant(at)

    @property
    def on_anticoagulant(self) -> bool:
        """On an anticoagulant as the fall's answer or the medication chart says."""
        return self.anticoagulated or bool(self.anticoagulants)

    @property
    def head_injury_possible(self) -> bool:
        return self.head_injury in HEAD_INJURY_POSSIBLE or self.found

    @property
    def examined(self) -> bool:
        """The doctor's examination recorded, at or after the fall (one dated before it was a
        typing slip that silenced the fall's most urgent asks)."""
        return self.reviewed_at is not None and elapsed.instant(self.reviewed_at) >= elapsed.instant(self.fell_at)


def fall_of(data: Mapping[str, Any]) -> Fall:
    """The fall a fall's answers say (the chart's anticoagulants apart: see `Fall.anticoagulants`)."""
    reviewed, ct_at = data.get("reviewed_at"), data.get("ct_head_at")
    return Fall(datetime.fromisoformat(data["fell_at"]), data["head_injury"], data["anticoagulated"],
                data["fracture_signs"] == "suspected", datetime.fromisoformat(reviewed) if reviewed else None,
                data["witnessed"] == "found", usual_gcs=data.get("usual_gcs"), ct_head=data.get("ct_head"),
                ct_head_at=datetime.fromisoformat(ct_at) if ct_at else None)


def _since(fall: Fall, taken: list[datetime]) -> bool:
    """Whether one of the sets `taken` was taken at or after the fall."""
    return any(elapsed.instant(at) >= elapsed.instant(fall.fell_at) for at in taken)


def asks(fall: Fall, observations: list[datetime], neuro: list[datetime]) -> list[Ask]:
    """What the fall asks now, given when the patient's observation sets (NEWS2 or PEWS) and
    neuro sets were taken: the doctor's examination until it is recorded (said as what not to do
    before it, or whom to tell now, when either applies), neuro obs and a set of observations
    until one is taken since the fall; once the doctor told of the anticoagulant has examined the
    patient, the CT head until the fall records it done or not needed."""
    found = []
    if not fall.examined and fall.fracture_suspected:
        found.append(Ask.NOT_TO_MOVE)
    if not fall.examined and fall.head_injury_possible and fall.on_anticoagulant:
        found.append(Ask.ANTICOAGULANT)
    if fall.head_injury_possible and not _since(fall, neuro):
        found.append(Ask.NEURO)
    if not _since(fall, observations):
        found.append(Ask.OBSERVATIONS)
    if not fall.examined and not {Ask.NOT_TO_MOVE, Ask.ANTICOAGULANT} & set(found):
        found.append(Ask.REVIEW)
    if fall.examined and fall.head_injury_possible and fall.on_anticoagulant and fall.ct_head not in CT_ANSWERED:
        found.append(Ask.CT)
    return found


def anticoagulants_named(fall: Fall, lang: str, zone: tzinfo | None) -> str:
    """The chart's anticoagulants at the fall, one stopped before it with when ("Warfarin until
    28/11 11:00"), its times on the clock of `zone`."""
    return AND[lang].join(one.drug if one.until is None else UNTIL[lang].format(
        drug=one.drug, time=ward_time(one.until, zone)) for one in fall.anticoagulants)


def said(ask: Ask, fall: Fall, lang: str, zone: tzinfo | None = None) -> str:
    """What `ask` of `fall` says, its times on the clock of `zone` (the laptop's when None): the
    anticoagulant ask names the chart's anticoagulants, when it has any; the CT head ask its
    deadline, and when it was requested once the fall says it."""
    if ask is Ask.ANTICOAGULANT and fall.anticoagulants:
        return CHARTED_ANTICOAGULANT[lang].format(drugs=anticoagulants_named(fall, lang, zone))
    if ask is Ask.CT:
        due = ward_time(elapsed.later(fall.fell_at, CT_WITHIN), zone)
        if fall.ct_head == "requested" and fall.ct_head_at is not None:
            return CT_REQUESTED[lang].format(time=ward_time(fall.ct_head_at, zone), due=due)
        return ASKS[ask][lang].format(due=due)
    return ASKS[ask][lang]


NEURO_PACED_FOR = timedelta(hours=24)
"""How long after a fall with a possible head injury its neuro obs keep NICE's pace."""
UNTIL_FULL = timedelta(minutes=30)
NEURO_PACE = ((timedelta(hours=2), timedelta(minutes=30)), (timedelta(hours=6), timedelta(hours=1)))
"""NICE NG232 (CG176 1.8.2) from the first set of GCS 15, or of the patient's usual GCS: half-hourly
for 2 hours, then hourly for 4 hours; two-hourly after (`THEN`)."""
THEN = timedelta(hours=2)


def pacing_fall(falls: Sequence[Fall], at: datetime) -> Fall | None:
    """The fall with a possible head injury whose day a set taken at `at` is in: the latest at or
    before it, if within `NEURO_PACED_FOR` of it."""
    taken = elapsed.instant(at)
    pacing = max((fall for fall in falls if fall.head_injury_possible and elapsed.instant(fall.fell_at) <= taken),
                 key=lambda fall: elapsed.instant(fall.fell_at), default=None)
    if pacing is None or taken - elapsed.instant(pacing.fell_at) >= NEURO_PACED_FOR:
        return None
    return pacing


CT_NOW_AT = 12
"""A GCS this low or lower after a head injury: CT head within 1 hour (NICE NG232)."""
CT_IF_NOT_BACK = timedelta(hours=2)
"""A GCS below 15 this long after the injury: CT head within 1 hour (NICE NG232)."""


def head_ct(fall: Fall, taken_at: datetime, total: int | None, focal: bool = False) -> Flag | None:
    """What a set of GCS `total` taken at `taken_at`, in the day of `fall` (`pacing_fall`), says of
    NICE's CT head within 1 hour: a GCS of 12 or less, or below the usual GCS when that is lower
    (a patient whose usual GCS is 10 is not scanned for being herself); else a GCS below 15, or
    below the usual GCS, 2 hours or more after the fall. A first set of 11 after a fall, with no
    set before it to fall from, told nobody. A set not totalled says nothing of it, unless a limb
    is newly weaker (`focal`: NICE's focal neurological deficit). Nothing once the fall records the
    CT head done before the set: every set under 15 after it asked one within 1 hour again."""
    done = fall.ct_done_at
    if done is not None and elapsed.instant(done) <= elapsed.instant(taken_at):
        return None
    low = total is not None and total < fall.usual
    if total is not None and low and total <= CT_NOW_AT:
        return Flag(Alarm.CT_NOW, {"total": total})
    if focal:
        return Flag(Alarm.CT_FOCAL, {})
    if low and elapsed.between(fall.fell_at, taken_at) >= CT_IF_NOT_BACK:
        return Flag(Alarm.CT_AT_2_HOURS, {"total": total, "usual": fall.usual})
    return None


def neuro_interval(falls: Sequence[Fall], sets: Sequence[tuple[datetime, int | None]]) -> timedelta | None:
    """How soon NICE asks the set after the latest of `sets` (oldest first: when each was taken
    and its GCS total, None when a component could not be tested), in the first day after the
    latest of `falls` before it with a possible head injury: half-hourly until the patient is back
    to their usual GCS (`Fall.usual_gcs`, else 15), then as `NEURO_PACE` counts from the first set
    back to it since, and half-hourly again once the GCS is below it. None out of that day, or
    with no such fall: the set's own interval stands."""
    if not sets:
        return None
    latest = elapsed.instant(sets[-1][0])
    pacing = pacing_fall(falls, sets[-1][0])
    if pacing is None:
        return None
    usual, fell_at, back_since = pacing.usual, elapsed.instant(pacing.fell_at), None
    for taken_at, total in sets:
        if elapsed.instant(taken_at) >= fell_at:
            back_since = (back_since or taken_at) if total is not None and total >= usual else None
    if back_since is None:
        return UNTIL_FULL
    held = latest - elapsed.instant(back_since)
    return next((interval for within, interval in NEURO_PACE if held < within), THEN)
