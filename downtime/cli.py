"""The `downtime` command: the GUI by default, sub-commands for headless jobs.

Conventions every sub-command follows: `--db` defaults to $DOWNTIME_DB then the user data
folder (the demo's to its own file there); commands that act as a person take `--user`/`--pin` ($DOWNTIME_USER/$DOWNTIME_PIN);
`--json` prints JSON lines; a user's mistake prints one line on stderr and exits non-zero,
never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from functools import cache, lru_cache, partial
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from downtime import __version__
from downtime.domain.backup_rotation import DAILY_FOR_DAYS
from downtime.domain.bounds import (DAY_MINUTES, MOST_BACKUPS_KEPT, MOST_IDLE_LOCK_MINUTES, MOST_LABELS, MOST_MAR_DAYS,
                                   MOST_PAPER_NUMBERS, PAPER_NUMBERS)
from downtime.domain.downtime_number import MAX_DEVICE, MAX_SEQUENCE
from downtime.domain.clock import DATED, local_now, ward_time
from downtime.errors import FormSpecError, UserError, refusal_of
from downtime.i18n import (QT_TRANSLATE_NOOP, Lang, Number, labelled, message, record_status_word, saved_language,
                           stay_word, translate)
from downtime.paths import default_db_path, demo_db_path, forms_dir

if TYPE_CHECKING:
    from downtime.services.census import CensusRow
    from downtime.services.context import Session
    from downtime.services.cd_register import Stock

EXIT_ERROR = 1
EXIT_USAGE = 2


class CliError(UserError):
    """A problem with the command line itself; printed as one line."""


def _say(args: argparse.Namespace, text: str, /, **values: object) -> str:
    """A sentence marked for the catalogue, in the command's language (`--lang`)."""
    return message(args.lang, text, **values)


def _db_option(parser: argparse.ArgumentParser, lang: Lang, default: Callable[[], Path] = default_db_path,
               top: bool = False) -> None:
    """Sub-commands' options default to SUPPRESS so `downtime --db X demo` keeps X. Only the ward
    database's default reads $DOWNTIME_DB: the demo's is its own file, never the ward's."""
    said = (QT_TRANSLATE_NOOP("messages", "database file (default: $DOWNTIME_DB, else {path})")
            if default is default_db_path else
            QT_TRANSLATE_NOOP("messages", "database file (default: {path}; $DOWNTIME_DB is not used)"))
    parser.add_argument("--db", type=Path, default=None if top else argparse.SUPPRESS,
                        help=message(lang, said, path=default()))
    parser.set_defaults(db_default=default)


def _shared_device_number_option(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("--shared-device-number", action="store_true",
                        help=message(lang, QT_TRANSLATE_NOOP(
                            "messages", "take the patients of two laptops set up with the same device number "
                                        "(refused without it): each of their downtime numbers is then shown with "
                                        "its laptop, 'DT-007-00001-1 (laptop 6e8f94ed)'; copies of one database "
                                        "stay refused")))


def _person_options(parser: argparse.ArgumentParser, lang: Lang,
                    who: str = QT_TRANSLATE_NOOP("messages", "staff ID of the person acting")) -> None:
    """`who`: the --user option's help, marked for the catalogue."""
    parser.add_argument("--user",
                        help=message(lang, QT_TRANSLATE_NOOP("messages", "{who} (default: $DOWNTIME_USER)"),
                                     who=message(lang, who)))
    parser.add_argument("--pin",
                        help=message(lang, QT_TRANSLATE_NOOP(
                            "messages", "their PIN (default: $DOWNTIME_PIN; left out at a terminal, it is asked "
                                        "for, unseen)")))


def _pin(args: argparse.Namespace, given: str | None, option: str, ask: str, twice: bool = False,
         **values: object) -> str:
    """A PIN left off the command line is asked for at a terminal, unseen: typed as an option it
    stays in the shell's history and shows in the list of running programs. A new PIN is typed
    twice, as on the Administration tab."""
    if given:
        return given
    if not sys.stdin.isatty():
        raise CliError(QT_TRANSLATE_NOOP("messages", "give {option} (or run the command at a terminal, which asks for "
                                                     "it unseen)"), option=option)
    import getpass

    try:
        pin = getpass.getpass(f"{_say(args, ask, **values)}: ")
        again = _say(args, QT_TRANSLATE_NOOP("messages", "The same PIN again"))
        if twice and getpass.getpass(f"{again}: ") != pin:
            raise CliError(QT_TRANSLATE_NOOP("messages", "the two PINs typed differ; nothing was changed"))
    except (KeyboardInterrupt, EOFError):  # Ctrl-C, Ctrl-D: IT changed their mind (it printed a traceback)
        print(file=sys.stderr)
        raise CliError(QT_TRANSLATE_NOOP("messages", "{option}: no PIN typed, the question left; nothing was changed"),
                       option=option) from None
    return pin


def _witnessed_entry(parser: argparse.ArgumentParser, lang: Lang, note: str) -> argparse.ArgumentParser:
    """The options every witnessed register entry takes: the drug's stock line, a note, the
    witness, then the database and the person entering it."""
    _stock_options(parser, lang)
    parser.add_argument("--note", help=note)
    parser.add_argument("--witness-user",
                        help=message(lang, QT_TRANSLATE_NOOP(
                            "messages", "staff ID of the witness, a second nurse or doctor (default: "
                                        "$DOWNTIME_WITNESS_USER)")))
    parser.add_argument("--witness-pin",
                        help=message(lang, QT_TRANSLATE_NOOP(
                            "messages", "the witness's PIN (default: $DOWNTIME_WITNESS_PIN)")))
    _signed_in_options(parser, lang)
    return parser


def _signed_in_options(parser: argparse.ArgumentParser, lang: Lang) -> None:
    """The database, then the person acting on it."""
    _db_option(parser, lang)
    _person_options(parser, lang)


def _patient_argument(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("patient", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "downtime number (or anything that finds exactly one patient)")))


def _stock_options(parser: argparse.ArgumentParser, lang: Lang) -> None:
    for name, said in CD_STOCK.items():
        parser.add_argument(f"--{name}", required=True, help=message(lang, said))


def _json_option(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("--json", action="store_true", help=message(lang, QT_TRANSLATE_NOOP("messages", "JSON lines")))


def _days_option(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("--days", type=int, default=3, help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "days shown, ending today (and tomorrow when printed from midday): 1 to {most} (default 3)"),
        most=MOST_MAR_DAYS))


def _out_option(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("--out", type=Path, required=True, help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "the PDF file to write, in a folder that is there")))
    parser.set_defaults(pdf_out=True)


def _blank_options(parser: argparse.ArgumentParser, lang: Lang) -> None:
    """A blank print's sign-in is optional: its pages name the person when there is one."""
    _db_option(parser, lang)
    _person_options(parser, lang, QT_TRANSLATE_NOOP(
        "messages", "staff ID of the person printing, whom the pages name; none: they say printed blank with no "
                    "one signed in"))


def _check_pdf_out(args: argparse.Namespace) -> None:
    """A PDF goes into a folder that is there: "/media/ubs/labels.pdf" (the stick mistyped, or
    not plugged in) made that folder on the laptop's own disk, the patient's labels in it
    unencrypted, and the stick went to the ward without them."""
    if getattr(args, "pdf_out", False) and not args.out.parent.exists():
        raise CliError(QT_TRANSLATE_NOOP("messages", "--out: the folder {folder} is not there (is the USB stick plugged "
                                                     "in?); nothing was written."), folder=args.out.parent)


# The three columns that name one stock of a controlled drug, each as the register writes it.
CD_STOCK = {"ward": QT_TRANSLATE_NOOP("messages", "ward code, e.g. 3B"),
            "drug": QT_TRANSLATE_NOOP("messages", "the drug as the register names it, e.g. Morphine"),
            "unit": QT_TRANSLATE_NOOP("messages", "the unit it is counted in, e.g. mg")}


def _lang_option(parser: argparse.ArgumentParser, lang: Lang, top: bool = False) -> None:
    parser.add_argument("--lang", choices=("en", "fr"), default=None if top else argparse.SUPPRESS,
                        help=message(lang, QT_TRANSLATE_NOOP(
                            "messages", "language of labels and messages (default: the one chosen in the app on "
                                        "this laptop, else en)")))


def _db_path(args: argparse.Namespace) -> Path:
    return args.db or args.db_default()


def _existing_path(args: argparse.Namespace) -> Path:
    path = _db_path(args)
    if not path.exists():
        raise CliError(QT_TRANSLATE_NOOP("messages", "no database at {path} (create one with 'downtime demo' or the app's first run)"),
                       path=path)
    return path


def _open_existing(args: argparse.Namespace):
    """For commands that show no patient data: a plain database opens without a sign-in, an
    encrypted one needs a staff ID and PIN to unlock it. The vault holds its key (None: plain)."""
    from downtime.services.context import Vault
    from downtime.storage import keyslots, open_database

    path = _existing_path(args)
    if keyslots.is_encrypted(path):
        return _session(args).vault
    return _read_only_said(args, Vault(path, open_database(path, create=False)))


def _read_only_said(args: argparse.Namespace, vault: Any) -> Any:
    """A database its full disk lets only read is said so on stderr at opening, before the
    census or the PDF asked for: the ward learns at once it cannot record here. What an
    encrypted import cut short left beside it in plain text goes, said so too."""
    from downtime.storage.connection import read_only_notice
    from downtime.sync.importing import clear_decrypted_left

    for folder in clear_decrypted_left(vault.db):
        removed = _say(args, QT_TRANSLATE_NOOP("messages", "removed the plain text an interrupted encrypted import left "
                                                           "in {folder}"), folder=folder)
        print(f"downtime: {removed}", file=sys.stderr)
    notice = read_only_notice(vault.db)
    if notice is not None:
        print(f"downtime: {_say(args, notice)}", file=sys.stderr)
    return vault


@cache
def _forms() -> dict[str, Any]:
    """The app's own forms, read once however many parts of a command need them (a theatre list
    read them three times)."""
    from downtime.formspec import load_forms

    return load_forms(forms_dir())


def _session(args: argparse.Namespace, path: Path | None = None, *, placed: bool = True, choosing_pin: bool = False):
    """Patient data is shown only to a signed-in person (audited); signing in also unlocks an
    encrypted database (the one of `--db`, or `path`). A database first opened on this computer
    and set up on another is refused (services.installation) unless `placed` is False, for the
    administrator's command that says which it is. A PIN an administrator set signs in only for
    `staff change-pin` (`choosing_pin`), any other command refused saying so."""
    from downtime.services import census, clock_check, installation, staff, unlock
    from downtime.services.context import Session, Vault, load_device

    if not args.user or not (args.pin or sys.stdin.isatty()):
        raise CliError(QT_TRANSLATE_NOOP("messages", "this command opens patient data: give --user and --pin "
                                         "(or set DOWNTIME_USER and DOWNTIME_PIN)"))
    vault = Vault(path or _existing_path(args))
    user = unlock.sign_in(vault, args.user, _pin(args, args.pin, "--pin", QT_TRANSLATE_NOOP("messages", "PIN of {staff_id}"),
                                                 staff_id=args.user))
    assert vault.db is not None
    if not choosing_pin and staff.pin_to_choose(vault.db, user.staff_id):
        raise CliError(QT_TRANSLATE_NOOP("messages", "{staff_id}: your PIN is one an administrator set, which signs in "
                                                     "only to choose your own: run 'downtime staff change-pin --user "
                                                     "{staff_id}' first."), staff_id=user.staff_id)
    _read_only_said(args, vault)
    forms = _forms()
    session = Session(vault.db, load_device(vault.db), user, forms, lang=args.lang, vault=vault)
    if placed and not installation.usable_here(session):
        raise CliError(QT_TRANSLATE_NOOP(
            "messages", "{path} was set up on another computer and is opened on this one for the first time: if it is a "
                        "copy that laptop goes on using, both would give device {number}'s downtime numbers to different "
                        "patients. An administrator says which it is: 'downtime set this-laptop replaces' (that laptop "
                        "will not be used again, or this is the same laptop under another account), or 'downtime set "
                        "this-laptop copy NUMBER NAME' (this copy becomes a laptop of its own, with the device number "
                        "IT gives it)."), path=vault.path, number=session.device.device_number)
    census.ensure_index(vault.db, forms)
    if (behind := clock_check.clock_behind(session.db, session.clock(), session.lang)) is not None:
        print(behind, file=sys.stderr)
    return session


def _ward_session(args: argparse.Namespace):
    """`_session`, once the --ward given is checked: one typed wrong printed an empty census, or
    opened a controlled-drug register page of its own."""
    from downtime.services.census import check_ward_named

    session = _session(args)
    if args.ward:
        check_ward_named(session.db, session.forms, args.ward)
    return session


def _emit(args: argparse.Namespace, rows: list[dict[str, Any]], text: Callable[[dict[str, Any]], str]) -> None:
    if args.json:
        _json_lines(rows)
    else:
        for row in rows:
            print(text(row))


def _json_lines(rows: Iterable[dict[str, Any]]) -> None:
    """`--json`: one JSON object per line, whatever the command's text looks like."""
    import json

    for row in rows:
        print(json.dumps(row, ensure_ascii=False))


def cmd_gui(args: argparse.Namespace) -> int:
    from downtime.qt.app import run

    return run(_db_path(args), lang=args.lang)


def cmd_demo(args: argparse.Namespace) -> int:
    from downtime.services.demo import DEMO_ACCOUNTS, create_demo, is_demo_database, remove_demo
    from downtime.services.unlock import describe

    path = _db_path(args)
    existing = path.exists()
    if existing and not is_demo_database(path):
        raise CliError(QT_TRANSLATE_NOOP("messages", "{path} holds a ward database, not a demo: demo data is never mixed "
                                         "with real patients (choose another --db)"), path=path)
    if existing and args.fresh:
        remove_demo(path)
        existing = False
    if not existing:
        vault, summary = create_demo(path, _forms(), encrypted=not args.unencrypted)
        print(_say(args, QT_TRANSLATE_NOOP("messages", "Demo ward created in {path}: {count} patients on {device}."), path=path,
                   count=summary.patients, device=summary.device_name))
        print(_say(args, QT_TRANSLATE_NOOP("messages", "The demo database is {state}."), state=describe(vault)))
    else:
        print(_say(args, QT_TRANSLATE_NOOP("messages", "Using the existing demo ward in {path} (add --fresh to start again)."), path=path))
    print(_say(args, QT_TRANSLATE_NOOP("messages", "Demo accounts (staff ID / PIN / role):")))
    for line in _columns([[staff_id, pin, _role_said(args, role), name] for staff_id, name, role, pin in DEMO_ACCOUNTS],
                         {}):
        print(f"  {line}")
    if args.launch:
        from downtime.qt.app import run

        return run(path, lang=args.lang)
    return 0


def _role_said(args: argparse.Namespace, role: str) -> str:
    """A role in --lang's words, as the app's banner and staff list say it: the command line
    printed the code ("ward_nurse") beside French words. `--role` takes the code, listed by --help."""
    from downtime.domain.roles import ROLE_NAMES

    return translate(args.lang, "Banner", ROLE_NAMES[role])


def cmd_forms_check(args: argparse.Namespace) -> int:
    from downtime.formspec import load_forms

    forms = load_forms(args.dir or forms_dir())
    for form_id, spec in sorted(forms.items()):
        print(_say(args, QT_TRANSLATE_NOOP("messages", "ok  {form} (version {version}, {count} fields)"), form=form_id,
                   version=spec.version, count=sum(1 for _ in spec.fields())))
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from downtime.errors import damage_cause
    from downtime.services.backups import checked_against, folder, sound
    from downtime.services import search
    from downtime.services.census import ensure_index, index_problem

    try:
        vault = _open_existing(args)
    except Exception as problem:  # noqa: BLE001 (raised again unless the file is damaged)
        # A bad page met by the sign-in's own reads and writes ended in a traceback.
        damaged = damage_cause(problem)
        if damaged is None:
            raise
        print(_say(args, QT_TRANSLATE_NOOP("messages", "NOT SOUND: {problem}"), problem=_say(args, damaged)),
              file=sys.stderr)
        return EXIT_ERROR
    db = vault.db
    problem = sound(db, vault.key)
    if problem is None:
        # As at every opening, an index short of lines (just emptied by an upgrade) is rebuilt
        # first; a line that disagrees with the records is then named, as is a patient's line of
        # the search index (named here, not mended: the app's opening mends it).
        forms = _forms()
        ensure_index(db, forms)
        problem = index_problem(db, forms) or search.index_problem(db, forms)
    if problem:
        print(_say(args, QT_TRANSLATE_NOOP("messages", "NOT SOUND: {problem}"), problem=problem), file=sys.stderr)
        return EXIT_ERROR
    print(_say(args, QT_TRANSLATE_NOOP("messages", "sound: {path} passes the integrity check and its audit chain verifies, "
                                                   "up to the newest backup's end"),
               path=_db_path(args)))
    if checked_against(db, vault.key) is None:
        print(_say(args, QT_TRANSLATE_NOOP("messages", "(no backup of it was found in {folder}, so the end of its audit "
                                                       "log was checked against none: entries cut from that end, with "
                                                       "the rows they wrote, would not show. Verify again with its "
                                                       "backups there, e.g. their USB stick plugged in.)"), folder=folder(db)))
    return 0


def cmd_records(args: argparse.Namespace) -> int:
    from downtime.domain.records import RecordStatus
    from downtime.services.patients import downtime_numbers
    from downtime.services.records import list_current

    session = _session(args)
    if args.form and args.form not in session.forms:  # it printed nothing, exit 0: "no such record", it seemed
        raise _unknown_form(args.form, session.forms)
    db = session.db
    numbers = downtime_numbers(db)
    rows = [{"id": record.record_id, "form": record.form_id,
             "patient": numbers.get(record.patient_id or ""), "version": record.version,
             "status": record.status.value, "occurred_at": record.occurred_at.isoformat(),
             "recorded_at": record.recorded_at.isoformat(), "author": record.author}
            for record in list_current(db, form_id=args.form)]
    # In words and as the app's Records tab dates it ("définitif 30/11/2026 02:10"); --json keeps
    # the codes and ISO 8601.
    _emit(args, rows, lambda r: f"{r['id']}  {r['form']:<12} {r['patient'] or '-':<16} "
                                f"v{r['version']} {record_status_word(RecordStatus(r['status']), args.lang):<16} "
                                f"{ward_time(datetime.fromisoformat(r['occurred_at']), None, DATED)}")
    return 0


def _patient_row(patient: Any) -> dict[str, Any]:
    return {"patient_id": patient.patient_id, "downtime_number": patient.downtime_number,
            "name": patient.display_name,
            "birth_date": patient.birth_date.isoformat() if patient.birth_date else None,
            "sex": patient.sex, "ward": patient.ward, "bed": patient.bed,
            "status": patient.stay.value if patient.stay else None,
            "allergies": list(patient.allergies), "allergy_status": patient.allergy_status}


FORMERLY = QT_TRANSLATE_NOOP("messages", "(formerly {name})")


def cmd_search(args: argparse.Namespace) -> int:
    """A patient found by the temporary name they were admitted under and identified since has
    it beside their name ("(formerly INCONNU TRÈFLE)", search.find): the line read DUPONT Marie
    alone, and whoever searched by the name on a sample could not tell why it came up; one found
    by another laptop's identification on hold says it ("identified as GIRARD Thomas Paul on
    another laptop (on hold)", `held` in the JSON), as the window's Formerly column does. The
    column is there only when a line has one."""
    from downtime.services.search import find, number_status

    session, text = _session(args), " ".join(args.text)
    found = find(session.db, session.forms, text)
    if args.json:
        _json_lines({**_patient_row(f.patient), "formerly": f.formerly,
                     "held": f.held.text(args.lang) if f.held else None} for f in found)
    else:
        said = [", ".join(filter(None, (_say(args, FORMERLY, name=f.formerly) if f.formerly else None,
                                        f.held.text(args.lang) if f.held else None))) for f in found]
        formerly = any(said)
        rows = []
        for f, why in zip(found, said, strict=True):
            p = f.patient
            earlier = [why] if formerly else []
            rows.append([p.downtime_number, p.display_name, *earlier, p.birth_date_in(args.lang),
                         f"{p.ward or '-'}/{p.bed or '-'}", stay_word(p.stay, args.lang) if p.stay else ""])
        for line in _columns(rows, {1: NAME_WIDTH, 2: NAME_WIDTH} if formerly else {1: NAME_WIDTH}):
            print(line)
    if not found and not args.json:
        # A withdrawn admission's band, or a paper number not used yet: what it is, not "nobody".
        status = number_status(session.db, session.forms, text)
        print(status.text(args.lang) if status else _say(args, QT_TRANSLATE_NOOP("messages", "no patient found")),
              file=sys.stderr)
    return 0


def _moment(text: str, option: str, lang: Lang, *, day_only: bool = False) -> datetime | date:
    """A moment typed as on the ward (28/11/2026 08:00) or in ISO 8601, on the laptop's clock
    unless it gives its offset (then the instant it says, a script's UTC as much as the ward's
    clock: not a box on the ward, see values.parse_datetime), or a day alone (`day_only`:
    27/11/2026); anything else is refused naming the option, not a traceback."""
    from downtime.formspec.messages import message as field_message
    from downtime.formspec.values import ParseError, parse_date, parse_datetime

    try:
        return parse_date(text) if day_only else parse_datetime(text, on_the_ward=False)
    except ParseError as problem:
        raise CliError(field_message(problem.key, lang, option, problem.limit)) from None


def cmd_census(args: argparse.Namespace) -> int:
    from downtime.services.census import census

    at = _moment(args.at, "--at", args.lang) if args.at else None
    session = _ward_session(args)
    found = census(session.db, session.forms, ward=args.ward, at=at)
    if args.json:
        _json_lines({**(_patient_row(row.patient) if row.patient else {"downtime_number": None, "name": None}),
                     "ward": row.ward, "bed": row.bed} for row in found)
    else:
        print("\n".join(_census_lines(found, args.lang)))
    return 0


NAME_WIDTH = 40  # a patient's name in a list's column: a longer one goes on below itself


def _census_lines(rows: Sequence[CensusRow], lang: Lang) -> list[str]:
    """Each bed's patient by name, date of birth and downtime number (two identifiers on every
    line), in columns (`_columns`); a bed held by a body says so (census.body_text)."""
    from downtime.services.census import body_text

    return _columns([[row.ward, row.bed or message(lang, QT_TRANSLATE_NOOP("messages", "(no bed)"))]
                     + ([row.patient.display_name, row.patient.birth_date_in(lang), row.patient.downtime_number]
                        if row.patient else [body_text(row.body, lang)] if row.body
                        else [message(lang, QT_TRANSLATE_NOOP("messages", "empty"))])
                     for row in rows], {2: NAME_WIDTH})


def _columns(rows: Sequence[Sequence[str]], widest: dict[int, int]) -> list[str]:
    """Lines of cells in columns as wide as each column's longest entry, two spaces apart, for
    the census and the search to print alike, with no spaces at a line's end. A cell longer
    than its column's `widest` goes on below itself in its column (`_wrapped`) rather than push
    the rest of its line, a downtime number, out of line. It was cut with "…", and with it the
    birth name an identity check asks for: "DE LA FONTAINE-MARTIN Marie-Hélène (née DE LA
    FONTAINE…"."""
    cells = [[_wrapped(cell, widest[column]) if column in widest else [cell] for column, cell in enumerate(row)]
             for row in rows]
    widths = [max(len(line) for row in cells if column < len(row) for line in row[column])
              for column in range(max(map(len, cells), default=0))]
    return ["  ".join(f"{cell[depth] if depth < len(cell) else '':<{widths[column]}}" for column, cell in enumerate(row))
            .rstrip() for row in cells for depth in range(max(map(len, row)))]


def _wrapped(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width`, broken between words, its bracket (a birth name, an
    unknown patient's description) starting a line of its own: nothing of a name is lost, and
    "(née DE LA FONTAINE)" is read whole."""
    if len(text) <= width:
        return [text]
    name, bracket, rest = text.partition(" (")
    return [line for part in ([name, "(" + rest] if bracket else [text])
            for line in textwrap.wrap(part, width, break_on_hyphens=False)]


def cmd_ward_add(args: argparse.Namespace) -> int:
    from downtime.services.wards import add_ward

    return _ward_made(args, add_ward(_session(args), args.ward, args.name, _beds(args)))


def _beds(args: argparse.Namespace) -> list[str]:
    """`--beds` read as the Administration tab reads its box, each argument in turn ("1-20",
    "21A, 21B", "Side room"): taken as they stood, "1-20" was one bed of that name, for good."""
    from downtime.services.wards import parse_beds

    return [bed for typed in args.beds for bed in parse_beds(typed)]


def _ward_made(args: argparse.Namespace, ward: Any) -> int:
    """The ward's beds are said whole: made at once, with no question as on the Administration
    tab, and never removed."""
    print(_ward_said(args, ward))
    return 0


def _ward_said(args: argparse.Namespace, ward: Any) -> str:
    """A ward and its beds, as `ward add` and `ward list` say it in --lang (the list read "28
    beds" under --lang fr)."""
    from downtime.services.wards import bed_ranges

    return _say(args, QT_TRANSLATE_NOOP("messages", "ward {ward} ({name}): {count} beds: {beds}"), ward=ward.ward,
                name=ward.name, count=len(ward.beds), beds=bed_ranges(ward.beds))


def cmd_ward_add_beds(args: argparse.Namespace) -> int:
    from downtime.services.wards import add_beds

    return _ward_made(args, add_beds(_session(args), args.ward, _beds(args)))


def cmd_ward_list(args: argparse.Namespace) -> int:
    from downtime.services.wards import wards

    found = wards(_open_existing(args).db)
    if args.json:
        _json_lines({"ward": w.ward, "name": w.name, "beds": list(w.beds)} for w in found)
    else:
        for ward in found:
            print(_ward_said(args, ward))
    return 0


def _printed_blank(args: argparse.Namespace, print_signed_in: Callable[[Session], Path],
                   print_here: Callable[..., Path]) -> Path:
    """A blank page needs no sign-in: it holds no patient data. With `--user`, its pages name that
    person of the staff list (audited, as the app's print is); with none, they say it was printed
    blank with no one signed in, on the laptop the database names (before any PIN, as its sign-in
    window does), else on this computer. They named the computer's login and host ("Imprimé par
    root … — vm"), neither a person of the staff list nor the laptop."""
    import platform

    from downtime.services import this_laptop
    from downtime.services.context import Vault

    if args.user:
        return print_signed_in(_session(args))
    path = _db_path(args)
    laptop = this_laptop.on_sign_in(Vault(path)) if path.exists() else None
    return print_here(lang=args.lang, printed_by=None, printed_at=local_now(),
                      device_name=laptop.name if laptop else platform.node())


def cmd_pdf_blank(args: argparse.Namespace) -> int:
    from downtime.services.printing import BLANK_CHARTS, blank, print_blank

    forms = _forms()
    if args.form not in forms and args.form not in BLANK_CHARTS:
        raise _unknown_form(args.form, [*forms, *BLANK_CHARTS])
    print(_printed_blank(args, lambda session: print_blank(session, args.form, args.out),
                         lambda **printed: blank(forms, args.form, args.out, **printed)))
    return 0


def _unknown_form(form: str, names: Iterable[str]) -> CliError:
    return CliError(QT_TRANSLATE_NOOP("messages", "unknown form {form}; forms: {forms}"), form=repr(form),
                    forms=", ".join(sorted(names)))


def cmd_pdf_binder(args: argparse.Namespace) -> int:
    from downtime.services.printing import binder, print_binder

    print(_printed_blank(args, lambda session: print_binder(session, args.out),
                         lambda **printed: binder(_forms(), args.out, **printed)))
    return 0


def cmd_pdf_record(args: argparse.Namespace) -> int:
    from downtime.services.printing import print_record
    from downtime.storage.records import RecordNotFound

    session = _session(args)
    try:
        print(print_record(session, args.record_id, args.out))
    except RecordNotFound:
        raise CliError(QT_TRANSLATE_NOOP("messages", "RECORD_ID {record_id}: no record of that id in this database; a "
                                                     "record's id is the first column of 'downtime records'."),
                       record_id=repr(args.record_id)) from None
    return 0


def cmd_pdf_census(args: argparse.Namespace) -> int:
    from downtime.services.printing import print_census

    print(print_census(_ward_session(args), args.out, ward=args.ward))
    return 0


def cmd_pdf_labels(args: argparse.Namespace) -> int:
    """A count below 1 wrote a PDF of no page (or, 0, a whole sheet), and a hundred thousand ran
    for minutes: each a slip."""
    from downtime.services.printing import print_labels
    from downtime.services.search import search

    if args.count is not None and not 1 <= args.count <= MOST_LABELS:
        raise CliError(QT_TRANSLATE_NOOP("messages", "--count: from 1 to {most} labels"), most=MOST_LABELS)
    session = _session(args)
    found = search(session.db, session.forms, args.patient)
    if len(found) != 1:
        raise CliError(QT_TRANSLATE_NOOP("messages", "{text} matches {count} patients; give the downtime number"), text=repr(args.patient),
                       count=len(found))
    print(print_labels(session, found[0].patient_id, args.out, count=args.count, stock=args.stock))
    return 0


def cmd_pdf_paper_numbers(args: argparse.Namespace) -> int:
    from downtime.services.printing import print_paper_numbers

    if not 1 <= args.count <= MOST_PAPER_NUMBERS:
        raise CliError(QT_TRANSLATE_NOOP("messages", "--count: from 1 to {most} numbers"), most=MOST_PAPER_NUMBERS)
    _, numbers = print_paper_numbers(_session(args), args.out, args.count)
    print(_say(args, QT_TRANSLATE_NOOP("messages", "{count} numbers reserved for patients admitted on paper, "
                                                   "{first} to {last}: {out}"),
               count=len(numbers), first=numbers[0], last=numbers[-1], out=args.out))
    return 0


def cmd_paper_numbers(args: argparse.Namespace) -> int:
    """The labels printed for paper admissions that no patient has yet, for the nurse in charge
    to find each one: in the binder, or stuck on the forms of a patient not yet typed in."""
    from downtime.services.paper_numbers import unused

    rows = [{"downtime_number": n.number, "reserved_at": n.reserved_at.isoformat(), "reserved_by": n.reserved_by}
            for n in unused(_session(args))]
    _emit(args, rows, lambda r: f"{r['downtime_number']}  {ward_time(datetime.fromisoformat(r['reserved_at']), None, DATED)}  "
                                f"{r['reserved_by']}")
    if not rows and not args.json:
        print(_say(args, QT_TRANSLATE_NOOP("messages", "Every number reserved for paper admissions on this laptop "
                                                       "has been given to a patient.")))
    return 0


def _one_patient(session: Any, text: str) -> str:
    from downtime.services.search import search

    found = search(session.db, session.forms, text)
    if len(found) != 1:
        raise CliError(QT_TRANSLATE_NOOP("messages", "{text} matches {count} patients; give the downtime number"), text=repr(text),
                       count=len(found))
    return found[0].patient_id


def _mar_days(args: argparse.Namespace) -> int:
    """--days checked before the sign-in, naming the option: the printing service's "Days: 1 to
    14." left the user to guess which number was meant."""
    if not 1 <= args.days <= MOST_MAR_DAYS:
        raise CliError(QT_TRANSLATE_NOOP("messages", "--days: 1 to {most}"), most=MOST_MAR_DAYS)
    return args.days


def cmd_pdf_mar(args: argparse.Namespace) -> int:
    from downtime.services.printing import print_mar

    days = _mar_days(args)
    first = _moment(args.first_day, "--from", args.lang, day_only=True) if args.first_day else None
    session = _session(args)
    print(print_mar(session, [_one_patient(session, args.patient)], args.out, days=days, first_day=first))
    return 0


def cmd_pdf_news2(args: argparse.Namespace) -> int:
    from downtime.services.printing import print_news2_chart

    return _patient_pdf(args, print_news2_chart)


def cmd_pdf_neuro(args: argparse.Namespace) -> int:
    from downtime.services.printing import print_neuro_chart

    return _patient_pdf(args, print_neuro_chart)


def cmd_pdf_glucose(args: argparse.Namespace) -> int:
    from downtime.services.printing import print_glucose_chart

    return _patient_pdf(args, print_glucose_chart)


def cmd_pdf_repositioning(args: argparse.Namespace) -> int:
    from downtime.services.printing import print_repositioning_chart

    return _patient_pdf(args, print_repositioning_chart)


def cmd_pdf_pain(args: argparse.Namespace) -> int:
    from downtime.services.printing import print_pain_chart

    return _patient_pdf(args, print_pain_chart)


def cmd_pdf_bowels(args: argparse.Namespace) -> int:
    from downtime.services.printing import print_bowel_chart

    return _patient_pdf(args, print_bowel_chart)


def cmd_pdf_pews(args: argparse.Namespace) -> int:
    from downtime.services.printing import print_pews_chart

    return _patient_pdf(args, print_pews_chart)


def cmd_pdf_devices(args: argparse.Namespace) -> int:
    from downtime.services.printing import print_device_chart

    return _patient_pdf(args, print_device_chart)


def cmd_pdf_wounds(args: argparse.Namespace) -> int:
    from downtime.services.printing import print_wound_chart

    return _patient_pdf(args, print_wound_chart)


def cmd_pdf_results(args: argparse.Namespace) -> int:
    from downtime.services.printing import print_lab_results

    return _patient_pdf(args, print_lab_results)


def cmd_pdf_transfusion(args: argparse.Namespace) -> int:
    from downtime.services.printing import print_transfusion_record

    return _patient_pdf(args, print_transfusion_record)


def cmd_pdf_notes(args: argparse.Namespace) -> int:
    from downtime.services.printing import print_notes

    return _patient_pdf(args, print_notes)


def cmd_pdf_fluid(args: argparse.Namespace) -> int:
    """The chart's day asked for, else the one under way (after midnight, the day before's)."""
    from downtime.domain.fluid_balance import chart_day
    from downtime.services.printing import print_fluid_chart

    session = _session(args)
    day = _day(args.date) if args.date else chart_day(session.clock())
    print(print_fluid_chart(session, _one_patient(session, args.patient), day, args.out))
    return 0


def _patient_pdf(args: argparse.Namespace, printed: Callable[[Session, str, Path], Path]) -> int:
    """One patient's chart or sheets, `printed` by the person signed in."""
    session = _session(args)
    print(printed(session, _one_patient(session, args.patient), args.out))
    return 0


def cmd_pdf_mar_pack(args: argparse.Namespace) -> int:
    from downtime.services.printing import print_ward_mar_pack

    days = _mar_days(args)
    print(print_ward_mar_pack(_ward_session(args), args.ward, args.out, days=days))
    return 0


def _witness(args: argparse.Namespace) -> tuple[str, str]:
    """The witness of a register line, asked for before any is tried: a PIN left out is no
    failed sign-in in the witness's name (five lock them out), as in the register tab's dialogs."""
    if not args.witness_user or not (args.witness_pin or sys.stdin.isatty()):
        raise CliError(QT_TRANSLATE_NOOP("messages", "a controlled-drug entry needs a witness: give --witness-user and --witness-pin"))
    return args.witness_user, _pin(args, args.witness_pin, "--witness-pin",
                                   QT_TRANSLATE_NOOP("messages", "PIN of the witness, {staff_id}"), staff_id=args.witness_user)


def _register_session(args: argparse.Namespace, *, new_page: bool = False):
    """`_ward_session`, once --drug and --unit are found a page of the ward's register (taken as
    the page writes them, "MORPHINE" being its "Morphine"): one typed wrong read "balance 0 mg",
    listed no dose to waste, and a count wrote the cupboard's whole stock as a correction on a
    page of its own, the real page left uncounted. A receipt opens a page only when told it is a
    `new_page` (--new-page): "Morphin" received split the ward's morphine over two pages, the
    legal register's balance wrong on both."""
    from downtime.services.cd_register import cd_page, cd_stock

    session = _ward_session(args)
    pages = cd_stock(session.db, session.forms, args.ward)
    if found := cd_page(pages, args.drug, args.unit):
        args.drug, args.unit = found.drug, found.unit
        return session
    if new_page:
        _check_new_page(args, pages)
        return session
    if not pages:
        raise CliError(QT_TRANSLATE_NOOP("messages", "--drug {drug} --unit {unit}: ward {ward}'s controlled-drug register "
                                                     "has no page yet: a drug delivered for the first time starts its "
                                                     "page with 'downtime cd receive --new-page'."),
                       drug=args.drug, unit=args.unit, ward=args.ward)
    raise CliError(QT_TRANSLATE_NOOP("messages", "--drug {drug} --unit {unit}: no such page in ward {ward}'s controlled-drug "
                                                 "register; its pages: {pages}. Type one as it is written there (a drug "
                                                 "delivered for the first time starts its page with 'downtime cd "
                                                 "receive --new-page')."),
                   drug=args.drug, unit=args.unit, ward=args.ward,
                   pages=", ".join(f"{page.drug} ({page.unit})" for page in pages))


def _check_new_page(args: argparse.Namespace, pages: list[Stock]) -> None:
    """A new page alike one of the register's (see `cd_pages_alike`) is opened only once each of
    those is named with --other-than, copied from the refusal that names them: --new-page alone
    took "Morphin" for a drug of its own, beside the ward's "Morphine"."""
    import shlex

    from downtime.services.cd_register import cd_pages_alike

    said_other = [name.strip().casefold() for name in args.other_than or []]
    alike = [page for page in cd_pages_alike(pages, args.drug) if page.drug.casefold() not in said_other]
    if alike:
        raise CliError(QT_TRANSLATE_NOOP("messages", "--drug {drug} --unit {unit} is close to {pages} on ward {ward}'s "
                                                     "controlled-drug register: no new page was opened, as one drug "
                                                     "on two pages leaves both balances wrong. If it is the same drug, "
                                                     "type it as its page writes it; if it is another drug, delivered "
                                                     "for the first time, give --new-page {other_than}."),
                       drug=args.drug, unit=args.unit, ward=args.ward,
                       pages=", ".join(f"{page.drug} ({page.unit})" for page in alike),
                       other_than=" ".join(f"--other-than {shlex.quote(drug)}"
                                           for drug in dict.fromkeys(page.drug for page in alike)))


def _print_balance(args: argparse.Namespace, balance: float) -> None:
    """The register's balance after an entry, or asked for, said alike (`cd balance` printed an
    English sentence under --lang fr), with French's decimal comma."""
    print(_say(args, QT_TRANSLATE_NOOP("messages", "{drug} on ward {ward}: balance {balance} {unit}"), drug=args.drug, ward=args.ward,
               balance=Number(balance), unit=args.unit))


def cmd_cd_receive(args: argparse.Namespace) -> int:
    from downtime.services.cd_register import cd_receive

    if args.other_than and not args.new_page:
        raise CliError(QT_TRANSLATE_NOOP("messages", "--other-than goes with --new-page: it says which page the new one "
                                                     "is not"))
    witness = _witness(args)
    session = _register_session(args, new_page=args.new_page)
    _print_balance(args, cd_receive(session, args.ward, args.drug, args.unit, args.quantity,
                                    witness=witness, note=args.note))
    return 0


def cmd_cd_count(args: argparse.Namespace) -> int:
    """The cupboard counted, as the register tab's Cupboard count…: a count that matches is written
    as checked; one that differs is a discrepancy, refused without --discrepancy-note (who was
    told), named, before any witness is tried. `cd count --counted 2` where the register held 20
    printed "balance 2 mg", the register rewritten as a routine correction."""
    from downtime.services.cd_register import cd_count, cd_count_check

    witness = _witness(args)
    if args.counted < 0:
        raise CliError(QT_TRANSLATE_NOOP("messages", "--counted: a count is never below zero"))
    session = _register_session(args)
    check = cd_count_check(session.db, args.ward, args.drug, args.unit, args.counted)
    reported = (args.discrepancy_note or "").strip()
    if check.discrepancy and not reported:
        raise CliError(QT_TRANSLATE_NOOP("messages", "--counted {counted}: {difference}. This is a discrepancy, "
                                                     "written as one on the register to be investigated: count "
                                                     "again with your witness; if the count stands, tell the nurse "
                                                     "in charge or the pharmacist and give --discrepancy-note "
                                                     "saying who was told"),
                       counted=Number(check.counted), difference=check.said(args.unit))
    if reported and not check.discrepancy:
        raise CliError(QT_TRANSLATE_NOOP("messages", "--discrepancy-note: {counted} {unit} counted, as the register "
                                                     "holds: there is no discrepancy (a note goes with --note)"),
                       counted=Number(check.counted), unit=args.unit)
    balance = cd_count(session, args.ward, args.drug, args.unit, args.counted, witness=witness, note=args.note,
                       discrepancy_note=reported or None)
    if check.discrepancy:
        print(_say(args, QT_TRANSLATE_NOOP("messages", "Discrepancy written on the register: {difference}"),
                   difference=check.said(args.unit)))
    _print_balance(args, balance)
    return 0


def cmd_cd_wastage(args: argparse.Namespace) -> int:
    """What was left of an ampoule after one of the drug's latest doses, as the register tab's Record
    wastage… offers them (without --dose: those doses, by id, to choose from, or why there is
    none). A dose of the page not offered is refused with the reason, before the witness is tried.
    A dose drawn up and charted not given is listed saying so (`drawn_up`), its quantity the order's
    dose; what was destroyed is --quantity, taken from this page (--drug)."""
    from downtime.services.cd_register import cd_doses_to_waste, cd_lines, cd_waste, wastage_refusal

    session = _register_session(args)
    offer = cd_doses_to_waste(session, args.ward, args.drug, args.unit)
    if args.dose is None:
        _emit(args, [{"record_id": line.record_id, "given_at": ward_time(line.given_at or line.at, None, DATED),
                      "patient": line.patient_text(), "quantity": -line.change, "unit": args.unit,
                      "drawn_up": line.note if line.kind == "not_given" else None} for line in offer.doses],
              lambda r: f"{r['record_id']}  {r['given_at']} — {r['patient']} — "
                        + (f"{r['drawn_up']}: " if r["drawn_up"] else "")
                        + f"{Number(r['quantity']).text(args.lang)} {r['unit']}")
        if offer.none_left and not args.json:
            print(offer.none_left.text(args.lang))
        return 0
    if args.dose not in {line.record_id for line in offer.doses}:
        on_page = any(line.kind in ("administration", "wastage") and line.record_id == args.dose
                      for line in cd_lines(session.db, session.forms, args.ward, args.drug, args.unit))
        if on_page and (refused := wastage_refusal(session, args.dose, args.drug)):
            raise refused
        raise CliError(QT_TRANSLATE_NOOP("messages", "--dose: {dose} is not one of the latest doses of {drug} ({unit}) "
                                         "on ward {ward}'s register; without --dose, the command lists them"),
                       dose=args.dose, drug=args.drug, unit=args.unit, ward=args.ward)
    if args.quantity is None:
        raise CliError(QT_TRANSLATE_NOOP("messages", "--quantity: how much was discarded, in {unit}"), unit=args.unit)
    if args.quantity <= 0:
        raise CliError(QT_TRANSLATE_NOOP("messages", "--quantity: the quantity discarded must be above zero"))
    _print_balance(args, cd_waste(session, args.dose, args.quantity, witness=_witness(args), note=args.note,
                                  page=args.drug))
    return 0


def cmd_cd_supply(args: argparse.Namespace) -> int:
    """Stock supplied to a patient to take home, as the register tab's Supplied to take home…:
    the patient found by --patient (the downtime number), the line naming them."""
    from downtime.services.cd_register import cd_supply

    witness = _witness(args)
    session = _register_session(args)
    _print_balance(args, cd_supply(session, args.ward, args.drug, args.unit, args.quantity,
                                   _one_patient(session, args.patient), witness=witness, note=args.note))
    return 0


def cmd_cd_strike(args: argparse.Namespace) -> int:
    """A line of the page written in error marked so, as the register tab's Mark line entered in
    error…: without --line, the lines it may be (by id, latest first); with it, the reason
    (--note) and the witness, the line kept and a line giving its quantity back written under it."""
    from downtime.services.cd_register import cd_lines_to_strike, cd_strike

    session = _register_session(args)
    if args.line is None:
        lines = cd_lines_to_strike(session.db, session.forms, args.ward, args.drug, args.unit)
        _emit(args, [{"line_id": line.line_id, "at": line.at.isoformat(), "kind": line.kind, "change": line.change,
                      "unit": args.unit, "note": line.note} for line in lines],
              lambda r: f"{r['line_id']}  {ward_time(datetime.fromisoformat(r['at']), None, DATED)} — {r['kind']} — "
                        f"{Number(r['change']).text(args.lang)} {r['unit']}" + (f" — {r['note']}" if r["note"] else ""))
        return 0
    if not (args.note or "").strip():
        raise CliError(QT_TRANSLATE_NOOP("messages", "--note: why the line was entered in error"))
    _print_balance(args, cd_strike(session, args.line, args.note, witness=_witness(args)))
    return 0


def cmd_cd_balance(args: argparse.Namespace) -> int:
    from downtime.services.cd_register import cd_balance

    balance = cd_balance(_register_session(args).db, args.ward, args.drug, args.unit)
    if args.json:
        _json_lines([{"ward": args.ward, "drug": args.drug, "unit": args.unit, "balance": balance}])
    else:
        _print_balance(args, balance)
    return 0


def cmd_setting(args: argparse.Namespace) -> int:
    from downtime.services import settings

    session = _session(args, placed=args.name != "this-laptop")
    if args.name == "label-stock":
        settings.set_label_stock(session, args.value[0])
    elif args.name == "round-thresholds":
        if len(args.value) != 2 or not all(v.isdigit() for v in args.value):
            raise CliError(QT_TRANSLATE_NOOP("messages", "round-thresholds takes two numbers of minutes: LATE OVERDUE (e.g. 30 60)"))
        settings.set_round_thresholds(session, int(args.value[0]), int(args.value[1]))
    elif args.name == "letter-contact":
        settings.set_letter_contact(session, " ".join(args.value))
    elif args.name == "export-key":
        settings.set_export_key(session, " ".join(args.value))
    elif args.name == "bank-holidays":
        settings.set_bank_holidays(session, " ".join(args.value))
        print(settings.bank_holidays_said(session.db, session.clock().date(), args.lang))
        return 0
    elif args.name == "wards-key":
        # Only made here, never typed: a secret on the command line stays in the shell's history.
        from downtime.sync.encryption import new_wards_key

        if args.value != ["new"]:
            raise CliError(QT_TRANSLATE_NOOP("messages", "wards-key takes only 'new': a new wards' key, when a set-up file "
                                                         "was lost; then save the set-up file and load it on every "
                                                         "laptop"))
        settings.set_wards_key(session, new_wards_key())
        print(_say(args, QT_TRANSLATE_NOOP("messages", "a new wards' key is set on this laptop: save the set-up file "
                                                       "('downtime setup-file save') and load it on every laptop; "
                                                       "sticks made for another ward with the old key no longer open "
                                                       "on a laptop that loaded it")))
    elif args.name in ("device-number", "device-name"):
        return _set_device(args, session)
    elif args.name == "this-laptop":
        return _set_this_laptop(args, session)
    elif args.name == "laptop-ward":
        print(settings.laptop_ward_said(settings.set_laptop_ward(session, " ".join(args.value)), args.lang))
        return 0
    elif args.name == "idle-lock":
        if len(args.value) != 1 or not args.value[0].isdigit():
            raise CliError(QT_TRANSLATE_NOOP("messages", "idle-lock takes one number of minutes (e.g. 5)"))
        settings.set_idle_lock(session, int(args.value[0]))
    else:
        from downtime.services.backups import set_backup_policy

        if len(args.value) != 3 or not all(v.isdigit() for v in args.value[1:]):
            raise CliError(QT_TRANSLATE_NOOP("messages", "backups takes FOLDER EVERY_MINUTES KEEP (e.g. /media/usb/backups 15 10)"))
        set_backup_policy(session, Path(args.value[0]), int(args.value[1]), int(args.value[2]))
    print(_say(args, QT_TRANSLATE_NOOP("messages", "{name} set to {value}"), name=args.name, value=" ".join(args.value)))
    if args.name == "backups":  # KEEP alone read as all that is kept
        from downtime.services.backups import kept_said

        print(kept_said(int(args.value[2]), args.lang))
    return 0


def _set_this_laptop(args: argparse.Namespace, session: Session) -> int:
    from downtime.domain.downtime_number import format_downtime_number
    from downtime.services import installation, settings

    if args.value[0] == "replaces" and len(args.value) == 1:
        installation.carry_on_here(session)
        print(_say(args, QT_TRANSLATE_NOOP("messages", "This laptop goes on as device {number} ({name}): the computer it "
                                                       "was set up on must not use it again."),
                   number=session.device.device_number, name=session.device.name))
        return 0
    if args.value[0] != "copy" or len(args.value) < 3 or not args.value[1].isdigit():
        raise CliError(QT_TRANSLATE_NOOP("messages", "this-laptop takes 'replaces', or 'copy NUMBER NAME' (e.g. copy 8 "
                                                     "\"Ward 3B laptop 2\")"))
    # The ward it was copied with stays, said below (`set laptop-ward` changes it).
    installation.become_own_laptop(session, int(args.value[1]), " ".join(args.value[2:]),
                                   settings.laptop_ward(session.db) or "")
    print(_say(args, QT_TRANSLATE_NOOP("messages", "This copy is now a laptop of its own, device {number} ({name}): its "
                                                   "patients are numbered {new}…."),
               number=session.device.device_number, name=session.device.name,
               new=format_downtime_number(session.device.device_number, 1)[:7]))
    print(settings.laptop_ward_said(settings.laptop_ward(session.db), args.lang))
    return 0


def _set_device(args: argparse.Namespace, session: Session) -> int:
    from downtime.domain.downtime_number import format_downtime_number
    from downtime.services import setup

    before = session.device
    if args.name == "device-name":
        setup.change_device(session, name=" ".join(args.value))
        print(_say(args, QT_TRANSLATE_NOOP("messages", "This laptop is now named {name} (device {number})."),
                   name=session.device.name, number=session.device.device_number))
        return 0
    if len(args.value) != 1 or not args.value[0].isdigit():
        raise CliError(QT_TRANSLATE_NOOP("messages", "device-number takes one number, the laptop's own in the hospital's "
                                                     "downtime plan (e.g. 7)"))
    numbered = setup.change_device(session, number=int(args.value[0]))
    # Said of the patients numbered before only when there are some ("the 0 it numbered before keep theirs").
    said = QT_TRANSLATE_NOOP("messages", "This laptop is now device {number}: patients registered from now on are "
                                         "numbered {new}…; the {count} it numbered before keep theirs ({old}…), as on "
                                         "their wristbands and forms. No other laptop may have device number {number}: "
                                         "check the hospital's list.") if numbered else QT_TRANSLATE_NOOP(
        "messages", "This laptop is now device {number}: its patients are numbered {new}…. No other laptop may have device "
                    "number {number}: check the hospital's list.")
    print(_say(args, said, number=session.device.device_number, count=numbered,
               new=format_downtime_number(session.device.device_number, 1)[:7],
               old=format_downtime_number(before.device_number, 1)[:7]))
    return 0


def cmd_setup_file_save(args: argparse.Namespace) -> int:
    from downtime.services import setup_file

    path = setup_file.save(_session(args), args.file)
    print(_say(args, QT_TRANSLATE_NOOP("messages", "set-up saved to {path}: load it on each other laptop with "
                                                   "'downtime setup-file load {path}'"), path=path))
    return 0


def cmd_setup_file_load(args: argparse.Namespace) -> int:
    from downtime.services import setup_file

    session = _session(args)
    plan = setup_file.read(session, args.file)
    setup_file.load(session, plan)
    for line in plan.lines(args.lang):
        print(line)
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from downtime.services.backups import backup_now, made

    path = backup_now(_session(args))
    print(_say(args, QT_TRANSLATE_NOOP("messages", "backed up to {path} (made {when})"), path=path, when=made(path)))
    return 0


def cmd_retire(args: argparse.Namespace) -> int:
    """The archive, then each file removed, then the number the device's next set-up starts at:
    IT writes it on the downtime plan, the laptop keeping nothing."""
    from downtime.services.retire import retire
    from downtime.sync.encryption import read_recipients

    encrypt_to = read_recipients(args.encrypt_to) if args.encrypt_to else None
    done = retire(_session(args), args.out, args.confirm_device_number, encrypt_to)
    print(_say(args, QT_TRANSLATE_NOOP("messages", "archived {count} record version(s) to {folder}, every file encrypted "
                                                   "(.age): keep it with the hospital's records"),
               count=sum(done.archive.counts.values()), folder=done.archive.folder))
    for file in done.removed:
        print(_say(args, QT_TRANSLATE_NOOP("messages", "removed {file}"), file=file))
    print(_say(args, QT_TRANSLATE_NOOP("messages", "Retired. At the next outage, set device {number} up with "
                                                   "--first-number {first}: the numbers before it are on earlier "
                                                   "patients' wristbands."),
               number=done.device_number, first=done.next_first_number))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from downtime.services.backups import made, restored
    from downtime.services.installation import Placed, placed
    from downtime.storage.backup import restore_backup
    from downtime.storage.integrity import check_database

    target = _db_path(args)
    if args.damaged is not None and not args.damaged.is_file():  # else the restore says nothing of its last export
        raise CliError(QT_TRANSLATE_NOOP("messages", "--damaged {path}: no such file (give the damaged database the "
                                                     "backup replaces, its .keys file beside it)"), path=args.damaged)
    sessions, elsewhere = [], []

    def sound(copy: Path) -> str | None:
        # Not `placed`: a backup put on a spare laptop was refused as set up on another
        # computer, naming the temporary copy, and nothing was put in place; which laptop this
        # is gets asked at its next opening, as for any database brought from another computer.
        session = _session(args, copy, placed=False)
        sessions.append(session)
        elsewhere.append(placed(session.db) is Placed.ELSEWHERE)
        try:
            return check_database(session.db)
        finally:
            session.db.close()

    restore_backup(args.backup, target, sound)
    session = sessions[-1]
    said = restored(target, session.vault.key, args.backup, args.damaged, session.user.staff_id, session.clock())
    print(_say(args, QT_TRANSLATE_NOOP("messages", "restored {backup} (made {when}) as {target}: {state}"),
               backup=args.backup, when=made(args.backup), target=target,
               state=_say(args, QT_TRANSLATE_NOOP("messages", "integrity and audit chain sound"))))
    print(said.text(args.lang))
    # A restore is how a second laptop gets set up in a hurry too: its patients then wear the
    # first's downtime numbers, and only the merge after the outage can tell.
    print(_say(args, QT_TRANSLATE_NOOP("messages", "It is device {number} ({name}): open it only on a laptop that replaces "
                                                   "that one, never beside it (two laptops with one database give one "
                                                   "downtime number to two patients); set a second laptop up with "
                                                   "'downtime setup'."), number=session.device.device_number,
               name=session.device.name))
    if elsewhere[-1]:
        print(_say(args, QT_TRANSLATE_NOOP("messages", "It was set up on another computer: at its first opening here an "
                                                       "administrator says which laptop this is, or now with 'downtime "
                                                       "set this-laptop replaces' (or 'copy NUMBER NAME').")))
    return 0


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(QT_TRANSLATE_NOOP("messages", "--date {text}: write the day as YYYY-MM-DD"), text=repr(text)) from None


def cmd_theatre_list(args: argparse.Namespace) -> int:
    from downtime.pdf.forms import allergy_line
    from downtime.domain.theatre import theatre_key
    from downtime.services.theatre import (
        anticoagulant_said, board_status, changed_since_printed, day_list, hours_said, insulin_said,
        preparation_said, procedure_and_side, same_name_said,
    )

    # The lines in the command's language, as the day board reads them: the side and the status
    # in words ("not_applicable", "left", "on this list" read so under --lang fr too); --json
    # keeps the codes, one line per operation. Under the day and each session (theatre,
    # specialty, hours), each operation with its expected end, the patient's downtime number,
    # the surgeon and the anaesthetist, as the printed list gives them: the lines ran on with no
    # date, no session and no anaesthetist, and a theatre team could not tell whose list it read.
    # A patient sharing a family name with another of the day's lines has them on a line of its
    # own under the name (`same_name` in the JSON), as the printed list has them: the command said
    # nothing of them. Under it, not after the status, which stays last on the operation's line;
    # so are, on a line still standing, the patient's allergies as the printed list gives them and
    # the anticoagulants the chart has in force (`allergies`, `anticoagulants` in the JSON): the
    # command said neither, which the WHO checklist's Sign In asks for. The insulins too
    # (`insulins`, and `insulin_not_first` for one to put first, as the status says it), and the
    # time-critical Parkinson's medicines (`time_critical`), whose patient is put first too. The
    # anaesthetic, ASA grade, day case and equipment (`preparation_said`; their codes in the JSON).
    booking_spec = _forms()["operation_booking"]
    day = _day(args.date)
    signed_in = _session(args)
    now = signed_in.clock()
    zone = now.tzinfo
    lists = day_list(signed_in.db, _forms(), day, args.theatre, now=now)
    rows: list[dict[str, Any]] = []
    text = [_say(args, QT_TRANSLATE_NOOP("messages", "Theatre list — {day}"), day=f"{day:%d/%m/%Y}")]
    # A list printed and changed since, as the board says it (`changed_since_printed_at` in the
    # JSON): the paper on the theatre wall is out of date.
    changed = changed_since_printed(signed_in.db, day, lists, _forms())
    text += [f"{one.said(args.lang)} — {one.to_reprint(args.lang)}" for one in changed]
    printed = {theatre_key(one.theatre): one.printed_at.isoformat() for one in changed}
    if not lists:
        text.append(_say(args, QT_TRANSLATE_NOOP("messages", "No theatre session this day.")))
    for session, entries in lists:
        start, end = hours_said(session.start, session.end, zone)
        text.append(_say(args, QT_TRANSLATE_NOOP("messages", "Theatre {theatre} — {specialty} — {start}–{end}"),
                         theatre=session.theatre, specialty=session.specialty, start=start, end=end))
        if not entries:
            text.append("  " + _say(args, QT_TRANSLATE_NOOP("messages", "No operation booked.")))
        for entry in entries:
            state, data = entry.state, entry.state.record.data
            rows.append({"theatre": session.theatre, "start": entry.start.isoformat(),
                         "end": entry.ends_at(zone).isoformat(), "booking_id": state.record.record_id,
                         "patient": state.patient.display_name, "downtime_number": state.patient.downtime_number,
                         "procedure": data["procedure"], "side": data["laterality"], "priority": data["priority"],
                         "surgeon": data["surgeon"], "anaesthetist": data.get("anaesthetist"),
                         "status": state.status.value, "struck": entry.struck, "not_told": state.untold,
                         "done_at": state.done_at.isoformat() if state.done_at and not entry.struck else None,
                         "outcome_not_recorded": entry.unrecorded(now),
                         "done_over_clash": entry.over_clash,
                         "to_tell": entry.to_tell.said(args.lang) or None if entry.to_tell else None,
                         "clashes": [clash.said.text(args.lang) for clash in entry.clashes],
                         "patient_died": state.died_before.isoformat() if state.died_before and not entry.struck
                         else None,
                         "patient_left": {"status": state.left_before.status.value, "at": state.left_before.at.isoformat()}
                         if state.left_before and not entry.struck else None,
                         "also_booked": [when.isoformat() for when in entry.booked_again],
                         "same_name": list(entry.namesakes), "latex_allergy_not_first": entry.after_latex,
                         "no_safety_checklist": entry.no_checklist, "allergies": list(state.patient.allergies),
                         "allergy_status": state.patient.allergy_status,
                         "anticoagulants": list(entry.anticoagulants), "insulins": list(entry.insulins),
                         "time_critical": list(entry.time_critical), "insulin_not_first": entry.insulin_not_first,
                         "changed_since_printed_at": printed.get(theatre_key(session.theatre)),
                         **{name: data.get(name) for name in ("anaesthetic", "asa", "day_case", "equipment")}})
            start, end = entry.hours(zone)
            text.append(f"  {start}–{end}  {state.patient.display_name:<34} "
                        f"{state.patient.downtime_number:<15} {procedure_and_side(data, booking_spec, args.lang):<40} "
                        f"{data['surgeon']:<20} {data.get('anaesthetist') or '—':<20} {board_status(entry, args.lang, now)}")
            allergies = [] if entry.struck else [allergy_line(state.patient, args.lang)]
            preparation = preparation_said(data, booking_spec, args.lang)
            text += [f"{'':15}{said}" for said in [*same_name_said(entry, args.lang), *allergies,
                                                   *anticoagulant_said(entry, args.lang),
                                                   *insulin_said(entry, args.lang), *filter(None, [preparation])]]
    if args.json:
        _json_lines(rows)
    else:
        print("\n".join(text))
    return 0


def cmd_theatre_done(args: argparse.Namespace) -> int:
    """That an operation took place, as the board's "Operation done…" records it: the booking id
    `theatre list --json` gives, when it took place (required: nobody confirms a time filled in
    here), and the theatre, its list's unless said; in a theatre that was not free then, the
    reason (--clash-reason), as the dialog asks it."""
    from downtime.services.theatre import OVER_CLASH, DoneOverClash, done_defaults, record_done

    session = _session(args)
    at = _moment(args.at, "--at", args.lang)
    theatre_name = args.theatre or done_defaults(session.db, args.booking_id, session.clock())[1]
    values = {"done_at": at.isoformat(timespec="minutes"), "theatre": theatre_name,
              **({"notes": args.note} if args.note else {}), **({OVER_CLASH: args.clash_reason} if args.clash_reason else {})}
    try:
        record_done(session, args.booking_id, values)
    except DoneOverClash as warning:
        raise CliError(QT_TRANSLATE_NOOP("messages", "{warning} Give it with --clash-reason."), warning=warning) from None
    print(_say(args, QT_TRANSLATE_NOOP("messages", "operation {booking} recorded done at {at}, theatre {theatre}"),
               booking=args.booking_id, at=ward_time(at, None, DATED), theatre=theatre_name))
    return 0


def cmd_theatre_rescheduling(args: argparse.Namespace) -> int:
    from datetime import datetime

    from downtime.formspec.values import format_value
    from downtime.services.theatre import (
        BREACH, REASON_TO_CORRECT, SOON, cancer_said, deadline_said, procedure_and_side, rescheduling, times_cancelled,
        with_length, with_telling,
    )

    # Those to rebook, then those whose patient's death is recorded since (not to rebook); whom
    # to tell (the number to ring, or the ward of a patient in a bed), the side and why it was
    # cancelled, as on the screen's and the paper list (a patient's two knees read as one
    # operation listed twice). --json: the ward and bed apart, the phone only for one at home.
    booking_spec = _forms()["operation_booking"]
    rows = [{"booking_id": i.state.record.record_id, "priority": i.state.priority.value,
             "patient": i.state.patient.display_name, "downtime_number": i.state.patient.downtime_number,
             "to_tell": i.to_tell.said(args.lang) or None,
             "phone": None if i.to_tell.on_ward else i.to_tell.said(args.lang) or None,
             "ward": i.to_tell.on_ward.ward if i.to_tell.on_ward else None,
             "bed": i.to_tell.on_ward.bed if i.to_tell.on_ward else None,
             "procedure": i.state.record.data["procedure"], "side": i.state.record.data["laterality"],
             "operation": procedure_and_side(i.state.record.data, booking_spec, args.lang), "minutes": i.state.minutes,
             "reason": i.state.cancel_reason.value if i.state.cancel_reason else None,
             "rebook_by": i.state.rebook_by.isoformat() if i.state.rebook_by else None,
             "times_cancelled": i.state.times_cancelled,
             "breach": i.breach, "near_breach": i.near_breach, "waited_days": i.waited.days,
             "not_told": i.state.untold, "patient_died": i.state.died_at.isoformat() if i.state.died_at else None,
             "death_withdrawn": i.death_withdrawn, "cancer_pathway": i.state.record.data.get("cancer_pathway"),
             "cancer": cancer_said(i.state.record.data, args.lang) or None}
            for part in rescheduling(_session(args).db, _forms(), local_now()) for i in part]
    # In the command's language, as the screen's list reads: the priority's label, the
    # rebook-by day as dd/mm/yyyy and its flag in words ("elective", "soon" under --lang fr).
    priority = booking_spec.field("priority")
    flags = {"breach": translate(args.lang, "", BREACH), "near_breach": translate(args.lang, "", SOON)}
    died = _say(args, QT_TRANSLATE_NOOP("messages", "PATIENT DIED: not to rebook"))
    withdrawn = _say(args, REASON_TO_CORRECT)

    # The patient's downtime number beside the name (a name alone is one identifier), and the
    # booking id `downtime pdf letter` asks for, which only --json gave; then whether the patient
    # is still to be told of the cancellation, as the board says it (the coordinator rings them).
    def line(r: dict[str, Any]) -> str:
        # A P1a's or an NCEPOD target's hour too (deadline_said): "29/11/2026" hid a case 7 hours late.
        # Padded to "dd/mm/yyyy hh:mm", a date alone too: padded to a date, the later columns drifted.
        deadline = deadline_said(datetime.fromisoformat(r["rebook_by"])) if r["rebook_by"] else "-"
        flag = " ".join(filter(None, (r["cancer"], *(flag for key, flag in flags.items() if r[key]))))
        return (f"{format_value(priority, r['priority'], args.lang):<24} {r['patient']:<34} {r['downtime_number']:<15} "
                f"{with_length(r['operation'], r['minutes'], args.lang):<48} {deadline:<16} {flag:<7} "
                f"{r['to_tell'] or '-':<38} {with_telling(r['booking_id'], r['not_told'], args.lang)}"
                + "".join(f" {said}" for said in (times_cancelled(r["times_cancelled"], args.lang),
                                                  died if r["patient_died"] else "",
                                                  withdrawn if r["death_withdrawn"] else "") if said))

    _emit(args, rows, line)
    return 0


def cmd_pdf_theatre_list(args: argparse.Namespace) -> int:
    from downtime.services.printing import print_theatre_list

    print(print_theatre_list(_session(args), _day(args.date), args.out, args.theatre))
    return 0


def cmd_pdf_rescheduling(args: argparse.Namespace) -> int:
    from downtime.services.printing import print_rescheduling

    print(print_rescheduling(_session(args), args.out))
    return 0


def cmd_pdf_letter(args: argparse.Namespace) -> int:
    from downtime.services.printing import print_letter

    print(print_letter(_session(args), args.booking_id, args.out))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Without a key (none given, none set by IT) every patient's record would go onto the stick
    in plain text: the command refuses it unless `--plain` says so, and says it on stderr and in
    its result line. A script read by nobody would otherwise go on writing plain exports once a
    key was cleared, and a warning on stderr alone is what cron mails to no one."""
    from downtime.sync.encryption import read_recipients
    from downtime.sync.export import export, export_keys

    encrypt_to = read_recipients(args.encrypt_to) if args.encrypt_to else None
    session = _session(args)
    keys = export_keys(session.db, encrypt_to, args.for_another_ward)
    plain = keys is None
    if plain and not args.plain:
        raise CliError(QT_TRANSLATE_NOOP("messages", "not exported: no records office key is set on this laptop ('downtime "
                                                     "set export-key', by IT) nor given (--encrypt-to), so every patient's "
                                                     "record would go into {folder} in plain text; give the key, or --plain "
                                                     "to export it NOT ENCRYPTED all the same"), folder=args.out)
    if args.plain and not plain:
        raise CliError(QT_TRANSLATE_NOOP("messages", "--plain: this laptop's exports are encrypted to the records office's "
                                                     "key IT set ('downtime set export-key'); leave out --plain"))
    if plain:
        print(_say(args, QT_TRANSLATE_NOOP("messages", "warning: this export is NOT ENCRYPTED: every patient's record goes "
                                                       "into {folder} in plain text, readable by whoever holds the stick"),
                   folder=args.out), file=sys.stderr)
    result = export(session, args.out, since_last=args.since_last, encrypt_to=encrypt_to,
                    for_another_ward=args.for_another_ward)
    total = sum(result.counts.values())
    said = (QT_TRANSLATE_NOOP("messages", "exported {count} record version(s) to {folder}") if result.encrypted else
            QT_TRANSLATE_NOOP("messages", "exported {count} record version(s) to {folder}, NOT ENCRYPTED (plain text)"))
    print(_say(args, said, count=total, folder=result.folder))
    if result.encrypted:
        print(_say(args, QT_TRANSLATE_NOOP("messages", "every file is encrypted (.age) to {count} public key(s)"),
                   count=len(keys or ())))
    if result.for_another_ward:
        print(_say(args, FOR_ANOTHER_WARD))
    for line in result.notes_in(args.lang, session.forms):
        print(line)
    return 0


FOR_ANOTHER_WARD = QT_TRANSLATE_NOOP("messages", "made for another ward: the receiving ward's laptop imports it "
                                                 "with its wards' key (Ward ▸ Import data…); the records office gets "
                                                 "this laptop's records from its own exports")


def cmd_keygen(args: argparse.Namespace) -> int:
    from downtime.sync.encryption import generate_identity

    public = generate_identity(args.out)
    print(_say(args, QT_TRANSLATE_NOOP("messages", "public key: {key}"), key=public))
    print(_say(args, QT_TRANSLATE_NOOP("messages", "Keep {path} secret, in the records office: it is the only way to open encrypted "
                                       "exports."), path=args.out))
    print(_say(args, QT_TRANSLATE_NOOP("messages", "Give the wards only the public key above, for 'downtime export --encrypt-to'.")))
    return 0


def cmd_decrypt(args: argparse.Namespace) -> int:
    from downtime.sync.encryption import decrypt_folder

    count = decrypt_folder(args.export, args.out, args.identity)
    print(_say(args, QT_TRANSLATE_NOOP("messages", "decrypted {count} file(s) into {folder}; every file matches its manifest"), count=count,
               folder=args.out))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from downtime.sync.importing import import_path

    result = import_path(_session(args), args.path, identity=args.identity,
                         shared_device_number=args.shared_device_number)
    added = result.added_text(args.lang) or _say(args, QT_TRANSLATE_NOOP("messages", "nothing new"))
    print(_say(args, QT_TRANSLATE_NOOP("messages", "imported {path} ({kind}): {added}; {unchanged} already here, unchanged"), path=args.path,
               kind=result.kind_in(args.lang), added=added, unchanged=result.unchanged_text(args.lang)))
    titles = {form_id: spec.title.get(args.lang) for form_id, spec in _forms().items()}
    for line in (*result.missing_text(args.lang), *result.not_exported_text(args.lang, titles),
                 *result.later_forms_text(args.lang), *result.listed_text(args.lang)):
        print(line)
    for report in result.theatre_clashes:
        print(report.text(args.lang))
    for text in (*result.holds_text(args.lang), *result.duplicates_text(args.lang)):
        print(text)
    for said in (*result.to_check, *result.shared_numbers):
        print(said.text(args.lang))
    for text in result.bands_text(args.lang):
        print(text)
    return 0


def cmd_worklist(args: argparse.Namespace) -> int:
    from downtime.services.back_entry import (
        by_laptop, held_count, missing_exports, not_entered_done, progress, tally, with_holds, worklist,
        worklist_notes,
    )

    session = _session(args)
    for missing in missing_exports(session, args.lang):  # first: the list below lacks that laptop's records
        print(missing)
    work = worklist(session)
    same_person = worklist_notes(session)
    done, total = progress(work)
    if not_entered := not_entered_done(work):  # done, but not "entered in the EHR"
        said = _say(args, QT_TRANSLATE_NOOP("messages", "{done} of {total} record(s) done: {entered} entered in the EHR, "
                                                        "{not_entered} not to be entered as the ward said"),
                    done=done, total=total, entered=done - not_entered, not_entered=not_entered)
    else:
        said = _say(args, QT_TRANSLATE_NOOP("messages", "{done} of {total} record(s) entered in the EHR"), done=done,
                    total=total)
    print(with_holds(said, held_count(work), args.lang))
    print(tally(session).listed_in(args.lang))  # the versions merged and imported, reconciled
    for laptop in by_laptop(session):  # to tick the hospital's laptops off the downtime plan
        print(laptop.text_in(args.lang))
    for group in work:
        patient = group.patient
        title = (f"{patient.display_name} — {patient.downtime_number}"
                 + (f" — {translate(args.lang, '', 'EHR no.')} {group.ehr_patient_number}"
                    if group.ehr_patient_number else "")
                 if patient else translate(args.lang, "", "(not about a patient)"))
        print(f"\n{title}")
        if patient and patient.downtime_number in same_person:
            print(f"  ! {same_person[patient.downtime_number]}")
        for item in group.items:
            line = labelled(message(args.lang, item.step_name), item.label, args.lang)
            print(f"  [{'x' if item.done else ' '}] {line} (v{item.record.version}, {item.to_do_in(args.lang)}) "
                  f"{item.record.record_id}")
    return 0


def _version(text: str) -> int:
    """A record's version as typed: 2, or as `downtime worklist` shows it, v2."""
    try:
        return int(text.strip().removeprefix("v").removeprefix("V"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"a version as the worklist shows it, 2 or v2, not {text!r}") from None


@contextmanager
def _version_given(args: argparse.Namespace) -> Iterator[None]:
    """A version typed that is not the record's standing one is refused naming the record and
    the version given, and the version to give once its line is read again: the screen's words
    ("now stands at version 1; review that version first") said it was amended when the clerk
    had typed 2 for 1."""
    from downtime.services.back_entry import NotStanding

    try:
        yield
    except NotStanding as refused:
        raise CliError(QT_TRANSLATE_NOOP("messages", "Record {record} stands at version {version}, not {given}: read "
                                                     "its line in `downtime worklist` again, then give --version "
                                                     "{version}."),
                       record=args.record_id, version=refused.standing, given=args.version) from None


def cmd_worklist_mark(args: argparse.Namespace) -> int:
    """What the line said beyond "enter" (ask the ward, probably the same person, an identity to
    create as provisional…) is said again as it is ticked: the command, unlike the tab's box,
    ticks a line the clerk may not have read whole in `downtime worklist`'s long output. A
    version a later one superseded (entered from a printed list) is recorded, and the line it
    leaves, to correct or withdraw it in the EHR, is said."""
    from downtime.services.back_entry import line_of, mark_entered

    session = _session(args)
    line = line_of(session, args.record_id)
    with _version_given(args):
        superseded = mark_entered(session, args.record_id, args.version, args.ref)
    print(_say(args, QT_TRANSLATE_NOOP("messages", "record {record} version {version} marked entered in the EHR as {reference}"),
               record=args.record_id, version=args.version, reference=args.ref))
    if superseded is not None:
        print(superseded.text(args.lang))
        if (now := line_of(session, args.record_id)) is not None:
            print(_say(args, QT_TRANSLATE_NOOP("messages", "Its line now says: {to_do}"), to_do=now.to_do_in(args.lang)))
    elif line is not None and (said := line.to_do_in(args.lang)) != line.action_in(args.lang):
        print(_say(args, QT_TRANSLATE_NOOP("messages", "Its line said: {to_do}"), to_do=said))
    return 0


def cmd_worklist_not_entered(args: argparse.Namespace) -> int:
    """As `worklist mark` does, what the line said (the ward was asked about) is said again; and,
    when an earlier FHIR bundle sent the record, that the next one withdraws it from the EHR."""
    from downtime.services.back_entry import SENT_IN_A_BUNDLE, line_of, mark_not_entered, sent_in_an_earlier_bundle

    session = _session(args)
    line = line_of(session, args.record_id)
    with _version_given(args):
        mark_not_entered(session, args.record_id, args.version, args.ward_said, args.reason)
    print(_say(args, QT_TRANSLATE_NOOP("messages", "record {record} version {version} marked not to be entered in the "
                                                   "EHR: the ward ({ward_said}) said: {reason}"),
               record=args.record_id, version=args.version, ward_said=args.ward_said.strip(),
               reason=args.reason.strip()))
    if line is not None:
        print(_say(args, QT_TRANSLATE_NOOP("messages", "Its line said: {to_do}"), to_do=line.to_do_in(args.lang)))
    if sent_in_an_earlier_bundle(session, args.record_id):
        print(_say(args, SENT_IN_A_BUNDLE))
    return 0


def cmd_worklist_settle(args: argparse.Namespace) -> int:
    from downtime.services.back_entry import hold_of, line_of, worklist_of
    from downtime.services.holds import Change, choices, combine, combined_choice, dropped, dropped_text, settle

    session = _session(args)
    hold = hold_of(session, args.record_id)
    if hold is None:
        raise CliError(QT_TRANSLATE_NOOP("messages", "record {record} is not on hold"), record=args.record_id)
    if args.combine and args.choose is not None:
        raise CliError(QT_TRANSLATE_NOOP("messages", "--choose or --combine: one of them, not both"))
    drops: tuple[Change, ...] = ()
    if args.combine:
        kept = combine(session, hold, args.reason)
    elif args.choose is None:
        if (line := line_of(session, args.record_id)) is not None and line.entered is not None:
            print(line.entered.on_hold_in(args.lang))  # what the EHR shows while the wards are asked
        for number, choice in enumerate(choices(session, hold), start=1):
            print(f"{number}. {choice}".replace("\n", "\n   "))
        if (combined := combined_choice(session, hold)) is not None:
            print(f"--combine. {combined}")
        return 0
    else:
        if not 1 <= args.choose <= len(hold.versions):
            raise CliError(QT_TRANSLATE_NOOP("messages", "--choose: a number from 1 to {count}, as listed without it"),
                           count=len(hold.versions))
        chosen = hold.versions[args.choose - 1]
        drops = dropped(session, hold, chosen)
        if not args.drop_changes and (critical := tuple(change for change in drops if change.safety_critical)):
            raise CliError(QT_TRANSLATE_NOOP("messages", "record {record} not settled: choosing {choice}, {dropped}. "
                                                         "Add --drop-changes only once the ward has said these are to "
                                                         "be dropped{combine}."),
                           record=args.record_id, choice=args.choose, dropped=dropped_text(session, critical),
                           combine=_say(args, QT_TRANSLATE_NOOP("messages", "; or keep both changes with --combine"))
                           if combined_choice(session, hold) is not None else "")
        kept = settle(session, hold, chosen, args.reason, drop_changes=args.drop_changes)
    if any(item.record.record_id == args.record_id for group in worklist_of(session, [kept.patient_id])
           for item in group.items):
        print(_say(args, QT_TRANSLATE_NOOP("messages", "record {record} settled: version {version} stands, to back-enter"),
                   record=args.record_id, version=kept.version))
    else:  # withdrawn before anyone entered it: no line to look for
        print(_say(args, QT_TRANSLATE_NOOP("messages", "record {record} settled: version {version} withdraws it, and as "
                                           "nobody entered it in the EHR it leaves the worklist"),
                   record=args.record_id, version=kept.version))
    if drops:
        print(_say(args, QT_TRANSLATE_NOOP("messages", "Dropped: {dropped}"), dropped=dropped_text(session, drops)))
    return 0


def cmd_worklist_link(args: argparse.Namespace) -> int:
    """A patient linked to another EHR number is linked anew only with --replace naming it: the
    refusal, and the link made, say what was entered under it, to move in the EHR. A number other
    than the IPP the admission records only with --not-the-admissions-ipp; another EHR patient than
    the one a number of the same NIR or IPP is linked to only with --two-people."""
    from downtime.services.back_entry import (
        SAME_LINK, LinkedToAnother, NotTheAdmissionsIpp, OneNumberTwoFiles, link_of, link_patient,
    )

    session = _session(args)
    replaced = link_of(session, args.downtime_number) if args.replace else None
    try:
        linked = link_patient(session, args.downtime_number, args.ehr, same_person=args.same_person,
                              replacing=args.replace, not_the_admissions_ipp=args.not_the_admissions_ipp,
                              two_people=args.two_people)
    except LinkedToAnother as refused:
        raise CliError(QT_TRANSLATE_NOOP("messages", "{said} Give --replace {ehr} to link it to {new} instead."),
                       said=refused.text(args.lang), ehr=refused.link.ehr, new=refused.new) from None
    except NotTheAdmissionsIpp as refused:
        raise CliError(QT_TRANSLATE_NOOP("messages", "{said} Give --not-the-admissions-ipp to link it to {ehr} all the "
                                                     "same."), said=refused.text(args.lang), ehr=refused.ehr) from None
    except OneNumberTwoFiles as refused:
        raise CliError(QT_TRANSLATE_NOOP("messages", "{said} Give --two-people to link it to {ehr} all the same."),
                       said=refused.text(args.lang), ehr=refused.ehr) from None
    if not linked:
        print(_say(args, SAME_LINK, number=args.downtime_number, ehr=args.ehr.strip()))
        return 0
    print(_say(args, QT_TRANSLATE_NOOP("messages", "{number} is EHR patient {ehr}; exports now say it was replaced by that number"),
               number=args.downtime_number, ehr=args.ehr))
    if replaced is not None:
        print(replaced.moving_in(args.lang, args.ehr.strip()) or _say(args, QT_TRANSLATE_NOOP(
            "messages", "It replaces EHR patient {replaced}, under which nothing was entered."), replaced=replaced.ehr))
    return 0


def cmd_worklist_moved(args: argparse.Namespace) -> int:
    """The clerk's word that a record entered under the patient's earlier EHR number was moved
    there in the EHR: its line, which says so from the re-link on, then says it no more."""
    from downtime.services.back_entry import mark_moved

    moved = mark_moved(_session(args), args.record_id)
    print(_say(args, QT_TRANSLATE_NOOP("messages", "record {record} marked moved in the EHR from patient {old} to "
                                                   "patient {new}"),
               record=args.record_id, old=moved.from_ehr, new=moved.to_ehr))
    return 0


def cmd_pdf_worklist(args: argparse.Namespace) -> int:
    from downtime.services import back_entry
    from downtime.services.printing import print_worklist

    session = _session(args)
    part = None
    if args.patients is not None or args.start is not None or args.left:
        if args.patients is not None and args.patients < 1:
            raise CliError(QT_TRANSLATE_NOOP("messages", "--patients must be 1 or more"))
        order = back_entry.worklist_order(session)
        start = 0 if args.start is None else back_entry.position(session, order, args.start)
        if args.left:  # through the patients with a line left alone, as the tab (not a hospital's every page)
            left = back_entry.patients_left(session)
            order, start = [patient for patient in order[start:] if patient in left], 0
        part = back_entry.worklist_part(session, order, start, args.patients or len(order), left_only=args.left)
    print(print_worklist(session, args.out, part))
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    from downtime.domain.duplicates import duplicate_lines
    from downtime.sync.export import asking_the_ward
    from downtime.sync.merge import ASK_THE_WARD_MERGED, merge

    result = merge(args.exports, args.out, shared_device_number=args.shared_device_number)
    print(_say(args, QT_TRANSLATE_NOOP("messages", "merged {versions} from {exports} export(s) into {folder}"),
               versions=result.tally.counted_in(args.lang), exports=len(args.exports), folder=result.folder))
    for line in result.laptops_text(args.lang):
        print(f"  {line}")
    for missing in result.missing:
        print(missing.text(args.lang, result.laptops))
    forms = _forms()
    titles = {form_id: spec.title.get(args.lang) for form_id, spec in forms.items()}
    for line in result.not_exported_text(args.lang, titles):
        print(line)
    # Why the import and the Back-entry list will count otherwise: they count what they add, and records.
    for line in (*result.tally.why_in(args.lang), result.tally.imported_in(args.lang)):
        print(line)
    for line in duplicate_lines(result.duplicates, args.lang):
        print(line)
    for report in result.theatre_clashes:
        print(report.text(args.lang))
    for line in result.holds_text(args.lang, titles):
        print(line)
    for shared in result.shared_numbers:
        print(shared.text(args.lang))
    if result.ask_the_ward:
        print(_say(args, ASK_THE_WARD_MERGED, count=len(result.ask_the_ward)))
        for line in asking_the_ward(args.lang, forms, result.ask_the_ward):
            print(line)
    return 0


def cmd_staff_add(args: argparse.Namespace) -> int:
    """An account named as another is already (the same person again, whose care a second staff
    ID would split) is added only with --same-name, the administrator's word it is someone else."""
    from downtime.domain.roles import Role
    from downtime.services.staff import SameNameFound, add_staff

    session = _session(args)
    try:
        member = add_staff(session, args.staff_id, args.name, Role(args.role), _new_pin(args), same_name=args.same_name)
    except SameNameFound as refused:
        raise CliError(QT_TRANSLATE_NOOP("messages", "{said} Give --same-name to add {staff_id} all the same."),
                       said=refused.text(args.lang), staff_id=args.staff_id) from None
    print(_say(args, QT_TRANSLATE_NOOP("messages", "added {staff_id} ({role})"), staff_id=member.staff_id,
               role=_role_said(args, member.role)))
    return 0


def cmd_staff_deactivate(args: argparse.Namespace) -> int:
    """The drafts the account leaves are named after (see drafts.waiting): only its owner can
    open them, given a new PIN; deactivated in silence, they were stranded unseen."""
    from downtime.services.drafts import listed
    from downtime.services.staff import deactivate_staff

    session = _session(args)
    left = deactivate_staff(session, args.staff_id)
    print(_say(args, QT_TRANSLATE_NOOP("messages", "{staff_id} can no longer sign in; their records stay"), staff_id=args.staff_id))
    if left:
        print(_say(args, QT_TRANSLATE_NOOP("messages", "{count} unsaved form(s) of theirs: {forms}. Only they can open "
                                                       "them, given a new PIN: ask them."),
                   count=len(left), forms=listed(left, session.forms, args.lang, session.clock())))
    return 0


def cmd_staff_correct(args: argparse.Namespace) -> int:
    from downtime.domain.roles import Role
    from downtime.services.staff import CORRECTED, correct_staff

    member = correct_staff(_session(args), args.staff_id, args.reason, name=args.name,
                           role=Role(args.role) if args.role else None)
    print(_say(args, CORRECTED, staff_id=member.staff_id, name=member.name, role=_role_said(args, member.role)))
    return 0


def cmd_staff_set_pin(args: argparse.Namespace) -> int:
    from downtime.services.staff import set_pin

    session = _session(args)
    member = set_pin(session, args.staff_id, _new_pin(args))
    print(_say(args, QT_TRANSLATE_NOOP("messages", "{staff_id} signs in with the new PIN, once, to choose their own"),
               staff_id=member.staff_id))
    return 0


def cmd_staff_change_pin(args: argparse.Namespace) -> int:
    """The person's own PIN: the current one (--pin, else asked unseen), then the new one twice."""
    from downtime.services.own_pin import change_own_pin

    if args.user and not args.pin:
        args.pin = _pin(args, None, "--pin", QT_TRANSLATE_NOOP("messages", "Current PIN of {staff_id}"),
                        staff_id=args.user)
    session = _session(args, choosing_pin=True)
    member = change_own_pin(session, args.pin, _pin(args, args.new_pin, "--new-pin", QT_TRANSLATE_NOOP(
        "messages", "New PIN of {staff_id}"), twice=True, staff_id=session.user.staff_id))
    print(_say(args, QT_TRANSLATE_NOOP("messages", "{staff_id}: your new PIN is set; sign in with it from now on"),
               staff_id=member.staff_id))
    return 0


def _new_pin(args: argparse.Namespace) -> str:
    return _pin(args, args.new_pin, "--new-pin", QT_TRANSLATE_NOOP("messages", "New PIN of {staff_id}"), twice=True,
                staff_id=args.staff_id)


def cmd_staff_list(args: argparse.Namespace) -> int:
    from downtime.services.staff import list_staff

    found = list_staff(_open_existing(args).db)
    if args.json:
        _json_lines(member.model_dump(mode="json") for member in found)
        return 0
    states = {True: _say(args, QT_TRANSLATE_NOOP("messages", "active")),
              False: _say(args, QT_TRANSLATE_NOOP("messages", "deactivated"))}
    for line in _columns([[member.staff_id, _role_said(args, member.role), states[member.active], member.name]
                          for member in found], {}):
        print(line)
    return 0


def cmd_setup(args: argparse.Namespace) -> int:
    from downtime.services import unlock

    unlock.check_new(_db_path(args), args.device_number, args.device_name, args.first_number)
    vault, device = unlock.create(_db_path(args), encrypted=not args.unencrypted, device_number=args.device_number,
                                  device_name=args.device_name, admin_id=args.admin_id, first_number=args.first_number,
                                  admin_name=args.admin_name,
                                  admin_pin=_pin(args, args.admin_pin, "--admin-pin",
                                                 QT_TRANSLATE_NOOP("messages", "New PIN of {staff_id}"), twice=True,
                                                 staff_id=args.admin_id))
    print(_say(args, QT_TRANSLATE_NOOP("messages", "set up {path} as device {number} ({name}); {state}"), path=vault.path,
               number=device.device_number, name=device.name, state=unlock.describe(vault)))
    print(_say(args, QT_TRANSLATE_NOOP("messages", "Add a second administrator now, one on the ward (the nurse in charge): an "
                                                   "agency nurse arriving at night needs an account, and no one can reset "
                                                   "the last administrator's forgotten PIN ('downtime staff add ID --name "
                                                   "NAME --role administrator').")))
    return 0


def cmd_selftest(args: argparse.Namespace) -> int:
    """Each check prints as it passes, so a failure shows how far the app got."""
    from downtime.qt.selftest import selftest

    selftest(lambda line: print(line, flush=True))
    print("selftest passed")
    return 0


# argparse's own words. It says them through gettext.gettext, whose only source is a compiled .mo
# file of the process-wide text domain, in the language of the LANGUAGE/LANG environment: there is
# no translations object to hand it (Python 3.11), and the app's French is in one
# catalogue. The help says these from the catalogue instead, through argparse's public parameters
# (`_Parser`, `_HelpFormatter`); its error sentences ("the following arguments are required") stay
# English.
USAGE = QT_TRANSLATE_NOOP("messages", "usage: ")
ARGPARSE_HEADINGS = (QT_TRANSLATE_NOOP("messages", "positional arguments"), QT_TRANSLATE_NOOP("messages", "options"))


class _HelpFormatter(argparse.HelpFormatter):
    """The usage line's prefix and the two section headings argparse names itself, in `lang`;
    in French, the space French typography puts before the colon argparse writes after a heading
    ("options :", as `i18n.labelled` writes a label)."""

    def __init__(self, prog: str, lang: Lang) -> None:
        super().__init__(prog)
        self._language = lang

    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action], groups: Iterable[Any],
                  prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, message(self._language, USAGE) if prefix is None else prefix)

    def start_section(self, heading: str | None) -> None:
        said = message(self._language, heading) if heading in ARGPARSE_HEADINGS else heading
        super().start_section(f"{said} " if said and self._language == "fr" else said)


class _Parser(argparse.ArgumentParser):
    """A command line whose --help is in `lang`, its sub-commands' too (argparse builds those
    with `parser_class`)."""

    def __init__(self, *, lang: Lang, **options: Any) -> None:
        super().__init__(formatter_class=partial(_HelpFormatter, lang=lang), add_help=False, **options)
        self._language = lang
        self.add_argument("-h", "--help", action="help", help=message(lang, QT_TRANSLATE_NOOP(
            "messages", "show this help message and exit")))

    def add_subparsers(self, **options: Any) -> Any:
        return super().add_subparsers(parser_class=partial(_Parser, lang=self._language), **options)


def _window_options(parser: argparse.ArgumentParser, lang: Lang) -> None:
    """The options of the plain `downtime` that opens the window."""
    _db_option(parser, lang, top=True)
    _lang_option(parser, lang, top=True)
    parser.set_defaults(func=cmd_gui)


def _window_parser() -> argparse.ArgumentParser:
    """The window's options alone, read first: their help is never shown from here (--help is
    not one of them), and `--lang` given anywhere on the command line is found."""
    parser = argparse.ArgumentParser(prog="downtime", add_help=False, exit_on_error=False)
    _window_options(parser, "en")
    return parser


FROM_THE_ENVIRONMENT = {"user": "DOWNTIME_USER", "pin": "DOWNTIME_PIN", "witness_user": "DOWNTIME_WITNESS_USER",
                        "witness_pin": "DOWNTIME_WITNESS_PIN"}
"""The options a variable of the environment gives when they are left out, read as the command
runs: the command line is built once (`build_parser`)."""


def build_parser(lang: Lang) -> argparse.ArgumentParser:
    """The whole command line, its help in `lang`, built once a process for each language and
    each pair of database files its help names (fifty sub-commands, 40 ms: the tests run the
    command line a thousand times in one process)."""
    return _command_line(lang, default_db_path(), demo_db_path())


@lru_cache(maxsize=4)
def _command_line(lang: Lang, ward_database: Path, demo_database: Path) -> argparse.ArgumentParser:
    """`ward_database` and `demo_database`: what the help of --db says, read again inside; they
    tell one built command line from another."""
    from downtime.domain.roles import Role

    parser = _Parser(lang=lang, prog="downtime", description=message(lang, QT_TRANSLATE_NOOP(
        "messages", "Ward records while the EHR is down.")))
    _window_options(parser, lang)
    parser.add_argument("--version", action="version", version=f"downtime {__version__}",
                        help=message(lang, QT_TRANSLATE_NOOP("messages", "show program's version number and exit")))
    sub = parser.add_subparsers(title=message(lang, QT_TRANSLATE_NOOP("messages", "commands")), metavar="COMMAND")

    def command(name: str, func: Callable[[argparse.Namespace], int], help_text: str,
                parent: Any = sub) -> argparse.ArgumentParser:
        p = parent.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(func=func)
        _lang_option(p, lang)
        return p

    p = command("gui", cmd_gui, message(lang, QT_TRANSLATE_NOOP("messages", "open the app (the default)")))
    _db_option(p, lang)
    p = command("demo", cmd_demo, message(lang, QT_TRANSLATE_NOOP(
        "messages", "create (or reuse) the demo ward database and print its accounts")))
    _db_option(p, lang, demo_db_path)
    p.add_argument("--fresh", action="store_true", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "throw away the demo database and make it anew")))
    p.add_argument("--launch", action="store_true", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "open the app on it afterwards")))
    p.add_argument("--unencrypted", action="store_true", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "make a plain (not encrypted) demo database")))
    p = command("setup", cmd_setup, message(lang, QT_TRANSLATE_NOOP(
        "messages", "set up an empty database: this laptop's number and the first administrator")))
    _db_option(p, lang)
    p.add_argument("--device-number", type=int, required=True,
                   help=message(lang, QT_TRANSLATE_NOOP(
                       "messages", "1-{most}, from the downtime plan: no two laptops of the hospital alike (their "
                                   "patients would wear the same downtime numbers); every downtime number the "
                                   "laptop gives carries it for good ('downtime set device-number' corrects it for "
                                   "the patients registered after)"), most=MAX_DEVICE))
    p.add_argument("--device-name", required=True, help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "this laptop's name as the ward calls it, e.g. 'Ward 3B laptop'")))
    p.add_argument("--first-number", type=int, default=1, help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "the sequence of its first patient's downtime number, 1 to {most} (default 1): at a later outage, "
                    "the one after the highest this device number gave before, as 'downtime retire' said it, so that "
                    "no number on an earlier patient's wristband is given again"), most=MAX_SEQUENCE))
    p.add_argument("--admin-id", required=True, help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "the first administrator's staff ID, typed to sign in")))
    p.add_argument("--admin-name", required=True, help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "the first administrator's full name, as records print it")))
    p.add_argument("--admin-pin", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "the first administrator's PIN (4-12 digits; left out at a terminal, it is asked for twice, "
                    "unseen)")))
    p.add_argument("--unencrypted", action="store_true",
                   help=message(lang, QT_TRANSLATE_NOOP(
                       "messages", "do NOT encrypt the database (only for a machine that is itself encrypted)")))

    command("selftest", cmd_selftest, message(lang, QT_TRANSLATE_NOOP(
        "messages", "check that this copy of the app works on this laptop: a demo ward in a temporary folder, "
                    "signed in, printed, previewed, exported and backed up (nothing else is touched)")))

    forms = sub.add_parser("forms", help=message(lang, QT_TRANSLATE_NOOP("messages", "form definitions")))
    forms_sub = forms.add_subparsers(title=message(lang, QT_TRANSLATE_NOOP(
        "messages", "forms commands")), metavar="COMMAND", required=True)
    p = command("check", cmd_forms_check, message(lang, QT_TRANSLATE_NOOP(
        "messages", "validate every form definition of a folder")), forms_sub)
    p.add_argument("dir", nargs="?", type=Path, help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "folder of *.yaml forms (default: the app's)")))

    p = command("verify", cmd_verify, message(lang, QT_TRANSLATE_NOOP(
        "messages", "integrity check and audit-chain check; exit 1 names the first break")))
    _person_options(p, lang)
    _db_option(p, lang)
    p = command("records", cmd_records, message(lang, QT_TRANSLATE_NOOP(
        "messages", "list records (latest version of each)")))
    _person_options(p, lang)
    _db_option(p, lang)
    p.add_argument("--form", help=message(lang, QT_TRANSLATE_NOOP("messages", "only this form")))
    _json_option(p, lang)

    p = command("paper-numbers", cmd_paper_numbers, message(lang, QT_TRANSLATE_NOOP(
        "messages", "the numbers reserved for paper admissions that no patient has yet")))
    _person_options(p, lang)
    _db_option(p, lang)
    _json_option(p, lang)

    p = command("search", cmd_search, message(lang, QT_TRANSLATE_NOOP(
        "messages", "find patients by name, date of birth, downtime number, IPP or NIR")))
    _person_options(p, lang)
    p.add_argument("text", nargs="+", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "a name, a date of birth (DD/MM/YYYY), a downtime number, an IPP or a NIR")))
    _db_option(p, lang)
    _json_option(p, lang)
    p = command("census", cmd_census, message(lang, QT_TRANSLATE_NOOP(
        "messages", "who is in which bed: one ward or the whole site")))
    _person_options(p, lang)
    p.add_argument("--ward", help=message(lang, QT_TRANSLATE_NOOP("messages", "only this ward")))
    p.add_argument("--at", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "at this past moment (28/11/2026 08:00, or ISO 8601: 2026-11-28T08:00)")))
    _db_option(p, lang)
    _json_option(p, lang)

    ward = sub.add_parser("ward", help=message(lang, QT_TRANSLATE_NOOP("messages", "wards and beds")))
    ward_sub = ward.add_subparsers(title=message(lang, QT_TRANSLATE_NOOP(
        "messages", "ward commands")), metavar="COMMAND", required=True)
    p = command("add", cmd_ward_add, message(lang, QT_TRANSLATE_NOOP(
        "messages", "add a ward and its beds (administrator only)")), ward_sub)
    p.add_argument("ward", help=message(lang, QT_TRANSLATE_NOOP("messages", "ward code, e.g. 3B")))
    p.add_argument("--name", required=True, help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "the ward's name, e.g. Medicine")))
    p.add_argument("--beds", nargs="+", required=True,
                   help=message(lang, QT_TRANSLATE_NOOP(
                       "messages", "beds in ward order, as the Administration tab takes them: '1-20, 21A, 21B, "
                                   "Side room'")))
    _signed_in_options(p, lang)
    p = command("add-beds", cmd_ward_add_beds, message(lang, QT_TRANSLATE_NOOP(
        "messages", "add beds after a ward's last (administrator only; beds are never removed)")),
                ward_sub)
    p.add_argument("ward", help=message(lang, QT_TRANSLATE_NOOP("messages", "ward code, e.g. 3B")))
    p.add_argument("--beds", nargs="+", required=True,
                   help=message(lang, QT_TRANSLATE_NOOP(
                       "messages", "beds in ward order, as the Administration tab takes them: '1-20, 21A, 21B, "
                                   "Side room'")))
    _signed_in_options(p, lang)
    p = command("list", cmd_ward_list, message(lang, QT_TRANSLATE_NOOP(
        "messages", "list wards and their beds")), ward_sub)
    _person_options(p, lang)
    _db_option(p, lang)
    _json_option(p, lang)

    pdf = sub.add_parser("pdf", help=message(lang, QT_TRANSLATE_NOOP("messages", "make PDFs")))
    pdf_sub = pdf.add_subparsers(title=message(lang, QT_TRANSLATE_NOOP(
        "messages", "pdf commands")), metavar="COMMAND", required=True)
    p = command("blank", cmd_pdf_blank, message(lang, QT_TRANSLATE_NOOP("messages", "a blank paper form")), pdf_sub)
    p.add_argument("form", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "form id, e.g. admission; mar for a blank 7-day medication chart, news2 for a blank NEWS2 "
                    "observation chart")))
    _out_option(p, lang)
    _blank_options(p, lang)
    p = command("binder", cmd_pdf_binder, message(lang, QT_TRANSLATE_NOOP(
        "messages", "the downtime binder: every blank form a 30-bed ward needs for 8 hours on paper, in "
                    "one PDF")), pdf_sub)
    _out_option(p, lang)
    _blank_options(p, lang)
    p = command("record", cmd_pdf_record, message(lang, QT_TRANSLATE_NOOP(
        "messages", "a filled form: the record's latest version and its history")), pdf_sub)
    p.add_argument("record_id", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "the record's id, as 'downtime records' lists it")))
    _out_option(p, lang)
    _signed_in_options(p, lang)

    p = command("census", cmd_pdf_census, message(lang, QT_TRANSLATE_NOOP(
        "messages", "the census and handover sheet of a ward (landscape)")), pdf_sub)
    p.add_argument("--ward", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "only this ward (default: the whole site)")))
    _out_option(p, lang)
    _signed_in_options(p, lang)
    p = command("labels", cmd_pdf_labels, message(lang, QT_TRANSLATE_NOOP(
        "messages", "a sheet of patient ID labels or wristband inserts")), pdf_sub)
    _patient_argument(p, lang)
    _out_option(p, lang)
    p.add_argument("--stock", choices=("L7159", "L7160", "L7163", "wristband"),
                   help=message(lang, QT_TRANSLATE_NOOP(
                       "messages", "label sheet (default: the ward's setting, L7160 unless changed)")))
    p.add_argument("--count", type=int, help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "how many labels, 1 to {most} (default: one full sheet; one insert on wristband stock)"),
        most=MOST_LABELS))
    _signed_in_options(p, lang)

    p = command("paper-numbers", cmd_pdf_paper_numbers, message(lang, QT_TRANSLATE_NOOP(
        "messages", "reserve this laptop's next downtime numbers for patients admitted on paper while it is away, "
                    "and print them as labels for the binder")), pdf_sub)
    p.add_argument("--count", type=int, default=PAPER_NUMBERS, help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "how many numbers, 1 to {most} (default: {default})"), most=MOST_PAPER_NUMBERS,
        default=PAPER_NUMBERS))
    _out_option(p, lang)
    _signed_in_options(p, lang)

    p = command("mar", cmd_pdf_mar, message(lang, QT_TRANSLATE_NOOP(
        "messages", "a patient's medication administration record (MAR) chart")), pdf_sub)
    _patient_argument(p, lang)
    _days_option(p, lang)
    p.add_argument("--from", dest="first_day", metavar="DD/MM/YYYY", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "the chart's first day instead, a day of the patient's stay up to today, --days counted from "
                    "it: any sheet of a long stay")))
    _out_option(p, lang)
    _signed_in_options(p, lang)
    for name, handler, said in (
            ("news2", cmd_pdf_news2, QT_TRANSLATE_NOOP("messages", "a patient's NEWS2 observation chart")),
            ("glucose", cmd_pdf_glucose, QT_TRANSLATE_NOOP("messages", "a patient's blood glucose monitoring chart")),
            ("repositioning", cmd_pdf_repositioning, QT_TRANSLATE_NOOP("messages", "a patient's repositioning and skin "
                                                                                   "chart")),
            ("wounds", cmd_pdf_wounds, QT_TRANSLATE_NOOP("messages", "a patient's wound assessment and dressing chart")),
            ("devices", cmd_pdf_devices, QT_TRANSLATE_NOOP("messages", "a patient's line and catheter chart (VIP "
                                                                      "scores, each device still in)")),
            ("bowels", cmd_pdf_bowels, QT_TRANSLATE_NOOP("messages", "a patient's bowel chart (Bristol stool "
                                                                    "scale)")),
            ("pain", cmd_pdf_pain, QT_TRANSLATE_NOOP("messages", "a patient's pain assessment chart")),
            ("pews", cmd_pdf_pews, QT_TRANSLATE_NOOP("messages", "a child's paediatric observation chart (PEWS, the key "
                                                                "of their age band)")),
            ("transfusion", cmd_pdf_transfusion, QT_TRANSLATE_NOOP("messages", "a patient's blood transfusion record "
                                                                              "(each unit, its checks and its fate)")),
            ("results", cmd_pdf_results, QT_TRANSLATE_NOOP("messages", "a patient's laboratory results received "
                                                                       "(who phoned, read back, the doctor told)")),
            ("neuro", cmd_pdf_neuro, QT_TRANSLATE_NOOP("messages", "a patient's neurological observation chart "
                                                                   "(Glasgow Coma Scale, pupils, limbs)")),
            ("notes", cmd_pdf_notes, QT_TRANSLATE_NOOP("messages", "a patient's clinical notes, as continuation "
                                                                   "sheets"))):
        p = command(name, handler, message(lang, said), pdf_sub)
        _patient_argument(p, lang)
        _out_option(p, lang)
        _signed_in_options(p, lang)
    p = command("fluid", cmd_pdf_fluid, message(lang, QT_TRANSLATE_NOOP(
        "messages", "a patient's fluid balance chart of one day, from 07:00 to 07:00")), pdf_sub)
    _patient_argument(p, lang)
    p.add_argument("--date", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "YYYY-MM-DD, the day the chart begins at 07:00 (default: the chart under way)")))
    _out_option(p, lang)
    _signed_in_options(p, lang)
    p = command("mar-pack", cmd_pdf_mar_pack, message(lang, QT_TRANSLATE_NOOP(
        "messages", "the MAR charts of every patient of a ward, in one PDF")), pdf_sub)
    p.add_argument("--ward", required=True, help=message(lang, QT_TRANSLATE_NOOP("messages", "ward code, e.g. 3B")))
    _days_option(p, lang)
    _out_option(p, lang)
    _signed_in_options(p, lang)

    p = command("theatre-list", cmd_pdf_theatre_list, message(lang, QT_TRANSLATE_NOOP(
        "messages", "a day's theatre list, per theatre, in time order")), pdf_sub)
    p.add_argument("--date", required=True, help=message(lang, QT_TRANSLATE_NOOP("messages", "YYYY-MM-DD")))
    p.add_argument("--theatre", help=message(lang, QT_TRANSLATE_NOOP("messages", "only this theatre")))
    _out_option(p, lang)
    _signed_in_options(p, lang)
    p = command("rescheduling", cmd_pdf_rescheduling, message(lang, QT_TRANSLATE_NOOP(
        "messages", "cancelled operations to rebook, with their deadlines")), pdf_sub)
    _out_option(p, lang)
    _signed_in_options(p, lang)
    p = command("worklist", cmd_pdf_worklist, message(lang, QT_TRANSLATE_NOOP(
        "messages", "the back-entry worklist, per patient, in the order to enter it (a hospital's whole "
                    "list is thousands of pages: print a part with --patients)")), pdf_sub)
    _out_option(p, lang)
    p.add_argument("--patients", type=int, help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "only this many patients, 1 or more (default: all)")))
    p.add_argument("--from", dest="start", metavar="DOWNTIME_NUMBER", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "start at this patient (default: the first)")))
    p.add_argument("--left", action="store_true", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "only what is left to enter")))
    _signed_in_options(p, lang)
    p = command("letter", cmd_pdf_letter, message(lang, QT_TRANSLATE_NOOP(
        "messages", "the patient's letter of the new date (--lang fr for French)")), pdf_sub)
    p.add_argument("booking_id", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "the operation's booking id, as 'downtime theatre rescheduling --json' lists it")))
    _out_option(p, lang)
    _signed_in_options(p, lang)

    th = sub.add_parser("theatre", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "theatre lists and rescheduling")))
    th_sub = th.add_subparsers(title=message(lang, QT_TRANSLATE_NOOP(
        "messages", "theatre commands")), metavar="COMMAND", required=True)
    p = command("list", cmd_theatre_list, message(lang, QT_TRANSLATE_NOOP(
        "messages", "a day's theatre list")), th_sub)
    _person_options(p, lang)
    p.add_argument("--date", required=True, help=message(lang, QT_TRANSLATE_NOOP("messages", "YYYY-MM-DD")))
    p.add_argument("--theatre", help=message(lang, QT_TRANSLATE_NOOP("messages", "only this theatre")))
    _db_option(p, lang)
    _json_option(p, lang)
    p = command("done", cmd_theatre_done, message(lang, QT_TRANSLATE_NOOP(
        "messages", "record that a booked operation took place")), th_sub)
    p.add_argument("booking_id", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "the operation's booking id, as 'downtime theatre list --json' lists it")))
    p.add_argument("--at", required=True, help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "when it took place, e.g. '28/11/2026 08:40'")))
    p.add_argument("--theatre", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "the theatre it took place in (default: its list's)")))
    p.add_argument("--note", help=message(lang, QT_TRANSLATE_NOOP("messages", "a note, e.g. what changed on the day")))
    p.add_argument("--clash-reason", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "why it is recorded although its theatre, patient, surgeon or anaesthetist was in another "
                    "operation then, done or booked (asked only then), e.g. 'T3's first case ended early'")))
    _signed_in_options(p, lang)
    p = command("rescheduling", cmd_theatre_rescheduling, message(lang, QT_TRANSLATE_NOOP(
        "messages", "cancelled operations not yet rebooked")), th_sub)
    _person_options(p, lang)
    _db_option(p, lang)
    _json_option(p, lang)

    p = command("export", cmd_export, message(lang, QT_TRANSLATE_NOOP(
        "messages", "export for back-entry: one CSV per form (all versions) and a manifest")))
    p.add_argument("--out", type=Path, required=True, help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "a new folder (e.g. on a USB stick)")))
    p.add_argument("--since-last", action="store_true", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "only what changed since this laptop's last export")))
    p.add_argument("--for-another-ward", action="store_true", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "the stick to go with a patient moved to a ward on another laptop: whole, encrypted to the "
                    "wards' key too (from the set-up file), which that ward's laptop reads it with; not an export "
                    "for the records office")))
    sealing = p.add_mutually_exclusive_group()
    sealing.add_argument("--encrypt-to", action="append", metavar="RECIPIENT",
                         help=message(lang, QT_TRANSLATE_NOOP(
                             "messages", "encrypt every file to this public key (age1…) or the keys in this file; "
                                         "repeatable (default: the records office's key set with 'set export-key', "
                                         "if any)")))
    sealing.add_argument("--plain", action="store_true",
                         help=message(lang, QT_TRANSLATE_NOOP(
                             "messages", "export NOT ENCRYPTED, in plain text, on a laptop with no records "
                                         "office's key set: refused without it there, and on a laptop with the key")))
    _signed_in_options(p, lang)
    p = command("keygen", cmd_keygen, message(lang, QT_TRANSLATE_NOOP(
        "messages", "make the records office's key pair for encrypted exports")))
    p.add_argument("--out", type=Path, required=True, help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "new key file: keep it secret")))
    p = command("decrypt", cmd_decrypt, message(lang, QT_TRANSLATE_NOOP(
        "messages", "decrypt an encrypted export and check it against its manifest")))
    p.add_argument("export", type=Path, help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "the encrypted export folder")))
    p.add_argument("--identity", type=Path, required=True, help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "the key file made by 'downtime keygen'")))
    p.add_argument("--out", type=Path, required=True, help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "a new folder")))

    p = command("merge", cmd_merge, message(lang, QT_TRANSLATE_NOOP(
        "messages", "merge laptops' exports (verified against their manifests) for the records office")))
    p.add_argument("exports", nargs="+", type=Path, help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "export folders")))
    p.add_argument("--out", type=Path, required=True, help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "a new folder")))
    _shared_device_number_option(p, lang)
    p = command("import", cmd_import, message(lang, QT_TRANSLATE_NOOP(
        "messages", "load a snapshot (CSV folder or FHIR Bundle .json) before an outage, or an export or merge "
                    "into the records office's database")))
    p.add_argument("path", type=Path, help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "a snapshot (CSV folder or FHIR Bundle .json), an export folder or a merge folder")))
    p.add_argument("--identity", type=Path, help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "the records office's key file (downtime keygen), for an encrypted export")))
    _shared_device_number_option(p, lang)
    _signed_in_options(p, lang)

    p = command("worklist", cmd_worklist, message(lang, QT_TRANSLATE_NOOP(
        "messages", "the records office's back-entry worklist (records staff)")))
    _signed_in_options(p, lang)
    worklist_sub = p.add_subparsers(title=message(lang, QT_TRANSLATE_NOOP(
        "messages", "worklist commands")), metavar="COMMAND")
    p = command("mark", cmd_worklist_mark, message(lang, QT_TRANSLATE_NOOP(
        "messages", "mark a record entered in the EHR, with the EHR's reference")), worklist_sub)
    p.add_argument("record_id", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "the record's id, as the worklist shows it")))
    p.add_argument("--ref", required=True, help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "the EHR's reference for what was entered")))
    # Required: a version amended since the list was printed must be reviewed, not ticked unseen.
    p.add_argument("--version", type=_version, required=True,
                   help=message(lang, QT_TRANSLATE_NOOP(
                       "messages", "the version entered, as the worklist shows it (v2); one amended since is "
                                   "refused")))
    _signed_in_options(p, lang)
    p = command("not-entered", cmd_worklist_not_entered, message(lang, QT_TRANSLATE_NOOP(
        "messages", "record the ward's answer that a line saying to ask the ward is not to be entered "
                    "in the EHR (one dose recorded twice…)")), worklist_sub)
    p.add_argument("record_id", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "the record's id, as the worklist shows it")))
    p.add_argument("--version", type=_version, required=True,
                   help=message(lang, QT_TRANSLATE_NOOP(
                       "messages", "the version the ward answered about, as the worklist shows it (v2); one "
                                   "amended since is refused")))
    p.add_argument("--ward-said", required=True, help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "who at the ward said so, e.g. 'Sr Dubois, 3B, by phone'")))
    p.add_argument("--reason", required=True, help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "why, as the ward said, e.g. 'one dose recorded twice'")))
    _signed_in_options(p, lang)
    p = command("settle", cmd_worklist_settle, message(lang, QT_TRANSLATE_NOOP(
        "messages", "settle a record on hold with the version the ward says is right (without "
                    "--choose: list its versions)")), worklist_sub)
    p.add_argument("record_id", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "the record on hold, by its id as the worklist shows it")))
    p.add_argument("--choose", type=int, help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "the version chosen, by its number in the list (1 to the number of versions listed without it)")))
    p.add_argument("--reason", default="", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "who decided, e.g. 'Sister Martin, ward 3B, by phone'")))
    p.add_argument("--drop-changes", action="store_true", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "the ward said the safety-critical changes the chosen version drops (an allergy, a dose…) are "
                    "to be dropped: without it they are named and nothing is settled")))
    p.add_argument("--combine", action="store_true", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "keep the changes of every version in a new version combining them, where they changed "
                    "different answers since the version they started from")))
    _signed_in_options(p, lang)
    p = command("link", cmd_worklist_link, message(lang, QT_TRANSLATE_NOOP(
        "messages", "reconcile a downtime number to the patient's EHR number")), worklist_sub)
    p.add_argument("downtime_number", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "the patient's downtime number, e.g. DT-042-00001-8")))
    p.add_argument("--ehr", required=True, help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "the patient's number in the EHR (IPP)")))
    p.add_argument("--same-person", action="store_true",
                   help=message(lang, QT_TRANSLATE_NOOP(
                       "messages", "the EHR number is already linked to another downtime number of the same person")))
    p.add_argument("--not-the-admissions-ipp", action="store_true", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "the EHR shows the hospital number (IPP) the admission records is wrong: link to --ehr all the "
                    "same")))
    p.add_argument("--two-people", action="store_true", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "the EHR shows two people, though another downtime number of the same NIR or IPP is linked to "
                    "another EHR patient: link to --ehr all the same")))
    p.add_argument("--replace", metavar="EHR_NUMBER", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "the EHR number the patient is linked to now, which --ehr replaces (what was entered under it "
                    "must be moved in the EHR)")))
    _signed_in_options(p, lang)
    p = command("moved", cmd_worklist_moved, message(lang, QT_TRANSLATE_NOOP(
        "messages", "mark a record entered under the patient's earlier EHR number as moved in the EHR to the number "
                    "linked now")), worklist_sub)
    p.add_argument("record_id", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "the record's id, as the worklist shows it")))
    _signed_in_options(p, lang)

    cd = sub.add_parser("cd", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "the ward's controlled-drug register")))
    cd_sub = cd.add_subparsers(title=message(lang, QT_TRANSLATE_NOOP("messages", "cd commands")), metavar="COMMAND", required=True)
    p = _witnessed_entry(command("receive", cmd_cd_receive, message(lang, QT_TRANSLATE_NOOP(
        "messages", "stock received, witnessed")),
                                 cd_sub), lang, message(lang, QT_TRANSLATE_NOOP(
                                     "messages", "a note for the register, e.g. the pharmacy's delivery number")))
    p.add_argument("--quantity", type=float, required=True,
                   help=message(lang, QT_TRANSLATE_NOOP(
                       "messages", "how much was received, above 0 (a cupboard holding less than the register is "
                                   "a discrepancy: 'downtime cd count')")))
    p.add_argument("--new-page", action="store_true",
                   help=message(lang, QT_TRANSLATE_NOOP(
                       "messages", "the drug is delivered to the ward for the first time: its page of the register "
                                   "is opened (refused without it for a drug the register has no page of, a typo's "
                                   "page splitting one drug's stock; refused too for a drug close to a page's, "
                                   "unless --other-than names it)")))
    p.add_argument("--other-than", action="append", metavar="PAGE_DRUG",
                   help=message(lang, QT_TRANSLATE_NOOP(
                       "messages", "with --new-page: the drug is not the one of this page of the register, whose "
                                   "name is close to it (as the refusal names it; repeatable)")))
    p = _witnessed_entry(command("count", cmd_cd_count, message(lang, QT_TRANSLATE_NOOP(
        "messages", "the cupboard's count, witnessed: a count that matches is written as checked, one "
                    "that differs is a discrepancy, written only with --discrepancy-note")), cd_sub),
                         lang, message(lang, QT_TRANSLATE_NOOP("messages", "a note for the register, e.g. 'shift change'")))
    p.add_argument("--discrepancy-note", metavar="TEXT", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "for a count that differs from the register: who was told, e.g. 'nurse in charge S. Martin and "
                    "pharmacist told'")))
    p.add_argument("--counted", type=float, required=True, help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "how much is counted in the cupboard, 0 or more")))
    p = _witnessed_entry(command("wastage", cmd_cd_wastage, message(lang, QT_TRANSLATE_NOOP(
        "messages", "what was left of an ampoule after a dose, discarded, witnessed (without --dose: list "
                    "the doses it may be recorded against)")), cd_sub),
                         lang, message(lang, QT_TRANSLATE_NOOP("messages", "a note for the register")))
    p.add_argument("--dose", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "the dose's record id, as listed without --dose")))
    p.add_argument("--quantity", type=float, help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "how much was discarded, in the register's unit, above 0")))
    p.add_argument("--json", action="store_true", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "JSON lines (the list of doses)")))
    p = _witnessed_entry(command("supply", cmd_cd_supply, message(lang, QT_TRANSLATE_NOOP(
        "messages", "stock supplied to a patient to take home (on the ward, or discharged from it), witnessed")),
                                 cd_sub), lang, message(lang, QT_TRANSLATE_NOOP(
                                     "messages", "a note for the register, e.g. '7 days, as prescribed'")))
    p.add_argument("--patient", required=True, help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "downtime number (or anything that finds exactly one patient)")))
    p.add_argument("--quantity", type=float, required=True, help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "how much was supplied, above 0 and at most the register's balance")))
    p = _witnessed_entry(command("strike", cmd_cd_strike, message(lang, QT_TRANSLATE_NOOP(
        "messages", "mark a line of the register entered in error, witnessed, the line kept (without --line: list "
                    "the lines it may be)")), cd_sub),
                         lang, message(lang, QT_TRANSLATE_NOOP("messages", "why the line was entered in error "
                                                                           "(required with --line)")))
    p.add_argument("--line", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "the line's id, as listed without --line")))
    _json_option(p, lang)
    p = command("balance", cmd_cd_balance, message(lang, QT_TRANSLATE_NOOP(
        "messages", "the register's balance of one drug on a ward")), cd_sub)
    _person_options(p, lang)
    _stock_options(p, lang)
    _db_option(p, lang)
    _json_option(p, lang)

    p = command("set", cmd_setting, message(lang, QT_TRANSLATE_NOOP(
        "messages", "change a ward setting (administrator only)")))
    p.add_argument("name", choices=("label-stock", "round-thresholds", "idle-lock", "letter-contact", "backups",
                                    "export-key", "device-number", "device-name", "this-laptop", "laptop-ward",
                                    "wards-key", "bank-holidays"),
                   help=message(lang, QT_TRANSLATE_NOOP(
                       "messages", "the setting to change (what each takes: see value, in the same order)")))
    p.add_argument("value", nargs="+", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "L7159|L7160|L7163|wristband; LATE OVERDUE minutes (LATE above 0 and below OVERDUE, at most "
                    "{day}); MINUTES before the screen locks (1 to {most_idle}); whom patients call, as their "
                    "letter prints it; FOLDER EVERY_MINUTES KEEP (every 1 to {day} minutes; the newest 1 to {most_kept} "
                    "kept, then the last of each day for {days} days, and the first); "
                    "the records office's age1… public key, which every export is then encrypted to ('' for "
                    "none); the laptop's device number, which the patients registered from then on take; its name; "
                    "for a database set up on another computer: 'replaces' (that one will not be used again) or "
                    "'copy NUMBER NAME' (both go on: this one becomes a laptop of its own); the ward code this "
                    "laptop belongs to, whose patients its lists open on ('' for none: all wards); 'new' for a new "
                    "wards' key, after a set-up file was lost; the hospital's bank holidays, by its country or part "
                    "of one (GB-ENG, GB-WLS, GB-SCT, GB-NIR, FR, FR-6AE, FR-57…; 'none': Monday to Friday only)"),
        day=DAY_MINUTES, most_idle=MOST_IDLE_LOCK_MINUTES, most_kept=MOST_BACKUPS_KEPT, days=DAILY_FOR_DAYS))
    _signed_in_options(p, lang)

    setup_files = sub.add_parser("setup-file", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "the wards, beds and settings the hospital's laptops share, in a file")))
    setup_files_sub = setup_files.add_subparsers(title=message(lang, QT_TRANSLATE_NOOP(
        "messages", "setup-file commands")), metavar="COMMAND", required=True)
    for name, func, said in (("save", cmd_setup_file_save, message(lang, QT_TRANSLATE_NOOP(
        "messages", "write this laptop's wards, beds and ward settings to FILE (not its device number, staff, "
                    "PINs or backups folder)"))),
                             ("load", cmd_setup_file_load, message(lang, QT_TRANSLATE_NOOP(
                                 "messages", "add FILE's wards and beds this laptop lacks and take its settings, "
                                             "all or nothing, and say what changed")))):
        p = command(name, func, said, setup_files_sub)
        p.add_argument("file", type=Path, help=message(lang, QT_TRANSLATE_NOOP(
            "messages", "the set-up file (e.g. /media/usb/downtime-setup.yaml), or the folder holding it as "
                        "downtime-setup.yaml (/media/usb)")))
        _signed_in_options(p, lang)

    p = command("backup", cmd_backup, message(lang, QT_TRANSLATE_NOOP(
        "messages", "back up the database now (to the folder set with 'set backups')")))
    _signed_in_options(p, lang)
    p = command("retire", cmd_retire, message(lang, QT_TRANSLATE_NOOP(
        "messages", "at the end of the outage, once everything is exported: archive the laptop (a whole export, "
                    "encrypted) and remove its database, key slots, backups and prints (administrator only)")))
    p.add_argument("--out", type=Path, required=True, help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "a new folder for the archive (e.g. on the records office's stick)")))
    p.add_argument("--confirm-device-number", type=int, required=True, help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "this laptop's device number (1-{most}), typed again: the database of no other laptop is "
                    "removed"), most=MAX_DEVICE))
    p.add_argument("--encrypt-to", action="append", metavar="RECIPIENT", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "encrypt the archive to this public key (age1…) or the keys in this file too; repeatable (the "
                    "records office's key set with 'set export-key' always)")))
    _signed_in_options(p, lang)
    p = command("restore", cmd_restore, message(lang, QT_TRANSLATE_NOOP(
        "messages", "put a backup in place as --db (which must not exist), then check it")))
    p.add_argument("backup", type=Path, help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "the backup file (downtime-backup-….sqlite), its .keys file beside it")))
    p.add_argument("--damaged", type=Path, help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "the damaged database this backup replaces, its .keys file beside it: they say the laptop's last "
                    "export, whose stick holds what was saved until then, and the downtime numbers given")))
    _signed_in_options(p, lang)

    staff = sub.add_parser("staff", help=message(lang, QT_TRANSLATE_NOOP("messages", "staff accounts")))
    staff_sub = staff.add_subparsers(title=message(lang, QT_TRANSLATE_NOOP(
        "messages", "staff commands")), metavar="COMMAND", required=True)
    p = command("add", cmd_staff_add, message(lang, QT_TRANSLATE_NOOP(
        "messages", "add a staff account (administrator only)")), staff_sub)
    p.add_argument("staff_id", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "the staff ID the person types to sign in, e.g. agency1")))
    p.add_argument("--name", required=True, help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "their full name, as records print it")))
    p.add_argument("--role", required=True, choices=[role.value for role in Role], help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "what the account may do")))
    p.add_argument("--new-pin", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "the new account's PIN (4-12 digits; left out at a terminal, it is asked for twice, unseen)")))
    p.add_argument("--same-name", action="store_true", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "add it though an account of the same name exists: the new person is someone else (the same "
                    "person back is given their account's new PIN with set-pin)")))
    _signed_in_options(p, lang)
    p = command("correct", cmd_staff_correct, message(lang, QT_TRANSLATE_NOOP(
        "messages", "correct an account's name or role typed wrong, with the reason (administrator only)")), staff_sub)
    p.add_argument("staff_id", help=message(lang, QT_TRANSLATE_NOOP("messages", "the account's staff ID")))
    p.add_argument("--name", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "the corrected full name (left out: kept)")))
    p.add_argument("--role", choices=[role.value for role in Role], help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "the corrected role (left out: kept)")))
    p.add_argument("--reason", required=True, help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "why, kept in the audit log with the old and the new")))
    _signed_in_options(p, lang)
    p = command("deactivate", cmd_staff_deactivate,
                message(lang, QT_TRANSLATE_NOOP("messages", "stop an account signing in and remove its "
                                                            "key slot (administrator only)")), staff_sub)
    p.add_argument("staff_id", help=message(lang, QT_TRANSLATE_NOOP("messages", "the account's staff ID")))
    _signed_in_options(p, lang)
    p = command("set-pin", cmd_staff_set_pin,
                message(lang, QT_TRANSLATE_NOOP("messages", "give an account a new PIN, which also "
                                                            "reactivates it (administrator only)")), staff_sub)
    p.add_argument("staff_id", help=message(lang, QT_TRANSLATE_NOOP("messages", "the account's staff ID")))
    p.add_argument("--new-pin", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "the account's new PIN (4-12 digits; left out at a terminal, it is asked for twice, unseen)")))
    _signed_in_options(p, lang)
    p = command("change-pin", cmd_staff_change_pin, message(lang, QT_TRANSLATE_NOOP(
        "messages", "change your own PIN (anyone signed in): --user and --pin are yours")), staff_sub)
    p.add_argument("--new-pin", help=message(lang, QT_TRANSLATE_NOOP(
        "messages", "your new PIN (4-12 digits; left out at a terminal, it is asked for twice, unseen)")))
    _signed_in_options(p, lang)
    p = command("list", cmd_staff_list, message(lang, QT_TRANSLATE_NOOP(
        "messages", "list staff accounts")), staff_sub)
    _person_options(p, lang)
    _db_option(p, lang)
    _json_option(p, lang)
    return parser


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """Opening the window is what a ward does most, and the sign-in window must show at once:
    the whole command line (fifty sub-commands, 40 ms) is built only when the arguments are not
    just the window's options (a sub-command, --help, --version, a mistake, whose message then
    comes from the whole command line)."""
    lang = None
    with suppress(argparse.ArgumentError):
        args, rest = _window_parser().parse_known_args(argv)
        if not rest:
            return args
        lang = args.lang
    args = build_parser(lang or saved_language()).parse_args(argv)
    for option, variable in FROM_THE_ENVIRONMENT.items():
        if getattr(args, option, False) is None:
            setattr(args, option, os.environ.get(variable))
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse(argv)
    args.lang = args.lang or saved_language()
    try:
        _check_pdf_out(args)
        return int(args.func(args))
    except FormSpecError as exc:
        print(_say(args, QT_TRANSLATE_NOOP("messages", "downtime: form definitions have problems:\n{problems}"),
                   problems=exc.text(args.lang)), file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR
    except Exception as exc:  # noqa: BLE001 (raised again unless the person can act on it)
        print(f"downtime: {refusal_of(exc).text(args.lang)}", file=sys.stderr)
        return EXIT_ERROR
