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
