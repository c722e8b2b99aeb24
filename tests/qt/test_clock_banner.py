"""The banner says so from sign-in when the laptop's clock is behind the ward's latest record
(see services.clock_check), and stops saying it once the clock is set right."""

from datetime import timedelta

from downtime.qt.banner import Banner
from downtime.services import wards


def test_the_banner_says_the_clock_is_behind_the_records(qtbot, session_for, clock):
    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    right = clock.now
    clock.now -= timedelta(days=1)
    banner = Banner(session_for("nurse"))
    qtbot.addWidget(banner)
    banner.show()
    assert banner.clock_problem.isVisible()
    assert banner.clock_problem.text().startswith("The laptop's clock says 27/11/2026 14:00, but a record was "
                                                  "written at 28/11/2026 14:00")
    clock.now = right.replace(second=0) + timedelta(minutes=1)
    banner.tick()
    assert not banner.clock_problem.isVisible()
