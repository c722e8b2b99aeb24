"""A snapshot's value for a question its line's other answers leave unasked is refused by file,
line and field: saving keeps the questions the form asks alone, and the value was dropped
without a word. An empty column is no loss and loads."""

import shutil
from pathlib import Path

import pytest

from downtime.sync.importing import import_path
from downtime.sync.outcome import ImportRefused

SNAPSHOT = Path(__file__).parent / "data" / "snapshot"


@pytest.fixture
def snapshot(tmp_path):
    return Path(shutil.copytree(SNAPSHOT, tmp_path / "snapshot"))


def _counts(db):
    return {table: db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in ("patients", "records")}


def test_times_given_to_an_as_required_order_are_refused_by_line_and_column(session_for, snapshot):
    """The morphine line (as required) with the times of a regular order: the EHR's extract
    mixed two orders, and the times were dropped without a word."""
    clerk = session_for("records")
    orders = snapshot / "medication_orders.csv"
    orders.write_text(orders.read_text(encoding="utf-8").replace("SC,prn,,", "SC,prn,08:00 20:00,"), encoding="utf-8")
    before = _counts(clerk.db)
    with pytest.raises(ImportRefused) as refused:
        import_path(clerk, snapshot)
    assert str(refused.value) == ("medication_orders.csv, line 3: times '08:00 20:00' is given, but the other "
                                  "answers leave that question unasked and it would be dropped: correct the answer it "
                                  "depends on, or leave it empty")
    assert _counts(clerk.db) == before


def test_empty_columns_of_questions_not_asked_load(session_for, snapshot):
    """The shipped example leaves the as-required columns of a regular order empty, and the
    times of an as-required one."""
    assert import_path(session_for("records"), snapshot).added["order"] == 2
