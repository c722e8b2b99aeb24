"""`python -m downtime.bench [--scale tiny|small|hospital]`: how fast the app is at scale, each
figure measured beside its baseline in the same run so the ratio holds on a noisy machine.
Prints one JSON object, then a readable table. Deterministic (seeded) data.

Measured so far: cold start of the sign-in window vs a bare PySide6 window, saving a record on
an empty vs a loaded database (p50/p95), patient search p95, a ward's census, a patient's MAR
grid, and the FHIR export rate vs json.dumps of the same rows. The remaining figures of
issue 8 (bulk import, merge of 20 exports, MAR pack vs bare canvas, GUI memory) are not yet here.
"""

from __future__ import annotations

import argparse
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
from pathlib import Path
from typing import Any

from downtime.domain.records import local_now
from downtime.formspec import FormSpec, load_forms
from downtime.paths import forms_dir
from downtime.services import census, medication, records, search, setup, staff, wards
from downtime.services.context import Session, load_device
from downtime.services.demo import build_demo
from downtime.storage import open_database

SCALES = {"tiny": {"admissions": 20, "saves": 10, "searches": 20},
          "small": {"admissions": 500, "saves": 50, "searches": 100},
          "hospital": {"admissions": 10_000, "saves": 100, "searches": 100}}
BEDS = 30
SURNAMES = ("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
            "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier")
GIVEN = ("Marie", "Jean", "Pierre", "Nathalie", "Isabelle", "Philippe", "Sophie", "Nicolas", "Camille", "Louis")


def _ms(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {"p50_ms": round(statistics.median(ordered) * 1000, 2),
            "p95_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000, 2)}


def _timed(call: Callable[[], Any]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def _admission(rng: random.Random, number: int, clock_now: Any) -> dict[str, Any]:
    born = clock_now.date() - timedelta(days=rng.randint(18 * 365, 95 * 365))
    return {"unidentified": False, "birth_name": rng.choice(SURNAMES), "given_names": rng.choice(GIVEN),
            "sex": rng.choice(("female", "male")), "birth_date": born.isoformat(), "identity_status": "provisional",
            "arrival_at": (clock_now - timedelta(hours=rng.randint(1, 700))).isoformat(timespec="minutes"),
            "admission_mode": "emergency", "reason": "Synthetic benchmark admission",
            "ward": f"B{number // BEDS:03d}", "bed": str(number % BEDS + 1), "admitting_clinician": "Dr Bench", "allergy_status": "nka", "resuscitation": "full"}


def _nurse(db: Any, forms: dict[str, FormSpec]) -> Session:
    return Session(db, load_device(db), staff.sign_in(db, "nurse", "1111", local_now), forms, local_now)


def _save_times(session: Session, rng: random.Random, count: int, offset: int) -> list[float]:
    now = local_now()
    return [_timed(lambda n=n: records.save_new(session, "admission", _admission(rng, offset + n, now)))
            for n in range(count)]


def _cold_start(code: str) -> float:
    """Seconds for a fresh Python process to show a window and quit (offscreen)."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                   env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    return time.perf_counter() - start


BARE_WINDOW = ("from PySide6.QtWidgets import QApplication, QWidget\n"
               "app = QApplication([]); w = QWidget(); w.show(); app.processEvents()")
SIGN_IN_WINDOW = ("from pathlib import Path\nfrom PySide6.QtWidgets import QApplication\n"
                  "from downtime.qt.sign_in import SignInDialog\nfrom downtime.services.context import Vault\n"
                  "from downtime.domain.records import local_now\n"
                  "app = QApplication([]); d = SignInDialog(Vault(Path('x.sqlite')), local_now, 'bench'); d.show();"
                  " app.processEvents()")


def run(scale: str, folder: Path) -> dict[str, Any]:
    sizes = SCALES[scale]
    rng = random.Random(20261128)
    forms = load_forms(forms_dir())
    figures: dict[str, Any] = {"scale": scale}

    figures["cold_start_s"] = {"sign_in_window": round(min(_cold_start(SIGN_IN_WINDOW) for _ in range(3)), 3),
                               "bare_window": round(min(_cold_start(BARE_WINDOW) for _ in range(3)), 3)}

    empty = open_database(folder / "empty.sqlite")
    setup.initialise(empty, device_number=1, device_name="bench empty", admin_id="admin", admin_name="A",
                     admin_pin="0000")
    admin = Session(empty, load_device(empty), staff.sign_in(empty, "admin", "0000"), forms)
    staff.add_staff(admin, "nurse", "Nurse", staff.Role.WARD_NURSE, "1111")
    figures["save_empty"] = _ms(_save_times(_nurse(empty, forms), rng, sizes["saves"], 0))

    loaded = open_database(folder / "loaded.sqlite")
    build_demo(loaded, forms)
    demo_admin = Session(loaded, load_device(loaded), staff.sign_in(loaded, "admin", "0000"), forms)
    for ward in range((sizes["admissions"] + sizes["saves"]) // BEDS + 1):
        wards.add_ward(demo_admin, f"B{ward:03d}", f"Bench ward {ward}", [str(bed) for bed in range(1, BEDS + 1)])
    nurse = _nurse(loaded, forms)
    build_start = time.perf_counter()
    _save_times(nurse, rng, sizes["admissions"], 0)
    figures["load_admissions"] = {"count": sizes["admissions"],
                                  "seconds": round(time.perf_counter() - build_start, 2)}
    figures["save_loaded"] = _ms(_save_times(nurse, rng, sizes["saves"], sizes["admissions"]))

    figures["search"] = _ms([_timed(lambda: search.search(loaded, forms, rng.choice(SURNAMES)))
                             for _ in range(sizes["searches"])])
    figures["census_ward_ms"] = round(_timed(lambda: census.census(loaded, forms, ward="3B")) * 1000, 2)
    patient = census.in_patients(loaded, forms, ward="3B")[0]
    today = local_now().date()
    figures["mar_grid_ms"] = round(_timed(lambda: medication.mar_grid(
        loaded, patient.patient_id, today - timedelta(days=29), 30, local_now())) * 1000, 2)

    from downtime.sync.fhir_export import transaction_bundle

    rows = list(loaded.query("SELECT * FROM records"))
    fhir_s = _timed(lambda: transaction_bundle(loaded, forms, 1, 10**12, local_now(), "bench"))
    dumps_s = _timed(lambda: json.dumps(rows))
    figures["fhir_export"] = {"records": len(rows), "records_per_s": round(len(rows) / fhir_s),
                              "json_dumps_records_per_s": round(len(rows) / max(dumps_s, 1e-9))}
    return figures


def table(figures: dict[str, Any]) -> str:
    cold = figures["cold_start_s"]
    lines = [f"Downtime benchmark — scale {figures['scale']}",
             f"  cold start, sign-in window      {cold['sign_in_window']:>9.3f} s   (bare window {cold['bare_window']:.3f} s,"
             f" ratio {cold['sign_in_window'] / cold['bare_window']:.2f}; target ≤ 1.5)",
             f"  save a record, empty database   p50 {figures['save_empty']['p50_ms']:>7.1f} ms  "
             f"p95 {figures['save_empty']['p95_ms']:.1f} ms",
             f"  save a record, loaded database  p50 {figures['save_loaded']['p50_ms']:>7.1f} ms  "
             f"p95 {figures['save_loaded']['p95_ms']:.1f} ms   (after {figures['load_admissions']['count']} "
             f"extra admissions; target p95 ≤ 1.5× empty and < 50 ms)",
             f"  patient search                  p95 {figures['search']['p95_ms']:>7.1f} ms   (target < 30 ms)",
             f"  census of ward 3B               {figures['census_ward_ms']:>11.1f} ms   (target < 100 ms)",
             f"  MAR grid, 30 days               {figures['mar_grid_ms']:>11.1f} ms   (target < 100 ms)",
             f"  FHIR export                     {figures['fhir_export']['records_per_s']:>9} records/s  "
             f"(json.dumps {figures['fhir_export']['json_dumps_records_per_s']} records/s; target ≥ 1/5)"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m downtime.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="small")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="downtime-bench-") as folder:
        figures = run(args.scale, Path(folder))
    print(json.dumps(figures))
    print(table(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
