"""The medicines a patient took before admission (the admission's "Medicines taken before
admission", one a line as typed) read against the orders of the stay, by one matcher for the ward
and the going-home letter: on the ward, those no order of the stay covers, for the prescriber to
reconcile within 24 hours of admission (NICE NG5 1.3.4, QS120), and at once for a medicine the
app knows as time-critical (NPSA RRR009; Parkinson's UK "Get It On Time"): a Parkinson's
patient's levodopa and a home apixaban were uncharted 30 hours after admission and nothing said
so; on the letter, those no order in force gives as taken (services.prefill)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.medication import (KIND_WORDS, MASS_IN_MG, Frequency, Order, basal_insulin, insulin,
                                       medicine_name, medicines_in, medicines_known, premixed, time_critical_drug)
from downtime.domain.records import loaded_from_snapshot
from downtime.formspec import Lang
from downtime.i18n import semicolon
from downtime.services import medication
from downtime.services.patients import PatientSummary
from downtime.storage.records import current, current_of, histories

if TYPE_CHECKING:  # reconciliation reads its lists with this module's matcher (`named`)
    from downtime.services.reconciliation import Decision

FIELD = "usual_medicines"
"""The admission's field the medicines taken before admission are written in, as free text."""
RECONCILE_WITHIN = timedelta(hours=24)
"""NICE NG5 1.3.4: medicines reconciled within 24 hours of admission."""
NOT_A_MEDICINE = frozenset(medicine_name(word) for word in (
    "nil", "none", "no", "n/a", "not", "nothing", "denies", "does", "aucun", "aucune", "néant", "rien", "pas", "sans"))
"""The first word of a line of usual medicines that says there is none ("Nil.", "N/A", "Aucun",
"Néant", "Pas de traitement", "Not on any", "Does not take any", "Denies", the discharge's own
"None: no medicine in force…"), when the line names no medicine the tables know and says the list
is not unknown (`UNKNOWN`), read without its punctuation: asked of as a medicine, "Nil — …
continue, stop or change? …" went on the GP's letter, "Nil." to the EHR as a medicine taken and on
the ward as one to chart."""
ALLERGY_STATUS = re.compile(r"(nkda|nka|no (known )?(drug |medicine |medication )?allerg\w*|allerg\w*|"
                            r"(aucune|pas d.)\s*allergi\w*)(?!\w)", re.IGNORECASE)
"""How a line giving the allergy status begins ("NKDA": no known drug allergy; "No known drug
allergies", "Allergies: NKDA", "Pas d'allergie connue"), typed in the box: it says nothing of the
medicines taken, neither a medicine nor none (read as none, a list left at "NKDA" or "No known
drug allergies" was never asked, and "Allergies: NKDA" was a medicine to chart)."""
UNKNOWN = re.compile(r"(?<!\w)(not known|unknown|unsure|not sure|(does not|doesn.t|don.t) know|inconnue?s?|"
                     r"ne sait pas|no idea|lists?|listes?|informations?|brought|bring|apport\w*|ordonnances?|"
                     r"unconscious|inconscient\w*|tbc|tba|to be confirmed|(not |un)confirmed|à confirmer|à préciser|"
                     r"await\w*|pending|en attente|unable|impossible|not obtained|non obtenue?s?)(?!\w)",
                     re.IGNORECASE)
"""Words of a line naming no medicine the tables know that says the list is not known yet ("Not
known", "No list available", "Pas de liste", "Rien apporté", "None brought in, family to bring",
"Pas d'ordonnance", "N/A - patient unconscious", "TBC", "Awaiting", "Pending GP records", "Unable
to obtain", "En attente"), read before its first word: "No…", "Pas…", "Rien…", "N/A…" and
"Not…" read as "none", and the patient was never asked of nor the letter written unknown ("TBC"
went on it as a medicine taken); not "confirmed" alone ("Nil (confirmed with GP)" is none). A list
to get (`elsewhere`), as one said to be elsewhere, and so is a line with no letter ("?")."""
ELSEWHERE = re.compile(r"(?<!\w)(see|voir|cf|as per|per (the )?gp|blister|dosette|summary care record|pods|"
                       r"(meds|medicines|drugs) in (the )?bag)(?!\w)", re.IGNORECASE)
"""Words of a line naming no medicine the tables know that says the list is elsewhere ("See GP
list", "As per blister pack", "Voir ordonnance", "Cf ordonnance", "Summary care record", "PODs"
(patient's own drugs), "Meds in bag"): no medicine to chart ("As per blister pack" was asked of as
a medicine named "a", "PODs" one named "pod") but a list to get (`elsewhere`); read after
its first word ("Nil as per GP" is none, the GP's word). Not "per" nor "selon" alone: "Senna 2
tabs per night", "Spasfon selon besoin" are medicines."""
PUNCTUATION = ".,;:!?-–()"
"""What a first word is read without ("Nil.", "None:", "Senna,")."""
INSULIN = medicine_name("insulin")
"""A home line naming insulin and no more ("Insulin 20 units nocte"): any insulin order covers it."""
INSULIN_KINDS = {kind: f"{INSULIN} ({kind})" for kind in ("basal", "premixed", "mealtime")}
"""The kind of insulin a line or an order names besides its medicine (`named`): only an order of
a home insulin's kind covers it."""
TYPED_DOSE = re.compile(r"(\d+(?:[.,]\d+)?)\s*(mg|g|mcg|µg|micrograms?|microgrammes?|units?|unités?|iu|ui|ml|mmol)\b",
                        re.IGNORECASE)
TYPED_UNITS = {"mcg": "microgram", "µg": "microgram", "micrograms": "microgram", "microgramme": "microgram",
               "microgrammes": "microgram", "unit": "units", "unité": "units", "unités": "units", "iu": "units",
               "ui": "units", "ml": "mL"}
"""A dose as typed among the usual medicines ("5 mg", "1,25 g", "20 units"), its unit as the
order form's (`TYPED_UNITS`, else itself): compared with the order's (`taken_as_ordered`)."""
PER_DAY = tuple((count, re.compile(rf"(?<![\w/]){words}(?!\w)", re.IGNORECASE)) for count, words in (
    (4, r"(qds|q\.d\.s\.?|qid|four times (a|per) day|four times daily|4\s*(x|×|fois)\s*(/|par)\s*j(our)?)"),
    (3, r"(tds|t\.d\.s\.?|tid|three times (a|per) day|three times daily|3\s*(x|×|fois)\s*(/|par)\s*j(our)?)"),
    (2, r"(bd|b\.d\.?|bid|twice (a|per) day|twice daily|2\s*(x|×|fois)\s*(/|par)\s*j(our)?)"),
    (1, r"(od|o\.d\.?|once (a|per) day|once daily|daily|1\s*(x|×|fois)\s*(/|par)\s*j(our)?)")))
"""How many doses a day a line of usual medicines says as a number, the most first ("twice daily"
before "daily"), English and French; else its parts of the day (`DAY_PARTS`); compared with an
order's times (`taken_as_ordered`): home apixaban "5 mg twice a day" charted at 08:00 alone went
home unasked."""
DAY_PARTS = tuple(re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE) for words in (
    r"(mane|mornings?|matin|breakfast)", r"(midday|noon|lunch\s*times?|lunch|midi)", r"(evenings?|soir|tea ?time)",
    r"(nocte|nights?|nightly|bedtime|coucher)"))
"""The parts of the day a line names, each a dose ("in the morning and at night", "matin et soir":
two; "le soir": one), summed: the first one found alone counted, "Furosemide 40 mg in the morning and
at night" charted twice went on the letter as "dose changed in hospital"; plurals and compounds
too ("mornings", "nightly", "lunchtime": "in the morning and at lunchtime" was once a day)."""
DAYS_APART = tuple((days, re.compile(rf"(?<![\w/]){words}(?!\w)", re.IGNORECASE)) for days, words in (
    (7, (r"((?<!twice )weekly|once (a|per|every) week|every week|hebdomadaire|chaque semaine|toutes les semaines|"
         r"(1|une)\s*(x|×|fois)?\s*(/|par)\s*sem(aine)?)")),
    (2, r"(alternate days|every other day|un jour sur deux|tous les deux jours)")))
EVERY_DAYS = re.compile(r"(?<!\w)(?:every|tous les)\s+(\d+)\s+(?:days|jours)(?!\w)", re.IGNORECASE)
"""How many days apart a line of usual medicines says its doses are ("weekly", "once a week",
"1x/semaine", "1/sem", "alternate days", "every 3 days", "tous les 3 jours"), compared with the
order's days apart (`Order.every_days`): methotrexate 15 mg weekly at home charted daily, a
Never Event, went on the letter as given as taken."""
TAPERING = re.compile(r"(?<!\w)(reduc|taper|decreas|increas|wean|dégressi|diminu|augment)", re.IGNORECASE)
"""Words of a dose changing over time ("Prednisolone 30 mg reducing by 5 mg weekly", "dégressif"):
its "weekly" is how often the dose changes, not how often it is taken (`DAYS_APART`)."""
CLOCK_TIMES = re.compile(r"(?<![\d:])([01]?\d|2[0-3])[:h]([0-5]\d)(?![\d:])")
"""Times of day typed on a line ("06:00 10:00 14:00", "8h00"): as many doses a day when two or more
and no word says (one alone is more often when it was last taken)."""
LAST_TAKEN = re.compile(r"(?<!\w)(last|dernière|dernier)(?!\w)", re.IGNORECASE)
"""Where a line goes on to when the medicine was last taken, as the form asks ("Apixaban 5 mg bd,
last taken this morning 08:00"): how often it is taken is read before it."""
AS_REQUIRED = re.compile(r"(?<!\w)(prn|p\.r\.n\.?|as required|when required|as needed|if needed|si besoin|"
                         r"à la demande|en cas de douleur|up to \w+ times|jusqu.à \w+ fois)(?!\w)", re.IGNORECASE)
"""Words saying a medicine is taken as required, not regularly (English and French), "up to four
times a day" its most."""
MODIFIED_RELEASE = re.compile(r"(?<!\w)(MR|mr|SR|sr|XL|xl|XR|xr|CR|ER|LA|LP|lp|LM|(?i:chrono|retard|continus|"
                              r"modified[- ]release|prolonged[- ]release|slow[- ]release|extended[- ]release|"
                              r"libération prolongée|libération modifiée))(?!\w)")
"""Words of a modified-release form (MR, SR, XL, LA, LP, Chrono, Retard…), in a home line or an
order's medicine, capitals as written ("Mr Smith's supply" is none, "la" the French article):
oxycodone modified release twice a day at home charted as immediate release is another treatment."""
ONLY_MODIFIED = frozenset(medicine_name(name) for name in (
    "tamsulosin", "mirabegron", "ranolazine", "paliperidone", "fampridine"))
"""Medicines, as `named` names them, made only as modified release: a line naming one with no
word of release says nothing of its form ("Tamsulosin 400 mcg od" charted "Tamsulosin MR" was
asked as changed in hospital)."""

WORDS = {
    "line": {"en": "MEDICINES TAKEN BEFORE ADMISSION NOT CHARTED since admission on {admitted} (reconcile within "
                   "24 h, NICE NG5): {medicines}: prescriber to chart, hold or stop each",
             "fr": "TRAITEMENT HABITUEL NON PRESCRIT depuis l’admission le {admitted} (conciliation dans les 24 h, "
                   "NICE NG5) : {medicines} : au prescripteur de prescrire, suspendre ou arrêter chacun"},
    "critical": {"en": "{medicine} (TIME-CRITICAL: prescribe now)",
                 "fr": "{medicine} (HORAIRE CRITIQUE : à prescrire maintenant)"},
    "held": {"en": "{medicine} (HELD at reconciliation: {why} — time-critical: alternative route?)",
             "fr": "{medicine} (SUSPENDU à la conciliation : {why} — horaire critique : autre voie ?)"},
    "held_at": {"en": "{medicine}: HELD AT RECONCILIATION ({why})",
                "fr": "{medicine} : SUSPENDU À LA CONCILIATION ({why})"},
    "stopped_at": {"en": "{medicine}: STOPPED AT RECONCILIATION ({why})",
                   "fr": "{medicine} : ARRÊTÉ À LA CONCILIATION ({why})"},
    "held_charted": {"en": "{medicine}: HELD AT RECONCILIATION ({why}) BUT STILL CHARTED: prescriber to hold the "
                           "order, or reconcile again",
                     "fr": "{medicine} : SUSPENDU À LA CONCILIATION ({why}) MAIS TOUJOURS PRESCRIT : au prescripteur "
                           "de suspendre la prescription, ou de concilier à nouveau"},
    "stopped_charted": {"en": "{medicine}: STOPPED AT RECONCILIATION ({why}) BUT STILL CHARTED: prescriber to stop "
                              "the order, or reconcile again",
                        "fr": "{medicine} : ARRÊTÉ À LA CONCILIATION ({why}) MAIS TOUJOURS PRESCRIT : au prescripteur "
                              "d’arrêter la prescription, ou de concilier à nouveau"},
    "heading": {"en": "Medicines taken before admission", "fr": "Traitement habituel"},
    "more": {"en": "and {more} more (see the admission)", "fr": "et {more} autre(s) (voir l’admission)"},
    "elsewhere": {"en": "MEDICINES TAKEN BEFORE ADMISSION NOT YET LISTED since admission on {admitted} (“{line}”): "
                        "obtain the list and reconcile",
                  "fr": "TRAITEMENT HABITUEL PAS ENCORE LISTÉ depuis l’admission le {admitted} (« {line} ») : "
                        "obtenir la liste et concilier"},
    "unrecorded": {"en": "MEDICINES TAKEN BEFORE ADMISSION NOT RECORDED since admission on {admitted} (take the list "
                         "and reconcile within 24 h, NICE NG5): ask the patient, family, GP or community pharmacy",
                   "fr": "TRAITEMENT HABITUEL NON RENSEIGNÉ depuis l’admission le {admitted} (recueillir la liste et "
                         "concilier dans les 24 h, NICE NG5) : demander au patient, à la famille, au médecin traitant "
                         "ou à la pharmacie"},
}
"""The ward's line of the home medicines no order of the stay covers (`Unreconciled.said`), a
time-critical one marked so (`critical`, or `held` at reconciliation), those held or stopped at
reconciliation (`held_at`, `stopped_at`) and those still charted (`held_charted`, `stopped_charted`), the first `SAID_AT_MOST` and how many `more`, a list
said to be elsewhere (`elsewhere`), a list recorded nowhere (`unrecorded`), under the escalation
list's `heading`."""
SAID_AT_MOST = 5
"""The home medicines a line names before "and N more" (the handover's cell is narrow)."""


@dataclass(frozen=True)
class HomeLine:
    """A line of usual medicines naming a medicine, as typed (spaces made single), and the
    medicines it names (`named`)."""

    text: str
    names: frozenset[str]


def named(drug: str) -> frozenset[str]:
    """The medicines a home line or an order's medicine names, one reading for both: those the
    tables know (`medicines_known`: "Insulin glargine" and "Sodium valproate" known whole were
    read "insulin" and "sodium", a charted glargine left "Lantus" asked as time-critical), else
    the name's first word, two for a kind ("Vitamin D"), as one medicine, its form and route
    words (`FORM_WORDS`) skipped ("Folic acid 5 mg od" and "Folic acid 5mg tablets" both "folic";
    "Eye drops latanoprost" not "eye"; each side read its own way, a charted "Folic acid" or
    "Humulin I" never covered its home line); "insulin" too for an insulin, so that any insulin
    order covers a home "Insulin 20 units nocte", with its kind (`_insulin_kind`)."""
    names = medicines_known(drug)
    words = [word.strip(PUNCTUATION) for word in drug.split()]
    if not names and (words := [word for word in words if medicine_name(word) not in _FORMS] or words):
        names = medicines_in(" ".join(words[:2] if medicine_name(words[0]) in _KINDS else words[:1]))
    names = names or medicines_in(drug)
    if not insulin(drug):
        return names
    # Read by a word that is no insulin ("Long-acting insulin", "Unknown insulin"): the insulin alone.
    names = names if any(insulin(name) for name in names) else frozenset()
    return names | {INSULIN} | _insulin_kind(drug, names)


def _insulin_kind(drug: str, names: frozenset[str]) -> frozenset[str]:
    """The kind of insulin `drug` names (`INSULIN_KINDS`): premixed (domain.medication.premixed),
    basal (`basal_insulin`), else mealtime for one naming more than insulin (aspart, Actrapid,
    "Humulin S"); none for "Insulin 20 units", which names no kind. A home "Humulin I", "Umuline
    NPH", "Insuman Basal" or "Humulin M3" read by its brand's first word, or "Humalog Mix25" read
    as lispro, was covered by the brand's mealtime insulin charted alone, and a type 1's basal
    insulin was never asked for (JBDS-IP: never left out)."""
    if premixed(drug):
        return frozenset({INSULIN_KINDS["premixed"]})
    if basal_insulin(drug):
        return frozenset({INSULIN_KINDS["basal"]})
    return frozenset({INSULIN_KINDS["mealtime"]}) if names - {INSULIN} else frozenset()


_KINDS = frozenset(medicine_name(word) for word in KIND_WORDS)
FORM_WORDS = ("eye", "eyes", "ear", "ears", "nasal", "nose", "drops", "drop", "inhaler", "inhalers", "cream",
              "ointment", "gel", "patch", "patches", "spray", "gouttes", "goutte", "collyre", "crème", "pommade",
              "inhalateur", "pulvérisation", "auriculaires", "nasales", "oculaires", "timbre")
"""Words of a medicine's form or route, in English and French, that name no medicine: a line the
tables know no medicine in was named by its first word, "Eye drops latanoprost" and "Eye drops
timolol" both "eye", so that one row decided both and a timolol order covered latanoprost."""
_FORMS = frozenset(medicine_name(word) for word in FORM_WORDS)


def _read(typed: object, nil: bool = False) -> Iterator[tuple[str, frozenset[str] | None]]:
    """Each line of `typed` that is not empty, not a heading ("Traitement habituel :") nor the
    allergy status (`ALLERGY_STATUS`), and, unless `nil`, does not say there is none
    (`NOT_A_MEDICINE`, "Aucun :" too), with the medicines it names (none for one saying there is
    none), None for a line naming none the tables know that says the list is unknown or elsewhere
    (`UNKNOWN`, `ELSEWHERE`, or no letter: "?") unless it names an insulin ("Insulin - dose
    unknown": the only sign of a home insulin). One reading for the lines naming medicines
    (`home_lines`) and for whether the answer records the list (`recorded`): two copies of it
    drifted apart."""
    for line in (" ".join(one.split()) for one in str(typed or "").splitlines()):
        if not (words := line.lstrip("-•*· ").split()):
            continue
        if not medicines_known(line):
            first = medicine_name(words[0].strip(PUNCTUATION))
            if line.endswith(":") and first not in NOT_A_MEDICINE or ALLERGY_STATUS.match(line.lstrip("-•*· ")):
                continue
            if not insulin(line) and (UNKNOWN.search(line) or not any(char.isalpha() for char in line)
                                      or first not in NOT_A_MEDICINE and ELSEWHERE.search(line)):
                yield line, None
                continue
            if first in NOT_A_MEDICINE:
                if nil:
                    yield line, frozenset()
                continue
        yield line, named(line)


def home_lines(typed: object) -> list[HomeLine]:
    """Each line of `typed` (the admission's answer) naming a medicine (`_read`, `named`)."""
    return [HomeLine(line, names) for line, names in _read(typed) if names is not None]


def elsewhere(typed: object) -> str | None:
    """The first line of `typed` saying the list is elsewhere ("See GP list", "Voir ordonnance"),
    None if none: on the ward, a list to get and reconcile, asked once."""
    return next((line for line, names in _read(typed) if names is None), None)


def recorded(typed: object) -> bool:
    """Whether the admission's answer records the medicines taken before admission (`_read`): a
    line naming one, saying there is none ("Nil", "Aucun", `NOT_A_MEDICINE`), or that the list is
    unknown or elsewhere (asked on the ward as such, `elsewhere`). Left blank, a heading alone
    ("Traitement habituel :") or the allergy status alone ("NKDA"), the list is not yet known, not
    none (NICE NG5 1.3): nothing asked for it, and none was ever taken nor reconciled."""
    return next(_read(typed, nil=True), None) is not None


def unrecorded(admission_id: str, typed: object, reconciled: bool) -> bool:
    """Whether the medicines taken before the admission `admission_id` are recorded nowhere: its
    answer `typed` records none (`recorded`), it was typed on the ward (one loaded from the EHR's
    snapshot was reconciled there, its list the EHR's: `unreconciled`), and no standing
    reconciliation of the stay (`reconciled`) lists the medicines or, deciding none, a list checked
    (`reconciliation.check`)."""
    return not (reconciled or loaded_from_snapshot(admission_id) or recorded(typed))


def not_recorded(db: Database, patient: PatientSummary, at: datetime) -> bool:
    """Whether the patient's medicines taken before admission are not known at `at`, as the ward
    asks them (`unreconciled`): recorded nowhere (`Unreconciled.unrecorded`), or said unknown or
    elsewhere and got by no reconciliation of the stay (`Unreconciled.elsewhere`). The going-home
    letter asks them (services.prefill), where "None: no medicine in force" and a blank list under
    it, or "Unknown" and "See GP letter" asked on the ward alone, read to the GP as a patient on no
    medicine."""
    one = unreconciled(db, [patient], at).get(patient.patient_id)
    return one is not None and (one.unrecorded or one.elsewhere is not None)


def of_admission(db: Database, patient: PatientSummary) -> list[HomeLine]:
    """The lines naming a medicine of the patient's standing admission (`home_lines`): one letter
    reads a patient's; `unreconciled` reads a ward's admissions at once."""
    return home_lines(current(db, patient.admission_record_id).data.get(FIELD)) if patient.admission_record_id else []


def taken_as_ordered(typed: str, order: Order) -> bool:
    """Whether a line of usual medicines says nothing `order` gives otherwise, of what it says and
    the order compares with (NICE NG5 asks dose, frequency and formulation): its dose, in a unit
    that compares with the order's (a mass with a mass, else the same unit: "two tablets",
    "30/500" say nothing); its doses a day (`PER_DAY`, else its times typed) against the order's
    times, and its days apart (`DAYS_APART`, else daily when it says how often) against the
    order's; as required (`AS_REQUIRED`) or regular (a frequency said) against the order's, how
    often read before when it was last taken (`LAST_TAKEN`); and modified release or not
    (`MODIFIED_RELEASE`) against the order's medicine. Home apixaban 5 mg twice a day charted 5 mg
    once, oxycodone MR twice a day charted as required, and methotrexate weekly charted daily went
    on the letter as given as taken."""
    def in_order_unit(amount: float, unit: str) -> float | None:
        if unit == order.dose_unit:
            return amount
        if unit in MASS_IN_MG and order.dose_unit in MASS_IN_MG:
            return amount * MASS_IN_MG[unit] / MASS_IN_MG[order.dose_unit]
        return None

    said = [in_order_unit(float(amount.replace(",", ".")), TYPED_UNITS.get(unit.lower(), unit.lower()))
            for amount, unit in TYPED_DOSE.findall(typed)]
    compared = [amount for amount in said if amount is not None]
    if compared and order.dose is not None and not any(abs(amount - order.dose) < 1e-9 for amount in compared):
        return False
    if None not in (home := _modified(typed), charted := _modified(order.drug)) and home != charted:
        return False
    taken = LAST_TAKEN.split(typed, maxsplit=1)[0]
    if AS_REQUIRED.search(taken):
        return order.frequency is Frequency.PRN
    per_day, apart = _per_day(taken), _days_apart(taken)
    if per_day is None and apart is None:
        return True
    if order.frequency is Frequency.PRN:
        return False
    return order.frequency is not Frequency.SCHEDULED or (
        order.every_days == (apart or 1) and per_day in (None, len(order.times)))


def _modified(name: str) -> bool | None:
    """Whether a name says modified release (`MODIFIED_RELEASE`), or immediate (a medicine by its
    own name, no word of release), None for a brand, which says nothing in words ("OxyContin",
    "Zomorph", "Diamicron" were read as immediate release, "dose changed in hospital"), or for a
    medicine made only as modified release (`ONLY_MODIFIED`)."""
    if MODIFIED_RELEASE.search(name):
        return True
    return None if named(name) & ONLY_MODIFIED or any(known not in medicine_name(name)
                                                      for known in medicines_in(name)) else False


def _per_day(typed: str) -> int | None:
    """How many doses a day a line says (`PER_DAY`, else the parts of the day it names,
    `DAY_PARTS`, else two or more times of day it types), None unsaid."""
    if (count := next((count for count, words in PER_DAY if words.search(typed)), None)) is not None:
        return count
    if parts := sum(1 for words in DAY_PARTS if words.search(typed)):
        return parts
    times = len({(int(hour), int(minute)) for hour, minute in CLOCK_TIMES.findall(typed)})
    return times if times > 1 else None


def _days_apart(typed: str) -> int | None:
    """How many days apart a line says its doses are (`DAYS_APART`, `EVERY_DAYS`), None unsaid
    or for a dose changing over time (`TAPERING`)."""
    if TAPERING.search(typed):
        return None
    if (every := EVERY_DAYS.search(typed)) is not None:
        return int(every.group(1))
    return next((days for days, words in DAYS_APART if words.search(typed)), None)


@dataclass(frozen=True)
class Unreconciled:
    """An in-patient's home medicines no order of the stay gives (`lines`, as typed), those the
    app knows as time-critical (`critical`) among them, a line saying the list is elsewhere
    (`elsewhere`), and when the stay began."""

    admitted_at: datetime
    lines: tuple[str, ...]
    critical: frozenset[str]
    elsewhere: str | None
    held: Mapping[str, str]
    """The time-critical lines held at reconciliation, with why (`Reconciled.answers`)."""
    reconciled: tuple[Decision, ...] = ()
    """The home medicines held or stopped at reconciliation and not charted since: on the handover
    with why and until when, where nothing said apixaban was held for surgery nor when to restart it."""
    unrecorded: bool = False
    """The list recorded nowhere (`unrecorded`): left blank, it was asked by nothing, ever."""
    still_charted: tuple[Decision, ...] = ()
    """The home medicines held or stopped at reconciliation that an order written before it still
    gives (`Reconciled.still_charted`): asked until the order is held or stopped, at going home too."""

    @property
    def due_at(self) -> datetime:
        """When the reconciliation is due: 24 hours after admission (NICE NG5 1.3.4)."""
        return elapsed.later(self.admitted_at, RECONCILE_WITHIN)

    def said(self, at: datetime, lang: Lang) -> str | None:
        """The line the escalation list and the handover sheet give at `at`: a time-critical
        medicine at once, every one once the 24 hours have gone by, the time-critical first, each
        as typed up to when it was last taken ("last today 08:00" was read a day on), the first
        `SAID_AT_MOST` and how many more (a 21-line list filled a handover cell); and, the 24 hours
        gone by, the list to take when none is recorded (`unrecorded`) or to get when a line says
        it is elsewhere; None when nothing is asked yet."""
        due = elapsed.reached(self.due_at, at)
        asked = [WORDS["held"][lang].format(medicine=as_taken(line), why=self.held[line]) if line in self.held
                 else WORDS["critical"][lang].format(medicine=as_taken(line)) if line in self.critical
                 else as_taken(line)
                 for line in sorted(self.lines, key=lambda line: line not in self.critical)
                 if due or line in self.critical]
        if len(asked) > SAID_AT_MOST:
            asked = [*asked[:SAID_AT_MOST], WORDS["more"][lang].format(more=len(asked) - SAID_AT_MOST)]
        admitted = f"{self.admitted_at.astimezone(at.tzinfo):%d/%m %H:%M}"
        said = [*([WORDS["unrecorded"][lang].format(admitted=admitted)] if due and self.unrecorded else []),
                *([WORDS["line"][lang].format(admitted=admitted, medicines=semicolon(lang).join(asked))] if asked else []),
                *([WORDS["elsewhere"][lang].format(admitted=admitted, line=self.elsewhere)]
                  if due and self.elsewhere else []),
                *(WORDS[f"{one.decision}_at"][lang].format(medicine=as_taken(one.line), why=one.why(lang))
                  for one in self.reconciled),
                *(WORDS[f"{one.decision}_charted"][lang].format(medicine=as_taken(one.line), why=one.why(lang))
                  for one in self.still_charted)]
        return semicolon(lang).join(said) or None


def as_taken(line: str) -> str:
    """A home line up to when the medicine was last taken (`LAST_TAKEN`), its medicine and dose:
    "last today 08:00", typed at admission, was read days on by the ward's line and the going-home
    letter (services.prefill)."""
    return LAST_TAKEN.split(line, maxsplit=1)[0].rstrip(" ,;(-–") or line


def uncovered(lines: Sequence[HomeLine], orders: Sequence[Order], admitted: datetime) -> list[HomeLine]:
    """The home lines none of the patient's `orders` covers: an order in force, or one written and
    stopped or held during the stay begun at `admitted` (the prescriber decided it; the letter
    asks again at going home, `taken_as_ordered`), named as the line is (`named`). A line naming
    several medicines is covered once each has an order. An order of a stay before, stopped
    before this admission, covers nothing."""
    covered = {name for order in orders if order.stop_at is None or order.stop_at > admitted
               for name in named(order.drug)}
    return [line for line in lines if not line.names <= covered]


def unreconciled(db: Database, patients: Sequence[PatientSummary], at: datetime) -> dict[str, Unreconciled]:
    """Each of these in-patients with a home medicine no order of this stay covers (`uncovered`),
    a list said to be elsewhere (`elsewhere`), or none recorded (`unrecorded`), by id; a line a
    medicines reconciliation of the stay held or stopped, or a list said elsewhere it got, as typed
    when reconciled, is answered (`reconciliation.answered`): held or stopped, a home medicine was
    cleared only by an order written and stopped, a MAR row and a prescription sent to the EHR that
    were never meant. A time-critical one held stays asked, for another route (`Reconciled.answers`);
    those answered are handed over as held or stopped (`Unreconciled.reconciled`), and those an
    order written before the reconciliation still gives are asked (`Reconciled.still_charted`); a medicine the
    reconciliation decided that no line of the admission's list names alike
    (`reconciliation.unlisted`: found in the GP letter, or its list typed under an admission left
    blank, apixaban continued and never charted asked by nothing) is read as the admission's lines
    are.

    An admission loaded from the EHR's snapshot was reconciled there: its orders loaded are the
    EHR prescriber's decisions, and a medicine left unordered or held there was decided too (a
    held apixaban was asked to be "charted"); only a time-critical line no order covers is asked,
    and any line added on the ward since the load (`loaded_from_snapshot`, the admission's first
    version); its list left blank is the EHR's to hold, not asked (`unrecorded`)."""
    found: dict[str, Unreconciled] = {}
    ids = [patient.admission_record_id for patient in patients if patient.admission_record_id]
    admissions = current_of(db, ids)
    loaded = {record_id: str(versions[0].data.get(FIELD) or "").splitlines() for record_id, versions in
              histories(db, [one for one in admissions if loaded_from_snapshot(one)]).items()}
    orders_of = medication.orders_of_each(db, [patient.patient_id for patient in patients
                                               if patient.admission_record_id in admissions], at)
    # Imported here: the reconciliation reads its lists with this module's matcher (`named`).
    from downtime.services import reconciliation
    reconciled = reconciliation.answered(db, patients)
    for patient in patients:
        if patient.admission_record_id not in admissions:
            continue
        typed = admissions[patient.admission_record_id].data.get(FIELD)
        as_loaded = {" ".join(line.split()) for line in loaded.get(patient.admission_record_id, [])}
        answered = reconciled.get(patient.patient_id, reconciliation.NOTHING_RECONCILED)
        admitted = datetime.fromisoformat(str(patient.admitted_at))
        listed = home_lines(typed)
        lines = [*listed, *reconciliation.unlisted(answered.decided, listed)]
        uncharted = [line.text for line in uncovered(lines, orders_of[patient.patient_id], admitted)]
        left = [line for line in uncharted if not answered.answers(line, time_critical_drug(line))
                and (line not in as_loaded or time_critical_drug(line))]
        pointed = None if (one := elsewhere(typed)) in as_loaded or one in answered.pointed else one
        held_or_stopped = tuple(answered.decided[line] for line in uncharted
                                if answered.answers(line, time_critical_drug(line)))
        unknown = unrecorded(patient.admission_record_id, typed, patient.patient_id in reconciled)
        charted = tuple(one for line in lines
                        if (one := answered.still_charted(line, orders_of[patient.patient_id], at)) is not None)
        if left or pointed or held_or_stopped or unknown or charted:
            found[patient.patient_id] = Unreconciled(
                admitted, tuple(left), frozenset(line for line in left if time_critical_drug(line)), pointed,
                {line: one.reason or "" for line in left if (one := answered.decided.get(line)) is not None
                 and one.decision == "held"}, held_or_stopped, unknown, charted)
    return found


def handover(db: Database, patients: Sequence[PatientSummary], at: datetime, lang: Lang) -> dict[str, str]:
    """The handover sheet's line of each of these in-patients whose home medicines are not
    reconciled at `at` (`Unreconciled.said`)."""
    return {patient_id: said for patient_id, one in unreconciled(db, patients, at).items()
            if (said := one.said(at, lang)) is not None}
