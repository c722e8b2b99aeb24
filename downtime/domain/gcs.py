"""The Glasgow Coma Scale of a set of neurological observations, and what a set says against the
sets before it that needs a doctor now (NICE CG176, NG232 1.8.3: new or evolving signs): a fall
of 2 or more in the total or any fall in the best motor response from the best of those sets
(15, 14, 13 on three sets is a fall of 2, though each set is a point below the one before), a
GCS of 8 or less, a pupil that stopped reacting to light or reacts more slowly, pupils newly
unequal by more than a millimetre or further apart by a millimetre more, a limb weaker than it
was; and a fall of a point or more held for 30 minutes (`sustained_fall`). The sets weighed are
those since the doctor was last told (`flags`): what the doctor was told of is known to them.

A component that could not be tested (eyes closed by swelling, a patient intubated) is written
"T" ("E3 VT M5") and leaves the set with no total: a total counting it as 1 would read as a
patient far worse than they are, one leaving it out as one far better. Its alarms weigh the best
the set can be (`Gcs.at_most`, the component counted at its best) against the least the sets
before it were (`Gcs.at_least`): an eye swollen shut after a fall onto the face hid every alarm,
a verbal response fallen from 5 to 2 (a GCS of 12 at most, from 15) and a set of ET V1 M3 (8 at
most: the airway at risk) said nothing. A response fallen by 2 or more says so on its own when the
totals cannot (both sets with the eyes shut)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from downtime.domain import elapsed
from downtime.domain.clock import ward_time
from downtime.i18n import QT_TRANSLATE_NOOP, Said

NOT_TESTABLE = "not_testable"
SCALE_WORDS: Mapping[str, tuple[str, str]] = {"en": ("GCS", "EVM"), "fr": ("Glasgow", "YVM")}
AIRWAY_AT = 8
"""A GCS this low or lower: the airway is at risk."""
UNEQUAL_MM = 1
"""Pupils further apart than this, in millimetres, are unequal."""
SUSTAINED = timedelta(minutes=30)
"""A fall in the GCS held this long needs a doctor, however small (NICE NG232 1.8.3)."""
REACTIONS = ("brisk", "sluggish", "none")
"""A pupil's reaction to light, from the best: "closed" (cannot be seen) is none of them."""
LIMBS: Mapping[str, Mapping[str, str]] = {
    "arm_left": {"en": "left arm", "fr": "bras gauche"}, "arm_right": {"en": "right arm", "fr": "bras droit"},
    "leg_left": {"en": "left leg", "fr": "jambe gauche"}, "leg_right": {"en": "right leg", "fr": "jambe droite"}}
POWER = ("normal", "mild", "severe", "flexion", "extension", "none")
"""The limb answers of the neuro set, from the strongest: a limb further down is weaker."""
BEST = (4, 5, 6)
"""Each component's highest score (eyes, verbal, motor): what one not testable is at best."""
FELL_BY = 2
"""A fall in the total, or in the eyes' or the verbal response, this large needs a doctor now."""
RESPONSES: Mapping[str, Mapping[str, str]] = {"eyes": {"en": "eye opening", "fr": "ouverture des yeux"},
                                              "verbal": {"en": "verbal response", "fr": "réponse verbale"}}
"""The components whose fall `COMPONENT_FELL` says (a fall in the motor response is `MOTOR_FELL`)."""
SIDES: Mapping[str, Mapping[str, str]] = {"left": {"en": "left", "fr": "gauche"},
                                          "right": {"en": "right", "fr": "droite"}}
AND: Mapping[str, str] = {"en": " and ", "fr": " et "}
NOT_DONE_WHY: Mapping[str, Mapping[str, str]] = {
    "refused": {"en": "refused", "fr": "refusé"}, "away": {"en": "away from the ward", "fr": "hors du service"},
    "other": {"en": "see the notes", "fr": "voir les remarques"}}
"""Why a set was not done (form version 3), as its alarm and the chart say it."""


def why_not_done(code: str) -> Mapping[str, str]:
    """Why a set was not done in words of each language (`NOT_DONE_WHY`), the code itself for a
    reason IT added to the form since: one unknown here stopped the chart, and with it the ward's
    escalation list."""
    return NOT_DONE_WHY.get(code) or {lang: code.replace("_", " ") for lang in SCALE_WORDS}


class Alarm(StrEnum):
    LOW = "low"
    TOTAL_FELL = "total_fell"
    SUSTAINED_FALL = "sustained_fall"
    MOTOR_FELL = "motor_fell"
    COMPONENT_FELL = "component_fell"
    PUPIL_FIXED = "pupil_fixed"
    PUPILS_UNEQUAL = "pupils_unequal"
    PUPILS_WIDER = "pupils_wider"
    PUPIL_SLOWER = "pupil_slower"
    LIMB_WEAKER = "limb_weaker"
    CT_NOW = "ct_now"
    CT_AT_2_HOURS = "ct_at_2_hours"
    CT_FOCAL = "ct_focal"
    CT_ONE_SIDED = "ct_one_sided"
    CT_ONE_SIDED_BEFORE = "ct_one_sided_before"
    NOT_DONE = "not_done"


HEAD_CT = frozenset({Alarm.CT_NOW, Alarm.CT_AT_2_HOURS, Alarm.CT_FOCAL, Alarm.CT_ONE_SIDED, Alarm.CT_ONE_SIDED_BEFORE})
"""What a set says after a fall with a possible head injury (domain.falls.head_ct): the doctor's
examination of the fall or its CT head recorded after the set answers it."""
INJURY_NAMED: Mapping[bool, str] = {True: QT_TRANSLATE_NOOP("messages", "a head injury"),
                                     False: QT_TRANSLATE_NOOP("messages", "a possible head injury")}
"""The head injury a fall's alarms and asks name, by whether the fall recorded it Yes (domain.falls.
Fall.head_injury_seen): a set's alarms ({injury}: `HEAD_CT`, `Alarm.NOT_DONE`), the fall's asks
in capitals (domain.falls.said) and its anticoagulant's dose (services.medication.
anticoagulant_after_head_injury), in one set of words that three copies said apart ("traumatisme
crânien possible", "UN TRAUMATISME CRÂNIEN POSSIBLE"): "a possible head injury" of a Yes, beside
the fall's "HEAD INJURY: start neuro obs", said two things of one answer. One not excluded, or of
a patient found on the floor, is possible; a fall recorded No and seen paces no set."""


WARNINGS: Mapping[Alarm, Mapping[str, str]] = {
    Alarm.LOW: {"en": "GCS 8 or less: the airway is at risk — call for help now",
                  "fr": "Glasgow ≤ 8 : voies aériennes menacées — appeler à l’aide immédiatement"},
    Alarm.TOTAL_FELL: {"en": "GCS fell by {points} since {before}: tell the doctor now",
                         "fr": "Glasgow en baisse de {points} depuis {before} : prévenir le médecin immédiatement"},
    Alarm.SUSTAINED_FALL: {"en": "GCS down by {points} since {before}, held for 30 minutes or more: tell the "
                                 "doctor now",
                           "fr": "Glasgow en baisse de {points} depuis {before}, maintenue 30 minutes ou plus : "
                                 "prévenir le médecin immédiatement"},
    Alarm.COMPONENT_FELL: {"en": "Best {response} fell by {points} since {before} ({parts}): tell the doctor now",
                           "fr": "Meilleure {response} en baisse de {points} depuis {before} ({parts}) : prévenir le "
                                 "médecin immédiatement"},
    Alarm.MOTOR_FELL: {"en": "Best motor response fell since {before}: tell the doctor now",
                         "fr": "Meilleure réponse motrice en baisse depuis {before} : prévenir le médecin immédiatement"},
    Alarm.PUPIL_FIXED: {"en": "A pupil no longer reacts to light: tell the doctor now",
                          "fr": "Une pupille ne réagit plus à la lumière : prévenir le médecin immédiatement"},
    Alarm.PUPILS_UNEQUAL: {"en": "Pupils newly unequal ({left} mm left, {right} mm right): tell the doctor now",
                             "fr": "Pupilles devenues inégales ({left} mm à gauche, {right} mm à droite) : "
                                   "prévenir le médecin immédiatement"},
    Alarm.PUPILS_WIDER: {"en": "Pupils further apart ({left} mm left, {right} mm right; {apart} mm apart at {before}): "
                               "tell the doctor now",
                         "fr": "Pupilles plus inégales ({left} mm à gauche, {right} mm à droite ; {apart} mm d’écart "
                               "à {before}) : prévenir le médecin immédiatement"},
    Alarm.PUPIL_SLOWER: {"en": "Pupil reacting more slowly to light ({sides}: sluggish, brisk at {before}): tell the "
                               "doctor now",
                         "fr": "Pupille plus lente à réagir à la lumière ({sides} : lent, vif à {before}) : prévenir "
                               "le médecin immédiatement"},
    Alarm.LIMB_WEAKER: {"en": "New weakness of the {limbs} since {before}: tell the doctor now",
                        "fr": "Nouvelle faiblesse : {limbs}, depuis {before} : prévenir le médecin immédiatement"},
    Alarm.CT_FOCAL: {"en": "New limb weakness after a fall with {injury} (focal deficit: CT head within 1 hour, NICE)",
                     "fr": "Nouvelle faiblesse d’un membre après une chute avec {injury} (déficit focal : scanner "
                           "cérébral dans l’heure, NICE)"},
    Alarm.CT_ONE_SIDED: {"en": "Weakness of the {limbs} (weaker than the other side) after a fall with {injury}: "
                               "tell the doctor now (focal deficit: CT head within 1 hour, NICE)",
                         "fr": "Faiblesse : {limbs} (plus faible que de l’autre côté) après une chute avec "
                               "{injury} : prévenir le médecin immédiatement (déficit focal : scanner cérébral dans "
                               "l’heure, NICE)"},
    Alarm.CT_ONE_SIDED_BEFORE: {"en": "Weakness of the {limbs} (weaker than the other side) after a fall with "
                                      "{injury}, limb weakness known before it: check against the weakness known before; "
                                      "if it is new, tell the doctor now (focal deficit: CT head within 1 hour, NICE)",
                                "fr": "Faiblesse : {limbs} (plus faible que de l’autre côté) après une chute avec "
                                      "{injury}, faiblesse d’un membre connue avant : comparer à la faiblesse connue "
                                      "avant ; si elle est nouvelle, prévenir le médecin immédiatement (déficit focal : "
                                      "scanner cérébral dans l’heure, NICE)"},
    Alarm.NOT_DONE: {"en": "SET NOT DONE ({reason}) within a day of a fall with {injury}: tell the "
                           "doctor now",
                     "fr": "RELEVÉ NON FAIT ({reason}) dans la journée d’une chute avec {injury} : "
                           "prévenir le médecin immédiatement"},
    Alarm.CT_NOW: {"en": "GCS {total} after a fall with {injury}: tell the doctor now (CT head within "
                         "1 hour, NICE)",
                   "fr": "Glasgow {total} après une chute avec {injury} : prévenir le médecin "
                         "immédiatement (scanner cérébral dans l’heure, NICE)"},
    Alarm.CT_AT_2_HOURS: {"en": "GCS {total} 2 hours or more after a fall with {injury}: tell the doctor "
                                "(GCS not back to {usual} at 2 hours: CT head within 1 hour, NICE)",
                          "fr": "Glasgow {total} 2 heures ou plus après une chute avec {injury} : "
                                "prévenir le médecin (Glasgow non revenu à {usual} à 2 heures : scanner cérébral dans "
                                "l’heure, NICE)"},
}
AT_MOST: Mapping[Alarm, Mapping[str, str]] = {
    Alarm.TOTAL_FELL: {"en": "GCS fell by {points} or more since {before} (GCS at most {total}, {gcs}): tell the "
                             "doctor now",
                       "fr": "Glasgow en baisse de {points} ou plus depuis {before} (Glasgow au plus {total}, {gcs}) : "
                             "prévenir le médecin immédiatement"},
    Alarm.CT_NOW: {"en": "GCS at most {total} ({gcs}) after a fall with {injury}: tell the doctor now "
                         "(CT head within 1 hour, NICE)",
                   "fr": "Glasgow au plus {total} ({gcs}) après une chute avec {injury} : prévenir "
                         "le médecin immédiatement (scanner cérébral dans l’heure, NICE)"},
    Alarm.CT_AT_2_HOURS: {"en": "GCS at most {total} ({gcs}) 2 hours or more after a fall with {injury}: tell the "
                                "doctor (GCS not back to {usual} at 2 hours: CT head within 1 hour, NICE)",
                          "fr": "Glasgow au plus {total} ({gcs}) 2 heures ou plus après une chute avec {injury} : "
                                "prévenir le médecin (Glasgow non revenu à {usual} à 2 heures : scanner cérébral dans "
                                "l’heure, NICE)"},
}
"""The words of an alarm weighed on a set with a component not testable (its values carry the
components, `gcs`): its total is the best the set can be."""
FROM_NOT_TESTABLE: Mapping[Alarm, Mapping[str, str]] = {
    Alarm.TOTAL_FELL: {"en": "GCS fell by {points} or more since {before} ({then} then): tell the doctor now",
                       "fr": "Glasgow en baisse de {points} ou plus depuis {before} ({then} alors) : prévenir le "
                             "médecin immédiatement"},
}
"""The words of a fall weighed from a set with a component not testable (its values carry that
set's components, `then`), counted at its worst: E4 VT M6, then GCS 9, was said "fell by 2" of a
fall of 2 to 6."""


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

    @property
    def scores(self) -> tuple[int | None, int | None, int | None]:
        return self.eyes, self.verbal, self.motor

    @property
    def at_most(self) -> int:
        """The total at best: a component not testable counted at its highest."""
        return sum(top if score is None else score for score, top in zip(self.scores, BEST))

    @property
    def at_least(self) -> int:
        """The total at worst: a component not testable counted as 1."""
        return sum(1 if score is None else score for score in self.scores)

    def parts(self, lang: str) -> str:
        """"E3 VT M5": a French ward's "Y3 VT M5", the eyes' letter its own."""
        return " ".join(f"{letter}{'T' if score is None else score}"
                        for letter, score in zip(SCALE_WORDS[lang][1], self.scores))

    def text(self, lang: str) -> str:
        """"GCS 13 (E3 V4 M6)", or "GCS — (E3 VT M5)" when one could not be tested."""
        return f"{SCALE_WORDS[lang][0]} {'—' if self.total is None else self.total} ({self.parts(lang)})"

    def values(self, **values: object) -> dict[str, object]:
        """An alarm's `values` weighing this set: with its components when one is not testable, whose
        words (`AT_MOST`) say its total is the best it can be."""
        return values if self.total is not None else {**values, "gcs": {lang: self.parts(lang) for lang in SCALE_WORDS}}


def gcs(data: Mapping[str, Any]) -> Gcs:
    """The GCS of a neuro set's answers: no score of a set not done (form version 3), which has none."""
    def score(field: str) -> int | None:
        value = data.get(field)
        return None if value in (None, NOT_TESTABLE) else int(value)

    return Gcs(score("eyes"), score("verbal"), score("motor"))


@dataclass(frozen=True)
class Flag:
    alarm: Alarm
    values: Mapping[str, object]
    """What its words say; a value in words of each language (a limb's name) as a mapping by language,
    or said in the reader's language (the head injury's `INJURY_NAMED`, a `Phrase`)."""

    def text(self, lang: str) -> str:
        words = AT_MOST if "gcs" in self.values else FROM_NOT_TESTABLE if "then" in self.values else WARNINGS
        return words[self.alarm][lang].format(**{
            key: value[lang] if isinstance(value, Mapping) else value.text(lang) if isinstance(value, Said) else value
            for key, value in self.values.items()})


Earlier = Sequence[tuple[Mapping[str, Any], str]]
"""Sets before one, oldest first, each with when it was taken as the chart writes it ("28/11 14:00")."""


def _best(earlier: Earlier, score: Callable[[Mapping[str, Any]], int | None]) -> tuple[int, str] | None:
    """The highest of `score` among `earlier`, and when it was last that high; None when none scores."""
    scored = [(found, at) for data, at in earlier if (found := score(data)) is not None]
    if not scored:
        return None
    top = max(found for found, _ in scored)
    return top, next(at for found, at in reversed(scored) if found == top)


def _fixed(data: Mapping[str, Any]) -> set[str]:
    return {side for side in SIDES if data.get(f"pupil_{side}_reaction") == "none"}


def _apart(data: Mapping[str, Any]) -> int | None:
    """How far apart the pupils are, in millimetres (None unless both are measured)."""
    left, right = data.get("pupil_left_size"), data.get("pupil_right_size")
    return None if left is None or right is None else abs(left - right)


def _unequal(data: Mapping[str, Any]) -> bool:
    return (_apart(data) or 0) > UNEQUAL_MM


def _newly_fixed(side: str, earlier: Earlier) -> bool:
    """Whether that pupil, fixed now, reacted in one of `earlier` that saw it, or none of them saw
    it (what it shows is new): a set that could not see it ("closed") is none of them."""
    seen = [before for before, _ in earlier if before.get(f"pupil_{side}_reaction") in REACTIONS]
    return not seen or any(side not in _fixed(before) for before in seen)


def _words(keys: Sequence[str], names: Mapping[str, Mapping[str, str]]) -> Mapping[str, str]:
    """`keys` named in each language, joined: "left arm and left leg"."""
    return {lang: AND[lang].join(names[key][lang] for key in keys) for lang in AND}


def _pupil_flags(data: Mapping[str, Any], earlier: Earlier) -> list[Flag]:
    """A pupil fixed that reacted in one of `earlier`; pupils unequal that were equal in one of
    them, or further apart by a millimetre than they were closest (an old anisocoria of 3 and 5 mm
    become 3 and 8: the classic sign of a growing bleed, said nothing as "not newly unequal"); a
    pupil brisk in one of them become sluggish. The first set is weighed against none: what it
    shows is new. A recheck showing the same still says it: it is weighed against the sets since
    the doctor was last told, not the set before alone. Each pupil is weighed against the sets
    that saw it, and their sizes against those that measured both: a pupil known fixed, then the
    eye swollen shut ("closed", no size), then seen fixed again was "no longer reacting", and
    pupils known unequal "newly unequal"."""
    found = []
    if any(_newly_fixed(side, earlier) for side in _fixed(data)):
        found.append(Flag(Alarm.PUPIL_FIXED, {}))
    sizes = {"left": data.get("pupil_left_size"), "right": data.get("pupil_right_size")}
    closest = _best(earlier, lambda before: None if (apart := _apart(before)) is None else -apart)
    if _unequal(data) and (closest is None or not all(_unequal(before) for before, _ in earlier
                                                      if _apart(before) is not None)):
        found.append(Flag(Alarm.PUPILS_UNEQUAL, sizes))
    elif _unequal(data) and closest is not None and (_apart(data) or 0) + closest[0] >= UNEQUAL_MM:
        found.append(Flag(Alarm.PUPILS_WIDER, {**sizes, "apart": -closest[0], "before": closest[1]}))
    slower = [side for side in SIDES if data.get(f"pupil_{side}_reaction") == "sluggish"
              and any(before.get(f"pupil_{side}_reaction") == "brisk" for before, _ in earlier)]
    if slower:
        brisk = next(at for before, at in reversed(earlier)
                     if any(before.get(f"pupil_{side}_reaction") == "brisk" for side in slower))
        found.append(Flag(Alarm.PUPIL_SLOWER, {"sides": _words(slower, SIDES), "before": brisk}))
    return found


def _power(limb: str) -> Callable[[Mapping[str, Any]], int | None]:
    """A limb's strength as a score, the higher the stronger (None when not recorded)."""
    return lambda data: -POWER.index(data[limb]) if data.get(limb) in POWER else None


OPPOSITE: Mapping[str, str] = {"arm_left": "arm_right", "arm_right": "arm_left",
                               "leg_left": "leg_right", "leg_right": "leg_left"}


def limbs_seen(data: Mapping[str, Any]) -> bool:
    """Whether the set recorded the power of a limb."""
    return any(_power(limb)(data) is not None for limb in LIMBS)


def weaker_than_opposite(data: Mapping[str, Any]) -> list[str]:
    """The limbs weaker than the opposite one (codes of `LIMBS`): on the first set that sees the
    limbs after a head injury, a focal deficit with nothing before it to be weaker than, unless the
    fall records those limbs weak before it (`domain.falls.head_ct`, which needs the limbs, not
    their words: an old weakness of the left side silenced a new one of the right)."""
    return [limb for limb, other in OPPOSITE.items()
            if (now := _power(limb)(data)) is not None and (then := _power(other)(data)) is not None and now < then]


def limbs_named(limbs: Sequence[str]) -> Mapping[str, str]:
    """`limbs` (codes of `LIMBS`) in words in each language: "left arm and left leg"."""
    return _words(limbs, LIMBS)


def _weaker_limbs(data: Mapping[str, Any], earlier: Earlier) -> Flag | None:
    """The limbs weaker than they were at their strongest in `earlier` (NICE NG232: new asymmetry
    of limb movement needs the doctor now; after a head injury, a focal deficit asks a CT head
    within 1 hour): since the earliest of the times each was last that strong. The form collected
    four limbs that nothing read."""
    weaker = []
    for limb in LIMBS:
        now, best = _power(limb)(data), _best(earlier, _power(limb))
        if now is not None and best is not None and now < best[0]:
            weaker.append((limb, best[1]))
    if not weaker:
        return None
    since = next(at for _, at in earlier if at in {at for _, at in weaker})
    return Flag(Alarm.LIMB_WEAKER, {"limbs": _words([limb for limb, _ in weaker], LIMBS), "before": since})


def _components_fell(now: Gcs, earlier: Earlier) -> list[Flag]:
    """The eyes' or the verbal response fallen by 2 or more from their best in `earlier`, said when
    the totals cannot say the GCS fell (a component not testable in this set or those before)."""
    found = []
    for number, words in enumerate(RESPONSES.values()):
        score = now.scores[number]
        best = _best(earlier, lambda before: gcs(before).scores[number])
        if score is not None and best is not None and best[0] - score >= FELL_BY:
            found.append(Flag(Alarm.COMPONENT_FELL, {"response": words, "points": best[0] - score, "before": best[1],
                                                     "parts": {lang: now.parts(lang) for lang in SCALE_WORDS}}))
    return found


def not_done(data: Mapping[str, Any]) -> bool:
    """Whether the set was not done (form version 3): it has no GCS, its pupils and limbs may be
    charted all the same (the signs that matter most in a patient who cannot be scored)."""
    return bool(data.get("not_done"))


def flags(data: Mapping[str, Any], earlier: Earlier, scored: Earlier | None = None) -> list[Flag]:
    """What this set says that needs a doctor now, against `earlier`: the sets since the doctor
    was last told (that set's among them), or all before it, oldest first (none for the first).
    Its GCS is weighed against `scored`, by default the sets of `earlier` not done: a set not done
    that records the doctor told (of a refusal) told nothing of a GCS, whose baseline is then the
    last set taken before it (a drop of 5 after it was said to nobody). A set not done says only
    what its pupils and limbs say (a fixed pupil charted on it was said to nobody).
    A fall is counted from the best of them, not the set before alone: a GCS of 15, then 14, then
    13 on a recheck ten minutes later had fallen by 2 and said nothing."""
    found = [] if not_done(data) else _gcs_flags(
        gcs(data), [one for one in earlier if not not_done(one[0])] if scored is None else scored)
    found += _pupil_flags(data, earlier)
    weaker = _weaker_limbs(data, earlier)
    return [*found, *([weaker] if weaker else [])]


def _gcs_flags(now: Gcs, scored: Earlier) -> list[Flag]:
    """What this set's GCS (`now`) says against the sets taken before it (`scored`). The airway
    alarm weighs a set at its best (ET V1 M3 is 8 at most), not one whose verbal response could not
    be tested: that is a patient intubated, whose airway is secured (E1 VT M1 called "airway at
    risk — call for help now" at every hourly set of a ventilated patient). A fall from a set with a
    component not testable is said "or more": it counted at its worst."""
    found: list[Flag] = []
    if now.verbal is not None and now.at_most <= AIRWAY_AT:
        found.append(Flag(Alarm.LOW, {}))
    best = _best(scored, lambda before: gcs(before).at_least)
    if best is not None and best[0] - now.at_most >= FELL_BY:
        baseline = next(then for before, at in reversed(scored)
                        if at == best[1] and (then := gcs(before)).at_least == best[0])
        inexact = {} if baseline.total is not None else {"then": {lang: baseline.parts(lang) for lang in SCALE_WORDS}}
        found.append(Flag(Alarm.TOTAL_FELL, now.values(points=best[0] - now.at_most, before=best[1],
                                                       total=now.at_most, **inexact)))
    else:
        found += _components_fell(now, scored)
    motor = _best(scored, lambda before: gcs(before).motor)
    if now.motor is not None and motor is not None and now.motor < motor[0]:
        found.append(Flag(Alarm.MOTOR_FELL, {"before": motor[1]}))
    return found


def sustained_fall(sets: Sequence[tuple[datetime, Gcs]]) -> Flag | None:
    """What the latest of `sets` (oldest first, each with when it was taken) says of a drop held
    for `SUSTAINED`: each set since an earlier one (its baseline) a point or more below it, the
    first of them taken 30 minutes or more before the latest and less before the set before it.
    Said once as the drop holds, and again when the GCS falls further and holds; of two drops
    held at once, the one from the higher baseline. A drop of one point in two sets half an hour
    apart was never told: `flags` weighs each set against the one before alone. A set not
    totalled (a component not testable) is neither higher nor lower: it ends a drop. The baseline's
    time is said on the ward's clock (`ward_time`), the offset of the hour read twice with it: the
    night the clocks went back, a drop "since 25/10 02:10" did not say which 02:10."""
    for number, (since, baseline) in enumerate(sets[:-2]):
        drop = sets[number + 1:]
        totals = [found.total for _, found in drop]
        if baseline.total is None or any(total is None or total >= baseline.total for total in totals):
            continue
        began = drop[0][0]
        if elapsed.between(began, drop[-2][0]) < SUSTAINED <= elapsed.between(began, drop[-1][0]):
            return Flag(Alarm.SUSTAINED_FALL, {"points": baseline.total - totals[-1], "before": ward_time(since, None)})
    return None
