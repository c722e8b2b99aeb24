"""The Glasgow Coma Scale of a set of neurological observations, and what a set says against the
one before it that needs a doctor now (NICE CG176, head injury): a fall of 2 or more in the
total, any fall in the best motor response, a GCS of 8 or less, a pupil that stopped reacting
to light or pupils newly unequal by more than a millimetre; and against the sets before it, a
fall of a point or more held for 30 minutes (NICE NG232 1.8.3: `sustained_fall`).

A component that could not be tested (eyes closed by swelling, a patient intubated) is written
"T" ("E3 VT M5") and leaves the set with no total: a total counting it as 1 would read as a
patient far worse than they are, one leaving it out as one far better."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from downtime.domain import elapsed

NOT_TESTABLE = "not_testable"
SCALE_WORDS: Mapping[str, tuple[str, str]] = {"en": ("GCS", "EVM"), "fr": ("Glasgow", "YVM")}
AIRWAY_AT = 8
"""A GCS this low or lower: the airway is at risk."""
UNEQUAL_MM = 1
"""Pupils further apart than this, in millimetres, are unequal."""
SUSTAINED = timedelta(minutes=30)
"""A fall in the GCS held this long needs a doctor, however small (NICE NG232 1.8.3)."""


class Alarm(StrEnum):
    LOW = "low"
    TOTAL_FELL = "total_fell"
    SUSTAINED_FALL = "sustained_fall"
    MOTOR_FELL = "motor_fell"
    PUPIL_FIXED = "pupil_fixed"
    PUPILS_UNEQUAL = "pupils_unequal"
    CT_NOW = "ct_now"
    CT_AT_2_HOURS = "ct_at_2_hours"


HEAD_CT = frozenset({Alarm.CT_NOW, Alarm.CT_AT_2_HOURS})
"""What a set says after a fall with a possible head injury (domain.falls.head_ct): the doctor's
examination of the fall recorded after the set answers it."""


WARNINGS: Mapping[Alarm, Mapping[str, str]] = {
    Alarm.LOW: {"en": "GCS 8 or less: the airway is at risk — call for help now",
                  "fr": "Glasgow ≤ 8 : voies aériennes menacées — appeler à l’aide immédiatement"},
    Alarm.TOTAL_FELL: {"en": "GCS fell by {points} since {before}: tell the doctor now",
                         "fr": "Glasgow en baisse de {points} depuis {before} : prévenir le médecin immédiatement"},
    Alarm.SUSTAINED_FALL: {"en": "GCS down by {points} since {before}, held for 30 minutes or more: tell the "
                                 "doctor now",
                           "fr": "Glasgow en baisse de {points} depuis {before}, maintenue 30 minutes ou plus : "
                                 "prévenir le médecin immédiatement"},
    Alarm.MOTOR_FELL: {"en": "Best motor response fell since {before}: tell the doctor now",
                         "fr": "Meilleure réponse motrice en baisse depuis {before} : prévenir le médecin immédiatement"},
    Alarm.PUPIL_FIXED: {"en": "A pupil no longer reacts to light: tell the doctor now",
                          "fr": "Une pupille ne réagit plus à la lumière : prévenir le médecin immédiatement"},
    Alarm.PUPILS_UNEQUAL: {"en": "Pupils newly unequal ({left} mm left, {right} mm right): tell the doctor now",
                             "fr": "Pupilles devenues inégales ({left} mm à gauche, {right} mm à droite) : "
                                   "prévenir le médecin immédiatement"},
    Alarm.CT_NOW: {"en": "GCS {total} after a fall with a possible head injury: tell the doctor now (CT head within "
                         "1 hour, NICE)",
                   "fr": "Glasgow {total} après une chute avec traumatisme crânien possible : prévenir le médecin "
                         "immédiatement (scanner cérébral dans l’heure, NICE)"},
    Alarm.CT_AT_2_HOURS: {"en": "GCS {total} 2 hours or more after a fall with a possible head injury: tell the doctor "
                                "(GCS not back to {usual} at 2 hours: CT head within 1 hour, NICE)",
                          "fr": "Glasgow {total} 2 heures ou plus après une chute avec traumatisme crânien possible : "
                                "prévenir le médecin (Glasgow non revenu à {usual} à 2 heures : scanner cérébral dans "
                                "l’heure, NICE)"},
}


@dataclass(frozen=True)
class Gcs:
    """Each component's score, None where it could not be tested."""

    eyes: int | None
    verbal: int | None
    motor: int | None

    @property
    def total(self) -> int | None:
        """None when a component could not be tested."""
        if self.eyes is None or self.verbal is None or self.motor is None:
            return None
        return self.eyes + self.verbal + self.motor

    def text(self, lang: str) -> str:
        """"GCS 13 (E3 V4 M6)", or "GCS — (E3 VT M5)" when one could not be tested; a French
        ward's "Glasgow 13 (Y3 V4 M6)", the eyes' letter its own."""
        name, letters = SCALE_WORDS[lang]
        parts = " ".join(f"{letter}{'T' if score is None else score}"
                         for letter, score in zip(letters, (self.eyes, self.verbal, self.motor)))
        return f"{name} {'—' if self.total is None else self.total} ({parts})"


def gcs(data: Mapping[str, Any]) -> Gcs:
    """The GCS of a neuro set's answers."""
    def score(field: str) -> int | None:
        value = data[field]
        return None if value == NOT_TESTABLE else int(value)

    return Gcs(score("eyes"), score("verbal"), score("motor"))


@dataclass(frozen=True)
class Flag:
    alarm: Alarm
    values: Mapping[str, object]

    def text(self, lang: str) -> str:
        return WARNINGS[self.alarm][lang].format(**self.values)


def _fixed(data: Mapping[str, Any]) -> set[str]:
    return {side for side in ("left", "right") if data.get(f"pupil_{side}_reaction") == "none"}


def _unequal(data: Mapping[str, Any]) -> bool:
    left, right = data.get("pupil_left_size"), data.get("pupil_right_size")
    return left is not None and right is not None and abs(left - right) > UNEQUAL_MM


def flags(data: Mapping[str, Any], before: Mapping[str, Any] | None, before_at: str = "") -> list[Flag]:
    """What this set says that needs a doctor now, against `before`, the set taken before it
    (None for the first), taken at `before_at` (as the chart writes it, "28/11 14:00")."""
    found: list[Flag] = []
    now = gcs(data)
    if now.total is not None and now.total <= AIRWAY_AT:
        found.append(Flag(Alarm.LOW, {}))
    if before is not None:
        earlier = gcs(before)
        if now.total is not None and earlier.total is not None and earlier.total - now.total >= 2:
            found.append(Flag(Alarm.TOTAL_FELL, {"points": earlier.total - now.total, "before": before_at}))
        if now.motor is not None and earlier.motor is not None and now.motor < earlier.motor:
            found.append(Flag(Alarm.MOTOR_FELL, {"before": before_at}))
    if _fixed(data) - (_fixed(before) if before is not None else set()):
        found.append(Flag(Alarm.PUPIL_FIXED, {}))
    if _unequal(data) and not (before is not None and _unequal(before)):
        found.append(Flag(Alarm.PUPILS_UNEQUAL, {"left": data["pupil_left_size"], "right": data["pupil_right_size"]}))
    return found


def sustained_fall(sets: Sequence[tuple[datetime, Gcs]]) -> Flag | None:
    """What the latest of `sets` (oldest first, each with when it was taken) says of a drop held
    for `SUSTAINED`: each set since an earlier one (its baseline) a point or more below it, the
    first of them taken 30 minutes or more before the latest and less before the set before it.
    Said once as the drop holds, and again when the GCS falls further and holds; of two drops
    held at once, the one from the higher baseline. A drop of one point in two sets half an hour
    apart was never told: `flags` weighs each set against the one before alone. A set not
    totalled (a component not testable) is neither higher nor lower: it ends a drop."""
    for number, (since, baseline) in enumerate(sets[:-2]):
        drop = sets[number + 1:]
        totals = [found.total for _, found in drop]
        if baseline.total is None or any(total is None or total >= baseline.total for total in totals):
            continue
        began = drop[0][0]
        if elapsed.between(began, drop[-2][0]) < SUSTAINED <= elapsed.between(began, drop[-1][0]):
            return Flag(Alarm.SUSTAINED_FALL, {"points": baseline.total - totals[-1], "before": f"{since:%d/%m %H:%M}"})
    return None
