"""Acute kidney injury (AKI) as a creatinine rise shows it, staged as the NHS England AKI
algorithm (Think Kidneys, 2014; patient safety alert NHS/PSA/D/2014/010) and KDIGO's AKI
guideline (Kidney Int Suppl 2012;2:1-138, table 2) stage it: the creatinine against the lowest
of the results of the 7 days before it (the algorithm's RV1) and against the median of those of
the 8 to 365 days before it (RV2), the higher of the two ratios taken, at 1.5 times stage 1, at
twice stage 2, at three times stage 3, and from 354 µmol/L (KDIGO's 4.0 mg/dL) stage 3 with the rise
that makes it an AKI; a rise of 26 µmol/L within 48 hours (KDIGO's 0.3 mg/dL) is stage 1 too.
Results reach the ward as free text: a creatinine is read from a result whose test names it,
whose value is a number, perhaps followed by its unit or the laboratory's flag ("260 µmol/L",
"260 H"), and whose units say µmol/L, mg/dL or mg/L (French laboratories' mg/L); any other is
not read. And the medicines the kidneys' injury asks a doctor to review
(NICE NG148, 2019, 1.5; Think Kidneys' "medicines optimisation" guidance): NSAIDs,
aminoglycosides, vancomycin and teicoplanin, ACE inhibitors, angiotensin receptor blockers,
diuretics, metformin, lithium, iodinated contrast; not aspirin at a cardioprotective dose (up to
300 mg a day, which Think Kidneys continues), nor vancomycin or an aminoglycoside by mouth or
tube (not absorbed: oral vancomycin for C. difficile)."""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from downtime.domain import elapsed
from downtime.domain.dose_limits import strengths_mg
from downtime.domain.medication import (ALLERGY_CLASSES, MASS_IN_MG, NOT_REVIEWED_ROUTES, Frequency, Order,
                                        medicine_name, medicines_in, route_code)

BASELINE_WITHIN = timedelta(days=7)
"""The results a creatinine is compared with by their lowest: those of the 7 days before it (RV1)."""
MEDIAN_WITHIN = timedelta(days=365)
"""The older results it is compared with by their median (RV2): those after `BASELINE_WITHIN` up
to a year before it, so that an AKI still standing a week on, or a rise since a result of two
weeks before, is staged all the same."""
RISE_WITHIN = timedelta(hours=48)
RISE_UMOL = 26
"""A rise of this many µmol/L within `RISE_WITHIN` is stage 1 whatever the ratio (NHS algorithm's D)."""
STAGE_3_UMOL = 354
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
NEPHROTOXIC = ("vancomycin", "teicoplanin", "metformin", "lithium", "losartan", "candesartan", "irbesartan",
               "valsartan", "olmesartan", "telmisartan", "eprosartan", "azilsartan", "furosemide", "bumetanide",
               "torasemide", "bendroflumethiazide", "hydrochlorothiazide", "indapamide", "metolazone", "chlortalidone",
               "spironolactone", "eplerenone", "amiloride", "triamterene")
"""The others: glycopeptides, metformin, lithium, angiotensin receptor blockers and diuretics."""
NEPHROTOXIC_ENDINGS = ("sartan", "profen", "coxib", "fenac", "icam", "pril")
"""A medicine named in no table but ending so is an angiotensin receptor blocker, an NSAID or an
ACE inhibitor all the same ("Fosinopril", "Dexketoprofène" once stemmed)."""
_REVIEWED = frozenset(medicine_name(name) for name in (
    *(member for cls in NEPHROTOXIC_CLASSES for member in ALLERGY_CLASSES[cls][1]), *NEPHROTOXIC))
ASPIRIN = medicine_name("aspirin")
ASPIRIN_CARDIOPROTECTIVE_MG = 300.0
"""The most aspirin a day that is the heart's dose, continued through an AKI, not an NSAID's."""
NOT_ABSORBED = frozenset(medicine_name(name) for name in ("vancomycin", *ALLERGY_CLASSES["aminoglycoside"][1]))
"""Those given by mouth or tube (`BY_MOUTH`) for the gut, which does not absorb them."""
BY_MOUTH = frozenset({"PO", "NG"})
FLAGS = r"(?:[(\[]?(?:hh|ll|h|l|b)[)\]]?|\*+|!+)"
"""A laboratory's flag after a value, folded: high, low, very so (French "B", bas), starred."""


def _fold(text: str) -> str:
    """Without case or accents, the micro sign and the Greek mu (both typed for µmol/L) as "u"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("\u03bc", "u")


def is_creatinine(test: str) -> bool:
    """Whether a test as the laboratory names it is the blood's creatinine: "Creatinine",
    "Créatinine", "Créatininémie", "Serum creatinine"; not "Urine creatinine" nor "Creatinine
    clearance"."""
    words = re.findall(r"[a-z]+", _fold(test))
    return any(word.startswith("creatinin") for word in words) and not any(
        word.startswith(NOT_SERUM) for word in words)


def _unit(text: str) -> str:
    return "".join(_fold(text).split())


def umol_per_l(result: str, units: str | None) -> float | None:
    """A creatinine's value in µmol/L, read from the result and units as typed ("260" µmol/L,
    "2,9" mg/dL), the result's number perhaps followed by its unit, when Units is empty or says
    the same, and by the laboratory's flag, as copied from the report ("260 µmol/L", "260 H": a
    stage 3 AKI went unread); None for a value not a number above nothing ("<40", "haemolysed",
    "0": no ratio is taken to it), units not known, or two units that differ."""
    read = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(.*?)", _fold(result).strip().replace(",", "."))
    if read is None:
        return None
    value, written = read.groups()
    if written and _unit(written) not in UNITS_TO_UMOL:
        written = re.sub(rf"\s*{FLAGS}$", "", written)
    typed = [unit for unit in (_unit(written), _unit(units or "")) if unit]
    factor = UNITS_TO_UMOL.get(typed[0]) if typed and len(set(typed)) == 1 else None
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
    found = next((number for least, number in RATIOS if ratio >= least), 0)
    risen = min((one.umol for one in week if elapsed.between(one.at, latest.at) <= RISE_WITHIN),
                default=latest.umol)
    if not found and latest.umol - risen >= RISE_UMOL:
        found = 1
    if found and latest.umol >= STAGE_3_UMOL:
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


def mg_a_day(order: Order) -> float | None:
    """The most of its medicine in mg `order` gives in a day: a dose by weight, or a tablet's by
    the one strength its name writes ("Aspirin 75 mg"), times its times a day, once for a single
    dose, times its most in 24 hours as required; None when not read so."""
    if order.dose_unit in MASS_IN_MG:
        each = order.dose * MASS_IN_MG[order.dose_unit]
    elif order.dose_unit == "tablet" and len(written := strengths_mg(order.drug) or ()) == 1:
        each = order.dose * written[0]
    else:
        return None
    doses = {Frequency.SCHEDULED: len(order.times), Frequency.ONCE: 1,
             Frequency.PRN: order.max_doses_24h}[order.frequency]
    return None if not doses else each * doses


def reviewed(order: Order) -> bool:
    """Whether an AKI asks a doctor to review `order` (`nephrotoxic`), at the dose it gives a day."""
    return nephrotoxic(order.drug, order.route, mg_a_day(order))
