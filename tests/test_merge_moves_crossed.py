"""The merge's report asks the ward of a move whose time its laptop changed after its stick had
gone, to after a move another laptop made since (services.back_entry.MOVES_CROSSED), as the
office's worklist does: the merge passes when each record's version 1 was written."""

from datetime import datetime

from downtime.services import records
from downtime.sync.export import export
from downtime.sync.merge import merge
from tests.test_import_moves_a_patient_here import sent  # noqa: F401 (a fixture)


def test_the_merge_asks_the_ward_of_a_move_amended_to_after_another_laptops(sent, tmp_path, clock):  # noqa: F811
    (nurse_1, clerk_1), (_, clerk_2) = sent["one"], sent["two"]
    clock.now = datetime.fromisoformat("2026-11-28T17:00+01:00")
    records.amend(nurse_1, sent["move"], {"moved_at": "2026-11-28T15:45+01:00", "to_ward": "5A", "to_bed": "4",
                                          "reason": "Review"}, "left the ward at 15:45", based_on=1)
    merged = merge([export(clerk, tmp_path / f"stick-{n}").folder for n, clerk in ((1, clerk_1), (2, clerk_2))],
                   tmp_path / "merged")
    assert [(found.form_id, found.record_id) for found in merged.ask_the_ward] == [("transfer", sent["move"])]
