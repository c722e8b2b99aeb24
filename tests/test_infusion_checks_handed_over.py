"""What the handover sheet and the leaving list say of a bag's checks, each naming its bag
(services.infusion_checks.handover and named, services.leaving.still_asked): the handover sheet
said nothing of a bag found leaking with its pump stopped, and the leaving list said "INFUSION
CHECK OVERDUE (due 12:00)" twice, of two bags it named neither, beside asking the same bags
taken down."""

import re
from dataclasses import replace

from pypdf import PdfReader

from downtime.services import leaving, printing
from tests.test_infusion_checks import _at, _check
from tests.test_infusion_rates import fluids_running  # noqa: F401  (the fixture)

BAG = "Sodium chloride 0.9% 1000 mL IV at 125 mL/h put up 28/11 08:00"


def _found_red_then_overdue(fluids_running, clock):
    """Saline checked at 09:00 with its site red; at 14:00 its 13:00 check overdue."""
    nurse, patient, order_id, _ = fluids_running
    _check(nurse, order_id, "2026-11-28T09:00+01:00", 870.0, site="red", action="Resited, Dr told")
    clock.now = _at("2026-11-28T14:00+01:00")
    return nurse, patient


def test_the_handover_sheet_names_the_bag_its_overdue_check_and_what_its_last_found(fluids_running, clock, tmp_path):
    nurse, _ = _found_red_then_overdue(fluids_running, clock)

    def sheet(lang: str) -> str:
        out = printing.print_census(replace(nurse, lang=lang), tmp_path / f"census-{lang}.pdf", ward="3B")
        return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(out).pages))

    # One heading, a short entry per bag, as "DOSES OVERDUE": the escalation list's instructions
    # repeated for each of six bags filled a page of the sheet with one patient's cell.
    assert f"INFUSION CHECKS: {BAG}: check overdue since 13:00; 09:00 check found site red" in sheet("en")
    assert ("SURVEILLANCE DES PERFUSIONS : Sodium chloride 0.9% 1000 mL IV à 125 mL/h posé(e) le 28/11 08:00 : "
            "surveillance en retard depuis 13:00 ; surveillance de 09:00 : site rouge") in sheet("fr")


def test_leaving_names_the_bag_and_asks_no_overdue_check_of_a_bag_it_asks_taken_down(fluids_running, clock):
    nurse, patient = _found_red_then_overdue(fluids_running, clock)
    home = leaving.still_asked(nurse.db, nurse.forms, patient, clock.now, "en", destination="home")
    assert f"• {BAG}: INFUSION CHECK 09:00 FOUND: The site: red. Check it again once put right." in home
    assert "OVERDUE (due 13:00)" not in home
    assert "• INFUSION RUNNING: Sodium chloride 0.9%" in home
    # Moved to another ward the bag goes on running there: its check overdue is told, the bag named.
    moved = leaving.still_asked(nurse.db, nurse.forms, patient, clock.now, "en", moved_to="5A")
    assert f"• {BAG}: INFUSION CHECK OVERDUE (due 13:00)" in moved
    french = leaving.still_asked(nurse.db, nurse.forms, patient, clock.now, "fr", moved_to="5A")
    assert "posé(e) le 28/11 08:00 : SURVEILLANCE DE LA PERFUSION EN RETARD (prévue à 13:00)" in french


def test_leaving_keeps_the_overdue_check_of_a_syringe_driver_that_may_go_with_the_patient(session_for, medication_ward,
                                                                                         clock):
    """A syringe driver handed to the community team, a hospice or another hospital with its check
    two hours overdue left with no last volume, rate or site: its overdue check is dropped only
    where the list asks the bag taken down (an IV bag going home), not where it may go with them."""
    from downtime.services import medication, records

    patient, doctor, nurse = medication_ward[0], session_for("doctor"), session_for("nurse")
    clock.now = _at("2026-11-28T07:00+01:00")
    driver = records.save_new(doctor, "medication_order", {
        "route": "SC", "form": "infusion", "controlled": False, "high_alert": False, "drug": "Midazolam 10 mg in 17 mL",
        "dose": 17.0, "dose_unit": "mL", "strength_mg": 10.0, "strength_ml": 17.0, "rate_ml_h": 0.7, "frequency": "once",
        "start_at": "2026-11-28T08:00+01:00"}, patient_id=patient).record_id
    clock.now = _at("2026-11-28T08:00+01:00")
    medication.record_dose(nurse, driver, {"outcome": "given", "given_at": "2026-11-28T08:00+01:00",
                                           "scheduled_for": "2026-11-28T08:00+01:00", "dose_given": 17.0,
                                           "route": "SC", "rate_ml_h": 0.7})
    clock.now = _at("2026-11-28T14:00+01:00")
    for destination in ("home", "home_with_support", "care_home", None):
        asked = leaving.still_asked(nurse.db, nurse.forms, patient, clock.now, "en", destination=destination)
        assert "put up 28/11 08:00: INFUSION CHECK OVERDUE (due 12:00)" in asked, destination


def test_leaving_asks_no_overdue_check_of_an_iv_bag_asked_taken_down_only(fluids_running, clock):
    """An IV bag going home is asked taken down: its overdue check is not asked; one going to a
    care home or another hospital may go with the patient: its overdue check is."""
    nurse, patient, _, _ = fluids_running
    clock.now = _at("2026-11-28T14:00+01:00")
    assert "INFUSION CHECK OVERDUE" not in leaving.still_asked(nurse.db, nurse.forms, patient, clock.now, "en",
                                                              destination="home")
    for destination in ("care_home", None):
        asked = leaving.still_asked(nurse.db, nurse.forms, patient, clock.now, "en", destination=destination)
        assert f"• {BAG}: INFUSION CHECK OVERDUE (due 12:00)" in asked, destination
