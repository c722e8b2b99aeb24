"""A newer snapshot that loads, leaving out a patient an earlier one loaded (discharged or moved in
the EHR since, their bed not given to another), names them in the import's result for the ward
to record their discharge or transfer: loaded without a word, the ward kept them in their bed,
their medication chart running. A snapshot of no patient (theatre sessions alone) says nothing
of who is on the ward."""

from pathlib import Path

import pytest

from downtime.sync.importing import import_path
from tests.test_snapshot_left_out import todays, yesterdays  # noqa: F401 (fixtures)

LEFT_OUT_LOADED = ("Not in this snapshot, loaded from an earlier one: {patients}. Discharged or moved in the EHR? "
                   "Record their discharge or transfer on this laptop.")


@pytest.fixture
def todays_in_bed_5(todays: Path) -> Path:  # noqa: F811
    """Today's extract with Mr Durand in bed 5: Mr Nguyen's bed 4 is not wanted, nothing refused."""
    stays = todays / "stays.csv"
    stays.write_text(stays.read_text(encoding="utf-8").replace(",3B,4,", ",3B,5,"), encoding="utf-8")
    return todays


def test_a_newer_snapshot_loaded_names_who_it_leaves_out(session_for, todays_in_bed_5):
    result = import_path(session_for("records"), todays_in_bed_5)
    assert result.added == {"patient": 1}
    assert [said.text("en") for said in result.to_check] == [
        "Not in this snapshot, loaded from an earlier one: NGUYEN Van Minh (DT-042-00002-6, 3B / 4). Discharged or "
        "moved in the EHR? Record their discharge or transfer on this laptop."]


def test_the_patients_left_out_of_a_loaded_snapshot_are_named_in_the_readers_language(session_for, todays_in_bed_5,
                                                                                      french):
    french(LEFT_OUT_LOADED, "Absents de cet instantané, chargés d’un instantané précédent : {patients}. Sortis ou "
                            "transférés dans le DPI ? Enregistrez leur sortie ou leur transfert sur ce portable.")
    (said,) = import_path(session_for("records"), todays_in_bed_5).to_check
    assert said.text("fr") == ("Absents de cet instantané, chargés d’un instantané précédent : NGUYEN Van Minh "
                               "(DT-042-00002-6, 3B / 4). Sortis ou transférés dans le DPI ? Enregistrez leur sortie "
                               "ou leur transfert sur ce portable.")


def test_the_same_snapshot_loaded_again_says_nobody_left_out(session_for, yesterdays):  # noqa: F811
    assert import_path(session_for("records"), yesterdays).to_check == ()


def test_a_snapshot_of_theatre_sessions_alone_says_nobody_left_out(session_for, yesterdays, tmp_path):  # noqa: F811
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    (sessions / "theatre_sessions.csv").write_text(
        "session_key,theatre,specialty,starts_at,ends_at\n"
        "S-2,Theatre 3,Orthopaedics,2026-12-01T08:00+01:00,2026-12-01T13:00+01:00\n", encoding="utf-8")
    result = import_path(session_for("records"), sessions)
    assert (result.added, result.to_check) == ({"session": 1}, ())

