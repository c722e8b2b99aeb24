"""A month's stay on the MAR: a chart of some days leaves off the orders that belong to none of
them, as a chart rewritten on paper does, and any sheet of the stay is printed, its first days
included."""

import re
from datetime import date, datetime, timedelta

import pytest
from pypdf import PdfReader

from downtime.cli import main
from downtime.domain.medication import Check
from downtime.services import medication, printing, records
from downtime.services.errors import ServiceError

DAY_31 = datetime.fromisoformat("2026-12-27T10:00+01:00")
PARACETAMOL = {"drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "scheduled",
               "times": "08:00 14:00 20:00", "controlled": False, "high_alert": False}


def _text(path) -> str:
    return " ".join(re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(path).pages)


def _lines(session, patient, first: date, days: int) -> list[str]:
    return sorted(row.order.drug for row in medication.mar_grid(session.db, patient, first, days, session.clock())
            if row.on_the_grid)


@pytest.fixture
def month(session_for, course_orders, clock):
    """`course_orders` (furosemide stopped 28/11, ondansetron once at 28/11 16:00 never given)
    and a month of short paracetamol courses, each written on its first day from 28/11 to 09/12,
    read on 27/12 (day 31). Returns the patient's id."""
    patient = course_orders[0]
    for n in range(12):
        start = datetime.fromisoformat("2026-11-28T10:00+01:00") + timedelta(days=n)
        clock.now = start
        records.save_new(session_for("doctor"), "medication_order", {
            **PARACETAMOL, "start_at": start.isoformat(timespec="minutes"),
            "stop_at": (start + timedelta(hours=20)).isoformat(timespec="minutes")}, patient_id=patient)
    clock.now = DAY_31
    return patient


def test_the_chart_of_day_31_leaves_off_the_orders_stopped_before_its_first_day(session_for, month, tmp_path):
    """Its 3 days, on screen and printed, were 13 lines of orders stopped weeks before around
    the running ones (4 pages printed). The once-only ondansetron of 28/11, given to no one, is
    overdue: it stays until it is recorded."""
    nurse = session_for("nurse")
    assert _lines(nurse, month, date(2026, 12, 25), 3) == ["Amoxicillin", "Morphine", "Ondansetron"]
    printed = _text(printing.print_mar(nurse, [month], tmp_path / "mar.pdf", days=3))
    assert "Furosemide" not in printed and "Paracetamol" not in printed
    assert "Amoxicillin 1 g IV" in printed and "Morphine 5 mg SC" in printed and "Ondansetron 4 mg IV" in printed


def test_the_chart_of_the_stays_first_days_keeps_its_own_orders_and_none_written_since(session_for, month):
    """Read on day 31, the chart of 27/11-29/11 holds what was written by then: not the
    paracetamol courses written from 30/11 on."""
    nurse = session_for("nurse")
    assert _lines(nurse, month, date(2026, 11, 27), 3) == [
        "Amoxicillin", "Furosemide", "Morphine", "Ondansetron", "Paracetamol", "Paracetamol"]


def test_what_stays_a_line_of_the_chart(session_for, medication_ward, clock, tmp_path):
    """On the chart of 25/12-27/12: an order stopped in those days (its course printed "Stopped"),
    one stopped the evening before whose last dose was given past midnight, and a once-only dose
    never recorded; not a once-only dose given or recorded not given before them, nor an
    as-required order stopped before."""
    patient = medication_ward[0]
    doctor, nurse = session_for("doctor"), session_for("nurse")
    clock.now = datetime.fromisoformat("2026-12-20T09:00+01:00")

    def order(drug: str, **answers) -> str:
        return records.save_new(doctor, "medication_order", {**PARACETAMOL, "drug": drug, **answers},
                                patient_id=patient).record_id

    order("Lansoprazole", start_at="2026-12-20T09:00+01:00", stop_at="2026-12-25T12:00+01:00", times="08:00")
    late = order("Omeprazole", start_at="2026-12-20T09:00+01:00", stop_at="2026-12-24T21:00+01:00", times="20:00")
    given, refused, awaited = (order(drug, dose=mg, dose_unit="mg", frequency="once", times=None,
                                     start_at=f"2026-12-{day}T10:00+01:00")
                               for drug, day, mg in (("Ondansetron", 21, 4.0), ("Cyclizine", 21, 50.0),
                                                     ("Metoclopramide", 22, 10.0)))
    order("Codeine", dose=30.0, dose_unit="mg", frequency="prn", times=None, prn_indication="pain", min_interval_hours=6, max_doses_24h=4,
          start_at="2026-12-20T09:00+01:00", stop_at="2026-12-21T09:00+01:00")
    clock.now = datetime.fromisoformat("2026-12-25T00:35+01:00")
    medication.record_dose(nurse, late, {"outcome": "given", "given_at": "2026-12-25T00:30+01:00",
                                         "scheduled_for": "2026-12-24T20:00+01:00", "dose_given": 1.0, "route": "PO"},
                           overrides={Check.ORDER_INACTIVE: "its 20:00 dose, late"})
    medication.record_dose(nurse, given, {"outcome": "given", "given_at": "2026-12-21T10:05+01:00",
                                          "scheduled_for": "2026-12-21T10:00+01:00", "dose_given": 4.0, "route": "PO"})
    medication.record_dose(nurse, refused, {"outcome": "not_given", "not_given_reason": "refused",
                                            "given_at": "2026-12-21T10:05+01:00",
                                            "scheduled_for": "2026-12-21T10:00+01:00"})
    clock.now = DAY_31
    assert _lines(nurse, patient, date(2026, 12, 25), 3) == [
        "Amoxicillin", "Lansoprazole", "Metoclopramide", "Morphine", "Omeprazole"]
    printed = _text(printing.print_mar(nurse, [patient], tmp_path / "mar.pdf", days=3))
    assert "Lansoprazole 1 g PO Start 20/12 09:00 — Stopped 25/12 12:00" in printed
    assert awaited and "Codeine" not in printed and "Cyclizine" not in printed


def test_an_order_another_laptop_wrote_otherwise_stays_though_stopped_here(tmp_path, laptop, clock, admission_values):
    """Stopped on 28/11 on laptop 1, its times changed on laptop 2: on hold, laptop 2's version may
    be the one that runs, and the chart of 25/12-27/12 keeps it for the nurse to check."""
    from downtime.services import staff
    from downtime.services.context import Session
    from downtime.sync.export import export
    from downtime.sync.import_export import import_export
    from tests.conftest import _ward_laptops

    nurses, clerks, doctor, patient, order = _ward_laptops(tmp_path, laptop, clock, admission_values)
    import_export(clerks[1], export(clerks[0], tmp_path / "carried").folder)
    clock.advance(minutes=10)
    elsewhere = Session(nurses[1].db, nurses[1].device, staff.sign_in(nurses[1].db, "doctor", "2222", clock),
                        nurses[1].forms, clock)
    data = records.current(doctor.db, order).data
    records.amend(doctor, order, {**data, "stop_at": "2026-11-28T12:00+01:00"}, "course finished")
    records.amend(elsewhere, order, {**data, "times": "08:00 20:00"}, "twice a day")
    first, second = (export(clerk, tmp_path / f"next-{number}").folder for number, clerk in enumerate(clerks, 1))
    import_export(clerks[0], second)
    import_export(clerks[1], first)
    clock.now = DAY_31
    assert _lines(nurses[0], patient, date(2026, 12, 25), 3) == ["Paracetamol"]
    assert _lines(nurses[1], patient, date(2026, 12, 25), 3) == ["Paracetamol"]


def test_day_one_of_a_month_stay_is_printed_from_the_command_line(course_orders, db_path, tmp_path, capsys):
    """Only 14 days ending today could be printed: the stay's first sheet, in the binder on paper,
    was out of reach on day 31. `--from` takes any day of the stay up to today (the command reads
    the laptop's clock), a day before it refused."""
    out = tmp_path / "day1.pdf"
    person = ["--user", "nurse", "--pin", "1111", "--db", str(db_path)]
    assert main(["pdf", "mar", "DT-042-00001-8", "--from", "27/11/2026", "--days", "7", "--out", str(out), *person]) == 0
    printed = _text(out)
    assert "27/11/2026 to 03/12/2026" in printed and "Furosemide 40 mg PO" in printed
    capsys.readouterr()
    assert main(["pdf", "mar", "DT-042-00001-8", "--from", "26/11/2026", "--out", str(tmp_path / "x.pdf"), *person]) == 1
    assert capsys.readouterr().err == "downtime: 26/11/2026 is before this stay's admission on 27/11/2026.\n"
    assert main(["pdf", "mar", "DT-042-00001-8", "--from", "31/11/2026", "--out", str(tmp_path / "x.pdf"), *person]) == 1
    assert "--from" in capsys.readouterr().err and not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize(("first", "said"), [
    (date(2026, 11, 26), "26/11/2026 is before this stay's admission on 27/11/2026."),
    (date(2026, 12, 28), "28/12/2026 is after today.")])
def test_a_first_day_out_of_the_stay_is_refused(session_for, month, tmp_path, first, said):
    with pytest.raises(ServiceError) as refused:
        printing.print_mar(session_for("nurse"), [month], tmp_path / "mar.pdf", days=3, first_day=first)
    assert str(refused.value) == said
