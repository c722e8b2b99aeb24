"""An admission kept under an older version of its form, opened and amended once the app ships a
later one that withdrew one of its answers (see tests/test_older_form_versions.py)."""

from __future__ import annotations

import pytest

from downtime.qt.form_view import FormView
from downtime.services import records, staff, wards
from downtime.services.context import Session, Vault, load_device
from tests.conftest import STAFF
from tests.test_older_form_versions import MIDWIFE_NOTE, later_forms


@pytest.fixture
def kept_before(session_for, admission_values):
    """An admission saved under the current forms, in protective isolation on a pork-free diet."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    return records.save_new(session_for("nurse"), "admission", {
        **admission_values, "isolation": "protective", "diet": ["diabetic", "no_pork"]})


@pytest.mark.parametrize("kept, isolation, diet", [
    (True, "Protective isolation", "Diabetic, No pork"),
    (False, "protective (no longer on the form)", "Diabetic, no_pork (no longer on the form)")])
def test_an_answer_the_form_withdrew_is_shown_and_kept_by_an_amendment(
        qtbot, answers, tmp_path, kept_before, ward_db, db_path, clock, kept, isolation, diet):
    user = staff.sign_in(ward_db, "nurse", STAFF["nurse"][2], clock)
    nurse = Session(ward_db, load_device(ward_db), user, later_forms(tmp_path, kept=kept), clock, "en",
                    vault=Vault(db_path, ward_db))
    view = FormView(nurse, nurse.form("admission"), record=records.current(nurse.db, kept_before.record_id))
    qtbot.addWidget(view)
    assert (view.editors["isolation"].display_text(), view.editors["diet"].display_text()) == (isolation, diet)
    view.start_amend()
    view.editors["weight_kg"].set_raw("63")
    script, _ = answers
    script["reason"] = ["weighed again"]
    view.save()
    after = records.current(nurse.db, kept_before.record_id)
    assert (after.version, after.data["weight_kg"]) == (2, 63)
    assert (after.data["isolation"], after.data["diet"]) == ("protective", ["diabetic", "no_pork"])


def test_a_new_admission_is_not_offered_a_retired_answer(qtbot, tmp_path, ward_db, db_path, clock):
    user = staff.sign_in(ward_db, "nurse", STAFF["nurse"][2], clock)
    nurse = Session(ward_db, load_device(ward_db), user, later_forms(tmp_path), clock, "en",
                    vault=Vault(db_path, ward_db))
    view = FormView(nurse, nurse.form("admission"))
    qtbot.addWidget(view)
    combo = view.editors["isolation"].combo
    offered = [combo.itemText(index) for index in range(combo.count())]
    assert "Airborne precautions" in offered and "Protective isolation" not in offered
    assert "no_pork" not in view.editors["diet"].boxes


def test_a_renamed_answer_shows_in_its_new_field_and_an_amendment_keeps_it(
        qtbot, answers, tmp_path, session_for, patient, ward_db, db_path, clock):
    note = records.save_new(session_for("nurse"), "clinical_note", MIDWIFE_NOTE, patient_id=patient)
    user = staff.sign_in(ward_db, "nurse", STAFF["nurse"][2], clock)
    nurse = Session(ward_db, load_device(ward_db), user, later_forms(tmp_path), clock, "en", vault=Vault(db_path, ward_db))
    view = FormView(nurse, nurse.form("clinical_note"), record=records.current(nurse.db, note.record_id))
    qtbot.addWidget(view)
    assert view.editors["problem"].raw() == "Fall at 10:40"
    view.start_amend()
    view.editors["note"].set_raw("Found on the floor, no head injury.")
    script, _ = answers
    script["reason"] = ["completed"]
    view.save()
    after = records.current(nurse.db, note.record_id)
    assert (after.version, after.data["problem"], after.data["discipline"]) == (2, "Fall at 10:40", "midwifery")
