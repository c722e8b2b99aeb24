"""`python -m downtime.bench [--scale tiny|small|hospital]`: how fast the app is at scale, each
figure measured beside its baseline in the same run so the ratio holds on a noisy machine.

It loads a synthetic EHR snapshot of the hospital's beds onto a laptop, builds a hospital from
synthetic ward laptops (see downtime.synthetic; deterministic seed), exports each laptop, merges
the exports and imports the merge at the records office, whose database is then the loaded one
for saving, search, census, MAR and FHIR figures. Every database is encrypted, as set-up makes a
ward's unless told otherwise (`--unencrypted` measures plain ones). Prints one JSON object, then
a readable table with each target."""

from __future__ import annotations

import argparse
import compileall
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlite_utils import Database

from downtime.domain.clock import local_now
from downtime.formspec import FormSpec, load_forms
from downtime.paths import forms_dir
from downtime.services import (
    back_entry,
    census,
    medication,
    printing,
    records,
    search,
    staff,
    unlock,
    wards,
)
from downtime.services.context import Session
from downtime.storage.connection import PAGE_CACHE_KIB
from downtime.synthetic import BEDS, GIVEN, SURNAMES, fill_laptop, write_snapshot

# At hospital scale the p95 of 400 saves is their 20th slowest; of 100 it was the 5th, which a
# few stray pauses of the machine moved across the target from one run to the next.
# Cold starts: each window started in turn, the median of each, as one start can be slowed by
# anything; the smoke run's one start each is not a figure to read (fourteen took most of its time).
SCALES = {"tiny": {"laptops": 2, "patients": 40, "saves": 10, "searches": 20, "snapshot_wards": 1, "cold_starts": 1},
          "small": {"laptops": 20, "patients": 100, "saves": 50, "searches": 100, "snapshot_wards": 4, "cold_starts": 7},
          "hospital": {"laptops": 20, "patients": 5000, "saves": 400, "searches": 100, "snapshot_wards": 24,
                       "cold_starts": 7}}
STAFF = (("nurse", "Nurse Bench", staff.Role.WARD_NURSE, "1111"), ("doctor", "Dr Bench", staff.Role.DOCTOR, "2222"),
         ("coord", "Coordinator Bench", staff.Role.SURGICAL_COORDINATOR, "3333"),
         ("records", "Records Bench", staff.Role.RECORDS_STAFF, "4444"))
RECORD_TABLE = """CREATE TABLE records (id TEXT PRIMARY KEY, record_id TEXT NOT NULL, version INTEGER NOT NULL,
    form_id TEXT NOT NULL, form_version INTEGER NOT NULL, patient_id TEXT, status TEXT NOT NULL, data TEXT NOT NULL,
    reason TEXT, author TEXT NOT NULL, device_id TEXT NOT NULL, occurred_at TEXT NOT NULL, recorded_at TEXT NOT NULL,
    UNIQUE (record_id, version))"""


def _ms(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {"p50_ms": round(statistics.median(ordered) * 1000, 2),
            "p95_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000, 2)}


def _timed(call: Callable[[], Any]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def _median_s(call: Callable[[], Any], times: int = 5) -> float:
    return statistics.median(_timed(call) for _ in range(times))


def _subprocess(code: str) -> tuple[float, dict[str, Any]]:
    """Seconds for a fresh Python process to run `code` (offscreen), and the JSON it prints."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    return time.perf_counter() - start, json.loads(done.stdout.strip().splitlines()[-1] if done.stdout.strip() else "{}")


# Peak memory of this process: VmHWM, because ru_maxrss of a process started by a large one
# reports the parent's peak on Linux.
PEAK = ("import json, re; print(json.dumps({'peak_mb': int(re.search(r'VmHWM:\\s+(\\d+)',"
        " open('/proc/self/status').read()).group(1)) / 1024}))")
# Both cold starts stop at the first paint of their window, so they are timed alike. The window's
# own paintEvent tells, not an event filter on the whole application: Python would then wrap
# every object of every event, and the combo box's inner views alone set up 180 enum classes the
# app itself never creates (50 ms, which the bare window, with no children, does not pay).
PAINTED = ("import os, sys\n"
           "def painted(paint_event):\n"
           "    def first_paint(self, event):\n"
           "        paint_event(self, event)\n"
           "        " + PEAK.replace("; ", "\n        ") + "\n        sys.stdout.flush(); os._exit(0)\n"
           "    return first_paint\n")
BARE_WINDOW = (PAINTED + "from PySide6.QtWidgets import QApplication, QWidget\n"
               "class Window(QWidget):\n    paintEvent = painted(QWidget.paintEvent)\n"
               "app = QApplication([]); w = Window(); w.show(); app.exec()\n")
# The `downtime` command imports its command line before Qt, so this does too.
SIGN_IN_WINDOW = ("from downtime.cli import main\n" + PAINTED + "from downtime.qt.sign_in import SignInDialog\n"
                  "SignInDialog.paintEvent = painted(SignInDialog.paintEvent)\nmain(['--db', DATABASE])\n")
MAIN_WINDOW = ("from pathlib import Path\nfrom PySide6.QtWidgets import QApplication\n"
               "from downtime.formspec import load_forms\nfrom downtime.paths import forms_dir\n"
               "from downtime.qt.main_window import MainWindow\nfrom downtime.services import unlock\n"
               "from downtime.services.context import Session, Vault, load_device\n"
               "app = QApplication([]); vault = Vault(Path(DATABASE)); user = unlock.sign_in(vault, 'nurse', '1111')\n"
               "w = MainWindow(Session(vault.db, load_device(vault.db), user, load_forms(forms_dir()), vault=vault),"
               " signed_out=lambda signed_in: None); w.show(); app.processEvents()\n"
               # the patient list is read on a thread of its own: the peak counts it shown
               "from downtime.qt.work import Work\nwhile Work.running:\n"
               "    next(iter(Work.running)).wait(); app.processEvents()\n"
               "assert w.patients.model.rowCount() > 0\n" + PEAK)


def _laptop(path: Path, number: int, forms: dict[str, FormSpec], ward: str | None, encrypted: bool) -> Session:
    """A laptop set up as the app sets one up, with the bench's staff (and its ward of 30 beds),
    signed in as its admin."""
    vault, device = unlock.create(path, encrypted=encrypted, device_number=number, device_name=f"bench {number}",
                                  admin_id="admin", admin_name="Admin", admin_pin="0000")
    assert vault.db is not None
    admin = Session(vault.db, device, staff.sign_in(vault.db, "admin", "0000"), forms, vault=vault)
    for staff_id, name, role, pin in STAFF:
        staff.add_staff(admin, staff_id, name, role, pin)
    if ward is not None:
        wards.add_ward(admin, ward, f"Bench ward {ward}", [str(bed) for bed in range(1, BEDS + 1)])
    return admin


def _as(session: Session, staff_id: str, pin: str) -> Session:
    return Session(session.db, session.device, staff.sign_in(session.db, staff_id, pin), session.forms,
                   vault=session.vault)


def _admission(rng: random.Random, ward: str, bed: int) -> dict[str, Any]:
    now = local_now()
    return {"unidentified": False, "birth_name": rng.choice(SURNAMES), "given_names": rng.choice(GIVEN),
            "sex": rng.choice(("female", "male")),
            "birth_date": (now.date() - timedelta(days=rng.randint(18 * 365, 95 * 365))).isoformat(),
            "identity_status": "provisional", "arrival_at": (now - timedelta(minutes=5)).isoformat(timespec="minutes"),
            "admission_mode": "emergency", "reason": "Benchmark save", "ward": ward, "bed": str(bed),
            "admitting_clinician": "Dr Bench", "allergy_status": "nka", "resuscitation": "full"}


def _save_times(nurses: list[Session], rng: random.Random, count: int) -> list[list[float]]:
    """On each database, admit `count` patients to a fresh ward of that many beds, timing each
    save. The databases take turns, one save each, so that all of them meet the same moments of
    a shared machine; and the disk first writes out what earlier steps left in the system's
    cache (the import's gigabytes), which every commit's fsync would otherwise wait behind."""
    ward = f"S{rng.randrange(10**6):06d}"
    for nurse in nurses:
        wards.add_ward(_as(nurse, "admin", "0000"), ward, "Benchmark saves", [str(bed) for bed in range(1, count + 1)])
    if hasattr(os, "sync"):  # not on Windows
        os.sync()
    times: list[list[float]] = [[] for _ in nurses]
    for bed in range(1, count + 1):
        for nurse, taken in zip(nurses, times):
            taken.append(_timed(lambda: records.save_new(nurse, "admission", _admission(rng, ward, bed))))
    return times


# The baselines' rows are read after the timed step and let go when the baseline returns: a
# million rows held through the import, or the steps after it, would slow them (each full
# garbage collection walks them) as no records office's work is slowed.
def _executemany_rate(rows: list[dict[str, Any]], raw: Path, like: Session) -> tuple[int, float]:
    """How many rows, and how many a second `executemany` inserts into the same table shape, in
    a database encrypted as `like`'s is (SQLCipher's module is Python's sqlite3 with encryption)
    with the app's page cache."""
    connection = sqlcipher3.connect(str(raw))
    if like.vault is not None and like.vault.key is not None:
        connection.execute(f"PRAGMA key = \"x'{like.vault.key.hex()}'\"")
    connection.execute(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")
    connection.execute(RECORD_TABLE)
    connection.execute("CREATE INDEX records_patient ON records(patient_id, form_id)")
    connection.execute("CREATE INDEX records_form ON records(form_id)")
    columns = list(rows[0])
    seconds = _timed(lambda: (connection.executemany(
        f"INSERT INTO records ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        [[row[column] for column in columns] for row in rows]), connection.commit()))
    connection.close()
    return len(rows), len(rows) / seconds


def _dumps_rate(db: Database) -> tuple[int, int, float]:
    """The records of a database, its doses, and how many records a second `json.dumps` writes."""
    rows = list(db.query("SELECT * FROM records"))
    seconds = _timed(lambda: json.dumps(rows))
    return len(rows), sum(row["form_id"] == "medication_administration" for row in rows), len(rows) / max(seconds, 1e-9)


def _bare_canvas(charts: list[Any], days: int, out: Path) -> None:
    """The MAR pack's cells drawn straight onto a reportlab canvas: one page per patient, a
    line per order, a text per dose cell, in the pack's embedded font (a built-in PDF font
    cannot print every patient's name)."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    from downtime.domain.laptops import NOBODY
    from downtime.domain.medication import dose_text
    from downtime.pdf.page import CONDENSED, register_fonts

    register_fonts()
    page = canvas.Canvas(str(out), pagesize=landscape(A4))
    for chart in charts:
        page.setFont(CONDENSED, 7.5)
        page.drawString(30, 560, f"{chart.patient.display_name} {chart.patient.downtime_number}")
        y = 530
        for row in chart.rows:
            page.drawString(30, y, f"{row.order.drug} {row.order.dose:g} {row.order.dose_unit} {row.order.route}")
            for column, cell in enumerate(row.cells):
                page.rect(200 + column * 36, y - 4, 36, 14)
                text = dose_text(cell.administration, NOBODY, {}, "en") if cell.administration else cell.state.value
                page.drawString(202 + column * 36, y, text[:8])
            y -= 18 * (1 + len(row.cells) // (days * 4 + 1))
        page.showPage()
    page.save()


def run(scale: str, folder: Path, report: Callable[[str], None] = lambda _: None, encrypted: bool = True) -> dict[str, Any]:
    from downtime.sync.export import export
    from downtime.services.laptops import authors
    from downtime.storage.laptops import known
    from downtime.sync.fhir_export import write_bundle
    from downtime.sync.import_export import import_export
    from downtime.sync.merge import merge
    from downtime.sync.importing import import_path
    from downtime.sync.versions import RECORD_COLUMNS, RECORDS_FILE, read_lines

    sizes = SCALES[scale]
    rng = random.Random(20261128)
    forms = load_forms(forms_dir())
    now = local_now()
    figures: dict[str, Any] = {"scale": scale, "encrypted": encrypted}

    report("cold start")
    empty = _laptop(folder / "empty.sqlite", 1, forms, None, encrypted)
    # A ward laptop runs the installed app, whose modules pip or PyInstaller compiled when
    # installing; where writing bytecode is off (PYTHONDONTWRITEBYTECODE), each start would
    # otherwise time compiling them.
    compileall.compile_dir(Path(__file__).parent, quiet=1)
    starts = [(_subprocess(BARE_WINDOW), _subprocess(SIGN_IN_WINDOW.replace("DATABASE", repr(str(folder / "empty.sqlite"))))[0])
              for _ in range(sizes["cold_starts"])]
    bare = [window for window, _ in starts]
    figures["cold_start_s"] = {"sign_in_window": round(statistics.median(s for _, s in starts), 3),
                               "bare_window": round(statistics.median(s for s, _ in bare), 3)}

    report("EHR snapshot import")
    # The hospital's last known state loaded onto a laptop with its wards set up, as at the start
    # of an outage: every line checked as if typed (form rules, beds, theatre clashes).
    ward_laptop = _laptop(folder / "snapshot.sqlite", 2, forms, None, encrypted)
    for number in range(1, sizes["snapshot_wards"] + 1):
        wards.add_ward(ward_laptop, f"W{number:02d}", f"Bench ward W{number:02d}", [str(bed) for bed in range(1, BEDS + 1)])
    write_snapshot(folder / "snapshot", forms, sizes["snapshot_wards"], 20261129, now)
    snapshot_s = _timed(lambda: import_path(_as(ward_laptop, "records", "4444"), folder / "snapshot"))
    loaded, raw_rate = _executemany_rate(list(ward_laptop.db.query(f"SELECT {', '.join(RECORD_COLUMNS)} FROM records")),
                                         folder / "raw-snapshot.sqlite", ward_laptop)
    figures["snapshot_import"] = {"records": loaded, "records_per_s": round(loaded / snapshot_s),
                                  "executemany_per_s": round(raw_rate)}
    ward_laptop.db.close()

    report(f"{sizes['laptops']} synthetic laptops")
    exports, build_s, export_s, written = [], 0.0, 0.0, 0
    for number in range(1, sizes["laptops"] + 1):
        laptop = _laptop(folder / f"laptop{number}.sqlite", number, forms, f"W{number:02d}", encrypted)
        start = time.perf_counter()
        written += fill_laptop(laptop.db, forms, laptop.device, f"W{number:02d}", sizes["patients"], number, now)
        build_s += time.perf_counter() - start
        exports.append(folder / f"export{number}")
        export_s += _timed(lambda: export(_as(laptop, "records", "4444"), exports[-1]))
        laptop.db.close()
    figures["laptops"] = {"count": sizes["laptops"], "records": written, "build_s": round(build_s, 1),
                          "export_s_each": round(export_s / sizes["laptops"], 2)}

    report("merge")
    figures["merge_s"] = round(_timed(lambda: merge(exports, folder / "merged")), 2)

    report("records office import")
    office = _as(_laptop(folder / "office.sqlite", 99, forms, None, encrypted), "records", "4444")
    import_s = _timed(lambda: import_export(office, folder / "merged"))
    imported, raw_rate = _executemany_rate(read_lines(folder / "merged" / RECORDS_FILE, RECORD_COLUMNS),
                                           folder / "raw-merge.sqlite", office)
    figures["import"] = {"records": imported, "records_per_s": round(imported / import_s),
                         "executemany_per_s": round(raw_rate)}

    report("saves, search, census and MAR on the loaded database")
    db = office.db
    nurse = _as(office, "nurse", "1111")
    # The empty database, set up at the start and untouched since, takes its turns beside it.
    on_empty, on_loaded = _save_times([_as(empty, "nurse", "1111"), nurse], rng, sizes["saves"])
    empty.db.close()
    figures["save_empty"], figures["save_loaded"] = _ms(on_empty), _ms(on_loaded)
    figures["patients"] = db.execute("SELECT COUNT(*) FROM patients").fetchone()[0]
    figures["search"] = _ms([_timed(lambda: search.find(db, forms, rng.choice(SURNAMES)))
                             for _ in range(sizes["searches"])])
    figures["census_ward_ms"] = round(_timed(lambda: census.census(db, forms, ward="W01")) * 1000, 2)
    first_bed = next(row.patient for row in census.census(db, forms, ward="W01") if row.bed == "1")
    assert first_bed is not None
    figures["mar_grid_ms"] = round(_timed(lambda: medication.mar_grid(
        db, first_bed.patient_id, now.date() - timedelta(days=29), 30, now)) * 1000, 2)

    report("records office's back-entry list")
    # As the Back-entry tab reads it: the order and the patients with a line left on its own
    # thread, then the first page of what is left on the window's.
    start = time.perf_counter()
    order, left = back_entry.worklist_order(office), back_entry.patients_left(office)
    read_s = time.perf_counter() - start
    first_page = [patient for patient in order if patient in left][:back_entry.PAGE]
    figures["back_entry"] = {"patients": len(order), "read_s": round(read_s, 2),
                             "first_page_ms": round(_timed(lambda: back_entry.worklist_of(office, first_page)) * 1000, 1)}

    report("ward MAR pack")
    # The session's first print also loads the fonts and the PDF modules, which the bare canvas
    # then finds loaded: both are compared on the prints after it.
    first_s = _timed(lambda: printing.print_ward_mar_pack(nurse, "W01", folder / "pack.pdf"))
    pack_s = _median_s(lambda: printing.print_ward_mar_pack(nurse, "W01", folder / "pack.pdf"))
    in_ward = [row.patient.patient_id for row in census.census(db, forms, ward="W01") if row.patient]
    charts = printing.charts(nurse, in_ward, now.date() - timedelta(days=2), 3)
    figures["mar_pack"] = {"patients": len(in_ward), "first_s": round(first_s, 3), "seconds": round(pack_s, 3),
                           "bare_canvas_s": round(_median_s(lambda: _bare_canvas(charts, 3, folder / "bare.pdf")), 3)}

    report("FHIR export of the hospital")
    # The records office's export of the merged hospital (a month's million administrations at
    # hospital scale), written to a file as the export writes it.
    with (folder / "bundle.json").open("wb") as out:
        fhir_s = _timed(lambda: write_bundle(db, forms, 1, 10**12, now, "bench", out, partial(known, db),
                                            authors(office)))
    exported, doses, dumps_rate = _dumps_rate(db)
    figures["fhir_export"] = {"records": exported, "administrations": doses, "records_per_s": round(exported / fhir_s),
                              "json_dumps_records_per_s": round(dumps_rate)}
    db.close()

    report("GUI memory")
    figures["gui_peak_mb"] = {"main_window": round(_subprocess(MAIN_WINDOW.replace("DATABASE", repr(str(folder / "office.sqlite"))))[1]["peak_mb"]),
                              "bare_window": round(min(peak["peak_mb"] for _, peak in bare))}
    return figures


def _ratio(value: float, base: float) -> str:
    return f"{value / base:.2f}×" if base else "n/a"


def table(f: dict[str, Any]) -> str:
    cold, snap, imp, fhir = f["cold_start_s"], f["snapshot_import"], f["import"], f["fhir_export"]
    pack, mem, back = f["mar_pack"], f["gui_peak_mb"], f["back_entry"]
    rows = [
        ("cold start to sign-in window", f"{cold['sign_in_window']:.2f} s", f"bare window {cold['bare_window']:.2f} s",
         _ratio(cold["sign_in_window"], cold["bare_window"]), "≤ 1.5×"),
        ("save a record, p95", f"{f['save_loaded']['p95_ms']:.1f} ms", f"empty database {f['save_empty']['p95_ms']:.1f} ms",
         _ratio(f["save_loaded"]["p95_ms"], f["save_empty"]["p95_ms"]), "≤ 1.5× and < 50 ms"),
        (f"patient search p95 ({f['patients']} patients)", f"{f['search']['p95_ms']:.1f} ms", "", "", "< 30 ms"),
        ("census of a 30-bed ward", f"{f['census_ward_ms']:.1f} ms", "", "", "< 100 ms"),
        ("MAR grid, 30 days", f"{f['mar_grid_ms']:.1f} ms", "", "", "< 100 ms"),
        (f"back-entry list ({back['patients']} patients)", f"first page {back['first_page_ms']:.1f} ms",
         f"read on its thread {back['read_s']:.1f} s", "", "responsive"),
        (f"EHR snapshot import ({snap['records']} records)", f"{snap['records_per_s']}/s",
         f"executemany {snap['executemany_per_s']}/s", _ratio(snap["records_per_s"], snap["executemany_per_s"]), "≥ 0.25×"),
        (f"import of the merge ({imp['records']} records)", f"{imp['records_per_s']}/s",
         f"executemany {imp['executemany_per_s']}/s", _ratio(imp["records_per_s"], imp["executemany_per_s"]), "≥ 0.25×"),
        (f"FHIR export, the hospital ({fhir['administrations']} doses)", f"{fhir['records_per_s']}/s",
         f"json.dumps {fhir['json_dumps_records_per_s']}/s", _ratio(fhir["records_per_s"], fhir["json_dumps_records_per_s"]),
         "≥ 0.2×"),
        (f"merge of {f['laptops']['count']} laptop exports", f"{f['merge_s']:.1f} s", "", "", ""),
        (f"ward MAR pack ({pack['patients']} patients × 3 days)", f"{pack['seconds']:.2f} s (first {pack['first_s']:.2f} s)",
         f"bare canvas {pack['bare_canvas_s']:.2f} s", _ratio(pack["seconds"], pack["bare_canvas_s"]), "≤ 2×"),
        ("GUI peak memory, main window", f"{mem['main_window']} MB", f"bare window {mem['bare_window']} MB", "", "< 300 MB"),
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(5)]
    lines = [f"Downtime benchmark, scale {f['scale']}, {'encrypted' if f['encrypted'] else 'unencrypted'} databases:"
             f" {f['laptops']['count']} laptops, {f['laptops']['records']} records"
             f" (built in {f['laptops']['build_s']} s, exported in {f['laptops']['export_s_each']} s each)"]
    lines += ["  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m downtime.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="small")
    parser.add_argument("--keep", type=Path, help="build in this new folder and keep the databases and exports")
    parser.add_argument("--unencrypted", action="store_true", help="plain SQLite databases, as `setup --unencrypted` makes")
    args = parser.parse_args(argv)

    def report(step: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {step}…", file=sys.stderr, flush=True)

    if args.keep is not None:
        args.keep.mkdir(parents=True)
        figures = run(args.scale, args.keep, report, not args.unencrypted)
    else:
        with tempfile.TemporaryDirectory(prefix="downtime-bench-") as folder:
            figures = run(args.scale, Path(folder), report, not args.unencrypted)
    print(json.dumps(figures))
    print(table(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
