"""What a patient's charts still ask as they leave the hospital (services.leaving), read at the
time they left: a drip still up, an operation still booked, and no dose that fell due after they
had gone."""

from datetime import datetime

import pytest

from downtime.services import (chart_alerts, infusion_rates, leaving, medication, prefill, printing, records,
                               theatre)
from downtime.services.errors import ServiceError
from tests.pdf_text import pdf_text
from tests.test_discharge_medicines import LEFT_AT_TWO, typed_late  # noqa: F401 (a fixture)
from tests.test_infusion_rates import syringe_running  # noqa: F401 (a fixture)

SALINE = {"drug": "Sodium chloride 0.9%", "dose": 1000.0, "dose_unit": "mL", "route": "IV", "form": "infusion",
          "rate_ml_h": 125.0, "frequency": "scheduled", "times": "10:00", "start_at": "2026-11-28T09:00+01:00",
          "controlled": False, "high_alert": False}
HIP = {"procedure": "Hip hemiarthroplasty", "laterality": "left", "priority": "urgent",
       "decided_at": "2026-11-27T10:00+01:00", "surgeon": "Dr A", "planned_start": "2026-11-30T08:00+01:00",
       "expected_minutes": 90}
BOOKED = ("Booked: Hip hemiarthroplasty, LEFT, 30/11 08:00, T1: tell the patient when to come back, or tell the "
          "surgical coordinator to cancel")


@pytest.mark.parametrize(("typed", "read_at"), [
    ("2026-11-28T14:00+01:00", "2026-11-28T14:00+01:00"),   # typed at 22:00: read when she left
    ("2026-11-29T14:00+01:00", "2026-11-28T22:00+01:00"),   # a time to come (refused on saving): now
    (None, "2026-11-28T22:00+01:00")])                       # not typed yet: now
def test_a_patient_leaves_at_the_time_typed_never_later_than_now(forms, typed, read_at):
    now = datetime.fromisoformat("2026-11-28T22:00+01:00")
    assert leaving.left_at(forms["discharge"], {"discharged_at": typed}, now) == datetime.fromisoformat(read_at)


def test_a_discharge_typed_late_asks_of_the_doses_missed_before_the_patient_left(session_for, typed_late):  # noqa: F811 (the fixture)
    """The 12:00 levodopa missed is asked of; the 16:00 and 20:00, due after she left, are not."""
    nurse = session_for("nurse")
    asked = leaving.still_asked(nurse.db, nurse.forms, typed_late, LEFT_AT_TWO, "en")
    assert "(due 28/11 12:00)" in asked
    assert "28/11 16:00" not in asked and "28/11 20:00" not in asked


@pytest.fixture
def drip_up(session_for, medication_ward, clock):
    """A litre of saline ordered at 125 mL/h, its bag put up at 10:00 charted without a rate of
    its own and never taken down; the clock at 14:00. Returns the patient's id."""
    patient = medication_ward[0]
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    order = records.save_new(session_for("doctor"), "medication_order", SALINE, patient_id=patient).record_id
    clock.now = datetime.fromisoformat("2026-11-28T10:00+01:00")
    medication.record_dose(session_for("nurse"), order, {
        "outcome": "given", "given_at": "2026-11-28T10:00+01:00", "scheduled_for": "2026-11-28T10:00+01:00",
        "dose_given": 1000.0, "route": "IV"})
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    return patient


def test_a_drip_still_running_is_asked_of_before_the_patient_leaves(session_for, drip_up, clock):
    """As a unit of blood running is: the discharge was saved with a litre of saline up, unasked."""
    nurse = session_for("nurse")
    asked = leaving.still_asked(nurse.db, nurse.forms, drip_up, clock.now, "en")
    assert ("• INFUSION RUNNING: Sodium chloride 0.9% 1000 mL IV at 125 mL/h, running at 125 mL/h since 10:00: "
            "take it down or let it go with the patient, and record its stop, saying which in the reason") in asked


def test_a_bag_charted_without_its_own_rate_runs_at_the_orders(session_for, drip_up):
    """The letter said "last given 28/11/2026 10:00" and nothing of the bag still running."""
    nurse = session_for("nurse")
    medicines = prefill.first_answers(nurse, nurse.form("discharge"), drip_up)["medicines_on_discharge"]
    assert "— last given 28/11/2026 10:00 — running at 125 mL/h since 10:00" in medicines


@pytest.fixture
def booked_for_monday(session_for, medication_ward):
    """`medication_ward`'s patient on Monday 30/11 08:00's list in T1 (left hip, urgent), as an
    in-patient; the clock on Saturday 28/11. Returns (patient id, booking id)."""
    coordinator = session_for("coord")
    patient = medication_ward[0]
    listed = records.save_new(coordinator, "theatre_session", {
        "theatre": "T1", "specialty": "Orthopaedics", "starts_at": "2026-11-30T08:00+01:00",
        "ends_at": "2026-11-30T14:00+01:00"}).record_id
    return patient, theatre.book(coordinator, patient, {**HIP, "session": listed}).record_id


def test_an_operation_booked_is_asked_of_and_starts_the_follow_up(session_for, booked_for_monday, clock):
    """Sent home on Saturday for Monday's list, she left not knowing when to come back: the Save
    prompt and the follow-up box name the operation, the box as a fact for the nurse to complete
    (the prompt's "tell the patient … or tell the surgical coordinator to cancel" printed on the
    letter when not edited)."""
    nurse = session_for("nurse")
    patient, _ = booked_for_monday
    assert f"• {BOOKED}" in leaving.still_asked(nurse.db, nurse.forms, patient, clock.now, "en")
    answers = prefill.first_answers(nurse, nurse.form("discharge"), patient)
    booked = "Operation booked: Hip hemiarthroplasty, LEFT, 30/11 08:00, T1; what the patient is told of it: …"
    assert answers["follow_up"] == booked
    # Left as it stands, the Save prompt asks of it (the GP's copy read "told of it: …"), after
    # the medicines taken before admission, none recorded on admission (prefill's home_unrecorded).
    unrecorded = prefill.WORDS["home_unrecorded"]["en"].format(asked=leaving.WORDS["continue_or_stop"]["en"])
    medicines = (f"LETTER NOT COMPLETED: {nurse.form('discharge').field('medicines_on_discharge').label.get('en')}: "
                 f"“{unrecorded}”: fill in the “…”")
    assert leaving.unfilled(nurse.form("discharge"), answers, "en") == [
        medicines, f"LETTER NOT COMPLETED: Follow-up arranged: “{booked}”: fill in the “…”"]
    assert leaving.unfilled(nurse.form("discharge"), {**answers, "follow_up": booked.replace("…", "date by post")},
                            "en") == [medicines]
    assert "follow_up" not in prefill.first_answers(nurse, nurse.form("transfer_out"), patient)


def test_an_operation_cancelled_or_begun_before_the_patient_left_is_not_named(session_for, booked_for_monday, clock):
    nurse = session_for("nurse")
    patient, booking = booked_for_monday
    assert theatre.booked_from(nurse.db, nurse.forms, patient, datetime.fromisoformat("2026-11-30T08:30+01:00"),
                               "en") == []
    theatre.cancel(session_for("coord"), booking, {"cancelled_at": "2026-11-28T12:00+01:00",
                                                   "reason": "information_system", "last_minute": False,
                                                   "patient_told": "phone"})
    assert theatre.booked_from(nurse.db, nurse.forms, patient, clock.now, "en") == []
    assert "follow_up" not in prefill.first_answers(nurse, nurse.form("discharge"), patient)


INR = {"received_at": "2026-11-28T14:00+01:00", "received_by": "telephone", "test": "INR", "result": "4.9",
       "units": "", "range": "2.0–3.0", "flag": "abnormal", "lab_number": "B26-118900",
       "caller": "Mme Roux, haematology", "read_back": True}


def test_an_abnormal_result_no_doctor_has_seen_is_asked_of_and_said_so_on_the_letter(session_for, medication_ward,
                                                                                    clock):
    """An INR of 4.9 phoned at 14:00, no doctor told, the patient discharged at 15:30: the confirm
    asked nothing of it, and the letter's line read as a result the ward had acted on."""
    patient = medication_ward[0]
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T14:05+01:00")
    saved = records.save_new(nurse, "lab_result", INR, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T15:30+01:00")
    line = "INR 4.9 (2.0–3.0), Abnormal, received 28/11 14:00"
    assert (f"• ABNORMAL RESULT NO DOCTOR HAS SEEN: {line}: show it to a doctor, and record who and when"
            in leaving.still_asked(nurse.db, nurse.forms, patient, clock.now, "en"))
    assert (f"{line}, not yet seen by a doctor"
            in prefill.first_answers(nurse, nurse.form("discharge"), patient, clock.now)["results_awaited"])
    assert "INR 4.9 (2.0–3.0), Anormal, reçu le 28/11 14:00, pas encore vu par un médecin" in prefill.first_answers(
        session_for("nurse", "fr"), nurse.form("discharge"), patient, clock.now)["results_awaited"]
    records.amend(nurse, saved.record_id, {**INR, "told": "Dr Martin", "told_at": "2026-11-28T15:00+01:00",
                                           "acknowledged": True}, "Doctor told")
    assert "ABNORMAL RESULT" not in (leaving.still_asked(nurse.db, nurse.forms, patient, clock.now, "en") or "")
    assert (f"{line}, Dr Martin told 28/11 15:00"
            in prefill.first_answers(nurse, nurse.form("discharge"), patient, clock.now)["results_awaited"])


FUROSEMIDE_ONCE = {"drug": "Furosemide", "dose": 40.0, "dose_unit": "mg", "route": "IV", "frequency": "once",
                   "start_at": "2026-11-28T13:30+01:00", "controlled": False, "high_alert": False,
                   "telephone_order": True, "prescriber": "Dr Martin", "read_back": True}


def test_the_doses_overdue_and_not_recorded_are_asked_of_before_the_patient_leaves(session_for, medication_ward,
                                                                                  clock):
    """The handover sheet said the amoxicillin since the day before and a once-only furosemide of
    13:30 overdue and not recorded; the discharge at 15:30 asked nothing of them, and the MAR kept
    its holes for good."""
    patient = medication_ward[0]
    nurse = session_for("nurse")
    records.save_new(nurse, "medication_order", FUROSEMIDE_ONCE, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T15:30+01:00")
    asked = leaving.still_asked(nurse.db, nurse.forms, patient, clock.now, "en")
    assert ("• DOSES OVERDUE, NOT RECORDED: Amoxicillin 1 g IV 27/11 14:00 (MISSED, over 12 h, check the paper first), "
            "27/11 20:00 (MISSED, over 12 h, check the paper first), 28/11 08:00 (check the paper first), 28/11 14:00 — "
            "give or record the latest on the round, record the others (given on paper, or not given and why), do not "
            "give those MISSED late: tell the prescriber; Furosemide 40 mg IV 28/11 13:30 (check the paper first) — give "
            "or record it on the round") in asked
    assert "DOSES OVERDUE" not in (leaving.still_asked(nurse.db, nurse.forms, patient, clock.now, "en",
                                                       died=True) or "")


def test_a_syringe_driver_up_at_a_discharge_stays_under_left_the_ward_until_its_stop_is_charted(
        syringe_running, clock, forms, listed_in, tmp_path):  # noqa: F811 (the fixture)
    """A morphine syringe driver going with the patient to a care home at 13:30, its stop never
    charted: once saved, nothing on the ward asked for it, where a death's stays under "Left the
    ward", and the register's morphine was accounted for by no one. Its stop is charted at the
    time she left, as it went with her (refused as "not in hospital", it was charted a minute
    before, a stop on the ward that never happened); a minute after, it is still refused. A
    controlled drug gone with the patient is not asked to be destroyed."""
    nurse, patient, driver = syringe_running
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T13:30+01:00", "destination": "care_home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T18:00+01:00")
    left = lambda: [(alert.patient.patient_id, alert.latest, alert.said)  # noqa: E731
                    for alert in chart_alerts.left_untold(nurse.db, forms, [], "3B", "en", {}, at=clock.now)]
    assert left() == [(patient, "Morphine put up 28/11 10:00; Discharged 28/11 13:30", [
        "Morphine: up when the patient left, never charted stopped: chart its stop at the time they left if it went "
        "with them, or at the time it was taken down, saying which in the reason; Morphine is a controlled drug: if "
        "it went with the patient, say so in its stop's reason, else destroy what is left in the syringe or bag with "
        "a witness, in the controlled drugs register"])]
    # The sheet's cell names the bag (it said "Discharged 28/11 13:30" alone).
    assert "Morphine put up 28/11 10:00; Discharged 28/11 13:30" in pdf_text(printing.print_census(
        nurse, tmp_path / "census.pdf", "3B"))
    [french] = chart_alerts.left_untold(nurse.db, forms, [], "3B", "fr", {}, at=clock.now)
    listed_in(french.said[0], "fr")
    assert chart_alerts.left_untold(nurse.db, forms, [], "4A", "en", {}, at=clock.now) == []
    with pytest.raises(ServiceError, match="not in hospital at that time"):
        infusion_rates.change_rate(nurse, driver, {"changed_at": "2026-11-28T13:31+01:00", "change": "stopped",
                                                   "reason": "Gone with the patient, running"})
    infusion_rates.change_rate(nurse, driver, {"changed_at": "2026-11-28T13:30+01:00", "change": "stopped",
                                               "reason": "Gone with the patient, running"})
    assert left() == []


def test_left_the_ward_reads_only_the_patients_with_something_left_to_list(session_for, drip_up, clock, forms,
                                                                          monkeypatch):
    """A patient gone home with her drip charted stopped and her abnormal result told leaves
    nothing to list: every refresh of the escalation list read everyone who ever had a drip or an
    abnormal result, told or not, stopped or not, and a month of discharges made it a quarter of a
    second slower for no line. Until then, each of the two alone is enough for her to be read."""
    nurse, patient = session_for("nurse"), drip_up
    result = records.save_new(nurse, "lab_result", INR, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T14:30+01:00")
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T14:30+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T18:00+01:00")
    read: list[set[str]] = []
    left_from = chart_alerts.census.left_from
    monkeypatch.setattr(chart_alerts.census, "left_from",
                        lambda db, forms, patient_ids, ward: read.append(set(patient_ids)) or left_from(
                            db, forms, patient_ids, ward))

    def read_for_left_the_ward() -> set[str]:
        chart_alerts.left_untold(nurse.db, forms, [], "3B", "en", {}, at=clock.now)
        return read[-1]

    assert read_for_left_the_ward() == {patient}
    records.amend(nurse, result.record_id, {**INR, "told": "Dr Martin", "told_at": "2026-11-28T15:00+01:00",
                                            "acknowledged": True}, "Doctor told")
    assert read_for_left_the_ward() == {patient}
    bag = next(dose for dose in medication.administrations(nurse.db, patient) if dose.outcome == "given")
    infusion_rates.change_rate(nurse, bag.order_id, {"changed_at": "2026-11-28T14:00+01:00", "change": "stopped",
                                                     "reason": "Finished"})
    assert read_for_left_the_ward() == set()


def test_the_discharge_confirm_reads_this_patient_alone(session_for, drip_up, clock, monkeypatch):
    """The confirm, on the screen's thread, ran the whole ward's "Left the ward" to keep none of
    its lines: the patients who ever left read at every discharge."""
    nurse = session_for("nurse")
    monkeypatch.setattr(chart_alerts, "left_untold", lambda *args, **kwargs: pytest.fail("the ward's leavers read"))
    assert "• INFUSION RUNNING: Sodium chloride 0.9%" in leaving.still_asked(nurse.db, nurse.forms, drip_up,
                                                                             clock.now, "en")


PARACETAMOL_IV = {"drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "IV", "form": "infusion",
                  "rate_ml_h": 400.0, "frequency": "once", "controlled": False, "high_alert": False}


@pytest.mark.parametrize(("given_at", "listed"), [("2026-11-27T10:00+01:00", False), ("2026-11-28T13:00+01:00", True)])
def test_a_short_infusion_given_the_day_before_is_not_said_up_when_the_patient_left(session_for, medication_ward,
                                                                                   clock, forms, given_at, listed):
    """IV paracetamol 1 g over 15 minutes, once, its end charted by no one as no one charts the end
    of a 15-minute infusion (dosed in g, it has no volume to run through): given at 10:00 the day
    before a 14:00 discharge, "Left the ward" said it was up when the patient left, 28 hours after
    it ran in. One put up in the day before still can have been."""
    patient, nurse = medication_ward[0], session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-27T09:50+01:00")
    order = records.save_new(session_for("doctor"), "medication_order", {**PARACETAMOL_IV, "start_at": given_at},
                             patient_id=patient).record_id
    clock.now = datetime.fromisoformat(given_at)
    medication.record_dose(nurse, order, {"outcome": "given", "given_at": given_at, "scheduled_for": given_at,
                                          "dose_given": 1.0, "route": "IV"})
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T14:00+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T18:00+01:00")
    said = [line for alert in chart_alerts.left_untold(nurse.db, forms, [], "3B", "en", {}, at=clock.now)
            for line in alert.said]
    assert any(line.startswith("Paracetamol: up when the patient left") for line in said) is listed, said
