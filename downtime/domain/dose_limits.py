"""The most of a medicine a patient may have, whatever its order says: in one dose, in any 24
hours and how close two doses may be, for the few medicines a ward gives every day whose
overdose hurts. An order's own maximum (an as-required order's doses in 24 h) is the
prescriber's; this one is the medicine's, and it holds across every order giving it (regular,
once-only, as required, and a combination product's share: co-codamol is paracetamol too).

Sources: BNF and BNF for Children (NICE, 2024), ANSM (France) summaries of product
characteristics.
- Paracetamol: adult 0.5-1 g a dose, at least 4 h apart, at most 4 g in 24 h; adult under
  50 kg at most 60 mg/kg in 24 h (BNF, MHRA 2010 for IV, which also caps it at 3 g: 60 mg/kg
  under 50 kg never reaches it). Child 15 mg/kg a dose and 60 mg/kg in 24 h (ANSM; BNFc allows
  up to 75 mg/kg for some ages, and a post-operative loading dose of 20-30 mg/kg: 60 is taken
  as the point where the nurse is asked, and the prescriber above 15 and 60, refused only above
  30 mg/kg a dose and 90 mg/kg in 24 h from 3 months, never above the adult's doses; a neonate's
  and a baby's under 3 months refused above 15 and 60 as before: BNFc's most for them is 60 mg/kg
  in 24 h, 30 under 32 weeks' gestation); from 12 years and 50 kg
  an adult's (BNFc 12-17 years: 0.5-1 g a dose, at most 4 g; ANSM: adult doses from 50 kg), a
  60 kg teenager's gram not held to
  15 mg/kg. 6 h apart in renal impairment is not weighed here.
- Ibuprofen: adult at most 2.4 g in 24 h (BNF); child 10 mg/kg a dose and 30 mg/kg in 24 h
  (ANSM; BNFc 5-10 mg/kg, 30 mg/kg a day).
- Codeine: 30-60 mg a dose, at least 4 h apart, at most 240 mg in 24 h (BNF); never under 12
  years (MHRA 2013, ANSM 2013, EMA 2015: children who turn it into morphine fast stopped
  breathing after ordinary doses), co-codamol's and Dafalgan codéiné's share too.
- Tramadol: at most 400 mg in 24 h (BNF); its slow-release doses (200 mg, 12-hourly) leave
  no single dose or interval to hold all its forms to. A child (BNFc; ANSM's drops from 3
  years): 1-2 mg/kg a dose, at most 8 mg/kg in 24 h, asked above them up to the adult's 400 mg;
  not usually given under 3 years (the FDA: under 12), asked; from 12 years an adult's, weighed
  or not (BNFc 12-17 years: 50-100 mg every 4-6 h, at most 400 mg; ANSM's capsules from 15).
- Aspirin: at most 4 g in 24 h (BNF). Not given under 16 years (MHRA, BNFc: Reye's syndrome)
  but for a named indication (Kawasaki disease, after heart surgery): asked, the indication as
  the reason.
- Paracetamol by vein goes by weight at any age (Perfalgan SmPC; MHRA Drug Safety Update,
  December 2010, after tenfold errors in babies given millilitres for milligrams): 10 kg or
  less, 7.5 mg/kg a dose and at most 30 mg/kg in 24 h (BNFc: 10 mg/kg, at most 30 mg/kg:
  the SmPC's 7.5 is taken); up to 50 kg, 15 mg/kg a dose and 60 mg/kg in 24 h, an adult's
  too, so an adult never weighed is asked to be weighed before it, as a child is. A preterm
  neonate's less (BNFc: 7.5 mg/kg, at most 25 mg/kg) needs the gestation the app does not keep.
- Ibuprofen by mouth is not given under 3 months nor under 5 kg (ANSM; BNFc doses it from 3
  months): asked, a neonatal unit may mean it (a duct closed by mouth).
- Antibiotics a child is dosed by weight (BNFc 2024): above it asked, as a dose meant above
  the usual is common (meningitis, cystic fibrosis) and the reason is then kept in the order; a
  tenfold slip is far above it, and refused where a ceiling is known. Gentamicin 7 mg/kg once a
  day, 7.5 mg/kg in 24 h (2.5 mg/kg every 8 h; a neonate's 5 mg/kg is within it; cystic
  fibrosis's 10 mg/kg is asked), refused whatever the reason above 15 mg/kg a dose or in 24 h,
  twice BNFc's most, which no child's regimen reaches (840 mg for a 12 kg toddler, 70 mg/kg, was
  saved with the reason "ok"), a neonate's above 10 mg/kg, twice BNFc's neonatal 5 mg/kg; by
  vein or IM only (BNFc's nebulised gentamicin in cystic fibrosis, 80 mg twice a day from 2
  years, goes by no weight). Amoxicillin 60 mg/kg a dose and 180 mg/kg in 24 h by vein in
  severe infection (the meningitis doses, 50 mg/kg every 4 h, are asked), at most 2 g a dose at any age (BNF, BNFc), an
  adult at most 12 g in 24 h (BNF, 2 g every 4 h); by mouth at most 3 g a dose (BNF, the EU
  summary of product characteristics: 3 g twice a day in a severe or recurrent chest infection, 3
  g repeated after 8 h for a dental abscess, 2 g once before a dental procedure; the usual 500 mg
  to 1 g), a child's 45 mg/kg a dose and 90 mg/kg in 24 h (the EU summary
  of product characteristics' 40-90 mg/kg a day in two or three doses; BNFc's 30 mg/kg three
  times a day is within it). Cefotaxime 50 mg/kg a dose and 200 mg/kg in 24 h (the meningitis dose, 50 mg/kg
  every 6 h), an adult at most 12 g.
  Ceftriaxone 80 mg/kg a dose and 100 mg/kg in 24 h (80 mg/kg once a day, or 50 mg/kg twice),
  an adult at most 4 g. Benzylpenicillin 50 mg/kg a dose and 300 mg/kg in 24 h (the severe
  infection's and meningitis's 50 mg/kg every 4 hours, at most 2.4 g a dose), an adult at most
  2.4 g a dose and 14.4 g in 24 h (2.4 g every 4 hours, endocarditis, meningitis).
- An adult's gentamicin goes by weight too, and by levels the app does not hold: once a day 5-7
  mg/kg (BNF), 7 mg/kg every 24, 36 or 48 h by the creatinine clearance (the Hartford protocol
  UK trusts follow), or 3-5 mg/kg a day in divided doses every 8 h (BNF). Asked above 7 mg/kg a
  dose and in 24 h, by the adjusted body weight when the actual weight is over 120 % of the
  ideal (BNF: in obesity, by the ideal weight for height; the trusts' protocols adjust it,
  `weight.adjusted_kg`, as the ideal alone underdoses), by the actual weight, said so, when no
  height is recorded; and an
  adult never weighed is asked to be weighed, as a child is. Given once a day, its next dose at
  least 20 h after the last (the protocol's shortest interval is 24 h; 20 leaves a dose moved
  to the ward's round time): a stat dose at 18:00 and the daily one at 08:00 the next morning
  are two doses in 14 h. The renal function that decides the interval is not held.
- Vancomycin by vein (BNF 2024, and its SmPC): 15-20 mg/kg every 8-12 h, at most 2 g a dose,
  a seriously ill patient's loading dose 25-30 mg/kg, by the actual weight; asked above 30 mg/kg
  or 2 g a dose and 60 mg/kg (20 mg/kg every 8 h) or 4.5 g in 24 h, as a dose guided by levels
  may be meant above them and a tenfold slip (10 g for 1 g) is far above; by mouth (Clostridioides
  difficile, 125-500 mg every 6 h) it is within them and not dosed by weight. A child (BNFc): 10-15
  mg/kg every 6 h under 12 years, 15-20 mg/kg every 8-12 h from 12, so at most 20 mg/kg a dose
  and 60 mg/kg in 24 h; a neonate 15 mg/kg every 8 to 24 h by its corrected gestational age, so
  at most 15 mg/kg a dose and 45 mg/kg in 24 h.
- A neonate's (its first 28 days, BNFc) antibiotics are not a child's: gentamicin 5 mg/kg a
  dose, every 24 h from 7 days and every 36 h before (the 36 h is not weighed: the order form's
  times cannot say it, and BNFc counts those days by corrected gestational age, which the app
  does not keep), so at most 5 mg/kg in 24 h; benzylpenicillin 50 mg/kg a dose at most every 8
  hours (severe infection), 150 mg/kg in 24 h.
- Enoxaparin (high-alert, BNF and SmPC): treatment 1.5 mg/kg once a day or 1 mg/kg twice a day,
  prophylaxis 20-40 mg once a day, by the actual weight; 100 IU is 1 mg (Lovenox 4000 UI is 40
  mg), an order in units weighed so. Asked above 1.75 mg/kg a dose or 2.3 mg/kg in 24 h, room
  for a dose rounded up to the syringe (1 mg/kg twice a day for 75 kg as 80 mg, 1.5 mg/kg for 76
  kg as the 120 mg syringe: about 15 %, as dose-banding tables round), refused above ten times
  the usual, 15 mg/kg a dose or 20 in 24 h (a slip of the decimal point); an adult never weighed asked to be weighed
  above the 40 mg of prophylaxis; a dose under 10 mg asked as a dose by the kg written as the dose
  (1.5 mg for 1.5 mg/kg). A child (BNFc): a neonate's 1.5 mg/kg every 12 h at most, asked above
  it, refused above ten times it. Tinzaparin and dalteparin, dosed in units alone, are not
  weighed: the limits are in mg.
- Amikacin (BNF, ANSM/SPILF 2011): 15 mg/kg once a day, up to 30 mg/kg once a day in cystic
  fibrosis (BNF, BNFc) and 25-30 mg/kg in septic shock; asked above 30 mg/kg, as gentamicin above
  the top of its range, by vein or IM only (inhaled liposomal amikacin, Arikayce 590 mg, goes by
  no weight), an obese adult by the adjusted weight as gentamicin (15 g a course not weighed).
- By the age alone (BNFc): promethazine is contraindicated under 2 years (fatal respiratory
  depression) and metoclopramide under 1 year (EMA 2013: extrapyramidal reactions), refused;
  loperamide is not for acute diarrhoea under 4 years (ileus), asked, as BNFc gives it from 1
  month in chronic diarrhoea.
- Benzylpenicillin in units: French wards write it in millions of units (pénicilline G 1 MUI is
  600 mg, BNF), which the order form cannot hold (its dose stops at 100 000, and it has no
  million units): an order of it in units is refused, saying what a million units is in mg, and
  it is written in mg, which its limits weigh.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Literal

from downtime.domain.weight import adjusted_kg
from downtime.i18n import QT_TRANSLATE_NOOP, Number, Phrase

ADULT_FROM_YEARS = 18
"""From this age a patient is dosed as an adult (BNFc covers children up to 18)."""
LOW_WEIGHT_KG = 50.0
"""An adult lighter than this is dosed by weight where the medicine's rule says so."""


BY_VEIN = frozenset({"IV"})
BY_MOUTH = frozenset({"PO", "NG"})


@dataclass(frozen=True)
class ByWeight:
    """A product's limits by weight at any age, by `routes` (the form's codes), for a patient of
    `up_to_kg` or less (paracetamol by vein, whose SmPC doses by weight, not age)."""

    routes: frozenset[str]
    up_to_kg: float
    dose_mg_kg: float
    day_mg_kg: float


@dataclass(frozen=True)
class ByRoute:
    """A medicine's most in one dose and a child's figures by `routes` (the form's codes), over the
    rule's: amoxicillin by mouth is at most 3 g a dose, by vein 2 g (BNF, BNFc), and one figure
    for both let 58 mg/kg by mouth to a toddler through as the 60 mg/kg of severe infection by
    vein."""

    routes: frozenset[str]
    dose_mg: float
    child_dose_mg_kg: float
    child_day_mg_kg: float


@dataclass(frozen=True)
class AsAdult:
    """From how old and how heavy a child is dosed as an adult, where both BNFc and the ANSM say
    so (paracetamol: BNFc's 12-17 years and the ANSM's 50 kg): an adult's dose by the child's kg
    held every gram a 60 kg teenager was given to 15 mg/kg, and asked a reason each time. `kg`
    None: from that age whatever the weight, known or not (tramadol: BNFc's 12-17 years are
    dosed in mg, and a 15-year-old's usual 100 mg was asked by a young child's 2 mg/kg)."""

    years: int
    kg: float | None = None


@dataclass(frozen=True)
class AskedUpTo:
    """A child's figures up to which an order above the child's usual (`Rule.child_dose_mg_kg`,
    `child_day_mg_kg`) is asked, its reason kept, and refused only above (None: an adult's):
    BNFc's post-operative loading dose of paracetamol, 20-30 mg/kg, was refused with no reason
    possible, and so was a measurable 4 mL of 120 mg in 5 mL for a 6.1 kg baby (15.7 mg/kg).
    `from_months`: the age they hold from, a rule's bands the latest its age reached (BNFc holds a
    neonate's paracetamol to 60 mg/kg in 24 h: 88 mg/kg for a 10-day-old was asked; and gives a
    single loading dose of 20 mg/kg from 32 weeks' corrected age, refused whatever the reason)."""

    dose_mg_kg: float | None = None
    day_mg_kg: float | None = None
    from_months: int = 0


@dataclass(frozen=True)
class YoungWords:
    """What a medicine not given (`Rule.from_years`), or not usually given (`Rule.from_months`), to
    a patient so young says, marked for the catalogue: when the order is written (`ordered`, a
    reason asked in `{field}` for the latter) and at the bedside."""

    ordered: str
    bedside: str


NEONATE_UNTIL_DAYS = 28
"""A baby is a neonate for its first 28 days (BNFc), whose antibiotics go by its own doses."""


@dataclass(frozen=True)
class Neonate:
    """A medicine's limits by weight for a neonate, where BNFc's neonatal doses are not a child's
    (gentamicin 5 mg/kg, not 7: an adult's 350 mg to a 3.4 kg baby was judged against 7)."""

    dose_mg_kg: float
    day_mg_kg: float
    refused_mg_kg: tuple[float, float] | None = None
    """The mg/kg a dose and in 24 h an order is refused above whatever the reason, asked up to
    them (None: asked at any dose): a 3 kg baby's 150 mg of gentamicin, 50 mg/kg, was saved with
    the reason "ok"."""


@dataclass(frozen=True)
class AdultByWeight:
    """A medicine's limits by weight for an adult, where it is dosed by weight at every age and
    its mg alone would let a tenfold slip through (gentamicin 4300 mg for 430, vancomycin 10 g for
    1), by `routes` (empty: any; vancomycin by mouth is not dosed by weight). `adjusted`: an obese
    patient's by their adjusted body weight (gentamicin, which fat takes little of), the ideal
    weight worked out from the height recorded; otherwise by the actual weight (vancomycin)."""

    dose_mg_kg: float
    day_mg_kg: float
    routes: frozenset[str] = frozenset()
    adjusted: bool = False
    refused_mg_kg: tuple[float, float] | None = None
    """The mg/kg a dose and in 24 h an order is refused above whatever the reason, asked up to
    them (None: asked at any dose): enoxaparin's tenfold slip, 1000 mg for 45 kg, was saved
    unasked."""


@dataclass(frozen=True)
class MillionUnits:
    """What a million units of a medicine written in millions of units (MUI) is in mg, by its
    salt: benzylpenicillin sodium's 600 mg is not benzathine benzylpenicillin's 750, and an
    Extencilline 2.4 MUI written as 1440 mg by the sodium's figure is four fifths of the vial."""

    mg: float
    salt: str
    """The salt the figure is of, marked for the catalogue ("benzylpenicillin sodium")."""
    source: str


@dataclass(frozen=True)
class Rule:
    """A medicine's limits, in mg. `low_weight_day_mg_kg`: an adult's under `LOW_WEIGHT_KG`;
    `adult`: an adult's by weight at any weight (`AdultByWeight`);
    `child_…`: under `ADULT_FROM_YEARS` (but from `as_adult`), never above an adult's, asked
    above them up to `child_asked_up_to` when the order is written; `neonate`:
    a neonate's, over a child's; `by_weight`: the first band the order's route and the patient's
    weight fall in, over all of them."""

    name: str
    """The medicine as a warning names it, marked for the catalogue ("Paracétamol")."""
    day_mg: float
    dose_mg: float | None = None
    interval: timedelta | None = None
    daily_interval: timedelta | None = None
    """How close two doses may be when the dose's order is given once a day (a regular order of
    one time, or once only): gentamicin's extended interval, where its 8-hourly regimen's doses
    are 8 h apart."""
    low_weight_day_mg_kg: float | None = None
    child_day_mg_kg: float | None = None
    child_dose_mg_kg: float | None = None
    child_asked_up_to: tuple[AskedUpTo, ...] = ()
    as_adult: AsAdult | None = None
    from_years: int | None = None
    """Not given at all under this age, whatever the dose."""
    from_months: int | None = None
    from_kg: float | None = None
    from_routes: frozenset[str] = frozenset()
    """`from_months`, `from_kg`: not usually given younger or lighter by `from_routes` (empty:
    any), asked rather than refused (oral ibuprofen under 3 months, a neonatal unit's duct)."""
    from_words: YoungWords | None = None
    """What `from_years` or `from_months` says with the medicine's reason (None: codeine's,
    `order_units.NOT_UNDER`, or a baby's by months and kg, `order_units.NOT_USUALLY_UNDER`, and their
    bedside words in `medication`)."""
    by_weight: tuple[ByWeight, ...] = ()
    by_route: tuple[ByRoute, ...] = ()
    """The first whose routes hold the order's, over the rule's dose and child's figures."""
    weighed_routes: frozenset[str] = frozenset()
    """The routes its figures by weight (a child's, a neonate's, an adult's) hold by (empty: any);
    by another it goes by no weight: BNFc's nebulised gentamicin in cystic fibrosis is 80 mg twice
    a day whatever the child weighs, and a light 2-year-old's was refused above 15 mg/kg."""
    adult: AdultByWeight | None = None
    neonate: Neonate | None = None
    million_units: MillionUnits | None = None
    """A medicine written in millions of units (MUI), which the order form cannot hold: what a
    million units is in mg, for its order in units to say so (see `order_units.unit_refusal`)."""
    asked: bool = False
    """Above its limits the order is asked, the prescriber's reason kept, not refused: a dose
    meant above the usual is common (an antibiotic's in meningitis); a child's up to its
    `child_asked_up_to` only, where the rule has some (gentamicin's 15 mg/kg: 70 mg/kg for a
    toddler, a tenfold slip, was saved with the reason "ok")."""
    mg_per_unit: float | None = None
    """What one unit (IU) of a medicine also written in units is in mg, for its limits to weigh an
    order in units (enoxaparin: 100 IU is 1 mg, Lovenox 4000 UI being 40 mg)."""
    fixed_mg: float | None = None
    """An adult's fixed dose given whatever the weight, up to which a patient never weighed is
    not asked to be weighed (enoxaparin's 40 mg of prophylaxis; its treatment goes by the kg)."""
    least_mg: float | None = None
    """An adult's least usual dose, below which the order is asked as a dose by the kg written as
    the dose (enoxaparin 1.5 mg for 1.5 mg/kg)."""


NO_ADULT_MOST = float("inf")
"""An adult's most in mg for a medicine dosed by weight at every age (gentamicin): none but by
the kg (`Rule.adult`); or for one held here by the age alone (promethazine): none."""

RULES: dict[str, Rule] = {
    "paracetamol": Rule(QT_TRANSLATE_NOOP("messages", "Paracetamol"), day_mg=4000, dose_mg=1000,
                        interval=timedelta(hours=4), low_weight_day_mg_kg=60, child_day_mg_kg=60,
                        child_dose_mg_kg=15,
                        child_asked_up_to=(AskedUpTo(20, 60), AskedUpTo(30, 90, from_months=3)),
                        as_adult=AsAdult(12, LOW_WEIGHT_KG),
                        by_weight=(ByWeight(BY_VEIN, 10, 7.5, 30), ByWeight(BY_VEIN, 50, 15, 60))),
    "ibuprofen": Rule(QT_TRANSLATE_NOOP("messages", "Ibuprofen"), day_mg=2400, child_day_mg_kg=30, child_dose_mg_kg=10,
                      from_months=3, from_kg=5, from_routes=BY_MOUTH),
    "codeine": Rule(QT_TRANSLATE_NOOP("messages", "Codeine"), day_mg=240, dose_mg=60, interval=timedelta(hours=4),
                    from_years=12),
    "tramadol": Rule(QT_TRANSLATE_NOOP("messages", "Tramadol"), day_mg=400, child_dose_mg_kg=2, child_day_mg_kg=8,
                     child_asked_up_to=(AskedUpTo(),), as_adult=AsAdult(12), from_months=36,
                     from_words=YoungWords(QT_TRANSLATE_NOOP(
                         "messages", "{medicine} is not usually given under 3 years (ANSM; the FDA: under 12, "
                                     "children who turn it fast into its opioid have stopped breathing): check it is "
                                     "meant, and give the reason in “{field}”."), QT_TRANSLATE_NOOP(
                         "messages", "{medicine} is not usually given under 3 years (ANSM; the FDA: under 12, "
                                     "children who turn it fast into its opioid have stopped breathing): check with "
                                     "the prescriber that it is meant before giving it."))),
    "aspirin": Rule(QT_TRANSLATE_NOOP("messages", "Aspirin"), day_mg=4000, from_months=192, from_words=YoungWords(
        QT_TRANSLATE_NOOP("messages", "{medicine} is not given under 16 years (Reye's syndrome: MHRA, BNFc) but for a "
                                      "named indication (Kawasaki disease, after heart surgery): give the indication "
                                      "in “{field}”."),
        QT_TRANSLATE_NOOP("messages", "{medicine} is not given under 16 years (Reye's syndrome: MHRA, BNFc) but for a "
                                      "named indication (Kawasaki disease, after heart surgery): check the indication "
                                      "with the prescriber before giving it."))),
    "gentamicin": Rule(QT_TRANSLATE_NOOP("messages", "Gentamicin"), day_mg=NO_ADULT_MOST, child_dose_mg_kg=7,
                       child_day_mg_kg=7.5, child_asked_up_to=(AskedUpTo(15, 15),),
                       adult=AdultByWeight(7, 7, adjusted=True), neonate=Neonate(5, 5, refused_mg_kg=(10, 10)),
                       weighed_routes=BY_VEIN | {"IM"}, daily_interval=timedelta(hours=20), asked=True),
    "vancomycin": Rule(QT_TRANSLATE_NOOP("messages", "Vancomycin"), day_mg=4500, dose_mg=2000, child_dose_mg_kg=20,
                       child_day_mg_kg=60, adult=AdultByWeight(30, 60, BY_VEIN), neonate=Neonate(15, 45), asked=True),
    "benzylpenicillin": Rule(QT_TRANSLATE_NOOP("messages", "Benzylpenicillin"), day_mg=14400, dose_mg=2400,
                             child_dose_mg_kg=50, child_day_mg_kg=300, neonate=Neonate(50, 150),
                             million_units=MillionUnits(600, QT_TRANSLATE_NOOP("messages", "benzylpenicillin sodium"),
                                                        "BNF"), asked=True),
    # The depot salt (Extencilline), by deep IM injection only, once or once a week (MSF, Essential
    # drugs): 1.2 MIU is 900 mg; a child's 50,000 IU (37.5 mg)/kg, at most 2.4 MIU (1.8 g), an
    # adult's 2.4 MIU. Keyed by its brand: `medicines_in` reads the INN as the salt and the
    # benzylpenicillin it names (`order_units.named_limits` keeps the salt's).
    "extencilline": Rule(QT_TRANSLATE_NOOP("messages", "Benzathine benzylpenicillin"), day_mg=1800, dose_mg=1800,
                         child_dose_mg_kg=37.5, child_day_mg_kg=37.5,
                         million_units=MillionUnits(750, QT_TRANSLATE_NOOP("messages", "benzathine benzylpenicillin"),
                                                    "MSF"), asked=True),
    "amoxicillin": Rule(QT_TRANSLATE_NOOP("messages", "Amoxicillin"), day_mg=12000, dose_mg=2000, child_dose_mg_kg=60,
                        child_day_mg_kg=180, by_route=(ByRoute(BY_MOUTH, 3000, 45, 90),), asked=True),
    "cefotaxime": Rule(QT_TRANSLATE_NOOP("messages", "Cefotaxime"), day_mg=12000, child_dose_mg_kg=50,
                       child_day_mg_kg=200, asked=True),
    "ceftriaxone": Rule(QT_TRANSLATE_NOOP("messages", "Ceftriaxone"), day_mg=4000, dose_mg=4000, child_dose_mg_kg=80,
                        child_day_mg_kg=100, asked=True),
    "enoxaparin": Rule(QT_TRANSLATE_NOOP("messages", "Enoxaparin"), day_mg=NO_ADULT_MOST, child_dose_mg_kg=1.5,
                       child_day_mg_kg=3, child_asked_up_to=(AskedUpTo(15, 30),),
                       adult=AdultByWeight(1.75, 2.3, refused_mg_kg=(15, 20)), mg_per_unit=0.01, fixed_mg=40,
                       least_mg=10),
    # Held by the age alone (BNFc 2024), their doses not weighed here: a 7-month-old's of each was
    # saved unasked (review R1 D4). Promethazine and metoclopramide are contraindicated, refused
    # as codeine is; loperamide under 4 is not for acute diarrhoea, but BNFc gives it from 1 month
    # in chronic diarrhoea: asked, the reason kept, as tramadol's under 3.
    "promethazine": Rule(QT_TRANSLATE_NOOP("messages", "Promethazine"), day_mg=NO_ADULT_MOST, from_years=2,
                         from_words=YoungWords(QT_TRANSLATE_NOOP(
                             "messages", "{medicine} is contraindicated under 2 years (BNFc: fatal respiratory "
                                         "depression): prescribe another medicine."), QT_TRANSLATE_NOOP(
                             "messages", "{medicine} is contraindicated under 2 years (BNFc: fatal respiratory "
                                         "depression). Do not give it; ask the prescriber for another medicine."))),
    "metoclopramide": Rule(QT_TRANSLATE_NOOP("messages", "Metoclopramide"), day_mg=NO_ADULT_MOST, from_years=1,
                           from_words=YoungWords(QT_TRANSLATE_NOOP(
                               "messages", "{medicine} is contraindicated under 1 year (BNFc; EMA 2013: dystonia and "
                                           "other extrapyramidal reactions): prescribe another antiemetic."),
                               QT_TRANSLATE_NOOP(
                               "messages", "{medicine} is contraindicated under 1 year (BNFc; EMA 2013: dystonia and "
                                           "other extrapyramidal reactions). Do not give it; ask the prescriber for "
                                           "another antiemetic."))),
    "loperamide": Rule(QT_TRANSLATE_NOOP("messages", "Loperamide"), day_mg=NO_ADULT_MOST, from_months=48,
                       from_words=YoungWords(QT_TRANSLATE_NOOP(
                           "messages", "{medicine} is not given under 4 years for acute diarrhoea (BNFc: ileus; a "
                                       "small child's diarrhoea is treated with fluids): check it is meant (chronic "
                                       "diarrhoea, a specialist's plan), and give the reason in “{field}”."),
                           QT_TRANSLATE_NOOP(
                           "messages", "{medicine} is not given under 4 years for acute diarrhoea (BNFc: ileus; a "
                                       "small child's diarrhoea is treated with fluids): check with the prescriber "
                                       "that it is meant before giving it."))),
    "amikacin": Rule(QT_TRANSLATE_NOOP("messages", "Amikacin"), day_mg=NO_ADULT_MOST, child_dose_mg_kg=30,
                     child_day_mg_kg=30, adult=AdultByWeight(30, 30, BY_VEIN | {"IM"}, adjusted=True), asked=True),
    # The children's ward's common medicines by the child's kg (review R1 D3: ten times BNFc's dose of
    # each was saved unasked for a 12 kg 2-year-old), at the highest usual per kg of their
    # indications, asked above it as the antibiotics are; an adult's only above the adult's most,
    # where the BNF gives one. Ondansetron (BNFc; SmPC): by vein 150 micrograms/kg (max 8 mg) before
    # chemotherapy, repeated every 4 h twice, postoperative 100 micrograms/kg; by mouth 2 mg every 12
    # h up to 10 kg, 4 mg from 10.1 kg (0.4 mg/kg); 24 h at most 32 mg, the adult's, whose single dose
    # by vein is at most 16 mg (MHRA 2012: QT) and by mouth 24 mg before chemotherapy (BNF). In 24 h
    # 0.9 mg/kg: a first day's three doses by vein and one by mouth. A dose by vein asked above 200
    # micrograms/kg, not BNFc's 150 itself: a dose rounded to the vial (2 mg for 12 kg, 4 mg for 22)
    # was asked, where a tenfold slip is far above (review T2 D5).
    "ondansetron": Rule(QT_TRANSLATE_NOOP("messages", "Ondansetron"), day_mg=32, dose_mg=16, child_dose_mg_kg=0.2,
                        child_day_mg_kg=0.9, by_route=(ByRoute(BY_MOUTH, 24, 0.4, 0.9),), asked=True),
    # Dexamethasone: BNFc's croup 150 micrograms/kg once, its bacterial meningitis 150 micrograms/kg
    # every 6 h; the 600 micrograms/kg once of severe croup (AAP, APLS) taken as the most a dose and
    # in 24 h. No adult's most (myeloma's 40 mg a day); eye drops and creams by no weight.
    "dexamethasone": Rule(QT_TRANSLATE_NOOP("messages", "Dexamethasone"), day_mg=NO_ADULT_MOST,
                          child_dose_mg_kg=0.6, child_day_mg_kg=0.6, weighed_routes=BY_VEIN | BY_MOUTH | {"IM"},
                          asked=True),
    # Aciclovir (BNFc 2018-19): by vein a neonate's and a baby's to 2 months 10-20 mg/kg every 8 h,
    # 3 months-11 years 500 mg/m2 every 8 h (encephalitis, the immunocompromised's chickenpox or
    # shingles: about 27 mg/kg at 3 months, 23 at 12 kg; 30 taken), 12-17 years 10 mg/kg; by mouth
    # the immunocompromised's shingles 200 mg 4 times a day at 1-23 months, 400 mg at 2-5 years, 800
    # mg at 6-11 (about 45 mg/kg for a light child of each age; 50 a dose and 200 in 24 h taken). An
    # adult's by vein goes by the kg (10 mg/kg), by mouth 800 mg 5 times a day: no most held. By vein
    # or by mouth only: a cream or an eye ointment goes by no weight.
    "aciclovir": Rule(QT_TRANSLATE_NOOP("messages", "Aciclovir"), day_mg=NO_ADULT_MOST, child_dose_mg_kg=30,
                      child_day_mg_kg=90, by_route=(ByRoute(BY_MOUTH, NO_ADULT_MOST, 50, 200),),
                      neonate=Neonate(20, 60), weighed_routes=BY_VEIN | BY_MOUTH, asked=True),
    # Flucloxacillin (BNFc): 12.5-25 mg/kg every 6 h, 50 mg/kg every 6 h (max 2 g a dose) in
    # osteomyelitis, cerebral abscess and staphylococcal meningitis, a neonate's 50 mg/kg at most
    # every 6 h too; an adult at most 2 g a dose and 12 g in 24 h (BNF: endocarditis over 85 kg, 2 g
    # every 4 h).
    "flucloxacillin": Rule(QT_TRANSLATE_NOOP("messages", "Flucloxacillin"), day_mg=12000, dose_mg=2000,
                           child_dose_mg_kg=50, child_day_mg_kg=200, asked=True),
    # Cefuroxime (BNFc): by vein 20 mg/kg every 8 h, increased to 50-60 mg/kg every 6-8 h (max 1.5 g a
    # dose) in severe infection, a neonate's 25 mg/kg doubled in severe infection; an adult at most
    # 1.5 g a dose and 6 g in 24 h (BNF, SmPC).
    "cefuroxime": Rule(QT_TRANSLATE_NOOP("messages", "Cefuroxime"), day_mg=6000, dose_mg=1500, child_dose_mg_kg=60,
                       child_day_mg_kg=240, asked=True),
    # Levetiracetam: BNFc's most under 50 kg 30 mg/kg twice a day, by mouth or by vein; status
    # epilepticus's loading dose by vein 40 mg/kg (APLS, EcLiPSE), 60 mg/kg at most 4.5 g (ESETT),
    # the most a dose. An adult's maintenance (1.5 g twice a day) and loading dose are held to
    # 4.5 g a dose alone, a loading dose and the day's doses being one day's.
    "levetiracetam": Rule(QT_TRANSLATE_NOOP("messages", "Levetiracetam"), day_mg=NO_ADULT_MOST, dose_mg=4500,
                          child_dose_mg_kg=60, child_day_mg_kg=60, asked=True),
}
"""By the medicine's name, as `medication.medicines_in` reads it once stemmed."""


@dataclass(frozen=True)
class Limit:
    """A rule as it holds for one patient: by their weight (`kg`, the weight it was worked out
    from; None when it was not) and age. `weigh`: a patient whose dose goes by weight (a child,
    an adult's gentamicin), and no weight is known to work it out from: `dose_mg_kg` and
    `day_mg_kg` then say the figures to work it out by. `weight`: `kg` as the limit's words name
    it, the adjusted weight saying so (`dosing_weight`). `up_to_kg`: a patient asked to be weighed
    because a band by weight may hold (`ByWeight`: paracetamol by vein under 50 kg at any age),
    the weight up to which it does; None otherwise."""

    rule: Rule
    day_mg: float
    dose_mg: float | None
    kg: float | None = None
    day_mg_kg: float | None = None
    dose_mg_kg: float | None = None
    weigh: bool = False
    weight: Phrase | None = None
    up_to_kg: float | None = None


# The weight a limit by weight is worked out from, as its words name it (`Limit.weight`).
KG = QT_TRANSLATE_NOOP("messages", "{kg} kg")
ADJUSTED_KG = QT_TRANSLATE_NOOP("messages", "{kg} kg adjusted body weight, the actual {actual} kg being over 120 % of "
                                            "the ideal {ideal} kg")
NO_HEIGHT_KG = QT_TRANSLATE_NOOP("messages", "{kg} kg actual weight, no height being recorded to work out the ideal "
                                             "weight")


def refused_above(rule: Rule, months: int | None) -> Rule:
    """The rule at the figures above which an order is refused whatever its reason, for a patient
    `months` old (None: not known, held to none of `AskedUpTo.from_months`): a child's
    `child_asked_up_to`, the latest band that age reached, and an adult's and a neonate's by
    weight at their `refused_mg_kg`; its own where none holds."""
    adult, neonate = rule.adult, rule.neonate
    if adult is not None and adult.refused_mg_kg is not None:
        rule = replace(rule, adult=replace(adult, dose_mg_kg=adult.refused_mg_kg[0], day_mg_kg=adult.refused_mg_kg[1],
                                           refused_mg_kg=None))
    if neonate is not None and neonate.refused_mg_kg is not None:
        rule = replace(rule, neonate=Neonate(*neonate.refused_mg_kg))
    reached = [band for band in rule.child_asked_up_to if months is None or band.from_months <= months]
    if not reached:
        return rule
    return replace(rule, child_dose_mg_kg=reached[-1].dose_mg_kg, child_day_mg_kg=reached[-1].day_mg_kg,
                   child_asked_up_to=())


def in_mg(rule: Rule) -> bool:
    """Whether any of a rule's limits is a figure in mg, by the dose, the day or the kg, that a
    dose's content is weighed against: promethazine's, metoclopramide's and loperamide's are by
    the age alone (`NO_ADULT_MOST`, no figure by weight), and no strength lets anything be weighed."""
    return rule.day_mg != NO_ADULT_MOST or bool(rule.by_weight or rule.by_route) or any(
        figure is not None for figure in (rule.dose_mg, rule.low_weight_day_mg_kg, rule.child_day_mg_kg,
                                          rule.child_dose_mg_kg, rule.adult, rule.neonate, rule.least_mg))


def given_unweighed(rule: Rule, mg: float | None, age: int | None) -> bool:
    """Whether an adult (`age` None: not known, an adult's) never weighed may be given `mg` (None:
    not read) without being weighed first: a fixed dose (`Rule.fixed_mg`), prophylaxis, not the
    treatment by the kg."""
    return rule.fixed_mg is not None and mg is not None and mg <= rule.fixed_mg * (1 + 1e-9) \
        and (age is None or age >= ADULT_FROM_YEARS)


def below_least(rule: Rule, mg: float, age: int | None) -> bool:
    """Whether an adult's (`age` None: not known, an adult's) dose of `mg` is below the medicine's
    least usual one (`Rule.least_mg`): a dose by the kg written as the dose."""
    return rule.least_mg is not None and mg < rule.least_mg * (1 - 1e-9) and (age is None or age >= ADULT_FROM_YEARS)


def too_young(rule: Rule, age: int | None) -> bool:
    """Whether a patient of `age` (None: not known, never too young) is under the age the
    medicine is never given below."""
    return rule.from_years is not None and age is not None and age < rule.from_years


def too_small(rule: Rule, months: int | None, kg: float | None, route: str) -> bool:
    """Whether a patient `months` old weighing `kg` (each None: not known, never too small) is
    younger or lighter than the medicine is usually given to by `route` (see `Rule.from_months`)."""
    if rule.from_routes and route not in rule.from_routes:
        return False
    return (rule.from_months is not None and months is not None and months < rule.from_months) \
        or (rule.from_kg is not None and kg is not None and kg < rule.from_kg)


def limit_for(rule: Rule, age: int | None, kg: float | None, route: str | None = None,
              days: int | None = None, ideal_kg: float | None = None) -> Limit:
    """The limit of `rule` for a patient of `age` (None: not known, dosed as an adult) and `days`
    old (None: not known, a neonate's doses not held) weighing `kg` (None: not known), given by
    `route` (None: not known, its bands by weight not held). `ideal_kg`: an adult's ideal body
    weight (weight.ideal_kg; None: no height recorded), for a medicine an obese adult is dosed
    by the adjusted weight of (`AdultByWeight.adjusted`). An adult never weighed given it by a
    route a band by weight holds for is asked to be weighed, by the heaviest such band's figures:
    1 g of paracetamol by vein to a frail 38 kg woman never weighed was 26 mg/kg, unasked. A
    medicine's figures by `route` (`Rule.by_route`) stand for the rule's, and by a route its
    figures by weight do not hold by (`Rule.weighed_routes`) it has none."""
    rule = next((replace(rule, dose_mg=by.dose_mg, child_dose_mg_kg=by.child_dose_mg_kg,
                         child_day_mg_kg=by.child_day_mg_kg) for by in rule.by_route if route in by.routes), rule)
    if rule.weighed_routes and route not in rule.weighed_routes:
        rule = replace(rule, child_dose_mg_kg=None, child_day_mg_kg=None, adult=None, neonate=None)
    child = age is not None and age < ADULT_FROM_YEARS and not (
        rule.as_adult is not None and age >= rule.as_adult.years
        and (rule.as_adult.kg is None or (kg is not None and kg >= rule.as_adult.kg)))
    band = next((band for band in rule.by_weight if route in band.routes and kg is not None and kg <= band.up_to_kg),
                None) or (rule.neonate if days is not None and days < NEONATE_UNTIL_DAYS else None)
    adult = rule.adult if not child and band is None and rule.adult is not None \
        and (not rule.adult.routes or route in rule.adult.routes) else None
    day_mg_kg = band.day_mg_kg if band else rule.child_day_mg_kg if child else adult.day_mg_kg if adult \
        else rule.low_weight_day_mg_kg if kg is not None and kg < LOW_WEIGHT_KG else None
    dose_mg_kg = band.dose_mg_kg if band else rule.child_dose_mg_kg if child else adult.dose_mg_kg if adult else None
    if kg is None or (day_mg_kg is None and dose_mg_kg is None):
        if (child or adult is not None) and None not in (day_mg_kg, dose_mg_kg):
            return Limit(rule, rule.day_mg, rule.dose_mg, day_mg_kg=day_mg_kg, dose_mg_kg=dose_mg_kg, weigh=True)
        if kg is None and (bands := [band for band in rule.by_weight if route in band.routes]):
            heaviest = max(bands, key=lambda band: band.up_to_kg)
            return Limit(rule, rule.day_mg, rule.dose_mg, day_mg_kg=heaviest.day_mg_kg,
                         dose_mg_kg=heaviest.dose_mg_kg, weigh=True, up_to_kg=heaviest.up_to_kg)
        return Limit(rule, rule.day_mg, rule.dose_mg)
    weight, kg = dosing_weight(kg, ideal_kg) if adult is not None and adult.adjusted \
        else (Phrase(KG, {"kg": Number(kg)}), kg)
    day = min(rule.day_mg, day_mg_kg * kg) if day_mg_kg is not None else rule.day_mg
    dose = min(rule.dose_mg or float("inf"), dose_mg_kg * kg) if dose_mg_kg is not None else rule.dose_mg
    return Limit(rule, day, dose, kg, day_mg_kg, dose_mg_kg, weight=weight)


Weighed = Literal["child", "adult", "band"]


def weighed_by(limit: Limit, age: int | None) -> Weighed:
    """Why a patient never weighed is asked to be (`Limit.weigh`), as the words asking it say: a
    band by weight that may hold at any age (`Limit.up_to_kg`, said "under 50 kg": an adult above
    it is dosed by no weight), a child, or an adult's medicine dosed by weight at every weight."""
    if limit.up_to_kg is not None:
        return "band"
    return "child" if age is not None and age < ADULT_FROM_YEARS else "adult"


def dosing_weight(kg: float, ideal_kg: float | None) -> tuple[Phrase, float]:
    """The weight an adult of actual weight `kg` and `ideal_kg` (None: no height recorded) is
    dosed by where an obese patient's goes by the adjusted weight, to a tenth of a kg, with the
    words naming it: the actual weight with no height to know the ideal by, said so, as the
    prescriber may know the patient is obese."""
    if ideal_kg is None:
        return Phrase(NO_HEIGHT_KG, {"kg": Number(kg)}), kg
    if (adjusted := adjusted_kg(kg, ideal_kg)) is None:
        return Phrase(KG, {"kg": Number(kg)}), kg
    used = round(adjusted, 1)
    return Phrase(ADJUSTED_KG, {"kg": Number(used), "actual": Number(kg), "ideal": Number(round(ideal_kg, 1))}), used


# A strength written in a medicine's name: a number, then a unit of weight or none ("30/500":
# the UK writes a combination's milligrams bare), or another unit, which leaves it unread ("120
# mg/5 mL" is no tablet's content).
_STRENGTH = re.compile(r"(\d+(?:[.,]\d+)?)\s*([^\W\d_]*%?)")
_IN_MG = {"": 1.0, "mg": 1.0, "g": 1000.0, "microgram": 0.001, "micrograms": 0.001, "mcg": 0.001, "µg": 0.001,
          "milligramme": 1.0, "milligrammes": 1.0, "gramme": 1000.0, "grammes": 1000.0, "microgramme": 0.001,
          "microgrammes": 0.001}
"""The units a strength is written in, in mg, English and French: "Durogesic 25 microgrammes/heure"
stated no strength, and the register took its patches for an order of 12 micrograms unasked."""


def strengths_mg(name: str) -> tuple[float, ...] | None:
    """The strengths a tablet's name writes, in mg, as written ("Co-codamol 30/500": 30, 500;
    "Paracetamol 1 g": 1000); None when one is in a unit that says no weight per tablet (mL, %)."""
    found = []
    for number, written in _STRENGTH.findall(name):
        unit = _unit(written)
        if unit not in _IN_MG:
            return None
        found.append(float(number.replace(",", ".")) * _IN_MG[unit])
    return tuple(found)


def _unit(written: str) -> str:
    """A unit as `_IN_MG` names it, in any case, the micro sign or the Greek mu typed for micro:
    casefolded, the micro sign is the Greek mu, and "Dexamethasone 500 µg" was read as no
    strength at all, its child's dose never weighed."""
    return written.casefold().replace("\u03bc", "\u00b5")


# A liquid's strength written in its name: a weight, then "/", "in" or "per" (French "pour",
# "par", "dans") and a volume in mL, 1 when none is written ("10 mg/mL"). A combination's
# ("Co-amoxiclav 250/62 mg in 5 mL") is not one medicine's, and is left unread.
_LIQUID_STRENGTH = re.compile(r"(?<![\d/.,])(\d+(?:[.,]\d+)?)\s*"
                              r"(mg|g|micrograms?|mcg|µg|microgrammes?|milligrammes?|grammes?)(?![^\W\d_])\s*"
                              r"(?:/|\b(?:in|per|pour|par|dans)\b)\s*(\d+(?:[.,]\d+)?)?\s*ml\b", re.IGNORECASE)


def liquid_strength(name: str) -> tuple[float, float] | None:
    """The strength a liquid's name writes, as (mg, mL) ("Paracetamol 250 mg/5 mL oral
    suspension": 250, 5; "Digoxin 50 micrograms/mL": 0.05, 1); None when it writes none, or
    several that differ: the nurse reads it on the chart and takes the bottle it names, whatever
    the order's strength boxes say."""
    found = [(float(mg.replace(",", ".")) * _IN_MG[_unit(unit)],
              float((ml or "1").replace(",", "."))) for mg, unit, ml in _LIQUID_STRENGTH.findall(name)]
    found = [(mg, ml) for mg, ml in found if ml > 0]
    return found[0] if len({round(mg / ml, 9) for mg, ml in found}) == 1 else None
