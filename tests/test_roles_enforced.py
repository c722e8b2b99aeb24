"""Roles are enforced in the services, not only hidden in the screens: every service that
writes or reveals something is called by a role that must be refused, and nothing is written."""

from pathlib import Path

import pytest

from downtime.domain.staff import Role
from downtime.services import back_entry, backups, cd_register, medication, records, settings, staff, theatre, wards
from downtime.services.errors import AccountDeactivated, PermissionDenied
from downtime.sync.export import export
from downtime.sync.importing import import_path

SNAPSHOT = Path(__file__).parent / "data" / "snapshot"

CASES = {
    "admission by a surgical coordinator": ("coord", lambda s, ids, v: records.save_new(s, "admission", v)),
    "amendment by records staff": ("records", lambda s, ids, v: records.amend(
        s, ids["admission"], {**v, "bed": "3"}, "wrong bed")),
    "entered in error by an administrator": ("admin", lambda s, ids, v: records.mark_entered_in_error(
        s, ids["admission"], "wrong patient")),
    "medication order by a nurse": ("nurse", lambda s, ids, v: records.save_new(s, "medication_order", {
        "drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "once",
        "start_at": "2026-11-28T10:00+01:00", "controlled": False, "high_alert": False},
        patient_id=ids["patient"])),
    "dose by records staff": ("records", lambda s, ids, v: medication.record_dose(s, ids["order"], {
        "outcome": "given", "given_for": "pain", "given_at": "2026-11-28T14:00+01:00"})),
    "controlled-drug stock by a coordinator": ("coord", lambda s, ids, v: cd_register.cd_receive(
        s, "3B", "Morphine", "mg", 10, ("doctor", "2222"))),
    "operation booking by a nurse": ("nurse", lambda s, ids, v: theatre.book(s, ids["patient"], {})),
    "staff account by a doctor": ("doctor", lambda s, ids, v: staff.add_staff(s, "x9", "X", Role.DOCTOR, "1234")),
    "staff deactivation by a nurse": ("nurse", lambda s, ids, v: staff.deactivate_staff(s, "doctor")),
    "ward by a nurse": ("nurse", lambda s, ids, v: wards.add_ward(s, "9Z", "Z", ["1"])),
    "setting by records staff": ("records", lambda s, ids, v: settings.set_label_stock(s, "L7159")),
    "backup policy by a nurse": ("nurse", lambda s, ids, v: backups.set_backup_policy(s, Path("/tmp"), 15, 3)),
    "import by a nurse": ("nurse", lambda s, ids, v: import_path(s, SNAPSHOT)),
    "back-entry tick by a doctor": ("doctor", lambda s, ids, v: back_entry.mark_entered(
        s, ids["admission"], 1, "EHR-1")),
    "EHR link by a nurse": ("nurse", lambda s, ids, v: back_entry.link_patient(s, "DT-042-00001-6", "1")),
}


@pytest.fixture
def ids(session_for, medication_ward):
    patient, amoxicillin, _ = medication_ward
    admission = records.list_current(session_for("nurse").db, "admission")[0]
    return {"patient": patient, "order": amoxicillin, "admission": admission.record_id}


def test_every_role_may_read_and_export(session_for, ids, tmp_path):
    for number, role in enumerate(("nurse", "doctor", "coord", "records", "admin")):
        export(session_for(role), tmp_path / f"export-{number}")


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_role_that_must_be_refused_is_refused_and_nothing_is_written(session_for, ids, admission_values, case):
    role, call = CASES[case]
    session = session_for(role)
    count = session.db.execute("SELECT COUNT(*) FROM records").fetchone()[0]
    with pytest.raises(PermissionDenied):
        call(session, ids, admission_values)
    assert session.db.execute("SELECT COUNT(*) FROM records").fetchone()[0] == count


STILL_SIGNED_IN = {
    "admission by a nurse": ("nurse", CASES["admission by a surgical coordinator"][1]),
    "amendment by a nurse": ("nurse", CASES["amendment by records staff"][1]),
    "dose by a nurse": ("nurse", lambda s, ids, v: medication.record_dose(s, ids["order"], {
        "outcome": "given", "given_for": "pain", "given_at": "2026-11-28T14:00+01:00"})),
    "medication order by a doctor": ("doctor", CASES["medication order by a nurse"][1]),
    "back-entry tick by records staff": ("records", CASES["back-entry tick by a doctor"][1]),
    "controlled-drug stock by a nurse": ("nurse", CASES["controlled-drug stock by a coordinator"][1]),
}


@pytest.mark.parametrize("case", sorted(STILL_SIGNED_IN))
def test_a_person_deactivated_while_signed_in_can_no_longer_write(session_for, ids, admission_values, case):
    """An administrator deactivated the account (at another window of the app, or with
    `downtime staff deactivate`) while its holder was signed in: that session went on recording."""
    staff_id, call = STILL_SIGNED_IN[case]
    session = session_for(staff_id)
    staff.deactivate_staff(session_for("admin"), staff_id)
    written = [session.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in ("records", "audit")]
    with pytest.raises(AccountDeactivated, match=f"{session.user.name}'s account has been deactivated"):
        call(session, ids, admission_values)
    assert [session.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("records", "audit")] == written
