"""A variable-rate insulin infusion (VRIII) changed from the MAR (services.infusion_rates): its rate
is its dose, set on the hour's capillary glucose, yet a new rate was saved with no question on a
hypo not rechecked, with no reading since the morning, or on a "glucose 14.2" the chart did not
show; and the syringe was stopped with no subcutaneous insulin given or prescribed (JBDS-IP)."""

from datetime import datetime

import pytest

from downtime.domain.medication import Check
from downtime.services import infusion_rates, medication, records
from downtime.services.errors import ValidationFailed

READ = {"timing": "other", "reading": "value", "glucose_unit": "mmol_l", "next_in": "60"}
VRIII = {"drug": "Actrapid 50 units in 50 mL", "dose": 50.0, "dose_unit": "units", "route": "IV", "form": "infusion",
         "rate_ml_h": 2.0, "dose_rule": "rate by the VRIII scale on the hourly capillary glucose",
         "frequency": "once", "start_at": "2026-11-28T08:00+01:00", "controlled": False, "high_alert": True,
         "time_critical": True}


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _charted(nurse, patient: str, taken_at: str, value: float) -> None:
    records.save_new(nurse, "blood_glucose", {**READ, "taken_at": taken_at, "glucose": value}, patient_id=patient)


def _put_up(session_for, patient: str, clock, plan: str = "60", taken: str = "07:55") -> tuple:
    """The VRIII put up at 08:00 at 2 mL/h on a glucose of 14.0 at `taken` planning the next `plan`
    minutes on, the doctor checking it. Returns (nurse, patient id, order id)."""
    order = records.save_new(session_for("doctor"), "medication_order", VRIII, patient_id=patient).record_id
    nurse = session_for("nurse")
    clock.now = _at("2026-11-28T08:05+01:00")
    records.save_new(nurse, "blood_glucose", {**READ, "taken_at": f"2026-11-28T{taken}+01:00", "glucose": 14.0,
                                              "next_in": plan}, patient_id=patient)
    medication.record_dose(nurse, order, {
        "outcome": "given", "given_at": "2026-11-28T08:00+01:00", "scheduled_for": "2026-11-28T08:00+01:00",
        "dose_given": 50.0, "route": "IV", "rate_ml_h": 2.0, medication.DECIDED_ON: "capillary glucose 14.0"},
        witness=("doctor", "2222"), overrides={Check.GLUCOSE: f"started on the {taken} reading, Dr Benali"})
    return nurse, patient, order


@pytest.fixture
def vriii(session_for, medication_ward, clock):
    """`_put_up`'s VRIII, its 07:55 reading planning the next in an hour."""
    return _put_up(session_for, medication_ward[0], clock)


def _new_rate(nurse, order: str, at: str, rate: float, reason: str, **more):
    return infusion_rates.change_rate(nurse, order, {"changed_at": at, "change": "rate", "rate_ml_h": rate,
                                                     "reason": reason}, witness=("doctor", "2222"), **more)


def test_a_rate_raised_on_a_hypo_not_rechecked_is_asked_and_its_reason_kept(vriii, clock):
    """3.1 at 10:50, not rechecked; at 11:00 the rate raised to 4 mL/h on a "glucose 14.2"."""
    nurse, patient, order = vriii
    clock.now = _at("2026-11-28T10:55+01:00")
    _charted(nurse, patient, "2026-11-28T10:50+01:00", 3.1)
    clock.now = _at("2026-11-28T11:00+01:00")
    with pytest.raises(medication.OverrideNeeded) as asked:
        _new_rate(nurse, order, "2026-11-28T11:00+01:00", 4.0, "glucose 14.2")
    assert [w.check for w in asked.value.warnings] == [Check.GLUCOSE]
    assert "3.1 mmol/L at 28/11 10:50, is a hypo not rechecked" in str(asked.value)
    assert infusion_rates.by_bag(nurse.db, [patient]) == {}
    saved = _new_rate(nurse, order, "2026-11-28T11:00+01:00", 4.0, "glucose 14.2",
                      overrides={asked.value.warnings[0].message: "Dr Benali: rate per DKA protocol, recheck 11:15"})
    assert saved.data["overrides"] == [{"check": "glucose",
                                        "reason": "Dr Benali: rate per DKA protocol, recheck 11:15"}]
    assert nurse.form(infusion_rates.FORM).version == 3
    # The MAR's cell and the printed chart write it under the bag with the reason it was set over.
    [change] = next(iter(infusion_rates.by_bag(nurse.db, [patient]).values()))
    assert infusion_rates.change_words(change, _at("2026-11-28T08:00+01:00"), "en", None) == (
        "→ 4 mL/h 11:00 (glucose 14.2) — over a warning: Dr Benali: rate per DKA protocol, recheck 11:15")


def test_a_rate_changed_with_no_glucose_in_the_hour_is_asked(vriii, clock):
    nurse, _, order = vriii
    clock.now = _at("2026-11-28T15:00+01:00")
    with pytest.raises(medication.OverrideNeeded) as asked:
        _new_rate(nurse, order, "2026-11-28T15:00+01:00", 3.0, "glucose 16")
    assert "no capillary glucose charted in the hour before 28/11 15:00" in str(asked.value)


def test_a_rate_set_on_a_value_the_chart_does_not_show_is_asked(vriii, clock):
    """9.0 charted at 10:55: a rate set on "glucose 14.2" is asked; on "glucose 9" it is not, nor a pause."""
    nurse, patient, order = vriii
    clock.now = _at("2026-11-28T11:00+01:00")
    _charted(nurse, patient, "2026-11-28T10:55+01:00", 9.0)
    with pytest.raises(medication.OverrideNeeded) as asked:
        _new_rate(nurse, order, "2026-11-28T11:00+01:00", 4.0, "glucose 14.2")
    assert "the measured value “glucose 14.2” differs from the latest charted capillary glucose" in str(asked.value)
    assert "overrides" not in _new_rate(nurse, order, "2026-11-28T11:00+01:00", 1.5, "glucose 9").data
    paused = infusion_rates.change_rate(nurse, order, {"changed_at": "2026-11-28T11:00+01:00", "change": "paused",
                                                       "reason": "line blocked"})
    assert "overrides" not in paused.data


def _stop(nurse, order: str, **more):
    return infusion_rates.change_rate(nurse, order, {"changed_at": "2026-11-28T12:00+01:00", "change": "stopped"},
                                      **more)


def _order_stopped(session_for, order: str, at: str) -> None:
    """The doctor stops the VRIII's order at `at`, as the prescription chart's stop is written."""
    doctor = session_for("doctor")
    records.amend(doctor, order, {**records.history(doctor.db, order)[-1].data, "stop_at": at},
                  "eating, back on subcutaneous insulin")


def test_a_vriii_stopped_with_no_subcutaneous_insulin_is_asked(vriii, session_for, clock):
    """Eating again at noon, the VRIII's order and its syringe stopped: no SC insulin given nor any
    basal prescribed."""
    nurse, patient, order = vriii
    clock.now = _at("2026-11-28T12:00+01:00")
    _charted(nurse, patient, "2026-11-28T11:55+01:00", 8.2)
    _order_stopped(session_for, order, "2026-11-28T12:00+01:00")
    with pytest.raises(medication.OverrideNeeded) as asked:
        _stop(nurse, order)
    assert [w.check for w in asked.value.warnings] == [Check.INSULIN_OMITTED]
    assert "no subcutaneous insulin given in the 2 hours before 28/11 12:00" in str(asked.value)
    saved = _stop(nurse, order, overrides={Check.INSULIN_OMITTED: "Dr Benali told, glargine prescribed at 12:10"})
    assert saved.data["overrides"] == [{"check": "insulin_omitted",
                                        "reason": "Dr Benali told, glargine prescribed at 12:10"}]


@pytest.mark.parametrize("subcutaneous", ["basal given at 08:30", "mealtime given at 11:30"])
def test_a_vriii_stopped_after_its_subcutaneous_insulin_is_not_asked(vriii, session_for, clock, subcutaneous):
    """A basal insulin covers the stop once a dose of it is given in the day before (one only
    prescribed: tests/test_vriii_ended_without_insulin.py), a mealtime one given in the 2 hours."""
    nurse, patient, order = vriii
    sc = {"dose_unit": "units", "route": "SC", "frequency": "scheduled", "start_at": "2026-11-28T08:00+01:00",
          "controlled": False, "high_alert": True, "time_critical": True}
    basal = subcutaneous.startswith("basal")
    sc_order = records.save_new(session_for("doctor"), "medication_order", {
        **sc, **({"drug": "Insulin glargine", "dose": 14.0, "times": "08:30"} if basal
                 else {"drug": "NovoRapid", "dose": 6.0, "times": "11:30"})}, patient_id=patient).record_id
    clock.now = _at("2026-11-28T11:35+01:00")
    _charted(nurse, patient, "2026-11-28T11:25+01:00", 8.2)
    given = "2026-11-28T08:30+01:00" if basal else "2026-11-28T11:30+01:00"
    medication.record_dose(nurse, sc_order, {"outcome": "given", "given_at": given, "scheduled_for": given,
                                             "dose_given": 14.0 if basal else 6.0, "route": "SC"},
                           witness=("doctor", "2222"))
    clock.now = _at("2026-11-28T12:00+01:00")
    _order_stopped(session_for, order, "2026-11-28T12:00+01:00")
    assert "overrides" not in _stop(nurse, order).data


@pytest.mark.parametrize("sc_insulin_in_stay", [False, True])
def test_a_vriii_stopped_for_a_patient_on_tablets_is_asked_only_if_insulin_was_ordered_in_the_stay(
        vriii, session_for, clock, sc_insulin_in_stay):
    """Metformin standing, the VRIII stopped as the patient eats: one never on subcutaneous insulin
    this stay was told "a type 1 is in ketoacidosis again… give the subcutaneous insulin", which
    they had none of (review T2 #2); a mealtime insulin ordered this morning still asks, in words
    that do not take them for a type 1."""
    nurse, patient, order = vriii
    doctor = session_for("doctor")
    tablets = {"dose_unit": "mg", "route": "PO", "frequency": "scheduled", "start_at": "2026-11-27T10:00+01:00",
               "controlled": False, "high_alert": False}
    records.save_new(doctor, "medication_order", {**tablets, "drug": "Metformin", "dose": 1000.0,
                                                  "times": "08:00 18:00"}, patient_id=patient)
    if sc_insulin_in_stay:
        records.save_new(doctor, "medication_order", {
            "drug": "NovoRapid", "dose": 6.0, "dose_unit": "units", "route": "SC", "frequency": "scheduled",
            "times": "07:30", "start_at": "2026-11-28T07:00+01:00", "stop_at": "2026-11-28T07:30+01:00",
            "controlled": False, "high_alert": True, "time_critical": True}, patient_id=patient)
    clock.now = _at("2026-11-28T12:00+01:00")
    _charted(nurse, patient, "2026-11-28T11:55+01:00", 8.2)
    _order_stopped(session_for, order, "2026-11-28T12:00+01:00")
    if not sc_insulin_in_stay:
        assert "overrides" not in _stop(nurse, order).data
        return
    with pytest.raises(medication.OverrideNeeded) as asked:
        _stop(nurse, order)
    assert [w.text("en") for w in asked.value.warnings] == [
        "Actrapid 50 units in 50 mL: no subcutaneous insulin given in the 2 hours before 28/11 12:00, nor any basal or "
        "premixed insulin still acting. If the patient takes insulin at home, ask the doctor to prescribe it, "
        "and stop the infusion 30 to 60 minutes after its first dose: stopped without it, a patient who needs "
        "insulin is in ketoacidosis within hours. Say what was done in the reason."]


def _dialog(qtbot, nurse, order_id: str):
    from downtime.qt.rate_dialog import RateDialog

    order = medication.order(nurse.db, order_id)
    dialog = RateDialog(nurse, order, infusion_rates.running_bag(nurse.db, order, nurse.clock()))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_rate_dialog_shows_the_latest_glucose_and_asks_the_reason(qtbot, vriii, clock):
    """The nurse reads the chart's hypo in the dialog; Save shows the warning with its reason's box;
    the reason typed, the rate is saved with it."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    nurse, patient, order = vriii
    clock.now = _at("2026-11-28T10:55+01:00")
    _charted(nurse, patient, "2026-11-28T10:50+01:00", 3.1)
    clock.now = _at("2026-11-28T11:00+01:00")
    dialog = _dialog(qtbot, nurse, order)
    assert dialog.latest_glucose.text() == "Latest capillary glucose: 3.1 mmol/L at 28/11 10:50"
    QTest.keyClicks(dialog.rate, "4")
    QTest.keyClicks(dialog.reason, "glucose 14.2")
    QTest.keyClicks(dialog.witness_id, "doctor")
    QTest.keyClicks(dialog.witness_pin, "2222")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "Safety warning" in dialog.error.text()
    [reason] = dialog.override_edits.values()
    assert "is a hypo not rechecked" in reason.accessibleDescription()
    assert dialog.witness_pin.text() == ""  # the checker signs again once they have read it
    QTest.keyClicks(reason, "Dr Benali: per DKA protocol")
    QTest.keyClicks(dialog.witness_pin, "2222")
    with qtbot.waitSignal(dialog.recorded) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert saved.args[0].data["overrides"] == [{"check": "glucose", "reason": "Dr Benali: per DKA protocol"}]


def test_a_band_scanned_in_the_rate_dialog_is_checked_not_typed_into_the_rate(qtbot, vriii, clock):
    """R4 #5: the band scanned with the rate box focused went into it, and the scanner's Enter
    pressed Save ("New rate: write it as a number of mL/h")."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from downtime.services.census import patient_with_location

    nurse, patient, order = vriii
    clock.now = _at("2026-11-28T08:30+01:00")
    dialog = _dialog(qtbot, nurse, order)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.rate.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.rate)
    number = patient_with_location(nurse.db, nurse.forms, patient).downtime_number
    QTest.keyClicks(dialog.rate, number)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.rate.text() == "" and dialog.error.text() == "" and dialog.isVisible()
    assert dialog.band.text().startswith("Band checked:") and dialog.band.scanned == number


def _glucose_said(nurse, patient: str, at: datetime) -> tuple[list[str], str, list[str]]:
    """What the tab, the handover and the escalation list say of the patient's glucose at `at`."""
    from downtime.services import census, chart_alerts, glucose

    insulins = glucose.insulins_of_each(nurse.db, [patient], at)[patient]
    found = chart_alerts.alerts(nurse.db, nurse.forms, census.in_patients(nurse.db, nurse.forms, "3B", at), at, "en",
                                ward="3B").alerts
    return (glucose.asking(glucose.chart(nurse.db, patient), at, "en", insulins),
            glucose.handover(nurse.db, [patient], at, "en").get(patient, ""),
            [line for alert in found if alert.form_id == glucose.FORM for line in alert.said])


LATE = "GLUCOSE CHECK OVERDUE since 28/11 08:55 (hourly)"


def test_a_reading_planning_4_hours_is_due_hourly_while_the_vriii_runs(session_for, medication_ward, clock, tmp_path):
    """07:55 planned 4 hours; the VRIII put up at 08:00 runs on: at 09:30 the next is overdue since
    08:55 on the tab, the handover, the escalation list and the printed chart (it said nothing till
    11:55)."""
    from pypdf import PdfReader

    from downtime.services import printing

    nurse, patient, _ = _put_up(session_for, medication_ward[0], clock, plan="240")
    tab, handover, listed = _glucose_said(nurse, patient, _at("2026-11-28T09:30+01:00"))
    assert LATE in tab and LATE in handover and LATE in listed
    clock.now = _at("2026-11-28T09:30+01:00")
    printed = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(
        printing.print_glucose_chart(nurse, patient, tmp_path / "glucose.pdf")).pages)
    assert LATE in printed


def test_a_vriii_put_up_more_than_an_hour_after_the_reading_asks_the_next_an_hour_after_it_started(
        session_for, medication_ward, clock):
    """05:00 planned 10 hours (bedtime to breakfast); the VRIII put up at 08:00 ran four hours with
    no reading asked, due at 15:00 (JBDS-IP: hourly while it runs)."""
    nurse, patient, _ = _put_up(session_for, medication_ward[0], clock, plan="600", taken="05:00")
    tab, handover, listed = _glucose_said(nurse, patient, _at("2026-11-28T09:30+01:00"))
    late = "GLUCOSE CHECK OVERDUE since 28/11 09:00 (hourly)"
    assert late in tab and late in handover and late in listed


def test_a_vriii_restarted_after_a_pause_asks_the_next_an_hour_after_its_restart(session_for, medication_ward, clock):
    """Paused within the hour of the 07:55 reading, the plan of 4 hours stood; restarted at 10:00,
    the next reading is due at 11:00, not at the plan's 11:55."""
    nurse, patient, order = _put_up(session_for, medication_ward[0], clock, plan="240")
    clock.now = _at("2026-11-28T08:30+01:00")
    infusion_rates.change_rate(nurse, order, {"changed_at": "2026-11-28T08:30+01:00", "change": "paused",
                                              "reason": "cannula tissued"})
    assert "next reading due 28/11 11:55 (every 4 hours)" in _glucose_said(nurse, patient, _at("2026-11-28T09:30+01:00"))[1]
    clock.now = _at("2026-11-28T10:00+01:00")
    _new_rate(nurse, order, "2026-11-28T10:00+01:00", 2.0, "re-sited",
              overrides={check: "as the VRIII protocol says" for check in Check})
    tab, handover, _ = _glucose_said(nurse, patient, _at("2026-11-28T11:10+01:00"))
    assert "GLUCOSE CHECK OVERDUE since 28/11 11:00 (hourly)" in handover


def test_a_vriii_stopped_within_the_hour_leaves_the_plan_as_it_was(session_for, medication_ward, clock):
    nurse, patient, order = _put_up(session_for, medication_ward[0], clock, plan="240")
    clock.now = _at("2026-11-28T08:30+01:00")
    infusion_rates.change_rate(nurse, order, {"changed_at": "2026-11-28T08:30+01:00", "change": "stopped"})
    tab, handover, _ = _glucose_said(nurse, patient, _at("2026-11-28T09:30+01:00"))
    assert "OVERDUE" not in " ".join(tab) + handover
    assert "next reading due 28/11 11:55 (every 4 hours)" in handover


@pytest.mark.parametrize("plan", ["120", "none"])
def test_a_reading_planning_more_than_an_hour_while_the_vriii_runs_is_refused(vriii, clock, plan):
    from downtime.services import glucose

    nurse, patient, _ = vriii
    clock.now = _at("2026-11-28T10:01+01:00")
    data = {**READ, "taken_at": "2026-11-28T10:00+01:00", "glucose": 9.0, "next_in": plan}
    with pytest.raises(ValidationFailed) as refused:
        glucose.check_plan_on_infusion(nurse.db, nurse.form(glucose.FORM), patient, data, "en")
    assert refused.value.errors[0].path == "next_in"
    assert refused.value.errors[0].message == (
        "“Next reading due in”: an insulin infusion is running (Actrapid 50 units in 50 mL at 2 mL/h): its glucose is "
        "checked every hour; choose 1 hour or less.")
    glucose.check_plan_on_infusion(nurse.db, nurse.form(glucose.FORM), patient, {**data, "next_in": "60"}, "en")


def test_a_rate_lowered_on_a_hypo_is_not_asked_as_insulin_given(vriii, clock):
    """3.4 at 10:50: the scale's row below 4 lowers the rate and treats the hypo; that is the hypo's
    treatment, and it was asked as insulin given on it (a rate kept is asked:
    tests/test_vriii_rate_kept_on_a_hypo.py). Lowered an hour and more on, the hour's reading is
    still asked."""
    nurse, patient, order = vriii
    clock.now = _at("2026-11-28T10:52+01:00")
    _charted(nurse, patient, "2026-11-28T10:50+01:00", 3.4)
    assert "overrides" not in _new_rate(nurse, order, "2026-11-28T10:52+01:00", 0.5, "glucose 3.4").data
    clock.now = _at("2026-11-28T12:00+01:00")
    with pytest.raises(medication.OverrideNeeded) as asked:
        _new_rate(nurse, order, "2026-11-28T12:00+01:00", 0.2, "glucose 3.4")
    assert "no capillary glucose charted in the hour before 28/11 12:00" in str(asked.value)


def test_a_syringe_finished_and_changed_while_its_order_stands_is_not_asked(vriii, clock):
    """The first syringe taken down at noon and the next put up, the VRIII's order running on: it
    was asked about subcutaneous insulin, as if the VRIII ended."""
    nurse, patient, order = vriii
    clock.now = _at("2026-11-28T12:00+01:00")
    _charted(nurse, patient, "2026-11-28T11:55+01:00", 9.0)
    assert "overrides" not in _stop(nurse, order).data


def test_rate_changes_typed_from_the_paper_chart_are_not_asked_as_at_the_bedside(vriii, session_for, clock):
    """The night's paper chart typed at 07:30, before its glucose chart: its 23:00 rate and its
    02:00 stop were asked as at the bedside (no glucose in the hour, no subcutaneous insulin), as
    a dose typed from paper is not (medication.check_dose)."""
    nurse, _, order = vriii
    _order_stopped(session_for, order, "2026-11-29T02:00+01:00")
    clock.now = _at("2026-11-29T07:30+01:00")
    assert "overrides" not in _new_rate(nurse, order, "2026-11-28T23:00+01:00", 3.0, "glucose 15").data
    assert "overrides" not in infusion_rates.change_rate(nurse, order, {
        "changed_at": "2026-11-29T02:00+01:00", "change": "stopped"}).data


@pytest.mark.parametrize("reason", ["10:55 BM 9.0", "row 3 of the scale (glucose 9)", "1 unit/h per scale, BM 9"])
def test_a_reason_naming_the_charted_glucose_is_not_said_to_differ(vriii, clock, reason):
    """9.0 charted at 10:55: the reason's first number, a time or the scale's row, was read as the
    glucose measured and said to differ from the chart."""
    nurse, patient, order = vriii
    clock.now = _at("2026-11-28T11:00+01:00")
    _charted(nurse, patient, "2026-11-28T10:55+01:00", 9.0)
    assert "overrides" not in _new_rate(nurse, order, "2026-11-28T11:00+01:00", 1.0, reason).data


def test_the_warnings_a_rate_was_saved_over_cannot_be_amended(vriii, clock):
    """The rate set over the hypo's warning, its reason amended away (the MAR and the export no
    longer said it), or one no one gave added to another change; the reading itself is corrected."""
    from downtime.services.errors import ServiceError

    nurse, patient, order = vriii
    clock.now = _at("2026-11-28T10:55+01:00")
    _charted(nurse, patient, "2026-11-28T10:50+01:00", 3.1)
    clock.now = _at("2026-11-28T11:00+01:00")
    saved = _new_rate(nurse, order, "2026-11-28T11:00+01:00", 2.5, "glucose 14.2",
                      overrides={Check.GLUCOSE: "Dr Benali: per DKA protocol"})
    kept = {key: value for key, value in saved.data.items() if key != "overrides"}
    with pytest.raises(ServiceError, match="Warnings overridden cannot be amended"):
        records.amend(nurse, saved.record_id, kept, "tidy")
    clock.now = _at("2026-11-28T11:30+01:00")
    paused = infusion_rates.change_rate(nurse, order, {"changed_at": "2026-11-28T11:30+01:00", "change": "paused",
                                                       "reason": "line blocked"})
    with pytest.raises(ServiceError, match="Warnings overridden cannot be amended"):
        records.amend(nurse, paused.record_id, {**paused.data, "overrides": saved.data["overrides"]}, "forgot")
    assert records.amend(nurse, saved.record_id, {**saved.data, "reason": "glucose 3.1"}, "misread").data[
        "overrides"] == saved.data["overrides"]


def test_a_stop_saved_over_a_warning_does_not_read_as_insulin_given(vriii, session_for, clock):
    """The stop asked about subcutaneous insulin, saved with its reason: the chart wrote "→ stopped
    12:00 — given over a warning", when stopping is what was questioned."""
    nurse, patient, order = vriii
    clock.now = _at("2026-11-28T12:00+01:00")
    _order_stopped(session_for, order, "2026-11-28T12:00+01:00")
    _stop(nurse, order, overrides={Check.INSULIN_OMITTED: "Dr Benali told"})
    [change] = next(iter(infusion_rates.by_bag(nurse.db, [patient]).values()))
    assert infusion_rates.change_words(change, _at("2026-11-28T08:00+01:00"), "en", None) == (
        "→ stopped 12:00 — over a warning: Dr Benali told")


def test_a_reading_after_the_vriii_order_was_stopped_may_plan_before_the_next_meal(vriii, session_for, clock):
    """The order stopped at noon (eating, subcutaneous insulin), the syringe's stop not charted yet:
    the 12:30 reading planning 4 hours, to dinner, was refused as "an insulin infusion is running",
    and the lists kept it due hourly."""
    from downtime.services import glucose

    nurse, patient, order = vriii
    _order_stopped(session_for, order, "2026-11-28T12:00+01:00")
    clock.now = _at("2026-11-28T12:31+01:00")
    records.save_new(nurse, glucose.FORM, {**READ, "taken_at": "2026-11-28T12:30+01:00", "glucose": 8.0,
                                           "next_in": "240"}, patient_id=patient)
    assert "next reading due 28/11 16:30 (every 4 hours)" in glucose.handover(
        nurse.db, [patient], _at("2026-11-28T13:40+01:00"), "en")[patient]
