"""A check's volume left above what its bag held is refused on that field (review S_I2 S2): a
litre bag read "5000 mL left" (a slip of the keyboard; the form takes up to 5000) ran on "running
at 125 mL/h" for 40 hours, and a new bag hung uncharted read 950 mL on the old one's line; the
chart asked neither's stop. A small overfill is read as it is."""

from datetime import datetime

import pytest

from downtime.services import infusion_checks, infusion_rates, medication
from downtime.services.errors import ValidationFailed
from tests.test_infusion_rates import fluids_running  # noqa: F401  (fixture)


def _check(nurse, order_id: str, left: float, lang: str = "en"):
    nurse.lang = lang
    return infusion_checks.record_check(nurse, order_id, {
        infusion_checks.CHECKED_AT: "2026-11-28T12:00+01:00", infusion_checks.VOLUME_LEFT: left,
        infusion_checks.PUMP_RATE: 125.0, infusion_checks.SITE: "ok", infusion_checks.LINE_INTACT: True,
        infusion_checks.PUMP_WORKING: True, infusion_checks.ACTION: "Volume read again"})


@pytest.mark.parametrize(("left", "lang", "said"), [
    (5000.0, "en", "“Volume left in the syringe or bag”: 5000 mL is more than the bag or syringe put up at 08:00 "
                   "held (1000 mL): read the volume again, or chart the bag put up since."),
    (1500.0, "fr", "« Volume restant dans la seringue ou la poche » : 1500 mL, c’est plus que ne contenait la "
                   "poche ou la seringue posée à 08:00 (1000 mL) : relire le volume, ou enregistrer la poche posée "
                   "depuis."),
])
def test_a_volume_left_above_the_bags_is_refused_naming_the_field(fluids_running, left, lang, said):
    nurse, _, order_id, _ = fluids_running
    with pytest.raises(ValidationFailed) as refused:
        _check(nurse, order_id, left, lang)
    assert [(error.path, error.message) for error in refused.value.errors] == [(infusion_checks.VOLUME_LEFT, said)]


def test_a_bags_overfill_is_read_as_it_is(fluids_running):
    nurse, _, order_id, _ = fluids_running
    assert infusion_rates.most_left(1000.0) == pytest.approx(1200.0)
    assert infusion_rates.most_left(2.0) == pytest.approx(3.0)  # a syringe's millilitre at least
    # 1050 mL read at 12:00 of a litre put up at 08:00 at 125 mL/h: more than the 500 expected, said
    # SLOW, and saved.
    assert _check(nurse, order_id, 1050.0).record.data[infusion_checks.VOLUME_LEFT] == 1050.0
    assert infusion_rates.running(nurse.db, [medication.order(nurse.db, order_id)],
                                  datetime.fromisoformat("2026-11-28T13:00+01:00"), "en")[order_id].startswith(
        "running at 125 mL/h")  # its run-out read from the 1050 mL
