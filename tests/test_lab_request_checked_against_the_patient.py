"""A sample's answers checked against the patient's other records (services.lab_results.
check_request): a drug level written like, yet not as, one of the patient's medicines whose
doses depend on levels ("Gent", "Gentamycin") held no dose of the gentamicin it was of; a group
and screen's "second sample, taken apart" saved at the first's minute, a tube filled from the same
venepuncture."""

from datetime import datetime

import pytest

from downtime.services import lab_results, records
from downtime.services.errors import ValidationFailed
from tests.test_drug_levels import GENTAMICIN, TROUGH, gentamicin  # noqa: F401 (the fixture)

GS = {"taken_at": "2026-11-29T06:00+01:00", "urgency": "urgent", "tests": ["group_screen"],
      "identified_at_bedside": True, "sample_number": "GS1", "group_sample": "first_sample"}


def _refused(session, patient: str, data: dict, record_id: str | None = None) -> list[tuple[str, str]]:
    with pytest.raises(ValidationFailed) as refused:
        lab_results.check_request(session, patient, data, None, record_id)
    return [(error.path, error.message) for error in refused.value.errors]


def _unlike(named: str, orders: str = "Gentamicin") -> list[tuple[str, str]]:
    return [("level_drug", (f"“Drug level: the drug (as on the medication chart)”: {named} is not written as on the "
                            f"medication chart ({orders}, whose doses wait on levels): write it as there, or the level "
                            "holds none of their doses."))]


@pytest.mark.parametrize("named", ["Gent", "Genta", "Gentamycin", "gentamycin trough"])
def test_a_level_written_like_a_levelled_medicine_yet_not_as_it_is_refused(session_for, gentamicin, named):
    patient, _ = gentamicin
    assert _refused(session_for("nurse"), patient, {**TROUGH, "level_drug": named}) == _unlike(named)


def test_a_level_shortened_from_a_vancomycin_given_iv_is_refused(session_for, medication_ward, clock):
    patient = medication_ward[0]
    clock.now = datetime.fromisoformat("2026-11-28T11:50+01:00")
    records.save_new(session_for("doctor"), "medication_order", {**GENTAMICIN, "drug": "Vancomycin 1 g"},
                     patient_id=patient)
    assert _refused(session_for("nurse"), patient, {**TROUGH, "level_drug": "Vanc"}) == _unlike(
        "Vanc", "Vancomycin 1 g")


@pytest.mark.parametrize("named", ["Gentamicin sulfate", "GENTAMICINE", "Amoxicillin", "Vancomycin", "Lithium",
                                   "Tacrolimus"])
def test_a_level_of_the_levelled_medicine_or_of_another_is_saved(session_for, gentamicin, named):
    """The drug as on the chart, in French, or another medicine, charted or not (its level holds
    nothing, as no dose here waits on it: a vancomycin given at dialysis elsewhere)."""
    patient, _ = gentamicin
    lab_results.check_request(session_for("nurse"), patient, {**TROUGH, "level_drug": named}, None, None)


@pytest.mark.parametrize("charted, named", [("Tacrolimus (Adoport)", "Tacrolimus"), ("Prograf 2 mg", "Tacrolimus"),
                                            ("Aminophylline", "Theophylline"), ("Neoral", "Ciclosporin"),
                                            ("Genticin", "Genticin")])
def test_a_level_of_a_medicine_charted_by_its_brand_beside_a_levelled_one_is_saved(
        session_for, gentamicin, clock, charted, named):
    """Tacrolimus is prescribed by its brand; its level, named by the medicine, is no misspelt
    gentamicin. A name word for word as on the chart is saved, whatever it is like."""
    patient, _ = gentamicin
    clock.now = datetime.fromisoformat("2026-11-28T12:30+01:00")
    records.save_new(session_for("doctor"), "medication_order", {
        **GENTAMICIN, "drug": charted, "dose": 2.0, "route": "PO", "times": "08:00 20:00", "indication": "Transplant"},
        patient_id=patient)
    lab_results.check_request(session_for("nurse"), patient, {**TROUGH, "level_drug": named}, None, None)


def test_a_levelled_order_stopped_long_before_the_level_refuses_nothing(session_for, gentamicin, clock):
    """Gentamicin stopped on 28/11: a level taken on 29/11 may still be of its course, one taken
    on 2/12 is not (LEVEL_COURSE_GAP), and no stopped order is listed as the patient's."""
    patient, order = gentamicin
    doctor = session_for("doctor")
    clock.now = datetime.fromisoformat("2026-11-28T18:00+01:00")
    [standing] = lab_results.current_of(doctor.db, [order]).values()
    records.amend(doctor, order, {**standing.data, "stop_at": "2026-11-28T18:00+01:00",
                                  "stop_reason": "Course complete"}, "Stopped")
    nurse = session_for("nurse")
    assert _refused(nurse, patient, {**TROUGH, "level_drug": "Gent"}) == _unlike("Gent")
    lab_results.check_request(nurse, patient, {**TROUGH, "taken_at": "2026-12-02T06:00+01:00", "level_drug": "Gent"},
                              None, None)


def test_a_level_of_a_patient_on_no_medicine_levels_decide_is_saved(session_for, medication_ward):
    """A level for a patient on none of the medicines the app holds by their levels: no dose
    waits on it, whatever its name."""
    lab_results.check_request(session_for("nurse"), medication_ward[0], {**TROUGH, "level_drug": "Gent"}, None, None)


def test_a_level_refused_in_french_names_the_field_in_french(session_for, gentamicin):
    patient, _ = gentamicin
    assert _refused(session_for("nurse", "fr"), patient, {**TROUGH, "level_drug": "Gent"}) == [(
        "level_drug", ("« Dosage : le médicament (tel que sur le plan d’administration) » : Gent n’est pas écrit comme "
                       "sur le plan d’administration (Gentamicin, dont les doses attendent les dosages) : l’écrire "
                       "comme là, sinon le dosage ne suspend aucune de leurs doses."))]


@pytest.mark.parametrize("taken_at", ["2026-11-29T06:00+01:00", "2026-11-29T06:04+01:00", "2026-11-29T05:57+01:00"])
def test_a_second_group_sample_at_the_firsts_minute_is_refused(session_for, medication_ward, clock, taken_at):
    patient = medication_ward[0]
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T06:10+01:00")
    first = records.save_new(nurse, "lab_request", GS, patient_id=patient).record_id
    second = {**GS, "taken_at": taken_at, "group_sample": "second_sample", "sample_number": "GS2"}
    assert _refused(nurse, patient, second) == [(
        "group_sample", ("“Group and screen: the patient's blood group”: a second sample is taken apart from the first "
                         "(taken 29/11 06:00): from a new venepuncture, at another time, the patient identified again."))]
    # The first sample itself, amended to a second (mis-ticked), is not its own first.
    lab_results.check_request(nurse, patient, {**GS, "group_sample": "second_sample"}, GS, first)


def test_a_second_group_sample_taken_apart_is_saved(session_for, medication_ward, clock):
    patient = medication_ward[0]
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T06:10+01:00")
    # With no first on record (one taken in the emergency department), it is the nurse's word.
    lab_results.check_request(nurse, patient, {**GS, "group_sample": "second_sample"}, None, None)
    records.save_new(nurse, "lab_request", GS, patient_id=patient)
    lab_results.check_request(nurse, patient, {**GS, "taken_at": "2026-11-29T06:45+01:00",
                                               "group_sample": "second_sample"}, None, None)
