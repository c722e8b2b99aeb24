"""The screen-free half of `downtime selftest`: a copy of the app (installed, or frozen into a
folder for a ward laptop) proves it can do what an outage needs before a ward relies on it.

Every check does the real thing on a demo ward in a throw-away folder and reads the result
back, so a bundle missing forms/, resources/, SQLCipher, reportlab's or DejaVu's fonts,
fhir.resources' models or pyrage fails here, naming the step, rather than on the ward. The
window half (sign-in, main window, print preview) is `downtime.qt.selftest`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from downtime.errors import UserError
from downtime.paths import forms_dir, resources_dir

if TYPE_CHECKING:
    from downtime.formspec import FormSpec
    from downtime.services.context import Session
    from downtime.services.patients import PatientSummary

Report = Callable[[str], None]

SQLITE_HEADER = b"SQLite format 3\x00"
BACKUPS = "backups"


class SelfTestFailed(UserError):
    """A part of the app does not work on this laptop, or is missing from its bundle."""

    def __init__(self, what: str, problem: str):
        super().__init__(f"selftest failed at '{what}': {problem}")


def failure(what: str, problem: Exception) -> SelfTestFailed:
    """The error's kind and words: a missing bundled file shows up as FileNotFoundError, a
    missing library as ModuleNotFoundError or ImportError."""
    return SelfTestFailed(what, f"{type(problem).__name__}: {problem}")


@contextmanager
def step(what: str) -> Iterator[None]:
    """Whatever goes wrong inside becomes one line naming the step, because whoever reads it is
    deciding whether the laptop can be used."""
    try:
        yield
    except SelfTestFailed:
        raise
    except Exception as problem:
        raise failure(what, problem) from problem


def check_forms(report: Report) -> dict[str, FormSpec]:
    from downtime.formspec import load_forms

    with step("forms"):
        folder = forms_dir()
        forms = load_forms(folder)
        if "admission" not in forms:
            raise SelfTestFailed("forms", f"no admission form in {folder}")
    report(f"ok forms: {len(forms)} form definitions read from {folder}")
    return forms


def check_bank_holidays(today: date, report: Report) -> None:
    """Every region the Settings tab offers gives its next bank holiday: the `holidays` library
    finds each country's rules by name at run time, which a bundle can leave out unseen."""
    from downtime.domain.working_days import BankHolidays, coming
    from downtime.services.settings import BANK_HOLIDAY_REGIONS

    regions = [region for region in BANK_HOLIDAY_REGIONS if region]
    with step("bank holidays"):
        for region in regions:
            if not coming(BankHolidays(region), today, 1):
                raise SelfTestFailed("bank holidays", f"none known for {region} in the year from {today:%d/%m/%Y}")
    report(f"ok bank holidays: {', '.join(regions)}")


def make_demo_ward(folder: Path, forms: dict[str, FormSpec], report: Report) -> Path:
    """An encrypted demo ward, as `downtime demo` makes it, with its backups kept in `folder`
    so the test never writes into the laptop's own data folder."""
    from downtime.services import staff
    from downtime.services.backups import set_backup_policy
    from downtime.services.context import Session, load_device
    from downtime.services.demo import DEMO_ACCOUNTS, create_demo
    from downtime.storage.integrity import check_database
    from downtime.sync.importing import import_path

    path = folder / "demo.sqlite"
    with step("encrypted database"):
        vault, summary = create_demo(path, forms, encrypted=True)
        assert vault.db is not None
        db = vault.db
        cipher = db.execute("PRAGMA cipher_version").fetchone()
        if not cipher or not cipher[0]:
            raise SelfTestFailed("encrypted database", "the SQLite in use is not SQLCipher")
        with path.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER:
                raise SelfTestFailed("encrypted database", f"{path} was written unencrypted")
        problem = check_database(db)
        if problem is not None:
            raise SelfTestFailed("encrypted database", problem)
    report(f"ok database: encrypted demo ward of {summary.patients} patients (SQLCipher {cipher[0]}); "
           "integrity check and audit chain sound")
    admin_id, _, _, admin_pin = DEMO_ACCOUNTS[0]
    admin = Session(db, load_device(db), staff.sign_in(db, admin_id, admin_pin), forms)
    with step("snapshot templates"):
        templates = resources_dir() / "snapshot"
        result = import_path(admin, templates)
    report(f"ok resources: snapshot templates in {templates} read as a {result.kind} (headers only, nothing added)")
    with step("backup folder"):
        (folder / BACKUPS).mkdir()
        set_backup_policy(admin, folder / BACKUPS, every_minutes=15, keep=10)
    db.conn.close()
    return path


def check_pdfs(session: Session, patient: PatientSummary, folder: Path, report: Report) -> Path:
    """The patient's admission form and ID labels, read back with pypdf: the DejaVu fonts
    embedded (accented names need them), the patient's downtime number and the accented name of
    who printed it in the text."""
    from pypdf import PdfReader

    from downtime.services import printing

    with step("PDF"):
        form = printing.print_record(session, patient.admission_record_id, folder / "admission.pdf")
        labels = printing.print_labels(session, patient.patient_id, folder / "labels.pdf", count=1)
        reader = PdfReader(form)
        fonts = {str(font.get_object()["/BaseFont"]) for page in reader.pages
                 for font in page["/Resources"].get_object().get("/Font", {}).values()}
        if not any("DejaVu" in font for font in fonts):
            raise SelfTestFailed("PDF", f"the DejaVu fonts are not in {form} ({sorted(fonts)})")
        text = "".join(page.extract_text() for page in reader.pages)
        for expected in (patient.downtime_number, session.user.name):
            if expected not in text:
                raise SelfTestFailed("PDF", f"{form} does not read back ('{expected}' not found)")
        label_pages = len(PdfReader(labels).pages)
    report(f"ok PDF: admission form ({len(reader.pages)} pages, DejaVu fonts embedded) and an ID label "
           f"with its barcodes ({label_pages} page) made with reportlab, read back with pypdf")
    return form


def check_export(session: Session, folder: Path, report: Report) -> None:
    """The export for back-entry, encrypted to a records-office key made here, then decrypted
    and checked against its manifest: FHIR R4B models, age encryption and hashing together."""
    import json

    from downtime.sync.encryption import decrypt_folder, generate_identity
    from downtime.sync.export import export

    with step("export"):
        public_key = generate_identity(folder / "records-office.key")
        result = export(session, folder / "export", encrypt_to=[public_key])
        decrypt_folder(folder / "export", folder / "decrypted", folder / "records-office.key")
        bundle = json.loads((folder / "decrypted" / "fhir" / "bundle.json").read_text(encoding="utf-8"))
        if len(bundle.get("entry", [])) != result.fhir_entries or not result.fhir_entries:
            raise SelfTestFailed("export", "the decrypted FHIR bundle does not match the export")
    report(f"ok export: {sum(result.counts.values())} record versions and a FHIR R4B bundle of "
           f"{result.fhir_entries} entries, encrypted with age and decrypted against the manifest")


def check_backup(folder: Path, report: Report) -> None:
    """The backup the app makes when its window closes, put back as `downtime restore` does,
    opened with a PIN and checked: a backup nobody can restore is no backup."""
    from downtime.services import unlock
    from downtime.services.backups import newest
    from downtime.services.context import Vault
    from downtime.services.demo import DEMO_ACCOUNTS
    from downtime.storage.backup import restore_backup
    from downtime.storage.integrity import check_database

    with step("backup"):
        made = newest(folder / BACKUPS)
        if made is None:
            raise SelfTestFailed("backup", f"closing the app wrote no backup in {folder / BACKUPS}")
        restored = Vault(folder / "restored.sqlite")
        restore_backup(made, restored.path)
        staff_id, _, _, pin = DEMO_ACCOUNTS[1]
        unlock.sign_in(restored, staff_id, pin)
        assert restored.db is not None
        problem = check_database(restored.db)
        restored.db.conn.close()
        if problem is not None:
            raise SelfTestFailed("backup", f"{made.name} is not sound: {problem}")
    report(f"ok backup: written when the window closed ({made.name}), restored, opened with a PIN and sound")
