"""The hospital's wards and their beds, set by an administrator before or during an outage."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from downtime.i18n import QT_TRANSLATE_NOOP
from downtime.domain.staff import Action
from downtime.formspec.schema import Meaning, TextField
from downtime.services.context import Session
from downtime.services.errors import ServiceError
from downtime.services.staff import check_printable
from downtime.storage import audit


@dataclass(frozen=True)
class Ward:
    ward: str
    name: str
    beds: tuple[str, ...]


MAX_RANGE = 500  # a typing slip ("1-3000") is refused rather than making thousands of beds
_RANGE = re.compile(r"(\d+)\s*-\s*(\d+)")


def parse_beds(text: str) -> list[str]:
    """Beds as an administrator types them, in ward order: parts between commas, semicolons or
    new lines; "1-20" is beds 1 to 20 ("01-12" keeps its zeros); numbers apart by spaces are one
    bed each ("1 2 3"); any other part is one bed's name ("Side room")."""
    beds: list[str] = []
    for part in (" ".join(part.split()) for part in re.split(r"[,;\n]", text)):
        if not part:
            continue
        if found := _RANGE.fullmatch(part):
            first, last = int(found[1]), int(found[2])
            if not 0 <= last - first < MAX_RANGE:
                raise ServiceError(QT_TRANSLATE_NOOP("messages", "Beds: {part} is not a range of up to {most} beds "
                                                     "(first number, a dash, a larger number)."), part=part, most=MAX_RANGE)
            width = len(found[1]) if found[1].startswith("0") else 0
            beds += [str(number).zfill(width) for number in range(first, last + 1)]
        elif all(token.isdigit() for token in part.split()):
            beds += part.split()
        else:
            beds.append(part)
    if not beds:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Beds: list at least one, e.g. 1-20, 21A, Side room."))
    return beds


def bed_ranges(beds: Sequence[str]) -> str:
    """Beds written back as `parse_beds` reads them ("1-20, 21A, Side room"), so a refused bed
    can name the ward's beds in a line, as the administrator typed them. A bed whose name would
    read as other beds (the EHR's "12-14", "4, 5") is in quotes: '11, "12-14", 15' (it read
    "11, 12-14, 15", three beds where there were three, one of them named like a range)."""
    parts: list[str] = []
    run: list[str] = []

    def close() -> None:
        if run:
            parts.append(run[0] if len(run) == 1 else f"{run[0]}-{run[-1]}")
            run.clear()

    for bed in beds:
        if run and bed.isdigit() and bed == str(int(run[-1]) + 1).zfill(len(run[0]) if run[0].startswith("0") else 0):
            run.append(bed)
            continue
        close()
        if bed.isascii() and bed.isdigit():
            run.append(bed)
        else:
            parts.append(bed if _reads_as_itself(bed) else f'"{bed}"')
    close()
    return ", ".join(parts)


def _reads_as_itself(bed: str) -> bool:
    try:
        return parse_beds(bed) == [bed]
    except ServiceError:
        return False


def add_ward(session: Session, ward: str, name: str, beds: list[str]) -> Ward:
    """A ward with its beds in the order they appear on the ward (beds can be added later)."""
    now = session.clock()
    with session.db.atomic():  # checked inside: another window's ward or bed cannot slip in between
        ward, name, beds = check_new_ward(session, ward, name, beds)
        audit.insert_audited(session.db, "wards", {
            "ward": ward, "name": name, "created_at": now.isoformat(),
            "created_by": session.user.staff_id}, at=now, actor=session.user.staff_id,
            device_id=session.device.device_id, action="ward.add")
        _insert_beds(session, ward, beds)
    return wards(session.db, ward)[0]


def check_new_ward(session: Session, ward: str, name: str, beds: list[str]) -> tuple[str, str, list[str]]:
    """The ward, its name and its beds as `add_ward` would write them, or the refusal, before
    anything is written: beds are never removed, so the screen shows them to the administrator
    first, and a refusal must come before that question, not after it."""
    session.require(Action.MANAGE_STAFF)
    ward, name = ward.strip(), name.strip()
    if not ward or not name:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Ward code and ward name are both required."))
    if "/" in ward:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Ward code: no \"/\" (a bed is named ward/bed, e.g. 3B/12)."))
    if (most := _longest(session, Meaning.WARD)) is not None and len(ward) > most:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Ward code {ward}: at most {most} characters, as the forms "
                                             "take it."), ward=repr(ward), most=most)
    # On the census, the wristband, the MAR and every admission: the forms refuse what they cannot print.
    check_printable(QT_TRANSLATE_NOOP("messages", "Ward code"), ward)
    check_printable(QT_TRANSLATE_NOOP("messages", "Ward name"), name)
    if found := wards(session.db, ward):
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Ward {ward} already exists; add beds to it instead (Wards and beds, or "
                                             "'downtime ward add-beds')."), ward=found[0].ward)
    return ward, name, _checked_beds(session, ward, beds)


def add_beds(session: Session, ward: str, beds: list[str]) -> Ward:
    with session.db.atomic():
        beds = check_new_beds(session, ward, beds)
        code = _ward_named(session.db, ward).ward
        _insert_beds(session, code, beds)
    return wards(session.db, code)[0]


def check_new_beds(session: Session, ward: str, beds: list[str]) -> list[str]:
    """The beds as `add_beds` would add them to the ward, or the refusal (see `check_new_ward`)."""
    session.require(Action.MANAGE_STAFF)
    return _checked_beds(session, _ward_named(session.db, ward).ward, beds)


def _ward_named(db: Database, ward: str) -> Ward:
    """The ward as it was set up, however its code is typed ("3B" for "3b", " 3b"): beds written
    under the code as typed belonged to no ward (the census joins them by the exact code), were
    on no census and refused at every admission, and could not be added again."""
    found = wards(db, ward.strip())
    if not found:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "Unknown ward {ward}."), ward=ward.strip())
    return found[0]


def _longest(session: Session, meaning: Meaning) -> int | None:
    """The most characters every form that places a patient takes for a ward or a bed: one
    set longer could never be typed on an admission or a transfer, and would stay an empty
    bed on the census for good (beds are never removed)."""
    return min((field.max_length for spec in session.forms.values()
                if isinstance(field := spec.by_meaning(meaning), TextField)), default=None)


def _checked_beds(session: Session, ward: str, beds: list[str]) -> list[str]:
    """One refusal said "empty or listed twice" of a bed typed once that the ward had already."""
    existing = {bed.casefold() for found in wards(session.db, ward) for bed in found.beds}
    most = _longest(session, Meaning.BED)
    checked: list[str] = []
    typed: set[str] = set()
    for bed in (bed.strip() for bed in beds):
        if not bed:
            raise ServiceError(QT_TRANSLATE_NOOP("messages", "Beds: one is empty."))
        if "/" in bed:
            raise ServiceError(QT_TRANSLATE_NOOP("messages", "Bed {bed}: no \"/\" (a bed is named ward/bed, e.g. 3B/12)."),
                               bed=repr(bed))
        check_printable(QT_TRANSLATE_NOOP("messages", "Bed"), bed)
        if most is not None and len(bed) > most:
            raise ServiceError(QT_TRANSLATE_NOOP("messages", "Bed {bed}: at most {most} characters, as the admission "
                                                 "and transfer forms take it."), bed=repr(bed), most=most)
        if bed.casefold() in existing:
            raise ServiceError(QT_TRANSLATE_NOOP("messages", "Bed {bed} is already in ward {ward}."), bed=repr(bed), ward=ward)
        if bed.casefold() in typed:
            raise ServiceError(QT_TRANSLATE_NOOP("messages", "Bed {bed} is listed twice."), bed=repr(bed))
        typed.add(bed.casefold())
        checked.append(bed)
    return checked


def _insert_beds(session: Session, ward: str, beds: list[str]) -> None:
    """`beds` as checked by `_checked_beds`, after the ward's last."""
    position = sum(len(found.beds) for found in wards(session.db, ward))
    now = session.clock()
    for bed in beds:
        position += 1
        audit.insert_audited(session.db, "beds", {
            "id": f"{ward}/{bed}", "ward": ward, "bed": bed, "position": position},
            at=now, actor=session.user.staff_id, device_id=session.device.device_id,
            action="bed.add")


def wards(db: Database, ward: str | None = None) -> list[Ward]:
    """Every ward (or the one named) with its beds in ward order."""
    where, params = ("WHERE w.ward = ?", [ward]) if ward else ("", [])
    beds: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    for row in db.query(f"SELECT w.ward, w.name, b.bed FROM wards w LEFT JOIN beds b ON b.ward = w.ward"
                        f" {where} ORDER BY w.ward, b.position", params):
        names[row["ward"]] = row["name"]
        beds.setdefault(row["ward"], [])
        if row["bed"] is not None:
            beds[row["ward"]].append(row["bed"])
    return [Ward(code, names[code], tuple(beds[code])) for code in names]


def ward_names(db: Database) -> dict[str, str]:
    """Each ward's name by its code, without its beds: a ward named to a coordinator who does
    not know its code ("3B (Internal medicine)")."""
    return dict(db.execute("SELECT ward, name FROM wards").fetchall())


def ward_codes(db: Database) -> list[str]:
    """Every ward's code, without its beds: what checking a ward typed on a form needs, at
    each save (a hospital's wards list a thousand beds)."""
    return [row[0] for row in db.execute("SELECT ward FROM wards ORDER BY ward")]
