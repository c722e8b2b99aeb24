"""Until when the EHR's chart holds a loaded order's doses (services.snapshot_time): the earliest
of the load, the snapshot's own time, and the first time the laptop wrote after the load when its
clock was put back since. And an as-required order loaded from the snapshot says, for a day,
that its doses before then are on the EHR's chart, not counted here."""

import shutil
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from downtime.domain.medication import DoseState
from downtime.services import census, medication, printing, snapshot_time
from downtime.sync.importing import import_path
from tests.test_mar_snapshot import _pages

SNAPSHOT = Path(__file__).parent / "data" / "snapshot"


@pytest.fixture
def snapshot(tmp_path):
    return Path(shutil.copytree(SNAPSHOT, tmp_path / "snapshot"))


def _at(text: str) -> datetime:
    return datetime.fromisoformat(f"2026-{text}+01:00")


def _helene(session):
    return next(row.patient for row in census.census(session.db, session.forms, "3B")
                if row.patient and row.bed == "12")


def _order(session, drug: str):
    return next(found for found in medication.orders(session.db, _helene(session).patient_id, session.clock())
                if found.drug == drug)


def _states(session, drug: str) -> dict[str, DoseState]:
    """The order's doses on 28/11 and 29/11."""
    (row,) = [row for row in medication.mar_grid(session.db, _helene(session).patient_id, date(2026, 11, 28), 2,
                                                 session.clock()) if row.order.drug == drug]
    return {f"{cell.slot:%d %H:%M}": cell.state for cell in row.cells}


def _round(session) -> list[tuple[str, str]]:
    return [(item.order.drug, f"{item.slot:%d %H:%M}")
            for item in medication.round_list(session.db, session.forms, "3B", session.clock())]


def test_a_snapshots_own_time_bounds_the_doses_in_the_ehr(session_for, snapshot, clock):
    """The snapshot's state is of 07:00, the EHR went down at 07:30, it was loaded at 11:00: the
    08:00 paracetamol, due after the EHR went down, is on the laptop's round, not "in the EHR"."""
    clerk = session_for("records")
    clock.now = _at("11-29T11:00")
    import_path(clerk, snapshot)
    paracetamol = _order(clerk, "Paracetamol")
    with clerk.db.atomic():  # as the load writes it, in its transaction (see sync.snapshot)
        snapshot_time.keep(clerk, [paracetamol.record_id], _at("11-29T07:00"))
    clock.now = _at("11-29T11:15")
    nurse = session_for("nurse")
    states = _states(nurse, "Paracetamol")
    assert states["28 20:00"] is DoseState.IN_EHR and states["29 08:00"] is not DoseState.IN_EHR, states
    assert ("Paracetamol", "29 08:00") in _round(nurse)


def test_a_snapshot_order_keeps_the_time_it_was_first_loaded_with(session_for, snapshot, clock):
    clerk = session_for("records")
    clock.now = _at("11-29T11:00")
    import_path(clerk, snapshot)
    found = _order(clerk, "Paracetamol")
    for as_of in ("11-29T07:00", "11-29T10:00"):
        with clerk.db.atomic():
            snapshot_time.keep(clerk, [found.record_id], _at(as_of))
    first = clerk.db.execute("SELECT r.recorded_at, r.device_id FROM records r WHERE r.record_id = ? AND version = 1",
                             [found.record_id]).fetchone()
    loaded = {found.record_id: (datetime.fromisoformat(first[0]), first[1])}
    assert snapshot_time.ehr_until(clerk.db, loaded) == {found.record_id: _at("11-29T07:00")}


def test_a_snapshot_time_later_than_the_load_changes_nothing(session_for, snapshot, clock):
    clerk = session_for("records")
    clock.now = _at("11-29T07:00")
    import_path(clerk, snapshot)
    with clerk.db.atomic():
        snapshot_time.keep(clerk, [_order(clerk, "Paracetamol").record_id], _at("11-29T09:00"))
    clock.now = _at("11-29T10:15")
    states = _states(session_for("nurse"), "Paracetamol")
    assert states["28 20:00"] is DoseState.IN_EHR and states["29 08:00"] is not DoseState.IN_EHR, states


def test_a_snapshot_loaded_with_the_clock_a_day_ahead_hides_no_day_of_doses(session_for, snapshot, clock):
    """IT loads the snapshot with the laptop's date a day ahead ("29/11 10:00"), puts it right and
    signs in again at 10:05 on 28/11 to check the census: the load came before that sign-in. At
    14:30 the 14:00 paracetamol is on the round (it read "in the EHR" all day), the 08:00 one,
    given in the EHR, is not."""
    clock.now = _at("11-29T10:00")
    import_path(session_for("records"), snapshot)
    clock.now = _at("11-28T10:05")
    session_for("records")
    clock.now = _at("11-28T14:30")
    nurse = session_for("nurse")
    assert ("Paracetamol", "28 14:00") in _round(nurse)
    assert _states(nurse, "Paracetamol")["28 08:00"] is DoseState.IN_EHR


def test_a_clock_on_time_keeps_the_load_as_the_bound(session_for, snapshot, clock):
    """The laptop used before the load and after it, its clock right: the load bounds the EHR's doses."""
    clock.now = _at("11-29T09:00")
    session_for("nurse")
    clock.now = _at("11-29T10:00")
    import_path(session_for("records"), snapshot)
    clock.now = _at("11-29T10:30")
    nurse = session_for("nurse")
    assert _states(nurse, "Paracetamol")["29 08:00"] is DoseState.IN_EHR
    assert ("Paracetamol", "29 08:00") not in _round(nurse)


def _morphine_loaded_at_ten(session_for, snapshot, clock):
    clock.now = _at("11-29T10:00")
    import_path(session_for("records"), snapshot)
    return session_for("nurse")


def test_a_loaded_as_required_order_says_its_doses_before_the_load_are_on_the_ehrs_chart(session_for, snapshot,
                                                                                          clock):
    nurse = _morphine_loaded_at_ten(session_for, snapshot, clock)
    clock.now = _at("11-29T10:15")
    status = medication.as_required_status(nurse, _order(nurse, "Morphine").record_id)
    assert status.ehr_before == _at("11-29T10:00")
    assert (status.last, status.recent, status.next_at) == (None, (), None)  # counted as before


def test_a_day_after_its_load_the_order_says_nothing_of_the_ehr(session_for, snapshot, clock):
    nurse = _morphine_loaded_at_ten(session_for, snapshot, clock)
    morphine = _order(nurse, "Morphine")
    assert medication.as_required_status(nurse, morphine.record_id, _at("11-30T09:59")).ehr_before is not None
    assert medication.as_required_status(nurse, morphine.record_id, _at("11-30T10:00")).ehr_before is None


def test_an_as_required_order_typed_on_the_ward_says_nothing_of_the_ehr(paracetamol, clock):
    nurse, _, prn = paracetamol
    assert medication.as_required_status(nurse, prn.record_id).ehr_before is None


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "When printed: no dose recorded — 0 in 24 h (most 6) — doses before 29/11 10:00 are on the EHR's chart: "
           "check its last print before giving"),
    ("fr", "À l’impression : aucune dose tracée — 0 sur 24 h (max 6) — les doses d’avant le 29/11 10:00 sont dans "
           "le DPI : vérifier sa dernière impression avant d’administrer"),
])
def test_the_printed_chart_says_a_loaded_as_required_orders_doses_are_on_the_ehrs_chart(session_for, snapshot, clock,
                                                                                        tmp_path, lang, said):
    nurse = _morphine_loaded_at_ten(session_for, snapshot, clock)
    clock.now = _at("11-29T10:15")
    pages = _pages(printing.print_mar(replace(nurse, lang=lang), [_helene(nurse).patient_id], tmp_path / "mar.pdf"))
    assert said in " ".join(pages)
