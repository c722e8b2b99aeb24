"""A newer snapshot that leaves out patients an earlier one loaded (discharged or moved in the EHR
since) is not loaded over them: a snapshot never discharges anyone. When one of its patient lines
is refused (their bed still held by a patient it leaves out), the refusal names those patients,
so that the clerk records their discharge or transfer first, then loads it again."""

import shutil
from datetime import datetime
from pathlib import Path

import pytest

from downtime.services import census, records
from downtime.sync.importing import import_path
from downtime.sync.outcome import ImportRefused

SNAPSHOT = Path(__file__).parent / "data" / "snapshot"

LEFT_OUT = ("{problem}\nNot in this snapshot, loaded from an earlier one: {patients}. Discharged or moved in the EHR? "
            "Record their discharge or transfer on this laptop first, then load this snapshot again (a snapshot never "
            "discharges anyone).")


@pytest.fixture
def yesterdays(session_for, clock, tmp_path):
    """Yesterday's snapshot loaded at 15:00 on 28/11: Mrs Lefèvre in bed 12, Mr Nguyen in bed 4."""
    clock.now = datetime.fromisoformat("2026-11-28T15:00+01:00")
    snapshot = Path(shutil.copytree(SNAPSHOT, tmp_path / "yesterday"))
    import_path(session_for("records"), snapshot)
    return snapshot


@pytest.fixture
def todays(yesterdays, clock, tmp_path):
    """The EHR's extract of 10:00 on 29/11: Mr Nguyen (P002) gone home, Mr Durand (P003) in bed 4."""
    clock.now = datetime.fromisoformat("2026-11-29T10:00+01:00")
    snapshot = Path(shutil.copytree(yesterdays, tmp_path / "today"))
    patients = (snapshot / "patients.csv").read_text(encoding="utf-8").splitlines()
    stays = (snapshot / "stays.csv").read_text(encoding="utf-8").splitlines()
    (snapshot / "patients.csv").write_text("\n".join(
        [*patients[:2], "P003,Durand,,Paul,male,1950-01-02,,provisional,800125"]) + "\n", encoding="utf-8")
    (snapshot / "stays.csv").write_text("\n".join(
        [*stays[:2], "P003,2026-11-29T07:00+01:00,direct,Cellulitis,3B,4,Dr Vasseur,nka,not_discussed,"]) + "\n",
        encoding="utf-8")
    return snapshot


def _beds(session):
    return {row.bed: row.patient.display_name for row in census.census(session.db, session.forms, "3B") if row.patient}


def _counts(db):
    return {table: db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in ("patients", "records", "audit")}


def test_a_newer_snapshot_refused_for_a_bed_names_who_it_leaves_out(session_for, todays):
    clerk = session_for("records")
    before = _counts(clerk.db)
    with pytest.raises(ImportRefused) as refused:
        import_path(clerk, todays)
    said = str(refused.value)
    assert said.startswith("patients.csv, line 3 (stays.csv, line 3): Bed 4 of ward 3B is taken by NGUYEN Van Minh"), said
    assert said.endswith("\nNot in this snapshot, loaded from an earlier one: NGUYEN Van Minh (DT-042-00002-6, 3B / 4). "
                         "Discharged or moved in the EHR? Record their discharge or transfer on this laptop first, "
                         "then load this snapshot again (a snapshot never discharges anyone)."), said
    assert _counts(clerk.db) == before


def test_the_patients_left_out_are_named_in_the_readers_language(session_for, todays, french):
    french(LEFT_OUT, "{problem}\nAbsents de cet instantané, chargés d’un instantané précédent : {patients}. Sortis "
                     "ou transférés dans le DPI ? Enregistrez d’abord leur sortie ou leur transfert sur ce portable, "
                     "puis chargez de nouveau cet instantané (un instantané ne fait jamais sortir personne).")
    with pytest.raises(ImportRefused) as refused:
        import_path(session_for("records"), todays)
    said = refused.value.text("fr")
    assert "\nAbsents de cet instantané, chargés d’un instantané précédent : NGUYEN Van Minh (DT-042-00002-6, 3B / 4)." in said


def test_a_patient_admitted_on_the_ward_is_not_said_left_out(session_for, admission_values, todays):
    """Mrs Roux, admitted by hand into bed 7, was never in a snapshot: her absence from the EHR's
    extract says nothing of her."""
    records.save_new(session_for("nurse"), "admission",
                     {**admission_values, "birth_name": "Roux", "given_names": "Anne", "bed": "7",
                      "arrival_at": "2026-11-29T08:00+01:00"})
    with pytest.raises(ImportRefused) as refused:
        import_path(session_for("records"), todays)
    assert "ROUX" not in str(refused.value).split("\n")[1], str(refused.value)


def test_once_the_patient_left_out_is_discharged_the_newer_snapshot_loads(session_for, todays):
    nurse = session_for("nurse")
    nguyen = next(patient for patient in census.in_patients(nurse.db, nurse.forms) if patient.bed == "4")
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-29T06:30+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=nguyen.patient_id)
    result = import_path(session_for("records"), todays)
    assert (result.added, result.unchanged) == ({"patient": 1}, {"patient": 1, "order": 2, "session": 1, "booking": 1})
    assert _beds(nurse) == {"4": "DURAND Paul", "12": "LEFÈVRE Hélène Marie"}


def test_a_refusal_with_no_patient_left_out_is_said_as_before(session_for, yesterdays, clock):
    """Yesterday's snapshot again, Mr Nguyen's stay now in Mrs Lefèvre's bed: every patient it
    loaded before is in it, and the refusal is the line's alone."""
    stays = yesterdays / "stays.csv"
    stays.write_text(stays.read_text(encoding="utf-8").replace(",3B,4,", ",3B,12,"), encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        import_path(session_for("records"), yesterdays)
    assert "Not in this snapshot" not in str(refused.value), str(refused.value)
