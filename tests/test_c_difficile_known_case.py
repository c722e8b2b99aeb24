"""A patient in whom C. difficile is already found is a known case: back within 28 days of a
positive result with a loose stool, they are isolated from that first loose stool (SIGHT: a
suspected case at once; UKHSA counts a recurrence within 28 days), and while it isolates them no
new C. difficile sample is asked (no test of cure: the laboratory rejects a repeat within 28 days)."""

from datetime import datetime

from downtime.services import bowels, census, chart_alerts, printing, records
from tests.pdf_text import pdf_text

LOOSE = {"opened": "opened", "stool_type": "7", "amount": "medium", "known_cause": False}
POSITIVE = {"received_by": "paper", "test": "C. difficile toxin", "result": "Positive", "flag": "abnormal"}


def _readmitted(nurse, patient, admission_values, result_at: str, back: str) -> None:
    """Admitted 28/11 09:00 (the fixture), a loose stool sent, home at 11:00, a positive result
    received at `result_at`, admitted again at `back`."""
    records.save_new(nurse, "bowel_chart", {**LOOSE, "charted_at": "2026-11-28T10:00+01:00", "sample_sent": True},
                     patient_id=patient)
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T11:00+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    records.save_new(nurse, "lab_result", {**POSITIVE, "received_at": result_at}, patient_id=patient)
    records.save_new(nurse, "admission", {**admission_values, "arrival_at": back, "bed": "5"}, patient_id=patient)


def test_a_result_of_the_last_stay_isolates_from_the_first_loose_stool_of_this_one(session_for, patient, clock,
                                                                                    admission_values, tmp_path):
    nurse = session_for("nurse")
    clock.now = at = datetime.fromisoformat("2026-11-29T14:00+01:00")
    _readmitted(nurse, patient, admission_values, "2026-11-28T13:00+01:00", "2026-11-29T09:00+01:00")
    assert bowels.isolated(nurse.db, [patient], at) == {}  # no diarrhoea: not isolated
    records.save_new(nurse, "bowel_chart", {**LOOSE, "charted_at": "2026-11-29T10:00+01:00"}, patient_id=patient)
    records.save_new(nurse, "bowel_chart", {**LOOSE, "charted_at": "2026-11-29T12:00+01:00"}, patient_id=patient)
    isolation = bowels.isolated(nurse.db, [patient], at)[patient]
    assert isolation.since.isoformat() == "2026-11-29T10:00:00+01:00"
    assert isolation.found is not None and isolation.found.received_at.isoformat() == "2026-11-28T13:00:00+01:00"
    asked = bowels.asking(bowels.chart(nurse.db, patient), nurse.form("bowel_chart"), at, "en")
    assert asked == [("C. DIFFICILE FOUND ON THE LAST STAY (C. difficile toxin Positive, received 28/11 13:00) and a "
                      "loose stool now: isolate in a side room, gloves and apron, wash hands with soap and water, "
                      "until 48 hours without a loose stool and a formed stool")]
    patients = census.in_patients(nurse.db, nurse.forms, at=at)
    alerts = chart_alerts.alerts(nurse.db, nurse.forms, patients, at, "en", ward=None).alerts
    assert [alert.said for alert in alerts if alert.form_id == "bowel_chart"] == [asked]
    census_sheet = " ".join(pdf_text(printing.print_census(nurse, tmp_path / "census.pdf", ward="3B")).split())
    assert "Enteric (C. difficile found 28/11)" in census_sheet


def test_a_result_older_than_28_days_before_the_stay_isolates_no_one(session_for, patient, clock, admission_values):
    nurse = session_for("nurse")
    clock.now = at = datetime.fromisoformat("2027-01-07T14:00+01:00")
    _readmitted(nurse, patient, admission_values, "2026-11-28T13:00+01:00", "2027-01-07T09:00+01:00")
    records.save_new(nurse, "bowel_chart", {**LOOSE, "charted_at": "2027-01-07T10:00+01:00"}, patient_id=patient)
    assert bowels.isolated(nurse.db, [patient], at) == {}
    assert bowels.asking(bowels.chart(nurse.db, patient), nurse.form("bowel_chart"), at, "en") == []


def test_loose_stools_after_c_difficile_is_found_ask_no_new_sample(session_for, patient, clock):
    nurse = session_for("nurse")
    records.save_new(nurse, "lab_result", {**POSITIVE, "received_at": "2026-11-28T10:00+01:00"}, patient_id=patient)
    for hour in (11, 12, 13):
        records.save_new(nurse, "bowel_chart", {**LOOSE, "charted_at": f"2026-11-28T{hour}:00+01:00"},
                         patient_id=patient)
    lines, spec, at = bowels.chart(nurse.db, patient), nurse.form("bowel_chart"), nurse.clock()
    found = ("C. DIFFICILE FOUND (C. difficile toxin Positive, received 28/11 10:00): isolate in a side room, gloves "
             "and apron, wash hands with soap and water, until 48 hours without a loose stool and a formed stool")
    assert bowels.asking(lines, spec, at, "en") == [
        found, "3 LOOSE STOOLS IN 24 HOURS (since 28/11 11:00), C. difficile found: tell the doctor"]
    # The isolation ended (48 hours clear, a formed stool): new diarrhoea within 28 days isolates
    # again from its first stool, as C. difficile, with no sample asked.
    clock.now = at = datetime.fromisoformat("2026-12-02T14:00+01:00")
    records.save_new(nurse, "bowel_chart", {**LOOSE, "stool_type": "4", "charted_at": "2026-11-29T10:00+01:00"},
                     patient_id=patient)
    for hour in (11, 12, 13):
        records.save_new(nurse, "bowel_chart", {**LOOSE, "charted_at": f"2026-12-02T{hour}:00+01:00"},
                         patient_id=patient)
    assert bowels.isolated(nurse.db, [patient], at)[patient].since.isoformat() == "2026-12-02T11:00:00+01:00"
    assert bowels.asking(bowels.chart(nurse.db, patient), spec, at, "en") == [
        found, "3 LOOSE STOOLS IN 24 HOURS (since 02/12 11:00), C. difficile found: tell the doctor"]

def test_many_loose_stools_with_c_difficile_found_still_tell_the_doctor(session_for, patient, clock):
    """Worsening diarrhoea in a known case is for the doctor (the daily severity review counts
    the stools): the loose stools' ask stays, without a second isolation or a sample."""
    nurse = session_for("nurse")
    clock.now = at = datetime.fromisoformat("2026-11-28T19:00+01:00")
    records.save_new(nurse, "lab_result", {**POSITIVE, "received_at": "2026-11-28T10:00+01:00"}, patient_id=patient)
    for hour in range(11, 19):
        records.save_new(nurse, "bowel_chart", {**LOOSE, "charted_at": f"2026-11-28T{hour}:00+01:00"},
                         patient_id=patient)
    lines, spec = bowels.chart(nurse.db, patient), nurse.form("bowel_chart")
    assert bowels.asking(lines, spec, at, "en") == [
        ("C. DIFFICILE FOUND (C. difficile toxin Positive, received 28/11 10:00): isolate in a side room, gloves and "
         "apron, wash hands with soap and water, until 48 hours without a loose stool and a formed stool"),
        "8 LOOSE STOOLS IN 24 HOURS (since 28/11 11:00), C. difficile found: tell the doctor"]
    assert bowels.asking(lines, spec, at, "fr")[-1] == (
        "8 SELLES NON MOULÉES EN 24 HEURES (depuis 28/11 11:00), C. difficile retrouvé : prévenir le médecin")


def test_a_recurrence_after_the_isolation_ended_isolates_again_as_c_difficile(session_for, patient, clock,
                                                                               admission_values):
    """Within 28 days of the result, each loose stool with no known cause once an isolation has
    ended isolates again at once, as C. difficile; one with a known cause (a laxative) does not."""
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-12-10T14:00+01:00")
    _readmitted(nurse, patient, admission_values, "2026-11-28T13:00+01:00", "2026-12-01T09:00+01:00")
    for day, stool in (("01", "7"), ("02", "4"), ("03", "4")):
        records.save_new(nurse, "bowel_chart", {**LOOSE, "stool_type": stool, "charted_at": f"2026-12-{day}T10:00+01:00"},
                         patient_id=patient)
    assert bowels.isolated(nurse.db, [patient], datetime.fromisoformat("2026-12-03T12:00+01:00")) == {}
    records.save_new(nurse, "bowel_chart", {**LOOSE, "stool_type": "5", "known_cause": True,
                                            "charted_at": "2026-12-04T10:00+01:00"}, patient_id=patient)
    assert bowels.isolated(nurse.db, [patient], datetime.fromisoformat("2026-12-04T12:00+01:00")) == {}
    records.save_new(nurse, "bowel_chart", {**LOOSE, "charted_at": "2026-12-05T10:00+01:00"}, patient_id=patient)
    at = datetime.fromisoformat("2026-12-05T12:00+01:00")
    isolation = bowels.isolated(nurse.db, [patient], at)[patient]
    assert isolation.since.isoformat() == "2026-12-05T10:00:00+01:00"
    assert isolation.found is not None and isolation.found.received_at.isoformat() == "2026-11-28T13:00:00+01:00"
    assert bowels.asking(bowels.chart(nurse.db, patient), nurse.form("bowel_chart"), at, "en") == [(
        "C. DIFFICILE FOUND ON THE LAST STAY (C. difficile toxin Positive, received 28/11 13:00) and a loose stool "
        "now: isolate in a side room, gloves and apron, wash hands with soap and water, until 48 hours without a "
        "loose stool and a formed stool")]


def test_a_loose_stool_with_a_known_cause_alone_is_no_recurrence(session_for, patient, clock, admission_values):
    nurse = session_for("nurse")
    clock.now = at = datetime.fromisoformat("2026-12-01T12:00+01:00")
    _readmitted(nurse, patient, admission_values, "2026-11-28T13:00+01:00", "2026-12-01T09:00+01:00")
    records.save_new(nurse, "bowel_chart", {**LOOSE, "stool_type": "5", "known_cause": True,
                                            "charted_at": "2026-12-01T10:00+01:00"}, patient_id=patient)
    assert bowels.isolated(nurse.db, [patient], at) == {}
    assert bowels.asking(bowels.chart(nurse.db, patient), nurse.form("bowel_chart"), at, "en") == []
