"""The fluid chart's restriction as the printed chart and the escalation list say it: the bags
given on the medication chart and not charted yet counted in and named, a target not reached on a
closed day's chart, a restriction exceeded on the escalation list."""

from datetime import date, datetime, timedelta, timezone

from pypdf import PdfReader

from downtime.services import census, chart_alerts, printing, records
from tests.test_fluid_balance import _saline_given

PARIS = timezone(timedelta(hours=1))
PLAN = {"decided_at": "2026-11-28T09:30+01:00", "kind": "restriction", "volume": 1500, "decided_by": "Dr Benali"}
OVER = "OVER THE FLUID RESTRICTION: 800 mL in (+1000 mL given on the medication chart, not on this chart), " \
       "1500 mL allowed: tell the doctor"


def _printed(nurse, patient, day, out):
    return " ".join(" ".join(page.extract_text().split())
                    for page in PdfReader(printing.print_fluid_chart(nurse, patient, day, out)).pages)


def test_the_printed_chart_counts_and_lists_a_bag_given_on_the_medication_chart(session_for, medication_ward,
                                                                                tmp_path):
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    records.save_new(doctor, "fluid_plan", PLAN, patient_id=patient)
    _saline_given(session_for, patient)
    records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-28T12:00+01:00", "route": "in_oral",
                                              "volume": 800}, patient_id=patient)
    text = _printed(nurse, patient, date(2026, 11, 28), tmp_path / "fluid.pdf")
    assert "Given on the medication chart, not on this chart yet: 10:05 Sodium chloride 0.9 % 1000 mL" in text
    assert text.index(OVER) < text.index("IN (mL)")  # the alarm over the grid, on its page whatever follows


def test_a_closed_days_printed_chart_says_its_target_not_reached(session_for, patient, clock, tmp_path):
    nurse = session_for("nurse")
    records.save_new(nurse, "fluid_plan", {**PLAN, "kind": "target", "volume": 2000}, patient_id=patient)
    records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-28T13:00+01:00", "route": "in_oral",
                                              "volume": 1200}, patient_id=patient)
    assert "1200 mL in, 800 mL to go" in _printed(nurse, patient, date(2026, 11, 28), tmp_path / "today.pdf")
    clock.now = datetime(2026, 11, 29, 8, 0, tzinfo=PARIS)
    assert ("FLUID TARGET NOT REACHED: 1200 mL in, at least 2000 mL asked: tell the doctor"
            in _printed(nurse, patient, date(2026, 11, 28), tmp_path / "closed.pdf"))


def test_the_escalation_list_says_a_restriction_exceeded_until_the_charts_day_closes(session_for, patient, clock):
    nurse = session_for("nurse")
    records.save_new(nurse, "fluid_plan", PLAN, patient_id=patient)
    records.save_new(nurse, "fluid_balance", {"measured_at": "2026-11-28T13:00+01:00", "route": "in_iv",
                                              "volume": 2000}, patient_id=patient)

    def listed():
        inside = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
        return chart_alerts.alerts(nurse.db, nurse.forms, inside, nurse.clock(), "en", ward="3B")

    found = listed()
    assert [(alert.form_id, alert.latest, alert.said) for alert in found.alerts] == [
        ("fluid_balance", "Fluid restriction: no more than 1500 mL in 24 hours (Dr Benali, 28/11 09:30)",
         ["OVER THE FLUID RESTRICTION: 2000 mL in, 1500 mL allowed: tell the doctor"])]
    assert found.next_due == datetime(2026, 11, 28, 23, 0, tzinfo=PARIS)  # first the VTE assessment's 14 hours
    clock.now = found.next_due
    assert listed().next_due == datetime(2026, 11, 29, 7, 0, tzinfo=PARIS)  # then the chart's day closing
    clock.now = listed().next_due
    assert [alert.form_id for alert in listed().alerts] == ["vte_assessment"]  # the patient never assessed
