"""A dose taken from a register page counted in another unit than the order's: a page of capsules
or tablets whose name states each one's strength, for a dose in mg; the Oramorph page in mg for a
dose ordered in mL by its strength, and the reverse. No second, empty page is listed for a box the
register already keeps."""

import pytest

from downtime.services import cd_register, medication, records
from downtime.services.errors import ServiceError

WITNESS = ("doctor", "2222")


def _order(session_for, patient, drug, dose, unit="mg", **strength):
    return records.save_new(session_for("doctor"), "medication_order", {
        "drug": drug, "dose": dose, "dose_unit": unit, **strength, "route": "PO", "frequency": "prn",
        "prn_indication": "pain score > 4", "min_interval_hours": 4, "max_doses_24h": 4,
        "start_at": "2026-11-27T10:00+01:00", "controlled": True, "high_alert": False}, patient_id=patient).record_id


def _give(nurse, order_id, dose):
    return medication.record_dose(nurse, order_id, {
        "outcome": "given", "given_at": "2026-11-28T13:30+01:00", "dose_given": dose, "route": "PO",
        "given_for": "pain 7/10"}, witness=WITNESS)


ORAMORPH_IN_ML = {"strength_mg": 10.0, "strength_ml": 5.0}


@pytest.mark.parametrize(("unit", "left"), [("capsule", 26.0), ("Gélules", 26.0), ("capsules", 26.0)])
def test_a_dose_in_mg_comes_off_a_page_counted_in_capsules_of_its_strength(medication_ward, session_for, unit, left):
    """"Oxycodone 5 mg capsule" counted in capsules, 28 of them: 10 mg of oxycodone was refused as
    if the ward held none ("holds 0 mg of Oxycodone"). It takes two capsules."""
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    order_id = _order(session_for, patient, "Oxycodone", 10.0)
    cd_register.cd_receive(nurse, "3B", "Oxycodone 5 mg capsule", unit, 28, witness=WITNESS)
    given = _give(nurse, order_id, 10.0)
    assert cd_register.cd_balance(nurse.db, "3B", "Oxycodone 5 mg capsule", unit) == left
    assert cd_register.taken_from_register(nurse.db, given.record_id) == cd_register.Taken(
        "3B", "Oxycodone 5 mg capsule", unit, 2.0)


@pytest.mark.parametrize(("drug", "page", "dose", "quantity"), [("Oxycodone", "Oxycodone 5 mg capsule", "7.5", "1.5"),
                                                               ("Zomorph", "Zomorph 10 mg capsule", "15", "1.5")])
def test_a_dose_that_is_not_whole_capsules_is_refused_never_from_an_opened_capsule(
        medication_ward, session_for, drug, page, dose, quantity):
    """A part capsule (Zomorph, a modified-release morphine capsule) was refused with the
    ampoules' advice, to chart the dose and destroy the rest of the capsule taken: half of an
    opened capsule given, and an opened modified-release one releases its whole dose at once."""
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    order_id = _order(session_for, patient, drug, float(dose))
    cd_register.cd_receive(nurse, "3B", page, "capsule", 28, witness=WITNESS)
    with pytest.raises(ServiceError) as refused:
        _give(nurse, order_id, float(dose))
    assert refused.value.text("en") == (
        f"Controlled-drug register: {dose} mg is {quantity} capsule of {page}, and a capsule is never opened or "
        f"divided: {dose} mg cannot be made up from whole capsules of this page. If the dose came from another page, "
        "choose that page; if not, check the dose with the prescriber or the pharmacist (another strength, or the "
        "liquid).")
    assert cd_register.cd_balance(nurse.db, "3B", page, "capsule") == 28.0


def test_a_part_ampoule_from_the_page_it_was_drawn_from_is_refused_saying_what_to_do(medication_ward, session_for):
    """2.5 mg from the ward's only page, "Morphine 10 mg ampoule" counted in ampoules, the page the
    dose is taken from unasked: the refusal said "choose the page the dose was taken from", the
    page it was taken from."""
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    order_id = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Morphine", "dose": 2.5, "dose_unit": "mg", "route": "SC", "frequency": "prn",
        "prn_indication": "pain score > 4", "min_interval_hours": 4, "max_doses_24h": 4,
        "start_at": "2026-11-27T10:00+01:00", "controlled": True, "high_alert": False}, patient_id=patient).record_id
    cd_register.cd_receive(nurse, "3B", "Morphine 10 mg ampoule", "ampoule", 10, witness=WITNESS)
    with pytest.raises(ServiceError) as refused:
        medication.record_dose(nurse, order_id, {"outcome": "given", "given_at": "2026-11-28T13:30+01:00",
                                                 "dose_given": 2.5, "route": "SC", "given_for": "pain 7/10"},
                               witness=WITNESS)
    assert refused.value.text("en") == (
        "Controlled-drug register: 2.5 mg is 0.25 ampoule of Morphine 10 mg ampoule, and its page counts whole "
        "ampoule only. If the dose came from another page, choose that page. If it came from this one, the register "
        "cannot take the whole ampoule with the rest as wastage: write the dose on the paper chart, and the ampoule "
        "taken and the rest destroyed in the paper register, witnessed, and tell the pharmacist.")
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine 10 mg ampoule", "ampoule") == 10.0


def test_a_page_counted_in_capsules_of_no_stated_strength_is_not_offered(medication_ward, session_for):
    """How many capsules 10 mg is cannot be told: the page is not the dose's."""
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    found = medication.order(nurse.db, _order(session_for, patient, "Oxycodone", 10.0))
    cd_register.cd_receive(nurse, "3B", "Oxycodone capsules", "capsule", 28, witness=WITNESS)
    assert cd_register.dose_pages(nurse.db, found, nurse.clock())[1] == []


def test_oramorph_ordered_in_ml_comes_off_the_oramorph_page_in_mg(medication_ward, session_for):
    """Oramorph 10 mg in 5 mL, 5 mL ordered: refused "ward 3B holds 0 mL of Oramorph" with
    100 mg on its page. The order's strength makes it 10 mg."""
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    order_id = _order(session_for, patient, "Oramorph", 5.0, unit="mL", **ORAMORPH_IN_ML)
    cd_register.cd_receive(nurse, "3B", "Oramorph", "mg", 100, witness=WITNESS)
    _give(nurse, order_id, 5.0)
    assert cd_register.cd_balance(nurse.db, "3B", "Oramorph", "mg") == 90.0


@pytest.mark.parametrize(("page", "strength"), [("Oramorph", {"form": "liquid", **ORAMORPH_IN_ML}),
                                                ("Oramorph 10 mg/5 mL", {})])
def test_a_dose_in_mg_comes_off_a_page_in_ml_by_the_strength(medication_ward, session_for, page, strength):
    """The reverse: the bottle's page in mL, the dose in mg, by the order's strength or the page's."""
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    order_id = _order(session_for, patient, "Oramorph", 10.0, **strength)
    cd_register.cd_receive(nurse, "3B", page, "mL", 100, witness=WITNESS)
    _give(nurse, order_id, 10.0)
    assert cd_register.cd_balance(nurse.db, "3B", page, "mL") == 95.0


def test_the_tab_offers_no_empty_second_page_for_a_box_it_already_keeps(medication_ward, session_for):
    """Beside "Oramorph (mg) 100" and "Oxycodone 5 mg capsule (capsule) 28", the tab listed empty
    pages "Oramorph (mL)" and "Oxycodone (mg)" for the same boxes, inviting a count or a receipt
    on a second page: two balances for one cupboard."""
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    _order(session_for, patient, "Oramorph", 5.0, unit="mL", **ORAMORPH_IN_ML)
    _order(session_for, patient, "Oxycodone", 10.0)
    cd_register.cd_receive(nurse, "3B", "Oramorph", "mg", 100, witness=WITNESS)
    cd_register.cd_receive(nurse, "3B", "Oxycodone 5 mg capsule", "capsule", 28, witness=WITNESS)
    assert [(stock.drug, stock.unit, stock.balance) for stock in cd_register.cd_stock(nurse.db, nurse.forms, "3B")] \
        == [("Morphine", "mg", 0.0), ("Oramorph", "mg", 100.0), ("Oxycodone 5 mg capsule", "capsule", 28.0)]


@pytest.mark.parametrize(("dose", "unit"), [(0.5, "tablet"), (2.5, "mg")])
def test_half_a_tablet_is_taken_whichever_unit_it_is_ordered_in(medication_ward, session_for, dose, unit):
    """Methadone 5 mg tablets counted in tablets: half of one ordered as 0.5 tablet was taken, the
    same ordered as 2.5 mg refused ("whose page counts whole tablet: check the dose"), the dose
    given right and never charted."""
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    order_id = _order(session_for, patient, "Methadone", dose, unit=unit)
    cd_register.cd_receive(nurse, "3B", "Methadone 5 mg tablet", "tablet", 20, witness=WITNESS)
    _give(nurse, order_id, dose)
    assert cd_register.cd_balance(nurse.db, "3B", "Methadone 5 mg tablet", "tablet") == 19.5


@pytest.mark.parametrize(("dose", "unit", "said"), [
    (1.25, "mg", "1.25 mg is 0.25 tablet of Methadone 5 mg tablet, and its page counts whole or half tablet only"),
    (0.25, "tablet", "0.25 tablet is 0.25 tablet of Methadone 5 mg tablet, and its page counts whole or half tablet "
                     "only")])
def test_a_quarter_tablet_is_refused_whichever_unit_it_is_ordered_in(medication_ward, session_for, dose, unit, said):
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    order_id = _order(session_for, patient, "Methadone", dose, unit=unit)
    cd_register.cd_receive(nurse, "3B", "Methadone 5 mg tablet", "tablet", 20, witness=WITNESS)
    with pytest.raises(ServiceError) as refused:
        _give(nurse, order_id, dose)
    assert refused.value.text("en") == f"Controlled-drug register: {said}: choose the page the dose was taken from."


def test_a_dose_in_tablets_of_another_strength_takes_as_many_of_the_pages_as_make_it(medication_ward, session_for):
    """One "Oxycodone 10 mg" tablet, the ward's page of 5 mg tablets: two of them leave the
    cupboard, not one."""
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    order_id = _order(session_for, patient, "Oxycodone 10 mg", 1.0, unit="tablet")
    cd_register.cd_receive(nurse, "3B", "Oxycodone 5 mg tablet", "tablet", 28, witness=WITNESS)
    _give(nurse, order_id, 1.0)
    assert cd_register.cd_balance(nurse.db, "3B", "Oxycodone 5 mg tablet", "tablet") == 26.0


def test_a_dose_chosen_from_a_liquid_page_is_counted_by_the_bottles_own_strength(medication_ward, session_for):
    """The order's strength boxes say 20 mg/mL (the concentrate); the nurse, warned, chose the
    "Oramorph 10 mg/5 mL" bottle's page: 10 mg of it is 5 mL. The order's strength took 0.5 mL,
    the register 4.5 mL above the cupboard a dose."""
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    order_id = _order(session_for, patient, "Oramorph", 10.0, form="liquid", strength_mg=20.0, strength_ml=1.0)
    cd_register.cd_receive(nurse, "3B", "Oramorph 10 mg/5 mL", "mL", 100, witness=WITNESS)
    medication.record_dose(nurse, order_id, {
        "outcome": "given", "given_at": "2026-11-28T13:30+01:00", "dose_given": 10.0, "route": "PO",
        "given_for": "pain 7/10"}, witness=WITNESS, register_page="Oramorph 10 mg/5 mL")
    assert cd_register.cd_balance(nurse.db, "3B", "Oramorph 10 mg/5 mL", "mL") == 95.0


@pytest.mark.parametrize(("page", "unit", "dose", "unit_ordered", "taken"), [
    ("Fentanyl 50 micrograms/ml injection", "µg", 25.0, "microgram", 25.0),  # the micro sign
    ("Fentanyl 50 micrograms/ml injection", "\N{GREEK SMALL LETTER MU}g", 25.0, "microgram", 25.0),
    ("Fentanyl 50 micrograms/ml injection", "microgrammes", 25.0, "microgram", 25.0),
    ("Fentanyl 50 micrograms/ml injection", "MICROGRAMMES", 0.025, "mg", 25.0),
    ("Butrans", "patches", 5.0, "microgram", 1.0)])
def test_a_page_in_the_units_a_box_is_typed_in_is_the_orders(medication_ward, session_for, page, unit, dose,
                                                             unit_ordered, taken):
    """A fentanyl page counted in "µg" or "microgrammes", a Butrans page in "patches", was never
    offered for its order: the ward "held 0 microgram"."""
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    found = medication.order(nurse.db, _order(session_for, patient, page, dose, unit=unit_ordered,
                                              **({"form": "patch"} if unit == "patches" else {})))
    cd_register.cd_receive(nurse, "3B", page, unit, 5, witness=WITNESS)
    pages = cd_register.dose_pages(nurse.db, found, nurse.clock())[1]
    assert [(stock.drug, stock.unit) for stock in pages] == [(page, unit)]
    assert cd_register.taken_by(pages[0], found, dose) == taken


@pytest.mark.parametrize("unit", ["flacon", "Flacons"])
def test_a_dose_in_mg_comes_off_a_french_page_counted_in_flacons_of_its_strength(medication_ward, session_for, unit):
    """A French ward counts its single-dose methadone syrups in "flacons" (vials): 20 mg was
    refused as "ward 3B holds 0 mg of Méthadone", the page of ten never offered, where the same
    page counted in "vials" gave one. It takes one flacon, and no empty page in mg is listed."""
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    order_id = _order(session_for, patient, "Méthadone", 20.0)
    cd_register.cd_receive(nurse, "3B", "Méthadone 20 mg sirop", unit, 10, witness=WITNESS)
    given = _give(nurse, order_id, 20.0)
    assert cd_register.taken_from_register(nurse.db, given.record_id) == cd_register.Taken(
        "3B", "Méthadone 20 mg sirop", unit, 1.0)
    assert [(page.drug, page.unit) for page in cd_register.cd_stock(nurse.db, nurse.forms, "3B")
            if page.drug.startswith("Méthadone")] == [("Méthadone 20 mg sirop", unit)]
