"""Acute kidney injury (AKI) as a creatinine rise shows it, staged as the NHS England AKI
algorithm (Think Kidneys, 2014; patient safety alert NHS/PSA/D/2014/010) and KDIGO's AKI
guideline (Kidney Int Suppl 2012;2:1-138, table 2) stage it: the creatinine against the lowest
of the results of the 7 days before it (the algorithm's RV1) and against the median of those of
the 8 to 365 days before it (RV2), the higher of the two ratios taken, at 1.5 times stage 1, at
twice stage 2, at three times stage 3, and from 353.6 µmol/L (KDIGO's 4.0 mg/dL) stage 3 with the rise
that makes it an AKI; a rise of 26 µmol/L within 48 hours (KDIGO's 0.3 mg/dL) is stage 1 too.
Results reach the ward as free text: a creatinine is read from a result whose test names it,
whose value is a number, perhaps followed by its unit or the laboratory's flag ("260 µmol/L",
"260 H"), and whose units say µmol/L, mg/dL or mg/L (French laboratories' mg/L); any other is
not read. And the medicines the kidneys' injury asks a doctor to review
(NICE NG148, 2019, 1.5; Think Kidneys' "medicines optimisation" guidance): NSAIDs,
aminoglycosides, vancomycin and teicoplanin, ACE inhibitors, angiotensin receptor blockers,
diuretics, metformin, lithium, iodinated contrast; not aspirin at a cardioprotective dose (up to
300 mg a day, which Think Kidneys continues), nor vancomycin or an aminoglycoside by mouth or
tube (not absorbed: oral vancomycin for C. difficile). And those the kidneys clear, which build
up as they fail, whose dose it asks a doctor to review (Think Kidneys; BNF, "renal impairment"):
a low molecular weight heparin above its prophylactic dose, the direct oral anticoagulants and
fondaparinux, the opioids the kidneys clear (morphine, diamorphine, codeine, dihydrocodeine,
tramadol), the sulfonylureas, digoxin, gabapentin and pregabalin. Apart from an AKI, an eGFR
below 30 mL/min/1.73 m² stops metformin (BNF, MHRA, ANSM): a kidney failed for long shows no
rise, and its eGFR, copied from the report, is read as a creatinine is."""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from downtime.domain import elapsed
from downtime.domain.dose_limits import strengths_mg
from downtime.domain.medication import (ALLERGY_CLASSES, MASS_IN_MG, NOT_REVIEWED_ROUTES, TABLET, Frequency, Order,
                                        medicine_name, medicines_in, route_code, shares_a_medicine)

BASELINE_WITHIN = timedelta(days=7)
"""The results a creatinine is compared with by their lowest: those of the 7 days before it (RV1)."""
MEDIAN_WITHIN = timedelta(days=365)
"""The older results it is compared with by their median (RV2): those after `BASELINE_WITHIN` up
to a year before it, so that an AKI still standing a week on, or a rise since a result of two
weeks before, is staged all the same."""
RISE_WITHIN = timedelta(hours=48)
RISE_UMOL = 26
"""A rise of this many µmol/L within `RISE_WITHIN` is stage 1 whatever the ratio (NHS algorithm's D)."""
STAGE_3_UMOL = 353.6
"""KDIGO's 4.0 mg/dL (40 mg/L) in µmol/L, from which an AKI is stage 3 (NHS England's 354)."""
ROUNDING = 1e-9
"""The share by which a ratio or a value may fall short of a threshold it meets on paper: 1.2 mg/dL
over 0.8 mg/dL is 1.4999999999999998 once each is in µmol/L, and was no AKI where 12 mg/L over
8 mg/L was stage 1."""
RATIOS = ((3.0, 3), (2.0, 2), (1.5, 1))
"""The ratio to the baseline from which each stage is, highest first."""
STANDS_FOR = timedelta(days=7)
"""How long the latest creatinine's stage is said without a newer result: a week's creatinine
says nothing of the kidneys now."""
UNITS_TO_UMOL = {"umol/l": 1.0, "micromol/l": 1.0, "mg/dl": 88.4, "mg/l": 8.84, "mmol/l": 1000.0}
"""What a creatinine in each unit is in µmol/L (creatinine's molar mass 113.12 g/mol)."""
NOT_SERUM = ("urin", "clear", "clair", "ratio", "rapport", "dfg", "gfr", "kinase")
"""Words (their beginnings) by which a test named with creatinine is not the blood's creatinine:
a urine creatinine, its clearance, an albumin:creatinine ratio, an eGFR."""
NEPHROTOXIC_CLASSES = ("nsaid", "aminoglycoside", "ace inhibitor", "contrast")
"""The classes of the allergy tables (domain.medication.ALLERGY_CLASSES) whose members are reviewed."""
POTASSIUM_SPARING = ("spironolactone", "potassium canrenoate", "eplerenone", "amiloride", "triamterene")
"""The potassium-sparing diuretics and aldosterone antagonists (potassium canrenoate, Soludactone,
spironolactone's by vein): diuretics an AKI reviews, and medicines a high potassium holds
(domain.potassium)."""
NEPHROTOXIC = ("vancomycin", "teicoplanin", "metformin", "lithium", "losartan", "candesartan", "irbesartan",
               "valsartan", "olmesartan", "telmisartan", "eprosartan", "azilsartan", "furosemide", "bumetanide",
               "torasemide", "bendroflumethiazide", "hydrochlorothiazide", "indapamide", "metolazone", "chlortalidone",
               *POTASSIUM_SPARING)
"""The others: glycopeptides, metformin, lithium, angiotensin receptor blockers and diuretics."""
ANGIOTENSIN_ENDINGS = ("sartan", "pril")
"""A medicine named in no table but ending so is an angiotensin receptor blocker or an ACE
inhibitor all the same ("Fosinopril"): reviewed in an AKI, held by a high potassium."""
NEPHROTOXIC_ENDINGS = (*ANGIOTENSIN_ENDINGS, "profen", "coxib", "fenac", "icam")
"""Those and an NSAID's ("Dexketoprofène" once stemmed)."""
_REVIEWED = frozenset(medicine_name(name) for name in (
    *(member for cls in NEPHROTOXIC_CLASSES for member in ALLERGY_CLASSES[cls][1]), *NEPHROTOXIC))
DOSE_REVIEWED = frozenset(medicine_name(name) for name in (
    "dabigatran", "rivaroxaban", "apixaban", "edoxaban", "fondaparinux", "morphine", "diamorphine", "codeine",
    "dihydrocodeine", "tramadol", "gliclazide", "glibenclamide", "glimepiride", "glipizide", "tolbutamide", "digoxin",
    "gabapentin", "pregabalin"))
"""Renally cleared medicines whose dose an AKI asks a doctor to review at any dose: bleeding on a
DOAC, the opioids' metabolites' sedation and breathing, a sulfonylurea's lasting hypo, digoxin's
toxicity, the gabapentinoids' drowsiness (`dose_reviewed`)."""
LMWH_PROPHYLAXIS = {medicine_name("enoxaparin"): {"mg": 40.0, "units": 4000.0},
                    medicine_name("tinzaparin"): {"units": 4500.0}, medicine_name("dalteparin"): {"units": 5000.0}}
"""The most of each low molecular weight heparin a day that is a prophylactic dose (BNF:
enoxaparin 20 to 40 mg, 4,000 units; tinzaparin 3,500 to 4,500 units; dalteparin 2,500 to 5,000
units, once a day): above it a treatment dose, whose dose an AKI asks to review; its dose not read
(in another unit, or as required with no most a day), it is reviewed."""
ASPIRIN = medicine_name("aspirin")
ASPIRIN_CARDIOPROTECTIVE_MG = 300.0
"""The most aspirin a day that is the heart's dose, continued through an AKI, not an NSAID's."""
NOT_ABSORBED = frozenset(medicine_name(name) for name in ("vancomycin", *ALLERGY_CLASSES["aminoglycoside"][1]))
"""Those given by mouth or tube (`BY_MOUTH`) for the gut, which does not absorb them."""
BY_MOUTH = frozenset({"PO", "NG"})
FLAGS = r"(?:[(\[]?(?:hh|ll|h|l|b)[)\]]?|\*+|!+)"
"""A laboratory's flag after a value, folded: high, low, very so (French "B", bas), starred."""


EGFR_WORDS = ("egfr", "gfr", "dfg", "ckd", "mdrd")
"""Words (their beginnings) by which a test is an estimated glomerular filtration rate: "eGFR",
"DFG estimé", "CKD-EPI"; not a creatinine clearance, which is measured."""
EGFR_STANDS_FOR = timedelta(days=90)
"""How long the latest eGFR is taken as the kidneys' without a newer one: a chronic kidney
disease is one of at least 3 months (KDIGO 2012), its eGFR stable between reports."""
METFORMIN = medicine_name("metformin")
METFORMIN_STOPPED_BELOW = 30.0
"""The eGFR (mL/min/1.73 m²) below which metformin is stopped (BNF, MHRA, ANSM)."""


def fold(text: str) -> str:
    """Without case or accents, the micro sign and the Greek mu (both typed for µmol/L) as "u"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("\u03bc", "u")


def is_creatinine(test: str) -> bool:
    """Whether a test as the laboratory names it is the blood's creatinine: "Creatinine",
    "Créatinine", "Créatininémie", "Serum creatinine"; not "Urine creatinine" nor "Creatinine
    clearance"."""
    words = re.findall(r"[a-z]+", fold(test))
    return any(word.startswith("creatinin") for word in words) and not any(
        word.startswith(NOT_SERUM) for word in words)


def is_egfr(test: str) -> bool:
    """Whether a test as the laboratory names it is an eGFR (`EGFR_WORDS`): "eGFR", "DFG", "DFG
    (CKD-EPI)", "Estimated GFR", or named in full, "Débit de filtration glomérulaire"."""
    words = re.findall(r"[a-z]+", fold(test))
    return any(word.startswith(EGFR_WORDS) for word in words) or (
        "filtration" in words and any(word.startswith("glomerul") for word in words))


@dataclass(frozen=True)
class EgfrValue:
    """An eGFR as typed: its number, and whether it was said below it ("<30")."""

    value: float
    below: bool = False

    @property
    def stops_metformin(self) -> bool:
        """Below `METFORMIN_STOPPED_BELOW`: "<30" is, though 30 is not."""
        return self.value < METFORMIN_STOPPED_BELOW or (self.below and self.value <= METFORMIN_STOPPED_BELOW)


def egfr_value(result: str) -> EgfrValue | None:
    """An eGFR's value as typed, perhaps after "<" ("<30": under it), or a band ("15-29": up to its
    upper bound), followed by its unit or the laboratory's flag ("22 L"); None for one above a
    number ("> 90") or in words. "<30" was read as 30, not below 30, and metformin given."""
    read = re.fullmatch(rf"(<)?\s*(?:\d+(?:\.\d+)?\s*[-–]\s*)?(\d+(?:\.\d+)?)\s*(?:ml\S*)?\s*{FLAGS}?",
                        fold(result).strip().replace(",", "."))
    return EgfrValue(float(read.group(2)), below=bool(read.group(1))) if read else None


def metformin(order: Order) -> bool:
    """Whether `order` gives metformin, alone or in a combination's brand ("Janumet")."""
    return METFORMIN in medicines_in(order.drug)


def _unit(text: str) -> str:
    return "".join(fold(text).split())


def umol_per_l(result: str, units: str | None) -> float | None:
    """A creatinine's value in µmol/L (`in_units`, by `UNITS_TO_UMOL`): a stage 3 AKI typed "260
    µmol/L" or "260 H", as copied from the report, went unread."""
    return in_units(result, units, UNITS_TO_UMOL)


def in_units(result: str, units: str | None, factors: dict[str, float]) -> float | None:
    """A result's value in the unit `factors` convert to (each unit, folded and without spaces, to
    its factor), read from the result and units as typed ("260" µmol/L, "2,9" mg/dL), the result's
    number perhaps followed by its unit, when Units is empty or says the same, and by the
    laboratory's flag ("260 µmol/L", "6.8 H"); None for a value not a number above nothing ("<40",
    "haemolysed", "0": no ratio is taken to it), units not known, or two units that differ. A
    creatinine's and a potassium's alike (domain.potassium)."""
    read = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(.*?)", fold(result).strip().replace(",", "."))
    if read is None:
        return None
    value, written = read.groups()
    if written and _unit(written) not in factors:
        written = re.sub(rf"\s*{FLAGS}$", "", written)
    typed = [unit for unit in (_unit(written), _unit(units or "")) if unit]
    factor = factors.get(typed[0]) if typed and len(set(typed)) == 1 else None
    if factor is None or float(value) == 0:
        return None
    return float(value) * factor


@dataclass(frozen=True)
class Creatinine:
    """A creatinine result: when its sample was taken (else received) and its value in µmol/L."""

    at: datetime
    umol: float


@dataclass(frozen=True)
class Aki:
    """The stage of an AKI the latest creatinine (`latest`) shows against the baseline
    (`baseline`: the lowest of the 7 days before it, or the median of the 8 to 365 days before,
    whichever it is the higher ratio to)."""

    stage: int
    latest: Creatinine
    baseline: Creatinine

    @property
    def ratio(self) -> float:
        return self.latest.umol / self.baseline.umol


def _median(results: Sequence[Creatinine]) -> Creatinine | None:
    """The median of `results` (RV2), at the time of the later of its two middle results when
    they are an even number; None for none."""
    if not results:
        return None
    ranked = sorted(results, key=lambda one: one.umol)
    middle = ranked[(len(ranked) - 1) // 2: len(ranked) // 2 + 1]
    return Creatinine(max((one.at for one in middle), key=elapsed.instant),
                      statistics.median(one.umol for one in ranked))


def stage(results: Sequence[Creatinine], at: datetime) -> Aki | None:
    """The AKI the latest of `results` up to `at` shows, if any: None with no creatinine in the
    week before `at`, none in the year before it to compare with, or no rise enough to stage."""
    known = sorted((one for one in results if elapsed.reached(one.at, at)), key=lambda one: elapsed.instant(one.at))
    if not known or elapsed.between(known[-1].at, at) > STANDS_FOR:
        return None
    latest = known[-1]
    week = [one for one in known[:-1] if elapsed.between(one.at, latest.at) <= BASELINE_WITHIN]
    year = [one for one in known[:-1] if BASELINE_WITHIN < elapsed.between(one.at, latest.at) <= MEDIAN_WITHIN]
    baselines = [one for one in (min(week, key=lambda one: one.umol, default=None), _median(year))
                 if one is not None]
    if not baselines:
        return None
    baseline = min(baselines, key=lambda one: one.umol)
    ratio = latest.umol / baseline.umol
    found = next((number for least, number in RATIOS if ratio >= least * (1 - ROUNDING)), 0)
    risen = min((one.umol for one in week if elapsed.between(one.at, latest.at) <= RISE_WITHIN),
                default=latest.umol)
    if not found and latest.umol - risen >= RISE_UMOL:
        found = 1
    if found and latest.umol >= STAGE_3_UMOL * (1 - ROUNDING):
        found = 3
    return Aki(found, latest, baseline) if found else None


def nephrotoxic(drug: str, route: str | None, mg_a_day: float | None = None) -> bool:
    """Whether a medicine so given is one an AKI asks a doctor to review: by its name, or a word
    of it ("Lithium carbonate"), a brand's (domain.medication.medicines_in) or its class's
    ending; not one put on the skin or in the eye, ear or nose (gentamicin eye drops), nor one
    the gut does not absorb given by mouth (`NOT_ABSORBED`), nor aspirin alone at `mg_a_day`
    up to `ASPIRIN_CARDIOPROTECTIVE_MG` (its dose not known, it is reviewed)."""
    if route in NOT_REVIEWED_ROUTES:
        return False
    named = medicines_in(drug)
    if route_code(route or "") in BY_MOUTH:
        named -= NOT_ABSORBED
    if mg_a_day is not None and mg_a_day <= ASPIRIN_CARDIOPROTECTIVE_MG:
        named -= {ASPIRIN}
    return bool(named & _REVIEWED) or any(word in _REVIEWED or word.endswith(NEPHROTOXIC_ENDINGS)
                                          for name in named for word in name.split())


def _doses_a_day(order: Order) -> int | None:
    """Its times a day, once for a single dose, its most in 24 hours as required; None when not said."""
    return {Frequency.SCHEDULED: len(order.times), Frequency.ONCE: 1,
            Frequency.PRN: order.max_doses_24h}[order.frequency] or None


def mg_a_day(order: Order) -> float | None:
    """The most of its medicine in mg `order` gives in a day: a dose by weight, a tablet's by the
    one strength its name writes ("Aspirin 75 mg"), or a liquid's by the strength the order states
    (0.4 mL of 40 mg in 0.4 mL), times its times a day, once for a single dose, times its most in 24
    hours as required; None when not read so."""
    if order.dose_unit in MASS_IN_MG:
        each = order.dose * MASS_IN_MG[order.dose_unit]
    elif order.dose_unit == TABLET and len(written := strengths_mg(order.drug) or ()) == 1:
        each = order.dose * written[0]
    elif order.dose_unit == "mL" and order.mg_per_ml is not None:
        each = order.dose * order.mg_per_ml
    else:
        return None
    doses = _doses_a_day(order)
    return None if doses is None else each * doses


ROUNDING_MG = 1e-6
"""What a dose worked out in mL from a strength is off by in floating point (0.4 × 40 / 0.4)."""


def _above_prophylaxis(order: Order, heparin: str) -> bool:
    """Whether `order` gives more of a low molecular weight heparin a day than its prophylactic
    dose (`LMWH_PROPHYLAXIS`), in mg (`mg_a_day`: a syringe's mL by the strength the order states)
    or units as written; True when not read so."""
    most, doses = LMWH_PROPHYLAXIS[heparin], _doses_a_day(order)
    if "mg" in most and (mg := mg_a_day(order)) is not None:
        return mg > most["mg"] + ROUNDING_MG
    if order.dose_unit == "units" and doses is not None:
        return order.dose * doses > most["units"]
    return True


def dose_reviewed(order: Order) -> bool:
    """Whether `order` is of a medicine the kidneys clear whose dose an AKI asks a doctor to review
    (`DOSE_REVIEWED`, a low molecular weight heparin above its prophylactic dose), by a word of its
    medicines' names ("Gliclazide MR", "Morphine sulfate"), given by a route
    that reaches the blood (not `NOT_REVIEWED_ROUTES`: a morphine gel on a wound): enoxaparin 90 mg,
    morphine as required, gliclazide and digoxin were given into an AKI stage 3 unasked."""
    if order.route in NOT_REVIEWED_ROUTES:
        return False
    words = {word for name in medicines_in(order.drug) for word in name.split()}
    return bool(words & DOSE_REVIEWED) or any(_above_prophylaxis(order, heparin)
                                             for heparin in words & LMWH_PROPHYLAXIS.keys())


def lowered(new: Order, old: Order) -> bool:
    """Whether `new`, an amendment of `old`, gives less of its medicine a day by the same route (in
    mg, `mg_a_day`, else in the unit both write): the review an AKI asks of the dose, which a
    doctor lowering pregabalin from 150 mg twice a day to 25 mg once was asked to justify."""
    if route_code(new.route) != route_code(old.route) or not medicines_in(new.drug) & medicines_in(old.drug):
        return False
    if (was := mg_a_day(old)) is not None and (now := mg_a_day(new)) is not None:
        return now < was - ROUNDING_MG
    doses_now, doses_was = _doses_a_day(new), _doses_a_day(old)
    return (new.dose_unit == old.dose_unit and doses_now is not None and doses_was is not None
            and new.dose * doses_now < old.dose * doses_was - ROUNDING_MG)


def harms_kidneys(order: Order) -> bool:
    """Whether `order` gives a medicine an AKI asks a doctor to review as nephrotoxic (`nephrotoxic`),
    at the dose it gives a day."""
    return nephrotoxic(order.drug, order.route, mg_a_day(order))


def reviewed(order: Order) -> bool:
    """Whether an AKI asks a doctor to review `order`: a nephrotoxic medicine (`harms_kidneys`), or
    one whose dose it asks to review (`dose_reviewed`)."""
    return harms_kidneys(order) or dose_reviewed(order)


@dataclass(frozen=True)
class FirstLevel:
    """When a medicine dosed by its levels asks its first one: once `doses` doses are given with
    none taken since the first, or once `within` has passed since the first (whichever comes
    first; None: not by that count)."""

    doses: int | None
    within: timedelta | None = None

    def due(self, given: Sequence[datetime], at: datetime) -> bool:
        """Whether a dose at `at`, after those `given` (the course's, oldest first), waits on a level."""
        return bool(given) and ((self.doses is not None and len(given) >= self.doses) or (
            self.within is not None and elapsed.between(given[0], at) >= self.within))


AMINOGLYCOSIDE_FIRST_LEVEL = FirstLevel(doses=2)
"""An aminoglycoside's level is taken after its first or second dose (Hartford's 6 to 14 hours
after the first, or a trough before the next): its third with none ran blind."""
FIRST_LEVEL = {"vancomycin": FirstLevel(doses=3, within=timedelta(hours=48)),
               "teicoplanin": FirstLevel(doses=None, within=timedelta(days=4)),
               "dalbavancin": FirstLevel(doses=None), "oritavancin": FirstLevel(doses=None)}
"""The glycopeptides' own (SPC, BNF, the ASHP/IDSA 2020 vancomycin guideline): vancomycin's first
trough before its 4th dose or by 48 hours, teicoplanin's at steady state by day 5 (never before
its third loading dose), and dalbavancin and oritavancin, given once or twice, never: each was
held "NO LEVEL SENT" at the third dose, a septic patient's teicoplanin loading waiting on a
level no laboratory interprets."""


def first_level(drug: str) -> FirstLevel:
    """When `drug`, one its levels decide (domain.medication.levelled), asks its first level
    (`FIRST_LEVEL`, else an aminoglycoside's)."""
    return next((rule for name, rule in FIRST_LEVEL.items() if shares_a_medicine(drug, name)),
                AMINOGLYCOSIDE_FIRST_LEVEL)
