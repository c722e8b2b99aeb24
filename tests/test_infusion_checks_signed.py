"""Each check printed on the MAR signed with the checker's initials, as a dose is ("HL 08:00"), and
one that found something with what was done ("→ Resited, Dr told"), its site in lower case mid-line
(services.infusion_checks.chart_lines): the lines carried no initials and no action, a finding read
as unanswered, and "site No redness, swelling or leak" as two sentences."""

from downtime.services import infusion_checks
from tests.test_infusion_checks import _check
from tests.test_infusion_checks_printed import _printed
from tests.test_infusion_rates import fluids_running  # noqa: F401  (the fixture)


def test_a_check_is_printed_with_its_initials_its_site_mid_line_and_what_was_done(fluids_running, tmp_path):
    nurse, patient, order_id, _ = fluids_running
    _check(nurse, order_id, "2026-11-28T09:00+01:00", 880.0)
    _check(nurse, order_id, "2026-11-28T11:00+01:00", 630.0, site="leaking", vip="4", line_intact=False,
           action="Line reconnected, resite asked")
    printed = _printed(nurse, patient, tmp_path / "mar.pdf")
    assert "check 09:00 HL: 880 mL left, all well check 11:00 HL: 630 mL left ‡1" in printed
    assert ("‡1 28/11 Sodium chloride 0.9% 1000 mL IV at 125 mL/h: check 11:00 HL: 630 mL left (630 mL expected), "
            "pump 125 mL/h, site leaking, VIP 4 — LINE NOT INTACT → Line reconnected, resite asked") in printed
    assert ("surv. 11:00 HL : 630 mL restants (630 mL attendus), pompe 125 mL/h, site fuit, VIP 4 — TUBULURE NON "
            "INTACTE → Line reconnected, resite asked") in _printed(nurse, patient, tmp_path / "mar-fr.pdf", "fr")
    # The screen's cell has each line in full.
    under = infusion_checks.chart_lines(nurse, [patient], "en", None).under_bag
    assert next(line for lines in under.values() for _, line in lines) == (
        "check 09:00 HL: 880 mL left (875 mL expected), pump 125 mL/h, site no redness, swelling or leak")


def test_a_check_amended_by_someone_else_stays_signed_by_its_checker(fluids_running, session_for, clock):
    """A doctor correcting a volume typed wrong became the checker on the chart and in its key
    ("check 09:00 KB"); the check is signed by its first author, as a dose by its giver
    (medication._givers)."""
    from downtime.services import records
    from tests.test_infusion_checks import _at

    nurse, patient, order_id, _ = fluids_running
    saved = _check(nurse, order_id, "2026-11-28T09:00+01:00", 880.0).record
    clock.now = _at("2026-11-28T12:10+01:00")
    records.amend(session_for("doctor"), saved.record_id, {**saved.data, "volume_left_ml": 875.0}, "Volume misread")
    lines = infusion_checks.chart_lines(nurse, [patient], "en", None)
    assert next(line for theirs in lines.under_bag.values() for _, line in theirs).startswith("check 09:00 HL: 875 mL")
    assert lines.signed == {(nurse.user.staff_id, nurse.device.device_id)}
