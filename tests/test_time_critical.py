"""A time-critical medicine (levodopa, insulin, an anticonvulsant) ticked by the prescriber: its
dose late 15 minutes after its time and overdue after 30 on the round, the chart and the dose
dialog, whatever the ward allows other doses, and on the escalation list; flagged in the chart's
words and in the export."""

import json
from datetime import datetime, timedelta

from downtime.domain.medication import Check, DoseState, RoundPolicy, dose_state, policy_for
from downtime.services import census, chart_alerts, medication, records
from downtime.sync.export import export
from pypdf import PdfReader

LEVODOPA = {"drug": "Co-careldopa 25/100", "dose": 1.0, "dose_unit": "tablet", "route": "PO", "frequency": "scheduled",
            "times": "06:00 10:00 14:00 18:00 22:00", "start_at": "2026-11-28T09:30+01:00", "controlled": False,
            "high_alert": False, "time_critical": True}
AT_14 = datetime.fromisoformat("2026-11-28T14:00+01:00")


def test_a_time_critical_dose_is_late_after_15_minutes_and_overdue_after_30(session_for, patient):
    doctor = session_for("doctor")
    levodopa = medication.order(doctor.db, records.save_new(doctor, "medication_order", LEVODOPA,
                                                            patient_id=patient).record_id)
    ordinary = levodopa.model_copy(update={"time_critical": False})
    policy = RoundPolicy()
    states = [(dose_state(AT_14, AT_14 + timedelta(minutes=minutes), None, policy_for(levodopa, policy)),
               dose_state(AT_14, AT_14 + timedelta(minutes=minutes), None, policy_for(ordinary, policy)))
              for minutes in (10, 20, 35, 70)]
    assert states == [(DoseState.DUE, DoseState.DUE), (DoseState.LATE, DoseState.DUE),
                      (DoseState.OVERDUE, DoseState.LATE), (DoseState.OVERDUE, DoseState.OVERDUE)]
    stricter = RoundPolicy(late_after=timedelta(minutes=10), overdue_after=timedelta(minutes=20))
    assert policy_for(levodopa, stricter) == stricter  # a ward's tighter policy stands


def test_the_round_and_the_chart_judge_it_so_and_say_it(session_for, patient, clock):
    doctor = session_for("doctor")
    saved = records.save_new(doctor, "medication_order", LEVODOPA, patient_id=patient)
    clock.advance(minutes=20)  # 14:20: the 14:00 dose 20 minutes on
    nurse = session_for("nurse")
    (item,) = [item for item in medication.round_list(nurse.db, nurse.forms, "3B", nurse.clock())
               if item.order.record_id == saved.record_id and item.slot == AT_14]
    assert item.state is DoseState.LATE
    (row,) = medication.mar_grid(nurse.db, patient, AT_14.date(), 1, nurse.clock())
    assert {cell.slot.strftime("%H:%M"): cell.state for cell in row.cells}["14:00"] is DoseState.LATE
    assert "TIME-CRITICAL — within 30 min" in medication.order_flags(row.order, "en", nurse.clock())
    assert "HORAIRE CRITIQUE — à 30 min près" in medication.order_flags(row.order, "fr", nurse.clock())


def test_an_order_written_without_the_question_is_not_time_critical(session_for, patient):
    """Of a medicine the app does not know as time-critical (an anticonvulsant the prescriber ticks
    or not; levodopa is one whatever was ticked: see test_medicine_flags)."""
    doctor = session_for("doctor")
    saved = records.save_new(doctor, "medication_order", {**{k: v for k, v in LEVODOPA.items() if k != "time_critical"},
                                                          "drug": "Levetiracetam 500 mg"}, patient_id=patient)
    assert not medication.order(doctor.db, saved.record_id).time_critical


def test_the_export_says_it(session_for, patient, tmp_path):
    saved = records.save_new(session_for("doctor"), "medication_order", LEVODOPA, patient_id=patient)
    bundle = json.loads((export(session_for("records"), tmp_path / "export").folder / "fhir" / "bundle.json")
                        .read_text(encoding="utf-8"))
    request = next(entry["resource"] for entry in bundle["entry"] if entry["resource"]["id"] == saved.record_id)
    assert "Time-critical: within 30 minutes of its time" in request["note"][0]["text"]
    # As the EHR's snapshot gives it to the app, for an interface to map without reading words.
    assert {ext["url"]: ext["valueBoolean"] for ext in request["extension"]} == {
        "urn:downtime:controlled-drug": False, "urn:downtime:high-alert-medicine": False,
        "urn:downtime:time-critical-medicine": True}
    # The back-entry line the clerk types the order from says it too (the CSV had it, the line did not).
    assert "Time-critical: give within 30 minutes of its time: Yes" in records.record_label(session_for("records"),
                                                                                             saved)


def test_the_blank_mar_has_a_time_critical_tick_for_each_regular_order(blank_pages):
    english, french = blank_pages("mar", "en"), blank_pages("mar", "fr")
    assert "☐ High-alert ☐ Time-critical" in english[0] and "☐ Horaire critique" in french[0]
    assert len(english) == len(french) == 6


def test_the_escalation_list_calls_out_a_late_time_critical_dose_until_it_is_recorded(session_for, patient, clock):
    doctor = session_for("doctor")
    saved = records.save_new(doctor, "medication_order", {**LEVODOPA, "start_at": "2026-11-28T13:30+01:00"},
                             patient_id=patient)
    nurse = session_for("nurse")
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    at_14 = chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en", ward="3B")
    assert at_14.alerts == [] and at_14.next_due == AT_14 + timedelta(minutes=15)  # 14:00: due now
    clock.advance(minutes=35)
    (alert,) = chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en", ward="3B").alerts
    assert (alert.form_id, alert.said) == ("medication_order", [
        "TIME-CRITICAL DOSE OVERDUE (due 28/11 14:00): give it now, or record why not and tell the doctor"])
    assert alert.latest.startswith("Co-careldopa 25/100") and alert.latest.endswith("28/11 14:00")
    medication.record_dose(nurse, saved.record_id, {"outcome": "given", "given_at": "2026-11-28T14:34+01:00",
                                                    "scheduled_for": "2026-11-28T14:00+01:00", "dose_given": 1.0,
                                                    "route": "PO"})
    assert chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en", ward="3B").alerts == []


_ALL = {check: "Checked with the prescriber" for check in Check}


def test_a_time_critical_dose_given_from_another_order_of_it_is_not_called_for_and_one_not_given_is_told(
        session_for, patient, clock):
    """A prescription written again, the first not stopped: the 14:00 dose given from the new order
    was still called out on the old one, "give it now", a second dose. A dose recorded not given
    (the drug not available, nil by mouth) left the list with nothing said: the doctor must find
    another route or medicine; a doctor's hold is theirs."""
    doctor = session_for("doctor")
    first = records.save_new(doctor, "medication_order", {**LEVODOPA, "start_at": "2026-11-28T13:30+01:00"},
                             patient_id=patient)
    again = records.save_new(doctor, "medication_order", {**LEVODOPA, "start_at": "2026-11-28T13:35+01:00"},
                             patient_id=patient)
    nurse = session_for("nurse")
    clock.advance(minutes=35)
    medication.record_dose(nurse, again.record_id, {"outcome": "given", "given_at": "2026-11-28T14:30+01:00",
                                                    "scheduled_for": "2026-11-28T14:00+01:00", "dose_given": 1.0,
                                                    "route": "PO"}, overrides=_ALL)
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    assert chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en", ward="3B").alerts == []
    records.amend(doctor, again.record_id, {**again.data, "stop_at": "2026-11-28T14:32+01:00"}, "Written twice")
    records.amend(doctor, first.record_id, {**first.data, "times": "14:00 18:00"}, "Two doses a day from now")
    clock.advance(hours=4)  # 18:35: the 18:00 dose recorded not given
    medication.record_dose(nurse, first.record_id, {"outcome": "not_given", "given_at": "2026-11-28T18:20+01:00",
                                                    "scheduled_for": "2026-11-28T18:00+01:00",
                                                    "not_given_reason": "nil_by_mouth"},
                           overrides={**_ALL, Check.TIME_CRITICAL_NOT_GIVEN: "Fasting for theatre"})  # no one decided
    found = chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en", ward="3B").alerts
    (alert,) = found
    assert alert.said == ["TIME-CRITICAL DOSE NOT GIVEN (due 28/11 18:00: F — Nil by mouth / fasting): tell the doctor "
                          "(another route or medicine)"]


def test_the_handover_sheet_says_a_late_time_critical_dose(session_for, patient, clock, tmp_path):
    """The escalation list called it out; the sheet the next shift reads said nothing of it."""
    from pypdf import PdfReader

    from downtime.services import printing

    records.save_new(session_for("doctor"), "medication_order", {**LEVODOPA, "start_at": "2026-11-28T13:30+01:00"},
                     patient_id=patient)
    nurse = session_for("nurse")
    clock.advance(minutes=35)
    said = medication.time_critical_handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")
    assert said[patient].startswith("Co-careldopa 25/100") and said[patient].endswith(
        "28/11 14:00: TIME-CRITICAL DOSE OVERDUE (due 28/11 14:00): give it now, or record why not and tell the doctor")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(
        printing.print_census(nurse, tmp_path / "census.pdf", "3B")).pages)
    assert "TIME-CRITICAL DOSE OVERDUE (due 28/11 14:00)" in text


def test_a_levodopa_loaded_from_the_snapshot_unticked_is_escalated_and_handed_over(session_for, patient, clock,
                                                                                  tmp_path):
    """The EHR's snapshot sends no time-critical tick: its co-careldopa, read as time-critical by
    the round (LATE at 14:20), was on neither the escalation list nor the handover sheet, which
    read the tick stored. Both read the order as the round does; its dose not given too."""
    import uuid

    from downtime.services import printing

    loaded = records.save_imported(session_for("records"), "medication_order", {
        **LEVODOPA, "start_at": "2026-11-28T13:30+01:00", "time_critical": False}, patient, str(uuid.uuid4()))
    nurse = session_for("nurse")
    inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    clock.advance(minutes=35)
    (alert,) = chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en", ward="3B").alerts
    assert alert.said == [
        "TIME-CRITICAL DOSE OVERDUE (due 28/11 14:00): give it now, or record why not and tell the doctor"]
    medication.record_dose(nurse, loaded.record_id, {"outcome": "not_given", "given_at": "2026-11-28T14:35+01:00",
                                                     "scheduled_for": "2026-11-28T14:00+01:00",
                                                     "not_given_reason": "vomited"},
                           overrides={Check.TIME_CRITICAL_NOT_GIVEN: "Vomited again when offered at 15:00"})
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(
        printing.print_census(nurse, tmp_path / "census.pdf", "3B")).pages)
    assert "TIME-CRITICAL DOSE NOT GIVEN (due 28/11 14:00: V — Vomited): tell the doctor" in text
