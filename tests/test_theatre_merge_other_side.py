"""The merge names the checklist whose time out says another side than the one its operation is
booked on now (one laptop changed the side after the other's team checked the site): it said
nothing (`theatre_clashes: []`)."""

from downtime.sync.export import export
from downtime.sync.merge import merge
from tests.test_theatre_side_changed_elsewhere import (
    checked_under_the_old_rule,
    side_changed_after_the_time_out,
)


def test_the_merge_names_the_checklist_of_the_other_side(tmp_path, laptop, admission_values, clock):
    folders, _ = side_changed_after_the_time_out(tmp_path, laptop, admission_values, clock)
    (report,) = merge(folders, tmp_path / "merged").theatre_clashes
    assert report.text("en").startswith("OTHER SIDE CHECKED, the WHO checklist signed in 28/11/2026 08:50 on laptop 2")


def test_the_merge_says_nothing_of_a_checklist_of_the_old_rule_on_a_side_never_changed(
        tmp_path, laptop, admission_values, clock, monkeypatch):
    _, clerk = checked_under_the_old_rule(tmp_path, laptop, admission_values, clock, monkeypatch)
    assert merge([export(clerk, tmp_path / "export").folder], tmp_path / "merged").theatre_clashes == ()
