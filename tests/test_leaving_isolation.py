"""A patient the bowel chart isolates for loose stools (the handover sheet's "Enteric (loose
stools since …)") leaves under contact precautions: a discharge, a transfer to another hospital
and a death copied the admission's isolation alone, and a patient with C. difficile-type loose
stools since yesterday went to a nursing home read as isolation "None". The nurse is told why
under the answer, with the precautions, to tell those taking over."""

from datetime import datetime

import pytest

from downtime.services import prefill, records

LOOSE = {"opened": "opened", "stool_type": "7", "amount": "medium", "known_cause": False}
LEAVING = ["discharge", "transfer_out", "death"]


def _stools(nurse, patient, *times, **answers):
    for time in times:
        records.save_new(nurse, "bowel_chart", {**LOOSE, **answers, "charted_at": time}, patient_id=patient)


@pytest.fixture
def loose_since_yesterday(session_for, medication_ward, clock):
    """`medication_ward`'s patient (admitted 27/11, no isolation said), three loose stools
    yesterday afternoon and evening, the last at 22:00; the clock at 14:00 on 28/11."""
    patient = medication_ward[0]
    _stools(session_for("nurse"), patient, "2026-11-27T15:00+01:00", "2026-11-27T18:30+01:00",
            "2026-11-27T22:00+01:00")
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    return patient


def _isolation(nurse, patient, admitted):
    admission = next(record for record in records.list_current(nurse.db, patient_id=patient)
                     if record.form_id == "admission")
    records.amend(nurse, admission.record_id, {**admission.data, "isolation": admitted}, "isolation reviewed")


@pytest.mark.parametrize("form_id", LEAVING)
def test_a_patient_isolated_for_loose_stools_leaves_under_contact_precautions(session_for, loose_since_yesterday,
                                                                              form_id):
    nurse = session_for("nurse")
    spec = nurse.form(form_id)
    assert prefill.first_answers(nurse, spec, loose_since_yesterday)["isolation"] == "contact"  # the admission: nothing
    _isolation(nurse, loose_since_yesterday, "none")
    assert prefill.first_answers(nurse, spec, loose_since_yesterday)["isolation"] == "contact"
    assert prefill.notes(nurse, spec, loose_since_yesterday) == {"isolation": (
        "Loose stools since 27/11 15:00: the bowel chart asks to isolate the patient (contact precautions, hands "
        "washed with soap and water): tell those taking over.")}


def test_the_nurse_is_told_in_french(session_for, loose_since_yesterday):
    nurse = session_for("nurse", "fr")
    assert prefill.notes(nurse, nurse.form("discharge"), loose_since_yesterday) == {"isolation": (
        "Selles non moulées depuis le\u00a027/11 15:00 : la feuille des selles demande l’isolement du patient "
        "(précautions contact, lavage des mains à l’eau et au savon) : le signaler à ceux qui prennent le "
        "relais.")}


def test_an_isolation_the_admission_names_is_kept_and_the_loose_stools_told_under_it(session_for,
                                                                                       loose_since_yesterday):
    """One answer cannot say droplet and contact: the admission's stands, the note says the other."""
    nurse = session_for("nurse")
    _isolation(nurse, loose_since_yesterday, "droplet")
    spec = nurse.form("transfer_out")
    assert prefill.first_answers(nurse, spec, loose_since_yesterday)["isolation"] == "droplet"
    assert prefill.notes(nurse, spec, loose_since_yesterday)["isolation"].startswith("Loose stools since 27/11 15:00")


def test_the_admissions_answer_stands_once_48_hours_clear_of_loose_stools_and_a_formed_stool(
        session_for, loose_since_yesterday, clock):
    nurse = session_for("nurse")
    _isolation(nurse, loose_since_yesterday, "none")
    _stools(nurse, loose_since_yesterday, "2026-11-28T13:00+01:00", stool_type="4")  # a formed stool
    clock.now = datetime.fromisoformat("2026-11-29T21:59+01:00")
    assert prefill.first_answers(nurse, nurse.form("discharge"), loose_since_yesterday)["isolation"] == "contact"
    clock.now = datetime.fromisoformat("2026-11-29T22:00+01:00")
    assert prefill.first_answers(nurse, nurse.form("discharge"), loose_since_yesterday)["isolation"] == "none"
    assert prefill.notes(nurse, nurse.form("discharge"), loose_since_yesterday) == {}


def test_loose_stools_of_a_known_cause_or_fewer_than_three_isolate_nobody(session_for, medication_ward):
    nurse = session_for("nurse")
    patient = medication_ward[0]
    _stools(nurse, patient, "2026-11-28T08:00+01:00", "2026-11-28T10:00+01:00")
    _stools(nurse, patient, "2026-11-28T12:00+01:00", known_cause=True)  # after a laxative
    assert "isolation" not in prefill.first_answers(nurse, nurse.form("discharge"), patient)
    assert prefill.notes(nurse, nurse.form("discharge"), patient) == {}


def test_a_form_copying_no_isolation_is_told_nothing(session_for, loose_since_yesterday):
    nurse = session_for("nurse")
    assert prefill.notes(nurse, nurse.form("observations"), loose_since_yesterday) == {}
    assert prefill.notes(nurse, nurse.form("discharge"), None) == {}


@pytest.mark.parametrize("form_id", LEAVING)
def test_the_loose_stools_and_c_difficile_are_said_on_the_wards_clock(session_for, medication_ward, clock, form_id):
    """Stools and a result typed on a laptop set to UTC, merged here: the note under the isolation
    said "since 27/11 14:00" of loose stools since 15:00, "C. difficile found 28/11 11:00" of a
    result received at 12:00."""
    nurse, patient = session_for("nurse"), medication_ward[0]
    _stools(nurse, patient, "2026-11-27T14:00+00:00", "2026-11-27T17:30+00:00", "2026-11-27T21:00+00:00")
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    spec = nurse.form(form_id)
    assert prefill.notes(nurse, spec, patient)["isolation"].startswith("Loose stools since 27/11 15:00:")
    records.save_new(nurse, "lab_result", {"received_at": "2026-11-28T11:00+00:00", "received_by": "paper",
                                           "test": "C. difficile toxin", "result": "Positive", "flag": "abnormal"},
                     patient_id=patient)
    assert prefill.notes(nurse, spec, patient)["isolation"].startswith("C. difficile found 28/11 12:00 (")


def test_the_isolations_day_is_the_wards_on_the_patients_strip_and_the_census(qtbot, session_for, medication_ward,
                                                                               clock, tmp_path):
    """Loose stools typed on a laptop set to UTC, merged here, the first at 00:30 on 28/11 on the
    ward's clock (23:30 the day before in UTC): the strip over every form and the census's
    Isolation column said "loose stools since 27/11", the stored offset's day."""
    from downtime.qt.patient_header import enteric_isolation, identity_html
    from downtime.services import census, printing
    from tests.pdf_text import pdf_text

    nurse, patient = session_for("nurse"), medication_ward[0]
    _stools(nurse, patient, "2026-11-27T23:30+00:00", "2026-11-28T02:00+00:00", "2026-11-28T04:00+00:00")
    (summary,) = census.in_patients(nurse.db, nurse.forms, "3B", clock.now)
    assert "loose stools since 28/11" in identity_html(summary, enteric=enteric_isolation(nurse, summary))
    assert "Enteric (loose stools since 28/11)" in pdf_text(printing.print_census(nurse, tmp_path / "c.pdf",
                                                                                  ward="3B"))
