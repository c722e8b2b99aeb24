"""A FHIR snapshot's own time (Bundle.timestamp) bounds the doses its orders have on the EHR's
chart (services.snapshot_time): the EHR went down at 07:30, its extract of 07:00 was loaded at
11:00, and the 08:00 furosemide read "in the EHR (before downtime)", left off the round."""

import json
from datetime import date, datetime

from downtime.domain.medication import DoseState
from downtime.services import census, medication
from downtime.sync.importing import import_path
from downtime.sync.outcome import ImportResult
from tests.test_snapshot_import import _bundle


def _roux_furosemide(session) -> dict[str, DoseState]:
    roux = next(row.patient for row in census.census(session.db, session.forms, "3B") if row.patient and row.bed == "7")
    (row,) = [row for row in medication.mar_grid(session.db, roux.patient_id, date(2026, 11, 29), 1, session.clock())
              if row.order.drug == "Furosemide"]
    return {f"{cell.slot:%H:%M}": cell.state for cell in row.cells}


def _load(session_for, clock, tmp_path, stamp: str | None, at: str) -> ImportResult:
    bundle = _bundle()
    if stamp is not None:
        bundle["timestamp"] = stamp
    path = tmp_path / f"ehr-{at[11:13]}.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    clock.now = datetime.fromisoformat(at)
    return import_path(session_for("records"), path)


def test_the_bundles_own_time_bounds_the_ehrs_doses(session_for, clock, tmp_path):
    _load(session_for, clock, tmp_path, "2026-11-29T07:00:00+01:00", "2026-11-29T11:00+01:00")
    states = _roux_furosemide(session_for("nurse"))
    assert states["08:00"] is not DoseState.IN_EHR, states


def test_a_bundle_in_utc_bounds_them_at_the_same_moment(session_for, clock, tmp_path):
    _load(session_for, clock, tmp_path, "2026-11-29T06:00:00Z", "2026-11-29T11:00+01:00")
    assert _roux_furosemide(session_for("nurse"))["08:00"] is not DoseState.IN_EHR


def test_a_bundle_without_a_time_is_bounded_by_its_load(session_for, clock, tmp_path):
    _load(session_for, clock, tmp_path, None, "2026-11-29T11:00+01:00")
    assert _roux_furosemide(session_for("nurse"))["08:00"] is DoseState.IN_EHR


def test_a_bundle_without_a_time_says_so_naming_its_timestamp(session_for, clock, tmp_path):
    """As a CSV snapshot without its snapshot.csv says: its doses before the load were hidden as
    "in the EHR" without a word."""
    said = [found.text("en") for found in _load(session_for, clock, tmp_path, None, "2026-11-29T11:00+01:00").to_check]
    assert [text for text in said if text.startswith("This snapshot gives no time of its own (Bundle.timestamp)")
            and "the extract's time in Bundle.timestamp" in text], said


def test_a_bundle_with_its_time_says_nothing_of_one(session_for, clock, tmp_path):
    result = _load(session_for, clock, tmp_path, "2026-11-29T07:00:00+01:00", "2026-11-29T11:00+01:00")
    assert not any("no time of its own" in found.text("en") for found in result.to_check)


def test_loading_a_later_bundle_again_keeps_the_first_ones_time(session_for, clock, tmp_path):
    _load(session_for, clock, tmp_path, "2026-11-29T07:00:00+01:00", "2026-11-29T11:00+01:00")
    _load(session_for, clock, tmp_path, "2026-11-29T10:00:00+01:00", "2026-11-29T11:30+01:00")
    assert _roux_furosemide(session_for("nurse"))["08:00"] is not DoseState.IN_EHR
