"""What a medication order's dose may be written in, checked when the order is written: the
units that can go with a route, the medicines dosed in micrograms and an opioid's usual first
dose, each with the most one dose may be, and a medicine's own limits (`dose_limits.RULES`)
weighed against what its order allows in a day (with the patient's other orders of it too,
which is asked rather than refused: see services.medication._allowed_together).
The dose check at the bedside weighs one dose at a time; these weigh the order the nurse will
follow for days, on the printed chart too, before any dose of it.

Sources: BNF (NICE, 2024); NPSA/2008/RRR05 (reducing dosing errors with opioid medicines);
ISMP's list of error-prone abbreviations (mg/microgram confusion, a thousandfold error); the
Scottish Palliative Care Guidelines (syringe pumps: single drugs over 24 hours; choosing and
changing opioids), for a syringe driver's content in 24 hours and the anticipatory medicines.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from math import isclose

from downtime.domain.dose_limits import (ADULT_FROM_YEARS, Limit, Rule, Weighed, below_least, given_unweighed,
                                         in_mg, limit_for, liquid_strength, refused_above, strengths_mg, too_small,
                                         too_young, weighed_by)
from downtime.domain.medication import (MASS_IN_MG, ML, TABLET, Frequency, Order, age_said, content_mg, insulin,
                                        limits_of, medicines_in)
from downtime.i18n import QT_TRANSLATE_NOOP, Listed, Number, Phrase

ROUTES_OF_UNIT: dict[str, frozenset[str]] = {
    TABLET: frozenset({"PO", "SL", "NG", "PR", "BUC"}),
    "puff": frozenset({"INH", "SL", "TOP", "NAS", "EAR"}),
    "drop": frozenset({"PO", "SL", "NG", "TOP", "EYE", "EAR", "NAS"}),
    "units": frozenset({"SC", "IV", "IM", "PO", "NG"}),
    "mmol": frozenset({"PO", "IV", "NG"}),
}
"""The routes a dose counted in one of these units can be given by (the form's codes): a tablet
is swallowed, dissolved under the tongue or against the cheek (prochlorperazine), crushed down a
tube or put in the rectum; a puff is inhaled, sprayed under the tongue (glyceryl trinitrate), on
the skin or into the nose; drops are taken by mouth or put in the eye, ear or nose (or "Topical",
as orders written before those routes were); units are insulin and heparin injected, and
colecalciferol or nystatin by mouth; mmol are potassium, phosphate or bicarbonate by mouth or by
vein. A weight (mg, g, microgram) or a volume goes by any route."""

WITHOUT_CONTENT = frozenset({"units", "mmol", "puff"})
"""Units that say no weight of a medicine with limits (paracetamol, ibuprofen, codeine,
tramadol): none is dosed so, and its limits could not be weighed. Tablets are, from a strength
the name writes, and mL from the liquid's strength the order states (each asked by
`strength_refusal`); tramadol comes in drops too."""

NO_STRENGTH = QT_TRANSLATE_NOOP("messages", "{medicine} in mL: give the liquid's strength in “{mg}” and “{ml}” (e.g. "
                                            "120 mg in 5 mL), or its limits could not be weighed.")
NO_TABLET_STRENGTH = QT_TRANSLATE_NOOP(
    "messages", "{medicine} in tablets: write the strength of each of its medicines in the medicine's name (e.g. "
                "“Paracetamol 500 mg”, “Co-codamol 30/500”): its limits could not weigh the dose, and a tablet of "
                "another strength may be given.")
NO_CEILING_TABLET_STRENGTH = QT_TRANSLATE_NOOP(
    "messages", "{medicine} in tablets: write the tablet's strength in the medicine's name (e.g. “Digoxin 62.5 "
                "micrograms”, “Morphine sulfate MR 10 mg”): its tablets come in several strengths, and one of another "
                "may be given.")
NAMED_STRENGTH_DIFFERS = QT_TRANSLATE_NOOP(
    "messages", "“{drug}” says {named_mg} mg in {named_ml} mL, and “{mg}” and “{ml}” say {strength_mg} mg in "
                "{strength_ml} mL: the dose is weighed by the one, and the nurse may take the bottle of the other. "
                "Write the strength of the liquid meant in both.")

ORAL = frozenset({"PO", "SL", "NG"})
INJECTED = frozenset({"SC", "IV", "IM"})
DRIVER_ROUTE = "SC"
"""The route of an order infused at a rate that is a syringe driver (continuous subcutaneous
infusion), weighed against a ceiling's 24 hours (`Ceiling.driver_mg`); by vein, an infusion's
dose is its rate's, a judgement of the ward's titration (morphine 1 mg/mL after an operation)."""
MUCOSAL = frozenset({"NAS", "BUC"})
"""Routes absorbed through the nose's or the cheek's lining straight into the blood, as an
injection is, with none of the liver's first pass that makes an oral opioid dose larger: the
BNF's nasal and buccal opioid doses are an injection's size (diamorphine nasal spray 100
micrograms/kg, BNFc; fentanyl buccal or nasal in micrograms), so an opioid's injected ceilings
hold for them (a 20 mg nasal diamorphine to a 20 kg child, ten times 0.1 mg/kg, was saved
unasked where the same by vein was asked)."""


@dataclass(frozen=True)
class Ceiling:
    """The most one dose of a medicine is, in mg, by the routes it holds for (empty: any).
    `first`: an opioid's usual most for a first dose in a patient not already taking opioids,
    above which a tenfold slip is likelier than a dose (NPSA/2008/RRR05); `usual`: a usual most
    for one dose (midazolam's 10 mg injected), above which a tenfold slip is likelier too, but a
    dying patient's agitation is rightly given more; each asked, the prescriber's reason kept in
    the order. Otherwise a medicine dosed in micrograms, which a dose written in mg makes a
    thousand times too much.
    `driver_mg`: the most in 24 hours by a syringe driver, what the content of an order `infused`
    at a rate is weighed against (one syringe made up for 24 hours: the Scottish Palliative Care
    Guidelines' figures are for 24 hours), as its one dose is otherwise; None: an asked ceiling's
    infusion is not weighed (no 24-hour figure by that route), a micrograms ceiling's is weighed
    as one dose (digoxin infused over minutes). A palliative syringe of morphine 1000 mg SC was
    saved unasked.
    `child_mg_kg`: the most for a patient under 18 of known weight, by the kg, never above
    `most_mg`: an adult's ceiling is 12 to 30 times a baby's dose, and a baby's tenfold slip
    (morphine 10 mg for 1 mg, digoxin 0.2 mg for 20 micrograms) passed it.
    `child_by_rate`: a child's infusion of it is dosed by the kg an hour, so an order `infused`
    at a rate is its syringe's content, no dose to hold to `child_mg_kg` (fentanyl's 500
    micrograms run at 1-5 micrograms/kg an hour); digoxin's or levothyroxine's infusion over
    minutes is one dose, held to it as a bolus is.
    `other_salt`: another salt of the medicine whose name written without its salt reads as this
    one, and that salt's doses in mg from least to most (hyoscine butylbromide's 10-120 mg, a
    hundredfold the hydrobromide's micrograms): a dose in mg among them is refused asking the salt
    named (`NAME_THE_SALT`), where "Did you mean 20 micrograms?" saved the wrong medicine at a dose
    that does nothing."""

    name: str
    """The medicine as a refusal names it, marked for the catalogue."""
    most_mg: float
    routes: frozenset[str] = frozenset()
    first: bool = False
    usual: bool = False
    child_mg_kg: float | None = None
    child_by_rate: bool = False
    driver_mg: float | None = None
    other_salt: tuple[str, float, float] | None = None

    @property
    def asked(self) -> bool:
        """Whether a dose above it is a judgement, saved with the prescriber's reason, rather than
        a slip of the unit refused."""
        return self.first or self.usual


BUTYLBROMIDE_MG = (QT_TRANSLATE_NOOP("messages", "Hyoscine butylbromide (Buscopan)"), 10.0, 120.0)
"""Hyoscine butylbromide's doses in mg, 10 mg by mouth to 120 mg in 24 h by syringe driver (BNF),
what "Hyoscine" in mg is likelier to mean than the hydrobromide in micrograms (`Ceiling.other_salt`)."""

CEILINGS: dict[str, tuple[Ceiling, ...]] = {
    # Loading 0.75-1.5 mg orally, or 0.5-1 mg IV, in divided doses; maintenance 62.5-250 micrograms.
    # A child (BNFc): loading 45 micrograms/kg in 3 doses over 24 h (15 a dose; IV 35), maintenance
    # 5 micrograms/kg twice a day.
    "digoxin": (Ceiling(QT_TRANSLATE_NOOP("messages", "Digoxin"), 0.5, child_mg_kg=0.015),),
    # 25-200 micrograms a day, at most 300; up to 400 micrograms IV in myxoedema (ANSM). A child
    # (BNFc): a neonate's congenital hypothyroidism 10-15 micrograms/kg once a day, older less.
    "levothyroxine": (Ceiling(QT_TRANSLATE_NOOP("messages", "Levothyroxine"), 0.5, child_mg_kg=0.015),),
    # Patches 12-100 micrograms an hour; buccal, sublingual and nasal doses up to 800 micrograms.
    # A child injected (BNFc, analgesia with assisted ventilation, neonate and child alike):
    # initially 1-5 micrograms/kg, then 1-3; by the nose (APLS, RCEM) 1.5 micrograms/kg, held to
    # the injected figure as every mucosal opioid is (`MUCOSAL`); no buccal product is licensed
    # under 18. A child's patch goes by micrograms an hour from the morphine it replaces (BNFc:
    # 12 micrograms/hour from 2 years, already on opioids), not by the kg: an adult's alone.
    "fentanyl": (Ceiling(QT_TRANSLATE_NOOP("messages", "Fentanyl"), 1.0, INJECTED | MUCOSAL, child_mg_kg=0.005,
                         child_by_rate=True),
                 Ceiling(QT_TRANSLATE_NOOP("messages", "Fentanyl"), 1.0)),
    # 100-200 micrograms inhaled, up to 10 puffs (1 mg) by spacer in acute asthma; 2.5-5 mg nebulised.
    "salbutamol": (Ceiling(QT_TRANSLATE_NOOP("messages", "Salbutamol"), 1.0, frozenset({"INH"})),),
    # 20-40 micrograms inhaled, up to 80; 250-500 micrograms nebulised.
    "ipratropium": (Ceiling(QT_TRANSLATE_NOOP("messages", "Ipratropium"), 0.08, frozenset({"INH"})),
                    Ceiling(QT_TRANSLATE_NOOP("messages", "Ipratropium"), 0.5, frozenset({"NEB"}))),
    # 0.25-1 microgram a day; IV in dialysis up to 12 micrograms a week in 2-3 doses.
    "alfacalcidol": (Ceiling(QT_TRANSLATE_NOOP("messages", "Alfacalcidol"), 0.006),),
    # 50-300 micrograms a day.
    "fludrocortisone": (Ceiling(QT_TRANSLATE_NOOP("messages", "Fludrocortisone"), 0.3),),
    # Opioids, a first dose: oral immediate release 5-10 mg every 4 h, modified release 10-15 mg
    # every 12 h; SC or IM 5-10 mg every 4 h, IV titrated from 5 mg. A child (BNFc): by mouth
    # 50-300 micrograms/kg by age, every 4 h (0.5 mg/kg is above every age's); injected
    # 100-200 micrograms/kg. By syringe driver (Scottish Palliative Care Guidelines): an
    # opioid-naive patient is started on 10-20 mg in 24 h; 30 mg SC in 24 h is 60 mg by mouth,
    # the dose of a patient already on a strong opioid, whose conversion is the reason.
    "morphine": (Ceiling(QT_TRANSLATE_NOOP("messages", "Morphine"), 15, ORAL, first=True, child_mg_kg=0.5),
                 Ceiling(QT_TRANSLATE_NOOP("messages", "Morphine"), 10, INJECTED | MUCOSAL, first=True,
                         child_mg_kg=0.2, driver_mg=30)),
    # Oral 5 mg every 4-6 h, modified release 10 mg every 12 h; SC 5 mg every 4 h, IV 1-10 mg. A
    # child by mouth (BNFc): 200 micrograms/kg every 4-6 h, at most 5 mg. By syringe driver
    # (BNF: opioid-naive 7.5 mg in 24 h; the Scottish Palliative Care Guidelines' conversion,
    # half the SC morphine): 15 mg in 24 h is morphine's 30.
    "oxycodone": (Ceiling(QT_TRANSLATE_NOOP("messages", "Oxycodone"), 10, ORAL, first=True, child_mg_kg=0.2),
                  Ceiling(QT_TRANSLATE_NOOP("messages", "Oxycodone"), 10, INJECTED | MUCOSAL, first=True,
                          driver_mg=15)),
    # Oral 1.3 mg every 4 h, modified release 4 mg every 12 h; SC or IV 1-2 mg every 3-4 h. A
    # child: BNFc doses it from 12 years only (1.3 mg by mouth every 4 h), by no kg; its table of
    # equivalent doses makes 2 mg by mouth 10 mg of oral morphine, so a child's morphine figures
    # over 5 are hydromorphone's: 0.1 mg/kg by mouth, 0.04 mg/kg injected (above WHO's 2012
    # children's doses, 30-80 micrograms/kg by mouth and 15 injected, never ten times them). By
    # syringe driver 4 mg in 24 h, within morphine's 30 at any of the published ratios (SC
    # hydromorphone 5 to 7.5 times as strong).
    "hydromorphone": (Ceiling(QT_TRANSLATE_NOOP("messages", "Hydromorphone"), 4, ORAL, first=True, child_mg_kg=0.1),
                      Ceiling(QT_TRANSLATE_NOOP("messages", "Hydromorphone"), 2, INJECTED | MUCOSAL, first=True,
                              child_mg_kg=0.04, driver_mg=4)),
    # SC or IM 5 mg every 4 h; IV a quarter to half of that. A child injected (BNFc, SmPC): 20-50
    # micrograms/kg under 6 months, 75 from 6 months, 75-100 from 1 year (at most 5 mg), a
    # ventilated neonate's 50 by vein; by the nose (severe acute pain in an emergency) 100
    # micrograms/kg once. By syringe driver (Scottish Palliative Care Guidelines): an
    # opioid-naive patient 5-10 mg in 24 h; 20 mg is morphine's 30.
    "diamorphine": (Ceiling(QT_TRANSLATE_NOOP("messages", "Diamorphine"), 5, INJECTED, first=True, child_mg_kg=0.1,
                            driver_mg=20),
                    Ceiling(QT_TRANSLATE_NOOP("messages", "Diamorphine"), 5, MUCOSAL, first=True, child_mg_kg=0.1)),
    # A micrograms opioid, 30 times oral morphine (Scottish Palliative Care Guidelines, alfentanil;
    # 1 mg SC is 15 mg of SC morphine, 10 of diamorphine): for episodic pain 100-250 micrograms SC
    # or sublingually, up to 500; by vein with spontaneous breathing up to 500 micrograms, then
    # 250 (BNF). By syringe driver an opioid-naive patient is started on 0.5-1 mg in 24 h; 2 mg
    # is morphine's 30. Above these asked; a slip of the unit refused under the skin or into a
    # muscle, at most 5 mg a dose (50 micrograms/kg at 100 kg, the BNF's with assisted
    # ventilation) and 50 mg in 24 h (1500 mg of oral morphine, beyond the guidelines' tables,
    # which seek specialist advice from 4 mg): alfentanil 500 mg for 500 micrograms was saved. Not
    # by vein, where an intensive care unit's infusion of 25-50 mg in 50 mL would be weighed as
    # one dose: the ask of a first dose holds there.
    "alfentanil": (Ceiling(QT_TRANSLATE_NOOP("messages", "Alfentanil"), 5, frozenset({"SC", "IM"}), driver_mg=50),
                   Ceiling(QT_TRANSLATE_NOOP("messages", "Alfentanil"), 0.5, INJECTED | MUCOSAL, first=True,
                           driver_mg=2)),
    # The anticipatory medicines of the last days of life, injected (NICE NG31; BNF, prescribing
    # in palliative care; Scottish Palliative Care Guidelines, syringe pumps). Glycopyrronium
    # 200-400 micrograms SC every 4 h, by syringe driver 600 micrograms to 1.2 mg in 24 h (2.4 mg
    # on a specialist's advice); by vein 10-15 micrograms/kg with neostigmine, reversing a
    # blockade in theatre (BNF): 1.5 mg at 100 kg, the most by vein (1.2 mg at 80 kg was refused
    # at 1 mg). Hyoscine hydrobromide 400 micrograms SC, up to 600; 1.2-2.4 mg in 24 h; keyed
    # "hyoscine", as the hydrobromide is read (domain.medication.WITH_CEILINGS), so that
    # "Hyoscine 20 mg", the butylbromide's dose with no salt named, is refused and the salt named
    # (`Ceiling.other_salt`). By mouth or under the tongue (Kwells) 150-300 micrograms a dose; a
    # patch (Scopoderm, 1 mg over 72 hours) is not weighed, the form counting no patches.
    # Each in micrograms, refused above its most (the highest dose any of these gives, no
    # judgement asked), and a dose in mg refused as one (glycopyrronium 200 mg for 200 micrograms).
    "glycopyrronium": (Ceiling(QT_TRANSLATE_NOOP("messages", "Glycopyrronium"), 1.5, frozenset({"IV"})),
                       Ceiling(QT_TRANSLATE_NOOP("messages", "Glycopyrronium"), 1.0, INJECTED - {"IV"},
                               driver_mg=2.4)),
    "hyoscine": (Ceiling(QT_TRANSLATE_NOOP("messages", "Hyoscine hydrobromide"), 0.6, INJECTED, driver_mg=2.4,
                         other_salt=BUTYLBROMIDE_MG),
                 Ceiling(QT_TRANSLATE_NOOP("messages", "Hyoscine hydrobromide"), 0.3, ORAL,
                         other_salt=BUTYLBROMIDE_MG)),
    # Asked above: hyoscine butylbromide 20 mg SC a dose, 60-120 mg in 24 h by syringe driver, at
    # most 120, and by mouth 20 mg a dose (80 mg a day); midazolam 2.5-5 mg SC a dose (10 mg IM in
    # status epilepticus), 10-60 mg in 24 h; haloperidol 0.5-1.5 mg SC a dose (5 mg IM in acute
    # agitation), 1.5-5 mg in 24 h for nausea and up to 10 mg in delirium; levomepromazine 2.5-25
    # mg SC a dose, 5-25 mg in 24 h for nausea and 50 mg upward in terminal agitation, where a
    # sedation is the reason.
    "hyoscine butylbromide": (Ceiling(QT_TRANSLATE_NOOP("messages", "Hyoscine butylbromide"), 20, INJECTED, usual=True,
                                      driver_mg=120),
                              Ceiling(QT_TRANSLATE_NOOP("messages", "Hyoscine butylbromide"), 20, ORAL, usual=True)),
    "midazolam": (Ceiling(QT_TRANSLATE_NOOP("messages", "Midazolam"), 10, INJECTED, usual=True, driver_mg=60),),
    "haloperidol": (Ceiling(QT_TRANSLATE_NOOP("messages", "Haloperidol"), 5, INJECTED, usual=True, driver_mg=10),),
    "levomepromazine": (Ceiling(QT_TRANSLATE_NOOP("messages", "Levomepromazine"), 25, INJECTED, usual=True,
                                driver_mg=50),),
}
"""By the medicine's name (BNF, 2024, unless said)."""



def _salts_of(medicine: str, found: Iterable[str]) -> bool:
    """Whether another of `found` is a salt of `medicine`, naming it among its words."""
    return any(other != medicine and medicine in other.split() for other in found)


def _own(found: Iterable[str]) -> list[str]:
    """The medicines of `found` that no other of them is a salt of, in their order: a salt's own limits
    and ceilings over the medicine its name holds. "Benzathine benzylpenicillin" names
    benzylpenicillin too, whose sodium's limits and million units are not the depot's; "Hyoscine
    butylbromide" names hyoscine, whose micrograms (the hydrobromide's) refused its 20 mg."""
    medicines = list(found)
    return [medicine for medicine in medicines if not _salts_of(medicine, medicines)]


_CEILINGS = {medicine: ceilings for name, ceilings in CEILINGS.items() for medicine in _own(medicines_in(name))}

_SMALLER = {"g": 1.0, "mg": 0.001}
"""What one of a unit of weight is in mg once written in the next smaller unit (a gram slip for mg)."""


def strength_refusal(order: Order) -> Refusal | None:
    """A dose in mL of a medicine with limits, or with a ceiling by the order's route (`CEILINGS`),
    with no strength stated: a 12 kg child's 20 mL of paracetamol 120 mg in 5 mL (480 mg, 40
    mg/kg) was saved with nothing said where its 480 mg was refused; 10 mL of oral morphine is 20
    mg at 10 mg in 5 mL and 200 mg as the 20 mg/mL concentrate, and was saved weighed by nothing.
    Said on `strength_mg`, with the medicine's name (`medicine`), for the caller to add the
    strength's labels (`mg`, `ml`).
    A dose in tablets (or capsules) of a medicine whose limits are in mg (`dose_limits.in_mg`)
    whose content its name does not write (`content_mg`), said on `drug`, where a tablet's
    strength is written, naming it as written: "Co-codamol", 2 tablets every 4 h as required
    beside regular paracetamol 1 g four times a day, was 5 g of paracetamol in 24 h, weighed by
    nothing at the order or at the dose, where "Co-codamol 30/500" was weighed; "Paracetamol" 2
    tablets is 1 g or 2 g by the box. Not asked: a medicine held by the age alone (promethazine),
    whose strength would let nothing be weighed; nor a tablet by a route no tablet goes by,
    refused on its unit (`unit_refusal`).
    A tablet of a medicine with a ceiling by its route whose name writes no strength at all, said
    on `drug` too, though `ceiling_refusal` weighs no tablet: "Morphine sulfate MR" 1 tablet was
    saved, its tablets 5 mg to 200 mg by the box the nurse took, and "Digoxin" 1 tablet, 62.5 to
    250 micrograms."""
    ceilings = [ceiling.name for medicine in sorted(medicines_in(order.drug) & _CEILINGS.keys())
                for ceiling in _CEILINGS[medicine] if not ceiling.routes or order.route in ceiling.routes]
    if order.dose_unit == TABLET:
        if order.route not in ROUTES_OF_UNIT[TABLET]:
            return None
        content = content_mg(order, order.dose)
        if any(in_mg(rule) and medicine not in content for medicine, rule in named_limits(order.drug).items()):
            return Refusal("drug", Phrase(NO_TABLET_STRENGTH, {"medicine": order.drug}))
        if ceilings and not strengths_mg(order.drug):
            return Refusal("drug", Phrase(NO_CEILING_TABLET_STRENGTH, {"medicine": order.drug}))
        return None
    named = [rule.name for rule in named_limits(order.drug).values()] + ceilings
    if order.dose_unit != ML or order.mg_per_ml is not None or not named:
        return None
    return Refusal("strength_mg", Phrase(NO_STRENGTH, {"medicine": Phrase(named[0])}))


def named_strength_refusal(order: Order) -> Refusal | None:
    """A strength the medicine's name writes (`dose_limits.liquid_strength`) that is not the one
    the order states, said on `strength_mg` naming both, for the caller to add the strength's
    labels (`mg`, `ml`): "Paracetamol 250 mg/5 mL oral suspension" with 120 mg in 5 mL was
    weighed as 240 mg for 10 mL, and the nurse reading the name gave 500 mg, twice a 16 kg
    child's most for one dose."""
    named = liquid_strength(order.drug)
    if named is None or order.mg_per_ml is None or isclose(named[0] / named[1], order.mg_per_ml, rel_tol=1e-6):
        return None
    return Refusal("strength_mg", Phrase(NAMED_STRENGTH_DIFFERS, {
        "drug": order.drug, "named_mg": Number(named[0]), "named_ml": Number(named[1]),
        "strength_mg": Number(order.strength_mg or 0), "strength_ml": Number(order.strength_ml or 0)}))


# The refusals, each said on the field the prescriber corrects (services.medication.check_order).
NOT_BY_ROUTE = QT_TRANSLATE_NOOP("messages", "A dose in {unit} cannot be given by the route “{route}”; a dose in "
                                             "{unit} is given by: {routes}.")
INSULIN_IN_UNITS = QT_TRANSLATE_NOOP("messages", "{drug} is dosed in units only: write its dose in units.")
NO_CONTENT = QT_TRANSLATE_NOOP("messages", "{medicine} is not dosed in {unit}: its limits could not be weighed. Write "
                                           "its dose in mg or g, or as tablets or mL of a stated strength.")
IN_MILLION_UNITS = QT_TRANSLATE_NOOP("messages", "{medicine} is written in millions of units (MUI), which the order "
                                                 "form cannot hold: write its dose in mg, 1 million units of {salt} "
                                                 "being {mg} mg ({source}).")
IN_MICROGRAMS = {
    False: QT_TRANSLATE_NOOP("messages", "{medicine} is dosed in micrograms, at most {most} micrograms in one dose by "
                                         "this route: {dose} {unit} is {times} times that. Did you mean {dose} "
                                         "micrograms?"),
    True: QT_TRANSLATE_NOOP("messages", "{medicine} is dosed in micrograms, at most {most} micrograms in 24 h by "
                                        "syringe driver: {dose} {unit} is {times} times that. Did you mean {dose} "
                                        "micrograms?")}
NAME_THE_SALT = QT_TRANSLATE_NOOP("messages", "{medicine} is dosed in micrograms: {dose} mg is a dose of another "
                                              "medicine, a hundredfold the dose. Name the salt meant: {other}, in mg, "
                                              "or {medicine}, in micrograms.")
"""`IN_MICROGRAMS` for a dose in mg among another salt's doses (`Ceiling.other_salt`)."""
ABOVE_CEILING = {
    False: QT_TRANSLATE_NOOP("messages", "{medicine}: {dose} {unit} in one dose is above the most by this route "
                                         "({most} micrograms)."),
    True: QT_TRANSLATE_NOOP("messages", "{medicine}: {dose} {unit} in 24 h by syringe driver is above the most by "
                                        "this route ({most} micrograms in 24 h).")}
ML_ABOVE_CEILING = {
    False: QT_TRANSLATE_NOOP("messages", "{medicine}: {dose} mL at the strength written is {micrograms} micrograms in "
                                         "one dose, above the most by this route ({most} micrograms): check the dose, "
                                         "and the strength (micrograms written as mg?)."),
    True: QT_TRANSLATE_NOOP("messages", "{medicine}: {dose} mL at the strength written is {micrograms} micrograms in "
                                        "24 h by syringe driver, above the most by this route ({most} micrograms in "
                                        "24 h): check the dose, and the strength (micrograms written as mg?).")}
"""A micrograms ceiling's refusals, by whether the order is a syringe driver weighed against its
24 hours (`Ceiling.driver_mg`) or one dose."""
ABOVE_FIRST_DOSE = QT_TRANSLATE_NOOP("messages", "{medicine}: {dose} mg in one dose by this route is above a usual "
                                                 "first dose ({most} mg) for a patient not already taking opioids, "
                                                 "where a tenfold slip is likelier than a dose (NPSA/2008/RRR05): check "
                                                 "it against the patient's current dose. For a patient already taking "
                                                 "opioids, give the reason in “{field}”.")
ASKED_ABOVE = {
    (True, False): ABOVE_FIRST_DOSE,
    (True, True): QT_TRANSLATE_NOOP(
        "messages", "{medicine}: {dose} mg in 24 h by syringe driver is above a usual starting dose ({most} mg in 24 h "
                    "by this route) for a patient not already taking opioids, where a tenfold slip is likelier than a "
                    "dose (NPSA/2008/RRR05, Scottish Palliative Care Guidelines): check it against the patient's "
                    "current dose. For a patient already taking opioids, give their current dose and its conversion "
                    "in “{field}”."),
    (False, False): QT_TRANSLATE_NOOP(
        "messages", "{medicine}: {dose} mg in one dose by this route is above the usual most ({most} mg, BNF), where "
                    "a tenfold slip is likelier than a dose: check it. If it is meant, give the reason in “{field}”."),
    (False, True): QT_TRANSLATE_NOOP(
        "messages", "{medicine}: {dose} mg in 24 h by syringe driver is above the usual most ({most} mg in 24 h, BNF, "
                    "Scottish Palliative Care Guidelines), where a tenfold slip is likelier than a dose: check it. If "
                    "it is meant, give the reason in “{field}”.")}
"""An asked ceiling's question (`Ceiling.asked`), by whether it is an opioid's first dose and
whether the order is a syringe driver weighed against its 24 hours (`Ceiling.driver_mg`)."""
ABOVE_CHILDS_FIRST_DOSE = QT_TRANSLATE_NOOP(
    "messages", "{medicine}: {dose} mg in one dose by this route is above a child's usual first dose ({most} mg for "
                "{kg} kg, {per_kg} mg/kg, BNFc), where a tenfold slip is likelier than a dose: check it against the "
                "child's weight and current dose. For a child already taking opioids, give the reason in “{field}”.")
ABOVE_CHILDS_CEILING = QT_TRANSLATE_NOOP(
    "messages", "{medicine}: {dose} micrograms in one dose is above the most for a child by this route ({most} "
                "micrograms for {kg} kg, {per_kg} micrograms/kg, BNFc), where a tenfold slip is likelier than a dose: "
                "check it against the child's weight. If it is meant, give the reason in “{field}”.")
OPIOID_IN_GRAMS = QT_TRANSLATE_NOOP("messages", "{medicine}: {dose} g in one dose is {mg} mg, above a usual first dose "
                                                "by this route ({most} mg): an opioid is dosed in mg, write its dose "
                                                "in mg.")
IN_GRAMS = QT_TRANSLATE_NOOP("messages", "{medicine}: {dose} g is {mg} mg, above the usual most by this route ({most} "
                                         "mg): it is dosed in mg, write its dose in mg.")
"""`OPIOID_IN_GRAMS` for any other asked ceiling, or a syringe driver's 24 hours."""
ONE_DOSE = {
    False: QT_TRANSLATE_NOOP("messages", "{medicine}: {dose} mg in one dose is above the most for one dose ({most} mg)."),
    True: QT_TRANSLATE_NOOP("messages", "{medicine}: {dose} mg in one dose is above the most for one dose ({most} mg "
                                        "for {weight}, {per_kg} mg/kg).")}
ONE_DOSE_REFUSED = {
    False: QT_TRANSLATE_NOOP("messages", "{medicine}: {dose} mg in one dose is above the most for one dose whatever "
                                         "the reason ({most} mg); from the usual most ({usual} mg) up to it, the order "
                                         "is saved with the prescriber's reason."),
    True: QT_TRANSLATE_NOOP("messages", "{medicine}: {dose} mg in one dose is above the most for one dose whatever "
                                        "the reason ({most} mg for {weight}, {per_kg} mg/kg); from the usual most "
                                        "({usual} mg) up to it, the order is saved with the prescriber's reason.")}
"""`ONE_DOSE` refused above the figures a reason is asked up to (`dose_limits.AskedUpTo`), naming
them: "above the most (180 mg)" for 370 mg, where 360 mg was saved with a reason."""
A_DAY = {
    False: QT_TRANSLATE_NOOP("messages", "{medicine}: as ordered, up to {amount} mg in 24 h ({orders}); at most "
                                         "{most} mg in 24 h."),
    True: QT_TRANSLATE_NOOP("messages", "{medicine}: as ordered, up to {amount} mg in 24 h ({orders}); at most "
                                        "{most} mg in 24 h for {weight} ({per_kg} mg/kg).")}
A_DAY_REFUSED = {
    False: QT_TRANSLATE_NOOP("messages", "{medicine}: as ordered, up to {amount} mg in 24 h ({orders}); at most "
                                         "{most} mg in 24 h whatever the reason; from the usual most ({usual} mg) up "
                                         "to it, the order is saved with the prescriber's reason."),
    True: QT_TRANSLATE_NOOP("messages", "{medicine}: as ordered, up to {amount} mg in 24 h ({orders}); at most "
                                        "{most} mg in 24 h whatever the reason for {weight} ({per_kg} mg/kg); from the "
                                        "usual most ({usual} mg) up to it, the order is saved with the prescriber's "
                                        "reason.")}
"""`A_DAY` refused above the figures a reason is asked up to, naming them (see `ONE_DOSE_REFUSED`)."""
SLIP_TIMES = 10.0
"""How many times the most for one dose (or, with none, for a day) a dose in g of a medicine
whose limits are asked (`Rule.asked`) is, its number a dose in mg, before it is refused as a slip
of the unit: a meningitis or cystic fibrosis dose is up to twice the usual, amoxicillin 360 g for
360 mg (g picked for mg) a thousand times, and any reason saved it."""
HOURS_IN_A_DAY = 24
"""The most doses a day's most may be shared over (hourly), for a medicine with no most for one
dose (an adult's amoxicillin, 12 g in 24 h): the smallest dose a slip of the unit may have meant."""
UNWEIGHED_KG = (0.5, 150.0)
"""The lightest and the heaviest patient a dose by weight may be for, when no weight is known:
the doses in mg a slip of the unit may have meant (gentamicin 80 g for a patient never weighed,
whose most by the kg alone is none, was asked only for the weight, and a weight saved it)."""
GRAMS_FOR_MG = QT_TRANSLATE_NOOP("messages", "{medicine}: {dose} g in one dose is more than {times} times the most "
                                             "allowed ({most} mg), where a slip of the unit is likelier than any dose "
                                             "meant. Did you mean {dose} mg?")
GRAMS_ABOVE = QT_TRANSLATE_NOOP("messages", "{medicine}: {dose} g in one dose is more than {times} times the most "
                                            "allowed ({most} mg): no reason makes it a dose. Check the dose and its "
                                            "unit.")
THIS_ORDER = QT_TRANSLATE_NOOP("messages", "this order: {amount} mg")
OTHER_ORDER = QT_TRANSLATE_NOOP("messages", "{order}: {amount} mg")
NOT_UNDER = QT_TRANSLATE_NOOP("messages", "{medicine} is never given under {years} years, and the patient is {age} "
                                         "old: children who turn it into morphine fast have stopped breathing on "
                                         "usual doses (MHRA, ANSM 2013). Prescribe another analgesic.")
BELOW_LEAST = QT_TRANSLATE_NOOP("messages", "{medicine}: {dose} mg in one dose is below an adult's least usual dose "
                                            "({least} mg): did you mean {dose} mg/kg? If {dose} mg is meant, give the "
                                            "reason in “{field}”.")
TOO_OFTEN = QT_TRANSLATE_NOOP("messages", "{medicine}: doses at least {hours} h apart, not {ordered} h.")
NOT_USUALLY_UNDER = QT_TRANSLATE_NOOP("messages", "{medicine} by this route is not usually given to a baby under "
                                                  "{months} months old or under {kg} kg (ANSM, BNFc): check it is "
                                                  "meant, and give the reason in “{field}”.")
WEIGH_FIRST: dict[Weighed, str] = {
    "child": QT_TRANSLATE_NOOP("messages", "{medicine} is dosed by weight under 18, and no weight is recorded this "
                                           "stay: weigh the child, or give the weight the dose is worked out from "
                                           "(measured, estimated or a parent's, and when) in “{field}”."),
    "adult": QT_TRANSLATE_NOOP("messages", "{medicine} is dosed by weight, and no weight is recorded this stay: weigh "
                                           "the patient, or give the weight the dose is worked out from (measured, "
                                           "estimated or stated, and when) in “{field}”."),
    "band": QT_TRANSLATE_NOOP("messages", "{medicine} by this route is dosed by weight under {kg} kg, and no weight is "
                                          "recorded this stay: weigh the patient, or give the weight the dose is "
                                          "worked out from (measured, estimated or stated, and when) in “{field}”.")}
"""By why the patient is asked to be weighed (`dose_limits.weighed_by`)."""


@dataclass(frozen=True)
class Refusal:
    """Why an order cannot be written as it is, on the field the prescriber corrects. `routes`:
    the routes a unit goes by (`NOT_BY_ROUTE`), for the caller to name as the form does."""

    field: str
    said: Phrase
    routes: tuple[str, ...] = ()
    asked: bool = False
    """A judgement, not an error: saved once the prescriber's reason is kept in the order (an
    opioid's dose above a usual first dose, `ABOVE_FIRST_DOSE`; a child's above their weight's,
    or with no weight recorded; an antibiotic's above the usual, `Rule.asked`)."""


def unit_refusal(drug: str, unit: str, route: str) -> Refusal | None:
    """A unit no dose of the medicine by that route is written in: a tablet or puffs by vein;
    insulin in anything but units (a puff, or mL beside a syringe in units, a tenfold error);
    paracetamol in units, which its limits cannot weigh; benzylpenicillin in units, whose millions
    the form cannot hold (`Rule.million_units`: said in mg by the salt's own figure, and by none
    for a salt the tables hold no figure of, procaine benzylpenicillin)."""
    if unit in ROUTES_OF_UNIT and route not in ROUTES_OF_UNIT[unit]:
        return Refusal("dose_unit", Phrase(NOT_BY_ROUTE), tuple(sorted(ROUTES_OF_UNIT[unit])))
    if insulin(drug) and unit != "units":
        return Refusal("dose_unit", Phrase(INSULIN_IN_UNITS, {"drug": drug}))
    limited = {medicine: rule for medicine, rule in named_limits(drug).items()
               if unit != "units" or rule.mg_per_unit is None}
    if unit in WITHOUT_CONTENT and limited:
        medicine, rule = min(limited.items())
        if unit == "units" and (units := rule.million_units) is not None \
                and not _salts_of(medicine, medicines_in(drug)):
            return Refusal("dose_unit", Phrase(IN_MILLION_UNITS, {
                "medicine": Phrase(rule.name), "salt": Phrase(units.salt), "mg": Number(units.mg),
                "source": units.source}))
        return Refusal("dose_unit", Phrase(NO_CONTENT, {"medicine": Phrase(rule.name)}))
    return None


def named_limits(drug: str) -> dict[str, Rule]:
    """The limits of `drug`'s medicines (`limits_of`), a salt's own over the medicine its name
    holds: "Benzathine benzylpenicillin" names benzylpenicillin too, whose sodium's limits and
    million units are not the depot's."""
    limited = limits_of(drug)
    return {medicine: limited[medicine] for medicine in _own(limited)}


def ceiling_refusal(drug: str, dose: float, unit: str, route: str, infused: bool = False, age: int | None = None,
                    kg: float | None = None, mg_per_ml: float | None = None,
                    rate_ml_h: float | None = None) -> Refusal | None:
    """A dose by weight above its medicine's most by that route (`CEILINGS`): digoxin 250 mg,
    250 micrograms written in mg; oxycodone 50 mg SC, ten times a first dose. A dose in mL is
    weighed as its mg by the liquid's strength the order states (`mg_per_ml`; with none,
    `strength_refusal` asks it): 10 mL of the 20 mg/mL oral morphine concentrate is 200 mg, and
    was saved unasked where 200 mg written in mg was asked. A dose in tablets or puffs is not
    weighed here (its strength is on the box, not in the order). An order `infused` at a rate
    under the skin (`DRIVER_ROUTE`) is a syringe driver, weighed against its 24 hours where its
    ceiling has a figure for them (`Ceiling.driver_mg`: morphine 1000 mg SC, a hundred times a
    starting dose, was saved unasked): an asked ceiling by what it gives in 24 hours at its
    `rate_ml_h` when the strength is known, the order's (`mg_per_ml`) or its name's ("Morphine 20
    mg in 20 mL" at 5 mL/h is 120 mg, a fourfold slip of the rate; 50 mg in 20 mL at 0.1 mL/h
    is 6 mg), else by its content; a micrograms
    ceiling by its content, where a slip of the unit is written. Any other infusion of an asked
    ceiling is not weighed: the dose of morphine 50 mg in 50 mL by vein at 2 mL/h after an
    operation is the rate's, and was asked as a palliative syringe driver. A
    patient under 18 of `age` weighing `kg` (each None: not known, an adult's ceiling alone) is
    held to their weight's too (`_above_childs`), but for an infusion dosed by the kg an hour
    (`Ceiling.child_by_rate`) or a syringe driver's 24 hours: a child's fentanyl syringe of 500
    micrograms at 1-5 micrograms/kg an hour is no dose of 5 micrograms/kg, where a neonate's
    digoxin infused over 20 minutes is."""
    if unit in MASS_IN_MG:
        content = dose * MASS_IN_MG[unit]
    elif unit == ML and mg_per_ml is not None:
        content = dose * mg_per_ml
    else:
        return None
    named = liquid_strength(drug)
    strength = mg_per_ml if mg_per_ml is not None else None if named is None else named[0] / named[1]
    for medicine in _own(sorted(medicines_in(drug) & _CEILINGS.keys())):
        for ceiling in _CEILINGS[medicine]:
            driver = infused and route == DRIVER_ROUTE and ceiling.driver_mg is not None
            if (ceiling.routes and route not in ceiling.routes) or (ceiling.asked and infused and not driver):
                continue
            most = ceiling.driver_mg if driver and ceiling.driver_mg is not None else ceiling.most_mg
            mg = (rate_ml_h * HOURS_IN_A_DAY * strength
                  if driver and ceiling.asked and rate_ml_h is not None and strength is not None else content)
            if mg <= most * (1 + 1e-9):
                if not (infused and (ceiling.child_by_rate or driver)) \
                        and (childs := _above_childs(ceiling, mg, age, kg)) is not None:
                    return childs
                continue
            if ceiling.asked:
                return _above_asked(ceiling, most, driver, dose, unit, mg)
            name, micrograms = Phrase(ceiling.name), most * 1000
            if unit == ML and mg_per_ml is not None:
                # On the strength when one mL is above the most (digoxin elixir's 50 micrograms
                # in 1 mL written 50 mg: no liquid is made so), on the dose otherwise.
                field = "strength_mg" if mg_per_ml > most else "dose"
                return Refusal(field, Phrase(ML_ABOVE_CEILING[driver], {
                    "medicine": name, "dose": Number(dose), "micrograms": Number(round(mg * 1000, 3)),
                    "most": Number(micrograms)}))
            # On the unit when the number is right in the next smaller one (digoxin 250 mg), on
            # the dose otherwise (digoxin 0.75 g).
            smaller = _SMALLER.get(unit)
            field = "dose_unit" if smaller is not None and dose * smaller <= most \
                and mg >= most * SLIP_TIMES * (1 - 1e-9) else "dose"
            if unit == "mg" and field == "dose_unit" and ceiling.other_salt is not None \
                    and ceiling.other_salt[1] <= dose <= ceiling.other_salt[2]:
                return Refusal(field, Phrase(NAME_THE_SALT, {"medicine": name, "dose": Number(dose),
                                                             "other": Phrase(ceiling.other_salt[0])}))
            if unit == "mg" and field == "dose_unit":
                return Refusal(field, Phrase(IN_MICROGRAMS[driver], {
                    "medicine": name, "most": Number(micrograms), "dose": Number(dose),
                    "times": Number(round(mg / most))}))
            return Refusal(field, Phrase(ABOVE_CEILING[driver], {"medicine": name, "dose": Number(dose),
                                                                 "most": Number(micrograms)}))
    return None


def _above_childs(ceiling: Ceiling, mg: float, age: int | None, kg: float | None) -> Refusal | None:
    """A child's dose within an adult's ceiling but above their weight's (`Ceiling.child_mg_kg`),
    asked like an opioid's first dose: a loading dose or a child on long-term opioids is given
    more, and the weight may be wrong; the reason is kept in the order."""
    if ceiling.child_mg_kg is None or age is None or age >= ADULT_FROM_YEARS or kg is None \
            or mg <= ceiling.child_mg_kg * kg * (1 + 1e-9):
        return None
    if ceiling.first:
        return Refusal("dose", Phrase(ABOVE_CHILDS_FIRST_DOSE, {
            "medicine": Phrase(ceiling.name), "dose": Number(mg), "most": Number(round(ceiling.child_mg_kg * kg, 2)),
            "kg": Number(kg), "per_kg": Number(ceiling.child_mg_kg)}), asked=True)
    return Refusal("dose", Phrase(ABOVE_CHILDS_CEILING, {
        "medicine": Phrase(ceiling.name), "dose": Number(round(mg * 1000, 3)),
        "most": Number(round(ceiling.child_mg_kg * kg * 1000, 1)), "kg": Number(kg),
        "per_kg": Number(round(ceiling.child_mg_kg * 1000, 3))}), asked=True)


def _above_asked(ceiling: Ceiling, most_mg: float, driver: bool, dose: float, unit: str, mg: float) -> Refusal:
    """A dose above an asked ceiling's `most_mg` (`Ceiling.asked`; a syringe driver's 24 hours
    when `driver`), asked: a patient on long-term opioids (30 mg of modified-release morphine
    twice a day, a palliative syringe driver's doses) or a dying patient's agitation is given
    more, and in a downtime the laptop is the chart, so the prescriber's reason is kept in the
    order. Written in grams, refused on the unit: none of these is dosed so, and morphine 5 g is
    5 mg slipped a thousandfold, which no reason makes a dose."""
    name, most = Phrase(ceiling.name), Number(most_mg)
    if unit == "g":
        return Refusal("dose_unit", Phrase(OPIOID_IN_GRAMS if ceiling.first and not driver else IN_GRAMS, {
            "medicine": name, "dose": Number(dose), "mg": Number(mg), "most": most}))
    return Refusal("dose", Phrase(ASKED_ABOVE[ceiling.first, driver], {"medicine": name, "dose": Number(mg),
                                                                        "most": most}), asked=True)


def most_in_a_day(order: Order) -> float:
    """How many of an order's doses can fall in some 24 hours, as written: a regular order's
    times (one each, whatever its days: a dose every 2 days gives a day's times at most in 24
    hours); an as-required order's own most; a once-only order's one."""
    if order.frequency is Frequency.SCHEDULED:
        return float(len(order.times))
    if order.frequency is Frequency.PRN:
        return float(order.max_doses_24h or 0)
    return 1.0


def day_field(order: Order) -> str:
    """The field that decides how much of an order falls in 24 hours (`most_in_a_day`), where what
    it allows in a day is asked."""
    return "max_doses_24h" if order.frequency is Frequency.PRN else "times" \
        if order.frequency is Frequency.SCHEDULED else "dose"


def dosed_by_weight(order: Order, age: int | None, kg: float | None, days: int | None) -> bool:
    """Whether an order's medicine goes by the weight for a patient of `age`, `days` old and `kg` by the
    order's route (dose_limits.limit_for: `Rule.by_route`, `Rule.weighed_routes`), as a baby's
    weight out of date is asked of it (services.weight: at the order, on the handover sheet and
    the escalation list): gentamicin by vein, not its eye or ear drops, which were asked "a baby
    under 1 year is dosed on a weight"."""
    return any((limit := limit_for(rule, age, kg, order.route, days)).dose_mg_kg is not None
               or limit.day_mg_kg is not None for rule in limits_of(order.drug).values())


def limits_refusals(order: Order, others: Sequence[tuple[Order, str]], age: int | None,
                    kg: float | None, months: int | None = None, days: int | None = None,
                    ideal_kg: float | None = None) -> list[Refusal]:
    """An order beyond its medicine's own limits for this patient (`dose_limits.limit_for`),
    before any dose of it: a medicine the patient is too young for (codeine under 12, its other
    limits then not said); one dose above the most for one (paracetamol 10 g, codeine 300 mg);
    what the order allows in 24 hours (`most_in_a_day`), with what the patient's other orders
    of the medicine running beside it allow (`others`, each with its name as the chart heads
    it), above the most in 24 hours (1 g six times a day; 1 g as required, 12 times in 24 h);
    an as-required order's interval shorter than the medicine's. A dose whose content is not
    read (`content_mg`: tablets of no written strength, of an order written before
    `strength_refusal` asked it or loaded from the EHR) is left to the dose check. Asked rather
    than refused (`Refusal.asked`): a child never weighed, whose dose goes by weight (an
    estimated weight, APLS or a parent's, is often all there is before a child in pain or
    septic is given the first dose: the prescriber says which in the reason), or an adult's
    medicine dosed by weight at every age (gentamicin); a child younger
    or lighter than the medicine is usually given to by the route (`months` old: None, not
    known); a medicine whose maxima are the usual doses' (an antibiotic's, `Rule.asked`). A baby
    `days` old (None: not known) is held to a neonate's doses in its first 28 days (`Rule.neonate`);
    an obese adult's gentamicin to their adjusted weight, from `ideal_kg` (`dose_limits.limit_for`)."""
    refused: list[Refusal] = []
    content = content_mg(order, order.dose)
    for medicine, rule in sorted(named_limits(order.drug).items()):
        if too_young(rule, age):
            refused.append(Refusal("drug", Phrase(rule.from_words.ordered if rule.from_words else NOT_UNDER, {
                "medicine": Phrase(rule.name), "years": str(rule.from_years),
                "age": age_said(age, days, order.start_at.date())})))
            continue
        if too_small(rule, months, kg, order.route):
            refused.append(Refusal("drug", Phrase(rule.from_words.ordered if rule.from_words else NOT_USUALLY_UNDER, {
                "medicine": Phrase(rule.name), "months": Number(rule.from_months or 0),
                "kg": Number(rule.from_kg or 0)}), asked=True))
        if (unweighed := limit_for(rule, age, kg, order.route, days)).weigh \
                and not given_unweighed(rule, content.get(medicine), age):
            # No mg/kg said: by vein a baby's is half a child's (`ByWeight`), and the weight decides which.
            refused.append(Refusal("dose", Phrase(WEIGH_FIRST[weighed_by(unweighed, age)], {
                "medicine": Phrase(rule.name), "kg": Number(unweighed.up_to_kg or 0)}), asked=True))
        if order.frequency is Frequency.PRN and rule.interval is not None and order.min_interval_hours is not None \
                and timedelta(hours=order.min_interval_hours) < rule.interval:
            refused.append(Refusal("min_interval_hours", Phrase(TOO_OFTEN, {
                "medicine": Phrase(rule.name), "hours": Number(rule.interval.total_seconds() / 3600),
                "ordered": Number(order.min_interval_hours)})))
        if medicine in content and below_least(rule, content[medicine], age):
            refused.append(Refusal("dose", Phrase(BELOW_LEAST, {
                "medicine": Phrase(rule.name), "dose": Number(content[medicine]),
                "least": Number(rule.least_mg or 0)}), asked=True))
        if medicine in content:
            refused += _beyond(rule, medicine, order, content[medicine], others, age, kg, months, days, ideal_kg)
    return refused


def _beyond(rule: Rule, medicine: str, order: Order, mg: float, others: Sequence[tuple[Order, str]],
            age: int | None, kg: float | None, months: int | None, days: int | None,
            ideal_kg: float | None) -> list[Refusal]:
    """Above the limit for this patient, said by it, asked when the rule is (`Rule.asked`) or the
    order is within the figures it is refused above at the patient's age in `months`
    (`dose_limits.refused_above`: a child's paracetamol loading dose of 20-30 mg/kg), refused
    above them. A dose asked, its day is weighed and said too, asked or refused: a reason for a
    20 mg/kg loading dose was kept for the same dose four times a day, 80 mg/kg, never said. An
    antibiotic's day asked with its dose is one judgement (a meningitis dose), its dose's alone."""
    limit = limit_for(rule, age, kg, order.route, days, ideal_kg)
    hard = limit_for(refused_above(rule, months), age, kg, order.route, days, ideal_kg)
    if rule.asked and (slip := _slip(rule, order, mg, limit)) is not None:
        return [slip]
    dose = _above_one_dose(rule, limit, hard, mg)
    if dose is not None and not dose.asked:
        return [dose]
    day = _above_a_day(rule, medicine, order, mg, others, limit, hard)
    if dose is not None and day is not None and day.asked and rule.asked:
        day = None
    return [found for found in (dose, day) if found is not None]


def _above_one_dose(rule: Rule, limit: Limit, hard: Limit, mg: float) -> Refusal | None:
    """One dose above the most for one, asked up to the most it is refused above (`hard`), and
    refused above it saying that most and the usual one."""
    if limit.dose_mg is None or mg <= limit.dose_mg * (1 + 1e-9):
        return None
    asked = _asked(rule, limit.dose_mg, hard.dose_mg, mg)
    said = hard if not asked and hard.dose_mg != limit.dose_mg else limit
    most = said.dose_mg or 0.0
    # Said by weight when the child's figure, not the rule's most for the route (`said.rule`,
    # dose_limits.ByRoute), is what holds: amoxicillin's 3 g by mouth was said "for 70 kg, 45 mg/kg".
    by_weight = said.dose_mg_kg is not None and most < (said.rule.dose_mg or float("inf"))
    values: dict[str, object] = {"medicine": Phrase(rule.name), "dose": Number(mg), "most": Number(round(most, 2)),
                                 "usual": Number(round(limit.dose_mg, 2))}
    return Refusal("dose", Phrase((ONE_DOSE_REFUSED if said is hard else ONE_DOSE)[by_weight], values | (
        {"weight": said.weight, "per_kg": Number(said.dose_mg_kg or 0)} if by_weight else {})), asked=asked)


def _above_a_day(rule: Rule, medicine: str, order: Order, mg: float, others: Sequence[tuple[Order, str]],
                 limit: Limit, hard: Limit) -> Refusal | None:
    """What the order allows in 24 hours with the patient's `others` of the medicine beside it."""
    counted = [Phrase(THIS_ORDER, {"amount": Number(mg * most_in_a_day(order))})]
    total = mg * most_in_a_day(order)
    for other, name in others:
        if (each := content_mg(other, other.dose).get(medicine)) is not None and most_in_a_day(other):
            total += each * most_in_a_day(other)
            counted.append(Phrase(OTHER_ORDER, {"order": name, "amount": Number(each * most_in_a_day(other))}))
    if total <= limit.day_mg * (1 + 1e-9):
        return None
    asked = _asked(rule, limit.day_mg, hard.day_mg, total)
    said = hard if not asked and hard.day_mg != limit.day_mg else limit
    by_weight = said.day_mg_kg is not None and said.day_mg < said.rule.day_mg
    values = {"medicine": Phrase(rule.name), "amount": Number(total), "most": Number(round(said.day_mg, 2)),
              "orders": Listed(tuple(counted)), "usual": Number(round(limit.day_mg, 2))}
    return Refusal(day_field(order), Phrase((A_DAY_REFUSED if said is hard else A_DAY)[by_weight], values | (
        {"weight": said.weight, "per_kg": Number(said.day_mg_kg or 0)} if by_weight else {})), asked=asked)


def _asked(rule: Rule, usual: float, most: float | None, amount: float) -> bool:
    """Whether `amount`, above the `usual` figure, is asked rather than refused: up to `most`, the
    figure refused above for this patient (None: none), or at any amount for a medicine whose
    limits are asked (`Rule.asked`) where no such figure holds above its usual one (an adult's
    gentamicin; a child's is refused above `Rule.child_asked_up_to`'s 15 mg/kg)."""
    return most is None or amount <= most * (1 + 1e-9) or (rule.asked and most == usual)


def _slip(rule: Rule, order: Order, mg: float, limit: Limit) -> Refusal | None:
    """A dose in g of a medicine whose limits are asked, more than `SLIP_TIMES` the most (the
    limit's for one dose, else for a day; never weighed, by the kg of `UNWEIGHED_KG`'s heaviest)
    and its number a plausible dose in mg, within the most and not below a `SLIP_TIMES`th of the
    most for one dose (with none, of a day's given hourly; never weighed, by the kg of the
    lightest): refused on the unit naming the dose in mg (amoxicillin 360 g to
    a 20 kg child, 1200 mg at most). Any other dose in g above is refused on the dose with no advice (`GRAMS_ABOVE`:
    an adult's 1 g to a 1.5 kg baby, where "Did you mean 1 mg?" saved a 60th of the dose unasked,
    and asked, was saved by any reason); a dose in mg is asked: an adult's gentamicin in mg to a
    neonate, 20 times hers, is no slip of the unit, and its reason may be a weight."""
    most_mg = limit.dose_mg or limit.day_mg
    least_mg = (limit.dose_mg or limit.day_mg / HOURS_IN_A_DAY) / SLIP_TIMES
    if limit.weigh and limit.dose_mg_kg is not None:
        most_mg, least_mg = min(most_mg, limit.dose_mg_kg * UNWEIGHED_KG[1]), limit.dose_mg_kg * UNWEIGHED_KG[0]
    if order.dose_unit != "g" or mg <= SLIP_TIMES * most_mg * (1 + 1e-9):
        return None
    plausible = least_mg * (1 - 1e-9) <= order.dose <= most_mg * (1 + 1e-9)
    return Refusal("dose_unit" if plausible else "dose", Phrase(GRAMS_FOR_MG if plausible else GRAMS_ABOVE, {
        "medicine": Phrase(rule.name), "dose": Number(order.dose), "times": Number(SLIP_TIMES),
        "most": Number(round(most_mg, 2))}))


# Insulin's tenfold slips, asked when the order is written (services.medication._as_dosed). "U"
# read as a 0 (4U as 40) and "IU" as 10 or IV made insulin the commonest tenfold error (ISMP's
# list of error-prone abbreviations; NPSA/2010/RRR013, Safer administration of insulin); OMéDIT
# Centre's reported errors include "60 UI au lieu de 6 UI" and "44 UI au lieu de 4 UI". Asked,
# not refused: an insulin-resistant patient is given more, and a dose is rightly halved or more.
INSULIN_MOST_UNITS = 100.0
"""The most units of one injected dose before it is asked: what a U-100 insulin syringe holds,
above the 60 to 80 units a pen dials in one injection."""
INSULIN_TIMES = 5.0
"""How many times the patient's previous order of the same insulin (or what fraction of it) a
new dose is before it is asked: a tenfold slip, and never a day's titration (JBDS-IP: 10 to 20%)."""
INSULIN_ABOVE_MOST = QT_TRANSLATE_NOOP(
    "messages", "{drug}: {dose} units in one dose is more than an insulin syringe holds ({most} units), where a "
                "tenfold slip (4 units written 40, “U” read as 0) is likelier than a dose (NPSA/2010/RRR013): check "
                "it. If it is meant, give the reason in “{field}”.")
INSULIN_AGAINST_PREVIOUS = {
    True: QT_TRANSLATE_NOOP(
        "messages", "{drug}: {dose} units in one dose is {times} times the patient's previous order of it ({previous} "
                    "units), where a tenfold slip is likelier than a change of dose: check it. If it is meant, give "
                    "the reason in “{field}”."),
    False: QT_TRANSLATE_NOOP(
        "messages", "{drug}: {dose} units in one dose is a fifth or less of the patient's previous order "
                    "of it ({previous} units), where a tenfold slip is likelier than a change of dose: check it. If it is "
                    "meant, give the reason in “{field}”.")}
"""By whether the new dose is the larger."""


def insulin_refusal(order: Order, previous: float | None) -> Refusal | None:
    """An injected insulin dose (not an infusion's, whose dose is the syringe's) above what a
    syringe holds, or `previous`'s dose (the patient's previous order of the same insulin: None,
    none) times INSULIN_TIMES or more, or a fraction as small: glargine 180 units the day after
    18 was saved unasked, the order rewritten each day of a downtime."""
    if not insulin(order.drug) or order.dose_unit != "units" or order.route not in INJECTED \
            or order.rate_ml_h is not None:
        return None
    if order.dose > INSULIN_MOST_UNITS:
        return Refusal("dose", Phrase(INSULIN_ABOVE_MOST, {"drug": order.drug, "dose": Number(order.dose),
                                                           "most": Number(INSULIN_MOST_UNITS)}), asked=True)
    if not previous or not order.dose:
        return None
    larger = order.dose > previous
    times = order.dose / previous if larger else previous / order.dose
    if times < INSULIN_TIMES - 1e-9:
        return None
    return Refusal("dose", Phrase(INSULIN_AGAINST_PREVIOUS[larger], {
        "drug": order.drug, "dose": Number(order.dose), "times": Number(round(times, 1)),
        "previous": Number(previous)}), asked=True)
