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


def _copied(tmp_path: Path) -> Path:
    """The sample snapshot, saying the time of its extract (one saying none is said so too)."""
    snapshot = Path(shutil.copytree(SNAPSHOT, tmp_path / "snapshot"))
    (snapshot / "snapshot.csv").write_text("taken_at\n2026-11-28T06:00+01:00\n", encoding="utf-8")
    return snapshot


def _with_penicillin_for_nguyen(tmp_path: Path, status: str) -> Path:
    """Mr Nguyen (P002, bed 4) with `status` on his stays.csv line (line 3) and a penicillin
    anaphylaxis on allergies.csv's line 4."""
    snapshot = _copied(tmp_path)
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


def _nguyens_allergy_line(tmp_path: Path, line: str) -> Path:
    """The ward's CSV snapshot with this line added to allergies.csv (its line 4), for Mr Nguyen."""
    snapshot = _copied(tmp_path)
    with (snapshot / "allergies.csv").open("a", encoding="utf-8") as handle:
        handle.write(f"P002,{line}\n")
    return snapshot


def test_a_csv_allergy_saying_no_known_allergies_is_no_allergy(clerk, tmp_path):
    """"NKDA" on allergies.csv loaded as an allergy to a substance so named, printed in red."""
    result = import_path(clerk, _nguyens_allergy_line(tmp_path, "NKDA,,"))
    nguyen = _nguyen(clerk)
    assert (nguyen.allergy_status, nguyen.allergies) == ("nka", ())
    assert [phrase.text("en") for phrase in result.to_check] == [
        "allergies.csv, line 4: “NKDA” names no allergy (no known allergies, or not known yet): not loaded as one. "
        "The patient's allergy status is the snapshot's own; ask the ward to check it with them."]


def test_a_csv_allergys_long_reaction_is_cut_and_said_not_refused(clerk, tmp_path):
    long = "Anaphylaxis in theatre 2019 requiring adrenaline x3; " * 5
    result = import_path(clerk, _nguyens_allergy_line(tmp_path, f"Penicillin,{long},severe"))
    assert _nguyen(clerk).allergies == ("Penicillin",)
    said = [phrase.text("en") for phrase in result.to_check]
    assert said[-1] == ("patients.csv, line 3 (stays.csv, line 3): the allergy “Penicillin”: reaction is longer than "
                        "the admission keeps (200 characters): loaded cut, ending “…”. Read it whole in the EHR's copy.")


def test_a_csv_allergy_status_listing_only_no_known_allergies_loads_as_not_known(clerk, tmp_path):
    """"allergies" on the stays.csv line and "None" its only allergy line: nothing names an
    allergy, and nothing says the patient was asked either."""
    snapshot = _with_penicillin_for_nguyen(tmp_path, "allergies")
    (snapshot / "allergies.csv").write_text((snapshot / "allergies.csv").read_text(encoding="utf-8").replace(
        "P002,Penicillin,Anaphylaxis,severe", "P002,None,,"), encoding="utf-8")
    import_path(clerk, snapshot)
    assert (_nguyen(clerk).allergy_status, _nguyen(clerk).allergies) == ("unknown", ())
