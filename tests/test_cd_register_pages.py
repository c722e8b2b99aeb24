"""Which page of a ward's controlled-drug register a dose is taken from, when the order names
its medicine otherwise than the cupboard's page does."""

import pytest

from downtime.services import cd_register, medication, records
from downtime.services.errors import ServiceError

WITNESS = ("doctor", "2222")


@pytest.fixture
def ward(session_for, medication_ward):
    """Ward 3B's morphine 5 mg SC PRN order, as "Morphine sulfate": the name a doctor writes."""
    nurse = session_for("nurse")
    patient, _, morphine = medication_ward
    written = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Morphine sulfate", "dose": 5.0, "dose_unit": "mg", "route": "SC", "frequency": "prn",
        "prn_indication": "pain score > 4", "min_interval_hours": 4, "max_doses_24h": 4,
        "start_at": "2026-11-27T10:00+01:00", "controlled": True, "high_alert": True}, patient_id=patient)
    records.mark_entered_in_error(session_for("doctor"), morphine, "written twice")
    return nurse, medication.order(nurse.db, written.record_id)


def _give(nurse, found, at="2026-11-28T10:00+01:00", **kwargs):
    return medication.record_dose(nurse, found.record_id, {
        "outcome": "given", "given_at": at, "dose_given": 5.0, "route": "SC", "given_for": "pain 6/10"},
        witness=WITNESS, **kwargs)


def test_a_dose_is_taken_from_the_cupboards_only_page_of_its_medicine_under_another_name(ward):
    """The cupboard's page is "Morphine": a "Morphine sulfate" dose was refused ("ward 3B holds
    0 mg of Morphine sulfate"), and receiving it on a page of its own split the ward's morphine
    over two pages of the legal register."""
    nurse, found = ward
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=WITNESS)
    given = _give(nurse, found)
    assert cd_register.cd_stock(nurse.db, nurse.forms, "3B") == [cd_register.Stock("Morphine", "mg", 15.0)]
    assert [(line.kind, line.change) for line in cd_register.cd_lines(nurse.db, nurse.forms, "3B", "Morphine", "mg")] \
        == [("receipt", 20.0), ("administration", -5.0)]
    medication.withdraw_dose(nurse, given.record_id, "wrong patient", witness=WITNESS)
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 20.0


def test_two_pages_of_its_medicine_are_the_nurses_to_choose_between(ward):
    nurse, found = ward
    cd_register.cd_receive(nurse, "3B", "Morphine 10 mg/ml injection", "mg", 20, witness=WITNESS)
    cd_register.cd_receive(nurse, "3B", "Oramorph", "mg", 100, witness=WITNESS)
    with pytest.raises(ServiceError, match=r"ward 3B keeps Morphine sulfate on more than one page in mg "
                                           r"\(Morphine 10 mg/ml injection, Oramorph\); choose the page"):
        _give(nurse, found)
    assert medication.administrations(nurse.db, found.patient_id) == []
    _give(nurse, found, register_page="ORAMORPH ")
    assert cd_register.cd_balance(nurse.db, "3B", "Oramorph", "mg") == 95.0
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine 10 mg/ml injection", "mg") == 20.0


def test_the_orders_own_page_is_taken_unless_another_is_chosen(ward):
    nurse, found = ward
    cd_register.cd_receive(nurse, "3B", "Morphine sulfate", "mg", 20, witness=WITNESS)
    cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 20, witness=WITNESS)
    ward_of, pages = cd_register.dose_pages(nurse.db, found, nurse.clock())
    assert (ward_of, [page.drug for page in pages]) == ("3B", ["Morphine sulfate", "Morphine"])
    assert cd_register.default_page(pages, found) == pages[0]
    _give(nurse, found)
    _give(nurse, found, at="2026-11-28T04:00+01:00", register_page="Morphine")
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine sulfate", "mg") == 15.0
    assert cd_register.cd_balance(nurse.db, "3B", "Morphine", "mg") == 15.0


@pytest.mark.parametrize("drug, unit", [("Diamorphine", "mg"), ("Morphine", "ml"), ("Co-codamol", "mg"),
                                        ("Oxycodone", "mg")])
def test_a_page_of_another_medicine_or_unit_is_never_offered_nor_taken(ward, drug, unit):
    """Diamorphine is not morphine, however alike its name; a page in millilitres is not the
    dose's milligrams; a combination sharing an opioid is not the opioid."""
    nurse, found = ward
    cd_register.cd_receive(nurse, "3B", drug, unit, 50, witness=WITNESS)
    assert cd_register.dose_pages(nurse.db, found, nurse.clock()) == ("3B", [])
    with pytest.raises(ServiceError, match="holds 0 mg of Morphine sulfate"):
        _give(nurse, found)
    with pytest.raises(ServiceError, match=f"ward 3B has no page {drug} in mg for Morphine sulfate; its pages for it: —"):
        _give(nurse, found, register_page=drug)
    assert cd_register.cd_balance(nurse.db, "3B", drug, unit) == 50.0
    assert cd_register.Stock("Morphine sulfate", "mg", 0.0) in cd_register.cd_stock(nurse.db, nurse.forms, "3B")


def test_a_paper_batchs_dose_with_two_pages_of_its_medicine_is_refused_naming_its_row_and_nothing_is_saved(ward):
    """The batch has no page box: its row is refused, none of the rows saved, for the dose to be
    typed in from its chart cell, whose dialog asks for the page."""
    from datetime import datetime

    from downtime.services.paper_doses import PaperDose, RowRefused, save_paper_doses

    nurse, found = ward
    cd_register.cd_receive(nurse, "3B", "Morphine 10 mg/ml injection", "mg", 20, witness=WITNESS)
    cd_register.cd_receive(nurse, "3B", "Oramorph", "mg", 100, witness=WITNESS)
    row = PaperDose(found.record_id, None, True, datetime.fromisoformat("2026-11-28T03:00+01:00"), dose=5.0, route="SC",
                    given_by="nurse", witness="doctor", given_for="pain 6/10")
    with pytest.raises(RowRefused, match="choose the page the dose was taken from") as refused:
        save_paper_doses(nurse, {2: row})
    assert refused.value.row == 2
    assert medication.administrations(nurse.db, found.patient_id) == []
