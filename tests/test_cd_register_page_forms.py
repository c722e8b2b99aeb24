"""A page of the controlled-drug register whose name states a form (the oral solution's, a
patch's) is never taken for a dose by another route unless the nurse chooses it."""

import pytest

from downtime.services import cd_register, medication, records
from downtime.services.errors import ServiceError

WITNESS = ("doctor", "2222")


def _give(nurse, order_id, route="SC", **kwargs):
    return medication.record_dose(nurse, order_id, {
        "outcome": "given", "given_at": "2026-11-28T13:30+01:00", "dose_given": 5.0, "route": route,
        "given_for": "pain 7/10"}, witness=WITNESS, **kwargs)


def _order(session_for, patient, route):
    return records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Morphine", "dose": 5.0, "dose_unit": "mg", "route": route, "frequency": "prn",
        "prn_indication": "pain score > 4", "min_interval_hours": 4, "max_doses_24h": 4,
        "start_at": "2026-11-27T10:00+01:00", "controlled": True, "high_alert": False}, patient_id=patient).record_id


def test_a_dose_sc_is_not_taken_silently_from_the_oral_solutions_only_page(medication_ward, session_for):
    _, _, morphine = medication_ward
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Oramorph", "mg", 100, witness=WITNESS)
    with pytest.raises(ServiceError) as refused:
        _give(nurse, morphine)
    assert refused.value.text("en") == (
        "Stock from register page: Controlled-drug register: Oramorph (oral) for a SC dose: choose the injection's "
        "page, or receive the injection's stock first. To take the dose from Oramorph all the same, choose it there.")
    assert medication.administrations(nurse.db, nurse.db.execute("SELECT patient_id FROM patients").fetchone()[0]) == []
    assert cd_register.cd_balance(nurse.db, "3B", "Oramorph", "mg") == 100.0
    _give(nurse, morphine, register_page="Oramorph")  # chosen: the nurse's word
    assert cd_register.cd_balance(nurse.db, "3B", "Oramorph", "mg") == 95.0


@pytest.mark.parametrize(("page", "route"), [
    ("Morphine solution buvable", "IV"), ("Sevredol", "SC"), ("Skenan gélules", "IM"),
    ("Morphine 10 mg/ml ampoules", "PO"), ("Morphine injectable", "PO"), ("Morphine patch", "PO")])
def test_a_page_for_another_form_is_never_the_default(medication_ward, session_for, page, route):
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    order = medication.order(nurse.db, _order(session_for, patient, route))
    cd_register.cd_receive(nurse, "3B", page, "mg", 20, witness=WITNESS)
    _, pages = cd_register.dose_pages(nurse.db, order, nurse.clock())
    assert [stock.drug for stock in pages] == [page]  # still offered, to be chosen
    assert cd_register.default_page(pages, order) is None
    assert cd_register.wrong_form(pages[0], order) is not None


@pytest.mark.parametrize(("page", "route"), [
    ("Morphine", "SC"), ("Morphine 10 mg/ml injection", "SC"), ("Oramorph", "PO"), ("Oramorph", "NG"),
    ("Morphine sulfate", "PO"), ("Morphine ampoule", "IV"), ("Morphine comprimés", "SL"), ("Oramorph", "PR")])
def test_a_page_that_fits_or_states_no_form_is_taken_as_before(medication_ward, session_for, page, route):
    """A name stating no form, or a route no form is known for (SL, PR), says nothing either way."""
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    order_id = _order(session_for, patient, route)
    cd_register.cd_receive(nurse, "3B", page, "mg", 20, witness=WITNESS)
    _give(nurse, order_id, route=route)
    assert cd_register.cd_balance(nurse.db, "3B", page, "mg") == 15.0


def test_two_pages_are_still_the_nurses_to_choose(medication_ward, session_for):
    _, _, morphine = medication_ward
    nurse = session_for("nurse")
    cd_register.cd_receive(nurse, "3B", "Oramorph", "mg", 100, witness=WITNESS)
    cd_register.cd_receive(nurse, "3B", "Morphine sulfate", "mg", 20, witness=WITNESS)
    with pytest.raises(ServiceError, match="more than one page"):
        _give(nurse, morphine)
    _give(nurse, morphine, register_page="Morphine sulfate")
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine sulfate", "mg") == 15.0


def _give_10(nurse, order_id, route="PO", **kwargs):
    return medication.record_dose(nurse, order_id, {
        "outcome": "given", "given_at": "2026-11-28T13:30+01:00", "dose_given": 10.0, "route": route,
        "given_for": "pain 7/10"}, witness=WITNESS, **kwargs)


def _order_of(session_for, patient, drug, route="PO", dose=10.0):
    return records.save_new(session_for("doctor"), "medication_order", {
        "drug": drug, "dose": dose, "dose_unit": "mg", "route": route, "frequency": "prn",
        "prn_indication": "pain score > 4", "min_interval_hours": 4, "max_doses_24h": 4,
        "start_at": "2026-11-27T10:00+01:00", "controlled": True, "high_alert": False}, patient_id=patient).record_id


@pytest.mark.parametrize(("page", "drug", "said"), [
    ("Oramorph", "Zomorph", "Oramorph is immediate release and the order, Zomorph, modified release"),
    ("OxyNorm", "OxyContin", "OxyNorm is immediate release and the order, OxyContin, modified release"),
    ("Oxycodone IR capsules", "Oxycodone MR tablets",
     "Oxycodone IR capsules is immediate release and the order, Oxycodone MR tablets, modified release"),
    ("Zomorph", "Oramorph", "Zomorph is modified release and the order, Oramorph, immediate release")])
def test_a_dose_of_one_release_is_not_taken_silently_from_the_other_releases_page(
        medication_ward, session_for, page, drug, said):
    """The ward holds only the immediate-release stock: a Zomorph dose came off the Oramorph page
    unasked, a release-form mix-up (12 hours of opioid at once) or a register wrong for both. It
    is the nurse's to choose, warned, as a page of another form is."""
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    order_id = _order_of(session_for, patient, drug)
    cd_register.cd_receive(nurse, "3B", page, "mg", 100, witness=WITNESS)
    with pytest.raises(ServiceError) as refused:
        _give_10(nurse, order_id)
    assert refused.value.text("en") == (
        f"Stock from register page: Controlled-drug register: {said}: choose the page of the "
        f"{said.rsplit(', ', 1)[1]} form, or receive its stock first. To take the dose from {page} all the same, "
        f"choose it there.")
    assert cd_register.cd_balance(nurse.db, "3B", page, "mg") == 100.0
    _give_10(nurse, order_id, register_page=page)  # chosen: the nurse's word
    assert cd_register.cd_balance(nurse.db, "3B", page, "mg") == 90.0


def test_the_tab_lists_the_orders_own_page_when_the_ward_holds_only_the_other_release(medication_ward, session_for):
    """Only Oramorph on the register and Zomorph ordered: the Zomorph page is listed, empty, for
    its stock to be received on a page of its own."""
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    _order_of(session_for, patient, "Zomorph")
    cd_register.cd_receive(nurse, "3B", "Oramorph", "mg", 100, witness=WITNESS)
    assert [(stock.drug, stock.balance) for stock in cd_register.cd_stock(nurse.db, nurse.forms, "3B")] == [
        ("Morphine", 0.0), ("Oramorph", 100.0), ("Zomorph", 0.0)]


def test_an_order_naming_its_strength_is_not_taken_silently_from_another_strengths_page(medication_ward, session_for):
    """"Morphine 10 mg/ml injection" ordered, only 30 mg/ml ampoules on the register: 10 mg is
    0.33 mL of one and 1 mL of the other, a threefold volume error, and the page would read a
    30 mg/ml ampoule used."""
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    order_id = _order_of(session_for, patient, "Morphine 10 mg/ml injection", route="SC")
    cd_register.cd_receive(nurse, "3B", "Morphine 30 mg/ml injection", "mg", 300, witness=WITNESS)
    with pytest.raises(ServiceError) as refused:
        _give_10(nurse, order_id, route="SC")
    assert refused.value.text("en") == (
        "Stock from register page: Controlled-drug register: Morphine 30 mg/ml injection is 30 mg/mL and the order, "
        "Morphine 10 mg/ml injection, 10 mg/mL: choose the page of that strength, or receive its stock first. To "
        "take the dose from Morphine 30 mg/ml injection all the same, choose it there.")
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine 30 mg/ml injection", "mg") == 300.0
    cd_register.cd_receive(nurse, "3B", "Morphine 10 mg/ml injection", "mg", 100, witness=WITNESS)
    _give_10(nurse, order_id, route="SC", register_page="Morphine 10 mg/ml injection")
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine 10 mg/ml injection", "mg") == 90.0


@pytest.mark.parametrize(("page", "drug"), [
    ("Morphine 10 mg/ml injection", "Morphine 10 mg/1 mL injection"), ("Oramorph 10 mg/5 mL", "Oramorph 2 mg/mL"),
    ("Morphine 30 mg/ml injection", "Morphine"), ("Oxycodone 5 mg capsule", "Oxycodone 5 mg gélules")])
def test_a_page_of_the_same_or_no_stated_strength_is_taken_as_before(medication_ward, session_for, page, drug):
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    order = medication.order(nurse.db, _order_of(session_for, patient, drug,
                                                 route="SC" if "injection" in page else "PO"))
    cd_register.cd_receive(nurse, "3B", page, "mg", 20, witness=WITNESS)
    _, pages = cd_register.dose_pages(nurse.db, order, nurse.clock())
    assert cd_register.wrong_form(pages[0], order) is None


def test_a_modified_release_page_is_never_the_default_for_an_order_stating_no_release(medication_ward, session_for):
    """"Morphine 10 mg PO PRN" (the immediate-release liquid), the ward's pages "Zomorph 10 mg
    capsule" and "Oramorph" in mL: the Zomorph capsules' page, the only one offered, was taken
    unasked, a capsule of 12-hour morphine gone from the register for a dose of Oramorph. The
    nurse chooses it, warned; an immediate-release page is still taken for such an order."""
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    order_id = _order_of(session_for, patient, "Morphine")
    cd_register.cd_receive(nurse, "3B", "Zomorph 10 mg capsule", "capsule", 28, witness=WITNESS)
    cd_register.cd_receive(nurse, "3B", "Oramorph", "mL", 100, witness=WITNESS)
    found = medication.order(nurse.db, order_id)
    pages = cd_register.dose_pages(nurse.db, found, nurse.clock())[1]
    assert cd_register.default_page(pages, found) is None
    with pytest.raises(ServiceError) as refused:
        _give_10(nurse, order_id)
    assert refused.value.text("en") == (
        "Stock from register page: Controlled-drug register: Zomorph 10 mg capsule is modified release and the order, "
        "Morphine, states none: choose the page only if that is what was given. To take the dose from Zomorph 10 mg "
        "capsule all the same, choose it there.")
    _give_10(nurse, order_id, register_page="Zomorph 10 mg capsule")
    assert cd_register.cd_balance(nurse.db, "3B", "Zomorph 10 mg capsule", "capsule") == 27.0
    assert cd_register.wrong_form(cd_register.Stock("Oramorph", "mg", 100.0), found) is None


@pytest.mark.parametrize(("page", "unit", "received", "left"), [
    ("Oxycodone 5 mg", "mg", 140, 130.0), ("Oxycodone 5 mg capsule", "capsule", 28, 26.0),
    ("Oxycodone 20 mg tablet", "tablet", 28, 27.5)])
def test_a_page_of_another_tablets_strength_is_the_orders_by_default(medication_ward, session_for, page, unit,
                                                                    received, left):
    """"Oxycodone 10 mg" ordered, the ward's only page "Oxycodone 5 mg" (in mg, as pages were
    kept) or of 5 mg capsules: refused as another strength ("receive its stock first") and an
    empty second page listed, though a page in mg holds mg and two 5 mg capsules are 10 mg. A
    concentration (mg/mL) is another matter: 10 and 30 mg/mL are a threefold volume."""
    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    order_id = _order_of(session_for, patient, "Oxycodone 10 mg")
    cd_register.cd_receive(nurse, "3B", page, unit, received, witness=WITNESS)
    _give_10(nurse, order_id)
    assert cd_register.cd_balance(nurse.db, "3B", page, unit) == left
    assert [stock.drug for stock in cd_register.cd_stock(nurse.db, nurse.forms, "3B")] == ["Morphine", page]


@pytest.mark.parametrize(("page", "unit", "drug", "form", "route", "said"), [
    ("Fentanyl 25 micrograms/hour patch", "patch", "Fentanyl 12 micrograms/hour patch", "patch", "TD",
     "Fentanyl 25 micrograms/hour patch is 25 micrograms/hour and the order, Fentanyl 12 micrograms/hour patch, "
     "12 micrograms/hour"),
    ("Fentanyl 50 micrograms/ml injection", "microgram", "Fentanyl 100 micrograms/10 ml injection", "injection",
     "IV", "Fentanyl 50 micrograms/ml injection is 50 micrograms/mL and the order, Fentanyl 100 micrograms/10 ml "
           "injection, 100 micrograms in 10 mL")])
def test_a_strength_below_a_milligram_is_said_in_micrograms(medication_ward, session_for, page, unit, drug, form,
                                                            route, said):
    """A patch of another strength is still another page, but it was said "0.025 mg each" beside
    the box's 25 micrograms/hour, a misreading by a thousand at a glance."""
    patient, _, _ = medication_ward
    found = medication.order(session_for("nurse").db, records.save_new(session_for("doctor"), "medication_order", {
        "drug": drug, "dose": 12.0, "dose_unit": "microgram", "form": form, "route": route, "frequency": "prn",
        "prn_indication": "pain score > 4", "min_interval_hours": 4, "max_doses_24h": 4,
        "start_at": "2026-11-27T10:00+01:00", "controlled": True, "high_alert": False}, patient_id=patient).record_id)
    said_now = cd_register.wrong_form(cd_register.Stock(page, unit, 5.0), found)
    assert said_now is not None and said_now.text("en") == (
        f"Controlled-drug register: {said}: choose the page of that strength, or receive its stock first.")
