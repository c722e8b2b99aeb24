"""A clock set back a day is said until it passes the latest time this laptop wrote, however much
the ward writes meanwhile: read among the log's last 200 entries, a morning's round made it
silent while the clock was still a day behind."""

from datetime import timedelta

from downtime.services import clock_check, wards
from downtime.storage import audit


def test_the_clock_behind_is_still_said_after_a_mornings_entries(session_for, clock):
    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])  # written 28/11/2026 14:00
    clock.now -= timedelta(days=1)
    nurse = session_for("nurse")
    for _ in range(250):  # the round's doses, observations and sign-ins, on the clock set back
        clock.advance(minutes=1)
        audit.append_reading(nurse.db, at=clock.now, actor="nurse", device_id=nurse.device.device_id, action="print")
    assert clock_check.clock_behind(nurse.db, clock.now, "en") == (
        "The laptop's clock says 27/11/2026 18:10, but a record was written at 28/11/2026 14:00: check the date and "
        "time before recording care.")
