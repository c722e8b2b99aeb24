"""Medicines the app knows as high-alert or time-critical, as it knows controlled drugs: an order
of one written with the box unticked is refused on that box, and one written before the rule or
loaded from the EHR's snapshot unticked is read as one all the same. Levodopa 40 minutes late
was not overdue, the prescriber not having ticked "time-critical"."""

from datetime import datetime, time, timedelta

import pytest

from downtime.domain.medication import (DoseState, Frequency, Order, RoundPolicy, dose_state, flags_known,
                                        high_alert_drug, policy_for, time_critical_drug)
from downtime.services import medication, records
from downtime.services.errors import ValidationFailed

AT_14 = datetime.fromisoformat("2026-11-28T14:00+01:00")


@pytest.mark.parametrize("drug", [
    "Levodopa", "Co-careldopa 25/100", "Co-beneldopa 12.5/50", "Sinemet CR", "Madopar 125", "Modopar 62,5",
    "Stalevo 100", "Lévodopa/carbidopa", "Rotigotine patch", "Neupro", "Ropinirole", "Pramipexole", "Apomorphine",
    "Entacapone", "Insulin aspart", "Lantus", "Insuline glargine", "Actrapid 50 units in 50 mL", "Rasagiline",
    "Azilect", "Selegiline", "Eldepryl", "Zelapar", "Safinamide", "Xadago", "Amantadine", "Opicapone", "Ongentys",
    "Comtess", "Tolcapone", "Sastravi", "Oprymea", "Inbrija", "Mantadix 100 mg", "Symmetrel", "Piribedil",
    "Trivastal 50 mg LP", "Ralnea XL 8 mg", "Ipinnia XL", "Protaphane", "Insulin (NPH)", "Insulin-isophane"])
def test_parkinsons_medicines_and_insulins_are_time_critical(drug):
    assert time_critical_drug(drug)


@pytest.mark.parametrize("drug", [
    "Levothyroxine", "Levofloxacin", "Levetiracetam", "Carbamazepine", "Insulin-like growth factor 1", "Paracetamol",
    "Amoxicillin", "Enoxaparin"])
def test_other_medicines_are_time_critical_only_as_the_prescriber_ticks(drug):
    """An anticonvulsant or an antibiotic is time-critical by its patient and indication, not by
    its name; "Levothyroxine" is no levodopa, nor a growth factor "insulin-like" an insulin."""
    assert not time_critical_drug(drug)


@pytest.mark.parametrize(("drug", "route"), [
    ("Insulin aspart (NovoRapid)", "SC"), ("Humulin I", "SC"), ("Enoxaparin", "SC"), ("Lovenox 4000 UI", "SC"),
    ("Warfarin", "PO"), ("Apixaban", "PO"), ("Héparine sodique", "IV"), ("Fondaparinux", "SC"),
    ("Potassium chloride 40 mmol in 1 L", "IV"), ("Chlorure de potassium", "IV"), ("KCl 20 mmol", "IV"),
    ("Potassium phosphate", "IV"), ("Methotrexate", "PO"), ("Méthotrexate", "SC"), ("Metoject", "SC")])
def test_insulins_anticoagulants_injected_potassium_and_methotrexate_are_high_alert(drug, route):
    assert high_alert_drug(drug, route)


@pytest.mark.parametrize(("drug", "route"), [
    ("Potassium chloride", "PO"), ("Chlorure de potassium", "NG"), ("Sando-K", "PO"), ("Diffu-K", "PO"),
    ("Penicillin V potassium", "PO"), ("Sodium chloride 0.9%", "IV"), ("Heparin flush 50 units", "IV"),
    ("Paracetamol", "IV"), ("Levodopa", "PO"), ("Magnesium sulfate", "IV")])
def test_potassium_by_mouth_a_line_flush_and_others_are_high_alert_only_as_ticked(drug, route):
    """Potassium is high-alert injected (concentrated potassium chloride), not as Sando-K."""
    assert not high_alert_drug(drug, route)


def test_the_three_flags_come_from_one_place():
    assert flags_known("Oxycodone", "PO") == ("controlled",)
    assert flags_known("Insulin glargine", "SC") == ("high_alert", "time_critical")
    assert flags_known("Paracetamol", "PO") == ()


def _order(drug: str, **flags: bool) -> Order:
    return Order(record_id="o", patient_id="p", drug=drug, dose=1, dose_unit="tablet", route="PO",
                 frequency=Frequency.SCHEDULED, times=(time(14),), start_at=AT_14 - timedelta(hours=5), **flags)


def test_an_order_the_app_knows_is_read_with_its_flags_whatever_was_ticked():
    levodopa = _order("Co-careldopa 25/100", time_critical=False)
    assert levodopa.time_critical and not levodopa.high_alert
    assert _order("Warfarin", high_alert=False).high_alert
    assert not _order("Levetiracetam").time_critical
    assert _order("Levetiracetam", time_critical=True).time_critical  # the prescriber's tick stands
    late = AT_14 + timedelta(minutes=40)
    assert dose_state(AT_14, late, None, policy_for(levodopa, RoundPolicy())) is DoseState.OVERDUE


ORDER = {"dose": 1.0, "frequency": "scheduled", "times": "06:00 10:00 14:00 18:00 22:00",
         "start_at": "2026-11-28T09:30+01:00", "controlled": False, "high_alert": False, "time_critical": False}
UNTICKED = [("Co-careldopa 25/100", "tablet", "PO", "time_critical",
             "“Time-critical: give within 30 minutes of its time” must be Yes for Co-careldopa 25/100, a time-critical "
             "medicine.", {}),
            ("Heparin", "units", "SC", "high_alert",
             "“High-alert medicine” must be Yes for Heparin, a high-alert medicine.", {}),
            ("Potassium chloride 40 mmol in 1 L", "mmol", "IV", "high_alert",
             "“High-alert medicine” must be Yes for Potassium chloride 40 mmol in 1 L, a high-alert medicine.",
             {"form": "infusion", "rate_ml_h": 125.0})]


@pytest.mark.parametrize(("drug", "unit", "route", "flag", "said", "more"), UNTICKED)
def test_an_order_the_app_knows_is_refused_unticked_on_that_box(session_for, patient, drug, unit, route, flag, said,
                                                                  more):
    """As oxycodone is refused as not controlled: the prescriber learns there and then that the
    dose is given within 30 minutes, or checked by a second nurse."""
    doctor = session_for("doctor")
    values = {**ORDER, "drug": drug, "dose_unit": unit, "route": route, **more}
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(doctor, "medication_order", values, patient_id=patient)
    assert [(error.path, error.message) for error in refused.value.errors] == [(flag, said)]
    saved = records.save_new(doctor, "medication_order", {**values, flag: True}, patient_id=patient)
    with pytest.raises(ValidationFailed, match="must be Yes"):
        records.amend(doctor, saved.record_id, {**saved.data, flag: False}, "not needed")


def test_the_refusal_is_said_in_french(session_for, patient):
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(session_for("doctor", "fr"), "medication_order", {
            **ORDER, "drug": "Insuline glargine", "dose_unit": "units", "route": "SC", "high_alert": True},
            patient_id=patient)
    assert [error.message for error in refused.value.errors] == [
        "« Horaire critique : à donner à 30 minutes près » doit être Oui pour Insuline glargine, un médicament à "
        "horaire critique."]


def test_potassium_by_mouth_is_written_unticked(session_for, patient):
    saved = records.save_new(session_for("doctor"), "medication_order", {
        **ORDER, "drug": "Potassium chloride", "dose_unit": "mmol", "route": "PO"}, patient_id=patient)
    assert not medication.order(session_for("nurse").db, saved.record_id).high_alert


def test_a_levodopa_order_loaded_unticked_is_time_critical_on_the_round(session_for, patient, clock):
    """An order from the EHR's snapshot is loaded as the EHR held it, unticked: the round judges
    its 14:00 dose late at 14:20 (overdue at 14:40), as for one ticked."""
    saved = records.save_imported(session_for("records"), "medication_order", {
        **ORDER, "drug": "Sinemet 25/100", "dose_unit": "tablet", "route": "PO"}, patient,
        "5d1f0c2a-7e3b-4a8c-9f61-2b4e8d0c7a15")
    assert saved.data["time_critical"] is False
    clock.advance(minutes=20)
    nurse = session_for("nurse")
    (item,) = [item for item in medication.round_list(nurse.db, nurse.forms, "3B", nurse.clock())
               if item.order.record_id == saved.record_id and item.slot == AT_14]
    assert item.state is DoseState.LATE
    assert "TIME-CRITICAL — within 30 min" in medication.order_flags(item.order, "en", nurse.clock())


@pytest.mark.parametrize("drug", ["Produodopa", "Produodopa 240 mg/12 mg per mL", "Foslevodopa/foscarbidopa",
                                  "Foslévodopa/foscarbidopa"])
def test_foslevodopa_infusion_is_time_critical(drug):
    """Produodopa (foslevodopa with foscarbidopa, a levodopa under the skin by pump day and night;
    MHRA 2023, ANSM 2023) is a Parkinson's medicine as "Get It On Time" counts them: its order was
    not time-critical, nor its patient's Parkinson's medicine kept through a fast."""
    assert time_critical_drug(drug)
