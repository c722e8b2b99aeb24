"""An order held or stopped for a reason: the printed MAR said "Stopped 28/11 10:30" and no more, and
"held for AKI, restart when the creatinine is back" read as stopped for good (the paper chart's
ceased box carries the reason). The reason its stop was written with is printed after it."""
from datetime import datetime

from downtime.services import medication, printing, records
from tests.pdf_text import pdf_text

METFORMIN = {"drug": "Metformin", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
             "times": "08:00 18:00", "start_at": "2026-11-28T10:00+01:00", "controlled": False, "high_alert": False}
HELD = "HELD for AKI stage 2 - restart when creatinine back to baseline"


def held_metformin(session_for, patient: str, clock) -> str:
    """Metformin written at 09:30, its stop amended to 10:30 with why; the chart read at 11:00."""
    clock.now = datetime.fromisoformat("2026-11-28T09:30+01:00")
    doctor = session_for("doctor")
    written = records.save_new(doctor, "medication_order", METFORMIN, patient_id=patient)
    records.amend(doctor, written.record_id, {**written.data, "stop_at": "2026-11-28T10:30+01:00"}, HELD)
    clock.now = datetime.fromisoformat("2026-11-28T11:00+01:00")
    return written.record_id


def test_the_printed_mar_says_why_an_order_was_stopped(session_for, patient, clock, tmp_path):
    held_metformin(session_for, patient, clock)
    for lang, said in (("en", f"Stopped 28/11 10:30: {HELD}"), ("fr", f"Arrêt 28/11 10:30 : {HELD}")):
        text = pdf_text(printing.print_mar(session_for("nurse", lang), [patient], tmp_path / f"{lang}.pdf", days=1))
        assert said in " ".join(text.split()), text


def test_the_stop_reason_is_the_latest_amendment_changing_the_stop(session_for, patient, clock):
    order = held_metformin(session_for, patient, clock)
    doctor = session_for("doctor")
    records.amend(doctor, order, {**records.current(doctor.db, order).data, "indication": "type 2 diabetes"},
                  "indication added")
    assert medication.why_stopped(doctor.db, [order]) == {order: HELD}
    (row,) = medication.mar_grid(doctor.db, patient, clock.now.date(), 1, clock.now)
    assert row.stop_reason == HELD


def test_a_course_extended_and_run_out_says_no_reason(session_for, patient, clock):
    """Clarithromycin written to stop 29/11, extended to 30/11 "CRP still rising": on 30/11 the
    chart read "Stopped 30/11 10:00: Course extended: CRP still rising", as though stopped for it."""
    clock.now = datetime.fromisoformat("2026-11-28T09:30+01:00")
    doctor = session_for("doctor")
    written = records.save_new(doctor, "medication_order", {**METFORMIN, "stop_at": "2026-11-29T10:00+01:00"},
                               patient_id=patient)
    records.amend(doctor, written.record_id, {**written.data, "stop_at": "2026-11-30T10:00+01:00"},
                  "Course extended: CRP still rising")
    assert medication.why_stopped(doctor.db, [written.record_id]) == {}
    records.amend(doctor, written.record_id, {**records.current(doctor.db, written.record_id).data,
                                              "stop_at": "2026-11-29T18:00+01:00"}, "QTc 520 ms")
    assert medication.why_stopped(doctor.db, [written.record_id]) == {written.record_id: "QTc 520 ms"}
