"""A medicine with a ceiling (domain.order_units.CEILINGS) is read as itself whatever else its
order's name says ("Digoxin elixir", "Fludrocortisone 100 microgram tablets"), and weighed so."""

import pytest

from downtime.domain.medication import medicines_in
from downtime.domain.order_units import CEILINGS, ceiling_refusal


@pytest.mark.parametrize("medicine", sorted(CEILINGS))
@pytest.mark.parametrize("written", ["{} oral solution", "{} elixir", "{} 62.5 microgram tablets"])
def test_a_medicine_with_a_ceiling_is_read_whatever_its_name_adds(medicine, written):
    assert medicines_in(written.format(medicine.capitalize())) == medicines_in(medicine)


def test_digoxin_elixir_in_mg_is_refused_as_digoxin_is():
    assert ceiling_refusal("Digoxin elixir", 250.0, "mg", "PO").field == "dose_unit"
