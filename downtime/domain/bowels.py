"""What a bowel chart asks of the nurse. Loose stools (Bristol types 5 to 7) three times in 24
hours with no known cause (a laxative, an enteral feed, a bowel preparation) may be infective:
the SIGHT protocol of the UK's Clostridioides difficile guidance (and the French SF2H's) asks to
isolate the patient at once, wear gloves and apron, wash hands with soap and water (alcohol gel
does not kill the spores) and send a stool sample; blood or black tarry stool (melaena) is for a
doctor to see now; bowels not opened for three days are constipation, for the laxative
prescribed or the doctor. A laboratory result finding C. difficile isolates the patient too, until
the same 48 hours clear (`c_difficile_positive`, `isolated_since`)."""

from __future__ import annotations

import re
import unicodedata
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
RECURRENCE = timedelta(days=28)
"""How long after a result finding C. difficile the patient is a known case: UKHSA counts
diarrhoea within 28 days of it a recurrence (a loose stool with no known cause then isolates the
patient at once, `recurs`), and the DH/PHE guidance repeats no test within them (no test
of cure: the laboratory rejects the sample), so no sample is asked (`SAMPLE`)."""


class Sign(StrEnum):
    LOOSE = "loose"
    BLOOD = "blood"
    NOT_OPENED = "not_opened"
    C_DIFFICILE = "c_difficile"


_LAXATIVE = {"en": "give the laxative prescribed, or tell the doctor if none is",
             "fr": "donner le laxatif prescrit, ou prévenir le médecin s’il n’y en a pas"}
SIGNS: Mapping[Sign, Mapping[str, str]] = {
    Sign.LOOSE: {"en": "{count} LOOSE STOOLS IN 24 HOURS (since {first}): isolate in a side room, gloves and apron, "
                       "wash hands with soap and water{sample}, tell the doctor",
                 "fr": "{count} SELLES NON MOULÉES EN 24 HEURES (depuis {first}) : chambre seule et précautions "
                       "contact, gants et tablier, lavage des mains à l’eau et au savon{sample}, prévenir le médecin"},
    Sign.BLOOD: {"en": "BLOOD IN THE STOOL ({seen}, {time}): tell the doctor now",
                 "fr": "SANG DANS LES SELLES ({seen}, {time}) : prévenir le médecin maintenant"},
    Sign.NOT_OPENED: {"en": "BOWELS NOT OPENED for {days} days (since {since}): " + _LAXATIVE["en"],
                      "fr": "PAS DE SELLES depuis {days} jours (depuis le {since}) : " + _LAXATIVE["fr"]},
    Sign.C_DIFFICILE: {"en": "C. DIFFICILE FOUND ({result}, received {received}): isolate in a side room, gloves and "
                             "apron, wash hands with soap and water, until 48 hours without a loose stool and a formed "
                             "stool",
                       "fr": "C. DIFFICILE RETROUVÉ ({result}, reçu le {received}) : chambre seule et précautions "
                             "contact, gants et tablier, lavage des mains à l’eau et au savon, jusqu’à 48 heures sans "
                             "selles non moulées et une selle moulée"},
}
"""What each sign asks: `{count}` loose stools since `{first}`, `{sample}` the ask for a sample
(`SAMPLE`) until one is sent; `{seen}` the blood seen, at `{time}`; `{days}` whole days since
`{since}`, the last stool (or the chart's first line); `{result}` the laboratory's result finding
C. difficile, received at `{received}`."""
FOUND_ON_THE_LAST_STAY: Mapping[str, str] = {
    "en": "C. DIFFICILE FOUND ON THE LAST STAY ({result}, received {received}) and a loose stool now: isolate in a "
          "side room, gloves and apron, wash hands with soap and water, until 48 hours without a loose stool and a "
          "formed stool",
    "fr": "C. DIFFICILE RETROUVÉ AU DERNIER SÉJOUR ({result}, reçu le {received}) et selles non moulées maintenant : "
          "chambre seule et précautions contact, gants et tablier, lavage des mains à l’eau et au savon, jusqu’à "
          "48 heures sans selles non moulées et une selle moulée"}
"""`Sign.C_DIFFICILE` for a result received before the present stay began (`recurs`):
the ward did not see it come, and the isolation began with this stay's loose stool."""
LOOSE_WITH_C_DIFFICILE: Mapping[str, str] = {
    "en": "{count} LOOSE STOOLS IN 24 HOURS (since {first}), C. difficile found: tell the doctor",
    "fr": "{count} SELLES NON MOULÉES EN 24 HEURES (depuis {first}), C. difficile retrouvé : prévenir le médecin"}
"""`Sign.LOOSE` while C. difficile isolates the patient (`Sign.C_DIFFICILE` asks the isolation,
and no sample is asked): the stools of a day are one of what its daily severity review weighs,
and worsening diarrhoea in a known case is for the doctor."""
NONE_SINCE_ADMISSION: Mapping[str, str] = {
    "en": "NO BOWELS OPENED CHARTED since admission {since} ({days} days): " + _LAXATIVE["en"],
    "fr": "AUCUNE SELLE NOTÉE depuis l’admission le {since} ({days} jours) : " + _LAXATIVE["fr"]}
"""`Sign.NOT_OPENED` counted from the admission (`{since}`, its day) for a chart with no stool on
it: the chart does not know the bowels were not opened before it began, only that none is charted."""
SAMPLE: Mapping[str, str] = {"en": ", send a stool sample (C. difficile)", "fr": ", prélever une selle (C. difficile)"}
"""The part of the loose stools' ask a sample sent since the first of them ends, or a result
finding C. difficile in the `RECURRENCE` days before (`tested_lately`): the isolation, the soap
and water and the doctor told are still asked."""


_ORGANISM = frozenset({"c", "clostridium", "clostridioides"})
_SPECIES = frozenset({"diff", "difficile"})
_JOINED = frozenset({"cdiff", "cdifficile"})
_ANTIGEN = frozenset({"gdh", "glutamate"})
"""C. difficile's own antigen, glutamate dehydrogenase (GDH), tested for no other organism in a
stool: a clause naming it is of C. difficile without naming the organism again."""
_POSITIVE = frozenset({"positive", "positives", "positif", "positifs", "detected", "detecte", "detectee", "detectes",
                       "detectees", "present", "presente", "presents", "presentes", "presence", "isolated", "isole",
                       "isolee"})
_NEGATIVE = frozenset({"negative", "negatives", "negatif", "negatifs", "undetected", "absent", "absente", "absence",
                       "not", "non", "no", "none", "pas", "aucun", "aucune", "sans", "without"})
"""The words that make a clause of a result say C. difficile is not there: "negative", "not
detected", "non détecté", "absence de"; a clause saying both is not read as finding it."""
_CLAUSES = re.compile(r"[,;\n]|(?<=\w\w)\.(?=\s|$)")
"""Where a result's text parts its findings: "GDH positive, toxin negative"; a full stop after a
word, not the one of "C. diff"."""


def _words(text: str) -> list[str]:
    """The words of `text`, case and accents aside: "Détecté" is "detecte"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(" " if not c.isalnum() else c for c in decomposed if not unicodedata.combining(c))
    return plain.split()


def _names_c_difficile(words: Sequence[str]) -> bool:
    """"C. diff", "C. difficile", "Clostridium difficile", "Clostridioides difficile", "CDiff"."""
    return any(word in _JOINED or word in _ORGANISM and following in _SPECIES
               for word, following in zip(words, [*words[1:], ""]))


FLAGGED = frozenset({"abnormal", "critical"})
"""A laboratory's flags that say a C. difficile test found something (lab_result's `flag`)."""


def c_difficile_positive(test: str, result: str, flag: str | None = None) -> bool:
    """Whether a laboratory result (`test` as the laboratory names it, its `result` text, its
    `flag`) finds C. difficile (toxin, PCR or GDH): a clause of the result saying positive,
    detected, present or isolated (in English or French: "Présence de toxine") and nothing
    negative ("not detected", "négatif", "absence de"), of those naming it when the result does,
    else of any when the test does. A result the laboratory flags abnormal or critical finds it
    unless those clauses say it is not there: "Indeterminate: repeat the sample" flagged
    abnormal isolated no one while the repeat was awaited, the patient's spores on the ward; the
    same words flagged normal, or unflagged, are for a nurse or doctor to read. "GDH positive,
    toxin negative" isolates, in whichever order and whichever clause names the organism (its GDH
    clause is read with those naming it, `_ANTIGEN`): UKHSA's guidance calls such a patient a
    potential excretor, who can spread the spores; "C. diff toxin negative, GDH positive" read
    only its first clause and isolated no one."""
    clauses = [_words(clause) for clause in _CLAUSES.split(result)]
    named = [words for words in clauses if _names_c_difficile(words)]
    if not named and not _names_c_difficile(_words(test)):
        return False
    read = [words for words in clauses if words in named or _ANTIGEN.intersection(words)] if named else clauses
    if flag in FLAGGED and not any(_NEGATIVE.intersection(words) for words in read):
        return True
    return any(_POSITIVE.intersection(words) and not _NEGATIVE.intersection(words) for words in read)


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
                   at: datetime, found_at: Sequence[datetime] = ()) -> datetime | None:
    """When the isolation began that the patient is to be isolated for at `at`, None when they
    are not: from the first of `LOOSE_IN_A_DAY` with no known cause (`unexplained_at`) within 24
    hours, or from a laboratory result finding C. difficile (`found_at`: when each was received),
    until `ISOLATED_UNTIL_CLEAR` goes by with no loose stool of any cause (`loose_at`: a
    laxative given to an isolated patient does not end their diarrhoea) and a formed stool
    (`formed_at`) is charted after the last loose stool or result. All in order. A sample sent
    ends the ask for one (`SAMPLE`), not the isolation: the handover sheet's Isolation column is
    read by whoever gives care in the room."""
    began: datetime | None = None
    last: datetime | None = None
    for moment, found in _isolating(loose_at, found_at, at):
        if last is not None and _cleared(last, formed_at, moment):
            began = None
        last = moment
        if began is None and found:
            began = moment
        elif began is None and len(run := in_a_day(unexplained_at, moment)) >= LOOSE_IN_A_DAY:
            began = run[0]
    return began if last is not None and not _cleared(last, formed_at, at) else None


def _isolating(loose_at: Sequence[datetime], found_at: Sequence[datetime],
               at: datetime) -> list[tuple[datetime, bool]]:
    """The loose stools and the results finding C. difficile (True) up to `at`, in order: each
    keeps an isolation going for 48 hours more."""
    return sorted(((moment, found) for moments, found in ((loose_at, False), (found_at, True)) for moment in moments
                   if elapsed.instant(moment) <= elapsed.instant(at)), key=lambda pair: elapsed.instant(pair[0]))


def isolation_ends(loose_at: Sequence[datetime], formed_at: Sequence[datetime], at: datetime,
                   found_at: Sequence[datetime] = ()) -> datetime | None:
    """When the isolation in force at `at` (`isolated_since`) ends if nothing more is charted:
    `ISOLATED_UNTIL_CLEAR` after the last loose stool or result, once a formed stool is charted
    after it; None while none is (only a stool charted ends it) or when nothing isolates."""
    moments = _isolating(loose_at, found_at, at)
    if not moments:
        return None
    last = moments[-1][0]
    formed_after = [moment for moment in formed_at if elapsed.instant(last) < elapsed.instant(moment)]
    if not formed_after:
        return None
    return max(elapsed.later(last, ISOLATED_UNTIL_CLEAR), min(formed_after, key=elapsed.instant), key=elapsed.instant)


def constipated_from(since: datetime) -> datetime:
    """When bowels not opened since `since` become constipation, as a watch counts."""
    return elapsed.later(since, CONSTIPATED_AFTER)


def sample_sent(run: Sequence[datetime], sampled_at: Sequence[datetime], at: datetime) -> bool:
    """Whether a stool sample was sent (`sampled_at`) since the first of the loose stools `run`."""
    return bool(run) and any(elapsed.instant(run[0]) <= elapsed.instant(moment) <= elapsed.instant(at)
                             for moment in sampled_at)


def tested_lately(found_at: Sequence[datetime], at: datetime) -> bool:
    """Whether a result finding C. difficile was received (`found_at`) in the `RECURRENCE` days up
    to `at`: a new sample is not asked then."""
    since = elapsed.earlier(at, RECURRENCE)
    return any(elapsed.instant(since) <= elapsed.instant(moment) <= elapsed.instant(at) for moment in found_at)


def recurs(received_at: datetime, loose_at: datetime) -> bool:
    """Whether a loose stool with no known cause at `loose_at` isolates a patient with C. difficile
    found (`received_at`) at once, as that case's recurrence: it came within `RECURRENCE` after
    the result, on this stay or back on the ward, and after an isolation ended as well as before
    the first. SIGHT isolates a suspected case at once, and this one is known; a patient with no
    diarrhoea is not isolated (UKHSA), nor one whose loose stool has a known cause (a laxative),
    as SIGHT's suspected case is diarrhoea with no clear other cause (three of those isolate
    anyway: `isolated_since`)."""
    return elapsed.instant(received_at) <= elapsed.instant(loose_at) <= elapsed.instant(
        elapsed.later(received_at, RECURRENCE))


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


def signs(unexplained_at: Sequence[datetime], bleeding: bool, since: datetime | None, at: datetime,
          found: bool = False) -> list[Sign]:
    """What the chart asks at `at`: to isolate for a result finding C. difficile while it keeps
    the patient isolated (`found`); loose stools with no known cause `LOOSE_IN_A_DAY` times in 24
    hours (a sample sent changes the words, not the ask: `SAMPLE`; while C. difficile is found,
    the words of a known case: `LOOSE_WITH_C_DIFFICILE`); blood seen that a doctor is to see
    (`bleeding`: `bleeding_told`); bowels not opened since `since` (the last stool, or the
    admission or the chart's first line; None with no chart) for three days."""
    return [*([Sign.C_DIFFICILE] if found else []),
            *([Sign.LOOSE] if len(in_a_day(unexplained_at, at)) >= LOOSE_IN_A_DAY else []),
            *([Sign.BLOOD] if bleeding else []),
            *([Sign.NOT_OPENED] if since is not None and elapsed.reached(constipated_from(since), at) else [])]
