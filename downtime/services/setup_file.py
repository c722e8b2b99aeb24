"""The set-up a hospital's laptops share, its wards with their beds and the ward settings, in a
file IT saves on the first laptop set up and loads on each of the others. Typed again by hand on
twenty laptops, one laptop's ward code or bed list came out different (a transfer to "3b" found
no ward), and copying a set-up laptop's database instead gave two laptops one device number.
What is each laptop's own stays out: its device number and name, its ward, its staff and their
PINs, its backups folder (a stick of its own). The outage's first downtime number is in it: at a
later outage every laptop starts there, past the numbers the last one gave (services.setup).
So is the wards' key (settings.set_wards_key), made by the first file saved: every ward laptop
then reads the stick another ward makes for a patient moved to it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from downtime.domain.staff import Action
from downtime.errors import NotWritten, refused_by_disk
from downtime.i18n import QT_TRANSLATE_NOOP, Lang, message
from downtime.services import settings, setup, wards
from downtime.services.context import Session
from downtime.services.errors import ServiceError
from downtime.sync.encryption import new_wards_key

FORMAT = "downtime-setup"
FILE_NAME = "downtime-setup.yaml"
HEADER = ("# The set-up shared by the hospital's Downtime laptops: load it on each with\n"
          "# 'downtime setup-file load FILE' or Administration > This laptop.\n"
          "# Not in it, set on each laptop: its device number and name, its ward, staff and PINs, backups folder.\n"
          "# Beds: as typed on the Administration tab (\"1-20, 21A, Side room\"), or a list of names.\n"
          "# It holds the wards' secret key (wards_key): keep it as IT keeps keys, and delete it from the stick\n"
          "# once every laptop has loaded it.\n")
NEW_WARD = QT_TRANSLATE_NOOP("messages", "ward {ward} ({name}) added with {count} beds: {beds}")
NEW_BEDS = QT_TRANSLATE_NOOP("messages", "ward {ward}: {count} beds added: {beds}")
NEW_SETTING = QT_TRANSLATE_NOOP("messages", "{name}: {value} (it was {was} here)")
# Each setting as the Settings tab names it: its key ("idle_lock_minutes set to 7") read as
# English code on a French screen, and what it replaced here was not said.
SETTING_NAMES = {"label_stock": QT_TRANSLATE_NOOP("messages", "Label sheets in the printer"),
                 "late_after_minutes": QT_TRANSLATE_NOOP("messages", "A dose is late after (minutes)"),
                 "overdue_after_minutes": QT_TRANSLATE_NOOP("messages", "A dose is overdue after (minutes)"),
                 "idle_lock_minutes": QT_TRANSLATE_NOOP("messages", "Lock the screen when idle for (minutes)"),
                 "letter_contact": QT_TRANSLATE_NOOP("messages", "Whom patients call (on their letters)"),
                 "export_key": QT_TRANSLATE_NOOP("messages", "Records office's public key"),
                 "bank_holidays": QT_TRANSLATE_NOOP("messages", "Bank holidays kept")}
SETTINGS = tuple(SETTING_NAMES)
NO_VALUE = QT_TRANSLATE_NOOP("messages", "empty")
NAME_KEPT = QT_TRANSLATE_NOOP("messages", "ward {ward} keeps its name here, {here} (the file says {file})")
CODE_KEPT = QT_TRANSLATE_NOOP("messages", "ward {here} keeps its code as typed here, where the file says {file} (a ward's "
                                          "code is never changed): this laptop's patients read ward {here}, the other "
                                          "laptops' {file}")
BEDS_KEPT = QT_TRANSLATE_NOOP("messages", "ward {ward} keeps beds the file does not list (beds are never removed): {beds}")
NOTHING = QT_TRANSLATE_NOOP("messages", "nothing to change: this laptop has the file's set-up already")
WARDS_KEY_TAKEN = QT_TRANSLATE_NOOP("messages", "the wards' key, to read the sticks other wards make for a patient "
                                                "moved here: taken from the file")
WARDS_KEY_REPLACED = QT_TRANSLATE_NOOP("messages", "the wards' key, to read the sticks other wards make for a patient "
                                                   "moved here: this laptop's is replaced by the file's (a stick made "
                                                   "for another ward with the one replaced no longer opens here)")
FIRST_NUMBER = QT_TRANSLATE_NOOP("messages", "downtime numbers from sequence {first} (it was {was} here): those before "
                                             "it are earlier outages' patients'")


class WardSetup(BaseModel):
    # A ward code or bed typed unquoted (012, 3.10) is its text, as the file is read (`_AsTyped`).
    model_config = ConfigDict(frozen=True, extra="forbid")
    code: str
    name: str
    beds: str | tuple[str, ...]


class SettingsSetup(BaseModel):
    """Each left out stays as the laptop has it. A number is read from its text (`_AsTyped`)."""
    model_config = ConfigDict(frozen=True, extra="forbid")
    label_stock: str | None = None
    late_after_minutes: int | None = None
    overdue_after_minutes: int | None = None
    idle_lock_minutes: int | None = None
    letter_contact: str | None = None
    export_key: str | None = None
    bank_holidays: str | None = None


class SetupFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    format: Literal["downtime-setup"]
    wards: tuple[WardSetup, ...] = ()
    settings: SettingsSetup = SettingsSetup()
    first_number: int | None = None
    wards_key: str | None = None


@dataclass(frozen=True)
class Plan:
    """What loading a file would change here, shown before it is written (beds are never
    removed), and what it leaves as this laptop has it."""

    path: Path
    new_wards: tuple[wards.Ward, ...] = ()
    new_beds: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (ward here, beds to add)
    names_kept: tuple[tuple[str, str, str], ...] = ()  # (ward, its name here, in the file)
    codes_kept: tuple[tuple[str, str], ...] = ()  # (ward here, its code in the file: "3b", "3B")
    beds_kept: tuple[tuple[str, tuple[str, ...]], ...] = ()  # beds here the file does not list
    settings: dict[str, Any] = field(default_factory=dict)  # each setting that changes, to its new value
    was: dict[str, str] = field(default_factory=dict)  # each of them as it is here
    first_number: tuple[int, int] | None = None  # (the file's, this laptop's) when the file's is higher
    wards_key: str | None = None  # the file's, when this laptop has another or none (never shown)
    wards_key_replaced: bool = False  # this laptop had another

    @property
    def changes(self) -> bool:
        return bool(self.new_wards or self.new_beds or self.settings or self.first_number or self.wards_key)

    def lines(self, lang: Lang) -> list[str]:
        """What loading it does here, a line each, as the command line prints it and the
        Administration tab asks about it."""
        said = [message(lang, NEW_WARD, ward=ward.ward, name=ward.name, count=len(ward.beds),
                        beds=wards.bed_ranges(ward.beds)) for ward in self.new_wards]
        said += [message(lang, NEW_BEDS, ward=ward, count=len(beds), beds=wards.bed_ranges(beds))
                 for ward, beds in self.new_beds]
        said += [message(lang, NEW_SETTING, name=message(lang, SETTING_NAMES[key]), value=value,
                         was=self.was.get(key) or message(lang, NO_VALUE)) for key, value in self.settings.items()]
        if self.first_number is not None:
            said.append(message(lang, FIRST_NUMBER, first=self.first_number[0], was=self.first_number[1]))
        if self.wards_key is not None:
            said.append(message(lang, WARDS_KEY_REPLACED if self.wards_key_replaced else WARDS_KEY_TAKEN))
        said += [message(lang, CODE_KEPT, here=here, file=there) for here, there in self.codes_kept]
        said += [message(lang, NAME_KEPT, ward=ward, here=here, file=there) for ward, here, there in self.names_kept]
        said += [message(lang, BEDS_KEPT, ward=ward, beds=wards.bed_ranges(beds)) for ward, beds in self.beds_kept]
        return said or [message(lang, NOTHING)]


def save(session: Session, path: Path) -> Path:
    """Written beside its place and renamed over it: a stick pulled out half-way leaves the
    earlier file whole, or none. The first file saved makes the hospital's wards' key, which the
    file then carries to every laptop."""
    session.require(Action.MANAGE_STAFF)
    path = _file_of(path)
    db = session.db
    if not settings.get(db, "wards_key"):
        settings.set_wards_key(session, new_wards_key())
    data = {"format": FORMAT,
            "wards": [{"code": ward.ward, "name": ward.name, "beds": _beds_text(ward.beds)} for ward in wards.wards(db)],
            # A setting left empty is left out: loaded, it would take away another laptop's own.
            "settings": {key: _setting(db, key) for key in SETTINGS if settings.get(db, key)}}
    if (first := setup.first_number(db)) > 1:
        data["first_number"] = first
    data["wards_key"] = settings.get(db, "wards_key")
    written = path.with_name(f".{path.name}.part")
    try:
        with written.open("w", encoding="utf-8") as out:
            out.write(HEADER)
            yaml.safe_dump(data, out, allow_unicode=True, sort_keys=False)
            out.flush()
            os.fsync(out.fileno())
        os.replace(written, path)
    except OSError as problem:
        written.unlink(missing_ok=True)
        raise NotWritten(path, problem) from None
    return path


def _file_of(path: Path) -> Path:
    """A folder (the stick's, as Administration ▸ This laptop asks for one) holds the file under
    its usual name: given on the command line, saving said ".usb.part: Is a directory"."""
    return path / FILE_NAME if path.is_dir() else path


def _beds_text(beds: tuple[str, ...]) -> str | list[str]:
    """As typed on the Administration tab when that reads back as these beds, else each by name
    (a bed named "12-14" would read back as three)."""
    text = wards.bed_ranges(beds)
    try:
        same = tuple(wards.parse_beds(text)) == beds
    except ServiceError:
        same = False
    return text if same else list(beds)


def _setting(db: Any, key: str) -> str | int:
    value = settings.get(db, key)
    return int(value) if key.endswith("_minutes") else value


def read(session: Session, path: Path) -> Plan:
    """The file checked whole, and what it would change here; nothing is kept written (the plan
    is loaded in a transaction taken back, so what `load` would refuse is refused here, before
    the administrator is asked). A problem names the file and the line."""
    session.require(Action.MANAGE_STAFF)
    path = _file_of(path)
    setup_, root = _parsed(path)
    db = session.db
    new_wards: list[wards.Ward] = []
    new_beds: list[tuple[str, tuple[str, ...]]] = []
    names_kept: list[tuple[str, str, str]] = []
    codes_kept: list[tuple[str, str]] = []
    beds_kept: list[tuple[str, tuple[str, ...]]] = []
    codes: set[str] = set()
    for number, ward in enumerate(setup_.wards):
        with _naming(session, path, _line_of(root, ("wards", number)), ward.code):
            if ward.code.strip().casefold() in codes:
                raise ServiceError(QT_TRANSLATE_NOOP("messages", "the ward is listed twice."))
            codes.add(ward.code.strip().casefold())
            beds = wards.parse_beds(ward.beds) if isinstance(ward.beds, str) else list(ward.beds)
            here = wards.wards(db, ward.code.strip())
            if not here:
                code, name, checked = wards.check_new_ward(session, ward.code, ward.name, beds)
                new_wards.append(wards.Ward(code, name, tuple(checked)))
                continue
            found = here[0]
            known = {bed.casefold() for bed in found.beds}
            if missing := [bed for bed in beds if bed.strip().casefold() not in known]:
                new_beds.append((found.ward, tuple(wards.check_new_beds(session, found.ward, missing))))
            listed = {bed.strip().casefold() for bed in beds}
            if extra := tuple(bed for bed in found.beds if bed.casefold() not in listed):
                beds_kept.append((found.ward, extra))
            if found.ward != ward.code.strip():
                codes_kept.append((found.ward, ward.code.strip()))
            if found.name != ward.name.strip():
                names_kept.append((found.ward, found.name, ward.name.strip()))
    changed = {key: value for key, value in setup_.settings.model_dump().items()
               if value is not None and str(value) != settings.get(db, key)}
    if setup_.first_number is not None:
        with _naming(session, path):
            setup.check_first_number(setup_.first_number)
    here = setup.first_number(db)
    wards_key = settings.get(db, "wards_key")
    brought_key = setup_.wards_key.strip() if setup_.wards_key and setup_.wards_key.strip() != wards_key else None
    plan = Plan(path, tuple(new_wards), tuple(new_beds), tuple(names_kept), tuple(codes_kept), tuple(beds_kept), changed,
                {key: settings.get(db, key) for key in changed},
                (setup_.first_number, here) if setup_.first_number is not None and setup_.first_number > here else None,
                brought_key, bool(brought_key and wards_key))
    try:
        with db.atomic():
            load(session, plan)
            raise _TakenBack
    except _TakenBack:
        pass
    return plan


class _TakenBack(Exception):
    """Ends the trial load of `read`, rolling it back."""


def load(session: Session, plan: Plan) -> None:
    """One transaction, checked again as it is written: a refusal leaves the laptop as it was."""
    session.require(Action.MANAGE_STAFF)
    values = {key: int(settings.get(session.db, key)) for key in ("late_after_minutes", "overdue_after_minutes")}
    values.update({key: value for key, value in plan.settings.items() if key in values})
    with session.db.atomic():
        for ward in plan.new_wards:
            wards.add_ward(session, ward.ward, ward.name, list(ward.beds))
        for code, beds in plan.new_beds:
            wards.add_beds(session, code, list(beds))
        setters = {"label_stock": settings.set_label_stock, "idle_lock_minutes": settings.set_idle_lock,
                   "letter_contact": settings.set_letter_contact, "export_key": settings.set_export_key,
                   "bank_holidays": settings.set_bank_holidays}
        with _naming(session, plan.path):
            for key, value in plan.settings.items():
                if key in setters:
                    setters[key](session, value)
            if values.keys() & plan.settings.keys():
                settings.set_round_thresholds(session, values["late_after_minutes"], values["overdue_after_minutes"])
            if plan.first_number is not None:
                setup.raise_first_number(session, plan.first_number[0])
            if plan.wards_key is not None:
                settings.set_wards_key(session, plan.wards_key)


WRITTEN_TWICE = QT_TRANSLATE_NOOP("messages", "{file}, line {line}: {key!r} is written twice (first at line {first}).")
_KEPT = ("tag:yaml.org,2002:null", "tag:yaml.org,2002:merge")


class _AsTyped(yaml.SafeLoader):
    """YAML read with every plain value its text, but for an empty one or null (a setting left
    out): YAML 1.1 read a ward code 012 as ward 10 (octal), 3.10 as 3.1, a bed 1:30 as 90, and
    the laptops set up by hand had "012" and "3.10". The models read a number from its text.
    A merge key (`<<: *ward`) is still one: a ward copied so was read as one with no name."""

    yaml_implicit_resolvers: ClassVar[dict[str, Any]] = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag in _KEPT]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def _written_twice(root: yaml.Node | None) -> tuple[str, int, int] | None:
    """The first key written twice in one mapping, with its line and the first's: YAML keeps the
    last, and "wards:" pasted again below the settings lost the wards above without a word. Each
    node is looked at once: an alias names one already seen (or the one it is in)."""
    waiting, seen = [root], set()
    while waiting:
        node = waiting.pop(0)
        if node is None or id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            lines: dict[str, int] = {}
            for name, value in node.value:
                if name.value in lines:
                    return name.value, name.start_mark.line + 1, lines[name.value]
                lines[name.value] = name.start_mark.line + 1
            waiting += [value for _, value in node.value]
        elif isinstance(node, yaml.SequenceNode):
            waiting += node.value
    return None


def _parsed(path: Path) -> tuple[SetupFile, yaml.Node | None]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "{file}: not a set-up file (it is not text)."), file=path) from None
    except OSError as problem:
        raise refused_by_disk(problem) from None
    try:
        raw, root = yaml.load(text, Loader=_AsTyped), yaml.compose(text, Loader=_AsTyped)
    except yaml.YAMLError as problem:
        mark, began = getattr(problem, "problem_mark", None), getattr(problem, "context_mark", None)
        said = getattr(problem, "problem", None) or str(problem)
        if began is not None:  # an unclosed bracket is met at the file's end: say where it opened
            said = f"{problem.context} at line {began.line + 1}: {said}"  # type: ignore[attr-defined]
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "{file}, line {line}: not readable as YAML ({problem})."),
                           file=path, line=mark.line + 1 if mark else 1, problem=said) from None
    if twice := _written_twice(root):
        raise ServiceError(WRITTEN_TWICE, file=path, key=twice[0], line=twice[1], first=twice[2])
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "{file}: not a set-up file (it has no 'format: {format}' line; "
                                                         "save one with 'downtime setup-file save')."),
                           file=path, format=FORMAT)
    try:
        return SetupFile.model_validate(raw), root
    except ValidationError as problem:
        error = problem.errors()[0]
        where = tuple(error["loc"])
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "{file}, line {line}, {field}: {problem}."), file=path,
                           line=_line_of(root, where), field=_field(raw, where), problem=error["msg"]) from None


def _field(raw: Any, where: tuple[Any, ...]) -> str:
    """pydantic's place of a problem as the file reads ("wards[2].beds"), without the names it
    gives the kinds a value may be ("str", "tuple[str, ...]")."""
    said, node = "", raw
    for key in where:
        if isinstance(node, dict):
            said, node = f"{said}.{key}" if said else str(key), node.get(key)
        elif isinstance(node, list) and isinstance(key, int):
            said, node = f"{said}[{key + 1}]", node[key] if key < len(node) else None
        else:
            break
    return said


def _line_of(node: yaml.Node | None, where: tuple[Any, ...]) -> int:
    """The line of the file where the value at `where` (keys and list indexes) is written, or the
    nearest written above it."""
    line = 1 if node is None else node.start_mark.line + 1
    for key in where:
        if isinstance(node, yaml.MappingNode):
            node = next((value for name, value in node.value if name.value == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            node = None
        if node is None:
            break
        line = node.start_mark.line + 1
    return line


@contextmanager
def _naming(session: Session, path: Path, line: int | None = None, ward: str | None = None) -> Iterator[None]:
    """A refusal met while reading or loading the file, named by the file and, for a ward, its
    line and code."""
    try:
        yield
    except ServiceError as problem:
        said = problem.text(session.lang)
        if line is None:
            raise ServiceError(QT_TRANSLATE_NOOP("messages", "{file}: {problem}"), file=path, problem=said) from None
        raise ServiceError(QT_TRANSLATE_NOOP("messages", "{file}, line {line}, ward {ward}: {problem}"), file=path,
                           line=line, ward=ward, problem=said) from None
