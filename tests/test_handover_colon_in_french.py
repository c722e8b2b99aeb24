"""The handover sheet's medicine lines write an order's label and what is said of it as every
French sentence does, a space before the colon ("… PO : À L’INSU DU PATIENT : …"): the sheet
printed "Co-careldopa 25/100 1 comprimé(s) PO: À L’INSU DU PATIENT : …" and "… PO 28/11 10:00:
DOSE À HORAIRE CRITIQUE …" (i18n.labelled). The English keeps its colon."""

from datetime import datetime

import pytest

from downtime.services import census, covert, medication, records, transfusion
from tests.test_allergy_reason_and_holds import _written_before_the_allergy
from tests.test_capacity_assessment import LACKS

CO_CARELDOPA = {"drug": "Co-careldopa 25/100", "dose": 1.0, "dose_unit": "tablet", "route": "PO",
                "frequency": "scheduled", "times": "10:00 14:00 18:00", "start_at": "2026-11-28T09:00+01:00",
                "controlled": False, "high_alert": False, "time_critical": True, "covert": True,
                "covert_how": "in yoghurt", "covert_decided_at": "2026-11-28T08:30+01:00",
                "covert_decided_by": "Dr Karim Benali, consultant", "covert_pharmacist": "Inès Roux",
                "covert_review_by": "2026-12-05T12:00+01:00"}
AT = datetime.fromisoformat("2026-11-28T14:05+01:00")


@pytest.fixture
def covert_and_late(session_for, medication_ward, clock) -> str:
    """Co-careldopa given covertly, time-critical, its 10:00 dose not charted at 14:05, on a
    capacity assessment lacking capacity for medicines: the patient's id."""
    patient = medication_ward[0]
    records.save_new(session_for("doctor"), "capacity_assessment", {**LACKS, "assessed_at": "2026-11-28T08:00+01:00"},
                     patient_id=patient)
    records.save_new(session_for("doctor"), "medication_order", CO_CARELDOPA, patient_id=patient)
    clock.now = AT
    return patient


@pytest.mark.parametrize("lang, said", [
    ("en", "Co-careldopa 25/100 1 tablet(s) PO: COVERT: in yoghurt (review by 05/12)"),
    ("fr", "Co-careldopa 25/100 1 comprimé(s) PO : À L’INSU DU PATIENT : in yoghurt (réévaluer le 05/12)")])
def test_a_covert_order_on_the_handover(session_for, covert_and_late, lang, said):
    nurse = session_for("nurse", lang)
    assert covert.handover(nurse.db, nurse.forms, [covert_and_late], AT, lang) == {covert_and_late: said}


@pytest.mark.parametrize("lang, said", [("en", "Co-careldopa 25/100 1 tablet(s) PO 28/11 10:00: TIME-CRITICAL DOSE"),
                                        ("fr", "Co-careldopa 25/100 1 comprimé(s) PO 28/11 10:00 : DOSE À HORAIRE")])
def test_a_late_time_critical_dose_on_the_handover(session_for, covert_and_late, lang, said):
    nurse = session_for("nurse", lang)
    assert medication.time_critical_handover(nurse.db, nurse.forms, [covert_and_late], AT, lang)[
        covert_and_late].startswith(said)


@pytest.mark.parametrize("lang, said", [("en", "Co-amoxiclav 1.2 g IV: NOT TO BE GIVEN"),
                                        ("fr", "Co-amoxiclav 1,2 g IV : NE PAS ADMINISTRER")])
def test_an_order_an_allergy_recorded_since_matches_on_the_handover(session_for, admission_values, lang, said):
    _, patient, _ = _written_before_the_allergy(session_for, admission_values)
    nurse = session_for("nurse", lang)
    summary = census.patient_with_location(nurse.db, nurse.forms, patient)
    at = datetime.fromisoformat("2026-11-28T16:05+01:00")
    assert medication.unreviewed_handover(nurse.db, nurse.forms, [summary], at, lang)[patient].startswith(said)


class _Unit:
    """A unit of blood as `transfusion.asking` reads it: its number and what it asks."""

    def __init__(self, number: str, said: str):
        self.number, self.said = number, said

    def asks(self, at: datetime, lang: str) -> list[str]:
        return [self.said]


@pytest.mark.parametrize("lang, said", [("en", "G123: OBSERVATIONS DUE"), ("fr", "G123 : OBSERVATIONS DUE")])
def test_a_units_number_heads_what_it_asks_as_the_language_writes_it(lang, said):
    units = [_Unit("G123", "OBSERVATIONS DUE"), _Unit("G456", "ENDED")]
    assert transfusion.asking(units, AT, lang)[0] == said  # type: ignore[arg-type]
