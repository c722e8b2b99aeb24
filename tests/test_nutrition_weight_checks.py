"""A nutrition screening's (MUST) weight is asked about as the admission's, and against the stay's
latest weight: 6,2 typed for 62 was saved without a word, became the patient's latest weight, and
the urine output read 3.2 mL/kg/h, the oliguria no longer said. And a weight loss the stay's
weights show is not ticked away: 61.5 kg on admission, 52 kg a week later, "less than 5 %" ticked
scored MUST 0, low risk. And how the weight is known (version 3): an estimate is not printed as weighed."""

import pytest

from downtime.domain.nutrition import RISKS, Risk, loss_band, lost_percent
from downtime.services import census, fluid_balance, nutrition, records, weight
from downtime.services.errors import ValidationFailed

SCREEN = {"screened_at": "2026-11-28T13:30+01:00", "weight_kg": 61.0, "height_cm": 158, "weight_loss": "under_5",
          "acute_no_intake": False}  # the patient fixture weighed 61.5 kg on admission at 09:00
WEEK_ON = {**SCREEN, "screened_at": "2026-12-05T10:00+01:00"}


def _refused(nurse, patient, values) -> tuple[str, str]:
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "nutrition_screening", values, patient_id=patient)
    (error,) = refused.value.errors
    return error.path, error.message


def _urine_said(nurse, patient) -> str:
    patients = [census.patient_with_location(nurse.db, nurse.forms, patient)]
    return fluid_balance.handover(nurse.db, nurse.forms, patients, nurse.clock(), "en").get(patient) or ""


def test_a_weight_mistyped_by_a_decimal_point_is_asked_about_and_kept_out_of_per_kg_sums(session_for, patient, clock):
    nurse = session_for("nurse")
    clock.advance(hours=1, minutes=5)  # 15:05
    for hour in range(9, 15):
        records.save_new(nurse, "fluid_balance", {"measured_at": f"2026-11-28T{hour:02d}:30+01:00",
                                                  "route": "out_urine", "volume": 20}, patient_id=patient)
    assert "LOW URINE OUTPUT" in _urine_said(nurse, patient)
    assert _refused(nurse, patient, {**SCREEN, "weight_kg": 6.2}) == ("weight_kg", (
        "6.2 kg is unusual for an adult: check that it was not mistyped (0,9 typed for 90). Weight-based doses such "
        "as enoxaparin and gentamicin are worked out from it. Correct it, or confirm it in “Weight today "
        "checked, confirmed”."))
    assert "LOW URINE OUTPUT" in _urine_said(nurse, patient)
    saved = records.save_new(nurse, "nutrition_screening", {**SCREEN, "weight_kg": 62.0}, patient_id=patient)
    assert saved.form_version == 3 and "weight_confirmed_kg" not in saved.data


def test_a_body_mass_index_hardly_ever_seen_is_asked_about_on_a_screening_and_an_admission(
        session_for, patient, admission_values):
    """170 typed for 70 is a BMI of 68.1 (and 11 % from nothing the stay knows of: the first
    weight); 30 kg for 175 cm, 9.8, passes the adult's 25 kg."""
    nurse = session_for("nurse")
    assert _refused(nurse, patient, {**SCREEN, "weight_kg": 170.0}) == ("weight_kg", (
        "170 kg for 158 cm is a body mass index of 68.1, hardly ever seen: check that neither the weight nor the "
        "height was mistyped. Correct it, or confirm it in “Weight today checked, confirmed”."))
    with pytest.raises(ValidationFailed, match="30 kg for 175 cm is a body mass index of 9.8"):
        records.save_new(nurse, "admission", {**admission_values, "bed": "13", "birth_name": "MARTIN",
                                              "nir": None, "identity_status": "provisional",
                                              "weight_kg": 30, "height_cm": 175})


def test_a_weight_far_from_the_stays_latest_is_asked_about_then_the_loss_it_shows(session_for, patient, clock):
    """61.5 kg on admission, 52 kg a week later: weighed again, then the 15 % lost is scored or
    said not to be an unplanned loss; the confirmations are kept in the record."""
    nurse = session_for("nurse")
    clock.advance(days=7)
    week_on = {**WEEK_ON, "weight_kg": 52.0}
    assert _refused(nurse, patient, week_on) == ("weight_kg", (
        "52 kg differs by 15.4 % from the latest weight of this stay, 61.5 kg on admission (28/11/2026): weigh "
        "again, and check that it was not mistyped (6,2 typed for 62). Weight-based doses and the urine output per "
        "kilogram are worked out from it. Correct it, or confirm it in “Weight today checked, confirmed”."))
    week_on["weight_confirmed_kg"] = 52.0
    assert _refused(nurse, patient, week_on) == ("weight_loss", (
        "“Unplanned weight loss in the last 3 to 6 months”: the weights of this stay show 15.4 % lost, 61.5 kg on "
        "admission (28/11/2026) and 52 kg now. Tick “More than 10 % (score 2)”, or, if this is not an unplanned loss "
        "(oedema or ascites gone, a planned loss), confirm 15 in “Weight loss measured, not scored” and say why in "
        "the notes."))
    assert _refused(nurse, patient, {**week_on, "weight_loss": "5_to_10"})[0] == "weight_loss"
    assert _refused(nurse, patient, {**week_on, "loss_not_scored_pct": 14})[0] == "weight_loss"
    scored = records.save_new(nurse, "nutrition_screening", {**week_on, "weight_loss": "over_10"}, patient_id=patient)
    assert nutrition.screened(scored).score == 2  # BMI 20.8: 0; more than 10 % lost: 2
    not_scored = records.save_new(nurse, "nutrition_screening", {
        **week_on, "screened_at": "2026-12-05T10:30+01:00", "weight_confirmed_kg": None, "loss_not_scored_pct": 15,
        "notes": "Oedema gone on furosemide"}, patient_id=patient)
    assert not_scored.data["loss_not_scored_pct"] == 15
    found = nutrition.latest(nurse.db, [patient])[patient]
    assert found.text("en") == ("Nutrition: MUST 0, low risk: routine care (BMI 20.8, 05/12 10:30; 15 % weight loss "
                                "measured, not scored)")
    assert found.text("fr") == ("Nutrition : MUST 0, risque faible : soins habituels (IMC 20,8, 05/12 10:30 ; perte "
                                "de poids mesurée de 15 %, non retenue)")


def test_a_loss_of_5_to_10_percent_measured_is_scored_1_and_a_gain_asks_nothing(session_for, patient, clock):
    nurse = session_for("nurse")
    clock.advance(days=7)
    assert _refused(nurse, patient, {**WEEK_ON, "weight_kg": 57.0})[0] == "weight_loss"  # 7.3 %: not weighed again
    records.save_new(nurse, "nutrition_screening", {**WEEK_ON, "weight_kg": 57.0, "weight_loss": "5_to_10"},
                     patient_id=patient)
    assert nutrition.latest(nurse.db, [patient])[patient].score == 1
    records.save_new(nurse, "nutrition_screening", {**WEEK_ON, "screened_at": "2026-12-05T11:00+01:00",
                                                    "weight_kg": 60.0}, patient_id=patient)  # 2.4 % below the heaviest


def test_a_screening_amended_is_asked_about_only_what_it_changes(session_for, patient, admission_values):
    """A screening written before the admission's weight was corrected (or of version 1, which
    confirmed nothing) is corrected as before, its notes alone; a weight changed is asked about."""
    nurse = session_for("nurse")
    screening = records.save_new(nurse, "nutrition_screening", {**SCREEN, "weight_kg": 60.0}, patient_id=patient)
    admission = census.patient_with_location(nurse.db, nurse.forms, patient).admission_record_id
    records.amend(nurse, admission, {**admission_values, "arrival_at": "2026-11-28T09:00+01:00", "weight_kg": 70,
                                     "weight_confirmed_kg": 70}, "Weighed on the ward scales")
    amended = records.amend(nurse, screening.record_id, {**screening.data, "notes": "Food chart started"}, "notes")
    assert amended.data["notes"] == "Food chart started"
    with pytest.raises(ValidationFailed, match="59 kg differs by 15.7 % from the latest weight of this stay, 70 kg"):
        records.amend(nurse, screening.record_id, {**amended.data, "weight_kg": 59.0}, "reweighed")


def test_the_form_view_asks_the_screenings_weight_as_the_admissions(session_for, patient, clock):
    """What the form view asks before saving (weight.stay_doubt): the stay's latest weight before
    the screening, the screening amended left out."""
    nurse = session_for("nurse")
    spec = nurse.forms["nutrition_screening"]
    clock.advance(days=7)
    assert "differs by 15.4 % from the latest weight of this stay, 61.5 kg on admission" in weight.stay_doubt(
        nurse, spec, {**WEEK_ON, "weight_kg": 52.0}, patient)
    saved = records.save_new(nurse, "nutrition_screening", {**WEEK_ON, "weight_kg": 61.0}, patient_id=patient)
    assert weight.stay_doubt(nurse, spec, {**saved.data, "weight_kg": 60.0}, patient, saved.record_id) == ""
    assert "from the latest weight of this stay, 61 kg weighed 05/12/2026" in weight.stay_doubt(
        nurse, spec, {**WEEK_ON, "screened_at": "2026-12-05T12:00+01:00", "weight_kg": 52.0}, patient)
    assert weight.stay_doubt(nurse, spec, {**WEEK_ON, "weight_kg": 52.0, "weight_confirmed_kg": 52.0}, patient) == ""


@pytest.mark.parametrize("percent, band", [(4.99, "under_5"), (5.0, "5_to_10"), (10.0, "5_to_10"), (10.01, "over_10"),
                                           (-3.0, "under_5")])
def test_a_loss_measured_falls_in_musts_bands(percent, band):
    assert loss_band(percent) == band


@pytest.mark.parametrize("earlier, now, band", [(72.0, 68.4, "5_to_10"), (72.0, 64.8, "5_to_10"), (56.0, 53.2, "5_to_10"),
                                                (99.0, 89.1, "5_to_10"), (72.0, 68.5, "under_5"), (72.0, 64.7, "over_10")])
def test_exactly_5_or_10_percent_lost_in_weights_typed_to_a_tenth_is_in_the_5_to_10_band(earlier, now, band):
    """72 to 68.4 kg was 4.999999999999992 % lost (scored 0) and 72 to 64.8 kg 10.000000000000004 % (scored 2)."""
    assert loss_band(lost_percent(earlier, now)) == band


def test_the_high_risk_asks_the_dietitians_advice_in_french():
    assert RISKS[Risk.HIGH]["fr"] == "RISQUE ÉLEVÉ : traiter, demander l’avis de la diététicienne"


KEPT = "61.5 kg on admission (28/11/2026) (the weight measured, not the later {later})"


@pytest.mark.parametrize(("method", "said"), [
    (None, "61 kg weighed 28/11/2026"),  # left blank, or a record of version 2: weighed, as it was
    ("measured", "61 kg weighed 28/11/2026"),
    ("estimated", KEPT.format(later="61 kg ESTIMATED 28/11/2026, not weighed")),
    ("stated", KEPT.format(later="61 kg as stated 28/11/2026, not weighed"))])
def test_a_screenings_weight_says_how_it_is_known_wherever_it_is_used(session_for, patient, method, said):
    """A bed-bound patient with no hoist scale: BAPEN's MUST takes an estimate (from the MUAC) or a
    weight she recalls; typed as weighed, every dose per kilogram and the urine per kg said "weighed".
    One not measured is said beside the weight measured on admission, which it does not replace."""
    nurse = session_for("nurse")
    records.save_new(nurse, "nutrition_screening", {**SCREEN, "weight_method": method}, patient_id=patient)
    patients = [census.patient_with_location(nurse.db, nurse.forms, patient)]
    assert weight.latest(nurse.db, nurse.forms, patients)[patient].text("en") == said


def test_a_recalled_must_weight_does_not_replace_the_weight_measured_that_morning(session_for, patient):
    """Weighed 61.5 kg on the scales on admission at 09:00, screened at 13:30 on the 65 kg she
    recalls: every dose per kilogram, the MAR and the urine per kg went by the 65 kg, the newest
    whatever its method. The weight measured is kept, the later one said beside it; weighed on
    the scales again, the newest is kept, with nothing beside it."""
    nurse = session_for("nurse")
    records.save_new(nurse, "nutrition_screening", {**SCREEN, "weight_kg": 65.0, "weight_method": "stated"},
                     patient_id=patient)
    patients = [census.patient_with_location(nurse.db, nurse.forms, patient)]
    kept = weight.latest(nurse.db, nurse.forms, patients)[patient]
    assert (kept.kg, kept.how) == (61.5, "admission")
    assert kept.text("fr") == ("61,5 kg à l’admission (28/11/2026) (le poids mesuré, pas le plus récent 65 kg déclaré "
                               "le 28/11/2026, non pesé)")
    assert weight.latest_of_stay(nurse.db, patients)[patient].kg == 61.5  # the handover's reading too
    records.save_new(nurse, "weight", {"weighed_at": "2026-11-28T14:00+01:00", "weight_kg": 63.0,
                                       "method": "measured"}, patient_id=patient)
    assert weight.latest(nurse.db, nurse.forms, patients)[patient].text("en") == "63 kg weighed 28/11/2026"


def test_an_estimated_must_weight_is_not_said_to_come_from_the_arm_circumference(forms):
    """BAPEN's mid-upper arm circumference gives MUST's BMI band, not a weight: "Estimated (mid-upper
    arm circumference)" asked for a weight in kilograms worked out from it, then a dose by it."""
    spec = forms["nutrition_screening"]
    (estimated,) = [option for option in spec.field("weight_method").options if option.code == "estimated"]
    assert (estimated.label.get("en"), estimated.label.get("fr")) == (
        "Estimated, not weighed (no scales)", "Estimé, non pesé (sans balance)")
    assert "gives the BMI band, not a weight" in str(spec.field("weight_kg").help.get("en"))
