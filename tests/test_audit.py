import pytest

from downtime.services import records
from downtime.storage.audit import verify_chain
from downtime.storage.integrity import check_database


@pytest.fixture
def filled(session_for, admission_values):
    nurse = session_for("nurse")
    first = records.save_new(nurse, "admission", admission_values)
    records.amend(nurse, first.record_id, {**admission_values, "bed": "14"}, "bed change")
    records.save_new(nurse, "admission", {**admission_values, "bed": "15"})
    return nurse.db


def _unlock(db):
    for table in ("records", "patients", "audit"):
        for verb in ("update", "delete"):
            db.execute(f"DROP TRIGGER {table}_no_{verb}")


def test_untouched_database_verifies(filled):
    assert verify_chain(filled) is None
    assert check_database(filled) is None


def test_every_write_and_sign_in_is_in_the_audit_log(filled):
    actions = [row["action"] for row in filled.query("SELECT action FROM audit ORDER BY seq")]
    assert actions.count("record.create") == 2 and actions.count("record.amend") == 1
    assert actions.count("patient.allocate") == 2 and "sign_in" in actions


def test_altered_record_is_detected(filled):
    _unlock(filled)
    filled.execute("UPDATE records SET data = replace(data, 'Lef', 'Laf') WHERE version = 1")
    problem = verify_chain(filled)
    assert problem is not None and "altered" in str(problem) and problem.seq


def test_deleted_record_is_detected(filled):
    _unlock(filled)
    filled.execute("DELETE FROM records WHERE version = 2")
    assert "deleted" in str(verify_chain(filled))


def test_altered_audit_entry_is_detected(filled):
    _unlock(filled)
    filled.execute("UPDATE audit SET actor = 'someone' WHERE seq = 5")
    problem = verify_chain(filled)
    assert problem is not None and problem.seq == 5 and "altered" in str(problem)


def test_removed_audit_entry_is_detected(filled):
    _unlock(filled)
    filled.execute("DELETE FROM audit WHERE seq = 4")
    problem = verify_chain(filled)
    assert problem is not None and problem.seq == 4 and "missing" in str(problem)


def test_reordered_audit_entries_are_detected(filled):
    _unlock(filled)
    filled.execute("UPDATE audit SET seq = -1 WHERE seq = 6")
    filled.execute("UPDATE audit SET seq = 6 WHERE seq = 7")
    filled.execute("UPDATE audit SET seq = 7 WHERE seq = -1")
    problem = verify_chain(filled)
    assert problem is not None and problem.seq == 6


def test_row_inserted_outside_the_app_is_detected(filled):
    filled.execute("INSERT INTO staff (staff_id, name, role, pin_hash, created_at)"
                   " VALUES ('intruder', 'X', 'administrator', 'x', 'now')")
    assert "no audit entry" in str(verify_chain(filled))


def test_staff_role_changed_with_sql_is_detected(filled):
    filled.execute("UPDATE staff SET role = 'administrator' WHERE staff_id = 'nurse'")
    assert "staff row nurse" in str(verify_chain(filled))
