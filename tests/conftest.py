"""Shared fixtures: a fresh ward database per test, a settable clock, signed-in sessions."""

import contextlib
import gc
import io
import os
import shutil
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The ward laptops' zone, which the tests' times are written in (+01:00 in November): a laptop
# shows and reads times on its own clock, and a test machine on UTC would show them an hour off.
os.environ["TZ"] = "Europe/Paris"
time.tzset()

# The tests' files in memory where the machine has room for them: every commit of the ward
# database waits for the disk (`synchronous = FULL`), which the tests do not test (a killed
# process loses nothing either way) and which cost a quarter of the suite's time on a CI
# machine's disk. A passed test's folder is removed as it ends (`tmp_path_retention_policy`),
# so the suite holds a few hundred megabytes at most. PYTEST_DEBUG_TEMPROOT set by hand wins.
_SHM, _SHM_ROOM = "/dev/shm", 4 * 2**30
if os.path.isdir(_SHM) and os.access(_SHM, os.W_OK) and shutil.disk_usage(_SHM).free >= _SHM_ROOM:
    os.environ.setdefault("PYTEST_DEBUG_TEMPROOT", _SHM)

import hashlib  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
from collections.abc import Callable, Iterator, Sequence  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from datetime import date, datetime, timedelta, timezone  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402
import sqlcipher3  # noqa: E402
from hypothesis import settings  # noqa: E402
from reportlab import rl_config  # noqa: E402

from downtime.domain.staff import Role  # noqa: E402
from downtime.formspec import FormSpec, load_forms  # noqa: E402
from downtime.paths import forms_dir  # noqa: E402
from downtime.services import setup, staff  # noqa: E402
from downtime.services.demo import build_demo  # noqa: E402

# No time limit on one example of a property test: a PEWS set typed at random failed once on its
# 200 ms while the machine ran other work (a CI runner's two cores are often shared), a failure
# of the machine's, not of the code; what each example checks is unchanged.
settings.register_profile("downtime", deadline=None)
settings.load_profile("downtime")
from downtime.services.context import Session, Vault, load_device  # noqa: E402
from downtime.storage import keyslots, open_database  # noqa: E402
from sqlite_utils import Database  # noqa: E402

rl_config.invariant = 1

# A PIN is stretched by scrypt at a cost that makes each guess slow (40 to 80 ms a PIN on a ward
# laptop); the suite signs in and sets up accounts thousands of times, which at that cost took a
# third of its time. Every hash records its own cost; `full_pin_cost` gives a test the product's.
PRODUCT_PIN_COSTS = (staff._SCRYPT, keyslots.SCRYPT)
TEST_PIN_COST = {"n": 2**4, "r": 8, "p": 1}

PARIS_WINTER = timezone(timedelta(hours=1))
# The forms a healthcare assistant writes: the bedside charts whose forms list her in `authors:`.
HCA_FORMS = {"observations", "paediatric_observations", "blood_glucose", "fluid_balance", "bowel_chart", "repositioning",
             "nutrition_screening", "weight", "enhanced_observation"}

STAFF = {
    "admin": ("Alice Admin", Role.ADMINISTRATOR, "0000"),
    "nurse": ("Hélène Lefèvre", Role.WARD_NURSE, "1111"),
    "doctor": ("Dr Karim Benali", Role.DOCTOR, "2222"),
    "coord": ("Chloé Martin", Role.SURGICAL_COORDINATOR, "3333"),
    "records": ("Rémi Durand", Role.RECORDS_STAFF, "4444"),
}


def pytest_collectstart(collector: pytest.Collector) -> None:
    """No cycle collection while a worker collects: importing the test modules makes many
    short-lived objects, and each of Python's passes went through everything Qt, reportlab and
    the FHIR models had made (18 s of a worker's 43 s of collection, when pytest still rewrote
    the modules' asserts). Enabled again when collection ends."""
    gc.disable()


def pytest_collection_finish(session: pytest.Session) -> None:
    """What the test modules imported (Qt, reportlab, the FHIR models: most of a worker's
    objects) kept out of the cycle collector's passes: each Qt test ends with a full collection
    (tests/qt/conftest.py), which went through them all every time. The collector, off while the
    modules were imported, works again from here."""
    gc.collect()
    gc.freeze()
    gc.enable()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """The same before each test, the last test's fixtures gone (its garbage is collected first):
    a full collection (each Qt test ends with one, and Python makes one as a worker's objects
    grow) went through every object the worker had kept since collection, more each test, a
    quarter of the Qt tests' processor time. Frozen before the test's own fixtures are made, so
    none of the test's objects are kept from the collector."""
    gc.collect()
    gc.freeze()


@dataclass
class FakeClock:
    """Time that moves only when a test says so."""

    now: datetime = field(default_factory=lambda: datetime(2026, 11, 28, 14, 0, tzinfo=PARIS_WINTER))

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch the real user data folder or database."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.delenv("DOWNTIME_DB", raising=False)
    monkeypatch.delenv("DOWNTIME_USER", raising=False)
    monkeypatch.delenv("DOWNTIME_PIN", raising=False)


@pytest.fixture(autouse=True, scope="session")
def _cheap_pins() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(staff, "_SCRYPT", TEST_PIN_COST)
        patch.setattr(keyslots, "SCRYPT", TEST_PIN_COST)
        yield


@pytest.fixture
def full_pin_cost(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """The product's PIN costs for this test; returns the suite's token cost."""
    monkeypatch.setattr(staff, "_SCRYPT", PRODUCT_PIN_COSTS[0])
    monkeypatch.setattr(keyslots, "SCRYPT", PRODUCT_PIN_COSTS[1])
    return TEST_PIN_COST


@pytest.fixture(scope="session")
def forms() -> dict[str, FormSpec]:
    return load_forms(forms_dir())


@pytest.fixture
def listed_in() -> Callable[[str, str], None]:
    """listed_in(text, lang) checks that `text` separates the parts of its lists as `lang` writes
    them: "a; b" in English, "a ; b" in French, whose typography puts a space before ";"."""

    def check(text: str, lang: str) -> None:
        if lang == "fr":
            assert " ; " in text and not re.search(r"\S;", text), text
        else:
            assert "; " in text and " ; " not in text, text

    return check


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "ward.sqlite"


@pytest.fixture(scope="session")
def _built_once(tmp_path_factory: pytest.TempPathFactory, _cheap_pins: None) -> Callable[[str, Callable[[Database], object]], Path]:
    """_built_once(name, build): the file of a database `build` filled, built the first time a
    worker asks for it and copied by each test after: the thirty migrations of an empty database
    (each committed apart) took most of a set-up ward's time, and the demo two seconds."""
    folder = tmp_path_factory.mktemp("built-once")
    built: dict[str, Path] = {}

    def template(name: str, build: Callable[[Database], object]) -> Path:
        if name not in built:
            with pytest.MonkeyPatch.context() as patch:
                patch.setenv("XDG_DATA_HOME", str(folder / "xdg-data"))
                db = open_database(folder / f"{name}.sqlite")
                build(db)
                db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                db.conn.close()
            built[name] = folder / f"{name}.sqlite"
        return built[name]

    return template


def _copied(template: Path, path: Path) -> Database:
    assert not path.exists(), f"{path} is there already"
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, path)
    return open_database(path)


@pytest.fixture
def new_database(_built_once) -> Callable[[Path], Database]:
    """new_database(path): an empty ward database at `path`, as `open_database` makes one."""
    return lambda path: _copied(_built_once("migrated", lambda db: None), path)


@pytest.fixture
def demo_database(_built_once, forms: dict[str, FormSpec], clock: FakeClock) -> Callable[[Path], Database]:
    """demo_database(path): the demo ward (services.demo) built at the tests' clock, at `path`.
    A test of the demo's building, or of a demo built at another time, calls build_demo."""

    def make(path: Path) -> Database:
        assert clock.now == FakeClock().now, "the demo copied was built at the tests' clock: build this one"
        return _copied(_built_once("demo", lambda db: build_demo(db, forms, FakeClock())), path)

    return make


@dataclass(frozen=True)
class CliDemo:
    """The files `downtime demo` wrote (the database and its key slots) and the day it was built."""
    files: tuple[Path, ...]
    day: date


@pytest.fixture(scope="session")
def _cli_demos(tmp_path_factory: pytest.TempPathFactory, _cheap_pins: None) -> Callable[[bool], CliDemo]:
    """_cli_demos(encrypted): `downtime demo`'s files, built the first time a worker asks for them
    (encrypted, or `--unencrypted`) and copied by each test after (`cli_demo`): a dozen commands'
    tests each built the demo anew, three seconds each, to read or change it."""
    built: dict[bool, CliDemo] = {}

    def files(encrypted: bool) -> CliDemo:
        if encrypted not in built:
            from downtime.cli import main

            folder = tmp_path_factory.mktemp("cli-demo")
            with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stdout(io.StringIO()):
                patch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg-data")))
                day = date.today()  # the demo reads the clock as it begins
                assert main(["demo", "--db", str(folder / "demo.sqlite"), *([] if encrypted else ["--unencrypted"])]) == 0
            built[encrypted] = CliDemo(tuple(sorted(folder.iterdir())), day)
        return built[encrypted]

    return files


@pytest.fixture
def cli_demo(tmp_path: Path, _cli_demos: Callable[[bool], CliDemo]) -> Callable[..., Path]:
    """cli_demo(encrypted=True): a copy of `downtime demo`'s database in the test's folder, its path.
    A test of the demo command itself runs it."""

    def copy(encrypted: bool = True) -> Path:
        for made in _cli_demos(encrypted).files:
            if made.is_file():
                shutil.copy2(made, tmp_path / made.name)
            else:
                shutil.copytree(made, tmp_path / made.name)
        return tmp_path / "demo.sqlite"

    return copy


def _set_up(db: Database, clock: FakeClock, forms: dict[str, FormSpec], number: int, name: str,
            accounts: dict[str, tuple[str, Role, str]]) -> None:
    """Set up `db` as laptop `number` called `name`, with `accounts` (staff id: name, role, PIN),
    "admin" among them, as its administrator would."""
    admin_name, _, admin_pin = accounts["admin"]
    setup.initialise(db, device_number=number, device_name=name, admin_id="admin", admin_name=admin_name,
                     admin_pin=admin_pin, clock=clock)
    admin = Session(db, load_device(db), staff.sign_in(db, "admin", admin_pin, clock), forms, clock)
    for staff_id, (full_name, role, pin) in accounts.items():
        if staff_id != "admin":
            staff.add_staff(admin, staff_id, full_name, role, pin)


@pytest.fixture
def set_up_laptop(_built_once, new_database, clock: FakeClock, forms: dict[str, FormSpec]):
    """set_up_laptop(path, number, name, accounts): a database at `path` set up as `_set_up` does.
    At the tests' clock, a copy of one set up the first time a worker asks for it (5,700 tests
    set up a ward, 7 ms each); a laptop set up later in a test, or a second laptop of the same
    number in one test (which must not share the first's device id), is set up anew."""
    copied: set[int] = set()

    def make(path: Path, number: int, name: str, accounts: dict[str, tuple[str, Role, str]]) -> Database:
        def build(db: Database) -> None:
            _set_up(db, clock, forms, number, name, accounts)

        if clock.now == FakeClock().now and number not in copied:
            copied.add(number)
            kind = hashlib.sha256(repr((name, sorted(accounts.items()))).encode()).hexdigest()[:12]
            return _copied(_built_once(f"laptop-{number}-{kind}", build), path)
        db = new_database(path)
        build(db)
        return db

    return make


@pytest.fixture
def ward_db(db_path: Path, set_up_laptop):
    """A set-up ward database (device 42) with one account per role, PINs as in STAFF."""
    return set_up_laptop(db_path, 42, "Ward 3B laptop", STAFF)


LAPTOP_STAFF = {"admin": ("Admin", Role.ADMINISTRATOR, "0000"), "nurse": ("Nurse", Role.WARD_NURSE, "1111"),
                "records": ("Records", Role.RECORDS_STAFF, "4444")}


@pytest.fixture
def laptop(forms: dict[str, FormSpec], clock: FakeClock, set_up_laptop):
    """laptop(path, device_number) sets up another laptop's database and returns its nurse's
    and records clerk's sessions (for exports, merges and the records office)."""

    def make(path: Path, number: int) -> tuple[Session, Session]:
        db = set_up_laptop(path, number, f"laptop {number}", LAPTOP_STAFF)
        device = load_device(db)
        return (Session(db, device, staff.sign_in(db, "nurse", "1111", clock), forms, clock),
                Session(db, device, staff.sign_in(db, "records", "4444", clock), forms, clock))

    return make


@pytest.fixture
def demo_office(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, forms: dict[str, FormSpec],
                clock: FakeClock, demo_database, _built_once) -> Session:
    """The records office (laptop 900) that imported the demo ward's export, at the tests' clock:
    its clerk's session, on a copy of the office built the first time a worker asks for it
    (export and import took a seventh of a second each test)."""
    assert clock.now == FakeClock().now, "the office copied imported the demo at the tests' clock: build this one"

    def build(db: Database) -> None:
        from downtime.sync.export import export
        from downtime.sync.import_export import import_export

        scratch = tmp_path_factory.mktemp("demo-office")
        ward = demo_database(scratch / "demo.sqlite")
        ward_clerk = Session(ward, load_device(ward), staff.sign_in(ward, "records", "4444", clock), forms, clock)
        _set_up(db, clock, forms, 900, "laptop 900", LAPTOP_STAFF)
        office = Session(db, load_device(db), staff.sign_in(db, "records", "4444", clock), forms, clock)
        import_export(office, export(ward_clerk, scratch / "demo-export").folder)
        ward.conn.close()

    db = _copied(_built_once("demo-office", build), tmp_path / "office.sqlite")
    return Session(db, load_device(db), staff.sign_in(db, "records", "4444", clock), forms, clock)


@pytest.fixture
def session_for(ward_db, db_path: Path, forms: dict[str, FormSpec], clock: FakeClock):
    """session_for("nurse") signs that demo account in and returns its Session."""

    def make(staff_id: str, lang: str = "en") -> Session:
        user = staff.sign_in(ward_db, staff_id, STAFF[staff_id][2], clock)
        return Session(ward_db, load_device(ward_db), user, forms, clock, lang,  # type: ignore[arg-type]
                       vault=Vault(db_path, ward_db))

    return make


@pytest.fixture
def patient_on_the_clock(session_for, clock: FakeClock, admission_values: dict[str, Any]):
    """patient_on_the_clock(now, arrival_at) sets the laptop's clock to `now` (naive, read in
    Europe/Paris with its summer-time rules, for the nights the clocks change), adds ward 3B with
    bed 12 and admits a patient there with no known allergy; returns their patient id."""
    from zoneinfo import ZoneInfo

    from downtime.services import records, wards

    def admit(now: datetime, arrival_at: str) -> str:
        clock.now = now.replace(tzinfo=ZoneInfo("Europe/Paris"))
        wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
        return records.save_new(session_for("nurse"), "admission", {
            **admission_values, "arrival_at": arrival_at, "allergy_status": "nka", "allergies": []}).patient_id

    return admit


CYCLIZINE_GIVEN = {"outcome": "given", "given_for": "nausea", "dose_given": 50, "route": "PO"}
"""A dose of cyclizine_as_required's order given as written; add its given_at."""


@pytest.fixture
def cyclizine_as_required(session_for) -> Callable[..., str]:
    """cyclizine_as_required(patient, start_at, every_hours=1) has the doctor prescribe cyclizine
    50 mg by mouth as required for nausea from `start_at`, `every_hours` apart and 6 doses a day at
    most: the order of the nights the clocks change (with patient_on_the_clock), on the screens,
    the prints and the forms alike; returns its record id."""
    from downtime.services import records

    def prescribe(patient: str, start_at: str, every_hours: int = 1) -> str:
        return records.save_new(session_for("doctor"), "medication_order", {
            "drug": "Cyclizine", "dose": 50, "dose_unit": "mg", "route": "PO", "frequency": "prn",
            "prn_indication": "nausea", "min_interval_hours": every_hours, "max_doses_24h": 6, "start_at": start_at,
            "controlled": False, "high_alert": False}, patient_id=patient).record_id

    return prescribe


@pytest.fixture
def french(monkeypatch: pytest.MonkeyPatch) -> Callable[[str, str], None]:
    """french(english, translated): the French of a sentence added to the sources, given to the
    catalogue for the test (resources/i18n/downtime_fr.ts receives it when the catalogue is next
    brought up to date): what says it is shown to say it through the catalogue, in the words it
    will say."""
    from downtime.i18n import MESSAGES, _catalogue

    def add(english: str, translated: str) -> None:
        monkeypatch.setitem(_catalogue("fr"), (MESSAGES, english), translated)

    return add


@pytest.fixture
def ward_on_a_stick(tmp_path: Path, clock: FakeClock, forms: dict[str, FormSpec],
                    admission_values: dict[str, Any]) -> Callable[..., tuple[Vault, Session]]:
    """ward_on_a_stick(path, beds=None, keep=10, name="Ward 3"): an encrypted ward laptop
    (device 3, as unlock.create sets one up) with a nurse (PIN 1111), backing up every 15
    minutes to tmp_path/usb keeping `keep`, and one admission (`admission_values`), or one in
    each of `beds` with no NIR. Returns the vault and the nurse's session."""
    from downtime.services import backups, records, unlock

    def make(path: Path, beds: Sequence[str] | None = None, keep: int = 10,
             name: str = "Ward 3") -> tuple[Vault, Session]:
        vault, device = unlock.create(path, encrypted=True, device_number=3, device_name=name, admin_id="admin",
                                      admin_name="Admin", admin_pin="0000", clock=clock)
        admin = Session(vault.db, device, staff.sign_in(vault.db, "admin", "0000", clock), forms, clock, vault=vault)
        staff.add_staff(admin, "nurse", "Nurse", Role.WARD_NURSE, "1111")
        (tmp_path / "usb").mkdir(exist_ok=True)
        backups.set_backup_policy(admin, tmp_path / "usb", every_minutes=15, keep=keep)
        nurse = Session(vault.db, device, staff.sign_in(vault.db, "nurse", "1111", clock), forms, clock, vault=vault)
        for values in ([admission_values] if beds is None else
                       [{**admission_values, "bed": bed, "nir": ""} for bed in beds]):
            records.save_new(nurse, "admission", values)
        return vault, nurse

    return make


@pytest.fixture
def admission_values() -> dict[str, Any]:
    """A complete, valid admission as a nurse would type it."""
    return {
        "unidentified": False,
        "birth_name": "Lefèvre",
        "used_name": "Martin",
        "given_names": "Hélène Marie",
        "sex": "female",
        "birth_date": "1954-03-12",
        "nir": "254037511302312",
        "identity_status": "validated",
        "identity_document": "national_id_card",
        "arrival_at": "2026-11-28T10:30+01:00",
        "admission_mode": "emergency",
        "reason": "Fall at home, suspected hip fracture.",
        "ward": "3B",
        "bed": "12",
        "admitting_clinician": "Dr Benali",
        "allergy_status": "allergies",
        "allergies": [{"substance": "Penicillin", "reaction": "Rash", "severity": "moderate"}],
        "weight_kg": 61.5,
        "height_cm": 158,
        "resuscitation": "full",
    }


@pytest.fixture
def admit_to_paediatrics(session_for, admission_values) -> Callable[[str, str, float | None, str], str]:
    """admit_to_paediatrics(bed, born, kg, names): the id of a patient admitted by the nurse to a
    bed of ward PED (beds 1 to 10, opened here) on 27/11 at 09:00, born `born`, weighed `kg` on
    admission (None: never weighed), no known allergy, no height: the children the dose and fluid
    limits are weighed for."""
    from downtime.services import records, wards

    wards.add_ward(session_for("admin"), "PED", "Paediatrics", [str(n) for n in range(1, 11)])
    nurse = session_for("nurse")

    def admit(bed: str, born: str, kg: float | None, names: str) -> str:
        values = {**admission_values, "nir": None, "given_names": names, "birth_date": born, "weight_kg": kg,
                  "height_cm": None, "allergy_status": "nka", "allergies": [], "ward": "PED", "bed": bed,
                  "arrival_at": "2026-11-27T09:00+01:00"}
        return records.save_new(nurse, "admission", {k: v for k, v in values.items() if v is not None}).patient_id

    return admit


@pytest.fixture
def patient(session_for, admission_values) -> str:
    """The id of a patient admitted to bed 12 of ward 3B (beds 1 to 20) at 09:00 on the tests'
    day, by the nurse: one in hospital to chart care for (a module needing another admits its own)."""
    from downtime.services import records, wards

    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    return records.save_new(session_for("nurse"), "admission", {
        **admission_values, "arrival_at": "2026-11-28T09:00+01:00"}).patient_id


def unknown_man(admission_values: dict[str, Any]) -> dict[str, Any]:
    """The admission of an unconscious man no one can name (`admission_values` less its identity):
    admitted as "Unknown Male Alpha", later identified as `GIRARD`."""
    named = ("birth_name", "used_name", "given_names", "birth_date", "nir", "identity_document")
    return {**{key: value for key, value in admission_values.items() if key not in (*named, "allergies")},
            "unidentified": True, "temporary_name": "Unknown Male Alpha", "descriptor": "man about 35, road accident",
            "sex": "male", "identity_status": "provisional", "allergy_status": "unknown"}


GIRARD = {"unidentified": False, "birth_name": "Girard", "given_names": "Thomas Paul", "birth_date": "1989-06-14",
          "identity_status": "validated", "identity_document": "passport"}
"""The answers identifying `unknown_man` as Thomas Paul Girard, his passport seen."""


VERIFIED = {"verifier_role": "doctor", "observed_minutes": 5, "no_central_pulse": True, "no_heart_sounds": True,
            "no_respiration": True, "pupils_fixed": True, "no_response_to_pain": True}
"""A death's verification as the code of practice asks it (death form version 5): a doctor, five
minutes observed, each sign of life absent. Added to a death found on a round when it is verified."""


def death_answers(at: str) -> dict[str, Any]:
    """A death's answers but the verifier's name and the family's: dying at `at`, verified then
    (`VERIFIED`), not for the coroner, no implanted device."""
    return {"died_at": at, "verified_at": at, "referred_to_coroner": False, "implanted_device": "none", **VERIFIED}


@pytest.fixture
def medication_ward(session_for, admission_values):
    """Ward 3B with the standard admission (penicillin allergy, bed 12) and two doctor's
    orders: amoxicillin 1 g IV at 08:00 14:00 20:00, to review on 30/11, and morphine 5 mg SC PRN
    (controlled).
    Returns (patient id, amoxicillin order id, morphine order id)."""
    from downtime.services import records, wards

    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse, doctor = session_for("nurse"), session_for("doctor")
    patient = records.save_new(nurse, "admission", {**admission_values,
                                                    "arrival_at": "2026-11-27T09:00+01:00"}).patient_id
    amox = records.save_new(doctor, "medication_order", {
        "drug": "Amoxicillin", "dose": 1.0, "dose_unit": "g", "route": "IV", "frequency": "scheduled",
        "times": "08:00 14:00 20:00", "start_at": "2026-11-27T10:00+01:00", "review_at": "2026-11-30T10:00+01:00",
        "controlled": False, "high_alert": False, "allergy_reason": "Rash as a child; amoxicillin tolerated since"},
        patient_id=patient)
    morphine = records.save_new(doctor, "medication_order", {
        "drug": "Morphine", "dose": 5.0, "dose_unit": "mg", "route": "SC", "frequency": "prn",
        "prn_indication": "pain score > 4", "min_interval_hours": 4, "max_doses_24h": 4,
        "start_at": "2026-11-27T10:00+01:00", "controlled": True, "high_alert": True}, patient_id=patient)
    return patient, amox.record_id, morphine.record_id


@pytest.fixture
def daily_order(session_for, medication_ward) -> Callable[..., str]:
    """daily_order(drug, dose, unit, time, start_at=27/11 10:00, **more answers): the id of the
    doctor's regular order by mouth, once a day at `time`, for `medication_ward`'s patient: the one
    medicine a bedside check is about (digoxin's pulse, lithium's level)."""
    from downtime.services import records

    def order(drug: str, dose: float, unit: str, time: str, start_at: str = "2026-11-27T10:00+01:00",
              **more: Any) -> str:
        return records.save_new(session_for("doctor"), "medication_order", {
            "drug": drug, "dose": dose, "dose_unit": unit, "route": "PO", "frequency": "scheduled", "times": time,
            "start_at": start_at, "controlled": False, "high_alert": False, **more},
            patient_id=medication_ward[0]).record_id

    return order


@pytest.fixture
def night(session_for, medication_ward):
    """`medication_ward` with the night nurse, Noémie Faure (staff ID night, PIN 5555), on the
    ward's laptop beside the day's: (patient id, amoxicillin order id, morphine order id)."""
    staff.add_staff(session_for("admin"), "night", "Noémie Faure", Role.WARD_NURSE, "5555")
    return medication_ward


@pytest.fixture
def paper_night(session_for, night, clock):
    """`night` (`medication_ward` and its night nurse) with paracetamol 1 g PO at 00:00 06:00
    12:00 18:00 and 20 mg of morphine in the ward's cupboard, all written at 14:00 on 28/11, with the
    day's last doses given on paper typed in then (amoxicillin 08:00, paracetamol 12:00: the orders,
    copied from the paper chart, have their earlier doses looked for there no more); the clock at
    07:15 the next morning, the laptop unused since. Returns (nurse, patient, amoxicillin,
    morphine, paracetamol)."""
    from downtime.domain.medication import Check
    from downtime.services import cd_register, medication, records

    patient, amox, morphine = night
    paracetamol = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
        "times": "00:00 06:00 12:00 18:00", "start_at": "2026-11-27T10:00+01:00", "controlled": False,
        "high_alert": False}, patient_id=patient).record_id
    cd_register.cd_receive(session_for("nurse"), "3B", "Morphine", "mg", 20, witness=("doctor", "2222"))
    for order_id, slot, dose, route in ((amox, "08:00", 1.0, "IV"), (paracetamol, "12:00", 1.0, "PO")):
        at = f"2026-11-28T{slot}+01:00"
        medication.record_dose(session_for("nurse"), order_id, {
            "outcome": "given", "given_at": at, "scheduled_for": at, "dose_given": dose, "route": route,
            medication.TRANSCRIBED: True}, overrides={Check.ALLERGY: "tolerated before"})
    clock.now = datetime.fromisoformat("2026-11-29T07:15+01:00")
    return session_for("nurse"), patient, amox, morphine, paracetamol


@pytest.fixture
def twin(session_for, medication_ward, admission_values) -> str:
    """Another MARTIN Hélène Marie (née LEFÈVRE), born 02/07/1961, in bed 3 of medication_ward's
    ward: its patient is in bed 12. Returns her patient id."""
    from downtime.services import records

    return records.save_new(session_for("nurse"), "admission", {
        **admission_values, "nir": None, "bed": "3", "birth_date": "1961-07-02",
        "arrival_at": "2026-11-27T11:00+01:00"}).patient_id


@pytest.fixture
def course_orders(session_for, medication_ward):
    """Beside medication_ward's amoxicillin (from 27/11 10:00 at 08:00 14:00 20:00), furosemide
    40 mg PO at 08:00 18:00 from 27/11 10:00, stopped 28/11 12:00, and ondansetron 4 mg IV once
    at 28/11 16:00. Returns (patient id, furosemide order id, ondansetron order id)."""
    from downtime.services import records

    patient = medication_ward[0]
    doctor = session_for("doctor")
    furosemide = records.save_new(doctor, "medication_order", {
        "drug": "Furosemide", "dose": 40.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
        "times": "08:00 18:00", "start_at": "2026-11-27T10:00+01:00", "stop_at": "2026-11-28T12:00+01:00",
        "controlled": False, "high_alert": False}, patient_id=patient)
    ondansetron = records.save_new(doctor, "medication_order", {
        "drug": "Ondansetron", "dose": 4.0, "dose_unit": "mg", "route": "IV", "frequency": "once",
        "start_at": "2026-11-28T16:00+01:00", "controlled": False, "high_alert": False}, patient_id=patient)
    return patient, furosemide.record_id, ondansetron.record_id


@pytest.fixture
def paracetamol(session_for, medication_ward, clock):
    """Regular paracetamol 1 g at 08:00, 14:00 and 20:00 and paracetamol 1 g as required every
    4 h, at most 4 in 24 h (written "paracétamol"). Returns (nurse, regular order, PRN order)."""
    from downtime.services import records

    patient, _, _ = medication_ward
    doctor, nurse = session_for("doctor"), session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T07:00+01:00")
    common = {"drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "start_at": "2026-11-27T07:00+01:00",
              "controlled": False, "high_alert": False}
    regular = records.save_new(doctor, "medication_order", {**common, "frequency": "scheduled",
                                                            "times": "08:00 14:00 20:00"}, patient_id=patient)
    prn = records.save_new(doctor, "medication_order", {
        **common, "drug": "paracétamol", "frequency": "prn", "prn_indication": "pain", "min_interval_hours": 4,
        "max_doses_24h": 4}, patient_id=patient)
    return nurse, regular, prn


@pytest.fixture
def insulin_twice(session_for, medication_ward, clock):
    """Insulin glargine 18 units SC at 22:00 written on 27/11 and again on 28/11 at 09:00, the
    first never stopped (a prescription rewritten daily), the clock left at 09:00 on 28/11.
    Returns (nurse, first, second)."""
    from downtime.services import records

    patient, _, _ = medication_ward
    doctor = session_for("doctor")
    insulin = {"drug": "Insulin glargine", "dose": 18.0, "dose_unit": "units", "route": "SC", "frequency": "scheduled",
               "times": "22:00", "start_at": "2026-11-27T10:00+01:00", "controlled": False, "high_alert": True,
               "time_critical": True}
    clock.now = datetime.fromisoformat("2026-11-27T10:00+01:00")
    first = records.save_new(doctor, "medication_order", insulin, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    second = records.save_new(doctor, "medication_order", {**insulin, "start_at": "2026-11-28T09:00+01:00"},
                              patient_id=patient)
    return session_for("nurse"), first, second


@pytest.fixture
def paracetamol_day(paracetamol, clock):
    """`paracetamol` at 09:00 on 28/11, its regular grams of 14:00 and 20:00 on 27/11 and 08:00
    on 28/11 given, and one as required at 02:00. Returns `paracetamol`'s tuple."""
    from downtime.services import medication

    nurse, regular, prn = paracetamol
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    for slot in ("2026-11-27T14:00+01:00", "2026-11-27T20:00+01:00", "2026-11-28T08:00+01:00"):
        medication.record_dose(nurse, regular.record_id, {"outcome": "given", "given_at": slot, "scheduled_for": slot,
                                                          "dose_given": 1.0, "route": "PO"})
    medication.record_dose(nurse, prn.record_id, {"outcome": "given", "given_at": "2026-11-28T02:00+01:00",
                                                  "given_for": "pain", "dose_given": 1.0, "route": "PO"})
    return paracetamol


@pytest.fixture
def three_grams_then_half_grams(paracetamol, session_for, clock):
    """`paracetamol`'s regular grams of 08:00, 14:00 and 20:00 on 28/11 given, and paracetamol 500 mg
    as required every 4 h, at most 6 in 24 h (3 g), written from 28/11 00:00; the clock at 00:10
    on 29/11. Returns (nurse, regular order, the 500 mg order's id)."""
    from downtime.services import medication, records

    nurse, regular, _ = paracetamol
    prn = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Paracetamol", "dose": 500.0, "dose_unit": "mg", "route": "PO", "start_at": "2026-11-28T00:00+01:00",
        "frequency": "prn", "prn_indication": "pain", "min_interval_hours": 4, "max_doses_24h": 6,
        "controlled": False, "high_alert": False}, patient_id=regular.patient_id).record_id
    clock.now = datetime.fromisoformat("2026-11-29T00:10+01:00")
    for slot in ("2026-11-28T08:00+01:00", "2026-11-28T14:00+01:00", "2026-11-28T20:00+01:00"):
        medication.record_dose(nurse, regular.record_id, {"outcome": "given", "given_at": slot, "scheduled_for": slot,
                                                          "dose_given": 1.0, "route": "PO"})
    return nurse, regular, prn


@pytest.fixture
def send_home(session_for) -> Callable[[str], None]:
    """send_home(patient_id) discharges the patient home at noon on 28/11: at home by the census
    from then on, as a patient waiting to be called in for their operation."""
    from downtime.services import records

    def discharge(patient_id: str) -> None:
        records.save_new(session_for("nurse"), "discharge", {"discharged_at": "2026-11-28T12:00+01:00",
                                                             "destination": "home", "letter_given": True,
                                                             "medicines_given": True}, patient_id=patient_id)

    return discharge


@pytest.fixture
def readmitted(session_for, medication_ward, admission_values):
    """`medication_ward`'s patient discharged home at 21:00 on 27/11 and readmitted at 12:00 on
    28/11 (bed 5), the amoxicillin order of the first stay never stopped. Returns the nurse's
    session."""
    from downtime.services import records

    nurse, patient = session_for("nurse"), medication_ward[0]
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-27T21:00+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-28T12:00+01:00", "bed": "5"},
                     patient_id=patient)
    return nurse


@pytest.fixture
def earlier_stay(readmitted, session_for, medication_ward, clock):
    """`readmitted`, with furosemide 40 mg PO at 14:00 written at 11:00 on 27/11, in the first
    stay, and ceftriaxone 2 g IV at 14:00 written at 14:30 on 28/11, in the second (the clock
    left there). Returns (the nurse's session, furosemide's order id, ceftriaxone's)."""
    from downtime.services import records

    doctor, patient = session_for("doctor"), medication_ward[0]
    common = {"frequency": "scheduled", "times": "14:00", "controlled": False, "high_alert": False}
    now, clock.now = clock.now, datetime(2026, 11, 27, 11, 0, tzinfo=PARIS_WINTER)
    furosemide = records.save_new(doctor, "medication_order", {
        **common, "drug": "Furosemide", "dose": 40.0, "dose_unit": "mg", "route": "PO",
        "start_at": "2026-11-27T11:00+01:00"}, patient_id=patient).record_id
    clock.now = now + timedelta(minutes=30)
    ceftriaxone = records.save_new(doctor, "medication_order", {
        **common, "drug": "Ceftriaxone", "dose": 2.0, "dose_unit": "g", "route": "IV",
        "start_at": "2026-11-28T14:00+01:00", "review_at": "2026-12-01T14:00+01:00"}, patient_id=patient).record_id
    return readmitted, furosemide, ceftriaxone


@pytest.fixture
def ordered_again(earlier_stay, session_for, medication_ward, clock):
    """`earlier_stay`, its first stay's furosemide prescribed again from the chart at 14:30 on
    28/11 (`medication.prescribed_again`), and the new order stopped at 15:00 on 29/11, its
    course finished (the clock left at 16:00). Returns (the nurse's session, furosemide's order
    id, the new order's)."""
    from downtime.services import medication, records

    doctor = session_for("doctor")
    again = records.save_new(doctor, "medication_order", medication.prescribed_again(doctor, earlier_stay[1]),
                             patient_id=medication_ward[0])
    clock.now = datetime(2026, 11, 29, 16, 0, tzinfo=PARIS_WINTER)
    records.amend(doctor, again.record_id, {**again.data, "stop_at": "2026-11-29T15:00+01:00"}, "Course finished")
    return earlier_stay[0], earlier_stay[1], again.record_id


@pytest.fixture
def half_dose(session_for, medication_ward):
    """`medication_ward` with half the 08:00 amoxicillin of 28/11 given (0.5 g at 08:05), the
    allergy and the dose mismatch overridden with their reasons. Returns the nurse's session."""
    from downtime.domain.medication import Check
    from downtime.services import medication

    nurse = session_for("nurse")
    medication.record_dose(nurse, medication_ward[1], {
        "outcome": "given", "dose_given": 0.5, "route": "IV", "given_at": "2026-11-28T08:05+01:00",
        "scheduled_for": "2026-11-28T08:00+01:00"},
        overrides={Check.ALLERGY: "tolerated in 2024", Check.DOSE_MISMATCH: "renal function, doctor's call"})
    return nurse


@pytest.fixture
def rewritten() -> Callable[..., int]:
    """Change one record line of an export (or of another of its data files, `name`) and make its
    manifest match, as if the laptop had written it so; returns the file's number of lines."""
    from downtime.sync.versions import RECORDS_FILE

    def rewrite(folder: Path, line_number: int, change: Callable[[dict[str, Any]], Any], name: str = RECORDS_FILE) -> int:
        path = folder / name
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        row = json.loads(lines[line_number - 1])
        change(row)
        lines[line_number - 1] = json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n"
        path.write_text("".join(lines), encoding="utf-8")
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        manifest["files"][name] = hashlib.sha256(path.read_bytes()).hexdigest()
        (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
        return len(lines)
    return rewrite


@pytest.fixture
def carried(tmp_path, laptop, clock, admission_values):
    """Laptop 1 admits a patient; laptop 2 imports laptop 1's export (the patient moved
    there); each laptop's nurse then amends the bed (14 on laptop 2, then 15 on laptop 1).
    Returns (record id, laptop 1's nurse and clerk, laptop 2's nurse and clerk)."""
    from downtime.services import records
    from downtime.sync.export import export
    from downtime.sync.import_export import import_export

    nurse_1, clerk_1 = laptop(tmp_path / "1.sqlite", 1)
    nurse_2, clerk_2 = laptop(tmp_path / "2.sqlite", 2)
    saved = records.save_new(nurse_1, "admission", admission_values)
    import_export(clerk_2, export(clerk_1, tmp_path / "carried").folder)
    clock.advance(minutes=10)
    records.amend(nurse_2, saved.record_id, {**admission_values, "bed": "14"}, "moved to bed 14")
    clock.advance(minutes=5)
    records.amend(nurse_1, saved.record_id, {**admission_values, "bed": "15"}, "moved to bed 15")
    return saved.record_id, nurse_1, clerk_1, nurse_2, clerk_2


AMOXICILLIN_TDS = {"drug": "Amoxicillin", "dose": 1.0, "dose_unit": "g", "route": "IV", "frequency": "scheduled",
                   "times": "08:00 14:00 20:00", "start_at": "2026-11-28T10:00+01:00",
                   "review_at": "2026-12-01T10:00+01:00", "controlled": False, "high_alert": False}


def doctor_on(nurse: Session, clock: FakeClock) -> Session:
    """A doctor added to the staff of `laptop`'s laptop of this nurse, signed in (Dr Benali, doctor)."""
    admin = Session(nurse.db, nurse.device, staff.sign_in(nurse.db, "admin", "0000", clock), nurse.forms, clock)
    staff.add_staff(admin, "doctor", "Dr Benali", Role.DOCTOR, "2222")
    return Session(nurse.db, nurse.device, staff.sign_in(nurse.db, "doctor", "2222", clock), nurse.forms, clock)


@pytest.fixture
def admitted_twice(tmp_path, laptop, clock, admission_values):
    """One person under two downtime numbers: laptop 1 admits her at 14:00 on 3B and its doctor
    writes amoxicillin (AMOXICILLIN_TDS), moves her to 5A at 14:30; laptop 2, on 5A, never had
    laptop 1's stick and admits her again at 14:40 under its own number, its doctor writing its
    own amoxicillin from 15:00. Returns a dict: nurse_1, nurse_2, doctor_1, doctor_2, first and
    second (the admissions), order_1 and order_2, and `office()`: a records office that imported
    the merge of both laptops' sticks as they are then."""
    from downtime.services import records
    from downtime.sync.export import export
    from downtime.sync.import_export import import_export
    from downtime.sync.merge import merge

    values = {**admission_values, "allergy_status": "nka", "allergies": []}
    nurse_1, clerk_1 = laptop(tmp_path / "ward1.sqlite", 1)
    nurse_2, clerk_2 = laptop(tmp_path / "ward2.sqlite", 2)
    first = records.save_new(nurse_1, "admission", values)
    doctor_1 = doctor_on(nurse_1, clock)
    order_1 = records.save_new(doctor_1, "medication_order", AMOXICILLIN_TDS, patient_id=first.patient_id)
    clock.advance(minutes=30)
    records.save_new(nurse_1, "transfer", {"moved_at": "2026-11-28T14:30+01:00", "to_ward": "5A", "to_bed": "4",
                                           "reason": "Needs monitoring"}, patient_id=first.patient_id)
    clock.advance(hours=1)
    second = records.save_new(nurse_2, "admission", {**values, "ward": "5A", "bed": "4",
                                                     "arrival_at": "2026-11-28T14:40+01:00"})
    doctor_2 = doctor_on(nurse_2, clock)
    order_2 = records.save_new(doctor_2, "medication_order", {**AMOXICILLIN_TDS, "start_at": "2026-11-28T15:00+01:00"},
                               patient_id=second.patient_id)

    def office() -> Session:
        clerk = laptop(tmp_path / "office.sqlite", 900)[1]
        sticks = [export(clerk_1, tmp_path / "s1").folder, export(clerk_2, tmp_path / "s2").folder]
        import_export(clerk, merge(sticks, tmp_path / "merged").folder)
        return clerk

    return {"nurse_1": nurse_1, "nurse_2": nurse_2, "doctor_1": doctor_1, "doctor_2": doctor_2, "first": first,
            "second": second, "order_1": order_1, "order_2": order_2, "office": office}


@pytest.fixture
def weighed_on_another_laptop(tmp_path, laptop, clock, admission_values):
    """Laptop 1 admits MOREAU (allergic to codeine); laptop 2 imports its export (she moved
    there); 10 minutes later laptop 2's nurse changes only her weight to 81 kg. Returns (her
    admission's answers, the admission as saved, laptop 1's nurse and clerk, laptop 2's nurse and
    clerk)."""
    from downtime.services import records
    from downtime.sync.export import export
    from downtime.sync.import_export import import_export

    codeine = {"substance": "Codeine", "reaction": "Vomiting", "severity": "mild"}
    admitted = {**admission_values, "birth_name": "Moreau", "used_name": "", "nir": "", "allergies": [codeine]}
    nurse_1, clerk_1 = laptop(tmp_path / "1.sqlite", 1)
    nurse_2, clerk_2 = laptop(tmp_path / "2.sqlite", 2)
    saved = records.save_new(nurse_1, "admission", admitted)
    import_export(clerk_2, export(clerk_1, tmp_path / "carried").folder)
    clock.advance(minutes=10)
    records.amend(nurse_2, saved.record_id, {**admitted, "weight_kg": 81, "weight_confirmed_kg": 81}, "weighed")
    return admitted, saved, nurse_1, clerk_1, nurse_2, clerk_2


@pytest.fixture
def allergy_on_one_laptop(weighed_on_another_laptop, clock):
    """The review's case: `weighed_on_another_laptop`, then 5 minutes later laptop 1's nurse adds
    a penicillin anaphylaxis. Returns (the admission as saved, laptop 1's nurse and clerk, laptop
    2's nurse and clerk)."""
    from downtime.services import records

    admitted, saved, nurse_1, clerk_1, nurse_2, clerk_2 = weighed_on_another_laptop
    clock.advance(minutes=5)
    records.amend(nurse_1, saved.record_id, {**admitted, "allergies": [
        *admitted["allergies"], {"substance": "Penicillin", "reaction": "Anaphylaxis", "severity": "severe"}]},
        "allergy found")
    return saved, nurse_1, clerk_1, nurse_2, clerk_2


@pytest.fixture
def allergy_and_weight(allergy_on_one_laptop, tmp_path, laptop):
    """`allergy_on_one_laptop`, and the records office (900) imports laptop 2's stick, then
    laptop 1's: laptop 2's version 2 stands, laptop 1's is on hold. Returns (record id, the
    office's clerk, its database path)."""
    from downtime.sync.export import export
    from downtime.sync.import_export import import_export

    saved, _, clerk_1, _, clerk_2 = allergy_on_one_laptop
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, export(clerk_2, tmp_path / "export-2").folder)
    import_export(office, export(clerk_1, tmp_path / "export-1").folder)
    return saved.record_id, office, str(tmp_path / "office.sqlite")


@pytest.fixture
def disagreeing(carried, tmp_path, laptop, admission_values):
    """`carried`, and a third laptop that admits someone else. Returns (record id, exports of
    laptops 1, 2 and 3, laptop 1's nurse and clerk)."""
    from downtime.services import records
    from downtime.sync.export import export

    record_id, nurse_1, clerk_1, _, clerk_2 = carried
    nurse_3, clerk_3 = laptop(tmp_path / "3.sqlite", 3)
    records.save_new(nurse_3, "admission", {**admission_values, "birth_name": "Roux", "used_name": "", "nir": "",
                                            "bed": "3"})
    folders = [export(clerk, tmp_path / f"export-{number}").folder
               for number, clerk in ((1, clerk_1), (2, clerk_2), (3, clerk_3))]
    return record_id, *folders, nurse_1, clerk_1


@pytest.fixture
def settled_otherwise(disagreeing, tmp_path, laptop, clock) -> tuple[str, Session, Path]:
    """Offices 900 and 901 took laptops 1 and 2's sticks and settled the hold of `disagreeing`
    otherwise: Anne Durand at 900 chose laptop 2's bed 14 (amending the record to it, 14:15),
    Paul Martin at 901 laptop 1's bed 15 (standing there: nothing new, 14:20). Office 902 took
    both sticks and 900's export: the record stands at version 3, bed 14. Returns (record id,
    office 902's clerk, 901's export, not imported yet)."""
    from downtime.services import back_entry, holds
    from downtime.sync.export import export
    from downtime.sync.import_export import import_export

    record, first, second, *_ = disagreeing
    settled = []
    for number, name, bed in ((900, "Anne Durand", "14"), (901, "Paul Martin", "15")):
        office = laptop(tmp_path / f"office-{number}.sqlite", number)[1]
        for folder in (first, second):
            import_export(office, folder)
        admin = Session(office.db, office.device, staff.sign_in(office.db, "admin", "0000", clock), office.forms, clock)
        staff.add_staff(admin, "clerk", name, Role.RECORDS_STAFF, "5555")
        clerk = Session(office.db, office.device, staff.sign_in(office.db, "clerk", "5555", clock), office.forms, clock)
        hold = back_entry.hold_of(clerk, record)
        assert hold is not None
        side = next(version for version in hold.versions if version.data["bed"] == bed)
        holds.settle(clerk, hold, side, f"Sister Martin said bed {bed}")
        settled.append(export(clerk, tmp_path / f"settled-{number}").folder)
        clock.advance(minutes=5)
    office = laptop(tmp_path / "office-902.sqlite", 902)[1]
    for folder in (first, second, settled[0]):
        import_export(office, folder)
    return record, office, settled[1]


@pytest.fixture
def sqlite_full() -> Exception:
    """The error SQLite raises when the disk is full, made by SQLite itself: a file allowed no
    more pages than it has."""
    import sqlite3

    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE t (x)")
    connection.execute(f"PRAGMA max_page_count = {connection.execute('PRAGMA page_count').fetchone()[0]}")
    with pytest.raises(sqlite3.OperationalError, match="database or disk is full") as raised:
        connection.execute("INSERT INTO t VALUES (?)", [b"x" * 10_000])
    connection.close()
    return raised.value


def _ward_laptops(tmp_path: Path, laptop: Callable[[Path, int], tuple[Session, Session]], clock: FakeClock,
                  admission: dict[str, Any], hl: tuple[str, str] | None = None,
                  ) -> tuple[list[Session], list[Session], Session, str, str]:
    """Laptops 1 and 2, each with ward 3B (beds 1 to 20) and a doctor; `hl`: the nurse each has
    under the staff ID hl (PIN 3333), a different person on each. Laptop 1 admits a patient on
    27/11 at 09:00 and its doctor orders paracetamol 1 g PO at 08:00 14:00 20:00. Returns their
    nurses, their records clerks, laptop 1's doctor, the patient's id and the order's."""
    from downtime.services import records, wards

    nurses, clerks = [], []
    for number in (1, 2):
        nurse, clerk = laptop(tmp_path / f"{number}.sqlite", number)
        admin = Session(nurse.db, nurse.device, staff.sign_in(nurse.db, "admin", "0000", clock), nurse.forms, clock)
        wards.add_ward(admin, "3B", "Medicine", [str(bed) for bed in range(1, 21)])
        staff.add_staff(admin, "doctor", "Doctor", Role.DOCTOR, "2222")
        if hl:
            staff.add_staff(admin, "hl", hl[number - 1], Role.WARD_NURSE, "3333")
        nurses.append(nurse)
        clerks.append(clerk)
    doctor = Session(nurses[0].db, nurses[0].device, staff.sign_in(nurses[0].db, "doctor", "2222", clock),
                     nurses[0].forms, clock)
    patient = records.save_new(nurses[0], "admission", {**admission, "arrival_at": "2026-11-27T09:00+01:00"}).patient_id
    order = records.save_new(doctor, "medication_order", {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
        "times": "08:00 14:00 20:00", "start_at": "2026-11-27T10:00+01:00", "controlled": False,
        "high_alert": False}, patient_id=patient).record_id
    return nurses, clerks, doctor, patient, order


@pytest.fixture
def dose_on_hold(tmp_path, laptop, clock, admission_values):
    """Doses two laptops wrote otherwise. Laptop 1 admits a patient, a doctor orders paracetamol
    1 g PO at 08:00 14:00 20:00 and ondansetron 4 mg IV as required, and the nurse gives the
    08:00 paracetamol of 28/11 and an ondansetron at 09:00; the patient's records are carried to
    laptop 2, where a nurse withdraws both doses (entered in error) while laptop 1's nurse amends
    their site; each laptop then imports the other's export. Laptop 1's versions (given) stand on
    laptop 1, laptop 2's (withdrawn) on laptop 2, each on hold. Returns (patient id, paracetamol
    order id, its dose's id, laptop 1's nurse, laptop 2's nurse)."""
    from downtime.services import medication, records
    from downtime.sync.export import export
    from downtime.sync.import_export import import_export

    nurses, clerks, doctor, patient, order = _ward_laptops(tmp_path, laptop, clock, admission_values)
    prn = records.save_new(doctor, "medication_order", {
        "drug": "Ondansetron", "dose": 4.0, "dose_unit": "mg", "route": "IV", "frequency": "prn",
        "prn_indication": "nausea", "min_interval_hours": 8, "max_doses_24h": 3,
        "start_at": "2026-11-27T10:00+01:00", "controlled": False, "high_alert": False}, patient_id=patient).record_id
    doses = [medication.record_dose(nurses[0], order, {
        "outcome": "given", "given_at": "2026-11-28T08:05+01:00", "scheduled_for": "2026-11-28T08:00+01:00",
        "dose_given": 1.0, "route": "PO"}).record_id, medication.record_dose(nurses[0], prn, {
            "outcome": "given", "given_at": "2026-11-28T09:00+01:00", "dose_given": 4.0, "route": "IV",
            "given_for": "nausea"}).record_id]
    import_export(clerks[1], export(clerks[0], tmp_path / "carried").folder)
    clock.advance(minutes=10)
    for dose in doses:
        medication.withdraw_dose(nurses[1], dose, "recorded for the wrong patient")
        records.amend(nurses[0], dose, {**records.current(nurses[0].db, dose).data, "site": "left arm"}, "site")
    first, second = (export(clerk, tmp_path / f"next-{number}").folder for number, clerk in enumerate(clerks, 1))
    import_export(clerks[1], first)
    import_export(clerks[0], second)
    return patient, order, doses[0], *nurses


@pytest.fixture
def reasons_on_hold(tmp_path, laptop, clock, admission_values):
    """A dose not given whose versions differ only in their reason. Laptop 1's nurse records the
    20:00 paracetamol of 28/11 as nil by mouth at 14:00 (theatre); the patient's records are
    carried to laptop 2, whose nurse amends the reason to held ("BP 85/50") while laptop 1's
    amends it to other ("Theatre moved to 21:00"). Returns (the dose's id, laptop 1's clerk,
    laptop 2's clerk, laptop 1's next export folder, laptop 2's)."""
    from downtime.domain.medication import Check
    from downtime.services import medication, records
    from downtime.sync.export import export
    from downtime.sync.import_export import import_export

    nurses, clerks, _, _, order = _ward_laptops(tmp_path, laptop, clock, admission_values)
    dose = medication.record_dose(nurses[0], order, {
        "outcome": "not_given", "not_given_reason": "nil_by_mouth", "given_at": "2026-11-28T14:00+01:00",
        "scheduled_for": "2026-11-28T20:00+01:00"}, overrides={Check.NOT_GIVEN_AHEAD: "Theatre at 20:30"}).record_id
    import_export(clerks[1], export(clerks[0], tmp_path / "carried").folder)
    clock.advance(minutes=10)
    for nurse, reason, detail in ((nurses[1], "held", "BP 85/50"), (nurses[0], "other", "Theatre moved to 21:00")):
        records.amend(nurse, dose, {**records.current(nurse.db, dose).data, "not_given_reason": reason,
                                    "not_given_detail": detail}, "reason corrected")
    first, second = (export(clerk, tmp_path / f"next-{number}").folder for number, clerk in enumerate(clerks, 1))
    return dose, *clerks, first, second


def ondansetron_carried(tmp_path: Path, laptop: Callable[[Path, int], tuple[Session, Session]], clock: FakeClock,
                        admission: dict[str, Any], given_at: str) -> tuple[list[Session], list[Session], str, str]:
    """Laptop 1's nurse gives ondansetron 4 mg IV as required at `given_at` for nausea; the
    patient's records are carried to laptop 2, and ten minutes pass. Returns the nurses, the
    clerks, the order's id and the dose's id."""
    from downtime.services import medication, records
    from downtime.sync.export import export
    from downtime.sync.import_export import import_export

    nurses, clerks, doctor, patient, _ = _ward_laptops(tmp_path, laptop, clock, admission)
    prn = records.save_new(doctor, "medication_order", {
        "drug": "Ondansetron", "dose": 4.0, "dose_unit": "mg", "route": "IV", "frequency": "prn",
        "prn_indication": "nausea", "min_interval_hours": 8, "max_doses_24h": 3,
        "start_at": "2026-11-27T10:00+01:00", "controlled": False, "high_alert": False}, patient_id=patient).record_id
    dose = medication.record_dose(nurses[0], prn, {"outcome": "given", "given_at": given_at, "dose_given": 4.0,
                                                   "route": "IV", "given_for": "nausea"}).record_id
    import_export(clerks[1], export(clerks[0], tmp_path / "carried").folder)
    clock.advance(minutes=10)
    return nurses, clerks, prn, dose


@pytest.fixture
def why_given_on_hold(tmp_path, laptop, clock, admission_values, rewritten):
    """An as-required dose given whose versions differ in why. Laptop 1's nurse gives ondansetron
    4 mg IV as required at 09:00 on 28/11 for nausea; the patient's records are carried to laptop
    2, whose nurse amends the reason ("nausea after chemotherapy"), while laptop 1's nurse amends
    the site ("left arm") on an app that did not ask the reason yet: that version has none. Laptop
    2 then imports laptop 1's next export, its version standing and laptop 1's on hold. Returns
    (the dose's id, laptop 2's nurse, laptop 2's clerk)."""
    from downtime.services import records
    from downtime.sync.export import export
    from downtime.sync.import_export import import_export
    from downtime.sync.versions import RECORDS_FILE

    nurses, clerks, _, dose = ondansetron_carried(tmp_path, laptop, clock, admission_values, "2026-11-28T09:00+01:00")
    records.amend(nurses[1], dose, {**records.current(nurses[1].db, dose).data,
                                    "given_for": "nausea after chemotherapy"}, "reason in full")
    records.amend(nurses[0], dose, {**records.current(nurses[0].db, dose).data, "site": "left arm"}, "site")
    folder = export(clerks[0], tmp_path / "next-1").folder
    lines = [json.loads(text) for text in (folder / RECORDS_FILE).read_text(encoding="utf-8").splitlines()]
    line = max((number for number, row in enumerate(lines, 1) if row["record_id"] == dose),
               key=lambda number: lines[number - 1]["version"])
    rewritten(folder, line, lambda row: row.update(data=json.dumps(
        {name: value for name, value in json.loads(row["data"]).items() if name != "given_for"})))
    import_export(clerks[1], folder)
    return dose, nurses[1], clerks[1]


@pytest.fixture
def amoxicillin_laptop(tmp_path, laptop, clock, admission_values):
    """Laptop 1 with a patient of no known allergy and a doctor's amoxicillin 1 g IV at 08:00
    14:00 20:00 from 28/11 10:00. Returns (its nurse, its records clerk, the order)."""
    from downtime.services import records

    nurse, clerk = laptop(tmp_path / "1.sqlite", 1)
    admin = Session(nurse.db, nurse.device, staff.sign_in(nurse.db, "admin", "0000", clock), nurse.forms, clock)
    staff.add_staff(admin, "doctor", "Dr Benali", Role.DOCTOR, "2222")
    doctor = Session(nurse.db, nurse.device, staff.sign_in(nurse.db, "doctor", "2222", clock), nurse.forms, clock)
    patient = records.save_new(nurse, "admission", {**admission_values, "allergy_status": "nka",
                                                    "allergies": []}).patient_id
    order = records.save_new(doctor, "medication_order", {
        "drug": "Amoxicillin", "dose": 1.0, "dose_unit": "g", "route": "IV", "frequency": "scheduled",
        "times": "08:00 14:00 20:00", "start_at": "2026-11-28T10:00+01:00", "review_at": "2026-12-01T10:00+01:00",
        "controlled": False, "high_alert": False}, patient_id=patient)
    return nurse, clerk, order


@pytest.fixture
def dose_held_without_its_order(tmp_path, laptop, clock, amoxicillin_laptop, rewritten):
    """A dose's two versions 1 (a copy of the stick with its line rewritten) come to the records
    office in a merge without its order, which went on an earlier stick not imported yet: the
    dose is held whole (only what is taken as the record is checked for what it points to).
    Returns (the office's clerk, the order's id, the dose's id)."""
    import shutil

    from downtime.services import medication
    from downtime.sync.export import export
    from downtime.sync.import_export import import_export
    from downtime.sync.merge import merge

    nurse, clerk, order = amoxicillin_laptop
    order = order.record_id
    export(clerk, tmp_path / "day-1")
    clock.advance(minutes=10)
    dose = medication.record_dose(nurse, order, {
        "scheduled_for": "2026-11-28T14:00+01:00", "outcome": "given", "given_at": "2026-11-28T14:05+01:00",
        "dose_given": 1.0, "route": "IV"}).record_id
    second_day = export(clerk, tmp_path / "day-2", since_last=True).folder
    copy = shutil.copytree(second_day, tmp_path / "day-2-copy")
    rewritten(copy, 1, lambda row: row.update(data=json.dumps({**json.loads(row["data"]), "site": "left arm"})))
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, merge([second_day, copy], tmp_path / "merged").folder)
    return office, order, dose


def _held_from_version_1(tmp_path: Path, laptop: Callable[[Path, int], tuple[Session, Session]], clock: FakeClock,
                         admission: dict[str, Any], rewritten: Callable[..., int], dose_values: dict[str, Any],
                         otherwise: dict[str, Any], carried: bool) -> tuple[str, str, str, Session]:
    """A dose whose versions 1 differ. Laptop 1 admits a patient, a doctor orders paracetamol 1 g
    PO at 08:00 14:00 20:00, and the nurse records its 08:00 dose of 28/11 (`dose_values`); two
    exports of it reach the records office, the second's dose written `otherwise` (its fields
    replaced, None ones dropped), so the merge holds it whole, and the merge is imported on
    laptop 2, the ward the patient moved to, `carried` there first by laptop 1's export or not.
    Returns (patient id, order id, dose id, laptop 2's nurse)."""
    import shutil

    from downtime.services import medication, records, wards
    from downtime.sync.export import export
    from downtime.sync.import_export import import_export
    from downtime.sync.merge import merge
    from downtime.sync.versions import RECORDS_FILE

    (nurse, clerk), (nurse_2, clerk_2) = (laptop(tmp_path / f"{number}.sqlite", number) for number in (1, 2))
    for each in (nurse_2, nurse):
        admin = Session(each.db, each.device, staff.sign_in(each.db, "admin", "0000", clock), each.forms, clock)
        wards.add_ward(admin, "3B", "Medicine", [str(bed) for bed in range(1, 21)])
    staff.add_staff(admin, "doctor", "Doctor", Role.DOCTOR, "2222")  # on laptop 1, the last
    doctor = Session(nurse.db, nurse.device, staff.sign_in(nurse.db, "doctor", "2222", clock), nurse.forms, clock)
    patient = records.save_new(nurse, "admission", {**admission, "arrival_at": "2026-11-27T09:00+01:00"}).patient_id
    order = records.save_new(doctor, "medication_order", {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
        "times": "08:00 14:00 20:00", "start_at": "2026-11-27T10:00+01:00", "controlled": False,
        "high_alert": False}, patient_id=patient).record_id
    dose = medication.record_dose(nurse, order, {"scheduled_for": "2026-11-28T08:00+01:00", **dose_values}).record_id
    first = export(clerk, tmp_path / "export-1").folder
    copy = shutil.copytree(first, tmp_path / "export-1-copy")
    lines = (copy / RECORDS_FILE).read_text(encoding="utf-8").splitlines()

    def written_otherwise(row: dict[str, Any]) -> None:
        data = {**json.loads(row["data"]), **otherwise}
        row.update(data=json.dumps({name: value for name, value in data.items() if value is not None}))

    rewritten(copy, next(number for number, text in enumerate(lines, 1) if json.loads(text)["record_id"] == dose),
              written_otherwise)
    if carried:
        import_export(clerk_2, first)
    import_export(clerk_2, merge([first, copy], tmp_path / "merged").folder)
    return patient, order, dose, nurse_2


@pytest.fixture
def dose_held_whole(tmp_path, laptop, clock, admission_values, rewritten):
    """A dose this laptop holds no version of, only two others' versions on hold: laptop 1's nurse
    gives the 08:00 paracetamol of 28/11 at 08:05, the second export says 08:40, and laptop 2 never
    had the dose (see `_held_from_version_1`). Returns (patient id, order id, dose id, laptop 2's
    nurse)."""
    return _held_from_version_1(tmp_path, laptop, clock, admission_values, rewritten, {
        "outcome": "given", "given_at": "2026-11-28T08:05+01:00", "dose_given": 1.0, "route": "PO"},
        {"given_at": "2026-11-28T08:40+01:00"}, carried=False)


@pytest.fixture
def dose_not_given_here_given_elsewhere(tmp_path, laptop, clock, admission_values, rewritten):
    """A dose standing here as not given that another laptop's version says was given: laptop 1's
    nurse records the 08:00 paracetamol of 28/11 refused at 08:05, laptop 2 has it so (carried),
    and the second export says given at 08:05 (see `_held_from_version_1`). Returns (patient id,
    order id, dose id, laptop 2's nurse)."""
    return _held_from_version_1(tmp_path, laptop, clock, admission_values, rewritten, {
        "outcome": "not_given", "not_given_reason": "refused", "given_at": "2026-11-28T08:05+01:00"},
        {"outcome": "given", "not_given_reason": None, "dose_given": 1.0, "route": "PO"}, carried=True)


@pytest.fixture
def doses_from_laptop_1(tmp_path, laptop, clock, admission_values):
    """Doses laptop 1 recorded, carried to laptop 2 with their patient, where the staff ID of
    laptop 1's witness is someone else's. Each laptop has ward 3B and a doctor; "hl" is Hélène
    Lefèvre on laptop 1 and Karim Benali on laptop 2. On laptop 1 the doctor orders paracetamol
    1 g PO at 08:00 14:00 20:00 and morphine 5 mg SC as required (controlled, 50 mg in the
    register); the nurse gives the 08:00 paracetamol of 28/11 at 08:05 and morphine at 09:00,
    witnessed by hl. Returns (patient id, paracetamol order id, morphine order id, morphine
    dose id, laptop 2's nurse)."""
    from downtime.services import cd_register, medication, records
    from downtime.sync.export import export
    from downtime.sync.import_export import import_export

    (nurse_1, nurse_2), (clerk_1, clerk_2), doctor, patient, paracetamol = _ward_laptops(
        tmp_path, laptop, clock, admission_values, hl=("Hélène Lefèvre", "Karim Benali"))
    morphine = records.save_new(doctor, "medication_order", {
        "drug": "Morphine", "dose": 5.0, "dose_unit": "mg", "route": "SC", "frequency": "prn",
        "prn_indication": "pain score > 4", "min_interval_hours": 4, "max_doses_24h": 4,
        "start_at": "2026-11-27T10:00+01:00", "controlled": True, "high_alert": True}, patient_id=patient).record_id
    cd_register.cd_receive(nurse_1, "3B", "Morphine", "mg", 50, witness=("hl", "3333"))
    medication.record_dose(nurse_1, paracetamol, {
        "outcome": "given", "given_at": "2026-11-28T08:05+01:00", "scheduled_for": "2026-11-28T08:00+01:00",
        "dose_given": 1.0, "route": "PO"})
    dose = medication.record_dose(nurse_1, morphine, {
        "outcome": "given", "given_at": "2026-11-28T09:00+01:00", "dose_given": 5.0, "route": "SC", "given_for": "pain"},
        witness=("hl", "3333")).record_id
    import_export(clerk_2, export(clerk_1, tmp_path / "carried").folder)
    return patient, paracetamol, morphine, dose, nurse_2


@pytest.fixture
def observed_after_a_move(tmp_path, laptop, clock, admission_values):
    """A patient admitted on laptop 1, moved to laptop 2 on a stick, whose nurse took a set of
    observations half an hour later. Returns (nurse 1, clerk 1, nurse 2, clerk 2, the admission,
    the observations)."""
    from downtime.services import records
    from downtime.sync.export import export
    from downtime.sync.import_export import import_export

    nurse_1, clerk_1 = laptop(tmp_path / "ward1.sqlite", 1)
    nurse_2, clerk_2 = laptop(tmp_path / "ward2.sqlite", 2)
    admitted = records.save_new(nurse_1, "admission", admission_values)
    import_export(clerk_2, export(clerk_1, tmp_path / "moved").folder)
    clock.advance(minutes=30)
    taken = records.save_new(nurse_2, "observations", {
        "taken_at": "2026-11-28T14:20+01:00", "respiratory_rate": 16, "spo2": 97, "spo2_scale": "scale_1",
        "on_oxygen": False, "systolic_bp": 130, "diastolic_bp": 80, "pulse": 72, "consciousness": "alert",
        "temperature": 37.0}, patient_id=admitted.patient_id)
    return nurse_1, clerk_1, nurse_2, clerk_2, admitted, taken


@pytest.fixture
def disk_full(monkeypatch):
    """The database's disk with no byte free: SQLite cannot open the file for writing ("disk
    I/O error", as on a full tmpfs), nor, with `shared_memory` False, make a reader's
    shared-memory file; what it could read before, it still can."""
    connect = sqlcipher3.connect
    refused = {"shared_memory": True}

    def on_a_full_disk(target, *args, uri=False, **options):
        if not uri or (not refused["shared_memory"] and "mode=ro" in target):
            raise sqlcipher3.OperationalError("disk I/O error")
        return connect(target, *args, uri=uri, **options)

    monkeypatch.setattr(sqlcipher3, "connect", on_a_full_disk)
    monkeypatch.setattr(shutil, "disk_usage", lambda folder: shutil._ntuple_diskusage(10**9, 10**9, 0))
    return refused


@pytest.fixture
def left_agrees() -> Callable[[Session], bool]:
    """left_agrees(session): the patients the records office's list of what is left goes through
    (back_entry.patients_left) are every patient its worklist shows a line left of, and besides
    them only patients with a record that is not a line."""
    from downtime.services import back_entry
    from downtime.storage.records import list_current

    def agrees(session: Session) -> bool:
        work = back_entry.worklist(session)
        shown = {item.record.patient_id for group in work for item in group.items if not item.done}
        lines = {item.record.record_id for group in work for item in group.items}
        found = back_entry.patients_left(session)
        not_lines = {record.patient_id for record in list_current(session.db) if record.record_id not in lines}
        return shown <= found and found - shown <= not_lines

    return agrees


@pytest.fixture
def exported_resource(session_for, tmp_path: Path) -> Callable[[str, type], Any]:
    """exported_resource(record_id, model): the records office's export made now, its codes
    checked, and that record's resource read back by `model`, fhir.resources' R4B class
    (Observation, RiskAssessment)."""
    from downtime.sync.export import export
    from downtime.sync.fhir_codes import check_codes

    def read(record_id: str, model: type) -> Any:
        folder = export(session_for("records"), tmp_path / f"export-{record_id}").folder
        bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
        check_codes(bundle)
        return model.model_validate(next(entry["resource"] for entry in bundle["entry"]
                                         if entry["resource"].get("id") == record_id))

    return read


@pytest.fixture
def blank_pages(forms: dict[str, FormSpec], clock: FakeClock, tmp_path: Path) -> Callable[[str, str], list[str]]:
    """blank_pages(form_id, lang): each page's text of the form's blank, its spaces made one."""
    from pypdf import PdfReader

    from downtime.services import printing

    def pages(form_id: str, lang: str) -> list[str]:
        path = printing.blank(forms, form_id, tmp_path / f"blank-{form_id}-{lang}.pdf", lang=lang, printed_by=None,
                              printed_at=clock(), device_name="3B")
        return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]

    return pages


@pytest.fixture
def enoxaparin(session_for, medication_ward):
    """Enoxaparin 40 mg SC at 14:00, high-alert, for the ward's patient: (nurse, order id)."""
    from downtime.services import records

    patient, _, _ = medication_ward
    order = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Enoxaparin", "dose": 40.0, "dose_unit": "mg", "route": "SC", "frequency": "scheduled",
        "times": "14:00", "start_at": "2026-11-27T10:00+01:00", "controlled": False, "high_alert": True},
        patient_id=patient)
    return session_for("nurse"), order.record_id
