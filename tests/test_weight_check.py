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


def _child(nurse, admission_values, bed, arrival, method, born="2022-10-02", kg=16.0):
    return records.save_new(nurse, "admission", {
        **admission_values, "given_names": "Sami", "birth_date": born, "nir": None, "identity_status": "provisional",
        "weight_kg": kg, "weight_method": method, "bed": bed, "arrival_at": f"2026-11-28T{arrival}+01:00"}).patient_id


def test_a_child_on_an_estimated_or_stated_weight_is_asked_to_be_weighed_at_handover(nurse, admission_values,
                                                                                    tmp_path):
    """A four-year-old admitted at 09:00 on an APLS estimate was weighed by no one: a day later
    every dose was still worked out from the estimate, and the handover sheet said nothing of it
    (it asked only for a child with no weight at all)."""
    from downtime.services import census, printing, since_admission
    from tests.pdf_text import pdf_text

    estimated = _child(nurse, admission_values, "1", "09:00", "estimated")
    stated = _child(nurse, admission_values, "2", "09:30", "stated")
    _child(nurse, admission_values, "3", "09:00", "measured")
    _child(nurse, admission_values, "4", "10:30", "estimated")  # 3 h 30 ago: not yet
    _child(nurse, admission_values, "5", "09:00", "estimated", born="2008-11-28", kg=60)  # 18: an adult's doses
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert since_admission.handover(nurse.db, inside, nurse.clock(), "en") == {
        estimated: "WEIGH THE CHILD: 16 kg ESTIMATED on admission (28/11/2026), not weighed (their doses are worked "
                   "out from it)",
        stated: "WEIGH THE CHILD: 16 kg as stated on admission (28/11/2026), not weighed (their doses are worked out "
                "from it)"}
    assert since_admission.handover(nurse.db, inside, nurse.clock(), "fr")[estimated] == (
        "PESER L’ENFANT : 16 kg ESTIMÉ à l’admission (28/11/2026), non pesé (ses doses en dépendent)")
    sheet = " ".join(pdf_text(printing.print_census(nurse, tmp_path / "census.pdf", "3B")).split())
    assert "WEIGH THE CHILD: 16 kg ESTIMATED on admission" in sheet
    # Weighed on the scales: nothing more to ask; estimated again by a weighing: asked again 4 hours on.
    records.save_new(nurse, "weight", {"weighed_at": "2026-11-28T13:00+01:00", "weight_kg": 15.2,
                                       "method": "measured"}, patient_id=estimated)
    records.save_new(nurse, "weight", {"weighed_at": "2026-11-28T10:00+01:00", "weight_kg": 15.0,
                                       "method": "estimated"}, patient_id=stated)
    assert since_admission.handover(nurse.db, inside, nurse.clock(), "en") == {
        stated: "WEIGH THE CHILD: 15 kg ESTIMATED 28/11/2026, not weighed (their doses are worked out from it)"}


def test_a_babys_admission_weight_keeps_the_grams(nurse, admission_values):
    """A preterm baby weighed at 850 g was refused on admission ("more than 1 decimal places"): typed
    0.8 or 0.9, every dose per kilogram was 6 % off, the weighing form keeping the grams."""
    from downtime.services import census, weight

    saved = records.save_new(nurse, "admission", {
        **admission_values, "given_names": "Tiny", "birth_date": "2026-11-20", "nir": None,
        "identity_status": "provisional", "weight_kg": 0.85, "height_cm": None})
    assert saved.data["weight_kg"] == 0.85
    patient = census.patient_with_location(nurse.db, nurse.forms, saved.patient_id)
    assert weight.latest(nurse.db, nurse.forms, [patient])[saved.patient_id].text("fr") == (
        "0,85 kg à l’admission (28/11/2026)")
    with pytest.raises(ValidationFailed, match="more than 3 decimal places"):
        records.amend(nurse, saved.record_id, {**saved.data, "weight_kg": 0.8505}, "reweighed")


def test_a_weight_is_judged_by_the_age_on_the_wards_day_whatever_offset_it_was_typed_with(forms):
    """A toddler weighed at 00:30 on the ward on his first birthday, on a laptop set to UTC
    (23:30+00:00 the day before): his 16 kg was asked about as "unusual for a baby under 1 year
    old", and a 4 kg typed for 14 then passed as a baby's weight."""
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    from downtime.services.weight import weight_doubt

    now = datetime(2026, 11, 28, 0, 40, tzinfo=ZoneInfo("Europe/Paris"))
    said = {kg: weight_doubt(forms["weight"], {"weighed_at": "2026-11-27T23:30+00:00", "weight_kg": kg,
                                               "method": "measured"}, "en", now, born=date(2025, 11, 28))
            for kg in (16, 4)}
    assert said[16] == "" and said[4].startswith("4 kg is unusual for a child of 1")
