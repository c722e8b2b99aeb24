"""A dose refused at 08:05 and taken at 08:45, two records for the 08:00 time, printed "HL 08:45;
(R) HL": the dose given first, as though the refusal came after it (review R2 D6). The printed
cell lists them as they happened; the dose given still decides the cell's state."""

import re
from datetime import datetime

from pypdf import PdfReader

from downtime.domain.medication import Check, DoseState
from downtime.services import medication, printing


def test_a_dose_refused_then_given_prints_in_the_order_it_happened(tmp_path, session_for, medication_ward, clock):
    patient, amox, _ = medication_ward
    nurse = session_for("nurse")
    clock.now = datetime.fromisoformat("2026-11-28T08:05+01:00")
    medication.record_dose(nurse, amox, {"outcome": "not_given", "not_given_reason": "refused",
                                         "given_at": "2026-11-28T08:05+01:00", "scheduled_for": "2026-11-28T08:00+01:00"})
    clock.now = datetime.fromisoformat("2026-11-28T08:45+01:00")
    medication.record_dose(nurse, amox, {"outcome": "given", "dose_given": 1.0, "route": "IV",
                                         "given_at": "2026-11-28T08:45+01:00", "scheduled_for": "2026-11-28T08:00+01:00"},
                           overrides={Check.ALLERGY: "Tolerated before"})
    (row,) = [row for row in medication.mar_grid(nurse.db, patient, clock.now.date(), 1, clock.now)
              if row.order.record_id == amox]
    (cell,) = [cell for cell in row.cells if cell.clock == "08:00"]
    assert cell.state is DoseState.GIVEN
    text = " ".join(re.sub(r"\s+", " ", page.extract_text())
                    for page in PdfReader(printing.print_mar(nurse, [patient], tmp_path / "mar.pdf", days=1)).pages)
    assert "(R) HL 08:05; HL 08:45" in text, text
