"""The death form's verification findings starred as required on screen where the save asks them:
no longer required by the form's `required_when` (a death of version 4 is amended without them,
services.records._check_death), a new death's form showed them unstarred."""

from downtime.qt.form_view import FormView
from downtime.services import records, wards
from tests.conftest import VERIFIED
from tests.test_death_recorded_under_version_4 import _death_of_version_4


def test_a_new_deaths_findings_are_starred_and_a_version_4_deaths_are_not(qtbot, session_for, admission_values):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    new = FormView(nurse, nurse.form("death"), patient_id=patient)
    qtbot.addWidget(new)
    assert all(new.form_labels[name].text().endswith(" *") for name in VERIFIED)
    older = FormView(nurse, nurse.form("death"), record=_death_of_version_4(nurse, patient))
    qtbot.addWidget(older)
    assert not any(older.form_labels[name].text().endswith(" *") for name in VERIFIED)
