"""An allergy line whose substance says "no known allergies" or "not known yet" instead of naming
an allergy ("NKDA", "Aucune", "Unknown", "?"), as a nurse used to paper writes it: saved, "NKDA"
printed in red as an allergy and went to the EHR as one, and "Unknown" counted as allergies
listed, so no dose asked about them. Refused on the line, pointing to the status to choose."""

import pytest

from downtime.services import records, wards
from downtime.services.errors import ValidationFailed


@pytest.mark.parametrize("substance, status", [
    ("NKDA", "nka"), ("NKA", "nka"), ("Nil known", "nka"), ("None", "nka"), ("No known allergies", "nka"),
    ("Aucune", "nka"), ("RAS", "nka"), ("Pas d'allergie connue", "nka"),
    ("Unknown", "unknown"), ("Not known", "unknown"), ("?", "unknown"), ("Inconnue", "unknown"),
    ("À demander", "unknown"), ("Not asked - patient confused", "unknown"),
    ("Penicillin", None), ("Nickel", None), ("Sans latex", None), ("No latex gloves", None)])
def test_what_an_allergy_line_says_instead_of_an_allergy(substance, status):
    from downtime.domain.medication import allergy_status_said

    assert allergy_status_said(substance) == status


@pytest.mark.parametrize("substance, answer", [
    ("NKDA", "“No known allergies”"), ("Aucune", "“No known allergies”"),
    ("Unknown", "“Not known yet (ask again)”"), ("?", "“Not known yet (ask again)”")])
def test_an_admission_listing_no_allergy_as_one_is_refused_on_its_line(session_for, admission_values, substance,
                                                                      answer):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(session_for("nurse"), "admission", {**admission_values, "allergy_status": "allergies",
                                                             "allergies": [{"substance": "Latex"},
                                                                           {"substance": substance}]})
    [error] = refused.value.errors
    assert error.path == "allergies[1].substance"
    assert f"“{substance}” names no allergy" in error.message and answer in error.message


def test_an_amendment_listing_nkda_is_refused_and_an_allergy_still_saved(session_for, admission_values):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    admission = records.save_new(nurse, "admission", {**admission_values, "allergy_status": "allergies",
                                                      "allergies": [{"substance": "Penicillin", "reaction": "Rash"}]})
    with pytest.raises(ValidationFailed):
        records.amend(nurse, admission.record_id, {**admission.data, "allergies": [{"substance": "Nil known"}]},
                      "Asked again")
    assert records.amend(nurse, admission.record_id, {**admission.data, "allergy_status": "nka", "allergies": []},
                         "Asked again").data["allergy_status"] == "nka"


@pytest.fixture
def saved_with_nkda(session_for, admission_values, monkeypatch):
    """An admission saved before this check (an older release, another laptop's stick) with
    "NKDA" on its allergy line, beside penicillin."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    with monkeypatch.context() as before_the_check:
        before_the_check.setattr(records, "_check_allergy_lines", lambda *args: None)
        return records.save_new(session_for("nurse"), "admission", {
            **admission_values, "allergy_status": "allergies",
            "allergies": [{"substance": "Penicillin", "reaction": "Rash"}, {"substance": "NKDA"}]})


def test_an_admission_saved_with_nkda_is_amended_for_something_else(session_for, saved_with_nkda):
    """The nurse corrects the weight, not the allergies she did not come to touch."""
    amended = records.amend(session_for("nurse"), saved_with_nkda.record_id, {**saved_with_nkda.data, "weight_kg": 62},
                            "Weighed")
    assert amended.data["weight_kg"] == 62


@pytest.mark.parametrize("allergies, refused_at", [
    ([{"substance": "Penicillin", "reaction": "Rash"}, {"substance": "Unknown"}], "allergies[1].substance"),
    ([{"substance": "NKDA"}, {"substance": "Nil"}], "allergies[1].substance"),
])
def test_a_line_new_or_changed_in_the_amendment_is_still_refused(session_for, saved_with_nkda, allergies, refused_at):
    with pytest.raises(ValidationFailed) as refused:
        records.amend(session_for("nurse"), saved_with_nkda.record_id, {**saved_with_nkda.data, "allergies": allergies},
                      "Asked again")
    assert [error.path for error in refused.value.errors] == [refused_at]
