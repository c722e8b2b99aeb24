"""An allergy the EHR's extract lists in allergies.csv is loaded whatever the patient's stays.csv
line says of their allergy status: a status of "no known allergies" or "not known" beside it
loaded the patient with none, the anaphylaxis dropped without a word. The contradiction is said
in the import's result, both lines named, for the ward to check."""

import shutil
from pathlib import Path

import pytest

from downtime.services import census
from downtime.sync.importing import import_path

SNAPSHOT = Path(__file__).parent / "data" / "snapshot"


@pytest.fixture
def clerk(session_for):
    return session_for("records")


def _with_penicillin_for_nguyen(tmp_path: Path, status: str) -> Path:
    """Mr Nguyen (P002, bed 4) with `status` on his stays.csv line (line 3) and a penicillin
    anaphylaxis on allergies.csv's line 4."""
    snapshot = Path(shutil.copytree(SNAPSHOT, tmp_path / "snapshot"))
    stays = snapshot / "stays.csv"
    stays.write_text(stays.read_text(encoding="utf-8").replace("Dr Vasseur,nka,", f"Dr Vasseur,{status},"),
                     encoding="utf-8")
    with (snapshot / "allergies.csv").open("a", encoding="utf-8") as handle:
        handle.write("P002,Penicillin,Anaphylaxis,severe\n")
    return snapshot


def _nguyen(clerk):
    return next(row.patient for row in census.census(clerk.db, clerk.forms, "3B") if row.patient and row.bed == "4")


@pytest.mark.parametrize("status", ["nka", "unknown"])
def test_an_allergy_listed_beside_a_status_saying_none_is_loaded_and_said(clerk, tmp_path, status):
    result = import_path(clerk, _with_penicillin_for_nguyen(tmp_path, status))
    nguyen = _nguyen(clerk)
    assert (nguyen.allergy_status, nguyen.allergies) == ("allergies", ("Penicillin",))
    said = [phrase.text("en") for phrase in result.to_check]
    assert said == [f"patients.csv, line 3 (stays.csv, line 3): allergy_status is {status!r}, but allergies.csv, "
                    "line 4 lists an allergy: loaded as \"Allergies listed below\", the allergy kept. Ask the ward to "
                    "check the patient's allergies with them or their family."], said


def test_an_allergy_beside_no_known_allergy_loads_again_unchanged(clerk, tmp_path):
    snapshot = _with_penicillin_for_nguyen(tmp_path, "nka")
    import_path(clerk, snapshot)
    again = import_path(clerk, snapshot)
    assert (again.added, again.unchanged["patient"]) == ({}, 2)


@pytest.mark.parametrize("status", ["allergies", ""])
def test_allergies_listed_with_their_status_or_none_are_loaded_without_a_word(clerk, tmp_path, status):
    """An empty allergy status beside a listed allergy says nothing against it."""
    result = import_path(clerk, _with_penicillin_for_nguyen(tmp_path, status))
    assert _nguyen(clerk).allergies == ("Penicillin",)
    assert result.to_check == ()
