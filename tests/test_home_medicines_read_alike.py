"""A home medicine and an order are named by one reading (`home_medicines.named`), what a line
says of how often and in which form is read as typed, and a line saying there is none, or that
the list is elsewhere, is no medicine: a charted "Humulin I" or "Folic acid" never covered its
home line, "in the morning and at night" was once a day, "Mr Smith's supply" modified release,
"Nil." a medicine, and "As per blister pack" a medicine called "a"."""

from datetime import UTC, datetime, time

import pytest

from downtime.domain.medication import Frequency, Order
from downtime.services import prefill
from downtime.services.home_medicines import elsewhere, home_lines, named, taken_as_ordered


@pytest.mark.parametrize(("typed", "drug"), [
    ("Humulin I 20 units at 22:00", "Humulin I"), ("Folic acid 5 mg od", "Folic acid 5mg tablets"),
    ("Vitamin D 800 units od", "Vitamin D"), ("Insulin 20 units nocte", "Insulin glargine"),
    ("Insulin 20 units nocte", "Insulin (sliding scale)"), ("Combined contraceptive pill", "Combined contraceptive pill"),
    ("Latanoprost 50micrograms/ml eye drops", "Latanoprost 50micrograms/ml eye drops"),
    ("Potassium chloride", "Potassium chloride"), ("Gaviscon Advance liquid", "Gaviscon Advance liquid"),
    ("Senna 7.5mg tablets", "Senna 7.5mg tablets"), ("Fostair 100/6 inhaler", "Fostair 100/6 inhaler"),
    ("Tiotropium 18 microgram inhalation powder capsules", "Tiotropium"), ("Ferrous fumarate 210 mg", "Ferrous fumarate"),
    ("Thiamine 100mg", "Thiamine 100mg"), ("Uvedose 100 000 UI", "Uvedose 100 000 UI"), ("Diprobase cream", "Diprobase cream"),
])
def test_an_order_named_as_the_home_line_covers_it(typed, drug):
    line, = home_lines(typed)
    assert line.names <= named(drug), (line.names, named(drug))


def test_one_vitamin_is_not_another():
    line, = home_lines("Vitamin D 800 units od")
    assert not line.names <= named("Vitamin B compound strong")


@pytest.mark.parametrize("typed", ["Nil.", "Aucun.", "NKDA.", "N/A", "Nil,", "Néant.", "None.",
                                   prefill.WORDS["no_order"]["en"], prefill.WORDS["no_order"]["fr"]])
def test_a_line_saying_there_is_none_is_no_medicine(typed):
    assert home_lines(typed) == [] and elsewhere(typed) is None


@pytest.mark.parametrize("typed", ["See GP list", "As per GP list", "Voir ordonnance", "as per blister pack",
                                   "Cf ordonnance", "Selon ordonnance", "Dosette box - as per GP", "Not known",
                                   "Patient unsure of meds", "Traitement inconnu"])
def test_a_line_pointing_elsewhere_is_no_medicine_but_the_list_to_get(typed):
    assert home_lines(typed) == [] and elsewhere(typed) == typed


@pytest.mark.parametrize(("typed", "name"), [("Paracetamol 1 g as per GP", "paracetamol"),
                                             ("Senna 7.5 mg 2 tabs per night", "senna"),
                                             ("Spasfon 2 cp selon besoin", "spasfon")])
def test_a_medicine_with_a_word_of_elsewhere_stays_a_medicine(typed, name):
    assert [line.names for line in home_lines(typed)] == [frozenset({name})] and elsewhere(typed) is None


def _order(drug: str, dose: float, times: tuple[str, ...] = ("08:00",), frequency: Frequency = Frequency.SCHEDULED,
           unit: str = "mg") -> Order:
    return Order(record_id="r", patient_id="p", drug=drug, dose=dose, dose_unit=unit, route="PO", frequency=frequency,
                 times=tuple(time.fromisoformat(one) for one in times) if frequency is Frequency.SCHEDULED else (),
                 every_days=1, start_at=datetime(2026, 11, 28, tzinfo=UTC))


@pytest.mark.parametrize(("typed", "order"), [
    ("Furosemide 40 mg in the morning and at night", _order("Furosemide", 40, ("08:00", "18:00"))),
    ("Amlodipine 5 mg one in the morning, one at night", _order("Amlodipine", 5, ("08:00", "20:00"))),
    ("Oxycodone MR 10 mg bd", _order("OxyContin", 10, ("08:00", "20:00"))),
    ("Morphine sulfate MR (Zomorph) 30 mg bd", _order("Zomorph", 30, ("08:00", "20:00"))),
    ("Nifedipine LA 30 mg od", _order("Nifedipine MR", 30)),
    ("Epilim Chrono 500 mg bd", _order("Sodium valproate MR", 500, ("08:00", "20:00"))),
    ("Dépakine chrono 500 mg matin et soir", _order("Valproate de sodium LP", 500, ("08:00", "20:00"))),
    ("Tegretol Retard 200 mg bd", _order("Carbamazepine MR", 200, ("08:00", "20:00"))),
    ("Paracetamol 1 g up to four times a day", _order("Paracetamol", 1000, frequency=Frequency.PRN)),
    ("Lansoprazole 30 mg od, Mr Smith's own supply", _order("Lansoprazole", 30)),
])
def test_a_home_medicine_charted_as_taken_is_not_said_changed(typed, order):
    assert taken_as_ordered(typed, order)


@pytest.mark.parametrize(("typed", "order"), [
    ("Furosemide 40 mg in the morning and at night", _order("Furosemide", 40)),
    ("Oxycodone MR 10 mg bd", _order("Oxycodone", 10, ("08:00", "20:00"))),
    ("Metformin 500 mg bd", _order("Metformin MR", 500, ("08:00", "20:00"))),
])
def test_a_home_medicine_charted_otherwise_is_still_said_changed(typed, order):
    assert not taken_as_ordered(typed, order)
