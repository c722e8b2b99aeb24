"""Where a patch or an injection went, and the rate an infusion ran at, said wherever the next
nurse, the receiving team and the records office look: the site typed at a dose went out only in
FHIR, a patch's order stopped took nothing off the skin, a heparin infusion started "once only"
went out "completed" while it ran, and a rate amended rewrote the rate the morning's bag had run
at."""

import json
from datetime import datetime

import pytest
from pypdf import PdfReader

from downtime.domain.medication import Check
from downtime.services import chart_alerts, census, medication, paper_doses, prefill, printing, records
from downtime.services.errors import ValidationFailed
from downtime.sync.export import export

PATCH = {"drug": "Rivastigmine", "dose": 9.5, "dose_unit": "mg", "route": "TOP", "form": "patch",
         "frequency": "scheduled", "times": "08:00", "start_at": "2026-11-28T08:00+01:00",
         "controlled": False, "high_alert": False}
HEPARIN = {"drug": "Heparin sodium", "dose": 25000.0, "dose_unit": "units", "route": "IV", "form": "infusion",
           "rate_ml_h": 2.0, "dose_rule": "25,000 units in 50 mL; rate by the APTT ratio nomogram",
           "frequency": "once", "start_at": "2026-11-28T08:00+01:00", "controlled": False, "high_alert": True}
FLUIDS = {"drug": "Sodium chloride 0.9%", "dose": 1000.0, "dose_unit": "mL", "route": "IV", "form": "infusion",
          "rate_ml_h": 125.0, "frequency": "scheduled", "times": "08:00", "start_at": "2026-11-28T08:00+01:00",
          "controlled": False, "high_alert": False}


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _applied(nurse, order_id: str, at: str, site: str, overrides=None, **more):
    return medication.record_dose(nurse, order_id, {"outcome": "given", "given_at": at, "scheduled_for": at,
                                                     "dose_given": 9.5, "route": "TOP", "site": site, **more},
                                  overrides=overrides)


@pytest.fixture
def patch_on(session_for, medication_ward, clock):
    """Rivastigmine 9.5 mg patch at 08:00 daily, applied on 28/11 at 08:00 on the left upper back.
    Returns (nurse, patient id, patch order id)."""
    patient = medication_ward[0]
    order_id = records.save_new(session_for("doctor"), "medication_order", PATCH, patient_id=patient).record_id
    nurse = session_for("nurse")
    clock.now = _at("2026-11-28T08:05+01:00")
    _applied(nurse, order_id, "2026-11-28T08:00+01:00", "Left upper back")
    return nurse, patient, order_id


def _mar(nurse, patient: str, path) -> str:
    out = printing.print_mar(nurse, [patient], path, days=2)
    return " ".join(page.extract_text() for page in PdfReader(out).pages)


def _letter(nurse, patient: str) -> str:
    return json.dumps(prefill.first_answers(nurse, nurse.form("transfer_out"), patient), ensure_ascii=False)


def test_where_a_patch_is_is_on_the_printed_mar_and_the_transfer_letter(patch_on, clock, tmp_path):
    nurse, patient, _ = patch_on
    clock.now = _at("2026-11-29T07:55+01:00")
    assert "Left upper back" in _mar(nurse, patient, tmp_path / "mar.pdf")
    assert "patch on: Left upper back since 28/11/2026 08:00" in _letter(nurse, patient)


def test_a_patch_given_while_the_last_is_on_says_what_became_of_it(patch_on, clock):
    nurse, patient, order_id = patch_on
    clock.now = _at("2026-11-29T08:05+01:00")
    with pytest.raises(ValidationFailed) as refused:
        _applied(nurse, order_id, "2026-11-29T08:00+01:00", "Right upper back")
    assert refused.value.errors[0].path == "previous_patch"
    _applied(nurse, order_id, "2026-11-29T08:00+01:00", "Right upper back", previous_patch="removed")
    assert [dose.site for _, dose in medication.patches_on_now(nurse.db, patient)] == ["Right upper back"]


def test_a_patch_applied_when_the_last_is_not_found_on_the_skin_asks_what_was_done(patch_on, clock):
    """Moved elsewhere on the body, the patch not found is a second dose with the new one; a
    controlled drug's is also a loss to report. Saved with nothing asked before."""
    nurse, patient, order_id = patch_on
    clock.now = _at("2026-11-29T08:05+01:00")
    with pytest.raises(medication.OverrideNeeded) as asked:
        _applied(nurse, order_id, "2026-11-29T08:00+01:00", "Right upper back", previous_patch="not_found")
    assert [warning.message for warning in asked.value.warnings] == [
        "Rivastigmine: the patch on before is recorded not found on the skin: search the whole skin (moved elsewhere, "
        "it is a second dose with this one) and the bed before applying this one. Say what was done in the reason."]
    saved = _applied(nurse, order_id, "2026-11-29T08:00+01:00", "Right upper back", previous_patch="not_found",
                     overrides={Check.PATCH_NOT_FOUND: "skin and bed searched, none found"})
    assert saved.data["overrides"] == [{"check": "patch_not_found", "reason": "skin and bed searched, none found"}]
    fentanyl = medication.order(nurse.db, order_id).model_copy(update={"drug": "Fentanyl 25 micrograms/hour",
                                                                       "controlled": True})
    [said] = medication.patch_not_found(fentanyl, {"outcome": "given", "previous_patch": "not_found"})
    assert "a controlled drug unaccounted for is told to the nurse in charge and reported as an incident" in said.message
    assert medication.patch_not_found(fentanyl, {"outcome": "given", "previous_patch": "removed"}) == []


def test_a_patch_left_on_after_its_order_is_stopped_is_on_the_alerts_and_the_handover(patch_on, session_for, clock,
                                                                                       forms):
    nurse, patient, order_id = patch_on
    clock.now = _at("2026-11-28T12:00+01:00")
    records.amend(session_for("doctor"), order_id, PATCH | {"stop_at": "2026-11-28T12:00+01:00"}, "Confusion worse")
    clock.now = _at("2026-11-28T14:00+01:00")
    label = medication.order_label(medication.order(nurse.db, order_id), forms["medication_order"], "en")
    said = (f"PATCH STILL ON: {label}, applied 28/11 08:00, Left upper back — its order is stopped: "
            "remove it, and record it removed (the order's dose not given, previous patch removed)")
    in_patients = census.in_patients(nurse.db, forms, "3B", clock.now)
    listed = chart_alerts.alerts(nurse.db, forms, in_patients, clock.now, "en", ward="3B").alerts
    assert [alert.said for alert in listed if alert.patient.patient_id == patient and "PATCH" in alert.said[0]] == [[said]]
    assert chart_alerts.patches_handover(nurse.db, forms, [patient], clock.now, "en") == {patient: said}
    medication.record_dose(nurse, order_id, {"outcome": "not_given", "given_at": "2026-11-28T14:00+01:00",
                                             "not_given_reason": "other", "not_given_detail": "Order stopped",
                                             "previous_patch": "removed"})
    assert chart_alerts.patches_handover(nurse.db, forms, [patient], clock.now, "en") == {}



def test_a_patch_changed_on_the_paper_chart_takes_off_the_one_it_replaced(patch_on, session_for, clock, forms):
    """The laptop down on 29/11, the nurse changed the patch on paper (which has no "Previous
    patch" box) and typed it in at 09:00: both patches were said on the skin, and once the order
    was stopped the handover asked to remove one in the bin since the day before."""
    nurse, patient, order_id = patch_on
    clock.now = _at("2026-11-29T09:00+01:00")
    _applied(nurse, order_id, "2026-11-29T08:00+01:00", "Right upper back", **{medication.TRANSCRIBED: True})
    assert [dose.site for _, dose in medication.patches_on_now(nurse.db, patient)] == ["Right upper back"]
    assert "patch on: Right upper back since 29/11/2026 08:00" in _letter(nurse, patient)
    clock.now = _at("2026-11-29T12:00+01:00")
    records.amend(session_for("doctor"), order_id, PATCH | {"stop_at": "2026-11-29T12:00+01:00"}, "Confusion worse")
    clock.now = _at("2026-11-29T14:00+01:00")
    (said,) = chart_alerts.patches_handover(nurse.db, forms, [patient], clock.now, "en").values()
    assert "Right upper back" in said and "Left upper back" not in said



def test_a_patch_typed_in_from_the_paper_chart_keeps_its_site(patch_on, clock):
    """The night's patch typed in with the others (services.paper_doses) had no site: the next
    dose dialog's CURRENT PATCH, the MAR and the transfer letter said none of where it is."""
    nurse, patient, order_id = patch_on
    clock.now = _at("2026-11-29T09:00+01:00")
    at = _at("2026-11-29T08:00+01:00")
    paper_doses.save_paper_doses(nurse, {1: paper_doses.PaperDose(order_id, at, True, at, dose=9.5, route="TOP",
                                                                  site="Right upper back")})
    assert [dose.site for _, dose in medication.patches_on_now(nurse.db, patient)] == ["Right upper back"]
    assert "patch on: Right upper back since 29/11/2026 08:00" in _letter(nurse, patient)


def test_patches_applied_together_on_the_paper_chart_stay_on_together(patch_on, session_for, clock):
    """Two strengths worn at once (9.5 mg and 4.6 mg, as 25 and 12 microgram fentanyl make 37),
    changed on paper at the same moment: each takes the day before's off, not the other."""
    nurse, patient, order_id = patch_on
    other = records.save_new(session_for("doctor"), "medication_order", PATCH | {"dose": 4.6},
                             patient_id=patient).record_id
    clock.now = _at("2026-11-29T09:00+01:00")
    for order, dose, site in ((order_id, 9.5, "Right upper back"), (other, 4.6, "Right upper arm")):
        medication.record_dose(nurse, order, {"outcome": "given", "given_at": "2026-11-29T08:00+01:00",
                                              "scheduled_for": "2026-11-29T08:00+01:00", "dose_given": dose,
                                              "route": "TOP", "site": site, medication.TRANSCRIBED: True},
                               overrides={"already_given": "Worn together, as ordered"})
    on = medication.patches_on_now(nurse.db, patient)
    assert sorted(dose.site for _, dose in on) == ["Right upper arm", "Right upper back"]

def test_a_patch_not_given_on_the_paper_chart_leaves_the_one_on(patch_on, clock):
    """Only a patch applied changes the one on: a dose written not given on paper took nothing off."""
    nurse, patient, order_id = patch_on
    clock.now = _at("2026-11-29T09:00+01:00")
    medication.record_dose(nurse, order_id, {"outcome": "not_given", "given_at": "2026-11-29T08:00+01:00",
                                             "scheduled_for": "2026-11-29T08:00+01:00", "not_given_reason": "refused",
                                             medication.TRANSCRIBED: True})
    assert [dose.site for _, dose in medication.patches_on_now(nurse.db, patient)] == ["Left upper back"]

def test_a_once_only_infusion_with_a_rate_is_exported_active_once_started(session_for, medication_ward, clock,
                                                                           tmp_path):
    patient = medication_ward[0]
    order_id = records.save_new(session_for("doctor"), "medication_order", HEPARIN, patient_id=patient).record_id
    nurse = session_for("nurse")
    clock.now = _at("2026-11-28T08:05+01:00")
    medication.record_dose(nurse, order_id, {"outcome": "given", "given_at": "2026-11-28T08:00+01:00",
                                             "dose_given": 25000.0, "route": "IV", "decided_on": "APTT ratio 1.2"},
                           witness=("doctor", "2222"))
    clock.now = _at("2026-11-28T14:00+01:00")
    bundle = json.loads((export(session_for("records"), tmp_path / "x").folder / "fhir" / "bundle.json")
                        .read_text(encoding="utf-8"))
    (request,) = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["id"] == order_id]
    assert request["status"] == "active"


def test_each_bag_keeps_the_rate_it_ran_at(session_for, medication_ward, clock, tmp_path):
    patient = medication_ward[0]
    order_id = records.save_new(session_for("doctor"), "medication_order", FLUIDS, patient_id=patient).record_id
    nurse = session_for("nurse")
    clock.now = _at("2026-11-28T08:05+01:00")
    bag = medication.record_dose(nurse, order_id, {"outcome": "given", "given_at": "2026-11-28T08:00+01:00",
                                                   "scheduled_for": "2026-11-28T08:00+01:00", "dose_given": 1000.0,
                                                   "route": "IV", "rate_ml_h": 125.0}).record_id
    clock.now = _at("2026-11-28T12:00+01:00")
    records.amend(session_for("doctor"), order_id, FLUIDS | {"rate_ml_h": 83.0}, "Fluid overload, slowed")
    clock.now = _at("2026-11-28T14:00+01:00")
    assert "@125 mL/h" in _mar(nurse, patient, tmp_path / "mar.pdf")
    bundle = json.loads((export(session_for("records"), tmp_path / "x").folder / "fhir" / "bundle.json")
                        .read_text(encoding="utf-8"))
    (given,) = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["id"] == bag]
    assert given["dosage"]["rateQuantity"]["value"] == 125.0


def test_a_doses_form_asks_the_rate_and_the_previous_patch_of_their_orders_alone(patch_on, medication_ward, forms):
    nurse, _, order_id = patch_on
    spec = forms["medication_administration"]
    asked = medication.asked_by_order(nurse, spec, {"order": order_id})
    assert asked["rate_ml_h"] is False and "previous_patch" not in asked
    asked = medication.asked_by_order(nurse, spec, {"order": medication_ward[1]})  # amoxicillin IV, no rate
    assert asked["rate_ml_h"] is False and asked["previous_patch"] is False
