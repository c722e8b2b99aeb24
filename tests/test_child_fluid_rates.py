"""A child's intravenous fluid rate weighed by their weight (domain.child_fluids): an adult's 125
mL/h of saline and glucose was saved for a 5.8 kg baby (five times its maintenance) and for a
16 kg child with nothing said, where every medicine's dose is weighed by a child's weight. Asked
above 1.5 times the Holliday-Segar maintenance, the prescriber's reason kept, when the order is
written or amended and when its bag's rate is changed (review R4 #1)."""

from datetime import datetime, time

import pytest

from downtime.domain import child_fluids
from downtime.domain.child_fluids import is_fluid, maintenance_ml_h, rate_refusal, volume_refusal, weigh_refusal
from downtime.domain.medication import Frequency, Order
from downtime.i18n import Phrase
from downtime.services import infusion_rates, medication, records
from downtime.services.errors import ValidationFailed

FLUID = {"drug": "Sodium chloride 0.9% and glucose 5%", "dose": 500.0, "dose_unit": "mL", "route": "IV",
         "form": "infusion", "frequency": "scheduled", "times": "08:00", "start_at": "2026-11-28T08:00+01:00",
         "controlled": False, "high_alert": False}
REASON = "Fluid bolus for shock, 20 mL/kg over 15 min"


@pytest.fixture
def ward(admit_to_paediatrics):
    """Ward PED: Lou, 3 months, 5.8 kg; Noah, 4 years, 16 kg; Ines, 5 years, never weighed."""
    admit = admit_to_paediatrics
    return {"baby": admit("1", "2026-08-20", 5.8, "Lou"), "four": admit("2", "2022-10-01", 16.0, "Noah"),
            "unweighed": admit("3", "2021-06-01", None, "Ines")}


def _write(session_for, patient: str, **values):
    return records.save_new(session_for("doctor"), "medication_order", {**FLUID, **values}, patient_id=patient)


def _order(drug: str = FLUID["drug"], unit: str = "mL", route: str = "IV", form: str | None = "infusion",
           rate: float | None = 125.0) -> Order:
    return Order(record_id="o", patient_id="p", drug=drug, dose=500.0, dose_unit=unit, route=route, form=form,
                 rate_ml_h=rate, frequency=Frequency.SCHEDULED, start_at=datetime.fromisoformat(FLUID["start_at"]))


@pytest.mark.parametrize("kg, ml_h", [(0.85, 3.4), (5.8, 23.2), (10, 40), (16, 52), (20, 60), (25, 65), (40, 80),
                                      (70, 2500 / 24)])  # NICE NG29's 2,500 mL a day, a sex not known
def test_the_maintenance_rate_is_holliday_segars_4_2_1(kg, ml_h):
    assert maintenance_ml_h(kg) == pytest.approx(ml_h)


@pytest.mark.parametrize("drug", ["Sodium chloride 0.9% and glucose 5%", "Hartmann's solution", "Plasma-Lyte 148",
                                  "Chlorure de sodium 0,9 %", "Glucose 10%", "Sérum glucosé 5 %", "Saline 0.45%",
                                  "Potassium chloride 20 mmol in sodium chloride 0.9% 1000 mL", "Ringer lactate",
                                  "Compound sodium lactate", "Polyionique B46"])
def test_the_crystalloids_are_fluids(drug):
    assert is_fluid(_order(drug))


@pytest.mark.parametrize("drug, unit, route, form, rate", [
    ("Vancomycin 250 mg in sodium chloride 0.9%", "mL", "IV", "infusion", 125.0),  # a medicine, by its mg
    ("Packed red cells", "mL", "IV", "infusion", 125.0),
    ("Sodium chloride 0.9%", "mg", "IV", "infusion", 125.0),
    ("Sodium chloride 0.9%", "mL", "SC", "infusion", 125.0),
    ("Sodium chloride 0.9% flush", "mL", "IV", "injection", None),  # a flush pushed, no rate
])
def test_what_is_no_fluid_to_weigh_by_the_maintenance(drug, unit, route, form, rate):
    assert not is_fluid(_order(drug, unit, route, form, rate))


def test_a_rate_is_asked_above_one_and_a_half_times_the_maintenance_of_a_child_with_a_weight():
    order = _order()
    assert rate_refusal(order, 78.0, 4, 16.0) is None  # 1.5 x 52
    asked = rate_refusal(order, 79.0, 4, 16.0)
    assert asked is not None and asked.asked and asked.field == "rate_ml_h"
    assert rate_refusal(order, 125.0, 18, 16.0) is None  # an adult's is not weighed so
    assert rate_refusal(order, 125.0, 4, None) is None  # nor a child's never weighed
    assert rate_refusal(order, 125.0, None, 16.0) is None


@pytest.mark.parametrize("child, kg, maintenance", [("baby", "5.8", "23.2"), ("four", "16", "52")])
def test_an_adults_rate_for_a_child_is_asked_naming_the_maintenance_and_saved_with_the_reason(
        session_for, ward, child, kg, maintenance):
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        _write(session_for, ward[child], rate_ml_h=125.0)
    assert str(asked.value).startswith(
        f"125 mL/h is above 1.5 times the maintenance for {kg} kg ({maintenance} mL/h, Holliday-Segar 4-2-1; NICE "
        f"NG29): check the rate against the child's weight. If it is meant (a bolus, losses replaced), give the "
        f"reason in “")
    saved = _write(session_for, ward[child], rate_ml_h=125.0, **{medication.DOSE_REASON: REASON})
    assert saved.data[medication.DOSE_REASON] == REASON


def test_a_childs_maintenance_rate_is_saved_unasked(session_for, ward):
    assert _write(session_for, ward["four"], rate_ml_h=52.0).data["rate_ml_h"] == 52.0
    assert _write(session_for, ward["baby"], rate_ml_h=23.0).data["rate_ml_h"] == 23.0


# R8 #2: a child's fluid by the mL with no rate weighed by its volume, and a child never weighed.

def _bags(dose: float, frequency: Frequency = Frequency.ONCE, times: tuple[time, ...] = (), form: str | None = None,
          drug: str = "Sodium chloride 0.9%") -> Order:
    return Order(record_id="o", patient_id="p", drug=drug, dose=dose, dose_unit="mL", route="IV", form=form,
                 frequency=frequency, times=times, start_at=datetime.fromisoformat(FLUID["start_at"]))


def test_a_babys_bolus_by_the_ml_is_asked_above_20_ml_per_kg():
    """A 20 mL/kg bolus of saline for a 6 kg baby slipped to 1200 mL (200 mL/kg) was saved unasked."""
    asked = volume_refusal(_bags(1200.0, form="injection"), 0, 6.0)
    assert asked is not None and asked.asked and asked.field == "dose"
    assert str(Phrase(asked.said.template, {**asked.said.values, "field": "Reason"})) == (
        "1200 mL in one dose is above 20 mL/kg for 6 kg (120 mL; a bolus is 10-20 mL/kg, NICE NG29): check the "
        "volume against the child's weight. If it is meant (losses replaced), give the reason in “Reason”.")
    assert volume_refusal(_bags(1200.0), 0, 6.0) is not None  # no form said
    assert volume_refusal(_bags(120.0), 0, 6.0) is None
    assert volume_refusal(_bags(1200.0), 18, 6.0) is None  # an adult's
    assert volume_refusal(_bags(1200.0), 0, None) is None  # the weight is asked instead (`weigh_refusal`)
    assert volume_refusal(_bags(50.0, drug="Sodium chloride 0.9% flush"), 0, 2.0) is None


def test_a_childs_day_of_doses_with_no_rate_is_asked_above_one_and_a_half_times_the_maintenance():
    """100 mL every 2 hours for a 6 kg baby: each within a bolus, 1200 mL a day (200 mL/kg; 1.5 x
    24 x 24 = 864 mL at most)."""
    every_two_hours = tuple(time(hour) for hour in range(0, 24, 2))
    asked = volume_refusal(_bags(100.0, Frequency.SCHEDULED, every_two_hours), 0, 6.0)
    assert asked is not None and asked.asked and asked.field == "times"
    assert str(Phrase(asked.said.template, {**asked.said.values, "field": "Reason"})).startswith(
        "As ordered, up to 1200 mL in 24 h, above 1.5 times the maintenance for 6 kg (864 mL in 24 h, Holliday-Segar "
        "4-2-1; NICE NG29)")
    assert volume_refusal(_bags(72.0, Frequency.SCHEDULED, every_two_hours), 0, 6.0) is None
    neonate = volume_refusal(_bags(42.0, Frequency.SCHEDULED, every_two_hours), 0, 3.0, days=10)
    assert neonate is not None and str(Phrase(neonate.said.template, {**neonate.said.values, "field": "R"})).startswith(
        "As ordered, up to 504 mL in 24 h, above 165 mL/kg a day for a neonate of 3 kg (495 mL; NICE NG29 neonatal)")
    assert volume_refusal(_bags(1000.0, form="infusion").model_copy(update={"rate_ml_h": 20.0}),
                          0, 6.0) is None  # its rate is weighed (`rate_refusal`)


def test_a_child_never_weighed_is_asked_the_weight_of_a_fluid_with_a_rate_or_none():
    """A 2-year-old never weighed had saline and glucose at an adult's 125 mL/h with nothing said."""
    asked = weigh_refusal(_order(), 2, None)
    assert asked is not None and asked.asked and asked.field == "dose"
    assert str(Phrase(asked.said.template, {"field": "Reason"})).startswith(
        "A child's fluid by vein is worked out from the child's weight (NICE NG29), and no weight is recorded this "
        "stay")
    assert weigh_refusal(_bags(120.0), 2, None) is not None
    assert weigh_refusal(_order(), 2, 12.0) is None and weigh_refusal(_order(), 40, None) is None
    assert weigh_refusal(_bags(5.0, drug="Sodium chloride 0.9% flush"), 2, None) is None
    assert weigh_refusal(_order("Vancomycin 250 mg in sodium chloride 0.9%"), 2, None) is None


def test_a_rate_amended_above_the_maintenance_is_asked_and_again_when_raised_with_the_same_reason(session_for,
                                                                                                    ward):
    doctor = session_for("doctor")
    order = _write(session_for, ward["baby"], rate_ml_h=23.0)
    with pytest.raises(medication.DoseReasonNeeded, match=r"^60 mL/h is above 1.5 times the maintenance for 5.8 kg"):
        records.amend(doctor, order.record_id, {**order.data, "rate_ml_h": 60.0}, "vomiting")
    amended = records.amend(doctor, order.record_id, {**order.data, "rate_ml_h": 60.0,
                                                      medication.DOSE_REASON: "Replacing vomiting losses"}, "vomiting")
    with pytest.raises(medication.DoseReasonNeeded, match=r"^125 mL/h is above"):
        records.amend(doctor, order.record_id, {**amended.data, "rate_ml_h": 125.0}, "typo")


def _bag_hung(session_for, clock, order_id: str, rate: float):
    """The order's bag put up at 08:00 on 28/11 at `rate`, by the nurse; the clock then at 12:00.
    Returns the nurse."""
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T08:05+01:00")
    medication.record_dose(nurse, order_id, {"outcome": "given", "given_at": "2026-11-28T08:00+01:00",
                                             "scheduled_for": "2026-11-28T08:00+01:00", "dose_given": 500.0,
                                             "route": "IV", "rate_ml_h": rate})
    clock.now = datetime.fromisoformat("2026-11-28T12:00+01:00")
    return nurse


@pytest.fixture
def baby_fluids(session_for, ward, clock):
    """Lou's fluid at 20 mL/h, its bag put up at 08:00 on 28/11; the clock at 12:00. Returns (nurse,
    order id)."""
    order_id = _write(session_for, ward["baby"], rate_ml_h=20.0).record_id
    nurse = _bag_hung(session_for, clock, order_id, 20.0)
    return nurse, order_id


def _change(nurse, order_id: str, rate: float, **values):
    return infusion_rates.change_rate(nurse, order_id, {"changed_at": "2026-11-28T11:00+01:00", "change": "rate",
                                                        "rate_ml_h": rate, "reason": "Dry nappies", **values})


def test_a_babys_bag_set_above_the_maintenance_asks_why(baby_fluids):
    """20 mL/h prescribed: 34 is within 1.5 times 23.2 and under twice the order's; 36 is asked,
    as the order's 2-times rule would have let it through."""
    nurse, order_id = baby_fluids
    assert _change(nurse, order_id, 34.0).data["rate_ml_h"] == 34.0
    with pytest.raises(ValidationFailed) as refused:
        _change(nurse, order_id, 36.0)
    assert [(error.path, error.message) for error in refused.value.errors] == [("above_order", (
        "36 mL/h is above 1.5 times the maintenance for 5.8 kg (23.2 mL/h, Holliday-Segar 4-2-1; NICE NG29): check "
        "the rate against the child's weight. If it is meant (a bolus, losses replaced), give the reason in “Why "
        "above the prescribed rate”."))]
    assert _change(nurse, order_id, 36.0, above_order="Dr Benali: dehydrated").data["above_order"] == \
        "Dr Benali: dehydrated"


def test_a_tenfold_slip_of_a_babys_bag_says_both_its_questions(baby_fluids):
    nurse, order_id = baby_fluids
    with pytest.raises(ValidationFailed) as refused:
        _change(nurse, order_id, 200.0)
    said = refused.value.errors[0].message
    assert "200 mL/h is over 2 times the prescribed 20 mL/h" in said and "above 1.5 times the maintenance" in said


def test_a_bag_set_again_at_the_rate_the_prescriber_gave_a_reason_for_is_not_asked(session_for, ward, clock):
    """The bolus's 125 mL/h, ordered with its reason, paused and restarted at 125: the prescriber
    weighed it; 130 is above what they weighed, and asked."""
    order_id = _write(session_for, ward["baby"], rate_ml_h=125.0, **{medication.DOSE_REASON: REASON}).record_id
    nurse = _bag_hung(session_for, clock, order_id, 125.0)
    assert _change(nurse, order_id, 125.0).data["rate_ml_h"] == 125.0
    with pytest.raises(ValidationFailed, match="130 mL/h is above 1.5 times the maintenance"):
        _change(nurse, order_id, 130.0)


def test_the_nurse_is_asked_why_in_the_rate_dialog_and_types_it_there(qtbot, baby_fluids):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from downtime.qt.rate_dialog import RateDialog

    nurse, order_id = baby_fluids
    order = medication.order(nurse.db, order_id)
    dialog = RateDialog(nurse, order, infusion_rates.running_bag(nurse.db, order, nurse.clock()))
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.keyClicks(dialog.rate, "125")
    QTest.keyClicks(dialog.reason, "Dry nappies")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error.text().startswith("“New rate”: 125 mL/h is over 2 times the prescribed 20 mL/h")
    assert "125 mL/h is above 1.5 times the maintenance for 5.8 kg (23.2 mL/h" in dialog.error.text()
    assert dialog.focusWidget() is dialog.above_order
    QTest.keyClicks(dialog.above_order, "Dr Benali: bolus")
    with qtbot.waitSignal(dialog.recorded) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert (saved.args[0].data["rate_ml_h"], saved.args[0].data["above_order"]) == (125.0, "Dr Benali: bolus")


def test_a_fluids_reason_is_printed_and_exported_as_a_rates(session_for, ward, tmp_path, exported_resource):
    """The bolus's reason, kept in the dose's reason field, was printed on the MAR and exported
    as "Prescribed above a usual first dose" (review S5, defect 4): it is the rate's, said so; an
    opioid's stays a dose's."""
    from fhir.resources.R4B.medicationrequest import MedicationRequest
    from pypdf import PdfReader

    from downtime.services import printing

    baby = ward["baby"]
    order = _write(session_for, baby, rate_ml_h=464.0, **{medication.DOSE_REASON: REASON})
    nurse = session_for("nurse")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(
        printing.print_mar(nurse, [baby], tmp_path / "mar.pdf")).pages)
    assert f"Rate above the child’s maintenance: “{REASON}”" in text
    assert "Prescribed above a usual first dose" not in text
    nurse.lang = "fr"
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(
        printing.print_mar(nurse, [baby], tmp_path / "mar-fr.pdf")).pages)
    assert f"Débit supérieur au débit d’entretien de l’enfant : « {REASON} »" in text
    notes = [note.text for note in exported_resource(order.record_id, MedicationRequest).note or []]
    assert f"Rate above the child's maintenance: {REASON}" in notes
    assert not [note for note in notes if note.startswith("Prescribed above a usual first dose")]


@pytest.mark.parametrize("days, rate, said", [
    (10, 20.6, None), (10, 20.7, "ABOVE_NEONATAL"), (27, 18.75, None), (28, 18.75, "CHECK_RATE"),
    (None, 18.75, "CHECK_RATE")])
def test_a_neonate_is_weighed_against_the_neonatal_ceiling(days, rate, said):
    """A term baby of 3 kg on its usual 150 mL/kg a day (18.75 mL/h, NICE NG29, days 5-28) was asked
    as above 1.5 times the 4-2-1 maintenance (18 mL/h) (review S5, defect 5). Under 28 days it is
    asked above 165 mL/kg a day (20.625 mL/h), the message naming it; from day 28 (or its age in
    days not known), as a child."""
    found = rate_refusal(_order("Glucose 10%", rate=rate), rate, 0, 3.0, days)
    assert (None if found is None else found.said.template) == (said and getattr(child_fluids, said))


def test_a_neonates_usual_rate_is_saved_unasked_and_one_above_the_neonatal_ceiling_asked(session_for, ward,
                                                                                          admit_to_paediatrics, clock):
    """Born on 20/11, 3 kg, on 28/11: its 150 mL/kg a day (18.7 mL/h, the box taking one
    decimal) is saved unasked, and its bag set to 20.6 mL/h too; 25 mL/h (200 mL/kg a day) is
    asked naming the neonatal ceiling, ordered or set."""
    newborn = admit_to_paediatrics("4", "2026-11-20", 3.0, "Jade")
    order_id = _write(session_for, newborn, rate_ml_h=18.7).record_id
    nurse = _bag_hung(session_for, clock, order_id, 18.7)
    assert _change(nurse, order_id, 20.6).data["rate_ml_h"] == 20.6
    with pytest.raises(ValidationFailed, match=r"25 mL/h is above 165 mL/kg a day for a neonate of 3 kg"):
        _change(nurse, order_id, 25.0)
    with pytest.raises(medication.DoseReasonNeeded) as asked:
        _write(session_for, newborn, rate_ml_h=25.0)
    assert str(asked.value).startswith(
        "25 mL/h is above 165 mL/kg a day for a neonate of 3 kg (20.6 mL/h; NICE NG29 neonatal): check the rate "
        "against the baby's weight.")
