"""An admission's weight unusual for the age is saved only once confirmed, the weight confirmed
kept in the admission: 0,9 kg typed for 90 on a 76-year-old was saved without a word, and weight
decides enoxaparin and gentamicin doses."""

from decimal import Decimal

import pytest

from downtime.domain.weight import unusual_for_age
from downtime.services import records, wards
from downtime.services.errors import ValidationFailed


@pytest.mark.parametrize("kg, age, unusual", [
    ("0.9", 76, True), ("24.9", 16, True), ("25", 16, False), ("250", 40, False), ("250.1", 40, True),
    ("90", None, False), ("0.9", None, True), ("15", 0, False), ("15.1", 0, True), ("3.4", 0, False),
    ("20", 5, False), ("0.9", 15, True), ("180", 4, True), ("3.2", 10, True), ("18", 5, False), ("4.9", 1, True),
    ("5", 1, False), ("140", 15, False), ("140.1", 15, True), ("0.6", 0, False)])
def test_a_weight_is_unusual_outside_the_bounds_of_the_age(kg, age, unusual):
    assert unusual_for_age(Decimal(kg), age) is unusual


@pytest.mark.parametrize("kg, months, unusual", [
    ("0.8", 9, True), ("8", 9, False), ("1.49", 3, True), ("1.5", 3, False), ("0.6", 2, False), ("0.6", None, False),
    ("15.1", 9, True)])
def test_an_infants_weight_is_judged_by_the_age_in_months(kg, months, unusual):
    """0,8 typed for 8 kg on a 9-month-old passed as any weight under 15 kg (review RB #8): from
    3 months a baby weighs 1.5 kg or more, an ex-premature one too; younger, anything the form takes."""
    assert unusual_for_age(Decimal(kg), 0, months) is unusual


@pytest.fixture
def nurse(session_for):
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    return session_for("nurse")


def test_an_unusual_weight_is_refused_at_the_weight_until_confirmed(nurse, admission_values):
    old = {**admission_values, "birth_date": "1950-05-01", "weight_kg": 0.9}  # 76 on arrival
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "admission", old)
    (error,) = refused.value.errors
    assert error.path == "weight_kg"
    assert error.message == ("0.9 kg is unusual for an adult: check that it was not mistyped (0,9 typed for 90). "
                             "Weight-based doses such as enoxaparin and gentamicin are worked out from it. Correct "
                             "it, or confirm it in “Weight unusual for the age, confirmed”.")
    saved = records.save_new(nurse, "admission", {**old, "weight_confirmed_kg": 0.9})
    assert saved.data["weight_kg"] == saved.data["weight_confirmed_kg"] == 0.9
    with pytest.raises(ValidationFailed, match="0.8 kg is unusual"):  # another weight is asked about again
        records.amend(nurse, saved.record_id, {**saved.data, "weight_kg": 0.8}, "reweighed")
    assert records.amend(nurse, saved.record_id, {**saved.data, "weight_kg": 90}, "0,9 was 90").data["weight_kg"] == 90


@pytest.mark.parametrize("born, kg, who", [("2026-06-01", 35, "a baby under 1 year old"),
                                           ("2026-02-01", 0.8, "a baby under 1 year old"),  # 9 months: 0,8 for 8
                                           ("2022-06-01", 180, "a child of 4"),
                                           (None, 0.9, "a patient whose age is not known")])
def test_a_babys_or_an_unknown_age_patients_unusual_weight_is_asked_about(nurse, admission_values, born, kg, who):
    values = {**admission_values, "birth_date": born, "weight_kg": kg, "nir": None, "identity_status": "provisional"}
    if born is None:
        values |= {"unidentified": True, "descriptor": "Man, about 40", "temporary_name": "INCONNU GARE",
                   "birth_name": None, "used_name": None, "given_names": None}
    with pytest.raises(ValidationFailed, match=f"is unusual for {who}"):
        records.save_new(nurse, "admission", values)


def test_a_usual_weight_for_a_child_is_saved_without_a_question(nurse, admission_values):
    child = {**admission_values, "birth_date": "2021-01-10", "weight_kg": 18.5, "nir": None,
             "identity_status": "provisional"}
    assert records.save_new(nurse, "admission", child).data["weight_kg"] == 18.5


@pytest.mark.parametrize("born, kg, said", [
    ("2025-06-01", 25, "25 kg est un poids inhabituel pour un enfant d’un an"),
    ("2022-06-01", 180, "180 kg est un poids inhabituel pour un enfant de 4 ans")])
def test_a_childs_unusual_weight_is_said_in_french_of_the_childs_age(forms, born, kg, said):
    """"un enfant de 1 ans" said the one-year-old's."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from downtime.services.weight import weight_doubt

    doubt = weight_doubt(forms["admission"], {"birth_date": born, "weight_kg": kg,
                                              "arrival_at": "2026-11-28T09:00+01:00"},
                         "fr", datetime(2026, 11, 28, 10, tzinfo=ZoneInfo("Europe/Paris")))
    assert doubt.startswith(said)
