"""What a patient's pain chart asks of the nurse: pain is assessed with the scale the patient can
answer (a number from 0 to 10 or a word they say; a child from about 4 points at one of six
faces, the FPS-R or Wong-Baker card, scored 0 to 10; for a child under 7 or anyone who cannot
say, the FLACC, Merkel et al. 1997, or EVENDOL, Fournier-Charrière et al. 2012, whose items the
nurse observes and whose total is added up here, never typed; for an older patient who cannot
say, the Algoplus behavioural scale, Rat et al. 2011, which French wards use), pain that is
moderate or worse is treated (analgesia as prescribed, or the doctor told when none is), and
assessed again when the chart says: a pain treated and never assessed again is the gap the
French quality indicator on pain (HAS) and the Joint Commission's standard look for. An
as-required dose given for pain on the MAR is analgesia given, and its effect is assessed 30
minutes after an injection, an hour after any other route, as the pain chart's own plan says. With
analgesia given, and at each reassessment after it, the nurse notes the sedation and breathing an
opioid can lower: from 2 on the sedation score, or under 10 breaths a minute (a younger child's
limit is higher, `slow_breathing`), the opioid is stopped (SFAR 2008, Opioids Aware, Pediadol),
until a later assessment finds both within limits (`clears`). Not on comfort care (the end of
life): drowsiness and slow breathing are how the last hours look (NICE NG31), and naloxone given
to a patient on regular opioids brings back pain and withdrawal (NHS/PSA/W/2014/016); the doctor
is told if opioid toxicity is suspected (`ON_COMFORT`)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from downtime.domain import elapsed
from downtime.domain.medication import ALLERGY_CLASSES, medicine_name, medicines_in
from downtime.i18n import Lang

MODERATE_NUMERIC = 4
"""From 4 out of 10 pain is moderate or worse (0 none, 1–3 mild, 4–6 moderate, 7–10 severe): a
number the patient says, a face the child points at, the FLACC's total (0 relaxed, 1–3 mild
discomfort, 4–6 moderate pain, 7–10 severe)."""
TREAT_EVENDOL = 4
"""From 4 out of 15 on EVENDOL the child's pain is treated (its authors' threshold)."""
LIKELY_ALGOPLUS = 2
"""From 2 out of 5 on the Algoplus scale pain is likely, and is treated as such."""
MODERATE_WORDS = frozenset({"moderate", "severe"})
FLACC_ITEMS = ("flacc_face", "flacc_legs", "flacc_activity", "flacc_cry", "flacc_consolability")
"""The FLACC's five items, each a field of the form answered with its score ("0" to "2")."""
EVENDOL_ITEMS = ("evendol_voice", "evendol_face", "evendol_movements", "evendol_positions", "evendol_relation")
"""EVENDOL's five items, each a field of the form answered with its score ("0" to "3")."""
ANSWERED = frozenset({"analgesia", "doctor", "declined"})
"""What answers pain that matters: analgesia given, the doctor told, or the patient's refusal
(said on the chart, and the reassessment still due)."""


PAIN_WORDS = re.compile(r"\b(pain\w*|(?:anti)?douleurs?|douloureu\w*|analg\w*|antalg\w*|eva|algoplus|flacc|evendol"
                        r"|(?:head|back|ear|tooth|stomach|belly|tummy)?aches?|aching|c[ée]phal[ée]es?|migrain\w*"
                        r"|sciati(?:ca|que)"
                        r"|(?:mal|maux)\s+(?:(?:de|du|des|au|aux|[àa]\s+la)\s+|(?:d|[àa]\s+l)['’]\s*)(?:t[êe]te|ventre|dos"
                        r"|dents?|gorge|oreilles?|estomac|jambes?|bras|pieds?|genoux?|hanches?|[ée]paules?|cou|nuque"
                        r"|poitrine|reins?))\b|(?<!nost)alg(?:ies?|ias?|iques?)\b"
                        r"|\b(?:en|evs|ens|eva|nrs|vas|vrs)\s*(?:[<>≤≥=:]{1,2}|[<>]\s*ou\s*=|à"
                        r"|sup(?:[ée]rieure?)?\s*(?:ou\s*[ée]gale?\s*)?à)?\s*\d+(?:[.,]\d+)?"
                        r"(?!\d|[.,]\d|\s*(?:prises?|fois|doses?|comprimés?|cp|gouttes?|h\d*|heures?|min\w*|mn|j|jours?"
                        r"|semaines?|mg|ml|g)\b)", re.IGNORECASE)
"""How an as-required dose's reason or order says it is for pain ("pain 7/10", "douleur EVA > 3",
"if painful", "antalgique", "antidouleur", "céphalées", "migraine", "sciatica", "backache", "stomach
ache", a word in -algie or -algia, "lombalgie", "névralgie", but not "nostalgie"; "mal de tête", "mal
au ventre", "maux de dos": "mal" with a part of the body, "mal de mer", "mal des transports" and "mal
au cœur", which is nausea, are not, nor "mal" alone, "dort mal"); a scale's abbreviation followed by a
score, French ("si EN > 3", "EN 8", "EVS 2", "EN à 7", "EN > ou = 4", "EN sup à 3", "EN 7,5") or
English ("NRS 8/10", "VAS 6", "VRS 2": morphine given "for NRS 8" never had its effect asked): "en"
alone is a French word ("en cas de nausées"), and so is "vas" ("tu vas mieux"), and "en" before a
count of doses or a length of time ("en 2 prises", "en 30 min", "en 30 mn", "en 2h30", "en 1,5 h",
"en 3 jours"). Each read as a word or a phrase: a dose given "si mal de tête" or for "backache" was
no dose for pain, its effect never asked and an injection's 30-minute reassessment left at the hour."""
INJECTED = frozenset({"IV", "IM", "SC"})
"""The routes whose dose's effect is assessed after 30 minutes; an hour after any other."""
AFTER_INJECTION, AFTER_OTHER = timedelta(minutes=30), timedelta(hours=1)
SAYS_FROM_YEARS = 6
"""From 6 a child gives a number or a word reliably (HAS 2000, Pediadol); younger, the nurse
observes (FLACC, EVENDOL)."""
POINTS_FROM_YEARS = 4
"""From about 4 a child points at the face that shows how much it hurts."""
ADULT_YEARS = 18
"""Algoplus was built and validated with adults (Rat et al. 2011): a child who cannot say is observed."""
YOUNGEST = {"numeric": SAYS_FROM_YEARS, "verbal": SAYS_FROM_YEARS, "faces": POINTS_FROM_YEARS,
            "algoplus": ADULT_YEARS}
"""The youngest age, in whole years, each scale is used from; the observed scales from birth."""
SEDATED_FROM = 2
"""From 2 on the sedation score (drowsy most of the time, woken by voice) an opioid is
stopped: drowsiness comes before slow breathing (SFAR 2008, Opioids Aware)."""
SLOW_BREATHING = 10
"""Under 10 breaths a minute an opioid is stopped and naloxone given as prescribed, from 6 years of
age (adults too)."""
YOUNGER_BREATHING: tuple[tuple[int, int, Mapping[str, str]], ...] = (
    (1, 20, {"en": "before 1 year", "fr": "avant 1 an"}),
    (6, 15, {"en": "from 1 to 5 years", "fr": "de 1 à 5 ans"}))
"""A younger child's breathing limit on an opioid, by the age in whole years it holds under, with
those ages in words: under 20 a minute before 1 year, under 15 from 1 to 5 years (Pediadol,
"Sédation et fréquence respiratoire", tableau 2, the French paediatric alert limits for a child on
morphine; a premature baby's are not given). A baby breathes faster: at 8 months, 12 a minute on
morphine is the depression the adult's 10 waits for, and it called for nothing."""
OPIOIDS = frozenset(medicine_name(name) for name in ALLERGY_CLASSES["opioid"][1])
"""The opioids, as `medicines_in` names them: the allergy check's own list of the class (codeine
and tramadol among them, in co-codamol or Ixprim as much as alone)."""


@dataclass(frozen=True)
class Scored:
    """A scale whose score is a number out of `most`: the one item typed or pointed at, or the
    items observed added up (a total never typed cannot disagree with its items). `name` heads
    the score on the chart ("FLACC 6/10"), none for the number the patient says ("7/10"); pain
    matters from `treat_from`."""

    name: Mapping[str, str] | None
    items: tuple[str, ...]
    most: int
    treat_from: int
    bands: tuple[tuple[int, Mapping[str, str]], ...] = ()
    """What a total observed item by item means, from each band's lowest score, highest first, as
    the form's total box says it while typed."""

    @property
    def observed(self) -> bool:
        """Whether the score is the total of items the nurse observes (FLACC, EVENDOL), not one given."""
        return len(self.items) > 1

    def total(self, answers: Mapping[str, Any]) -> int:
        """The items' scores added up (a choice's code is its score)."""
        return sum(int(answers[item]) for item in self.items)

    def meaning(self, answers: Mapping[str, Any], lang: Lang) -> str:
        """"MODERATE PAIN: give the analgesia prescribed, …" for a FLACC of 6."""
        total = self.total(answers)
        return next(said[lang] for lowest, said in self.bands if total >= lowest)

    def said(self, answers: Mapping[str, Any], lang: Lang) -> str:
        """"7/10", "FLACC 6/10", "Visages 4/10"."""
        out_of = f"{self.total(answers)}/{self.most}"
        return out_of if self.name is None else f"{self.name[lang]} {out_of}"


TREAT = {"en": "give the analgesia prescribed, or tell the doctor if none is",
         "fr": "donner l’antalgique prescrit, ou prévenir le médecin s’il n’y en a pas"}
"""What pain that matters asks (`SIGNS`, and a FLACC or EVENDOL total's meaning)."""
FLACC_BANDS = (
    (7, {"en": f"SEVERE PAIN OR DISCOMFORT: {TREAT['en']}", "fr": f"DOULEUR OU INCONFORT SÉVÈRE : {TREAT['fr']}"}),
    (MODERATE_NUMERIC, {"en": f"MODERATE PAIN: {TREAT['en']}", "fr": f"DOULEUR MODÉRÉE : {TREAT['fr']}"}),
    (1, {"en": "mild discomfort", "fr": "inconfort léger"}),
    (0, {"en": "relaxed and comfortable", "fr": "détendu et confortable"}))
"""The FLACC's bands (Merkel et al. 1997)."""
EVENDOL_BANDS = (
    (TREAT_EVENDOL, {"en": f"PAIN TO TREAT: {TREAT['en']}", "fr": f"DOULEUR À TRAITER : {TREAT['fr']}"}),
    (0, {"en": "under the threshold to treat (4)", "fr": "sous le seuil de traitement (4)"}))

SCORED: Mapping[str, Scored] = {
    "numeric": Scored(None, ("score_numeric",), 10, MODERATE_NUMERIC),
    "faces": Scored({"en": "Faces", "fr": "Visages"}, ("score_faces",), 10, MODERATE_NUMERIC),
    "flacc": Scored({"en": "FLACC", "fr": "FLACC"}, FLACC_ITEMS, 10, MODERATE_NUMERIC, FLACC_BANDS),
    "evendol": Scored({"en": "EVENDOL", "fr": "EVENDOL"}, EVENDOL_ITEMS, 15, TREAT_EVENDOL, EVENDOL_BANDS),
    "algoplus": Scored({"en": "Algoplus", "fr": "Algoplus"}, ("score_algoplus",), 5, LIKELY_ALGOPLUS),
}
"""Each scale scored as a number, by its code on the form: every one but the patient's word."""


class Sign(StrEnum):
    DEPRESSED = "depressed"
    UNTREATED = "untreated"
    OVERDUE = "overdue"


SIGNS: Mapping[Sign, Mapping[str, str]] = {
    Sign.DEPRESSED: {"en": "{found}: stop the opioid, call the doctor, naloxone as prescribed",
                     "fr": "{found} : arrêter l’opioïde, appeler le médecin, naloxone selon la prescription"},
    Sign.UNTREATED: {"en": f"PAIN {{score}} NOT TREATED: {TREAT['en']}",
                     "fr": f"DOULEUR {{score}} NON TRAITÉE : {TREAT['fr']}"},
    Sign.OVERDUE: {"en": "PAIN REASSESSMENT OVERDUE since {due}", "fr": "RÉÉVALUATION DE LA DOULEUR EN RETARD depuis {due}"},
}
"""What each sign asks: `{found}` the sedation or breathing found ("SEDATION 2/3, BREATHING 8/min"),
`{score}` the pain as scored ("7/10"), `{due}` when the reassessment fell due."""
FOUND = {"sedation": {"en": "SEDATION {value}/3", "fr": "SÉDATION {value}/3"},
         "breathing_rate": {"en": "BREATHING {value}/min", "fr": "FRÉQUENCE RESPIRATOIRE {value}/min"}}
"""How `{found}` says each answer that stops the opioid."""
YOUNGER_LIMIT = {"en": " (under {limit} a minute {ages})", "fr": " (sous {limit} par minute {ages})"}
"""What follows a younger child's breathing in `{found}` (see YOUNGER_BREATHING): "BREATHING 12/min"
alone read as a normal rate to a nurse who knows the adult's 10."""
ON_COMFORT = {"en": "{found} on comfort care ({by}, {time}): tell the doctor if you suspect opioid toxicity",
              "fr": "{found} en soins de confort ({by}, {time}) : prévenir le médecin si un surdosage d’opioïde "
                    "est suspecté"}
"""What the sign says in place of Sign.DEPRESSED's while the doctor's plan is comfort care ({by} the
doctor who decided it, {time} when): no stopping, no naloxone."""


def matters(answers: Mapping[str, Any]) -> bool:
    """Whether the pain an assessment's answers score on its scale is moderate or worse (on the
    Algoplus scale: likely; on EVENDOL: to treat); the other scales' answers are not read."""
    if answers["scale"] == "verbal":
        return answers.get("score_verbal") in MODERATE_WORDS
    scored = SCORED[answers["scale"]]
    return scored.total(answers) >= scored.treat_from


def reassess_by(assessed_at: datetime, minutes: int) -> datetime:
    """When the pain is next assessed, as a watch counts."""
    return elapsed.later(assessed_at, timedelta(minutes=minutes))


def for_pain(*said: str | None) -> bool:
    """Whether an as-required dose is for pain, by its reason given or its order's indication."""
    return any(PAIN_WORDS.search(text) for text in said if text)


def effect_after(route: str) -> timedelta:
    """How long after a dose for pain given by `route` its effect is assessed."""
    return AFTER_INJECTION if route in INJECTED else AFTER_OTHER


def reassess_after_dose(given_at: datetime, route: str) -> datetime:
    """When a dose given for pain has its effect assessed, as a watch counts."""
    return elapsed.later(given_at, effect_after(route))


def assesses_effect(given_at: datetime, route: str, assessed_at: datetime) -> bool:
    """Whether an assessment can tell the effect of a dose: one made before half the wait is the
    pain the dose was given for, charted after it (morphine at 13:25 for the 8/10 written at 13:30)."""
    return elapsed.between(given_at, assessed_at) >= effect_after(route) / 2


def too_young(scale: str, age_years: int) -> bool:
    """Whether a patient of `age_years` is too young for the scale (see YOUNGEST)."""
    return age_years < YOUNGEST.get(scale, 0)


def _younger(age_years: int | None) -> tuple[int, int, Mapping[str, str]] | None:
    """The child's band of YOUNGER_BREATHING at `age_years`; None from 6, or the age not known."""
    return next((band for band in YOUNGER_BREATHING if age_years is not None and age_years < band[0]), None)


def slow_breathing(age_years: int | None) -> int:
    """The breathing rate a minute under which an opioid is stopped at `age_years` (whole years
    on the day of the assessment; None, the date of birth not recorded: an adult's)."""
    band = _younger(age_years)
    return SLOW_BREATHING if band is None else band[1]


def depressing(answers: Mapping[str, Any], age_years: int | None) -> list[str]:
    """The answers that stop the opioid in a patient of `age_years`: sedation from 2, breathing
    under the age's limit (`slow_breathing`; the fields of versions 2 and 3 of the form; none in a
    record of version 1)."""
    sedation, breathing = answers.get("sedation"), answers.get("breathing_rate")
    return [*(["sedation"] if sedation is not None and int(sedation) >= SEDATED_FROM else []),
            *(["breathing_rate"] if breathing is not None and breathing < slow_breathing(age_years) else [])]


def clears(answers: Mapping[str, Any], age_years: int | None) -> bool:
    """Whether an assessment finds the patient out of an opioid's danger: sedation under 2 and
    breathing at the age's limit or more, both recorded. A line that scores the pain alone says
    nothing of them: the drowsy patient of 13:30 was not found awake by a 14:00 line without them."""
    return (answers.get("sedation") is not None and answers.get("breathing_rate") is not None
            and not depressing(answers, age_years))


def opioid(drug: str) -> bool:
    """Whether an order's medicine is, or holds, an opioid (`OPIOIDS`), however written: "Oramorph",
    "Co-codamol 30/500", "Topalgic"."""
    return bool(medicines_in(drug) & OPIOIDS)


def found(answers: Mapping[str, Any], lang: Lang, age_years: int | None) -> str:
    """"SEDATION 2/3, BREATHING 8/min": what `depressing` found, in words; a younger child's
    breathing with its limit ("BREATHING 12/min (under 20 a minute before 1 year)")."""
    band = _younger(age_years)
    limit = "" if band is None else YOUNGER_LIMIT[lang].format(limit=band[1], ages=band[2][lang])
    return ", ".join(FOUND[name][lang].format(value=answers[name]) + (limit if name == "breathing_rate" else "")
                     for name in depressing(answers, age_years))


def signs(mattering: bool, done: frozenset[str], due_at: datetime, at: datetime, dosed: bool = False,
          depressed: bool = False) -> list[Sign]:
    """What the latest assessment asks at `at`: breathing an opioid depresses (`depressed`: found by
    it, or by an earlier one no assessment since has cleared) first,
    pain that matters with nothing that answers it done (`dosed`: an as-required dose for pain
    given on the MAR since), then its reassessment once due."""
    return [*([Sign.DEPRESSED] if depressed else []),
            *([Sign.UNTREATED] if mattering and not done & ANSWERED and not dosed else []),
            *([Sign.OVERDUE] if elapsed.instant(due_at) <= elapsed.instant(at) else [])]
