"""The command line's lists and the retirement's refusal say their times on the ward's clock,
whatever offset they were stored with (a record typed on a laptop set to UTC, merged here, or a
stick exported on one): `downtime records` listed an observation taken at 13:00 as "28/11/2026
12:00", `downtime paper-numbers` a reservation an hour early, and a retirement refused "written
after the last export (28/11/2026 13:00)" of a stick made at 14:00."""

from datetime import UTC, datetime

import pytest

from downtime.cli import main
from downtime.services import cd_register, paper_numbers, records, staff
from downtime.services.context import Session
from downtime.services.errors import ServiceError
from downtime.services.retire import retire
from downtime.sync.export import export
from tests.test_observations import CALM
from tests.test_retire import exported_ward  # noqa: F401  (the fixture)


def test_records_and_paper_numbers_list_their_times_on_the_wards_clock(db_path, session_for, patient, clock, capsys):
    nurse = session_for("nurse")
    records.save_new(nurse, "observations", {**CALM, "taken_at": "2026-11-28T12:00+00:00"}, patient_id=patient)
    clock.now = clock.now.astimezone(UTC)
    paper_numbers.reserve(nurse, 1)
    signed = ["--db", str(db_path), "--user", "nurse", "--pin", "1111"]
    capsys.readouterr()
    assert main(["records", "--form", "observations", *signed]) == 0
    assert capsys.readouterr().out.rstrip().endswith("28/11/2026 13:00")
    assert main(["paper-numbers", *signed]) == 0
    assert "  28/11/2026 14:00  " in capsys.readouterr().out


def test_the_retirement_says_the_last_export_on_the_wards_clock(exported_ward, tmp_path, clock,  # noqa: F811
                                                                forms, admission_values):
    vault, admin = exported_ward
    clock.now = datetime.fromisoformat("2026-11-28T13:00+00:00")
    export(admin, tmp_path / "stick-on-utc")
    clock.now = datetime.fromisoformat("2026-11-28T14:30+01:00")
    nurse = Session(vault.db, admin.device, staff.sign_in(vault.db, "nurse", "1111", clock), forms, clock, vault=vault)
    records.save_new(nurse, "admission", {**admission_values, "bed": "2", "nir": ""})
    with pytest.raises(ServiceError) as refused:
        retire(admin, tmp_path / "archive", 3)
    assert "written after the last export (28/11/2026 14:00)" in str(refused.value)


def test_the_register_lines_to_strike_are_listed_on_the_wards_clock(session_for, medication_ward, db_path, clock,
                                                                    capsys):
    """Received at 14:00 on a laptop set to UTC: `cd strike` listed the line "28/11/2026 13:00"."""
    clock.now = clock.now.astimezone(UTC)
    cd_register.cd_receive(session_for("nurse"), "3B", "Morphine", "mg", 20, witness=("doctor", "2222"))
    capsys.readouterr()
    assert main(["cd", "strike", "--ward", "3B", "--drug", "Morphine", "--unit", "mg", "--db", str(db_path),
                 "--user", "nurse", "--pin", "1111"]) == 0
    assert "  28/11/2026 14:00 — receipt — 20 mg" in capsys.readouterr().out
