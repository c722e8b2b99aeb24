"""Crash safety: kill a writer mid-save again and again, then prove nothing it reported was lost.

A ward laptop can lose power or have the app killed at any moment. A record the nurse saw
saved must still be there afterwards, and the file and its audit chain must stay sound. This
runs a writer process that saves admissions as fast as it can, kills it with SIGKILL at a
seeded random moment, and checks the database after each kill.

    python -m downtime.crashtest [--trials N] [--db PATH] [--seed S]

SIGKILL stops the process but not the operating system, so this proves the app's
transactions are atomic and its audit chain survives an interrupted write; surviving a power
cut as well is what `synchronous = FULL` is for, which a process kill cannot exercise.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import IO, Any, NoReturn

from sqlite_utils import Database

import downtime
from downtime.domain.clock import local_now
from downtime.domain.staff import Role
from downtime.formspec import load_forms
from downtime.paths import forms_dir
from downtime.services import records, setup, staff
from downtime.services.context import Session, load_device
from downtime.storage import open_database
from downtime.storage.audit import verify_chain

NURSE_ID, NURSE_PIN = "nurse", "1111"
READY = "ready"
# The writer needs a second or two to import and sign in; a writer that has not started
# saving by then is broken rather than slow.
START_TIMEOUT_S = 60.0
DEFAULT_DELAY_MS = (50, 400)


def _open(path: Path) -> Database:
    """Every connection of the crash test, parent and writer, is made here, so a change to how
    the ward database is opened (a key for an encrypted one) is made in one place."""
    return open_database(path)


def create_database(path: Path) -> None:
    """A fresh ward database with the nurse account the writer signs in as."""
    db = _open(path)
    try:
        setup.initialise(db, device_number=1, device_name="crash test laptop", admin_id="admin",
                         admin_name="Crash Test Admin", admin_pin="0000")
        admin = Session(db, load_device(db), staff.sign_in(db, "admin", "0000"), load_forms(forms_dir()))
        staff.add_staff(admin, NURSE_ID, "Crash Test Nurse", Role.WARD_NURSE, NURSE_PIN)
    finally:
        db.conn.close()


def admission(bed: str) -> dict[str, Any]:
    """A valid admission; no ward has configured beds here, so a bed seen once never clashes."""
    return {
        "unidentified": False, "birth_name": "Lefèvre", "used_name": "Martin",
        "given_names": "Hélène Marie", "sex": "female", "birth_date": "1954-03-12",
        "nir": "254037511302312", "identity_status": "validated",
        "identity_document": "national_id_card",
        "arrival_at": (local_now() - timedelta(hours=1)).isoformat(timespec="minutes"),
        "admission_mode": "emergency", "reason": "Fall at home, suspected hip fracture.",
        "ward": "3B", "bed": bed, "admitting_clinician": "Dr Benali",
        "allergy_status": "allergies",
        "allergies": [{"substance": "Penicillin", "reaction": "Rash", "severity": "moderate"}],
        "weight_kg": 61.5, "height_cm": 158, "resuscitation": "full",
    }


def write_until_killed(path: Path) -> NoReturn:
    """The writer: a record id reaches stdout only after `save_new` has returned, so a printed
    id is exactly a record the app told its user was saved."""
    db = _open(path)
    session = Session(db, load_device(db), staff.sign_in(db, NURSE_ID, NURSE_PIN), load_forms(forms_dir()))
    print(READY, flush=True)
    while True:
        saved = records.save_new(session, "admission", admission(uuid.uuid4().hex[:10]))
        print(saved.record_id, flush=True)


@dataclass
class TrialResult:
    killed_after_ms: int
    reported: int = 0
    # Committed but killed before the id was printed: evidence the kills land between a
    # commit and its report, which is allowed (the user never saw "saved").
    unreported: int = 0
    lost: list[str] = field(default_factory=list)
    integrity: str | None = None
    chain: str | None = None
    writer_error: str | None = None
    records_in_file: int = 0

    @property
    def ok(self) -> bool:
        return not (self.lost or self.integrity or self.chain or self.writer_error)

    def __str__(self) -> str:
        parts = [f"killed after {self.killed_after_ms} ms", f"{self.reported} saved",
                 f"{self.unreported} committed unreported", f"{len(self.lost)} lost",
                 f"integrity {self.integrity or 'ok'}", f"audit chain {self.chain or 'ok'}"]
        if self.writer_error:
            parts.append(f"writer failed on its own: {self.writer_error}")
        return ", ".join(parts)


@dataclass
class Summary:
    trials: list[TrialResult]

    @property
    def saved(self) -> int:
        return sum(trial.reported for trial in self.trials)

    @property
    def lost(self) -> int:
        return sum(len(trial.lost) for trial in self.trials)

    @property
    def integrity_failures(self) -> int:
        return sum(trial.integrity is not None for trial in self.trials)

    @property
    def chain_failures(self) -> int:
        return sum(trial.chain is not None for trial in self.trials)

    @property
    def writer_failures(self) -> int:
        return sum(trial.writer_error is not None for trial in self.trials)

    @property
    def ok(self) -> bool:
        return all(trial.ok for trial in self.trials)

    def __str__(self) -> str:
        return (f"trials: {len(self.trials)}\nrecords saved: {self.saved}\n"
                f"records lost: {self.lost}\nintegrity failures: {self.integrity_failures}\n"
                f"audit-chain failures: {self.chain_failures}\n"
                f"writers that failed on their own: {self.writer_failures}")


class _LineReader:
    """Drains the writer's stdout on a thread, so a full pipe never slows the writer down and
    the parent can wait for its first save with a timeout."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.lines: list[str] = []
        self.first_save = threading.Event()
        self._stream = stream
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        for raw in self._stream:
            # A line without its newline was cut by the kill mid-print: not reported.
            if raw.endswith(b"\n"):
                self.lines.append(raw.decode("ascii").strip())
                if self.lines[-1] != READY:
                    self.first_save.set()
        self.first_save.set()

    def finish(self) -> list[str]:
        self._thread.join()
        return self.lines


def _writer_env() -> dict[str, str]:
    """The writer imports the same `downtime` as the parent, even from an uninstalled checkout."""
    root = str(Path(downtime.__file__).resolve().parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [root, env.get("PYTHONPATH")]))
    return env


def _stderr_of(stderr: IO[bytes]) -> str:
    stderr.seek(0)
    text = stderr.read().decode("utf-8", "replace").strip()
    return text.splitlines()[-1] if text else "no message"


def run_trial(path: Path, delay_ms: int, records_before: int) -> TrialResult:
    """One writer, killed `delay_ms` after its first save is reported: counted from start-up,
    most kills landed in Python's imports, which write nothing; from its start, a machine busy
    with other work let a kill land before any save, and the trial proved nothing."""
    result = TrialResult(killed_after_ms=delay_ms)
    with tempfile.TemporaryFile() as stderr:
        writer = subprocess.Popen([sys.executable, "-m", "downtime.crashtest", "--writer", "--db", str(path)],
                                  stdout=subprocess.PIPE, stderr=stderr, env=_writer_env())
        assert writer.stdout is not None
        reader = _LineReader(writer.stdout)
        if reader.first_save.wait(START_TIMEOUT_S):
            time.sleep(delay_ms / 1000)
        if writer.poll() is None:
            writer.send_signal(signal.SIGKILL)
        else:
            result.writer_error = f"exit code {writer.returncode}: {_stderr_of(stderr)}"
        writer.wait()
        lines = reader.finish()
    reported = [line for line in lines if line != READY]
    if not reported and result.writer_error is None:
        result.writer_error = f"saved nothing within {START_TIMEOUT_S:.0f} s"
    result.reported = len(reported)
    db = _open(path)
    try:
        present = {row[0] for row in db.execute("SELECT record_id FROM records")}
        result.lost = [record_id for record_id in reported if record_id not in present]
        result.records_in_file = len(present)
        result.unreported = len(present) - records_before - len(reported) + len(result.lost)
        checks = [row[0] for row in db.execute("PRAGMA integrity_check")]
        result.integrity = None if checks == ["ok"] else "; ".join(checks[:5])
        broken = verify_chain(db)
        result.chain = str(broken) if broken else None
    finally:
        db.conn.close()
    return result


def run_trials(trials: int, path: Path, seed: int, *,
               delay_ms: tuple[int, int] = DEFAULT_DELAY_MS,
               report: Callable[[int, TrialResult], None] | None = None) -> Summary:
    """Create the database at `path` and run the trials on it; the seed makes the kill moments
    repeat. An existing file is refused rather than replaced: it could be a ward's database."""
    if path.exists():
        raise FileExistsError(f"{path} already exists; the crash test needs a new file")
    create_database(path)
    rng = random.Random(seed)
    results: list[TrialResult] = []
    for number in range(1, trials + 1):
        result = run_trial(path, rng.randint(*delay_ms), results[-1].records_in_file if results else 0)
        results.append(result)
        if report is not None:
            report(number, result)
    return Summary(results)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m downtime.crashtest", description=__doc__.split("\n")[0])
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--db", type=Path, help="new database file to create (an existing file is "
                        "refused); default: one in a temporary folder")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--writer", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.writer:
        if args.db is None:
            parser.error("--writer needs --db")
        write_until_killed(args.db)
    if args.db is not None and args.db.exists():
        parser.error(f"{args.db} already exists; the crash test needs a new file")

    def report(number: int, result: TrialResult) -> None:
        print(f"trial {number}: {result}", flush=True)

    if args.db is not None:
        summary = run_trials(args.trials, args.db, args.seed, report=report)
    else:
        with tempfile.TemporaryDirectory() as folder:
            summary = run_trials(args.trials, Path(folder) / "crashtest.sqlite", args.seed, report=report)
    print(summary)
    return 0 if summary.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
