"""Migration m034 (family names of several words indexed written as one) joins names by its own
copy of the rule: a later change of `domain.duplicates.joined_names` would otherwise make the
same migration write other lines on a laptop updated later than on one updated before."""

import pytest

from downtime.domain import duplicates
from downtime.services import records, wards
from downtime.storage import migrations


@pytest.fixture
def nurse(session_for):
    wards.add_ward(session_for("admin"), "3B", "Internal medicine", [str(n) for n in range(1, 7)])
    return session_for("nurse")


def test_m034_writes_the_same_lines_whatever_the_joining_rule_says_later(nurse, admission_values, monkeypatch):
    arrival = nurse.clock().isoformat(timespec="minutes")
    records.save_new(nurse, "admission", {**admission_values, "birth_name": "Le Cœur‐Ærø", "used_name": "Ben Ali",
                                          "bed": "2", "arrival_at": arrival})
    nurse.db.execute("UPDATE patient_search SET names = 'lecoeur aero'")
    nurse.db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm034_search_family_names_joined'")
    for module in (duplicates, migrations):
        monkeypatch.setattr(module, "joined_names", lambda names: ["rule changed later"], raising=False)
    migrations.MIGRATIONS.apply(nurse.db)
    assert nurse.db.execute("SELECT names FROM patient_search").fetchall() == [("lecoeur aero benali lecoeuraero",)]
