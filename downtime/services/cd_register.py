"""The ward's controlled-drug register: its pages (a drug in a unit), the stock received, the
cupboard's counts, each dose's line taken from its page and given back when withdrawn, the
wastage of what was left of a dose, and the witness every line is signed by. The dose's own
recording (services.medication.record_dose) deducts from it through here."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from itertools import islice

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.medication import Order, medicines_in, names_alike, written_apart, written_when
from downtime.domain.paper_gap import silences
from downtime.domain.records import RecordStatus
from downtime.domain.staff import PERMISSIONS, Action, StaffMember
from downtime.formspec import FormSpec
from downtime.i18n import QT_TRANSLATE_NOOP, Lang, Number, Phrase, decimal_text, message
from downtime.services import census, records, settings, unlock
from downtime.services.paper_gap import AuditedUse
from downtime.services.context import Session
from downtime.services.errors import ServiceError
from downtime.services.patients import downtime_numbers
from downtime.services.staff import member_named, names_with_ids
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
    What was discarded at the dose is not the dose's: withdrawing the dose does not put it back."""
    row = db.execute("SELECT ward, drug, unit, -SUM(change) FROM cd_register WHERE record_id = ? AND kind != 'wastage'"
                     " GROUP BY ward, drug, unit", [record_id]).fetchone()
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


WITNESS = SecondCheck(
    QT_TRANSLATE_NOOP("messages", "Controlled drug: a second staff member must witness with their own PIN."),
    QT_TRANSLATE_NOOP("messages", "Controlled drug: the witness must be a different person from the giver."),
    QT_TRANSLATE_NOOP("messages", "Controlled drug: the witness must be a nurse or a doctor; {name} may not record care."),
    QT_TRANSLATE_NOOP("messages", "{field}: this laptop was in use at {time}, when this controlled drug was given: "
                                  "its witness confirms the dose with their own PIN, as for a dose given now. Untick "
                                  "it: it is for a dose given while the laptop was not in use."),
    QT_TRANSLATE_NOOP("messages", "Controlled drug: name the witness who signed the paper chart."))
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
    None)


def second_check(found: Order) -> SecondCheck | None:
    """The second signature a dose given of `found` needs: a controlled drug's witness (one that
    is also high-alert: the witness checks the dose), else a high-alert medicine's second
    check, else none."""
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
    second check) is a clinician's: someone who may not give a dose (a records clerk, a
    coordinator, the administrator) cannot vouch for one either. `giver`: who gave the dose when
    not the person signed in (see medication._giver_named). `on_paper`: the witness signed the
    paper chart (see medication._from_paper and `paper_time`), named from this laptop's staff
    without their PIN."""
    if (witness is None or not witness[0].strip()) and on_paper and check.named:
        raise ServiceError(check.named)
    if witness is None or not witness[0].strip():
        raise ServiceError(check.needed)
    staff_id, pin = witness
    if staff_id.strip().casefold() == (giver or session.user.staff_id).casefold():
        raise ServiceError(check.same_person)
    member = member_named(session.db, staff_id) if on_paper else unlock.confirm_pin(session.db, staff_id, pin,
                                                                                    session.clock)
    if member is None:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "No staff account {staff_id}."), staff_id=repr(staff_id.strip()))
    if not gives_care(member):
        raise ServiceError(check.not_clinician, name=member.name)
    return member.staff_id


def deduct_check(session: Session, found: Order, quantity: float, given_at: datetime,
                 chosen: str | None) -> tuple[str, str]:
    """The ward whose cupboard the dose came from, and its page there (see `dose_page`): where
    the patient was when it was given, not when it is typed (after an outage doses are recorded
    hours late, the patient moved since)."""
    ward, pages = dose_pages(session.db, found, given_at)
    drug = dose_page(pages, found, chosen, ward)
    balance = cd_balance(session.db, ward, drug, found.dose_unit)
    if balance - quantity < -1e-9:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Controlled-drug register: ward {ward} holds {balance} {unit} of {drug}; "
                                             "{quantity} cannot be given from it. Record the stock received first "
                                             "(with a witness)."),
                           ward=ward, balance=decimal_text(balance, session.lang), unit=found.dose_unit, drug=drug,
                           quantity=f"{decimal_text(quantity, session.lang)} {found.dose_unit}")
    return ward, drug


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
    unit, medicines = _page_key("", found.dose_unit)[1], medicines_in(found.drug)
    return ([own] if own else []) + [page for page in pages if page is not own and _page_key("", page.unit)[1] == unit
                                     and medicines_in(page.drug) == medicines]


def dose_pages(db: Database, found: Order, given_at: datetime) -> tuple[str, list[Stock]]:
    """The ward a dose given at `given_at` comes from and its pages for the order (see
    `cd_pages_for`), for the dose dialog to offer."""
    ward = _ward_at(db, found.patient_id, given_at)
    return ward, cd_pages_for(_register_pages(db, ward).values(), found)


def default_page(pages: list[Stock], found: Order) -> Stock | None:
    """The page a dose is written on unless another is chosen: the order's own, else the only
    one; None when several are (a dose of morphine from the injection's page or the oral
    solution's is the nurse's to say)."""
    if pages and (len(pages) == 1 or cd_page(pages[:1], found.drug, found.dose_unit) is not None):
        return pages[0]
    return None


def dose_page(pages: list[Stock], found: Order, chosen: str | None, ward: str) -> str:
    """The drug of the page (one of `cd_pages_for`'s) a dose is written on: `chosen` (a page's
    drug, as typed), else `default_page`; with none at all, the order's drug (its balance
    nought, the dose refused for want of stock). Refused, naming the pages, when `chosen` is none
    of them or when several are and none was chosen."""
    words = ", ".join(page.drug for page in pages) or "—"
    if chosen is not None:
        if (page := cd_page(pages, chosen, found.dose_unit)) is None:
            raise ServiceError(NOT_ITS_PAGE, ward=ward, page=chosen.strip(), unit=found.dose_unit, drug=found.drug,
                               pages=words)
        return page.drug
    if (page := default_page(pages, found)) is not None:
        return page.drug
    if pages:
        raise ServiceError(CHOOSE_PAGE, ward=ward, drug=found.drug, unit=found.dose_unit, pages=words)
    return found.drug.strip()


def register_line(session: Session, ward: str, drug: str, unit: str, change: float, kind: str,
                  witness: str, record_id: str | None = None, note: str | None = None,
                  giver: str | None = None) -> None:
    """`giver`: a dose's giver who confirmed it with their PIN, neither the line's author nor its
    witness (see medication._giver_confirms), named in its audit entry."""
    now = session.clock()
    audit.insert_audited(session.db, "cd_register", {
        "id": str(uuid.uuid4()), "ward": ward, "drug": drug.strip(), "unit": unit, "change": change,
        "kind": kind, "record_id": record_id, "note": note, "author": session.user.staff_id,
        "witness": witness, "at": now.isoformat()}, at=now, actor=session.user.staff_id,
        device_id=session.device.device_id, action=f"cd.{kind}",
        detail={"giver_confirmed": giver} if giver else None)


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
    witness_id = checked_witness(session, witness)
    with session.db.atomic():
        register_line(session, ward, drug, unit, quantity, "receipt", witness_id, note=note)
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
        register_line(session, ward, drug, unit, check.difference, kind, witness_id, note=written)
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
    (downtime number and name) and when the dose was given (`given_at`, from the dose's record)."""

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
    """Who gave the dose, when not whoever typed it (`given_by`)."""
    line_id: str | None = None
    """The register line's own id: a records office merging laptops' registers takes each line once."""

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
        it was written, a dose's wastage included (its entry names the dose's time)."""
        if self.given_at is None or self.kind == "wastage":
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
    dose charted late from paper comes after the lines written before it, whenever it was given)."""
    from downtime.services.medication import GIVEN_BY, TRANSCRIBED  # which deducts doses through this module

    rows = list(db.execute("SELECT at, kind, change, author, witness, record_id, note, id FROM cd_register"
                           " WHERE ward = ? AND drug = ? AND unit = ? COLLATE NOCASE ORDER BY julianday(at), rowid",
                           [ward, drug.strip(), unit.strip()]))
    doses = current_of(db, {row[5] for row in rows if row[5]})
    patient_ids = {str(dose.patient_id) for dose in doses.values()}
    numbers = downtime_numbers(db, patient_ids)
    names = {pid: summary.display_name for pid, summary in census.all_patients(db, forms, patient_ids).items()}
    lines, balance = [], 0.0
    for at, kind, change, author, witness, record_id, note, line_id in rows:
        balance = _quantity(balance + change)
        dose = doses.get(record_id) if record_id else None
        lines.append(RegisterLine(datetime.fromisoformat(at), kind, change, balance, author, witness,
                                  numbers.get(str(dose.patient_id)) if dose else None, note,
                                  datetime.fromisoformat(dose.data["given_at"]) if dose and dose.data.get("given_at") else None,
                                  names.get(str(dose.patient_id)) if dose else None, record_id,
                                  kind == "administration" and dose is not None and bool(dose.data.get(TRANSCRIBED)),
                                  dose.data.get(GIVEN_BY) if dose else None, line_id))
    return lines


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
ALL_WASTED = QT_TRANSLATE_NOOP("messages", "Every dose of {drug} given from ward {ward}'s register has its wastage "
                                           "recorded already: a dose's wastage is recorded once. If a quantity was "
                                           "wrong, count the cupboard: the difference is written as a discrepancy.")


@dataclass(frozen=True)
class DosesToWaste:
    """The doses of a drug's page a wastage may be recorded against, latest first, and when
    there is none, why (`none_left`), said alike by the register tab's dialog and `cd wastage`:
    the dialog listed doses whose wastage was recorded, which Save then refused, and an empty
    list said nothing of why."""

    doses: list[RegisterLine]
    none_left: Phrase | None


def cd_doses_to_waste(session: Session, ward: str, drug: str, unit: str) -> DosesToWaste:
    """The drug's latest doses on the ward's register that `wastage_refusal` allows, latest first."""
    given = [line for line in reversed(cd_lines(session.db, session.forms, ward, drug, unit))
             if line.kind == "administration" and line.record_id]
    doses = list(islice((line for line in given if wastage_refusal(session, str(line.record_id)) is None), WASTABLE))
    if doses:
        return DosesToWaste(doses, None)
    standing = any(taken_from_register(session.db, str(line.record_id)) for line in given)
    return DosesToWaste([], Phrase(ALL_WASTED if standing else NONE_GIVEN, {"drug": drug, "ward": ward}))


def wastage_refusal(session: Session, dose_id: str) -> ServiceError | None:
    """Why no wastage may be recorded against a dose, None when it may (see `_wastable`)."""
    try:
        _wastable(session, dose_id)
    except ServiceError as refused:
        return refused
    return None


def _wastable(session: Session, dose_id: str) -> Taken:
    """What the dose took from the register, refused (ServiceError) when no wastage may be
    recorded against it: the one rule the doses offered (`cd_doses_to_waste`) and `cd_waste`
    follow. A dose that takes nothing from the register (withdrawn, entered in error) has no
    ampoule of its own to discard from. What was left of a dose's ampoule is discarded once: the
    register does not know how much was drawn up, only what was given, so a second wastage of
    one dose cannot be checked against it (the same 5 mg dose's wastage was written twice, 15 mg
    then 10 mg). The first is named; had its quantity been wrong, the cupboard's count reports
    the difference as a discrepancy."""
    taken = taken_from_register(session.db, dose_id)
    if taken is None:
        raise ServiceError(NOTHING_TAKEN)
    row = session.db.execute("SELECT at, change, author, witness FROM cd_register WHERE record_id = ? AND kind = 'wastage'"
                             " ORDER BY julianday(at), rowid LIMIT 1", [dose_id]).fetchone()
    if row is None:
        return taken
    names = names_with_ids(session.db)
    at = datetime.fromisoformat(row[0]).astimezone(session.clock().tzinfo)
    raise ServiceError(QT_TRANSLATE_NOOP("messages", "Controlled-drug register: what was left of this dose was recorded "
                                                     "discarded already, {quantity} {unit} on {when} by {author}, "
                                                     "witnessed by {witness}. A dose's wastage is recorded once; if "
                                                     "that quantity was wrong, count the cupboard: the difference is "
                                                     "written as a discrepancy."),
                       quantity=Number(-row[1]), unit=taken.unit, when=f"{at:%d/%m/%Y %H:%M}",
                       author=names.get(row[2], row[2]), witness=names.get(row[3], row[3]))


def cd_waste(session: Session, dose_id: str, quantity: float, witness: tuple[str, str], note: str | None = None) -> float:
    """What was left of the ampoule after a dose and discarded, witnessed, on the dose's page of
    the register and tied to the dose (and so its patient); returns the balance. The register is
    kept in the dose's unit: a 5 mg dose from a 10 mg ampoule left the book 5 mg above the
    cupboard, and the half discarded could only be an anonymous count correction."""
    session.require(Action.RECORD_CARE)
    if quantity <= 0:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Controlled-drug register: the quantity discarded must be above zero."))
    taken = _wastable(session, dose_id)
    witness_id = checked_witness(session, witness)
    with session.db.atomic():
        if cd_balance(session.db, taken.ward, taken.drug, taken.unit) - quantity < -1e-9:
            raise ServiceError(QT_TRANSLATE_NOOP("messages", "Controlled-drug register: the balance cannot go below zero."))
        register_line(session, taken.ward, taken.drug, taken.unit, -quantity, "wastage", witness_id,
                       record_id=dose_id, note=note)
    return cd_balance(session.db, taken.ward, taken.drug, taken.unit)


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
