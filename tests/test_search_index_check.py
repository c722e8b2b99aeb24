"""The patient search index read against the admissions (services.search.index_problem), as the
census's movement index is: by `downtime verify`, and at the app's opening, which rebuilds it
when it disagrees (`ensure_index`). The index is derived and outside the audit chain (an FTS5
table, no trigger), yet every search trusts it: a patient not found is admitted again."""

import json

import pytest

from downtime.cli import main
from downtime.services import back_entry, records, search
from downtime.services.patients import downtime_numbers
from downtime.storage.audit import verify_chain

NIR = "254037511302312"


def _found(session, text: str) -> list[str]:
    return [patient.patient_id for patient in search.search(session.db, session.forms, text)]


@pytest.mark.parametrize("tampering", [
    "DELETE FROM patient_search",
    "UPDATE patient_search SET names = 'MARTIN', numbers = ''",
])
def test_a_search_index_edited_with_sql_is_named_and_rebuilt_at_the_opening(session_for, medication_ward, tampering):
    patient = medication_ward[0]
    nurse = session_for("nurse")
    assert search.index_problem(nurse.db, nurse.forms) is None
    nurse.db.execute(tampering)
    assert _found(nurse, "Lefèvre") == [] and _found(nurse, NIR) == []
    said = f"the patient search index disagrees with the admissions about 1 patient(s), first {patient}"
    assert search.index_problem(nurse.db, nurse.forms) == said
    assert search.ensure_index(nurse) == said
    assert _found(nurse, "Lefèvre") == [patient] and _found(nurse, NIR) == [patient]
    assert search.index_problem(nurse.db, nurse.forms) is None
    [(actor, detail)] = nurse.db.execute("SELECT actor, detail FROM audit WHERE action = 'search.rebuild'").fetchall()
    assert actor == "nurse" and json.loads(detail) == {"problem": said}
    assert verify_chain(nurse.db) is None


def test_a_stray_line_is_named(session_for, medication_ward):
    nurse = session_for("nurse")
    nurse.db.execute("INSERT INTO patient_search (rowid, patient_id, names, birth, numbers)"
                     " VALUES (999, 'someone', 'DUPONT', '', '')")
    assert search.index_problem(nurse.db, nurse.forms) == (
        "the patient search index disagrees with the admissions about 1 patient(s), first someone")


def test_an_index_that_agrees_is_left_as_it_is(session_for, medication_ward):
    nurse = session_for("nurse")
    before = nurse.db.execute("SELECT MAX(seq) FROM audit").fetchone()[0]
    assert search.ensure_index(nurse) is None
    assert nurse.db.execute("SELECT MAX(seq) FROM audit").fetchone()[0] == before


def test_an_index_kept_up_by_the_saves_agrees_with_the_admissions(session_for, admission_values, readmitted,
                                                                    medication_ward):
    """Every kind of line the saves write: a readmission's two stays, a temporary name
    identified since (it stays on the line), an EHR number linked, an admission withdrawn."""
    nurse, clerk = session_for("nurse"), session_for("records")
    unknown = {key: value for key, value in admission_values.items()
               if key not in ("birth_name", "used_name", "given_names", "nir", "birth_date", "identity_document")}
    admitted = records.save_new(nurse, "admission", {
        **unknown, "unidentified": True, "temporary_name": "INCONNU Trèfle", "bed": "7",
        "descriptor": "Woman, about 70, found in the street", "identity_status": "provisional"})
    records.amend(nurse, admitted.record_id, {**admission_values, "nir": "", "bed": "7"}, "Identified by her daughter")
    back_entry.link_patient(clerk, downtime_numbers(nurse.db, [medication_ward[0]])[medication_ward[0]], "EHR 123 456")
    withdrawn = records.save_new(nurse, "admission", {**admission_values, "nir": "", "bed": "6"})
    records.mark_entered_in_error(nurse, withdrawn.record_id, "wrong patient")
    assert search.index_problem(nurse.db, nurse.forms) is None


def test_verify_names_the_search_index_edited_with_sql(cli_demo, capsys):
    db = cli_demo(encrypted=False)
    assert main(["verify", "--db", str(db)]) == 0
    import sqlite3

    conn = sqlite3.connect(db)
    conn.execute("DELETE FROM patient_search WHERE rowid = (SELECT MIN(rowid) FROM patient_search)")
    conn.commit()
    conn.close()
    capsys.readouterr()
    assert main(["verify", "--db", str(db)]) == 1
    assert "NOT SOUND: the patient search index disagrees with the admissions about 1 patient(s)" in capsys.readouterr().err
