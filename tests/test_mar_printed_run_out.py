"""The printed MAR says, in the day's column a bag or syringe driver runs out in, when its rates
(from its last check's volume left) empty it (services.infusion_checks.chart_lines): the demo's
hyoscine driver, read 10.4 mL left at 13:00 at 0.7 mL/h, is empty about 03:51 on 29/11; the
leaving list, the letter and the screen said so, the printed chart only "running at 0.7 mL/h"."""

from datetime import date, datetime

from pypdf import PdfReader

from downtime.services import census, infusion_checks, medication, printing, staff
from downtime.services.context import Session, load_device
from downtime.services.demo import _SYRINGE_DRIVER
from tests.test_infusion_checks import _check
from tests.test_infusion_checks_printed import _printed
from tests.test_infusion_rates import _change, fluids_running  # noqa: F401  (fixture)


def test_the_demos_driver_is_printed_empty_in_the_next_days_column_on_one_page(tmp_path, forms, clock,
                                                                               demo_database):
    db = demo_database(tmp_path / "demo.sqlite")
    patient = next(each for each in census.in_patients(db, forms, ward="3B") if "Palliative" in (each.reason or ""))
    (driver,) = [order for order in medication.orders(db, patient.patient_id, clock.now)
                 if order.drug == _SYRINGE_DRIVER["drug"]]
    nurse = Session(db, load_device(db), staff.sign_in(db, "nurse", "1111", clock), forms, clock)
    for lang, empty in (("en", "→ runs through about 03:51: record it stopped or the next bag"),
                        ("fr", "→ se termine vers 03:51 : noter son arrêt ou la poche suivante")):
        carried = infusion_checks.chart_lines(nurse, [patient.patient_id], lang, clock.now.tzinfo).carried
        assert carried[(driver.record_id, date(2026, 11, 29))][-1] == empty
        assert empty not in carried.get((driver.record_id, date(2026, 11, 28)), [])  # put up that day: under its dose
    pages = [page.extract_text() for page in PdfReader(
        str(printing.print_mar(nurse, [patient.patient_id], tmp_path / "mar.pdf", days=3))).pages]
    assert len(pages) == 1
    assert "runs through about 03:51: record it stopped or the next bag" in " ".join(pages[0].split())


def test_a_bag_stopped_or_replaced_before_it_empties_is_not_printed_empty(fluids_running, clock):  # noqa: F811
    nurse, patient, order_id, _ = fluids_running
    next_day = date(2026, 11, 29)

    def emptied() -> str | None:
        lines = infusion_checks.chart_lines(nurse, [patient], "en", clock.now.tzinfo).carried.get((order_id, next_day))
        return lines[-1] if lines else None

    # The litre put up at 08:00, slowed to 40 mL/h at 10:00: 750 mL left then, empty 29/11 04:45.
    _change(nurse, order_id, "2026-11-28T10:00+01:00", rate=40.0)
    assert emptied() == "→ runs through about 04:45: record it stopped or the next bag"
    # Paused at 23:00 for an hour, its end is an hour later; stopped before then, it is not said.
    clock.now = datetime.fromisoformat("2026-11-29T05:05+01:00")
    _change(nurse, order_id, "2026-11-28T23:00+01:00", change="paused", rate=None)
    _change(nurse, order_id, "2026-11-29T00:00+01:00", rate=40.0)
    assert emptied() == "→ runs through about 05:45: record it stopped or the next bag"
    _change(nurse, order_id, "2026-11-29T05:00+01:00", change="stopped", rate=None, reason="Run through")
    assert emptied() is None


def test_the_run_out_is_printed_after_the_days_check_it_is_timed_from(fluids_running, tmp_path, clock):  # noqa: F811
    nurse, patient, order_id, _ = fluids_running
    _change(nurse, order_id, "2026-11-28T12:00+01:00", rate=20.0, reason="Slowed overnight")
    clock.now = datetime.fromisoformat("2026-11-29T02:10+01:00")
    _check(nurse, order_id, "2026-11-29T02:00+01:00", 220.0, pump=20.0)  # 220 mL at 20 mL/h: empty at 13:00
    printed = _printed(nurse, patient, tmp_path / "mar.pdf")
    assert ("(Slowed overnight) check 29/11 02:00 HL: 220 mL left, all well → runs through about 13:00: record it "
            "stopped or the next bag" in printed)


def test_a_bag_charted_stopped_after_it_emptied_is_not_asked_its_stop(fluids_running, tmp_path, clock):  # noqa: F811
    nurse, patient, order_id, _ = fluids_running
    # The litre slowed to 40 mL/h at 10:00 is empty by its rate at 29/11 04:45, taken down at 09:00.
    _change(nurse, order_id, "2026-11-28T10:00+01:00", rate=40.0)
    clock.now = datetime.fromisoformat("2026-11-29T09:10+01:00")
    _change(nurse, order_id, "2026-11-29T09:00+01:00", change="stopped", rate=None, reason="Run through")
    assert (order_id, date(2026, 11, 29)) not in infusion_checks.chart_lines(nurse, [patient], "en",
                                                                              clock.now.tzinfo).carried
    printed = _printed(nurse, patient, tmp_path / "mar.pdf")
    assert "stopped 09:00 (Run through)" in printed
    assert "record it stopped" not in printed
