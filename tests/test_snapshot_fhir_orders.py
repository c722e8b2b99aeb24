"""A FHIR snapshot's MedicationRequest as the ward's order: an as-required order's interval and
daily maximum, a course's stop, one dosage an order. What the order form requires and FHIR does
not give refuses the bundle naming the entry and the FHIR element to add, never the form's label;
and the app's own bundle loads back as it went out."""

import json
from datetime import datetime

import pytest

from downtime.services import medication, records
from downtime.storage.records import list_current
from downtime.sync.export import export
from downtime.sync.importing import import_path
from downtime.sync.outcome import ImportRefused
from downtime.sync.snapshot_fhir import read_fhir_snapshot
from tests.test_snapshot_import import _bundle

ENTRY = "bundle entry 4 (MedicationRequest 44444444-4444-4444-8444-444444444444): "
MORPHINE = {"asNeededCodeableConcept": {"text": "pain"}, "route": {"text": "SC"},
            "timing": {"repeat": {"frequency": 1, "period": 4, "periodUnit": "h"}},
            "maxDosePerPeriod": {"numerator": {"value": 30, "unit": "mg"}, "denominator": {"value": 24, "unit": "h"}},
            "doseAndRate": [{"doseQuantity": {"value": 5, "unit": "mg"}}]}


@pytest.fixture
def clerk(session_for):
    return session_for("records")


def _snapshot(tmp_path, *dosages, **repeat):
    """The test bundle with its order's dosages replaced (`dosages`), or its repeat added to."""
    bundle = _bundle()
    order = bundle["entry"][3]["resource"]
    if dosages:
        order["dosageInstruction"] = list(dosages)
    order["dosageInstruction"][0].setdefault("timing", {}).setdefault("repeat", {}).update(repeat)
    path = tmp_path / "snapshot.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    return path


def _order(clerk):
    (order,) = list_current(clerk.db, "medication_order")
    return order.data


def test_an_as_required_opioid_loads_with_its_interval_and_daily_maximum(clerk, tmp_path):
    """Morphine 5 mg SC as required, every 4 h, at most 30 mg in 24 h: the bundle was refused
    whole ("Minimum interval between doses is required"), no FHIR snapshot with an as-required
    order could be loaded. Loaded again, it adds nothing."""
    path = _snapshot(tmp_path, MORPHINE)
    import_path(clerk, path)
    loaded = _order(clerk)
    assert (loaded["frequency"], loaded["prn_indication"], loaded["min_interval_hours"], loaded["max_doses_24h"]) \
        == ("prn", "pain", 4, 6)
    assert import_path(clerk, path).added == {}


@pytest.mark.parametrize(("change", "interval", "most"), [
    ({"timing": {"repeat": {"period": 30, "periodUnit": "min", "periodMax": 60}}}, 0.5, 6),
    ({"timing": {"repeat": {"frequency": 1, "period": 1, "periodUnit": "d"}}}, 24, 6),
    ({"maxDosePerPeriod": {"numerator": {"value": 12, "code": "mg"}, "denominator": {"value": 1, "code": "d"}}}, 4, 2),
    ({"maxDosePerPeriod": {"numerator": {"value": 22, "unit": "mg"}, "denominator": {"value": 24, "unit": "h"}}}, 4, 4),
])
def test_an_as_required_orders_limits_in_other_words(clerk, tmp_path, change, interval, most):
    """Minutes or days, a day as `1 d`; "every 30 to 60 minutes" is at least 30 minutes apart; a
    maximum that is not a whole number of doses is rounded down, never above the prescriber's."""
    import_path(clerk, _snapshot(tmp_path, MORPHINE | change))
    assert (_order(clerk)["min_interval_hours"], _order(clerk)["max_doses_24h"]) == (interval, most)


def test_an_as_required_order_without_its_reason_takes_the_dosage_text(clerk, tmp_path):
    dosage = {key: value for key, value in MORPHINE.items() if key != "asNeededCodeableConcept"}
    import_path(clerk, _snapshot(tmp_path, dosage | {"asNeededBoolean": True, "text": "if pain score above 4"}))
    assert _order(clerk)["prn_indication"] == "if pain score above 4"


@pytest.mark.parametrize(("change", "said"), [
    ({"asNeededCodeableConcept": None, "asNeededBoolean": True},
     "dosageInstruction.asNeededCodeableConcept or text (what the as-required medicine is given for) is missing"),
    ({"timing": None}, "dosageInstruction.timing.repeat.period (the least interval between as-required doses) is "
                       "missing"),
    ({"maxDosePerPeriod": None},
     "dosageInstruction.maxDosePerPeriod (the most of an as-required medicine in 24 hours) is missing"),
    ({"timing": {"repeat": {"frequency": 3, "period": 1, "periodUnit": "d"}}},
     "the as-required dosage is given 3 times every 1 d: give its least interval between doses as timing.repeat "
     "frequency 1, period and periodUnit"),
    ({"timing": {"repeat": {"period": 1, "periodUnit": "wk"}}}, "dosage repeats every 1 wk, which the order form "
                                                               "cannot say"),
    ({"maxDosePerPeriod": {"numerator": {"value": 0.03, "unit": "g"}, "denominator": {"value": 24, "unit": "h"}}},
     "maxDosePerPeriod is in g, the dose in mg: give it in the dose's unit"),
    ({"maxDosePerPeriod": {"numerator": {"value": 15, "unit": "mg"}, "denominator": {"value": 12, "unit": "h"}}},
     "maxDosePerPeriod is per 12 h: the order form's maximum is per 24 h (denominator 24 h)"),
    ({"maxDosePerPeriod": {"numerator": {"value": 2, "unit": "mg"}, "denominator": {"value": 24, "unit": "h"}}},
     "maxDosePerPeriod 2 mg is less than one dose"),
])
def test_an_as_required_order_fhir_cannot_complete_is_refused_naming_the_element(clerk, tmp_path, change, said):
    """The refusal named the form's labels ("Minimum interval between doses" is required), which
    told the EHR's team nothing of what to add; it names the FHIR element, and the entry. The
    snapshot is one transaction: nothing is loaded."""
    dosage = {key: value for key, value in (MORPHINE | change).items() if value is not None}
    with pytest.raises(ImportRefused) as refused:
        import_path(clerk, _snapshot(tmp_path, dosage))
    assert str(refused.value) == ENTRY + said
    assert list_current(clerk.db, "admission") == []


@pytest.mark.parametrize(("repeat", "stop"), [
    ({"boundsPeriod": {"start": "2026-11-26T11:00:00+01:00", "end": "2026-11-29T23:59:00+01:00"}},
     "2026-11-29T23:59+01:00"),
    ({"boundsDuration": {"value": 5, "unit": "d", "code": "d"}}, "2026-12-01T11:00+01:00"),
    ({"boundsDuration": {"value": 36, "code": "h"}}, "2026-11-27T23:00+01:00"),
])
def test_a_fhir_orders_stop_is_loaded(clerk, tmp_path, repeat, stop):
    """The furosemide ordered until 29/11 (`boundsPeriod.end`, as this app's export writes a
    stop) was loaded with none: offered on the round every day after the course ended. A stop
    given as a duration counts from the start (`authoredOn` when no `boundsPeriod.start`)."""
    import_path(clerk, _snapshot(tmp_path, **repeat))
    assert (_order(clerk)["start_at"], _order(clerk)["stop_at"]) == ("2026-11-26T11:00+01:00", stop)


def test_a_fhir_orders_bounds_start_is_its_start(clerk, tmp_path):
    import_path(clerk, _snapshot(tmp_path, boundsPeriod={"start": "2026-11-27T08:00:00+01:00"}))
    assert (_order(clerk)["start_at"], _order(clerk).get("stop_at")) == ("2026-11-27T08:00+01:00", None)


def test_an_active_order_whose_course_ended_loads_as_stopped(clerk, tmp_path):
    """The EHR leaves a finished course "active" until someone tidies it: its stop, already
    past, is loaded as a CSV line's is, and the round does not offer it (refused, it would
    refuse the whole ward's snapshot)."""
    import_path(clerk, _snapshot(tmp_path, boundsPeriod={"end": "2026-11-27T20:00:00+01:00"}))
    assert _order(clerk)["stop_at"] == "2026-11-27T20:00+01:00"
    assert medication.round_list(clerk.db, clerk.forms, "3B", clerk.clock()) == []


def test_an_unknown_duration_unit_is_refused(clerk, tmp_path):
    with pytest.raises(ImportRefused, match="boundsDuration 1 mo: give it in min, h, d or wk, or give "
                                            "boundsPeriod.end"):
        import_path(clerk, _snapshot(tmp_path, boundsDuration={"value": 1, "code": "mo"}))


def test_a_second_dosage_is_refused_not_dropped(clerk, tmp_path):
    """Furosemide 40 mg at 08:00 and 80 mg at 20:00, one request with two dosages: loaded as
    40 mg at 08:00 and 14:00, the 20:00 dose gone without a word."""
    bundle = json.loads(_snapshot(tmp_path).read_text(encoding="utf-8"))
    first = bundle["entry"][3]["resource"]["dosageInstruction"][0]
    second = {"timing": {"repeat": {"timeOfDay": ["20:00:00"]}}, "route": {"text": "iv"},
              "doseAndRate": [{"doseQuantity": {"value": 80, "unit": "mg"}}]}
    with pytest.raises(ImportRefused) as refused:
        import_path(clerk, _snapshot(tmp_path, first, second))
    assert str(refused.value) == ENTRY + "2 dosageInstructions in one MedicationRequest: write each dosage as its " \
                                         "own order"
    assert list_current(clerk.db, "medication_order") == []


def test_the_apps_own_as_required_order_and_stop_load_back(session_for, medication_ward, tmp_path):
    """The app's bundle said the morphine's interval in words only: read back as a snapshot, its
    interval, daily maximum, reason, start and the amoxicillin's stop are as the ward wrote them."""
    _, amox, morphine = medication_ward
    doctor = session_for("doctor")
    (written,) = [record.data for record in list_current(doctor.db, "medication_order") if record.record_id == amox]
    records.amend(doctor, amox, {**written, "stop_at": "2026-11-30T08:00+01:00"}, "5-day course")
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    (prn,) = next(entry["resource"] for entry in bundle["entry"]
                  if entry["fullUrl"] == f"urn:uuid:{morphine}")["dosageInstruction"]
    assert prn["timing"]["repeat"] | {"boundsPeriod": None} == {"frequency": 1, "period": 4, "periodUnit": "h",
                                                               "boundsPeriod": None}
    snapshot = tmp_path / "snapshot.json"
    snapshot.write_text(json.dumps({"resourceType": "Bundle", "type": "collection", "entry": [
        {"fullUrl": entry["fullUrl"], "resource": {**entry["resource"], "id": entry["fullUrl"].split(":")[-1]}}
        for entry in bundle["entry"]
        if entry["resource"]["resourceType"] in ("Patient", "Encounter", "MedicationRequest")]}), encoding="utf-8")
    loaded = {item.key: item.values for item in read_fhir_snapshot(snapshot) if item.kind == "order"}
    assert {key: loaded[morphine][key] for key in ("frequency", "prn_indication", "min_interval_hours",
                                                   "max_doses_24h", "start_at")} \
        == {"frequency": "prn", "prn_indication": "pain score > 4", "min_interval_hours": 4, "max_doses_24h": 4,
            "start_at": "2026-11-27T10:00+01:00"}
    assert (datetime.fromisoformat(loaded[amox]["start_at"]), datetime.fromisoformat(loaded[amox]["stop_at"])) \
        == (datetime.fromisoformat("2026-11-27T10:00+01:00"), datetime.fromisoformat("2026-11-30T08:00+01:00"))


# Orders of form version 4 (a depot, an as-required range, a side and the routes it added), from
# the EHR or the app's own bundle: one of them refused the whole snapshot, the ward starting its
# outage with no orders at all.

SNOMED_ROUTE = "http://snomed.info/sct"
EVERY_12_WEEKS = {"route": {"text": "IM"}, "timing": {"repeat": {"timeOfDay": ["10:00:00"], "period": 12,
                                                                  "periodUnit": "wk"}},
                  "doseAndRate": [{"doseQuantity": {"value": 100, "unit": "mg"}}]}
RANGE_30_60 = MORPHINE | {"route": {"text": "PO"}, "doseAndRate": [{"doseRange": {
    "low": {"value": 30, "unit": "mg"}, "high": {"value": 60, "unit": "mg"}}}],
    "maxDosePerPeriod": {"numerator": {"value": 240, "unit": "mg"}, "denominator": {"value": 24, "unit": "h"}}}
LEFT_EYE = {"route": {"coding": [{"system": SNOMED_ROUTE, "code": "54485002"}], "text": "Ophthalmic"},
            "site": {"text": "left eye"}, "timing": {"repeat": {"timeOfDay": ["08:00:00", "20:00:00"]}},
            "doseAndRate": [{"doseQuantity": {"value": 1, "unit": "drop"}}]}


@pytest.mark.parametrize(("dosage", "expected"), [
    (EVERY_12_WEEKS, {"frequency": "scheduled", "times": "10:00", "every_days": "84", "route": "IM"}),
    (EVERY_12_WEEKS | {"timing": {"repeat": {"timeOfDay": ["10:00:00"], "period": 3, "periodUnit": "mo"}}},
     {"every_days": "91"}),
    (RANGE_30_60, {"frequency": "prn", "dose_min": 30, "dose": 60, "dose_unit": "mg", "max_doses_24h": 4}),
    (LEFT_EYE, {"route": "EYE", "side": "left", "dose": 1, "dose_unit": "drop"}),
    (LEFT_EYE | {"route": {"coding": [{"system": SNOMED_ROUTE, "code": "46713006"}]}, "site": {"text": "both nostrils"},
                 "doseAndRate": [{"doseQuantity": {"value": 2, "unit": "puff"}}]}, {"route": "NAS", "side": "bilateral"}),
    (EVERY_12_WEEKS | {"route": {"coding": [{"system": SNOMED_ROUTE, "code": "45890007"}], "text": "Transdermal"},
                       "timing": {"repeat": {"timeOfDay": ["08:00:00"], "period": 3, "periodUnit": "d"}}},
     {"route": "TD", "every_days": "3"}),
], ids=["depot_every_12_weeks", "depot_every_3_months", "range_30_60_mg", "left_eye_by_its_snomed_route",
        "both_nostrils", "transdermal_every_3_days"])
def test_a_version_4_order_in_the_ehr_snapshot_loads(clerk, tmp_path, dosage, expected):
    """"dosage repeats every 12 wk, which the order form cannot say" (the form has said it since
    version 4), "dosage doseQuantity is missing" for a range, "Side is required" for eye drops
    to the left eye: each refused the bundle."""
    import_path(clerk, _snapshot(tmp_path, dosage))
    loaded = _order(clerk)
    assert {key: loaded.get(key) for key in expected} == expected


@pytest.mark.parametrize(("dosage", "said"), [
    (LEFT_EYE | {"site": {"text": "upper lid"}}, "dosageInstruction.site 'upper lid' says neither left, right nor "
                                                 "both"),
    ({key: value for key, value in LEFT_EYE.items() if key != "site"},
     "dosageInstruction.site (the eye, ear or nostril: left, right or both) is missing"),
    (RANGE_30_60 | {"doseAndRate": [{"doseRange": {"low": {"value": 0.03, "unit": "g"},
                                                   "high": {"value": 60, "unit": "mg"}}}]},
     "doseRange is from 0.03 g to 60 mg: give both ends in one unit"),
    (EVERY_12_WEEKS | {"timing": {"repeat": {"timeOfDay": ["10:00:00"], "period": 6, "periodUnit": "wk"}}},
     "dosage repeats every 6 wk, which the order form cannot say"),
])
def test_a_version_4_order_fhir_cannot_complete_is_refused_naming_the_element(clerk, tmp_path, dosage, said):
    with pytest.raises(ImportRefused) as refused:
        import_path(clerk, _snapshot(tmp_path, dosage))
    assert str(refused.value) == ENTRY + said
    assert list_current(clerk.db, "medication_order") == []


def test_an_injections_site_is_not_read_as_a_side(clerk, tmp_path):
    """Only an eye, ear or nostril has a side on the order form: an EHR's infusion site is not
    refused, nor loaded as a side the form does not ask."""
    bundle = json.loads(_snapshot(tmp_path).read_text(encoding="utf-8"))
    import_path(clerk, _snapshot(tmp_path, bundle["entry"][3]["resource"]["dosageInstruction"][0]
                                 | {"site": {"text": "Left forearm"}}))
    assert (_order(clerk)["route"], _order(clerk).get("side")) == ("IV", None)


VERSION_4 = {
    "Paliperidone": {"dose": 100.0, "dose_unit": "mg", "route": "IM", "frequency": "scheduled", "times": "08:00",
                     "every_days": "84"},
    "Codeine phosphate": {"dose_min": 30.0, "dose": 60.0, "dose_unit": "mg", "route": "PO", "frequency": "prn",
                          "prn_indication": "pain", "min_interval_hours": 6.0, "max_doses_24h": 4},
    "Chloramphenicol 0.5%": {"dose": 1.0, "dose_unit": "drop", "route": "EYE", "side": "left",
                             "frequency": "scheduled", "times": "08:00 20:00"},
    "Ciprofloxacin 0.3%": {"dose": 2.0, "dose_unit": "drop", "route": "EAR", "side": "right",
                           "frequency": "scheduled", "times": "08:00"},
    "Mometasone": {"dose": 2.0, "dose_unit": "puff", "route": "NAS", "side": "bilateral", "frequency": "scheduled",
                   "times": "08:00"},
    "Rivastigmine": {"dose": 9.5, "dose_unit": "mg", "route": "TD", "frequency": "scheduled", "times": "08:00"},
    "Prochlorperazine": {"dose": 3.0, "dose_unit": "mg", "route": "BUC", "frequency": "scheduled", "times": "08:00"},
    "Salbutamol": {"dose": 2.0, "dose_unit": "puff", "route": "INH", "frequency": "scheduled", "times": "08:00"},
}


def test_the_apps_own_version_4_orders_load_back_on_another_laptop(session_for, medication_ward, laptop, tmp_path):
    """The app's bundle, loaded as the snapshot of another laptop (a ward's, at the next
    outage): its depot, range, sides and the routes version 4 added are as the doctor wrote
    them. Its routes went out as the form's words ("Eye", "Buccal (inside the cheek)"), which
    the loader read as no route of the form's."""
    loaded = _loaded_back({drug: {**written, "high_alert": False} for drug, written in VERSION_4.items()},
                          session_for, medication_ward, laptop, tmp_path)
    for drug, written in VERSION_4.items():
        assert {key: loaded[drug].get(key) for key in written} == written, drug


# A variable-dose order (insulin by capillary glucose, warfarin by INR): the app's own bundle sent
# it with no dose, and was refused as a snapshot ("dosage doseQuantity is missing").

SLIDING_SCALE = "capillary glucose under 8: none; 8 to 12: 2 units; 12 to 16: 4 units; over 16: 6 units"
VARIABLE = {
    "Insulin aspart": {"dose": 6.0, "dose_unit": "units", "route": "SC", "frequency": "scheduled",
                       "times": "08:00 12:00 18:00", "dose_rule": SLIDING_SCALE, "high_alert": True, "time_critical": True},
    "Warfarin": {"dose": 10.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled", "times": "18:00",
                 "dose_rule": "by the INR of the day, as the anticoagulation chart says", "high_alert": True},
}


def test_the_apps_own_variable_dose_orders_load_back_on_another_laptop(session_for, medication_ward, laptop,
                                                                       tmp_path):
    loaded = _loaded_back(VARIABLE, session_for, medication_ward, laptop, tmp_path)
    for drug, written in VARIABLE.items():
        assert {key: loaded[drug].get(key) for key in written} == written, drug
        assert "dose_min" not in loaded[drug]


@pytest.mark.parametrize("dosage", [
    {"doseAndRate": [{"doseRange": {"high": {"value": 6, "unit": "units"}}}]},
    {"maxDosePerAdministration": {"value": 6, "unit": "units"}},
], ids=["range_with_no_low", "most_for_one_dose_only"])
def test_an_ehrs_sliding_scale_loads_as_a_variable_dose_its_text_the_rule(clerk, tmp_path, dosage):
    """An EHR's insulin by glucose, "up to 6 units" or its most for one dose with no dose: the
    rule is its dosage's text."""
    scale = {"route": {"text": "SC"}, "timing": {"repeat": {"timeOfDay": ["08:00:00", "12:00:00", "18:00:00"]}},
             "text": SLIDING_SCALE, **dosage}
    import_path(clerk, _snapshot(tmp_path, scale))
    loaded = _order(clerk)
    assert (loaded["dose"], loaded["dose_unit"], loaded["dose_rule"], loaded["frequency"]) == (
        6, "units", SLIDING_SCALE, "scheduled")


def test_a_variable_dose_with_no_rule_in_words_is_refused_naming_the_element(clerk, tmp_path):
    scale = {"route": {"text": "SC"}, "timing": {"repeat": {"timeOfDay": ["08:00:00"]}},
             "doseAndRate": [{"doseRange": {"high": {"value": 6, "unit": "units"}}}]}
    with pytest.raises(ImportRefused) as refused:
        import_path(clerk, _snapshot(tmp_path, scale))
    assert str(refused.value) == ENTRY + "dosageInstruction.text (the rule a variable dose is given by) is missing"
    assert list_current(clerk.db, "medication_order") == []


def _loaded_back(orders, session_for, medication_ward, laptop, tmp_path):
    """Each order (by drug) written on this laptop, exported, and its bundle's patients, stays and
    orders loaded on another laptop as an EHR snapshot: the orders as loaded there, by drug."""
    patient, doctor = medication_ward[0], session_for("doctor")
    for drug, written in orders.items():
        records.save_new(doctor, "medication_order", {"drug": drug, "controlled": False, **written,
                                                      "start_at": "2026-11-28T08:00+01:00"}, patient_id=patient)
    folder = export(session_for("records"), tmp_path / "export").folder
    bundle = json.loads((folder / "fhir" / "bundle.json").read_text(encoding="utf-8"))
    snapshot = tmp_path / "snapshot.json"
    snapshot.write_text(json.dumps({"resourceType": "Bundle", "type": "collection", "entry": [
        {"fullUrl": entry["fullUrl"], "resource": {**entry["resource"], "id": entry["fullUrl"].split(":")[-1]}}
        for entry in bundle["entry"]
        if entry["resource"]["resourceType"] in ("Patient", "Encounter", "MedicationRequest")]}), encoding="utf-8")
    _, other = laptop(tmp_path / "other.db", 2)
    import_path(other, snapshot)
    return {order.data["drug"]: order.data for order in list_current(other.db, "medication_order")}
