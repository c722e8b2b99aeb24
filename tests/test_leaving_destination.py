"""What the save asks of a patient going home that it did not: a time-critical dose falling due
within the hour (the patient with Parkinson's travelled home through the 18:00 levodopa, nobody
prompted), told to the patient or carer going home, to the team taking over otherwise; and an
intravenous bag running of one going home alone or leaving against advice taken down, not "let it
go with the patient" (a heparin infusion), where a subcutaneous syringe driver may still go home
with a palliative patient, the community nurses running it."""

from datetime import datetime

import pytest

from downtime.services import leaving, medication, records
from tests.test_infusion_rates import heparin_running, syringe_running  # noqa: F401 (fixtures)
from tests.test_time_critical import LEVODOPA


@pytest.fixture
def levodopa_due_at_six(session_for, medication_ward, clock):
    """The patient with Parkinson's given the 10:00 and 14:00 levodopa: the 18:00 dose is next, so
    a leaving saved at 17:50 falls within the hour of it. Returns (nurse, patient)."""
    patient = medication_ward[0]
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T09:30+01:00")
    order = records.save_new(session_for("doctor"), "medication_order", LEVODOPA, patient_id=patient).record_id
    for slot in ("10:00", "14:00"):
        clock.now = datetime.fromisoformat(f"2026-11-28T{slot}+01:00")
        medication.record_dose(nurse, order, {"outcome": "given", "given_at": f"2026-11-28T{slot}+01:00",
                                              "scheduled_for": f"2026-11-28T{slot}+01:00", "dose_given": 1.0,
                                              "route": "PO"})
    return nurse, patient


def test_a_time_critical_dose_due_within_the_hour_is_asked_of(levodopa_due_at_six):
    nurse, patient = levodopa_due_at_six
    asked = leaving.still_asked(nurse.db, nurse.forms, patient, datetime.fromisoformat("2026-11-28T17:50+01:00"),
                                "en", destination="home")
    assert ("• DUE AT 18:00: Co-careldopa 25/100 1 tablet(s) PO (TIME-CRITICAL): give it before the patient "
            "leaves, or tell the patient or carer when to take it") in asked
    # A transfer (no destination), a move to another ward, a care home: their nurses give it.
    for destination in (None, "care_home"):
        handed = leaving.still_asked(nurse.db, nurse.forms, patient,
                                     datetime.fromisoformat("2026-11-28T17:50+01:00"), "en", destination=destination)
        assert ("• DUE AT 18:00: Co-careldopa 25/100 1 tablet(s) PO (TIME-CRITICAL): give it before the patient "
                "leaves, or tell the team taking over when it is due") in handed
    french = leaving.still_asked(nurse.db, nurse.forms, patient, datetime.fromisoformat("2026-11-28T17:50+01:00"),
                                 "fr", destination="home")
    assert "• DOSE PRÉVUE À 18:00 : " in french
    earlier = leaving.still_asked(nurse.db, nurse.forms, patient, datetime.fromisoformat("2026-11-28T16:50+01:00"),
                                  "fr") or ""
    assert "18:00" not in earlier  # more than an hour away


@pytest.mark.parametrize(("destination", "going_with"), [
    ("home", False), ("against_advice", False), ("home_with_support", True), ("care_home", True),
    ("rehabilitation", True), (None, True)])  # None: a transfer to another hospital
def test_an_intravenous_bag_running_of_a_patient_going_home_alone_is_taken_down(session_for, heparin_running,  # noqa: F811
                                                                                clock, destination, going_with):
    nurse, patient, _ = heparin_running
    asked = leaving.still_asked(nurse.db, nurse.forms, patient, clock.now, "en", destination=destination)
    assert ("let it go with the patient" in asked) is going_with
    assert ("take it down and record its stop" in asked) is not going_with
    # What anticoagulation follows is asked wherever the patient goes.
    assert "in 50 mL is an anticoagulant: say on the letter what anticoagulation follows, if any" in asked


@pytest.mark.parametrize("destination", ["home", "home_with_support", "against_advice", "care_home", None])
def test_a_syringe_driver_may_go_home_with_the_patient(session_for, syringe_running, clock,  # noqa: F811
                                                       destination):
    """Morphine by subcutaneous syringe driver: a palliative patient goes home to die with it, the
    community nurses running it; the nurse says which, she is not told to take it down and destroy
    the morphine."""
    nurse, patient, _ = syringe_running
    asked = leaving.still_asked(nurse.db, nurse.forms, patient, clock.now, "en", destination=destination)
    assert "take it down or let it go with the patient, and record its stop, saying which in the reason" in asked
    assert "take it down and record its stop" not in asked
    assert "once it is taken down, destroy what is left" not in asked  # CD_GONE: "if it went with the patient…"
