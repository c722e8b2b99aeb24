"""The alcohol withdrawal chart's rules (forms/alcohol_withdrawal.yaml): a CIWA-Ar check's total,
its band, when the next check is due, what asks the doctor, and whether an order gives thiamine.
Pure: the service reads the records and the MAR and says it on the ward's lists.

The scale is the revised Clinical Institute Withdrawal Assessment for Alcohol (CIWA-Ar: Sullivan
JT, Sykora K, Schneiderman J, Naranjo CA, Sellers EM, Br J Addict 1989;84:1353-7), the tool NICE
CG100 1.1.2.2 suggests, beside clinical judgement, to monitor withdrawal: nine items scored 0 to 7, orientation 0 to 4,
their total 0 to 67. The bands, the recheck intervals and what each band asks are the local
protocol's (symptom-triggered chlordiazepoxide or diazepam): under `MODERATE_FROM` minimal,
rechecked 4-hourly; `MODERATE_FROM` to `SEVERE_ABOVE` moderate, a symptom-triggered dose, rechecked
hourly; over `SEVERE_ABOVE` severe, a dose and the doctor told, rechecked hourly. Sullivan's paper
read under 10 as needing no medication, which the bands keep. Whatever the score, a seizure,
hallucinations with disorientation (delirium tremens), a patient too confused or agitated to be
scored or a falling level of consciousness ask the doctor now and a recheck within the hour
(NICE CG100 1.1.4: delirium tremens and seizures are treated, not charted): a seizure on a total of
1 rechecked 4 hours later was a night unwatched. A patient not scored says why
(`NotScored`): asleep, not woken to be scored (sleep is withdrawal settling: nothing asked, the
next check when the band before said); too drowsy or sedated, no dose and the doctor told (a
sedated patient scored 0 read as withdrawal over, and was given nothing while the benzodiazepine
built up or the cause of the drowsiness, a head injury, Wernicke's, hepatic encephalopathy, went
unseen); too confused or agitated to answer, the delirium tremens red flag."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from downtime.domain import elapsed
from downtime.domain.doctor_told import doctor_told_at
from downtime.domain.medication import ALLERGY_CLASSES, medicine_name, medicines_in
from downtime.i18n import Lang, semicolon

ITEMS = ("nausea", "tremor", "sweats", "anxiety", "agitation", "tactile", "auditory", "visual", "headache",
         "orientation")
"""The ten items, each a field of the form answered with its score as a code ("0" to "7"; "0" to
"4" for orientation: the form's options say each item's range, Sullivan 1989's)."""
PERCEPTIONS = ("tactile", "auditory", "visual")
HALLUCINATING_FROM = 4
"""A perception item at this score or more is hallucinations (the scale's 4: "moderately severe
hallucinations"); below, a sensitivity."""
DISORIENTED_FROM = 2
"""Orientation at this score or more is disorientation (2: "disoriented for date"); 1 is only
uncertain of the date, or unable to add."""
MODERATE_FROM = 10
SEVERE_ABOVE = 15


class Band(StrEnum):
    MINIMAL = "minimal"
    MODERATE = "moderate"
    SEVERE = "severe"


BANDS: Mapping[Band, Mapping[Lang, str]] = {
    Band.MINIMAL: {"en": "minimal withdrawal: recheck in 4 hours",
                   "fr": "sevrage minime : réévaluer dans 4 heures"},
    Band.MODERATE: {"en": "MODERATE withdrawal: symptom-triggered dose per protocol, recheck in 1 hour",
                    "fr": "sevrage MODÉRÉ : dose selon les symptômes d’après le protocole, réévaluer dans 1 heure"},
    Band.SEVERE: {"en": "SEVERE withdrawal: dose per protocol and tell the doctor, recheck in 1 hour",
                  "fr": "sevrage SÉVÈRE : dose d’après le protocole et prévenir le médecin, réévaluer dans 1 heure"},
}
SHORT: Mapping[Band, Mapping[Lang, str]] = {Band.MINIMAL: {"en": "minimal", "fr": "minime"},
                                            Band.MODERATE: {"en": "MODERATE", "fr": "MODÉRÉ"},
                                            Band.SEVERE: {"en": "SEVERE", "fr": "SÉVÈRE"}}
"""The band in a word, beside the total on the ward's lists."""
RECHECK: Mapping[Band, timedelta] = {Band.MINIMAL: timedelta(hours=4), Band.MODERATE: timedelta(hours=1),
                                     Band.SEVERE: timedelta(hours=1)}
CLOSE_RECHECK = timedelta(hours=1)
"""A red flag, or a patient too drowsy or sedated to be scored, is checked again within the hour
(the local protocol), whatever the total: the seizure, the confusion or the drowsiness is what the
doctor is weighing, and UK guidance watches 1- to 2-hourly after a withdrawal seizure."""
FLAGGED: Mapping[Lang, str] = {"en": "{flags} — {band} withdrawal ({score}), recheck in 1 hour",
                               "fr": "{flags} — sevrage {band} ({score}), réévaluer dans 1 heure"}
"""A total with a red flag: the flag first, the band after it, rechecked within the hour."""


class NotScored(StrEnum):
    """Why a check has no score (the form's "unable_to_assess" codes), each with its own consequence."""

    ASLEEP = "asleep"
    DROWSY = "drowsy"
    CONFUSED = "confused"


class Flag(StrEnum):
    """What a check asks of the doctor: the red flags (`RED_FLAGS`, now), a severe score, a patient
    too drowsy or sedated to be scored."""

    SEIZURE = "seizure"
    DELIRIUM_TREMENS = "delirium_tremens"
    CONFUSED = "confused"
    CONSCIOUSNESS_FALLING = "consciousness_falling"
    SEVERE = "severe"
    UNABLE = "unable"


RED_FLAGS = (Flag.SEIZURE, Flag.DELIRIUM_TREMENS, Flag.CONFUSED, Flag.CONSCIOUSNESS_FALLING)
FINDINGS: Mapping[Flag, Mapping[Lang, str]] = {
    Flag.SEIZURE: {"en": "SEIZURE", "fr": "CRISE CONVULSIVE"},
    Flag.DELIRIUM_TREMENS: {"en": "HALLUCINATIONS WITH DISORIENTATION (delirium tremens?)",
                            "fr": "HALLUCINATIONS AVEC DÉSORIENTATION (delirium tremens ?)"},
    Flag.CONFUSED: {"en": "TOO CONFUSED OR AGITATED TO SCORE (delirium tremens?)",
                    "fr": "TROP CONFUS OU AGITÉ POUR ÊTRE COTÉ (delirium tremens ?)"},
    Flag.CONSCIOUSNESS_FALLING: {"en": "CONSCIOUSNESS FALLING", "fr": "CONSCIENCE EN BAISSE"},
    Flag.SEVERE: {"en": "severe withdrawal (over 15)", "fr": "sevrage sévère (au-dessus de 15)"},
    Flag.UNABLE: {"en": "not scored, too drowsy or sedated", "fr": "non coté, trop somnolent ou sédaté"},
}
"""What each flag found, as the lists name it."""
DOCTOR_NOW: Mapping[Lang, str] = {"en": "doctor now", "fr": "médecin maintenant"}
TELL_THE_DOCTOR: Mapping[Lang, str] = {"en": "tell the doctor", "fr": "prévenir le médecin"}
ACTIONS: Mapping[Flag, Mapping[Lang, str]] = {
    Flag.SEIZURE: DOCTOR_NOW, Flag.DELIRIUM_TREMENS: DOCTOR_NOW,
    Flag.CONFUSED: {"en": "doctor now, the dose is the doctor’s decision",
                    "fr": "médecin maintenant, la dose est la décision du médecin"},
    # Over-sedation is what has to be ruled out: no benzodiazepine on a falling level of consciousness.
    Flag.CONSCIOUSNESS_FALLING: {"en": "hold the symptom-triggered dose, doctor now",
                                 "fr": "suspendre la dose selon les symptômes, médecin maintenant"},
    Flag.SEVERE: TELL_THE_DOCTOR,
    Flag.UNABLE: {"en": "no dose, tell the doctor", "fr": "pas de dose, prévenir le médecin"},
}
"""What the latest check's flag asks done now. A flag of an earlier check asks only the doctor
(`said`): its "no dose" said beside the latest check's dose ask read as an order for now."""
SAID: Mapping[Lang, str] = {"en": "{finding}{when}: {action}", "fr": "{finding}{when} : {action}"}


def said(flag: Flag, lang: Lang, when: str | None = None) -> str:
    """A flag as the lists say it: the latest check's finding and what it asks done ("SEIZURE:
    doctor now"); an earlier check's (`when` its time) the finding and the doctor only."""
    if when is None:
        return SAID[lang].format(finding=FINDINGS[flag][lang], when="", action=ACTIONS[flag][lang])
    return SAID[lang].format(finding=FINDINGS[flag][lang], when=f" ({when})",
                             action=(DOCTOR_NOW if flag in RED_FLAGS else TELL_THE_DOCTOR)[lang])


def not_scored(answers: Mapping[str, Any]) -> NotScored | None:
    """Why the check has no score, None when it was scored."""
    reason = answers.get("unable_to_assess")
    return NotScored(reason) if reason else None


def unable(answers: Mapping[str, Any]) -> bool:
    return not_scored(answers) is not None


def total(answers: Mapping[str, Any]) -> int:
    """The ten items' scores added up, 0 to 67."""
    return sum(int(answers[item]) for item in ITEMS)


def band(score: int) -> Band:
    """Under 10 minimal, 10 to 15 moderate, over 15 severe (the local protocol's)."""
    if score > SEVERE_ABOVE:
        return Band.SEVERE
    return Band.MODERATE if score >= MODERATE_FROM else Band.MINIMAL


def meaning(answers: Mapping[str, Any], lang: Lang) -> str:
    """What a total says, as the form's total box and the printed check say it: a red flag first,
    and the recheck within the hour (delirium tremens on a total of 6 read "minimal withdrawal:
    recheck in 4 hours"); two flags apart as the language writes it (`semicolon`: the French
    read "CRISE CONVULSIVE : médecin maintenant; HALLUCINATIONS …")."""
    red = [flag for flag in flags(answers) if flag in RED_FLAGS]
    if not red:
        return BANDS[band(total(answers))][lang]
    return FLAGGED[lang].format(flags=semicolon(lang).join(said(flag, lang) for flag in red),
                                band=SHORT[band(total(answers))][lang], score=total(answers))


def score(answers: Mapping[str, Any]) -> int | None:
    """The check's total, None when it was not scored (`NotScored`)."""
    return None if unable(answers) else total(answers)


def scored_words(score: int, lang: Lang) -> str:
    """A total with its band in a word (`SHORT`), as the ward's lists and the records office's
    line say a check: "CIWA-Ar 12 MODERATE"."""
    return f"CIWA-Ar {score} {SHORT[band(score)][lang]}"


def headline(answers: Mapping[str, Any], lang: Lang) -> str | None:
    """`scored_words` of a check, None when it was not scored: the records office's line heads it
    with them, where the clerk had the ten items to add up and no band (records.record_label)."""
    found = score(answers)
    return None if found is None else scored_words(found, lang)


def delirium_tremens(answers: Mapping[str, Any]) -> bool:
    """Hallucinations (a perception item at `HALLUCINATING_FROM` or more) with disorientation
    (`DISORIENTED_FROM`): read from the items, never typed a second time."""
    if unable(answers):
        return False
    return (any(int(answers[item]) >= HALLUCINATING_FROM for item in PERCEPTIONS)
            and int(answers["orientation"]) >= DISORIENTED_FROM)


def flags(answers: Mapping[str, Any]) -> list[Flag]:
    """What the check asks of the doctor, the red flags first. Asleep asks nothing."""
    reason = not_scored(answers)
    return [flag for flag, raised in ((Flag.SEIZURE, bool(answers.get("seizure"))),
                                      (Flag.DELIRIUM_TREMENS, delirium_tremens(answers)),
                                      (Flag.CONFUSED, reason is NotScored.CONFUSED),
                                      (Flag.CONSCIOUSNESS_FALLING, bool(answers.get("consciousness_falling"))),
                                      (Flag.UNABLE, reason is NotScored.DROWSY),
                                      (Flag.SEVERE, reason is None and band(total(answers)) is Band.SEVERE))
            if raised]


def told_at(answers: Mapping[str, Any]) -> datetime | None:
    """When a doctor was told at this check (a name and a time not before it: domain.doctor_told)."""
    return doctor_told_at(answers, "checked_at")


def still_asked(checks: Sequence[Mapping[str, Any]]) -> list[tuple[Flag, int]]:
    """What the checks (oldest first) still ask of the doctor: each flag of the checks after the
    latest one recording a doctor told, once, with the index of the latest check raising it. A
    seizure at 10:00 and a calm check at 11:00 that told no one left the seizure on the list; a
    check telling the doctor answers those before it."""
    told = max((index for index, answers in enumerate(checks) if told_at(answers) is not None), default=-1)
    found: dict[Flag, int] = {}
    for index in range(told + 1, len(checks)):
        for flag in flags(checks[index]):
            found[flag] = index
    order = list(Flag)
    return sorted(found.items(), key=lambda pair: order.index(pair[0]))


def dose_asked(answers: Mapping[str, Any]) -> bool:
    """A moderate or severe score with no symptom-triggered dose recorded after it: the protocol's
    dose, or the doctor told why not (no as-required order, the patient refused). Never with
    consciousness falling (the dose held: `ACTIONS`), nor once the chart is stopped."""
    return (not unable(answers) and not answers.get("consciousness_falling") and not answers.get("chart_stopped")
            and band(total(answers)) is not Band.MINIMAL and not answers.get("dose_given"))


def sedation_held(answers: Mapping[str, Any]) -> Flag | None:
    """Why a check holds every sedative and opioid until the doctor has seen the patient: its
    consciousness falling (`Flag.CONSCIOUSNESS_FALLING`), or the patient too drowsy or sedated to be
    scored (`Flag.UNABLE`); None for another check, or once the chart is stopped. A benzodiazepine
    deepens what has to be ruled out first: over-sedation, a head injury, Wernicke's, hepatic
    encephalopathy."""
    if answers.get("chart_stopped"):
        return None
    if answers.get("consciousness_falling"):
        return Flag.CONSCIOUSNESS_FALLING
    return Flag.UNABLE if not_scored(answers) is NotScored.DROWSY else None


def recheck(checks: Sequence[Mapping[str, Any]]) -> timedelta:
    """How long after the latest of these checks (oldest first) the next is due: within the hour
    for a flag but a severe score's (`CLOSE_RECHECK`); a patient asleep by the check before's (a
    first check asleep, as a minimal one); else by the band."""
    latest = checks[-1]
    if any(flag in (*RED_FLAGS, Flag.UNABLE) for flag in flags(latest)):
        return CLOSE_RECHECK
    if not_scored(latest) is NotScored.ASLEEP:
        return recheck(checks[:-1]) if len(checks) > 1 else RECHECK[Band.MINIMAL]
    return RECHECK[band(total(latest))]


def next_due(checks: Sequence[Mapping[str, Any]]) -> datetime | None:
    """When the check after the latest of these (oldest first) is due (`recheck`); None once the
    chart is stopped. On a watch: across the night the clocks change, an hour is an hour."""
    if checks[-1].get("chart_stopped"):
        return None
    return elapsed.later(datetime.fromisoformat(checks[-1]["checked_at"]), recheck(checks))


THIAMINE_NAMES = frozenset(medicine_name(name) for name in ("thiamine", "thiamin", "pabrinex", "bevitine", "benerva",
                                                            "aneurine"))
"""The words, as `medicine_name` writes them (stemmed, without accents), of a medicine giving
thiamine for Wernicke's: its names in English and French and its brands (Pabrinex, the UK's IV
high-potency vitamins B and C; Bévitine, France's). The medication tables do not know thiamine,
and "Vitamin B compound strong" gives too little to count."""
VITAMIN = frozenset(medicine_name(word) for word in ("vitamin", "vit"))
""""Vitamin B1" ("Vitamine B1", "Vit B1", "Vitamine B 1"), thiamine by its other name."""


def gives_thiamine(drug: str) -> bool:
    """Whether an order's medicine is thiamine, however written ("Thiamine 100 mg", "Pabrinex I/II",
    "Vitamine B1", "Vit. B 1", "Thiamine (Pabrinex)")."""
    words = re.findall(r"\w+", medicine_name(drug))
    return bool(THIAMINE_NAMES & set(words)) or bool(re.search(
        rf"\b(?:{'|'.join(map(re.escape, VITAMIN))})\W*b\s*1\b", " ".join(words)))


BENZODIAZEPINES = frozenset(medicine_name(name) for name in ALLERGY_CLASSES["benzodiazepine"][1])
"""The benzodiazepines, the allergy class's members, as `medicines_in` names them."""


def symptom_triggered(drug: str) -> bool:
    """Whether an as-required order's medicine is one a CIWA-Ar dose gives (chlordiazepoxide,
    diazepam, lorazepam, oxazepam: a benzodiazepine, however written): the dose a check records
    given is the MAR's, and a letter counts it there, with its drug and mg."""
    return bool(medicines_in(drug) & BENZODIAZEPINES)
