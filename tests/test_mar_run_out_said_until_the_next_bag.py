"""A bag's run-out on the MAR (services.infusion_checks.chart_lines, screen and printed chart) is
asked only of the bag still up: "runs through about 16:00: record it stopped or the next bag"
stayed under every routine daily bag once the next was recorded, asking for what was done, and
read in the present tense hours after the time; said then as the chart's row says it (RAN_OUT)."""

from datetime import datetime

from downtime.services import infusion_checks, records
from tests.test_infusion_checks_printed import _printed
from tests.test_infusion_rates import _bag, fluids_running  # noqa: F401  (fixture)

FOUR_PM = datetime.fromisoformat("2026-11-28T16:00+01:00")
RUNS_THROUGH = {"en": "→ runs through about 16:00: record it stopped or the next bag",
                "fr": "→ se termine vers 16:00 : noter son arrêt ou la poche suivante"}
RAN_THROUGH = {"en": "→ should have run out at 16:00: record the next syringe or bag, or its stop",
               "fr": "→ aurait dû se terminer à 16:00 : enregistrer la seringue ou la poche suivante, ou son arrêt"}


def _under(nurse, patient: str, bag_id: str, lang: str = "en") -> list[tuple[datetime, str]]:
    """The lines under the bag's dose on the MAR after its checks."""
    return infusion_checks.chart_lines(nurse, [patient], lang, nurse.clock().tzinfo).under_bag.get(bag_id, [])


def test_a_bag_past_its_run_out_with_nothing_recorded_says_it_should_have_run_through(fluids_running,  # noqa: F811
                                                                                      clock, tmp_path):
    nurse, patient, _, bag = fluids_running
    clock.now = datetime.fromisoformat("2026-11-28T18:00+01:00")
    for lang in ("en", "fr"):
        assert _under(nurse, patient, bag.record_id, lang) == [(FOUR_PM, RAN_THROUGH[lang])]
        printed = _printed(nurse, patient, tmp_path / f"mar_{lang}.pdf", lang)
        assert RAN_THROUGH[lang] in printed and RUNS_THROUGH[lang] not in printed


def test_a_bag_whose_next_is_recorded_says_nothing_of_its_run_out(fluids_running, clock, tmp_path):  # noqa: F811
    nurse, patient, order_id, bag = fluids_running
    clock.now = datetime.fromisoformat("2026-11-29T08:05+01:00")
    following = _bag(nurse, order_id, "2026-11-29T08:00+01:00")
    clock.now = datetime.fromisoformat("2026-11-29T09:00+01:00")
    assert _under(nurse, patient, bag.record_id) == []
    assert _under(nurse, patient, following.record_id) == [
        (datetime.fromisoformat("2026-11-29T16:00+01:00"), RUNS_THROUGH["en"])]
    printed = _printed(nurse, patient, tmp_path / "mar.pdf")
    # The next's; and the day's column's first line, the earlier bag's rate carried into the day.
    assert printed.count("record it stopped or the next bag") == printed.count(
        "record the next syringe or bag, or its stop") == 1
    assert printed.count(RUNS_THROUGH["en"]) == 1 and RAN_THROUGH["en"] not in printed


def test_a_bag_of_a_patient_gone_says_nothing_of_its_run_out(fluids_running, clock, session_for):  # noqa: F811
    nurse, patient, _, bag = fluids_running
    clock.now = datetime.fromisoformat("2026-11-28T18:00+01:00")
    records.save_new(session_for("nurse"), "discharge", {"discharged_at": "2026-11-28T17:00+01:00",
                                                         "destination": "home", "letter_given": True,
                                                         "medicines_given": True}, patient_id=patient)
    assert _under(nurse, patient, bag.record_id) == []
