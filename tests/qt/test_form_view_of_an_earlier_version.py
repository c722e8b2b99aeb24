"""A record first saved under an earlier version of its form shows none of the questions that came
in later (`since`) it does not answer, as it prints (formspec.values.never_asked); amended, it asks
them all. A falls-risk assessment of version 1 showed the version-2 "Decided at the review" empty
under its review; a death of version 4, "Verified by a" empty under its verifier's name, where its
form asked for the "Doctor who verified the death": it reads Doctor (the role's `unanswered`)."""

import dataclasses

from downtime.qt.form_view import FormView
from downtime.services import records
from tests.test_death_recorded_under_version_4 import _death_of_version_4
from tests.test_falls_risk import ASSESSED

FORM = "falls_risk"
REVIEW = {"medicines_reviewed_by": "Dr Benali", "medicines_reviewed_at": "2026-11-28T13:50+01:00"}
DECISION = ("medicines_review_outcome", "medicines_stopped_which", "no_change_why")


def _shown(view: FormView, field_id: str) -> bool:
    _, cell = view.rows[field_id]
    return cell.isVisibleTo(view)


def test_an_assessment_of_version_1_shows_no_decision_until_amended(qtbot, session_for, patient):
    office = session_for("records")
    older = dataclasses.replace(office, forms={**office.forms, FORM: office.form(FORM).model_copy(
        update={"version": 1})})
    saved = records.save_imported(older, FORM, {**ASSESSED, **REVIEW}, patient, "0c9d6a1e-5b7f-4d2a-8e3c-2f1a4b5c6d7e")
    nurse = session_for("nurse")
    view = FormView(nurse, nurse.form(FORM), record=records.current(nurse.db, saved.record_id))
    qtbot.addWidget(view)
    view.show()
    assert _shown(view, "medicines_reviewed_by")
    assert not any(_shown(view, field_id) for field_id in DECISION)
    view.start_amend()
    assert _shown(view, "medicines_review_outcome"), "an amendment under version 2 is asked it"


def test_a_death_of_version_4_shows_a_doctor_verified_it_and_none_of_the_findings(qtbot, session_for, patient):
    nurse = session_for("nurse")
    death = _death_of_version_4(nurse, patient)
    told = records.amend(nurse, death.record_id, {**death.data, "family_informed": True}, "Daughter told")
    view = FormView(nurse, nurse.form("death"), record=told)
    qtbot.addWidget(view)
    view.show()
    assert _shown(view, "verified_by") and view.editors["verified_by"].raw() == "Dr B"
    assert _shown(view, "verifier_role") and view.editors["verifier_role"].display_text() == "Doctor"
    assert not any(_shown(view, field_id) for field_id in ("observed_minutes", "no_central_pulse",
                                                           "last_seen_alive_at", "device_dealt_with"))
    view.start_amend()
    assert view.editors["verifier_role"].raw() is None, "an amendment writes no role its author did not choose"
