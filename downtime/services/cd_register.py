"""The ward's controlled-drug register: its pages (a drug in a unit), the stock received, the
cupboard's counts, each dose's line taken from its page and given back when withdrawn, the
wastage of what was left of a dose, what was supplied to a patient to take home, and the witness
every line is signed by. The dose's own recording (services.medication.record_dose) deducts from
it through here."""

from __future__ import annotations

import math
import unicodedata
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from itertools import islice
from typing import TypeGuard

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.census import StayStatus
from downtime.domain.clock import DATED, ward_time
from downtime.domain.dose_limits import liquid_strength, strengths_mg
from downtime.domain.medication import (
    MASS_IN_MG, Order, infused, medicines_in, names_alike, route_differs, written_apart, written_when,
)
from downtime.domain.paper_gap import silences
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.domain.release import Release, release_of
from downtime.domain.roles import ROLE_NAMES, SECOND_SIGNERS, SUPERVISED, SUPERVISORS, Role
from downtime.domain.staff import PERMISSIONS, Action, StaffMember
from downtime.formspec import FormSpec
from downtime.formspec.values import format_value
from downtime.i18n import QT_TRANSLATE_NOOP, Lang, Number, Phrase, decimal_text, message, mid_line, semicolon, translate
from downtime.services import census, records, settings, unlock
from downtime.services.paper_gap import AuditedUse
from downtime.services.context import Session
from downtime.services.errors import ServiceError
from downtime.services.patients import PatientSummary, downtime_numbers
from downtime.services.staff import PinUse, member_named, names_with_ids, pin_confirmed
from downtime.storage import audit
from downtime.storage.records import current_of, list_current


def gives_care(member: StaffMember) -> bool:
    """Whether their role gives doses, whether or not their account is still active: the night
    nurse who gave a dose may have left the team by the time it is typed in."""
    return Action.RECORD_CARE in PERMISSIONS[member.role]


@dataclass(frozen=True)
class Taken:
    """What a dose's lines in the controlled-drug register took from a ward's stock, less what
    they gave back."""

    ward: str
    drug: str
    unit: str
    quantity: float


def taken_from_register(db: Database, record_id: str) -> Taken | None:
    """None for a dose that took nothing (not a controlled drug's, not given, or given back).
    What was discarded at the dose is not the dose's: withdrawing the dose does not put it back.
    Its "reconciled" lines are not either (see `dose_given`): a dose given before a count took its
    ampoule all the same, and withdrawn, gives it back and reconciles that too (`recounted`). A
    supply's line holds its patient's id there (see `cd_supply`): no dose's, nothing to waste from."""
    row = db.execute("SELECT ward, drug, unit, -SUM(change) FROM cd_register WHERE record_id = ?"
                     " AND kind IN ('administration', 'withdrawal') GROUP BY ward, drug, unit", [record_id]).fetchone()
    return Taken(row[0], row[1], row[2], _quantity(row[3])) if row and row[3] > 1e-9 else None


@dataclass(frozen=True)
class SecondCheck:
    """The second clinician a dose given is signed by, in its own words: a controlled drug's
    witness, or a high-alert medicine's independent second check of the dose (NPSA, ISMP, HAS's
    "double contrôle"). Both are one check (`checked_witness`), written in the dose's `witness`."""

    needed: str
    """A dose given without the second clinician's PIN."""
    same_person: str
    """The second clinician named is the giver."""
    not_clinician: str
    """The second clinician named may not give a dose (with {name})."""
    not_on_paper: str
    """A dose ticked as from paper given while the laptop was in use (with {field}, {time})."""
    named: str | None
    """A dose from paper naming no one; None: a dose from paper (in a silence) asks for no second
    check, as a high-alert medicine's paper chart had no place for one to be signed in."""
    not_signer: str
    """The second clinician named records care but may not sign this check (with {name}, {role}):
    a student nurse, who is no witness nor second checker, or a doctor named as a student's
    supervisor."""
    signers: frozenset[Role] = SECOND_SIGNERS
    """The roles that sign it."""
    audited_as: PinUse = PinUse.WITNESS
    """What the second clinician's PIN is audited as, they its actor (`witness.confirm`…)."""


WITNESS = SecondCheck(
    QT_TRANSLATE_NOOP("messages", "Controlled drug: a second staff member must witness with their own PIN."),
    QT_TRANSLATE_NOOP("messages", "Controlled drug: the witness must be a different person from the giver."),
    QT_TRANSLATE_NOOP("messages", "Controlled drug: the witness must be a nurse or a doctor; {name} may not record care."),
    QT_TRANSLATE_NOOP("messages", "{field}: this laptop was in use at {time}, when this controlled drug was given: "
                                  "its witness confirms the dose with their own PIN, as for a dose given now. Untick "
                                  "it: it is for a dose given while the laptop was not in use."),
    QT_TRANSLATE_NOOP("messages", "Controlled drug: name the witness who signed the paper chart."),
    QT_TRANSLATE_NOOP("messages", "Controlled drug: the witness must be a ward nurse or a doctor; {name} is a "
                                  "{role}."))
HIGH_ALERT_CHECK = SecondCheck(
    QT_TRANSLATE_NOOP("messages", "High-alert medicine: a second nurse or doctor must check the dose with their own "
                                  "PIN."),
    QT_TRANSLATE_NOOP("messages", "High-alert medicine: the second check must be made by someone other than the "
                                  "giver."),
    QT_TRANSLATE_NOOP("messages", "High-alert medicine: the second check must be made by a nurse or a doctor; {name} "
                                  "may not record care."),
    QT_TRANSLATE_NOOP("messages", "{field}: this laptop was in use at {time}, when this high-alert medicine was "
                                  "given: its second check is confirmed with the checker's own PIN, as for a dose "
                                  "given now. Untick it: it is for a dose given while the laptop was not in use."),
    None,
    QT_TRANSLATE_NOOP("messages", "High-alert medicine: the second check must be made by a ward nurse or a doctor; "
                                  "{name} is a {role}."),
    audited_as=PinUse.SECOND_CHECK)
SUPERVISION = SecondCheck(
    QT_TRANSLATE_NOOP("messages", "Student nurse's dose: the ward nurse supervising it must confirm it with their own "
                                  "PIN."),
    QT_TRANSLATE_NOOP("messages", "Student nurse's dose: it is supervised by a ward nurse other than the student who "
                                  "gives it."),
    QT_TRANSLATE_NOOP("messages", "Student nurse's dose: it is supervised by a ward nurse; {name} may not record care."),
    QT_TRANSLATE_NOOP("messages", "{field}: this laptop was in use at {time}, when this student nurse's dose was given: "
                                  "the ward nurse who supervised it confirms it with their own PIN, as for a dose "
                                  "given now. Untick it: it is for a dose given while the laptop was not in use."),
    QT_TRANSLATE_NOOP("messages", "Student nurse's dose: name the ward nurse who signed it on the paper chart."),
    QT_TRANSLATE_NOOP("messages", "Student nurse's dose: it is supervised by a ward nurse; {name} is a {role}."),
    SUPERVISORS, PinUse.SUPERVISOR)
"""A student nurse's dose, supervised by a ward nurse who signs it with their PIN, whatever the
medicine: for a controlled drug or a high-alert medicine, that nurse is its witness or second
checker too (one signature in the dose's `witness`, as for any second check). A student given a
nurse's account gave doses alone, and witnessed a colleague's morphine, audited as a registered
nurse's."""


REGISTER_WITNESS = replace(
    WITNESS,
    not_clinician=QT_TRANSLATE_NOOP("messages", "Controlled-drug register: the witness must be a nurse, a doctor or a "
                                                "pharmacist; {name} may not sign the register."),
    not_signer=QT_TRANSLATE_NOOP("messages", "Controlled-drug register: the witness must be a ward nurse, a doctor or "
                                             "a pharmacist; {name} is a {role}."),
    signers=SECOND_SIGNERS | {Role.PHARMACIST})
"""The witness of a line of the register no patient's dose is on (stock received, a cupboard's
count, a discrepancy): the pharmacist who delivers the stock or investigates the discrepancy with
the nurse signs it too, as on the paper register, though they give no dose; their check could only
be a free-text note. A dose's witness (`WITNESS`) stays a nurse's or a doctor's."""

NOT_FIRST_SIGNER = QT_TRANSLATE_NOOP("messages", "Controlled-drug register: a line of the register is written by a "
                                                 "ward nurse or a doctor, its witness the second signature; {name} is "
                                                 "a {role}.")


def signs_register(member: StaffMember) -> bool:
    """Whether `member` writes lines of the register as their first signatory (a receipt, a
    count, a wastage, a supply, a line marked entered in error): both signatures on the legal
    register are registered staff's, as its witness's are. A student nurse, whom the witness
    check refused, wrote stock received and a discrepancy with one registered signature on it."""
    return member.may(Action.RECORD_CARE) and member.role in SECOND_SIGNERS


def _register_signer(session: Session) -> None:
    """Refused unless the person signed in signs the register (`signs_register`), in their role's words."""
    session.require(Action.RECORD_CARE)
    if not signs_register(session.user):
        raise ServiceError(NOT_FIRST_SIGNER, name=session.user.name,
                           role=translate(session.lang, "Banner", ROLE_NAMES[session.user.role]))


def second_check(found: Order, giver: Role | None = None) -> SecondCheck | None:
    """The second signature a dose given of `found` by someone of the role `giver` needs: a
    student nurse's supervision, for any medicine; else a controlled drug's witness (one that is
    also high-alert: the witness checks the dose), else a high-alert medicine's second check,
    else none."""
    if giver in SUPERVISED:
        return SUPERVISION
    return WITNESS if found.controlled else HIGH_ALERT_CHECK if found.high_alert else None


def paper_time(db: Database, at: datetime, now: datetime) -> bool:
    """Whether a dose given at `at` may be taken from the paper chart, its second signature named
    as the paper has it, without a PIN: given in a stretch this laptop was not used in (a silence,
    domain.paper_gap), or before it was first used (the ward on paper before it was set up),
    and at least the round's lateness threshold before the laptop was used again (see
    Silence.fell_due): a dose given minutes before that is the round the nurse is on, its
    witness at hand. Otherwise the laptop was there to record it on: ticked "from paper", a lone
    nurse named a colleague as witness and took morphine out of the register on her own word."""
    use = AuditedUse(db, now)
    late_after = settings.round_policy(db).late_after
    if use.latest_before(at) is None:
        return elapsed.between(at, use.first_after(at) or now) >= late_after
    return any(silence.fell_due(at, late_after) for silence in silences(use, at, now))


def checked_witness(session: Session, witness: tuple[str, str] | None, giver: str | None = None, *,
                    on_paper: bool = False, check: SecondCheck = WITNESS) -> str:
    """A dose's second check (`check`: a controlled drug's witness, a high-alert medicine's
    second check, a student's supervision) is a clinician's: someone who may not give a dose (a
    records clerk, a coordinator, the administrator) cannot vouch for one either, nor one of a
    role that does not sign it (a student nurse; a doctor for a student's supervision, a
    nurse's). `giver`: who gave the dose when
    not the person signed in (see medication._giver_named). `on_paper`: the witness signed the
    paper chart (see medication._from_paper and `paper_time`), named from this laptop's staff
    without their PIN. A PIN typed is no sign-in of theirs: a wrong one is audited at once, a
    right one by the caller in the act's transaction (`staff.pin_confirmed`)."""
    if (witness is None or not witness[0].strip()) and on_paper and check.named:
        raise ServiceError(check.named)
    if witness is None or not witness[0].strip():
        raise ServiceError(check.needed)
    staff_id, pin = witness
    if staff_id.strip().casefold() == (giver or session.user.staff_id).casefold():
        raise ServiceError(check.same_person)
    member = member_named(session.db, staff_id) if on_paper else unlock.confirm_pin(session.db, staff_id, pin,
                                                                                    session.clock, check.audited_as)
    if member is None:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "No staff account {staff_id}."), staff_id=repr(staff_id.strip()))
    if member.role in check.signers:
        return member.staff_id
    if not gives_care(member):
        raise ServiceError(check.not_clinician, name=member.name)
    raise ServiceError(check.not_signer, name=member.name,
                       role=translate(session.lang, "Banner", ROLE_NAMES[member.role]))


def deduct_check(session: Session, found: Order, quantity: float, given_at: datetime,
                 chosen: str | None) -> Taken:
    """What the dose takes from the register: the ward whose cupboard the dose came from, its page
    there (see `dose_page`) and `quantity` (in the order's unit) as that page counts it (see
    `taken_by`). The ward is where
    the patient was when it was given, not when it is typed (after an outage doses are recorded
    hours late, the patient moved since). A dose given before a count of its page written
    since was already out of the cupboard that count found (see `counted_since`): never refused for the balance, which already went without it (the
    night's last ampoule, given on paper before the opening count of 0, could not be charted,
    and the MAR showed no morphine since the evening). Any other dose the register cannot hold
    came from another ward's or page's stock, or the cupboard holds more than the register: a
    receipt typed to chart it wrote stock the ward never received into the legal register. A page
    counted in tablets takes whole or half ones, one of capsules, ampoules or vials whole ones
    (see `_not_counted`)."""
    ward, pages = dose_pages(session.db, found, given_at)
    page = dose_page(pages, found, chosen, ward)
    drug, unit, dose, quantity = page.drug, page.unit, quantity, taken_by(page, found, quantity)
    if (refusal := _not_counted(unit, quantity)) is not None:
        raise ServiceError(refusal, dose=Number(dose), dose_unit=found.dose_unit, quantity=Number(quantity),
                           unit=unit, page=drug)
    counted = _counted_since_checked(session, ward, drug, unit, given_at)
    balance = cd_balance(session.db, ward, drug, unit)
    if balance - quantity < -1e-9 and not counted:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Controlled-drug register: ward {ward} holds {balance} {unit} of {drug}; "
                                             "{quantity} cannot be given from it. Check the ward and the page the "
                                             "dose was taken from, then count the cupboard with a witness (Cupboard "
                                             "count): a dose given before that count is then charted without being "
                                             "taken from the register again."),
                           ward=ward, balance=decimal_text(balance, session.lang), unit=unit, drug=drug,
                           quantity=f"{decimal_text(quantity, session.lang)} {unit}")
    return Taken(ward, drug, unit, quantity)


PATCH = "patch"
"""The unit of a register page counted in patches, as the cupboard and the bound register count
fentanyl or buprenorphine patches; also the order form's code for a patch (its `form`)."""
HALVED_UNITS = frozenset({"tablet", "tab", "comprime", "cp"})
"""The units (folded, see `_unit_word`) of a page of tablets, which a dose may take half of (a
scored tablet halved, "½" on the paper register)."""
CAPSULE_UNITS = frozenset({"capsule", "cap", "gelule"})
"""The units of a page of capsules, taken whole and never opened for a part dose (a
modified-release capsule opened releases its whole dose at once)."""
WHOLE_ONLY_UNITS = CAPSULE_UNITS | frozenset({"ampoule", "ampule", "amp", "vial", "flacon"})
"""The units of a page of capsules, ampoules or vials ("flacon" in French), taken whole: what is
left of an ampoule or vial opened for a part dose is its wastage (`cd_waste`). A French ward's
"Méthadone 20 mg sirop" counted in its single-dose "flacons" was never offered for a 20 mg
dose, refused as "ward 3B holds 0 mg of Méthadone", where the same page in "vials" gave one."""
COUNTED_UNITS = HALVED_UNITS | WHOLE_ONLY_UNITS
"""The units of a page counted one by one, each holding the strength its page's name states
("Oxycodone 5 mg capsule"): a dose in mg takes so many of them."""
WHOLE_UNITS = QT_TRANSLATE_NOOP("messages", "Controlled-drug register: {dose} {dose_unit} is {quantity} {unit} of "
                                            "{page}, and its page counts whole {unit} only. If the dose came from "
                                            "another page, choose that page. If it came from this one, the register "
                                            "cannot take the whole {unit} with the rest as wastage: write the dose on "
                                            "the paper chart, and the {unit} taken and the rest destroyed in the "
                                            "paper register, witnessed, and tell the pharmacist.")
"""Said of a part of one ampoule or vial: that page is the default (`default_page`), so
"choose the page the dose was taken from" alone sent the nurse back to the page it was taken from,
and the dose given was charted nowhere."""
PART_CAPSULE = QT_TRANSLATE_NOOP("messages", "Controlled-drug register: {dose} {dose_unit} is {quantity} {unit} of "
                                             "{page}, and a capsule is never opened or divided: {dose} {dose_unit} "
                                             "cannot be made up from whole capsules of this page. If the dose came "
                                             "from another page, choose that page; if not, check the dose with the "
                                             "prescriber or the pharmacist (another strength, or the liquid).")
"""Said of a part of one capsule: the ampoules' advice (the whole one taken, the rest destroyed)
told the nurse to give half of an opened capsule, and an opened modified-release capsule
releases its whole dose at once."""
HALF_UNITS = QT_TRANSLATE_NOOP("messages", "Controlled-drug register: {dose} {dose_unit} is {quantity} {unit} of "
                                           "{page}, and its page counts whole or half {unit} only: choose the page "
                                           "the dose was taken from.")
MASS_WORDS = {**MASS_IN_MG, "mcg": MASS_IN_MG["microgram"], "microg": MASS_IN_MG["microgram"], "microgramme": MASS_IN_MG["microgram"],
              "milligramme": MASS_IN_MG["mg"], "gramme": MASS_IN_MG["g"]}
"""The units of weight (folded, see `_unit_word`: "µg" is "microg") a page or a dose may be counted in, in mg."""


def _not_counted(unit: str, quantity: float) -> str | None:
    """Why `quantity` of a page in `unit` cannot be taken, None when it can: a page of tablets
    takes halves, one of capsules, ampoules or vials whole ones, whatever unit the order is
    written in. Half a 5 mg tablet was taken ordered as 0.5 tablet, refused as 2.5 mg ("check
    the dose"), the dose given right and never charted."""
    word = _unit_word(unit)
    if word in HALVED_UNITS and abs(quantity * 2 - round(quantity * 2)) > 1e-6:
        return HALF_UNITS
    if word in WHOLE_ONLY_UNITS and abs(quantity - round(quantity)) > 1e-6:
        return PART_CAPSULE if word in CAPSULE_UNITS else WHOLE_UNITS
    return None


@dataclass(frozen=True)
class Strength:
    """A strength a name or an order states: `mg` in `ml` mL of a liquid or an injection, or,
    `ml` None, `mg` in one tablet, capsule, ampoule or patch."""

    mg: float
    ml: float | None = None

    def differs(self, other: Strength, *, each: bool = False) -> bool:
        """Whether the two are another strength of the same kind: two liquids' (10 and 30 mg/mL,
        a threefold volume), or, `each`, two of one unit taken whole whatever its strength (a
        patch of 25 and one of 12 micrograms an hour). Tablets or capsules of another strength
        are not: a dose in mg takes so many of them (two 5 mg capsules are 10 mg), and a page in
        mg holds mg; the ward's only oxycodone page was refused for its tablets' strength."""
        if self.ml is not None and other.ml is not None or each and self.ml is None and other.ml is None:
            return abs(self.mg / (self.ml or 1.0) - other.mg / (other.ml or 1.0)) > 1e-9
        return False

    def words(self, *, per_hour: bool = False) -> Phrase:
        """As a page's warning names it: "30 mg/mL", "10 mg in 5 mL", "5 mg each", below 1 mg in
        micrograms as the box writes it ("25 micrograms/hour" for a patch, `per_hour`): "0.025 mg
        each" beside the box's 25 invited a misreading by a thousand."""
        micrograms = self.mg < 1.0
        amount = {"mg": Number(self.mg), "micrograms": Number(round(self.mg * 1000, 6))}
        if self.ml is None:
            return Phrase(QT_TRANSLATE_NOOP("messages", "{micrograms} micrograms/hour") if per_hour and micrograms
                          else QT_TRANSLATE_NOOP("messages", "{micrograms} micrograms each") if micrograms
                          else QT_TRANSLATE_NOOP("messages", "{mg} mg each"), amount)
        if abs(self.ml - 1.0) < 1e-9:
            return Phrase(QT_TRANSLATE_NOOP("messages", "{micrograms} micrograms/mL") if micrograms
                          else QT_TRANSLATE_NOOP("messages", "{mg} mg/mL"), amount)
        return Phrase(QT_TRANSLATE_NOOP("messages", "{micrograms} micrograms in {ml} mL") if micrograms
                      else QT_TRANSLATE_NOOP("messages", "{mg} mg in {ml} mL"), {**amount, "ml": Number(self.ml)})


def name_strength(name: str) -> Strength | None:
    """The strength a page's or an order's name states: a liquid's per mL ("Morphine 30 mg/ml
    injection"), else one tablet's, capsule's or patch's, when it names one ("Oxycodone 5 mg
    capsule"); None for none, or a combination's two."""
    if (liquid := liquid_strength(name)) is not None:
        return Strength(*liquid)
    each = strengths_mg(name)
    return Strength(each[0]) if each and len(each) == 1 else None


def order_strength(found: Order) -> Strength | None:
    """The strength an order states: its name's (the nurse takes the ampoule the chart names),
    else the liquid's its strength boxes give ("10 mg in 5 mL"), else a patch's dose by weight,
    its micrograms an hour: "Fentanyl" 12 micrograms took a patch off the ward's only page,
    "Fentanyl 25 micrograms/hour patch", unasked, as though the order stated no strength."""
    if (named := name_strength(found.drug)) is not None:
        return named
    if found.mg_per_ml is not None:
        return Strength(found.strength_mg, found.strength_ml)
    per = MASS_WORDS.get(_unit_word(found.dose_unit))
    return Strength(found.dose * per) if found.form == PATCH and per is not None and found.dose else None


def _unit_word(unit: str) -> str:
    """A unit as typed, folded to compare (no accents, no capitals, no plural "s" nor "es" after
    "ch"): "Gélules" is "gelule", "patches" "patch", "µg" (the micro sign or the Greek mu, which
    NFKD makes of it) "microg". A fentanyl page counted in "µg" or a Butrans page in "patches"
    was never offered for its order, which the ward "held 0 microgram" of."""
    folded = unicodedata.normalize("NFKD", unit.strip().casefold()).replace("\N{GREEK SMALL LETTER MU}", "micro")
    word = "".join(letter for letter in folded if not unicodedata.combining(letter))
    if word.endswith("ches"):
        return word.removesuffix("es")
    return word.removesuffix("s") if len(word) > 3 else word


def _per_dose_unit(page: Stock, found: Order) -> float | None:
    """How much of the page's unit one of the order's dose unit takes, None when it cannot be
    told: the same unit, or weights (g, mg, microgram); a dose by weight from a page counted in
    tablets or capsules by the strength its name states (10 mg is two "Oxycodone 5 mg capsule");
    a liquid's mL and mg either way by the strength the page's name states (the bottle the dose
    came out of: a page chosen for a dose of another strength lost 4.5 mL a dose, converted by the
    order's), else the order's. A page counted otherwise than the order was never offered: the
    ward "held 0 mg" of the oxycodone whose 28 capsules were on the register, and a second, empty
    page was opened for the box. A dose in tablets or capsules of a strength the order's name states, from a page of another
    strength, is as many of the page's as make it (one "Oxycodone 10 mg" tablet is two of the 5 mg
    page's): now that another tablet's strength is no wrong page (`Strength.differs`), it took one."""
    page_unit, dose_unit = _unit_word(page.unit), _unit_word(found.dose_unit)
    each, ordered = name_strength(page.drug), order_strength(found)
    if page_unit == dose_unit:
        return ordered.mg / each.mg if page_unit in COUNTED_UNITS and _each(each) and _each(ordered) else 1.0
    if dose_unit in MASS_WORDS and page_unit in MASS_WORDS:
        return MASS_WORDS[dose_unit] / MASS_WORDS[page_unit]
    if dose_unit in MASS_WORDS and page_unit in COUNTED_UNITS:
        return MASS_WORDS[dose_unit] / each.mg if _each(each) else None
    liquid = each if each is not None and each.ml else ordered if ordered is not None and ordered.ml else None
    if liquid is None or liquid.ml is None or liquid.mg <= 0:
        return None
    if dose_unit == "ml" and page_unit in MASS_WORDS:
        return liquid.mg / liquid.ml / MASS_WORDS[page_unit]
    if dose_unit in MASS_WORDS and page_unit == "ml":
        return MASS_WORDS[dose_unit] * liquid.ml / liquid.mg
    return None


def _each(strength: Strength | None) -> TypeGuard[Strength]:
    """Whether `strength` is one tablet's, capsule's or ampoule's (`Strength.ml` None), to count by."""
    return strength is not None and strength.ml is None and strength.mg > 0


def _takes_from(page: Stock, found: Order) -> bool:
    """Whether a dose of `found` may be counted in the page's unit (see `taken_by`)."""
    return (found.form == PATCH and _unit_word(page.unit) == PATCH) or _per_dose_unit(page, found) is not None


def taken_by(page: Stock, found: Order, quantity: float) -> float:
    """What a dose of `found` (`quantity` in its unit) takes from `page`: from a page counted in
    patches, so many patches (`_patches`: a fentanyl patch of 25 micrograms an hour could not be
    charted from its page, "5 patch": the dose took 25 from it in micrograms, a unit the page is
    not in); else the quantity in the page's unit (`_per_dose_unit`: 10 mg is 2 capsules of 5 mg,
    5 mL of 10 mg in 5 mL is 10 mg), the quantity itself on a page no unit converts to, which
    `cd_pages_for` never offers but the order's own."""
    if _unit_word(page.unit) == PATCH and _unit_word(found.dose_unit) != PATCH:
        return _patches(page, found, quantity)
    return _quantity(quantity * (_per_dose_unit(page, found) or 1.0))


def _patches(page: Stock, found: Order, quantity: float) -> float:
    """How many of a page's patches a dose by weight (`quantity` micrograms an hour) is: as many
    of the strength its name states as make it whole, 50 micrograms two of "Fentanyl 25
    micrograms/hour patch" (it took one, two applied, and the register stood a patch above the
    cupboard at every change); else one, whatever its strength (a page stating none, or 37
    micrograms, 25 from this page and 12 from another's)."""
    each, unit = name_strength(page.drug), _unit_word(found.dose_unit)
    if unit in MASS_WORDS and _each(each):
        patches = quantity * MASS_WORDS[unit] / each.mg
        if patches >= 1 and abs(patches - round(patches)) < 1e-6:
            return float(round(patches))
    return 1.0


STRUCK = "struck"
"""A line marking another entered in error (`cd_strike`), its `record_id` that line's id."""
STANDING = "id NOT IN (SELECT record_id FROM cd_register WHERE kind = 'struck' AND record_id IS NOT NULL)"
"""SQL: a line not marked entered in error (see `cd_strike`)."""
COUNTS = ("opening", "discrepancy", "correction")
"""The counts that set the page to what the cupboard held otherwise than the register, or opened
it: a dose given before one of them was already out of what it found. A count that matched the
register ("count") found the ampoule still there, the dose (or its wastage) not out yet: taken
after it, as any (reconciled, a wastage typed after a matching count left the register above
the cupboard)."""


LOOKED = ("count", *COUNTS)
"""The lines that looked at the cupboard: every count, matching or not."""


def counted_after(db: Database, ward: str, drug: str, unit: str, at: datetime) -> datetime | None:
    """When the page's cupboard was first counted after `at`, None when it has not been since. A
    count is dated by its line, or by a count (`LOOKED`) written after it and dated earlier: the
    laptop's clock, fast at the count, was put back since, and the count was made before that
    count looked at the cupboard. Any other later line dates nothing: a receipt at 15:10 after
    a count written at "16:00" (15:00 really) dated it 15:10, and a dose taken at 15:05, after
    the real count, was reconciled as out before it, nothing taken."""
    rows = db.execute(f"SELECT at, (SELECT later.at FROM cd_register later WHERE later.ward = counted_line.ward"
                      f" AND later.drug = counted_line.drug AND later.unit = counted_line.unit COLLATE NOCASE"
                      f" AND later.rowid > counted_line.rowid AND later.kind IN ({', '.join('?' * len(LOOKED))})"
                      f" ORDER BY julianday(later.at) LIMIT 1)"
                      f" FROM cd_register counted_line WHERE ward = ? AND drug = ? AND unit = ? COLLATE NOCASE"
                      f" AND kind IN ({', '.join('?' * len(COUNTS))}) AND {STANDING}",
                      [*LOOKED, ward, drug.strip(), unit.strip(), *COUNTS])
    dated = (min(datetime.fromisoformat(text) for text in row if text) for row in rows)
    return min((when for when in dated if when > at), default=None)


COUNT_AFTER_NOW = QT_TRANSLATE_NOOP("messages", "Controlled-drug register: the page has a count dated {at}, after "
                                                "now: this laptop's clock was put back since, and whether the dose "
                                                "was given before that count cannot be told. Count the cupboard with "
                                                "a witness now (Cupboard count), then chart the dose.")


def _counted_since_checked(session: Session, ward: str, drug: str, unit: str, given_at: datetime) -> bool:
    """`counted_since`, refused (ServiceError) when the count is dated after now: written while
    the laptop's clock was fast, a dose given after it, charted once the clock was put right, was
    reconciled as already out of the cupboard it found, nothing taken. A count written now dates
    it (`counted_after`)."""
    counted = counted_after(session.db, ward, drug, unit, given_at)
    if counted is not None and counted > session.clock():
        raise ServiceError(COUNT_AFTER_NOW, at=ward_time(counted, session.clock().tzinfo, DATED))
    return counted is not None


def counted_since(db: Database, ward: str, drug: str, unit: str, given_at: datetime) -> bool:
    """Whether a dose being charted was given before a count of its page written since (on
    paper in the night, or charted late after a handover count): the count found the cupboard
    without its ampoule, and taken from the register again, the register went 5 mg below a
    cupboard whose discrepancy had been reported."""
    return counted_after(db, ward, drug, unit, given_at) is not None


def recounted(db: Database, record_id: str) -> bool:
    """Whether a count found the cupboard as a dose left it: one written after the dose's line
    (the ampoule of a dose charted by mistake found still there, or one given counted gone), or
    before it, the dose reconciled when charted from paper. Its quantity given back, withdrawn,
    moved the register 5 mg away from the cupboard that count had set it to."""
    row = db.execute("SELECT ward, drug, unit, rowid, EXISTS(SELECT 1 FROM cd_register"
                     " WHERE record_id = ? AND kind = 'reconciled') FROM cd_register"
                     " WHERE record_id = ? AND kind = 'administration' ORDER BY rowid DESC LIMIT 1",
                     [record_id, record_id]).fetchone()
    if row is None or row[4]:
        return bool(row)
    return bool(db.execute(f"SELECT EXISTS(SELECT 1 FROM cd_register WHERE ward = ? AND drug = ? AND unit = ?"
                           f" COLLATE NOCASE AND kind IN ({', '.join('?' * len(COUNTS))}) AND {STANDING}"
                           " AND rowid > ?)", [*row[:3], *COUNTS, row[3]]).fetchone()[0])


def _reconciled(session: Session, ward: str, drug: str, unit: str, change: float, witness: str,
                record_id: str) -> None:
    """The "reconciled" line undoing a dose's line (`change`) for a count that already found it,
    witnessed as that line is and tied to the same dose: the dose's line stays, so the page still
    shows the dose given or withdrawn and explains the count's difference, while the balance
    stays the cupboard's."""
    register_line(session, ward, drug, unit, change, "reconciled", witness, record_id=record_id)


def dose_given(session: Session, taken: Taken, witness: str, record_id: str, given_at: datetime, *,
               giver: str | None = None) -> None:
    """A dose's line, taking what `deduct_check` found from its page, with its reconciliation
    first when charted after a count that found it gone (see `counted_since`): the balance never
    reads below nought between the two (the last ampoule's)."""
    ward, drug, unit, quantity = taken.ward, taken.drug, taken.unit, taken.quantity
    if counted_since(session.db, ward, drug, unit, given_at):
        _reconciled(session, ward, drug, unit, quantity, witness, record_id)
    register_line(session, ward, drug, unit, -quantity, "administration", witness, record_id=record_id, giver=giver)


def dose_given_back(session: Session, taken: Taken, witness: str, record_id: str, reason: str) -> None:
    """A withdrawn dose's quantity back on its page, then reconciled when a count found the
    cupboard as the dose left it (see `recounted`)."""
    recount = recounted(session.db, record_id)
    register_line(session, taken.ward, taken.drug, taken.unit, taken.quantity, "withdrawal", witness,
                  record_id=record_id, note=reason)
    if recount:
        _reconciled(session, taken.ward, taken.drug, taken.unit, -taken.quantity, witness, record_id)


def _ward_at(db: Database, patient_id: str, at: datetime) -> str:
    location = census.location_at(db, patient_id, at)
    return location.ward if location and location.ward else ""


CHOOSE_PAGE = QT_TRANSLATE_NOOP("messages", "Controlled-drug register: ward {ward} keeps {drug} on more than one page "
                                            "in {unit} ({pages}); choose the page the dose was taken from.")
NOT_ITS_PAGE = QT_TRANSLATE_NOOP("messages", "Controlled-drug register: ward {ward} has no page {page} in {unit} for "
                                             "{drug}; its pages for it: {pages}.")


def cd_pages_for(pages: Iterable[Stock], found: Order) -> list[Stock]:
    """The pages of a ward's register (`pages`, those written) a controlled order's doses may be
    taken from: its own (its drug and unit, see `cd_page`) first, then each other page in its
    unit of the very medicines it names ("Morphine" stock for "Morphine sulfate" ordered,
    "Oramorph" for "Morphine"): a dose of an order written otherwise than the cupboard's page was
    refused ("ward 3B holds 0 mg of Morphine sulfate"), and receiving it on a page of its own
    split the ward's morphine over two pages of the legal register. A page counted in another
    unit the dose converts to is one (see `_per_dose_unit`: capsules of a strength, the Oramorph
    page in mg for a dose in mL). Never a page of another medicine, however alike its name
    ("Diamorphine" for "Morphine"), nor a combination sharing one of them."""
    pages = list(pages)
    own = cd_page(pages, found.drug, found.dose_unit)
    medicines = medicines_in(found.drug)
    return ([own] if own else []) + [page for page in pages if page is not own and _takes_from(page, found)
                                     and medicines_in(page.drug) == medicines]


def page_of(pages: Iterable[Stock], drug: str, found: Order) -> Stock | None:
    """The page among `pages` (`cd_pages_for`'s) whose drug is `drug` (see `cd_page`), in the
    order's unit first, else in another the dose is counted in (a patch's patches, capsules):
    the dose dialog's chosen page, looked for in the order's unit alone, was no page of capsules."""
    pages = list(pages)
    units = dict.fromkeys([found.dose_unit, *(page.unit for page in pages)])
    return next((page for unit in units if (page := cd_page(pages, drug, unit)) is not None), None)


def dose_pages(db: Database, found: Order, given_at: datetime) -> tuple[str, list[Stock]]:
    """The ward a dose given at `given_at` comes from and its pages for the order (see
    `cd_pages_for`), for the dose dialog to offer."""
    ward = _ward_at(db, found.patient_id, given_at)
    return ward, cd_pages_for(_register_pages(db, ward).values(), found)


# The forms a page's name may state, each with the words that state it (folded: no accents, no
# capitals, no plural "s") and the order routes (`ROUTES`' codes, or a route's own words) it is
# given by. A name stating none, or more than one, says nothing of its form.
PAGE_FORMS: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {
    QT_TRANSLATE_NOOP("messages", "oral"): (frozenset((
        "oral", "orale", "buvable", "sirop", "syrup", "liquid", "liquide", "tablet", "tab", "comprime", "cp",
        "capsule", "gelule", "lyoc", "granule", "oramorph", "sevredol", "zomorph", "skenan", "actiskenan", "moscontin",
        "mst", "mxl", "oxycontin", "oxynormoro", "longtec", "shortec", "sophidone")), ("PO", "NG")),
    QT_TRANSLATE_NOOP("messages", "injection"): (frozenset((
        "injection", "injectable", "inj", "ampoule", "ampule", "amp", "vial")), ("IV", "IM", "SC")),
    QT_TRANSLATE_NOOP("messages", "patch"): (frozenset((
        "patch", "patche", "transdermal", "transdermique", "durogesic", "matrifen", "fencino", "mezolar", "butrans",
        "transtec")), ("TOP", "transdermal", "transdermique", "TD")),
}
ASK_FOR_FORM = {
    "oral": QT_TRANSLATE_NOOP("messages", "Controlled-drug register: {page} ({form}) for a {route} dose: choose the "
                                          "page of the oral form, or receive its stock first."),
    "injection": QT_TRANSLATE_NOOP("messages", "Controlled-drug register: {page} ({form}) for a {route} dose: choose "
                                               "the injection's page, or receive the injection's stock first."),
    "patch": QT_TRANSLATE_NOOP("messages", "Controlled-drug register: {page} ({form}) for a {route} dose: choose the "
                                           "patch's page, or receive the patches' stock first."),
}
WRONG_FORM = QT_TRANSLATE_NOOP("messages", "{field}: {problem} To take the dose from {page} all the same, choose it "
                                           "there.")
RELEASES = {Release.MODIFIED: QT_TRANSLATE_NOOP("messages", "modified release"),
            Release.IMMEDIATE: QT_TRANSLATE_NOOP("messages", "immediate release")}
WRONG_RELEASE = QT_TRANSLATE_NOOP("messages", "Controlled-drug register: {page} is {page_release} and the order, "
                                              "{drug}, {release}: choose the page of the {release} form, or receive "
                                              "its stock first.")
UNSTATED_RELEASE = QT_TRANSLATE_NOOP("messages", "Controlled-drug register: {page} is modified release and the order, "
                                                 "{drug}, states none: choose the page only if that is what was "
                                                 "given.")
WRONG_STRENGTH = QT_TRANSLATE_NOOP("messages", "Controlled-drug register: {page} is {page_strength} and the order, "
                                               "{drug}, {strength}: choose the page of that strength, or receive its "
                                               "stock first.")
PAGE_FIELD = QT_TRANSLATE_NOOP("messages", "Stock from register page")


def page_form(drug: str) -> str | None:
    """The form a page's name states (see `PAGE_FORMS`), None when it states none or several."""
    folded = unicodedata.normalize("NFKD", drug.casefold())
    words = {word.removesuffix("s") for word in "".join(
        letter if letter.isalnum() else " " for letter in folded if not unicodedata.combining(letter)).split()}
    found = [form for form, (names, _) in PAGE_FORMS.items() if words & names]
    return found[0] if len(found) == 1 else None


def route_form(found: Order) -> str | None:
    """The form an order's route is given in (`PAGE_FORMS`), None for a route none is for."""
    return next((form for form, (_, routes) in PAGE_FORMS.items()
                 if any(not route_differs(found, route) for route in routes)), None)


def wrong_form(page: Stock, found: Order) -> Phrase | None:
    """Why a page is not the one for the order, None when it may be: its name states a form
    (`page_form`) other than the route's (the oral solution's for a dose given SC), a release
    (`release_of`) other than the order's (Oramorph's for a Zomorph order), a modified release
    for an order stating none (a PRN "Morphine 10 mg" is the immediate-release liquid: the
    Zomorph capsules' page, the only one offered, was taken unasked), or a strength other than
    the order's (`Strength.differs`: 30 mg/mL for a 10 mg/mL order; a patch of 25 micrograms an
    hour for one of 12). The page is then never
    taken unless the nurse chooses it: morphine 5 mg SC came silently off "Oramorph", the ward's
    only morphine page in mg, leaving the injection's ampoules unaccounted for; a Zomorph dose
    came off the Oramorph page, a release-form mix-up or a register wrong for both; 10 mg of a
    10 mg/mL order off the 30 mg/mL ampoules' page, a threefold volume."""
    form, wanted = page_form(page.drug), route_form(found)
    if form is not None and wanted is not None and form != wanted:
        return Phrase(ASK_FOR_FORM[wanted], {"page": page.drug, "form": Phrase(form), "route": found.route.strip()})
    stated, ordered = release_of(page.drug), release_of(found.drug)
    if stated is not None and ordered is not None and stated is not ordered:
        return Phrase(WRONG_RELEASE, {"page": page.drug, "page_release": Phrase(RELEASES[stated]),
                                      "drug": found.drug.strip(), "release": Phrase(RELEASES[ordered])})
    if stated is Release.MODIFIED and ordered is None:
        return Phrase(UNSTATED_RELEASE, {"page": page.drug, "drug": found.drug.strip()})
    strength, wanted_strength = name_strength(page.drug), order_strength(found)
    patch = _unit_word(page.unit) == PATCH or PATCH in (found.form, form)
    if strength is not None and wanted_strength is not None and strength.differs(wanted_strength, each=patch):
        return Phrase(WRONG_STRENGTH, {"page": page.drug, "page_strength": strength.words(per_hour=patch),
                                       "drug": found.drug.strip(), "strength": wanted_strength.words(per_hour=patch)})
    return None


def default_page(pages: list[Stock], found: Order) -> Stock | None:
    """The page a dose is written on unless another is chosen: the order's own, else the only
    one; None when several are (a dose of morphine from the injection's page or the oral
    solution's is the nurse's to say), or when that page is not the order's form, release or
    strength (`wrong_form`)."""
    if pages and (len(pages) == 1 or cd_page(pages[:1], found.drug, found.dose_unit) is not None):
        return None if wrong_form(pages[0], found) else pages[0]
    return None


def dose_page(pages: list[Stock], found: Order, chosen: str | None, ward: str) -> Stock:
    """The page (one of `cd_pages_for`'s) a dose is written on: `chosen` (a page's drug, as
    typed), else `default_page`; with none at all, the order's own, empty (the dose refused for
    want of stock). Refused, naming the pages, when `chosen` is none
    of them or when several are and none was chosen; naming the page field, when the only one is
    for another form, release or strength than the order's (`wrong_form`) and was not chosen."""
    words = ", ".join(page.drug for page in pages) or "—"
    if chosen is not None:
        if (page := page_of(pages, chosen, found)) is None:
            raise ServiceError(NOT_ITS_PAGE, ward=ward, page=chosen.strip(), unit=found.dose_unit, drug=found.drug,
                               pages=words)
        return page
    if (page := default_page(pages, found)) is not None:
        return page
    if len(pages) == 1 and (problem := wrong_form(pages[0], found)):
        raise ServiceError(WRONG_FORM, field=Phrase(PAGE_FIELD), problem=problem, page=pages[0].drug)
    if pages:
        raise ServiceError(CHOOSE_PAGE, ward=ward, drug=found.drug, unit=found.dose_unit, pages=words)
    return Stock(found.drug.strip(), found.dose_unit, 0.0)


def register_line(session: Session, ward: str, drug: str, unit: str, change: float, kind: str,
                  witness: str, record_id: str | None = None, note: str | None = None,
                  giver: str | None = None) -> str:
    """The line's id. `giver`: a dose's giver who confirmed it with their PIN, neither the line's
    author nor its witness (see medication._giver_confirms), named in its audit entry."""
    now, line_id = session.clock(), str(uuid.uuid4())
    audit.insert_audited(session.db, "cd_register", {
        "id": line_id, "ward": ward, "drug": drug.strip(), "unit": unit, "change": change,
        "kind": kind, "record_id": record_id, "note": note, "author": session.user.staff_id,
        "witness": witness, "at": now.isoformat()}, at=now, actor=session.user.staff_id,
        device_id=session.device.device_id, action=f"cd.{kind}",
        detail={"giver_confirmed": giver} if giver else None)
    return line_id


def _a_number(quantity: float) -> None:
    """Refuse a quantity that is no number (`inf`, `nan`, typed at the command line, which reads
    them as floats): "inf" received made the page's balance infinite, and "nan" stopped the line's
    write on the database after the witness's PIN was checked."""
    if not math.isfinite(quantity):
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Controlled-drug register: “{quantity}” is not a quantity: give "
                                                         "a number."), quantity=str(quantity))


def cd_receive(session: Session, ward: str, drug: str, unit: str, quantity: float,
               witness: tuple[str, str], note: str | None = None) -> float:
    """Stock received on the ward, witnessed; returns the new balance. Never below zero: a
    negative receipt wrote a cupboard holding less than the register as a routine line, when a
    difference is a discrepancy the cupboard's count reports (`cd_count`). Signed by a nurse or
    a doctor (`_register_signer`), witnessed by another or the pharmacist (`REGISTER_WITNESS`)."""
    _register_signer(session)
    drug, unit = _page_named(drug, unit)
    _a_number(quantity)
    if quantity <= 0:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Controlled-drug register: a quantity received is above zero; "
                                                         "a cupboard holding less than the register is counted "
                                                         "(Cupboard count), the difference written as a discrepancy."))
    return _witnessed(session, ward, drug, unit, "receipt", witness, [(quantity, None)], note=note,
                      check=REGISTER_WITNESS)


SUPPLY = "supply"
"""A line of stock supplied to a patient to take home (TTO), its `record_id` the patient's id."""
SUPPLY_TO = (StayStatus.IN, StayStatus.DISCHARGED)
"""The stays of the patients a ward supplies: going home, or gone (the supply typed after the discharge)."""


def cd_supply_patients(db: Database, forms: dict[str, FormSpec], ward: str) -> list[PatientSummary]:
    """The patients a ward's stock may be supplied to (`cd_supply`), the register tab's dialog
    offers and `cd supply` takes: those on the ward by bed, then those discharged from it by
    name, as the supply is written before the patient leaves or typed after."""
    here = ward.strip().casefold()
    found = [patient for patient in census.all_patients(db, forms).values()
             if patient.stay in SUPPLY_TO and (patient.ward or "").strip().casefold() == here]
    return sorted(found, key=lambda patient: (patient.stay is not StayStatus.IN, census.bed_order(
        patient.bed if patient.stay is StayStatus.IN else ""), patient.display_name.casefold()))


def cd_supply(session: Session, ward: str, drug: str, unit: str, quantity: float, patient_id: str,
              witness: tuple[str, str], note: str | None = None) -> float:
    """Stock supplied to a patient to take home, witnessed, as the paper register writes
    "supplied to <patient> on discharge"; returns the balance. The register had no line for it:
    the 14 capsules handed over made the next count a discrepancy to report to the pharmacist, and
    the supply to a named patient was written nowhere. The patient (one of `cd_supply_patients`)
    is in the line's `record_id`, where a dose's line holds its dose. Refused above the balance
    before the witness is tried: what the register does not hold cannot have left it."""
    _register_signer(session)
    drug, unit = _page_named(drug, unit)
    _a_number(quantity)
    if quantity <= 0:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Controlled-drug register: the quantity supplied must be above "
                                                         "zero."))
    if patient_id not in {patient.patient_id for patient in cd_supply_patients(session.db, session.forms, ward)}:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Controlled-drug register: choose the patient it is supplied "
                                                         "to, on ward {ward} or discharged from it."),
                           ward=ward.strip())
    balance = cd_balance(session.db, ward, drug, unit)
    if balance - quantity < -1e-9:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Controlled-drug register: ward {ward} holds {balance} {unit} "
                                                         "of {drug}; {quantity} {unit} cannot be supplied from it."),
                           ward=ward.strip(), balance=Number(balance), unit=unit, drug=drug, quantity=Number(quantity))
    return _witnessed(session, ward, drug, unit, SUPPLY, witness, [(-quantity, patient_id)], note=note)


def _witnessed(session: Session, ward: str, drug: str, unit: str, kind: str, witness: tuple[str, str],
               lines: Sequence[tuple[float, str | None]], *, note: str | None = None,
               check: SecondCheck = WITNESS) -> float:
    """The lines (each its change and `record_id`) the nurse writes with a witness (a receipt, a
    supply, a line marked entered in error with the reconciliation written with it), in one
    transaction with the witness's PIN audited as confirming the first; returns the balance."""
    witness_id = checked_witness(session, witness, check=check)
    with session.db.atomic():
        written = [register_line(session, ward, drug, unit, change, kind, witness_id, record_id=record_id, note=note)
                   for change, record_id in lines]
        pin_confirmed(session, witness_id, PinUse.WITNESS, {"register_line": written[0]})
    return cd_balance(session.db, ward, drug, unit)


@dataclass(frozen=True)
class CountCheck:
    """A cupboard count against its page of the register: the page's first line is its
    `opening` count (the register the outage opens with); a later count that differs is a
    discrepancy, reported and investigated, never absorbed as a routine correction."""

    counted: float
    balance: float
    opening: bool

    @property
    def difference(self) -> float:
        return _quantity(self.counted - self.balance)

    @property
    def discrepancy(self) -> bool:
        return not self.opening and self.difference != 0

    def said(self, unit: str) -> Phrase:
        """"18 mg fewer than the register (20 mg)", or more."""
        template = (QT_TRANSLATE_NOOP("messages", "{difference} {unit} fewer than the register ({balance} {unit})")
                    if self.difference < 0 else
                    QT_TRANSLATE_NOOP("messages", "{difference} {unit} more than the register ({balance} {unit})"))
        return Phrase(template, {"difference": Number(abs(self.difference)), "unit": unit, "balance": Number(self.balance)})


def cd_count_check(db: Database, ward: str, drug: str, unit: str, counted: float) -> CountCheck:
    """What a count of `counted` would write, asked before it is: the register tab and `cd count`
    name a discrepancy to the nurse before any witness is tried."""
    opening = db.execute(f"SELECT COUNT(*) FROM cd_register WHERE ward = ? AND drug = ? AND unit = ? COLLATE NOCASE"
                         f" AND kind != '{STRUCK}' AND {STANDING}", [ward, drug.strip(), unit.strip()]).fetchone()[0] == 0
    return CountCheck(_quantity(counted), cd_balance(db, ward, drug, unit), opening)


def cd_count(session: Session, ward: str, drug: str, unit: str, counted: float, witness: tuple[str, str],
             note: str | None = None, *, discrepancy_note: str | None = None) -> float:
    """The cupboard counted against the register, witnessed; returns the balance. A count that
    matches is written too (a "count" line, the balance unchanged): the legal register shows
    every check with its two signatures. The page's first count opens it. One that differs is a
    "discrepancy" line, written only with `discrepancy_note` (who was told: the nurse in charge,
    the pharmacist): counting 2 for 20 rewrote the register silently as a correction of -18.
    The pharmacist may witness it (`REGISTER_WITNESS`)."""
    _register_signer(session)
    drug, unit = _page_named(drug, unit)
    _a_number(counted)
    if counted < 0:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Controlled-drug register: the balance cannot go below zero."))
    reported = (discrepancy_note or "").strip()
    witness_id = checked_witness(session, witness, check=REGISTER_WITNESS)
    with session.db.atomic():
        check = cd_count_check(session.db, ward, drug, unit, counted)
        if check.discrepancy and not reported:
            raise ServiceError(QT_TRANSLATE_NOOP("messages", "Controlled-drug register: {counted} {unit} counted, "
                                                             "{difference}. A discrepancy is written only with a note "
                                                             "saying who was told (the nurse in charge, the "
                                                             "pharmacist)."),
                               counted=Number(check.counted), unit=unit, difference=check.said(unit))
        if reported and not check.discrepancy:
            raise ServiceError(QT_TRANSLATE_NOOP("messages", "Controlled-drug register: {counted} {unit} counted, as "
                                                             "the register holds: there is no discrepancy to report."),
                               counted=Number(check.counted), unit=unit)
        kind = "discrepancy" if check.discrepancy else "opening" if check.opening else "count"
        written = "; ".join(text for text in (reported, (note or "").strip()) if text) or None
        line_id = register_line(session, ward, drug, unit, check.difference, kind, witness_id, note=written)
        pin_confirmed(session, witness_id, PinUse.WITNESS, {"register_line": line_id})
    return cd_balance(session.db, ward, drug, unit)


STRIKABLE: dict[str, SecondCheck] = {
    "receipt": REGISTER_WITNESS, "opening": REGISTER_WITNESS, "count": REGISTER_WITNESS,
    "discrepancy": REGISTER_WITNESS, "correction": REGISTER_WITNESS, "wastage": WITNESS, SUPPLY: WITNESS}
"""The lines a nurse wrote that may be marked entered in error (`cd_strike`), each with the
witness who signs the mark as theirs was signed. A dose's line is withdrawn with its dose
(medication.withdraw_dose), a reconciliation and a mark stay as written."""
RECONCILED_AGAINST = QT_TRANSLATE_NOOP("messages", "Controlled-drug register: doses charted after this count were "
                                                   "reconciled against it, as already out of the cupboard it found: "
                                                   "marked entered in error, the register would be wrong by them. "
                                                   "Count the cupboard again with a witness (Cupboard count) and say "
                                                   "in its note why this count was wrong.")
NOT_STRIKABLE = QT_TRANSLATE_NOOP("messages", "Controlled-drug register: a dose's line is withdrawn with its dose "
                                              "(entered in error on the chart); a reconciliation or a line marking "
                                              "another entered in error is never struck out.")


def cd_strike(session: Session, line_id: str, reason: str, witness: tuple[str, str]) -> float:
    """A line written in error (a receipt on the wrong page, a quantity mistyped, a wastage or a
    supply that never happened, a count of the wrong page) marked so, with its reason and a
    witness, as the paper register's line is bracketed and signed: a "struck" line giving its
    change back, tied to it by its `record_id`, the line itself kept and shown entered in error;
    returns the balance. The only way back was a cupboard count, written as a DISCREPANCY to
    report to the pharmacist when nothing went missing, which hid the real ones. Refused when
    the balance would go below zero (what it gives back already left the cupboard since), and
    for a count later doses' reconciliations rely on (`_reconciled_against`). A wastage written
    with its reconciliation (`_discarded_before_count`) is marked with it (`_reconciled_with`):
    struck alone, the reconciliation stood, the register 5 mg above the cupboard, and a later
    loss of 5 mg showed as no discrepancy."""
    _register_signer(session)
    if not reason.strip():
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Controlled-drug register: say why the line was entered in "
                                                         "error."))
    row = session.db.execute(f"SELECT ward, drug, unit, change, kind, {STANDING} FROM cd_register WHERE id = ?",
                             [line_id.strip()]).fetchone()
    if row is None:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Controlled-drug register: no line {line}."),
                           line=repr(line_id.strip()))
    ward, drug, unit, change, kind, standing = row
    if kind not in STRIKABLE:
        raise ServiceError(NOT_STRIKABLE)
    if not standing:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Controlled-drug register: this line is marked entered in "
                                                         "error already."))
    if kind in COUNTS and _reconciled_against(session, ward, drug, unit, line_id.strip()):
        raise ServiceError(RECONCILED_AGAINST)
    lines = [(_quantity(-change), line_id.strip())] + [
        (_quantity(-reconciled), reconciled_id)
        for reconciled_id, reconciled in _reconciled_with(session.db, line_id.strip()) if kind == "wastage"]
    if cd_balance(session.db, ward, drug, unit) + sum(back for back, _ in lines) < -1e-9:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Controlled-drug register: ward {ward} holds {balance} {unit} "
                                                         "of {drug}; taking the line's {quantity} {unit} back would "
                                                         "leave it below zero. Count the cupboard with a witness."),
                           ward=ward, balance=Number(cd_balance(session.db, ward, drug, unit)), unit=unit, drug=drug,
                           quantity=Number(change))
    return _witnessed(session, ward, drug, unit, STRUCK, witness, lines, note=reason.strip(), check=STRIKABLE[kind])


def _reconciled_with(db: Database, line_id: str) -> list[tuple[str, float]]:
    """The standing "reconciled" line (its id and change) written just before the line `line_id`
    for the same dose, in its transaction (`cd_waste`), if any."""
    return [(str(row[0]), float(row[1])) for row in db.execute(
        f"SELECT reconciled.id, reconciled.change FROM cd_register line JOIN cd_register reconciled"
        f" ON reconciled.record_id = line.record_id AND reconciled.kind = 'reconciled'"
        f" AND reconciled.rowid = (SELECT MAX(rowid) FROM cd_register WHERE rowid < line.rowid)"
        f" WHERE line.id = ? AND reconciled.{STANDING}", [line_id])]


def _reconciled_against(session: Session, ward: str, drug: str, unit: str, line_id: str) -> bool:
    """Whether a "reconciled" line relies on the count `line_id` (`_Counted`): a dose charted
    after it as given before it, or withdrawn after it, reconciled as the cupboard it found. The
    count struck gave back its discrepancy and left the reconciliation standing, the register 5 mg
    above the cupboard. The strike is refused rather than taking the reconciliations with it:
    which count a dose was found gone by is read back, never written, and a count of the cupboard
    again sets the register to what it holds, by two signatures."""
    return any(line.counted_by == line_id for line in cd_lines(session.db, session.forms, ward, drug, unit))


def cd_lines_to_strike(db: Database, forms: dict[str, FormSpec], ward: str, drug: str, unit: str) -> list[RegisterLine]:
    """The page's lines `cd_strike` may mark entered in error, latest first, as the register tab
    and `cd strike` offer them: those a nurse wrote (`STRIKABLE`) and not marked already."""
    return [line for line in reversed(cd_lines(db, forms, ward, drug, unit))
            if line.kind in STRIKABLE and line.struck is None]


def _page_named(drug: str, unit: str) -> tuple[str, str]:
    drug, unit = drug.strip(), unit.strip()
    if not drug or not unit:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Controlled-drug register: name the drug and its unit."))
    return drug, unit


@dataclass(frozen=True)
class Stock:
    """One drug's page of a ward's register."""

    drug: str
    unit: str
    balance: float


@dataclass(frozen=True)
class RegisterLine:
    """A line of a drug's page, with the balance it left: `at` is when the line was written; a
    dose's, a withdrawn dose's and a dose's wastage name the dose (`record_id`), its patient
    (downtime number and name) and when the dose was given (`given_at`, from the dose's record);
    a supply to take home names its patient, and no dose."""

    at: datetime
    kind: str
    change: float
    balance: float
    author: str
    witness: str
    patient: str | None
    note: str | None
    given_at: datetime | None = None
    patient_name: str | None = None
    record_id: str | None = None
    on_paper: bool = False
    """A dose transcribed from the paper chart: its witness signed the paper, not a PIN here."""
    giver: str | None = None
    """Who gave the dose, when not whoever typed it (`given_by`); none on its reconciliation,
    the author's own entry."""
    line_id: str | None = None
    """The register line's own id: a records office merging laptops' registers takes each line once."""
    counted_at: datetime | None = None
    """A "reconciled" line's count: the one that already found the cupboard as the dose left it
    (see `_Counted`)."""
    struck: str | None = None
    """Why the line was marked entered in error (`cd_strike`), None when it stands."""
    strikes: RegisterLine | None = None
    """A "struck" line's: the line it marks entered in error."""
    counted_by: str | None = None
    """A "reconciled" line's count's own line id (`counted_at` its time), which may not be
    struck while it stands (`cd_strike`)."""

    def by_text(self, names: Mapping[str, str], lang: Lang) -> str:
        """The line's "By": a dose given by a colleague names its giver first, then its typist.
        The typist alone read as the giver, and beside a witness who was that typist the line
        read as a dose witnessed by the person who gave it."""
        author = names.get(self.author, self.author)
        if not self.giver or self.giver == self.author:
            return author
        return message(lang, QT_TRANSLATE_NOOP("messages", "{giver} (gave it; entered by {author})"),
                       giver=names.get(self.giver, self.giver), author=author)

    def witness_text(self, names: Mapping[str, str], lang: Lang, zone: tzinfo | None) -> str:
        """The line's witness by name; one who signed the paper chart said so, with who typed the
        dose in and when (on the ward's clock, `zone`: see `when_texts`), as the register's witness
        column shows no PIN signed for it here."""
        witness = names.get(self.witness, self.witness)
        if not self.on_paper:
            return witness
        return message(lang, QT_TRANSLATE_NOOP("messages", "witness on paper: {witness} (transcribed by {author} at "
                                                           "{at})"),
                       witness=witness, author=names.get(self.author, self.author), at=ward_time(self.at, zone))

    def patient_text(self) -> str:
        """The patient as the paper register names them, the downtime number then the name: the
        number alone sent the pharmacist to the census for every line."""
        if self.patient and self.patient_name:
            return f"{self.patient} — {self.patient_name}"
        return self.patient or ""

    def when_texts(self, zone: tzinfo | None) -> tuple[str, str | None]:
        """The line's "When" and, for a dose written far from its giving (`written_apart`: charted
        from paper after an outage), when it was written: the time alone the same day. A legal
        register dates a dose by its administration; the line was dated by its typing, and every
        dose charted from paper at 14:10 read 14:10. A withdrawal, which gives a dose's quantity
        back, is dated by that dose's giving and always says when it was written (withdrawn): dated
        by its writing alone, which dose it undid was left to guess. Any other line is dated when
        it was written, a dose's wastage and reconciliation included (their entry names the dose's
        time). Each time is on the ward's clock (`zone`), with its offset in the hour the clocks
        repeat (domain.clock.ward_time): two doses of morphine an hour apart, at 02:30 summer time
        and 02:30 winter time, read as one minute on this legal register, a double dose."""
        if self.given_at is None or self._dated_written:
            return ward_time(self.at, zone, DATED), None
        written = (written_when(self.at, self.given_at, zone) if self.kind == "withdrawal"
                   else written_apart(self.at, self.given_at, zone))
        return ward_time(self.given_at, zone, DATED), written

    def entry_times(self, zone: tzinfo | None) -> dict[str, str]:
        """The times a line's entry names, on the ward's clock as its "When" (see `when_texts`):
        the dose a reconciliation or a wastage is of (`given`), the count that already held it
        (`counted`), the line struck out (`struck_at`); empty when the line names none."""
        return {key: ward_time(moment, zone, DATED) if moment else ""
                for key, moment in (("given", self.given_at), ("counted", self.counted_at),
                                    ("struck_at", self.strikes.at if self.strikes else None))}

    @property
    def _dated_written(self) -> bool:
        return self.kind in ("wastage", "reconciled", STRUCK)

    @property
    def dated_at(self) -> datetime:
        """The moment the line's "When" says (`when_texts`): a dose's and a withdrawal's giving,
        any other line's writing; the export writes it with its offset."""
        return self.at if self.given_at is None or self._dated_written else self.given_at


def cd_stock(db: Database, forms: dict[str, FormSpec], ward: str) -> list[Stock]:
    """Every drug the ward's register holds a page for, and every controlled drug ordered for a
    patient on the ward that no page is for (see `cd_pages_for`, which counts a page of its
    medicine in a unit its dose converts to: capsules, or mg for a dose in mL, were listed again
    as an empty page in the order's unit, inviting a second page for one box), or only pages of
    another form, release or strength (`wrong_form`: its own page is to be received), by name;
    its page may still be empty."""
    from downtime.services.medication import order_of  # which deducts doses through this module

    pages = _register_pages(db, ward)
    written = list(pages.values())
    on_ward = [patient.patient_id for patient in census.in_patients(db, forms, ward=ward)]
    for found in (order_of(record) for record in list_current(db, form_id=records.ORDER_FORM, patient_ids=on_ward)
                  if record.status is not RecordStatus.ENTERED_IN_ERROR):
        if found.controlled and all(wrong_form(page, found) for page in cd_pages_for(written, found)):
            pages.setdefault(_page_key(found.drug, found.dose_unit), Stock(found.drug.strip(), found.dose_unit, 0.0))
    return sorted(pages.values(), key=lambda stock: (stock.drug.casefold(), stock.drug, stock.unit))


def _register_pages(db: Database, ward: str) -> dict[tuple[str, str], Stock]:
    return {_page_key(row[0], row[1]): Stock(row[0], row[1], _quantity(row[2])) for row in db.execute(
        "SELECT drug, unit, SUM(change) FROM cd_register WHERE ward = ? GROUP BY drug, unit COLLATE NOCASE", [ward])}


def cd_page(pages: Iterable[Stock], drug: str, unit: str) -> Stock | None:
    """The page of a ward's register (`cd_stock`'s) a typed drug and unit are on: written as the
    page writes them, else alike but for case ("MORPHINE" is the page's "Morphine"), the page's
    own spelling returned to write with. None when no page (or more than one) is: "Morphin"
    received on a page of its own split the ward's morphine over two pages of the legal
    register, the balance wrong on both, so the caller refuses it or asks first."""
    pages = list(pages)
    typed = (drug.strip(), unit.strip())
    found = [page for page in pages if (page.drug, page.unit) == typed] or [
        page for page in pages if (page.drug.casefold(), page.unit.casefold()) == tuple(map(str.casefold, typed))]
    return found[0] if len(found) == 1 else None


def cd_pages_alike(pages: Iterable[Stock], drug: str) -> list[Stock]:
    """The pages of a ward's register a new page for `drug` could be a second page of, in any
    unit (see `names_alike`): opened unquestioned, "Morphin" beside "Morphine" split the ward's
    morphine over two pages of the legal register, the balance wrong on both. The command line
    and the register tab warn before opening a page alike one of these."""
    return [page for page in pages if names_alike(drug, page.drug)]


def cd_lines(db: Database, forms: dict[str, FormSpec], ward: str, drug: str, unit: str) -> list[RegisterLine]:
    """A drug's page in the order its lines were written, each with the balance after it (a
    dose charted late from paper comes after the lines written before it, whenever it was given;
    a line written after the laptop's clock was put back comes after those written before, though
    dated earlier: ordered by its date, the dose a receipt paid for came first, at -5 mg;
    when given before a count written before it, its "reconciled" line beside it puts the
    quantity back, see `counted_since` and `recounted`)."""
    from downtime.services.medication import GIVEN_BY, TRANSCRIBED  # which deducts doses through this module

    rows = list(db.execute("SELECT at, kind, change, author, witness, record_id, note, id FROM cd_register"
                           " WHERE ward = ? AND drug = ? AND unit = ? COLLATE NOCASE ORDER BY rowid",
                           [ward, drug.strip(), unit.strip()]))
    doses = current_of(db, {row[5] for row in rows if row[5] and row[1] not in (SUPPLY, STRUCK)})
    struck = {row[5]: row[6] for row in rows if row[1] == STRUCK}
    written: dict[str, RegisterLine] = {}
    patient_ids = {str(dose.patient_id) for dose in doses.values()} | {row[5] for row in rows if row[1] == SUPPLY}
    numbers = downtime_numbers(db, patient_ids)
    names = {pid: summary.display_name for pid, summary in census.all_patients(db, forms, patient_ids).items()}
    lines: list[RegisterLine] = []
    balance, counted = 0.0, _Counted()
    for index, (at, kind, change, author, witness, record_id, note, line_id) in enumerate(rows):
        balance = _quantity(balance + change)
        dose = doses.get(record_id) if record_id else None
        patient = record_id if kind == SUPPLY else str(dose.patient_id) if dose else ""
        given_at = datetime.fromisoformat(dose.data["given_at"]) if dose and dose.data.get("given_at") else None
        count = counted.line(datetime.fromisoformat(at), kind if line_id not in struck else STRUCK, change,
                             record_id, given_at, line_id)
        lines.append(written.setdefault(line_id, RegisterLine(
            datetime.fromisoformat(at), kind, change, balance, author, witness, numbers.get(patient), note, given_at,
            names.get(patient), None if kind in (SUPPLY, STRUCK) else record_id,
            _signed_on_paper(kind, change, record_id, rows[index + 1:index + 2])
            and dose is not None and bool(dose.data.get(TRANSCRIBED)),
            dose.data.get(GIVEN_BY) if dose and kind != "reconciled" else None, line_id, count[0] if count else None,
            struck.get(line_id), written.get(record_id) if kind == STRUCK and record_id else None,
            count[1] if count else None)))
    return lines


class _Counted:
    """Which count each dose's "reconciled" line is for, read down a page in writing order: a
    dose charted late, the first count since its giving (see `counted_since`); a
    withdrawn dose, the count that found the cupboard as the dose left it (see `recounted`). A
    count marked entered in error is read as its mark ("struck"): no count, as `STANDING` has it."""

    def __init__(self) -> None:
        self.counts: list[tuple[datetime, str]] = []
        self.waiting: set[str] = set()
        """Doses whose line no count has been written after yet."""
        self.found: dict[str, tuple[datetime, str | None]] = {}
        """Each dose's count, when it was written and its line's id (None: no count found, the
        reconciled line's own time)."""

    def line(self, at: datetime, kind: str, change: float, record_id: str | None,
             given_at: datetime | None, line_id: str) -> tuple[datetime, str | None] | None:
        """The count of a "reconciled" line, when and which, None for any other line."""
        if kind in COUNTS:
            self.counts.append((at, line_id))
            self.found.update(dict.fromkeys(self.waiting, (at, line_id)))
            self.waiting.clear()
        elif kind == "administration" and record_id and record_id not in self.found:
            self.waiting.add(record_id)
        elif kind == "reconciled" and record_id and change > 0 and given_at is not None:
            self.found[record_id] = next((count for count in self.counts if count[0] > given_at), (at, None))
        return self.found.get(record_id) if kind == "reconciled" and record_id else None


def _signed_on_paper(kind: str, change: float, record_id: str | None, following: Sequence[Sequence[object]]) -> bool:
    """Whether a dose's line is witnessed as the dose is, on the paper chart when transcribed
    from it: its administration and the reconciliation written with it, just before it (which
    puts the quantity back: see `dose_given`); a withdrawal, a wastage (see `cd_waste`) and their
    reconciliations are witnessed here with a PIN. `following`: the page's next row, if any."""
    if kind == "reconciled":
        return change > 0 and any(row[1] == "administration" and row[5] == record_id for row in following)
    return kind == "administration"


def register_pages(db: Database) -> list[tuple[str, str, str]]:
    """Every page of every ward's register on this laptop, as (ward, drug, unit), by ward then drug."""
    return sorted(((ward, drug, unit) for ward, drug, unit in db.execute(
        "SELECT ward, drug, unit FROM cd_register GROUP BY ward, drug, unit COLLATE NOCASE")),
        key=lambda page: (page[0].casefold(), page[1].casefold(), page[2]))


WASTABLE = 12
"""How many of a drug's latest doses still without their wastage the register offers to record it against."""

NOTHING_TAKEN = QT_TRANSLATE_NOOP("messages", "Controlled-drug register: this dose takes nothing from the register "
                                              "(withdrawn?); record what was discarded as a count.")
NONE_GIVEN = QT_TRANSLATE_NOOP("messages", "No dose of {drug} has been given from ward {ward}'s register: wastage "
                                           "is recorded against a dose given (a withdrawn dose takes none).")
DRAWN_UP = QT_TRANSLATE_NOOP("messages", "Drawn up, not given")
DRAWN_UP_WHY = QT_TRANSLATE_NOOP("messages", "Drawn up, not given ({reason})")
DESTROYED = QT_TRANSLATE_NOOP("messages", "{drawn_up}, destroyed: {quantity} {unit}")
LEFT_IN_INFUSION = QT_TRANSLATE_NOOP("messages", "Left in the infusion, destroyed: {quantity} {unit} (taken from the "
                                                 "register whole when it was set up)")
NOTHING_LEFT_IN_INFUSION = QT_TRANSLATE_NOOP("messages", "Nothing left in the infusion, none destroyed (taken from the "
                                                         "register whole when it was set up)")
MORE_THAN_INFUSED = QT_TRANSLATE_NOOP("messages", "Controlled-drug register: the infusion was set up with {taken} "
                                                  "{unit}; {quantity} {unit} cannot be left in it.")
NOT_DRAWN_UP = QT_TRANSLATE_NOOP("messages", "Controlled-drug register: this dose was charted not given ({reason}): "
                                             "nothing can have been drawn up for it, so nothing of it is destroyed. "
                                             "If the cupboard holds less than the register, count it with a witness "
                                             "(Cupboard count): the difference is written as a discrepancy.")
PATCH_NOT_WASTED = QT_TRANSLATE_NOOP("messages", "Controlled-drug register: a patch is taken from the register whole "
                                                 "when it is applied: nothing of it is left to discard. The patch "
                                                 "taken off is charted with the dose (Previous patch: removed).")
WASTED_WHEN_WITHDRAWN = QT_TRANSLATE_NOOP("messages", "Controlled-drug register: what was left of this dose's "
                                                      "ampoule was recorded discarded already, {quantity} {unit} on "
                                                      "{when} by {author}, witnessed by {witness}, against the dose "
                                                      "given at {given} withdrawn ({reason}). If that wastage was "
                                                      "wrong, mark it entered in error first.")
STILL_UP = QT_TRANSLATE_NOOP("messages", "Controlled-drug register: this infusion is still up on the chart: chart "
                                         "its stop first (Stopped (bag taken down)), then record what was left in it "
                                         "destroyed.")
MORE_THAN_LEFT = QT_TRANSLATE_NOOP("messages", "Controlled-drug register: Quantity discarded: at most {most} {unit} "
                                               "can be left of this dose on {page}; {quantity} {unit} cannot. If more "
                                               "left the cupboard, count it with a witness (Cupboard count): the "
                                               "difference is written as a discrepancy.")
ALL_WASTED = QT_TRANSLATE_NOOP("messages", "Every dose of {drug} given from ward {ward}'s register has its wastage "
                                           "recorded already: a dose's wastage is recorded once. If a quantity was "
                                           "wrong, count the cupboard: the difference is written as a discrepancy.")


@dataclass(frozen=True)
class DosesToWaste:
    """The doses of a drug's page a wastage may be recorded against, latest first, and when
    there is none, why (`none_left`), said alike by the register tab's dialog and `cd wastage`:
    the dialog listed doses whose wastage was recorded, which Save then refused, and an empty
    list said nothing of why. A dose drawn up and charted not given (see `_drawn_up`), which
    wrote no line, is offered as one of kind "not_given", never written: its `change` the
    order's dose (what was drawn up, unless the nurse says otherwise), its `note` why it was not
    given."""

    doses: list[RegisterLine]
    none_left: Phrase | None


def cd_doses_to_waste(session: Session, ward: str, drug: str, unit: str) -> DosesToWaste:
    """The drug's latest doses on the ward's register that `wastage_refusal` allows, latest first
    (by their giving): those given, and those drawn up and charted not given from this page;
    none of a page counted in patches (`PATCH_NOT_WASTED`)."""
    if _unit_word(unit) == PATCH:
        return DosesToWaste([], Phrase(PATCH_NOT_WASTED))
    given = [line for line in reversed(cd_lines(session.db, session.forms, ward, drug, unit))
             if line.kind == "administration" and line.record_id]
    not_given = _not_given_on(session, ward, drug, unit)
    latest = sorted(given + not_given, key=lambda line: line.given_at or line.at, reverse=True)
    doses = list(islice((line for line in latest if wastage_refusal(session, str(line.record_id), drug) is None),
                        WASTABLE))
    if doses:
        return DosesToWaste(doses, None)
    standing = bool(not_given) or any(taken_from_register(session.db, str(line.record_id)) for line in given)
    return DosesToWaste([], Phrase(ALL_WASTED if standing else NONE_GIVEN, {"drug": drug, "ward": ward}))


def _not_given_on(session: Session, ward: str, drug: str, unit: str) -> list[RegisterLine]:
    """The doses of controlled drugs charted not given (and not withdrawn) on `ward`, drawn up
    (`_drawn_up_for`), whose page,
    as a dose given then would have been taken from (`dose_pages`, a page for another form than
    the route's left out: see `wrong_form`), may be this one."""
    from downtime.services.medication import order_of  # which deducts doses through this module

    doses = [dose for dose in list_current(session.db, form_id=census.DOSE_FORM, answered=("outcome", "not_given"))
             if dose.status is not RecordStatus.ENTERED_IN_ERROR and dose.data.get("given_at")]
    orders = current_of(session.db, {str(dose.data.get("order")) for dose in doses})
    numbers = downtime_numbers(session.db, {str(dose.patient_id) for dose in doses})
    names = {pid: summary.display_name for pid, summary in census.all_patients(
        session.db, session.forms, {str(dose.patient_id) for dose in doses}).items()}
    found = []
    for dose in doses:
        record = orders.get(str(dose.data.get("order")))
        order = order_of(record) if record is not None and record.form_id == records.ORDER_FORM else None
        if order is None or not order.controlled or not _drawn_up_for(dose.data, order):
            continue
        given_at = datetime.fromisoformat(dose.data["given_at"])
        at, pages = dose_pages(session.db, order, given_at)
        page = cd_page(pages, drug, unit)
        if at == ward and page is not None and wrong_form(page, order) is None:
            found.append(RegisterLine(given_at, "not_given", -taken_by(page, order, order.dose), page.balance,
                                      dose.author, "",
                                      numbers.get(str(dose.patient_id)), _drawn_up_words(session, dose.data),
                                      given_at, names.get(str(dose.patient_id)), dose.record_id))
    return found


NOTHING_DRAWN_UP = frozenset({"unavailable", "by_rule"})
"""The reasons not given (the dose form's `not_given_reason`) no dose can have been drawn up for:
the drug not available, or none by its rule. Offered as "Drawn up, not given (drug not
available)" with the order's dose filled in, its wastage took stock off the register that never
left the cupboard. Any other may have been: the patient found asleep, away (theatre, X-ray) or
nil by mouth at the bedside, refusing or vomiting, the dose held there, are the ward's usual
reasons for destroying a controlled drug drawn up; refused, the register stayed above the
cupboard until a count wrote a false discrepancy. The reason cannot tell; the nurse and her
witness say whether, and how much, was destroyed."""


def _drawn_up_for(dose: Mapping[str, object], found: Order) -> bool:
    """Whether a dose charted not given of `found` may have been drawn up (not `NOTHING_DRAWN_UP`),
    never a patch's: a patch leaves the page whole when applied, and the one taken off, charted
    not given with the previous patch removed as PATCH STILL ON asks, took a second patch."""
    return dose.get("not_given_reason") not in NOTHING_DRAWN_UP and found.form != PATCH


def _reason_words(session: Session, dose: Mapping[str, object]) -> str:
    """Why a dose was not given, in the dose form's words without the paper chart's code letter
    ("R — Refused" is "refused")."""
    return mid_line(format_value(session.form(census.DOSE_FORM).field("not_given_reason"),
                                 dose.get("not_given_reason"), session.lang).split(" — ", 1)[-1])


def _drawn_up_words(session: Session, dose: Mapping[str, object]) -> str:
    """"Drawn up, not given (refused)"."""
    reason = _reason_words(session, dose)
    return message(session.lang, DRAWN_UP_WHY, reason=reason) if reason else message(session.lang, DRAWN_UP)


def wastage_refusal(session: Session, dose_id: str, page: str | None = None) -> ServiceError | None:
    """Why no wastage may be recorded against a dose, None when it may (see `_wastable`)."""
    try:
        _wastable(session, dose_id, page)
    except ServiceError as refused:
        return refused
    return None


def _wastable(session: Session, dose_id: str, page: str | None = None) -> Taken:
    """What the dose took from the register (or, drawn up and not given, would have: see
    `_drawn_up`, `page` the page chosen), refused (ServiceError) when no wastage may be
    recorded against it: the one rule the doses offered (`cd_doses_to_waste`) and `cd_waste`
    follow. A dose that takes nothing from the register (withdrawn, entered in error) has no
    ampoule of its own to discard from. What was left of a dose's ampoule is discarded once: the
    register does not know how much was drawn up, only what was given, so a second wastage of
    one dose cannot be checked against it (the same 5 mg dose's wastage was written twice, 15 mg
    then 10 mg). The first is named; had its quantity been wrong, the cupboard's count reports
    the difference as a discrepancy. Nor is a patch's (taken whole when applied, see
    `_drawn_up_for`), nor one whose dose was charted again after a dose withdrawn with its
    wastage (`_wasted_when_withdrawn`)."""
    dose, found = _dose_and_order(session, dose_id)
    patch = found is not None and found.controlled and found.form == PATCH
    taken = None if patch else taken_from_register(session.db, dose_id) or _drawn_up(session, dose, found, page)
    if patch or taken is not None and _unit_word(taken.unit) == PATCH:
        raise ServiceError(PATCH_NOT_WASTED)
    if taken is None:
        raise ServiceError(NOTHING_TAKEN)
    row = session.db.execute(f"SELECT at, change, author, witness, note FROM cd_register WHERE record_id = ?"
                             f" AND kind = 'wastage' AND {STANDING} ORDER BY rowid LIMIT 1",
                             [dose_id]).fetchone()
    names = names_with_ids(session.db)
    if row is None:
        if (withdrawn := _wasted_when_withdrawn(session, dose, taken)) is not None:
            row, other = withdrawn
            raise ServiceError(WASTED_WHEN_WITHDRAWN, quantity=Number(-row[1]), unit=taken.unit,
                               when=ward_time(datetime.fromisoformat(row[0]), session.clock().tzinfo, DATED),
                               author=names.get(row[2], row[2]), witness=names.get(row[3], row[3]),
                               given=ward_time(datetime.fromisoformat(str(other.data["given_at"])),
                                               session.clock().tzinfo, DATED), reason=other.reason or "")
        return taken
    at = ward_time(datetime.fromisoformat(row[0]), session.clock().tzinfo, DATED)
    if not row[1]:  # an infusion's remainder, its quantity in its note (see `cd_waste`)
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Controlled-drug register: what was left in this infusion was "
                                                         "recorded destroyed already on {when} by {author}, witnessed "
                                                         "by {witness} ({note})."),
                           when=at, author=names.get(row[2], row[2]),
                           witness=names.get(row[3], row[3]), note=row[4] or "")
    raise ServiceError(QT_TRANSLATE_NOOP("messages", "Controlled-drug register: what was left of this dose was recorded "
                                                     "discarded already, {quantity} {unit} on {when} by {author}, "
                                                     "witnessed by {witness}. A dose's wastage is recorded once; if "
                                                     "that quantity was wrong, count the cupboard: the difference is "
                                                     "written as a discrepancy."),
                       quantity=Number(-row[1]), unit=taken.unit, when=at,
                       author=names.get(row[2], row[2]), witness=names.get(row[3], row[3]))


def _wasted_when_withdrawn(session: Session, dose: RecordVersion | None,
                           taken: Taken) -> tuple[Sequence[object], RecordVersion] | None:
    """The standing wastage (its line's at, change, author, witness) of a dose withdrawn, given at
    the same time from the same page, whose ampoule `dose` is, with that dose: the dose charted
    for the wrong patient (or with a wrong detail), withdrawn as `medication.withdraw_dose` says
    and charted again, is one ampoule, whose rest was discarded against the first (its wastage
    stays, see `taken_from_register`); offered again, it was taken twice. Its ampoule is that of
    one dose only (`_charted_again`), charted after the withdrawal: another patient's given at
    the same minute (a round charted late, at the slot's time) has its own ampoule, and its
    wastage was refused. None when there is none."""
    given_at = dose.data.get("given_at") if dose is not None else None
    if dose is None or not given_at:
        return None
    rows = list(session.db.execute(
        f"SELECT at, change, author, witness, record_id FROM cd_register WHERE ward = ? AND drug = ? AND unit = ?"
        f" COLLATE NOCASE AND kind = 'wastage' AND {STANDING} AND record_id != ? ORDER BY rowid",
        [taken.ward, taken.drug, taken.unit, dose.record_id]))
    others = current_of(session.db, {str(row[4]) for row in rows})
    when = datetime.fromisoformat(str(given_at))
    return next(((row[:4], other) for row in rows if (other := others.get(str(row[4]))) is not None
                 and other.status is RecordStatus.ENTERED_IN_ERROR and other.data.get("given_at")
                 and datetime.fromisoformat(str(other.data["given_at"])) == when
                 and _charted_again(session, other, taken, when) == dose.record_id), None)


def _charted_again(session: Session, withdrawn: RecordVersion, taken: Taken, when: datetime) -> str | None:
    """The dose (its id) a dose withdrawn was charted again as: of the doses given at `when` taken
    from `taken`'s page after its withdrawal gave its quantity back, the one of the same patient
    and order (a detail corrected), else the first (charted for the right patient)."""
    later = [str(row[0]) for row in session.db.execute(
        "SELECT record_id FROM cd_register WHERE ward = ? AND drug = ? AND unit = ? COLLATE NOCASE"
        " AND kind = 'administration' AND rowid > (SELECT MAX(rowid) FROM cd_register WHERE record_id = ?"
        " AND kind = 'withdrawal') ORDER BY rowid", [taken.ward, taken.drug, taken.unit, withdrawn.record_id])]
    doses = current_of(session.db, set(later))
    again = [doses[record_id] for record_id in later if record_id in doses
             and doses[record_id].status is not RecordStatus.ENTERED_IN_ERROR
             and doses[record_id].data.get("given_at")
             and datetime.fromisoformat(str(doses[record_id].data["given_at"])) == when]
    same = [found for found in again if found.patient_id == withdrawn.patient_id
            and found.data.get("order") == withdrawn.data.get("order")]
    return next((found.record_id for found in same + again), None)


def _dose_and_order(session: Session, dose_id: str) -> tuple[RecordVersion | None, Order | None]:
    """A dose's current version and its order (None: no such record, or no medication order's)."""
    from downtime.services.medication import order_of  # which deducts doses through this module

    dose = current_of(session.db, {dose_id}).get(dose_id)
    order_id = str(dose.data.get("order")) if dose is not None else ""
    record = current_of(session.db, {order_id}).get(order_id)
    return dose, order_of(record) if record is not None and record.form_id == records.ORDER_FORM else None


def _drawn_up(session: Session, dose: RecordVersion | None, found: Order | None, page: str | None) -> Taken | None:
    """A controlled drug's dose drawn up, charted not given (refused) and destroyed: the page it
    would have been taken from (`dose_page`: `page` if chosen, refused when the page is the
    nurse's to say), the order's dose. It wrote no line, and the register stayed above the
    cupboard by the dose until a count wrote a discrepancy, unless it was charted given, then
    wasted, then withdrawn. None for any other dose (given, withdrawn, not a controlled drug's);
    refused for one not given for a reason nothing is drawn up for (`_drawn_up_for`)."""
    if (dose is None or dose.form_id != census.DOSE_FORM or dose.status is RecordStatus.ENTERED_IN_ERROR
            or dose.data.get("outcome") != "not_given" or not dose.data.get("given_at")
            or found is None or not found.controlled):
        return None
    if not _drawn_up_for(dose.data, found):
        raise ServiceError(NOT_DRAWN_UP, reason=_reason_words(session, dose.data))
    ward, pages = dose_pages(session.db, found, datetime.fromisoformat(dose.data["given_at"]))
    drawn = dose_page(pages, found, page, ward)
    return Taken(ward, drawn.drug, drawn.unit, taken_by(drawn, found, found.dose))


def cd_waste(session: Session, dose_id: str, quantity: float, witness: tuple[str, str], note: str | None = None, *,
             page: str | None = None) -> float:
    """What was left of the ampoule after a dose and discarded, witnessed, on the dose's page of
    the register and tied to the dose (and so its patient); returns the balance. The register is
    kept in the dose's unit: a 5 mg dose from a 10 mg ampoule left the book 5 mg above the
    cupboard, and the half discarded could only be an anonymous count correction. A dose drawn
    up and charted not given (see `_drawn_up`; `page`: the page chosen) is destroyed whole or in
    part, as much as the nurse says; its line's note says so ("Drawn up, not given (refused),
    destroyed: 5 mg"), the record staying not given. Discarded before a count written since
    (see `_discarded_before_count`), its line stays on the page with its reconciliation first, as
    a dose's (`dose_given`): the balance stays the cupboard's and never reads below nought. An
    infusion's (`left_in_infusion`) may be 0, witnessed, its line saying nothing was left: a
    syringe driver dosed in mg found empty at its stop after a death (its volume unknown, so
    not known to have run through, `infusion_rates._left_to_destroy`) had its destruction asked
    for ever, or a false one written to clear it."""
    _register_signer(session)
    _a_number(quantity)
    taken = _wastable(session, dose_id, page) if quantity >= 0 else None
    given = taken_from_register(session.db, dose_id) is not None
    left_in_infusion = given and _infused(session, dose_id)
    if taken is None or quantity == 0 and not left_in_infusion:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Controlled-drug register: the quantity discarded must be above zero."))
    if left_in_infusion and quantity > taken.quantity + 1e-9:
        raise ServiceError(MORE_THAN_INFUSED, taken=Number(taken.quantity), quantity=Number(quantity), unit=taken.unit)
    if not left_in_infusion and (most := _most_left(taken, given=given)) is not None and quantity > most + 1e-9:
        raise ServiceError(MORE_THAN_LEFT, most=Number(most), unit=taken.unit, page=taken.drug,
                           quantity=Number(quantity))
    if left_in_infusion and _still_up(session, dose_id):
        raise ServiceError(STILL_UP)
    if not given or left_in_infusion:
        dose = current_of(session.db, {dose_id})[dose_id]
        said = message(session.lang, LEFT_IN_INFUSION if quantity else NOTHING_LEFT_IN_INFUSION,
                       quantity=Number(quantity), unit=taken.unit) if left_in_infusion \
            else message(session.lang, DESTROYED, drawn_up=_drawn_up_words(session, dose.data),
                         quantity=Number(quantity), unit=taken.unit)
        note = semicolon(session.lang).join(text for text in (said, (note or "").strip()) if text)
    witness_id = checked_witness(session, witness)
    with session.db.atomic():
        if left_in_infusion:
            quantity = 0.0  # already out of the cupboard: the whole syringe or bag was taken at its set-up
        elif _discarded_before_count(session, dose_id, taken):
            _reconciled(session, taken.ward, taken.drug, taken.unit, quantity, witness_id, dose_id)
        elif cd_balance(session.db, taken.ward, taken.drug, taken.unit) - quantity < -1e-9:
            raise ServiceError(QT_TRANSLATE_NOOP("messages", "Controlled-drug register: the balance cannot go below zero."))
        line_id = register_line(session, taken.ward, taken.drug, taken.unit, -quantity, "wastage", witness_id,
                                record_id=dose_id, note=note)
        pin_confirmed(session, witness_id, PinUse.WITNESS, {"register_line": line_id})
    return cd_balance(session.db, taken.ward, taken.drug, taken.unit)


def _still_up(session: Session, dose_id: str) -> bool:
    """Whether an infusion's bag (or syringe) is still up on the chart now (`infusion_rates.bag_up`:
    never charted stopped, nor a later bag of its order put up), whatever the patient's stay:
    what was left in a driver still running was recorded destroyed at 13:30, and the real
    destruction at the death, that evening, refused as recorded already."""
    from downtime.services import infusion_rates  # which imports this module

    found = _dose_and_order(session, dose_id)[1]
    bag = infusion_rates.bag_up(session.db, found, session.clock()) if found is not None else None
    return bag is not None and bag.record_id == dose_id


def _most_left(taken: Taken, *, given: bool) -> float | None:
    """The most a dose's wastage may discard, None when the register cannot tell: the whole of
    what its page's units hold that the dose opened (whole tablets, capsules or ampoules, or
    ampoules of the strength the page's name states: "Morphine 10 mg ampoule"), less the dose
    given; drawn up and not given, the dose itself on a page whose units are not known. 50 mg
    was destroyed of a 5 mg dose drawn up, 95 mg discarded after a 5 mg dose: stock left the
    legal register as wastage, and the next count agreed with it."""
    word, each = _unit_word(taken.unit), name_strength(taken.drug)
    if word in COUNTED_UNITS:
        size = 1.0
    elif word in MASS_WORDS and _each(each):
        size = each.mg / MASS_WORDS[word]
    else:
        return None if given else taken.quantity
    opened = math.ceil(taken.quantity / size - 1e-9) * size
    return _quantity(opened - (taken.quantity if given else 0.0))


def _infused(session: Session, dose_id: str) -> bool:
    """Whether a dose is an infusion's (a syringe driver's, a bag's: see medication.infused), its
    whole content taken from the register when it was set up: what is left in it when it stops (at
    a death, say) is destroyed before a witness and written on the page, never taken again. The
    8.5 mg left in a 10 mg syringe at death came off a second time, the register 8.5 mg below the
    cupboard until a count wrote a discrepancy."""
    found = _dose_and_order(session, dose_id)[1]
    return found is not None and infused(found)


def _discarded_before_count(session: Session, dose_id: str, taken: Taken) -> bool:
    """Whether what was left of a dose's ampoule was discarded before a count of its page written
    since: discarded at the dose (given, or drawn up and not given, on paper in the night), the
    count found it gone and reported the difference; taken again when its wastage was typed in,
    the register went 5 mg below the cupboard. Its dose given before that count (`counted_since`
    by its giving, `recounted` for a dose already reconciled or found by a count since)."""
    if recounted(session.db, dose_id):
        return True
    dose = current_of(session.db, {dose_id}).get(dose_id)
    given_at = dose.data.get("given_at") if dose is not None else None
    return bool(given_at) and _counted_since_checked(session, taken.ward, taken.drug, taken.unit,
                                                     datetime.fromisoformat(str(given_at)))


def cd_balance(db: Database, ward: str, drug: str, unit: str) -> float:
    row = db.execute("SELECT COALESCE(SUM(change), 0) FROM cd_register WHERE ward = ? AND drug = ?"
                     " AND unit = ? COLLATE NOCASE", [ward, drug.strip(), unit.strip()]).fetchone()
    return _quantity(row[0])


def _quantity(total: float) -> float:
    """A sum of quantities as the cupboard holds it: 0.3 less three times 0.1 is 0, not
    -2.8e-17 (floating point), and never "-0"."""
    return round(float(total), 6) + 0.0


def _page_key(drug: str, unit: str) -> tuple[str, str]:
    """Which page of the register a drug is on, as SQLite tells them (COLLATE NOCASE folds A-Z
    only: "KÉTAMINE" and "Kétamine" are two pages, both shown; "MG" as on the box is "mg")."""
    def folded(text: str) -> str:
        return "".join(letter.lower() if letter.isascii() else letter for letter in text.strip())

    return folded(drug), folded(unit)
