"""The printed MAR hatches a once-only order's cells past its one dose, as a paper chart's boxes
not to be written in are; but a once-only infusion's bag put up at 20:00 runs into the next day,
and that day's cell, carrying the bag running and its checks, was hatched "no dose of the order
at that time" over them (review T1 of 060aa094, #5)."""

from downtime.pdf import mar
from downtime.services import printing, records
from tests.test_infusion_checks import _at, _check
from tests.test_infusion_rates import FLUIDS, _bag


def test_a_once_only_bag_running_into_the_next_day_is_not_hatched_there(session_for, medication_ward, clock,
                                                                          tmp_path, monkeypatch):
    patient = medication_ward[0]
    once = {**FLUIDS, "rate_ml_h": 83.0, "frequency": "once", "times": "20:00",
            "start_at": "2026-11-28T20:00+01:00"}
    clock.now = _at("2026-11-28T19:55+01:00")
    order_id = records.save_new(session_for("doctor"), "medication_order", once, patient_id=patient).record_id
    nurse = session_for("nurse")
    clock.now = _at("2026-11-28T20:05+01:00")
    _bag(nurse, order_id, "2026-11-28T20:00+01:00", rate=83.0)
    clock.now = _at("2026-11-29T00:05+01:00")
    _check(nurse, order_id, "2026-11-29T00:00+01:00", 668.0, pump=83.0)
    grids = []

    def kept(*args, **kwargs):
        grids.append(made := grid(*args, **kwargs))
        return made

    grid = mar.Grid
    monkeypatch.setattr(mar, "Grid", kept)
    printing.print_mar(nurse, [patient], tmp_path / "mar.pdf", days=2)
    [(chart, row, column)] = [(chart, row, column) for chart in grids for row, line in enumerate(chart.rows)
                              for column, cell in enumerate(line)
                              if cell is not None and "check 29/11 00:00" in cell.value]
    assert "bag of 28/11 20:00: running at 83 mL/h" in chart.rows[row][column].value
    assert (row, column) not in chart.crossed
    assert (row, column - 1) not in chart.crossed  # the day it was put up
