"""A medicine with a ceiling (domain.order_units.CEILINGS) is read as itself whatever else its
order's name says ("Digoxin elixir", "Fludrocortisone 100 microgram tablets"), and weighed so."""

import pytest

from downtime.domain.medication import medicines_in, shares_a_medicine
from downtime.domain.order_units import CEILINGS, ceiling_refusal


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
])
def test_an_anticipatory_medicine_by_its_brand_or_french_name_meets_its_ceiling(drug, dose, route, field, asked):
    refused = ceiling_refusal(drug, dose, "mg", route)
    assert refused is not None and (refused.field, refused.asked) == (field, asked), refused


@pytest.mark.parametrize("drug", ["Hyoscine butylbromide", "Buscopan", "Butylbromure de scopolamine"])
def test_hyoscine_butylbromides_usual_dose_is_not_held_to_the_hydrobromides_micrograms(drug):
    assert ceiling_refusal(drug, 20.0, "mg", "SC") is None
