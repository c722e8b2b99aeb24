"""A home insulin covered only by an order of its kind (services.home_medicines.named): a home
basal or premixed insulin read by its brand's first word ("humulin", "umuline", "insuman", or
Humalog Mix25 as lispro) counted as charted when only the brand's mealtime insulin was prescribed,
and a type 1's basal insulin was never asked for (JBDS-IP: never leave out the basal insulin)."""

from datetime import datetime

import pytest

from downtime.services import census, home_medicines, records

ORDER = {"dose": 8.0, "dose_unit": "units", "route": "SC", "frequency": "scheduled", "times": "08:00 18:00",
         "start_at": "2026-11-28T10:00+01:00", "controlled": False, "high_alert": True, "time_critical": True}
AT = datetime.fromisoformat("2026-11-29T12:00+01:00")


def _unreconciled(session_for, patient: str, clock, home: str, charted: str) -> home_medicines.Unreconciled | None:
    """The admission's list `home` with amoxicillin (charted on the ward), and an order of `charted`."""
    nurse = session_for("nurse")
    admission = records.current(nurse.db, census.in_patients(nurse.db, nurse.forms, ward="3B")[0].admission_record_id)
    records.amend(nurse, admission.record_id, {**admission.data, "usual_medicines": f"{home}\nAmoxicillin 1 g tds"},
                  "home medicines")
    records.save_new(session_for("doctor"), "medication_order", {**ORDER, "drug": charted}, patient_id=patient)
    clock.now = AT
    return home_medicines.unreconciled(nurse.db, census.in_patients(nurse.db, nurse.forms, ward="3B"), AT).get(patient)


@pytest.mark.parametrize(("home", "charted"), [("Humulin I 20 units at night", "Humulin S"),
                                               ("Umuline NPH 20 unités le soir", "Umuline Rapide"),
                                               ("Insuman Basal 20 units at night", "Insuman Rapid"),
                                               ("Humulin M3 20 units twice a day", "Humulin S"),
                                               ("Humalog Mix25 20 units twice a day", "Humalog"),
                                               # Review S_DI S6: the kind named after "Insulin".
                                               ("Insulin (Humulin I) 20 units", "Humulin S"),
                                               ("Insulin Humulin I 20 units", "Humulin S"),
                                               ("Insulin long-acting 20 units nocte", "Humulin S")])
def test_a_home_basal_or_premixed_insulin_is_not_charted_by_its_brands_mealtime_one(
        session_for, medication_ward, clock, home, charted):
    found = _unreconciled(session_for, medication_ward[0], clock, home, charted)
    assert found is not None and found.lines == (home,)
    assert home in found.critical


@pytest.mark.parametrize(("home", "charted"), [("Humulin I 20 units at night", "Humulin I"),
                                               ("Umuline NPH 20 unités le soir", "Umuline NPH"),
                                               ("Humalog Mix25 20 units twice a day", "Humalog Mix 25"),
                                               ("Lantus 20 units at night", "Insulin glargine"),
                                               ("Insulin (Humulin I) 20 units", "Insulin glargine"),
                                               ("Insulin 20 units at night", "Humulin S"),
                                               ("NovoRapid 6 units with meals", "Insulin aspart")])
def test_a_home_insulin_is_charted_by_an_order_of_its_kind(session_for, medication_ward, clock, home, charted):
    """Its own kind covers it, and a line naming no kind ("Insulin 20 units") any insulin."""
    assert _unreconciled(session_for, medication_ward[0], clock, home, charted) is None
