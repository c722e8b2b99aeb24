"""The PINs typed while the disk was full, written in the audit log once it has room
(`staff.flush_uncounted`): the right PIN that ended a run of wrong ones still ends it."""

import pytest

from downtime.errors import DISK_FULL
from downtime.services import staff
from downtime.services.errors import SignInError


def test_a_nurse_who_signed_in_after_typos_on_a_full_disk_is_not_locked_out_by_one_typo_later(ward_db, clock):
    """Four wrong PINs then her right one on a full disk; room again, one typo and her right PIN
    sign her in. Her right PIN, kept in the running app, is dated no later than the log's latest
    time: read as this laptop's latest entry but its failed sign-ins (which the clock's warning
    reads), that was before the four wrong PINs just written, so it no longer ended their run, and
    the one typo made five in a row: locked out for five minutes, her right PIN refused."""
    db = ward_db
    clock.advance(minutes=5)
    db.read_only = DISK_FULL
    for guess in ("1234", "4321", "0000", "9999"):
        clock.advance(minutes=1)
        with pytest.raises(SignInError, match="wrong PIN"):
            staff.sign_in(db, "nurse", guess, clock)
    clock.advance(minutes=1)
    assert staff.sign_in(db, "nurse", "1111", clock).staff_id == "nurse"
    db.read_only = None
    clock.advance(minutes=6)
    with pytest.raises(SignInError, match="wrong PIN"):
        staff.sign_in(db, "nurse", "1212", clock)
    assert db.execute("SELECT COUNT(*) FROM audit WHERE action = 'sign_in.failed'").fetchone()[0] == 5
    assert staff.sign_in(db, "nurse", "1111", clock).staff_id == "nurse"

