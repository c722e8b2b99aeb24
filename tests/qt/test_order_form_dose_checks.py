"""The order form refuses a dose that cannot be as written under the field to correct, before it
asks anything (services.medication.check_order, domain.order_units): "digoxin 250 mg" under the
unit, saying micrograms were meant; a tablet by vein under the unit; a tablet of no strength
under the medicine's name. An opioid's dose above a
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


def test_paracetamol_in_tablets_is_refused_under_its_name_until_its_strength_is_written(
        select_bed, qtbot, session_for, medication_ward, answers):
    """Two tablets of "Paracetamol" are 1 g or 2 g by the box: weighed by nothing, they were saved."""
    _, asked = answers
    view = _new_order(select_bed, qtbot, session_for, {**ORDER, "drug": "Paracetamol", "dose": 2.0,
                                                       "dose_unit": "tablet"}, shown=True)
    view.save()
    assert view.record is None and asked == []
    assert "Paracetamol in tablets: write the strength" in view.error_labels["drug"].text()
    view.editors["drug"].set_value("Paracetamol 500 mg")
    view.save()
    assert view.record is not None and view.record.data["drug"] == "Paracetamol 500 mg"


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


def test_every_question_of_a_toddlers_tramadol_is_shown_and_one_reason_kept(
        select_bed, qtbot, session_for, admission_values, monkeypatch):
    """Tramadol 100 mg four times a day for a 2-year-old of 12 kg: the question said only "not
    usually given under 3 years", its dose four times the child's and its day never shown, and
    the one reason about the age was kept for all three (review S8, defect 2)."""
    from downtime.qt.prompts import Prompts
    from downtime.services import records, wards

    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    records.save_new(session_for("nurse"), "admission", {
        **admission_values, "nir": None, "given_names": "Noe", "birth_date": "2024-10-01", "weight_kg": 12.0,
        "height_cm": None, "allergy_status": "nka", "allergies": [], "arrival_at": "2026-11-27T09:00+01:00"})
    questions: list[str] = []
    reason = "Surgeon's choice, codeine not allowed; 8 mg/kg a day agreed with the pharmacist"

    def answer(parent, title, label, filled=""):
        questions.append(label)
        return reason

    monkeypatch.setattr(Prompts, "reason", staticmethod(answer))
    view = _new_order(select_bed, qtbot, session_for, {
        **ORDER, "drug": "Tramadol", "dose": 100.0, "dose_unit": "mg", "times": "00:00 06:00 12:00 18:00"},
        shown=True)
    view.save()
    (question,) = questions
    lines = question.split("\n")
    assert lines[0].startswith("Tramadol is not usually given under 3 years")
    assert lines[1] == "Tramadol: 100 mg in one dose is above the most for one dose (24 mg for 12 kg, 2 mg/kg)."
    assert lines[2].startswith("Tramadol: as ordered, up to 400 mg in 24 h (this order: 400 mg); at most 96 mg")
    assert lines[3].startswith("One reason, given in “Dose to check: why")
    assert view.record is not None and view.record.data["dose_reason"] == reason
