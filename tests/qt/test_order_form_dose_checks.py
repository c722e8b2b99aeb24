"""The order form refuses a dose that cannot be as written under the field to correct, before it
asks anything (services.medication.check_order, domain.order_units): "digoxin 250 mg" under the
unit, saying micrograms were meant; a tablet by vein under the unit. An opioid's dose above a
usual first dose is asked the prescriber's reason, kept in the order."""

from tests.qt.test_medication_round import _new_order

ORDER = {"route": "PO", "frequency": "scheduled", "times": "08:00", "start_at": "2026-11-28T15:00+01:00",
         "controlled": False, "high_alert": False}


def test_digoxin_written_in_mg_is_refused_under_the_dose_until_written_in_micrograms(
        select_bed, qtbot, session_for, medication_ward, answers):
    _, asked = answers
    view = _new_order(select_bed, qtbot, session_for, {**ORDER, "drug": "Digoxin", "dose": 250.0, "dose_unit": "mg"},
                      shown=True)
    view.save()
    assert view.record is None and asked == []
    assert not view.error_labels["dose_unit"].isHidden()
    assert "Did you mean 250 micrograms?" in view.error_labels["dose_unit"].text()
    view.editors["dose_unit"].set_value("microgram")
    view.save()
    assert view.record is not None and view.record.data["dose_unit"] == "microgram"


def test_a_tablet_by_vein_is_refused_under_the_unit(select_bed, qtbot, session_for, medication_ward, answers):
    _, asked = answers
    view = _new_order(select_bed, qtbot, session_for, {**ORDER, "drug": "Gentamicin", "dose": 1.0,
                                                       "dose_unit": "tablet", "route": "IV"}, shown=True)
    view.save()
    assert view.record is None and asked == []
    assert "cannot be given by the route “Intravenous (IV)”" in view.error_labels["dose_unit"].text()


def test_an_opioid_above_a_first_dose_asks_the_reason_and_keeps_it_in_the_order(
        select_bed, qtbot, session_for, medication_ward, answers):
    """MST 60 mg twice a day for a patient on it at home: asked why, not refused; cancelled, the
    doctor is back at the dose; answered, the reason is in its box and in the order."""
    script, asked = answers
    view = _new_order(select_bed, qtbot, session_for, {
        **ORDER, "drug": "Morphine sulfate MR", "dose": 60.0, "dose_unit": "mg", "times": "08:00 20:00",
        "controlled": True}, shown=True)
    script["reason"] = []
    view.save()
    assert asked == [("reason", "Dose to check")]
    assert view.record is None and view.editors["dose"].widget.hasFocus()
    reason = "Opioid-tolerant: MST 60 mg BD at home for 2 years"
    script["reason"] = [reason]
    view.save()
    assert asked.count(("reason", "Dose to check")) == 2
    assert view.record is not None and view.record.data["dose_reason"] == reason
    assert view.editors["dose_reason"].value() == reason


def test_an_adults_fluid_rate_for_a_baby_asks_the_reason_and_keeps_it_in_the_order(
        select_bed, qtbot, session_for, admission_values, answers):
    """125 mL/h of saline and glucose for a 5.8 kg baby, five times its maintenance (review R4
    #1): asked why, saying the maintenance; answered, the reason is kept in the order. The question
    is the rate's: it was titled "Dose to check", and cancelled went back to the Dose box (review
    S5, defect 4)."""
    from downtime.services import records, wards

    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    records.save_new(session_for("nurse"), "admission", {
        **admission_values, "nir": None, "given_names": "Lou", "birth_date": "2026-08-20", "weight_kg": 5.8,
        "height_cm": None, "allergy_status": "nka", "allergies": [], "arrival_at": "2026-11-27T09:00+01:00"})
    script, asked = answers
    view = _new_order(select_bed, qtbot, session_for, {
        **ORDER, "drug": "Sodium chloride 0.9% and glucose 5%", "dose": 500.0, "dose_unit": "mL", "route": "IV",
        "form": "infusion", "rate_ml_h": 125.0}, shown=True)
    script["reason"] = []
    view.save()
    assert asked == [("reason", "Rate to check")]
    assert view.record is None and view.editors["rate_ml_h"].widget.hasFocus()
    script["reason"] = ["Bolus for shock, Dr Benali"]
    view.save()
    assert asked.count(("reason", "Rate to check")) == 2
    assert view.record is not None and view.record.data["dose_reason"] == "Bolus for shock, Dr Benali"
