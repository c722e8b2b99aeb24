"""A dose typed long after it was given (charted from paper after an outage) says when it was
typed, as the controlled-drug register's line does: on the chart, on paper and on the records
office's worklist."""

from datetime import datetime


from downtime.domain.medication import Check
from downtime.services import back_entry, medication, printing
from tests.pdf_text import pdf_text


def _given(nurse, amox, at, slot):
    return medication.record_dose(nurse, amox, {"outcome": "given", "given_at": at, "scheduled_for": slot,
                                                "dose_given": 1.0, "route": "IV"},
                                  overrides={Check.ALLERGY: "tolerated before"})


def test_a_dose_typed_late_says_when_it_was_typed(session_for, medication_ward, clock, tmp_path):
    patient, amox, _ = medication_ward
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T14:00+01:00")
    late = _given(nurse, amox, "2026-11-28T08:05+01:00", "2026-11-28T08:00+01:00")
    clock.now = datetime.fromisoformat("2026-11-28T14:10+01:00")
    _given(nurse, amox, "2026-11-28T14:02+01:00", "2026-11-28T14:00+01:00")  # typed 8 min after: nothing said
    (row,) = [row for row in medication.mar_grid(nurse.db, patient, clock.now.date(), 1, clock.now)
              if row.order.record_id == amox]
    said = {cell.clock: medication.chart_dose_text(cell.administration, row.order, medication.Authors(), {},
                                                   nurse.form(medication.ORDER_FORM), "en")
            for cell in row.cells if cell.administration}
    assert said["08:00"].endswith("08:05 (typed 14:00)") and "typed" not in said["14:00"]
    assert "(typed 14:00)" in pdf_text(printing.print_mar(nurse, [patient], tmp_path / "mar.pdf"))
    clerk = session_for("records")
    labels = {item.record.record_id: item.label for group in back_entry.worklist(clerk) for item in group.items}
    assert labels[late.record_id].endswith(" — typed 14:00")
    assert "typed 14:00" in pdf_text(printing.print_worklist(clerk, tmp_path / "worklist.pdf"))


def test_a_dose_amended_since_keeps_when_it_was_first_typed(session_for, medication_ward, clock):
    from downtime.services import records

    patient, amox, _ = medication_ward
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-29T07:00+01:00")
    late = _given(nurse, amox, "2026-11-28T20:05+01:00", "2026-11-28T20:00+01:00")
    clock.now = datetime.fromisoformat("2026-11-29T09:00+01:00")
    records.amend(nurse, late.record_id, {**late.data, "site": "left arm"}, "site added")
    (dose,) = [d for d in medication.administrations(nurse.db, patient) if d.record_id == late.record_id]
    assert dose.typed_late() == "29/11 07:00"


def test_a_summer_time_dose_typed_in_winter_time_says_the_wards_time_it_was_typed(session_for, admission_values, clock,
                                                                                  tmp_path):
    """An outage spans the night the clocks go back: a dose given on Saturday 24/10 at 22:00
    (summer time) is charted from paper on Monday 26/10 at 10:00 (winter time). Read on the
    dose's own offset (+02:00), it said "typed 26/10 11:00" on a chart printed at 10:30."""
    from datetime import date
    from zoneinfo import ZoneInfo

    from downtime.services import records, wards

    paris = ZoneInfo("Europe/Paris")
    clock.now = datetime(2026, 10, 24, 12, 0, tzinfo=paris)
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    patient = records.save_new(session_for("nurse"), "admission", {
        **admission_values, "arrival_at": "2026-10-24T09:00+02:00"}).patient_id
    order = records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Cyclizine", "dose": 50, "dose_unit": "mg", "route": "PO", "frequency": "prn",
        "prn_indication": "nausea", "min_interval_hours": 8, "max_doses_24h": 3, "start_at": "2026-10-24T10:00+02:00",
        "controlled": False, "high_alert": False}, patient_id=patient).record_id
    clock.now = datetime(2026, 10, 26, 10, 0, tzinfo=paris)
    nurse = session_for("nurse")
    medication.record_dose(nurse, order, {"outcome": "given", "given_at": "2026-10-24T22:00+02:00",
                                          "given_for": "nausea", "dose_given": 50, "route": "PO"})
    clock.now = datetime(2026, 10, 26, 10, 30, tzinfo=paris)
    text = pdf_text(printing.print_mar(nurse, [patient], tmp_path / "mar.pdf", days=3, first_day=date(2026, 10, 24)))
    assert "HL 24/10 22:00 — 50 mg (typed 26/10 10:00)" in text
    (dose,) = [d for d in medication.administrations(nurse.db, patient) if d.order_id == order]
    assert dose.typed_late(paris) == "26/10 10:00"


def test_the_time_a_dose_was_typed_is_read_on_the_wards_clock_whichever_offset_either_was_stored_with():
    """A dose given at 00:30 on the ward (stored at UTC by a laptop set to it, 22:30 the day
    before) and typed at 01:50: read on the dose's offset it said "23:50", before its giving."""
    from zoneinfo import ZoneInfo

    from downtime.domain.medication import written_when

    given = datetime.fromisoformat("2026-10-24T22:30+00:00")
    assert written_when(datetime.fromisoformat("2026-10-25T00:50+01:00"), given, ZoneInfo("Europe/Paris")) == "01:50"


def test_a_dose_typed_in_the_hour_the_clocks_repeat_says_which_time_it_was_typed():
    """Given at 00:30, typed at 02:50 winter time: "(typed 02:50)" read as typed an hour earlier,
    and the same as one typed at 02:50 summer time."""
    from zoneinfo import ZoneInfo

    from downtime.domain.medication import written_when

    given, paris = datetime.fromisoformat("2026-10-25T00:30+02:00"), ZoneInfo("Europe/Paris")
    assert [written_when(datetime.fromisoformat(typed), given, paris)
            for typed in ("2026-10-25T02:50+02:00", "2026-10-25T02:50+01:00", "2026-10-25T03:50+01:00")] == [
        "02:50 +02:00", "02:50 +01:00", "03:50"]


def test_the_records_office_s_worklist_says_which_02_50_a_dose_was_typed_at(patient_on_the_clock, cyclizine_as_required,
                                                                             session_for, clock):
    """Two doses charted from memory the night the clocks go back, typed at 02:50 summer time and
    at 02:50 winter time: the worklist, read on the laptop's zone, said "typed 02:50" for both,
    the chart the clerk checks it against saying which."""
    from zoneinfo import ZoneInfo

    from tests.conftest import CYCLIZINE_GIVEN

    patient = patient_on_the_clock(datetime(2026, 10, 24, 20, 0), "2026-10-24T19:00+02:00")
    order = cyclizine_as_required(patient, "2026-10-24T20:00+02:00")
    nurse = session_for("nurse")
    doses = {}
    for fold, given in ((0, "2026-10-25T01:00+02:00"), (1, "2026-10-25T02:00+02:00")):
        clock.now = datetime(2026, 10, 25, 2, 50, fold=fold, tzinfo=ZoneInfo("Europe/Paris"))
        doses[given] = medication.record_dose(nurse, order, {**CYCLIZINE_GIVEN, "given_at": given},
                                              overrides={check: "x" for check in Check}).record_id
    labels = {item.record.record_id: item.label for group in back_entry.worklist(session_for("records"))
              for item in group.items}
    assert [labels[record_id].rsplit(" — ", 1)[-1] for record_id in doses.values()] == [
        "typed 02:50 +02:00", "typed 02:50 +01:00"]
