"""The ward's controlled-drug register: its pages (a drug in a unit), the stock received, the
cupboard's counts, each dose's line taken from its page and given back when withdrawn, the
wastage of what was left of a dose, what was supplied to a patient to take home, and the witness
every line is signed by. The dose's own recording (services.medication.record_dose) deducts from
it through here."""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import islice

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.census import StayStatus
from downtime.domain.medication import (
    Order, infused, medicines_in, names_alike, route_differs, written_apart, written_when,
)
from downtime.domain.paper_gap import silences
from downtime.domain.records import RecordStatus
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
    if not gives_care(member):
        raise ServiceError(check.not_clinician, name=member.name)
    if member.role not in check.signers:
        raise ServiceError(check.not_signer, name=member.name,
                           role=translate(session.lang, "Banner", ROLE_NAMES[member.role]))
    return member.staff_id


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
    receipt typed to chart it wrote stock the ward never received into the legal register."""
    ward, pages = dose_pages(session.db, found, given_at)
    page = dose_page(pages, found, chosen, ward)
    drug, unit, quantity = page.drug, page.unit, taken_by(page.unit, found, quantity)
    balance = cd_balance(session.db, ward, drug, unit)
    if balance - quantity < -1e-9 and not counted_since(session.db, ward, drug, unit, given_at):
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


def _page_units(found: Order) -> tuple[str, ...]:
    """The units of the pages a dose of `found` may be taken from: its own, and a patch's patches."""
    return (found.dose_unit, PATCH) if found.form == PATCH else (found.dose_unit,)


def taken_by(unit: str, found: Order, quantity: float) -> float:
    """What a dose of `found` (`quantity` in its unit) takes from a page counted in `unit`: one
    patch from a page counted in patches, whatever the patch's strength (a fentanyl patch of 25
    micrograms an hour could not be charted from its page, "5 patch": the dose took 25 from it in
    micrograms, a unit the page is not in); else the quantity itself."""
    return 1.0 if _page_key("", unit)[1] == PATCH and _page_key("", found.dose_unit)[1] != PATCH else quantity


COUNTS = ("opening", "discrepancy", "correction")
"""The counts that set the page to what the cupboard held otherwise than the register, or opened
it: a dose given before one of them was already out of what it found. A count that matched the
register ("count") found the ampoule still there, the dose (or its wastage) not out yet: taken
after it, as any (reconciled, a wastage typed after a matching count left the register above
the cupboard)."""


def counted_after(db: Database, ward: str, drug: str, unit: str, at: datetime) -> datetime | None:
    """When the page's cupboard was first counted after `at`, None when it has not been since."""
    row = db.execute(f"SELECT at FROM cd_register WHERE ward = ? AND drug = ? AND unit = ? COLLATE NOCASE"
                     f" AND kind IN ({', '.join('?' * len(COUNTS))}) AND julianday(at) > julianday(?)"
                     " ORDER BY julianday(at), rowid LIMIT 1",
                     [ward, drug.strip(), unit.strip(), *COUNTS, at.isoformat()]).fetchone()
    return datetime.fromisoformat(row[0]) if row else None


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
    row = db.execute("SELECT ward, drug, unit, julianday(at), rowid, EXISTS(SELECT 1 FROM cd_register"
                     " WHERE record_id = ? AND kind = 'reconciled') FROM cd_register"
                     " WHERE record_id = ? AND kind = 'administration' ORDER BY rowid DESC LIMIT 1",
                     [record_id, record_id]).fetchone()
    if row is None or row[5]:
        return bool(row)
    return bool(db.execute(f"SELECT EXISTS(SELECT 1 FROM cd_register WHERE ward = ? AND drug = ? AND unit = ?"
                           f" COLLATE NOCASE AND kind IN ({', '.join('?' * len(COUNTS))})"
                           " AND (julianday(at), rowid) > (?, ?))", [*row[:3], *COUNTS, *row[3:5]]).fetchone()[0])


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
    split the ward's morphine over two pages of the legal register. Never a page of another
    medicine, however alike its name ("Diamorphine" for "Morphine"), nor a combination sharing
    one of them."""
    pages = list(pages)
    own = cd_page(pages, found.drug, found.dose_unit)
    units, medicines = {_page_key("", unit)[1] for unit in _page_units(found)}, medicines_in(found.drug)
    return ([own] if own else []) + [page for page in pages if page is not own and _page_key("", page.unit)[1] in units
                                     and medicines_in(page.drug) == medicines]


def _page_of(pages: Iterable[Stock], drug: str, found: Order) -> Stock | None:
    """The page among `pages` (`cd_pages_for`'s) whose drug is `drug` (see `cd_page`), in one of
    the units a dose of `found` is taken in (a patch's, in patches)."""
    pages = list(pages)
    return next((page for unit in _page_units(found) if (page := cd_page(pages, drug, unit)) is not None), None)


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
    """Why a page is not the one for the order's route (the oral solution's for a dose given SC),
    None when it may be: its name states a form (`page_form`) other than the route's. The page is
    then never taken unless the nurse chooses it: morphine 5 mg SC came silently off "Oramorph",
    the ward's only morphine page in mg, leaving the injection's ampoules unaccounted for."""
    form, wanted = page_form(page.drug), route_form(found)
    if form is None or wanted is None or form == wanted:
        return None
    return Phrase(ASK_FOR_FORM[wanted], {"page": page.drug, "form": Phrase(form), "route": found.route.strip()})


def default_page(pages: list[Stock], found: Order) -> Stock | None:
    """The page a dose is written on unless another is chosen: the order's own, else the only
    one; None when several are (a dose of morphine from the injection's page or the oral
    solution's is the nurse's to say), or when that page's form is not the route's (`wrong_form`)."""
    if pages and (len(pages) == 1 or cd_page(pages[:1], found.drug, found.dose_unit) is not None):
        return None if wrong_form(pages[0], found) else pages[0]
    return None


def dose_page(pages: list[Stock], found: Order, chosen: str | None, ward: str) -> Stock:
    """The page (one of `cd_pages_for`'s) a dose is written on: `chosen` (a page's drug, as
    typed), else `default_page`; with none at all, the order's own, empty (the dose refused for
    want of stock). Refused, naming the pages, when `chosen` is none
    of them or when several are and none was chosen; naming the page field, when the only one is
    for another form than the route's (`wrong_form`) and was not chosen."""
    words = ", ".join(page.drug for page in pages) or "—"
    if chosen is not None:
        if (page := _page_of(pages, chosen, found)) is None:
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


def cd_receive(session: Session, ward: str, drug: str, unit: str, quantity: float,
               witness: tuple[str, str], note: str | None = None) -> float:
    """Stock received on the ward, witnessed; returns the new balance. Never below zero: a
    negative receipt wrote a cupboard holding less than the register as a routine line, when a
    difference is a discrepancy the cupboard's count reports (`cd_count`)."""
    session.require(Action.RECORD_CARE)
    drug, unit = _page_named(drug, unit)
    if quantity <= 0:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Controlled-drug register: a quantity received is above zero; "
                                                         "a cupboard holding less than the register is counted "
                                                         "(Cupboard count), the difference written as a discrepancy."))
    return _witnessed(session, ward, drug, unit, quantity, "receipt", witness, note=note)


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
    session.require(Action.RECORD_CARE)
    drug, unit = _page_named(drug, unit)
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
    return _witnessed(session, ward, drug, unit, -quantity, SUPPLY, witness, record_id=patient_id, note=note)


def _witnessed(session: Session, ward: str, drug: str, unit: str, change: float, kind: str,
               witness: tuple[str, str], *, record_id: str | None = None, note: str | None = None) -> float:
    """A line the nurse writes with a witness (a receipt, a supply), in one transaction with the
    witness's PIN audited as confirming it; returns the balance."""
    witness_id = checked_witness(session, witness)
    with session.db.atomic():
        line_id = register_line(session, ward, drug, unit, change, kind, witness_id, record_id=record_id, note=note)
        pin_confirmed(session, witness_id, PinUse.WITNESS, {"register_line": line_id})
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
    opening = db.execute("SELECT COUNT(*) FROM cd_register WHERE ward = ? AND drug = ? AND unit = ? COLLATE NOCASE",
                         [ward, drug.strip(), unit.strip()]).fetchone()[0] == 0
    return CountCheck(_quantity(counted), cd_balance(db, ward, drug, unit), opening)


def cd_count(session: Session, ward: str, drug: str, unit: str, counted: float, witness: tuple[str, str],
             note: str | None = None, *, discrepancy_note: str | None = None) -> float:
    """The cupboard counted against the register, witnessed; returns the balance. A count that
    matches is written too (a "count" line, the balance unchanged): the legal register shows
    every check with its two signatures. The page's first count opens it. One that differs is a
    "discrepancy" line, written only with `discrepancy_note` (who was told: the nurse in charge,
    the pharmacist): counting 2 for 20 rewrote the register silently as a correction of -18."""
    session.require(Action.RECORD_CARE)
    drug, unit = _page_named(drug, unit)
    if counted < 0:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Controlled-drug register: the balance cannot go below zero."))
    reported = (discrepancy_note or "").strip()
    witness_id = checked_witness(session, witness)
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

    def by_text(self, names: Mapping[str, str], lang: Lang) -> str:
        """The line's "By": a dose given by a colleague names its giver first, then its typist.
        The typist alone read as the giver, and beside a witness who was that typist the line
        read as a dose witnessed by the person who gave it."""
        author = names.get(self.author, self.author)
        if not self.giver or self.giver == self.author:
            return author
        return message(lang, QT_TRANSLATE_NOOP("messages", "{giver} (gave it; entered by {author})"),
                       giver=names.get(self.giver, self.giver), author=author)

    def witness_text(self, names: Mapping[str, str], lang: Lang) -> str:
        """The line's witness by name; one who signed the paper chart said so, with who typed the
        dose in and when, as the register's witness column shows no PIN signed for it here."""
        witness = names.get(self.witness, self.witness)
        if not self.on_paper:
            return witness
        return message(lang, QT_TRANSLATE_NOOP("messages", "witness on paper: {witness} (transcribed by {author} at "
                                                           "{at})"),
                       witness=witness, author=names.get(self.author, self.author), at=f"{self.at:%d/%m %H:%M}")

    def patient_text(self) -> str:
        """The patient as the paper register names them, the downtime number then the name: the
        number alone sent the pharmacist to the census for every line."""
        if self.patient and self.patient_name:
            return f"{self.patient} — {self.patient_name}"
        return self.patient or ""

    def when_texts(self) -> tuple[str, str | None]:
        """The line's "When" and, for a dose written far from its giving (`written_apart`: charted
        from paper after an outage), when it was written: the time alone the same day. A legal
        register dates a dose by its administration; the line was dated by its typing, and every
        dose charted from paper at 14:10 read 14:10. A withdrawal, which gives a dose's quantity
        back, is dated by that dose's giving and always says when it was written (withdrawn): dated
        by its writing alone, which dose it undid was left to guess. Any other line is dated when
        it was written, a dose's wastage and reconciliation included (their entry names the dose's
        time)."""
        if self.given_at is None or self.kind in ("wastage", "reconciled"):
            return f"{self.at:%d/%m/%Y %H:%M}", None
        written = (written_when(self.at, self.given_at) if self.kind == "withdrawal"
                   else written_apart(self.at, self.given_at))
        return f"{self.given_at:%d/%m/%Y %H:%M}", written


def cd_stock(db: Database, forms: dict[str, FormSpec], ward: str) -> list[Stock]:
    """Every drug the ward's register holds a page for, and every controlled drug ordered for a
    patient on the ward that no page is for (see `cd_pages_for`; its page may still be empty),
    by name."""
    from downtime.services.medication import order_of  # which deducts doses through this module

    pages = _register_pages(db, ward)
    written = list(pages.values())
    on_ward = [patient.patient_id for patient in census.in_patients(db, forms, ward=ward)]
    for found in (order_of(record) for record in list_current(db, form_id=records.ORDER_FORM, patient_ids=on_ward)
                  if record.status is not RecordStatus.ENTERED_IN_ERROR):
        if found.controlled and not cd_pages_for(written, found):
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
    when given before a count written before it, its "reconciled" line beside it puts the
    quantity back, see `counted_since` and `recounted`)."""
    from downtime.services.medication import GIVEN_BY, TRANSCRIBED  # which deducts doses through this module

    rows = list(db.execute("SELECT at, kind, change, author, witness, record_id, note, id FROM cd_register"
                           " WHERE ward = ? AND drug = ? AND unit = ? COLLATE NOCASE ORDER BY julianday(at), rowid",
                           [ward, drug.strip(), unit.strip()]))
    doses = current_of(db, {row[5] for row in rows if row[5] and row[1] != SUPPLY})
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
        counted_at = counted.line(datetime.fromisoformat(at), kind, change, record_id, given_at)
        lines.append(RegisterLine(datetime.fromisoformat(at), kind, change, balance, author, witness,
                                  numbers.get(patient), note, given_at, names.get(patient),
                                  None if kind == SUPPLY else record_id,
                                  _signed_on_paper(kind, change, record_id, rows[index + 1:index + 2])
                                  and dose is not None and bool(dose.data.get(TRANSCRIBED)),
                                  dose.data.get(GIVEN_BY) if dose and kind != "reconciled" else None, line_id,
                                  counted_at))
    return lines


class _Counted:
    """Which count each dose's "reconciled" line is for, read down a page in writing order: a
    dose charted late, the first count since its giving (see `counted_since`); a
    withdrawn dose, the count that found the cupboard as the dose left it (see `recounted`)."""

    def __init__(self) -> None:
        self.counts: list[datetime] = []
        self.waiting: set[str] = set()
        """Doses whose line no count has been written after yet."""
        self.found: dict[str, datetime] = {}

    def line(self, at: datetime, kind: str, change: float, record_id: str | None,
             given_at: datetime | None) -> datetime | None:
        """The count of a "reconciled" line, None for any other line."""
        if kind in COUNTS:
            self.counts.append(at)
            self.found.update(dict.fromkeys(self.waiting, at))
            self.waiting.clear()
        elif kind == "administration" and record_id and record_id not in self.found:
            self.waiting.add(record_id)
        elif kind == "reconciled" and record_id and change > 0 and given_at is not None:
            self.found[record_id] = next((count for count in self.counts if count > given_at), at)
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
MORE_THAN_INFUSED = QT_TRANSLATE_NOOP("messages", "Controlled-drug register: the infusion was set up with {taken} "
                                                  "{unit}; {quantity} {unit} cannot be left in it.")
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
    (by their giving): those given, and those drawn up and charted not given from this page."""
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
    """The doses of controlled drugs charted not given (and not withdrawn) on `ward` whose page,
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
        if order is None or not order.controlled:
            continue
        given_at = datetime.fromisoformat(dose.data["given_at"])
        at, pages = dose_pages(session.db, order, given_at)
        page = cd_page(pages, drug, unit)
        if at == ward and page is not None and wrong_form(page, order) is None:
            found.append(RegisterLine(given_at, "not_given", -taken_by(page.unit, order, order.dose), page.balance,
                                      dose.author, "",
                                      numbers.get(str(dose.patient_id)), _drawn_up_words(session, dose.data),
                                      given_at, names.get(str(dose.patient_id)), dose.record_id))
    return found


def _drawn_up_words(session: Session, dose: Mapping[str, object]) -> str:
    """"Drawn up, not given (refused)", why in the dose form's words without the paper chart's
    code letter ("R — Refused")."""
    reason = mid_line(format_value(session.form(census.DOSE_FORM).field("not_given_reason"),
                                   dose.get("not_given_reason"), session.lang).split(" — ", 1)[-1])
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
    the difference as a discrepancy."""
    taken = taken_from_register(session.db, dose_id) or _drawn_up(session, dose_id, page)
    if taken is None:
        raise ServiceError(NOTHING_TAKEN)
    row = session.db.execute("SELECT at, change, author, witness, note FROM cd_register WHERE record_id = ?"
                             " AND kind = 'wastage' ORDER BY julianday(at), rowid LIMIT 1", [dose_id]).fetchone()
    if row is None:
        return taken
    names = names_with_ids(session.db)
    at = datetime.fromisoformat(row[0]).astimezone(session.clock().tzinfo)
    if not row[1]:  # an infusion's remainder, its quantity in its note (see `cd_waste`)
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Controlled-drug register: what was left in this infusion was "
                                                         "recorded destroyed already on {when} by {author}, witnessed "
                                                         "by {witness} ({note})."),
                           when=f"{at:%d/%m/%Y %H:%M}", author=names.get(row[2], row[2]),
                           witness=names.get(row[3], row[3]), note=row[4] or "")
    raise ServiceError(QT_TRANSLATE_NOOP("messages", "Controlled-drug register: what was left of this dose was recorded "
                                                     "discarded already, {quantity} {unit} on {when} by {author}, "
                                                     "witnessed by {witness}. A dose's wastage is recorded once; if "
                                                     "that quantity was wrong, count the cupboard: the difference is "
                                                     "written as a discrepancy."),
                       quantity=Number(-row[1]), unit=taken.unit, when=f"{at:%d/%m/%Y %H:%M}",
                       author=names.get(row[2], row[2]), witness=names.get(row[3], row[3]))


def _drawn_up(session: Session, dose_id: str, page: str | None) -> Taken | None:
    """A controlled drug's dose drawn up, charted not given (refused) and destroyed: the page it
    would have been taken from (`dose_page`: `page` if chosen, refused when the page is the
    nurse's to say), the order's dose. It wrote no line, and the register stayed above the
    cupboard by the dose until a count wrote a discrepancy, unless it was charted given, then
    wasted, then withdrawn. None for any other dose (given, withdrawn, not a controlled drug's)."""
    from downtime.services.medication import order_of  # which deducts doses through this module

    dose = current_of(session.db, {dose_id}).get(dose_id)
    if (dose is None or dose.form_id != census.DOSE_FORM or dose.status is RecordStatus.ENTERED_IN_ERROR
            or dose.data.get("outcome") != "not_given" or not dose.data.get("given_at")):
        return None
    record = current_of(session.db, {str(dose.data.get("order"))}).get(str(dose.data.get("order")))
    found = order_of(record) if record is not None and record.form_id == records.ORDER_FORM else None
    if found is None or not found.controlled:
        return None
    ward, pages = dose_pages(session.db, found, datetime.fromisoformat(dose.data["given_at"]))
    drawn = dose_page(pages, found, page, ward)
    return Taken(ward, drawn.drug, drawn.unit, taken_by(drawn.unit, found, found.dose))


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
    a dose's (`dose_given`): the balance stays the cupboard's and never reads below nought."""
    session.require(Action.RECORD_CARE)
    if quantity <= 0:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Controlled-drug register: the quantity discarded must be above zero."))
    taken = _wastable(session, dose_id, page)
    given = taken_from_register(session.db, dose_id) is not None
    left_in_infusion = given and _infused(session, dose_id)
    if left_in_infusion and quantity > taken.quantity + 1e-9:
        raise ServiceError(MORE_THAN_INFUSED, taken=Number(taken.quantity), quantity=Number(quantity), unit=taken.unit)
    if not given or left_in_infusion:
        dose = current_of(session.db, {dose_id})[dose_id]
        said = message(session.lang, LEFT_IN_INFUSION, quantity=Number(quantity), unit=taken.unit) \
            if left_in_infusion else message(session.lang, DESTROYED, drawn_up=_drawn_up_words(session, dose.data),
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


def _infused(session: Session, dose_id: str) -> bool:
    """Whether a dose is an infusion's (a syringe driver's, a bag's: see medication.infused), its
    whole content taken from the register when it was set up: what is left in it when it stops (at
    a death, say) is destroyed before a witness and written on the page, never taken again. The
    8.5 mg left in a 10 mg syringe at death came off a second time, the register 8.5 mg below the
    cupboard until a count wrote a discrepancy."""
    from downtime.services.medication import order_of  # which deducts doses through this module

    dose = current_of(session.db, {dose_id}).get(dose_id)
    order_id = str(dose.data.get("order")) if dose is not None else ""
    record = current_of(session.db, {order_id}).get(order_id)
    return record is not None and record.form_id == records.ORDER_FORM and infused(order_of(record))


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
    return bool(given_at) and counted_since(session.db, taken.ward, taken.drug, taken.unit,
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
