"""A bag put up and emptied by its rates the same day, never charted stopped, is said empty under
its dose, on the MAR's screen and on the printed chart, as a bag of an earlier day is at the top
of the day's column (services.infusion_checks.run_out): the litre of saline put up at 08:00 at
125 mL/h, empty at 16:00, was printed "125 mL/h" alone, and the screen said no run-out at all."""

from datetime import datetime

from downtime.services import infusion_checks
from tests.test_infusion_checks_printed import _printed
from tests.test_infusion_rates import _change, fluids_running  # noqa: F401  (fixture)

EMPTY = {"en": "→ runs through about 16:00: record it stopped or the next bag",
         "fr": "→ se termine vers 16:00 : noter son arrêt ou la poche suivante"}


def test_a_bag_emptied_the_day_it_is_put_up_is_printed_empty_under_its_dose(fluids_running, tmp_path,  # noqa: F811
                                                                            clock):
    nurse, patient, _, bag = fluids_running
    for lang in ("en", "fr"):
        assert EMPTY[lang] in _printed(nurse, patient, tmp_path / f"mar_{lang}.pdf", lang)
        assert infusion_checks.chart_lines(nurse, [patient], lang, clock.now.tzinfo).under_bag[bag.record_id] == [
            (datetime.fromisoformat("2026-11-28T16:00+01:00"), EMPTY[lang])]


def test_a_bag_replaced_or_stopped_before_it_empties_is_not_said_empty(fluids_running, tmp_path, clock):  # noqa: F811
    nurse, patient, order_id, bag = fluids_running
    _change(nurse, order_id, "2026-11-28T11:00+01:00", change="stopped", rate=None, reason="Tissued")
    assert "runs through" not in _printed(nurse, patient, tmp_path / "mar.pdf")
    assert bag.record_id not in infusion_checks.chart_lines(nurse, [patient], "en", clock.now.tzinfo).under_bag
