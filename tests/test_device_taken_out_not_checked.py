"""A line or catheter asked to come out, or to be resited, is not also asked its routine check: the
escalation list read "PHLEBITIS (VIP 2, …): take it out, …; CHECK OVERDUE (…) since 29/11 14:00",
two visits asked of one cannula, one of them to score a site that is to go."""

from datetime import datetime, timedelta, timezone

import pytest

from downtime.domain.devices import Sign, signs

DUE = datetime(2026, 11, 29, 14, tzinfo=timezone(timedelta(hours=1)))
AT = DUE + timedelta(hours=1)


@pytest.mark.parametrize(("vip", "still_needed", "resite_at", "asked"), [
    (2, True, None, Sign.PHLEBITIS),
    (0, False, None, Sign.NOT_NEEDED),
    (0, True, DUE, Sign.RESITE)])
def test_a_device_to_take_out_or_resite_asks_that_alone_though_its_check_is_overdue(vip, still_needed, resite_at,
                                                                                   asked):
    assert signs(vip, "clean", still_needed, DUE, AT, resite_at) == [asked]


def test_a_device_kept_in_asks_its_overdue_check_beside_what_its_site_shows():
    assert signs(1, "red", True, DUE, AT) == [Sign.INFECTION, Sign.OVERDUE]
