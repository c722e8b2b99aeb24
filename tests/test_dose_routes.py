"""A dose charted by the order form's version 4 routes (transdermal, eye, ear, nasal, buccal): the
dose form's routes stopped at the nasogastric tube, so a dose given by its order's own route was
refused ("choose one of the listed options") at the bedside and from the paper chart alike, and a
patch ordered "Transdermal" charted "Topical" was questioned."""

from datetime import datetime

import pytest

from downtime.services import medication, paper_doses, records
from downtime.storage.records import list_current

BASE = {"controlled": False, "high_alert": False, "start_at": "2026-11-28T08:00+01:00", "frequency": "scheduled",
        "times": "08:00"}
BY_ROUTE = {
    "EYE": {**BASE, "drug": "Chloramphenicol 0.5% eye drops", "dose": 1.0, "dose_unit": "drop", "route": "EYE",
            "side": "left"},
    "EAR": {**BASE, "drug": "Ciprofloxacin ear drops", "dose": 3.0, "dose_unit": "drop", "route": "EAR",
            "side": "right"},
    "NAS": {**BASE, "drug": "Mometasone nasal spray", "dose": 2.0, "dose_unit": "puff", "route": "NAS",
            "side": "bilateral"},
    "BUC": {**BASE, "drug": "Prochlorperazine", "dose": 3.0, "dose_unit": "mg", "route": "BUC"},
    "TD": {**BASE, "drug": "Rivastigmine", "dose": 9.5, "dose_unit": "mg", "route": "TD", "form": "patch"},
}
AT = "2026-11-28T08:00+01:00"


def _ordered(session_for, patient: str, data: dict) -> str:
    return records.save_new(session_for("doctor"), "medication_order", data, patient_id=patient).record_id


def _given(route: str, dose: float) -> dict:
    return {"outcome": "given", "given_at": AT, "scheduled_for": AT, "dose_given": dose, "route": route,
            **({"site": "Left upper back"} if route in ("TD", "TOP") else {})}


@pytest.mark.parametrize("route", list(BY_ROUTE))
def test_a_dose_given_by_its_orders_new_route_is_saved_with_nothing_asked(session_for, medication_ward, clock,
                                                                         route):
    order_id = _ordered(session_for, medication_ward[0], BY_ROUTE[route])
    clock.now = datetime.fromisoformat("2026-11-28T08:10+01:00")
    saved = medication.record_dose(session_for("nurse"), order_id, _given(route, BY_ROUTE[route]["dose"]))
    assert saved.data["route"] == route and "overrides" not in saved.data


@pytest.mark.parametrize("route", list(BY_ROUTE))
def test_a_dose_by_a_new_route_typed_in_from_the_paper_chart_is_saved(session_for, medication_ward, clock, route):
    order_id = _ordered(session_for, medication_ward[0], BY_ROUTE[route])
    clock.now = datetime.fromisoformat("2026-11-28T10:00+01:00")
    nurse = session_for("nurse")
    at = datetime.fromisoformat(AT)
    paper_doses.save_paper_doses(nurse, {1: paper_doses.PaperDose(order_id, at, True, at, dose=BY_ROUTE[route]["dose"],
                                                                  route=route)})
    (dose,) = [found for found in list_current(nurse.db, "medication_administration")
               if found.data["order"] == order_id]
    assert dose.data["route"] == route and dose.data["transcribed"] is True


@pytest.mark.parametrize(("ordered", "charted"), [("TD", "TOP"), ("TOP", "TD")])
def test_a_patch_is_charted_transdermal_or_topical_whichever_its_order_says(session_for, medication_ward, clock,
                                                                           ordered, charted):
    order_id = _ordered(session_for, medication_ward[0], {**BY_ROUTE["TD"], "route": ordered})
    clock.now = datetime.fromisoformat("2026-11-28T08:10+01:00")
    saved = medication.record_dose(session_for("nurse"), order_id, _given(charted, 9.5))
    assert saved.data["route"] == charted and "overrides" not in saved.data


def test_a_dose_by_another_new_route_than_the_orders_is_still_questioned(session_for, medication_ward, clock):
    order_id = _ordered(session_for, medication_ward[0], BY_ROUTE["EYE"])
    clock.now = datetime.fromisoformat("2026-11-28T08:10+01:00")
    with pytest.raises(medication.OverrideNeeded) as asked:
        medication.record_dose(session_for("nurse"), order_id, _given("EAR", 1.0))
    assert [warning.check.value for warning in asked.value.warnings] == ["route_mismatch"]


@pytest.mark.parametrize(("typed", "ordered", "saved"), [("transdermal", "TOP", "TD"), ("Oral", "PO", "PO"),
                                                         ("oculaire", "EYE", "EYE")])
def test_a_route_typed_in_its_words_is_saved_as_its_code(session_for, medication_ward, clock, typed, ordered, saved):
    """The README: a patch ordered "Topical" is charted "transdermal" without a question; the dose
    dialog's Route box refused any route but its code as no listed option."""
    data = {**BY_ROUTE["TD"], "route": ordered} if ordered in ("TD", "TOP") else \
        BY_ROUTE["EYE"] if ordered == "EYE" else {**BY_ROUTE["BUC"], "drug": "Paracetamol", "dose": 1.0,
                                                  "dose_unit": "g", "route": "PO"}
    order_id = _ordered(session_for, medication_ward[0], data)
    clock.now = datetime.fromisoformat("2026-11-28T08:10+01:00")
    dose = medication.record_dose(session_for("nurse"), order_id, {**_given(ordered, data["dose"]), "route": typed})
    assert dose.data["route"] == saved and "overrides" not in dose.data
