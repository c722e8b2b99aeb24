"""A VRIII's change saved over a warning goes to the EHR with it, as a dose's does (form
infusion_rate version 3; sync.fhir_infusion_rates)."""

from downtime.domain.medication import Check
from downtime.services import infusion_rates
from tests.test_infusion_rates import _administrations
from tests.test_vriii_rates import _at, _order_stopped, vriii  # noqa: F401 (the fixture)


def test_a_vriii_stopped_over_its_warning_is_sent_with_the_reason(session_for, vriii, clock, tmp_path):  # noqa: F811
    nurse, _, order = vriii
    clock.now = _at("2026-11-28T12:00+01:00")
    _order_stopped(session_for, order, "2026-11-28T12:00+01:00")
    stop = infusion_rates.change_rate(nurse, order, {"changed_at": "2026-11-28T12:00+01:00", "change": "stopped"},
                                      overrides={Check.INSULIN_OMITTED: "Dr Benali told, glargine prescribed"})
    sent = _administrations(session_for, tmp_path / "out")[stop.record_id]
    assert [note.text for note in sent.note] == [
        "Infusion stopped, syringe or bag taken down",
        "Warning overridden (Insulin infusion stopped with no subcutaneous insulin): Dr Benali told, glargine prescribed"]
