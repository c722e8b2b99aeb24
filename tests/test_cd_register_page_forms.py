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
