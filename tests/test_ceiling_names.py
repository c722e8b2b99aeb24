"""A medicine with a ceiling (domain.order_units.CEILINGS) is read as itself whatever else its
order's name says ("Digoxin elixir", "Fludrocortisone 100 microgram tablets"), and weighed so."""

import pytest

from downtime.domain.medication import medicines_in, shares_a_medicine
from downtime.domain.order_units import CEILINGS, IN_MICROGRAMS, ceiling_refusal


@pytest.mark.parametrize("medicine", sorted(CEILINGS))
@pytest.mark.parametrize("written", ["{} oral solution", "{} elixir", "{} 62.5 microgram tablets"])
def test_a_medicine_with_a_ceiling_is_read_whatever_its_name_adds(medicine, written):
    assert medicines_in(written.format(medicine.capitalize())) == medicines_in(medicine)


def test_digoxin_elixir_in_mg_is_refused_as_digoxin_is():
    assert ceiling_refusal("Digoxin elixir", 250.0, "mg", "PO").field == "dose_unit"


def test_hyoscine_and_hyoscine_hydrobromide_stay_one_medicine():
    """Hydrobromide is hyoscine's salt: read apart, the dose of "Hyoscine hydrobromide" just given
    was not seen beside an order of "Hyoscine" (review S5 S3)."""
    assert medicines_in("Hyoscine") == medicines_in("Hyoscine hydrobromide") == medicines_in("Scopolamine bromhydrate")
    assert shares_a_medicine("Hyoscine", "Hyoscine hydrobromide")
    assert medicines_in("Buscopan") == medicines_in("Butylbromure de scopolamine") - medicines_in("Hyoscine")


@pytest.mark.parametrize("drug,dose,route,field,asked", [
    # A brand or a French name is weighed as its medicine (each was saved unasked).
    ("Buscopan", 200.0, "SC", "dose", True),
    ("Butylbromure de scopolamine", 100.0, "SC", "dose", True),
    ("Robinul", 200.0, "SC", "dose_unit", False),
    ("Glycopyrrolate", 200.0, "SC", "dose_unit", False),
    ("Kwells", 4.0, "SC", "dose", False),
    ("Scopolamine", 4.0, "SC", "dose", False),
    ("Scopolamine bromhydrate", 4.0, "SC", "dose", False),
    # "Hyoscine" is the hydrobromide, in micrograms: the butylbromide's 20 mg written without its
    # salt is refused, its salt to be named.
    ("Hyoscine", 20.0, "SC", "dose_unit", False),
    # By mouth too (review T2 3): Kwells, hyoscine hydrobromide 150-300 micrograms, in mg; Buscopan
    # 20 mg a dose at most by mouth. Each was saved unasked.
    ("Kwells", 300.0, "PO", "dose_unit", False),
    ("Hyoscine hydrobromide", 0.6, "SL", "dose", False),
    ("Buscopan", 2000.0, "PO", "dose", True),
    ("Hyoscine butylbromide", 40.0, "NG", "dose", True),
])
def test_an_anticipatory_medicine_by_its_brand_or_french_name_meets_its_ceiling(drug, dose, route, field, asked):
    refused = ceiling_refusal(drug, dose, "mg", route)
    assert refused is not None and (refused.field, refused.asked) == (field, asked), refused


@pytest.mark.parametrize("route", ["SC", "PO"])
@pytest.mark.parametrize("drug", ["Hyoscine butylbromide", "Buscopan", "Butylbromure de scopolamine"])
def test_hyoscine_butylbromides_usual_dose_is_not_held_to_the_hydrobromides_micrograms(drug, route):
    assert ceiling_refusal(drug, 20.0, "mg", route) is None


@pytest.mark.parametrize("drug,dose,route,infused", [
    ("Hyoscine", 20.0, "SC", False), ("Scopolamine", 20.0, "SC", False), ("Hyoscine", 10.0, "PO", False),
    ("Hyoscine", 60.0, "SC", True)])
def test_hyoscine_in_mg_of_the_butylbromides_dose_asks_its_salt_named_not_micrograms(drug, dose, route, infused):
    """"Hyoscine 20 mg SC" is the butylbromide's (Buscopan's) dose with no salt named: "Did you
    mean 20 micrograms?" saved the hydrobromide at a dose that does nothing (review T2 4)."""
    refused = ceiling_refusal(drug, dose, "mg", route, infused=infused)
    assert refused is not None and refused.field == "dose_unit" and not refused.asked
    assert "Name the salt meant: Hyoscine butylbromide (Buscopan), in mg, or " \
        "Hyoscine hydrobromide, in micrograms." in str(refused.said), str(refused.said)


def test_hyoscine_in_mg_beyond_the_butylbromides_doses_is_still_read_as_micrograms():
    assert ceiling_refusal("Hyoscine", 400.0, "mg", "SC").said.template == IN_MICROGRAMS[False]


@pytest.mark.parametrize("drug", ["Thyroxine", "Eltroxin", "Levothyroxine", "L-Thyroxine"])
def test_levothyroxine_by_its_ward_names_in_mg_is_refused_as_micrograms(drug):
    """"Thyroxine 100 mg" and "Eltroxin 100 mg" were saved unasked where "Levothyroxine 100 mg"
    was refused (review T2 7)."""
    refused = ceiling_refusal(drug, 100.0, "mg", "PO")
    assert refused is not None and refused.field == "dose_unit", refused
