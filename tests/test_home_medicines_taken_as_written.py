"""A home medicine is read as it is written: a generic typed as the tables know it whole is that
medicine, not its first word (a charted "Insulin glargine" left "Lantus 20 units nocte" asked
"TIME-CRITICAL: prescribe now", and a row "Sodium valproate — held" decided "Sodium bicarbonate");
a weekly medicine is compared with how many days apart its order gives it (a daily methotrexate
is a Never Event); "lunchtime", "mornings", "nightly" are times of day; and a medicine made only
as modified release (tamsulosin) is not asked as changed for a word of release unsaid."""

from datetime import UTC, datetime, time

import pytest

from downtime.domain.medication import Frequency, Order
from downtime.services import reconciliation
from downtime.services.home_medicines import home_lines, named, taken_as_ordered, uncovered

ADMITTED = datetime(2026, 11, 28, tzinfo=UTC)


def _order(drug: str, dose: float, times: tuple[str, ...] = ("08:00",), every_days: int = 1,
           unit: str = "mg") -> Order:
    return Order(record_id="r", patient_id="p", drug=drug, dose=dose, dose_unit=unit, route="PO",
                 frequency=Frequency.SCHEDULED, times=tuple(time.fromisoformat(one) for one in times),
                 every_days=every_days, start_at=ADMITTED)


@pytest.mark.parametrize(("typed", "drug"), [
    ("Insulin glargine 20 units nocte", "Insulin glargine"), ("Lantus 20 units nocte", "Insulin glargine"),
    ("Humalog 6 units with meals", "Insulin lispro"), ("Novorapid 6 units tds", "Insulin aspart"),
    ("Sodium valproate 500mg bd", "Sodium valproate"), ("Epilim 500 mg bd", "Sodium valproate"),
])
def test_a_generic_charted_as_the_tables_know_it_covers_its_home_line(typed, drug):
    assert uncovered(home_lines(typed), [_order(drug, 20, unit="units")], ADMITTED) == []


def test_a_generic_named_whole_is_not_its_first_word():
    assert named("Sodium valproate").isdisjoint(named("Sodium bicarbonate"))


def test_a_row_naming_a_generic_decides_its_brand_not_another_salt():
    reading = reconciliation.read({
        "home_list": "Epilim 500mg bd\nSodium bicarbonate 500mg tds",
        "decisions": [{"medicine": "Sodium valproate", "decision": "held", "reason": "LFTs deranged"},
                      {"medicine": "Sodium bicarbonate 500mg tds", "decision": "continued"}]})
    assert ({line: row["decision"] for line, row in reading.by_line.items()}, reading.undecided) == (
        {"Epilim 500mg bd": "held", "Sodium bicarbonate 500mg tds": "continued"}, [])


@pytest.mark.parametrize("typed", [
    "Methotrexate 15 mg weekly (Mondays)", "Methotrexate 15 mg once a week", "Méthotrexate 15 mg 1x/semaine",
    "Alendronic acid 70mg once weekly", "Fosamax 70 mg 1/sem", "Folic acid 5 mg weekly",
])
def test_a_weekly_medicine_charted_daily_is_said_changed(typed):
    dose = float(next(word for word in typed.split() if word.rstrip("mg").isdigit()).rstrip("mg"))
    assert not taken_as_ordered(typed, _order(typed.split()[0], dose))


@pytest.mark.parametrize("typed", ["Methotrexate 15 mg weekly (Mondays)", "Méthotrexate 15 mg 1 fois par semaine",
                                   "Alendronic acid 70mg once a week"])
def test_a_weekly_medicine_charted_weekly_is_taken_as_ordered(typed):
    dose = float(next(word for word in typed.split() if word.rstrip("mg").isdigit()).rstrip("mg"))
    assert taken_as_ordered(typed, _order(typed.split()[0], dose, every_days=7))


def test_a_dose_reduced_weekly_is_taken_daily():
    assert taken_as_ordered("Prednisolone 30mg reducing by 5mg weekly", _order("Prednisolone", 30))


@pytest.mark.parametrize(("typed", "times"), [
    ("Furosemide 40 mg in the morning and at lunchtime", ("08:00", "14:00")),
    ("Furosemide 40 mg mornings and lunch time", ("08:00", "14:00")),
    ("Furosemide 40 mg midi et le soir", ("12:00", "18:00")),
    ("Furosemide 40 mg mornings and lunchtimes", ("08:00", "14:00")),
])
def test_times_of_day_as_typed_are_counted(typed, times):
    assert taken_as_ordered(typed, _order("Furosemide", 40, times))


@pytest.mark.parametrize("typed", ["Furosemide 40 mg mornings", "Furosemide 40 mg nightly",
                                   "Furosemide 40 mg evenings"])
def test_a_time_of_day_in_the_plural_is_one_dose_a_day(typed):
    assert not taken_as_ordered(typed, _order("Furosemide", 40, ("08:00", "14:00")))


def test_a_medicine_made_only_modified_release_is_not_changed_for_a_word_unsaid():
    assert taken_as_ordered("Tamsulosin 400mcg od", _order("Tamsulosin MR", 400, unit="microgram"))
